"""Confidence intervals for a mean and for a difference of means, over seeds (Day 10).

Day 8 showed that a mean of ``n`` independent runs scatters around the true mean with
standard deviation ``sigma / sqrt(n)``. An interval replaces the unknown ``sigma`` by the
sample standard deviation ``s`` (``ddof=1``) and widens the multiplier from the normal's
1.96 to Student's ``t`` quantile with ``n - 1`` degrees of freedom, which accounts for
``s`` being an estimate itself (for 30 seeds: 2.045 instead of 1.96):

    mean ± t(0.975, n - 1) * s / sqrt(n)

Two configurations run on the **same** seeds (a paired design, "common random numbers")
are compared through their per-seed differences; on **different** seeds (unpaired) through
Welch's interval, whose standard error adds the two variances.

These intervals treat the runs as independent draws: they speak about the mean over seeds
of the experiment as run, on its data. Runs that re-split one data set share examples;
:func:`resampled_interval` (Nadeau and Bengio's correction) widens the interval towards
the accuracy on new data from the same source.

NumPy has no ``t`` quantile and the course's package depends on NumPy and matplotlib only,
so :func:`t_quantile` uses the Cornish–Fisher expansion of Abramowitz and Stegun (26.7.5);
``tests/test_intervals.py`` compares it with ``scipy.stats.t.ppf``.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import NamedTuple

import numpy as np

from helpers._validate import (
    as_float_array,
    as_real_scalar,
    check_int,
    check_nonnegative,
    show_value,
)

#: Fewest degrees of freedom for which :func:`t_quantile` is accurate to 1e-3 (relative).
MIN_DOF = 5
#: :func:`t_quantile` is accurate to 1e-3 for ``MAX_Q_TAIL <= q <= 1 - MAX_Q_TAIL``; further
#: out, at 5 degrees of freedom, its error grows (0.3 % at q = 0.999, 1.3 % at 0.9999).
MAX_Q_TAIL = 0.005


class Interval(NamedTuple):
    """An estimate and its confidence interval ``[low, high]``."""

    estimate: float
    low: float
    high: float


def t_quantile(q: float, dof: float) -> float:
    """The ``q`` quantile of Student's t distribution with ``dof`` degrees of freedom.

    The expansion of the t quantile in powers of ``1 / dof`` around the normal quantile
    ``z`` (Abramowitz and Stegun 26.7.5, four terms). For ``dof >= 5`` and
    ``0.005 <= q <= 0.995`` its relative error is below 1e-3 (below 1e-6 from ``dof = 19``
    at ``q = 0.975``); fewer degrees of freedom, or a ``q`` further out, raise a
    ``ValueError`` rather than return a less accurate number.

    Examples
    --------
    >>> round(t_quantile(0.975, 29), 4), round(t_quantile(0.975, 1e9), 4)
    (2.0452, 1.96)
    """
    number = as_real_scalar(q)
    if number is None:
        raise TypeError(f"q must be a probability (a real number), got {show_value(q)}")
    if not MAX_Q_TAIL <= number <= 1 - MAX_Q_TAIL:
        raise ValueError(f"q must be in [{MAX_Q_TAIL}, {1 - MAX_Q_TAIL}], where the expansion "
                         f"is accurate to 1e-3 (a two-sided level up to 0.99), got {number!r}")
    q = number
    number = as_real_scalar(dof)
    if number is None:
        raise TypeError(f"dof must be a number >= {MIN_DOF}, got {show_value(dof)}")
    if not number >= MIN_DOF:
        raise ValueError(f"dof must be a number >= {MIN_DOF} (at least {MIN_DOF + 1} "
                         f"values) for an accurate t quantile, got {number!r}")
    dof = number
    z = NormalDist().inv_cdf(q)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / dof + g2 / dof**2 + g3 / dof**3 + g4 / dof**4


def _check_level(level: float) -> float:
    number = as_real_scalar(level)
    if number is None:
        raise TypeError(f"level must be a confidence level in [0.5, 0.99], e.g. 0.95, got "
                        f"{show_value(level)}")
    if not 0.5 <= number <= 1 - 2 * MAX_Q_TAIL:
        raise ValueError(f"level must be a confidence level in [0.5, 0.99] (where the t "
                         f"quantile is accurate), e.g. 0.95, got {number!r}")
    return float(number)


def _sample(x: np.typing.ArrayLike, name: str) -> np.ndarray:
    arr = as_float_array(x, name, ndim=1)
    if arr.size < MIN_DOF + 1:
        raise ValueError(f"{name} must hold at least {MIN_DOF + 1} values (one per seed) "
                         f"for an interval, got {arr.size}")
    return arr


def mean_interval(x: np.typing.ArrayLike, level: float = 0.95) -> Interval:
    """The mean of ``x`` and its t interval: ``mean ± t * std(ddof=1) / sqrt(n)``.

    Parameters
    ----------
    x : array_like
        One value per independent run (e.g. the test accuracy of each seed), at least 6.
    level : float
        Confidence level: the interval covers the true mean with this probability (for
        roughly normal values).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> est, low, high = mean_interval(rng.normal(0.9, 0.01, size=30))
    >>> bool(low < 0.9 < high), round(high - low, 4)
    (True, 0.0061)
    """
    arr = _sample(x, "x")
    level = _check_level(level)
    n = arr.size
    half = t_quantile(0.5 + level / 2, n - 1) * float(arr.std(ddof=1)) / math.sqrt(n)
    mean = float(arr.mean())
    return Interval(mean, mean - half, mean + half)


def paired_interval(a: np.typing.ArrayLike, b: np.typing.ArrayLike,
                    level: float = 0.95) -> Interval:
    """Interval for the mean difference ``b - a`` of two configurations run on the SAME seeds.

    ``a[i]`` and ``b[i]`` must come from the same seed; the interval is
    :func:`mean_interval` of the per-seed differences, so whatever the seed does to both
    configurations alike cancels.

    Examples
    --------
    >>> a = np.array([0.90, 0.95, 0.92, 0.97, 0.91, 0.94])
    >>> est, low, high = paired_interval(a, a + [0.010, 0.012, 0.011, 0.009, 0.010, 0.008])
    >>> round(est, 4), round(low, 4), round(high, 4)
    (0.01, 0.0085, 0.0115)
    """
    a_arr, b_arr = _sample(a, "a"), _sample(b, "b")
    if a_arr.shape != b_arr.shape:
        raise ValueError(f"a and b must hold one value per seed each, for the same seeds; "
                         f"got {a_arr.size} and {b_arr.size} values")
    return mean_interval(b_arr - a_arr, level)


def resampled_interval(x: np.typing.ArrayLike, num_test: int, num_train: int,
                       level: float = 0.95) -> Interval:
    """Nadeau and Bengio's corrected resampled t interval, for runs that re-split ONE data set.

    Runs that each split the same ``num_test + num_train`` examples at random share their
    examples: their test sets overlap and their accuracies are correlated, so
    :func:`mean_interval` speaks only about the mean over splits of *these* examples.
    For the accuracy on new data from the same source, Nadeau and Bengio (2003, "Inference
    for the Generalization Error", *Machine Learning* 52) replace ``1/n`` in the variance
    of the mean by ``1/n + num_test/num_train``:

        mean ± t(0.5 + level/2, n - 1) * s * sqrt(1/n + num_test / num_train)

    a heuristic correction, not an exact interval. However many runs, its half-width stays
    above about ``z * s * sqrt(num_test / num_train)``: more seeds cannot replace more data.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> acc = rng.normal(0.96, 0.01, size=30)
    >>> seeds_only, corrected = mean_interval(acc), resampled_interval(acc, 359, 1438)
    >>> ratio = (corrected.high - corrected.low) / (seeds_only.high - seeds_only.low)
    >>> round(ratio, 2), round(float(np.sqrt(1 + 30 * 359 / 1438)), 2)
    (2.91, 2.91)
    """
    arr = _sample(x, "x")
    level = _check_level(level)
    num_test = check_int(num_test, "num_test", minimum=1)
    num_train = check_int(num_train, "num_train", minimum=1)
    n = arr.size
    scale = math.sqrt(1 / n + num_test / num_train)
    half = t_quantile(0.5 + level / 2, n - 1) * float(arr.std(ddof=1)) * scale
    mean = float(arr.mean())
    return Interval(mean, mean - half, mean + half)


def unpaired_interval(a: np.typing.ArrayLike, b: np.typing.ArrayLike,
                      level: float = 0.95) -> Interval:
    """Welch's interval for ``mean(b) - mean(a)`` from runs on DIFFERENT seeds.

    The standard error is ``sqrt(var(a)/n_a + var(b)/n_b)`` (``ddof=1``) and the degrees
    of freedom are Welch–Satterthwaite's.

    Examples
    --------
    >>> a = np.array([0.90, 0.95, 0.92, 0.97, 0.91, 0.94])
    >>> est, low, high = unpaired_interval(a, a + 0.01)
    >>> round(est, 4), bool(low < 0 < high)
    (0.01, True)
    """
    a_arr, b_arr = _sample(a, "a"), _sample(b, "b")
    level = _check_level(level)
    va = float(a_arr.var(ddof=1)) / a_arr.size
    vb = float(b_arr.var(ddof=1)) / b_arr.size
    if va + vb == 0:
        raise ValueError("a and b are both constant: their difference has no spread to "
                         "build an interval from")
    dof = (va + vb) ** 2 / (va**2 / (a_arr.size - 1) + vb**2 / (b_arr.size - 1))
    half = t_quantile(0.5 + level / 2, dof) * math.sqrt(va + vb)
    diff = float(b_arr.mean() - a_arr.mean())
    return Interval(diff, diff - half, diff + half)


def sd_standard_error(sd: float, n: int) -> float:
    """Approximate standard error of a sample standard deviation from ``n`` normal values.

    ``sd / sqrt(2 (n - 1))``: with 30 seeds an sd is known to about ±13%, so two sources
    whose spreads differ by less than that cannot be ranked.

    Examples
    --------
    >>> round(sd_standard_error(0.01, 30), 5)
    0.00131
    >>> round(sd_standard_error(np.float32(0.01), np.int64(30)), 5)  # NumPy numbers too
    0.00131
    """
    n = check_int(n, "n", minimum=2)
    return check_nonnegative(sd, "sd") / math.sqrt(2 * (n - 1))
