"""``rubric draft``: propose a starter rubric from a question and its reference answer.

Concepts come from the reference's clauses, ranked by how distinctive their
words are (TF-IDF against a background corpus: the bank by default), with
words that merely repeat the question demoted. Each concept's phrasings are
its best-scoring n-grams, written as they appear in the reference. Synonyms
are borrowed from bank concepts whose phrasings share a word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from interviewer.authoring._text import (
    WordSpan,
    content_key,
    is_stop,
    slug,
    stem,
    word_spans,
    words,
)
from interviewer.bank import Bank
from interviewer.models import Concept, Example, Question

__all__ = ["DraftConcept", "DraftRubric", "bank_background", "draft_rubric"]

QUESTION_WORD_WEIGHT = 0.3
NUMBER_WEIGHT = 0.3
DISTINCTIVE_IDF = 0.7
_PHRASE_BREAKERS = frozenset(
    {"and", "or", "but", "that", "which", "so", "because", "while", "where", "when"}
    | {"whereas", "although", "if", "than"}
)
_MAX_GAP = 3
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]\n]+|,\s|\s[-–—]+\s")


@dataclass
class DraftConcept:
    """A proposed concept, with where its synonym suggestions came from."""

    concept: Concept
    score: float
    related: list[str] = field(default_factory=list)


@dataclass
class DraftRubric:
    """A drafted question plus what the author should review."""

    question: Question
    concepts: list[DraftConcept]
    terms: list[tuple[str, float]]


def bank_background(bank: Bank) -> list[str]:
    """One background document per bank question: its ask, reference and phrasings."""
    docs = []
    for question in bank.questions.values():
        parts = [question.ask, question.reference]
        parts += [p for c in question.concepts for p in c.phrasings]
        docs.append(" ".join(parts))
    return docs


class _Idf:
    def __init__(self, background: Sequence[str], reference: str) -> None:
        docs = [*background, reference]
        self.size = len(docs)
        self.df: Counter[str] = Counter()
        for doc in docs:
            self.df.update({stem(w) for w, _, _ in word_spans(doc) if not is_stop(w)})

    def __call__(self, stemmed: str) -> float:
        return math.log((self.size + 1) / (self.df[stemmed] + 1)) + 1.0


@dataclass
class _Clause:
    start: int
    end: int
    words: list[WordSpan]  # content words only
    gaps: list[bool] = field(default_factory=list)  # gaps[i]: may a phrase join words i-1, i?

    def __post_init__(self) -> None:
        if not self.gaps:
            self.gaps = [True] * len(self.words)


def _joinable(text: str, left: WordSpan, right: WordSpan) -> bool:
    between = [w for w, _, _ in word_spans(text[left[2] : right[1]])]
    return len(between) <= _MAX_GAP and not any(w in _PHRASE_BREAKERS for w in between)


def _clauses(text: str) -> list[_Clause]:
    """The reference cut at punctuation into clauses of content words (tiny ones merged)."""
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    groups: dict[int, list[WordSpan]] = {}
    for span in word_spans(text):
        groups.setdefault(sum(1 for c in cuts if c < span[1]), []).append(span)
    clauses = []
    for _, spans in sorted(groups.items()):
        content = [s for s in spans if not is_stop(s[0])]
        if content:
            gaps = [False] + [_joinable(text, a, b) for a, b in pairwise(content)]
            clauses.append(_Clause(spans[0][1], spans[-1][2], content, gaps))
    merged: list[_Clause] = []
    for clause in clauses:
        if merged and (len(clause.words) < 2 or len(merged[-1].words) < 2):
            last = merged[-1]
            merged[-1] = _Clause(
                last.start,
                clause.end,
                last.words + clause.words,
                [*last.gaps, False, *clause.gaps[1:]],
            )
        else:
            merged.append(clause)
    return merged


def _ngrams(clause: _Clause, weight: dict[str, float]) -> list[tuple[float, int, int]]:
    """(score, first, last) for runs of 1-4 content words, best first."""
    out = []
    stems = [stem(w) for w, _, _ in clause.words]
    for size in range(1, 5):
        for first in range(len(stems) - size + 1):
            run = stems[first : first + size]
            if len(set(run)) < size or not all(clause.gaps[first + 1 : first + size]):
                continue
            score = sum(weight[s] for s in run) / math.sqrt(size)
            out.append((score, first, first + size - 1))
    return sorted(out, key=lambda t: (-t[0], t[1], t[2]))


def _phrasings(
    text: str,
    clause: _Clause,
    weight: dict[str, float],
    limit: int,
    asked: set[str],
    taken: set[tuple[str, ...]],
) -> list[str]:
    """The clause's best n-grams as written, new to the rubric and saying more than the question.

    ``taken`` (content keys already used by earlier concepts) is updated.
    """
    chosen: list[str] = []
    covered: set[int] = set()
    for _, first, last in _ngrams(clause, weight):
        if last - first < 1 and len(clause.words) > 1:
            continue  # a phrasing should say a little more than one word
        new = set(range(first, last + 1)) - covered
        if not new or (chosen and len(new) < (last - first + 1) / 2):
            continue
        phrase = " ".join(text[clause.words[first][1] : clause.words[last][2]].split()).lower()
        key = content_key(phrase)
        if not key or key in taken or set(key) <= asked:
            continue
        chosen.append(phrase)
        taken.add(key)
        covered |= set(range(first, last + 1))
        if len(chosen) >= limit:
            break
    if not chosen:  # fall back to the clause's own words
        phrase = " ".join(w for w, _, _ in clause.words[:4])
        chosen.append(phrase)
        taken.add(content_key(phrase))
    return chosen


def _bank_synonyms(
    phrasings: list[str], bank: Bank | None, own_id: str, distinctive: set[str]
) -> tuple[dict[str, list[str]], list[str]]:
    """Synonyms bank authors gave for this concept's distinctive words, and related concepts.

    Only exact keys are borrowed (a bank concept's ``synonyms[word]``); a bank
    concept is related when its phrasings share a distinctive word.
    """
    if bank is None:
        return {}, []
    mine = {stem(w): w for p in phrasings for w, _, _ in word_spans(p) if not is_stop(w)}
    wanted = {s for s in mine if s in distinctive}
    synonyms: dict[str, list[str]] = {}
    related: list[tuple[int, str]] = []
    for question in bank.questions.values():
        if question.id == own_id:
            continue
        for concept in question.concepts:
            shared = {
                stem(w)
                for p in concept.phrasings
                for w, _, _ in word_spans(p)
                if not is_stop(w) and stem(w) in wanted
            }
            if shared:
                related.append((-len(shared), f"{question.id}/{concept.id}"))
            for key, alternatives in concept.synonyms.items():
                key_stems = [stem(w) for w in words(key) if not is_stop(w)]
                if len(key_stems) != 1 or key_stems[0] not in wanted:
                    continue
                bucket = synonyms.setdefault(mine[key_stems[0]], [])
                bucket += [a for a in alternatives if stem(a) != key_stems[0] and a not in bucket]
    return {k: v[:5] for k, v in synonyms.items() if v}, [r for _, r in sorted(related)[:5]]


def _label(text: str, clause: _Clause) -> str:
    label = " ".join(text[clause.start : clause.end].split())
    if len(label) > 90:
        label = label[:87].rsplit(" ", 1)[0] + "..."
    return label[:1].upper() + label[1:]


def draft_rubric(
    ask: str,
    reference: str,
    *,
    background: Sequence[str] = (),
    bank: Bank | None = None,
    question_id: str | None = None,
    max_concepts: int = 5,
    phrasings_per_concept: int = 4,
) -> DraftRubric:
    """Draft a valid, loadable question rubric from a question and a model answer.

    Args:
        ask: The question.
        reference: A correct, complete model answer.
        background: Documents to compute IDF against; with ``bank`` given and no
            background, the bank's questions are the background.
        bank: Where synonym suggestions come from (None: no suggestions).
        question_id: The id to use; default a slug of the question.
        max_concepts: At most this many concepts.
        phrasings_per_concept: At most this many phrasings per concept.

    Returns:
        The drafted question (schema-valid) and the per-concept review notes.

    Raises:
        ValueError: if the reference has no content words.
    """
    if not background and bank is not None:
        background = bank_background(bank)
    idf = _Idf(background, reference)
    asked = {stem(w) for w in words(ask) if not is_stop(w)}
    spans = [s for s in word_spans(reference) if not is_stop(s[0])]
    if not spans:
        raise ValueError("the reference answer has no content words to draft concepts from")
    counts = Counter(stem(w) for w, _, _ in spans)
    weight = {
        stem(w): idf(stem(w))
        * (1.0 + math.log(counts[stem(w)]))
        * (QUESTION_WORD_WEIGHT if stem(w) in asked else 1.0)
        * (NUMBER_WEIGHT if any(ch.isdigit() for ch in w) else 1.0)
        for w, _, _ in spans
    }
    top_idf = max(idf(s) for s in weight)
    distinctive = {s for s in weight if s not in asked and idf(s) >= DISTINCTIVE_IDF * top_idf}
    clauses = _clauses(reference)
    scores = [sum(weight[s] for s in {stem(w) for w, _, _ in c.words}) for c in clauses]
    ranked = sorted(range(len(clauses)), key=lambda i: -scores[i])
    picked = sorted(ranked[:max_concepts])
    qid = question_id or slug(ask, 5)
    drafts: list[DraftConcept] = []
    used_ids: set[str] = set()
    taken: set[tuple[str, ...]] = set()
    for index in picked:
        clause = clauses[index]
        phrasings = _phrasings(reference, clause, weight, phrasings_per_concept, asked, taken)
        cid = slug(phrasings[0], 3)
        while cid in used_ids:
            cid += "-x"
        used_ids.add(cid)
        synonyms, related = _bank_synonyms(phrasings, bank, qid, distinctive)
        said = " ".join(reference[clause.start : clause.end].split())
        is_key = index in ranked[:2] and len(picked) > 1
        concept = Concept(
            id=cid,
            label=_label(reference, clause),
            weight=max(1.0, round(4 * scores[index] / scores[ranked[0]]) / 2),
            key=is_key,
            phrasings=phrasings,
            synonyms=synonyms,
            missing_feedback=f"A complete answer also says this: {said[:1].lower()}{said[1:]}",
            probe=f"What can you add about {phrasings[0]}?" if is_key else None,
        )
        drafts.append(DraftConcept(concept, scores[index], related))
    return DraftRubric(
        _question(qid, ask, reference, drafts, idf, asked), drafts, _top_terms(spans, weight)
    )


def _top_terms(spans: list[WordSpan], weight: dict[str, float]) -> list[tuple[str, float]]:
    surface: dict[str, str] = {}
    for w, _, _ in spans:
        surface.setdefault(stem(w), w)
    ranked = sorted(((w, weight[s]) for s, w in surface.items()), key=lambda t: (-t[1], t[0]))
    return [(w, round(score, 3)) for w, score in ranked[:12]]


def _question(
    qid: str,
    ask: str,
    reference: str,
    drafts: list[DraftConcept],
    idf: _Idf,
    asked: set[str],
) -> Question:
    ask = " ".join(ask.split())
    reference = " ".join(reference.split())
    topic_words = sorted(
        (w for w in words(ask) if not is_stop(w) and w.isalpha()), key=lambda w: -idf(stem(w))
    )
    firsts = [d.concept.phrasings[0] for d in drafts]
    return Question(
        id=qid,
        ask=ask,
        rephrasings=[f"Put another way: {ask}"],
        level="intermediate",
        topics=[slug(topic_words[0], 1) if topic_words else "general"],
        tracks=["general"],
        sources=[],
        reference=reference,
        concepts=[d.concept for d in drafts],
        misconceptions=[],
        hints=[f"Start from {firsts[0]}.", "A complete answer covers: " + "; ".join(firsts) + "."],
        threads=[],
        examples=[Example(kind="excellent", grade=(4.0, 5.0), answer=reference)],
    )
