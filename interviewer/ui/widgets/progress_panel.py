"""The side panel: stages with the current one marked, question count, timers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from interviewer.ui.clock import format_elapsed
from interviewer.ui.interview_session import Progress

__all__ = ["ProgressPanel", "render_stages"]


def render_stages(progress: Progress) -> Text:
    """One line per stage: ``✓`` done, ``▶`` current, ``·`` to come, ``–`` skipped."""
    ids = [stage_id for stage_id, _ in progress.stages]
    current = ids.index(progress.stage) if progress.stage in ids else -1
    text = Text()
    for index, (stage_id, title) in enumerate(progress.stages):
        passed = progress.finished or index < current
        if passed and progress.visited and stage_id not in progress.visited:
            # the interview ended (or moved on) before this stage was reached
            text.append("– ", style="dim")
            text.append(title, style="dim strike")
        elif passed:
            text.append("✓ ", style="green")
            text.append(title, style="dim")
        elif index == current:
            text.append("▶ ", style="bold")
            text.append(title, style="bold reverse")
        else:
            text.append("· ", style="dim")
            text.append(title, style="dim")
        if index < len(progress.stages) - 1:
            text.append("\n")
    return text


class ProgressPanel(Vertical):
    """Where the candidate is in the interview, and how long it has taken.

    Args:
        heading: The track and mode, shown at the top.
    """

    DEFAULT_CSS = """
    ProgressPanel {
        width: 24;
        height: 1fr;
        padding: 0 1;
        border-left: vkey $primary 50%;
    }
    ProgressPanel > .heading { text-style: bold; color: $primary; }
    ProgressPanel > .label { margin-top: 1; color: $text-muted; }
    ProgressPanel > #stages { margin-top: 1; }
    ProgressPanel > #question-time.-over { color: $warning; text-style: bold; }
    """

    def __init__(self, heading: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.heading = heading

    def compose(self) -> ComposeResult:
        """The heading, the stage list, the count and the timers."""
        yield Static(Text(self.heading), classes="heading")
        yield Static("", id="stages")
        yield Static("Question", classes="label")
        yield Static("–", id="count")
        yield Static("This question", classes="label")
        yield Static("0:00", id="question-time")
        yield Static("Total", classes="label")
        yield Static("0:00", id="total-time")

    def show_progress(self, progress: Progress) -> None:
        """Redraw the stage list and the question count."""
        self.query_one("#stages", Static).update(render_stages(progress))
        count = f"{progress.asked} of ~{progress.planned}" if progress.planned else "–"
        if progress.finished:
            count = f"{progress.asked} asked · finished"
        self.query_one("#count", Static).update(count)

    def show_times(
        self, question_seconds: float, total_seconds: float, target: int | None = None
    ) -> None:
        """Redraw the two timers; with a target the question's timer counts down."""
        shown = self.query_one("#question-time", Static)
        over = target is not None and question_seconds > target
        shown.set_class(over, "-over")
        if target is None:
            shown.update(format_elapsed(question_seconds))
        elif over:
            shown.update(f"over by {format_elapsed(question_seconds - target)}")
        else:
            shown.update(f"{format_elapsed(target - question_seconds)} left")
        self.query_one("#total-time", Static).update(format_elapsed(total_seconds))
