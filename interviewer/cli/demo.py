"""``interviewer demo [ID]``: run the PyTorch experiment behind a question."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

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
    parser.add_argument(
        "--no-plot", action="store_true", help="live demos: print a table instead of a chart"
    )


def run(args: argparse.Namespace) -> int:
    """Run the ``demo`` sub-command."""
    from interviewer.demos import DEMOS, run_demo
    from interviewer.handson.demo_links import DEMO_TITLES

    if not args.question_id:
        for demo in DEMOS.values():
            print(f"{demo.question_id:32} {demo.title}")
        for name, title in DEMO_TITLES.items():
            print(f"{name:32} {title} (live chart)")
        return 0
    if args.question_id in DEMO_TITLES:
        return _run_live(args.question_id, as_json=args.json, plot=not args.no_plot)
    if args.question_id not in DEMOS:
        known = ", ".join([*DEMOS, *DEMO_TITLES])
        print(f"interviewer: no demo for {args.question_id!r}; known: {known}", file=sys.stderr)
        return 2
    result = run_demo(args.question_id)
    if args.json:
        print(json.dumps({"question_id": result.question_id, "figures": result.figures}))
    else:
        print(f"# {result.title}\n\n{result.markdown}")
    return 0


def _run_live(name: str, *, as_json: bool, plot: bool) -> int:
    """Compute a live demo (torch in this process: the command line has no UI to keep alive)."""
    from interviewer.handson.live_demos import run_live_demo
    from interviewer.handson.plotting import demo_table, draw_demo

    data = run_live_demo(name)
    if as_json:
        print(json.dumps(data))
        return 0
    if plot:
        import plotext

        draw_demo(plotext, data)
        plotext.plotsize(min(plotext.terminal_width() or 100, 100), 25)
        plotext.show()
    else:
        print(f"# {data['title']}\n")
        print(demo_table(data))
    print()
    for note in data.get("notes", []):
        print(f"- {note}")
    return 0
