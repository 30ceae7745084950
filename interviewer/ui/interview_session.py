"""The app's handle on one interview: the core engine plus timing and the store.

This module is the seam between the Textual widgets and the core. It never
imports textual: every call returns plain data (an :class:`Exchange`), and the
screens, which make the calls from thread workers, turn it into messages (the
toolong pattern). Every engine call goes through one lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.options import Length, Mode, SessionOptions
from interviewer.ui.clock import Clock, system_clock
from interviewer.ui.storage import SessionStore, display_path
from interviewer.ui.timer import QuestionTimer

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.dialog.engine import Interview
    from interviewer.interview_report import Report
    from interviewer.models import Flow
    from interviewer.store import Recorder, Store
    from interviewer.timing import AnswerTime
    from interviewer.transcript import Turn

__all__ = [
    "Exchange",
    "InterviewSession",
    "Length",
    "Mode",
    "Progress",
    "SessionOptions",
    "flow_for_track",
]

# Interviewer turns that put a new question on the table (the per-question timer restarts).
_ASKING_KINDS = frozenset({"question", "thread"})


@dataclass(frozen=True)
class Progress:
    """Where the interview is, read under the session lock after every exchange.

    Attributes:
        stage: The current stage id.
        stages: The flow's stage ids and titles, in order.
        asked: Main questions asked so far.
        planned: Main questions the flow plans for this length.
        finished: Whether the interview is over.
        visited: Stage ids the interview has entered (empty: not tracked).
    """

    stage: str
    stages: tuple[tuple[str, str], ...]
    asked: int
    planned: int
    finished: bool
    visited: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Exchange:
    """What one call into the engine produced.

    Attributes:
        turns: The new turns, in order (the candidate's own turn included).
        progress: The interview's position afterwards.
        save_error: Why the autosave failed, or ``""``.
    """

    turns: tuple[Turn, ...]
    progress: Progress
    save_error: str = ""


def flow_for_track(bank: Bank, track: str) -> Flow:
    """The flow that runs ``track`` (the first by name when several do).

    Raises:
        KeyError: if no flow in the bank runs that track.
    """
    for name in sorted(bank.flows):
        if bank.flows[name].track == track:
            return bank.flows[name]
    raise KeyError(f"no interview flow for the {track!r} track")


@dataclass
class InterviewSession:
    """Drives one :class:`~interviewer.dialog.Interview` for the app.

    Args:
        bank: The loaded question bank.
        options: The candidate's choices (``seed`` must be set).
        grader: A fitted grader (or a
            :class:`~interviewer.ui.background_grader.BackgroundGrader`).
        store: Where exports go (its ``session_id`` names the session).
        clock: Monotonic seconds, for the elapsed-time display.
        db: The session store every exchange is committed to (None: memory only).
        resume: The id of a stored session to continue instead of starting one.
        flow: The flow to run instead of the track's (a review).
    """

    bank: Bank
    options: SessionOptions
    grader: Any
    store: SessionStore
    clock: Clock = system_clock
    db: Store | None = None
    resume: str | None = None
    flow: Flow | None = None
    progress: Progress = field(init=False)
    recorder: Recorder = field(init=False)
    _interview: Interview = field(init=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _timer: QuestionTimer = field(init=False)

    def __post_init__(self) -> None:
        from interviewer.dialog.engine import Interview
        from interviewer.store import Recorder, memory_store, resume_interview

        db = self.db if self.db is not None else memory_store()
        self._timer = QuestionTimer(self.clock)
        if self.resume is not None:
            self._interview, self.recorder, _ = resume_interview(
                db, self.resume, self.bank, self.grader, copy_if_busy=True
            )
            self.flow = self._interview.flow
            self._timer.resume(self._interview.transcript, self._interview.question)
        else:
            custom = self.flow is not None
            if self.flow is None and self.options.flow is not None:
                if self.options.flow not in self.bank.flows:
                    raise KeyError(f"no interview flow named {self.options.flow!r}")
                self.flow = self.bank.flows[self.options.flow]
            self.flow = self.flow or flow_for_track(self.bank, self.options.track)
            self._interview = Interview(self.bank, self.flow, self.grader, self.options)
            flow_def = self.flow.model_dump(mode="json") if custom else None
            self.recorder = Recorder(
                db, self.store.session_id, self._interview, self.bank, "app", flow_def
            )
        self.recorder.times = self._question_seconds
        self.progress = self._progress()

    @property
    def session_id(self) -> str:
        """The id the session is stored under."""
        return self.recorder.session_id

    @property
    def resumed(self) -> bool:
        """Whether this continues a stored session."""
        return self.resume is not None

    @staticmethod
    def session_id_for(options: SessionOptions, when: datetime) -> str:
        """The file-name stem of a session started at ``when``."""
        return f"{when:%Y%m%d-%H%M%S}-{options.track}-{options.mode}"

    @property
    def finished(self) -> bool:
        """Whether the interview is over (as of the last exchange)."""
        return self.progress.finished

    @property
    def asking_back(self) -> bool:
        """Whether the questions are over and the candidate may ask their own."""
        return self._interview.state == "candidate_questions"

    # -- engine calls (any thread) -------------------------------------------------

    def start(self) -> Exchange:
        """Open the interview: the greeting and the first question.

        A resumed session is not restarted: every turn so far comes back instead.
        """
        with self._lock:
            if self.resume is not None:
                turns = list(self._interview.transcript.turns)
                self.progress = self._progress()
                warning = self.recorder.store.warning  # e.g. open in another interviewer
                return Exchange(tuple(turns), self.progress, warning)
            self._timer.started = self.clock()
            return self._exchange(self._interview.start())

    def reply(self, text: str) -> Exchange:
        """Pass the candidate's text (an answer or a typed command) to the engine."""
        with self._lock:
            return self._exchange(self._interview.reply(text))

    def command(self, name: str) -> Exchange:
        """Run an explicit command: hint, repeat, clarify, skip, dont_know, back or end."""
        with self._lock:
            return self._exchange(self._interview.command(name))

    def _exchange(self, turns: list[Turn]) -> Exchange:
        for turn in turns:
            if turn.role == "interviewer" and turn.kind in _ASKING_KINDS:
                self._timer.new_question(turn.question_id)
        self.progress = self._progress()
        if self.progress.finished:
            self._timer.freeze()
        save_error = self._autosave()
        return Exchange(tuple(turns), self.progress, save_error)

    def _progress(self) -> Progress:
        assert self.flow is not None
        asked, planned = self._interview.progress
        return Progress(
            stage=self._interview.stage,
            stages=tuple((stage.id, stage.title) for stage in self.flow.stages),
            asked=asked,
            planned=planned,
            finished=self._interview.finished,
            visited=frozenset(
                t.stage for t in self._interview.transcript.turns if t.stage is not None
            )
            | {self._interview.stage},
        )

    # -- timing ---------------------------------------------------------------------

    def awaiting(self) -> tuple[str, str, str] | None:
        """The question awaiting an answer as ``(id, kind, starter code)``, or None."""
        with self._lock:
            question = self._interview.question
        if question is None:
            return None
        spec = self.bank.handson.get(question.id)
        starter = getattr(spec, "starter", "") if spec is not None else ""
        return question.id, question.kind, starter

    def recent_demo(self) -> str | None:
        """The live demo of the most recent question that has one (for "show me")."""
        from interviewer.handson.demo_links import demo_for_question

        with self._lock:
            records = list(self._interview.transcript.questions)
        for record in reversed(records[-3:]):
            question = self.bank.questions.get(record.question_id) or self.bank.handson.get(
                record.question_id
            )
            topics = question.topics if question is not None else []
            demo = demo_for_question(record.question_id, topics)
            if demo is not None:
                return demo
        return None

    @property
    def elapsed_total(self) -> float:
        """Seconds since the interview started (frozen once it finishes)."""
        return max(0.0, self._timer.now() - self._timer.started)

    @property
    def elapsed_question(self) -> float:
        """Seconds since the current question was asked (0 once finished)."""
        if self._timer.question_id is None:
            return 0.0
        return max(0.0, self._timer.now() - self._timer.question_started)

    @property
    def question_target(self) -> int | None:
        """The time target for the current question's level (None: no clock)."""
        question = self._interview.question
        if not self.options.clock or question is None or self.flow is None:
            return None
        return self.flow.answer_time.get(question.level)

    def answer_times(self) -> list[AnswerTime]:
        """Time per question so far against its target."""
        from interviewer.timing import answer_times

        assert self.flow is not None
        self._keep_times()
        targets = (
            self.flow if self.options.clock else self.flow.model_copy(update={"answer_time": {}})
        )
        return answer_times(self._interview.transcript, self.bank, targets)

    @property
    def question_times(self) -> list[tuple[str, float]]:
        """Seconds spent on each question asked so far, in order."""
        return list(self._timer.times)

    # -- persistence ----------------------------------------------------------------

    def _question_seconds(self) -> dict[str, float]:
        seconds: dict[str, float] = {}
        for qid, spent in self._timer.times:
            seconds[qid] = round(seconds.get(qid, 0.0) + spent, 1)
        return seconds

    def _keep_times(self) -> None:
        self._interview.transcript.extras["elapsed"] = {
            "total_seconds": round(self.elapsed_total, 1),
            "questions": [
                {"question_id": qid, "seconds": round(seconds, 1)}
                for qid, seconds in self._timer.times
            ],
        }

    def transcript_files(self) -> dict[str, str]:
        """The transcript as Markdown and JSON (timings included), keyed by file suffix."""
        transcript = self._interview.transcript
        self._keep_times()
        return {
            "transcript.md": transcript.to_markdown(),
            "transcript.json": transcript.to_json(include_extras=True),
        }

    def _autosave(self) -> str:
        self._keep_times()
        return self.recorder.commit()

    @property
    def saved_where(self) -> str:
        """Where the session is kept, for the user: the database, or memory only."""
        path = self.recorder.store.path
        return display_path(path) if path is not None else "memory only (not saved)"

    def save(self) -> str:
        """Autosave now (e.g. on quit); return an error message or ``""``.

        Waits at most a second for a running engine call, so quitting never hangs.
        """
        if not self._lock.acquire(timeout=1.0):
            return "the interviewer was busy; the last autosave stands"
        try:
            return self._autosave()
        finally:
            self._lock.release()

    def report(self) -> Report:
        """The engine's report of the interview so far."""
        with self._lock:
            return self._interview.report()

    def export(self) -> list[Path]:
        """Write the transcript and the report, Markdown and JSON, to the export directory.

        Raises:
            SaveError: when a file cannot be written.
        """
        with self._lock:
            report = self._interview.report()
            files = self.transcript_files()
            from interviewer.timing import timing_markdown

            files["report.md"] = report.to_markdown()
            timing = timing_markdown(self.answer_times())
            if timing:
                files["report.md"] += "\n" + timing
            files["report.json"] = report.to_json()
            return self.store.export(files)
