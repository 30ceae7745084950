"""Reversed relations: a phrasing that ties two quantities together, stated with one of
its ends turned round.

"Small datasets need *shallow* networks" ties the size of the data to the depth of the
network. "Small datasets need very *deep* networks" keeps one end of the tie ("small")
and turns the other: the relation is reversed. "*Raising* the learning rate makes
training slower" does the same to "low learning rate slow". Turning both ends round
("*large* datasets need *deeper* networks") states the same relation from its other
side, and is no contradiction.

The ends of a phrasing are its words of scale
(:func:`~interviewer.text.contrast.quantity_contrasts`: more/fewer, larger/smaller,
raise/lower, deep/shallow, fast/slow, early/late, minimise/maximise, vanish/explode),
and a relation has two or more. Each end
is read in one clause of the answer as the word of its scale nearest the word it
qualifies in the phrasing ("small" next to "datasets", "slow" after "rate"), the ends
taking distinct words. The relation is reversed when an odd number of its ends are
turned, every other word of the phrasing stands in the clause, no end is listed with its
opposite ("too big or too small") or read either way as near, and each word of scale
touches another word of the reading. Holding two ends, such a reading is a claim of its
own: it contradicts the concept even where another phrasing credits it elsewhere
(:func:`~interviewer.grading.reversals.turned_round`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from interviewer.grading.context import AnswerContext
from interviewer.grading.contradiction import PAIRED
from interviewer.text.contrast import quantity_contrasts, scale_forms
from interviewer.text.phrases import CompiledPhrase

__all__ = ["Pole", "Relation", "phrase_relations", "relation_of", "reversed_relation"]

# How far from the word it qualifies a polar word may stand ("small *image* datasets",
# "learn *very* slowly" has "very" as no unit).
_REACH = 3


@dataclass(frozen=True, slots=True)
class Pole:
    """One end of a relation: a polar slot of a phrasing.

    Attributes:
        slot: The slot.
        own: The stems that state it (its word and one-word synonyms, in all their forms).
        turned: The stems that reverse it (the words of scale pointing the other way).
        anchor: The slot of the non-polar word it qualifies, or -1.
    """

    slot: int
    own: frozenset[str]
    turned: frozenset[str]
    anchor: int


@dataclass(frozen=True, slots=True)
class Relation:
    """A phrasing with two polar words or more: its ends, and its other slots' words."""

    phrase: CompiledPhrase
    poles: tuple[Pole, ...]
    words: tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]  # slot -> its options' stems


def relation_of(phrase: CompiledPhrase, accepted: Sequence[frozenset[str]] = ()) -> Relation | None:
    """The relation a phrasing states, when it has two polar words or more, else None.

    ``accepted``: the words of each phrasing of the concept; a turned end that another
    phrasing states with the rest of this one's words is no reversal ("learning rate too
    *high*" beside "learning rate too low": the concept takes either).
    """
    single: dict[int, set[str]] = {}
    multi: dict[int, list[tuple[str, ...]]] = {}
    for option in phrase.options:
        if option.mask & (option.mask - 1) or any(t.polarity for t in option.terms):
            continue  # compounds over slots, and words wanted denied, state no end
        slot = option.mask.bit_length() - 1
        stems = tuple(t.stem for t in option.terms)
        multi.setdefault(slot, []).append(stems)
        if len(stems) == 1:
            single.setdefault(slot, set()).add(stems[0])
    polar: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    for slot, own in single.items():
        turned: set[str] = set()
        for word in tuple(own):
            turned |= quantity_contrasts(word)
            own |= scale_forms(word)
        if not turned or turned & own:
            continue
        rest = {stems[0] for other, stems in _own_words(phrase) if other != slot}
        turned = {t for t in turned if not any(rest | {t} <= words for words in accepted)}
        if turned:
            polar[slot] = (frozenset(own), frozenset(turned))
    if len(polar) < 2 or len(polar) == len(phrase.slots):
        return None
    poles = tuple(
        Pole(slot, own, turned, _anchor(slot, polar, len(phrase.slots)))
        for slot, (own, turned) in sorted(polar.items())
    )
    words = tuple(
        (slot, tuple(multi.get(slot, ()))) for slot in range(len(phrase.slots)) if slot not in polar
    )
    if any(not options for _, options in words):
        return None
    return Relation(phrase, poles, words)


def _own_words(phrase: CompiledPhrase) -> list[tuple[int, tuple[str, ...]]]:
    """Each slot's own one-word option (the phrasing's word), as (slot, stems)."""
    return [
        (o.mask.bit_length() - 1, tuple(t.stem for t in o.terms))
        for o in phrase.options
        if o.source == "phrasing" and len(o.terms) == 1 and not o.mask & (o.mask - 1)
    ]


def _anchor(slot: int, polar: Mapping[int, object], size: int) -> int:
    """The non-polar slot a polar one qualifies: the next one when it comes right after
    ("*small* datasets"), else the one before ("learn very *slowly*")."""
    if slot + 1 < size and slot + 1 not in polar:
        return slot + 1
    for before in range(slot - 1, -1, -1):
        if before not in polar:
            return before
    for after in range(slot + 1, size):
        if after not in polar:
            return after
    return -1


def reversed_relation(relation: Relation, answer: AnswerContext) -> tuple[list[int], Pole] | None:
    """The units of a clause that states ``relation`` with an odd number of its ends
    turned round, and the first end turned; or None.

    Every other word of the phrasing stands in the clause, not negated. The ends take
    distinct words of their scales within a few words of what they qualify, the nearest
    reading overall; when the nearest readings differ in what they turn, or a word of
    scale touches none of the reading's words ("fix vanishing gradients because they have
    *more* parameters"), nothing is settled.
    """
    units = answer.analysis.units
    clauses: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        if unit.negation < 0:
            clauses.setdefault(answer.clause_of(i), []).append(i)
    for members in clauses.values():
        found = _read(relation, answer, members)
        if found is not None:
            return found
    return None


def _paired(answer: AnswerContext, at: int, pole: Pole) -> bool:
    """Whether the polar word at ``at`` is listed with one pointing the other way ("too
    big or too small", "small/large"): both ends named, neither claimed."""
    units = answer.analysis.units
    own = units[at].stem in pole.own
    others = pole.turned if own else pole.own
    for near in (at - 1, at + 1):
        if 0 <= near < len(units) and units[near].stem in others:
            left, right = sorted((at, near))
            gap = answer.graded[units[left].end : units[right].start].lower()
            if PAIRED.fullmatch(gap.replace("too", " ").strip() or " "):
                return True
    return False


def _read(
    relation: Relation, answer: AnswerContext, members: list[int]
) -> tuple[list[int], Pole] | None:
    units = answer.analysis.units
    at: dict[str, list[int]] = {}
    for i in members:
        at.setdefault(units[i].stem, []).append(i)
    placed: dict[int, list[int]] = {}
    for slot, options in relation.words:
        spots = [
            at[stems[0]][0] if len(stems) == 1 else min(at[s][0] for s in stems)
            for stems in options
            if all(s in at for s in stems)
        ]
        if not spots:
            return None
        placed[slot] = spots
    choices: list[list[tuple[int, int, bool]]] = []  # per pole: distance, unit, turned
    for pole in relation.poles:
        anchors = placed.get(pole.anchor, [])
        near = []
        for i in members:
            stem = units[i].stem
            if stem in pole.own or stem in pole.turned:
                distance = min((abs(i - a) for a in anchors), default=_REACH + 1)
                if distance <= _REACH and not _paired(answer, i, pole):
                    near.append((distance, i, stem in pole.turned))
        if not near:
            return None
        choices.append(near)
    readings: dict[int, dict[int, tuple[tuple[int, int, bool], ...]]] = {}
    for combo in product(*choices):
        if len({unit for _, unit, _ in combo}) == len(combo):
            cost = sum(distance for distance, _, _ in combo)
            parity = sum(flipped for _, _, flipped in combo) % 2
            readings.setdefault(cost, {})[parity] = combo
    if not readings:
        return None
    best = readings[min(readings)]
    if len(best) > 1 or 1 not in best:
        return None  # not turned, or read either way as near: a comparison
    combo = best[1]
    used = [unit for _, unit, _ in combo]
    turned = [pole for pole, (_, _, flipped) in zip(relation.poles, combo, strict=True) if flipped]
    words = {spot for spots in placed.values() for spot in spots}
    reading = words | set(used)
    if any(not {unit - 1, unit + 1} & reading for unit in used):
        return None  # a polar word touching none of the relation's: it qualifies another
    positions = sorted({*used, *(spots[0] for spots in placed.values())})
    return positions, turned[0]


def phrase_relations(phrases: Sequence[CompiledPhrase]) -> tuple[Relation | None, ...]:
    """Each phrase's relation (:func:`relation_of`), read against the concept's other
    phrasings. Found once, when the question is compiled."""
    accepted = [frozenset(t.stem for o in p.options for t in o.terms) for p in phrases]
    return tuple(relation_of(p, accepted) for p in phrases)
