"""The session store: every interview, its turns, grades and review schedule, in SQLite.

Part of the core: it imports neither textual nor torch. The app, ``practice``,
``review`` and the history commands all go through it.

The names below are imported from their modules on first use, so importing a
light submodule (``interviewer.store.paths``, which the app needs before its
first paint) does not import sqlite3 and the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# name -> the submodule that defines it
_MODULE_OF = {
    "DB_NAME": "connect",
    "memory_store": "connect",
    "open_store": "connect",
    "QuestionOutcome": "db",
    "SessionBusyError": "db",
    "SessionRow": "db",
    "Store": "db",
    "StoreError": "db",
    "utc_now": "db",
    "Recorder": "recorder",
    "flow_of": "recorder",
    "resume_interview": "recorder",
    "SCHEMA_VERSION": "schema",
    "NewerSchemaError": "schema",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its submodule the first time it is asked for."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'interviewer.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"interviewer.store.{module}"), name)
    globals()[name] = value
    return value
