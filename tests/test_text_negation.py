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
