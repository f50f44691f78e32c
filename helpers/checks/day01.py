"""Checks for Day 1's exercises (seeding and reproducibility); see :mod:`helpers.exercises`.

Each check recognizes the common mistakes and hints at them without giving the answer.
Statistical checks use bounds of five standard errors: a right answer fails them with odds
below one in a million.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Wrong, answer, call, exercise_check

#: Exercise 2 asks for this many rolls of a die.
NUM_ROLLS = 60_000


def _first_draws(generators: list, count: int = 3) -> np.ndarray:
    """The next ``count`` draws of ``random()`` from each generator, one row per generator."""
    return np.array([g.random(count) for g in generators])


@exercise_check
def check_noisy_copy(noisy_copy: object) -> str:
    """Exercise 1: ``noisy_copy(x, scale, rng)`` adds N(0, scale**2) noise drawn from ``rng``.

    Examples
    --------
    >>> def noisy_copy(x, scale, rng):
    ...     return x + scale * rng.standard_normal(x.shape)
    >>> check_noisy_copy.verdict(noisy_copy)[0]
    'correct'
    """
    x = np.arange(4.0)
    kept = x.copy()
    first = np.asarray(call(noisy_copy, x, 0.1, np.random.default_rng(0)))
    if not np.array_equal(x, kept):
        raise Wrong("your function changed x in place; return a new array and leave x alone")
    if first.shape != x.shape:
        raise Wrong(f"noisy_copy(x, ...) must return an array of x's shape {x.shape}, got "
                    f"shape {first.shape}")
    if np.array_equal(first, x):
        raise Wrong("the copy equals x: no noise was added")
    again = np.asarray(call(noisy_copy, x, 0.1, np.random.default_rng(0)))
    if not np.array_equal(first, again):
        raise Wrong("two generators made from the same seed gave different copies: the noise "
                    "must come from rng, not from np.random's global functions")
    other = np.asarray(call(noisy_copy, x, 0.1, np.random.default_rng(1)))
    if np.array_equal(first, other):
        raise Wrong("generators with different seeds gave the same copy: draw the noise from "
                    "the rng argument, not from a generator made inside the function")
    n, scale = 20_000, 0.5
    noise = np.asarray(call(noisy_copy, np.zeros(n), scale, np.random.default_rng(2)))
    if abs(noise.mean()) > 5 * scale / np.sqrt(n):
        raise Wrong(f"the noise should average 0; yours averages {noise.mean():.3f}")
    if abs(noise.std() - scale) > 5 * scale / np.sqrt(2 * n):
        hint = " (scale is the standard deviation, not the variance)" if abs(
            noise.std() - scale**2) < 0.01 else ""
        raise Wrong(f"with scale={scale} the noise's standard deviation should be {scale}; "
                    f"yours is {noise.std():.3f}{hint}")
    within = np.mean(np.abs(noise) < scale)  # 0.6827 for a normal distribution
    if abs(within - 0.6827) > 5 * np.sqrt(0.6827 * 0.3173 / n):
        raise Wrong("the noise has the right spread but not the normal (Gaussian) shape")
    return "noisy_copy adds N(0, scale²) noise drawn from rng alone and leaves x unchanged."


@exercise_check
def check_die_rolls(rolls: object) -> str:
    """Exercise 2: ``NUM_ROLLS`` rolls of a fair six-sided die.

    Examples
    --------
    >>> check_die_rolls(np.random.default_rng(0).integers(1, 6, NUM_ROLLS))
    ✗ Not yet: no roll shows 6: integers(low, high) never draws high itself
    """
    rolls = np.asarray(answer(rolls))
    if rolls.dtype.kind not in "iu":
        raise Wrong(f"rolls should hold whole numbers, got an array of dtype {rolls.dtype}")
    if rolls.shape != (NUM_ROLLS,):
        raise Wrong(f"draw {NUM_ROLLS:,} rolls as a 1-D array; yours has shape {rolls.shape}")
    faces = set(np.unique(rolls).tolist())
    if faces == {1, 2, 3, 4, 5}:
        raise Wrong("no roll shows 6: integers(low, high) never draws high itself")
    if faces == {0, 1, 2, 3, 4, 5}:
        raise Wrong("your die shows 0 to 5; a die's faces are 1 to 6")
    if faces != {1, 2, 3, 4, 5, 6}:
        raise Wrong(f"a die shows the faces 1 to 6; your rolls hold {sorted(faces)}")
    freq = np.bincount(rolls, minlength=7)[1:] / NUM_ROLLS
    se = np.sqrt((1 / 6) * (5 / 6) / NUM_ROLLS)
    worst = int(np.argmax(np.abs(freq - 1 / 6)))
    if abs(freq[worst] - 1 / 6) > 5 * se:
        raise Wrong(f"face {worst + 1} comes up with frequency {freq[worst]:.3f}, far from 1/6: "
                    "is every face equally likely?")
    return f"{NUM_ROLLS:,} rolls of the faces 1 to 6, each within 5 standard errors of 1/6."


@exercise_check
def check_worker_rngs(worker_rngs: object) -> str:
    """Exercise 3: ``worker_rngs(seed, num_workers)`` returns independent, reproducible streams.

    Examples
    --------
    >>> check_worker_rngs(lambda seed, n: [np.random.default_rng(seed)] * n)
    ✗ Not yet: the workers share one Generator object: each worker needs its own
    """
    gens = call(worker_rngs, 7, 4)
    if not isinstance(gens, list | tuple) or len(gens) != 4:
        raise Wrong("worker_rngs(seed, 4) must return a list of 4 Generators")
    if not all(isinstance(g, np.random.Generator) for g in gens):
        kinds = sorted({type(g).__name__ for g in gens})
        raise Wrong(f"each worker needs a numpy.random.Generator, got {', '.join(kinds)}")
    if len({id(g) for g in gens}) < len(gens):
        raise Wrong("the workers share one Generator object: each worker needs its own")
    first = _first_draws(gens)
    if len(np.unique(first[:, 0])) < len(gens):
        raise Wrong("two workers draw the same numbers: give each worker its own child of "
                    "the seed")
    if not np.array_equal(first, _first_draws(call(worker_rngs, 7, 4))):
        raise Wrong("worker_rngs(7, 4) twice gave different streams: derive every worker's "
                    "generator from seed, so that a rerun reproduces them")
    next_seed = _first_draws(call(worker_rngs, 8, 4))
    if np.array_equal(first, next_seed):
        raise Wrong("the streams do not depend on seed")
    if np.array_equal(first[1:], next_seed[:-1]):
        raise Wrong("worker 1 with seed 7 draws what worker 0 draws with seed 8 (seed + i?): "
                    "runs with nearby seeds would share streams. Derive the workers' seeds "
                    "from the one seed instead")
    return "4 distinct worker streams, reproducible from seed, none shared with seed + 1."
