"""Checks for the exercises of Day 8 (law of large numbers, CLT); see helpers.exercises."""

from __future__ import annotations

import ast
import inspect
import math
import textwrap
import tracemalloc

import numpy as np

from helpers.exercises import Wrong, call, exercise_check


def _vector(value, name: str, size: int) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.shape != (size,):
        raise Wrong(f"{name} should return one value per entry, shape {(size,)}, "
                    f"got {arr.shape}")
    return arr


#: Calls that run a Python function once per element: a loop in disguise.
_LOOPING_CALLS = {"map", "vectorize", "frompyfunc", "fromiter", "apply_along_axis"}


def _tree(func) -> ast.AST | None:
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return None


def _loop_in(tree: ast.AST, own_name: str | None) -> str | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.For | ast.AsyncFor | ast.While):
            return f"a {type(node).__name__.lower().replace('async', '')} loop"
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            return "a comprehension (a loop)"
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in _LOOPING_CALLS:
                return f"{name}(...), which loops in Python"
            if own_name is not None and isinstance(node.func, ast.Name) and name == own_name:
                return "recursion (a loop in disguise)"
    return None


def _python_loop(func) -> str | None:
    """The kind of Python loop in ``func``'s source (``for``, ``while``, a comprehension, a
    looping call such as ``map``, or recursion), looking one level into the learner's own
    functions that it calls by name; None when there is none or the source cannot be read."""
    tree = _tree(func)
    if tree is None:
        return None
    own = getattr(func, "__name__", None)
    found = _loop_in(tree, None if own == "<lambda>" else own)
    if found is not None:
        return found
    names = {node.func.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    try:
        nonlocals = inspect.getclosurevars(func).nonlocals
    except (TypeError, ValueError):  # a callable object, a partial, a builtin
        nonlocals = {}
    scope = {**getattr(func, "__globals__", {}), **nonlocals}
    for name in sorted(names - {own}):
        helper = scope.get(name)
        if (inspect.isfunction(helper)
                and helper.__module__ == getattr(func, "__module__", None)):
            sub = _tree(helper)
            found = None if sub is None else _loop_in(sub, helper.__name__)
            if found is not None:
                return f"{found} (in {name}, which it calls)"
    return None


def _quadratic_memory(func, size: int) -> bool:
    """Whether ``func`` on ``size`` values allocates memory of order ``size**2`` (an
    (n, n) matrix): tracemalloc sees NumPy's array buffers."""
    x = np.random.default_rng(88).normal(0.0, 1.0, size)
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        with np.errstate(all="ignore"):
            call(func, x)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return peak > size * size  # an (n, n) float64 matrix is 8 n^2 bytes; O(n) is ~100 n


@exercise_check
def check_running_mean_of(running_mean_of) -> str:
    """``running_mean_of(x)``: the mean of the first k values for every k, vectorized."""
    gen = np.random.default_rng(8)
    x = gen.normal(5.0, 2.0, 50)
    with np.errstate(all="ignore"):  # a learner's division by 0 becomes feedback
        raw = call(running_mean_of, x.copy())
        got = _vector(raw, "running_mean_of(x)", x.size)
    want = np.cumsum(x) / np.arange(1, x.size + 1)
    single = np.asarray(raw).dtype in (np.float32, np.float16)
    rtol = 1e-5 if single else 1e-9
    if not np.allclose(got, want, rtol=rtol, atol=0):
        if np.allclose(got, np.cumsum(x) / x.size):
            raise Wrong("divide each cumulative sum by the number of values it adds up (1, "
                        "2, ..., n), not by the length of x")
        if np.allclose(got, np.cumsum(x) / np.arange(2, x.size + 2)):
            raise Wrong("off by one: the k-th cumulative sum adds up k values, so divide by "
                        "1, 2, ..., n (np.arange(1, n + 1)), not by 2, ..., n + 1")
        if np.allclose(got[1:], np.cumsum(x)[1:] / np.arange(1, x.size)):
            raise Wrong("off by one: the k-th cumulative sum adds up k values, counting "
                        "from 1")
        if np.allclose(got, x.mean()):
            raise Wrong("that is the mean of all the values, repeated; the running mean "
                        "changes as values arrive")
        raise Wrong("not the running mean: entry k - 1 should be the mean of x[:k]")
    loop = _python_loop(running_mean_of)
    if loop is not None:
        raise Wrong(f"right values, but your function uses {loop}: the exercise asks for "
                    "one cumulative sum and no Python loop (a loop over prefixes "
                    "redoes the work, quadratic in n)")
    for size in (1, 2, 7, 1_000):
        other = gen.normal(-3.0, 10.0, size)
        with np.errstate(all="ignore"):
            try:
                got_other = _vector(call(running_mean_of, other.copy()), "", size)
            except Wrong:
                got_other = None
        if got_other is None or not np.allclose(
                got_other, np.cumsum(other) / np.arange(1, size + 1), rtol=1e-4 if single
                else 1e-9, atol=1e-12):
            raise Wrong(f"right for 50 values but not for {size}: count with len(x), not a "
                        "fixed length")
    if _quadratic_memory(running_mean_of, 2_000):
        raise Wrong("right values, but your function builds an (n, n) array: its memory "
                    "and time grow like n squared (a million values would need 8 TB); one "
                    "cumulative sum does it in linear time")
    note = (" (in single precision: float32 keeps about 7 digits, and its cumulative sums "
            "lose more as n grows; float64 is the safer default)") if single else ""
    return "every prefix mean: the mean of the first k values for each k" + note + "."


@exercise_check
def check_exponential_means(exponential_means) -> str:
    """``exponential_means(rng, n, num_means)``: means of n Exp(1) draws, num_means times."""
    n, num_means = 25, 4_000
    got = _vector(call(exponential_means, np.random.default_rng(81), n, num_means),
                  f"exponential_means(rng, {n}, {num_means})", num_means)
    if np.any(got < 0):
        raise Wrong("exponential draws are never negative, so neither are their means")
    single = np.array_equal(got, got.astype(np.float32))  # float32 means collide by chance
    if np.unique(got).size < num_means - (20 if single else 0):
        raise Wrong(f"{num_means - np.unique(got).size} means repeat exactly: draw fresh "
                    "numbers for each mean, from rng (no resizing, tiling or reuse)")
    steps = np.diff(got)
    if np.all(steps >= 0) or np.all(steps <= 0):
        raise Wrong("your means are sorted: return them in the order they were drawn (a "
                    "sorted vector is not a sample of independent means)")
    lag_corr = max(abs(float(np.corrcoef(got[:-lag], got[lag:])[0, 1])) for lag in (1, 2, 3))
    if lag_corr > 6 / math.sqrt(num_means):  # independent means: about 1/sqrt(num_means)
        raise Wrong(f"neighbouring means are correlated ({lag_corr:.2f}): each mean must "
                    "average n draws of its own, not overlapping windows of one sequence")
    se_mean = 1 / math.sqrt(n * num_means)
    if abs(got.mean() - 1) > 6 * se_mean:
        raise Wrong(f"the means should centre on the exponential's mean, 1; yours centre "
                    f"on {got.mean():.3f}")
    sd = got.std()
    if abs(math.log(sd * math.sqrt(n))) > 6 / math.sqrt(2 * num_means) + 0.05:
        if sd > 0.5:
            raise Wrong("the means are as spread out as single draws: each should average "
                        "n draws (one row of a (num_means, n) matrix)")
        raise Wrong("the spread of the means is not that of means of n draws; check the "
                    "matrix's shape and the axis you average over")
    small = _vector(call(exponential_means, np.random.default_rng(83), 4, num_means),
                    f"exponential_means(rng, 4, {num_means})", num_means)
    if abs(math.log(small.std() * 2)) > 0.09:  # about 6 standard errors of log(sd)
        raise Wrong("with n = 4 the spread of the means is off: each mean should average "
                    "exactly n draws")
    skewness = float(np.mean((small - small.mean()) ** 3) / small.std() ** 3)
    if skewness < 0.5:  # 2 / sqrt(4) = 1 for means of 4 exponential draws
        raise Wrong("means of a few exponential draws are skewed to the right; yours are "
                    "nearly symmetric: draw exponentials, not normals")
    loop = _python_loop(exponential_means)
    if loop is not None:
        raise Wrong(f"right distribution, but your function uses {loop}: draw one "
                    "(num_means, n) matrix and average each row, without a Python loop")
    tree = _tree(exponential_means)
    if tree is not None and any(isinstance(node, ast.Attribute | ast.Name)
                                and getattr(node, "attr", getattr(node, "id", None))
                                == "RandomState" for node in ast.walk(tree)):
        raise Wrong("your function makes a legacy RandomState: draw with the rng argument "
                    "(a Generator) itself")
    other = _vector(call(exponential_means, np.random.default_rng(82), n, num_means),
                    "exponential_means", num_means)
    if np.array_equal(got, other):
        raise Wrong("two different rng give the same means: draw with the rng argument, "
                    "not a generator of your own")
    calls = [got, other] + [
        _vector(call(exponential_means, np.random.default_rng(seed), n, num_means), "",
                num_means) for seed in range(90, 96)]
    for i, first in enumerate(calls):  # independent streams share (almost) no exact value
        for second in calls[i + 1:]:
            shared = float(np.isin(first, second).mean())
            if shared > 0.01:
                raise Wrong(f"calls with different rng share {shared:.0%} of their means: "
                            "a generator made from rng (seed arithmetic, few seeds) "
                            "collides; draw every number from the rng argument itself")
    grand = [values.mean() for values in calls]
    chi2 = float(np.sum((np.array(grand) - 1.0) ** 2)) * n * num_means  # ~ chi2 with 8 df
    if chi2 > 45:  # P(chi2_8 > 45) is about 4e-7
        raise Wrong("the overall average of your means strays from 1 far more than "
                    f"{n * num_means:,} independent draws allow: the means share their "
                    "draws (a small pool, overlapping or reused values); draw a fresh "
                    "(num_means, n) matrix from rng")
    again = _vector(call(exponential_means, np.random.default_rng(81), n, num_means),
                    "exponential_means", num_means)
    if not np.array_equal(got, again):
        raise Wrong("the same rng seed gave other means: draw every number from the rng "
                    "argument, not from np.random or a generator of your own")
    return "the means centre on 1 with a spread of sigma / sqrt(n), drawn from rng."
