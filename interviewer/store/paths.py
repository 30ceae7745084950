"""Where the user's data lives."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_DIR_ENV", "default_data_dir"]

DATA_DIR_ENV = "INTERVIEWER_DATA_DIR"


def default_data_dir() -> Path:
    """The per-user data directory (platformdirs' user data dir).

    ``INTERVIEWER_DATA_DIR`` overrides it, which is how tests and benchmarks
    keep their files out of the user's directory (``--data-dir`` overrides both).
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("interviewer", appauthor=False))
