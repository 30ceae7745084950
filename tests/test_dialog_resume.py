"""Saving the dialog between any two replies and restoring it gives the same interview."""

from __future__ import annotations

import json
from typing import Any

import pytest
from store_helpers import bank, grader, script

from interviewer.cli.practice import QUESTIONS_KEY
from interviewer.dialog import Interview, SessionOptions
from interviewer.dialog.machine import RESTING, STATES, Machine
from interviewer.transcript import Turn

REPLIES = [
    "an array of numbers",
    "hint",
    "back",
    "hint",
    "repeat",
    "more layers",
    "skip",
    "I don't know",
    "clarify",
    "the chain rule",
    "back",
    "back",
    "skip",
    "end",
]


def _run(
    cut: int | None,
    replies: list[str] | None = None,
    *,
    name: str = "middling",
    flow: str = "general",
    seed: int = 3,
    saved: list[dict[str, Any]] | None = None,
) -> tuple[str, list[str]]:
    """Play the replies, saving and restoring into a new interview before reply ``cut``.

    Without ``replies`` (or past their end) the example candidate ``name`` answers,
    its questions for the interviewer included. ``saved`` collects every snapshot.
    """
    keyed = script(name)
    interview = Interview(bank(), bank().flows[flow], grader(), SessionOptions(seed=seed))
    interview.start()
    states = []
    for n in range(60):
        if interview.finished:
            break
        if saved is not None:
            saved.append(interview.snapshot())
        if n == cut:
            state = json.loads(json.dumps(interview.snapshot()))
            turns = [
                Turn.from_dict(json.loads(json.dumps(t.to_dict())))
                for t in interview.transcript.turns
            ]
            interview = Interview(bank(), bank().flows[flow], grader(), SessionOptions(seed=seed))
            interview.restore(state, turns)
        states.append(interview.state)
        question = interview.question
        if replies and n < len(replies):
            reply = replies[n]
        elif interview.state == "candidate_questions":
            reply = keyed.next_reply(QUESTIONS_KEY)
        else:
            reply = keyed.next_reply(question.id if question else None)
        interview.reply(reply)
    return interview.transcript.to_json(), states


@pytest.mark.parametrize("replies", [None, REPLIES], ids=["keyed", "commands"])
def test_restoring_at_every_reply_changes_nothing(replies: list[str] | None) -> None:
    whole, states = _run(None, replies)
    assert set(states) <= set(RESTING)
    if replies:
        assert "revisiting" in states
    for cut in range(len(states)):
        assert _run(cut, replies)[0] == whole, f"restored before reply {cut}"


# Each run exercises state of the interviewer's voice that lasts between replies.
VOICE_RUNS = [
    ("self-correcting", "general", 3),  # "Are you sure?", then its questions for me
    ("self-correcting", "cv", 7),
    ("strong", "general", 3),  # deeper follow-ups graded with the words carried over
    ("weak", "nlp", 7),
]


@pytest.mark.parametrize(("name", "flow", "seed"), VOICE_RUNS)
def test_the_voice_resumes_exactly(name: str, flow: str, seed: int) -> None:
    saved: list[dict[str, Any]] = []
    whole, states = _run(None, name=name, flow=flow, seed=seed, saved=saved)
    assert "candidate_questions" in states
    # The phrasings drawn so far are part of the state: a fresh voice would repeat them.
    assert any(s["voice"]["decks"] for s in saved)
    for cut in range(len(states)):
        assert _run(cut, name=name, flow=flow, seed=seed)[0] == whole, (
            f"{name} on {flow} (seed {seed}) restored before reply {cut}"
        )


def test_the_voice_state_between_replies_is_in_the_snapshot() -> None:
    saved: list[dict[str, Any]] = []
    _run(None, name="self-correcting", flow="general", seed=3, saved=saved)
    # Questions for me: the count asked so far carries over (three end the exchange).
    assert [s["asked_back"] for s in saved if s["state"] == "candidate_questions"] == [0, 1, 2]
    saved = []
    whole, _ = _run(None, name="strong", flow="general", seed=3, saved=saved)
    # A deeper follow-up is pending with the candidate's earlier words.
    assert any(s["carried"] for s in saved)
    assert '"builds_on": true' in whole


def test_a_voice_file_edited_since_keeps_the_rest_of_the_draw() -> None:
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    interview.start()
    interview.reply("skip")
    state = json.loads(json.dumps(interview.snapshot()))
    assert state["voice"]["decks"]["move_on"]
    state["voice"]["decks"]["move_on"].append("A phrasing the file no longer has.")
    state["voice"]["decks"]["no.such.pool"] = ["Gone."]
    fresh = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    fresh.restore(state, list(interview.transcript.turns))
    assert fresh.snapshot()["voice"]["decks"] == interview.snapshot()["voice"]["decks"]
    state["voice"] = {"rng": "nonsense"}
    with pytest.raises(ValueError, match="voice"):
        Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3)).restore(
            state, []
        )


def test_only_declared_resting_states_can_be_restored() -> None:
    assert set(RESTING) <= set(STATES)
    for state in RESTING:
        assert Machine.restore(state).state == state
    for bad in ("grading", "probing", "nonsense"):
        with pytest.raises(ValueError, match="cannot resume in state"):
            Machine.restore(bad)


def test_a_snapshot_that_does_not_fit_the_bank_is_refused() -> None:
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    interview.start()
    state = interview.snapshot()
    state["questions"][0]["question_id"] = "no-such-question"
    fresh = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=3))
    with pytest.raises(ValueError, match="no-such-question"):
        fresh.restore(state, [])
    assert fresh.state == "idle"  # left unchanged
    state = interview.snapshot()
    state["flow"] = "nlp"
    with pytest.raises(ValueError, match="flow"):
        fresh.restore(state, [])
