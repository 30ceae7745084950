"""The bank grades itself sensibly: model answers score high, bad examples score low.

Every question's ``reference`` answer, given as a candidate answer, must earn a
4 or more and set off none of the question's misconceptions. Every example the
bank itself labels ``misconception``, ``keywords`` or ``negation`` must stay at
1.5 or below with the default grader.
"""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import default_grader
from interviewer.loader import load_bank

LOW_KINDS = ("misconception", "keywords", "negation")
REFERENCE_FLOOR = 4.0
LOW_CEILING = 1.5

_BANK = load_bank()
_LOW_EXAMPLES = [
    pytest.param(question.id, index, id=f"{question.id}-{example.kind}-{index}")
    for question in _BANK.questions.values()
    for index, example in enumerate(question.examples)
    if example.kind in LOW_KINDS
]


@pytest.mark.parametrize("question_id", sorted(_BANK.questions))
def test_reference_answer_grades_high_without_misconception(bank: Bank, question_id: str) -> None:
    question = bank.question(question_id)
    result = default_grader().grade(question, question.reference)
    assert result.grade >= REFERENCE_FLOOR, (result.missed, result.composition)
    hits = [(hit.misconception_id, hit.phrasing) for hit in result.misconceptions]
    assert not hits, f"the reference answer states a misconception: {hits}"


@pytest.mark.parametrize(("question_id", "index"), _LOW_EXAMPLES)
def test_misconception_keyword_and_negation_examples_grade_low(
    bank: Bank, question_id: str, index: int
) -> None:
    question = bank.question(question_id)
    example = question.examples[index]
    result = default_grader().grade(question, example.answer)
    assert result.grade <= LOW_CEILING, (example.kind, example.answer, result.composition)
