"""The report screen: overall grade, grade per stage and per topic, strengths, gaps, export."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Markdown, Static

from interviewer.ui.screen_commands import REPORT_COMMANDS, ReportCommands, command_bindings
from interviewer.ui.storage import SaveError, display_path
from interviewer.ui.widgets.grade_bar import GradeBar

if TYPE_CHECKING:
    from pathlib import Path

    from interviewer.interview_report import Report, Score
    from interviewer.ui.interview_session import InterviewSession, SessionOptions
    from interviewer.ui.screens.help import HelpScreen

__all__ = ["ReportScreen", "report_markdown"]

# Topics beyond this many are in the exported report only: the screen shows the weakest.
TOPICS_SHOWN = 8
# Chart labels are cut to this many cells (with "…"), so every bar keeps its room.
LABEL_CELLS = 22


def report_markdown(report: Report) -> str:
    """Strengths, gaps and the study plan as Markdown (the charts are widgets)."""
    return report.advice_markdown()


def _summary(report: Report) -> Text:
    if report.overall is None:
        return Text("No answer was graded.")
    total = report.answered + report.skipped
    skipped = f", {report.skipped} skipped" if report.skipped else ""
    ended = " You ended the interview early." if report.ended_by == "candidate" else ""
    return Text(f"{total} questions ({report.answered} answered{skipped}).{ended}")


def _replay_line(report: Report) -> Text:
    return Text(
        f"Seed {report.seed} · {report.mode} · {report.length}. "
        "Press r to replay this interview with the same questions."
    )


class ReportScreen(Screen[None]):
    """The end-of-interview report of one session.

    Args:
        session: The finished (or ended) session.
    """

    DEFAULT_CSS = """
    ReportScreen #body { padding: 0 1; height: 1fr; }
    ReportScreen .title { text-style: bold; color: $primary; }
    ReportScreen .heading { text-style: bold; margin-top: 1; }
    ReportScreen #overall { margin-top: 1; height: auto; }
    ReportScreen #charts { height: auto; }
    ReportScreen #charts > Vertical { height: auto; width: 1fr; }
    ReportScreen.-narrow #charts { layout: vertical; }
    ReportScreen.-wide #charts > Vertical { padding-right: 2; }
    ReportScreen #details { margin-top: 1; }
    ReportScreen #demos { height: auto; }
    ReportScreen #demos Button { margin-top: 1; }
    ReportScreen #actions { height: auto; margin-top: 1; }
    ReportScreen #actions Button { margin-right: 2; min-width: 10; }
    ReportScreen #saved {
        height: auto;
        max-height: 3;
        padding: 0 1;
        color: $text-muted;
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = list(command_bindings(REPORT_COMMANDS))
    COMMANDS: ClassVar = {ReportCommands}

    class ReplayRequested(Message):
        """The candidate wants the same interview again (same options, seed included)."""

        def __init__(self, options: SessionOptions) -> None:
            super().__init__()
            self.options = options

    class NewInterviewRequested(Message):
        """The candidate wants to go back to the start screen for a new interview."""

    class _Ready(Message):
        def __init__(self, report: Report) -> None:
            super().__init__()
            self.report = report

    class _Exported(Message):
        def __init__(self, paths: list[Path], error: str = "") -> None:
            super().__init__()
            self.paths = paths
            self.error = error

    def __init__(self, session: InterviewSession) -> None:
        super().__init__()
        self.session = session
        self.report: Report | None = None
        self.timing = ""

    def compose(self) -> ComposeResult:
        """A scrolling report body; the sections are filled in once the report is built."""
        with VerticalScroll(id="body"):
            yield Static("Your report", classes="title", id="title")
            yield Static("Building the report…", id="summary")
            yield Static("", id="seed")
            with Horizontal(id="actions"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Replay", id="replay")
                yield Button("New interview", id="new")
                yield Button("Quit", id="quit")
            yield Vertical(id="overall")
            with Horizontal(id="charts"):
                yield Vertical(id="by-stage")
                yield Vertical(id="by-topic")
            yield Vertical(id="demos")
            yield Markdown("", id="details")
        yield Static(self._autosave_note(), id="saved")
        yield Footer()

    def _autosave_note(self) -> Text:
        return Text(f"Every answer is saved as you go: {self.session.saved_where}")

    def on_mount(self) -> None:
        """Build the report off the main thread."""
        self._build()

    def on_resize(self) -> None:
        """Charts side by side when there is room."""
        wide = self.size.width >= 110
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")

    @work(thread=True, group="report")
    def _build(self) -> None:
        from interviewer.timing import timing_markdown

        report = self.session.report()
        self.timing = timing_markdown(self.session.answer_times())
        self.post_message(self._Ready(report))

    @on(_Ready)
    async def _ready(self, message: _Ready) -> None:
        report = self.report = message.report
        self.query_one("#title", Static).update(Text(f"Report: {report.title}"))
        self.query_one("#summary", Static).update(_summary(report))
        self.query_one("#seed", Static).update(_replay_line(report))
        if report.overall is not None:
            await self.query_one("#overall").mount(GradeBar(report.overall, label="Overall"))
        await self._chart("#by-stage", "Grade per stage", report.stages)
        topics = sorted(report.topics, key=lambda s: (s.grade, s.name))[:TOPICS_SHOWN]
        await self._chart("#by-topic", "Grade per topic (weakest first)", topics)
        await self._demo_buttons(report)
        details = report_markdown(report)
        if self.timing:
            details += "\n\n" + self.timing
        await self.query_one("#details", Markdown).update(details)
        self.query_one("#export", Button).focus()

    async def _chart(self, selector: str, heading: str, scores: list[Score]) -> None:
        if not scores:
            return
        width = min(LABEL_CELLS, max(len(s.title) for s in scores) + 1)
        bars = [GradeBar(s.grade, label=s.title, label_width=width) for s in scores]
        await self.query_one(selector).mount(Static(heading, classes="heading"), *bars)

    async def _demo_buttons(self, report: Report) -> None:
        """A "show me" button for each weak topic that has a live demo."""
        from interviewer.handson.demo_links import DEMO_TITLES, demos_for_topics
        from interviewer.interview_report import STRONG_AT

        weak = [s.name for s in sorted(report.topics, key=lambda s: s.grade) if s.grade < STRONG_AT]
        titles = {s.name: s.title for s in report.topics}
        buttons = [
            Button(f"Show me ({titles[topics[0]]}): {DEMO_TITLES[demo]}", id=f"demo-{demo}")
            for demo, topics in demos_for_topics(weak)
        ]
        if buttons:
            heading = Static("See your weak topics live", classes="heading")
            await self.query_one("#demos").mount(heading, *buttons)

    @on(Button.Pressed, "#demos Button")
    def _show_demo(self, event: Button.Pressed) -> None:
        from interviewer.ui.screens.demo import DemoScreen

        if event.button.id:
            self.app.push_screen(DemoScreen(event.button.id.removeprefix("demo-")))

    # -- actions --------------------------------------------------------------------------

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        """Write the transcript and the report as Markdown and JSON."""
        self.query_one("#saved", Static).update("Exporting…")
        self._export()

    @work(thread=True, exclusive=True, group="export")
    def _export(self) -> None:
        try:
            self.post_message(self._Exported(self.session.export()))
        except SaveError as exc:
            self.post_message(self._Exported([], str(exc)))

    @on(_Exported)
    def _exported(self, message: _Exported) -> None:
        saved = self.query_one("#saved", Static)
        if message.error:
            saved.update(Text(f"Export failed: {message.error}"))
            self.notify(message.error, title="Export failed", severity="error")
            return
        folder = display_path(message.paths[0].parent)
        names = ", ".join(path.name.split(".", 1)[1] for path in message.paths)
        saved.update(Text(f"Exported to {folder}\n({names})"))
        self.notify(f"Saved to {folder}", title="Report exported", timeout=8)

    def help_screen(self) -> HelpScreen:
        """F1 on this screen lists this screen's keys."""
        from interviewer.ui.screens.help import SCREEN_KEYS, HelpScreen

        return HelpScreen(REPORT_COMMANDS, typed=False, general=SCREEN_KEYS)

    @on(Button.Pressed, "#replay")
    def action_replay(self) -> None:
        """The same interview again: same track, mode, length and seed."""
        self.post_message(self.ReplayRequested(self.session.options))

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        """Back to the start screen."""
        self.post_message(self.NewInterviewRequested())

    @on(Button.Pressed, "#quit")
    async def _quit(self) -> None:
        await self.app.run_action("app.quit")
