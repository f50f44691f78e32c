"""day07_regression: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day07_regression"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, best_loss=best_loss, gd_loss=runs[0.3][-1],
             diverged=[lr for lr in (0.01, 0.3, 1.02, 1.5) if lr not in runs],
             digits=digits, predicted_digits=predicted, kappa=kappa, kappa_unit=kappa_unit,
             full_excess={f"{e} {lr}": full[e, lr] for e in budgets for lr in grid},
             sgd_excess={f"{e} {lr}": sgd[e, lr] for e in budgets for lr in grid
                         if np.all(np.isfinite(sgd[e, lr]))},
             sgd_diverged={f"{e} {lr}": np.sum(~np.isfinite(sgd[e, lr])) for e in budgets
                           for lr in grid},
             best_lr={f"{name} {e}": lr for (name, e), lr in best.items()},
             num_epochs=NUM_EPOCHS, slope=w_g[0], slope_sd=w_best[0], r=r,
             bootstrap_interval=[low, high], bootstrap_sd=slopes.std(), se_ols=se_ols)
"""
SMALL = {"NUM_BOOTSTRAP": 500, "NUM_SGD_SEEDS": 4}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day07_gradient_descent_and_its_divergence(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["gd_loss"] == pytest.approx(r["best_loss"], rel=1e-6)  # GD reaches lstsq
    assert r["diverged"] == [1.02, 1.5]  # the slow divergence is caught too


@pytest.mark.parametrize("seed", SEEDS)
def test_day07_digits_follow_the_unit_column_condition_number(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    d, p = r["digits"], r["predicted_digits"]
    assert d["lstsq(A, y)"] >= max(d["inv(A^T A) @ A^T y"], d["solve(A^T A, A^T y)"]) + 3
    assert d["lstsq(A, y)"] >= p["lstsq(A, y)"] - 1
    assert min(d["inv(A^T A) @ A^T y"], d["solve(A^T A, A^T y)"]) >= p["normal equations"] - 1
    # the raw kappa predicts far fewer digits than are kept; column scaling is the reason
    assert -math.log10(np.finfo(float).eps * r["kappa"]) < d["lstsq(A, y)"] - 4
    assert 1e4 < r["kappa_unit"] < 1e5 and r["kappa"] / r["kappa_unit"] > 1e4


@pytest.mark.parametrize("seed", SEEDS)
def test_day07_sgd_and_full_batch_each_at_its_best_lr(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["num_epochs"]
    full = {k: v for k, v in r["full_excess"].items()}
    sgd = {k: np.array(v) for k, v in r["sgd_excess"].items()}
    assert r["best_lr"]["full 1"] == 0.5 and full["1 0.5"] < 1e-9  # one Newton step
    best1, best_n = r["best_lr"]["sgd 1"], r["best_lr"][f"sgd {n}"]
    assert np.all(sgd[f"1 {best1}"] > 1e-4)  # SGD is not there after one epoch ...
    assert sgd[f"1 {best1}"].mean() < 0.1  # ... but within 10%
    assert best_n < best1  # a longer budget wants a smaller constant learning rate
    assert sgd[f"{n} {best_n}"].mean() < 1e-2


@pytest.mark.parametrize("seed", SEEDS)
def test_day07_galton_slope_correlation_and_its_uncertainty(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["r"] == pytest.approx(0.3209, abs=1e-4)  # Galton's data: no randomness
    assert r["slope_sd"] == pytest.approx(1.1481, abs=1e-4)
    low, high = r["bootstrap_interval"]
    assert 0.45 < low < r["slope"] < high < 0.85  # stable, and well below 1
    assert high - low < 0.35
    # the bootstrap sd estimates the OLS standard error: sd of a sd from B resamples is
    # about sd / sqrt(2 B); 5 of those, plus 10% for what the closed form assumes
    tolerance = 5 / math.sqrt(2 * SMALL["NUM_BOOTSTRAP"]) + 0.1
    assert abs(math.log(r["bootstrap_sd"] / r["se_ols"])) < tolerance
