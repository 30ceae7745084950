"""The session store: one SQLite database in the user data directory.

Through the standard library's :mod:`sqlite3` in WAL mode, so readers (another
``interviewer sessions``, a second app) never block the writer and a crash never
leaves a half-written turn. Each exchange of an interview (the candidate's turn
and the interviewer's replies) is committed with the session's saved state in
one transaction.

:func:`interviewer.store.connect.open_store` opens it (or falls back to memory).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interviewer.store.rows import QuestionOutcome, SessionRow

__all__ = [
    "BUSY_TIMEOUT",
    "Clock",
    "QuestionOutcome",
    "SessionBusyError",
    "SessionRow",
    "Store",
    "StoreError",
    "describe",
    "utc_now",
]

Clock = Callable[[], datetime]
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another one before giving up


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class StoreError(Exception):
    """The database could not be read or written; the message says which file and why."""


class SessionBusyError(StoreError):
    """The session is being written by another running interviewer."""


_SESSION_COLUMNS = (
    "id, created, updated, flow, track, mode, length, seed, status, answered, grade, source, "
    "(SELECT COUNT(*) FROM turns WHERE turns.session_id = sessions.id)"
)


def describe(exc: BaseException) -> str:
    """A database error in plain words, with what to do about it."""
    text = str(exc) or type(exc).__name__
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return f"{text} (the directory or file is read-only)"
    if "not a database" in text or "malformed" in text:
        return f"{text} (the file is damaged: move it aside and a new one is started)"
    if "locked" in text or "busy" in text:
        return f"{text} (another program holds it; close it, or wait and try again)"
    if "full" in text:
        return f"{text} (free some disk space)"
    return text


class Store:
    """The sessions, turns, results and review items of one user.

    Use :func:`open_store` rather than the constructor: it creates the
    directory, migrates, imports old autosaves and falls back to memory.

    Args:
        conn: An open connection in autocommit mode, already migrated.
        path: The database file, or None for an in-memory store.
        now: The wall clock (UTC), injectable for tests.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None, now: Clock) -> None:
        self.conn = conn
        self.path = path
        self.now = now
        self.warning = ""
        # One connection serves every thread of the app: a transaction holds it throughout.
        self.lock = threading.RLock()

    @property
    def in_memory(self) -> bool:
        """Whether nothing is written to disk (the fallback)."""
        return self.path is None

    def close(self) -> None:
        """Close the connection (releasing the sessions this process owned)."""
        try:
            with self.transaction():
                self.conn.execute(
                    "UPDATE sessions SET owner = NULL WHERE owner = ?", (os.getpid(),)
                )
        except StoreError:
            pass
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``); errors become StoreError."""
        where = str(self.path) if self.path else "the in-memory store"
        with self.lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write {where}: {describe(exc)}") from None
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(f"cannot write {where}: {describe(exc)}") from None
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):
            self.conn.execute("ROLLBACK")

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        try:
            with self.lock:
                return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            where = str(self.path) if self.path else "the in-memory store"
            raise StoreError(f"cannot read {where}: {describe(exc)}") from None

    def _stamp(self) -> str:
        return self.now().astimezone(UTC).isoformat(timespec="seconds")

    # -- sessions -------------------------------------------------------------------------

    def new_session_id(self, track: str, mode: str) -> str:
        """A fresh id from the current time: ``YYYYmmdd-HHMMSS-track-mode[-n]``."""
        base = f"{self.now():%Y%m%d-%H%M%S}-{track}-{mode}"
        taken = {
            row[0] for row in self._read("SELECT id FROM sessions WHERE id LIKE ?", [base + "%"])
        }
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def create_session(
        self,
        session_id: str,
        *,
        flow: str,
        track: str,
        mode: str,
        length: str,
        seed: int,
        source: str,
        flow_def: dict[str, Any] | None = None,
    ) -> None:
        """Record a new, empty session owned by this process.

        Raises:
            StoreError: when it cannot be written (or the id is taken).
        """
        stamp = self._stamp()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO sessions (id, created, updated, flow, track, mode, length, seed, "
                "status, source, owner, flow_def) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)",
                (
                    session_id,
                    stamp,
                    stamp,
                    flow,
                    track,
                    mode,
                    length,
                    seed,
                    source,
                    os.getpid(),
                    json.dumps(flow_def) if flow_def is not None else None,
                ),
            )

    def claim(self, session_id: str) -> None:
        """Take over writing a saved session (on resume).

        Raises:
            SessionBusyError: when a live process other than this one writes it.
            StoreError: when it cannot be written.
        """
        with self.transaction() as conn:
            row = conn.execute("SELECT owner FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise StoreError(f"no session {session_id!r}")
            owner = row[0]
            if owner is not None and owner != os.getpid() and _alive(int(owner)):
                raise SessionBusyError(
                    f"session {session_id} is open in another interviewer (process {owner}); "
                    "finish or quit it there first"
                )
            conn.execute("UPDATE sessions SET owner = ? WHERE id = ?", (os.getpid(), session_id))

    def save_exchange(
        self,
        session_id: str,
        first_seq: int,
        turns: Iterable[dict[str, Any]],
        state: dict[str, Any],
        *,
        finished: bool,
        outcomes: Iterable[QuestionOutcome] = (),
        driver: dict[str, Any] | None = None,
        on_outcome: Callable[[sqlite3.Connection, str, QuestionOutcome, str], None] | None = None,
    ) -> None:
        """Commit new turns and the session's state in one transaction.

        Args:
            session_id: The session.
            first_seq: The sequence number of the first new turn (turns already
                stored from there on are replaced, so a retried save is harmless).
            turns: The new turns, as :meth:`Turn.to_dict` dicts.
            state: The dialog's snapshot.
            finished: Whether the interview is over.
            outcomes: Graded questions closed so far (recorded once each).
            driver: Where the candidate's script stands (``practice``), if any.
            on_outcome: Called inside the transaction for each outcome not
                recorded before (the review schedule hooks in here).

        Raises:
            StoreError: when the transaction fails; nothing of it is kept.
        """
        stamp = self._stamp()
        credits = [q["credit"] for q in state.get("questions", []) if q.get("credit") is not None]
        answered = sum(1 for q in state.get("questions", []) if q.get("status") == "answered")
        grade = round(sum(credits) / len(credits), 2) if credits else None
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM turns WHERE session_id = ? AND seq >= ?", (session_id, first_seq)
            )
            conn.executemany(
                "INSERT INTO turns (session_id, seq, role, kind, question_id, grade, data, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        first_seq + i,
                        t["role"],
                        t["kind"],
                        t.get("question_id"),
                        (t.get("grade") or {}).get("grade"),
                        json.dumps(t, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                        stamp,
                    )
                    for i, t in enumerate(turns)
                ],
            )
            updated = conn.execute(
                "UPDATE sessions SET updated = ?, status = ?, answered = ?, grade = ?, state = ?, "
                "driver = ?, owner = ? WHERE id = ?",
                (
                    stamp,
                    "finished" if finished else "active",
                    answered,
                    grade,
                    json.dumps(state, ensure_ascii=False, separators=(",", ":")),
                    json.dumps(driver) if driver is not None else None,
                    None if finished else os.getpid(),
                    session_id,
                ),
            ).rowcount
            if not updated:
                raise StoreError(f"no session {session_id!r} to save into")
            for outcome in outcomes:
                inserted = conn.execute(
                    "INSERT OR IGNORE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_id,
                        outcome.position,
                        outcome.question_id,
                        outcome.credit,
                        json.dumps(list(outcome.missed)),
                        outcome.seconds,
                        stamp,
                    ),
                ).rowcount
                if inserted and on_outcome is not None:
                    on_outcome(conn, session_id, outcome, stamp)

    def sessions(self, status: str | None = None, limit: int | None = None) -> list[SessionRow]:
        """Sessions, most recently updated first; ``status`` filters."""
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions"
        params: list[Any] = []
        if status is not None:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY updated DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [SessionRow(*row) for row in self._read(sql, params)]

    def session(self, session_id: str) -> SessionRow:
        """One session by id.

        Raises:
            StoreError: when there is no such session.
        """
        rows = self._read(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", [session_id])
        if not rows:
            raise StoreError(f"no session {session_id!r}")
        return SessionRow(*rows[0])

    def resolve(self, wanted: str | None, *, status: str | None = "active") -> str:
        """The id of a session given in full or by a unique prefix; None: the latest.

        Raises:
            StoreError: when nothing (or more than one session) matches.
        """
        if wanted is None:
            rows = self.sessions(status=status, limit=1)
            if not rows:
                raise StoreError("there is no unfinished session to resume")
            return rows[0].id
        exact = self._read("SELECT id FROM sessions WHERE id = ?", [wanted])
        if exact:
            return str(exact[0][0])
        escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        matches = self._read(
            "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' ORDER BY id", [escaped + "%"]
        )
        if len(matches) == 1:
            return str(matches[0][0])
        if not matches:
            raise StoreError(f"no session {wanted!r} (see `interviewer sessions`)")
        raise StoreError(f"{wanted!r} matches {len(matches)} sessions; give more of the id")

    def load(
        self, session_id: str
    ) -> tuple[SessionRow, dict[str, Any] | None, list[dict[str, Any]]]:
        """A session's row, saved dialog state (None for an import) and turns in order."""
        row = self.session(session_id)
        state = self._read("SELECT state FROM sessions WHERE id = ?", [session_id])[0][0]
        turns = [
            json.loads(data)
            for (data,) in self._read(
                "SELECT data FROM turns WHERE session_id = ? ORDER BY seq", [session_id]
            )
        ]
        return row, (json.loads(state) if state else None), turns

    def extra(self, session_id: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """A session's synthetic flow (review, adaptive) and script position, if any."""
        rows = self._read("SELECT flow_def, driver FROM sessions WHERE id = ?", [session_id])
        if not rows:
            raise StoreError(f"no session {session_id!r}")
        flow_def, driver = rows[0]
        return (
            json.loads(flow_def) if flow_def else None,
            json.loads(driver) if driver else None,
        )

    def meta(self, key: str) -> str | None:
        """A one-off fact kept in the database (e.g. when autosaves were imported)."""
        rows = self._read("SELECT value FROM meta WHERE key = ?", [key])
        return str(rows[0][0]) if rows else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
