"""A denial said of the thing a concept is compared against states the concept.

"The whole dataset won't even fit in memory" is how right answers say that a mini-batch
only needs one batch in memory (a phrasing of that concept is "does not need the whole
dataset in memory"); the same denial said of the question's own subject stays denied.
"""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _fits_memory(bank: Bank, grader: RubricGrader, answer: str) -> tuple[bool, bool]:
    result = grader.grade(bank.question("minibatch-popularity"), answer)
    concept = next(c for c in result.concepts if c.concept_id == "fits-memory")
    return concept.credited, concept.negated


@pytest.mark.parametrize(
    "answer",
    [
        "If you use the whole dataset for every step, each update is really slow and the "
        "data often won't even fit in memory.",
        "Full-batch gradient descent is too expensive: for big datasets it doesn't even fit "
        "in memory.",
    ],
)
def test_a_denial_said_of_the_comparand_credits_the_concept(
    bank: Bank, grader: RubricGrader, answer: str
) -> None:
    assert _fits_memory(bank, grader, answer) == (True, False)


@pytest.mark.parametrize(
    "answer",
    [
        "Mini-batch gradient descent does not fit in memory, so it is slow.",
        "The whole dataset is used for every epoch and mini-batches don't fit in memory.",
        "Mini-batches don't fit in memory. The whole dataset is fine.",
    ],
)
def test_the_denial_said_of_the_question_s_own_subject_stays_denied(
    bank: Bank, grader: RubricGrader, answer: str
) -> None:
    assert _fits_memory(bank, grader, answer) == (False, True)


def test_a_word_denied_in_a_phrasing_that_the_question_uses_compares_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    # "not two different networks" is a phrasing of the concept: "network" is the
    # question's own word, no thing compared
    answer = (
        "If you want a model that can correct its mistakes you need a backprop network; "
        "a pure feed-forward net can't be trained with gradients."
    )
    result = grader.grade(bank.question("feedforward-vs-backprop"), answer)
    concept = next(c for c in result.concepts if c.concept_id == "complementary")
    assert not concept.credited
