"""day04_normalization: the lesson's claims over several seeds (see conftest.py)."""

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day04_normalization"
SMALL = {"MAX_ITERS": 500}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day04_standardization_gives_zero_mean_unit_std(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert np.allclose(r["train_mean"], 0, atol=1e-12)
    assert np.allclose(r["train_std"], 1, atol=1e-12)
    assert r["iterations_standardized"] < 200  # standardized features converge fast
