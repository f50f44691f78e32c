"""Right and wrong answers to Day 1's exercise checks (run by tests/test_exercises.py).

Besides the usual answers: other idioms, dtypes and bit generators that must pass, and the
mistakes of expert.md section 3 that apply (the legacy global API, seed arithmetic whose
streams collide across seeds, non-random or sorted output, overlapping or dependent draws,
mutation), each with the hint it must get.
"""

import base64
import copy
import hashlib
import importlib.util
import json
import pickle
import random
from typing import ClassVar

import numpy as np
from numpy.random import (
    MT19937,
    PCG64,
    PCG64DXSM,
    SFC64,
    Generator,
    Philox,
    SeedSequence,
    default_rng,
)
from scipy.stats import norm, randint

from helpers.checks.day01 import (
    check_noisy_copy,
    check_rng_checkpoint,
    check_roll_die,
    check_worker_rngs,
)
from helpers.exercises import CORRECT, WRONG

# --------------------------------------------------------------- Exercise 1: noisy_copy


def _stdlib_noise(x, scale, rng):  # Python's global random module, seeded from rng
    random.seed(int(rng.integers(2**63)))
    return x + scale * np.array([random.gauss(0, 1) for _ in range(x.size)]).reshape(x.shape)


def _global_noise(x, scale, rng):
    return x + scale * np.random.randn(*x.shape)  # noqa: NPY002 (the mistake under test)


def _in_place(x, scale, rng):
    x += scale * rng.standard_normal(x.shape)
    return x


def _copy_then_add(x, scale, rng):
    y = x.copy()
    y += rng.normal(0.0, scale, size=x.shape)
    return y


def _sorted_noise(x, scale, rng):
    return x + np.sort(scale * rng.standard_normal(x.size)).reshape(x.shape)


def _box_muller(x, scale, rng):
    u1, u2 = 1 - rng.random(x.shape), rng.random(x.shape)  # u1 in (0, 1]
    return x + scale * np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * u2)


def _add_out(x, scale, rng):
    out = np.empty(x.shape)
    np.add(x, scale * rng.standard_normal(x.shape), out=out)
    return out


def _standardized(x, scale, rng):
    z = rng.standard_normal(x.shape)
    return x + scale * (z - z.mean()) / z.std()


def _centred(x, scale, rng):
    z = rng.standard_normal(x.shape)
    return x + scale * (z - z.mean())


def _unit_sd(x, scale, rng):
    z = rng.standard_normal(x.shape)
    return x + scale * z / z.std()


def _unit_rms(x, scale, rng):
    z = rng.standard_normal(x.shape)
    return x + scale * z / np.sqrt(np.mean(z**2))


def _antithetic(x, scale, rng):
    half = rng.standard_normal((x.size + 1) // 2)
    return x + scale * np.concatenate([half, -half])[:x.size].reshape(x.shape)


# A generator with a constant seed for something other than the draws (F7), and noise picked
# from a fixed pool of precomputed values, made once or inside the call (F7, F8).
_POOL = np.random.default_rng(0).standard_normal(50_000)
_BIG_POOL = np.random.default_rng(1).standard_normal(10**6)


def _constant_sign(x, scale, rng):
    sign = np.random.default_rng(1).choice([-1.0, 1.0])
    return x + sign * scale * rng.standard_normal(x.shape)


def _fixed_order(x, scale, rng):
    order = np.random.default_rng(0).permutation(x.size)
    return x + scale * rng.standard_normal(x.size)[order].reshape(x.shape)


def _rows_from_wide_base(x, scale, rng):
    """A generator per row of x (x itself when 0-D or 1-D) seeded s + i, s below 2**63."""
    s = int(rng.integers(2**63))
    rows = np.reshape(x, (-1, x.shape[-1])) if x.ndim > 1 else np.reshape(x, (1, -1))
    noise = [default_rng(s + i).standard_normal(row.shape) for i, row in enumerate(rows)]
    return x + scale * np.reshape(noise, x.shape)


NOISY_COPY = [
    (lambda x, scale, rng: x + scale * rng.standard_normal(x.shape), CORRECT, "N(0, scale²)"),
    (lambda x, scale, rng: x + rng.normal(0, scale, x.shape), CORRECT, None),
    # unusual but right: keywords, float32 draws, a flat draw reshaped, a copy then +=,
    # noise from a child generator seeded by rng
    (lambda x, scale, rng: np.add(x, rng.normal(scale=scale, size=np.shape(x))), CORRECT, None),
    (lambda x, scale, rng: x + scale * rng.standard_normal(x.shape, dtype=np.float32), CORRECT,
     None),
    (lambda x, scale, rng: x + scale * rng.standard_normal(x.size).reshape(x.shape), CORRECT,
     None),
    (_copy_then_add, CORRECT, None),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(2**63)).standard_normal(
        x.shape), CORRECT, None),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(2**32, size=4)).standard_normal(
        x.shape), CORRECT, None),
    # the course's one seed policy: arithmetic on a base drawn wide from rng is right (two
    # runs' bases lie a few steps apart with odds about 2**-60); the verdict tips spawn
    (_rows_from_wide_base, CORRECT, "rng.spawn(n) makes n independent child generators"),
    # ... the normal's loc as x, SciPy with random_state, Box-Muller and the inverse CDF from
    # uniforms, a float32 result, a transposed draw, np.add with out=, a spawned child
    (lambda x, scale, rng: rng.normal(x, scale), CORRECT, None),
    (lambda x, scale, rng: norm.rvs(loc=x, scale=scale, size=x.shape, random_state=rng),
     CORRECT, None),
    (_box_muller, CORRECT, None),
    (lambda x, scale, rng: x + scale * norm.ppf(rng.random(x.shape)), CORRECT, None),
    (lambda x, scale, rng: (x + scale * rng.standard_normal(x.shape)).astype(np.float32),
     CORRECT, None),
    (lambda x, scale, rng: x + scale * rng.standard_normal(x.shape[::-1]).T, CORRECT, None),
    (_add_out, CORRECT, None),
    (lambda x, scale, rng: x + scale * rng.spawn(1)[0].standard_normal(x.shape), CORRECT, None),
    # ... and, knowingly, an approximate normal: the sum of 12 uniforms minus 6 (its shape
    # differs from the normal's in the far tails only, beyond what the check measures)
    (lambda x, scale, rng: x + scale * (rng.random((12, *x.shape)).sum(axis=0) - 6), CORRECT,
     None),
    # wrong: a child generator re-seeded with a small integer drawn from rng (few streams)
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(10)).standard_normal(x.shape),
     WRONG, "such as rng.integers(1000)? Such a seed takes few values"),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(256)).standard_normal(x.shape),
     WRONG, "only 256 different noises from 2,000 generators"),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(1_000)).standard_normal(
        x.shape), WRONG, "gave exactly the same noise"),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(10_000)).standard_normal(
        x.shape), WRONG, "gave exactly the same noise"),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(100_000)).standard_normal(
        x.shape), WRONG, "gave exactly the same noise"),
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(2**20)).standard_normal(
        x.shape), WRONG, "gave exactly the same noise"),
    # ... and from more values, but below 2**40: no repeat among 2,000 generators, so the
    # seed itself is read (the birthday bound, the rule of Exercise 3's workers)
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(2**24)).standard_normal(
        x.shape), WRONG, ("noise values come from a new generator seeded with too few varying "
                      "bits: the seeds vary by about 24 bits (40 or fewer: an integer drawn "
                      "below 2**40, such as rng.integers(2**32)?), so n such seeds drawn over "
                      "many runs share a value about n**2 / 2**25 times (the birthday bound")),
    # ... a 40-bit seed: mostly above 2**32, but it varies by 40 bits only (rejected, as in
    # Exercise 3); a 48-bit one passes in both
    (lambda x, s, r: x + s * np.random.default_rng(int(r.integers(2**40))).standard_normal(
        x.shape), WRONG, "the seeds vary by about 40 bits (40 or fewer"),
    (lambda x, s, r: x + s * np.random.default_rng(int(r.integers(2**48))).standard_normal(
        x.shape), CORRECT, None),
    (lambda x, scale, rng: x + scale * default_rng(int(rng.integers(2**32))).standard_normal(
        x.shape), WRONG, "birthday bound"),
    (lambda x, scale, rng: x + scale * Generator(PCG64(rng.integers(2**32))).standard_normal(
        x.shape), WRONG, "rng.spawn(1)[0]"),
    # ... the same seed wrapped in a list, tuple or array ([k], [k, 0] and (k,) are the seed
    # k: SeedSequence pads with zeros), judged by how many bits the seeds vary across calls
    (lambda x, s, rng: x + s * np.random.default_rng([int(rng.integers(2**32))]).standard_normal(
        x.shape), WRONG, "birthday bound"),
    (lambda x, s, rng: x + s * np.random.Generator(np.random.PCG64(
        [int(rng.integers(2**32))])).standard_normal(x.shape), WRONG, "birthday bound"),
    (lambda x, s, rng: x + s * default_rng((int(rng.integers(2**32)),)).standard_normal(
        x.shape), WRONG, "birthday bound"),
    (lambda x, s, rng: x + s * default_rng(np.array([rng.integers(2**32)])).standard_normal(
        x.shape), WRONG, "birthday bound"),
    (lambda x, s, rng: x + s * default_rng([int(rng.integers(2**32)), 0]).standard_normal(
        x.shape), WRONG, "birthday bound"),
    # ... while a list of four 32-bit words (128 bits) is a seed of its own
    (lambda x, s, rng: x + s * default_rng([int(v) for v in rng.integers(2**32, size=4)])
     .standard_normal(x.shape), CORRECT, None),
    # wrong: x left out, multiplied, rounded or replaced by its mean
    (lambda x, scale, rng: scale * rng.standard_normal(x.shape), WRONG,
     "does not follow x (it looks like the noise alone)"),
    (lambda x, scale, rng: x.mean() + scale * rng.standard_normal(x.shape), WRONG,
     "does not follow x"),
    (lambda x, scale, rng: x * scale * rng.standard_normal(x.shape), WRONG,
     "larger where |x| is larger"),
    (lambda x, scale, rng: x * (1 + scale * rng.standard_normal(x.shape)), WRONG,
     "larger where |x| is larger (multiplied by x?)"),
    (lambda x, scale, rng: x + scale * np.abs(x) * rng.standard_normal(x.shape), WRONG,
     "multiplied by x?"),
    (lambda x, scale, rng: x.astype(int) + scale * rng.standard_normal(x.shape), WRONG,
     "converted to integers"),
    (lambda x, scale, rng: np.round(x) + scale * rng.standard_normal(x.shape), WRONG,
     "rounded"),
    # ... rounding too fine for the noise to show at scale 0.5: a tiny scale shows it
    (lambda x, scale, rng: np.round(x, 1) + scale * rng.standard_normal(x.shape), WRONG,
     "with scale=1e-08 your copy is up to 0.05 from x, far more than the noise: is x rounded"),
    (lambda x, scale, rng: np.round(x, 3) + scale * rng.standard_normal(x.shape), WRONG,
     "is x rounded, or converted to a low precision"),
    (lambda x, scale, rng: (x + scale * rng.standard_normal(x.shape)).astype(np.float16), WRONG,
     "with scale=1e-08"),
    (lambda x, scale, rng: x.astype(np.float16) + scale * rng.standard_normal(x.shape), WRONG,
     "converted to a low precision (float16)"),
    # wrong: draws tied to each other (forced mean or sd, antithetic halves), a re-seeded or
    # copied generator, scale misread
    (_standardized, WRONG, "mean exactly 0 and standard deviation exactly 0.5"),
    (_centred, WRONG, "mean exactly 0: forcing"),
    (_unit_sd, WRONG, "standard deviation exactly 0.5: forcing"),
    (_unit_rms, WRONG, "for an x of one element has the right spread but not the normal"),
    (_antithetic, WRONG, "depend on each other"),
    (lambda x, scale, rng: x + scale * default_rng(rng.bit_generator.seed_seq).standard_normal(
        x.shape), WRONG, "twice with one rng gave the same copy twice"),
    (lambda x, scale, rng: x + scale * copy.deepcopy(rng).standard_normal(x.shape), WRONG,
     "twice with one rng gave the same copy twice"),
    (lambda x, scale, rng: x + np.sqrt(scale) * rng.standard_normal(x.shape), WRONG,
     "not the variance"),
    (lambda x, scale, rng: x + rng.standard_normal(x.shape), WRONG,
     "should have standard deviation 0.5; yours has"),
    # ... noise whose spread is right at scale=0.5 only (scale ignored, or misused)
    (lambda x, scale, rng: x + rng.normal(0, 0.5, x.shape), WRONG,
     "with scale=2.0 the noise should have standard deviation 2.0; yours has 0.503 (the same"),
    (lambda x, scale, rng: x + 0.5 * rng.standard_normal(x.shape), WRONG,
     "(the same as with scale=0.5: does the noise use scale?)"),
    (lambda x, scale, rng: x + np.sqrt(scale / 2) * rng.standard_normal(x.shape), WRONG,
     "yours has 1.0"),
    (lambda x, scale, rng: x + np.sqrt(scale / 2) * rng.standard_normal(x.shape), WRONG,
     "(the noise's standard deviation must equal scale, for every scale)"),
    (lambda x, scale, rng: x + min(scale, 1.0) * rng.standard_normal(x.shape), WRONG,
     "with scale=2.0 the noise should have standard deviation 2.0"),
    (lambda x, scale, rng: x + rng.laplace(0, scale / np.sqrt(2), x.shape), WRONG, "Gaussian"),
    (lambda x, scale, rng: x + rng.normal(scale, size=x.shape), WRONG,  # loc=scale, sd 1
     "the noise should average 0; yours averages 0.5"),
    (lambda x, scale, rng: x + np.cumsum(scale * rng.standard_normal(x.size)).reshape(x.shape)
     / np.sqrt(x.size), WRONG, "depend on each other"),
    (lambda x, scale, rng: (x + scale * rng.standard_normal(x.shape), rng), WRONG,
     "should return one array of numbers, got a tuple"),
    # ... a right copy as a list (issue 20, M2: passed before): the prompt says "returns a
    # new array"; np.array of the list is right
    (lambda x, s, rng: (x + s*rng.standard_normal(np.shape(x))).tolist(), WRONG,
     "return a NumPy array (np.array(...) of your copy), not a list/tuple"),
    (lambda x, s, rng: tuple(x + s * rng.standard_normal(x.shape)), WRONG,
     "return a NumPy array (np.array(...) of your copy), not a list/tuple"),
    (lambda x, s, rng: np.array((x + s * rng.standard_normal(x.shape)).tolist()), CORRECT,
     None),
    # wrong, as before
    (_global_noise, WRONG, "global np.random state"),
    (_stdlib_noise, WRONG, "global state of Python's random module"),
    (lambda x, scale, rng: x + scale * default_rng(42).standard_normal(x.shape), WRONG,
     "inside the function"),
    (lambda x, scale, rng: x + scale * default_rng().standard_normal(x.shape), WRONG,
     "same seed gave different copies"),
    (lambda x, scale, rng: x, WRONG, "no noise"),
    (_in_place, WRONG, "changed its argument x in place"),
    (lambda x, scale, rng: x + scale**2 * rng.standard_normal(x.shape), WRONG,
     "not the variance"),
    (lambda x, scale, rng: x + scale * rng.random(x.shape), WRONG, "average 0"),
    (lambda x, scale, rng: x + scale * np.sqrt(3) * rng.uniform(-1, 1, x.shape), WRONG,
     "Gaussian"),
    (lambda x, scale, rng: x + scale * rng.standard_normal(), WRONG, "the same noise: draw one"),
    (lambda x, scale, rng: x + scale * rng.standard_normal(x.shape[-1]), WRONG,
     "repeats across the rows"),
    (lambda x, scale, rng: x + scale * rng.standard_normal((len(x),) + (1,) * (x.ndim - 1)),
     WRONG, "repeats across the columns"),
    (_sorted_noise, WRONG, "sorted"),
    (lambda x, scale, rng: x + np.tile(scale * rng.standard_normal(x.size // 2), 2).reshape(
        x.shape), WRONG, "repeats across the rows"),
    (lambda x, scale, rng: x + scale * rng.standard_normal(len(x)), WRONG, "ValueError"),
    (lambda x, scale, rng: 1 / 0, WRONG, "ZeroDivisionError"),
    # a constant-seeded generator for a sign or an order, not the noise: right
    (_constant_sign, CORRECT, "N(0, scale²)"),
    (_fixed_order, CORRECT, "N(0, scale²)"),
    # noise picked from a fixed pool: inside the call, at module level, a pool of a million
    (lambda x, scale, rng: x + scale * rng.choice(
        np.random.default_rng(0).standard_normal(50_000), x.shape), WRONG, "fixed pool"),
    (lambda x, scale, rng: x + scale * rng.choice(_POOL, x.shape), WRONG, "fixed pool"),
    (lambda x, scale, rng: x + scale * rng.choice(_BIG_POOL, x.shape), WRONG,
     "noise values repeat an earlier one exactly"),
]

# ----------------------------------------------------------------- Exercise 2: roll_die


def _legacy_die(num_rolls, rng):
    return np.random.randint(1, 7, num_rolls)  # noqa: NPY002 (the mistake under test)


def _stdlib_die(num_rolls, rng):  # Python's global random module, seeded from rng
    random.seed(int(rng.integers(2**63)))
    return np.array([random.randint(1, 6) for _ in range(num_rolls)])


def _loop_die(num_rolls, rng):  # a loop over blocks of 1,000 rolls
    return np.concatenate([rng.integers(1, 7, min(1_000, num_rolls - k))
                           for k in range(0, num_rolls, 1_000)])


def _bytes_mod_6(num_rolls, rng):
    return np.frombuffer(rng.bytes(num_rolls), dtype=np.uint8) % 6 + 1


def _reseeded_die(num_rolls, rng):
    return default_rng(rng.bit_generator.seed_seq).integers(1, 7, num_rolls)


def _second_half_mirrors_first(num_rolls, rng):
    first = rng.integers(1, 7, num_rolls // 2)
    return np.concatenate([first, 7 - first])


def _decks(num_rolls, rng):  # shuffled decks of the six faces, one after another
    decks = rng.permuted(np.tile(np.arange(1, 7), (num_rolls // 6 + 1, 1)), axis=1)
    return decks.ravel()[:num_rolls]


def _block_mostly_repeated(num_rolls, rng):
    """A block of 997 rolls repeated, 5% of the rolls then redrawn: no exact period."""
    rolls = np.resize(rng.integers(1, 7, 997), num_rolls)
    redraw = rng.random(num_rolls) < 0.05
    rolls[redraw] = rng.integers(1, 7, redraw.sum())
    return rolls


def _rolls_from_wide_base(num_rolls, rng):
    """A generator per block of 1,000 rolls seeded s + i, s drawn below 2**63."""
    s = int(rng.integers(2**63))
    return np.concatenate([default_rng(s + i).integers(1, 7, 1000)
                           for i in range(num_rolls // 1000 + 1)])[:num_rolls]


def _never_repeats(num_rolls, rng):
    return (rng.integers(0, 6) + np.cumsum(rng.integers(1, 6, num_rolls))) % 6 + 1


def _alternating_halves(num_rolls, rng):
    low, high = rng.integers(1, 4, num_rolls), rng.integers(4, 7, num_rolls)
    return np.where(np.arange(num_rolls) % 2 == 0, low, high)


_NOT_AN_ARRAY = "return a NumPy array (np.array(...) of your rolls), not a list/tuple"

ROLL_DIE = [
    (lambda num_rolls, rng: rng.integers(1, 7, size=num_rolls), CORRECT, "fair die"),
    (lambda num_rolls, rng: rng.integers(1, 6, num_rolls, endpoint=True), CORRECT, None),
    # unusual but right: choice, a small dtype, floor of uniforms, a loop (slow),
    # one-hot multinomial draws
    (lambda num_rolls, rng: rng.choice(6, num_rolls) + 1, CORRECT, None),
    (lambda num_rolls, rng: rng.choice([1, 2, 3, 4, 5, 6], size=num_rolls), CORRECT, None),
    (lambda num_rolls, rng: rng.integers(1, 7, num_rolls, dtype=np.uint8), CORRECT, None),
    (lambda num_rolls, rng: (rng.random(num_rolls) * 6).astype(int) + 1, CORRECT, None),
    (_loop_die, CORRECT, None),
    (lambda num_rolls, rng: rng.multinomial(1, [1 / 6] * 6, num_rolls).argmax(axis=1) + 1,
     CORRECT, None),
    # ... integers(6) + 1, the inverse CDF by searchsorted, ceil of 6 * (1 - u), int8 and
    # uint64, SciPy with random_state, choice with p
    (lambda num_rolls, rng: rng.integers(6, size=num_rolls) + 1, CORRECT, None),
    (lambda num_rolls, rng: np.searchsorted(np.arange(1, 7) / 6, rng.random(num_rolls),
                                            side="right") + 1, CORRECT, None),
    (lambda num_rolls, rng: np.ceil(6 * (1 - rng.random(num_rolls))).astype(int), CORRECT,
     None),
    (lambda num_rolls, rng: rng.integers(1, 7, num_rolls, dtype=np.int8), CORRECT, None),
    (lambda num_rolls, rng: rng.integers(1, 7, num_rolls, dtype=np.uint64), CORRECT, None),
    (lambda num_rolls, rng: randint.rvs(1, 7, size=num_rolls, random_state=rng), CORRECT,
     None),
    (lambda num_rolls, rng: rng.choice(np.arange(1, 7), num_rolls, p=[1 / 6] * 6), CORRECT,
     None),
    # wrong (issue 20, M1): fair rolls in a list or a tuple; the prompt asks for "a 1-D
    # integer array" (these passed before)
    (lambda n, rng: [int(rng.integers(1, 7)) for _ in range(n)], WRONG, _NOT_AN_ARRAY),
    (lambda n, rng: tuple(rng.integers(1, 7, size=n).tolist()), WRONG, _NOT_AN_ARRAY),
    (lambda n, rng: list(rng.integers(1, 7, size=n)), WRONG, _NOT_AN_ARRAY),
    (lambda num_rolls, rng: rng.integers(1, 7, num_rolls).tolist(), WRONG, _NOT_AN_ARRAY),
    (lambda num_rolls, rng: tuple(rng.integers(1, 7, num_rolls)), WRONG, _NOT_AN_ARRAY),
    # ... while np.array of the same list is right
    (lambda n, rng: np.array([int(rng.integers(1, 7)) for _ in range(n)]), CORRECT, None),
    # ... child generators seeded with 64-bit integers drawn from rng, a remainder % 6 of
    # 2**32 * 6 equally likely values
    (lambda num_rolls, rng: default_rng(rng.integers(2**63)).integers(1, 7, num_rolls),
     CORRECT, None),
    (lambda num_rolls, rng: rng.spawn(1)[0].integers(1, 7, num_rolls), CORRECT, None),
    # wrong: a child generator seeded with an integer below 2**40 drawn from rng (the
    # birthday bound, as for Exercise 3's workers), from 10**7 values (no repeat among
    # 2,000 generators shows it) or 2**32
    (lambda num_rolls, rng: default_rng(rng.integers(10**7)).integers(1, 7, num_rolls),
     WRONG, ("rolls come from a new generator seeded with too few varying bits: the seeds "
             "vary by about 24 bits")),
    # ... or 2**40 (40 bits, the rule of Exercises 1 and 3), while 48 bits pass
    (lambda n, rng: default_rng(int(rng.integers(2**40))).integers(1, 7, n), WRONG,
     "the seeds vary by about 40 bits"),
    (lambda n, rng: default_rng(int(rng.integers(2**48))).integers(1, 7, n), CORRECT, None),
    (lambda num_rolls, rng: default_rng(int(rng.integers(2**32))).integers(1, 7, num_rolls),
     WRONG, "birthday bound"),
    (lambda n, rng: np.random.default_rng([int(rng.integers(2**32))]).integers(1, 7, size=n),
     WRONG, "birthday bound"),
    (lambda num_rolls, rng: rng.integers(0, 6 * 2**32, num_rolls) % 6 + 1, CORRECT, None),
    # the one seed policy: a generator per roll seeded base + i, base drawn below 2**63
    (_rolls_from_wide_base, CORRECT, "rng.spawn(n)"),
    # wrong: dependent rolls (a shuffled deck, blocks repeated or mirrored, overlapping pairs,
    # rolls that avoid or alternate with the roll before)
    (lambda num_rolls, rng: rng.permutation(np.resize(np.arange(1, 7), num_rolls)), WRONG,
     "than independent rolls almost ever are"),
    (lambda num_rolls, rng: rng.choice(np.tile(np.arange(1, 7), num_rolls // 6 + 1), num_rolls,
                                       replace=False), WRONG,
     "than independent rolls almost ever are"),
    (lambda num_rolls, rng: np.resize(rng.integers(1, 7, (num_rolls + 1) // 2), num_rolls),
     WRONG, "repeat one block of 30,000 rolls"),
    (lambda num_rolls, rng: np.tile(rng.integers(1, 7, num_rolls // 2), 2), WRONG,
     "repeat one block of 30,000 rolls"),
    # ... a short block repeated: its face counts are off too (a block of 6 often lacks a
    # face), but the hint names the repetition and does not claim the faces are unfair
    (lambda n, r: np.resize(r.integers(1, 7, size=997), n), WRONG,
     "repeat one block of 997 rolls (roll number t + 997 is always roll number t"),
    (lambda num_rolls, rng: np.tile(rng.integers(1, 7, 6), num_rolls // 6), WRONG,
     "repeat one block of 6 rolls"),
    (lambda num_rolls, rng: np.resize(rng.integers(1, 7, 6), num_rolls), WRONG,
     "repeat one block of 6 rolls"),
    # ... a block that is no exact repeat: the lag test names the dependence
    (_block_mostly_repeated, WRONG, "roll number t + 997 depends on roll number t (a repeating"),
    (_second_half_mirrors_first, WRONG, "roll number t + 30,000 depends on roll number t"),
    (lambda num_rolls, rng: np.repeat(rng.integers(1, 7, num_rolls // 2 + 1), 2)[
        1:num_rolls + 1], WRONG, "depends on the roll before it"),
    (_decks, WRONG, "depends on the roll before it"),
    (_never_repeats, WRONG, "depends on the roll before it"),
    (_alternating_halves, WRONG, "depends on the roll before it"),
    (lambda num_rolls, rng: rng.permutation(num_rolls) % 6 + 1, WRONG,
     "than independent rolls almost ever are"),
    (lambda num_rolls, rng: np.round(rng.uniform(1, 6, num_rolls)).astype(int), WRONG,
     "far from 1/6"),
    (lambda num_rolls, rng: (rng.random(num_rolls) * 7).astype(int), WRONG,
     "your rolls hold [0, 1, 2, 3, 4, 5, 6]"),
    (lambda num_rolls, rng: [rng.integers(1, 7)] * num_rolls, WRONG,
     "one roll repeated num_rolls times"),
    # wrong, as before
    (_legacy_die, WRONG, "global np.random state"),
    (_stdlib_die, WRONG, "Python's random module (random.seed, random.random, ...); draw from"),
    (lambda num_rolls, rng: np.tile(np.arange(1, 7), num_rolls // 6), WRONG,
     "different seeds gave the same rolls"),
    (lambda num_rolls, rng: np.tile(rng.permutation(np.arange(1, 7)), num_rolls // 6), WRONG,
     "repeat one block of 6 rolls"),
    (lambda num_rolls, rng: np.repeat(rng.integers(1, 7, num_rolls // 2), 2), WRONG,
     "depends on the roll before it"),
    (lambda num_rolls, rng: np.sort(rng.integers(1, 7, num_rolls)), WRONG, "sorted"),
    (lambda num_rolls, rng: rng.integers(1, 6, num_rolls), WRONG, "never draws high"),
    (lambda num_rolls, rng: rng.integers(0, 6, num_rolls), WRONG, "0 to 5"),
    (lambda num_rolls, rng: rng.integers(0, 7, num_rolls), WRONG, "faces 1 to 6"),
    (lambda num_rolls, rng: rng.choice(np.arange(1, 7), num_rolls,
                                       p=[0.2, 0.16, 0.16, 0.16, 0.16, 0.16]), WRONG,
     "equally likely"),
    (lambda num_rolls, rng: rng.integers(0, 3, num_rolls) + rng.integers(1, 5, num_rolls),
     WRONG, "equally likely"),
    (lambda num_rolls, rng: rng.uniform(1, 7, num_rolls), WRONG, "integer array"),
    (lambda num_rolls, rng: np.ceil(6 * rng.random(num_rolls)), WRONG, "stored as floats"),
    (lambda num_rolls, rng: rng.integers(1, 7, 60_000), WRONG, "roll_die(7, rng)"),
    (lambda num_rolls, rng: rng.integers(1, 7, (num_rolls, 1)), WRONG, "1-D"),
    (lambda num_rolls, rng: default_rng(42).integers(1, 7, num_rolls), WRONG,
     "made inside the function"),
    (lambda num_rolls, rng: default_rng().integers(1, 7, num_rolls), WRONG,
     "same seed gave different rolls"),
    (_reseeded_die, WRONG, "from a new generator"),
    # wrong: a child generator re-seeded with a small integer drawn from rng (few streams)
    (lambda num_rolls, rng: default_rng(rng.integers(10)).integers(1, 7, num_rolls), WRONG,
     "gave exactly the same 60 rolls: are the rolls drawn from a new generator seeded"),
    (lambda num_rolls, rng: default_rng(rng.integers(1_000)).integers(1, 7, num_rolls), WRONG,
     "gave exactly the same 60 rolls"),
    (lambda num_rolls, rng: default_rng(rng.integers(100_000)).integers(1, 7, num_rolls),
     WRONG, "Such a seed takes few values"),
    # wrong: a bias of about 1% (modulo bias), which only 1,200,000 rolls show
    (_bytes_mod_6, WRONG, "a small bias, but not 1/6 = 0.1667 each"),
    (lambda num_rolls, rng: rng.integers(0, 256, num_rolls, dtype=np.uint8) % 6 + 1, WRONG,
     "such as a byte's 256, favours low faces"),
    (lambda num_rolls, rng: rng.integers(0, 200, num_rolls) % 6 + 1, WRONG,
     "in 1,200,000 rolls the faces 1 to 6 come up with frequencies"),
    # ... and, knowingly (check_roll_die's detection limit), a bias of 0.4%: faces 5 and 6
    # at 0.166 instead of 0.1667, which 1,200,000 rolls show with probability 0.0075
    (lambda num_rolls, rng: rng.integers(0, 1000, num_rolls) % 6 + 1, CORRECT,
     "no face off by 2% of 1/6 in 1,200,000 rolls"),
    # ... and a bias towards face 6: no remainder to blame
    (lambda num_rolls, rng: rng.choice(np.arange(1, 7), num_rolls, p=[0.166] * 5 + [0.17]),
     WRONG, "equally likely? (Face 6 comes up most often)"),
    # a constant-seeded generator to shuffle the faces, the rolls from rng: right ...
    (lambda num_rolls, rng: np.random.default_rng(0).permutation(np.arange(1, 7))[
        rng.integers(0, 6, num_rolls)], CORRECT, "fair die from rng"),
    (lambda num_rolls, rng: rng.choice(np.random.default_rng(5).permutation(np.arange(1, 7)),
                                       num_rolls), CORRECT, "fair die from rng"),
    # ... the rolls themselves from a constant-seeded generator: wrong
    (lambda num_rolls, rng: np.random.default_rng(0).integers(1, 7, num_rolls), WRONG,
     "generators with different seeds gave the same rolls"),
]

# -------------------------------------------------------------- Exercise 3: worker_rngs


def _spawned(seed, num_workers):
    return [default_rng(c) for c in SeedSequence(seed).spawn(num_workers)]


def _from_global(seed, num_workers):
    np.random.seed(seed)  # noqa: NPY002 (the mistake under test)
    return [default_rng(np.random.randint(2**31)) for _ in range(num_workers)]  # noqa: NPY002


def _one_bit_generator(seed, num_workers):
    bit_generator = PCG64(seed)
    return [Generator(bit_generator) for _ in range(num_workers)]


def _advanced(step, bit_generator=PCG64):
    def worker_rngs(seed, num_workers):
        return [Generator(bit_generator(seed).advance(step * i)) for i in range(num_workers)]
    return worker_rngs


def _spawned_on(bit_generator):
    def worker_rngs(seed, num_workers):
        return [Generator(bit_generator(c)) for c in SeedSequence(seed).spawn(num_workers)]
    return worker_rngs


def _burnt_in(seed, num_workers):  # worker i skips the first 1,000 * i draws of one stream
    gens = [default_rng(seed) for _ in range(num_workers)]
    for i, g in enumerate(gens):
        g.bit_generator.random_raw(1_000 * i)
    return gens


def _chained_jumps(seed, num_workers):
    bit_generator, gens = PCG64(seed), []
    for _ in range(num_workers):
        gens.append(Generator(bit_generator))
        bit_generator = bit_generator.jumped()
    return gens


def _chained_jumps_from_one(seed, num_workers):  # worker 0 on PCG64(seed).jumped()
    return _chained_jumps(seed, num_workers + 1)[1:]


def _advanced_from_one(step):
    def worker_rngs(seed, num_workers):
        return _advanced(step)(seed, num_workers + 1)[1:]
    return worker_rngs


def _random_child_seeds(seed, num_workers):  # 4 of 1,000 seeds per run: collide across runs
    return [default_rng(int(s)) for s in default_rng(seed).integers(1_000, size=num_workers)]


def _wide(seed):
    """A base drawn wide (63 bits) from seed."""
    return int(np.random.default_rng(seed).integers(2**63))


def _drawn_base(base, num_workers):
    return [np.random.default_rng([base, i, 1]) for i in range(num_workers)]


WORKER_RNGS = [
    (_spawned, CORRECT, "distinct worker streams"),
    (lambda seed, n: default_rng(seed).spawn(n), CORRECT, None),  # Generator.spawn
    # unusual but right: NumPy's documented sequence-of-integers seeds ending in a nonzero
    # tag (both orders), a SeedSequence spawn_key by hand, jumped PCG64 streams, another bit
    # generator, a tuple, child seeds drawn from a generator of the seed
    (lambda seed, n: [default_rng([i, seed, 1]) for i in range(n)], CORRECT, None),
    (lambda seed, n: [default_rng([seed, i, 1]) for i in range(n)], CORRECT, None),
    (lambda seed, n: [default_rng(SeedSequence(seed, spawn_key=(i,))) for i in range(n)],
     CORRECT, None),
    (lambda seed, n: [Generator(MT19937(c)) for c in SeedSequence(seed).spawn(n)], CORRECT,
     None),
    (lambda seed, n: tuple(default_rng(seed).spawn(n)), CORRECT, None),
    (lambda seed, n: [default_rng(int(s)) for s in default_rng(seed).integers(2**63, size=n)],
     CORRECT, None),
    (lambda seed, n: [default_rng(s) for s in default_rng(seed).integers(2**63, size=n)],
     CORRECT, None),  # NumPy integer seeds, as drawn
    # ... spawned PCG64DXSM, Philox and SFC64, jumped(i + 1), jumped Philox, grandchildren,
    # seeds from generate_state, a longer list, a gap of 2**64 odd draws (jumps and gaps
    # from worker 1 on: worker 0 on PCG64(seed) would be default_rng(seed))
    (_spawned_on(PCG64DXSM), CORRECT, None),
    (_spawned_on(Philox), CORRECT, None),
    (_spawned_on(SFC64), CORRECT, None),
    (lambda seed, n: [Generator(PCG64(seed).jumped(i + 1)) for i in range(n)], CORRECT, None),
    (lambda seed, n: [Generator(Philox(seed).jumped(i)) for i in range(n)], CORRECT, None),
    (lambda seed, n: default_rng(seed).spawn(1)[0].spawn(n), CORRECT, None),
    (lambda seed, n: [default_rng(int(w)) for w in SeedSequence(seed).generate_state(
        n, np.uint64)], CORRECT, None),
    (lambda seed, n: [default_rng([i, 12345, seed]) for i in range(n)], CORRECT, None),
    (lambda seed, n: [Generator(Philox(key=[seed, i])) for i in range(n)], CORRECT, None),
    (_chained_jumps_from_one, CORRECT, None),
    (_advanced_from_one(2**64 + 1), CORRECT, None),
    # wrong: a worker on the stream of default_rng of some seed, the main generator of that
    # run (a list without a nonzero tag is zero-padded: [i, 0] is the seed i)
    (lambda seed, n: [default_rng([i, seed]) for i in range(n)], WRONG,
     ("worker 3 with seed 0 draws exactly what np.random.default_rng(3) draws, the main "
      "generator of the run with seed 3: no worker may share a stream with default_rng(k) "
      "for a seed k that a run would use as its main seed (the check tries every seed it "
      "calls worker_rngs with). SeedSequence pads [3, 0] with zeros, so it is the seed 3; "
      "end a hand-built list in a nonzero tag, [i, seed, 1]")),
    (lambda seed, n: [default_rng([seed, i]) for i in range(n)], WRONG,
     "worker 0 with seed 7 draws exactly what np.random.default_rng(7) draws"),
    (lambda seed, n: [default_rng(seed)] + default_rng(seed).spawn(n - 1), WRONG,
     ("worker 0 with seed 7 draws exactly what np.random.default_rng(7) draws, the main "
      "generator of the run with seed 7")),
    (lambda seed, n: [Generator(PCG64(seed).jumped(i)) for i in range(n)], WRONG,
     "what np.random.default_rng(7) draws"),
    (_chained_jumps, WRONG, "for a seed k that a run would use as its main seed"),
    (_advanced(2**64 + 1), WRONG, "for a seed k that a run would use as its main seed"),
    (lambda seed, n: [default_rng(seed * 2**32 + i) for i in range(n)], WRONG,
     "worker 3 with seed 0 draws exactly what np.random.default_rng(3) draws"),
    # policy (issue 20): a stride of 2**32 is injective and (seed + 1) * 2**32 + i is the words
    # [i, seed + 1], NumPy's documented SeedSequence([i, seed + 1]): never a main run's stream
    (lambda seed, n: [default_rng((seed + 1) * 2**32 + i) for i in range(n)], CORRECT,
     "distinct worker streams"),
    # wrong: colliding seed arithmetic, in both directions, with the arithmetic named
    (lambda seed, n: [default_rng(seed + i) for i in range(n)], WRONG,
     "worker 1 with seed 7 and worker 0 with seed 8 draw the same numbers (seed + i?)"),
    (lambda seed, n: [default_rng(seed - i) for i in range(n)], WRONG,
     "worker 0 with seed 7 and worker 1 with seed 8 draw the same numbers (seed - i?)"),
    (lambda seed, n: [default_rng(seed * i) for i in range(n)], WRONG,
     "worker 0 draws the same numbers with seed 7 and with seed 8 (seed * i?)"),
    (lambda seed, n: [default_rng(seed * (i + 1)) for i in range(n)], WRONG,
     "(seed * (i + 1)?)"),
    (lambda seed, n: [default_rng(seed + 100 * i) for i in range(n)], WRONG,
     "worker 1 with seed 7 and worker 0 with seed 107 draw the same numbers (seed + 100 * i?)"),
    (lambda seed, n: [default_rng(int(f"{seed}{i}")) for i in range(n)], WRONG,
     'worker 0 with seed 71 and worker 10 with seed 7 draw the same numbers (int(f"{seed}{i}")?)'),
    (lambda seed, n: [default_rng(seed + 1_000 * i) for i in range(n)], WRONG,
     "worker 1 with seed 7 and worker 0 with seed 1007 draw the same numbers"),
    (lambda seed, n: [default_rng(seed + 10**6 - 1_000 * i) for i in range(n)], WRONG,
     "worker 3 with seed 1000007 and worker 0 with seed 997007 draw the same numbers"),
    (lambda seed, n: [default_rng(seed * n + i) for i in range(n)], WRONG,
     "(seed * num_workers + i?)"),
    (lambda seed, n: [default_rng(seed ^ i) for i in range(n)], WRONG,
     "runs with different seeds would share streams"),
    # ... arithmetic that only collides with many workers (the prompt sets no limit)
    (lambda seed, n: [default_rng(int(s)) for s in default_rng(seed).integers(2**31 - 1, size=n)],
     WRONG, "birthday bound"),
    (lambda seed, n: [default_rng(int(c.generate_state(1)[0]))
                      for c in SeedSequence(seed).spawn(n)], WRONG, "birthday bound"),
    # ... the same seeds wrapped in a list ([k] is the seed k: SeedSequence pads with zeros)
    (lambda s, n: [np.random.default_rng([int(k)])
                   for k in np.random.default_rng(s).integers(2**32, size=n)],
     WRONG, "birthday bound"),
    (lambda s, n: [np.random.default_rng([int(k)])
                   for k in np.random.SeedSequence(s).generate_state(n)],
     WRONG, "birthday bound"),
    (lambda s, n: [default_rng([int(k), 0]) for k in default_rng(s).integers(2**32, size=n)],
     WRONG, "birthday bound"),
    # ... and 40-bit seeds (the rule of Exercises 1 and 2: 40 bits or fewer collide)
    (lambda s, n: [default_rng(int(k)) for k in default_rng(s).integers(2**40, size=n)],
     WRONG, "every worker is seeded with too few varying bits: the seeds vary by about 40"),
    # ... but not 48-bit, 62-bit or 63-bit seeds, nor lists of four 32-bit words (128 bits)
    (lambda s, n: [default_rng(int(k)) for k in default_rng(s).integers(2**48, size=n)],
     CORRECT, None),
    (lambda s, n: [default_rng(int(k)) for k in default_rng(s).integers(2**62, size=n)],
     CORRECT, None),
    (lambda s, n: [default_rng(int(k)) for k in default_rng(s).integers(2**63, size=n)],
     CORRECT, None),
    (lambda s, n: [default_rng([int(v) for v in w])
                   for w in default_rng(s).integers(2**32, size=(n, 4))], CORRECT, None),
    (lambda s, n: [default_rng(c) for c in SeedSequence(s).spawn(n)], CORRECT, None),
    # ... the same mistakes with NumPy integer seeds (np.int64), judged as plain integers
    (lambda seed, n: [default_rng(s) for s in default_rng(seed).integers(2**31, size=n)],
     WRONG, "birthday bound"),
    (lambda seed, n: [default_rng(v) for v in seed * 10_000 + np.arange(n)], WRONG,
     "worker 10000 of seed s and worker 0 of seed s + 1"),
    (lambda seed, n: [default_rng(int(v)) for v in seed * 10_000 + np.arange(n)], WRONG,
     "worker 10000 of seed s and worker 0 of seed s + 1"),
    (lambda seed, n: [default_rng(np.int64(seed) + i) for i in range(n)], WRONG,
     "worker 1 with seed 7 and worker 0 with seed 8 draw the same numbers (seed + i?)"),
    (lambda seed, n: [default_rng(seed * 10**6 + i) for i in range(n)], WRONG,
     "worker 1000000 of seed s and worker 0 of seed s + 1"),
    (lambda seed, n: [default_rng(seed * 10**6 + 3 * i) for i in range(n)], WRONG,
     "arithmetic on seed and the worker number"),
    (lambda seed, n: [default_rng(seed * 1_000 + i) for i in range(n)], WRONG,
     "worker 0 with seed 8 and worker 1000 with seed 7 draw the same numbers (seed * 1000 + i?)"),
    (lambda seed, n: [default_rng(seed * 100 + i) for i in range(n)], WRONG,
     "worker 0 with seed 8 and worker 100 with seed 7 draw the same numbers (seed * 100 + i?)"),
    (lambda seed, n: [default_rng((seed << 4) | i) for i in range(n)], WRONG,
     "workers 0 and 16 draw the same numbers in worker_rngs(7, 1001)"),
    (lambda seed, n: [default_rng(int(s)) for s in default_rng(seed).integers(2**16, size=n)],
     WRONG, "workers 12 and 456 draw the same numbers"),
    (lambda seed, n: [Generator(Philox(key=seed + i)) for i in range(n)], WRONG, "(seed + i?)"),
    # wrong: shared, overlapping or irreproducible streams
    (lambda seed, n: [default_rng(seed) for _ in range(n)], WRONG,
     "workers 0 and 1 draw the same numbers"),
    (lambda seed, n: [default_rng(seed)] * n, WRONG, "one Generator object"),
    (_one_bit_generator, WRONG, "share one bit generator"),
    (_advanced(1_000), WRONG,
     "worker 1 draws what worker 0 draws after its first 1,000 draws: the workers share one"),
    (_advanced(100_000), WRONG, "after its first 100,000 draws"),
    (_advanced(10**6), WRONG, "after its first 1,000,000 draws"),
    (_advanced(10**6, PCG64DXSM), WRONG, "after its first 1,000,000 draws"),
    (_advanced(10**6, Philox), WRONG, "after its first 4,000,000 draws"),
    (lambda seed, n: [Generator(Philox(key=seed, counter=10**6 * i)) for i in range(n)], WRONG,
     "after its first 4,000,000 draws"),
    (_advanced(2**64), WRONG, "multiple of 2**58 draws apart (advanced by a power of two?)"),
    (_advanced(2**100), WRONG, "multiple of 2**58 draws apart"),
    (_burnt_in, WRONG, "worker 1 draws what worker 0 draws after its first 1,000 draws"),
    (lambda seed, n: [Generator(MT19937(seed + i)) for i in range(n)], WRONG, "(seed + i?)"),
    (lambda seed, n: [Generator(Philox(key=seed, counter=i)) for i in range(n)], WRONG,
     "after its first 4 draws"),
    # wrong: collisions that only seeds 0, 1, 2, ... show, and a guess only when it fits
    (lambda seed, n: [default_rng(seed**2 + i) for i in range(n)], WRONG,
     "worker 0 with seed 2 and worker 3 with seed 1 draw the same numbers: runs"),
    (_random_child_seeds, WRONG, "draw the same numbers: runs with different seeds"),
    (lambda seed, n: [Generator(PCG64(seed % 5).jumped(i)) for i in range(n)], WRONG,
     "worker 0 draws the same numbers with seed 7 and with seed 2: every worker's stream"),
    (lambda seed, n: [default_rng() for _ in range(n)], WRONG, "reproduces"),
    (lambda seed, n: [default_rng(hash(f"w{i}-{seed}") % 2**32) for i in range(n)], WRONG,
     "gives other streams when Python's hash() of a str changes"),
    (lambda seed, n: [default_rng(abs(hash((f"worker{i}", seed)))) for i in range(n)], WRONG,
     "as it does in every new Python process (unless PYTHONHASHSEED is set)"),
    (lambda seed, n: _spawned(0, n), WRONG, "do not depend on seed"),
    (_from_global, WRONG, "global np.random state"),
    (lambda seed, n: np.random.SeedSequence(seed).spawn(n), WRONG,
     "Generator, got SeedSequence"),
    (lambda seed, n: [np.random.RandomState(seed + i) for i in range(n)], WRONG,
     "Generator, got RandomState"),
    (lambda seed, n: _spawned(seed, n - 1), WRONG, "list of 4"),
    (lambda seed, n: (g for g in _spawned(seed, n)), WRONG, "got generator"),
    # a base drawn from seed below 2**40 in [base, i, 1]: seeds 43408 and 44001 share one
    (lambda seed, n: _drawn_base(int(np.random.default_rng(seed).integers(2**32)), n), WRONG,
     "holds a base drawn from seed with too few varying bits"),
    (lambda seed, n: _drawn_base(int(np.random.SeedSequence(seed).generate_state(1)[0]), n),
     WRONG, "holds a base drawn from seed with too few varying bits"),
    (lambda seed, n: _drawn_base(int(np.random.default_rng(seed).integers(2**40)), n), WRONG,
     "vary by about 40 bits"),
    # ... a 63-bit base, or seed itself next to a 32-bit one: right
    (lambda seed, n: _drawn_base(int(np.random.default_rng(seed).integers(2**63)), n),
     CORRECT, None),
    # ... the one seed policy: arithmetic on a base drawn wide from seed (not on seed itself)
    (lambda seed, n: [default_rng(_wide(seed) + i) for i in range(n)], CORRECT, None),
    (lambda seed, n: [default_rng(np.random.SeedSequence(_wide(seed) + i)) for i in range(n)],
     CORRECT, None),
    (lambda seed, n: [np.random.default_rng(
        [int(np.random.default_rng(seed).integers(2**32)), seed, i, 1]) for i in range(n)],
     CORRECT, None),
]

# ------------------------------------------------ Exercise 4: save_rng and load_rng


def _save(rng):
    return json.dumps(rng.bit_generator.state, default=lambda a: a.tolist())


def _load(text):
    state = json.loads(text)
    bit_generator = getattr(np.random, state["bit_generator"])()
    bit_generator.state = state
    return Generator(bit_generator)


def _save_pickled(rng):
    return json.dumps(base64.b64encode(pickle.dumps(rng)).decode("ascii"))


def _load_pickled(text):
    return pickle.loads(base64.b64decode(json.loads(text)))


def _as_lists(value):
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    return value.tolist() if isinstance(value, np.ndarray) else value


class _Encoder(json.JSONEncoder):
    def default(self, o):
        return o.tolist() if isinstance(o, np.ndarray) else super().default(o)


_CLASSES = {"PCG64": PCG64, "PCG64DXSM": PCG64DXSM, "MT19937": MT19937, "Philox": Philox,
            "SFC64": SFC64}


def _load_by_table(text):
    state = json.loads(text)
    bit_generator = _CLASSES[state["bit_generator"]]()
    bit_generator.state = state
    return Generator(bit_generator)


def _save_pcg64_only(rng):
    return json.dumps(rng.bit_generator.state)


def _load_into_pcg64(text):
    bit_generator = PCG64()
    bit_generator.state = json.loads(text)
    return Generator(bit_generator)


def _load_into_default_rng(text):
    rng = default_rng()
    rng.bit_generator.state = json.loads(text)
    return rng


def _save_seed(rng):
    state = _as_lists(rng.bit_generator.state)
    return json.dumps({"name": state["bit_generator"], "seed": rng.bit_generator.seed_seq.entropy})


def _load_seed(text):
    saved = json.loads(text)
    return Generator(getattr(np.random, saved["name"])(saved["seed"]))


_live = []


def _save_live(rng):
    _live[:] = [rng]
    return _save(rng)


def _load_live(text):
    return _live[0]


_kept_rng = None


def _save_kept(rng):  # keeps a copy of the generator in a module-level variable
    global _kept_rng  # the mistake under test
    _kept_rng = copy.deepcopy(rng)
    return _save(rng)


def _load_kept(text):
    return copy.deepcopy(_kept_rng)


_by_text = {}


def _save_by_text(rng):  # keeps a copy of the generator in a dict keyed by the text
    text = _save(rng)
    _by_text[text] = copy.deepcopy(rng)
    return text


def _load_by_text(text):
    return copy.deepcopy(_by_text[text])


def _load_from_cache_or_text(text):  # the cache first, through a helper of the module
    return _cached(text) or _load(text)


def _cached(text):
    return copy.deepcopy(_by_text.get(text))


_one_per_kind = {}


def _load_into_one_per_kind(text):  # one bit generator object per kind, reused
    state = json.loads(text)
    kind = state["bit_generator"]
    bit_generator = _one_per_kind.setdefault(kind, getattr(np.random, kind)())
    bit_generator.state = state
    return Generator(bit_generator)


class _Store:  # a cache kept on a class, not in a variable of the module
    data: ClassVar[dict] = {}


def _save_on_class(rng):
    text = json.dumps({"id": len(_Store.data)})
    _Store.data[text] = copy.deepcopy(rng)
    return text


def _load_from_class(text):
    return copy.deepcopy(_Store.data[text])


_default_cache = {}


def _save_to_default(rng, cache=_default_cache):  # a cache reached as a default argument
    text = json.dumps({"id": len(cache)})
    cache[text] = copy.deepcopy(rng)
    return text


def _load_from_default(text, cache=_default_cache):
    return copy.deepcopy(cache[text])


def _save_on_json(rng):  # a cache kept as an attribute of an imported module
    if not hasattr(json, "_course_cache"):
        json._course_cache = {}
    text = json.dumps({"id": len(json._course_cache)})
    json._course_cache[text] = copy.deepcopy(rng)
    return text


def _load_from_json(text):
    return copy.deepcopy(json._course_cache[text])


def _closure_cache():  # a cache in a closure, and the full state in the text besides
    cache = {}

    def save(rng):
        text = json.dumps({"id": len(cache), "state": _as_lists(rng.bit_generator.state)})
        cache[text] = copy.deepcopy(rng)
        return text

    def load(text):
        return copy.deepcopy(cache[text]) if text in cache else None

    def load_from_text(text):
        return _load(json.dumps(json.loads(text)["state"]))

    return save, load, load_from_text


_SAVE_IN_CLOSURE, _LOAD_FROM_CLOSURE, _LOAD_STATE_FROM_TEXT = _closure_cache()


def _save_after_a_test_draw(rng):
    rng.random()  # "is it working?"
    return _save(rng)


def _load_bit_generator(text):
    return _load(text).bit_generator


def _load_fresh_of_its_kind(text):
    return Generator(getattr(np.random, json.loads(text)["bit_generator"])())


CHECKPOINT = [
    (_save, _load, CORRECT, "continues the stream exactly where it was saved"),
    # unusual but right: a pickled Generator inside JSON, arrays converted by hand or by an
    # encoder class, the bit generator's class from a table
    (_save_pickled, _load_pickled, CORRECT, None),
    (lambda rng: json.dumps(_as_lists(rng.bit_generator.state)), _load, CORRECT, None),
    (lambda rng: json.dumps(rng.bit_generator.state, cls=_Encoder), _load_by_table, CORRECT,
     None),
    (lambda rng: json.dumps({"saved": _as_lists(rng.bit_generator.state)}),
     lambda text: _load(json.dumps(json.loads(text)["saved"])), CORRECT, None),
    # wrong
    (_save_pcg64_only, _load, WRONG,
     ("for a Generator(MT19937(...)): your code raised TypeError: Object of type ndarray is "
      "not JSON serializable (the states of MT19937, Philox and SFC64 hold NumPy arrays")),
    (_save_pcg64_only, _load_into_pcg64, WRONG,
     ("for a Generator(PCG64DXSM(...)): your code raised ValueError: state must be for a "
      "PCG64")),
    (_save, _load_into_default_rng, WRONG, "rebuild the bit generator that the checkpoint names"),
    (_save_seed, _load_seed, WRONG, "starts the stream again from its seed"),
    (_save_live, _load_live, WRONG, "continues from where rng is now"),
    (_save_after_a_test_draw, _load, WRONG, "save_rng moved rng along its stream"),
    (lambda rng: str(rng.bit_generator.state), _load, WRONG, "text is not JSON"),
    (lambda rng: _as_lists(rng.bit_generator.state), _load, WRONG,
     "JSON text (a str, as json.dumps makes), got dict"),
    (_save, _load_bit_generator, WRONG, "must return a numpy.random.Generator, got PCG64"),
    (_save, _load_fresh_of_its_kind, WRONG, "two different streams"),
    (lambda rng: pickle.dumps(rng), pickle.loads, WRONG, "got bytes"),
    (_save, _load_into_one_per_kind, WRONG,
     ("two Generators loaded from two checkpoints of Generator(PCG64(...))s share one bit "
      "generator")),
    (lambda rng: json.dumps(rng.bit_generator.state, default=str), _load, WRONG,
     "for a Generator(MT19937(...)): your code raised TypeError"),
    # wrong: not from the text alone (a copy of rng kept by save_rng, loaded right after)
    (_save_kept, _load_kept, WRONG,
     ("load_rng must rebuild the generator from the text alone: after the checkpoints of 5 "
      "generators were saved, load_rng of the checkpoint of a Generator(Philox(...)) returned "
      "a Generator(SFC64(...))")),
    (_save_by_text, _load_by_text, WRONG,
     ("load_rng must rebuild the generator from the text alone: in a new Python process "
      "(here: saved by a copy of this process that then exited, loaded here), load_rng of "
      "the checkpoint of a Generator(PCG64(...)) failed (your code raised KeyError")),
    (_save_by_text, _load_from_cache_or_text, CORRECT, None),  # the text suffices
    (_save_by_text, _cached, WRONG, "Generator(PCG64(...)) returned None. Does save_rng keep"),
    # wrong: a cache that is no variable of the module (a class attribute, a default
    # argument, an attribute of an imported module, a closure), named in the hint
    (_save_on_class, _load_from_class, WRONG,
     ("saved by a copy of this process that then exited, loaded here), load_rng of the "
      "checkpoint of a Generator(PCG64(...))")),
    (_save_on_class, _load_from_class, WRONG, "each call of save_rng changes _Store.data)"),
    (_save_to_default, _load_from_default, WRONG,
     "each call of save_rng changes the default of _save_to_default's argument cache)"),
    (_save_on_json, _load_from_json, WRONG, "each call of save_rng changes json._course_cache"),
    (_SAVE_IN_CLOSURE, _LOAD_FROM_CLOSURE, WRONG, "changes cache)"),
    (_SAVE_IN_CLOSURE, _LOAD_STATE_FROM_TEXT, CORRECT, None),  # the text suffices
]

CASES = ([(check_noisy_copy, (f,), status, hint) for f, status, hint in NOISY_COPY]
         + [(check_roll_die, (f,), status, hint) for f, status, hint in ROLL_DIE]
         + [(check_worker_rngs, (f,), status, hint) for f, status, hint in WORKER_RNGS]
         + [(check_rng_checkpoint, (save, load), status, hint)
            for save, load, status, hint in CHECKPOINT])

# issue 20: seed arithmetic hidden in the parent that spawns the workers: run s's workers are
# the children that the run with seed s + 1 (or 2s) spawns from its own seed (Day 9's rule)
CASES += [
    # a tuple's hash: the same in every process of one Python, not across versions and builds
    (check_worker_rngs, (lambda seed, n: [default_rng(abs(hash((i, seed)))) for i in range(n)],),
     WRONG, "seeds come from the builtin hash()"),
    (check_worker_rngs, (lambda s, n: default_rng(s + 1).spawn(n),), WRONG,
     "seed arithmetic in the parent"),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence(2 * s).spawn(n)],),
     WRONG, "a child of the run with seed 14"),
    (check_worker_rngs, (lambda s, n: default_rng(SeedSequence(s + 1_000_000)).spawn(n),), WRONG,
     "seed arithmetic in the parent"),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence(s).spawn(n)],),
     CORRECT, None),
]

# issue 20 (H1): a parent seeded with seed plus a large offset (or any integer a run could use
# as its main seed: below 2**40, or c + K * seed) passed unless the check happened to try the
# shifted seed; the hint names the parent's arithmetic
_HINT_1000 = "Spawn from seed itself, not seed + 1000"
CASES += [
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence(s + 1000).spawn(n)],),
     WRONG, _HINT_1000),
    (check_worker_rngs, (lambda s, n: default_rng(s + 1000).spawn(n),), WRONG, _HINT_1000),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence(s + 200).spawn(n)],),
     WRONG, "not seed + 200"),
    (check_worker_rngs, (lambda s, n: default_rng(s + 12345).spawn(n),), WRONG,
     "not seed + 12345"),
    (check_worker_rngs, (lambda s, n: default_rng(s ^ 0xDEADBEEF).spawn(n),), WRONG,
     "spawned from the seed 3,735,928,559, an integer another run could use as its main seed"),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in
                                       SeedSequence(s + 1).spawn(1)[0].spawn(n)],),
     WRONG, "not seed + 1:"),
    (check_worker_rngs, (lambda s, n: default_rng(s + 2**50).spawn(n),), WRONG,
     "not seed + 2**50"),
    (check_worker_rngs, (lambda s, n: default_rng(3 * s + 2**50).spawn(n),), WRONG,
     "not 3 * seed + 2**50"),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence([s + 1000]).spawn(n)],),
     WRONG, _HINT_1000),
    # ... while spawning from seed itself, a list holding it, or a root drawn wide passes
    (check_worker_rngs, (lambda s, n: default_rng(s).spawn(n),), CORRECT, None),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence([s, 1]).spawn(n)],),
     CORRECT, None),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in SeedSequence([7, s, 1]).spawn(n)],),
     CORRECT, None),
    (check_worker_rngs, (lambda s, n: [default_rng(c) for c in
                                       SeedSequence(s).spawn(1)[0].spawn(n)],), CORRECT, None),
    (check_worker_rngs, (lambda s, n: default_rng(default_rng(s).integers(2**63)).spawn(n),),
     CORRECT, None),
    (check_worker_rngs, (lambda s, n: default_rng(
        SeedSequence(s).generate_state(1, np.uint64)[0]).spawn(n),), CORRECT, None),
]

# issue 20 (M2): a load_rng that caches and returns one Generator (or one bit generator) per
# text passed, since each load was judged on a copy; two loads drawn from in turn now fail
_LOADED: dict = {}
_LOADED_BITS: dict = {}
_LOADED_COPIED: dict = {}


def _load_cached(text):  # the same Generator object for the same text
    if text not in _LOADED:
        _LOADED[text] = _load(text)
    return _LOADED[text]


def _load_cached_bits(text):  # a new Generator on the same bit generator for the same text
    if text not in _LOADED_BITS:
        _LOADED_BITS[text] = _load(text).bit_generator
    return Generator(_LOADED_BITS[text])


def _load_copy_of_cached(text):  # a cache of Generators, each load a copy: right
    if text not in _LOADED_COPIED:
        _LOADED_COPIED[text] = _load(text)
    return copy.deepcopy(_LOADED_COPIED[text])


_NEW_EACH_CALL = "load_rng must return a new generator each call"
CASES += [
    (check_rng_checkpoint, (_save, _load_cached), WRONG,
     (f"{_NEW_EACH_CALL}: loading the checkpoint of a Generator(PCG64(...)) twice gave the "
      "same Generator object")),
    (check_rng_checkpoint, (_save, _load_cached_bits), WRONG,
     (f"{_NEW_EACH_CALL}: loading the checkpoint of a Generator(PCG64(...)) twice gave "
      "Generators on one bit generator")),
    (check_rng_checkpoint, (_save, _load_copy_of_cached), CORRECT, None),
]

# issue 20 (M3, L4): antithetic rolls (r and 7 - r) shuffled passed the lag and count tests;
# one roll repeated num_rolls times got the hint on faces outside 1 to 6


def _antithetic_die(num_rolls, rng):
    r = rng.integers(1, 7, (num_rolls + 1) // 2)
    return rng.permutation(np.concatenate([r, 7 - r])[:num_rolls])


def _antithetic_die_shuffled_in_place(num_rolls, rng):
    r = rng.integers(1, 7, num_rolls // 2)
    rolls = np.concatenate([7 - r, r])
    rng.shuffle(rolls)
    return rolls


_PAIRS_HINT = "the rolls come in pairs, each fixed by another"
_REPEATED_HINT = "one roll repeated num_rolls times"
CASES += [
    (check_roll_die, (_antithetic_die,), WRONG, _PAIRS_HINT),
    (check_roll_die, (_antithetic_die_shuffled_in_place,), WRONG, _PAIRS_HINT),
    (check_roll_die, (lambda num_rolls, rng: np.repeat(rng.integers(1, 7), num_rolls),), WRONG,
     _REPEATED_HINT),
    (check_roll_die, (lambda num_rolls, rng: np.full(num_rolls, rng.integers(1, 7)),), WRONG,
     _REPEATED_HINT),
    # ... while fair rolls of other dtypes and idioms pass
    (check_roll_die, (lambda num_rolls, rng: rng.choice(np.arange(1, 7), num_rolls),), CORRECT,
     None),
    (check_roll_die, (lambda num_rolls, rng: rng.integers(1, 7, num_rolls, dtype=np.uint8),),
     CORRECT, None),
]


# Seventh sweep: a seed made with the builtin hash() is refused however wide it is (the
# course's seed policy): hash() of text changes with every process, a tuple's between Python
# versions. Day 1's worker_rngs refused it already; the other checks share the rule now.
def _noise_hashed_text(x, scale, rng):
    g = default_rng(abs(hash(str(int(rng.integers(2**63))))))
    return x + scale * g.standard_normal(x.shape)


def _rolls_hashed_tuple(num_rolls, rng):
    return default_rng(abs(hash((int(rng.integers(2**63)), 6)))).integers(1, 7, num_rolls)


CASES += [
    (check_noisy_copy, (_noise_hashed_text,), WRONG, "from the builtin hash()"),
    (check_roll_die, (_rolls_hashed_tuple,), WRONG, "from the builtin hash()"),
]


# Eighth sweep: a 32-bit draw scrambled into a wide seed (squared, sha256, legacy MT19937
# seeding) looks wide to the seed watch; the first-draw probe sees it is still one of 2**32
def _squared_child(rng):
    return default_rng(int(rng.integers(2**32)) ** 2)


def _sha256_child(rng):
    digest = hashlib.sha256(str(int(rng.integers(2**32))).encode()).hexdigest()
    return default_rng(int(digest, 16))


def _legacy_mt_child(rng):
    bits = MT19937()
    bits._legacy_seeding(int(rng.integers(2**32)))
    return Generator(bits)


def _workers_squared(seed, num_workers):
    return [default_rng(int(s) ** 2) for s in default_rng(seed).integers(2**32, size=num_workers)]


def _workers_sha256(seed, num_workers):
    return [default_rng(int(hashlib.sha256(str(int(s)).encode()).hexdigest(), 16))
            for s in default_rng(seed).integers(2**32, size=num_workers)]


def _workers_wide_squared(seed, num_workers):  # 63-bit draws squared: valid
    return [default_rng(int(s) ** 2) for s in default_rng(seed).integers(2**63, size=num_workers)]


CASES += [
    (check_noisy_copy, (lambda x, scale, rng: x + scale * _squared_child(rng).standard_normal(
        x.shape),), WRONG, "noise values depend on rng only through a seed of 40 bits"),
    (check_noisy_copy, (lambda x, scale, rng: x + _legacy_mt_child(rng).normal(
        0, scale, x.shape),), WRONG, "depend on rng only through a seed of 40 bits"),
    (check_roll_die, (lambda num_rolls, rng: _sha256_child(rng).integers(1, 7, num_rolls),),
     WRONG, "rolls depend on rng only through a seed of 40 bits"),
    (check_roll_die, (lambda num_rolls, rng: default_rng(
        int(rng.integers(2**63)) ** 2).integers(1, 7, num_rolls),), CORRECT, None),
    (check_worker_rngs, (_workers_squared,), WRONG, "drawn from default_rng(seed) with 40 bits"),
    (check_worker_rngs, (_workers_sha256,), WRONG, "drawn from default_rng(seed) with 40 bits"),
    (check_worker_rngs, (_workers_wide_squared,), CORRECT, None),
]


# PyTorch (an eleventh-sweep finding): a torch.Generator seeded with a 63-bit draw from rng
# is right (PyTorch keeps 32 of its bits, so the narrow-seed probe compares the seeds handed
# to manual_seed, not the results); torch.manual_seed is global state, like np.random.seed
def _torch_generator(rng):
    import torch
    return torch.Generator().manual_seed(int(rng.integers(2**63)))


def _torch_global(rng):
    import torch
    torch.manual_seed(int(rng.integers(2**32)))


def _torch_noise(x, scale, rng):
    import torch
    return x + scale * torch.randn(x.shape, dtype=torch.float64,
                                   generator=_torch_generator(rng)).numpy()


def _torch_global_noise(x, scale, rng):
    import torch
    _torch_global(rng)
    return x + scale * torch.randn(x.shape, dtype=torch.float64).numpy()


def _torch_rolls(num_rolls, rng):
    import torch
    return torch.randint(1, 7, (num_rolls,), generator=_torch_generator(rng)).numpy()


def _torch_global_rolls(num_rolls, rng):
    import torch
    _torch_global(rng)
    return torch.randint(1, 7, (num_rolls,)).numpy()


# entropy and spawn key swapped: worker i of the run with seed s is SeedSequence(i)'s spawn
# child s, a worker of the run with seed i (an eleventh-sweep low: the hint named the parent)
CASES += [
    (check_worker_rngs, (lambda seed, num_workers: [
        Generator(PCG64(SeedSequence(i, spawn_key=(seed,)))) for i in range(num_workers)],),
     WRONG, "the seed sits in the spawn key, swapped"),
]


if importlib.util.find_spec("torch") is not None:  # Colab-like venvs without PyTorch
    CASES += [
        (check_noisy_copy, (_torch_noise,), CORRECT, None),
        (check_noisy_copy, (_torch_global_noise,), WRONG, "PyTorch's global generator"),
        (check_roll_die, (_torch_rolls,), CORRECT, None),
        (check_roll_die, (_torch_global_rolls,), WRONG, "PyTorch's global generator"),
    ]


# Twelfth sweep: a child on PCG64DXSM seeded with a narrow draw (the seed watch knew PCG64,
# Philox, MT19937 and SFC64 only), plain and imported under its own name
def _dxsm_noise(x, scale, rng):
    child = np.random.Generator(np.random.PCG64DXSM(rng.integers(2**32)))
    return x + scale * child.standard_normal(x.shape)


def _dxsm_rolls(num_rolls, rng):
    return Generator(PCG64DXSM(int(rng.integers(2**24)))).integers(1, 7, num_rolls)


CASES += [
    (check_noisy_copy, (_dxsm_noise,), WRONG, "too few varying bits"),
    (check_roll_die, (_dxsm_rolls,), WRONG, "too few varying bits"),
    (check_roll_die, (lambda num_rolls, rng: Generator(PCG64DXSM(int(rng.integers(2**63))))
                      .integers(1, 7, num_rolls),), CORRECT, None),
]
