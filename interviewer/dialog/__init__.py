"""The dialog engine: the interview as an explicit state machine.

``Interview`` follows a flow (``dialogs/*.yaml``) through its stages, asking,
grading, probing, following threads and adapting the level; the states and
transitions it may take are declared once, in :mod:`interviewer.dialog.machine`.
"""

from interviewer.dialog.commands import COMMANDS, recognise
from interviewer.dialog.engine import Interview, SessionOptions
from interviewer.dialog.machine import STATES, TRANSITIONS, render_machine
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
