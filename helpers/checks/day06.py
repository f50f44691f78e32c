"""Checks for the exercises of Day 6 (dropout); see :mod:`helpers.exercises`.

A dropout mask is right when its entries are independent Bernoulli draws: one per unit AND
per example, from the ``rng`` argument, fresh at every call. The checks test exactly those
properties on 4000 examples x 50 units (200,000 entries), with bounds of about five
standard errors, so that a right answer fails with odds below one in a million, and name
the mistake they see: one mask per example (whole rows dropped), one mask for the batch
(whole columns), repeated rows or columns, a fixed number of units kept per example or of
examples dropped per unit,
dependent entries (every pair of units and every circular shift between examples is tested,
so a block of examples that repeats, shifts or reverses the draws of another, or uses 1 - u
for them, fails; a sorted one is named as such), units that copy other units' masks with the
examples reordered (a permuted or reversed copy, or its complement: found at p = 1/2 on 50,000
examples, where every unit then drops exactly as many examples as another, or exactly as many
as another keeps; at least 40 of the 50 units must be so paired, which a right mask is with
odds far below one in a million, so a copy of a few units only can pass), a keep
probability on a coarse grid (a third, irregular p), the keep probability used as the drop
probability, a mask that ignores ``rng``, repeats at every call or comes from a generator
seeded with few possible values, and the scaling of the kept units.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Wrong, call, exercise_check

_P = 0.3  # the drop probability the checks use: far from 1/2, so keep and drop differ
_P_OTHER = 0.75  # a second one: an answer that ignores its argument fails one of the two
# and an irregular third, no multiple of 0.05: a keep test on a coarse grid of levels, such as
# rng.integers(0, 20, shape) >= 20 * p, drops the share 0.3 or 0.75 exactly but not this one
_P_ODD = 0.3141
_ROWS, _UNITS = 4000, 50
_TOL = 0.005  # 5 standard errors of a dropped share estimated from 200,000 entries
# At _P_ODD the share is estimated from 1,000,000 entries (_ODD_ROWS x _UNITS), to 0.25
# points (5.4 standard errors): a keep test on 100 levels, rng.integers(0, 100) >= 100 * p,
# drops 32% there, 0.59 points off, so it fails by more than 7 standard errors. (Finer
# grids, 1000 levels or float16 uniforms, are off by 0.1 point or less: out of reach.)
_ODD_ROWS = 20_000
_TOL_ODD = 0.0025
# Dependence tests, each a maximum over many correlations that are about N(0, 1 / pairs)
# for a right answer; 6.5 standard errors keep the odds of a false alarm below 1e-6.
_TOL_LAG = 6.5 / np.sqrt(_ROWS * _UNITS)  # one lag pooled over 200,000 pairs of entries
_TOL_PAIR = 6.5 / np.sqrt(_ROWS)  # two units (or two examples' counts) over 4000 rows
# A generator seeded per call from rng.integers(10**6) repeats a mask within 4000 calls with
# probability 1 - exp(-4000**2 / 2e6) > 0.9996 (birthday bound); rng.integers(1000), at once.
_NUM_CALLS = 4000
# Unit copies across reordered examples: one call at p = 1/2 on _COPY_ROWS examples.
_COPY_ROWS = 50_000
_COPY_UNITS = 40  # units paired by count with another unit; right masks: about 11 (max 29
# over 200,000 simulated masks)


def _activations(rows: int = _ROWS) -> np.ndarray:
    """``rows`` (4000) examples x 50 units of positive activations, all different (none is 0)."""
    return np.random.default_rng(6).uniform(0.5, 2.0, size=(rows, _UNITS))


def _array(value, name: str, shape: tuple[int, ...]) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.shape != shape:
        raise Wrong(f"{name} should keep the shape of its input, {shape}, got {arr.shape}")
    return arr


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of two boolean arrays (0 when one of them is constant)."""
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


def _check_mask(dropped: np.ndarray, p: float, arg: str, name: str, *,
                strict: bool = True) -> None:
    """``dropped`` (examples x units, bool) must look like independent Bernoulli(p) draws.

    ``arg`` is the name of the drop probability's argument (``p`` or ``p_drop``). With
    ``strict`` also the tests that need p far from 0 and 1 (repeats, dependence).
    Repeated columns are tested before the share dropped, so that copied units get their own
    hint; repeated rows after it (a mask dropping too few units repeats rows by chance).
    """
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
    # columns before the share (copied units get their own hint); rows after it
    if strict and np.unique(dropped, axis=1).shape[1] < dropped.shape[1]:
        raise Wrong(f"{name} gives some units the very same mask over the whole batch "
                    "(repeated columns): draw every entry of the mask independently, not "
                    "some units as copies of others")
    # Dependence across examples before the share too: rows that are shifts of one drawn row
    # (np.roll(u, i) for example i) drop a share set by that one row, and their real mistake
    # is the dependence. (Repeated rows, a special case, keep their own hint.)
    if strict and _lag_correlation(dropped) > _TOL_LAG:
        if len(np.unique(dropped, axis=0)) < len(dropped):
            raise Wrong(f"{name} gives some examples the very same mask (repeated rows): draw "
                        "every entry of the mask independently")
        raise Wrong(f"the units that {name} drops depend on one another across examples (a "
                    "shifted, rolled or reused row of draws?): draw every entry independently")
    share = float(dropped.mean())
    tol = _TOL if dropped.size <= _ROWS * _UNITS else _TOL_ODD
    if abs(share - (1 - p)) < tol:
        raise Wrong(f"{name} drops a share 1 - {arg} of the units: {arg} is the DROP "
                    f"probability (keep each unit with probability 1 - {arg})")
    if abs(share - p) > tol and p == _P_ODD:  # right at _P and _P_OTHER, checked first
        raise Wrong(f"{name} should drop each unit with probability {arg} = {p}; it dropped "
                    f"{share:.1%}, though it was right for {arg} = {_P} and {_P_OTHER}: the "
                    "probability seems rounded to a coarse grid (such as rng.integers(0, 20) >= "
                    f"20 * {arg}); compare a uniform draw, rng.random(), with {arg} itself")
    if abs(share - p) > tol:  # at _P, the first p tried, the share is off for any p given
        how = (f" (compare one uniform draw per entry with {arg}: a sum, average or other "
               "combination of draws is not uniform)" if p == _P else "")
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


def _check_rng_use(func, x: np.ndarray, p: float, name: str) -> None:
    """The mask comes from ``rng``: the same seed repeats it, another seed changes it, and
    many calls with one Generator give masks that are all different."""
    def out(rng, inputs=x):
        return _array(call(func, inputs.copy(), p, rng), name, inputs.shape)
    first, again = out(np.random.default_rng(1)), out(np.random.default_rng(1))
    if not np.array_equal(first, again):
        raise Wrong(f"two calls of {name} with identically seeded rng differ: draw the mask "
                    "from the rng argument, not from np.random's global functions")
    if np.array_equal(first, out(np.random.default_rng(2))):
        raise Wrong(f"{name} gives the same mask for differently seeded rng: draw the mask "
                    "from the rng argument (not a fixed pattern or a generator of your own)")
    rng = np.random.default_rng(3)
    if np.array_equal(out(rng), out(rng)):
        raise Wrong(f"two calls of {name} with the same rng gave the same mask: every "
                    "training step needs a fresh mask, so draw from rng itself rather than a "
                    "generator rebuilt from its seed")
    # Many small masks from one rng: two right masks of 64 entries coincide with odds below
    # 1e-10 over all pairs, while a generator seeded from a small range (rng.integers(1000))
    # repeats within a few hundred calls.
    small = _activations()[:8, :8]
    masks = np.array([out(rng, small) != 0 for _ in range(_NUM_CALLS)]).reshape(_NUM_CALLS, -1)
    if len(np.unique(masks, axis=0)) < _NUM_CALLS:
        raise Wrong(f"{_NUM_CALLS} calls of {name} with one rng repeated a mask: the mask must "
                    "be drawn from rng itself, not from a generator seeded with a few possible "
                    "values (such as default_rng(rng.integers(1000)))")


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
    for p in (_P, _P_OTHER, _P_ODD):
        xp = _activations(_ODD_ROWS) if p == _P_ODD else x  # more entries: a finer share test
        out = _array(call(original_dropout, xp.copy(), p, np.random.default_rng(0), True),
                     f"{name}(x, p, rng, training=True)", xp.shape)
        kept = out != 0
        if kept.any() and np.allclose(out[kept], xp[kept] / (1 - p)):
            raise Wrong("the kept units are scaled by 1 / (1 - p): that is INVERTED dropout; "
                        "the original form leaves them as they are during training")
        if not np.allclose(out[kept], xp[kept]):
            raise Wrong("during training each unit should be either dropped (0) or kept "
                        "unchanged")
        _check_mask(~kept, p, "p", name, strict=p == _P)
        if p == _P:  # copied units before the other p: their share varies more than the test's
            _check_unit_copies(lambda x: _array(call(original_dropout, x, 0.5,
                                                     np.random.default_rng(4), True),
                                                f"{name}(x, p, rng, training=True)",
                                                x.shape) == 0, name)
    _check_rng_use(lambda *args: original_dropout(*args, True), x, _P, name)
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
            raise Wrong("at evaluation the output should be the input times the share of "
                        "units kept during training")
    return ("an independent mask per unit and example from rng at training, scaled by the keep "
            "probability at evaluation: expectations match.")


@exercise_check
def check_snippet_fixed(snippet_fixed) -> str:
    """``snippet_fixed(a, p_drop, rng)``: the binomial snippet as inverted dropout, p = drop.

    Examples
    --------
    >>> def snippet_fixed(a, p_drop, rng):
    ...     return a * rng.binomial(1, 1 - p_drop, size=a.shape) / (1 - p_drop)
    >>> check_snippet_fixed.verdict(snippet_fixed)[0]
    'correct'
    """
    a = _activations()
    name = "snippet_fixed"
    for p in (_P, _P_OTHER, _P_ODD):
        ap = _activations(_ODD_ROWS) if p == _P_ODD else a  # more entries: a finer share test
        out = _array(call(snippet_fixed, ap.copy(), p, np.random.default_rng(0)),
                     f"{name}(a, p_drop, rng)", ap.shape)
        kept = out != 0
        _check_mask(~kept, p, "p_drop", name, strict=p == _P)
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
    _check_rng_use(snippet_fixed, a, _P, name)
    return ("drops each unit of each example with probability p_drop, from rng, and scales the "
            "rest by 1 / (1 - p_drop).")
