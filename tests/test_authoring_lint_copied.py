"""``rubric lint --sources``: text copied word for word from the source material warns."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.authoring.lint import lint_paths
from interviewer.cli import main
from tests.test_authoring_lint import FLOW, RUBRIC, _line_of

SOURCE = """\
An interview article.

Q: What is the learning rate?
The learning rate scales each gradient step. Too large a rate overshoots
the minimum and it can diverge, so pick it with care.
"""


@pytest.fixture()
def bank_dir(tmp_path: Path) -> Path:
    rubrics = tmp_path / "bank"
    rubrics.mkdir()
    (rubrics / "toy.yaml").write_text(RUBRIC, encoding="utf-8")
    (rubrics / "toy-flow.yaml").write_text(FLOW, encoding="utf-8")
    return rubrics


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "article.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01 ignored: not a text file")
    return folder


def test_a_copied_run_warns_at_the_field_with_the_source_line(
    bank_dir: Path, sources: Path
) -> None:
    report = lint_paths([bank_dir], with_bank=False, source_texts=[sources])
    assert report.errors == []
    [warning] = report.warnings
    assert warning.field == "questions[0].reference"
    assert warning.line == _line_of(RUBRIC, "reference: >-")
    # the run is as long as the shared stretch, across the line break of both texts
    assert "15 words in a row are copied from article.txt line 4" in warning.message
    assert (
        "'the learning rate scales each gradient step too large a rate overshoots the minimum and"
        in (warning.message)
    )
    assert "own words" in warning.fix


def test_the_threshold_decides_what_counts_as_copied(bank_dir: Path, sources: Path) -> None:
    assert lint_paths([bank_dir], with_bank=False, source_texts=[sources], copied_words=16) == (
        lint_paths([bank_dir], with_bank=False)
    )
    fields = {
        p.field
        for p in lint_paths(
            [bank_dir], with_bank=False, source_texts=[sources], copied_words=3
        ).warnings
    }
    # the question shares "the learning rate" (3 words) with the article's question
    assert {"questions[0].ask", "questions[0].reference"} <= fields
    assert "questions[0].concepts[0].id" not in fields  # ids are not prose


def test_without_sources_nothing_is_compared(bank_dir: Path) -> None:
    assert lint_paths([bank_dir], with_bank=False).problems == []


def test_cli_flag_and_a_missing_source(
    bank_dir: Path, sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rubric", "lint", "--no-bank", str(bank_dir), "--sources", str(sources)]) == 0
    out = capsys.readouterr().out
    assert "warning: questions[0].reference: 15 words in a row are copied" in out
    assert "0 errors, 1 warning" in out
    missing = tmp_path / "nowhere.txt"
    assert main(["rubric", "lint", "--no-bank", str(bank_dir), "--sources", str(missing)]) == 1
    assert "nowhere.txt: no such file or directory" in capsys.readouterr().out
