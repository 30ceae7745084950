"""Hands-on questions in the app: a code exercise answered in the editor, "show me" demos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_helpers import DATA, FIXED_NOW, current_question_id, screen_text, settle

from interviewer.bank import Bank
from interviewer.loader import load_bank
from interviewer.ui.app import create_app
from interviewer.ui.clock import ManualClock
from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.demo import DemoScreen
from interviewer.ui.widgets.answer_box import AnswerBox

SWISH_LINES = [
    "class Swish(torch.nn.Module):",
    "def forward(self, x):",
    "return x * torch.sigmoid(x)",
]


@pytest.fixture(scope="module")
def handson_bank() -> Bank:
    return load_bank(
        rubric_paths=[DATA / "ui_bank.yaml", DATA / "ui_handson.yaml"],
        dialog_paths=[DATA / "ui_general.yaml", DATA / "ui_handson_flow.yaml"],
    )


def _app(bank: Bank, real_grader: Any, tmp_path: Path) -> Any:
    options = SessionOptions(track="general", mode="practice", seed=3, flow="ui-handson")
    return create_app(
        options,
        bank=bank,
        skip_start=True,
        grader=real_grader,
        clock=ManualClock(),
        data_dir=tmp_path / "data",
        now=lambda: FIXED_NOW,
    )


async def _type(pilot: Any, text: str) -> None:
    for key in text:
        await pilot.press({" ": "space", "\n": "enter"}.get(key, key))


async def _wait_for(pilot: Any, condition: Any, rounds: int = 100) -> None:
    for _ in range(rounds):
        await settle(pilot)
        if condition():
            return
        await pilot.pause(0.1)
    raise AssertionError("the app never got there")


async def _no_questions(pilot: Any, app: Any) -> None:
    """Answer the interviewer's closing "any questions for me?" with no, then wait for the end."""
    await _wait_for(pilot, lambda: app.sessions[-1].asking_back or app.sessions[-1].finished)
    if app.sessions[-1].asking_back:
        await _type(pilot, "No, that's all, thanks.")
        await pilot.press("enter")
    await _wait_for(pilot, lambda: app.sessions[-1].finished)


async def test_a_code_exercise_is_answered_in_the_python_editor(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    app = _app(handson_bank, real_grader, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert current_question_id(app) == "ui-code-swish"
        box = app.screen.query_one(AnswerBox)
        assert box.coding and box.language == "python" and box.show_line_numbers
        assert box.text == "import torch\n"  # the starter code
        box.move_cursor(box.document.end)
        await pilot.press("enter")  # in the editor Enter is a new line, not "send"
        assert current_question_id(app) == "ui-code-swish"
        for line in SWISH_LINES:
            await _type(pilot, line)
            await pilot.press("enter")  # the editor indents after a colon
        assert "    def forward(self, x):\n        return x * torch.sigmoid(x)" in box.text
        await pilot.press("f5")
        await _wait_for(pilot, lambda: current_question_id(app) == "ui-calc-linear")
        turns = app.sessions[-1]._interview.transcript.turns
        said = [t.text for t in turns if t.kind == "feedback"]
        assert "4 of 4 checks passed" in said[-1]
        assert "- [PASS] Swish()(x) equals x * sigmoid(x)" in said[-1]
        assert "checks passed" in screen_text(app)
        box = app.screen.query_one(AnswerBox)
        assert not box.coding and box.text == ""  # back to a chat box for the calculation
        await _type(pilot, "200,960")
        await pilot.press("enter")
        await _no_questions(pilot, app)
        text = screen_text(app)
        assert "Right." in text and "784 x 256" in text


async def test_a_failing_snippet_gets_feedback_and_the_app_goes_on(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    app = _app(handson_bank, real_grader, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(AnswerBox)
        box.load_text("import torch\nwhile True:\n    pass\n")
        await pilot.press("f5")
        await _wait_for(pilot, lambda: "CPU time" in screen_text(app))
        text = screen_text(app)
        assert "line 3" in text or "line 2" in text
        # a retry: the editor keeps the code so it can be fixed
        assert app.screen.query_one(AnswerBox).coding
        assert "while True" in app.screen.query_one(AnswerBox).text


async def test_show_me_opens_a_live_demo_drawn_with_plotext(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    app = _app(handson_bank, real_grader, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        # the Swish exercise is about activations: no demo is linked to it
        app.screen.query_one(AnswerBox).chat_mode()
        await _type(pilot, "show me")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, DemoScreen)
        assert current_question_id(app) == "ui-code-swish"  # "show me" was not an answer
        await pilot.press("ctrl+n")  # skip to the calculation, on initialisation
        await _wait_for(pilot, lambda: current_question_id(app) == "ui-calc-linear")
        await _type(pilot, "can you show me?")
        await pilot.press("enter")
        await _wait_for(pilot, lambda: isinstance(app.screen, DemoScreen) and app.screen.data)
        assert isinstance(app.screen, DemoScreen)
        assert app.screen.demo == "identical-init"
        data = app.screen.data
        assert set(data["series"]) == {"identical init", "random init"}
        assert max(data["series"]["identical init"]) == 0.0  # copies stay copies
        assert min(data["series"]["random init"]) > 0.1
        text = screen_text(app)
        assert "Show me" in text and "remain copies" in text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DemoScreen)
        assert current_question_id(app) == "ui-calc-linear"  # the interview goes on


async def test_the_report_links_a_weak_topic_to_its_demo(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    from interviewer.ui.screens.report import ReportScreen

    app = _app(handson_bank, real_grader, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await _wait_for(pilot, lambda: current_question_id(app) == "ui-calc-linear")
        await _type(pilot, "12")  # wrong, twice
        await pilot.press("enter")
        await _wait_for(pilot, lambda: not app.screen.busy)
        await _type(pilot, "13")
        await pilot.press("enter")
        await _no_questions(pilot, app)
        await pilot.click("#report")
        await _wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        await _wait_for(pilot, lambda: bool(app.screen.query("#demo-identical-init")))
        report = app.screen.report
        assert report is not None
        assert "interviewer demo identical-init" in report.advice_markdown()
        app.screen.query_one("#demo-identical-init").press()
        await _wait_for(pilot, lambda: isinstance(app.screen, DemoScreen) and app.screen.data)
        assert isinstance(app.screen, DemoScreen) and app.screen.demo == "identical-init"


async def test_the_start_screen_offers_the_hands_on_flow(
    handson_bank: Bank, real_grader: Any, tmp_path: Path
) -> None:
    from textual.widgets import Checkbox

    from interviewer.ui.screens.start import StartScreen

    app = create_app(
        SessionOptions(track="general", mode="practice", seed=3),
        bank=handson_bank,
        grader=real_grader,
        clock=ManualClock(),
        data_dir=tmp_path / "data",
        now=lambda: FIXED_NOW,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await _wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        box = app.screen.query_one("#hands-on", Checkbox)
        await _wait_for(pilot, lambda: not box.disabled)  # the bank has a hands-on flow
        assert "Hands-on exercises" in screen_text(app)
        assert app.screen.chosen_options().flow is None
        await pilot.click("#hands-on")
        assert app.screen.chosen_options().flow == "ui-handson"
        await pilot.click("#start")
        await _wait_for(pilot, lambda: current_question_id(app) == "ui-code-swish")
        assert app.screen.query_one(AnswerBox).coding  # the code exercise opens the editor
