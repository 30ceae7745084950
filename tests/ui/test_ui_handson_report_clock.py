"""The report of a timed hands-on interview: the store's time per answer and the demo buttons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_ui_handson import _no_questions, _type, _wait_for
from test_ui_handson_store import handson_bank  # noqa: F401  (the fixture)
from textual.widgets import Markdown
from ui_helpers import FIXED_NOW, current_question_id, settle

from interviewer.bank import Bank
from interviewer.store import open_store
from interviewer.ui.app import create_app
from interviewer.ui.clock import ManualClock
from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.report import ReportScreen


async def test_timed_hands_on_report_has_times_and_demo_buttons(
    handson_bank: Bank,  # noqa: F811
    real_grader: Any,
    tmp_path: Path,
) -> None:
    clock = ManualClock()
    options = SessionOptions(track="general", mode="practice", seed=3, flow="ui-handson")
    app = create_app(
        options,
        bank=handson_bank,
        skip_start=True,
        grader=real_grader,
        clock=clock,
        data_dir=tmp_path / "data",
        now=lambda: FIXED_NOW,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        code_id = current_question_id(app)
        clock.advance(150)  # over the 2 minutes of a basic exercise
        await pilot.press("ctrl+n")
        await _wait_for(pilot, lambda: current_question_id(app) == "ui-calc-linear")
        clock.advance(20)
        await _type(pilot, "12")
        await pilot.press("enter")
        await _wait_for(pilot, lambda: not app.screen.busy)
        await _type(pilot, "13")
        await pilot.press("enter")
        await _no_questions(pilot, app)
        await pilot.click("#report")
        await _wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        await _wait_for(pilot, lambda: bool(app.screen.query("#demo-identical-init")))
        details = app.screen.query_one("#details", Markdown).source
        assert "Time per answer" in details
        assert f"| {code_id} | 2:30 | 2:00 | over by 0:30 |" in details
        session_id = app.sessions[-1].session_id
    store = open_store(tmp_path / "data", fallback=False)
    row, _state, _turns = store.load(session_id)
    assert row.status == "finished" and row.flow == "ui-handson"
