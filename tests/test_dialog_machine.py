"""The dialog's state machine, checked against expectations written here by hand.

Like python-statemachine's example machines, the expectations double as a spec:
:data:`SPEC` lists every move the dialog allows, and the scenarios script an
interview's replies and spell out the moves they must cause. None of them is
read from :data:`~interviewer.dialog.machine.TRANSITIONS`, so a wrong row in the
table, a guard tried in the wrong order or an engine that moves differently fails here.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from test_dialog_support import WordGrader, full_answer, make_bank, make_flow, make_interview
from test_dialog_support import question as make_question
from test_dialog_voice import SpanGrader

from interviewer.dialog import Interview, SessionOptions
from interviewer.dialog.guards import GUARDS
from interviewer.dialog.machine import (
    EVENTS,
    STATES,
    TRANSITIONS,
    IllegalTransitionError,
    Machine,
    render_machine,
)
from interviewer.grading.result import GradeResult
from interviewer.models import Question

# Every move of the dialog, "source event target", grouped by source. Decided moves are
# written in the order their guards are tried, with the guard after a colon.
SPEC = """
idle start greeting
greeting greeted stage_transition
stage_transition no_more_stages wrap_up : only_wrap_up_left
stage_transition enter_stage asking : otherwise
asking stage_done stage_transition : stage_full
asking advance stage_transition : doing_well
asking ask awaiting_answer : question_drawn
asking pool_empty stage_transition : otherwise
awaiting_answer answer grading
awaiting_answer dont_know grading
awaiting_answer hint hinting
awaiting_answer repeat awaiting_answer
awaiting_answer clarify awaiting_answer
awaiting_answer empty awaiting_answer
awaiting_answer skip asking
awaiting_answer back revisiting
awaiting_answer no_back awaiting_answer
awaiting_answer end wrap_up
grading grader_failed awaiting_answer : grading_failed
grading waive asking : unanswered_step_down
grading challenge awaiting_answer : claim_to_question
grading retry hinting : weak_first_attempt
grading probe probing : key_concept_missing
grading thread threading : thread_condition_holds
grading next asking : otherwise
revisiting answer grading_revisit
revisiting dont_know grading_revisit
revisiting hint revisiting
revisiting repeat revisiting
revisiting clarify revisiting
revisiting empty revisiting
revisiting back revisiting
revisiting skip resuming
revisiting end wrap_up
grading_revisit grader_failed revisiting : grading_failed
grading_revisit waive resuming : unanswered_step_down
grading_revisit next resuming : otherwise
resuming resume awaiting_answer
probing asked awaiting_answer
threading asked awaiting_answer
hinting hinted awaiting_answer
wrap_up invite_questions candidate_questions : ran_its_course
wrap_up closed finished : otherwise
candidate_questions input candidate_questions
candidate_questions empty candidate_questions
candidate_questions no_questions wrap_up : no_more_questions
finished input finished
"""


def _spec() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in SPEC.strip().splitlines():
        move, _, guard = line.partition(" : ")
        source, event, target = move.split()
        rows.append((source, event, target, guard.strip()))
    return rows


@pytest.mark.parametrize(("source", "event", "target", "guard"), _spec())
def test_each_move_of_the_spec_goes_where_it_says(
    source: str, event: str, target: str, guard: str
) -> None:
    machine = Machine(source)  # type: ignore[arg-type]
    assert machine.fire(event) == target  # type: ignore[arg-type]
    assert machine.history == [(source, event, target)]


def test_the_table_is_the_spec_row_for_row_with_its_guards_in_order() -> None:
    assert [(t.source, t.event, t.target, t.guard) for t in TRANSITIONS] == _spec()
    assert set(GUARDS) == {guard for *_, guard in _spec() if guard}


@pytest.mark.parametrize(
    ("source", "event"),
    [
        ("idle", "answer"),
        ("awaiting_answer", "start"),
        ("grading", "hint"),
        ("finished", "answer"),
        ("asking", "answer"),
        ("wrap_up", "ask"),
        ("revisiting", "no_back"),
        ("resuming", "ask"),
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


def test_rendering_lists_every_transition_and_its_guard() -> None:
    text = render_machine("text")
    mermaid = render_machine("mermaid")
    assert mermaid.startswith("stateDiagram-v2")
    for t in TRANSITIONS:
        assert f"{t.source} --> {t.target}: {t.event}" in mermaid
        assert t.why in text
        if t.guard:
            assert f"[{t.guard}]" in text and f"{t.event} [{t.guard}]" in mermaid
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
    history = interview.history
    assert history[0][0] == "idle" and history[-1][2] == "finished"
    allowed = {(source, event, target) for source, event, target, _ in _spec()}
    assert all(step in allowed for step in history)
    for (_, _, before), (after, _, _) in itertools.pairwise(history):
        assert before == after
    events = {event for _, event, _ in history}
    assert {"hint", "repeat", "clarify", "empty", "dont_know", "skip", "thread"} <= events


# -- scripted interviews: replies and the moves they must cause, written out by hand --------

STEP_DOWN = make_question("s1", "intermediate", ["theta"], threads=[
    {"to": "b2", "when": {"grade_below": 3}},
])  # fmt: skip


def _stage(ids: list[str], count: int, **rules: Any) -> list[dict[str, Any]]:
    stage = {"id": "intermediate", "title": "T", "pool": {"ids": ids}}
    stage["questions"] = {"short": count, "full": count}
    return [{**stage, **rules}, {"id": "wrap-up", "title": "W"}]


TWO = _stage(["b1", "b2"], 2)
ADVANCING = [
    *_stage(["b1", "b2", "b4"], 3, min_questions=1, advance_at=4.0)[:1],
    {"id": "advanced", "title": "A", "pool": {"ids": ["a1"]}, "questions": {"short": 2, "full": 2}},
    {"id": "wrap-up", "title": "W"},
]
OPENING = "start>greeting greeted>stage_transition enter_stage>asking ask>awaiting_answer"


class Failing(WordGrader):
    """Fails on an answer that is only the word "crash"."""

    def grade(self, question: Question, answer: str) -> GradeResult:
        """Raise on "crash", else grade as the word grader does."""
        if answer.strip() == "crash":
            raise RuntimeError("grader down")
        return super().grade(question, answer)


def _interview(stages: list[dict[str, Any]], grader: Any = None, **flow: Any) -> Interview:
    bank = make_bank([STEP_DOWN])
    interview = Interview(
        bank, make_flow(stages=stages, **flow), grader or WordGrader(), SessionOptions(seed=1)
    )
    interview.start()
    return interview


def _moves(interview: Interview, reply: str) -> str:
    """The reply's moves as ``event>state`` words; ``{full}`` is a full answer, ``{q}`` the id."""
    before = len(interview.history)
    qid = interview.question.id if interview.question is not None else ""
    interview.reply(reply.format(q=qid, full=full_answer(qid)))
    return " ".join(f"{event}>{target}" for _, event, target in interview.history[before:])


SCENARIOS: dict[str, tuple[list[dict[str, Any]], Any, dict[str, Any], list[tuple[str, str]]]] = {
    "two full answers, then no questions": (TWO, None, {}, [
        ("{full}", "answer>grading next>asking ask>awaiting_answer"),
        ("{full}", "answer>grading next>asking stage_done>stage_transition "
         "no_more_stages>wrap_up invite_questions>candidate_questions"),
        ("what's next?", "input>candidate_questions"),
        ("no", "input>candidate_questions no_questions>wrap_up closed>finished"),
        ("hello?", "input>finished"),
    ]),
    "a weak attempt, a partial one, a probe answered": (TWO, None, {}, [
        ("nothing relevant", "answer>grading retry>hinting hinted>awaiting_answer"),
        ("k1{q}", "answer>grading probe>probing asked>awaiting_answer"),
        ("k2{q}", "answer>grading next>asking ask>awaiting_answer"),
    ]),
    "commands while awaiting an answer": (TWO, None, {}, [
        ("hint", "hint>hinting hinted>awaiting_answer"),
        ("could you repeat that", "repeat>awaiting_answer"),
        ("rephrase please", "clarify>awaiting_answer"),
        ("   ", "empty>awaiting_answer"),
        ("go back", "no_back>awaiting_answer"),
        ("skip", "skip>asking ask>awaiting_answer"),
        ("let's stop here", "end>wrap_up closed>finished"),
    ]),
    "a revisit answered, then one dropped": (TWO, None, {}, [
        ("{full}", "answer>grading next>asking ask>awaiting_answer"),
        ("go back", "back>revisiting"),
        ("go back", "back>revisiting"),
        ("hint", "hint>revisiting"),
        ("k1{q}", "answer>grading_revisit next>resuming resume>awaiting_answer"),
        ("go back", "back>revisiting"),
        ("skip", "skip>resuming resume>awaiting_answer"),
        ("go back", "back>revisiting"),
        ("let's stop here", "end>wrap_up closed>finished"),
    ]),
    "a failing grader keeps the question, and the revisit, open": (TWO, Failing(), {}, [
        ("crash", "answer>grading grader_failed>awaiting_answer"),
        ("{full}", "answer>grading next>asking ask>awaiting_answer"),
        ("go back", "back>revisiting"),
        ("crash", "answer>grading_revisit grader_failed>revisiting"),
        ("I don't know", "dont_know>grading_revisit next>resuming resume>awaiting_answer"),
    ]),
    "a wrong claim is challenged once": (TWO, SpanGrader(), {}, [
        ("wrong{q} is how it works", "answer>grading challenge>awaiting_answer"),
        ("yes, wrong{q} really", "answer>grading retry>hinting hinted>awaiting_answer"),
    ]),
    "doing well ends a stage early; an empty pool ends the next": (ADVANCING, None, {}, [
        ("{full}", "answer>grading next>asking advance>stage_transition "
         "enter_stage>asking ask>awaiting_answer"),
        ("{full}", "answer>grading next>asking pool_empty>stage_transition "
         "no_more_stages>wrap_up invite_questions>candidate_questions"),
    ]),
    "a step-down follow-up not answered is waived": (
        _stage(["s1"], 3), None, {"max_hints": 0, "max_probes_per_question": 0}, [
            ("nothing relevant", "answer>grading thread>threading asked>awaiting_answer"),
            ("no idea", "dont_know>grading waive>asking pool_empty>stage_transition "
             "no_more_stages>wrap_up invite_questions>candidate_questions"),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", SCENARIOS)
def test_scripted_replies_make_the_moves_written_out(name: str) -> None:
    stages, grader, flow, script = SCENARIOS[name]
    interview = _interview(stages, grader, **flow)
    assert " ".join(f"{e}>{t}" for _, e, t in interview.history) == OPENING
    assert [(reply, _moves(interview, reply)) for reply, _ in script] == script


# (replies before, reply, expected kinds of the turns produced, state after)
SCENARIOS_BY_TURNS = [
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


@pytest.mark.parametrize(("before", "reply", "kinds", "state"), SCENARIOS_BY_TURNS)
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
