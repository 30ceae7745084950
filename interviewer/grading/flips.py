"""Flipped terms: a concept's clause that states a contrast word in place of its own.

"Dropout randomly switches off neurons *during inference*" credits the zeroing concept
by a loose match, but its clause says "inference" where the concept says "training": the
match states the opposite. The contrast variants of
:mod:`interviewer.grading.contradiction` need the variant's words in order; this reads
the clause the match stands in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from interviewer.grading.context import AnswerContext
from interviewer.grading.contradiction import LEXICON_WORDS, PAIRED, slot_words
from interviewer.text.contrast import contrast_stems, flip_stems
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.stem import stem

__all__ = ["flipped_term"]


def _phrase_flips(
    phrase: CompiledPhrase,
    extra: Mapping[str, frozenset[str]],
    also: frozenset[str] = frozenset(),
    contrasts: Callable[[str, Mapping[str, frozenset[str]]], frozenset[str]] = flip_stems,
) -> dict[str, frozenset[str]]:
    """Contrast stem -> the phrase's own stems it reverses (a contrast the phrase itself
    uses is none: "max pooling keeps the largest value, average pooling the mean").
    ``also``: more words the concept is stated with, whose contrasts count the same way;
    ``contrasts``: the lexicon's unambiguous rows (:func:`flip_stems`), or every row
    (:func:`contrast_stems`, for a word said of the match: "*linear* activation")."""
    words = frozenset(t.stem for o in phrase.options for t in o.terms) | also
    out: dict[str, set[str]] = {}
    for own in words:
        for other in contrasts(own, extra) - words:
            out.setdefault(other, set()).add(own)
    return {other: frozenset(owns) for other, owns in out.items()}


def flipped_term(
    found: PhraseMatch,
    extra: Mapping[str, frozenset[str]],
    context: AnswerContext,
    concept_words: frozenset[str] = frozenset(),
    concept_pairs: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[int, str] | None:
    """A contrast word stated in the clause that credits a concept, in place of its own word.

    "Dropout randomly switches off neurons *during inference*": the match credits the
    zeroing concept, but in its clause stands "inference", the contrast of "training", a word
    the concept is stated with, while "training" itself is not there. The phrasing matched
    without the swapped word (matching is loose), so the variants of
    :func:`find_contradiction` miss it; the clause says the opposite all the same.

    A contrast word the concept itself uses ("train-only: switched off at test time") is
    no flip, nor one under a negation ("not at inference"), nor one beside its own
    counterpart ("training, unlike inference"). The lexicon's contextual opposites
    (more/fewer, same/different, small/huge) reverse only right beside the matched words,
    as the lexicon writes them, and when the sentence says neither side otherwise: "each
    step uses a *different* weight matrix" for "the same weight matrix every step".

    The concept's other words (``concept_words``: its label, its other phrasings) reverse
    only inside a match in one clause: "switches off neurons *during inference* with p"
    flips the label's "on each training pass"; "... with probability p, and it is off at
    inference" does not. Said of the match, as its predicate ("the activation functions
    *are linear*") or as the modifier its label puts before the same word
    (``concept_pairs``: "*linear* activation functions" for "non-linear activation
    functions"), the lexicon's contextual opposites reverse it too.

    Returns:
        The unit of the flipped word and the concept word it replaces, or None.
    """
    units = context.analysis.units
    if not found.positions:
        return None
    matched = _claiming_clauses(found, context)
    sentence = {units[p].sentence for p in found.positions}
    fronted = _fronted(context, matched, sentence)
    matched |= fronted
    clause = [
        i for i, u in enumerate(units) if u.sentence in sentence and context.clause_of(i) in matched
    ]
    flips = _phrase_flips(found.phrase, extra)
    inside = _phrase_flips(found.phrase, extra, concept_words) if concept_words else {}
    first, last = min(found.positions), max(found.positions)
    # contextual opposites (more/fewer, input/output, small/large) reverse only beside
    # the concept's own words: "much *fewer* data" for "more data"
    beside = _phrase_contrasts(found.phrase, extra)
    # the word reversed is one the sentence lacks
    said = {u.stem for u in units if u.sentence in sentence}
    # outside a match in one clause, in none of its slot's words either: "*average* pooling
    # takes the mean and max pooling keeps the largest value" lacks the synonym "biggest",
    # but says the slot; inside it, "max pooling *averages* the values in the window"
    # still flips, as does a match spread over clauses ("during *training* it's switched
    # off ..., and at evaluation ...")
    widened = set(said)
    if len({context.clause_of(p) for p in found.positions}) == 1:
        for stems in slot_words(found.phrase).values():
            if stems & said:
                widened |= stems
    for i in clause:
        unit = units[i]
        if i in found.positions or unit.negation >= 0 or _paired(context, i, extra):
            continue
        if i > last and _RELATIVE.search(context.graded[units[last].end : unit.start]):
            continue  # "running averages *that you kept during training*" describes them
        lacked = said if first < i < last else widened
        for own in sorted(flips.get(unit.stem, ())):
            if own not in lacked and not _converse(context, i, found.phrase.text, own):
                return i, own
        if (first < i < last and len(matched) == 1) or context.clause_of(i) in fronted:
            for own in sorted(inside.get(unit.stem, ())):
                if own not in said and not _converse(context, i, found.phrase.text, own):
                    return i, own
        predicate = len(matched) == 1 and _predicate_of(context, last, i)
        modifier = i == first - 1 and context.graded[unit.end : units[first].start] in (" ", "-")
        if predicate or modifier:
            said_as = _phrase_flips(found.phrase, extra, concept_words, contrast_stems)
            in_clause = {units[j].stem for j in clause}
            for own in sorted(said_as.get(unit.stem, ())):
                # its predicate, in a clause without the word reversed; or its modifier,
                # where the label has its own word before the same one: "*linear*
                # activation functions" for "non-linear activation functions"
                if predicate and own not in in_clause:
                    return i, own
                if modifier and (own, units[first].stem) in concept_pairs and own not in said:
                    return i, own
        slot = beside.get(unit.stem, frozenset())
        if (
            slot
            and not (slot | contrast_stems(unit.stem, extra)) & said  # both sides: a comparison
            and unit.norm in LEXICON_WORDS  # as written there: "the fix is" is not "fixed"
            and any(abs(i - p) == 1 for p in found.positions)
            and not _converse(context, i, found.phrase.text, min(slot))
        ):
            return i, min(slot)
    return None


def _claiming_clauses(found: PhraseMatch, context: AnswerContext) -> set[int]:
    """The clauses of a match that hold more of it than a relation word: "*During*
    training units are dropped; at evaluation ... dropout is disabled" lends "during" from
    the first clause to "dropout disabled during testing", which says nothing there."""
    units = context.analysis.units
    by_clause: dict[int, set[str]] = {}
    for p in found.positions:
        by_clause.setdefault(context.clause_of(p), set()).add(units[p].norm)
    claiming = {c for c, words in by_clause.items() if not words <= _RELATIONS}
    return claiming or set(by_clause)


_RELATIONS = frozenset(("during", "at", "in", "on", "when", "while", "before", "after"))


# A relative clause after the match describes one of its words, it does not reverse it.
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b", re.IGNORECASE)
_FRONTED_WORDS = 3  # "At test time, ...", "While training, ...": a short opening phrase


def _fronted(context: AnswerContext, clauses: set[int], sentences: set[int]) -> set[int]:
    """The short phrases that open a sentence before a comma ("*At inference*, every pass
    zeroes ..."): they say where or when the clause after them holds, so they belong to it."""
    units = context.analysis.units
    by_clause: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        if unit.sentence in sentences:
            by_clause.setdefault(context.clause_of(i), []).append(i)
    out = set()
    for clause in clauses:
        opening = by_clause.get(clause - 1, [])
        first = opening[0] if opening else -1
        if (
            opening
            and len(opening) <= _FRONTED_WORDS
            and (first == 0 or units[first - 1].sentence != units[first].sentence)
        ):
            start = context.clause_start(units[first].start)
            lead = context.graded[start : units[first].start].lower().split()
            after = context.graded[units[opening[-1]].end :].lstrip()
            if lead and lead[0] in _FRONTING and after.startswith(","):
                out.add(clause - 1)
    return out


_FRONTING = frozenset(
    ("at", "during", "while", "in", "on", "when", "whenever", "after", "before", "once")
)


_COPULA = frozenset(
    ("is", "are", "was", "were", "be", "been", "being", "remain", "remains", "stay", "stays")
)
_HEDGES = frozenset(("just", "only", "purely", "simply", "always", "completely", "fully"))


def _paired(context: AnswerContext, at: int, extra: Mapping[str, frozenset[str]]) -> bool:
    """Whether the word at ``at`` is listed with one of its own contrasts ("max or
    average", "training/inference"): both sides named in one breath, neither claimed
    against the other."""
    units = context.analysis.units
    others = contrast_stems(units[at].stem, extra)
    for near in (at - 1, at + 1):
        if 0 <= near < len(units) and units[near].stem in others:
            left, right = sorted((at, near))
            if PAIRED.fullmatch(context.graded[units[left].end : units[right].start].lower()):
                return True
    return False


def _predicate_of(context: AnswerContext, last: int, at: int) -> bool:
    """Whether the unit ``at`` is said of the match ending at ``last`` as its predicate:
    the next content word, after a copula and nothing else ("the activation functions
    *are linear*")."""
    if at != last + 1:
        return False
    units = context.analysis.units
    between = context.graded[units[last].end : units[at].start].lower().split()
    return (
        bool(between)
        and between[0] in _COPULA
        and all(w in _COPULA or w in _HEDGES for w in between)
    )


_CONVERSE = {"from": "to", "to": "from", "into": "from"}


def _converse(context: AnswerContext, at: int, phrase_text: str, own: str) -> bool:
    """Whether the contrast word says the same thing seen from the other end: "passing
    *to the next* step" for "*from the previous* step", "from the output to ..." for
    "... to the input". The word before each (past a determiner) is from/to, one each."""
    unit = context.analysis.units[at]
    before = [w for w in context.graded[: unit.start].lower().split()[-3:] if w not in _ARTICLES]
    if not before or before[-1] not in _CONVERSE:
        return False
    reversed_ = {own} | contrast_stems(unit.stem) | flip_stems(unit.stem)
    words = [w for w in phrase_text.lower().split() if w not in _ARTICLES]
    return any(
        stem(word) in reversed_ and index > 0 and words[index - 1] == _CONVERSE[before[-1]]
        for index, word in enumerate(words)
    )


_ARTICLES = frozenset(("a", "an", "the", "one", "its", "their"))


def _phrase_contrasts(
    phrase: CompiledPhrase, extra: Mapping[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """Contrast stem -> every word one slot of the phrase accepts (its own and its one-word
    synonyms), for the slots whose words have contrasts in the whole lexicon."""
    words = frozenset(t.stem for o in phrase.options for t in o.terms)
    out: dict[str, set[str]] = {}
    for stems in slot_words(phrase).values():
        for word in stems:
            # a contrast the phrase itself uses is none ("adds the input to the output")
            for other in contrast_stems(word, extra) - words:
                out.setdefault(other, set()).update(stems)
    return {other: frozenset(slot) for other, slot in out.items()}
