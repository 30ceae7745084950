"""Saving the dialog between any two replies and restoring it gives the same interview."""

from __future__ import annotations

import json

import pytest
from store_helpers import bank, grader, script

from interviewer.dialog import Interview, InterviewConfig
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


def _run(cut: int | None, replies: list[str] | None = None) -> tuple[str, list[str]]:
    """Play the replies, saving and restoring into a new interview before reply ``cut``."""
    keyed = script("middling")
    interview = Interview(bank(), bank().flows["general"], grader(), InterviewConfig(seed=3))
    interview.start()
    states = []
    for n in range(40):
        if interview.finished:
            break
        if n == cut:
            state = json.loads(json.dumps(interview.snapshot()))
            turns = [
                Turn.from_dict(json.loads(json.dumps(t.to_dict())))
                for t in interview.transcript.turns
            ]
            interview = Interview(
                bank(), bank().flows["general"], grader(), InterviewConfig(seed=3)
            )
            interview.restore(state, turns)
        states.append(interview.state)
        question = interview.question
        reply = (
            replies[n]
            if replies and n < len(replies)
            else keyed.next_reply(question.id if question else None)
        )
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


def test_only_declared_resting_states_can_be_restored() -> None:
    assert set(RESTING) <= set(STATES)
    for state in RESTING:
        assert Machine.restore(state).state == state
    for bad in ("grading", "probing", "nonsense"):
        with pytest.raises(ValueError, match="cannot resume in state"):
            Machine.restore(bad)


def test_a_snapshot_that_does_not_fit_the_bank_is_refused() -> None:
    interview = Interview(bank(), bank().flows["general"], grader(), InterviewConfig(seed=3))
    interview.start()
    state = interview.snapshot()
    state["questions"][0]["question_id"] = "no-such-question"
    fresh = Interview(bank(), bank().flows["general"], grader(), InterviewConfig(seed=3))
    with pytest.raises(ValueError, match="no-such-question"):
        fresh.restore(state, [])
    assert fresh.state == "idle"  # left unchanged
    state = interview.snapshot()
    state["flow"] = "nlp"
    with pytest.raises(ValueError, match="flow"):
        fresh.restore(state, [])
