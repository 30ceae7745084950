"""The session store: every interview, its turns, grades and review schedule, in SQLite.

Part of the core: it imports neither textual nor torch. The app, ``practice``,
``review`` and the history commands all go through it.
"""

from interviewer.store.db import (
    DB_NAME,
    QuestionOutcome,
    SessionBusyError,
    SessionRow,
    Store,
    StoreError,
    memory_store,
    open_store,
    utc_now,
)
from interviewer.store.recorder import Recorder, flow_of, resume_interview
from interviewer.store.schema import SCHEMA_VERSION, NewerSchemaError

__all__ = [
    "DB_NAME",
    "SCHEMA_VERSION",
    "NewerSchemaError",
    "QuestionOutcome",
    "Recorder",
    "SessionBusyError",
    "SessionRow",
    "Store",
    "StoreError",
    "flow_of",
    "memory_store",
    "open_store",
    "resume_interview",
    "utc_now",
]
