"""Checks for Day 1's exercises (seeding and reproducibility); see :mod:`helpers.exercises`.

Each check recognizes the common mistakes and hints at them without giving the answer.
Statistical checks run on fixed seeds with bounds of five standard errors (or a chi-square
quantile of the same rarity, corrected for the number of tests): a right answer fails one
such test with odds below one in a million, and a whole check (``check_noisy_copy`` runs
about 20 of them) with odds of about one in 100,000 at most. Since the seeds are fixed, a
verdict never changes from one run to the next (``check_rng_checkpoint``'s last test loads
generators new to each call, at no risk: a right answer restores any state exactly).
What a check knowingly accepts is in its docstring (``check_roll_die``: a die's bias below
about 1.5% of 1/6 may pass).

:func:`helpers.exercises.call` already rejects, for every check, an answer that draws from
the legacy global ``np.random`` state or changes an array argument in place.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import itertools
import json
import math
import types
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np

from helpers.checks._entropy import first_draw_pairs, generator_with_first
from helpers.checks._forked import ForkedError, in_fork
from helpers.checks._seeding import (
    SEED_BITS,
    child_seed_hint,
    entropy_int,
    is_int,
    lcg_distance,
    node_draws,
    small_seeds_hint,
    spawn_tip,
    watch_seeding,
    weakest_seed_bits,
)
from helpers.exercises import NotAttempted, Wrong, a_type, call, exercise_check

# ------------------------------------------------------------ All exercises: child seeds

#: Seeds drawn from fewer values than this collide over many runs (the birthday bound):
#: Exercise 3 rejects workers seeded only with integers below it, and every exercise
#: generators whose seeds vary from run to run by ``SEED_BITS`` bits or fewer
#: (:func:`~helpers.checks._seeding.weakest_seed_bits`), however they are shifted, scaled or
#: wrapped in a list. One rule, shared with Days 2 and 3 (:mod:`helpers.checks._seeding`).
_SMALL_SEED_BOUND = 2**SEED_BITS


def _all_small(seeds: list[int]) -> bool:
    """Whether there are integer seeds and every one is below ``_SMALL_SEED_BOUND``."""
    return bool(seeds) and max(seeds) < _SMALL_SEED_BOUND


def _no_small_child_seeds(func: object, args: tuple, what: str) -> None:
    """Wrong if ``func(*args, rng)`` seeds new generators with seeds that vary from call to
    call by ``SEED_BITS`` bits or fewer (:func:`~helpers.checks._seeding.child_seed_hint`):
    a child generator re-seeded with ``rng.integers(2**40)`` or less, bare or wrapped in a
    list (``[k]`` and ``[k, 0]`` are the seed k: SeedSequence pads with zeros), the rule
    :func:`check_worker_rngs` applies to workers' seeds. A 48-bit or 63-bit seed or a list
    of four 32-bit words drawn from rng passes, as in Exercise 3; a spawned child, ``rng``
    itself and a generator with a constant seed (``default_rng(0)``, for something else
    than the draws: judged by behaviour) seed nothing that varies."""
    hint = child_seed_hint(func, lambda rng: call(func, *args, rng), what)
    if hint:
        raise Wrong(hint)


def _spawn_tip(func: object, args: tuple) -> str:
    """The one-line tip (:func:`~helpers.checks._seeding.spawn_tip`) that ends a right
    answer's verdict when one call of ``func(*args, rng)`` seeds its generators with
    arithmetic on a base (drawn wide from rng: the narrow ones were rejected before), else
    ""."""
    rng = np.random.default_rng(9)  # made before the watch: not the learner's
    with watch_seeding(func) as seen:
        call(func, *args, rng)
    return spawn_tip(seen.seeds)

# ----------------------------------------------------------------------- Exercise 1

_GRID = (200, 100)  # the large x that noisy_copy's noise is judged on
_SCALE = 0.5
_WIDE_SCALE = 2.0  # a second scale the noise's spread is judged at
_TINY_SCALE = 1e-8  # a scale at which any rounding of x shows
_SMALL_CALLS = 400  # calls with a 1-element and a 2-element x
_WITHIN_ONE_SD = 0.6827  # P(|Z| < 1) for a standard normal Z
_REPEAT_CALLS = 2_000  # generators whose copies of a 4-element x may not repeat each other


def _array(value: object, name: str) -> np.ndarray:
    """``np.asarray(value)``, or :class:`Wrong` if the learner's value is not array-like."""
    try:
        out = np.asarray(value)
    except (TypeError, ValueError):
        out = None
    if out is None or out.dtype == object:
        raise Wrong(f"{name} should return one array of numbers, got {a_type(value)} that "
                    "is not one")
    return out


def _numpy_array(value: object, what: str) -> None:
    """:class:`Wrong` if the learner returned a list, tuple or other sequence (a PyTorch
    tensor, a pandas Series) where the prompt asks for a NumPy array; a single number is
    left to the shape checks, which say how many values the array should hold.

    >>> _numpy_array([1, 2], "rolls")
    Traceback (most recent call last):
    ...
    helpers.exercises.Wrong: return a NumPy array (np.array(...) of your rolls), not a list/tuple
    """
    if isinstance(value, np.ndarray) or np.ndim(value) == 0:
        return
    kind = "a list/tuple" if isinstance(value, list | tuple) else a_type(value)
    raise Wrong(f"return a NumPy array (np.array(...) of your {what}), not {kind}")


def _copy_of(value: object, x: np.ndarray) -> np.ndarray:
    """The learner's copy of ``x`` as a float array of x's shape with finite values."""
    out = _array(value, "noisy_copy")
    _numpy_array(value, "copy")
    if out.shape != x.shape:
        raise Wrong(f"for an x of shape {x.shape} the copy has shape {out.shape}: return an "
                    "array of x's shape, whatever that shape is")
    if out.dtype.kind not in "iuf":
        raise Wrong(f"the copy should hold numbers, got dtype {out.dtype}")
    out = out.astype(float)
    if not np.all(np.isfinite(out)):
        raise Wrong(f"for an x of shape {x.shape} your copy holds NaN or infinite values: "
                    "is the noise divided by something that can be 0 (its own standard "
                    "deviation?)")
    return out


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    """The correlation of two samples (0 when one of them is constant)."""
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return 0.0
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def _normal_like(noise: np.ndarray, scale: float, where: str) -> None:
    """Wrong unless ``noise`` (independent draws) has mean 0, sd ``scale`` and a normal shape."""
    n = noise.size
    if abs(noise.mean()) > 5 * scale / np.sqrt(n):
        raise Wrong(f"the noise{where} should average 0; yours averages {noise.mean():.3f}")
    sd = noise.std()
    if abs(sd - scale) > 5 * scale / np.sqrt(2 * n):
        hint = ""
        if abs(sd - scale**2) < 0.1 * scale**2 or abs(sd - np.sqrt(scale)) < 0.1 * scale:
            hint = " (scale is the standard deviation, not the variance)"
        raise Wrong(f"with scale={scale} the noise{where} should have standard deviation "
                    f"{scale}; yours has {sd:.3f}{hint}")
    within = np.mean(np.abs(noise) < scale)
    if abs(within - _WITHIN_ONE_SD) > 5 * np.sqrt(_WITHIN_ONE_SD * (1 - _WITHIN_ONE_SD) / n):
        raise Wrong(f"the noise{where} has the right spread but not the normal (Gaussian) "
                    "shape")


def _forced(noise: np.ndarray, scale: float) -> str:
    """What the learner forced the noise's sample to have exactly, if anything."""
    tiny = 1e-10 * scale  # real noise comes this close with odds below one in a billion
    forced = [what for what, off in (("mean exactly 0", abs(noise.mean())),
                                     (f"standard deviation exactly {scale}",
                                      abs(noise.std() - scale))) if off < tiny]
    return " and ".join(forced)


def _no_repeats(noisy_copy: object) -> None:
    """Wrong if two of ``_REPEAT_CALLS`` generators (seeds 100,000, 100,001, ...) give
    exactly the same noise on a 4-element x, while the noise is not merely discrete: the
    noise then comes from one of a few streams (a generator re-seeded with a small integer
    drawn from rng). Real draws repeat with odds below one in 2**100.

    Detection limit: such a child seed is caught here only when it repeats among the
    ``_REPEAT_CALLS`` generators, so a child seed from fewer than about 10**6 values is
    caught (``rng.integers(2**20)`` is); larger ones below 2**40 (``rng.integers(2**24)``)
    are caught by :func:`_no_small_child_seeds`, which reads the seed itself."""
    x = np.array([0.25, -2.0, 7.5, -0.75])
    noises = np.array([_copy_of(call(noisy_copy, x, _SCALE, np.random.default_rng(
        100_000 + k)), x) - x for k in range(_REPEAT_CALLS)])
    distinct, first = np.unique(noises, axis=0, return_index=True)
    if len(distinct) == _REPEAT_CALLS or np.unique(distinct).size < 2 * len(distinct):
        return  # no repeat, or noise with few values (judged by the tests that follow)
    repeated = next(k for k in range(_REPEAT_CALLS) if k not in set(first.tolist()))
    earlier = int(np.flatnonzero(np.all(noises[:repeated] == noises[repeated], axis=1))[0])
    raise Wrong(f"generators made from the seeds {100_000 + earlier:,} and "
                f"{100_000 + repeated:,} gave exactly the same noise (only "
                f"{len(distinct):,} different noises from {_REPEAT_CALLS:,} generators): is "
                "the noise drawn from a new generator seeded with a number drawn from rng, "
                "such as rng.integers(1000)? Such a seed takes few values, so runs with "
                "different seeds share their noise. Draw the noise from rng itself")


#: Noise values of one call on a zero grid of _GRID's 20,000 elements that may equal an
#: earlier value of the call exactly. Float64 normal draws essentially never repeat
#: (expected repeats about 1e-10); float32 ones (rng.standard_normal(dtype=np.float32), or a
#: float32 copy) repeat about 2.8 times (300 grids measured: mean 2.8, at most 9). More
#: than 30 repeats has a false-alarm probability below 1e-12 even at twice that mean
#: (Poisson tail). A pool of m precomputed values gives about 20,000**2 / (2 m) repeats:
#: 3,500 for m = 50,000, 200 for 10**6; pools above about 7 million values pass, knowingly.
_MAX_REPEATS = 30


def _no_pool(noisy_copy: object) -> None:
    """Wrong if the noise of one call on a zero grid repeats values exactly more than
    ``_MAX_REPEATS`` times while taking many values (not merely discrete noise, which the
    shape tests judge): noise picked with rng from a fixed pool of precomputed values
    (``rng.choice(POOL, x.shape)``, the pool made once or inside the call from a
    constant-seeded generator), which repeats its values and is not N(0, scale**2) draws."""
    zeros = np.zeros(_GRID)
    value = call(noisy_copy, zeros, 1.0, np.random.default_rng(7))
    noise = _copy_of(value, zeros).ravel()
    kind = np.asarray(value).dtype
    if kind.kind != "f" or np.finfo(kind).nmant < np.finfo(np.float32).nmant:
        return  # a float16 or integer copy repeats by its precision: judged further on
    distinct = np.unique(noise).size
    repeats = noise.size - distinct
    if repeats > _MAX_REPEATS and distinct > 1000:
        raise Wrong(f"{repeats:,} of your {noise.size:,} noise values repeat an earlier one "
                    f"exactly (only {distinct:,} different values), and normal draws "
                    "practically never repeat: is the noise picked from a fixed pool of "
                    "precomputed values (rng.choice of a table, or noise rounded)? Reusing a "
                    "pool repeats noise values across elements and runs; draw fresh noise "
                    "from rng for every element")


@exercise_check
def check_noisy_copy(noisy_copy: object) -> str:
    """Exercise 1: ``noisy_copy(x, scale, rng)`` adds N(0, scale**2) noise drawn from ``rng``.

    The noise is judged as ``copy - x`` on an x of signed, non-integer values (so an answer
    that leaves x out, scales it or rounds it shows), for the independence of its elements
    along both axes, its distribution, its spread at a second scale and at a tiny one (a copy
    within ``10 * _TINY_SCALE`` of x, give or take float32 precision: rounding x to 5 or
    fewer decimals, or a float16 copy, shows), and on 1- and 2-element x
    over many generators; and
    no two of ``_REPEAT_CALLS`` generators may give the same noise (a child generator
    re-seeded with a small integer drawn from rng, fewer than about 10**6 values), and no
    child generator's seeds may vary by 40 bits or fewer (below 2**40: the rule of Exercise
    3; a 48-bit or 63-bit seed drawn from rng passes). The
    shape test measures the share of
    noise within one scale of 0: an approximate normal as close as the sum of 12 uniforms
    minus 6 passes it, knowingly.

    Examples
    --------
    >>> def noisy_copy(x, scale, rng):
    ...     return x + scale * rng.standard_normal(x.shape)
    >>> check_noisy_copy.verdict(noisy_copy)[0]
    'correct'
    >>> check_noisy_copy(lambda x, scale, rng: x + scale * rng.standard_normal())
    ✗ Not yet: every element got the same noise: draw one value for each element of x
    >>> check_noisy_copy(lambda x, scale, rng: scale * rng.standard_normal(x.shape))
    ✗ Not yet: your copy does not follow x (it looks like the noise alone): return x plus the
      noise, element by element
    """
    x = np.array([0.5, -1.25, 3.0, 10.0])
    first = _copy_of(call(noisy_copy, x, 0.1, np.random.default_rng(0)), x)
    if np.array_equal(first, x):
        raise Wrong("the copy equals x: no noise was added")
    again = _copy_of(call(noisy_copy, x, 0.1, np.random.default_rng(0)), x)
    if not np.array_equal(first, again):
        raise Wrong("two generators made from the same seed gave different copies: draw the "
                    "noise from the rng argument only")
    other = _copy_of(call(noisy_copy, x, 0.1, np.random.default_rng(1)), x)
    if np.array_equal(first, other):
        raise Wrong("generators with different seeds gave the same copy: draw the noise from "
                    "the rng argument, not from a generator made inside the function")
    rng = np.random.default_rng(0)
    if np.array_equal(_copy_of(call(noisy_copy, x, 0.1, rng), x),
                      _copy_of(call(noisy_copy, x, 0.1, rng), x)):
        raise Wrong("calling noisy_copy twice with one rng gave the same copy twice: draw "
                    "from rng itself, so that it moves on, instead of drawing from a copy "
                    "of it or from a new generator")
    _no_repeats(noisy_copy)
    _no_small_child_seeds(noisy_copy, (x, 0.1), "noise values")
    # x: signed, non-integer values of many sizes, so that x itself must be in the copy.
    base = np.random.default_rng(12345).uniform(-50, 50, _GRID)
    rows, cols, scale = *_GRID, _SCALE
    out = _copy_of(call(noisy_copy, base, scale, np.random.default_rng(2)), base)
    noise = out - base
    flat, n = noise.ravel(), noise.size
    if np.ptp(noise) < 1e-3 * scale:  # exactly equal, but for rounding x + noise - x
        raise Wrong("every element got the same noise: draw one value for each element of x")
    if abs(_corr(out, base)) < 0.5 and abs(out.std() - scale) < 0.5 * scale:
        raise Wrong("your copy does not follow x (it looks like the noise alone): return x "
                    "plus the noise, element by element")
    # The noise's spread may not depend on x: compare where |x| is small and where it is large
    # (log of a ratio of two variances of n / 2 normal draws: standard error sqrt(8 / n)).
    large = np.abs(base) > np.median(np.abs(base))
    if abs(np.log(noise[large].var() / noise[~large].var())) > 5 * np.sqrt(8 / n):
        raise Wrong("the noise is larger where |x| is larger (multiplied by x?): the noise's "
                    "standard deviation is scale for every element, whatever x is, and the "
                    "noise is added to x")
    if np.all(np.diff(flat) >= 0) or np.all(np.diff(flat) <= 0):
        raise Wrong("your noise is sorted: every element of x needs its own independent draw, "
                    "in the order drawn")
    # No row or column of noise repeats another; and the means of the columns (over rows)
    # and of the rows (over columns) vary as much as means of independent draws do (ratio
    # 1): noise alike along a row or a column makes one of them too variable, noise that
    # cancels out (antithetic halves) too steady.
    rounded = np.round(noise / scale, 6)  # x + noise - x is noise up to rounding
    for axis, name in ((0, "rows"), (1, "columns")):
        if np.unique(rounded, axis=axis).shape[axis] < noise.shape[axis]:
            raise Wrong(f"the same noise repeats across the {name} of x: every element of x "
                        "needs its own independent draw")
    dependent = False
    for axis, count in ((0, rows), (1, cols)):
        ratio = noise.mean(axis=axis).var() * count / noise.var()
        dependent |= abs(ratio - 1) > 5 * np.sqrt(2 / noise.shape[1 - axis])
    lag1 = _corr(flat[:-1], flat[1:])
    if dependent or abs(lag1) > 5 / np.sqrt(n):
        raise Wrong("the noise values depend on each other: every element of x needs its own "
                    "independent draw")
    _no_pool(noisy_copy)
    # copy - x from two generators: the two noises are independent, unless part of them does
    # not come from the generator (x left out or changed, a fixed pattern).
    other_noise = _copy_of(call(noisy_copy, base, scale, np.random.default_rng(3)), base) - base
    if abs(_corr(noise, other_noise)) > 5 / np.sqrt(n):
        raise Wrong("the copy minus x should be noise drawn from rng, but part of it is the same "
                    "whatever the generator (is x left out, scaled, rounded or converted to "
                    "integers?): return x plus the noise, element by element")
    forced = _forced(flat, scale)
    if forced:
        raise Wrong(f"your noise has {forced}: forcing the sample's mean or standard deviation "
                    "(centring or standardizing the draws) ties the draws to each other. Leave "
                    "the draws as they come: their sample mean and sd vary from call to call")
    _normal_like(flat, scale, "")
    # A second scale, so that noise whose spread ignores scale (or only matches it at
    # _SCALE, such as sqrt(scale / 2)) shows.
    wide = _copy_of(call(noisy_copy, base, _WIDE_SCALE, np.random.default_rng(6)), base) - base
    if abs(wide.std() - _WIDE_SCALE) > 5 * _WIDE_SCALE / np.sqrt(2 * n):
        same = abs(wide.std() - flat.std()) < 0.1 * scale
        hint = (f" (the same as with scale={scale}: does the noise use scale?)" if same else
                " (the noise's standard deviation must equal scale, for every scale)")
        raise Wrong(f"with scale={_WIDE_SCALE} the noise should have standard deviation "
                    f"{_WIDE_SCALE}; yours has {wide.std():.3f}{hint}")
    # One and two elements, over many generators: standardized or centred draws show here.
    one, two = np.array([2.5]), np.array([-1.0, 4.0])
    ones = np.array([_copy_of(call(noisy_copy, one, scale, np.random.default_rng(100 + k)), one)
                     - one for k in range(_SMALL_CALLS)]).ravel()
    if np.all(ones == 0):
        raise Wrong("for an x of one element your copy equals x: no noise was added (did you "
                    "subtract the noise's mean?)")
    _normal_like(ones, scale, " for an x of one element")
    twos = np.array([_copy_of(call(noisy_copy, two, scale, np.random.default_rng(5_000 + k)),
                              two) - two for k in range(_SMALL_CALLS)])
    r = _corr(twos[:, 0], twos[:, 1])
    if abs(r) > 5 / np.sqrt(_SMALL_CALLS):
        hint = " (did you centre or standardize the draws?)" if r < -0.5 else ""
        raise Wrong(f"for an x of two elements the two noise values are tied to each other "
                    f"(correlation {r:.2f} over {_SMALL_CALLS:,} generators): every element of "
                    f"x needs its own independent draw{hint}")
    for j in range(2):
        _normal_like(twos[:, j], scale, " for an x of two elements")
    # A tiny scale: the copy must stay within a few times scale of x, give or take float32
    # precision (a float32 copy is allowed), which rounding x (np.round(x, 1)) or a float16
    # copy breaks.
    tiny = _copy_of(call(noisy_copy, base, _TINY_SCALE, np.random.default_rng(7)), base) - base
    if np.any(np.abs(tiny) > 10 * _TINY_SCALE + np.abs(base) * 2.0**-23):
        raise Wrong(f"with scale={_TINY_SCALE:g} your copy is up to {np.abs(tiny).max():.2g} "
                    "from x, far more than the noise: is x rounded, or converted to a low "
                    "precision (float16)? Return x, as given, plus the noise")
    return ("noisy_copy adds independent N(0, scale²) noise of x's shape to x, drawn from rng "
            "alone (whatever x's size), and leaves x unchanged."
            + _spawn_tip(noisy_copy, (np.zeros((4, 3)), scale)))


# ----------------------------------------------------------------------- Exercise 2

#: Exercise 2 judges ``roll_die(NUM_ROLLS, rng)``: enough rolls to see a biased face.
NUM_ROLLS = 60_000

# Chi-square quantiles (scipy.stats.chi2): the upper and lower 1e-6 tails with 5 degrees of
# freedom (six faces), and for the 6 x 6 table of (roll t, roll t + lag) at every lag with
# at least _MIN_PAIRS pairs, the upper tail 1e-6 / 57,000 with 25 degrees of freedom (a
# test of independence; Bonferroni over the lags).
_CHI2_FACES = 35.89
_CHI2_FACES_LOW = 0.0129
_CHI2_LAGS = 103.4
_MIN_PAIRS = 3_000
_REPEAT_SEEDS = 2_000  # generators whose first rolls may not repeat each other
_REPEAT_ROLLS = 60
_MANY_ROLLS = 1_200_000  # rolls whose face counts show a face off by 2% of 1/6 or more


def _rolls(value: object, num_rolls: int) -> np.ndarray:
    """The learner's rolls as an integer array of shape ``(num_rolls,)``, else :class:`Wrong`."""
    rolls = _array(value, "roll_die")
    if rolls.dtype.kind == "f" and np.all(np.isfinite(rolls)) and np.all(rolls % 1 == 0):
        raise Wrong(f"your rolls are whole numbers stored as floats (dtype {rolls.dtype}): "
                    "return an integer array, as a Generator method for integers does")
    if rolls.dtype.kind not in "iu":
        raise Wrong(f"rolls should be whole numbers in an integer array, got dtype "
                    f"{rolls.dtype}")
    if rolls.shape != (num_rolls,):
        raise Wrong(f"roll_die({num_rolls:,}, rng) should return {num_rolls:,} rolls as a 1-D "
                    f"array; yours has shape {rolls.shape}")
    return rolls.astype(np.int64)


def _dependent_lag(rolls: np.ndarray) -> int | None:
    """A lag whose pairs (roll t, roll t + lag) depend on each other, by the chi-square
    statistic of independence of their 6 x 6 table (25 degrees of freedom), or None: the
    shortest of the lags whose statistic comes within 10% of the largest (rolls that repeat
    a block show a little dependence at every lag, and most at the block's length).

    Every lag with at least ``_MIN_PAIRS`` pairs is tested at once: the tables are the
    cross-correlations of the faces' indicator sequences, computed with FFTs.
    """
    n = rolls.size
    indicators = (rolls[None, :] == np.arange(1, 7)[:, None]).astype(float)  # (6, n)
    size = 1 << (2 * n - 1).bit_length()
    spectra = np.fft.rfft(indicators, size)
    lags = np.arange(1, n - _MIN_PAIRS + 1)
    # counts[f, g, k]: rolls t with face f + 1 followed lags[k] rolls later by face g + 1
    counts = np.rint(np.fft.irfft(np.conj(spectra)[:, None] * spectra[None], size)[
        :, :, 1:lags.size + 1])
    cumulative = np.concatenate([np.zeros((6, 1)), np.cumsum(indicators, axis=1)], axis=1)
    pairs = n - lags
    first = cumulative[:, pairs]  # faces among rolls 0 .. n - lag - 1
    second = cumulative[:, -1:] - cumulative[:, lags]  # faces among rolls lag .. n - 1
    # sum (O - E)^2 / E with E = first * second / pairs equals pairs * sum O^2 / E' - pairs
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = counts**2 / (first[:, None] * second[None])  # 0 / 0 where a face is absent
    stats = pairs * np.where(np.isfinite(terms), terms, 0).sum(axis=(0, 1)) - pairs
    if stats.max() <= _CHI2_LAGS:
        return None
    return int(lags[np.flatnonzero(stats >= 0.9 * stats.max())[0]])


def _block_length(rolls: np.ndarray) -> int | None:
    """The length p of the block that ``rolls`` repeat (``rolls[t + p] == rolls[t]`` for
    every t; np.tile or np.resize of p draws, the last copy possibly cut short) when it is
    2 to ``len(rolls) // 2``, else None. Independent rolls repeat a block of p with odds
    6**-(n - p): never, for n in the thousands. The shortest period, from the prefix
    function (Knuth-Morris-Pratt), in one pass."""
    seq = rolls.tolist()
    n = len(seq)
    prefix = [0] * n
    k = 0
    for i in range(1, n):
        while k and seq[i] != seq[k]:
            k = prefix[k - 1]
        if seq[i] == seq[k]:
            k += 1
        prefix[i] = k
    period = n - prefix[-1] if n else 0
    return period if 2 <= period <= n // 2 else None


def _block_hint(block: int) -> str:
    return (f"your rolls repeat one block of {block:,} rolls (roll number t + {block:,} is "
            "always roll number t: np.tile or np.resize of fewer draws than num_rolls?): "
            "every roll must be drawn independently")


def _no_mirrored_pairs(*calls: np.ndarray) -> None:
    """Wrong if, in every one of ``calls`` (two calls of NUM_ROLLS rolls, other seeds), face
    k comes up exactly as often as face 7 - k for all three pairs (1 and 6, 2 and 5, 3 and
    4): antithetic rolls, r and 7 - r, shuffled to hide the pattern (the lag test misses
    them). False-alarm rate for a fair die: with m rolls on a pair, its two counts are equal
    with odds C(m, m/2) / 2**m; summed over the multinomial split of 60,000 rolls between
    the pairs, all three pairs are equal in one call with odds 4.5e-8 (checked by simulation
    at 60 rolls: 0.00140 exact, 0.00136 in 2,000,000 draws), in both calls 2.0e-15."""
    counts = [np.bincount(rolls, minlength=7)[1:] for rolls in calls]
    if all(np.array_equal(c, c[::-1]) for c in counts):
        c = counts[0]
        raise Wrong(f"the rolls come in pairs, each fixed by another: in {len(calls)} calls "
                    "face k came up exactly as often as face 7 - k, for every k (faces 1 and "
                    f"6: {c[0]:,} times each), which fair rolls do with odds of about 2e-15. "
                    "Antithetic rolls r and 7 - r, shuffled? Draw every roll independently")


def _no_repeated_rolls(roll_die: object) -> None:
    """Wrong if two of ``_REPEAT_SEEDS`` generators (seeds 0, 1, 2, ...) give the same
    ``_REPEAT_ROLLS`` rolls: the rolls then come from one of a few streams (a generator
    re-seeded with a small integer drawn from rng). Fair rolls repeat with odds below 2**-130.

    Detection limit: such a child seed is caught here only when it repeats among the
    ``_REPEAT_SEEDS`` generators, so a child seed from fewer than about 10**6 values is
    caught (``rng.integers(10**5)`` is); larger ones below 2**40 (``rng.integers(10**7)``)
    are caught by :func:`_no_small_child_seeds`, which reads the seed itself."""
    seen: dict[bytes, int] = {}
    for seed in range(_REPEAT_SEEDS):
        rolls = _rolls(call(roll_die, _REPEAT_ROLLS, np.random.default_rng(seed)),
                       _REPEAT_ROLLS)
        earlier = seen.setdefault(rolls.tobytes(), seed)
        if earlier != seed:
            raise Wrong(f"generators made from the seeds {earlier} and {seed} gave exactly the "
                        f"same {_REPEAT_ROLLS} rolls: are the rolls drawn from a new generator "
                        "seeded with a number drawn from rng, such as rng.integers(1000)? Such "
                        "a seed takes few values, so runs with different seeds share their "
                        "rolls. Draw the rolls from rng itself")


@exercise_check
def check_roll_die(roll_die: object) -> str:
    """Exercise 2: ``roll_die(num_rolls, rng)`` rolls a fair six-sided die with ``rng``.

    Besides faces, dtype and reproducibility: the face counts are neither too uneven nor too
    even (a chi-square on both tails), and rolls are independent of the rolls any number of
    places before them (a chi-square of independence at every lag). No two of
    ``_REPEAT_SEEDS`` generators may give the same first rolls (a child generator re-seeded
    with a small integer drawn from rng, fewer than about 10**6 values), and no child
    generator's seeds may vary by 40 bits or fewer (below 2**40: the rule of Exercise 3; a
    48-bit or 63-bit seed drawn from rng passes).

    Detection limit: the face counts of ``_MANY_ROLLS`` rolls catch a die with one face off
    by 2% of 1/6 (0.170 instead of 0.1667) with probability above 0.9999, off by 1.5% with
    probability 0.95 (noncentral chi-square, 5 degrees of freedom), and a remainder % 6 of
    256 or 200 equally likely values for certain. A smaller bias passes, knowingly: with
    ``rng.integers(0, 1000, n) % 6 + 1`` faces 5 and 6 come up with probability 0.166
    instead of 0.1667 (0.4% below), which these counts show with probability 0.0075; only
    tens of millions of rolls would show it.

    Examples
    --------
    >>> check_roll_die(lambda num_rolls, rng: rng.integers(1, 6, size=num_rolls))
    ✗ Not yet: no roll shows 6: integers(low, high) never draws high itself
    >>> check_roll_die(lambda num_rolls, rng: np.tile(np.arange(1, 7), num_rolls // 6))
    ✗ Not yet: generators with different seeds gave the same rolls: draw them from the rng
      argument (a fixed pattern or a generator made inside the function ignores it)
    """
    rng = np.random.default_rng(0)
    returned = call(roll_die, NUM_ROLLS, rng)
    rolls = _rolls(returned, NUM_ROLLS)
    faces = set(np.unique(rolls).tolist())
    block = _block_length(rolls)
    if block is not None and faces != {1, 2, 3, 4, 5, 6} and faces <= {1, 2, 3, 4, 5, 6}:
        raise Wrong(_block_hint(block))  # a few faces missing: the repetition is the mistake
    if len(faces) == 1:
        raise Wrong(f"all {NUM_ROLLS:,} rolls show {faces.pop()}: one roll repeated num_rolls "
                    "times (np.repeat, np.full or [roll] * num_rolls of a single draw?). "
                    "Draw every roll on its own, num_rolls draws")
    if faces == {1, 2, 3, 4, 5}:
        raise Wrong("no roll shows 6: integers(low, high) never draws high itself")
    if faces == {0, 1, 2, 3, 4, 5}:
        raise Wrong("your die shows 0 to 5; a die's faces are 1 to 6")
    if faces != {1, 2, 3, 4, 5, 6}:
        raise Wrong(f"a die shows the faces 1 to 6; your rolls hold {sorted(faces)}")
    _numpy_array(returned, "rolls")  # after the faces: [roll] * num_rolls gets their hint
    if not np.array_equal(rolls, _rolls(call(roll_die, NUM_ROLLS, np.random.default_rng(0)),
                                        NUM_ROLLS)):
        raise Wrong("two generators made from the same seed gave different rolls: draw them "
                    "from the rng argument only")
    other = _rolls(call(roll_die, NUM_ROLLS, np.random.default_rng(1)), NUM_ROLLS)
    if np.array_equal(rolls, other):
        raise Wrong("generators with different seeds gave the same rolls: draw them from the "
                    "rng argument (a fixed pattern or a generator made inside the function "
                    "ignores it)")
    if np.array_equal(rolls, _rolls(call(roll_die, NUM_ROLLS, rng), NUM_ROLLS)):
        raise Wrong("calling roll_die twice with one rng gave the same rolls twice: draw from "
                    "rng itself, so that it moves on, instead of drawing from a copy of it or "
                    "from a new generator")
    if block is not None:
        raise Wrong(_block_hint(block))
    counts = np.bincount(rolls, minlength=7)[1:]
    expected = NUM_ROLLS / 6
    chi2 = np.sum((counts - expected) ** 2 / expected)
    if np.all(np.diff(rolls) >= 0) or np.all(np.diff(rolls) <= 0):
        raise Wrong("your rolls are sorted: rolls come in the order they are drawn")
    # Dependence first: a repeated block (np.resize of a few hundred rolls) also skews the
    # face counts, and its real mistake is the repetition, not an unfair die.
    lag = _dependent_lag(rolls)
    if lag is not None:
        where = ("a roll depends on the roll before it" if lag == 1 else
                 f"roll number t + {lag:,} depends on roll number t")
        head = "each face comes up about 1/6 of the time, but " if chi2 <= _CHI2_FACES else ""
        raise Wrong(f"{head}{where} (a repeating, mirrored or shuffled pattern?): every roll "
                    "must be drawn independently")
    if chi2 > _CHI2_FACES:
        worst = int(np.argmax(np.abs(counts - expected)))
        raise Wrong(f"face {worst + 1} comes up with frequency {counts[worst] / NUM_ROLLS:.3f}, "
                    "far from 1/6: is every face equally likely?")
    if chi2 < _CHI2_FACES_LOW:
        raise Wrong(f"every face comes up {counts.min():,} to {counts.max():,} times in "
                    f"{NUM_ROLLS:,} rolls: closer to {expected:,.0f} than independent rolls "
                    "almost ever are. Shuffling a balanced set of faces (a deck) makes the "
                    "rolls depend on each other: draw every roll independently")
    _no_mirrored_pairs(rolls, other)
    _rolls(call(roll_die, 7, np.random.default_rng(3)), 7)  # uses num_rolls, not a constant
    _no_repeated_rolls(roll_die)
    _no_small_child_seeds(roll_die, (_REPEAT_ROLLS,), "rolls")
    # A small bias (a remainder % 6 of 256 equally likely bytes gives faces 1 to 4 a chance
    # of 43/256 each) shows in the face counts of _MANY_ROLLS rolls only; one below about
    # 1.5% of 1/6 may not (see the docstring's detection limit).
    many = np.bincount(_rolls(call(roll_die, _MANY_ROLLS, np.random.default_rng(4)),
                              _MANY_ROLLS), minlength=7)[1:]
    if np.sum((many - _MANY_ROLLS / 6) ** 2 / (_MANY_ROLLS / 6)) > _CHI2_FACES:
        share = ", ".join(f"{c / _MANY_ROLLS:.4f}" for c in many)
        over = many > _MANY_ROLLS / 6
        low = 0 < over.sum() < 6 and bool(np.all(over[:over.sum()]))  # faces 1 to k favoured
        why = ("(The remainder % 6 of a draw whose number of equally likely values is not a "
               "multiple of 6, such as a byte's 256, favours low faces)" if low else
               f"(Face {int(np.argmax(many)) + 1} comes up most often)")
        raise Wrong(f"in {_MANY_ROLLS:,} rolls the faces 1 to 6 come up with frequencies "
                    f"{share}: a small bias, but not 1/6 = 0.1667 each. Is every face equally "
                    f"likely? {why}")
    return (f"{NUM_ROLLS:,} rolls of a fair die from rng: faces 1 to 6 equally likely (no "
            f"face off by 2% of 1/6 in {_MANY_ROLLS:,} rolls), each roll independent of the "
            "rolls before it, "
            f"reproducible from the seed and different for each of {_REPEAT_SEEDS:,} seeds."
            + _spawn_tip(roll_die, (2_000,)))


# ----------------------------------------------------------------------- Exercise 3

#: The (seed, num_workers) calls ``check_worker_rngs`` compares first: nearby seeds in both
#: directions (6, 7, 8), seeds that seed * i, seed + 100 * i, int(f"{seed}{i}") and
#: seed * num_workers + i map onto each other (2 and 4; 7 and 107; 7 and 71 with at least
#: 11 workers; 7 with 4 workers and 9 with 3), and a large seed from which seed - k * i
#: stays positive. Then every seed of :data:`_SWEEP` with 4 workers (an experiment rerun
#: with the seeds 0, 1, 2, ...), and finally the seeds that a step k would collide with when
#: the workers were seeded with plain integers.
_CALLS = ((7, 4), (8, 4), (6, 4), (9, 3), (2, 4), (4, 4), (107, 4), (71, 4), (7, 12),
          (1_000_007, 4))
_SWEEP = range(100)
#: Last, one run with many workers (each compared by its first _START draws only): seed
#: arithmetic that stays apart for a dozen workers, seed * 1000 + i or (seed << 4) | i,
#: collides once num_workers reaches the step, and the prompt sets no limit on it.
_MANY = (7, 1_001)

#: Seed arithmetic the hints can name, as functions of (seed, i, num_workers).
_ARITHMETIC = {
    "seed + i": lambda s, i, n: s + i,
    "seed - i": lambda s, i, n: s - i,
    "seed * i": lambda s, i, n: s * i,
    "seed * (i + 1)": lambda s, i, n: s * (i + 1),
    "seed + 100 * i": lambda s, i, n: s + 100 * i,
    'int(f"{seed}{i}")': lambda s, i, n: int(f"{s}{i}"),
    "seed * num_workers + i": lambda s, i, n: s * n + i,
    "seed + i * num_workers": lambda s, i, n: s + i * n,
    "seed ^ i": lambda s, i, n: s ^ i,
    "seed * 100 + i": lambda s, i, n: s * 100 + i,
    "seed * 1000 + i": lambda s, i, n: s * 1000 + i,
    "(seed << 4) | i": lambda s, i, n: (s << 4) | i,
}

_START = 4  # raw draws that identify where a stream starts
_WINDOW = 20_000  # raw draws searched for another worker's start (calls of _CALLS)
_SWEEP_WINDOW = 1_000  # the same for the calls of _SWEEP
_MIN_GAP = 2**64  # draws two workers' positions on one stream must be apart, at least
_PCG64_LOW_BITS = 58  # PCG64 streams sharing an increment and these low state bits correlate
_PCG64_MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645
_PCG64DXSM_MULTIPLIER = 0xDA942042E4DD58B5  # the "cheap multiplier" of PCG64DXSM's LCG


class _Worker(NamedTuple):
    """One worker's generator in one call: where its stream starts, and where it is."""

    seed: int
    index: int
    num_workers: int
    start: np.ndarray  # its first _START raw draws
    window: np.ndarray  # its first raw draws
    stream: tuple | None  # (bit generator, increment or key): workers on one stream share it
    position: int  # where it is on that stream (PCG64: LCG state; Philox: counter)
    plain: int | None  # the plain integer it was seeded with, if any
    entropy: object = None  # its SeedSequence's entropy, if any
    normal: bytes = b""  # its first _NODE_DRAWS standard-normal draws (float64 bytes)
    root: object = None  # a spawned worker's root entropy (its SeedSequence has a spawn_key)

    def name(self, runs: bool) -> str:
        return f"worker {self.index} with seed {self.seed}" if runs else f"worker {self.index}"


def _has_text(value: object) -> bool:
    """Whether ``value`` is, or holds in a tuple or frozenset, a str or bytes."""
    if isinstance(value, str | bytes):
        return True
    return isinstance(value, tuple | frozenset) and any(_has_text(v) for v in value)


@contextlib.contextmanager
def _other_string_hashes() -> Iterator[None]:
    """Within the block, ``hash()`` of text (or of a tuple holding text) gives other values,
    as in a new Python process where PYTHONHASHSEED differs: a seed made from such a hash
    changes, a seed made from integers does not."""
    real = builtins.hash

    def other_process_hash(value: object) -> int:
        return real(("another process", value)) if _has_text(value) else real(value)

    builtins.hash = other_process_hash
    try:
        yield
    finally:
        builtins.hash = real


_PROBE_SEEDS = (31_337, 27_182)  # the seeds whose default_rng(seed) the probe below replaces


@contextlib.contextmanager
def _crafted_default_rng(func: object, seed: int, first: int, craft: int) -> Iterator[None]:
    """Within the block, ``np.random.default_rng(seed)`` (also under the learner's own names
    for it) returns a Generator whose first raw output is ``first``
    (:func:`~helpers.checks._entropy.generator_with_first`, its SeedSequence from
    ``craft``); every other call is NumPy's own."""
    real = np.random.default_rng

    def crafted(value: object = None) -> np.random.Generator:
        if is_int(value) and int(value) == seed:
            return generator_with_first(first, seed=craft)
        return real(value)

    learner = getattr(func, "__globals__", {})
    aliases = [name for name, value in learner.items() if value is real]
    np.random.default_rng = crafted
    for name in aliases:
        learner[name] = crafted
    try:
        yield
    finally:
        np.random.default_rng = real
        for name in aliases:
            learner[name] = real


def _narrow_drawn_seeds(worker_rngs: object) -> bool:
    """Whether two runs with different seeds share a worker's stream when their
    ``default_rng(seed)`` first draws agree in ``SEED_BITS`` bits only
    (:func:`~helpers.checks._entropy.first_draw_pairs`): the workers then depend on the run
    only through a narrow draw from it, however scrambled (``s**2``, hashlib), and such
    draws coincide over many runs. Spawned workers, seeds of 63 bits, and narrow draws
    mixed with seed itself (``[s, seed, i]``) pass."""
    def starts(seed: int, first: int, craft: int) -> list[bytes]:
        with _crafted_default_rng(worker_rngs, seed, first, craft):
            try:
                gens = call(worker_rngs, seed, 4)
                return [g.bit_generator.random_raw(_START).tobytes() for g in gens]
            except Exception:  # noqa: BLE001 (the learner's code: no verdict from this probe)
                return []

    for k, (one, other) in enumerate(first_draw_pairs(0)):
        a = starts(_PROBE_SEEDS[0], one, 2 * k + 1)
        b = starts(_PROBE_SEEDS[1], other, 2 * k + 2)
        if a and b and set(a) & set(b):
            return True
    return False


def _worker_list(worker_rngs: object, seed: int, num_workers: int) -> list:
    """The learner's generators for one call, checked for type and number."""
    gens = call(worker_rngs, seed, num_workers)
    if not isinstance(gens, list | tuple) or len(gens) != num_workers:
        got = f"{len(gens)} items" if isinstance(gens, list | tuple) else type(gens).__name__
        raise Wrong(f"worker_rngs(seed, {num_workers}) must return a list of {num_workers} "
                    f"Generators, got {got}")
    if not all(isinstance(g, np.random.Generator) for g in gens):
        kinds = sorted({type(g).__name__ for g in gens})
        raise Wrong(f"each worker needs a numpy.random.Generator, got {', '.join(kinds)}")
    if len({id(g) for g in gens}) < num_workers:
        raise Wrong("the workers share one Generator object: each worker needs its own")
    if len({id(g.bit_generator) for g in gens}) < num_workers:
        raise Wrong("the workers' Generators share one bit generator, so they draw from one "
                    "stream: each worker needs its own")
    return gens


def _plain_seed(bit_generator: object) -> int | None:
    """The integer a bit generator was seeded with (``default_rng(n)``, ``PCG64(n)``,
    ``Philox(key=n)``; n a Python or NumPy integer), or None for other seeds (spawned
    children, lists of integers, fresh entropy)."""
    seq = getattr(bit_generator, "seed_seq", getattr(bit_generator, "_seed_seq", None))
    if isinstance(seq, np.random.SeedSequence):
        entropy = seq.entropy  # a NumPy integer seed (np.int64(5)) counts as plain too
        if (not seq.spawn_key and isinstance(entropy, int | np.integer)
                and not isinstance(entropy, bool) and 0 <= int(entropy) < 2**63):
            return int(entropy)
        return None
    if isinstance(bit_generator, np.random.Philox):  # made from a key
        key = bit_generator.state["state"]["key"]
        return int(key[0]) + (int(key[1]) << 64)
    return None


def _where(bit_generator: object) -> tuple[tuple | None, int]:
    """The stream a bit generator draws from and its position on it (see :class:`_Worker`)."""
    state = bit_generator.state
    kind = state.get("bit_generator")
    if kind in ("PCG64", "PCG64DXSM"):
        return (kind, state["state"]["inc"]), state["state"]["state"]
    if kind == "Philox":
        key, counter = state["state"]["key"], state["state"]["counter"]
        return ((kind, int(key[0]), int(key[1])),
                sum(int(c) << (64 * j) for j, c in enumerate(counter)))
    return None, 0


def _run(worker_rngs: object, seed: int, num_workers: int, window: int) -> list[_Worker]:
    """The workers of one call."""
    workers = []
    for i, g in enumerate(_worker_list(worker_rngs, seed, num_workers)):
        normal = copy.deepcopy(g).standard_normal(_NODE_DRAWS).tobytes()  # g as it was given
        stream, position = _where(g.bit_generator)  # before drawing the window
        draws = g.bit_generator.random_raw(window)
        seq = getattr(g.bit_generator, "seed_seq", None)
        workers.append(_Worker(seed, i, num_workers, draws[:_START], draws, stream, position,
                               _plain_seed(g.bit_generator),
                               seq.entropy if isinstance(seq, np.random.SeedSequence)
                               and not seq.spawn_key else None, normal,
                               seq.entropy if isinstance(seq, np.random.SeedSequence)
                               and seq.spawn_key else None))
    return workers


def _guess(a: _Worker, b: _Worker) -> str:
    """' (seed + i?)' when both workers were seeded with the plain integer that exactly one
    known seed arithmetic gives them."""
    if a.plain is None or a.plain != b.plain:
        return ""
    names = [name for name, f in _ARITHMETIC.items()
             if f(a.seed, a.index, a.num_workers) == a.plain
             and f(b.seed, b.index, b.num_workers) == b.plain]
    return f" ({names[0]}?)" if len(names) == 1 else ""


def _shared(a: _Worker, b: _Worker, t: int) -> None:
    """Wrong: worker ``b`` starts ``t`` draws into worker ``a``'s stream (``t`` = 0: the same
    numbers)."""
    if a.seed == b.seed and a.num_workers == b.num_workers:
        if t == 0:
            raise Wrong(f"workers {a.index} and {b.index} draw the same numbers in "
                        f"worker_rngs({a.seed}, {a.num_workers}): give each worker its own "
                        "stream")
        raise Wrong(f"worker {b.index} draws what worker {a.index} draws after its first "
                    f"{t:,} draws: the workers share one stream, so they overlap as soon as "
                    f"worker {a.index} has drawn {t:,} numbers. Give each worker an "
                    "independent stream of its own (spawn it, section 4) instead of a later "
                    "part of one stream")
    guess = _guess(a, b)
    if t == 0 and a.index == b.index and a.num_workers == b.num_workers:
        raise Wrong(f"worker {a.index} draws the same numbers with seed {a.seed} and with seed "
                    f"{b.seed}{guess}: every worker's stream must depend on seed")
    pair = (f"{a.name(True)} and {b.name(True)} draw the same numbers" if t == 0 else
            f"{b.name(True)} draws what {a.name(True)} draws after its first {t:,} draws")
    raise Wrong(f"{pair}{guess}: runs with different seeds would share streams, so their "
                "results would not be independent. Derive the workers' streams from seed in "
                "a way that cannot collide (see section 4)")


def _find(start: np.ndarray, window: np.ndarray) -> int | None:
    """Where ``start`` (a few raw draws) begins in ``window``, or None."""
    for t in np.flatnonzero(window[: window.size - start.size + 1] == start[0]):
        if np.array_equal(window[t:t + start.size], start):
            return int(t)
    return None


def _overlaps(runs: list[list[_Worker]]) -> dict[tuple, int]:
    """``{((run, worker), (run, worker)): t}`` where the second worker's stream starts ``t``
    draws into the first one's window, for every pair of workers of ``runs``."""
    workers = [(r, w) for r, run in enumerate(runs) for w in range(len(run))]
    starts: dict[int, list[tuple[int, int]]] = {}
    for r, w in workers:
        starts.setdefault(int(runs[r][w].start[0]), []).append((r, w))
    keys = np.sort(np.fromiter(starts, dtype=np.uint64, count=len(starts)))
    windows = [runs[r][w].window for r, w in workers]
    offsets = np.cumsum([0] + [window.size for window in windows])
    draws = np.concatenate(windows)
    hits = keys[np.minimum(np.searchsorted(keys, draws), keys.size - 1)] == draws
    found: dict[tuple, int] = {}
    for position in np.flatnonzero(hits):
        k = int(np.searchsorted(offsets, position, side="right")) - 1
        a, t = workers[k], int(position - offsets[k])
        for b in starts[int(windows[k][t])]:
            if b != a and np.array_equal(windows[k][t:t + _START], runs[b[0]][b[1]].start):
                found.setdefault((a, b), t)
    return found


def _compare(runs: list[list[_Worker]], found: dict[tuple, int]) -> None:
    """Wrong for the first shared or overlapping pair of streams: within each run, then
    against the earlier runs with another seed (one seed with more workers may repeat its
    first ones), in the order of ``runs``."""
    order = []  # (place in the order of reporting, first worker, second worker)
    for first, second in found:
        (r1, a), (r2, b) = first, second
        if r1 == r2:
            order.append(((r1, 0, 0, 0, a, b), first, second))
        elif runs[r1][0].seed != runs[r2][0].seed:
            later, earlier = max(r1, r2), min(r1, r2)
            ia, ib = (a, b) if r1 == earlier else (b, a)
            order.append(((later, 2, earlier, int(r1 == later), ia, ib), first, second))
    if len(runs) > 1 and all(np.array_equal(a.start, b.start)
                             for a, b in zip(runs[0], runs[1], strict=True)):
        order.append(((1, 1, 0, 0, 0, 0), None, None))
    if not order:
        return
    _, first, second = min(order, key=lambda item: item[0])
    if first is None:
        raise Wrong(f"the streams do not depend on seed: worker_rngs{_CALLS[0]} and "
                    f"worker_rngs{_CALLS[1]} give the same workers")
    _shared(runs[first[0]][first[1]], runs[second[0]][second[1]], found[first, second])


def _on_one_stream(runs: list[list[_Worker]]) -> None:
    """Wrong if two workers sit on one PCG64 or Philox stream fewer than ``_MIN_GAP`` draws
    apart (beyond what the windows search), or, for PCG64, at positions that share their low
    ``_PCG64_LOW_BITS`` state bits."""
    groups: dict[tuple, list[_Worker]] = {}
    for run in runs:
        for worker in run:
            if worker.stream is not None:
                groups.setdefault(worker.stream, []).append(worker)
    problems = []  # (order, message): the first in the order of runs is reported
    order = {id(w): (r, w.index) for r, run in enumerate(runs) for w in run}
    for stream, members in groups.items():
        if len(members) < 2:
            continue
        kind = stream[0]
        if kind == "Philox":  # 4 raw draws per counter value
            period, draws = 4 * 2**256, [4 * w.position for w in members]
        else:
            multiplier = _PCG64_MULTIPLIER if kind == "PCG64" else _PCG64DXSM_MULTIPLIER
            period = 2**128
            draws = [lcg_distance(members[0].position, w.position, multiplier, stream[1])
                     for w in members]
        ranked = sorted(range(len(members)), key=lambda k: draws[k])
        for k, next_k in zip(ranked, ranked[1:] + ranked[:1], strict=True):
            gap = (draws[next_k] - draws[k]) % period
            if 0 < gap < _MIN_GAP:
                a, b = members[k], members[next_k]
                problems.append((max(order[id(a)], order[id(b)]), a, b, gap))
        if kind == "PCG64":
            low: dict[int, _Worker] = {}
            for w in members:
                other = low.setdefault(w.position % 2**_PCG64_LOW_BITS, w)
                if other is not w and other.position != w.position:
                    problems.append((max(order[id(other)], order[id(w)]), other, w, None))
    if not problems:
        return
    _, a, b, gap = min(problems, key=lambda p: p[0])
    if gap is not None:
        _shared(a, b, gap)
    same_run = a.seed == b.seed and a.num_workers == b.num_workers
    raise Wrong(f"{a.name(not same_run)} and {b.name(not same_run)} sit on one PCG64 stream a "
                f"multiple of 2**{_PCG64_LOW_BITS} draws apart (advanced by a power of two?), "
                "so their states share their lowest bits; NumPy's guide 'Upgrading PCG64 with "
                "PCG64DXSM' reports that such pairs of streams fail statistical tests together. "
                "Give each worker an independent stream of its own (spawn it, section 4)")


def _more_runs(worker_rngs: object, runs: list[list[_Worker]], calls: object,
               window: int) -> None:
    """Add the runs of ``calls`` to ``runs`` and compare all of them. If a call fails, the
    streams of the runs before it are compared first (as if each run were compared as soon
    as it is made), then the failure is reported with its call."""
    for seed, num_workers in calls:
        try:
            runs.append(_run(worker_rngs, seed, num_workers, window))
        except Wrong as err:
            _compare(runs, _overlaps(runs))
            _on_one_stream(runs)
            raise Wrong(f"worker_rngs({seed}, {num_workers}): {err}") from None
    _compare(runs, _overlaps(runs))
    _on_one_stream(runs)


@exercise_check
def check_worker_rngs(worker_rngs: object) -> str:
    """Exercise 3: ``worker_rngs(seed, num_workers)`` returns independent, reproducible streams.

    Streams are compared by their raw 64-bit draws (``bit_generator.random_raw``): within
    one call, and across the calls of :data:`_CALLS` and :data:`_SWEEP`, no worker may start
    on another worker's stream, at its start or up to ``_WINDOW`` (``_SWEEP_WINDOW``) draws
    into it. Workers on one PCG64 or Philox stream (a shared increment or key) are compared
    by their positions on it, so an overlap further out shows too. A last call with
    :data:`_MANY` workers catches seed arithmetic whose step only a large ``num_workers``
    reaches (``seed * 1000 + i``); a call in which ``hash()`` of text gives other values, as
    in another Python process, catches seeds that only one process reproduces. Last, no worker
    may start on the stream of ``np.random.default_rng(t)``, the main generator of the run
    with seed t, for a seed t that the check calls ``worker_rngs`` with (0 to 99, those of
    :data:`_CALLS` and :data:`_MANY`, and the seeds the step probe picks): ``[i, seed]`` and
    ``[seed, i]`` lists do, since SeedSequence pads them with zeros (``[i, 0]`` is the seed
    i). Only such seeds, the main seeds of runs: every generator is ``default_rng`` of some
    integer (spawned child i of ``SeedSequence(seed)`` is ``default_rng(seed + i * 2**128)``,
    ``[i, seed, 1]`` is ``default_rng(i + seed * 2**32 + 2**64)``). Workers seeded with
    integers that are all below 2**40 (drawn seeds of 40 bits or fewer) fail by the birthday
    bound, the rule of Exercises 1 and 2; 48-bit and 63-bit drawn seeds pass.

    Examples
    --------
    >>> check_worker_rngs(lambda seed, n: [np.random.default_rng(seed)] * n)
    ✗ Not yet: the workers share one Generator object: each worker needs its own
    >>> check_worker_rngs(lambda seed, n: [np.random.default_rng(seed * i) for i in range(n)])
    ✗ Not yet: worker 0 draws the same numbers with seed 7 and with seed 8 (seed * i?): every
      worker's stream must depend on seed
    """
    first = _worker_list(worker_rngs, *_CALLS[0])
    starts = [g.bit_generator.random_raw(_START) for g in first]
    again = _worker_list(worker_rngs, *_CALLS[0])
    if not all(np.array_equal(s, g.bit_generator.random_raw(_START))
               for s, g in zip(starts, again, strict=True)):
        raise Wrong(f"worker_rngs{_CALLS[0]} twice gave different streams: derive every "
                    "worker's generator from seed, so that a rerun reproduces them")
    with _other_string_hashes():
        salted = _worker_list(worker_rngs, *_CALLS[0])
    if not all(np.array_equal(s, g.bit_generator.random_raw(_START))
               for s, g in zip(starts, salted, strict=True)):
        raise Wrong(f"worker_rngs{_CALLS[0]} gives other streams when Python's hash() of a "
                    "str changes, as it does in every new Python process (unless "
                    "PYTHONHASHSEED is set): a rerun would not reproduce them. Build the "
                    "workers' seeds from integers only, or spawn them")
    with watch_seeding(worker_rngs) as seen:  # as Day 9's checks: no hash() at all
        _worker_list(worker_rngs, *_CALLS[0])
    if seen.hashes:
        raise Wrong("your workers' seeds come from the builtin hash(): Python promises a "
                    "hash's value only within one interpreter (a tuple's hash has changed "
                    "between Python versions, and differs between 32-bit and 64-bit builds), "
                    "so another Python gives other workers for the same seed. Spawn them, "
                    "SeedSequence(seed).spawn(num_workers), or seed each with [i, seed, 1]")
    runs: list[list[_Worker]] = []
    _more_runs(worker_rngs, runs, _CALLS, _WINDOW)
    _more_runs(worker_rngs, runs, [(seed, 4) for seed in _SWEEP if (seed, 4) not in _CALLS],
               _SWEEP_WINDOW)
    # Seed arithmetic with any step (seed + 1000 * i, seed - 1000 * i, ...): when the workers
    # were seeded with plain integers e_0, e_1, ..., the run whose seed is shifted by
    # e_i - e_0 would start its worker 0 on worker i's stream.
    seeds = {w[0].seed for w in runs}
    for run in (runs[0], runs[len(_CALLS) - 1]):
        seed, num_workers = run[0].seed, run[0].num_workers
        plain = [w.plain for w in run]
        if None in plain:
            continue
        for probe in sorted({seed + e - plain[0] for e in plain[1:]} - seeds):
            if 0 <= probe < 2**63:  # a seed a run might use
                try:
                    probe_run = _run(worker_rngs, probe, num_workers, _START)
                except Wrong as err:
                    raise Wrong(f"worker_rngs({probe}, {num_workers}): {err}") from None
                for b in probe_run:
                    for a in run:
                        for x, y in ((a, b), (b, a)):
                            t = _find(y.start, x.window)
                            if t is not None:
                                _shared(x, y, t)
                seeds.add(probe)
    _more_runs(worker_rngs, runs, [_MANY], _START)
    linear = _linear_seeds(runs)  # a step beyond _MANY workers: no draw shows it, its form does
    if linear is not None:
        raise Wrong(linear)
    # a list seed is the integer it pads to: [k] and [k, 0] are the seed k
    per_run = [[w.plain if w.plain is not None else entropy_int(w.entropy) for w in run]
               for run in runs]
    plain = [p for run in per_run for p in run]
    distinct = any(len(set(run)) > 1 for run in per_run)  # a seed per worker
    if None not in plain and distinct and _all_small(plain):
        raise Wrong(small_seeds_hint("every worker is seeded", math.log2(max(plain) + 1),
                                      "draw 63-bit or larger seeds, or spawn the workers' "
                                      "streams (SeedSequence(seed).spawn)"))
    _few_varying_bits(runs)
    _main_generators(runs, seeds)
    _other_seeds_children(runs, seeds)
    _spawned_from_arithmetic(runs)
    if _narrow_drawn_seeds(worker_rngs):  # last: the narrow draws the seeds show are named
        raise Wrong(f"your workers' seeds are drawn from default_rng(seed) with {SEED_BITS} "
                    "bits or fewer (default_rng(seed).integers(2**32), squared, hashed or "
                    "multiplied or not, is still one of 2**32 seeds): two runs whose draws "
                    "agree share a worker's stream, and over many runs n such seeds coincide "
                    "about n**2 / 2**33 times (the birthday bound). Spawn the workers, "
                    "SeedSequence(seed).spawn(num_workers)")
    return (f"distinct worker streams, reproducible from seed, none shared across "
            f"{len(seeds)} seeds (0 to {_SWEEP[-1]} and others) and up to {_MANY[1]:,} "
            "workers, nor overlapping further along one stream.")


def _few_varying_bits(runs: list[list[_Worker]]) -> None:
    """Wrong if, for some worker index, the part of the worker's seed that varies with the
    run's seed carries ``SEED_BITS`` bits or fewer
    (:func:`~helpers.checks._seeding.weakest_seed_bits`, position by position of the
    SeedSequence's entropy, over the runs of distinct seeds with 4 workers): a 32-bit base
    drawn from seed, ``[base, i, 1]``, gives two seeds out of about 77,000 the same base and
    so the same workers, whatever the worker index adds. The seed itself, or c + K * seed,
    in a position is one-to-one and passes; spawned workers have no entropy of their own."""
    by_seed: dict[int, list[_Worker]] = {}
    for run in runs:
        if run[0].num_workers == 4:
            by_seed.setdefault(run[0].seed, run)
    seeds = sorted(by_seed)
    groups = [[[int(v) for v in np.ravel(np.asarray(w.entropy, dtype=object))]
               if w.entropy is not None else [] for w in by_seed[seed]] for seed in seeds]
    bits = weakest_seed_bits(groups, seeds)
    if bits is not None and bits < SEED_BITS:
        raise Wrong(small_seeds_hint(
            "every worker's seed holds a base drawn from seed", bits,
            "the worker index cannot tell two runs apart once their bases match. Put "
            "seed itself in the list ([i, seed, 1]), draw 63-bit or larger parts, or spawn "
            "the workers' streams (SeedSequence(seed).spawn)"))


def _main_generators(runs: list[list[_Worker]], seeds: set[int]) -> None:
    """Wrong if a worker draws what ``np.random.default_rng(t)``, the main generator of the
    run with seed t, draws, for a seed t of ``seeds`` (``[i, 0]`` and ``[seed, 0]`` are the
    seeds i and seed: SeedSequence pads a list with zeros)."""
    mains = {tuple(np.random.PCG64(t).random_raw(_START)): t for t in sorted(seeds)}
    for run in runs:
        hits = [(w, mains[tuple(w.start)]) for w in run if tuple(w.start) in mains]
        if not hits:
            continue
        w, t = max(hits, key=lambda hit: hit[0].index)  # a worker past 0 shows the pattern
        head = (f"worker {w.index} with seed {w.seed} draws exactly what "
                f"np.random.default_rng({t}) draws, the main generator of the run with seed "
                f"{t}: no worker may share a stream with default_rng(k) for a seed k that a "
                "run would use as its main seed (the check tries every seed it calls "
                "worker_rngs with)")
        entropy = w.entropy
        if isinstance(entropy, list | tuple | np.ndarray) and len(entropy) > 1:
            listed = [int(e) for e in entropy]
            raise Wrong(f"{head}. SeedSequence pads {listed} with zeros, so it is the seed "
                        f"{t}; end a hand-built list in a nonzero tag, [i, seed, 1], or spawn "
                        "the workers' streams (SeedSequence(seed).spawn)")
        raise Wrong(f"{head}. Spawn the workers' streams (SeedSequence(seed).spawn, or "
                    "rng.spawn), or seed each with a list that ends in a nonzero tag, such "
                    "as [i, seed, 1]")


#: Standard-normal draws that identify a worker's stream, and the children of a seed's
#: SeedSequence probed (``spawn(k)[j]``, j below this): Day 9's spawn-tree nodes.
_NODE_DRAWS, _NODE_CHILDREN = 6, 16


def _other_seeds_children(runs: list[list[_Worker]], seeds: set[int]) -> None:
    """Wrong if a worker of the run with seed s draws what spawn child j of
    ``SeedSequence(t)`` draws (:func:`~helpers.checks._seeding.node_draws`, Day 9's rule
    for the nodes of a seed's spawn tree) for another seed t of ``seeds``:
    ``default_rng(seed + 1).spawn(n)`` or ``SeedSequence(2 * seed).spawn(n)`` hides seed
    arithmetic in the parent, so the run with seed t, which spawns from its own seed,
    hands its children the same streams. Spawn children of the run's own seed pass."""
    nodes = {node_draws(t, (j,), _NODE_DRAWS, False).tobytes(): (t, j)
             for t in sorted(seeds) for j in range(_NODE_CHILDREN)}
    for run in runs:
        for w in run:
            t, j = nodes.get(w.normal, (w.seed, 0))
            if t == w.seed:
                continue
            if t == w.index and j == w.seed:  # SeedSequence(i, spawn_key=(seed,))
                raise Wrong(f"worker {w.index} with seed {w.seed} draws what "
                            f"SeedSequence({t}).spawn(k)[{j}] draws: the worker's index is "
                            "the entropy and the seed sits in the spawn key, swapped, so the "
                            f"run with seed {t} spawns that very stream from its own seed. "
                            "Put the seed first: SeedSequence(seed, spawn_key=(i,)), or "
                            "SeedSequence(seed).spawn(num_workers)")
            raise Wrong(f"worker {w.index} with seed {w.seed} draws what "
                        f"SeedSequence({t}).spawn(k)[{j}] draws, a child of the run with "
                        f"seed {t}: seed arithmetic in the parent (default_rng(seed + 1), "
                        "SeedSequence(2 * seed)) makes one run's workers the children "
                        "another run spawns from its own seed, as Day 9's checks reject. "
                        "Spawn from seed itself: SeedSequence(seed).spawn(num_workers)")


def _root_seed(entropy: object) -> int | None:
    """The integer seed a spawned worker's root entropy stands for: an integer, or a list
    that is one integer once SeedSequence pads it with zeros (``[k]``, ``[k, 0]``); None for
    a longer list (``[seed, 1]``, ``[i, seed, 1]``) or no entropy."""
    if entropy is None:
        return None
    if is_int(entropy):
        return int(entropy)
    words = np.ravel(np.asarray(entropy, dtype=object)).tolist()
    while words and is_int(words[-1]) and int(words[-1]) == 0:
        words.pop()
    if len(words) == 1 and is_int(words[0]):
        return int(words[0])
    return 0 if not words else None


def _arithmetic_name(pairs: list[tuple[int, int]]) -> str | None:
    """``seed + 1000``, ``3 * seed``, ... when the roots of ``pairs`` ((seed, root), distinct
    seeds) are ``c + K * seed`` for every pair, K not 0; else None."""
    (s0, r0), (s1, r1) = pairs[0], pairs[1]
    if (r1 - r0) % (s1 - s0):
        return None
    k = (r1 - r0) // (s1 - s0)
    c = r0 - k * s0
    if k == 0 or any(r != c + k * s for s, r in pairs):
        return None
    term = "seed" if k == 1 else "-seed" if k == -1 else f"{k} * seed"
    size = abs(c)
    shown = f"2**{size.bit_length() - 1}" if size >= 2**20 and size & (size - 1) == 0 else size
    return term if c == 0 else f"{term} {'+' if c > 0 else '-'} {shown}"


def _spawned_from_arithmetic(runs: list[list[_Worker]]) -> None:
    """Wrong if a spawned worker (its SeedSequence has a spawn_key: a child or grandchild)
    has a root entropy that is an integer other than the run's seed and one a run could use
    as its main seed: below 2**40 (seed + 1000, seed ^ 0xDEADBEEF), or ``c + K * seed``
    across the seeds tried (seed + 2**50, 3 * seed). The run with that seed spawns the same
    tree. The seed itself, a list such as ``[seed, 1]``, and a root drawn wide from seed
    (``default_rng(default_rng(seed).integers(2**63)).spawn(n)``) pass."""
    by_index: dict[int, dict[int, int]] = {}
    for run in runs:
        for w in run:
            root = _root_seed(w.root)
            if root is not None:
                by_index.setdefault(w.index, {}).setdefault(w.seed, root)
    for index, roots in sorted(by_index.items()):
        pairs = sorted(roots.items())
        bad = [(s, r) for s, r in pairs if r != s]
        if not bad:
            continue
        name = _arithmetic_name(pairs) if len(pairs) >= 2 else None
        if name is None:
            bad = [(s, r) for s, r in bad if r < 2**40]
            if not bad:
                continue  # drawn wide from seed: not a seed any run would use
        s, r = bad[0]
        what = f"{name} (the seed {r:,})" if name is not None else f"the seed {r:,}"
        raise Wrong(f"worker {index} with seed {s} is spawned from {what}, an integer "
                    "another run could use as its main seed, so that run spawns the same "
                    f"workers. Spawn from seed itself, not {name or f'{r:,}'}: "
                    "SeedSequence(seed).spawn(num_workers), or default_rng(seed).spawn")


def _linear_seeds(runs: list[list[_Worker]]) -> str | None:
    """A hint if every worker was seeded with the plain integer c + K * seed + d * i (seed
    arithmetic, K and d not 0): whatever the step, worker K/g of seed s then shares worker
    0's seed of seed s + d/g (g = gcd(K, d)); None otherwise, or when that pair needs 2**32
    workers or seeds 2**32 apart (the course's seeds are below 2**32)."""
    workers = [w for run in runs for w in run]
    if not workers or any(w.plain is None for w in workers):
        return None
    wide = next((run for run in runs if len(run) >= 2), None)
    by_seed = {run[0].seed: run[0].plain for run in runs}
    if wide is None or len(by_seed) < 2:
        return None
    d = wide[1].plain - wide[0].plain
    (s_a, p_a), (s_b, p_b) = sorted(by_seed.items())[:2]
    if d == 0 or (p_b - p_a) % (s_b - s_a):
        return None
    k = (p_b - p_a) // (s_b - s_a)
    c = p_a - k * s_a
    if k == 0 or any(w.plain != c + k * w.seed + d * w.index for w in workers):
        return None
    g = math.gcd(k, d)
    step_i, step_s = abs(k // g), d // g * (1 if k > 0 else -1)
    if step_i >= 2**32 or abs(step_s) >= 2**32:
        return None  # the colliding pair needs 2**32 workers, or a seed the course refuses
    return (f"your workers' seeds are arithmetic on seed and the worker number "
            f"({k:+d} * seed {d:+d} * i, plus a constant): worker {step_i} of seed s and "
            f"worker 0 of seed s {'+' if step_s > 0 else '-'} {abs(step_s)} get the same "
            "seed, and every such formula collides for some pair. Spawn the workers' "
            "streams (SeedSequence(seed).spawn), or seed with a list that ends in a nonzero "
            "tag, such as [i, seed, 1]")


# ----------------------------------------------------------------------- Exercise 4

#: The bit generators a checkpoint must handle, in the order they are tried.
_BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


def _part_way(name: str, seed: int) -> np.random.Generator:
    """A Generator on the bit generator ``name``, part-way through its stream, holding half
    of a 64-bit draw for its next 32-bit draw (for the bit generators that keep one)."""
    rng = np.random.Generator(getattr(np.random, name)(seed))
    rng.random(5)
    rng.integers(0, 2**32, size=3, dtype=np.uint32)
    return rng


def _next_draws(rng: np.random.Generator) -> list:
    """What a copy of ``rng`` draws next: 32-bit integers, floats and normals."""
    rng = copy.deepcopy(rng)
    return [rng.integers(0, 2**32, size=3, dtype=np.uint32).tolist(), rng.random(3).tolist(),
            rng.standard_normal(3).tolist()]


def _for(name: str, step: object, *args: object) -> object:
    """``call(step, *args)`` with the bit generator named in the hint of any error."""
    try:
        return call(step, *args)
    except Wrong as err:
        hint = str(err)
        if "not JSON serializable" in hint:
            hint += (" (the states of MT19937, Philox and SFC64 hold NumPy arrays, which json "
                     "cannot write as they are)")
        if "state must be for a" in hint:
            hint += " (rebuild the bit generator that the checkpoint names)"
        raise Wrong(f"for a Generator({name}(...)): {hint}") from None


#: Counts the calls of ``check_rng_checkpoint``: each call judges the fresh-process load on
#: generators at states it has not saved before (a right answer passes whatever they are).
_CHECKPOINT_CALLS = itertools.count()


def _code_names(code: types.CodeType) -> set[str]:
    """The global (and attribute) names that ``code`` and the code nested in it read."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _in_new_process(load_rng: object) -> object:
    """``load_rng`` as a new Python process would run it, as far as its module goes, where
    this system cannot fork (see :func:`_saved_elsewhere`): a copy of the function (and of
    the functions of its module that it calls) that reads copies of the module's variables
    taken now, before the check's ``save_rng`` calls. A cache of saved generators (a
    variable or a dict of the module) then lacks what is saved later. Anything but a plain
    function is returned as it is."""
    if not isinstance(load_rng, types.FunctionType):
        return load_rng
    module = load_rng.__globals__
    functions: dict[str, types.FunctionType] = {}
    values: dict[str, object] = {}
    todo = [load_rng]
    while todo:
        for name in _code_names(todo.pop().__code__):
            value = module.get(name)
            if name in functions or name in values or value is None:
                continue
            if isinstance(value, types.FunctionType):
                if value.__globals__ is module:
                    functions[name] = value
                    todo.append(value)
            elif not isinstance(value, types.ModuleType | type) and not callable(value):
                with contextlib.suppress(Exception):  # a value that cannot be copied stays
                    values[name] = copy.deepcopy(value)
    namespace = {**module, **values}

    def rebuilt(func: types.FunctionType) -> types.FunctionType:
        new = types.FunctionType(func.__code__, namespace, func.__name__, func.__defaults__,
                                 func.__closure__)
        new.__kwdefaults__ = func.__kwdefaults__
        return new

    namespace.update({name: rebuilt(func) for name, func in functions.items()})
    return rebuilt(load_rng)


def _saved_elsewhere(save_rng: object, rngs: list[np.random.Generator]) -> list | None:
    """The checkpoints that ``save_rng`` makes of ``rngs`` in a forked copy of this process,
    which then exits: anything ``save_rng`` keeps besides the text (in a variable, a dict,
    a class attribute, a default argument, a closure, an attribute of a module) is gone, as
    in a new Python process, and ``load_rng`` must rebuild the generators from the text.
    None where the system cannot fork (Windows) or the copy failed."""
    try:
        texts = in_fork(lambda: [call(save_rng, rng) for rng in rngs])
    except ForkedError as err:  # save_rng worked here, so hardly ever
        raise Wrong(str(err)) from None
    if not isinstance(texts, list) or len(texts) != len(rngs):
        return None
    return texts


def _fingerprint(value: object) -> tuple:
    """What changes when a value is rebound, or a container gains or loses items."""
    try:
        size = len(value)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 (anything without a length)
        size = None
    return id(value), size


def _places(func: object) -> dict[str, tuple]:
    """Fingerprints, by name, of the places where ``func`` (and the functions of its module
    that it calls) could keep something from one call to the next: the module's variables
    it reads, the attributes of the classes, objects and modules those hold, its defaults
    and its closure cells."""
    places: dict[str, tuple] = {}
    todo, seen = [getattr(func, "__func__", func)], set()
    while todo:
        f = todo.pop()
        if not isinstance(f, types.FunctionType) or f.__code__ in seen:
            continue
        seen.add(f.__code__)
        code, defaults = f.__code__, f.__defaults__ or ()
        parameters = code.co_varnames[code.co_argcount - len(defaults):code.co_argcount]
        for key, default in [*zip(parameters, defaults, strict=True),
                             *(f.__kwdefaults__ or {}).items()]:
            places[f"the default of {f.__name__}'s argument {key}"] = _fingerprint(default)
        for var, cell in zip(code.co_freevars, f.__closure__ or (), strict=False):
            with contextlib.suppress(ValueError):  # an empty cell
                places[var] = _fingerprint(cell.cell_contents)
        for var in _code_names(code):
            if var not in f.__globals__:
                continue
            value = f.__globals__[var]
            places[var] = _fingerprint(value)
            if isinstance(value, types.FunctionType) and value.__globals__ is f.__globals__:
                todo.append(value)
            attributes = getattr(value, "__dict__", None)
            if isinstance(attributes, dict | types.MappingProxyType):
                places.update({f"{var}.{attr}": _fingerprint(item)
                               for attr, item in list(attributes.items())
                               if not str(attr).startswith("__")})
    return places


def _kept_outside(save_rng: object) -> str:
    """`` (each call of save_rng changes X)`` if a call of ``save_rng`` here rebinds, fills
    or adds a place of :func:`_places`; else nothing."""
    before = _places(save_rng)
    try:
        call(save_rng, _part_way("PCG64", 12345))
    except (Wrong, NotAttempted):
        return ""
    after = _places(save_rng)
    changed = sorted(name for name in after if before.get(name, after[name]) != after[name]
                     or (name not in before and "." in name))
    if not changed:
        return ""
    return f" (each call of save_rng changes {' and '.join(changed[:3])})"


def _from_text_alone(load_rng: object, name: str, text: str, expected: list,
                     when: str, kept: str = "") -> None:
    """Wrong unless ``load_rng(text)`` (``text`` a checkpoint of a Generator on ``name``)
    continues the stream with ``expected``; ``when`` says in what situation it was loaded,
    ``kept`` what save_rng kept outside the text, if that is known."""
    try:
        loaded = call(load_rng, text)
        kind = type(getattr(loaded, "bit_generator", None)).__name__
        if not isinstance(loaded, np.random.Generator):
            what = f"returned {a_type(loaded)}"
        elif kind != name:
            what = f"returned a Generator({kind}(...))"
        elif _next_draws(loaded) != expected:
            what = "returned a Generator that does not continue its stream"
        else:
            return
    except NotAttempted:
        what = "returned None"
    except Wrong as err:
        hint = str(err) if len(str(err)) <= 80 else f"{str(err)[:77]}..."
        what = "returned None" if "returned None" in hint else f"failed ({hint})"
    raise Wrong(f"load_rng must rebuild the generator from the text alone: {when}, load_rng "
                f"of the checkpoint of a Generator({name}(...)) {what}. Does save_rng keep the "
                "generator (or a copy) outside the text, in a variable, a dict, a class or a "
                f"module that load_rng reads{kept}? Those are gone in a new Python process: "
                "put everything in the JSON text")


def _own_bit_generators(save_rng: object, load_rng: object, name: str, text: str) -> None:
    """Wrong unless two Generators loaded from two checkpoints of Generators on ``name`` (one
    of them ``text``) have bit generators of their own: drawing from the first may not move
    the second (a ``load_rng`` that keeps one bit generator object per kind and sets its
    state fails)."""
    other = _part_way(name, 99)
    other_expected = _next_draws(other)
    other_text = _for(name, save_rng, other)
    first, second = _for(name, load_rng, text), _for(name, load_rng, other_text)
    shared = first.bit_generator is second.bit_generator
    first.random(10)  # draw from the first, without copying it
    if shared or _next_draws(second) != other_expected:
        raise Wrong(f"two Generators loaded from two checkpoints of Generator({name}(...))s "
                    "share one bit generator, so drawing from one moves the other (does "
                    "load_rng keep one bit generator per kind and set its state?): build a "
                    "new bit generator for every checkpoint it loads")


def _interleaved(a: np.random.Generator, b: np.random.Generator) -> tuple[list, list]:
    """The draws of :func:`_next_draws` from ``a`` and from ``b`` themselves (no copies),
    taken in turn: a, b, a, b, ..."""
    steps = [lambda g: g.integers(0, 2**32, size=3, dtype=np.uint32).tolist(),
             lambda g: g.random(3).tolist(), lambda g: g.standard_normal(3).tolist()]
    got_a, got_b = [], []
    for step in steps:
        got_a.append(step(a))
        got_b.append(step(b))
    return got_a, got_b


def _loaded_twice(save_rng: object, load_rng: object, name: str, text: str,
                  expected: list) -> None:
    """Wrong unless two Generators loaded from one checkpoint ``text`` each replay its draws
    ``expected`` when drawn from in turn: a ``load_rng`` that caches and returns the same
    Generator (or bit generator) for the same text fails (the second load draws what the
    first skipped). One bit generator per kind is named by :func:`_own_bit_generators`."""
    first, second = _for(name, load_rng, text), _for(name, load_rng, text)
    if not (isinstance(first, np.random.Generator) and isinstance(second, np.random.Generator)):
        return  # the first load's checks name the type
    if first is not second and first.bit_generator is second.bit_generator:
        _own_bit_generators(save_rng, load_rng, name, text)
    got_a, got_b = _interleaved(first, second)
    if got_a != expected or got_b != expected:
        same = ("the same Generator object" if first is second else
                "Generators on one bit generator" if first.bit_generator is second.bit_generator
                else "Generators that do not both replay it")
        raise Wrong(f"load_rng must return a new generator each call: loading the checkpoint "
                    f"of a Generator({name}(...)) twice gave {same}, so drawing from one in "
                    "turn with the other skips draws (a cache keyed by the text?). Build a "
                    "new Generator and bit generator from the text every time")


@exercise_check
def check_rng_checkpoint(save_rng: object, load_rng: object) -> str:
    """Exercise 4: ``load_rng(save_rng(rng))`` continues ``rng``'s stream from the checkpoint.

    For each bit generator of :data:`_BIT_GENERATORS`: ``save_rng`` returns JSON text and
    leaves ``rng`` alone; ``load_rng`` builds, from that text only, a new Generator on the
    same kind of bit generator whose next draws (32-bit integers first, then floats and
    normals) are those ``rng`` made after the checkpoint, even after ``rng`` has moved on.
    "From that text only": once every checkpoint is saved, they are loaded again in the
    reverse order (a generator kept in a variable by ``save_rng`` shows), and checkpoints
    of generators new to this process, saved in a forked copy of it that then exits, are
    loaded here (:func:`_saved_elsewhere`): whatever ``save_rng`` kept outside the text (a
    dict keyed by the text, a class attribute, a default argument, an attribute of a
    module) is gone, as in a new process. Where the system cannot fork, they are loaded by
    :func:`_in_new_process`'s copy of ``load_rng``, which reads its module's variables as
    they were before those saves (and misses a cache kept elsewhere). Two Generators loaded
    from two checkpoints of one kind must not share a bit generator (drawing from one would
    move the other).

    Examples
    --------
    >>> import json
    >>> def save_rng(rng):
    ...     return json.dumps(rng.bit_generator.state)
    >>> def load_rng(text):
    ...     state = json.loads(text)
    ...     bit_generator = getattr(np.random, state["bit_generator"])()
    ...     bit_generator.state = state
    ...     return np.random.Generator(bit_generator)
    >>> check_rng_checkpoint(save_rng, load_rng)
    ✗ Not yet: for a Generator(MT19937(...)): your code raised TypeError: Object of type
      ndarray is not JSON serializable (the states of MT19937, Philox and SFC64 hold NumPy
      arrays, which json cannot write as they are)
    """
    new_process = _in_new_process(load_rng)  # before any save_rng of this check
    saved: list[tuple[str, str, list]] = []
    for k, name in enumerate(_BIT_GENERATORS):
        rng = _part_way(name, 20 + k)
        expected, at_checkpoint = _next_draws(rng), copy.deepcopy(rng)
        text = _for(name, save_rng, rng)
        saved.append((name, text, expected))
        if not isinstance(text, str):
            raise Wrong(f"save_rng must return the checkpoint as JSON text (a str, as "
                        f"json.dumps makes), got {type(text).__name__}")
        try:
            json.loads(text)
        except ValueError:
            raise Wrong(f"for a Generator({name}(...)) save_rng's text is not JSON: json.loads "
                        "cannot read it back (str() or repr() of a dict is not JSON)") from None
        if _next_draws(rng) != expected:
            raise Wrong("save_rng moved rng along its stream (did it draw from rng?): saving "
                        "must only read the state, so the run goes on as if nothing happened")
        rng.random(100)  # the run goes on after the checkpoint
        loaded = _for(name, load_rng, text)
        if not isinstance(loaded, np.random.Generator):
            raise Wrong(f"load_rng must return a numpy.random.Generator, got "
                        f"{type(loaded).__name__}")
        kind = type(loaded.bit_generator).__name__
        if kind != name:
            raise Wrong(f"for a Generator({name}(...)) the loaded Generator runs on {kind}: "
                        "rebuild the bit generator that the checkpoint names")
        got = _next_draws(loaded)
        if got != _next_draws(_for(name, load_rng, text)):
            raise Wrong("loading one checkpoint twice gave two different streams: build the "
                        "Generator from the text alone")
        if got == expected:
            _loaded_twice(save_rng, load_rng, name, text, expected)
            continue
        if got == _next_draws(np.random.Generator(getattr(np.random, name)(20 + k))):
            raise Wrong(f"for a Generator({name}(...)) the loaded Generator starts the stream "
                        "again from its seed: restore the state saved in the checkpoint, which "
                        "says where the stream had got to")
        if got == _next_draws(rng):
            raise Wrong("the loaded Generator continues from where rng is now, not from where "
                        "it was when saved: take everything from the checkpoint's text")
        state = at_checkpoint.bit_generator.state
        if state.get("has_uint32"):
            state.update(has_uint32=0, uinteger=0)
            at_checkpoint.bit_generator.state = state
            if got == _next_draws(at_checkpoint):
                raise Wrong(f"for a Generator({name}(...)) the loaded Generator's next 32-bit "
                            "draw differs: has_uint32 and uinteger (half of a 64-bit draw "
                            "kept for the next 32-bit draw) are part of the state: restore "
                            "all of it")
        raise Wrong(f"for a Generator({name}(...)) the loaded Generator does not continue "
                    "rng's stream from the checkpoint: restore the whole state that "
                    "rng.bit_generator.state held when saved")
    for name, text, expected in saved[::-1]:
        _from_text_alone(load_rng, name, text, expected,
                         f"after the checkpoints of {len(saved)} generators were saved")
    _own_bit_generators(save_rng, load_rng, *saved[0][:2])
    call_number = next(_CHECKPOINT_CALLS)
    rngs = [_part_way(name, 1_000_000 + len(_BIT_GENERATORS) * call_number + k)
            for k, name in enumerate(_BIT_GENERATORS)]
    expected = [_next_draws(rng) for rng in rngs]
    texts = _saved_elsewhere(save_rng, rngs)
    when = ("in a new Python process (here: saved by a copy of this process that then "
            "exited, loaded here)")
    if texts is None:  # no fork: load_rng reads its module's variables as they were
        when = ("in a new Python process (here: with the variables that load_rng reads as "
                "they were before save_rng ran)")
        texts = [_for(name, save_rng, rng) for name, rng in zip(_BIT_GENERATORS, rngs,
                                                                strict=True)]
        load_rng = new_process
    for name, text, want in zip(_BIT_GENERATORS, texts, expected, strict=True):
        try:
            _from_text_alone(load_rng, name, text, want, when)
        except Wrong:  # name what save_rng kept outside the text, if that shows
            _from_text_alone(load_rng, name, text, want, when, _kept_outside(save_rng))
            raise
    return (f"save_rng and load_rng checkpoint a Generator on any of {', '.join(_BIT_GENERATORS)}"
            ": the loaded one continues the stream exactly where it was saved, from the text "
            "alone.")
