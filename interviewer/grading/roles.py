"""Roles: the things a question's answers set side by side, and a concept said of the
wrong one.

"Label encoding turns k categories into k binary columns" says the one-hot concept of label
encoding: the roles are swapped, and the concept is a wrong claim. The things compared come
from the rubric (``compares``) or from the question's own words ("the difference between
valid and same padding"), else from the kinds of one thing its concepts open with
(:mod:`.implied_sides`); a concept is about the thing its label opens with, a phrasing
about the thing it names as its subject. At grading time the matched words of a phrasing
are said of the first thing named in their clause, else in the nearest clause before,
unless their place attaches them to a thing (:mod:`.attachments`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.grading.attachments import attached_side, listed
from interviewer.grading.context import AnswerContext
from interviewer.grading.one_clause import swap_reading
from interviewer.models import Concept, Question
from interviewer.text.analysis import Unit, analyse
from interviewer.text.contrast import compared_in
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.vocabulary import STOP_WORDS

__all__ = [
    "OBJECT_MARKERS",
    "borrows_name",
    "common_noun",
    "compared_object",
    "compared_sides",
    "compound_tail",
    "concept_subject",
    "named_sides",
    "phrase_sides",
    "role_swap",
    "said_of_another",
    "side_stems",
    "subject_of",
]


def compared_sides(question: Question) -> tuple[tuple[str, ...], ...]:
    """The things a question's answers set side by side, each as its names (lower case).

    The rubric's ``compares`` when given; else what the question says it compares
    ("the difference between valid and same padding" -> valid, same).
    """
    if question.compares:
        return tuple(tuple(w.lower() for w in side) for side in question.compares)
    found = compared_in(question.ask, STOP_WORDS)
    words = list(dict.fromkeys(w for pair in found.items() for w in (pair[0], *pair[1])))
    return tuple((w,) for w in words) if len(words) >= 2 else ()


def side_stems(word: str) -> set[str]:
    """The stem an answer's analysis gives a name: an abbreviation's first word ("sgd" ->
    stochastic), nothing for a name of several words ("feed-forward")."""
    units = analyse(word).units
    if len(units) == 1 or (units and word.isalpha()):
        return {units[0].stem}
    return set()


# Words after which a thing named is what the subject is compared to, not the subject.
OBJECT_MARKERS = frozenset(("than", "like", "unlike", "vs", "versus", "over", "from", "of", "as"))


_DETERMINERS = frozenset(("a", "an", "the", "its", "their", "plain"))
_PREFIXES = re.compile(r"(?:(?:self|semi|non|un|pre|multi|sub)-|\b(?:self|semi) )$", re.IGNORECASE)


def compound_tail(text: str, start: int) -> bool:
    """Whether the word at ``start`` closes a prefixed compound ("self-supervised" names
    no supervised side, "one-hot" does name one-hot)."""
    return _PREFIXES.search(text[max(0, start - 6) : start]) is not None


def named_sides(
    text: str, sides: tuple[frozenset[str], ...], nouns: bool = True
) -> list[tuple[int, int]]:
    """(word index, side) for each thing compared that ``text`` names as a subject: not
    after "than", "like", "of" ("simpler than an LSTM" names no subject). Without
    ``nouns``, a name used as a common noun names none either ("small batches of data",
    see :func:`common_noun`)."""
    words = analyse(text).units
    lowered = text.lower()
    out = []
    for i, unit in enumerate(words):
        if _follows(lowered, unit.start, OBJECT_MARKERS):
            continue
        if not nouns and common_noun(lowered, unit):
            continue  # "small batches", "a batch of data", "batch size": an amount
        if compound_tail(lowered, unit.start) or _possessive(lowered, unit):
            continue  # "self-supervised", "the LSTM's gates" name no subject
        for side, names in enumerate(sides):
            if unit.stem in names:
                out.append((i, side))
    return out


# Words that make a name right after them a common noun: an amount of something.
_AMOUNTS = frozenset(
    ("small", "smaller", "tiny", "large", "larger", "big", "bigger", "huge", "few", "many")
) | frozenset(("several", "multiple", "more", "fewer", "some"))
_MEASURES = frozenset(("size", "sizes"))


def common_noun(lowered: str, unit: Unit) -> bool:
    """Whether a name stands as a common noun in ``lowered`` (a text in lower case), an
    amount rather than the thing compared: after a word of size or number ("small
    batches"), before "of" as a plural or after "a" ("batches of data", "a batch of
    samples"), before a measure ("batch size like 32")."""
    before = lowered[: unit.start].split()[-1:]
    after = [w.strip(",.;:()") for w in lowered[unit.end :].split()[:1]]
    if before and before[0] in _AMOUNTS:
        return True
    if after and after[0] in _MEASURES:
        return True
    plural = lowered[unit.start : unit.end].endswith("s") and not unit.norm.endswith("s")
    return after == ["of"] and (plural or before in (["a"], ["an"]))


def concept_subject(concept: Concept, sides: tuple[frozenset[str], ...]) -> int | None:
    """Which of the things compared a concept is about: the one its label opens with, else
    the one its id opens with ("forward-pass", "vanishing"), if the label names no other.

    "Label encoding maps each category to one integer" is about label encoding: its label
    opens with it (its first or second word) and names no other thing compared as a subject.
    "The update gate merges the LSTM's gates" is about neither.
    """
    in_label = {side for _, side in named_sides(concept.label, sides)}
    if len(in_label) > 1:
        return None
    subject = _opened_with(concept.label, sides)
    if subject is None:
        subject = _opened_with(concept.id, sides)
    return subject if subject is not None and in_label <= {subject} else None


def _opened_with(text: str, sides: tuple[frozenset[str], ...]) -> int | None:
    """The one thing compared that ``text`` opens with (its first or second word)."""
    named = named_sides(text, sides)
    if len({side for _, side in named}) != 1 or named[0][0] >= 2:
        return None
    return named[0][1]


def role_swap(
    phrases: tuple[CompiledPhrase, ...],
    sides: tuple[frozenset[str], ...],
    about: tuple[int | None, ...],
    answer: AnswerContext,
    implied: bool = False,
) -> tuple[PhraseMatch, str] | None:
    """The concept said of another of the things the question compares: a swap of roles.

    In "label encoding turns k categories into k columns", the words of the one-hot
    concept are said of label encoding. A phrasing that names one of the things compared
    is about that one; else the concept's own subject is. What a clause is said of is the
    first thing named before its words in the clause, else in the sentence ("with 'same'
    padding no zeros are added, so ... the output shrinks"). A phrasing said of its own
    thing that matches at least as well keeps the credit. An incomplete match is read
    within one clause (:func:`.one_clause.swap_reading`), unless its phrasing names one of
    the things compared: a name read in part is no subject to swap. Where the things are
    ``implied`` (inferred from the concepts), a match over several clauses is read as no swap.
    """
    if not sides:
        return None
    names = frozenset().union(*sides)
    threshold = answer.settings.credit_threshold
    swapped: tuple[PhraseMatch, str] | None = None
    kept = 0.0  # the best score of a phrasing said of its own thing
    units = answer.analysis.units
    for phrase, mine in zip(phrases, about, strict=True):
        # an incomplete match is read within one clause (:func:`.one_clause.swap_reading`)
        found = swap_reading(answer.match(phrase), answer)
        if found is None or found.score < threshold:
            continue
        if implied and len({answer.clause_of(p) for p in found.positions}) > 1:
            continue  # things inferred, not named: a claim said of one is said in one clause
        if not found.complete and (
            named_sides(phrase.text, sides) or any(units[p].stem in names for p in found.positions)
        ):
            continue  # read in part, a phrasing naming a thing compared ("small batches")
        lent = borrows_name(found, answer)
        if lent and (
            _opened_with(phrase.text, sides) != mine or _owned_elsewhere(found, names, answer)
        ):
            # a borrowed name must be the phrase's subject ("batch gradient descent uses
            # the whole dataset", not "manual feature engineering in ML"), and the words
            # not another concept's claim ("SGD updates after every example. Mini-batch")
            continue
        if mine is not None and _in_part_its_own(found, sides, mine, answer):
            kept = max(kept, found.score)
            continue  # "the conv layer, which gives feature maps, the pooling layer, which
            # reduces ...": words from two clauses, some said of the concept's own thing
        said_of = None if mine is None else _said_of(answer, found, names, lent)
        if mine is not None and attached_side(answer, found, sides, said_of) == mine:
            kept = max(kept, found.score)  # "unlike full batch, which needs ...", see there
            continue
        if mine is None or said_of is None or listed(answer, said_of):
            continue
        side = next(i for i, s in enumerate(sides) if said_of.stem in s)
        if side == mine:
            kept = max(kept, found.score)
        elif swapped is None or found.score > swapped[0].score:
            swapped = (found, said_of.norm)
    if swapped is None or kept >= swapped[0].score:
        return None
    return swapped


def said_of_another(
    found: PhraseMatch, sides: tuple[frozenset[str], ...], mine: int | None, answer: AnswerContext
) -> bool:
    """Whether matched words are said of another of the things compared than ``mine`` (the
    one their phrase is about): "classic ML ... needs less data" for "deep learning needs
    more data" reverses the concept and its subject at once, which says it again."""
    if not sides or mine is None:
        return False
    said_of = _said_of(answer, found, frozenset().union(*sides))
    if said_of is None:
        return False
    return next(i for i, s in enumerate(sides) if said_of.stem in s) != mine


def subject_of(answer: AnswerContext, found: PhraseMatch, names: frozenset[str]) -> int | None:
    """The unit naming the thing (one of ``names``, stems) that matched words are said of,
    or None when it can't be told (see :func:`_said_of`)."""
    said = _said_of(answer, found, names)
    units = answer.analysis.units
    return None if said is None else next(i for i, u in enumerate(units) if u is said)


def borrows_name(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether a match takes its words from more than one sentence (a word of the
    question may come from anywhere): "Batch GD is noisy. SGD uses the entire training set"
    matches "batch gradient descent uses the whole dataset" with a borrowed name."""
    units = answer.analysis.units
    return len({units[p].sentence for p in found.positions}) > 1


def _owned_elsewhere(found: PhraseMatch, names: frozenset[str], answer: AnswerContext) -> bool:
    """Whether half the words of a match with a borrowed name (the names of the things
    compared aside) already earned another concept: they state its claim, of its subject."""
    units = answer.analysis.units
    body = [p for p in found.positions if units[p].stem not in names]
    return 2 * sum(p in answer.credited_positions for p in body) >= len(body)


def _in_part_its_own(
    found: PhraseMatch, sides: tuple[frozenset[str], ...], mine: int, answer: AnswerContext
) -> bool:
    """Whether a match gathers its words (names aside) from several clauses, and those of
    one clause are attached to the thing ``mine`` (:func:`.attachments.attached_side`):
    not one claim said of another."""
    units = answer.analysis.units
    names = frozenset().union(*sides)
    by_clause: dict[int, list[int]] = {}
    for p in found.positions:
        if units[p].stem not in names:
            by_clause.setdefault(answer.clause_of(p), []).append(p)
    if len(by_clause) < 2:
        return False
    for held in by_clause.values():
        part = replace(found, positions=tuple(held))
        if attached_side(answer, part, sides, _said_of(answer, part, names)) == mine:
            return True
    return False


def phrase_sides(
    phrases: tuple[CompiledPhrase, ...], sides: tuple[frozenset[str], ...], subject: int | None
) -> tuple[int | None, ...]:
    """For each phrase, the thing compared it is about: the one it names as its subject
    (not after "than", "like", "of": "simpler than an LSTM" is about the GRU; not as a
    common noun: "small batches of data" is not about batch gradient descent), else the
    concept's; None when it names several or the concept has none (worked out at fit)."""
    out: list[int | None] = []
    for phrase in phrases:
        named = {side for _, side in named_sides(phrase.text, sides, False)} if sides else set()
        out.append(None if len(named) > 1 else named.pop() if named else subject)
    return tuple(out)


def _said_of(
    answer: AnswerContext, found: PhraseMatch, names: frozenset[str], lent: bool = False
) -> Unit | None:
    """The thing compared that the matched words are said of, or None when it can't be told.

    With ``lent``, words whose name was borrowed from another sentence are read as any
    others: said of the thing their own sentence names (without, of nothing).

    The words must stand together: in one sentence, more than half of them in one clause
    (whose subject it is). Their subject is the first thing named
    in that clause before them (a name right
    after the first word counts: "one-hot"); else the first named after them in that
    clause, not as an object ("on small datasets boosting wins"); else the first named
    in the nearest clause before, in the same sentence.
    """
    units = answer.analysis.units
    text = answer.graded

    def named_head(p: int) -> bool:  # "one" of "one-hot" is part of the name
        after = units[p + 1] if p + 1 < len(units) else None
        return after is not None and after.stem in names and text[units[p].end] == "-"

    body = [p for p in found.positions if units[p].stem not in names and not named_head(p)]
    if not body or len({units[p].sentence for p in body}) > 1:
        return None
    # a name borrowed from another sentence (a word of the question may come from
    # anywhere) says nothing of whom the words are said; their own clause's subject does
    borrowed = borrows_name(found, answer)
    if borrowed and not lent:
        return None
    by_clause: dict[int, list[int]] = {}
    for p in body:
        by_clause.setdefault(answer.clause_of(p), []).append(p)
    clause, held = max(by_clause.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    if 2 * len(held) <= len(body):
        return None
    first = min(held)
    sentence = units[first].sentence
    end = first + 1
    if end < len(units) and units[end].stem in names and answer.clause_of(end) == clause:
        end += 1
    named = [
        i
        for i in range(end)
        if units[i].sentence == sentence
        and units[i].stem in names
        and not compound_tail(text, units[i].start)
        # what the subject is compared to is no subject: "fewer params than MLP"
        and not _follows(text, units[i].start, OBJECT_MARKERS)
    ]
    if not any(answer.clause_of(i) == clause for i in named):
        # "but on small tabular datasets gradient boosting is better": the clause's own
        # subject, named after the words it fronts, before any clause ahead of it
        later = [
            i
            for i in range(end, len(units))
            if units[i].sentence == sentence
            and answer.clause_of(i) == clause
            and units[i].stem in names
            and not compound_tail(text, units[i].start)
            and i not in found.positions
        ]
        # the first name only, and bare: "features in classic ML" names an object
        if later and not _follows(text, units[later[0]].start, _PREPOSITIONS):
            return units[later[0]]
    if not named:
        return None
    nearest = max(answer.clause_of(i) for i in named)
    return units[min(i for i in named if answer.clause_of(i) == nearest)]


# A name after these is no bare subject ("features in classic ML"): OBJECT_MARKERS and
# the other prepositions and joiners.
_PREPOSITIONS = OBJECT_MARKERS | frozenset(("in", "on", "for", "with", "to", "by", "at", "into"))
_PREPOSITIONS |= frozenset(("and", "or"))


def compared_object(text: str, start: int) -> bool:
    """Whether the word at ``start`` is what something is compared to, no subject: it comes
    right after "than", "like", "of" (determiners skipped): "more weights than *the CNN*"."""
    return _follows(text, start, OBJECT_MARKERS)


def _possessive(lowered: str, unit: Unit) -> bool:
    """Whether the word is a possessive ("the LSTM's forget gate")."""
    return lowered[unit.start : unit.end].endswith(("'s", "’s"))


def _follows(text: str, start: int, markers: frozenset[str]) -> bool:
    """Whether the word at ``start`` comes right after one of ``markers`` (determiners
    between them skipped): "than an LSTM", "in classic ML"."""
    before = [w for w in text[:start].lower().split()[-3:] if w not in _DETERMINERS]
    return bool(before) and before[-1].strip("'’,") in markers
