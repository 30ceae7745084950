"""Readings: a concept's phrasings read as claims about the things they name.

"ReLU for hidden layers" is a claim about ReLU, "hidden layers"; "sigmoid and tanh
saturate" one about sigmoid and tanh, "saturate"; a phrasing that names no thing
("kernels extract features") is a claim about the thing its concept's label opens with
("Convolutional layers apply learnable filters"). A thing named at the head of a noun
phrase or after "for"/"in"/"at" is one too: "softmax output layer" is also a claim
("softmax") about the output layer, and "relu for hidden layers" one ("relu") about the
hidden layers. The crossed pairings of :mod:`interviewer.grading.crossings` read them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from interviewer.text.analysis import analyse
from interviewer.text.phrases import CompiledPhrase, without_slot, without_subject
from interviewer.text.stem import stem

__all__ = ["Reading", "distinct", "named_things", "opening_names", "readings", "recurring_names"]


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


# A thing named after these: "relu *for* hidden layers", "softmax *in the* output layer".
_FOR = re.compile(r"\s+(?:for|in|at)\s+(?:(?:the|a|an|each|every|all)\s+)?", re.IGNORECASE)
# Words of one noun phrase stand apart by spaces or hyphens only.
_RUN = re.compile(r"[\s-]+")


def named_things(text: str) -> tuple[tuple[str, ...], ...]:
    """The things ``text`` names past its opening, each as the stems of its words, its name
    first: the last two words of a noun phrase of three words or more ("softmax *output
    layer*", "128 *hidden units*"), and the words after "for", "in" or "at" ("relu for
    *hidden layers*")."""
    units = analyse(text).units
    out: list[tuple[str, ...]] = []
    start = 0
    for i in range(1, len(units) + 1):
        gap = text[units[i - 1].end : units[i].start] if i < len(units) else ""
        if i < len(units) and _RUN.fullmatch(gap):
            continue
        if i - start >= 3:
            out.append((units[i - 2].stem, units[i - 1].stem))
        if start and _FOR.fullmatch(text[units[start - 1].end : units[start].start]):
            out.append(tuple(u.stem for u in units[start:i]))
        start = i
    return tuple(dict.fromkeys(out))


def recurring_names(texts: Iterable[str]) -> frozenset[str]:
    """The stems that name a thing in at least two of ``texts`` (a question's concept
    labels and phrasings), by opening them or by :func:`named_things`: the things its
    concepts are stated about ("relu for hidden layers", "relu is the default", "dense
    hidden layers"), not a word one phrasing happens to open with."""
    counts = Counter(
        name
        for text in texts
        for name in opening_names(text) | {words[0] for words in named_things(text)}
    )
    return frozenset(name for name, n in counts.items() if n >= 2)


def readings(
    phrases: Sequence[CompiledPhrase], label: str, names: frozenset[str]
) -> tuple[Reading, ...]:
    """Each phrasing read as a claim about the thing it opens with, the rest its claim,
    and about each thing it names past its opening (:func:`named_things`), the rest
    without that thing's words its claim; a phrasing that does not open with the thing
    its label opens with is also read as a whole claim about that thing. A thing's head
    goes with its name ("hidden layer with relu" says "relu" of the hidden layer, where
    another phrasing names the "hidden layers"). Only things among ``names``
    (:func:`recurring_names`) count. Found once, when the question is compiled."""
    own = opening_names(label)
    own = own if own and own <= names else frozenset()
    heads = {w for p in phrases for words in named_things(p.text) for w in words[1:2]}
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
            if _headed(phrase.text, len(lead), heads) and len(rest.slots) >= 2:
                rest = without_subject(rest)  # "hidden layer with relu": "relu"
            if rest.options:
                out.append(Reading(lead, rest))
        if own and not lead & own and len(phrase.slots) >= 2:
            out.append(Reading(own, phrase))
        for words in named_things(phrase.text):
            if words[0] in names - lead:
                claim = _without(phrase, words)
                if claim is not None:
                    out.append(Reading(frozenset(words[:1]), claim))
    return tuple(out)


def _headed(text: str, n: int, heads: set[str]) -> bool:
    """Whether the word right after the ``n`` opening names of ``text`` is, in the same
    noun phrase, a head the concept names its things with: "hidden *layer* with relu"
    where "dense hidden layers" names the hidden layer."""
    units = analyse(text).units
    return (
        len(units) > n
        and units[n].stem in heads
        and _RUN.fullmatch(text[units[n - 1].end : units[n].start]) is not None
    )


def _without(phrase: CompiledPhrase, words: tuple[str, ...]) -> CompiledPhrase | None:
    """The phrase without the slots of a thing's words (found once, in a row), its claim;
    None when they are not found so or nothing else is left."""
    stems = [stem(w.lower()) for w in phrase.slots]
    n = len(words)
    at = [k for k in range(len(stems) - n + 1) if tuple(stems[k : k + n]) == words]
    if len(at) != 1 or len(stems) <= n:
        return None
    rest = phrase
    for _ in words:
        rest = without_slot(rest, at[0])
    return rest if rest.options else None


def distinct(found: tuple[Reading, ...], others: frozenset[str]) -> tuple[Reading, ...]:
    """The readings whose claim has a word no other concept is stated with (``others``,
    stems): "layer" of "convolutional layer" is also the pooling layer's, and says
    nothing of which layer is meant."""
    return tuple(
        r
        for r in found
        if {t.stem for o in r.rest.options if o.source != "synonym" for t in o.terms} - others
    )
