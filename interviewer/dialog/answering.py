"""Answers: grade one, then take the decided move, and say what it says.

:class:`Answering` moves the dialog out of ``grading`` and ``grading_revisit``:
it grades the answer, gathers the facts the guards of those states look at
(:class:`~interviewer.dialog.guards.AfterAnswer`), lets the machine choose, and
says the feedback, hint, probe or follow-up the move calls for.
"""

from __future__ import annotations

import re
from typing import Any

from interviewer.dialog.asking import Asking
from interviewer.dialog.followups import challenge_quote, credited_so_far, partial_quote
from interviewer.dialog.guards import AfterAnswer
from interviewer.dialog.probing import FollowUps
from interviewer.dialog.remarks import answer_feedback
from interviewer.dialog.rules import (
    can_hint,
    grade_answer,
    next_probe,
    next_thread,
    record_grade,
    thread_targets,
)
from interviewer.dialog.session import Session
from interviewer.grading.result import GradeResult
from interviewer.handson.dispatch import handson_feedback
from interviewer.models import Question, ThreadLink
from interviewer.transcript import QuestionRecord

__all__ = ["Answering"]

_PRAISE = re.compile(r"^(good|great|nice|well done)( list| answer)?[.,!]\s*", re.IGNORECASE)


class Answering:
    """What an answer leads to.

    Args:
        session: The interview's state and turn log, shared with the engine.
        followups: The judgements about one answer.
        asking: The stages and questions, for what comes after a question.
    """

    def __init__(self, session: Session, followups: FollowUps, asking: Asking) -> None:
        self.session = session
        self.followups = followups
        self.asking = asking

    def answer(self, text: str, *, dont_know: bool) -> None:
        """From grading (or grading_revisit): grade the answer, then take the first
        decided row whose guard holds (see :mod:`interviewer.dialog.guards`)."""
        record = self.session.current
        assert record is not None  # awaiting_answer always has a current question
        question = self.session.bank.questions[record.question_id]
        self.session.fire("dont_know" if dont_know else "answer")
        record.answers.append(text)
        record.status = "answered"
        credited_before = credited_so_far(self.session.transcript.turns, record.question_id)
        step, failure = self._grade(question, record, text, dont_know=dont_know)
        situation = AfterAnswer(
            question,
            record,
            self.session.flow,
            step,
            dont_know,
            answering_probe=self.session.probe is not None,
            challenged=self.followups.challenged(record),
            credited_before=credited_before,
            step_down=self.followups.unanswered_step_down(record),
            find_thread=lambda: self.find_thread(question, record),
        )
        event = self.session.choose(situation)
        assert event is not None  # grading always decides: its last row is "otherwise"
        self.session.fire(event)
        if event == "grader_failed":
            self.session.say(
                "notice",
                "I couldn't grade that answer because of an internal error "
                f"({failure}). Your answer is saved in the transcript; "
                "try rephrasing it, or say 'skip'.",
            )
            return
        self.session.probe = None
        if event == "waive":
            record.status = "waived"
            self.session.lead = self.session.voice.say("dont_know")
            self.asking.ask_next()
        elif self.session.machine.state == "resuming":  # a revisit closes at once, never probed
            self.followups.acknowledge(record, dont_know)
            self.feedback(question, record, closed=True)
            self.asking.ask_next()
        else:
            self._respond(event, situation)

    def _grade(
        self, question: Question, record: QuestionRecord, text: str, *, dont_know: bool
    ) -> tuple[GradeResult | None, str]:
        """Grade the newest answer and record the candidate's turn.

        Returns:
            The grade (None when the grader failed) and the failure's name, or ``""``.
        """
        answering_challenge = self.followups.last_said_was_challenge()
        graded_with = self.session.carried + record.answers
        try:
            step, joined = grade_answer(self.session.grader, question, graded_with)
        except Exception as exc:  # a broken grader must not end the interview
            self.session.hear("answer", text, {"graded_on": "not graded", "error": repr(exc)})
            return None, type(exc).__name__
        record_grade(record, step)
        meta: dict[str, Any] = {"graded_on": "all answers" if joined else "this answer"}
        if dont_know:
            meta["command"] = "dont_know"
        if question.kind == "code":
            meta["format"] = "python"
        if self.session.probe is not None:
            meta["probe"] = self.session.probe.id
        graded_text = "\n".join(graded_with) if joined else graded_with[-1]
        self.session.hear("answer", text, meta, grade=step, graded_text=graded_text)
        if answering_challenge:
            self.followups.honour_correction(question, record, text)
        return step, ""

    def _respond(self, event: str, situation: AfterAnswer) -> None:
        """Say what a challenge, retry, probe, thread or next move calls for."""
        question, record, step = situation.question, situation.record, situation.result
        assert step is not None  # only grader_failed comes without a grade
        if event == "challenge":
            quote = challenge_quote(step)
            self.session.wording = self.session.voice.say("are_you_sure", quote=quote)
            self.session.say("probe", self.session.wording, {"challenge": True})
            return
        self.followups.acknowledge(record, situation.said_dont_know)
        if event == "retry":
            self.feedback(question, record, closed=False)
            self.give_hint(question, record, lead=self.session.voice.say("hint_lead") + " ")
            self.session.fire("hinted")
        elif event == "probe":
            concept = next_probe(question, record, self.session.flow, situation.credited_before)
            assert concept is not None and concept.probe is not None
            record.probes.append(concept.id)
            self.session.probe = concept
            self.feedback(question, record, closed=False)
            said = partial_quote(step, concept.id) if record.result is step else None
            said = said if said and len(said.split()) >= 2 else None
            if said:
                self.session.wording = self.session.voice.say("deeper", quote=said)
            else:
                self.session.wording = self.session.voice.say("probe_lead") + " " + concept.probe
            self.session.say(
                "probe", self.session.wording, {"concept": concept.id, "deeper": bool(said)}
            )
            self.session.fire("asked")
        else:
            self.feedback(question, record, closed=True)
            link = situation.thread() if event == "thread" else None
            if link is None:
                self.asking.ask_next()
            else:
                self.follow_thread(question, record, link)

    def find_thread(self, question: Question, record: QuestionRecord) -> ThreadLink | None:
        """The thread link to follow; a follow-up is one of the stage's questions."""
        stage = self.session.flow.stages[self.session.stage_index]
        if self.session.stage_asked >= self.session.count(stage):
            return None
        known = thread_targets(
            self.session.bank.questions.values(), self.session.flow, self.session.stage, stage
        )
        return next_thread(
            question,
            record,
            self.session.flow,
            self.session.asked_ids(),
            known,
            self.followups.covers(question, record),
        )

    def follow_thread(self, question: Question, record: QuestionRecord, link: ThreadLink) -> None:
        """From threading: ask the link's target, bridged from the answer."""
        target = self.session.bank.questions[link.to]
        said = "\n".join(self.session.carried + record.answers)
        self.session.stage_asked += 1
        self.session.current = QuestionRecord(
            target.id, self.session.stage, "thread", depth=record.depth + 1, parent=question.id
        )
        self.session.transcript.questions.append(self.session.current)
        self.session.rephrased = 0
        self.session.carried = []
        text = self.followups.deeper_thread(target, said)
        if text is None:
            # The acknowledgement already says how the answer went, so a bridge's own
            # praise ("Good. ...") is dropped: it would be said whatever the answer was.
            say = _PRAISE.sub("", link.say or "")
            say = say[:1].upper() + say[1:]
            # A bridging line that is itself a question is asked instead of the target's wording.
            if say and say.rstrip().endswith("?"):
                text = self.session.wording = say
            else:
                self.session.wording = target.ask
                bridge = say or self.session.voice.say("thread_bridge")
                text = f"{bridge} {target.ask}"
        self.session.say(
            "thread", text, {"from": question.id, "builds_on": bool(self.session.carried)}
        )
        self.session.fire("asked")

    def feedback(self, question: Question, record: QuestionRecord, *, closed: bool) -> None:
        if self.session.options.mode != "practice":
            return
        if question.kind != "rubric":
            self.session.say(
                "feedback", handson_feedback(question, record, closed=closed), closed=closed
            )
            return
        shown = {
            concept
            for t in self.session.transcript.turns
            if t.kind == "feedback" and t.question_id == question.id
            for concept in t.meta.get("covered", [])
        }
        covered = [c.concept_id for c in record.result.credited] if record.result else []
        text = answer_feedback(question, record, closed=closed, shown=shown)
        self.session.say("feedback", text, {"covered": sorted(shown | set(covered))}, closed=closed)

    def give_hint(self, question: Question, record: QuestionRecord, lead: str = "") -> None:
        if can_hint(question, record, self.session.flow):
            hint = question.hints[record.hints_used]
            record.hints_used += 1
            self.session.say("hint", lead + hint, {"level": record.hints_used})
        else:
            self.session.say(
                "notice", "That's all the hints I have for this one. Have a go, or say 'skip'."
            )
