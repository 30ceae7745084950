"""Swaps and reversals read within one clause: a phrasing whose best match takes its
words from two clauses, or misses a word of little weight, is matched again within a
clause it stands in, and only the contradiction checks read that match. Each swapped case
fails without :mod:`interviewer.grading.one_clause`; the right answers in the same words
keep their credit.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _contradicted(result: object) -> set[str]:
    return {c.concept_id for c in result.concepts if c.contradicted}  # type: ignore[attr-defined]


def _credited(result: object) -> set[str]:
    return {c.concept_id for c in result.credited}  # type: ignore[attr-defined]


_PASSES = (
    "Picture x going into a hidden neuron and then an output neuron. {one} is the pass "
    "that goes from the input towards the output: it multiplies x by the weights, applies "
    "the activations and gives the prediction and loss. {two} then starts at the loss and "
    "moves towards the input, using the chain rule to compute the gradient of the loss for "
    "each weight, which the optimizer uses to update them."
)


def test_an_incomplete_match_in_one_clause_is_read_for_a_swap(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "it ... gives the prediction" says the forward pass of backpropagation, though
    "network" is missing and "output" stands in the clause before."""
    question = bank.question("forward-backward-propagation")
    swapped = grader.grade(
        question, _PASSES.format(one="Backpropagation", two="Forward propagation")
    )
    right = grader.grade(question, _PASSES.format(one="Forward propagation", two="Backpropagation"))
    assert "forward-pass" in _contradicted(swapped)
    assert "forward-pass" in _credited(right)
    assert not _contradicted(right)
    assert swapped.grade < right.grade


_RBM = (
    "An RBM is a generative stochastic network with a visible layer and a hidden layer. "
    "The 'restricted' part means there are no connections {between}, units are only "
    "connected to other units {within}, which is what makes the conditional distributions "
    "easy to compute. It's trained with contrastive divergence."
)


def test_a_denied_word_affirmed_in_one_clause_of_a_match_that_spans_two(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "no connections between the layers, units are only connected within the same
    layer": the best match borrows "connections" from the first clause; the second states
    the phrasing with its denied word affirmed."""
    question = bank.question("rbm")
    wrong = grader.grade(
        question,
        _RBM.format(
            between="between the visible and hidden layers", within="within the same layer"
        ),
    )
    right = grader.grade(
        question,
        _RBM.format(
            between="within the same layer", within="in the other layer, never in the same one"
        ),
    )
    assert "bipartite" in _contradicted(wrong)
    assert "bipartite" in _credited(right)
    assert not _contradicted(right)


def test_a_partial_reading_of_a_phrasing_naming_a_thing_compared_is_no_swap(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "small batches of data" names batch GD as a word: read in part, "mini-batch uses
    small chunks" is not the batch concept said of mini-batch."""
    question = bank.question("gradient-descent-variants")
    result = grader.grade(
        question,
        "Full batch: the whole dataset per step (exact, slow); SGD: one sample per step "
        "(noisy, fast); mini-batch: small chunks, the usual compromise.",
    )
    assert "mini-batch" not in _contradicted(result)
