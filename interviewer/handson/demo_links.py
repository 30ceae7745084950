"""Which live demo shows what a question or a weak topic is about, and "show me" requests.

Pure data and text matching: the demos themselves run in the torch worker
(:mod:`interviewer.handson.live_demos`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "DEMO_TITLES",
    "QUESTION_DEMOS",
    "TOPIC_DEMOS",
    "demo_for_question",
    "demos_for_topics",
    "wants_demo",
]

DEMO_TITLES: dict[str, str] = {
    "gradient-flow": "gradient norm per layer: sigmoid, ReLU and residual MLPs",
    "dropout-train-eval": "dropout in training and in evaluation mode",
    "identical-init": "identical initial weights never diverge",
}
"""Demo name -> what it shows."""

QUESTION_DEMOS: dict[str, str] = {
    "vanishing-exploding-gradients": "gradient-flow",
    "lstm-vanishing-gradients": "gradient-flow",
    "activation-functions": "gradient-flow",
    "resnet": "gradient-flow",
    "code-residual-block": "gradient-flow",
    "dropout": "dropout-train-eval",
    "code-add-dropout": "dropout-train-eval",
    "code-fix-eval-mode": "dropout-train-eval",
    "same-weight-init": "identical-init",
    "weight-initialisation": "identical-init",
    "code-he-init": "identical-init",
}
"""Question id -> its demo (questions not listed fall back on their topics)."""

TOPIC_DEMOS: dict[str, str] = {
    "gradients": "gradient-flow",
    "backpropagation": "gradient-flow",
    "regularisation": "dropout-train-eval",
    "initialisation": "identical-init",
}
"""Topic -> the demo that shows its central point."""

_SHOW_ME = re.compile(
    r"^\s*(?:ok(?:ay)?[,.]?\s+|please[,.]?\s+|can you\s+|could you\s+)*"
    r"(?:show me|show it|demo|let me see|show me (?:a|the) demo)\b[\w\s,.!?']{0,40}$",
    re.IGNORECASE,
)


def wants_demo(text: str) -> bool:
    """Whether a reply asks to be shown ("show me", "can you show me that?", "demo")."""
    return isinstance(text, str) and len(text) <= 60 and bool(_SHOW_ME.match(text))


def demo_for_question(question_id: str, topics: Iterable[str] = ()) -> str | None:
    """The demo for a question: by its id, else by its first topic that has one."""
    if question_id in QUESTION_DEMOS:
        return QUESTION_DEMOS[question_id]
    return next((TOPIC_DEMOS[t] for t in topics if t in TOPIC_DEMOS), None)


def demos_for_topics(topics: Iterable[str]) -> list[tuple[str, list[str]]]:
    """``(demo, its topics)`` for the topics that have a demo, in the order first met."""
    out: dict[str, list[str]] = {}
    for topic in topics:
        demo = TOPIC_DEMOS.get(topic)
        if demo is not None:
            out.setdefault(demo, []).append(topic)
    return list(out.items())
