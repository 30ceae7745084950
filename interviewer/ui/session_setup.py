"""What a new session of the app is built from: its options, its id, the flows to offer.

Plain functions with no textual import, used by :mod:`interviewer.ui.app`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from interviewer.choices import TRACKS, Track
from interviewer.ui.interview_session import InterviewSession, Length, Mode, SessionOptions

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.models import Flow
    from interviewer.store import Store

__all__ = ["due_review_flow", "hands_on_flow", "new_session_id", "options_of", "tracks_with_flow"]


def options_of(row: Any) -> SessionOptions:
    """The options a stored session (a :class:`~interviewer.store.SessionRow`) was run with."""
    track: Track = cast(Track, row.track) if row.track in TRACKS else "general"
    mode: Mode = "interview" if row.mode == "interview" else "practice"
    length: Length = "full" if row.length == "full" else "short"
    # A flow of its own (hands-on, say) is kept, so a replay runs it again; a review is not.
    flow = row.flow if row.flow not in (row.track, "review") else None
    return SessionOptions(track=track, mode=mode, length=length, seed=row.seed, flow=flow)


def new_session_id(
    options: SessionOptions,
    when: datetime,
    *,
    resume: str | None,
    review: bool,
    open_ids: Iterable[str],
    db: Store | None,
) -> str:
    """The id of a session about to open: one no open session (nor, if new, the store) uses.

    Args:
        options: The session's options (the track and mode go into a new id).
        when: When it starts (a new id begins with it, to the second).
        resume: The stored session it continues, if any: its id, unless already open here.
        review: A review session: "review" stands in the id for the track.
        open_ids: The ids of the sessions open in the app.
        db: The session store, if there is one.
    """
    session_id = resume or InterviewSession.session_id_for(options, when)
    if review:
        session_id = session_id.replace(f"-{options.track}-", "-review-")
    used = set(open_ids)
    if resume is None and db is not None:
        used |= {row.id for row in db.sessions() if row.id.startswith(session_id)}
    if session_id in used:  # two interviews started within the same second
        session_id += f"-{len(used) + 1}"
    return session_id


def due_review_flow(bank: Bank, db: Store | None, limit: int) -> Flow:
    """A flow asking at most ``limit`` of the questions due for review.

    Raises:
        StoreError: when nothing is due (or there is no store).
    """
    from interviewer.store import StoreError
    from interviewer.store.plan import review_flow
    from interviewer.store.review import due_items

    flow = review_flow(bank, due_items(db), limit) if db is not None else None
    if flow is None:
        raise StoreError("nothing is due for review")
    return flow


def tracks_with_flow(bank: Bank) -> tuple[str, ...]:
    """The tracks that have a flow in the bank."""
    flows = bank.flows.values()
    return tuple(track for track in TRACKS if any(f.track == track for f in flows))


def hands_on_flow(bank: Bank) -> str | None:
    """The name of the bank's hands-on flow: one whose stages draw calculations or code
    exercises (None when it has none)."""
    return next(
        (
            name
            for name, flow in sorted(bank.flows.items())
            if any(set(stage.pool.kinds) - {"rubric"} for stage in flow.stages if stage.pool)
        ),
        None,
    )
