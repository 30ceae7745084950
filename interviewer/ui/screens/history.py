"""The history screen: past sessions, the grade per topic over time, the most-missed concepts.

Everything is read from the session store in a thread worker; picking a session
shows its transcript and report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from interviewer.ui.screen_commands import HISTORY_COMMANDS, HistoryCommands, command_bindings

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.store import SessionRow, Store
    from interviewer.store.history import MissedConcept, TopicPoint
    from interviewer.ui.screens.help import HelpScreen

__all__ = ["HistoryScreen"]


class HistoryScreen(Screen[None]):
    """Every stored session, with a progress chart and the concepts missed most often.

    Args:
        source: Waits for the session store and the bank and returns them (or raises
            why they cannot be had); called in a thread worker.
    """

    DEFAULT_CSS = """
    HistoryScreen #title { text-style: bold; color: $primary; padding: 0 1; }
    HistoryScreen #left { width: 44; padding: 0 1; }
    HistoryScreen #right { width: 1fr; padding: 0 1; }
    HistoryScreen #history-sessions { height: 1fr; min-height: 5; }
    HistoryScreen #missed { height: auto; max-height: 12; color: $text-muted; }
    HistoryScreen #chart { height: 16; }
    HistoryScreen #detail { height: 1fr; }
    HistoryScreen .heading { text-style: bold; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = list(command_bindings(HISTORY_COMMANDS))
    COMMANDS: ClassVar = {HistoryCommands}

    class _Loaded(Message):
        def __init__(
            self,
            rows: list[SessionRow],
            series: dict[str, list[TopicPoint]],
            missed: list[MissedConcept],
        ) -> None:
            super().__init__()
            self.rows, self.series, self.missed = rows, series, missed

    class _Detail(Message):
        def __init__(self, markdown: str) -> None:
            super().__init__()
            self.markdown = markdown

    def __init__(self, source: Callable[[], tuple[Store | None, Bank]]) -> None:
        super().__init__()
        self._source = source

    def compose(self) -> ComposeResult:
        """Sessions and missed concepts on the left; the chart and the session on the right."""
        yield Static("History and progress", id="title")
        with Horizontal():
            with Vertical(id="left"):
                yield Label("Sessions (Enter shows one)", classes="heading")
                yield OptionList(id="history-sessions")
                yield Label("Missed most often", classes="heading")
                yield Static("…", id="missed")
            with Vertical(id="right"):
                yield PlotextPlot(id="chart")
                with VerticalScroll(id="detail"):
                    yield Markdown("Pick a session to see its transcript and report.", id="session")
        yield Footer()

    def help_screen(self) -> HelpScreen:
        """F1 on this screen lists this screen's keys."""
        from interviewer.ui.screens.help import SCREEN_KEYS, HelpScreen

        keys = (*SCREEN_KEYS, ("Enter", "Show the chosen session's transcript and report"))
        return HelpScreen(HISTORY_COMMANDS, typed=False, general=keys)

    def on_mount(self) -> None:
        """Read the history in a worker."""
        self.query_one("#history-sessions", OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, group="history")
    def _load(self) -> None:
        from interviewer.store import StoreError
        from interviewer.store.history import most_missed, topic_series

        try:
            db, bank = self._source()
            assert db is not None
            rows = db.sessions()
            self.post_message(self._Loaded(rows, topic_series(db, bank), most_missed(db, bank, 8)))
        except (StoreError, Exception) as exc:
            self.post_message(self._Detail(f"The history cannot be read: {exc}"))

    @on(_Loaded)
    def _loaded(self, message: _Loaded) -> None:
        from interviewer.history_view import chart_topics

        sessions = self.query_one("#history-sessions", OptionList)
        sessions.clear_options()
        for row in message.rows:
            grade = "-" if row.grade is None else f"{row.grade:.1f}"
            label = f"{row.updated[:10]} {row.flow:<7} {row.status:<8} {grade}"
            sessions.add_option(Option(label, id=row.id))
        if not message.rows:
            sessions.add_option(Option("No sessions yet", disabled=True))
        missed = message.missed
        self.query_one("#missed", Static).update(
            "\n".join(f"{m.times}× {m.label}" for m in missed) or "Nothing missed yet."
        )
        self._draw(message.series, chart_topics(message.series))

    def _draw(self, series: dict[str, list[TopicPoint]], topics: list[str]) -> None:
        chart = self.query_one(PlotextPlot)
        plt: Any = chart.plt
        plt.clear_data()
        plt.title("Grade per topic over time")
        sessions = sorted({(p.when, p.session_id) for t in topics for p in series[t]})
        index = {key: n for n, key in enumerate(sessions, 1)}
        for topic in topics:
            points = series[topic]
            xs = [index[(p.when, p.session_id)] for p in points]
            plt.plot(xs, [p.grade for p in points], label=topic)
        plt.ylim(0, 5)
        step = max(1, len(sessions) // 6)
        ticks = list(range(1, len(sessions) + 1, step))
        plt.xticks(ticks, [sessions[t - 1][0][5:10] for t in ticks])
        chart.refresh()

    @on(OptionList.OptionSelected, "#history-sessions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._show(event.option.id)

    @work(thread=True, exclusive=True, group="history-detail")
    def _show(self, session_id: str) -> None:
        from interviewer.store import StoreError
        from interviewer.store.history import load_transcript

        try:
            db, bank = self._source()
            assert db is not None
            transcript, report = load_transcript(db, session_id, bank)
        except StoreError as exc:
            self.post_message(self._Detail(str(exc)))
            return
        self.post_message(self._Detail(report.to_markdown() + "\n\n" + transcript.to_markdown()))

    @on(_Detail)
    async def _detail(self, message: _Detail) -> None:
        await self.query_one("#session", Markdown).update(message.markdown)
