"""Right and wrong answers for helpers.checks.day07 (see tests/checks/README.md)."""

import copy
import importlib.util

import numpy as np
import numpy.polynomial.polynomial as _npp
import scipy.linalg
import scipy.stats
import sklearn.linear_model
from numpy.linalg import qr as factor
from numpy.polynomial.polynomial import polyfit as _ppolyfit
from scipy.stats import linregress as _lr
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.linear_model import Ridge as _SkRidge

from helpers import regression
from helpers.checks.day07 import (
    check_family_bootstrap,
    check_fit_line,
    check_lstsq_unit_columns,
    check_ridge,
)
from helpers.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from helpers.regression import add_bias, exact_least_squares, fit_least_squares, fit_ridge
from helpers.regression import fit_least_squares as fls

# ---------------------------------------------------------------- Exercise 1: fit_line


def fit_line_right(x, y):
    theta, *_ = np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=None)
    return theta[1], theta[0]


def fit_line_covariance(x, y):  # the closed form, with one ddof for both
    w = np.cov(x, y)[0, 1] / np.var(x, ddof=1)
    return w, y.mean() - w * x.mean()


def fit_line_swapped(x, y):
    theta, *_ = np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=None)
    return theta[0], theta[1]


def fit_line_theta(x, y):  # lstsq's vector as it comes: [b, w]
    return np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=None)[0]


def fit_line_x_on_y(x, y):
    w_xy = np.linalg.lstsq(add_bias(y.reshape(-1, 1)), x, rcond=None)[0][1]
    w = 1 / w_xy
    return w, y.mean() - w * x.mean()


def fit_line_args_swapped(x, y):  # x regressed on y: the right solver, arguments swapped
    return fit_line_right(y, x)


def fit_line_mixed_ddof(x, y):
    w = np.cov(x, y)[0, 1] / np.var(x)  # ddof 1 over ddof 0
    return w, y.mean() - w * x.mean()


def fit_line_centred_intercept(x, y):
    xc = x - x.mean()
    w = xc @ (y - y.mean()) / (xc @ xc)
    return w, y.mean()


def fit_line_in_place(x, y):
    x -= x.mean()  # changes the caller's x
    w = x @ (y - y.mean()) / (x @ x)
    return w, y.mean()


def fit_line_legacy(x, y):
    jitter = np.random.normal(0.0, 1e-12, x.shape)  # noqa: NPY002 (the mistake under test)
    return fit_line_right(x + jitter, y)


def fit_line_pinv(x, y):
    return tuple(np.linalg.pinv(add_bias(x[:, None])) @ y)[::-1]


def fit_line_qr(x, y):
    Q, R = np.linalg.qr(np.column_stack([np.ones_like(x), x]))
    b, w = np.linalg.solve(R, Q.T @ y)
    return w, b


def fit_line_inverse(x, y):  # the day's anti-pattern
    A = add_bias(x.reshape(-1, 1))
    b, w = np.linalg.inv(A.T @ A) @ A.T @ y
    return w, b


def fit_line_solve_normal(x, y):
    A = add_bias(x.reshape(-1, 1))
    b, w = np.linalg.solve(A.T @ A, A.T @ y)
    return w, b


def fit_line_sums(x, y):  # the one-pass textbook formula: the normal equations by hand
    n = len(x)
    w = (n * (x @ y) - x.sum() * y.sum()) / (n * (x @ x) - x.sum() ** 2)
    return w, (y.sum() - w * x.sum()) / n


def fit_line_float32(x, y):
    A = add_bias(x.reshape(-1, 1)).astype(np.float32)
    b, w = np.linalg.lstsq(A, y.astype(np.float32), rcond=None)[0]
    return w, b


def fit_line_x_rounded(x, y):  # float64 arithmetic on data rounded to float32
    x32 = x.astype(np.float32).astype(np.float64)
    b, w = np.linalg.lstsq(add_bias(x32.reshape(-1, 1)), y, rcond=None)[0]
    return w, b


def fit_line_rcond(x, y):  # an rcond that cuts off A's smaller singular value
    b, w = np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=1e-6)[0]
    return w, b


def fit_line_pinv_normal(x, y):  # the tutorial idiom: pinv of the normal equations
    A = add_bias(x.reshape(-1, 1))
    b, w = np.linalg.pinv(A.T @ A) @ A.T @ y
    return w, b


def fit_line_lstsq_normal(x, y):  # lstsq, rcond=None, but on the normal equations
    A = add_bias(x.reshape(-1, 1))
    b, w = np.linalg.lstsq(A.T @ A, A.T @ y, rcond=None)[0]
    return w, b


def fit_line_course(x, y):  # the course's helper answers the exercise
    w, b = fit_least_squares(x.reshape(-1, 1), y)
    return w[0], b


def _line_through_helper(x, y):
    return fit_least_squares(x[:, None], y)


def fit_line_course_nested(x, y):  # the same, one function down
    w, b = _line_through_helper(x, y)
    return w[0], b


CASES = [
    (check_fit_line, (fit_line_pinv_normal,), WRONG, "normal equations (pinv or lstsq on"),
    (check_fit_line, (fit_line_lstsq_normal,), WRONG, "normal equations (pinv or lstsq on"),
    (check_fit_line, (fit_line_right,), CORRECT, "also for x far from 0"),
    (check_fit_line, (fit_line_pinv,), CORRECT, None),
    (check_fit_line, (fit_line_qr,), CORRECT, None),
    (check_fit_line, (lambda x, y: tuple(np.linalg.lstsq(np.c_[x, np.ones_like(x)], y,
                                                         rcond=None)[0]),),
     CORRECT, None),
    (check_fit_line, (fit_line_inverse,), WRONG, "normal equations"),
    (check_fit_line, (fit_line_solve_normal,), WRONG, "squares the condition number"),
    (check_fit_line, (fit_line_x_rounded,), WRONG, "rounded to float32"),
    (check_fit_line, (fit_line_rcond,), WRONG, "leave rcond=None"),
    (check_fit_line, (fit_line_sums,), WRONG, "sums formula"),
    (check_fit_line, (fit_line_float32,), WRONG, "float32"),
    (check_fit_line, (lambda x, y: tuple(np.polyfit(x, y, 1)),), WRONG, "not np.polyfit"),
    (check_fit_line, (lambda x, y: np.polyfit(x, y, 1),), WRONG, "not np.polyfit"),
    # NumPy's other polyfit, (b, w) lowest degree first, reversed: named as itself
    (check_fit_line, (lambda x, y: tuple(_npp.polyfit(x, y, 1)[::-1]),), WRONG,
     "not numpy.polynomial.polynomial.polyfit"),
    (check_fit_line, (lambda x, y: tuple(np.polynomial.polynomial.polyfit(x, y, 1)[::-1]),),
     WRONG, "not numpy.polynomial.polynomial.polyfit"),
    (check_fit_line, (lambda x, y: tuple(_ppolyfit(x, y, 1)[::-1]),), WRONG,
     "not numpy.polynomial.polynomial.polyfit"),
    (check_fit_line, (fit_line_covariance,), CORRECT, None),
    (check_fit_line, (lambda x, y: tuple(scipy.stats.linregress(x, y))[:2],), WRONG,
     "not scipy.stats.linregress"),
    (check_fit_line, (lambda x, y: [np.float32(v) for v in fit_line_right(x, y)],), CORRECT,
     None),
    (check_fit_line, (lambda x, y: tuple(np.array([v]) for v in fit_line_right(x, y)),),
     CORRECT, None),
    (check_fit_line, (fit_line_swapped,), WRONG, "(b, w)"),
    (check_fit_line, (fit_line_theta,), WRONG, "(b, w)"),
    (check_fit_line, (lambda x, y: (x @ y / (x @ x), 0.0),), WRONG, "through the origin"),
    (check_fit_line, (fit_line_x_on_y,), WRONG, "x regressed on y"),
    (check_fit_line, (fit_line_args_swapped,), WRONG, "x regressed on y (x and y swapped)"),
    (check_fit_line, (fit_line_mixed_ddof,), WRONG, "n / (n - 1)"),
    (check_fit_line, (fit_line_centred_intercept,), WRONG, "b is the mean of y"),
    (check_fit_line, (lambda x, y: (fit_line_right(x, y)[0], 0.0),), WRONG, "slope is right"),
    (check_fit_line, (fit_line_in_place,), WRONG, "changed its argument x in place"),
    (check_fit_line, (fit_line_legacy,), WRONG, "global np.random"),
    (check_fit_line, (lambda x, y: 1.0,), WRONG, "two things"),
    (check_fit_line, (lambda x, y: (1.0, 2.0, 3.0),), WRONG, "got 3"),
    (check_fit_line, (lambda x, y: (np.ones(2), 0.0),), WRONG, "not arrays"),
    (check_fit_line, (lambda x, y: (1.0, 2.0),), WRONG, "not the least-squares line"),
    (check_fit_line, (fit_line_course,), WRONG, "not the course's fit_least_squares"),
    (check_fit_line, (fit_line_course_nested,), WRONG, "not the course's fit_least_squares"),
    (check_fit_line, (lambda x, y: ...,), NOT_ATTEMPTED, None),
]

# ---------------------------------------------------------------- Exercise 2: unit columns


def unit_right(A, y):
    lengths = np.linalg.norm(A, axis=0)
    theta_unit, *_ = np.linalg.lstsq(A / lengths, y, rcond=None)
    return theta_unit / lengths


def unit_qr(A, y):  # QR is column-scaling invariant: it passes whether or not it scales,
    Q, R = np.linalg.qr(A)  # so only the call shows that it never did (review 2026-12)
    return np.linalg.solve(R, Q.T @ y)


def unit_qr_scaled(A, y):  # scaled, but QR (scipy's) where the prompt asks for lstsq
    lengths = np.linalg.norm(A, axis=0)
    Q, R = scipy.linalg.qr(A / lengths, mode="economic")
    return scipy.linalg.solve_triangular(R, Q.T @ y) / lengths


def unit_qr_alias(A, y):  # QR imported under another name
    Q, R = factor(A)
    return np.linalg.solve(R, Q.T @ y)


def unit_qr_then_lstsq(A, y):  # QR, then lstsq on R, which keeps the columns' scales
    Q, R = np.linalg.qr(A)  # (fresh review, L4: was told "that is what plain lstsq does")
    return np.linalg.lstsq(R, Q.T @ y, rcond=None)[0]


def unit_qr_then_lstsq_alias(A, y):  # the same with scipy's QR and lstsq, QR aliased
    Q, R = factor(A)
    return scipy.linalg.lstsq(R, Q.T @ y)[0]


def unit_scaled_qr_then_lstsq(A, y):  # unit columns first: lstsq on their R is fine
    lengths = np.linalg.norm(A, axis=0)
    Q, R = np.linalg.qr(A / lengths)
    return np.linalg.lstsq(R, Q.T @ y, rcond=None)[0] / lengths


def unit_rms(A, y):  # root-mean-square column scaling: lengths / sqrt(n)
    scale = np.sqrt(np.mean(A**2, axis=0))
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_rcond_minus_one(A, y):  # rcond=-1: machine precision, NumPy's old default
    lengths = np.linalg.norm(A, axis=0)
    return np.linalg.lstsq(A / lengths, y, rcond=-1)[0] / lengths


def _unit_torch_unscaled(A, y):  # PyTorch's lstsq on A itself: it never scales
    import torch
    return torch.linalg.lstsq(torch.from_numpy(A), torch.from_numpy(y)[:, None]).solution[:, 0]


def _unit_torch(A, y):  # PyTorch's lstsq with the SVD driver, like NumPy's
    import torch
    lengths = np.linalg.norm(A, axis=0)
    theta = torch.linalg.lstsq(torch.from_numpy(A / lengths), torch.from_numpy(y)[:, None],
                               driver="gelsd").solution[:, 0]
    return theta.numpy() / lengths


def unit_max_abs(A, y):  # another column scaling
    scale = np.abs(A).max(axis=0)
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_powers_of_two(A, y):  # scaling by powers of two: exact
    scale = 2.0 ** np.round(np.log2(np.linalg.norm(A, axis=0)))
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_scipy(A, y):
    lengths = np.sqrt((A**2).sum(axis=0))
    return list(scipy.linalg.lstsq(A / lengths, y)[0] / lengths)


def unit_column_vector(A, y):
    lengths = np.linalg.norm(A, axis=0)
    return np.linalg.lstsq(A / lengths, y[:, None], rcond=None)[0] / lengths[:, None]


def unit_not_unscaled(A, y):
    return np.linalg.lstsq(A / np.linalg.norm(A, axis=0), y, rcond=None)[0]


def unit_multiplied(A, y):
    lengths = np.linalg.norm(A, axis=0)
    return np.linalg.lstsq(A / lengths, y, rcond=None)[0] * lengths


def unit_rows(A, y):
    return np.linalg.lstsq(A / np.linalg.norm(A, axis=1, keepdims=True), y, rcond=None)[0]


def unit_in_place(A, y):
    lengths = np.linalg.norm(A, axis=0)
    A /= lengths
    return np.linalg.lstsq(A, y, rcond=None)[0] / lengths


def unit_normal_equations(A, y):
    lengths = np.linalg.norm(A, axis=0)
    B = A / lengths
    return np.linalg.solve(B.T @ B, B.T @ y) / lengths


def unit_float32(A, y):
    return unit_right(A, y).astype(np.float32)


def unit_sqrt_lengths(A, y):  # keeps 7.4 digits at K = 20, 10.9 at K = 0 and 10
    scale = np.sqrt(np.linalg.norm(A, axis=0))
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_squared_lengths(A, y):
    scale = np.linalg.norm(A, axis=0) ** 2
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_intercept_unscaled(A, y):  # only the features' columns: fine until K = 40
    lengths = np.r_[1.0, np.linalg.norm(A[:, 1:], axis=0)]
    return np.linalg.lstsq(A / lengths, y, rcond=None)[0] / lengths


def unit_scalar(A, y):  # one number for all of A: no column's relative size changes
    scale = np.linalg.norm(A)
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_scalar_max(A, y):
    scale = np.linalg.norm(A, axis=0).max()
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_scalar_root_p(A, y):  # one number again, one the check does not name: a probe
    scale = np.linalg.norm(A) / np.sqrt(A.shape[1])  # finds it (review 2026-12, day 7)
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_scalar_mean_length(A, y):
    scale = np.linalg.norm(A, axis=0).mean()
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_rcond(A, y):  # a cut-off that drops the unit columns' smallest singular value
    lengths = np.linalg.norm(A, axis=0)
    return np.linalg.lstsq(A / lengths, y, rcond=1e-4)[0] / lengths


def unit_rcond_zero(A, y):  # no cut-off at all: fine on unit-length columns
    lengths = np.linalg.norm(A, axis=0)
    return np.linalg.lstsq(A / lengths, y, rcond=0)[0] / lengths


def unit_row_vector(A, y):  # keepdims=True lengths: the answer comes back as (1, 7)
    lengths = np.linalg.norm(A, axis=0, keepdims=True)
    return np.linalg.lstsq(A / lengths, y, rcond=None)[0] / lengths


def unit_std(A, y):  # Day 4's standardization: the intercept's spread is 0
    scale = A.std(axis=0)
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_standardized(A, y):  # centred too: 0 / 0 in the intercept column
    mean, scale = A.mean(axis=0), A.std(axis=0)
    return np.linalg.lstsq((A - mean) / scale, y, rcond=None)[0] / scale


def unit_mean(A, y):  # a column's mean as its scale: 0 for a centred column
    return np.linalg.lstsq(A / A.mean(axis=0), y, rcond=None)[0] / A.mean(axis=0)


def unit_first_row(A, y):  # the first entry as a scale: 0 for YEAR counted from 1947
    return np.linalg.lstsq(A / A[0], y, rcond=None)[0] / A[0]


def unit_rounded_lengths(A, y):  # rounded lengths: 0 for columns scaled by 2**-40
    lengths = np.round(np.linalg.norm(A, axis=0))
    return np.linalg.lstsq(A / lengths, y, rcond=None)[0] / lengths


def unit_ptp(A, y):  # max - min as the scale: the intercept's is 0
    scale = np.ptp(A, axis=0)
    return np.linalg.lstsq(A / scale, y, rcond=None)[0] / scale


def unit_legacy(A, y):
    np.random.seed(0)  # noqa: NPY002 (the mistake under test)
    return unit_right(A, y)


CASES += [
    (check_lstsq_unit_columns, (unit_right,), CORRECT, "rescaled by powers of two"),
    (check_lstsq_unit_columns, (unit_qr,), WRONG, "you solved with a QR factorization"),
    (check_lstsq_unit_columns, (unit_qr_scaled,), WRONG, "you solved with a QR factorization"),
    (check_lstsq_unit_columns, (unit_qr_alias,), WRONG, "this check cannot tell whether you"),
    (check_lstsq_unit_columns, (unit_qr_then_lstsq,), WRONG,
     "solved R theta = Q^T y with lstsq. R keeps the columns' scales"),
    (check_lstsq_unit_columns, (unit_qr_then_lstsq_alias,), WRONG,
     "back substitution (scipy.linalg.solve_triangular)"),
    (check_lstsq_unit_columns, (unit_scaled_qr_then_lstsq,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_rms,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_rcond_minus_one,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_max_abs,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_powers_of_two,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_scipy,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_column_vector,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_rcond_zero,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_row_vector,), CORRECT, None),
    (check_lstsq_unit_columns, (unit_intercept_unscaled,), WRONG,
     "left the intercept column (column 0, the ones) unscaled"),
    (check_lstsq_unit_columns, (unit_scalar,), WRONG, "divided all of A by one number"),
    (check_lstsq_unit_columns, (unit_scalar_max,), WRONG, "divided all of A by one number"),
    (check_lstsq_unit_columns, (unit_scalar_root_p,), WRONG, "divides all of A by one number"),
    (check_lstsq_unit_columns, (unit_scalar_mean_length,), WRONG,
     "divides all of A by one number"),
    (check_lstsq_unit_columns, (unit_rcond,), WRONG, "leave rcond=None"),
    (check_lstsq_unit_columns, (lambda A, y: np.linalg.lstsq(A, y, rcond=None)[0],), WRONG,
     "what plain lstsq does"),
    (check_lstsq_unit_columns, (unit_sqrt_lengths,), WRONG, "not a power of it"),
    (check_lstsq_unit_columns, (unit_squared_lengths,), WRONG, "not a power of it"),
    (check_lstsq_unit_columns, (lambda A, y: np.linalg.solve(A.T @ A, A.T @ y),), WRONG,
     "forming A.T @ A"),
    (check_lstsq_unit_columns, (lambda A, y: np.linalg.inv(A.T @ A) @ A.T @ y,), WRONG,
     "forming A.T @ A"),
    (check_lstsq_unit_columns, (unit_normal_equations,), WRONG, "forming A.T @ A"),
    (check_lstsq_unit_columns, (unit_not_unscaled,), WRONG, "unit-length columns"),
    (check_lstsq_unit_columns, (unit_multiplied,), WRONG, "multiplied"),
    (check_lstsq_unit_columns, (unit_rows,), WRONG, "scaled the rows"),
    (check_lstsq_unit_columns, (unit_in_place,), WRONG, "changed its argument A in place"),
    (check_lstsq_unit_columns, (unit_float32,), WRONG, "float32"),
    (check_lstsq_unit_columns, (unit_legacy,), WRONG, "global np.random"),
    (check_lstsq_unit_columns, (lambda A, y: unit_right(A, y)[1:],), WRONG,
     "one entry per column"),
    (check_lstsq_unit_columns, (lambda A, y: np.zeros(A.shape[1]),), WRONG, "far from"),
    (check_lstsq_unit_columns, (lambda A, y: np.full(A.shape[1], np.nan),), WRONG, "NaN"),
    (check_lstsq_unit_columns, (unit_std,), WRONG,
     "zero spread (the intercept's standard deviation is 0)"),
    (check_lstsq_unit_columns, (unit_standardized,), WRONG,
     "zero spread (the intercept's standard deviation is 0)"),
    (check_lstsq_unit_columns, (unit_ptp,), WRONG,
     "zero spread (the intercept's standard deviation is 0)"),
    (check_lstsq_unit_columns, (unit_mean,), WRONG,
     "on Longley with YEAR centred (its mean is 0), your code divided by zero"),
    (check_lstsq_unit_columns, (unit_first_row,), WRONG,
     "on Longley with YEAR counted from 1947, your code divided by zero"),
    (check_lstsq_unit_columns, (unit_rounded_lengths,), WRONG,
     ("(section 2), your code divided by zero or made a NaN: something you divide by "
      "(a column's mean, its first entry, a rounded length?) is 0")),
    (check_lstsq_unit_columns, (lambda A, y: exact_least_squares(A, y),), WRONG,
     "not the course's exact_least_squares"),
    (check_lstsq_unit_columns, (lambda A, y: ...,), NOT_ATTEMPTED, None),
]

# ---------------------------------------------------------------- Exercise 3: ridge


def ridge_right(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    d = X.shape[1]
    taller = np.vstack([X - x_mean, np.sqrt(alpha) * np.eye(d)])
    w, *_ = np.linalg.lstsq(taller, np.r_[y - y_mean, np.zeros(d)], rcond=None)
    return w, y_mean - x_mean @ w


def ridge_column(X, y, alpha):  # y as a column: lstsq returns w of shape (d, 1), b (1,)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    d = X.shape[1]
    taller = np.vstack([X - x_mean, np.sqrt(alpha) * np.eye(d)])
    w, *_ = np.linalg.lstsq(taller, np.r_[y - y_mean, np.zeros(d)][:, None], rcond=None)
    return w, y_mean - x_mean @ w


def ridge_svd(X, y, alpha):  # the filter factors of section 6
    x_mean, y_mean = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X - x_mean, full_matrices=False)
    w = Vt.T @ (s / (s**2 + alpha) * (U.T @ (y - y_mean)))
    return list(w), np.array(y_mean - x_mean @ w)


def ridge_qr(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    d = X.shape[1]
    Q, R = np.linalg.qr(np.concatenate([X - x_mean, np.sqrt(alpha) * np.eye(d)]))
    w = np.linalg.solve(R, Q.T @ np.concatenate([y - y_mean, np.zeros(d)]))
    return w, float(y_mean - x_mean @ w)


def ridge_pinv(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    d = X.shape[1]
    w = np.linalg.pinv(np.block([[X - x_mean], [np.sqrt(alpha) * np.eye(d)]])) @ np.r_[
        y - y_mean, np.zeros(d)]
    return w, y_mean - x_mean @ w


def ridge_bias_penalized(X, y, alpha):
    A = add_bias(X)
    k = A.shape[1]
    theta = np.linalg.lstsq(np.vstack([A, np.sqrt(alpha) * np.eye(k)]), np.r_[y, np.zeros(k)],
                            rcond=None)[0]
    return theta[1:], theta[0]


def ridge_alpha_rows(X, y, alpha):  # alpha where sqrt(alpha) belongs
    return ridge_right(X, y, alpha**2)


def ridge_mean_loss(X, y, alpha):  # mean squared error + alpha ||w||^2
    return ridge_right(X, y, alpha * len(y))


def ridge_no_bias(X, y, alpha):
    d = X.shape[1]
    w = np.linalg.lstsq(np.vstack([X, np.sqrt(alpha) * np.eye(d)]), np.r_[y, np.zeros(d)],
                        rcond=None)[0]
    return w, 0.0


def ridge_mean_intercept(X, y, alpha):
    return ridge_right(X, y, alpha)[0], y.mean()


def ridge_intercept_sign(X, y, alpha):
    w, _ = ridge_right(X, y, alpha)
    return w, y.mean() + X.mean(axis=0) @ w


def ridge_normal_equations(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - y_mean))
    return w, y_mean - x_mean @ w


def ridge_sklearn_svd(X, y, alpha):
    model = Ridge(alpha=alpha, solver="svd").fit(X, y)
    return model.coef_, model.intercept_


def ridge_sklearn_default(X, y, alpha):  # solver "auto": Cholesky on X.T @ X
    model = Ridge(alpha=alpha).fit(X, y)
    return model.coef_, model.intercept_


def ridge_y_uncentred(X, y, alpha):  # X centred, y not: right in exact arithmetic
    x_mean, d = X.mean(axis=0), X.shape[1]
    taller = np.vstack([X - x_mean, np.sqrt(alpha) * np.eye(d)])
    w, *_ = np.linalg.lstsq(taller, np.r_[y, np.zeros(d)], rcond=None)
    return w, y.mean() - x_mean @ w


def ridge_inverse(X, y, alpha):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = np.linalg.inv(Xc.T @ Xc + alpha * np.eye(X.shape[1])) @ Xc.T @ (y - y_mean)
    return w, y_mean - x_mean @ w


def ridge_in_place(X, y, alpha):
    x_mean = X.mean(axis=0)
    X -= x_mean
    w, _ = ridge_right(X, y, alpha)
    return w, y.mean() - x_mean @ w


def ridge_x_uncentred(X, y, alpha):  # y centred, X not
    d = X.shape[1]
    w = np.linalg.lstsq(np.vstack([X, np.sqrt(alpha) * np.eye(d)]),
                        np.r_[y - y.mean(), np.zeros(d)], rcond=None)[0]
    return w, y.mean() - X.mean(axis=0) @ w


def ridge_float32(X, y, alpha):  # the right method in float32, cast back to float64
    w, b = ridge_right(X.astype(np.float32), y.astype(np.float32), np.float32(alpha))
    return np.asarray(w, dtype=np.float64), float(b)


def ridge_rcond(X, y, alpha, rcond=1e-5):  # a cut-off that drops a small singular value
    x_mean, d = X.mean(axis=0), X.shape[1]
    taller = np.vstack([X - x_mean, np.sqrt(alpha) * np.eye(d)])
    w = np.linalg.lstsq(taller, np.r_[y - y.mean(), np.zeros(d)], rcond=rcond)[0]
    return w, y.mean() - x_mean @ w


def ridge_rcond_uncentred(X, y, alpha):  # alpha = 0 as plain lstsq on [1, X], cut off
    if alpha == 0:
        b, *w = np.linalg.lstsq(add_bias(X), y, rcond=1e-4)[0]
        return np.array(w), b
    return ridge_right(X, y, alpha)


def ridge_gradient_descent(X, y, alpha, steps=2_000):  # centred, no lstsq: stops early
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    lr = 1 / (2 * (np.linalg.norm(Xc, 2) ** 2 + alpha))  # 1 / L: stable, slow when flat
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        w -= lr * 2 * (Xc.T @ (Xc @ w - yc) + alpha * w)
    return w, y_mean - x_mean @ w


def ridge_pinv_positional(X, y, alpha):  # a cut-off passed by position: rcond not named
    x_mean, d = X.mean(axis=0), X.shape[1]
    taller = np.vstack([X - x_mean, np.sqrt(alpha) * np.eye(d)])
    w = np.linalg.pinv(taller, 1e-5) @ np.r_[y - y.mean(), np.zeros(d)]
    return w, y.mean() - x_mean @ w


def ridge_inverse_if_penalized(X, y, alpha):  # lstsq only where alpha = 0 is tested
    if alpha == 0:
        return ridge_right(X, y, alpha)
    return ridge_inverse(X, y, alpha)


def ridge_solve_if_penalized(X, y, alpha):
    if alpha == 0:
        return ridge_right(X, y, alpha)
    return ridge_normal_equations(X, y, alpha)


def ridge_scipy(X, y, alpha):
    x_mean, y_mean, d = X.mean(axis=0), y.mean(), X.shape[1]
    taller = np.vstack([X - x_mean, np.sqrt(alpha) * np.eye(d)])
    w = scipy.linalg.lstsq(taller, np.r_[y - y_mean, np.zeros(d)])[0]
    return w, y_mean - x_mean @ w


def ridge_bias_column(X, y, alpha):  # no centring: a bias column that the penalty skips
    d = X.shape[1]
    penalty = np.c_[np.zeros(d), np.sqrt(alpha) * np.eye(d)]
    b, *w = np.linalg.lstsq(np.vstack([add_bias(X), penalty]), np.r_[y, np.zeros(d)],
                            rcond=None)[0]
    return np.array(w), b


def ridge_course(X, y, alpha):
    return fit_ridge(X, y, alpha)


def ridge_course_renamed(X, y, alpha):  # the helper under another name
    solve = regression.fit_ridge
    return solve(X, y, alpha)


def ridge_standardized(X, y, alpha, ddof=0):  # ridge on standardized X, scaled back
    mean, sd = X.mean(axis=0), X.std(axis=0, ddof=ddof)
    Z, k = (X - mean) / sd, X.shape[1]
    w_z = np.linalg.lstsq(np.vstack([Z, np.sqrt(alpha) * np.eye(k)]),
                          np.r_[y - y.mean(), np.zeros(k)], rcond=None)[0]
    return w_z / sd, y.mean() - mean @ (w_z / sd)


def ridge_legacy(X, y, alpha):
    noise = np.random.standard_normal(y.shape) * 0.0  # noqa: NPY002 (the mistake under test)
    return ridge_right(X, y + noise, alpha)


CASES += [
    (check_ridge, (ridge_right,), CORRECT, "every alpha"),
    (check_ridge, (ridge_svd,), CORRECT, None),
    (check_ridge, (ridge_qr,), CORRECT, None),
    (check_ridge, (ridge_pinv,), CORRECT, None),
    (check_ridge, (ridge_sklearn_svd,), WRONG, "not scikit-learn's Ridge: it does the whole"),
    (check_ridge, (ridge_y_uncentred,), WRONG, "centre y as well as X"),
    (check_ridge, (ridge_inverse,), WRONG, "forming a Gram matrix (X.T @ X"),
    (check_ridge, (ridge_sklearn_default,), WRONG, "not scikit-learn's Ridge"),
    (check_ridge, (ridge_bias_penalized,), WRONG, "also shrinks the bias"),
    (check_ridge, (ridge_alpha_rows,), WRONG, "alpha**2"),
    (check_ridge, (ridge_mean_loss,), WRONG, "n times too large"),
    (check_ridge, (lambda X, y, alpha: ridge_right(X, y, 2 * alpha),), WRONG,
     "penalty is 2 * alpha"),
    (check_ridge, (lambda X, y, alpha: ridge_right(X, y, alpha / 2),), WRONG,
     "penalty is alpha / 2"),
    (check_ridge, (lambda X, y, alpha: ridge_right(X, y, 0.0),), WRONG, "does not shrink"),
    (check_ridge, (ridge_no_bias,), WRONG, "no bias"),
    (check_ridge, (ridge_mean_intercept,), WRONG, "b is the mean of y"),
    (check_ridge, (ridge_intercept_sign,), WRONG, "w is right"),
    (check_ridge, (ridge_normal_equations,), WRONG, "forming a Gram matrix (X.T @ X"),
    (check_ridge, (lambda X, y, alpha: ridge_right(X, y, alpha)[::-1],), WRONG, "(b, w)"),
    (check_ridge, (lambda X, y, alpha: np.r_[ridge_right(X, y, alpha)[1],
                                             ridge_right(X, y, alpha)[0]],), WRONG,
     "one vector [b, w]"),
    (check_ridge, (lambda X, y, alpha: np.r_[ridge_right(X, y, alpha)[0],
                                             ridge_right(X, y, alpha)[1]],), WRONG,
     "one vector [w, b]"),
    (check_ridge, (lambda X, y, alpha: [*ridge_right(X, y, alpha)[0],
                                        ridge_right(X, y, alpha)[1]],), WRONG,
     "one vector [w, b]"),
    (check_ridge, (ridge_x_uncentred,), WRONG, "centred y but not X"),
    (check_ridge, (lambda X, y, alpha: (ridge_x_uncentred(X, y, alpha)[0], y.mean()),), WRONG,
     "centred y but not X"),
    (check_ridge, (lambda X, y, alpha: list(ridge_right(X, y, alpha)),), CORRECT, None),
    (check_ridge, (ridge_standardized,), WRONG, "you standardized X inside ridge"),
    (check_ridge, (lambda X, y, alpha: ridge_standardized(X, y, alpha, ddof=1),), WRONG,
     "the penalty then shrinks the weights of the standardized features"),
    (check_ridge, (lambda X, y, alpha: (ridge_standardized(X, y, alpha)[0]
                                        * X.std(axis=0), y.mean()),), WRONG,
     "you standardized X inside ridge"),
    (check_ridge, (ridge_in_place,), WRONG, "changed its argument X in place"),
    (check_ridge, (ridge_legacy,), WRONG, "global np.random"),
    (check_ridge, (ridge_float32,), WRONG, "compute in float64"),
    (check_ridge, (ridge_rcond,), WRONG, "leave rcond=None"),
    (check_ridge, (lambda X, y, alpha: ridge_rcond(X, y, alpha, rcond=1e-3),), WRONG,
     "leave rcond=None"),
    (check_ridge, (ridge_rcond_uncentred,), WRONG, "leave rcond=None"),
    (check_ridge, (ridge_rcond,), WRONG, "as an rcond larger than about"),
    (check_ridge, (ridge_gradient_descent,), WRONG, "flattest direction(s) of the data"),
    (check_ridge, (ridge_gradient_descent,), WRONG, "an iteration stopped early"),
    (check_ridge, (ridge_pinv_positional,), WRONG, "(in lstsq or pinv) cuts them off"),
    (check_ridge, (ridge_inverse_if_penalized,), WRONG, "(alpha = 1e-10)"),
    (check_ridge, (ridge_inverse_if_penalized,), WRONG, "forming a Gram matrix (X.T @ X"),
    (check_ridge, (ridge_solve_if_penalized,), WRONG, "forming a Gram matrix (X.T @ X"),
    (check_ridge, (ridge_scipy,), CORRECT, None),
    (check_ridge, (ridge_bias_column,), CORRECT, None),
    (check_ridge, (ridge_course,), WRONG, "not the course's fit_ridge"),
    (check_ridge, (ridge_course_renamed,), WRONG, "not the course's fit_ridge"),
    (check_fit_line, (lambda x, y: tuple(np.ravel(fls(x[:, None], y)[0])) + (0.0,),), WRONG,
     "not the course's fit_least_squares"),
    (check_ridge, (lambda X, y, alpha: fit_ridge(X, y, alpha),), WRONG,
     "not the course's fit_ridge"),
    (check_ridge, (lambda X, y, alpha: ...,), NOT_ATTEMPTED, None),
]


def fit_line_float16(x, y):  # the right line, cast to float16 on the way out
    w, b = fit_line_right(x, y)
    return np.float16(w), np.float16(b)


def ridge_dual(X, y, alpha):  # the kernel (dual) form: it solves with Xc @ Xc.T + alpha * I
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = Xc.T @ np.linalg.lstsq(Xc @ Xc.T + alpha * np.eye(len(y)), y - y_mean, rcond=None)[0]
    return w, y_mean - x_mean @ w


def _fit_line_torch(x, y, dtype_name="float64"):  # the right (w, b) as 0-d PyTorch tensors
    import torch
    dtype = getattr(torch, dtype_name)
    return tuple(torch.tensor(v, dtype=dtype) for v in fit_line_right(x, y))


def _fit_line_torch_lstsq(x, y):  # solved in PyTorch itself (gelsd: the SVD, like NumPy's)
    import torch
    A = torch.from_numpy(add_bias(x.reshape(-1, 1)))
    b, w = torch.linalg.lstsq(A, torch.from_numpy(y)[:, None], driver="gelsd").solution[:, 0]
    return w, b


def ridge_dual_solve(X, y, alpha):  # the dual form with solve: singular at alpha = 0
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = Xc.T @ np.linalg.solve(Xc @ Xc.T + alpha * np.eye(len(y)), y - y_mean)
    return w, y_mean - x_mean @ w


def ridge_dual_singular(X, y, alpha):  # the dual form, as a LAPACK that notices it is singular
    if alpha == 0:
        raise np.linalg.LinAlgError("Singular matrix")
    return ridge_dual_solve(X, y, alpha)


def fit_line_polynomial_window(x, y):  # Polynomial.fit without .convert(): window coefs
    b, w = np.polynomial.Polynomial.fit(x, y, 1).coef
    return w, b


CASES += [
    (check_fit_line, (fit_line_float16,), WRONG, "is float16, which holds only about 3"),
    (check_ridge, (ridge_column,), WRONG, "broadcasts (n, 1) - (n,) into an n x n"),
    (check_ridge, (lambda X, y, alpha: (ridge_right(X, y, alpha)[0][None],
                                        ridge_right(X, y, alpha)[1]),), WRONG,
     "w has shape (1, 3); return a 1-D w of shape (3,)"),
    (check_ridge, (lambda X, y, alpha: (ridge_right(X, y, alpha)[0],
                                        np.atleast_1d(ridge_right(X, y, alpha)[1])),), WRONG,
     "b has shape (1,): return b as one number"),
    (check_ridge, (lambda X, y, alpha: (ridge_right(X, y, alpha)[0],
                                        np.asarray(ridge_right(X, y, alpha)[1])),), CORRECT,
     None),
    (check_ridge, (ridge_dual,), WRONG, "X @ X.T"),
    (check_ridge, (ridge_dual_solve,), WRONG, "at alpha = 0 it is singular"),
    (check_ridge, (ridge_dual_singular,), WRONG, "at alpha = 0 it is singular"),
    (check_fit_line, (fit_line_polynomial_window,), WRONG, "not NumPy's Polynomial.fit"),
    (check_fit_line, (lambda x, y: tuple(np.polynomial.Polynomial.fit(x, y, 1).coef),),
     WRONG, "not NumPy's Polynomial.fit"),
    (check_fit_line, (lambda x, y: tuple(np.polynomial.Polynomial.fit(x, y, 1).convert()
                                         .coef[::-1]),), WRONG, "not NumPy's Polynomial.fit"),
]
if importlib.util.find_spec("torch") is not None:  # Colab-like venvs without PyTorch
    CASES += [
        (check_fit_line, (_fit_line_torch,), CORRECT, None),
        (check_fit_line, (lambda x, y: _fit_line_torch(x, y, "float32"),), CORRECT, None),
        (check_fit_line, (lambda x, y: _fit_line_torch(x, y, "float16"),), WRONG,
         "float16"),
        (check_fit_line, (_fit_line_torch_lstsq,), CORRECT, None),
        (check_lstsq_unit_columns, (_unit_torch,), CORRECT, None),
        (check_lstsq_unit_columns, (_unit_torch_unscaled,), WRONG, "never scales the columns"),
    ]

# ---------------------------------------------------------------- Exercise 4: family bootstrap


def boot_right(x, y, family, num_boot, rng):  # one draw of family indices per replicate
    num_families = family.max() + 1
    members = [np.flatnonzero(family == g) for g in range(num_families)]
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        drawn = rng.integers(0, num_families, size=num_families)
        rows = np.concatenate([members[g] for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def boot_isin(x, y, family, num_boot, rng):  # a family drawn twice kept once (review L3)
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        keep = np.isin(family, rng.integers(0, num_families, size=num_families))
        slopes[r] = np.polyfit(x[keep], y[keep], 1)[0]
    return slopes


def boot_unique(x, y, family, num_boot, rng):  # the same through np.unique of the draws
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        drawn = np.unique(rng.integers(0, num_families, size=num_families))
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def boot_x_on_y(x, y, family, num_boot, rng):  # slope(y[rows], x[rows]): x regressed on y
    num_families = family.max() + 1
    members = [np.flatnonzero(family == g) for g in range(num_families)]
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        rows = np.concatenate([members[g] for g in rng.integers(0, num_families, num_families)])
        slopes[r] = np.polyfit(y[rows], x[rows], 1)[0]
    return slopes


def boot_shared_blocks(x, y, family, num_boot, rng, size=2, share=0.5):
    # Replicates in blocks of `size` share one common draw of share * G families
    num_families = family.max() + 1
    members = [np.flatnonzero(family == g) for g in range(num_families)]
    num_common = int(share * num_families)
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        if r % size == 0:
            common = rng.integers(0, num_families, num_common)
        drawn = np.r_[common, rng.integers(0, num_families, num_families - num_common)]
        rows = np.concatenate([members[g] for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def boot_matrix(x, y, family, num_boot, rng):  # the index matrix, lstsq, rng.choice
    labels = np.unique(family)
    drawn = rng.choice(labels, size=(num_boot, len(labels)), replace=True)
    out = []
    for row in drawn:
        rows = np.concatenate([np.flatnonzero(family == g) for g in row])
        theta, *_ = np.linalg.lstsq(add_bias(x[rows].reshape(-1, 1)), y[rows], rcond=None)
        out.append(theta[1])
    return np.array(out)


def boot_spawn(x, y, family, num_boot, rng):  # a child stream per replicate, closed form
    num_families = family.max() + 1
    slopes = []
    for child in rng.spawn(num_boot):
        drawn = child.integers(num_families, size=num_families)
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        xc, yc = x[rows] - x[rows].mean(), y[rows] - y[rows].mean()
        slopes.append(xc @ yc / (xc @ xc))
    return slopes


def boot_children(x, y, family, num_boot, rng):  # resamples children, not families
    n = len(x)
    return np.array([np.polyfit(x[rows], y[rows], 1)[0]
                     for rows in rng.integers(0, n, size=(num_boot, n))])


def boot_reused(x, y, family, num_boot, rng):  # one resample for every replicate
    num_families = family.max() + 1
    drawn = rng.integers(0, num_families, size=num_families)
    rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
    return np.full(num_boot, np.polyfit(x[rows], y[rows], 1)[0])


def boot_wide_seed_arithmetic(x, y, family, num_boot, rng):  # 63-bit bases, 2**32 apart
    base = int(rng.integers(2**63))
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        seq = np.random.SeedSequence(base * 2**32 + r)
        drawn = np.random.default_rng(seq).integers(0, num_families, size=num_families)
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def boot_seed_arithmetic(x, y, family, num_boot, rng):
    base = int(rng.integers(2**31))
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        drawn = np.random.default_rng(base + r).integers(0, num_families, size=num_families)
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def boot_legacy(x, y, family, num_boot, rng):
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        drawn = np.random.randint(0, num_families, size=num_families)  # noqa: NPY002
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def _boot_drawing(draw, dtype=float):
    """A family bootstrap whose family indices for one replicate are draw(rng, G)."""
    def boot(x, y, family, num_boot, rng):
        out = np.empty(num_boot, dtype=dtype)
        for r in range(num_boot):
            drawn = draw(rng, family.max() + 1)
            rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
            out[r] = np.polyfit(x[rows], y[rows], 1)[0]
        return out
    return boot


boot_float32 = _boot_drawing(lambda rng, g: rng.integers(g, size=g), np.float32)
boot_last_missing = _boot_drawing(lambda rng, g: rng.integers(g - 1, size=g))
boot_half_no_replace = _boot_drawing(lambda rng, g: rng.choice(g, size=g // 2, replace=False))


def boot_permutation(x, y, family, num_boot, rng):  # without replacement
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        drawn = rng.permutation(num_families)
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def boot_intercepts(x, y, family, num_boot, rng):
    num_families = family.max() + 1
    out = np.empty(num_boot)
    for r in range(num_boot):
        drawn = rng.integers(0, num_families, size=num_families)
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        out[r] = np.polyfit(x[rows], y[rows], 1)[1]
    return out


def boot_pairs(x, y, family, num_boot, rng):  # (b, w) per replicate
    num_families = family.max() + 1
    out = np.empty((num_boot, 2))
    for r in range(num_boot):
        drawn = rng.integers(0, num_families, size=num_families)
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        out[r] = np.polyfit(x[rows], y[rows], 1)[::-1]
    return out


def boot_in_place(x, y, family, num_boot, rng):
    x -= x.mean()
    return boot_right(x, y, family, num_boot, rng)


def boot_fixed_seed(x, y, family, num_boot, rng):  # a new generator, ignoring rng
    return boot_right(x, y, family, num_boot, np.random.default_rng(0))


def boot_no_rows_per_family(x, y, family, num_boot, rng):  # draws too few families
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        drawn = rng.integers(0, num_families, size=max(2, num_families // 4))
        rows = np.concatenate([np.flatnonzero(family == g) for g in drawn])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def _boot_fitting(fit, draws_per_child=False):
    """A family bootstrap that draws G family indices (or len(x): one per child) and fits
    each resample's slope with fit(x, y)."""
    def boot(x, y, family, num_boot, rng):
        num_families = family.max() + 1
        members = [np.flatnonzero(family == g) for g in range(num_families)]
        out = np.empty(num_boot)
        for r in range(num_boot):
            drawn = rng.integers(0, num_families, len(x) if draws_per_child else num_families)
            rows = np.concatenate([members[g] for g in drawn])
            out[r] = fit(x[rows], y[rows])
        return out
    return boot


def _slope_one_pass(x, y):  # the one-pass formula: it cancels when x is far from 0
    return (np.mean(x * y) - x.mean() * y.mean()) / (np.mean(x**2) - x.mean() ** 2)


def _slope_normal_equations(x, y):
    A = add_bias(x.reshape(-1, 1))
    return np.linalg.solve(A.T @ A, A.T @ y)[1]


def _slope_centred(x, y):  # the closed form on centred x: exact however far x is from 0
    xc = x - x.mean()
    return xc @ (y - y.mean()) / (xc @ xc)


def _slope_cov(x, y):  # np.cov centres too
    c = np.cov(x, y)
    return c[0, 1] / c[0, 0]


CASES += [
    (check_family_bootstrap, (boot_isin,), WRONG,
     "a family drawn twice must count twice (its children twice)"),
    (check_family_bootstrap, (boot_unique,), WRONG, "np.isin(family, drawn), or np.unique"),
    (check_family_bootstrap, (_boot_fitting(lambda x, y: np.polyfit(x, y, 1)[0], True),),
     WRONG, "Draw G family indices, not one per child"),
    (check_family_bootstrap, (_boot_fitting(_slope_centred, True),), WRONG,
     "but 480 of them, one per child"),
    (check_family_bootstrap, (_boot_fitting(_slope_one_pass),), WRONG,
     "the one-pass sums formula"),
    (check_family_bootstrap, (_boot_fitting(_slope_normal_equations),), WRONG,
     "with x near 1e+06"),
    (check_family_bootstrap, (_boot_fitting(_slope_centred),), CORRECT, "exact least-squares"),
    (check_family_bootstrap, (_boot_fitting(_slope_cov),), CORRECT, None),
    (check_family_bootstrap, (_boot_fitting(lambda x, y: scipy.stats.linregress(x, y)[0]),),
     CORRECT, None),
]

CASES += [
    (check_family_bootstrap, (boot_right,), CORRECT, "whole families"),
    (check_family_bootstrap, (boot_x_on_y,), WRONG, "line of x regressed on y (x and y swapped)"),
    (check_family_bootstrap, (boot_shared_blocks,), WRONG, "in blocks of 2 consecutive"),
    (check_family_bootstrap, (lambda *a: boot_shared_blocks(*a, size=10, share=0.4),), WRONG,
     "Your resamples share families within a block"),
    (check_family_bootstrap, (boot_matrix,), CORRECT, None),
    (check_family_bootstrap, (boot_spawn,), CORRECT, None),
    (check_family_bootstrap, (boot_children,), WRONG, "as if you resampled children"),
    (check_family_bootstrap, (boot_reused,), WRONG, "same resample is reused"),
    (check_family_bootstrap, (boot_seed_arithmetic,), WRONG, "seed arithmetic"),
    (check_family_bootstrap, (boot_wide_seed_arithmetic,), WRONG, "however wide the base"),
    (check_family_bootstrap, (boot_fixed_seed,), WRONG, "new seeds"),
    (check_family_bootstrap, (boot_legacy,), WRONG, "global np.random"),
    (check_family_bootstrap, (boot_permutation,), WRONG, "without replacement"),
    (check_family_bootstrap, (boot_float32,), WRONG,
     "your slopes are float32, which holds only about 7 digits; compute in float64"),
    (check_family_bootstrap, (boot_last_missing,), WRONG, "never appears"),
    (check_family_bootstrap, (boot_half_no_replace,), WRONG, "more often than another"),
    (check_family_bootstrap, (boot_intercepts,), WRONG, "intercepts"),
    (check_family_bootstrap, (boot_pairs,), WRONG, "(b, w) pairs"),
    (check_family_bootstrap, (lambda *a: np.sort(boot_right(*a)),), WRONG, "sorted"),
    (check_family_bootstrap, (boot_in_place,), WRONG, "in place"),
    (check_family_bootstrap, (boot_no_rows_per_family,), WRONG, "far from that of a family"),
    (check_family_bootstrap, (lambda x, y, family, num_boot, rng: ...,), NOT_ATTEMPTED, None),
]


def _members(family):
    num_families = family.max() + 1
    return num_families, [np.flatnonzero(family == g) for g in range(num_families)]


def boot_overlap_half(x, y, family, num_boot, rng):  # each resample keeps half the last one
    num_families, members = _members(family)
    previous = rng.integers(num_families, size=num_families)
    out = np.empty(num_boot)
    for r in range(num_boot):
        drawn = np.r_[previous[num_families // 2:],
                      rng.integers(num_families, size=num_families - num_families // 2)]
        previous = drawn
        rows = np.concatenate([members[g] for g in drawn])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


def boot_sliding_window(x, y, family, num_boot, rng):  # windows of one long draw: overlap
    num_families, members = _members(family)
    long_draw = rng.integers(num_families, size=num_boot + num_families - 1)
    out = np.empty(num_boot)
    for r in range(num_boot):
        rows = np.concatenate([members[g] for g in long_draw[r:r + num_families]])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


def boot_pairs_of_reps(x, y, family, num_boot, rng):  # every resample used twice
    return np.repeat(boot_right(x, y, family, (num_boot + 1) // 2, rng), 2)[:num_boot]


def boot_repeated_tens(x, y, family, num_boot, rng):  # np.repeat(s, 10): runs of 10 ties
    return np.repeat(boot_right(x, y, family, -(-num_boot // 10), rng), 10)[:num_boot]


def boot_cycle(x, y, family, num_boot, rng):  # 50 resamples repeated to fill num_boot
    return np.resize(boot_right(x, y, family, 50, rng), num_boot)


def boot_half_sorted(x, y, family, num_boot, rng):  # the first half sorted
    slopes = boot_right(x, y, family, num_boot, rng)
    slopes[:num_boot // 2] = np.sort(slopes[:num_boot // 2])
    return slopes


def boot_list_seeds(x, y, family, num_boot, rng):  # [base, r] seeds: new seeds, from rng
    base = int(rng.integers(2**31))
    num_families, members = _members(family)
    out = np.empty(num_boot)
    for r in range(num_boot):
        drawn = np.random.default_rng([base, r]).integers(num_families, size=num_families)
        rows = np.concatenate([members[g] for g in drawn])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


CASES += [
    (check_family_bootstrap, (boot_overlap_half,), WRONG, "share families with the previous"),
    (check_family_bootstrap, (boot_sliding_window,), WRONG, "a sliding window"),
    (check_family_bootstrap, (boot_pairs_of_reps,), WRONG, "repeated resamples"),
    (check_family_bootstrap, (boot_cycle,), WRONG, "cycled or repeated"),
    # runs of repeats join into long monotone stretches: named as repeats, not as sorted
    (check_family_bootstrap, (boot_repeated_tens,), WRONG,
     "repeated in a row about 10 times, as np.repeat(s, 10) does (runs of equal slopes"),
    (check_family_bootstrap, (boot_pairs_of_reps,), WRONG, "as np.repeat(s, 2) does;"),
    (check_family_bootstrap, (boot_half_sorted,), WRONG, "in a row are sorted"),
    (check_family_bootstrap, (boot_list_seeds,), WRONG, "numbers drawn from rng are new seeds"),
]


def boot_three_g(x, y, family, num_boot, rng):  # 3G families a resample: too many, not n
    num_families, members = _members(family)
    out = np.empty(num_boot)
    for r in range(num_boot):
        drawn = rng.integers(num_families, size=3 * num_families)
        rows = np.concatenate([members[g] for g in drawn])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


CASES += [
    # on the 4-family probe of 3 children each, 3G = 12 = len(x): the probe now has 11
    (check_family_bootstrap, (boot_three_g,), WRONG, "far from that of a family bootstrap"),
]


def ridge_alpha_rounded(X, y, alpha):  # int(alpha): 1e-10 becomes 0, no Gram matrix anywhere
    return ridge_right(X, y, int(alpha))


def ridge_scalar_mean(X, y, alpha):  # X.mean() over all entries, not each column's
    d = X.shape[1]
    taller = np.vstack([X - X.mean(), np.sqrt(alpha) * np.eye(d)])
    w, *_ = np.linalg.lstsq(taller, np.r_[y - y.mean(), np.zeros(d)], rcond=None)
    return w, y.mean() - X.mean() * w.sum()


CASES += [
    (check_ridge, (ridge_alpha_rounded,), WRONG, "the same as at alpha = 0"),
    (check_ridge, (ridge_scalar_mean,), WRONG, "X - X.mean(axis=0)"),
]


def boot_size_biased(x, y, family, num_boot, rng):  # a random child's family: size-biased
    num_families, members = _members(family)
    out = np.empty(num_boot)
    for r in range(num_boot):
        drawn = family[rng.integers(0, len(x), num_families)]
        rows = np.concatenate([members[g] for g in drawn])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


def boot_choice_of_labels(x, y, family, num_boot, rng):  # rng.choice(family): size-biased
    num_families, members = _members(family)
    out = np.empty(num_boot)
    for r in range(num_boot):
        rows = np.concatenate([members[g] for g in rng.choice(family, num_families)])
        out[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return out


def boot_size_squared(x, y, family, num_boot, rng):  # weights size**2: neither uniform nor size
    num_families, members = _members(family)
    weights = np.array([len(m) for m in members], dtype=float) ** 2
    out = np.empty(num_boot)
    for r in range(num_boot):
        drawn = rng.choice(num_families, num_families, p=weights / weights.sum())
        rows = np.concatenate([members[g] for g in drawn])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


CASES += [
    (check_family_bootstrap, (boot_size_biased,), WRONG, "Draw family INDICES uniformly"),
    (check_family_bootstrap, (boot_choice_of_labels,), WRONG,
     "proportional to their size"),
    (check_family_bootstrap, (boot_size_squared,), WRONG,
     "each family equally likely whatever its size"),
]


def unit_gelsy_unscaled(A, y):  # scipy's QR-with-pivoting driver, no column scaling at all
    return scipy.linalg.lstsq(A, y, lapack_driver="gelsy")[0]


CASES += [
    (check_lstsq_unit_columns, (unit_gelsy_unscaled,), WRONG, "what plain lstsq does"),
]


def _fit_drawn(x, y, members, drawn):  # lstsq slope of the resample of families `drawn`
    rows = np.concatenate([members[g] for g in drawn])
    return np.linalg.lstsq(add_bias(x[rows].reshape(-1, 1)), y[rows], rcond=None)[0][1]


def _boot_from_indices(make):
    """A family bootstrap fitting the resamples of the index matrix make(rng, G, num_boot)."""
    def boot(x, y, family, num_boot, rng):
        num_families, members = _members(family)
        return np.array([_fit_drawn(x, y, members, d)
                         for d in make(rng, num_families, num_boot)])
    return boot


def _half_then(rng, G, num_boot, second):  # the reviewer's: a second half computed from the first
    drawn = rng.integers(0, G, ((num_boot + 1) // 2, G))
    return np.vstack([drawn, second(drawn, G)])[:num_boot]


def _keep_fifth(rng, G, num_boot):  # d[:G//5] = prev[:G//5]: a fifth kept from the last one
    drawn = rng.integers(0, G, (num_boot, G))
    for r in range(1, num_boot):
        drawn[r, :G // 5] = drawn[r - 1, :G // 5]
    return drawn


def _lag7_third(rng, G, num_boot):  # D[i, :G//3] = D[i-7, :G//3]
    drawn = rng.integers(0, G, (num_boot, G))
    for r in range(7, num_boot):
        drawn[r, :G // 3] = drawn[r - 7, :G // 3]
    return drawn


def _pairs_quarter(rng, G, num_boot):  # in pairs, the second reusing a quarter of the first
    drawn = rng.integers(0, G, (num_boot, G))
    drawn[1::2, :G // 4] = drawn[0:num_boot - 1:2, :G // 4]
    return drawn


def _chain_tenths(rng, G, num_boot):  # a tenth from the last replicate, a tenth from the one before
    t = max(1, G // 10)
    drawn = rng.integers(0, G, (num_boot, G))
    for r in range(2, num_boot):
        drawn[r, :t], drawn[r, t:2 * t] = drawn[r - 1, t:2 * t], drawn[r - 2, 2 * t:3 * t]
    return drawn


def boot_counts_weighted(x, y, family, num_boot, rng):  # multinomial counts as weights: right
    num_families = family.max() + 1
    out = []
    for counts in rng.multinomial(num_families, np.full(num_families, 1 / num_families),
                                  size=num_boot):
        w = counts[family].astype(float)
        xm, ym = w @ x / w.sum(), w @ y / w.sum()
        out.append(w @ ((x - xm) * (y - ym)) / (w @ (x - xm) ** 2))
    return np.array(out)


CASES += [
    (check_family_bootstrap,
     (_boot_from_indices(lambda rng, G, n: _half_then(rng, G, n, lambda d, G: (d + 1) % G)),),
     WRONG, "takes family (d + 1) % 20 for each family d"),
    (check_family_bootstrap,
     (_boot_from_indices(lambda rng, G, n: _half_then(rng, G, n, lambda d, G: G - 1 - d)),),
     WRONG, "takes family (19 - d) % 20 for each family d"),
    (check_family_bootstrap,  # a fixed relabelling, neither a shift nor a mirror
     (_boot_from_indices(lambda rng, G, n: _half_then(
         rng, G, n, lambda d, G: np.argsort(np.sin(7.3 * np.arange(G)))[d])),),
     WRONG, "your resamples are functions of other ones"),
    (check_family_bootstrap, (_boot_from_indices(_keep_fifth),), WRONG,
     "takes the same families that resample r took, in about 4 of its 20"),
    (check_family_bootstrap, (_boot_from_indices(_lag7_third),), WRONG,
     "share draws with another"),
    (check_family_bootstrap, (_boot_from_indices(_pairs_quarter),), WRONG,
     "resample r + 1 takes the same families"),
    (check_family_bootstrap, (_boot_from_indices(_chain_tenths),), WRONG,
     "share draws with another"),
    (check_family_bootstrap, (_boot_from_indices(lambda rng, G, n: rng.integers(0, G, (n, G))),),
     CORRECT, "whole families"),
    (check_family_bootstrap, (boot_counts_weighted,), CORRECT, None),
]


# The expert sweep's resamples that are not i.i.d. draws of families: a balanced bootstrap
# (every family exactly num_boot times over all resamples) and resamples reshuffled from
# one draw; then right answers that cut or shape one draw differently.
def _balanced(rng, G, num_boot):  # np.tile(families, B), shuffled, cut into B resamples
    return rng.permutation(np.tile(np.arange(G), num_boot)).reshape(num_boot, G)


def _one_multiset(rng, G, num_boot):  # every resample a reshuffle of the same G indices
    drawn = rng.integers(0, G, G)
    return np.array([rng.permutation(drawn) for _ in range(num_boot)])


def _columns_of_permutations(rng, G, num_boot):  # rows permute one draw; a column a resample
    drawn = rng.integers(0, G, num_boot)
    return np.array([rng.permutation(drawn) for _ in range(G)]).T


def _one_long_draw(rng, G, num_boot):  # one i.i.d. draw of num_boot * G, cut: right
    return rng.integers(0, G, num_boot * G).reshape(num_boot, G)


def _choice_columns(rng, G, num_boot):  # a (G, num_boot) matrix, one resample per column
    return rng.choice(G, size=(G, num_boot), replace=True).T


def _per_replicate_choice(rng, G, num_boot):  # a loop, rng.choice per replicate: right
    return [rng.choice(np.arange(G), G) for _ in range(num_boot)]


CASES += [
    (check_family_bootstrap, (_boot_from_indices(_balanced),), WRONG,
     "a balanced bootstrap"),
    (check_family_bootstrap, (_boot_from_indices(_one_multiset),), WRONG,
     "every resample holds the same families"),
    (check_family_bootstrap, (_boot_from_indices(_columns_of_permutations),), WRONG,
     "reshuffles of one draw"),
    (check_family_bootstrap, (_boot_from_indices(_one_long_draw),), CORRECT, "whole families"),
    (check_family_bootstrap, (_boot_from_indices(_choice_columns),), CORRECT, None),
    (check_family_bootstrap, (_boot_from_indices(_per_replicate_choice),), CORRECT, None),
]


# ------------------------------------------------- Exercises 1 and 3: library one-liners
# Exercises 1 and 3 ask for np.linalg.lstsq on a system the learner builds ("not the course's
# fit_least_squares / fit_ridge, which does it for you"): a library call that fits the whole
# line or ridge does it for them just as well. Exercise 4's prompt allows np.polyfit.


def fit_line_linregress_alias(x, y):  # imported under another name
    result = _lr(x, y)
    return result.slope, result.intercept


def fit_line_sklearn(x, y):
    model = LinearRegression().fit(x.reshape(-1, 1), y)
    return model.coef_[0], model.intercept_


def OLS(x, y):  # the learner's own helper, named like statsmodels': lstsq inside
    theta, *_ = np.linalg.lstsq(add_bias(x.reshape(-1, 1)), y, rcond=None)
    return theta[::-1]


def fit_line_own_ols(x, y):
    w, b = OLS(x, y)
    return w, b


def polyfit(x, y):  # the learner's own helper, named like NumPy's (review L3): it is fine,
    return fit_line_right(x, y)  # and hides no np.polyfit (this module's other cases)


def fit_line_own_polyfit(x, y):
    return polyfit(x, y)


def fit_line_np_polyfit_nested(x, y):  # np.polyfit one function down, next to a global polyfit
    return _line_via_np_polyfit(x, y)


def _line_via_np_polyfit(x, y):
    return tuple(np.polyfit(x, y, 1))


def ridge_sklearn_function(X, y, alpha):  # the function form, solver="svd", by attribute
    x_mean, y_mean = X.mean(axis=0), y.mean()
    w = sklearn.linear_model.ridge_regression(X - x_mean, y - y_mean, alpha, solver="svd")
    return w, y_mean - x_mean @ w


def ridge_sklearn_alias(X, y, alpha):
    model = _SkRidge(alpha=alpha, solver="svd").fit(X, y)
    return model.coef_, model.intercept_


CASES += [
    (check_fit_line, (fit_line_linregress_alias,), WRONG, "not scipy.stats.linregress"),
    (check_fit_line, (fit_line_sklearn,), WRONG, "not scikit-learn's LinearRegression"),
    (check_fit_line, (fit_line_own_ols,), CORRECT, None),
    (check_fit_line, (fit_line_own_polyfit,), CORRECT, None),
    (check_fit_line, (fit_line_np_polyfit_nested,), WRONG, "not np.polyfit"),
    (check_ridge, (ridge_sklearn_function,), WRONG, "not scikit-learn's ridge_regression"),
    (check_ridge, (ridge_sklearn_alias,), WRONG, "not scikit-learn's Ridge"),
]


# --------------------------------------------------- Exercise 4: slopes computed in float32
# Exercises 2 and 3 reject a float32 result ("... which holds only about 7 digits; compute in
# float64"); Exercise 4 now does too, and names float32 when its slopes were cast back to
# float64 or miss the right draws' slopes by float32's digits only.


def _boot_in(dtype, fit="lstsq", out_dtype=None):
    """The right family bootstrap computed in ``dtype`` (data cast first), its slopes
    returned in ``out_dtype`` (default: ``dtype``)."""
    def boot(x, y, family, num_boot, rng):
        x, y = x.astype(dtype), y.astype(dtype)
        num_families, members = _members(family)
        out = np.empty(num_boot, dtype=out_dtype or dtype)
        for r in range(num_boot):
            rows = np.concatenate([members[g] for g in rng.integers(num_families,
                                                                    size=num_families)])
            if fit == "polyfit":
                out[r] = np.polyfit(x[rows], y[rows], 1)[0]
            elif fit == "centred":  # every step in dtype
                out[r] = _slope_centred(x[rows], y[rows])
            else:  # add_bias's ones are float64: lstsq in float64 on data rounded to dtype
                theta = np.linalg.lstsq(add_bias(x[rows].reshape(-1, 1)), y[rows], rcond=None)[0]
                out[r] = theta[1]
        return out
    return boot


CASES += [
    # float32 throughout (the reviewer's: told that 88 of its 200 slopes were no draw's)
    (check_family_bootstrap, (_boot_in(np.float32, "centred"),), WRONG,
     "your slopes are float32, which holds only about 7 digits; compute in float64"),
    (check_family_bootstrap, (_boot_in(np.float32),), WRONG, "your slopes are float32"),
    (check_family_bootstrap, (_boot_in(np.float16, "centred"),), WRONG,
     "your slopes are float16, which holds only about 3 digits"),
    (check_family_bootstrap, (_boot_in(np.float32, "centred", np.float64),), WRONG,
     "all are float32 values: you computed in float32"),
    (check_family_bootstrap, (_boot_in(np.float16, "centred", np.float64),), WRONG,
     "all are float16 values: you computed in float16"),
    (check_family_bootstrap, (_boot_in(np.float32, "lstsq", np.float64),), WRONG,
     "only to about 5 digits, as rounding to float32"),
    (check_family_bootstrap, (lambda *a: list(_boot_in(np.float32)(*a)),), WRONG,
     "your slopes are float32"),
    # np.polyfit on float32 data: float64 slopes, right only to float32's digits
    (check_family_bootstrap, (_boot_in(np.float32, "polyfit", np.float64),), WRONG,
     "as rounding to float32 (data or arithmetic) gives"),
    (check_family_bootstrap, (_boot_in(np.float64, "polyfit"),), CORRECT, None),
]
if importlib.util.find_spec("torch") is not None:
    CASES += [
        (check_family_bootstrap, (lambda *a: __import__("torch").from_numpy(
            boot_right(*a).astype(np.float32)),), WRONG, "your slopes are float32"),
    ]


# family_bootstrap_slopes with PyTorch's generators: a torch.Generator seeded from rng, or
# the global one reseeded from rng, is a new seed, as RandomState(rng.integers(...)) is;
# torch is imported inside the answer, as a learner's cell may do.
def _boot_torch(x, y, family, num_boot, rng, how="generator"):
    import torch
    num_families, members = _members(family)
    seed = int(rng.integers(2**31))
    if how == "generator":
        gen = torch.Generator().manual_seed(seed)
    elif how == "global":
        torch.manual_seed(seed)
        gen = None
    else:  # "unseeded": the global generator as it stands
        gen = None
    drawn = torch.randint(0, num_families, (num_boot, num_families), generator=gen).numpy()
    out = np.empty(num_boot)
    for r in range(num_boot):
        rows = np.concatenate([members[g] for g in drawn[r]])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


if importlib.util.find_spec("torch") is not None:
    CASES += [
        (check_family_bootstrap, (_boot_torch,), WRONG, "makes generators from new seeds"),
        (check_family_bootstrap, (lambda *a: _boot_torch(*a, how="global"),), WRONG,
         "reseeds PyTorch's global generator (torch.manual_seed)"),
        (check_family_bootstrap, (lambda *a: _boot_torch(*a, how="unseeded"),), WRONG,
         "draws from PyTorch's global generator"),
    ]


def boot_common_part(x, y, family, num_boot, rng, share=2, last=False):
    # 1/share of each resample's families drawn once and reused in every replicate, the rest
    # drawn afresh: as many families as there are, but resamples that share a common part
    num_families, members = _members(family)
    common = rng.integers(0, num_families, num_families // share)
    out = np.empty(num_boot)
    for r in range(num_boot):
        fresh = rng.integers(0, num_families, num_families - len(common))
        drawn = np.concatenate([fresh, common] if last else [common, fresh])
        rows = np.concatenate([members[g] for g in drawn])
        out[r] = _slope_centred(x[rows], y[rows])
    return out


CASES += [
    # its slopes spread too little (sd 0.156 against 0.211): the sharing is named, not the
    # number of families drawn, which is right
    (check_family_bootstrap, (boot_common_part,), WRONG,
     "share a part drawn once and reused in every replicate"),
    (check_family_bootstrap, (lambda *a: boot_common_part(*a, last=True),), WRONG,
     "share a part drawn once and reused in every replicate"),
    # a smaller common part, whose spread is within the tolerance: the probe of the draws
    # names it as draws kept from an earlier replicate
    (check_family_bootstrap, (lambda *a: boot_common_part(*a, share=5),), WRONG,
     "takes the same families that resample r took"),
]


# ------------------------------------------- issue 20: seeding the watcher once missed, and rng
# left where it was (copies, jumps, a restored state)

def _boot_with(make):
    return lambda x, y, family, num_boot, rng: boot_right(x, y, family, num_boot, make(rng))


def boot_reseeded_legacy(x, y, family, num_boot, rng):  # RandomState seeded after it is made
    legacy = np.random.RandomState()
    legacy.seed(int(rng.integers(2**32)))
    num_families = family.max() + 1
    slopes = np.empty(num_boot)
    for r in range(num_boot):
        rows = np.concatenate([np.flatnonzero(family == g)
                               for g in legacy.randint(0, num_families, num_families)])
        slopes[r] = np.polyfit(x[rows], y[rows], 1)[0]
    return slopes


def _boot_state_set(rng):  # rng's state copied onto a generator of its own
    g = np.random.Generator(np.random.PCG64())
    g.bit_generator.state = rng.spawn(1)[0].bit_generator.state
    return g


def boot_restored(x, y, family, num_boot, rng):
    saved = rng.bit_generator.state
    slopes = boot_right(x, y, family, num_boot, rng)
    rng.bit_generator.state = saved
    return slopes


CASES += [
    (check_family_bootstrap, (_boot_with(lambda rng: np.random.Generator(
        np.random.Philox(key=int(rng.integers(2**63))))),), WRONG, "new seeds"),
    (check_family_bootstrap, (boot_reseeded_legacy,), WRONG, "new seeds"),
    (check_family_bootstrap, (_boot_with(_boot_state_set),), WRONG, "sets a generator's state"),
    (check_family_bootstrap, (_boot_with(copy.deepcopy),), WRONG, "left rng where it found it"),
    (check_family_bootstrap, (_boot_with(lambda rng: np.random.Generator(
        rng.bit_generator.jumped())),), WRONG, "left rng where it found it"),
    (check_family_bootstrap, (boot_restored,), WRONG, "left rng where it found it"),
]


# Whole families resampled rightly, but another statistic of each resample returned (review
# M1, L2): named as such, before the slopes' spread blames the draw.
def _standardized(v):
    return (v - v.mean()) / v.std()


CASES += [
    (check_family_bootstrap, (_boot_fitting(lambda x, y: np.corrcoef(x, y)[0, 1]),), WRONG,
     "the correlation of x and y"),
    (check_family_bootstrap,
     (_boot_fitting(lambda x, y: np.polyfit(_standardized(x), _standardized(y), 1)[0]),),
     WRONG, "both in standard units"),
    (check_family_bootstrap, (_boot_fitting(lambda x, y: np.polyfit(_standardized(x), y, 1)[0]),),
     WRONG, "the slope with x in standard units"),
    (check_family_bootstrap, (_boot_fitting(  # ddof 1 for x's sd
        lambda x, y: np.polyfit((x - x.mean()) / x.std(ddof=1), y, 1)[0]),),
     WRONG, "the slope with x in standard units"),
    (check_family_bootstrap, (_boot_fitting(lambda x, y: np.polyfit(x, _standardized(y), 1)[0]),),
     WRONG, "the slope with y in standard units"),
    (check_family_bootstrap, (_boot_fitting(lambda x, y: np.cov(x, y)[0, 1] / np.var(x)),), WRONG,
     "off by the factor n / (n - 1)"),
]


# Ninth sweep: ready-made line fits the prompt rules out (the standard library's, a ridge
# with no penalty, scipy's curve_fit)
def _fit_statistics(x, y):
    import statistics

    return statistics.linear_regression(x.tolist(), y.tolist())


def _fit_ridge_zero(x, y):
    from sklearn.linear_model import Ridge

    model = Ridge(alpha=0.0).fit(x[:, None], y)
    return model.coef_[0], model.intercept_


def _fit_curve_fit(x, y):
    from scipy import optimize

    return tuple(optimize.curve_fit(lambda t, w, b: w * t + b, x, y)[0])


CASES += [
    (check_fit_line, (_fit_statistics,), WRONG, "not statistics.linear_regression"),
    (check_fit_line, (_fit_ridge_zero,), WRONG, "not scikit-learn's Ridge"),
    (check_fit_line, (_fit_curve_fit,), WRONG, "not scipy.optimize.curve_fit"),
]


# Ninth sweep: a copy of rng moved on by a token draw: rng moves, but two calls with one rng
# draw the same family indices, shifted by one 64-bit draw, so their resamples nearly agree
def _boot_token_copy(make):
    def family_bootstrap_slopes(x, y, family, num_boot, rng):
        g = make(rng)
        rng.random()
        return boot_right(x, y, family, num_boot, g)
    return family_bootstrap_slopes


CASES += [
    (check_family_bootstrap, (_boot_token_copy(copy.deepcopy),), WRONG, "the first's, shifted"),
    (check_family_bootstrap, (_boot_token_copy(lambda rng: np.random.Generator(
        rng.bit_generator.jumped())),), WRONG, "the first's, shifted"),
    (check_family_bootstrap, (_boot_with(lambda rng: rng.spawn(1)[0]),), CORRECT, None),
    (check_family_bootstrap, (_boot_with(np.random.default_rng),), CORRECT, None),
]


def _torch_float32_fit(x, y):
    """torch.Tensor is float32; .item() hides the dtype (a twelfth-sweep low: the hint named
    only the normal equations and rcond)."""
    import torch
    A = torch.Tensor(np.column_stack([np.ones_like(x), x]))
    sol = torch.linalg.lstsq(A, torch.Tensor(y)[:, None]).solution[:, 0]
    return sol[1].item(), sol[0].item()


if importlib.util.find_spec("torch") is not None:
    CASES += [(check_fit_line, (_torch_float32_fit,), WRONG, "float32")]
