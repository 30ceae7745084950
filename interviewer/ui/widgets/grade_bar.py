"""A horizontal bar for a 0-5 grade, coloured by how good it is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

__all__ = ["GRADE_MAX", "GradeBar", "abbreviate", "grade_band"]

GRADE_MAX = 5.0
_FULL = "█"
_EIGHTHS = " ▏▎▍▌▋▊▉"


_DANGLING = frozenset({"and", "or", "of", "the", "a", "an", "to", "in", "with", "for"})


def abbreviate(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` characters at a word boundary, ending in "…" when cut."""
    if len(text) <= cells:
        return text
    if cells <= 1:
        return "…"[:cells]
    words = text[: cells - 1].split(" ")
    if text[cells - 1] not in " ,;:" and len(words) > 1:
        words = words[:-1]  # the last word was cut in the middle
    while len(words) > 1 and words[-1].strip(",;:").lower() in _DANGLING:
        words = words[:-1]
    return " ".join(words).rstrip(" ,;:") + "…"


def grade_band(grade: float) -> str:
    """The colour band of a grade: ``low`` (< 2), ``mid`` (< 3.5) or ``high``."""
    if grade < 2.0:
        return "low"
    if grade < 3.5:
        return "mid"
    return "high"


class GradeBar(Widget):
    """``label ███████▌░░░░ 3.5/5``: the bar fills the width it is given.

    Args:
        grade: The grade, 0-5 (clipped).
        label: Text shown before the bar, padded to ``label_width``; a longer label
            is abbreviated with "…" (the bar always keeps its room).
        label_width: Cells reserved for the label, so bars in a column line up
            (default: the label's length).
    """

    DEFAULT_CSS = """
    GradeBar {
        height: 1;
        width: 1fr;
    }
    GradeBar.-low { color: $error; }
    GradeBar.-mid { color: $warning; }
    GradeBar.-high { color: $success; }
    """

    grade: reactive[float] = reactive(0.0)

    def __init__(
        self,
        grade: float,
        *,
        label: str = "",
        label_width: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.label_width = (label_width or len(label) + 1) if label else 0
        self.set_reactive(GradeBar.grade, self._clip(grade))
        self.set_class(True, f"-{grade_band(self.grade)}")

    @staticmethod
    def _clip(grade: float) -> float:
        return min(GRADE_MAX, max(0.0, float(grade)))

    def validate_grade(self, grade: float) -> float:
        """Keep the grade within 0-5."""
        return self._clip(grade)

    def watch_grade(self, grade: float) -> None:
        """Recolour when the grade changes."""
        for band in ("low", "mid", "high"):
            self.set_class(band == grade_band(grade), f"-{band}")

    def render(self) -> Text:
        """Draw the label, the bar and the number."""
        number = f" {self.grade:.1f}/5"
        # The label gives way to a bar of at least 4 cells when the widget is narrow.
        cells = max(0, min(self.label_width, self.size.width - len(number) - 4))
        label = abbreviate(self.label, cells - 1).ljust(cells) if cells > 1 else ""
        width = max(4, self.size.width - len(label) - len(number))
        filled = self.grade / GRADE_MAX * width
        whole = int(filled)
        eighth = int((filled - whole) * 8)
        bar = _FULL * whole + (_EIGHTHS[eighth] if eighth and whole < width else "")
        text = Text(label, style="bold" if not label.strip() else "")
        text.append(bar)
        text.append("░" * (width - len(bar)), style="dim")
        text.append(number, style="bold")
        return text
