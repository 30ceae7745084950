"""Snowball (Porter 2) stemming with a shared memo.

Stemming a word costs ~25 µs in pure Python, so every stem is memoised; the
fitted grader seeds the memo with its whole vocabulary (see :func:`seed_stems`)
so that grading rarely stems anything.
"""

from __future__ import annotations

from collections.abc import Mapping

import snowballstemmer

__all__ = ["known_stems", "seed_stems", "stem"]

_STEMMER = snowballstemmer.stemmer("english")
_MEMO: dict[str, str] = {}
_MEMO_LIMIT = 200_000


def stem(word: str) -> str:
    """The Snowball English stem of a normal-form word ("gradients" -> "gradient").

    Acronyms written in plural ("rnns", "lstms", "cnns") lose their "s" too.
    """
    found = _MEMO.get(word)
    if found is not None:
        return found
    if len(word) <= 2 or not word.isalpha():
        if word.endswith("'s") and len(word) > 3:
            return stem(word[:-2])  # possessive: "network's" -> "network"
        # nothing to strip from "x", "3x3", "l2", "0.25", "can't"
        return word
    result: str = _STEMMER.stemWord(word)
    if result == word and len(word) >= 3 and word.endswith("s") and not _has_vowel(word[:-1]):
        result = word[:-1]
    if len(_MEMO) < _MEMO_LIMIT:
        _MEMO[word] = result
    return result


def _has_vowel(word: str) -> bool:
    return any(char in "aeiouy" for char in word)


def seed_stems(stems: Mapping[str, str]) -> None:
    """Pre-fill the memo (word -> stem), e.g. with a fitted grader's vocabulary."""
    room = _MEMO_LIMIT - len(_MEMO)
    if room > 0:
        for word, value in list(stems.items())[:room]:
            _MEMO.setdefault(word, value)


def known_stems() -> dict[str, str]:
    """A copy of the memo (word -> stem)."""
    return dict(_MEMO)
