"""``interviewer resume [ID]``: continue an unfinished session exactly where it stopped.

Without ``--answers`` the app opens on the session; with it the session goes on
as a scripted ``practice`` run (the script continues from where it stood).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from interviewer.cli.store_args import add_data_dir

__all__ = ["add_parser", "add_script_options", "run"]


def add_script_options(parser: argparse.ArgumentParser) -> None:
    """``--answers``, ``--format`` and ``--out``, as ``practice`` has them."""
    parser.add_argument(
        "--answers",
        metavar="FILE",
        help="continue as a scripted run: a practice answers file, or - for one reply per "
        "line of standard input (default: open the app)",
    )
    parser.add_argument(
        "--format", choices=("md", "json"), default="md", dest="fmt", help="default: md"
    )
    parser.add_argument("--out", metavar="PATH", help="write here instead of stdout")


def add_parser(subparsers: Any) -> None:
    """Register the ``resume`` sub-command."""
    parser = subparsers.add_parser(
        "resume",
        help="continue an unfinished session (the latest without ID)",
        description="Continue an unfinished session exactly where it stopped: same question, "
        "probes, hints, seed and dialog state. Without ID, the latest unfinished one.",
    )
    parser.add_argument("id", nargs="?", help="a session id or a unique prefix of one")
    add_script_options(parser)
    add_data_dir(parser)
    parser.set_defaults(command="resume")


def _fail(message: str) -> int:
    print(f"interviewer resume: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Resume; 2 when there is nothing to resume or it cannot be."""
    from interviewer.cli.store_args import data_dir_of, open_cli_store
    from interviewer.store import StoreError

    try:
        store = open_cli_store(args, "resume", fallback=False)
        session_id = store.resolve(args.id)
        row = store.session(session_id)
    except StoreError as exc:
        return _fail(str(exc))
    if not args.answers:
        store.close()
        from interviewer.cli.ui import run_app
        from interviewer.ui.app import create_app
        from interviewer.ui.session_setup import options_of

        return run_app(create_app(options_of(row), data_dir=data_dir_of(args), resume=session_id))
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
    from interviewer.grading import default_grader
    from interviewer.loader import load_bank
    from interviewer.store import resume_interview

    bank = load_bank()
    try:
        script = open_script(args.answers, set(bank.questions) | set(bank.handson))
    except AnswersError as exc:
        return _fail(str(exc))
    echo = _echo if isinstance(script, StdinScript) else None
    try:
        interview, recorder, driver = resume_interview(
            store, session_id, bank, default_grader(), on_turn=echo
        )
    except StoreError as exc:
        return _fail(str(exc))
    script.seek(driver)
    play(interview, script, committer(recorder, script))
    code = emit(args, render(interview, args.fmt))
    store.close()
    return code
