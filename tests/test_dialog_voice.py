"""Issue 10's rules, one test each: a varied voice, follow-ups that build on the answer,
fair rules, and an end like a real interview."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path
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

from interviewer.dialog import Interview, SessionOptions
from interviewer.dialog.rules import next_probe, thread_targets
from interviewer.dialog.voice import VOICE_FILE, Voice, band, default_lines, load_voice
from interviewer.dialog.wrapup import closing_kind
from interviewer.errors import BankLoadError
from interviewer.grading.result import GradeResult, Span
from interviewer.models import Question
from interviewer.packaged import packaged_data_dir
from interviewer.transcript import QuestionRecord

LINES = default_lines()


def _span(answer: str, words: str) -> tuple[Span, ...]:
    at = answer.lower().find(words.lower())
    return (Span(at, at + len(words), answer[at : at + len(words)]),) if at >= 0 else ()


class SpanGrader(WordGrader):
    """The word grader, with the evidence a real grader gives.

    A credited concept's span runs to the end of its clause (so it can be quoted),
    a misconception carries its words, and ``p2<qid>`` is partial evidence of the
    second key concept: not credited, but with the candidate's words as its span.
    """

    def grade(self, question: Question, answer: str) -> GradeResult:
        result = super().grade(question, answer)
        token = question.id.replace("-", "")
        concepts = []
        for match in result.concepts:
            if match.credited and match.spans:
                start = match.spans[0].start
                end = len(re.split(r"[.,;\n]", answer[start:], maxsplit=1)[0]) + start
                match = dataclasses.replace(match, spans=(Span(start, end, answer[start:end]),))
            partial = re.search(rf"p2{token}\s+\w+", answer)
            if match.concept_id == "key2" and not match.credited and partial:
                match = dataclasses.replace(
                    match,
                    method="partial",
                    confidence=0.6,
                    spans=(Span(partial.start(), partial.end(), partial.group()),),
                )
            concepts.append(match)
        hits = tuple(
            dataclasses.replace(hit, spans=_span(answer, hit.phrasing))
            for hit in result.misconceptions
        )
        return dataclasses.replace(result, concepts=tuple(concepts), misconceptions=hits)


def interview_of(
    ids: list[str], *, mode: str = "practice", bank: Any = None, **flow: Any
) -> Interview:
    """An interview whose one stage asks exactly ``ids``, graded by :class:`SpanGrader`."""
    stages = [
        {
            "id": "intermediate",
            "title": "Only",
            "pool": {"ids": ids},
            "questions": {"short": len(ids) + 3, "full": len(ids) + 3},
        },
        {"id": "wrap-up", "title": "Wrap-up"},
    ]
    config = SessionOptions(seed=1, mode=mode)  # type: ignore[arg-type]
    interview = Interview(
        bank or make_bank(), make_flow(stages=stages, **flow), SpanGrader(), config
    )
    interview.start()
    return interview


def play_out(interview: Interview, reply: Any = full_answer) -> Interview:
    if interview.state == "idle":
        interview.start()
    for _ in range(100):
        if interview.finished:
            break
        if interview.state == "candidate_questions":
            interview.reply("no")
            continue
        assert interview.question is not None
        interview.reply(reply(interview.question.id))
    return interview


# -- utterances as data, drawn by the seed ---------------------------------------------------


def test_a_pool_never_repeats_until_it_is_used_up() -> None:
    voice = Voice(LINES, seed=3)
    pool = LINES.pool("acknowledge.strong")
    drawn = [voice.say("acknowledge.strong") for _ in range(len(pool))]
    assert sorted(drawn) == sorted(pool)
    again = [voice.say("acknowledge.strong") for _ in range(len(pool))]
    assert sorted(again) == sorted(pool) and again[0] != drawn[-1]


def test_the_seed_decides_the_phrasings() -> None:
    def draws(seed: int) -> list[str]:
        voice = Voice(LINES, seed=seed)
        return [voice.say("move_on") for _ in range(5)]

    assert draws(1) == draws(1)
    assert draws(1) != draws(2)


def test_placeholders_are_filled() -> None:
    text = Voice(LINES, seed=1).say("are_you_sure", quote="XOR is linear")
    assert '"XOR is linear"' in text and "{" not in text


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        (5.0, "strong"),
        (4.0, "strong"),
        (3.9, "good"),
        (3.0, "good"),
        (2.9, "partial"),
        (1.5, "partial"),
        (1.4, "weak"),
        (0.0, "weak"),
    ],
)
def test_grade_bands(credit: float, expected: str) -> None:
    assert band(credit) == expected


def test_a_bad_voice_file_names_file_line_field_and_fix(tmp_path: Path) -> None:
    text = packaged_data_dir("dialogs") / VOICE_FILE
    broken = text.read_text(encoding="utf-8").replace(
        "  - Let me give you a nudge.", "  - Let me give you a {nudge}."
    )
    path = tmp_path / "_voice.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(BankLoadError) as caught:
        load_voice(path)
    problem = caught.value.problems[0]
    assert problem.field.startswith("hint_lead[") and "{nudge}" in problem.message
    assert problem.line == broken.splitlines().index("  - Let me give you a {nudge}.") + 1
    assert problem.fix


def test_acknowledgements_match_the_answer() -> None:
    strong = interview_of(["b1"]).reply(full_answer("b1"))
    feedback = next(t for t in strong if t.kind == "feedback")
    assert any(feedback.text.startswith(line) for line in LINES.acknowledge.strong)
    weak = interview_of(["b1"]).reply("something unrelated")
    feedback = next(t for t in weak if t.kind == "feedback")
    assert any(feedback.text.startswith(line) for line in LINES.acknowledge.weak)


def test_interview_mode_acknowledges_between_answers_without_feedback() -> None:
    turns = interview_of(["b1", "b2"], mode="interview").reply(full_answer("b1"))
    assert "feedback" not in [t.kind for t in turns]
    nxt = turns[-1]
    assert nxt.kind == "question" and nxt.text.endswith("Question b2?")
    assert any(nxt.text.startswith(line) for line in LINES.acknowledge.strong)


def test_a_stage_intro_names_the_topic_of_the_question_that_follows() -> None:
    for seed in range(6):
        interview = make_interview(seed=seed)
        play_out(interview)
        turns = interview.transcript.turns
        for index, turn in enumerate(turns):
            if turn.kind != "stage" or "topics" not in turn.meta:
                continue
            following = next(t for t in turns[index + 1 :] if t.kind == "question")
            topic = make_bank().questions[following.question_id or ""].topics[0]
            assert turn.meta["topics"] == [topic] and topic in turn.text


def test_closings_reflect_how_the_interview_ended_and_went() -> None:
    assert closing_kind("candidate", [4.0]) == "early"
    assert closing_kind("candidate", []) == "empty"
    assert closing_kind("completed", [4.5, 4.0]) == "strong"
    assert closing_kind("completed", [3.0, 2.5]) == "mixed"
    assert closing_kind("completed", [0.5, 1.0]) == "weak"
    ended = make_interview()
    ended.start()
    closing = ended.reply("let's stop here")[-1]
    assert closing.kind == "closing" and closing.meta["closing"] == "empty"
    assert closing.text.startswith(tuple(LINES.closing.empty))
    strong = play_out(make_interview())
    closing = strong.transcript.turns[-1]
    assert closing.meta["closing"] == "strong"
    assert closing.text.startswith(make_flow().closing)
    weak = play_out(make_interview(), lambda q: "no clue at all, sorry")
    assert weak.transcript.turns[-1].meta["closing"] == "weak"
    assert make_flow().closing not in weak.transcript.turns[-1].text


def test_strengths_are_answers_graded_4_or_more() -> None:
    middling = play_out(make_interview(), lambda q: f"k1{q} k2{q}")  # 3.5 each
    assert middling.report().strengths == []
    strong = play_out(make_interview())
    assert len(strong.report().strengths) == len(strong.transcript.questions)


def test_no_interviewer_sentence_repeats_in_a_session() -> None:
    interview = play_out(make_interview(length="full"), lambda q: f"k1{q}")
    said: Counter[str] = Counter()
    for turn in interview.transcript.turns:
        if turn.role == "interviewer" and turn.kind not in ("repeat", "feedback"):
            said.update(s for s in re.split(r"(?<=[.!?])\s+", turn.text) if s)
    assert [s for s, n in said.items() if n > 1 and "Question" not in s] == []


# -- follow-ups that build on the answer ------------------------------------------------------


def test_a_probe_never_asks_for_a_concept_credited_by_an_earlier_answer() -> None:
    q = make_bank().questions["b1"]
    record = QuestionRecord("b1", "basic", answers=["x"])
    record.result = WordGrader().grade(q, "xb1")
    record.status = "answered"
    assert next_probe(q, record, make_flow()).id == "key1"  # type: ignore[union-attr]
    assert next_probe(q, record, make_flow(), credited_before={"key1"}).id == "key2"  # type: ignore[union-attr]


def test_partial_evidence_becomes_a_follow_up_on_what_was_said() -> None:
    interview = interview_of(["b1"])
    turns = interview.reply("k1b1 matters, and p2b1 counts somehow")
    probe = turns[-1]
    assert probe.kind == "probe" and probe.meta["deeper"] is True
    assert '"p2b1 counts"' in probe.text and "Probe two for b1?" not in probe.text


def test_are_you_sure_comes_once_after_a_wrong_claim_and_before_any_hint() -> None:
    interview = interview_of(["b1"])
    first = interview.reply("wrongb1 is how it works")
    assert [t.kind for t in first] == ["answer", "probe"]
    assert first[-1].meta["challenge"] and '"wrongb1"' in first[-1].text
    assert "hint" not in [t.kind for t in first]
    second = interview.reply("yes, wrongb1 really")
    assert not any(t.meta.get("challenge") for t in second)
    assert "hint" in [t.kind for t in second]  # still weak: now the hint comes


def test_a_claim_taken_back_after_are_you_sure_is_not_held_against_the_candidate() -> None:
    interview = interview_of(["b1", "b2"])
    interview.reply("k1b1 and wrongb1")
    interview.reply("sorry, I take that back: k1b1 and k2b1 and xb1")
    record = interview.transcript.questions[0]
    assert record.misconceptions == [] and (record.credit or 0) >= 4.5


def test_a_follow_up_the_answer_already_covered_is_not_asked() -> None:
    bank = make_bank(
        [
            question(
                "c1", "intermediate", ["delta"], threads=[{"to": "c2", "when": {"always": True}}]
            ),
            question("c2", "intermediate", ["delta"]),
        ]
    )
    covered = interview_of(["c1"], bank=bank)
    turns = covered.reply("k1c1 k2c1 xc1, and also k1c2 and k2c2")
    assert "thread" not in [t.kind for t in turns]
    assert "c2" not in {r.question_id for r in covered.transcript.questions}
    fresh = interview_of(["c1"], bank=bank)
    assert fresh.reply("k1c1 k2c1 xc1")[-1].kind == "thread"


def test_a_follow_up_goes_one_step_deeper_on_what_was_named() -> None:
    bank = make_bank(
        [
            question(
                "c1", "intermediate", ["delta"], threads=[{"to": "c2", "when": {"always": True}}]
            ),
            question("c2", "intermediate", ["delta"]),
        ]
    )
    interview = interview_of(["c1"], bank=bank)
    turns = interview.reply("k1c1 k2c1 xc1. Also k2c2 helps a lot")
    thread = turns[-1]
    assert thread.kind == "thread" and thread.meta["builds_on"]
    assert '"k2c2 helps a lot"' in thread.text and thread.text.endswith("Probe one for c2?")
    # graded with what was already said: giving the missing idea completes it
    interview.reply("k1c2")
    record = interview.transcript.questions[-1]
    assert {c.concept_id for c in record.result.credited} >= {"key1", "key2"}  # type: ignore[union-attr]


# -- fair rules ----------------------------------------------------------------------------------


def test_questions_always_respect_the_flows_track() -> None:
    for seed in range(20):
        interview = play_out(make_interview(seed=seed, length="full"), lambda q: f"k1{q}")
        assert "b3" not in {r.question_id for r in interview.transcript.questions}  # cv only


def test_follow_ups_honour_the_stages_topic_filter() -> None:
    flow = make_flow()
    pool = list(make_bank().questions.values())
    stage = flow.stages[1].model_copy(update={"topic_weights": {"epsilon": 0.0}})
    targets = thread_targets(pool, flow, "intermediate", stage)
    assert "i3" not in targets and "i4" not in targets and "i2" in targets
    narrowed = stage.model_copy(
        update={"pool": stage.pool.model_copy(update={"topics": ["delta"]})}  # type: ignore[union-attr]
    )
    assert thread_targets(pool, flow, "intermediate", narrowed) == {"i1", "i2"}


def _step_down_bank() -> Any:
    return make_bank(
        [
            question(
                "c1",
                "intermediate",
                ["delta"],
                threads=[{"to": "c2", "when": {"grade_below": 2.0}, "say": "Let's step back."}],
            ),
            question("c2", "basic", ["delta"]),
        ]
    )


@pytest.mark.parametrize("reply", ["skip", "I don't know"])
def test_a_gap_is_not_scored_twice_by_its_step_down(reply: str) -> None:
    interview = interview_of(["c1"], bank=_step_down_bank(), max_hints=0)
    turns = interview.reply("I don't know")
    assert turns[-1].kind == "thread" and turns[-1].question_id == "c2"
    interview.reply(reply)
    step_down = interview.transcript.questions[1]
    assert step_down.status == "waived" and step_down.credit is None
    report = interview.report()
    assert report.answered + report.skipped == 1 and report.overall == 0.0
    assert "| waived |" in report.to_markdown()


def test_an_answered_step_down_still_counts() -> None:
    interview = interview_of(["c1"], bank=_step_down_bank(), max_hints=0)
    interview.reply("I don't know")
    interview.reply(full_answer("c2"))
    assert interview.transcript.questions[1].credit == 5.0


def test_dont_know_acknowledges_and_moves_on_without_hint_or_probe() -> None:
    interview = interview_of(["b1", "b2"])
    turns = interview.reply("I don't know")
    assert not {"hint", "probe"} & {t.kind for t in turns}
    assert any(t.text.startswith(tuple(LINES.dont_know)) for t in turns if t.role == "interviewer")


def test_rubric_lint_checks_the_voice_file(tmp_path: Path) -> None:
    from interviewer.authoring.lint import lint_paths

    assert lint_paths([packaged_data_dir("dialogs") / VOICE_FILE]).errors == []
    broken = tmp_path / VOICE_FILE
    text = (packaged_data_dir("dialogs") / VOICE_FILE).read_text(encoding="utf-8")
    broken.write_text(text.replace("  - Spot on.", "  - Spot on, {name}."), encoding="utf-8")
    errors = lint_paths([broken], with_bank=False).errors
    assert [e.field for e in errors] == [errors[0].field] and "{name}" in errors[0].message
    assert errors[0].field.startswith("acknowledge.strong[")


def test_every_bank_topic_has_a_spoken_name() -> None:
    """A stage intro names its first question's topic: never a raw id such as 'hands on'."""
    from interviewer.loader import load_bank

    names = default_lines().topic_names
    assert set(load_bank().topics) <= set(names)
    assert Voice(default_lines(), seed=1).topic_name("hands-on") == "hands-on exercises"
