"""Recognise what the candidate asks for, as opposed to what they answer.

A reply is a command only when the *whole* reply says so: after lower-casing,
fixing small typos in command words ("hnit" -> "hint") and dropping polite
filler ("could you please ..."), the words left must be one of the known forms
of a command. So "can I get a hint" is a hint, while "the skip connection lets
the gradient flow" is an answer that happens to contain "skip".
"""

from __future__ import annotations

import re
from typing import Literal

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne

__all__ = ["COMMANDS", "COMMAND_HELP", "CommandName", "recognise"]

CommandName = Literal["hint", "repeat", "clarify", "skip", "dont_know", "back", "end"]

COMMANDS: tuple[CommandName, ...] = (
    "hint",
    "repeat",
    "clarify",
    "skip",
    "dont_know",
    "back",
    "end",
)

COMMAND_HELP: dict[CommandName, str] = {
    "hint": "ask for a hint",
    "repeat": "hear the question again",
    "clarify": "hear the question put another way",
    "skip": "move on to the next question",
    "dont_know": "say you don't know",
    "back": "go back to the previous question",
    "end": "end the interview",
}

# The core words of each command once filler is gone, comma-separated; each is matched exactly.
_FORM_TEXT: dict[CommandName, str] = {
    "hint": "hint, hints, clue, nudge, help, help out, tip, another hint, more hint, "
    "hint question, help hint, hint what, another clue, pointer",
    "repeat": "repeat, repeat question, again, say again, come again, pardon, ask again, "
    "what question, read again, question again, didnt catch, didnt hear, what say, "
    "what did say, what",
    "clarify": "clarify, rephrase, reword, what mean, what meant, dont understand, "
    "not understand, dont understand question, explain question, rephrase question, "
    "clarify question, put differently, other words, what asking, confused, unclear, "
    "different way, ask differently, say differently, not clear, what mean question, "
    "mean, meaning",
    "skip": "skip, skip question, next, next question, pass, move on, go next, "
    "go next question, move, skip next, move next question, move next",
    "dont_know": "dont know, not know, no idea, not sure, no clue, dunno, idk, dont remember, "
    "not remember, cant remember, cannot remember, forgot, dont know answer, clueless, "
    "not certain, dont really know, not sure answer, no idea answer, cant say, cannot say, "
    "not answer, dont know what say, blank, mind blank, dont know sorry",
    "back": "back, go back, previous, previous question, go back previous, "
    "go back previous question, last question, go back last question, "
    "back previous question, back question, earlier question, go back question",
    "end": "stop, end, end interview, quit, exit, finish, finish interview, stop interview, "
    "wrap up, bye, goodbye, end session, stop session, call day, quit interview, leave, "
    "done interview, finished, stop please, lets stop, end it, stop it, thats all",
}

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
    form.strip(): name for name, text in _FORM_TEXT.items() for form in text.split(",")
}
_VOCABULARY: frozenset[str] = frozenset(word for form in _FORM_TO_COMMAND for word in form.split())
_ALL_FORMS: tuple[str, ...] = tuple(_FORM_TO_COMMAND)


def _fix_typo(word: str) -> str:
    """Snap a word to a command word when it is one small edit away from it."""
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
    match = extractOne(joined, _ALL_FORMS, scorer=ratio, score_cutoff=88)
    return _FORM_TO_COMMAND[match[0]] if match else None
