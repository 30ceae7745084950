"""The shape of an answer, apart from what it claims: is it a list of terms, a non-answer,
a shuffle of words, a repetition of itself?

These checks drive rules (caps and gates), never credit: an answer's shape can only keep it
from earning what its claims would not earn anyway.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Collection, Container

from interviewer.text.analysis import Analysis, Unit, analyse
from interviewer.text.english import english_bigrams, english_counts, english_totals
from interviewer.text.tokens import tokenize
from interviewer.text.vocabulary import DONT_KNOW_PHRASES, DONT_KNOW_WORDS

__all__ = [
    "disguised_list",
    "fluency",
    "informative_terms",
    "is_dont_know",
    "is_keyword_list",
    "redundant_sentences",
]

_DONT_KNOW_RE = re.compile(
    r"(?:^|\b)(?:" + "|".join(re.escape(p) for p in DONT_KNOW_PHRASES) + r")(?:\b|$)"
)
_FILLERS = frozenset(["sorry", "um", "uh", "hmm", "erm", "ok", "okay", "well", "honestly"])


def is_keyword_list(analysis: Analysis) -> bool:
    """A bare list of terms: short fragments, no verbs or connectives."""
    fragments = analysis.fragments
    if analysis.words < 2 or not analysis.units or analysis.connectives > 0:
        return False
    longest = max(fragments)
    # three or more short verbless fragments are list items even with small
    # words in them ("per neuron, per layer")
    if len(fragments) >= 3 and longest <= 4 and len(analysis.units) >= len(fragments):
        return sum(fragments) / len(fragments) <= 3
    if analysis.stop_words > 0.3 * analysis.words:
        return False
    if len(fragments) >= 2:
        return longest <= 4 and sum(fragments) / len(fragments) <= 3
    # one run of words ("relu dropout batchnorm adam"): no function word at all
    return analysis.stop_words == 0 and 3 <= analysis.words <= 8


_FIRST_PERSON = frozenset(("i", "my", "me", "myself", "i'm", "i've", "i'd", "im"))
_PASTED_MIN = 2  # repeated pieces that make a list pasted again


def disguised_list(
    analysis: Analysis, text: str, positions: Collection[int], asked: Collection[str] = ()
) -> bool:
    """Whether a bare list of terms is hidden by repetition or padding.

    Pasted twice, a list is still a list: its repeated pieces are dropped before it is
    judged. Padded with sentences that earn nothing and say nothing either (about oneself,
    a sentence said again, or restating the topic in the question's words, ``asked``:
    "transformers are better because they are better"), it is judged on the sentences that
    earned credit. Notes beside notes ("AlexNet 2012 proved it -> industry demand") are
    no padding.
    """
    chunks = analysis.chunks
    unique = list(dict.fromkeys(chunks))
    # pasted again, not a piece that recurs in notes ("Xavier init ... Xavier init")
    repeated = len(chunks) - len(unique)
    if repeated >= max(_PASTED_MIN, len(chunks) // 3) and is_keyword_list(
        analyse(", ".join(unique))
    ):
        return True
    units = analysis.units
    held = Counter(units[p].sentence for p in positions)
    # a sentence lending a concept one word ("... in NLP ...") does not earn it
    sentences = {s for s, n in held.items() if n >= 2} or set(held)
    others = {u.sentence for u in units} - sentences
    if not sentences or not others:
        return False
    words: dict[int, list[str]] = {}
    spans: dict[int, tuple[int, int]] = {}
    for token in tokenize(text).tokens:
        first, _ = spans.get(token.sentence, (token.start, token.end))
        spans[token.sentence] = (first, token.end)
        if token.is_word:
            words.setdefault(token.sentence, []).append(token.norm)
    # the whole sentence, its function words included: "You should use random
    # initialization" is no run of terms, though its content words are
    if not all(is_keyword_list(analyse(text[slice(*spans[s])])) for s in sentences):
        return False
    said = {s: " ".join(words.get(s, ())) for s in {*held, *others}}
    seen = Counter(said.values())

    def padding(sentence: int) -> bool:
        own = [u.stem for u in units if u.sentence == sentence]
        return (
            bool(_FIRST_PERSON.intersection(words.get(sentence, ())))
            or seen[said[sentence]] > 1
            or (bool(own) and 2 * sum(w in asked for w in own) >= len(own))
        )

    return any(padding(s) for s in others)


def is_dont_know(analysis: Analysis, max_words: int) -> bool:
    """A short "I don't know" (fillers such as "um, sorry" aside)."""
    if analysis.words > max_words:
        return False
    text = analysis.normal_text
    plain = " ".join(w for w in text.split() if w not in _FILLERS)
    return bool(_DONT_KNOW_RE.search(text)) or plain in DONT_KNOW_WORDS


def fluency(
    analysis: Analysis,
    own_pairs: Container[str],
    own_words: Container[str] = frozenset(),
    min_pairs: int = 8,
) -> float | None:
    """How much the answer's adjacent words belong together: their mean association.

    Each pair of neighbouring words scores its pointwise mutual information in English
    (symspellpy's word and word-pair counts): how much more often the pair occurs than its
    words would by chance, clipped to [-1, 3]. A pair that English never uses scores -1
    (0 when both are words of the bank's rubrics), a pair of the rubric text itself 3.
    Sentences score about 1 to 2 on average; the same words shuffled score about 0.
    Pairs with a word that is in neither list (a term, a number) are left out. None when
    too few pairs count to judge, or when most of the answer is notes.
    """
    counts = english_counts()
    pairs = english_bigrams()
    if not counts or not pairs:
        return None
    total = english_totals()
    scores = []
    # only words that are really neighbours: not across a comma, a colon or a list break
    # in stretches long enough to be prose: notes ("GRU: 2 gates, fewer params") are
    # short pieces, and they are not what a shuffle of words looks like
    chunks = [chunk.split() for chunk in analysis.chunks or (analysis.normal_text,)]
    prose = [words for words in chunks if len(words) >= _PROSE_WORDS]
    if 2 * sum(map(len, prose)) < sum(map(len, chunks)):
        return None  # mostly notes, with a stretch of prose here and there: no shuffle
    neighbours = [(first, second) for words in prose for first, second in itertools.pairwise(words)]
    for first, second in neighbours:
        pair = f"{first} {second}"
        if pair in own_pairs:
            scores.append(_PMI_HIGH)
            continue
        a, b = counts.get(first), counts.get(second)
        if a is None or b is None:
            continue
        together = pairs.get(pair)
        if together is None:
            # two words of the domain ("label encoding") may simply be rare in English
            scores.append(0.0 if first in own_words and second in own_words else _PMI_LOW)
            continue
        pmi = math.log(together * total[0] * total[0] / (a * b * total[1]))
        scores.append(max(_PMI_LOW, min(_PMI_HIGH, pmi)))
    if len(scores) < min_pairs:
        return None
    return sum(scores) / len(scores)


_PMI_LOW, _PMI_HIGH = -1.0, 3.0
_PROSE_WORDS = 6


def redundant_sentences(units: tuple[Unit, ...]) -> frozenset[int]:
    """Sentences that say nothing new: every content word was already said before.

    Pasting an answer twice, or restating a sentence, adds no information.
    """
    seen: set[str] = set()
    by_sentence: dict[int, set[str]] = {}
    for unit in units:
        by_sentence.setdefault(unit.sentence, set()).add(unit.stem)
    out = set()
    for sentence in sorted(by_sentence):
        stems = by_sentence[sentence]
        if stems <= seen:
            out.add(sentence)
        seen |= stems
    return frozenset(out)


def informative_terms(
    units: tuple[Unit, ...], terms: Collection[str], wrong: Collection[int] = frozenset()
) -> int:
    """Distinct, affirmed words of the answer that can carry a claim of the rubric.

    The measure of how much an answer says: repeating, restating the question, padding
    with unrelated sentences and denied words add nothing to it, and neither do the
    sentences that state a wrong claim (``wrong``, their indices) or say one again: a
    wrong claim in the rubric's words says nothing of what the answer knows.
    """
    by_sentence: dict[int, set[str]] = {}
    for unit in units:
        by_sentence.setdefault(unit.sentence, set()).add(unit.stem)
    claimed = [by_sentence[s] for s in wrong if s in by_sentence]
    return len(
        {
            u.stem
            for u in units
            if u.stem in terms and u.negation < 0 and by_sentence[u.sentence] not in claimed
        }
    )
