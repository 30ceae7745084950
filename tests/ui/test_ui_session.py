"""The app's core-facing parts without a screen: session, timing, storage, grader loading."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from ui_helpers import FIXED_NOW, GOOD_ANSWERS
from ui_stub_grader import PhraseGrader

from interviewer.bank import Bank
from interviewer.store import Store, open_store
from interviewer.ui.background_grader import BackgroundGrader
from interviewer.ui.clock import ManualClock, format_elapsed
from interviewer.ui.interview_session import (
    InterviewSession,
    SessionOptions,
    flow_for_track,
)
from interviewer.ui.storage import SaveError, SessionStore, display_path


def _session(
    bank: Bank, root: Path, clock: ManualClock, db: Store | None = None, **options: object
) -> InterviewSession:
    chosen = SessionOptions(**{"seed": 7, **options})  # type: ignore[arg-type]
    store = SessionStore(root, InterviewSession.session_id_for(chosen, FIXED_NOW))
    return InterviewSession(bank, chosen, PhraseGrader(), store, clock, db=db)


def _current(session: InterviewSession) -> str:
    return session._interview.transcript.questions[-1].question_id


def test_exchanges_carry_the_graded_text_and_whether_feedback_closed(
    ui_bank: Bank, tmp_path: Path
) -> None:
    session = _session(ui_bank, tmp_path, ManualClock())
    session.start()
    first = session.reply("adds a bias")
    answer = first.turns[0]
    assert answer.grade is not None and answer.graded_text == "adds a bias"
    assert [t.closed for t in first.turns if t.kind == "feedback"] == [False]
    second = session.reply("multiplies inputs by weights")
    answer = second.turns[0]
    assert answer.grade is not None and answer.meta["graded_on"] == "all answers"
    assert answer.graded_text == "adds a bias\nmultiplies inputs by weights"
    spans = [s for c in answer.grade.concepts for s in c.spans]
    assert spans and all(answer.graded_text[s.start : s.end] == s.text for s in spans)
    assert [t.closed for t in second.turns if t.kind == "feedback"] == [True]


def test_format_elapsed() -> None:
    assert format_elapsed(0) == "0:00"
    assert format_elapsed(83.9) == "1:23"
    assert format_elapsed(3725) == "1:02:05"
    assert format_elapsed(-4) == "0:00"


def test_timers_restart_per_question_and_freeze_at_the_end(ui_bank: Bank, tmp_path: Path) -> None:
    clock = ManualClock(100.0)
    session = _session(ui_bank, tmp_path, clock)
    session.start()
    clock.advance(30)
    assert session.elapsed_question == 30 and session.elapsed_total == 30
    session.reply(GOOD_ANSWERS[_current(session)])
    assert session.elapsed_question == 0  # a new question was asked
    clock.advance(12)
    assert session.elapsed_question == 12 and session.elapsed_total == 42
    session.command("end")
    assert session.finished
    clock.advance(600)
    assert session.elapsed_total == 42  # frozen when the interview ended
    assert [round(s) for _, s in session.question_times] == [30, 12]


def test_every_exchange_is_committed_to_the_store(ui_bank: Bank, tmp_path: Path) -> None:
    db = open_store(tmp_path, fallback=False)
    session = _session(ui_bank, tmp_path, ManualClock(), db=db)
    session.start()
    exchange = session.reply("adds a bias")
    assert exchange.save_error == ""
    reader = open_store(tmp_path, fallback=False)  # a second connection sees the commit
    _row, state, turns = reader.load(session.session_id)
    assert [t["text"] for t in turns if t["role"] == "candidate"] == ["adds a bias"]
    assert state is not None and state["extras"]["elapsed"]["total_seconds"] == 0.0
    assert len(turns) == len(session._interview.transcript.turns)


def test_an_unwritable_data_dir_is_reported_not_raised(ui_bank: Bank, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the directory should be")
    db = open_store(blocker)
    assert db.in_memory and "cannot create" in db.warning and "in memory" in db.warning
    session = _session(ui_bank, blocker, ManualClock(), db=db)
    exchange = session.start()
    assert exchange.save_error == ""  # kept in memory
    assert exchange.turns  # the interview goes on
    with pytest.raises(SaveError):
        session.export()


def test_export_writes_transcript_and_report(ui_bank: Bank, tmp_path: Path) -> None:
    session = _session(ui_bank, tmp_path, ManualClock())
    session.start()
    session.reply(GOOD_ANSWERS[_current(session)])
    session.command("end")
    paths = session.export()
    assert {p.name.split(".", 1)[1] for p in paths} == {
        "transcript.md",
        "transcript.json",
        "report.md",
        "report.json",
    }
    report = json.loads(next(p for p in paths if p.name.endswith("report.json")).read_text())
    assert report["answered"] == 1 and report["ended_by"] == "candidate"


def test_flow_for_track(ui_bank: Bank) -> None:
    assert flow_for_track(ui_bank, "cv").name == "ui-cv"
    with pytest.raises(KeyError, match="nlp"):
        flow_for_track(ui_bank, "nlp")


def test_background_grader_fits_once_and_retries_after_a_failure() -> None:
    calls: list[int] = []
    done = threading.Event()

    def factory() -> PhraseGrader:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("first fit fails")
        done.set()
        return PhraseGrader()

    grader = BackgroundGrader(factory)
    grader.start()  # fails quietly in its thread
    for _ in range(200):
        if calls:
            break
        threading.Event().wait(0.01)
    assert not grader.ready
    grader.start()
    assert done.wait(5)
    assert grader.ready
    grader.load()
    assert len(calls) == 2


def test_display_path_abbreviates_home() -> None:
    assert display_path(Path.home() / "x" / "y") == "~/x/y"
    assert display_path(Path("/tmp/z")) == "/tmp/z"
