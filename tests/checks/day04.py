"""Right and wrong answers for the checks of Day 4 (see tests/checks/README.md)."""

import numpy as np
from sklearn.preprocessing import RobustScaler

from helpers.checks.day04 import check_min_max, check_robust_transform, check_share_outside
from helpers.exercises import CORRECT, WRONG
from helpers.preprocessing import MinMaxScaler, min_max_scale


def _span(X):
    return X.max(axis=0) - X.min(axis=0)


def _mm_outside(X_fit, X):
    T = MinMaxScaler().fit(X_fit).transform(X)
    return (T < 0) | (T > 1)


def _robust(X_fit, X):
    q25, median, q75 = np.percentile(X_fit, [25, 50, 75], axis=0)
    return (X - median) / (q75 - q25)


CASES = [
    (check_min_max, (lambda X: (X - X.min(axis=0)) / np.where(_span(X) == 0, 1, _span(X)),),
     CORRECT, "constant one maps to 0"),
    (check_min_max, (min_max_scale,), CORRECT, None),
    (check_min_max, (lambda X: X - X.min(axis=0) / np.where(_span(X) == 0, 1, _span(X)),),
     WRONG, "parentheses"),
    (check_min_max, (lambda X: (X - X.min(axis=0)) / _span(X),), WRONG, "NaN (0 / 0)"),
    (check_min_max, (lambda X: (X - X.mean(axis=0)) / np.where(_span(X) == 0, 1, _span(X)),),
     WRONG, "from 0 (their minimum)"),
    (check_min_max, (lambda X: min_max_scale(X.T).T,), WRONG, "each row"),
    (check_min_max, (lambda X: X[:, :2],), WRONG, "keep the shape"),
    (check_min_max, (lambda X: np.column_stack([min_max_scale(X)[:, :2], np.ones(8),
                                                min_max_scale(X)[:, 3]]),), WRONG,
     "should map to 0"),

    (check_share_outside, (lambda Xtr, Xte: np.mean(_mm_outside(Xtr, Xte)),), CORRECT,
     "new data"),
    (check_share_outside, (lambda Xtr, Xte: np.sum(_mm_outside(Xtr, Xte)),), WRONG,
     "a count"),
    (check_share_outside, (lambda Xtr, Xte: np.mean(_mm_outside(Xte, Xte)),), WRONG,
     "X_train only"),
    (check_share_outside,
     (lambda Xtr, Xte: np.mean(_mm_outside(np.vstack([Xtr, Xte]), Xte)),), WRONG,
     "X_train only"),
    (check_share_outside, (lambda Xtr, Xte: np.mean(_mm_outside(Xtr, Xtr)),), WRONG,
     "fitted on the very data"),
    (check_share_outside, (lambda Xtr, Xte: np.mean(_mm_outside(Xtr, Xte).any(axis=1)),),
     WRONG, "ROWS"),
    (check_share_outside, (lambda Xtr, Xte: 0.5,), WRONG, "not the share"),

    (check_robust_transform, (lambda X_train, X_test: (X_test - np.median(X_train)) / (
        np.percentile(X_train, 75) - np.percentile(X_train, 25)),), WRONG, "axis=0"),
    (check_robust_transform, (lambda Xtr, Xte: _robust(Xtr, Xte),), CORRECT,
     "training split's median"),
    (check_robust_transform,
     (lambda Xtr, Xte: RobustScaler().fit(Xtr).transform(Xte),), CORRECT, None),
    (check_robust_transform, (lambda Xtr, Xte: _robust(Xte, Xte),), WRONG, "own statistics"),
    (check_robust_transform, (lambda Xtr, Xte: _robust(np.vstack([Xtr, Xte]), Xte),), WRONG,
     "all the data"),
    (check_robust_transform, (lambda Xtr, Xte: -_robust(Xtr, Xte),), WRONG, "flipped"),
    (check_robust_transform,
     (lambda Xtr, Xte: (Xte - Xtr.mean(axis=0)) / np.subtract(
         *np.percentile(Xtr, [75, 25], axis=0)),), WRONG, "median"),
    (check_robust_transform,
     (lambda Xtr, Xte: (Xte - np.median(Xtr, axis=0)) / Xtr.std(axis=0),), WRONG,
     "interquartile"),
    (check_robust_transform,
     (lambda Xtr, Xte: Xte / np.subtract(*np.percentile(Xtr, [75, 25], axis=0)),), WRONG,
     "not centred"),
    (check_robust_transform, (lambda Xtr, Xte: _robust(Xtr, Xtr),), WRONG, "keep the shape"),
    (check_robust_transform, (lambda Xtr, Xte: _robust(Xtr, Xtr)[:len(Xte)],), WRONG,
     "transformed the training split"),
    (check_robust_transform, (lambda Xtr, Xte: (Xte - Xte.mean(axis=0)) / Xte.std(axis=0),),
     WRONG, "not (X_test - median) / IQR"),
]
