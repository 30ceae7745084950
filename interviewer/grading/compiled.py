"""A question's rubric compiled for fast grading (done once, at fit).

Everything here is plain data (tuples, dicts, frozen dataclasses) so a fitted
grader pickles small and loads fast without scikit-learn.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

from interviewer.grading.antecedents import Referred, question_things, referred_readings
from interviewer.grading.contradiction import ContrastVariant, compile_contrasts, extra_table
from interviewer.grading.denials import comparand
from interviewer.grading.implied_sides import question_sides
from interviewer.grading.label_pairings import Pairing, concept_pairings
from interviewer.grading.phrase_counts import CountRule, count_rules
from interviewer.grading.readings import Reading, distinct, readings, recurring_names
from interviewer.grading.relations import Relation, phrase_relations
from interviewer.grading.roles import concept_subject, phrase_sides
from interviewer.grading.stand_ins import denied_words, phrase_opposites
from interviewer.grading.tfidf import TfidfModel
from interviewer.models import Question
from interviewer.text.analysis import analyse
from interviewer.text.contrast import compared_in
from interviewer.text.matcher import TermIndex
from interviewer.text.phrases import (
    NUMBER_PLACEHOLDER,
    CompiledPhrase,
    Term,
    compile_phrasings,
    without_prevention,
    without_subject,
)
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

__all__ = [
    "CompiledItem",
    "CompiledQuestion",
    "compile_question",
    "fingerprint",
    "question_texts",
    "term_index",
]

# The fields of a question that matching depends on.
_MATCHED_FIELDS = {"ask", "rephrasings", "reference", "concepts", "misconceptions"}


def fingerprint(question: Question) -> str:
    """A digest of what grading depends on in ``question`` (not hints, threads, examples)."""
    text = question.model_dump_json(include=_MATCHED_FIELDS)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class CompiledItem:
    """A concept or a misconception, with its phrasings compiled.

    Attributes:
        id: The concept's or misconception's id.
        label: The concept's label, or the misconception's claim.
        weight: The concept's weight (0 for a misconception).
        key: Whether it is a key concept.
        phrases: Its compiled phrasings.
        message: ``missing_feedback`` of a concept, ``correction`` of a misconception.
        penalty: A misconception's penalty (0 for a concept).
        contrasts: A concept's contrast variants, each with the phrase it was made
            from (see :mod:`interviewer.grading.contradiction`).
        sides: The things the question compares, each as the stems of its names.
        implied: Whether those things were inferred from the concepts
            (:mod:`.implied_sides`) rather than named by the rubric or the question.
        about: For each phrase, the index in ``sides`` of the one it is about, or None.
        opposites: The concept's own contrasts and, for a comparing question, the two
            things compared, as stem -> opposite stems.
        elided: A misconception's phrases that open with a word of the question, without
            it (the claim said of "it"), else None; one per phrase.
        referred: A misconception's phrases read as claims a pronoun may stand for the
            subject of (:func:`~interviewer.grading.antecedents.referred_readings`).
        words: Stems of every word a concept is stated with, its label's and all its
            phrasings', not its synonyms' (the contrasts of these reverse it: the "linear"
            of a synonym "rectified linear unit" is no word of the concept's claim).
        pairs: Neighbouring content words (stems) of its label, the claim itself:
            "non-linear activation functions" gives (nonlinear, activ).
        phrase_opposites: For each phrase, the stems that contrast with its words
            (:func:`~interviewer.grading.stand_ins.phrase_opposites`).
        phrase_denials: For each phrase, the words of the one slot it wants denied
            (:func:`~interviewer.grading.stand_ins.denied_words`), else none.
        readings: A concept's phrasings read as claims about the things they name, for
            a question that declares no things compared (:mod:`.readings`).
        phrase_relations: For each phrase, the relation of two quantities it states
            (:func:`~interviewer.grading.relations.phrase_relations`), or None.
        comparand: What the concept is compared against: the words after "than" in its
            phrasings, and the words they deny (:func:`~.denials.comparand`).
        prevented: For each phrase of prevention, what it prevents, else None
            (:func:`~interviewer.text.phrases.without_prevention`).
    """

    id: str
    label: str
    weight: float
    key: bool
    phrases: tuple[CompiledPhrase, ...]
    message: str
    penalty: float = 0.0
    contrasts: tuple[ContrastVariant, ...] = ()
    sides: tuple[frozenset[str], ...] = ()
    implied: bool = False
    about: tuple[int | None, ...] = ()
    opposites: Mapping[str, frozenset[str]] = field(default_factory=dict)
    elided: tuple[CompiledPhrase | None, ...] = ()
    referred: tuple[Referred, ...] = ()
    words: frozenset[str] = frozenset()
    pairs: frozenset[tuple[str, str]] = frozenset()
    phrase_opposites: tuple[frozenset[str], ...] = ()
    phrase_denials: tuple[frozenset[str], ...] = ()
    readings: tuple[Reading, ...] = ()
    phrase_relations: tuple[Relation | None, ...] = ()
    comparand: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    prevented: tuple[CompiledPhrase | None, ...] = ()


@dataclass(frozen=True)
class CompiledQuestion:
    """A question ready to grade against.

    Attributes:
        question_id: The id of the question it was compiled from.
        fingerprint: :func:`fingerprint` of that question (to detect edits).
        concepts: Compiled concepts, in rubric order.
        misconceptions: Compiled misconceptions.
        terms: Every word the phrases need (see :func:`term_index`).
        reference: TF-IDF vector of the reference answer.
        reference_size: Number of content words of the reference.
        reference_terms: Number of distinct concept words (see ``concept_terms``)
            in the reference: the information a full answer gives.
        concept_terms: Stems of the concepts' phrasings, labels and synonyms that
            the question itself does not use: the words that can carry a claim.
        vocabulary: Stems of the question, reference and phrasings (topicality).
        asked: Stems of the question's own wording (ask and rephrasings).
        asked_texts: Normal forms of the ask and rephrasings.
        subjects: Stems of the question's words that open a misconception's phrasing: the
            things a pronoun may stand for.
        things: Stems of the things the question's texts are about (:func:`question_things`).
        own_words: Content words of the question's own texts (examples left out), in
            normal form: stopwords are not among them.
        own_pairs: Pairs of neighbouring words in those texts: with ``own_words``, what
            the fluency check knows of this question even when the grader was fitted
            without it.
        counts: For each concept, the counts its phrasings state (:mod:`.phrase_counts`).
        pairings: For each concept, the pairings it states (:mod:`.label_pairings`).
    """

    question_id: str
    fingerprint: str
    concepts: tuple[CompiledItem, ...]
    misconceptions: tuple[CompiledItem, ...]
    terms: tuple[Term, ...]
    reference: dict[str, float]
    reference_size: int
    vocabulary: frozenset[str]
    asked: frozenset[str] = frozenset()
    asked_texts: tuple[str, ...] = ()
    reference_terms: int = 1
    concept_terms: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    own_words: frozenset[str] = frozenset()
    own_pairs: frozenset[str] = frozenset()
    counts: tuple[tuple[CountRule, ...], ...] = ()
    pairings: tuple[tuple[Pairing, ...], ...] = ()


def question_texts(question: Question, examples: bool = True) -> list[str]:
    """Every text of a question: ask, rephrasings, reference, phrasings, examples.

    A phrasing with a ``{number}`` slot is a pattern, not text anyone wrote: it is left out
    (so adding one moves no word's weight elsewhere in the bank).
    """
    texts = [question.ask, *question.rephrasings, question.reference, *question.hints]
    for concept in question.concepts:
        texts.append(concept.label)
        texts.extend(p for p in concept.phrasings if NUMBER_PLACEHOLDER not in p)
        for key, values in concept.synonyms.items():
            texts.append(" ".join([key, *values]))
    for misconception in question.misconceptions:
        texts.append(misconception.claim)
        texts.extend(misconception.phrasings)
    if examples:
        texts.extend(example.answer for example in question.examples)
    return texts


def compile_question(
    question: Question,
    tfidf: TfidfModel,
    surfaces: dict[str, set[str]],
    known_words: frozenset[str],
    topic_discount: float = 0.4,
    thesaurus: dict[str, list[str]] | None = None,
) -> CompiledQuestion:
    """Compile a question's concepts, misconceptions and reference.

    Args:
        question: The question.
        tfidf: The fitted TF-IDF (its IDF weighs phrase slots and vectors).
        surfaces: Stem -> spellings seen in the bank (fuzzy-matching targets).
        known_words: Real words of the bank (never treated as typos).
        topic_discount: Factor on the weight of a phrase word that the question
            itself uses (an answer echoing the question proves little).
        thesaurus: The whole bank's synonyms (word -> alternatives), used after the
            question's own: a domain thesaurus, so a claim said in another
            question's words is still recognised.
    """
    # Words of the question itself are echoed by any answer: they weigh less.
    asked = frozenset(
        u.stem for text in (question.ask, *question.rephrasings) for u in analyse(text).units
    )

    def weight_of(stem: str) -> float:
        return tfidf.weight(stem) * (topic_discount if stem in asked else 1.0)

    # Synonyms are pooled over the question: "filters: [kernels]" given for one
    # concept holds for all of them. A concept's own entries come first.
    pool: dict[str, list[str]] = {}
    for concept in question.concepts:
        for key, values in concept.synonyms.items():
            pool.setdefault(key, []).extend(v for v in values if v not in pool.get(key, []))

    def synonyms_of(own: dict[str, list[str]], wide: bool = True) -> dict[str, list[str]]:
        merged = {k: list(v) for k, v in own.items()}
        for source in (pool, thesaurus or {}) if wide else (pool,):
            for key, values in source.items():
                merged.setdefault(key, []).extend(v for v in values if v not in merged[key])
        return merged

    # what the question compares contrasts in every concept ("one-hot" <-> "label")
    # (contrasts come from the question's words only; ``compares`` names the things whose
    # roles an answer may swap, see concepts._said_of_the_other)
    compared = compared_in(question.ask, STOP_WORDS)
    sides, declared = question_sides(question)
    # the things a question's concepts are stated about, for one without ``compares``
    things = recurring_names(t for c in question.concepts for t in (c.label, *c.phrasings))
    concepts = []
    for c in question.concepts:
        phrases = compile_phrasings(
            [*c.phrasings, c.label], synonyms_of(c.synonyms), weight_of, asked
        )
        opposites = extra_table({**compared, **c.contrasts})
        concepts.append(
            CompiledItem(
                id=c.id,
                label=c.label,
                weight=c.weight,
                key=c.key,
                phrases=phrases,
                message=c.missing_feedback,
                contrasts=compile_contrasts(phrases, {**compared, **c.contrasts}),
                opposites=opposites,
                sides=sides,
                implied=bool(sides) and not declared,
                about=phrase_sides(phrases, sides, concept_subject(c, sides)),
                words=frozenset(
                    t.stem
                    for p in phrases
                    for o in p.options
                    if o.source != "synonym"
                    for t in o.terms
                )
                | frozenset(u.stem for u in analyse(c.label).units),
                pairs=_neighbours(c.label),
                phrase_opposites=phrase_opposites(phrases, opposites),
                phrase_denials=tuple(denied_words(p) for p in phrases),
                prevented=tuple(without_prevention(p) for p in phrases),
                readings=() if declared else readings(phrases, c.label, things),
                phrase_relations=phrase_relations(phrases),
                comparand=comparand(phrases, c.label),
            )
        )
    # a claim said of one thing must be this concept's own, no word of the others'
    concepts = [
        replace(
            c,
            readings=distinct(
                c.readings, frozenset().union(*(o.words for o in concepts if o is not c))
            ),
        )
        if c.readings
        else c
        for c in concepts
    ]
    # A wrong claim must be stated in one place: its words, the question's own
    # included, are not gathered from anywhere in the answer as concept words are.
    # The claim a misconception is written as is one of its phrasings.
    misconceptions = []
    names, things = question_things(question, asked)
    for m in question.misconceptions:
        phrases = compile_phrasings([*m.phrasings, m.claim], synonyms_of({}, wide=False), weight_of)
        misconceptions.append(
            CompiledItem(
                id=m.id,
                label=m.claim,
                weight=0.0,
                key=False,
                phrases=phrases,
                message=m.correction,
                penalty=m.penalty,
                elided=tuple(
                    without_subject(p) if _opens_with(p, asked) else None for p in phrases
                ),
                referred=referred_readings(phrases, names),
            )
        )
    terms = tuple(
        dict.fromkeys(
            term
            for item in (*concepts, *misconceptions)
            for phrase in (*item.phrases, *(c.variant for c in item.contrasts))
            for option in phrase.options
            for term in option.terms
        )
    )
    reference_units = analyse(question.reference).units
    own_analyses = [analyse(t) for t in question_texts(question, examples=False)]
    own_texts = [a.normal_text.split() for a in own_analyses]
    vocabulary = frozenset(unit.stem for a in own_analyses for unit in a.units)
    concept_terms = (
        frozenset(
            unit.stem
            for concept in question.concepts
            for text in (
                concept.label,
                *concept.phrasings,
                *(v for key, values in concept.synonyms.items() for v in (key, *values)),
            )
            for unit in analyse(text).units
        )
        - asked
    )
    return CompiledQuestion(
        question_id=question.id,
        fingerprint=fingerprint(question),
        concepts=tuple(concepts),
        misconceptions=tuple(misconceptions),
        terms=terms,
        reference=tfidf.vector(reference_units),
        reference_size=len(reference_units),
        vocabulary=vocabulary,
        asked=asked,
        asked_texts=tuple(
            analyse(text).normal_text for text in (question.ask, *question.rephrasings)
        ),
        reference_terms=max(1, len({u.stem for u in reference_units} & concept_terms)),
        concept_terms=concept_terms,
        own_words=frozenset(u.norm for a in own_analyses for u in a.units),
        own_pairs=frozenset(f"{a} {b}" for words in own_texts for a, b in pairwise(words)),
        counts=count_rules([c.phrases for c in concepts]),
        pairings=tuple(concept_pairings(c.label, c.phrases) for c in concepts),
        things=things,
        subjects=frozenset(
            stem(p.slots[0].lower())
            for m in misconceptions
            for p in m.phrases
            if _opens_with(p, asked)
        ),
    )


# A claim of fewer words, its subject dropped, would be too loose to hold against anyone.
_ELIDED_MIN_SLOTS = 3


def _opens_with(phrase: CompiledPhrase, asked: frozenset[str]) -> bool:
    """Whether a phrasing opens with a word of the question and says enough without it."""
    return len(phrase.slots) >= _ELIDED_MIN_SLOTS and stem(phrase.slots[0].lower()) in asked


def term_index(
    compiled: CompiledQuestion, surfaces: dict[str, set[str]], known_words: frozenset[str]
) -> TermIndex:
    """The lookup index of a compiled question's words.

    Built on first use rather than pickled: it is large (every prefix and
    spelling of every word) and quick to rebuild for the few questions a
    session grades.
    """
    return TermIndex(compiled.terms, surfaces, known_words)


def _neighbours(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of neighbouring content words (stems) in ``text``."""
    return frozenset((a.stem, b.stem) for a, b in pairwise(analyse(text).units))
