"""Contradicted concepts: an answer that says the opposite of a concept in its own words.

A concept's phrasing "max pooling keeps the largest value" has two words with contrasts
(:mod:`interviewer.text.contrast`): "max" (average, min) and "largest" (smallest, average).
At compile time each phrasing gets *contrast variants*: the phrasing with some of those words
exchanged for their contrasts. When one role is exchanged and another kept ("*average*
pooling keeps the largest value", "max pooling *averages* the window") the roles are
swapped; a phrasing with one such word only ("dropout is applied during *training*") is
contradicted by exchanging it ("... at *test* time"). Exchanging every role at once states
the parallel fact about the other thing ("average pooling takes the average") and is no
contradiction, so such variants are not made.

At grading time a variant stated as a claim (its words in order, not negated, reported
or refuted), in a sentence where no phrasing of the concept is stated as tightly,
contradicts the concept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import combinations
from typing import NamedTuple

from interviewer.grading.context import AnswerContext
from interviewer.text.claims import claim_blocked
from interviewer.text.contrast import CONTRASTS, contrast_stems
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase, Option, Term
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

__all__ = [
    "LEXICON_WORDS",
    "PAIRED",
    "ContrastVariant",
    "compile_contrasts",
    "extra_table",
    "find_contradiction",
    "slot_words",
]

LEXICON_WORDS = frozenset(w for row in CONTRASTS for side in row for w in side)
_MAX_VARIANTS = 6
_MIN_SLOTS = 3
_VARIANT_GAP = 1


class ContrastVariant(NamedTuple):
    """A phrasing with contrast words exchanged, and the phrasing it was made from."""

    variant: CompiledPhrase
    original: CompiledPhrase


def slot_words(phrase: CompiledPhrase) -> dict[int, set[str]]:
    """Slot -> the one-word stems it accepts (its own word and one-word synonyms)."""
    own: dict[int, set[str]] = {}
    for option in phrase.options:
        if len(option.terms) == 1 and not option.mask & (option.mask - 1):
            own.setdefault(option.mask.bit_length() - 1, set()).add(option.terms[0].stem)
    return own


def _contrast_slots(
    phrase: CompiledPhrase, extra: Mapping[str, frozenset[str]]
) -> dict[int, set[str]]:
    """Slot -> the stems that contrast with it (its word's or its synonyms')."""
    own = slot_words(phrase)
    found: dict[int, set[str]] = {}
    for option in phrase.options:
        if len(option.terms) != 1 or option.mask & (option.mask - 1):
            continue
        term = option.terms[0]
        if term.polarity == 0 and (stems := contrast_stems(term.stem, extra)):
            found.setdefault(option.mask.bit_length() - 1, set()).update(stems)
    # a synonym list may hold both sides ("bigger or smaller"): keep only true opposites
    return {slot: stems - own[slot] for slot, stems in found.items() if stems - own[slot]}


def _variant(phrase: CompiledPhrase, swaps: dict[int, set[str]]) -> CompiledPhrase:
    mask = sum(1 << slot for slot in swaps)
    options = [o for o in phrase.options if not o.mask & mask]
    for slot, stems in sorted(swaps.items()):
        options.extend(Option(1 << slot, (Term(s, s, 0),), "contrast") for s in sorted(stems))
    text = " ".join(
        f"[{'/'.join(sorted(swaps[i]))}]" if i in swaps else word
        for i, word in enumerate(phrase.slots)
    )
    return phrase._replace(
        text=text,
        options=tuple(options),
        topical=(False,) * len(phrase.slots),
        keys=frozenset(o.terms[0].stem for o in options),
    )


def compile_contrasts(
    phrases: tuple[CompiledPhrase, ...], extra: Mapping[str, list[str]] | None = None
) -> tuple[ContrastVariant, ...]:
    """The contrast variants of a concept's phrases.

    Args:
        phrases: The concept's compiled phrases.
        extra: The concept's own contrasts (word -> opposite words), on top of the lexicon.
    """
    table = _extra_table(extra)
    out: list[ContrastVariant] = []
    accepted = [frozenset(t.stem for o in p.options for t in o.terms) for p in phrases]
    for phrase in phrases:
        raw = _contrast_slots(phrase, table)
        # two opposite words of the phrase traded: a reversal however few its words
        out.extend(ContrastVariant(v, phrase) for v in _exchanges(phrase, raw))
        slots = _accepted_removed(phrase, raw, accepted)
        # two words are too few to tell a contrast from another statement:
        # "switched off during training" is not "turned off at inference" reversed
        if not slots or len(phrase.slots) < _MIN_SLOTS:
            continue
        chosen = sorted(slots)
        if len(chosen) == 1:
            if chosen[0] == 0:
                # "huge amounts of data" -> "small amounts of data" may be said of the
                # other thing compared ("on small datasets, trees win"): with no subject
                # before the contrast word, its opposite is no contradiction
                continue
            subsets: list[tuple[int, ...]] = [(chosen[0],)]
        else:
            subsets = [
                c for size in (1, 2) for c in combinations(chosen, size) if size < len(chosen)
            ]
        for subset in subsets[:_MAX_VARIANTS]:
            variant = _variant(phrase, {s: slots[s] for s in subset})
            out.append(ContrastVariant(variant, phrase))
    return tuple(out)


_CONJUNCTIONS = frozenset(("and", "or", "nor", "vs", "versus", "then"))


def _exchanges(phrase: CompiledPhrase, slots: dict[int, set[str]]) -> list[CompiledPhrase]:
    """Variants with two words of opposite sides traded: "from the *last* step to the
    *first*" -> "from the first step to the last", "good on *training*, bad on *test*" ->
    "good on test, bad on training". Both words stay, so no single exchange reads it; each
    is put in the other's place. Words that merely sit side by side in a list ("input and
    output gates") trade nothing."""
    own = {i: term for i in slots if (term := _slot_term(phrase, i)) is not None}
    out = []
    for i, j in combinations(sorted(own), 2):
        if own[j].stem not in slots[i] or own[i].stem not in slots[j]:
            continue
        if _listed(phrase, i, j):
            continue
        out.append(_variant(phrase, {i: {own[j].stem}, j: {own[i].stem}}))
    return out


def _listed(phrase: CompiledPhrase, first: int, second: int) -> bool:
    """Whether two slots' words are items of a list rather than two ends of a relation.

    A relation has a function word between them ("input *to* output", "keeps *the*
    largest value, average"); items of a list have only commas, conjunctions and other
    items ("input, forget and output", "training mode vs evaluation mode").
    """
    text = phrase.text.lower()
    start = text.find(phrase.slots[first].lower())
    end = text.find(phrase.slots[second].lower(), start + 1) if start >= 0 else -1
    if start < 0 or end < 0:
        return True  # cannot tell: leave it alone
    gap = re.findall(r"[a-z']+", text[start + len(phrase.slots[first]) : end])
    return not any(w in STOP_WORDS and w not in _CONJUNCTIONS for w in gap)


def _accepted_removed(
    phrase: CompiledPhrase, slots: dict[int, set[str]], accepted: list[frozenset[str]]
) -> dict[int, set[str]]:
    """Drop the opposites the concept itself accepts: "learning rate too high" reversed is
    "learning rate too low", another phrasing of the same concept ("wrong learning rate")."""
    own = [t.stem for t in (_slot_term(phrase, i) for i in range(len(phrase.slots))) if t]
    out = {}
    for slot, stems in slots.items():
        rest = {s for i, s in enumerate(own) if i != slot}
        kept = {c for c in stems if not any(rest | {c} <= words for words in accepted)}
        if kept:
            out[slot] = kept
    return out


def _slot_term(phrase: CompiledPhrase, slot: int) -> Term | None:
    return next(
        (o.terms[0] for o in phrase.options if o.mask == 1 << slot and o.source == "phrasing"),
        None,
    )


def _span(match: PhraseMatch) -> int:
    return max(match.positions) - min(match.positions) if match.positions else 0


def find_contradiction(
    variants: tuple[ContrastVariant, ...], context: AnswerContext
) -> PhraseMatch | None:
    """The stated variant that contradicts the concept, if any.

    Claims are read in order: a variant counts when its words are stated in order
    (:func:`~interviewer.text.claims.match_claim`) within one clause, outside any negation,
    not reported ("people say ..."), and the phrasing it reverses is not stated at least as
    tightly in the same sentence.
    """
    units = context.analysis.units
    for variant, original in variants:  # each weighed against the phrasing it reverses
        # a reversal is read tightly: at most one word between its words, so that
        # "... takes the average of each window and max pooling ..." states nothing; and in
        # order: "during training it tracks moving averages" does not state
        # "moving averages [during training]"
        found = context.claim(variant, max_gap=_VARIANT_GAP, openers=False)
        if found is None or found.score < context.settings.credit_threshold:
            continue
        if claim_blocked(found, context.analysis, context.graded) is not None:
            continue
        if len({context.clause_of(p) for p in found.positions}) > 1:
            continue  # "in ML you do manual feature engineering, in deep learning ..."
        if _listed_with_own(variant, original, found, context):
            continue  # "too large or too small you get exploding or vanishing gradients"
        sentence = units[found.positions[0]].sentence
        own = context.claim_in_sentence(original, sentence)
        if own is not None and _span(own) <= _span(found):
            continue
        return found
    return None


PAIRED = re.compile(r"\s*(?:,|/|&|\bor\b|\band\b|\bnor\b)\s*")


def _listed_with_own(
    variant: CompiledPhrase, original: CompiledPhrase, found: PhraseMatch, context: AnswerContext
) -> bool:
    """Whether a contrast word of the match is paired with the word it replaces ("exploding
    or vanishing", "max/average"): both sides named in one breath, each for its own case."""
    units = context.analysis.units
    own = slot_words(original)
    swapped: dict[int, set[str]] = {}
    for option in variant.options:
        if option.source == "contrast":
            swapped.setdefault(option.mask.bit_length() - 1, set()).add(option.terms[0].stem)
    text = context.graded
    for p in found.positions:
        for slot, stems in swapped.items():
            if units[p].stem not in stems:
                continue
            for q in (p - 1, p + 1):
                if not 0 <= q < len(units) or units[q].stem not in own.get(slot, ()):
                    continue
                left, right = sorted((p, q))
                if PAIRED.fullmatch(text[units[left].end : units[right].start].lower()):
                    return True
    return False


def extra_table(extra: Mapping[str, list[str]] | None) -> dict[str, frozenset[str]]:
    """A concept's own contrasts (word -> opposite words) as stem -> opposite stems."""
    return _extra_table(extra)


def _extra_table(extra: Mapping[str, list[str]] | None) -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for word, opposites in (extra or {}).items():
        key = stem(word.lower())
        table[key] = table.get(key, frozenset()) | {stem(o.lower()) for o in opposites}
    return table
