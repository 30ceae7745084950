"""Fitting works out repeated questions once; a refit after an edit redoes only what changed."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

import interviewer.grading.cache as grader_cache
from interviewer.bank import Bank
from interviewer.grading import RubricGrader, authoring_grader, cached_grader
from interviewer.grading.calibration import fit_calibration
from interviewer.grading.fit_memo import flat_rows
from interviewer.grading.grader import MODEL_SIGNALS
from interviewer.loader import load_rubric_file
from interviewer.models import Question
from interviewer.packaged import packaged_data_dir

SOURCE = packaged_data_dir("rubrics") / "gradients.yaml"
QID = "vanishing-exploding-gradients"


def bank_of(path: Path) -> Bank:
    bank = Bank()
    for question in load_rubric_file(path).questions:
        if isinstance(question, Question):
            bank.questions[question.id] = question
    return bank


@pytest.fixture(scope="module")
def bank() -> Bank:
    return bank_of(SOURCE)


@pytest.fixture(scope="module")
def fitted(bank: Bank) -> RubricGrader:
    return RubricGrader().fit(bank)


def edited_file(tmp_path: Path, old: str, new: str) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "gradients.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


class CountCompiles:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ids: list[str] = []
        real = RubricGrader._compile

        def counted(grader: RubricGrader, question: Question) -> object:
            self.ids.append(question.id)
            return real(grader, question)

        monkeypatch.setattr(RubricGrader, "_compile", counted)


def test_questions_of_the_same_content_are_compiled_once_with_the_same_result(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    doubled = Bank()
    for question in bank.questions.values():
        doubled.questions[question.id] = question
        # a copy under another id, its links elsewhere (as in a bank built from copies)
        twin = question.model_copy(update={"id": f"{question.id}-twin", "threads": []})
        doubled.questions[twin.id] = twin
    compiles = CountCompiles(monkeypatch)
    grader = RubricGrader().fit(doubled)
    assert sorted(compiles.ids) == sorted(bank.questions)
    monkeypatch.undo()
    for qid in bank.questions:
        twin = doubled.questions[f"{qid}-twin"]
        assert grader.questions_[twin.id] == grader._compile(twin)  # what compiling gives
        assert grader.questions_[twin.id] == dataclasses.replace(
            grader.questions_[qid], question_id=twin.id
        )
        assert grader.calibration_rows_[twin.id] == grader.calibration_rows_[qid]
        answer = twin.examples[0].answer
        assert (
            grader.grade(twin, answer).grade == grader.grade(doubled.questions[qid], answer).grade
        )


def test_a_partial_fit_of_the_unchanged_bank_keeps_everything(
    bank: Bank, fitted: RubricGrader, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiles = CountCompiles(monkeypatch)
    again = copy.copy(fitted).partial_fit(bank)
    assert compiles.ids == []
    assert again.calibration_ is fitted.calibration_
    assert again.questions_ == fitted.questions_
    assert again.calibration_rows_ == fitted.calibration_rows_


def test_a_partial_fit_recompiles_only_the_edited_question(
    fitted: RubricGrader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = edited_file(
        tmp_path,
        "          - chain rule multiplies gradients\n",
        "          - chain rule multiplies gradients\n          - the signal fades by layer\n",
    )
    edited = bank_of(path)
    base_compiled = dict(fitted.questions_)
    compiles = CountCompiles(monkeypatch)
    refitted = copy.copy(fitted).partial_fit(edited)
    assert compiles.ids == [QID]
    monkeypatch.undo()
    assert refitted.questions_[QID] == refitted._compile(edited.questions[QID])
    assert refitted.questions_[QID].fingerprint != fitted.questions_[QID].fingerprint
    for qid, compiled in fitted.questions_.items():
        if qid != QID:
            assert refitted.questions_[qid] is compiled
    every = flat_rows(refitted.calibration_rows_)
    expected = fit_calibration(
        [signals for signals, _ in every],
        [grade_range for _, grade_range in every],
        MODEL_SIGNALS,
        strength=fitted.calibration_strength,
        iterations=fitted.calibration_rounds,
    )
    assert refitted.calibration_ == expected
    assert fitted.questions_ == base_compiled  # the grader it was copied from is untouched


def test_an_edited_example_grade_refits_the_calibration(
    fitted: RubricGrader, tmp_path: Path
) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index("    examples:")
    line_start = text.index("grade: [", start)
    line_end = text.index("]", line_start) + 1
    path = tmp_path / "gradients.yaml"
    path.write_text(text[:line_start] + "grade: [0, 0.5]" + text[line_end:], encoding="utf-8")
    edited = bank_of(path)
    refitted = copy.copy(fitted).partial_fit(edited)
    assert refitted.calibration_ != fitted.calibration_
    assert refitted.questions_ == fitted.questions_  # the example is not matched against


def test_the_authoring_grader_refits_only_the_edit(
    bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVIEWER_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(grader_cache, "_MEMO", {})
    monkeypatch.setattr(grader_cache, "_LATEST", {})
    full = cached_grader(bank)
    assert authoring_grader(bank) is full  # the bank's own full fit
    path = edited_file(tmp_path, "    ask: >-\n", "    ask: >-\n      Briefly,\n")
    edited = bank_of(path)
    monkeypatch.setattr(grader_cache, "_MEMO", {})  # a new process: only the disk cache
    monkeypatch.setattr(grader_cache, "_LATEST", {})

    def no_full_fit(self: RubricGrader, bank: object) -> RubricGrader:
        raise AssertionError("the whole bank was refitted")

    monkeypatch.setattr(RubricGrader, "fit", no_full_fit)
    quick = authoring_grader(edited)
    assert quick.questions_[QID] == quick._compile(edited.questions[QID])
    assert edited.questions[QID].ask.startswith("Briefly,")
    assert quick.tfidf_ == full.tfidf_  # the vocabulary of the last full fit
    assert quick.grade(edited.questions[QID], "gradients vanish").question_id == QID
