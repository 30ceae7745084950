"""Spaced review with FSRS through a fixed clock, review sessions and adaptive practice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler
from store_helpers import FixedClock, bank, grader, record, script

from interviewer.cli import main
from interviewer.cli.practice import play
from interviewer.dialog import Interview, SessionOptions
from interviewer.store import QuestionOutcome, Recorder, open_store
from interviewer.store.plan import adaptive_flow, review_flow, topic_boosts
from interviewer.store.review import card_of, due_count, due_items, rating_for


@pytest.mark.parametrize(
    ("credit", "rating"),
    [
        (0.0, Rating.Again),
        (1.4, Rating.Again),
        (1.5, Rating.Hard),
        (2.9, Rating.Hard),
        (3.0, Rating.Good),
        (4.2, Rating.Good),
        (4.25, Rating.Easy),
        (5.0, Rating.Easy),
    ],
)
def test_grades_map_to_fsrs_ratings(credit: float, rating: Rating) -> None:
    assert rating_for(credit) == rating


def _close(store, clock, session: str, credit: float, missed=("nd-array",), credited=()) -> None:  # type: ignore[no-untyped-def]
    store.create_session(
        session,
        flow="general",
        track="general",
        mode="practice",
        length="short",
        seed=1,
        source="practice",
    )
    outcome = QuestionOutcome(0, "tensors", credit, tuple(missed), tuple(credited))
    from interviewer.store.review import schedule_outcome

    store.save_exchange(
        session,
        0,
        [],
        {"questions": []},
        finished=True,
        outcomes=[outcome],
        on_outcome=schedule_outcome,
    )


def test_fsrs_scheduling_through_a_fixed_clock(tmp_path: Path) -> None:
    clock = FixedClock()
    store = open_store(tmp_path, fallback=False, now=clock)
    start = clock.now
    _close(store, clock, "s1", credit=1.0)
    # Exactly what the fsrs package schedules for the same reviews (no fuzzing).
    scheduler = Scheduler(enable_fuzzing=False)
    expected, _ = scheduler.review_card(Card(card_id=1, due=start), Rating.Again, start)
    card = card_of(store, "q:tensors")
    assert card.due == expected.due and card.stability == expected.stability
    assert card_of(store, "c:tensors:nd-array").due == expected.due
    assert due_count(store) == 0  # not due yet: the first learning step is ahead
    clock.now = expected.due
    assert {i.id for i in due_items(store)} == {"q:tensors", "c:tensors:nd-array"}
    # Reviewed again, well this time: the next review moves further out.
    _close(store, clock, "s2", credit=4.6, missed=(), credited=("nd-array",))
    again, _ = scheduler.review_card(expected, Rating.Easy, clock.now)
    assert card_of(store, "q:tensors").due == again.due
    concept, _ = scheduler.review_card(expected, Rating.Good, clock.now)
    assert card_of(store, "c:tensors:nd-array").due == concept.due
    assert again.due - clock.now >= timedelta(days=1) > concept.due - clock.now
    assert due_count(store) == 0
    clock.now = again.due + timedelta(seconds=1)
    assert "q:tensors" in {i.id for i in due_items(store)}


def test_a_question_is_rated_once_per_session(tmp_path: Path) -> None:
    clock = FixedClock()
    store = open_store(tmp_path, fallback=False, now=clock)
    _close(store, clock, "s1", credit=1.0)
    first = card_of(store, "q:tensors")
    outcome = QuestionOutcome(0, "tensors", 5.0, (), ())
    from interviewer.store.review import schedule_outcome

    store.save_exchange(
        "s1",
        0,
        [],
        {"questions": []},
        finished=True,
        outcomes=[outcome],
        on_outcome=schedule_outcome,
    )
    assert card_of(store, "q:tensors") == first  # the commit was retried, not a new review


def test_a_recorded_session_schedules_its_weak_answers(tmp_path: Path) -> None:
    clock = FixedClock()
    store = open_store(tmp_path, fallback=False, now=clock)
    session = record(store, seed=2, name="weak")
    graded = store.conn.execute(
        "SELECT question_id, credit FROM results WHERE session_id = ?", (session,)
    ).fetchall()
    items = {row[0] for row in store.conn.execute("SELECT id FROM review_items")}
    assert {f"q:{qid}" for qid, _ in graded} <= items
    assert any(i.startswith("c:") for i in items)  # missed key concepts became items
    clock.advance(hours=1)
    assert due_count(store) > 0


def test_review_runs_the_due_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path)
    assert main(["review", "--answers", str(tmp_path / "x.yaml"), "--data-dir", data]) == 0
    assert "Nothing is due" in capsys.readouterr().out
    store = open_store(tmp_path, fallback=False)
    record(store, seed=2, name="weak")
    store.conn.execute("UPDATE review_items SET due = '2000-01-01T00:00:00+00:00'")
    due = due_items(store)
    flow = review_flow(bank(), due, limit=3)
    assert flow is not None
    pool = flow.stages[0].pool
    assert pool is not None and len(pool.ids) == 3
    assert pool.ids == list(dict.fromkeys(i.question_id for i in due))[:3]
    answers = tmp_path / "answers.yaml"
    answers.write_text("'*': I am not sure, something about weights.\n")
    assert main(["review", "--limit", "3", "--answers", str(answers), "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "Spaced review" in out
    rows = open_store(tmp_path, fallback=False).sessions()
    review = next(r for r in rows if "review" in r.id)
    assert review.status == "finished" and review.source == "review"
    reviewed = (
        open_store(tmp_path, fallback=False)
        .conn.execute(
            "SELECT COUNT(DISTINCT item_id) FROM review_log WHERE session_id = ?", (review.id,)
        )
        .fetchone()[0]
    )
    assert reviewed >= 3  # each question asked was rescheduled


def test_adaptive_practice_favours_weak_and_due_topics_reproducibly(tmp_path: Path) -> None:
    store = open_store(tmp_path, fallback=False)
    record(store, seed=2, name="weak")
    boosts = topic_boosts(store, bank())
    assert boosts and all(b >= 1.0 for b in boosts.values())
    flow = bank().flows["general"]
    adapted = adaptive_flow(flow, boosts)
    weak = max(boosts, key=lambda t: boosts[t])
    stage = next(s for s in adapted.stages if weak in s.topic_weights)
    original = next(s for s in flow.stages if s.id == stage.id).topic_weights.get(weak, 1.0)
    assert stage.topic_weights[weak] == pytest.approx(original * boosts[weak], rel=1e-3)
    for before, after in zip(flow.stages, adapted.stages, strict=True):  # 0 stays 0
        assert all(after.topic_weights[t] == 0 for t, w in before.topic_weights.items() if w == 0)

    def questions(chosen) -> list[str]:  # type: ignore[no-untyped-def]
        interview = Interview(bank(), chosen, grader(), SessionOptions(seed=11))
        play(interview, script("middling"))
        return [r.question_id for r in interview.transcript.questions]

    assert questions(adapted) == questions(adaptive_flow(flow, topic_boosts(store, bank())))


def test_an_adaptive_session_resumes_with_its_own_flow(tmp_path: Path) -> None:
    store = open_store(tmp_path, fallback=False)
    record(store, seed=2, name="weak")
    flow = adaptive_flow(bank().flows["general"], topic_boosts(store, bank()))
    interview = Interview(bank(), flow, grader(), SessionOptions(seed=11))
    recorder = Recorder(store, "adaptive", interview, bank(), flow_def=flow.model_dump(mode="json"))
    interview.start()
    interview.reply("an array of numbers")
    assert recorder.commit() == ""
    from interviewer.store import resume_interview

    resumed, _, _ = resume_interview(store, "adaptive", bank(), grader())
    assert resumed.flow == flow
