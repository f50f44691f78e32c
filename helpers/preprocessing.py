"""Min-max scaling and standardization per feature (Day 4), with scikit-learn's attributes.

``X`` is a 2-D data matrix, one row per sample and one column per feature; statistics are
computed per feature (``axis=0``). The scalers fit statistics on one array (the training
split) and apply them to another (the test split), and can invert the transform. Their
fitted attributes have scikit-learn's names and meanings (``mean_``, ``var_``, ``scale_``;
``data_min_``, ``data_max_``, ``data_range_``, ``min_``; ``n_features_in_``), so the code
carries over to ``sklearn.preprocessing`` unchanged; parameters are validated in ``fit``.

Constant features are detected as a careful numerical library does: up to rounding error,
not by ``== 0``. A constant column of 0.1 has a computed standard deviation of about 1e-17,
and dividing by it would turn every value into +1 or -1. A constant feature maps to
``feature_range[0]`` (min-max) or to 0 (standardization).
"""

from __future__ import annotations

import numpy as np

from helpers._validate import as_float_array, check_ddof
from helpers.stats import is_constant_feature, mean_var

#: A feature whose range is at most this many units in the last place of its largest
#: magnitude is constant up to rounding (see :func:`is_constant_range`).
RANGE_ULPS = 10


def _as_matrix(X: np.typing.ArrayLike, name: str = "X") -> np.ndarray:
    arr = as_float_array(X, name, ndim=(1, 2))
    if arr.ndim == 1:
        raise ValueError(f"{name} must be 2-D (samples x features), got a 1-D array of "
                         f"shape {arr.shape}; use {name}.reshape(-1, 1) for one feature")
    return arr


def is_constant_range(data_min: np.typing.ArrayLike,
                      data_max: np.typing.ArrayLike) -> np.ndarray:
    """Which features are constant up to rounding error, judged from their min and max.

    ``max - min`` of equal values is exactly 0, but values that should be equal often
    differ in their last digits (``0.1 * 3`` and ``0.3``). A feature counts as constant
    when its range is at most ``RANGE_ULPS`` (10) units in the last place of its largest
    magnitude: ``max - min <= 10 eps max(|min|, |max|)``. The tolerance is relative, like
    scikit-learn's ``_is_constant_feature`` for the variance; scikit-learn's
    ``MinMaxScaler`` uses an absolute ``10 eps``, which calls every feature below 2e-15
    constant and no feature near 1e7 constant.

    Examples
    --------
    >>> is_constant_range([0.3, 1e-20], [0.1 * 3, 3e-20])
    array([ True, False])
    """
    low = as_float_array(data_min, "data_min", allow_empty=True)
    high = as_float_array(data_max, "data_max", allow_empty=True)
    if low.shape != high.shape:
        raise ValueError(f"data_min and data_max must have the same shape (one value per "
                         f"feature), got {low.shape} and {high.shape}")
    eps = np.finfo(np.float64).eps
    return np.asarray(high - low <= RANGE_ULPS * eps * np.maximum(np.abs(low), np.abs(high)))


class _Scaler:
    """Shared bookkeeping: fitted check, feature count, ``fit_transform``, repr."""

    _params: tuple[str, ...] = ()

    def __repr__(self) -> str:
        args = ", ".join(f"{p}={getattr(self, p)!r}" for p in self._params)
        return f"{type(self).__name__}({args})"

    def _start_fit(self, X: np.typing.ArrayLike) -> np.ndarray:
        arr = _as_matrix(X)
        self.n_features_in_, self.n_samples_seen_ = arr.shape[1], arr.shape[0]
        return arr

    def _fitted(self, X: np.typing.ArrayLike, name: str) -> np.ndarray:
        if not hasattr(self, "n_features_in_"):
            raise RuntimeError(f"{type(self).__name__} is not fitted: call fit(X_train) first")
        arr = _as_matrix(X, name)
        if arr.shape[1] != self.n_features_in_:
            raise ValueError(f"{name} must have {self.n_features_in_} features (columns) like "
                             f"the data it was fitted on, got {arr.shape[1]}")
        return arr

    def fit_transform(self, X: np.typing.ArrayLike) -> np.ndarray:
        """Fit on ``X`` and scale it."""
        return self.fit(X).transform(X)


def _check_finite_spread(spread: np.ndarray, what: str) -> None:
    """A clear error when a feature's spread overflows float64 (values near 1e308)."""
    bad = np.flatnonzero(~np.isfinite(spread))
    if bad.size:
        raise ValueError(f"X's {what} overflows float64 in feature(s) {bad.tolist()}: its "
                         f"values are too large to scale; divide X by a large constant first")


class MinMaxScaler(_Scaler):
    """Scale each feature linearly to ``feature_range`` (fitted min -> low, max -> high).

    ``transform(X) = X * scale_ + min_``, computed as ``(X - data_min_) * scale_ + low``
    (the same numbers, without rounding error from a large offset).

    Parameters
    ----------
    feature_range : tuple (low, high), default (0, 1)
        The range of the scaled training data; ``low < high``, checked in ``fit``.

    Attributes
    ----------
    data_min_, data_max_ : numpy.ndarray of shape (n_features,)
        Each feature's minimum and maximum in the data passed to ``fit``.
    data_range_ : numpy.ndarray of shape (n_features,)
        ``data_max_ - data_min_``.
    scale_ : numpy.ndarray of shape (n_features,)
        ``(high - low) / data_range_``, with the range of a constant feature (see
        :func:`is_constant_range`) taken as 1: the factor that multiplies a feature.
    min_ : numpy.ndarray of shape (n_features,)
        ``low - data_min_ * scale_``: the offset added after multiplying.
    n_features_in_ : int
        Number of features (columns) seen in ``fit``.
    n_samples_seen_ : int
        Number of samples (rows) seen in ``fit``.

    Examples
    --------
    >>> X_train = np.array([[0.0, 10.0], [5.0, 20.0], [10.0, 30.0]])
    >>> scaler = MinMaxScaler().fit(X_train)
    >>> scaler.data_range_, scaler.scale_
    (array([10., 20.]), array([0.1 , 0.05]))
    >>> scaler.transform([[2.5, 40.0]])  # test data may fall outside [0, 1]
    array([[0.25, 1.5 ]])
    >>> scaler.inverse_transform([[0.25, 1.5]])
    array([[ 2.5, 40. ]])
    """

    _params = ("feature_range",)

    def __init__(self, feature_range: tuple[float, float] = (0.0, 1.0)) -> None:
        self.feature_range = feature_range

    def _range(self) -> tuple[float, float]:
        try:
            bounds = as_float_array(self.feature_range, "feature_range", ndim=1)
        except (TypeError, ValueError):
            bounds = np.empty(0)
        if bounds.size != 2 or not bounds[0] < bounds[1]:
            raise ValueError(f"feature_range must hold two finite numbers (min, max) with "
                             f"min < max, got {self.feature_range!r}")
        return float(bounds[0]), float(bounds[1])

    def fit(self, X: np.typing.ArrayLike) -> MinMaxScaler:
        """Learn each feature's minimum and range from ``X`` (the training split)."""
        low, high = self._range()
        arr = self._start_fit(X)
        self.data_min_, self.data_max_ = arr.min(axis=0), arr.max(axis=0)
        with np.errstate(over="ignore"):
            self.data_range_ = self.data_max_ - self.data_min_
        _check_finite_spread(self.data_range_, "range (max - min)")
        constant = is_constant_range(self.data_min_, self.data_max_)
        self.scale_ = (high - low) / np.where(constant, 1.0, self.data_range_)
        self.min_ = low - self.data_min_ * self.scale_
        self._low = low
        return self

    def transform(self, X: np.typing.ArrayLike) -> np.ndarray:
        """Scale ``X`` with the minimum and range fitted earlier."""
        arr = self._fitted(X, "X")
        return (arr - self.data_min_) * self.scale_ + self._low

    def inverse_transform(self, X_scaled: np.typing.ArrayLike) -> np.ndarray:
        """Undo :meth:`transform`: back to the original units."""
        arr = self._fitted(X_scaled, "X_scaled")
        return (arr - self._low) / self.scale_ + self.data_min_


class StandardScaler(_Scaler):
    """Shift each feature to mean 0 and scale it to standard deviation 1.

    ``transform(X) = (X - mean_) / scale_``.

    Parameters
    ----------
    ddof : int, default 0
        Delta degrees of freedom of the variance: 0 (divide by n) as scikit-learn does;
        checked in ``fit``.

    Attributes
    ----------
    mean_ : numpy.ndarray of shape (n_features,)
        Each feature's mean in the data passed to ``fit`` (refined by one correction pass,
        :func:`helpers.stats.mean_var`, so a constant feature's mean is exactly its value).
    var_ : numpy.ndarray of shape (n_features,)
        Each feature's variance (with ``ddof``).
    scale_ : numpy.ndarray of shape (n_features,)
        ``sqrt(var_)``, with 1 for a constant feature (constant up to rounding, see
        :func:`helpers.stats.is_constant_feature`), so that it maps to 0.
    n_features_in_ : int
        Number of features (columns) seen in ``fit``.
    n_samples_seen_ : int
        Number of samples (rows) seen in ``fit``.

    Examples
    --------
    >>> scaler = StandardScaler().fit([[1.0, 0.1], [3.0, 0.1], [5.0, 0.1]])
    >>> scaler.scale_.round(4)  # the constant 0.1 column gets scale 1
    array([1.633, 1.   ])
    >>> scaler.transform([[1.0, 0.1], [7.0, 0.1]]).round(4)  # constant feature -> 0
    array([[-1.2247,  0.    ],
           [ 2.4495,  0.    ]])
    >>> scaler.mean_, scaler.var_.round(4)
    (array([3. , 0.1]), array([2.6667, 0.    ]))
    """

    _params = ("ddof",)

    def __init__(self, ddof: int = 0) -> None:
        self.ddof = ddof

    def fit(self, X: np.typing.ArrayLike) -> StandardScaler:
        """Learn each feature's mean and standard deviation from ``X``."""
        arr = self._start_fit(X)
        check_ddof(self.ddof, arr.shape[0])
        with np.errstate(over="ignore", invalid="ignore"):
            self.mean_, self.var_ = mean_var(arr, axis=0, ddof=self.ddof)
        _check_finite_spread(self.var_, "variance")
        constant = is_constant_feature(self.var_, self.mean_, arr.shape[0])
        self.scale_ = np.where(constant, 1.0, np.sqrt(self.var_))
        return self

    def transform(self, X: np.typing.ArrayLike) -> np.ndarray:
        """Scale ``X`` with the mean and standard deviation fitted earlier."""
        arr = self._fitted(X, "X")
        return (arr - self.mean_) / self.scale_

    def inverse_transform(self, X_scaled: np.typing.ArrayLike) -> np.ndarray:
        """Undo :meth:`transform`: back to the original units."""
        arr = self._fitted(X_scaled, "X_scaled")
        return arr * self.scale_ + self.mean_


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
