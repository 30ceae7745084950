"""kill -9 of a real ``practice`` process at every turn, then ``resume``: nothing finished is lost.

The candidate types one reply per line on standard input (``--answers -``). After
each exchange is committed the test starts typing the next reply, kills the
process with SIGKILL mid-line, and resumes the session in a new process. The
transcript at the end must be byte-identical to an uninterrupted run with the
same seed and replies.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from store_helpers import CLI, bank, grader, script

from interviewer.cli.practice import QUESTIONS_KEY
from interviewer.dialog import Interview, SessionOptions
from interviewer.store import DB_NAME

# A short session with everything that changes the dialog's state on the way:
# answers, a hint, a probe answer, going back, "I don't know", a skip.
REPLIES = [
    "A tensor is an n-dimensional array of numbers, like a vector or a matrix with more axes.",
    "hint",
    "Deep learning is machine learning with many layers that learn features from raw data.",
    "back",
    "A tensor has a shape, a dtype and lives on a device such as a GPU.",
    "An activation function adds non-linearity, for example ReLU or sigmoid.",
    "I don't know",
    "skip",
    "Backpropagation applies the chain rule to get the gradient of the loss for every weight.",
    "Dropout randomly turns off neurons during training to reduce overfitting.",
]


def _start(args: list[str], data: Path) -> subprocess.Popen[str]:
    data.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(data)}
    return subprocess.Popen(
        [*CLI, *args, "--answers", "-"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=(data / "stderr.txt").open("a"),  # the interviewer's side, and any error
        text=True,
    )


def _committed(data: Path) -> tuple[int, int]:
    """(candidate turns, all turns) committed so far; (-1, -1) before the session exists."""
    path = data / DB_NAME
    if not path.exists():
        return -1, -1
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT SUM(role = 'candidate'), COUNT(*) FROM turns").fetchone()
    except sqlite3.OperationalError:
        return -1, -1  # not created yet
    finally:
        conn.close()
    return (int(row[0] or 0), int(row[1] or 0)) if row[1] else (-1, -1)


def _wait_for(data: Path, candidate_turns: int, proc: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        said, total = _committed(data)
        if said == candidate_turns and total > 0:
            time.sleep(0.05)  # the process is now blocked reading its next line
            return total
        assert proc.poll() is None, (data / "stderr.txt").read_text()[-3000:]
        time.sleep(0.02)
    raise AssertionError(f"{candidate_turns} replies were never committed")


def test_kill_9_at_every_turn_then_resume(tmp_path: Path) -> None:
    whole = _start(["practice", "--seed", "7"], tmp_path / "uninterrupted")
    expected, _ = whole.communicate("\n".join(REPLIES) + "\n", timeout=120)
    assert whole.returncode == 0 and expected.startswith("# Transcript")

    data = tmp_path / "killed"
    proc = _start(["practice", "--seed", "7"], data)
    kills, states = 0, []
    for done, reply in enumerate(REPLIES):
        before = _wait_for(data, done, proc)
        assert proc.stdin is not None
        proc.stdin.write(reply[: len(reply) // 2])  # typing the next answer...
        proc.stdin.flush()
        os.kill(proc.pid, signal.SIGKILL)  # ...when the process dies
        proc.wait(timeout=30)
        kills += 1
        said, total = _committed(data)
        assert (said, total) == (done, before)  # every finished turn is there, nothing more
        states.append(_saved_state(data))
        proc = _start(["resume"], data)
        assert proc.stdin is not None
        proc.stdin.write(reply + "\n")  # the candidate types it again
        proc.stdin.flush()
    out, _ = proc.communicate("", timeout=120)
    assert proc.returncode == 0
    assert kills == len(REPLIES)
    assert "revisiting" in states  # killed while going back, too
    assert out == expected


def _replies_of(name: str, seed: int) -> tuple[list[str], set[int]]:
    """An example candidate's replies in a short general interview, one per line, and
    the positions of those given while asking the interviewer questions at the end."""
    answers = script(name)
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=seed))
    interview.start()
    replies, asking = [], set()
    while not interview.finished:
        question = interview.question
        if interview.state == "candidate_questions":
            asking.add(len(replies))
            reply = answers.next_reply(QUESTIONS_KEY)
        else:
            reply = answers.next_reply(question.id if question else None)
        assert "\n" not in reply
        replies.append(reply)
        interview.reply(reply)
    return replies, asking


def test_kill_9_while_the_candidate_asks_questions_then_resume(tmp_path: Path) -> None:
    replies, asking = _replies_of("self-correcting", seed=7)
    assert len(asking) == 3  # the prompt's answer and two more questions of the candidate's
    whole = _start(["practice", "--seed", "7"], tmp_path / "uninterrupted")
    expected, _ = whole.communicate("\n".join(replies) + "\n", timeout=120)
    assert whole.returncode == 0
    assert all(replies[n] in expected for n in asking)

    data = tmp_path / "killed"
    proc = _start(["practice", "--seed", "7"], data)
    for done, reply in enumerate(replies):
        before = _wait_for(data, done, proc)
        assert proc.stdin is not None
        if done not in asking:
            proc.stdin.write(reply + "\n")
            proc.stdin.flush()
            continue
        proc.stdin.write(reply[: len(reply) // 2])
        proc.stdin.flush()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert _committed(data) == (done, before)  # each question and answer so far is kept
        assert _saved_state(data) == "candidate_questions"
        proc = _start(["resume"], data)
        assert proc.stdin is not None
        proc.stdin.write(reply + "\n")
        proc.stdin.flush()
    out, _ = proc.communicate("", timeout=120)
    assert proc.returncode == 0
    assert out == expected


def _saved_state(data: Path) -> str:
    import json

    conn = sqlite3.connect(f"file:{data / DB_NAME}?mode=ro", uri=True)
    try:
        (state,) = conn.execute("SELECT state FROM sessions").fetchone()
    finally:
        conn.close()
    return str(json.loads(state)["state"])
