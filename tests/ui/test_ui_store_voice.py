"""Pilot tests of where the store (issue 11) meets the interviewer's voice and the
per-screen commands (issue 10): the start screen's and the history screen's own
palette and help, and a session stopped during "any questions for me?" resumed in
the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import OptionList
from ui_helpers import GOOD_ANSWERS, answer, palette_first_hit, screen_text, settle

from interviewer.bank import Bank
from interviewer.dialog import Interview, SessionOptions
from interviewer.store import Recorder, open_store
from interviewer.ui.interview_session import flow_for_track
from interviewer.ui.screens.help import HelpScreen
from interviewer.ui.screens.history import HistoryScreen
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.start import StartScreen


async def test_the_start_screen_palette_opens_history_and_review(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Ctrl+P, Review due items" in text and "Ctrl+P, History" in text
        await pilot.press("escape")
        await pilot.pause()
        assert (await palette_first_hit(pilot, app, "review")).startswith("Review due items")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)  # nothing is due: a notice, no session
        assert any("Nothing is due" in str(n.message) for n in app._notifications)
        assert not app.sessions
        assert (await palette_first_hit(pilot, app, "history")).startswith("History")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_the_history_screen_has_its_own_palette_and_help(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#history")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Back to the start screen" in text and "transcript and report" in text
        assert "Ctrl+G" not in text and "Or type, as your answer" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert (await palette_first_hit(pilot, app, "back")).startswith("Back")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)


def _stop_while_asking_back(bank: Bank, grader: Any, data: Path, session_id: str) -> Interview:
    """Record a session that answered every question and asked one of its own, then stopped."""
    store = open_store(data, fallback=False)
    interview = Interview(bank, flow_for_track(bank, "general"), grader, SessionOptions(seed=7))
    recorder = Recorder(store, session_id, interview, bank)
    interview.start()
    assert recorder.commit() == ""
    for _ in range(20):
        if interview.state == "candidate_questions":
            break
        question = interview.question
        interview.reply(GOOD_ANSWERS.get(question.id if question else "", "no idea"))
        assert recorder.commit() == ""
    assert interview.state == "candidate_questions"
    interview.reply("What should I study next?")
    assert recorder.commit() == ""
    store.close()
    return interview


async def test_a_session_stopped_during_questions_for_me_resumes_in_the_app(
    make_app, ui_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    stored = _stop_while_asking_back(ui_bank, real_grader, data, "20250102-090000-general-practice")
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen) and screen.has_class("-unfinished")
        listed = screen.query_one("#resume-list", OptionList)
        listed.focus()
        listed.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        session = app.sessions[-1]
        assert session.resumed and session.asking_back
        shown = [t.text for t in session._interview.transcript.turns]
        assert shown == [t.text for t in stored.transcript.turns]
        assert "Hint" not in screen_text(app).splitlines()[-1]  # no question commands
        await answer(pilot, "How did I do?")
        assert "your mean was" in screen_text(app)
        await answer(pilot, "No, that's all, thanks.")
        assert app.screen.has_class("-finished")
    store = open_store(data, fallback=False)
    assert store.session("20250102-090000-general-practice").status == "finished"
    _row, state, turns = store.load("20250102-090000-general-practice")
    asked = [t["text"] for t in turns if t["meta"].get("asking_back")]
    assert asked == ["What should I study next?", "How did I do?", "No, that's all, thanks."]
    assert state is not None and state["asked_back"] == 2
