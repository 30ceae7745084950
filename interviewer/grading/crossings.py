"""Crossed pairings: an answer that says each of two things' claims of the other.

"ReLU is the one that saturates ...; sigmoid ... is the standard choice for deep hidden
layers" says the saturation concept (about sigmoid) of ReLU and the hidden-layer concept
(about ReLU) of sigmoid: the two things trade places. The question declares no things
compared (``compares``), so whom a claim is about is read off its phrasing: the thing a
phrasing opens with ("*relu* for hidden layers", "*sigmoid and tanh* saturate"), or, for
a phrasing that names none, the thing its concept's label opens with ("*Convolutional*
layers apply learnable filters" for "kernels extract features"), or a thing it names at
its head or after "for"/"in"/"at" ("softmax *output* layer", see :mod:`.readings`).

One claim said of another thing is no proof: "a CNN has convolutional, pooling and dense
layers" lists things, and a claim may be said loosely near another's name. Only the
exchange, each claim said of the other's thing in its own place, and neither's own thing
named there, is reported: both concepts are contradicted, quoted where each is said of
the wrong thing. A thing is a name that names a thing in at least two of the question's
concept texts (:func:`~interviewer.grading.readings.recurring_names`), and a claim is
said of it where it opens the answer's clause (or the nearest clause before, in the sentence, unless
the claim's own clause opens with "for"/"in"/"at"/"on" and so names its own topic: "for
images a CNN or a vision transformer, for time series a 1D convolution"), or where it
frames the claim, as the thing the claim is put in or given to ("softmax in the *hidden*
layers", "*hidden* layers with softmax"), its own thing not named in between. A
clause that opens with "it" or "they" and names no thing is about the thing the clause
right before it opens with, across a sentence break too: "The convolutional layer has no
weights; it simply downsamples" says pooling's claim of the convolutional layer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.readings import Reading
from interviewer.grading.result import ConceptMatch
from interviewer.grading.reversals import opposite
from interviewer.grading.roles import borrows_name, subject_of
from interviewer.text.matcher import PhraseMatch

__all__ = ["crossed"]


def _said_of(
    reading: Reading,
    other: frozenset[str],
    answer: AnswerContext,
    matched: dict[int, PhraseMatch | None],
) -> tuple[PhraseMatch, int] | None:
    """Where the answer says ``reading``'s claim of the thing named ``other`` (a thing of
    another concept), its own thing not named in the clauses between: the match and the
    unit naming the other thing, or None."""
    key = id(reading)
    if key not in matched:
        found = answer.match(reading.rest)
        complete = found is not None and found.complete and not borrows_name(found, answer)
        matched[key] = (
            found
            if complete and found is not None and found.score >= answer.settings.credit_threshold
            else None
        )
    found = matched[key]
    if found is None:
        return None
    at = _subject(reading, other, answer, found)
    if at is None:
        at = _framed(answer, found, other)
        units = answer.analysis.units
        if at is None:
            return None
        span = range(min(at, *found.positions), max(at, *found.positions) + 1)
        if any(units[i].stem in reading.names for i in span):
            return None
    return found, at


def _subject(
    reading: Reading, other: frozenset[str], answer: AnswerContext, found: PhraseMatch
) -> int | None:
    """The unit naming the thing of ``other`` that opens the clause the match is said in
    (or the clause before, or the one "it" refers to), its own thing not named in the
    clauses between, or None."""
    at = subject_of(answer, found, reading.names | other)
    if at is None:
        at = _referent(answer, found)
    units = answer.analysis.units
    if at is None or units[at].stem not in other or not _opens_clause(at, answer):
        return None
    if any(
        _own_topic(answer, p) for p in found.positions if answer.clause_of(p) > answer.clause_of(at)
    ):
        return None  # "for images a CNN, for text a transformer, for time series a 1D conv"
    first = min(at, *found.positions)
    last = max(at, *found.positions)
    clauses = range(answer.clause_of(first), answer.clause_of(last) + 1)
    if any(u.stem in reading.names and answer.clause_of(i) in clauses for i, u in enumerate(units)):
        return None  # its own thing is named there too: a comparison, no swap
    return at


# Between matched words and the thing they are put in: "relu *in the* hidden layers",
# "relu *on the 10-unit* output layer" (one word may stand between).
_PUT_IN = re.compile(
    r"\s+(?:in|on|at|for|to)\s+(?:(?:the|a|an|each|every|all|its|their|both)\s+)?(?:[\w-]+\s+)?",
    re.IGNORECASE,
)
# Between a thing and the matched words it is given: "hidden *layers with* softmax".
_GIVEN = re.compile(r"(?:[\s-]+[\w']+)?\s+with\s+(?:(?:a|an|the)\s+)?", re.IGNORECASE)


def _framed(answer: AnswerContext, found: PhraseMatch, other: frozenset[str]) -> int | None:
    """The unit naming a thing of ``other`` that frames matched words standing together
    in one clause: the thing they are put in, right after them ("softmax *in the hidden*
    layers", "ReLU on the 10-unit *output* layer"), or the thing given them, right before
    ("*hidden* layers with softmax"); or None."""
    units = answer.analysis.units
    text = answer.graded
    first, last = min(found.positions), max(found.positions)
    if answer.clause_of(first) != answer.clause_of(last):
        return None
    for j in range(last + 1, min(last + 4, len(units))):
        if units[j].stem in other and _PUT_IN.fullmatch(text, units[last].end, units[j].start):
            return j
    for j in range(max(0, first - 2), first):
        if units[j].stem in other and _GIVEN.fullmatch(text, units[j].end, units[first].start):
            return j
    return None


# A clause opening with one of these says its words of what the clause before is about.
_PRONOUN = re.compile(r"\s*(?:(?:and|so|then)\s+)?(?:it|they|this|these)\b", re.IGNORECASE)


# A clause opening with one of these names its own topic: "..., *for* time series an LSTM".
_TOPIC = re.compile(r"\s*(?:(?:and|but|or|then)\s+)?(?:for|in|at|on)\b", re.IGNORECASE)


def _own_topic(answer: AnswerContext, unit: int) -> bool:
    """Whether the unit stands in a clause that opens with "for", "in", "at" or "on": its
    words are said of what that clause names, not of a thing of the clause before."""
    start = answer.clause_start(answer.analysis.units[unit].start)
    return _TOPIC.match(answer.graded, start) is not None


def _referent(answer: AnswerContext, found: PhraseMatch) -> int | None:
    """The first word of the clause before, when the matched words stand in one clause
    that opens with "it", "they", "this" or "these" (the caller found no thing named
    before them in their sentence): "The convolutional layer has no weights; *it* simply
    downsamples" says "downsamples" of the convolutional layer, across the semicolon.
    Whether that word names a thing, the caller checks."""
    units = answer.analysis.units
    first = min(found.positions)
    clause = answer.clause_of(first)
    if clause == 0 or any(answer.clause_of(p) != clause for p in found.positions):
        return None
    if not _PRONOUN.match(answer.graded, answer.clause_start(units[first].start)):
        return None
    before = [i for i in range(first) if answer.clause_of(i) == clause - 1]
    return before[0] if before else None


def _opens_clause(at: int, answer: AnswerContext) -> bool:
    """Whether the unit is the first content word of its clause: the thing the clause is
    about ("*RNNs* are meant for images"), not one it mentions ("trained on *ImageNet*")."""
    return at == 0 or answer.clause_of(at - 1) != answer.clause_of(at)


def crossed(
    items: Sequence[CompiledItem], concepts: tuple[ConceptMatch, ...], answer: AnswerContext
) -> tuple[ConceptMatch, ...]:
    """The concepts whose claims the answer exchanges between two things, contradicted.

    Two concepts, each with a reading about a different thing (:mod:`.readings`), whose
    names the other concept never uses: the answer says the first's claim of the second's
    thing and the second's of the first's, in different places. Concepts already
    contradicted stay as they are (one said of another thing compared may still be one
    half of the exchange).
    """
    units = answer.analysis.units
    # a thing a claim is said of opens a clause, or frames the claim (:func:`_framed`)
    named = {u.stem for u in units}
    # a concept said of another thing compared (:func:`.roles.role_swap`) may still be one
    # half of an exchange: the other half is then the claim it traded places with
    live = [
        ()
        if c.contradicted and c.method != "swapped"
        else tuple(r for r in item.readings if r.names & named)
        for item, c in zip(items, concepts, strict=True)
    ]
    if sum(1 for readings in live if readings) < 2:
        return concepts
    out = list(concepts)
    matched: dict[int, PhraseMatch | None] = {}
    said: _Said = {}
    for i, one in enumerate(items):
        for j in range(i + 1, len(items)):
            if not live[i] or not live[j] or (out[i].contradicted and out[j].contradicted):
                continue
            swap = _exchange((one, live[i]), (items[j], live[j]), answer, matched, said)
            if swap is not None:
                (a, a_of), (b, b_of) = swap
                out[i] = out[i] if out[i].contradicted else _swapped(one, a, a_of, answer)
                out[j] = out[j] if out[j].contradicted else _swapped(items[j], b, b_of, answer)
    return tuple(out)


_Side = tuple[CompiledItem, tuple[Reading, ...]]


_Said = dict[tuple[int, frozenset[str]], tuple[PhraseMatch, int] | None]


def _exchange(
    one: _Side,
    two: _Side,
    answer: AnswerContext,
    matched: dict[int, PhraseMatch | None],
    said: _Said,
) -> tuple[tuple[PhraseMatch, int], tuple[PhraseMatch, int]] | None:
    """The two matches by which ``one``'s claim is said of ``two``'s thing and ``two``'s
    of ``one``'s, or None (``matched``: each reading's match, found once; ``said``: where
    each reading is said of each thing, found once, by the compiled reading, which lives
    as long as the question)."""

    def said_of(reading: Reading, other: frozenset[str]) -> tuple[PhraseMatch, int] | None:
        key = (id(reading), other)
        if key not in said:
            said[key] = _said_of(reading, other, answer, matched)
        return said[key]

    for first in one[1]:
        if first.names & two[0].words:
            continue
        for second in two[1]:
            if second.names & one[0].words or second.names & first.names:
                continue
            there = said_of(first, second.names)
            if there is None:
                continue
            back = said_of(second, first.names)
            if (
                back is not None
                and back[1] != there[1]
                and not set(there[0].positions) & set(back[0].positions)
            ):
                return there, back
    return None


def _swapped(
    item: CompiledItem, found: PhraseMatch, of: int, answer: AnswerContext
) -> ConceptMatch:
    """The concept contradicted by ``found``, said of the thing named at unit ``of``."""
    unit = answer.analysis.units[of]
    name = answer.text[unit.start : unit.end]
    note = f"said of '{name}', and {name}'s own claim of this one: the two swap roles"
    shown = replace(found, positions=tuple(sorted({*found.positions, of})))
    return opposite(item, answer, shown, "swapped", note)
