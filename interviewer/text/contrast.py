"""The domain contrast lexicon: words whose exchange turns a claim into its opposite.

"Dropout is applied during *training*" and "dropout is applied at *test time*" use the same
words but one of them; "*max* pooling keeps the largest value" and "*average* pooling keeps
the largest value" differ in one role. The grader compiles, for every phrasing of every
concept, the variants in which such words are exchanged for their contrasts, and an answer
that states a variant instead of the phrasing contradicts the concept (see
:mod:`interviewer.grading.contradiction`).

The pairs are general to deep learning; a concept adds its own in the rubric (``contrasts``).
Words are given in normal form and matched by stem.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache

from interviewer.text.stem import stem

__all__ = [
    "CONTRASTS",
    "compared_in",
    "contrast_stems",
    "contrast_table",
    "flip_stems",
    "quantity_contrasts",
    "scale_forms",
]

# Each row: the words of one side, then the words of the other side.
CONTRASTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("training", "train", "trained"), ("inference", "evaluation", "deployment", "deployed")),
    (("test", "testing"), ("training", "train", "trained")),
    (("forward",), ("backward", "backwards", "backpropagation")),
    (
        ("increase", "increases", "grow", "grows", "rise", "rises", "larger", "bigger"),
        ("decrease", "decreases", "shrink", "shrinks", "smaller", "reduce", "reduces"),
    ),
    (("more",), ("fewer", "less")),
    (("input", "inputs"), ("output", "outputs")),
    (("first", "early", "earlier"), ("last", "later", "final")),
    (("linear",), ("nonlinear", "nonlinearity")),
    (("supervised",), ("unsupervised", "unlabeled")),
    (("max", "maximum", "largest", "biggest", "highest"), ("average", "averages", "averaging")),
    (("max", "maximum", "largest", "biggest", "highest"), ("min", "minimum", "smallest")),
    (("valid",), ("same",)),
    (("same", "identical"), ("different",)),
    (("encoder",), ("decoder",)),
    (("vanishing", "vanish", "vanishes"), ("exploding", "explode", "explodes")),
    (("before",), ("after",)),
    (("parallel",), ("sequential", "sequentially")),
    (("local",), ("global",)),
    (("deep", "deeper"), ("shallow", "shallower")),
    (("small", "tiny"), ("large", "big", "huge")),
    (("high", "higher"), ("low", "lower")),
    (("positive",), ("negative",)),
    (("overfitting", "overfit"), ("underfitting", "underfit")),
    (("generative",), ("discriminative",)),
    (("fast", "faster"), ("slow", "slower")),
    (("stable",), ("unstable",)),
    (("labeled", "labelled"), ("unlabeled", "unlabelled")),
    (("minimize", "minimise", "minimizes"), ("maximize", "maximise", "maximizes")),
    (("horizontal",), ("vertical",)),
    (("uphill",), ("downhill",)),
    (("past", "previous"), ("future", "next")),
    (("long", "longer"), ("short", "shorter")),
    (("cheap", "cheaper"), ("expensive", "costly")),
    (("simple", "simpler"), ("complex", "complicated")),
    (("fixed",), ("learned", "learnable", "trainable")),
    (("classification", "classifier", "classify"), ("regression",)),
    (("general", "generic"), ("specific",)),
    (("additive", "additively"), ("multiplicative", "multiplicatively")),
    (("convex",), ("nonconvex",)),
    (("scalar", "scalars"), ("vector", "vectors")),
    (("downsample", "downsamples", "downsampling"), ("upsample", "upsamples", "upsampling")),
    (("bidirectional",), ("unidirectional", "autoregressive")),
    (("noisy", "noisier"), ("smooth", "smoother")),
    (("cpu", "cpus"), ("gpu", "gpus")),
    (("interpretable",), ("uninterpretable", "opaque")),
    (("easy", "easier"), ("hard", "harder", "difficult")),
    (("better",), ("worse",)),
    (("validation", "val"), ("test", "testing")),
    (("ascent", "ascend", "ascending"), ("descent", "descend", "descending")),
    (
        ("multiply", "multiplies", "multiplied", "multiplication"),
        ("divide", "divides", "divided", "division"),
    ),
    (
        ("concatenate", "concatenates", "concatenated", "concatenation"),
        ("add", "adds", "added", "addition", "sum", "summed"),
    ),
    (("dense",), ("sparse",)),
    (("stochastic",), ("deterministic",)),
    (("precision",), ("recall",)),
    (("bias",), ("variance",)),
    (("l1",), ("l2",)),
    (("row", "rows"), ("column", "columns")),
    (("generator",), ("discriminator",)),
    (("student",), ("teacher",)),
    (("freeze", "frozen", "freezing"), ("unfreeze", "unfrozen", "unfreezing")),
    (("synchronous",), ("asynchronous",)),
    (("overflow",), ("underflow",)),
)


def contrast_table(
    rows: Iterable[tuple[Sequence[str], Sequence[str]]] = CONTRASTS,
) -> dict[str, frozenset[str]]:
    """Stem -> the stems it contrasts with, both ways, from rows of two sides."""
    table: dict[str, set[str]] = {}
    for left, right in rows:
        left_stems = {stem(w) for w in left}
        right_stems = {stem(w) for w in right}
        for s in left_stems:
            table.setdefault(s, set()).update(right_stems - left_stems)
        for s in right_stems:
            table.setdefault(s, set()).update(left_stems - right_stems)
    return {s: frozenset(others) for s, others in table.items() if others}


# Rows whose two sides often describe one correct claim together ("the input goes in, the
# output comes out", "small kernels, large receptive field"): their exchange is a
# contradiction only where a phrasing states it exactly (contrast variants), never as a
# loose flip of a credited concept's clause (:func:`flip_stems`).
_CONTEXTUAL = frozenset(
    (
        "forward",
        "test",
        "increase",
        "more",
        "input",
        "first",
        "same",
        "before",
        "deep",
        "small",
        "high",
        "positive",
        "fast",
        "past",
        "long",
        "cheap",
        "simple",
        "fixed",
        "linear",
        "classification",
        "general",
        "scalar",
        "bidirectional",
        "noisy",
        "cpu",
        "easy",
        "better",
        "validation",
    )
)


@lru_cache(maxsize=1)
def _flippable() -> dict[str, frozenset[str]]:
    return contrast_table(row for row in CONTRASTS if row[0][0] not in _CONTEXTUAL)


def flip_stems(word_stem: str, extra: Mapping[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The stems that reverse a claim stated with ``word_stem`` wherever they stand in its
    clause: the lexicon's unambiguous rows (training/inference, max/average, valid/same,
    vanishing/exploding, ...) and ``extra``'s."""
    found = _flippable().get(word_stem, frozenset())
    if extra:
        found = found | extra.get(word_stem, frozenset())
    return found


@lru_cache(maxsize=1)
def _general() -> dict[str, frozenset[str]]:
    return contrast_table()


def contrast_stems(
    word_stem: str, extra: Mapping[str, frozenset[str]] | None = None
) -> frozenset[str]:
    """The stems that contrast with ``word_stem``: the general lexicon's and ``extra``'s."""
    found = _general().get(word_stem, frozenset())
    if extra:
        found = found | extra.get(word_stem, frozenset())
    return found


_COMPARED = re.compile(
    r"([a-z]+(?: [a-z]+){0,3}) (?:and|vs|versus) (?:an? |the )?([a-z]+(?: [a-z]+){0,3})"
)


# A question compares only when it says so.
_COMPARING = re.compile(
    r"\b(?:differ\w*|difference|compare\w*|versus|vs\.?|contrast\w*|rather than)\b"
)


def compared_in(question: str, stop_words: Collection[str]) -> dict[str, list[str]]:
    """The things a question compares, as contrasts: "How do machine learning and deep
    learning differ?" -> machine <-> deep; "the difference between valid and same padding"
    -> valid <-> same. Only a question that says it compares (differ, difference, versus,
    ...) is read.

    Each side is the run of content words next to "and"/"vs"; words both sides share
    ("learning", "encoding") are dropped, and the nearest distinguishing word of each side
    is paired. "Or" is not read: it usually introduces another name for the same thing.
    """
    if not _COMPARING.search(question.lower()):
        return {}
    plain = re.sub(r"['\"‘’“”]|-", " ", question.lower())
    text = " ".join(re.findall(r"[a-z][a-z]*|\S", plain))
    out: dict[str, list[str]] = {}
    for match in _COMPARED.finditer(text):
        left = _run(match.group(1).split(), stop_words, from_end=True)
        right = _run(match.group(2).split(), stop_words, from_end=False)
        mine = [w for w in left if w not in right]
        theirs = [w for w in right if w not in left]
        if not mine or not theirs or len(mine) > 2 or len(theirs) > 2:
            continue
        first, second = mine[-1], theirs[0]
        out.setdefault(first, []).append(second)
        out.setdefault(second, []).append(first)
    return out


def _run(words: list[str], stop_words: Collection[str], from_end: bool) -> list[str]:
    """The content words next to the connective (up to the first stop-word)."""
    out: list[str] = []
    for word in reversed(words) if from_end else words:
        if word in stop_words or len(word) < 3:
            break
        out.append(word)
    return out[::-1] if from_end else out


# Words of quantity, by the way they point (each family the forms of one word): "more
# data" reverses "small datasets", "a *raised* learning rate" a "low" one. Read only
# where a phrasing ties two quantities together (:mod:`interviewer.grading.relations`),
# never as a loose flip.
_UP = (
    ("increase", "increases", "increased", "increasing"),
    ("grow", "grows", "growing"),
    ("rise", "rises", "rising"),
    ("raise", "raises", "raising", "raised"),
    ("climb", "climbs", "climbing"),
    ("more",),
    ("large", "larger", "largest"),
    ("big", "bigger", "biggest"),
    ("huge", "massive"),
    ("high", "higher", "highest"),
    ("greater",),
    ("fast", "faster", "fastest"),
)
_DOWN = (
    ("decrease", "decreases", "decreased", "decreasing"),
    ("shrink", "shrinks", "shrinking"),
    ("reduce", "reduces", "reduced", "reducing"),
    ("fall", "falls", "falling"),
    ("fewer", "less"),
    ("small", "smaller", "smallest", "tiny", "tiniest"),
    ("low", "lower", "lowest"),
    ("slow", "slower", "slowest", "slowly"),
)


# The lexicon's rows that point along a scale as well (depth, length, position, the way
# an optimiser goes, a gradient's fate), not between two kinds of thing.
_SCALES = frozenset(("deep", "long", "first", "minimize", "vanishing"))


@lru_cache(maxsize=1)
def _scales() -> dict[str, frozenset[str]]:
    rows = [row for row in CONTRASTS if row[0][0] in _SCALES]
    up = tuple(w for family in _UP for w in family)
    down = tuple(w for family in _DOWN for w in family)
    return contrast_table([*rows, (up, down)])


@lru_cache(maxsize=1)
def _families() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    sides = (side for row in CONTRASTS if row[0][0] in _SCALES for side in row)
    for family in (*_UP, *_DOWN, *sides):
        stems = frozenset(stem(w) for w in family)
        for s in stems:
            out[s] = out.get(s, frozenset()) | stems
    return out


def scale_forms(word_stem: str) -> frozenset[str]:
    """``word_stem`` and the other forms of its word of scale ("slower", "slowest" and
    "slowly" for "slow"), or just itself."""
    return _families().get(word_stem, frozenset((word_stem,)))


def quantity_contrasts(word_stem: str) -> frozenset[str]:
    """The words pointing the other way along a scale from ``word_stem``: of quantity
    ("more" for "small", "lower" for "raising"), depth, length, position ("last" for
    "early"), optimisation ("maximise") or a gradient's fate ("explode"); none when it
    points along no scale."""
    return _scales().get(word_stem, frozenset())
