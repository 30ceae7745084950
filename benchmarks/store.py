"""The session store: time to commit a turn, start-up with a long history, size per session.

1. Commit: real scripted interviews (the middling candidate, general flow, short,
   seeds 1..N) are recorded into a store on disk; every per-exchange commit (the
   new turns, the dialog's state and the review schedule in one transaction) is
   timed. The baseline in the same run is what the app did before the store and
   what a user would otherwise have: rewriting the whole transcript as Markdown
   and JSON files after every exchange (atomic write-and-rename).
2. Start-up: a fresh Python process opens the app exactly as ``interviewer`` does
   (built-in bank, default grader) and waits until the start screen shows the
   unfinished sessions and the "Review due" count read from the store. The time
   from spawning it to that moment is compared between an empty data directory
   and one whose database holds 1,000 sessions (the recorded sessions copied
   with new ids, review items included). The median of several runs each,
   interleaved so that machine load hits both alike.
   The store's own part of that start-up (opening it, the unfinished list and
   the due count) is also timed in-process, where the machine's noise is small.
3. Size: the database's bytes per session (after a WAL checkpoint), against the
   bytes of the JSON and Markdown autosave files of the same sessions.

Targets (issue 11): commit median <= 5 ms; start-up with 1,000 sessions <= 10%
slower than with none.

Run: ``.venv/bin/python benchmarks/store.py [--sessions 20] [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "answers" / "middling.yaml"
COMMIT_TARGET_MS = 5.0
STARTUP_TARGET = 1.10

CHILD = r"""
import asyncio, sys, time
from interviewer.ui.app import create_app
from interviewer.ui.interview_session import SessionOptions

app = create_app(SessionOptions(seed=7))

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.saved_shown.is_set():
            await asyncio.sleep(0.002)
        print("READY", time.perf_counter(), flush=True)

asyncio.run(main())
"""


def _record(data: Path, sessions: int) -> tuple[list[float], list[float], int]:
    """Record ``sessions`` interviews; return commit and JSON-autosave times (ms), JSON bytes."""
    from interviewer.cli.practice import AnswerScript, load_answers, play
    from interviewer.dialog import Interview, SessionOptions
    from interviewer.grading import default_grader
    from interviewer.loader import load_bank
    from interviewer.store import Recorder, open_store
    from interviewer.ui.storage import SessionStore

    bank, grader = load_bank(), default_grader()
    store = open_store(data, fallback=False)
    files = SessionStore(data / "json-baseline", "s")
    commits: list[float] = []
    autosaves: list[float] = []
    json_bytes = 0
    for seed in range(1, sessions + 1):
        interview = Interview(bank, bank.flows["general"], grader, SessionOptions(seed=seed))
        recorder = Recorder(store, f"bench-{seed}", interview, bank, source="practice")
        script = load_answers(ANSWERS, set(bank.questions))
        files = SessionStore(data / "json-baseline", f"bench-{seed}")

        def after(
            recorder: Recorder = recorder,
            script: AnswerScript = script,
            files: SessionStore = files,
            interview: Interview = interview,
        ) -> None:
            start = time.perf_counter()
            error = recorder.commit(script.cursor())
            commits.append((time.perf_counter() - start) * 1000)
            assert not error, error
            start = time.perf_counter()
            files.autosave(
                {
                    "transcript.md": interview.transcript.to_markdown(),
                    "transcript.json": interview.transcript.to_json(include_extras=True),
                }
            )
            autosaves.append((time.perf_counter() - start) * 1000)

        play(interview, script, after)
        json_bytes += sum(p.stat().st_size for p in files.autosave_dir.glob(f"bench-{seed}.*"))
    store.close()
    return commits, autosaves, json_bytes


def _grow(data: Path, total: int) -> None:
    """Copy the recorded sessions (turns, results) under new ids up to ``total`` sessions."""
    import sqlite3

    from interviewer.store import DB_NAME

    conn = sqlite3.connect(data / DB_NAME, isolation_level=None)
    ids = [row[0] for row in conn.execute("SELECT id FROM sessions ORDER BY id")]
    conn.execute("BEGIN")
    n = 0
    while len(ids) + n < total:
        source = ids[n % len(ids)]
        new = f"copy-{n:05d}"
        conn.execute(
            "INSERT INTO sessions SELECT ?, created, updated, flow, track, mode, length, seed, "
            "status, answered, grade, state, source, NULL, flow_def, driver "
            "FROM sessions WHERE id = ?",
            (new, source),
        )
        conn.execute(
            "INSERT INTO turns SELECT ?, seq, role, kind, question_id, grade, data, at "
            "FROM turns WHERE session_id = ?",
            (new, source),
        )
        conn.execute(
            "INSERT INTO results SELECT ?, position, question_id, credit, missed, seconds, at "
            "FROM results WHERE session_id = ?",
            (new, source),
        )
        n += 1
    # A few unfinished ones, as a real history has.
    conn.execute(
        "UPDATE sessions SET status = 'active' WHERE id IN "
        "('copy-00000', 'copy-00001', 'copy-00002', 'copy-00003', 'copy-00004')"
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _startup(data: Path) -> float:
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(data)}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    for line in out.stdout.splitlines():
        if line.startswith("READY"):
            return float(line.split()[1]) - start
    raise RuntimeError(f"the app did not start:\n{out.stderr[-2000:]}")


def _store_part(data: Path, repeats: int = 50) -> float:
    """Median ms of what start-up asks the store: open it, the unfinished list, the due count."""
    from interviewer.store import open_store
    from interviewer.store.review import due_count

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        store = open_store(data, fallback=False)
        store.sessions(status="active", limit=5)
        due_count(store)
        times.append((time.perf_counter() - start) * 1000)
        store.conn.close()
    return statistics.median(times)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="interviews recorded")
    parser.add_argument("--runs", type=int, default=5, help="start-ups per history size")
    args = parser.parse_args(argv)
    from interviewer.store import DB_NAME

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "history"
        commits, autosaves, json_bytes = _record(data, args.sessions)
        db = data / DB_NAME
        import sqlite3

        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        db_per_session = db.stat().st_size / args.sessions
        print(f"Commit of one exchange ({len(commits)} commits, {args.sessions} sessions):")
        print(
            f"  store (SQLite, WAL)   median {statistics.median(commits):.2f} ms  "
            f"p90 {_pct(commits, 0.9):.2f} ms  max {max(commits):.2f} ms  "
            f"(target median <= {COMMIT_TARGET_MS:.0f} ms)"
        )
        print(
            f"  JSON+Markdown files   median {statistics.median(autosaves):.2f} ms  "
            f"p90 {_pct(autosaves, 0.9):.2f} ms  max {max(autosaves):.2f} ms  (baseline)"
        )
        print("Size per session:")
        print(f"  store                 {db_per_session / 1024:.1f} KiB")
        print(f"  JSON+Markdown files   {json_bytes / args.sessions / 1024:.1f} KiB  (baseline)")

        big = Path(tmp) / "big"
        shutil.copytree(data, big, ignore=shutil.ignore_patterns("json-baseline"))
        _grow(big, 1000)
        small = Path(tmp) / "small"  # the same resume list on screen, a short history
        shutil.copytree(data, small, ignore=shutil.ignore_patterns("json-baseline"))
        _grow(small, args.sessions + 5)
        print(f"  store at 1,000 sessions: {(big / DB_NAME).stat().st_size / 1024 / 1024:.1f} MiB")
        empty = Path(tmp) / "empty"
        empty.mkdir()
        _startup(empty)  # warm the bank and grader caches; not counted
        none_runs, small_runs, big_runs = [], [], []
        for _ in range(args.runs):
            none_runs.append(_startup(empty))  # a store with no session in it
            small_runs.append(_startup(small))
            big_runs.append(_startup(big))
        none, short = statistics.median(none_runs), statistics.median(small_runs)
        full = statistics.median(big_runs)
        print(f"Start-up to the start screen with the resume list (median of {args.runs}):")
        print(f"  no history            {none * 1000:.0f} ms")
        print(
            f"  {args.sessions + 5} sessions           {short * 1000:.0f} ms  "
            f"({(short / none - 1) * 100:+.1f}%; 5 unfinished listed)"
        )
        print(
            f"  1,000 sessions        {full * 1000:.0f} ms  ({(full / none - 1) * 100:+.1f}%, "
            f"target <= {(STARTUP_TARGET - 1) * 100:+.0f}%; 5 unfinished listed)"
        )
        print(f"  load average          {os.getloadavg()[0]:.2f}")
        print("The store's part of it (open, unfinished list, due count; median of 50):")
        print(f"  no history            {_store_part(empty):.2f} ms")
        print(f"  1,000 sessions        {_store_part(big):.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
