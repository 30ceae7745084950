"""The interview engine: follows a flow, asks, grades, probes, threads and adapts.

Every change of state goes through :class:`~interviewer.dialog.machine.Machine`,
whose table, with the guards it names, is the dialog's one declaration. This
module is the interview's public face: it takes the candidate's input and runs
commands; :mod:`~interviewer.dialog.asking` and :mod:`~interviewer.dialog.answering`
take the decided moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from interviewer.bank import Bank
from interviewer.dialog.answering import Answering
from interviewer.dialog.asking import Asking
from interviewer.dialog.commands import COMMANDS, CommandName, recognise
from interviewer.dialog.probing import FollowUps
from interviewer.dialog.remarks import COMMANDS_LINE
from interviewer.dialog.rules import Grader
from interviewer.dialog.session import Session
from interviewer.dialog.voice import VoiceLines
from interviewer.dialog.wrapup import WrapUp
from interviewer.interview_report import Report
from interviewer.models import Flow, Question
from interviewer.options import SessionOptions
from interviewer.sanitize import sanitize
from interviewer.transcript import QuestionRecord, Transcript, Turn

__all__ = ["Interview", "SessionOptions"]


class Interview:
    """One interview, driven by the candidate's replies.

    ``start()`` greets and asks the first question; each ``reply(text)`` or
    ``command(name)`` returns the turns it produced. Bad input never raises.
    The interview is a composition: a :class:`Session` (state and turn log) that
    its parts share, and the parts that move it (:class:`Asking`,
    :class:`Answering`, :class:`FollowUps`, :class:`WrapUp`), each through the
    transition table of :mod:`interviewer.dialog.machine`.

    Args:
        bank: The loaded bank.
        flow: The flow to follow.
        grader: A fitted grader (see :func:`interviewer.grading.default_grader`).
        options: Seed, length and mode (see :class:`~interviewer.options.SessionOptions`).
        on_turn: Called with every turn as it is produced (for a UI).
        voice: The interviewer's phrasings (default: ``dialogs/_voice.yaml``).
    """

    def __init__(
        self,
        bank: Bank,
        flow: Flow,
        grader: Grader,
        options: SessionOptions | None = None,
        on_turn: Callable[[Turn], Any] | None = None,
        voice: VoiceLines | None = None,
    ) -> None:
        self._session = Session(bank, flow, grader, options, on_turn, voice)
        self._wrap = WrapUp(self._session)
        self._followups = FollowUps(self._session)
        self._asking = Asking(self._session, self._wrap)
        self._answering = Answering(self._session, self._followups, self._asking)

    # ----- public state -------------------------------------------------------------------

    @property
    def options(self) -> SessionOptions:
        """How the interview runs."""
        return self._session.options

    @property
    def flow(self) -> Flow:
        """The flow followed."""
        return self._session.flow

    @property
    def finished(self) -> bool:
        """Whether the interview is over."""
        return self._session.finished

    @property
    def state(self) -> str:
        """The dialog state (see :data:`interviewer.dialog.machine.STATES`)."""
        return self._session.state

    @property
    def history(self) -> tuple[tuple[str, str, str], ...]:
        """Every ``(source, event, target)`` moved through since this object was made."""
        return self._session.history

    @property
    def stage(self) -> str:
        """The current stage's id; empty before the first stage."""
        return self._session.stage

    @property
    def question(self) -> Question | None:
        """The question awaiting an answer, if any."""
        return self._session.question

    @property
    def progress(self) -> tuple[int, int]:
        """Questions asked so far (follow-ups included) and the number the flow plans."""
        return self._session.progress

    @property
    def transcript(self) -> Transcript:
        """The transcript so far."""
        return self._session.transcript

    def report(self) -> Report:
        """The report on the interview so far (complete once finished)."""
        return self._wrap.report()

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to continue later (see :meth:`Session.snapshot`)."""
        return self._session.snapshot()

    def restore(self, snapshot: dict[str, Any], turns: list[Turn]) -> None:
        """Put a fresh interview in a saved state (see :meth:`Session.restore`)."""
        self._session.restore(snapshot, turns)

    # ----- candidate input ----------------------------------------------------------------

    def start(self) -> list[Turn]:
        """Greet the candidate and ask the first question."""
        self._session.out = []
        if self._session.machine.state != "idle":
            self._session.say("notice", "The interview has already started.", record=False)
            return self._session.out
        self._session.fire("start")
        opening = self._session.flow.opening
        if self._session.options.mode == "practice":
            opening += "\n\n" + COMMANDS_LINE
        self._session.say("greeting", opening)
        self._session.fire("greeted")
        self._asking.enter_next_stage()
        return self._session.out

    def reply(self, text: str) -> list[Turn]:
        """Take the candidate's reply: an answer or a command such as "hint"."""
        text = sanitize(text) if isinstance(text, str) else ""
        if self._session.machine.state == "idle":
            return self.start()
        self._session.out = []
        if self._session.machine.state == "finished":
            self._session.fire("input")
            self._session.say(
                "notice", "The interview is over. Thank you! Your report is ready.", record=False
            )
            return self._session.out
        stripped = text.strip()
        if not stripped:
            self._session.fire("empty")
            self._session.say(
                "notice",
                "Take your time. Type your answer when you're ready, or say 'hint' or 'skip'."
                if self._session.machine.state != "candidate_questions"
                else "Take your time. Ask me anything, or say 'no' to finish.",
            )
            return self._session.out
        if self._session.machine.state == "candidate_questions":
            self._wrap.question_from_candidate(stripped)
            return self._session.out
        name = recognise(stripped)
        if name is None or name == "dont_know":
            self._answering.answer(stripped, dont_know=name == "dont_know")
        else:
            self._session.hear("command", stripped, {"command": name})
            self._run_command(name)
        return self._session.out

    def command(self, name: str) -> list[Turn]:
        """Run a command by name (hint, repeat, clarify, skip, dont_know, back, end)."""
        recognised = recognise(name if isinstance(name, str) else "")
        if recognised is None or self._session.machine.state in ("idle", "finished"):
            self._session.out = []
            known = ", ".join(COMMANDS)
            if recognised is None:
                self._session.say(
                    "notice",
                    f"I don't know the command {name!r}. Try one of: {known}.",
                    record=False,
                )
                return self._session.out
            return self.reply(name)
        if recognised == "dont_know" or self._session.machine.state == "candidate_questions":
            return self.reply("I don't know." if recognised == "dont_know" else name)
        self._session.out = []
        self._session.hear("command", recognised.replace("_", " "), {"command": recognised})
        self._run_command(recognised)
        return self._session.out

    # ----- commands -----------------------------------------------------------------------

    def _run_command(self, name: CommandName) -> None:
        record = self._session.current
        assert record is not None  # commands only run while awaiting an answer
        question = self._session.bank.questions[record.question_id]
        if name == "hint":
            self._session.fire("hint")
            self._answering.give_hint(question, record)
            if self._session.machine.state == "hinting":  # a revisit takes its hint in place
                self._session.fire("hinted")
        elif name == "repeat":
            self._session.fire("repeat")
            self._session.say("repeat", self._session.wording or question.ask)
        elif name == "clarify":
            self._session.fire("clarify")
            if self._session.probe is not None and self._session.probe.probe:
                text = f"I mean, for the question above: {self._session.probe.probe}"
            else:
                text = question.rephrasings[self._session.rephrased % len(question.rephrasings)]
                self._session.rephrased += 1
            self._session.say("repeat", text, {"rephrased": True})
        elif name == "skip":
            self._session.fire("skip")
            waived = record.status == "asked" and self._followups.unanswered_step_down(record)
            if waived:
                record.status = "waived"
            elif record.status == "asked":
                record.status = "skipped"
            if not waived:
                self._answering.feedback(question, record, closed=True)
            self._session.lead = self._session.voice.say("move_on")
            self._asking.ask_next()
        elif name == "back":
            self._go_back(record)
        elif name == "end":
            self._session.fire("end")
            self._wrap.wrap_up("candidate")

    def _go_back(self, record: QuestionRecord) -> None:
        earlier = [
            r for r in self._session.transcript.questions if r is not record and r.status != "asked"
        ]
        if self._session.machine.state == "revisiting":
            self._session.fire("back")
            self._session.say(
                "notice", "We can only go back one question at a time. Let's finish this one."
            )
            return
        if not earlier:
            self._session.fire("no_back")
            self._session.say(
                "notice", "This is the first question, so there is nothing to go back to."
            )
            return
        self._session.fire("back")
        previous = earlier[-1]
        self._session.interrupted, self._session.current = record, previous
        self._session.probe, self._session.rephrased = None, 0
        self._session.wording = self._session.bank.questions[previous.question_id].ask
        self._session.say(
            "question", f"Sure, let's go back. {self._session.wording}", {"revisit": True}
        )
