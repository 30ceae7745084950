"""TF-IDF similarity: fitted with scikit-learn, applied with plain dicts.

The vectoriser is fitted once over the whole bank's text; its vocabulary and
IDF are then kept as a dict so that grading never imports scikit-learn (whose
import alone costs most of a second). Words the fit never saw get the largest
IDF, as a word with document frequency zero would.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interviewer.text.analysis import Unit, analyse

__all__ = ["TfidfModel", "cosine", "fit_tfidf"]


def _stems(text: str) -> list[str]:
    return [unit.stem for unit in analyse(text).units]


@dataclass(frozen=True)
class TfidfModel:
    """The fitted IDF of every stem of the bank.

    Attributes:
        idf: Stem -> inverse document frequency (scikit-learn's smoothed IDF).
        unseen_idf: IDF of a stem absent from the fit.
    """

    idf: dict[str, float]
    unseen_idf: float

    def weight(self, stem: str) -> float:
        """The IDF of ``stem`` (how informative the word is)."""
        return self.idf.get(stem, self.unseen_idf)

    def vector(self, units: Iterable[Unit] | Sequence[str]) -> dict[str, float]:
        """The L2-normalised sublinear TF-IDF vector of a text's content units or stems."""
        counts = Counter(u if isinstance(u, str) else u.stem for u in units)
        weights = {s: (1.0 + math.log(n)) * self.weight(s) for s, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if norm == 0.0:
            return {}
        return {s: w / norm for s, w in weights.items()}

    def text_vector(self, text: str) -> dict[str, float]:
        """The TF-IDF vector of a raw text."""
        return self.vector(_stems(text))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(s, 0.0) for s, w in a.items())


def fit_tfidf(documents: Sequence[str]) -> TfidfModel:
    """Fit TF-IDF over ``documents`` with scikit-learn (imported here, lazily).

    Args:
        documents: Every text of the bank: references, questions, phrasings, examples.

    Returns:
        The IDF table as plain data.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [d for d in documents if d.strip()] or ["empty"]
    seen: dict[str, list[str]] = {}

    def stems_of(text: str) -> list[str]:
        """The stems of ``text``, analysed once per distinct text of this fit."""
        found = seen.get(text)
        if found is None:
            found = seen[text] = _stems(text)
        return found

    vectorizer = TfidfVectorizer(analyzer=stems_of, sublinear_tf=True, norm="l2", smooth_idf=True)
    vectorizer.fit(texts)
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    idf = [float(v) for v in vectorizer.idf_]
    table = {stem: idf[index] for stem, index in vocabulary.items()}
    unseen = math.log((1 + len(texts)) / 1) + 1.0
    return TfidfModel(table, unseen)
