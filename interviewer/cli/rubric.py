"""``interviewer rubric``: lint, test, draft, explain and try rubrics.

Each action's work lives in :mod:`interviewer.authoring`; this module only
parses arguments, prints and chooses the exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Register ``rubric`` and its actions."""
    parser = subparsers.add_parser(
        "rubric",
        help="author rubrics: lint, test, draft, explain, try",
        description="Tools for writing and checking rubrics (see rubrics/README.md).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    lint = actions.add_parser("lint", help="check rubric and flow files for schema/graph problems")
    lint.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or directories")
    lint.add_argument("--json", action="store_true", help="print the findings as JSON")
    lint.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    lint.add_argument(
        "--no-bank",
        action="store_true",
        help="do not resolve ids against the built-in bank when linting given paths",
    )
    lint.add_argument(
        "--sources",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="source texts the rubrics were written from: warn about copied runs of words "
        "(file or directory, repeatable)",
    )
    lint.add_argument(
        "--copied-words",
        type=int,
        default=8,
        metavar="N",
        help="with --sources, how many words in a row count as copied (default 8)",
    )

    test = actions.add_parser("test", help="grade every example answer against its range")
    test.add_argument("ids", nargs="*", metavar="ID", help="question ids (default: all)")
    _rubrics_option(test)
    test.add_argument("--json", action="store_true", help="print the results as JSON")
    test.add_argument("--failures", action="store_true", help="list failing examples only")
    test.add_argument(
        "--held-out",
        action="store_true",
        help="grade each question's examples with a grader fitted without that question",
    )
    test.add_argument(
        "--folds", type=int, default=5, help="folds of questions for --held-out (default 5)"
    )

    draft = actions.add_parser("draft", help="draft a starter rubric from a reference answer")
    draft.add_argument("--question", required=True, help="the question, as asked")
    draft.add_argument(
        "--reference", required=True, metavar="FILE", help="file with the reference answer, or -"
    )
    draft.add_argument("--id", dest="question_id", help="question id (default: from the question)")
    draft.add_argument("--topic", help="topic id of the file (default: from the question)")
    draft.add_argument("--out", type=Path, metavar="FILE", help="write here instead of stdout")
    draft.add_argument("--concepts", type=int, default=5, help="at most this many concepts")

    explain = actions.add_parser("explain", help="show the full breakdown of one grade")
    explain.add_argument("question_id", metavar="ID")
    explain.add_argument("--answer", required=True, help="the answer text, or - for stdin")
    _rubrics_option(explain)
    explain.add_argument("--json", action="store_true", help="print the breakdown as JSON")

    trial = actions.add_parser("try", help="type answers and watch the grade (Textual screen)")
    trial.add_argument("question_id", metavar="ID")
    _rubrics_option(trial)


def _rubrics_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rubrics",
        type=Path,
        action="append",
        metavar="PATH",
        help="rubric file or directory to use over the built-in bank (repeatable)",
    )


def _read_text(value: str, what: str) -> str | None:
    if value == "-":
        return sys.stdin.read()
    return value if what == "answer" else _read_file(Path(value))


def _read_file(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"interviewer rubric: cannot read {path}: {exc}", file=sys.stderr)
        return None


def _lint(args: argparse.Namespace) -> int:
    from interviewer.authoring.lint import lint_paths
    from interviewer.authoring.render import render_lint

    report = lint_paths(
        args.paths or None,
        with_bank=not args.no_bank,
        source_texts=args.sources,
        copied_words=args.copied_words,
    )
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(render_lint(report, quiet=args.quiet))
    return 1 if report.errors else 0


def _test(args: argparse.Namespace) -> int:
    from interviewer.authoring.context import load_authoring_bank, load_context
    from interviewer.authoring.examples import run_examples
    from interviewer.authoring.held_out import run_examples_held_out
    from interviewer.authoring.render import render_examples

    try:
        if args.held_out:
            bank = load_authoring_bank(args.rubrics)
            report = run_examples_held_out(bank, args.ids or None, folds=args.folds)
        else:
            context = load_context(args.rubrics)
            report = run_examples(context.bank, context.grader, args.ids or None)
    except (KeyError, ValueError) as exc:
        print(f"interviewer rubric test: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(render_examples(report, failures_only=args.failures))
    return 1 if report.failures or not report.outcomes else 0


def _draft(args: argparse.Namespace) -> int:
    from interviewer.authoring.draft import draft_rubric
    from interviewer.authoring.yaml_io import draft_to_yaml
    from interviewer.bank import Bank
    from interviewer.errors import BankLoadError
    from interviewer.loader import load_bank

    reference = _read_text(args.reference, "reference")
    if reference is None:
        return 2
    try:
        bank = load_bank()
    except BankLoadError:
        bank = Bank()
    try:
        draft = draft_rubric(
            args.question,
            reference,
            bank=bank,
            question_id=args.question_id,
            max_concepts=max(1, args.concepts),
        )
    except ValueError as exc:
        print(f"interviewer rubric draft: {exc}", file=sys.stderr)
        return 2
    text = draft_to_yaml(draft, topic=args.topic)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"interviewer rubric draft: cannot write {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({len(draft.concepts)} concepts); next: interviewer rubric lint")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from interviewer.authoring.context import load_context
    from interviewer.authoring.explain import explain
    from interviewer.authoring.render import render_breakdown

    answer = _read_text(args.answer, "answer")
    if answer is None:
        return 2
    context = load_context(args.rubrics)
    try:
        question = context.bank.question(args.question_id)
    except KeyError as exc:
        print(f"interviewer rubric explain: {exc.args[0]}", file=sys.stderr)
        return 2
    breakdown = explain(context.grader, question, answer)
    if args.json:
        print(json.dumps(breakdown.to_dict(), indent=2))
    else:
        print(render_breakdown(breakdown, color=sys.stdout.isatty()))
    return 0


def _try(args: argparse.Namespace) -> int:
    from interviewer.authoring.context import load_context

    context = load_context(args.rubrics)
    try:
        question = context.bank.question(args.question_id)
    except KeyError as exc:
        print(f"interviewer rubric try: {exc.args[0]}", file=sys.stderr)
        return 2
    from interviewer.ui.rubric_try import rubric_try_app

    path, _ = context.files[question.id]
    rubric_try_app(question, context.grader, path).run()
    return 0


_ACTIONS = {"lint": _lint, "test": _test, "draft": _draft, "explain": _explain, "try": _try}


def run(args: argparse.Namespace) -> int:
    """Run the chosen ``rubric`` action; return the exit code."""
    action = _ACTIONS.get(getattr(args, "action", None) or "")
    if action is None:
        print("usage: interviewer rubric {lint,test,draft,explain,try} ...", file=sys.stderr)
        return 2
    return action(args)
