"""Printing one graded hands-on answer for ``interviewer grade``."""

from __future__ import annotations

import json

from interviewer.handson.dispatch import grade_handson, wording
from interviewer.models import CodeQuestion, ComputedQuestion

__all__ = ["explain_handson", "print_handson"]


def explain_handson(question: ComputedQuestion | CodeQuestion, seed: int, answer: str) -> str:
    """Grade an answer and explain the grade in plain text."""
    result = grade_handson(question, seed, answer)
    lines = [f"{question.id} ({question.kind}, seed {seed}):", wording(question, seed), ""]
    lines += [f"Grade: {result.grade:.1f} / 5", "", result.feedback]
    return "\n".join(lines)


def print_handson(
    question: ComputedQuestion | CodeQuestion, seed: int, answer: str, *, as_json: bool
) -> int:
    """Grade and print (as text or JSON); returns the exit code, 0."""
    if as_json:
        result = grade_handson(question, seed, answer)
        data = {"question": wording(question, seed), **result.to_dict()}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(explain_handson(question, seed, answer))
    return 0
