"""What a grade is made of: the result types every consumer of the grader reads.

A :class:`GradeResult` explains itself: which concept was credited, by which
phrasing, at which words of the answer; what was missed; what was wrong; and
how the final number was composed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "FLAGS",
    "HINT_COST",
    "ConceptMatch",
    "GradeResult",
    "MisconceptionHit",
    "Span",
    "grade_from_dict",
]

# Credit taken off a question's grade for each hint used on it.
HINT_COST = 0.25

# Flags a result may carry, with what they mean to the dialog and the user.
FLAGS: dict[str, str] = {
    "empty": "no answer was given",
    "dont_know": "the candidate said they do not know",
    "off_topic": "the answer does not address the question",
    "keyword_list": "a bare list of terms with no explanation",
    "negated": "a concept was mentioned only to be denied",
    "misconception": "the answer states a known wrong claim",
    "truncated": "the answer was too long and only its start was graded",
    "non_english": "the answer does not look like English",
    "control_chars": "control characters were removed from the answer",
    "too_short": "the answer is very short",
    "contradicted": "the answer states the opposite of a concept",
    "word_salad": "the words do not form sentences: no claim can be read from them",
    "repetition": "part of the answer repeats what it already said (it earns nothing twice)",
    "self_corrected": "the candidate corrected an earlier statement; the correction counts",
    "spelling": "misspelled words were read as the words they stand for",
    "thin_credit": "the only credit rests on a word or two of a long answer (a near miss)",
}


@dataclass(frozen=True)
class Span:
    """A stretch of the original answer: ``answer[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ConceptMatch:
    """How one rubric concept fared against the answer.

    Attributes:
        concept_id: The concept's id.
        label: Its human label.
        weight: Its weight in the rubric.
        credited: Whether the concept earned credit.
        confidence: 0-1, how sure the match is (1 for an exact phrasing).
        phrasing: The accepted phrasing (after synonym expansion) that matched best.
        method: ``exact``, ``stem``, ``fuzzy``, ``synonym``, ``partial`` or ``none``.
        spans: The words of the answer that earned it.
        negated: True when the match sits under a negation ("does not ...").
        note: Why nothing matched, or any caveat, in plain words.
        contradicted: True when the answer states the concept's opposite
            ("max pooling takes the average"); ``spans`` are then those words.
        wrong_claim: True when the denial or contradiction is stated plainly
            enough to count as a wrong claim (a verb's negation over the
            concept's words, or a contrast): it then costs like a misconception.
    """

    concept_id: str
    label: str
    weight: float
    credited: bool
    confidence: float
    phrasing: str | None = None
    method: str = "none"
    spans: tuple[Span, ...] = ()
    negated: bool = False
    note: str = ""
    contradicted: bool = False
    wrong_claim: bool = False


@dataclass(frozen=True)
class MisconceptionHit:
    """A wrong claim found in the answer, with its correction."""

    misconception_id: str
    claim: str
    correction: str
    phrasing: str
    penalty: float
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class GradeResult:
    """The grade of one answer to one question, and its explanation.

    Attributes:
        question_id: The question graded against.
        grade: 0-5, rounded to one decimal.
        concepts: One entry per rubric concept, in rubric order.
        misconceptions: Wrong claims found.
        similarity: TF-IDF cosine similarity to the reference answer (0-1).
        coverage: Weighted share of concepts credited (0-1).
        flags: Keys of :data:`FLAGS` that apply.
        feedback: A short message for the candidate.
        composition: How the grade was composed: ``(signal, value, contribution)``
            rows whose contributions add up to the raw grade before clipping
            and penalties.
    """

    question_id: str
    grade: float
    concepts: tuple[ConceptMatch, ...]
    misconceptions: tuple[MisconceptionHit, ...] = ()
    similarity: float = 0.0
    coverage: float = 0.0
    flags: tuple[str, ...] = ()
    feedback: str = ""
    composition: tuple[tuple[str, float, float], ...] = field(default=())

    @property
    def credited(self) -> tuple[ConceptMatch, ...]:
        """The concepts that earned credit."""
        return tuple(c for c in self.concepts if c.credited)

    @property
    def missed(self) -> tuple[ConceptMatch, ...]:
        """The concepts that did not earn credit."""
        return tuple(c for c in self.concepts if not c.credited)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole result."""
        data = asdict(self)
        data["missed"] = [c.concept_id for c in self.missed]
        return data


def grade_from_dict(data: dict[str, Any]) -> GradeResult:
    """Rebuild a :class:`GradeResult` from :meth:`GradeResult.to_dict` output."""

    def spans(items: list[dict[str, Any]]) -> tuple[Span, ...]:
        return tuple(
            Span(start=int(s["start"]), end=int(s["end"]), text=str(s["text"])) for s in items
        )

    concepts = tuple(
        ConceptMatch(**{**c, "spans": spans(c.get("spans", []))}) for c in data.get("concepts", [])
    )
    hits = tuple(
        MisconceptionHit(**{**m, "spans": spans(m.get("spans", []))})
        for m in data.get("misconceptions", [])
    )
    return GradeResult(
        question_id=str(data["question_id"]),
        grade=float(data["grade"]),
        concepts=concepts,
        misconceptions=hits,
        similarity=float(data.get("similarity", 0.0)),
        coverage=float(data.get("coverage", 0.0)),
        flags=tuple(data.get("flags", ())),
        feedback=str(data.get("feedback", "")),
        composition=tuple(
            (str(name), float(value), float(part))
            for name, value, part in data.get("composition", ())
        ),
    )
