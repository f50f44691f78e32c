"""Checks for the exercises of Day 7 (linear regression); see helpers.exercises.

Exercises 1 to 3 are determined (fixed data, no randomness), so each check compares with
the exact expected result, computed independently (``np.polyfit``, NIST's certified
values, :func:`helpers.regression.exact_least_squares`, :func:`helpers.regression.fit_ridge`),
and recognizes the common wrong answers by recomputing them. Exercise 4 (the family
bootstrap) is random: its check verifies what is determined exactly (every slope is that of
some resample of whole families; the rng alone decides) and the rest by the slopes' spread.
"""

from __future__ import annotations

import types

import numpy as np

from helpers.checks._advance import NOT_ADVANCED_HINT, rng_advanced, shifted_copy_hint
from helpers.checks._names import names_used as _names_used
from helpers.checks._seeding import (
    SEED_BITS,
    constant_step,
    load_torch,
    watch_seeding,
    watch_torch_global,
)
from helpers.data import load_longley
from helpers.exercises import Wrong, answer, call, exercise_check, number
from helpers.regression import add_bias, exact_least_squares, fit_ridge

#: The course's own solvers: an answer that calls one of them has not written the solver.
COURSE_SOLVERS = ("fit_least_squares", "fit_ridge", "exact_least_squares", "fit_normal_equation")


def _reject_course_solver(func, written_with: str) -> None:
    """Raise :class:`Wrong` if ``func`` calls one of the course's solvers
    (:data:`COURSE_SOLVERS`), which would answer the exercise for the learner."""
    own = getattr(func, "__globals__", {})
    for name in sorted(_names_used(func)):
        obj = own.get(name)
        if obj is None and name in COURSE_SOLVERS:  # an attribute: regression.fit_ridge
            solver = name
        elif (getattr(obj, "__module__", None) == "helpers.regression"
              and getattr(obj, "__name__", None) in COURSE_SOLVERS):  # also imported as ...
            solver = obj.__name__
        else:
            continue
        raise Wrong(f"write it with {written_with}, not the course's {solver}: that helper "
                    "is the answer, and the exercise is to write it yourself")


#: Library functions that fit the whole line (Exercise 1) or ridge (Exercise 3) in one call,
#: by the name they are looked up under, with the name a hint gives them. Those prompts ask
#: for np.linalg.lstsq on a system the learner builds; Exercise 4's allows np.polyfit.
LINE_FITTERS = {"polyfit": "np.polyfit", "Polynomial": "NumPy's Polynomial.fit",
                "linregress": "scipy.stats.linregress",
                "LinearRegression": "scikit-learn's LinearRegression",
                "OLS": "statsmodels' OLS",
                "linear_regression": "statistics.linear_regression",
                "curve_fit": "scipy.optimize.curve_fit"}
RIDGE_FITTERS = {"Ridge": "scikit-learn's Ridge", "RidgeCV": "scikit-learn's RidgeCV",
                 "ridge_regression": "scikit-learn's ridge_regression",
                 "KernelRidge": "scikit-learn's KernelRidge"}
LINE_FITTERS |= RIDGE_FITTERS  # Ridge(alpha=0) fits the line too
#: The packages :data:`LINE_FITTERS` and :data:`RIDGE_FITTERS` come from.
FITTER_PACKAGES = ("numpy", "scipy", "sklearn", "statsmodels", "statistics")


#: The name a hint gives NumPy's other polyfit, which returns (b, w), lowest degree first.
POLYNOMIAL_POLYFIT = "numpy.polynomial.polynomial.polyfit"


def _polynomial_module_used(names: set[str], own: dict) -> bool:
    """Whether the code behind ``names`` (:func:`_names_used`) reaches ``polyfit`` through
    ``numpy.polynomial``: the attribute ``polynomial`` (``np.polynomial.polynomial``) or a
    global bound to one of its modules (``import numpy.polynomial.polynomial as P``); then a
    call of ``polyfit`` is most likely that module's, not ``np.polyfit``."""
    if "polynomial" in names:
        return True
    return any(isinstance(own.get(n), types.ModuleType)
               and own[n].__name__.startswith("numpy.polynomial") for n in names)


def _attribute_bases(func, seen: set | None = None) -> dict[str, set[str | None]]:
    """The attribute names that ``func``'s code (as :func:`_names_used` reads it) looks up,
    each with the globals it looks them up on (``np`` for ``np.polyfit``; None when the
    object is not a global: ``np.polynomial.polynomial.polyfit``, a local variable)."""
    import dis

    seen = set() if seen is None else seen
    code = getattr(func, "__code__", None)
    if code is None or code in seen:
        return {}
    seen.add(code)
    bases: dict[str, set[str | None]] = {}
    stack = [code]
    while stack:
        c = stack.pop()
        stack.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
        before = None
        for ins in dis.get_instructions(c):
            if ins.opname in ("LOAD_ATTR", "LOAD_METHOD"):
                base = before.argval if before and before.opname == "LOAD_GLOBAL" else None
                bases.setdefault(ins.argval, set()).add(base)
            before = ins
    own = getattr(func, "__globals__", {})
    for name in _names_used(func):
        obj = own.get(name)
        if isinstance(obj, types.FunctionType) and obj.__module__ == func.__module__:
            for attr, where in _attribute_bases(obj, seen).items():
                bases.setdefault(attr, set()).update(where)
    return bases


def _from_fitter_package(obj) -> bool:
    return str(getattr(obj, "__module__", "")).split(".")[0] in FITTER_PACKAGES


def _reject_library_fitter(func, written_with: str, fitters: dict[str, str]) -> None:
    """Raise :class:`Wrong` if ``func`` calls one of ``fitters``, a library function that
    does the whole exercise in one call (looked up by name, as an attribute such as
    ``np.polyfit``, or as a global imported under any name); the learner's own functions
    of the same name do not count, but do not hide the library's: ``np.polyfit`` is told
    by what ``np.polyfit`` is, whatever the learner's global ``polyfit``."""
    own = getattr(func, "__globals__", {})
    names = _names_used(func)
    bases = _attribute_bases(func)
    for name in sorted(names):
        obj = own.get(name)
        if obj is not None and name in fitters and not _from_fitter_package(obj) and any(
                base is None or _from_fitter_package(getattr(own.get(base), name, None))
                for base in bases.get(name, ())):
            obj = None  # a global of the learner's, but np.polyfit called as well
        if obj is None and name in fitters:  # an attribute: np.polyfit, linear_model.Ridge
            fitter = fitters[name]
            if name == "polyfit" and _polynomial_module_used(names, own):
                fitter = POLYNOMIAL_POLYFIT  # P.polyfit, np.polynomial.polynomial.polyfit
        elif (str(getattr(obj, "__module__", "")).split(".")[0] in FITTER_PACKAGES
              and getattr(obj, "__name__", None) in fitters):  # from ... import ... as ...
            fitter = fitters[obj.__name__]
            if str(obj.__module__).startswith("numpy.polynomial") and name != "Polynomial":
                fitter = f"{obj.__module__}.{obj.__name__}"
        else:
            continue
        raise Wrong(f"write it with {written_with}, not {fitter}: it does the whole job in "
                    "one call, and the exercise is to write it yourself")


def _close(a: float | np.ndarray, b: float | np.ndarray, rtol: float = 1e-6) -> bool:
    return bool(np.allclose(a, b, rtol=rtol, atol=1e-9 * (1 + np.max(np.abs(b)))))


def _pair(value, name: str) -> tuple[object, object]:
    """The two things a ``(w, b)`` answer holds, or :class:`Wrong`."""
    if isinstance(value, tuple | list) or isinstance(value, np.ndarray) and value.ndim >= 1:
        items = list(value)
    else:
        raise Wrong(f"{name} should return two things, (w, b), got one "
                    f"{type(value).__name__}")
    if len(items) != 2:
        raise Wrong(f"{name} should return two things, (w, b), got {len(items)}; "
                    "unpack the solution by name and return exactly those two")
    return items[0], items[1]


# ---------------------------------------------------------------- Exercise 1: fit_line


def _line_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.normal(10.0, 2.0, 30)  # far from 0, so a line through the origin misses
    return x, -0.7 * x + 4.0 + rng.normal(0.0, 0.3, 30)


#: Where the far case centres x: kappa(A) is then about 6e11, so the normal equations
#: (inv or solve on A.T @ A, or the one-pass sums formula) keep about 3 digits, lstsq,
#: np.polyfit and scipy.stats.linregress more than 10.
FAR = 1e6


def _far_case() -> tuple[np.ndarray, np.ndarray]:
    """x = 1e6 + N(0, 2): a line that only a solver working on A itself gets right."""
    rng = np.random.default_rng(5)
    x = FAR + rng.normal(0.0, 2.0, 30)
    return x, -0.7 * (x - FAR) + 4.0 + rng.normal(0.0, 0.3, 30)


def _one_number(value) -> bool:
    """Whether ``value`` holds one number: a scalar, or an array or PyTorch tensor of size 1
    (``np.size`` cannot tell, as a tensor's ``size`` is a method)."""
    try:
        return np.asarray(value).size == 1
    except (TypeError, ValueError, RuntimeError):  # a tensor that requires grad, say
        return False


def _low_precision(*values) -> str | None:
    """The name of the first float dtype narrower than float64 among ``values`` (NumPy
    scalars and arrays, PyTorch tensors), or None."""
    for value in values:
        dtype = getattr(value, "dtype", None)
        name = str(dtype).removeprefix("torch.")
        if name in ("float16", "bfloat16", "float32"):
            return name
    return None


def _line_digits(w: float, b: float, want_w: float, want_b: float) -> float:
    rel = max(abs(w - want_w) / abs(want_w), abs(b - want_b) / abs(want_b))
    return float(-np.log10(max(rel, 1e-17)))


def _reject_x_on_y(w: float, x: np.ndarray, y: np.ndarray, rtol: float = 1e-6) -> None:
    """:class:`Wrong` if the slope ``w`` is that of x regressed on y (either way written)."""
    xc, yc = x - x.mean(), y - y.mean()
    if _close(w, (yc @ yc) / (xc @ yc), rtol):
        raise Wrong("that slope belongs to x regressed on y; the line predicts y from x")
    if _close(w, (xc @ yc) / (yc @ yc), rtol):  # fit_line(y, x) inside: arguments swapped
        raise Wrong("that is the line of x regressed on y (x and y swapped): it predicts x "
                    "from y; the line predicts y from x, so x goes into the design matrix")


#: The hint on a slope made of a covariance and a variance of different ddof (Exercises 1
#: and 4), after "the slope is" or "your slopes are".
MIXED_DDOF = ("off by the factor n / (n - 1): a covariance and a variance with different "
              "ddof (np.cov uses 1, np.var 0)")


def _mixed_ddof_slopes(w, n):
    """The least-squares slope ``w`` of ``n`` points as a covariance over a variance of
    different ddof makes it: ``np.cov(x, y)[0, 1] / np.var(x)``, and the reverse."""
    return w * n / (n - 1), w * (n - 1) / n


@exercise_check
def check_fit_line(fit_line) -> str:
    """``fit_line(x, y)``: least-squares ``(w, b)`` of a line, for a 1-D ``x``."""
    _reject_course_solver(fit_line, "np.linalg.lstsq")
    _reject_library_fitter(fit_line, "np.linalg.lstsq", LINE_FITTERS)
    x, y = _line_case()
    first, second = _pair(call(fit_line, x, y), "fit_line(x, y)")
    if not (_one_number(first) and _one_number(second)):
        raise Wrong("fit_line(x, y) should return two numbers (w, b), not arrays")
    w, b = number(first, "w"), number(second, "b")
    want_w, want_b = np.polyfit(x, y, 1)
    if _close(w, want_w) and _close(b, want_b):
        _check_far_line(fit_line)
        return ("(w, b) is the least-squares line, slope first, unpacked by name, also for x "
                "far from 0.")
    if _close(w, want_b) and _close(b, want_w):
        raise Wrong("you returned (b, w): with add_bias the bias is theta's FIRST entry")
    if _close(w, x @ y / (x @ x)):
        raise Wrong("that is the line through the origin: add a column of ones for the "
                    "bias (add_bias) before solving")
    _reject_x_on_y(w, x, y)
    if any(_close(w, v) for v in _mixed_ddof_slopes(want_w, len(x))):
        raise Wrong(f"the slope is {MIXED_DDOF}")
    if _close(w, want_w) and _close(b, y.mean()):
        raise Wrong("b is the mean of y, the intercept of the centred line: for x itself "
                    "it is mean(y) - w * mean(x)")
    if _close(w, want_w):
        raise Wrong("the slope is right but b is not the least-squares intercept")
    narrow = _low_precision(first, second)
    if narrow and _close(w, want_w, 1e-2) and _close(b, want_b, 1e-2):
        raise Wrong(f"(w, b) is {narrow}, which holds only about "
                    f"{3 if '16' in narrow else 7} digits, so it misses the least-squares "
                    "line; compute and return float64 (NumPy's default)")
    raise Wrong("(w, b) is not the least-squares line of the test data; solve "
                "add_bias(x.reshape(-1, 1)) theta = y with np.linalg.lstsq")


def _check_far_line(fit_line) -> None:
    """The line of :func:`_far_case` to 6 digits, or the hint for the digits lost."""
    x, y = _far_case()
    first, second = _pair(call(fit_line, x, y), "fit_line(x, y)")
    if not (_one_number(first) and _one_number(second)):
        raise Wrong("fit_line(x, y) should return two numbers (w, b), not arrays")
    b_exact, w_exact = exact_least_squares(add_bias(x.reshape(-1, 1)), y)
    digits = _line_digits(number(first, "w"), number(second, "b"), w_exact, b_exact)
    if digits >= 6:
        return
    narrow = _low_precision(first, second)
    if narrow:
        raise Wrong(f"for x near {FAR:.0e} your (w, b) keeps only {max(digits, 0):.0f} "
                    f"correct digits, and it is {narrow}, which holds about "
                    f"{3 if '16' in narrow else 7}: compute in float64 (NumPy's default)")
    said = f"for x near {FAR:.0e} your (w, b) keeps only {max(digits, 0):.0f} correct digits"
    A = add_bias(x.reshape(-1, 1))
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    rank_one = Vt[0] * (U[:, 0] @ y) / s[0]  # (b, w) once lstsq's cut-off drops s[1]
    if _line_digits(number(first, "w"), number(second, "b"), rank_one[1], rank_one[0]) >= 6:
        raise Wrong(f"{said}: that is the rank-1 answer, with A's smaller singular "
                    "direction dropped. Either the normal equations (pinv or lstsq on "
                    "A.T @ A, whose condition number is squared, so the cut-off drops it): "
                    "solve A theta = y itself; or lstsq on A with an rcond so large that it "
                    "cut it off: leave rcond=None; or float32 arithmetic, whose cut-off drops "
                    "it too (torch.Tensor and torch.tensor of Python floats are float32): "
                    "compute in float64")
    x32, y32 = (v.astype(np.float32).astype(np.float64) for v in (x, y))
    for x_r, y_r in ((x32, y), (x32, y32), (x, y32)):
        b_r, w_r = np.linalg.lstsq(add_bias(x_r.reshape(-1, 1)), y_r, rcond=None)[0]
        if _line_digits(number(first, "w"), number(second, "b"), w_r, b_r) >= 6:
            raise Wrong(f"{said}: your data were rounded to float32, which near {FAR:.0e} "
                        "keeps x only to the nearest 1/16; compute in float64 (NumPy's "
                        "default)")
    raise Wrong(f"{said}, where lstsq on A itself keeps more than 10. If you went through "
                "A.T @ A (inv or solve on it, or the sums formula n*sum(xy) - sum(x)*sum(y): "
                "the normal equations), that squares the condition number; if you computed "
                "in float32 (torch.Tensor, or torch.tensor of Python floats), it keeps about "
                "7 digits. Solve A theta = y itself with np.linalg.lstsq, rcond=None, in "
                "float64")


# ---------------------------------------------------------------- Exercise 2: unit columns

#: NIST StRD Longley: the certified (b, w_1, ..., w_6).
LONGLEY_CERTIFIED = np.array([-3482258.63459582, 15.0618722713733, -0.358191792925910e-01,
                              -2.02022980381683, -1.03322686717359, -0.511041056535807e-01,
                              1829.15146461355])
#: Digits of NIST's a scaling-proof solver must keep (QR and lstsq on unit-length columns
#: keep 10.8 to 10.9 on the OpenBLAS kernels tested; plain lstsq after the rescaling and
#: the normal equations keep 6 to 7.5).
MIN_DIGITS = 9.5


def correct_digits(theta: np.ndarray, reference: np.ndarray) -> float:
    """Significant digits of the worst entry of ``theta`` that agree with ``reference``."""
    rel = np.abs(theta - reference) / np.abs(reference)
    return float(-np.log10(max(rel.max(), 1e-17)))


def _vector(value, size: int, name: str) -> np.ndarray:
    """The learner's answer as a float64 vector of ``size`` entries, or :class:`Wrong`."""
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        arr = np.asarray(None)
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise Wrong(f"{name} should be an array of numbers, got {type(value).__name__}")
    if arr.shape not in ((size,), (size, 1), (1, size)):
        raise Wrong(f"{name} should have one entry per column of A, shape ({size},), "
                    f"got shape {arr.shape}")
    if arr.dtype.kind == "f" and arr.dtype.itemsize < 8:
        raise Wrong(f"{name} is {arr.dtype}, which holds only about 7 digits; compute in "
                    "float64 (NumPy's default)")
    arr = arr.astype(np.float64).reshape(size)
    if not np.all(np.isfinite(arr)):
        raise Wrong(f"{name} holds NaN or infinite values")
    return arr


def _call_unit(lstsq_unit_columns, A: np.ndarray, y: np.ndarray, where: str = "") -> object:
    """``lstsq_unit_columns(A, y)`` with division by zero and NaN raising: a column scaled
    to inf or NaN would reach LAPACK, whose lstsq on it may never return (its scaling
    routine rejects the matrix and the SVD loops: Reference-LAPACK/lapack#1409).

    ``where`` names the case; empty for Longley as given, where every column's length,
    mean and first entry are far from 0 and only a measure of spread (the intercept's
    standard deviation, or max - min) is 0, so only there is the spread blamed."""
    with np.errstate(divide="raise", invalid="raise"):
        try:
            return call(lstsq_unit_columns, A, y)
        except Wrong as err:
            if not str(err).startswith("your code raised FloatingPointError"):
                raise
    if not where:
        raise Wrong("a column has zero spread (the intercept's standard deviation is 0), so "
                    "your code divided by zero: divide by np.linalg.norm(A, axis=0)")
    raise Wrong(f"{where} your code divided by zero or made a NaN: something you divide by "
                "(a column's mean, its first entry, a rounded length?) is 0 for these "
                "columns. Divide each column by its length, np.linalg.norm(A, axis=0), "
                "itself, which is 0 only for a column of zeros")


def rescaling(num_columns: int, K: int) -> np.ndarray:
    """Section 2's scaling: column j times ``2**K`` (j even) or ``2**-K`` (j odd)."""
    return 2.0 ** np.where(np.arange(num_columns) % 2 == 0, K, -K)


def _diagnose_unit_columns(theta: np.ndarray, A: np.ndarray, y: np.ndarray) -> None:
    """Raise the hint for a ``theta`` that misses NIST's values on Longley as given."""
    lengths = np.linalg.norm(A, axis=0)
    if _close(theta, LONGLEY_CERTIFIED * lengths):
        raise Wrong("those are the coefficients of the unit-length columns: since "
                    "A @ theta = (A / lengths) @ (lengths * theta), divide them by the "
                    "lengths to get A's")
    if _close(theta, LONGLEY_CERTIFIED * lengths**2):
        raise Wrong("you multiplied the solution by the column lengths; divide it by them "
                    "instead")
    row_scaled = np.linalg.lstsq(A / np.linalg.norm(A, axis=1, keepdims=True), y,
                                 rcond=None)[0]
    if _close(theta, row_scaled) or _close(theta, row_scaled / lengths):
        raise Wrong("you scaled the rows of A (axis=1), which weights the equations and "
                    "changes the problem; scale its columns (axis=0)")
    B = A / lengths
    U, s, Vt = np.linalg.svd(B, full_matrices=False)
    shares = (U.T @ y) / s
    for kept in range(1, len(s)):  # lstsq with an rcond that cuts off the smallest ones
        if _close(theta * lengths, Vt[:kept].T @ shares[:kept], 1e-6):
            raise Wrong(f"that is lstsq with the {len(s) - kept} smallest singular value(s) "
                        "of the unit-length columns cut off, as an rcond larger than about "
                        f"{s[kept] / s[0]:.0e} does: leave rcond=None (or 0 or -1)")
    digits = correct_digits(theta, LONGLEY_CERTIFIED)
    if digits < 2:
        raise Wrong("theta is far from the least-squares solution of A theta = y: scale "
                    "the columns, solve with np.linalg.lstsq, then undo the scaling")
    raise Wrong(f"theta keeps only {digits:.0f} of NIST's digits (a good solver keeps about "
                "11): forming A.T @ A, inverting a matrix or computing in float32 loses "
                "them; solve the scaled problem with np.linalg.lstsq")


def _keeps_relative_sizes(lstsq_unit_columns) -> bool:
    """Whether the answer solves with the columns' sizes relative to each other as they were,
    as ``lstsq(A / c, y) / c`` does for any one number ``c`` (plain lstsq is ``c = 1``).

    The probe has two orthogonal columns of lengths 1 and 1e-20 and the exact solution
    [1, 1]. Whatever ``c`` is, their ratio stays 1e-20, below lstsq's rank cut-off, which
    then drops the short column: [1, 0]. Dividing each column by its length, or by a power
    of it other than 2 (lengths**2 turns the ratio over and drops the long one), keeps both."""
    A = np.array([[1.0, 0.0], [0.0, 1e-20], [0.0, 0.0]])
    y = np.array([1.0, 1e-20, 0.0])
    with np.errstate(divide="raise", invalid="raise"):
        try:
            theta = np.asarray(call(lstsq_unit_columns, A, y), dtype=float).ravel()
        except (Wrong, TypeError, ValueError):
            return False
    return theta.shape == (2,) and abs(theta[0] - 1) < 1e-6 and abs(theta[1]) < 1e-6


#: Names of the functions that compute a column's length (or a scale for it).
_SCALING_NAMES = {"norm", "vector_norm", "matrix_norm", "max", "amax", "nanmax", "sqrt", "abs",
                  "absolute", "fabs", "hypot", "std", "sum", "einsum", "power", "square"}


def _scalar_hint(said: str) -> Wrong:
    return Wrong(f"{said}: you divided all of A by one number (np.linalg.norm(A) without "
                 "axis=0, or the largest length), which leaves the columns' sizes relative "
                 "to each other as they were; divide each column by its own length, "
                 "np.linalg.norm(A, axis=0)")


def _diagnose_rescaled(theta: np.ndarray, A: np.ndarray, y: np.ndarray, said: str,
                       lstsq_unit_columns) -> None:
    """Raise the hint for a ``theta`` that loses digits on rescaled columns, if known."""
    lengths = np.linalg.norm(A, axis=0)

    def gap(other: np.ndarray) -> float:  # the largest relative difference from theta
        return float(np.max(np.abs(theta - other)) / (1 + np.max(np.abs(other))))

    plain = _plain_solutions(A, y)
    plain_gap = min(gap(p) for p in plain)
    for scalar in (np.linalg.norm(A), lengths.max(), np.abs(A).max()):
        scaled = np.linalg.lstsq(A / scalar, y, rcond=None)[0] / scalar
        if (_close(theta, scaled, 1e-8) and gap(scaled) < plain_gap
                and _SCALING_NAMES & _called(lstsq_unit_columns)):
            raise _scalar_hint(said)
    # QR and then lstsq on R (QR alone is refused before): named whatever lstsq's driver
    # made of R (SciPy 1.18's lands a little off every plain solution)
    if {"qr", "qr_multiply"} & _called(lstsq_unit_columns):
        raise Wrong(f"{said}: you factored A = QR and then solved R theta = Q^T y with "
                    "lstsq. R keeps the columns' scales, and lstsq (an SVD with a rank "
                    "cut-off) loses digits on R as on A; a triangular system is solved "
                    "by back substitution (scipy.linalg.solve_triangular). But this "
                    "exercise is about lstsq itself: divide each column of A by its "
                    "length, solve with np.linalg.lstsq, and divide the solution by the "
                    "same lengths")
    # an answer that names no norm, maximum, square root or abs never computed a length: on
    # these ill-conditioned columns PyTorch's lstsq lands anywhere from run to run, near a
    # scaled solution as often as not, so only the names tell that it never scaled
    scales = bool(_SCALING_NAMES & _called(lstsq_unit_columns))
    if not scales:
        raise Wrong(f"{said}: your answer never scales the columns (it computes no length: "
                    "no norm, maximum or square root), which is what plain lstsq does, "
                    "whatever the solver or driver; divide each column by its length, "
                    "np.linalg.norm(A, axis=0), and the solution by the same lengths after")
    if plain_gap < 1e-9 or any(_close(theta, p, 1e-8) for p in plain):
        raise Wrong(f"{said}: that is what plain lstsq does; divide each column by its "
                    "length before solving, and the solution by the same lengths after")
    features_only = np.r_[1.0, lengths[1:]]
    if _close(theta, np.linalg.lstsq(A / features_only, y, rcond=None)[0] / features_only,
              1e-8):
        raise Wrong(f"{said}: you left the intercept column (column 0, the ones) unscaled, "
                    "and in other units it is as badly scaled as any other; divide every "
                    "column of A, the first one too, by its length")
    if _keeps_relative_sizes(lstsq_unit_columns):  # one number, whichever, or none (a probe)
        raise Wrong(f"{said}: your answer solves with the columns' sizes relative to each "
                    "other as they were. Either it never scales the columns (lstsq on A "
                    "itself, whatever the solver or driver) or it divides all of A by one "
                    "number (np.linalg.norm(A) without axis=0, or the largest length); divide "
                    "each column by its own length, np.linalg.norm(A, axis=0), and the "
                    "solution by the same lengths after")


def _plain_solutions(A: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """Least-squares solutions of ``A theta = y`` itself, unscaled, by the solvers an answer
    may call: np.linalg.lstsq, and scipy.linalg.lstsq with each LAPACK driver (gelsy, QR
    with column pivoting, is also PyTorch's default). On rescaled columns each loses its own
    digits, so each must be recomputed to be recognized."""
    import scipy.linalg  # only here: the other checks do without it

    plain = [np.linalg.lstsq(A, y, rcond=None)[0]]
    for driver in ("gelsd", "gelsy", "gelss"):
        try:
            plain.append(scipy.linalg.lstsq(A, y, lapack_driver=driver)[0])
        except (ValueError, np.linalg.LinAlgError, scipy.linalg.LinAlgError):
            continue
    return plain


def _called(func) -> set[str]:
    """The names ``func`` uses, each as the function it refers to calls itself (an alias
    such as ``from numpy.linalg import qr as factor`` counts as ``qr``)."""
    own = getattr(func, "__globals__", {})
    return {getattr(own.get(name), "__name__", name) for name in _names_used(func)}


def _reject_qr_without_lstsq(func) -> None:
    """Raise :class:`Wrong` if ``func`` factors with QR and never calls an lstsq. Householder
    QR ignores column scaling by itself (section 2), so its answers keep NIST's digits under
    every rescaling whether or not the columns were scaled: only the call tells."""
    called = _called(func)
    if called & {"qr", "qr_multiply"} and "lstsq" not in called:
        raise Wrong("you solved with a QR factorization: section 2 showed that Householder QR "
                    "already ignores column scaling, so this check cannot tell whether you "
                    "scaled the columns. The exercise is to make lstsq scaling-proof: divide "
                    "each column by its length, solve with np.linalg.lstsq, and divide the "
                    "solution by the same lengths")


@exercise_check
def check_lstsq_unit_columns(lstsq_unit_columns) -> str:
    """``lstsq_unit_columns(A, y)``: lstsq on unit-length columns, scaled back."""
    _reject_course_solver(lstsq_unit_columns, "np.linalg.lstsq")
    _reject_qr_without_lstsq(lstsq_unit_columns)
    X, y, _ = load_longley()
    A = add_bias(X)
    theta = _vector(_call_unit(lstsq_unit_columns, A, y), A.shape[1], "theta")
    if correct_digits(theta, LONGLEY_CERTIFIED) < MIN_DIGITS:
        _diagnose_unit_columns(theta, A, y)
    for K in (10, -10, 20, -20, 40, -40):
        scale = rescaling(A.shape[1], K)
        theta_scaled = _vector(
            _call_unit(lstsq_unit_columns, A * scale, y,
                       f"on Longley's columns rescaled by 2**{K} and 2**{-K} (section 2),"),
            A.shape[1], "theta")
        digits = correct_digits(theta_scaled * scale, LONGLEY_CERTIFIED)
        if digits >= MIN_DIGITS:
            continue
        said = (f"on Longley's columns rescaled by 2**{K} and 2**{-K} (section 2) theta keeps "
                f"only {max(digits, 0):.0f} of NIST's digits")
        _diagnose_rescaled(theta_scaled, A * scale, y, said, lstsq_unit_columns)
        raise Wrong(f"{said}: your answer still depends on the columns' units. Divide each "
                    "column by its length itself (not a power of it), so that A / lengths "
                    "is the same in any units, and the solution by the same lengths after")
    for origin, what in ((1954.5, "centred (its mean is 0)"), (1947.0, "counted from 1947")):
        A_year = A.copy()
        A_year[:, -1] -= origin  # exact: YEAR's entries are integers
        where = f"on Longley with YEAR {what},"
        theta_year = _vector(_call_unit(lstsq_unit_columns, A_year, y, where), A.shape[1],
                             "theta")
        digits = correct_digits(theta_year, exact_least_squares(A_year, y))
        if digits < MIN_DIGITS:
            raise Wrong(f"{where} theta keeps only {max(digits, 0):.0f} of the exact "
                        "solution's digits: divide each column by its length, "
                        "np.linalg.norm(A, axis=0), solve with np.linalg.lstsq, and divide "
                        "the solution by the same lengths")
    return (f"theta keeps at least {MIN_DIGITS} correct digits, on Longley's columns as "
            "given, rescaled by powers of two, and with YEAR centred or counted from 1947.")


# ---------------------------------------------------------------- Exercise 3: ridge


def _ridge_case() -> tuple[np.ndarray, np.ndarray]:
    """Well-conditioned data whose features and target have means far from 0."""
    rng = np.random.default_rng(3)
    X = rng.normal([5.0, -3.0, 10.0], [1.0, 2.0, 0.5], size=(30, 3))
    return X, X @ np.array([1.5, -2.0, 0.7]) + 4.0 + rng.normal(0.0, 0.5, 30)


def _collinear_case() -> tuple[np.ndarray, np.ndarray]:
    """Nearly collinear features (x3 = x1 - x2 up to 1e-6): kappa of the centred X ~ 2e6."""
    rng = np.random.default_rng(11)
    x1, x2 = rng.standard_normal(40), rng.standard_normal(40)
    X = np.column_stack([x1, x2, x1 - x2 + 1e-6 * rng.standard_normal(40)])
    X = X + np.array([0.5, -0.3, 0.8])
    return X, X @ np.array([1.0, 2.0, -1.5]) + 3.0 + 1e-3 * rng.standard_normal(40)


def _ridge_answer(value, d: int, want_b: float | None = None) -> tuple[np.ndarray, float]:
    if (isinstance(value, np.ndarray) and value.size == d + 1 or isinstance(value, list)
            and len(value) == d + 1 and all(np.ndim(v) == 0 for v in value)):
        flat = np.ravel(np.asarray(value, dtype=float))
        order = ("[b, w]" if want_b is not None and _close(flat[0], want_b, 1e-6) else
                 "[w, b]" if want_b is not None and _close(flat[-1], want_b, 1e-6) else
                 "[b, w] or [w, b]")
        raise Wrong(f"you returned one vector {order}: return the weights and the bias "
                    "separately, as the pair (w, b)")
    first, second = _pair(value, "ridge(X, y, alpha)")
    if np.size(first) == 1 and np.size(second) == d:
        raise Wrong("you returned (b, w): return the weights first, (w, b)")
    shape = np.shape(first)
    if np.size(first) == d and shape != (d,):
        raise Wrong(f"w has shape {shape}; return a 1-D w of shape ({d},) (lstsq with a 1-D "
                    "right-hand side gives one; or w.ravel()). With a 2-D w, X @ w is a column "
                    "of shape (n, 1), and y - X @ w then broadcasts (n, 1) - (n,) into an n x n "
                    "array, not n residuals")
    if np.ndim(second) != 0:
        raise Wrong(f"b has shape {np.shape(second)}: return b as one number (a scalar, such "
                    "as y.mean() - X.mean(axis=0) @ w with a 1-D w), not an array")
    w = _vector(first, d, "w")
    return w, number(second, "b")


def _alternatives(X: np.ndarray, y: np.ndarray, alpha: float) -> list[tuple[tuple, str]]:
    """Common wrong ridge answers on (X, y, alpha), each with its hint."""
    n, d = X.shape
    A = add_bias(X)
    theta = np.linalg.lstsq(np.vstack([A, np.sqrt(alpha) * np.eye(d + 1)]),
                            np.r_[y, np.zeros(d + 1)], rcond=None)[0]
    through_origin = np.linalg.lstsq(np.vstack([X, np.sqrt(alpha) * np.eye(d)]),
                                     np.r_[y, np.zeros(d)], rcond=None)[0]
    uncentred_X = np.linalg.lstsq(np.vstack([X, np.sqrt(alpha) * np.eye(d)]),
                                  np.r_[y - y.mean(), np.zeros(d)], rcond=None)[0]
    not_centred = ("you centred y but not X: the stacked system has no bias column, so X's "
                   "nonzero means pull w off. Subtract X.mean(axis=0) from X before stacking, "
                   "and use the same means to recover b")
    standardized = []  # ridge on standardized features, scaled back or not (ddof 0 or 1)
    for ddof in (0, 1):
        sd = X.std(axis=0, ddof=ddof)
        w_z = fit_ridge((X - X.mean(axis=0)) / sd, y, alpha)[0]
        standardized += [(w_z / sd, y.mean() - X.mean(axis=0) @ (w_z / sd)), (w_z, y.mean())]
    scaled_penalty = ("you standardized X inside ridge: the penalty then shrinks the weights "
                      "of the standardized features, alpha * ||w * X.std(axis=0)||^2, not "
                      "alpha * ||w||^2 as asked, so a feature's units change how much it is "
                      "shrunk. Only centre X here (subtract X.mean(axis=0)); whether to "
                      "standardize is the caller's choice, made before calling ridge")
    return [
        *[(pair, scaled_penalty) for pair in standardized],
        ((uncentred_X, y.mean() - X.mean(axis=0) @ uncentred_X), not_centred),
        ((uncentred_X, y.mean()), not_centred),
        ((theta[1:], theta[0]),
         ("your penalty also shrinks the bias b; centre X and y first, so that b stays out "
          "of the penalty")),
        (fit_ridge(X, y, alpha**2),
         ("your penalty is alpha**2 * ||w||^2: the extra rows must be sqrt(alpha) * I, whose "
          "squares give alpha")),
        (fit_ridge(X, y, 2 * alpha),
         ("your penalty is 2 * alpha * ||w||^2 (or your loss is half the sum of squares): "
          "the extra rows are sqrt(alpha) * I, and the loss is the sum of squares plus "
          "alpha * ||w||^2")),
        (fit_ridge(X, y, alpha / 2),
         ("your penalty is alpha / 2 * ||w||^2: the extra rows are sqrt(alpha) * I, and the "
          "loss is the sum of squares plus alpha * ||w||^2")),
        (fit_ridge(X, y, alpha * n),
         ("your penalty is n times too large: the loss here is the sum of squares plus "
          "alpha * ||w||^2, not the mean")),
        (fit_ridge(X, y, alpha / n),
         ("your penalty is n times too small: the loss here is the sum of squares plus "
          "alpha * ||w||^2, not the mean")),
        (fit_ridge(X, y, 0.0),
         ("w does not shrink with alpha: stack sqrt(alpha) * I under the centred X and zeros "
          "under the centred y")),
        ((through_origin, 0.0),
         "you fitted no bias: centre X and y first, then recover b from the means"),
    ]


def _scalar_centred_w(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Ridge's w with X centred by its overall mean, X - X.mean(), not column by column."""
    d = X.shape[1]
    return np.linalg.lstsq(np.vstack([X - X.mean(), np.sqrt(alpha) * np.eye(d)]),
                           np.r_[y - y.mean(), np.zeros(d)], rcond=None)[0]


#: The hint for an answer right with a penalty that fails without one.
GRAM_AT_ZERO = ("If you solved with the n x n Gram matrix, the dual form Xc.T @ "
                "solve(Xc @ Xc.T + alpha * I, yc): Xc @ Xc.T has rank d < n, so at alpha = 0 "
                "it is singular. Solve the taller system [Xc; sqrt(alpha) * I] w = [yc; 0] "
                "with np.linalg.lstsq instead")


@exercise_check
def check_ridge(ridge) -> str:
    """``ridge(X, y, alpha)``: ridge regression ``(w, b)``, the bias unpenalized."""
    _reject_course_solver(ridge, "np.linalg.lstsq on the taller system")
    _reject_library_fitter(ridge, "np.linalg.lstsq on the taller system", RIDGE_FITTERS)
    X, y = _ridge_case()
    d = X.shape[1]
    for alpha in (3.0, 0.0, 1e4):  # not 2 first: there alpha**2 = 2 * alpha
        want_w, want_b = fit_ridge(X, y, alpha)
        try:
            value = call(ridge, X, y, alpha)
        except Wrong as err:
            if alpha == 0 and str(err).startswith("your code raised LinAlgError"):
                raise Wrong(f"{err}, at alpha = 0 after alpha = 3 worked. {GRAM_AT_ZERO}"
                            ) from None
            raise
        w, b = _ridge_answer(value, d, want_b)
        if _close(w, want_w, 1e-8) and _close(b, want_b, 1e-8):
            continue
        for (alt_w, alt_b), hint in _alternatives(X, y, alpha):
            if _close(w, alt_w, 1e-8) and _close(b, alt_b, 1e-8):
                raise Wrong(hint)
        if _close(w, _scalar_centred_w(X, y, alpha), 1e-8):  # whatever b it recovers
            raise Wrong("you centred X with one number, X.mean(), the mean of all its "
                        "entries: each column keeps its own offset, which pulls w off. Centre "
                        "each column, X - X.mean(axis=0), and recover b = mean(y) - "
                        "X.mean(axis=0) @ w")
        if _close(w, want_w, 1e-8):
            if _close(b, y.mean(), 1e-8):
                raise Wrong("b is the mean of y, the bias for centred X: recover it as "
                            "mean(y) - mean(X) @ w")
            raise Wrong(f"w is right (alpha = {alpha:g}) but b is not: b = mean(y) - "
                        "mean(X) @ w")
        if _close(w, want_w, 1e-5) and _close(b, want_b, 1e-5):
            raise Wrong(f"(w, b) is right to only about 6 or 7 digits at alpha = {alpha:g}, "
                        "as float32 arithmetic gives: compute in float64 (NumPy's default)")
        if alpha == 0:  # right at alpha = 3 (the loop's first), wrong without a penalty
            raise Wrong(f"(w, b) is right at alpha = 3 but not at alpha = 0. {GRAM_AT_ZERO}")
        raise Wrong(f"(w, b) is not the ridge solution at alpha = {alpha:g}; minimize "
                    "||y - X @ w - b||^2 + alpha * ||w||^2 as the prompt describes")
    X, y = _collinear_case()
    for alpha in COLLINEAR_ALPHAS:
        digits = _collinear_digits(ridge, X, y, alpha)
        if digits < 7:
            _diagnose_collinear(ridge, X, y, digits, alpha)
    return ("(w, b) is ridge's solution for every alpha tried, and keeps lstsq's accuracy "
            "on nearly collinear features, without a penalty and with a tiny one.")


#: The penalties of the collinear case: at 0 and at 1e-10 the taller system solved by lstsq
#: (or QR, the SVD, scipy, a bias column the penalty skips) keeps 8.7 to 10.2 digits of the
#: exact answer, any route through X.T @ X (inv, solve, Cholesky: scikit-learn's default)
#: 4.3 to 4.6; from 1e-8 on the penalty lifts the smallest singular value enough that the
#: normal equations keep 6 and more, so a larger tiny penalty would not tell them apart.
COLLINEAR_ALPHAS = (0.0, 1e-10)


def _collinear_digits(ridge, X: np.ndarray, y: np.ndarray, alpha: float = 0.0) -> float:
    """Correct digits of ``ridge(X, y, alpha)``'s ``(b, w)`` against the exact answer: the
    least-squares solution of ``[1, X]`` with ``sqrt(alpha) * I`` stacked under ``X``'s
    columns (the bias unpenalized), computed in exact arithmetic."""
    w, b = _ridge_answer(call(ridge, X, y, alpha), X.shape[1])
    d = X.shape[1]
    A = np.vstack([add_bias(X), np.c_[np.zeros(d), np.sqrt(alpha) * np.eye(d)]])
    return correct_digits(np.r_[b, w], exact_least_squares(A, np.r_[y, np.zeros(d)]))


#: Added to y to tell the two ways of losing digits apart: with y centred a shift changes
#: nothing; left uncentred, its mean is part of the residual, and a larger residual costs
#: more digits (kappa^2 tan(phi), section 2).
SHIFT = 1e3


def _diagnose_collinear(ridge, X: np.ndarray, y: np.ndarray, digits: float,
                        alpha: float = 0.0) -> None:
    """Raise the hint for an answer that loses digits on nearly collinear features."""
    reference = _collinear_digits(fit_ridge, X, y, alpha)
    said = (f"on nearly collinear features (alpha = {alpha:g}) your (w, b) keeps only "
            f"{max(digits, 0):.0f} correct digits, where lstsq on the centred data keeps "
            f"{reference:.0f}")
    if alpha != 0:  # first: such an answer never forms a Gram matrix, whatever it loses
        w, b = _ridge_answer(call(ridge, X, y, alpha), X.shape[1])
        w0, b0 = _ridge_answer(call(ridge, X, y, 0.0), X.shape[1])
        if _close(w, w0, 1e-12) and _close(b, b0, 1e-12):
            raise Wrong(f"{said}, and your answer at alpha = {alpha:g} is the same as at "
                        "alpha = 0, where a penalty this small still shrinks the flattest "
                        "direction: alpha was rounded to 0 (int(alpha), round, an integer "
                        "array) or dropped when small. Use alpha as given, a float")
    if _collinear_digits(ridge, X, y + SHIFT, alpha) < digits - 1.5:
        raise Wrong(f"{said}, and fewer still when y is shifted by a constant: centre y as "
                    "well as X. Its mean is orthogonal to the centred columns, so left in y it "
                    "is part of the residual, and a large residual costs lstsq digits in "
                    "proportion to kappa^2 tan(phi) (section 2)")
    cut = _truncated_answer(ridge, X, y) if alpha == 0 else None
    if cut is not None:
        k, size = cut
        result = (f"{said}: your answer leaves the {k} flattest direction(s) of the data "
                  f"unresolved (singular values below about {size:.0e} of the largest); it "
                  "is the least-squares answer with those directions cut off")
        if "rcond" in _names_used(ridge, words=True):  # it names lstsq's (or pinv's) cut-off
            raise Wrong(f"{result}, as an rcond larger than about {size:.0e} does: leave "
                        "rcond=None")
        raise Wrong(f"{result}. An rcond larger than about {size:.0e} (in lstsq or pinv) "
                    "cuts them off: leave rcond=None. So does an iteration stopped early, such "
                    "as gradient descent, which moves slowest along the flattest direction: "
                    "solve the taller system with np.linalg.lstsq")
    raise Wrong(f"{said}: forming a Gram matrix (X.T @ X or X @ X.T, to solve or invert "
                "it, also with alpha * I added) squares the condition number; solve the "
                "taller system with np.linalg.lstsq")


def _truncated_answer(ridge, X: np.ndarray, y: np.ndarray) -> tuple[int, float] | None:
    """(values cut, their size relative to the largest) if ``ridge(X, y, 0)`` is lstsq
    with its smallest singular values cut off, on the centred ``X`` or on ``add_bias(X)``."""
    w, b = _ridge_answer(call(ridge, X, y, 0.0), X.shape[1])
    theta = np.r_[b, w]
    x_mean, y_mean = X.mean(axis=0), y.mean()
    for B, target in ((X - x_mean, y - y_mean), (add_bias(X), y)):
        U, s, Vt = np.linalg.svd(B, full_matrices=False)
        shares = (U.T @ target) / s
        for kept in range(1, len(s)):
            cut = Vt[:kept].T @ shares[:kept]
            if B.shape[1] == X.shape[1]:  # centred: recover the bias from the means
                cut = np.r_[y_mean - x_mean @ cut, cut]
            if _close(theta, cut, 1e-6):
                return len(s) - kept, s[kept] / s[0]
    return None


# ---------------------------------------------------------------- Exercise 4: family bootstrap


def _family_case(num_families: int = 60, size: int = 8, seed: int = 11
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Families of ``size`` children whose x and errors are strongly alike within a family
    (a shared family effect in both), in shuffled order: resampling children then
    underestimates the slope's spread by a factor of about 2.5."""
    rng = np.random.default_rng(seed)
    family = np.repeat(np.arange(num_families), size)
    x_effect, y_effect = rng.normal(0.0, 1.0, (2, num_families))[:, family]  # independent
    x = 68.0 + 2.0 * x_effect + 0.3 * rng.normal(0.0, 1.0, family.size)
    y = 20.0 + 0.6 * x + 3.0 * y_effect + 0.5 * rng.normal(0.0, 1.0, family.size)
    order = rng.permutation(family.size)  # children of a family are not contiguous
    return x[order], y[order], family[order]


def _resample_sums(x: np.ndarray, y: np.ndarray, family: np.ndarray, counts: np.ndarray
                   ) -> tuple[np.ndarray, ...]:
    """n and the centred sums of squares and products, Sxx, Sxy and Syy, of the resamples
    that take family g counts[:, g] times."""
    xc, yc = x - x.mean(), y - y.mean()
    sums = np.zeros((family.max() + 1, 6))
    np.add.at(sums, family,
              np.column_stack([np.ones_like(xc), xc, yc, xc**2, xc * yc, yc**2]))
    n, sx, sy, sxx, sxy, syy = (counts @ sums).T
    return n, sxx - sx**2 / n, sxy - sx * sy / n, syy - sy**2 / n


def _slopes_from_counts(x: np.ndarray, y: np.ndarray, family: np.ndarray,
                        counts: np.ndarray) -> np.ndarray:
    """Least-squares slopes of the resamples that take family g counts[:, g] times."""
    _, sxx, sxy, _ = _resample_sums(x, y, family, counts)
    return sxy / sxx


#: What a resample's "slope" is when it is not the slope of y on x in the data's units: the
#: hint's words and the value, from n, Sxx, Sxy, Syy (:func:`_resample_sums`), in each way
#: of writing it (a standard deviation with ddof 0 or 1).
OTHER_STATISTICS = (
    (("the correlation of x and y in each resample, which is also the slope with x and y "
      "both in standard units ((v - v.mean()) / v.std())"),
     lambda n, sxx, sxy, syy: [sxy / np.sqrt(sxx * syy)]),
    (("the slope with x in standard units ((x - x.mean()) / x.std()), the slope of y on x "
      "times x's sd"),
     lambda n, sxx, sxy, syy: [sxy / sxx * np.sqrt(sxx / (n - d)) for d in (0, 1)]),
    (("the slope with y in standard units ((y - y.mean()) / y.std()), the slope of y on x "
      "over y's sd"),
     lambda n, sxx, sxy, syy: [sxy / sxx / np.sqrt(syy / (n - d)) for d in (0, 1)]),
)


def _reject_other_statistic(func) -> None:
    """Raise :class:`Wrong` if, on four families (where every draw of families can be
    listed), every value ``func`` returns is not a least-squares slope but another
    statistic of some draw of whole families: the correlation, a slope in standard units,
    or a slope off by n / (n - 1). Such an answer resamples rightly, and the slopes' spread
    would blame the draw (the correlation's spread happens to match a bootstrap of
    children's on the test data)."""
    x, y, family = _family_case(num_families=4, size=3, seed=12)
    values = _bootstrap_answer(func, x, y, family, 200, 5)
    counts = np.array([c for c in np.ndindex(5, 5, 5, 5) if sum(c) == 4])
    n, sxx, sxy, syy = _resample_sums(x, y, family, counts)

    def all_match(candidates) -> bool:
        possible = np.concatenate(candidates)
        gaps = np.abs(values[:, None] - possible[None, :]).min(axis=1)
        return bool(np.all(gaps <= 1e-6 * (1 + np.abs(values))))

    if all_match([sxy / sxx]):
        return
    said = "with four families, each of your 200 values is"
    for words, statistic in OTHER_STATISTICS:
        if all_match(statistic(n, sxx, sxy, syy)):
            raise Wrong(f"{said} {words}: return the slope of y on x in the data's units "
                        "(fit y on x as they are)")
    if all_match(_mixed_ddof_slopes(sxy / sxx, n)):
        raise Wrong(f"with four families, your slopes are those of draws of whole families "
                    f"but {MIXED_DDOF}")


def _reference_sd(x, y, family, num: int = 20_000, seed: int = 3) -> float:
    """The family bootstrap's standard deviation of the slope, from ``num`` resamples."""
    g = family.max() + 1
    drawn = np.random.default_rng(seed).integers(0, g, (num, g))  # as fast as multinomial is slow
    counts = np.bincount((drawn + g * np.arange(num)[:, None]).ravel(), minlength=num * g)
    return float(_slopes_from_counts(x, y, family, counts.reshape(num, g)).std(ddof=1))


def _bootstrap_answer(func, x, y, family, num_boot: int, seed) -> np.ndarray:
    """``func(x, y, family, num_boot, rng)`` as a float vector, or Wrong; ``seed`` is an int
    (rng = default_rng(seed)) or a Generator made outside the learner's watched call."""
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    value = answer(call(func, x, y, family, num_boot, rng))
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong("family_bootstrap_slopes should return an array of numbers, got "
                    f"{type(value).__name__}") from None
    narrow = _low_precision(value, np.asarray(value))  # as Exercises 2 and 3 do
    if narrow:
        raise Wrong(f"your slopes are {narrow}, which holds only about "
                    f"{3 if '16' in narrow else 7} digits; compute in float64 (NumPy's default)")
    if arr.shape in ((num_boot, 2), (2, num_boot)):
        raise Wrong(f"you returned shape {arr.shape}: (b, w) pairs or both coefficients; "
                    f"return only the slope of each resample, shape ({num_boot},)")
    if arr.shape != (num_boot,):
        raise Wrong(f"return one slope per resample, shape ({num_boot},), got shape "
                    f"{arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise Wrong("your slopes hold NaN or infinite values")
    return arr


@exercise_check
def check_family_bootstrap(family_bootstrap_slopes) -> str:
    """``family_bootstrap_slopes(x, y, family, num_boot, rng)``: the least-squares slopes of
    ``num_boot`` resamples of whole families, drawn with replacement from ``rng``."""
    answer(family_bootstrap_slopes)
    x, y, family = _family_case()
    num_boot = 400
    rng = np.random.default_rng(1)
    load_torch()  # so that torch.Generator and torch.manual_seed are watched from the start
    with (watch_seeding(family_bootstrap_slopes) as seen,
          watch_torch_global(family_bootstrap_slopes) as torch_global):
        slopes = _bootstrap_answer(family_bootstrap_slopes, x, y, family, num_boot, rng)
    if torch_global.manual_seeds:
        raise Wrong("your function reseeds PyTorch's global generator (torch.manual_seed): "
                    "global state, not the rng you were given, and a seed, even one drawn "
                    "from rng, is a new seed, which the prompt allows none of; draw "
                    "everything from rng")
    if torch_global.changed:
        raise Wrong("your function draws from PyTorch's global generator (a torch draw "
                    "without generator=): global state, not the rng you were given; draw "
                    "everything from rng")
    if seen.state_sets:
        raise Wrong("your function sets a generator's state (bit_generator.state = ... or "
                    "set_state): a state set is a new seed, which the prompt allows none of; "
                    "draw everything from the rng you were given")
    if seen.seeds or seen.keys:  # torch.Generator().manual_seed(seed) included
        step = constant_step(seen.seeds)
        shown = ", ".join(str(s) for s in seen.seeds[:3])
        # bases a few steps apart share resamples only when the base is small: a base of
        # 63 bits (or a multiple of 2**32) almost never lands near another call's
        near = step is not None and abs(seen.seeds[0]) < 2**SEED_BITS
        how = ("seed arithmetic, a seed per replicate a constant step apart "
               f"(seeds {shown}, ...): two calls whose bases lie a few steps apart share "
               "resamples" if near else
               f"new seeds, a constant step apart ({shown}, ...; however wide the base "
               "drawn from rng, each is a new seed, and the prompt allows none)"
               if step is not None else
               f"new seeds ({shown}, ...)" if seen.seeds else
               f"seeds made of numbers ({', '.join(str(k) for k in seen.keys[:4])}, ...; "
               "numbers drawn from rng are new seeds too, and the prompt allows none)")
        raise Wrong(f"your function makes generators from {how}; draw everything from the "
                    "rng you were given (rng.spawn(num_boot) if you want one per replicate)")
    _reject_cast_back(slopes)
    w_full, b_full = np.polyfit(x, y, 1)
    if np.allclose(slopes, w_full, rtol=1e-9):
        raise Wrong("every slope equals the full data's slope: a resample without "
                    "replacement (a permutation) holds every family once; draw the families "
                    "with replacement")
    if np.allclose(slopes, slopes[0], rtol=1e-12):
        raise Wrong("all your slopes are equal: the same resample is reused for every "
                    "replicate (or reshuffled: every resample holds the same families, and "
                    "their order does not change a slope); draw new family indices for each "
                    "one")
    if abs(slopes.mean() - b_full) < abs(slopes.mean() - w_full):
        raise Wrong("those look like intercepts (b), not slopes: return the slope w of each "
                    "resample (with add_bias, theta[1]; with np.polyfit, its first entry)")
    if np.all(np.diff(slopes) >= 0) or np.all(np.diff(slopes) <= 0):
        raise Wrong("your slopes are sorted: return them in the order the replicates were "
                    "drawn (sort a copy, if you need percentiles)")
    _check_independent(slopes)
    again = _bootstrap_answer(family_bootstrap_slopes, x, y, family, num_boot, 1)
    other = _bootstrap_answer(family_bootstrap_slopes, x, y, family, num_boot, 2)
    if not np.allclose(again, slopes, rtol=1e-10, atol=0) or np.array_equal(other, slopes):
        raise Wrong("your slopes do not follow the rng argument (the same rng seed gave "
                    "other slopes, or another seed the same ones): draw the family indices "
                    "from rng, and from nothing else")
    _reject_other_statistic(family_bootstrap_slopes)  # before the spread blames the draw
    # A bootstrap's mean slope is within a few percent of the full data's: Exercise 1's test
    # of the regression of x on y, at that tolerance (the slope of y on x is 4 times larger).
    _reject_x_on_y(float(slopes.mean()), x, y, rtol=0.05)
    want_sd = _reference_sd(x, y, family)
    sd = float(slopes.std(ddof=1))
    if not 0.8 < sd / want_sd < 1.25:
        children = np.random.default_rng(4).multinomial(
            len(x), np.full(len(x), 1 / len(x)), size=5_000)
        children_sd = _slopes_from_counts(x, y, np.arange(len(x)), children).std(ddof=1)
        if sd < 0.8 * want_sd and _draws_one_family_per_child(family_bootstrap_slopes):
            g, n = family.max() + 1, len(x)
            raise Wrong(f"your resamples take whole families, but {n} of them, one per child "
                        f"(len(x)), where there are {g} families: each then holds about "
                        f"{n // g} times too many children, and your slopes spread too little "
                        f"(sd {sd:.3f}, about sqrt(G / n) = {np.sqrt(g / n):.2f} times a family "
                        f"bootstrap's {want_sd:.3f}). Draw G family indices, not one per "
                        "child: G = len(np.unique(family))")
        if sd < 0.8 * want_sd and abs(sd / children_sd - 1) < 0.25:
            raise Wrong(f"your slopes spread as if you resampled children (sd {sd:.3f}), "
                        f"not families (about {want_sd:.3f}): siblings are alike, so draw "
                        "whole families with replacement and keep all their children")
        _check_common_part(family_bootstrap_slopes)
        raise Wrong(f"the spread of your slopes (sd {sd:.3f}) is far from that of a family "
                    f"bootstrap (about {want_sd:.3f}): draw as many families as there are, "
                    "with replacement, and keep all the children of each")
    _check_exact_slopes(family_bootstrap_slopes)
    _check_family_weights(family_bootstrap_slopes)
    _check_far_slopes(family_bootstrap_slopes)
    _check_one_child_families(family_bootstrap_slopes)
    _check_fresh_draws(family_bootstrap_slopes)
    if not rng_advanced(lambda g: call(family_bootstrap_slopes, x, y, family, 20, g)):
        raise Wrong(NOT_ADVANCED_HINT)
    _check_not_shifted(family_bootstrap_slopes, x, y, family)
    return ("your slopes come from whole families drawn with replacement from rng, with the "
            "spread of a family bootstrap, and are exact least-squares slopes.")


#: The resamples per call, and the largest correlation between the slopes of two calls with
#: one rng, at any lag of :func:`_check_not_shifted`.
SHIFT_BOOT, SHIFT_CORRELATION = 400, 0.5


def _check_not_shifted(func, x: np.ndarray, y: np.ndarray, family: np.ndarray) -> None:
    """Wrong if two calls with one rng give slopes correlated at some lag: a copy of rng
    that a token draw moves on (:func:`~helpers.checks._advance.shifted_copy_hint`) makes
    the second call's family indices the first's shifted by a draw or two, so resample r
    of the second call shares most of its families with resample r (or r + lag) of the
    first, and their slopes nearly agree (correlation about 0.95 with 60 families).
    Independent resamples: the correlation over the 200 or more pairs of a lag has sd
    below 0.071, so 0.5 is 7 sd, with odds below 1e-9 over the 401 lags."""
    rng = np.random.default_rng(21)
    first = _bootstrap_answer(func, x, y, family, SHIFT_BOOT, rng)
    second = _bootstrap_answer(func, x, y, family, SHIFT_BOOT, rng)
    half = SHIFT_BOOT // 2
    for lag in range(-half, half + 1):
        a = first[max(lag, 0):SHIFT_BOOT + min(lag, 0)]
        b = second[max(-lag, 0):SHIFT_BOOT + min(-lag, 0)]
        if a.std() == 0 or b.std() == 0:
            continue
        if np.corrcoef(a, b)[0, 1] > SHIFT_CORRELATION:
            raise Wrong(shifted_copy_hint("gave slopes of nearly the same resamples (their "
                                          f"correlation at lag {lag} is "
                                          f"{np.corrcoef(a, b)[0, 1]:.2f})"))


#: The families, resamples and families read per call of :func:`_check_fresh_draws`.
PROBE_FAMILIES, PROBE_BOOT, PROBE_DIGITS = 20, 800, 4


def _drawn_counts(func) -> np.ndarray:
    """How often each resample took each family, read off the slopes: PROBE_FAMILIES
    families of two children, x = +1 and -1, so that every resample has n = 2G, sum x = 0
    and sum x**2 = 2G whatever it draws; its slope is then sum(x*y) / 2G, linear in the
    counts c_g. With y = +-G a_g in family g the slope is sum_g c_g a_g exactly, and a_g =
    16**j on four families (0 elsewhere) writes their counts as the base-16 digits of the
    slope: G/4 calls with the same rng seed read every count. A right answer's counts pass
    15 with odds about 1e-17; a count that does overflows a digit, which the row sums (G)
    show. Float32 slopes (at most 16**4, 7 digits) are still whole numbers to 0.01."""
    g = PROBE_FAMILIES
    order = np.random.default_rng(15).permutation(2 * g)  # siblings not side by side
    family = np.repeat(np.arange(g), 2)[order]
    x = np.tile([1.0, -1.0], g)[order]
    counts = np.zeros((PROBE_BOOT, g), dtype=np.int64)
    for first in range(0, g, PROBE_DIGITS):
        a = np.zeros(g)
        a[first:first + PROBE_DIGITS] = 16.0 ** np.arange(PROBE_DIGITS)
        slopes = _bootstrap_answer(func, x, g * a[family] * x, family, PROBE_BOOT, 16)
        whole = np.rint(slopes)
        if np.abs(slopes - whole).max() > 0.1 or whole.min() < 0:
            raise Wrong("with the rng seeded the same, your slopes are not those of one and the "
                        "same draw of whole families when only y changes: draw the family "
                        "indices from rng alone (not from x or y), keep every child of each "
                        "drawn family, and fit y on x by least squares")
        for j in range(PROBE_DIGITS):
            counts[:, first + j] = whole.astype(np.int64) // 16**j % 16
    if np.any(counts.sum(axis=1) != g):
        raise Wrong(f"with {g} families of two children, some of your resamples do not hold "
                    f"{g} whole families: draw as many family indices as there are families, "
                    "with replacement, and keep every child of each")
    return counts


def _cross_counts(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """M[L - 1, g, h] = sum over r of z[r, g] z[r + L, h], z = counts - 1 (the expected
    count), for every lag L = 1 .. num - 1 at once (FFT, zero-padded: no wrap-around), and
    the number of pairs (r, r + L) in each."""
    num = len(counts)
    z = np.fft.rfft(counts - 1.0, n=2 * num, axis=0)
    m = np.fft.irfft(z[:, :, None].conj() * z[:, None, :], n=2 * num, axis=0)[1:num]
    return m, num - np.arange(1, num)


def _chernoff_log10(values: np.ndarray, pairs: np.ndarray, g: int) -> np.ndarray:
    """log10 of Chernoff's bound on P(a sum of ``pairs`` products z z' >= value), z and z'
    independent counts of a family in a right resample (Binomial(G, 1/G)) minus 1: the
    bound exp(-s v) E[exp(s z z')]**pairs at its best s on a grid. Sums over r of
    z[r, g] z[r + L, h] are martingales in r, whose tails this bound follows."""
    import scipy.stats  # only here, as in _check_blocks

    k = np.arange(g + 1)
    p = scipy.stats.binom.pmf(k, g, 1 / g)
    prod, weight = np.multiply.outer(k - 1.0, k - 1.0).ravel(), np.multiply.outer(p, p).ravel()
    s = np.linspace(0.005, 1.5, 300)
    log_mgf = np.log(np.exp(np.outer(s, prod)) @ weight)
    exponent = -np.outer(values, s) + np.outer(pairs, log_mgf)
    return exponent.min(axis=1) / np.log(10)


def _check_fresh_draws(func) -> None:
    """No resample shares draws with another, or is a function of another, at any lag:
    :func:`_drawn_counts` gives every resample's count of every family (800 resamples of
    20 families), and z = counts - 1. If resample r + L reuses m of resample r's draws
    (the same families, or families g + k, or k - g, mod G: (d + 1) % G, G - 1 - d),
    the sum over r of z[r] . z[r + L] taken along that match has mean about
    (num - L) m (1 - 1/G), sd sqrt((num - L)(G - 1)) for a right answer: a tenth of the
    draws (m = 2) shared at one lag gives about 12 sd, and 9 sd over the 2 x 20 matches
    and 700 lags (at least 100 pairs, sums of 2,000 or more products) has odds below 1e-9
    (the largest of 300 right answers' 28,000: 5.0 sd). A resample that is any function
    of another (f(d), even not one to one) ties a count of family h to one of family f(h):
    one pair (g, h) at one lag gives about sqrt(num - L) sd (20 at lag 400); each such sum
    is held to Chernoff's bound, below 1e-9 over all 400 pairs and 700 lags. Then
    :func:`_judge_totals` looks at how often each family was drawn over all resamples (after
    :func:`_judge_counts`, which names draws shared between resamples more precisely)."""
    counts = _drawn_counts(func)
    _judge_counts(counts)  # names a part kept from the previous replicate as such
    _judge_common(counts)
    _judge_totals(counts)


def _check_common_part(func) -> None:
    """:func:`_judge_common` on the counts of :func:`_drawn_counts`, when they can be read:
    a common part drawn once and reused in every replicate narrows the slopes' spread, and
    is then named rather than the spread; an answer whose counts cannot be read is left to
    the spread's hint."""
    try:
        counts = _drawn_counts(func)
    except Wrong:
        return
    _judge_common(counts)


def _judge_common(counts: np.ndarray) -> None:
    """Wrong if some family is drawn in every resample: in a right one a family is left out
    with odds (1 - 1/G)**G = 0.36 at G = 20, so that one family is in all 800 with odds
    0.64**800 = 1e-155 (20 times that for any of them). Families drawn once and kept in
    every replicate (``common = rng.integers(0, G, G // 2)``, the rest drawn afresh) are."""
    num, g = counts.shape
    always = np.flatnonzero(counts.min(axis=0) > 0)
    if always.size:
        shown = (f"family {always[0]} is" if always.size == 1 else "families "
                 + ", ".join(str(h) for h in always[:4])
                 + (", ..." if always.size > 4 else "") + " are")
        raise Wrong(f"with {g} families of two children, built so that each slope tells "
                    f"which families its resample drew ({num} resamples), {shown} in every "
                    f"one of your resamples, where a family drawn afresh is left "
                    f"out of about {(1 - 1 / g) ** g:.0%} of them: your resamples share a part "
                    "drawn once and reused in every replicate. Draw all G family indices of "
                    "each replicate afresh from rng")


#: Chi-square (G - 1 = 19 degrees of freedom) of the families' totals over the probe's 800
#: resamples above which they spread too much for independent resamples (odds 3e-11).
TOTALS_CHI2 = 90.0


def _judge_totals(counts: np.ndarray) -> None:
    """Wrong if the families' totals over all resamples (``counts``' column sums) are not
    those of independent resamples. These totals are Multinomial(num * G, 1/G), mean num
    each, so that sum((T - num)**2) / num follows a chi-square law with G - 1 degrees of
    freedom. A balanced bootstrap (a shuffle of np.tile(families, num) cut into resamples)
    draws every family exactly num times: for independent resamples, odds
    (num G)! / (num!**G G**(num G)) = 10**-34.5 at G = 20, num = 800. Resamples that share
    one draw (a column each of a matrix whose rows are reshuffles of one vector of num
    indices) make every total G times a Binomial count, a chi-square about G = 20 times
    its usual 19: above TOTALS_CHI2 = 90 with odds 3e-11 for independent resamples (the
    chi-square tail; 800 expected per family), below it with odds 3e-4 for that mistake.
    Both false alarms are far below 1e-9."""
    num, g = counts.shape
    totals = counts.sum(axis=0)
    said = (f"with {g} families of two children, built so that each slope tells which "
            f"families its resample drew ({num} resamples)")
    if np.all(totals == num):
        raise Wrong(f"{said}, every family was drawn exactly num_boot = {num} times over all "
                    "your resamples: a balanced bootstrap (a shuffle of every family repeated "
                    "num_boot times, cut into resamples). Independent resamples draw each "
                    "family a Binomial number of times, practically never exactly num_boot "
                    "for all: draw all G family indices of each replicate afresh from rng")
    chi2 = float(np.sum((totals - num) ** 2) / num)
    if chi2 > TOTALS_CHI2:
        raise Wrong(f"{said}, the families' totals over all your resamples spread about "
                    f"{chi2 / (g - 1):.0f} times as much as independent resamples' (some "
                    "families far more often than others): your resamples are reshuffles "
                    "of one draw (columns of a matrix whose rows permute the same indices, "
                    "say), not independent draws. Draw all G family indices of each "
                    "replicate afresh from rng")


def _dependence(counts: np.ndarray) -> tuple[tuple, tuple]:
    """The strongest match of :func:`_check_fresh_draws` (its size in sd, the lag, "shift" or
    "mirror", k, the draws it shares) and the strongest pair of families tied at one lag
    (log10 of the odds of so strong a tie for a right answer, the lag, g, h, and the
    correlation of the two counts over r: near 1 when one is a function of the other,
    about m / G when m of the G draws are shared, about 0 when the same draws are kept
    in every replicate)."""
    g = counts.shape[1]
    m, pairs = _cross_counts(counts)
    keep = pairs >= 100
    m, pairs = m[keep], pairs[keep]
    families = np.arange(g)
    scale = np.sqrt(pairs * (g - 1.0))[:, None]
    best = (-np.inf,)
    for kind, target in (("shift", lambda k: (families + k) % g),
                         ("mirror", lambda k: (k - families) % g)):
        z = np.stack([m[:, families, target(k)].sum(axis=-1) for k in range(g)], axis=1) / scale
        lag, k = np.unravel_index(z.argmax(), z.shape)
        if z[lag, k] > best[0]:
            shared = z[lag, k] * scale[lag, 0] / (pairs[lag] * (1 - 1 / g))
            best = (float(z[lag, k]), int(lag) + 1, kind, int(k), float(shared))
    log_odds = _chernoff_log10(m.max(axis=(1, 2)), pairs, g) + np.log10(len(pairs) * g * g)
    lag = int(log_odds.argmin())
    gg, h = np.unravel_index(m[lag].argmax(), (g, g))
    first, later = counts[:len(counts) - lag - 1, gg], counts[lag + 1:, h]
    rho = np.corrcoef(first, later)[0, 1] if first.std() * later.std() > 0 else 0.0
    tie = (float(log_odds[lag]), lag + 1, int(gg), int(h), float(rho))
    return best, tie


def _judge_counts(counts: np.ndarray) -> None:
    """Wrong if :func:`_dependence` finds resamples sharing draws (above 9 sd) or tied as
    functions of one another (odds below 1e-9); a function is named when two counts are
    tied almost fully (correlation 0.75 or more) and no shift or mirror shares nearly all
    the draws ((d + 1) % G is named as such), shared draws otherwise."""
    num, g = counts.shape
    (z, lag, kind, k, shared), (log_odds, tie_lag, gg, h, rho) = _dependence(counts)
    function = log_odds < -9 and rho >= 0.75 and shared < 0.9 * g
    said = (f"with {g} families of two children, built so that each slope tells which "
            f"families its resample drew ({num} resamples)")
    if z > 9 and not function:
        how = ("takes the same families" if kind == "shift" and k == 0 else
               f"takes family (d + {k}) % {g} for each family d" if kind == "shift" else
               f"takes family ({k} - d) % {g} for each family d")
        raise Wrong(f"{said}, resample r + {lag} {how} that resample r took, in about "
                    f"{min(shared, g):.0f} of its {g} draws on average ({z:.0f} sd above "
                    "independent resamples): your resamples share draws with another (kept from an "
                    "earlier replicate, or computed from its indices). Draw all G family "
                    "indices of each replicate afresh from rng")
    if log_odds < -9:
        raise Wrong(f"{said}, how often resample r + {tie_lag} takes family {h} follows how "
                    f"often resample r took family {gg} (odds below 1e{log_odds:.0f} for "
                    "independent resamples): your resamples are functions of other ones "
                    "(indices computed from an earlier replicate's). Draw all G family "
                    "indices of each replicate afresh from rng")


def _possible_slopes(x: np.ndarray, y: np.ndarray, family: np.ndarray, total: int
                     ) -> np.ndarray:
    """The least-squares slopes of every draw of ``total`` whole families (with
    replacement, order aside) from the families of ``family``."""
    g = family.max() + 1
    counts = np.array([c for c in np.ndindex(*(total + 1,) * g) if sum(c) == total])
    return _slopes_from_counts(x, y, family, counts)


def _draws_one_family_per_child(func) -> bool:
    """Whether ``func`` resamples whole families but ``len(x)`` of them: on four families of
    2, 3, 3 and 3 children, most of its slopes are those of a draw of 11 whole families, and
    few are those of a draw of four. A slope depends on the counts only up to a factor, so
    with four families of three a right draw c gave the slope of the 12-family draw 3c, and
    an answer drawing 3G families (12) that of one per child; 11 = len(x) is a multiple of
    neither 4 nor any other count an answer is likely to draw."""
    x, y, family = _family_case(num_families=4, size=3, seed=12)
    keep = np.arange(len(x)) != np.flatnonzero(family == 0)[0]  # family 0 has two children
    x, y, family = x[keep], y[keep], family[keep]
    slopes = _bootstrap_answer(func, x, y, family, 200, 5)

    def share_among(total: int) -> float:
        possible = _possible_slopes(x, y, family, total)
        near = np.abs(slopes[:, None] - possible[None, :]).min(axis=1)
        return float(np.mean(near <= 1e-6 * (1 + np.abs(slopes))))

    return share_among(len(x)) > 0.9 and share_among(family.max() + 1) < 0.5


def _longest_monotone_run(values: np.ndarray) -> int:
    """The most consecutive values in a row that never go down, or never go up."""
    longest = 1
    for steps in (np.diff(values) >= 0, np.diff(values) <= 0):
        run = 0
        for step in steps:
            run = run + 1 if step else 0
            longest = max(longest, run + 1)
    return longest


def _lag_correlation(values: np.ndarray) -> tuple[float, int]:
    """Largest |correlation| between ``values`` and itself shifted by 1, 2, ... places, up
    to below half its length (circular, all lags at once by FFT, as in Day 6's check; lag
    n - k is lag k, and lag n / 2 counts each pair twice, doubling its variance), and the
    lag it is at."""
    z = (values - values.mean()) / values.std()
    spectrum = np.fft.rfft(z)
    lagged = np.fft.irfft(spectrum * spectrum.conj(), n=len(z))[1:(len(z) + 1) // 2] / len(z)
    lag = int(np.abs(lagged).argmax())
    return float(abs(lagged[lag])), lag + 1


def _check_independent(slopes: np.ndarray) -> None:
    """The slopes of independent resamples: no stretch sorted, none repeated, none tied to
    another a fixed number of places away. False alarms on a right answer, each below 1e-6:
    a monotone run of 25 among 400 independent slopes has odds about 400 * 2 / 25! (1e-22);
    60 families drawn afresh repeat a resample (hence a slope) with odds about
    400**2 / 60**60 * 1e30, nil, and float32 slopes (about 7 digits) tie by chance about
    0.02 times in 400, where 20 ties are needed (5% of them); the circular correlation at
    one lag has sd 1 / sqrt(400) = 0.05, so |r| > 0.35 is 7 sd: two-sided odds 3e-12 for a
    normal, about 1e-11 with the heavier tails of sums of 400 products, times the 199 lags
    below 200 about 2e-9 (the largest over 20,000 samples of 400 normals: 0.26)."""
    num = len(slopes)
    distinct = len(np.unique(slopes))
    run = _longest_monotone_run(slopes)
    # a run of equal slopes counts as monotone: np.repeat(s, 10) holds runs of 10 ties that
    # join into long monotone stretches, but its mistake is the repeats (named below)
    if run >= 25 and distinct >= 0.95 * num:
        raise Wrong(f"{run} of your slopes in a row are sorted: return them in the order the "
                    "replicates were drawn (sort a copy, if you need percentiles)")
    if distinct < 0.95 * num:
        ties = int(np.sum(slopes[1:] == slopes[:-1]))  # neighbours equal: repeated in a row
        if ties >= 0.5 * (num - distinct):
            k = round(num / distinct)
            sorted_look = (f" (runs of equal slopes: {run} in a row look sorted, but they are "
                           "repeats)" if run >= 25 else "")
            raise Wrong(f"only {distinct} of your {num} slopes are distinct, and {ties} equal "
                        "the slope just before them: you return repeated resamples, each slope "
                        f"repeated in a row about {k} times, as np.repeat(s, {k}) does"
                        f"{sorted_look}; one resample counted {k} times is not {k} replicates: "
                        "draw fresh family indices for every replicate")
        raise Wrong(f"only {distinct} of your {num} slopes are distinct: you return repeated "
                    "resamples (the same resample more than once, or a few resamples "
                    "cycled or repeated to fill num_boot); draw fresh family indices for "
                    "every replicate")
    corr, lag = _lag_correlation(slopes)
    if corr > 0.35:
        raise Wrong(f"your slopes are not independent: slope r and slope r + {lag} have "
                    f"correlation {corr:.2f} (independent resamples: about 0 +- 0.05). Your "
                    "resamples share families with the previous one (a sliding window over one "
                    "long draw, or keeping part of the last resample): draw all G family "
                    "indices of each replicate afresh from rng")
    _check_blocks(slopes)


def _check_blocks(slopes: np.ndarray, sizes: range = range(2, 21)) -> None:
    """Replicates sharing families in blocks (pairs, or runs of 10 built on one common
    draw) vary together within a block, which a correlation pooled over all consecutive
    pairs dilutes. For each block size k and starting place o, a one-way analysis of
    variance of the blocks: F, the spread of block means over that within blocks, has an
    F(B - 1, B(k - 1)) law for independent normal slopes (B blocks). Its smallest p over
    the 209 (k, o) below 5e-9 has odds under 209 * 5e-9 = 1e-6 on a right answer (the
    smallest over 2,000 samples of 400 normals, or of t(8) values: 4e-6). Pairs sharing
    half their families give p near 1e-7 or below, blocks of 10 sharing 40% near 1e-10."""
    import scipy.stats  # only here, as scipy.linalg above; Day 7's notebook imports scipy

    num = len(slopes)
    tests = []  # (k, o, F, B): every F first, then one vectorized call of the F law's tail
    for k in sizes:
        for o in range(k):
            blocks = slopes[o:o + (num - o) // k * k].reshape(-1, k)
            within = blocks.var(axis=1, ddof=1).mean()
            f = k * blocks.mean(axis=1).var(ddof=1) / within if within > 0 else np.inf
            tests.append((k, o, f, len(blocks)))
    ks, _, fs, bs = (np.array(column) for column in zip(*tests, strict=True))
    ps = scipy.stats.f.sf(fs, bs - 1, bs * (ks - 1))
    for (k, o, f, _), p in zip(tests, ps, strict=True):
        if p < 5e-9:
            raise Wrong(f"your slopes are not independent: in blocks of {k} consecutive "
                        f"replicates (from replicate {o}) they vary together (block means "
                        f"spread {f:.1f} times as much as independent slopes would; odds "
                        f"{p:.0e}). Your resamples share families within a block (a "
                        "common draw reused): draw all G family indices of each "
                        "replicate afresh from rng")


def _reject_cast_back(slopes: np.ndarray) -> None:
    """Raise :class:`Wrong` if ``slopes``, float64, are float16 or float32 values cast back:
    a slope computed in float64 survives a round trip through float32 with odds about
    2**-29, all 400 of the first call's with odds about 2**-11600."""
    for dtype in (np.float16, np.float32):
        if np.all(slopes == slopes.astype(dtype)):
            name = np.dtype(dtype).name
            raise Wrong(f"your slopes are float64 but all are {name} values: you computed in "
                        f"{name}, which holds only about {3 if '16' in name else 7} digits; "
                        "compute in float64 (NumPy's default)")


def _reject_float32_misses(slopes: np.ndarray, near: np.ndarray, bad: np.ndarray,
                           said: str) -> None:
    """Raise the float32 hint if the ``bad`` slopes (``near``: each slope's distance to the
    nearest slope of a right draw) missed as float32 data or arithmetic do, not by a wrong
    draw: they miss by about 1e-6 relatively (the median over the slopes they miss, measured:
    1.5e-6 to 3e-6 on both four-family cases, with lstsq, np.polyfit or the centred closed
    form, returned as float64), a draw of the wrong families by 5e-3 and more (G - 1 or
    G + 1 families: 5e-3 to 3e-2), as the slopes of the 35 right draws lie 1.4e-3 apart or
    more."""
    missed = float(np.median(near[bad] / np.abs(slopes[bad])))
    if missed < 1e-4:
        raise Wrong(f"{said}, {bad.sum()} of your 200 slopes match the least-squares slope "
                    f"of a draw of whole families only to about {-np.log10(missed):.0f} "
                    "digits, as rounding to float32 (data or arithmetic) gives: float32 holds "
                    "only about 7 digits; compute in float64 (NumPy's default)")


def _reject_families_kept_once(x: np.ndarray, y: np.ndarray, family: np.ndarray,
                               slopes: np.ndarray, bad: np.ndarray) -> None:
    """Raise :class:`Wrong` if every slope that no draw of whole families gives (``bad``) is
    the slope of a *set* of families, each taken once: a family drawn twice kept once, as
    ``np.isin(family, drawn)`` (a membership test) or ``np.unique(drawn)`` do."""
    g = family.max() + 1
    subsets = np.array([c for c in np.ndindex(*(2,) * g) if any(c)])
    gaps = np.abs(slopes[bad, None] - _slopes_from_counts(x, y, family, subsets)[None, :])
    if np.all(gaps.min(axis=1) <= 1e-6 * (1 + np.abs(slopes[bad]))):
        raise Wrong(f"with four families, {bad.sum()} of your 200 slopes are the slopes of "
                    "the drawn families each kept once: a family drawn twice must count "
                    "twice (its children twice). A membership test such as np.isin(family, "
                    "drawn), or np.unique(drawn), keeps it once; concatenate the children of "
                    "each draw instead: np.concatenate([np.flatnonzero(family == g) for g in "
                    "drawn])")


def _check_exact_slopes(func) -> None:
    """Four families: every slope must be the least-squares slope of one of the 35 ways to
    draw four families with replacement."""
    x, y, family = _family_case(num_families=4, size=3, seed=12)
    slopes = _bootstrap_answer(func, x, y, family, 200, 5)
    counts = np.array([c for c in np.ndindex(5, 5, 5, 5) if sum(c) == 4])
    possible = _slopes_from_counts(x, y, family, counts)
    gaps = np.abs(slopes[:, None] - possible[None, :])
    near, which = gaps.min(axis=1), gaps.argmin(axis=1)
    bad = near > 1e-6 * (1 + np.abs(slopes))
    if bad.any():
        _reject_float32_misses(slopes, near, bad, "with four families")
        _reject_families_kept_once(x, y, family, slopes, bad)
        raise Wrong(f"with four families, {bad.sum()} of your 200 slopes are not the "
                    "least-squares slope of any draw of four whole families with replacement:"
                    " draw family indices (as many as there are families), keep every child "
                    "of each drawn family, and fit y on x by least squares")
    drawn = counts[which]
    if not drawn.any(axis=0).all():
        missing = np.flatnonzero(~drawn.any(axis=0)).tolist()
        raise Wrong(f"with four families, family {missing} never appears in 200 resamples: "
                    "draw indices from all the families, 0 to G - 1 (rng.integers(G) "
                    "excludes G)")
    uneven = np.mean([len(set(c[c > 0])) > 1 for c in drawn])
    if uneven < 0.5:  # with replacement: 3 resamples in 4 repeat some families, not others
        raise Wrong(f"with four families, only {uneven:.0%} of your resamples take some "
                    "family more often than another (with replacement, about 75%): draw as "
                    "many family indices as there are families, with replacement")


#: Children per family in :func:`_check_family_weights`: unequal, so that drawing a family
#: with probability proportional to its size (a random child's family) shows.
UNEQUAL_SIZES = (2, 2, 2, 10)


def _unequal_case() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Four families of :data:`UNEQUAL_SIZES` children, taken from :func:`_family_case`
    (seed 14: the slopes of its 35 draws of four families lie at least 1e-3 apart,
    relatively, so float32 slopes still tell the draws apart)."""
    x, y, family = _family_case(num_families=len(UNEQUAL_SIZES), size=max(UNEQUAL_SIZES),
                                seed=14)
    keep = np.zeros(len(x), dtype=bool)
    for g, size in enumerate(UNEQUAL_SIZES):
        keep[np.flatnonzero(family == g)[:size]] = True
    return x[keep], y[keep], family[keep]


def _check_family_weights(func) -> None:
    """Four families of unequal sizes: every family must be drawn equally often, whatever
    its size. Over 200 resamples (800 draws) a family's share of the draws has sd
    sqrt(1/4 * 3/4 / 800) = 0.015 for a right answer, so a share 0.1 from 1/4 is 6.5 sd
    (false alarm about 3e-10 over the four families); a draw proportional to size gives the
    family of 10 children a share of 10/16 = 0.625."""
    x, y, family = _unequal_case()
    slopes = _bootstrap_answer(func, x, y, family, 200, 8)
    g, sizes = family.max() + 1, np.bincount(family)
    counts = np.array([c for c in np.ndindex(*(g + 1,) * g) if sum(c) == g])
    gaps = np.abs(slopes[:, None] - _slopes_from_counts(x, y, family, counts)[None, :])
    near, which = gaps.min(axis=1), gaps.argmin(axis=1)
    bad = near > 1e-6 * (1 + np.abs(slopes))
    if bad.any():
        _reject_float32_misses(slopes, near, bad,
                               f"with four families of {', '.join(map(str, sizes))} children")
        raise Wrong(f"with four families of {', '.join(map(str, sizes))} children, "
                    f"{bad.sum()} of your 200 slopes are not the least-squares slope of any "
                    "draw of four whole families with replacement: families may differ in "
                    "size, so draw family indices, keep every child of each drawn family "
                    "(np.flatnonzero(family == g)), and fit y on x by least squares")
    drawn = counts[which]
    shares = drawn.sum(axis=0) / drawn.sum()
    if np.abs(shares - 1 / g).max() <= 0.1:
        return
    big = int(sizes.argmax())
    said = (f"with four families of {', '.join(map(str, sizes))} children, your resamples "
            f"drew family {big} (the {sizes[big]} children) in {shares[big]:.0%} of the draws, "
            f"where a family bootstrap draws every family equally often ({1 / g:.0%})")
    if np.abs(shares - sizes / sizes.sum()).max() <= 0.1:
        children = float((drawn @ sizes).mean())
        raise Wrong(f"{said}, and they hold {children:.1f} children on average, not about "
                    f"len(x) = {len(x)}: you drew families with probability proportional to "
                    "their size, as picking a random child and taking its family does "
                    "(family[rng.integers(0, n, G)], or rng.choice(family, G)). Draw family "
                    "INDICES uniformly, rng.integers(0, G, G), then take their children")
    raise Wrong(f"{said}: draw G family indices uniformly, rng.integers(0, G, G), each family "
                "equally likely whatever its size, then keep all the children of each")


def _check_far_slopes(func) -> None:
    """The four families of :func:`_check_exact_slopes` with x moved to near :data:`FAR`
    (its spread unchanged): the median slope must still be exact to 1e-6. On these 200
    resamples of 12 rows the median keeps about 10 digits with lstsq or np.polyfit on
    [1, x] (the worst slope 6.6), 13 and more with the closed form on centred x; the
    one-pass sums formula, mean(x*y) - mean(x)*mean(y) over mean(x**2) - mean(x)**2, and the
    normal equations cancel the digits that x's distance from 0 takes, squared: 3.5 remain."""
    x, y, family = _family_case(num_families=4, size=3, seed=12)
    x = x + FAR
    slopes = _bootstrap_answer(func, x, y, family, 200, 5)
    possible = _possible_slopes(x, y, family, family.max() + 1)
    rel = np.abs(slopes[:, None] - possible[None, :]).min(axis=1) / np.abs(slopes)
    if np.median(rel) > 1e-6:
        digits = -np.log10(np.median(rel))
        raise Wrong(f"with x near {FAR:.0e} (four families, the spread of x unchanged) your "
                    f"slopes keep only about {max(digits, 0):.0f} correct digits (the median "
                    "over 200 resamples), where lstsq on [1, x] keeps about 10. If you used "
                    "the one-pass sums formula, mean(x*y) - mean(x)*mean(y) over mean(x**2) - "
                    "mean(x)**2 (or n*sum(xy) - sum(x)*sum(y)), or went through A.T @ A (inv "
                    "or solve on it: the normal equations), that cancels the digits x's "
                    "distance from 0 takes, twice over (Exercise 1): centre x first "
                    "(x - x.mean()), or solve A theta = y itself with np.linalg.lstsq or "
                    "np.polyfit, in float64")


def _check_one_child_families(func) -> None:
    """One family per child: the family bootstrap is then the pairs bootstrap."""
    x, y, _ = _family_case(num_families=40, size=5, seed=13)
    family = np.arange(len(x))
    slopes = _bootstrap_answer(func, x, y, family, 400, 6)
    want = _reference_sd(x, y, family)
    sd = float(slopes.std(ddof=1))
    if not 0.8 < sd / want < 1.25:
        raise Wrong(f"with one child per family your slopes should spread like a bootstrap "
                    f"of children (sd about {want:.3f}), got sd {sd:.3f}: draw as many "
                    "family indices as there are families, len(np.unique(family))")
