"""Min-max scaling and standardization per feature (Day 4).

``X`` is a 2-D data matrix, one row per sample and one column per feature; statistics are
computed per feature (``axis=0``). The scalers fit statistics on one array (the training
split) and apply them to another (the test split), and can invert the transform.

Constant features are handled as scikit-learn does: a zero range or zero standard deviation
is replaced by 1, so a constant column maps to ``feature_range[0]`` (min-max) or to 0
(standardization) instead of dividing by zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from helpers._validate import as_float_array, check_ddof


def _as_matrix(X: np.typing.ArrayLike, name: str = "X") -> np.ndarray:
    arr = as_float_array(X, name, ndim=(1, 2))
    if arr.ndim == 1:
        raise ValueError(f"{name} must be 2-D (samples x features), got a 1-D array of "
                         f"shape {arr.shape}; use {name}.reshape(-1, 1) for one feature")
    return arr


def _nonzero(scale: np.ndarray) -> np.ndarray:
    """Replace zero scales (constant features) by 1, as scikit-learn does."""
    return np.where(scale == 0, 1.0, scale)


@dataclass
class _Scaler:
    """Shared fit/transform bookkeeping: ``transform(X) = (X - offset_) / scale_ + shift``."""

    offset_: np.ndarray | None = field(default=None, init=False, repr=False)
    scale_: np.ndarray | None = field(default=None, init=False, repr=False)

    def _shift(self) -> float:
        return 0.0

    def _fitted(self, X: np.typing.ArrayLike, name: str) -> np.ndarray:
        if self.scale_ is None:
            raise RuntimeError(f"{type(self).__name__} is not fitted: call fit(X_train) first")
        arr = _as_matrix(X, name)
        if arr.shape[1] != self.scale_.size:
            raise ValueError(f"{name} must have {self.scale_.size} features (columns) like "
                             f"the data it was fitted on, got {arr.shape[1]}")
        return arr

    def transform(self, X: np.typing.ArrayLike) -> np.ndarray:
        """Scale ``X`` with the statistics fitted earlier."""
        arr = self._fitted(X, "X")
        return (arr - self.offset_) / self.scale_ + self._shift()

    def inverse_transform(self, X_scaled: np.typing.ArrayLike) -> np.ndarray:
        """Undo :meth:`transform`: back to the original units."""
        arr = self._fitted(X_scaled, "X_scaled")
        return (arr - self._shift()) * self.scale_ + self.offset_

    def fit_transform(self, X: np.typing.ArrayLike) -> np.ndarray:
        """Fit on ``X`` and scale it."""
        return self.fit(X).transform(X)


@dataclass
class MinMaxScaler(_Scaler):
    """Scale each feature linearly to ``feature_range`` (fitted min -> low, max -> high).

    Examples
    --------
    >>> X_train = np.array([[0.0, 10.0], [5.0, 20.0], [10.0, 30.0]])
    >>> scaler = MinMaxScaler().fit(X_train)
    >>> scaler.transform([[2.5, 40.0]])  # test data may fall outside [0, 1]
    array([[0.25, 1.5 ]])
    >>> scaler.inverse_transform([[0.25, 1.5]])
    array([[ 2.5, 40. ]])
    """

    feature_range: tuple[float, float] = (0.0, 1.0)

    def __post_init__(self) -> None:
        low, high = self._range()
        if not low < high:
            raise ValueError(f"feature_range must be (min, max) with min < max, got "
                             f"{self.feature_range}")

    def _range(self) -> tuple[float, float]:
        rng = as_float_array(self.feature_range, "feature_range", ndim=1)
        if rng.size != 2:
            raise ValueError(f"feature_range must hold two numbers (min, max), got "
                             f"{self.feature_range}")
        return float(rng[0]), float(rng[1])

    def _shift(self) -> float:
        return self._range()[0]

    def fit(self, X: np.typing.ArrayLike) -> MinMaxScaler:
        """Learn each feature's minimum and range from ``X`` (the training split)."""
        arr = _as_matrix(X)
        low, high = self._range()
        self.offset_ = arr.min(axis=0)
        self.scale_ = _nonzero(arr.max(axis=0) - self.offset_) / (high - low)
        return self


@dataclass
class StandardScaler(_Scaler):
    """Shift each feature to mean 0 and scale it to standard deviation 1.

    Examples
    --------
    >>> scaler = StandardScaler().fit([[1.0, 7.0], [3.0, 7.0]])
    >>> scaler.transform([[1.0, 7.0], [5.0, 7.0]])  # constant feature -> 0
    array([[-1.,  0.],
           [ 3.,  0.]])
    """

    ddof: int = 0

    def fit(self, X: np.typing.ArrayLike) -> StandardScaler:
        """Learn each feature's mean and standard deviation from ``X``."""
        arr = _as_matrix(X)
        check_ddof(self.ddof, arr.shape[0])
        self.offset_ = arr.mean(axis=0)
        self.scale_ = _nonzero(arr.std(axis=0, ddof=self.ddof))
        return self


def min_max_scale(X: np.typing.ArrayLike,
                  feature_range: tuple[float, float] = (0.0, 1.0)) -> np.ndarray:
    """Scale each feature (column) of ``X`` to ``feature_range``.

    ``(X - min) / (max - min)``, with the parentheses: the common mistake
    ``X - X.min(axis=0) / (X.max(axis=0) - X.min(axis=0))`` divides only the minimum.

    Examples
    --------
    >>> min_max_scale([[1.0, 0.0], [2.0, 5.0], [3.0, 10.0]])
    array([[0. , 0. ],
           [0.5, 0.5],
           [1. , 1. ]])
    """
    return MinMaxScaler(feature_range).fit_transform(X)


def standardize(X: np.typing.ArrayLike, ddof: int = 0) -> np.ndarray:
    """Shift and scale each feature (column) of ``X`` to mean 0 and standard deviation 1.

    Examples
    --------
    >>> standardize([[1.0, 10.0], [3.0, 30.0]])
    array([[-1., -1.],
           [ 1.,  1.]])
    """
    return StandardScaler(ddof=ddof).fit_transform(X)
