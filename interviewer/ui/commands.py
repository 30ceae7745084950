"""Each screen's commands: one table per screen feeds its key bindings, palette and help.

The start screen has :data:`START_COMMANDS`, the interview screen
:data:`INTERVIEW_COMMANDS`, the report screen :data:`REPORT_COMMANDS`, the history
screen :data:`HISTORY_COMMANDS`; a screen binds its table's keys, names its palette
provider in ``COMMANDS`` (:class:`StartCommands`, :class:`InterviewCommands`,
:class:`ReportCommands`, :class:`HistoryCommands`) and builds its F1 help in
``help_screen()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from textual.screen import Screen

__all__ = [
    "HISTORY_COMMANDS",
    "INTERVIEW_COMMANDS",
    "REPORT_COMMANDS",
    "START_COMMANDS",
    "TYPED_PHRASES",
    "CommandTable",
    "HistoryCommands",
    "InterviewCommand",
    "InterviewCommands",
    "ReportCommands",
    "StartCommands",
    "command_bindings",
]


@dataclass(frozen=True)
class InterviewCommand:
    """A command the candidate can give during the interview.

    Attributes:
        action: The screen action it runs, e.g. ``engine('hint')``.
        title: Its name in the palette and the help screen.
        help: One line saying what it does.
        keys: Key bindings, comma-separated ("" for palette only).
        key_display: How the footer and the help screen write the keys.
        show: Whether the footer shows it (space is short at 80 columns).
    """

    action: str
    title: str
    help: str
    keys: str
    key_display: str
    show: bool = False

    def binding(self) -> Binding | None:
        """The key binding of this command, or None for a palette-only command."""
        if not self.keys:
            return None
        return Binding(
            self.keys,
            self.action,
            self.title.split(" (")[0],
            key_display=self.key_display,
            show=self.show,
        )


# Keys avoid what the answer box uses (Ctrl+A/E/K/U/W/X/C/V/Z/Y, F6/F7) and what
# terminals swallow (Ctrl+H is Backspace, Ctrl+I is Tab, Ctrl+M is Enter).
INTERVIEW_COMMANDS: tuple[InterviewCommand, ...] = (
    InterviewCommand(
        "engine('hint')", "Hint", "Get a hint for this question", "ctrl+g", "^G", show=True
    ),
    InterviewCommand(
        "engine('skip')", "Skip", "Skip this question (it scores 0)", "ctrl+n", "^N", show=True
    ),
    InterviewCommand("engine('repeat')", "Repeat", "Hear the question again", "ctrl+r", "^R"),
    InterviewCommand(
        "engine('clarify')", "Rephrase", "Hear the question put another way", "ctrl+o", "^O"
    ),
    InterviewCommand(
        "engine('dont_know')",
        "I don't know",
        "Say you don't know: no hint, no follow-up, on to the next question",
        "ctrl+b",
        "^B",
    ),
    InterviewCommand(
        "engine('back')", "Back", "Go back to the previous question (palette only)", "", ""
    ),
    InterviewCommand(
        "engine('end')", "End the interview", "Stop here and go to the report", "ctrl+l", "^L"
    ),
    InterviewCommand(
        "export",
        "Export the transcript",
        "Save the transcript (and report) as Markdown and JSON",
        "ctrl+s",
        "^S",
    ),
    InterviewCommand("app.help", "Help", "Show the keys and commands", "f1", "F1", show=True),
)

# The start screen's commands.
START_COMMANDS: tuple[InterviewCommand, ...] = (
    InterviewCommand(
        "start", "Start", "Start the interview with the choices on screen", "ctrl+s", "^S", True
    ),
    InterviewCommand(
        "review",
        "Review due items",
        "A short session of the questions and concepts due for review",
        "",
        "",
    ),
    InterviewCommand(
        "history", "History", "Past sessions, grades per topic over time, concepts missed", "", ""
    ),
    InterviewCommand("app.quit", "Quit", "Quit", "ctrl+q", "^Q"),
    InterviewCommand("app.help", "Help", "Show this screen's keys", "f1", "F1", show=True),
)

# The history screen's commands.
HISTORY_COMMANDS: tuple[InterviewCommand, ...] = (
    InterviewCommand("app.pop_screen", "Back", "Back to the start screen", "escape", "Esc", True),
    InterviewCommand("app.quit", "Quit", "Quit", "ctrl+q", "^Q"),
    InterviewCommand("app.help", "Help", "Show this screen's keys", "f1", "F1", show=True),
)

# The report screen's commands.
REPORT_COMMANDS: tuple[InterviewCommand, ...] = (
    InterviewCommand(
        "export",
        "Export",
        "Save the transcript and the report as Markdown and JSON",
        "ctrl+s,e",
        "e",
        show=True,
    ),
    InterviewCommand(
        "replay",
        "Replay this interview",
        "The same track, mode, length and seed: the same questions again",
        "r",
        "r",
        show=True,
    ),
    InterviewCommand(
        "new", "New interview", "Back to the start screen to choose again", "n", "n", show=True
    ),
    InterviewCommand("app.quit", "Quit", "Quit (the transcript is saved first)", "q", "q", True),
    InterviewCommand("app.help", "Help", "Show this screen's keys", "f1", "F1", show=True),
)

# What the interviewer understands when typed as an answer.
TYPED_PHRASES: tuple[tuple[str, str], ...] = (
    ("hint · can I get a hint", "a hint"),
    ("skip · next question · pass", "skip the question"),
    ("could you repeat that · pardon", "the question again"),
    ("what do you mean · rephrase", "the question put another way"),
    ("I don't know · no idea", "say you don't know"),
    ("go back · previous question", "the previous question"),
    ("let's stop here · end the interview", "end the interview"),
)


def command_bindings(
    table: tuple[InterviewCommand, ...] = INTERVIEW_COMMANDS,
) -> list[Binding]:
    """The key bindings of every command of ``table`` that has keys."""
    return [binding for command in table if (binding := command.binding())]


class CommandTable(Provider):
    """Offers a screen's command table in the command palette (Ctrl+P)."""

    TABLE: tuple[InterviewCommand, ...] = ()

    async def discover(self) -> Hits:
        """Every command, in table order, when the palette opens."""
        for command in self.TABLE:
            keys = f"  ({command.key_display})" if command.key_display else ""
            yield DiscoveryHit(
                f"{command.title}{keys}",
                partial(self._run, command.action),
                text=command.title,
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        """The commands whose title or help matches the query."""
        matcher = self.matcher(query)
        for command in self.TABLE:
            score = max(matcher.match(command.title), matcher.match(command.help) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self._run, command.action),
                    text=command.title,
                    help=command.help,
                )

    async def _run(self, action: str) -> None:
        screen: Screen[object] = self.screen
        await screen.run_action(action)


class HistoryCommands(CommandTable):
    """The history screen's commands in the palette."""

    TABLE = HISTORY_COMMANDS


class InterviewCommands(CommandTable):
    """The interview screen's commands in the palette."""

    TABLE = INTERVIEW_COMMANDS


class ReportCommands(CommandTable):
    """The report screen's commands in the palette."""

    TABLE = REPORT_COMMANDS


class StartCommands(CommandTable):
    """The start screen's commands in the palette."""

    TABLE = START_COMMANDS
