"""A long-lived torch process that measures computed answers and runs live demos.

The interviewer's own process never imports torch: it sends one JSON request per
line to this worker (:func:`main` in a child Python process) and reads one JSON
reply per line. The first request pays for torch's import (about a second);
later ones take milliseconds. If the worker dies it is started again on the next
request; if it cannot answer in time the caller gets a :class:`WorkerError`.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["TorchWorker", "WorkerError", "main", "shared_worker"]


_ROOT = str(Path(__file__).resolve().parent.parent.parent)
# This package first on the path, whatever the working directory holds.
_BOOT = (
    "import sys; sys.path.insert(0, {root!r}); from interviewer.handson.worker import main; main()"
)


class WorkerError(RuntimeError):
    """The torch worker could not answer (not installed, crashed or too slow)."""


class TorchWorker:
    """A client of one worker process; thread-safe, started on first use.

    Args:
        timeout: Seconds to wait for one reply (torch's import included).
    """

    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""

    @property
    def running(self) -> bool:
        """Whether the worker process is alive."""
        return self._proc is not None and self._proc.poll() is None

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        env.setdefault("OMP_NUM_THREADS", "1")
        proc = subprocess.Popen(
            [sys.executable, "-c", _BOOT.format(root=_ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._buffer = b""
        return proc

    def request(self, payload: dict[str, Any]) -> Any:
        """Send one request and return the reply's ``result``.

        Raises:
            WorkerError: when the worker fails, or replies with an error.
        """
        with self._lock:
            if not self.running:
                self._proc = self._start()
            proc = self._proc
            assert proc is not None and proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(json.dumps(payload).encode() + b"\n")
                proc.stdin.flush()
                line = self._read_line(proc)
            except (OSError, WorkerError) as exc:
                self._kill()
                raise WorkerError(f"the torch worker failed: {exc}") from None
        reply = json.loads(line)
        if not reply.get("ok"):
            raise WorkerError(str(reply.get("error", "unknown error")))
        return reply.get("result")

    def _read_line(self, proc: subprocess.Popen[bytes]) -> bytes:
        assert proc.stdout is not None
        deadline = time.monotonic() + self.timeout
        fd = proc.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise WorkerError(f"no reply in {self.timeout:.0f} s")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise WorkerError("the worker exited")
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None

    def close(self) -> None:
        """Stop the worker process."""
        with self._lock:
            if self._proc is not None and self._proc.stdin is not None:
                try:
                    self._proc.stdin.close()
                    self._proc.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()


_SHARED: TorchWorker | None = None
_SHARED_LOCK = threading.Lock()


def shared_worker() -> TorchWorker:
    """The process-wide worker, closed at exit."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = TorchWorker()
            atexit.register(_SHARED.close)
        return _SHARED


def _handle(request: dict[str, Any]) -> Any:
    op = request.get("op")
    if op == "measure":
        from interviewer.handson.torch_tasks import measure

        return measure(str(request["task"]), dict(request["params"]))
    if op == "demo":
        from interviewer.handson.live_demos import run_live_demo

        return run_live_demo(str(request["name"]))
    if op == "ping":
        import torch

        return torch.__version__
    raise ValueError(f"unknown op {op!r}")


def main() -> None:
    """Serve requests from stdin until it closes."""
    for raw in sys.stdin:
        try:
            reply = {"ok": True, "result": _handle(json.loads(raw))}
        except Exception as exc:  # every failure goes back as a reply
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
