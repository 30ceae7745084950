"""Readings: a concept's phrasings read as claims about the things they name.

"ReLU for hidden layers" is a claim about ReLU, "hidden layers"; "sigmoid and tanh
saturate" one about sigmoid and tanh, "saturate"; a phrasing that names no thing
("kernels extract features") is a claim about the thing its concept's label opens with
("Convolutional layers apply learnable filters"). The crossed pairings of
:mod:`interviewer.grading.crossings` read them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from interviewer.text.analysis import analyse
from interviewer.text.phrases import CompiledPhrase, without_subject
from interviewer.text.stem import stem

__all__ = ["Reading", "distinct", "opening_names", "readings", "recurring_names"]


class Reading(NamedTuple):
    """A phrasing read as a claim about one thing.

    Attributes:
        names: Stems of the thing it is about.
        rest: The claim, without the thing's names.
    """

    names: frozenset[str]
    rest: CompiledPhrase


# Two names joined as one subject: "sigmoid and tanh", "sigmoid/tanh", "mini-batch (or".
_JOINED = re.compile(r"\s*(?:and|or|/|\(or)\s*", re.IGNORECASE)


def opening_names(text: str) -> frozenset[str]:
    """The stems of the thing ``text`` opens with: its first content word, with the next
    when the two are joined ("sigmoid and tanh saturate" -> sigmoid, tanh). A verb with
    its object ("check *the* data pipeline") names no thing."""
    units = analyse(text).units
    if not units:
        return frozenset()
    if _OBJECT.match(text, units[0].end):
        return frozenset()
    names = {units[0].stem}
    if len(units) > 1 and _JOINED.fullmatch(text[units[0].end : units[1].start]) is not None:
        names.add(units[1].stem)
    return frozenset(names)


# What follows a verb, not a name: "compute *the* loss", "shard *the* dataset".
_OBJECT = re.compile(r"\s+(?:the|a|an|its|their|it|them)\b", re.IGNORECASE)


def recurring_names(texts: Iterable[str]) -> frozenset[str]:
    """The stems that open at least two of ``texts`` (a question's concept labels and
    phrasings): the things its concepts are stated about ("relu for hidden layers",
    "relu is the default"), not a word one phrasing happens to open with."""
    counts = Counter(name for text in texts for name in opening_names(text))
    return frozenset(name for name, n in counts.items() if n >= 2)


def readings(
    phrases: Sequence[CompiledPhrase], label: str, names: frozenset[str]
) -> tuple[Reading, ...]:
    """Each phrasing read as a claim about the thing it opens with, the rest its claim;
    a phrasing that does not open with the thing its label opens with is also read as a
    whole claim about that thing. Only things among ``names`` (:func:`recurring_names`)
    count. Found once, when the question is compiled."""
    own = opening_names(label)
    own = own if own and own <= names else frozenset()
    out = []
    for phrase in phrases:
        lead = opening_names(phrase.text)
        if (
            lead
            and lead <= names
            and len(lead) < len(phrase.slots)
            and all(stem(w.lower()) in lead for w in phrase.slots[: len(lead)])
        ):
            rest = phrase
            for _ in lead:
                rest = without_subject(rest)
            if rest.options:
                out.append(Reading(lead, rest))
        if own and not lead & own and len(phrase.slots) >= 2:
            out.append(Reading(own, phrase))
    return tuple(out)


def distinct(found: tuple[Reading, ...], others: frozenset[str]) -> tuple[Reading, ...]:
    """The readings whose claim has a word no other concept is stated with (``others``,
    stems): "layer" of "convolutional layer" is also the pooling layer's, and says
    nothing of which layer is meant."""
    return tuple(
        r
        for r in found
        if {t.stem for o in r.rest.options if o.source != "synonym" for t in o.terms} - others
    )
