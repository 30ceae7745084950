"""Pilot-driven tests: play interviews through key presses and read the screen."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from textual import events
from textual.command import CommandList
from textual.widgets import RadioButton
from ui_helpers import GOOD_ANSWERS, answer, current_question_id, screen_text, settle
from ui_stub_grader import PhraseGrader

from interviewer.errors import BankLoadError, Problem
from interviewer.store import open_store
from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.screens.help import HelpScreen
from interviewer.ui.screens.interview import InterviewScreen
from interviewer.ui.screens.report import ReportScreen
from interviewer.ui.screens.start import StartScreen
from interviewer.ui.widgets.answer_box import AnswerBox
from interviewer.ui.widgets.chat import CandidateMessage, InterviewerMessage
from interviewer.ui.widgets.feedback_card import FeedbackCard


def _autosave(data_dir: Path) -> dict[str, Any]:
    """The one session in the store: its turns and extras, as committed."""
    store = open_store(data_dir, fallback=False)
    rows = store.sessions()
    assert len(rows) == 1, rows
    _row, state, turns = store.load(rows[0].id)
    store.close()
    assert state is not None
    return {"turns": turns, "extras": state["extras"]}


async def test_start_screen_opens_the_chosen_interview(make_app) -> None:
    app = make_app(options=SessionOptions(seed=7))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        for label in ("Track", "General", "Computer vision", "Mode", "Practice", "Start"):
            assert label in text
        await pilot.click("#mode-interview")
        await pilot.click("#track-cv")
        await pilot.click("#start")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.options.mode == "interview"
        assert app.screen.options.track == "cv"
        text = screen_text(app)
        assert "Computer vision" in text and "interview · short" in text
        assert "We'll focus on vision today." in text  # the cv flow's opening


async def test_start_screen_disables_tracks_without_a_flow(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        nlp = app.screen.query_one("#track-nlp", RadioButton)
        assert nlp.disabled  # the tiny bank has no nlp flow
        assert not app.screen.query_one("#track-cv", RadioButton).disabled


async def test_practice_interview_plays_to_the_report(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel_count = app.screen.query_one("#count").render()
        assert "1 of ~5" in str(panel_count)
        first = current_question_id(app)
        assert first is not None
        # Type the first answer key by key, as a candidate would.
        for key in "multiplies inputs by weights":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await settle(pilot)
        cards = app.screen.query(FeedbackCard)
        assert len(cards) == 1
        card = cards.first()
        card_text = screen_text(app)
        assert "Covered" in card_text and "A weighted sum of the inputs" in card_text
        assert card.result.question_id == first
        # Answer the rest until the interview ends.
        for _ in range(10):
            if app.screen.has_class("-finished"):
                break
            qid = current_question_id(app)
            await answer(pilot, GOOD_ANSWERS.get(qid or "", "I am not sure what that is."))
        assert app.screen.has_class("-finished")
        assert "See your report" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        text = screen_text(app)
        assert "Report: General (UI test)" in text
        assert "Overall" in text and "/5" in text
        assert "Grade per stage" in text and "Basic" in text


async def test_interview_mode_keeps_feedback_for_the_report(make_app) -> None:
    app = make_app(options=SessionOptions(mode="interview", seed=7), skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, GOOD_ANSWERS[current_question_id(app) or ""])
        assert not app.screen.query(FeedbackCard)
        assert len(app.screen.query(CandidateMessage)) == 1


async def test_feedback_highlights_the_words_that_earned_credit(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        qid = current_question_id(app)
        assert qid == "ui-neuron" or qid == "ui-epoch"
        text = "Well, " + GOOD_ANSWERS[qid or ""]
        await answer(pilot, text)
        card = app.screen.query_one(FeedbackCard)
        highlighted = card.query_one(".answer").render()
        spans = [s for s in highlighted.spans if "green" in str(s.style)]  # type: ignore[attr-defined]
        assert spans, "credited words are styled"
        credited_words = {str(highlighted)[s.start : s.end].lower() for s in spans}  # type: ignore[attr-defined]
        for match in card.result.credited:
            assert any(sp.text.lower() in credited_words for sp in match.spans)


async def test_empty_submission_is_ignored_without_a_crash(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = len(app.screen.query(InterviewerMessage))
        await pilot.press("enter")
        await answer(pilot, "   \n  ")
        assert not app.screen.query(CandidateMessage)
        assert len(app.screen.query(InterviewerMessage)) == before
        assert app.is_running


async def test_huge_paste_is_kept_whole_and_drawn_clipped(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True)
    paste = ("the weighted sum of inputs goes through an activation function. " * 1600)[:100_000]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(AnswerBox)
        app.post_message(events.Paste(paste))  # as the terminal delivers it
        await pilot.pause()
        assert len(box.text) == 100_000
        await pilot.press("enter")
        await settle(pilot)
        shown = app.screen.query_one(CandidateMessage)
        assert "more characters not shown" in str(shown.render())
        assert app.screen.query(FeedbackCard)
    saved = _autosave(tmp_path / "data")
    answers = [t for t in saved["turns"] if t["kind"] == "answer"]  # type: ignore[attr-defined]
    assert len(answers[0]["text"]) == len(paste.strip())


async def test_ctrl_c_neither_quits_nor_loses_the_transcript(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, "multiplies inputs by weights")
        await pilot.press("ctrl+c")  # in the answer box, nothing selected
        await pilot.pause()
        assert any("to quit" in str(n.message) for n in app._notifications)
        app.screen.query_one("#chat").focus()
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, InterviewScreen)
        saved = _autosave(tmp_path / "data")
        assert any(t["text"] == "multiplies inputs by weights" for t in saved["turns"])  # type: ignore[attr-defined]


async def test_quit_saves_the_transcript(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, "adds a bias")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    saved = _autosave(tmp_path / "data")
    assert saved["turns"][-1]["kind"] in ("question", "probe", "hint", "thread", "feedback")  # type: ignore[index]
    assert "elapsed" in saved["extras"]  # type: ignore[operator]


async def test_commands_by_key(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = current_question_id(app)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.screen.query("InterviewerMessage.-hint")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.query("InterviewerMessage.-repeat")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert current_question_id(app) != first
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.screen.has_class("-finished")


async def test_commands_in_the_palette(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = current_question_id(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "skip":
            await pilot.press(key)
        hits = app.screen.query_one(CommandList)
        for _ in range(100):  # the palette searches in the background
            if hits.option_count and hits.highlighted == 0:
                break
            await pilot.pause(0.05)
        assert str(hits.get_option_at_index(0).prompt).startswith("Skip")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert current_question_id(app) != first


async def test_typed_commands_reach_the_engine(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, "could you repeat that")
        assert app.screen.query("InterviewerMessage.-repeat")
        await answer(pilot, "hint")
        assert app.screen.query("InterviewerMessage.-hint")
        await answer(pilot, "let's stop here")
        assert app.screen.has_class("-finished")


async def test_newline_keys_and_enter_sends(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(AnswerBox)
        for key in ("a", "ctrl+j", "b", "shift+enter", "c", "alt+enter", "d"):
            await pilot.press(key)
        assert box.text == "a\nb\nc\nd"
        await pilot.press("enter")
        await settle(pilot)
        assert box.text == ""
        assert str(app.screen.query_one(CandidateMessage).render()) == "a\nb\nc\nd"


async def test_help_screen_lists_the_keys(make_app) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in ("Enter", "Ctrl+J", "Ctrl+G", "Ctrl+N", "Ctrl+P", "Ctrl+Q"):
            assert key in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_report_export_writes_markdown_and_json(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, GOOD_ANSWERS[current_question_id(app) or ""])
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("e")
        await settle(pilot)
        export_dir = tmp_path / "data" / "exports"
        written = sorted(p.name.split(".", 1)[1] for p in export_dir.rglob("*.*"))
        assert written == ["report.json", "report.md", "transcript.json", "transcript.md"]
        report = json.loads(next(export_dir.rglob("*.report.json")).read_text())
        assert report["ended_by"] == "candidate"
        assert str(export_dir) in screen_text(app).replace("\n", "")


class _SlowGrader:
    """Takes its time, so the test can look at the screen while grading runs."""

    def __init__(self, release: threading.Event) -> None:
        self.release = release
        self.inner = PhraseGrader()

    def grade(self, question, answer):  # type: ignore[no-untyped-def]
        self.release.wait(10)
        return self.inner.grade(question, answer)


async def test_grading_runs_in_a_worker_and_the_screen_stays_live(make_app) -> None:
    release = threading.Event()
    app = make_app(skip_start=True, grader=_SlowGrader(release))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(AnswerBox)
        box.insert("adds a bias")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.busy
        assert "thinking" in screen_text(app)
        # The interface still answers keys while the grader works.
        await pilot.press("x", "y")
        assert box.text == "xy"
        await pilot.press("enter")  # a second send while busy is refused, and kept
        await pilot.pause()
        assert box.text == "xy"
        release.set()
        await settle(pilot)
        assert not app.screen.busy
        assert app.screen.query(FeedbackCard)


async def test_a_broken_bank_is_reported_on_screen(make_app) -> None:
    def broken() -> None:
        raise BankLoadError([Problem("rubrics/x.yaml", 3, "id", "bad id", "fix it")])

    app = make_app(skip_start=True)
    app._bank_loader = broken
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.is_running
        text = screen_text(app)
        assert "could not start" in text and "rubrics/x.yaml" in text


async def test_an_unwritable_data_dir_is_reported(make_app, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    app = make_app(skip_start=True, data_dir=blocker)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        warnings = [n for n in app._notifications if "not saved" in (n.title or "")]
        assert warnings and "in memory only" in str(warnings[0].message)
        assert str(blocker) in str(warnings[0].message)
        await answer(pilot, "adds a bias")
        assert app.screen.query(FeedbackCard)  # the interview goes on


async def test_new_interview_from_the_report(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.click("#start")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert len(app.sessions) == 2
        assert app.screen.query("InterviewerMessage.-question")
    store = open_store(tmp_path / "data", fallback=False)
    assert len(store.sessions()) == 2  # the second interview did not overwrite the first


class _FlakyGrader:
    """Raises on its first call, then grades like the stub."""

    def __init__(self) -> None:
        self.calls = 0
        self.inner = PhraseGrader()

    def grade(self, question, answer):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("grader exploded")
        return self.inner.grade(question, answer)


async def test_an_engine_error_is_shown_not_fatal(make_app, tmp_path: Path) -> None:
    app = make_app(skip_start=True, grader=_FlakyGrader())
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await answer(pilot, "adds a bias")
        assert app.is_running
        assert "couldn't grade that answer" in screen_text(app)
        assert not app.screen.busy
        await pilot.press("ctrl+r")  # the app keeps taking input
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, InterviewScreen)
        await answer(pilot, "adds a bias")  # the question is still open and now grades
        await settle(pilot)
    saved = _autosave(tmp_path / "data")
    answers = [t for t in saved["turns"] if t["kind"] == "answer"]
    assert [t["text"] for t in answers] == ["adds a bias", "adds a bias"]  # nothing lost
    assert answers[0]["grade"] is None and answers[1]["grade"] is not None
