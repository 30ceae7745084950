"""Recognise what the candidate asks for, as opposed to what they answer.

A reply is a command only when the *whole* reply says so: after lower-casing,
fixing small typos in command words ("hnit" -> "hint") and dropping polite
filler ("could you please ..."), the words left must be one of the known forms
of a command. So "can I get a hint" is a hint, while "the skip connection lets
the gradient flow" is an answer that happens to contain "skip".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CANDIDATE_COMMANDS",
    "COMMANDS",
    "CandidateCommand",
    "CommandName",
    "command_named",
    "recognise",
]

CommandName = Literal["hint", "repeat", "clarify", "skip", "dont_know", "back", "end"]


@dataclass(frozen=True)
class CandidateCommand:
    """One command the candidate can give during the interview, described once.

    The dialog recognises it from :attr:`forms`; the app derives its key binding,
    palette entry and help line from the other fields (see :mod:`interviewer.ui.screen_commands`).

    Attributes:
        name: The command's name, as :meth:`~interviewer.dialog.engine.Interview.command` takes it.
        title: Its name in the palette and the help screen.
        help: One line saying what it does.
        keys: Key bindings, comma-separated (``""``: palette only).
        key_display: How the footer and the help screen write the keys.
        show: Whether the footer shows it (space is short at 80 columns).
        typed: Examples of what can be typed instead, for the help screen.
        gets: What typing it gets you, for the help screen.
        forms: The core words of each typed form once filler is gone, comma-separated;
            each is matched exactly (then fuzzily).
    """

    name: CommandName
    title: str
    help: str
    keys: str
    key_display: str
    show: bool
    typed: tuple[str, ...]
    gets: str
    forms: str


# The seven commands, in the order the dialog lists them. Keys avoid what the answer box
# uses (Ctrl+A/E/K/U/W/X/C/V/Z/Y, F6/F7) and what terminals swallow (Ctrl+H is Backspace,
# Ctrl+I is Tab, Ctrl+M is Enter).
CANDIDATE_COMMANDS: tuple[CandidateCommand, ...] = (
    CandidateCommand(
        name="hint",
        title="Hint",
        help="Get a hint for this question",
        keys="ctrl+g",
        key_display="^G",
        show=True,
        typed=("hint", "can I get a hint"),
        gets="a hint",
        forms="hint, hints, clue, nudge, help, help out, tip, another hint, more hint, "
        "hint question, help hint, hint what, another clue, pointer",
    ),
    CandidateCommand(
        name="repeat",
        title="Repeat",
        help="Hear the question again",
        keys="ctrl+r",
        key_display="^R",
        show=False,
        typed=("could you repeat that", "pardon"),
        gets="the question again",
        forms="repeat, repeat question, again, say again, come again, pardon, ask again, "
        "what question, read again, question again, didnt catch, didnt hear, what say, "
        "what did say, what",
    ),
    CandidateCommand(
        name="clarify",
        title="Rephrase",
        help="Hear the question put another way",
        keys="ctrl+o",
        key_display="^O",
        show=False,
        typed=("what do you mean", "rephrase"),
        gets="the question put another way",
        forms="clarify, rephrase, reword, what mean, what meant, dont understand, "
        "not understand, dont understand question, explain question, rephrase question, "
        "clarify question, put differently, other words, what asking, confused, unclear, "
        "different way, ask differently, say differently, not clear, what mean question, "
        "mean, meaning",
    ),
    CandidateCommand(
        name="skip",
        title="Skip",
        help="Skip this question (it scores 0)",
        keys="ctrl+n",
        key_display="^N",
        show=True,
        typed=("skip", "next question", "pass"),
        gets="skip the question",
        forms="skip, skip question, next, next question, pass, move on, go next, "
        "go next question, move, skip next, move next question, move next",
    ),
    CandidateCommand(
        name="dont_know",
        title="I don't know",
        help="Say you don't know: no hint, no follow-up, on to the next question",
        keys="ctrl+b",
        key_display="^B",
        show=False,
        typed=("I don't know", "no idea"),
        gets="say you don't know",
        forms="dont know, not know, no idea, not sure, no clue, dunno, idk, dont remember, "
        "not remember, cant remember, cannot remember, forgot, dont know answer, clueless, "
        "not certain, dont really know, not sure answer, no idea answer, cant say, cannot say, "
        "not answer, dont know what say, blank, mind blank, dont know sorry",
    ),
    CandidateCommand(
        name="back",
        title="Back",
        help="Go back to the previous question (palette only)",
        keys="",
        key_display="",
        show=False,
        typed=("go back", "previous question"),
        gets="the previous question",
        forms="back, go back, previous, previous question, go back previous, "
        "go back previous question, last question, go back last question, "
        "back previous question, back question, earlier question, go back question",
    ),
    CandidateCommand(
        name="end",
        title="End the interview",
        help="Stop here and go to the report",
        keys="ctrl+l",
        key_display="^L",
        show=False,
        typed=("let's stop here", "end the interview"),
        gets="end the interview",
        forms="stop, end, end interview, quit, exit, finish, finish interview, stop interview, "
        "wrap up, bye, goodbye, end session, stop session, call day, quit interview, leave, "
        "done interview, finished, stop please, lets stop, end it, stop it, thats all",
    ),
)

COMMANDS: tuple[CommandName, ...] = tuple(command.name for command in CANDIDATE_COMMANDS)

# Words that carry no meaning for recognising a command ("could you please ...").
_FILLER_TEXT = """
a an the please pls plz could can would will you me i im am my we us lets let just maybe
ok okay um uh er erm hmm so well sorry actually really kindly may might get have give
gimme to for on about this that it its one some little bit quick small like oh hey hi
do does did be is are was were now here there yes yeah then think guess rather want need
any by
"""
_FILLER = frozenset(_FILLER_TEXT.split())

_WORD = re.compile(r"[a-z]+")
_CONTRACTIONS = (
    ("n't", "nt"),
    ("’", "'"),
    ("i'm", "im"),
    ("let's", "lets"),
    ("can not", "cannot"),
)
_MAX_WORDS = 9

_FORM_TO_COMMAND: dict[str, CommandName] = {
    form.strip(): command.name
    for command in CANDIDATE_COMMANDS
    for form in command.forms.split(",")
}
_VOCABULARY: frozenset[str] = frozenset(word for form in _FORM_TO_COMMAND for word in form.split())
_ALL_FORMS: tuple[str, ...] = tuple(_FORM_TO_COMMAND)


def _fix_typo(word: str) -> str:
    """Snap a word to a command word when it is one small edit away from it."""
    from rapidfuzz.distance import OSA  # loaded on first use: the app imports the table early

    if word in _VOCABULARY or word in _FILLER or len(word) < 4:
        return word
    allowed = 1 if len(word) < 7 else 2
    best, best_distance = word, allowed + 1
    for candidate in _VOCABULARY:
        # Typos rarely hit the first letter; requiring it keeps "text" from becoming "next".
        if candidate[0] != word[0] or abs(len(candidate) - len(word)) > allowed:
            continue
        distance = OSA.distance(word, candidate, score_cutoff=allowed)
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _core_words(text: str) -> list[str] | None:
    """The meaningful words of a short reply, or None when it is too long to be a command."""
    lowered = text.lower()
    for old, new in _CONTRACTIONS:
        lowered = lowered.replace(old, new)
    words = _WORD.findall(lowered.replace("'", ""))
    if not words or len(words) > _MAX_WORDS:
        return None
    return [word for word in (_fix_typo(w) for w in words) if word not in _FILLER]


def command_named(name: CommandName) -> CandidateCommand:
    """The table's entry for one command."""
    return next(command for command in CANDIDATE_COMMANDS if command.name == name)


def recognise(text: str) -> CommandName | None:
    """Return the command a reply asks for, or None when the reply is an answer.

    Args:
        text: The candidate's reply, or a command name such as ``dont_know``.

    Returns:
        One of :data:`COMMANDS`, or None.
    """
    name = text.strip().lower().replace("-", "_").replace(" ", "_")
    for command in COMMANDS:
        if name == command:
            return command
    core = _core_words(text)
    if not core:
        return None
    joined = " ".join(core)
    if joined in _FORM_TO_COMMAND:
        return _FORM_TO_COMMAND[joined]
    if len(joined) < 6:
        return None
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extractOne

    match = extractOne(joined, _ALL_FORMS, scorer=ratio, score_cutoff=88)
    return _FORM_TO_COMMAND[match[0]] if match else None
