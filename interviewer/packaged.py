"""Where the built-in data files (the rubrics and the dialogs) are."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["packaged_data_dir"]


def packaged_data_dir(kind: str) -> Path:
    """Return the directory of the built-in ``rubrics`` or ``dialogs``.

    Installed wheels carry them as ``interviewer/_data/<kind>``; a source
    checkout (or an editable install) has them at the repository root.
    """
    packaged = Path(str(resources.files("interviewer"))) / "_data" / kind
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / kind
