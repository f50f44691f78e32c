"""Right and wrong answers for the checks of Day 3 (see tests/checks/README.md)."""

import math

import numpy as np

from helpers.checks.day03 import (
    check_batch_means_se,
    check_spread_of_means,
    check_variance,
)
from helpers.exercises import CORRECT, WRONG

SIGMA = 1 / math.sqrt(12)


def _welford(x):
    """Welford's one-pass update, as section 5 recommends for streams."""
    mean = m2 = 0.0
    for k, value in enumerate(x, start=1):
        delta = value - mean
        mean += delta / k
        m2 += delta * (value - mean)
    return m2 / len(x)


def _spread(seed, shape=(5_000, 400), axis=1):
    return float(np.random.default_rng(seed).random(shape).mean(axis=axis).std())


CASES = [
    (check_spread_of_means, (_spread(0),), CORRECT, "sigma / sqrt(400)"),
    (check_spread_of_means, (_spread(42),), CORRECT, None),
    (check_spread_of_means, (SIGMA / 20,), WRONG, "the formula"),
    (check_spread_of_means, (1 / np.sqrt(4800),), WRONG, "the formula"),  # last bit differs
    (check_spread_of_means, (_spread(0, axis=0),), WRONG, "axis=1"),
    (check_spread_of_means, (float(np.random.default_rng(0).random(10_000).std()),), WRONG,
     "single draws"),
    (check_spread_of_means, (_spread(0, shape=(5_000, 100)),), WRONG, "not within 5%"),
    (check_spread_of_means, (np.zeros(3),), WRONG, "one number"),

    (check_variance, (lambda x: np.mean((x - np.mean(x)) ** 2),), CORRECT, "subtracts"),
    (check_variance, (_welford,), CORRECT, None),
    (check_variance, (lambda x: np.sum((x - x.mean()) ** 2) / len(x),), CORRECT, None),
    (check_variance, (lambda x: np.mean(x**2) - np.mean(x) ** 2,), WRONG, "before squaring"),
    (check_variance, (lambda x: np.sum((x - x.mean()) ** 2) / (len(x) - 1),), WRONG,
     "n - 1"),
    (check_variance, (lambda x: np.mean(np.abs(x - x.mean())),), WRONG, "not the variance"),
    (check_variance, (lambda x: [1.0, 2.0],), WRONG, "one number"),

    (check_batch_means_se,
     (lambda x, k: x.reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(k),), CORRECT,
     "survives autocorrelation"),
    (check_batch_means_se,
     (lambda x, k: np.std([b.mean() for b in np.split(x, k)], ddof=1) / k**0.5,), CORRECT,
     None),
    (check_batch_means_se,
     (lambda x, k: x.reshape(-1, k).mean(axis=0).std(ddof=1) / np.sqrt(k),), WRONG,
     "CONSECUTIVE"),
    (check_batch_means_se,
     (lambda x, k: x.reshape(k, -1).mean(axis=1).std() / np.sqrt(k),), WRONG, "ddof=1"),
    (check_batch_means_se, (lambda x, k: x.reshape(k, -1).mean(axis=1).std(ddof=1),),
     WRONG, "sqrt(num_batches)"),
    (check_batch_means_se,
     (lambda x, k: x.reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(len(x)),), WRONG,
     "not len(x)"),
    (check_batch_means_se, (lambda x, k: x.std(ddof=1) / np.sqrt(x.size),), WRONG, "naive"),
    (check_batch_means_se, (lambda x, k: x.reshape(k, -1).std(axis=1).mean(),), WRONG,
     "not the standard error"),
    (check_batch_means_se, (lambda x, k: (1.0, 2.0),), WRONG, "one number"),
]
