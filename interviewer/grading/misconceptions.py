"""Finding the listed misconceptions in one answer: wrong claims stated in order, said of
a pronoun that stands for their subject, or said in another order within one clause.

Concepts are judged first (:mod:`interviewer.grading.concepts`): words that earned a concept
are a right claim, and the loose reading never takes them for a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.grading.antecedents import said_of_antecedent
from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import CLAUSE_BREAK, AnswerContext
from interviewer.grading.result import MisconceptionHit
from interviewer.grading.roles import compared_object
from interviewer.text.claims import claim_blocked
from interviewer.text.contrast import contrast_stems
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.stem import stem

__all__ = ["find_misconception"]


def find_misconception(
    item: CompiledItem,
    answer: AnswerContext,
    subjects: frozenset[str] = frozenset(),
    things: frozenset[str] = frozenset(),
) -> MisconceptionHit | None:
    """A listed wrong claim, when stated: its words in order, not turned around,
    reported or refuted; or said of a pronoun that stands for its subject (``subjects``:
    the things the question's misconceptions are about, see :func:`_said_of_it`), or of one
    whose antecedent, one of the question's ``things``, is its subject named just before
    (:mod:`interviewer.grading.antecedents`); or all
    its words in one clause in another order (led by its subject when it has two), where
    no concept was earned (:func:`_loosely_stated`)."""
    threshold = answer.settings.misconception_threshold
    stated = [
        found
        for phrase in item.phrases
        if _heard_share(phrase, answer) >= threshold  # cheap: most claims lack words
        and (found := answer.claim(phrase)) is not None
        and claim_blocked(found, answer.analysis, answer.graded) is None
    ]
    best = max(stated, key=lambda m: m.score, default=None)
    if best is None or best.score < threshold:
        best = _said_of_it(item, answer, subjects)
    if best is None or best.score < threshold:
        best = said_of_antecedent(item.referred, answer, things)
    if best is None or best.score < threshold:
        best = _loosely_stated(item, answer)
    if best is None or best.score < threshold:
        return None
    return MisconceptionHit(
        misconception_id=item.id,
        claim=item.label,
        correction=item.message,
        phrasing=best.phrase.text,
        penalty=item.penalty,
        spans=answer.spans(best.positions),
    )


# "it can", "they just", "its own", "they've basically": a pronoun (or its contraction) a word
# or two before a claim is its subject.
_PRONOUN_BEFORE = re.compile(
    r"\b(?:it|its|they|their|this|these|it['’](?:s|ll|d)|they['’](?:re|ve|ll|d))\s+"
    r"(?:[a-z'’]+\s+){0,2}$"
)


def _said_of_it(
    item: CompiledItem, answer: AnswerContext, subjects: frozenset[str]
) -> PhraseMatch | None:
    """A claim about the question's own subject stated of a pronoun.

    "If you train it long enough it can learn any function" states "a perceptron can learn
    any function": the rest of the phrasing is stated as a claim right after "it", and the
    last of the things the question's misconceptions are about that the answer named
    before is that subject (or none is named). "GPT-2 ... it could generate text" is not
    said of BERT.
    """
    units = answer.analysis.units
    best: PhraseMatch | None = None
    for phrase, rest in zip(item.phrases, item.elided, strict=True):
        if rest is None or _heard_share(rest, answer) < answer.settings.misconception_threshold:
            continue
        found = answer.claim(rest, openers=False)
        if found is None or claim_blocked(found, answer.analysis, answer.graded) is not None:
            continue
        start = units[found.positions[0]].start
        if not _PRONOUN_BEFORE.search(answer.graded[max(0, start - 30) : start].lower()):
            continue
        named = [u.stem for u in units[: found.positions[0]] if u.stem in subjects]
        if named and named[-1] != stem(phrase.slots[0].lower()):
            continue
        if best is None or found.score > best.score:
            best = replace(found, phrase=phrase)
    return best


_ANY_ORDER_SLOTS = 3  # a claim of fewer words must be led by its first


def _loosely_stated(item: CompiledItem, answer: AnswerContext) -> PhraseMatch | None:
    """A listed wrong claim with all its words in one clause, in any order, where no
    concept was credited: "the attention maps of a transformer explain the whole model
    completely" for "attention maps completely explain the model"."""
    best: PhraseMatch | None = None
    for phrase in item.phrases:
        if not _every_slot_heard(phrase, answer):
            continue  # cheap: most claims lack a word, and matching is the cost
        found = answer.match(phrase, False)
        # every word: the one missing is often the one that makes it wrong ("each time
        # step is a layer and all layers share the same weights" lacks "own")
        if found is None or not found.complete or not found.positions:
            continue
        # in any order; a claim of two words led by its subject, in its own word
        # ("sequences ... shared weights" is no "input gets the same weight"); one of three
        # words or more led by any ("accuracy directly as the cost function", "the test set
        # is what you use to tune hyperparameters")
        leading = {o.terms[0].stem for o in phrase.options if o.mask & 1 and o.source != "synonym"}
        units = answer.analysis.units
        led = units[min(found.positions)].stem in leading
        if not led and len(phrase.slots) < _ANY_ORDER_SLOTS:
            continue
        subject = [p for p in found.positions if units[p].stem in leading]
        if not led and (
            not subject or any(compared_object(answer.graded, units[p].start) for p in subject)
        ):
            # out of order, its subject in its own word ("sequences ... shared weights" is
            # no "input gets the same weight"), and no object: "more weights than a CNN"
            continue
        clauses = {answer.clause_of(p) for p in found.positions}
        joined = (led and _elaborated(found, answer)) or _reasoned(found, answer)
        if len(clauses) > 1 and not joined:
            continue
        # nor with a contrast of its own words among them: "tune hyperparameters on the
        # *validation* set and report the score on the test set" is two claims; in any
        # order, nor anywhere in their clause ("... points uphill and we go *downhill*")
        words = {t.stem for o in phrase.options for t in o.terms}
        span = range(min(found.positions), max(found.positions))
        if not led:
            span = range(len(units))
        if any(
            contrast_stems(units[q].stem) & words and units[q].stem not in words
            for q in span
            if q not in found.positions and answer.clause_of(q) in clauses
        ):
            continue
        # words that mostly earned a concept are a right claim, not this wrong one
        if 2 * sum(p in answer.credited_positions for p in found.positions) >= len(found.positions):
            continue
        if claim_blocked(found, answer.analysis, answer.graded) is not None:
            continue
        if best is None or found.score > best.score:
            best = found
    return best


# A break that goes on with the same statement: "a preprocessing step: before training you
# go through the dataset", "trained with backprop, minimizing the reconstruction error".
_ELABORATION = re.compile(r"[:—–]|\s-\s|,\s+[a-z]+ing\b", re.IGNORECASE)


def _elaborated(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether a match over two neighbouring clauses of one sentence spans a break that only
    goes on with the first one's statement: a colon, a dash, a comma before an -ing verb."""
    between = _one_break(found, answer)
    return between is not None and _ELABORATION.match(*between) is not None


def _one_break(found: PhraseMatch, answer: AnswerContext) -> tuple[str, int] | None:
    """For a match over two neighbouring clauses of one sentence, the text from its last
    word before the break up to its next word after it, and where the break stands in
    it; None for any other match, or a gap with more than one break."""
    units = answer.analysis.units
    ordered = sorted(found.positions)
    if units[ordered[0]].sentence != units[ordered[-1]].sentence:
        return None
    clauses = [answer.clause_of(p) for p in ordered]
    if clauses[-1] - clauses[0] != 1:
        return None
    cut = next(k for k, c in enumerate(clauses) if c != clauses[0])
    gap = answer.graded[units[ordered[cut - 1]].end : units[ordered[cut]].end]
    breaks = list(CLAUSE_BREAK.finditer(gap))
    return (gap, breaks[0].start()) if len(breaks) == 1 else None


# A clause that gives the reason or the consequence of its neighbour: "can learn non-linear
# boundaries, because the sigmoid is non-linear", "it becomes a nonlinear classifier, so one
# perceptron can learn any decision boundary"; or one that opens with its reason: "Because the
# hidden state is passed along the whole sequence, a plain RNN remembers everything".
_REASON_AFTER = re.compile(r",\s*(?:because|since|so)\b", re.IGNORECASE)
_REASON_OPENS = re.compile(r"\s*(?:because|since)\b", re.IGNORECASE)


def _reasoned(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether a match over two neighbouring clauses of one sentence reads as one statement
    because one clause is the other's reason: the comma between them is followed by
    "because", "since" or "so", or the first clause opens with "because" or "since" and
    the comma closes it. A wrong claim is often given with its (wrong) reason in the next
    clause ("logistic regression can learn non-linear boundaries, because the sigmoid is
    non-linear" states "the sigmoid makes the boundary non-linear")."""
    between = _one_break(found, answer)
    if between is None or between[0][between[1]] != ",":
        return False
    if _REASON_AFTER.match(*between):
        return True
    opening = answer.clause_start(answer.analysis.units[min(found.positions)].start)
    return _REASON_OPENS.match(answer.graded, opening) is not None


def _heard_share(phrase: CompiledPhrase, answer: AnswerContext) -> float:
    """The weighted share of ``phrase``'s slots the answer has words for: the most any
    match of it can score."""
    return answer.heard_share(phrase)


def _every_slot_heard(phrase: CompiledPhrase, answer: AnswerContext) -> bool:
    """Whether each slot of ``phrase`` has an option whose words all occur in the answer."""
    return answer.heard(phrase) == phrase.full_mask
