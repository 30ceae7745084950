"""``interviewer ui``: open the Textual app (also what ``interviewer`` alone does).

textual is imported inside :func:`run` only, so the other commands never pay for it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from interviewer.cli.store_args import add_data_dir, data_dir_of
from interviewer.cli.track_option import add_track_option

if TYPE_CHECKING:
    from interviewer.ui.app import InterviewerApp

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``ui`` sub-command.

    Args:
        subparsers: The object returned by ``ArgumentParser.add_subparsers``.
    """
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ui",
        help="open the interactive interview app (the default command)",
        description=(
            "Open the interview app. With --track it goes straight to the interview; "
            "otherwise the start screen lets you choose, with these options preselected."
        ),
    )
    add_track_option(parser, default=None, help="the interview (no start screen)", strict=True)
    parser.add_argument(
        "--mode",
        choices=["practice", "interview"],
        default="practice",
        help="practice: feedback after every answer; interview: only in the report",
    )
    parser.add_argument(
        "--length",
        choices=["short", "full"],
        default="short",
        help="short: about 8 questions; full: about 20",
    )
    parser.add_argument("--seed", type=int, help="fix the question draw (default: random)")
    parser.add_argument(
        "--no-clock",
        action="store_true",
        help="no countdown per answer (the flow's time targets are not applied)",
    )
    add_data_dir(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the app until the candidate quits; return the exit code."""
    from interviewer.choices import TRACKS, Track
    from interviewer.ui.app import create_app
    from interviewer.ui.interview_session import SessionOptions

    # A track runs its own flow; another name (handson) is a flow of the general track.
    track: Track = args.track if args.track in TRACKS else "general"
    options = SessionOptions(
        track=track,
        mode=args.mode,
        length=args.length,
        seed=args.seed,
        flow=None if args.track in TRACKS else args.track,
        clock=not args.no_clock,
    )
    return run_app(
        create_app(options, skip_start=args.track is not None, data_dir=data_dir_of(args))
    )


def run_app(app: InterviewerApp) -> int:
    """Run the app; whatever happens, save every session and close the store."""
    try:
        app.run()
    finally:
        app.save_all()
        app.close_store()
    return 0
