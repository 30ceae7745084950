"""What the interviewer says around the questions: stage intros, and the end of the interview.

A stage intro names the topic of the question that follows it. The end is like
a real interview's: "Do you have any questions for me?", then a closing that
fits how the interview ended and went. :class:`WrapUp` does this over
a :class:`~interviewer.dialog.session.Session`;
:class:`~interviewer.dialog.engine.Interview` holds one.
"""

from __future__ import annotations

from typing import Any

from interviewer.dialog.asking_back import MAX_QUESTIONS, is_no_question, match_intent, reply_fields
from interviewer.dialog.guards import AtWrapUp, CandidateAsking
from interviewer.dialog.remarks import summary_line
from interviewer.dialog.session import Session
from interviewer.interview_report import Report, build_report
from interviewer.models import Question, Stage

__all__ = ["STRONG_MEAN", "WEAK_MEAN", "WrapUp", "closing_kind"]

STRONG_MEAN = 3.8  # a mean credit at or above this closes as a strong interview
WEAK_MEAN = 2.2  # below this, as a hard one


def closing_kind(ended_by: str, credits: list[float]) -> str:
    """Which closing pool fits: early, empty, strong, mixed or weak."""
    if ended_by == "candidate":
        return "early" if credits else "empty"
    if not credits:
        return "empty"
    mean = sum(credits) / len(credits)
    if mean >= STRONG_MEAN:
        return "strong"
    return "mixed" if mean >= WEAK_MEAN else "weak"


class WrapUp:
    """The end of the interview: the candidate's questions and the closing.

    Args:
        session: The interview's state and turn log, shared with the engine.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def report(self) -> Report:
        """The report on the interview so far (complete once finished)."""
        return build_report(self.session.transcript, self.session.bank)

    def credits(self) -> list[float]:
        return [r.credit for r in self.session.transcript.questions if r.credit is not None]

    def wrap_up(self, ended_by: str) -> None:
        """Into wrap_up: the interview ends, then :meth:`_conclude`."""
        self.session.stage_index = len(self.session.flow.stages) - 1
        self.session.current = None
        self.session.transcript.ended_by = ended_by
        self.conclude(after_questions=False)

    def conclude(self, *, after_questions: bool) -> None:
        """From wrap_up: invite questions after a full interview, else close."""
        situation = AtWrapUp(
            self.session.transcript.ended_by, bool(self.credits()), after_questions
        )
        if self.session.choose(situation) == "invite_questions":
            wrap = self.session.flow.stages[-1]
            text = (
                self.session.voice.say("wrap_up") + " " + self.session.voice.say("questions_prompt")
            )
            self.session.say("stage", text, {"title": wrap.title})
            self.session.fire("invite_questions")
            return
        kind = closing_kind(self.session.transcript.ended_by, self.credits())
        # The flow's own closing speaks about the track: it is said when it is earned.
        closing = (
            self.session.flow.closing
            if kind == "strong"
            else self.session.voice.say(f"closing.{kind}")
        )
        if self.session.options.mode == "practice" and kind != "empty":
            closing += "\n\n" + summary_line(self.session.transcript.questions)
        self.session.say("closing", closing, {"closing": kind})
        self.session.fire("closed")

    def question_from_candidate(self, text: str) -> None:
        """In candidate_questions: answer the candidate's question; close when they are done."""
        self.session.fire("input")
        said_no = is_no_question(text)
        reply, meta = "", {}
        if said_no:
            self.session.hear("question", text, {"asking_back": "done"})
        else:
            answer = match_intent(text, self.session.voice.lines)
            intent = answer.intent.id if answer.intent else ""
            self.session.hear("question", text, {"asking_back": intent})
            if answer.intent is None:
                reply = self.session.voice.say("fallback")
            else:
                fields = reply_fields(self.report(), self.session.voice.lines.topic_names)
                reply = self.session.voice.say(f"intent.{intent}", answer.intent.replies, **fields)
            self.session.asked_back += 1
            meta = {"intent": intent}
        if (
            self.session.choose(CandidateAsking(said_no, self.session.asked_back, MAX_QUESTIONS))
            is None
        ):
            more = self.session.voice.say("more_questions")
            self.session.say("notice", f"{reply}\n\n{more}", meta)
            return
        if reply:
            self.session.say("notice", reply, meta)
        self.session.fire("no_questions")
        self.conclude(after_questions=True)

    def stage_intro(self, stage: Stage, first: Question | None) -> str:
        """The flow's intro for the stage, then a line naming the first question's topic."""
        if stage.id == "project" or first is None:
            return stage.intro or self.session.voice.say("stage_intro.project")
        fields = {
            "topic": self.session.voice.topic_name(self.topic_of(first)),
            "title": stage.title,
            "title_lower": stage.title[0].lower() + stage.title[1:],
        }
        opening = not any(t.kind == "stage" for t in self.session.transcript.turns)
        line = self.session.voice.say(
            "stage_intro.first" if opening else "stage_intro.next", **fields
        )
        return f"{stage.intro} {line}" if stage.intro else line

    def intro_meta(self, stage: Stage, first: Question | None) -> dict[str, Any]:
        meta: dict[str, Any] = {"title": stage.title}
        if first is not None and stage.id != "project":
            meta["topics"] = [self.topic_of(first)]
        return meta

    def topic_of(self, question: Question) -> str:
        """The bank topic (rubric file) a question belongs to."""
        source = self.session.bank.sources.get(question.id)
        if source is not None:
            stem = source[0].replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".yaml")
            if stem in self.session.bank.topics:
                return stem
        return question.topics[0]
