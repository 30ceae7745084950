"""The sandbox's limits: time, memory, exceptions, writes outside its directory, sockets.

Each test runs a real subprocess; the interviewer's process must come out unharmed.
"""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from interviewer.handson.code import grade_run
from interviewer.handson.sandbox import run_code
from interviewer.models import CodeQuestion

EX = "custom-activation"  # any exercise: its checks run after the code


def _question(**limits: float) -> CodeQuestion:
    return CodeQuestion(
        id="q",
        kind="code",
        ask="?",
        level="basic",
        topics=["basics"],
        tracks=["general"],
        hints=["h"],
        exercise=EX,
        solution="x = 1",
        **limits,  # type: ignore[arg-type]
    )


def test_a_syntax_error_names_its_line() -> None:
    run = run_code("x = 1\ndef f(:\n    pass\n", EX)
    assert run.status == "syntax_error" and run.line == 2 and "def f(:" in run.line_text
    text = grade_run(_question(), run).feedback
    assert "syntax error on line 2" in text


def test_an_exception_names_the_last_frame_of_the_code() -> None:
    code = "def helper(v):\n    return v[5]\n\nhelper([1, 2])\n"
    run = run_code(code, EX)
    assert run.status == "exception" and run.line == 2 and "IndexError" in run.error
    assert "line 2 (`return v[5]`)" in grade_run(_question(), run).feedback


def test_an_endless_loop_hits_the_cpu_limit_at_its_line() -> None:
    started = time.monotonic()
    run = run_code("import torch\nn = 0\nwhile True:\n    n += 1\n", EX, cpu_seconds=3)
    assert run.status == "cpu_limit", run
    assert run.line in (3, 4)
    assert time.monotonic() - started < 15
    assert "CPU time" in grade_run(_question(cpu_seconds=3), run).feedback


def test_a_sleeping_snippet_is_stopped_by_the_wall_clock() -> None:
    run = run_code("import time\ntime.sleep(60)\n", EX, cpu_seconds=3, wall_seconds=4)
    assert run.status == "timeout" and run.seconds < 10
    assert "stopped" in grade_run(_question(), run).feedback


@pytest.mark.parametrize(
    "code",
    ["import torch\nbig = torch.zeros(10**11)\n", "block = bytearray(8 * 2**30)\n"],
)
def test_a_huge_allocation_is_refused(code: str) -> None:
    run = run_code(code, EX, memory_mib=1024)
    assert run.status == "memory", run
    assert run.line == code.count("\n")
    assert "1,024 MiB" in grade_run(_question(memory_mib=1024), run).feedback


def test_a_write_outside_the_working_directory_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "escape.txt"
    run = run_code(f"open({str(target)!r}, 'w').write('x')\n", EX)
    assert run.status == "forbidden" and "writing outside" in run.error
    assert not target.exists()


def test_writes_inside_the_working_directory_are_fine() -> None:
    code = textwrap.dedent(
        """
        import os, torch
        with open("scratch.txt", "w") as f:
            f.write("ok")
        os.remove("scratch.txt")
        class Swish(torch.nn.Module):
            def forward(self, x):
                return x * torch.sigmoid(x)
        """
    )
    run = run_code(code, EX)
    assert run.status == "graded" and all(c["passed"] for c in run.checks)


@pytest.mark.parametrize(
    ("code", "what"),
    [
        ("import socket\ns = socket.socket()\n", "socket"),
        ("import urllib.request\nurllib.request.urlopen('http://example.com')\n", "network"),
        ("import subprocess\nsubprocess.run(['ls'])\n", "process"),
        ("import os\nos.system('ls')\n", "shell"),
        ("import os\nos.remove('/etc/hostname')\n", "changing"),
    ],
)
def test_network_processes_and_system_files_are_refused(code: str, what: str) -> None:
    run = run_code(code, EX)
    assert run.status in ("forbidden", "exception"), run
    assert "sandbox does not allow" in run.error


def test_the_environment_is_minimal_and_the_directory_thrown_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEWER_SECRET_TOKEN", "do-not-leak")
    code = textwrap.dedent(
        """
        import os
        if "INTERVIEWER_SECRET_TOKEN" in os.environ:
            raise RuntimeError("leaked")
        raise RuntimeError("cwd=" + os.getcwd() + " home=" + os.environ["HOME"]
                           + " keys=" + ",".join(sorted(os.environ)))
        """
    )
    run = run_code(code, EX)
    assert "leaked" not in run.error
    cwd = run.error.split("cwd=")[1].split()[0]
    assert f"home={cwd}" in run.error
    assert "interviewer-sandbox-" in cwd and not os.path.exists(cwd)
    keys = set(run.error.split("keys=")[1].split(","))
    assert keys <= {
        "PATH",
        "HOME",
        "TMPDIR",
        "LANG",
        "LC_ALL",
        "OMP_NUM_THREADS",
        "MKL_NUM_THREADS",
        "PYTHONHASHSEED",
        "LC_CTYPE",
    }


def test_output_is_kept_short_and_the_parent_is_unharmed() -> None:
    run = run_code("for i in range(100000):\n    print('spam', i)\nraise ValueError('x')\n", EX)
    assert run.status == "exception"
    assert len(run.output) < 5000 and run.output.endswith("[output cut]")
    assert os.getcwd() and Path.cwd().exists()


def test_exit_in_the_code_still_runs_the_checks() -> None:
    run = run_code("import sys\nsys.exit(3)\n", EX)
    assert run.status == "graded" and not any(c["passed"] for c in run.checks)
