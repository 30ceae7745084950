"""Grading a code exercise: run it in the sandbox, weigh the checks, explain each.

The grade is the weighted share of checks passed, out of 5. When the code does
not get as far as the checks (a syntax error, an exception, a limit), the
feedback says what happened and where, and no check passes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.handson.check_result import CheckOutcome, HandsOnResult
from interviewer.handson.sandbox import SandboxRun, run_code
from interviewer.models import CodeQuestion

__all__ = ["extract_code", "grade_code", "grade_run"]

_FENCE = re.compile(r"```(?:python|py)?[ \t]*\n(.*?)```", re.DOTALL)
_CODE_SIGNS = re.compile(r"[=()\[\]:]")
MAX_CODE = 50_000  # characters: an exercise needs a few dozen lines


def extract_code(answer: str) -> str:
    """The code in an answer: the fenced block(s) if there are any, else the whole text."""
    text = answer if isinstance(answer, str) else ""
    blocks = _FENCE.findall(text)
    return "\n".join(blocks) if blocks else text


def _where(run: SandboxRun) -> str:
    if not run.line:
        return ""
    return f" on line {run.line}" + (f" (`{run.line_text}`)" if run.line_text else "")


def _failure_text(run: SandboxRun, cpu_seconds: float, memory_mib: int) -> str:
    where = _where(run)
    during = f" while {run.during}" if run.during == "running the checks" else ""
    if run.status == "syntax_error":
        return f"Your code has a syntax error{where}: {run.error}. Nothing was run."
    if run.status == "exception":
        return f"Your code raised {run.error}{where}{during}."
    if run.status == "cpu_limit":
        return (
            f"Your code used up its {cpu_seconds:g} s of CPU time{where}{during}: an endless "
            "loop, or far more work than the exercise needs."
        )
    if run.status == "timeout":
        return (
            f"Your code did not finish ({run.error}): it may be waiting or sleeping "
            "forever. It was stopped."
        )
    if run.status == "memory":
        return (
            f"Your code tried to allocate more memory than the sandbox's {memory_mib:,} MiB"
            f"{where}{during}: {run.error}"
        )
    if run.status == "forbidden":
        return f"Your code did something the sandbox does not allow{where}: {run.error}"
    return f"The sandbox could not run your code: {run.error}"


def grade_run(question: CodeQuestion, run: SandboxRun, seed: int = 0) -> HandsOnResult:
    """Turn a sandbox run into a graded result with per-check feedback."""
    checks = tuple(
        CheckOutcome(
            name=str(c.get("name", "")),
            passed=bool(c.get("passed")),
            weight=float(c.get("weight", 1.0)),
            observed=str(c.get("observed", "")),
        )
        for c in run.checks
    )
    details = {"seconds": round(run.seconds, 3), "output": run.output}
    if run.status != "graded":
        text = _failure_text(run, question.cpu_seconds, question.memory_mib)
        if run.output.strip():
            text += "\n\nIt printed:\n\n" + _indent(run.output.strip())
        return HandsOnResult(
            question.id, "code", 0.0, checks, text, run.status, seed, details=details
        )
    total = sum(c.weight for c in checks) or 1.0
    passed = sum(c.weight for c in checks if c.passed)
    grade = round(5.0 * passed / total, 1)
    head = (
        f"{sum(c.passed for c in checks)} of {len(checks)} checks passed "
        f"({passed:g} of {total:g} by weight):"
    )
    lines = [
        f"- [{'PASS' if check.passed else 'FAIL'}] {check.name}: {check.observed}"
        for check in checks
    ]
    feedback = head + "\n\n" + "\n".join(lines)
    return HandsOnResult(
        question.id, "code", grade, checks, feedback, "graded", seed, details=details
    )


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines()[:20])


def _syntax_error(code: str) -> SandboxRun | None:
    """Compile (never run) the code here; a syntax error needs no sandbox."""
    try:
        compile(code, "solution.py", "exec")
    except SyntaxError as exc:
        lines = code.splitlines()
        line = exc.lineno if exc.lineno and 0 < exc.lineno <= len(lines) else None
        text = lines[line - 1].strip() if line else ""
        return SandboxRun("syntax_error", error=exc.msg, line=line, line_text=text)
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        return SandboxRun("syntax_error", error=f"it cannot be compiled ({type(exc).__name__})")
    return None


def grade_code(question: CodeQuestion, answer: str, seed: int = 0) -> HandsOnResult:
    """Run ``answer`` against the exercise's checks and grade it; never raises."""
    code = extract_code(answer)
    if not code.strip():
        return HandsOnResult(
            question.id, "code", 0.0, (), "There is no code to run.", "no_answer", seed
        )
    if len(code) > MAX_CODE:
        text = f"That is {len(code):,} characters; an exercise needs a few dozen lines."
        return HandsOnResult(question.id, "code", 0.0, (), text, "no_answer", seed)
    syntax = _syntax_error(code)
    if syntax is not None:  # no process needed to find it
        result = grade_run(question, syntax, seed)
        if "\n" not in code.strip() and not _CODE_SIGNS.search(code):
            advice = "It reads like prose: write the Python itself, or say 'skip'."
            result = replace(result, feedback=f"{result.feedback}\n\n{advice}")
        return result
    run = run_code(
        code,
        question.exercise,
        cpu_seconds=question.cpu_seconds,
        memory_mib=question.memory_mib,
    )
    return grade_run(question, run, seed)
