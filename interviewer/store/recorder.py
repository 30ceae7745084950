"""Recording an interview as it happens, and picking it up again.

:class:`Recorder` commits each exchange of an :class:`~interviewer.dialog.Interview`
(new turns, the dialog's snapshot, the questions closed so far) in one
transaction; :func:`resume_interview` rebuilds the interview from the store
through :meth:`~interviewer.dialog.session.Session.restore`. The app, ``practice``
and ``review`` all record through here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from interviewer.store.db import QuestionOutcome, SessionBusyError, Store, StoreError
from interviewer.store.review import schedule_outcome

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.dialog.engine import Interview
    from interviewer.models import Flow
    from interviewer.transcript import Turn

__all__ = ["Recorder", "flow_of", "resume_interview"]


@dataclass
class Recorder:
    """Commits one interview's exchanges to a store.

    Args:
        store: Where to write.
        session_id: The session's id.
        interview: The interview being recorded.
        bank: Its bank (which concepts are key, for the review schedule).
        source: ``app``, ``practice`` or ``review``.
        flow_def: The flow, when it is not one of the bank's (review, adaptive).
        saved: Turns already in the store (on resume).
        created: Whether the session row exists (on resume).
    """

    store: Store
    session_id: str
    interview: Interview
    bank: Bank
    source: str = "app"
    flow_def: dict[str, Any] | None = None
    saved: int = 0
    created: bool = False
    times: Callable[[], dict[str, float]] | None = field(default=None)

    def commit(self, driver: dict[str, Any] | None = None) -> str:
        """Write what happened since the last commit; return why it failed, or ``""``.

        A failed commit loses nothing: the interview goes on in memory and the
        next commit writes everything not yet written.
        """
        interview = self.interview
        transcript = interview.transcript
        try:
            if not self.created:
                config = interview.options
                self.store.create_session(
                    self.session_id,
                    flow=transcript.flow,
                    track=transcript.track,
                    mode=config.mode,
                    length=config.length,
                    seed=transcript.seed,
                    source=self.source,
                    flow_def=self.flow_def,
                )
                self.created = True
            state = interview.snapshot()
            turns = transcript.turns[self.saved :]
            self.store.save_exchange(
                self.session_id,
                self.saved,
                [t.to_dict() for t in turns],
                state,
                finished=interview.finished,
                outcomes=self._outcomes(state),
                driver=driver,
                on_outcome=schedule_outcome,
            )
        except StoreError as exc:
            return str(exc)
        self.saved += len(turns)
        return ""

    def _outcomes(self, state: dict[str, Any]) -> list[QuestionOutcome]:
        open_index = None if self.interview.finished else state.get("current")
        times = self.times() if self.times is not None else {}
        outcomes = []
        for position, record in enumerate(self.interview.transcript.questions):
            credit = record.credit
            if position == open_index or credit is None:
                continue
            question = self.bank.questions.get(record.question_id)
            credited = {c.concept_id for c in record.result.credited} if record.result else set()
            key = [c.id for c in question.concepts if c.key] if question else []
            outcomes.append(
                QuestionOutcome(
                    position=position,
                    question_id=record.question_id,
                    credit=credit,
                    missed=tuple(c for c in key if c not in credited),
                    credited=tuple(sorted(credited)),
                    seconds=times.get(record.question_id),
                )
            )
        return outcomes


def flow_of(bank: Bank, name: str, flow_def: dict[str, Any] | None) -> Flow:
    """The flow a session ran: its saved definition, else the bank's flow by name.

    Raises:
        StoreError: when the bank has no such flow any more.
    """
    from interviewer.models import Flow

    if flow_def is not None:
        return Flow.model_validate(flow_def)
    if name not in bank.flows:
        raise StoreError(f"the bank no longer has the flow {name!r}")
    return bank.flows[name]


def resume_interview(
    store: Store,
    session_id: str,
    bank: Bank,
    grader: Any,
    on_turn: Callable[[Turn], Any] | None = None,
    *,
    copy_if_busy: bool = False,
) -> tuple[Interview, Recorder, dict[str, Any] | None]:
    """Rebuild an unfinished interview exactly where it stopped, and claim it.

    With ``copy_if_busy``, a session open in another process is not refused: it
    is continued as a copy kept in memory, and the recorder's store says so in
    its ``warning``.

    Returns:
        The interview, a recorder that continues the session, and the saved
        script position (``practice``), if any.

    Raises:
        StoreError: when the session is unknown, finished, not resumable (an
            imported autosave), open in another process, or does not fit the bank.
    """
    from interviewer.dialog.engine import Interview
    from interviewer.options import SessionOptions
    from interviewer.transcript import turns_from_dicts

    row, state, turn_dicts = store.load(session_id)
    if row.status == "finished":
        raise StoreError(
            f"session {session_id} is finished; see `interviewer history {session_id}`"
        )
    if state is None or row.source == "import" or "version" not in state:
        raise StoreError(
            f"session {session_id} was imported from an autosave, which does not keep the "
            "dialog's state, so it cannot be resumed"
        )
    flow_def, driver = store.extra(session_id)
    flow = flow_of(bank, row.flow, flow_def)
    config = state.get("config", {})
    interview = Interview(
        bank,
        flow,
        grader,
        SessionOptions(seed=int(config["seed"]), length=config["length"], mode=config["mode"]),
        on_turn=on_turn,
    )
    try:
        interview.restore(state, turns_from_dicts(list(turn_dicts)))
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"session {session_id} cannot be resumed: {exc}") from None
    try:
        store.claim(session_id)
    except SessionBusyError as exc:
        if not copy_if_busy:
            raise
        from interviewer.store.connect import memory_store

        copy = memory_store(
            store.now, warning=f"{exc}. This copy of it is kept in memory only, not saved."
        )
        recorder = Recorder(copy, session_id, interview, bank, row.source, flow_def)
        return interview, recorder, driver
    recorder = Recorder(
        store,
        session_id,
        interview,
        bank,
        source=row.source,
        flow_def=flow_def,
        saved=len(turn_dicts),
        created=True,
    )
    return interview, recorder, driver
