"""Small text helpers the authoring tools share.

Tokens, stems and stop-words are the grader's (:mod:`interviewer.text`), so
lint and draft judge a phrasing exactly as the grader will see it.
"""

from __future__ import annotations

import re

from interviewer.text.analysis import analyse
from interviewer.text.stem import stem as _grader_stem
from interviewer.text.tokens import tokenize
from interviewer.text.vocabulary import STOP_WORDS

__all__ = ["WordSpan", "content_key", "is_stop", "slug", "stem", "word_spans", "words"]

WordSpan = tuple[str, int, int]


def word_spans(text: str) -> list[WordSpan]:
    """Normal-form words of ``text`` with their ``[start, end)`` offsets in ``text``.

    The normal form is the grader's: lower case, straight apostrophes, American spelling.
    """
    return [(t.norm, t.start, t.end) for t in tokenize(text).tokens if t.is_word]


def words(text: str) -> list[str]:
    """Normal-form word tokens of ``text``."""
    return [w for w, _, _ in word_spans(text)]


def is_stop(word: str) -> bool:
    """Whether the normal-form ``word`` is one of the grader's stop-words."""
    return word in STOP_WORDS


def stem(word: str) -> str:
    """The grader's stem of a normal-form word."""
    return _grader_stem(word)


def content_key(text: str) -> tuple[str, ...]:
    """The content of a phrase as the grader matches it.

    The grader's own analysis: lexicon rewrites ("bn" -> batch normalization),
    stop-words dropped, stems; a negated word is marked ("not:learn") since
    "learn" and "do not learn" are different claims. Two phrasings with the
    same key match the same answers; a phrasing whose key is empty can never
    match anything.
    """
    return tuple(f"not:{u.stem}" if u.negation >= 0 else u.stem for u in analyse(text).units)


def slug(text: str, max_words: int = 4) -> str:
    """An id-safe slug (``a-z0-9-``) made of the first content words of ``text``."""
    picked = [w for w in words(text) if not is_stop(w)][:max_words] or words(text)[:max_words]
    out = "-".join(re.sub(r"[^a-z0-9]", "", w) for w in picked).strip("-")
    return re.sub(r"-+", "-", out) or "item"
