"""The plain records the store hands out and takes in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["QuestionOutcome", "SessionRow"]


@dataclass(frozen=True)
class SessionRow:
    """One session as listed: what ``interviewer sessions`` prints.

    Attributes:
        id: The session id (also the stem of its export files).
        created, updated: ISO 8601 UTC times.
        flow, track, mode, length, seed: How it was run.
        status: ``active`` (can be resumed), ``finished`` or ``stopped`` (an
            imported autosave that cannot be resumed).
        answered: Questions answered so far.
        grade: Mean credit over the graded questions (None if none yet).
        source: ``app``, ``practice``, ``review`` or ``import``.
        turns: Turns recorded.
    """

    id: str
    created: str
    updated: str
    flow: str
    track: str
    mode: str
    length: str
    seed: int
    status: str
    answered: int
    grade: float | None
    source: str
    turns: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class QuestionOutcome:
    """A graded question closed in a session: fed to the review schedule and history.

    Attributes:
        position: Its index in the session's question records.
        question_id: The question.
        credit: 0-5 after hint costs (0 for a skip).
        missed: Ids of the key concepts not credited.
        credited: Ids of the concepts credited.
        seconds: Time spent on it, when a UI measured it.
    """

    position: int
    question_id: str
    credit: float
    missed: tuple[str, ...]
    credited: tuple[str, ...]
    seconds: float | None = None
