"""The counts a concept's phrasings state, read once when a question is compiled.

A phrasing counts its noun with a number before it, one of it for each of another thing
(each its own), or several of it for each of another thing (:func:`phrase_counts`; see
:mod:`interviewer.grading.counts`, which holds an answer's counts against them). For
each concept :func:`count_rules` gathers them with what the whole question accepts of
each noun, so that grading an answer reads none of the rubric's text again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from interviewer.grading.contradiction import slot_words
from interviewer.text.numbers import NUMBER_WORDS
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

__all__ = [
    "WORD",
    "CountRule",
    "PhraseCount",
    "count_rules",
    "number_value",
    "phrase_counts",
    "standalone_number",
]

# Counts of one to twelve, and the words that say "one" of a thing.
_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 12} | dict.fromkeys(
    ("single", "sole", "lone"), 1
)
_NUMBER_STEMS = {stem(w): n for w, n in _NUMBERS.items()}
_EACH = ("per", "each", "every")
_MAX_COUNT = 12  # a count of parts; larger numbers are sizes, said of many things
# a phrasing counts one of a thing for each of another when it says each has its own
_OWN = frozenset(("own", "separate", "specific", "different", "distinct", "individual"))
_HAVING = frozenset(("has", "have", "with", "uses", "use", "only", "exactly"))
WORD = re.compile(r"[a-z0-9]+")  # a word or number of lower-cased text


def number_value(token: str) -> int | None:
    """The number a word or digits say ("two", "3"), or None."""
    if token.isdigit():
        return int(token)
    return _NUMBER_STEMS.get(stem(token))


class PhraseCount(NamedTuple):
    """How a phrasing counts its noun: ``values`` of it (empty when it is counted per
    thing), for each of ``per`` (empty when for nothing), ``several`` or one each;
    ``modifiers``: the words between a number and its noun ("output" of "10 output
    units"); ``own``: whether the phrasing says each has its own (only then does a count
    per another thing contradict it; "one bias per filter" only lets one say so)."""

    noun: frozenset[str]
    values: frozenset[int]
    per: frozenset[str]
    several: bool
    modifiers: tuple[frozenset[str], ...] = ()
    own: bool = True


def _slot_of(phrase: CompiledPhrase, word: str) -> int | None:
    key = stem(word)
    return next((i for i, s in enumerate(phrase.slots) if stem(s.lower()) == key), None)


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "as"))


@lru_cache(maxsize=4096)
def phrase_counts(phrase: CompiledPhrase) -> tuple[PhraseCount, ...]:
    """The counts a phrasing states (see the module's docstring)."""
    text = phrase.text.lower()
    tokens = list(WORD.finditer(text))
    words = [t.group() for t in tokens]
    own = slot_words(phrase)
    out = []
    for i, word in enumerate(words):
        value = number_value(word)
        if value is not None and 2 <= value <= _MAX_COUNT and standalone_number(text, tokens[i]):
            found = _numbered(phrase, tokens, i, value, own)
            if found is not None:
                out.append(found)
        distributes = word == "per" or (word in _EACH and i > 1 and words[i - 1] == "for")
        noun_at = i - 1 if word == "per" else i - 2
        if distributes and i + 1 < len(words):
            found = _per(phrase, words[noun_at], words[i + 1], own)
            if found is not None:
                says_own = bool(_OWN.intersection(words[max(0, noun_at - 2) : noun_at]))
                out.append(found._replace(own=says_own))
    marked = [i for i, w in enumerate(words) if w in _OWN]
    if len(words) > 2 and words[0] in _EACH and marked:
        # "each neuron has its own bias", "every layer has its own, different biases"
        run = [k for k in range(marked[0] + 1, len(words)) if words[k] not in _OWN]
        head = run[0] if run else len(words)
        while (
            head + 1 < len(words)
            and words[head + 1] not in STOP_WORDS
            and not _gap(text, tokens, head + 1)
        ):
            head += 1
        found = _per(phrase, words[head], words[1], own) if run else None
        if found is not None:
            out.append(found)
    return tuple(c for c in out if c.noun)


def _numbered(
    phrase: CompiledPhrase,
    tokens: list[re.Match[str]],
    at: int,
    value: int,
    own: dict[int, set[str]],
) -> PhraseCount | None:
    """The count of a number at ``at`` that opens the phrasing or follows a verb of having
    ("two 3x3 kernels", "vgg16 has 16 layers"), of the noun ending the one or two content
    words after it; not a number inside a formula or an example ("stride 2 halves")."""
    text = phrase.text.lower()
    words = [t.group() for t in tokens]
    if at and words[at - 1] not in _HAVING:
        return None
    run = []
    for k in range(at + 1, min(len(words), at + 3)):
        if words[k] in STOP_WORDS or number_value(words[k]) is not None or _gap(text, tokens, k):
            break
        run.append(words[k])
    end = at + 1 + len(run)
    if not run or (
        end < len(words) and words[end] not in STOP_WORDS and not _gap(text, tokens, end)
    ):
        return None
    slot, head = _slot_of(phrase, words[at]), _slot_of(phrase, run[-1])
    if slot is None or head is None:
        return None
    if {number_value(s) for s in own.get(slot, {words[at]})} != {value}:
        return None  # "128 hidden units" with 256 and 512 for synonyms: an example
    modifiers = tuple(frozenset(own.get(_slot_of(phrase, w) or -1, {stem(w)})) for w in run[:-1])
    return PhraseCount(
        frozenset(own.get(head, ())), frozenset((value,)), frozenset(), False, modifiers
    )


def _gap(text: str, tokens: list[re.Match[str]], k: int) -> bool:
    """Whether punctuation stands between token ``k`` and the one before it."""
    return bool(text[tokens[k - 1].end() : tokens[k].start()].strip(" -"))


def _per(
    phrase: CompiledPhrase, noun: str, thing: str, own: dict[int, set[str]]
) -> PhraseCount | None:
    """``noun`` counted for each ``thing`` (several when the phrasing says it plural)."""
    n_slot, t_slot = _slot_of(phrase, noun), _slot_of(phrase, thing)
    if n_slot is None or t_slot is None or n_slot == t_slot:
        return None
    nouns, things = frozenset(own.get(n_slot, ())), frozenset(own.get(t_slot, ()))
    return PhraseCount(nouns, frozenset(), things, _plural(noun))


def standalone_number(text: str, token: re.Match[str]) -> bool:
    """Whether a number token is a word of its own, not part of "0.999" or "3-4"."""
    left = text[token.start() - 1] if token.start() else " "
    right = text[token.end()] if token.end() < len(text) else " "
    return left in " (\n\t" and (right in " \n\t-" or right.isalpha())


def _accepted(phrases: Sequence[CompiledPhrase], nouns: frozenset[str]) -> frozenset[int]:
    """Every number the concept's phrasings give one of ``nouns`` ("one or two hidden
    layers" gives both)."""
    out = set()
    for phrase in phrases:
        text = phrase.text.lower()
        tokens = list(WORD.finditer(text))
        for i, token in enumerate(tokens):
            value = number_value(token.group())
            if value is None:
                continue
            for k in range(i + 1, min(len(tokens), i + 4)):
                if _gap(text, tokens, k) or tokens[k].group() in STOP_WORDS:
                    break
                if stem(tokens[k].group()) in nouns:
                    out.add(value)
                    break
    return frozenset(out)


class CountRule(NamedTuple):
    """A count a concept's phrasing states, with what the question accepts of its noun.

    Attributes:
        phrase: The phrasing.
        stated: The count it states.
        ones: Every thing the question counts one of the noun for.
        accepted: Every number the concept's phrasings give the noun ("one or two hidden
            layers" gives both).
    """

    phrase: CompiledPhrase
    stated: PhraseCount
    ones: frozenset[str]
    accepted: frozenset[int]


def count_rules(
    concepts: Sequence[Sequence[CompiledPhrase]],
) -> tuple[tuple[CountRule, ...], ...]:
    """For each concept (given as its phrasings), the counts its phrasings state."""
    counts = [[(p, c) for p in phrases for c in phrase_counts(p)] for phrases in concepts]
    return tuple(
        tuple(
            CountRule(phrase, count, _ones(count, counts), _accepted(phrases, count.noun))
            for phrase, count in own
        )
        for phrases, own in zip(concepts, counts, strict=True)
    )


def _ones(
    count: PhraseCount, counts: Sequence[Sequence[tuple[CompiledPhrase, PhraseCount]]]
) -> frozenset[str]:
    """Every thing the question counts one of ``count``'s noun for."""
    return frozenset(
        thing
        for pairs in counts
        for _, other in pairs
        if other.per and not other.several and other.noun & count.noun
        for thing in other.per
    )
