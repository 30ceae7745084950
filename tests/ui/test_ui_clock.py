"""The per-answer clock: a countdown by level, overruns noted in the report, never cut off."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.widgets import Markdown, Static
from ui_helpers import GOOD_ANSWERS, answer, current_question_id, settle

from interviewer.bank import Bank
from interviewer.ui.clock import ManualClock
from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.report import ReportScreen

TARGETS = {"basic": 60, "intermediate": 90, "advanced": 120, "project": 150}


def _timed(bank: Bank) -> Bank:
    flows = {n: f.model_copy(update={"answer_time": TARGETS}) for n, f in bank.flows.items()}
    return dataclasses.replace(bank, flows=flows)


def _shown(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#question-time", Static).render())


async def test_the_clock_counts_down_and_an_overrun_is_reported(make_app, ui_bank: Bank) -> None:
    clock = ManualClock()
    app = make_app(bank=_timed(ui_bank), skip_start=True, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        clock.advance(25)
        screen._tick()
        assert _shown(app) == "0:35 left"  # a basic question: 60 seconds
        clock.advance(50)
        screen._tick()
        assert _shown(app) == "over by 0:15"
        assert screen.query_one("#question-time").has_class("-over")
        first = current_question_id(app) or ""
        await answer(pilot, GOOD_ANSWERS[first])  # still taken: never cut off
        assert app.sessions[-1].question_times[0][0] == first
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        details = app.screen.query_one("#details", Markdown).source
        assert "Time per answer" in details
        assert f"| {first} | 1:15 | 1:00 | over by 0:15 |" in details


async def test_without_the_clock_the_timer_counts_up(
    make_app, ui_bank: Bank, tmp_path: Path
) -> None:
    clock = ManualClock()
    options = SessionOptions(seed=7, clock=False)
    app = make_app(bank=_timed(ui_bank), skip_start=True, clock=clock, options=options)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        clock.advance(75)
        app.screen._tick()
        assert _shown(app) == "1:15"
