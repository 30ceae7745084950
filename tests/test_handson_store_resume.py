"""A hands-on session killed with kill -9 resumes from the answers file, calc and code included.

The candidate starts the hands-on flow typing on standard input, answers the first
rubric questions, and the process dies (SIGKILL) while waiting for the first
hands-on answer. ``interviewer resume --answers examples/answers/handson.yaml``
must accept the file's computed and code answers and end with the transcript of
an uninterrupted run with the same seed and answers.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from store_helpers import ANSWERS, CLI, bank, grader
from test_store_kill import _committed, _start, _wait_for

from interviewer.cli.practice import load_answers
from interviewer.dialog import Interview, SessionOptions

HANDSON = ANSWERS / "handson.yaml"


def _first_rubric_replies(seed: int) -> list[str]:
    """The file's replies to the questions asked before the first hands-on one."""
    b = bank()
    answers = load_answers(HANDSON, set(b.questions) | set(b.handson))
    interview = Interview(b, b.flows["handson"], grader(), SessionOptions(seed=seed))
    interview.start()
    replies: list[str] = []
    while interview.question is not None and interview.question.kind == "rubric":
        reply = answers.next_reply(interview.question.id)
        assert "\n" not in reply
        replies.append(reply)
        interview.reply(reply)
    assert replies and interview.question is not None  # a hands-on question is next
    return replies


def test_killed_handson_session_resumes_from_the_answers_file(tmp_path: Path) -> None:
    whole = subprocess.run(
        [*CLI, "practice", "--flow", "handson", "--seed", "7", "--answers", str(HANDSON)],
        env={**os.environ, "INTERVIEWER_DATA_DIR": str(tmp_path / "uninterrupted")},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    expected = whole.stdout
    assert "```python" in expected and "Working:" in expected  # code and calc questions ran

    data = tmp_path / "killed"
    proc = _start(["practice", "--flow", "handson", "--seed", "7"], data)
    replies = _first_rubric_replies(7)
    assert proc.stdin is not None
    for reply in replies:
        proc.stdin.write(reply + "\n")
        proc.stdin.flush()
    before = _wait_for(data, len(replies), proc)  # blocked on the first hands-on answer
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert _committed(data) == (len(replies), before)

    resumed = subprocess.run(
        [*CLI, "resume", "--answers", str(HANDSON)],
        env={**os.environ, "INTERVIEWER_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert resumed.stdout == expected
