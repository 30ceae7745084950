"""Elapsed time overall and per question, for the side panel and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interviewer.ui.clock import Clock

__all__ = ["QuestionTimer"]


@dataclass
class QuestionTimer:
    """Elapsed time overall and per question, frozen when the interview ends."""

    clock: Clock
    started: float = 0.0
    question_started: float = 0.0
    question_id: str | None = None
    frozen_at: float | None = None
    times: list[tuple[str, float]] = field(default_factory=list)

    def now(self) -> float:
        return self.frozen_at if self.frozen_at is not None else self.clock()

    def new_question(self, question_id: str | None) -> None:
        self.close_question()
        self.question_started = self.clock()
        self.question_id = question_id

    def close_question(self) -> None:
        if self.question_id is not None:
            self.times.append((self.question_id, self.now() - self.question_started))
            self.question_id = None

    def resume(self, transcript: Any, question: Any) -> None:
        """Continue the clocks of a stored session from its saved timings."""
        elapsed = transcript.extras.get("elapsed") or {}
        self.started = self.clock() - float(elapsed.get("total_seconds", 0.0))
        self.times = [
            (str(q["question_id"]), float(q["seconds"])) for q in elapsed.get("questions", [])
        ]
        if question is not None:
            self.new_question(question.id)

    def freeze(self) -> None:
        if self.frozen_at is None:
            self.frozen_at = self.clock()
            self.close_question()
