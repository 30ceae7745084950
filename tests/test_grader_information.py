"""How much an answer says: a wrong claim in the rubric's words adds nothing to it."""

from __future__ import annotations

import pytest
from test_grader_behaviour import batch_norm_question, other_question

from interviewer.grading import RubricGrader
from interviewer.models import Question

RIGHT = "It normalises the activations so training is faster."
# the listed misconception (it normalises the weights), said in the rubric's own words
WRONG = "It normalizes the weights with their mean and standard deviation."


@pytest.fixture(scope="module")
def grader() -> RubricGrader:
    return RubricGrader().fit([batch_norm_question(), other_question()])


@pytest.fixture(scope="module")
def question() -> Question:
    return batch_norm_question()


def test_a_sentence_stating_a_wrong_claim_says_nothing_more(
    grader: RubricGrader, question: Question
) -> None:
    both = f"{RIGHT} {WRONG}"
    assert [m.misconception_id for m in grader.grade(question, both).misconceptions] == [
        "normalises-weights"
    ]
    assert grader.features(question, both)["length"] == grader.features(question, RIGHT)["length"]
    said, alone = grader.features(question, both), grader.features(question, RIGHT)
    assert said["elaboration"] <= alone["elaboration"]


def test_the_right_words_still_count_where_no_wrong_claim_is_made(
    grader: RubricGrader, question: Question
) -> None:
    more = f"{RIGHT} It subtracts the batch mean and divides by the standard deviation."
    assert not grader.grade(question, more).misconceptions
    assert grader.features(question, more)["length"] > grader.features(question, RIGHT)["length"]


def test_a_wrong_claim_said_again_says_nothing_more_either(
    grader: RubricGrader, question: Question
) -> None:
    twice = f"{RIGHT} {WRONG} {WRONG}"
    assert grader.features(question, twice)["length"] == grader.features(question, RIGHT)["length"]
