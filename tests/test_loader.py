"""The loader validates rubric and flow files and names file, line, field and fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.errors import BankLoadError
from interviewer.loader import load_bank, load_flow, load_rubric_file

QUESTION = """\
topic: demo
title: Demo topic
questions:
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
        weight: 2
        phrasings: [max of zero and x]
        missing_feedback: Say what it outputs.
    hints: [Think of negative inputs.]
{extra}
"""

FLOW = """\
name: mini
title: Mini flow
track: general
opening: Hello.
closing: Bye.
stages:
  - id: basic
    title: Basics
    pool: {levels: [basic]}
    questions: {short: 1, full: 2}
  - id: wrap-up
    title: Wrap-up
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_NO_CACHE", "1")


def test_valid_files_load(tmp_path: Path) -> None:
    rubric = write(tmp_path, "demo.yaml", QUESTION.format(extra=""))
    flow = write(tmp_path, "mini.yaml", FLOW)
    bank = load_bank([rubric], [flow])
    assert list(bank.questions) == ["what-is-relu"]
    assert bank.sources["what-is-relu"] == (str(rubric), 4)
    assert bank.flows["mini"].stages[-1].id == "wrap-up"


def test_wrong_level_names_file_line_field_and_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", QUESTION.format(extra="").replace("basic", "easy"))
    with pytest.raises(BankLoadError) as caught:
        load_rubric_file(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert problem.line == 5
    assert problem.field == "questions[0].level"
    assert "basic" in problem.message and "allowed" in problem.fix


def test_unknown_field_and_missing_field_are_both_reported(tmp_path: Path) -> None:
    text = QUESTION.format(extra="    colour: blue")
    text = text.replace("    hints: [Think of negative inputs.]\n", "")
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(BankLoadError) as caught:
        load_rubric_file(path)
    fields = {p.field: p for p in caught.value.problems}
    assert fields["questions[0].colour"].line == 17
    assert "spelling" in fields["questions[0].colour"].fix
    assert "questions[0].hints" in fields
    assert "Traceback" not in str(caught.value)


def test_nested_concept_error_points_at_its_line(tmp_path: Path) -> None:
    text = QUESTION.format(extra="").replace("weight: 2", "weight: heavy")
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(BankLoadError) as caught:
        load_rubric_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (14, "questions[0].concepts[0].weight")
    assert problem.fix == "write a number"


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yaml", "topic: x\ntitle: [unclosed\nquestions: []\n")
    with pytest.raises(BankLoadError) as caught:
        load_rubric_file(path)
    (problem,) = caught.value.problems
    assert problem.line >= 2 and "not valid YAML" in problem.message


def test_key_concept_without_probe_is_rejected(tmp_path: Path) -> None:
    text = QUESTION.format(extra="").replace("weight: 2", "weight: 2\n        key: true")
    with pytest.raises(BankLoadError, match="needs a probe"):
        load_rubric_file(write(tmp_path, "bad.yaml", text))


def test_duplicate_ids_and_dangling_threads_across_files(tmp_path: Path) -> None:
    threads = "    threads:\n      - to: no-such-question\n        when: {always: true}"
    first = write(tmp_path, "a.yaml", QUESTION.format(extra=threads))
    second = write(tmp_path, "b.yaml", QUESTION.format(extra=""))
    flow = write(tmp_path, "mini.yaml", FLOW)
    with pytest.raises(BankLoadError) as caught:
        load_bank([first, second], [flow])
    messages = [str(p) for p in caught.value.problems]
    assert any("already used at" in m and str(second) in m for m in messages)
    assert any("unknown question 'no-such-question'" in m for m in messages)


def test_flow_must_end_with_wrap_up(tmp_path: Path) -> None:
    path = write(tmp_path, "flow.yaml", FLOW.replace("  - id: wrap-up\n    title: Wrap-up\n", ""))
    with pytest.raises(BankLoadError) as caught:
        load_flow(path)
    assert any("stages" in p.field for p in caught.value.problems)


def test_unreadable_and_non_mapping_files(tmp_path: Path) -> None:
    with pytest.raises(BankLoadError, match="cannot read"):
        load_rubric_file(tmp_path / "missing.yaml")
    with pytest.raises(BankLoadError, match="mapping at the top level"):
        load_rubric_file(write(tmp_path, "list.yaml", "- a\n- b\n"))


def test_cached_bank_is_reused_and_invalidated_by_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVIEWER_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rubric = write(tmp_path, "demo.yaml", QUESTION.format(extra=""))
    flow = write(tmp_path, "mini.yaml", FLOW)
    first = load_bank([rubric], [flow])
    assert list((tmp_path / "cache").rglob("bank-*.pickle"))
    assert load_bank([rubric], [flow]) == first
    rubric.write_text(rubric.read_text().replace("What does ReLU compute?", "ReLU?"))
    assert load_bank([rubric], [flow]).questions["what-is-relu"].ask == "ReLU?"


def test_cli_reports_bank_errors_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from interviewer.errors import BankLoadError as Error

    def broken(args: object) -> int:
        load_rubric_file(write(tmp_path, "bad.yaml", "topic: 3\n"))
        return 0

    import interviewer.cli.demo as demo_cli

    monkeypatch.setattr(demo_cli, "run", broken)
    assert main(["demo"]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:1" in err and "fix:" in err and "Traceback" not in err
    assert issubclass(Error, Exception)
