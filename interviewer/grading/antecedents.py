"""Wrong claims said of a pronoun whose antecedent is named just before.

"The pooling layer is where the network picks the important pixels, *it* learns weights for
that" states "pooling layer learns weights": the phrasing's subject ("pooling layer") is named,
then referred to by "it", and the rest of the phrasing ("learns weights") is stated as a claim
right after the pronoun. The subject need not be a word of the question (that case is
:func:`interviewer.grading.misconceptions._said_of_it`'s).

A pronoun often stands for something else ("the gradient ... it vanishes"), and right
answers say "it" all the time, so the antecedent is read strictly:

- it is named in the pronoun's sentence before it, or, when the pronoun opens its sentence,
  in the sentence before;
- it is the phrasing's own subject, the words the phrasing opens with (one, or two standing
  together as one name: "pooling layer"), named together in the answer and opening their
  clause (the clause is about it);
- it is the last of the question's things (:func:`question_things`) named before the
  pronoun: no other thing of the question stands between;
- the rest of the phrasing is stated as a claim in the pronoun's clause, right after it, and
  is neither reported nor refuted (:func:`~interviewer.text.claims.claim_blocked`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from interviewer.grading.context import AnswerContext
from interviewer.grading.readings import opening_names, recurring_names
from interviewer.models import Question
from interviewer.text.claims import claim_blocked
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase, without_subject
from interviewer.text.stem import stem

__all__ = ["Referred", "question_things", "referred_readings", "said_of_antecedent"]


class Referred(NamedTuple):
    """A phrasing read as a claim that a pronoun may be said of.

    Attributes:
        phrase: The whole phrasing.
        subject: Stems of the words it opens with, its subject, in order.
        rest: The phrasing without them: what is said of the pronoun.
    """

    phrase: CompiledPhrase
    subject: tuple[str, ...]
    rest: CompiledPhrase


# A claim of fewer words, its subject dropped, would be too loose to hold against anyone.
_MIN_REST = 2
# Two words of one name stand apart by spaces or a hyphen only: "pooling layer".
_ONE_NAME = re.compile(r"[\s-]+")


def question_things(question: Question, asked: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The stems of the things a question's texts (concept labels and phrasings, wrong
    claims and their phrasings) are about: the question's own words and the names recurring
    among its texts (:func:`.readings.recurring_names`), the things a claim may be said of;
    and with them the words any of its texts opens with, every thing a pronoun may stand
    for."""
    texts = [
        *(t for c in question.concepts for t in (c.label, *c.phrasings)),
        *(t for m in question.misconceptions for t in (m.claim, *m.phrasings)),
    ]
    names = asked | recurring_names(texts)
    return names, names.union(*(opening_names(t) for t in texts))


def referred_readings(
    phrases: Sequence[CompiledPhrase], names: frozenset[str]
) -> tuple[Referred, ...]:
    """Each phrasing read as a claim about its first word, when that names a thing
    (``names``), and about its first two words when they stand together and the second
    names a thing too (a name's head: "pooling *layer*"), each with what is left: two words
    or more. Found once, at compile."""
    out = []
    for phrase in phrases:
        stems = tuple(stem(s.lower()) for s in phrase.slots)
        rest = phrase
        for k in (1, 2):
            if len(stems) - k < _MIN_REST or stems[k - 1] not in names:
                break
            if k == 2 and not _together(phrase.text, phrase.slots[0], phrase.slots[1]):
                break
            rest = without_subject(rest)
            out.append(Referred(phrase, stems[:k], rest))
    return tuple(out)


def _together(text: str, first: str, second: str) -> bool:
    """Whether ``text`` opens with ``first`` and ``second`` standing together."""
    low = text.lower().lstrip()
    if not low.startswith(first.lower()):
        return False
    gap = re.match(r"[\s-]+", low[len(first) :])
    return gap is not None and low[len(first) + gap.end() :].startswith(second.lower())


# A pronoun right before the claim, a word or two of no content between: "it learns",
# "they basically", "it's", "this just".
_PRONOUN_BEFORE = re.compile(
    r"\b(?:it|they|this|these|it['’](?:s|ll|d)|they['’](?:re|ve|ll|d))\s+"
    r"(?:[a-z'’]+\s+){0,2}$"
)


def said_of_antecedent(
    referred: Sequence[Referred], answer: AnswerContext, things: frozenset[str]
) -> PhraseMatch | None:
    """The best claim of ``referred`` said of a pronoun that stands for its subject (see
    the module's docstring), as a match of the whole phrasing; or None."""
    units = answer.analysis.units
    threshold = answer.settings.misconception_threshold
    best: PhraseMatch | None = None
    for reading in referred:
        if answer.heard_share(reading.rest) < threshold:
            continue
        found = answer.claim(reading.rest, openers=False)
        if found is None or found.score < threshold or not found.positions:
            continue
        if best is not None and found.score <= best.score:
            continue
        first = min(found.positions)
        clause = answer.clause_of(first)
        if any(answer.clause_of(p) != clause for p in found.positions):
            continue
        start = max(answer.clause_start(units[first].start), units[first - 1].end if first else 0)
        if not _PRONOUN_BEFORE.search(answer.graded[start : units[first].start].lower()):
            continue
        if not _stands_for(answer, first, things | set(reading.subject), reading.subject):
            continue
        if claim_blocked(found, answer.analysis, answer.graded) is not None:
            continue
        best = replace(found, phrase=reading.phrase)
    return best


def _stands_for(
    answer: AnswerContext, first: int, things: frozenset[str], subject: tuple[str, ...]
) -> bool:
    """Whether the pronoun before unit ``first`` stands for ``subject``: the last of
    ``things`` named before it in its sentence (in the sentence before, when the pronoun
    opens its sentence) ends ``subject``'s words, named together and opening their clause."""
    units = answer.analysis.units
    if first == 0:
        return False
    sentence = units[first - 1].sentence
    last = first - 1
    while last >= 0 and units[last].sentence == sentence and units[last].stem not in things:
        last -= 1
    head = last - len(subject) + 1
    if head < 0 or units[head].sentence != sentence:
        return False
    if tuple(units[i].stem for i in range(head, last + 1)) != subject:
        return False
    clause = answer.clause_of(head)
    if head > 0 and answer.clause_of(head - 1) == clause:
        return False  # a name that does not open its clause is not what the clause is about
    return all(
        answer.clause_of(i) == clause
        and _ONE_NAME.fullmatch(answer.graded[units[i - 1].end : units[i].start]) is not None
        for i in range(head + 1, last + 1)
    )
