"""Every test (and every subprocess it starts) keeps its sessions out of the user's directory;
the built-in bank and its fitted grader are shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader, default_grader
from interviewer.loader import load_bank


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The built-in bank."""
    return load_bank()


@pytest.fixture(scope="module")
def grader() -> RubricGrader:
    """The default grader, fitted on the built-in bank."""
    return default_grader()


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    path = tmp_path_factory.mktemp("interviewer-data")
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(path))
    return path
