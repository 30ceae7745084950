"""Judging each rubric item against one answer: concepts credited, denied or contradicted,
and misconceptions stated.

A concept is *credited* when one of its phrasings matches confidently and is not denied;
*denied* when its words sit under a negation ("dropout is not used in training"); and
*contradicted* when the answer states one of its contrast variants instead
(:mod:`interviewer.grading.contradiction`). A denied or contradicted concept is a wrong
claim: :func:`wrong_claims` turns it into a :class:`MisconceptionHit` carrying the concept's
correction, which costs like a listed misconception (those are found by
:mod:`interviewer.grading.misconceptions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.contradiction import find_contradiction
from interviewer.grading.denials import (
    compared_referent,
    corrected_after,
    said_of_comparand,
    states_denial,
)
from interviewer.grading.flips import flipped_term
from interviewer.grading.result import ConceptMatch, MisconceptionHit
from interviewer.grading.reversals import (
    affirmed,
    credit,
    opposite,
    said_of_the_other_thing,
    stood_in,
    turned_round,
)
from interviewer.grading.roles import borrows_name, role_swap
from interviewer.text.contrast import contrast_stems
from interviewer.text.matcher import PhraseMatch
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

__all__ = [
    "judge_concept",
    "stated_wrongly",
    "wrong_claims",
]


def _best(
    item: CompiledItem, answer: AnswerContext, allow_negated: bool = False
) -> PhraseMatch | None:
    best: PhraseMatch | None = None
    for phrase in item.phrases:
        if best is not None and not answer.may_beat(phrase, best):
            continue  # cheap: most phrasings cannot beat the best one, and matching is the cost
        found = answer.denied(phrase) if allow_negated else answer.match(phrase)
        if found is None or (allow_negated and found.cue < 0):
            continue
        if best is None or (found.score, found.coverage) > (best.score, best.coverage):
            best = found
    return best


def _closest_note(item: CompiledItem, best: PhraseMatch | None) -> str:
    if best is not None and best.found:
        found = ", ".join(f"'{w}'" for w in best.found)
        missing = ", ".join(f"'{w}'" for w in best.missing)
        if missing:
            return f"closest: {found} found but not {missing} (from '{best.phrase.text}')"
        return f"partly matched '{best.phrase.text}' (confidence {best.score:.2f})"
    example = item.phrases[0].text if item.phrases else item.label
    return f"none of its phrasings (e.g. '{example}') appear in the answer"


def _contradicted(
    item: CompiledItem, answer: AnswerContext, credited_by: PhraseMatch | None
) -> ConceptMatch | None:
    """The concept as contradicted, when a contrast variant is stated (and not outweighed)."""
    found = find_contradiction(item.contrasts, answer)
    if found is None:
        return None
    original = next(o for v, o in item.contrasts if v is found.phrase)
    if said_of_the_other_thing(item, original, found, answer):
        return None  # the opposite, said of the other thing compared: the same claim
    units = answer.analysis.units
    sentence = units[found.positions[0]].sentence
    if credited_by is not None and all(
        units[p].sentence != sentence for p in credited_by.positions
    ):
        return None  # said right in one sentence, its opposite elsewhere: the right one stands
    note = f"contradicted: the answer states the opposite ('{found.phrase.text}')"
    return opposite(item, answer, found, "contrast", note)


def _said_of_the_other(item: CompiledItem, answer: AnswerContext) -> ConceptMatch | None:
    """The concept said of another of the things the question compares: a swap of roles
    (:func:`interviewer.grading.roles.role_swap`)."""
    swap = role_swap(item.phrases, item.sides, item.about, answer, item.implied)
    if swap is None:
        return None
    found, said_of = swap
    named = frozenset().union(*item.sides)
    if _reversed_beside(found, item.words - named, named, answer) or _order_reversed(found, answer):
        # "deep models are *harder* to explain", "backpropagation ... from the output back
        # to the input": said of the other thing, and reversed, it says the concept again
        return None
    note = f"said of '{said_of}', another of the things compared: the roles are swapped"
    return opposite(item, answer, found, "swapped", note)


def _flipped(item: CompiledItem, answer: AnswerContext, found: PhraseMatch) -> ConceptMatch | None:
    """The concept as contradicted when its clause states a contrast word in its place."""
    flip = flipped_term(found, item.opposites, answer, item.words, item.pairs)
    if flip is None:
        return None
    position, own = flip
    if said_of_the_other_thing(item, found.phrase, found, answer):
        return None  # "classic ML ... needs less data": reversed twice, the same claim
    if _states_other_phrasing(item, answer, found, position):
        return None  # "gradients explode" is "exploding gradients", as good as "vanishing"
    said = answer.analysis.units[position]
    note = f"contradicted: '{answer.text[said.start : said.end]}' where the concept says '{own}'"
    return opposite(
        item, answer, replace(found, positions=(*found.positions, position)), "contrast", note
    )


def _states_other_phrasing(
    item: CompiledItem, answer: AnswerContext, found: PhraseMatch, position: int
) -> bool:
    """Whether the flipped word at ``position`` is part of a full match of another of the
    concept's phrasings on the same words as ``found``: a concept stated both ways
    ("activations and gradients explode or vanish") is not reversed by its other side
    ("the gradients explode" for "vanishing gradients" matched on "gradients"); a phrasing
    that names both sides is a comparison, not a side."""
    flipped = contrast_stems(answer.analysis.units[position].stem)
    for phrase in item.phrases:
        other = answer.match(phrase)
        if (
            other is not None
            and other.complete
            and position in other.positions
            and set(other.positions) & set(found.positions)
            # one side only: "training mode vs evaluation mode" names both
            and not flipped & {t.stem for o in phrase.options for t in o.terms}
        ):
            return True
    return False


def _redirected(
    item: CompiledItem, answer: AnswerContext, found: PhraseMatch
) -> ConceptMatch | None:
    """The concept as contradicted when the answer runs its direction the other way."""
    turned = _direction_reversed(found, answer)
    if turned is None or said_of_the_other_thing(item, found.phrase, found, answer):
        return None
    note = f"contradicted: from '{turned[0]}' to '{turned[1]}', the other way round"
    return opposite(item, answer, found, "contrast", note)


_DIRECTED = re.compile(r"\b(?:to|toward|towards|into|back)\b")


def _reversed_pairs(
    found: PhraseMatch, answer: AnswerContext
) -> Iterator[tuple[int, int, int, int]]:
    """Two words of the phrase that contrast with each other ("input ... output"), standing
    in one clause of the answer in the other order ("from the output back to the input"):
    their indices in the phrase's words and the answer units of the second and the first."""
    units = answer.analysis.units
    at: dict[str, int] = {}
    for p in found.positions:
        at.setdefault(units[p].stem, p)
    order = [stem(w) for w in found.phrase.text.lower().split()]
    for i, first in enumerate(order):
        if first not in at:
            continue
        for j in range(i + 1, len(order)):
            second = order[j]
            if second not in at or second not in contrast_stems(first):
                continue
            early, late = at[second], at[first]
            if late > early and answer.clause_of(late) == answer.clause_of(early):
                yield i, j, early, late


def _direction_reversed(found: PhraseMatch, answer: AnswerContext) -> tuple[str, str] | None:
    """The two words of a directed phrase ("input *to* output") that the answer, in one
    clause, directs the other way ("from the output back *to* the input"), or None."""
    units = answer.analysis.units
    words = found.phrase.text.lower().split()
    for i, j, early, late in _reversed_pairs(found, answer):
        if not _DIRECTED.search(" ".join(words[i + 1 : j])):
            continue  # "input and output" directs nothing
        if _DIRECTED.search(answer.graded[units[early].end : units[late].start].lower()):
            return units[early].norm, units[late].norm
    return None


def _order_reversed(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether two words of the phrase that contrast with each other ("input ... output")
    stand in one clause of the answer in the other order ("from the output back to the
    input")."""
    return next(_reversed_pairs(found, answer), None) is not None


def _reversed_beside(
    found: PhraseMatch, words: frozenset[str], names: frozenset[str], answer: AnswerContext
) -> bool:
    """Whether a contrast of one of the concept's words stands right beside the match, in
    its clause: the claim is turned around as well as said of the other thing, which
    says the concept again ("classical ML is easier to interpret" as "deep models are
    harder to explain"). The names of the things compared (``names``) are no contrast."""
    units = answer.analysis.units
    clauses = {answer.clause_of(p) for p in found.positions}
    for p in found.positions:
        for q in range(max(0, p - 2), min(len(units), p + 3)):
            if q in found.positions or answer.clause_of(q) not in clauses:
                continue
            unit = units[q]
            if unit.negation >= 0 or unit.stem in words or unit.stem in names:
                continue
            if contrast_stems(unit.stem) & words:
                return True
    return False


def judge_concept(item: CompiledItem, answer: AnswerContext) -> ConceptMatch:
    """How one concept fares: credited, denied, contradicted or missed (with a note why)."""
    threshold = answer.settings.credit_threshold
    best = _best(item, answer)
    # the denied reading only matters when the affirmed one is not a full match
    units = answer.analysis.units
    # a match that borrows a word from another sentence is weaker than a denial in one
    borrowed = best is not None and borrows_name(best, answer)
    settled = best is not None and best.complete and best.score >= threshold and not borrowed
    negated = None if settled else _best(item, answer, allow_negated=True)
    # "sigmoid and tanh don't saturate": the words found unnegated are only the
    # subject; counting the denied words makes the match fuller, so it is denied
    denied = (
        negated is not None
        and negated.score >= threshold
        and negated.complete
        and (
            best is None
            or (borrowed and len({units[p].sentence for p in negated.positions}) == 1)
            or (
                not best.complete
                and best.phrase is negated.phrase
                and negated.coverage > best.coverage
            )
        )
    )
    if (
        negated is not None
        and negated.score >= threshold
        and (
            compared_referent(negated, answer)
            or corrected_after(negated, answer)
            or said_of_comparand(item.comparand, negated, answer)
        )
    ):
        # "ReLU doesn't cause vanishing gradients like sigmoid" asserts it of sigmoid;
        # "it isn't separate from X - it's a subset of X" asserts it after the denial
        best, denied = negated, False
    credited = best is not None and best.score >= threshold and not denied
    contradicted = _contradicted(item, answer, best if credited else None)
    if contradicted is None and credited and best is not None:
        contradicted = _said_of_the_other(item, answer)
    if contradicted is None and credited and best is not None:
        contradicted = _flipped(item, answer, best)
    if contradicted is None and credited and best is not None:
        contradicted = _redirected(item, answer, best)
    if contradicted is None and credited and best is not None:
        contradicted = affirmed(item, answer)
    if contradicted is None and not denied:
        contradicted = turned_round(item, answer)
    if contradicted is not None:
        return contradicted
    if credited and best is not None:
        return credit(item, answer, best, "" if best.complete else _closest_note(item, best))
    if negated is not None and negated.score >= threshold:
        cue = answer.analysis.cues[negated.cue]
        stated = states_denial(negated, cue, answer)
        return ConceptMatch(
            concept_id=item.id,
            label=item.label,
            weight=item.weight,
            credited=False,
            confidence=0.0,
            phrasing=negated.phrase.text,
            method=negated.method,
            spans=answer.spans(negated.positions),
            negated=True,
            wrong_claim=stated,
            note=f"negated by '{cue.text}': the answer denies it",
        )
    return stood_in(item, answer) or _missed(item, answer, best)


def _missed(item: CompiledItem, answer: AnswerContext, best: PhraseMatch | None) -> ConceptMatch:
    score = best.score if best is not None else 0.0
    return ConceptMatch(
        concept_id=item.id,
        label=item.label,
        weight=item.weight,
        credited=False,
        confidence=round(score, 3),
        phrasing=best.phrase.text if best is not None and best.found else None,
        method="partial" if score > 0 else "none",
        spans=answer.spans(best.positions) if best is not None and score > 0 else (),
        note=_closest_note(item, best),
    )


def _overlaps(a: MisconceptionHit | ConceptMatch, b: MisconceptionHit) -> bool:
    return any(x.start < y.end and y.start < x.end for x in a.spans for y in b.spans)


def stated_wrongly(
    concepts: tuple[ConceptMatch, ...], listed: tuple[MisconceptionHit, ...]
) -> tuple[ConceptMatch, ...]:
    """Concepts uncredited when the words that earned them mostly state a listed
    misconception: "Sobel approximates the *second derivative* of the image" names the
    gradient concept's words, but as the wrong claim, and earns nothing for it."""
    out = []
    for concept in concepts:
        hit = next((h for h in listed if _mostly_within(concept, h)), None)
        if concept.credited and hit is not None:
            concept = replace(
                concept,
                credited=False,
                confidence=0.0,
                note=f"its words state a wrong claim instead: {hit.claim}",
            )
        out.append(concept)
    return tuple(out)


def _mostly_within(concept: ConceptMatch, hit: MisconceptionHit) -> bool:
    """Whether most content words quoted for ``concept`` lie in ``hit``'s quotes."""
    words = [
        (span.start + w.start(), span.start + w.end())
        for span in concept.spans
        for w in _WORD.finditer(span.text)
        if w.group().lower() not in STOP_WORDS
    ]
    inside = sum(any(h.start <= a and b <= h.end for h in hit.spans) for a, b in words)
    return bool(words) and 2 * inside > len(words)


_WORD = re.compile(r"\w+")


def wrong_claims(
    concepts: tuple[ConceptMatch, ...],
    items: tuple[CompiledItem, ...],
    listed: tuple[MisconceptionHit, ...],
    penalty: float,
) -> tuple[MisconceptionHit, ...]:
    """Denied and contradicted concepts as wrong claims, after the listed misconceptions.

    A concept whose denial or contradiction lies on the words of a listed misconception is
    not counted twice: the listed one, with its own correction, stands, costing no less
    than the denial would (finding the listed claim must not raise the grade).
    """
    out = list(listed)
    for concept, item in zip(concepts, items, strict=True):
        if not concept.wrong_claim or not concept.spans:
            continue
        if on := [k for k, hit in enumerate(out) if _overlaps(concept, hit)]:
            out[on[0]] = replace(out[on[0]], penalty=max(out[on[0]].penalty, penalty))
            continue
        how = "contradicts" if concept.contradicted else "denies"
        out.append(
            MisconceptionHit(
                misconception_id=f"{how}:{concept.concept_id}",
                claim=f"{'the opposite of' if concept.contradicted else 'not'}: {concept.label}",
                correction=item.message,
                phrasing=concept.phrasing or "",
                penalty=penalty,
                spans=concept.spans,
            )
        )
    return tuple(out)
