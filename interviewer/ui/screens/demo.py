"""A live demo on screen: torch computes the series in the worker process, plotext draws them."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

__all__ = ["DemoScreen"]


class DemoScreen(ModalScreen[None]):
    """Shows one live demo over the interview; Escape goes back to it.

    The demo runs in the shared torch worker (a separate process) from a
    thread worker, so the interface keeps answering while torch imports.

    Args:
        name: The demo (see :data:`interviewer.handson.demo_links.DEMO_TITLES`).
    """

    DEFAULT_CSS = """
    DemoScreen { align: center middle; }
    DemoScreen #demo-box {
        width: 90%;
        height: 90%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    DemoScreen #demo-title { text-style: bold; color: $primary; height: auto; }
    DemoScreen PlotextPlot { height: 1fr; }
    DemoScreen #demo-notes { height: auto; color: $text; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back to the interview"),
    ]

    class _Computed(Message):
        def __init__(self, data: dict[str, Any] | None, error: str = "") -> None:
            super().__init__()
            self.data = data
            self.error = error

    def __init__(self, name: str) -> None:
        super().__init__()
        self.demo = name
        self.data: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        """Title, chart, notes."""
        from interviewer.handson.demo_links import DEMO_TITLES

        with Vertical(id="demo-box"):
            yield Static(f"Show me: {DEMO_TITLES.get(self.demo, self.demo)}", id="demo-title")
            yield PlotextPlot(id="demo-plot")
            yield Static("Running it with PyTorch in a separate process…", id="demo-notes")
        yield Footer()

    def on_mount(self) -> None:
        """Compute the series off the event loop."""
        self._compute()

    @work(thread=True, exclusive=True, group="demo")
    def _compute(self) -> None:
        from interviewer.handson.worker import WorkerError, shared_worker

        try:
            data = shared_worker().request({"op": "demo", "name": self.demo})
        except WorkerError as exc:
            self.post_message(self._Computed(None, str(exc)))
            return
        self.post_message(self._Computed(data))

    def on_demo_screen__computed(self, message: _Computed) -> None:
        """Draw the chart, or say why there is none."""
        notes = self.query_one("#demo-notes", Static)
        if message.data is None:
            notes.update(f"The demo could not run: {message.error}")
            return
        from interviewer.handson.plotting import draw_demo

        self.data = message.data
        plot = self.query_one(PlotextPlot)
        draw_demo(plot.plt, message.data)
        plot.refresh()
        notes.update("\n".join(f"• {n}" for n in message.data.get("notes", [])))

    def action_close(self) -> None:
        """Back to where the candidate was."""
        self.dismiss(None)
