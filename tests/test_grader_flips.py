"""Contrasts that reverse a concept and ones that only seem to (issue 9). A contrast of a
concept's words in a short phrase that opens its clause ("At inference, every pass zeroes
...") reverses the concept; a heading before a colon does not, nor does the contrast of a
word that the phrasing itself reverses ("stops improving").
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader

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


def test_stopping_an_improvement_is_no_contrast_of_it(bank: Bank, grader: RubricGrader) -> None:
    """ "stop when validation loss stops improving" is the early-stopping rule, so "stop
    early when val loss rises" says it again: the "stops" that reversed "improving" was
    lost, and the answer was graded as contradicting early stopping."""
    result = grader.grade(
        bank.question("overfitting-remedies"),
        "You get more data or fake more with flips, colour jitter and random crops. "
        "Also dropout and weight decay, and stop early when val loss rises.",
    )
    assert not any(c.contradicted for c in result.concepts)
    assert "early-stopping" in {c.concept_id for c in result.credited}
    assert result.grade >= 3.0


POOLING_RIGHT = (
    "Average pooling takes the average of each window and max pooling keeps the largest value."
)


def test_a_right_pair_of_claims_is_not_read_as_one_reversed(
    bank: Bank, grader: RubricGrader
) -> None:
    """Both claims right, in one breath. A claim's repeated word costs no gap, but not when
    it is the opposite of the word that comes next ("takes the *average* ... max" does not
    take the max); and "average" outside the match reverses no "biggest" when the slot's
    own word "largest" is said."""
    result = grader.grade(bank.question("pooling"), POOLING_RIGHT)
    assert not any(c.contradicted for c in result.concepts)
    assert "max-average" in {c.concept_id for c in result.credited}


def test_the_other_way_round_is_graded_as_meant(bank: Bank, grader: RubricGrader) -> None:
    """The issue's "sorry, the other way round": the swapped sentence is read with its
    roles exchanged back, and grades as the right one does."""
    question = bank.question("pooling")
    corrected = grader.grade(
        question,
        "Max pooling takes the average of each window and average pooling keeps the "
        "largest value. Sorry, the other way round.",
    )
    swapped = grader.grade(
        question,
        "Max pooling takes the average of each window and average pooling keeps the largest value.",
    )
    assert "max-average" in {c.concept_id for c in corrected.credited}
    assert "max-average" in {c.concept_id for c in swapped.concepts if c.contradicted}
    assert corrected.grade == grader.grade(question, POOLING_RIGHT).grade


def test_a_contrast_inside_the_match_still_reverses_it(bank: Bank, grader: RubricGrader) -> None:
    """ "Max pooling *averages* all the values in the window": the contrast stands among
    the matched words, so it reverses the concept though "largest" is said later."""
    result = grader.grade(
        bank.question("pooling"),
        "Max pooling averages all the values in the window and average pooling keeps only "
        "the largest one.",
    )
    assert "max-average" in {c.concept_id for c in result.concepts if c.contradicted}


def test_a_relative_clause_after_the_match_reverses_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "running averages *that you kept during training*": the "training" describes the
    averages; the claim is what is used at inference. Said of the claim itself, "during
    training" still reverses it."""
    question = bank.question("batch-normalisation")
    kept = grader.grade(
        question,
        "At inference time you can't rely on a batch, you might have one image, so you use "
        "running averages that you kept during training.",
    )
    assert "running-statistics" in {c.concept_id for c in kept.credited}
    assert not any(c.contradicted for c in kept.concepts)
    wrong = grader.grade(
        question,
        "During training you use the running averages, and the batch statistics only at test time.",
    )
    assert "running-statistics" in {c.concept_id for c in wrong.concepts if c.contradicted}


def test_a_direction_run_the_other_way_contradicts_the_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "input to output layer by layer" is directed: "from the output layer back to the
    input" runs it the other way, a wrong claim. The same words undirected ("the output is
    computed from the input") or in the right direction are the concept."""
    question = bank.question("forward-backward-propagation")
    reversed_ = grader.grade(
        question, "In the forward pass the signal goes from the output layer back to the input."
    )
    right = grader.grade(
        question, "In the forward pass the signal goes from the input layer to the output."
    )
    undirected = grader.grade(
        question, "In the forward pass the output layer is computed from the input, layer by layer."
    )
    assert "forward-pass" in {c.concept_id for c in reversed_.concepts if c.contradicted}
    assert "forward-pass" in {c.concept_id for c in right.credited}
    assert not any(c.contradicted for c in undirected.concepts)


def test_a_relation_word_lent_from_another_clause_flips_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "During training units are dropped ...; at evaluation ... dropout is disabled" is
    right: the first clause lends only "during" to "dropout disabled during testing", and
    its "training" does not reverse the second clause. Said in the clause that holds the
    claim, it does: "during training it's switched off"."""
    question = bank.question("dropout")
    right = grader.grade(
        question,
        "During training units are dropped and the rest scaled by 1/(1-p); at evaluation "
        "you call model.eval() and dropout is disabled, so all neurons are used.",
    )
    assert not any(c.contradicted for c in right.concepts)
    assert "train-only" in {c.concept_id for c in right.credited}
    wrong = grader.grade(
        question, "During evaluation dropout is active, while during training it's switched off."
    )
    assert "train-only" in {c.concept_id for c in wrong.concepts if c.contradicted}
