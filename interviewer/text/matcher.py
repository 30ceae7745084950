"""Finding compiled phrases in an analysed answer.

Matching has two steps. :meth:`~interviewer.text.terms.TermIndex.locate`
finds where the answer has each word the question's phrases need (exactly, by
stem, by prefix, fuzzily). :func:`match_phrase` then looks for the window of
the answer, within one sentence, that fills most of a phrase's slots, in any
order and with small gaps; words of the question itself may come from anywhere.
:class:`TermIndex` and :class:`Hit` are re-exported here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from interviewer.text.analysis import Unit
from interviewer.text.contrast import contrast_stems
from interviewer.text.degree import modifier_slots, modifies_next
from interviewer.text.phrases import CompiledPhrase, Option, Term
from interviewer.text.terms import CONFIDENCE, Hit, TermIndex

__all__ = ["CONFIDENCE", "Hit", "PhraseMatch", "TermIndex", "match_phrase", "term_hits"]

_METHOD_RANK = {"exact": 0, "stem": 1, "synonym": 2, "fuzzy": 3, "partial": 4}
_ELSEWHERE = 0.9  # confidence factor of a question word found outside the window


class _Occurrence(NamedTuple):
    first: int
    last: int
    sentence: int
    mask: int
    confidence: float
    method: str
    positions: tuple[int, ...]
    cue: int  # negation cue index when a positive term sits under a negation


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """The best window of an answer for one compiled phrase.

    Attributes:
        phrase: The phrase.
        score: Its confidence (0-1): weighted share of slots filled times their
            confidence; 0 when too little of a short phrase was found.
        coverage: Weighted share of slots filled, before the partial rules.
        complete: Whether every slot was filled.
        method: ``exact``, ``stem``, ``synonym``, ``fuzzy`` or ``partial``.
        positions: The answer units used.
        found: The phrase's words that were found.
        missing: The phrase's words that were not.
        cue: The negation cue the match sits under, or -1.
    """

    phrase: CompiledPhrase
    score: float
    coverage: float
    complete: bool
    method: str
    positions: tuple[int, ...]
    found: tuple[str, ...]
    missing: tuple[str, ...]
    cue: int


_TermHits = list[tuple[Hit, int]]


def term_hits(
    term: Term,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    allow_negated: bool,
    memo: dict[tuple[str, int, bool], _TermHits],
) -> _TermHits:
    """The hits of ``term`` whose polarity agrees, with the negation cue (or -1)."""
    key = (term.stem, term.polarity, allow_negated)
    cached = memo.get(key)
    if cached is not None:
        return cached
    out = []
    for hit in hits.get(term.stem, ()):
        # a hit over several words is denied when any of them is
        unit = units[hit.first]
        if unit.negation < 0 and hit.last > hit.first:
            unit = next(
                (units[p] for p in range(hit.first + 1, hit.last + 1) if units[p].negation >= 0),
                unit,
            )
        negated = unit.negation >= 0
        if term.polarity == 0:
            if negated and not allow_negated:
                continue
            out.append((hit, unit.negation if negated else -1))
        elif term.polarity == 3 or (negated and (term.polarity == 1 or unit.direct)):
            out.append((hit, -1))
    memo[key] = out
    return out


def _nearest(
    candidates: _TermHits, starts: list[int], anchor: Hit, reach: int, used: set[int]
) -> tuple[Hit, int] | None:
    """The candidate closest to ``anchor`` within ``reach`` words, not yet used."""
    best: tuple[Hit, int] | None = None
    best_distance = reach + 1
    for index in range(bisect_left(starts, anchor.first - reach), len(candidates)):
        hit, cue = candidates[index]
        distance = abs(hit.first - anchor.first)
        if hit.first > anchor.first + reach:
            break
        # on a tie the word after the anchor wins: phrases are usually said in order
        closer = distance < best_distance or (
            distance == best_distance and hit.first > anchor.first
        )
        if closer and hit.first not in used:
            best, best_distance = (hit, cue), distance
    return best


def _occurrences(
    option: Option,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    allow_negated: bool,
    memo: dict[tuple[str, int, bool], _TermHits],
) -> list[_Occurrence]:
    first_hits = term_hits(option.terms[0], hits, units, allow_negated, memo)
    if not first_hits:
        return []
    source = "synonym" if option.source == "synonym" else None
    if len(option.terms) == 1:
        mask = option.mask
        return [
            _Occurrence(
                h.first,
                h.last,
                units[h.first].sentence,
                mask,
                h.confidence,
                source or h.method,
                (h.first,) if h.first == h.last else (h.first, h.last),
                cue,
            )
            for h, cue in first_hits
        ]
    others = [term_hits(t, hits, units, allow_negated, memo) for t in option.terms[1:]]
    if any(not found for found in others):
        return []
    starts = [[h.first for h, _ in candidates] for candidates in others]
    reach = len(option.terms) + 1
    out = []
    for hit, cue in first_hits:
        sentence = units[hit.first].sentence
        chosen = [(hit, cue)]
        used = {hit.first}
        for candidates, positions in zip(others, starts, strict=True):
            near = _nearest(candidates, positions, hit, reach, used)
            if near is None or units[near[0].first].sentence != sentence:
                break
            chosen.append(near)
            used.add(near[0].first)
        else:
            methods = [source or h.method for h, _ in chosen]
            out.append(
                _Occurrence(
                    min(h.first for h, _ in chosen),
                    max(h.last for h, _ in chosen),
                    sentence,
                    option.mask,
                    min(h.confidence for h, _ in chosen),
                    max(methods, key=_METHOD_RANK.__getitem__),
                    tuple(sorted({p for h, _ in chosen for p in range(h.first, h.last + 1)})),
                    max(c for _, c in chosen),
                )
            )
    return out


def match_phrase(
    phrase: CompiledPhrase,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    slack: int = 4,
    allow_negated: bool = False,
    min_share: float = 0.5,
    memo: dict[tuple[str, int, bool], _TermHits] | None = None,
) -> PhraseMatch | None:
    """Find the best window of the answer for ``phrase``.

    Args:
        phrase: A compiled phrase.
        hits: The answer's hits from :meth:`TermIndex.locate`.
        units: The answer's content units.
        slack: How many extra words a window may span beyond the phrase's length.
        allow_negated: Also use words that sit under a negation (to report
            that a concept was mentioned only to be denied).
        min_share: Weighted share of the phrase a partial match must exceed to
            score at all.
        memo: A dict shared by the calls for one answer (saves recomputing
            which hits of a word agree in polarity).

    Returns:
        The best match, or None when no slot was found at all.
    """
    if phrase.keys and phrase.keys.isdisjoint(hits):
        return None
    shared = memo if memo is not None else {}
    occurrences = [
        occ
        for option in phrase.options
        for occ in _occurrences(option, hits, units, allow_negated, shared)
    ]
    if not occurrences:
        return None
    occurrences.sort(key=lambda o: (o.first, o.last))
    size = len(phrase.slots)
    limit = size + slack
    # the best any window could do: every slot at its best confidence anywhere
    ceiling = [0.0] * size
    for occ in occurrences:
        for slot in range(size):
            if occ.mask >> slot & 1 and occ.confidence > ceiling[slot]:
                ceiling[slot] = occ.confidence
    bound = sum(w * c for w, c in zip(phrase.weights, ceiling, strict=True)) - 1e-9
    # a word of the question itself may come from anywhere in the answer
    anywhere: list[_Occurrence | None] = [None] * size
    for slot, topical in enumerate(phrase.topical):
        if topical:
            anywhere[slot] = max(
                (o for o in occurrences if o.mask == 1 << slot),
                key=lambda o: o.confidence,
                default=None,
            )
    best: tuple[float, list[_Occurrence | None]] = (-1.0, [])
    # among windows that score the same, prefer the phrase's own word order,
    # then the tightest stretch: "an input layer, some hidden layers" shows
    # "hidden layers", not "layer ... hidden"
    best_key: tuple[float, bool, int] = (-1.0, False, 0)
    best_first = 0
    for i, start in enumerate(occurrences):
        if best_key[0] >= bound and start.first > best_first + limit:
            break  # a full match was found; only its neighbourhood may beat its layout
        chosen: list[_Occurrence | None] = [None] * size
        window: list[_Occurrence] = []
        for occ in occurrences[i:]:
            if occ.sentence != start.sentence or occ.first - start.first + 1 > limit:
                break
            if occ.last - start.first + 1 > limit:
                continue
            window.append(occ)
            for slot in range(size):
                if occ.mask >> slot & 1:
                    current = chosen[slot]
                    if current is None or occ.confidence > current.confidence:
                        chosen[slot] = occ
        # a question word from elsewhere only completes a window that says
        # something itself: two of the phrase's slots filled by two of its words
        # ("same" standing for "same features" is one, and so is "deep learning")
        borrow = len({(o.first, o.last) for o in chosen if o is not None}) >= 2
        for slot, elsewhere in enumerate(anywhere if borrow else ()):
            if (
                elsewhere is not None
                and chosen[slot] is None
                and start.mask != elsewhere.mask
                and not _said_otherwise(phrase, slot, chosen, units)
            ):
                chosen[slot] = elsewhere._replace(confidence=elsewhere.confidence * _ELSEWHERE)
        _one_word_one_slot(chosen, window)
        _bind_modifiers(phrase, chosen, units)
        score = sum(w * o.confidence for w, o in zip(phrase.weights, chosen, strict=True) if o)
        if score < best_key[0] - 1e-9:
            continue
        key = (round(score, 9), *_layout(chosen))
        if key > best_key:
            best, best_key, best_first = (score, chosen), key, start.first
            if score >= bound and key[1]:
                break
    return _summarise(phrase, best[0], best[1], min_share)


def _layout(chosen: Sequence[_Occurrence | None]) -> tuple[bool, int]:
    """(the filled slots are in the phrase's order, minus the stretch they span)."""
    placed = [o for o in chosen if o is not None]
    if not placed:
        return False, 0
    firsts = [o.first for o in placed]
    in_order = all(a <= b for a, b in pairwise(firsts))
    return in_order, -(max(o.last for o in placed) - min(firsts))


def _said_otherwise(
    phrase: CompiledPhrase, slot: int, chosen: Sequence[_Occurrence | None], units: Sequence[Unit]
) -> bool:
    """Whether the window, or a word beside it, says a contrast of the slot's word: "each
    one receives a slightly *different* gradient" does not borrow the question's "same"
    to make "same gradient"."""
    own = {t.stem for o in phrase.options if o.mask == 1 << slot for t in o.terms}
    contrasts = {c for s in own for c in contrast_stems(s)} - own
    placed = [o for o in chosen if o is not None]
    if not contrasts or not placed:
        return False
    first, last = min(o.first for o in placed), max(o.last for o in placed)
    sentence = units[first].sentence
    return any(
        units[i].stem in contrasts and units[i].sentence == sentence
        for i in range(max(0, first - 2), min(len(units), last + 3))
    )


def _bind_modifiers(
    phrase: CompiledPhrase, chosen: list[_Occurrence | None], units: Sequence[Unit]
) -> None:
    """Empty a degree slot whose word stands after the word it modifies, with other
    content words between, or right before another word it modifies ("fewer data and
    much *more computing* power" says nothing of more data; see
    :mod:`interviewer.text.degree`)."""
    for k in modifier_slots(phrase.slots):
        modifier, head = chosen[k], chosen[k + 1]
        if modifier is None or head is None or modifier is head:
            continue
        after = modifier.first > head.last
        if after and (modifier.first > head.last + 1 or modifies_next(modifier.last, units)):
            chosen[k] = None


def _one_word_one_slot(chosen: list[_Occurrence | None], window: Sequence[_Occurrence]) -> None:
    """Give each word of the answer to one slot at most.

    "training" cannot fill both "learned" (via "trained") and "training". A slot
    that loses its word takes the best other occurrence of the window that is
    still free: in "hidden layers", "layers" loses the compound "hidden layers"
    to the slot "hidden" and keeps the single word "layers".
    """
    used: dict[int, _Occurrence] = {}
    order = sorted(
        (i for i, o in enumerate(chosen) if o is not None),
        key=lambda i: -chosen[i].confidence,  # type: ignore[union-attr]
    )

    def free(occ: _Occurrence) -> bool:
        return all(p not in used or used[p] is occ for p in occ.positions)

    for slot in order:
        occ = chosen[slot]
        assert occ is not None
        if not free(occ):
            occ = max(
                (o for o in window if o.mask >> slot & 1 and free(o)),
                key=lambda o: o.confidence,
                default=None,
            )
            chosen[slot] = occ
            if occ is None:
                continue
        for position in occ.positions:
            used[position] = occ


def _summarise(
    phrase: CompiledPhrase, score: float, chosen: list[_Occurrence | None], min_share: float
) -> PhraseMatch:
    filled = [o is not None for o in chosen]
    coverage = sum(w for w, f in zip(phrase.weights, filled, strict=True) if f)
    complete = all(filled)
    # a partial match counts only when the words found carry most of the phrase
    # (rare words weigh more) and, in a longer phrase, are more than one word
    distinct = len({id(o) for o in chosen if o is not None})
    topical = phrase.topical or (False,) * len(filled)
    topic_missing = any(t and not f for t, f in zip(topical, filled, strict=True))
    # echoing the question's own words proves nothing: a partial match needs
    # at least one found word that the question does not use
    echo_only = not any(f and not t for t, f in zip(topical, filled, strict=True))
    if not complete and (
        coverage <= min_share
        or echo_only
        or (len(filled) > 2 and distinct < 2)
        or (len(filled) <= 2 and topic_missing)
    ):
        score = 0.0
    used = {id(o): o for o in chosen if o is not None}.values()
    methods = [o.method for o in used]
    method = "partial" if not complete else max(methods, key=_METHOD_RANK.__getitem__)
    cues = [o.cue for o in used if o.cue >= 0]
    return PhraseMatch(
        phrase,
        score,
        coverage,
        complete,
        method,
        tuple(sorted({p for o in used for p in o.positions})),
        tuple(s for s, f in zip(phrase.slots, filled, strict=True) if f),
        tuple(s for s, f in zip(phrase.slots, filled, strict=True) if not f),
        cues[0] if cues else -1,
    )
