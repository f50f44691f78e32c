"""Checks for the exercises of Day 4 (normalization); see helpers.exercises.

Every exercise here has a determined answer (fixed inputs), so each check compares with the
exact result, accepting every equivalent the prompt allows (another idiom, a float32
result of a float64 computation, a list, a ``Fraction``, any of ``np.percentile``'s
methods, any whitening matrix, an epsilon in whitening too small to matter), and then names the mistake it recognizes.
None of these exercises needs randomness, so each check calls the answer with
``call(..., needs_random=False)``: a draw a library makes inside it (even through a helper
of the learner's, or sklearn's randomized SVD) is undone; the learner's own code calling a
legacy ``np.random`` function while it runs is rejected (judged by what runs, not by the word
``random`` in the source), and so are changes to an argument in place.
"""

from __future__ import annotations

import contextlib
import itertools
import math

import numpy as np
from sklearn.preprocessing import MinMaxScaler

from helpers.checks._names import names_used as _names_used
from helpers.exercises import Wrong, call, exercise_check, number

#: Tolerances for comparing an answer with the exact result: loose enough for a float32
#: answer (about 7 digits), far tighter than any mistake the checks recognize.
RTOL, ATOL = 1e-5, 1e-6

#: Every method ``np.percentile`` accepts (NumPy >= 1.22); the robust scaler's median and
#: quartiles may come from any of them.
PERCENTILE_METHODS = (
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
    "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
    "normal_unbiased", "lower", "higher", "midpoint", "nearest",
)


def _close(got: np.ndarray, want: np.ndarray) -> bool:
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=RTOL, atol=ATOL))


def _matrix(value, name: str, shape: tuple[int, int], columns: str) -> np.ndarray:
    """The learner's result as a float array of ``shape``, or :class:`Wrong` saying why not.

    ``columns`` is the hint for a result with the right rows but another number of columns
    (a feature dropped or added), in the words of the exercise.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.ndim == 2 and arr.shape[0] == shape[0] and arr.shape[1] != shape[1]:
        raise Wrong(f"{name} should return an array of shape {shape}, got {arr.shape}: "
                    f"{columns}")
    if arr.shape != shape:
        raise Wrong(f"{name} should return an array of shape {shape}, one row per row of "
                    f"the data it transforms, got {arr.shape}; statistics per feature are "
                    "taken with axis=0")
    return arr


def _diagnose_split(value, name: str, X_train: np.ndarray, X_test: np.ndarray,
                    transforms) -> None:
    """Raise :class:`Wrong` if ``value`` has the rows of X_train, or of both splits
    stacked, and is that data transformed (``transforms(got, X_fit, X)``: is ``got`` ``X``
    transformed with the statistics of ``X_fit``?) with the statistics of X_train, of
    both splits, or of X_test; return otherwise (the shape check then speaks)."""
    try:
        got = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return
    both = np.vstack([X_train, X_test])
    fits = (("X_train's", X_train), ("both splits'", both), ("X_test's", X_test))
    if not np.all(np.isfinite(got)):
        return
    for what, X in (("the training split", X_train), ("both splits stacked", both)):
        if got.shape != X.shape or got.shape == X_test.shape:
            continue
        for whose, X_fit in fits:
            if transforms(got, X_fit, X):
                raise Wrong(f"{name} returned {len(X)} rows, {what} transformed (with "
                            f"{whose} statistics): return X_test ({len(X_test)} rows) "
                            "transformed with statistics computed on X_train alone. Fit on "
                            "the training split, transform the test split (sklearn: "
                            "fit(X_train), then transform(X_test))")


# ----------------------------------------------------------------------------- min_max


def _min_max_case() -> np.ndarray:
    rng = np.random.default_rng(4)
    return np.column_stack([rng.normal(170, 10, 8),  # a large offset
                            rng.uniform(0, 1e-6, 8),  # a tiny range: exposes an added epsilon
                            np.full(8, 7.0),  # constant: range exactly 0
                            rng.integers(0, 5, 8),
                            # a large offset, a small range: np.isclose(max, min) calls it 0
                            -1000 + rng.permutation([0, 5, 2.5, 1, 3.5, 0.5, 4.5, 2]) / 1e3,
                            np.where(np.arange(8) % 3 == 0, 0.1 * 3, 0.3),  # rounding only
                            # a range of 7 * 2**-37 (5.1e-11): far above rounding error (10
                            # eps, 2.2e-15), so a floor or threshold of 1e-10 or more on the
                            # range shows; near 0, so that X * scale + min (scikit-learn's
                            # form) stays exact enough
                            rng.permutation(8) * 2.0**-37])


#: Column of ``_min_max_case`` whose range (5.6e-17) is rounding error: the exact rule
#: (range == 0) scales it, scikit-learn's (range < 10 eps) calls it constant; both pass.
ROUNDING_COLUMN = 5


def _varying(X: np.ndarray) -> np.ndarray:
    """Features whose range is more than rounding error (scikit-learn: 10 eps)."""
    return X.max(axis=0) - X.min(axis=0) >= 10 * np.finfo(float).eps


def _by_columns(X: np.ndarray) -> np.ndarray:
    span = X.max(axis=0) - X.min(axis=0)
    return (X - X.min(axis=0)) / np.where(span == 0, 1.0, span)


def _right_min_max(got: np.ndarray, want: np.ndarray) -> bool:
    """``got`` equals ``want`` except in the rounding-level column, where anything from 0
    (scikit-learn's rule, or an added epsilon) up to the exact result passes."""
    others = np.arange(want.shape[1]) != ROUNDING_COLUMN
    if got.shape != want.shape or not _close(got[:, others], want[:, others]):
        return False
    col, exact = got[:, ROUNDING_COLUMN], want[:, ROUNDING_COLUMN]
    return bool(np.all(np.isfinite(col)) and np.all(col >= -ATOL)
                and np.all(col <= exact + ATOL))


#: Column of ``_min_max_case`` whose range (5.1e-11) is small but far above rounding
#: error: a threshold or floor on the range above it (1e-10, 1e-9) is more than the prompt's
#: "tiny floor, below every range that is more than rounding error".
SMALL_RANGE_COLUMN = 6

#: The hint for a min_max result with a column dropped (the constant one, say) or added.
KEEP_CONSTANT = ("keep every feature (column), the constant one too (it maps to 0), in its "
                 "place")


@contextlib.contextmanager
def _watch_scalers(used: list[str]):
    """Count, in ``used``, every fit of scikit-learn's or the course's ``MinMaxScaler``
    while the block runs (``minmax_scale`` and ``helpers.preprocessing.min_max_scale`` fit
    one), however it was reached; the classes are restored afterwards."""
    from sklearn.preprocessing import MinMaxScaler as SkMinMaxScaler

    from helpers.preprocessing import MinMaxScaler as CourseMinMaxScaler

    homes = ((SkMinMaxScaler, "scikit-learn's minmax_scale / MinMaxScaler"),
             (CourseMinMaxScaler, "the course's min_max_scale / MinMaxScaler"))
    originals = [(cls, cls.__dict__["fit"]) for cls, _ in homes]

    def watched(label: str, fit):
        def wrapper(*args, **kwargs):
            used.append(label)
            return fit(*args, **kwargs)
        return wrapper

    for (cls, label), (_, fit) in zip(homes, originals, strict=True):
        cls.fit = watched(label, fit)
    try:
        yield used
    finally:
        for cls, fit in originals:
            cls.fit = fit


@exercise_check
def check_min_max(min_max) -> str:
    """``min_max(X)``: each feature to [0, 1]; a constant feature to 0, not NaN; written by
    hand, as the prompt asks (a right result from a library's min-max scaler is refused)."""
    X = _min_max_case()
    with np.errstate(all="ignore"):  # a learner's 0 / 0 becomes feedback, not a warning
        with _watch_scalers([]) as library:
            result = call(min_max, X.copy(), needs_random=False)
        got = _matrix(result, "min_max(X)", X.shape, KEEP_CONSTANT)
        want = _by_columns(X)
        if _right_min_max(got, want) and library:
            raise Wrong(f"that is {library[0]}: the exercise is to write min_max yourself, "
                        "with NumPy (a minimum, a range and a division per feature)")
        if _right_min_max(got, want):
            # a constant 0.1 over 6 rows: its computed sd is 1.4e-17, not 0, its range is 0
            X2 = np.column_stack([np.full(6, 0.1), np.arange(1.0, 7.0)])
            got2 = _matrix(call(min_max, X2.copy(), needs_random=False), "min_max(X)",
                           X2.shape, KEEP_CONSTANT)
            if not np.all(np.isfinite(got2)) or not _close(got2, _by_columns(X2)):
                raise Wrong("a column of six 0.1s came out wrong (NaN?): its computed "
                            "standard deviation is rounding error (1.4e-17), not 0, so a test "
                            "like std == 0 or var == 0 misses it; test the range itself "
                            "(max - min == 0)")
            return "each feature spans [0, 1] and the constant one maps to 0, with no NaN."
        _diagnose_float16(got, X, result)
        _diagnose_float32(got, X)
        low, high = X.min(axis=0), X.max(axis=0)
        span = high - low
        varying = _varying(X)
        if _close(got[:, varying], X[:, varying] - low[varying] / span[varying]):
            raise Wrong("division binds tighter than subtraction: X - X.min(axis=0) / span "
                        "divides only the minimum; put parentheses around X - X.min(axis=0)")
        if np.any(np.isnan(got[:, ~varying])):
            raise Wrong("the constant feature became NaN (0 / 0): divide by 1 where the range "
                        "is 0, as scikit-learn does")
        if np.any(~np.isfinite(got)):
            raise Wrong("your result holds NaN or infinite values")
        if _close(got[:, varying], want[:, varying]):
            raise Wrong("the varying features are right; a constant feature (range 0) should "
                        "map to 0, the bottom of the range")
        if _close(got, _by_columns(X.T).T):
            raise Wrong("you scaled each row (sample); min-max scales each column (feature), "
                        "with axis=0")
        if _close(got, (X - X.min()) / (X.max() - X.min())):
            raise Wrong("that uses one minimum and one maximum for the whole matrix; take "
                        "them per feature (column), with axis=0")
        if _close(got[:, varying], (X[:, varying] - low[varying]) / high[varying]):
            raise Wrong("divide by the range, max - min, not by the maximum")
        right = np.all(np.isclose(got, want, rtol=RTOL, atol=ATOL), axis=0) | ~varying
        others_right = np.all(right[~np.isin(np.arange(X.shape[1]),
                                             [4, SMALL_RANGE_COLUMN])])
        if not right[4] and others_right and (np.allclose(got[:, 4], 0, atol=ATOL)
                                              or np.allclose(got[:, 4], X[:, 4] - low[4])):
            raise Wrong("the feature near -1000 with a range of 0.005 was treated as constant: "
                        "np.isclose(max, min) (rtol=1e-5) compares the range with the "
                        "values' size, so it calls any range below 0.01 zero there; test the "
                        "range itself (range == 0, or below rounding error, about 10 * eps)")
        _diagnose_range(got, X)
        mean, std = X.mean(axis=0), X.std(axis=0)
        if _close(got[:, varying], (X[:, varying] - mean[varying]) / std[varying]):
            raise Wrong("that is standardization (mean and standard deviation); min-max "
                        "subtracts the minimum and divides by the range")
        if _close(got[:, varying], 2 * want[:, varying] - 1):
            raise Wrong("that maps each feature to [-1, 1]; the exercise asks for [0, 1]")
        if _close(np.sort(got, axis=0), np.sort(want, axis=0)):
            raise Wrong("each column holds the right values, but not in the rows they came "
                        "from: keep the rows in their order (do not sort, shuffle or reorder "
                        "them)")
        for order in itertools.permutations(range(X.shape[1])):
            if _close(got[:, list(order)], want):
                raise Wrong("the right columns, in another order: keep each feature in its "
                            "own column")
    raise Wrong("the varying features should go from 0 (their minimum) to 1 (their maximum), "
                "each scaled on its own column")


def _diagnose_float16(got: np.ndarray, X: np.ndarray, result) -> None:
    """Raise :class:`Wrong` if the learner returned float16 (about 3 significant digits,
    which :data:`RTOL` and :data:`ATOL` cannot allow), naming how far it is off and why;
    return otherwise. The right formula rounded to float16 at the end is off by up to
    half a float16 step near 1 (2.4e-4); computed in float16 from the start, the feature
    near -1000 is lost (float16 numbers there lie 0.5 apart, its range is 0.005)."""
    if getattr(result, "dtype", None) != np.float16:
        return
    want = _by_columns(X)
    others = np.arange(X.shape[1]) != ROUNDING_COLUMN
    error = float(np.abs(got[:, others] - want[:, others]).max())
    step = float(np.spacing(np.float16(0.5)))  # between float16 numbers from 0.5 to 1
    if error <= step:
        raise Wrong(f"the formula is right, but your result is float16: it keeps about 3 "
                    f"significant digits (float16 numbers from 0.5 to 1 lie {step:.2g} "
                    f"apart), so values are off by up to {error:.2g}; return float64, or "
                    "float32 (7 digits), and do not cast to float16")
    gap = float(np.spacing(np.float16(abs(X[0, 4]))))
    raise Wrong(f"your result is float16, off by up to {error:.2g}: computed in float16, the "
                f"feature near {X[0, 4]:.0f} with a range of {np.ptp(X[:, 4]):.2g} is lost, "
                f"because float16 numbers near {abs(X[0, 4]):.0f} lie {gap:.2g} apart; "
                "compute in float64 and return float64 (or float32)")


def _diagnose_float32(got: np.ndarray, X: np.ndarray) -> None:
    """Raise :class:`Wrong` if ``got`` is the right formula computed in float32 (which the
    feature near -1000 with a range of 0.005 cannot survive); return otherwise."""
    X32 = X.astype(np.float32)
    span32 = X32.max(axis=0) - X32.min(axis=0)
    in_float32 = [(X32 - X32.min(axis=0)) / np.where(span32 == 0, 1, span32),
                  MinMaxScaler().fit_transform(X32)]  # its 10 eps is float32's: 1.2e-6
    others = np.arange(X.shape[1]) != ROUNDING_COLUMN
    if not any(np.allclose(got[:, others], want[:, others], rtol=0, atol=1e-4)
               for want in in_float32):
        return
    error = float(np.abs(got[:, 4] - _by_columns(X)[:, 4]).max())
    gap = float(np.spacing(np.float32(abs(X[0, 4]))))  # between float32 numbers near 1000
    raise Wrong(f"the formula is right, but computed in float32: the feature near "
                f"{X[0, 4]:.0f} with a range of {np.ptp(X[:, 4]):.2g} comes out off by up to "
                f"{error:.2g}, because float32 numbers near {abs(X[0, 4]):.0f} lie "
                f"{gap:.2g} apart; compute in float64 (a float32 result of it is fine)")


def _diagnose_range(got: np.ndarray, X: np.ndarray) -> None:
    """Raise :class:`Wrong` if ``got`` divides each varying feature's ``X - min`` by some
    other number than its range, naming the number (an added epsilon, a floor on the range,
    a threshold that calls a tiny range 0); return if the mistake is not of that kind."""
    low, span = X.min(axis=0), X.max(axis=0) - X.min(axis=0)
    varying = np.flatnonzero(_varying(X))
    offsets = X[:, varying] - low[varying]
    got_v = got[:, varying]
    with np.errstate(divide="ignore", invalid="ignore"):
        divisor = np.sum(offsets**2, axis=0) / np.sum(offsets * got_v, axis=0)
    if not (np.all(np.isfinite(divisor)) and np.all(divisor > 0)
            and _close(got_v, offsets / divisor)):
        return  # not (X - min) / some number, per feature
    if np.allclose(divisor, span[varying], rtol=RTOL, atol=0):
        return  # the varying features are right: the mistake is elsewhere
    added = divisor - span[varying]
    tiny = np.argmin(span[varying])
    if np.all(added > 0) and np.allclose(added, added.mean(), rtol=1e-3):
        reach = float(np.max(got_v[:, tiny]))
        raise Wrong(f"you added {added.mean():.2g} to every range, which shrinks every "
                    f"feature: the one with a tiny range ({span[varying][tiny]:.1g}) reaches "
                    f"only {reach:.6f}, not 1; replace only a range of 0 (or of rounding "
                    "error, below 10 * eps) by 1")
    # the features divided by something else are the smallest ranges only (a threshold or
    # a floor on the range): named by the smallest of them
    wrong = ~np.isclose(divisor, span[varying], rtol=RTOL, atol=0)
    if wrong.any() and not wrong.all() and (span[varying][wrong].max()
                                            < span[varying][~wrong].min()):
        tiny = np.flatnonzero(wrong)[np.argmin(span[varying][wrong])]
        if np.allclose(divisor[wrong], 1.0, rtol=1e-6):
            raise Wrong(f"the feature with a tiny but nonzero range ({span[varying][tiny]:.1g}) "
                        "was treated as constant and divided by 1: replace a range by 1 only "
                        "where it is 0 (or rounding error, below 10 * eps), not below a "
                        "larger threshold (np.isclose(range, 0) means below 1e-8)")
        raise Wrong(f"the feature with a tiny but nonzero range ({span[varying][tiny]:.1g}) "
                    f"was divided by {divisor[tiny]:.2g}, not by its range, so it does not "
                    "reach 1 (a small number added to every range, or a floor on the range, "
                    "does that); replace only a range of 0 (or of rounding error, below "
                    "10 * eps) by 1")


# ----------------------------------------------------------------------------- share_outside


def _split_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(6)
    # three features on their own scales (ranges 4, 16 and 1, powers of 2, ends pinned so
    # that they scale exactly): one minimum and maximum over the whole matrix is wrong here
    scale, shift = np.array([1.0, 4.0, 0.25]), np.array([0.0, 10.0, -3.0])
    X_train = rng.uniform(-1.5, 1.5, (200, 3))
    # the minimum in the first row, the maximum in the last (an odd row), both apart from the
    # rest: a scaler fitted on a slice of the training rows (X_train[:60], X_train[-60:],
    # X_train[::2]) misses one and counts the test values in the gap
    X_train[[0, -1]] = [[-2.0], [2.0]]
    X_train = X_train * scale + shift
    X_test = rng.normal(0.3, 1.4, (60, 3)) * scale + shift  # drifted: wider and shifted
    # two test rows exactly at the training minimum and maximum: they scale to exactly 0 and
    # 1 (with every idiom, float32 too), inside [0, 1], so <= 0 or >= 1 counts them wrongly
    X_test[:2] = X_train[[0, -1]]
    return X_train, X_test


def _sklearn_style(X_fit: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Min-max scaling as scikit-learn computes it, X * scale_ + min_ (rounds differently)."""
    low, high = X_fit.min(axis=0), X_fit.max(axis=0)
    scale = 1.0 / (high - low)
    return X * scale + (0.0 - low * scale)


def _scaled(X_fit: np.ndarray, X: np.ndarray) -> np.ndarray:
    low, high = X_fit.min(axis=0), X_fit.max(axis=0)
    return (X - low) / (high - low)


@exercise_check
def check_share_outside(share_outside) -> str:
    """``share_outside(X_train, X_test)``: share of scaled test values outside [0, 1]."""
    X_train, X_test = _split_case()
    got = call(share_outside, X_train.copy(), X_test.copy(), needs_random=False)
    scaled = _scaled(X_train, X_test)
    below, above = scaled < 0, scaled > 1
    per_feature = np.mean(below | above, axis=0)
    arr = np.asarray(got)
    if arr.dtype != object and arr.shape == per_feature.shape and arr.size > 1:
        raise Wrong("that is one share per feature; return one share over all the test "
                    "values (every row and every feature)")
    got = number(got, "share_outside")
    want = float(np.mean(below | above))

    def same(value: float) -> bool:
        return bool(np.isclose(got, value, rtol=1e-6, atol=1e-9))

    if same(want):
        return "a scaler fitted on the training split sees the test split as new data."
    if same(want * X_test.size):
        raise Wrong("that is a count; the exercise asks for the share (a fraction) of the "
                    "test values")
    if same(100 * want):
        raise Wrong("that is a percentage; return the share as a fraction between 0 and 1")
    # a scaler fitted on the test split (or on all the data) leaves nothing outside [0, 1],
    # up to rounding: scikit-learn's X * scale_ + min_ can land a maximum at 1 + 2e-16
    leaks = [_sklearn_style(X_fit, X_test) for X_fit in (X_test, np.vstack([X_train, X_test]))]
    if got == 0:
        raise Wrong("no value outside [0, 1]: either the scaler was fitted on the data it "
                    "scaled (or on all of it), or its output was clipped (MinMaxScaler("
                    "clip=True), np.clip), or the two conditions were joined with & instead "
                    "of | (no value is both below 0 and above 1); fit on X_train only, "
                    "transform X_test without clipping, and count (s < 0) | (s > 1)")
    if any(same(float(np.mean((s < 0) | (s > 1)))) for s in leaks):
        raise Wrong("no value outside [0, 1], up to rounding: either the scaler was fitted "
                    "on the data it scaled (or on all of it), or its output was clipped "
                    "(MinMaxScaler(clip=True), np.clip); fit on X_train only, then transform "
                    "X_test without clipping")
    at_ends = [(scaled <= 0) | (scaled >= 1), (scaled <= 0) | above, below | (scaled >= 1)]
    if any(same(float(np.mean(outside))) for outside in at_ends):
        raise Wrong("you also counted values exactly at 0 or 1 (a test value equal to the "
                    "training minimum or maximum): those lie inside [0, 1]; use strict "
                    "comparisons, < 0 and > 1")
    if same(float(np.mean(above))):
        raise Wrong("nothing was counted below 0 (your share is that of the values above 1): "
                    "check the lower comparison, and that it uses X_train's minimum")
    if same(float(np.mean(below))):
        raise Wrong("nothing was counted above 1 (your share is that of the values below 0): "
                    "check the upper comparison, and that it uses X_train's maximum")
    lo, hi = X_train.min(), X_train.max()
    whole = (X_test - lo) / (hi - lo)
    if same(float(np.mean((whole < 0) | (whole > 1)))):
        raise Wrong("you scaled with one minimum and maximum over the whole matrix; take "
                    "them per feature (column), with axis=0")
    if same(float(np.mean(np.any(below | above, axis=1)))):
        raise Wrong("that is the share of test ROWS with a value outside; count every "
                    "value (all rows and features)")
    raise Wrong("not the share of scaled test values below 0 or above 1")


# ----------------------------------------------------------------------------- robust_transform


def _robust_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(8)
    X = np.column_stack([rng.normal(70, 3, 60), rng.exponential(2.0, 60),
                         rng.normal(-5, 0.1, 60)])
    X[0, 0] = 500.0  # one broken value in the training split
    X[41:] += [2.0, 1.0, 0.05]  # the test split drifted, so its own statistics differ
    return X[:41], X[41:]


def _quartiles(X: np.ndarray, method: str) -> np.ndarray:
    return np.percentile(X, [25, 50, 75], axis=0, method=method)


def _robust_any_method(got: np.ndarray, X_fit: np.ndarray, X: np.ndarray) -> bool:
    """Is ``got`` (X - median) / IQR of ``X_fit``, the median and the quartiles each by any
    of ``np.percentile``'s methods?"""
    stats = {m: _quartiles(X_fit, m) for m in PERCENTILE_METHODS}
    return any(_close(got, (X - stats[m_mid][1]) / (stats[m_iqr][2] - stats[m_iqr][0]))
               for m_mid, m_iqr in itertools.product(PERCENTILE_METHODS, repeat=2))


@exercise_check
def check_robust_transform(robust_transform) -> str:
    """``robust_transform(X_train, X_test)``: X_test scaled with the training split's
    per-feature median and interquartile range (any of np.percentile's methods)."""
    X_train, X_test = _robust_case()
    result = call(robust_transform, X_train.copy(), X_test.copy(), needs_random=False)
    _diagnose_split(result, "robust_transform(X_train, X_test)", X_train, X_test,
                    _robust_any_method)
    got = _matrix(result, "robust_transform(X_train, X_test)", X_test.shape,
                  "keep every feature (column) of X_test, each scaled with its own median "
                  "and IQR")
    if _robust_any_method(got, X_train, X_test):
        return "the training split's median and IQR, applied to the test split."
    q25, median, q75 = _quartiles(X_train, "linear")
    if _robust_any_method(got, X_test, X_test):
        raise Wrong("those are the test split's own statistics: compute the median and "
                    "IQR on X_train, then apply them to X_test")
    if _robust_any_method(got, np.vstack([X_train, X_test]), X_test):
        raise Wrong("the statistics saw the test split (all the data): use X_train only")
    if _robust_any_method(-got, X_train, X_test):
        raise Wrong("the signs are flipped: the IQR is the 75th percentile minus the 25th")
    if _close(got, (X_test - X_train.mean(axis=0)) / (q75 - q25)):
        raise Wrong("you centred on the mean, which the broken value drags; use the median")
    if _close(got, (X_test - median) / X_train.std(axis=0)):
        raise Wrong("you divided by the standard deviation, which the broken value "
                    "inflates; use the interquartile range")
    if _close(got, X_test / (q75 - q25)):
        raise Wrong("the features are scaled but not centred: subtract each median")
    p25, p50, p75 = np.percentile(X_train, [25, 50, 75])  # no axis: pooled over features
    if _close(got, (X_test - p50) / (p75 - p25)):
        raise Wrong("those percentiles pool every feature of X_train: take them per feature "
                    "(one median and IQR per column), with axis=0")
    if _robust_any_method(got, X_train, X_train[:len(X_test)]):
        raise Wrong("you transformed the training split; return X_test, transformed")
    raise Wrong("not (X_test - median) / IQR, with the median and IQR of each feature of "
                "X_train")


# ----------------------------------------------------------------------------- whiten


def _whiten_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(12)
    mixing = np.array([[3.0, 0.0, 0.0], [2.0, 0.5, 0.0], [0.5, 1.0, 0.2]])
    X = rng.standard_normal((260, 3)) @ mixing.T + [50.0, -3.0, 0.2]  # correlated, offset
    X[200:] = 1.3 * X[200:] + [1.0, 0.5, 0.1]  # the test split drifted
    return X[:200], X[200:]


def _linear_map(got: np.ndarray, X: np.ndarray) -> np.ndarray | None:
    """``W`` with ``got == X @ W`` (to rounding), or None when no matrix does it."""
    W = np.linalg.lstsq(X, got, rcond=None)[0]
    scale = max(float(np.abs(got).max()), 1.0)
    return W if np.allclose(X @ W, got, rtol=0, atol=1e-5 * scale) else None


def _is_white(W: np.ndarray, cov: np.ndarray) -> bool:
    """Would ``W`` whiten data of covariance ``cov`` (with n or with n - 1)?"""
    return bool(np.allclose(W.T @ cov @ W, np.eye(len(cov)), rtol=0, atol=1e-4))


def _epsilon(W: np.ndarray, cov: np.ndarray) -> float | None:
    """The ``eps`` with ``W^T (cov + eps I) W = I``, or None if no ``eps`` does it.

    That equation says ``W`` whitens ``cov + eps I``: it divides by ``sqrt(lambda + eps)``
    instead of ``sqrt(lambda)`` (regularized whitening, as in CS231n's notes), followed by
    any rotation. ``eps = 0`` is plain whitening. ``eps`` is fitted by least squares.
    """
    M, G = W.T @ cov @ W, W.T @ W
    eps = float(np.sum((np.eye(len(cov)) - M) * G) / np.sum(G * G))
    return eps if np.allclose(M + eps * G, np.eye(len(cov)), rtol=0, atol=1e-4) else None


def _whitens(got: np.ndarray, X_fit: np.ndarray, X: np.ndarray) -> float | None:
    """The ``eps`` if ``got`` is ``(X - mean) @ W`` for the mean of ``X_fit`` and a ``W``
    that whitens its covariance (with n or with n - 1) plus ``eps I``; else None."""
    W = _linear_map(got, X - X_fit.mean(axis=0))
    if W is None:
        return None
    n = len(X_fit)
    cov = np.cov(X_fit, rowvar=False, ddof=0)
    for C in (cov, cov * n / (n - 1)):
        eps = _epsilon(W, C)
        if eps is not None:
            return eps
    return None


#: A whitening regularized with ``eps`` (dividing by ``sqrt(lambda + eps)``) passes when it
#: changes no whitened variance by more than this share, ``|eps| / (lambda_min + eps)``:
#: the same order as the accepted choice between n and n - 1 (0.5% here).
EPS_SHARE = 0.01


def _used_cholesky(func) -> bool:
    """Whether ``func`` names a Cholesky routine: NumPy's or SciPy's ``cholesky``,
    SciPy's ``cho_factor`` or ``cho_solve``, PyTorch's ``cholesky_ex``."""
    return any("cholesky" in name.lower() or name.startswith("cho_")
               for name in _names_used(func))


@exercise_check
def check_whiten(whiten) -> str:
    """``whiten(X_train, X_test)``: X_test centred with the training mean and multiplied by
    a matrix W that whitens the training covariance (W^T C W = I, C with n or n - 1)."""
    X_train, X_test = _whiten_case()
    try:
        result = call(whiten, X_train.copy(), X_test.copy(), needs_random=False)
    except Wrong as err:
        if str(err).startswith("your code raised") and str(len(X_train)) in str(err):
            raise Wrong(f"{err}; a size of {len(X_train)} (the training rows) where 3 "
                        "features belong: np.cov(X_train) treats each ROW as a variable, "
                        "pass rowvar=False (or use X_train.T)") from None
        raise
    _diagnose_split(result, "whiten(X_train, X_test)", X_train, X_test,
                    lambda got, X_fit, X: _whitens(got, X_fit, X) is not None)
    got = _matrix(result, "whiten(X_train, X_test)", X_test.shape,
                  f"keep every direction (column): whitening rotates and rescales all "
                  f"{X_test.shape[1]} of them and drops none (PCA(whiten=True) keeps them all "
                  "by default)")
    if not np.all(np.isfinite(got)):
        raise Wrong("your result holds NaN or infinite values")
    n = len(X_train)
    cov = np.cov(X_train, rowvar=False, ddof=0)
    eps = _whitens(got, X_train, X_test)
    if eps is not None:
        smallest = float(np.linalg.eigvalsh(cov).min())
        change = abs(eps) / (smallest + eps) if smallest + eps > 0 else np.inf
        if change <= 1e-4:  # no eps, up to rounding (a float32 answer, say)
            return ("the training mean and covariance, applied to the test split: its "
                    "whitened training split would have identity covariance.")
        if change <= EPS_SHARE:
            return (f"the training mean and covariance, applied to the test split; your "
                    f"eps = {eps:.2g} changes the whitened variances by at most {change:.2%}.")
        variance = smallest / (smallest + eps)  # what sqrt(lambda + eps) leaves of 1
        did = (f"added eps = {eps:.2g} to the eigenvalues before the square root "
               "(regularized whitening, as in CS231n's notes)" if eps > 0 else
               f"subtracted {-eps:.2g} from the eigenvalues before the square root")
        raise Wrong(f"you {did}: along the smallest "
                    f"eigenvalue ({smallest:.2g}) the whitened variance is then "
                    f"{variance:.2g}, not 1; leave eps out, or keep it far below the "
                    "smallest eigenvalue")
    if _whitens(got, X_test, X_test) is not None:
        raise Wrong("those are the test split's own mean and covariance: compute them on "
                    "X_train, then apply them to X_test")
    if _whitens(got, np.vstack([X_train, X_test]), X_test) is not None:
        raise Wrong("the statistics saw the test split (all the data): use X_train only")
    W = _linear_map(got, X_test)  # not centred at all?
    if W is not None and (_is_white(W, cov) or _is_white(W, cov * n / (n - 1))):
        raise Wrong("the directions and scales are right, but centre first: subtract the "
                    "training mean from X_test before multiplying")
    W = _linear_map(got, X_test - X_train.mean(axis=0))
    if W is None:
        raise Wrong("your result is not the centred test split times one matrix: centre "
                    "X_test with the training mean, then multiply every row by the same W")
    M = W.T @ cov @ W  # the covariance the transformed training split would have (with n)
    variances = np.diag(M)
    if (np.allclose(M - np.diag(variances), 0, rtol=0, atol=1e-4 * np.abs(M).max())
            and np.allclose(variances, variances.mean(), rtol=1e-4, atol=0)):
        raise Wrong(f"the whitened training split would be uncorrelated with every variance "
                    f"{variances.mean():.4g} (dividing by n; "
                    f"{variances.mean() * n / (n - 1):.4g} by n - 1), not 1: your matrix is "
                    "right up to a constant factor; check the divisor of the covariance (n "
                    "or n - 1 both pass) and any other factor")
    for C in (cov, cov * n / (n - 1)):  # the covariance with n, and with n - 1
        M = W.T @ C @ W  # the covariance the transformed training split would have
        unit_variances = np.allclose(np.diag(M), 1, rtol=0, atol=1e-4)
        uncorrelated = np.allclose(M - np.diag(np.diag(M)), 0, rtol=0,
                                   atol=1e-4 * np.abs(M).max())
        if unit_variances and not uncorrelated:
            raise Wrong("each feature has variance 1 but they are still correlated (that is "
                        "standardization): rotate onto the covariance's eigenvectors too")
        if uncorrelated and not unit_variances:
            if any(np.allclose(np.sort(np.diag(W.T @ S @ W)),
                               np.sort(np.linalg.eigvalsh(S)) ** 2, rtol=1e-6, atol=0)
                   for S in (cov, cov * n / (n - 1))):
                # scaled by sqrt(eigenvalue) instead of dividing: eigh(inv(cov)) gives 1 / lam
                raise Wrong("the new features are uncorrelated but their variances are the "
                            "covariance's eigenvalues squared: you multiplied each by the "
                            "square root of its eigenvalue instead of dividing (the "
                            "eigenvalues of inv(cov) are 1 / those of cov). Take eigh of the "
                            "covariance itself and divide by np.sqrt of its eigenvalues")
            variances = np.diag(M)
            if any(math.isclose(float(np.prod(np.diag(W.T @ S @ W))), 1.0, rel_tol=1e-6)
                   for S in (cov, cov * n / (n - 1))):
                # each eigenvector scaled by another eigenvalue's root: the ratios multiply to 1
                raise Wrong("the new features are uncorrelated and their variances multiply "
                            f"to 1, but they are not each 1 ({', '.join(f'{v:.3g}' for v in variances)}): each "
                            "eigenvector was divided by the square root of another "
                            "eigenvalue. Keep the eigenvalues in the order of their "
                            "eigenvectors: eigh returns them matched, so sort or reverse "
                            "both or neither")
            raise Wrong("the new features are uncorrelated but their variances are not 1: "
                        "divide each one by the square root of its eigenvalue (not by the "
                        "eigenvalue itself, and not leave it out)")
        if np.allclose(W @ C @ W.T, np.eye(len(C)), rtol=0, atol=1e-4):
            cholesky = ("with a Cholesky factor C = L L^T, multiply the rows by inv(L).T, "
                        "or solve L Z^T = X^T; " if _used_cholesky(whiten) else "")
            raise Wrong("your matrix whitens from the other side (W C W^T = I, not W^T C W): "
                        f"{cholesky}transpose your matrix")
        if np.allclose(W, np.linalg.inv(C), rtol=1e-4, atol=0):
            raise Wrong("you multiplied by the inverse covariance; whitening needs its "
                        "inverse square root: divide by the square roots of the eigenvalues")
        eigenvalues, V = np.linalg.eigh(C)
        if np.allclose(np.abs(W), np.abs(V.T / np.sqrt(eigenvalues)), rtol=1e-4, atol=0):
            raise Wrong("np.linalg.eigh returns the eigenvectors as the COLUMNS of its second "
                        "output; you used its rows")
    raise Wrong("not white: with your matrix the training split would not have identity "
                "covariance; centre, rotate onto the eigenvectors, divide by the square "
                "roots of the eigenvalues")
