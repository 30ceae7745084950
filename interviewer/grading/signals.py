"""The signals of one answer against one compiled question.

:func:`evaluate` does all the matching: concepts (with negation), misconceptions,
TF-IDF similarity, and the shape checks (empty, "I don't know", off-topic,
keyword list, non-English). The grader turns the result into a grade.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from interviewer.grading.compiled import CompiledItem, CompiledQuestion
from interviewer.grading.result import ConceptMatch, MisconceptionHit, Span
from interviewer.grading.tfidf import TfidfModel, cosine
from interviewer.text.analysis import Analysis, analyse
from interviewer.text.claims import claim_blocked, match_claim
from interviewer.text.matcher import Hit, PhraseMatch, TermIndex, match_phrase
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.vocabulary import DONT_KNOW_PHRASES, DONT_KNOW_WORDS, is_negator

__all__ = ["SIGNALS", "Evaluation", "Settings", "evaluate"]

# The named signals, in the order :meth:`RubricGrader.features` returns them.
SIGNALS: tuple[str, ...] = (
    "coverage",
    "key_coverage",
    "similarity",
    "length",
    "elaboration",
    "topicality",
    "negated",
    "misconceptions",
    "penalty",
    "keyword_list",
    "dont_know",
    "empty",
    "off_topic",
    "non_english",
    "too_short",
    "echo",
)

_DONT_KNOW_RE = re.compile(
    r"(?:^|\b)(?:" + "|".join(re.escape(p) for p in DONT_KNOW_PHRASES) + r")(?:\b|$)"
)


@dataclass(frozen=True)
class Settings:
    """The grader's parameters that matching needs (see :class:`RubricGrader`)."""

    credit_threshold: float
    misconception_threshold: float
    window_slack: int
    partial_min_share: float
    negation_scope: int
    max_chars: int
    off_topic_topicality: float
    dont_know_max_words: int
    too_short_words: int


@dataclass(frozen=True)
class Evaluation:
    """Everything found in an answer, before the grade is composed."""

    concepts: tuple[ConceptMatch, ...]
    misconceptions: tuple[MisconceptionHit, ...]
    flags: tuple[str, ...]
    signals: dict[str, float]


@dataclass
class _Answer:
    """One answer being matched: its text, analysis, hits and a shared memo."""

    text: str
    graded: str  # the text analysed (the answer, or its start when truncated)
    analysis: Analysis
    hits: dict[str, list[Hit]]
    settings: Settings
    memo: dict[tuple[str, int, bool], list[tuple[Hit, int]]] = field(default_factory=dict)
    credited_positions: set[int] = field(default_factory=set)

    def match(self, phrase: CompiledPhrase, allow_negated: bool = False) -> PhraseMatch | None:
        settings = self.settings
        return match_phrase(
            phrase,
            self.hits,
            self.analysis.units,
            settings.window_slack,
            allow_negated,
            settings.partial_min_share,
            self.memo,
        )

    def claim(self, phrase: CompiledPhrase) -> PhraseMatch | None:
        return match_claim(phrase, self.hits, self.analysis.units, memo=self.memo, text=self.graded)

    def spans(self, positions: Sequence[int]) -> tuple[Span, ...]:
        """The answer's words at these units, neighbours joined over small words.

        "normalises the OUTPUTS" is one span when "normalises" and "OUTPUTS"
        matched: only stop-words and spaces lie between them.
        """
        units = self.analysis.units
        bounds = sorted({(units[p].start, units[p].end) for p in positions})
        merged: list[tuple[int, int]] = []
        text = self.text
        for start, end in bounds:
            if merged and _joinable(text[merged[-1][1] : start]):
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return tuple(Span(s, e, text[s:e]) for s, e in merged)


_GAP_RE = re.compile(r"[\s\w'’-]{0,24}")


def _joinable(gap: str) -> bool:
    """Whether two matched words separated by ``gap`` read as one stretch."""
    return _GAP_RE.fullmatch(gap) is not None and len(gap.split()) <= 3


def _best(item: CompiledItem, answer: _Answer, allow_negated: bool = False) -> PhraseMatch | None:
    best: PhraseMatch | None = None
    for phrase in item.phrases:
        found = answer.match(phrase, allow_negated)
        if found is None or (allow_negated and found.cue < 0):
            continue
        if best is None or (found.score, found.coverage) > (best.score, best.coverage):
            best = found
    return best


def _compared(found: PhraseMatch, answer: _Answer) -> bool:
    """Whether a denied match also holds the referent X of "A doesn't P like X".

    The predicate is then asserted of X: every denied word of the match must be
    under the cue X is compared to, so "ReLU causes ..." (A, not X) stays denied.
    """
    units = [answer.analysis.units[p] for p in found.positions]
    cues = {u.negation for u in units if u.negation >= 0}
    return len(cues) == 1 and any(u.compared in cues for u in units)


def _closest_note(item: CompiledItem, best: PhraseMatch | None) -> str:
    if best is not None and best.found:
        found = ", ".join(f"'{w}'" for w in best.found)
        missing = ", ".join(f"'{w}'" for w in best.missing)
        if missing:
            return f"closest: {found} found but not {missing} (from '{best.phrase.text}')"
        return f"partly matched '{best.phrase.text}' (confidence {best.score:.2f})"
    example = item.phrases[0].text if item.phrases else item.label
    return f"none of its phrasings (e.g. '{example}') appear in the answer"


def _judge_concept(item: CompiledItem, answer: _Answer) -> ConceptMatch:
    threshold = answer.settings.credit_threshold
    best = _best(item, answer)
    # the denied reading only matters when the affirmed one is not a full match
    settled = best is not None and best.complete and best.score >= threshold
    negated = None if settled else _best(item, answer, allow_negated=True)
    # "sigmoid and tanh don't saturate": the words found unnegated are only the
    # subject; counting the denied words makes the match fuller, so it is denied
    denied = (
        negated is not None
        and negated.score >= threshold
        and negated.complete
        and (
            best is None
            or (
                not best.complete
                and best.phrase is negated.phrase
                and negated.coverage > best.coverage
            )
        )
    )
    if negated is not None and negated.score >= threshold and _compared(negated, answer):
        # "ReLU doesn't cause vanishing gradients like sigmoid" asserts it of sigmoid
        best, denied = negated, False
    if best is not None and best.score >= threshold and not denied:
        answer.credited_positions.update(best.positions)
        note = "" if best.complete else _closest_note(item, best)
        return ConceptMatch(
            item.id,
            item.label,
            item.weight,
            True,
            round(best.score, 3),
            best.phrase.text,
            best.method,
            answer.spans(best.positions),
            False,
            note,
        )
    if negated is not None and negated.score >= threshold:
        cue = answer.analysis.cues[negated.cue]
        return ConceptMatch(
            item.id,
            item.label,
            item.weight,
            False,
            0.0,
            negated.phrase.text,
            negated.method,
            answer.spans(negated.positions),
            True,
            f"negated by '{cue.text}': the answer denies it",
        )
    score = best.score if best is not None else 0.0
    return ConceptMatch(
        item.id,
        item.label,
        item.weight,
        False,
        round(score, 3),
        best.phrase.text if best is not None and best.found else None,
        "partial" if score > 0 else "none",
        answer.spans(best.positions) if best is not None and score > 0 else (),
        False,
        _closest_note(item, best),
    )


def _claimed_denials(concepts: tuple[ConceptMatch, ...]) -> tuple[ConceptMatch, ...]:
    """Undo denials whose words state another concept, one that wants the negation.

    "At test time no neurons are dropped" earns the concept that dropout is off
    at test time (its phrasing says "no neurons dropped"); it does not deny that
    dropout zeroes neurons in training. A concept credited without a negation of
    its own ("ReLU avoids vanishing gradients", from "sigmoid doesn't cause
    vanishing gradients like ReLU") leaves the denial standing.
    """
    credited = [
        (span, c)
        for c in concepts
        if c.credited and c.phrasing and any(is_negator(w) for w in c.phrasing.split())
        for span in c.spans
    ]
    out = []
    for concept in concepts:
        owner = next(
            (
                other
                for span, other in credited
                if concept.negated
                and any(span.start < mine.end and mine.start < span.end for mine in concept.spans)
            ),
            None,
        )
        if owner is None:
            out.append(concept)
            continue
        note = f"its denied words state another concept instead ({owner.concept_id})"
        out.append(replace(concept, negated=False, confidence=0.0, method="none", note=note))
    return tuple(out)


def _find_misconception(item: CompiledItem, answer: _Answer) -> MisconceptionHit | None:
    # a wrong claim is only held against the candidate when stated: its words in
    # order, and neither turned around, reported nor refuted
    stated = [
        found
        for phrase in item.phrases
        if (found := answer.claim(phrase)) is not None
        and claim_blocked(found, answer.analysis, answer.graded) is None
    ]
    best = max(stated, key=lambda m: m.score, default=None)
    if best is None or best.score < answer.settings.misconception_threshold:
        return None
    return MisconceptionHit(
        item.id,
        item.label,
        item.message,
        best.phrase.text,
        item.penalty,
        answer.spans(best.positions),
    )


def _is_keyword_list(analysis: Analysis) -> bool:
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


_FILLERS = frozenset(["sorry", "um", "uh", "hmm", "erm", "ok", "okay", "well", "honestly"])


def _without_fillers(text: str) -> str:
    return " ".join(w for w in text.split() if w not in _FILLERS)


def _weighted(matches: Sequence[ConceptMatch]) -> float:
    total = sum(m.weight for m in matches)
    return sum(m.weight * m.confidence for m in matches) / total if total else 0.0


def evaluate(
    compiled: CompiledQuestion,
    index: TermIndex,
    answer: str,
    tfidf: TfidfModel,
    settings: Settings,
) -> Evaluation:
    """Match an answer against a compiled question and measure every signal.

    Args:
        compiled: The compiled question.
        index: Its term index (:func:`~interviewer.grading.compiled.term_index`).
        answer: The candidate's answer, as typed.
        tfidf: The fitted TF-IDF model.
        settings: Thresholds and limits.

    Returns:
        The concept matches, misconceptions found, flags and named signals.
    """
    flags: list[str] = []
    graded = answer
    if len(answer) > settings.max_chars:
        cut = answer.rfind(" ", 0, settings.max_chars)
        graded = answer[: cut if cut > settings.max_chars // 2 else settings.max_chars]
        flags.append("truncated")
    analysis = analyse(graded, settings.negation_scope)
    if analysis.had_control:
        flags.append("control_chars")
    units = analysis.units
    context = _Answer(answer, graded, analysis, index.locate(units), settings)
    concepts = _claimed_denials(tuple(_judge_concept(item, context) for item in compiled.concepts))
    found = (_find_misconception(m, context) for m in compiled.misconceptions)
    misconceptions = tuple(hit for hit in found if hit is not None)
    # words the answer denies are no evidence of knowing the answer
    affirmed = [u for u in units if u.negation < 0]
    similarity = cosine(tfidf.vector(affirmed), compiled.reference) if affirmed else 0.0
    coverage = _weighted(concepts)
    keys = [c for c, item in zip(concepts, compiled.concepts, strict=True) if item.key]
    key_coverage = _weighted(keys) if keys else coverage
    total_weight = sum(c.weight for c in concepts) or 1.0
    negated = sum(c.weight for c in concepts if c.negated) / total_weight
    # on-topic words, not counting denied ones (unless a phrasing wants the denial)
    vocabulary = compiled.vocabulary
    credited = context.credited_positions
    on_topic = sum(
        1 for i, u in enumerate(units) if u.stem in vocabulary and (u.negation < 0 or i in credited)
    )
    topical = on_topic / len(units) if units else 0.0
    length = min(1.0, len(units) / max(1, compiled.reference_size))
    signals = dict.fromkeys(SIGNALS, 0.0)
    signals.update(
        coverage=coverage,
        key_coverage=key_coverage,
        similarity=similarity,
        length=length,
        # length only counts as far as the answer is on the rubric
        elaboration=min(length, coverage),
        topicality=topical,
        negated=negated,
        misconceptions=float(len(misconceptions)),
        penalty=sum(m.penalty for m in misconceptions),
    )
    credited_any = coverage > 0 or bool(misconceptions)
    if analysis.words == 0:
        flags.append("empty")
    elif (
        analysis.words <= settings.dont_know_max_words
        and not credited_any
        and (
            _DONT_KNOW_RE.search(analysis.normal_text)
            or _without_fillers(analysis.normal_text) in DONT_KNOW_WORDS
        )
    ):
        flags.append("dont_know")
    else:
        english_share = analysis.stop_words / analysis.words
        if analysis.non_ascii_words > analysis.words / 2 or (
            analysis.words >= 4 and english_share < 0.1 and topical < 0.3
        ):
            flags.append("non_english")
        if not credited_any and topical < settings.off_topic_topicality and similarity < 0.05:
            flags.append("off_topic")
        if _is_keyword_list(analysis):
            flags.append("keyword_list")
        elif analysis.words <= settings.too_short_words:
            flags.append("too_short")
    # the question's own words and nothing else, none denied: the answer only
    # repeats the question (whatever concept words the question itself holds)
    if (
        units
        and not misconceptions
        and all(u.stem in compiled.asked for u in units)
        and (not analysis.cues or any(analysis.normal_text in t for t in compiled.asked_texts))
    ):
        signals["echo"] = 1.0
        if "off_topic" not in flags:
            flags.append("off_topic")
    if negated > 0:
        flags.append("negated")
    if misconceptions:
        flags.append("misconception")
    for flag in ("keyword_list", "dont_know", "empty", "off_topic", "non_english", "too_short"):
        signals[flag] = 1.0 if flag in flags else 0.0
    return Evaluation(concepts, misconceptions, tuple(flags), signals)
