"""Checks for the exercises of Day 7 (linear regression); see helpers.exercises."""

from __future__ import annotations

import numpy as np

from helpers.data import load_longley
from helpers.exercises import Wrong, call, exercise_check
from helpers.regression import add_bias


def _two_numbers(value, name: str) -> tuple[float, float]:
    try:
        first, second = (float(np.ravel(v)[0]) if np.size(v) == 1 else None for v in value)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return two numbers, (w, b), got "
                    f"{type(value).__name__}") from None
    if first is None or second is None:
        raise Wrong(f"{name} should return two numbers (w, b), not arrays")
    return first, second


def _line_case() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.normal(10.0, 2.0, 30)  # far from 0, so a line through the origin misses
    return x, -0.7 * x + 4.0 + rng.normal(0.0, 0.3, 30)


@exercise_check
def check_fit_line(fit_line) -> str:
    """``fit_line(x, y)``: least-squares ``(w, b)`` of a line, for a 1-D ``x``."""
    x, y = _line_case()
    w, b = _two_numbers(call(fit_line, x.copy(), y.copy()), "fit_line(x, y)")
    want_w, want_b = np.polyfit(x, y, 1)
    if np.isclose(w, want_b, rtol=1e-6) and np.isclose(b, want_w, rtol=1e-6):
        raise Wrong("you returned (b, w): with add_bias the bias is theta's FIRST entry")
    through_origin = float(x @ y / (x @ x))
    if np.isclose(w, through_origin, rtol=1e-6) or np.isclose(b, through_origin, rtol=1e-6):
        raise Wrong("that is the line through the origin: add a column of ones for the "
                    "bias (add_bias) before solving")
    if not (np.isclose(w, want_w, rtol=1e-6) and np.isclose(b, want_b, rtol=1e-6)):
        raise Wrong("(w, b) is not the least-squares line of the test data; solve "
                    "add_bias(x.reshape(-1, 1)) theta = y with np.linalg.lstsq")
    return "(w, b) is the least-squares line, slope first, unpacked by name."


def correct_digits(theta: np.ndarray, certified: np.ndarray) -> float:
    """Significant digits of the worst coefficient of ``theta`` that agree with NIST."""
    rel = np.abs(theta - certified) / np.abs(certified)
    return float(-np.log10(max(rel.max(), 1e-17)))


#: NIST StRD Longley: the certified (b, w_1, ..., w_6).
LONGLEY_CERTIFIED = np.array([-3482258.63459582, 15.0618722713733, -0.358191792925910e-01,
                              -2.02022980381683, -1.03322686717359, -0.511041056535807e-01,
                              1829.15146461355])


@exercise_check
def check_solve_qr(solve_qr) -> str:
    """``solve_qr(A, y)``: least-squares ``theta`` on Longley, to at least 9 digits."""
    X, y = load_longley()[:2]
    A = add_bias(X)
    theta = call(solve_qr, A.copy(), y.copy())
    try:
        theta = np.asarray(theta, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"solve_qr should return an array theta, got "
                    f"{type(theta).__name__}") from None
    if theta.shape != (A.shape[1],):
        raise Wrong(f"theta should have one entry per column of A, shape {(A.shape[1],)}, "
                    f"got {theta.shape}")
    if not np.all(np.isfinite(theta)):
        raise Wrong("theta holds NaN or infinite values")
    digits = correct_digits(theta, LONGLEY_CERTIFIED)
    if digits < 2:
        raise Wrong("theta is far from the least-squares solution: solve R theta = Q.T @ y "
                    "with Q, R = np.linalg.qr(A)")
    if digits < 9:
        raise Wrong("theta has the accuracy of the normal equations: forming A.T @ A (or "
                    "inverting it) squares the condition number; work with Q and R only")
    return "theta keeps at least 9 of NIST's certified digits on Longley's data."
