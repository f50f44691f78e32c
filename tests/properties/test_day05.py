"""day05_initialization: the lesson's claims over several seeds (see conftest.py)."""

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day05_initialization"
SMALL = {"NUM_INPUTS": 300, "NUM_EPOCHS": 1}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_he_keeps_relu_scale_and_std_001_collapses_it(run_notebook, seed):
    std = run_notebook(NAME, seed, **SMALL)["relu_std"]
    he = np.array(std["He"])
    assert np.all((he / he[0] > 0.5) & (he / he[0] < 2.0)), he  # roughly constant
    small, large = np.array(std["std 0.01"]), np.array(std["std 1"])
    assert small[-1] / small[0] < 1e-3  # vanishes (about 14x per layer)
    assert large[-1] / large[0] > 1e3  # explodes (about 7x per layer)
    lecun = np.array(std["LeCun"])
    assert 0.1 < lecun[-1] / lecun[0] < 0.5  # variance halves per layer: (1/sqrt2)^4 = 0.25
