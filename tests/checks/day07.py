"""Right and wrong answers for helpers.checks.day07 (see tests/checks/README.md)."""

import numpy as np

from helpers.checks.day07 import check_fit_line, check_solve_qr
from helpers.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from helpers.regression import add_bias


def fit_line_right(x, y):
    theta, *_ = np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=None)
    return theta[1], theta[0]


def fit_line_swapped(x, y):
    theta, *_ = np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=None)
    return theta[0], theta[1]


def qr_right(A, y):
    Q, R = np.linalg.qr(A)
    return np.linalg.solve(R, Q.T @ y)


CASES = [
    (check_fit_line, (fit_line_right,), CORRECT, "slope first"),
    (check_fit_line, (lambda x, y: tuple(np.polyfit(x, y, 1)),), CORRECT, None),
    (check_fit_line, (fit_line_swapped,), WRONG, "(b, w)"),
    (check_fit_line, (lambda x, y: (x @ y / (x @ x), 0.0),), WRONG, "through the origin"),
    (check_fit_line, (lambda x, y: np.polyfit(x, y, 1),), CORRECT, None),
    (check_fit_line, (lambda x, y: 1.0,), WRONG, "two numbers"),
    (check_fit_line, (lambda x, y: (np.ones(2), 0.0),), WRONG, "not arrays"),
    (check_fit_line, (lambda x, y: (1.0, 2.0),), WRONG, "not the least-squares line"),
    (check_fit_line, (lambda x, y: ...,), NOT_ATTEMPTED, None),
    (check_solve_qr, (qr_right,), CORRECT, "9"),
    (check_solve_qr, (lambda A, y: np.linalg.lstsq(A, y, rcond=None)[0],), CORRECT, None),
    (check_solve_qr, (lambda A, y: np.linalg.solve(A.T @ A, A.T @ y),), WRONG, "A.T @ A"),
    (check_solve_qr, (lambda A, y: np.linalg.inv(A.T @ A) @ A.T @ y,), WRONG, "squares"),
    (check_solve_qr, (lambda A, y: np.linalg.lstsq(A, y, rcond=None)[0][1:],), WRONG,
     "one entry per column"),
    (check_solve_qr, (lambda A, y: np.zeros(A.shape[1]),), WRONG, "far from"),
    (check_solve_qr, (lambda A, y: np.full(A.shape[1], np.nan),), WRONG, "NaN"),
]
