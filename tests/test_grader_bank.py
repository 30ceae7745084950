"""The grader fitted on the built-in bank: hard cases on real rubrics, agreement with examples."""

from __future__ import annotations

import statistics
from collections import defaultdict

import pytest

from interviewer.bank import Bank
from interviewer.grading import GradeResult, RubricGrader
from interviewer.loader import load_bank
from interviewer.models import Question


def _bank() -> Bank:
    """The built-in bank."""
    return load_bank()


@pytest.fixture(scope="module")
def bank() -> Bank:
    return _bank()


@pytest.fixture(scope="module")
def grader(bank: Bank) -> RubricGrader:
    return RubricGrader().fit(bank)


@pytest.fixture(scope="module")
def graded(bank: Bank, grader: RubricGrader) -> list[tuple[Question, str, float, float, float]]:
    return [
        (q, e.kind, e.grade[0], e.grade[1], grader.grade(q, e.answer).grade)
        for q in bank.questions.values()
        for e in q.examples
    ]


def credited(result: GradeResult, concept_id: str) -> bool:
    return next(c for c in result.concepts if c.concept_id == concept_id).credited


def test_the_worked_example_rubric_orders_its_examples_and_keeps_bad_ones_low(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.questions["vanishing-exploding-gradients"]
    grades = {e.kind: grader.grade(question, e.answer).grade for e in question.examples}
    assert grades["excellent"] >= 4.5
    assert grades["excellent"] > grades["good"] > grades["partial"]
    low = {kind: grades[kind] for kind in ("wrong", "misconception", "keywords", "negation")}
    assert max(low.values()) <= 1.5, low
    assert grades["partial"] > max(low.values())


def test_typos_are_credited_on_a_real_rubric(bank: Bank, grader: RubricGrader) -> None:
    question = bank.questions["vanishing-exploding-gradients"]
    result = grader.grade(question, "The vanishng gradiant shrinks towards zero in early layers")
    match = next(c for c in result.concepts if c.concept_id == "vanishing")
    assert match.credited
    # the speller reads the typos as the words meant; the quote is what was typed
    assert "spelling" in result.flags
    assert "vanishng gradiant" in [s.text for s in match.spans] or "gradiant" in str(match.spans)


def test_batch_norm_denied_earns_no_credit_for_it(bank: Bank, grader: RubricGrader) -> None:
    question = bank.questions["batch-normalisation"]
    denied = grader.grade(question, "Batch norm does not normalise activations.")
    stated = grader.grade(
        question, "Batch norm normalises activations: subtract the batch mean, divide by the std."
    )
    assert credited(stated, "batch-statistics")
    assert not credited(denied, "batch-statistics")
    assert any(c.negated for c in denied.concepts)
    assert denied.grade < stated.grade


def test_the_grader_agrees_with_the_banks_graded_examples(
    graded: list[tuple[Question, str, float, float, float]],
) -> None:
    from scipy.stats import spearmanr

    grades = [g for *_, g in graded]
    mids = [(low + high) / 2 for _, _, low, high, _ in graded]
    assert spearmanr(grades, mids).statistic >= 0.85
    outside = [
        f"{q.id} [{kind}] expected [{low}, {high}], got {g}"
        for q, kind, low, high, g in graded
        if not low <= g <= high
    ]
    # the grade follows the claims, not the bank's phrasing: a few examples whose
    # words the calibration cannot reach land just outside (see the closing note
    # of issue 9); at most 3% may, and they are listed
    assert len(outside) <= 0.03 * len(graded), "\n".join(outside)


def test_keyword_lists_misconceptions_and_negations_average_at_most_one_and_a_half(
    graded: list[tuple[Question, str, float, float, float]],
) -> None:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for _, kind, _, _, grade in graded:
        by_kind[kind].append(grade)
    for kind in ("keywords", "misconception", "negation"):
        if by_kind[kind]:
            assert statistics.fmean(by_kind[kind]) <= 1.5, kind
    assert statistics.fmean(by_kind["excellent"]) > statistics.fmean(by_kind["partial"]) + 1.5


def test_answers_to_another_question_are_off_topic_or_low(bank: Bank, grader: RubricGrader) -> None:
    question = bank.questions["vanishing-exploding-gradients"]
    other = bank.questions["one-hot-vs-label-encoding"]
    answer = next(e.answer for e in other.examples if e.kind == "excellent")
    assert grader.grade(question, answer).grade <= 1.0


def test_held_out_agreement_meets_the_banks_bar(bank: Bank) -> None:
    """Issue 3's checks under cross-validation by question (5 folds)."""
    from interviewer.authoring.held_out import run_examples_held_out

    report = run_examples_held_out(bank, folds=5)
    assert report.summary()["spearman"] >= 0.85
    by_kind: dict[str, list[float]] = defaultdict(list)
    for outcome in report.outcomes:
        by_kind[outcome.kind].append(outcome.actual)
    for kind in ("keywords", "misconception", "negation"):
        assert statistics.fmean(by_kind[kind]) <= 1.5, kind


def test_a_denied_choice_of_activation_earns_nothing(bank: Bank, grader: RubricGrader) -> None:
    question = bank.questions["activation-functions"]
    denied = grader.grade(question, "ReLU isn't better for hidden layers.")
    stated = grader.grade(question, "ReLU is better for hidden layers.")
    assert not credited(denied, "relu-hidden-default")
    assert next(c for c in denied.concepts if c.concept_id == "relu-hidden-default").negated
    assert credited(stated, "relu-hidden-default")
    assert denied.grade < stated.grade


def test_words_that_earn_one_concept_do_not_deny_another(bank: Bank, grader: RubricGrader) -> None:
    question = bank.questions["dropout"]
    result = grader.grade(question, "At test time no neurons are dropped, we use the full network.")
    assert credited(result, "train-only")
    zeroing = next(c for c in result.concepts if c.concept_id == "random-zeroing")
    assert not zeroing.negated and not zeroing.credited
    assert "train-only" in zeroing.note
    assert "negated" not in result.flags
    assert "denied" not in result.feedback
    # a plain denial, whose words earn nothing else, is still reported
    denied = grader.grade(question, "Dropout does not randomly drop neurons during training.")
    assert next(c for c in denied.concepts if c.concept_id == "random-zeroing").negated
    assert "negated" in denied.flags
