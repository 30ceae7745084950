"""Claims of prevention said as a denial of what is prevented.

A concept phrased with a verb of prevention ("stops neurons relying on each other",
"prevents overfitting") is stated just as well by denying what it prevents: "so the
neurons can't rely on each other", "so the network doesn't overfit". Read word by word,
such an answer denies the concept's words and looks like a wrong claim; read as a
claim, it is the concept said in other words.

The reading holds only when the prevention itself is not denied ("dropout doesn't stop
overfitting" still denies the concept), and only for a verb's denial ("can't", "doesn't",
"never", "without"): a copula's ("it is not for overfitting") or a set-aside ("rather
than overfitting") says nothing of what is prevented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.context import AnswerContext
from interviewer.grading.result import ConceptMatch
from interviewer.grading.reversals import credit
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import PREVENTING, CompiledPhrase

__all__ = ["prevented", "said_as_prevention"]

# Cues that deny a state rather than an action ("is not for X"), or set a thing aside.
_NOT_A_VERB_DENIAL = frozenset(
    (
        *("is", "are", "was", "were", "be", "been", "isn't", "aren't", "wasn't", "weren't"),
        *("instead", "rather", "unlike", "no", "none", "nothing"),
    )
)


def _verb_denial(text: str) -> bool:
    return _NOT_A_VERB_DENIAL.isdisjoint(text.lower().split())


def said_as_prevention(
    phrases: Sequence[CompiledPhrase],
    reduced: Sequence[CompiledPhrase | None],
    answer: AnswerContext,
) -> PhraseMatch | None:
    """The best match of a phrase of prevention said as a denial of what it prevents."""
    threshold = answer.settings.credit_threshold
    units = answer.analysis.units
    best: PhraseMatch | None = None
    for phrase, short in zip(phrases, reduced, strict=True):
        if short is None:
            continue
        found = answer.match(short, allow_negated=True)
        if found is None or found.cue < 0 or not found.complete or found.score < threshold:
            continue
        # what is prevented is what the cue denies first ("can't *rely* on", not "doesn't
        # change the size"), up to the phrase's end; only its subject may come before it
        start = answer.analysis.cues[found.cue].start
        denied = [p for p, u in enumerate(units) if u.negation == found.cue]
        if (
            denied[0] not in found.positions
            or units[max(found.positions)].negation != found.cue
            or any(units[p].start > start for p in found.positions if p not in denied)
        ):
            continue
        if not _verb_denial(answer.analysis.cues[found.cue].text):
            continue
        if any(u.negation == found.cue and u.stem in PREVENTING for u in units):
            continue  # "doesn't stop overfitting": the prevention itself is denied
        if best is None or found.score > best.score:
            best = replace(found, phrase=phrase)
    return best


def prevented(
    items: Sequence[CompiledItem], concepts: tuple[ConceptMatch, ...], answer: AnswerContext
) -> tuple[ConceptMatch, ...]:
    """Credit the concepts of prevention that the answer states by denying what they prevent."""
    if not answer.analysis.cues:
        return concepts
    out = list(concepts)
    for k, (item, match) in enumerate(zip(items, concepts, strict=True)):
        if match.credited or match.contradicted or not any(item.prevented):
            continue
        found = said_as_prevention(item.phrases, item.prevented, answer)
        if found is None:
            continue
        cue = answer.analysis.cues[found.cue].text
        out[k] = credit(item, answer, found, f"said as what does not happen ('{cue}')")
    return tuple(out)
