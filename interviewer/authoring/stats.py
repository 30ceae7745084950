"""Agreement statistics, used by ``rubric test`` and ``interviewer eval``.

Plain numpy, so every figure in a report can be recomputed by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Floats",
    "mae",
    "pearson",
    "quadratic_weighted_kappa",
    "rmse",
    "spearman",
]

Floats = NDArray[np.float64]


def _arrays(a: Sequence[float] | Floats, b: Sequence[float] | Floats) -> tuple[Floats, Floats]:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape:
        raise ValueError("both series must have the same length")
    return x, y


def pearson(a: Sequence[float] | Floats, b: Sequence[float] | Floats) -> float:
    """Pearson's r; 0 when either series is constant or shorter than 2."""
    x, y = _arrays(a, b)
    if len(x) < 2:
        return 0.0
    x, y = x - x.mean(), y - y.mean()
    denominator = float(np.sqrt((x * x).sum() * (y * y).sum()))
    return float((x * y).sum() / denominator) if denominator > 1e-12 else 0.0


def _ranks(values: Floats) -> Floats:
    """Average ranks (ties share the mean of their positions)."""
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values), dtype=float)
    sorted_values = values[order]
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and sorted_values[end + 1] == sorted_values[start]:
            end += 1
        ranks[order[start : end + 1]] = (start + end) / 2.0
        start = end + 1
    return ranks


def spearman(a: Sequence[float] | Floats, b: Sequence[float] | Floats) -> float:
    """Spearman's rho: Pearson's r of the average ranks."""
    x, y = _arrays(a, b)
    return pearson(_ranks(x), _ranks(y))


def rmse(a: Sequence[float] | Floats, b: Sequence[float] | Floats) -> float:
    """Root mean squared error."""
    x, y = _arrays(a, b)
    return float(np.sqrt(np.mean((x - y) ** 2))) if len(x) else 0.0


def mae(a: Sequence[float] | Floats, b: Sequence[float] | Floats) -> float:
    """Mean absolute error."""
    x, y = _arrays(a, b)
    return float(np.mean(np.abs(x - y))) if len(x) else 0.0


def quadratic_weighted_kappa(
    a: Sequence[float] | Floats, b: Sequence[float] | Floats, low: int = 0, high: int = 5
) -> float:
    """Cohen's kappa with quadratic weights, after rounding both to integers in [low, high]."""
    x, y = _arrays(a, b)
    xi = np.clip(np.floor(x + 0.5), low, high).astype(int) - low
    yi = np.clip(np.floor(y + 0.5), low, high).astype(int) - low
    size = high - low + 1
    observed = np.zeros((size, size))
    for i, j in zip(xi, yi, strict=True):
        observed[i, j] += 1
    if observed.sum() == 0:
        return 0.0
    expected = np.outer(observed.sum(1), observed.sum(0)) / observed.sum()
    grid = np.arange(size)
    weights = (grid[:, None] - grid[None, :]) ** 2 / (size - 1) ** 2
    denominator = float((weights * expected).sum())
    if denominator < 1e-12:
        return 1.0 if float((weights * observed).sum()) < 1e-12 else 0.0
    return 1.0 - float((weights * observed).sum()) / denominator
