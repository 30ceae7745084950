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
from functools import lru_cache
from typing import NamedTuple

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.result import ConceptMatch
from interviewer.text.analysis import analyse

__all__ = ["Pairing", "exchanged", "paired", "pairings"]


class Pairing(NamedTuple):
    """One part of a label that pairs a name with its use.

    Attributes:
        names: Stems naming the one ("xavier", "glorot").
        uses: Stems of what it is for ("tanh", "sigmoid").
    """

    names: frozenset[str]
    uses: frozenset[str]


# A part of a label that pairs a name with a use: "He/Kaiming *for* ReLU"; of a phrasing,
# "sigmoid *for* binary output" (a phrasing "at inference" says when, not what for).
_PART = re.compile(r"(?P<name>.+?)\s+(?:for|in|at|during)\s+(?P<use>.+)", re.IGNORECASE)
_FOR = re.compile(r"(?P<name>.+?)\s+for\s+(?P<use>.+)", re.IGNORECASE)
# What a use said of a name stands right after: "designed *for* ReLU".
_BEFORE_USE = re.compile(
    r"\b(?:for|in|at|during|on|with)\s+(?:(?:the|a|an|its|their)\s+)?$", re.IGNORECASE
)
# A use listed with the one before it: "for sigmoid *and* tanh".
_LISTED = re.compile(r"\s*(?:,|and|or|/)\s*$", re.IGNORECASE)
# How far (in content words) a use may stand from the name it is said of.
_REACH = 10


@lru_cache(maxsize=1024)
def pairings(label: str, phrasings: bool = False) -> tuple[Pairing, ...]:
    """The pairings ``label`` states, when it states two or more, else none: "MSE for
    regression, cross-entropy for classification" pairs mean squared error with
    regression and cross-entropy with classification. Words in brackets are left out."""
    plain = re.sub(r"\([^)]*\)", " ", label)
    parts = []
    for part in re.split(r"[,;]|\s-\s", plain):
        found = (_FOR if phrasings else _PART).fullmatch(part.strip())
        if found is None:
            continue
        names = frozenset(u.stem for u in analyse(found["name"]).units)
        uses = frozenset(u.stem for u in analyse(found["use"]).units)
        if names and uses:
            parts.append((names, uses))
    if len(parts) < 2:
        return ()
    out = []
    for k, (names, uses) in enumerate(parts):
        others = [p for j, p in enumerate(parts) if j != k]
        own_names = names - frozenset().union(*(n | u for n, u in others))
        own_uses = uses - frozenset().union(*(n | u for n, u in others))
        if own_names and own_uses:
            out.append(Pairing(own_names, own_uses))
    return tuple(out) if len(out) >= 2 else ()


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
    items: Sequence[CompiledItem], concepts: tuple[ConceptMatch, ...], answer: AnswerContext
) -> tuple[ConceptMatch, ...]:
    """The concepts whose label's pairings the answer exchanges, contradicted; the others
    (and those already contradicted) as they are."""
    out = list(concepts)
    for k, (item, concept) in enumerate(zip(items, concepts, strict=True)):
        if concept.contradicted:
            continue
        found = pairings(item.label) or pairings(
            ", ".join(p.text for p in item.phrases), phrasings=True
        )
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
