"""The human-graded dataset of ``interviewer eval``: :class:`EvalItem` and its JSONL reader.

Each line of the file has ``question``, ``reference_answer``, ``answer`` and
``score`` (optionally ``split`` and ``question_id``). This module imports
nothing else of the evaluation, so every part of it can name an item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interviewer.errors import InterviewerError

__all__ = ["EvalItem", "load_items"]

_REQUIRED = ("question", "reference_answer", "answer", "score")


@dataclass(frozen=True)
class EvalItem:
    """One human-graded answer."""

    question_id: str
    question: str
    reference: str
    answer: str
    score: float
    split: str | None = None


def load_items(path: Path) -> list[EvalItem]:
    """Read a JSONL dataset.

    Raises:
        InterviewerError: naming the lines that are not valid items (up to five).
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InterviewerError(f"cannot read {path}: {exc}") from None
    items: list[EvalItem] = []
    bad: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            missing = [k for k in _REQUIRED if k not in row]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            score = float(row["score"])
            if not np.isfinite(score):
                raise ValueError("score is not a number")
            split = row.get("split")
            items.append(
                EvalItem(
                    question_id=str(row.get("question_id") or row["question"]),
                    question=str(row["question"]),
                    reference=str(row["reference_answer"]),
                    answer=str(row["answer"]),
                    score=score,
                    split=None if split is None else str(split),
                )
            )
        except (ValueError, TypeError, AttributeError) as exc:
            bad.append(f"line {number}: {exc}")
    if bad:
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        raise InterviewerError(
            f"{path}: {len(bad)} bad line(s){more}: "
            + "; ".join(bad[:5])
            + f". Each line needs {', '.join(_REQUIRED)}."
        )
    if len(items) < 4:
        raise InterviewerError(f"{path}: need at least 4 graded answers, found {len(items)}")
    return items
