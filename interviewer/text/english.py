"""English word and word-pair frequencies, from the lists that symspellpy ships.

symspellpy carries an English unigram list (82,765 words) and a bigram list (242,342 word
pairs), both derived from large web corpora. They tell a real word from a typo (the speller
leaves known words alone) and a sentence from a shuffle of its words (the fluency check).
Both are read lazily, once per process, on first use (about 0.2 s).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["english_bigrams", "english_counts", "english_totals", "english_words"]


def _lines(name: str) -> list[str]:
    try:
        text = resources.files("symspellpy").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return []
    return text.splitlines()


@lru_cache(maxsize=1)
def english_counts() -> dict[str, int]:
    """Lower-case English word -> corpus count (empty if symspellpy's list cannot be read)."""
    out = {}
    for line in _lines("frequency_dictionary_en_82_765.txt"):
        word, _, count = line.partition(" ")
        out[word] = int(count)
    return out


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words."""
    return frozenset(english_counts())


@lru_cache(maxsize=1)
def english_bigrams() -> dict[str, int]:
    """Common English word pairs, as ``"first second"`` -> corpus count."""
    out = {}
    for line in _lines("frequency_bigramdictionary_en_243_342.txt"):
        pair, _, count = line.rpartition(" ")
        out[pair] = int(count)
    return out


@lru_cache(maxsize=1)
def english_totals() -> tuple[int, int]:
    """The total count of all words and of all word pairs (the PMI's denominators)."""
    return sum(english_counts().values()), sum(english_bigrams().values())
