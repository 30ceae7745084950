"""The fitted grader of the built-in bank, cached on disk.

Fitting needs scikit-learn, whose import alone costs most of a second; a fitted
grader is plain data, so it is pickled in the user cache directory under a key
made of the package version, the grader's own source code, its parameters and
the bank's content.
``INTERVIEWER_NO_CACHE=1`` disables reading and writing it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from interviewer.grading.grader import RubricGrader
from interviewer.loader import Bank, load_bank
from interviewer.pickle_store import read_pickle, write_pickle

__all__ = ["cached_grader", "default_grader"]

_FORMAT = "grader-v1"
_MEMO: dict[str, RubricGrader] = {}


def _code_digest() -> bytes:
    """A digest of the grader's own source, so a changed grader never loads a stale pickle."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in ("grading", "text"):
        for path in sorted((root / package).glob("*.py")):
            try:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
            except OSError:
                continue
    return digest.digest()


def _bank_key(bank: Bank, grader: RubricGrader) -> str:
    from interviewer import __version__

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{grader!r}".encode())
    digest.update(_code_digest())
    for question in bank.questions.values():
        digest.update(question.model_dump_json().encode())
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def _cache_file(key: str) -> Path | None:
    if os.environ.get("INTERVIEWER_NO_CACHE"):
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("interviewer")) / f"grader-{key}.pickle"


def cached_grader(bank: Bank, grader: RubricGrader | None = None) -> RubricGrader:
    """A grader fitted on ``bank``, from memory or the disk cache when possible.

    Args:
        bank: The bank to fit on.
        grader: An unfitted grader carrying the parameters (default parameters if None).

    Returns:
        A fitted grader (the same object for the same bank and parameters within a process).
    """
    template = grader if grader is not None else RubricGrader()
    key = _bank_key(bank, template)
    if key in _MEMO:
        return _MEMO[key]
    path = _cache_file(key)
    fitted = _read(path) if path is not None else None
    if fitted is None:
        fitted = template.fit(bank)
        if path is not None:
            write_pickle(path, fitted)
    _MEMO[key] = fitted
    return fitted


def default_grader() -> RubricGrader:
    """The grader fitted on the built-in bank (cached in memory and on disk)."""
    return cached_grader(load_bank())


def _read(path: Path) -> RubricGrader | None:
    loaded = read_pickle(path, RubricGrader)
    return loaded if loaded is not None and hasattr(loaded, "calibration_") else None
