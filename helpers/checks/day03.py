"""Checks for the exercises of Day 3 (descriptive statistics); see helpers.exercises."""

from __future__ import annotations

import math
import numbers

import numpy as np

from helpers.exercises import Wrong, answer, call, exercise_check

# Exercise 1: 5,000 means of 400 uniform draws on [0, 1).
NUM_MEANS, SAMPLE_SIZE = 5_000, 400
UNIFORM_SIGMA = 1 / math.sqrt(12)


def _close(got: float, want: float, rel: float) -> bool:
    return abs(got - want) <= rel * want


@exercise_check
def check_spread_of_means(spread) -> str:
    """``spread``: the standard deviation of 5,000 means of 400 uniform draws each."""
    spread = answer(spread)
    if isinstance(spread, bool) or not isinstance(spread, numbers.Real | np.floating):
        raise Wrong(f"spread should be one number (a standard deviation), got "
                    f"{type(spread).__name__}; did you take the std of the means?")
    spread = float(spread)
    standard_error = UNIFORM_SIGMA / math.sqrt(SAMPLE_SIZE)
    if math.isclose(spread, standard_error, rel_tol=1e-9):  # typed in, not measured
        raise Wrong("that is the formula sigma / sqrt(n) itself: measure the spread from "
                    "your 5,000 means instead")
    if _close(spread, UNIFORM_SIGMA, 0.1):
        raise Wrong("that is the spread of single draws: average each sample of 400 "
                    "first (one mean per row), then take the std of those means")
    if _close(spread, UNIFORM_SIGMA / math.sqrt(NUM_MEANS), 0.1):
        raise Wrong("that looks like means over the wrong axis: each row is one sample of "
                    "400, so average along axis=1")
    if not _close(spread, standard_error, 0.05):  # 5 standard errors of a std of 5,000
        raise Wrong("not within 5% of sigma / sqrt(400), the spread the prompt predicts: "
                    "check the shape of your draws and the axis you average over")
    return "the means of 400 uniform draws scatter with standard deviation sigma / sqrt(400)."


def _variance_cases() -> list[np.ndarray]:
    rng = np.random.default_rng(3)
    return [np.array([1.0, 2.0, 3.0, 4.0]),
            rng.normal(5.0, 2.0, 50),
            1e9 + rng.choice([0.1, 0.2, 0.3], 301),  # a large offset
            np.full(7, 0.1)]


@exercise_check
def check_variance(variance) -> str:
    """``variance(x)``: the population variance (ddof=0), accurate under a large offset."""
    for x in _variance_cases():
        got = call(variance, x.copy())
        try:
            got = float(got)
        except (TypeError, ValueError):
            raise Wrong(f"variance(x) should return one number, got "
                        f"{type(got).__name__}") from None
        want = float(np.var(x))
        # 1e-6: an accurate method (two passes, Welford's update) loses a few digits at a
        # 1e9 offset; the naive formula is off by about 100%
        if math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-12):
            continue
        if x.size > 1 and math.isclose(got, float(np.var(x, ddof=1)), rel_tol=1e-6):
            raise Wrong("that divides by n - 1 (ddof=1); the exercise asks for the "
                        "population variance, which divides by n")
        if x.mean() > 1e6 or got < 0:
            raise Wrong("right on small numbers but wrong on data near 1e9: subtract the "
                        "mean before squaring, never compute mean(x**2) - mean(x)**2")
        raise Wrong("not the variance: the mean of the squared deviations from the mean")
    return "your variance subtracts before it squares, so an offset costs no accuracy."


def _near(got: float, want: float) -> bool:
    return math.isclose(got, want, rel_tol=1e-9)


def _batch_cases() -> list[tuple[np.ndarray, int]]:
    rng = np.random.default_rng(5)
    sets = np.repeat(rng.normal(0, 30, 5), 20) + rng.normal(850, 50, 100)
    smooth = np.convolve(rng.standard_normal(1219), np.ones(20) / 20, mode="valid")
    return [(sets, 5), (smooth, 12), (np.arange(24.0) ** 2, 4)]


@exercise_check
def check_batch_means_se(batch_means_se) -> str:
    """``batch_means_se(x, num_batches)``: standard error of the mean from batch means."""
    for x, k in _batch_cases():
        got = call(batch_means_se, x.copy(), k)
        try:
            got = float(got)
        except (TypeError, ValueError):
            raise Wrong(f"batch_means_se should return one number, got "
                        f"{type(got).__name__}") from None
        means = x.reshape(k, -1).mean(axis=1)
        want = means.std(ddof=1) / math.sqrt(k)
        if _near(got, want):
            continue
        interleaved = x.reshape(-1, k).mean(axis=0)
        if _near(got, interleaved.std(ddof=1) / math.sqrt(k)) or _near(
                got, interleaved.std(ddof=0) / math.sqrt(k)):
            raise Wrong("your batches take every k-th value; a batch is a run of "
                        "CONSECUTIVE values, so the first len(x) // num_batches values "
                        "form batch 1")
        if _near(got, means.std(ddof=0) / math.sqrt(k)):
            raise Wrong("the batch means are a sample: use ddof=1 for their std")
        if _near(got, means.std(ddof=1)):
            raise Wrong("that is the spread of one batch mean; the standard error of "
                        "their average is smaller by a factor sqrt(num_batches)")
        if _near(got, means.std(ddof=1) / math.sqrt(x.size)):
            raise Wrong("you have num_batches batch means, not len(x) independent "
                        "values: divide by the square root of the number of batches")
        if _near(got, x.std(ddof=1) / math.sqrt(x.size)):
            raise Wrong("that is the naive standard error, which assumes independent "
                        "values; compute it from the batch means instead")
        raise Wrong("not the standard error from the batch means: check how you split "
                    "x, the ddof, and what you divide by")
    return "long batches are nearly independent, so their SE survives autocorrelation."
