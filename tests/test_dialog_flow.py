"""Stages in order, adaptation, seeded selection, modes and bad input."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from test_dialog_support import (
    WordGrader,
    full_answer,
    make_bank,
    make_flow,
    make_interview,
    question,
)

from interviewer.dialog import Interview, SessionOptions, Turn
from interviewer.dialog.selection import OFF_TRACK, VARIETY, question_weight
from interviewer.dialog.voice import default_lines


def run(interview: Interview, answer: Callable[[str], str]) -> Interview:
    interview.start()
    for _ in range(200):
        if interview.finished:
            break
        if interview.state == "candidate_questions":
            interview.reply("no")
            continue
        q = interview.question
        assert q is not None
        interview.reply(answer(q.id))
    assert interview.finished
    return interview


def stage_path(interview: Interview) -> list[str]:
    return [t.stage or "" for t in interview.transcript.turns if t.kind == "stage"]


def main_per_stage(interview: Interview) -> Counter[str]:
    return Counter(r.stage for r in interview.transcript.questions if r.role != "thread")


def asked_per_stage(interview: Interview) -> Counter[str]:
    return Counter(r.stage for r in interview.transcript.questions)


def test_stages_run_in_order_with_their_short_and_full_counts() -> None:
    short = run(make_interview(length="short"), full_answer)
    assert stage_path(short) == ["basic", "intermediate", "advanced", "project", "wrap-up"]
    # follow-ups count towards a stage's questions, so the length is what the flow says
    assert asked_per_stage(short) == {"basic": 2, "intermediate": 2, "advanced": 1, "project": 1}
    full = run(make_interview(length="full"), full_answer)
    counts = asked_per_stage(full)
    # b3 is on the cv track only, so the general flow never asks it: 3 basic questions
    assert counts["basic"] == 3 and counts["project"] == 1
    assert counts["intermediate"] + counts["advanced"] >= 4  # threads may use up a pool
    assert full.transcript.ended_by == "completed"


def test_levels_follow_the_stage() -> None:
    interview = run(make_interview(seed=5), full_answer)
    bank = make_bank()
    for record in interview.transcript.questions:
        if record.role == "main":
            assert bank.questions[record.question_id].level == record.stage


def test_advance_at_moves_up_early() -> None:
    stages = make_flow().model_dump()["stages"]
    stages[0].update(questions={"short": 4, "full": 4}, min_questions=1, advance_at=4.0)
    strong = run(make_interview(flow=make_flow(stages=stages)), full_answer)
    assert main_per_stage(strong)["basic"] == 1
    advance = default_lines().advance
    assert any(t.text.startswith(tuple(advance)) for t in strong.transcript.turns)
    middling = run(make_interview(flow=make_flow(stages=stages)), lambda q: f"k1{q}")
    assert main_per_stage(middling)["basic"] == 3  # every on-track basic question


def test_step_down_draws_from_the_previous_stage_when_struggling() -> None:
    stages = make_flow().model_dump()["stages"]
    stages[1].update(questions={"short": 3, "full": 3}, min_questions=1, step_down_below=2.0)
    interview = run(make_interview(flow=make_flow(stages=stages)), lambda q: "no idea")
    records = [r for r in interview.transcript.questions if r.stage == "intermediate"]
    # three questions in the stage: the first at its level, then easier ground
    # (follow-up threads count towards the three)
    assert len(records) == 3 and records[0].role == "main"
    assert {r.role for r in records[1:]} <= {"easier", "thread"}
    bank = make_bank()
    easier = [r for r in records if r.role == "easier"]
    assert easier and {bank.questions[r.question_id].level for r in easier} == {"basic"}
    easier_turns = [t for t in interview.transcript.turns if t.meta.get("role") == "easier"]
    assert len(easier_turns) == len(easier)


def test_strong_answers_score_higher_than_weak_ones() -> None:
    strong = run(make_interview(), full_answer).report()
    middling = run(make_interview(), lambda q: f"k1{q} k2{q}").report()
    weak = run(make_interview(), lambda q: "no idea").report()
    assert strong.overall is not None and middling.overall is not None
    assert weak.overall is not None
    assert strong.overall > middling.overall > weak.overall


def test_same_seed_and_answers_give_the_same_transcript() -> None:
    def answers(q: str) -> str:
        return full_answer(q) if q.endswith(("1", "3")) else f"k1{q}"

    first = run(make_interview(seed=11), answers).transcript.to_json()
    second = run(make_interview(seed=11), answers).transcript.to_json()
    assert first == second


def test_different_seeds_give_different_orders() -> None:
    orders = set()
    for seed in range(8):
        interview = run(make_interview(seed=seed), full_answer)
        orders.add(tuple(r.question_id for r in interview.transcript.questions))
    assert len(orders) >= 3


def test_topic_weights_and_track_weight_the_draw() -> None:
    bank = make_bank()
    flow = make_flow()
    stage = flow.stages[0].model_copy(update={"topic_weights": {"alpha": 3.0, "gamma": 0.0}})
    none: Counter[str] = Counter()
    assert question_weight(bank.questions["b1"], stage, flow, none) == 3.0
    assert question_weight(bank.questions["b3"], stage, flow, none) == 3.0 * OFF_TRACK
    assert question_weight(bank.questions["b4"], stage, flow, none) == 0.0
    assert question_weight(bank.questions["b2"], stage, flow, Counter(beta=2)) == VARIETY**2
    stages = flow.model_dump()["stages"]
    stages[0].update(topic_weights={"gamma": 0.0}, questions={"short": 3, "full": 3})
    for seed in range(6):
        interview = run(make_interview(flow=make_flow(stages=stages), seed=seed), full_answer)
        assert "b4" not in {r.question_id for r in interview.transcript.questions}


def test_heavier_topics_are_drawn_more_often() -> None:
    stages = make_flow().model_dump()["stages"]
    stages[0].update(topic_weights={"beta": 20.0}, questions={"short": 1, "full": 1})
    firsts = Counter()
    for seed in range(30):
        interview = make_interview(flow=make_flow(stages=stages), seed=seed)
        interview.start()
        assert interview.question is not None
        firsts[interview.question.id] += 1
    assert firsts["b2"] > 20


def test_practice_mode_gives_feedback_and_interview_mode_keeps_it_for_the_report() -> None:
    practice = run(make_interview(mode="practice"), lambda q: f"k1{q} k2{q}")
    interview = run(make_interview(mode="interview"), lambda q: f"k1{q} k2{q}")
    practice_kinds = Counter(t.kind for t in practice.transcript.turns)
    interview_kinds = Counter(t.kind for t in interview.transcript.turns)
    answers = [t for t in practice.transcript.turns if t.kind == "answer" and t.question_id]
    assert practice_kinds["feedback"] == len(answers)
    assert interview_kinds["feedback"] == 0
    assert interview.report().overall is not None and interview.report().questions
    closing = next(t for t in practice.transcript.turns if t.kind == "closing")
    assert "Overall" in closing.text


def test_feedback_names_misconceptions_with_their_correction() -> None:
    interview = make_interview()
    interview.start()
    q = interview.question
    assert q is not None
    turns = interview.reply(f"{full_answer(q.id)} wrong{q.id}")
    feedback = next(t for t in turns if t.kind == "feedback")
    assert "A wrong claim." in feedback.text and "The right claim." in feedback.text


def test_on_turn_sees_every_turn_in_order() -> None:
    seen: list[Turn] = []
    interview = Interview(
        make_bank(), make_flow(), WordGrader(), SessionOptions(seed=4), on_turn=seen.append
    )
    returned = list(interview.start())
    while not interview.finished:
        if interview.state == "candidate_questions":
            returned += interview.reply("no")
            continue
        q = interview.question
        assert q is not None
        returned += interview.reply(full_answer(q.id))
    assert seen == returned == interview.transcript.turns


@pytest.mark.parametrize(
    "bad",
    ["", "   \n\t", None, 42, "\x00\x01\x02", "a" * 100_000, "💥" * 50, "<script>", "{}"],
)
def test_bad_input_never_raises_and_the_session_goes_on(bad: Any) -> None:
    interview = make_interview()
    interview.start()
    turns = interview.reply(bad)
    assert turns
    assert interview.state == "awaiting_answer"
    q = interview.question
    assert q is not None
    assert interview.reply(full_answer(q.id))[0].kind == "answer"


def test_input_outside_the_interview_is_handled() -> None:
    interview = make_interview()
    first = interview.reply("hello")  # before start(): starts
    assert [t.kind for t in first][:2] == ["greeting", "stage"]
    assert interview.start()[0].kind == "notice"
    interview.reply("quit")
    assert interview.finished
    recorded = len(interview.transcript.turns)
    for late in (interview.reply("more"), interview.command("hint"), interview.start()):
        assert [t.kind for t in late] == ["notice"]
    assert len(interview.transcript.turns) == recorded
    assert interview.question is None


def test_progress_counts_main_questions() -> None:
    interview = make_interview()
    interview.start()
    assert interview.progress == (1, 6)
    run_to_end = run(make_interview(), full_answer)
    asked, planned = run_to_end.progress
    assert asked == planned == 6


def test_the_main_topic_decides_and_a_zero_excludes() -> None:
    flow = make_flow()
    item = question("m1", "advanced", ["zeta", "alpha"])
    none: Counter[str] = Counter()

    def weight(weights: dict[str, float]) -> float:
        stage = flow.stages[2].model_copy(update={"topic_weights": weights})
        return question_weight(item, stage, flow, none)

    assert weight({"zeta": 0.2, "alpha": 3.0}) == 0.2
    assert weight({"alpha": 3.0, "eta": 5.0}) == 3.0
    assert weight({"eta": 5.0}) == 1.0
    assert weight({"zeta": 2.0, "alpha": 0.0}) == 0.0
