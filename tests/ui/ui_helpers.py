"""Helpers of the UI tests (fixtures live in conftest.py)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from interviewer.ui.app import InterviewerApp

DATA = Path(__file__).parent / "data"
FIXED_NOW = datetime(2025, 1, 2, 9, 30, 0)

# Answers to the tiny bank that earn full credit.
GOOD_ANSWERS: dict[str, str] = {
    "ui-neuron": "It multiplies inputs by weights, adds a bias and applies an activation function.",
    "ui-epoch": "One pass over the training set, made of many mini-batch updates.",
    "ui-dropout": "It randomly drops units, which prevents co adaptation, like an ensemble.",
    "ui-attention": "Each output looks at all input positions, no fixed size vector bottleneck.",
    "ui-project": "The problem was churn, the data set was logs, evaluated on a held out set.",
}


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen catch up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """The current screen as plain text, the way a user sees it."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def current_question_id(app: InterviewerApp) -> str | None:
    """The question the interview is waiting on (read from the session's transcript)."""
    session = app.sessions[-1]
    questions = session._interview.transcript.questions
    return questions[-1].question_id if questions else None


async def answer(pilot: Pilot[Any], text: str) -> None:
    """Put ``text`` in the answer box and press Enter."""
    from interviewer.ui.widgets.answer_box import AnswerBox

    box = pilot.app.screen.query_one(AnswerBox)
    box.focus()
    box.insert(text)
    await pilot.press("enter")
    await settle(pilot)


async def palette_first_hit(pilot: Pilot[Any], app: App[Any], query: str) -> str:
    """Open the command palette, type ``query`` and return the first hit's prompt."""
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    for key in query:
        await pilot.press("space" if key == " " else key)
    hits = app.screen.query_one(CommandList)
    for _ in range(100):  # the palette searches in the background
        if hits.option_count and hits.highlighted == 0:
            break
        await pilot.pause(0.05)
    return str(hits.get_option_at_index(0).prompt)
