"""Paired labels (pairings.paired): a concept whose label pairs names with their uses
("Xavier/Glorot for tanh and sigmoid, He/Kaiming for ReLU") is contradicted by an answer
that pairs each name with the other's use. Each case fails without the mechanism.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.pairings import Pairing, pairings


def _contradicted(result: object) -> set[str]:
    return {c.concept_id for c in result.concepts if c.contradicted}  # type: ignore[attr-defined]


def test_a_label_states_its_pairings() -> None:
    """Each part "NAME for USE" is a pairing, words in brackets and parts without a
    preposition left out; a label with one pairing states none."""
    assert pairings("Xavier/Glorot for tanh and sigmoid, He/Kaiming for ReLU") == (
        Pairing(frozenset({"xavier"}), frozenset({"tanh", "sigmoid"})),
        Pairing(frozenset({"kaim"}), frozenset({"relu"})),
    )
    assert pairings("Examples - MSE for regression, cross-entropy for classification")[1] == (
        Pairing(frozenset({"cross", "entropi"}), frozenset({"classif"}))
    )
    assert pairings("Active only in training; off at evaluation (model.train())") == ()
    assert pairings("Only the current batch has to be in memory") == ()


def test_exchanged_schemes_contradict_the_concept(bank: Bank, grader: RubricGrader) -> None:
    """He said to be for sigmoid and tanh and Xavier for ReLU exchanges the pairings; the
    right pairing, or one scheme said loosely near another's use, does not."""
    question = bank.question("weight-initialisation")
    swapped = grader.grade(
        question,
        "The standard schemes are Xavier, which is designed for ReLU networks, and He "
        "initialisation, which is meant for tanh and sigmoid.",
    )
    assert "xavier-he" in _contradicted(swapped)
    right = grader.grade(
        question,
        "The standard schemes are Xavier, which is designed for tanh and sigmoid networks, "
        "and He initialisation, which is meant for ReLU.",
    )
    assert "xavier-he" not in _contradicted(right)
    assert "xavier-he" in {c.concept_id for c in right.credited}
    loose = grader.grade(
        question,
        "Xavier works well for tanh but was not derived for ReLU, which is why He "
        "initialisation was introduced for ReLU networks.",
    )
    assert "xavier-he" not in _contradicted(loose)
    assert swapped.grade < right.grade


def test_exchanged_losses_contradict_the_examples(bank: Bank, grader: RubricGrader) -> None:
    """ "Cross-entropy for regression and mean squared error for classification" exchanges
    the label's pairings; the right way round credits them."""
    question = bank.question("cost-function")
    swapped = grader.grade(
        question,
        "It measures the error of the predictions and training minimises it. Cross-entropy "
        "is the usual cost for regression and mean squared error for classification.",
    )
    assert "examples" in _contradicted(swapped)
    right = grader.grade(
        question,
        "It measures the error of the predictions and training minimises it. Mean squared "
        "error is the usual cost for regression and cross-entropy for classification.",
    )
    assert "examples" not in _contradicted(right)


def test_phrasings_pair_names_with_uses_by_for(bank: Bank, grader: RubricGrader) -> None:
    """A label that pairs nothing leaves the concept's phrasings "NAME for USE" ("softmax
    for multi class", "linear output for regression") to pair: softmax said to be for
    regression and a linear output for multi-class classification exchanges them."""
    assert pairings("sigmoid in lstm gates, xavier for tanh", phrasings=True) == ()
    question = bank.question("activation-functions")
    swapped = grader.grade(
        question,
        "ReLU is the default for hidden layers. At the output, softmax is what you use for "
        "regression targets and a linear output is what you want for multi-class "
        "classification.",
    )
    assert "output-matches-task" in _contradicted(swapped)
    right = grader.grade(
        question,
        "ReLU is the default for hidden layers. At the output, softmax is what you use for "
        "multi-class classification and a linear output is what you want for regression "
        "targets.",
    )
    assert "output-matches-task" not in _contradicted(right)
