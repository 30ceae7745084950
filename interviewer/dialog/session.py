"""The state of one interview and how its turns are recorded.

:class:`Session` holds what the engine keeps between replies (the machine, the
stage, the question awaiting an answer) and records every turn in the
transcript, the current call's output and the UI's callback.
:class:`~interviewer.dialog.engine.Interview` adds the behaviour.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from interviewer.dialog.machine import Event, Machine
from interviewer.dialog.rules import Grader
from interviewer.dialog.selection import QuestionPicker
from interviewer.dialog.voice import Voice, VoiceLines, default_lines
from interviewer.grading.result import GradeResult
from interviewer.handson.dispatch import attach
from interviewer.loader import Bank
from interviewer.models import Concept, Flow, Question, Stage
from interviewer.transcript import QuestionRecord, Role, Transcript, Turn, TurnKind

__all__ = ["InterviewConfig", "Session"]


@dataclass(frozen=True)
class InterviewConfig:
    """How to run an interview.

    Attributes:
        seed: Seed of the question draws; the same seed and answers replay exactly.
        length: ``short`` (about 8 main questions) or ``full`` (about 20).
        mode: ``practice`` gives feedback after every answer; ``interview`` keeps
            it for the final report.
    """

    seed: int = 0
    length: Literal["short", "full"] = "short"
    mode: Literal["practice", "interview"] = "practice"


class Session:
    """An interview's state and turn log (see :class:`~interviewer.dialog.engine.Interview`).

    Args:
        bank: The loaded bank.
        flow: The flow to follow.
        grader: A fitted grader (see :func:`interviewer.grading.default_grader`).
        config: Seed, length and mode.
        on_turn: Called with every turn as it is produced (for a UI).
        voice: The interviewer's phrasings (default: ``dialogs/_voice.yaml``).
    """

    def __init__(
        self,
        bank: Bank,
        flow: Flow,
        grader: Grader,
        config: InterviewConfig | None = None,
        on_turn: Callable[[Turn], Any] | None = None,
        voice: VoiceLines | None = None,
    ) -> None:
        self.config = config or InterviewConfig()
        # A flow with hands-on stages gets them presented for its seed, checked by kind.
        bank, grader = attach(bank, flow, grader, self.config.seed)
        self._bank = bank
        self._flow = flow
        self._grader = grader
        self._on_turn = on_turn
        self._machine = Machine()
        self._picker = QuestionPicker(
            bank.questions.values(), flow, random.Random(self.config.seed)
        )
        self._transcript = Transcript(
            flow=flow.name,
            title=flow.title,
            track=flow.track,
            seed=self.config.seed,
            length=self.config.length,
            mode=self.config.mode,
        )
        self._stage_index = -1
        self._stage_asked = 0
        self._current: QuestionRecord | None = None
        self._probe: Concept | None = None
        self._resume: QuestionRecord | None = None
        self._revisiting = False
        self._rephrased = 0
        self._asking = ""  # the wording of the question or probe awaiting an answer
        self._out: list[Turn] = []
        self._voice = Voice(voice or default_lines(), self.config.seed)
        self._lead = ""  # an acknowledgement said before the next interviewer line
        self._carried: list[str] = []  # earlier words a deeper follow-up is graded with
        self._asked_back = 0  # questions the candidate asked at the end

    # ----- public state -------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        """Whether the interview is over."""
        return self._machine.state == "finished"

    @property
    def state(self) -> str:
        """The dialog state (see :data:`interviewer.dialog.machine.STATES`)."""
        return self._machine.state

    @property
    def stage(self) -> str:
        """The current stage's id; empty before the first stage."""
        if 0 <= self._stage_index < len(self._flow.stages):
            return self._flow.stages[self._stage_index].id
        return ""

    @property
    def question(self) -> Question | None:
        """The question awaiting an answer, if any."""
        if self._current is None or self.finished:
            return None
        return self._bank.questions[self._current.question_id]

    @property
    def progress(self) -> tuple[int, int]:
        """Questions asked so far (follow-ups included) and the number the flow plans."""
        planned = sum(self._count(stage) for stage in self._flow.stages)
        asked = len(self._transcript.questions)
        return asked, planned

    @property
    def transcript(self) -> Transcript:
        """The transcript so far."""
        return self._transcript

    # ----- plumbing -----------------------------------------------------------------------

    def _fire(self, event: Event) -> None:
        self._machine.fire(event)

    def _emit(
        self,
        role: Role,
        kind: TurnKind,
        text: str,
        *,
        question_id: str | None,
        grade: GradeResult | None = None,
        meta: dict[str, Any] | None = None,
        record: bool = True,
    ) -> None:
        turn = Turn(role, kind, text, question_id, self.stage or None, grade, meta or {})
        if record:
            self._transcript.turns.append(turn)
        self._out.append(turn)
        if self._on_turn is not None:
            self._on_turn(turn)

    def _say(
        self,
        kind: TurnKind,
        text: str,
        meta: dict[str, Any] | None = None,
        *,
        record: bool = True,
    ) -> None:
        """An interviewer turn, about the current question unless it opens a stage.

        A pending acknowledgement (``_lead``) opens the next recorded turn.
        """
        if record and self._lead:
            text, self._lead = f"{self._lead} {text}", ""
        qid = self._current.question_id if self._current and kind != "stage" else None
        self._emit("interviewer", kind, text, question_id=qid, meta=meta, record=record)

    def _hear(
        self,
        kind: TurnKind,
        text: str,
        meta: dict[str, Any],
        grade: GradeResult | None = None,
    ) -> None:
        """A candidate turn, about the current question."""
        qid = self._current.question_id if self._current else None
        self._emit("candidate", kind, text, question_id=qid, grade=grade, meta=meta)

    def _count(self, stage: Stage) -> int:
        return stage.questions.short if self.config.length == "short" else stage.questions.full

    def _asked(self) -> set[str]:
        return {r.question_id for r in self._transcript.questions}
