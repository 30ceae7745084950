"""Pilot tests of issue 10's screen fixes: pasted control characters, the report's own
palette and help, replaying an interview by its seed, the footer after the end, and
commands shown as what the candidate did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ui_helpers import (
    GOOD_ANSWERS,
    answer,
    current_question_id,
    palette_first_hit,
    screen_text,
    settle,
)

from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.help import HelpScreen
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.report import ReportScreen
from interviewer.ui.widgets.answer_box import AnswerBox
from interviewer.ui.widgets.chat import CandidateMessage
from interviewer.ui.widgets.grade_bar import abbreviate

PASTE = "It multiplies\x01 inputs\x07 by weights\x0band adds a \x1b[31mbias\x1b[0m."
CLEAN = "It multiplies inputs by weights\nand adds a bias."


async def _to_report(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+l")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ReportScreen)


async def test_a_paste_with_control_characters_is_shown_and_stored_clean(
    make_app, tmp_path: Path
) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = screen_text(app)
        box = app.screen.query_one(AnswerBox)
        box.focus()
        box.insert(PASTE)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one(CandidateMessage).render())
        assert shown == CLEAN
        text = screen_text(app)
        assert "\x1b" not in text and "[31m" not in text and "\x07" not in text
        # the side panel is intact: its heading is still drawn in its place
        column = next(line.find("▏ General") for line in before.splitlines() if "General" in line)
        assert any(line.find("▏ General") == column for line in text.splitlines())
        await pilot.press("ctrl+s")
        await settle(pilot)
    stored = json.loads(next((tmp_path / "data").rglob("*.transcript.json")).read_text())
    answers = [t["text"] for t in stored["turns"] if t["kind"] == "answer"]
    assert answers[0] == CLEAN


async def test_the_report_has_its_own_palette_and_help(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _to_report(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for item in ("Export", "Replay this interview", "New interview"):
            assert item in text
        assert "Get a hint" not in text and "Ctrl+G" not in text
        assert "Or type, as your answer" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert (await palette_first_hit(pilot, app, "new int")).startswith("New interview")
        await pilot.press("escape")
        await pilot.pause()
        assert (await palette_first_hit(pilot, app, "export")).startswith("Export")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert "Exported to" in screen_text(app).replace("\n", " ")


async def test_the_report_shows_the_seed_and_replays_the_same_interview(make_app) -> None:
    app = make_app(skip_start=True, options=SessionOptions(seed=4242))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = current_question_id(app)
        assert "seed 4242" in screen_text(app)
        await answer(pilot, GOOD_ANSWERS.get(first or "", "no idea"))
        await _to_report(pilot, app)
        assert "Seed 4242" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert len(app.sessions) == 2
        assert app.screen.options.seed == 4242
        assert current_question_id(app) == first
        turns = [t.text for t in app.sessions[1]._interview.transcript.turns]
        assert turns == [t.text for t in app.sessions[0]._interview.transcript.turns][:3]


async def test_the_footer_drops_the_interview_commands_after_the_end(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Hint" in screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+l")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Hint" not in footer and "Skip" not in footer


async def test_commands_show_as_actions_and_rephrasing_is_labelled(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        shown = [str(m.render()) for m in app.screen.query(CandidateMessage)]
        assert shown == ["You asked for the question put another way."]
        text = screen_text(app)
        assert "Put another way" in text and "Repeated" not in text
        await pilot.press("f1")
        await pilot.pause()
        assert "Ctrl+P, Back" in screen_text(app)
        assert "palette  " not in screen_text(app)


async def test_any_questions_for_me_in_the_app(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(12):
            session = app.sessions[-1]
            if session.asking_back or session.finished:
                break
            await answer(pilot, GOOD_ANSWERS.get(current_question_id(app) or "", "no idea"))
        assert app.sessions[-1].asking_back
        assert "any questions for me" in screen_text(app).lower() or "ask me" in screen_text(app)
        footer = screen_text(app).splitlines()[-1]
        assert "Hint" not in footer
        await answer(pilot, "How did I do?")
        assert "your mean was" in screen_text(app)
        await answer(pilot, "No, that's all, thanks.")
        assert app.screen.has_class("-finished")


@pytest.mark.parametrize(
    ("label", "cells", "shown"),
    [
        ("Overfitting, dropout, batch normalisation and weight decay", 21, "Overfitting, dropout…"),
        ("Transfer learning and your own projects", 21, "Transfer learning…"),
        ("Basics", 21, "Basics"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
    ],
)
def test_long_chart_labels_are_abbreviated_at_a_word(label: str, cells: int, shown: str) -> None:
    assert abbreviate(label, cells) == shown
    assert len(abbreviate(label, cells)) <= cells


async def test_the_start_screen_has_its_own_help(make_app) -> None:
    from interviewer.ui.screens.start import StartScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Start the interview" in text
        assert "Ctrl+G" not in text and "Replay" not in text
