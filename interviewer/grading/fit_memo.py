"""What fitting the grader remembers within one fit, and what a refit can keep.

A bank often repeats text (the same phrasing in two rubrics, the same example
answer); a large bank built from copies repeats whole questions. Within one
fit the bank-wide state (TF-IDF, spellings, word pairs) is fixed, so a
question's compiled form and its examples' calibration rows depend only on the
question's content, never on its id: :func:`content_key` names that content,
and :class:`FitMemo` keeps each result once per fit. Nothing here changes a
grade: a memo only returns what the computation it replaces would.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from interviewer.grading.compiled import CompiledQuestion
from interviewer.models import Question
from interviewer.text.analysis import Analysis, analyse

__all__ = ["CalibrationRow", "FitMemo", "content_key", "flat_rows", "unique"]

T = TypeVar("T")

CalibrationRow = tuple[dict[str, float], tuple[float, float]]
"""One example as the calibration sees it: its signals and its grade range (shifted by penalty)."""


def content_key(question: Question) -> str:
    """A digest of ``question`` but its id and links (compiling and calibrating read neither)."""
    text = question.model_dump_json(exclude={"id", "threads"})
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@dataclass
class FitMemo:
    """Results of one fit, each computed once per distinct input.

    Attributes:
        analyses: Text -> its analysis (default negation scope, no speller).
        compiled: Content key -> a compiled question with that content.
        rows: (content key, example index) -> the example's calibration row, or None
            when a rule, not the model, grades it.
    """

    analyses: dict[str, Analysis] = field(default_factory=dict)
    compiled: dict[str, CompiledQuestion] = field(default_factory=dict)
    rows: dict[tuple[str, int], CalibrationRow | None] = field(default_factory=dict)

    def analyse(self, text: str) -> Analysis:
        """:func:`~interviewer.text.analysis.analyse` of ``text``, once per text."""
        found = self.analyses.get(text)
        if found is None:
            found = self.analyses[text] = analyse(text)
        return found

    def compile(
        self, question: Question, key: str, build: Callable[[Question], CompiledQuestion]
    ) -> CompiledQuestion:
        """``build(question)``, or an earlier question's compiled form if of the same content."""
        known = self.compiled.get(key)
        if known is None:
            known = self.compiled[key] = build(question)
            return known
        return (
            known if known.question_id == question.id else replace(known, question_id=question.id)
        )

    def row(
        self, key: str, index: int, build: Callable[[], CalibrationRow | None]
    ) -> CalibrationRow | None:
        """``build()``, or the row of the same example of a question of the same content."""
        memo_key = (key, index)
        if memo_key not in self.rows:
            self.rows[memo_key] = build()
        return self.rows[memo_key]

    def bank_words(
        self, documents: list[str], rubric_texts: list[str]
    ) -> tuple[dict[str, set[str]], dict[str, int], set[str]]:
        """The bank's words, each distinct text analysed once.

        Args:
            documents: Every text of the bank (examples included).
            rubric_texts: The rubrics' own texts (examples left out), repeats kept.

        Returns:
            The spellings of each stem in ``documents``; how often each normal word
            occurs in ``rubric_texts``; and every pair of neighbouring words there.
        """
        surfaces: dict[str, set[str]] = {}
        for text in unique(documents):
            for unit in self.analyse(text).units:
                surfaces.setdefault(unit.stem, set()).add(unit.norm)
        counts: dict[str, int] = {}
        pairs: set[str] = set()
        for text, times in unique(rubric_texts).items():
            words = self.analyse(text).normal_text.split()
            for word in words:
                counts[word] = counts.get(word, 0) + times
            pairs.update(f"{a} {b}" for a, b in itertools.pairwise(words))
        return surfaces, counts, pairs


def unique(items: list[T]) -> dict[T, int]:
    """Each distinct item with how often it occurs, in order of first occurrence."""
    counts: dict[T, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def flat_rows(rows: dict[str, tuple[CalibrationRow, ...]]) -> list[CalibrationRow]:
    """Every question's calibration rows in one list, in question order."""
    return [row for question_rows in rows.values() for row in question_rows]
