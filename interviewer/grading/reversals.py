"""A concept stated the other way round, and the wrong claim that reports it.

Each way of contradicting a concept (:mod:`interviewer.grading.concepts` tries them in turn)
ends in :func:`opposite`: the concept uncredited, quoted where the answer says its
opposite, with why. Two of those ways live here: a contrast word standing in the place of
the one word a phrasing lacks (:func:`stood_in`), and a word the phrasing denies said
plainly in its place (:func:`affirmed`); and a relation of two quantities stated with
one end turned round (:func:`turned_round`, read by :mod:`.relations`).
"""

from __future__ import annotations

from dataclasses import replace

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.one_clause import clause_matches
from interviewer.grading.relations import reversed_relation
from interviewer.grading.result import ConceptMatch
from interviewer.grading.roles import said_of_another
from interviewer.grading.stand_ins import affirmed_in_place, stand_in
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase

__all__ = ["affirmed", "credit", "opposite", "said_of_the_other_thing", "stood_in", "turned_round"]


def opposite(
    item: CompiledItem, answer: AnswerContext, found: PhraseMatch, method: str, note: str
) -> ConceptMatch:
    """The concept as contradicted by ``found``: a wrong claim, quoted, with why."""
    return ConceptMatch(
        concept_id=item.id,
        label=item.label,
        weight=item.weight,
        credited=False,
        confidence=0.0,
        phrasing=found.phrase.text,
        method=method,
        spans=answer.spans(found.positions),
        contradicted=True,
        wrong_claim=True,
        note=note,
    )


def credit(
    item: CompiledItem, answer: AnswerContext, found: PhraseMatch, note: str = ""
) -> ConceptMatch:
    """The concept as credited by ``found``, quoted, its words marked as credited evidence
    (the credited counterpart of :func:`opposite`)."""
    answer.credited_positions.update(found.positions)
    return ConceptMatch(
        concept_id=item.id,
        label=item.label,
        weight=item.weight,
        credited=True,
        confidence=round(found.score, 3),
        phrasing=found.phrase.text,
        method=found.method,
        spans=answer.spans(found.positions),
        note=note,
    )


def said_of_the_other_thing(
    item: CompiledItem, phrase: CompiledPhrase, found: PhraseMatch, answer: AnswerContext
) -> bool:
    """Whether ``found`` (a match of ``phrase`` or of a variant made from it) is said of
    another of the things the question compares than the one ``phrase`` is about."""
    if not item.sides or phrase not in item.phrases:
        return False
    return said_of_another(found, item.sides, item.about[item.phrases.index(phrase)], answer)


def affirmed(item: CompiledItem, answer: AnswerContext) -> ConceptMatch | None:
    """The concept as contradicted by a word its phrasing denies, said plainly in its
    place (:func:`.stand_ins.affirmed_in_place`)."""
    for phrase, denied in zip(item.phrases, item.phrase_denials, strict=True):
        if denied.isdisjoint(answer.stems):
            continue
        found, at = _affirmed_match(answer.match(phrase), answer)
        if found is None or at is None or said_of_the_other_thing(item, phrase, found, answer):
            continue
        unit = answer.analysis.units[at]
        note = f"contradicted: '{answer.text[unit.start : unit.end]}' where the concept denies it"
        shown = replace(found, positions=tuple(sorted({*found.positions, at})))
        return opposite(item, answer, shown, "contrast", note)
    return None


def _affirmed_match(
    found: PhraseMatch | None, answer: AnswerContext
) -> tuple[PhraseMatch | None, int | None]:
    """A match with a denied word affirmed in its place, and that word's unit: the answer's
    best match, else its best within one clause it stands in ("no connections between the
    layers, units are only connected to other units within the same layer")."""
    at = affirmed_in_place(found, answer)
    if at is not None:
        return found, at
    for again in clause_matches(found, answer):
        at = affirmed_in_place(again, answer)
        if at is not None:
            return again, at
    return found, None


def stood_in(item: CompiledItem, answer: AnswerContext) -> ConceptMatch | None:
    """The concept as contradicted by a stand-in (:func:`.stand_ins.stand_in`) or by a
    denied word affirmed in its place."""
    stated = affirmed(item, answer)
    if stated is not None:
        return stated
    for phrase, opposites in zip(item.phrases, item.phrase_opposites, strict=True):
        if opposites.isdisjoint(answer.stems):
            continue
        found = answer.match(phrase)
        turned = stand_in(found, item.opposites, answer)
        if found is None or turned is None or said_of_the_other_thing(item, phrase, found, answer):
            continue
        position, own = turned
        at = answer.analysis.units[position]
        note = f"contradicted: '{answer.text[at.start : at.end]}' where the concept says '{own}'"
        shown = replace(found, positions=tuple(sorted((*found.positions, position))))
        return opposite(item, answer, shown, "contrast", note)
    return None


def turned_round(item: CompiledItem, answer: AnswerContext) -> ConceptMatch | None:
    """The concept as contradicted by one of its relations stated turned round."""
    for phrase, relation in zip(item.phrases, item.phrase_relations, strict=True):
        if relation is None or not any(p.turned & answer.stems for p in relation.poles):
            continue
        found = reversed_relation(relation, answer)
        if found is None:
            continue
        positions, pole = found
        units = answer.analysis.units
        said = next(units[p] for p in positions if units[p].stem in pole.turned)
        note = (
            f"contradicted: '{answer.text[said.start : said.end]}' where the concept says "
            f"'{phrase.slots[pole.slot]}' ({phrase.text}): the relation is turned round"
        )
        shown = PhraseMatch(phrase, 1.0, 1.0, True, "contrast", tuple(positions), (), (), -1)
        return opposite(item, answer, shown, "contrast", note)
    return None
