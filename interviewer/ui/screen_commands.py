"""Each screen's commands: one table per screen feeds its key bindings, palette and help.

The start screen has :data:`START_COMMANDS`, the interview screen
:data:`INTERVIEW_COMMANDS`, the report screen :data:`REPORT_COMMANDS`, the history
screen :data:`HISTORY_COMMANDS`; a screen binds its table's keys, names its palette
provider in ``COMMANDS`` (:class:`StartCommands`, :class:`InterviewCommands`,
:class:`ReportCommands`, :class:`HistoryCommands`) and builds its F1 help in
``help_screen()``. The candidate's seven commands come from the dialog's one table,
:data:`~interviewer.dialog.commands.CANDIDATE_COMMANDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from interviewer.dialog.commands import CandidateCommand, CommandName, command_named

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


# The order the footer, the palette and the help list the candidate's commands in.
_INTERVIEW_ORDER: tuple[CommandName, ...] = (
    "hint",
    "skip",
    "repeat",
    "clarify",
    "dont_know",
    "back",
    "end",
)


def _interview_command(command: CandidateCommand) -> InterviewCommand:
    return InterviewCommand(
        f"engine('{command.name}')",
        command.title,
        command.help,
        command.keys,
        command.key_display,
        command.show,
    )


# The interview screen's commands: the candidate's seven, from the dialog's one table,
# then the screen's own.
INTERVIEW_COMMANDS: tuple[InterviewCommand, ...] = (
    *(_interview_command(command_named(name)) for name in _INTERVIEW_ORDER),
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

# What the interviewer understands when typed as an answer, from the dialog's table.
TYPED_PHRASES: tuple[tuple[str, str], ...] = tuple(
    (" · ".join(command.typed), command.gets)
    for command in (command_named(name) for name in _INTERVIEW_ORDER)
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
