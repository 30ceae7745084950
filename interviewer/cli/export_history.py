"""``interviewer export-history FILE.json``: every session, turn, grade and review card."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from interviewer.cli.store_args import add_data_dir

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``export-history`` sub-command."""
    parser = subparsers.add_parser(
        "export-history",
        help="write the whole history (sessions, turns, grades, review state) to a JSON file",
        description="Write the whole history to FILE.json, for import-history on another machine.",
    )
    parser.add_argument("file", metavar="FILE.json")
    add_data_dir(parser)
    parser.set_defaults(command="export-history")


def run(args: argparse.Namespace) -> int:
    """Export; 2 when the store cannot be read or the file written."""
    from interviewer.cli.store_args import open_cli_store
    from interviewer.store import StoreError
    from interviewer.store.transfer import export_history

    try:
        store = open_cli_store(args, "export-history", fallback=False)
        document = export_history(store)
    except StoreError as exc:
        print(f"interviewer export-history: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(
            f"interviewer export-history: cannot write {args.file}: {exc.strerror}", file=sys.stderr
        )
        return 2
    print(
        f"exported {len(document['sessions'])} session(s) and "
        f"{len(document['review_items'])} review item(s) to {args.file}"
    )
    return 0
