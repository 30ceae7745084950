"""Plain-text rendering of the authoring reports (lint, test, explain)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.authoring.examples import ExamplesReport
    from interviewer.authoring.explain import Breakdown
    from interviewer.authoring.lint import LintReport

__all__ = ["render_breakdown", "render_examples", "render_lint"]

_BOLD_GREEN = "\x1b[1;32m"
_BOLD_RED = "\x1b[1;31m"
_STRIKE_YELLOW = "\x1b[9;33m"
_RESET = "\x1b[0m"


def render_lint(report: LintReport, *, quiet: bool = False) -> str:
    """Findings as ``file:line: severity: field: message`` plus the fix, and a summary."""
    lines = []
    for problem in report.problems:
        if quiet and problem.severity != "error":
            continue
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        field = f" {problem.field}:" if problem.field else ""
        lines.append(f"{where}: {problem.severity}:{field} {problem.message}")
        lines.append(f"    fix: {problem.fix}")
    errors, warnings = len(report.errors), len(report.warnings)
    files = len(report.files)
    verdict = "FAILED" if errors else "ok"
    lines.append(
        f"lint {verdict}: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)} in {files} file{'s' * (files != 1)}"
    )
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_examples(report: ExamplesReport, *, failures_only: bool = False) -> str:
    """The example table (one row per example) and the agreement summary."""
    header = f"{'':4} {'question':34} {'kind':13} {'expected':>10} {'actual':>6}  breakdown"
    lines = [header, "-" * len(header)]
    for outcome in report.outcomes:
        if failures_only and outcome.passed:
            continue
        low, high = outcome.expected
        mark = "ok" if outcome.passed else "FAIL"
        lines.append(
            f"{mark:4} {_clip(outcome.question_id, 34):34} {outcome.kind:13} "
            f"{f'[{low:g}, {high:g}]':>10} {outcome.actual:6.1f}  {_clip(outcome.summary, 60)}"
        )
    summary = report.summary()
    if not report.outcomes:
        return "no example answers to test: add graded examples (see rubrics/README.md)"
    lines.append("")
    lines.append(
        f"{summary['passed']}/{summary['examples']} examples in range "
        f"({summary['agreement']:.0%}); Spearman {summary['spearman']:.3f}; "
        f"MAE {summary['mae']:.2f} (distance to the expected range midpoint)"
    )
    if report.held_out_folds:
        lines.append(
            f"held out: {report.held_out_folds} folds of questions, each graded by a "
            "grader fitted without it"
        )
    if report.failures:
        lines.append("worst misses:")
        for outcome in report.worst(5):
            lines.append(
                f"  {outcome.question_id} [{outcome.kind}] expected "
                f"[{outcome.expected[0]:g}, {outcome.expected[1]:g}], got {outcome.actual:.1f} "
                f"(off by {outcome.miss:.1f}): {_clip(outcome.answer, 70)}"
            )
    return "\n".join(lines)


def _highlight(text: str, marks: list[tuple[int, int, str]], color: bool) -> str:
    out, position = [], 0
    for start, end, kind in sorted(marks):
        if start < position:
            continue
        out.append(text[position:start])
        word = text[start:end]
        if color:
            style = {"credit": _BOLD_GREEN, "wrong": _BOLD_RED}.get(kind, _STRIKE_YELLOW)
            out.append(f"{style}{word}{_RESET}")
        else:
            out.append({"credit": f"[{word}]", "wrong": f"{{{word}}}"}.get(kind, f"~{word}~"))
        position = end
    out.append(text[position:])
    return "".join(out)


def render_breakdown(breakdown: Breakdown, *, color: bool = False) -> str:
    """The whole explanation of one grade, the answer with matched words marked."""
    result = breakdown.result
    lines = [
        f"{result.question_id}: grade {result.grade:.1f} / 5",
        "",
        "answer ("
        + (
            "green: credited, red: wrong claim, struck: denied"
            if color
            else "[credited] {wrong claim} ~denied~"
        )
        + "):",
        "  " + _highlight(breakdown.answer, breakdown.marks(), color),
        "",
        "concepts:",
    ]
    for row in breakdown.concept_rows():
        lines.append(f"  {row}")
    lines.append("")
    if breakdown.misconception_rows():
        lines.append("misconceptions:")
        lines.extend(f"  {row}" for row in breakdown.misconception_rows())
    else:
        lines.append("misconceptions: none found")
    lines.append(f"similarity to the reference: {result.similarity:.2f}")
    lines.append(f"coverage (weighted share credited): {result.coverage:.2f}")
    if result.flags:
        lines.append("flags: " + "; ".join(breakdown.flag_rows()))
    lines.append("")
    lines.append("how the grade was composed:")
    lines.extend(f"  {row}" for row in breakdown.composition_rows())
    if result.feedback:
        lines.append("")
        lines.append(f"feedback: {result.feedback}")
    return "\n".join(lines)
