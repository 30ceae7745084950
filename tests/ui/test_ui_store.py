"""Pilot tests of what the store brings to the app: the resume list, history, review entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Markdown, OptionList
from textual_plotext import PlotextPlot
from ui_helpers import GOOD_ANSWERS, answer, current_question_id, screen_text, settle

from interviewer.bank import Bank
from interviewer.dialog import Interview, SessionOptions
from interviewer.store import Recorder, open_store
from interviewer.ui.interview_session import flow_for_track
from interviewer.ui.screens.history import HistoryScreen
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.start import StartScreen


def _record(bank: Bank, grader: Any, data: Path, session_id: str, replies: list[str]) -> Interview:
    store = open_store(data, fallback=False)
    interview = Interview(bank, flow_for_track(bank, "general"), grader, SessionOptions(seed=7))
    recorder = Recorder(store, session_id, interview, bank)
    interview.start()
    assert recorder.commit() == ""
    for reply in replies:
        interview.reply(reply)
        assert recorder.commit() == ""
    store.close()
    return interview


async def test_the_start_screen_resumes_an_unfinished_session(
    make_app, ui_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = _record(ui_bank, real_grader, data, "20250101-090000-general-practice", [])
    qid = first.question.id if first.question else ""
    stored = _record(
        ui_bank,
        real_grader,
        data,
        "20250102-090000-general-practice",
        [GOOD_ANSWERS.get(qid, "adds a bias")],
    )
    waiting = stored.question
    assert waiting is not None
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen) and screen.has_class("-unfinished")
        listed = screen.query_one("#resume-list", OptionList)
        assert listed.option_count == 2
        assert "Unfinished sessions" in screen_text(app)
        listed.focus()
        listed.highlighted = 0  # the latest first
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        session = app.sessions[-1]
        assert session.resumed and session.session_id == "20250102-090000-general-practice"
        assert current_question_id(app) == waiting.id  # the same question, still open
        assert waiting.ask[:40] in screen_text(app) or app.screen.query("InterviewerMessage")
        await answer(pilot, GOOD_ANSWERS.get(waiting.id, "adds a bias"))
    store = open_store(data, fallback=False)
    _row, _state, turns = store.load("20250102-090000-general-practice")
    assert turns[-1]["kind"] != "greeting" and len(turns) > len(stored.transcript.turns)
    assert len(store.sessions()) == 2  # continued, not started anew


async def test_the_history_screen(
    make_app, ui_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _record(
        ui_bank,
        real_grader,
        data,
        "20250101-090000-general-practice",
        ["no idea", "no idea", "end"],
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#history")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        sessions = app.screen.query_one("#history-sessions", OptionList)
        assert sessions.option_count == 1
        text = screen_text(app)
        assert "Missed most often" in text and "1×" in text
        assert "Grade per topic over time" in text  # the chart's title
        assert app.screen.query_one(PlotextPlot)
        sessions.focus()
        sessions.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        shown = app.screen.query_one("#session", Markdown)
        assert "Transcript" in shown.source and "no idea" in shown.source
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)


async def test_review_due_on_the_start_screen(
    make_app, ui_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _record(
        ui_bank,
        real_grader,
        data,
        "20250101-090000-general-practice",
        ["no idea", "no idea", "end"],
    )
    store = open_store(data, fallback=False)
    due = store.conn.execute("SELECT COUNT(*) FROM review_items").fetchone()[0]
    assert due > 0
    store.conn.execute("UPDATE review_items SET due = '2000-01-01T00:00:00+00:00'")
    store.close()
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        button = app.screen.query_one("#review", Button)
        assert str(button.label) == f"Review due: {due}" and not button.disabled
        await pilot.click("#review")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        session = app.sessions[-1]
        assert session.flow is not None and session.flow.name == "review"
        assert "Here is what is due" in screen_text(app)


async def test_nothing_due_disables_the_review_entry(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        button = app.screen.query_one("#review", Button)
        assert str(button.label) == "Review due: 0" and button.disabled
        assert not app.screen.has_class("-unfinished")


async def test_resume_from_the_command_line_opens_the_session(
    make_app, ui_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    from interviewer.ui.session_setup import options_of

    data = tmp_path / "data"
    stored = _record(ui_bank, real_grader, data, "20250102-090000-general-interview", ["hint"])
    row = open_store(data, fallback=False).session("20250102-090000-general-interview")
    app = make_app(options=options_of(row), resume=row.id)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        session = app.sessions[-1]
        assert session.resumed and session.options.seed == 7
        shown = [t.text for t in session._interview.transcript.turns]
        assert shown == [t.text for t in stored.transcript.turns]
        assert any("Resumed" in (n.title or "") for n in app._notifications)


async def test_a_session_open_in_another_interviewer_runs_as_a_copy_in_memory(
    make_app, ui_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    import subprocess
    import sys

    data = tmp_path / "data"
    _record(ui_bank, real_grader, data, "20250102-090000-general-practice", [])
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        store = open_store(data, fallback=False)
        store.conn.execute("UPDATE sessions SET owner = ?", (other.pid,))
        store.close()
        app = make_app(resume="20250102-090000-general-practice")
        async with app.run_test(size=(100, 36)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, InterviewScreen)
            warned = [str(n.message) for n in app._notifications]
            assert any(f"process {other.pid}" in m and "in memory only" in m for m in warned), (
                warned
            )
            await answer(pilot, "adds a bias")  # the interview runs
            session = app.sessions[-1]
            assert session.recorder.store.in_memory
        stored = open_store(data, fallback=False)
        _row, _state, turns = stored.load("20250102-090000-general-practice")
        assert not any(t["text"] == "adds a bias" for t in turns)  # the other one's session
        assert stored.conn.execute("SELECT owner FROM sessions").fetchone()[0] == other.pid
    finally:
        other.kill()
        other.wait()
