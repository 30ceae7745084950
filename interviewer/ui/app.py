"""The Textual app and its one factory, :func:`create_app`, used by the CLI and the tests."""

from __future__ import annotations

import contextlib
import random
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from interviewer.choices import TRACKS
from interviewer.ui.background_grader import BackgroundGrader
from interviewer.ui.clock import Clock, system_clock
from interviewer.ui.interview_session import InterviewSession, SessionOptions
from interviewer.ui.session_setup import (
    due_review_flow,
    hands_on_flow,
    new_session_id,
    options_of,
    tracks_with_flow,
)
from interviewer.ui.storage import SessionStore, default_data_dir

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.store import Store
    from interviewer.ui.screens.interview import InterviewScreen
    from interviewer.ui.screens.report import ReportScreen
    from interviewer.ui.screens.start import StartScreen

# Screens are imported where they are first shown: only the first one is on the
# path to the first question, and every import there counts (see benchmarks/ui_startup.py).

__all__ = ["InterviewerApp", "create_app"]


def _load_default_bank() -> Bank:
    from interviewer.loader import load_bank

    return load_bank()


class InterviewerApp(App[None]):
    """The interviewer app: a start screen, then interviews, then reports.

    Build it with :func:`create_app` rather than directly.
    """

    TITLE = "interviewer"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
    ]

    def __init__(
        self,
        options: SessionOptions,
        *,
        skip_start: bool,
        bank_loader: Callable[[], Bank],
        grader_factory: Callable[[Bank], Any],
        clock: Clock,
        data_dir: Path,
        now: Callable[[], datetime],
        resume: str | None = None,
        review: int | None = None,
        store_opener: Callable[[Path], Store] | None = None,
    ) -> None:
        super().__init__()
        self.resume_id = resume
        self.review_limit = review
        self._store_opener = store_opener
        self.db: Store | None = None
        self.db_ready = threading.Event()
        self.saved_shown = threading.Event()  # the start screen shows what the store holds
        self.options = options
        self.skip_start = skip_start
        self.clock = clock
        self.data_dir = data_dir
        self.now = now
        self._bank_loader = bank_loader
        self._grader_factory = grader_factory
        self.bank_future: Future[Bank] = Future()
        self.grader: BackgroundGrader | None = None
        self.sessions: list[InterviewSession] = []

    # -- start-up ---------------------------------------------------------------------

    def on_mount(self) -> None:
        """Show the first screen at once; load the bank in the background once it is painted.

        (Started earlier, the loading thread's imports compete with the first paint.)
        """
        self.call_after_refresh(self._load_bank)
        self._catch_signals()
        if self.resume_id is not None:
            self._push_interview(self.options, resume=self.resume_id)
        elif self.review_limit is not None:
            self._push_interview(self.options, review=self.review_limit)
        elif self.skip_start:
            self._push_interview(self.options)
        else:
            self._push_start()

    def _push_start(self) -> None:
        from interviewer.ui.screens.start import StartScreen

        self.push_screen(
            StartScreen(self.options, *self._choices()),
            self._chosen,
        )
        if self.db is not None:
            self.call_after_refresh(self._refresh_start)

    def _push_interview(
        self, options: SessionOptions, *, resume: str | None = None, review: int | None = None
    ) -> None:
        from interviewer.ui.screens.interview import InterviewScreen

        self.push_screen(InterviewScreen(self._with_seed(options), resume=resume, review=review))

    def _choices(self) -> tuple[tuple[str, ...], str | None]:
        """The tracks with a flow and the hands-on flow (all tracks, none until loaded)."""
        if not self.bank_future.done() or self.bank_future.exception() is not None:
            return TRACKS, None
        bank = self.bank_future.result()
        return tracks_with_flow(bank), hands_on_flow(bank)

    def _bank_loaded(self) -> None:
        if "interviewer.ui.screens.start" not in sys.modules:
            return  # no start screen was ever shown
        from interviewer.ui.screens.start import StartScreen

        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.set_available(*self._choices())

    def _store_opened(self) -> None:
        if self.db is not None and self.db.warning:
            self.notify(self.db.warning, title="Sessions are not saved", severity="warning")
        self._refresh_start()

    def _refresh_start(self) -> None:
        if "interviewer.ui.screens.start" not in sys.modules or self.db is None:
            return
        from interviewer.store import StoreError
        from interviewer.store.review import due_count
        from interviewer.ui.screens.start import StartScreen

        try:
            unfinished = self.db.sessions(status="active", limit=5)
            due = due_count(self.db)
        except StoreError as exc:
            self.notify(str(exc), title="Sessions cannot be read", severity="warning")
            return
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.show_saved(unfinished, due)
                self.saved_shown.set()

    def _open_store(self) -> None:
        from interviewer.store import open_store

        try:
            opener = self._store_opener or open_store
            self.db = opener(self.data_dir)
        finally:
            self.db_ready.set()
        self.call_from_thread(self._store_opened)

    @work(thread=True, group="load")
    def _load_bank(self) -> None:
        self._open_store()
        try:
            bank = self._bank_loader()
        except Exception as exc:  # reported by whichever screen needs the bank
            self.bank_future.set_exception(exc)
            return
        self.grader = BackgroundGrader(lambda: self._grader_factory(bank))
        if not self.skip_start:
            # While the candidate chooses, import the engine and read the interviewer's
            # phrasings, so Start answers at once. Before the bank is handed out: a session
            # built meanwhile in another thread would import the same modules, and two
            # threads importing one package can each see it half-initialised.
            from interviewer.dialog.voice import default_lines

            with contextlib.suppress(Exception):  # a broken file is reported at Start
                default_lines()
        self.bank_future.set_result(bank)
        self.call_from_thread(self._bank_loaded)

    def on_interview_screen_first_question_shown(
        self, message: InterviewScreen.FirstQuestionShown
    ) -> None:
        """Fit the grader in the background, once the first question is on screen."""
        if self.grader is not None:
            self.grader.start()

    def _catch_signals(self) -> None:
        # The terminal is in raw mode, so Ctrl+C arrives as a key; these catch a
        # SIGINT/SIGTERM sent from outside, saving before the app goes.
        try:
            import asyncio

            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self._signalled)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not on the main thread (tests) or no signals (Windows)

    def _signalled(self) -> None:
        self.save_all()
        self.exit()

    # -- sessions -----------------------------------------------------------------------

    def _with_seed(self, options: SessionOptions) -> SessionOptions:
        if options.seed is not None:
            return options
        return replace(options, seed=random.randrange(1, 100_000))

    def _chosen(self, options: SessionOptions | None) -> None:
        if options is not None:
            self._push_interview(options)

    def on_interview_screen_session_wanted(self, message: InterviewScreen.SessionWanted) -> None:
        """An interview screen is up: build its session in a worker and hand it over."""
        self._build_session(message)

    @work(thread=True, group="sessions")
    def _build_session(self, wanted: InterviewScreen.SessionWanted) -> None:
        """Build the session (in a worker: it waits for the bank and the store)."""
        screen = wanted.screen
        try:
            bank = self.bank_future.result()
            assert self.grader is not None
            self.db_ready.wait()
            options, flow = screen.options, None
            if screen.review is not None:
                flow = due_review_flow(bank, self.db, screen.review)
                options = replace(options, track="general")
            open_ids = [session.store.session_id for session in self.sessions]
            session_id = new_session_id(
                options,
                self.now(),
                resume=screen.resume,
                review=screen.review is not None,
                open_ids=open_ids,
                db=self.db,
            )
            session = InterviewSession(
                bank=bank,
                options=options,
                grader=self.grader,
                store=SessionStore(self.data_dir, session_id),
                clock=self.clock,
                db=self.db,
                resume=screen.resume,
                flow=flow,
            )
        except Exception as exc:  # a broken bank must not take the app down
            screen.could_not_start(str(exc) or type(exc).__name__)
            return
        self.sessions.append(session)
        screen.begin(session)

    def on_start_screen_resume_requested(self, message: StartScreen.ResumeRequested) -> None:
        """The candidate picked an unfinished session on the start screen."""
        self.pop_screen()
        self._push_interview(options_of(message.row), resume=message.row.id)

    def on_start_screen_review_requested(self, message: StartScreen.ReviewRequested) -> None:
        """The candidate chose "Review due" on the start screen."""
        self.pop_screen()
        self._push_interview(self.options, review=message.limit)

    def on_start_screen_history_requested(self, message: StartScreen.HistoryRequested) -> None:
        """Show the history screen over the start screen."""
        from interviewer.ui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self._store_and_bank))

    def _store_and_bank(self) -> tuple[Store | None, Bank]:
        """Wait for the session store and the bank (in a worker); raise what loading raised."""
        self.db_ready.wait()
        return self.db, self.bank_future.result()

    def save_all(self) -> None:
        """Autosave every session's transcript (on quit, on a signal)."""
        for session in self.sessions:
            session.save()

    def close_store(self) -> None:
        """Close the session store once the app has ended: its sessions may be resumed elsewhere."""
        if self.db is not None:
            self.db.close()
            self.db = None

    # -- app-wide actions ----------------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys of the current screen (its ``help_screen()``, else the interview's)."""
        from interviewer.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            make = getattr(self.screen, "help_screen", None)
            self.push_screen(make() if callable(make) else HelpScreen())

    async def action_quit(self) -> None:
        """Save every transcript, then quit."""
        self.save_all()
        self.exit()

    def on_interview_screen_finished(self, message: InterviewScreen.Finished) -> None:
        """The candidate asked for the report: show it."""
        from interviewer.ui.screens.report import ReportScreen

        self.push_screen(ReportScreen(message.session))

    def on_report_screen_replay_requested(self, message: ReportScreen.ReplayRequested) -> None:
        """A new interview with exactly the reported options (seed included): same questions."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._push_interview(message.options)

    def on_report_screen_new_interview_requested(
        self, message: ReportScreen.NewInterviewRequested
    ) -> None:
        """Back to the start screen for a new interview."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._push_start()


def create_app(
    options: SessionOptions | None = None,
    *,
    bank: Bank | None = None,
    skip_start: bool = False,
    grader: Any = None,
    clock: Clock | None = None,
    data_dir: Path | None = None,
    now: Callable[[], datetime] | None = None,
    resume: str | None = None,
    review: int | None = None,
    store_opener: Callable[[Path], Store] | None = None,
) -> InterviewerApp:
    """Build the app. The CLI and the tests both come through here.

    Args:
        options: Initial track, mode, length and seed.
        bank: A loaded bank; by default the built-in bank is loaded in a worker.
        skip_start: Go straight to the interview with ``options``.
        grader: A fitted grader; by default one is fitted on the bank in a worker.
        clock: Monotonic seconds for the timers (tests pass a ManualClock).
        data_dir: Where transcripts go (default: the platformdirs user data dir).
        now: Wall-clock time, for session file names.
        resume: Open straight on this stored session, continuing it.
        review: Open straight on a review of at most this many due questions.
        store_opener: Opens the session store (tests inject a fixed clock or a failure).
    """

    def bank_loader() -> Bank:
        return bank if bank is not None else _load_default_bank()

    def grader_factory(loaded: Bank) -> Any:
        if grader is not None:
            return grader
        from interviewer.grading import cached_grader

        return cached_grader(loaded)

    return InterviewerApp(
        options or SessionOptions(),
        skip_start=skip_start,
        bank_loader=bank_loader,
        grader_factory=grader_factory,
        clock=clock or system_clock,
        data_dir=data_dir or default_data_dir(),
        now=now or datetime.now,
        resume=resume,
        review=review,
        store_opener=store_opener,
    )
