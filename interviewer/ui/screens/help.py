"""The help screen: the keys of the screen it was opened from, and what can be typed."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from interviewer.ui.screen_commands import INTERVIEW_COMMANDS, TYPED_PHRASES, InterviewCommand

__all__ = ["GENERAL_KEYS", "SCREEN_KEYS", "HelpScreen", "keys_table"]

# Keys that are not interview commands, as the help screen lists them.
GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("Enter", "Send your answer"),
    ("Shift+Enter, Ctrl+J", "New line in the answer (Ctrl+J and Alt+Enter work in any terminal)"),
    ("Tab, Shift+Tab", "Move between the answer box and the conversation"),
    ("Ctrl+P", "Command palette: every command by name"),
    ("Ctrl+Q", "Quit (the transcript is saved first)"),
)


def _keys_of(command: InterviewCommand) -> str:
    """How the help names a command's keys; a palette-only command says so."""
    if not command.keys:
        return f"Ctrl+P, {command.title}"
    keys = [k.strip() for k in command.keys.split(",")]
    return ", ".join(
        "+".join(part.capitalize() if len(part) > 2 else part.upper() for part in key.split("+"))
        for key in keys
    )


def keys_table(
    commands: tuple[InterviewCommand, ...] = INTERVIEW_COMMANDS,
    general: tuple[tuple[str, str], ...] = GENERAL_KEYS,
) -> Table:
    """A screen's keys as a two-column table."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Does", ratio=1)
    for key, does in general:
        table.add_row(key, does)
    for command in commands:
        table.add_row(_keys_of(command), f"{command.title}: {command.help}")
    return table


def phrases_table() -> Table:
    """What can be typed as an answer instead of a key."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("Type", style="italic", no_wrap=False)
    table.add_column("Gets you", ratio=1)
    for phrase, meaning in TYPED_PHRASES:
        table.add_row(phrase, meaning)
    return table


# Keys every screen has.
SCREEN_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+P", "Command palette: this screen's commands by name"),
    ("Tab, Shift+Tab", "Move between the parts of the screen"),
)


class HelpScreen(ModalScreen[None]):
    """A modal listing the keys of the screen it was opened from; Escape, F1 or Q closes it.

    Args:
        commands: The screen's command table (default: the interview's).
        typed: Whether to list what can be typed as an answer (interview screen only).
        general: The screen's other keys.
    """

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%;
        max-width: 96;
        height: auto;
        max-height: 90%;
        padding: 0 2;
        border: thick $primary;
        background: $panel;
    }
    HelpScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    HelpScreen #close { color: $text-muted; margin: 1 0 0 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close"),
    ]

    def __init__(
        self,
        commands: tuple[InterviewCommand, ...] = INTERVIEW_COMMANDS,
        *,
        typed: bool = True,
        general: tuple[tuple[str, str], ...] = GENERAL_KEYS,
    ) -> None:
        super().__init__()
        self.commands = commands
        self.typed = typed
        self.general = general

    def compose(self) -> ComposeResult:
        """The keys, and for the interview what can be typed, with their headings."""
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            yield Static("Keys", classes="heading")
            yield Static(keys_table(self.commands, self.general))
            if self.typed:
                yield Static("Or type, as your answer", classes="heading")
                yield Static(phrases_table())
            yield Static(Text("Escape, F1 or Q closes this help."), id="close")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
