"""The interview engine: follows a flow, asks, grades, probes, threads and adapts.

Every change of state goes through :class:`~interviewer.dialog.machine.Machine`,
whose table is the dialog's one declaration; this module only decides which
event happens, using the flow's data and :mod:`interviewer.dialog.rules`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal

from interviewer.dialog.commands import COMMANDS, CommandName, recognise
from interviewer.dialog.feedback import COMMANDS_LINE, answer_feedback
from interviewer.dialog.followups import (
    challenge_quote,
    credited_so_far,
    partial_quote,
)
from interviewer.dialog.guards import AfterAnswer, BeforeAsking, BeforeStage
from interviewer.dialog.probing import FollowUps
from interviewer.dialog.rules import (
    can_hint,
    grade_answer,
    next_probe,
    next_thread,
    record_grade,
    stage_pace,
    thread_targets,
)
from interviewer.grading.result import GradeResult
from interviewer.handson.dispatch import handson_feedback
from interviewer.models import Question, Stage, ThreadLink
from interviewer.options import SessionOptions
from interviewer.sanitize import sanitize
from interviewer.transcript import QuestionRecord, Turn

__all__ = ["Interview", "SessionOptions"]

_PRAISE = re.compile(r"^(good|great|nice|well done)( list| answer)?[.,!]\s*", re.IGNORECASE)


class Interview(FollowUps):
    """One interview, driven by the candidate's replies.

    ``start()`` greets and asks the first question; each ``reply(text)`` or
    ``command(name)`` returns the turns it produced. Bad input never raises.

    Args:
        bank: The loaded bank.
        flow: The flow to follow.
        grader: A fitted grader (see :func:`interviewer.grading.default_grader`).
        options: Seed, length and mode (see :class:`~interviewer.options.SessionOptions`).
        on_turn: Called with every turn as it is produced (for a UI).
    """

    # ----- candidate input ----------------------------------------------------------------

    def start(self) -> list[Turn]:
        """Greet the candidate and ask the first question."""
        self._out = []
        if self._machine.state != "idle":
            self._say("notice", "The interview has already started.", record=False)
            return self._out
        self._fire("start")
        opening = self._flow.opening
        if self.options.mode == "practice":
            opening += "\n\n" + COMMANDS_LINE
        self._say("greeting", opening)
        self._fire("greeted")
        self._enter_next_stage()
        return self._out

    def reply(self, text: str) -> list[Turn]:
        """Take the candidate's reply: an answer or a command such as "hint"."""
        text = sanitize(text) if isinstance(text, str) else ""
        if self._machine.state == "idle":
            return self.start()
        self._out = []
        if self._machine.state == "finished":
            self._fire("input")
            self._say(
                "notice", "The interview is over. Thank you! Your report is ready.", record=False
            )
            return self._out
        stripped = text.strip()
        if not stripped:
            self._fire("empty")
            self._say(
                "notice",
                "Take your time. Type your answer when you're ready, or say 'hint' or 'skip'."
                if self._machine.state != "candidate_questions"
                else "Take your time. Ask me anything, or say 'no' to finish.",
            )
            return self._out
        if self._machine.state == "candidate_questions":
            self._question_from_candidate(stripped)
            return self._out
        name = recognise(stripped)
        if name is None or name == "dont_know":
            self._answer(stripped, dont_know=name == "dont_know")
        else:
            self._hear("command", stripped, {"command": name})
            self._run_command(name)
        return self._out

    def command(self, name: str) -> list[Turn]:
        """Run a command by name (hint, repeat, clarify, skip, dont_know, back, end)."""
        recognised = recognise(name if isinstance(name, str) else "")
        if recognised is None or self._machine.state in ("idle", "finished"):
            self._out = []
            known = ", ".join(COMMANDS)
            if recognised is None:
                self._say(
                    "notice",
                    f"I don't know the command {name!r}. Try one of: {known}.",
                    record=False,
                )
                return self._out
            return self.reply(name)
        if recognised == "dont_know" or self._machine.state == "candidate_questions":
            return self.reply("I don't know." if recognised == "dont_know" else name)
        self._out = []
        self._hear("command", recognised.replace("_", " "), {"command": recognised})
        self._run_command(recognised)
        return self._out

    # ----- stages and questions -----------------------------------------------------------

    def _enter_next_stage(self) -> None:
        """From stage_transition: enter the next stage that has questions, or wrap up.

        The stage's first question is drawn before its intro, so the intro names it.
        """
        stages = self._flow.stages
        while True:
            self._stage_index += 1
            stage = stages[self._stage_index]
            if stage.id == "wrap-up" or (
                self._count(stage) > 0 and self._picker.candidates(stage, self._asked())
            ):
                break
        if self._choose(BeforeStage(stage.id)) == "no_more_stages":
            self._fire("no_more_stages")
            self._wrap_up("completed")
            return
        self._stage_asked = 0
        self._current = None
        first = self._draw(stage, earlier=[])
        self._say("stage", self._stage_intro(stage, first[0]), self._intro_meta(stage, first[0]))
        self._fire("enter_stage")
        self._ask_next(first)

    def _draw(
        self, stage: Stage, earlier: list[Stage]
    ) -> tuple[Question | None, Literal["main", "easier"]]:
        asked = self._asked()
        topics = Counter(self._bank.questions[q].topics[0] for q in asked)
        return self._picker.draw(stage, earlier, asked, topics)

    def _ask_next(
        self, drawn: tuple[Question | None, Literal["main", "easier"]] | None = None
    ) -> None:
        """From resuming: ask the interrupted question again. From asking: draw the next
        question (``drawn`` already, for a stage's first), or end the stage."""
        self._probe = None
        self._rephrased = 0
        self._carried = []
        if self._machine.state == "resuming":
            assert self._resume is not None  # a revisit always interrupts a question
            self._current, self._resume = self._resume, None
            self._fire("resume")
            self._asking = self._bank.questions[self._current.question_id].ask
            self._say("question", f"Now, back to where we were. {self._asking}")
            return
        stage = self._flow.stages[self._stage_index]
        pace = stage_pace(stage, self._transcript.questions, self._stage_asked)

        def draw() -> tuple[Question | None, Literal["main", "easier"]]:
            if drawn is not None:
                return drawn
            earlier = self._flow.stages[: self._stage_index] if pace == "step_down" else []
            return self._draw(stage, earlier)

        situation = BeforeAsking(self._stage_asked >= self._count(stage), pace, draw)
        event = self._choose(situation)
        if event != "ask":
            if event == "advance":
                self._say("notice", self._voice.say("advance"))
            self._fire(event or "pool_empty")
            self._enter_next_stage()
            return
        question, role = situation.drawn()
        assert question is not None  # the guard of "ask"
        self._current = QuestionRecord(question.id, stage.id, role)
        self._transcript.questions.append(self._current)
        self._stage_asked += 1
        self._fire("ask")
        lead = self._voice.say("easier_lead") + " " if role == "easier" else ""
        self._asking = question.ask
        self._say("question", lead + question.ask, {"role": role})

    # ----- answers ------------------------------------------------------------------------

    def _answer(self, text: str, *, dont_know: bool) -> None:
        """From grading (or grading_revisit): grade the answer, then take the first
        decided row whose guard holds (see :mod:`interviewer.dialog.guards`)."""
        record = self._current
        assert record is not None  # awaiting_answer always has a current question
        question = self._bank.questions[record.question_id]
        self._fire("dont_know" if dont_know else "answer")
        record.answers.append(text)
        record.status = "answered"
        credited_before = credited_so_far(self._transcript.turns, record.question_id)
        answering_challenge = self._last_said_was_challenge()
        graded_with = self._carried + record.answers
        step: GradeResult | None = None
        failure = ""
        try:
            step, joined = grade_answer(self._grader, question, graded_with)
        except Exception as exc:  # a broken grader must not end the interview
            self._hear("answer", text, {"graded_on": "not graded", "error": repr(exc)})
            failure = type(exc).__name__
        if step is not None:
            record_grade(record, step)
            meta: dict[str, Any] = {"graded_on": "all answers" if joined else "this answer"}
            if dont_know:
                meta["command"] = "dont_know"
            if question.kind == "code":
                meta["format"] = "python"
            if self._probe is not None:
                meta["probe"] = self._probe.id
            graded_text = "\n".join(graded_with) if joined else graded_with[-1]
            self._hear("answer", text, meta, grade=step, graded_text=graded_text)
            if answering_challenge:
                self._honour_correction(question, record, text)
        situation = AfterAnswer(
            question,
            record,
            self._flow,
            step,
            dont_know,
            answering_probe=self._probe is not None,
            challenged=self._challenged(record),
            credited_before=credited_before,
            step_down=self._unanswered_step_down(record),
            find_thread=lambda: self._find_thread(question, record),
        )
        event = self._choose(situation)
        assert event is not None  # grading always decides: its last row is "otherwise"
        self._fire(event)
        if event == "grader_failed":
            self._say(
                "notice",
                "I couldn't grade that answer because of an internal error "
                f"({failure}). Your answer is saved in the transcript; "
                "try rephrasing it, or say 'skip'.",
            )
            return
        self._probe = None
        if event == "waive":
            record.status = "waived"
            self._lead = self._voice.say("dont_know")
            self._ask_next()
            return
        if self._machine.state == "resuming":  # a revisit closes at once, never probed
            self._acknowledge(record, dont_know)
            self._feedback(question, record, closed=True)
            self._ask_next()
            return
        assert step is not None  # only grader_failed comes without a grade
        if event == "challenge":
            quote = challenge_quote(step)
            self._asking = self._voice.say("are_you_sure", quote=quote)
            self._say("probe", self._asking, {"challenge": True})
            return
        self._acknowledge(record, dont_know)
        if event == "retry":
            self._feedback(question, record, closed=False)
            self._give_hint(question, record, lead=self._voice.say("hint_lead") + " ")
            self._fire("hinted")
        elif event == "probe":
            concept = next_probe(question, record, self._flow, credited_before)
            assert concept is not None and concept.probe is not None
            record.probes.append(concept.id)
            self._probe = concept
            self._feedback(question, record, closed=False)
            said = partial_quote(step, concept.id) if record.result is step else None
            said = said if said and len(said.split()) >= 2 else None
            if said:
                self._asking = self._voice.say("deeper", quote=said)
            else:
                self._asking = self._voice.say("probe_lead") + " " + concept.probe
            self._say("probe", self._asking, {"concept": concept.id, "deeper": bool(said)})
            self._fire("asked")
        else:
            self._feedback(question, record, closed=True)
            link = situation.thread() if event == "thread" else None
            if link is None:
                self._ask_next()
            else:
                self._follow_thread(question, record, link)

    def _find_thread(self, question: Question, record: QuestionRecord) -> ThreadLink | None:
        """The thread link to follow; a follow-up is one of the stage's questions."""
        stage = self._flow.stages[self._stage_index]
        if self._stage_asked >= self._count(stage):
            return None
        known = thread_targets(self._bank.questions.values(), self._flow, self.stage, stage)
        return next_thread(
            question, record, self._flow, self._asked(), known, self._covers(question, record)
        )

    def _follow_thread(self, question: Question, record: QuestionRecord, link: ThreadLink) -> None:
        """From threading: ask the link's target, bridged from the answer."""
        target = self._bank.questions[link.to]
        said = "\n".join(self._carried + record.answers)
        self._stage_asked += 1
        self._current = QuestionRecord(
            target.id, self.stage, "thread", depth=record.depth + 1, parent=question.id
        )
        self._transcript.questions.append(self._current)
        self._rephrased = 0
        self._carried = []
        text = self._deeper_thread(target, said)
        if text is None:
            # The acknowledgement already says how the answer went, so a bridge's own
            # praise ("Good. ...") is dropped: it would be said whatever the answer was.
            say = _PRAISE.sub("", link.say or "")
            say = say[:1].upper() + say[1:]
            # A bridging line that is itself a question is asked instead of the target's wording.
            if say and say.rstrip().endswith("?"):
                text = self._asking = say
            else:
                self._asking = target.ask
                bridge = say or self._voice.say("thread_bridge")
                text = f"{bridge} {target.ask}"
        self._say("thread", text, {"from": question.id, "builds_on": bool(self._carried)})
        self._fire("asked")

    def _feedback(self, question: Question, record: QuestionRecord, *, closed: bool) -> None:
        if self.options.mode != "practice":
            return
        if question.kind != "rubric":
            self._say("feedback", handson_feedback(question, record, closed=closed), closed=closed)
            return
        shown = {
            concept
            for t in self._transcript.turns
            if t.kind == "feedback" and t.question_id == question.id
            for concept in t.meta.get("covered", [])
        }
        covered = [c.concept_id for c in record.result.credited] if record.result else []
        text = answer_feedback(question, record, closed=closed, shown=shown)
        self._say("feedback", text, {"covered": sorted(shown | set(covered))}, closed=closed)

    def _give_hint(self, question: Question, record: QuestionRecord, lead: str = "") -> None:
        if can_hint(question, record, self._flow):
            hint = question.hints[record.hints_used]
            record.hints_used += 1
            self._say("hint", lead + hint, {"level": record.hints_used})
        else:
            self._say(
                "notice", "That's all the hints I have for this one. Have a go, or say 'skip'."
            )

    # ----- commands -----------------------------------------------------------------------

    def _run_command(self, name: CommandName) -> None:
        record = self._current
        assert record is not None  # commands only run while awaiting an answer
        question = self._bank.questions[record.question_id]
        if name == "hint":
            self._fire("hint")
            self._give_hint(question, record)
            if self._machine.state == "hinting":  # a revisit takes its hint in place
                self._fire("hinted")
        elif name == "repeat":
            self._fire("repeat")
            self._say("repeat", self._asking or question.ask)
        elif name == "clarify":
            self._fire("clarify")
            if self._probe is not None and self._probe.probe:
                text = f"I mean, for the question above: {self._probe.probe}"
            else:
                text = question.rephrasings[self._rephrased % len(question.rephrasings)]
                self._rephrased += 1
            self._say("repeat", text, {"rephrased": True})
        elif name == "skip":
            self._fire("skip")
            waived = record.status == "asked" and self._unanswered_step_down(record)
            if waived:
                record.status = "waived"
            elif record.status == "asked":
                record.status = "skipped"
            if not waived:
                self._feedback(question, record, closed=True)
            self._lead = self._voice.say("move_on")
            self._ask_next()
        elif name == "back":
            self._go_back(record)
        elif name == "end":
            self._fire("end")
            self._wrap_up("candidate")

    def _go_back(self, record: QuestionRecord) -> None:
        earlier = [r for r in self._transcript.questions if r is not record and r.status != "asked"]
        if self._machine.state == "revisiting":
            self._fire("back")
            self._say(
                "notice", "We can only go back one question at a time. Let's finish this one."
            )
            return
        if not earlier:
            self._fire("no_back")
            self._say("notice", "This is the first question, so there is nothing to go back to.")
            return
        self._fire("back")
        previous = earlier[-1]
        self._resume, self._current = record, previous
        self._probe, self._rephrased = None, 0
        self._asking = self._bank.questions[previous.question_id].ask
        self._say("question", f"Sure, let's go back. {self._asking}", {"revisit": True})
