"""``interviewer demo [ID]``: run the PyTorch experiment behind a question."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from interviewer.demos import DEMOS, run_demo

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``demo`` sub-command."""
    parser = subparsers.add_parser(
        "demo",
        help="run a small PyTorch experiment that backs a question's answer",
        description="Without an ID, list the demos. With one, run it and print what it measured.",
    )
    parser.add_argument("question_id", nargs="?", help="the question whose demo to run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    """Run the ``demo`` sub-command."""
    if not args.question_id:
        for demo in DEMOS.values():
            print(f"{demo.question_id:32} {demo.title}")
        return 0
    if args.question_id not in DEMOS:
        known = ", ".join(DEMOS)
        print(f"interviewer: no demo for {args.question_id!r}; known: {known}", file=sys.stderr)
        return 2
    result = run_demo(args.question_id)
    if args.json:
        print(json.dumps({"question_id": result.question_id, "figures": result.figures}))
    else:
        print(f"# {result.title}\n\n{result.markdown}")
    return 0
