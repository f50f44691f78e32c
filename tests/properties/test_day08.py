"""day08_law_of_large_numbers: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day08_law_of_large_numbers"
SMALL = {"NUM_DRAWS": 20_000, "MAX_N": 2_000, "NUM_MEANS": 2_000,
         "NUM_RUNS": 16}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_law_of_large_numbers_and_clt(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
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
