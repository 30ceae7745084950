"""Running a candidate's snippet in a separate, limited process.

Each run gets a fresh Python process (``python -I``, so no user site-packages
and no PYTHON* variables) in a throw-away directory, with a minimal
environment (PATH, HOME and TMPDIR pointing at that directory, one thread), a
CPU-time limit, an address-space limit and a file-size limit, no standard
input, and a wall-clock timeout enforced from here. Inside,
:mod:`interviewer.handson.sandbox_child` refuses sockets, new processes and
writes outside the directory. Whatever happens there, this process only reads
a JSON result; it is never harmed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SandboxRun", "run_code"]

_BOOT = (
    "import sys; sys.path.insert(0, {root!r}); "
    "from interviewer.handson.sandbox_child import main; main()"
)
OUTPUT_LIMIT = 4000  # characters of the snippet's output kept


@dataclass(frozen=True)
class SandboxRun:
    """What came back from one sandboxed run.

    Attributes:
        status: ``graded`` when the checks ran; else ``syntax_error``,
            ``exception``, ``cpu_limit``, ``timeout``, ``memory``, ``forbidden``
            or ``crashed``.
        checks: The checks' outcomes (name, weight, passed, observed).
        error: The error message, if any.
        line: The line of the candidate's code involved, if known.
        line_text: That line's text.
        during: ``running your code`` or ``running the checks``.
        output: The start of what the snippet printed.
        seconds: Wall-clock time of the run.
        returncode: The process's exit code (negative: killed by that signal).
    """

    status: str
    checks: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""
    line: int | None = None
    line_text: str = ""
    during: str = ""
    output: str = ""
    seconds: float = 0.0
    returncode: int | None = None


def _environment(home: str) -> dict[str, str]:
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "TMPDIR": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYTHONHASHSEED": "0",
    }


def run_code(
    code: str,
    exercise: str,
    *,
    cpu_seconds: float = 10.0,
    memory_mib: int = 2048,
    wall_seconds: float | None = None,
) -> SandboxRun:
    """Run ``code`` and the checks of ``exercise`` in a sandboxed process; never raises.

    Args:
        code: The candidate's Python source.
        exercise: The exercise whose checks run after the code.
        cpu_seconds: CPU-time limit of the process (torch's import included).
        memory_mib: Address-space limit.
        wall_seconds: Wall-clock limit (default: twice the CPU limit plus 10 s),
            which catches a snippet that sleeps or waits.
    """
    wall = wall_seconds if wall_seconds is not None else 2 * cpu_seconds + 10
    root = str(Path(__file__).resolve().parent.parent.parent)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="interviewer-sandbox-") as tmp:
        work = os.path.realpath(tmp)
        read_fd, write_fd = os.pipe()
        out_path = Path(work) / ".output"
        request = {
            "code": code,
            "exercise": exercise,
            "cpu_seconds": cpu_seconds,
            "memory_mib": memory_mib,
            "result_fd": write_fd,
        }
        chunks: list[bytes] = []
        reader = threading.Thread(target=_drain, args=(read_fd, chunks), daemon=True)
        try:
            with out_path.open("wb") as out:
                proc = subprocess.Popen(
                    [sys.executable, "-I", "-c", _BOOT.format(root=root)],
                    cwd=work,
                    env=_environment(work),
                    stdin=subprocess.PIPE,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    pass_fds=(write_fd,),
                    start_new_session=True,
                )
        except OSError as exc:
            os.close(read_fd)
            os.close(write_fd)
            return SandboxRun("crashed", error=f"could not start Python: {exc}")
        os.close(write_fd)
        reader.start()
        timed_out = False
        try:
            assert proc.stdin is not None
            proc.stdin.write(json.dumps(request).encode())
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=wall)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill(proc)
        reader.join(timeout=5)
        output = _read_output(out_path)
    seconds = time.monotonic() - started
    return _outcome(b"".join(chunks), proc.returncode, timed_out, wall, output, seconds)


def _drain(fd: int, chunks: list[bytes]) -> None:
    try:
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
    finally:
        os.close(fd)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.wait()


def _read_output(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(OUTPUT_LIMIT + 1)
    except OSError:
        return ""
    text = data[:OUTPUT_LIMIT].decode("utf-8", errors="replace")
    return text + ("\n[output cut]" if len(data) > OUTPUT_LIMIT else "")


def _outcome(
    raw: bytes, returncode: int | None, timed_out: bool, wall: float, output: str, seconds: float
) -> SandboxRun:
    if timed_out:
        return SandboxRun(
            "timeout",
            error=f"no result after {wall:.0f} s of wall-clock time",
            output=output,
            seconds=seconds,
            returncode=returncode,
        )
    try:
        data = json.loads(raw.decode("utf-8")) if raw else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict):
        status, error = "crashed", f"the process ended without a result (exit {returncode})"
        if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            status, error = "cpu_limit", "killed at the CPU-time limit"
        elif returncode in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
            error += "; this often means it ran out of memory"
        return SandboxRun(
            status, error=error, output=output, seconds=seconds, returncode=returncode
        )
    return SandboxRun(
        status=str(data.get("status", "crashed")),
        checks=list(data.get("checks", [])),
        error=str(data.get("error", "")),
        line=data.get("line"),
        line_text=str(data.get("line_text", "")),
        during=str(data.get("during", "")),
        output=output,
        seconds=seconds,
        returncode=returncode,
    )
