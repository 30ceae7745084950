"""A hands-on session in the store: its history, report, progress, review and export.

The session is recorded once (its code answers run in the sandbox) and read
back the way ``interviewer history``, ``review`` and ``export-history`` do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import ANSWERS, FixedClock, bank, grader

from interviewer.cli.practice import load_answers, play
from interviewer.dialog import Interview, SessionOptions
from interviewer.store import Recorder, Store, open_store
from interviewer.store.history import load_transcript, topic_series
from interviewer.store.plan import review_flow, topic_boosts
from interviewer.store.review import due_items
from interviewer.store.transfer import export_history, import_history


def _record_handson(store: Store, name: str, seed: int = 7) -> Interview:
    b = bank()
    interview = Interview(b, b.flows["handson"], grader(), SessionOptions(seed=seed))
    session_id = store.new_session_id("handson", "practice")
    recorder = Recorder(store, session_id, interview, b, source="practice")
    answers = load_answers(ANSWERS / f"{name}.yaml", set(b.questions) | set(b.handson))
    play(interview, answers, lambda: recorder.commit(answers.cursor()) and None)
    return interview


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Interview, FixedClock]:
    folder = tmp_path_factory.mktemp("handson-store")
    clock = FixedClock()
    store = open_store(folder, fallback=False, now=clock)
    interview = _record_handson(store, "handson")
    store.close()
    return folder, interview, clock


def _handson_ids(ids: list[str]) -> list[str]:
    return [qid for qid in ids if qid in bank().handson]


def test_history_report_keeps_the_hands_on_questions(
    recorded: tuple[Path, Interview, FixedClock],
) -> None:
    folder, interview, clock = recorded
    store = open_store(folder, fallback=False, now=clock)
    (row,) = store.sessions()
    transcript, report = load_transcript(store, row.id, bank())
    live = interview.report()
    asked = _handson_ids([q.question_id for q in live.questions])
    assert asked  # the flow asked computed and code questions
    assert transcript.to_markdown() == interview.transcript.to_markdown()
    assert report.to_markdown() == live.to_markdown()
    assert _handson_ids([q.question_id for q in report.questions]) == asked
    topics = topic_series(store, bank())
    assert bank().handson[asked[0]].topics[0] in topics  # on the progress chart too


def test_export_import_round_trip_with_a_hands_on_session(
    recorded: tuple[Path, Interview, FixedClock], tmp_path: Path
) -> None:
    folder, interview, clock = recorded
    source = open_store(folder, fallback=False, now=clock)
    document = export_history(source)
    target = open_store(tmp_path / "b", fallback=False, now=clock)
    import_history(target, document)
    assert export_history(target) == document
    (row,) = target.sessions()
    _, report = load_transcript(target, row.id, bank())
    assert report.to_markdown() == interview.report().to_markdown()


def test_due_hands_on_items_are_asked_in_the_review(
    recorded: tuple[Path, Interview, FixedClock], tmp_path: Path
) -> None:
    folder, _, clock = recorded
    later = FixedClock(clock.now)
    later.advance(days=400)  # everything is due
    store = open_store(folder, fallback=False, now=later)
    items = due_items(store)
    due_handson = sorted({i.question_id for i in items if i.question_id in bank().handson})
    assert due_handson
    flow = review_flow(bank(), items, limit=100)
    assert flow is not None
    assert flow.stages[0].pool is not None
    assert sorted(_handson_ids(flow.stages[0].pool.ids)) == due_handson
    review = Interview(bank(), flow, grader(), SessionOptions(seed=11))
    review.start()
    asked = set()
    while review.question is not None and review.state != "candidate_questions":
        asked.add(review.question.id)
        review.reply("skip")
    assert set(due_handson) <= asked  # worded for the review's own seed, like any question


def test_the_report_of_a_code_exercise_keeps_its_markdown_fences_balanced(
    recorded: tuple[Path, Interview, FixedClock],
) -> None:
    _, interview, _ = recorded
    report = interview.report().to_markdown()
    fences = [line for line in report.splitlines() if line.lstrip().startswith("```")]
    assert all(f.strip() in ("```", "```python") for f in fences), fences
    assert "Make a variable sobel" in report  # the exercise is still named by its wording


def test_adaptive_practice_weighs_due_hands_on_questions(
    recorded: tuple[Path, Interview, FixedClock],
) -> None:
    folder, _, clock = recorded
    later = FixedClock(clock.now)
    later.advance(days=400)
    boosts = topic_boosts(open_store(folder, fallback=False, now=later), bank())
    assert boosts["hands-on"] > 1.0  # due hands-on items favour their topic
