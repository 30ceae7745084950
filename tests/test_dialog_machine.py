"""The dialog's state machine: the table, its rendering, and the engine keeping to it."""

from __future__ import annotations

import itertools

import pytest
from test_dialog_support import full_answer, make_interview

from interviewer.dialog.machine import (
    EVENTS,
    STATES,
    TRANSITIONS,
    IllegalTransitionError,
    Machine,
    render_machine,
)


@pytest.mark.parametrize(
    ("source", "event", "target"), [(t.source, t.event, t.target) for t in TRANSITIONS]
)
def test_each_transition_moves_where_the_table_says(source: str, event: str, target: str) -> None:
    machine = Machine(source)  # type: ignore[arg-type]
    assert machine.fire(event) == target  # type: ignore[arg-type]
    assert machine.history == [(source, event, target)]


@pytest.mark.parametrize(
    ("source", "event"),
    [
        ("idle", "answer"),
        ("awaiting_answer", "start"),
        ("grading", "hint"),
        ("finished", "answer"),
        ("asking", "answer"),
        ("wrap_up", "ask"),
    ],
)
def test_moves_outside_the_table_are_refused(source: str, event: str) -> None:
    machine = Machine(source)  # type: ignore[arg-type]
    assert not machine.can(event)  # type: ignore[arg-type]
    with pytest.raises(IllegalTransitionError):
        machine.fire(event)  # type: ignore[arg-type]
    assert machine.state == source


def test_every_state_is_reachable_and_only_finished_is_terminal() -> None:
    reached, frontier = {"idle"}, ["idle"]
    while frontier:
        state = frontier.pop()
        for t in TRANSITIONS:
            if t.source == state and t.target not in reached:
                reached.add(t.target)
                frontier.append(t.target)
    assert reached == set(STATES)
    for state in STATES:
        exits = {t.target for t in TRANSITIONS if t.source == state}
        leaves = bool(exits - {state})
        assert leaves == (state != "finished"), state


def test_the_table_has_one_transition_per_state_and_event() -> None:
    keys = [(t.source, t.event) for t in TRANSITIONS]
    assert len(keys) == len(set(keys))
    assert set(EVENTS) == {t.event for t in TRANSITIONS}


def test_rendering_lists_every_transition() -> None:
    text = render_machine("text")
    mermaid = render_machine("mermaid")
    assert mermaid.startswith("stateDiagram-v2")
    for t in TRANSITIONS:
        assert f"{t.source} --> {t.target}: {t.event}" in mermaid
        assert t.why in text
    assert len(text.splitlines()) == len(TRANSITIONS) + 2


def test_a_whole_interview_walks_table_transitions_from_idle_to_finished() -> None:
    interview = make_interview()
    interview.start()
    replies = iter(["hint", "repeat", "", "what do you mean", "no idea", "skip"])
    while not interview.finished:
        if interview.state == "candidate_questions":
            interview.reply("no")
            continue
        question = interview.question
        assert question is not None
        interview.reply(next(replies, full_answer(question.id)))
    history = interview._machine.history
    assert history[0][0] == "idle" and history[-1][2] == "finished"
    allowed = {(t.source, t.event, t.target) for t in TRANSITIONS}
    assert all(step in allowed for step in history)
    for (_, _, before), (after, _, _) in itertools.pairwise(history):
        assert before == after
    events = {event for _, event, _ in history}
    assert {"hint", "repeat", "clarify", "empty", "dont_know", "skip", "thread"} <= events


# (replies before, reply, expected kinds of the turns produced, state after)
SCENARIOS = [
    ([], "hint", ["command", "hint"], "awaiting_answer"),
    ([], "could you repeat that", ["command", "repeat"], "awaiting_answer"),
    ([], "rephrase please", ["command", "repeat"], "awaiting_answer"),
    ([], "   ", ["notice"], "awaiting_answer"),
    ([], "go back", ["command", "notice"], "awaiting_answer"),
    ([], "skip", ["command", "feedback", "question"], "awaiting_answer"),
    ([], "let's stop here", ["command", "closing"], "finished"),
    ([], "k1{q} k2{q} x{q}", ["answer", "feedback", "question"], "awaiting_answer"),
    ([], "k1{q}", ["answer", "feedback", "probe"], "awaiting_answer"),
    ([], "nothing relevant", ["answer", "feedback", "hint"], "awaiting_answer"),
    (["let's stop here"], "hello?", ["notice"], "finished"),
]


@pytest.mark.parametrize(("before", "reply", "kinds", "state"), SCENARIOS)
def test_engine_transitions_by_reply(
    before: list[str], reply: str, kinds: list[str], state: str
) -> None:
    interview = make_interview(seed=3)
    interview.start()
    question = interview.question
    assert question is not None and question.level == "basic"
    for text in before:
        interview.reply(text)
    turns = interview.reply(reply.format(q=question.id))
    assert [t.kind for t in turns] == kinds
    assert interview.state == state
