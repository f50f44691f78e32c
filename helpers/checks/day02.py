"""Checks for Day 2's exercises (distributions and sampling); see :mod:`helpers.exercises`.

Each check recognizes the common mistakes and hints at them without giving the answer.
Statistical checks use bounds of five standard errors: a right answer fails one of them
with odds of about one in a million, and a whole check with odds of at most about one in
50,000 (the sum of the binomial tails of its tests). Exercise 3's frequency test is
stricter (six standard errors per sample, 6.5 per pair, a pooled chi-square at odds 1e-7):
a right split fails it with odds below one in a million.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from helpers.checks._advance import NOT_ADVANCED_HINT, rng_advanced
from helpers.checks._seeding import (
    arithmetic_seeds_hint,
    child_seed_hint,
    spawn_tip,
    watch_seeding,
    watched_seeds,
)
from helpers.exercises import Wrong, answer, call, exercise_check

#: The logits of Exercise 2 (the softmax example of section 5).
LOGITS = np.array([1.0, 1.7, -0.2])
#: Other logits and temperatures: another number of classes and another largest index.
OTHER_LOGITS = ((np.array([0.5, -1.0, 2.0, 0.0]), 0.5),
                (np.array([0.3, 1.2, -0.5, 0.0, 1.5]), 1.5))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def _matches(freq: np.ndarray, p: np.ndarray, n: int) -> bool:
    """Are the frequencies within five standard errors of the probabilities p?"""
    return bool(np.all(np.abs(freq - p) <= 5 * np.sqrt(p * (1 - p) / n) + 1e-12))


@exercise_check
def check_centered_uniform(v: object, num_samples: object, seed: object = None) -> str:
    """Exercise 1: ``num_samples`` draws from the uniform distribution on [-0.5, 0.5), made
    by a fresh ``default_rng(seed)``.

    With ``seed``, the draws must be that generator's (``uniform(-0.5, 0.5, n)``,
    ``random(n) - 0.5`` and their float32 forms are the same numbers): the legacy global
    ``np.random`` or a generator already used give values that are uniform but not these.

    Examples
    --------
    >>> check_centered_uniform(np.random.default_rng(0).random(1000), 1000)
    ✗ Not yet: your values lie in [0, 1): shift the interval so that it is centred on 0
    """
    v = np.asarray(answer(v))
    n = int(answer(num_samples))
    if v.dtype.kind != "f":
        raise Wrong(f"v should hold floats, got an array of dtype {v.dtype}")
    if v.shape != (n,):
        raise Wrong(f"draw NUM_SAMPLES = {n} values as a 1-D array; yours has shape {v.shape}")
    if v.min() < -0.5 or v.max() >= 0.5:
        if v.min() >= 0 and v.max() < 1:
            raise Wrong("your values lie in [0, 1): shift the interval so that it is centred "
                        "on 0")
        if v.min() >= -0.5 and v.max() == 0.5:
            raise Wrong("one of your values is 0.5 itself, which [-0.5, 0.5) excludes: "
                        "rounding or a cast to float16 pushes the largest draws up to 0.5; "
                        "keep the draws as the generator gives them")
        raise Wrong(f"every value must lie in [-0.5, 0.5); yours range from "
                    f"{float(v.min())!r} to {float(v.max())!r}")
    if n > 1 and np.all(v == v[0]):
        raise Wrong("every value is the same: a generator re-created for each draw restarts "
                    "its stream (Day 1); make one generator and draw all NUM_SAMPLES values "
                    "in one call")
    repeated = _repeated_floats(v, n)
    if repeated:
        raise Wrong(repeated)
    if abs(v.mean()) > 5 * np.sqrt(1 / 12 / n):
        raise Wrong(f"the mean should be near 0; yours is {v.mean():.4f}")
    var_se = np.sqrt((1 / 80 - 1 / 144) / n)  # (mu4 - sigma**4) / n for this uniform
    if abs(v.var() - 1 / 12) > 5 * var_se:
        raise Wrong(f"the spread does not match a uniform distribution on [-0.5, 0.5): your "
                    f"standard deviation is {v.std():.4f}")
    ascents = np.mean(np.diff(v) > 0)  # 1/2 for independent draws, with sd sqrt((n+1)/12)/n
    if abs(ascents - 0.5) > 5 * np.sqrt((n + 1) / 12) / (n - 1):
        raise Wrong("your values look ordered: they should be independent random draws")
    if _on_grid(v, n) and not _on_grid(v, 1000):
        raise Wrong(f"your values are all multiples of 1/NUM_SAMPLES ({np.unique(v).size:,} "
                    f"distinct values among {n:,}): integers divided by NUM_SAMPLES (or a "
                    "shuffled np.linspace) make a grid of NUM_SAMPLES values, not draws from "
                    "the continuous uniform; draw floats from the generator, not integers")
    if seed is not None:
        problem = _not_from_seed(v, n, seed)
        if problem:
            raise Wrong(problem)
    return f"{n:,} values in [-0.5, 0.5), mean and variance within 5 standard errors."


def _repeated_floats(v: np.ndarray, n: int) -> str | None:
    """A hint if the ``n`` floats ``v`` hold far fewer distinct values than as many draws
    would (a few draws tiled or repeated to fill NUM_SAMPLES); None if not, or if they lie
    on a grid (rounding, integers / n: the grid hints name those). Draws on float32's grid
    of 2**24 values in [0, 1) collide by chance: expect 2**24 * (1 - exp(-n / 2**24))
    distinct values, and ask for 90% of them (a right answer has far more, for any n)."""
    if n < 20 or v.dtype == np.float16:
        return None
    size = 2.0**24 if v.dtype == np.float32 else 2.0**53
    distinct = np.unique(v).size
    if distinct >= 0.9 * size * -np.expm1(-n / size):
        return None
    if _on_grid(v, n) or any(_on_grid(v, 10**d) for d in range(1, 7)):
        return None
    return (f"your {n:,} values hold only {distinct:,} distinct numbers: the same draws "
            "repeat (a few draws tiled or repeated to fill NUM_SAMPLES?), and repeated draws "
            "are not independent; draw all NUM_SAMPLES values from the generator, in one call")


def _on_grid(v: np.ndarray, m: int) -> bool:
    """Whether every value of ``v`` is -0.5 plus a multiple of 1/m (a grid such as
    ``integers(0, m, n) / m - 0.5``, or, for m = 1000, rounding to 3 decimals): never so for
    20 or more continuous draws (each lands within 1e-3 / m of the grid with odds 2e-3)."""
    if v.size < 20 or v.dtype == np.float16:
        return False
    k = (v.astype(np.float64) + 0.5) * m
    return bool(np.all(np.abs(k - np.rint(k)) <= 1e-3))


def _not_from_seed(v: np.ndarray, n: int, seed: object) -> str | None:
    """None if ``v`` are the first ``n`` uniform draws of ``default_rng(seed)``, shifted by
    -0.5 (float64 or float32 draws, any of the equivalent spellings); else a hint."""
    seed = answer(seed)
    candidates = [np.random.default_rng(seed).random(n) - 0.5,
                  np.random.default_rng(seed).random(n, dtype=np.float32) - np.float32(0.5)]

    def close(a: np.ndarray, b: np.ndarray) -> bool:
        return bool(np.allclose(a, b, rtol=0, atol=1e-6))

    if any(close(v, c) for c in candidates):
        return None
    if 1000 % n == 0 and _on_grid(v, n):  # a grid of integers / n, or 3-decimal rounding
        return (f"your values take only {np.unique(v).size:,} distinct values, all "
                "multiples of 1/NUM_SAMPLES: rounded (float16, or to 3 decimals), or a grid "
                "of integers / NUM_SAMPLES? Keep the floats as the generator gives them "
                "(float64, or float32)")
    if v.dtype == np.float16 or any(
            np.allclose(v, c, rtol=0, atol=5.01e-4) for c in candidates):
        return ("your values are the draws of a fresh np.random.default_rng(SEED), rounded: "
                "float16 (or rounding to 3 decimals) keeps only about 3 significant digits; "
                "keep the draws as the generator gives them (float64, or float32)")
    if any(close(-v, c) for c in candidates):
        return ("your values are those of a fresh np.random.default_rng(SEED) mirrored: "
                "0.5 - random() lies in (-0.5, 0.5], not [-0.5, 0.5); shift the draws "
                "instead of subtracting them from 0.5")
    if any(close(np.sort(v), np.sort(c)) for c in candidates):
        return ("these are the right values in another order: keep the draws of "
                "np.random.default_rng(SEED) in the order the generator gives them")
    for c in candidates:
        same = np.isclose(v, c, rtol=0, atol=1e-6)
        first = int(np.argmin(same)) if not same.all() else n
        if first >= 10:  # a prefix of the right draws, then other numbers
            return (f"your first {first:,} values are the draws of a fresh "
                    "np.random.default_rng(SEED), the rest are not: draw all NUM_SAMPLES "
                    "values from that one generator, in one call")
    return ("these values are uniform, but they are not the first NUM_SAMPLES draws of a "
            "fresh np.random.default_rng(SEED) shifted to [-0.5, 0.5) (the legacy np.random "
            "functions, another seed, or a generator that has already drawn give other "
            "numbers)")


def _arithmetic_seeds(func: object, args: tuple, per: str) -> str:
    """Wrong if one call of ``func(*args, rng)`` seeds two or more generators with integers a
    constant step apart, or three or more with the digits of one base followed by those of
    a counter, from a base that varies from run to run by ``SEED_BITS`` bits or fewer, or
    not at all (:func:`~helpers.checks._seeding.arithmetic_seeds_hint`, over
    :func:`~helpers.checks._seeding.watched_seeds`' runs): two runs with related bases share
    draws. A base drawn wide from rng is the course's one seed policy's right answer; then
    the tip (:func:`~helpers.checks._seeding.spawn_tip`) to end the verdict with, else ""."""
    def run(rng: np.random.Generator) -> None:  # fresh copies: an answer may shuffle in place
        call(func, *(a.copy() if isinstance(a, np.ndarray) else a for a in args), rng)

    rng = np.random.default_rng(5)  # made before the watch: not the learner's
    with watch_seeding(answer(func)) as seen:
        run(rng)
    if not spawn_tip(seen.seeds):
        return ""  # no pattern: no need to watch more runs
    hint = arithmetic_seeds_hint(seen.seeds, per, watched_seeds(answer(func), run))
    if hint:
        raise Wrong(hint)
    return spawn_tip(seen.seeds)


def _child_seeds(func: object, args: tuple, what: str) -> None:
    """Wrong if ``func(*args, rng)`` seeds new generators with seeds drawn from too few
    values, ``SEED_BITS`` varying bits or fewer (Day 1's rule, shared:
    :func:`~helpers.checks._seeding.child_seed_hint`): ``default_rng(rng.integers(2**32))``
    repeats its streams over many runs."""
    def run(rng: np.random.Generator) -> object:  # fresh copies: an answer may shuffle in place
        return call(func, *(a.copy() if isinstance(a, np.ndarray) else a for a in args), rng)

    hint = child_seed_hint(answer(func), run, what)
    if hint:
        raise Wrong(hint)


def _repeated_draws(idx: np.ndarray) -> str | None:
    """A hint if the class indices ``idx`` are a few draws repeated: each draw ``g`` >= 2
    times in a row (``np.repeat``), or a block of draws over again (``np.tile``,
    ``np.resize``); None if not. Sorted output, also made of long runs, is left to
    :func:`_dependence`. For independent draws (20,000 here) both are nil: thousands of runs
    all of even length, or 100 draws recurring (odds (sum p**2)**100 per place, below 1e-17
    for the check's probabilities)."""
    n = idx.size
    if n < 200:
        return None
    w = 100  # first: a tiled sample may happen to have runs of even lengths only
    if not np.all(idx[:w] == idx[0]):  # a constant window recurs in any long run
        windows = np.lib.stride_tricks.sliding_window_view(idx, w)
        again = np.flatnonzero(np.all(windows[1:] == idx[:w], axis=1)) + 1
        # a whole period, not one recurring window: np.repeat of a few draws has few
        # distinct windows
        period = next((int(k) for k in again[:50] if np.array_equal(idx[k:], idx[:-k])), 0)
        if period:
            return (f"your draws repeat: from draw {period:,} on, each is the draw "
                    f"{period:,} places before (a few draws tiled to fill size?), and "
                    "repeated draws are not independent; draw all size indices from rng")
    lengths = np.diff(np.r_[0, np.flatnonzero(idx[1:] != idx[:-1]) + 1, n])
    diffs = np.diff(idx.astype(np.int64))
    if lengths.size >= 3 and not (np.all(diffs >= 0) or np.all(diffs <= 0)):
        times = int(np.gcd.reduce(lengths[:-1]))  # the last run may be cut short
        if times >= 2:
            return (f"your draws come in runs whose lengths are all multiples of {times:,} "
                    "(each draw repeated in a row: np.repeat of a few draws?), and repeated "
                    "draws are not independent; draw all size indices from rng")
    return None


def _dependence(idx: np.ndarray, p: np.ndarray) -> str | None:
    """A hint if consecutive draws, or the two halves, of ``idx`` are not independent draws
    with probabilities ``p`` (five standard errors); None if they look independent."""
    n = idx.size
    k = len(p)
    pairs = np.bincount(idx[:-1] * k + idx[1:], minlength=k * k) / (n - 1)
    expected = np.outer(p, p).ravel()
    if np.any(np.abs(pairs - expected) > 5 * np.sqrt(expected * (1 - expected) / (n - 1))):
        return ("consecutive draws depend on each other (sorted output, runs or repeated "
                "values?): each index must be drawn independently of the one before")
    half = n // 2
    same = np.mean(idx[:half] == idx[half:2 * half])
    q = float(np.sum(p**2))
    if abs(same - q) > 5 * np.sqrt(q * (1 - q) / half):
        return ("the second half of your draws repeats the first: draw all size indices "
                "independently")
    return None


def _check_other_logits(sample_with_temperature, logits: np.ndarray, T: float, n: int
                        ) -> None:
    """Raise :class:`Wrong` unless ``n`` draws at ``logits`` and ``T`` have the frequencies
    of ``softmax(logits / T)``: catches a hard-coded number of classes and probabilities
    that do not come from the ``logits`` argument (e.g. the notebook's ``softmax_p``)."""
    k = len(logits)
    where = f"with the {k} logits {logits.tolist()} at T = {T}"
    try:
        idx = np.asarray(call(sample_with_temperature, logits.copy(), T, n,
                              np.random.default_rng(5)))
    except Wrong as err:
        raise Wrong(f"{where} your code fails ({err}): is the number of classes hard-coded "
                    "as 3? Take it from len(logits)") from None
    if idx.shape != (n,) or idx.dtype.kind not in "iu" or idx.min() < 0 or idx.max() >= k:
        raise Wrong(f"{where} return {n:,} class indices from 0 to {k - 1} as a 1-D integer "
                    f"array; got shape {idx.shape}, dtype {idx.dtype}")
    freq = np.bincount(idx, minlength=k) / n
    p = _softmax(logits / T)
    if _matches(freq, p, n):
        return
    if idx.max() < k - 1:
        raise Wrong(f"{where} your draws never reach class {k - 1} (probability "
                    f"{p[-1]:.2f}): take the number of classes from len(logits) and the "
                    "probabilities from the logits argument, not from the notebook's 3 "
                    "classes (a hard-coded 3, or softmax_p)")
    raise Wrong(f"{where} your class frequencies {freq.round(3).tolist()} are far from "
                f"softmax(logits / T) = {p.round(3).tolist()}: compute the probabilities "
                "from the logits argument, whatever their number")


@exercise_check
def check_sample_with_temperature(sample_with_temperature: object) -> str:
    """Exercise 2: ``sample_with_temperature(logits, T, size, rng)`` samples class indices.

    Examples
    --------
    >>> check_sample_with_temperature(lambda logits, T, size, rng: np.zeros(size, dtype=int))
    ✗ Not yet: at T = 0.5 every draw is the same class, 0, though softmax(logits / T) =
    [0.194, 0.788, 0.018] gives the others probability 0.806: draw with those probabilities
    (for the Gumbel-max trick, argmax of the scaled logits plus noise, the noise needs to be
    Gumbel, -log(-log(u)) or rng.gumbel, not uniform, with its own value for every class of
    every draw, shape (size, K), not one value shared by a draw's classes)
    """
    # first, and on 50 draws: a generator per draw would make 20,000 of them below
    tip = _arithmetic_seeds(sample_with_temperature, (LOGITS.copy(), 1.0, 50), "draw")
    n = 20_000
    for T in (0.5, 2.0):
        idx = np.asarray(call(sample_with_temperature, LOGITS.copy(), T, n,
                              np.random.default_rng(0)))
        if idx.shape != (n,) or idx.dtype.kind not in "iu":
            raise Wrong(f"return `size` class indices as a 1-D integer array; got shape "
                        f"{idx.shape} and dtype {idx.dtype}")
        if idx.min() < 0 or idx.max() >= len(LOGITS):
            raise Wrong(f"class indices run from 0 to {len(LOGITS) - 1}; yours reach "
                        f"{idx.min()}..{idx.max()}")
        if np.all(idx == idx[0]):
            p = _softmax(LOGITS / T)
            raise Wrong(f"at T = {T} every draw is the same class, {idx[0]}, though "
                        f"softmax(logits / T) = {p.round(3).tolist()} gives the others "
                        f"probability {1 - p[idx[0]]:.3f}: draw with those probabilities "
                        "(for the Gumbel-max trick, argmax of the scaled logits plus noise, "
                        "the noise needs to be Gumbel, -log(-log(u)) or rng.gumbel, not "
                        "uniform, with its own value for every class of every draw, shape "
                        "(size, K), not one value shared by a draw's classes)")
        repeated = _repeated_draws(idx)
        if repeated:
            raise Wrong(f"at T = {T} {repeated}")
        freq = np.bincount(idx, minlength=len(LOGITS)) / n
        if _matches(freq, _softmax(LOGITS / T), n):
            continue
        if _matches(freq, _softmax(LOGITS), n):
            raise Wrong("T has no effect on your samples: rescale the logits by T before the "
                        "softmax")
        if _matches(freq, _softmax(LOGITS * T), n):
            raise Wrong(f"at T = {T} your frequencies are those expected at T = {1 / T}: "
                        "check how the logits are rescaled by T")
        raise Wrong(f"at T = {T} your class frequencies {freq.round(3).tolist()} are far from "
                    "softmax(logits / T)")
    for logits, T in OTHER_LOGITS:  # another number of classes, another largest index
        _check_other_logits(sample_with_temperature, logits, T, n)
    # a softmax must not overflow: at a low T the scaled logits are far apart (20,000: past
    # even an 80-bit long double's exp, which overflows above about 11,356)
    try:
        cold = np.asarray(call(sample_with_temperature, np.array([0.0, 20.0, 10.0]), 0.001, 200,
                               np.random.default_rng(4)))
    except Wrong as err:
        raise Wrong(f"at T = 0.001 your code fails ({err}): np.exp overflows; subtract the "
                    "largest scaled logit before np.exp (a stable softmax)") from None
    if not np.all(cold == 1):
        # the draws are valid indices, so the probabilities were finite: T was changed
        # (a floor such as max(T, 0.5)) or the scaled logits were (clipped to avoid overflow)
        raise Wrong("at T = 0.001 every draw should be the class with the largest logit "
                    "(index 1 of [0, 20, 10]); yours are not (classes drawn: "
                    f"{sorted(set(np.asarray(cold).tolist()))}): use T as it is given, with no "
                    "floor, and the scaled logits logits / T as they are, not clipped; to "
                    "keep np.exp from overflowing, subtract the largest scaled logit (then "
                    "softmax is computed stably and exactly)")
    # close logits at a low T: a floor on T (max(T, 0.05)) barely changes the far-apart
    # logits above but turns p = [4.5e-05, 0.99995] here into [0.45, 0.55]; a right
    # sampler draws class 0 five times in 1,000 with odds about 1.5e-9
    close = np.array([0.0, 0.01])
    cold = np.asarray(call(sample_with_temperature, close.copy(), 0.001, 1000,
                           np.random.default_rng(4)))
    if cold.shape != (1000,) or np.sum(cold != 1) >= 5:
        p = _softmax(close / 0.001)
        raise Wrong(f"at T = 0.001 the logits [0, 0.01] give softmax(logits / T) = "
                    f"[{p[0]:.2g}, {p[1]:.5f}], but {np.sum(cold != 1)} of your 1,000 draws "
                    "are not class 1: use T as it is given, with no floor (max(T, ...) "
                    "changes the probabilities of close logits), and the scaled logits as "
                    "they are; to keep np.exp from overflowing, subtract the largest scaled "
                    "logit (a stable softmax)")
    try:  # a softmax must not overflow: logits near 1000 are as valid as logits near 0
        big = np.asarray(call(sample_with_temperature, LOGITS + 1000.0, 1.0, n,
                              np.random.default_rng(2)))
    except Wrong as err:
        raise Wrong(f"with logits near 1000 your code fails ({err}): np.exp overflows; "
                    "subtract the largest logit before np.exp (a stable softmax)") from None
    if big.shape != (n,) or not _matches(np.bincount(big.astype(int).clip(0, 2),
                                                     minlength=len(LOGITS)) / n,
                                         _softmax(LOGITS), n):
        raise Wrong("with logits near 1000 your frequencies are off: np.exp overflows; "
                    "subtract the largest logit before np.exp (a stable softmax)")
    again = call(sample_with_temperature, LOGITS.copy(), 1.0, 50, np.random.default_rng(0))
    twice = call(sample_with_temperature, LOGITS.copy(), 1.0, 50, np.random.default_rng(0))
    other = call(sample_with_temperature, LOGITS.copy(), 1.0, 50, np.random.default_rng(1))
    if not np.array_equal(again, twice):
        raise Wrong("two generators with the same seed gave different samples: draw from rng")
    if np.array_equal(again, other):
        raise Wrong("your samples do not depend on rng: draw them from the rng argument")
    # a copy of rng (deepcopy, a generator from its seed_seq or jumped()) gives samples that
    # depend on rng, yet leaves rng where it was: the caller's next call repeats these draws
    if not rng_advanced(lambda rng: call(sample_with_temperature, LOGITS.copy(), 1.0, 50, rng)):
        raise Wrong(NOT_ADVANCED_HINT)
    problem = _dependence(np.asarray(call(sample_with_temperature, LOGITS.copy(), 1.0, n,
                                          np.random.default_rng(3))), _softmax(LOGITS))
    if problem:
        raise Wrong(problem)
    m = 250  # 400 samples of 250: the statistics below depend on the number of samples
    samples = [np.asarray(call(sample_with_temperature, LOGITS.copy(), 1.0, m,
                               np.random.default_rng(100 + s))) for s in range(400)]
    # Two right samples of 250 from different rngs coincide with odds (sum p**2)**250, nil:
    # equal ones come from a generator seeded with one of a few values drawn from rng (400
    # samples catch 10,000 such streams 99.9% of the time: the birthday bound).
    first_seen: dict[bytes, int] = {}
    for i, sample in enumerate(samples):
        j = first_seen.setdefault(sample.astype(np.int64).tobytes(), i)
        if j != i:
            raise Wrong(f"rngs seeded {100 + j} and {100 + i} gave exactly the same "
                        f"{m} draws: draw from the rng argument itself (a new generator "
                        "seeded with a few values drawn from rng repeats its streams)")
    first_counts = [np.sum(s == 0) for s in samples]
    p0 = _softmax(LOGITS)[0]
    # ratio ~ chi2(399) / 399: below 0.1 with odds far below 1e-20; fixed quotas give 0
    if np.var(first_counts, ddof=1) < 0.1 * m * p0 * (1 - p0):
        raise Wrong("your class counts barely change from one rng to the next (fixed "
                    "quotas?): draw each index independently, so that the counts vary as "
                    "a multinomial's do")
    # two equally likely classes: u and 1 - u (antithetic draws, shuffled or not) always land
    # in opposite classes, so the counts stay at m / 2 (give or take the unpaired draws).
    # Independent counts vary as Binomial(m, 1/2): sum((c - m/2)**2) / (K m / 4) ~ chi2(K) / K
    # is below 0.1 with odds 8e-11 (exact binomial sum, K = 30, m = 1,000)
    pair = [np.asarray(call(sample_with_temperature, np.array([0.0, 0.0]), 1.0, 1000,
                            np.random.default_rng(200 + s))) for s in range(30)]
    halves = np.array([np.sum(s == 0) for s in pair]) - 500
    if np.sum(halves.astype(float) ** 2) < 0.1 * 30 * 1000 / 4:
        raise Wrong("with two equally likely classes (logits [0, 0]) your counts are always "
                    f"within {np.abs(halves).max()} of half of 1,000: the draws come in pairs "
                    "fixed by each other (u and 1 - u), so they are not independent; draw "
                    "each index with its own random number")
    # Pearson's statistic of each sample's counts, summed over the 400 samples: about
    # chi2(800), so above 1.3 times its mean with odds 2e-8; draws used twice each (size // 2
    # draws, tiled and shuffled) double it (below 1.3 times with odds 5e-16)
    expected = m * _softmax(LOGITS)
    counts = np.array([np.bincount(s.astype(np.int64), minlength=len(LOGITS))
                       for s in samples])
    spread = np.sum((counts - expected) ** 2 / expected) / (len(samples) * (len(LOGITS) - 1))
    if spread > 1.3:
        raise Wrong(f"your class counts vary from one rng to the next {spread:.1f} times as "
                    "much as independent draws' counts do (each draw used twice, or in "
                    "blocks?): draw all size indices independently")
    # last: seeds from a few values repeat whole samples, and the tests above say so first
    _child_seeds(sample_with_temperature, (LOGITS.copy(), 1.0, 50), "draws")
    return ("frequencies match softmax(logits / T) for 3, 4 and 5 classes at T = 0.5, 1.5 "
            "and 2, and the draws come from rng." + tip)


#: Runs of the frequency test of Exercise 3, and the runs added when its first runs look
#: biased (one right answer in 100 takes the longer path).
SPLIT_RUNS, MORE_SPLIT_RUNS = 1000, 3000
#: Thresholds of the pooled chi-square statistic (9 degrees of freedom, n = 10): above the
#: first (odds 1 in 100 for a right answer) the test runs MORE_SPLIT_RUNS more; above the
#: second (odds 1e-7) over all runs, the split is rejected.
SPLIT_LOOK_AGAIN, SPLIT_REJECT = 21.67, 50.17


def _memberships(split, X: np.ndarray, y: np.ndarray, num_test: int, seeds: range
                 ) -> np.ndarray:
    """One row per seed: which samples ``split`` puts in the test set with that rng seed.

    The answer already went through :func:`call` (errors, in-place changes, the global
    ``np.random``) in the checks before; here it is called directly, for speed, and only
    the global states are compared once, over all the runs."""
    func = answer(split)
    n = len(y)
    member = np.zeros((len(seeds), n), dtype=bool)
    legacy = np.random.get_state()[1].copy()  # noqa: NPY002 (compared, not drawn from)
    for row, seed in enumerate(seeds):
        try:
            parts = func(X.copy(), y.copy(), num_test, np.random.default_rng(seed))
        except Exception:  # noqa: BLE001 (call() turns the learner's error into feedback)
            parts = call(split, X.copy(), y.copy(), num_test, np.random.default_rng(seed))
        test, train = np.asarray(parts[3]).astype(int), np.asarray(parts[1]).astype(int)
        problem = _overlap_or_repeat(test, train, n, num_test)
        if problem:
            raise Wrong(f"with rng seed {seed} {problem}")
        member[row, test] = True
    if not np.array_equal(legacy, np.random.get_state()[1]):  # noqa: NPY002
        call(split, X.copy(), y.copy(), num_test, np.random.default_rng(seeds[0]))
    return member


def _membership_chi2(member: np.ndarray, num_test: int) -> float:
    """Pearson's statistic of the test-set counts of the n samples over the runs: about
    chi2(n - 1) for a uniformly random subset (the counts always sum to runs * num_test,
    hence the factor (n - 1) / n)."""
    runs, n = member.shape
    p1 = num_test / n
    counts = member.sum(axis=0)
    return float((n - 1) / n * np.sum((counts - runs * p1) ** 2) / (runs * p1 * (1 - p1)))


def _check_split_frequencies(split, X: np.ndarray, y: np.ndarray, num_test: int) -> None:
    """Over 1,000 seeds, every sample and every pair of samples must land in the test set as
    often as a uniformly random subset would put them there (six and 6.5 standard errors),
    and the pooled chi-square of the samples' counts must be small: a subtly biased
    shuffle (i swapped with any j = rng.integers(n)) shifts the shares by 0.05 at most."""
    n, runs = len(y), SPLIT_RUNS
    member = _memberships(split, X, y, num_test, range(1000, 1000 + runs))
    share, p1 = member.mean(axis=0), num_test / n
    uniform = (f"a uniformly random subset puts each sample there {num_test} times in {n}: "
               "draw the test set uniformly from all samples")
    if np.any(np.abs(share - p1) > 6 * np.sqrt(p1 * (1 - p1) / runs)):
        raise Wrong(f"some samples land in the test set far more or less often than others "
                    f"(share per sample: {share.round(2).tolist()}); {uniform}")
    together = (member.T.astype(float) @ member) / runs
    p2 = num_test * (num_test - 1) / (n * (n - 1))
    off = together[~np.eye(n, dtype=bool)]
    # 6.5 standard errors: 45 distinct pairs, so a right split fails with odds ~1e-7
    if np.any(np.abs(off - p2) > 6.5 * np.sqrt(p2 * (1 - p2) / runs)):
        raise Wrong("some pairs of samples land in the test set together far too often or "
                    "too rarely (a block, a rotation, a few fixed splits?): every subset of "
                    f"{num_test} samples should be equally likely")
    if _membership_chi2(member, num_test) <= SPLIT_LOOK_AGAIN:
        return
    member = np.vstack([member, _memberships(split, X, y, num_test,
                                             range(1000 + runs,
                                                   1000 + runs + MORE_SPLIT_RUNS))])
    if _membership_chi2(member, num_test) > SPLIT_REJECT:
        raise Wrong(f"over {len(member):,} rng seeds some samples land in the test set more "
                    "often than others (share per sample: "
                    f"{member.mean(axis=0).round(3).tolist()}), a bias too steady to be "
                    "chance: is your shuffle biased? Swapping each position i with a "
                    "position j = rng.integers(n) drawn from ALL n positions makes some "
                    "orders likelier than others; use rng.permutation (or draw j from i to "
                    "n - 1: Fisher-Yates), so that the test set is drawn uniformly from all "
                    "samples")


def _check_split_streams(split) -> None:
    """Over 300 rng seeds, no two test sets of 50 samples out of 100 may be the same.

    Right splits coincide with odds about 300**2 / 2 / C(100, 50), nil; a split made by a
    new generator seeded with one of a few values drawn from rng (default_rng(
    rng.integers(1000)), or keys default_rng(base + i) for a base drawn so) repeats them:
    300 seeds catch 1,000 such streams always and 10,000 of them 98.9% of the time (the
    birthday bound, as in Exercise 2), in about 0.3 s for scikit-learn's train_test_split,
    whose calls cost a millisecond each."""
    func = answer(split)
    n, num_test = 100, 50
    X, y = np.arange(n).reshape(n, 1) * 10.0, np.arange(n)
    first_seen: dict[bytes, int] = {}
    for seed in range(3000, 3300):
        try:
            parts = func(X.copy(), y.copy(), num_test, np.random.default_rng(seed))
        except Exception:  # noqa: BLE001 (call() turns the learner's error into feedback)
            parts = call(split, X.copy(), y.copy(), num_test, np.random.default_rng(seed))
        test = np.asarray(parts[3]).astype(int)
        problem = _overlap_or_repeat(test, np.asarray(parts[1]).astype(int), n, num_test)
        if problem:
            raise Wrong(f"with {n} samples, num_test={num_test} and rng seed {seed} {problem}")
        j = first_seen.setdefault(np.sort(test.ravel()).astype(np.int64).tobytes(), seed)
        if j != seed:
            raise Wrong(f"rngs seeded {j} and {seed} gave exactly the same test set of "
                        f"{num_test} samples out of {n}: shuffle with the rng argument itself "
                        "(a new generator seeded with one of a few values drawn from rng "
                        "repeats its splits)")


def _check_whole_rows(split: object) -> None:
    """Wrong unless ``split`` keeps whole rows of an X of two columns, with repeated labels
    (3 classes): labels used as row indices (``X[rng.permutation(y)]``: with labels 0..n-1,
    as in the main test, those are a permutation of the rows) pick the same few rows again,
    and an answer that shuffles or returns one column only splits a row from itself."""
    n, num_test = 12, 4
    ids = np.random.default_rng(2042).permutation(n)
    X, y = np.column_stack([ids * 10.0, ids * -3.0 + 1.0]), ids % 3
    parts = call(split, X.copy(), y.copy(), num_test, np.random.default_rng(8))
    if (not isinstance(parts, Sequence) or isinstance(parts, str | bytes)
            or len(parts) != 4):
        raise Wrong("return four arrays: X_train, y_train, X_test, y_test")
    rows = {"X_train": np.asarray(parts[0]), "X_test": np.asarray(parts[2])}
    for name, part in rows.items():
        if part.ndim != 2 or part.shape[1] != 2:
            raise Wrong(f"with an X of two columns your {name} has shape {part.shape}, not "
                        f"({len(part)}, 2): return whole rows of X (X[test]), every column")
        if not np.array_equal(part[:, 1], part[:, 0] / 10 * -3.0 + 1.0):
            raise Wrong(f"with an X of two columns, the rows of your {name} mix values of "
                        "different samples: you shuffled one column only; index whole rows "
                        "with one permutation, X[order], not X[order, 0]")
    position = {10.0 * i: k for k, i in enumerate(ids)}
    drawn = [position.get(v, -1) for part in rows.values() for v in part[:, 0].tolist()]
    if sorted(drawn) != list(range(n)):
        if set(drawn) <= set(y.tolist()):
            raise Wrong("with repeated labels (3 classes) your sets hold only rows "
                        f"{sorted(set(drawn))} of X: you used the labels y as row indices "
                        "(X[rng.permutation(y)]?); permute the row positions, "
                        "rng.permutation(len(y))")
        raise Wrong("with an X of two columns and repeated labels, your sets are not the "
                    f"{n} rows of X, each once: split the positions 0 to {n - 1}")
    for (name, part), labels in zip(rows.items(), (parts[1], parts[3]), strict=True):
        if not np.array_equal(np.asarray(labels), (part[:, 0] / 10).astype(int) % 3):
            raise Wrong(f"with repeated labels (3 classes), the labels of your {name} are not "
                        "those of its rows: shuffle X and y with the same permutation")


def _columns_shuffled_apart(split: object) -> bool:
    """Whether ``split``, given an X of two columns, returns each column of X whole but in its
    own order (``rng.permuted(X, axis=0)`` shuffles each column separately): rows torn
    apart. A right split keeps rows whole; two permutations (one for X, one for y) too."""
    n, num_test = 12, 4
    ids = np.random.default_rng(2042).permutation(n)
    X = np.column_stack([ids * 10.0, ids * -3.0 + 1.0])
    try:
        parts = call(split, X.copy(), ids.copy(), num_test, np.random.default_rng(8))
        rows = np.concatenate([np.asarray(parts[0]), np.asarray(parts[2])])
    except (Wrong, TypeError, ValueError, IndexError):
        return False
    if rows.shape != X.shape:
        return False
    whole_columns = all(np.array_equal(np.sort(rows[:, j]), np.sort(X[:, j])) for j in (0, 1))
    return whole_columns and not np.array_equal(rows[:, 1], rows[:, 0] / 10 * -3.0 + 1.0)


def _overlap_or_repeat(test: np.ndarray, train: np.ndarray, n: int, num_test: int
                       ) -> str | None:
    """A hint if the sample ids ``test`` and ``train`` are not a partition of 0..n-1 with
    ``num_test`` ids in ``test``; None if they are."""
    test_ids, train_ids = test.ravel().tolist(), train.ravel().tolist()
    if len(set(test_ids)) != len(test_ids) or len(set(train_ids)) != len(train_ids):
        return ("a set holds the same sample twice: draw the samples without replacement "
                "(rng.permutation, or choice with replace=False)")
    both = sorted(set(test_ids) & set(train_ids))
    if both:
        return (f"the test and training sets overlap (sample {both[0]} is in both): take "
                "the test set and the training set from ONE permutation of the indices, "
                "or the training set as the samples left out of the test set")
    if len(test_ids) != num_test or len(test_ids) + len(train_ids) != n:
        return (f"every one of the {n} samples must land in exactly one of the two sets, "
                f"{num_test} of them in the test set")
    return None


@exercise_check
def check_train_test_split(split: object) -> str:
    """Exercise 3: ``split(X, y, num_test, rng)`` returns ``X_train, y_train, X_test, y_test``.

    Examples
    --------
    >>> check_train_test_split(lambda X, y, num_test, rng: (X[num_test:], y[num_test:],
    ...                                                     X[:num_test], y[:num_test]))
    ✗ Not yet: the split is the same whatever the rng: shuffle with rng
    """
    tests = set()
    # five seeds at n = 10, num_test = 3, then other sizes: num_test is an argument, not 3
    # (nor scikit-learn's habitual 30%), and may be 0 (where X[order[-num_test:]] is all)
    for n, num_test, seed in [(10, 3, s) for s in range(5)] + [(12, 5, 5), (12, 1, 6),
                                                                (10, 0, 7)]:
        # sample i has feature 10 * i and label i, in a fixed shuffled order: sorting X or y
        # in place changes them
        ids = np.random.default_rng(2024 + n).permutation(n)
        X, y = ids.reshape(n, 1) * 10.0, ids.copy()
        X_in, y_in = X.copy(), y.copy()
        try:
            parts = call(split, X_in, y_in, num_test, np.random.default_rng(seed))
        except Wrong as err:
            # refusing an empty test set with an error, as scikit-learn's train_test_split
            # does, is not wrong; returning the wrong sets is
            if num_test == 0 and str(err).startswith("your code raised"):
                continue
            raise
        if not np.array_equal(X_in, X) or not np.array_equal(y_in, y):
            raise Wrong("your function changed X or y in place; leave the caller's data as "
                        "they were")
        # the prompt asks for the four arrays, not a tuple: a list (or any sequence) is right
        if (not isinstance(parts, Sequence) or isinstance(parts, str | bytes)
                or len(parts) != 4):
            raise Wrong("return four arrays: X_train, y_train, X_test, y_test")
        X_train, y_train, X_test, y_test = (np.asarray(a) for a in parts)
        if (np.ndim(parts[1]) == X.ndim and np.ndim(parts[2]) == y.ndim
                and np.ndim(parts[0]) == X.ndim and X.ndim != y.ndim):
            raise Wrong("return X_train, y_train, X_test, y_test in that order (scikit-learn's "
                        "train_test_split returns X_train, X_test, y_train, y_test)")
        if len(X_test) != num_test or len(y_test) != num_test:
            slicing = (" (a slice order[-num_test:] is the whole of order when num_test is 0)"
                       if num_test == 0 and len(y_test) == n else "")
            raise Wrong(f"with num_test={num_test} the test set needs {num_test} samples; "
                        f"yours has {len(X_test)} inputs and {len(y_test)} labels{slicing}")
        if np.unique(y_test).size != num_test:
            raise Wrong("the test set holds the same sample twice: draw the test samples "
                        "without replacement (rng.permutation, or choice with replace=False)")
        if len(X_train) != n - num_test or len(y_train) != n - num_test:
            raise Wrong(f"the other {n - num_test} samples belong to the training set; yours "
                        f"has {len(X_train)} inputs and {len(y_train)} labels")
        for name, part in (("y_train", y_train), ("y_test", y_test)):
            if part.ndim != y.ndim:
                raise Wrong(f"keep y's shape: y has shape {y.shape}, your {name} has shape "
                            f"{part.shape}; index y as it is (y[test], not y[test][:, None] "
                            "nor y.reshape(-1, 1))")
        paired = [np.array_equal(Xp.reshape(-1), 10.0 * yp)
                  for Xp, yp in ((X_train, y_train), (X_test, y_test))]
        if not all(paired):
            if _columns_shuffled_apart(split):
                raise Wrong("with an X of two columns, each column of your sets was shuffled "
                            "on its own (rng.permuted(X, axis=0)?): the rows of X were torn "
                            "apart, so inputs lost their labels; shuffle whole rows, X[order], "
                            "and y[order] with ONE permutation")
            raise Wrong("some inputs lost their labels: shuffle X and y in the same order")
        problem = _overlap_or_repeat(y_test, y_train, n, num_test)
        if problem:
            raise Wrong(problem)
        for name, part, given in (("X_train", X_train, parts[0]), ("X_test", X_test, parts[2])):
            if part.ndim != X.ndim and (not isinstance(given, np.ndarray) or part.size == 0):
                raise Wrong(f"return arrays: with num_test={num_test} your {name} has shape "
                            f"{part.shape}, not ({len(part)}, {X.shape[1]}) (a list of rows, "
                            "or an array built from one, loses the shape of X when it is "
                            "empty); index X with an index array, X[test], which keeps X's "
                            "shape even when test is empty")
            if part.ndim != X.ndim:
                raise Wrong(f"keep X's shape: X has shape {X.shape}, your {name} has shape "
                            f"{part.shape}; index whole rows (X[test], or np.delete(X, test, "
                            "axis=0): without axis= it flattens X)")
        if (n, num_test) == (10, 3):
            tests.add(tuple(sorted(y_test.tolist())))
    _check_whole_rows(split)
    if len(tests) == 1:
        raise Wrong("the split is the same whatever the rng: shuffle with rng")
    # 40 choose 10 is 8.5e8 test sets, so two unseeded calls agree by chance with probability
    # about 1e-9 (at 10 choose 3 it was 1/120, and such answers passed)
    X, y = np.arange(40).reshape(40, 1) * 10.0, np.arange(40)
    again = call(split, X.copy(), y.copy(), 10, np.random.default_rng(4))
    if sorted(np.asarray(again[3]).tolist()) != sorted(
            np.asarray(call(split, X.copy(), y.copy(), 10,
                            np.random.default_rng(4))[3]).tolist()):
        raise Wrong("the same rng seed gave two different splits: shuffle with the rng "
                    "argument, not a generator of your own")
    # a copy of rng (deepcopy, a generator from its seed_seq or jumped()) gives a split that
    # depends on rng, yet leaves rng where it was: the caller's next split repeats this one
    if not rng_advanced(lambda rng: call(split, X.copy(), y.copy(), 10, rng)):
        raise Wrong(NOT_ADVANCED_HINT)
    n, num_test = 10, 3
    X, y = np.arange(n).reshape(n, 1) * 10.0, np.arange(n)
    tip = _arithmetic_seeds(split, (X.copy(), y.copy(), num_test), "sample")
    _check_split_frequencies(split, X, y, num_test)
    _check_split_streams(split)
    _child_seeds(split, (X.copy(), y.copy(), num_test), "splits")  # after the repeats' hints
    return ("right sizes, disjoint, every input with its label, and a new split for a new "
            "rng." + tip)
