"""``interviewer import-history FILE.json``: add an exported history to this machine's."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from interviewer.cli.store_args import add_data_dir

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``import-history`` sub-command."""
    parser = subparsers.add_parser(
        "import-history",
        help="add a history written by export-history (sessions already here are kept)",
        description="Add the sessions, turns, grades and review state of FILE.json.",
    )
    parser.add_argument("file", metavar="FILE.json")
    add_data_dir(parser)
    parser.set_defaults(command="import-history")


def run(args: argparse.Namespace) -> int:
    """Import; 2 for an unreadable file or a store that cannot be written (nothing imported)."""
    from interviewer.cli.store_args import open_cli_store
    from interviewer.store import StoreError
    from interviewer.store.transfer import import_history

    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except OSError as exc:
        print(
            f"interviewer import-history: cannot read {args.file}: {exc.strerror}", file=sys.stderr
        )
        return 2
    except ValueError as exc:
        print(f"interviewer import-history: {args.file} is not JSON ({exc})", file=sys.stderr)
        return 2
    try:
        store = open_cli_store(args, "import-history", fallback=False)
        added = import_history(store, document)
    except StoreError as exc:
        print(f"interviewer import-history: {args.file}: {exc}", file=sys.stderr)
        return 2
    print(", ".join(f"{n} {table}" for table, n in added.items()) + " added")
    return 0
