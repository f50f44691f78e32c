"""day01_seeding: the lesson's claims over several seeds (see conftest.py)."""

from concurrent.futures import ProcessPoolExecutor
from operator import methodcaller

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day01_seeding"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, first=first, again=again, seeds=seeds, lcg_first=lcg_first,
             lcg_steps=lcg_steps, rng_first=rng_first, num_draws=NUM_DRAWS, bin_counts=counts,
             u_mean=u.mean(), u_min=u.min(), u_max=u.max(), legacy_first_word=legacy_first_word,
             pcg_by_hand=[str(v) for v in pcg_by_hand], pcg_numpy=[str(v) for v in pcg_numpy],
             pcg_float=pcg_float == np.random.default_rng(SEED).random(),
             coin_wrong_values=np.unique(coin_wrong), coin_right_values=np.unique(coin_right),
             same_weights=np.array_equal(W1, W2), w_alone=w_alone, w_shifted=w_shifted,
             init_before=init_before, init_after=init_after, init_by_hand=init_by_hand,
             entropy_rebuilds=entropy_rebuilds, threads_same=threads_same,
             pinned_same=pinned_same, floats_same=floats_same, bytes_same=bytes_same,
             losses1=losses1, losses2=losses2, losses3=losses3, resumed_same=resumed_same,
             restarted_same=restarted_same, half=half, lcg_bits=lcg_bits[:16],
             lcg_flips=lcg_flips, pcg_flips=pcg_flips, lcg_period8=lcg_period8,
             chi_square=chi_square, p_value=p_value, order_matters=order_matters,
             copies_first=copies_first, spawned_first=spawned_first,
             passed_through=passed_through, seed_repeats=seed_repeats,
             generator_moves_on=generator_moves_on)
"""
SMALL = {"NUM_DRAWS": 2_000, "NUM_SAMPLES": 100, "NUM_STEPS": 10}  # a run takes a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_same_seed_same_numbers_and_loss_curves(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["first"] == r["again"]
    assert r["same_weights"]
    assert r["losses1"] == r["losses2"]  # bit for bit, not just close
    assert r["losses1"] != r["losses3"]  # another seed: another run
    assert len(r["losses1"]) == SMALL["NUM_STEPS"]
    assert r["losses1"][-1] < r["losses1"][0]  # the toy fit does learn
    assert r["pinned_same"]  # Generator(PCG64(seed)) is what default_rng(seed) makes today


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_default_rng_takes_a_seed_or_passes_a_generator_through(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["passed_through"]  # default_rng(g) is g
    assert r["seed_repeats"]  # a seed makes a new Generator at every call
    assert r["generator_moves_on"]  # a Generator is used, and moves on, at every call


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_checkpointed_run_resumes_bit_for_bit_and_a_restarted_stream_does_not(
        run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["half"] == SMALL["NUM_STEPS"] // 2
    assert r["resumed_same"]  # the restored bit generator state repeats the run exactly
    assert not r["restarted_same"]  # restarting the stream from the seed redraws batches


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_seeding_and_pcg64_by_hand(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["legacy_first_word"] == seed  # RandomState puts a 32-bit seed into its state
    assert r["pcg_by_hand"] == r["pcg_numpy"]  # the 128-bit LCG + XSL RR output is PCG64
    assert r["pcg_float"]  # and random() is the top 53 bits of its first output


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_a_function_given_rng_still_consumes_its_draws(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["w_alone"] != r["w_shifted"]
    assert r["entropy_rebuilds"]  # SeedSequence(entropy) rebuilds the stream
    assert r["threads_same"]  # one Generator per thread: independent of the scheduling


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_the_size_of_a_request_is_an_argument(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["floats_same"]  # random(): five calls equal one call of size five, today
    assert not r["bytes_same"]  # uint8 integers: several values per 32-bit draw in one call


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_spawned_streams_are_unaffected_by_each_other(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["init_before"] == r["init_after"]
    assert r["init_by_hand"] == r["init_before"]  # named_streams is SeedSequence.spawn


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_integers_is_half_open(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["coin_wrong_values"] == [0]  # integers(0, 1) never draws 1
    assert r["coin_right_values"] == [0, 1]


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_random_is_flat_on_the_half_open_unit_interval(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["num_draws"]
    assert n == SMALL["NUM_DRAWS"] and sum(r["bin_counts"]) == n
    counts = np.array(r["bin_counts"])
    assert np.all(np.abs(counts - n / 10) < 5 * np.sqrt(n * 0.1 * 0.9)), counts
    assert abs(r["u_mean"] - 0.5) < 5 * np.sqrt(1 / 12 / n)
    assert 0 <= r["u_min"] and r["u_max"] < 1


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_lcg_neighbours_stay_close_but_seedsequence_scatters_them(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["seeds"] == list(range(seed, seed + 5))
    assert r["lcg_steps"] == [round(1664525 / 2**32, 8)]  # every step is a / m
    first = np.array(r["rng_first"])
    # The LCG's five first draws span 4 * a / m = 0.0016; five independent uniforms span less
    # than 0.05 with probability below 1e-4.
    assert first.max() - first.min() > 0.05, first


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_lcg_low_bits_have_short_periods_and_pcg64s_do_not(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["lcg_bits"] == [1 - seed % 2, seed % 2] * 8  # a and c odd: every step flips it
    assert r["lcg_flips"] == 1.0 and r["lcg_period8"]
    # 9,999 steps of a fair coin: the share of flips has standard error 0.005
    assert abs(r["pcg_flips"] - 0.5) < 5 * 0.005, r["pcg_flips"]


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_chi_square_of_the_uniform_histogram(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    counts, expected = np.array(r["bin_counts"]), SMALL["NUM_DRAWS"] / 10
    assert np.isclose(r["chi_square"], np.sum((counts - expected) ** 2 / expected))
    assert r["p_value"] > 1e-6  # a uniform generator: p is uniform on [0, 1]


@pytest.mark.parametrize("seed", SEEDS)
def test_day01_a_shared_generator_depends_on_the_order_and_copies_repeat_it(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["order_matters"]
    assert len(set(r["copies_first"])) == 1  # pickled copies: one stream four times
    assert len(set(r["spawned_first"])) == 4


def test_day01_a_process_pool_hands_every_task_a_copy_of_rng():
    """What the notebook shows with pickle happens in a real process pool."""
    rng = np.random.default_rng(0)
    with ProcessPoolExecutor(2) as pool:
        firsts = list(pool.map(methodcaller("random"), [rng] * 4))
        spawned = list(pool.map(methodcaller("random"), rng.spawn(4)))
    assert firsts == [np.random.default_rng(0).random()] * 4
    assert len(set(spawned)) == 4
