"""day07_regression: the lesson's claims over several seeds (see conftest.py)."""

import pytest

from .conftest import SEEDS

NAME = "day07_regression"
SMALL = {"NUM_BOOTSTRAP": 500}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day07_gradient_descent_and_galton_slope(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["gd_loss"] == pytest.approx(r["best_loss"], rel=1e-6)  # GD reaches lstsq
    assert r["best_loss"] <= r["sgd_mse"] < 1.02 * r["best_loss"]  # SGD gets close
    low, high = r["bootstrap_interval"]
    assert 0.45 < low < r["slope"] < high < 0.85  # stable, and well below 1
    assert high - low < 0.35
