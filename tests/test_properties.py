"""Statistical property tests: the lessons' claims, checked over several seeds.

nbval proves each notebook reproduces its stored outputs under ONE seed; a wrong formula
reproduces perfectly. Here selected notebooks run through papermill with other seeds and
smaller sizes (their `parameters` cell), write named results as JSON
(`helpers.results.save_results` with `RESULTS_PATH`), and the claims are asserted with
bounds that hold with high probability (mostly 5 standard errors: a false alarm has odds
below one in a million per check). The seeds are fixed, so a failure is reproducible.
The solution cells' self-checks also run under every seed.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (0, 1, 2)
SMALL = {  # notebook -> parameters that keep each run to a few seconds
    "day04_normalization": {"MAX_ITERS": 500},
    "day05_initialization": {"NUM_INPUTS": 300, "NUM_EPOCHS": 1},
    "day06_dropout": {"NUM_MASKS": 4_000, "NUM_TRAIN": 200, "NUM_EPOCHS": 5},
    "day07_regression": {"NUM_BOOTSTRAP": 500},
    "day08_law_of_large_numbers": {"NUM_DRAWS": 20_000, "MAX_N": 2_000, "NUM_MEANS": 2_000,
                                   "NUM_RUNS": 16},
}


@pytest.fixture(scope="session")
def run_notebook(tmp_path_factory):
    """Execute a notebook with papermill (once per notebook and seed); its results."""
    import papermill as pm

    cache: dict[tuple[str, int], dict] = {}
    out_dir = tmp_path_factory.mktemp("properties")

    def run(name: str, seed: int) -> dict:
        if (name, seed) not in cache:
            results = out_dir / f"{name}_seed{seed}.json"
            params = {"SEED": seed, "RESULTS_PATH": str(results), **SMALL[name]}
            pm.execute_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"),
                                str(out_dir / f"{name}_seed{seed}.ipynb"),
                                parameters=params, cwd=str(ROOT / "notebooks"),
                                kernel_name="python3", progress_bar=False)
            cache[name, seed] = json.loads(results.read_text(encoding="utf-8"))
        return cache[name, seed]

    return run


@pytest.mark.parametrize("seed", SEEDS)
def test_day04_standardization_gives_zero_mean_unit_std(run_notebook, seed):
    r = run_notebook("day04_normalization", seed)
    assert np.allclose(r["train_mean"], 0, atol=1e-12)
    assert np.allclose(r["train_std"], 1, atol=1e-12)
    assert r["iterations_standardized"] < 200  # standardized features converge fast


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_he_keeps_relu_scale_and_std_001_collapses_it(run_notebook, seed):
    std = run_notebook("day05_initialization", seed)["relu_std"]
    he = np.array(std["He"])
    assert np.all((he / he[0] > 0.5) & (he / he[0] < 2.0)), he  # roughly constant
    small, large = np.array(std["std 0.01"]), np.array(std["std 1"])
    assert small[-1] / small[0] < 1e-3  # vanishes (about 14x per layer)
    assert large[-1] / large[0] > 1e3  # explodes (about 7x per layer)
    lecun = np.array(std["LeCun"])
    assert 0.1 < lecun[-1] / lecun[0] < 0.5  # variance halves per layer: (1/sqrt2)^4 = 0.25


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_inverted_dropout_preserves_the_mean(run_notebook, seed):
    r = run_notebook("day06_dropout", seed)
    a, p, m = np.array(r["activations"]), r["p_drop"], r["num_masks"]
    se_inverted = a * math.sqrt(p / (1 - p)) / math.sqrt(m)
    assert np.all(np.abs(np.array(r["inverted_mean"]) - a) < 5 * se_inverted)
    se_original = a * math.sqrt(p * (1 - p)) / math.sqrt(m)
    assert np.all(np.abs(np.array(r["original_mean"]) - (1 - p) * a) < 5 * se_original)
    n = r["num_units"]
    assert abs(r["kept_mean"] - n * (1 - p)) < 5 * math.sqrt(n * p * (1 - p) / m)


@pytest.mark.parametrize("seed", SEEDS)
def test_day07_gradient_descent_and_galton_slope(run_notebook, seed):
    r = run_notebook("day07_regression", seed)
    assert r["gd_loss"] == pytest.approx(r["best_loss"], rel=1e-6)  # GD reaches lstsq
    assert r["best_loss"] <= r["sgd_mse"] < 1.02 * r["best_loss"]  # SGD gets close
    low, high = r["bootstrap_interval"]
    assert 0.45 < low < r["slope"] < high < 0.85  # stable, and well below 1
    assert high - low < 0.35


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_law_of_large_numbers_and_clt(run_notebook, seed):
    r = run_notebook("day08_law_of_large_numbers", seed)
    n = np.array(r["checkpoints"])
    # the running-mean error shrinks like sigma / sqrt(n)
    assert np.all(np.abs(r["mean_errors"]) < 5 * r["sigma"] / np.sqrt(n))
    assert abs(r["final_std"] - r["sigma"]) < 5 * r["sigma"] / math.sqrt(2 * n[-1])
    # categorical frequencies approach p
    p, freq = np.array(r["p"]), np.array(r["frequencies"])
    assert np.all(np.abs(freq - p) < 5 * np.sqrt(p * (1 - p) / n[:, None]))
    # Monte Carlo error ~ n^(-1/2)
    assert -0.65 < r["mc_slope"] < -0.35
    # CLT width sigma / sqrt(n)
    for key, theory in r["clt_theory"].items():
        assert r["clt_std"][key] == pytest.approx(theory, rel=0.12), key
