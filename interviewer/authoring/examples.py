"""``rubric test``: grade every example answer and compare with its expected range."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from interviewer.authoring.stats import mae, spearman
from interviewer.bank import Bank
from interviewer.grading.result import GradeResult
from interviewer.models import Question

if TYPE_CHECKING:
    from interviewer.grading import RubricGrader

__all__ = [
    "ExampleOutcome",
    "ExamplesReport",
    "grade_examples",
    "run_examples",
    "short_breakdown",
]


def short_breakdown(result: GradeResult) -> str:
    """One line: credited and missed concepts, wrong claims, flags."""
    parts = []
    if result.credited:
        parts.append("+" + ",".join(c.concept_id for c in result.credited))
    if result.missed:
        parts.append("-" + ",".join(c.concept_id for c in result.missed))
    if result.misconceptions:
        parts.append("!" + ",".join(m.misconception_id for m in result.misconceptions))
    if result.flags:
        parts.append("flags:" + ",".join(result.flags))
    return " ".join(parts)


@dataclass(frozen=True)
class ExampleOutcome:
    """How one example answer graded against its expected range."""

    question_id: str
    index: int
    kind: str
    expected: tuple[float, float]
    actual: float
    answer: str
    summary: str

    @property
    def passed(self) -> bool:
        """Whether the grade lies in the expected range."""
        low, high = self.expected
        return low - 1e-9 <= self.actual <= high + 1e-9

    @property
    def miss(self) -> float:
        """How far outside the range the grade is (0 when inside)."""
        low, high = self.expected
        return max(low - self.actual, self.actual - high, 0.0)

    @property
    def midpoint(self) -> float:
        """The middle of the expected range."""
        return (self.expected[0] + self.expected[1]) / 2


@dataclass
class ExamplesReport:
    """The outcome of every example graded.

    Attributes:
        outcomes: One per example, in bank order.
        held_out_folds: 0 when one grader fitted on the whole bank graded
            everything; else the number of question folds held out.
    """

    outcomes: list[ExampleOutcome]
    held_out_folds: int = 0

    @property
    def failures(self) -> list[ExampleOutcome]:
        """Examples graded outside their range."""
        return [o for o in self.outcomes if not o.passed]

    def worst(self, count: int) -> list[ExampleOutcome]:
        """The ``count`` failures furthest outside their ranges."""
        return sorted(self.failures, key=lambda o: -o.miss)[:count]

    def summary(self) -> dict[str, Any]:
        """Agreement: share in range, Spearman and MAE against the range midpoints."""
        actual = [o.actual for o in self.outcomes]
        middle = [o.midpoint for o in self.outcomes]
        passed = sum(o.passed for o in self.outcomes)
        return {
            "examples": len(self.outcomes),
            "held_out_folds": self.held_out_folds,
            "passed": passed,
            "agreement": passed / len(self.outcomes) if self.outcomes else 0.0,
            "spearman": spearman(actual, middle) if len(actual) > 1 else 0.0,
            "mae": mae(actual, middle) if actual else 0.0,
            "miss_mae": sum(o.miss for o in self.outcomes) / max(len(self.outcomes), 1),
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the summary and every outcome."""
        return {
            "summary": self.summary(),
            "outcomes": [
                {
                    "question_id": o.question_id,
                    "index": o.index,
                    "kind": o.kind,
                    "expected": list(o.expected),
                    "actual": o.actual,
                    "passed": o.passed,
                    "miss": round(o.miss, 2),
                    "breakdown": o.summary,
                    "answer": o.answer,
                }
                for o in self.outcomes
            ],
            "worst": [f"{o.question_id}#{o.index}" for o in self.worst(5)],
        }


def run_examples(
    bank: Bank, grader: RubricGrader, question_ids: Sequence[str] | None = None
) -> ExamplesReport:
    """Grade the examples of the given questions (default: all).

    Raises:
        KeyError: for an unknown question id (the message suggests close ids).
    """
    ids = list(question_ids) if question_ids else list(bank.questions)
    questions = [bank.question(qid) for qid in ids]
    return ExamplesReport([o for q in questions for o in grade_examples(q, grader)])


def grade_examples(question: Question, grader: RubricGrader) -> list[ExampleOutcome]:
    """The outcome of each of one question's examples, graded by ``grader``."""
    outcomes = []
    for index, example in enumerate(question.examples):
        result = grader.grade(question, example.answer)
        outcomes.append(
            ExampleOutcome(
                question_id=question.id,
                index=index,
                kind=example.kind,
                expected=example.grade,
                actual=result.grade,
                answer=example.answer,
                summary=short_breakdown(result),
            )
        )
    return outcomes
