"""The ``concepts`` signal of ``interviewer eval``: grade with drafted rubrics.

A rubric is drafted from every question's reference answer exactly as
``interviewer rubric draft`` does (TF-IDF against the other questions of the
dataset), a grader is fitted on the drafted rubrics, and its own signals for
each answer become the columns: weighted concept coverage, key-concept
coverage and TF-IDF similarity to the reference.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from interviewer.authoring.draft import draft_rubric
from interviewer.authoring.stats import Floats
from interviewer.evaluation.dataset import EvalItem
from interviewer.models import Question

__all__ = ["CONCEPT_COLUMNS", "concept_signal", "draft_questions"]

CONCEPT_COLUMNS = ("coverage", "key_coverage", "similarity")


def draft_questions(items: Sequence[EvalItem]) -> dict[str, Question]:
    """One drafted rubric per question of the dataset, by question id.

    Questions whose reference has no content words get none.
    """
    firsts: dict[str, EvalItem] = {}
    for item in items:
        firsts.setdefault(item.question_id, item)
    background = [f"{i.question} {i.reference}" for i in firsts.values()]
    drafted: dict[str, Question] = {}
    for number, (qid, item) in enumerate(firsts.items()):
        others = background[:number] + background[number + 1 :]
        try:
            draft = draft_rubric(
                item.question, item.reference, background=others, question_id=f"q{number}"
            )
        except ValueError:
            continue
        drafted[qid] = draft.question
    return drafted


def concept_signal(items: Sequence[EvalItem]) -> Floats:
    """Columns :data:`CONCEPT_COLUMNS` for every item (zeros where no rubric was drafted)."""
    from interviewer.grading import RubricGrader

    drafted = draft_questions(items)
    grader = RubricGrader().fit(list(drafted.values()))
    out = np.zeros((len(items), len(CONCEPT_COLUMNS)))
    for row, item in enumerate(items):
        question = drafted.get(item.question_id)
        if question is None:
            continue
        features = grader.features(question, item.answer)
        out[row] = [features[name] for name in CONCEPT_COLUMNS]
    return out
