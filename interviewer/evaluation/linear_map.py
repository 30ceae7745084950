"""The cross-validated linear map from signals to score of ``interviewer eval``.

Plain numpy least squares with a small ridge, fitted fold by fold so that no
answer is scored by a map that saw its score.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from interviewer.authoring.stats import Floats

__all__ = ["cross_val_predict"]


def _fit(features: Floats, target: Floats, ridge: float) -> Floats:
    """Least squares with an intercept and a small ridge on the slopes."""
    design = np.column_stack([np.ones(len(features)), features])
    penalty = ridge * np.eye(design.shape[1])
    penalty[0, 0] = 0.0
    return np.asarray(np.linalg.solve(design.T @ design + penalty, design.T @ target), dtype=float)


def cross_val_predict(
    features: Floats,
    target: Floats,
    folds: Sequence[int] | NDArray[np.int64],
    *,
    ridge: float = 1e-3,
    low: float = 0.0,
    high: float = 5.0,
) -> Floats:
    """Predictions of a linear map fitted on the other folds, clipped to [low, high].

    Each item's prediction comes from a map fitted without its fold, so no
    answer is scored by a map that saw its score.

    Args:
        features: One row per item (standardised inside each training fold).
        target: The human scores.
        folds: The fold of each item.
        ridge: L2 penalty on the slopes (the features are standardised).
        low: The lowest possible score.
        high: The highest possible score.
    """
    features = np.asarray(features, dtype=float)
    if features.ndim == 1:
        features = features[:, None]
    fold_ids = np.asarray(folds)
    out = np.zeros(len(target))
    for fold in np.unique(fold_ids):
        test = fold_ids == fold
        train = ~test
        if not train.any():
            out[test] = float(np.mean(target))
            continue
        mean = features[train].mean(0)
        scale = features[train].std(0)
        scale[scale < 1e-12] = 1.0
        coefficients = _fit((features[train] - mean) / scale, target[train], ridge * train.sum())
        design = np.column_stack([np.ones(test.sum()), (features[test] - mean) / scale])
        out[test] = design @ coefficients
    return np.clip(out, low, high)
