"""What the interviewer says around the questions: stage intros, and the end of the interview.

A stage intro names the topic of the question that follows it. The end is like
a real interview's: "Do you have any questions for me?", then a closing that
fits how the interview ended and went. :class:`WrapUp` adds this to
:class:`~interviewer.dialog.session.Session`;
:class:`~interviewer.dialog.engine.Interview` builds on it.
"""

from __future__ import annotations

from typing import Any

from interviewer.dialog.asking_back import MAX_QUESTIONS, is_no_question, match_intent, reply_fields
from interviewer.dialog.feedback import summary_line
from interviewer.dialog.guards import AtWrapUp, CandidateAsking
from interviewer.dialog.session import Session
from interviewer.models import Question, Stage
from interviewer.report import Report, build_report

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


class WrapUp(Session):
    """The end of the interview: the candidate's questions and the closing."""

    def report(self) -> Report:
        """The report on the interview so far (complete once finished)."""
        return build_report(self._transcript, self._bank)

    def _credits(self) -> list[float]:
        return [r.credit for r in self._transcript.questions if r.credit is not None]

    def _wrap_up(self, ended_by: str) -> None:
        """Into wrap_up: the interview ends, then :meth:`_conclude`."""
        self._stage_index = len(self._flow.stages) - 1
        self._current = None
        self._transcript.ended_by = ended_by
        self._conclude(after_questions=False)

    def _conclude(self, *, after_questions: bool) -> None:
        """From wrap_up: invite questions after a full interview, else close."""
        situation = AtWrapUp(self._transcript.ended_by, bool(self._credits()), after_questions)
        if self._choose(situation) == "invite_questions":
            wrap = self._flow.stages[-1]
            text = self._voice.say("wrap_up") + " " + self._voice.say("questions_prompt")
            self._say("stage", text, {"title": wrap.title})
            self._fire("invite_questions")
            return
        kind = closing_kind(self._transcript.ended_by, self._credits())
        # The flow's own closing speaks about the track: it is said when it is earned.
        closing = self._flow.closing if kind == "strong" else self._voice.say(f"closing.{kind}")
        if self.options.mode == "practice" and kind != "empty":
            closing += "\n\n" + summary_line(self._transcript.questions)
        self._say("closing", closing, {"closing": kind})
        self._fire("closed")

    def _question_from_candidate(self, text: str) -> None:
        """In candidate_questions: answer the candidate's question; close when they are done."""
        self._fire("input")
        said_no = is_no_question(text)
        reply, meta = "", {}
        if said_no:
            self._hear("question", text, {"asking_back": "done"})
        else:
            answer = match_intent(text, self._voice.lines)
            intent = answer.intent.id if answer.intent else ""
            self._hear("question", text, {"asking_back": intent})
            if answer.intent is None:
                reply = self._voice.say("fallback")
            else:
                fields = reply_fields(self.report(), self._voice.lines.topic_names)
                reply = self._voice.say(f"intent.{intent}", answer.intent.replies, **fields)
            self._asked_back += 1
            meta = {"intent": intent}
        if self._choose(CandidateAsking(said_no, self._asked_back, MAX_QUESTIONS)) is None:
            more = self._voice.say("more_questions")
            self._say("notice", f"{reply}\n\n{more}", meta)
            return
        if reply:
            self._say("notice", reply, meta)
        self._fire("no_questions")
        self._conclude(after_questions=True)

    def _stage_intro(self, stage: Stage, first: Question | None) -> str:
        """The flow's intro for the stage, then a line naming the first question's topic."""
        if stage.id == "project" or first is None:
            return stage.intro or self._voice.say("stage_intro.project")
        fields = {
            "topic": self._voice.topic_name(self._topic_of(first)),
            "title": stage.title,
            "title_lower": stage.title[0].lower() + stage.title[1:],
        }
        opening = not any(t.kind == "stage" for t in self._transcript.turns)
        line = self._voice.say("stage_intro.first" if opening else "stage_intro.next", **fields)
        return f"{stage.intro} {line}" if stage.intro else line

    def _intro_meta(self, stage: Stage, first: Question | None) -> dict[str, Any]:
        meta: dict[str, Any] = {"title": stage.title}
        if first is not None and stage.id != "project":
            meta["topics"] = [self._topic_of(first)]
        return meta

    def _topic_of(self, question: Question) -> str:
        """The bank topic (rubric file) a question belongs to."""
        source = self._bank.sources.get(question.id)
        if source is not None:
            stem = source[0].replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".yaml")
            if stem in self._bank.topics:
                return stem
        return question.topics[0]
