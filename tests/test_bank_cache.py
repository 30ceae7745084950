"""Each rubric file is parsed once per content: an edit re-reads that file only, never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import interviewer.loader as loader
from interviewer.loader import load_bank, load_rubric_file, yaml_files
from interviewer.packaged import packaged_data_dir

QID = "vanishing-exploding-gradients"


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built-in rubrics, with a private cache directory (cache on)."""
    monkeypatch.delenv("INTERVIEWER_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "rubrics"
    shutil.copytree(packaged_data_dir("rubrics"), target)
    return target


def parses() -> int:
    return loader.PARSE_COUNT["files"]


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process has read (as a new process would), keeping the disk cache."""
    monkeypatch.setattr(loader, "_FILES", {})


def edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "explain why gradients vanish" not in text
    path.write_text(
        text.replace("    ask: ", "    ask: Please explain why gradients vanish. Also, ", 1),
        encoding="utf-8",
    )


@pytest.mark.parametrize("fresh_process", [False, True])
def test_an_edit_to_one_file_rereads_only_that_file(
    bank_dir: Path, monkeypatch: pytest.MonkeyPatch, fresh_process: bool
) -> None:
    new_process(monkeypatch)
    files = len(yaml_files([bank_dir, packaged_data_dir("dialogs")]))
    start = parses()
    first = load_bank([bank_dir])
    assert parses() - start == files
    if fresh_process:
        new_process(monkeypatch)
    again = parses()
    assert load_bank([bank_dir]) == first  # the assembled bank, from its cache
    assert parses() == again
    edit(bank_dir / "gradients.yaml")
    if fresh_process:
        new_process(monkeypatch)
    edited = load_bank([bank_dir])
    assert parses() - again == 1  # only the edited file
    assert edited.questions[QID].ask.startswith("Please explain why gradients vanish.")
    assert edited.questions[QID] != first.questions[QID]
    others = [qid for qid in first.questions if edited.sources[qid][0] != first.sources[QID][0]]
    assert others and all(edited.questions[q] == first.questions[q] for q in others)


def test_a_single_file_load_is_never_stale(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bank_dir / "gradients.yaml"
    new_process(monkeypatch)
    before = load_rubric_file(path)
    assert load_rubric_file(path) is before  # unchanged: served from memory
    edit(path)
    new_process(monkeypatch)
    assert load_rubric_file(path).questions[0].ask.startswith("Please explain")
    path.write_text("topic: [broken\n", encoding="utf-8")
    with pytest.raises(loader.BankLoadError, match="not valid YAML"):
        load_rubric_file(path)


def test_a_schema_change_invalidates_every_cached_file(
    bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_process(monkeypatch)
    load_bank([bank_dir])
    start = parses()
    load_bank([bank_dir])
    assert parses() == start
    # models.py (or the loader) changed: a new digest of the schema's source
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        data = real_read(self)
        return data + b"\n# a new field\n" if self.name == "models.py" else data

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    loader._schema_digest.cache_clear()
    try:
        new_process(monkeypatch)
        load_bank([bank_dir])
        assert parses() - start == len(
            yaml_files([bank_dir, packaged_data_dir("dialogs")])
        )  # every file parsed again, none taken from disk
    finally:
        monkeypatch.undo()
        loader._schema_digest.cache_clear()


def test_no_cache_reads_every_file_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEWER_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = packaged_data_dir("rubrics") / "gradients.yaml"
    start = parses()
    load_rubric_file(path)
    load_rubric_file(path)
    assert parses() - start == 2
    assert not (tmp_path / "cache").exists()


def test_the_grader_key_follows_an_edit(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interviewer.grading import cache as grader_cache

    first = load_bank([bank_dir])
    assert all(first.content_digest(qid) for qid in first.questions)
    key = grader_cache._bank_digest(first)
    edit(bank_dir / "gradients.yaml")
    new_process(monkeypatch)
    edited = load_bank([bank_dir])
    assert edited.content_digest(QID) != first.content_digest(QID)
    assert grader_cache._bank_digest(edited) != key
    again = load_bank([bank_dir])  # from the bank's cache: new objects, same digests
    assert grader_cache._bank_digest(again) == grader_cache._bank_digest(edited)
    again.questions[QID] = first.questions[QID]  # replaced: its digest no longer applies
    assert again.content_digest(QID) is None
    assert grader_cache._bank_digest(again) != grader_cache._bank_digest(edited)
