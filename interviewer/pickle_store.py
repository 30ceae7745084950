"""Read and write the on-disk caches (the validated bank and its files, the fitted grader).

A cache file is written to a temporary name and renamed, so a reader never
sees half a file; any file that cannot be read back is treated as absent.
:func:`cache_path` is the one place a cache file's name is made from what it
depends on; ``INTERVIEWER_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_path", "read_pickle", "write_pickle"]

T = TypeVar("T")

# New objects from one read above which they are frozen out of garbage collection.
_FREEZE_AFTER = 500_000


def cache_path(kind: str, *parts: bytes | str) -> Path | None:
    """Where a cache of ``kind`` built from exactly ``parts`` is kept, or None when caching is off.

    The name hashes the package version with every part, each part ended by a
    NUL so that no two lists of parts collide; whatever the cached value depends
    on (file contents, schema source, parameters) must be among the parts.
    """
    if os.environ.get("INTERVIEWER_NO_CACHE"):
        return None
    from interviewer import __version__

    digest = hashlib.sha256(f"{kind}\0{__version__}\0".encode())
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("interviewer")) / f"{kind}-{digest.hexdigest()[:24]}.pickle"


def read_pickle(path: Path, kind: type[T]) -> T | None:
    """Return the object pickled at ``path`` if it is a ``kind``, else None.

    The cyclic garbage collector is paused while reading: a large bank is
    hundreds of thousands of new objects, none of them garbage, and the
    collections they would trigger cost more than the reading itself. After a
    read that large (a bank of thousands of questions) the objects then alive are
    frozen (:func:`gc.freeze`): collections no longer walk the bank, which lives as
    long as the process.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None
    finally:
        if paused:
            if gc.get_count()[0] > _FREEZE_AFTER:
                gc.freeze()
            gc.enable()
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
