"""The interview transcript: every turn, every answer, its grade and feedback.

A :class:`Transcript` is plain data. It renders to Markdown for people and to
JSON for programs, and ``Transcript.from_json(t.to_json()) == t``. Nothing in it
depends on the clock: the same flow, seed and answers give the same bytes.
Timings, when a UI wants to keep them, go in :attr:`Transcript.extras` and can
be left out of the output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from interviewer.grading.result import HINT_COST, GradeResult, grade_from_dict
from interviewer.saved_turns import upgrade_turns

__all__ = [
    "COMMAND_ACTIONS",
    "SCHEMA_VERSION",
    "QuestionRecord",
    "Role",
    "Transcript",
    "Turn",
    "TurnKind",
    "turns_from_dicts",
]

SCHEMA_VERSION = 1

Role = Literal["interviewer", "candidate"]
TurnKind = Literal[
    "greeting",
    "question",
    "probe",
    "thread",
    "hint",
    "repeat",
    "feedback",
    "stage",
    "closing",
    "notice",
    "answer",
    "command",
]
RecordRole = Literal["main", "thread", "easier"]
RecordStatus = Literal["asked", "answered", "skipped", "waived"]

# How a command reads in the transcript: what the candidate did, not words they said.
COMMAND_ACTIONS: dict[str, str] = {
    "hint": "asks for a hint",
    "repeat": "asks to hear the question again",
    "clarify": "asks for the question put another way",
    "skip": "skips the question",
    "dont_know": "says they don't know",
    "back": "goes back to the previous question",
    "end": "ends the interview",
}


def _grade_to_dict(result: GradeResult) -> dict[str, Any]:
    data = result.to_dict()
    data.pop("missed", None)  # derived from concepts; rebuilt on load
    return data


@dataclass(frozen=True)
class Turn:
    """One thing said in the interview.

    Attributes:
        role: ``interviewer`` or ``candidate``.
        kind: What the turn does: greeting, question, probe, thread, hint, repeat,
            feedback, stage, closing, notice (interviewer); answer, command (candidate).
        text: What is said, in Markdown.
        question_id: The question the turn is about, if any.
        stage: The stage the interview was in.
        grade: For an answer, its grade against the question.
        meta: Small JSON-ready details: the command recognised, the concept probed,
            and for an answer ``graded_on``: ``this answer`` or ``all answers`` (the
            question's answers joined by newlines, which the grade's spans index into).
        graded_text: For a graded answer, the exact text the grade's spans index into
            (the answer alone, or the words graded with it joined by newlines).
        closed: For feedback, whether the question closed with it (no hint or probe
            follows); None for every other turn.
    """

    role: Role
    kind: TurnKind
    text: str
    question_id: str | None = None
    stage: str | None = None
    grade: GradeResult | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    graded_text: str | None = None
    closed: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the turn; ``graded_text`` and ``closed`` only when set."""
        data: dict[str, Any] = {
            "role": self.role,
            "kind": self.kind,
            "text": self.text,
            "question_id": self.question_id,
            "stage": self.stage,
            "grade": _grade_to_dict(self.grade) if self.grade else None,
            "meta": dict(self.meta),
        }
        if self.graded_text is not None:
            data["graded_text"] = self.graded_text
        if self.closed is not None:
            data["closed"] = self.closed
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        """Rebuild a turn from :meth:`to_dict` output (old ones: :func:`turns_from_dicts`)."""
        grade = data.get("grade")
        meta = dict(data.get("meta") or {})
        graded_text = data.get("graded_text")
        closed = data.get("closed")
        return cls(
            role=data["role"],
            kind=data["kind"],
            text=data["text"],
            question_id=data.get("question_id"),
            stage=data.get("stage"),
            grade=grade_from_dict(grade) if grade else None,
            meta=meta,
            graded_text=str(graded_text) if graded_text is not None else None,
            closed=bool(closed) if closed is not None else None,
        )


def turns_from_dicts(items: list[dict[str, Any]]) -> list[Turn]:
    """Rebuild saved turns, filling in what turns saved by earlier versions lack.

    See :func:`interviewer.saved_turns.upgrade_turns`.
    """
    return [Turn.from_dict(item) for item in upgrade_turns(items)]


@dataclass
class QuestionRecord:
    """What happened to one question: its answers, hints, probes and best grade.

    Attributes:
        question_id: The question.
        stage: The stage it was asked in.
        role: ``main`` (drawn from the stage pool), ``thread`` (a follow-up) or
            ``easier`` (drawn from an earlier stage because the candidate struggled).
        depth: How many thread links led here (0 for a main question).
        parent: The question whose thread led here.
        answers: Every reply given to it (main answer, retries, probe answers).
        hints_used: Hints given on it.
        probes: Concept ids probed.
        result: The best grade reached, over the answers alone and together.
        misconceptions: Ids of every misconception stated in any of its answers.
        status: ``asked`` (no answer yet), ``answered``, ``skipped``, or ``waived``
            (a step-down follow-up left unanswered: the gap that led to it was
            already scored, so it is not scored again).
    """

    question_id: str
    stage: str
    role: RecordRole = "main"
    depth: int = 0
    parent: str | None = None
    answers: list[str] = field(default_factory=list)
    hints_used: int = 0
    probes: list[str] = field(default_factory=list)
    result: GradeResult | None = None
    misconceptions: list[str] = field(default_factory=list)
    status: RecordStatus = "asked"

    @property
    def credit(self) -> float | None:
        """The question's score (0-5) after hint costs; None while unanswered."""
        if self.status == "skipped":
            return 0.0
        if self.result is None or self.status != "answered":
            return None
        return round(max(0.0, self.result.grade - HINT_COST * self.hints_used), 2)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the record."""
        return {
            "question_id": self.question_id,
            "stage": self.stage,
            "role": self.role,
            "depth": self.depth,
            "parent": self.parent,
            "answers": list(self.answers),
            "hints_used": self.hints_used,
            "probes": list(self.probes),
            "result": _grade_to_dict(self.result) if self.result else None,
            "misconceptions": list(self.misconceptions),
            "status": self.status,
            "credit": self.credit,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuestionRecord:
        """Rebuild a record from :meth:`to_dict` output."""
        result = data.get("result")
        return cls(
            question_id=data["question_id"],
            stage=data["stage"],
            role=data.get("role", "main"),
            depth=int(data.get("depth", 0)),
            parent=data.get("parent"),
            answers=list(data.get("answers", [])),
            hints_used=int(data.get("hints_used", 0)),
            probes=list(data.get("probes", [])),
            result=grade_from_dict(result) if result else None,
            misconceptions=list(data.get("misconceptions", [])),
            status=data.get("status", "asked"),
        )


@dataclass
class Transcript:
    """The whole interview, turn by turn, with a record per question asked.

    Attributes:
        flow: The flow's name.
        title: The flow's title.
        track: The track (general, cv, nlp).
        seed: The random seed.
        length: ``short`` or ``full``.
        mode: ``practice`` or ``interview``.
        turns: Every turn, in order.
        questions: One record per question asked, in the order first asked.
        ended_by: ``completed`` or ``candidate`` once finished, else empty.
        extras: Optional, non-reproducible additions (e.g. ``{"elapsed": [...]}``
            from a UI); left out of :meth:`to_dict` unless asked for.
    """

    flow: str
    title: str
    track: str
    seed: int
    length: str
    mode: str
    turns: list[Turn] = field(default_factory=list)
    questions: list[QuestionRecord] = field(default_factory=list)
    ended_by: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, include_extras: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; ``include_extras`` adds the UI's extras."""
        data: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "flow": self.flow,
            "title": self.title,
            "track": self.track,
            "seed": self.seed,
            "length": self.length,
            "mode": self.mode,
            "ended_by": self.ended_by,
            "turns": [t.to_dict() for t in self.turns],
            "questions": [q.to_dict() for q in self.questions],
        }
        if include_extras and self.extras:
            data["extras"] = self.extras
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        """Rebuild a transcript from :meth:`to_dict` output.

        Raises:
            ValueError: if the data is not a transcript of a known schema.
        """
        if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
            raise ValueError("not an interviewer transcript (missing or unknown 'schema')")
        return cls(
            flow=data["flow"],
            title=str(data.get("title") or data["flow"]),
            track=data["track"],
            seed=int(data["seed"]),
            length=data["length"],
            mode=data["mode"],
            turns=turns_from_dicts(list(data.get("turns", []))),
            questions=[QuestionRecord.from_dict(q) for q in data.get("questions", [])],
            ended_by=data.get("ended_by", ""),
            extras=dict(data.get("extras") or {}),
        )

    def to_json(self, include_extras: bool = False) -> str:
        """Serialise to indented JSON with sorted keys (stable bytes)."""
        return json.dumps(
            self.to_dict(include_extras), indent=2, sort_keys=True, ensure_ascii=False
        )

    @classmethod
    def from_json(cls, text: str) -> Transcript:
        """Parse :meth:`to_json` output.

        Raises:
            ValueError: if the text is not JSON of a transcript.
        """
        return cls.from_dict(json.loads(text))

    def to_markdown(self) -> str:
        """Render the transcript as Markdown, one paragraph per turn."""
        lines = [
            f"# Transcript: {self.title}",
            "",
            f"Flow `{self.flow}` · track {self.track} · {self.length} · {self.mode} mode"
            f" · seed {self.seed}",
        ]
        # One grade per question: practice-mode feedback states it; otherwise it follows
        # the question's last answer.
        last_answer = {
            t.question_id: index
            for index, t in enumerate(self.turns)
            if t.grade is not None and t.question_id is not None
        }
        credits = {r.question_id: r.credit for r in self.questions}
        for index, turn in enumerate(self.turns):
            lines.append("")
            if turn.kind == "stage":
                lines += [f"## {turn.meta.get('title', turn.stage or 'Stage')}", ""]
                lines.append(turn.text)
                continue
            if turn.kind == "command":
                action = COMMAND_ACTIONS.get(str(turn.meta.get("command")), "gives a command")
                lines.append(f"_The candidate {action}._")
                continue
            who = "Interviewer" if turn.role == "interviewer" else "Candidate"
            label = "" if turn.kind in ("answer", "question") else f" _({turn.kind})_"
            if turn.meta.get("format") == "python":  # code answers keep their layout
                lines += [f"**{who}**{label}:", "", "```python", turn.text.rstrip(), "```"]
            else:
                lines.append(f"**{who}**{label}: {turn.text}")
            credit = credits.get(turn.question_id or "")
            if (
                self.mode != "practice"
                and turn.grade is not None
                and last_answer.get(turn.question_id or "") == index
                and credit is not None
            ):
                lines += ["", f"> grade {credit:.1f}/5"]
        if self.ended_by:
            ending = "ended by the candidate" if self.ended_by == "candidate" else "completed"
            lines += ["", f"_Interview {ending}._"]
        return "\n".join(lines) + "\n"
