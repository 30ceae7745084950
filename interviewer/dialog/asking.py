"""Stages and questions: which stage comes next, which question is drawn, when a stage ends.

:class:`Asking` moves the dialog through ``stage_transition``, ``asking`` and
``resuming`` over a :class:`~interviewer.dialog.session.Session`; the guards it
consults (:mod:`interviewer.dialog.guards`) are named by the rows of the table.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from interviewer.dialog.guards import BeforeAsking, BeforeStage
from interviewer.dialog.rules import stage_pace
from interviewer.dialog.session import Session
from interviewer.dialog.wrapup import WrapUp
from interviewer.models import Question, Stage
from interviewer.transcript import QuestionRecord

__all__ = ["Asking"]


class Asking:
    """The interview's progress through its stages.

    Args:
        session: The interview's state and turn log, shared with the engine.
        wrap: The ending, entered when no stage is left.
    """

    def __init__(self, session: Session, wrap: WrapUp) -> None:
        self.session = session
        self.wrap = wrap

    def enter_next_stage(self) -> None:
        """From stage_transition: enter the next stage that has questions, or wrap up.

        The stage's first question is drawn before its intro, so the intro names it.
        """
        stages = self.session.flow.stages
        while True:
            self.session.stage_index += 1
            stage = stages[self.session.stage_index]
            if stage.id == "wrap-up" or (
                self.session.count(stage) > 0
                and self.session.picker.candidates(stage, self.session.asked_ids())
            ):
                break
        if self.session.choose(BeforeStage(stage.id)) == "no_more_stages":
            self.session.fire("no_more_stages")
            self.wrap.wrap_up("completed")
            return
        self.session.stage_asked = 0
        self.session.current = None
        first = self.draw(stage, earlier=[])
        self.session.say(
            "stage", self.wrap.stage_intro(stage, first[0]), self.wrap.intro_meta(stage, first[0])
        )
        self.session.fire("enter_stage")
        self.ask_next(first)

    def draw(
        self, stage: Stage, earlier: list[Stage]
    ) -> tuple[Question | None, Literal["main", "easier"]]:
        asked = self.session.asked_ids()
        topics = Counter(self.session.bank.questions[q].topics[0] for q in asked)
        return self.session.picker.draw(stage, earlier, asked, topics)

    def ask_next(
        self, drawn: tuple[Question | None, Literal["main", "easier"]] | None = None
    ) -> None:
        """From resuming: ask the interrupted question again. From asking: draw the next
        question (``drawn`` already, for a stage's first), or end the stage."""
        self.session.probe = None
        self.session.rephrased = 0
        self.session.carried = []
        if self.session.machine.state == "resuming":
            assert self.session.interrupted is not None  # a revisit always interrupts a question
            self.session.current, self.session.interrupted = self.session.interrupted, None
            self.session.fire("resume")
            self.session.wording = self.session.bank.questions[self.session.current.question_id].ask
            self.session.say("question", f"Now, back to where we were. {self.session.wording}")
            return
        stage = self.session.flow.stages[self.session.stage_index]
        pace = stage_pace(stage, self.session.transcript.questions, self.session.stage_asked)

        def draw() -> tuple[Question | None, Literal["main", "easier"]]:
            if drawn is not None:
                return drawn
            earlier = (
                self.session.flow.stages[: self.session.stage_index] if pace == "step_down" else []
            )
            return self.draw(stage, earlier)

        situation = BeforeAsking(self.session.stage_asked >= self.session.count(stage), pace, draw)
        event = self.session.choose(situation)
        if event != "ask":
            if event == "advance":
                self.session.say("notice", self.session.voice.say("advance"))
            self.session.fire(event or "pool_empty")
            self.enter_next_stage()
            return
        question, role = situation.drawn()
        assert question is not None  # the guard of "ask"
        self.session.current = QuestionRecord(question.id, stage.id, role)
        self.session.transcript.questions.append(self.session.current)
        self.session.stage_asked += 1
        self.session.fire("ask")
        lead = self.session.voice.say("easier_lead") + " " if role == "easier" else ""
        self.session.wording = question.ask
        self.session.say("question", lead + question.ask, {"role": role})
