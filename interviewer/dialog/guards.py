"""The guards of the dialog's decided moves, named by the rows of the transition table.

Some moves are the candidate's (an answer, "hint", "skip"); the others the
engine decides. Each decided row of :data:`interviewer.dialog.machine.TRANSITIONS`
names a guard from :data:`GUARDS`, and :meth:`~interviewer.dialog.machine.Machine.choose`
takes the first row from the current state, in table order, whose guard holds.
A guard is a pure function of a *situation*: the facts the engine gathers at
that point (one dataclass per deciding state). The rules the guards apply are in
:mod:`interviewer.dialog.rules`; what is costly to find out (a question drawn, a
thread link) is found only when a guard asks, once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any, Literal

from interviewer.dialog.followups import challenge_quote
from interviewer.dialog.rules import Decision, Pace, decide
from interviewer.grading.result import GradeResult
from interviewer.models import Flow, Question, ThreadLink
from interviewer.transcript import QuestionRecord

__all__ = [
    "CHALLENGE_BELOW",
    "GUARDS",
    "AfterAnswer",
    "AtWrapUp",
    "BeforeAsking",
    "BeforeStage",
    "CandidateAsking",
]

# "Are you sure?" is asked only of an answer credited below this.
CHALLENGE_BELOW = 4.5

Drawn = tuple[Question | None, Literal["main", "easier"]]


@dataclass
class AfterAnswer:
    """In ``grading`` or ``grading_revisit``: an answer and what came of it.

    Attributes:
        question: The question answered.
        record: Its record, the answer and its grade kept.
        flow: The flow, for its limits.
        result: This answer's grade; None when grading failed.
        said_dont_know: Whether the candidate said "I don't know".
        answering_probe: Whether the answer replies to a probe.
        challenged: Whether "Are you sure?" was asked on this question already.
        credited_before: Concepts earlier answers to the question earned.
        step_down: Whether the question is a step-down follow-up answered only now.
        find_thread: Finds the thread link to follow, if any (asked only when needed).
    """

    question: Question
    record: QuestionRecord
    flow: Flow
    result: GradeResult | None
    said_dont_know: bool
    answering_probe: bool = False
    challenged: bool = False
    credited_before: Collection[str] = ()
    step_down: bool = False
    find_thread: Callable[[], ThreadLink | None] = lambda: None
    _found: list[ThreadLink | None] = field(default_factory=list, repr=False)

    def decision(self) -> Decision:
        """What :func:`~interviewer.dialog.rules.decide` makes of the answer."""
        return decide(
            self.question,
            self.record,
            self.flow,
            answering_probe=self.answering_probe,
            said_dont_know=self.said_dont_know,
            challenged=self.challenged,
            credited_before=self.credited_before,
        )

    def thread(self) -> ThreadLink | None:
        """The thread link to follow (found on first use)."""
        if not self._found:
            self._found.append(self.find_thread())
        return self._found[0]


@dataclass
class BeforeAsking:
    """In ``asking``: whether the stage goes on, and with which question.

    Attributes:
        stage_full: Whether the stage asked its count of questions.
        pace: The stage's adaptation rule (:func:`~interviewer.dialog.rules.stage_pace`).
        draw: Draws the next question (asked only when needed; it moves the seeded draw).
    """

    stage_full: bool
    pace: Pace
    draw: Callable[[], Drawn]
    _drawn: list[Drawn] = field(default_factory=list, repr=False)

    def drawn(self) -> Drawn:
        """The question drawn, and its role (drawn on first use)."""
        if not self._drawn:
            self._drawn.append(self.draw())
        return self._drawn[0]


@dataclass(frozen=True)
class BeforeStage:
    """In ``stage_transition``: the next stage that has questions, or the wrap-up.

    Attributes:
        stage_id: The id of the stage reached.
    """

    stage_id: str


@dataclass(frozen=True)
class AtWrapUp:
    """In ``wrap_up``: how the interview ended.

    Attributes:
        ended_by: ``completed`` or ``candidate``.
        graded: Whether any question earned a credit.
        after_questions: Whether the candidate's own questions are over.
    """

    ended_by: str
    graded: bool
    after_questions: bool


@dataclass(frozen=True)
class CandidateAsking:
    """In ``candidate_questions``: what the candidate said, and how many they asked.

    Attributes:
        said_no: Whether they said they have no (more) questions.
        asked: Questions answered so far.
        most: The most questions answered before the closing.
    """

    said_no: bool
    asked: int
    most: int


def otherwise(_situation: object) -> bool:
    """The last row of a decision: taken when no row before it was."""
    return True


def grading_failed(s: AfterAnswer) -> bool:
    """The grader raised: the answer is kept and the question stays open."""
    return s.result is None


def unanswered_step_down(s: AfterAnswer) -> bool:
    """'I don't know' to a step-down follow-up: the gap was scored already, so it is waived."""
    return s.said_dont_know and s.step_down


def claim_to_question(s: AfterAnswer) -> bool:
    """A stated misconception or a denied key idea, on a question not yet challenged."""
    if s.result is None or s.said_dont_know or s.challenged:
        return False
    return challenge_quote(s.result) is not None and (s.record.credit or 0.0) < CHALLENGE_BELOW


def weak_first_attempt(s: AfterAnswer) -> bool:
    """A weak first attempt that a hint may help (:func:`~interviewer.dialog.rules.decide`)."""
    return s.decision() == "retry"


def key_concept_missing(s: AfterAnswer) -> bool:
    """A key concept is missing and a probe for it remains (``decide`` says probe)."""
    return s.decision() == "probe"


def thread_condition_holds(s: AfterAnswer) -> bool:
    """The question is done and one of its thread links applies
    (:func:`~interviewer.dialog.rules.next_thread`)."""
    return s.decision() == "next" and s.thread() is not None


def stage_full(s: BeforeAsking) -> bool:
    """The stage asked its count of questions."""
    return s.stage_full


def doing_well(s: BeforeAsking) -> bool:
    """The stage's mean credit reached its ``advance_at``: move up early."""
    return s.pace == "advance"


def question_drawn(s: BeforeAsking) -> bool:
    """The stage's pool (or an earlier stage's, when stepping down) has a question left."""
    return s.drawn()[0] is not None


def only_wrap_up_left(s: BeforeStage) -> bool:
    """No stage with questions is left before the wrap-up."""
    return s.stage_id == "wrap-up"


def ran_its_course(s: AtWrapUp) -> bool:
    """The interview was completed, with answers, and the candidate was not yet invited."""
    return s.ended_by == "completed" and s.graded and not s.after_questions


def no_more_questions(s: CandidateAsking) -> bool:
    """The candidate has no (more) questions, or asked as many as are answered."""
    return s.said_no or s.asked >= s.most


GUARDS: dict[str, Callable[[Any], bool]] = {
    guard.__name__: guard
    for guard in (
        otherwise,
        grading_failed,
        unanswered_step_down,
        claim_to_question,
        weak_first_attempt,
        key_concept_missing,
        thread_condition_holds,
        stage_full,
        doing_well,
        question_drawn,
        only_wrap_up_left,
        ran_its_course,
        no_more_questions,
    )
}
