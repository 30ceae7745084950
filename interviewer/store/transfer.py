"""Moving a history between machines: ``export-history`` and ``import-history``.

The export is one JSON document holding every row of every table (sessions,
turns, results, review items and log), with the JSON columns decoded so the file
is readable. Importing it into an empty store gives the same rows back; into a
store with history, sessions already present are kept and a review item keeps
whichever card was reviewed last.
"""

from __future__ import annotations

import json
from typing import Any

from interviewer.store.db import Store, StoreError
from interviewer.store.schema import SCHEMA_VERSION

__all__ = ["FORMAT", "export_history", "import_history"]

FORMAT = "interviewer-history"
_TABLES: dict[str, tuple[str, ...]] = {
    "sessions": ("state", "flow_def", "driver"),
    "turns": ("data",),
    "results": ("missed",),
    "review_items": ("card",),
    "review_log": (),
}
_KEYS = {
    "sessions": ("id",),
    "turns": ("session_id", "seq"),
    "results": ("session_id", "position"),
    "review_items": ("id",),
    "review_log": ("item_id", "session_id"),
}


def export_history(store: Store) -> dict[str, Any]:
    """Every row of the store as a JSON-ready document."""
    document: dict[str, Any] = {"format": FORMAT, "schema": SCHEMA_VERSION}
    for table, json_columns in _TABLES.items():
        cursor = store.conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(_KEYS[table])}")
        columns = [d[0] for d in cursor.description]
        rows = []
        for values in cursor.fetchall():
            row = dict(zip(columns, values, strict=True))
            for column in json_columns:
                if row.get(column) is not None:
                    row[column] = json.loads(row[column])
            row.pop("owner", None)
            rows.append(row)
        document[table] = rows
    return document


def import_history(store: Store, document: Any) -> dict[str, int]:
    """Add an exported history to the store; return how many rows each table gained.

    Raises:
        StoreError: when the document is not an export (or from a newer schema);
            nothing is imported then.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise StoreError(f'not an interviewer history export (no "format": "{FORMAT}")')
    schema = document.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise StoreError(
            f"the export has schema {schema!r}; this interviewer reads up to {SCHEMA_VERSION}"
        )
    added: dict[str, int] = {}
    with store.transaction() as conn:
        for table, json_columns in _TABLES.items():
            rows = document.get(table, [])
            if not isinstance(rows, list):
                raise StoreError(f"{table!r} must be a list of rows")
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            count = 0
            for number, row in enumerate(rows, 1):
                if not isinstance(row, dict) or not set(row) <= columns:
                    unknown = sorted(set(row) - columns) if isinstance(row, dict) else []
                    raise StoreError(f"{table} row {number} is not a row of {table} {unknown}")
                values = {
                    k: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
                    if k in json_columns and v is not None
                    else v
                    for k, v in row.items()
                }
                if table == "review_items":
                    count += _merge_item(conn, values)
                    continue
                names = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                try:
                    count += conn.execute(
                        f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                        tuple(values.values()),
                    ).rowcount
                except Exception as exc:
                    raise StoreError(f"{table} row {number}: {exc}") from None
            added[table] = count
    return added


def _merge_item(conn: Any, values: dict[str, Any]) -> int:
    current = conn.execute(
        "SELECT card FROM review_items WHERE id = ?", (values.get("id"),)
    ).fetchone()
    if current is not None:
        mine = json.loads(current[0]).get("last_review") or ""
        theirs = json.loads(values["card"]).get("last_review") or ""
        if theirs <= mine:
            return 0
        conn.execute("DELETE FROM review_items WHERE id = ?", (values["id"],))
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO review_items ({names}) VALUES ({marks})", tuple(values.values()))
    return 1
