"""The fitted grader of the built-in bank, cached on disk.

Fitting needs scikit-learn, whose import alone costs most of a second; a fitted
grader is plain data, so it is pickled in the user cache directory under a key
made of the package version, the grader's own source code, its parameters and
the bank's content.
``INTERVIEWER_NO_CACHE=1`` disables reading and writing it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from interviewer.bank import Bank
from interviewer.grading.grader import RubricGrader
from interviewer.loader import load_bank
from interviewer.pickle_store import cache_path, read_pickle, write_pickle

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


def _cache_file(bank: Bank, grader: RubricGrader) -> tuple[str, Path | None]:
    """The memo key of a grader fitted on ``bank`` with ``grader``'s parameters, and its file."""
    digest = hashlib.sha256()
    for question in bank.questions.values():
        digest.update(question.model_dump_json().encode())
        digest.update(b"\0")
    parts = (_FORMAT, repr(grader), _code_digest(), digest.digest())
    path = cache_path("grader", *parts)
    key = hashlib.sha256(b"\0".join(p.encode() if isinstance(p, str) else p for p in parts))
    return key.hexdigest(), path


def cached_grader(bank: Bank, grader: RubricGrader | None = None) -> RubricGrader:
    """A grader fitted on ``bank``, from memory or the disk cache when possible.

    Args:
        bank: The bank to fit on.
        grader: An unfitted grader carrying the parameters (default parameters if None).

    Returns:
        A fitted grader (the same object for the same bank and parameters within a process).
    """
    template = grader if grader is not None else RubricGrader()
    key, path = _cache_file(bank, template)
    if key in _MEMO:
        return _MEMO[key]
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
