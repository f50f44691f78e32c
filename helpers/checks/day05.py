"""Checks for the exercises of Day 5 (weight initialization); see helpers.exercises."""

from __future__ import annotations

import decimal
import math
from typing import Any

from helpers.exercises import Wrong, call, exercise_check, number

# (fan_in, fan_out, gain) cases the glorot_std check tries: square and non-square. In the
# non-square ones no two of sqrt(1/fan_in), sqrt(2/fan_in), sqrt(1/fan_out), sqrt(2/fan_out)
# and Glorot's sqrt(2/(fan_in + fan_out)) coincide (512, 256 would: 2/512 = 1/256).
_GLOROT_CASES = ((512, 200, 1.0), (100, 100, 1.0), (64, 300, 5.0 / 3.0), (30, 10, 2.0))
# float32 answers are right to about 6e-8; every listed mistake is off by far more
_REL_TOL = 1e-6
# a typed constant (1.732 for sqrt(3)), round(..., 4) or float16 is off by at most this
_ROUNDED_TOL = 1e-3


def _close(got: float, want: float) -> bool:
    return math.isclose(got, want, rel_tol=_REL_TOL)


def _number(value: Any, what: str) -> float:
    """:func:`number`, also taking a ``decimal.Decimal`` (a real number, exact or not)."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    return number(value, what)


def _rounded(got: float, want: float, what: str) -> None:
    """Raise :class:`Wrong` if ``got`` is within rounding of ``want`` but not equal to it."""
    if math.isclose(got, want, rel_tol=_ROUNDED_TOL):
        raise Wrong(f"{what} = {got!r} is within 0.1% of the right value but off by "
                    f"{abs(got / want - 1):.1e} relative: the formula looks right, the number "
                    "is rounded or estimated. Compute it exactly (math.sqrt in float64), "
                    "without round(), a typed constant like 1.732, float16 or a sample std")


@exercise_check
def check_glorot_std(glorot_std) -> str:
    """``glorot_std(fan_in, fan_out, gain)``: Glorot's standard deviation of the weights."""
    for fan_in, fan_out, gain in _GLOROT_CASES:
        what = f"glorot_std({fan_in}, {fan_out}, {gain:.3g})"
        got = _number(call(glorot_std, fan_in, fan_out, gain), what)
        want = gain * math.sqrt(2 / (fan_in + fan_out))
        if _close(got, want):
            continue
        _rounded(got, want, what)
        mistakes = {
            "that is LeCun's rule, sqrt(1 / fan_in): Glorot averages fan_in and fan_out":
                gain * math.sqrt(1 / fan_in),
            "that is He's rule, sqrt(2 / fan_in): Glorot uses fan_in AND fan_out":
                gain * math.sqrt(2 / fan_in),
            "that is sqrt(1 / fan_out), the backward-pass condition alone: Glorot averages "
            "the forward (fan_in) and backward (fan_out) conditions, 2 / (fan_in + fan_out)":
                gain * math.sqrt(1 / fan_out),
            "that is He's fan_out mode, sqrt(2 / fan_out): Glorot uses fan_in AND fan_out":
                gain * math.sqrt(2 / fan_out),
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
            if _close(got, value):
                raise Wrong(hint)
        if _close(got, math.sqrt(2 / (fan_in + fan_out))):
            raise Wrong(f"glorot_std({fan_in}, {fan_out}, {gain:.3g}) ignores the gain")
        raise Wrong(f"glorot_std({fan_in}, {fan_out}, {gain:.3g}) is not the gain times "
                    "the square root of Glorot's variance")
    return "the gain times sqrt(2 / (fan_in + fan_out)), for square and non-square layers."


@exercise_check
def check_uniform_bound(uniform_bound) -> str:
    """``uniform_bound(std)``: the ``a`` for which ``U(-a, a)`` has standard deviation ``std``."""
    for std in (0.1, 0.0625, 2.0):
        got = _number(call(uniform_bound, std), f"uniform_bound({std})")
        if _close(got, math.sqrt(3) * std):
            continue
        _rounded(got, math.sqrt(3) * std, f"uniform_bound({std})")
        mistakes = {
            "U(-a, a) is wider than its standard deviation: its sd is a / sqrt(3), not a": std,
            "that makes the sd smaller still: solve a / sqrt(3) = std for a":
                std / math.sqrt(3),
            "the variance is a**2 / 3; the standard deviation is its square root, so the "
            "factor between a and std is a square root too": 3 * std,
            "sqrt(6) belongs to Glorot's bound, whose VARIANCE is 2 / (fan_in + fan_out): "
            "here the standard deviation is given": math.sqrt(6) * std,
            "take the square root of the variance 3 * std**2, not of 3 * std":
                math.sqrt(3 * std),
        }
        for hint, value in mistakes.items():
            if _close(got, value):
                raise Wrong(hint)
        raise Wrong(f"U(-a, a) with a = uniform_bound({std}) does not have standard deviation "
                    f"{std}: its variance is a**2 / 3")
    return "a uniform on [-a, a] has variance a**2 / 3, so a = sqrt(3) times the sd."
