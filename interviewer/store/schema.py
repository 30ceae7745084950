"""The store's schema: numbered migrations, and the check that refuses a newer database.

The schema version is SQLite's ``PRAGMA user_version``. Migration *n* takes a
database at version *n - 1* to version *n*; a fresh database runs them all. Each
runs in its own transaction together with the version bump, so a crash during an
upgrade leaves the database at the last complete version.
"""

from __future__ import annotations

import sqlite3

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "NewerSchemaError", "migrate", "schema_version"]

# Version 1: sessions, their turns, and a key-value table for one-off facts.
_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    flow TEXT NOT NULL,
    track TEXT NOT NULL,
    mode TEXT NOT NULL,
    length TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    answered INTEGER NOT NULL DEFAULT 0,
    grade REAL,
    state TEXT
);
CREATE INDEX sessions_by_update ON sessions (updated);
CREATE TABLE turns (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    question_id TEXT,
    grade REAL,
    data TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
"""

# Version 2: where a session came from and who writes it, synthetic flows (review,
# adaptive), the script's position, per-question results, and FSRS review state.
_V2 = """
ALTER TABLE sessions ADD COLUMN source TEXT NOT NULL DEFAULT 'app';
ALTER TABLE sessions ADD COLUMN owner INTEGER;
ALTER TABLE sessions ADD COLUMN flow_def TEXT;
ALTER TABLE sessions ADD COLUMN driver TEXT;
ALTER TABLE turns ADD COLUMN at TEXT;
CREATE INDEX sessions_by_status ON sessions (status, updated);
CREATE TABLE results (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    credit REAL NOT NULL,
    missed TEXT NOT NULL,
    seconds REAL,
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);
CREATE TABLE review_items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    question_id TEXT NOT NULL,
    concept_id TEXT,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    reviews INTEGER NOT NULL DEFAULT 0,
    last_grade REAL
);
CREATE INDEX review_by_due ON review_items (due);
CREATE TABLE review_log (
    item_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    reviewed TEXT NOT NULL,
    rating INTEGER NOT NULL,
    grade REAL NOT NULL,
    PRIMARY KEY (item_id, session_id)
);
"""


def _v2_results(conn: sqlite3.Connection) -> None:
    """Fill the v2 ``results`` table from the question records in v1 sessions' states."""
    import json

    rows = conn.execute("SELECT id, updated, state FROM sessions WHERE state IS NOT NULL")
    for session_id, updated, state in rows.fetchall():
        try:
            questions = json.loads(state).get("questions", [])
        except (ValueError, AttributeError):
            continue  # an unreadable state keeps its turns; it just has no results
        for position, record in enumerate(questions):
            if not isinstance(record, dict) or record.get("credit") is None:
                continue
            result = record.get("result") or {}
            missed = [c["concept_id"] for c in result.get("concepts", []) if not c.get("credited")]
            conn.execute(
                "INSERT INTO results VALUES (?, ?, ?, ?, ?, NULL, ?)",
                (
                    session_id,
                    position,
                    record["question_id"],
                    record["credit"],
                    json.dumps(missed),
                    updated,
                ),
            )


# (DDL, optional data step) per version, in order; MIGRATIONS[n - 1] makes version n.
MIGRATIONS: tuple[tuple[str, object], ...] = ((_V1, None), (_V2, _v2_results))
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(RuntimeError):
    """The database was written by a newer interviewer; this one must not touch it."""


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's schema version (0 for an empty database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``; return the version it was at.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each step
    opens its own ``BEGIN IMMEDIATE`` transaction.

    Raises:
        NewerSchemaError: when the database is at a version above ``SCHEMA_VERSION``.
    """
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the database has schema version {found}, newer than this interviewer "
            f"understands (up to {SCHEMA_VERSION}); upgrade interviewer, or point "
            "--data-dir at another directory"
        )
    for version in range(found + 1, target + 1):
        ddl, data_step = MIGRATIONS[version - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) >= version:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in ddl.split(";"):
                if statement.strip():
                    conn.execute(statement)
            if callable(data_step):
                data_step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found
