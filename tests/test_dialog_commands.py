"""Recognising the candidate's commands, with typos and phrasing, without false alarms."""

from __future__ import annotations

import pytest
from test_dialog_support import make_interview

from interviewer.dialog.commands import COMMANDS, recognise

SAID = {
    "hint": [
        "hint",
        "Hint?",
        "can I get a hint",
        "hnit",
        "could you give me a small hint please",
        "any clue?",
        "I need a hint",
        "hint pls",
        "give me a nudge",
    ],
    "repeat": [
        "repeat",
        "could you repeat that",
        "say again",
        "Sorry, can you say that again?",
        "repaet please",
        "come again?",
        "what was the question?",
        "pardon?",
    ],
    "clarify": [
        "what do you mean",
        "rephrase",
        "can you clarify",
        "what do you mean by that?",
        "could you rephrase the question",
        "I don't understand the question",
        "rephrse",
        "can you put it differently",
        "clarfy",
    ],
    "skip": [
        "skip",
        "next question",
        "pass",
        "skip this one",
        "can we move on",
        "let's move on",
        "skpi",
        "Next question please.",
    ],
    "dont_know": [
        "I don't know",
        "no idea",
        "not sure",
        "I'm not sure",
        "I dont knwo",
        "idk",
        "I have no idea",
        "no clue, sorry",
        "I do not know",
        "I can't remember",
    ],
    "back": ["go back", "previous question", "back", "can we go back to the previous question"],
    "end": [
        "let's stop here",
        "end the interview",
        "quit",
        "exit",
        "Let's stop here.",
        "stop",
        "I want to end the interview",
        "finish",
        "stpo",
        "let's end it here",
    ],
}

ANSWERS = [
    "the skip connection lets the gradient flow straight back",
    "Pass the input through the network, then compute the loss",
    "Next, the gradient is propagated to the previous layer",
    "I don't know exactly, but dropout zeroes random units during training",
    "stop words are removed before training",
    "end to end training of the whole model",
    "back propagation",
    "go back to the input layer and update the weights",
    "the hint of the answer is in the chain rule",
    "exit gate",
    "learning rate",
    "repeat the forward pass for every batch",
    "it means the model memorises the training data",
    "no",
    "yes",
    "relu",
    "text",
    "",
    "   ",
    "!!!",
]


@pytest.mark.parametrize(("expected", "text"), [(c, t) for c, ts in SAID.items() for t in ts])
def test_commands_are_recognised(expected: str, text: str) -> None:
    assert recognise(text) == expected


@pytest.mark.parametrize("text", ANSWERS)
def test_answers_that_mention_command_words_are_answers(text: str) -> None:
    assert recognise(text) is None


@pytest.mark.parametrize("name", COMMANDS)
def test_canonical_names_are_commands(name: str) -> None:
    assert recognise(name) == name
    assert recognise(name.replace("_", "-")) == name


def test_command_and_reply_agree() -> None:
    by_reply = make_interview(seed=2)
    by_command = make_interview(seed=2)
    by_reply.start()
    by_command.start()
    for said, name in [("hnit", "hint"), ("say again", "repeat"), ("pass", "skip")]:
        replied = by_reply.reply(said)
        commanded = by_command.command(name)
        assert [t.kind for t in replied] == [t.kind for t in commanded]
        assert [t.text for t in replied[1:]] == [t.text for t in commanded[1:]]
        assert replied[0].meta["command"] == commanded[0].meta["command"] == name


def test_an_answer_containing_skip_is_graded_not_skipped() -> None:
    interview = make_interview()
    interview.start()
    turns = interview.reply("the skip connection lets the gradient flow straight back")
    assert turns[0].kind == "answer" and turns[0].grade is not None
    assert interview.transcript.questions[0].status == "answered"


def test_unknown_command_is_a_notice_and_changes_nothing() -> None:
    interview = make_interview()
    interview.start()
    before = (interview.state, len(interview.transcript.turns))
    turns = interview.command("teleport")
    assert [t.kind for t in turns] == ["notice"]
    assert "teleport" in turns[0].text
    assert (interview.state, len(interview.transcript.turns)) == before


def test_dont_know_is_graded_as_an_answer_and_never_probed() -> None:
    interview = make_interview()
    interview.start()
    first = interview.reply("I don't know")
    assert first[0].kind == "answer" and first[0].meta["command"] == "dont_know"
    # "I don't know" means no hint and no probe: the interview moves on.
    assert not {"hint", "probe"} & {t.kind for t in first}
    assert first[-1].kind == "question" and first[-1].question_id != first[0].question_id
    record = interview.transcript.questions[0]
    assert record.credit == 0.0 and record.probes == [] and record.hints_used == 0
    second = interview.command("dont_know")
    assert not {"hint", "probe"} & {t.kind for t in second}
    assert interview.transcript.questions[1].hints_used == 0


def test_a_hint_is_still_given_after_dont_know_when_asked_for() -> None:
    interview = make_interview()
    interview.start()
    interview.reply("I don't know")
    turns = interview.command("hint")
    assert [t.kind for t in turns] == ["command", "hint"]
