"""Tokenisation that keeps character offsets into the original answer.

Every token records ``start``/``end`` such that ``original[start:end]`` is the
text the candidate typed, so grading spans highlight their own words even when
the answer contained control characters, full-width letters or ligatures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.text.normalize import normalize_word, strip_control

__all__ = ["CLAUSE_PUNCT", "SENTENCE_PUNCT", "Token", "Tokenized", "tokenize"]

_TOKEN_RE = re.compile(
    r"""
    (?P<abbr>\b(?:e\.g|i\.e|etc|vs|cf|approx)\.)      # abbreviations keep their dots
    |(?P<num>\d+(?:[.,]\d+)+%?)                        # 0.25, 1,000, 3.5%
    |(?P<word>[^\W_]+(?:['’][^\W_]+)*)                 # words, with inner apostrophes
    |(?P<punct>[^\w\s])                                 # any other visible character
    """,
    re.VERBOSE,
)

# Punctuation that ends a sentence (a matching window never crosses it).
SENTENCE_PUNCT = frozenset(".!?;。！？；")
# Punctuation that ends a clause (and with it a negation scope); "+" joins list
# items in hurried answers ("fits in memory unlike full batch + more updates"), and an
# arrow ("->", "=>", "→") leads from one statement to the next ("no cell state -> faster").
CLAUSE_PUNCT = frozenset(',:()[]{}"—–…،、，：+>→⇒')


@dataclass(frozen=True, slots=True)
class Token:
    """One token of an answer.

    Attributes:
        norm: Normal form (NFKC, lower case, American spelling); punctuation as is.
        start: Offset of its first character in the original answer.
        end: Offset just past its last character in the original answer.
        is_word: True for words and numbers, False for punctuation and symbols.
        sentence: Index of the sentence it belongs to.
        newline_before: Whether a line break separates it from the previous token.
    """

    norm: str
    start: int
    end: int
    is_word: bool
    sentence: int
    newline_before: bool


@dataclass(frozen=True, slots=True)
class Tokenized:
    """The tokens of an answer and what cleaning found.

    Attributes:
        tokens: All tokens in order.
        had_control: Whether control/format characters were removed first.
    """

    tokens: tuple[Token, ...]
    had_control: bool


# Capitalised words that open a new sentence when a run-on lacks its full stop.
_OPENERS = frozenset(("My", "The", "In", "It", "This", "We", "Our", "There", "These", "They"))


_I_VERBS = frozenset(("am", "have", "also", "like", "love", "enjoy", "moved", "really", "was"))
_JOINERS = frozenset(("and", "or", "but", "because", "so", "that", "when", "if", "which"))


def _run_on(raw: str, following: str, tokens: list[Token]) -> bool:
    """Whether ``raw`` opens a sentence whose full stop is missing ("box My team")."""
    opens = raw in _OPENERS or (raw == "I" and following.lower() in _I_VERBS)
    if not opens or not tokens or not tokens[-1].is_word:
        return False
    previous = tokens[-1].norm
    return previous.isalpha() and previous not in _JOINERS


def tokenize(text: str) -> Tokenized:
    """Split ``text`` into word and punctuation tokens with original offsets.

    Control characters are removed before matching (a word broken by one is
    rejoined) but offsets still point into ``text``.

    Args:
        text: The original answer.

    Returns:
        The tokens, sentence-numbered, and whether control characters were found.
    """
    clean, index = strip_control(text)
    tokens: list[Token] = []
    sentence = 0
    previous_end = 0
    matches = list(_TOKEN_RE.finditer(clean))
    for position, match in enumerate(matches):
        start, end = match.span()
        raw = match.group()
        is_word = match.lastgroup != "punct"
        newline = "\n" in clean[previous_end:start]
        previous_end = end
        if newline and tokens and tokens[-1].norm not in SENTENCE_PUNCT:
            sentence += 1
        elif _run_on(
            raw, matches[position + 1].group() if position + 1 < len(matches) else "", tokens
        ):
            sentence += 1  # "... bounding box My last team was ...": a pasted run-on
        if index is not None:
            start, end = index[start], index[end - 1] + 1
        norm = normalize_word(raw) if is_word else raw
        if match.lastgroup == "abbr":
            norm = norm.replace(".", "")
        tokens.append(Token(norm, start, end, is_word, sentence, newline))
        if not is_word and raw in SENTENCE_PUNCT:
            sentence += 1
    return Tokenized(tuple(tokens), index is not None)
