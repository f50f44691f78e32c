"""day10_results_across_seeds: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest
from scipy import integrate, stats

from .conftest import SEEDS

NAME = "day10_results_across_seeds"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, num_seeds=n, num_test=num_test, acc=acc, mean=mean, sd=sd,
             interval=list(mean_interval(acc)), t=t, repeat_identical=first == again,
             by_source=by_source, largest_source=top, counting_sd=counting_sd,
             acc_b_paired=acc_b_paired, acc_b_unpaired=acc_b_unpaired,
             paired=list(paired), unpaired=list(unpaired), width_ratio=width_ratio,
             corrected=list(corrected), corrected_floor=floor, num_train=num_train,
             paired_corrected=list(paired_corrected), report=report,
             crossed=table, components=list(components),
             bootstrap=[boot_low, boot_high], quartiles=[q1, median, q3],
             stalled=stalled, stalled_quartiles=stalled_quartiles,
             b_better=float(np.mean(diffs > 0)), a_better=float(np.mean(diffs < 0)),
             best_in_sd=(acc[best] - mean) / sd, best_of_n=best_of_n,
             parallel_identical=parallel_identical, copies_draw_alike=len(set(copy_draws)) == 1,
             only_a=only_a, only_b=only_b, p_values=p_values, by_hand=by_hand,
             coverage=coverage, num_studies=num_studies, lr=config.lr,
             num_epochs=config.num_epochs)
"""
SMALL = {"NUM_SEEDS": 12}  # 12 seeds x 7 designs of the real experiment: a few seconds
SOURCES = ("split", "init", "dropout", "shuffle")


def sd_se(sd, n):
    """Standard error of a sample sd from n roughly normal values."""
    return sd / math.sqrt(2 * (n - 1))


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_one_seed_repeats_serially_and_in_parallel(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["repeat_identical"] is True
    assert r["parallel_identical"] is True  # worker processes reproduce every serial run
    assert r["copies_draw_alike"] is True  # pickled copies of one Generator: the same draws


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_a_run_is_one_sample_and_the_interval_is_students(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    acc, n = np.array(r["acc"]), r["num_seeds"]
    assert acc.size == n and 0.9 < r["mean"] < 1.0  # the network learns the digits
    assert np.all(acc * r["num_test"] == np.round(acc * r["num_test"]))  # counts of images
    assert acc.max() - acc.min() > 0.005  # seeds alone move the accuracy
    assert r["sd"] == pytest.approx(acc.std(ddof=1), rel=1e-12)
    assert r["t"] == pytest.approx(stats.t.ppf(0.975, n - 1), rel=1e-4)
    low, high = stats.t.interval(0.95, n - 1, loc=acc.mean(), scale=stats.sem(acc))
    assert r["interval"] == pytest.approx([acc.mean(), low, high], rel=1e-4)
    # selection: the best of n runs sits about E[max of n standard normals] sd above the mean
    expected_max = integrate.quad(
        lambda x: x * n * stats.norm.pdf(x) * stats.norm.cdf(x) ** (n - 1), -10, 10)[0]
    assert r["best_of_n"] == pytest.approx(expected_max, abs=5 * 0.5 / math.sqrt(100_000))
    assert r["best_in_sd"] > 0


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_every_source_matters_and_the_split_carries_counting_noise(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["num_seeds"]
    sd = {name: float(np.std(r["by_source"][name], ddof=1)) for name in SOURCES}
    assert all(sd[name] > 0 for name in SOURCES), sd  # each stream changes the result
    assert r["largest_source"] == max(sd, key=sd.get)
    # the split is at least as large as any other source, within 5 standard errors
    for name in SOURCES[1:]:
        assert sd["split"] > sd[name] - 5 * math.hypot(sd_se(sd["split"], n),
                                                       sd_se(sd[name], n)), (name, sd)
    # its spread is the binomial counting noise of the test set, within 5 standard errors
    log_ratio = math.log(sd["split"] / r["counting_sd"])
    assert abs(log_ratio) < 5 / math.sqrt(2 * (n - 1)), (sd["split"], r["counting_sd"])
    mean = r["mean"]
    assert r["counting_sd"] == pytest.approx(math.sqrt(mean * (1 - mean) / r["num_test"]))


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_pairing_the_seeds_narrows_the_interval(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    a, b, b_fresh = (np.array(r[k]) for k in ("acc", "acc_b_paired", "acc_b_unpaired"))
    paired = stats.ttest_rel(b, a).confidence_interval(0.95)
    welch = stats.ttest_ind(b_fresh, a, equal_var=False).confidence_interval(0.95)
    assert r["paired"][1:] == pytest.approx([paired.low, paired.high], rel=1e-3, abs=1e-6)
    assert r["unpaired"][1:] == pytest.approx([welch.low, welch.high], rel=1e-3, abs=1e-6)
    assert r["width_ratio"] == pytest.approx(
        (welch.high - welch.low) / (paired.high - paired.low), rel=1e-3)
    assert r["width_ratio"] > 1.5  # the same runs, a much narrower interval
    assert np.corrcoef(a, b)[0, 1] > 0.5  # the seed acts on both configurations alike


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_the_interval_for_new_digits_is_wider_and_has_a_floor(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    acc, n, m, n_train = np.array(r["acc"]), r["num_seeds"], r["num_test"], r["num_train"]
    assert m + n_train == 1797
    s = acc.std(ddof=1)
    half = stats.t.ppf(0.975, n - 1) * s * math.sqrt(1 / n + m / n_train)  # Nadeau-Bengio
    est, low, high = r["corrected"]
    assert est == pytest.approx(acc.mean()) and (high - low) / 2 == pytest.approx(half, rel=1e-4)
    seed_half = (r["interval"][2] - r["interval"][1]) / 2
    # wider than the seed interval, and even endless seeds would not reach the seed interval
    assert (high - low) / 2 > r["corrected_floor"] > seed_half
    d = np.array(r["acc_b_paired"]) - acc
    half_d = stats.t.ppf(0.975, n - 1) * d.std(ddof=1) * math.sqrt(1 / n + m / n_train)
    assert r["paired_corrected"][1:] == pytest.approx([d.mean() - half_d, d.mean() + half_d],
                                                      rel=1e-3, abs=1e-6)
    # the report follows section 3's tie rule: it never ranks a gap under 2 standard errors
    assert ("tied" in r["report"]) == (" standard errors above " not in r["report"])


@pytest.mark.parametrize("epochs", [None, 5])  # the notebook's 10, and the claim's edge
@pytest.mark.parametrize("seed", SEEDS)
def test_day10_crossed_design_the_init_effect_is_mostly_interaction(run_notebook, seed, epochs):
    """The claim of cell day10-x3, as scoped there: at lr 0.2 and from 5 epochs on. (At lr
    0.05 and 5 epochs, or after 1 epoch, the init's own effect can outweigh the interaction:
    SEED 2 at lr 0.05, 5 epochs: split 32 %, init 40 %, interaction 28 %.)"""
    r = run_notebook(NAME, seed, **(SMALL if epochs is None else {**SMALL, "NUM_EPOCHS": epochs}))
    table = np.array(r["crossed"])
    k = table.shape[0]
    assert table.shape == (k, k) and k == min(r["num_seeds"], 10)
    # an independent two-way ANOVA: interaction = the residual of the additive fit
    resid = table - table.mean(1, keepdims=True) - table.mean(0, keepdims=True) + table.mean()
    assert r["components"][2] == pytest.approx(np.sum(resid**2) / (k - 1) ** 2, rel=1e-9)
    rows, cols, inter = r["components"]
    assert r["lr"] == 0.2 and r["num_epochs"] >= 5  # inside the claim's scope
    # seen over SEEDs 0-10 at 10 x 10: interaction 27-65 % of the total, init 0-8 % (0 at
    # SEED 7, where the init's mean square is below the interaction's: clipped at 0)
    assert inter / (rows + cols + inter) > 0.1
    assert cols < inter  # the init's own effect is smaller than its interaction with splits


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_robust_summaries_agree_with_the_normal_ones(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    acc = np.array(r["acc"])
    assert r["quartiles"] == pytest.approx(list(np.percentile(acc, [25, 50, 75])))
    # the bootstrap interval of the mean is close to the t interval (a little narrower: it
    # uses the plug-in sd and the normal's tails), for runs that are roughly normal
    boot_width = r["bootstrap"][1] - r["bootstrap"][0]
    t_width = r["interval"][2] - r["interval"][1]
    assert 0.6 * t_width < boot_width < 1.2 * t_width
    d = np.array(r["acc_b_paired"]) - acc
    assert r["b_better"] == np.mean(d > 0) and r["a_better"] == np.mean(d < 0)
    # one run stalled at chance in place of the worst: the quartiles stay put, the mean
    # drops by (worst - 0.1) / n and the sd grows several-fold
    stalled = np.array(r["stalled"])
    assert np.sum(stalled != acc) == 1 and stalled.min() == 0.1
    assert r["stalled_quartiles"] == pytest.approx(r["quartiles"], abs=1e-12)
    assert stalled.mean() == pytest.approx(acc.mean() - (acc.min() - 0.1) / acc.size)
    assert stalled.std(ddof=1) > 2.5 * acc.std(ddof=1)


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_mcnemar_sees_two_trained_networks_not_the_seeds(run_notebook, seed):
    """McNemar's exact p-value is SciPy's binomial test (and the by-hand sum); it matches the
    accuracies; and on one test set it rarely resolves the half-image difference that the
    seeds' paired interval is about (A and B disagree on a few images only)."""
    r = run_notebook(NAME, seed, **SMALL)
    a, b = np.array(r["acc"]), np.array(r["acc_b_paired"])
    only_a, only_b = np.array(r["only_a"]), np.array(r["only_b"])
    assert np.allclose((b - a) * r["num_test"], only_b - only_a)  # discordant counts
    for j, k, p in zip(only_a, only_b, r["p_values"], strict=True):
        expected = stats.binomtest(int(k), int(j + k), 0.5).pvalue if j + k else 1.0
        assert p == pytest.approx(expected, rel=1e-9)
    assert r["by_hand"] == pytest.approx(r["p_values"][0], rel=1e-9)
    assert np.median(only_a + only_b) <= 10  # a few of the 359 test images
    assert np.mean(np.array(r["p_values"]) < 0.05) <= 0.25  # rarely a verdict on one seed


@pytest.mark.parametrize("seed", SEEDS)
def test_day10_the_seed_interval_undercovers_new_data_and_the_corrected_one_does_not(
        run_notebook, seed):
    """The bracket of section 2, where the truth is known (nearest class mean, 200 studies):
    the seed interval covers new-data accuracy less than 95%, the corrected one at least
    about 95% (bounds 5 standard errors of a coverage from 200 studies, 1.5 points)."""
    r = run_notebook(NAME, seed, **SMALL)
    se = math.sqrt(0.95 * 0.05 / r["num_studies"])
    seeds_only, corrected = r["coverage"]
    assert seeds_only < 0.95 - 3 * se, seeds_only  # measured 83-88 %
    assert corrected > 0.95 - 5 * se, corrected
    assert corrected > seeds_only


@pytest.mark.parametrize("kind", ["PCG64", "PCG64DXSM"])
def test_day10_lcg_distance_recovers_numpys_advance(kind):
    """check_task_seeds finds overlapping tasks by the LCG distance between their states:
    it must recover exactly how far NumPy advanced a stream (advance, and raw draws)."""
    import copy

    from helpers.checks._seeding import PCG_MULTIPLIERS, lcg_distance

    base = getattr(np.random, kind)(20251206)
    start, inc = base.state["state"]["state"], base.state["state"]["inc"]
    for steps in (0, 1, 1000, 10**6, 2**40, 2**64 + 3, 2**127 + 11, 2**128 - 1):
        moved = copy.deepcopy(base)
        moved.advance(steps)
        end = moved.state["state"]["state"]
        assert lcg_distance(start, end, PCG_MULTIPLIERS[kind], inc) == steps
    moved = copy.deepcopy(base)
    moved.random_raw(37)  # one step per raw 64-bit draw
    assert lcg_distance(start, moved.state["state"]["state"], PCG_MULTIPLIERS[kind], inc) == 37
    far = base.jumped(1).state["state"]["state"]  # jumped: about 2**127 * phi steps ahead
    assert lcg_distance(start, far, PCG_MULTIPLIERS[kind], inc) > 2**126


def test_day10_seeds_needed_names_only_the_mistake_that_fits_every_case():
    """n degrees of freedom in place of n - 1 and "one step too early" give the same count
    at some cases; a search with t(n) was right at the cases before, which one step too
    early would not have been, so its hint names the degrees of freedom alone; a search
    that stops one step early is still told so."""
    from helpers.checks.day10 import check_seeds_needed
    from helpers.intervals import t_quantile

    def search(dof, early=0):
        def seeds_needed(sd, half_width):
            n = 6
            while t_quantile(0.975, dof(n)) * sd / math.sqrt(n) > half_width:
                n += 1
            return n - early
        return seeds_needed

    _, message = check_seeds_needed.verdict(search(lambda n: n))
    assert "not t_quantile(0.975, n)" in message
    assert "one step too early" not in message
    _, message = check_seeds_needed.verdict(search(lambda n: n - 1, early=1))
    assert "one step too early" in message
