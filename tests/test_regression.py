"""helpers.regression against closed forms, NIST's certified Longley values and scikit-learn."""

from fractions import Fraction

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_squared_error
from sklearn.metrics import r2_score as sk_r2

from helpers.data import load_galton, load_longley
from helpers.preprocessing import StandardScaler
from helpers.regression import (
    add_bias,
    exact_least_squares,
    fit_gradient_descent,
    fit_least_squares,
    fit_normal_equation,
    fit_ridge,
    mse,
    predict,
    r2_score,
    rising_windows,
)

# NIST StRD "Longley", certified regression coefficients (b0 is the intercept).
LONGLEY_B = np.array([-3482258.63459582, 15.0618722713733, -0.358191792925910e-01,
                      -2.02022980381683, -1.03322686717359, -0.511041056535807e-01,
                      1829.15146461355])
LONGLEY_R2 = 0.995479004577296

RNG = np.random.default_rng(7)
X = RNG.normal(size=(200, 3))
TRUE_W, TRUE_B = np.array([1.5, -2.0, 0.5]), 3.0
Y = X @ TRUE_W + TRUE_B + RNG.normal(0, 0.1, 200)


def test_toy_problem_closed_form():
    X1 = np.arange(1.0, 6.0).reshape(-1, 1)
    for fit in (fit_least_squares, fit_normal_equation):
        w, b = fit(X1, 2 * X1[:, 0])
        assert w == pytest.approx([2.0]) and b == pytest.approx(0.0, abs=1e-12)


def test_simple_regression_closed_form():
    x = RNG.normal(size=50)
    y = 0.7 * x + RNG.normal(size=50)
    slope = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    w, b = fit_least_squares(x.reshape(-1, 1), y)
    assert w[0] == pytest.approx(slope) and b == pytest.approx(y.mean() - slope * x.mean())


def test_longley_certified_values():
    Xl, yl, _ = load_longley()
    w, b = fit_least_squares(Xl, yl)
    assert b == pytest.approx(LONGLEY_B[0], rel=1e-9)
    assert w == pytest.approx(LONGLEY_B[1:], rel=1e-9)
    assert r2_score(yl, predict(Xl, w, b)) == pytest.approx(LONGLEY_R2, rel=1e-10)
    # The normal equations are documented as less accurate; they still give ~6 digits here.
    w_ne, _ = fit_normal_equation(Xl, yl)
    assert w_ne == pytest.approx(LONGLEY_B[1:], rel=1e-5)


def test_matches_sklearn_linear_regression():
    ref = LinearRegression().fit(X, Y)
    w, b = fit_least_squares(X, Y)
    assert w == pytest.approx(ref.coef_) and b == pytest.approx(ref.intercept_)
    assert mse(Y, predict(X, w, b)) == pytest.approx(mean_squared_error(Y, ref.predict(X)))
    assert r2_score(Y, predict(X, w, b)) == pytest.approx(sk_r2(Y, ref.predict(X)))


def test_full_batch_gradient_descent_reaches_least_squares():
    w_ls, b_ls = fit_least_squares(X, Y)
    w, b, losses = fit_gradient_descent(X, Y, lr=0.1, num_epochs=500)
    assert w == pytest.approx(w_ls, abs=1e-8) and b == pytest.approx(b_ls, abs=1e-8)
    assert len(losses) == 500 and np.all(np.diff(losses) <= 1e-15)


def test_minibatch_sgd_gets_close_and_is_reproducible():
    w_ls, b_ls = fit_least_squares(X, Y)
    w, b, losses = fit_gradient_descent(X, Y, lr=0.02, num_epochs=100, batch_size=20,
                                        rng=np.random.default_rng(0))
    assert len(losses) == 100 * 10
    assert np.abs(w - w_ls).max() < 0.05 and abs(b - b_ls) < 0.05
    w2, b2, _ = fit_gradient_descent(X, Y, lr=0.02, num_epochs=100, batch_size=20,
                                     rng=np.random.default_rng(0))
    assert np.array_equal(w, w2) and b == b2


# One standardized feature: the loss has curvature 2 along w and b, so lr < 1 converges.
_x = RNG.normal(size=200)
X_STD = ((_x - _x.mean()) / _x.std()).reshape(-1, 1)
Y_STD = 1.5 * X_STD[:, 0] + 3.0 + RNG.normal(0, 0.5, 200)


def test_fast_divergence_raises_a_clear_error():
    with pytest.raises(FloatingPointError,
                       match=r"diverged in epoch \d+: .*lr=5 is too large: lower lr"):
        fit_gradient_descent(X, Y, lr=5.0, num_epochs=200)


def test_slow_divergence_is_caught_too():
    # lr just above 1: the loss grows by (1 - 2 lr)^2 = 1.08 a step, about 2,000-fold in
    # 100 epochs, far from a millionfold; it used to return as if converged.
    losses = Y_STD @ Y_STD / 200 * 1.0816 ** np.arange(100)
    assert losses[-1] < 1e6 * losses[0]
    with pytest.raises(FloatingPointError,
                       match=r"is diverging in epoch 40: .*lr=1.02 is too large for these "
                             r"standardized features: lower lr \(try lr=0.51\)$"):
        fit_gradient_descent(X_STD, Y_STD, lr=1.02, num_epochs=100)


def test_divergence_advises_standardizing_only_unstandardized_features():
    with pytest.raises(FloatingPointError, match=r"lower lr \(try lr=2.5\) or standardize the "
                                                 r"features$"):
        fit_gradient_descent(X, Y, lr=5.0, num_epochs=200)
    with pytest.raises(FloatingPointError, match=r"standardized features: lower lr "
                                                 r"\(try lr=2.5\)$"):
        fit_gradient_descent(X_STD, Y_STD, lr=5.0, num_epochs=200)


def test_slow_divergence_is_caught_in_a_short_run():
    # 20 epochs: windows of 5 steps, so the check still sees 4 windows.
    with pytest.raises(FloatingPointError, match=r"in epoch 20: .* over 5 steps.* lr=1.02"):
        fit_gradient_descent(X_STD, Y_STD, lr=1.02, num_epochs=20)
    with pytest.raises(FloatingPointError, match=r"in epoch 4: .* over 1 step, .* lr=1.02"):
        fit_gradient_descent(X_STD, Y_STD, lr=1.02, num_epochs=4)


def test_slow_divergence_of_minibatch_sgd_is_caught():
    with pytest.raises(FloatingPointError, match=r"is diverging .* lr=1.05 is too large"):
        fit_gradient_descent(X_STD, Y_STD, lr=1.05, num_epochs=100, batch_size=50,
                             rng=np.random.default_rng(0))


def test_a_converging_run_with_transient_bumps_is_not_stopped():
    # Mini-batch losses are noisy: after convergence the window averages rise 3 windows in
    # a row now and then, but stay far below the start, so the run is not stopped.
    w_ls, b_ls = fit_least_squares(X_STD, Y_STD)
    w, b, losses = fit_gradient_descent(X_STD, Y_STD, lr=0.05, num_epochs=200,
                                        batch_size=20, rng=np.random.default_rng(0))
    bumps = [rising_windows(losses[:k], 10) for k in range(10, len(losses) + 1, 10)]
    assert max(bumps) >= 3  # a sustained bump happened ...
    assert abs(w[0] - w_ls[0]) < 0.1 and abs(b - b_ls) < 0.1  # ... and the run converged
    # A bump above the start that lasts 2 windows is not stopped either (full batch at a
    # stable lr never bumps: every component of the error shrinks at each step).
    bumped = np.concatenate([np.full(10, 10.0), np.full(10, 8.0), np.full(10, 12.0),
                             np.full(10, 14.0), np.full(10, 3.0), np.full(10, 1.0)])
    assert rising_windows(bumped, 10) == 0 and rising_windows(bumped[:40], 10) == 2


def test_rising_windows_counts_from_the_end():
    assert rising_windows(np.arange(40.0), 10) == 3
    assert rising_windows(np.arange(40.0)[::-1], 10) == 0
    assert rising_windows([1.0, 5.0, 2.0, 3.0, 4.0], 1) == 2
    assert rising_windows([1.0, 2.0, 3.0], 5) == 0  # no complete window


def test_stable_learning_rates_run_to_the_end():
    for lr in (0.5, 0.99, 1.0):  # 1.0 oscillates forever but does not grow
        assert len(fit_gradient_descent(X_STD, Y_STD, lr=lr, num_epochs=100)[2]) == 100


def test_add_bias_puts_the_bias_first():
    A = add_bias(X)
    assert A.shape == (200, 4) and np.all(A[:, 0] == 1)


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: fit_least_squares(np.arange(5.0), np.arange(5.0)), ValueError,
     r"reshape\(-1, 1\)"),
    (lambda: fit_least_squares(X, Y[:-1]), ValueError, "same number of samples"),
    (lambda: fit_least_squares(X, np.where(Y > 0, np.nan, Y)), ValueError, "finite"),
    (lambda: fit_least_squares(np.empty((0, 2)), np.empty(0)), ValueError, "empty"),
    (lambda: fit_gradient_descent(X, Y, lr=0, num_epochs=5), ValueError, "lr must be"),
    (lambda: fit_gradient_descent(X, Y, lr=0.1, num_epochs=-1), ValueError, "num_epochs"),
    (lambda: fit_gradient_descent(X, Y, lr=0.1, num_epochs=5, batch_size=10), TypeError,
     "rng must be a numpy.random.Generator"),
    (lambda: fit_gradient_descent(X, Y, lr=0.1, num_epochs=5, batch_size=0,
                                  rng=np.random.default_rng(0)), ValueError, "batch_size"),
    (lambda: predict(X, [1.0, 2.0], 0.0), ValueError, "one weight per feature"),
    (lambda: mse([1.0, 2.0], [1.0]), ValueError, "same shape"),
    (lambda: r2_score([2.0, 2.0], [1.0, 2.0]), ValueError, "constant"),
    (lambda: r2_score([1j, 2.0], [1.0, 2.0]), TypeError, "y_true must hold real numbers"),
    (lambda: fit_least_squares(X + 0j, Y), TypeError, "X must hold real numbers"),
    (lambda: predict(X, TRUE_W, "0"), TypeError, r"b must be a finite real number, got '0'"),
    (lambda: predict(X, TRUE_W, np.nan), ValueError, "b must be a finite real number, got nan"),
    (lambda: predict(X, TRUE_W, 1j), TypeError, r"b must be a finite real number, got 1j"),
    (lambda: predict(X, TRUE_W, np.ones(200)), TypeError, "b must be a finite real number"),
])
def test_bad_input(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


@pytest.mark.parametrize(("X_bad", "y_bad", "needle"), [
    # one row: every line through the point fits it exactly (issue 24)
    ([[1.0]], [2.0], r"X has 1 sample\(s\) for 1 feature\(s\) and the bias: at least 2"),
    # fewer rows than features + bias
    (X[:3], Y[:3], r"X has 3 sample\(s\) for 3 feature\(s\) and the bias: at least 4"),
    # a constant feature is the bias again
    (np.column_stack([X[:, 0], np.full(200, 7.0)]), Y, r"linearly dependent \(rank 2 of 3\)"),
    # a duplicated feature, and one that is a combination of two others
    (np.column_stack([X, X[:, 0]]), Y, r"rank 4 of 5"),
    (np.column_stack([X, X[:, 0] - 2 * X[:, 1]]), Y, r"rank 4 of 5"),
])
def test_a_fit_that_is_not_unique_is_an_error(X_bad, y_bad, needle):
    for fit in (fit_least_squares, fit_normal_equation):
        with pytest.raises(ValueError, match=r"the least-squares \(w, b\) is not unique: .*"
                                             + needle):
            fit(X_bad, y_bad)


def test_just_determined_and_numpy_scalar_inputs_still_fit():
    # two points, one feature: the unique line through them
    w, b = fit_least_squares([[1.0], [3.0]], [1.0, 5.0])
    assert w == pytest.approx([2.0]) and b == pytest.approx(-1.0)
    assert np.allclose(predict(X, TRUE_W, np.float32(3.0)), predict(X, TRUE_W, 3.0))


def _standardized_line(seed: int, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    x = (x - x.mean()) / x.std()  # curvature of the loss along w and b: exactly 2
    return x.reshape(-1, 1), 3 * x + 1 + rng.normal(0, 0.5, n)


def test_slow_divergence_after_a_long_descent_is_caught():
    """Almost all of the error lies along a feature of tiny curvature, which converges
    slowly; the standardized feature's direction is unstable by a hair but starts with a
    tiny error. The loss falls for many epochs, then creeps up: caught once it rises."""
    rng = np.random.default_rng(1)
    x1 = rng.standard_normal(300)
    x2 = 0.01 * rng.standard_normal(300)
    Xs = np.column_stack([(x1 - x1.mean()) / x1.std(), x2 - x2.mean()])
    ys = 0.001 * Xs[:, 0] + 50 * Xs[:, 1]  # almost all of the error lies along x2
    with pytest.raises(FloatingPointError, match="lr=1.005 is too large"):
        fit_gradient_descent(Xs, ys, lr=1.005, num_epochs=3000)


@pytest.mark.parametrize("seed", range(5))
def test_converging_minibatch_runs_are_not_called_divergent(seed):
    """At the noise floor epoch means go up and down at random; ten rises in a row are a
    one-in-millions event, so 400 noisy epochs at a large lr pass."""
    X1, y1 = _standardized_line(seed)
    w, b, _ = fit_gradient_descent(X1, y1, lr=0.3, num_epochs=400, batch_size=8,
                                   rng=np.random.default_rng(seed))
    assert abs(w[0] - 3) < 0.5 and abs(b - 1) < 0.5  # noisy at this lr, but converged


@pytest.mark.parametrize("seed", range(10))
def test_sgd_near_its_floor_is_not_called_divergent(seed):
    """Targets of pure noise: the first window is already near the best loss, and window
    means rise three times in a row by chance; only real growth (twice the lowest) stops."""
    rng = np.random.default_rng(seed)
    Xn, yn = rng.standard_normal((300, 2)), rng.standard_normal(300)
    fit_gradient_descent(Xn, yn, lr=0.1, num_epochs=50, batch_size=32, rng=rng)


def test_a_short_diverging_full_batch_run_is_caught():
    """Three epochs are too few windows for the trend test; the loss still must not end
    above its lowest."""
    X1, y1 = _standardized_line(0)
    with pytest.raises(FloatingPointError, match="in 3 epochs the loss rose.*lr=1.3"):
        fit_gradient_descent(X1, y1 + 60, lr=1.3, num_epochs=3)



def _day07_ill_conditioned() -> tuple[np.ndarray, np.ndarray, float]:
    """Day 7's section 4 ill-conditioned design (Galton: parents' heights, a son indicator
    and its products with them, standardized), the children's heights, and 2/L."""
    galton = load_galton()
    is_male = (galton["gender"] == "male").astype(float)
    father, mother = galton["father"], galton["mother"]
    X_sexes = np.column_stack([father, mother, is_male, father * is_male, mother * is_male])
    Z = StandardScaler().fit(X_sexes).transform(X_sexes)
    A = add_bias(Z)
    y = galton["childHeight"]
    return Z, y, 2 / np.linalg.eigvalsh(2 / len(y) * A.T @ A)[-1]


ILL_Z, ILL_Y, ILL_LIMIT = _day07_ill_conditioned()


@pytest.mark.parametrize(("lr", "num_epochs"), [
    (0.375, 20),  # Day 7's full-batch lr tuned for 2 epochs, at the default NUM_EPOCHS
    (1.02 * ILL_LIMIT, 20),  # the loss falls to 14 after 4 epochs and ends near 36
    *[(1.1 * ILL_LIMIT, e) for e in (2 * 4, 10, 16, 20, 25, 30, 38, 39)],
    *[(lr, e) for lr in (0.375, 1.02 * ILL_LIMIT) for e in range(5, 41)],
])
def test_a_full_batch_run_that_ends_above_its_lowest_loss_raises(lr, num_epochs):
    """Above the stability limit 2/L the ill-conditioned loss first falls (its steep
    directions start small), then grows: the run must raise whatever its length, not only
    once the window test sees three rises in a row (which it did not at 8 to 38 epochs)."""
    with pytest.raises(FloatingPointError,
                       match=rf"diverging.* lr={lr:g} is too large for these standardized "
                             rf"features: lower lr \(try lr={lr / 2:g}\)$"):
        fit_gradient_descent(ILL_Z, ILL_Y, lr=lr, num_epochs=num_epochs)


def test_the_end_of_run_error_says_where_the_loss_was_lowest():
    with pytest.raises(FloatingPointError,
                       match=r"^gradient descent is diverging: in 20 epochs the loss rose from "
                             r"30\.8 at its lowest \(after 3 epochs\) to 4\.67e\+04 at the "
                             r"end; lr=0\.375 is too large"):
        fit_gradient_descent(ILL_Z, ILL_Y, lr=0.375, num_epochs=20)


@pytest.mark.parametrize("lr", [0.24, 0.28, 0.325, 0.99 * ILL_LIMIT, 0.1])
def test_converging_full_batch_runs_pass_at_every_length(lr):
    """Below 2/L the loss never rises, so no run of 1 to 100 epochs is called divergent;
    0.24 and 0.28 are the rates Day 7 tunes for 20 and 80 epochs."""
    for num_epochs in range(1, 101):
        _, _, losses = fit_gradient_descent(ILL_Z, ILL_Y, lr=lr, num_epochs=num_epochs)
        assert losses.size == num_epochs


def test_a_run_at_its_rounding_floor_is_not_called_divergent():
    """y = 2x is fitted exactly: the loss reaches about 1e-31 and then wobbles by rounding
    (3e-31 to 5e-31), which is no rise."""
    X1 = np.arange(1.0, 6.0).reshape(-1, 1)
    for num_epochs in (2000, 2001, 3000, 5000):
        _, _, losses = fit_gradient_descent(X1, 2 * X1[:, 0], lr=0.05, num_epochs=num_epochs)
        assert losses[-1] < 1e-20


# ---------------------------------------------------------------- exact_least_squares


def test_exact_least_squares_reproduces_nists_certified_longley_values():
    Xl, yl, _ = load_longley()
    theta = exact_least_squares(add_bias(Xl), yl)
    # NIST certifies 15 significant digits; the exact solution rounds to them
    assert np.allclose(theta, LONGLEY_B, rtol=5e-15, atol=0)


def test_exact_least_squares_is_exact_on_a_small_rational_problem():
    # A = [1, x] with x = 0, 1, 3 and y = 1, 2, 2: intercept 9/7, slope 2/7, by hand
    theta = exact_least_squares(add_bias([[0.0], [1.0], [3.0]]), [1.0, 2.0, 2.0])
    assert theta.tolist() == [float(Fraction(9, 7)), float(Fraction(2, 7))]


def test_exact_least_squares_residual_is_orthogonal_in_exact_arithmetic():
    rng = np.random.default_rng(2)
    A, y = rng.standard_normal((12, 3)), rng.standard_normal(12)
    theta = exact_least_squares(A, y)
    assert np.allclose(theta, np.linalg.lstsq(A, y, rcond=None)[0], rtol=1e-12)
    # Each float of theta is within half an ulp of the exact solution, so the exact
    # residual of the rounded theta is tiny next to |A| |y|
    r = [Fraction(v) - sum(Fraction(a) * Fraction(t) for a, t in zip(row, theta, strict=True))
         for row, v in zip(A.tolist(), y.tolist(), strict=True)]
    normal = [float(sum(Fraction(A[i, j]) * r[i] for i in range(12))) for j in range(3)]
    assert max(map(abs, normal)) < 1e-14 * np.linalg.norm(A) * np.linalg.norm(y)


def test_exact_least_squares_beats_float_solvers_on_an_ill_conditioned_problem():
    # kappa = 1e10 with a large residual: lstsq keeps few digits, the exact answer all
    rng = np.random.default_rng(4)
    U, _ = np.linalg.qr(rng.standard_normal((20, 4)))
    V, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    A = (U[:, :3] * [1.0, 1e-5, 1e-10]) @ V.T
    y = A @ V[:, 0] + U[:, 3]
    exact = exact_least_squares(A, y)
    lstsq = np.linalg.lstsq(A, y, rcond=None)[0]
    assert np.linalg.norm(lstsq - exact) > 1e-6 * np.linalg.norm(exact)  # lstsq lost digits
    residual = A @ exact - y
    assert np.abs(A.T @ residual).max() < 1e-12  # yet exact's residual is orthogonal


@pytest.mark.parametrize(("args", "needle"), [
    ((np.ones(3), np.ones(3)), "A must be 2-D"),
    ((np.ones((3, 2)), np.ones(4)), "same number of rows"),
    ((np.ones((2, 3)), np.ones(2)), "at least as many rows"),
    ((np.ones((30, 21)), np.ones(30)), "small problems"),
    ((np.column_stack([np.ones(4), 2 * np.ones(4)]), np.arange(4.0)), "linearly dependent"),
    ((np.array([[1.0, np.nan], [0.0, 1.0], [1.0, 1.0]]), np.ones(3)), "A must be finite"),
])
def test_exact_least_squares_bad_input(args, needle):
    with pytest.raises(ValueError, match=needle):
        exact_least_squares(*args)


# ---------------------------------------------------------------- fit_ridge


@pytest.mark.parametrize("alpha", [1e-3, 0.5, 10.0, 1e4])
def test_fit_ridge_matches_scikit_learn(alpha):
    w, b = fit_ridge(X + [5.0, -2.0, 10.0], Y, alpha)  # offsets: the bias is not penalized
    ref = Ridge(alpha=alpha, solver="svd").fit(X + [5.0, -2.0, 10.0], Y)
    assert w == pytest.approx(ref.coef_, rel=1e-9) and b == pytest.approx(ref.intercept_)


def test_fit_ridge_closed_form_and_limits():
    Xc = X - X.mean(axis=0)
    alpha = 3.0
    w, b = fit_ridge(X, Y, alpha)
    w_closed = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(3), Xc.T @ (Y - Y.mean()))
    assert w == pytest.approx(w_closed, rel=1e-10)
    assert b == pytest.approx(Y.mean() - X.mean(axis=0) @ w_closed)
    w0, b0 = fit_ridge(X, Y, 0.0)  # alpha = 0 is least squares
    w_ls, b_ls = fit_least_squares(X, Y)
    assert w0 == pytest.approx(w_ls, rel=1e-12) and b0 == pytest.approx(b_ls)
    w_big, b_big = fit_ridge(X, Y, 1e12)  # everything shrunk: the mean remains
    assert np.abs(w_big).max() < 1e-8 and b_big == pytest.approx(Y.mean())
    norms = [np.linalg.norm(fit_ridge(X, Y, a)[0]) for a in (0.0, 1.0, 10.0, 100.0)]
    assert norms == sorted(norms, reverse=True)  # shrinks monotonically


def test_fit_ridge_with_more_features_than_rows():
    rng = np.random.default_rng(5)
    Xw, yw = rng.standard_normal((5, 8)), rng.standard_normal(5)
    w, _ = fit_ridge(Xw, yw, 1.0)
    Xc = Xw - Xw.mean(axis=0)
    assert w == pytest.approx(np.linalg.solve(Xc.T @ Xc + np.eye(8), Xc.T @ (yw - yw.mean())))


def test_fit_ridge_keeps_lstsqs_accuracy_on_longley():
    Xl, yl, _ = load_longley()
    w, b = fit_ridge(Xl, yl, 0.0)  # centred, no A^T A: NIST's values to 1e-10
    assert np.r_[b, w] == pytest.approx(LONGLEY_B, rel=1e-10)


@pytest.mark.parametrize(("alpha", "error"), [(-1.0, "alpha must be"), (np.nan, "alpha must"),
                                              (np.inf, "alpha must"), ("1", "alpha must"),
                                              (True, "alpha must"), ([1.0], "alpha must")])
def test_fit_ridge_bad_alpha(alpha, error):
    with pytest.raises(ValueError, match=error):
        fit_ridge(X, Y, alpha)


def test_fit_ridge_bad_data():
    with pytest.raises(ValueError, match="same number of samples"):
        fit_ridge(X, Y[:-1], 1.0)
    with pytest.raises(ValueError, match=r"reshape\(-1, 1\)"):
        fit_ridge(X[:, 0], Y, 1.0)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_exact_least_squares_names_the_argument_that_is_not_finite(bad):
    A, y = add_bias([[0.0], [1.0], [3.0]]), np.array([1.0, 2.0, 2.0])
    with pytest.raises(ValueError, match="^A must be finite"):
        exact_least_squares(np.where(A == 3.0, bad, A), y)
    with pytest.raises(ValueError, match="^y must be finite"):
        exact_least_squares(A, np.where(y == 1.0, bad, y))
