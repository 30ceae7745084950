"""The pairings a concept's label or phrasings state, read once when a question is compiled.

"Xavier/Glorot for tanh and sigmoid, He/Kaiming for ReLU" pairs each scheme with the
activations it is meant for (:func:`pairings`); :mod:`interviewer.grading.pairings` finds
an answer that exchanges them. :func:`concept_pairings` gives a concept's: its label's,
or else its phrasings'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from interviewer.text.analysis import analyse
from interviewer.text.phrases import CompiledPhrase

__all__ = ["Pairing", "concept_pairings", "pairings"]


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


def concept_pairings(label: str, phrases: Sequence[CompiledPhrase]) -> tuple[Pairing, ...]:
    """The pairings a concept states: its label's, or else (a label that pairs nothing)
    those of its phrasings that read "NAME for USE"."""
    return pairings(label) or pairings(", ".join(p.text for p in phrases), phrasings=True)
