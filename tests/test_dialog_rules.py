"""Per-question rules: probes, threads, hints and retries, back, skip."""

from __future__ import annotations

from typing import Any

from test_dialog_support import WordGrader, full_answer, make_bank, make_flow, question

from interviewer.dialog import Interview, SessionOptions
from interviewer.grading.result import HINT_COST


def only(ids: list[str], **flow: Any) -> Interview:
    """An interview whose first stage asks exactly ``ids`` (one main question each).

    The stage has room for three follow-ups, which count towards its questions.
    """
    stages = [
        {
            "id": "intermediate",
            "title": "Only",
            "pool": {"ids": ids},
            "questions": {"short": len(ids) + 3, "full": len(ids) + 3},
        },
        {"id": "wrap-up", "title": "Wrap-up"},
    ]
    interview = Interview(
        make_bank(), make_flow(stages=stages, **flow), WordGrader(), SessionOptions(seed=1)
    )
    interview.start()
    return interview


def kinds(turns: list[Any]) -> list[str]:
    return [t.kind for t in turns]


def test_a_missing_key_concept_is_probed_with_its_probe() -> None:
    interview = only(["b1"])
    turns = interview.reply("k1b1 and xb1")
    assert kinds(turns)[-1] == "probe"
    assert turns[-1].text.endswith("Probe two for b1?")
    assert turns[-1].meta["concept"] == "key2"


def test_the_heaviest_missing_key_concept_is_probed_first() -> None:
    interview = only(["b1"], max_probes_per_question=2)
    turns = interview.reply("xb1 and k2b1")
    assert turns[-1].text.endswith("Probe one for b1?")


def test_a_probe_answer_can_raise_the_question_credit() -> None:
    interview = only(["b1"])
    interview.reply("k1b1")
    before = interview.transcript.questions[0].credit
    interview.reply("k2b1")
    record = interview.transcript.questions[0]
    assert before is not None and record.credit is not None
    assert record.credit > before
    assert {c.concept_id for c in record.result.credited} == {"key1", "key2"}  # type: ignore[union-attr]


def test_probes_are_bounded_per_question() -> None:
    for limit in (0, 1, 2):
        interview = only(["b1", "b2"], max_probes_per_question=limit)
        probes = 0
        turns = interview.reply("xb1")  # 1.5/5: no retry, both key concepts missing
        while interview.question is not None and interview.question.id == "b1":
            probes += kinds(turns).count("probe")
            turns = interview.reply("something unrelated")
        assert probes == limit
        assert interview.transcript.questions[0].probes == ["key1", "key2"][:limit]


def test_probes_never_follow_dont_know() -> None:
    interview = only(["b1"])
    interview.reply("no idea")  # earns a hint and a retry
    turns = interview.reply("I don't know")
    assert "probe" not in kinds(turns)


def test_a_weak_first_answer_earns_one_hint_and_a_retry() -> None:
    interview = only(["b1", "b2"])
    turns = interview.reply("something vague")
    assert kinds(turns) == ["answer", "feedback", "hint"]
    assert turns[-1].text.endswith("Hint 1 for b1.")
    turns = interview.reply(full_answer("b1"))
    record = interview.transcript.questions[0]
    assert record.hints_used == 1
    assert record.credit == 5.0 - HINT_COST
    assert "hint" not in kinds(turns)


def test_requested_hints_follow_the_ladder_and_stop_at_max_hints() -> None:
    interview = only(["b1"], max_hints=2)
    texts = [interview.reply("hint")[-1].text for _ in range(3)]
    assert texts[:2] == ["Hint 1 for b1.", "Hint 2 for b1."]
    assert "all the hints" in texts[2]
    assert interview.transcript.questions[0].hints_used == 2


def test_hints_stop_at_the_ladder_length() -> None:
    interview = only(["b1"], max_hints=5)
    for _ in range(4):
        interview.reply("hint")
    assert interview.transcript.questions[0].hints_used == 2


def test_a_thread_is_followed_when_its_condition_holds() -> None:
    interview = only(["i1"])
    turns = interview.reply("k1i1 k2i1 about a sequence")
    thread = turns[-1]
    assert thread.kind == "thread" and thread.question_id == "i2"
    assert thread.text.startswith("Sequences, then.")
    record = interview.transcript.questions[-1]
    assert (record.role, record.depth, record.parent) == ("thread", 1, "i1")


def test_a_bridging_question_replaces_the_target_wording() -> None:
    extra = [
        question(
            "c1",
            "basic",
            ["alpha"],
            threads=[{"to": "c2", "when": {"always": True}, "say": "So what about c2?"}],
        ),
        question("c2", "basic", ["alpha"]),
    ]
    stages = [
        {
            "id": "basic",
            "title": "B",
            "pool": {"ids": ["c1"]},
            "questions": {"short": 2, "full": 2},
        },
        {"id": "wrap-up", "title": "W"},
    ]
    interview = Interview(make_bank(extra), make_flow(stages=stages), WordGrader())
    interview.start()
    turns = interview.reply(full_answer("c1"))
    assert turns[-1].kind == "thread" and turns[-1].text == "So what about c2?"
    assert interview.reply("repeat")[-1].text == "So what about c2?"
    assert interview.reply("rephrase")[-1].text == "Put differently, c2?"


def test_threads_are_checked_in_order_and_by_grade() -> None:
    strong = only(["i1"])
    assert strong.reply(full_answer("i1"))[-1].question_id == "a1"  # grade_at_least 4
    middling = only(["i1"])
    turns = middling.reply("k1i1 k2i1")  # 3.5: neither mentioned nor >= 4
    assert "thread" not in kinds(turns)


def test_thread_depth_is_bounded() -> None:
    for depth in (0, 1, 2, 3):
        interview = only(["i2"], max_thread_depth=depth)
        while not interview.finished:
            if interview.state == "candidate_questions":
                interview.reply("no")
                continue
            q = interview.question
            assert q is not None
            interview.reply(full_answer(q.id))
        asked = [r.question_id for r in interview.transcript.questions]
        # i2 -> i3 -> i4 -> (i1 not yet asked) -> a1 ...: always-links, cut at the depth
        assert asked == ["i2", "i3", "i4", "i1"][: depth + 1]
        assert max(r.depth for r in interview.transcript.questions) == depth


def test_a_question_is_never_asked_twice_even_by_a_thread() -> None:
    extra = [
        question("c1", "basic", ["alpha"], threads=[{"to": "c2", "when": {"always": True}}]),
        question("c2", "basic", ["alpha"], threads=[{"to": "c1", "when": {"always": True}}]),
    ]
    stages = [
        {
            "id": "basic",
            "title": "B",
            "pool": {"ids": ["c1", "c2"]},
            "questions": {"short": 2, "full": 2},
        },
        {"id": "wrap-up", "title": "W"},
    ]
    interview = Interview(
        make_bank(extra), make_flow(stages=stages, max_thread_depth=5), WordGrader()
    )
    interview.start()
    while not interview.finished:
        if interview.state == "candidate_questions":
            interview.reply("no")
            continue
        q = interview.question
        assert q is not None
        interview.reply(full_answer(q.id))
    asked = [r.question_id for r in interview.transcript.questions]
    assert sorted(asked) == ["c1", "c2"]


def test_skip_scores_zero_and_moves_on() -> None:
    interview = only(["b1", "b2"])
    turns = interview.reply("skip")
    record = interview.transcript.questions[0]
    assert (record.status, record.credit) == ("skipped", 0.0)
    assert turns[-1].question_id == "b2"


def test_skipping_a_probe_keeps_the_credit_earned() -> None:
    interview = only(["b1", "b2"])
    interview.reply("k1b1")
    interview.reply("skip")
    record = interview.transcript.questions[0]
    assert record.status == "answered" and record.credit == 2.0


def test_back_reasks_the_previous_question_then_resumes() -> None:
    interview = only(["b1", "b2"])
    interview.reply("k1b1 k2b1")  # 3.5, nothing to probe? key concepts covered
    assert interview.question is not None and interview.question.id == "b2"
    turns = interview.reply("go back")
    assert turns[-1].question_id == "b1" and turns[-1].meta["revisit"]
    turns = interview.reply(full_answer("b1"))
    assert turns[-1].question_id == "b2" and "back to where we were" in turns[-1].text
    assert interview.transcript.questions[0].credit == 5.0
    assert [r.question_id for r in interview.transcript.questions] == ["b1", "b2"]


def test_back_on_the_first_question_is_a_notice() -> None:
    interview = only(["b1", "b2"])
    turns = interview.reply("go back")
    assert kinds(turns) == ["command", "notice"]
    assert interview.question is not None and interview.question.id == "b1"


def test_end_wraps_up_and_leaves_the_unanswered_question_ungraded() -> None:
    interview = only(["b1", "b2"])
    interview.reply(full_answer("b1"))
    turns = interview.reply("end the interview")
    assert kinds(turns)[-1] == "closing" and interview.finished
    assert interview.transcript.ended_by == "candidate"
    unanswered = interview.transcript.questions[-1]
    assert unanswered.status == "asked" and unanswered.credit is None
    assert interview.report().answered == 1


def test_repeat_and_clarify_during_a_probe_say_the_probe_again() -> None:
    interview = only(["b1"])
    interview.reply("k1b1 and xb1")
    assert interview.reply("say again")[-1].text.endswith("Probe two for b1?")
    assert "Probe two for b1?" in interview.reply("what do you mean")[-1].text


def test_clarify_cycles_through_the_rephrasings() -> None:
    interview = only(["b1"])
    said = [interview.reply("rephrase")[-1].text for _ in range(3)]
    assert said == ["Put differently, b1?", "In other words, b1?", "Put differently, b1?"]


def test_answer_turns_say_which_text_their_spans_index() -> None:
    interview = only(["b1"])
    first = interview.reply("k1b1")[0]
    assert first.meta["graded_on"] == "this answer"
    second = interview.reply("and also k2b1")[0]
    assert second.meta["graded_on"] == "all answers"
    joined = "\n".join(interview.transcript.questions[0].answers)
    assert second.grade is not None
    for match in second.grade.credited:
        for span in match.spans:
            assert joined[span.start : span.end] == span.text


def test_thread_targets_stay_on_track_and_at_most_one_level_up() -> None:
    from interviewer.dialog.rules import thread_targets

    pool = [
        question("t-basic", "basic", ["alpha"]),
        question("t-inter", "intermediate", ["alpha"]),
        question("t-adv", "advanced", ["alpha"]),
        question("t-cv", "basic", ["alpha"], tracks=["cv"]),
        question("t-project", "project", ["alpha"]),
    ]
    flow = make_flow()
    assert thread_targets(pool, flow, "basic") == {"t-basic", "t-inter"}
    assert thread_targets(pool, flow, "advanced") == {"t-basic", "t-inter", "t-adv"}
    assert "t-project" in thread_targets(pool, flow, "project")


def test_a_follow_up_counts_towards_the_stage_and_is_not_taken_when_it_is_full() -> None:
    extra = [
        question("c1", "basic", ["alpha"], threads=[{"to": "c2", "when": {"always": True}}]),
        question("c2", "basic", ["alpha"]),
    ]
    stages = [
        {
            "id": "basic",
            "title": "B",
            "pool": {"ids": ["c1"]},
            "questions": {"short": 1, "full": 2},
        },
        {"id": "wrap-up", "title": "W"},
    ]
    for length, expected in (("short", ["c1"]), ("full", ["c1", "c2"])):
        interview = Interview(
            make_bank(extra), make_flow(stages=stages), WordGrader(), SessionOptions(length=length)
        )
        interview.start()
        while not interview.finished:
            if interview.state == "candidate_questions":
                interview.reply("no")
                continue
            interview.reply(full_answer(interview.question.id))  # type: ignore[union-attr]
        assert [r.question_id for r in interview.transcript.questions] == expected
        assert interview.progress == (len(expected), len(expected))


def test_a_failing_grader_keeps_the_answer_and_the_interview_going() -> None:
    class Broken(WordGrader):
        calls = 0

        def grade(self, question: Any, answer: str) -> Any:
            Broken.calls += 1
            if Broken.calls == 1:
                raise RuntimeError("boom")
            return super().grade(question, answer)

    stages = [
        {
            "id": "basic",
            "title": "B",
            "pool": {"ids": ["b1"]},
            "questions": {"short": 1, "full": 1},
        },
        {"id": "wrap-up", "title": "W"},
    ]
    interview = Interview(make_bank(), make_flow(stages=stages), Broken())
    interview.start()
    turns = interview.reply("first try")
    assert turns[-1].kind == "notice" and "internal error (RuntimeError)" in turns[-1].text
    assert interview.state == "awaiting_answer"
    assert interview.transcript.questions[0].answers == ["first try"]
    interview.reply(full_answer("b1"))
    assert interview.transcript.questions[0].result is not None
