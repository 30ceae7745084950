"""The end of an interview: "Do you have any questions for me?", answered by intent."""

from __future__ import annotations

import pytest
from test_dialog_support import full_answer, make_interview

from interviewer.dialog.asking_back import is_no_question, match_intent
from interviewer.dialog.voice import default_lines

LINES = default_lines()


@pytest.mark.parametrize(
    ("asked", "intent"),
    [
        ("How was I graded?", "assessed"),
        ("how did I do", "performance"),
        ("What should I study next?", "study"),
        ("Can I do this again sometime?", "practise"),
        ("how many questions were there", "interview"),
        ("wat shuld i studdy", "study"),  # no keyword: rapidfuzz on the examples
    ],
)
def test_the_candidates_questions_are_matched_by_intent(asked: str, intent: str) -> None:
    answer = match_intent(asked, LINES)
    assert answer.intent is not None and answer.intent.id == intent


def test_an_unknown_question_gets_the_polite_fallback() -> None:
    assert match_intent("What's your favourite colour?", LINES).how == "fallback"
    assert not is_no_question("What's your favourite colour?")
    assert is_no_question("No, that's all, thank you!") and is_no_question("let's stop here")


def test_any_questions_for_me_opens_a_short_exchange_then_the_closing() -> None:
    interview = make_interview()
    interview.start()
    while interview.state != "candidate_questions":
        assert interview.question is not None
        interview.reply(full_answer(interview.question.id))
    invite = interview.transcript.turns[-1]
    assert invite.kind == "stage" and invite.text.endswith(tuple(LINES.questions_prompt))
    reply = interview.reply("How did I do?")
    assert reply[0].kind == "question" and reply[0].role == "candidate"
    assert "5.0 out of 5" in reply[-1].text and not interview.finished
    fallback = interview.reply("Where is the coffee machine?")[-1]
    assert fallback.text.startswith(tuple(LINES.fallback))
    last = interview.reply("What should I study?")  # the third question: then the closing
    assert last[-1].kind == "closing" and interview.finished


def test_commands_while_asking_back_never_crash() -> None:
    interview = make_interview()
    interview.start()
    while interview.state != "candidate_questions":
        assert interview.question is not None
        interview.reply(full_answer(interview.question.id))
    assert interview.command("hint")
    assert interview.reply("   ")[0].kind == "notice"
    assert interview.command("end")[-1].kind == "closing" and interview.finished
