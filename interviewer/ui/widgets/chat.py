"""The conversation: interviewer turns as Markdown, candidate turns set apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown, Static

if TYPE_CHECKING:
    from interviewer.dialog import Turn

__all__ = ["CandidateMessage", "ChatLog", "InterviewerMessage", "clip_for_display"]

# A pasted essay is kept whole in the transcript and graded, but only its start
# is drawn: wrapping 100 KB on every resize would make the log crawl.
DISPLAY_LIMIT = 2000

# Turn kinds that get a small caption above them.
_CAPTIONS: dict[str, str] = {
    "hint": "Hint",
    "probe": "Follow-up",
    "thread": "Follow-up",
    "repeat": "Repeated",
    "stage": "Next stage",
    "notice": "Note",
    "feedback": "Feedback",
}


# A command is shown as what the candidate did, not as words they said.
_ACTIONS: dict[str, str] = {
    "hint": "You asked for a hint.",
    "repeat": "You asked to hear the question again.",
    "clarify": "You asked for the question put another way.",
    "skip": "You skipped the question.",
    "dont_know": "You said you don't know.",
    "back": "You went back to the previous question.",
    "end": "You ended the interview.",
}


def clip_for_display(text: str, limit: int = DISPLAY_LIMIT) -> str:
    """The start of ``text`` with a note of how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…\n[{len(text) - limit:,} more characters not shown]"


class InterviewerMessage(Markdown):
    """One interviewer turn, rendered as Markdown.

    Args:
        turn: The turn to show; its kind becomes a CSS class (``-question``, ``-hint``...).
    """

    DEFAULT_CSS = """
    InterviewerMessage {
        margin: 0 4 1 0;
        padding: 0 1;
        border-left: outer $primary;
        background: $boost;
    }
    InterviewerMessage.-hint { border-left: outer $warning; }
    InterviewerMessage.-notice { border-left: outer $secondary; color: $text-muted; }
    InterviewerMessage.-stage { border-left: outer $accent; text-style: bold; }
    InterviewerMessage > MarkdownBlock:last-child { margin-bottom: 0; }
    """

    def __init__(self, turn: Turn) -> None:
        caption = _CAPTIONS.get(turn.kind)
        if turn.kind == "repeat" and turn.meta.get("rephrased"):
            caption = "Put another way"
        text = f"*{caption}*\n\n{turn.text}" if caption and turn.kind != "stage" else turn.text
        super().__init__(text, classes=f"-{turn.kind}")
        self.turn = turn


class CandidateMessage(Static):
    """One candidate turn, right-indented and shown verbatim (no markup).

    Args:
        turn: The candidate's turn.
    """

    DEFAULT_CSS = """
    CandidateMessage {
        margin: 0 0 1 8;
        padding: 0 1;
        background: $accent 15%;
        border-right: outer $accent;
    }
    CandidateMessage.-command { color: $text-muted; text-style: italic; }
    """

    def __init__(self, turn: Turn) -> None:
        if turn.kind == "command":
            shown = _ACTIONS.get(str(turn.meta.get("command")), "You gave a command.")
        else:
            shown = clip_for_display(turn.text) if turn.text.strip() else "(empty answer)"
        super().__init__(Text(shown), classes=f"-{turn.kind}", markup=False)
        self.turn = turn


class ChatLog(VerticalScroll):
    """The scrolling conversation. Widgets are appended; the view follows the end."""

    DEFAULT_CSS = """
    ChatLog {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ChatLog > .error {
        margin: 0 4 1 0;
        padding: 0 1;
        border-left: outer $error;
        color: $error;
    }
    """

    can_focus = True

    def on_mount(self) -> None:
        """Stay at the bottom while Markdown blocks grow, until the user scrolls up."""
        self.anchor()

    def message_for(self, turn: Turn) -> Widget:
        """The widget that shows ``turn`` in the log."""
        if turn.role == "candidate":
            return CandidateMessage(turn)
        return InterviewerMessage(turn)

    async def add(self, *widgets: Widget) -> None:
        """Append widgets and scroll to show the newest (re-engaging the anchor)."""
        await self.mount_all(widgets)
        self.scroll_end(animate=False, immediate=False)
