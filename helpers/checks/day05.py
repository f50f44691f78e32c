"""Checks for the exercises of Day 5 (weight initialization); see helpers.exercises."""

from __future__ import annotations

import math

import numpy as np

from helpers.exercises import Wrong, call, exercise_check

# (fan_in, fan_out, gain) cases the glorot_std check tries: square and non-square.
_GLOROT_CASES = ((100, 100, 1.0), (512, 256, 1.0), (64, 300, 5.0 / 3.0), (30, 10, 2.0))


def _number(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise Wrong(f"{name} should return one number, got {type(value).__name__}")
    return float(value)


@exercise_check
def check_glorot_std(glorot_std) -> str:
    """``glorot_std(fan_in, fan_out, gain)``: Glorot's standard deviation of the weights."""
    for fan_in, fan_out, gain in _GLOROT_CASES:
        got = _number(call(glorot_std, fan_in, fan_out, gain),
                      f"glorot_std({fan_in}, {fan_out}, {gain:.3g})")
        want = gain * math.sqrt(2 / (fan_in + fan_out))
        if math.isclose(got, want, rel_tol=1e-9):
            continue
        mistakes = {
            "that is LeCun's rule, sqrt(1 / fan_in): Glorot averages fan_in and fan_out":
                gain * math.sqrt(1 / fan_in),
            "that is He's rule, sqrt(2 / fan_in): Glorot uses fan_in AND fan_out":
                gain * math.sqrt(2 / fan_in),
            "that is the variance: the standard deviation is its square root":
                gain**2 * 2 / (fan_in + fan_out),
            "that is the variance times the gain: take the square root of 2 / (fan_in + "
            "fan_out), then multiply by the gain": gain * 2 / (fan_in + fan_out),
            "the gain multiplies the standard deviation, so it enters once, not squared":
                gain**2 * math.sqrt(2 / (fan_in + fan_out)),
            "that is the bound of Glorot's UNIFORM version, sqrt(6 / (fan_in + fan_out)); "
            "the exercise asks for the standard deviation": gain * math.sqrt(6 / (fan_in + fan_out)),
        }
        for hint, value in mistakes.items():
            if math.isclose(got, value, rel_tol=1e-9):
                raise Wrong(hint)
        if math.isclose(got, math.sqrt(2 / (fan_in + fan_out)), rel_tol=1e-9):
            raise Wrong(f"glorot_std({fan_in}, {fan_out}, {gain:.3g}) ignores the gain")
        raise Wrong(f"glorot_std({fan_in}, {fan_out}, {gain:.3g}) is not the gain times "
                    "the square root of Glorot's variance")
    return "the gain times sqrt(2 / (fan_in + fan_out)), for square and non-square layers."


def _dead_case() -> np.ndarray:
    """ReLU outputs of 40 inputs (rows) x 10 units (columns); units 2, 5 and 7 are dead."""
    rng = np.random.default_rng(5)
    a = np.maximum(rng.standard_normal((40, 10)), 0.0)
    a[:, [2, 5, 7]] = 0.0
    a[3] = 0.0  # an input that switches every unit off is not a dead unit
    return a


@exercise_check
def check_dead_units(dead_units) -> str:
    """``dead_units(a)``: the share of units (columns) whose output is 0 for every input."""
    a = _dead_case()
    got = _number(call(dead_units, a.copy()), "dead_units(a)")
    if math.isclose(got, 3, rel_tol=1e-9):
        raise Wrong("dead_units should return a share between 0 and 1, not a count")
    if math.isclose(got, np.mean(a == 0), rel_tol=1e-9):
        raise Wrong("that is the share of zero OUTPUTS, ReLU's ordinary sparsity (about half "
                    "of them); a dead unit is a column that is zero for EVERY input (row)")
    if math.isclose(got, np.mean(np.all(a == 0, axis=1)), rel_tol=1e-9):
        raise Wrong("that counts inputs (rows) on which every unit is zero; the units are the "
                    "columns: reduce over the rows, axis=0")
    if math.isclose(got, np.mean(np.any(a == 0, axis=0)), rel_tol=1e-9):
        raise Wrong("a unit that is zero for SOME inputs is alive (it still passes gradient "
                    "on the others): dead means zero for all of them")
    if not math.isclose(got, np.mean(np.all(a == 0, axis=0)), rel_tol=1e-9):
        raise Wrong("not the share of columns of a that are zero in every row")
    return "a unit is dead when its column is zero for every input; zeros alone are sparsity."
