"""``rubric test`` and ``rubric explain`` on a temp copy of a built-in rubric."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from interviewer.authoring.examples import run_examples
from interviewer.authoring.explain import explain
from interviewer.authoring.render import render_breakdown
from interviewer.bank import Bank
from interviewer.cli import main
from interviewer.grading import RubricGrader
from interviewer.loader import load_rubric_file
from interviewer.packaged import packaged_data_dir

QID = "vanishing-exploding-gradients"
OFF_TOPIC = "It is the number of layers in the model."


@pytest.fixture(scope="module")
def grader() -> RubricGrader:
    bank = Bank()
    for question in load_rubric_file(packaged_data_dir("rubrics") / "gradients.yaml").questions:
        bank.questions[question.id] = question
    return RubricGrader().fit(bank)


@pytest.fixture()
def rubric_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "gradients.yaml"
    shutil.copy(packaged_data_dir("rubrics") / "gradients.yaml", copy)
    return copy


def _only_examples(path: Path, examples: str) -> None:
    """Replace the first question's examples with ``examples`` (YAML list items)."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("    examples:\n", 1)
    tail = rest[rest.index("\n  - id:") :]
    path.write_text(head + "    examples:\n" + examples + tail, encoding="utf-8")


def _bank(path: Path) -> Bank:
    bank = Bank()
    for question in load_rubric_file(path).questions:
        bank.questions[question.id] = question
    return bank


def test_out_of_range_example_fails(rubric_copy: Path, grader: RubricGrader) -> None:
    _only_examples(
        rubric_copy,
        f"      - kind: excellent\n        grade: [4.5, 5]\n        answer: {OFF_TOPIC}\n"
        "      - kind: other\n        grade: [0, 5]\n        answer: anything goes\n",
    )
    report = run_examples(_bank(rubric_copy), grader, [QID])
    assert [o.passed for o in report.outcomes] == [False, True]
    failure = report.failures[0]
    assert failure.actual < 4.5 and failure.miss == pytest.approx(4.5 - failure.actual)
    summary = report.summary()
    assert summary["passed"] == 1 and summary["agreement"] == 0.5


def test_cli_exit_codes_and_json(rubric_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _only_examples(
        rubric_copy,
        f"      - kind: wrong\n        grade: [0, 5]\n        answer: {OFF_TOPIC}\n",
    )
    assert main(["rubric", "test", QID, "--rubrics", str(rubric_copy)]) == 0
    out = capsys.readouterr().out
    assert "1/1 examples in range (100%)" in out
    assert out.splitlines()[2].startswith("ok   vanishing-exploding-gradients")
    _only_examples(
        rubric_copy,
        f"      - kind: excellent\n        grade: [4.5, 5]\n        answer: {OFF_TOPIC}\n",
    )
    assert main(["rubric", "test", QID, "--rubrics", str(rubric_copy), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["passed"] == 0
    assert data["outcomes"][0]["passed"] is False
    assert data["worst"] == [f"{QID}#0"]


def test_unknown_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric", "test", "vanishing-gradients"]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_explain_shows_matches_misconceptions_and_composition(grader: RubricGrader) -> None:
    question = _bank(packaged_data_dir("rubrics") / "gradients.yaml").question(QID)
    answer = (
        "The gradient shrinks towards zero so the early layers barely learn. "
        "Also the size of the network decreases."
    )
    breakdown = explain(grader, question, answer)
    result = breakdown.result
    assert any(c.concept_id == "vanishing" for c in result.credited)
    assert [m.misconception_id for m in result.misconceptions] == ["network-shrinks"]
    for start, end, kind in breakdown.marks():
        assert kind in {"credit", "wrong", "negated"}
        assert answer[start:end].strip()
    text = render_breakdown(breakdown)
    assert "+ vanishing (weight 2, key) via" in text
    assert "! network-shrinks (-1.5)" in text
    assert re.search(r"\{[^}]*network decreases\}", text), text
    assert f"final grade {result.grade:.1f}" in text
    for concept in result.missed:
        assert f"- {concept.concept_id} (" in text


def test_explain_cli_json_and_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    answer = "Gradients are multiplied through many layers and explode, loss becomes NaN."
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    assert main(["rubric", "explain", QID, "--answer", "-", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answer"] == answer
    for mark in data["highlights"]:
        assert 0 <= mark["start"] < mark["end"] <= len(answer)
    assert data["result"]["question_id"] == QID
    assert data["composition"][-1].startswith("sum")


@pytest.mark.parametrize("answer", ["", "   ", "\x00\x01", "ok " * 5000])
def test_explain_never_crashes(grader: RubricGrader, answer: str) -> None:
    question = _bank(packaged_data_dir("rubrics") / "gradients.yaml").question(QID)
    text = render_breakdown(explain(grader, question, answer))
    assert "grade" in text
