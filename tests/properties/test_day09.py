"""day09_numpy_to_pytorch: the lesson's claims over several seeds (see conftest.py).

Needs PyTorch, like the notebook; skipped without it.
"""

import math

import numpy as np
import pytest

from .conftest import SEEDS

pytest.importorskip("torch")

NAME = "day09_numpy_to_pytorch"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, seeded_twice_equal=torch.equal(a, b), generator_equal=torch.equal(a, c),
             numpy_vs_torch=[x_np, x_torch, z_np, z_torch], multinomial_distinct=distinct,
             multinomial_freq=freq, fan_in=FAN_IN, num_seeds=NUM_SEEDS,
             linear_w=[w_t.min(), w_t.max(), w_t.std()], linear_b_max=np.abs(b_t).max(),
             init_std={name: [w1.std(), w2.std()] for name, w1, w2 in comparisons},
             reinit_sd=reinit_sd, optimizer_sees_new=optimizer_sees_new,
             dropout_zeroed=torch.mean((out_train == 0).float()).item(),
             deterministic_distinct=deterministic_distinct,
             empty_all_nan=bool(torch.isnan(empty).all()),
             bug=bug, parent_next=parent_next, fixed=fixed,
             fixed_again_equal=np.array_equal(fixed, fixed_again),
             fixed_other_equal=np.array_equal(fixed, fixed_other))
"""
SMALL = {"FAN_IN": 256, "FAN_OUT": 512, "NUM_SEEDS": 400}
PROBS = np.array([0.5, 0.3, 0.2])
GENERATOR, LEGACY, RANDOM = 2, 3, 4  # columns of helpers.torch_workers.COLUMNS


def sd_se(sd, n, kurtosis):
    """Standard error of a sample sd from n values of a distribution with that kurtosis."""
    return sd * math.sqrt((kurtosis - 1) / (4 * n))


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_a_seed_repeats_in_torch_but_differs_from_numpy(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["seeded_twice_equal"] is True and r["generator_equal"] is True
    x_np, x_torch, z_np, z_torch = (np.array(v) for v in r["numpy_vs_torch"])
    assert not np.allclose(x_np, x_torch, atol=1e-3)
    assert not np.allclose(z_np, z_torch, atol=1e-3)


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_multinomial_draws_distinct_classes_unless_replacement(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert all(sorted(draw) == [0, 1, 2] for draw in r["multinomial_distinct"])
    freq, n = np.array(r["multinomial_freq"]), 100_000
    assert np.all(np.abs(freq - PROBS) < 5 * np.sqrt(PROBS * (1 - PROBS) / n)), freq


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_linear_default_and_nn_init_match_the_course(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    fan_in, n = r["fan_in"], SMALL["FAN_IN"] * SMALL["FAN_OUT"]
    bound = 1 / math.sqrt(fan_in)
    w_min, w_max, w_sd = r["linear_w"]
    assert -bound <= w_min < -bound * (1 - 1e-3) and bound * (1 - 1e-3) < w_max <= bound
    assert r["linear_b_max"] <= bound
    sd = bound / math.sqrt(3)
    assert abs(w_sd - sd) < 5 * sd_se(sd, n, 1.8)  # a uniform's kurtosis is 1.8
    for name, (sd_torch, sd_course) in r["init_std"].items():
        kurtosis = 1.8 if "uniform" in name else 3.0
        assert abs(sd_torch - sd_course) < 5 * math.sqrt(2) * sd_se(sd_course, n, kurtosis), name


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_reinitializing_with_randn_changes_the_scale_and_init_fixes_it(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n_w = 15 * r["num_seeds"]  # weights of nn.Linear(5, 3), pooled over the seeds
    var_b = 1 / 15
    expected = {  # name: (sd of the weights, its kurtosis)
        "nn.Linear(5, 3) default": (1 / math.sqrt(15), 1.8),
        "tutorial: nn.Parameter(randn(3, 5))": (1.0, 3.0),
        "fix: kaiming_uniform_(w, a=sqrt(5))": (1 / math.sqrt(15), 1.8),
        "fix: normal_(w, std=1/sqrt(5))": (1 / math.sqrt(5), 3.0),
    }
    assert set(r["reinit_sd"]) == set(expected)
    for name, (sd_w, kurtosis) in expected.items():
        got_sd, got_rms = r["reinit_sd"][name]
        assert abs(got_sd - sd_w) < 5 * sd_se(sd_w, n_w, kurtosis), name
        # The output's mean square is an average over 3 * num_seeds output units of
        # |w_j|^2 + b_j^2 (relative sd below 0.7 per unit) on 10,000 shared inputs
        # (their sample covariance is off by about 1%): 5 standard errors plus 3%.
        rms = math.sqrt(5 * sd_w**2 + var_b)
        tol = 5 * 0.7 / math.sqrt(3 * r["num_seeds"]) / 2 + 0.03
        assert abs(got_rms / rms - 1) < tol, (name, got_rms, rms)
    assert r["optimizer_sees_new"] is False


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_dropout_and_deterministic_algorithms(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert abs(r["dropout_zeroed"] - 0.3) < 5 * math.sqrt(0.3 * 0.7 / 1_000_000)
    assert r["deterministic_distinct"] == 1  # the same sums in every run
    assert r["empty_all_nan"] is True


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_workers_copy_a_generator_and_seed_worker_fixes_it(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    bug, fixed = np.array(r["bug"]), np.array(r["fixed"])
    for items in (bug, fixed):
        assert items[:, 0].tolist() == [0, 1, 2, 3] and items[:, 1].tolist() == [0, 0, 1, 1]
    # the bug: both workers draw the parent Generator's next two values
    assert np.array_equal(bug[:2, GENERATOR], r["parent_next"])
    assert np.array_equal(bug[2:, GENERATOR], r["parent_next"])
    # what PyTorch reseeds differs between workers, in both runs, and repeats with the seed
    for column in (LEGACY, RANDOM):
        assert not np.array_equal(bug[:2, column], bug[2:, column])
        assert np.array_equal(bug[:, column], fixed[:, column])
    # the fix: different noise in each worker, the same items for the same seed
    assert not np.array_equal(fixed[:2, GENERATOR], fixed[2:, GENERATOR])
    assert r["fixed_again_equal"] is True and r["fixed_other_equal"] is False
