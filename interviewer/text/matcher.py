"""Finding compiled phrases in an analysed answer.

Matching has two steps. :meth:`~interviewer.text.terms.TermIndex.locate`
finds where the answer has each word the question's phrases need (exactly, by
stem, by prefix, fuzzily). :func:`match_phrase` then looks for the window of
the answer, within one sentence, that fills most of a phrase's slots, in any
order and with small gaps; words of the question itself may come from anywhere.
The occurrences of a phrase's options come from :mod:`interviewer.text.occurrences`.
:class:`TermIndex` and :class:`Hit` are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from interviewer.text.analysis import Unit
from interviewer.text.contrast import contrast_stems
from interviewer.text.degree import modifier_slots, modifies_next
from interviewer.text.occurrences import (
    METHOD_RANK,
    Occurrence,
    TermHits,
    occurrences_of,
    term_hits,
)
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.terms import CONFIDENCE, Hit, TermIndex

__all__ = ["CONFIDENCE", "Hit", "PhraseMatch", "TermIndex", "match_phrase", "term_hits"]

_ELSEWHERE = 0.9  # confidence factor of a question word found outside the window
_SPAN = itemgetter(0, 1)  # an occurrence's (first, last)


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


def match_phrase(
    phrase: CompiledPhrase,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    slack: int = 4,
    allow_negated: bool = False,
    min_share: float = 0.5,
    memo: dict[tuple[str, int, bool], TermHits] | None = None,
    denied_only: bool = False,
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
        denied_only: Only a match under a negation is wanted: None when no word
            found sits under one (the match would carry no cue).

    Returns:
        The best match, or None when no slot was found at all.
    """
    if phrase.keys and phrase.keys.isdisjoint(hits):
        return None
    shared = memo if memo is not None else {}
    occurrences: list[Occurrence] = []
    for option in phrase.options:
        if option.terms[0].stem in hits:  # else the option has no occurrence
            occurrences += occurrences_of(option, hits, units, allow_negated, shared)
    if not occurrences or (denied_only and all(o.cue < 0 for o in occurrences)):
        return None
    occurrences.sort(key=_SPAN)
    size = len(phrase.slots)
    limit = size + slack
    weights = phrase.weights
    # the slots each occurrence's option fills, by its bit set
    filling: dict[int, tuple[int, ...]] = {}
    for occ in occurrences:
        if occ.mask not in filling:
            filling[occ.mask] = tuple(slot for slot in range(size) if occ.mask >> slot & 1)
    # the best any window could do: every slot at its best confidence anywhere
    ceiling = [0.0] * size
    for occ in occurrences:
        for slot in filling[occ.mask]:
            if occ.confidence > ceiling[slot]:
                ceiling[slot] = occ.confidence
    bound = sum(w * c for w, c in zip(weights, ceiling, strict=True)) - 1e-9
    # a word of the question itself may come from anywhere in the answer
    anywhere: list[Occurrence | None] = [None] * size
    for slot, topical in enumerate(phrase.topical):
        if topical:
            anywhere[slot] = max(
                (o for o in occurrences if o.mask == 1 << slot),
                key=lambda o: o.confidence,
                default=None,
            )
    borrowable = any(o is not None for o in anywhere)
    modifiers = modifier_slots(phrase.slots)
    best: tuple[float, list[Occurrence | None]] = (-1.0, [])
    # among windows that score the same, prefer the phrase's own word order,
    # then the tightest stretch: "an input layer, some hidden layers" shows
    # "hidden layers", not "layer ... hidden"
    best_key: tuple[float, bool, int] = (-1.0, False, 0)
    best_first = 0
    count = len(occurrences)
    for i, start in enumerate(occurrences):
        if best_key[0] >= bound and start.first > best_first + limit:
            break  # a full match was found; only its neighbourhood may beat its layout
        chosen: list[Occurrence | None] = [None] * size
        window: list[Occurrence] = []
        for j in range(i, count):
            occ = occurrences[j]
            if occ.sentence != start.sentence or occ.first - start.first + 1 > limit:
                break
            if occ.last - start.first + 1 > limit:
                continue
            window.append(occ)
            for slot in filling[occ.mask]:
                current = chosen[slot]
                if current is None or occ.confidence > current.confidence:
                    chosen[slot] = occ
        # a question word from elsewhere only completes a window that says
        # something itself: two of the phrase's slots filled by two of its words
        # ("same" standing for "same features" is one, and so is "deep learning")
        if borrowable and len({(o.first, o.last) for o in chosen if o is not None}) >= 2:
            for slot, elsewhere in enumerate(anywhere):
                if (
                    elsewhere is not None
                    and chosen[slot] is None
                    and start.mask != elsewhere.mask
                    and not _said_otherwise(phrase, slot, chosen, units)
                ):
                    chosen[slot] = elsewhere._replace(confidence=elsewhere.confidence * _ELSEWHERE)
        if _shares_a_word(chosen):
            _one_word_one_slot(chosen, window)
        if modifiers:
            _bind_modifiers(modifiers, chosen, units)
        score = sum([w * o.confidence for w, o in zip(weights, chosen, strict=True) if o])
        if score < best_key[0] - 1e-9:
            continue
        key = (round(score, 9), *_layout(chosen))
        if key > best_key:
            best, best_key, best_first = (score, chosen), key, start.first
            if score >= bound and key[1]:
                break
    return _summarise(phrase, best[0], best[1], min_share)


def _layout(chosen: Sequence[Occurrence | None]) -> tuple[bool, int]:
    """(the filled slots are in the phrase's order, minus the stretch they span)."""
    in_order = True
    previous = lowest = highest = -1
    for occ in chosen:
        if occ is None:
            continue
        if previous < 0:
            lowest, highest = occ.first, occ.last
        else:
            in_order = in_order and previous <= occ.first
            lowest, highest = min(lowest, occ.first), max(highest, occ.last)
        previous = occ.first
    if previous < 0:
        return False, 0
    return in_order, -(highest - lowest)


def _said_otherwise(
    phrase: CompiledPhrase, slot: int, chosen: Sequence[Occurrence | None], units: Sequence[Unit]
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
    modifiers: tuple[int, ...], chosen: list[Occurrence | None], units: Sequence[Unit]
) -> None:
    """Empty a degree slot (``modifiers``: the phrase's :func:`modifier_slots`) whose word
    stands after the word it modifies, with other content words between, or right before
    another word it modifies ("fewer data and much *more computing* power" says nothing of
    more data; see :mod:`interviewer.text.degree`)."""
    for k in modifiers:
        modifier, head = chosen[k], chosen[k + 1]
        if modifier is None or head is None or modifier is head:
            continue
        after = modifier.first > head.last
        if after and (modifier.first > head.last + 1 or modifies_next(modifier.last, units)):
            chosen[k] = None


def _shares_a_word(chosen: Sequence[Occurrence | None]) -> bool:
    """Whether two different occurrences in ``chosen`` hold one word of the answer (else
    :func:`_one_word_one_slot` has nothing to do)."""
    holder: dict[int, Occurrence] = {}
    for occ in chosen:
        if occ is None:
            continue
        for position in occ.positions:
            if holder.setdefault(position, occ) is not occ:
                return True
    return False


def _one_word_one_slot(chosen: list[Occurrence | None], window: Sequence[Occurrence]) -> None:
    """Give each word of the answer to one slot at most.

    "training" cannot fill both "learned" (via "trained") and "training". A slot
    that loses its word takes the best other occurrence of the window that is
    still free: in "hidden layers", "layers" loses the compound "hidden layers"
    to the slot "hidden" and keeps the single word "layers".
    """
    used: dict[int, Occurrence] = {}
    order = sorted(
        (i for i, o in enumerate(chosen) if o is not None),
        key=lambda i: -chosen[i].confidence,  # type: ignore[union-attr]
    )

    def free(occ: Occurrence) -> bool:
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
    phrase: CompiledPhrase, score: float, chosen: list[Occurrence | None], min_share: float
) -> PhraseMatch:
    filled = [o is not None for o in chosen]
    coverage = sum([w for w, f in zip(phrase.weights, filled, strict=True) if f])
    complete = all(filled)
    used = {id(o): o for o in chosen if o is not None}.values()
    if not complete:
        # a partial match counts only when the words found carry most of the phrase
        # (rare words weigh more) and, in a longer phrase, are more than one word
        distinct = len(used)
        topical = phrase.topical or (False,) * len(filled)
        topic_missing = any(t and not f for t, f in zip(topical, filled, strict=True))
        # echoing the question's own words proves nothing: a partial match needs
        # at least one found word that the question does not use
        echo_only = not any(f and not t for t, f in zip(topical, filled, strict=True))
        if (
            coverage <= min_share
            or echo_only
            or (len(filled) > 2 and distinct < 2)
            or (len(filled) <= 2 and topic_missing)
        ):
            score = 0.0
        method = "partial"
    else:
        method = max([o.method for o in used], key=METHOD_RANK.__getitem__)
    cue = next((o.cue for o in used if o.cue >= 0), -1)
    slots = phrase.slots
    return PhraseMatch(
        phrase,
        score,
        coverage,
        complete,
        method,
        tuple(sorted({p for o in used for p in o.positions})),
        tuple([s for s, f in zip(slots, filled, strict=True) if f]),
        tuple([s for s, f in zip(slots, filled, strict=True) if not f]),
        cue,
    )
