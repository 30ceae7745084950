"""The core never imports textual or torch; only interviewer.ui may import textual."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    import interviewer
    skipped = []
    for info in pkgutil.walk_packages(interviewer.__path__, "interviewer."):
        if info.name.startswith("interviewer.ui") or info.name == "interviewer.__main__":
            skipped.append(info.name)
            continue
        importlib.import_module(info.name)
    heavy = sorted(m for m in ("textual", "torch") if m in sys.modules)
    print("HEAVY:" + ",".join(heavy))
    print("COUNT:" + str(len([m for m in sys.modules if m.startswith("interviewer.")])))
    """
)


def test_core_modules_import_neither_textual_nor_torch() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY:\n" in out, out
    imported = int(out.split("COUNT:")[1])
    # the walk really imported the core (models, loader, grading, cli, ...)
    assert imported >= 8, out


def test_the_purity_check_catches_a_heavy_import() -> None:
    """The check above would fail if a core module pulled torch in."""
    script = SCRIPT.replace("import interviewer\n", "import interviewer, torch\n")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY:torch" in out
