"""The session store: commits, migrations, bad conditions, two writers, export and import."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from store_helpers import CLI, DATA, FixedClock, bank, grader, record, script

from interviewer.cli import main
from interviewer.cli.practice import play
from interviewer.dialog import Interview, SessionOptions
from interviewer.store import (
    DB_NAME,
    SCHEMA_VERSION,
    Recorder,
    SessionBusyError,
    StoreError,
    open_store,
    resume_interview,
)
from interviewer.store.autosaves import import_autosaves
from interviewer.store.schema import schema_version
from interviewer.store.transfer import export_history, import_history


def test_a_fresh_store_is_wal_and_at_the_latest_schema(tmp_path: Path) -> None:
    store = open_store(tmp_path, fallback=False)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_version(store.conn) == SCHEMA_VERSION
    assert (tmp_path / DB_NAME).exists()


def test_every_exchange_is_committed_with_the_state(tmp_path: Path) -> None:
    store = open_store(tmp_path, fallback=False)
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    recorder = Recorder(store, "s1", interview, bank(), source="practice")
    interview.start()
    assert recorder.commit() == ""
    other = open_store(tmp_path, fallback=False)  # another connection, as another process
    for reply in ["A tensor is an array of numbers", "hint", "skip"]:
        interview.reply(reply)
        assert recorder.commit() == ""
        _row, state, turns = other.load("s1")
        assert len(turns) == len(interview.transcript.turns)
        assert state is not None and state["state"] == interview.state
        assert [t["text"] for t in turns] == [t.text for t in interview.transcript.turns]


def test_migration_from_the_previous_schema(tmp_path: Path) -> None:
    shutil.copy(DATA / "store_v1.db", tmp_path / DB_NAME)
    store = open_store(tmp_path, fallback=False)
    assert schema_version(store.conn) == SCHEMA_VERSION
    rows = {row.id: row for row in store.sessions()}
    finished, stopped = (
        rows["20250101-090000-general-practice"],
        rows["20250102-090000-general-practice"],
    )
    assert finished.status == "finished" and stopped.status == "active"
    assert finished.source == "app"  # the column added by version 2 has its default
    # The v2 results table was filled from the v1 states: one row per graded question.
    _row, state, _turns = store.load(finished.id)
    assert state is not None
    graded = [q for q in state["questions"] if q["credit"] is not None]
    results = store.conn.execute(
        "SELECT question_id, credit FROM results WHERE session_id = ? ORDER BY position",
        (finished.id,),
    ).fetchall()
    assert results == [(q["question_id"], q["credit"]) for q in graded]
    # The unfinished v1 session resumes and finishes like an uninterrupted run. v1 kept no
    # script position, so the script picks up from the replies recorded per question.
    interview, recorder, _ = resume_interview(store, stopped.id, bank(), grader())
    recorded = len(interview.transcript.turns)
    uninterrupted = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=5))
    play(uninterrupted, script("middling"))
    answers = script("middling")
    for turn in interview.transcript.turns:
        if turn.role == "candidate" and turn.question_id is not None:
            answers._used[turn.question_id] = answers._used.get(turn.question_id, 0) + 1
    assert sum(answers._used.values()) == 4
    play(interview, answers, lambda: _ok(recorder.commit()))
    # the turns recorded in v1 keep the grades the candidate was shown then (a grader
    # refitted on a grown bank since may weigh their words differently), so they are
    # compared without their grades; every turn played after the resume in full
    resumed, fresh = (json.loads(t.transcript.to_json()) for t in (interview, uninterrupted))
    kept = [t["grade"] for t in resumed["turns"][:recorded]]
    for data in (resumed, fresh):
        for turn in data["turns"][:recorded]:
            turn.pop("grade", None)
        for question in data["questions"]:
            if question["question_id"] in {t.get("question_id") for t in data["turns"][:recorded]}:
                question.pop("result", None)
    assert resumed == fresh
    assert any(grade is not None for grade in kept)
    assert store.session(stopped.id).status == "finished"


def test_a_newer_schema_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this interviewer understands"):
        open_store(tmp_path, fallback=False)
    fallback = open_store(tmp_path)
    assert fallback.in_memory and "upgrade interviewer" in fallback.warning
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 2
    assert "newer than this interviewer" in capsys.readouterr().err
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1  # untouched


def test_a_corrupt_database_gives_a_warning_and_memory(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database, just bytes " * 200)
    store = open_store(tmp_path)
    assert store.in_memory
    assert str(tmp_path / DB_NAME) in store.warning and "damaged" in store.warning
    record(store)  # the interview runs in memory
    assert store.sessions()[0].status == "finished"
    assert (tmp_path / DB_NAME).read_bytes().startswith(b"this is not")  # left as it was


def test_a_file_in_place_of_the_directory_gives_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file")
    store = open_store(blocker)
    assert store.in_memory and "cannot create" in store.warning


def test_a_locked_database_gives_a_warning_and_memory(tmp_path: Path) -> None:
    open_store(tmp_path, fallback=False).close()
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(tmp_path, timeout=0.2)
        assert store.in_memory and "locked" in store.warning
    finally:
        holder.execute("COMMIT")
        holder.close()


def test_a_full_or_locked_database_mid_session_loses_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path, fallback=False, timeout=0.2)
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    recorder = Recorder(store, "s1", interview, bank())
    interview.start()
    assert recorder.commit() == ""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    interview.reply("A tensor is a multi-dimensional array of numbers " * 200)
    error = recorder.commit()
    assert "full" in error and str(tmp_path / DB_NAME) in error
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    interview.reply("skip")
    assert "locked" in recorder.commit()
    holder.execute("ROLLBACK")
    interview.reply("hint")
    assert recorder.commit() == ""
    _row, _state, turns = open_store(tmp_path, fallback=False).load("s1")
    assert [t["text"] for t in turns] == [t.text for t in interview.transcript.turns]


def test_two_writers_at_once(tmp_path: Path) -> None:
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(tmp_path)}
    answers = str(DATA.parent.parent / "examples" / "answers" / "middling.yaml")
    procs = [
        subprocess.Popen(
            [*CLI, "practice", "--answers", answers, "--seed", str(seed), "--flow", flow],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed, flow in ((1, "general"), (2, "nlp"), (3, "cv"))
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and "warning" not in err, err
    store = open_store(tmp_path, fallback=False)
    rows = store.sessions()
    assert len(rows) == 3 and {r.status for r in rows} == {"finished"}
    # And two threads sharing one store (the app's sessions) interleave safely.
    ids = [store.new_session_id("general", f"t{n}") for n in range(2)]
    errors: list[BaseException] = []

    def run(session_id: str, seed: int) -> None:
        try:
            interview = Interview(
                bank(), bank().flows["general"], grader(), SessionOptions(seed=seed)
            )
            recorder = Recorder(store, session_id, interview, bank())
            play(interview, script(), lambda: _ok(recorder.commit()))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(sid, n)) for n, sid in enumerate(ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(store.session(sid).status == "finished" for sid in ids)


def _ok(error: str) -> None:
    assert error == "", error


def test_a_session_open_in_another_process_is_not_resumed_twice(tmp_path: Path) -> None:
    store = open_store(tmp_path, fallback=False)
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    recorder = Recorder(store, "s1", interview, bank())
    interview.start()
    assert recorder.commit() == ""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        store.conn.execute("UPDATE sessions SET owner = ? WHERE id = 's1'", (sleeper.pid,))
        with pytest.raises(SessionBusyError, match=f"process {sleeper.pid}"):
            resume_interview(open_store(tmp_path, fallback=False), "s1", bank(), grader())
    finally:
        sleeper.kill()
        sleeper.wait()
    # Once that process is gone, the session can be taken over.
    resumed, _recorder, _ = resume_interview(
        open_store(tmp_path, fallback=False), "s1", bank(), grader()
    )
    assert resumed.state == interview.state


def test_json_autosaves_are_imported_once(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    play(interview, script())
    (folder / "20240101-100000-general-practice.transcript.json").write_text(
        interview.transcript.to_json(include_extras=True)
    )
    (folder / "broken.transcript.json").write_text("{not json")
    partial = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=4))
    partial.start()
    partial.reply("an array of numbers")
    (folder / "20240102-100000-general-practice.transcript.json").write_text(
        partial.transcript.to_json(include_extras=True)
    )
    store = open_store(tmp_path, fallback=False)
    rows = sorted(store.sessions(), key=lambda r: r.id)
    assert [r.id for r in rows] == [
        "20240101-100000-general-practice",
        "20240102-100000-general-practice",
    ]
    assert [r.status for r in rows] == ["finished", "stopped"]
    assert {r.source for r in rows} == {"import"}
    _row, _state, turns = store.load(rows[0].id)
    assert [t["text"] for t in turns] == [t.text for t in interview.transcript.turns]
    assert import_autosaves(store, folder) == 0  # once only
    with pytest.raises(StoreError, match="cannot be resumed"):
        resume_interview(store, rows[1].id, bank(), grader())
    from interviewer.store.history import load_transcript

    transcript, report = load_transcript(store, rows[0].id, bank())
    assert transcript.to_markdown() == interview.transcript.to_markdown()
    assert report.overall == interview.report().overall


def test_export_and_import_round_trip(tmp_path: Path) -> None:
    clock = FixedClock()
    source = open_store(tmp_path / "a", fallback=False, now=clock)
    record(source, seed=1)
    clock.advance(days=3)
    record(source, seed=2, name="weak")
    document = export_history(source)
    assert document["review_items"] and document["turns"] and document["results"]
    path = tmp_path / "history.json"
    assert main(["export-history", str(path), "--data-dir", str(tmp_path / "a")]) == 0
    assert json.loads(path.read_text()) == json.loads(json.dumps(document))
    assert main(["import-history", str(path), "--data-dir", str(tmp_path / "b")]) == 0
    target = open_store(tmp_path / "b", fallback=False)
    assert export_history(target) == json.loads(json.dumps(document))
    again = import_history(target, json.loads(path.read_text()))
    assert set(again.values()) == {0}  # nothing is duplicated
    with pytest.raises(StoreError, match="not an interviewer history export"):
        import_history(target, {"sessions": []})


def test_bad_import_files_are_refused_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["import-history", str(bad)]) == 2
    assert "is not JSON" in capsys.readouterr().err
    bad.write_text(
        json.dumps({"format": "interviewer-history", "schema": 1, "sessions": [{"nope": 1}]})
    )
    assert main(["import-history", str(bad)]) == 2
    assert "sessions row 1" in capsys.readouterr().err
