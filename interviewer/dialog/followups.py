"""Follow-ups that build on what the candidate said, read from the grader's public result.

Pure functions of a :class:`~interviewer.grading.result.GradeResult` and the
question: the words to quote back in "Are you sure?", the partial evidence a
probe can follow up on, how much of a follow-up question an answer already
covered, and which concepts a question has earned so far.
"""

from __future__ import annotations

from collections.abc import Iterable

from interviewer.grading.result import ConceptMatch, GradeResult
from interviewer.models import Question, ThreadLink
from interviewer.transcript import Turn

__all__ = [
    "COVERED_AT",
    "QUOTE_WORDS",
    "challenge_quote",
    "covered_share",
    "credited_so_far",
    "is_step_down",
    "partial_quote",
    "quote_of",
]

# A follow-up whose key concepts the answer already earned to this share is not asked.
COVERED_AT = 0.5
# Quotes longer than this many words are cut to their first words.
QUOTE_WORDS = 8


def quote_of(text: str) -> str:
    """The candidate's words, trimmed for quoting back in a sentence."""
    words = text.strip().strip(".,;:!?\"'").split()
    if len(words) > QUOTE_WORDS:
        return " ".join(words[:QUOTE_WORDS]) + "…"
    return " ".join(words)


def _first_span(match: ConceptMatch) -> str:
    return quote_of(match.spans[0].text) if match.spans else ""


def challenge_quote(result: GradeResult) -> str | None:
    """The words of a wrong or denied claim to question with "Are you sure?", if any.

    A stated misconception comes first; then a key idea the answer mentioned
    only to deny it (a negated match).
    """
    for hit in result.misconceptions:
        if hit.spans:
            return quote_of(hit.spans[0].text)
    for match in result.concepts:
        if match.negated and not match.credited and match.spans:
            return _first_span(match)
    return None


def partial_quote(result: GradeResult, concept_id: str) -> str | None:
    """The candidate's words that partly express a concept the grader did not credit."""
    for match in result.concepts:
        if match.concept_id == concept_id and not match.credited and not match.negated:
            quote = _first_span(match)
            return quote or None
    return None


def covered_share(question: Question, result: GradeResult) -> float:
    """The share (0-1) of ``question``'s key concept weight that ``result`` credits.

    Questions without key concepts count every concept.
    """
    credited = {c.concept_id for c in result.credited}
    keys = [c for c in question.concepts if c.key] or list(question.concepts)
    total = sum(c.weight for c in keys)
    return sum(c.weight for c in keys if c.id in credited) / total if total else 0.0


def credited_so_far(turns: Iterable[Turn], question_id: str) -> set[str]:
    """Every concept of a question credited by any of its graded answers so far."""
    credited: set[str] = set()
    for turn in turns:
        if turn.question_id == question_id and turn.grade is not None:
            credited |= {c.concept_id for c in turn.grade.credited}
    return credited


def is_step_down(link: ThreadLink) -> bool:
    """Whether a thread steps down to easier ground after a gap (a weak grade or a miss)."""
    when = link.when
    return when.grade_below is not None or when.missed is not None
