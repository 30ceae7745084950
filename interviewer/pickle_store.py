"""Read and write the on-disk caches (the validated bank, the fitted grader).

A cache file is written to a temporary name and renamed, so a reader never
sees half a file; any file that cannot be read back is treated as absent.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TypeVar

__all__ = ["read_pickle", "write_pickle"]

T = TypeVar("T")


def read_pickle(path: Path, kind: type[T]) -> T | None:
    """Return the object pickled at ``path`` if it is a ``kind``, else None."""
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return loaded if isinstance(loaded, kind) else None


def write_pickle(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
