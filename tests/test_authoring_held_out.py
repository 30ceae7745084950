"""``rubric test --held-out``: each question is graded by a grader that never saw it."""

from __future__ import annotations

from typing import Any

import pytest

from interviewer.authoring.held_out import run_examples_held_out
from interviewer.bank import Bank
from interviewer.cli import main
from interviewer.grading import RubricGrader
from interviewer.loader import load_rubric_file
from interviewer.packaged import packaged_data_dir

QID = "vanishing-exploding-gradients"


@pytest.fixture(scope="module")
def small_bank() -> Bank:
    bank = Bank()
    for name in ("gradients.yaml", "sequences.yaml"):
        for question in load_rubric_file(packaged_data_dir("rubrics") / name).questions:
            bank.questions[question.id] = question
    return bank


def test_no_question_is_graded_by_a_grader_fitted_on_it(
    small_bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    fitted_on: dict[int, set[str]] = {}
    graded_by: dict[str, set[int]] = {}
    real_fit, real_grade = RubricGrader.fit, RubricGrader.grade

    def fit(self: RubricGrader, bank: Any) -> RubricGrader:
        questions = list(bank)
        fitted_on[id(self)] = {q.id for q in questions}
        return real_fit(self, questions)

    def grade(self: RubricGrader, question: Any, answer: str) -> Any:
        graded_by.setdefault(question.id, set()).add(id(self))
        return real_grade(self, question, answer)

    monkeypatch.setattr(RubricGrader, "fit", fit)
    monkeypatch.setattr(RubricGrader, "grade", grade)
    report = run_examples_held_out(small_bank, folds=3)

    assert report.held_out_folds == 3
    assert len(fitted_on) == 3
    assert set(graded_by) == set(small_bank.questions)
    for question_id, graders in graded_by.items():
        assert len(graders) == 1
        assert question_id not in fitted_on[next(iter(graders))]
    expected = [(q.id, i) for q in small_bank.questions.values() for i in range(len(q.examples))]
    assert [(o.question_id, o.index) for o in report.outcomes] == expected


def test_a_selection_grades_the_same_as_the_whole_run(small_bank: Bank) -> None:
    whole = run_examples_held_out(small_bank, folds=3)
    chosen = run_examples_held_out(small_bank, [QID], folds=3)
    assert {o.question_id for o in chosen.outcomes} == {QID}
    assert [o.actual for o in chosen.outcomes] == [
        o.actual for o in whole.outcomes if o.question_id == QID
    ]


def test_errors_are_plain(small_bank: Bank) -> None:
    with pytest.raises(KeyError, match="no question"):
        run_examples_held_out(small_bank, ["no-such-question"])
    lonely = Bank()
    lonely.questions[QID] = small_bank.questions[QID]
    with pytest.raises(ValueError, match="at least two questions"):
        run_examples_held_out(lonely)


def test_cli_held_out(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rubric", "test", "--held-out", "--folds", "4", QID])
    out = capsys.readouterr().out
    assert "held out: 4 folds of questions" in out
    rows = [line for line in out.splitlines() if QID in line and line[:4].strip() in ("ok", "FAIL")]
    assert len(rows) == 7
    assert code == (1 if any(row.startswith("FAIL") for row in rows) else 0)
    assert main(["rubric", "test", "--held-out", "not-a-question"]) == 2
    assert "no question 'not-a-question'" in capsys.readouterr().err
