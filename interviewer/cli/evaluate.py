"""``interviewer eval``: agreement with human graders on a short-answer dataset."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register ``eval``."""
    parser = subparsers.add_parser(
        "eval",
        help="measure grading agreement with human scores on a JSONL dataset",
        description=(
            "Draft a rubric from each question's reference answer, grade every answer and "
            "report Pearson, Spearman, RMSE and quadratic weighted kappa against the human "
            "scores, with a linear map fitted inside cross-validation folds (leave-one-split-"
            "out when lines carry 'split'). Lines need question, reference_answer, answer, "
            "score; question_id and split are optional."
        ),
    )
    parser.add_argument("path", type=Path, metavar="FILE.jsonl")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--per-question", action="store_true", help="list the agreement of every question"
    )
    parser.add_argument(
        "--no-concepts",
        action="store_true",
        help="skip drafting rubrics and grading with them (lexical signals only)",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip the peer-consensus system")


def run(args: argparse.Namespace) -> int:
    """Run the evaluation; 0 on success, 2 on unreadable data."""
    from interviewer.evaluation.agreement import measure_agreement
    from interviewer.evaluation.agreement_text import render_eval
    from interviewer.evaluation.dataset import load_items

    items = load_items(args.path)  # InterviewerError -> message and exit 2 in the dispatcher
    report = measure_agreement(items, use_concepts=not args.no_concepts, use_peer=not args.no_peer)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(render_eval(report, per_question=args.per_question))
    return 0
