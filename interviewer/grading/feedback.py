"""The short message a candidate reads after an answer."""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.grading.compiled import CompiledItem
from interviewer.grading.result import ConceptMatch, MisconceptionHit

__all__ = ["compose_feedback"]

_MAX_MISSING = 2


def _missing(
    concepts: Sequence[ConceptMatch], items: Sequence[CompiledItem]
) -> list[tuple[ConceptMatch, CompiledItem]]:
    """Missed concepts, key ones first, then by weight."""
    pairs = [(c, i) for c, i in zip(concepts, items, strict=True) if not c.credited]
    return sorted(pairs, key=lambda pair: (not pair[1].key, -pair[1].weight))


def _opening(grade: float) -> str:
    if grade >= 4.5:
        return "Excellent answer."
    if grade >= 3.5:
        return "Good answer."
    if grade >= 2.0:
        return "A partial answer."
    if grade > 0.5:
        return "This misses most of what the question is after."
    return "This does not answer the question yet."


def compose_feedback(
    grade: float,
    flags: Sequence[str],
    concepts: Sequence[ConceptMatch],
    items: Sequence[CompiledItem],
    misconceptions: Sequence[MisconceptionHit],
    keyword_cap: float,
) -> str:
    """Compose the feedback: what was wrong, what was missed, what to do.

    Args:
        grade: The final grade.
        flags: The result's flags.
        concepts: Concept matches, in rubric order.
        items: The compiled concepts, in the same order.
        misconceptions: Wrong claims found.
        keyword_cap: The keyword-list cap, to explain it.
    """
    missing = _missing(concepts, items)
    pointer = missing[0][1].message if missing else ""
    if "empty" in flags:
        return "No answer was given. Have a go: a partial answer still earns credit."
    if "dont_know" in flags:
        tail = f" A pointer for next time: {pointer}" if pointer else ""
        return "Fair enough, saying so beats guessing." + tail
    if "non_english" in flags and not any(c.credited for c in concepts):
        return "Please answer in English: the grader only understands English answers."
    if "off_topic" in flags:
        return "This does not seem to address the question. " + (
            f"What it is after: {pointer}" if pointer else "Re-read the question and try again."
        )
    parts: list[str] = []
    if "keyword_list" in flags:
        named = list(dict.fromkeys(s.text for c in concepts if c.credited for s in c.spans))
        terms = f" ({', '.join(named[:4])})" if named else ""
        parts.append(
            f"You listed terms{terms} without explaining them, so the grade is capped at "
            f"{keyword_cap:g}. Explain how the terms fit together: what each one does and why."
        )
    elif "too_short" in flags:
        parts.append(
            f"{_opening(grade)} That is very short: explain your reasoning in full sentences."
        )
    else:
        parts.append(_opening(grade))
    for hit in misconceptions:
        parts.append(f"Careful: it is not true that {_lower_first(hit.claim)} {hit.correction}")
    for concept in concepts:
        if concept.negated:
            parts.append(f"You denied that: {_lower_first(concept.label)}, but it holds.")
    for concept, item in missing[:_MAX_MISSING]:
        if not concept.negated:
            parts.append(item.message)
    return " ".join(part.strip() for part in parts if part.strip())


def _lower_first(text: str) -> str:
    text = text.strip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
