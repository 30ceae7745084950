"""The sandboxed side of a code run: limits, guards, the candidate's code, the checks.

Started by :func:`interviewer.handson.sandbox.run_code` as a separate Python
process in a throw-away directory. It reads one JSON request on stdin, limits
itself (CPU time, address space, file size), imports torch, installs an audit
hook that refuses sockets, new processes and writes outside the working
directory, runs the code as ``solution.py``, runs the exercise's checks and
writes one JSON result to the file descriptor it was given.

These guards catch accidents. Python code determined to escape can (ctypes, a
C extension, tampering with this module); see the README.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import traceback
from typing import Any

__all__ = ["main"]

FILE_SIZE_LIMIT = 16 * 2**20
SOLUTION = "solution.py"


class CpuLimit(BaseException):
    """Raised from SIGXCPU: the CPU-time limit is reached."""


class Forbidden(PermissionError):  # noqa: N818 - reads as the sandbox's verdict
    """An operation the sandbox refuses (network, processes, writes outside the cwd)."""


def _limit(cpu_seconds: float, memory_mib: int) -> None:
    cpu = max(1, int(cpu_seconds + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 2))
    memory = memory_mib * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails instead

    def on_cpu(_signum: int, _frame: Any) -> None:
        raise CpuLimit

    signal.signal(signal.SIGXCPU, on_cpu)


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_PATH_EVENTS = {
    "os.remove",
    "os.rename",
    "os.replace",
    "os.mkdir",
    "os.rmdir",
    "os.symlink",
    "os.link",
    "os.chmod",
    "os.chown",
    "os.truncate",
    "os.utime",
    "shutil.rmtree",
    "shutil.move",
}
_DENIED = {
    "socket.__new__": "opening a network socket",
    "socket.connect": "connecting to the network",
    "socket.bind": "binding a network socket",
    "socket.getaddrinfo": "looking up a host name",
    "subprocess.Popen": "starting a process",
    "os.system": "running a shell command",
    "os.exec": "replacing the process",
    "os.fork": "forking a process",
    "os.forkpty": "forking a process",
    "os.posix_spawn": "starting a process",
    "os.spawn": "starting a process",
    "os.kill": "sending a signal",
    "os.killpg": "sending a signal",
    "pty.spawn": "starting a process",
}


def _inside(path: Any, root: str) -> bool:
    if isinstance(path, int):
        return True  # an already-open descriptor
    try:
        target = os.path.realpath(os.fsdecode(os.fspath(path)))
    except (TypeError, ValueError):
        return True
    return target == root or target.startswith(root + os.sep) or target == os.devnull


def _install_guard(root: str) -> None:
    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _DENIED:
            raise Forbidden(f"the sandbox does not allow {_DENIED[event]} ({event})")
        if event == "open" and len(args) >= 3:
            path, mode, flags = args[0], args[1], args[2]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and bool(flags & _WRITE_FLAGS)
            )
            if writing and path is not None and not _inside(path, root):
                raise Forbidden(f"the sandbox does not allow writing outside its directory: {path}")
        elif event in _PATH_EVENTS:
            for path in args[:2]:
                if isinstance(path, (str, bytes, os.PathLike)) and not _inside(path, root):
                    shown = os.fsdecode(os.fspath(path))
                    raise Forbidden(f"the sandbox does not allow changing {shown} ({event})")

    sys.addaudithook(hook)


def _frame_line(tb: Any, source: list[str]) -> tuple[int | None, str]:
    """The last frame of the candidate's code in a traceback: line number and text."""
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == SOLUTION:
            line = frame.lineno
    text = source[line - 1].strip() if line and 0 < line <= len(source) else ""
    return line, text


def _describe(exc: BaseException, source: list[str]) -> str:
    line, text = _frame_line(exc.__traceback__, source)
    where = f" (line {line}: {text})" if line else ""
    return f"{type(exc).__name__}: {exc}{where}"


def _is_memory(exc: BaseException) -> bool:
    return isinstance(exc, MemoryError) or (
        isinstance(exc, RuntimeError) and "allocate memory" in str(exc)
    )


def _failure(exc: BaseException, source: list[str], during: str) -> dict[str, Any]:
    line, text = _frame_line(exc.__traceback__, source)
    if isinstance(exc, CpuLimit):
        status = "cpu_limit"
    elif _is_memory(exc):
        status = "memory"
    elif isinstance(exc, Forbidden):
        status = "forbidden"
    else:
        status = "exception"
    return {
        "status": status,
        "during": during,
        "error": f"{type(exc).__name__}: {exc}" if not isinstance(exc, CpuLimit) else "",
        "line": line,
        "line_text": text,
    }


def _run(request: dict[str, Any]) -> dict[str, Any]:
    code = str(request["code"])
    source = code.splitlines()
    root = os.path.realpath(os.getcwd())
    try:
        compiled = compile(code, SOLUTION, "exec")
    except SyntaxError as exc:
        return {
            "status": "syntax_error",
            "error": f"{exc.msg}",
            "line": exc.lineno,
            "line_text": (exc.text or "").strip(),
        }
    try:
        import torch

        torch.set_num_threads(1)
        torch.manual_seed(0)
        from interviewer.handson.exercises import run_checks
    except BaseException as exc:
        return {"status": "crashed", "error": f"torch could not start: {exc}"}
    _install_guard(root)
    namespace: dict[str, Any] = {"__name__": "solution", "__file__": SOLUTION}
    try:
        exec(compiled, namespace)
    except SystemExit:
        pass
    except BaseException as exc:
        return _failure(exc, source, "running your code")
    try:
        checks = run_checks(str(request["exercise"]), namespace, lambda e: _describe(e, source))
    except BaseException as exc:
        return _failure(exc, source, "running the checks")
    return {"status": "graded", "checks": checks}


def main() -> None:
    """Read the request, run it, write the result to the result descriptor."""
    request = json.loads(sys.stdin.read())
    result_fd = int(request["result_fd"])
    _limit(float(request["cpu_seconds"]), int(request["memory_mib"]))
    try:
        result = _run(request)
    except BaseException as exc:  # the limits can strike anywhere
        result = {
            "status": "cpu_limit" if isinstance(exc, CpuLimit) else "crashed",
            "error": f"{type(exc).__name__}: {exc}",
        }
    os.write(result_fd, json.dumps(result).encode())
    os.close(result_fd)
    os._exit(0)
