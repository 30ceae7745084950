"""Opening the store: the file, WAL mode, migrations, the autosave import, the fallback.

When the database cannot be used (a read-only or full directory, a locked or
corrupt file, a newer schema), :func:`open_store` returns an in-memory store
with the same schema and says why in ``Store.warning``, so the interview runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from interviewer.store.db import BUSY_TIMEOUT, Clock, Store, StoreError, describe, utc_now
from interviewer.store.schema import NewerSchemaError, migrate

__all__ = ["DB_NAME", "memory_store", "open_store"]

DB_NAME = "interviewer.db"


def _connect(target: str, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_store(
    data_dir: Path,
    *,
    now: Clock = utc_now,
    timeout: float = BUSY_TIMEOUT,
    fallback: bool = True,
) -> Store:
    """Open (creating and migrating) the database under ``data_dir``.

    Old JSON autosaves in ``data_dir/sessions`` are imported on first open.

    Args:
        data_dir: The data directory.
        now: The wall clock, UTC.
        timeout: Seconds to wait for a lock held by another writer.
        fallback: On failure return an in-memory store whose ``warning`` says
            why (True), or raise (False).

    Raises:
        StoreError: (only with ``fallback=False``) when the database cannot be used.
    """
    path = data_dir / DB_NAME
    try:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {data_dir}: {describe(exc)}") from None
        conn = _connect(str(path), timeout)
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"cannot switch to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
            store = Store(conn, path, now)
            from interviewer.store.autosaves import import_autosaves

            import_autosaves(store, data_dir / "sessions")
        except NewerSchemaError as exc:
            conn.close()
            raise StoreError(f"{path}: {exc}") from None
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot use {path}: {describe(exc)}") from None
        except StoreError:
            conn.close()
            raise
    except StoreError as exc:
        if not fallback:
            raise
        return memory_store(now, warning=f"{exc}. This session is kept in memory only.")
    return store


def memory_store(now: Clock = utc_now, warning: str = "") -> Store:
    """An in-memory store with the full schema: the fallback, and for tests."""
    conn = _connect(":memory:", BUSY_TIMEOUT)
    migrate(conn)
    store = Store(conn, None, now)
    store.warning = warning
    return store
