"""When a concept's words under a negation are a denial, and when they are not.

"Dropout is not used at test time" denies nothing the candidate should be blamed for when
the concept wants the negation; "ReLU doesn't saturate like sigmoid" asserts it of sigmoid;
"it doesn't eliminate vanishing gradients, it mitigates them" corrects itself with the
concept; and a denial counts as a wrong claim only when it is stated of the question's
own subject. :mod:`interviewer.grading.concepts` asks these questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from interviewer.grading.context import CLAUSE_BREAK, AnswerContext
from interviewer.grading.result import ConceptMatch
from interviewer.text.analysis import NegationCue, analyse
from interviewer.text.matcher import PhraseMatch
from interviewer.text.phrases import CompiledPhrase
from interviewer.text.stem import stem
from interviewer.text.vocabulary import is_negator

__all__ = [
    "claimed_denials",
    "comparand",
    "compared_referent",
    "corrected_after",
    "said_of_comparand",
    "states_denial",
]


def compared_referent(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether a denied match also holds the referent X of "A doesn't P like X".

    The predicate is then asserted of X: every denied word of the match must be
    under the cue X is compared to, so "ReLU causes ..." (A, not X) stays denied.
    """
    units = [answer.analysis.units[p] for p in found.positions]
    cues = {u.negation for u in units if u.negation >= 0}
    return len(cues) == 1 and any(u.compared in cues for u in units)


# A denial is stated by a verb's negation; "without X", "unlike X" or "instead of X"
# describe, and their scope is too loose to hold a wrong claim against anyone.
_DENYING = re.compile(r"\b(?:not|no|never|cannot|neither|nor)\b|n['’]t\b", re.IGNORECASE)


_PRONOUNS = frozenset(("it", "they", "this", "these", "that", "you", "we", "i", "one"))


def states_denial(found: PhraseMatch, cue: NegationCue, answer: AnswerContext) -> bool:
    """Whether a denied match is a stated denial of the question's own subject.

    A verbal negation over a compact match, in a clause whose subject is the question's
    topic ("dropout does not ...", "it is not ...", "it is not true that ..."). Answers
    that compare often deny things of the alternative ("full-batch ... doesn't fit in
    memory", "no separate cell state"): a clause with no such subject is not held
    against the candidate. A clause with no subject of its own is an order or said of its
    sentence's subject (:func:`_said_of_sentence`).
    """
    span = max(found.positions) - min(found.positions) + 1 if found.positions else 0
    if not _DENYING.search(cue.text) or span > len(found.phrase.slots) + 2:
        return False
    start = answer.clause_start(cue.start)
    subject = answer.graded[start : cue.start].lower().split()
    if _without_subject(subject, cue) and _said_of_sentence(cue, start, answer):
        return True
    if _claimed_when_denied(found, cue, start, answer):
        return True
    if (
        not subject
        and answer.graded[:start].rstrip().endswith(",")
        and max(map(answer.clause_of, found.positions)) == answer.clause_at(cue.start)
    ):
        # "it is X, not Y": Y is denied of the clause before's subject
        subject = answer.graded[answer.clause_start(start - 2) : start].lower().split()
    if "true" in cue.text.lower() or any(w in _PRONOUNS for w in subject[:2]):
        return True
    return any(stem(w.strip("'\"")) in answer.asked for w in subject)


# Words that join a clause on without naming its subject ("..., and has no effect")
_JOINING = frozenset(("and", "or", "but", "yet", "then", "also", "still"))
_IMPERATIVE = re.compile(r"(?:don['’]t|do not)\b", re.IGNORECASE)


def _without_subject(subject: list[str], cue: NegationCue) -> bool:
    """Whether a verb's negation opens its clause with no subject of its own: "don't
    collect more data", "..., even zero, doesn't create any symmetry problem", "..., and
    has no effect on the weights" (not "X, not Y": a bare "not" contrasts, it states
    nothing)."""
    return (
        all(w in _JOINING for w in subject)
        and _VERBAL.search(cue.text) is not None
        and not cue.text.lower().startswith("not")
    )


def _said_of_sentence(cue: NegationCue, start: int, answer: AnswerContext) -> bool:
    """Whether a denial with no subject of its own is stated: an order ("to handle it,
    don't collect more data"), or said of the subject its sentence opens with when that
    is the question's topic or a pronoun ("setting every weight to the same value, even
    zero, doesn't create any symmetry problem")."""
    if _IMPERATIVE.match(cue.text):
        return True
    units = answer.analysis.units
    after = [u for u in units if u.start >= cue.start]
    if not after:
        return False
    first = next(u for u in units if u.sentence == after[0].sentence)
    opening = answer.clause_start(first.start)
    if opening >= start:
        return False
    words = CLAUSE_BREAK.split(answer.graded[opening:start], maxsplit=1)[0].lower().split()
    return any(w in _PRONOUNS for w in words[:2]) or any(
        stem(w.strip("'\"")) in answer.asked for w in words
    )


_CONDITION = re.compile(r"\b(?:when|whenever|if|unless)\b", re.IGNORECASE)


def _claimed_when_denied(
    found: PhraseMatch, cue: NegationCue, start: int, answer: AnswerContext
) -> bool:
    """Whether the concept's claim is affirmed under the denial of its own condition: "its
    learning rule is guaranteed to converge when the data is not linearly separable" (the
    concept: it converges if the data is separable). Some word found stands affirmed in
    the cue's clause before a "when"/"if" that opens the denied condition; "when the data
    is not separable, it cannot learn it" keeps every word found after the "when" and
    states the concept."""
    units = answer.analysis.units
    condition = [m.end() for m in _CONDITION.finditer(answer.graded, start, cue.start)]
    return bool(condition) and any(
        units[p].negation < 0 and start <= units[p].start < condition[-1] for p in found.positions
    )


# A verb's negation ("can't", "does not", "never", "has no"), not a bare "no" or "neither"
_VERBAL = re.compile(r"n['’]t\b|\b(?:not|never|cannot)\b|^(?:has|have|had)\s+no\b", re.IGNORECASE)


def claimed_denials(concepts: tuple[ConceptMatch, ...]) -> tuple[ConceptMatch, ...]:
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
        out.append(
            replace(
                concept,
                negated=False,
                wrong_claim=False,
                confidence=0.0,
                method="none",
                note=note,
            )
        )
    return tuple(out)


# "not in training, only at test": a focus word after the denial restricts, it claims nothing
_FOCUS_WORDS = frozenset(("only", "just", "also", "even", "still", "merely", "simply", "mainly"))


def corrected_after(found: PhraseMatch, answer: AnswerContext) -> bool:
    """Whether a denied match is "not X, Y": the cue denies only the question's own words
    in one clause, and the concept's claim is affirmed in a later clause of the sentence.

    "Deep learning isn't separate from machine learning - it's a subset of it" and "it
    doesn't eliminate vanishing gradients, it mitigates them" correct a wrong idea with
    the concept itself. "Dropout is not used in training, only at test" stays denied:
    what follows the denial is a focus word ("only"), not a claim; and a denied word
    that is not the question's own is the claim itself.
    """
    units = answer.analysis.units
    denied = [p for p in found.positions if units[p].negation >= 0]
    if not denied or any(units[p].stem not in answer.asked for p in denied):
        return False
    last = max(denied)
    # the claim after the denial: words of the concept that the question does not use
    after = [
        p
        for p in found.positions
        if p > last
        and units[p].negation < 0
        and units[p].stem not in answer.asked
        and units[p].norm not in _FOCUS_WORDS
    ]
    return bool(after) and all(
        units[p].sentence == units[last].sentence
        and (
            answer.clause_of(p) > answer.clause_of(last)
            or _DASH.search(answer.graded[units[last].end : units[p].start]) is not None
        )
        for p in after
    )


# A dash between spaces ("... from ML - it's a subset of it") starts another statement.
_DASH = re.compile(r"\s-{1,2}\s")


_THAN = re.compile(r"\b(?:than|unlike|instead of)\b", re.IGNORECASE)


def comparand(
    phrases: Sequence[CompiledPhrase], label: str
) -> tuple[frozenset[str], frozenset[str]]:
    """What a concept is compared against, as stems, less the words of its claim (its
    label's): the words its phrasings put after "than" ("less memory than *full batch*"),
    and those they put under their own negation ("does not need the *whole dataset* in
    memory"; of these only the ones the question does not use count, see
    :func:`said_of_comparand`). Found once, when the question is compiled."""
    own = {u.stem for u in analyse(label).units}
    compared: set[str] = set()
    denied: set[str] = set()
    for phrase in phrases:
        parts = _THAN.split(phrase.text, maxsplit=1)
        if len(parts) == 2:
            compared.update(u.stem for u in analyse(parts[1]).units)
        denied.update(
            t.stem
            for o in phrase.options
            if o.source == "phrasing"
            for t in o.terms
            if t.polarity in (1, 2)
        )
    # "bigger than 1" compares a quantity, not a thing an answer names
    compared = {w for w in compared if not any(c.isdigit() for c in w)}
    return frozenset(compared - own), frozenset(denied - own)


def said_of_comparand(
    compared_with: tuple[frozenset[str], frozenset[str]],
    found: PhraseMatch,
    answer: AnswerContext,
) -> bool:
    """Whether a denied match is said of what the concept is compared against, which
    states the concept: "the whole dataset won't even fit in memory" is the concept that
    only one batch needs to be in memory (a phrasing of it: "does not need the whole
    dataset in memory"). The thing compared must be named, affirmed, before the cue in
    the cue's sentence, with no word of the question between them, and be none of the
    denied phrase's own words; a word it is denied with in a phrasing must also be none
    of the question's ("not two different *networks*" compares with nothing).
    ``compared_with``: the concept's :func:`comparand`."""
    if found.cue < 0:
        return False
    compared, denied = compared_with
    said = {t.stem for o in found.phrase.options for t in o.terms}
    things = (compared | (denied - answer.asked)) - said
    if not things:
        return False
    units = answer.analysis.units
    first = min(found.positions)
    sentence = units[first].sentence
    cue_start = answer.analysis.cues[found.cue].start
    before = [u for u in units[:first] if u.sentence == sentence and u.end <= cue_start]
    named = [i for i, u in enumerate(before) if u.negation < 0 and u.stem in things]
    # the last thing named before the denial is what it denies: nothing of the question's
    # own (the thing asked about, "mini-batches don't fit") may stand between them
    return bool(named) and not any(
        u.stem in answer.asked and u.stem not in things for u in before[named[-1] + 1 :]
    )
