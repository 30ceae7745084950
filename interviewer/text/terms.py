"""Where the words a question's phrases need occur in an answer.

:meth:`TermIndex.locate` finds, for every word the question's phrases need,
where the answer has it: exactly, by stem, by a stem prefix
("multiplied"/"multiplication"), fuzzily (a typo of a long word that is not
itself a known word), or as two answer words written apart ("non linear").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rapidfuzz.distance import OSA

from interviewer.text.analysis import Unit
from interviewer.text.phrases import NUMBER_STEM, Term

__all__ = ["CONFIDENCE", "Hit", "TermIndex"]

# A number as an answer writes it: 80, 0.25, 1,000, 3.5%, 3x3 (see phrases.NUMBER_PLACEHOLDER).
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?(?:x\d+)*")

# Confidence of a word match by how it was made; a phrase's confidence is the
# weighted mean over its slots.
CONFIDENCE = {
    "exact": 1.0,
    "stem": 0.95,
    "synonym": 0.95,
    "prefix": 0.85,
    "fuzzy1": 0.85,
    "fuzzy2": 0.7,
}
_FUZZY_MIN = 5
_PREFIX_MIN = 5
_PREFIX_SLACK = 3


class Hit(NamedTuple):
    """Where the answer has a word a phrase needs: units ``first..last``."""

    first: int
    last: int
    confidence: float
    method: str


class TermIndex:
    """The words a question's phrases need, indexed for fast lookup.

    Args:
        terms: Every term of every compiled phrase of the question.
        surfaces: For a stem, the spellings seen in the bank (fuzzy targets).
        known_words: Real words of the bank; an answer word among them is never
            taken for a typo of another word.
    """

    __slots__ = ("_compounds", "_fuzzy", "_known", "_norms", "_prefixes", "_stems")

    def __init__(
        self,
        terms: Iterable[Term],
        surfaces: dict[str, set[str]],
        known_words: frozenset[str],
    ) -> None:
        norms: dict[str, set[str]] = {}
        for term in terms:
            norms.setdefault(term.stem, set()).add(term.norm)
        self._norms = {k: frozenset(v) for k, v in norms.items()}
        self._stems: frozenset[str] = frozenset(norms)
        self._compounds = {n: k for k, v in norms.items() for n in v if len(n) >= 2 * 3}
        self._known = known_words
        prefixes: dict[str, set[str]] = {}
        fuzzy: dict[str, set[tuple[str, str]]] = {}
        for term_stem in self._stems:
            for cut in range(_PREFIX_MIN, len(term_stem)):
                if len(term_stem) - cut <= _PREFIX_SLACK:
                    prefixes.setdefault(term_stem[:cut], set()).add(term_stem)
            for surface in surfaces.get(term_stem, set()) | {term_stem}:
                if len(surface) >= _FUZZY_MIN:
                    fuzzy.setdefault(surface[0], set()).add((surface, term_stem))
        self._prefixes = {k: tuple(sorted(v)) for k, v in prefixes.items()}
        self._fuzzy = {k: tuple(sorted(v)) for k, v in fuzzy.items()}

    def __getstate__(self) -> tuple[object, ...]:
        return (self._stems, self._norms, self._compounds, self._known, self._prefixes, self._fuzzy)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        (self._stems, self._norms, self._compounds, self._known, self._prefixes, self._fuzzy) = (
            state  # type: ignore[assignment]
        )

    def _candidates(self, unit: Unit) -> list[tuple[str, float, str]]:
        found = self._word_candidates(unit)
        if NUMBER_STEM in self._stems and _NUMBER.fullmatch(unit.norm):
            found = [*found, (NUMBER_STEM, CONFIDENCE["exact"], "exact")]
        return found

    def _word_candidates(self, unit: Unit) -> list[tuple[str, float, str]]:
        word_stem = unit.stem
        lexical = "synonym" if unit.rewritten else None
        if word_stem in self._stems:
            method = lexical or ("exact" if unit.norm in self._norms[word_stem] else "stem")
            return [(word_stem, CONFIDENCE[method], method)]
        found: list[tuple[str, float, str]] = []
        if len(word_stem) >= _PREFIX_MIN:
            for target in self._prefixes.get(word_stem, ()):
                found.append((target, CONFIDENCE["prefix"], lexical or "stem"))
            for cut in range(max(_PREFIX_MIN, len(word_stem) - _PREFIX_SLACK), len(word_stem)):
                if word_stem[:cut] in self._stems:
                    found.append((word_stem[:cut], CONFIDENCE["prefix"], lexical or "stem"))
        if found or len(unit.norm) < _FUZZY_MIN or unit.norm in self._known:
            return found
        limit = 2 if len(unit.norm) >= 8 else 1
        for surface, target in self._fuzzy.get(unit.norm[0], ()):
            if abs(len(surface) - len(unit.norm)) > limit:
                continue
            distance = OSA.distance(unit.norm, surface, score_cutoff=limit)
            if distance <= limit:
                found.append((target, CONFIDENCE[f"fuzzy{max(distance, 1)}"], "fuzzy"))
        return found

    def locate(self, units: Sequence[Unit]) -> dict[str, list[Hit]]:
        """Where each needed word occurs in the answer.

        Args:
            units: The answer's content units.

        Returns:
            Term stem -> hits, in answer order. Adjacent answer words are also
            tried joined ("mini batch" for "minibatch").
        """
        hits: dict[str, list[Hit]] = {}
        memo: dict[tuple[str, str, bool], list[tuple[str, float, str]]] = {}
        previous: Unit | None = None
        for position, unit in enumerate(units):
            key = (unit.stem, unit.norm, unit.rewritten)
            found = memo.get(key)
            if found is None:
                found = memo[key] = self._candidates(unit)
            for target, confidence, method in found:
                bucket = hits.setdefault(target, [])
                if not bucket or bucket[-1].first != position:
                    bucket.append(Hit(position, position, confidence, method))
            if (
                previous is not None
                and previous.sentence == unit.sentence
                and previous.negation == unit.negation
                and previous.start != unit.start  # not two halves of one rewritten word
            ):
                joined = self._compounds.get(previous.norm + unit.norm)
                if joined is not None:
                    hits.setdefault(joined, []).append(
                        Hit(position - 1, position, CONFIDENCE["stem"], "stem")
                    )
            previous = unit
        return hits
