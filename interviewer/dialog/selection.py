"""Which question comes next: seeded, weighted draws from a stage's pool.

A question's weight is the product of three factors:

* topic: the stage's ``topic_weights`` entry for the question's main (first)
  topic, else the largest entry among its other topics, else 1; a topic
  weighted 0 excludes every question that carries it;
* track: 1 when the question belongs to the flow's track, :data:`OFF_TRACK`
  (0: never asked) otherwise;
* variety: :data:`VARIETY` to the power of the number of questions already
  asked on the same main topic.

Draws use one ``random.Random(seed)`` over candidates in bank order, so the
same seed and the same answers give the same interview.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Literal

from interviewer.models import Flow, Question, Stage

__all__ = ["OFF_TRACK", "VARIETY", "QuestionPicker", "question_weight"]

OFF_TRACK = 0.0  # questions always respect the flow's track
VARIETY = 0.6


def question_weight(
    question: Question, stage: Stage, flow: Flow, asked_topics: Counter[str]
) -> float:
    """The weight of ``question`` in a draw for ``stage`` of ``flow``.

    Args:
        question: The candidate question.
        stage: The stage drawing (its ``topic_weights`` apply).
        flow: The flow (its ``track`` applies).
        asked_topics: How many questions were asked so far per main topic.
    """
    weights = stage.topic_weights
    listed = [weights[t] for t in question.topics if t in weights]
    if 0 in listed:
        return 0.0
    main = question.topics[0]
    topic = weights[main] if main in weights else max(listed, default=1.0)
    track = 1.0 if flow.track in question.tracks else OFF_TRACK
    return topic * track * VARIETY ** asked_topics[main]


class QuestionPicker:
    """Draws questions for the stages of one flow.

    Args:
        questions: The bank's questions, in bank order.
        flow: The flow being run.
        rng: The interview's random generator.
    """

    def __init__(self, questions: Iterable[Question], flow: Flow, rng: random.Random) -> None:
        self._questions = list(questions)
        self._flow = flow
        self._rng = rng

    def candidates(self, stage: Stage, asked: Collection[str]) -> list[Question]:
        """Questions of the stage's pool not asked yet and with a positive weight."""
        if stage.pool is None:
            return []
        empty: Counter[str] = Counter()
        return [
            q
            for q in self._questions
            if q.id not in asked
            and stage.pool.admits(q)
            and question_weight(q, stage, self._flow, empty) > 0
        ]

    def pick(
        self, stage: Stage, asked: Collection[str], asked_topics: Counter[str]
    ) -> Question | None:
        """Draw one question for ``stage``; None when its pool is used up."""
        pool = self.candidates(stage, asked)
        if not pool:
            return None
        weights = [question_weight(q, stage, self._flow, asked_topics) for q in pool]
        point = self._rng.random() * sum(weights)
        for question, weight in zip(pool, weights, strict=True):
            point -= weight
            if point < 0:
                return question
        return pool[-1]

    def draw(
        self,
        stage: Stage,
        easier_stages: Sequence[Stage],
        asked: Collection[str],
        asked_topics: Counter[str],
    ) -> tuple[Question | None, Literal["main", "easier"]]:
        """Draw a main question, from the last of ``easier_stages`` when one is given.

        Stepping down falls back to the stage's own pool when the easier pool is used up.
        """
        for easier in reversed(easier_stages):
            if easier.pool is not None:
                question = self.pick(easier, asked, asked_topics)
                if question is not None:
                    return question, "easier"
                break
        return self.pick(stage, asked, asked_topics), "main"
