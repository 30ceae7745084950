"""One concept's claims exchanged between the thing a phrasing names and the question's own.

"Thousands of simple cores run the same operation in parallel; CPUs have few complex
cores" states one claim of the thing the question asks about (the GPU, which the concept
never names) and one of the CPU, which its phrasing "cpu has few cores" opens with. "A
GPU has a handful of very powerful cores, whereas a CPU has thousands of small simple
cores" says the CPU's claim of the GPU and the other claim of the CPU: the two things
trade places within the one concept, which the crossed pairings of :mod:`.crossings`
(two concepts, each about its own thing) do not read.

The thing a phrasing opens with counts when the question names it too ("Why GPUs and not
CPUs?"), with its synonyms ("CPUs", "processor"); the other things are the question's
words the concept never uses. As in :mod:`.crossings`, only the exchange counts: the
phrasing's claim said of another of the question's things, and another phrasing of the
concept (not naming the first thing) said of the first, each where its clause opens with
the thing or frames it (:func:`~interviewer.grading.crossings.said_of`), in different
places. One claim said near another name ("the CPU has few cores, unlike a GPU")
proves nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.crossings import said_of, swapped_match
from interviewer.grading.readings import Reading, opening_names
from interviewer.grading.result import ConceptMatch
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase, without_subject
from interviewer.text.stem import stem

__all__ = ["inner_crossed", "opening_thing"]


def opening_thing(phrase: CompiledPhrase, asked: frozenset[str]) -> frozenset[str]:
    """The stems naming the thing ``phrase`` opens with ("*cpu* has few cores": cpu, cpus,
    processor, its first slot's one-word options), when the question names it (``asked``)
    and the phrasing says something of it in two words or more; else none."""
    lead = opening_names(phrase.text)
    if len(lead) != 1 or not lead <= asked or len(phrase.slots) < 3:
        return frozenset()
    if stem(phrase.slots[0].lower()) not in lead:
        return frozenset()
    first = {t.stem for o in phrase.options if o.mask == 1 and len(o.terms) == 1 for t in o.terms}
    return frozenset(lead | first)


def _exchange(
    item: CompiledItem, answer: AnswerContext, asked: frozenset[str]
) -> tuple[PhraseMatch, int] | None:
    """The match by which one phrasing's claim of its opening thing is said of another of
    the question's things, where another phrasing's is said of the first; or None."""
    matched: dict[int, PhraseMatch | None] = {}
    named = {u.stem for u in answer.analysis.units}
    for phrase in item.phrases:
        own = opening_thing(phrase, asked)
        if not own & named:
            continue
        others = asked - item.words - own
        if not others & named:
            continue
        claim = Reading(own, without_subject(phrase))
        there = said_of(claim, others, answer, matched)
        if there is None:
            continue
        for other in item.phrases:
            if other is phrase or {stem(w.lower()) for w in other.slots} & own:
                continue
            back = said_of(Reading(others, other), own, answer, matched)
            if (
                back is not None
                and back[1] != there[1]
                and not set(there[0].positions) & set(back[0].positions)
            ):
                return there
    return None


def inner_crossed(
    items: Sequence[CompiledItem],
    concepts: tuple[ConceptMatch, ...],
    answer: AnswerContext,
    asked: frozenset[str],
) -> tuple[ConceptMatch, ...]:
    """The concepts whose two claims the answer exchanges between the thing a phrasing
    opens with and another thing of the question (``asked``: its words' stems),
    contradicted; the others (and those already contradicted) as they are."""
    out = list(concepts)
    for k, (item, concept) in enumerate(zip(items, concepts, strict=True)):
        if concept.contradicted:
            continue
        found = _exchange(item, answer, asked)
        if found is not None:
            out[k] = swapped_match(item, found[0], found[1], answer)
    return tuple(out)
