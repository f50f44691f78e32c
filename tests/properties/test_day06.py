"""day06_dropout: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day06_dropout"
SMALL = {"NUM_MASKS": 4_000, "NUM_TRAIN": 200, "NUM_EPOCHS": 5}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_inverted_dropout_preserves_the_mean(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    a, p, m = np.array(r["activations"]), r["p_drop"], r["num_masks"]
    se_inverted = a * math.sqrt(p / (1 - p)) / math.sqrt(m)
    assert np.all(np.abs(np.array(r["inverted_mean"]) - a) < 5 * se_inverted)
    se_original = a * math.sqrt(p * (1 - p)) / math.sqrt(m)
    assert np.all(np.abs(np.array(r["original_mean"]) - (1 - p) * a) < 5 * se_original)
    n = r["num_units"]
    assert abs(r["kept_mean"] - n * (1 - p)) < 5 * math.sqrt(n * p * (1 - p) / m)
