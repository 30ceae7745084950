"""Negation scopes: which words of a text a "not", "without" or "instead of" governs.

:func:`mark_negation` walks the canonical words of a text once and marks each
word a negation cue governs (forward up to a scope, or backward for patterns
such as "X has nothing to do with Y"). Idioms that only look negative ("not
only X", "nothing but X", "no more than X", "no idea") affirm; "not just X"
denies only the "just".
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.text.vocabulary import (
    BACKWARD_NEGATION,
    BACKWARD_VERBS,
    CLAUSE_BREAK_WORDS,
    CONTRAST_CUES,
    NEGATION_EXCEPTIONS,
)

__all__ = ["NegationCue", "Word", "mark_negation"]


def _words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True, slots=True)
class NegationCue:
    """A word that opened a negation scope, as written ("does not", "without")."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Word:
    """One word of a text while it is analysed (stop-words included)."""

    norm: str
    stem: str
    start: int
    end: int
    sentence: int
    rewritten: bool
    stop: bool
    negator: bool
    clause_break: bool = False  # clause/sentence punctuation before it
    fragment_break: bool = False  # list separator or new line before it
    punct_before: bool = False  # any punctuation or symbol right before it ("->", "/")
    negation: int = -1
    direct: bool = False
    compared: int = -1  # "doesn't P like X": X is compared to cue's denied P


def mark_negation(words: list[Word], text: str, scope: int) -> list[NegationCue]:
    """Mark each word governed by a negation cue; return the cues.

    Args:
        words: The text's canonical words, in order (marked in place).
        text: The original text (cue spans point into it).
        scope: How many words a cue governs at most.

    Returns:
        The cues, in order; a word's ``negation`` is an index into them.
    """
    cues: list[NegationCue] = []
    active = -1
    left = 0
    seen_content = False
    framed_sentence = -1  # "it is not true that ...": the frame holds to the sentence's end
    framed_cue = -1
    for at, word in enumerate(words):
        if active >= 0 and active == framed_cue and word.sentence == framed_sentence:
            # the frame denies the rest of its sentence, whatever the clauses
            if not word.negator:
                word.negation, word.direct = active, False
                continue
        elif word.clause_break:
            active = -1
        contrast = _contrast_length(words, at)
        if contrast:
            # "instead of Y", "rather than Y", "unlike Y": Y is set aside, not claimed
            end = words[at + contrast - 1].end
            cues.append(NegationCue(text[word.start : end], word.start, end))
            active, left, seen_content = len(cues) - 1, scope, False
            continue
        if word.negator and word.norm == "nothing" and at > 0 and words[at - 1].norm in _TO_ZERO:
            continue  # "shrinks to nothing" means "to zero": it denies nothing after it
        if active < 0 and _ceases(words, at):
            # "the loss stops improving": the verb after it is denied, and nothing more
            # (under a negation, "do not stop learning", it stays as it was)
            cues.append(_cue(words, at, text))
            words[at + 1].negation, words[at + 1].direct = len(cues) - 1, True
            continue
        if word.negator or _zero_quantifier(words, at):
            following = words[at + 1] if at + 1 < len(words) else None
            if following is not None and following.norm == "just":
                # "not just X" denies "just X", not X
                cues.append(_cue(words, at, text))
                following.negation, following.direct = len(cues) - 1, True
                continue
            if following is not None and (
                (word.norm, following.norm) in NEGATION_EXCEPTIONS
                or _words_at(words, at, 3) == ("no", "more", "than")
            ):
                continue
            cues.append(_cue(words, at, text))
            active, left, seen_content = len(cues) - 1, scope, False
            framed = _framed_length(words, at)
            if framed:
                # "it is not true that X": the frame denies the whole clause X
                for skipped in words[at + 1 : at + 1 + framed]:
                    skipped.negation = active
                framed_sentence, framed_cue = word.sentence, active
                continue
            _backward(words, at, len(cues) - 1)
            continue
        if active < 0:
            if word.norm in ("is", "are", "unrelated") and _pattern_at(words, at):
                cues.append(_cue(words, at, text))
                _backward(words, at, len(cues) - 1)
            continue
        # "not because ...": a break word right after the cue is what is negated;
        # "doesn't saturate like sigmoid": the comparison's referent is not denied
        # "layers with no weights *that* downsample": "no" denies its noun, not what the
        # relative clause says of the layers
        relative = word.norm in ("that", "who") and cues[active].text.lower() == "no"
        if (
            (word.norm in CLAUSE_BREAK_WORDS and left < scope)
            or (word.norm in ("and", "like") and seen_content)
            or (relative and seen_content)
        ):
            if word.norm == "like":
                _mark_compared(words, at + 1, active, scope)
            active = -1
            continue
        word.negation = active
        word.direct = not seen_content
        if not word.stop:
            seen_content = True
            left -= 1  # the scope counts content words: "can't use it for X or Y"
        if left <= 0:
            active = -1
    return cues


_FRAMES = (("true", "that"), ("the", "case", "that"), ("correct", "that"), ("right", "that"))


_HAS = frozenset(("has", "have", "having", "had", "contains", "needs", "adds", "learns"))


def _zero_quantifier(words: list[Word], at: int) -> bool:
    """Whether "zero" at ``at`` counts a plural thing that is had, as "no" does: "it has
    *zero* learnable parameters" (not "zero padding" or "initialised to zero")."""
    if words[at].norm != "zero" or at == 0 or words[at - 1].norm not in _HAS:
        return False
    following = [w.norm for w in words[at + 1 : at + 3]]
    return any(len(w) > 3 and w.endswith("s") for w in following)


_CEASE = frozenset(("stop", "stops", "stopped", "cease", "ceases", "ceased", "quits"))


def _ceases(words: list[Word], at: int) -> bool:
    """Whether the word at ``at`` ends what the verb after it does: "stops improving",
    "ceased learning" (not "stop the training", "stop early")."""
    if words[at].norm not in _CEASE or at + 1 >= len(words):
        return False
    following = words[at + 1]
    return not following.clause_break and len(following.norm) > 5 and following.norm.endswith("ing")


def _framed_length(words: list[Word], at: int) -> int:
    """Length of "true that" after a negator ("not true that"), 0 if none."""
    following = tuple(w.norm for w in words[at + 1 : at + 4])
    for frame in _FRAMES:
        if following[: len(frame)] == frame:
            return len(frame)
    return 0


def _mark_compared(words: list[Word], at: int, cue_index: int, scope: int) -> None:
    """Mark the referent of "A doesn't P like X": P is denied of A but asserted of X."""
    for word in words[at : at + scope]:
        if word.clause_break or word.norm in CLAUSE_BREAK_WORDS or word.negator:
            break
        word.compared = cue_index


def _words_at(words: list[Word], at: int, count: int) -> tuple[str, ...]:
    return tuple(w.norm for w in words[at : at + count])


def _contrast_length(words: list[Word], at: int) -> int:
    """Length of a contrast cue ("instead of", "rather than") starting at ``at`` (0 if none)."""
    if words[at].norm not in _CONTRAST_FIRSTS:
        return 0
    for cue in CONTRAST_CUES:
        if _words_at(words, at, len(cue)) == cue and (
            len(cue) == 1 or not any(w.clause_break for w in words[at + 1 : at + len(cue)])
        ):
            return len(cue)
    return 0


_CONTRAST_FIRSTS = frozenset(cue[0] for cue in CONTRAST_CUES)
_TO_ZERO = frozenset(("to", "into"))

_AUXILIARIES = frozenset(
    _words("do does did is are was were has have had can could will would should may might must")
)


# Verbs that make a clause of the words before them (with ``_AUXILIARIES``).
_FINITE = _AUXILIARIES | frozenset(("it's", "that's", "there's", "we're", "they're", "you're"))


def _cue(words: list[Word], at: int, text: str) -> NegationCue:
    """The cue at ``at`` as written, with a preceding auxiliary ("does not") or the
    rest of a backward pattern ("is false")."""
    start, end = words[at].start, words[at].end
    if at > 0 and not words[at].clause_break and words[at - 1].norm in _AUXILIARIES:
        start = words[at - 1].start
    length = _pattern_length(words, at)
    if length > 1:
        end = words[at + length - 1].end
    return NegationCue(text[start:end], start, end)


def _pattern_length(words: list[Word], at: int) -> int:
    """Length of a backward-negating pattern starting at ``at`` (0 if none).

    Patterns are listed in BACKWARD_NEGATION; a negator followed (at most one
    stop-word apart) by a verb of BACKWARD_VERBS ("doesn't really matter") is one too.
    """
    following = tuple(w.norm for w in words[at : at + 4])
    for pattern in BACKWARD_NEGATION:
        if following[: len(pattern)] == pattern:
            return len(pattern)
    if words[at].negator:
        for step in (1, 2):
            if at + step >= len(words) or words[at + step].clause_break:
                break
            if words[at + step].norm in BACKWARD_VERBS:
                return step + 1
            if not words[at + step].stop:
                break
    return 0


def _pattern_at(words: list[Word], at: int) -> bool:
    """Whether a backward-negating pattern ("nothing to do with") starts at ``at``."""
    return _pattern_length(words, at) > 0


def _backward(words: list[Word], at: int, cue_index: int) -> None:
    """Negate the words of the clause before ``at`` when a backward pattern starts there."""
    if not _pattern_at(words, at):
        return
    cursor = at
    seen_content = False
    joined = -1  # the last "and"/"or" passed
    marked: list[int] = []
    while cursor > 0 and at - cursor < 8:
        if words[cursor].clause_break:
            break
        cursor -= 1
        word = words[cursor]
        if word.norm in CLAUSE_BREAK_WORDS:
            break
        if seen_content and word.norm in _FINITE:
            # the verb of a clause before: in "validation is bad, it's overfitting and
            # *more depth* won't help" the "and" joins clauses, and only the depth is denied
            for index in marked:
                if index < joined:
                    words[index].negation = -1
            break
        if word.norm in ("and", "or"):
            joined = cursor
        seen_content = seen_content or not word.stop
        if word.negation < 0:
            word.negation = cue_index
            marked.append(cursor)
