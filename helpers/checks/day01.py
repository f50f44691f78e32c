"""Checks for Day 1's exercises (seeding and reproducibility); see :mod:`helpers.exercises`.

Each check recognizes the common mistakes and hints at them without giving the answer.
Statistical checks run on fixed seeds with bounds of five standard errors (or a chi-square
quantile of the same rarity): a right answer fails them with odds below one in a million,
and since the seeds are fixed, a verdict never changes from one run to the next.

:func:`helpers.exercises.call` already rejects, for every check, an answer that draws from
the legacy global ``np.random`` state or changes an array argument in place.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Wrong, call, exercise_check

#: Exercise 2 judges ``roll_die(NUM_ROLLS, rng)``: enough rolls to see a biased face.
NUM_ROLLS = 60_000

# Chi-square quantiles with upper tail 1e-6 (scipy.stats.chi2.isf(1e-6, df)): 5 degrees of
# freedom for six faces, 35 for the 36 pairs of consecutive faces.
_CHI2_FACES = 35.89
_CHI2_PAIRS = 89.95


# ----------------------------------------------------------------------- Exercise 1


@exercise_check
def check_noisy_copy(noisy_copy: object) -> str:
    """Exercise 1: ``noisy_copy(x, scale, rng)`` adds N(0, scale**2) noise drawn from ``rng``.

    Examples
    --------
    >>> def noisy_copy(x, scale, rng):
    ...     return x + scale * rng.standard_normal(x.shape)
    >>> check_noisy_copy.verdict(noisy_copy)[0]
    'correct'
    >>> check_noisy_copy(lambda x, scale, rng: x + scale * rng.standard_normal())
    ✗ Not yet: every element got the same noise: draw one value for each element of x
    """
    x = np.arange(4.0)
    first = np.asarray(call(noisy_copy, x, 0.1, np.random.default_rng(0)))
    if first.shape != x.shape:
        raise Wrong(f"noisy_copy(x, ...) must return an array of x's shape {x.shape}, got "
                    f"shape {first.shape}")
    if np.array_equal(first, x):
        raise Wrong("the copy equals x: no noise was added")
    again = np.asarray(call(noisy_copy, x, 0.1, np.random.default_rng(0)))
    if not np.array_equal(first, again):
        raise Wrong("two generators made from the same seed gave different copies: draw the "
                    "noise from the rng argument only")
    other = np.asarray(call(noisy_copy, x, 0.1, np.random.default_rng(1)))
    if np.array_equal(first, other):
        raise Wrong("generators with different seeds gave the same copy: draw the noise from "
                    "the rng argument, not from a generator made inside the function")
    rows, cols, scale = 200, 100, 0.5
    grid = np.zeros((rows, cols))
    noise = np.asarray(call(noisy_copy, grid, scale, np.random.default_rng(2)), dtype=float)
    if noise.shape != grid.shape:
        raise Wrong(f"for an x of shape {grid.shape} the copy has shape {noise.shape}: the "
                    "noise must have x's shape, whatever that shape is")
    if np.ptp(noise) == 0:
        raise Wrong("every element got the same noise: draw one value for each element of x")
    flat = noise.ravel()
    if np.all(np.diff(flat) >= 0) or np.all(np.diff(flat) <= 0):
        raise Wrong("your noise is sorted: every element of x needs its own independent draw, "
                    "in the order drawn")
    # Independent draws: the means of the columns (over rows) and of the rows (over columns)
    # vary as much as means of independent draws do (ratio 1); noise repeated down the rows
    # or along the columns makes one of them far too variable.
    n, dependent = noise.size, False
    for axis, name, count in ((0, "rows", rows), (1, "columns", cols)):
        ratio = noise.mean(axis=axis).var() * count / noise.var()
        bound = 5 * np.sqrt(2 / noise.shape[1 - axis])
        if ratio > 1 + bound:
            raise Wrong(f"the same noise repeats across the {name} of x: every element of x "
                        "needs its own independent draw")
        dependent |= ratio < 1 - bound
    lag1 = np.corrcoef(flat[:-1], flat[1:])[0, 1]
    if dependent or abs(lag1) > 5 / np.sqrt(n):
        raise Wrong("the noise values depend on each other: every element of x needs its own "
                    "independent draw")
    if abs(noise.mean()) > 5 * scale / np.sqrt(n):
        raise Wrong(f"the noise should average 0; yours averages {noise.mean():.3f}")
    if abs(noise.std() - scale) > 5 * scale / np.sqrt(2 * n):
        hint = " (scale is the standard deviation, not the variance)" if abs(
            noise.std() - scale**2) < 0.01 else ""
        raise Wrong(f"with scale={scale} the noise's standard deviation should be {scale}; "
                    f"yours is {noise.std():.3f}{hint}")
    within = np.mean(np.abs(flat) < scale)  # 0.6827 for a normal distribution
    if abs(within - 0.6827) > 5 * np.sqrt(0.6827 * 0.3173 / n):
        raise Wrong("the noise has the right spread but not the normal (Gaussian) shape")
    return ("noisy_copy adds independent N(0, scale²) noise of x's shape, drawn from rng "
            "alone, and leaves x unchanged.")


# ----------------------------------------------------------------------- Exercise 2


def _rolls(value: object, num_rolls: int) -> np.ndarray:
    """The learner's rolls as an integer array of shape ``(num_rolls,)``, else :class:`Wrong`."""
    rolls = np.asarray(value)
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


@exercise_check
def check_roll_die(roll_die: object) -> str:
    """Exercise 2: ``roll_die(num_rolls, rng)`` rolls a fair six-sided die with ``rng``.

    Examples
    --------
    >>> check_roll_die(lambda num_rolls, rng: rng.integers(1, 6, size=num_rolls))
    ✗ Not yet: no roll shows 6: integers(low, high) never draws high itself
    >>> check_roll_die(lambda num_rolls, rng: np.tile(np.arange(1, 7), num_rolls // 6))
    ✗ Not yet: generators with different seeds gave the same rolls: draw them from the rng
      argument (a fixed pattern or a generator made inside the function ignores it)
    """
    rng = np.random.default_rng(0)
    rolls = _rolls(call(roll_die, NUM_ROLLS, rng), NUM_ROLLS)
    faces = set(np.unique(rolls).tolist())
    if faces == {1, 2, 3, 4, 5}:
        raise Wrong("no roll shows 6: integers(low, high) never draws high itself")
    if faces == {0, 1, 2, 3, 4, 5}:
        raise Wrong("your die shows 0 to 5; a die's faces are 1 to 6")
    if faces != {1, 2, 3, 4, 5, 6}:
        raise Wrong(f"a die shows the faces 1 to 6; your rolls hold {sorted(faces)}")
    if not np.array_equal(rolls, _rolls(call(roll_die, NUM_ROLLS, np.random.default_rng(0)),
                                        NUM_ROLLS)):
        raise Wrong("two generators made from the same seed gave different rolls: draw them "
                    "from the rng argument only")
    if np.array_equal(rolls, _rolls(call(roll_die, NUM_ROLLS, np.random.default_rng(1)),
                                    NUM_ROLLS)):
        raise Wrong("generators with different seeds gave the same rolls: draw them from the "
                    "rng argument (a fixed pattern or a generator made inside the function "
                    "ignores it)")
    if np.array_equal(rolls, _rolls(call(roll_die, NUM_ROLLS, rng), NUM_ROLLS)):
        raise Wrong("calling roll_die twice with one rng gave the same rolls twice: draw from "
                    "rng itself, so that it moves on, instead of re-seeding a new generator")
    counts = np.bincount(rolls, minlength=7)[1:]
    expected = NUM_ROLLS / 6
    if np.sum((counts - expected) ** 2 / expected) > _CHI2_FACES:
        worst = int(np.argmax(np.abs(counts - expected)))
        raise Wrong(f"face {worst + 1} comes up with frequency {counts[worst] / NUM_ROLLS:.3f}, "
                    "far from 1/6: is every face equally likely?")
    if np.all(np.diff(rolls) >= 0) or np.all(np.diff(rolls) <= 0):
        raise Wrong("your rolls are sorted: rolls come in the order they are drawn")
    pairs = np.bincount(6 * (rolls[0::2] - 1) + rolls[1::2] - 1, minlength=36)
    expected = NUM_ROLLS / 2 / 36
    if np.sum((pairs - expected) ** 2 / expected) > _CHI2_PAIRS:
        raise Wrong("each face comes up about 1/6 of the time, but a roll depends on the roll "
                    "before it (a repeating pattern?): every roll must be drawn independently")
    _rolls(call(roll_die, 7, np.random.default_rng(3)), 7)  # uses num_rolls, not a constant
    return (f"{NUM_ROLLS:,} rolls of a fair die from rng: faces 1 to 6 equally likely, pairs "
            "of rolls independent, reproducible from the seed.")


# ----------------------------------------------------------------------- Exercise 3

#: The (seed, num_workers) calls ``check_worker_rngs`` compares: nearby seeds in both
#: directions (6, 7, 8), seeds that seed * i, seed + 100 * i, int(f"{seed}{i}") and
#: seed * num_workers + i map onto each other (2 and 4; 7 and 107; 7 and 71 with at least
#: 11 workers; 7 with 4 workers and 9 with 3), and a large seed from which seed - k * i
#: stays positive. ``check_worker_rngs`` then probes the seeds that a step k would collide
#: with when the workers were seeded with plain integers.
_CALLS = ((7, 4), (8, 4), (6, 4), (9, 3), (2, 4), (4, 4), (107, 4), (71, 4), (7, 12),
          (1_000_007, 4))

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
}

_START = 4  # raw draws that identify where a stream starts
_WINDOW = 20_000  # raw draws searched for another worker's start (overlapping streams)


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


def _guess(a: tuple[int, int, int], b: tuple[int, int, int]) -> str:
    """' (seed + i?)' when exactly one known seed arithmetic maps both workers to one seed."""
    names = [name for name, f in _ARITHMETIC.items() if f(*a) == f(*b)]
    return f" ({names[0]}?)" if len(names) == 1 else ""


def _find(start: np.ndarray, window: np.ndarray) -> int | None:
    """Where ``start`` (a few raw draws) begins in ``window``, or None."""
    for t in np.flatnonzero(window[: window.size - start.size + 1] == start[0]):
        if np.array_equal(window[t:t + start.size], start):
            return int(t)
    return None


def _run(worker_rngs: object, seed: int, num_workers: int) -> list[tuple]:
    """``(seed, worker, num_workers, start, window)`` for each worker of one call."""
    return [(seed, i, num_workers, draws[:_START], draws)
            for i, g in enumerate(_worker_list(worker_rngs, seed, num_workers))
            for draws in [g.bit_generator.random_raw(_WINDOW)]]


def _plain_seed(generator: np.random.Generator) -> int | None:
    """The integer a generator was seeded with (``default_rng(n)``, ``PCG64(n)``), or None
    for other seeds (spawned children, lists of integers, fresh entropy)."""
    bit_generator = generator.bit_generator
    seq = getattr(bit_generator, "seed_seq", getattr(bit_generator, "_seed_seq", None))
    if (isinstance(seq, np.random.SeedSequence) and not seq.spawn_key
            and isinstance(seq.entropy, int) and 0 <= seq.entropy < 2**63):
        return seq.entropy
    return None


def _compare_within(run: list[tuple]) -> None:
    """Wrong if a worker of one run starts on another's stream (at its start or later)."""
    for a in run:
        for b in run:
            t = None if a is b else _find(b[3], a[4])
            if t == 0:
                raise Wrong(f"workers {a[1]} and {b[1]} draw the same numbers: give each "
                            "worker its own stream")
            if t is not None:
                raise Wrong(f"worker {b[1]} draws what worker {a[1]} draws after its first "
                            f"{t:,} draws: the workers' streams overlap. Give each worker an "
                            "independent stream")


def _compare_across(earlier: list[tuple], run: list[tuple]) -> None:
    """Wrong if a worker of ``run`` starts on the stream of a worker of an ``earlier`` run."""
    for a, b in [(a, b) for a in earlier for b in run] + [(b, a) for a in earlier for b in run]:
        t = _find(b[3], a[4])
        if t is None:
            continue
        guess = _guess(a[:3], b[:3])
        if t == 0 and a[1] == b[1] and a[2] == b[2]:
            raise Wrong(f"worker {a[1]} draws the same numbers with seed {a[0]} and with seed "
                        f"{b[0]}{guess}: every worker's stream must depend on seed")
        pair = (f"worker {a[1]} with seed {a[0]} and worker {b[1]} with seed {b[0]} draw the "
                "same numbers" if t == 0 else
                f"worker {b[1]} with seed {b[0]} draws what worker {a[1]} with seed {a[0]} "
                f"draws after its first {t:,} draws")
        raise Wrong(f"{pair}{guess}: runs with different seeds would share streams, so their "
                    "results would not be independent. Combine seed and the worker's number "
                    "in a way that cannot collide (see section 4)")


@exercise_check
def check_worker_rngs(worker_rngs: object) -> str:
    """Exercise 3: ``worker_rngs(seed, num_workers)`` returns independent, reproducible streams.

    Streams are compared by their raw 64-bit draws (``bit_generator.random_raw``): within
    one call, and across the calls of :data:`_CALLS`, no worker may start on another
    worker's stream, at its start or up to ``_WINDOW`` draws into it.

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
    runs: list[list[tuple]] = []  # per call: (seed, worker, num_workers, start, window)
    for seed, num_workers in _CALLS:  # each new run against itself, then the earlier runs
        run = _run(worker_rngs, seed, num_workers)
        _compare_within(run)
        if len(runs) == 1 and all(np.array_equal(a[3], b[3])
                                  for a, b in zip(runs[0], run, strict=True)):
            raise Wrong(f"the streams do not depend on seed: worker_rngs{_CALLS[0]} and "
                        f"worker_rngs{_CALLS[1]} give the same workers")
        for earlier in runs:
            if earlier[0][0] != seed:  # one seed with more workers may repeat its first ones
                _compare_across(earlier, run)
        runs.append(run)
    # Seed arithmetic with any step (seed + 1000 * i, seed - 1000 * i, ...): when the workers
    # were seeded with plain integers e_0, e_1, ..., the run whose seed is shifted by
    # e_i - e_0 would start its worker 0 on worker i's stream.
    seeds = {seed for seed, _ in _CALLS}
    for run in (runs[0], runs[-1]):
        seed, num_workers = run[0][0], run[0][2]
        plain = [_plain_seed(g) for g in _worker_list(worker_rngs, seed, num_workers)]
        if None in plain:
            continue
        for probe in sorted({seed + e - plain[0] for e in plain[1:]} - seeds):
            if probe >= 0:
                _compare_across(run, _run(worker_rngs, probe, num_workers))
                seeds.add(probe)
    return (f"distinct worker streams, reproducible from seed, none shared across "
            f"{len(seeds)} seeds, nearby ones included.")
