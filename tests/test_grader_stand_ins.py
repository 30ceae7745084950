"""Stand-ins (issue 9): a phrasing stated with a contrast word in the place of the one
word it lacks contradicts its concept, where the contrast variants (words in order, tight)
and the flips (a credited match) miss it."""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _contradicted(grader: RubricGrader, bank: Bank, qid: str, text: str) -> set[str]:
    result = grader.grade(bank.question(qid), text)
    return {c.concept_id for c in result.concepts if c.contradicted}


def test_a_contrast_in_the_place_of_the_missing_word_contradicts(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "grows the weights slightly away from zero" for "shrinks the weights towards zero"."""
    wrong = "Each update therefore grows the weights slightly away from zero."
    right = "Each update therefore shrinks the weights slightly towards zero."
    assert "shrinks-weights" in _contradicted(grader, bank, "weight-decay", wrong)
    assert "shrinks-weights" not in _contradicted(grader, bank, "weight-decay", right)
    graded = grader.grade(bank.question("weight-decay"), wrong)
    (claim,) = [m for m in graded.misconceptions if m.misconception_id.endswith("shrinks-weights")]
    assert "grows" in " ".join(s.text for s in claim.spans)


def test_a_comparison_said_from_the_other_side_is_the_same_claim(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "fewer parameters than dense": "CNNs have more parameters than dense layers" turns
    it round; "dense layers have more parameters than CNNs" says it from the other side."""
    qid = "cnn-vs-ann-images"
    turned = "CNNs have more parameters than dense layers."
    other_side = "Dense layers have more parameters than CNNs."
    assert "sharing-local" in _contradicted(grader, bank, qid, turned)
    assert "sharing-local" not in _contradicted(grader, bank, qid, other_side)


def test_both_words_in_the_sentence_compare_and_two_words_are_too_few(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "grow or shrink" names both sides; "pretrained on a large dataset" says another
    dataset than "when you have a small dataset" (a phrasing of two words)."""
    both = "Depending on lambda each update can grow or shrink the weights towards zero."
    assert "shrinks-weights" not in _contradicted(grader, bank, "weight-decay", both)
    source = "You take a network pretrained on a large dataset and fine-tune it on yours."
    assert "when-to-use" not in _contradicted(grader, bank, "transfer-learning", source)


def test_a_word_the_phrasing_denies_said_plainly_in_its_place_contradicts(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Units in the same layer are *not connected*": saying they are connected contradicts
    it, whether the match lacks the word or borrows it, denied, from another clause (the
    phrasing "visible layer and hidden layer" credits the concept all the same). Said
    with the denial, or about both layers, it stands."""
    qid = "rbm"
    plain = "In an RBM, units are connected to others in the same layer."
    borrowed = (
        "An RBM has a visible layer and a hidden layer, and the restriction is that units are "
        "only connected to others in the same layer, with no connections running between the "
        "visible and hidden layers."
    )
    right = (
        "An RBM has a visible layer and a hidden layer; units in the same layer are not "
        "connected, and every visible unit is connected to every hidden unit."
    )
    assert "bipartite" in _contradicted(grader, bank, qid, plain)
    assert "bipartite" in _contradicted(grader, bank, qid, borrowed)
    graded = grader.grade(bank.question(qid), borrowed)
    (claim,) = [m for m in graded.misconceptions if m.misconception_id.endswith("bipartite")]
    assert any("only connected" in s.text for s in claim.spans)
    result = grader.grade(bank.question(qid), right)
    assert "bipartite" in {c.concept_id for c in result.credited}
    assert not result.misconceptions
