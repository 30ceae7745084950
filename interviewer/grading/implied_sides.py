"""Implied sides: the things a question's concepts set side by side when its rubric
declares none.

A rubric whose concepts are "first-moment" and "second-moment", or whose labels open with
"Mini-batch gradient descent ..." and "Full batch is impractical ...", is about two kinds
of one thing (the moment, the batch): an answer that says the first moment's claim of the
second swaps their roles as surely as one comparing two things the rubric names
(``compares``). The kinds are read off the concepts' ids, and separately their labels:
where two concepts or more open (past a determiner) with a different word before the same
head ("*first* moment", "*second* moment"), or with one word ending in it ("*mini*batch"
beside "*full* batch"), each opening word names one side, with any name joined to it ("Mini-
batch (or stochastic)"). Only a kind the reference answer names too ("the second moment
v") counts, and no word the question asks with ("batch" of "What is batch normalisation?"
names its topic, not a side). Found once, when the question is compiled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from interviewer.grading.readings import opening_names
from interviewer.grading.roles import compared_sides, side_stems
from interviewer.models import Question
from interviewer.text.analysis import analyse

__all__ = ["implied_sides", "question_sides"]

# What may stand before a label's opening thing: "A convolutional layer", "The pooling".
_LEAD = re.compile(r"\s*(?:(?:a|an|the)\s+)?", re.IGNORECASE)
# The words of one name stand apart by spaces or hyphens only (or not at all: a lexicon
# entry such as "max pooling" is one source span).
_RUN = re.compile(r"[\s-]*")
_BREAK = re.compile(r"[\s-]")


def question_sides(question: Question) -> tuple[tuple[frozenset[str], ...], bool]:
    """The things a question compares, each as the stems of its names, and whether the
    question declares them (``compares``, or its own words: see
    :func:`.roles.compared_sides`); else the ones its concepts imply (:func:`implied_sides`)."""
    declared = tuple(
        frozenset(s for w in side for s in side_stems(w)) for side in compared_sides(question)
    )
    return (declared, True) if declared else (implied_sides(question), False)


def implied_sides(question: Question) -> tuple[frozenset[str], ...]:
    """The kinds of one thing that a question's concepts open with (see the module), each
    as the stems of its names; none unless two kinds or more are found."""
    asked = {u.stem for u in analyse(question.ask).units}
    units = analyse(question.reference).units
    named = {u.stem for u in units} | {a.stem + " " + b.stem for a, b in pairwise(units)}
    groups: list[set[str]] = []
    for texts in (
        [(c.id.replace("-", " "), c.id.replace("-", " ")) for c in question.concepts],
        [(c.label, c.id) for c in question.concepts],
    ):
        for side in _kinds(texts, named, asked):
            groups.append(set(side))
    sides = _merged(groups)
    return tuple(frozenset(s) for s in sides) if len(sides) >= 2 else ()


def _kinds(
    texts: list[tuple[str, str]], named: set[str], asked: set[str]
) -> Iterable[frozenset[str]]:
    """The sides one kind of text (ids, or labels) implies: for a head two concepts or more
    open with a different word before, each concept's opening names."""
    leads: dict[str, tuple[list[str], frozenset[str]]] = {}
    for text, owner in texts:
        units = analyse(text).units
        lead = _LEAD.match(text)
        if not units or lead is None or lead.end() != units[0].start:
            continue
        leads[owner] = ([u.stem for u in units[:2]], opening_names(text))
        if len(units) > 1 and not (
            _RUN.fullmatch(text[units[0].end : units[1].start])
            and _BREAK.search(text[units[0].start : units[1].end])
        ):  # two words, not one a lexicon spells out ("xavier" -> xavier initialisation)
            leads[owner] = ([units[0].stem], opening_names(text))
    heads: dict[str, dict[str, frozenset[str]]] = {}
    for owner, (words, _) in leads.items():
        if len(words) == 2 and words[0] + " " + words[1] in named:
            heads.setdefault(words[1], {})[owner] = frozenset((words[0],))
    for owner, (words, joined) in leads.items():
        for head, kinds in heads.items():
            first = words[0]
            if owner not in kinds and first.endswith(head) and first != head and first in named:
                kinds[owner] = joined | {first}  # "minibatch" beside "full batch"
    for kinds in heads.values():
        sides = [k - asked for k in kinds.values()]
        sides = [s for s in sides if s]
        if len({frozenset(s) for s in sides}) >= 2:
            yield from sides


def _merged(groups: list[set[str]]) -> list[set[str]]:
    """Groups of names that share a name, merged (the conv layer's and the conv role's)."""
    out: list[set[str]] = []
    for group in groups:
        overlapping = [g for g in out if g & group]
        for g in overlapping:
            group |= g
            out.remove(g)
        out.append(group)
    return out
