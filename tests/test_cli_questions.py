"""``interviewer questions``: the bank as a table or JSON, with filters."""

from __future__ import annotations

import json

import pytest

from interviewer.cli import main
from interviewer.loader import load_bank


def test_json_lists_every_question_with_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    bank = load_bank()
    everything = {**bank.questions, **bank.handson}
    assert [r["id"] for r in rows] == list(everything)
    for row in rows:
        question = everything[row["id"]]
        assert row == {
            "id": question.id,
            "kind": question.kind,
            "level": question.level,
            "topics": question.topics,
            "tracks": question.tracks,
            "question": question.ask,
        }


def test_filters_by_level_and_track(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--json", "--level", "advanced", "--track", "nlp"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all(r["level"] == "advanced" and "nlp" in r["tracks"] for r in rows)
    bank = load_bank()
    everything = [*bank.questions.values(), *bank.handson.values()]
    expected = [q.id for q in everything if q.level == "advanced" and "nlp" in q.tracks]
    assert [r["id"] for r in rows] == expected


def test_table_shows_ids_and_questions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--level", "project"]) == 0
    out = capsys.readouterr().out
    assert "project-walkthrough" in out
    assert "Walk me through" in out
    assert out.rstrip().endswith("1 question")


def test_no_match_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--topic", "no-such-topic"]) == 1
    captured = capsys.readouterr()
    assert "no question matches" in captured.err
    assert captured.out == ""


def test_bad_level_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["questions", "--level", "expert"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
