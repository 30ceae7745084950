"""Calibration: how the signals combine into a grade, learned from graded examples.

The model is linear with non-negative slopes (more coverage never lowers a
grade), so each signal's contribution can be shown to the candidate; a
monotone (isotonic) curve then maps the linear score onto the grade scale. It is
fitted on the bank's example answers: the target of an example is the nearest
point of its expected range ``[low, high]`` (alternating with refitting, which
minimises the squared distance to the ranges rather than to their midpoints),
with a ridge penalty that pulls the weights towards a sensible prior when
examples are few.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["PRIOR", "LinearCalibration", "fit_calibration"]

# The prior the ridge penalty shrinks towards, and the model used when a bank
# has no examples: an answer covering every concept and close to the reference
# earns about 5; one covering nothing about 0.
PRIOR: dict[str, float] = {
    "intercept": 0.0,
    "coverage": 3.5,
    "key_coverage": 0.5,
    "similarity_in_band": 0.5,
    "elaboration": 0.5,
}


@dataclass(frozen=True)
class LinearCalibration:
    """``score = intercept + sum(coefficient * signal)``, then a monotone curve.

    Attributes:
        intercept: The score of an answer with every signal at zero.
        coefficients: Signal name -> slope (non-negative).
        n_examples: How many examples it was fitted on (0 for the prior).
        curve_x: Knots of the calibration curve (linear scores), increasing;
            empty for none.
        curve_y: The grade at each knot (non-decreasing); between knots the
            grade is interpolated, beyond them it is held.
    """

    intercept: float
    coefficients: dict[str, float]
    n_examples: int = 0
    curve_x: tuple[float, ...] = ()
    curve_y: tuple[float, ...] = ()

    def curve(self, score: float) -> float:
        """The calibrated grade for a linear score (identity without a curve)."""
        xs, ys = self.curve_x, self.curve_y
        if not xs:
            return score
        if score <= xs[0]:
            return ys[0]
        if score >= xs[-1]:
            return ys[-1]
        right = bisect_right(xs, score)
        x0, x1, y0, y1 = xs[right - 1], xs[right], ys[right - 1], ys[right]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)

    def contributions(self, signals: dict[str, float]) -> list[tuple[str, float, float]]:
        """``(signal, value, contribution)`` rows, the intercept first."""
        rows = [("baseline", 1.0, self.intercept)]
        for name, slope in self.coefficients.items():
            value = signals.get(name, 0.0)
            rows.append((name, value, slope * value))
        return rows

    def score(self, signals: dict[str, float]) -> float:
        """The linear score for these signals."""
        return self.intercept + sum(
            slope * signals.get(name, 0.0) for name, slope in self.coefficients.items()
        )

    def predict(self, signals: dict[str, float]) -> float:
        """The calibrated grade for these signals, before rules."""
        return self.curve(self.score(signals))


def prior_calibration() -> LinearCalibration:
    """The calibration used without examples."""
    return LinearCalibration(
        PRIOR["intercept"], {k: v for k, v in PRIOR.items() if k != "intercept"}, 0
    )


def _centred(scores: Any, levels: Any) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The isotonic staircase as a rising line through the centre of each step.

    A staircase gives every score on a step the same grade, so answers with different
    evidence tie ("grades cluster"); joining the steps' centres keeps the fit's shape and
    lets each difference in evidence show.
    """
    points: dict[float, list[float]] = {}
    for score, level in zip(scores, levels, strict=True):
        points.setdefault(round(float(level), 9), []).append(float(score))
    knots = sorted((sum(xs) / len(xs), level) for level, xs in points.items())
    low = min(float(v) for v in scores)
    high = max(float(v) for v in scores)
    xs = [low, *(k[0] for k in knots), high]
    ys = [knots[0][1], *(k[1] for k in knots), knots[-1][1]]
    return tuple(xs), tuple(ys)


def fit_calibration(
    rows: Sequence[dict[str, float]],
    ranges: Sequence[tuple[float, float]],
    names: Sequence[str],
    strength: float = 1.0,
    iterations: int = 30,
    min_curve_examples: int = 40,
) -> LinearCalibration:
    """Fit the linear calibration on example signals and expected ranges.

    Args:
        rows: One signal dict per example (rule-determined examples excluded).
        ranges: Each example's expected ``(low, high)``, already shifted for
            penalties that the rules will subtract.
        names: The signals the model uses, in order.
        strength: Ridge strength towards :data:`PRIOR` (per example row).
        iterations: Rounds of target projection.
        min_curve_examples: With at least this many examples, a monotone
            (isotonic) curve maps the linear score to the expected grades, so
            the top and bottom of the scale can stretch; with fewer, the
            linear score is the grade.

    Returns:
        The fitted calibration (the prior when there are no rows).
    """
    if not rows:
        return prior_calibration()
    import numpy as np
    from scipy.optimize import lsq_linear

    x = np.array([[1.0] + [row.get(n, 0.0) for n in names] for row in rows])
    low = np.array([r[0] for r in ranges])
    high = np.array([r[1] for r in ranges])
    prior = np.array([PRIOR.get("intercept", 0.0)] + [PRIOR.get(n, 0.0) for n in names])
    dims = x.shape[1]
    penalty = np.sqrt(strength) * np.eye(dims)
    design = np.vstack([x, penalty])
    lower = np.array([-np.inf] + [0.0] * (dims - 1))
    upper = np.full(dims, np.inf)
    target = (low + high) / 2
    weights = prior
    fitted_on = target
    for _ in range(iterations):
        solution = lsq_linear(design, np.concatenate([target, penalty @ prior]), (lower, upper))
        weights, fitted_on = solution.x, target
        new_target = np.clip(x @ weights, low, high)
        if np.allclose(new_target, target, atol=1e-6):
            break
        target = new_target
    curve_x: tuple[float, ...] = ()
    curve_y: tuple[float, ...] = ()
    if len(rows) >= min_curve_examples:
        from sklearn.isotonic import IsotonicRegression

        scores = x @ weights
        iso = IsotonicRegression(y_min=0.0, y_max=5.0, out_of_bounds="clip")
        iso.fit(scores, fitted_on)  # the targets the weights were fitted to
        curve_x, curve_y = _centred(scores, iso.predict(scores))
    return LinearCalibration(
        float(weights[0]),
        {n: float(w) for n, w in zip(names, weights[1:], strict=True)},
        len(rows),
        curve_x,
        curve_y,
    )
