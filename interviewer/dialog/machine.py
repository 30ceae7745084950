"""The interview's states and transitions, declared in one table with their guards.

Each row says where an event leads from a state. Rows the candidate triggers (an
answer, "hint", "skip") have no guard; rows the engine decides name a guard from
:mod:`interviewer.dialog.guards`, and :meth:`Machine.choose` takes the first row
from the current state, in table order, whose guard holds: the order of the rows
is the order of the rules. The engine (:mod:`interviewer.dialog.engine`) only
gathers the facts the guards look at and says what each move says; nothing else
moves the state, so this table is the whole picture of the dialog, and
:func:`render_machine` prints it as plain text or as a Mermaid diagram.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from interviewer.dialog.guards import GUARDS

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
    "resuming",
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
    "advance",
    "pool_empty",
    "resume",
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
    "waive",
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
        guard: For a move the engine decides, the name of its guard in
            :data:`~interviewer.dialog.guards.GUARDS`; ``""`` for a move the
            candidate's input (or the end of what was being said) makes.
    """

    source: State
    event: Event
    target: State
    why: str
    guard: str = ""


def _row(source: State, event: Event, target: State, why: str, guard: str = "") -> Transition:
    return Transition(source, event, target, why, guard)


# The whole dialog. Rows are grouped by source state, in the order of a normal interview;
# within a state, the guarded rows are tried in this order.
TRANSITIONS: tuple[Transition, ...] = (
    _row("idle", "start", "greeting", "start() is called"),
    _row("greeting", "greeted", "stage_transition", "the opening line has been said"),
    _row(
        "stage_transition",
        "no_more_stages",
        "wrap_up",
        "only the wrap-up is left",
        "only_wrap_up_left",
    ),
    _row(
        "stage_transition",
        "enter_stage",
        "asking",
        "the next stage with questions begins",
        "otherwise",
    ),
    _row("asking", "stage_done", "stage_transition", "the stage asked its count", "stage_full"),
    _row(
        "asking",
        "advance",
        "stage_transition",
        "the candidate does well: the stage ends early",
        "doing_well",
    ),
    _row(
        "asking",
        "ask",
        "awaiting_answer",
        "the next question is drawn (an easier one when stepping down)",
        "question_drawn",
    ),
    _row("asking", "pool_empty", "stage_transition", "no question is left to draw", "otherwise"),
    _row("awaiting_answer", "answer", "grading", "the candidate answers"),
    _row("awaiting_answer", "dont_know", "grading", "'I don't know': graded as such, never probed"),
    _row("awaiting_answer", "hint", "hinting", "the candidate asks for a hint"),
    _row("awaiting_answer", "repeat", "awaiting_answer", "the question is said again"),
    _row("awaiting_answer", "clarify", "awaiting_answer", "the question is rephrased"),
    _row("awaiting_answer", "empty", "awaiting_answer", "an empty reply: a gentle notice"),
    _row("awaiting_answer", "skip", "asking", "the candidate skips; the question scores 0"),
    _row("awaiting_answer", "back", "revisiting", "the previous question is asked again"),
    _row("awaiting_answer", "no_back", "awaiting_answer", "nothing to go back to: a notice"),
    _row("awaiting_answer", "end", "wrap_up", "the candidate ends the interview"),
    _row(
        "grading",
        "grader_failed",
        "awaiting_answer",
        "grading failed: the answer is kept and the question stays open",
        "grading_failed",
    ),
    _row(
        "grading",
        "waive",
        "asking",
        "'I don't know' to a step-down follow-up: waived, the gap was scored already",
        "unanswered_step_down",
    ),
    _row(
        "grading",
        "challenge",
        "awaiting_answer",
        "a denied or wrong claim: 'Are you sure?', once per question, before any hint",
        "claim_to_question",
    ),
    _row(
        "grading",
        "retry",
        "hinting",
        "a weak first attempt earns a hint and a retry",
        "weak_first_attempt",
    ),
    _row(
        "grading",
        "probe",
        "probing",
        "a key concept is missing and probes remain",
        "key_concept_missing",
    ),
    _row(
        "grading",
        "thread",
        "threading",
        "a thread link's condition holds",
        "thread_condition_holds",
    ),
    _row("grading", "next", "asking", "nothing more to ask about this question", "otherwise"),
    _row("revisiting", "answer", "grading_revisit", "the revisited question is answered"),
    _row("revisiting", "dont_know", "grading_revisit", "'I don't know' to the revisit"),
    _row("revisiting", "hint", "revisiting", "a hint on the revisited question"),
    _row("revisiting", "repeat", "revisiting", "the revisited question is said again"),
    _row("revisiting", "clarify", "revisiting", "the revisited question is rephrased"),
    _row("revisiting", "empty", "revisiting", "an empty reply: a gentle notice"),
    _row("revisiting", "back", "revisiting", "only one step back at a time: a notice"),
    _row("revisiting", "skip", "resuming", "the revisit is dropped for the interrupted one"),
    _row("revisiting", "end", "wrap_up", "the candidate ends the interview"),
    _row(
        "grading_revisit",
        "grader_failed",
        "revisiting",
        "grading failed: the answer is kept and the revisit stays open",
        "grading_failed",
    ),
    _row(
        "grading_revisit",
        "waive",
        "resuming",
        "'I don't know' to a revisited step-down follow-up: waived",
        "unanswered_step_down",
    ),
    _row(
        "grading_revisit",
        "next",
        "resuming",
        "the revisit is closed (never probed)",
        "otherwise",
    ),
    _row(
        "resuming",
        "resume",
        "awaiting_answer",
        "the question the revisit interrupted is asked again",
    ),
    _row("probing", "asked", "awaiting_answer", "the probe has been asked"),
    _row("threading", "asked", "awaiting_answer", "the follow-up question has been asked"),
    _row("hinting", "hinted", "awaiting_answer", "a hint from the ladder has been given"),
    _row(
        "wrap_up",
        "invite_questions",
        "candidate_questions",
        "the interview ran its course: 'Do you have any questions for me?'",
        "ran_its_course",
    ),
    _row("wrap_up", "closed", "finished", "the closing line has been said", "otherwise"),
    _row(
        "candidate_questions",
        "input",
        "candidate_questions",
        "the candidate asks something (answered by intent) or says they have no questions",
    ),
    _row("candidate_questions", "empty", "candidate_questions", "an empty reply: a gentle notice"),
    _row(
        "candidate_questions",
        "no_questions",
        "wrap_up",
        "no (more) questions, or the last one answered: the closing follows",
        "no_more_questions",
    ),
    _row("finished", "input", "finished", "anything after the end: a notice"),
)

EVENTS: tuple[Event, ...] = tuple(dict.fromkeys(t.event for t in TRANSITIONS))

_TABLE: dict[tuple[State, Event], Transition] = {(t.source, t.event): t for t in TRANSITIONS}
_DECIDED: dict[State, tuple[Transition, ...]] = {
    state: tuple(t for t in TRANSITIONS if t.source == state and t.guard) for state in STATES
}


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

    def choose(self, situation: object) -> Event | None:
        """The event of the first guarded row from the current state whose guard holds.

        Args:
            situation: The facts the state's guards look at (see
                :mod:`interviewer.dialog.guards`).

        Returns:
            The event to fire, or None when no guarded row applies (the dialog waits).
        """
        for transition in _DECIDED[self.state]:
            if GUARDS[transition.guard](situation):
                return transition.event
        return None

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
        lines += [
            f"    {t.source} --> {t.target}: {t.event}" + (f" [{t.guard}]" if t.guard else "")
            for t in TRANSITIONS
        ]
        lines.append("    finished --> [*]")
        return "\n".join(lines) + "\n"
    width_source = max(len(t.source) for t in TRANSITIONS)
    width_event = max(len(t.event) for t in TRANSITIONS)
    width_target = max(len(t.target) for t in TRANSITIONS)
    width_guard = max(len(t.guard) for t in TRANSITIONS) + 2
    lines = ["Interview dialog: states and transitions [guard], in the order they are tried", ""]
    for t in TRANSITIONS:
        guard = f"[{t.guard}]" if t.guard else ""
        lines.append(
            f"{t.source:<{width_source}}  --{t.event:-<{width_event}}-->  "
            f"{t.target:<{width_target}}  {guard:<{width_guard}}  {t.why}"
        )
    return "\n".join(lines) + "\n"
