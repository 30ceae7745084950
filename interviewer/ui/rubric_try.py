"""``interviewer rubric try``: type an answer, watch its grade and breakdown update.

Grading runs in a thread worker after a short pause in typing, so the screen
never stalls. Ctrl+S saves the typed answer as a graded example in the rubric
file (round-trip YAML: comments and layout are kept), asking for the grade
range with the current grade +/- 0.5 filled in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, get_args

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea
from textual.worker import get_current_worker

from interviewer.authoring.explain import Breakdown, explain
from interviewer.authoring.yaml_io import append_example
from interviewer.errors import InterviewerError
from interviewer.models import Example, ExampleKind, Question
from interviewer.ui.widgets.breakdown import BreakdownView

if TYPE_CHECKING:
    from interviewer.grading import RubricGrader

__all__ = ["DEBOUNCE_SECONDS", "RubricTryApp", "SaveExampleScreen", "parse_range", "rubric_try_app"]

DEBOUNCE_SECONDS = 0.3
KINDS: tuple[str, ...] = get_args(ExampleKind)


def parse_range(text: str) -> tuple[float, float]:
    """Parse "3, 4", "3-4", "3 4" or "[3, 4]" into a valid grade range.

    Raises:
        ValueError: with a message saying what is wrong.
    """
    cleaned = text.strip().strip("[]()")
    for separator in (",", " to ", "-", " "):
        if separator in cleaned.strip():
            parts = [p for p in cleaned.split(separator) if p.strip()]
            break
    else:
        parts = [cleaned]
    if len(parts) != 2:
        raise ValueError("write the range as two numbers, e.g. 3, 4")
    try:
        low, high = float(parts[0]), float(parts[1])
    except ValueError:
        raise ValueError("the range must be two numbers, e.g. 3, 4") from None
    if not 0 <= low <= high <= 5:
        raise ValueError("need 0 <= low <= high <= 5")
    return low, high


def default_range(grade: float) -> tuple[float, float]:
    """The current grade +/- 0.5, kept inside 0-5."""
    return max(0.0, round(grade - 0.5, 1)), min(5.0, round(grade + 0.5, 1))


class SaveExampleScreen(ModalScreen[Example | None]):
    """Asks for the grade range and kind of the example to save."""

    DEFAULT_CSS = """
    SaveExampleScreen { align: center middle; }
    SaveExampleScreen > Vertical {
        width: 64; height: auto; padding: 1 2; border: round $accent; background: $surface;
    }
    SaveExampleScreen #error { color: $error; height: auto; }
    SaveExampleScreen Horizontal { height: auto; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, answer: str, grade: float) -> None:
        super().__init__()
        self.answer = answer
        self.grade = grade

    def compose(self) -> ComposeResult:
        """The range input (pre-filled), the kind, and the buttons."""
        low, high = default_range(self.grade)
        with Vertical():
            yield Label(f"Save as an example (graded {self.grade:.1f}). Expected range:")
            yield Input(f"{low:g}, {high:g}", id="range")
            yield Select([(k, k) for k in KINDS], value="other", allow_blank=False, id="kind")
            yield Static("", id="error")
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#range")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        try:
            grade = parse_range(self.query_one("#range", Input).value)
        except ValueError as exc:
            self.query_one("#error", Static).update(str(exc))
            return
        kind = str(self.query_one("#kind", Select).value)
        self.dismiss(Example(answer=self.answer, grade=grade, kind=kind))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class RubricTryApp(App[None]):
    """Type an answer to one question and see the grader's full breakdown live."""

    TITLE = "interviewer rubric try"
    CSS = """
    #question { padding: 0 1; text-style: bold; }
    #answer { height: 8; }
    #status { padding: 0 1; color: $text-muted; height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save as example", priority=True),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, question: Question, grader: RubricGrader, path: Path) -> None:
        super().__init__()
        self.question = question
        self.grader = grader
        self.path = path
        self.current: Breakdown | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Question, answer box, status line and the breakdown."""
        yield Static(f"{self.question.id}: {self.question.ask}", id="question")
        yield TextArea(id="answer", soft_wrap=True)
        yield Static(f"Ctrl+S saves the answer as an example in {self.path.name}", id="status")
        with VerticalScroll():
            yield BreakdownView(id="breakdown")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the answer box."""
        self.query_one("#answer", TextArea).focus()

    @on(TextArea.Changed, "#answer")
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._grade_now)

    def _grade_now(self) -> None:
        self._grade(self.query_one("#answer", TextArea).text)

    @work(thread=True, exclusive=True, group="grade")
    def _grade(self, answer: str) -> None:
        try:
            breakdown = explain(self.grader, self.question, answer)
        except Exception as exc:  # the grader promises not to raise; stay up if it does
            self.call_from_thread(self._status, f"grading failed: {exc}")
            return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show, breakdown)

    def _show(self, breakdown: Breakdown) -> None:
        self.current = breakdown
        self.query_one("#breakdown", BreakdownView).show(breakdown)

    def _status(self, message: str) -> None:
        self.query_one("#status", Static).update(message)

    def action_save(self) -> None:
        """Ask for the range, then save the typed answer as an example."""
        answer = self.query_one("#answer", TextArea).text
        if not answer.strip():
            self._status("Type an answer first.")
            return
        if self.current is None or self.current.answer != answer:
            self.current = explain(self.grader, self.question, answer)
            self._show(self.current)
        self.push_screen(SaveExampleScreen(answer, self.current.result.grade), self._saved)

    def _saved(self, example: Example | None) -> None:
        if example is None:
            self._status("Not saved.")
            return
        try:
            count = append_example(self.path, self.question.id, example)
        except InterviewerError as exc:
            self._status(f"Not saved: {exc}")
            return
        low, high = example.grade
        self._status(
            f"Saved as example {count} ({example.kind}, [{low:g}, {high:g}]) in {self.path}"
        )


def rubric_try_app(question: Question, grader: Any, path: Path) -> RubricTryApp:
    """Build the ``rubric try`` app for ``question``, saving examples to ``path``."""
    return RubricTryApp(question, grader, path)
