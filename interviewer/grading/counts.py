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
from functools import lru_cache
from typing import NamedTuple

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.contradiction import slot_words
from interviewer.grading.result import ConceptMatch
from interviewer.grading.reversals import opposite, said_of_the_other_thing
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

__all__ = ["PhraseCount", "SaidCount", "answer_counts", "counted_otherwise", "phrase_counts"]

_NUMBERS = {
    "one": 1,
    "single": 1,
    "sole": 1,
    "lone": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMBER_STEMS = {stem(w): n for w, n in _NUMBERS.items()}
_EACH = ("per", "each", "every")
_MAX_COUNT = 12  # a count of parts; larger numbers are sizes, said of many things
# a phrasing counts one of a thing for each of another when it says each has its own
_OWN = frozenset(("own", "separate", "specific", "different", "distinct", "individual"))
_HAVING = frozenset(("has", "have", "with", "uses", "use", "only", "exactly"))
# words that tell several things apart: "one kernel ..., the other ..."
_SEVERAL = frozenset(("both", "pair", "another", "other", "others", "second", "each", "either"))
# before a count: a bound, a range or an example, not a count
_UNCOUNTED_BEFORE = frozenset(
    ("than", "least", "most", "or", "to", "and", "between", "like", "say", "eg", "e", "g", "into")
)
_UNCOUNTED_AFTER = frozenset(("or", "to", "of", "and"))
_WORD = re.compile(r"[a-z0-9]+")
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


def _value(token: str) -> int | None:
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


class SaidCount(NamedTuple):
    """An answer's count of a noun: the units of the count and the noun, its value, the
    thing it is given for each of ('' for none) and whether it is for all at once."""

    positions: tuple[int, int]
    value: int
    per: str
    collective: bool
    words: frozenset[str] = frozenset()


def _slot_of(phrase: CompiledPhrase, word: str) -> int | None:
    key = stem(word)
    return next((i for i, s in enumerate(phrase.slots) if stem(s.lower()) == key), None)


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "as"))


@lru_cache(maxsize=4096)
def phrase_counts(phrase: CompiledPhrase) -> tuple[PhraseCount, ...]:
    """The counts a phrasing states (see the module's docstring)."""
    text = phrase.text.lower()
    tokens = list(_WORD.finditer(text))
    words = [t.group() for t in tokens]
    own = slot_words(phrase)
    out = []
    for i, word in enumerate(words):
        value = _value(word)
        if value is not None and 2 <= value <= _MAX_COUNT and _standalone(text, tokens[i]):
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
        if words[k] in STOP_WORDS or _value(words[k]) is not None or _gap(text, tokens, k):
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
    if {_value(s) for s in own.get(slot, {words[at]})} != {value}:
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


def _unit_at(context: AnswerContext, offset: int) -> int | None:
    units = context.analysis.units
    return next((i for i, u in enumerate(units) if u.start <= offset < u.end), None)


def answer_counts(nouns: frozenset[str], context: AnswerContext) -> list[SaidCount]:
    """Where the answer counts one of ``nouns`` (stems) with a count word before it."""
    text = context.graded.lower()
    tokens = list(_WORD.finditer(text))
    units = context.analysis.units
    out = []
    for j, token in enumerate(tokens):
        value = _value(token.group())
        if value is None or not _standalone(text, token):
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


def _standalone(text: str, token: re.Match[str]) -> bool:
    """Whether a number token is a word of its own, not part of "0.999" or "3-4"."""
    left = text[token.start() - 1] if token.start() else " "
    right = text[token.end()] if token.end() < len(text) else " "
    return left in " (\n\t" and (right in " \n\t-" or right.isalpha())


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
    concepts: tuple[ConceptMatch, ...], items: tuple[CompiledItem, ...], context: AnswerContext
) -> tuple[ConceptMatch, ...]:
    """The concepts, each contradicted where the answer counts its noun otherwise than a
    phrasing of it does (see the module's docstring); those already contradicted or
    denied stay as they are."""
    counts = [[(p, c) for p in item.phrases for c in phrase_counts(p)] for item in items]
    if not any(counts):
        return concepts
    out = []
    for concept, item, own in zip(concepts, items, counts, strict=True):
        if own and not concept.contradicted and not concept.negated:
            concept = _counted(item, own, counts, context) or concept
        out.append(concept)
    return tuple(out)


def _counted(
    item: CompiledItem,
    own: list[tuple[CompiledPhrase, PhraseCount]],
    counts: list[list[tuple[CompiledPhrase, PhraseCount]]],
    context: AnswerContext,
) -> ConceptMatch | None:
    units = context.analysis.units
    for phrase, count in own:
        if not count.own:
            continue
        ones = frozenset(
            thing
            for pairs in counts
            for _, other in pairs
            if other.per and not other.several and other.noun & count.noun
            for thing in other.per
        )
        accepted = _accepted(item, count.noun)
        for said in answer_counts(count.noun, context):
            sentence = units[said.positions[1]].sentence
            words = {u.norm for u in units if u.sentence == sentence}
            numbers = {_value(w) for w in words}
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


def _accepted(item: CompiledItem, nouns: frozenset[str]) -> frozenset[int]:
    """Every number the concept's phrasings give one of ``nouns`` ("one or two hidden
    layers" gives both)."""
    out = set()
    for phrase in item.phrases:
        text = phrase.text.lower()
        tokens = list(_WORD.finditer(text))
        for i, token in enumerate(tokens):
            value = _value(token.group())
            if value is None:
                continue
            for k in range(i + 1, min(len(tokens), i + 4)):
                if _gap(text, tokens, k) or tokens[k].group() in STOP_WORDS:
                    break
                if stem(tokens[k].group()) in nouns:
                    out.add(value)
                    break
    return frozenset(out)
