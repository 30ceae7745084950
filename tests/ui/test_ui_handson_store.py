"""A hands-on session in the app's store: resumed in the Python editor, shown in history, timed."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Markdown, OptionList, Static
from ui_helpers import DATA, FIXED_NOW, current_question_id, screen_text, settle

from interviewer.bank import Bank
from interviewer.dialog import Interview
from interviewer.loader import load_bank
from interviewer.store import Recorder, open_store
from interviewer.ui.app import create_app
from interviewer.ui.clock import ManualClock
from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.history import HistoryScreen
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.report import ReportScreen
from interviewer.ui.screens.start import StartScreen
from interviewer.ui.widgets.answer_box import AnswerBox

SESSION = "20250102-090000-ui-handson-practice"


@pytest.fixture(scope="module")
def handson_bank() -> Bank:
    bank = load_bank(
        rubric_paths=[DATA / "ui_bank.yaml", DATA / "ui_handson.yaml"],
        dialog_paths=[DATA / "ui_general.yaml", DATA / "ui_handson_flow.yaml"],
    )
    timed = {"basic": 120, "intermediate": 180, "advanced": 240, "project": 240}
    flows = {n: f.model_copy(update={"answer_time": timed}) for n, f in bank.flows.items()}
    return dataclasses.replace(bank, flows=flows)


def _record_unfinished(bank: Bank, grader: Any, data: Path) -> str:
    """A hands-on session stopped at its code exercise; returns the exercise's id."""
    store = open_store(data, fallback=False)
    interview = Interview(bank, bank.flows["ui-handson"], grader, SessionOptions(seed=3))
    recorder = Recorder(store, SESSION, interview, bank)
    interview.start()
    assert recorder.commit() == ""
    store.close()
    assert interview.question is not None and interview.question.kind == "code"
    return interview.question.id


def _app(bank: Bank, grader: Any, data: Path, clock: ManualClock) -> Any:
    options = SessionOptions(track="general", mode="practice", seed=3, flow="ui-handson")
    return create_app(
        options, bank=bank, grader=grader, clock=clock, data_dir=data, now=lambda: FIXED_NOW
    )


async def test_a_hands_on_session_resumes_in_the_editor_with_its_clock(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    code_id = _record_unfinished(handson_bank, real_grader, data)
    clock = ManualClock()
    app = _app(handson_bank, real_grader, data, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        listed = app.screen.query_one("#resume-list", OptionList)
        assert listed.option_count == 1
        assert "ui-handson" in str(listed.get_option_at_index(0).prompt)  # told from general
        listed.focus()
        listed.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert app.sessions[-1].resumed and current_question_id(app) == code_id
        box = screen.query_one(AnswerBox)
        assert box.coding and box.language == "python"  # the editor, with its starter code
        assert box.text.startswith("import torch")
        clock.advance(30)
        screen._tick()
        shown = str(screen.query_one("#question-time", Static).render())
        assert shown == "1:30 left"  # a basic code exercise: 2 minutes


async def test_the_history_screen_shows_a_hands_on_session_in_full(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    code_id = _record_unfinished(handson_bank, real_grader, data)
    app = _app(handson_bank, real_grader, data, ManualClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#history")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        sessions = app.screen.query_one("#history-sessions", OptionList)
        sessions.focus()
        sessions.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        shown = app.screen.query_one("#session", Markdown).source
        assert "```python" in shown and "import torch" in shown  # the exercise and its code
        assert f"`{code_id}`" in shown  # listed in the report's questions
        assert "Traceback" not in screen_text(app)


async def test_resume_id_from_the_command_line_keeps_the_hands_on_flow(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    from interviewer.ui.session_setup import options_of

    data = tmp_path / "data"
    code_id = _record_unfinished(handson_bank, real_grader, data)
    row = open_store(data, fallback=False).session(SESSION)
    app = create_app(
        options_of(row),
        bank=handson_bank,
        grader=real_grader,
        clock=ManualClock(),
        data_dir=data,
        now=lambda: FIXED_NOW,
        resume=row.id,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        session = app.sessions[-1]
        assert session.resumed and current_question_id(app) == code_id
        assert session.flow is not None and session.flow.name == "ui-handson"
        assert session.options.flow == "ui-handson"
        assert app.screen.query_one(AnswerBox).coding
        # "Replay this interview", as the report's button asks it: the hands-on flow again
        app.post_message(ReportScreen.ReplayRequested(session.options))
        await settle(pilot)
        replayed = app.sessions[-1]
        assert replayed is not session and not replayed.resumed
        assert replayed.flow is not None and replayed.flow.name == "ui-handson"
        assert current_question_id(app) == code_id  # same seed, same first question
