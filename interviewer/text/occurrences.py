"""Where the options of a compiled phrase occur in an analysed answer.

:func:`term_hits` keeps the hits of a word whose polarity agrees with the phrase's (a
word under a negation is used only when asked for); :func:`occurrences_of` places an
option's words near each other within one sentence. :mod:`interviewer.text.matcher`
picks the best window of these occurrences.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from interviewer.text.analysis import Unit
from interviewer.text.phrases import Option, Term
from interviewer.text.terms import Hit

__all__ = ["METHOD_RANK", "Occurrence", "TermHits", "occurrences_of", "term_hits"]

METHOD_RANK = {"exact": 0, "stem": 1, "synonym": 2, "fuzzy": 3, "partial": 4}


class Occurrence(NamedTuple):
    """Where one option of a phrase occurs: its span, sentence, slots (``mask``), the
    confidence and method of its weakest word, the units it holds and its negation cue."""

    first: int
    last: int
    sentence: int
    mask: int
    confidence: float
    method: str
    positions: tuple[int, ...]
    cue: int  # negation cue index when a positive term sits under a negation


TermHits = list[tuple[Hit, int]]


def term_hits(
    term: Term,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    allow_negated: bool,
    memo: dict[tuple[str, int, bool], TermHits],
) -> TermHits:
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
    candidates: TermHits, starts: list[int], anchor: Hit, reach: int, used: set[int]
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


def occurrences_of(
    option: Option,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    allow_negated: bool,
    memo: dict[tuple[str, int, bool], TermHits],
) -> list[Occurrence]:
    first_hits = term_hits(option.terms[0], hits, units, allow_negated, memo)
    if not first_hits:
        return []
    source = "synonym" if option.source == "synonym" else None
    if len(option.terms) == 1:
        mask = option.mask
        return [
            Occurrence(
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
    others = []
    for term in option.terms[1:]:
        found = term_hits(term, hits, units, allow_negated, memo)
        if not found:
            return []
        others.append(found)
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
                Occurrence(
                    min(h.first for h, _ in chosen),
                    max(h.last for h, _ in chosen),
                    sentence,
                    option.mask,
                    min(h.confidence for h, _ in chosen),
                    max(methods, key=METHOD_RANK.__getitem__),
                    tuple(sorted({p for h, _ in chosen for p in range(h.first, h.last + 1)})),
                    max(c for _, c in chosen),
                )
            )
    return out
