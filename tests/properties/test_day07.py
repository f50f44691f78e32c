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
             qr_identical=qr_identical,
             scaled_digits={K: d for K, (_, _, d) in scaled.items()},
             scaled_rank={K: int(rank) for K, (_, rank, _) in scaled.items()},
             residual_rule=rule_k, residual_digits=digits_k, longley_second=second,
             gd_runs={name: [k, s] for name, (k, s) in runs_gd.items()},
             gd_bounds={name: steps_bound(k) for name, (k, _) in runs_gd.items()},
             ridge_gd={a: [k, s, steps_bound(k)] for a, (k, s) in ridge_gd.items()},
             full_excess={f"{e} {lr}": full[e, lr] for e in budgets for lr in grid},
             sgd_excess={f"{e} {lr}": sgd[e, lr] for e in budgets for lr in grid
                         if np.all(np.isfinite(sgd[e, lr]))},
             best_lr={f"{name} {e}": lr for (name, e), lr in best.items()},
             num_epochs=NUM_EPOCHS, r2_multi=r2_multi, r2_train=r2_train, r2_test=r2_test,
             sigma_ml=sigma_ml, best_sigma=best_sigma, sigma_unbiased=s,
             vif=vif, alpha_cv=alpha_cv, cv_mse=cv_mse, forecast_rmse=forecast_rmse,
             flattery=flattery,
             gnp={name: {"truth": truths[name][gnp], "ols": trade[name, 1]["ols"][gnp],
                         "ridge": trade[name, 1]["ridge"][gnp]} for name in "AB"},
             trade={f"{name} {factor:g}": {"ols": t["error ols"], "ridge": t["error ridge"],
                                           "oracle": t["oracle"]}
                    for (name, factor), t in trade.items()},
             slope=w_g[0], slope_sd=w_best[0], r=r,
             bootstrap_interval=[low, high], bootstrap_sd=slopes.std(ddof=1), se_ols=se_ols)
"""
# Keeps each run to a few seconds; the ridge simulation keeps its default size (it is
# cheap, and its intervals need the data sets).
SMALL = {"NUM_BOOTSTRAP": 500, "NUM_SGD_SEEDS": 4, "NUM_SPLITS": 100}


@pytest.fixture(params=SEEDS)
def r(request, run_notebook):
    return run_notebook(NAME, request.param, **SMALL)


def test_day07_gradient_descent_and_its_divergence(r):
    assert r["gd_loss"] == pytest.approx(r["best_loss"], rel=1e-6)  # GD reaches lstsq
    assert r["diverged"] == [1.02, 1.5]  # the slow divergence is caught too


def test_day07_qr_and_lstsq_beat_the_normal_equations_on_longley(r):
    d, p = r["digits"], r["predicted_digits"]
    through_normal = max(d["inv(A^T A) @ A^T y"], d["solve(A^T A, A^T y)"])
    assert min(d["QR: solve(R, Q^T y)"], d["lstsq(A, y)"]) >= through_normal + 3
    assert d["QR: solve(R, Q^T y)"] >= p["QR"] - 1
    assert through_normal >= p["normal equations"] - 1
    # the raw kappa predicts far fewer digits than QR keeps; column scaling is the reason
    assert -math.log10(np.finfo(float).eps * r["kappa"]) < d["QR: solve(R, Q^T y)"] - 4
    assert 1e4 < r["kappa_unit"] < 1e5 and r["kappa"] / r["kappa_unit"] > 1e4


def test_day07_qr_ignores_column_scaling_and_lstsq_does_not(r):
    assert r["qr_identical"]  # 20 random power-of-two scalings, drawn from the seed
    digits, rank = r["scaled_digits"], r["scaled_rank"]
    assert len({d["QR"] for d in digits.values()}) == 1  # the same digits for every K
    assert digits["0"]["lstsq"] - digits["5"]["lstsq"] >= 1  # kappa(A) barely changed
    assert digits["0"]["lstsq"] - digits["10"]["lstsq"] >= 3
    assert rank["0"] == rank["10"] == 7 and rank["15"] < 7
    assert all(6 < d["normal eq."] < 8.5 for d in digits.values())  # barely move


def test_day07_a_large_residual_costs_every_method_kappa_squared(r):
    rule = np.array(r["residual_rule"])  # (tan, problem)
    digits = np.array(r["residual_digits"])  # (tan, problem, solver: QR, lstsq, normal eq.)
    assert np.all(digits[:, :, :2] >= rule[:, :, None] - 0.5)  # the rule bounds the loss
    median = np.median(digits, axis=1)
    assert median[0, :2].min() - median[-1, :2].max() >= 4  # tan 1e-8 -> 1: 4+ digits lost
    assert median[-1, :2].max() <= median[-1, 2] + 2.5  # ... down near the normal equations
    assert np.ptp(median[:, 2]) < 1.5  # which pay kappa^2 whatever the residual
    assert median[0, :2].min() >= median[0, 2] + 5  # with a tiny residual QR is far ahead
    assert r["longley_second"] < r["kappa_unit"]  # Longley: the residual term is small


def test_day07_descent_steps_track_the_condition_number(r):
    galton, longley = r["gd_runs"]["Galton, standardized"], r["gd_runs"]["Longley, standardized"]
    assert galton[1] == 1  # kappa = 1: one step at lr = 1/2
    assert 1.2e4 < longley[0] < 1.25e4
    assert 0.5 * r["gd_bounds"]["Longley, standardized"] < longley[1] <= r["gd_bounds"][
        "Longley, standardized"]
    kappas = [v[0] for v in r["ridge_gd"].values()]
    assert kappas == sorted(kappas, reverse=True)  # a larger penalty, a rounder loss
    for kappa, steps, bound in r["ridge_gd"].values():
        assert steps <= bound and 4 < steps / kappa < 7


def test_day07_sgd_and_full_batch_each_at_its_best_lr(r):
    n = r["num_epochs"]
    full = r["full_excess"]
    sgd = {k: np.array(v) for k, v in r["sgd_excess"].items()}
    assert r["best_lr"]["full 1"] == 0.5 and full["1 0.5"] < 1e-9  # one Newton step
    best1, best_n = r["best_lr"]["sgd 1"], r["best_lr"][f"sgd {n}"]
    assert np.all(sgd[f"1 {best1}"] > 1e-4)  # SGD is not there after one epoch ...
    assert sgd[f"1 {best1}"].mean() < 0.1  # ... but within 10%
    assert best_n < best1  # a longer budget wants a smaller constant learning rate
    assert sgd[f"{n} {best_n}"].mean() < 1e-2


def test_day07_held_out_r2_is_close_to_training_r2_and_noisy_per_split(r):
    train, test = np.array(r["r2_train"]), np.array(r["r2_test"])
    assert abs(r["r2_multi"] - 0.635) < 5e-4  # Galton's data: no randomness
    assert abs(test.mean() - train.mean()) < 0.03  # little flattery with 4 parameters
    assert 0.58 < test.mean() < 0.67
    assert 0.02 < test.std(ddof=1) < 0.08  # but one split alone moves by several hundredths


def test_day07_least_squares_is_gaussian_maximum_likelihood(r):
    assert r["best_sigma"] == pytest.approx(r["sigma_ml"], rel=1e-3)  # grid step 0.1%
    assert r["sigma_unbiased"] / r["sigma_ml"] == pytest.approx(math.sqrt(934 / 930))


def test_day07_ridge_on_longley(r):
    assert max(r["vif"]) > 1000  # GNP
    cv = np.array(r["cv_mse"])
    assert r["alpha_cv"] > 0 and cv.min() < cv[0]  # CV prefers some shrinkage ...
    ols, ridge = r["forecast_rmse"].values()
    assert ridge > ols  # ... which forecasts 1959-1962 worse
    assert r["flattery"] > 3  # left-out error several times the training error


def test_day07_ridge_trades_bias_for_variance_depending_on_truth_and_noise(r):
    def relative(key):  # ridge's error minus least squares', and 5 standard errors
        t = r["trade"][key]
        diff = np.array(t["ridge"]) - np.array(t["ols"])
        return diff.mean(), 5 * diff.std(ddof=1) / math.sqrt(diff.size)

    for key, sign in (("A 1", 1), ("B 1", -1), ("A 0.5", 1), ("A 4", -1)):
        mean, five_se = relative(key)
        assert sign * mean > five_se, key  # A: ridge worse, unless the noise is loud; B: better
    assert relative("A 2")[0] < relative("A 1")[0]  # louder noise tips the balance
    for key, t in r["trade"].items():
        assert min(t["oracle"]) < t["oracle"][0], key  # some fixed alpha beats least squares
    b = r["trade"]["B 1"]
    assert np.mean(b["ridge"]) < 0.5 * np.mean(b["ols"])  # B: several times more accurate
    gnp_a, gnp_b = r["gnp"]["A"], r["gnp"]["B"]
    sd = {k: (np.std(g["ols"], ddof=1), np.std(g["ridge"], ddof=1)) for k, g in r["gnp"].items()}
    assert np.mean(gnp_a["ridge"]) - gnp_a["truth"] > 0.2 * sd["A"][0]  # A: shifted ...
    assert 0.8 < sd["A"][1] / sd["A"][0] < 1.2  # ... about as wide
    assert sd["B"][1] < 0.7 * sd["B"][0]  # B: narrower ...
    assert abs(np.mean(gnp_b["ridge"]) - gnp_b["truth"]) < 0.1 * sd["B"][0]  # ... and centred


def test_day07_galton_slope_correlation_and_its_uncertainty(r):
    assert r["r"] == pytest.approx(0.3209, abs=1e-4)  # Galton's data: no randomness
    assert r["slope_sd"] == pytest.approx(1.1481, abs=1e-4)
    low, high = r["bootstrap_interval"]
    assert 0.45 < low < r["slope"] < high < 0.85  # stable, and well below 1
    assert high - low < 0.35
    # the bootstrap sd estimates the OLS standard error: sd of a sd from B resamples is
    # about sd / sqrt(2 B); 5 of those, plus 10% for what the closed form assumes
    tolerance = 5 / math.sqrt(2 * SMALL["NUM_BOOTSTRAP"]) + 0.1
    assert abs(math.log(r["bootstrap_sd"] / r["se_ols"])) < tolerance
