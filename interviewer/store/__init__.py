"""The session store: every interview, its turns, grades and review schedule, in SQLite.

Part of the core: it imports neither textual nor torch. The app, ``practice``,
``review`` and the history commands all go through it.
"""

from interviewer.store.connect import DB_NAME, memory_store, open_store
from interviewer.store.db import (
    QuestionOutcome,
    SessionBusyError,
    SessionRow,
    Store,
    StoreError,
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
