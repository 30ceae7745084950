"""``interviewer grade``: grade one answer, or a batch of answers in JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.dialog.rules import Grader
    from interviewer.grading.result import GradeResult
    from interviewer.models import Question

__all__ = ["add_parser", "explain", "run"]

_QUESTION_KEYS = ("question_id", "question", "id")
_ANSWER_KEYS = ("answer", "response")


def add_parser(subparsers: Any) -> None:
    """Register the ``grade`` sub-command."""
    parser = subparsers.add_parser(
        "grade",
        help="grade an answer and explain the grade",
        description=(
            "Grade one answer (--question ID --answer TEXT) or a batch (--jsonl FILE, '-' for "
            'stdin, one {"question_id": ..., "answer": ...} object per line).'
        ),
    )
    parser.add_argument("--question", metavar="ID", help="the question's id (see 'questions')")
    parser.add_argument("--answer", metavar="TEXT", help="the answer to grade ('-' reads stdin)")
    parser.add_argument(
        "--answer-file", metavar="FILE", help="read the answer from a file (e.g. solution.py)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the seed that draws a computed question's numbers"
    )
    parser.add_argument("--jsonl", metavar="FILE", help="grade every line of a JSON Lines file")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument(
        "--full", action="store_true", help="with --jsonl: add the full result to each line"
    )
    parser.set_defaults(command="grade")


def _fail(message: str) -> int:
    print(f"interviewer grade: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Grade; 0 on success, 1 when some batch lines failed, 2 on bad arguments."""
    if args.jsonl is not None:
        if args.question is not None or args.answer is not None:
            return _fail("use either --jsonl or --question with --answer, not both")
        return _run_batch(args.jsonl, full=args.full)
    if args.answer is not None and args.answer_file is not None:
        return _fail("use either --answer or --answer-file, not both")
    if args.question is None or (args.answer is None and args.answer_file is None):
        return _fail("give --question ID and --answer TEXT (or --answer-file FILE), or --jsonl")
    if args.answer_file is not None:
        try:
            answer = Path(args.answer_file).read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            return _fail(f"cannot read {args.answer_file}: {exc.strerror}")
    elif args.answer == "-":
        answer = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:
        answer = args.answer
    from interviewer.loader import load_bank

    bank = load_bank()
    if args.question in bank.handson:
        from interviewer.handson.grade_output import print_handson

        return print_handson(bank.handson[args.question], args.seed, answer, as_json=args.json)
    try:
        question = bank.question(args.question)
    except KeyError as exc:
        return _fail(str(exc.args[0]))
    result = _grader().grade(question, answer)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(explain(question, result))
    return 0


def _grader() -> Grader:
    from interviewer.grading import default_grader

    grader: Grader = default_grader()
    return grader


def explain(question: Question, result: GradeResult) -> str:
    """A readable account of a grade: what was credited and why, what was missed."""
    from interviewer.grading.result import FLAGS

    wrap = textwrap.TextWrapper(width=100, subsequent_indent="      ")
    lines = [f"{question.id}: {question.ask}", "", f"Grade: {result.grade:.1f} / 5", ""]
    by_id = {c.id: c for c in question.concepts}
    if result.credited:
        lines.append("Credited:")
        for match in result.credited:
            words = ", ".join(f'"{s.text}"' for s in match.spans) or "(no span)"
            how = f"{match.method}, confidence {match.confidence:.2f}"
            lines.append(wrap.fill(f"  + {match.label}: {words} ({how})"))
    if result.missed:
        lines.append("Missed:")
        for match in result.missed:
            concept = by_id.get(match.concept_id)
            why = concept.missing_feedback if concept else match.note
            note = f" [{match.note}]" if match.note else ""
            lines.append(wrap.fill(f"  - {match.label}{note}: {why}"))
    if result.misconceptions:
        lines.append("Misconceptions:")
        for hit in result.misconceptions:
            words = ", ".join(f'"{s.text}"' for s in hit.spans) or f'"{hit.phrasing}"'
            lines.append(wrap.fill(f"  ! {hit.claim} ({words}, -{hit.penalty:g})"))
            lines.append(wrap.fill(f"    Correction: {hit.correction}"))
    lines += ["", f"Similarity to the reference answer: {result.similarity:.2f}"]
    lines.append(f"Weighted concept coverage: {result.coverage:.2f}")
    for flag in result.flags:
        lines.append(f"Flag {flag}: {FLAGS.get(flag, '')}")
    if result.feedback:
        lines += ["", wrap.fill(f"Feedback: {result.feedback}")]
    return "\n".join(lines)


def _lines(source: str) -> Iterator[tuple[int, bytes]]:
    if source == "-":
        yield from enumerate(sys.stdin.buffer, 1)
        return
    with Path(source).open("rb") as handle:
        yield from enumerate(handle, 1)


def _grade_line(raw: bytes, bank: Bank, grader: Grader, *, full: bool) -> dict[str, Any]:
    try:
        item = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {"error": "the line is not UTF-8 text"}
    except json.JSONDecodeError as exc:
        return {"error": f"not valid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(item, dict):
        return {"error": "each line must be a JSON object", "input": item}
    qid = next((item[k] for k in _QUESTION_KEYS if k in item), None)
    answer = next((item[k] for k in _ANSWER_KEYS if k in item), None)
    if not isinstance(qid, str) or not isinstance(answer, str):
        return {**item, "error": "the object needs a 'question_id' and an 'answer' (strings)"}
    try:
        question = bank.question(qid)
    except KeyError as exc:
        return {**item, "error": str(exc.args[0])}
    result = grader.grade(question, answer)
    out = {
        **item,
        "grade": result.grade,
        "credited": [c.concept_id for c in result.credited],
        "missed": [c.concept_id for c in result.missed],
        "misconceptions": [m.misconception_id for m in result.misconceptions],
        "flags": list(result.flags),
    }
    if full:
        out["result"] = result.to_dict()
    return out


def _run_batch(source: str, *, full: bool) -> int:
    if source != "-" and not Path(source).is_file():
        return _fail(f"no such file: {source}")
    from interviewer.loader import load_bank

    bank = load_bank()
    grader = _grader()
    failed = 0
    try:
        for number, raw in _lines(source):
            if not raw.strip():
                continue
            out = _grade_line(raw, bank, grader, full=full)
            if "error" in out:
                failed += 1
                out = {"line": number, **out}
            print(json.dumps(out, ensure_ascii=False), flush=True)
    except OSError as exc:
        return _fail(f"cannot read {source}: {exc.strerror}")
    if failed:
        print(f"interviewer grade: {failed} line(s) could not be graded", file=sys.stderr)
    return 1 if failed else 0
