"""Reading misspelled words as the words they stand for.

A candidate who types "optimizor", "gradiant" or "convolushun" means a word of the domain.
:class:`Speller` corrects such words against the bank's own vocabulary with symspellpy
(symmetric-delete lookup: every correction within two edits in microseconds), after a few
phonetic rewrites ("shun" -> "tion", "ph" -> "f"). A word that is already English (in
symspellpy's 82,765-word list) or already in the bank is never changed, nor is any word
shorter than four letters, a number or an acronym-like token.

Corrections change only the normal form a word is matched by; its offsets still point at
what the candidate typed, so explanations quote the answer as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from interviewer.text.english import english_words
from interviewer.text.lexicon import LEXICON

__all__ = ["Speller"]

_PHONETIC = (
    (re.compile(r"shun(s?)$"), r"tion\1"),
    (re.compile(r"shon(s?)$"), r"tion\1"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"f"), "ph"),
    (re.compile(r"k"), "c"),
    (re.compile(r"z"), "s"),
    (re.compile(r"or$"), "er"),
)
_WORD = re.compile(r"[a-z]{4,}")


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every word of the general lexicon's keys and values ("convnet", "bptt")."""
    return frozenset(w for pair in LEXICON.items() for text in pair for w in text.split())


class Speller:
    """Corrects a word to the nearest word of a vocabulary, if it is a typo.

    Args:
        vocabulary: Word -> how often it occurs (the bank's words); more frequent
            words win ties between equally near candidates.
        max_distance: Most edits a correction may make (words of 4-5 letters: one).
    """

    def __init__(self, vocabulary: Mapping[str, int], max_distance: int = 2) -> None:
        self.vocabulary = {w: c for w, c in vocabulary.items() if _WORD.fullmatch(w)}
        self.max_distance = max_distance
        self._index: Any = None
        self._memo: dict[str, str | None] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"vocabulary": self.vocabulary, "max_distance": self.max_distance}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["vocabulary"], state["max_distance"])  # type: ignore[misc]

    def _lookup_index(self) -> Any:
        if self._index is None:
            from symspellpy import SymSpell

            index = SymSpell(max_dictionary_edit_distance=self.max_distance, prefix_length=7)
            for word, count in self.vocabulary.items():
                index.create_dictionary_entry(word, count)
            self._index = index
        return self._index

    def common(self, word: str) -> bool:
        """Whether ``word`` is an English or a lexicon word (not only one of the bank's)."""
        return word in english_words() or word in _lexicon_words()

    def known(self, word: str) -> bool:
        """Whether ``word`` is a real word (English, the bank's, or the lexicon's)."""
        return word in self.vocabulary or self.common(word)

    def correct(self, word: str) -> str | None:
        """The word ``word`` was meant to be, or None to leave it as typed."""
        if word in self._memo:
            return self._memo[word]
        found = None
        if _WORD.fullmatch(word) and not self.known(word):
            found = self._nearest(word)
        if len(self._memo) < 50_000:
            self._memo[word] = found
        return found

    def _nearest(self, word: str) -> str | None:
        from symspellpy import Verbosity

        index = self._lookup_index()
        limit = 1 if len(word) <= 5 else self.max_distance
        candidates = [word]
        for pattern, replacement in _PHONETIC:
            variant = pattern.sub(replacement, word)
            if variant != word:
                if variant in self.vocabulary:
                    return variant
                candidates.append(variant)
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            for item in index.lookup(candidate, Verbosity.CLOSEST, max_edit_distance=limit):
                key = (item.distance, -item.count, item.term)
                if best is None or key < best:
                    best = key
        if best is None or (best[2][0] != word[0] and best[0] > 1):
            return None  # a two-edit guess that even changes the first letter is no reading
        return best[2]
