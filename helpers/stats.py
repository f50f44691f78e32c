"""Descriptive statistics (Day 3) and running statistics (Day 8).

Everything here is a few lines of NumPy; the point is to name what is computed, check the
input, and avoid the numerical traps that the lessons show: ``E[x^2] - E[x]^2`` on data with
a large offset, a running variance after a level shift, and a constant feature whose
computed standard deviation is a rounding error (about 1e-17) rather than exactly 0.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers._validate import as_float_array, check_axis, check_ddof, check_int


class Description(NamedTuple):
    """Summary statistics, as returned by :func:`describe` (scalars or per-axis arrays)."""

    count: int
    mean: np.ndarray | float
    std: np.ndarray | float
    min: np.ndarray | float
    q25: np.ndarray | float
    median: np.ndarray | float
    q75: np.ndarray | float
    max: np.ndarray | float


def _count_along(arr: np.ndarray, axis: object, ddof: int) -> int:
    """How many values each statistic along ``axis`` sees, after validating axis and ddof."""
    axis = check_axis(axis, arr.shape)
    count = arr.size if axis is None else arr.shape[axis]
    check_ddof(ddof, count)
    return count


def describe(x: np.typing.ArrayLike, axis: int | None = None, ddof: int = 1) -> Description:
    """Count, mean, standard deviation, minimum, quartiles and maximum, as pandas' ``describe``.

    Like pandas, the standard deviation is the sample one (``ddof=1``) by default, while
    NumPy's ``std`` defaults to ``ddof=0``: the same data give different numbers.

    Parameters
    ----------
    x : array_like
        Finite numbers, not empty.
    axis : int or None
        ``None`` summarizes all values; ``axis=0`` summarizes each column (feature) of a
        2-D data matrix, ``axis=1`` each row (sample).
    ddof : int
        Delta degrees of freedom of the standard deviation: 1 (the default, as in pandas)
        for the sample formula (divide by n - 1), 0 for the population formula (divide by
        n, NumPy's default).

    Returns
    -------
    Description
        A named tuple; ``count`` is the number of values summarized per statistic.

    Examples
    --------
    >>> d = describe([1.0, 2.0, 3.0, 4.0])
    >>> d.count, d.mean, d.median, d.max
    (4, 2.5, 2.5, 4.0)
    >>> round(d.std, 4), round(describe([1.0, 2.0, 3.0, 4.0], ddof=0).std, 4)
    (1.291, 1.118)
    >>> describe([[1, 10], [3, 30]], axis=0).mean
    array([ 2., 20.])
    """
    arr = as_float_array(x, "x")
    axis = check_axis(axis, arr.shape)
    count = _count_along(arr, axis, ddof)
    q25, median, q75 = np.percentile(arr, [25, 50, 75], axis=axis)
    stats = (arr.mean(axis=axis), arr.std(axis=axis, ddof=ddof), arr.min(axis=axis),
             q25, median, q75, arr.max(axis=axis))
    if axis is None:
        stats = tuple(float(s) for s in stats)
    return Description(count, *stats)


def standard_error(x: np.typing.ArrayLike, ddof: int = 1) -> float:
    """Standard error of the mean of a 1-D sample: ``std(x, ddof) / sqrt(n)``.

    How far the sample mean typically lies from the true mean. With ``ddof=1`` (the
    default) the standard deviation is the unbiased-variance sample estimate.

    Examples
    --------
    >>> round(standard_error([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), 4)
    0.7559
    """
    arr = as_float_array(x, "x", ndim=1)
    check_ddof(ddof, arr.size)
    return float(arr.std(ddof=ddof) / np.sqrt(arr.size))


def mean_var(x: np.typing.ArrayLike, axis: int | None = None,
             ddof: int = 0) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Mean and variance along ``axis``, with the mean refined by one correction pass.

    ``np.mean`` rounds, so the deviations from it do not sum to exactly 0; adding back
    their mean (the "corrected two-pass" algorithm of Chan, Golub and LeVeque, 1983) makes
    the mean of identical values exactly that value and their variance exactly 0.

    Examples
    --------
    >>> x = np.full(6, 0.1)
    >>> float(x.mean()) == 0.1, float(x.var()) == 0.0
    (False, False)
    >>> mean, var = mean_var(x)
    >>> mean == 0.1, var == 0.0
    (True, True)
    >>> mean_var([[1.0, 2.0], [3.0, 6.0]], axis=0, ddof=1)
    (array([2., 4.]), array([2., 8.]))
    """
    arr = as_float_array(x, "x")
    axis = check_axis(axis, arr.shape)
    count = _count_along(arr, axis, ddof)
    rough = arr.mean(axis=axis, keepdims=True)
    correction = (arr - rough).mean(axis=axis, keepdims=True)
    mean = rough + correction
    deviation = arr - mean
    var = (deviation * deviation).sum(axis=axis, keepdims=True) / (count - ddof)
    if axis is None:
        return float(mean.item()), float(var.item())
    return np.squeeze(mean, axis=axis), np.squeeze(var, axis=axis)


def is_constant_feature(var: np.typing.ArrayLike, mean: np.typing.ArrayLike,
                        n_samples: int) -> np.ndarray:
    """Which features are constant up to rounding error, judged from their computed variance.

    A constant column such as ``[0.1, 0.1, 0.1]`` has a computed variance of about 1e-34,
    not 0: its mean is rounded, and each deviation from it is that rounding error. Testing
    ``var == 0`` misses it, and dividing by its standard deviation turns every value into
    +1 or -1. A feature counts as constant when its variance is within the error bound of
    the two-pass variance algorithm (Chan, Golub and LeVeque, 1983),
    ``var <= n eps var + (n |mean| eps)^2``, the rule of scikit-learn's
    ``_is_constant_feature``.

    Parameters
    ----------
    var, mean : array_like
        Each feature's computed variance and mean.
    n_samples : int
        The number of values each variance was computed from.

    Returns
    -------
    numpy.ndarray of bool
        True where the feature is constant up to rounding.

    Examples
    --------
    >>> x = np.full(3, 0.1)
    >>> float(x.var()) > 0  # a rounding error, not a spread
    True
    >>> is_constant_feature(x.var(), x.mean(), x.size)
    array(True)
    >>> is_constant_feature([1e-30, 0.25], [0.0, 1e6], 3)
    array([False, False])
    """
    var = as_float_array(var, "var", allow_empty=True)
    mean = as_float_array(mean, "mean", allow_empty=True)
    if var.shape != mean.shape:
        raise ValueError(f"var and mean must have the same shape (one value per feature), got "
                         f"{var.shape} and {mean.shape}")
    n = check_int(n_samples, "n_samples", minimum=1)
    if np.any(var < 0):
        raise ValueError("var must be >= 0 (a variance), got a negative value")
    eps = np.finfo(np.float64).eps
    return np.asarray(var <= n * eps * var + (n * np.abs(mean) * eps) ** 2)


def zscore(x: np.typing.ArrayLike, axis: int | None = 0, ddof: int = 0) -> np.ndarray:
    """Standard scores ``(x - mean) / std`` along ``axis``.

    A value with ``|z| > 3`` lies more than three standard deviations from the mean (the
    3-sigma rule for outliers). The mean and variance come from :func:`mean_var`. A
    constant feature (constant up to rounding error, see :func:`is_constant_feature`) has
    z-score 0 everywhere, as in scikit-learn's
    ``StandardScaler``: no division by zero or by a rounding error, no NaN.

    Examples
    --------
    >>> zscore([1.0, 2.0, 3.0], axis=None).round(4)
    array([-1.2247,  0.    ,  1.2247])
    >>> zscore([[1.0, 0.1], [3.0, 0.1], [5.0, 0.1]]).round(4)
    array([[-1.2247,  0.    ],
           [ 0.    ,  0.    ],
           [ 1.2247,  0.    ]])
    """
    arr = as_float_array(x, "x")
    axis = check_axis(axis, arr.shape)
    mean, var = mean_var(arr, axis=axis, ddof=ddof)
    count = arr.size if axis is None else arr.shape[axis]
    constant = is_constant_feature(var, mean, count)
    if axis is not None:
        mean, var, constant = (np.expand_dims(a, axis) for a in (mean, var, constant))
    return np.where(constant, 0.0, arr - mean) / np.where(constant, 1.0, np.sqrt(var))


def _prefix_means(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(d, a)``: the data shifted by their first value, and the means of its prefixes.

    The first value lies in every prefix, so no shifted value is larger than the range of
    the prefix it belongs to: a large offset or a level shift costs no accuracy.
    """
    d = arr - arr[0]
    return d, np.cumsum(d) / np.arange(1, arr.size + 1)


def running_mean(x: np.typing.ArrayLike) -> np.ndarray:
    """Mean of the first k values, for k = 1..n, in one vectorized pass.

    The data are shifted by their first value before the cumulative sum, so a large
    common offset (say 1e7) costs no accuracy.

    Examples
    --------
    >>> running_mean([2.0, 4.0, 6.0, 8.0])
    array([2., 3., 4., 5.])
    """
    arr = as_float_array(x, "x", ndim=1)
    _, a = _prefix_means(arr)
    return arr[0] + a


def running_std(x: np.typing.ArrayLike, ddof: int = 0) -> np.ndarray:
    """Standard deviation of the first k values, for k = ddof+1..n, vectorized.

    Welford's update written as a cumulative sum. With ``m_k`` the mean of the first k
    values, the sum of squared deviations grows by ``(x_k - m_{k-1}) (x_k - m_k)`` at each
    step. That term is never negative (``m_k`` lies between ``m_{k-1}`` and ``x_k``), so
    the cumulative sum never subtracts and cannot cancel, unlike ``sum(x^2) - k m^2``; the
    prefix means come from the data shifted by their first value (see
    :func:`running_mean`). It stays accurate to a few units in the last digit under a
    large common offset and after a level shift (values near 1e8, then values near 0).

    The first ``ddof`` prefixes have no defined standard deviation, so the result has
    ``n - ddof`` entries: entry ``i`` belongs to the first ``i + ddof + 1`` values.

    Examples
    --------
    >>> running_std([1.0, 3.0, 5.0]).round(4)
    array([0.   , 1.   , 1.633])
    >>> running_std([1.0, 3.0, 5.0], ddof=1).round(4)
    array([1.4142, 2.    ])
    >>> running_std([1e8 + 1, 1e8 - 1, 1.0, -1.0])[:2]  # a level shift after two values
    array([0., 1.])
    """
    arr = as_float_array(x, "x", ndim=1)
    check_ddof(ddof, arr.size)
    d, a = _prefix_means(arr)
    previous = np.concatenate([[0.0], a[:-1]])
    increments = np.maximum((d - previous) * (d - a), 0.0)  # >= 0 but for rounding
    sum_sq_dev = np.cumsum(increments)
    k = np.arange(1, arr.size + 1)
    return np.sqrt(sum_sq_dev[ddof:] / (k[ddof:] - ddof))


def autocorrelation(x: np.typing.ArrayLike) -> np.ndarray:
    """Sample autocorrelations ``rho_0 = 1, rho_1, ..., rho_{n-1}`` of a series.

    ``rho_k`` is the correlation of the series with itself ``k`` steps later, estimated
    as ``sum_t d_t d_{t+k} / sum_t d_t**2`` with ``d`` the deviations from the mean (the
    usual estimator, with divisor n at every lag). Computed along the last axis, so a 2-D
    ``x`` gives the autocorrelations of each row (one series per row) at once.

    Parameters
    ----------
    x : array_like
        A series of at least 2 finite values (1-D), or one series per row (2-D); no series
        may be constant.

    Returns
    -------
    numpy.ndarray
        The same shape as ``x``: entry ``k`` of a row is that row's ``rho_k``.

    Examples
    --------
    >>> autocorrelation([1.0, 2.0, 3.0, 4.0]).round(4)
    array([ 1.  ,  0.25, -0.3 , -0.45])
    >>> x = np.random.default_rng(0).standard_normal((2, 1000))
    >>> bool(np.all(np.abs(autocorrelation(x)[:, 1:4]) < 0.1))  # independent draws
    True
    """
    arr = as_float_array(x, "x", ndim=(1, 2))
    n = arr.shape[-1]
    if n < 2:
        raise ValueError(f"x needs at least 2 values per series, got {n}")
    d = arr - arr.mean(axis=-1, keepdims=True)
    sum_sq = np.sum(d * d, axis=-1, keepdims=True)
    scale = np.max(np.abs(arr), axis=-1, keepdims=True)
    if np.any(sum_sq <= (n * np.finfo(np.float64).eps * scale) ** 2):
        raise ValueError("x must vary: a constant series has no autocorrelation")
    size = 1 << (2 * n - 1).bit_length()  # zero padding: a linear, not circular, sum
    f = np.fft.rfft(d, size, axis=-1)
    acov = np.fft.irfft(f * np.conj(f), size, axis=-1)[..., :n]
    return acov / sum_sq


def effective_sample_size(x: np.typing.ArrayLike) -> np.ndarray | float:
    """How many independent values the mean of a correlated series is worth.

    For a stationary series with autocorrelations ``rho_k``, the variance of the mean of
    n values is about ``var(x) / ESS`` with ``ESS = n / (1 + 2 * sum_{k>=1} rho_k)``; for
    independent values ESS = n. The far lags are estimated from few pairs and are mostly
    noise, so the sum is truncated by Geyer's (1992) initial monotone sequence estimator:
    add the pairs ``rho_{2m} + rho_{2m+1}`` while they stay positive, each no larger than
    the one before. As in Stan, the result is capped at ``n log10(n)`` (a strongly
    alternating series could otherwise give an infinite or negative ESS). Then
    ``std(x, ddof=1) / sqrt(ESS)`` is a standard error of the mean that allows for the
    correlation.

    Parameters
    ----------
    x : array_like
        A series of at least 4 finite values (1-D), or one series per row (2-D); no series
        may be constant.

    Returns
    -------
    float or numpy.ndarray
        The ESS of the series (a float), or of each row (an array).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> iid = rng.standard_normal(10_000)
    >>> round(float(effective_sample_size(iid) / iid.size), 1)  # independent: about n
    1.0
    >>> ar1 = np.empty(10_000)  # AR(1) with phi = 0.5: about n (1 - phi) / (1 + phi)
    >>> ar1[0] = iid[0]
    >>> for t in range(1, ar1.size):
    ...     ar1[t] = 0.5 * ar1[t - 1] + np.sqrt(1 - 0.5**2) * iid[t]
    >>> round(float(effective_sample_size(ar1) / ar1.size), 1)
    0.3
    """
    arr = as_float_array(x, "x", ndim=(1, 2))
    n = arr.shape[-1]
    if n < 4:
        raise ValueError(f"x needs at least 4 values per series, got {n}")
    rho = autocorrelation(arr)
    pairs = rho[..., 0:n - 1:2] + rho[..., 1:n:2]  # rho_0 + rho_1, rho_2 + rho_3, ...
    positive = np.cumprod(pairs > 0, axis=-1).astype(bool)  # up to the first pair <= 0
    monotone = np.minimum.accumulate(np.where(positive, pairs, 0.0), axis=-1)
    tau = -1.0 + 2.0 * np.sum(monotone, axis=-1)  # the integrated autocorrelation time
    ess = n / np.maximum(tau, 1.0 / np.log10(n))
    return float(ess) if arr.ndim == 1 else ess
