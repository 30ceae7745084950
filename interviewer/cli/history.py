"""``interviewer history [ID]``: progress over all sessions, or one session in full."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from interviewer.cli.store_args import add_data_dir

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``history`` sub-command."""
    parser = subparsers.add_parser(
        "history",
        help="your progress: grade per topic over time, most-missed concepts; or one session",
        description="Without ID: the sessions, a chart of the grade per topic over time and "
        "the concepts missed most often. With ID (or a unique prefix): that session's "
        "transcript and report.",
    )
    parser.add_argument("id", nargs="?", help="a session id or a unique prefix of one")
    parser.add_argument("--limit", type=int, default=10, help="most-missed concepts shown")
    add_data_dir(parser)
    parser.set_defaults(command="history")


def run(args: argparse.Namespace) -> int:
    """Print the history; 2 when the store cannot be read or the id is unknown."""
    from interviewer.cli.store_args import open_cli_store
    from interviewer.history_view import missed_markdown, sessions_table, topic_chart
    from interviewer.loader import load_bank
    from interviewer.store import StoreError
    from interviewer.store.history import load_transcript, most_missed, topic_series

    try:
        store = open_cli_store(args, "history", fallback=False)
        bank = load_bank()
        if args.id:
            transcript, report = load_transcript(store, store.resolve(args.id, status=None), bank)
            sys.stdout.write(transcript.to_markdown() + "\n" + report.to_markdown())
            return 0
        rows = store.sessions()
        parts = [
            "# Sessions\n\n" + sessions_table(rows),
            "# Grade per topic over time\n\n" + topic_chart(topic_series(store, bank)),
            "# Concepts missed most often\n\n"
            + missed_markdown(most_missed(store, bank, args.limit)),
        ]
    except StoreError as exc:
        print(f"interviewer history: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write("\n".join(parts))
    return 0
