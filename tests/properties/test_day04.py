"""day04_normalization: the lesson's claims over several seeds (see conftest.py)."""

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day04_normalization"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(
    RESULTS_PATH, train_mean=Z_train.mean(axis=0), train_std=Z_train.std(axis=0),
    constant_std=std[2], constant_careless=careless[:, 2],
    constant_helpers=standardize(X_const)[:, 2], leak_mse=scores,
    constant_new=[(v - mean_const) / std[2] for v in (0.1 + 1e-12, 0.1 - 1e-9)],
    leak_control=gains,
    knn={f"{k} {size} {scaler} {leak}": knn_accuracy(k, size, scaler, leak)
         for k, size in settings for scaler in (None, *scalers)
         for leak in ((False,) if scaler is None else (False, True))},
    range_share=range_share, std_share=std_share, r2_leaky=r2_leaky, r2_honest=r2_honest,
    cond={name: np.linalg.cond(A_v) ** 2 for name, A_v in A.items()},
    cond_bc={name: np.linalg.cond(A_v) ** 2 for name, A_v in A_bc.items()},
    kappa=kappa, needed=needed, per_digit=per_digit, best_fixed=best_fixed, agree=agree,
    max_iters=MAX_ITERS,
    final_error={name: coefficient_error(raw_coefficients(np.array([b, *w]), *versions[name]),
                                         theta_opt) for name, (w, b, _) in runs.items()},
    final_above={name: mse(y_train, predict(variants[name], w, b)) / optimum - 1
                 for name, (w, b, _) in runs.items()},
    error_grid={name: coefficient_error(raw_coefficients(theta_after(
        A[name], y_train, step[name], np.unique(np.geomspace(1, 2 * n[2], 300).astype(int))),
        *versions[name]), theta_opt) for name, n in needed.items()},
    one_step_above=excess_loss(A["raw"], y_train, one)[0] / optimum,
    one_step_error=coefficient_error(raw_coefficients(one, *versions["raw"]), theta_opt)[0],
    loss_share_steepest=(lam * c**2 / np.sum(lam * c**2))[-1],
    error_share_steepest=(c**2 / np.sum(c**2))[-1],
    loss_needed=loss_needed, r=r, kappa_std=kappa_std,
    long_cond=np.linalg.cond(A_long.T @ A_long),
    white_cond=np.linalg.cond(A_white.T @ A_white), long_steps=long_steps,
    long_kappa=long_kappa, left_after_20=left_after_20, kept=kept,
    streams_seeded=[[g.bit_generator.seed_seq.entropy, *g.bit_generator.seed_seq.spawn_key]
                    for g in (rng, control_rng, *streams)])
"""
# Small runs: 500 iterations (the formulas extrapolate the rest); 40 splits per k-NN
# measurement, pooled over the three seeds (120 splits) where a claim is about a mean.
SMALL = {"MAX_ITERS": 500, "NUM_SPLITS": 40}
SETTINGS = [(5, 30), (5, 0.8), (15, 30), (15, 0.8)]
SCALERS = ("min-max", "standardize")


@pytest.fixture(params=SEEDS)
def r(request, run_notebook):
    return run_notebook(NAME, request.param, **SMALL)


@pytest.fixture
def runs(run_notebook):
    return [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]


def test_day04_standardization_gives_zero_mean_unit_std(r):
    assert np.allclose(r["train_mean"], 0, atol=1e-12)
    assert np.allclose(r["train_std"], 1, atol=1e-12)


def test_a_constant_feature_maps_to_zero_only_with_a_tolerance(r):
    assert 0 < r["constant_std"] < 1e-15  # a rounding error, not 0
    assert np.allclose(np.abs(r["constant_careless"]), 1)  # `std == 0` turns it into +-1
    assert np.array_equal(r["constant_helpers"], np.zeros(6))


def test_a_rounding_error_scale_blows_up_new_values(r):
    small, larger = r["constant_new"]
    assert abs(small) > 1e4 and abs(larger) > 1e7  # 0.1 +- 1e-12 and 1e-9 land far away


def test_unlabeled_non_test_rows_recover_much_of_the_min_max_leak(runs):
    gains = np.concatenate([np.array(run["leak_control"]) for run in runs])  # 120 splits
    leak, control = gains[:, 0], gains[:, 1]
    # k = 15, 30 rows; at SEED 42, 1, 7, 3, 11 the control was 42-86% of the leak
    assert control.mean() > 4 * _se(control)  # the honest 300-row range gains too
    assert control.mean() > 0.3 * leak.mean()  # a large part of the leak's gain


def test_the_scaler_leak_leaves_least_squares_unchanged(r):
    train, everything = r["leak_mse"]["fitted on train"], r["leak_mse"]["fitted on all"]
    assert abs(train - everything) < 1e-9 * train


def _scores(run, k, size, scaler=None, leak=False):
    return np.array(run["knn"][f"{k} {size} {scaler} {leak}"])


def _gain(runs, k, size, scaler):
    """Pipeline minus unscaled, per split, pooled over the seeds (in points)."""
    return 100 * np.concatenate([_scores(run, k, size, scaler) - _scores(run, k, size)
                                 for run in runs])


def _leak(runs, k, size, scaler):
    """Scaled with all the rows minus the pipeline, per split, pooled over the seeds."""
    return 100 * np.concatenate([_scores(run, k, size, scaler, True)
                                 - _scores(run, k, size, scaler) for run in runs])


def _se(x):
    return x.std(ddof=1) / np.sqrt(x.size)


def test_scaling_makes_knn_more_accurate_except_with_k_15_of_30_rows(runs):
    for scaler in SCALERS:
        for k in (5, 15):
            assert _gain(runs, k, 0.8, scaler).mean() > 2, (k, scaler)  # about 3.5 points
        gain = _gain(runs, 5, 30, scaler)
        assert gain.mean() > 0.5 and gain.mean() > 5 * _se(gain), scaler  # about 2.3 points
        assert _gain(runs, 15, 30, scaler).mean() < 1.5, scaler  # about -0.2: nothing


def test_a_min_max_leak_flatters_knn_with_30_training_rows(runs):
    for k in (5, 15):
        leak = _leak(runs, k, 30, "min-max")
        assert leak.mean() > 5 * _se(leak), k  # about +1.1 (k = 5) and +1.8 points (k = 15)
        assert np.sum(leak < 0) > 0, k  # some splits go the other way


def test_with_30_rows_the_min_max_leak_is_a_sizeable_share_of_the_gain_or_more(runs):
    leak5, gain5 = _leak(runs, 5, 30, "min-max"), _gain(runs, 5, 30, "min-max")
    assert leak5.mean() > 0.15 * gain5.mean()  # about half of it
    excess = _leak(runs, 15, 30, "min-max") - _gain(runs, 15, 30, "min-max")  # paired
    # k = 15: the leak is larger than the gain, by about 1.9 points (about 4 standard
    # errors over 120 splits; 0 lies about 4 standard errors below that mean)
    assert excess.mean() > 2 * _se(excess)


def test_other_scaler_leaks_stay_within_a_point_of_zero(runs):
    for k, size in SETTINGS:
        for scaler in SCALERS:
            if scaler == "min-max" and size == 30:
                continue
            leak = _leak(runs, k, size, scaler)
            assert abs(leak.mean()) < 1, (k, size, scaler)  # at most about 0.4 points
            assert _gain(runs, k, size, scaler).mean() > 2 or size == 30


def test_with_30_training_rows_the_leak_changes_most_splits(r):
    for k in (5, 15):
        for scaler in SCALERS:
            honest, leaked = _scores(r, k, 30, scaler), _scores(r, k, 30, scaler, True)
            assert np.mean(honest != leaked) > 0.6, (k, scaler)  # about 0.9


def test_ranges_of_30_rows_fall_short_more_than_standard_deviations(r):
    range_share, std_share = np.array(r["range_share"]), np.array(r["std_share"])
    assert range_share.min() < 0.5 and range_share.max() < 1
    assert np.abs(1 - std_share).max() < np.abs(1 - range_share).max()
    assert std_share.min() > range_share.min() + 0.2


def test_no_two_streams_of_the_day_share_a_seed(r):
    """rng, the control's stream and the noise data sets' streams: one SEED, distinct spawn
    keys (a stream built twice from the same SeedSequence would repeat another's draws)."""
    seeded = [tuple(key) for key in r["streams_seeded"]]
    assert len(seeded) == 2 + 20 and len(set(seeded)) == len(seeded)
    assert len({key[0] for key in seeded}) == 1  # all from the one SEED


def test_a_selection_leak_flatters_the_test_score(r):
    leaky, honest = np.array(r["r2_leaky"]), np.array(r["r2_honest"])
    assert leaky.size == 20
    se = np.sqrt(leaky.var(ddof=1) / leaky.size + honest.var(ddof=1) / honest.size)
    assert leaky.mean() - honest.mean() > 5 * se  # the leak flatters the score
    assert leaky.mean() > 0 and np.sum(leaky > 0) >= 14  # noise looks predictive, mostly
    assert honest.mean() < 0.05 and np.sum(honest > 0) <= 6  # honestly: it predicts nothing


def test_centring_helps_galton_most_and_scaling_helps_breast_cancer_most(r):
    cond, bc = r["cond"], r["cond_bc"]
    assert cond["raw"] > 1e6 and cond["scaled only"] > 1e5
    assert cond["centred only"] < 10 and cond["standardized"] < 1.5
    for name, kappa in r["kappa"].items():  # the Hessian's kappa is that of A^T A
        assert kappa == pytest.approx(cond[name], rel=1e-6)
    assert bc["raw"] / bc["centred only"] < 10  # centring: about 3.8
    assert bc["raw"] / bc["scaled only"] > 1e5  # scaling: about 8e5
    assert 5e4 < bc["standardized"] < 2e5  # correlations keep it near 1e5


def test_each_further_digit_costs_what_kappa_says(r):
    kappa, needed = r["kappa"], r["needed"]
    for name in ("raw", "scaled only"):
        measured = needed[name][2] - needed[name][1]
        assert measured == pytest.approx(r["per_digit"][name], rel=1e-3), name
        assert measured == pytest.approx(needed[name][1] - needed[name][0], rel=1e-2), name
        assert r["per_digit"][name] == pytest.approx(np.log(10) * kappa[name], rel=1e-5)
        # the best fixed step, 2/(L + mu): about half the price at 1/L for a large kappa
        assert r["best_fixed"][name] == pytest.approx(r["per_digit"][name] / 2, rel=1e-5)
    measured = needed["centred only"][2] - needed["centred only"][1]
    assert abs(measured - r["per_digit"]["centred only"]) <= 1
    for name, k in kappa.items():  # (kappa - 1)/(kappa + 1) per step, below 1 - 1/kappa
        theta = (k - 1) / (k + 1)
        assert r["best_fixed"][name] == pytest.approx(np.log(10) / -np.log(theta), rel=1e-6)
        assert r["best_fixed"][name] < r["per_digit"][name], name
        # independently: over a grid of stable steps (L = 1, mu = 1/kappa), the slowest
        # direction's factor is smallest at 2/(L + mu), where it is (kappa - 1)/(kappa + 1)
        eta = np.linspace(1e-3, 2, 200_001)
        slowest = np.maximum(np.abs(1 - eta / k), np.abs(1 - eta))
        assert slowest.min() == pytest.approx(theta, abs=1e-4)
        assert eta[np.argmin(slowest)] == pytest.approx(2 / (1 + 1 / k), abs=1e-4)
    assert abs(needed["standardized"][2] - needed["standardized"][1]
               - r["per_digit"]["standardized"]) <= 1.5


def test_the_steps_to_every_tolerance_follow_kappa(r):
    kappa, needed = r["kappa"], r["needed"]
    order = sorted(kappa, key=kappa.get)  # standardized, centred, scaled only, raw
    assert order == ["standardized", "centred only", "scaled only", "raw"]
    for i in range(3):  # at 10%, 1% and 0.1%
        counts = [needed[name][i] for name in order]
        assert counts == sorted(counts) and len(set(counts[1:])) == 3, i
        assert needed["raw"][i] > 1e6 and needed["scaled only"][i] > 1e5, i
        assert needed["centred only"][i] < 100 and needed["standardized"][i] <= 5, i
    assert needed["raw"][1] / needed["standardized"][1] > 1e6  # "millions of times"


def test_the_error_stays_within_a_tolerance_once_it_is(r):
    """first_step bisects: it needs the coefficient error to stay within a tolerance once
    within it (checked on a log grid of steps up to twice the count for 0.1%)."""
    for name, n in r["needed"].items():
        grid = np.unique(np.geomspace(1, 2 * n[2], 300).astype(int))
        error = np.array(r["error_grid"][name])
        for tol, count in zip((0.1, 0.01, 0.001), n, strict=True):
            assert np.all(error[grid >= count] <= tol), (name, tol)
            assert np.all(error[grid < count] > tol), (name, tol)


def test_the_formulas_reproduce_the_runs_and_the_loss_looks_done_first(r):
    assert r["agree"] is True
    for name in ("raw", "scaled only"):  # after 500 steps: loss nearly done, coefficients not
        assert r["final_above"][name] < 0.06 and r["final_error"][name] > 0.5, name
    for name in ("centred only", "standardized"):
        assert r["final_above"][name] < 5e-4 and r["final_error"][name] < 0.005, name
    assert r["one_step_above"] < 0.06 and r["one_step_error"] > 0.5  # raw, after one step
    assert r["loss_share_steepest"] > 0.999 and r["error_share_steepest"] < 0.01
    loss = r["loss_needed"]  # steps to within 10% and 1% of the optimal loss
    assert loss["raw"][0] == 1 == loss["scaled only"][0] < loss["centred only"][0]
    assert loss["raw"][1] > 1e5 and loss["scaled only"][1] > 1e5
    assert loss["centred only"][1] < 100 and loss["standardized"][1] <= 5


def test_standardized_kappa_is_set_by_the_correlation(r):
    rho = abs(r["r"])
    assert r["kappa_std"] == pytest.approx((1 + rho) / (1 - rho), rel=1e-9)
    assert rho < 0.2  # fathers' and mothers' heights barely correlate


def test_whitening_fixes_what_standardization_leaves_on_longley(r):
    assert 1.2e4 < r["long_cond"] < 1.25e4
    assert r["white_cond"] == pytest.approx(1, abs=1e-9)
    assert r["long_steps"]["standardized"] > 1e4 and r["long_steps"]["whitened"] == 1
    assert r["long_kappa"]["whitened"] == pytest.approx(1, abs=1e-9)
    left = r["left_after_20"]  # the contour figure's two Longley features, 20 steps
    assert left["raw scales"] > 0.5 and left["standardized"] < 0.1
    assert left["whitened"] < 1e-9


def test_a_robust_scaler_ignores_one_outlier(r):
    kept = r["kept"]
    assert kept["median / IQR"] == pytest.approx(1, abs=0.02)
    assert kept["standardize"] < 0.7
    assert kept["min-max"] < 0.3


@pytest.mark.parametrize("test_fraction", [0.1, 0.5])
def test_the_ends_of_the_parameter_ranges_run_cleanly(run_notebook, test_fraction):
    """The fewest splits and data sets an interval can use, the shortest run, and both ends
    of TEST_FRACTION: no crash and nothing non-finite (save_results refuses NaN)."""
    r = run_notebook(NAME, 0, NUM_SPLITS=6, NUM_LEAK_SEEDS=6, MAX_ITERS=100,
                     TEST_FRACTION=test_fraction)
    assert len(r["knn"]["5 30 min-max False"]) == 6 and len(r["r2_leaky"]) == 6
    assert r["agree"] is True and r["final_error"]["centred only"] < 0.005
    assert r["needed"]["standardized"][1] <= r["needed"]["centred only"][1]
