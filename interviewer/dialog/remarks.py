"""What the interviewer says that is not a question: feedback, notices, closing lines."""

from __future__ import annotations

from collections.abc import Collection

from interviewer.grading.result import GradeResult
from interviewer.models import Question
from interviewer.transcript import QuestionRecord

__all__ = [
    "COMMANDS_LINE",
    "answer_feedback",
    "quote_spans",
    "summary_line",
]

COMMANDS_LINE = (
    "If you get stuck, just ask for a hint, ask me to repeat or rephrase the question, "
    "skip it, or tell me you don't know; you can also go back one question, or end the "
    "interview whenever you like."
)

# Show the model answer after a question when its credit is below this.
MODEL_ANSWER_BELOW = 4.5


def quote_spans(result: GradeResult, concept_id: str) -> str:
    """The candidate's words that earned a concept, quoted, or an empty string."""
    for match in result.concepts:
        if match.concept_id == concept_id and match.spans:
            return ", ".join(f'"{span.text}"' for span in match.spans)
    return ""


def answer_feedback(
    question: Question,
    record: QuestionRecord,
    *,
    closed: bool,
    shown: Collection[str] = (),
) -> str:
    """Practice-mode feedback on the question so far.

    Args:
        question: The question answered.
        record: Its record, with the best result so far.
        closed: True when the interview moves on from the question: the feedback
            then names what was missed and shows the model answer. While a probe
            or a retry is pending, what was missed stays unsaid.
    """
    result = record.result
    credit = record.credit
    if record.status == "skipped" or result is None or credit is None:
        keys = [c.label for c in question.concepts if c.key] or [question.concepts[0].label]
        lines = ["Skipped. A good answer would cover: " + "; ".join(keys) + "."]
        lines.append(f"Model answer: {question.reference}")
        return "\n\n".join(lines)
    head = f"**{credit:.1f}/5** on this question" if closed else f"So far **{credit:.1f}/5**"
    if record.hints_used:
        plural = "s" if record.hints_used > 1 else ""
        head += f" (with {record.hints_used} hint{plural})"
    lines = [head + "."]
    covered = []
    for match in result.credited:
        if match.concept_id in shown:
            continue
        quoted = quote_spans(result, match.concept_id)
        covered.append(f"{match.label}" + (f" ({quoted})" if quoted else ""))
    if covered:
        lines.append(("Now also covered: " if shown else "Covered: ") + "; ".join(covered) + ".")
    for wrong in question.misconceptions:
        if wrong.id in record.misconceptions:
            lines.append(f"Careful: {wrong.claim} {wrong.correction}")
    if closed:
        missed = [c for c in question.concepts if c.id in {m.concept_id for m in result.missed}]
        for concept in missed:
            lines.append(f"Missed: {concept.label}. {concept.missing_feedback}")
        if credit < MODEL_ANSWER_BELOW:
            lines.append(f"Model answer: {question.reference}")
    return "\n\n".join(lines)


def summary_line(records: list[QuestionRecord]) -> str:
    """One line with the overall score, for the practice-mode closing."""
    credits = [r.credit for r in records if r.credit is not None]
    if not credits:
        return "We did not get to grade any answer this time."
    mean = sum(credits) / len(credits)
    plural = "s" if len(credits) != 1 else ""
    return f"Overall: **{mean:.1f}/5** over {len(credits)} question{plural}."
