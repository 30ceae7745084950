"""``interviewer rubric lint``: planted defects are found at their line, with a fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interviewer.authoring.lint import lint_paths
from interviewer.cli import main
from interviewer.packaged import packaged_data_dir

RUBRIC = """\
# A small, clean rubric: lint must find nothing in it.
topic: toy
title: Toy questions
questions:
  - id: learning-rate
    level: basic
    topics: [training]
    tracks: [general]
    ask: What does the learning rate control?
    rephrasings:
      - How big are the steps gradient descent takes, and what sets them?
    reference: >-
      The learning rate scales each gradient step. Too large a rate overshoots
      the minimum and can diverge; too small a rate makes training crawl.
    concepts:
      - id: step-size
        label: It scales the size of each update
        weight: 2
        key: true
        phrasings:
          - scales the gradient step
          - size of each update
          - step size
        missing_feedback: Say what it multiplies.
        probe: What does the rate multiply?
      - id: too-large
        label: Too large diverges
        phrasings:
          - overshoots the minimum
          - loss diverges
        synonyms:
          diverges: [blows up, explodes]
        missing_feedback: Say what a large rate does.
      - id: too-small
        label: Too small is slow
        phrasings:
          - training is very slow
          - tiny updates
        missing_feedback: Say what a small rate does.
    misconceptions:
      - id: bigger-better
        claim: A bigger learning rate always trains better.
        phrasings:
          - bigger learning rate always better
        correction: Past a point a larger rate makes training unstable.
    hints:
      - Think about the size of a step.
      - The rate multiplies the gradient in every update.
    threads:
      - to: momentum
        when: {covered: too-large}
        say: Let's talk about smoothing the steps.
    examples:
      - kind: excellent
        grade: [4, 5]
        answer: >-
          It multiplies the gradient, so it sets how far each update moves;
          too big and you overshoot, too small and it crawls.
      - kind: good
        grade: [3, 4]
        answer: It is the step size; a big one makes the loss diverge.
      - kind: partial
        grade: [1.5, 2.5]
        answer: It controls how fast the model learns.
      - kind: wrong
        grade: [0, 1]
        answer: It is the number of layers.
      - kind: misconception
        grade: [0, 1.5]
        answer: A bigger learning rate is always better.
      - kind: keywords
        grade: [0.5, 1.5]
        answer: step size, gradient, diverge
  - id: momentum
    level: intermediate
    topics: [training]
    tracks: [general]
    ask: What does momentum add to gradient descent?
    rephrasings:
      - Why keep a running average of past gradients?
    reference: >-
      Momentum keeps a decaying average of past gradients and steps along it,
      which damps oscillations and speeds progress along consistent directions.
    concepts:
      - id: running-average
        label: Running average of gradients
        weight: 2
        key: true
        phrasings:
          - average of past gradients
          - velocity term
        missing_feedback: Say what it accumulates.
        probe: What does momentum keep track of?
      - id: damps
        label: Damps oscillations
        phrasings:
          - damps oscillations
          - less zigzag
        missing_feedback: Say what it does to oscillations.
      - id: faster
        label: Faster along consistent directions
        phrasings:
          - speeds up convergence
          - consistent direction
        missing_feedback: Say what it does to speed.
    misconceptions:
      - id: momentum-lr
        claim: Momentum is just a bigger learning rate.
        phrasings:
          - momentum just raises the learning rate
        correction: It averages directions over steps; it is not a rescaling.
    hints:
      - Think about a ball rolling downhill.
      - It remembers previous gradients.
    examples:
      - kind: excellent
        grade: [4, 5]
        answer: >-
          It keeps a velocity, a decaying sum of old gradients, so zigzags
          cancel and steady directions speed up.
      - kind: good
        grade: [3, 4]
        answer: It averages past gradients so there is less zigzag.
      - kind: partial
        grade: [1.5, 2.5]
        answer: It makes training faster.
      - kind: wrong
        grade: [0, 1]
        answer: It adds dropout.
      - kind: misconception
        grade: [0, 1.5]
        answer: Momentum just raises the learning rate.
      - kind: keywords
        grade: [0.5, 1.5]
        answer: velocity, average, oscillations
"""

FLOW = """\
name: toy
title: Toy interview
track: general
opening: Hello.
closing: Goodbye.
stages:
  - id: basic
    title: Basics
    pool: {levels: [basic]}
    questions: {short: 1, full: 1}
  - id: wrap-up
    title: Wrap-up
"""


@pytest.fixture()
def bank_dir(tmp_path: Path) -> Path:
    (tmp_path / "toy.yaml").write_text(RUBRIC, encoding="utf-8")
    (tmp_path / "toy-flow.yaml").write_text(FLOW, encoding="utf-8")
    return tmp_path


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``needle``."""
    if needle.endswith("$"):  # the line must end with the needle
        hits = [i + 1 for i, line in enumerate(text.splitlines()) if line.endswith(needle[:-1])]
    else:
        hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[occurrence - 1]


def _plant(bank_dir: Path, old: str, new: str, count: int = 1) -> str:
    path = bank_dir / "toy.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def _findings(bank_dir: Path) -> list[tuple[int, str, str]]:
    report = lint_paths([bank_dir], with_bank=False)
    return [(p.line, p.severity, p.message) for p in report.problems]


def test_clean_fixture_has_no_findings(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint_paths([bank_dir], with_bank=False).problems == []
    assert main(["rubric", "lint", "--no-bank", str(bank_dir)]) == 0
    assert "0 errors, 0 warnings in 2 files" in capsys.readouterr().out


def test_duplicate_concept_id_is_reported_at_its_line(
    bank_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _plant(bank_dir, "- id: too-small", "- id: too-large")
    assert main(["rubric", "lint", "--no-bank", str(bank_dir)]) == 1
    out = capsys.readouterr().out
    line = _line_of(text, "- id: too-large", 2)
    assert f"toy.yaml:{line}: error: questions[0].concepts[2].id: id 'too-large'" in out
    assert "fix: give this concept or misconception its own id" in out


def test_duplicate_question_id_across_files(bank_dir: Path) -> None:
    (bank_dir / "other.yaml").write_text(
        RUBRIC.replace("topic: toy", "topic: other").replace("- id: momentum", "- id: momentum2"),
        encoding="utf-8",
    )
    report = lint_paths([bank_dir], with_bank=False)
    dupes = [p for p in report.errors if "is already used at" in p.message]
    assert len(dupes) == 1
    assert dupes[0].file.endswith("toy.yaml") or dupes[0].file.endswith("other.yaml")
    assert dupes[0].line == _line_of(RUBRIC, "- id: learning-rate")


def test_dangling_thread_concept_and_target(bank_dir: Path) -> None:
    text = _plant(bank_dir, "when: {covered: too-large}", "when: {covered: too-big}")
    found = _findings(bank_dir)
    line = _line_of(text, "covered: too-big")
    assert (line, "error", "thread to 'momentum' names unknown concept 'too-big'") in found
    text = _plant(bank_dir, "- to: momentum", "- to: nesterov")
    line = _line_of(text, "- to: nesterov")
    assert (line, "error", "thread to unknown question 'nesterov'") in _findings(bank_dir)


def test_phrasing_defects(bank_dir: Path) -> None:
    text = _plant(bank_dir, "- tiny updates", "- tiny updates\n          - step size")
    text = _plant(bank_dir, "- less zigzag", "- it is the")
    found = _findings(bank_dir)
    repeat = _line_of(text, "- step size", 2)
    assert any(
        line == repeat and sev == "error" and "repeats one of 'step-size'" in msg
        for line, sev, msg in found
    )
    empty = _line_of(text, "- it is the")
    assert any(line == empty and "only stop-words" in msg for line, _, msg in found)


def test_a_phrasing_of_number_slots_only_is_an_error(bank_dir: Path) -> None:
    """ "from {number} to {number}" is nothing but numbers ("from", "to" are stop-words):
    any number would credit it. With a word beside the numbers it is fine."""
    text = _plant(bank_dir, "- less zigzag", "- from {number} to {number}")
    found = _findings(bank_dir)
    line = _line_of(text, "- from {number}")
    assert (line, "error") in {(n, sev) for n, sev, msg in found if "number slots" in msg}
    _plant(bank_dir, "- from {number} to {number}", "- went from {number} to {number}")
    assert not any("number slots" in msg for _, _, msg in _findings(bank_dir))


def test_schema_error_names_the_example_line(bank_dir: Path) -> None:
    answer = "        answer: It is the number"
    text = _plant(bank_dir, f"        grade: [0, 1]\n{answer}", answer)
    report = lint_paths([bank_dir], with_bank=False)
    line = _line_of(text, "answer: It is the number") - 1  # the "- kind: wrong" line
    assert any(p.line == line and p.field.endswith("examples[3].grade") for p in report.errors)


def test_unreachable_question_and_stuck_flow(bank_dir: Path) -> None:
    link = "      - to: momentum\n        when: {covered: too-large}\n"
    text = _plant(
        bank_dir, f"    threads:\n{link}        say: Let's talk about smoothing the steps.\n", ""
    )
    found = _findings(bank_dir)
    line = _line_of(text, "- id: momentum")
    assert any(n == line and "can ever ask 'momentum'" in m for n, _, m in found)
    flow = bank_dir / "toy-flow.yaml"
    flow.write_text(FLOW.replace("levels: [basic]", "levels: [advanced]"), encoding="utf-8")
    found = _findings(bank_dir)
    pool_line = _line_of(FLOW, "pool:")
    assert any(n == pool_line and "cannot get past it to wrap-up" in m for n, _, m in found)


def test_warnings_alone_exit_zero(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _plant(bank_dir, "      - The rate multiplies the gradient in every update.\n", "")
    assert main(["rubric", "lint", "--no-bank", str(bank_dir)]) == 0
    out = capsys.readouterr().out
    assert f"toy.yaml:{_line_of(text, '    hints:')}: warning:" in out
    assert "hint ladder has 1 step" in out


def test_a_synonym_of_stop_words_only_warns(bank_dir: Path) -> None:
    text = _plant(bank_dir, "diverges: [blows up, explodes]", "diverges: [blows up, the other way]")
    [warning] = lint_paths([bank_dir], with_bank=False).problems
    assert warning.severity == "warning"
    assert warning.field == "questions[0].concepts[1].synonyms.diverges[1]"
    assert warning.line == _line_of(text, "diverges: [blows up")
    assert "synonym 'the other way' of 'diverges' is only stop-words" in warning.message


def test_a_synonym_that_loses_its_quantifier_warns(bank_dir: Path) -> None:
    """ "all the steps" for "gradient step" is read as any "step": the quantifier is a
    stop-word. A quantity said in a content word ("entire update") is fine."""
    text = _plant(
        bank_dir,
        "        missing_feedback: Say what it multiplies.",
        "        synonyms:\n          gradient step: [all the steps, entire update]\n"
        "        missing_feedback: Say what it multiplies.",
    )
    [warning] = lint_paths([bank_dir], with_bank=False).problems
    assert warning.severity == "warning"
    assert warning.field == "questions[0].concepts[0].synonyms.gradient step[0]"
    assert warning.line == _line_of(text, "gradient step: [all the steps")
    assert "'all the steps' of 'gradient step' loses its quantifier" in warning.message


def test_missing_example_kinds_and_misconception_warn(bank_dir: Path) -> None:
    keywords = "        grade: [0.5, 1.5]\n        answer: step size, gradient, diverge\n"
    _plant(bank_dir, f"      - kind: keywords\n{keywords}", "")
    report = lint_paths([bank_dir], with_bank=False)
    assert not report.errors
    assert any("missing kinds: keywords" in p.message for p in report.warnings)


def test_temp_copy_of_builtin_file_resolves_against_bank(tmp_path: Path) -> None:
    source = packaged_data_dir("rubrics") / "gradients.yaml"
    copy = tmp_path / "gradients.yaml"
    shutil.copy(source, copy)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("- id: vanishing\n", "- id: exploding\n", 1), encoding="utf-8")
    report = lint_paths([copy])
    first, second = _line_of(text, "- id: vanishing$"), _line_of(text, "- id: exploding$")
    assert any(
        p.line == second
        and f"'exploding' is already used in this question (line {first})" in p.message
        for p in report.errors
    )
    # the copy shadows the built-in file: its question ids are not duplicates
    assert not any("question id" in p.message for p in report.problems)


def test_missing_path_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric", "lint", str(tmp_path / "nope.yaml")]) == 1
    assert "no such file or directory" in capsys.readouterr().out


def test_builtin_bank_has_no_lint_errors() -> None:
    report = lint_paths()
    assert report.files, "the built-in rubrics and dialogs were not found"
    assert [str(p) for p in report.errors] == []
