"""The dialog engine: the interview as an explicit state machine.

``Interview`` follows a flow (``dialogs/*.yaml``) through its stages, asking,
grading, probing, following threads and adapting the level; the states and
transitions it may take are declared once, in :mod:`interviewer.dialog.machine`.

The names below load on first use, so a light module of the package (the
command table, the machine) can be imported without the engine and the grader.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.dialog.commands import COMMANDS, recognise
    from interviewer.dialog.engine import Interview
    from interviewer.dialog.machine import STATES, TRANSITIONS, render_machine
    from interviewer.options import SessionOptions
    from interviewer.transcript import Transcript, Turn

__all__ = [
    "COMMANDS",
    "STATES",
    "TRANSITIONS",
    "Interview",
    "SessionOptions",
    "Transcript",
    "Turn",
    "recognise",
    "render_machine",
]

_HOMES = {
    "COMMANDS": "interviewer.dialog.commands",
    "recognise": "interviewer.dialog.commands",
    "Interview": "interviewer.dialog.engine",
    "STATES": "interviewer.dialog.machine",
    "TRANSITIONS": "interviewer.dialog.machine",
    "render_machine": "interviewer.dialog.machine",
    "SessionOptions": "interviewer.options",
    "Transcript": "interviewer.transcript",
    "Turn": "interviewer.transcript",
}


def __getattr__(name: str) -> Any:
    """Load one of :data:`__all__` from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'interviewer.dialog' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
