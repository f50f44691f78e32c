"""Checks for the exercises of Day 3 (descriptive statistics); see :mod:`helpers.exercises`.

Determined answers (a fixed seed, fixed inputs) are compared with the exact result,
accepting every equivalent the prompt allows; the bootstrap, whose resamples are free, is
judged by what defines it (resamples of the right size, drawn with replacement from x,
independently, from the rng it was given) and by its value within about 8 Monte Carlo
standard errors.
"""

from __future__ import annotations

import functools
import inspect
import math
import sys
import warnings
from collections.abc import Callable

import numpy as np

from helpers.checks._advance import NOT_ADVANCED_HINT, rng_advanced
from helpers.checks._seeding import (
    SEED_BITS,
    arithmetic_seeds_hint,
    child_seed_hint,
    constant_step,
    hashed_seed_hint,
    narrow_when_scrambled,
    scrambled_seed_hint,
    watch_seeding,
    watched_seeds,
)
from helpers.exercises import Wrong, answer, call, exercise_check, number

# Exercise 1: 5,000 means of 400 uniform draws on [0, 1).
NUM_MEANS, SAMPLE_SIZE = 5_000, 400
UNIFORM_SIGMA = 1 / math.sqrt(12)
STANDARD_ERROR = UNIFORM_SIGMA / math.sqrt(SAMPLE_SIZE)


def _close(got: float, want: float, rel: float) -> bool:
    return abs(got - want) <= rel * abs(want)


@functools.lru_cache(maxsize=8)
def _spreads_from_seed(seed: int, child: bool = False) -> tuple[tuple[float, float], ...]:
    """Every way the prompt allows, as ``(value, relative tolerance)``: 5,000 rows of 400
    or 400 rows of 5,000 from ``default_rng(seed)``, float64 or float32 draws, either ddof
    (1e-6: float32 arithmetic on the same draws moves it by at most about 3e-7, while
    another sample's spread differs by about 1%, so that it practically never lands within
    1e-6 of any of these eight values). With ``child``, the same from ``default_rng(seed)``'s
    one spawned child, ``rng_ex.spawn(1)[0]``: independent of rng_ex, and the prompt does
    not ask for rng_ex's own numbers."""
    def generator() -> np.random.Generator:
        rng = np.random.default_rng(seed)
        return rng.spawn(1)[0] if child else rng

    return _spreads_of(generator)


def _spreads_of(generator: Callable[[], np.random.Generator],
                dtypes: tuple = (np.float64, np.float32)) -> tuple[tuple[float, float], ...]:
    """:func:`_spreads_from_seed`'s eight values for the draws of ``generator()`` (a fresh
    Generator at each call), or four per dtype of ``dtypes``."""
    out = []
    for dtype, rel in ((d, 1e-6) for d in dtypes):
        for shape, axis in (((NUM_MEANS, SAMPLE_SIZE), 1), ((SAMPLE_SIZE, NUM_MEANS), 0)):
            draws = generator().random(shape, dtype=dtype)
            means = draws.mean(axis=axis, dtype=np.float64)
            out += [(float(means.std(ddof=ddof)), rel) for ddof in (0, 1)]
    return tuple(out)


#: How a learner draws one wide seed from rng_ex for a child generator (more than 40 bits,
#: which the course's seed policy accepts): a bound of 2**b or 10**k, the int64 maximum, 64
#: bits, a raw output, a float scaled up, 32-bit words.
_WIDE_SEEDS = (
    *(lambda rng, b=b: rng.integers(2**b) for b in range(41, 64)),
    *(lambda rng, b=b: int(rng.integers(2**b)) + 1 for b in (53, 62, 63)),
    *(lambda rng, k=k: rng.integers(10**k) for k in range(13, 19)),
    lambda rng: rng.integers(np.iinfo(np.int64).max),
    lambda rng: rng.integers(2**64, dtype=np.uint64),
    lambda rng: rng.bit_generator.random_raw(),
    lambda rng: int(rng.random() * 2**53),
    *(lambda rng, m=m, b=b: rng.integers(2**b, size=m) for m in range(2, 9) for b in (31, 32)))


@functools.lru_cache(maxsize=8)
def _wide_child_spreads(seed: int) -> tuple[tuple[float, float], ...]:
    """:func:`_spreads_from_seed`'s values for a child of ``default_rng(seed)`` seeded with
    one wide draw from it (:data:`_WIDE_SEEDS`: ``default_rng(rng_ex.integers(2**63))``)."""
    out: tuple[tuple[float, float], ...] = ()
    for draw in _WIDE_SEEDS:  # float64 draws only: a second or two for all of them
        child_seed = draw(np.random.default_rng(seed))
        out += _spreads_of(lambda s=child_seed: np.random.default_rng(s), (np.float64,))
    dxsm = np.random.default_rng(seed).integers(2**63)  # another bit generator, one wide seed
    out += _spreads_of(lambda: np.random.Generator(np.random.PCG64DXSM(dxsm)), (np.float64,))
    return out


@functools.lru_cache(maxsize=8)
def _spawned_spreads(seed: int) -> tuple[float, ...]:
    """The spread of 5,000 means from Day 1's spawn pattern, one child of ``rng_ex`` per
    sample (``[g.random(400).mean() for g in rng_ex.spawn(5_000)]``) or per column (400
    children), either ddof: also the prompt's numbers, drawn from rng_ex's own children (a
    quarter of a second)."""
    means = np.array([g.random(SAMPLE_SIZE).mean()
                      for g in np.random.default_rng(seed).spawn(NUM_MEANS)])
    # or one child per column: 400 children, each drawing its column of 5,000
    columns = np.stack([g.random(NUM_MEANS)
                        for g in np.random.default_rng(seed).spawn(SAMPLE_SIZE)]).mean(axis=0)
    return tuple(float(m.std(ddof=ddof)) for m in (means, columns) for ddof in (0, 1))


def _formulas(draws: np.ndarray, axis: int) -> list[float]:
    """s / sqrt(400) computed from the draws instead of the spread of their means: each
    sample's s averaged (or its variance), the s of all draws, or one sample's s."""
    one = draws[0] if axis == 1 else draws[:, 0]
    out = []
    for ddof in (0, 1):
        per_sample = draws.std(axis=axis, ddof=ddof, dtype=np.float64)
        out += [per_sample.mean(), math.sqrt(np.mean(per_sample**2)),
                draws.std(ddof=ddof, dtype=np.float64), one.std(ddof=ddof, dtype=np.float64)]
    return [float(s) / math.sqrt(SAMPLE_SIZE) for s in out]


@functools.lru_cache(maxsize=8)
def _near_misses_from_seed(seed: int) -> tuple[tuple[float, float, str], ...]:
    """Answers near sigma / sqrt(400) that a wrong recipe gives, as ``(value, relative
    tolerance, kind)``: from rng_ex's own numbers, a formula s / sqrt(n) applied to the
    draws ("formula") or means of the wrong number of values or samples ("shape"); the
    right recipe with another generator the learner may have used instead ("generator")."""
    out: list[tuple[float, float, str]] = []
    for dtype, rel in ((np.float64, 1e-9), (np.float32, 1e-6)):
        for shape, axis in (((NUM_MEANS, SAMPLE_SIZE), 1), ((SAMPLE_SIZE, NUM_MEANS), 0)):
            draws = np.random.default_rng(seed).random(shape, dtype=dtype)
            out += [(value, rel, "formula") for value in _formulas(draws, axis)]
    # Generator.random fills C order, so every shape is a prefix of one stream
    stream = np.random.default_rng(seed).random(10_000 * SAMPLE_SIZE)
    sizes = [(NUM_MEANS, m) for m in range(360, 446)]  # spread within ~5% of sigma / 20
    sizes += [(k, SAMPLE_SIZE) for k in (1_000, 2_000, 4_000, 4_999, 5_001, 6_000, 10_000)]
    for k, m in sizes:
        if (k, m) == (NUM_MEANS, SAMPLE_SIZE):
            continue
        for means in (stream[:k * m].reshape(k, m).mean(axis=1),
                      stream[:k * m].reshape(m, k).mean(axis=0)):
            out += [(float(means.std(ddof=ddof)), 1e-9, "shape") for ddof in (0, 1)]
    others = [np.random.RandomState(seed).random_sample]  # np.random.seed(seed); .rand
    others += [np.random.default_rng(s).random
               for s in sorted({seed + 1, seed - 1, 0, 1, 42, 123, 1234, 2024} - {seed})
               if s >= 0]
    for draw in others:
        means = draw((NUM_MEANS, SAMPLE_SIZE)).mean(axis=1)
        out += [(float(means.std(ddof=ddof)), 1e-9, "generator") for ddof in (0, 1)]
    return tuple(out)


_NEAR_MISS_HINTS = {
    "formula": "that is the formula s / sqrt(n) applied to your draws, an estimate of the "
               "spread; the exercise asks you to measure it: average each sample of 400 "
               "values, then take the standard deviation of those 5,000 means",
    "shape": "the size is right, but your means are not of 5,000 samples of 400 values "
             "each: check the shape of your draws and the axis you average over",
    "generator": "the size is right, but these are not the numbers rng_ex gives: draw from "
                 "rng_ex (not np.random or another generator), starting right after the "
                 "cell creates it",
}


@functools.lru_cache(maxsize=8)
def _far_misses_from_seed(seed: int) -> tuple[tuple[float, str], ...]:
    """Answers far from sigma / sqrt(400) that rng_ex's own numbers give, as ``(value,
    kind)``, to within 1e-6: the variance of the means, their std divided by sqrt(5,000)
    (or sqrt(4,999), as scipy.stats.sem does) again, and the std of each sample's median.
    The first two (about 2.08e-4 and 2.04e-4) and the last two (the medians' and 0/1
    means' spread, both near 0.025) are too close for their sizes to tell them apart."""
    out = []
    for value, _ in _spreads_from_seed(seed):
        out += [(value**2, "variance")]
        out += [(value / math.sqrt(k), "again") for k in (NUM_MEANS, NUM_MEANS - 1)]
    for dtype in (np.float64, np.float32):
        for shape, axis in (((NUM_MEANS, SAMPLE_SIZE), 1), ((SAMPLE_SIZE, NUM_MEANS), 0)):
            draws = np.random.default_rng(seed).random(shape, dtype=dtype)
            medians = np.median(draws, axis=axis).astype(np.float64)
            out += [(float(medians.std(ddof=ddof)), "median") for ddof in (0, 1)]
    # the draws sorted before they are grouped (the whole stream, or each column): a sample
    # then holds neighbouring values, so its mean is about a single draw
    flat = np.sort(np.random.default_rng(seed).random(NUM_MEANS * SAMPLE_SIZE))
    columns = np.sort(np.random.default_rng(seed).random((NUM_MEANS, SAMPLE_SIZE)), axis=0)
    for means in (flat.reshape(NUM_MEANS, SAMPLE_SIZE).mean(axis=1),
                  flat.reshape(SAMPLE_SIZE, NUM_MEANS).mean(axis=0), columns.mean(axis=1)):
        out += [(float(means.std(ddof=ddof)), "sorted") for ddof in (0, 1)]
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _single_draw_spreads(seed: int) -> tuple[float, ...]:
    """The std of all 2,000,000 draws of ``default_rng(seed)`` (either layout, float64 or
    float32 draws and arithmetic, either ddof): the spread of single draws, not of means.
    The draws sorted and grouped give means whose std lies about 2e-8 below it (the spread
    within groups of neighbouring values), so a match within 1e-9 names this mistake."""
    out = []
    for dtype in (np.float64, np.float32):
        for shape in ((NUM_MEANS, SAMPLE_SIZE), (SAMPLE_SIZE, NUM_MEANS)):
            draws = np.random.default_rng(seed).random(shape, dtype=dtype)
            out += [float(draws.std(ddof=ddof, dtype=acc)) for ddof in (0, 1)
                    for acc in {dtype, np.float64}]
            if dtype == np.float64:  # float64 draws cast to float32 (issue 20): about 5e-8
                cast = draws.astype(np.float32)  # off, as close as the sorted draws' means
                out += [float(cast.std(ddof=ddof, dtype=acc)) for ddof in (0, 1)
                        for acc in (np.float32, np.float64)]
    return tuple(out)


_FAR_MISS_HINTS = {
    "variance": "that is the variance of your means: take their standard deviation (np.std) "
                "instead",
    "again": "that is the standard deviation of your means divided by sqrt(5,000) (what "
             "scipy.stats.sem does): the std of the 5,000 means is already the spread of "
             "one mean; do not divide it by sqrt(n) again",
    "median": "that is the spread of each sample's median: take each sample's mean "
              "(np.mean) instead",
    "sorted": "your draws were sorted before you grouped them into samples: each sample "
              "then holds neighbouring values instead of a random sample, so its mean says "
              "little more than one draw; keep the draws in the order rng_ex gives them",
}

#: The std of all draws and the spread of means of sorted draws differ by about 7e-8 of
#: their size, float32 arithmetic by as much: a match that is not exact names both.
_SINGLE_OR_SORTED = ("that is the spread of single draws (the std of all your draws, not of "
                     "5,000 means), or of means of sorted draws, which is about the same: "
                     "average each sample of 400 values in the order rng_ex gives them (one "
                     "mean per sample), then take the std of those means")

# Sizes that two mistakes share: when the value is not rng_ex's own, name both
_AMBIGUOUS_FAR_MISSES = (
    ((STANDARD_ERROR**2, STANDARD_ERROR / math.sqrt(NUM_MEANS)),
     ("that looks like a variance, or like the spread of the means divided by sqrt(5,000) "
     "again (both are near 2e-4): take the standard deviation of the 5,000 means (np.std), "
     "and divide it by nothing: it is already the spread of one mean")),
    ((0.5 / math.sqrt(SAMPLE_SIZE),),  # the median of n uniform draws: 1 / (2 sqrt(n))
     ("that looks like the spread of each sample's median, or of means of 0/1 draws "
     "(integers): draw uniform numbers on [0, 1) (rng_ex.random) and take each sample's "
     "mean (np.mean)")),
)

# Answers far from sigma / sqrt(400) whose size betrays the mistake (within 10%)
_FAR_MISSES = (
    (UNIFORM_SIGMA, ("that is the spread of single draws: average each sample of 400 values "
                     "first (one mean per sample), then take the std of those means")),
    (UNIFORM_SIGMA / math.sqrt(NUM_MEANS), ("that is the spread of means of 5,000 values "
                                            "each: average along the axis of length 400, so "
                                            "that you get 5,000 means")),
    (STANDARD_ERROR / math.sqrt(SAMPLE_SIZE), ("that is smaller by a factor sqrt(400) than it "
                                               "should be: the std of the 5,000 means is "
                                               "already the spread of a mean; do not divide "
                                               "it by sqrt(n) again")),
    (UNIFORM_SIGMA * math.sqrt(SAMPLE_SIZE), ("that is the spread of sums of 400 values: take "
                                              "the mean of each sample, not its sum")),
)

#: Means of standard normal draws spread about 1 / sqrt(400) = 0.05, as do means of about 33
#: uniform draws (sigma / sqrt(33)): the hint names the one rng_ex's numbers show, or both.
NORMAL_SPREAD = 1 / math.sqrt(SAMPLE_SIZE)
_NORMAL = ("that is the spread of means of standard normal draws (rng_ex.standard_normal): "
           "draw uniform numbers on [0, 1) (rng_ex.random)")
_NORMAL_OR_SIZE = ("that looks like the spread of means of standard normal draws, or of "
                   "uniform draws in samples of about {m} values: draw uniform numbers on "
                   "[0, 1) (rng_ex.random), in 5,000 samples of 400")


@functools.lru_cache(maxsize=8)
def _normal_spreads(seed: int) -> tuple[float, ...]:
    """The spread of 5,000 means of 400 standard normal draws from ``default_rng(seed)``,
    either layout, either ddof."""
    out = []
    for shape, axis in (((NUM_MEANS, SAMPLE_SIZE), 1), ((SAMPLE_SIZE, NUM_MEANS), 0)):
        means = np.random.default_rng(seed).standard_normal(shape).mean(axis=axis)
        out += [float(means.std(ddof=ddof)) for ddof in (0, 1)]
    return tuple(out)


#: Samples this small or smaller are looked for in rng_ex's numbers (5,000 x 220 draws at
#: most: a few hundredths of a second), when a spread says sigma / sqrt(m) for m near them.
MAX_WRONG_SIZE = 200


def _wrong_sample_size(spread: float, seed: int) -> int | None:
    """The size m (not 400) of the samples whose 5,000 means, from ``default_rng(seed)``'s
    uniform draws (either layout, either ddof, float64), spread exactly ``spread`` (within
    1e-9), for m within 10% of (sigma / spread)**2, up to :data:`MAX_WRONG_SIZE`; None if
    no such m. Another sample of means practically never lands within 1e-9 of one."""
    guess = (UNIFORM_SIGMA / spread) ** 2 if spread > 0 else math.inf
    if not 1.5 <= guess <= MAX_WRONG_SIZE:
        return None
    sizes = [m for m in range(max(2, math.floor(0.9 * guess)), math.ceil(1.1 * guess) + 1)
             if m != SAMPLE_SIZE]
    stream = np.random.default_rng(seed).random(NUM_MEANS * max(sizes))
    for m in sizes:
        for means in (stream[:NUM_MEANS * m].reshape(NUM_MEANS, m).mean(axis=1),
                      stream[:NUM_MEANS * m].reshape(m, NUM_MEANS).mean(axis=0)):
            if any(_close(spread, float(means.std(ddof=ddof)), 1e-9) for ddof in (0, 1)):
                return m
    return None


@exercise_check
def check_spread_of_means(spread, seed) -> str:
    """``spread``: the std of 5,000 means of 400 uniform draws from ``default_rng(seed)``.

    Examples
    --------
    >>> check_spread_of_means(1 / math.sqrt(12) / 20, 42)
    ✗ Not yet: that is the formula sigma / sqrt(n) itself: measure the spread of your 5,000 means
      instead
    """
    spread = number(spread, "spread")
    seed = int(answer(seed))
    if math.isnan(spread):
        raise Wrong("your answer is NaN (not a number), which np.std(..., ddof=1) gives for "
                    "a single value: average each sample of 400 along its axis (axis=1 for "
                    "5,000 rows of 400), so that you take the std of 5,000 means, not of one")
    if math.isclose(spread, STANDARD_ERROR, rel_tol=1e-9):  # typed in, not measured
        raise Wrong("that is the formula sigma / sqrt(n) itself: measure the spread of your "
                    "5,000 means instead")
    if any(_close(spread, want, rel) for want, rel in _spreads_from_seed(seed)):
        return "the means of 400 uniform draws scatter with standard deviation sigma / sqrt(400)."
    if _close(spread, STANDARD_ERROR, 0.05):  # 5 standard errors of a std of 5,000 values
        if any(_close(spread, want, 1e-6) for want in _spawned_spreads(seed)):
            return ("the means of 400 uniform draws scatter with standard deviation "
                    "sigma / sqrt(400) (one child of rng_ex per sample, as Day 1 spawns).")
        for value, rel, kind in _near_misses_from_seed(seed):
            if _close(spread, value, rel):
                raise Wrong(_NEAR_MISS_HINTS[kind])
        # after rng_ex's own wrong recipes: the child's float32 answers, matched to 1e-6,
        # may land that near one of them (seed 42: 1.3e-7 from the formula s / sqrt(n))
        if any(_close(spread, want, rel) for want, rel in _spreads_from_seed(seed, True)):
            return ("the means of 400 uniform draws scatter with standard deviation "
                    "sigma / sqrt(400) (drawn from rng_ex's child, rng_ex.spawn(1)[0]).")
        if any(_close(spread, want, rel) for want, rel in _wide_child_spreads(seed)):
            return ("the means of 400 uniform draws scatter with standard deviation "
                    "sigma / sqrt(400) (drawn from a child seeded with a wide draw from "
                    "rng_ex; rng_ex.spawn(1)[0] makes one without a seed).")
        raise Wrong("the size is right, but it is not the spread of the means that rng_ex "
                    "gives: draw the 5,000 x 400 numbers from rng_ex itself (not np.random "
                    "or another generator) right after the cell creates it, average each "
                    "sample of 400, and take the standard deviation of the 5,000 means "
                    "(measured, not a formula such as s / sqrt(n))")
    if any(_close(spread, want, 1e-9) for want in _single_draw_spreads(seed)):
        raise Wrong(_FAR_MISSES[0][1])  # the spread of single draws, before "sorted"
    for value, kind in _far_misses_from_seed(seed):
        if _close(spread, value, 1e-6):
            if kind == "sorted" and not _close(spread, value, 1e-9) and any(
                    _close(spread, want, 1e-6) for want in _single_draw_spreads(seed)):
                raise Wrong(_SINGLE_OR_SORTED)  # float32 arithmetic: too close to tell
            raise Wrong(_FAR_MISS_HINTS[kind])
    size = _wrong_sample_size(spread, seed)
    if size is not None:
        raise Wrong(f"your means are of samples of {size} values each, not 400: draw "
                    "5,000 samples of 400 uniform numbers from rng_ex and average each")
    if any(_close(spread, want, 1e-9) for want in _normal_spreads(seed)):
        raise Wrong(_NORMAL)
    if _close(spread, NORMAL_SPREAD, 0.1):
        raise Wrong(_NORMAL_OR_SIZE.format(m=round((UNIFORM_SIGMA / spread) ** 2)))
    for wants, hint in _AMBIGUOUS_FAR_MISSES:
        if any(_close(spread, want, 0.1) for want in wants):
            raise Wrong(hint)
    for want, hint in _FAR_MISSES:
        if _close(spread, want, 0.1):
            raise Wrong(hint)
    raise Wrong("not within 5% of sigma / sqrt(400), the spread the prompt predicts: check "
                "that you draw uniform numbers on [0, 1) with rng_ex.random, 5,000 samples "
                "of 400, average each sample, and take the std of the 5,000 means")


# Exercise 2: the population variance, written by hand: without np.var or np.std, nor any
# library's variance (np.cov, statistics.pvariance, scipy.stats.moment, torch.var, ...).

#: Functions of SciPy and scikit-learn that compute a variance in one call, known by the file
#: that defines them and their name, with the name to blame, so that the check need import
#: neither library (most of a second each); scipy.stats' distributions' .moment methods,
#: which importing scipy.stats runs, live elsewhere. scikit-learn's StandardScaler.fit runs
#: _incremental_mean_and_var on a dense array, mean_variance_axis on a sparse one.
LIBRARY_VARIANCE_FILES = {
    "scipy/stats/_stats_py.py": {f: f"scipy.stats.{f}"
                                 for f in ("moment", "tvar", "tstd", "describe")},
    "scipy/stats/_mstats_basic.py": {f: f"scipy.stats.mstats.{f}"
                                     for f in ("moment", "tvar", "describe")},
    "scipy/ndimage/_measurements.py": {f: f"scipy.ndimage.{f}"
                                       for f in ("variance", "standard_deviation")},
    # a distribution's closed-form fit: norm.fit(x) returns the population std as its scale
    "scipy/stats/_continuous_distns.py": {
        "fit": "scipy.stats.norm.fit (a fitted scale is the population std)"},
    "sklearn/utils/extmath.py": {
        "_incremental_mean_and_var": "sklearn's StandardScaler (or _incremental_mean_and_var)"},
    "sklearn/utils/sparsefuncs.py": {
        f: f"sklearn.utils.sparsefuncs.{f} (or sklearn's StandardScaler)"
        for f in ("mean_variance_axis", "incr_mean_variance_axis")},
}
#: The names above, whatever their file: most calls are told apart by name alone.
_LIBRARY_VARIANCE_NAMES = frozenset(n for names in LIBRARY_VARIANCE_FILES.values()
                                    for n in names)


def _library_variance(code) -> str | None:
    """The name to blame if ``code`` is one of :data:`LIBRARY_VARIANCE_FILES`; else None.

    Examples
    --------
    >>> import types
    >>> code = types.SimpleNamespace(co_name="variance",
    ...                              co_filename="/x/scipy/ndimage/_measurements.py")
    >>> _library_variance(code), _library_variance(_library_variance.__code__)
    ('scipy.ndimage.variance', None)
    """
    if code.co_name not in _LIBRARY_VARIANCE_NAMES:
        return None
    path = code.co_filename.replace("\\", "/")
    for file, names in LIBRARY_VARIANCE_FILES.items():
        if path.endswith(file) and code.co_name in names:
            return names[code.co_name]
    return None


@functools.lru_cache(maxsize=1)
def _variance_codes() -> dict[object, str]:
    """The code of the functions that compute a variance or standard deviation in one call,
    with the name to blame: np.var, np.std, their nan versions and the functions that do
    their work (which the .var() and .std() methods call too); np.cov; the statistics
    module's four; the course's own (helpers.stats.mean_var and running_std). (SciPy's and
    scikit-learn's: :func:`_library_variance`.)"""
    var, std = inspect.unwrap(np.var), inspect.unwrap(np.std)
    methods = var.__globals__["_methods"]  # numpy's module behind them and the methods
    names = {var: "np.var", std: "np.std", methods._var: "np.var or .var()",
             methods._std: "np.std or .std()", inspect.unwrap(np.nanvar): "np.nanvar",
             inspect.unwrap(np.nanstd): "np.nanstd", inspect.unwrap(np.cov): "np.cov",
             inspect.unwrap(np.ma.cov): "np.ma.cov"}
    import statistics

    names |= {getattr(statistics, f): f"statistics.{f}"
              for f in ("pvariance", "variance", "pstdev", "stdev", "covariance")}
    names[statistics.NormalDist.from_samples.__func__] = "statistics.NormalDist.from_samples"
    from helpers import stats  # the course's own, taught on a later day

    names |= {getattr(stats, f): f"helpers.stats.{f}" for f in ("mean_var", "running_std")}
    return {f.__code__: name for f, name in names.items()}


#: Built-in (C) functions and methods of PyTorch that compute a variance in one call.
_TORCH_VARIANCES = ("var", "std", "var_mean", "std_mean", "cov")


def _builtin_variance(func) -> str | None:
    """The name to blame if ``func``, a built-in that a profiler saw called, is one of
    :data:`_TORCH_VARIANCES`: ``torch.var(t)`` (bound to a class of ``torch._C``) or
    ``t.var()`` (bound to a tensor); else None.

    Examples
    --------
    >>> class Tensor:  # stands in for torch's, which the course's venv may lack
    ...     pass
    >>> Tensor.__module__ = "torch"
    >>> bound = type("Bound", (), {"__name__": "var", "__self__": Tensor()})()
    >>> _builtin_variance(bound), _builtin_variance(np.arange(3.0).var)
    ('torch.var', None)
    """
    name = getattr(func, "__name__", None)
    if name not in _TORCH_VARIANCES:
        return None
    owner = getattr(func, "__self__", None)
    home = owner if isinstance(owner, type) else type(owner)  # torch.var's, t.var's
    modules = (getattr(func, "__module__", None), getattr(home, "__module__", None),
               getattr(owner, "__name__", None))
    return f"torch.{name}" if any(str(m).split(".")[0] == "torch" for m in modules) else None


#: The hint's list of what the exercise refuses.
LIBRARY_VARIANCES = ("np.var or np.std (or the .var() and .std() methods), nor a library's "
                     "variance (np.cov, statistics.pvariance, scipy.stats.moment, torch.var)")


def _call_unaided(variance, x: np.ndarray) -> object:
    """``call(variance, x)``; Wrong if the call used a library's variance
    (:func:`_variance_codes`, :func:`_library_variance`, :data:`_TORCH_VARIANCES`), however it
    reached it (an alias, ``getattr`` with a built name, a default argument, a helper):
    Python's profiler watches every function that runs, and their code is what a use must
    run. Names and strings do
    not count (a dict key or an attribute called "var" is fine)."""
    used: list[str] = []
    codes = _variance_codes()

    def watch(frame, event, arg):
        if event == "call" and frame.f_code in codes:
            used.append(codes[frame.f_code])
        elif event == "call" and _library_variance(frame.f_code) is not None:
            used.append(_library_variance(frame.f_code))
        elif event == "c_call":
            name = _builtin_variance(arg)
            if name is not None:
                used.append(name)

    previous = sys.getprofile()
    sys.setprofile(watch)
    try:
        result = call(variance, x)
    finally:
        sys.setprofile(previous)
    if used:
        raise Wrong("the exercise asks you to write the variance yourself (the mean of the "
                    f"squared deviations from the mean), without {LIBRARY_VARIANCES}; your "
                    f"function called {used[0]}")
    return result


def _variance_cases() -> list[np.ndarray]:
    rng = np.random.default_rng(3)
    return [np.array([1.0, 2.0, 3.0, 4.0]),
            rng.normal(5.0, 2.0, 50),
            1e9 + rng.choice([0.1, 0.2, 0.3], 301),  # a large offset
            np.full(7, 0.1)]


@exercise_check
def check_variance(variance) -> str:
    """``variance(x)``: the population variance (ddof=0), accurate under a large offset.

    Every call of the answer runs under :func:`_call_unaided`: one that runs a library's
    variance (np.var, np.std and their methods, np.cov, statistics.pvariance,
    scipy.stats.moment, scipy.ndimage.variance, scikit-learn's StandardScaler, torch.var,
    helpers.stats.mean_var, ...) is told so, by whatever name it reached it; names
    and strings (a key or an attribute called "var") are free.

    Examples
    --------
    >>> check_variance(lambda x: np.mean(x**2) - np.mean(x) ** 2)
    ✗ Not yet: right on small numbers but wrong on data near 1e9: the offset swallows the digits
      (the trap of mean(x**2) - mean(x)**2, or of float32); subtract the mean before squaring, in
      float64
    """
    _call_unaided(variance, np.array([1.0, 2.0]))  # the placeholder, or an error, stops here
    for x in _variance_cases():
        got = number(_call_unaided(variance, x.copy()), "variance(x)")
        want = float(np.var(x))
        # 1e-6: an accurate method (two passes, Welford's update, a shift by a value near
        # the data) loses a few digits at a 1e9 offset; the naive formula is off by ~100%
        if math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-12):
            continue
        if x.size > 1 and math.isclose(got, float(np.var(x, ddof=1)), rel_tol=1e-6):
            raise Wrong("that divides by n - 1 (ddof=1); the exercise asks for the "
                        "population variance, which divides by n")
        if want > 0 and math.isclose(got, math.sqrt(want), rel_tol=1e-6):
            raise Wrong("that is the standard deviation; the variance is its square (leave "
                        "out the square root)")
        if x.mean() > 1e6:
            raise Wrong("right on small numbers but wrong on data near 1e9: the offset "
                        "swallows the digits (the trap of mean(x**2) - mean(x)**2, or of "
                        "float32); subtract the mean before squaring, in float64")
        rounded = [d for d in range(8) if got == round(want, d) or got == float(f"{want:.{d}g}")]
        if rounded and math.isclose(got, want, rel_tol=0.1):
            raise Wrong(f"that is the variance rounded to {rounded[0]} digits ({got!r} for "
                        f"{want!r}): return the number unrounded")
        if math.isclose(got, want, rel_tol=1e-3):  # rounding, not a wrong formula
            raise Wrong(f"close, but off by {abs(got / want - 1):.1e} of the variance (the "
                        "check allows 1e-6): digits were lost to rounding, the mark of "
                        "float32 arithmetic or of the one-pass formula mean(x**2) - "
                        "mean(x)**2 (worse still in float32); subtract the mean before "
                        "squaring, in float64")
        raise Wrong("not the variance: the mean of the squared deviations from the mean")
    return "your variance subtracts before it squares, so an offset costs no accuracy."


def _quiet_call(func, *args):
    """``call``, with NumPy's RuntimeWarnings (sqrt of a negative number, ddof=1 of one
    value) silenced: the NaN they come with gets its own hint instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return call(func, *args)


# Exercise 3: the standard error of a mean from batch means.

def _near(got: float, want: float) -> bool:
    return math.isclose(got, want, rel_tol=1e-6)


def _batch_cases() -> list[tuple[np.ndarray, int]]:
    """Small cases, then the smooth series at an offset of 1e9 (last, so that the other
    mistakes are named first), where mean(m**2) - mean(m)**2 loses every digit."""
    rng = np.random.default_rng(5)
    sets = np.repeat(rng.normal(0, 30, 5), 20) + rng.normal(850, 50, 100)
    smooth = np.convolve(rng.standard_normal(1219), np.ones(20) / 20, mode="valid")
    return [(sets, 5), (smooth, 12), (np.arange(24.0) ** 2, 4), (LARGE_OFFSET + smooth, 12)]


LARGE_OFFSET = 1e9

_NAN = ("your answer is NaN (not a number): np.std(..., ddof=1) of a single value gives "
        "NaN, and so does the square root of a negative number; check that you take the std "
        "of the num_batches batch means (a mean without axis=1 gives one number instead)")

_ONE_PASS = ("right near 0 but wrong on data near 1e9: mean(m**2) - mean(m)**2 (the one-pass "
             "formula) subtracts two numbers near 1e18 and loses every digit (it can even "
             "turn negative), as float32 arithmetic would; take the std of the batch means "
             "with np.std(..., ddof=1) in float64, which subtracts the mean before squaring")


_FLOAT32 = ("right near 0 but wrong on data near 1e9: float32 keeps about 7 significant "
            "digits, so at 1e9 its values are 64 apart and the batch means lose the digits "
            "that differ; compute in float64 (no astype(np.float32), no dtype=np.float32)")


def _offset_hint(batch_means_se, x: np.ndarray, k: int) -> str:
    """The hint for an answer right on ``x`` but wrong on ``x`` shifted by 1e9: the same
    series at an offset of 1e3 tells the two ways to lose the digits apart. float64's
    one-pass formula keeps there all but about 1e-7 of the SE (m**2 near 1e6, the batch
    means' variance near 1e-3), while float32, 6e-5 apart at 1e3, loses about 1e-3 of it."""
    want = x.reshape(k, -1).mean(axis=1).std(ddof=1) / math.sqrt(k)
    try:
        got = number(_quiet_call(batch_means_se, 1e3 + x, k), "batch_means_se(x, num_batches)")
    except Wrong:
        return _ONE_PASS
    if math.isclose(got, want, rel_tol=1e-5):
        return _ONE_PASS
    if math.isclose(got, want, rel_tol=0.1):
        return _FLOAT32
    return _ONE_PASS


@exercise_check
def check_batch_means_se(batch_means_se) -> str:
    """``batch_means_se(x, num_batches)``: standard error of the mean from batch means.

    Examples
    --------
    >>> check_batch_means_se(lambda x, k: x.std(ddof=1) / np.sqrt(x.size))
    ✗ Not yet: that is the naive standard error, which assumes independent values; compute it
      from the batch means instead
    """
    for x, k in _batch_cases():
        got = number(_quiet_call(batch_means_se, x.copy(), k),
                     "batch_means_se(x, num_batches)")
        if x.mean() > LARGE_OFFSET / 2:
            # the offset moves every batch mean, not their spread: judged against the
            # unshifted series within 1e-4 (rounding at 1e9 costs about 1e-6)
            shifted = (x - LARGE_OFFSET).reshape(k, -1).mean(axis=1)
            if math.isclose(got, shifted.std(ddof=1) / math.sqrt(k), rel_tol=1e-4):
                continue
            raise Wrong(_offset_hint(batch_means_se, x - LARGE_OFFSET, k))
        if math.isnan(got):
            raise Wrong(_NAN)
        means = x.reshape(k, -1).mean(axis=1)
        if _near(got, means.std(ddof=1) / math.sqrt(k)):
            continue
        interleaved = x.reshape(-1, k).mean(axis=0)
        if _near(got, interleaved.std(ddof=1) / math.sqrt(k)) or _near(
                got, interleaved.std(ddof=0) / math.sqrt(k)):
            raise Wrong("your batches take every k-th value; a batch is a run of "
                        "CONSECUTIVE values, so the first len(x) // num_batches values "
                        "form batch 1")
        small = x.reshape(-1, k).mean(axis=1)  # len(x) // k batches of k values each
        if any(_near(got, small.std(ddof=ddof) / math.sqrt(m))
               for ddof in (0, 1) for m in (small.size, k)):
            raise Wrong("you made batches of num_batches values each; make num_batches "
                        "batches, each len(x) // num_batches values long")
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
        if any(_near(got, x.std(ddof=ddof) / math.sqrt(m)) for ddof in (0, 1) for m in (1, k)):
            raise Wrong("that is the std of all the values of x, not of the batch means: "
                        "average each batch first (one mean per batch), then take the std "
                        "of those num_batches means (ddof=1) and divide by sqrt(num_batches)")
        want = means.std(ddof=1) / math.sqrt(k)
        if math.isclose(got, want, rel_tol=1e-3):  # rounding, not a wrong formula
            raise Wrong(f"close, but off by {abs(got / want - 1):.1e} of the standard error "
                        "(the check allows 1e-6): digits were lost to rounding, the mark of "
                        "float32 (about 7 significant digits) or of the one-pass formula "
                        "mean(m**2) - mean(m)**2; compute in float64 with np.std(..., ddof=1)")
        raise Wrong("not the standard error from the batch means: check how you split "
                    "x, the ddof, and what you divide by")
    return "long batches are nearly independent, so their SE survives autocorrelation."


# Exercise 4: the bootstrap standard error of any statistic.

def _bootstrap_data() -> np.ndarray:
    """100 values: 95 standard normal ones and 5 wild ones, so that the bootstrap SE of the
    mean (about 1.7) and of the median (about 0.15) are far apart."""
    rng = np.random.default_rng(11)
    return rng.permutation(np.concatenate([rng.standard_normal(95),
                                           [40.0, -55.0, 70.0, 90.0, -80.0]]))


@functools.lru_cache(maxsize=1)
def _ideal_bootstrap_se() -> dict[str, float]:
    """The bootstrap SEs that infinitely many resamples would give (the median's from
    50,000 resamples: within about 0.6%, against the check's 10%)."""
    x = _bootstrap_data()
    rng = np.random.default_rng(2024)
    medians = np.concatenate([np.median(x[rng.integers(0, x.size, (10_000, x.size))], axis=1)
                              for _ in range(5)])
    return {"mean": float(x.std() / math.sqrt(x.size)), "median": float(medians.std())}


class _Recorder:
    """``np.median`` or ``np.mean`` that records every array it is applied to: one per
    resample when the learner applies it along the right axis."""

    def __init__(self, reduce):
        self.reduce, self.resamples, self.unclear = reduce, [], False
        self.whole = False  # applied to a matrix without axis: one number for all of it
        self.signature = inspect.signature(reduce)

    def __call__(self, *args, **kwargs):
        # by position or keyword (np.median(a=..., axis=-1)), as np.median and np.mean take
        try:
            bound = self.signature.bind(*args, **kwargs).arguments
        except (TypeError, ValueError):  # not a call the statistic takes: let it say why
            return self.reduce(*args, **kwargs)
        values, axis = bound.get("a"), bound.get("axis")
        arr = np.asarray(values)
        if arr.ndim >= 2 and axis is None:
            self.whole = True
        if arr.ndim == 1 and axis in (None, 0, -1):
            self.resamples.append(arr)
        elif arr.ndim == 2 and axis in (1, -1):
            self.resamples.extend(arr)
        elif arr.ndim == 2 and axis in (0, -2):
            self.resamples.extend(arr.T)
        else:
            self.unclear = True
        return self.reduce(*args, **kwargs)


def _is_leave_one_out(values: np.ndarray, x: np.ndarray) -> bool:
    """Is ``values`` x without one of its values, in order (a jackknife sample, which
    scipy.stats.bootstrap's default BCa interval computes besides the resamples)?"""
    if len(values) != len(x) - 1:
        return False
    differ = np.flatnonzero(values != x[:-1])
    i = differ[0] if differ.size else len(x) - 1
    return bool(np.array_equal(values[i:], x[i + 1:]))


def _is_rotation(values: np.ndarray, x: np.ndarray) -> bool:
    """Is ``values`` x rotated, ``np.roll(x, k)`` for some k (x's values are distinct)?"""
    start = np.flatnonzero(x == values[0])
    return start.size == 1 and bool(np.array_equal(values, np.roll(x, -int(start[0]))))


def _check_resamples(recorder: _Recorder, x: np.ndarray, num_resamples: int
                     ) -> np.ndarray | None:
    """Raise Wrong if the recorded resamples are not what a bootstrap draws; return them as
    a ``(num_resamples, len(x))`` matrix of indices into x (None where the learner applied
    statistic in a way the recorder cannot interpret: then the values alone judge)."""
    # statistic(x) itself (the estimate) and jackknife samples (for BCa) are no resamples
    found = [r for r in recorder.resamples
             if not np.array_equal(r, x) and not _is_leave_one_out(r, x)]
    if recorder.unclear or not found:
        return None
    sizes = {len(r) for r in found}
    if sizes == {num_resamples} and len(found) == x.size:
        raise Wrong(f"statistic was applied along the wrong axis: to {x.size} arrays of "
                    f"num_resamples = {num_resamples} values instead of to {num_resamples} "
                    f"resamples of len(x) = {x.size} values; apply it along the axis that "
                    "holds one resample")
    if sizes != {x.size}:
        raise Wrong(f"each resample must hold len(x) = {x.size} values, like the sample "
                    f"itself; yours hold {sorted(sizes)[:3]}")
    # before the count: resamples equal to x (a shift of 0, the identity shuffle) are
    # dropped above as the estimate, so a shuffling answer seems to make too few
    if all(np.array_equal(np.sort(r), np.sort(x)) for r in found):
        if all(_is_rotation(r, x) for r in found):
            raise Wrong("your resamples are rotations of x (np.roll by a random shift): each "
                        "holds every value of x once, so none is drawn with replacement and "
                        "the statistic is that of x every time; draw each resample's len(x) indices "
                        "with replacement, rng.integers(0, len(x), len(x))")
        raise Wrong("no resample repeats a value, so they were drawn without replacement "
                    "(a shuffle of x has the same statistic every time): draw with "
                    "replacement")
    if len(found) != num_resamples:
        raise Wrong(f"statistic was applied to {len(found)} resamples; make exactly "
                    f"num_resamples = {num_resamples} of them")
    resamples = np.array(found)
    if not np.all(np.isin(resamples, x)):
        for dtype in (np.float32, np.float16):
            if np.all(np.isin(resamples, x.astype(dtype))):
                raise Wrong(f"your resamples hold the values of x rounded to {dtype.__name__} "
                            "(did you convert x or the resamples with astype?): the "
                            "conversion loses precision, so the statistic is not computed on "
                            "the data; draw the values of x as they are, in float64")
        raise Wrong("your resamples hold values that are not in x: draw values of x (or "
                    "indices into x), not new random numbers")
    if np.all(resamples == resamples[0]):
        raise Wrong("every resample is the same: draw a new, independent resample each "
                    "time, num_resamples of them")
    order = np.argsort(x)  # the values of x are distinct: map each value to its index
    idx = order[np.searchsorted(x[order], resamples)]
    multisets = np.sort(idx, axis=1)
    counts = np.bincount((np.arange(num_resamples)[:, None] * x.size + idx).ravel(),
                         minlength=num_resamples * x.size).reshape(num_resamples, x.size)
    # each value's count in a resample, less its average over the resamples (1, unless
    # some values are favoured: that is the totals' test below, not a sharing of draws)
    deviations = counts - counts.mean(axis=0)
    spread = np.mean(deviations**2)
    if spread == 0:
        raise Wrong("every resample holds the same values, in another order (shifts of one "
                    "resample, np.roll, or permutations of it), so the statistic does not "
                    "vary: draw each resample afresh, for instance all of them as one "
                    "(num_resamples, len(x)) matrix of indices")
    if np.all(idx == idx[:, :1]):  # one draw per resample, copied len(x) times
        raise Wrong("each of your resamples is one value of x repeated len(x) times: one "
                    "index drawn per resample, not len(x). Draw a (num_resamples, len(x)) "
                    "matrix of indices, a fresh index for every place of every resample")
    # resamples with the same values: before the neighbour tests when most are repeats (a
    # few resamples reused looked like shifts of one resample), after them when few are
    # (windows of one stream repeat a multiset now and then, and those tests name them)
    distinct = len(np.unique(multisets, axis=0))
    repeated = (f"{num_resamples - distinct} of your {num_resamples} resamples hold exactly "
                f"the values of another one (only {distinct} distinct ones: the same "
                "resamples reused, or a generator re-seeded for each chunk?), which "
                "independent resamples practically never do: draw every resample afresh "
                "from rng, seeding nothing yourself")
    if distinct <= num_resamples // 2:
        raise Wrong(repeated)
    for lag in (1, 2, 3):
        # independent resamples: about 0 +- 0.002; resamples b and b + lag sharing a
        # share f of their draws: about f
        shared = np.mean(deviations[:-lag] * deviations[lag:]) / spread
        if shared > 0.05:
            raise Wrong("neighbouring resamples share far more values than independent "
                        "ones do (overlapping windows of one stream of indices, or shifts "
                        "of one resample?): draw each resample afresh, for instance all of "
                        "them as one (num_resamples, len(x)) matrix of indices")
    n = x.size
    for lag in (1, 2, 3):
        # resample b + lag made from resample b by adding one offset to every index (mod n):
        # independent pairs share an offset at about 5 of their n positions, never half
        offsets = (idx[lag:] - idx[:-lag]) % n
        rows = np.arange(len(offsets))[:, None]
        same = np.bincount((rows * n + offsets).ravel(), minlength=len(offsets) * n)
        if same.max() > n // 2:
            raise Wrong("some resamples are shifts of one resample (each index moved by the "
                        "same amount), not independent draws: draw each resample afresh, for "
                        "instance all of them as one (num_resamples, len(x)) matrix of "
                        "indices")
    if distinct < num_resamples:
        raise Wrong(repeated)
    # resample b' = p[resample b] for a fixed one-to-one p (antithetic n - 1 - h, or any
    # fixed permutation of the indices) has b's pattern of repeats: the same positions hold
    # equal values. Coded as, at each position, where its value first occurs in the row;
    # two independent resamples share that pattern with odds below e**-190 (the likeliest
    # pattern, 63 distinct values in 100 draws, has probability 100!/37!/100**100), so even
    # 4,000**2 / 2 pairs give a false alarm far below 1e-9
    rows = np.arange(num_resamples)[:, None]
    first = np.full((num_resamples, n), n)
    np.minimum.at(first, (rows, idx), np.broadcast_to(np.arange(n), idx.shape))
    patterns = first[rows, idx]
    if len(np.unique(patterns, axis=0)) < num_resamples:
        raise Wrong("some resamples are another resample relabelled (each index i replaced "
                    "by the same p[i] throughout, as n - 1 - i does for antithetic pairs): "
                    "they repeat its pattern, so they are not independent draws; draw each "
                    "resample afresh from rng")
    # windows of one stream at a stride s < n: resample b + 1 starts with the last n - s
    # indices of resample b. Independent rows match so at a given s with odds n**-(n - s)
    # <= 1 / n each; more than half of 3,999 rows doing so, for any of the 99 strides, has
    # odds below 99 * 2**3999 * 100**-2000, far below 1e-9
    for stride in range(1, n):
        follows = np.all(idx[1:, :n - stride] == idx[:-1, stride:], axis=1)
        if follows.sum() > (num_resamples - 1) / 2:
            raise Wrong("neighbouring resamples overlap: each starts with the last indices of "
                        "the one before (windows of one stream of indices at a stride below "
                        "len(x)), so they are not independent; draw each resample afresh, for "
                        "instance all of them as one (num_resamples, len(x)) matrix of "
                        "indices")
    expected = num_resamples  # draws of each value of x, if all are equally likely
    totals = counts.sum(axis=0)
    if np.any(totals == 0) or np.any(np.abs(totals - expected) > 6 * np.sqrt(expected)):
        raise Wrong("some values of x are drawn far more or less often than others, or "
                    "never: give every index from 0 to len(x) - 1 the same chance (the high "
                    "end of rng.integers is excluded)")
    return idx


_WHOLE_MATRIX = ("statistic was applied to all the resamples at once, without axis, so it "
                 "gave a single number instead of num_resamples statistics (and the std of "
                 "one number is 0, or NaN with ddof=1): pass axis=1 (axis=0 if each column "
                 "is a resample) to get one statistic per resample")


def _constant_seed(bootstrap_se, x: np.ndarray) -> tuple[str, bool] | None:
    """The seed (as the learner wrote it: ``42``, ``[1, 2]``) that calls with three
    different rngs all gave a generator, if one did (``default_rng(42)`` for half the
    resamples, or ``default_rng(s * i)`` at i = 0): a seed that makes some of every call's
    resamples the same; and whether the calls' other seeds varied (seed arithmetic that
    meets one value at some i, rather than a constant). None if there is no such seed."""
    calls = []
    for seed in (1, 3, 5):
        rng = np.random.default_rng(seed)  # made before the watch: not the learner's
        try:
            with watch_seeding(bootstrap_se) as seen:
                _quiet_call(bootstrap_se, x.copy(), np.median, 200, rng)
        except Wrong:
            return None
        calls.append({tuple(group) for group in seen.groups})
    common = set.intersection(*calls)
    if not common:
        return None
    group = min(common)
    shown = str(group[0]) if len(group) == 1 else str(list(group))
    return shown, any(groups != common for groups in calls)


def _watched_seeds(bootstrap_se, x: np.ndarray) -> None:
    """Wrong if, at run time (:func:`~helpers.checks._seeding.watch_seeding`, Day 2's way:
    any spelling of the constructor, ``map(np.random.default_rng, seeds)`` or an alias
    included), the generators that calls with different rngs make have seeds varying from
    call to call by ``SEED_BITS`` bits or fewer (the course's rule,
    :func:`~helpers.checks._seeding.child_seed_hint`: ``rng.integers(2**32)``, bare, shifted
    or scaled). Seed arithmetic on such a base (a constant step, or a base's digits followed
    by a counter's) is named as such; on a base drawn wide from rng (``s =
    rng.integers(2**63)``, then ``default_rng(s + i)``) it passes, as the course's seed
    policy says: the seeds of one call are distinct, and calls' seeds coincide with odds
    about 2**-60. Calls with 200 and 400 resamples (multiples of the chunk sizes answers
    use); an answer that fails at those sizes only is left to the checks above (4,000)."""
    try:
        hint = child_seed_hint(bootstrap_se, lambda rng: _quiet_call(
            bootstrap_se, x.copy(), np.median, 200, rng), "resamples")
        if hint is None:
            return
        # named as such: no more to find
        hashed = hint in (hashed_seed_hint("resamples"), scrambled_seed_hint("resamples"))
        if not hashed:
            rng = np.random.default_rng(5)  # made before the watch: not the learner's
            with watch_seeding(bootstrap_se) as seen:
                _quiet_call(bootstrap_se, x.copy(), np.median, 400, rng)
    except Wrong:
        return
    if hashed:
        raise Wrong(hint)
    narrow = (f" (and your base varies by {SEED_BITS} bits or fewer from call to call, so "
              "such bases are common)")
    seeds = seen.seeds
    if len(seeds) > 1 and constant_step(seeds) == seeds[0]:  # base * i, i = 1, 2, ...
        shown = ", ".join(str(s) for s in seeds[:3])
        raise Wrong(f"your function seeds a generator per resample with base * i (seeds "
                    f"{shown}, ...): two calls whose bases share a factor share draws"
                    f"{narrow}; draw everything from rng (or one child: rng.spawn(1)[0])")
    runs = watched_seeds(bootstrap_se, lambda rng: _quiet_call(
        bootstrap_se, x.copy(), np.median, 400, rng))  # how much the base varies by run
    arithmetic = arithmetic_seeds_hint(seeds, "resample", runs=runs)
    if arithmetic is not None:  # named, with what makes it collide: a narrow base
        hint = arithmetic.replace("; draw everything", f"{narrow}; draw everything", 1)
    raise Wrong(hint)


@exercise_check
def check_bootstrap_se(bootstrap_se) -> str:
    """``bootstrap_se(x, statistic, num_resamples, rng)``: the bootstrap SE of a statistic.

    Examples
    --------
    >>> check_bootstrap_se(lambda x, statistic, num_resamples, rng: x.std() / len(x) ** 0.5)
    ✗ Not yet: that is the formula standard error of the mean, std / sqrt(n), computed from x
      itself: your function did not resample (nor use statistic). Estimate it by the bootstrap:
      the spread of statistic over num_resamples resamples of x drawn with replacement from rng
    """
    x = _bootstrap_data()
    num = 4_000
    results, drawn = {}, {}

    def run(reduce, seed, data=x):
        recorder = _Recorder(reduce)
        got = number(_quiet_call(bootstrap_se, data.copy(), recorder, num,
                                 np.random.default_rng(seed)), "bootstrap_se(...)")
        if recorder.whole and (math.isnan(got) or got == 0):
            raise Wrong(_WHOLE_MATRIX)
        return got, _check_resamples(recorder, data, num)

    for name, reduce, seed in (("median", np.median, 1), ("mean", np.mean, 2)):
        got, drawn[seed] = run(reduce, seed)
        ideal = _ideal_bootstrap_se()  # after the first call: a placeholder costs nothing
        results[name] = got
        # the formula SE of the mean; a bootstrap's Monte Carlo value is never within 1e-9
        if any(math.isclose(got, x.std(ddof=ddof) / math.sqrt(x.size), rel_tol=1e-9)
               for ddof in (0, 1)):
            raise Wrong("that is the formula standard error of the mean, std / sqrt(n), "
                        "computed from x itself: your function did not resample (nor use "
                        "statistic). Estimate it by the bootstrap: the spread of statistic "
                        "over num_resamples resamples of x drawn with replacement from rng")
        if math.isnan(got):
            raise Wrong("your answer is NaN (not a number): the std (ddof=1) of a single "
                        "value gives NaN, and so does the square root of a negative number; "
                        "take the standard deviation of the num_resamples statistics")
        if got < 1e-9 * ideal[name]:
            raise Wrong("your resamples all give the same statistic, so their spread is 0: "
                        "draw each resample independently, with replacement")
        if _close(got, ideal[name], 0.1):
            continue
        others = {"mean": "median", "median": "mean"}
        if _close(got, ideal[others[name]], 0.1):
            raise Wrong(f"with statistic=np.{name} your answer is the bootstrap SE of the "
                        f"{others[name]}: apply statistic to each resample")
        if _close(got * math.sqrt(num), ideal[name], 0.1):
            raise Wrong("that is smaller by a factor sqrt(num_resamples): the bootstrap SE is "
                        "the standard deviation of the resampled statistics, not the "
                        "standard error of their average")
        if _close(got, ideal[name] ** 2, 0.2):
            raise Wrong("that looks like a variance: the standard error is the standard "
                        "deviation of the resampled statistics")
        raise Wrong(f"with statistic=np.{name} your standard error is {got:.3g}, more than "
                    f"10% from the bootstrap's: the std of statistic over resamples of x "
                    f"drawn with replacement")
    # the offset moves every statistic, not their spread; the one-pass formula loses it
    shifted, _ = run(np.median, 4, LARGE_OFFSET + x)
    if math.isnan(shifted) or not _close(shifted, _ideal_bootstrap_se()["median"], 0.1):
        raise Wrong("right near 0 but wrong on the same data shifted by 1e9: mean(s**2) - "
                    "mean(s)**2 (the one-pass formula) subtracts two numbers near 1e18 and "
                    "loses every digit (it can even turn negative, hence NaN), as float32 "
                    "arithmetic would; take the std of the statistics with np.std in float64, "
                    "which subtracts the mean before squaring")
    again, _ = run(np.median, 1)
    if again != results["median"]:
        raise Wrong("two calls with the same seed gave different results: draw every "
                    "resample from the rng you were given, nothing else")
    other, drawn[3] = run(np.median, 3)
    if other == results["median"]:
        raise Wrong("your result does not change with the rng: draw the resamples from the "
                    "rng argument")
    # a copy of rng (deepcopy, its state, a jumped generator) gives a result that depends
    # on rng, yet leaves rng where it was: the caller's next call repeats these resamples
    if not rng_advanced(lambda rng: _quiet_call(bootstrap_se, x.copy(), np.median, 200, rng)):
        raise Wrong(NOT_ADVANCED_HINT)
    keys = {seed: {row.tobytes() for row in np.sort(idx, axis=1)}
            for seed, idx in drawn.items() if idx is not None}
    if any(keys[a] & keys[b] for a in keys for b in keys if a < b):
        found = _constant_seed(bootstrap_se, x)
        if found is not None and found[1]:  # s * i at i = 0, s % k, ...: one seed recurs
            raise Wrong(f"calls with different rngs drew some of the same resamples: among "
                        f"the seeds your function computes, one ({found[0]}) comes out the "
                        "same in every call, whatever rng it is given (seed arithmetic such "
                        "as seed * i gives 0 at i = 0), so its resamples repeat from call to "
                        "call; draw every resample from rng itself (or from children made "
                        "by rng.spawn)")
        if found is not None:
            raise Wrong(f"calls with different rngs drew some of the same resamples: your "
                        f"function seeds a generator with the same seed ({found[0]}) in "
                        "every call, whatever rng it is given, so those resamples repeat "
                        "from call to call; draw every resample from rng itself")
        raise Wrong("calls with different rngs drew some of the same resamples, so yours "
                    "do not come from rng alone: seeds computed by arithmetic (seed + i, "
                    "seed * i, int(f\"{seed}{i}\"), ...) collide. Draw every resample from "
                    "rng itself (or make independent child generators with rng.spawn)")
    _watched_seeds(bootstrap_se, x)  # what the source hides: a constructor called by map, ...
    # a narrow seed scrambled (hash(str(s)), s * K, s**2) looks wide to the watch; the seeds
    # handed to torch's manual_seed are compared too (a 63-bit seed keeps 32 bits there)
    if narrow_when_scrambled(lambda rng: _quiet_call(bootstrap_se, x.copy(), np.median, 200,
                                                     rng), func=bootstrap_se):
        raise Wrong(f"your result depends on rng only through a seed of {SEED_BITS} bits or "
                    "fewer drawn from it (rng.integers(2**32), hashed, multiplied or not, is "
                    "still one of 2**32 seeds), so over many runs the same resamples come "
                    "back (the birthday bound); draw the resamples from rng itself (a child "
                    "generator, if you want one, from rng.spawn(1)[0])")
    return ("resamples of len(x) values, drawn with replacement from the rng given; the "
            "SE of the median and of the mean within 10% of the ideal bootstrap's.")
