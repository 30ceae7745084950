"""Stand-ins: a concept's phrasing stated with a contrast word in the place of one of its
words.

"Each update *grows* the weights slightly away from zero" has every word of "each update
shrinks the weights towards zero" but "shrinks", and where "shrinks" would stand, stands
"grows", its opposite. The match is partial, so the concept is not credited, and the
contrast variants of :mod:`interviewer.grading.contradiction` need the variant's words in
order with at most one word between them, so they miss it; the clause says the opposite
all the same. The flips of :mod:`interviewer.grading.flips` read a credited match; this
reads one that lacks exactly the word its contrast replaces.

The same holds for a word a phrasing wants denied: "units in the same layer are *not
connected*" is contradicted by "units are connected to others in the same layer"
(:func:`affirmed_in_place`).
"""

from __future__ import annotations

from collections.abc import Mapping

from interviewer.grading.context import AnswerContext
from interviewer.grading.contradiction import slot_words
from interviewer.grading.roles import compared_object
from interviewer.text.contrast import contrast_stems
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.stem import stem

__all__ = ["affirmed_in_place", "denied_slot", "denied_words", "phrase_opposites", "stand_in"]

# Two words are too few: "pretrained on a *large* dataset" is no reversal of "when you
# have a small dataset", it says another dataset.
_MIN_SLOTS = 3
# How far outside the matched words the contrast may stand ("making the weights *larger*").
_REACH = 1


def phrase_opposites(
    phrases: tuple[CompiledPhrase, ...], extra: Mapping[str, frozenset[str]]
) -> tuple[frozenset[str], ...]:
    """Per phrase, the stems that contrast with its words (none for a phrase too short to
    hold a stand-in): an answer with none of them holds no stand-in of it. Found once, when
    the question is compiled."""
    out = []
    for phrase in phrases:
        if len(phrase.slots) < _MIN_SLOTS:
            out.append(frozenset[str]())
            continue
        words = _words(phrase)
        out.append(frozenset(o for w in words for o in contrast_stems(w, extra)) - words)
    return tuple(out)


def _words(phrase: CompiledPhrase) -> frozenset[str]:
    return frozenset(t.stem for o in phrase.options for t in o.terms)


def stand_in(
    found: PhraseMatch | None, extra: Mapping[str, frozenset[str]], context: AnswerContext
) -> tuple[int, str] | None:
    """The contrast word that stands in the place of the one word a match lacks.

    The match lacks exactly one of its phrase's words; the others stand in one clause,
    none denied, and at least one of them is not a word of the question. In that clause,
    between the matched words or right beside them, stands a contrast of the missing word
    (its own or one of its synonyms'), not denied; and the sentence does not say the
    missing word itself (else it compares the two: "grow or shrink").

    Returns:
        The unit of the contrast word and the phrase's word it replaces, or None.
    """
    if found is None or found.complete or len(found.missing) != 1 or not found.positions:
        return None
    phrase = found.phrase
    if len(phrase.slots) < _MIN_SLOTS or found.missing[0] not in phrase.slots:
        return None
    units = context.analysis.units
    clauses = {context.clause_of(p) for p in found.positions}
    if len(clauses) != 1 or len({units[p].sentence for p in found.positions}) != 1:
        return None
    topical = phrase.topical or (False,) * len(phrase.slots)
    missing = phrase.slots.index(found.missing[0])
    if all(topical[i] for i in range(len(phrase.slots)) if i != missing):
        return None  # the question's own words, and a contrast: nothing of the candidate's
    own = slot_words(phrase).get(missing, set())
    words = _words(phrase)
    opposites: set[str] = set()
    for word in own:
        opposites |= contrast_stems(word, extra) - words
    if not opposites:
        return None
    sentence = units[found.positions[0]].sentence
    if any(u.stem in own for u in units if u.sentence == sentence):
        return None
    if _compared_from_the_other_side(found, context):
        return None
    clause = clauses.pop()
    first, last = min(found.positions), max(found.positions)
    for i in range(max(0, first - _REACH), min(len(units), last + _REACH + 1)):
        unit = units[i]
        if i in found.positions or context.clause_of(i) != clause or unit.negation >= 0:
            continue
        if unit.stem in opposites:
            return i, found.missing[0]
    return None


def _compared_from_the_other_side(found: PhraseMatch, context: AnswerContext) -> bool:
    """Whether a word the phrase compares with ("fewer parameters than *dense*") is not
    what the answer compares with ("*MLPs* have more parameters"): said from the other side,
    the contrast states the same comparison."""
    phrase = found.phrase
    words = phrase.text.lower().split()
    if "than" not in words:
        return False
    compared = {stem(w) for w in words[words.index("than") + 1 :]}
    slots = sum(1 << i for i, word in enumerate(phrase.slots) if stem(word.lower()) in compared)
    accepted = {t.stem for o in phrase.options if o.mask & slots for t in o.terms}
    units = context.analysis.units
    return any(
        units[p].stem in accepted and not compared_object(context.graded, units[p].start)
        for p in found.positions
    )


def denied_words(phrase: CompiledPhrase) -> frozenset[str]:
    """The stems of the one slot a phrase wants denied (:func:`denied_slot`), else none:
    an answer with none of them, affirmed, holds no such contradiction of it."""
    slot = denied_slot(phrase)
    return frozenset() if slot is None else frozenset(slot_words(phrase).get(slot, ()))


def denied_slot(phrase: CompiledPhrase) -> int | None:
    """The one slot a phrasing of three words or more wants denied ("units in the same
    layer are *not connected*"), or None."""
    if len(phrase.slots) < _MIN_SLOTS:
        return None
    denied = [
        slot
        for slot in range(len(phrase.slots))
        if (own := [o for o in phrase.options if o.mask == 1 << slot and o.source != "synonym"])
        and all(t.polarity in (1, 2) for o in own for t in o.terms)
    ]
    return denied[0] if len(denied) == 1 else None


def affirmed_in_place(found: PhraseMatch | None, context: AnswerContext) -> int | None:
    """The word a phrasing wants denied, said plainly where it would stand.

    "Units in the same layer are *not connected*" matched by "units are *connected* to
    others in the same layer": every word is there but the one the phrasing negates, and
    that word stands among the others, affirmed. The clause says the opposite, whether the
    match lacks the word or borrows it, denied, from another clause ("..., with no
    connections between the layers").

    Returns:
        The unit of the affirmed word, or None.
    """
    if found is None or not found.positions:
        return None
    phrase = found.phrase
    slot = denied_slot(phrase)
    if slot is None or (not found.complete and found.missing != (phrase.slots[slot],)):
        return None
    words = slot_words(phrase).get(slot, set())
    units = context.analysis.units
    rest = [p for p in found.positions if units[p].stem not in words]
    clauses = {context.clause_of(p) for p in rest}
    if not rest or len(clauses) != 1 or len({units[p].sentence for p in rest}) != 1:
        return None
    clause = clauses.pop()
    if found.complete and any(
        context.clause_of(p) == clause for p in found.positions if units[p].stem in words
    ):
        return None
    topical = phrase.topical or (False,) * len(phrase.slots)
    if all(topical[i] for i in range(len(phrase.slots)) if i != slot):
        return None
    in_clause = [i for i in range(len(units)) if context.clause_of(i) == clause]
    if any(units[i].stem in words and units[i].negation >= 0 for i in in_clause):
        return None  # said both ways: a comparison
    first, last = min(rest), max(rest)
    for i in range(max(0, first - _REACH), min(len(units), last + _REACH + 1)):
        unit = units[i]
        if i not in rest and context.clause_of(i) == clause and unit.stem in words:
            return i if unit.negation < 0 else None
    return None
