"""Right and wrong answers for helpers.checks.day08 (see tests/checks/README.md)."""

import numpy as np

from helpers.checks.day08 import check_exponential_means, check_running_mean_of
from helpers.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from helpers.stats import running_mean


def prefix_means_loop(x):
    out = np.empty(len(x))
    total = 0.0
    for k, value in enumerate(x, start=1):  # a loop, though linear: the prompt forbids it
        total += value
        out[k - 1] = total / k
    return out


def prefix_means_while(x):
    out, k = [], 1
    while k <= len(x):
        out.append(np.mean(x[:k]))
        k += 1
    return np.array(out)


def accumulate_then_divide(x):
    sums = np.add.accumulate(x)
    return sums / np.linspace(1, len(x), len(x))


def sliding_windows(rng, n, num_means):
    x = rng.exponential(1.0, num_means + n - 1)
    return np.convolve(x, np.ones(n) / n, mode="valid")  # overlapping windows


def half_overlap(rng, n, num_means):
    x = rng.exponential(1.0, (num_means + 1) * n // 2 + n)
    starts = np.arange(num_means) * (n // 2)
    return np.array([x[s:s + n].mean() for s in starts])


CASES = [
    (check_exponential_means, (sliding_windows,), WRONG, "overlapping windows"),
    (check_exponential_means, (half_overlap,), WRONG, "overlapping windows"),
    (check_exponential_means, (lambda rng, n, m: rng.gamma(n, 1.0 / n, m),), CORRECT, None),
    (check_exponential_means, (lambda rng, n, m: -np.log(rng.random((m, n))).mean(axis=1),),
     CORRECT, None),
    (check_running_mean_of, (accumulate_then_divide,), CORRECT, None),
    (check_running_mean_of, (lambda x: (np.cumsum(x) / np.arange(1, len(x) + 1)).tolist(),),
     CORRECT, None),
    (check_running_mean_of, (lambda x: np.cumsum(x[::-1])[::-1][::-1] * 0
                             + np.cumsum(x) / (np.arange(x.size) + 1),), CORRECT, None),
    (check_running_mean_of, (prefix_means_loop,), WRONG, "a for loop"),
    (check_running_mean_of, (prefix_means_while,), WRONG, "a while loop"),
    (check_running_mean_of, (lambda x: np.array([x[:k].mean() for k in range(1, x.size + 1)]),),
     WRONG, "comprehension"),
    (check_running_mean_of, (lambda x: np.array(list(map(lambda k: x[:k].mean(),  # noqa: C417
                                                          range(1, x.size + 1)))),),
     WRONG, "map(...)"),
    (check_running_mean_of, (lambda x: np.cumsum(x) / np.arange(1, x.size + 1),), CORRECT,
     "first k values"),
    (check_running_mean_of, (running_mean,), CORRECT, None),
    (check_running_mean_of, (lambda x: np.cumsum(x) / x.size,), WRONG, "length of x"),
    (check_running_mean_of, (lambda x: np.cumsum(x) / np.arange(x.size),), WRONG,
     "off by one"),
    (check_running_mean_of, (lambda x: np.full(x.size, x.mean()),), WRONG, "repeated"),
    (check_running_mean_of, (lambda x: np.cumsum(x),), WRONG, "not the running mean"),
    (check_running_mean_of, (lambda x: x.mean(),), WRONG, "one value per entry"),
    (check_running_mean_of, (lambda x: ...,), NOT_ATTEMPTED, None),
    (check_exponential_means,
     (lambda rng, n, m: rng.exponential(1.0, (m, n)).mean(axis=1),), CORRECT, "sqrt(n)"),
    (check_exponential_means,
     (lambda rng, n, m: rng.exponential(1.0, (n, m)).mean(axis=0),), CORRECT, None),
    (check_exponential_means,
     (lambda rng, n, m: rng.exponential(1.0, (m, n)).mean(axis=0),), WRONG, "shape"),
    (check_exponential_means, (lambda rng, n, m: rng.exponential(1.0, m),), WRONG,
     "average n draws"),
    (check_exponential_means,
     (lambda rng, n, m: rng.exponential(1.0, (m, n)).sum(axis=1),), WRONG, "centre"),
    (check_exponential_means,
     (lambda rng, n, m: rng.normal(0.0, 1.0, (m, n)).mean(axis=1),), WRONG, "negative"),
    (check_exponential_means,
     (lambda rng, n, m: np.random.default_rng(0).exponential(1.0, (m, n)).mean(axis=1),),
     WRONG, "rng argument"),
    (check_exponential_means, (lambda rng, n, m: np.full(m, 1.0),), WRONG, "repeat"),
    (check_exponential_means,
     (lambda rng, n, m: rng.exponential(1.0, (m, 4 * n)).mean(axis=1),), WRONG,
     "spread of the means"),
    (check_exponential_means, (lambda rng, n, num_means: np.random.exponential(  # noqa: NPY002
        1.0, (num_means, n)).mean(axis=1),), WRONG, "global np.random"),
    (check_exponential_means, (lambda rng, n, m: rng.exponential(1.0, (m, n - 1)).mean(axis=1),),
     WRONG, "exactly n draws"),
    (check_exponential_means, (lambda rng, n, m: np.abs(rng.normal(1, 1 / np.sqrt(n), m)),),
     WRONG, "skewed"),
]
