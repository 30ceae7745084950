"""Transcripts and reports: complete, deterministic, Markdown and JSON that round-trips."""

from __future__ import annotations

import json
import re

import pytest
from test_dialog_support import full_answer, make_bank, make_interview, question

from interviewer.dialog import Interview
from interviewer.interview_report import Report, build_report
from interviewer.transcript import Transcript, Turn


def played(mode: str = "practice") -> Interview:
    interview = make_interview(seed=9, mode=mode)
    interview.start()
    replies = iter(["hint", "k1{q}", "I don't know", "skip", "k1{q} wrong{q}"])
    while not interview.finished:
        if interview.state == "candidate_questions":
            interview.reply("no")
            continue
        q = interview.question
        assert q is not None
        interview.reply(next(replies, full_answer(q.id)).format(q=q.id))
    return interview


def test_transcript_json_round_trips() -> None:
    transcript = played().transcript
    again = Transcript.from_json(transcript.to_json())
    assert again == transcript
    assert again.to_json() == transcript.to_json()


def test_transcript_holds_every_turn_answer_grade_and_feedback() -> None:
    transcript = played().transcript
    data = json.loads(transcript.to_json())
    answers = [t for t in data["turns"] if t["kind"] == "answer"]
    assert answers and all(t["grade"] is not None for t in answers)
    assert all(t["grade"]["question_id"] == t["question_id"] for t in answers)
    kinds = {t["kind"] for t in data["turns"]}
    assert {"greeting", "stage", "question", "answer", "feedback", "hint", "command"} <= kinds
    assert data["ended_by"] == "completed"
    assert all(q["status"] in ("answered", "skipped") for q in data["questions"])


def test_transcript_has_no_clock_and_extras_are_optional() -> None:
    transcript = played().transcript
    transcript.extras["elapsed"] = {"total_seconds": 12.5}
    plain = transcript.to_json()
    assert "elapsed" not in plain and "total_seconds" not in plain
    with_extras = json.loads(transcript.to_json(include_extras=True))
    assert with_extras["extras"]["elapsed"]["total_seconds"] == 12.5
    assert Transcript.from_json(transcript.to_json(include_extras=True)) == transcript


def test_transcript_markdown_shows_stages_turns_and_grades() -> None:
    interview = played()
    markdown = interview.transcript.to_markdown()
    assert markdown.startswith("# Transcript: Test flow")
    for title in ("## Basics", "## Intermediate", "## Project"):
        assert title in markdown
    # commands are told as what the candidate did, not as words they said
    commands = sum(1 for t in interview.transcript.turns if t.kind == "command")
    assert commands and markdown.count("_The candidate ") == commands
    assert markdown.count("**Candidate**") == sum(
        1 for t in interview.transcript.turns if t.role == "candidate" and t.kind != "command"
    )
    # one grade per question: practice feedback carries it, no separate grade line
    assert "> grade " not in markdown
    assert "> grade " in played("interview").transcript.to_markdown()


def test_from_json_rejects_what_is_not_a_transcript() -> None:
    with pytest.raises(ValueError, match="not an interviewer transcript"):
        Transcript.from_json('{"hello": 1}')


def test_turn_round_trips_with_its_grade() -> None:
    interview = played()
    graded = next(t for t in interview.transcript.turns if t.grade is not None)
    assert Turn.from_dict(json.loads(json.dumps(graded.to_dict()))) == graded


def test_report_grades_per_stage_and_topic() -> None:
    interview = played()
    report = interview.report()
    records = [r for r in interview.transcript.questions if r.credit is not None]
    credits = [r.credit for r in records if r.credit is not None]
    assert report.overall == pytest.approx(sum(credits) / len(credits), abs=0.01)
    assert [s.name for s in report.stages] == ["basic", "intermediate", "advanced", "project"]
    assert sum(s.questions for s in report.stages) == len(records)
    assert [t.grade for t in report.topics] == sorted(t.grade for t in report.topics)
    assert report.skipped == 1


def test_report_names_gaps_with_concepts_and_corrections_and_a_study_plan() -> None:
    report = played().report()
    assert report.strengths
    gap_text = " ".join(label + what for gap in report.gaps for label, what in gap.missed)
    assert "Say the second key idea." in gap_text
    corrections = [fix for gap in report.gaps for _, fix in gap.misconceptions]
    assert "The right claim." in corrections
    assert report.study_next and report.study_next[0].startswith("**")


def test_report_round_trips_and_renders() -> None:
    report = played(mode="interview").report()
    assert Report.from_json(report.to_json()) == report
    markdown = report.to_markdown()
    for heading in (
        "# Report:",
        "## By stage",
        "## By topic",
        "## Questions",
        "## Strengths",
        "## Gaps",
        "## What to study next",
    ):
        assert heading in markdown


def test_report_of_an_empty_interview() -> None:
    interview = make_interview()
    interview.start()
    interview.reply("quit")
    report = interview.report()
    assert report.overall is None and report.answered == 0
    assert "No answer was graded." in report.to_markdown()
    assert Report.from_json(report.to_json()) == report


def test_report_is_rebuilt_from_a_loaded_transcript() -> None:
    interview = played()
    loaded = Transcript.from_json(interview.transcript.to_json())
    assert build_report(loaded, make_bank()) == interview.report()


def test_study_plan_suggests_new_on_track_questions_once() -> None:
    interview = make_interview(seed=2)
    interview.start()
    while not interview.finished:
        interview.reply("no idea")
    # a bank with new questions: one on a weak topic, one on a topic never asked
    bank = make_bank(
        [
            question("b5", "basic", ["beta"]),
            question("b6", "basic", ["alpha"]),
            question("b7", "basic", ["beta"], tracks=["cv"]),
        ]
    )
    report = build_report(interview.transcript, bank)
    suggested = re.findall(r"“([^”]+)”", " ".join(report.study_next))
    asked = {r.question_id for r in interview.transcript.questions}
    assert suggested and len(suggested) == len(set(suggested))
    by_title = {q.ask: q for q in bank.questions.values()}
    # named by their wording, never their ids; new, on the track, on a weak main topic
    assert all(title in by_title for title in suggested)
    assert "`" not in " ".join(report.study_next)
    weak = {bank.questions[g.question_id].topics[0] for g in report.gaps}
    for title in suggested:
        found = by_title[title]
        assert "general" in found.tracks and found.id not in asked and found.topics[0] in weak
    assert "Question b5?" in suggested and "Question b6?" not in suggested
    assert len(report.study_next) <= 3
