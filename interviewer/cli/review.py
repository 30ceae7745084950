"""``interviewer review``: a short session of the questions and concepts due for review.

Items are scheduled with FSRS (see :mod:`interviewer.store.review`). Without
``--answers`` the app opens on the review; with it the review runs scripted.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from interviewer.cli.resume import add_script_options
from interviewer.cli.store_args import add_data_dir

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``review`` sub-command."""
    parser = subparsers.add_parser(
        "review",
        help="review the questions and concepts due (spaced repetition with FSRS)",
        description="Ask the questions whose review is due (weak answers and missed concepts "
        "from earlier sessions), grade them as usual, and reschedule them.",
    )
    parser.add_argument("--limit", type=int, default=5, help="questions at most (default: 5)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    parser.add_argument(
        "--mode", choices=("practice", "interview"), default="practice", help="default: practice"
    )
    add_script_options(parser)
    add_data_dir(parser)
    parser.set_defaults(command="review")


def _fail(message: str) -> int:
    print(f"interviewer review: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Run the review; 0 also when nothing is due (it says so)."""
    from interviewer.cli.store_args import data_dir_of, open_cli_store
    from interviewer.loader import load_bank
    from interviewer.store import StoreError
    from interviewer.store.plan import MAX_REVIEW, review_flow
    from interviewer.store.review import due_items

    if not 1 <= args.limit <= MAX_REVIEW:
        return _fail(f"--limit must be between 1 and {MAX_REVIEW}")
    try:
        store = open_cli_store(args, "review", fallback=False)
        bank = load_bank()
        flow = review_flow(bank, due_items(store), args.limit)
    except StoreError as exc:
        return _fail(str(exc))
    if flow is None:
        print("Nothing is due for review. Practise a session and weak answers come back here.")
        return 0
    if not args.answers:
        store.close()
        from interviewer.cli.ui import run_app
        from interviewer.ui.app import create_app

        return run_app(create_app(data_dir=data_dir_of(args), review=args.limit))
    from interviewer.cli.practice import (
        AnswersError,
        StdinScript,
        _echo,
        committer,
        emit,
        open_script,
        play,
        render,
    )
    from interviewer.dialog import Interview, SessionOptions
    from interviewer.grading import default_grader
    from interviewer.store import Recorder

    try:
        script = open_script(args.answers, set(bank.questions) | set(bank.handson))
    except AnswersError as exc:
        return _fail(str(exc))
    echo = _echo if isinstance(script, StdinScript) else None
    config = SessionOptions(seed=args.seed, length="short", mode=args.mode)
    interview = Interview(bank, flow, default_grader(), config, on_turn=echo)
    recorder = Recorder(
        store,
        store.new_session_id("review", args.mode),
        interview,
        bank,
        source="review",
        flow_def=json.loads(flow.model_dump_json()),
    )
    play(interview, script, committer(recorder, script))
    code = emit(args, render(interview, args.fmt))
    store.close()
    return code
