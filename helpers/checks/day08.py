"""Checks for the exercises of Day 8 (law of large numbers, CLT); see helpers.exercises."""

from __future__ import annotations

import ast
import inspect
import math
import textwrap

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


def _python_loop(func) -> str | None:
    """The kind of Python loop in ``func``'s source (``for``, ``while``, a comprehension or a
    looping call such as ``map``), or None; None too when the source cannot be read."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.For | ast.AsyncFor | ast.While):
            return f"a {type(node).__name__.lower().replace('async', '')} loop"
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            return "a comprehension (a loop)"
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in _LOOPING_CALLS:
                return f"{name}(...), which loops in Python"
    return None


@exercise_check
def check_running_mean_of(running_mean_of) -> str:
    """``running_mean_of(x)``: the mean of the first k values for every k, vectorized."""
    x = np.random.default_rng(8).normal(5.0, 2.0, 50)
    with np.errstate(all="ignore"):  # a learner's division by 0 becomes feedback
        got = _vector(call(running_mean_of, x.copy()), "running_mean_of(x)", x.size)
    want = np.cumsum(x) / np.arange(1, x.size + 1)
    if np.allclose(got, want, rtol=1e-9):
        loop = _python_loop(running_mean_of)
        if loop is not None:
            raise Wrong(f"right values, but your function uses {loop}: the exercise asks for "
                        "one cumulative sum and no Python loop (a loop over prefixes "
                        "redoes the work, quadratic in n)")
        return "every prefix mean: the mean of the first k values for each k."
    if np.allclose(got, np.cumsum(x) / x.size):
        raise Wrong("divide each cumulative sum by the number of values it adds up (1, 2, "
                    "..., n), not by the length of x")
    if np.allclose(got[1:], np.cumsum(x)[1:] / np.arange(1, x.size)):
        raise Wrong("off by one: the k-th cumulative sum adds up k values, counting from 1")
    if np.allclose(got, x.mean()):
        raise Wrong("that is the mean of all the values, repeated; the running mean changes "
                    "as values arrive")
    raise Wrong("not the running mean: entry k - 1 should be the mean of x[:k]")


@exercise_check
def check_exponential_means(exponential_means) -> str:
    """``exponential_means(rng, n, num_means)``: means of n Exp(1) draws, num_means times."""
    n, num_means = 25, 4_000
    got = _vector(call(exponential_means, np.random.default_rng(81), n, num_means),
                  f"exponential_means(rng, {n}, {num_means})", num_means)
    if np.any(got < 0):
        raise Wrong("exponential draws are never negative, so neither are their means")
    if np.unique(got).size < num_means // 2:
        raise Wrong("many means repeat: draw fresh numbers for each mean, from rng")
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
    other = _vector(call(exponential_means, np.random.default_rng(82), n, num_means),
                    "exponential_means", num_means)
    if np.array_equal(got, other):
        raise Wrong("two different rng give the same means: draw with the rng argument, "
                    "not a generator of your own")
    again = _vector(call(exponential_means, np.random.default_rng(81), n, num_means),
                    "exponential_means", num_means)
    if not np.array_equal(got, again):
        raise Wrong("the same rng seed gave other means: draw every number from the rng "
                    "argument, not from np.random or a generator of your own")
    return "the means centre on 1 with a spread of sigma / sqrt(n), drawn from rng."
