"""The interview screen: the chat, the answer box and the progress panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from interviewer.sanitize import sanitize
from interviewer.ui.interview_session import Exchange, InterviewSession, SessionOptions
from interviewer.ui.screen_commands import InterviewCommands, command_bindings
from interviewer.ui.storage import SaveError, display_path
from interviewer.ui.widgets.answer_box import AnswerBox
from interviewer.ui.widgets.chat import ChatLog
from interviewer.ui.widgets.progress_panel import ProgressPanel

if TYPE_CHECKING:
    from interviewer.transcript import Turn
    from interviewer.ui.screens.help import HelpScreen
    from interviewer.ui.widgets.feedback_card import FeedbackCard

__all__ = ["InterviewScreen"]

_TRACK_NAMES = {"general": "General", "cv": "Computer vision", "nlp": "NLP"}


class InterviewScreen(Screen[None]):
    """Plays one interview. Every engine call runs in a thread worker.

    On mount it posts :class:`SessionWanted`; whoever handles it (the app) builds the
    session and hands it back with :meth:`begin` (or :meth:`could_not_start`).

    Args:
        options: The candidate's choices.
        resume: A stored session to continue instead.
        review: Run a review of at most this many due questions instead.
    """

    DEFAULT_CSS = """
    InterviewScreen #main { height: 1fr; }
    InterviewScreen #conversation { width: 1fr; }
    InterviewScreen #status { height: 1; padding: 0 2; color: $text-muted; }
    InterviewScreen #status.-busy { color: $warning; }
    InterviewScreen #report { margin: 0 2; width: 100%; display: none; }
    InterviewScreen.-finished #report { display: block; }
    InterviewScreen.-finished AnswerBox { display: none; }
    InterviewScreen ProgressPanel { width: 24; }
    InterviewScreen.-wide ProgressPanel { width: 32; }
    """

    BINDINGS: ClassVar[list[BindingType]] = list(command_bindings())
    COMMANDS: ClassVar = {InterviewCommands}

    busy: reactive[bool] = reactive(False)
    """True while the engine works on a reply: sending is blocked, typing is not."""

    class SessionWanted(Message):
        """The screen is up and needs a session for its ``options``, ``resume`` and ``review``:
        build it, then call the screen's :meth:`begin` (or :meth:`could_not_start`)."""

        def __init__(self, screen: InterviewScreen) -> None:
            super().__init__()
            self.screen = screen

        @property
        def control(self) -> InterviewScreen:
            """The screen that wants the session."""
            return self.screen

    class FirstQuestionShown(Message):
        """The first question is on screen: a good moment for background work."""

    class Finished(Message):
        """The interview is over and the candidate asked for the report."""

        def __init__(self, session: InterviewSession) -> None:
            super().__init__()
            self.session = session

    class _Built(Message):
        """The session arrived (posted by :meth:`begin`, from any thread)."""

        def __init__(self, session: InterviewSession) -> None:
            super().__init__()
            self.session = session

    class _Exchanged(Message):
        """A worker finished an engine call (posted from the worker thread)."""

        def __init__(self, exchange: Exchange, first: bool = False) -> None:
            super().__init__()
            self.exchange = exchange
            self.first = first

    class _Failed(Message):
        """An engine call raised (the interview could not start, or a reply failed)."""

        def __init__(self, reason: str, started: bool = False) -> None:
            super().__init__()
            self.reason = reason
            self.started = started

    def __init__(
        self, options: SessionOptions, *, resume: str | None = None, review: int | None = None
    ) -> None:
        super().__init__()
        self.options = options
        self.resume = resume
        self.review = review
        self.session: InterviewSession | None = None
        self._pending_answer = False

    def compose(self) -> ComposeResult:
        """Chat on the left, progress on the right, the answer box below."""
        track = _TRACK_NAMES.get(self.options.track, self.options.track)
        heading = f"{track}\n{self.options.mode} · {self.options.length}"
        if self.options.seed is not None:
            heading += f"\nseed {self.options.seed}"
        with Horizontal(id="main"):
            with Vertical(id="conversation"):
                yield ChatLog(id="chat")
                yield Static("Preparing the interview…", id="status")
            yield ProgressPanel(heading, id="progress")
        yield AnswerBox(placeholder="Type your answer. Enter sends, Ctrl+J new line.", id="answer")

    def on_mount(self) -> None:
        """Ask for the session, tick the timers; the footer follows the first paint (faster)."""
        self.call_after_refresh(self.mount, Footer())
        self.query_one(AnswerBox).focus()
        self.busy = True
        self.post_message(self.SessionWanted(self))
        self.set_interval(1.0, self._tick)

    def begin(self, session: InterviewSession) -> None:
        """Play ``session`` (safe to call from any thread)."""
        self.post_message(self._Built(session))

    def could_not_start(self, reason: str) -> None:
        """Say that no session could be built, and why (safe to call from any thread)."""
        self.post_message(self._Failed(reason))

    def on_resize(self) -> None:
        """A wider side panel in a large terminal."""
        self.set_class(self.size.width >= 120, "-wide")

    # -- workers ----------------------------------------------------------------------

    @on(_Built)
    def _built(self, message: _Built) -> None:
        self._begin(message.session)

    @work(thread=True, exclusive=True, group="engine")
    def _begin(self, session: InterviewSession) -> None:
        try:
            exchange = session.start()
        except Exception as exc:  # a broken bank must not take the app down
            self.post_message(self._Failed(str(exc) or type(exc).__name__))
            return
        self.session = session
        self.post_message(self._Exchanged(exchange, first=True))

    @work(thread=True, exclusive=True, group="engine")
    def _reply(self, text: str) -> None:
        assert self.session is not None
        self._call_engine(self.session.reply, text)

    @work(thread=True, exclusive=True, group="engine")
    def _command(self, name: str) -> None:
        assert self.session is not None
        self._call_engine(self.session.command, name)

    def _call_engine(self, call: Callable[[str], Exchange], text: str) -> None:
        try:
            exchange = call(text)
        except Exception as exc:  # a bug in the core must not cost the candidate the session
            self.post_message(self._Failed(f"{type(exc).__name__}: {exc}", started=True))
            return
        self.post_message(self._Exchanged(exchange))

    # -- engine results -----------------------------------------------------------------

    @on(_Failed)
    async def _failed(self, message: _Failed) -> None:
        self.busy = False
        self._pending_answer = False
        if message.started:
            text = f"That reply could not be processed.\n{message.reason}"
            advice = "Your transcript so far is saved. Try again, or press Ctrl+S to export."
        else:
            text = f"The interview could not start.\n{message.reason}"
            advice = "Press Ctrl+Q to quit."
        await self.query_one(ChatLog).add(Static(Text(text), classes="error"))
        self.notify(advice, title="Something went wrong", severity="error", timeout=10)

    @on(_Exchanged)
    async def _exchanged(self, message: _Exchanged) -> None:
        exchange = message.exchange
        chat = self.query_one(ChatLog)
        await chat.add(*self._widgets_for(exchange))
        self.query_one(ProgressPanel).show_progress(exchange.progress)
        self._tick()
        if exchange.save_error:
            self.notify(exchange.save_error, title="Autosave failed", severity="warning")
        self.busy = False
        self.refresh_bindings()  # the footer drops the commands once they no longer apply
        self._sync_editor()
        if exchange.progress.finished:  # the report's button is only needed now
            if not self.query("#report"):
                report = Button("See your report", variant="primary", id="report")
                await self.mount(report, after=self.query_one(AnswerBox))
            self.add_class("-finished")
            self.query_one("#report", Button).focus()
        if message.first:  # once it is painted: the grader's fit would slow the paint down
            self.call_after_refresh(self.post_message, self.FirstQuestionShown())
            if self.session is not None and self.session.resumed:
                self.notify(f"Session {self.session.session_id}, as you left it.", title="Resumed")

    def _widgets_for(self, exchange: Exchange) -> list[Widget]:
        """One widget per turn; in practice mode a feedback turn becomes a feedback card."""
        chat = self.query_one(ChatLog)
        widgets: list[Widget] = []
        graded: Turn | None = None
        for turn in exchange.turns:
            if turn.role == "candidate":
                if turn.grade is not None:
                    graded = turn
                if self._pending_answer:
                    self._pending_answer = False  # already shown when it was sent
                    continue
            elif (
                turn.kind == "feedback"
                and graded is not None
                and self._practice
                and not self._handson(graded)
            ):
                text = graded.graded_text or graded.text
                closed = turn.closed is not False  # the engine says; unknown reads as closed
                widgets.append(self._feedback_card(graded, text, turn.text, closed))
                graded = None
                continue
            widgets.append(chat.message_for(turn))
        return widgets

    def _handson(self, turn: Turn) -> bool:
        """Hands-on feedback (working, checks) reads best as the interviewer's message."""
        return self.session is not None and turn.question_id in self.session.bank.handson

    @property
    def _practice(self) -> bool:
        return self.options.mode == "practice"

    def _feedback_card(self, turn: Turn, answer: str, message: str, closed: bool) -> FeedbackCard:
        from interviewer.ui.widgets.feedback_card import FeedbackCard

        assert turn.grade is not None
        questions = self.session.bank.questions if self.session is not None else {}
        question = questions.get(turn.grade.question_id or turn.question_id or "")
        return FeedbackCard(turn.grade, answer, question, message, closed=closed)

    def _sync_editor(self) -> None:
        """A Python editor for a code exercise, the chat box otherwise."""
        box = self.query_one(AnswerBox)
        awaiting = self.session.awaiting() if self.session is not None else None
        if awaiting is not None and awaiting[1] == "code":
            box.code_mode(awaiting[0], awaiting[2])
            box.placeholder = "Write Python here. Enter: new line, F5: run and check it."
        else:
            box.chat_mode()
            box.placeholder = "Type your answer. Enter sends, Ctrl+J new line."

    def watch_busy(self, busy: bool) -> None:
        """Say what is going on below the chat."""
        status = self.query_one("#status", Static)
        status.set_class(busy, "-busy")
        if busy:
            coding = self.query_one(AnswerBox).coding
            if self.session is None:
                status.update("Preparing…")
            elif coding:
                status.update("Running your code in a sandbox…")
            else:
                status.update("The interviewer is thinking…")
        else:
            status.update("")

    def show_demo(self, name: str | None = None) -> None:
        """Open the live demo of the conversation so far (or ``name``)."""
        from interviewer.ui.screens.demo import DemoScreen

        demo = name or (self.session.recent_demo() if self.session is not None else None)
        if demo is None:
            self.notify(
                "There is nothing to show for these questions. Demos cover vanishing "
                "gradients, dropout and weight initialisation.",
                timeout=5,
            )
            return
        self.app.push_screen(DemoScreen(demo))

    def _tick(self) -> None:
        if self.session is not None:
            panel = self.query_one(ProgressPanel)
            panel.show_times(
                self.session.elapsed_question,
                self.session.elapsed_total,
                self.session.question_target,
            )

    # -- input --------------------------------------------------------------------------

    async def on_answer_box_submitted(self, event: AnswerBox.Submitted) -> None:
        """Send the answer to the engine (blank answers and sends while busy are refused)."""
        text = event.text
        if not text.strip():
            self.notify("Type an answer first, or press F1 for the commands.", timeout=3)
            return
        from interviewer.handson.demo_links import wants_demo

        if wants_demo(text) and not event.answer_box.coding:
            self.show_demo()
            return
        if self.busy or self.session is None:
            event.answer_box.load_text(text)  # give it back: nothing is lost
            self.notify("One moment: the interviewer is still on your last reply.", timeout=3)
            return
        from interviewer.transcript import Turn

        self.busy = True
        self._pending_answer = True
        chat = self.query_one(ChatLog)
        shown = sanitize(text)  # what the engine stores: no escape or control characters
        await chat.add(chat.message_for(Turn(role="candidate", kind="answer", text=shown)))
        self._reply(text)

    def help_screen(self) -> HelpScreen:
        """F1 on this screen lists the interview's keys and what can be typed."""
        from interviewer.ui.screens.help import HelpScreen

        return HelpScreen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Interview commands leave the footer once the questions are over.

        While the candidate asks their own questions at the end, only "end" applies.
        """
        if action != "engine" or self.session is None:
            return True
        if self.session.finished:
            return False
        if self.session.asking_back:
            return parameters[:1] == ("end",)
        return True

    def action_engine(self, name: str) -> None:
        """Run an interview command (hint, skip, repeat, clarify, dont_know, back, end)."""
        if self.session is None or self.busy:
            self.notify("One moment: the interviewer is busy.", timeout=3)
            return
        if self.session.finished:
            self.notify("The interview is over: see your report.", timeout=3)
            return
        self.busy = True
        self._command(name)

    def action_export(self) -> None:
        """Export the transcript and the report now (in a worker)."""
        if self.session is not None:
            self._export()

    @work(thread=True, exclusive=True, group="export")
    def _export(self) -> None:
        assert self.session is not None
        try:
            paths = self.session.export()
        except SaveError as exc:
            self.app.call_from_thread(
                self.notify, str(exc), title="Export failed", severity="error"
            )
            return
        folder = display_path(paths[0].parent) if paths else ""
        self.app.call_from_thread(
            self.notify, f"Saved to {folder}", title="Transcript exported", timeout=8
        )

    @on(Button.Pressed, "#report")
    def _see_report(self) -> None:
        if self.session is not None:
            self.post_message(self.Finished(self.session))
