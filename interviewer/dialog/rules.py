"""The interviewer's rules for one question: hint and retry, probe, follow a thread.

These are pure functions of the question, its record and the flow's limits;
:mod:`interviewer.dialog.engine` applies them after every graded answer, in the
order of :func:`decide`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection
from typing import Literal, Protocol

from interviewer.dialog.selection import question_weight
from interviewer.grading.result import GradeResult
from interviewer.models import (
    LEVELS,
    Concept,
    Flow,
    Question,
    Stage,
    ThreadCondition,
    ThreadLink,
)
from interviewer.transcript import QuestionRecord

__all__ = [
    "RETRY_BELOW",
    "Decision",
    "Grader",
    "Pace",
    "can_hint",
    "decide",
    "grade_answer",
    "next_probe",
    "next_thread",
    "record_grade",
    "stage_pace",
    "thread_holds",
    "thread_targets",
]

# A first attempt graded below this earns a hint and a second try.
RETRY_BELOW = 1.5

Decision = Literal["retry", "probe", "thread", "next"]
Pace = Literal["advance", "step_down", "steady"]


class Grader(Protocol):
    """What the engine needs from a grader (see :class:`interviewer.grading.RubricGrader`)."""

    def grade(self, question: Question, answer: str) -> GradeResult:
        """Grade ``answer`` against ``question``; never raises."""
        ...


def grade_answer(
    grader: Grader, question: Question, answers: list[str]
) -> tuple[GradeResult, bool]:
    """Grade the newest answer: the better of it alone and all answers joined.

    Probe answers complete the main answer, so they are graded joined with it;
    a retry after a hint may replace a wrong first attempt, so it is also graded
    alone.

    Returns:
        The result, and whether it was graded on all answers joined by newlines
        (its spans then index into that joined text).
    """
    alone = grader.grade(question, answers[-1])
    if len(answers) == 1:
        return alone, False
    joined = grader.grade(question, "\n".join(answers))
    return (joined, True) if joined.grade >= alone.grade else (alone, False)


def record_grade(record: QuestionRecord, result: GradeResult) -> None:
    """Keep the question's best result, and every misconception stated on the way."""
    if record.result is None or result.grade > record.result.grade:
        record.result = result
    for hit in result.misconceptions:
        if hit.misconception_id not in record.misconceptions:
            record.misconceptions.append(hit.misconception_id)


def can_hint(question: Question, record: QuestionRecord, flow: Flow) -> bool:
    """Whether another hint from the question's ladder may be given."""
    return record.hints_used < min(flow.max_hints, len(question.hints))


def next_probe(
    question: Question,
    record: QuestionRecord,
    flow: Flow,
    credited_before: Collection[str] = (),
) -> Concept | None:
    """The missing key concept to probe next, heaviest first; None when none is due.

    A concept credited by the best result, or by any earlier answer
    (``credited_before``), is never asked for.
    """
    if record.result is None or len(record.probes) >= flow.max_probes_per_question:
        return None
    credited = {c.concept_id for c in record.result.credited} | set(credited_before)
    missing = [
        c
        for c in question.concepts
        if c.key and c.probe and c.id not in credited and c.id not in record.probes
    ]
    if not missing:
        return None
    return max(missing, key=lambda c: c.weight)  # max keeps rubric order among equals


def _mentions(text: str, phrase: str) -> bool:
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in phrase.lower().split()) + r"\b"
    return re.search(pattern, text) is not None


def thread_holds(condition: ThreadCondition, record: QuestionRecord) -> bool:
    """Whether every field given in ``condition`` holds for the record's answers."""
    result = record.result
    credit = record.credit
    if result is None or credit is None:
        return False
    credited = {c.concept_id for c in result.credited}
    text = " ".join(record.answers).lower()
    checks = [
        condition.covered is None or condition.covered in credited,
        condition.missed is None or condition.missed not in credited,
        condition.mentioned is None or any(_mentions(text, p) for p in condition.mentioned),
        condition.grade_below is None or credit < condition.grade_below,
        condition.grade_at_least is None or credit >= condition.grade_at_least,
    ]
    return all(checks)


def _on_topic(question: Question, stage: Stage, flow: Flow) -> bool:
    """Whether the stage's topic filter (pool topics, topics weighted 0) lets ``question`` in."""
    pool_topics = stage.pool.topics if stage.pool else []
    if pool_topics and not set(pool_topics) & set(question.topics):
        return False
    return question_weight(question, stage, flow, Counter()) > 0


def thread_targets(
    questions: Collection[Question], flow: Flow, stage: str, rules: Stage | None = None
) -> set[str]:
    """The questions a thread may lead to from ``stage`` of ``flow``.

    A follow-up stays on the flow's track and goes at most one level above the
    stage, the way an interviewer presses a little deeper without jumping from
    the fundamentals to the hardest material of another role. The project round
    is kept for its own stage. Given the stage itself (``rules``), a follow-up
    also honours its topic filter: the pool's topics and topics weighted 0.
    """
    ceiling = LEVELS.index(stage) + 1 if stage in LEVELS else len(LEVELS) - 1
    return {
        q.id
        for q in questions
        if flow.track in q.tracks
        and LEVELS.index(q.level) <= ceiling
        and (q.level != "project" or stage == "project")
        and (rules is None or _on_topic(q, rules, flow))
    }


def next_thread(
    question: Question,
    record: QuestionRecord,
    flow: Flow,
    asked: Collection[str],
    known: Collection[str],
    covered: Callable[[ThreadLink], bool] | None = None,
) -> ThreadLink | None:
    """The first thread link whose condition holds and whose target is new and known.

    ``covered`` tells which links lead to a question the answer has already
    answered; those are passed over.
    """
    if record.depth >= flow.max_thread_depth:
        return None
    for link in question.threads:
        if link.to in asked or link.to not in known:
            continue
        if covered is not None and thread_holds(link.when, record) and covered(link):
            continue
        if thread_holds(link.when, record):
            return link
    return None


def decide(
    question: Question,
    record: QuestionRecord,
    flow: Flow,
    *,
    answering_probe: bool,
    said_dont_know: bool,
    challenged: bool = False,
    credited_before: Collection[str] = (),
) -> Decision:
    """What to do after grading an answer (threads are checked by the caller on ``next``).

    The order: "I don't know" (or nothing said) ends the question, with no hint and
    no probe; a weak first attempt at the question itself earns a hint and a retry
    (the reply to an "Are you sure?", when ``challenged``, still counts as the first
    attempt); then a missing key concept is probed; else the question is done.
    """
    flags = record.result.flags if record.result else ()
    if said_dont_know or "dont_know" in flags or "empty" in flags:
        return "next"
    first_attempt = len(record.answers) <= (2 if challenged else 1)
    credit = record.credit or 0.0
    if (
        not answering_probe
        and first_attempt
        and record.hints_used == 0
        and credit < RETRY_BELOW
        and can_hint(question, record, flow)
    ):
        return "retry"
    if next_probe(question, record, flow, credited_before) is not None:
        return "probe"
    return "next"


def stage_pace(stage: Stage, records: list[QuestionRecord], asked_in_stage: int) -> Pace:
    """The stage's adaptation rule, applied once it has asked ``min_questions``.

    ``advance`` when the stage's mean credit reached ``advance_at`` (move up early),
    ``step_down`` when it is below ``step_down_below`` (draw an easier question),
    ``steady`` otherwise.
    """
    credits = [r.credit for r in records if r.stage == stage.id and r.credit is not None]
    if not credits or asked_in_stage < max(stage.min_questions, 1):
        return "steady"
    mean = sum(credits) / len(credits)
    if stage.advance_at is not None and mean >= stage.advance_at:
        return "advance"
    if stage.step_down_below is not None and mean < stage.step_down_below:
        return "step_down"
    return "steady"
