"""What the commands that read or write the session store share: ``--data-dir`` and opening it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.store import Store

__all__ = ["add_data_dir", "data_dir_of", "open_cli_store"]


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Add ``--data-dir`` (overrides INTERVIEWER_DATA_DIR and the platform default)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the session database lives (default: $INTERVIEWER_DATA_DIR, "
        "else the user data directory)",
    )


def data_dir_of(args: Any) -> Path:
    """The data directory the command line asks for."""
    from interviewer.store.paths import default_data_dir

    given = getattr(args, "data_dir", None)
    return Path(given).expanduser() if given else default_data_dir()


def open_cli_store(args: Any, command: str, *, fallback: bool) -> Store:
    """Open the store; with ``fallback`` a failure prints a warning and gives a memory store.

    Raises:
        StoreError: without ``fallback``, when the database cannot be used.
    """
    from interviewer.store import open_store

    store = open_store(data_dir_of(args), fallback=fallback)
    if store.warning:
        print(f"interviewer {command}: warning: {store.warning}", file=sys.stderr)
    return store
