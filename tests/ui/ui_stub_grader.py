"""A tiny exact-phrase grader for the UI tests.

The snapshot tests pin what the screens look like; grading the same answer
with the real grader would tie them to every tuning of its weights. This stub
credits a concept when one of its phrasings occurs verbatim (case-insensitive)
and flags a misconception the same way, with spans into the original answer.
The pilot tests use the real grader.
"""

from __future__ import annotations

from interviewer.grading.result import ConceptMatch, GradeResult, MisconceptionHit, Span
from interviewer.models import Question

__all__ = ["PhraseGrader"]


def _find(answer: str, phrase: str) -> Span | None:
    start = answer.lower().find(phrase.lower())
    if start < 0:
        return None
    return Span(start, start + len(phrase), answer[start : start + len(phrase)])


class PhraseGrader:
    """Credits concepts whose phrasing appears verbatim; 5 x weighted coverage minus penalties."""

    def grade(self, question: Question, answer: str) -> GradeResult:
        """Grade ``answer``; never raises."""
        matches = []
        for concept in question.concepts:
            span = next((s for p in concept.phrasings if (s := _find(answer, p))), None)
            matches.append(
                ConceptMatch(
                    concept_id=concept.id,
                    label=concept.label,
                    weight=concept.weight,
                    credited=span is not None,
                    confidence=1.0 if span else 0.0,
                    phrasing=span.text.lower() if span else None,
                    method="exact" if span else "none",
                    spans=(span,) if span else (),
                )
            )
        hits = []
        for wrong in question.misconceptions:
            span = next((s for p in wrong.phrasings if (s := _find(answer, p))), None)
            if span is not None:
                hits.append(
                    MisconceptionHit(
                        wrong.id, wrong.claim, wrong.correction, span.text, wrong.penalty, (span,)
                    )
                )
        total = sum(c.weight for c in question.concepts)
        coverage = sum(m.weight for m in matches if m.credited) / total
        grade = max(0.0, min(5.0, 5 * coverage - sum(h.penalty for h in hits)))
        flags = []
        if not answer.strip():
            flags.append("empty")
        if hits:
            flags.append("misconception")
        return GradeResult(
            question_id=question.id,
            grade=round(grade, 1),
            concepts=tuple(matches),
            misconceptions=tuple(hits),
            coverage=round(coverage, 3),
            flags=tuple(flags),
        )
