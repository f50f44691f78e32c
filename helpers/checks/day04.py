"""Checks for the exercises of Day 4 (normalization); see helpers.exercises."""

from __future__ import annotations

import math

import numpy as np

from helpers.exercises import Wrong, call, exercise_check


def _matrix(value, name: str, shape: tuple[int, int]) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.shape != shape:
        raise Wrong(f"{name} should keep the shape of X, {shape}, got {arr.shape}; "
                    "statistics per feature are taken with axis=0")
    return arr


def _min_max_case() -> np.ndarray:
    rng = np.random.default_rng(4)
    return np.column_stack([rng.normal(170, 10, 8), rng.uniform(0, 1e-3, 8),
                            np.full(8, 7.0), rng.integers(0, 5, 8)])  # column 2 constant


@exercise_check
def check_min_max(min_max) -> str:
    """``min_max(X)``: each feature to [0, 1]; a constant feature to 0, not NaN."""
    X = _min_max_case()
    with np.errstate(all="ignore"):  # a learner's 0 / 0 becomes feedback, not a warning
        got = _matrix(call(min_max, X.copy()), "min_max(X)", X.shape)
    low, span = X.min(axis=0), X.max(axis=0) - X.min(axis=0)
    varying = span > 0
    if np.allclose(got[:, varying], X[:, varying] - low[varying] / span[varying]):
        raise Wrong("division binds tighter than subtraction: X - X.min(axis=0) / span "
                    "divides only the minimum; put parentheses around X - X.min(axis=0)")
    if np.any(np.isnan(got[:, ~varying])):
        raise Wrong("the constant feature became NaN (0 / 0): divide by 1 where the range "
                    "is 0, as scikit-learn does")
    if np.any(~np.isfinite(got)):
        raise Wrong("your result holds NaN or infinite values")
    if not np.allclose(got[:, varying], (X[:, varying] - low[varying]) / span[varying]):
        if np.allclose(got.min(axis=1), 0) or np.allclose(got.max(axis=1), 1):
            raise Wrong("you scaled each row (sample); min-max scales each column "
                        "(feature), with axis=0")
        raise Wrong("the varying features should go from 0 (their minimum) to 1 (their "
                    "maximum)")
    if not np.allclose(got[:, ~varying], 0):
        raise Wrong("a constant feature should map to 0, the bottom of the range")
    return "each feature spans [0, 1] and the constant one maps to 0, with no NaN."


def _split_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(6)
    X_train = rng.normal(0, 1, (200, 3))
    X_test = rng.normal(0.3, 1.4, (60, 3))  # the test split drifted: wider and shifted
    return X_train, X_test


def _share_outside(X_fit: np.ndarray, X: np.ndarray) -> float:
    low, high = X_fit.min(axis=0), X_fit.max(axis=0)
    scaled = (X - low) / (high - low)
    return float(np.mean((scaled < 0) | (scaled > 1)))


@exercise_check
def check_share_outside(share_outside) -> str:
    """``share_outside(X_train, X_test)``: share of scaled test values outside [0, 1]."""
    X_train, X_test = _split_case()
    got = call(share_outside, X_train.copy(), X_test.copy())
    try:
        got = float(got)
    except (TypeError, ValueError):
        raise Wrong(f"share_outside should return one number, got "
                    f"{type(got).__name__}") from None
    want = _share_outside(X_train, X_test)
    if math.isclose(got, want, rel_tol=1e-9):
        return "a scaler fitted on the training split sees the test split as new data."
    if math.isclose(got, want * X_test.size, rel_tol=1e-9):
        raise Wrong("that is a count; the exercise asks for the share (a fraction) of "
                    "the test values")
    if got == 0:
        raise Wrong("no value outside [0, 1]: the scaler was fitted on the very data it "
                    "scaled (or on all of it); fit on X_train only, then transform X_test")
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    scaled = (X_test - low) / (high - low)
    if math.isclose(got, float(np.mean(np.any((scaled < 0) | (scaled > 1), axis=1))),
                    rel_tol=1e-9):
        raise Wrong("that is the share of test ROWS with a value outside; count every "
                    "value (all rows and features)")
    raise Wrong("not the share of scaled test values below 0 or above 1")


def _robust_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(8)
    X = np.column_stack([rng.normal(70, 3, 60), rng.exponential(2.0, 60),
                         rng.normal(-5, 0.1, 60)])
    X[0, 0] = 500.0  # one broken value in the training split
    return X[:41], X[41:]


def _robust(X_fit: np.ndarray, X: np.ndarray) -> np.ndarray:
    q25, median, q75 = np.percentile(X_fit, [25, 50, 75], axis=0)
    return (X - median) / (q75 - q25)


@exercise_check
def check_robust_transform(robust_transform) -> str:
    """``robust_transform(X_train, X_test)``: X_test scaled with the training split's
    per-feature median and interquartile range."""
    X_train, X_test = _robust_case()
    got = _matrix(call(robust_transform, X_train.copy(), X_test.copy()),
                  "robust_transform(X_train, X_test)", X_test.shape)
    q25, median, q75 = np.percentile(X_train, [25, 50, 75], axis=0)
    if np.allclose(got, _robust(X_train, X_test)):
        return "the training split's median and IQR, applied to the test split."
    if np.allclose(got, _robust(X_test, X_test)):
        raise Wrong("those are the test split's own statistics: compute the median and "
                    "IQR on X_train, then apply them to X_test")
    if np.allclose(got, _robust(np.vstack([X_train, X_test]), X_test)):
        raise Wrong("the statistics saw the test split (all the data): use X_train only")
    if np.allclose(got, (X_test - median) / (q25 - q75)):
        raise Wrong("the signs are flipped: the IQR is the 75th percentile minus the 25th")
    if np.allclose(got, (X_test - X_train.mean(axis=0)) / (q75 - q25)):
        raise Wrong("you centred on the mean, which the broken value drags; use the median")
    if np.allclose(got, (X_test - median) / X_train.std(axis=0)):
        raise Wrong("you divided by the standard deviation, which the broken value "
                    "inflates; use the interquartile range")
    if np.allclose(got, X_test / (q75 - q25)):
        raise Wrong("the features are scaled but not centred: subtract each median")
    q25_all, median_all, q75_all = np.percentile(X_train, [25, 50, 75])  # no axis: pooled
    if np.allclose(got, (X_test - median_all) / (q75_all - q25_all)):
        raise Wrong("those percentiles pool every feature of X_train: take them per feature "
                    "(one median and IQR per column), with axis=0")
    if np.allclose(got, _robust(X_train, X_train[:got.shape[0]])):
        raise Wrong("you transformed the training split; return X_test, transformed")
    raise Wrong("not (X_test - median) / IQR, with the median and IQR of each feature of "
                "X_train")
