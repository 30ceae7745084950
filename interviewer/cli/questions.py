"""``interviewer questions``: list the question bank."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from interviewer.choices import LEVELS, TRACKS

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register the ``questions`` sub-command."""
    parser = subparsers.add_parser(
        "questions",
        help="list the question bank",
        description=(
            "List the bank's questions: id, kind (rubric, computed or code), level, topics, "
            "tracks and the question."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--level", choices=LEVELS, help="only questions of this level")
    parser.add_argument("--track", choices=TRACKS, help="only questions of this track")
    parser.add_argument("--topic", help="only questions with this topic")
    parser.set_defaults(command="questions")


def run(args: argparse.Namespace) -> int:
    """List the bank; 0 on success, 1 when the filters match nothing."""
    from interviewer.loader import load_bank

    bank = load_bank()
    rows = [
        {
            "id": q.id,
            "kind": q.kind,
            "level": q.level,
            "topics": list(q.topics),
            "tracks": list(q.tracks),
            "question": q.ask,
        }
        for q in [*bank.questions.values(), *bank.handson.values()]
        if (args.level is None or q.level == args.level)
        and (args.track is None or args.track in q.tracks)
        and (args.topic is None or args.topic in q.topics)
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0 if rows else 1
    if not rows:
        print("interviewer: no question matches these filters", file=sys.stderr)
        return 1
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        kind = "" if row["kind"] == "rubric" else f"  [{row['kind']}]"
        tags = f"{row['level']:<12} {','.join(row['tracks']):<15} {','.join(row['topics'])}{kind}"
        print(f"{row['id']:<{width}}  {tags}")
        print(f"{'':<{width}}  {row['question']}")
    print(f"\n{len(rows)} question{'s' if len(rows) != 1 else ''}")
    return 0
