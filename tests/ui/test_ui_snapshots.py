"""Snapshot tests, grouped by screen: start, interview, feedback, report, help.

Deterministic by construction: the tiny frozen bank, seed 7, the stub
grader, a clock that only moves when told, a data directory shown as the same
path on every run (each test has its own) and no blinking cursor. Regenerate
with ``pytest tests/ui --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from ui_helpers import GOOD_ANSWERS, answer, current_question_id, settle
from ui_stub_grader import PhraseGrader

from interviewer.bank import Bank
from interviewer.ui.clock import ManualClock
from interviewer.ui.interview_session import SessionOptions
from interviewer.ui.widgets.answer_box import AnswerBox


@pytest.fixture
def snapshot_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of the test's own (no stored sessions: no resume list, nothing due).

    Snapshots show where the sessions are kept, so the home directory is the test's
    temporary directory: the path reads ``~/interviewer-ui-snapshots/...`` on every run,
    and parallel runs share nothing.
    """
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    return tmp_path / "interviewer-ui-snapshots"


async def _steady(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    for box in pilot.app.screen.query(AnswerBox):
        box.cursor_blink = False
    await pilot.pause()


async def _first_question(pilot: Pilot[Any]) -> None:
    await _steady(pilot)


async def _after_partial_answer(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    clock = pilot.app.clock
    assert isinstance(clock, ManualClock)
    clock.advance(83)  # the timers show 1:23
    await answer(
        pilot,
        "Well, it multiplies inputs by weights and then adds a bias. "
        "I think each neuron stores training examples too.",
    )
    # The wrong claim earns an "Are you sure?" first; standing by it brings the feedback.
    await answer(pilot, "Yes, I'm sure.")
    await _steady(pilot)


async def _on_the_report(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    for _ in range(10):
        qid = current_question_id(pilot.app)  # type: ignore[arg-type]
        if pilot.app.screen.has_class("-finished"):
            break
        if pilot.app.sessions[-1].asking_back:  # type: ignore[attr-defined]
            await answer(pilot, "No, thank you.")
            continue
        text = GOOD_ANSWERS[qid or ""] if qid != "ui-dropout" else "No idea, sorry."
        await answer(pilot, text)
    await pilot.press("enter")
    await _steady(pilot)


# -- start screen ---------------------------------------------------------------------------


def test_start_screen(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir)
    assert snap_compare(app, run_before=_steady)


def test_start_screen_large(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir)
    assert snap_compare(app, terminal_size=(140, 40), run_before=_steady)


# -- interview screen -----------------------------------------------------------------------


def test_interview_first_question(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)
    assert snap_compare(app, run_before=_first_question)


def test_interview_large_terminal(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)
    assert snap_compare(app, terminal_size=(140, 40), run_before=_first_question)


# -- feedback -------------------------------------------------------------------------------


def test_feedback_after_an_answer(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)
    assert snap_compare(app, terminal_size=(100, 40), run_before=_after_partial_answer)


def test_feedback_at_80x24(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)
    assert snap_compare(app, run_before=_after_partial_answer)


# -- report ---------------------------------------------------------------------------------


def test_report(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)
    assert snap_compare(app, terminal_size=(100, 40), run_before=_on_the_report)


def test_report_at_80x24(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(
        grader=PhraseGrader(),
        data_dir=snapshot_dir,
        skip_start=True,
        options=SessionOptions(mode="interview", seed=7),
    )
    assert snap_compare(app, run_before=_on_the_report)


# Topic titles as long as the real bank's, one per question of the tiny bank.
LONG_TOPICS = {
    "ui-neuron": "Perceptrons, multilayer perceptrons and how they learn",
    "ui-epoch": "Training in practice, tuning, evaluation and the wider picture",
    "ui-dropout": "Overfitting, dropout, batch normalisation and weight decay",
    "ui-attention": "Recurrent networks, gates and transformers",
    "ui-project": "Transfer learning and your own projects",
}


def _long_topic_bank(bank: Bank) -> Bank:
    long = Bank(flows=bank.flows, sources=bank.sources, flow_sources=bank.flow_sources)
    for qid, question in bank.questions.items():
        topic = f"topic-{qid}"
        long.questions[qid] = question.model_copy(update={"topics": [topic]})
        long.topics[topic] = LONG_TOPICS[qid]
    return long


def test_report_at_80x24_with_long_topic_names(
    snap_compare, make_app, ui_bank, snapshot_dir
) -> None:
    app = make_app(
        grader=PhraseGrader(),
        bank=_long_topic_bank(ui_bank),
        data_dir=snapshot_dir,
        skip_start=True,
        options=SessionOptions(mode="interview", seed=7),
    )

    async def scrolled_to_topics(pilot: Pilot[Any]) -> None:
        await _on_the_report(pilot)
        pilot.app.screen.query_one("#by-topic").scroll_visible(animate=False, top=True)
        await _steady(pilot)

    assert snap_compare(app, run_before=scrolled_to_topics)


# -- help -----------------------------------------------------------------------------------


def test_help_screen(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)
    assert snap_compare(app, press=["f1"], run_before=_steady)


def test_report_help_screen(snap_compare, make_app, snapshot_dir) -> None:
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, skip_start=True)

    async def report_help(pilot: Pilot[Any]) -> None:
        await _on_the_report(pilot)
        await pilot.press("f1")
        await _steady(pilot)

    assert snap_compare(app, run_before=report_help)


# -- sessions that last: the resume list, review due, history ----------------------------


def _stored_history(bank: Any, grader: Any, data: Path) -> Any:
    """Two sessions in the snapshot data dir on a fixed clock: one finished, one unfinished."""
    from datetime import UTC, datetime, timedelta

    from interviewer.dialog import Interview, SessionOptions
    from interviewer.store import Recorder, open_store
    from interviewer.ui.interview_session import flow_for_track

    when = [datetime(2025, 1, 2, 9, 30, tzinfo=UTC)]
    store = open_store(data, fallback=False, now=lambda: when[0])
    for session_id, replies in (
        ("20250102-093000-general-practice", ["no idea", "no idea", "end"]),
        ("20250103-093000-general-practice", [GOOD_ANSWERS["ui-neuron"]]),
    ):
        interview = Interview(bank, flow_for_track(bank, "general"), grader, SessionOptions(seed=7))
        recorder = Recorder(store, session_id, interview, bank)
        interview.start()
        assert recorder.commit() == ""
        for reply in replies:
            interview.reply(reply)
            assert recorder.commit() == ""
        when[0] += timedelta(days=1)
    store.close()
    later = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)  # the reviews are due by now
    return lambda data: open_store(data, now=lambda: later)


def test_start_screen_with_history(snap_compare, make_app, ui_bank, snapshot_dir) -> None:
    opener = _stored_history(ui_bank, PhraseGrader(), snapshot_dir)
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, store_opener=opener)
    assert snap_compare(app, terminal_size=(100, 36), run_before=_steady)


def test_history_screen(snap_compare, make_app, ui_bank, snapshot_dir) -> None:
    opener = _stored_history(ui_bank, PhraseGrader(), snapshot_dir)
    app = make_app(grader=PhraseGrader(), data_dir=snapshot_dir, store_opener=opener)

    async def open_history(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.click("#history")
        await _steady(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_history)
