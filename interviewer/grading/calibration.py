"""Calibration: how the signals combine into a grade, learned from graded examples.

The model is linear with non-negative slopes (more coverage never lowers a
grade), so each signal's contribution can be shown to the candidate. It is
fitted on the bank's example answers: the target of an example is the nearest
point of its expected range ``[low, high]`` (alternating with refitting, which
minimises the squared distance to the ranges rather than to their midpoints),
with a ridge penalty that pulls the weights towards a sensible prior when
examples are few.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["PRIOR", "LinearCalibration", "fit_calibration"]

# The prior the ridge penalty shrinks towards, and the model used when a bank
# has no examples: an answer covering every concept and close to the reference
# earns about 5; one covering nothing about 0.
PRIOR: dict[str, float] = {
    "intercept": -0.3,
    "coverage": 3.5,
    "key_coverage": 0.5,
    "similarity": 0.8,
    "elaboration": 0.5,
    "topicality": 1.5,
}


@dataclass(frozen=True)
class LinearCalibration:
    """``grade = intercept + sum(coefficient * signal)`` before rules.

    Attributes:
        intercept: The grade of an answer with every signal at zero.
        coefficients: Signal name -> slope (non-negative).
        n_examples: How many examples it was fitted on (0 for the prior).
    """

    intercept: float
    coefficients: dict[str, float]
    n_examples: int = 0

    def contributions(self, signals: dict[str, float]) -> list[tuple[str, float, float]]:
        """``(signal, value, contribution)`` rows, the intercept first."""
        rows = [("baseline", 1.0, self.intercept)]
        for name, slope in self.coefficients.items():
            value = signals.get(name, 0.0)
            rows.append((name, value, slope * value))
        return rows

    def predict(self, signals: dict[str, float]) -> float:
        """The raw grade for these signals."""
        return self.intercept + sum(
            slope * signals.get(name, 0.0) for name, slope in self.coefficients.items()
        )


def prior_calibration() -> LinearCalibration:
    """The calibration used without examples."""
    return LinearCalibration(
        PRIOR["intercept"], {k: v for k, v in PRIOR.items() if k != "intercept"}, 0
    )


def fit_calibration(
    rows: Sequence[dict[str, float]],
    ranges: Sequence[tuple[float, float]],
    names: Sequence[str],
    strength: float = 1.0,
    iterations: int = 30,
) -> LinearCalibration:
    """Fit the linear calibration on example signals and expected ranges.

    Args:
        rows: One signal dict per example (rule-determined examples excluded).
        ranges: Each example's expected ``(low, high)``, already shifted for
            penalties that the rules will subtract.
        names: The signals the model uses, in order.
        strength: Ridge strength towards :data:`PRIOR` (per example row).
        iterations: Rounds of target projection.

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
    for _ in range(iterations):
        solution = lsq_linear(design, np.concatenate([target, penalty @ prior]), (lower, upper))
        weights = solution.x
        new_target = np.clip(x @ weights, low, high)
        if np.allclose(new_target, target, atol=1e-6):
            break
        target = new_target
    return LinearCalibration(
        float(weights[0]), {n: float(w) for n, w in zip(names, weights[1:], strict=True)}, len(rows)
    )
