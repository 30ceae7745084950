"""Time per answer against the flow's target by level: what the report says about the clock.

The app measures how long each question was on the table (from being asked to the
next question) and keeps it in the transcript's extras; this module sets those
times against :attr:`~interviewer.models.Flow.answer_time` and renders them.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.bank import Bank
from interviewer.models import Flow
from interviewer.transcript import Transcript

__all__ = ["AnswerTime", "answer_times", "format_seconds", "timing_markdown"]


def format_seconds(seconds: float) -> str:
    """``m:ss``."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass(frozen=True)
class AnswerTime:
    """How long one question took, and its target.

    Attributes:
        question_id: The question.
        seconds: Time from being asked to the next question (summed if asked again).
        target: The flow's target for its level, or None without a clock.
    """

    question_id: str
    seconds: float
    target: int | None

    @property
    def over(self) -> float:
        """Seconds over the target (0 when within it or without a target)."""
        return max(0.0, self.seconds - self.target) if self.target else 0.0


def answer_times(transcript: Transcript, bank: Bank, flow: Flow) -> list[AnswerTime]:
    """The time of every timed question, in the order first asked."""
    elapsed = transcript.extras.get("elapsed") or {}
    totals: dict[str, float] = {}
    for item in elapsed.get("questions", []):
        qid = str(item["question_id"])
        totals[qid] = totals.get(qid, 0.0) + float(item["seconds"])
    times = []
    for qid, seconds in totals.items():
        question = bank.questions.get(qid) or bank.handson.get(qid)  # hands-on: by level too
        target = flow.answer_time.get(question.level) if question is not None else None
        times.append(AnswerTime(qid, round(seconds, 1), target))
    return times


def timing_markdown(times: list[AnswerTime]) -> str:
    """A Markdown section: time per answer, with every overrun noted."""
    if not times:
        return ""
    lines = [
        "## Time per answer",
        "",
        "| question | time | target | |",
        "| --- | --- | --- | --- |",
    ]
    for t in times:
        target = format_seconds(t.target) if t.target else "-"
        note = f"over by {format_seconds(t.over)}" if t.over else ""
        lines.append(f"| {t.question_id} | {format_seconds(t.seconds)} | {target} | {note} |")
    over = [t for t in times if t.over]
    if over:
        lines += ["", f"{len(over)} of {len(times)} answers went over their target time."]
    return "\n".join(lines) + "\n"
