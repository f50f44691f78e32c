"""day04_normalization: the lesson's claims over several seeds (see conftest.py)."""

import numpy as np
import pytest

from helpers.intervals import mean_interval

from .conftest import SEEDS

NAME = "day04_normalization"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(
    RESULTS_PATH, train_mean=Z_train.mean(axis=0), train_std=Z_train.std(axis=0),
    constant_std=std[2], constant_careless=careless[:, 2],
    constant_helpers=standardize(X_const)[:, 2], leak_mse=scores,
    unscaled=unscaled, leak_runs={f"{name} {size}": [honest[name, size], leaked[name, size]]
                                  for name, size in rows},
    range_share=range_share, std_share=std_share, r2_leaky=r2_leaky, r2_honest=r2_honest,
    cond={name: np.linalg.cond(A_v.T @ A_v) for name, A_v in A.items()},
    kappa={name: c.max() / c.min() for name, c in curvatures.items()},
    iterations={name: iterations_to(loss, target) for name, loss in losses.items()},
    needed=needed, tuned={name: n for name, (_, n) in tuned.items()}, max_iters=MAX_ITERS,
    r=r, kappa_std=kappa_std,
    long_cond=np.linalg.cond(A_long.T @ A_long),
    white_cond=np.linalg.cond(A_white.T @ A_white), long_steps=long_steps, kept=kept)
"""
# Small runs: 500 iterations reach the target for centred and standardized features; 20
# splits per leak measurement (pooled over the seeds where a claim is about a mean).
SMALL = {"MAX_ITERS": 500, "NUM_SPLITS": 20}


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


def test_the_scaler_leak_leaves_least_squares_unchanged(r):
    train, everything = r["leak_mse"]["fitted on train"], r["leak_mse"]["fitted on all"]
    assert abs(train - everything) < 1e-9 * train


def test_scaling_makes_knn_more_accurate(r):
    unscaled = np.array(r["unscaled"])
    for key in ("min-max 0.8", "standardize 0.8"):
        scaled = np.array(r["leak_runs"][key][0])  # the pipeline, on the same 80/20 splits
        _, low, _ = mean_interval(scaled - unscaled)
        assert low > 0.01, key  # a gain of about 3.5 points; half-width about 1 (20 splits)


def _diffs(runs, key):
    return np.concatenate([np.subtract(*run["leak_runs"][key][::-1]) for run in runs])


def test_a_min_max_leak_flatters_knn_with_30_training_rows(runs):
    diffs = _diffs(runs, "min-max 30")  # leaky - honest, 60 splits over three seeds
    _, low, _ = mean_interval(diffs)
    assert low > 0  # about +1 point; its interval's half-width is about 0.35 points
    assert np.sum(diffs < 0) > 0  # some splits go the other way


def test_other_scaler_leaks_average_near_zero(runs):
    for key in ("standardize 30", "min-max 0.8", "standardize 0.8"):
        diffs = _diffs(runs, key)
        assert abs(diffs.mean()) < 0.006, key  # within 0.6 points: about 5 standard errors
    assert np.sum(_diffs(runs, "standardize 30") < 0) > 0  # up in some splits, down in others
    assert np.sum(_diffs(runs, "standardize 30") > 0) > 0


def test_with_30_training_rows_the_leak_changes_most_splits(r):
    for key in ("min-max 30", "standardize 30"):
        honest, leaked = map(np.array, r["leak_runs"][key])
        assert np.mean(honest != leaked) > 0.6, key  # about 0.9


def test_ranges_of_30_rows_fall_short_more_than_standard_deviations(r):
    range_share, std_share = np.array(r["range_share"]), np.array(r["std_share"])
    assert range_share.min() < 0.5 and range_share.max() < 1
    assert np.abs(1 - std_share).max() < np.abs(1 - range_share).max()
    assert std_share.min() > range_share.min() + 0.2


def test_a_selection_leak_flatters_the_test_score(r):
    leaky, honest = np.array(r["r2_leaky"]), np.array(r["r2_honest"])
    assert leaky.size == 20
    se = np.sqrt(leaky.var(ddof=1) / leaky.size + honest.var(ddof=1) / honest.size)
    assert leaky.mean() - honest.mean() > 5 * se  # the leak flatters the score
    assert leaky.mean() > 0 and np.sum(leaky > 0) >= 14  # noise looks predictive, mostly
    assert honest.mean() < 0.05 and np.sum(honest > 0) <= 6  # honestly: it predicts nothing


def test_centring_removes_most_of_the_ill_conditioning(r):
    cond = r["cond"]
    assert cond["raw"] > 1e6 and cond["scaled only"] > 1e5
    assert cond["centred only"] < 10 and cond["standardized"] < 1.5
    for name, kappa in r["kappa"].items():  # the Hessian's kappa is that of A^T A
        assert kappa == pytest.approx(cond[name], rel=1e-6)


def test_with_step_one_over_l_the_iterations_follow_kappa(r):
    kappa, needed, iters, tuned = r["kappa"], r["needed"], r["iterations"], r["tuned"]
    assert sorted(kappa, key=kappa.get) == sorted(needed, key=needed.get)
    assert sorted(kappa, key=kappa.get) == sorted(tuned, key=tuned.get)  # each step tuned
    assert tuned["raw"] / tuned["standardized"] > 1e5  # "about a million" (0.6 to 4 million)
    assert needed["standardized"] < needed["centred only"] < 100  # a few dozen at most
    assert iters["standardized"] == needed["standardized"]  # the formula and the runs agree
    assert iters["centred only"] == needed["centred only"]
    assert iters["raw"] is None and iters["scaled only"] is None  # not within MAX_ITERS
    assert needed["raw"] > 1e6 and needed["raw"] / needed["standardized"] > 1e5


def test_standardized_kappa_is_set_by_the_correlation(r):
    rho = abs(r["r"])
    assert r["kappa_std"] == pytest.approx((1 + rho) / (1 - rho), rel=1e-9)
    assert rho < 0.2  # fathers' and mothers' heights barely correlate


def test_whitening_fixes_what_standardization_leaves_on_longley(r):
    assert 1.2e4 < r["long_cond"] < 1.25e4
    assert r["white_cond"] == pytest.approx(1, abs=1e-9)
    assert r["long_steps"]["standardized"] > 1e4 and r["long_steps"]["whitened"] == 1


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
    assert len(r["leak_runs"]["min-max 30"][0]) == 6 and len(r["r2_leaky"]) == 6
    assert r["iterations"]["centred only"] is not None  # reached within 100 iterations
    assert r["iterations"]["standardized"] <= r["iterations"]["centred only"]
