"""Flows built from the store: a review session of due items, and adaptive practice.

Both are ordinary :class:`~interviewer.models.Flow` objects run by the dialog
engine, so they are graded, probed, recorded and resumed like any interview;
the flow's definition is saved with the session so a resume runs the same one.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from interviewer.bank import Bank
from interviewer.models import Flow, PoolSelector, QuestionCount, Stage
from interviewer.store.db import Store
from interviewer.store.review import ReviewItem, due_items

__all__ = ["MAX_REVIEW", "adaptive_flow", "review_flow", "topic_boosts"]

MAX_REVIEW = 20  # a stage asks at most this many questions
DUE_BOOST = 0.5  # per due item on a topic
WEAK_BOOST = 1.0  # for a topic averaging 0/5 (scaled down linearly to 0 at 5/5)


def review_flow(bank: Bank, items: list[ReviewItem], limit: int = 5) -> Flow | None:
    """A short flow asking the questions behind the due ``items`` (None: nothing to ask).

    A concept item asks its question, and the engine probes the concept if the
    answer misses it again. A computed question or code exercise is asked anew,
    worded for the review's seed, and checked by its checker.
    Threads are off: a review stays on what is due.
    """
    wanted: list[str] = []
    for item in items:
        known = item.question_id in bank.questions or item.question_id in bank.handson
        if known and item.question_id not in wanted:
            wanted.append(item.question_id)
    wanted = wanted[: max(1, min(limit, MAX_REVIEW))]
    if not wanted:
        return None
    count = QuestionCount(short=len(wanted), full=len(wanted))
    return Flow(
        name="review",
        title="Spaced review",
        track="general",
        opening=(
            "Welcome back. A few questions from earlier sessions are due for another look; "
            "answer them as you would in an interview."
        ),
        closing="That's the review done. The schedule has been updated with how it went.",
        max_probes_per_question=1,
        max_thread_depth=0,
        max_hints=3,
        stages=[
            Stage(
                id="basic",
                title="Review",
                intro="Here is what is due.",
                pool=PoolSelector(ids=wanted),
                questions=count,
                min_questions=len(wanted),
            ),
            Stage(id="wrap-up", title="Wrap-up"),
        ],
    )


def topic_boosts(store: Store, bank: Bank) -> dict[str, float]:
    """Per topic, how much to favour it: more for due items and for low mean credit."""
    questions = {**bank.handson, **bank.questions}  # hands-on ones count too
    due = Counter(
        topic
        for item in due_items(store)
        if item.question_id in questions
        for topic in questions[item.question_id].topics[:1]
    )
    credits: dict[str, list[float]] = defaultdict(list)
    for question_id, credit in store._read("SELECT question_id, credit FROM results"):
        if question_id in questions:
            credits[questions[question_id].topics[0]].append(float(credit))
    boosts: dict[str, float] = {}
    for topic in sorted(set(due) | set(credits)):
        weak = 0.0
        if credits[topic]:
            mean = sum(credits[topic]) / len(credits[topic])
            weak = WEAK_BOOST * max(0.0, 5.0 - mean) / 5.0
        boosts[topic] = round(1.0 + DUE_BOOST * due[topic] + weak, 3)
    return boosts


def adaptive_flow(flow: Flow, boosts: dict[str, float]) -> Flow:
    """``flow`` with each stage's topic weights multiplied by ``boosts`` (0 stays 0).

    The draws still come from the interview's seed, so the same store and seed
    give the same interview.
    """
    if not boosts:
        return flow
    stages = []
    for stage in flow.stages:
        weights = dict(stage.topic_weights)
        for topic, boost in boosts.items():
            weights[topic] = round(weights.get(topic, 1.0) * boost, 4)
        stages.append(stage.model_copy(update={"topic_weights": weights}))
    data = json.loads(flow.model_dump_json())
    data["stages"] = [json.loads(s.model_dump_json()) for s in stages]
    return Flow.model_validate(data)
