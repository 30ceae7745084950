"""The store's commands: sessions, history, resume, practice --adaptive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import ANSWERS

from interviewer.cli import main
from interviewer.store import open_store


def _practice(data: Path, *extra: str) -> None:
    answers = str(ANSWERS / "middling.yaml")
    assert main(["practice", "--answers", answers, "--data-dir", str(data), *extra]) == 0


def test_sessions_lists_every_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _practice(tmp_path, "--seed", "1")
    _practice(tmp_path, "--seed", "2", "--flow", "nlp", "--mode", "interview")
    capsys.readouterr()
    assert main(["sessions", "--json", "--data-dir", str(tmp_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    for row in rows:
        assert {"id", "created", "track", "mode", "length", "status", "answered", "grade"} <= set(
            row
        )
        assert row["status"] == "finished" and row["answered"] > 0 and row["source"] == "practice"
    assert {(r["track"], r["mode"]) for r in rows} == {
        ("general", "practice"),
        ("nlp", "interview"),
    }
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:4] == ["id", "date", "track", "flow"]
    assert all(r["id"] in table for r in rows)


def test_sessions_tells_a_hands_on_session_from_a_general_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = ANSWERS / "handson.yaml"
    assert (
        main(
            [
                "practice",
                "--flow",
                "handson",
                "--answers",
                str(answers),
                "--seed",
                "7",
                "--data-dir",
                str(tmp_path),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    _header, row = capsys.readouterr().out.splitlines()[:2]
    assert row.split()[3:5] == ["general", "handson"]  # the track, then the flow


def test_history_shows_progress_and_one_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _practice(tmp_path, "--seed", "1")
    _practice(tmp_path, "--seed", "2")
    capsys.readouterr()
    assert main(["history", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Grade per topic, session by session" in out  # the chart
    assert "\x1b[" not in out  # plain text, no colour codes
    assert "# Concepts missed most often" in out and "missed" in out
    ids = [r.id for r in open_store(tmp_path, fallback=False).sessions()]
    shared = ids[0][:4]  # the year: a prefix of both ids
    assert all(i.startswith(shared) for i in ids)
    assert main(["history", shared, "--data-dir", str(tmp_path)]) == 2  # ambiguous
    session = ids[-1]
    assert "matches 2 sessions" in capsys.readouterr().err
    assert main(["history", session, "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Transcript") and "Overall" in out


def test_resume_with_nothing_to_resume_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["resume", "--answers", "-", "--data-dir", str(tmp_path)]) == 2
    assert "no unfinished session" in capsys.readouterr().err
    _practice(tmp_path)
    assert main(["resume", "--answers", "-", "--data-dir", str(tmp_path)]) == 2
    assert main(["resume", "nope", "--answers", "-", "--data-dir", str(tmp_path)]) == 2
    assert "no session 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("stop_after", [1, 5, 9])
def test_ctrl_c_then_resume_continues_the_script_where_it_stood(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stop_after: int,
) -> None:
    answers = str(ANSWERS / "middling.yaml")
    argv = ["practice", "--answers", answers, "--seed", "9"]
    assert main([*argv, "--data-dir", str(tmp_path / "whole")]) == 0
    expected = capsys.readouterr().out
    from interviewer.dialog.engine import Interview

    real_reply = Interview.reply
    calls = {"n": 0}

    def interrupted(self: Interview, text: str) -> object:
        calls["n"] += 1
        if calls["n"] > stop_after:
            raise KeyboardInterrupt  # Ctrl+C while the candidate is typing
        return real_reply(self, text)

    monkeypatch.setattr(Interview, "reply", interrupted)
    assert main([*argv, "--data-dir", str(tmp_path / "cut")]) == 130
    monkeypatch.setattr(Interview, "reply", real_reply)
    (row,) = open_store(tmp_path / "cut", fallback=False).sessions()
    assert row.status == "active"
    capsys.readouterr()
    assert main(["resume", "--answers", answers, "--data-dir", str(tmp_path / "cut")]) == 0
    assert capsys.readouterr().out == expected
    assert open_store(tmp_path / "cut", fallback=False).session(row.id).status == "finished"


def test_no_save_records_nothing(tmp_path: Path) -> None:
    _practice(tmp_path, "--no-save")
    assert open_store(tmp_path, fallback=False).sessions() == []


def test_adaptive_practice_runs_and_is_recorded_with_its_flow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weak = str(ANSWERS / "weak.yaml")
    assert main(["practice", "--answers", weak, "--data-dir", str(tmp_path)]) == 0
    first = capsys.readouterr().out
    args = ["practice", "--answers", weak, "--adaptive", "--data-dir", str(tmp_path), "--no-save"]
    assert main(args) == 0
    adaptive = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == adaptive  # reproducible from the seed and the history
    assert adaptive.startswith("# Transcript")
    del first
