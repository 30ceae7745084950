"""Negation scope: which content words an answer denies."""

from __future__ import annotations

import pytest

from interviewer.text.analysis import analyse


def negated_words(text: str) -> set[str]:
    return {u.norm for u in analyse(text).units if u.negation >= 0}


def affirmed_words(text: str) -> set[str]:
    return {u.norm for u in analyse(text).units if u.negation < 0}


@pytest.mark.parametrize(
    "text",
    [
        "batch norm does not normalize activations",
        "batch norm doesn't normalize activations",
        "batch norm doesn’t normalize activations",
        "batch norm never normalizes activations",
        "batch norm cannot normalize activations",
        "batch norm can't normalize activations",
        "it works without normalizing activations",
    ],
)
def test_a_negation_covers_the_words_after_it(text: str) -> None:
    assert {"activations"} <= negated_words(text)
    assert "batch" not in negated_words(text)


def test_scope_ends_at_punctuation_and_clause_words() -> None:
    assert "shrinks" not in negated_words("It does not explode, the gradient shrinks")
    assert "shrinks" not in negated_words("It does not explode but the gradient shrinks")
    assert "shrinks" not in negated_words("It is not huge because the gradient shrinks")
    assert "shrinks" not in negated_words("It does not explode; it shrinks")
    # "+" joins the items of a hurried list: a contrast in one item ends with it
    hurried = "fits in memory unlike full batch + more updates per epoch"
    assert {"full", "batch"} <= negated_words(hurried)
    assert {"updates", "epoch"} <= affirmed_words(hurried)
    # an arrow leads from one statement to the next: what it leads to is not denied
    for arrow in ("->", "=>", "→"):
        note = f"no separate cell state {arrow} fewer params, faster"
        assert {"cell", "state"} <= negated_words(note)
        assert {"fewer", "faster"} <= affirmed_words(note)


def test_shrinking_to_nothing_denies_nothing() -> None:
    text = "in backprop the grads shrink to nothing and early layers dont learn"
    assert {"early", "layers"} <= affirmed_words(text)
    assert "learn" in negated_words(text)
    assert "learned" in negated_words("nothing is learned by the early layers")


def test_a_comparison_referent_is_not_denied() -> None:
    text = "relu does not saturate like sigmoid"
    assert "saturate" in negated_words(text)
    assert "sigmoid" in affirmed_words(text)
    assert "matrix" in negated_words("a tensor is not like a matrix")


def test_a_comparison_referent_is_marked_as_compared_to_the_cue() -> None:
    units = analyse("relu does not cause vanishing gradients like sigmoid, it is fast").units
    compared = {u.norm for u in units if u.compared >= 0}
    assert compared == {"sigmoid"}
    assert all(u.compared < 0 for u in analyse("a tensor is not like a matrix").units)


def test_scope_ends_after_a_few_words() -> None:
    text = "it does not matter much here and later on the early layers learn very slowly"
    assert "slowly" in affirmed_words(text)


def test_not_because_negates_the_reason() -> None:
    assert "data" in negated_words("It is not because of more data")


def test_neither_nor_negates_both() -> None:
    assert {"dropout", "normalization"} <= negated_words("neither dropout nor batch norm")


@pytest.mark.parametrize(
    "text",
    [
        "depth has nothing to do with it",
        "the depth doesn't matter",
        "depth plays no role",
        "depth makes no difference",
        "the claim that depth matters is false",
    ],
)
def test_some_negations_deny_what_comes_before_them(text: str) -> None:
    assert "depth" in negated_words(text)


def test_not_only_is_not_a_negation() -> None:
    assert "layers" in affirmed_words("not only the last layers but all of them")


def test_the_cue_is_reported_as_written() -> None:
    analysis = analyse("Batch norm does not normalise activations")
    assert [c.text for c in analysis.cues] == ["does not"]
    text = "Depth has nothing to do with it"
    cue = analyse(text).cues[0]
    assert text[cue.start : cue.end] == cue.text == "has nothing to do with"


def test_direct_negation_is_told_apart_from_a_double_negation() -> None:
    direct = {u.norm: u.direct for u in analyse("the layers do not learn").units}
    assert direct["learn"]
    double = {u.norm: u.direct for u in analyse("the layers do not stop learning").units}
    assert double["stop"]
    assert not double["learning"]


@pytest.mark.parametrize(
    ("text", "affirmed"),
    [
        ("GPUs are nothing but massively parallel processors", "parallel"),
        ("a perceptron is no more than a linear classifier", "linear"),
        ("dropout not only regularizes but also averages models", "regularizes"),
        ("a GPU is not just a faster processor", "faster"),
        ("I have no idea why dropout works", "dropout"),
    ],
)
def test_idioms_with_a_negator_affirm_what_follows(text: str, affirmed: str) -> None:
    assert affirmed in affirmed_words(text)


def test_not_just_denies_the_just() -> None:
    assert "just" in negated_words("a GPU is not just a faster processor")


def test_no_idea_opens_no_negation() -> None:
    assert analyse("I have no idea about dropout").cues == ()


@pytest.mark.parametrize(
    "text",
    [
        "a capsule outputs a vector instead of a scalar",
        "a capsule outputs a vector rather than a scalar",
        "unlike a scalar, a capsule outputs a vector",
        "a capsule outputs a vector as opposed to a scalar",
    ],
)
def test_contrast_phrases_deny_what_they_set_aside(text: str) -> None:
    assert "scalar" in negated_words(text)
    assert "vector" in affirmed_words(text)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("so SHAP or saliency maps aren't needed", "saliency"),
        ("precision, recall or F1 aren't useful for deep learning", "recall"),
        ("a validation set is not necessary", "validation"),
    ],
)
def test_a_denied_predicate_denies_its_subject(text: str, denied: str) -> None:
    assert denied in negated_words(text)


def test_zero_counting_what_is_had_denies_it_as_no_does() -> None:
    assert {"learnable", "parameters"} <= negated_words("it has zero learnable parameters")
    assert negated_words("we use zero padding around the border") == set()
    assert negated_words("the weights are initialised to zero") == set()


def test_impossible_denies_what_it_is_said_of() -> None:
    """ "XOR is impossible for it" says it cannot do XOR, as "XOR is not possible" does."""
    assert "xor" in negated_words("so XOR is impossible for it")
    assert "xor" in negated_words("so XOR is not possible with one layer")
    assert negated_words("it is possible to train it") == set()


def test_stopping_a_verb_denies_that_verb_only() -> None:
    """ "the loss stops improving" denies "improving" (it no longer improves) and nothing
    after it; "stop the training" or "stop early" deny nothing, and under a negation
    ("do not stop learning") the verb is left to that negation."""
    assert negated_words("stop when the validation loss stops improving") == {"improving"}
    assert negated_words("the network ceased learning after epoch three") == {"learning"}
    assert negated_words("stop the training early when it rises") == set()
    assert negated_words("stop early when the validation loss rises") == set()
    assert "stop" in negated_words("the early layers do not stop learning")


def test_a_backward_negation_stops_at_the_verb_of_a_clause_before() -> None:
    """ "X won't help" denies X, the words back to the clause before: in "validation is bad,
    it's overfitting and more depth won't help" the "and" joins two clauses, so the
    overfitting is not denied; "dropout and batch norm won't help" denies both."""
    said = "if validation is bad it's overfitting and more depth won't help"
    assert negated_words(said) == {"more", "depth", "help"}
    assert {"dropout", "batch"} <= negated_words("dropout and batch norm won't help")
    assert "dropout" in negated_words("dropout does not help here")


def test_a_dash_between_spaces_ends_a_negation_and_a_hyphen_does_not() -> None:
    """ "isn't separate from ML - it's a subset of it": the dash starts another statement."""
    text = "deep learning isn't separate from machine learning - it's a subset of it"
    assert "subset" in affirmed_words(text)
    assert "separate" in negated_words(text)
    assert "subset" in affirmed_words(text.replace(" - ", " -- "))
    assert {"one", "hot", "encoding"} <= negated_words("it isn't one-hot encoding")


def test_no_denies_its_noun_not_the_relative_clause_after_it() -> None:
    """ "pooling layers with no weights that downsample": "no" denies the weights; what
    the relative clause says of the layers stands. A verb's negation still reaches into a
    "that" clause ("does not mean that units are removed")."""
    text = "pooling layers with no weights that downsample by taking the max"
    assert "weights" in negated_words(text)
    assert {"downsample", "max"} <= affirmed_words(text)
    assert "removed" in negated_words("dropout does not mean that units are removed")
