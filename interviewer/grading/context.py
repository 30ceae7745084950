"""One answer being graded: its text, its analysis and what matching has found so far.

:class:`AnswerContext` is shared by the concept judge, the contradiction finder and the
misconception finder while one answer is evaluated; it memoises term hits so that the
phrases of one question look each word up once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from interviewer.grading.result import Span
from interviewer.text.analysis import Analysis
from interviewer.text.claims import match_claim
from interviewer.text.matcher import Hit, PhraseMatch, match_phrase
from interviewer.text.phrases import CompiledPhrase

__all__ = ["CLAUSE_BREAK", "AnswerContext", "Settings"]

# Where one clause ends and the next begins: punctuation, an arrow, a dash, or a
# connective that opens a clause of its own.
CLAUSE_BREAK = re.compile(
    # "... explode *and if* the weights are too small ...": a new condition, a new clause
    r"[,;:.!?()\n]|->|—|\b(?:which|whereas|while|but)\b|\band(?= (?:if|when|whenever)\b)"
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The grader's parameters that evaluating an answer needs (see :class:`RubricGrader`)."""

    credit_threshold: float
    misconception_threshold: float
    window_slack: int
    partial_min_share: float
    negation_scope: int
    contradiction_penalty: float
    max_chars: int
    off_topic_topicality: float
    dont_know_max_words: int
    too_short_words: int


@dataclass
class AnswerContext:
    """One answer being matched: its text, analysis, hits and a shared memo.

    Attributes:
        text: The answer as typed (spans index into it).
        graded: The text analysed (the answer, or its start when truncated).
        analysis: Its analysis.
        hits: Where the answer has each word the question's phrases need.
        settings: Thresholds.
        asked: Stems of the question's own words.
        memo: Term hits by (stem, polarity, negated allowed), shared by all phrases.
        credited_positions: Units that earned a concept so far.
    """

    text: str
    graded: str
    analysis: Analysis
    hits: dict[str, list[Hit]]
    settings: Settings
    asked: frozenset[str] = frozenset()
    memo: dict[tuple[str, int, bool], list[tuple[Hit, int]]] = field(default_factory=dict)
    credited_positions: set[int] = field(default_factory=set)
    _breaks: tuple[list[int], list[int]] | None = field(default=None, repr=False)
    _stems: frozenset[str] | None = field(default=None, repr=False)
    _any_denied: bool | None = field(default=None, repr=False)
    _matches: dict[tuple[int, bool], tuple[CompiledPhrase, PhraseMatch | None]] = field(
        default_factory=dict, repr=False
    )
    _by_clause: dict[int, dict[str, list[Hit]]] = field(default_factory=dict, repr=False)

    @property
    def stems(self) -> frozenset[str]:
        """The stems of the answer's content words (found once)."""
        if self._stems is None:
            self._stems = frozenset(u.stem for u in self.analysis.units)
        return self._stems

    def _clause_breaks(self) -> tuple[list[int], list[int]]:
        """Where each clause break starts and ends in the graded text (found once)."""
        if self._breaks is None:
            found = list(CLAUSE_BREAK.finditer(self.graded))
            self._breaks = ([m.start() for m in found], [m.end() for m in found])
        return self._breaks

    def clause_of(self, unit: int) -> int:
        """The number of the clause a unit stands in (the clause breaks before it)."""
        return self.clause_at(self.analysis.units[unit].start)

    def clause_at(self, offset: int) -> int:
        """The number of the clause holding ``offset`` of the graded text."""
        return bisect_right(self._clause_breaks()[0], offset)

    def clause_hits(self, clause: int) -> dict[str, list[Hit]]:
        """The answer's hits (see ``hits``) in one clause only (found once per clause)."""
        found = self._by_clause.get(clause)
        if found is None:
            found = {
                key: kept
                for key, hits in self.hits.items()
                if (kept := [h for h in hits if self.clause_of(h.first) == clause])
            }
            self._by_clause[clause] = found
        return found

    def clause_start(self, offset: int) -> int:
        """Where the clause holding ``offset`` of the graded text begins."""
        ends = self._clause_breaks()[1]
        before = bisect_right(ends, offset)
        return ends[before - 1] if before else 0

    def heard(self, phrase: CompiledPhrase) -> int:
        """The slots of ``phrase`` (a bit set) that have an option whose words all occur
        in the answer: the only slots any match of it can fill."""
        heard = 0
        hits = self.hits
        for option in phrase.options:
            if not option.mask & ~heard:
                continue  # its slots are heard already
            for term in option.terms:
                if term.stem not in hits:
                    break
            else:
                heard |= option.mask
        return heard

    def heard_share(self, phrase: CompiledPhrase) -> float:
        """The weighted share of ``phrase``'s slots the answer has words for (see
        :meth:`heard`): the most any match of it can cover, or score."""
        heard = self.heard(phrase)
        return sum(w for slot, w in enumerate(phrase.weights) if heard >> slot & 1)

    def may_beat(self, phrase: CompiledPhrase, best: PhraseMatch) -> bool:
        """Whether a match of ``phrase`` could beat ``best`` on (score, coverage): a match
        scores no more than it covers, and covers no more than :meth:`heard_share`."""
        if phrase.keys and phrase.keys.isdisjoint(self.hits):
            return False  # no option's first word: no match at all
        bound = self.heard_share(phrase)
        return (bound, bound) > (best.score, best.coverage)

    def match(self, phrase: CompiledPhrase, allow_negated: bool = False) -> PhraseMatch | None:
        """The best window of the answer for ``phrase`` (found once per answer)."""
        # keyed by the phrase's id, the phrase kept beside the match: a fitted phrase
        # outlives this answer, and the identity check guards against a reused id
        key = (id(phrase), allow_negated)
        known = self._matches.get(key)
        if known is not None and known[0] is phrase:
            return known[1]
        settings = self.settings
        found = match_phrase(
            phrase,
            self.hits,
            self.analysis.units,
            settings.window_slack,
            allow_negated,
            settings.partial_min_share,
            self.memo,
        )
        self._matches[key] = (phrase, found)
        return found

    def denied(self, phrase: CompiledPhrase) -> PhraseMatch | None:
        """The best window of the answer for ``phrase`` with denied words allowed, when
        it sits under a negation (None when it does not, or there is none)."""
        if self._any_denied is None:
            self._any_denied = any(u.negation >= 0 for u in self.analysis.units)
        if not self._any_denied:
            return None
        settings = self.settings
        return match_phrase(
            phrase,
            self.hits,
            self.analysis.units,
            settings.window_slack,
            True,
            settings.partial_min_share,
            self.memo,
            denied_only=True,
        )

    def claim_in_sentence(self, phrase: CompiledPhrase, sentence: int) -> PhraseMatch | None:
        """``phrase`` stated as a claim within one sentence only."""
        units = self.analysis.units
        hits = {
            key: kept
            for key, found in self.hits.items()
            if (kept := [h for h in found if units[h.first].sentence == sentence])
        }
        return match_claim(phrase, hits, units, memo={}, text=self.graded)

    def claim(
        self, phrase: CompiledPhrase, max_gap: int | None = None, *, openers: bool = True
    ) -> PhraseMatch | None:
        """``phrase`` stated as a claim: its words in order, with small gaps.

        With ``openers``, the claim's last word may also open its clause ("in general,
        ... is 0.5"); without, every word stands in order.
        """
        text = self.graded if openers else ""
        return match_claim(
            phrase, self.hits, self.analysis.units, max_gap, memo=self.memo, text=text
        )

    def spans(self, positions: Sequence[int]) -> tuple[Span, ...]:
        """The answer's words at these units, neighbours joined over small words.

        "normalises the OUTPUTS" is one span when "normalises" and "OUTPUTS"
        matched: only stop-words and spaces lie between them.
        """
        units = self.analysis.units
        bounds = sorted({(units[p].start, units[p].end) for p in positions})
        merged: list[tuple[int, int]] = []
        text = self.text
        for start, end in bounds:
            if merged and _joinable(text[merged[-1][1] : start]):
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return tuple(Span(start=s, end=e, text=text[s:e]) for s, e in merged)


_GAP_RE = re.compile(r"[\s\w'’-]{0,24}")


def _joinable(gap: str) -> bool:
    """Whether two matched words separated by ``gap`` read as one stretch."""
    return _GAP_RE.fullmatch(gap) is not None and len(gap.split()) <= 3
