"""Checks for the exercises of Day 6 (dropout); see :mod:`helpers.exercises`.

A dropout mask is right when its entries are independent Bernoulli draws: one per unit AND
per example, from the ``rng`` argument, fresh at every call. The checks test exactly those
properties on 4000 examples x 50 units (200,000 entries), with bounds of about five
standard errors, so that a right answer fails with odds below one in a million, and name
the mistake they see: nothing dropped (noise instead of a mask) or everything, one mask per
example (whole rows dropped), one mask for the batch (whole columns), repeated rows or
columns, a fixed number of units kept per example or of examples dropped per unit, or of
entries dropped per call (a fixed count of zeros shuffled into place: the number dropped over
4000 calls on an 8 x 8 input must vary as a binomial one does, and a 1 x 1 input must be
dropped in some calls and kept in others), a drop probability that depends on the activation
(being dropped may not correlate with it or with its squared distance from the mean),
dependent entries (every pair of units and every circular shift between examples is tested,
so a block of examples that repeats, shifts or reverses the draws of another, or uses 1 - u
for them, fails; a sorted one is named as such), units that copy other units' masks with the
examples reordered (a permuted or reversed copy, or its complement: found at p = 1/2 on 50,000
examples, where every unit then drops exactly as many examples as another, or exactly as many
as another keeps; at least 40 of the 50 units must be so paired, which a right mask is with
odds far below one in a million, so a copy of a few units only can pass), a keep
probability on a coarse grid (a third, irregular p), the keep probability used as the drop
probability, a mask that ignores ``rng`` (drawn from a generator of its own, say), repeats
at every call (kept from an earlier call, for the input's shape, say) or comes from a
generator of its own: a legacy one (``np.random.RandomState``) made inside, or one
(``random.Random``, ``torch.Generator``, ``default_rng`` ...) seeded from ``rng`` with seeds
that vary across calls by 40 bits or fewer (Day 1's rule, Exercise 3: a seed drawn below
2**40, ``rng.integers(2**40)`` included, is rejected;
:func:`~helpers.checks._seeding.seed_bits`; a generator seeded with a 41-bit or 63-bit draw,
or ``rng.spawn(1)[0]``, passes), and the scaling of the kept units.
"""

from __future__ import annotations

import contextlib
import inspect
import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from helpers.checks._seeding import (
    SEED_BITS,
    hashed_seed_hint,
    hashed_seeds,
    narrow_when_scrambled,
    scrambled_seed_hint,
    seed_bits,
    spawn_tip,
    watch_seeding,
    weakest_seed_bits,
)
from helpers.exercises import Wrong, answer, call, exercise_check, undo_patches

_P = 0.3  # the drop probability the checks use: far from 1/2, so keep and drop differ
_P_OTHER = 0.75  # a second one: an answer that ignores its argument fails one of the two
# and an irregular third, no multiple of 0.05: a test on a coarse grid of levels, such as
# rng.integers(0, 20, shape) >= 20 * p, drops the share 0.3 or 0.75 exactly but not this one.
# A grid of L levels is off at p by (ceil(L p) - L p) / L if it tests the drop (>= L p) and by
# (L p - floor(L p)) / L if it tests the keep (< L (1 - p)): both errors sum to 1 / L, so
# the best p gives 256 * p a fractional part of 1/2 (80.5 / 256 = 0.31445): a uint8 grid
# (256 levels, rng.integers(0, 256)) is off by 0.195 points either way, 100 levels by 0.45.
_P_ODD = 0.31445
_ROWS, _UNITS = 4000, 50
_TOL = 0.005  # 5 standard errors of a dropped share estimated from 200,000 entries
# At _P_ODD the share is estimated from 4,000,000 entries (_ODD_ROWS x _UNITS), to 0.125
# points (5.4 standard errors of 0.023 points): the uint8 grid lies 3 standard errors beyond
# that, 100 levels 14. (Finer grids, 1000 levels or float16 uniforms, are off by about 0.05
# point: out of reach.)
_ODD_ROWS = 80_000
_TOL_ODD = 0.00125
# Dependence tests, each a maximum over many correlations that are about N(0, 1 / pairs)
# for a right answer; 6.5 standard errors keep the odds of a false alarm below 1e-6.
_TOL_LAG = 6.5 / np.sqrt(_ROWS * _UNITS)  # one lag pooled over 200,000 pairs of entries
_TOL_PAIR = 6.5 / np.sqrt(_ROWS)  # two units (or two examples' counts) over 4000 rows
# A generator seeded per call from rng.integers(10**6) repeats a mask within 4000 calls with
# probability 1 - exp(-4000**2 / 2e6) > 0.9996 (birthday bound); rng.integers(1000), at once.
_NUM_CALLS = 4000
# Their numbers of dropped entries, Binomial(64, p) per call if right: the sample variance of
# 4000 of them has a standard error of 2.2% of the binomial variance 64 p (1 - p) (0.0222
# over 20,000 simulated runs at p = 0.3), and its lower tail is lighter than a normal one, so
# a right answer falls below 0.85 of it (6.7 standard errors) with odds below 1e-10. A fixed
# count of zeros shuffled into place gives 0.
_COUNT_VAR = 0.85
# Calls on a 1 x 1 input: a right answer at p = 0.3 never drops it with odds 0.7**60 < 1e-9,
# never keeps it with odds 0.3**60.
_ONE_CALLS = 60
# Generators made inside from seeds drawn from rng: SEED_BITS varying bits or fewer across
# _WATCHED_CALLS calls (seed_bits; the rule shared in helpers.checks._seeding) repeat seeds,
# and masks, over the millions of steps of a training run (Day 1's rule, Exercise 3: seeds
# drawn below 2**40, rng.integers(2**40) included, are rejected). seed_bits is at most 40
# for seeds below 2**40 (their span is below 2**40) and above 40 for 20 draws below 2**41
# unless all 20 fall within half the range (odds about 2e-5).
_WATCHED_CALLS = 20
# The units' drop rates: chi2(49) exceeds 140.2 with odds 1e-10 (scipy.stats.chi2.isf); a
# per-unit probability p + 0.05 * N(0, 1) gives about 49 x 48 = 2,350 on 4000 examples.
_UNIT_CHI2 = 140.2
# Unit copies across reordered examples: one call at p = 1/2 on _COPY_ROWS examples.
_COPY_ROWS = 50_000
_COPY_UNITS = 40  # units paired by count with another unit; right masks: about 11 (max 29
# over 200,000 simulated masks)


_X_SEED = 6  # the activations' generator
# Generators of the re-draws that test whether the share dropped varies between calls: never
# _X_SEED, whose uniforms built the activations (a mask that depends on x would then look
# like one whose share varies between calls).
_REDRAW_SEEDS = tuple(range(1001, 1008))
assert _X_SEED not in _REDRAW_SEEDS


def _activations(rows: int = _ROWS) -> np.ndarray:
    """``rows`` (4000) examples x 50 units of positive activations, all different (none is 0)."""
    return np.random.default_rng(_X_SEED).uniform(0.5, 2.0, size=(rows, _UNITS))


def _array(value, name: str, shape: tuple[int, ...]) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.shape != shape:
        raise Wrong(f"{name} should keep the shape of its input, {shape}, got {arr.shape}")
    return arr


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of two arrays (0 when one of them is constant)."""
    a, b = a.ravel().astype(float), b.ravel().astype(float)
    sd = a.std() * b.std()
    return 0.0 if sd == 0 else float(np.mean((a - a.mean()) * (b - b.mean())) / sd)


def _lag_correlation(values: np.ndarray) -> float:
    """Largest |correlation| between ``values`` and itself shifted down by 1, 2, ... rows.

    Circular shifts, pooled over the columns, all lags at once (FFT): a block of rows that
    repeats, mirrors or permutes another block at a fixed offset shows up at that offset.
    """
    values = values.astype(float)
    if values.std() == 0:
        return 0.0
    z = (values - values.mean()) / values.std()  # one mean for all: iid entries if right
    spectrum = np.fft.rfft(z, axis=0)
    lagged = np.fft.irfft(spectrum * spectrum.conj(), n=len(z), axis=0).sum(axis=1)
    return float(np.abs(lagged[1:]).max() / z.size)


def _max_pair_correlation(columns: np.ndarray) -> float:
    """Largest |correlation| between two different columns (0 if fewer than 2 vary)."""
    varying = columns[:, columns.std(axis=0) > 0].astype(float)
    if varying.shape[1] < 2:
        return 0.0
    corr = np.corrcoef(varying, rowvar=False)
    return float(np.abs(corr[~np.eye(len(corr), dtype=bool)]).max())


# Overlapping masks: two masks (or two rows of one) that share draws agree, where they
# overlap, far more often than independent entries, which agree with probability
# q = s1 s2 + (1 - s1) (1 - s2) (shares s1, s2 dropped). An overlap is named when its
# agreement is both _OVERLAP_Z standard errors above q (over at least _OVERLAP_MIN entries:
# a right mask's largest over the few hundred thousand offsets tried is about 5) and
# _OVERLAP_GAIN above it (the draws are mostly shared, not slightly dependent).
_OVERLAP_Z = 10.0
_OVERLAP_GAIN = 0.1
_OVERLAP_MIN = 2_000
_OVERLAP_ROWS = 3  # rows apart: example i + d against example i, d = 1 .. _OVERLAP_ROWS


def _agreement(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For the boolean arrays ``a`` and ``b`` (same shape, the offset along the last axis):
    the number of positions where ``a[..., j + t]`` equals ``b[..., j]``, summed over the
    other axes, and how many positions were compared, for every offset ``t`` (index
    ``t % (2 n)``, n the last axis' length), by FFT."""
    n = a.shape[-1]
    size = 2 * n
    sa, sb = 2 * a.astype(float) - 1, 2 * b.astype(float) - 1  # +-1: a product of 1 agrees
    prod = np.fft.irfft(np.fft.rfft(sa, size) * np.fft.rfft(sb, size).conj(), size)
    while prod.ndim > 1:
        prod = prod.sum(axis=0)
    others = a.size // n
    t = np.arange(size)
    compared = others * np.maximum(n - np.minimum(t, size - t), 0)
    return np.rint((compared + prod) / 2), compared


def _overlap(a: np.ndarray, b: np.ndarray) -> int | None:
    """The offset ``t`` (from -(n - 1) to n - 1) at which ``a[..., j + t]`` and ``b[..., j]``,
    boolean masks, agree far more than independent draws (:data:`_OVERLAP_Z`), or None."""
    agree, compared = _agreement(a, b)
    s1, s2 = a.mean(), b.mean()
    q = s1 * s2 + (1 - s1) * (1 - s2)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = agree / compared
        z = (rate - q) / np.sqrt(q * (1 - q) / compared)
    ok = (compared >= _OVERLAP_MIN) & (z > _OVERLAP_Z) & (rate > q + _OVERLAP_GAIN)
    if not ok.any() or q in (0.0, 1.0):
        return None
    t = int(np.argmax(np.where(ok, z, -np.inf)))
    return t if t < a.shape[-1] else t - 2 * a.shape[-1]


def _overlapping_rows(dropped: np.ndarray) -> tuple[int, int] | None:
    """``(d, t)`` if example ``i + d`` of the mask repeats example ``i``'s draws shifted by
    ``t`` units (``t`` not 0: overlapping windows of one array of draws), or example ``i + t``
    repeats unit ``j``'s draws in unit ``j + d`` (the transposed case, ``t`` then counts
    examples), for ``d`` up to :data:`_OVERLAP_ROWS`; else None."""
    for mask in (dropped, dropped.T):
        for d in range(1, _OVERLAP_ROWS + 1):
            if len(mask) <= d:
                break
            t = _overlap(mask[:-d], mask[d:])
            # across units, windows overlap over most of their length: a block of examples
            # that copies another (rolled by a unit, say) is named by the dependence tests
            if t is not None and t != 0 and (mask is dropped or abs(t) < mask.shape[1] / 4):
                return (d, t) if mask is dropped else (-d, t)
    return None


def _unit_rates_chi2(dropped: np.ndarray) -> float:
    """Pearson's statistic of the units' counts of drops over the examples, against one drop
    probability for all (their pooled share): about chi2(units - 1) for a right mask."""
    counts = dropped.sum(axis=0).astype(float)
    share = counts.sum() / dropped.size
    if share in (0.0, 1.0):
        return 0.0
    return float(np.sum((counts - counts.mean()) ** 2)
                 / (dropped.shape[0] * share * (1 - share)))


def _sorted(dropped: np.ndarray) -> bool:
    """Every row, or every column, of ``dropped`` is monotone (sorted either way).

    A right mask of 50 units has a monotone row with odds of about 50 / 2**49, so no
    right answer is ever called sorted; a mask sorted along rows, columns or flattened is.
    """
    steps = dropped.astype(np.int8)
    for axis in (0, 1):
        diff = np.diff(steps, axis=axis)
        if np.all(np.all(diff >= 0, axis=axis) | np.all(diff <= 0, axis=axis)):
            return True
    return False


def _carried_hint(name: str, t: int) -> str:
    how = (f"shifted by {abs(t)} entries (flattened)" if t else
           "at the same places")
    return (f"the masks of two calls of {name} share most of their draws: the second is the "
            f"first, {how}, with only some entries drawn anew (a mask kept between calls and "
            "partly refreshed or rolled, or cut from one array of draws at overlapping "
            "places?). Consecutive training steps then drop nearly the same units: draw the "
            "whole mask afresh from rng at every call")


def _check_carried_over(first: np.ndarray, second: np.ndarray, name: str) -> None:
    """Wrong if the masks ``first`` and ``second`` (dropped, of two calls in a row) overlap:
    the second repeats most of the first's entries, in place or shifted (flattened); the
    very same mask is left to the tests of repeats, which name it."""
    if first.shape != second.shape or np.array_equal(first, second):
        return
    t = _overlap(first.ravel(), second.ravel())
    if t is not None:
        raise Wrong(_carried_hint(name, t))


def _check_some_dropped(dropped: np.ndarray, p: float, arg: str, name: str) -> None:
    """Wrong if ``dropped`` is all False (a noise answer, or no mask) or all True."""
    if not dropped.any():
        raise Wrong(f"no output of {name} is 0: dropout sets each unit to 0 with probability "
                    f"{arg} (here {p}), independently, and keeps the rest; multiplying by "
                    "noise (Gaussian, say) or returning the input is not dropout")
    if dropped.all():
        raise Wrong(f"every output of {name} is 0: dropout keeps each unit with probability "
                    f"1 - {arg} (here {1 - p:.4g}) and sets only the others to 0")


def _check_not_reused(dropped: np.ndarray, p: float, earlier: dict[float, np.ndarray],
                      redraw: Any, arg: str, name: str) -> None:
    """Wrong if ``dropped``, the mask at ``p`` (rng seeded 0), is the very mask of an earlier
    call at another drop probability (``earlier``: the masks by p, also with rng seeded 0) and
    ``redraw(seed)``, the mask at ``p`` with rng seeded ``seed``, is that mask again. Right
    masks at two p differ (the uniform draws below one p and not the other); a hard-coded p
    repeats the mask of the same seed only (the share test names it); a mask kept across calls
    (cached for the input's shape, say) repeats whatever the seed."""
    for before, mask in earlier.items():
        if (mask.shape == dropped.shape and np.array_equal(mask, dropped)
                and np.array_equal(redraw(_REDRAW_SEEDS[0]), dropped)):
            raise Wrong(f"{name} returned at {arg} = {p}, and with a differently seeded rng, "
                        f"the very mask it returned at {arg} = {before}: a mask kept from an "
                        "earlier call (cached for the input's shape, say) is reused at every "
                        f"training step and ignores rng and the new {arg}; draw a fresh mask "
                        "from rng at every call")
    earlier[p] = dropped


def _shared_hint(name: str, arg: str, dropped: np.ndarray | None = None) -> str:
    """The hint for a share dropped that varies too much between calls; named apart when
    every example of ``dropped`` (examples x units, or calls x examples x units) drops
    exactly as many units, as one drawn row shuffled for every example does."""
    counts = None if dropped is None else dropped.sum(axis=-1)
    if counts is not None and counts.shape[-1] > 1 and np.all(counts == counts[..., :1]):
        return (f"every example's mask in {name} drops exactly the same number of units, "
                "a number that changes from call to call: each example's mask is a shuffle "
                "of one drawn row (rng.permutation(row) for every example?), so the entries "
                "depend on one another. Draw every entry independently, a mask of the "
                f"input's full shape: rng.random(x.shape) >= {arg}")
    return (f"the share of units that {name} drops changes from call to call far more than "
            "independent draws allow: a threshold (or probability) drawn once per call and "
            "shared by every entry, such as p plus a little noise, makes the entries "
            f"dependent; compare each entry's own uniform draw, rng.random(), with {arg} "
            "itself")


def _check_mask(dropped: np.ndarray, p: float, arg: str, name: str, x: np.ndarray, *,
                strict: bool = True, redraw: Any = None) -> None:
    """``dropped`` (examples x units, bool) must look like independent Bernoulli(p) draws,
    unrelated to the input ``x`` whose units they drop.

    ``arg`` is the name of the drop probability's argument (``p`` or ``p_drop``). With
    ``strict`` also the tests that need p far from 0 and 1 (repeats, dependence).
    Repeated columns are tested before the share dropped, so that copied units get their own
    hint; repeated rows after it (a mask dropping too few units repeats rows by chance).
    """
    _check_some_dropped(dropped, p, arg, name)
    if np.all(dropped == dropped[:, :1]):
        raise Wrong(f"{name} drops whole examples (each row is all kept or all dropped): draw "
                    "one Bernoulli per unit AND per example, a mask of the input's full shape, "
                    "not one number per row")
    if np.all(dropped == dropped[:1]):
        raise Wrong(f"{name} drops the same units for every example: draw a fresh mask for "
                    "each example (a mask of the input's full shape), not one row for the "
                    "whole batch")
    if strict and _sorted(dropped):
        raise Wrong(f"{name} gives a sorted mask (along each example, or each unit, the dropped "
                    "entries all come before the kept ones, or all after): sorting makes the "
                    "entries depend on one another, like a shifted or mirrored mask; draw every "
                    "entry independently and leave it in the order drawn")
    # overlapping windows (repeated rows keep their own hint, after the share)
    if strict and len(np.unique(dropped, axis=0)) == len(dropped):
        overlap = _overlapping_rows(dropped)
        if overlap is not None:
            d, t = overlap
            what, along = (("example", "unit") if d > 0 else ("unit", "example"))
            raise Wrong(f"{name}'s masks overlap: {what} i + {abs(d)} repeats the draws of "
                        f"{what} i shifted by {abs(t)} {along}{'s' if abs(t) > 1 else ''} "
                        "(overlapping windows of one array of draws: sliding_window_view, "
                        "as_strided, or rows cut with a step shorter than a row?). Every entry "
                        "needs its own draw: one mask of the input's full shape, "
                        "rng.random(x.shape)")
    # columns before the share (copied units get their own hint); rows after it
    if strict and np.unique(dropped, axis=1).shape[1] < dropped.shape[1]:
        raise Wrong(f"{name} gives some units the very same mask over the whole batch "
                    "(repeated columns): draw every entry of the mask independently, not "
                    "some units as copies of others")
    # Units dropped at different rates (a per-unit probability, p plus a little noise per
    # unit, each unit kept with its own): over the batch, each unit's count of drops is
    # Binomial(examples, p) if right, so their Pearson statistic is about chi2(units - 1),
    # above _UNIT_CHI2 with odds below 1e-10. Before the dependence across examples, which
    # such a mask also fails (each unit's mean differs from the pooled one), though it has
    # no shifted or rolled rows; repeated rows keep their own hint.
    if strict and _unit_rates_chi2(dropped) > _UNIT_CHI2:
        if len(np.unique(dropped, axis=0)) < len(dropped):
            raise Wrong(f"{name} gives some examples the very same mask (repeated rows): draw "
                        "every entry of the mask independently")
        rates = dropped.mean(axis=0)
        raise Wrong(f"{name} drops some units far more often than others (over the batch, "
                    f"from {rates.min():.1%} to {rates.max():.1%} of the examples, a wider "
                    "spread than independent draws allow): the keep rate differs from unit to "
                    f"unit, but dropout drops every unit with the same probability {arg}; "
                    f"compare each entry's uniform draw with {arg} itself, not with a "
                    "probability of its unit's own")
    # Dependence across examples before the share too: rows that are shifts of one drawn row
    # (np.roll(u, i) for example i) drop a share set by that one row, and their real mistake
    # is the dependence. (Repeated rows, a special case, keep their own hint.)
    if strict and _lag_correlation(dropped) > _TOL_LAG:
        if len(np.unique(dropped, axis=0)) < len(dropped):
            raise Wrong(f"{name} gives some examples the very same mask (repeated rows): draw "
                        "every entry of the mask independently")
        raise Wrong(f"the units that {name} drops depend on one another across examples (a "
                    "shifted, rolled or reused row of draws?): draw every entry independently")
    # Being dropped must not depend on the activation (uniform in [0.5, 2]), tested before the
    # share: such a mask usually drops another share too, but its mistake is the dependence on
    # x. For a right mask each correlation below is about N(0, 1 / entries), so 6.5 standard
    # errors (0.0145 at 200,000 entries) are crossed with odds below 1e-10; a drop probability
    # p * x / x.mean() correlates by about 0.23, and even p * (0.9 + 0.1 * x / x.mean()) by
    # 0.023.
    spread = (x - x.mean()) ** 2
    what_spread = "activation's squared distance from the batch mean"
    for feature, what in ((x, "activation"), (spread, what_spread)):
        r = _correlation(dropped, feature)
        if abs(r) > 6.5 / np.sqrt(dropped.size):
            raise Wrong(f"{name} drops a unit more or less often depending on its value "
                        f"(being dropped correlates with the {what} by {r:.3f}): dropout "
                        f"drops every unit with the same probability {arg}, whatever its "
                        f"activation; compare a uniform draw, rng.random(), with {arg} "
                        "itself: neither side may be computed from x (rng.random() * x >= "
                        f"{arg}, or rng.random() >= {arg} * x, makes the drop probability "
                        "depend on x)")
    share = float(dropped.mean())
    tol = _TOL if dropped.size <= _ROWS * _UNITS else _TOL_ODD
    if abs(share - (1 - p)) < tol:
        raise Wrong(f"{name} drops a share 1 - {arg} of the units: {arg} is the DROP "
                    f"probability (keep each unit with probability 1 - {arg})")
    if abs(share - p) > tol and p == _P_ODD:  # right at _P and _P_OTHER, checked first
        raise Wrong(f"{name} should drop each unit with probability {arg} = {p}; it dropped "
                    f"{share:.2%}, though it was right for {arg} = {_P} and {_P_OTHER}: the "
                    "probability seems rounded to a coarse grid (such as rng.integers(0, 20) >= "
                    f"20 * {arg}); compare a uniform draw, rng.random(), with {arg} itself")
    if abs(share - p) > tol and p == _P and redraw is not None:
        _check_share_steady(dropped, redraw, arg, name)  # the share's own hint comes after
    if abs(share - p) > tol:  # at _P, the first p tried, the share is off for any p given
        how = ""
        if p == _P and abs(share - 0.5) < tol:  # p = 0.3 dropped half: as at any p, likely
            how = (f": the probability seems hard-coded at 1/2 ({arg} ignored, as "
                   "rng.integers(0, 2) or rng.random() >= 0.5 do); compare one uniform draw "
                   f"per entry, rng.random(), with {arg} itself")
        elif p == _P:
            how = (f" (compare one uniform draw per entry, rng.random(), with {arg}: a draw "
                   "that is not uniform on [0, 1), such as a normal draw or a sum, average "
                   "or other combination of uniform draws, drops another share)")
        raise Wrong(f"{name} should drop each unit with probability {arg} = {p}, independently; "
                    f"it dropped {share:.1%} of them{how}")
    # Rows after the share: a mask that drops too few units (an average of draws, say) has
    # repeated rows by chance, and its real mistake is the share.
    if strict and len(np.unique(dropped, axis=0)) < len(dropped):
        raise Wrong(f"{name} gives some examples the very same mask (repeated rows): draw "
                    "every entry of the mask independently")
    kept = (~dropped).sum(axis=1)
    if kept.var() < 0.5 * dropped.shape[1] * p * (1 - p):
        raise Wrong(f"with {name} every example keeps (nearly) the same number of units; "
                    "dropout keeps or drops each unit independently, so that number varies "
                    "from example to example (it is binomial)")
    # The same over the batch for each unit: 50 counts, so a looser bound (a right mask's
    # sample variance falls below a fifth of the binomial one with odds of about 2e-10).
    if dropped.sum(axis=0).var(ddof=1) < 0.2 * dropped.shape[0] * p * (1 - p):
        raise Wrong(f"with {name} every unit is dropped in (nearly) the same number of "
                    "examples of the batch; dropout keeps or drops each entry independently, "
                    "so that number varies from unit to unit (it is binomial), as it does "
                    "from example to example")
    if not strict:
        return
    if max(_lag_correlation(dropped), _lag_correlation(dropped.T)) > _TOL_LAG:
        raise Wrong(f"the units that {name} drops depend on one another across examples or "
                    "units (a sorted, shifted, mirrored or reused mask?): draw every entry "
                    "independently")
    if (_max_pair_correlation(dropped) > _TOL_PAIR
            or _lag_correlation(kept[:, None]) > _TOL_PAIR):
        raise Wrong(f"the masks that {name} draws are dependent: some units are dropped "
                    "together (or never together), or some examples keep as many units as "
                    "others by construction (a shifted or mirrored block of rows?); draw every "
                    "entry independently")


def _check_share_steady(dropped: np.ndarray, redraw: Any, arg: str, name: str) -> None:
    """Wrong if the share that ``dropped`` (the mask at _P, rng seeded 0) and ``redraw(seed)``
    (the masks with rng seeded _REDRAW_SEEDS) drop varies between calls: a threshold drawn
    once per call and shared by the call's entries. Binomial over 200,000 entries if right
    (sd 0.001): 10 x its variance over 8 calls is crossed with odds 1.5e-12 (chi2(7) > 70).
    Run when the share at _P is off, and again after the unit-copies test whatever the
    share: a threshold p + 0.02 * N(0, 1) per call often drops a share within _TOL of p, and
    is caught here with odds 1 - 2e-5 (sd 0.01: 1 - 0.002; 0.005: 0.9)."""
    share = float(dropped.mean())
    shares = [share] + [float(redraw(seed).mean()) for seed in _REDRAW_SEEDS]
    if np.var(shares, ddof=1) > 10 * share * (1 - share) / dropped.size:
        raise Wrong(_shared_hint(name, arg, dropped))


def _check_unit_copies(dropped_at_half, name: str) -> None:
    """Units whose masks copy other units' with the examples reordered (permuted, reversed,
    or the complement of such a copy): ``dropped_at_half(x)`` is the dropped mask at p = 1/2
    for x of _COPY_ROWS examples x _UNITS units.

    A right mask drops Binomial(n, 1/2) examples of each unit, independently, so two units
    drop exactly as many (or one drops as many as the other keeps) with odds of about 1 in
    200 here; a unit that copies another through a permutation of the examples always does.
    """
    x = np.ones((_COPY_ROWS, _UNITS))
    dropped = dropped_at_half(x)
    counts = dropped.sum(axis=0)
    paired = (counts[:, None] == counts) | (counts[:, None] + counts == len(x))
    np.fill_diagonal(paired, False)
    if paired.any(axis=1).sum() >= _COPY_UNITS:
        raise Wrong(f"the units that {name} drops depend on one another: each unit drops "
                    "exactly as many examples as another unit (or exactly as many as another "
                    "keeps), as a copy of another unit's draws with the examples reordered "
                    "(permuted, reversed, or 1 - u) does; draw every entry independently")


@contextlib.contextmanager
def _legacy_made(func: Any) -> Iterator[list[str]]:
    """The legacy generators (NumPy's ``np.random.RandomState``) made while the block runs,
    by name: looked up on their modules or under any name in ``func``'s globals, like
    :func:`watch_seeding`'s (inside which this may run). Python's ``random.Random`` is not
    legacy (it is Python's current generator, MT19937 like ``torch.Generator``): seeded from
    rng, it is judged like a torch or NumPy generator of the learner's own, by its seeds'
    bits."""
    made: list[str] = []
    undo: list[tuple[Any, str, Any]] = []
    learner = getattr(answer(func), "__globals__", None)
    for home, name, label in ((np.random, "RandomState", "np.random.RandomState"),):
        original = getattr(home, name)

        def init(self, *args, _label=label, _original=original, **kwargs):
            made.append(_label)
            _original.__init__(self, *args, **kwargs)

        counting = type(name, (original,), {"__init__": init})
        undo.append((home, name, original))
        setattr(home, name, counting)
        if isinstance(learner, dict):
            for alias in [k for k, v in learner.items() if v is original]:
                undo.append((learner, alias, original))
                learner[alias] = counting
    try:
        yield made
    finally:
        undo_patches(undo)


def _check_rng_use(func, x: np.ndarray, p: float, arg: str, name: str, learner: Any) -> None:
    """The mask comes from ``rng``: the same seed repeats it, another seed changes it, and
    many calls with one Generator give masks that are all different, drop a number of
    entries that varies from call to call as a binomial one does, and drop a one-element
    input in some calls only. No legacy generator is made inside, and no generator of its
    own seeded from rng with ``SEED_BITS`` bits or fewer (:func:`seed_bits`), nor from such a
    seed scrambled into a wide one (squared, hashed, two narrow draws packed, after a
    throwaway draw: :func:`~helpers.checks._seeding.narrow_when_scrambled`). ``arg`` is the
    name of the drop probability's argument (``p`` or ``p_drop``). ``learner`` is the learner's
    own function (``func`` may wrap it): the generators are watched under the names its
    globals give them too."""
    def out(rng, inputs=x):
        return _array(call(func, inputs.copy(), p, rng), name, inputs.shape)
    small = _activations()[:8, :8]
    keys, groups, hashed, made = [], [], False, False
    for seed in range(_WATCHED_CALLS):  # also the legacy generators made inside
        given = np.random.default_rng(100 + seed)  # made outside the watch: not the learner's
        with watch_seeding(answer(learner)) as seen, _legacy_made(learner) as legacy:
            out(given, small)
        if legacy:
            raise Wrong(f"{name} makes a legacy generator, {legacy[0]}, inside: draw the mask "
                        "from the rng argument (a Generator) itself")
        keys.append(seen.keys)
        groups.append(seen.groups)
        hashed = hashed or hashed_seeds(seen)
        made = made or bool(seen.groups or seen.numpy_made or seen.generators)
    first, again = out(np.random.default_rng(1)), out(np.random.default_rng(1))
    if not np.array_equal(first, again):
        _check_carried_over(first == 0, again == 0, name)
        counted = _seeds_not_from_rng(learner, out)
        if counted:
            raise Wrong(f"two calls of {name} with identically seeded rng differ: {name} draws "
                        f"from a generator of its own whose seed changes from call to call "
                        f"but not with rng (seeds {counted}: a counter, or a clock?); draw the "
                        "mask from the rng argument itself")
        raise Wrong(f"two calls of {name} with identically seeded rng differ: draw the mask "
                    "from the rng argument, not from a global generator (np.random's or "
                    "torch's) or one made without a seed")
    if np.array_equal(first, out(np.random.default_rng(2))):
        raise Wrong(f"{name} gives the same mask for differently seeded rng: draw the mask "
                    "from the rng argument at every call (not a fixed pattern, a mask kept "
                    "from an earlier call or a generator of your own)")
    rng = np.random.default_rng(3)
    one, two = out(rng), out(rng)
    if np.array_equal(one, two):
        raise Wrong(f"two calls of {name} with the same rng gave the same mask: every "
                    "training step needs a fresh mask, so draw from rng itself rather than "
                    "from a copy of it (deepcopy, jumped()) or a generator rebuilt from its "
                    "seed, which leave rng where it was")
    _check_carried_over(one == 0, two == 0, name)
    # the seeds of the whole call, and those of each generator (a generator per example
    # seeded [rng.integers(2**16), i]: many narrow seeds are no wide one)
    bits = min((b for b in (seed_bits(keys), weakest_seed_bits(groups)) if b), default=None)
    # 40 bits or fewer, as Day 1 rules: 20 seeds drawn below 2**40 (rng.integers(2**40)) span
    # a little less than 2**40, so seed_bits gives about 39.9, never more than 40.
    if bits is not None and 0 < bits <= SEED_BITS:
        b = max(1, math.ceil(bits - 1e-9))
        raise Wrong(f"{name} draws from a generator of its own, seeded from rng with few "
                    f"possible values: its seeds vary across calls by only about {b} bits "
                    f"({SEED_BITS} or fewer: a seed drawn below 2**{SEED_BITS}, "
                    f"rng.integers(2**{SEED_BITS}) included, or below 2**32, say). Over the "
                    "millions of steps of a training run such seeds repeat (the birthday "
                    f"bound: n calls share a seed about n**2 / 2**{b + 1} times), and so do "
                    "the masks: draw the mask from rng itself (or seed with 63 bits, "
                    "rng.integers(2**63))")
    if hashed:  # a seed made with hash(), however wide (the course's seed policy)
        raise Wrong(hashed_seed_hint("masks"))
    # a narrow seed scrambled into a wide one (s**2, sha256 of str(s)), which the seeds'
    # bits above take for wide: only when the call made a generator of its own (time)
    if made and narrow_when_scrambled(lambda rng: out(rng, small), halves=True,
                                       positions=(0, 1, 2), func=answer(learner)):
        raise Wrong(f"{name}: " + scrambled_seed_hint("masks"))
    # Many small masks from one rng: two right masks of 64 entries coincide with odds below
    # 1e-10 over all pairs, while a generator seeded from a small range (rng.integers(1000))
    # repeats within a few hundred calls.
    masks = np.array([out(rng, small) == 0 for _ in range(_NUM_CALLS)]).reshape(_NUM_CALLS, -1)
    if len(np.unique(masks, axis=0)) < _NUM_CALLS:
        raise Wrong(f"{_NUM_CALLS} calls of {name} with one rng repeated a mask: the mask must "
                    "be drawn from rng itself, not from a generator seeded with a few possible "
                    "values (such as default_rng(rng.integers(1000))), nor cut from one fixed "
                    "array of draws at a place rng picks")
    counts = masks.sum(axis=1)
    binomial = masks.shape[1] * p * (1 - p)
    # too much variance: a threshold drawn once per call and shared by its entries (the
    # sample variance of 4000 right counts has a standard error of 2.2% of the binomial one:
    # 1.25 times it is more than 10 standard errors away)
    if counts.var(ddof=1) > 1.25 * binomial:
        raise Wrong(_shared_hint(name, arg, masks.reshape(_NUM_CALLS, len(small), -1)))
    if counts.var(ddof=1) < _COUNT_VAR * binomial:
        raise Wrong(f"every call of {name} drops (nearly) the same number of entries: over "
                    f"{_NUM_CALLS} calls on an 8 x 8 input the number dropped has variance "
                    f"{counts.var(ddof=1):.2f}, where independent drops give 64 x {p} "
                    f"x {1 - p:.4g} = {binomial:.2f}. Dropout keeps or drops each entry "
                    "independently, so that number varies from call to call (it is binomial); "
                    "a fixed count of zeros shuffled into place (rng.permutation of a fixed "
                    "mask, rng.choice(size, k, replace=False)) is not dropout")
    one = small[:1, :1]
    dropped = [bool(np.all(out(rng, one) == 0)) for _ in range(_ONE_CALLS)]
    if len(set(dropped)) < 2:
        raise Wrong(f"{name} {'dropped' if dropped[0] else 'kept'} a one-element input in all "
                    f"{_ONE_CALLS} calls, where a drop probability of {p} drops it in about "
                    f"{p * _ONE_CALLS:.0f}: dropout keeps or drops each entry independently; "
                    "a fixed count of zeros (round(p * size) of them, say) is not dropout")


def _seeds_not_from_rng(learner: Any, run: Any) -> str:
    """The integer seeds of the generators that two calls ``run(rng)``, each with a new rng
    of the same seed, make, as text ("1, then 2"), when they differ: seeds that change from
    call to call but not with rng (a module-level counter, a clock); else ""."""
    made = []
    for _ in range(2):
        rng = np.random.default_rng(1)  # made before the watch: not the learner's
        with watch_seeding(answer(learner)) as seen:
            run(rng)
        made.append(seen.keys)
    if not all(made) or made[0] == made[1]:
        return ""
    return ", then ".join(", ".join(str(k) for k in keys[:3]) for keys in made)


def _spawn_tip(learner: Any, run: Any) -> str:
    """The tip that ends a right answer's verdict when one call ``run(rng)`` seeds its
    generators with arithmetic on a base (drawn wide from rng: narrow ones fail
    :func:`_check_rng_use`), else "" (:func:`~helpers.checks._seeding.spawn_tip`)."""
    rng = np.random.default_rng(9)  # made before the watch: not the learner's
    with watch_seeding(answer(learner)) as seen:
        run(rng)
    return spawn_tip(seen.seeds)


def _check_training_positional(func: Any, x: np.ndarray, name: str) -> None:
    """The prompt's signature passes ``training`` as the 4th positional argument."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):  # no signature to inspect (a builtin, say): let the call tell
        return
    try:
        signature.bind(x, _P, np.random.default_rng(0), True)
    except TypeError:
        training = signature.parameters.get("training")
        keyword_only = training is not None and training.kind is training.KEYWORD_ONLY
        raise Wrong(f"the prompt's signature is {name}(x, p, rng, training=True): training "
                    f"is the 4th positional argument (the check calls {name}(x, p, rng, True))"
                    + (", not keyword-only after *" if keyword_only else "")) from None


def _check_signs(run: Any, x: np.ndarray, name: str) -> None:
    """Wrong if ``run(x)`` on negative activations (before a ReLU, or after tanh) returns no
    negative value: a ReLU (all zeros) or an abs (all non-negative) added to dropout, which
    the positive activations of the other tests cannot show; or if it is not exactly the
    negation of ``run`` on the positive ones (``run`` seeds its rng alike at every call):
    negative units kept, or scaled otherwise."""
    negative = -x[:200]
    out = _array(run(negative.copy()), name, negative.shape)
    if np.any(out < 0):
        # the same rng: a mask and scale that ignore the sign give exactly the negation
        positive = _array(run(x[:200].copy()), name, negative.shape)
        if not np.array_equal(out, -positive):
            raise Wrong(f"{name} treats negative activations differently from positive ones: "
                        "with the same rng, -x should give exactly -(its output for x), since "
                        "dropout's mask and scale do not depend on a unit's sign (units kept "
                        "or left unscaled because they are negative, np.where(x > 0, ...)?); "
                        "apply the same mask and scale to every unit")
        return
    what = ("all zeros, as a ReLU (np.maximum(x, 0)) gives" if np.all(out == 0) else
            "no negative value, as abs() gives")
    raise Wrong(f"on negative activations {name} returned {what}: dropout only zeroes units "
                "and scales the rest, so a negative unit stays negative (activations before "
                "a ReLU, or after tanh, are negative); drop the extra ReLU or abs")


_P_ONE_HINT = ("p_drop = 1 drops every unit: the output is all zeros, as torch.nn.Dropout(p=1) "
               "gives; avoid 0 / 0")


def _at_p_one(run: Any, what: str, hint: str) -> np.ndarray:
    """``run()`` at a drop probability of 1, with NumPy's 0 / 0 silenced (its NaN is judged,
    not its warning); an exception becomes ``hint``, the output must be all zeros."""
    try:
        with np.errstate(all="ignore"):
            out = run()
    except Wrong as err:
        if str(err).startswith("your code raised"):
            raise Wrong(f"{err} at {what}: {hint}") from None
        raise
    if np.isnan(out).any():
        raise Wrong(f"{what} gave NaN (0 / 0?): {hint}")
    if np.any(out != 0):
        raise Wrong(f"{what} left {np.count_nonzero(out)} of {out.size} units non-zero: {hint}")
    return out


def _drawn_share(out: np.ndarray, x: np.ndarray, p: float, redraw: Any) -> bool:
    """Whether the evaluation output ``out`` (of the positive activations ``x`` at drop
    probability ``p``, rng seeded 0) looks scaled by the share one drawn mask keeps instead of
    by ``1 - p``: it changes with rng (``redraw(seed)``: the output with rng seeded ``seed``),
    or its factor ``out / x`` lies within 0.1 of ``1 - p`` everywhere without being ``1 - p``
    (a mask kept from a training call, say: the share of a 4000 x 50 mask is within 0.005 of
    ``1 - p``, five standard errors). Called only when ``out`` is not ``(1 - p) x``."""
    if not np.array_equal(redraw(_REDRAW_SEEDS[0]), out):
        return True
    return bool(np.all(np.abs(out / x - (1 - p)) < 0.1))


@exercise_check
def check_original_dropout(original_dropout) -> str:
    """``original_dropout(x, p, rng, training)``: mask at training, times ``1 - p`` after.

    Examples
    --------
    >>> def original_dropout(x, p, rng, training=True):
    ...     return x * (rng.random(x.shape) >= p) if training else x * (1 - p)
    >>> check_original_dropout.verdict(original_dropout)[0]
    'correct'
    >>> def per_example(x, p, rng, training=True):
    ...     return x * (rng.random((len(x), 1)) >= p) if training else x * (1 - p)
    >>> print(check_original_dropout.verdict(per_example)[1][:45])
    original_dropout drops whole examples (each r
    """
    x = _activations()
    name = "original_dropout"
    _check_training_positional(original_dropout, x, name)
    earlier: dict[float, np.ndarray] = {}
    for p in (_P, _P_OTHER, _P_ODD):
        xp = _activations(_ODD_ROWS) if p == _P_ODD else x  # more entries: a finer share test
        out = _array(call(original_dropout, xp.copy(), p, np.random.default_rng(0), True),
                     f"{name}(x, p, rng, training=True)", xp.shape)
        kept = out != 0
        redraw = lambda seed, xp=xp, p=p: _array(  # the mask at p, rng seeded seed
            call(original_dropout, xp.copy(), p, np.random.default_rng(seed), True),
            f"{name}(x, p, rng, training=True)", xp.shape) == 0
        _check_some_dropped(~kept, p, "p", name)
        _check_not_reused(~kept, p, earlier, redraw, "p", name)
        if np.allclose(out[kept], xp[kept] / (1 - p)):
            raise Wrong("the kept units are scaled by 1 / (1 - p): that is INVERTED dropout; "
                        "the original form leaves them as they are during training")
        if not np.allclose(out[kept], xp[kept]):
            raise Wrong("during training each unit should be either dropped (0) or kept "
                        "unchanged")
        _check_mask(~kept, p, "p", name, xp, strict=p == _P, redraw=redraw)
        if p == _P:  # copied units before the other p: their share varies more than the test's
            _check_unit_copies(lambda x: _array(call(original_dropout, x, 0.5,
                                                     np.random.default_rng(4), True),
                                                f"{name}(x, p, rng, training=True)",
                                                x.shape) == 0, name)
            # masks kept between calls before the share's steadiness, which they can upset
            _check_carried_over(redraw(_REDRAW_SEEDS[1]), redraw(_REDRAW_SEEDS[2]), name)
            _check_share_steady(~kept, redraw, "p", name)
    _check_rng_use(lambda *args: original_dropout(*args, True), x, _P, "p", name,
                   original_dropout)
    for p in (_P, _P_OTHER, _P_ODD):
        out = _array(call(original_dropout, x.copy(), p, np.random.default_rng(0), False),
                     f"{name}(x, p, rng, training=False)", x.shape)
        if np.any(out == 0):
            raise Wrong("at evaluation nothing is dropped: every unit takes part")
        if np.allclose(out, x):
            raise Wrong("at evaluation the original form must shrink the activations to what "
                        "training saw on average; by which factor?")
        if np.allclose(out, p * x):
            raise Wrong("you scaled by the drop probability p; the share of units kept during "
                        "training is the other one")
        if not np.allclose(out, (1 - p) * x):
            redraw = lambda seed, p=p: _array(  # the evaluation output, rng seeded seed
                call(original_dropout, x.copy(), p, np.random.default_rng(seed), False),
                f"{name}(x, p, rng, training=False)", x.shape)
            if _drawn_share(out, x, p, redraw):
                raise Wrong("at evaluation you scaled by the share of units that one drawn "
                            "mask keeps: that share is random, near the keep probability but "
                            "not it, and it can change with rng. Evaluation draws nothing: the "
                            "original form scales by the keep probability itself (and inverted "
                            "dropout, which scaled during training, does not scale at all)")
            raise Wrong("at evaluation the output should be the input times the share of "
                        "units kept during training")
    # p = 1 (the prompt's p is any drop probability): nothing kept, nothing expected
    hint = ("p = 1 drops every unit: training gives all zeros, and evaluation x * (1 - p) = "
            "x * 0; avoid 0 / 0")
    for training in (True, False):
        _at_p_one(lambda training=training: _array(
            call(original_dropout, x.copy(), 1.0, np.random.default_rng(0), training),
            f"{name}(x, 1.0, rng, training={training})", x.shape),
            f"{name}(x, p=1, rng, training={training})", hint)
    # last: every test above used positive activations, which a ReLU or abs leaves alone
    for training in (True, False):
        _check_signs(lambda v, training=training: call(
            original_dropout, v, _P, np.random.default_rng(0), training),
            x, f"{name}(x, p, rng, training={training})")
    return ("an independent mask per unit and example from rng at training, scaled by the keep "
            "probability at evaluation: expectations match." + _spawn_tip(
                original_dropout, lambda rng: call(original_dropout, x[:8].copy(), _P, rng, True)))


@exercise_check
def check_snippet_fixed(snippet_fixed) -> str:
    """``snippet_fixed(a, p_drop, rng)``: the binomial snippet as inverted dropout, p = drop.

    Examples
    --------
    >>> def snippet_fixed(a, p_drop, rng):
    ...     if p_drop == 1:  # every unit dropped, without 0 / 0
    ...         return np.zeros_like(a)
    ...     return a * rng.binomial(1, 1 - p_drop, size=a.shape) / (1 - p_drop)
    >>> check_snippet_fixed.verdict(snippet_fixed)[0]
    'correct'
    >>> def unguarded(a, p_drop, rng):
    ...     return a * rng.binomial(1, 1 - p_drop, size=a.shape) / (1 - p_drop)
    >>> print(check_snippet_fixed.verdict(unguarded)[1][:40])
    snippet_fixed(a, p_drop=1, rng) gave NaN
    """
    a = _activations()
    name = "snippet_fixed"
    earlier: dict[float, np.ndarray] = {}
    for p in (_P, _P_OTHER, _P_ODD):
        ap = _activations(_ODD_ROWS) if p == _P_ODD else a  # more entries: a finer share test
        out = _array(call(snippet_fixed, ap.copy(), p, np.random.default_rng(0)),
                     f"{name}(a, p_drop, rng)", ap.shape)
        kept = out != 0
        redraw = lambda seed, ap=ap, p=p: _array(  # the mask at p, rng seeded seed
            call(snippet_fixed, ap.copy(), p, np.random.default_rng(seed)),
            f"{name}(a, p_drop, rng)", ap.shape) == 0
        _check_some_dropped(~kept, p, "p_drop", name)  # before: all kept at every p is no reuse
        _check_not_reused(~kept, p, earlier, redraw, "p_drop", name)
        _check_mask(~kept, p, "p_drop", name, ap, strict=p == _P, redraw=redraw)
        if p == _P:  # the output must be the activations a, masked and scaled
            other = _array(call(snippet_fixed, 2 * ap, p, np.random.default_rng(0)),
                           f"{name}(a, p_drop, rng)", ap.shape)
            if np.array_equal(other, out):
                raise Wrong(f"the output of {name} does not depend on the activations a (the "
                            "same rng state gave the same output for a and 2 a): multiply the "
                            "scaled mask by a; a mask alone is not dropout of a")
        if np.allclose(out[kept], ap[kept]):
            raise Wrong("the kept units are not scaled: inverted dropout divides them by the "
                        "keep probability, so that the mean is unchanged")
        if np.allclose(out[kept], ap[kept] / p):
            raise Wrong("the kept units are divided by p_drop; divide by the KEEP probability")
        if not np.allclose(out[kept], ap[kept] / (1 - p)):
            raise Wrong("the kept units should be divided by the keep probability 1 - p_drop")
        if p == _P:  # copied units before the other p: their share varies more than the test's
            _check_unit_copies(lambda x: _array(call(snippet_fixed, x, 0.5,
                                                     np.random.default_rng(4)),
                                                f"{name}(a, p_drop, rng)", x.shape) == 0, name)
            # masks kept between calls before the share's steadiness, which they can upset
            _check_carried_over(redraw(_REDRAW_SEEDS[1]), redraw(_REDRAW_SEEDS[2]), name)
            _check_share_steady(~kept, redraw, "p_drop", name)
    _check_rng_use(snippet_fixed, a, _P, "p_drop", name, snippet_fixed)
    # the ends: p_drop = 1 drops everything (PyTorch's zeros, no 0 / 0), p_drop = 0 nothing
    _at_p_one(lambda: _array(call(snippet_fixed, a.copy(), 1.0, np.random.default_rng(0)),
                             f"{name}(a, 1.0, rng)", a.shape), f"{name}(a, p_drop=1, rng)",
              _P_ONE_HINT)
    with np.errstate(all="ignore"):
        out = _array(call(snippet_fixed, a.copy(), 0.0, np.random.default_rng(0)),
                     f"{name}(a, 0.0, rng)", a.shape)
    if not np.allclose(out, a):
        raise Wrong(f"{name}(a, p_drop=0, rng) changed a: p_drop = 0 drops nothing and the "
                    "keep probability is 1, so the output is a unchanged")
    # last: every test above used positive activations, which a ReLU or abs leaves alone
    _check_signs(lambda v: call(snippet_fixed, v, _P, np.random.default_rng(0)), a,
                 f"{name}(a, p_drop, rng)")
    return ("drops each unit of each example with probability p_drop, from rng, and scales the "
            "rest by 1 / (1 - p_drop)." + _spawn_tip(
                snippet_fixed, lambda rng: call(snippet_fixed, a[:8].copy(), _P, rng)))
