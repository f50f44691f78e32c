"""Linear regression from scratch (Day 7): least squares and gradient descent.

The model is ``y ≈ X @ w + b`` for a data matrix ``X`` of shape ``(n, d)``. Every fitting
function returns the weights ``w`` (shape ``(d,)``) and the bias ``b`` (a float), in that
order and under those names, never a bare parameter vector whose order must be guessed.
"""

from __future__ import annotations

import math
import numbers
import operator
from fractions import Fraction

import numpy as np

# The divergence rule is shared with the network trainers of helpers.nn (one piece of code);
# its constants and rising_windows stay importable from here.
from helpers._divergence import (  # noqa: F401
    DIVERGENCE_PATIENCE,
    DIVERGENCE_WINDOW,
    FULL_BATCH_GROWTH,
    MINIBATCH_GROWTH,
    divergence,
    divergence_window,
    lower_lr,
    rising_windows,
)
from helpers._validate import as_float_array, check_int, check_positive, check_real, check_rng


def _check_Xy(X: np.typing.ArrayLike, y: np.typing.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    X = as_float_array(X, "X", ndim=(1, 2))
    if X.ndim == 1:
        raise ValueError(f"X must be 2-D (samples x features), got a 1-D array of shape "
                         f"{X.shape}; use X.reshape(-1, 1) for one feature")
    y = as_float_array(y, "y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X and y must have the same number of samples, got {X.shape[0]} "
                         f"and {y.shape[0]}")
    return X, y


def add_bias(X: np.typing.ArrayLike) -> np.ndarray:
    """Prepend a column of ones, so that ``add_bias(X) @ theta`` is ``X @ w + b``.

    The bias is the *first* entry of ``theta = [b, w_1, ..., w_d]``.

    Examples
    --------
    >>> add_bias([[2.0], [3.0]])
    array([[1., 2.],
           [1., 3.]])
    """
    X = as_float_array(X, "X", ndim=2)
    return np.column_stack([np.ones(X.shape[0]), X])


def _split(theta: np.ndarray) -> tuple[np.ndarray, float]:
    return theta[1:], float(theta[0])


def _check_unique(A: np.ndarray, rank: int) -> None:
    """Raise ValueError unless ``A = [1, X]`` has full column rank ``rank == A.shape[1]``:
    otherwise infinitely many ``(w, b)`` fit equally well and none is *the* answer."""
    n, columns = A.shape
    if rank == columns:
        return
    if n < columns:
        why = (f"X has {n} sample(s) for {columns - 1} feature(s) and the bias: at least "
               f"{columns} samples are needed")
    else:
        why = (f"the columns of [1, X] are linearly dependent (rank {rank} of {columns}): a "
               "constant feature, a duplicated one, or one that is a combination of others")
    raise ValueError(f"the least-squares (w, b) is not unique: {why}; drop the redundant "
                     "feature(s) or add samples")


def fit_least_squares(X: np.typing.ArrayLike,
                      y: np.typing.ArrayLike) -> tuple[np.ndarray, float]:
    """Least-squares ``(w, b)`` by ``np.linalg.lstsq`` (an SVD): the accurate way.

    Raises
    ------
    ValueError
        When the answer is not unique: fewer samples than features plus the bias, or
        features that are constant or linearly dependent (``[1, X]`` is rank deficient
        by ``lstsq``'s own test). ``lstsq`` would then return the smallest of infinitely
        many equally good ``(w, b)`` without a word.

    Examples
    --------
    >>> X = np.arange(1.0, 6.0).reshape(-1, 1)
    >>> w, b = fit_least_squares(X, 2 * X[:, 0] + 1)
    >>> w.round(6), round(b, 6)
    (array([2.]), 1.0)
    >>> fit_least_squares([[1.0]], [2.0])  # one point: every line through it fits
    Traceback (most recent call last):
    ...
    ValueError: the least-squares (w, b) is not unique: X has 1 sample(s) for 1 feature(s) and
    the bias: at least 2 samples are needed; drop the redundant feature(s) or add samples
    """
    X, y = _check_Xy(X, y)
    A = add_bias(X)
    theta, _, rank, _ = np.linalg.lstsq(A, y, rcond=None)
    _check_unique(A, int(rank))
    return _split(theta)


def fit_normal_equation(X: np.typing.ArrayLike,
                        y: np.typing.ArrayLike) -> tuple[np.ndarray, float]:
    """Least-squares ``(w, b)`` by solving the normal equations ``A^T A theta = A^T y``.

    For teaching: forming ``A^T A`` squares the condition number, so this loses about
    twice as many digits as :func:`fit_least_squares` on ill-conditioned data (Longley).
    A problem whose answer is not unique raises ``ValueError``, as there.

    Examples
    --------
    >>> X = np.arange(1.0, 6.0).reshape(-1, 1)
    >>> w, b = fit_normal_equation(X, 2 * X[:, 0])
    >>> w.round(6), round(b, 6) + 0.0
    (array([2.]), 0.0)
    """
    X, y = _check_Xy(X, y)
    A = add_bias(X)
    _check_unique(A, int(np.linalg.matrix_rank(A)))
    try:
        return _split(np.linalg.solve(A.T @ A, A.T @ y))
    except np.linalg.LinAlgError:
        raise ValueError(f"A^T A is singular to working precision (its condition number is "
                         f"{np.linalg.cond(A) ** 2:.1e}, the square of A's): use "
                         "fit_least_squares") from None


def predict(X: np.typing.ArrayLike, w: np.typing.ArrayLike, b: float) -> np.ndarray:
    """``X @ w + b``.

    Examples
    --------
    >>> predict([[1.0, 2.0]], [3.0, 4.0], 0.5)
    array([11.5])
    """
    X = as_float_array(X, "X", ndim=2)
    w = as_float_array(w, "w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(f"w must have one weight per feature ({X.shape[1]}), got {w.shape[0]}")
    return X @ w + check_real(b, "b")


def mse(y_true: np.typing.ArrayLike, y_pred: np.typing.ArrayLike) -> float:
    """Mean squared error.

    Examples
    --------
    >>> mse([1.0, 2.0], [1.0, 4.0])
    2.0
    """
    y_true = as_float_array(y_true, "y_true", ndim=1)
    y_pred = as_float_array(y_pred, "y_pred", ndim=1)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must have the same shape, got {y_true.shape} "
                         f"and {y_pred.shape}")
    return float(np.mean((y_true - y_pred) ** 2))


def r2_score(y_true: np.typing.ArrayLike, y_pred: np.typing.ArrayLike) -> float:
    """Coefficient of determination ``1 - SS_res / SS_tot``.

    1 is a perfect fit; 0 is no better than predicting the mean of ``y_true``.

    Examples
    --------
    >>> r2_score([1.0, 2.0, 3.0], [1.0, 2.0, 4.0])
    0.5
    """
    error = mse(y_true, y_pred)
    y_true = np.asarray(y_true, dtype=float)
    variance = float(np.mean((y_true - y_true.mean()) ** 2))
    if variance == 0:
        raise ValueError("y_true is constant, so R^2 is undefined (0/0)")
    return 1.0 - error / variance


def _check_full_batch_end(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float,
                          losses: list[float], lr: float, num_epochs: int,
                          standardized: bool = False) -> None:
    """Raise unless a full-batch run ends at its lowest loss, up to rounding.

    On a least-squares loss a stable lr never raises the loss, so a run whose loss after
    its last step is above its lowest is diverging, however long it ran (the window test
    needs rises in a row, which a short run or one that first fell may not have).
    "Rounding" is what rounding alone can change in a computed loss near these parameters:
    a relative 1e-9, plus a bound on the rounding error of the residuals (it matters only
    when the loss is near 0, as for data that a line fits exactly).
    """
    with np.errstate(over="ignore", invalid="ignore"):
        r = X @ w + b - y
        final = float(np.mean(r * r))
        slack = 4 * (X.shape[1] + 2) * np.finfo(float).eps * (
            np.abs(X) @ np.abs(w) + abs(b) + np.abs(y))
        noise = float(np.mean(slack * slack))
    k = int(np.argmin(losses))  # losses[k]: the loss after k epochs
    lowest = losses[k]
    if not final <= FULL_BATCH_GROWTH * lowest + 2 * math.sqrt(lowest * noise) + noise:
        when = "at the start" if k == 0 else f"after {k} epoch{'s' * (k > 1)}"
        raise FloatingPointError(
            f"gradient descent is diverging: in {num_epochs} epoch{'s' * (num_epochs > 1)} "
            f"the loss rose from {lowest:.3g} at its lowest ({when}) to {final:.3g} at the "
            f"end; {lower_lr(lr, standardized)}")


def fit_gradient_descent(X: np.typing.ArrayLike, y: np.typing.ArrayLike, lr: float,
                         num_epochs: int, batch_size: int | None = None,
                         rng: np.random.Generator | None = None,
                         ) -> tuple[np.ndarray, float, np.ndarray]:
    """Fit ``(w, b)`` by (mini-batch) gradient descent on the mean squared error.

    The gradients of ``L = mean((X @ w + b - y)**2)`` are ``dL/dw = 2/n X^T r`` and
    ``dL/db = 2/n sum(r)`` with residuals ``r = X @ w + b - y``. Parameters start at zero.

    Parameters
    ----------
    X, y : array_like
        Data matrix ``(n, d)`` and targets ``(n,)``.
    lr : float
        Learning rate (step size), positive.
    num_epochs : int
        Passes over the data.
    batch_size : int, optional
        ``None`` for full-batch gradient descent (one step per epoch); otherwise
        mini-batch SGD with the data reshuffled every epoch by ``rng``.
    rng : numpy.random.Generator, optional
        Required with ``batch_size``.

    Returns
    -------
    w : numpy.ndarray
    b : float
    losses : numpy.ndarray
        The loss of each step, on the batch it used, before its update (for full batch:
        the training MSE at the start of each epoch).

    Raises
    ------
    FloatingPointError
        When the loss diverges, naming ``lr``: fast (it grows a millionfold or
        overflows) or slow (averaged over windows of 10 steps, or of an epoch if that is
        longer, or of a quarter of a shorter run, it rose 3 windows in a row and ended above
        the lowest window average: above it at all for full batch, whose loss a stable lr
        never raises, above twice it for mini-batches, whose noise alone makes three rises
        in a row common). And at the end, whatever the run's length, a full-batch run whose
        loss after its last step is above its lowest loss (beyond rounding). A converging
        run whose loss bumps up near its floor is not stopped. Not detected: one slowly
        diverging direction hidden under others whose loss still falls faster, in a
        mini-batch run, or in a full-batch run that ends before its loss turns up.

    Examples
    --------
    >>> X = np.arange(1.0, 6.0).reshape(-1, 1)
    >>> w, b, losses = fit_gradient_descent(X, 2 * X[:, 0], lr=0.05, num_epochs=2000)
    >>> w.round(4), round(b, 4) + 0.0, len(losses)
    (array([2.]), 0.0, 2000)

    Just above the stable learning rate (here 0.0845) the loss grows slowly, not a
    millionfold, and is still caught:

    >>> fit_gradient_descent(X, 2 * X[:, 0], lr=0.086, num_epochs=100)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FloatingPointError: gradient descent is diverging in epoch 40: ... lr=0.086 is too large: ...
    """
    X, y = _check_Xy(X, y)
    lr = check_positive(lr, "lr")
    num_epochs = check_int(num_epochs, "num_epochs", minimum=1)
    n = X.shape[0]
    if batch_size is None:
        batch_size = n
    else:
        batch_size = check_int(batch_size, "batch_size", minimum=1)
        check_rng(rng)
    steps_per_epoch = -(-n // batch_size)  # ceil(n / batch_size)
    window = divergence_window(steps_per_epoch, num_epochs)
    growth = FULL_BATCH_GROWTH if steps_per_epoch == 1 else MINIBATCH_GROWTH
    w, b = np.zeros(X.shape[1]), 0.0
    losses: list[float] = []
    # Already standardized features: the divergence message does not advise standardizing.
    standardized = bool(np.allclose(X.mean(axis=0), 0, atol=1e-8)
                        and np.allclose(X.std(axis=0), 1, rtol=1e-8))
    for epoch in range(1, num_epochs + 1):
        order = np.arange(n) if steps_per_epoch == 1 else rng.permutation(n)
        for idx in np.array_split(order, steps_per_epoch):  # batches of near-equal size
            with np.errstate(over="ignore", invalid="ignore"):
                r = X[idx] @ w + b - y[idx]
                loss = float(np.mean(r * r))
            losses.append(loss)
            why = divergence(losses, window=window, growth=growth, epoch=epoch, lr=lr,
                             standardized=standardized)
            if why:
                raise FloatingPointError(why)
            w = w - lr * 2 / len(idx) * (X[idx].T @ r)
            b = b - lr * 2 / len(idx) * float(r.sum())
    if steps_per_epoch == 1:  # whatever the run's length: see _check_full_batch_end
        _check_full_batch_end(X, y, w, b, losses, lr, num_epochs, standardized)
    return w, b, np.array(losses)


def exact_least_squares(A: np.typing.ArrayLike, y: np.typing.ArrayLike) -> np.ndarray:
    """The exact least-squares solution of the stored ``A`` and ``y``, rounded once.

    Every double is a fraction with a power of two below, so ``A^T A theta = A^T y`` can
    be formed and solved in Python's integers and ``fractions.Fraction`` with no rounding
    at all; only the final conversion of each entry to a float rounds. A reference to
    count the correct digits of other solvers against, also for problems that no
    certified values cover. Slow: at most 20 columns and 5,000 rows.

    Parameters
    ----------
    A : array_like
        The ``(m, n)`` matrix, ``m >= n``, with linearly independent columns.
    y : array_like
        The ``(m,)`` targets.

    Returns
    -------
    numpy.ndarray
        ``theta`` of shape ``(n,)``, each entry the float nearest to the exact solution.

    Raises
    ------
    ValueError
        If the shapes do not fit, the problem is too large, or the columns of ``A`` are
        exactly linearly dependent (then the solution is not unique).

    Examples
    --------
    >>> A = add_bias([[0.0], [1.0], [3.0]])
    >>> exact_least_squares(A, [1.0, 2.0, 2.0])  # intercept 9/7, slope 2/7
    array([1.28571429, 0.28571429])
    """
    A = as_float_array(A, "A", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    m, n = A.shape
    if y.shape[0] != m:
        raise ValueError(f"A and y must have the same number of rows, got {m} and {y.shape[0]}")
    if m < n:
        raise ValueError(f"A must have at least as many rows as columns, got shape {A.shape}")
    if n > 20 or m > 5000:
        raise ValueError(f"exact_least_squares is for small problems (at most 20 columns and "
                         f"5,000 rows), got shape {A.shape}")
    # Scale A and y to integers: every double is num / 2**k; D is the largest 2**k.
    ratios_A = [v.as_integer_ratio() for v in A.ravel().tolist()]
    ratios_y = [v.as_integer_ratio() for v in y.tolist()]
    D_A = max(den for _, den in ratios_A)
    D_y = max(den for _, den in ratios_y)
    ints = [num * (D_A // den) for num, den in ratios_A]
    cols = [ints[j::n] for j in range(n)]  # A * D_A, column by column, in exact integers
    rhs = [num * (D_y // den) for num, den in ratios_y]  # y * D_y
    gram = [[Fraction(sum(map(operator.mul, cols[i], cols[j]))) for j in range(n)]
            for i in range(n)]
    proj = [Fraction(sum(map(operator.mul, cols[i], rhs))) for i in range(n)]
    for k in range(n):  # Gaussian elimination, exact, so any nonzero pivot will do
        pivot = next((r for r in range(k, n) if gram[r][k] != 0), None)
        if pivot is None:
            raise ValueError("the columns of A are linearly dependent, so the least-squares "
                             "solution is not unique")
        gram[k], gram[pivot] = gram[pivot], gram[k]
        proj[k], proj[pivot] = proj[pivot], proj[k]
        for r in range(k + 1, n):
            factor = gram[r][k] / gram[k][k]
            if factor:
                gram[r] = [a - factor * b for a, b in zip(gram[r], gram[k], strict=True)]
                proj[r] -= factor * proj[k]
    theta = [Fraction(0)] * n
    for k in reversed(range(n)):
        known = sum((gram[k][j] * theta[j] for j in range(k + 1, n)), Fraction(0))
        theta[k] = (proj[k] - known) / gram[k][k]
    # (A D_A)^T (A D_A) t = (A D_A)^T (y D_y)  means  theta = t * D_A / D_y.
    return np.array([float(t * D_A / D_y) for t in theta])


def fit_ridge(X: np.typing.ArrayLike, y: np.typing.ArrayLike,
              alpha: float) -> tuple[np.ndarray, float]:
    """Ridge regression ``(w, b)``: minimize ``||y - X @ w - b||^2 + alpha * ||w||^2``.

    The bias ``b`` is not penalized: once ``X`` and ``y`` are centred it drops out, and it
    comes back as ``mean(y) - mean(X) @ w``. The penalty is ``d`` extra rows
    ``sqrt(alpha) * I`` under the centred ``X``, with zeros under the centred ``y``: their
    squared residuals are ``alpha * ||w||^2``, so ``w`` is the ordinary least-squares
    solution of that taller system, found by ``np.linalg.lstsq`` without forming
    ``X^T X``. ``alpha = 0`` is ordinary least squares. The penalty treats all features
    alike, so standardize them first unless they share units. The objective is
    scikit-learn's ``Ridge(alpha=alpha)``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> w, b = fit_ridge(X, [1.0, 3.0, 5.0, 7.0], alpha=0.0)  # y = 2x + 1 exactly
    >>> w.round(6), round(b, 6)
    (array([2.]), 1.0)
    >>> w, b = fit_ridge(X, [1.0, 3.0, 5.0, 7.0], alpha=5.0)  # 10 / (5 + 5): halved
    >>> w.round(6), round(b, 6)
    (array([1.]), 2.5)
    """
    X, y = _check_Xy(X, y)
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real) or not (
            math.isfinite(alpha) and alpha >= 0):
        raise ValueError(f"alpha must be a finite number >= 0, got {alpha!r}")
    d = X.shape[1]
    x_mean, y_mean = X.mean(axis=0), y.mean()
    augmented = np.vstack([X - x_mean, math.sqrt(alpha) * np.eye(d)])
    targets = np.concatenate([y - y_mean, np.zeros(d)])
    w, *_ = np.linalg.lstsq(augmented, targets, rcond=None)
    return w, float(y_mean - x_mean @ w)
