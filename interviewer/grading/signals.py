"""The signals of one answer against one compiled question.

:func:`evaluate` coordinates: it analyses the answer (spelling read as meant,
self-corrections applied), judges every concept (:mod:`~interviewer.grading.concepts`),
finds misconceptions and contradicted concepts, and measures the shape of the answer
(:mod:`~interviewer.grading.shape`). The grader turns the result into a grade.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from interviewer.grading.compiled import CompiledQuestion
from interviewer.grading.concepts import judge_concept, stated_wrongly, wrong_claims
from interviewer.grading.context import AnswerContext, Settings
from interviewer.grading.counts import counted_otherwise
from interviewer.grading.crossings import crossed
from interviewer.grading.denials import claimed_denials
from interviewer.grading.facts import reversed_facts
from interviewer.grading.misconceptions import find_misconception
from interviewer.grading.pairings import paired
from interviewer.grading.preventions import prevented
from interviewer.grading.result import ConceptMatch, MisconceptionHit, Span
from interviewer.grading.shape import (
    disguised_list,
    fluency,
    informative_terms,
    is_dont_know,
    is_keyword_list,
    redundant_sentences,
)
from interviewer.grading.tfidf import TfidfModel, cosine
from interviewer.text.analysis import Analysis, Unit, analyse
from interviewer.text.matcher import TermIndex
from interviewer.text.spelling import Speller

__all__ = ["SIGNALS", "Evaluation", "Settings", "evaluate"]

# The named signals, in the order :meth:`RubricGrader.features` returns them.
SIGNALS: tuple[str, ...] = (
    "coverage",
    "key_coverage",
    "similarity",
    "similarity_in_band",
    "length",
    "elaboration",
    "topicality",
    "negated",
    "contradicted",
    "misconceptions",
    "penalty",
    "fluency",
    "key_credited",
    "keyword_list",
    "dont_know",
    "empty",
    "off_topic",
    "non_english",
    "too_short",
    "echo",
)
# A lone concept credited on a mention (this many words at most) in an answer of at least
# this many distinct content words, and this many words in its distinct sentences
# (repeating adds none): the rest of what it says earns nothing, so it is graded as a near
# miss (``thin_credit``). Short answers that name one thing are partial, not thin, and so
# are terse ones, dense with content words.
_THIN_EVIDENCE = 2
_THIN_MIN_WORDS = 15
_THIN_MIN_LENGTH = 40
_SENTENCE_END = re.compile(r"[.!?;\n]+")


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    """Everything found in an answer, before the grade is composed.

    Attributes:
        concepts: One match per rubric concept, in rubric order.
        misconceptions: Wrong claims: listed misconceptions, then denied or
            contradicted concepts.
        flags: Keys of :data:`~interviewer.grading.result.FLAGS` that apply.
        signals: The named signals (:data:`SIGNALS`).
    """

    concepts: tuple[ConceptMatch, ...]
    misconceptions: tuple[MisconceptionHit, ...]
    flags: tuple[str, ...]
    signals: dict[str, float]


def _weighted(matches: Sequence[ConceptMatch]) -> float:
    total = sum(m.weight for m in matches)
    return sum(m.weight * m.confidence for m in matches) / total if total else 0.0


def evaluate(
    compiled: CompiledQuestion,
    index: TermIndex,
    answer: str,
    tfidf: TfidfModel,
    settings: Settings,
    speller: Speller | None = None,
    own_pairs: Collection[str] = frozenset(),
    own_words: Collection[str] = frozenset(),
) -> Evaluation:
    """Match an answer against a compiled question and measure every signal.

    Args:
        compiled: The compiled question.
        index: Its term index (:func:`~interviewer.grading.compiled.term_index`).
        answer: The candidate's answer, as typed.
        tfidf: The fitted TF-IDF model.
        settings: Thresholds and limits.
        speller: Reads misspelled words as meant (None: words as typed).
        own_pairs: Word pairs of the bank's rubric text (for the fluency check).
        own_words: Words of the bank's rubric text (for the fluency check).

    Returns:
        The concept matches, wrong claims found, flags and named signals.
    """
    flags: list[str] = []
    graded = answer
    if len(answer) > settings.max_chars:
        cut = answer.rfind(" ", 0, settings.max_chars)
        graded = answer[: cut if cut > settings.max_chars // 2 else settings.max_chars]
        flags.append("truncated")
    analysis = analyse(graded, settings.negation_scope, speller)
    if analysis.had_control:
        flags.append("control_chars")
    if analysis.corrections:
        flags.append("spelling")
    if analysis.revised:
        flags.append("self_corrected")
    units = analysis.units
    context = AnswerContext(
        text=answer,
        graded=graded,
        analysis=analysis,
        hits=index.locate(units),
        settings=settings,
        asked=compiled.asked,
    )
    judged = tuple(judge_concept(item, context) for item in compiled.concepts)
    concepts = claimed_denials(prevented(compiled.concepts, judged, context))
    concepts = crossed(compiled.concepts, concepts, context)
    concepts = paired(compiled.concepts, compiled.pairings, concepts, context)
    concepts = counted_otherwise(concepts, compiled.concepts, compiled.counts, context)
    found = (
        find_misconception(m, context, compiled.subjects, compiled.things)
        for m in compiled.misconceptions
    )
    listed = tuple(hit for hit in found if hit is not None)
    concepts = stated_wrongly(concepts, listed)
    misconceptions = wrong_claims(
        concepts, compiled.concepts, listed, settings.contradiction_penalty
    )
    misconceptions += reversed_facts(context, misconceptions, settings.contradiction_penalty)
    on_topic_sentences = _on_topic_sentences(units, compiled.vocabulary, context.credited_positions)
    concepts = tuple(_near_miss_on_topic(c, units, on_topic_sentences) for c in concepts)
    # words the answer denies are no evidence of knowing the answer
    affirmed = [u for u in units if u.negation < 0]
    similarity = cosine(tfidf.vector(affirmed), compiled.reference) if affirmed else 0.0
    coverage = _weighted(concepts)
    keys = [c for c, item in zip(concepts, compiled.concepts, strict=True) if item.key]
    key_coverage = _weighted(keys) if keys else coverage
    total_weight = sum(c.weight for c in concepts) or 1.0
    negated = sum(c.weight for c in concepts if c.negated) / total_weight
    contradicted = sum(c.weight for c in concepts if c.contradicted) / total_weight
    # on-topic words, not counting denied ones (unless a phrasing wants the denial)
    vocabulary = compiled.vocabulary
    credited = context.credited_positions
    on_topic = sum(
        1 for i, u in enumerate(units) if u.stem in vocabulary and (u.negation < 0 or i in credited)
    )
    topical = on_topic / len(units) if units else 0.0
    # how much the answer says: distinct on-topic terms beyond the question's own, none
    # from a sentence that states a wrong claim
    wrong = _sentences_of(units, [s for m in misconceptions for s in m.spans])
    said = informative_terms(units, compiled.concept_terms, wrong)
    length = min(1.0, said / compiled.reference_terms)
    if any(
        len({u.stem for u in units if u.sentence == s}) >= 3 for s in redundant_sentences(units)
    ):
        flags.append("repetition")
    flow = fluency(
        analysis, _Either(own_pairs, compiled.own_pairs), _Either(own_words, compiled.own_words)
    )
    signals = dict.fromkeys(SIGNALS, 0.0)
    signals.update(
        coverage=coverage,
        key_coverage=key_coverage,
        similarity=similarity,
        # closeness to the reference counts only as far as the concepts go
        similarity_in_band=similarity * coverage,
        length=length,
        # so does how much the answer says
        elaboration=min(length, coverage),
        topicality=topical,
        negated=negated,
        contradicted=contradicted,
        misconceptions=float(len(misconceptions)),
        penalty=sum(m.penalty for m in misconceptions),
        fluency=1.0 if flow is None else flow,
        key_credited=float(any(c.credited for c in (keys or concepts))),
    )
    if (
        sum(c.credited for c in concepts) == 1
        and len(credited) <= _THIN_EVIDENCE
        and len({u.stem for u in units}) >= _THIN_MIN_WORDS
        and _distinct_length(graded) >= _THIN_MIN_LENGTH
    ):
        flags.append("thin_credit")
    _shape_flags(
        flags, analysis, settings, coverage > 0 or bool(misconceptions), topical, similarity
    )
    if "keyword_list" not in flags and disguised_list(
        analysis, graded, context.credited_positions, compiled.asked
    ):
        flags.append("keyword_list")

    # the question's own words and nothing else, none denied: the answer only
    # repeats the question (whatever concept words the question itself holds)
    # (a listed wrong claim in the question's words is a claim, unless the answer is the
    # question's own text: "... say whether they are only for images" asks it)
    def verbatim() -> bool:
        return any(analysis.normal_text in t for t in compiled.asked_texts)

    if (
        units
        and all(u.stem in compiled.asked for u in units)
        and (not listed or verbatim())
        and (not analysis.cues or verbatim())
    ):
        signals["echo"] = 1.0
        # the question's own words deny or state nothing of the candidate's
        misconceptions = ()
        signals["penalty"] = signals["misconceptions"] = 0.0
        if "off_topic" not in flags:
            flags.append("off_topic")
    if negated > 0:
        flags.append("negated")
    if contradicted > 0:
        flags.append("contradicted")
    if misconceptions:
        flags.append("misconception")
    for flag in ("keyword_list", "dont_know", "empty", "off_topic", "non_english", "too_short"):
        signals[flag] = 1.0 if flag in flags else 0.0
    return Evaluation(
        concepts=concepts, misconceptions=misconceptions, flags=tuple(flags), signals=signals
    )


def _on_topic_sentences(
    units: tuple[Unit, ...], vocabulary: Collection[str], credited: Collection[int]
) -> frozenset[int]:
    """The sentences that are about the question: those holding evidence for a concept, or
    mostly the question's words. A sentence about oneself ("I moved here for my studies")
    says nothing more, whatever words it shares with the rubric."""
    by_sentence: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        by_sentence.setdefault(unit.sentence, []).append(i)
    return frozenset(
        s
        for s, members in by_sentence.items()
        if any(i in credited for i in members)
        or sum(units[i].stem in vocabulary for i in members) * 2 >= len(members)
    )


def _distinct_length(text: str) -> int:
    """How many words the answer's distinct sentences hold (a sentence said again adds none)."""
    sentences = {" ".join(part.lower().split()) for part in _SENTENCE_END.split(text)}
    return sum(len(sentence.split()) for sentence in sentences)


def _sentences_of(units: tuple[Unit, ...], spans: Sequence[Span]) -> frozenset[int]:
    """The sentences that hold the words of these spans."""
    starts = [u.start for u in units]
    found: set[int] = set()
    for span in spans:
        first, last = bisect_left(starts, span.start), bisect_left(starts, span.end)
        if first == last and first:  # the span lies inside one word
            first -= 1
        found.update(units[i].sentence for i in range(first, max(first, last)))
    return frozenset(found)


def _near_miss_on_topic(
    match: ConceptMatch, units: tuple[Unit, ...], sentences: frozenset[int]
) -> ConceptMatch:
    """A missed concept's partial match counts only in a sentence about the question:
    "running mean" is not half said by "I moved to this city"."""
    if match.credited or not match.confidence or not match.spans:
        return match
    starts = [u.start for u in units]
    for span in match.spans:
        at = bisect_right(starts, span.start) - 1
        if at >= 0 and units[at].sentence in sentences:
            return match
    return replace(match, confidence=0.0)


class _Either:
    """Membership in either of two collections, without copying them (the bank's words,
    and the question's own, which a grader fitted without the question lacks)."""

    def __init__(self, first: Collection[str], second: Collection[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second


def _shape_flags(
    flags: list[str],
    analysis: Analysis,
    settings: Settings,
    credited_any: bool,
    topical: float,
    similarity: float,
) -> None:
    """Empty, "I don't know", non-English, off-topic, keyword list, too short."""
    if analysis.words == 0:
        flags.append("empty")
        return
    if not credited_any and is_dont_know(analysis, settings.dont_know_max_words):
        flags.append("dont_know")
        return
    english_share = analysis.stop_words / analysis.words
    if analysis.non_ascii_words > analysis.words / 2 or (
        analysis.words >= 4 and english_share < 0.1 and topical < 0.3
    ):
        flags.append("non_english")
    if not credited_any and topical < settings.off_topic_topicality and similarity < 0.05:
        flags.append("off_topic")
    if is_keyword_list(analysis):
        flags.append("keyword_list")
    elif analysis.words <= settings.too_short_words:
        flags.append("too_short")
