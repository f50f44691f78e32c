"""day04_normalization: the lesson's claims over several seeds (see conftest.py)."""

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day04_normalization"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, train_mean=Z_train.mean(axis=0), train_std=Z_train.std(axis=0),
             constant_std=std[2], constant_careless=careless[:, 2],
             constant_helpers=standardize(X_const)[:, 2],
             leak_mse=scores, r2_leaky=r2_leaky, r2_honest=r2_honest,
             cond={name: np.linalg.cond(A_v.T @ A_v) for name, A_v in A.items()},
             iterations={name: iterations_to(loss, target) for name, loss in losses.items()},
             needed_raw=needed_raw, max_iters=MAX_ITERS, kept=kept)
"""
SMALL = {"MAX_ITERS": 500}  # keeps each run to a few seconds (20 leak seeds are cheap)


@pytest.fixture(params=SEEDS)
def r(request, run_notebook):
    return run_notebook(NAME, request.param, **SMALL)


def test_day04_standardization_gives_zero_mean_unit_std(r):
    assert np.allclose(r["train_mean"], 0, atol=1e-12)
    assert np.allclose(r["train_std"], 1, atol=1e-12)
    assert r["iterations"]["standardized"] < 200  # standardized features converge fast


def test_a_constant_feature_maps_to_zero_only_with_a_tolerance(r):
    assert 0 < r["constant_std"] < 1e-15  # a rounding error, not 0
    assert np.allclose(np.abs(r["constant_careless"]), 1)  # `std == 0` turns it into +-1
    assert np.array_equal(r["constant_helpers"], np.zeros(6))


def test_the_scaler_leak_leaves_least_squares_unchanged(r):
    train, everything = r["leak_mse"]["fitted on train"], r["leak_mse"]["fitted on all"]
    assert abs(train - everything) < 1e-9 * train


def test_a_selection_leak_flatters_the_test_score(r):
    leaky, honest = np.array(r["r2_leaky"]), np.array(r["r2_honest"])
    assert leaky.size == 20
    se = np.sqrt(leaky.var(ddof=1) / leaky.size + honest.var(ddof=1) / honest.size)
    assert leaky.mean() - honest.mean() > 5 * se  # the leak flatters the score
    assert leaky.mean() > 0 and np.sum(leaky > 0) >= 14  # noise looks predictive, mostly
    assert honest.mean() < 0.05  # honestly selected, noise predicts nothing


def test_centring_removes_most_of_the_ill_conditioning(r):
    cond, iters = r["cond"], r["iterations"]
    assert cond["raw"] > 1e6 and cond["scaled only"] > 1e5
    assert cond["centred only"] < 10 and cond["standardized"] < 1.5
    assert iters["centred only"] < 100 and iters["standardized"] < 100
    assert iters["raw"] is None and iters["scaled only"] is None  # not within MAX_ITERS
    assert r["needed_raw"] > 1e6  # by the exact formula: millions of iterations


def test_a_robust_scaler_ignores_one_outlier(r):
    kept = r["kept"]
    assert kept["median / IQR"] == pytest.approx(1, abs=0.02)
    assert kept["standardize"] < 0.7
    assert kept["min-max"] < 0.3
