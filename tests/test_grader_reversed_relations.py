"""Reversed relations: a phrasing that ties two quantities together ("small datasets need
shallow networks", "low learning rate slow") stated with one end kept and the other
turned round contradicts its concept, even where another phrasing credits it; both ends
turned say the same relation from its other side."""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _contradicted(grader: RubricGrader, bank: Bank, qid: str, text: str) -> set[str]:
    result = grader.grade(bank.question(qid), text)
    return {c.concept_id for c in result.concepts if c.contradicted}


def test_one_end_turned_round_contradicts(bank: Bank, grader: RubricGrader) -> None:
    """ "small datasets need *deep* networks" keeps "small" and turns "shallow": the concept
    is contradicted though "depends on the amount of data" credits it in another sentence,
    and the wrong claim is quoted on the words that state it."""
    qid = "choose-network-depth"
    wrong = "It depends on the amount of data. Small datasets need very deep networks."
    assert "data-and-task" in _contradicted(grader, bank, qid, wrong)
    graded = grader.grade(bank.question(qid), wrong)
    (claim,) = [m for m in graded.misconceptions if m.misconception_id.endswith("data-and-task")]
    assert "deep" in " ".join(s.text for s in claim.spans)


def test_a_word_of_quantity_turns_an_end(bank: Bank, grader: RubricGrader) -> None:
    """ "*Raising* the learning rate makes training slower" turns "low" of "low learning
    rate slow" and keeps "slow"."""
    wrong = "Raising the learning rate makes training slower but more stable."
    assert "effects" in _contradicted(grader, bank, "hyperparameter-tuning", wrong)


def test_the_relation_kept_or_said_from_its_other_side_stands(
    bank: Bank, grader: RubricGrader
) -> None:
    """Both ends kept, both turned ("large datasets need deeper networks"), or both sides
    named in one sentence: no contradiction."""
    qid = "choose-network-depth"
    for right in (
        "It depends on the amount of data. Small datasets need shallower networks.",
        "It depends on the amount of data. Large datasets need deeper networks.",
        "Small datasets need shallow networks, while large datasets need deep networks.",
        "A small dataset needs a shallow network and a large one a deeper network.",
    ):
        assert "data-and-task" not in _contradicted(grader, bank, qid, right), right
    tuning = "hyperparameter-tuning"
    for right in (
        "Lowering the learning rate makes training slower but more stable.",
        "Raising the learning rate makes training faster but less stable.",
    ):
        assert "effects" not in _contradicted(grader, bank, tuning, right), right


def test_both_ends_listed_together_claim_neither(bank: Bank, grader: RubricGrader) -> None:
    """ "weights too big or too small" names both ends of "weights too large explode"."""
    right = "If the weights are too big or too small the gradients explode or vanish."
    assert "signal-scale" not in _contradicted(grader, bank, "weight-initialisation", right)


def test_a_new_condition_after_and_is_a_clause_of_its_own(bank: Bank, grader: RubricGrader) -> None:
    """ "the gradients explode *and if* the weights are too small everything shrinks": the
    condition opens a new clause, so "explode" and "too small" are no relation read
    together, and "weights too large explode" is not turned round."""
    qid = "weight-initialisation"
    right = (
        "With bad scale, the gradients explode and if the weights are too small everything "
        "shrinks towards zero."
    )
    assert "signal-scale" not in _contradicted(grader, bank, qid, right)
    wrong = "With bad scale, the gradients explode if the weights are too small."
    assert "signal-scale" in _contradicted(grader, bank, qid, wrong)
