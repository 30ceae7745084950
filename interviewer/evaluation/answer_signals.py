"""Lexical, explainable signals of answer quality for ``interviewer eval``.

Every signal compares an answer with its question's reference answer (and,
for ``peer``, with the other answers to the same question, never their
scores). Each is a small group of columns so that the ablation can drop a
whole idea at once:

- ``recall``: how much of the reference's content the answer covers. Words
  that occur in the question are ignored on both sides (question demoting,
  after Sultan et al. 2016); words align when they are equal, share a stem,
  or are near spellings; IDF weighting makes rare words count more.
- ``precision``: how much of the answer's content is found in the reference.
- ``length``: the answer's length and its ratio to the reference's.
- ``blank``: the answer is empty or says it was not answered.
- ``chars``: character n-gram TF-IDF cosine (robust to typos and inflection).
- ``concepts``: the grader's result with a rubric drafted from the reference.
- ``peer``: similarity to the other answers to the same question (consensus).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from interviewer.authoring._text import is_stop, stem, words
from interviewer.authoring.stats import Floats

__all__ = [
    "LEXICAL_SIGNALS",
    "Pair",
    "SignalTable",
    "blank_answer",
    "lexical_signals",
    "peer_signal",
    "tfidf_cosine",
]

FUZZY_MIN = 0.8
_BLANK = re.compile(
    r"^\W*(?:not answered|no answer(?: given)?|unanswered|blank|none|n/?a|"
    r"i (?:do not|don'?t) know|(?:do not|don'?t) know|no idea|idk)?\W*$",
    re.IGNORECASE,
)

LEXICAL_SIGNALS = ("recall", "precision", "length", "blank", "chars")


@dataclass(frozen=True)
class Pair:
    """One answer to grade, with its question and reference answer."""

    question: str
    reference: str
    answer: str


@dataclass
class SignalTable:
    """Named groups of feature columns, one row per answer."""

    columns: dict[str, Floats]

    def matrix(self, names: Sequence[str]) -> Floats:
        """The columns of the named signals, side by side."""
        if not names:
            return np.zeros((self.rows, 0))
        return np.column_stack([self.columns[n] for n in names])

    @property
    def rows(self) -> int:
        """How many answers."""
        return len(next(iter(self.columns.values()))) if self.columns else 0


def blank_answer(answer: str) -> bool:
    """Whether the answer is empty or only says it was not answered."""
    return _BLANK.match(answer) is not None


def _content(text: str) -> list[str]:
    return [w for w in words(text) if not is_stop(w)]


@lru_cache(maxsize=200_000)
def _similar(a: str, b: str) -> float:
    """1 for the same word or stem, a near-spelling ratio, else 0."""
    if a == b or stem(a) == stem(b):
        return 1.0
    if min(len(a), len(b)) >= 4:
        from rapidfuzz import fuzz

        ratio = fuzz.ratio(a, b) / 100.0
        if ratio >= FUZZY_MIN:
            return ratio
    return 0.0


def _best(word: str, pool: Sequence[str]) -> float:
    return max((_similar(word, other) for other in pool), default=0.0)


def _idf(pairs: Sequence[Pair]) -> Callable[[str], float]:
    documents = [p.answer for p in pairs] + sorted({p.reference for p in pairs})
    df: Counter[str] = Counter()
    for document in documents:
        df.update({stem(w) for w in _content(document)})
    size = len(documents)

    def idf(word: str) -> float:
        return math.log((size + 1) / (df[stem(word)] + 1)) + 1.0

    return idf


def _pair_row(pair: Pair, idf: Callable[[str], float]) -> list[float]:
    question = {stem(w) for w in _content(pair.question)}
    reference = _content(pair.reference)
    answer = _content(pair.answer)
    ref = sorted({w for w in reference if stem(w) not in question} or set(reference))
    ans = sorted({w for w in answer if stem(w) not in question})
    ref_hits = [_best(w, ans) for w in ref]
    ans_hits = [_best(w, ref) for w in ans]
    weights = [idf(w) for w in ref]
    recall_idf = sum(h * w for h, w in zip(ref_hits, weights, strict=True)) / max(
        sum(weights), 1e-9
    )
    recall = sum(ref_hits) / max(len(ref), 1)
    precision = sum(ans_hits) / max(len(ans), 1)
    aligned = (sum(ref_hits) + sum(ans_hits)) / max(len(ref) + len(ans), 1)
    ratio = min(len(answer) / max(len(reference), 1), 3.0)
    return [
        recall_idf,
        math.sqrt(recall_idf),
        recall,
        math.sqrt(recall),
        precision,
        aligned,
        math.log1p(len(answer)),
        ratio,
        1.0 if blank_answer(pair.answer) else 0.0,
    ]


def _char_cosine(pairs: Sequence[Pair]) -> Floats:
    from sklearn.feature_extraction.text import TfidfVectorizer

    answers = [p.answer for p in pairs]
    references = [p.reference for p in pairs]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit(answers + sorted(set(references)))
    a, b = vectorizer.transform(answers), vectorizer.transform(references)
    return np.asarray(a.multiply(b).sum(axis=1), dtype=float).ravel()


def lexical_signals(pairs: Sequence[Pair]) -> SignalTable:
    """The reference-based lexical signals (see the module docstring) for each pair."""
    idf = _idf(pairs)
    rows = np.array([_pair_row(p, idf) for p in pairs], dtype=float).reshape(len(pairs), 9)
    return SignalTable(
        {
            "recall": rows[:, 0:4],
            "precision": rows[:, 4:6],
            "length": rows[:, 6:8],
            "blank": rows[:, 8:9],
            "chars": _char_cosine(pairs)[:, None],
        }
    )


def _demoted_stems(text: str, question: str) -> str:
    asked = {stem(w) for w in _content(question)}
    return " ".join(stem(w) for w in _content(text) if stem(w) not in asked)


def peer_signal(pairs: Sequence[Pair], groups: Sequence[str]) -> Floats:
    """Cosine of each answer to the sum of the OTHER answers in its group (no scores).

    Answers most classmates agree with tend to be right; this uses only their text.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [_demoted_stems(p.answer, p.question) for p in pairs]
    matrix = TfidfVectorizer(token_pattern=r"\S+").fit_transform(texts).toarray()
    out = np.zeros(len(pairs))
    members: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        members[group].append(index)
    for indexes in members.values():
        block = matrix[indexes]
        total = block.sum(axis=0)
        for row, index in enumerate(indexes):
            others = total - block[row]
            norm = float(np.linalg.norm(others))
            out[index] = float(block[row] @ others) / norm if norm > 0 else 0.0
    return out[:, None]


def tfidf_cosine(pairs: Sequence[Pair]) -> Floats:
    """The classic baseline: word TF-IDF cosine of answer and reference (no demoting)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    answers = [p.answer for p in pairs]
    references = [p.reference for p in pairs]
    vectorizer = TfidfVectorizer().fit(answers + sorted(set(references)))
    a, b = vectorizer.transform(answers), vectorizer.transform(references)
    return np.asarray(a.multiply(b).sum(axis=1), dtype=float).ravel()[:, None]
