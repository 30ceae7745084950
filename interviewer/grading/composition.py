"""How a grade is composed from an answer's signals: the calibrated model, then the rules.

The calibrated model turns the claims (coverage of the concepts, key concepts) and the
adjusters bounded by them (closeness to the reference, how much is said) into a grade;
then every rule shows as a row of its own: wrong claims subtract their penalties, empty,
"I don't know" and off-topic answers are zeroed, and caps hold keyword lists, very short
answers, answers without a key concept and shuffles of words down. The rows add up to the
grade, so every grade explains itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.grading.calibration import LinearCalibration
from interviewer.grading.signals import Evaluation

__all__ = ["ZEROING_FLAGS", "GradeRules", "compose_grade"]

# The model signals that measure claims; the others only adjust within their band.
_CLAIM_SIGNALS = ("coverage", "key_coverage")
# Coverage by near misses (partial matches) at which an answer with no concept earns
# the whole uncovered cap.
_NEAR_MISS_FULL = 0.5
# Flags whose rule sets the grade to zero (the answer gives nothing to grade).
ZEROING_FLAGS = ("empty", "dont_know", "off_topic")


@dataclass(frozen=True, kw_only=True)
class GradeRules:
    """The grader's parameters that composing a grade needs (see :class:`RubricGrader`)."""

    keyword_cap: float
    too_short_cap: float
    uncovered_cap: float
    fluency_floor: float
    fluency_full: float


def _claims_grade(found: Evaluation, calibration: LinearCalibration) -> float:
    """The calibrated grade the credited concepts alone earn (no length, no closeness)."""
    claims = {k: found.signals[k] for k in _CLAIM_SIGNALS}
    return calibration.curve(calibration.score(claims)) - found.signals["penalty"]


def _salad_cap(fluency: float, rules: GradeRules) -> float:
    """The highest grade an answer this (dis)fluent can get: words without sentences
    make no claim."""
    low, full = rules.fluency_floor, rules.fluency_full
    if fluency >= full:
        return 5.0
    if fluency <= low:
        return rules.uncovered_cap
    return rules.uncovered_cap + (5.0 - rules.uncovered_cap) * (fluency - low) / (full - low)


def compose_grade(
    found: Evaluation, calibration: LinearCalibration, rules: GradeRules
) -> tuple[list[tuple[str, float, float]], float]:
    """Model rows, then one row per rule; the contributions sum to the grade."""
    parts = calibration.contributions(found.signals)
    rows = [(name, round(value, 4), round(part, 4)) for name, value, part in parts]
    score = sum(part for _, _, part in parts)
    running = calibration.curve(score)
    if calibration.curve_x:
        rows.append(("calibration curve", round(score, 4), round(running - score, 4)))
    for hit in found.misconceptions:
        rows.append((f"misconception: {hit.misconception_id}", hit.penalty, -hit.penalty))
        running -= hit.penalty
    zeroing = [f for f in ZEROING_FLAGS if f in found.flags]
    if "non_english" in found.flags and found.signals["coverage"] == 0:
        zeroing.append("non_english")
    if found.signals["echo"]:
        zeroing.insert(0, "repeats the question")
    if zeroing:
        rows.append((f"rule: {zeroing[0]}", 0.0, round(-running, 4)))
        running = 0.0
    caps = [("keyword list", rules.keyword_cap), ("too short", rules.too_short_cap)]
    flagged = [name for name, _ in caps if name.replace(" ", "_") in found.flags]
    # no concept credited: topic words, length and near misses earn little; with
    # no key concept, length and closeness lift no higher than the claims do
    if not any(c.credited for c in found.concepts):
        # near misses earn a little, in proportion; words on the topic alone earn
        # nothing, except in a list of terms, which is graded as naming the topic
        near = min(1.0, found.signals["coverage"] / _NEAR_MISS_FULL)
        if "keyword_list" in found.flags:
            near = max(near, min(1.0, found.signals["topicality"] / _NEAR_MISS_FULL))
        flagged.append("no concept")
        caps.append(("no concept", round(rules.uncovered_cap * near, 4)))
    elif not found.signals["key_credited"]:
        flagged.append("no key concept")
        caps.append(("no key concept", max(rules.uncovered_cap, _claims_grade(found, calibration))))
    if "thin_credit" in found.flags:
        # one concept on a word or two of a long answer: a near miss, not a claim made,
        # earning in proportion like one
        near = min(1.0, found.signals["coverage"] / _NEAR_MISS_FULL)
        flagged.append("thin credit")
        caps.append(("thin credit", round(rules.uncovered_cap * near, 4)))
    salad = _salad_cap(found.signals["fluency"], rules)
    if salad < 5.0:
        flagged.append("word salad")
        caps.append(("word salad", salad))
    for name, cap in caps:
        if name in flagged and running > cap:
            rows.append((f"cap: {name}", cap, round(cap - running, 4)))
            running = cap
    clipped = min(5.0, max(0.0, running))
    if clipped != running:
        rows.append(("clip to 0-5", clipped, round(clipped - running, 4)))
    return rows, round(clipped, 1)
