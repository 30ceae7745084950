"""A contrast word standing where a missing word of a phrasing belongs (issue 9): the word
was replaced, not left out, and the concept is contradicted. Each case fails without
:func:`interviewer.grading.flips.substituted_slot`.
"""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader, default_grader
from interviewer.loader import load_bank

POOLING = (
    "It shrinks each activation map by summarising little windows. With {first} pooling "
    "you keep the biggest number in each 2x2 block, with average pooling the mean, and "
    "with stride 2 a 32x32 map turns into 16x16."
)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="module")
def grader() -> RubricGrader:
    return default_grader()


def test_a_contrast_in_the_place_of_a_missing_word_contradicts_the_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "average pooling ... keep the biggest number" matches "max pooling keeps the
    largest value" without "max", and "average" stands right where "max" belongs."""
    question = bank.question("pooling")
    right = grader.grade(question, POOLING.format(first="max"))
    swapped = grader.grade(question, POOLING.format(first="average"))
    assert "max-average" in {c.concept_id for c in right.credited}
    flipped = {c.concept_id: c for c in swapped.concepts}["max-average"]
    assert flipped.contradicted and not flipped.credited
    assert "'average' where the concept says 'max'" in flipped.note
    assert swapped.grade <= right.grade - 2


def test_a_contrast_listed_with_its_counterpart_in_that_place_replaces_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "max or average pooling ... keeps the biggest" names both kinds of pooling."""
    question = bank.question("pooling")
    both = grader.grade(
        question, "With average or max pooling you keep the biggest number in each window."
    )
    assert not any(c.contradicted for c in both.concepts)


def test_a_word_that_only_looks_like_a_contrast_replaces_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "The fix is the residual block" has the noun "fix", not "fixed" (the contrast of
    "learned"), standing where "learns" belongs."""
    question = bank.question("resnet")
    result = grader.grade(
        question,
        "Deeper plain nets train worse. The fix is the residual block: the input skips two "
        "layers and is added to their output, so they only model the correction.",
    )
    assert not any(c.contradicted for c in result.concepts)


DROPOUT = (
    "Dropout is a cheap regulariser. {when}, every forward pass zeroes each hidden unit with "
    "some probability p, so a unit can never count on a particular neighbour."
)


def test_a_short_opening_phrase_says_when_its_clause_holds(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "At inference, every forward pass zeroes each unit": the opening phrase belongs to
    the clause after its comma, and "inference" there reverses the label's "training"."""
    question = bank.question("dropout")
    right = grader.grade(question, DROPOUT.format(when="During training"))
    wrong = grader.grade(question, DROPOUT.format(when="At inference"))
    assert "random-zeroing" in {c.concept_id for c in right.credited}
    assert "random-zeroing" in {c.concept_id for c in wrong.concepts if c.contradicted}


def test_a_heading_or_a_subject_before_a_comma_is_no_opening_phrase(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Unsupervised: an autoencoder ..." heads a list item; it says nothing of when."""
    question = bank.question("supervised-unsupervised-dl")
    result = grader.grade(
        question,
        "Yes. Supervised: a CNN trained on labelled images. Unsupervised: an autoencoder "
        "learning a compressed representation of unlabelled data.",
    )
    assert not any(c.contradicted for c in result.concepts)
