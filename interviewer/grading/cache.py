"""The fitted grader of a bank, cached in memory and on disk.

Fitting needs scikit-learn, whose import alone costs most of a second; a fitted
grader is plain data, so it is pickled in the user cache directory under a key
made of the package version, the grader's own source code, its parameters and
the bank's content (:func:`interviewer.pickle_store.cache_path`).
``INTERVIEWER_NO_CACHE=1`` disables reading and writing it.

:func:`cached_grader` always gives the grader a full :meth:`RubricGrader.fit` on
the bank would. :func:`authoring_grader`, for the rubric tools, answers an edit
fast: it takes the last full fit with the same parameters and refits only what
the edit changed (:meth:`RubricGrader.partial_fit`).
"""

from __future__ import annotations

import copy
import hashlib
from functools import cache
from pathlib import Path

from interviewer.bank import Bank
from interviewer.grading.grader import RubricGrader
from interviewer.pickle_store import cache_path, read_pickle, write_pickle

__all__ = ["authoring_grader", "cached_grader", "default_grader"]

_FORMAT = "grader-v2"
_MEMO: dict[str, RubricGrader] = {}
# The last full fit per parameters (the base an authoring refit starts from).
_LATEST: dict[str, RubricGrader] = {}


@cache
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
    for name in ("models.py", "bank.py"):
        try:
            digest.update(name.encode() + b"\0" + (root / name).read_bytes())
        except OSError:
            continue
    return digest.digest()


def _bank_digest(bank: Bank) -> bytes:
    """A digest of every question's id and content, in order.

    A question the loader made is named by the loader's digest of it (its file's
    bytes and its place there), without serialising it again.
    """
    digest = hashlib.sha256()
    for qid, question in bank.questions.items():
        known = bank.content_digest(qid)
        if known is not None:
            digest.update(b"loaded\0" + qid.encode() + b"\0" + known.encode())
        else:
            digest.update(b"json\0" + question.model_dump_json().encode())
        digest.update(b"\0")
    return digest.digest()


def _cache_file(bank: Bank, grader: RubricGrader) -> tuple[str, Path | None]:
    """The memo key of a grader fitted on ``bank`` with ``grader``'s parameters, and its file."""
    parts = (_FORMAT, repr(grader), _code_digest(), _bank_digest(bank))
    path = cache_path("grader", *parts)
    key = hashlib.sha256(b"\0".join(p.encode() if isinstance(p, str) else p for p in parts))
    return key.hexdigest(), path


def _latest_file(grader: RubricGrader) -> Path | None:
    """Where the name of the last full fit's file with ``grader``'s parameters is kept."""
    return cache_path("latest-grader", _FORMAT, repr(grader), _code_digest())


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
            latest = _latest_file(template)
            if latest is not None:
                write_pickle(latest, str(path))
    _MEMO[key] = fitted
    _LATEST[repr(template)] = fitted
    return fitted


def authoring_grader(bank: Bank, grader: RubricGrader | None = None) -> RubricGrader:
    """A grader for the rubric tools: a full fit if one is cached, else a fast refit.

    With no full fit of exactly this bank at hand, the last full fit with the
    same parameters (in this process or on disk) is refitted on what changed
    (:meth:`RubricGrader.partial_fit`): an edit to one rubric answers in well
    under a second. With no earlier fit at all, the bank is fitted in full.

    Args:
        bank: The bank, as edited.
        grader: An unfitted grader carrying the parameters (default parameters if None).
    """
    template = grader if grader is not None else RubricGrader()
    key, path = _cache_file(bank, template)
    if key in _MEMO:
        return _MEMO[key]
    exact = _read(path) if path is not None else None
    if exact is not None:
        _MEMO[key] = exact
        return exact
    base = _LATEST.get(repr(template))
    if base is None:
        latest = _latest_file(template)
        name = read_pickle(latest, str) if latest is not None else None
        base = _read(Path(name)) if name is not None else None
    if base is None:
        return cached_grader(bank, template)
    return copy.copy(base).partial_fit(bank)


def default_grader() -> RubricGrader:
    """The grader fitted on the built-in bank (cached in memory and on disk)."""
    from interviewer.loader import load_bank

    return cached_grader(load_bank())


def _read(path: Path) -> RubricGrader | None:
    loaded = read_pickle(path, RubricGrader)
    if loaded is None or not hasattr(loaded, "calibration_rows_"):
        return None
    return loaded
