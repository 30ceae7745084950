"""Fixtures of the UI tests: a frozen bank, a frozen clock, an app factory, helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import DATA, FIXED_NOW

from interviewer.bank import Bank
from interviewer.loader import load_bank
from interviewer.ui.app import InterviewerApp, create_app
from interviewer.ui.clock import ManualClock
from interviewer.ui.interview_session import SessionOptions


@pytest.fixture(scope="session")
def ui_bank() -> Bank:
    """The tiny bank under tests/ui/data."""
    return load_bank(
        rubric_paths=[DATA / "ui_bank.yaml"],
        dialog_paths=[DATA / "ui_general.yaml", DATA / "ui_cv.yaml"],
    )


MakeApp = Callable[..., InterviewerApp]


@pytest.fixture(scope="session")
def real_grader(ui_bank: Bank) -> Any:
    """The real grader, fitted on the tiny bank (not from the disk cache: always current)."""
    from interviewer.grading import RubricGrader

    return RubricGrader().fit(ui_bank)


@pytest.fixture
def make_app(ui_bank: Bank, real_grader: Any, tmp_path: Path) -> MakeApp:
    """Build the app on the tiny bank, real grader, frozen clock; keywords override."""

    def make(**overrides: Any) -> InterviewerApp:
        settings: dict[str, Any] = {
            "options": SessionOptions(track="general", mode="practice", length="short", seed=7),
            "bank": ui_bank,
            "grader": real_grader,
            "clock": ManualClock(),
            "data_dir": tmp_path / "data",
            "now": lambda: FIXED_NOW,
        }
        settings.update(overrides)
        options = settings.pop("options")
        return create_app(options, **settings)

    return make
