"""The full breakdown of one grade: highlighted answer, concepts, claims, composition.

It renders an :class:`interviewer.authoring.explain.Breakdown`, the same
object ``interviewer rubric explain`` prints, so the screen and the command
line always say the same thing.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interviewer.authoring.explain import Breakdown

__all__ = ["BreakdownView", "breakdown_text"]

CREDIT_STYLE = "bold green underline"
WRONG_STYLE = "bold red underline"
NEGATED_STYLE = "yellow strike"
_STYLES = {"credit": CREDIT_STYLE, "wrong": WRONG_STYLE, "negated": NEGATED_STYLE}


def breakdown_text(breakdown: Breakdown) -> Text:
    """The breakdown as styled text."""
    result = breakdown.result
    text = Text()
    text.append(f"Grade {result.grade:.1f} / 5", style="bold")
    text.append(
        f"   coverage {result.coverage:.2f}   similarity {result.similarity:.2f}\n\n",
        style="dim",
    )
    answer = Text(breakdown.answer or "(empty answer)")
    for start, end, kind in breakdown.marks():
        answer.stylize(_STYLES[kind], start, end)
    text.append_text(answer)
    text.append("\n\nConcepts\n", style="bold")
    for match, row in zip(result.concepts, breakdown.concept_rows(), strict=True):
        text.append(f"  {row}\n", style="green" if match.credited else "")
    rows = breakdown.misconception_rows()
    text.append("\nMisconceptions\n", style="bold")
    if rows:
        for row in rows:
            text.append(f"  {row}\n", style="red")
    else:
        text.append("  none found\n", style="dim")
    if result.flags:
        text.append("\nFlags: ", style="bold")
        text.append("; ".join(breakdown.flag_rows()) + "\n", style="yellow")
    text.append("\nComposition\n", style="bold")
    for row in breakdown.composition_rows():
        text.append(f"  {row}\n")
    return text


class BreakdownView(Static):
    """Shows a :class:`Breakdown`, or a placeholder until there is one."""

    DEFAULT_CSS = """
    BreakdownView { height: auto; padding: 0 1; }
    """

    def __init__(
        self,
        placeholder: str = "Type an answer to see how it grades.",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(Text(placeholder, style="dim"), id=id, classes=classes)
        self.breakdown: Breakdown | None = None

    def show(self, breakdown: Breakdown) -> None:
        """Display ``breakdown``."""
        self.breakdown = breakdown
        self.update(breakdown_text(breakdown))

    @property
    def plain(self) -> str:
        """The text shown, without styles (for tests and screen readers)."""
        if self.breakdown is None:
            return ""
        return breakdown_text(self.breakdown).plain
