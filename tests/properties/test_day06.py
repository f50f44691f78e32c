"""day06_dropout: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest
from scipy import stats

from .conftest import SEEDS

NAME = "day06_dropout"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, kept_mean=kept.mean(), num_units=n, p_drop=P_DROP,
             num_masks=NUM_MASKS, inverted_mean=train_inverted, original_mean=train_original,
             activations=a, snippet_dropped=np.mean(keep_style == 0),
             dropout_dropped=np.mean(drop_style == 0), fixed_dropped=np.mean(fixed_style == 0),
             num_drop_entries=acts.size, test_acc=test_acc, train_acc=train_acc,
             paired=[est, low, high], wins=wins, sweep={str(k): v for k, v in sweep.items()},
             num_train=NUM_TRAIN)
"""
# 6 paired seeds x 3 training-set sizes at the full number of steps: a few seconds per run
SMALL = {"NUM_MASKS": 4_000, "NUM_SEEDS": 6}


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


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_the_keep_probability_snippet_drops_the_complement(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    se = math.sqrt(0.2 * 0.8 / r["num_drop_entries"])
    assert abs(r["snippet_dropped"] - 0.8) < 5 * se  # p = 0.2 read as keep: drops 80%
    assert abs(r["dropout_dropped"] - 0.2) < 5 * se
    assert abs(r["fixed_dropped"] - 0.2) < 5 * se


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_the_paired_gain_and_its_interval(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    test_acc, train_acc = np.array(r["test_acc"]), np.array(r["train_acc"])
    without, with_ = test_acc[:, 0], test_acc[:, 1]
    gain = with_ - without
    ci = stats.ttest_rel(with_, without).confidence_interval(0.95)
    assert r["paired"] == pytest.approx([gain.mean(), ci.low, ci.high], rel=1e-3, abs=1e-6)
    assert r["wins"] == np.sum(gain > 0)
    assert r["sweep"][str(r["num_train"])] == pytest.approx(gain)
    # the network memorizes its small training set without dropout: a gap to the test set
    assert train_acc[:, 0].mean() > 0.99 and np.all(train_acc[:, 0] > test_acc[:, 0])


def test_day06_dropout_helps_less_as_the_training_set_grows(run_notebook):
    """Pooled over the property seeds: the gain at NUM_TRAIN exceeds the gain on the largest
    training set, and is positive (Srivastava et al.'s pattern, for this network)."""
    runs = [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]
    sizes = sorted(int(k) for k in runs[0]["sweep"])
    mid = np.concatenate([r["sweep"][str(r["num_train"])] for r in runs])
    large = np.concatenate([r["sweep"][str(sizes[-1])] for r in runs])
    assert stats.ttest_rel(mid, large, alternative="greater").pvalue < 0.05
    assert stats.ttest_1samp(mid, 0.0, alternative="greater").pvalue < 0.05
