"""Descriptive statistics (Day 3) and running statistics (Day 8).

Everything here is a few lines of NumPy; the point is to name what is computed, check the
input, and avoid the numerical traps that the lessons show (``E[x^2] - E[x]^2``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers._validate import as_float_array, check_ddof


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


def describe(x: np.typing.ArrayLike, axis: int | None = None, ddof: int = 0) -> Description:
    """Count, mean, standard deviation, minimum, quartiles and maximum.

    Parameters
    ----------
    x : array_like
        Finite numbers, not empty.
    axis : int or None
        ``None`` summarizes all values; ``axis=0`` summarizes each column (feature) of a
        2-D data matrix, ``axis=1`` each row (sample).
    ddof : int
        Delta degrees of freedom of the standard deviation: 0 for the population formula
        (divide by n), 1 for the sample formula (divide by n - 1).

    Returns
    -------
    Description
        A named tuple; ``count`` is the number of values summarized per statistic.

    Examples
    --------
    >>> d = describe([1.0, 2.0, 3.0, 4.0])
    >>> d.count, d.mean, d.median, d.max
    (4, 2.5, 2.5, 4.0)
    >>> describe([[1, 10], [3, 30]], axis=0).mean
    array([ 2., 20.])
    """
    arr = as_float_array(x, "x")
    if axis is not None and not -arr.ndim <= axis < arr.ndim:
        raise ValueError(f"axis must be None or in [{-arr.ndim}, {arr.ndim}) for x of shape "
                         f"{arr.shape}, got {axis}")
    count = arr.size if axis is None else arr.shape[axis]
    check_ddof(ddof, count)
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


def zscore(x: np.typing.ArrayLike, axis: int | None = 0, ddof: int = 0) -> np.ndarray:
    """Standard scores ``(x - mean) / std`` along ``axis``.

    A value with ``|z| > 3`` lies more than three standard deviations from the mean (the
    3-sigma rule for outliers). Where the standard deviation is zero (a constant feature)
    every value equals the mean, and its z-score is 0, as in scikit-learn's
    ``StandardScaler``; no division by zero, no NaN.

    Examples
    --------
    >>> zscore([1.0, 2.0, 3.0], axis=None).round(4)
    array([-1.2247,  0.    ,  1.2247])
    >>> zscore([[1.0, 5.0], [3.0, 5.0]])
    array([[-1.,  0.],
           [ 1.,  0.]])
    """
    arr = as_float_array(x, "x")
    count = arr.size if axis is None else arr.shape[axis]
    check_ddof(ddof, count)
    mean = arr.mean(axis=axis, keepdims=True)
    std = arr.std(axis=axis, ddof=ddof, keepdims=True)
    return (arr - mean) / np.where(std == 0, 1.0, std)


def running_mean(x: np.typing.ArrayLike) -> np.ndarray:
    """Mean of the first k values, for k = 1..n, in one vectorized pass.

    The data are shifted by their overall mean before the cumulative sum, so a large
    common offset (say 1e7) costs no accuracy.

    Examples
    --------
    >>> running_mean([2.0, 4.0, 6.0, 8.0])
    array([2., 3., 4., 5.])
    """
    arr = as_float_array(x, "x", ndim=1)
    shift = arr.mean()
    return shift + np.cumsum(arr - shift) / np.arange(1, arr.size + 1)


def running_std(x: np.typing.ArrayLike, ddof: int = 0) -> np.ndarray:
    """Standard deviation of the first k values, for k = ddof+1..n, vectorized.

    Uses cumulative sums of the data shifted by their overall mean, which avoids the
    catastrophic cancellation of ``E[x^2] - E[x]^2`` on data with a large offset. The
    first ``ddof`` prefixes have no defined standard deviation, so the result has
    ``n - ddof`` entries: entry ``i`` belongs to the first ``i + ddof + 1`` values.

    Examples
    --------
    >>> running_std([1.0, 3.0, 5.0]).round(4)
    array([0.   , 1.   , 1.633])
    >>> running_std([1.0, 3.0, 5.0], ddof=1).round(4)
    array([1.4142, 2.    ])
    """
    arr = as_float_array(x, "x", ndim=1)
    check_ddof(ddof, arr.size)
    d = arr - arr.mean()
    k = np.arange(1, arr.size + 1)
    s1, s2 = np.cumsum(d), np.cumsum(d * d)
    sum_sq_dev = np.maximum(s2 - s1 * s1 / k, 0.0)  # rounding can dip just below 0
    return np.sqrt(sum_sq_dev[ddof:] / (k[ddof:] - ddof))
