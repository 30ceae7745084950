"""The start screen mounts its form after its first layout: keys pressed before it wait."""

from __future__ import annotations

import pytest
from textual import events
from ui_helpers import settle

from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.start import StartScreen


@pytest.fixture
def form_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start screen does not mount its form until the test says so."""
    monkeypatch.setattr(StartScreen, "on_mount", lambda self: None)


async def test_enter_pressed_before_the_form_is_mounted_starts_once_it_is(
    make_app, form_held
) -> None:
    app = make_app(options=SessionOptions(seed=7, length="full"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen) and not screen.query("#start")
        app.post_message(events.Key("enter", "\r"))  # as a launch script does at once
        await settle(pilot)
        assert app.screen is screen  # held, not lost
        screen.call_later(screen._mount_form)
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)  # Enter pressed Start, which has the focus
        assert app.screen.options.seed == 7 and app.screen.options.length == "full"


async def test_start_before_the_form_is_mounted_starts_once_it_is(make_app, form_held) -> None:
    app = make_app(options=SessionOptions(seed=7, mode="interview"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        screen.action_start()  # Ctrl+S, or the palette's Start
        await settle(pilot)
        assert app.screen is screen
        screen.call_later(screen._mount_form)
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.options.mode == "interview" and app.screen.options.seed == 7
