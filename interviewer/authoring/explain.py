"""``rubric explain``: the whole breakdown of one grade, ready to print or show.

The same :class:`Breakdown` feeds the command line, ``--json`` and the
``rubric try`` screen, so the three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from interviewer.grading.result import FLAGS, ConceptMatch, GradeResult
from interviewer.models import Question

if TYPE_CHECKING:
    from interviewer.grading import RubricGrader

__all__ = ["Breakdown", "Mark", "explain"]

Mark = tuple[int, int, str]  # start, end, "credit" | "wrong" | "negated"


def _quoted(match: ConceptMatch) -> str:
    return ", ".join(f'"{s.text}"' for s in match.spans)


@dataclass(frozen=True)
class Breakdown:
    """A grade with its answer and question, and views of every part of it."""

    question: Question
    answer: str
    result: GradeResult

    def marks(self) -> list[Mark]:
        """Non-overlapping stretches of the answer to highlight, in order."""
        raw: list[Mark] = []
        for hit in self.result.misconceptions:
            raw += [(s.start, s.end, "wrong") for s in hit.spans]
        for match in self.result.concepts:
            kind = "credit" if match.credited else "negated" if match.negated else ""
            if kind:
                raw += [(s.start, s.end, kind) for s in match.spans]
        out: list[Mark] = []
        for start, end, kind in sorted(raw, key=lambda m: (m[0], -m[1])):
            if 0 <= start < end <= len(self.answer) and (not out or start >= out[-1][1]):
                out.append((start, end, kind))
        return out

    def concept_rows(self) -> list[str]:
        """One line per concept: credited or not, how, on which words, or why not."""
        rows = []
        for match in self.result.concepts:
            key = ", key" if self._is_key(match.concept_id) else ""
            head = f"{match.concept_id} (weight {match.weight:g}{key})"
            if match.credited:
                rows.append(
                    f"+ {head} via {match.phrasing!r} [{match.method}, "
                    f"confidence {match.confidence:.2f}]: {_quoted(match) or 'no words'}"
                )
            elif match.negated:
                rows.append(
                    f"- {head}: matched {match.phrasing!r} at {_quoted(match)} but it is "
                    f"negated{': ' + match.note if match.note else ''}"
                )
            else:
                near = (
                    f"; closest {match.phrasing!r} (confidence {match.confidence:.2f})"
                    if match.phrasing and match.confidence > 0 and match.phrasing not in match.note
                    else ""
                )
                rows.append(f"- {head}: {match.note or 'no phrasing matched'}{near}")
        return rows

    def misconception_rows(self) -> list[str]:
        """One line per wrong claim found, with its penalty, words and correction."""
        return [
            f"! {hit.misconception_id} (-{hit.penalty:g}): {hit.claim} "
            f"[said: {', '.join(repr(s.text) for s in hit.spans) or repr(hit.phrasing)}] "
            f"-> {hit.correction}"
            for hit in self.result.misconceptions
        ]

    def flag_rows(self) -> list[str]:
        """The flags, each with its meaning."""
        return [f"{flag} ({FLAGS.get(flag, 'see FLAGS')})" for flag in self.result.flags]

    def composition_rows(self) -> list[str]:
        """How the grade was composed: signal, value, contribution; then the total."""
        rows = [
            f"{signal:24} value {value:7.3f}  contributes {contribution:+.2f}"
            for signal, value, contribution in self.result.composition
        ]
        raw = sum(c for _, _, c in self.result.composition)
        rows.append(f"{'sum':24} {'':13}  = {raw:.2f} -> final grade {self.result.grade:.1f}")
        return rows

    def _is_key(self, concept_id: str) -> bool:
        try:
            return self.question.concept(concept_id).key
        except KeyError:
            return False

    def to_dict(self) -> dict[str, Any]:
        """The grade result plus the highlighted stretches and readable rows."""
        return {
            "question_id": self.question.id,
            "answer": self.answer,
            "result": self.result.to_dict(),
            "highlights": [{"start": s, "end": e, "kind": k} for s, e, k in self.marks()],
            "concepts": self.concept_rows(),
            "misconceptions": self.misconception_rows(),
            "flags": self.flag_rows(),
            "composition": self.composition_rows(),
        }


def explain(grader: RubricGrader, question: Question, answer: str) -> Breakdown:
    """Grade ``answer`` and wrap the result for display."""
    return Breakdown(question, answer, grader.grade(question, answer))
