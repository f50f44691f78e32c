"""day05_initialization: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest
from scipy import stats

from helpers.intervals import paired_interval

from .conftest import SEEDS

NAME = "day05_initialization"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH,
             std={f"{f} / {r}": [a.std() for a in outs] for (f, r), outs in acts.items()},
             relu_dead_at_init=dead, first_loss=first_loss, final_acc=final_acc,
             dead_last=dead_last, diverged=diverged, chance=[0.1, shares.max()], acc_one_layer=acc_one,
             first_grad=list(first_grad.values()), equal_after=equal_after,
             zero_init_all_zero=all_zero, zero_init_probs=probs[0],
             zero_init_shares=np.bincount(y_skewed, minlength=2) / len(y_skewed),
             split_top_share=top_share.mean(), grad_ratio=grad_ratio,
             std1_small_rate=std1_small, std1_small_lr=LR_SMALL,
             pooled_interval={f"{a} - {b}": list(v) for (a, b), v in pooled_interval.items()},
             n_pooled=n_pooled, long_first_pass=first_pass, long_dead_10=dead_10,
             long_dead_end=dead_end, long_epochs=LONG_EPOCHS, z_first_loss=z_first,
             z_final_acc=z_acc,
             z_interval={f"{a} - {b}": list(v) for (a, b), v in z_interval.items()},
             sigmoid_zero=[sigmoid_all_zero, sigmoid_one_unit],
             sigmoid_zero_acc=[sigmoid_acc, np.bincount(y_skewed).max() / len(y_skewed)],
             ratio_draws={k: list(v) for k, v in ratio_draws.items()},
             one_layer_epoch=EARLY, one_layer_early={k: list(v) for k, v in acc_early.items()},
             one_layer_end={k: list(v) for k, v in acc_end.items()},
             he15_first=he15["first"], he15_acc=he15["acc"], he15_spread=spread,
             tuned_lr=best_lr, lr_grid=list(LR_GRID),
             tuned_gap={f"{w}, {lab}": list(v) for (w, lab), v in tuned_gap.items()})
"""
SMALL = {"NUM_INPUTS": 300, "NUM_SEEDS": 6, "NUM_EPOCHS": 4}  # a few seconds per run


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_symmetry_needs_equal_in_and_out_weights_and_zero_init_learns_the_bias(
        run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["equal_after"] == {"constant 0.5": True, "Glorot normal": False,
                                "equal incoming only": False}
    assert r["zero_init_all_zero"] is True  # no weight ever moves from 0
    # the output bias learns the class shares: the softmax of b is the share of each class
    assert r["zero_init_probs"] == pytest.approx(r["zero_init_shares"], abs=0.02)
    # sigmoid (f(0) = 1/2) learns from a zero start, but as one unit: its hidden units stay
    # exactly equal, and it beats the larger class's share
    assert r["sigmoid_zero"] == [False, True]
    assert r["sigmoid_zero_acc"][0] > r["sigmoid_zero_acc"][1]
    # one draw's layer-5 / layer-1 ReLU mean-square ratio is off by tens of percent (sd above
    # 10 % of the theory, factor**4), the mean over the draws within a few standard errors of
    # the theory (the mean square is what the theory predicts: no systematic shortfall)
    for rule, theory in [("LeCun", 1 / 16), ("Glorot", (2 / 3) ** 4), ("He", 1.0)]:
        ratio = np.array(r["ratio_draws"][rule])
        assert ratio.std(ddof=1) / theory > 0.1, (rule, ratio)
        se = ratio.std(ddof=1) / math.sqrt(ratio.size)
        assert abs(ratio.mean() - theory) < 3 * se, (rule, ratio.mean(), se)


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_relu_scale_explodes_vanishes_or_is_kept_and_nothing_is_dead_at_init(
        run_notebook, seed):
    std = {k: np.array(v) for k, v in run_notebook(NAME, seed, **SMALL)["std"].items()}
    he = std["relu / He"]
    assert np.all((he / he[0] > 0.5) & (he / he[0] < 2.0)), he  # roughly constant
    assert std["relu / std 0.01"][-1] / std["relu / std 0.01"][0] < 1e-3  # vanishes
    assert std["relu / std 1"][-1] / std["relu / std 1"][0] > 1e3  # explodes
    # LeCun keeps half the variance per layer (theory 0.25 over 4 steps), Glorot 2/3 (0.44);
    # the last layer has 16 units: a loose band on the log scale
    for rule, theory in [("LeCun", 0.25), ("Glorot", 4 / 9)]:
        ratio = std[f"relu / {rule}"][-1] / std[f"relu / {rule}"][0]
        assert abs(math.log(ratio / theory)) < 0.5, (rule, ratio)
    # the backward pass: variance x n_out Var(w) / 2 per layer, n_out = n_in / 2 here, so
    # layer 1 / layer 5 gradient std is 1/16 (LeCun), 1/9 (Glorot), 1/4 (He): a loose band
    grad = run_notebook(NAME, seed, **SMALL)["grad_ratio"]
    for rule, theory in [("LeCun", 1 / 16), ("Glorot", 1 / 9), ("He", 1 / 4)]:
        assert abs(math.log(grad[rule] / theory)) < 0.5, (rule, grad[rule])
    # zeros are sparsity, not death: at most a few units of the narrow layers start dead
    assert run_notebook(NAME, seed, **SMALL)["relu_dead_at_init"] <= 0.25


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_tanh_gain_holds_the_spread_above_gain_one_and_above_he(run_notebook, seed):
    std = {k: np.array(v) for k, v in run_notebook(NAME, seed, **SMALL)["std"].items()}
    ratio = {rule: std[f"tanh / {rule}"][-1] / std[f"tanh / {rule}"][0]
             for rule in ("LeCun", "Glorot", "Glorot x 5/3", "He")}
    assert ratio["Glorot x 5/3"] > 0.85  # held nearly constant
    assert ratio["LeCun"] < ratio["Glorot"] < ratio["He"] < ratio["Glorot x 5/3"], ratio


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_he_starts_fastest_on_every_seed(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    first = {k: np.array(v) for k, v in r["first_loss"].items()}
    assert np.all(first["He"] < first["Glorot"]) and np.all(first["He"] < first["LeCun"])
    acc = {k: np.array(v) for k, v in r["final_acc"].items()}
    # after a few epochs He still leads LeCun: a paired t test, far from 0
    assert stats.ttest_rel(acc["He"], acc["LeCun"], alternative="greater").pvalue < 0.01
    for name in ("LeCun", "Glorot", "He"):
        assert acc[name].mean() > 0.85  # the working rules all learn the digits


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_failed_inits_are_below_chance_and_std1_kills_its_units(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    acc = {k: np.array(v) for k, v in r["final_acc"].items()}
    chance = min(r["chance"])
    # below 10 % by the split: the commonest training digit is rare in the test part
    assert 0.06 < r["split_top_share"] < 0.1
    for name in ("std 1", "std 0.01"):
        # one digit for every image: its share of the test set, at most the largest share
        assert acc[name].max() <= max(r["chance"]) + 1e-12
    # dying ReLUs, in the runs that did not overflow (the rest fail by overflowing)
    assert len(r["dead_last"]["std 1"]) + r["diverged"]["std 1"] == SMALL["NUM_SEEDS"]
    assert np.mean(r["dead_last"]["std 1"]) > 0.9
    assert all(r["diverged"][name] == 0 for name in ("std 0.01", "LeCun", "Glorot", "He"))
    assert acc["std 1"].mean() < 0.5 * (chance + 1)  # nowhere near learning
    # std 0.01: one hidden layer learns, three do not; the first gradient is far smaller
    assert np.mean(r["acc_one_layer"]) > 0.5 and acc["std 0.01"].max() < 0.2
    one, three = r["first_grad"]
    assert three < one / 20


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_std1_dies_at_lr_0_1_and_learns_at_a_100_times_smaller_rate(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    small = r["std1_small_rate"]
    assert r["std1_small_lr"] == 0.001
    # the same enormous start at both rates: first-epoch loss in the hundreds
    assert np.mean(r["first_loss"]["std 1"]) > 100 and np.mean(small["first"]) > 100
    # lr 0.1: the last layer dies (asserted above); lr 0.001: the same weights learn and
    # keep most units (4 epochs here: 78-84 % on SEED 0, sd about 2 pp over seeds)
    assert small["diverged"] == 0
    assert np.mean(small["acc"]) > 0.6 and np.min(small["acc"]) > 0.5, small["acc"]
    assert np.mean(small["dead"]) < 0.25 and np.mean(r["dead_last"]["std 1"]) > 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_pooled_seeds_he_leads_lecun_and_glorot_lecun_is_the_smallest_gap(
        run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["n_pooled"] == 2 * SMALL["NUM_SEEDS"]
    he_lecun, he_glorot, glorot_lecun = (r["pooled_interval"][k] for k in
                                         ("He - LeCun", "He - Glorot", "Glorot - LeCun"))
    # He's accuracy lead over LeCun at lr 0.1, on pixels scaled to [0, 1]: positive, its
    # pooled interval excludes 0 (on standardized pixels it reverses: the next test)
    assert he_lecun[1] > 0, he_lecun
    assert he_glorot[1] > 0, he_glorot
    # Glorot - LeCun is the smallest of the three gaps (the prose: "the smallest gap")
    assert abs(glorot_lecun[0]) < min(he_lecun[0], he_glorot[0]), (glorot_lecun, he_lecun)


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_std001_plateau_ends_within_150_epochs_and_inactive_units_come_back(
        run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["long_epochs"] == 150
    # every run leaves the plateau: test accuracy above 50 % after many epochs, not at once
    assert all(e is not None and 30 < e <= 150 for e in r["long_first_pass"]), r
    # most of the last-layer units inactive at epoch 10 are back at epoch 150
    dead_10, dead_end = np.array(r["long_dead_10"]), np.array(r["long_dead_end"])
    assert np.all(dead_10 > 0.3) and np.all(dead_end < 0.5 * dead_10), (dead_10, dead_end)


@pytest.mark.parametrize("seed", sorted({*SEEDS, 7, 42}))
def test_day05_on_standardized_pixels_he_starts_fastest_but_ends_behind_glorot(
        run_notebook, seed):
    # the prose: on standardized pixels (lr 0.1, 10 epochs) He still has the lowest
    # first-epoch loss on every seed, but its accuracy lead over LeCun and Glorot reverses.
    # The robust part over SEEDs is He below Glorot: at 16 paired seeds the review measured He -
    # Glorot -0.45 [-0.73, -0.18] points at SEED 42, -0.90 [-1.17, -0.64] at 0, -0.52 [-0.78,
    # -0.26] at 7. Run at the notebook's 10 epochs: the reversal is a claim at that budget
    r = run_notebook(NAME, seed, **{**SMALL, "NUM_EPOCHS": 10})
    first = {k: np.array(v) for k, v in r["z_first_loss"].items()}
    acc = {k: np.array(v) for k, v in r["z_final_acc"].items()}
    assert len(acc["He"]) == 2 * SMALL["NUM_SEEDS"]  # the pooled paired seeds
    assert np.all(first["He"] < first["Glorot"]) and np.all(first["He"] < first["LeCun"])
    _, _, high = r["z_interval"]["He - Glorot"]
    assert high < 0, acc["He"] - acc["Glorot"]  # He behind Glorot: the interval below 0
    assert np.mean(acc["He"] - acc["LeCun"]) < 0, acc["He"] - acc["LeCun"]  # behind LeCun
    for name in ("LeCun", "Glorot", "He"):
        assert acc[name].mean() > 0.9  # all learn the digits


@pytest.mark.parametrize("seed", SEEDS)
def test_day05_std001_learns_in_one_hidden_layer_but_behind_he_early(run_notebook, seed):
    # the prose: with one hidden layer std 0.01 learns, at lr 0.1 more slowly than He (behind
    # it at the early epoch, 5 by default and the last one here, on the same paired seeds),
    # and stalls in three hidden layers (test_day05_failed_inits_...). SEED 42, 8 seeds, 10 epochs: He ahead
    # by 12.6 points [10.6, 14.7] at epoch 5 and 4.4 [3.8, 4.9] over the last 3 epochs
    r = run_notebook(NAME, seed, **SMALL)
    assert r["one_layer_epoch"] == min(5, SMALL["NUM_EPOCHS"])
    for when in ("one_layer_early", "one_layer_end"):
        std001, he = (np.array(r[when][k]) for k in ("std 0.01", "He"))
        assert len(he) == SMALL["NUM_SEEDS"]
        _, low, _ = paired_interval(std001, he)  # of He - std 0.01
        assert low > 0, (when, he - std001)
    assert np.mean(r["one_layer_end"]["std 0.01"]) > 0.5  # it learns


@pytest.mark.parametrize("seed", sorted({*SEEDS, 7, 42}))
def test_day05_he_times_1_5_starts_no_slower_than_he_so_keeping_the_scale_is_not_why(
        run_notebook, seed):
    # the prose (section 5's control): He x 1.5, whose spread grows by 1.5 per layer, starts
    # no slower than He at lr 0.1 and ends ahead, so He's fast start is not explained by its
    # keeping the signal's scale; what He's scale does keep is the spread through depth.
    # SEED 42, 8 seeds: first-epoch loss He - He x 1.5 +0.031 [-0.047, +0.110], accuracy
    # He x 1.5 - He +0.71 points [+0.50, +0.91], 8/8. The same 10-epoch runs as the
    # standardized-pixel test (cached)
    r = run_notebook(NAME, seed, **{**SMALL, "NUM_EPOCHS": 10})
    he_first, he15_first = np.array(r["first_loss"]["He"]), np.array(r["he15_first"])
    assert len(he15_first) == SMALL["NUM_SEEDS"]
    _, _, high = paired_interval(he15_first, he_first)  # of He - He x 1.5
    assert high > 0, he_first - he15_first  # He is not shown to start faster
    he_acc, he15_acc = np.array(r["final_acc"]["He"]), np.array(r["he15_acc"])
    assert np.mean(he15_acc - he_acc) > 0, he15_acc - he_acc  # He x 1.5 ends ahead
    # ReLU is positively homogeneous: 1.5 per layer, 1.5**4 over section 2's four steps
    spread = r["he15_spread"]
    assert spread["He x 1.5"] / spread["He"] == pytest.approx(1.5 ** 4, rel=1e-6)
    assert 0.5 < spread["He"] < 2.0 and spread["He x 1.5"] > 3.0, spread


@pytest.mark.parametrize("seed", sorted({*SEEDS, 7, 42}))
def test_day05_std001_does_not_need_a_larger_rate_and_tuning_closes_most_of_the_gap(
        run_notebook, seed):
    # the prose (section 6): tuned per rule on a validation split (lr 0.05 to 3.2), std 0.01
    # needs no much larger a rate than He: at most one grid step (x 2) above it (both 0.8 at
    # SEEDs 0, 2, 7, 42; at SEED 1 with 6 seeds He picks 0.4, a near tie), and He's lead over
    # std 0.01 in one hidden layer shrinks from several points at lr 0.1 to under about one
    # at the tuned rates. SEED 42, 8 seeds: last 3 epochs +6.4 [+5.7, +7.0] at lr 0.1,
    # +0.7 [+0.3, +1.0] tuned; epoch 5 +29.0 at lr 0.1, +3.1 [-0.2, +6.4] tuned.
    # At 10 epochs, the notebook's default: at 4 the ranking of rates differs
    r = run_notebook(NAME, seed, **{**SMALL, "NUM_EPOCHS": 10})
    assert r["lr_grid"][0] == 0.05 and r["lr_grid"][-1] == 3.2
    assert r["tuned_lr"]["std 0.01"] <= 2 * r["tuned_lr"]["He"], r["tuned_lr"]
    gap = {k: np.array(v) for k, v in r["tuned_gap"].items()}  # mean, low, high
    for when in ("early", "end"):
        assert gap[f"{when}, lr 0.1"][1] > 0, gap  # at lr 0.1 He leads: interval above 0
        # tuned: at most half the lr 0.1 gap
        assert gap[f"{when}, tuned"][0] < 0.5 * gap[f"{when}, lr 0.1"][0], gap
    assert gap["end, tuned"][0] < 0.02, gap  # under 2 points at the end
