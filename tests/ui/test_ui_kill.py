"""kill -9 of the real app under a pseudo-terminal at every turn, then ``interviewer resume``.

The app runs as ``interviewer ui`` in a pty, as in a terminal. After each answer
is committed the test types half of the next one and kills the app with SIGKILL;
``interviewer resume`` opens it again, where the answer is typed in full. At the
end the stored transcript must be the one ``practice`` gives for the same seed
and replies, uninterrupted.
"""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from interviewer.store import DB_NAME

MAIN = "import sys; from interviewer.cli import main; sys.exit(main())"
REPLIES = [
    "A tensor is an n-dimensional array of numbers, like a matrix with more axes.",
    "hint",
    "Deep learning uses many layers that learn features from raw data.",
    "back",
    "It has a shape, a dtype and a device.",
    "let's stop here",
]
READY = b"Type your answer"  # the answer box's placeholder: the app takes input


class _App:
    """The app in a pty, its output drained so it never blocks."""

    def __init__(self, data: Path, *args: str) -> None:
        env = {**os.environ, "INTERVIEWER_DATA_DIR": str(data), "TERM": "xterm-256color"}
        self.output = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the app
            os.execve(sys.executable, [sys.executable, "-c", MAIN, *args], env)
        end = time.monotonic() + 60
        while READY not in self.output:
            assert time.monotonic() < end, "the app never showed its answer box"
            self.wait(0.05)
        self.wait(0.3)

    def wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.drain()
            time.sleep(0.02)

    def drain(self) -> None:
        while select.select([self.fd], [], [], 0)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output = (self.output + chunk)[-200_000:]

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())
        self.wait(0.2)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def _committed(data: Path) -> tuple[int, int]:
    try:
        conn = sqlite3.connect(f"file:{data / DB_NAME}?mode=ro", uri=True, timeout=5)
        row = conn.execute("SELECT SUM(role = 'candidate'), COUNT(*) FROM turns").fetchone()
        conn.close()
    except sqlite3.Error:
        return -1, -1
    return int(row[0] or 0), int(row[1] or 0)


def _until(data: Path, app: _App, replies: int) -> int:
    """Wait for ``replies`` candidate turns to be committed.

    An Enter that reached the app before its session was ready is refused and the
    text given back to the answer box, so Enter is pressed again now and then.
    """
    end = time.monotonic() + 90
    nudge = time.monotonic() + 5
    while time.monotonic() < end:
        said, total = _committed(data)
        if said == replies and total > 0:
            return total
        if said == replies - 1 and time.monotonic() > nudge:
            app.type("\r")
            nudge = time.monotonic() + 5
        app.wait(0.05)
    raise AssertionError(f"reply {replies} was never committed")


def test_kill_9_of_the_app_at_every_turn_then_resume(tmp_path: Path) -> None:
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(tmp_path / "practice")}
    practice = subprocess.run(
        [
            sys.executable,
            "-c",
            MAIN,
            "practice",
            "--seed",
            "7",
            "--answers",
            "-",
            "--format",
            "json",
        ],
        input="\n".join(REPLIES) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    expected = [
        (t["role"], t["kind"], t["text"])
        for t in json.loads(practice.stdout)["transcript"]["turns"]
    ]
    data = tmp_path / "app"
    app = _App(data, "ui", "--track", "general", "--seed", "7")
    for done, reply in enumerate(REPLIES[:-1]):
        before = _until(data, app, done)
        app.type(reply[: len(reply) // 2])  # typing...
        app.kill()  # ...when the app dies
        assert _committed(data) == (done, before)  # every finished turn, nothing more
        app = _App(data, "resume")
        app.type(reply)
        app.type("\r")
        _until(data, app, done + 1)
    app.type(REPLIES[-1])
    app.type("\r")
    _until(data, app, len(REPLIES))
    app.kill()
    conn = sqlite3.connect(data / DB_NAME)
    (status,) = conn.execute("SELECT status FROM sessions").fetchone()
    turns = [json.loads(d) for (d,) in conn.execute("SELECT data FROM turns ORDER BY seq")]
    assert status == "finished"
    assert [(t["role"], t["kind"], t["text"]) for t in turns] == expected
