"""Facts of the domain stated turned round are wrong claims in any question: "a larger
learning rate makes the steps smaller", "larger batches mean more updates per epoch";
the same facts stated either way round, or with both ends turned, are not."""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.facts import FACTS, _relations


def _reversed(grader: RubricGrader, bank: Bank, qid: str, text: str) -> list[str]:
    result = grader.grade(bank.question(qid), text)
    return [
        m.misconception_id
        for m in result.misconceptions
        if m.misconception_id.startswith("reverses:")
    ]


@pytest.mark.parametrize(
    ("qid", "text", "fact"),
    [
        (
            "gradient-descent-steps",
            "Raising the learning rate makes every update smaller and safer.",
            "learning-rate-step-size",
        ),
        (
            "loss-not-decreasing",
            "A high learning rate means tiny steps, so progress crawls.",
            "learning-rate-step-size",
        ),
        (
            "gradient-descent-variants",
            "Larger batches mean more updates per epoch.",
            "batch-size-updates",
        ),
        ("valid-vs-same-padding", "More padding makes the output smaller.", "padding-output-size"),
        ("conv-output-size", "A larger stride gives you a larger output.", "stride-output-size"),
        (
            "overfitting-remedies",
            "Adding more training data increases overfitting.",
            "data-overfitting",
        ),
    ],
)
def test_a_fact_turned_round_is_a_wrong_claim(
    grader: RubricGrader, bank: Bank, qid: str, text: str, fact: str
) -> None:
    result = grader.grade(bank.question(qid), text)
    (hit,) = [m for m in result.misconceptions if m.misconception_id == f"reverses:{fact}"]
    assert hit.correction and hit.spans and hit.penalty > 0


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        (
            "hyperparameter-tuning",
            "A larger learning rate takes bigger steps; a smaller one, smaller steps.",
        ),
        (
            "hyperparameter-tuning",
            "If the learning rate is too large the steps overshoot; too small and they are tiny.",
        ),
        (
            "gradient-descent-variants",
            "A larger batch gives fewer updates per epoch but smoother gradients.",
        ),
        (
            "valid-vs-same-padding",
            "Less padding makes the output smaller, more padding keeps it larger.",
        ),
        (
            "overfitting-remedies",
            "More training data cuts overfitting, and a larger lambda makes the weights smaller.",
        ),
        (
            "conv-output-size",
            "A larger stride means a smaller output, and a larger batch needs more memory.",
        ),
    ],
)
def test_a_fact_stated_either_way_is_no_wrong_claim(
    grader: RubricGrader, bank: Bank, qid: str, text: str
) -> None:
    assert _reversed(grader, bank, qid, text) == []


def test_every_fact_reads_as_a_relation() -> None:
    """Each wording of each fact has two words of scale (a wording that is no relation
    would silently never be read)."""
    read = {(fact.id, relation.phrase.text) for fact, relation in _relations()}
    for fact in FACTS:
        for phrasing in fact.phrasings:
            assert (fact.id, phrasing) in read, phrasing


def test_a_fact_said_on_the_words_of_a_wrong_claim_found_is_not_counted_twice(
    grader: RubricGrader, bank: Bank
) -> None:
    """The question's own concept reads "raising the learning rate makes every update
    smaller" as a relation turned round; the fact on the same words adds no second cost."""
    text = "Raising the learning rate makes every update smaller and safer."
    result = grader.grade(bank.question("hyperparameter-tuning"), text)
    assert len(result.misconceptions) == 1
    assert not result.misconceptions[0].misconception_id.startswith("reverses:")
