"""What the store remembers across sessions: transcripts, progress per topic, missed concepts.

Pure reads of the store plus the bank (for topics and concept labels); the CLI's
``history`` and the app's history screen render what these return.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewer.store.db import Store, StoreError

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.interview_report import Report
    from interviewer.transcript import Transcript

__all__ = ["MissedConcept", "TopicPoint", "load_transcript", "most_missed", "topic_series"]


@dataclass(frozen=True)
class TopicPoint:
    """A topic's mean credit in one session.

    Attributes:
        session_id: The session.
        when: When the session was last updated (ISO 8601 UTC).
        grade: Mean credit (0-5) of the session's questions on the topic.
        questions: How many questions that mean is over.
    """

    session_id: str
    when: str
    grade: float
    questions: int


@dataclass(frozen=True)
class MissedConcept:
    """A concept missed in graded answers, with how often."""

    question_id: str
    concept_id: str
    label: str
    times: int


def topic_series(store: Store, bank: Bank) -> dict[str, list[TopicPoint]]:
    """Per topic (a question's main topic), its grade in each session, oldest first."""
    rows = store._read(
        "SELECT r.session_id, s.updated, r.question_id, r.credit FROM results r "
        "JOIN sessions s ON s.id = r.session_id ORDER BY s.updated, s.id, r.position"
    )
    grouped: dict[str, dict[tuple[str, str], list[float]]] = defaultdict(dict)
    for session_id, when, question_id, credit in rows:
        question = bank.questions.get(question_id) or bank.handson.get(question_id)
        if question is None:
            continue
        grouped[question.topics[0]].setdefault((when, session_id), []).append(float(credit))
    return {
        topic: [
            TopicPoint(session_id, when, round(sum(c) / len(c), 2), len(c))
            for (when, session_id), c in points.items()
        ]
        for topic, points in sorted(grouped.items())
    }


def most_missed(store: Store, bank: Bank, limit: int = 10) -> list[MissedConcept]:
    """The key concepts missed most often over all sessions (ties: by id)."""
    counts: Counter[tuple[str, str]] = Counter()
    for question_id, missed in store._read("SELECT question_id, missed FROM results"):
        question = bank.questions.get(question_id)
        if question is None:
            continue
        key = {c.id for c in question.concepts if c.key}
        for concept_id in json.loads(missed):
            if concept_id in key:
                counts[(question_id, concept_id)] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    result = []
    for (question_id, concept_id), times in ranked:
        concept = next(c for c in bank.questions[question_id].concepts if c.id == concept_id)
        result.append(MissedConcept(question_id, concept_id, concept.label, times))
    return result


def load_transcript(store: Store, session_id: str, bank: Bank) -> tuple[Transcript, Report]:
    """A stored session's transcript and report, whatever its status.

    Raises:
        StoreError: when there is no such session or its data cannot be read.
    """
    from interviewer.interview_report import build_report
    from interviewer.store.recorder import flow_of
    from interviewer.transcript import QuestionRecord, Transcript, turns_from_dicts

    row, state, turns = store.load(session_id)
    flow_def, _ = store.extra(session_id)
    try:
        title = flow_of(bank, row.flow, flow_def).title
    except StoreError:
        title = row.flow
    state = state or {}
    if bank.handson:  # its computed and code questions, worded for its seed
        from interviewer.handson.dispatch import present

        presented = {qid: present(q, row.seed) for qid, q in bank.handson.items()}
        bank = dataclasses.replace(bank, questions={**bank.questions, **presented})
    try:
        transcript = Transcript(
            flow=row.flow,
            title=title,
            track=row.track,
            seed=row.seed,
            length=row.length,
            mode=row.mode,
            turns=turns_from_dicts(list(turns)),
            questions=[QuestionRecord.from_dict(q) for q in state.get("questions", [])],
            ended_by=str(state.get("ended_by", "")),
            extras=dict(state.get("extras") or {}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"session {session_id} cannot be read: {exc!r}") from None
    return transcript, build_report(transcript, bank)
