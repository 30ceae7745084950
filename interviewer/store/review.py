"""Spaced review of weak questions and missed concepts, scheduled with FSRS.

Every graded question becomes a review item (``q:<question>``), and every key
concept an answer missed becomes one too (``c:<question>:<concept>``). Their
cards are scheduled by the maintained ``fsrs`` package (the FSRS algorithm of
Anki); this module only maps a grade to an FSRS rating and keeps the cards in
the store, inside the same transaction as the turn that closed the question.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from interviewer.store.db import QuestionOutcome, Store

if TYPE_CHECKING:
    from fsrs import Card, Rating, Scheduler

__all__ = [
    "ReviewItem",
    "due_count",
    "due_items",
    "rating_for",
    "schedule_outcome",
]

# Credit (0-5) below which a question maps to each FSRS rating; at or above the last: Easy.
AGAIN_BELOW = 1.5
HARD_BELOW = 3.0
GOOD_BELOW = 4.25


@dataclass(frozen=True)
class ReviewItem:
    """A question or concept scheduled for review.

    Attributes:
        id: ``q:<question>`` or ``c:<question>:<concept>``.
        kind: ``question`` or ``concept``.
        question_id: The question it belongs to.
        concept_id: The concept, for a concept item.
        due: When it is due (ISO 8601 UTC).
        reviews: How many times it was rated.
        last_grade: The last credit it was rated on.
    """

    id: str
    kind: str
    question_id: str
    concept_id: str | None
    due: str
    reviews: int
    last_grade: float | None


def _scheduler() -> Scheduler:
    from fsrs import Scheduler

    # No fuzzing: the same history always gives the same schedule.
    return Scheduler(enable_fuzzing=False)


def rating_for(credit: float) -> Rating:
    """The FSRS rating of a question graded ``credit`` (0-5): Again, Hard, Good or Easy."""
    from fsrs import Rating

    if credit < AGAIN_BELOW:
        return Rating.Again
    if credit < HARD_BELOW:
        return Rating.Hard
    if credit < GOOD_BELOW:
        return Rating.Good
    return Rating.Easy


def _card_id(item_id: str) -> int:
    import zlib

    return zlib.crc32(item_id.encode("utf-8")) + 1


def _rate(
    conn: sqlite3.Connection,
    item: tuple[str, str, str, str | None],
    rating: Rating,
    credit: float,
    when: datetime,
    session_id: str,
    *,
    create: bool,
) -> None:
    from fsrs import Card

    item_id, kind, question_id, concept_id = item
    row = conn.execute("SELECT card FROM review_items WHERE id = ?", (item_id,)).fetchone()
    if row is None and not create:
        return
    card: Card = (
        Card(card_id=_card_id(item_id), due=when)
        if row is None
        else Card.from_dict(json.loads(row[0]))
    )
    card, _log = _scheduler().review_card(card, rating, review_datetime=when)
    logged = conn.execute(
        "INSERT OR IGNORE INTO review_log VALUES (?, ?, ?, ?, ?)",
        (item_id, session_id, when.isoformat(timespec="seconds"), int(rating), credit),
    ).rowcount
    if not logged:
        return  # already rated in this session
    conn.execute(
        "INSERT INTO review_items "
        "(id, kind, question_id, concept_id, card, due, reviews, last_grade) "
        "VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (id) DO UPDATE SET card = excluded.card, "
        "due = excluded.due, reviews = reviews + 1, last_grade = excluded.last_grade",
        (
            item_id,
            kind,
            question_id,
            concept_id,
            json.dumps(card.to_dict()),
            _iso(card.due),
            credit,
        ),
    )


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def schedule_outcome(
    conn: sqlite3.Connection, session_id: str, outcome: QuestionOutcome, stamp: str
) -> None:
    """Rate a closed question and its concepts (the store's ``on_outcome`` hook).

    The question item is rated by its credit; each missed key concept is rated
    Again (its item created if new); a credited concept that has an item is rated Good.
    """
    from fsrs import Rating

    when = datetime.fromisoformat(stamp)
    qid = outcome.question_id
    _rate(
        conn,
        (f"q:{qid}", "question", qid, None),
        rating_for(outcome.credit),
        outcome.credit,
        when,
        session_id,
        create=True,
    )
    for concept in outcome.missed:
        _rate(
            conn,
            (f"c:{qid}:{concept}", "concept", qid, concept),
            Rating.Again,
            outcome.credit,
            when,
            session_id,
            create=True,
        )
    for concept in outcome.credited:
        _rate(
            conn,
            (f"c:{qid}:{concept}", "concept", qid, concept),
            Rating.Good,
            outcome.credit,
            when,
            session_id,
            create=False,
        )


def due_items(store: Store, limit: int | None = None) -> list[ReviewItem]:
    """Items due now, the most overdue first."""
    sql = (
        "SELECT id, kind, question_id, concept_id, due, reviews, last_grade FROM review_items "
        "WHERE due <= ? ORDER BY due, id"
    )
    params: list[Any] = [_iso(store.now())]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [ReviewItem(*row) for row in store._read(sql, params)]


def due_count(store: Store) -> int:
    """How many items are due now."""
    rows = store._read("SELECT COUNT(*) FROM review_items WHERE due <= ?", [_iso(store.now())])
    return int(rows[0][0])


def card_of(store: Store, item_id: str) -> Card:
    """An item's FSRS card (for tests and export)."""
    from fsrs import Card

    rows = store._read("SELECT card FROM review_items WHERE id = ?", [item_id])
    if not rows:
        raise KeyError(item_id)
    return Card.from_dict(json.loads(rows[0][0]))
