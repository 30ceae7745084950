"""Helpers shared by the store tests: a scripted interview recorded into a store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from interviewer.bank import Bank
from interviewer.cli.practice import AnswerScript, load_answers, play
from interviewer.dialog import Interview, SessionOptions
from interviewer.loader import load_bank
from interviewer.store import Recorder, Store

ROOT = Path(__file__).parent.parent
ANSWERS = ROOT / "examples" / "answers"
DATA = Path(__file__).parent / "data"


@cache
def bank() -> Bank:
    """The built-in bank, loaded once."""
    return load_bank()


@cache
def grader() -> Any:
    """The default grader, fitted once."""
    from interviewer.grading import default_grader

    return default_grader()


def script(name: str = "middling") -> AnswerScript:
    """An example candidate's answers."""
    return load_answers(ANSWERS / f"{name}.yaml", set(bank().questions))


def record(store: Store, seed: int = 3, name: str = "middling", flow: str = "general") -> str:
    """Run a whole scripted interview into ``store``; return its session id."""
    interview = Interview(bank(), bank().flows[flow], grader(), SessionOptions(seed=seed))
    session_id = store.new_session_id(flow, "practice")
    recorder = Recorder(store, session_id, interview, bank(), source="practice")
    answers = script(name)
    play(interview, answers, lambda: _must(recorder.commit(answers.cursor())))
    return session_id


def _must(error: str) -> None:
    assert error == "", error


class FixedClock:
    """A wall clock that moves only when told."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move forward by ``timedelta(**delta)``."""
        self.now += timedelta(**delta)


# The command line as a real process.
CLI = [
    __import__("sys").executable,
    "-c",
    "import sys; from interviewer.cli import main; sys.exit(main())",
]
