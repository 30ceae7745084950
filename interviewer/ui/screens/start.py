"""The start screen: choose the track, the mode, the length and (optionally) a seed."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option

from interviewer.choices import TRACKS, Track
from interviewer.ui.interview_session import Length, Mode, SessionOptions
from interviewer.ui.screen_commands import START_COMMANDS, StartCommands, command_bindings

if TYPE_CHECKING:
    from interviewer.store import SessionRow
    from interviewer.ui.screens.help import HelpScreen

__all__ = ["LENGTH_LABELS", "MODE_LABELS", "TRACK_LABELS", "StartScreen"]

TRACK_LABELS: dict[str, str] = {
    "general": "General",
    "cv": "Computer vision",
    "nlp": "NLP",
}
MODE_LABELS: dict[str, str] = {
    "practice": "Practice",
    "interview": "Interview",
}
MODE_HELP: dict[str, str] = {
    "practice": "Feedback after every answer.",
    "interview": "Feedback only in the report.",
}
LENGTH_LABELS: dict[str, str] = {
    "short": "Short (~8)",
    "full": "Full (~20)",
}

_INTRO = (
    "A deep-learning interview, from the basics to your own project. "
    "Answer in your own words; type [b]hint[/b], [b]skip[/b] or [b]could you repeat that[/b] "
    "at any time, or press [b]F1[/b] for the keys."
)


class StartScreen(Screen[SessionOptions]):
    """Dismissed with the :class:`SessionOptions` the candidate chose.

    Args:
        options: The initial choices (from the command line).
        available: Tracks that have a flow in the bank; the others are disabled.
        hands_on: The name of the bank's hands-on flow (calculations and code
            exercises), if it has one; its checkbox is disabled otherwise.
    """

    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen > VerticalScroll { width: 100%; max-width: 90; height: auto; max-height: 100%; }
    StartScreen #title { text-style: bold; color: $primary; padding: 0 1; }
    StartScreen #intro { padding: 0 1 1 1; color: $text-muted; }
    StartScreen #choices { height: auto; }
    StartScreen .choice { width: 1fr; height: auto; padding: 0 1; }
    StartScreen .choice > Label { text-style: bold; }
    StartScreen RadioSet { width: 100%; }
    StartScreen #mode-help { color: $text-muted; height: auto; }
    StartScreen #bottom { height: auto; padding: 1 1 0 1; }
    StartScreen #seed { width: 24; }
    StartScreen #seed-label { padding: 1 1 0 0; }
    StartScreen #start { margin-left: 2; }
    StartScreen #saved { height: auto; padding: 1 1 0 1; }
    StartScreen #saved Button { margin-right: 2; }
    StartScreen #resume-label { padding: 1 1 0 1; text-style: bold; display: none; }
    StartScreen #resume-list { height: auto; max-height: 7; margin: 0 1; display: none; }
    StartScreen.-unfinished #resume-label { display: block; }
    StartScreen.-unfinished #resume-list { display: block; }
    """

    class ResumeRequested(Message):
        """Continue an unfinished session."""

        def __init__(self, row: SessionRow) -> None:
            super().__init__()
            self.row = row

    class ReviewRequested(Message):
        """Run a review of the items due."""

        def __init__(self, limit: int = 5) -> None:
            super().__init__()
            self.limit = limit

    class HistoryRequested(Message):
        """Show the history screen."""

    BINDINGS: ClassVar[list[BindingType]] = list(command_bindings(START_COMMANDS))
    COMMANDS: ClassVar = {StartCommands}

    def __init__(
        self,
        options: SessionOptions | None = None,
        available: tuple[str, ...] = TRACKS,
        hands_on: str | None = None,
    ) -> None:
        super().__init__()
        self.options = options or SessionOptions()
        self.available = available
        self.hands_on = hands_on
        self.unfinished: list[SessionRow] = []
        self.due = 0
        self._ready = False  # the form is mounted
        self._early_keys: list[tuple[str, str | None]] = []
        self._start_when_ready = False

    def compose(self) -> ComposeResult:
        """The title and the introduction; :meth:`on_mount` adds the form (:meth:`_form`)."""
        with VerticalScroll():
            yield Static("interviewer: deep-learning interview practice", id="title")
            yield Static(_INTRO, id="intro")

    def _form(self) -> list[Widget]:
        """The three choices side by side, then the seed and the start button, then the
        unfinished sessions and the review and history buttons."""
        tracks = [
            RadioButton(
                TRACK_LABELS[track],
                value=track == self.options.track,
                name=track,
                id=f"track-{track}",
                disabled=track not in self.available,
            )
            for track in TRACKS
        ]
        hands_on = Checkbox(
            "Hands-on exercises",
            value=self.hands_on is not None and self.options.flow == self.hands_on,
            id="hands-on",
            disabled=self.hands_on is None,
        )
        modes = [
            RadioButton(label, value=mode == self.options.mode, name=mode, id=f"mode-{mode}")
            for mode, label in MODE_LABELS.items()
        ]
        lengths = [
            RadioButton(
                label, value=length == self.options.length, name=length, id=f"length-{length}"
            )
            for length, label in LENGTH_LABELS.items()
        ]
        seed = "" if self.options.seed is None else str(self.options.seed)
        return [
            Horizontal(
                Vertical(Label("Track"), RadioSet(*tracks, id="track"), hands_on, classes="choice"),
                Vertical(
                    Label("Mode"),
                    RadioSet(*modes, id="mode"),
                    Static(MODE_HELP[self.options.mode], id="mode-help"),
                    classes="choice",
                ),
                Vertical(
                    Label("Length (questions)"),
                    RadioSet(*lengths, id="length"),
                    classes="choice",
                ),
                id="choices",
            ),
            Horizontal(
                Label("Seed (optional)", id="seed-label"),
                Input(seed, placeholder="random", type="integer", id="seed", max_length=12),
                Button("Start the interview", variant="primary", id="start"),
                id="bottom",
            ),
            Label("Unfinished sessions: Enter resumes one", id="resume-label"),
            OptionList(id="resume-list"),
            Horizontal(
                Button("Review due: 0", id="review", disabled=True),
                Button("History", id="history"),
                id="saved",
            ),
        ]

    def show_saved(self, unfinished: list[SessionRow], due: int) -> None:
        """List the unfinished sessions and how many review items are due."""
        self.unfinished, self.due = list(unfinished), due
        if not self._ready:
            return  # the form is not mounted yet: _mount_form shows them
        options = self.query_one("#resume-list", OptionList)
        options.clear_options()
        for row in self.unfinished:
            when = row.updated[:16].replace("T", " ")
            label = f"{when}  {TRACK_LABELS.get(row.track, row.track)} · {row.mode} · "
            if row.flow != row.track:  # a flow of its own, such as hands-on
                label += f"{row.flow} · "
            label += f"{row.answered} answered"
            options.add_option(Option(label, id=row.id))
        self.set_class(bool(self.unfinished), "-unfinished")
        review = self.query_one("#review", Button)
        review.label = f"Review due: {due}"
        review.disabled = due == 0

    @on(OptionList.OptionSelected, "#resume-list")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        row = next((r for r in self.unfinished if r.id == event.option.id), None)
        if row is not None:
            self.post_message(self.ResumeRequested(row))

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        """Run a short session of the review items due, if any."""
        if self.due == 0:
            self.notify("Nothing is due for review yet.")
            return
        self.post_message(self.ReviewRequested())

    @on(Button.Pressed, "#history")
    def action_history(self) -> None:
        """Open the history screen."""
        self.post_message(self.HistoryRequested())

    def on_mount(self) -> None:
        """Mount the form once the screen is laid out, then the footer.

        Textual drops the frames painted during its start-up batch, so the first frame
        the terminal shows has the whole form either way. Composed, the form went through
        each layout pass of the start-up; mounted here in one go, those passes see the
        title and the introduction only: the first paint went from 1.39x the hello world's
        to about 1.25x (see benchmarks/ui_startup.py). Keys pressed before the form is
        mounted wait for it (:meth:`on_key`).
        """
        self.call_after_refresh(self._mount_form)

    async def _mount_form(self) -> None:
        await self.query_one(VerticalScroll).mount_all(self._form())
        self.set_available(self.available, self.hands_on)
        self._ready = True
        self.show_saved(self.unfinished, self.due)
        self.query_one("#start", Button).focus()  # done in the app's queue: keys go after
        self.app.call_later(self._replay_early_keys)
        self.call_after_refresh(self.mount, Footer())

    def _replay_early_keys(self) -> None:
        if self._early_keys:  # one at a time, in the order they were pressed
            key, character = self._early_keys.pop(0)
            self.app.post_message(events.Key(key, character))
            self.app.call_later(self._replay_early_keys)
            return
        if self._start_when_ready:
            self._start_when_ready = False
            self.action_start()

    def on_key(self, event: events.Key) -> None:
        """Hold the keys pressed before the form is mounted; it replays them."""
        if not self._ready:
            event.stop()
            event.prevent_default()
            self._early_keys.append((event.key, event.character))

    def set_available(self, available: tuple[str, ...], hands_on: str | None = None) -> None:
        """Enable only the tracks that have a flow; move the choice if it has none."""
        self.available = available
        self.hands_on = hands_on
        for box in self.query("#hands-on").results(Checkbox):
            box.disabled = hands_on is None
        buttons = {button.name: button for button in self.query(RadioButton)}
        if not buttons:
            return  # the form is not mounted yet: _mount_form applies self.available
        for track in TRACKS:
            buttons[track].disabled = track not in available
        chosen = self.query_one("#track", RadioSet).pressed_button
        if available and (chosen is None or chosen.name not in available):
            self.query_one(f"#track-{available[0]}", RadioButton).value = True

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self, event: RadioSet.Changed) -> None:
        name = event.pressed.name or "practice"
        self.query_one("#mode-help", Static).update(MODE_HELP.get(name, ""))

    def help_screen(self) -> HelpScreen:
        """F1 on this screen lists this screen's keys."""
        from interviewer.ui.screens.help import SCREEN_KEYS, HelpScreen

        return HelpScreen(START_COMMANDS, typed=False, general=SCREEN_KEYS)

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#seed")
    def action_start(self) -> None:
        """Dismiss the screen with the chosen options (once the form is there to read)."""
        if not self._ready:
            self._start_when_ready = True
            return
        self.dismiss(self.chosen_options())

    def _pressed(self, set_id: str, default: str) -> str:
        button = self.query_one(f"#{set_id}", RadioSet).pressed_button
        return button.name if button is not None and button.name else default

    def chosen_options(self) -> SessionOptions:
        """The options as currently chosen on screen."""
        raw_seed = self.query_one("#seed", Input).value.strip()
        try:
            seed: int | None = int(raw_seed) if raw_seed else None
        except ValueError:
            seed = None
        ticked = self.hands_on is not None and self.query_one("#hands-on", Checkbox).value
        flow = self.hands_on if ticked else self.options.flow
        if flow is not None and flow == self.hands_on and not ticked:
            flow = None  # unticked: the track's own flow
        return replace(
            self.options,
            flow=flow,
            track=cast(Track, self._pressed("track", self.options.track)),
            mode=cast(Mode, self._pressed("mode", self.options.mode)),
            length=cast(Length, self._pressed("length", self.options.length)),
            seed=seed,
            clock=self.options.clock,
        )
