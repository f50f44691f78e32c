"""Right and wrong answers for helpers.checks.day08 (see tests/checks/README.md)."""

import functools

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


def recursive_means(x):
    if len(x) == 0:
        return np.array([])
    return np.append(recursive_means(x[:-1]), x.sum() / len(x))


def _prefix_loop(x):
    out = []
    for k in range(1, len(x) + 1):
        out.append(x[:k].mean())
    return np.array(out)


def calls_a_looping_helper(x):
    return _prefix_loop(x)


def seeded_from_rng_per_mean(rng, n, num_means):
    base = int(rng.integers(10))  # seed + i: neighbouring calls collide
    return np.array([np.random.default_rng(base + i).exponential(1.0, n).mean()
                     for i in range(num_means)])


def generator_from_few_seeds(rng, n, num_means):
    own = np.random.default_rng(int(rng.integers(10)))
    return own.exponential(1.0, (num_means, n)).mean(axis=1)


def permuted_windows(rng, n, num_means):
    x = rng.exponential(1.0, num_means + n - 1)
    return rng.permutation(np.convolve(x, np.ones(n) / n, mode="valid"))


def small_pool(rng, n, num_means):
    return rng.choice(rng.exponential(1.0, 2_000), (num_means, n)).mean(axis=1)


def resized(rng, n, num_means):
    return np.resize(rng.exponential(1.0, (3 * num_means // 4, n)).mean(axis=1), num_means)


def legacy_random_state(rng, n, num_means):
    legacy = np.random.RandomState(int(rng.integers(2**32)))
    return legacy.exponential(1.0, (num_means, n)).mean(axis=1)


def means_in_a_loop(rng, n, num_means):
    out = np.empty(num_means)
    for i in range(num_means):
        out[i] = rng.exponential(1.0, n).mean()
    return out


def means_in_a_comprehension(rng, n, num_means):
    return np.array([rng.exponential(1.0, n).mean() for _ in range(num_means)])


def means_in_float32(rng, n, num_means):
    return rng.standard_exponential((num_means, n), dtype=np.float32).mean(axis=1)


class PrefixMeans:  # a callable object: no source of its own to read
    def __call__(self, x):
        return np.cumsum(x) / np.arange(1, len(x) + 1)


def shifted_prefix_means(x, shift):
    return np.cumsum(x - shift) / np.arange(1, len(x) + 1) + shift


CASES = [
    (check_running_mean_of, (PrefixMeans(),), CORRECT, None),
    (check_running_mean_of, (functools.partial(shifted_prefix_means, shift=5.0),), CORRECT,
     None),
    (check_running_mean_of, (lambda x: np.tril(np.ones((len(x), len(x)))) @ x
                             / np.arange(1, len(x) + 1),), WRONG, "(n, n) array"),
    (check_running_mean_of, (lambda x: np.tril(np.broadcast_to(x, (len(x), len(x)))).sum(1)
                             / np.arange(1, len(x) + 1),), WRONG, "(n, n) array"),
    (check_running_mean_of, (calls_a_looping_helper,), WRONG, "for loop (in _prefix_loop"),
    (check_running_mean_of, (recursive_means,), WRONG, "recursion"),
    (check_running_mean_of, (lambda x: np.cumsum(x) / np.arange(1, 51),), WRONG,
     "fixed length"),
    (check_running_mean_of, (lambda x: np.cumsum(x) / np.arange(2, len(x) + 2),), WRONG,
     "not by 2, ..., n + 1"),
    (check_running_mean_of, (lambda x: np.cumsum(x.astype(np.float32))
                             / np.arange(1, len(x) + 1, dtype=np.float32),), CORRECT,
     "single precision"),
    (check_running_mean_of, (lambda x: np.cumsum(x)[:len(x)] / (np.arange(len(x)) + 1.0),),
     CORRECT, None),
    (check_exponential_means, (seeded_from_rng_per_mean,), WRONG, "comprehension"),
    (check_exponential_means, (lambda rng, n, m: np.random.default_rng(
        100 * int(rng.integers(10))).exponential(1.0, (m, n)).mean(axis=1),), WRONG, "share"),
    (check_exponential_means, (generator_from_few_seeds,), WRONG, "share 100%"),
    (check_exponential_means, (permuted_windows,), WRONG, "share their draws"),
    (check_exponential_means, (small_pool,), WRONG, "share their draws"),
    (check_exponential_means, (resized,), WRONG, "repeat exactly"),
    (check_exponential_means, (legacy_random_state,), WRONG, "RandomState"),
    (check_exponential_means, (means_in_a_loop,), WRONG, "for loop"),
    (check_exponential_means, (means_in_a_comprehension,), WRONG, "comprehension"),
    (check_exponential_means,
     (lambda rng, n, m: np.sort(rng.exponential(1.0, (m, n)).mean(axis=1)),), WRONG, "sorted"),
    (check_exponential_means, (means_in_float32,), CORRECT, None),
    (check_exponential_means, (lambda rng, n, m: rng.standard_gamma(n, m) / n,), CORRECT, None),
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
