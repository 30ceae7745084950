"""Hands-on questions load through the one loader; errors name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.errors import BankLoadError
from interviewer.loader import load_bank, load_rubric_file
from interviewer.models import CodeQuestion, ComputedQuestion, PoolSelector, Question

HEAD = "topic: demo\ntitle: Demo\nquestions:\n"
RUBRIC = """\
  - id: what-is-relu
    level: basic
    topics: [activations]
    tracks: [general]
    ask: What does ReLU compute?
    rephrasings: [What is the rectified linear unit?]
    reference: ReLU outputs max(0, x).
    concepts:
      - id: max-zero
        label: Outputs max of zero and the input
        phrasings: [max of zero and x]
        missing_feedback: Say what it outputs.
    hints: [Think of negative inputs.]
"""
COMPUTED = """\
  - id: calc-linear
    kind: computed
    ask: How many parameters has nn.Linear({inputs}, {outputs})?
    level: basic
    topics: [basics]
    tracks: [general]
    task: linear-params
    params: {inputs: [784], outputs: [256, 128]}
    hints: [Weights and biases.]
"""
CODE = """\
  - id: code-swish
    kind: code
    ask: Write Swish.
    level: basic
    topics: [activations]
    tracks: [general]
    exercise: custom-activation
    solution: |
      import torch
    hints: [Use sigmoid.]
"""


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_NO_CACHE", "1")


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _line(body: str, needle: str) -> int:
    """The 1-based line of ``needle`` in the file written from ``body``."""
    return next(n for n, line in enumerate((HEAD + body).splitlines(), 1) if needle in line)


def _problems(tmp_path: Path, body: str) -> list[tuple[int, str, str]]:
    with pytest.raises(BankLoadError) as caught:
        load_rubric_file(_write(tmp_path, body))
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_all_three_kinds_load_side_by_side(tmp_path: Path) -> None:
    rubric = load_rubric_file(_write(tmp_path, RUBRIC + COMPUTED + CODE))
    kinds = [type(q) for q in rubric.questions]
    assert kinds == [Question, ComputedQuestion, CodeQuestion]
    assert rubric.questions[0].kind == "rubric"


def test_the_bank_keeps_hands_on_questions_apart_from_the_rubric_ones(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text(
        "name: mini\ntitle: Mini\ntrack: general\nopening: Hi.\nclosing: Bye.\nstages:\n"
        "  - id: basic\n    title: B\n    pool: {levels: [basic]}\n"
        "    questions: {short: 1, full: 1}\n  - id: wrap-up\n    title: W\n",
        encoding="utf-8",
    )
    bank = load_bank([_write(tmp_path, RUBRIC + COMPUTED + CODE)], [flow])
    assert list(bank.questions) == ["what-is-relu"]
    assert list(bank.handson) == ["calc-linear", "code-swish"]
    assert bank.sources["code-swish"][1] == _line(RUBRIC + COMPUTED + CODE, "id: code-swish")


def test_an_unknown_task_names_its_file_line_and_field(tmp_path: Path) -> None:
    body = RUBRIC + COMPUTED.replace("linear-params", "lineal-params")
    problems = _problems(tmp_path, body)
    assert len(problems) == 1
    line, field, message = problems[0]
    assert field == "questions[1]" and line == _line(body, "id: calc-linear")
    assert "unknown task 'lineal-params'" in message and "linear-params" in message


def test_missing_and_unknown_params_are_named(tmp_path: Path) -> None:
    body = COMPUTED.replace("outputs: [256, 128]", "width: [3]")
    [(_, _, message)] = _problems(tmp_path, body)
    assert "missing outputs" in message and "unknown width" in message


def test_a_placeholder_without_a_param_is_caught(tmp_path: Path) -> None:
    body = COMPUTED.replace("({inputs}, {outputs})", "({inputs}, {out})")
    [(_, _, message)] = _problems(tmp_path, body)
    assert "{out}" in message


def test_a_misspelt_field_of_a_code_question_names_the_field(tmp_path: Path) -> None:
    body = CODE.replace("    solution: |", "    soluton: |")
    problems = {field: line for line, field, _ in _problems(tmp_path, body)}
    assert problems == {
        "questions[0].soluton": _line(body, "soluton:"),
        "questions[0].solution": _line(body, "id: code-swish"),
    }


def test_an_unknown_exercise_lists_the_known_ones(tmp_path: Path) -> None:
    body = CODE.replace("custom-activation", "swish")
    [(line, field, message)] = _problems(tmp_path, body)
    assert field == "questions[0].exercise" and line == _line(body, "exercise: swish")
    assert "unknown exercise 'swish'" in message and "residual-block" in message


def test_an_unknown_kind_is_reported_on_the_kind_field(tmp_path: Path) -> None:
    problems = _problems(tmp_path, CODE.replace("kind: code", "kind: quiz"))
    assert any(
        f == "questions[0].kind" and "'rubric', 'computed' or 'code'" in m for _, f, m in problems
    )


def test_rubric_errors_are_unchanged(tmp_path: Path) -> None:
    body = RUBRIC.replace("    hints: [Think of negative inputs.]\n", "")
    [(line, field, message)] = _problems(tmp_path, body)
    assert (field, message) == ("questions[0].hints", "Field required")
    assert line == _line(body, "id: what-is-relu")


def test_a_flow_may_name_a_hands_on_question_by_id(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text(
        "name: mini\ntitle: Mini\ntrack: general\nopening: Hi.\nclosing: Bye.\nstages:\n"
        "  - id: basic\n    title: B\n    pool: {ids: [code-swish, nope]}\n"
        "    questions: {short: 1, full: 1}\n  - id: wrap-up\n    title: W\n",
        encoding="utf-8",
    )
    with pytest.raises(BankLoadError) as caught:
        load_bank([_write(tmp_path, RUBRIC + CODE)], [flow])
    messages = [p.message for p in caught.value.problems]
    assert messages == ["unknown question 'nope'"]


def test_pools_admit_rubric_questions_only_unless_kinds_are_listed() -> None:
    question = Question.model_validate(
        {
            "id": "q",
            "kind": "computed",
            "ask": "?",
            "rephrasings": ["?"],
            "level": "basic",
            "topics": ["t"],
            "tracks": ["general"],
            "reference": "r",
            "hints": ["h"],
            "concepts": [{"id": "c", "label": "l", "phrasings": ["p"], "missing_feedback": "m"}],
        }
    )
    assert not PoolSelector(levels=["basic"]).admits(question)
    assert PoolSelector(levels=["basic"], kinds=["rubric", "computed"]).admits(question)


def test_the_built_in_bank_has_hands_on_questions_of_both_kinds() -> None:
    bank = load_bank()
    kinds = {q.kind for q in bank.handson.values()}
    assert kinds == {"computed", "code"}
    assert len([q for q in bank.handson.values() if q.kind == "code"]) >= 8
