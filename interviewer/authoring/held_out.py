"""``rubric test --held-out``: grade each example with a grader that never saw its question.

In-sample, an example helps calibrate the grader that grades it, so a rubric
can pass its own examples by being fitted to them. Held out, the questions are
split into folds by question (scikit-learn's ``GroupKFold``); for each fold a
grader is fitted on the other questions only, so neither the fold's examples
nor its rubric text reach the calibration or the TF-IDF weights, and the fold's
examples are graded by it. This is the figure to trust for new rubrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from interviewer.authoring.examples import ExampleOutcome, ExamplesReport, grade_examples
from interviewer.bank import Bank

__all__ = ["run_examples_held_out"]


def run_examples_held_out(
    bank: Bank,
    question_ids: Sequence[str] | None = None,
    folds: int = 5,
    params: dict[str, Any] | None = None,
) -> ExamplesReport:
    """Grade examples with graders fitted without their question.

    Args:
        bank: Every question; the folds are drawn from all of them.
        question_ids: Report these questions only (default: all). The folds do
            not depend on this choice, so a question grades the same either way.
        folds: How many folds (at most one per question; at least 2).
        params: ``RubricGrader`` parameters (default: its defaults).

    Returns:
        The outcomes, in the order of ``question_ids`` (or of the bank).

    Raises:
        KeyError: for an unknown question id (the message suggests close ids).
        ValueError: when the bank has fewer than two questions.
    """
    from sklearn.model_selection import GroupKFold

    from interviewer.grading import RubricGrader

    wanted = [bank.question(qid).id for qid in question_ids] if question_ids else None
    questions = list(bank.questions.values())
    if len(questions) < 2:
        raise ValueError("holding questions out needs at least two questions in the bank")
    ids = [q.id for q in questions]
    by_question: dict[str, list[ExampleOutcome]] = {}
    n_splits = max(2, min(folds, len(ids)))
    splitter = GroupKFold(n_splits=n_splits)
    for train_index, test_index in splitter.split(ids, groups=ids):
        test = [questions[i] for i in test_index if wanted is None or ids[i] in wanted]
        if not test:
            continue
        grader = RubricGrader(**(params or {})).fit([questions[i] for i in train_index])
        for question in test:
            by_question[question.id] = grade_examples(question, grader)
    order = wanted if wanted is not None else ids
    return ExamplesReport([o for qid in order for o in by_question[qid]], n_splits)
