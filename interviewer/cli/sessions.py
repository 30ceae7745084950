"""``interviewer sessions``: every recorded session, newest first."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from interviewer.cli.store_args import add_data_dir

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``sessions`` sub-command."""
    parser = subparsers.add_parser(
        "sessions",
        help="list recorded sessions (id, date, track, mode, length, status, grade)",
        description="List the recorded sessions, newest first.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--status", choices=("active", "finished", "stopped"), help="only sessions with this status"
    )
    add_data_dir(parser)
    parser.set_defaults(command="sessions")


def run(args: argparse.Namespace) -> int:
    """Print the sessions; 2 when the store cannot be read."""
    from interviewer.cli.store_args import open_cli_store
    from interviewer.history_view import sessions_table
    from interviewer.store import StoreError

    try:
        store = open_cli_store(args, "sessions", fallback=False)
        rows = store.sessions(status=args.status)
    except StoreError as exc:
        print(f"interviewer sessions: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(sessions_table(rows))
    store.close()
    return 0
