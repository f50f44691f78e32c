"""day06_dropout: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest
from scipy import stats

from helpers.data import read_columns

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
             paired=[est, low, high], wins=wins, val_curves=acc["val"],
             lr_grid=LR_GRID, lr_chosen=lr_chosen, val_best=val_best,
             test_curves=acc["test"], train_curves=acc["train"],
             first_gain={str(k): sweep[k][1]["test"][:, 1, 0] - sweep[k][1]["test"][:, 0, 0]
                         for k in sizes},
             early_stopped_gain={str(k): summary[k][2] for k in sizes}, num_train=NUM_TRAIN,
             median_shift=np.median(shift), z_var=z_train.var(axis=0, ddof=1).mean(),
             z_var_formula=var_formula.mean(), relu_train=np.maximum(z_train, 0).mean(),
             relu_eval=np.maximum(z_eval, 0).mean(), scaled_acc=scaled,
             mc_acc={str(k): v for k, v in mc_acc.items()},
             sweep_diverged={str(k): np.isnan(sweep[k][1]["test"]).any(axis=-1) for k in sizes},
             sweep_idx={str(k): sweep_idx[k] for k in sizes}, lr_idx=lr_idx,
             stepped_down={str(k): stepped_down[k] for k in sizes},
             left_out={str(k): left_out[k] for k in sizes}, ridge_mc=ridge_mc,
             long_gain={str(k): v for k, v in long_gain.items()},
             half_budget_gain=budget_gain[int(half_budget)],
             full_budget_gain=budget_gain[int(steps[-1])],
             ridge_se=ridge_se, ridge_closed=ridge_closed, ridge_plain=plain)
"""
# 6 paired seeds at the full number of steps; TRAIN_SIZES = [1000] (the default) drops the
# 100-image sweep, which no test reads, to pay for LR_GRID's fourth rate
SMALL = {"NUM_MASKS": 4_000, "NUM_SEEDS": 6, "TRAIN_SIZES": [1000]}
SMALL_STEPS = 960  # NUM_STEPS, the default: 30 epochs of 32 steps at 1000 images
# The whole section 6 sweep with 100 images added (the notebook's "to go further"; the default
# seeds and steps), where a rate tuned on NUM_TRAIN images can diverge at 100: SEED 4 and P_DROP = 0.2 (the notebook's own "to go
# further") once crashed there, with NaN accuracies in the figure. One run each (each is a
# whole default-size run of the notebook, so only the two that crashed).
SWEEPS = [(4, {}), (42, {"P_DROP": 0.2})]
FULL = {"NUM_MASKS": 4_000, "TRAIN_SIZES": [100, 1000]}
# Section 5 run at 1000 images: both arms' rates and checkpoints chosen there on validation
# (the same LR_GRID and split), which section 6 does not do at its other sizes.
RETUNED = {**SMALL, "NUM_TRAIN": 1000}


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
def test_day06_the_early_stopped_paired_gain_and_its_interval(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    val, test, train = (np.array(r[k]) for k in ("val_curves", "test_curves", "train_curves"))
    best = val.argmax(axis=-1)  # each run's checkpoint of best validation accuracy
    expected = np.take_along_axis(test, best[..., None], axis=-1)[..., 0]
    test_acc = np.array(r["test_acc"])
    assert test_acc == pytest.approx(expected)
    assert np.array(r["train_acc"]) == pytest.approx(
        np.take_along_axis(train, best[..., None], axis=-1)[..., 0])
    without, with_ = test_acc[:, 0], test_acc[:, 1]
    gain = with_ - without
    ci = stats.ttest_rel(with_, without).confidence_interval(0.95)
    assert r["paired"] == pytest.approx([gain.mean(), ci.low, ci.high], rel=1e-3, abs=1e-6)
    assert r["wins"] == np.sum(gain > 0)
    assert r["early_stopped_gain"][str(r["num_train"])] == pytest.approx(r["paired"])
    # the network without dropout fits its training set by the end of the budget
    assert train[:, 0, -1].mean() > 0.99


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_each_arm_takes_its_best_rate_on_validation(run_notebook, seed):
    """Section 5: each seed's arm keeps the rate of LR_GRID with the best early-stopped
    validation accuracy (never the test set), and both arms try the same grid."""
    r = run_notebook(NAME, seed, **SMALL)
    grid, val_best = np.array(r["lr_grid"]), np.array(r["val_best"])  # seeds x rates x 2
    assert val_best.shape[1:] == (len(grid), 2)
    expected = grid[val_best.argmax(axis=1)]
    assert np.array(r["lr_chosen"]) == pytest.approx(expected)
    chosen_val = np.take_along_axis(val_best, val_best.argmax(axis=1)[:, None], axis=1)[:, 0]
    val = np.array(r["val_curves"])  # seeds x 2 x checkpoints, at the chosen rates
    assert val.max(axis=-1) == pytest.approx(chosen_val)


def test_day06_neither_arm_prefers_the_top_rate(run_notebook):
    """Section 5, pooled over the property seeds' paired runs: each arm chooses the top rate
    of LR_GRID on fewer than half of the seeds, so the grid does not cut either arm short.
    (With the defaults, no seed chose it for either arm at SEED = 0, 1, 2, 3 or 42.)"""
    runs = [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]
    chosen = np.concatenate([np.array(r["lr_chosen"]) for r in runs])  # seeds x 2
    top = max(runs[0]["lr_grid"])
    assert np.mean(chosen == top, axis=0).max() < 0.5


def test_day06_neither_arm_mostly_takes_the_bottom_rate(run_notebook):
    """Section 5, pooled over the property seeds' paired runs: each arm chooses the bottom
    rate of LR_GRID on fewer than half of the seeds (a choice there means a smaller rate might
    do better; with the defaults about a quarter of the (seed, arm) pairs take it, at most 4
    of 10 seeds per arm at SEED = 2, 3, 4, 5, 7, 11 and 42)."""
    runs = [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]
    chosen = np.concatenate([np.array(r["lr_chosen"]) for r in runs])  # seeds x 2
    bottom = min(runs[0]["lr_grid"])
    assert np.mean(chosen == bottom, axis=0).max() < 0.5


def test_day06_under_a_short_budget_dropout_hurts(run_notebook):
    """Pooled over the property seeds, at NUM_TRAIN images (where the rates were tuned): at
    the first checkpoint (about NUM_STEPS / 8 steps) the arm with dropout has the lower test
    accuracy."""
    runs = [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]
    first = np.concatenate([r["first_gain"][str(r["num_train"])] for r in runs])
    assert stats.ttest_1samp(first, 0.0, alternative="less").pvalue < 0.01


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_linear_dropout_is_a_data_dependent_ridge_penalty(run_notebook, seed):
    """Section 8: the Monte Carlo mean of the squared loss over masks on the inputs of a
    linear model is within 4 standard errors of plain loss + p/(1-p) sum_j w_j^2 ||X_j||^2
    (false alarm about 6e-5 per seed), and the penalty is not negligible."""
    r = run_notebook(NAME, seed, **SMALL)
    assert abs(r["ridge_mc"] - r["ridge_closed"]) < 4 * r["ridge_se"]
    assert r["ridge_closed"] > r["ridge_plain"] + 10 * r["ridge_se"]


@pytest.mark.parametrize("seed", SEEDS)
def test_day06_evaluation_matches_the_mean_not_the_variance(run_notebook, seed):
    """Section 7: over masks, the next layer's pre-activation has the evaluation value as
    its mean and the formula's variance; after the ReLU the training mean is the larger."""
    r = run_notebook(NAME, seed, **SMALL)
    assert r["median_shift"] < 1.0  # |N(0, 1)| has median 0.67
    assert r["z_var"] == pytest.approx(r["z_var_formula"], rel=0.05)
    assert r["relu_train"] > r["relu_eval"]


def test_day06_one_masked_pass_is_worse_than_evaluation_mode(run_notebook):
    """Section 7, pooled over the property seeds: K = 1 masked pass has the lower test
    accuracy than the evaluation network, and averaging more passes closes the gap."""
    runs = [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]
    scaled = np.concatenate([r["scaled_acc"] for r in runs])
    one = np.concatenate([r["mc_acc"]["1"] for r in runs])
    most = np.concatenate([r["mc_acc"][max(r["mc_acc"], key=int)] for r in runs])
    assert stats.ttest_rel(one, scaled, alternative="less").pvalue < 0.01
    assert stats.ttest_rel(most, one, alternative="greater").pvalue < 0.01
    assert np.mean(scaled - most) < np.mean(scaled - one) / 4


@pytest.mark.parametrize(("seed", "params"), SWEEPS)
def test_day06_the_size_sweep_steps_down_a_diverging_rate(run_notebook, seed, params):
    """Section 6 completes, every arm trains at its section-5 rate or, where that diverged,
    at a smaller rate of LR_GRID, the counts it prints are those runs, and only pairs
    diverged at the smallest rate are left out of the summary (none are, here)."""
    r = run_notebook(NAME, seed, **FULL, **params)
    lr_idx = np.array(r["lr_idx"])
    for size, diverged in r["sweep_diverged"].items():  # seeds x arms: NaN after a point
        diverged, idx = np.array(diverged, dtype=bool), np.array(r["sweep_idx"][size])
        assert np.all(idx <= lr_idx)  # never a larger rate than section 5 chose
        assert r["stepped_down"][size] == np.sum(idx < lr_idx)
        assert r["left_out"][size] == diverged.any(axis=1).sum()
        assert np.all(idx[diverged] == 0)  # a run still diverged is at the smallest rate
        assert np.all(np.isfinite(r["early_stopped_gain"][size]))
        assert r["left_out"][size] == 0
    assert r["stepped_down"][str(r["num_train"])] == 0


def test_day06_the_size_sweep_cases_do_step_down(run_notebook):
    """The runs above include some that diverge at their section-5 rate with 100 images
    (else the test before would not exercise the rule)."""
    runs = [run_notebook(NAME, seed, **FULL, **params) for seed, params in SWEEPS]
    assert sum(sum(r["stepped_down"].values()) for r in runs) > 0


def test_day06_with_dropout_the_tuned_rate_is_no_larger(run_notebook):
    """Section 5, pooled over the property seeds' paired runs at the default P_DROP: the arm
    with dropout chooses learning rates no larger on average than the arm without (nothing
    like Srivastava et al.'s 10 to 100 times, advice for a recipe with momentum and
    max-norm). Not at every SEED: at SEED 5 the arm with dropout chose the larger ones."""
    runs = [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]
    chosen = np.concatenate([np.array(r["lr_chosen"]) for r in runs])  # seeds x 2
    assert chosen[:, 1].mean() <= chosen[:, 0].mean()


def test_day06_retuned_at_1000_images_dropout_still_does_not_gain(run_notebook):
    """Section 6 tunes the rates at NUM_TRAIN images only; tuned at 1000 images instead (each
    arm's rate from LR_GRID and its checkpoint on validation, at NUM_STEPS), the pooled mean
    gain at 1000 images is still below 0, and its 95% interval ends below +0.3 points (the
    notebook says "no gain shown", not a loss of a known size)."""
    runs = [run_notebook(NAME, seed, **RETUNED) for seed in SEEDS]
    gain = np.concatenate([np.diff(np.array(r["test_acc"]), axis=1)[:, 0] for r in runs])
    assert gain.mean() < 0
    assert stats.ttest_1samp(gain, 0.0).confidence_interval(0.95).high < 0.003


# data/day06_seeds.csv: sections 5 and 6 at SEED = 0, ..., 19 at P_DROP = 0.5 (the default)
# and 0.2, every other parameter at its default (`make pool`, tools/pool_seeds.py); the
# notebook pools it. Each row is one paired seed: its gains in test images (with - without
# dropout, of test_images).
POOL_COLUMNS = ("SEED", "pair", "num_seeds", "num_steps", "p_drop_permille", "num_train",
                "long_size", "test_images", "gain_first", "gain_half_budget", "gain",
                "gain_long_size", "gain_long_size_longer")
POOL_P = (500, 200)  # the file's P_DROP values, in permille; the first is the default


@pytest.fixture(scope="module")
def pool_all():
    """The pooled file's columns, every row."""
    return read_columns("day06_seeds.csv", dict.fromkeys(POOL_COLUMNS, int))


def _gains(cols, p):
    """The gains (as accuracies) of the rows at P_DROP = p / 1000, in the file's order."""
    rows = cols["p_drop_permille"] == p
    return {k: cols[k][rows] / cols["test_images"][rows]
            for k in POOL_COLUMNS if k.startswith("gain")}


@pytest.fixture(scope="module")
def pool(pool_all):
    """The rows at the default P_DROP = 0.5: the columns, the gains as accuracies."""
    rows = pool_all["p_drop_permille"] == POOL_P[0]
    return {k: v[rows] for k, v in pool_all.items()}, _gains(pool_all, POOL_P[0])


def _check_rows(cols, r, seed):
    """The file's rows of ``seed`` at the run's P_DROP are the run's own numbers."""
    p = round(1000 * r["p_drop"])
    rows = (cols["SEED"] == seed) & (cols["pair"] < len(r["test_acc"])) & (
        cols["p_drop_permille"] == p)
    assert rows.sum() == len(r["test_acc"]), (seed, p)
    assert np.all(cols["num_train"][rows] == r["num_train"])
    test_images = cols["test_images"][rows][0]
    own = {"gain_first": r["first_gain"][str(r["num_train"])],
           "gain_half_budget": r["half_budget_gain"],
           "gain": np.diff(np.array(r["test_acc"]), axis=1)[:, 0],
           "gain_long_size": r["long_gain"][str(SMALL_STEPS)],
           "gain_long_size_longer": r["long_gain"][str(4 * SMALL_STEPS)]}
    for column, gains in own.items():
        counts = np.rint(np.array(gains) * test_images).astype(int)
        stored = cols[column][rows]
        # A near-tie in validation accuracy can flip the checkpoint or rate chosen, and so
        # move a pair's gain by a few images, when the rounding of the run differs from the
        # one that made the file (seen once in CI: 2 of SEED 1's 6 pairs at 1000 images, by
        # 1 and 3 images); a changed experiment, the drift this test is for, moves most pairs.
        assert np.sum(stored != counts) <= 2, (seed, p, column, stored, counts)
        assert np.all(np.abs(stored - counts) <= 10), (seed, p, column, stored, counts)


def test_day06_the_pooled_file_is_what_the_notebook_computes(run_notebook, pool_all):
    """The rows of the property SEEDs are the notebook's own numbers: its first NUM_SEEDS
    paired seeds (spawned children do not depend on how many are spawned) rerun here, at the
    file's parameters, at P_DROP = 0.5 for every property SEED and at 0.2 for the first (one
    run more). A change to the experiment without `make pool` fails here."""
    cols = pool_all
    assert np.all(cols["num_seeds"] == 10) and np.all(cols["num_steps"] == SMALL_STEPS)
    assert sorted(set(cols["p_drop_permille"].tolist())) == sorted(POOL_P)
    for p in POOL_P:
        rows = cols["p_drop_permille"] == p
        assert sorted(set(cols["SEED"][rows].tolist())) == list(range(20))
        assert rows.sum() == 200
    for seed in SEEDS:
        _check_rows(cols, run_notebook(NAME, seed, **SMALL), seed)
    _check_rows(cols, run_notebook(NAME, SEEDS[0], **SMALL, P_DROP=POOL_P[1] / 1000), SEEDS[0])


def test_day06_the_arm_without_dropout_does_not_depend_on_p(run_notebook):
    """The notebook pools the gains at two P_DROP values pair by pair (their difference is
    the difference of the two arms with dropout): the arm without dropout is the same run,
    rate, checkpoint and accuracy, at either P_DROP. The runs of the test above."""
    a = run_notebook(NAME, SEEDS[0], **SMALL)
    b = run_notebook(NAME, SEEDS[0], **SMALL, P_DROP=POOL_P[1] / 1000)
    assert np.array_equal(np.array(a["test_acc"])[:, 0], np.array(b["test_acc"])[:, 0])
    assert np.array_equal(np.array(a["lr_chosen"])[:, 0], np.array(b["lr_chosen"])[:, 0])
    assert np.array_equal(np.array(a["test_curves"])[:, 0], np.array(b["test_curves"])[:, 0])


def test_day06_pooled_at_300_images_a_small_gain_at_the_budget_none_at_half(pool):
    """Section 5's pooled reading (200 paired seeds of twenty SEEDs): at NUM_STEPS steps the
    mean gain is above 0 (one-sided t test, p < 0.001) and below half the sd of one paired
    seed's gain; tuned within NUM_STEPS / 2 it is smaller (paired t, p < 0.001) and its 95%
    interval contains 0; at the first checkpoint it is below 0 (p < 1e-6)."""
    _, g = pool
    assert stats.ttest_1samp(g["gain"], 0.0, alternative="greater").pvalue < 0.001
    assert g["gain"].mean() < g["gain"].std(ddof=1) / 2
    assert stats.ttest_rel(g["gain_half_budget"], g["gain"], alternative="less").pvalue < 0.001
    ci = stats.ttest_1samp(g["gain_half_budget"], 0.0).confidence_interval(0.95)
    assert ci.low < 0 < ci.high
    assert stats.ttest_1samp(g["gain_first"], 0.0, alternative="less").pvalue < 1e-6


def test_day06_pooled_at_1000_images_the_budget_flips_the_sign(pool):
    """Section 6's pooled reading: at LONG_SIZE images the mean gain is below 0 at NUM_STEPS
    steps and above 0 at LONGER x NUM_STEPS (each one-sided t, p < 0.01), and the longer
    budget raises the gain of the same pairs (paired t, p < 1e-6)."""
    _, g = pool
    short, long = g["gain_long_size"], g["gain_long_size_longer"]
    assert stats.ttest_1samp(short, 0.0, alternative="less").pvalue < 0.01
    assert stats.ttest_1samp(long, 0.0, alternative="greater").pvalue < 0.01
    assert stats.ttest_rel(long, short, alternative="greater").pvalue < 1e-6


def test_day06_pooled_at_1000_images_the_sign_at_the_budget_depends_on_p(pool_all):
    """Section 6's p x budget reading (200 paired seeds per P_DROP, the same pairs): at
    LONG_SIZE images and NUM_STEPS steps the mean gain is below 0 at P_DROP = 0.5 and above
    0 at 0.2 (each one-sided t, p < 0.01), and 0.2 beats 0.5 on the same pairs there (paired
    one-sided t, p < 1e-3): the loss at that budget belongs to p = 0.5, not to the budget."""
    g5, g2 = _gains(pool_all, 500), _gains(pool_all, 200)
    assert stats.ttest_1samp(g5["gain_long_size"], 0.0, alternative="less").pvalue < 0.01
    assert stats.ttest_1samp(g2["gain_long_size"], 0.0, alternative="greater").pvalue < 0.01
    assert stats.ttest_rel(g2["gain_long_size"], g5["gain_long_size"],
                           alternative="greater").pvalue < 1e-3


def test_day06_pooled_p_0_2_gains_at_every_budget_and_beats_0_5(pool_all):
    """The notebook's last pooled table: at P_DROP = 0.2 the mean gain is below 0 at the
    first checkpoint, as at 0.5 (one-sided t, p < 0.01), and above 0 at every other pooled
    budget of both sizes, half of NUM_STEPS at 300 images included (one-sided t,
    p < 0.001), and above the gain at 0.5 of the same pairs in every row, the first
    checkpoint included (paired t, p < 1e-4), so the readings at 0.5 ("none at half the
    budget", "a loss at NUM_STEPS at 1000 images") are about that p."""
    g5, g2 = _gains(pool_all, 500), _gains(pool_all, 200)
    assert stats.ttest_1samp(g2["gain_first"], 0.0, alternative="less").pvalue < 0.01
    assert stats.ttest_rel(g2["gain_first"], g5["gain_first"],
                           alternative="greater").pvalue < 1e-4
    for column in ("gain_half_budget", "gain", "gain_long_size", "gain_long_size_longer"):
        assert stats.ttest_1samp(g2[column], 0.0, alternative="greater").pvalue < 0.001, column
        assert stats.ttest_rel(g2[column], g5[column], alternative="greater").pvalue < 1e-4, column
