"""A phrasing matched within one clause: what the contradiction checks read when the
answer's best match is incomplete or spans clauses.

The best match of a phrasing may take its words from two clauses and still miss a slot:
"Backpropagation is the pass that goes from the input towards the output: it ... gives the
prediction" matches "computes the output of the network" with "output" from one clause and
"gives" from the next, "network" nowhere. Read as it stands it says nothing of whom it is
said; matched again within each clause it stood in, with its own score, one clause may
state the phrasing all but a word of little weight, of a subject of its own. Only the
contradiction checks read these matches (:func:`clause_matches`, :func:`swap_reading`):
credit still comes from the answer's best match.
"""

from __future__ import annotations

from collections.abc import Iterator

from interviewer.grading.context import AnswerContext
from interviewer.text.matcher import PhraseMatch, match_phrase
from interviewer.text.phrases import CompiledPhrase

__all__ = ["LOW_WEIGHT", "clause_matches", "swap_reading"]

# The most a slot left unfilled may weigh (of the phrase's 1) for the rest to state it.
LOW_WEIGHT = 0.25


def clause_matches(found: PhraseMatch | None, answer: AnswerContext) -> Iterator[PhraseMatch]:
    """The best match of ``found``'s phrase within each clause its words stand in, best
    first, each with its own score (none when ``found`` already stands in one clause)."""
    if found is None or not found.positions:
        return
    clauses = sorted({answer.clause_of(p) for p in found.positions})
    if len(clauses) < 2:
        return
    matches = [m for c in clauses if (m := in_clause(found.phrase, c, answer)) is not None]
    yield from sorted(matches, key=lambda m: -m.score)


def in_clause(phrase: CompiledPhrase, clause: int, answer: AnswerContext) -> PhraseMatch | None:
    """The best match of ``phrase`` among the words of one clause of the answer."""
    units = answer.analysis.units
    hits = answer.clause_hits(clause)
    if not hits:
        return None
    settings = answer.settings
    return match_phrase(
        phrase,
        hits,
        units,
        settings.window_slack,
        False,
        settings.partial_min_share,
        {},
    )


def swap_reading(found: PhraseMatch | None, answer: AnswerContext) -> PhraseMatch | None:
    """The match of a phrasing that a swap of roles may read: a complete one as it is; an
    incomplete one matched again within one clause, when there it fills every slot but
    ones of little weight, with two words or more, and still scores as credit would."""
    if found is None:
        return None
    if found.complete:
        return found
    threshold = answer.settings.credit_threshold
    for again in clause_matches(found, answer) if _spans(found, answer) else iter((found,)):
        if again.score < threshold or len(again.positions) < 2:
            continue
        if _missing_weight(again) <= LOW_WEIGHT:
            return again
    return None


def _spans(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether a match's words stand in more than one clause."""
    return len({answer.clause_of(p) for p in found.positions}) > 1


def _missing_weight(found: PhraseMatch) -> float:
    """The weight of the slots a match leaves unfilled."""
    phrase = found.phrase
    missing = set(found.missing)
    return sum(w for s, w in zip(phrase.slots, phrase.weights, strict=True) if s in missing)
