"""Paired labels: a concept that pairs two things each with its own use, said the other way.

"Xavier/Glorot for tanh and sigmoid, He/Kaiming for ReLU" pairs each scheme with the
activations it is meant for. "He initialisation was designed for sigmoid and tanh, and
Xavier is the one meant for ReLU" names both schemes and both uses, so it credits the
concept word by word, yet pairs each scheme with the other's use: the pairings are
exchanged, and the concept is contradicted.

A label states pairings when two or more of its parts (split at commas and semicolons)
each read "NAME for/in/at/during USE" (:func:`pairings`); a word two parts share names
neither. A label that pairs nothing leaves the concept's phrasings that read "NAME for
USE" to pair ("softmax for multi class", "linear output for regression"). In the answer
a use is said of the nearest name of any pairing before it in its sentence, the use put
after "for", "in", "at", "during", "on" or "with" (or listed with such a use: "for
sigmoid *and tanh*"), neither word denied. As with the crossed pairings of
:mod:`.crossings`, one use said of another name proves nothing ("Xavier works for tanh
but not for ReLU, so He ..."): only the exchange, each name said of the other's use,
contradicts the concept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.label_pairings import Pairing, pairings
from interviewer.grading.result import ConceptMatch

__all__ = ["Pairing", "exchanged", "paired", "pairings"]


# What a use said of a name stands right after: "designed *for* ReLU".
_BEFORE_USE = re.compile(
    r"\b(?:for|in|at|during|on|with)\s+(?:(?:the|a|an|its|their)\s+)?$", re.IGNORECASE
)
# A use listed with the one before it: "for sigmoid *and* tanh".
_LISTED = re.compile(r"\s*(?:,|and|or|/)\s*$", re.IGNORECASE)
# How far (in content words) a use may stand from the name it is said of.
_REACH = 10


def exchanged(found: Sequence[Pairing], answer: AnswerContext) -> tuple[int, ...]:
    """The units (a name and the other's use it is said of, for each of two pairings) by
    which the answer exchanges two of ``found``'s pairings, or none."""
    units = answer.analysis.units
    text = answer.graded
    said: dict[tuple[int, int], tuple[int, int]] = {}
    listed = -1  # the pairing of the use the last unit was said as, or -1
    for t, unit in enumerate(units):
        of = [k for k, p in enumerate(found) if unit.stem in p.uses]
        gap = text[units[t - 1].end : unit.start] if t else text[: unit.start]
        if len(of) != 1 or unit.negation >= 0:
            listed = -1
            continue
        if not _BEFORE_USE.search(gap) and not (listed == of[0] and _LISTED.fullmatch(gap)):
            listed = -1
            continue
        listed = of[0]
        owner = _owner(found, answer, t)
        if owner is not None and owner[1] != of[0]:
            said.setdefault((owner[1], of[0]), (owner[0], t))
    for (one, two), where in said.items():
        back = said.get((two, one))
        if back is not None:
            return tuple(sorted({*where, *back}))
    return ()


def _owner(found: Sequence[Pairing], answer: AnswerContext, at: int) -> tuple[int, int] | None:
    """The nearest unit before unit ``at`` in its sentence naming one pairing only (and
    that pairing's index), not denied; None when there is none within reach."""
    units = answer.analysis.units
    for i in range(at - 1, max(-1, at - 1 - _REACH), -1):
        if units[i].sentence != units[at].sentence:
            return None
        of = [k for k, p in enumerate(found) if units[i].stem in p.names]
        if of:
            return (i, of[0]) if len(of) == 1 and units[i].negation < 0 else None
    return None


def paired(
    items: Sequence[CompiledItem],
    stated: Sequence[tuple[Pairing, ...]],
    concepts: tuple[ConceptMatch, ...],
    answer: AnswerContext,
) -> tuple[ConceptMatch, ...]:
    """The concepts whose pairings (``stated``, one entry per item: see
    :func:`~interviewer.grading.label_pairings.concept_pairings`) the answer exchanges,
    contradicted; the others (and those already contradicted) as they are."""
    out = list(concepts)
    for k, (item, found, concept) in enumerate(zip(items, stated, concepts, strict=True)):
        if concept.contradicted:
            continue
        if not found:
            continue
        where = exchanged(found, answer)
        if not where:
            continue
        out[k] = ConceptMatch(
            concept_id=item.id,
            label=item.label,
            weight=item.weight,
            credited=False,
            confidence=0.0,
            phrasing=item.label,
            method="swapped",
            spans=answer.spans(where),
            contradicted=True,
            wrong_claim=True,
            note="each is paired with the other's use: the pairings of the concept are exchanged",
        )
    return tuple(out)
