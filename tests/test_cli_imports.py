"""The questions, grade and practice commands never import textual or torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "answers" / "weak.yaml"

SCRIPT = """
import contextlib, io, sys
from interviewer.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print("CODE", code, "HEAVY", sorted(m for m in ("textual", "torch") if m in sys.modules))
print("LOADED", "interviewer.cli." + sys.argv[1] in sys.modules)
"""

COMMANDS = [
    ["questions", "--json"],
    ["grade", "--question", "dropout", "--answer", "it randomly drops units in training"],
    ["practice", "--answers", str(EXAMPLE), "--seed", "7"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_command_runs_without_textual_or_torch(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "CODE 0 HEAVY []" in done.stdout
    assert "LOADED True" in done.stdout


def test_the_check_would_see_a_heavy_import() -> None:
    script = SCRIPT.replace("import contextlib", "import torch, contextlib")
    done = subprocess.run(
        [sys.executable, "-c", script, *COMMANDS[0]], capture_output=True, text=True, timeout=300
    )
    assert "HEAVY ['torch']" in done.stdout
