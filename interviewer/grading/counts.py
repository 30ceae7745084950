"""Counted otherwise: a concept whose phrasing counts a thing, said with another count.

A `{number}` slot matches any number and a phrasing's own number is one word among
others, so "it's a *single* 3x3 kernel" earns "two 3x3 kernels" by its other two words,
and "each layer has a *single* bias" earns "separate bias per neuron" by "bias" and
"neuron" found elsewhere. Both say a count the concept denies. A phrasing counts its
noun in one of three ways (:func:`phrase_counts`):

- a number before it: "two 3x3 kernels", "three gates" (a number with other numbers for
  synonyms, "128 hidden units", is an example and counts nothing);
- one of it for each of another thing, each its own: "separate bias per neuron", "each
  neuron has its own bias" ("one bias per filter", without own/separate/different, only
  tells which counts per thing the question itself makes);
- several of it for each of another thing: "separate biases per layer".

The answer counts a noun when a count word (one, single, two, 3 ...) stands right before
it, past at most two modifiers (:func:`answer_counts`), said for each of a thing ("per
layer", "each layer has a single bias") or for all of them at once ("for the whole
network", "shared by all"). It contradicts the concept when it gives its noun another
number, with nothing distributing it ("a single 3x3 kernel", not "one kernel per
direction"); or one for all things at once where the concept has one for each; or one
for each of another thing than the concept's, which no phrasing of the question counts
that way ("one bias per layer", not "one bias per filter"); or just one for each of the
thing the concept has several for.

Ranges ("one or two"), bounds ("at least one", "more than one"), examples ("like one
kernel"), a count of one of several ("one of the kernels", "one for x and another for
y"), and denied counts state no count.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.phrase_counts import (
    WORD,
    CountRule,
    PhraseCount,
    number_value,
    phrase_counts,
    standalone_number,
)
from interviewer.grading.result import ConceptMatch
from interviewer.grading.reversals import opposite, said_of_the_other_thing
from interviewer.text.matcher import PhraseMatch
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

__all__ = ["PhraseCount", "SaidCount", "answer_counts", "counted_otherwise", "phrase_counts"]

# words that tell several things apart: "one kernel ..., the other ..."
_SEVERAL = frozenset(("both", "pair", "another", "other", "others", "second", "each", "either"))
# before a count: a bound, a range or an example, not a count
_UNCOUNTED_BEFORE = frozenset(
    ("than", "least", "most", "or", "to", "and", "between", "like", "say", "eg", "e", "g", "into")
)
_UNCOUNTED_AFTER = frozenset(("or", "to", "of", "and"))
_DISTRIBUTED = re.compile(
    r"^\s*(?:[a-z0-9]+\s+)?(?:per|for\s+each|for\s+every|in\s+each|in\s+every|at\s+each)"
    r"\s+(?:single\s+)?([a-z0-9]+)"
)
_COLLECTIVE = re.compile(
    r"^\s*(?:[a-z0-9]+\s+)?(?:(?:that\s+is\s+|which\s+is\s+)?shared\b|"
    r"(?:for|across|over|by)\s+(?:all\b|the\s+(?:whole|entire)\b|(?:the\s+)?whole\b|entire\b))"
)
_EACH_HAS = re.compile(
    r"\b(?:each|every)\s+([a-z0-9]+)\s+(?:has|have|gets|get|uses|use|holds|hold|with|having)"
    r"\s+(?:only\s+|just\s+|exactly\s+)?(?:a\s+|an\s+)?$"
)


class SaidCount(NamedTuple):
    """An answer's count of a noun: the units of the count and the noun, its value, the
    thing it is given for each of ('' for none) and whether it is for all at once."""

    positions: tuple[int, int]
    value: int
    per: str
    collective: bool
    words: frozenset[str] = frozenset()


def _unit_at(context: AnswerContext, offset: int) -> int | None:
    units = context.analysis.units
    return next((i for i, u in enumerate(units) if u.start <= offset < u.end), None)


def answer_counts(nouns: frozenset[str], context: AnswerContext) -> list[SaidCount]:
    """Where the answer counts one of ``nouns`` (stems) with a count word before it."""
    text = context.graded.lower()
    tokens = list(WORD.finditer(text))
    units = context.analysis.units
    out = []
    for j, token in enumerate(tokens):
        value = number_value(token.group())
        if value is None or not standalone_number(text, token):
            continue
        before = tokens[j - 1].group() if j else ""
        after = tokens[j + 1].group() if j + 1 < len(tokens) else ""
        if before in _UNCOUNTED_BEFORE or after in _UNCOUNTED_AFTER:
            continue
        head = _head(tokens, j, nouns, text)
        if head is None:
            continue
        at, noun_at = _unit_at(context, token.start()), _unit_at(context, head.start())
        if noun_at is None or any(p is not None and units[p].negation >= 0 for p in (at, noun_at)):
            continue
        rest = text[head.end() : head.end() + 60]
        each = _DISTRIBUTED.match(rest) or _EACH_HAS.search(
            text[max(0, token.start() - 40) : token.start()]
        )
        per = stem(each.group(1)) if each else ""
        collective = not per and _COLLECTIVE.match(rest) is not None
        run = frozenset(stem(t.group()) for t in tokens[j + 1 : tokens.index(head) + 1])
        out.append(
            SaidCount((at if at is not None else noun_at, noun_at), value, per, collective, run)
        )
    return out


def _head(
    tokens: list[re.Match[str]], at: int, nouns: frozenset[str], text: str
) -> re.Match[str] | None:
    """The counted noun right after the count word at ``at``, past at most two modifiers
    joined by spaces or hyphens, or None."""
    for k in range(at + 1, min(len(tokens), at + 4)):
        gap = text[tokens[k - 1].end() : tokens[k].start()]
        word = tokens[k].group()
        if gap.strip(" -") or word in STOP_WORDS:
            return None
        if stem(word) in nouns:
            return tokens[k]
    return None


def _contradicts(
    count: PhraseCount,
    said: SaidCount,
    accepted: frozenset[int],
    ones: frozenset[str],
    several: bool,
) -> bool:
    """Whether ``said`` gives the noun another count than ``count`` (``ones``: every thing
    the question counts one of the noun for; ``several``: the words that tell several
    apart, or say a number of the concept, in the sentence said; ``accepted``: every
    number the concept's phrasings say, "one or two hidden layers")."""
    if count.values:
        return (
            said.value not in accepted
            and not said.per
            and not several
            and all(m & said.words for m in count.modifiers)
        )
    if said.value != 1:
        return False
    if said.collective:
        return True
    if count.several:
        return said.per in count.per
    return bool(said.per) and said.per not in count.per and said.per not in ones


def counted_otherwise(
    concepts: tuple[ConceptMatch, ...],
    items: tuple[CompiledItem, ...],
    rules: tuple[tuple[CountRule, ...], ...],
    context: AnswerContext,
) -> tuple[ConceptMatch, ...]:
    """The concepts, each contradicted where the answer counts its noun otherwise than a
    phrasing of it does (see the module's docstring; ``rules``: the counts each concept's
    phrasings state, :func:`~interviewer.grading.phrase_counts.count_rules`); those
    already contradicted or denied stay as they are."""
    if not any(rules):
        return concepts
    out = []
    for concept, item, own in zip(concepts, items, rules, strict=True):
        if own and not concept.contradicted and not concept.negated:
            concept = _counted(item, own, context) or concept
        out.append(concept)
    return tuple(out)


def _counted(
    item: CompiledItem, own: tuple[CountRule, ...], context: AnswerContext
) -> ConceptMatch | None:
    units = context.analysis.units
    for phrase, count, ones, accepted in own:
        if not count.own:
            continue
        for said in answer_counts(count.noun, context):
            sentence = units[said.positions[1]].sentence
            words = {u.norm for u in units if u.sentence == sentence}
            numbers = {number_value(w) for w in words}
            several = bool(words & _SEVERAL) or bool(numbers & accepted)
            if not _contradicts(count, said, accepted, ones, several):
                continue
            first, noun = (units[p] for p in said.positions)
            quoted = context.graded[first.start : noun.end]
            note = f"contradicted: '{quoted}' where the concept says '{phrase.text}'"
            at = tuple(sorted(set(said.positions)))
            shown = PhraseMatch(phrase, 1.0, 1.0, True, "contrast", at, (), (), -1)
            if said_of_the_other_thing(item, phrase, shown, context):
                continue  # "an LSTM has three gates" in a GRU answer
            return opposite(item, context, shown, "contrast", note)
    return None
