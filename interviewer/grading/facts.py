"""Facts of the domain that hold in every question, read as relations between quantities.

"A larger learning rate takes bigger steps" is true whatever was asked; "a larger learning
rate makes the steps smaller" is wrong wherever it is said, even in a question whose rubric
has no phrasing for it. Each fact is a relation of two words of scale or more
(:mod:`interviewer.grading.relations`), and an answer that states it with an odd number of
its ends turned round ("*lowering* it makes the optimiser take *bigger* steps") makes a
wrong claim, reported with the fact as its correction. Stating a fact from its other side
("a smaller learning rate, smaller steps") turns both ends and is no contradiction.

Only facts without exceptions belong here: "deeper networks have more vanishing
gradients" is no fact of this kind (they have more exploding ones too), nor is "a smaller
learning rate converges more slowly" (not when the larger one diverges).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.grading.context import AnswerContext
from interviewer.grading.relations import Relation, relation_of, reversed_relation
from interviewer.grading.result import MisconceptionHit, Span
from interviewer.text.phrases import CompiledPhrase, compile_phrasings

__all__ = ["FACTS", "Fact", "reversed_facts"]


@dataclass(frozen=True)
class Fact:
    """A relation between quantities that holds in every question.

    Attributes:
        id: A short name (the wrong claim is reported as ``reverses:<id>``).
        phrasings: The relation in a few wordings, each with two words of scale or more.
        wrong: The relation turned round, as the wrong claim is reported.
        correction: What is true, shown to the candidate.
        synonyms: Word -> alternatives, for the phrasings' words that are no scale.
    """

    id: str
    phrasings: tuple[str, ...]
    wrong: str
    correction: str
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()


_STEP = ("step", ("steps", "update", "updates", "jump", "jumps"))
_BATCH = ("batch", ("batches", "minibatch", "minibatches"))

FACTS: tuple[Fact, ...] = (
    Fact(
        "learning-rate-step-size",
        (
            "larger learning rate bigger step",
            "higher learning rate larger step",
            "increase learning rate larger step",
            "raise learning rate bigger step",
        ),
        "A larger learning rate takes smaller steps.",
        "The learning rate scales every update: a larger one takes bigger steps (faster, but "
        "it may overshoot), a smaller one smaller steps.",
        (_STEP, ("learning", ("learn",)), ("rate", ("lr",))),
    ),
    Fact(
        "batch-size-updates",
        ("larger batch fewer updates per epoch", "increase batch fewer updates per epoch"),
        "Larger batches give more updates per epoch.",
        "With a fixed dataset, larger batches mean fewer updates per epoch.",
        (_BATCH, ("updates", ("steps", "iterations"))),
    ),
    Fact(
        "batch-size-memory",
        ("larger batch more memory",),
        "A larger batch needs less memory.",
        "A larger batch needs more memory: its activations are all kept for backprop.",
        (_BATCH, ("memory", ("ram", "vram"))),
    ),
    Fact(
        "stride-output-size",
        ("larger stride smaller output", "increase stride smaller output"),
        "A larger stride gives a larger output.",
        "A larger stride skips more positions, so the output is smaller.",
        (("output", ("outputs", "feature map", "map", "maps")),),
    ),
    Fact(
        "padding-output-size",
        ("more padding larger output",),
        "More padding gives a smaller output.",
        "More padding gives a larger output (with no padding the output shrinks).",
        (("output", ("outputs", "feature map", "map", "maps")),),
    ),
    Fact(
        "weight-decay-weight-size",
        (
            "larger lambda smaller weights",
            "more weight decay smaller weights",
            "larger weight decay smaller weights",
            "increase weight decay smaller weights",
        ),
        "Stronger weight decay lets the weights grow.",
        "A larger regularisation strength pushes the weights to be smaller, which lowers "
        "the model's capacity.",
        (("lambda", ("regularization strength", "penalty")),),
    ),
    Fact(
        "data-overfitting",
        ("more training data less overfitting",),
        "More training data makes overfitting worse.",
        "More training data makes overfitting less likely.",
        (("data", ("examples", "samples")),),
    ),
)


@lru_cache(maxsize=1)
def _relations() -> tuple[tuple[Fact, Relation], ...]:
    """Each fact's phrasings as relations (compiled once; the facts are constant)."""
    out: list[tuple[Fact, Relation]] = []
    for fact in FACTS:
        phrases = compile_phrasings(
            fact.phrasings, {k: list(v) for k, v in fact.synonyms}, lambda _stem: 1.0
        )
        for k, phrase in enumerate(phrases):
            # read against the fact's other wordings only: its own two ends are no other
            # wording ("larger stride, *larger* output" turns the second end)
            others = [_words(p) for j, p in enumerate(phrases) if j != k]
            relation = relation_of(phrase, others)
            if relation is not None:
                out.append((fact, relation))
    return tuple(out)


def reversed_facts(
    answer: AnswerContext, stated: Sequence[MisconceptionHit], penalty: float
) -> tuple[MisconceptionHit, ...]:
    """The facts the answer states turned round, as wrong claims (none on the words of a
    wrong claim already found, which says it with the question's own correction)."""
    if not answer.analysis.units:
        return ()
    taken = [span for hit in stated for span in hit.spans]
    found: dict[str, MisconceptionHit] = {}
    stems = answer.stems
    for fact, relation in _relations():
        if fact.id in found or not all(
            any(all(s in stems for s in option) for option in options)
            for _, options in relation.words
        ):
            continue  # a word of the fact that is no scale is missing: it is not stated
        reading = reversed_relation(relation, answer)
        if reading is None:
            continue
        spans = answer.spans(reading[0])
        if any(_overlap(a, b) for a in spans for b in taken):
            continue
        found[fact.id] = MisconceptionHit(
            misconception_id=f"reverses:{fact.id}",
            claim=fact.wrong,
            correction=fact.correction,
            phrasing=relation.phrase.text,
            penalty=penalty,
            spans=spans,
        )
    return tuple(found.values())


def _words(phrase: CompiledPhrase) -> frozenset[str]:
    return frozenset(t.stem for o in phrase.options for t in o.terms)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
