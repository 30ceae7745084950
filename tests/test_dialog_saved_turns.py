"""A turn keeps the text its grade was computed on and whether its feedback closed the
question; transcripts and stored sessions saved before these were kept still read the same."""

from __future__ import annotations

import pytest
from store_helpers import bank, grader, script

from interviewer.cli.practice import play
from interviewer.dialog import Interview, SessionOptions
from interviewer.transcript import Transcript, Turn


def _played(seed: int, name: str = "weak") -> Transcript:
    interview = Interview(bank(), bank().flows["general"], grader(), SessionOptions(seed=seed))
    play(interview, script(name), lambda: None)
    return interview.transcript


def _spans_index_into(turn: Turn) -> bool:
    assert turn.grade is not None and turn.graded_text is not None
    spans = [s for c in turn.grade.concepts for s in c.spans]
    spans += [s for m in turn.grade.misconceptions for s in m.spans]
    return all(turn.graded_text[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize("seed", [3, 7])
def test_answers_carry_the_text_their_spans_index_into(seed: int) -> None:
    transcript = _played(seed)
    answers = [t for t in transcript.turns if t.grade is not None]
    assert answers and all(_spans_index_into(t) for t in answers)
    on_their_own = [t for t in answers if t.meta["graded_on"] == "this answer"]
    joined = [t for t in answers if t.meta["graded_on"] == "all answers"]
    assert all(t.graded_text == t.text for t in on_their_own)
    assert joined, "the weak candidate retries: some answer is graded joined"
    for turn in joined:
        assert turn.graded_text is not None and turn.text in turn.graded_text.split("\n")


def test_feedback_says_whether_the_question_closed() -> None:
    transcript = _played(7)
    turns = transcript.turns
    feedback = [(i, t) for i, t in enumerate(turns) if t.kind == "feedback"]
    assert {t.closed for _, t in feedback} == {True, False}
    for index, turn in feedback:
        after = next(t for t in turns[index + 1 :] if t.role == "interviewer")
        # Open feedback is followed by the hint for a retry or the probe, closed by anything else.
        assert (after.kind in ("hint", "probe")) == (turn.closed is False)
    assert all(t.closed is None for t in turns if t.kind != "feedback")


@pytest.mark.parametrize("seed", [3, 7])
def test_a_transcript_saved_without_the_new_fields_reads_the_same(seed: int) -> None:
    transcript = _played(seed)
    data = transcript.to_dict()
    assert any("graded_text" in t for t in data["turns"])
    assert any("closed" in t for t in data["turns"])
    for turn in data["turns"]:
        turn.pop("graded_text", None)
        turn.pop("closed", None)
    assert Transcript.from_dict(data) == transcript


def test_new_fields_round_trip_and_old_turns_without_context_stay_unset() -> None:
    turn = Turn("candidate", "answer", "b", "q", graded_text="a\nb")
    assert Turn.from_dict(turn.to_dict()) == turn
    assert "closed" not in turn.to_dict()
    assert Turn.from_dict({"role": "interviewer", "kind": "notice", "text": "hi"}).closed is None
