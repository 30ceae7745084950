"""Prevention said as a denial: a concept phrased "prevents X" / "stops neurons relying on
each other" is stated by an answer that denies X itself ("so the neurons can't rely on
each other", "so it doesn't overfit"), and is no wrong claim; denying the prevention, a
copula's denial, a set-aside and a denial of another verb still deny it."""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.text.phrases import CompiledPhrase, compile_phrasings, without_prevention

_CONCEPT = "prevents-overfitting"
_OPENING = "Dropout zeroes random units on each training pass"


def _fate(grader: RubricGrader, bank: Bank, qid: str, concept: str, text: str) -> str:
    result = grader.grade(bank.question(qid), text)
    (match,) = [c for c in result.concepts if c.concept_id == concept]
    if match.credited:
        return "credited"
    return "denied" if match.negated else "missed"


def test_denying_what_is_prevented_states_the_prevention(bank: Bank, grader: RubricGrader) -> None:
    """ "can't rely on each other" is "stops neurons relying on each other", not its denial."""
    text = f"{_OPENING}, so the neurons can't rely on each other."
    assert _fate(grader, bank, "dropout", _CONCEPT, text) == "credited"
    result = grader.grade(bank.question("dropout"), text)
    assert not result.misconceptions
    (match,) = [c for c in result.concepts if c.concept_id == _CONCEPT]
    assert "rely" in " ".join(s.text for s in match.spans)
    assert "can't" in match.note
    for right in (
        f"{_OPENING}, so the network won't overfit.",
        f"{_OPENING}; that way the model does not overfit the training set.",
    ):
        assert _fate(grader, bank, "dropout", _CONCEPT, right) == "credited", right


def test_denied_prevention_and_set_aside_still_deny(bank: Bank, grader: RubricGrader) -> None:
    """ "doesn't prevent overfitting" denies the concept; "is not for overfitting" and
    "rather than overfitting" credit nothing."""
    denied = f"{_OPENING}, but it doesn't prevent overfitting at all."
    assert _fate(grader, bank, "dropout", _CONCEPT, denied) == "denied"
    for text in (
        f"{_OPENING}; it is not for overfitting, it is for speed.",
        f"{_OPENING}, and it is used for speed rather than overfitting.",
    ):
        assert _fate(grader, bank, "dropout", _CONCEPT, text) != "credited", text


def test_a_denial_of_another_verb_is_no_prevention(bank: Bank, grader: RubricGrader) -> None:
    """ "doesn't change the spatial size" denies "reduces spatial size" (the cue denies
    "change", not the size)."""
    text = "Pooling doesn't change the spatial size of the feature maps, it only picks maxima."
    assert _fate(grader, bank, "pooling", "downsample", text) == "denied"


def test_only_verbs_of_prevention_are_taken_off() -> None:
    """ "prevents overfitting" -> "overfitting"; "block gibbs sampling" and a lone verb stay."""

    def one(text: str) -> CompiledPhrase:
        return compile_phrasings([text], {}, lambda _w: 1.0)[0]

    reduced = without_prevention(one("prevents overfitting"))
    assert reduced is not None and reduced.slots == ("overfitting",)
    assert without_prevention(one("block gibbs sampling")) is None
    assert without_prevention(one("prevent")) is None
