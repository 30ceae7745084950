"""Turns saved by earlier versions: what they lack, filled in when they are read.

A turn now carries the text its grade was computed on (``graded_text``) and, for
feedback, whether the question closed with it (``closed``). Transcripts and
stored sessions written before kept neither; :func:`upgrade_turns` derives both
from the turns around them, so old data reads as new data does.
"""

from __future__ import annotations

from typing import Any

__all__ = ["upgrade_turns"]

# Interviewer turns that keep a question open after its feedback: a hint for a retry, a probe.
_KEEPS_OPEN = frozenset({"hint", "probe"})


def upgrade_turns(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The saved turn dicts with ``graded_text`` and ``closed`` filled in where missing.

    A graded answer was graded on its own text (``graded_on: this answer``) or on
    the question's answers so far joined by newlines (``all answers``). Feedback
    closed its question unless a hint or a probe followed before the candidate's
    next turn. Dicts that have the fields, and turns they do not apply to, are
    returned as they are.
    """
    upgraded: list[dict[str, Any]] = []
    answers: dict[str | None, list[str]] = {}
    for index, item in enumerate(items):
        if item.get("role") == "candidate" and item.get("kind") == "answer":
            said = answers.setdefault(item.get("question_id"), [])
            said.append(str(item.get("text", "")))
            if item.get("grade") and "graded_text" not in item:
                on = (item.get("meta") or {}).get("graded_on")
                item = {**item, "graded_text": "\n".join(said) if on == "all answers" else said[-1]}
        elif item.get("kind") == "feedback" and "closed" not in item:
            item = {**item, "closed": _closes(items[index + 1 :])}
        upgraded.append(item)
    return upgraded


def _closes(after: list[dict[str, Any]]) -> bool:
    for item in after:
        if item.get("role") == "candidate":
            return True
        if item.get("kind") in _KEEPS_OPEN:
            return False
    return True
