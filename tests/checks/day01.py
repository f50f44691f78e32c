"""Right and wrong answers to Day 1's exercise checks (run by tests/test_exercises.py)."""

import numpy as np

from helpers.checks.day01 import (
    NUM_ROLLS,
    check_die_rolls,
    check_noisy_copy,
    check_worker_rngs,
)
from helpers.exercises import CORRECT, WRONG


def _global_noise(x, scale, rng):
    return x + scale * np.random.randn(*x.shape)  # noqa: NPY002 (the mistake under test)


def _spawned(seed, num_workers):
    return [np.random.default_rng(c) for c in np.random.SeedSequence(seed).spawn(num_workers)]


def _in_place(x, scale, rng):
    x += scale * rng.standard_normal(x.shape)
    return x


ROLLS = np.random.default_rng(0)

CASES = [
    # Exercise 1: noisy_copy(x, scale, rng)
    (check_noisy_copy, (lambda x, scale, rng: x + scale * rng.standard_normal(x.shape),),
     CORRECT, "N(0, scale²)"),
    (check_noisy_copy, (lambda x, scale, rng: x + rng.normal(0, scale, x.shape),), CORRECT,
     None),
    (check_noisy_copy, (_global_noise,), WRONG, "global"),
    (check_noisy_copy, (lambda x, scale, rng: x + scale * np.random.default_rng(42)
                        .standard_normal(x.shape),), WRONG, "inside the function"),
    (check_noisy_copy, (lambda x, scale, rng: x,), WRONG, "no noise"),
    (check_noisy_copy, (_in_place,), WRONG, "in place"),
    (check_noisy_copy, (lambda x, scale, rng: x + scale**2 * rng.standard_normal(x.shape),),
     WRONG, "not the variance"),
    (check_noisy_copy, (lambda x, scale, rng: x + scale * rng.random(x.shape),), WRONG,
     "average 0"),
    (check_noisy_copy, (lambda x, scale, rng: x + scale * np.sqrt(3) * rng.uniform(
        -1, 1, x.shape),), WRONG, "Gaussian"),
    (check_noisy_copy, (lambda x, scale, rng: 1 / 0,), WRONG, "ZeroDivisionError"),
    # Exercise 2: rolls of a die
    (check_die_rolls, (ROLLS.integers(1, 7, NUM_ROLLS),), CORRECT, None),
    (check_die_rolls, (ROLLS.integers(1, 6, NUM_ROLLS, endpoint=True),), CORRECT, None),
    (check_die_rolls, (ROLLS.integers(1, 6, NUM_ROLLS),), WRONG, "never draws high"),
    (check_die_rolls, (ROLLS.integers(0, 6, NUM_ROLLS),), WRONG, "0 to 5"),
    (check_die_rolls, (ROLLS.integers(0, 7, NUM_ROLLS),), WRONG, "faces 1 to 6"),
    (check_die_rolls, (ROLLS.integers(1, 7, 600),), WRONG, "shape"),
    (check_die_rolls, (ROLLS.uniform(1, 7, NUM_ROLLS),), WRONG, "whole numbers"),
    (check_die_rolls, (ROLLS.choice(np.arange(1, 7), NUM_ROLLS,
                                    p=[0.2, 0.16, 0.16, 0.16, 0.16, 0.16]),), WRONG,
     "equally likely"),
    # Exercise 3: worker_rngs(seed, num_workers)
    (check_worker_rngs, (_spawned,), CORRECT, None),
    (check_worker_rngs, (lambda seed, n: np.random.default_rng(seed).spawn(n),), CORRECT, None),
    (check_worker_rngs, (lambda seed, n: [np.random.default_rng(seed) for _ in range(n)],),
     WRONG, "the same numbers"),
    (check_worker_rngs, (lambda seed, n: [np.random.default_rng(seed)] * n,), WRONG,
     "one Generator object"),
    (check_worker_rngs, (lambda seed, n: [np.random.default_rng(seed + i) for i in range(n)],),
     WRONG, "nearby seeds"),
    (check_worker_rngs, (lambda seed, n: [np.random.default_rng() for _ in range(n)],), WRONG,
     "reproduces"),
    (check_worker_rngs, (lambda seed, n: _spawned(0, n),), WRONG, "do not depend on seed"),
    (check_worker_rngs, (lambda seed, n: np.random.SeedSequence(seed).spawn(n),), WRONG,
     "Generator, got SeedSequence"),
    (check_worker_rngs, (lambda seed, n: _spawned(seed, n - 1),), WRONG, "list of 4"),
]
