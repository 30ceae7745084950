"""The multi-line answer box: Enter sends, Shift+Enter or Ctrl+J starts a new line.

Terminals differ in what they deliver for Shift+Enter. Those speaking the
kitty keyboard protocol (kitty, WezTerm, foot, Ghostty, recent iTerm2 and
Alacritty; Textual turns it on) send a distinct ``shift+enter``. Classic ones
(xterm, GNOME Terminal, tmux by default) send a plain carriage return, which
cannot be told apart from Enter. Ctrl+J (a line feed) and Alt+Enter reach the
app in every terminal, so they are bound too and the footer names Ctrl+J.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea

__all__ = ["AnswerBox"]


class AnswerBox(TextArea):
    """A chat-style TextArea that posts :class:`AnswerBox.Submitted` on Enter."""

    DEFAULT_CSS = """
    AnswerBox {
        height: 5;
        min-height: 3;
        border: tall $accent 50%;
    }
    AnswerBox:focus {
        border: tall $accent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Send", priority=True),
        Binding(
            "shift+enter,ctrl+j,alt+enter",
            "newline",
            "New line",
            key_display="⇧⏎/^J",
            priority=True,
        ),
    ]

    class Submitted(Message):
        """The candidate pressed Enter.

        Attributes:
            answer_box: The box that was submitted.
            text: Its text at that moment (the box is cleared afterwards).
        """

        def __init__(self, answer_box: AnswerBox, text: str) -> None:
            super().__init__()
            self.answer_box = answer_box
            self.text = text

        @property
        def control(self) -> AnswerBox:
            """The answer box (for ``@on(AnswerBox.Submitted, "#id")``)."""
            return self.answer_box

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(
            id=id,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=placeholder,
            highlight_cursor_line=False,
        )

    def action_submit(self) -> None:
        """Post the text and clear the box."""
        text = self.text
        self.clear()
        self.post_message(self.Submitted(self, text))

    def action_newline(self) -> None:
        """Insert a line break at the cursor."""
        self.insert("\n")
