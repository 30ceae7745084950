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

from interviewer.bank import Bank
from interviewer.dialog.machine import RESTING, Event, Machine
from interviewer.dialog.rules import Grader
from interviewer.dialog.selection import QuestionPicker
from interviewer.dialog.voice import Voice, VoiceLines, default_lines
from interviewer.grading.result import GradeResult
from interviewer.handson.dispatch import attach
from interviewer.models import Concept, Flow, Question, Stage
from interviewer.transcript import QuestionRecord, Role, Transcript, Turn, TurnKind

__all__ = ["SNAPSHOT_VERSION", "InterviewConfig", "Session"]

# The layout of :meth:`Session.snapshot`; a saved state of another version is refused.
SNAPSHOT_VERSION = 1


def _index_of(records: list[QuestionRecord], record: QuestionRecord | None) -> int | None:
    if record is None:
        return None
    return next(i for i, r in enumerate(records) if r is record)


def _at(records: list[QuestionRecord], index: Any) -> QuestionRecord | None:
    if index is None:
        return None
    if not isinstance(index, int) or not 0 <= index < len(records):
        raise ValueError(f"saved question index {index!r} is out of range")
    return records[index]


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
        self._rng = random.Random(self.config.seed)
        self._picker = QuestionPicker(bank.questions.values(), flow, self._rng)
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

    # ----- saving and resuming ----------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to continue this interview later, JSON-ready, turns excepted.

        The dialog's state is saved by its declared name (one of
        :data:`~interviewer.dialog.machine.RESTING`), the question draw by the
        generator's own state, the voice by its draw of phrasings (so the same ones
        come next), with the acknowledgement still to be said, the words a deeper
        follow-up is graded with and the questions the candidate asked at the end;
        :meth:`restore` puts all of it back without replaying anything.

        Raises:
            RuntimeError: when called in the middle of a reply (never between calls).
        """
        if self._machine.state not in RESTING:
            raise RuntimeError(f"cannot save the dialog in mid-move ({self._machine.state})")
        questions = self._transcript.questions
        version, internal, gauss = self._rng.getstate()
        return {
            "version": SNAPSHOT_VERSION,
            "flow": self._flow.name,
            "config": {
                "seed": self.config.seed,
                "length": self.config.length,
                "mode": self.config.mode,
            },
            "state": self._machine.state,
            "stage_index": self._stage_index,
            "stage_asked": self._stage_asked,
            "current": _index_of(questions, self._current),
            "resume": _index_of(questions, self._resume),
            "probe": self._probe.id if self._probe is not None else None,
            "rephrased": self._rephrased,
            "asking": self._asking,
            "rng": [version, list(internal), gauss],
            "questions": [q.to_dict() for q in questions],
            "ended_by": self._transcript.ended_by,
            "extras": self._transcript.extras,
            "voice": self._voice.state(),
            "lead": self._lead,
            "carried": list(self._carried),
            "asked_back": self._asked_back,
        }

    def restore(self, snapshot: dict[str, Any], turns: list[Turn]) -> None:
        """Put a fresh session (same bank, flow and config) in the saved state.

        Args:
            snapshot: What :meth:`snapshot` returned.
            turns: The transcript's turns saved with it, in order.

        Raises:
            ValueError: when the snapshot does not fit this session or the bank
                (a question or concept it names is gone); the session is left unchanged.
        """
        if snapshot.get("version") != SNAPSHOT_VERSION:
            raise ValueError(f"unknown saved-state version {snapshot.get('version')!r}")
        if snapshot.get("flow") != self._flow.name:
            raise ValueError(f"saved for flow {snapshot.get('flow')!r}, not {self._flow.name!r}")
        machine = Machine.restore(str(snapshot["state"]))
        questions = [QuestionRecord.from_dict(q) for q in snapshot["questions"]]
        missing = sorted({q.question_id for q in questions} - set(self._bank.questions))
        if missing:
            raise ValueError(f"the bank no longer has question(s) {', '.join(missing)}")
        stage_index = int(snapshot["stage_index"])
        if not -1 <= stage_index < len(self._flow.stages):
            raise ValueError(f"stage {stage_index} is outside the flow")
        current = _at(questions, snapshot.get("current"))
        probe: Concept | None = None
        if snapshot.get("probe") is not None:
            if current is None:
                raise ValueError("a probe is saved without its question")
            concepts = self._bank.questions[current.question_id].concepts
            probe = next((c for c in concepts if c.id == snapshot["probe"]), None)
            if probe is None:
                raise ValueError(f"the bank no longer has the concept {snapshot['probe']!r}")
        voice = Voice(self._voice.lines, self.config.seed)
        if snapshot.get("voice") is not None:  # else a fresh draw of phrasings
            voice.restore(snapshot["voice"])
        version, internal, gauss = snapshot["rng"]
        self._rng.setstate((int(version), tuple(int(i) for i in internal), gauss))
        self._voice = voice
        self._lead = str(snapshot.get("lead", ""))
        self._carried = [str(said) for said in snapshot.get("carried") or []]
        self._asked_back = int(snapshot.get("asked_back", 0))
        self._machine = machine
        self._stage_index = stage_index
        self._stage_asked = int(snapshot["stage_asked"])
        self._current = current
        self._resume = _at(questions, snapshot.get("resume"))
        self._probe = probe
        self._rephrased = int(snapshot.get("rephrased", 0))
        self._asking = str(snapshot.get("asking", ""))
        self._transcript.questions = questions
        self._transcript.turns = list(turns)
        self._transcript.ended_by = str(snapshot.get("ended_by", ""))
        self._transcript.extras = dict(snapshot.get("extras") or {})

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
