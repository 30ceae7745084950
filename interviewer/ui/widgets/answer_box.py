"""The multi-line answer box: Enter sends, Shift+Enter or Ctrl+J starts a new line.

Terminals differ in what they deliver for Shift+Enter. Those speaking the
kitty keyboard protocol (kitty, WezTerm, foot, Ghostty, recent iTerm2 and
Alacritty; Textual turns it on) send a distinct ``shift+enter``. Classic ones
(xterm, GNOME Terminal, tmux by default) send a plain carriage return, which
cannot be told apart from Enter. Ctrl+J (a line feed) and Alt+Enter reach the
app in every terminal, so they are bound too and the footer names Ctrl+J.

For a code exercise the box becomes a Python editor (:meth:`AnswerBox.code_mode`):
syntax highlighting, line numbers, Tab indents, Enter starts a new line and F5
(or Ctrl+Enter) sends the code.
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
    AnswerBox.-code {
        height: 16;
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
        Binding("f5,ctrl+enter", "run_code", "Run code", key_display="F5", priority=True),
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
        self.code_question: str | None = None

    @property
    def coding(self) -> bool:
        """Whether the box is a Python editor for a code exercise."""
        return self.has_class("-code")

    def code_mode(self, question_id: str, starter: str) -> None:
        """Become a Python editor holding ``starter`` (a retry keeps the code written)."""
        if self.code_question != question_id:
            self.code_question = question_id
            self.load_text(starter.rstrip() + "\n" if starter.strip() else "")
        if not self.coding:
            self.add_class("-code")
            self.language = "python"
            self.show_line_numbers = True
            self.soft_wrap = False
            self.tab_behavior = "indent"
        self.refresh_bindings()

    def chat_mode(self) -> None:
        """Back to a chat box for spoken answers."""
        self.code_question = None
        if self.coding:
            self.remove_class("-code")
            self.language = None
            self.show_line_numbers = False
            self.soft_wrap = True
            self.tab_behavior = "focus"
            self.clear()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F5 runs code only in code mode."""
        if action == "run_code":
            return self.coding
        return super().check_action(action, parameters)

    def action_submit(self) -> None:
        """Post the text and clear the box (in code mode Enter starts a new line)."""
        if self.coding:
            self.action_newline()
            return
        text = self.text
        self.clear()
        self.post_message(self.Submitted(self, text))

    def action_run_code(self) -> None:
        """Send the code (the editor keeps it, so a fix starts from it)."""
        self.post_message(self.Submitted(self, self.text))

    def action_newline(self) -> None:
        """Insert a line break at the cursor (in code mode, keeping the indentation)."""
        if not self.coding:
            self.insert("\n")
            return
        row, column = self.cursor_location
        line = self.document.get_line(row)[:column]
        indent = line[: len(line) - len(line.lstrip())]
        if line.rstrip().endswith(":"):
            indent += "    "
        self.insert("\n" + indent)
