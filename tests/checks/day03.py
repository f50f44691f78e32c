"""Right and wrong answers for the checks of Day 3 (see tests/checks/README.md).

Each check gets valid but unusual answers (other idioms, orientations, dtypes, libraries)
that must pass, and plausible mistakes that must fail with the hint on that mistake.
"""

import copy
import importlib.util
import math
import statistics

import numpy as np
import scipy.ndimage
import scipy.stats
from scipy.sparse import csr_matrix
from sklearn.preprocessing import StandardScaler
from sklearn.utils.sparsefuncs import mean_variance_axis

from helpers.checks.day03 import (
    check_batch_means_se,
    check_bootstrap_se,
    check_spread_of_means,
    check_variance,
)
from helpers.exercises import CORRECT, WRONG
from helpers.stats import mean_var, running_std

SIGMA = 1 / math.sqrt(12)

# ----------------------------------------------------------------- Exercise 1: spread


def _spread(seed, shape=(5_000, 400), axis=1, ddof=0, dtype=np.float64):
    draws = np.random.default_rng(seed).random(shape, dtype=dtype)
    return draws.mean(axis=axis).std(ddof=ddof)


def _draws(seed, dtype=np.float64):
    return np.random.default_rng(seed).random((5_000, 400), dtype=dtype)


def _after_other_draws(seed):
    rng_ex = np.random.default_rng(seed)
    rng_ex.random(10)  # something else drawn first
    return float(rng_ex.random((5_000, 400)).mean(axis=1).std())


def _loop_spread(seed):
    rng_ex = np.random.default_rng(seed)
    return np.std([rng_ex.random(400).mean() for _ in range(5_000)])  # a loop is allowed


def _legacy_spread(seed):
    """What np.random.seed(seed); np.random.rand(5000, 400) gives (without touching the
    global state here)."""
    return float(np.random.RandomState(seed).rand(5_000, 400).mean(axis=1).std())


def _spawned_spread(seed):
    rng_ex = np.random.default_rng(seed)  # Day 1's pattern: one child per sample
    return np.std([g.random(400).mean() for g in rng_ex.spawn(5_000)])


SPREAD_CASES = [
    (check_spread_of_means, (_spawned_spread(42), 42), CORRECT, "as Day 1 spawns"),
    (check_spread_of_means, (_spawned_spread(7), 7), CORRECT, None),
    (check_spread_of_means, (float("nan"), 42), WRONG, "your answer is NaN"),
    # valid
    (check_spread_of_means, (_spread(42), 42), CORRECT, "sigma / sqrt(400)"),
    (check_spread_of_means, (_spread(7), 7), CORRECT, None),
    (check_spread_of_means, (_spread(42, (400, 5_000), axis=0, ddof=1), 42), CORRECT, None),
    (check_spread_of_means, (np.float32(_spread(3, dtype=np.float32)), 3), CORRECT, None),
    (check_spread_of_means,
     (statistics.pstdev(np.random.default_rng(9).uniform(0, 1, 2_000_000)
                        .reshape(5_000, 400).mean(axis=1).tolist()), 9), CORRECT, None),
    (check_spread_of_means, (np.array(_spread(0, ddof=1)), 0), CORRECT, None),
    (check_spread_of_means, (_loop_spread(5), 5), CORRECT, None),
    (check_spread_of_means,
     (float(np.random.default_rng(8).uniform(0, 1, (400, 5_000)).astype(np.float32)
            .mean(axis=0).std()), 8), CORRECT, None),
    # wrong
    (check_spread_of_means, (SIGMA / 20, 42), WRONG, "the formula"),
    (check_spread_of_means, (_legacy_spread(42), 42), WRONG, "not the numbers rng_ex gives"),
    (check_spread_of_means, (_spread(43), 42), WRONG, "not the numbers rng_ex gives"),
    (check_spread_of_means, (_spread(42 * 1), 0), WRONG, "not the numbers rng_ex gives"),
    # right-sized answers from other streams: float32 variants matched to 1e-6, not 1e-5
    # (these four landed within 1e-5 of a float32 variant of seed 42's answer)
    *[(check_spread_of_means, (_spread(1_000 + i), 42), WRONG,
       "not the spread of the means that rng_ex gives") for i in (22, 151, 263, 340)],
    (check_spread_of_means, (_spread(42, axis=0), 42), WRONG, "axis of length 400"),
    (check_spread_of_means, (float(np.random.default_rng(42).random(10_000).std()), 42),
     WRONG, "single draws"),
    (check_spread_of_means, (_spread(42, shape=(5_000, 100)), 42), WRONG,
     "samples of 100 values each, not 400"),
    # samples of 40: their means spread like those of 400 normal draws (within 10% of 0.05)
    (check_spread_of_means, (_spread(42, shape=(5_000, 40)), 42), WRONG,
     "samples of 40 values each, not 400"),
    (check_spread_of_means, (_spread(6, shape=(40, 5_000), axis=0, ddof=1), 6), WRONG,
     "samples of 40 values each"),
    (check_spread_of_means, (_spread(43, shape=(5_000, 40)), 42), WRONG,
     "or of uniform draws in samples of about"),  # not rng_ex's: both named
    # arithmetic on the seed argument: rng_ex = default_rng(seed + 1), say
    (check_spread_of_means, (_spread(42 + 1), 42), WRONG, "not the numbers rng_ex gives"),
    (check_spread_of_means, (_spread(7 * 2), 7), WRONG, "not the spread of the means"),
    (check_spread_of_means,
     (float(np.tile(np.linspace(0, 1, 400), (5_000, 1)).mean(axis=1).std()), 42), WRONG,
     "not within 5%"),  # a grid, not random draws: every mean is the same
    (check_spread_of_means, (np.zeros(3), 42), WRONG, "one number"),
    # s / sqrt(n) computed from rng_ex's draws instead of the measured spread of the means
    (check_spread_of_means, ((_draws(42).std(axis=1, ddof=1) / 20).mean(), 42), WRONG,
     "the formula s / sqrt(n) applied to your draws"),
    (check_spread_of_means, (_draws(42).std() / 20, 42), WRONG, "the formula s / sqrt(n)"),
    (check_spread_of_means,
     (np.random.default_rng(7).random(400).std(ddof=1) / math.sqrt(400), 7), WRONG,
     "the formula s / sqrt(n)"),  # one sample's estimated standard error
    (check_spread_of_means,
     (np.sqrt(_draws(3, dtype=np.float32).var(axis=1).mean()) / 20, 3), WRONG,
     "the formula s / sqrt(n)"),
    # wrong shapes that land near the right size
    (check_spread_of_means, (_spread(42, shape=(5_000, 399)), 42), WRONG,
     "not of 5,000 samples of 400"),
    (check_spread_of_means, (_spread(11, shape=(4_999, 400)), 11), WRONG,
     "not of 5,000 samples of 400"),
    (check_spread_of_means, (_spread(11, shape=(410, 5_000), axis=0), 11), WRONG,
     "not of 5,000 samples of 400"),
    # rng_ex advanced by an earlier draw: neutral, it could be either mistake
    (check_spread_of_means, (_after_other_draws(42), 42), WRONG,
     "right after the cell creates it"),
    # far from the right size, in a telling way
    (check_spread_of_means, (_draws(42).mean(axis=1).var(), 42), WRONG,
     "the variance of your means"),
    (check_spread_of_means, (_draws(42, np.float32).mean(axis=1).var(ddof=1), 42), WRONG,
     "variance"),
    # divided by sqrt(5,000) again: as large as a variance (2.04e-4 against 2.08e-4)
    (check_spread_of_means, (_draws(42).mean(axis=1).std() / math.sqrt(5_000), 42), WRONG,
     "divided by sqrt(5,000)"),
    (check_spread_of_means, (scipy.stats.sem(_draws(7).mean(axis=1)), 7), WRONG,
     "scipy.stats.sem"),
    (check_spread_of_means, (_spread(43) / math.sqrt(5_000), 42), WRONG,
     "a variance, or like the spread of the means divided by sqrt(5,000)"),
    (check_spread_of_means, (_spread(43) ** 2, 42), WRONG,
     "a variance, or like the spread of the means divided by sqrt(5,000)"),
    # medians: their spread, 1 / (2 sqrt(400)), is also that of means of 0/1 draws
    (check_spread_of_means, (np.median(_draws(42), axis=1).std(), 42), WRONG,
     "spread of each sample's median: take each sample's mean"),
    (check_spread_of_means, (np.median(_draws(5, np.float32).T, axis=0).std(ddof=1), 5),
     WRONG, "spread of each sample's median"),
    (check_spread_of_means, (np.median(_draws(43), axis=1).std(), 42), WRONG,
     "each sample's median, or of means of 0/1 draws"),
    (check_spread_of_means, (_draws(42).sum(axis=1).std(), 42), WRONG, "spread of sums"),
    (check_spread_of_means, (_spread(42) / 20, 42), WRONG, "do not divide it by sqrt(n) again"),
    (check_spread_of_means,
     (np.random.default_rng(42).standard_normal((5_000, 400)).mean(axis=1).std(), 42), WRONG,
     "that is the spread of means of standard normal draws"),
    (check_spread_of_means,
     (np.random.default_rng(3).standard_normal((5_000, 400)).mean(axis=1).std(), 42), WRONG,
     "looks like the spread of means of standard normal draws, or of uniform"),
    (check_spread_of_means,
     (np.random.default_rng(42).integers(0, 2, (5_000, 400)).mean(axis=1).std(), 42), WRONG,
     "0/1 draws"),
]

# ----------------------------------------------------------------- Exercise 2: variance


def _welford(x):
    """Welford's one-pass update, as section 5 recommends for streams."""
    mean = m2 = 0.0
    for k, value in enumerate(x, start=1):
        delta = value - mean
        mean += delta / k
        m2 += delta * (value - mean)
    return m2 / len(x)


def _shifted(x):
    c = np.median(x)  # "subtract a value near the data first" (section 5)
    return np.mean((x - c) ** 2) - (np.mean(x) - c) ** 2


def _dot(x):
    d = x - x.mean()
    return np.dot(d, d) / d.size


def _in_place(x):
    x -= x.mean()
    return np.mean(x**2)


_VAR = np.var  # an alias made outside the function


def _alias_inside(x):
    f = np.var
    return f(x)


def _getattr(x):
    return getattr(np, "var")(x)  # noqa: B009 (the cheat under test)


def _alias_outside(x):
    return _VAR(x)


def _default_argument(x, spread=np.std):
    return spread(x) ** 2


def _built_name(x):
    return getattr(np, "v" + "ar")(x)  # the cheat under test: a name no source test sees


def _joined_name(x):
    return getattr(np, "".join(["s", "t", "d"]))(x) ** 2  # noqa: FLY002 (the cheat)


def _method_of_a_copy(x):
    return np.asarray(x, dtype=float).copy().var()


def _nan_version(x):
    return getattr(np, "nan" + "var")(x)


def _key_named_var(x):
    out = {"mean": x.mean()}  # a dict key may be called var
    out["var"] = np.mean((x - out["mean"]) ** 2)
    return out["var"]


class _Stats:
    pass


def _attribute_named_var(x):
    st = _Stats()  # so may an attribute of the learner's own object
    st.mean = x.mean()
    st.var = np.mean((x - st.mean) ** 2)
    st.std = np.sqrt(st.var)
    return st.var


def _local_named_var(x):
    var = np.mean((x - np.mean(x)) ** 2)  # a variable may be called var
    return var


def _float32_two_pass(x):
    y = x.astype(np.float32)
    return float(np.mean((y - y.mean()) ** 2))


def _torch_var(x):
    import torch
    return float(torch.var(torch.from_numpy(x), correction=0))


def _torch_method(x):
    import torch
    return float(torch.from_numpy(x).std(correction=0) ** 2)


def _float32_one_pass(x):
    x32 = x.astype(np.float32)
    return np.mean(x32**2) - np.mean(x32) ** 2


VARIANCE_CASES = [
    # valid
    (check_variance, (lambda x: np.mean((x - np.mean(x)) ** 2),), CORRECT, "subtracts"),
    (check_variance, (_welford,), CORRECT, None),
    (check_variance, (_shifted,), CORRECT, None),
    (check_variance, (_dot,), CORRECT, None),
    (check_variance, (lambda x: np.float32(np.mean((x - x.mean()) ** 2)),), CORRECT, None),
    (check_variance, (lambda x: np.array(np.sum((x - x.mean()) ** 2) / len(x)),), CORRECT,
     None),
    (check_variance, (_local_named_var,), CORRECT, None),
    (check_variance, (_key_named_var,), CORRECT, "subtracts"),
    (check_variance, (_attribute_named_var,), CORRECT, None),
    # wrong
    (check_variance, (lambda x: np.mean(x**2) - np.mean(x) ** 2,), WRONG, "near 1e9"),
    (check_variance, (lambda x: np.sum((x - x.mean()) ** 2) / (len(x) - 1),), WRONG,
     "n - 1"),
    (check_variance, (lambda x: np.mean(np.abs(x - x.mean())),), WRONG, "not the variance"),
    (check_variance, (lambda x: np.sqrt(np.mean((x - x.mean()) ** 2)),), WRONG,
     "the standard deviation"),
    (check_variance, (lambda x: np.var(x),), WRONG, "without np.var"),
    (check_variance, (lambda x: x.std() ** 2,), WRONG, "without np.var"),
    (check_variance, (_alias_inside,), WRONG, "without np.var"),
    (check_variance, (_getattr,), WRONG, "without np.var"),
    (check_variance, (_alias_outside,), WRONG, "without np.var"),
    (check_variance, (_default_argument,), WRONG, "without np.var"),
    (check_variance, (lambda x: np.ndarray.var(x),), WRONG, "without np.var"),
    (check_variance, (_built_name,), WRONG, "your function called np.var"),
    (check_variance, (_joined_name,), WRONG, "your function called np.std"),
    (check_variance, (_method_of_a_copy,), WRONG, "your function called np.var or .var()"),
    (check_variance, (_nan_version,), WRONG, "your function called np.nanvar"),
    (check_variance, (_in_place,), WRONG, "changed its argument x in place"),
    (check_variance, (_float32_two_pass,), WRONG, "near 1e9"),
    (check_variance, (_float32_one_pass,), WRONG, "digits were lost to rounding"),
    (check_variance, (lambda x: [1.0, 2.0],), WRONG, "one number"),
    # a library's variance is refused too: the exercise is to write the formula
    (check_variance, (lambda x: np.cov(x, bias=True),), WRONG, "your function called np.cov"),
    (check_variance, (lambda x: np.cov(x, ddof=0),), WRONG, "your function called np.cov"),
    (check_variance, (lambda x: statistics.pvariance(x.tolist()),), WRONG,
     "your function called statistics.pvariance"),
    (check_variance, (lambda x: statistics.pstdev(x) ** 2,), WRONG,
     "your function called statistics.pstdev"),
    (check_variance, (lambda x: scipy.stats.moment(x, 2),), WRONG,
     "your function called scipy.stats.moment"),
    (check_variance, (lambda x: scipy.stats.tvar(x) * (len(x) - 1) / len(x),), WRONG,
     "nor a library's variance"),
    (check_variance, (lambda x: scipy.stats.describe(x).variance * (len(x) - 1) / len(x),),
     WRONG, "your function called scipy.stats.describe"),
    (check_variance, (lambda x: scipy.ndimage.variance(x),), WRONG,
     "your function called scipy.ndimage.variance"),
    (check_variance, (lambda x: scipy.ndimage.standard_deviation(x) ** 2,), WRONG,
     "your function called scipy.ndimage.standard_deviation"),
    (check_variance, (lambda x: StandardScaler().fit(x[:, None]).var_[0],), WRONG,
     "your function called sklearn's StandardScaler"),
    (check_variance, (lambda x: mean_variance_axis(csr_matrix(x[:, None]), 0)[1][0],), WRONG,
     "your function called sklearn.utils.sparsefuncs.mean_variance_axis"),
    (check_variance, (lambda x: StandardScaler(with_mean=False).fit(csr_matrix(x[:, None]))
                      .var_[0],), WRONG, "sklearn's StandardScaler"),
    # the course's own helpers are a library too
    (check_variance, (lambda x: mean_var(x)[1],), WRONG,
     "your function called helpers.stats.mean_var"),
    (check_variance, (lambda x: running_std(x)[-1] ** 2,), WRONG,
     "your function called helpers.stats.running_std"),
]
if importlib.util.find_spec("torch") is not None:  # in requirements-torch.txt only
    VARIANCE_CASES += [
        (check_variance, (_torch_var,), WRONG, "your function called torch.var"),
        (check_variance, (_torch_method,), WRONG, "your function called torch.std"),
    ]

# ----------------------------------------------------------------- Exercise 3: batch means


def _slices(x, k):
    m = len(x) // k
    means = [sum(x[i * m:(i + 1) * m]) / m for i in range(k)]
    return statistics.stdev(means) / math.sqrt(k)


def _sorted_in_place(x, k):
    x.sort()  # sorting the caller's series destroys its time order
    return x.reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(k)


def _one_pass_batches(x, k):
    m = x.reshape(k, -1).mean(axis=1)  # the day's anti-pattern, with the n / (n - 1) factor
    return np.sqrt((np.mean(m**2) - np.mean(m) ** 2) * k / (k - 1) / k)


def _one_pass_clipped(x, k):
    m = x.reshape(k, -1).mean(axis=1)
    return math.sqrt(max(0.0, np.mean(m**2) - np.mean(m) ** 2) / (k - 1))  # no NaN, still 0


def _shifted_batches(x, k):
    # valid: shifting by the first value before the one-pass formula removes the offset
    m = x.reshape(k, -1).mean(axis=1) - x[0]
    return math.sqrt((np.mean(m**2) - np.mean(m) ** 2) / (k - 1))


def _welford_batches(x, k):
    mean = m2 = 0.0  # valid: Welford's update over the batch means
    for i, b in enumerate(np.split(x, k), start=1):
        delta = b.mean() - mean
        mean += delta / i
        m2 += delta * (b.mean() - mean)
    return math.sqrt(m2 / (k - 1) / k)


BATCH_CASES = [
    (check_batch_means_se, (_shifted_batches,), CORRECT, None),
    (check_batch_means_se, (_welford_batches,), CORRECT, None),
    (check_batch_means_se, (_one_pass_batches,), WRONG, "one-pass formula"),
    (check_batch_means_se, (_one_pass_clipped,), WRONG, "one-pass formula"),
    (check_batch_means_se,
     (lambda x, k: np.std(x.reshape(k, -1).mean(), ddof=1) / np.sqrt(k),), WRONG,
     "your answer is NaN"),
    # valid
    (check_batch_means_se,
     (lambda x, k: x.reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(k),), CORRECT,
     "survives autocorrelation"),
    (check_batch_means_se,
     (lambda x, k: np.std([b.mean() for b in np.split(x, k)], ddof=1) / k**0.5,), CORRECT,
     None),
    (check_batch_means_se, (_slices,), CORRECT, None),
    (check_batch_means_se,
     (lambda x, k: np.float32(np.array_split(x, k)[0].size and
                              np.mean(np.array_split(x, k), axis=1).std(ddof=1) / k**0.5),),
     CORRECT, None),
    # wrong
    (check_batch_means_se,
     (lambda x, k: x.reshape(-1, k).mean(axis=0).std(ddof=1) / np.sqrt(k),), WRONG,
     "CONSECUTIVE"),
    (check_batch_means_se,
     (lambda x, k: x.reshape(-1, k).mean(axis=1).std(ddof=1) / np.sqrt(len(x) // k),),
     WRONG, "batches of num_batches values"),
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
    (check_batch_means_se, (_sorted_in_place,), WRONG, "changed its argument x in place"),
    (check_batch_means_se, (lambda x, k: (1.0, 2.0),), WRONG, "one number"),
]

# ----------------------------------------------------------------- Exercise 4: bootstrap


def _vectorized(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x), (num_resamples, len(x)))
    return statistic(x[idx], axis=1).std(ddof=1)


def _choice_loop(x, statistic, num_resamples, rng):
    return np.std([statistic(rng.choice(x, size=len(x))) for _ in range(num_resamples)])


def _columns(x, statistic, num_resamples, rng):
    resamples = rng.choice(x, size=(len(x), num_resamples), replace=True)  # one per column
    return statistic(resamples, axis=0).std()


def _around_the_estimate(x, statistic, num_resamples, rng):
    values = statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1)
    return np.sqrt(np.mean((values - statistic(x)) ** 2))  # RMS around the estimate


def _apply_along_axis(x, statistic, num_resamples, rng):
    resamples = x[rng.integers(len(x), size=(num_resamples, len(x)))]
    return np.apply_along_axis(statistic, 1, resamples).std(ddof=1)


def _legacy(x, statistic, num_resamples, rng):
    idx = np.random.randint(0, len(x), (num_resamples, len(x)))  # noqa: NPY002 (the mistake)
    return statistic(x[idx], axis=1).std(ddof=1)


def _shuffles(x, statistic, num_resamples, rng):
    resamples = rng.permuted(np.tile(x, (num_resamples, 1)), axis=1)
    return statistic(resamples, axis=1).std(ddof=1)


def _one_resample_repeated(x, statistic, num_resamples, rng):
    idx = np.tile(rng.integers(0, len(x), len(x)), (num_resamples, 1))
    return statistic(x[idx], axis=1).std(ddof=1)


def _never_the_last(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x) - 1, (num_resamples, len(x)))  # high is exclusive already
    return statistic(x[idx], axis=1).std(ddof=1)


def _divided_by_sqrt_b(x, statistic, num_resamples, rng):
    return _vectorized(x, statistic, num_resamples, rng) / np.sqrt(num_resamples)


def _half_size(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x), (num_resamples, len(x) // 2))
    return statistic(x[idx], axis=1).std(ddof=1)


def _own_seed(x, statistic, num_resamples, rng):
    return _vectorized(x, statistic, num_resamples, np.random.default_rng(0))


def _unseeded(x, statistic, num_resamples, rng):
    return _vectorized(x, statistic, num_resamples, np.random.default_rng())


def _variance(x, statistic, num_resamples, rng):
    return _vectorized(x, statistic, num_resamples, rng) ** 2


def _fixed_count(x, statistic, num_resamples, rng):
    return _vectorized(x, statistic, 1_000, rng)


def _new_numbers(x, statistic, num_resamples, rng):
    fake = rng.normal(x.mean(), x.std(), (num_resamples, len(x)))  # a parametric "bootstrap"
    return statistic(fake, axis=1).std(ddof=1)


def _float32_data(x, statistic, num_resamples, rng):
    x = x.astype(np.float32)  # the values of x, rounded
    return float(statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1).std())


def _float32_and_back(x, statistic, num_resamples, rng):
    resamples = x[rng.integers(0, len(x), (num_resamples, len(x)))]
    return statistic(resamples.astype(np.float32).astype(np.float64), axis=1).std()


def _float16_data(x, statistic, num_resamples, rng):
    x = np.asarray(x, dtype=np.float16)
    return statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1).std()


def _shuffle_in_place(x, statistic, num_resamples, rng):
    rng.shuffle(x)
    return _vectorized(x, statistic, num_resamples, rng)


def _scipy_bca(x, statistic, num_resamples, rng):
    # SciPy's default BCa interval also applies statistic to the 100 jackknife samples
    return _scipy_bootstrap((x,), statistic, n_resamples=num_resamples, rng=rng).standard_error


def _scipy_percentile_batches(x, statistic, num_resamples, rng):
    return _scipy_bootstrap((x,), statistic, n_resamples=num_resamples, rng=rng,
                            method="percentile", batch=700).standard_error


def _scipy_bootstrap(data, statistic, *, rng, **kwargs):
    """scipy.stats.bootstrap with a Generator: ``rng=`` from SciPy 1.15, ``random_state=``
    before (the course's oldest tested SciPy is 1.12)."""
    try:
        return scipy.stats.bootstrap(data, statistic, rng=rng, **kwargs)
    except TypeError:
        return scipy.stats.bootstrap(data, statistic, random_state=rng, **kwargs)


def _balanced(x, statistic, num_resamples, rng):
    # the balanced bootstrap: every value drawn exactly num_resamples times in all
    idx = rng.permutation(np.tile(np.arange(len(x)), num_resamples))
    return statistic(x[idx.reshape(num_resamples, len(x))], axis=1).std(ddof=1)


def _spawned(x, statistic, num_resamples, rng):
    children = rng.spawn(40)  # independent child generators, 100 resamples each
    idx = np.concatenate([g.integers(0, len(x), (num_resamples // 40, len(x)))
                          for g in children])
    return statistic(x[idx], axis=1).std(ddof=1)


def _reseeded_chunks(x, statistic, num_resamples, rng):
    seed = int(rng.integers(2**32))
    values = [statistic(x[np.random.default_rng(seed).integers(0, len(x), (1_000, len(x)))],
                        axis=1) for _ in range(num_resamples // 1_000)]  # the same 1,000
    return np.concatenate(values).std(ddof=1)


def _random_rotations(x, statistic, num_resamples, rng):
    """issue 20 (L4): each resample x rotated by a random shift (1 in 100 is x itself)."""
    return np.std([statistic(np.roll(x, rng.integers(len(x)))) for _ in range(num_resamples)],
                  ddof=1)


def _ten_resamples_reused(x, statistic, num_resamples, rng):
    """issue 20 (L4): ten resamples, each picked at random num_resamples times in all."""
    pool = x[rng.integers(0, len(x), (10, len(x)))]
    return np.std([statistic(pool[k]) for k in rng.integers(0, 10, num_resamples)], ddof=1)


def _ten_resamples_repeated(x, statistic, num_resamples, rng):
    """issue 20 (L4): ten resamples, each repeated num_resamples / 10 times in a row."""
    pool = x[rng.integers(0, len(x), (10, len(x)))]
    return statistic(np.repeat(pool, num_resamples // 10, axis=0), axis=1).std(ddof=1)


def _cyclic_shifts(x, statistic, num_resamples, rng):
    one = rng.integers(0, len(x), len(x))
    idx = np.array([np.roll(one, b) for b in range(num_resamples)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _windows(x, statistic, num_resamples, rng):
    stream = rng.integers(0, len(x), num_resamples + len(x) - 1)
    idx = np.lib.stride_tricks.sliding_window_view(stream, len(x))  # overlapping windows
    return statistic(x[idx], axis=1).std(ddof=1)


def _windows_step_10(x, statistic, num_resamples, rng):
    stream = rng.integers(0, len(x), 10 * num_resamples + len(x))
    idx = np.array([stream[10 * b:10 * b + len(x)] for b in range(num_resamples)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seed_plus_i(x, statistic, num_resamples, rng):
    s = int(rng.integers(1_000))
    idx = np.concatenate([np.random.default_rng(s + i).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seed_times_i(x, statistic, num_resamples, rng):
    s = int(rng.integers(1, 1_000))
    idx = np.concatenate([np.random.default_rng(s * i).integers(0, len(x), (100, len(x)))
                          for i in range(1, num_resamples // 100 + 1)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seed_plus_100_i(x, statistic, num_resamples, rng):
    s = int(rng.integers(2**32))  # wide, so no collision here: the source betrays it
    idx = np.concatenate([np.random.default_rng(s + 100 * i).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seed_digits(x, statistic, num_resamples, rng):
    s = int(rng.integers(1_000))
    idx = np.concatenate([np.random.default_rng(int(f"{s}{i}")).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seed_list(x, statistic, num_resamples, rng):
    s = int(rng.integers(2**63))  # [s, i] is hashed by SeedSequence: no collisions
    idx = np.concatenate([np.random.default_rng([s, i]).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _child_seeds(x, statistic, num_resamples, rng):
    # child generators seeded by draws from rng (2**63 - 1 is arithmetic on constants only)
    idx = np.concatenate([np.random.default_rng(rng.integers(2**63 - 1))
                          .integers(0, len(x), (100, len(x)))
                          for _ in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seeds_outside_the_call(x, statistic, num_resamples, rng):
    base = int(rng.integers(2**32))  # wide, so no collision here: the source betrays it
    seeds = base + np.arange(num_resamples // 100)
    idx = np.concatenate([np.random.default_rng(s).integers(0, len(x), (100, len(x)))
                          for s in seeds])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seeds_enumerated(x, statistic, num_resamples, rng):
    base = int(rng.integers(2**32))
    seeds = [base * 1_000 + i for i in range(num_resamples // 100)]
    chunks = []
    for _, s in enumerate(seeds):
        chunks.append(np.random.default_rng(int(s)).integers(0, len(x), (100, len(x))))
    return statistic(x[np.concatenate(chunks)], axis=1).std(ddof=1)


def _chunk(x, s, i):
    """A helper defined away from the answer, seeding by arithmetic."""
    return np.random.default_rng(s * 1_000 + i).integers(0, len(x), (100, len(x)))


def _seeds_in_a_helper(x, statistic, num_resamples, rng):
    s = int(rng.integers(2**32))
    idx = np.concatenate([_chunk(x, s, i) for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seed_range(x, statistic, num_resamples, rng):
    base = int(rng.integers(2**32))  # base + np.arange(k) by another name
    idx = np.concatenate([np.random.default_rng(s).integers(0, len(x), (100, len(x)))
                          for s in range(base, base + num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _drawn_seeds(x, statistic, num_resamples, rng):
    seeds = rng.integers(2**63, size=num_resamples // 100)  # drawn, not computed: fine
    idx = np.concatenate([np.random.default_rng(s).integers(0, len(x), (100, len(x)))
                          for s in seeds])
    return statistic(x[idx], axis=1).std(ddof=1)


def _spawned_sequences(x, statistic, num_resamples, rng):
    children = np.random.SeedSequence(int(rng.integers(2**63))).spawn(num_resamples // 100)
    idx = np.concatenate([np.random.default_rng(c).integers(0, len(x), (100, len(x)))
                          for c in children])
    return statistic(x[idx], axis=1).std(ddof=1)


def _shifted_pairs(x, statistic, num_resamples, rng):
    # every odd resample is the one before it with each index shifted by one (mod n)
    first = rng.integers(0, len(x), (num_resamples // 2, len(x)))
    idx = np.stack([first, (first + 1) % len(x)], axis=1).reshape(num_resamples, len(x))
    return statistic(x[idx], axis=1).std(ddof=1)


def _wrong_axis(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x), (num_resamples, len(x)))
    return statistic(x[idx], axis=0).std(ddof=1)


def _transposed_indices(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x), (len(x), num_resamples))  # one resample per column...
    return statistic(x[idx], axis=1).std(ddof=1)  # ...but reduced along the rows


def _one_pass_bootstrap(x, statistic, num_resamples, rng):
    s = statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1)
    return np.sqrt(np.mean(s**2) - np.mean(s) ** 2)  # the day's anti-pattern


def _one_pass_ddof1(x, statistic, num_resamples, rng):
    s = statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1)
    var = (np.sum(s**2) - num_resamples * np.mean(s) ** 2) / (num_resamples - 1)
    return math.sqrt(abs(var))  # abs hides the negative: no NaN, still wrong


def _centred_one_pass(x, statistic, num_resamples, rng):
    s = statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1)
    s = s - statistic(x)  # valid: centring on the estimate first removes the offset
    return np.sqrt(np.mean(s**2) - np.mean(s) ** 2)


def _no_axis(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x), (num_resamples, len(x)))
    return np.std(statistic(x[idx]))  # one statistic of all the resamples together


def _no_axis_ddof1(x, statistic, num_resamples, rng):
    idx = rng.integers(0, len(x), (len(x), num_resamples))
    return np.std(statistic(x[idx]), ddof=1)


def _nan_answer(x, statistic, num_resamples, rng):
    s = statistic(x[rng.integers(0, len(x), (num_resamples, len(x)))], axis=1)
    return np.std(s[:1], ddof=1)  # one statistic kept: NaN


BOOTSTRAP_CASES = [
    (check_bootstrap_se, (_centred_one_pass,), CORRECT, None),
    (check_bootstrap_se, (_one_pass_bootstrap,), WRONG, "one-pass formula"),
    (check_bootstrap_se, (_one_pass_ddof1,), WRONG, "one-pass formula"),
    (check_bootstrap_se, (_no_axis,), WRONG, "without axis"),
    (check_bootstrap_se, (_no_axis_ddof1,), WRONG, "without axis"),
    (check_bootstrap_se, (_nan_answer,), WRONG, "your answer is NaN"),
    # valid
    (check_bootstrap_se, (_vectorized,), CORRECT, "drawn with replacement"),
    (check_bootstrap_se, (_choice_loop,), CORRECT, None),
    (check_bootstrap_se, (_columns,), CORRECT, None),
    (check_bootstrap_se, (_around_the_estimate,), CORRECT, None),
    (check_bootstrap_se, (_apply_along_axis,), CORRECT, None),
    (check_bootstrap_se, (_scipy_bca,), CORRECT, None),
    (check_bootstrap_se, (_scipy_percentile_batches,), CORRECT, None),
    (check_bootstrap_se, (_balanced,), CORRECT, None),
    (check_bootstrap_se, (_spawned,), CORRECT, None),
    (check_bootstrap_se, (_seed_list,), CORRECT, None),
    (check_bootstrap_se, (_child_seeds,), CORRECT, None),
    (check_bootstrap_se, (_drawn_seeds,), CORRECT, None),
    (check_bootstrap_se, (_spawned_sequences,), CORRECT, None),
    # wrong
    (check_bootstrap_se, (_legacy,), WRONG, "global np.random"),
    (check_bootstrap_se, (_shuffles,), WRONG, "without replacement"),
    (check_bootstrap_se, (_one_resample_repeated,), WRONG, "every resample is the same"),
    (check_bootstrap_se, (_never_the_last,), WRONG, "the same chance"),
    (check_bootstrap_se, (_divided_by_sqrt_b,), WRONG, "sqrt(num_resamples)"),
    (check_bootstrap_se, (lambda x, statistic, num_resamples, rng: x.std() / len(x) ** 0.5,),
     WRONG, "did not resample"),
    (check_bootstrap_se,
     (lambda x, statistic, num_resamples, rng: np.std(x, ddof=1) / np.sqrt(len(x)),),
     WRONG, "formula standard error of the mean"),
    (check_bootstrap_se, (_half_size,), WRONG, "len(x) = 100 values"),
    (check_bootstrap_se, (_own_seed,), WRONG, "does not change with the rng"),
    (check_bootstrap_se, (_unseeded,), WRONG, "same seed gave different results"),
    (check_bootstrap_se, (_variance,), WRONG, "looks like a variance"),
    (check_bootstrap_se, (_fixed_count,), WRONG, "exactly num_resamples"),
    (check_bootstrap_se, (_new_numbers,), WRONG, "not in x"),
    (check_bootstrap_se, (_float32_data,), WRONG, "the values of x rounded to float32"),
    (check_bootstrap_se, (_float32_and_back,), WRONG, "rounded to float32 (did you convert"),
    (check_bootstrap_se, (_float16_data,), WRONG, "rounded to float16"),
    (check_bootstrap_se, (_shuffle_in_place,), WRONG, "changed its argument x in place"),
    (check_bootstrap_se, (lambda x, statistic, num_resamples, rng: [0.1, 0.2],), WRONG,
     "one number"),
    (check_bootstrap_se, (_reseeded_chunks,), WRONG, "hold exactly the values of another"),
    (check_bootstrap_se, (_cyclic_shifts,), WRONG, "shifts of one resample"),
    # issue 20 (L4): rotations of x got "applied to 3970 resamples" (those equal to x are
    # dropped as the estimate), and ten resamples reused got "shifts of one resample"
    (check_bootstrap_se, (_random_rotations,), WRONG,
     "your resamples are rotations of x (np.roll by a random shift)"),
    (check_bootstrap_se, (_ten_resamples_reused,), WRONG,
     "3990 of your 4000 resamples hold exactly the values of another one (only 10 distinct"),
    (check_bootstrap_se, (_ten_resamples_repeated,), WRONG,
     "the same resamples reused"),
    (check_bootstrap_se, (_windows,), WRONG, "overlapping windows"),
    (check_bootstrap_se, (_windows_step_10,), WRONG, "overlapping windows"),
    (check_bootstrap_se, (_seed_plus_i,), WRONG, "seeds computed by arithmetic"),
    (check_bootstrap_se, (_seed_times_i,), WRONG, "with base * i"),
    (check_bootstrap_se, (_seed_plus_100_i,), WRONG, "a constant step of 100"),
    (check_bootstrap_se, (_seed_digits,), WRONG, "per resample with base + i"),
    (check_bootstrap_se, (_seeds_outside_the_call,), WRONG,
     "base varies by 40 bits or fewer"),
    (check_bootstrap_se, (_seeds_enumerated,), WRONG, "per resample with base + i"),
    (check_bootstrap_se, (_seeds_in_a_helper,), WRONG, "per resample with base + i"),
    (check_bootstrap_se, (_seed_range,), WRONG, "per resample with base + i"),
    (check_bootstrap_se, (_shifted_pairs,), WRONG, "shifts of one resample"),
    (check_bootstrap_se, (_wrong_axis,), WRONG, "wrong axis"),
    (check_bootstrap_se, (_transposed_indices,), WRONG, "wrong axis"),
]

CASES = SPREAD_CASES + VARIANCE_CASES + BATCH_CASES + BOOTSTRAP_CASES


# Generators seeded with a 32-bit draw from rng (Day 1's rule), and seed arithmetic that the
# source does not show (the constructor passed to map, or under another name): caught at
# run time.
def _seeds32(x, statistic, num_resamples, rng):
    return np.std([statistic(np.random.default_rng(int(s)).choice(x, len(x)))
                   for s in rng.integers(0, 2**32, num_resamples)], ddof=1)


def _sequence32(x, statistic, num_resamples, rng):
    child = np.random.default_rng(np.random.SeedSequence(int(rng.integers(2**32))))
    return statistic(child.choice(x, (num_resamples, len(x))), axis=1).std(ddof=1)


def _spawned32(x, statistic, num_resamples, rng):
    children = np.random.SeedSequence(int(rng.integers(2**32))).spawn(num_resamples // 100)
    idx = np.concatenate([np.random.default_rng(c).integers(0, len(x), (100, len(x)))
                          for c in children])
    return statistic(x[idx], axis=1).std(ddof=1)


def _mapped_seeds(x, statistic, num_resamples, rng):
    base = int(rng.integers(2**62))
    seeds = base + 100 * np.arange(num_resamples // 100)
    gens = map(np.random.default_rng, seeds)
    idx = np.concatenate([g.integers(0, len(x), (100, len(x))) for g in gens])
    return statistic(x[idx], axis=1).std(ddof=1)


def _aliased_constructor(x, statistic, num_resamples, rng):
    from numpy.random import default_rng as mk
    b = int(rng.integers(2**62))
    idx = np.concatenate([mk(b + i).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _wide_base_plus_i(x, statistic, num_resamples, rng):
    s = int(rng.integers(2**63))  # the lead's example: a wide drawn base, then s + i
    idx = np.concatenate([np.random.default_rng(s + i).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _wide_base_digits(x, statistic, num_resamples, rng):
    s = int(rng.integers(2**62))
    idx = np.concatenate([np.random.default_rng(int(f"{s}{i}")).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _wide_base_range(x, statistic, num_resamples, rng):
    base = rng.integers(2**62)  # a NumPy integer: base + np.arange stays below 2**63
    gens = [np.random.default_rng(s) for s in base + np.arange(num_resamples // 100)]
    return statistic(x[np.concatenate([g.integers(0, len(x), (100, len(x))) for g in gens])],
                     axis=1).std(ddof=1)


def _narrow_base_range(x, statistic, num_resamples, rng):
    base = int(rng.integers(2**40))  # 40 bits: too few, whatever the arithmetic
    gens = map(np.random.default_rng, range(base, base + 3 * (num_resamples // 100), 3))
    return statistic(x[np.concatenate([g.integers(0, len(x), (100, len(x))) for g in gens])],
                     axis=1).std(ddof=1)


def _narrow_base_digits(x, statistic, num_resamples, rng):
    s = int(rng.integers(2**32))
    idx = np.concatenate([np.random.default_rng(int(f"{s}{i}")).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _seeds63(x, statistic, num_resamples, rng):
    idx = np.concatenate([np.random.default_rng(int(s)).integers(0, len(x), (100, len(x)))
                          for s in rng.integers(0, 2**63, num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


CASES += [
    (check_bootstrap_se, (_seeds32,), WRONG, "too few varying bits"),
    (check_bootstrap_se, (_sequence32,), WRONG, "too few varying bits"),
    (check_bootstrap_se, (_spawned32,), WRONG, "the birthday bound"),
    # the course's seed policy: arithmetic on a base drawn wide from rng passes (its seeds
    # are distinct in a call, and meet another call's with odds about 2**-60)
    (check_bootstrap_se, (_mapped_seeds,), CORRECT, None),
    (check_bootstrap_se, (_aliased_constructor,), CORRECT, None),
    (check_bootstrap_se, (_wide_base_plus_i,), CORRECT, None),
    (check_bootstrap_se, (_wide_base_digits,), CORRECT, None),
    (check_bootstrap_se, (_wide_base_range,), CORRECT, None),
    # ...but not on a narrow one (Day 1's rule: 40 bits or fewer), however it is written
    (check_bootstrap_se, (_narrow_base_range,), WRONG, "a constant step of 3"),
    (check_bootstrap_se, (_narrow_base_digits,), WRONG, "such bases are common"),
    (check_bootstrap_se, (_seeds63,), CORRECT, None),
]


# A narrow seed scrambled after it is drawn (hash of its text, a multiplier, a square): its
# range looks wide, but the first draw of rng it depends on is 32 bits
# (helpers.checks._entropy.narrow_first_draw).
def _hashed_seed(x, s, B, rng):
    g = np.random.default_rng(abs(hash(str(int(rng.integers(2**32))))))
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _multiplied_seed(x, s, B, rng):
    g = np.random.default_rng((int(rng.integers(2**32)) * 0x9E3779B97F4A7C15) % 2**64)
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _squared_seed(x, s, B, rng):
    g = np.random.default_rng(int(rng.integers(2**32)) ** 2)
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _wide_seed_hashed(x, s, B, rng):
    g = np.random.default_rng(abs(hash(str(int(rng.integers(2**63))))))  # hash(): wrong
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _keyword_a(x, s, B, rng):
    return s(a=x[rng.integers(0, len(x), (B, len(x)))], axis=-1).std()


def _antithetic(x, s, B, rng):
    n = len(x)
    h = rng.integers(0, n, (B // 2, n))
    return s(x[np.concatenate([h, n - 1 - h])], axis=1).std()


def _permuted_half(x, s, B, rng):
    n = len(x)
    h = rng.integers(0, n, (B // 2, n))
    p = rng.permutation(n)
    return s(x[np.concatenate([h, p[h]])], axis=1).std()


def _windows_stride_96(x, s, B, rng):
    n = len(x)
    st = rng.integers(0, n, 96 * B + n)
    return s(x[np.lib.stride_tricks.sliding_window_view(st, n)[::96][:B]], axis=1).std()


def _half_from_seed_42(x, s, B, rng):
    n = len(x)
    own = rng.integers(0, n, (B // 2, n))
    fixed = np.random.default_rng(42).integers(0, n, (B - B // 2, n))
    return s(x[np.concatenate([own, fixed])], axis=1).std()


def _deep_copy(x, s, B, rng):
    g = copy.deepcopy(rng)  # rng itself never moves: the caller's next call repeats these
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _state_copy(x, s, B, rng):
    g = np.random.default_rng()
    g.bit_generator.state = rng.bit_generator.state
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _jumped(x, s, B, rng):
    g = np.random.Generator(rng.bit_generator.jumped())
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _seed_seq_copy(x, s, B, rng):
    g = np.random.default_rng(rng.bit_generator.seed_seq)  # rng's own seed, rng unmoved
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _state_restored(x, s, B, rng):
    saved = rng.bit_generator.state
    se = s(x[rng.integers(0, len(x), (B, len(x)))], axis=1).std()
    rng.bit_generator.state = saved
    return se


def _one_child(x, s, B, rng):
    g = rng.spawn(1)[0]  # valid: spawning moves rng's count of children
    return s(x[g.integers(0, len(x), (B, len(x)))], axis=1).std()


def _seed_times_i_from_0(x, statistic, num_resamples, rng):
    s = int(rng.integers(1, 1_000))  # i = 0 gives seed 0 in every call; the rest vary
    idx = np.concatenate([np.random.default_rng(s * i).integers(0, len(x), (100, len(x)))
                          for i in range(num_resamples // 100)])
    return statistic(x[idx], axis=1).std(ddof=1)


def _half_from_first_50(x, statistic, num_resamples, rng):
    n = len(x)
    a = rng.integers(0, n, (num_resamples, n // 2))
    b = rng.integers(0, 50, (num_resamples, n - n // 2))  # half drawn from x[:50] only
    return statistic(x[np.concatenate([a, b], axis=1)], axis=1).std()


CASES += [
    (check_bootstrap_se, (_seed_times_i_from_0,), WRONG, "seed * i gives 0 at i = 0"),
    (check_bootstrap_se, (_half_from_first_50,), WRONG, "drawn far more or less often"),
    (check_bootstrap_se, (_deep_copy,), WRONG, "left rng where it found it"),
    (check_bootstrap_se, (_state_copy,), WRONG, "left rng where it found it"),
    (check_bootstrap_se, (_jumped,), WRONG, "left rng where it found it"),
    (check_bootstrap_se, (_seed_seq_copy,), WRONG, "left rng where it found it"),
    (check_bootstrap_se, (_state_restored,), WRONG, "left rng where it found it"),
    (check_bootstrap_se, (_one_child,), CORRECT, None),
]

CASES += [
    # hashed: named for hash() first, the rule that refuses it whatever it hashes
    (check_bootstrap_se, (_hashed_seed,), WRONG, "from the builtin hash()"),
    (check_bootstrap_se, (_multiplied_seed,), WRONG, "a seed of 40 bits or fewer drawn"),
    (check_bootstrap_se, (_squared_seed,), WRONG, "a seed of 40 bits or fewer drawn"),
    # a wide draw hashed: wide enough, but hash() of text changes with every process (the
    # course's seed policy refuses any seed made with hash(); right until the seventh sweep)
    (check_bootstrap_se, (_wide_seed_hashed,), WRONG, "from the builtin hash()"),
    (check_bootstrap_se, (_keyword_a,), CORRECT, None),
    (check_bootstrap_se, (_antithetic,), WRONG, "another resample relabelled"),
    (check_bootstrap_se, (_permuted_half,), WRONG, "another resample relabelled"),
    (check_bootstrap_se, (_windows_stride_96,), WRONG, "each starts with the last indices"),
    (check_bootstrap_se, (_half_from_seed_42,), WRONG, "the same seed (42) in every call"),
    (check_spread_of_means,
     (float(np.sort(np.random.default_rng(42).random(2_000_000)).reshape(5_000, 400)
            .mean(1).std()), 42), WRONG, "sorted before you grouped them"),
    # the std of all draws lies about 2e-8 above the sorted answer's: its own hint wins
    (check_spread_of_means, (float(np.random.default_rng(42).random((5_000, 400)).std()), 42),
     WRONG, "the spread of single draws"),
    (check_spread_of_means, (float(np.random.default_rng(7).random((400, 5_000)).std(ddof=1)),
                             7), WRONG, "the spread of single draws"),
]

# issue 20 (L2): the std of all draws cast to float32 lands as near the sorted draws' means
# as float64's does (about 5e-8 off): it got the sorting hint
CASES += [
    (check_spread_of_means, (float(np.random.default_rng(42).random((5_000, 400)).astype(
        np.float32).std()), 42), WRONG, "that is the spread of single draws: average"),
    (check_spread_of_means, (float(np.random.default_rng(7).random((400, 5_000)).astype(
        np.float32).std(ddof=1)), 7), WRONG, "that is the spread of single draws: average"),
    (check_spread_of_means,
     (float(np.sort(np.random.default_rng(42).random(2_000_000)).reshape(400, 5_000)
            .mean(0).std(ddof=1)), 42), WRONG, "sorted before you grouped them"),
]


# issue 20 (L3): one child of rng_ex, drawn from instead of rng_ex itself: independent of
# its parent, and the prompt does not forbid it (5,000 children passed, one did not)
def _one_child_spread(seed, shape=(5_000, 400), axis=1, ddof=0, dtype=np.float64):
    child = np.random.default_rng(seed).spawn(1)[0]
    return float(child.random(shape, dtype=dtype).mean(axis=axis).std(ddof=ddof))


CASES += [
    (check_spread_of_means, (_one_child_spread(42), 42), CORRECT, "rng_ex.spawn(1)[0]"),
    (check_spread_of_means, (_one_child_spread(7, (400, 5_000), 0, 1), 7), CORRECT, None),
    (check_spread_of_means, (_one_child_spread(3, dtype=np.float32), 3), CORRECT, None),
    (check_spread_of_means, (_one_child_spread(7, dtype=np.float32), 7), CORRECT, None),
    # another child than the first is not what rng_ex.spawn(1)[0] gives: still refused
    (check_spread_of_means, (float(np.random.default_rng(42).spawn(2)[1].random((5_000, 400))
                                   .mean(axis=1).std()), 42), WRONG,
     "not the spread of the means that rng_ex gives"),
]


# issue 20 (L2): batch means in float32, the std of all of x, and float32 rounding
def _float32_batches(x, k):
    return x.astype(np.float32).reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(k)


def _float32_mean_dtype(x, k):
    return x.reshape(k, -1).mean(axis=1, dtype=np.float32).std(ddof=1) / np.sqrt(k)


def _float32_one_pass_batches(x, k):
    m = x.astype(np.float32).reshape(k, -1).mean(axis=1)
    return np.sqrt((np.mean(m**2) - np.mean(m) ** 2) * k / (k - 1) / k)


CASES += [
    (check_batch_means_se, (_float32_batches,), WRONG, "float32 keeps about 7 significant"),
    (check_batch_means_se, (_float32_mean_dtype,), WRONG, "float32 keeps about 7 significant"),
    (check_batch_means_se, (_float32_one_pass_batches,), WRONG,
     "digits were lost to rounding, the mark of float32"),
    (check_batch_means_se, (lambda x, k: x.std(ddof=1) / np.sqrt(k),), WRONG,
     "the std of all the values of x, not of the batch means"),
    (check_batch_means_se, (lambda x, k: np.std(x),), WRONG,
     "the std of all the values of x, not of the batch means"),
    # the result rounded to float32 keeps 7 digits, more than the check's 1e-6 asks
    (check_batch_means_se,
     (lambda x, k: np.float32(x.reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(k)),),
     CORRECT, None),
]


# issue 20 (L4): the in-place hint fits what the function returns: a number is no "new one"
def _centred_in_place(x, k):
    x -= x.mean()
    return x.reshape(k, -1).mean(axis=1).std(ddof=1) / np.sqrt(k)


CASES += [
    (check_variance, (_in_place,), WRONG, "leave the caller's array as it is: work on a copy"),
    (check_batch_means_se, (_centred_in_place,), WRONG, "work on a copy (x.copy())"),
]


# Eighth sweep: a normal fit's scale is the population std, computed by the library
def _variance_norm_fit(x):
    return scipy.stats.norm.fit(x)[1] ** 2


CASES += [
    (check_variance, (_variance_norm_fit,), WRONG, "scipy.stats.norm.fit"),
]


# Eighth sweep: a child generator seeded with one wide draw from rng_ex (the course's seed
# policy accepts it; the prompt does not forbid a child), and a narrow one (40 bits or fewer:
# wrong, with the generic hint, since only the number is seen)
def _wide_child_spread(seed, draw):
    child = np.random.default_rng(draw(np.random.default_rng(seed)))
    return float(child.random((5_000, 400)).mean(axis=1).std(ddof=1))


CASES += [
    (check_spread_of_means, (_wide_child_spread(42, lambda r: r.integers(2**63)), 42), CORRECT,
     "a child seeded with a wide draw"),
    (check_spread_of_means, (_wide_child_spread(7, lambda r: r.bit_generator.random_raw()), 7),
     CORRECT, None),
    (check_spread_of_means, (_wide_child_spread(42, lambda r: r.integers(2**32)), 42), WRONG,
     "not the spread of the means that rng_ex gives"),
]


# Eighth sweep (low): one index per resample, repeated along the row, is named as such
def _one_index_per_resample(x, s, B, rng):
    i = rng.integers(0, len(x), B)
    return s(np.repeat(x[i][:, None], len(x), axis=1), axis=1).std()


CASES += [
    (check_bootstrap_se, (_one_index_per_resample,), WRONG, "one value of x repeated len(x)"),
]


# Tenth sweep: more library variances, refused as the listed ones are
def _variance_library_more():
    import statistics

    out = [lambda x: float(np.ma.cov(x, bias=True)),
           lambda x: float(scipy.stats.mstats.moment(x, 2)),
           lambda x: statistics.covariance(x.tolist(), x.tolist()) * (len(x) - 1) / len(x),
           lambda x: statistics.NormalDist.from_samples(x).variance * (len(x) - 1) / len(x)]
    if importlib.util.find_spec("torch") is not None:
        import torch

        out += [lambda x: float(torch.cov(torch.as_tensor(x), correction=0)),
                lambda x: float(torch.as_tensor(x).cov(correction=0))]
    return out


CASES += [(check_variance, (f,), WRONG, "your function called") for f in _variance_library_more()]


# Tenth sweep: more ways to draw a wide seed for one child (bounds 10**18, 2**53, the int64
# maximum, 2**41, a float scaled by 2**53): accepted as the course's seed policy says
CASES += [
    (check_spread_of_means, (_wide_child_spread(42, draw), 42), CORRECT, None)
    for draw in (lambda r: r.integers(10**18), lambda r: r.integers(2**53),
                 lambda r: r.integers(np.iinfo(np.int64).max), lambda r: r.integers(2**41),
                 lambda r: int(r.random() * 2**53))
]


def _torch_bootstrap(x, statistic, num_resamples, rng):
    """A torch.Generator seeded with a 63-bit draw from rng (an eleventh-sweep finding)."""
    import torch
    g = torch.Generator().manual_seed(int(rng.integers(2**63)))
    rows = torch.randint(0, len(x), (num_resamples, len(x)), generator=g).numpy()
    return float(np.std([statistic(x[r]) for r in rows], ddof=1))


if importlib.util.find_spec("torch") is not None:
    CASES += [(check_bootstrap_se, (_torch_bootstrap,), CORRECT, None)]


# thirteenth sweep: Day 3 spread_of_means knows more wide-child idioms (any 2**b bound from
# 41 bits, +1, lists of 2 to 8 words, PCG64DXSM, a child per column); variance names a result
# rounded to a few digits (the hint blamed float32 or the one-pass formula)
_G = np.random.default_rng
CASES += [
    (check_spread_of_means, (_G(_G(42).integers(2**60)).random(
        (5_000, 400)).mean(axis=1).std(), 42), CORRECT, None),
    (check_spread_of_means, (np.stack([g.random(5_000) for g in _G(42).spawn(
        400)]).mean(axis=0).std(), 42), CORRECT, None),
    (check_spread_of_means, (np.random.Generator(np.random.PCG64DXSM(_G(42).integers(2**63)))
                             .random((5_000, 400)).mean(axis=1).std(), 42),
     CORRECT, None),
    (check_variance, (lambda x: round(float(np.mean((x - x.mean()) ** 2)), 2),), WRONG,
     "rounded to 2 digits"),
]
