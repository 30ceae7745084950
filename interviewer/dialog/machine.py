"""The interview's states and transitions, declared in one table.

The engine (:mod:`interviewer.dialog.engine`) decides *which* event happens by
applying the flow's rules; this table decides whether that event is allowed in
the current state and where it leads. Nothing else in the package moves the
state, so the table below is the complete picture of the dialog, and
:func:`render_machine` prints it as plain text or as a Mermaid diagram.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "EVENTS",
    "RESTING",
    "STATES",
    "TRANSITIONS",
    "Event",
    "IllegalTransitionError",
    "Machine",
    "State",
    "Transition",
    "render_machine",
]

State = Literal[
    "idle",
    "greeting",
    "asking",
    "awaiting_answer",
    "grading",
    "revisiting",
    "grading_revisit",
    "probing",
    "threading",
    "hinting",
    "stage_transition",
    "wrap_up",
    "candidate_questions",
    "finished",
]

Event = Literal[
    "start",
    "greeted",
    "enter_stage",
    "ask",
    "stage_done",
    "answer",
    "dont_know",
    "hint",
    "repeat",
    "clarify",
    "skip",
    "back",
    "no_back",
    "end",
    "empty",
    "retry",
    "probe",
    "thread",
    "next",
    "asked",
    "hinted",
    "no_more_stages",
    "closed",
    "input",
    "grader_failed",
    "challenge",
    "invite_questions",
    "no_questions",
]

STATES: tuple[State, ...] = get_args(State)

# The states the dialog rests in between two calls, waiting for the candidate: the only
# states a saved session can be in, and the ones :meth:`Machine.restore` accepts.
RESTING: tuple[State, ...] = (
    "idle",
    "awaiting_answer",
    "revisiting",
    "candidate_questions",
    "finished",
)


@dataclass(frozen=True)
class Transition:
    """One allowed move of the dialog.

    Attributes:
        source: The state the dialog is in.
        event: What happened (a candidate input or a rule's decision).
        target: The state the dialog moves to.
        why: When the engine fires this event, in plain words.
    """

    source: State
    event: Event
    target: State
    why: str


# The whole dialog. Rows are grouped by source state, in the order of a normal interview.
TRANSITIONS: tuple[Transition, ...] = (
    Transition("idle", "start", "greeting", "start() is called"),
    Transition("greeting", "greeted", "stage_transition", "the opening line has been said"),
    Transition(
        "asking",
        "ask",
        "awaiting_answer",
        "the next question is drawn (or an interrupted one resumed)",
    ),
    Transition(
        "asking", "stage_done", "stage_transition", "the stage asked its count, or advanced early"
    ),
    Transition("awaiting_answer", "answer", "grading", "the candidate answers"),
    Transition(
        "awaiting_answer", "dont_know", "grading", "'I don't know': graded as such, never probed"
    ),
    Transition("awaiting_answer", "hint", "hinting", "the candidate asks for a hint"),
    Transition("awaiting_answer", "repeat", "awaiting_answer", "the question is said again"),
    Transition("awaiting_answer", "clarify", "awaiting_answer", "the question is rephrased"),
    Transition("awaiting_answer", "empty", "awaiting_answer", "an empty reply: a gentle notice"),
    Transition("awaiting_answer", "skip", "asking", "the candidate skips; the question scores 0"),
    Transition("awaiting_answer", "back", "revisiting", "the previous question is asked again"),
    Transition("awaiting_answer", "no_back", "awaiting_answer", "nothing to go back to: a notice"),
    Transition("awaiting_answer", "end", "wrap_up", "the candidate ends the interview"),
    Transition("grading", "retry", "hinting", "a weak first attempt earns a hint and a retry"),
    Transition("grading", "probe", "probing", "a key concept is missing and probes remain"),
    Transition("grading", "thread", "threading", "a thread link's condition holds"),
    Transition(
        "grading",
        "challenge",
        "awaiting_answer",
        "a denied or wrong claim: 'Are you sure?', once per question, before any hint",
    ),
    Transition("grading", "next", "asking", "nothing more to ask about this question"),
    Transition(
        "grading",
        "grader_failed",
        "awaiting_answer",
        "grading failed: the answer is kept and the question stays open",
    ),
    Transition("revisiting", "answer", "grading_revisit", "the revisited question is answered"),
    Transition("revisiting", "dont_know", "grading_revisit", "'I don't know' to the revisit"),
    Transition("revisiting", "hint", "revisiting", "a hint on the revisited question"),
    Transition("revisiting", "repeat", "revisiting", "the revisited question is said again"),
    Transition("revisiting", "clarify", "revisiting", "the revisited question is rephrased"),
    Transition("revisiting", "empty", "revisiting", "an empty reply: a gentle notice"),
    Transition("revisiting", "back", "revisiting", "only one step back at a time: a notice"),
    Transition("revisiting", "skip", "asking", "the revisit is dropped for the interrupted one"),
    Transition("revisiting", "end", "wrap_up", "the candidate ends the interview"),
    Transition(
        "grading_revisit",
        "next",
        "asking",
        "the revisit is closed (never probed); the interrupted question comes back",
    ),
    Transition(
        "grading_revisit",
        "grader_failed",
        "revisiting",
        "grading failed: the answer is kept and the revisit stays open",
    ),
    Transition("probing", "asked", "awaiting_answer", "the probe has been asked"),
    Transition("threading", "asked", "awaiting_answer", "the follow-up question has been asked"),
    Transition("hinting", "hinted", "awaiting_answer", "a hint from the ladder has been given"),
    Transition("stage_transition", "enter_stage", "asking", "the next stage with questions begins"),
    Transition("stage_transition", "no_more_stages", "wrap_up", "only the wrap-up is left"),
    Transition(
        "wrap_up",
        "invite_questions",
        "candidate_questions",
        "the interview ran its course: 'Do you have any questions for me?'",
    ),
    Transition("wrap_up", "closed", "finished", "the closing line has been said"),
    Transition(
        "candidate_questions",
        "input",
        "candidate_questions",
        "the candidate asks something (answered by intent) or says they have no questions",
    ),
    Transition(
        "candidate_questions", "empty", "candidate_questions", "an empty reply: a gentle notice"
    ),
    Transition(
        "candidate_questions",
        "no_questions",
        "wrap_up",
        "no (more) questions, or the last one answered: the closing follows",
    ),
    Transition("finished", "input", "finished", "anything after the end: a notice"),
)

EVENTS: tuple[Event, ...] = tuple(dict.fromkeys(t.event for t in TRANSITIONS))

_TABLE: dict[tuple[State, Event], Transition] = {(t.source, t.event): t for t in TRANSITIONS}


class IllegalTransitionError(RuntimeError):
    """The engine tried a move the table does not allow: a bug in the engine."""


class Machine:
    """The current state, moved only through :data:`TRANSITIONS`.

    Attributes:
        state: The current state.
        history: Every ``(source, event, target)`` fired so far.
    """

    def __init__(self, state: State = "idle") -> None:
        self.state: State = state
        self.history: list[tuple[State, Event, State]] = []

    @classmethod
    def restore(cls, state: str) -> Machine:
        """A machine put back in a saved state: one of :data:`RESTING`, checked by name.

        Raises:
            ValueError: for a name that is not a declared resting state.
        """
        for declared in RESTING:
            if declared == state:
                return cls(declared)
        raise ValueError(
            f"cannot resume in state {state!r}: a saved session rests in one of "
            + ", ".join(RESTING)
        )

    def can(self, event: Event) -> bool:
        """Whether ``event`` is allowed in the current state."""
        return (self.state, event) in _TABLE

    def fire(self, event: Event) -> State:
        """Move along the transition for ``event`` and return the new state.

        Raises:
            IllegalTransitionError: if the table has no such move from this state.
        """
        try:
            transition = _TABLE[(self.state, event)]
        except KeyError:
            raise IllegalTransitionError(
                f"no transition on {event!r} from {self.state!r}"
            ) from None
        self.history.append((self.state, event, transition.target))
        self.state = transition.target
        return self.state


def render_machine(style: Literal["text", "mermaid"] = "text") -> str:
    """Render the transition table.

    Args:
        style: ``text`` for an aligned table, ``mermaid`` for a ``stateDiagram-v2``.

    Returns:
        The rendering, ending with a newline.
    """
    if style == "mermaid":
        lines = ["stateDiagram-v2", "    [*] --> idle"]
        lines += [f"    {t.source} --> {t.target}: {t.event}" for t in TRANSITIONS]
        lines.append("    finished --> [*]")
        return "\n".join(lines) + "\n"
    width_source = max(len(t.source) for t in TRANSITIONS)
    width_event = max(len(t.event) for t in TRANSITIONS)
    width_target = max(len(t.target) for t in TRANSITIONS)
    lines = ["Interview dialog: states and transitions", ""]
    for t in TRANSITIONS:
        lines.append(
            f"{t.source:<{width_source}}  --{t.event:-<{width_event}}-->  "
            f"{t.target:<{width_target}}  {t.why}"
        )
    return "\n".join(lines) + "\n"
