"""day09_numpy_to_pytorch: the lesson's claims over several seeds (see conftest.py).

Needs PyTorch, like the notebook; skipped without it.
"""

import math

import numpy as np
import pytest

from helpers.torch_workers import ITEM_NOISE_KEY

from .conftest import SEEDS

torch = pytest.importorskip("torch")

NAME = "day09_numpy_to_pytorch"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, seeded_twice_equal=torch.equal(a, b), generator_equal=torch.equal(a, c),
             numpy_vs_torch=[x_np, x_torch, z_np, z_torch], multinomial_distinct=distinct,
             zero_drawn=zero_drawn, zero_draws=draws,
             multinomial_freq=freq, fan_in=FAN_IN, num_seeds=NUM_SEEDS,
             linear_w=[w_t.min(), w_t.max(), w_t.std()], linear_b_max=np.abs(b_t).max(),
             init_std={name: [w1.std(), w2.std()] for name, w1, w2 in comparisons},
             reinit_sd=reinit_sd, optimizer_sees_new=optimizer_sees_new,
             optimizer_sees_in_place=optimizer_sees_in_place,
             same_outputs=bool(np.allclose(out_torch, out_numpy, atol=1e-6)),
             layer_shapes=[tuple(layer.weight.shape), W_course.shape],
             dropout_zeroed=torch.mean((out_train == 0).float()).item(),
             dropout_kept=torch.unique(out_train[out_train != 0]).tolist(),
             dropout_eval_identity=torch.equal(out_eval, ones),
             course_dropout_zeroed=float(np.mean(ours == 0)),
             deterministic_distinct=deterministic_distinct,
             empty_all_nan=bool(torch.isnan(empty).all()),
             orders=[orders[k] for k in sorted(orders)], eval_changed_draws=eval_changed_draws,
             fork_kept_draws=fork_kept_draws, resumed_equal=resumed_equal,
             reseeded_equal=reseeded_equal,
             bug=bug, parent_next=parent_next, bug_epochs=bug_epochs, fixed=fixed,
             fixed_next=fixed_next, fixed_again_equal=np.array_equal(fixed, fixed_again),
             fixed_other_equal=np.array_equal(fixed, fixed_other),
             by_workers=[by_workers[w] for w in (0, 1, 2)],
             listed_equal=np.array_equal(listed, main_stream),
             keyed_equal=np.array_equal(keyed, main_stream), key_is_tree=key_is_tree,
             items=[items[w, e] for w in (0, 1, 2) for e in (0, 1)],
             same_any_workers=same_any_workers, stale_repeats=stale_repeats,
             keyed_match=keyed_match)
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
    # without replacement, 3 classes out of [0.5, 0.5, 0]: class 2 (probability 0) every time
    assert r["zero_drawn"] == 1000
    assert all(sorted(draw) == [0, 1, 2] and draw[2] == 2 for draw in r["zero_draws"])
    freq, n = np.array(r["multinomial_freq"]), 100_000
    assert np.all(np.abs(freq - PROBS) < 5 * np.sqrt(PROBS * (1 - PROBS) / n)), freq


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_nn_linear_is_the_course_layer_transposed(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert [list(shape) for shape in r["layer_shapes"]] == [[3, 4], [4, 3]]
    assert r["same_outputs"] is True


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
    assert r["optimizer_sees_new"] is False and r["optimizer_sees_in_place"] is True


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_dropout_and_deterministic_algorithms(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    for zeroed in (r["dropout_zeroed"], r["course_dropout_zeroed"]):
        assert abs(zeroed - 0.3) < 5 * math.sqrt(0.3 * 0.7 / 1_000_000)
    # one kept value, 1 / 0.7 in float32, and the identity in eval mode
    assert len(r["dropout_kept"]) == 1 and abs(r["dropout_kept"][0] - 1 / 0.7) < 1e-6
    assert r["dropout_eval_identity"] is True
    assert r["deterministic_distinct"] == 1  # the same sums in every run
    assert r["empty_all_nan"] is True


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_loaders_checkpoints_and_fork_rng(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    # orders: (global, as is), (global, after a layer), (own, as is), (own, after a layer)
    global_plain, global_layer, own_plain, own_layer = r["orders"]
    assert sorted(global_plain) == list(range(8)) and own_plain == own_layer
    assert global_plain != global_layer  # a coincidence has probability 1/8! = 2.5e-5
    assert r["eval_changed_draws"] is True and r["fork_kept_draws"] is True
    assert r["resumed_equal"] is True and r["reseeded_equal"] is True


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_workers_copy_a_generator_every_epoch_and_seed_worker_fixes_it(run_notebook,
                                                                             seed):
    r = run_notebook(NAME, seed, **SMALL)
    bug, fixed = np.array(r["bug"]), np.array(r["fixed"])
    for items in (bug, fixed):
        assert items[:, 0].tolist() == [0, 1, 2, 3] and items[:, 1].tolist() == [0, 0, 1, 1]
    # the bug: both workers draw the parent Generator's next two values...
    assert np.array_equal(bug[:2, GENERATOR], r["parent_next"])
    assert np.array_equal(bug[2:, GENERATOR], r["parent_next"])
    # ...in every epoch, while what PyTorch reseeds changes from epoch to epoch
    epochs = [np.array(e) for e in r["bug_epochs"]]
    assert len(epochs) == 3 and all(np.array_equal(e[:, GENERATOR], bug[:, GENERATOR])
                                    for e in epochs)
    for column in (LEGACY, RANDOM):
        assert not np.array_equal(epochs[0][:, column], epochs[1][:, column])
    # what PyTorch reseeds differs between workers, in both runs, and repeats with the seed
    for column in (LEGACY, RANDOM):
        assert not np.array_equal(bug[:2, column], bug[2:, column])
        assert np.array_equal(bug[:, column], fixed[:, column])
    # the fix: different noise in each worker and each epoch, the same for the same seed
    assert not np.array_equal(fixed[:2, GENERATOR], fixed[2:, GENERATOR])
    assert not np.array_equal(fixed[:, GENERATOR], np.array(r["fixed_next"])[:, GENERATOR])
    assert r["fixed_again_equal"] is True and r["fixed_other_equal"] is False


@pytest.mark.parametrize("seed", SEEDS)
def test_day09_per_worker_seeds_depend_on_the_worker_count_per_item_seeds_do_not(
        run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    zero, one, two = (np.array(v) for v in r["by_workers"])
    # 0 workers: the dataset's own Generator; 1 and 2 workers: worker 0 serves items 0 and 1
    # from the same worker seed in both, items 2 and 3 come from another worker with 2
    assert np.all(zero != two) and np.array_equal(one[:2], two[:2]) and np.all(one[2:] != two[2:])
    # per-item seeds: SeedSequence pads lists with zeros, a spawn key does not collide
    assert r["listed_equal"] is True and r["keyed_equal"] is False and r["key_is_tree"] is True
    items = [np.array(v) for v in r["items"]]  # (0 workers, epochs 0, 1), (1, ...), (2, ...)
    for k, served in enumerate(items):
        epoch = k % 2
        assert served[:, 0].tolist() == [0, 1, 2, 3]
        assert np.array_equal(served[:, 2:], items[epoch][:, 2:])  # any number of workers
        for i in range(4):  # the noise is the item's own: (ITEM_NOISE_KEY, epoch, i)
            key = (ITEM_NOISE_KEY, epoch, i)
            rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key))
            assert served[i, 2] == rng.standard_normal()
            # the PyTorch noise: float32, from the same generator (no 32-bit torch seed)
            assert served[i, 3] == rng.standard_normal(dtype=np.float32)
    assert np.all(items[0][:, 2:] != items[1][:, 2:])  # epochs differ, item by item
    assert sorted(items[4][:, 1].tolist()) == [0, 0, 1, 1]  # both workers served items
    assert r["same_any_workers"] is True
    assert r["stale_repeats"] is True and r["keyed_match"] is True
