"""The state of one interview and how its turns are recorded.

:class:`Session` holds what the engine keeps between replies (the machine, the
stage, the question awaiting an answer) and records every turn in the
transcript, the current call's output and the UI's callback. It is the shared
state of a composition: :class:`~interviewer.dialog.engine.Interview` holds one
and hands it to the parts that move it (asking, answering, follow-ups, wrap-up).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from interviewer.bank import Bank
from interviewer.dialog.machine import RESTING, Event, Machine
from interviewer.dialog.rules import Grader
from interviewer.dialog.selection import QuestionPicker
from interviewer.dialog.voice import Voice, VoiceLines, default_lines
from interviewer.grading.result import GradeResult
from interviewer.handson.dispatch import attach
from interviewer.models import Concept, Flow, Question, Stage
from interviewer.options import SessionOptions
from interviewer.transcript import QuestionRecord, Role, Transcript, Turn, TurnKind

__all__ = ["SNAPSHOT_VERSION", "Session"]

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


class Session:
    """An interview's state and turn log (see :class:`~interviewer.dialog.engine.Interview`).

    The attributes are the engine's working state, shared by its parts: the
    ``machine``, the ``transcript``, the ``stage_index`` and questions asked in the
    stage (``stage_asked``), the ``current`` record, the ``probe`` pending, the
    question a revisit ``interrupted``, the ``wording`` awaiting an answer, the
    ``lead`` (an acknowledgement said before the next line), the ``carried`` words
    a deeper follow-up is graded with, and the turns ``out`` of the current call.

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
        options = options or SessionOptions()
        # The engine always draws from a seed; an unset one (the app draws its own) is 0.
        self.options = options if options.seed is not None else replace(options, seed=0)
        self.seed: int = self.options.seed or 0
        # A flow with hands-on stages gets them presented for its seed, checked by kind.
        bank, grader = attach(bank, flow, grader, self.seed)
        self.bank = bank
        self.flow = flow
        self.grader = grader
        self.on_turn = on_turn
        self.machine = Machine()
        self.rng = random.Random(self.seed)
        self.picker = QuestionPicker(bank.questions.values(), flow, self.rng)
        self.transcript = Transcript(
            flow=flow.name,
            title=flow.title,
            track=flow.track,
            seed=self.seed,
            length=self.options.length,
            mode=self.options.mode,
        )
        self.stage_index = -1
        self.stage_asked = 0
        self.current: QuestionRecord | None = None
        self.probe: Concept | None = None
        self.interrupted: QuestionRecord | None = None
        self.rephrased = 0
        self.wording = ""  # the wording of the question or probe awaiting an answer
        self.out: list[Turn] = []
        self.voice = Voice(voice or default_lines(), self.seed)
        self.lead = ""  # an acknowledgement said before the next interviewer line
        self.carried: list[str] = []  # earlier words a deeper follow-up is graded with
        self.asked_back = 0  # questions the candidate asked at the end

    # ----- public state -------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        """Whether the interview is over."""
        return self.machine.state == "finished"

    @property
    def state(self) -> str:
        """The dialog state (see :data:`interviewer.dialog.machine.STATES`)."""
        return self.machine.state

    @property
    def history(self) -> tuple[tuple[str, str, str], ...]:
        """Every ``(source, event, target)`` moved through since this object was made."""
        return tuple(self.machine.history)

    @property
    def stage(self) -> str:
        """The current stage's id; empty before the first stage."""
        if 0 <= self.stage_index < len(self.flow.stages):
            return self.flow.stages[self.stage_index].id
        return ""

    @property
    def question(self) -> Question | None:
        """The question awaiting an answer, if any."""
        if self.current is None or self.finished:
            return None
        return self.bank.questions[self.current.question_id]

    @property
    def progress(self) -> tuple[int, int]:
        """Questions asked so far (follow-ups included) and the number the flow plans."""
        planned = sum(self.count(stage) for stage in self.flow.stages)
        asked = len(self.transcript.questions)
        return asked, planned

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
        if self.machine.state not in RESTING:
            raise RuntimeError(f"cannot save the dialog in mid-move ({self.machine.state})")
        questions = self.transcript.questions
        version, internal, gauss = self.rng.getstate()
        return {
            "version": SNAPSHOT_VERSION,
            "flow": self.flow.name,
            "config": {
                "seed": self.seed,
                "length": self.options.length,
                "mode": self.options.mode,
            },
            "state": self.machine.state,
            "stage_index": self.stage_index,
            "stage_asked": self.stage_asked,
            "current": _index_of(questions, self.current),
            "resume": _index_of(questions, self.interrupted),
            "probe": self.probe.id if self.probe is not None else None,
            "rephrased": self.rephrased,
            "asking": self.wording,
            "rng": [version, list(internal), gauss],
            "questions": [q.to_dict() for q in questions],
            "ended_by": self.transcript.ended_by,
            "extras": self.transcript.extras,
            "voice": self.voice.state(),
            "lead": self.lead,
            "carried": list(self.carried),
            "asked_back": self.asked_back,
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
        if snapshot.get("flow") != self.flow.name:
            raise ValueError(f"saved for flow {snapshot.get('flow')!r}, not {self.flow.name!r}")
        machine = Machine.restore(str(snapshot["state"]))
        questions = [QuestionRecord.from_dict(q) for q in snapshot["questions"]]
        missing = sorted({q.question_id for q in questions} - set(self.bank.questions))
        if missing:
            raise ValueError(f"the bank no longer has question(s) {', '.join(missing)}")
        stage_index = int(snapshot["stage_index"])
        if not -1 <= stage_index < len(self.flow.stages):
            raise ValueError(f"stage {stage_index} is outside the flow")
        current = _at(questions, snapshot.get("current"))
        probe: Concept | None = None
        if snapshot.get("probe") is not None:
            if current is None:
                raise ValueError("a probe is saved without its question")
            concepts = self.bank.questions[current.question_id].concepts
            probe = next((c for c in concepts if c.id == snapshot["probe"]), None)
            if probe is None:
                raise ValueError(f"the bank no longer has the concept {snapshot['probe']!r}")
        voice = Voice(self.voice.lines, self.seed)
        if snapshot.get("voice") is not None:  # else a fresh draw of phrasings
            voice.restore(snapshot["voice"])
        version, internal, gauss = snapshot["rng"]
        self.rng.setstate((int(version), tuple(int(i) for i in internal), gauss))
        self.voice = voice
        self.lead = str(snapshot.get("lead", ""))
        self.carried = [str(said) for said in snapshot.get("carried") or []]
        self.asked_back = int(snapshot.get("asked_back", 0))
        self.machine = machine
        self.stage_index = stage_index
        self.stage_asked = int(snapshot["stage_asked"])
        self.current = current
        self.interrupted = _at(questions, snapshot.get("resume"))
        self.probe = probe
        self.rephrased = int(snapshot.get("rephrased", 0))
        self.wording = str(snapshot.get("asking", ""))
        self.transcript.questions = questions
        self.transcript.turns = list(turns)
        self.transcript.ended_by = str(snapshot.get("ended_by", ""))
        self.transcript.extras = dict(snapshot.get("extras") or {})

    # ----- plumbing -----------------------------------------------------------------------

    def fire(self, event: Event) -> None:
        """Move the machine along ``event`` (see :meth:`Machine.fire`)."""
        self.machine.fire(event)

    def choose(self, situation: object) -> Event | None:
        """The decided move from the current state (see :meth:`Machine.choose`)."""
        return self.machine.choose(situation)

    def emit(
        self,
        role: Role,
        kind: TurnKind,
        text: str,
        *,
        question_id: str | None,
        grade: GradeResult | None = None,
        meta: dict[str, Any] | None = None,
        record: bool = True,
        graded_text: str | None = None,
        closed: bool | None = None,
    ) -> None:
        """Record a turn (unless ``record`` is false), add it to the output, pass it on."""
        turn = Turn(
            role,
            kind,
            text,
            question_id,
            self.stage or None,
            grade,
            meta or {},
            graded_text=graded_text,
            closed=closed,
        )
        if record:
            self.transcript.turns.append(turn)
        self.out.append(turn)
        if self.on_turn is not None:
            self.on_turn(turn)

    def say(
        self,
        kind: TurnKind,
        text: str,
        meta: dict[str, Any] | None = None,
        *,
        record: bool = True,
        closed: bool | None = None,
    ) -> None:
        """An interviewer turn, about the current question unless it opens a stage.

        A pending acknowledgement (``_lead``) opens the next recorded turn; feedback
        says whether it ``closed`` the question.
        """
        if record and self.lead:
            text, self.lead = f"{self.lead} {text}", ""
        qid = self.current.question_id if self.current and kind != "stage" else None
        self.emit(
            "interviewer", kind, text, question_id=qid, meta=meta, record=record, closed=closed
        )

    def hear(
        self,
        kind: TurnKind,
        text: str,
        meta: dict[str, Any],
        grade: GradeResult | None = None,
        graded_text: str | None = None,
    ) -> None:
        """A candidate turn, about the current question (an answer's with the text graded)."""
        qid = self.current.question_id if self.current else None
        self.emit(
            "candidate",
            kind,
            text,
            question_id=qid,
            grade=grade,
            meta=meta,
            graded_text=graded_text,
        )

    def count(self, stage: Stage) -> int:
        """The questions ``stage`` plans for this interview's length."""
        return stage.questions.short if self.options.length == "short" else stage.questions.full

    def asked_ids(self) -> set[str]:
        """The ids of every question asked so far."""
        return {r.question_id for r in self.transcript.questions}
