"""The result of checking a hands-on answer, and its form for the dialog engine."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from interviewer.grading.result import ConceptMatch, GradeResult

__all__ = ["REVEAL", "CheckOutcome", "HandsOnResult"]

REVEAL = "\n\nExpected: "
"""Where a computed answer's feedback starts giving the answer away (held back before a retry)."""


@dataclass(frozen=True)
class CheckOutcome:
    """One named check: passed or not, its weight and what was observed.

    Attributes:
        name: What is checked, in plain words ("output shape is (32, 10)").
        passed: Whether it held.
        weight: Its share of the grade, relative to the other checks.
        observed: What the check saw ("(32, 10)", "loss 2.31 -> 0.04").
    """

    name: str
    passed: bool
    weight: float = 1.0
    observed: str = ""


@dataclass(frozen=True)
class HandsOnResult:
    """The grade of one computed answer or code submission, with its explanation.

    Attributes:
        question_id: The question.
        kind: ``computed`` or ``code``.
        grade: 0-5.
        checks: The checks, each named with what was observed.
        feedback: What to tell the candidate, working and hints included.
        status: ``graded``; or, for code, why it did not run to the end:
            ``syntax_error``, ``exception``, ``timeout``, ``cpu_limit``,
            ``memory``, ``forbidden``, ``crashed``, ``no_answer``.
        seed: The seed that drew the instance.
        params: The instance's parameters (computed questions).
        expected: The expected answer, as text.
        details: Anything else worth keeping (the parsed answer, timings).
    """

    question_id: str
    kind: str
    grade: float
    checks: tuple[CheckOutcome, ...] = ()
    feedback: str = ""
    status: str = "graded"
    seed: int = 0
    params: dict[str, int] = field(default_factory=dict)
    expected: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole result."""
        return asdict(self)

    def to_grade_result(self) -> GradeResult:
        """The same result in the form the dialog engine and the report read.

        Each check becomes a concept, credited when it passed; the feedback
        carries the working or the check list.
        """
        concepts = tuple(
            ConceptMatch(
                concept_id=f"check-{index}",
                label=check.name,
                weight=check.weight,
                credited=check.passed,
                confidence=1.0,
                method="check" if check.passed else "none",
                note=check.observed,
            )
            for index, check in enumerate(self.checks, 1)
        )
        total = sum(c.weight for c in self.checks) or 1.0
        coverage = sum(c.weight for c in self.checks if c.passed) / total
        return GradeResult(
            question_id=self.question_id,
            grade=round(self.grade, 1),
            concepts=concepts,
            coverage=round(coverage, 4),
            feedback=self.feedback,
            composition=(("checks", round(coverage, 4), round(self.grade, 1)),),
        )
