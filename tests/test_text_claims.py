"""Wrong-claim matching: words in the claim's order, small gaps, and claims only reported."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from interviewer.text.analysis import analyse
from interviewer.text.claims import claim_blocked, match_claim
from interviewer.text.matcher import PhraseMatch, TermIndex
from interviewer.text.phrases import compile_phrasings


def claim_match(
    phrasing: str, answer: str, synonyms: Mapping[str, Sequence[str]] | None = None
) -> PhraseMatch | None:
    (phrase,) = compile_phrasings([phrasing], synonyms or {}, lambda stem: 1.0)
    index = TermIndex([t for o in phrase.options for t in o.terms], {}, frozenset())
    analysis = analyse(answer)
    found = match_claim(phrase, index.locate(analysis.units), analysis.units, text=answer)
    if found is None or claim_blocked(found, analysis, answer):
        return None
    return found


def test_a_claim_stated_in_order_is_found() -> None:
    found = claim_match("capsule outputs a scalar", "Each capsule just outputs a scalar value.")
    assert found is not None and found.complete


def test_a_claim_needs_its_words_in_order() -> None:
    assert (
        claim_match(
            "transformers process words sequentially",
            "Unlike RNNs, which process words sequentially, transformers see all words at once.",
        )
        is None
    )
    assert claim_match("gradient becomes small", "small changes make the gradient") is None


def test_a_claim_allows_only_small_gaps() -> None:
    assert claim_match("capsule outputs scalar", "the capsule outputs one scalar") is not None
    assert (
        claim_match(
            "each input gets the same weight",
            "an RNN reads inputs of any length with one shared set of weights",
            {"same": ["shared"]},
        )
        is None
    )


def test_synonyms_fill_a_claim_in_order() -> None:
    found = claim_match(
        "gpu is a cpu with more alus",
        "a gpu is a cpu with extra alus",
        {
            "more": ["extra"],
        },
    )
    assert found is not None


@pytest.mark.parametrize(
    ("phrasing", "answer"),
    [
        ("capsule outputs a scalar", "A capsule outputs a vector instead of a scalar."),
        ("capsule outputs a scalar", "A capsule outputs a vector rather than a scalar."),
        ("capsule outputs a scalar", "A capsule outputs a vector, not a scalar."),
        (
            "no connections between hidden layers",
            "there are no connections within the hidden layer",
        ),
        ("move in the direction of the gradient", "move in the opposite direction of the gradient"),
        (
            "adam does not need a learning rate",
            "It's a myth that Adam does not need a learning rate.",
        ),
        (
            "adam does not need a learning rate",
            "It is not true that Adam doesn't need a learning rate.",
        ),
        (
            "transformers process words sequentially",
            "People often say transformers process words sequentially, but they use attention.",
        ),
        ("sigmoid on the outputs", "A sigmoid on the 10 outputs is wrong for this task."),
        ("train for more epochs", "Training for more epochs does not: it overfits more."),
        ("train for more epochs", "Train for more epochs. That's a myth, it overfits."),
        ("gpu is just a faster cpu", "A GPU is not just a faster CPU."),
    ],
)
def test_a_denied_or_reported_claim_is_not_claimed(phrasing: str, answer: str) -> None:
    assert claim_match(phrasing, answer) is None


@pytest.mark.parametrize(
    ("phrasing", "answer"),
    [
        (
            "capsule outputs a scalar",
            "People often say it outputs a vector, but a capsule outputs a scalar.",
        ),
        (
            "no connections between hidden layers",
            "There are no connections between the hidden layers.",
        ),
        ("move in the direction of the gradient", "You move in the direction of the gradient."),
        ("gpus are nothing but cpus", "GPUs are nothing but CPUs with more ALUs."),
        ("adam does not need a learning rate", "Adam does not need a learning rate at all."),
    ],
)
def test_a_claim_the_answer_makes_is_still_found(phrasing: str, answer: str) -> None:
    assert claim_match(phrasing, answer) is not None


def test_a_claims_last_word_may_open_its_clause() -> None:
    assert (
        claim_match(
            "probability is 0.5 in general", "In general you drop each node with probability 0.5."
        )
        is not None
    )
    assert (
        claim_match(
            "capsule outputs a scalar", "A neuron gives a scalar, a capsule outputs a vector."
        )
        is None
    )


def test_only_an_adverbial_last_word_may_open_the_clause() -> None:
    # "deep learning" opens the sentence as its subject, not as "in deep learning"
    reversed_claim = "machine learning is a subset of deep learning"
    answer = "Deep learning is a subset of machine learning, which is itself a subset of AI."
    assert claim_match(reversed_claim, answer) is None
    # an adverbial one still may (see the "in general" case above)
    assert claim_match(
        "probability is 0.5 in general", "In general you drop a node with probability 0.5."
    )


def test_repeated_claim_words_and_adverbs_are_not_gaps() -> None:
    assert (
        claim_match(
            "increasing epochs increases accuracy",
            "increasing the number of epochs always increases accuracy",
        )
        is not None
    )
    assert (
        claim_match(
            "increasing epochs increases accuracy",
            "increasing the number of epochs on a large dataset gives accuracy",
        )
        is None
    )


def test_a_just_a_claim_extended_by_its_continuation_is_not_made() -> None:
    claim = "tensor is just a matrix"
    assert claim_match(claim, "A tensor is just a matrix.") is not None
    assert claim_match(claim, "A tensor is just a matrix, it has two dimensions.") is not None
    for extended in (
        "a tensor is just a matrix with more dimensions",
        "A tensor is just a matrix, but with more axes.",
        "a tensor is just a matrix in higher dimensions",
    ):
        assert claim_match(claim, extended) is None, extended
    # only "just"/"only" claims are extended; a claim that names the extension stands
    assert claim_match("cpus with more alus", "GPUs are CPUs with more ALUs.") is not None
