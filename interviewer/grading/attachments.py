"""Attachments: a thing a claim is said of by its place, not as the subject of its clause.

"It keeps an average of the gradients (the first moment) and an average of the squared
gradients (the second moment)": the second average is said of the second moment, named
right after it in apposition, though the sentence opens with the first. "Mini-batch needs
one batch in memory, unlike full batch, which needs the whole dataset every step": the
clause that "which" opens is said of the thing named right before it, even one a
comparison names ("unlike full batch"). Words a match takes next to a name it holds
("a convolution layer and a *pooling layer*") or after a name in a list ("convolution,
ReLU, *pooling* and dense layers") are that name's. A role swap
(:func:`.roles.role_swap`) reads none of these as the claim said of another thing, and a
name that is one item of a list (:func:`listed`) as no subject at all.
"""

from __future__ import annotations

import re

from interviewer.grading.context import AnswerContext
from interviewer.grading.one_clause import clause_matches
from interviewer.text.analysis import Unit
from interviewer.text.matcher import PhraseMatch

__all__ = ["attached_side", "listed"]

# What may stand between a claim and the name it is put in apposition with: a bracket,
# or a comma and "the" ("squared gradients (second moment)", "gradient, the second
# moment"); a bare comma opens the next clause ("every step, mini-batch SGD only needs").
_APPOSITION = re.compile(
    r"\s*\(\s*(?:(?:i\.e\.|aka|the|its|their)\s+)*"
    r"|\s*[,:\u2013\u2014]\s*(?:(?:i\.e\.|aka|called|which is|that is|that's)[\s,]+)*"
    r"(?:the|its|their)\s+",
    re.IGNORECASE,
)
# Items of a list between two names: "convolution, ReLU, pooling", "input, hidden and".
_LIST = re.compile(r"(?:\s*,\s*[\w.-]+(?:\s[\w.-]+)?)*\s*(?:,|,?\s*and|,?\s*or)\s*")
# What follows an item of a list: another item ("pooling *and fully connected*").
_NEXT_ITEM = re.compile(r"(?:\s+[\w-]+)?\s*(?:,|\band\b|\bor\b)")
# What follows the first item of a list: two more ("convolution*, ReLU, pooling*").
_LIST_AFTER = re.compile(r"(?:\s+[\w-]+)?\s*,\s*[\w-]+(?:\s[\w-]+)?\s*(?:,|\band\b|\bor\b)")
# A clause that opens with a relative pronoun is said of the thing named right before it.
_RELATIVE = re.compile(r"\b(?:which|who)\s*$", re.IGNORECASE)
# How many words before the pronoun the thing may be named: "full batch gradient descent, which".
_RELATIVE_REACH = 4


def attached_side(
    answer: AnswerContext,
    found: PhraseMatch,
    sides: tuple[frozenset[str], ...],
    said_of: Unit | None,
) -> int | None:
    """The thing compared (index in ``sides``) that matched words are attached to by their
    place (see :func:`_attached`), read in the one clause that states them all when the
    best match gathers them from several: "an average of the gradients, and an average
    of the squared gradients, the second moment"."""
    side = _attached(answer, found, sides, said_of)
    for again in clause_matches(found, answer) if side is None else ():
        if again.complete and (side := _attached(answer, again, sides, said_of)) is not None:
            break
    return side


def listed(answer: AnswerContext, unit: Unit) -> bool:
    """Whether a name is an item of a list ("convolution, ReLU, *pooling* and fully
    connected:"): named as one of several, nothing is said of it."""
    text = answer.graded
    before, after = text[: unit.start].rstrip(), text[unit.end :]
    if before.endswith(",") and _NEXT_ITEM.match(after):
        return True
    return _LIST_AFTER.match(after) is not None


def _attached(
    answer: AnswerContext,
    found: PhraseMatch,
    sides: tuple[frozenset[str], ...],
    said_of: Unit | None,
) -> int | None:
    """The thing compared (index in ``sides``) that matched words are attached to by
    apposition or by a relative clause (see the module), or that they name themselves in a
    list after ``said_of`` (the thing they seem said of): "the layers are convolution,
    ReLU, pooling" names the pooling layer; else None."""
    units = answer.analysis.units
    text = answer.graded
    names = frozenset().union(*sides)
    body = [
        p for p in found.positions if units[p].stem not in names and not _heads(p, names, answer)
    ]
    if not body:
        return None
    items = [
        p
        for p in found.positions
        if said_of is not None
        and units[p].stem in names
        and _LIST.fullmatch(text[said_of.end : units[p].start])
    ]
    if items:
        return _side(units[items[0]].stem, sides)  # "convolution, ReLU, pooling layers"
    words = {units[p].stem for p in body}
    for p in found.positions:
        if units[p].stem not in names:
            continue
        run = units[p + 1 : p + 2 + len(words)]
        if words <= {u.stem for u in run if u.sentence == units[p].sentence}:
            # "a convolution layer and a pooling layer", "..., so use mini-batch SGD": the
            # words again right after the name the match holds, its own
            return _side(units[p].stem, sides)
    last = max(body)
    after = last + 1
    if (
        after < len(units)
        and units[after].stem in names
        and units[after].sentence == units[last].sentence
        and _APPOSITION.fullmatch(text[units[last].end : units[after].start])
    ):
        return _side(units[after].stem, sides)
    first = min(body)
    start = answer.clause_start(units[first].start)
    if not _RELATIVE.search(text[:start]) or any(
        units[p].stem in names and start <= units[p].start for p in range(first)
    ):
        return None
    before = [
        p
        for p in range(first)
        if units[p].start < start and units[p].sentence == units[first].sentence
    ][-_RELATIVE_REACH:]
    named = [p for p in before if units[p].stem in names]
    return _side(units[named[-1]].stem, sides) if named else None


def _heads(p: int, names: frozenset[str], answer: AnswerContext) -> bool:
    """Whether the unit opens a name of two words joined by a hyphen ("*one*-hot")."""
    units = answer.analysis.units
    return (
        p + 1 < len(units)
        and units[p + 1].stem in names
        and answer.graded[units[p].end : units[p].end + 1] == "-"
    )


def _side(stem: str, sides: tuple[frozenset[str], ...]) -> int:
    return next(i for i, s in enumerate(sides) if stem in s)
