"""Right and wrong answers to Day 1's exercise checks (run by tests/test_exercises.py).

Besides the usual answers: other idioms, dtypes and bit generators that must pass, and the
mistakes of expert.md section 3 that apply (the legacy global API, seed arithmetic whose
streams collide across seeds, non-random or sorted output, overlapping or dependent draws,
mutation), each with the hint it must get.
"""

import numpy as np
from numpy.random import MT19937, PCG64, Generator, Philox, SeedSequence, default_rng

from helpers.checks.day01 import check_noisy_copy, check_roll_die, check_worker_rngs
from helpers.exercises import CORRECT, WRONG

# --------------------------------------------------------------- Exercise 1: noisy_copy


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
    (lambda x, scale, rng: x + scale * default_rng(rng.integers(2**32)).standard_normal(
        x.shape), CORRECT, None),
    # wrong
    (_global_noise, WRONG, "global np.random state"),
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
]

# ----------------------------------------------------------------- Exercise 2: roll_die


def _legacy_die(num_rolls, rng):
    return np.random.randint(1, 7, num_rolls)  # noqa: NPY002 (the mistake under test)


def _loop_die(num_rolls, rng):
    return np.array([rng.integers(1, 7) for _ in range(num_rolls)])


def _reseeded_die(num_rolls, rng):
    return default_rng(rng.bit_generator.seed_seq).integers(1, 7, num_rolls)


ROLL_DIE = [
    (lambda num_rolls, rng: rng.integers(1, 7, size=num_rolls), CORRECT, "fair die"),
    (lambda num_rolls, rng: rng.integers(1, 6, num_rolls, endpoint=True), CORRECT, None),
    # unusual but right: choice, a small dtype, a list, floor of uniforms, a loop (slow),
    # one-hot multinomial draws
    (lambda num_rolls, rng: rng.choice(6, num_rolls) + 1, CORRECT, None),
    (lambda num_rolls, rng: rng.choice([1, 2, 3, 4, 5, 6], size=num_rolls), CORRECT, None),
    (lambda num_rolls, rng: rng.integers(1, 7, num_rolls, dtype=np.uint8), CORRECT, None),
    (lambda num_rolls, rng: rng.integers(1, 7, num_rolls).tolist(), CORRECT, None),
    (lambda num_rolls, rng: (rng.random(num_rolls) * 6).astype(int) + 1, CORRECT, None),
    (_loop_die, CORRECT, None),
    (lambda num_rolls, rng: rng.multinomial(1, [1 / 6] * 6, num_rolls).argmax(axis=1) + 1,
     CORRECT, None),
    # wrong
    (_legacy_die, WRONG, "global np.random state"),
    (lambda num_rolls, rng: np.tile(np.arange(1, 7), num_rolls // 6), WRONG,
     "different seeds gave the same rolls"),
    (lambda num_rolls, rng: np.tile(rng.permutation(np.arange(1, 7)), num_rolls // 6), WRONG,
     "repeating pattern"),
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
    (_reseeded_die, WRONG, "re-seeding"),
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


def _advanced(seed, num_workers):
    return [Generator(PCG64(seed).advance(1_000 * i)) for i in range(num_workers)]


WORKER_RNGS = [
    (_spawned, CORRECT, "distinct worker streams"),
    (lambda seed, n: default_rng(seed).spawn(n), CORRECT, None),  # Generator.spawn
    # unusual but right: NumPy's documented sequence-of-integers seeds (both orders), a
    # SeedSequence spawn_key by hand, jumped PCG64 streams, another bit generator, a tuple,
    # child seeds drawn from a generator of the seed
    (lambda seed, n: [default_rng([i, seed]) for i in range(n)], CORRECT, None),
    (lambda seed, n: [default_rng([seed, i]) for i in range(n)], CORRECT, None),
    (lambda seed, n: [default_rng(SeedSequence(seed, spawn_key=(i,))) for i in range(n)],
     CORRECT, None),
    (lambda seed, n: [Generator(PCG64(seed).jumped(i)) for i in range(n)], CORRECT, None),
    (lambda seed, n: [Generator(MT19937(c)) for c in SeedSequence(seed).spawn(n)], CORRECT,
     None),
    (lambda seed, n: tuple(default_rng(seed).spawn(n)), CORRECT, None),
    (lambda seed, n: [default_rng(int(s)) for s in default_rng(seed).integers(2**63, size=n)],
     CORRECT, None),
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
    (lambda seed, n: [Generator(Philox(key=seed + i)) for i in range(n)], WRONG, "(seed + i?)"),
    # wrong: shared, overlapping or irreproducible streams
    (lambda seed, n: [default_rng(seed) for _ in range(n)], WRONG,
     "workers 0 and 1 draw the same numbers"),
    (lambda seed, n: [default_rng(seed)] * n, WRONG, "one Generator object"),
    (_one_bit_generator, WRONG, "share one bit generator"),
    (_advanced, WRONG, "after its first 1,000 draws: the workers' streams overlap"),
    (lambda seed, n: [default_rng() for _ in range(n)], WRONG, "reproduces"),
    (lambda seed, n: _spawned(0, n), WRONG, "do not depend on seed"),
    (_from_global, WRONG, "global np.random state"),
    (lambda seed, n: np.random.SeedSequence(seed).spawn(n), WRONG,
     "Generator, got SeedSequence"),
    (lambda seed, n: [np.random.RandomState(seed + i) for i in range(n)], WRONG,
     "Generator, got RandomState"),
    (lambda seed, n: _spawned(seed, n - 1), WRONG, "list of 4"),
    (lambda seed, n: (g for g in _spawned(seed, n)), WRONG, "got generator"),
]

CASES = ([(check_noisy_copy, (f,), status, hint) for f, status, hint in NOISY_COPY]
         + [(check_roll_die, (f,), status, hint) for f, status, hint in ROLL_DIE]
         + [(check_worker_rngs, (f,), status, hint) for f, status, hint in WORKER_RNGS])
