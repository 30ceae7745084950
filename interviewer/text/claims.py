"""Finding a wrong claim in an answer, more strictly than a concept.

A concept is credited when its words occur near each other in any order; a
wrong claim is only held against the candidate when it is *stated*: its words
in the phrasing's order with small gaps (:func:`match_claim`), nothing between
them that turns the claim around ("the *opposite* direction of the gradient",
"connections *within* a layer" for "between layers"), and not merely reported
or refuted ("it's a myth that ...", "people say ..., but", "... is wrong"), which
:func:`claim_blocked` checks. Negated words never fill a claim's slots.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.text.analysis import Analysis, Unit
from interviewer.text.contrast import contrast_stems
from interviewer.text.matcher import Hit, PhraseMatch, term_hits
from interviewer.text.phrases import CompiledPhrase, Option

__all__ = ["CLAIM_GAP", "claim_blocked", "match_claim"]

# At most this many content words may interrupt a stated claim, in all (a
# longer claim is more specific: one less than its words beyond two).
CLAIM_GAP = 2
_METHOD_RANK = {"exact": 0, "stem": 1, "synonym": 2, "fuzzy": 3}

# Content words that turn a claim around when they sit inside or just before it.
_REVERSERS = frozenset(
    ("opposite", "reverse", "reversed", "inverse", "contrary", "against", "negative", "instead")
)
# Adverbs that do not interrupt a claim ("epochs always increase accuracy").
_FREE_STEMS = frozenset(
    ("alway", "always", "just", "simpli", "still", "even", "definit", "certain", "automat")
)
# Relation words a claim depends on, and the ones that contradict them.
_OPPOSITE_RELATIONS = {
    "between": ("within", "inside"),
    "within": ("between", "across"),
    "inside": ("between", "outside"),
    "before": ("after",),
    "after": ("before",),
    "above": ("below",),
    "below": ("above",),
    "more": ("less", "fewer"),
    "less": ("more",),
    "fewer": ("more",),
}
_WORD_RE = re.compile(r"[a-z]+")

# A claim that follows these (in its own clause) is reported, not made.
_REPORTED_BEFORE = re.compile(
    r"\b(?:myths?|misconceptions?|misbelief|not true|isn'?t true|untrue|false|wrong|"
    r"incorrect|mistaken|mistake|contrary to|"
    r"(?:people|some|many|others|folks|they|one)(?: people)?(?: often| sometimes| usually|"
    r" commonly| wrongly| mistakenly)? (?:say|says|think|thinks|believe|believes|claim|"
    r"claims|assume|assumes)|it is (?:often |commonly |sometimes )?(?:said|believed|claimed)|"
    r"(?:do not|don'?t|never|would not|wouldn'?t) (?:say|think|believe|claim))\b"
)
# A clause break after which an earlier "people say" no longer applies.
_CLAUSE_TURN = re.compile(r"\b(?:but|however|whereas|although|though|yet|actually|in fact)\b")
_CLAUSE_BREAK = re.compile(
    r"[,;:.!?()\n]|" + _CLAUSE_TURN.pattern + r"|\b(?:which|while|because)\b"
)
# A claim followed by these is refuted ("... is wrong", "... does not").
# "a tensor is just a matrix with more dimensions": the "just a Y" claim is
# extended to something else, so it is not made.
_MINIMISERS = frozenset(("just", "only", "simply", "merely"))
_EXTENDED_AFTER = re.compile(
    r"^\s*,?\s*(?:but\s+|only\s+)?(?:with|in|of)\s+(?:more|extra|additional|higher|any|"
    r"arbitrary|many)\b"
)
_REFUTED_AFTER = re.compile(
    r"^[^.!?\n]{0,12}?\b(?:is|are|was|were|that'?s|which is|it'?s)\s+(?:just\s+|simply\s+)?"
    r"(?:a myth|a misconception|false|wrong|not true|untrue|incorrect|not correct|not the case)\b"
    r"|^\W{0,3}(?:does not|doesn'?t|do not|don'?t|will not|won'?t|is not|isn'?t)\s*"
    r"(?:help|work|hold)?\s*[:;,.!]"
    r"|^\W{0,3}(?:that'?s|that is|this is|which is)\s+(?:a myth|a misconception|false|wrong|"
    r"not true|untrue|incorrect)\b"
)


def _runs(
    terms: Sequence[tuple[list[tuple[Hit, int]], int]],
    after: int,
    sentence: int,
    budget: int,
    units: Sequence[Unit],
    own: frozenset[str],
) -> list[tuple[list[Hit], int]]:
    """Ways to place ``terms`` in order after unit ``after``, gaps within ``budget``.

    ``after`` is -1 for the claim's first word, which may be anywhere; ``own``
    holds the stems that do not count as gaps.
    """
    if not terms:
        return [([], budget)]
    (candidates, _), rest = terms[0], terms[1:]
    out: list[tuple[list[Hit], int]] = []
    for hit, _cue in candidates:
        if after >= 0:
            if hit.first <= after or units[hit.first].sentence != sentence:
                continue
            gap = hit.first - after - 1
            if gap > budget:  # words the claim repeats and adverbs cost nothing,
                # unless one is the opposite of the word placed next: "average pooling
                # takes the *average* ... and max pooling" does not take the max
                opposed = contrast_stems(units[hit.first].stem)
                gap = sum(
                    1
                    for u in units[after + 1 : hit.first]
                    if u.stem not in own or u.stem in opposed
                )
                if gap > budget:
                    continue
            left = budget - gap
        else:
            left = budget
        for tail, remaining in _runs(rest, hit.last, units[hit.first].sentence, left, units, own):
            out.append(([hit, *tail], remaining))
    return out


def _may_chain(
    starting: list[list[Option]], hits: dict[str, list[Hit]], size: int, end: int
) -> bool:
    """Whether options with every word in the answer chain from slot 0 to ``end`` (or out
    of the slots), as :func:`match_claim` chains them, order and gaps left aside: when
    not, its search finds nothing."""
    reached = {0}
    pending = [0]
    while pending:
        slot = pending.pop()
        if slot == end or slot >= size:
            return True
        for option in starting[slot]:
            if all(t.stem in hits for t in option.terms):
                after = slot + option.mask.bit_count()
                if after not in reached:
                    reached.add(after)
                    pending.append(after)
    return False


def match_claim(
    phrase: CompiledPhrase,
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    max_gap: int | None = None,
    memo: dict[tuple[str, int, bool], list[tuple[Hit, int]]] | None = None,
    text: str = "",
) -> PhraseMatch | None:
    """The best complete, in-order statement of ``phrase`` in the answer.

    Args:
        phrase: A compiled misconception phrasing.
        hits: The answer's hits from :meth:`~interviewer.text.terms.TermIndex.locate`.
        units: The answer's content units.
        max_gap: Content words allowed between the claim's words, in all
            (default: :data:`CLAIM_GAP`, or more for claims of over four words).
        memo: A dict shared by the calls for one answer.
        text: The answer the units point into; with it, a claim's last word
            may also open its clause ("in general, ... is 0.5").

    Returns:
        A complete match (every slot filled, in order), or None.
    """
    if phrase.keys and phrase.keys.isdisjoint(hits):
        return None
    shared = memo if memo is not None else {}
    size = len(phrase.slots)
    if max_gap is None:
        max_gap = max(CLAIM_GAP, size - 2)
    starting: list[list[Option]] = [[] for _ in range(size)]
    for option in phrase.options:
        starting[(option.mask & -option.mask).bit_length() - 1].append(option)
    if not _may_chain(starting, hits, size, size) and not (
        size >= 3 and text and _may_chain(starting, hits, size, size - 1)
    ):
        return None  # cheap: most claims lack a word, and the search below is the cost
    own = _FREE_STEMS | {t.stem for o in phrase.options for t in o.terms}
    best: tuple[float, list[tuple[Option, list[Hit]]], int] | None = None

    def extend(
        slot: int, after: int, sentence: int, budget: int, chain: list[tuple[Option, list[Hit]]]
    ) -> None:
        nonlocal best
        if slot == end:
            score = sum(
                sum(phrase.weights[i] for i in range(size) if option.mask >> i & 1)
                * min(h.confidence for h in placed)
                for option, placed in chain
            )
            # equal scores: the tightest statement ("the training loss keeps *rising*"
            # over one that starts at an earlier "training loss" in another clause)
            span = chain[-1][1][-1].last - chain[0][1][0].first
            if best is None or score > best[0] or (score == best[0] and span < best[2]):
                best = (score, list(chain), span)
            return
        for option in starting[slot]:
            terms = [(term_hits(t, hits, units, False, shared), 0) for t in option.terms]
            if any(not found for found, _ in terms):
                continue
            for placed, left in _runs(terms, after, sentence, budget, units, own):
                chain.append((option, placed))
                extend(
                    slot + option.mask.bit_count(),
                    placed[-1].last,
                    units[placed[0].first].sentence,
                    left,
                    chain,
                )
                chain.pop()

    end = size
    extend(0, -1, -1, max_gap, [])
    if best is None and size >= 3 and text:
        # an adverbial last word may open the clause instead: "in general, the
        # probability is 0.5" states "probability is 0.5 in general"
        end = size - 1
        for option in starting[size - 1]:
            if option.mask != 1 << (size - 1) or len(option.terms) != 1:
                continue
            for hit, _cue in term_hits(option.terms[0], hits, units, False, shared):
                if not _adverbial(units[hit.first], text):
                    continue
                chain = [(option, [hit])]
                for first in _openers(starting[0], hits, units, shared, hit, text):
                    extend(0, first - 1, units[hit.first].sentence, max_gap, chain)
    if best is None:
        return None
    score, chain, _ = best
    methods = [
        "synonym" if option.source == "synonym" else h.method
        for option, placed in chain
        for h in placed
    ]
    positions = tuple(
        sorted({p for _, placed in chain for h in placed for p in range(h.first, h.last + 1)})
    )
    return PhraseMatch(
        phrase,
        score,
        1.0,
        True,
        max(methods, key=lambda m: _METHOD_RANK.get(m, 3)),
        positions,
        phrase.slots,
        (),
        -1,
    )


_MOVED_REACH = 3
# A last word moved to the front of its clause is an adverbial ("in general",
# "at test time"): it follows one of these. "Deep learning is a subset of ..."
# does not state "... is a subset of deep learning".
_PREPOSITIONS = frozenset(("in", "at", "on", "during", "for", "by", "with", "under", "as"))
_LAST_WORD_RE = re.compile(r"([a-z]+)\W*$")


def _adverbial(unit: Unit, text: str) -> bool:
    """Whether ``unit`` directly follows a preposition in ``text``."""
    before = _LAST_WORD_RE.search(text[max(0, unit.start - 20) : unit.start].lower())
    return before is not None and before.group(1) in _PREPOSITIONS


def _openers(
    options: list[Option],
    hits: dict[str, list[Hit]],
    units: Sequence[Unit],
    memo: dict[tuple[str, int, bool], list[tuple[Hit, int]]],
    moved: Hit,
    text: str,
) -> list[int]:
    """Where the claim's first word may start after its moved last word (same clause)."""
    out = []
    for option in options:
        for hit, _cue in term_hits(option.terms[0], hits, units, False, memo):
            gap = hit.first - moved.last - 1
            if not 0 <= gap <= _MOVED_REACH:
                continue
            between = text[units[moved.last].end : units[hit.first].start].lower()
            if not _CLAUSE_BREAK.search(between):
                out.append(hit.first)
    return sorted(set(out))


def claim_blocked(match: PhraseMatch, analysis: Analysis, text: str) -> str | None:
    """Why a complete claim match is not a claim the answer makes, or None.

    Args:
        match: A match from :func:`match_claim`.
        analysis: The answer's analysis.
        text: The answer as analysed (offsets of the units point into it).

    Returns:
        A short reason ("reversed by 'opposite'", "reported: 'it's a myth that'"),
        or None when the answer states the claim.
    """
    units = analysis.units
    first, last = match.positions[0], match.positions[-1]
    own = set(match.phrase.slots)
    before = first
    while before > 0 and first - before < 2 and units[before - 1].sentence == units[first].sentence:
        before -= 1
    for unit in units[before : last + 1]:
        if unit.norm in _REVERSERS and unit.norm not in own:
            return f"reversed by '{text[unit.start : unit.end]}'"
    relations = set(_WORD_RE.findall(match.phrase.text.lower()))
    window = set(_WORD_RE.findall(text[units[first].start : units[last].end].lower()))
    for relation in relations & _OPPOSITE_RELATIONS.keys():
        clash = window.intersection(_OPPOSITE_RELATIONS[relation]) - relations
        if clash:
            return f"'{sorted(clash)[0]}', not '{relation}'"
    start, end = units[first].start, units[last].end
    sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    prefix = text[sentence_start:start].lower().replace("’", "'")
    turns = list(_CLAUSE_TURN.finditer(prefix))
    if turns:
        prefix = prefix[turns[-1].end() :]
    reported = _REPORTED_BEFORE.search(prefix)
    if reported:
        return f"reported: '{reported.group(0)}'"
    refuted = _REFUTED_AFTER.search(text[end : end + 60].lower().replace("’", "'"))
    if refuted:
        return f"refuted: '{refuted.group(0).strip(' ,.;:!')}'"
    if relations & _MINIMISERS:
        extended = _EXTENDED_AFTER.search(text[end : end + 40].lower())
        if extended:
            return f"extended: '{extended.group(0).strip(' ,')}'"
    return None
