"""Every test (and every subprocess it starts) keeps its sessions out of the user's directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    path = tmp_path_factory.mktemp("interviewer-data")
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(path))
    return path
