"""day02_distributions: the lesson's claims over several seeds (see conftest.py).

The true moments come from SciPy (used only in tests): an independent check of the values
the notebook prints as "true".
"""

import math

import numpy as np
import pytest
from scipy import stats

from .conftest import SEEDS

NAME = "day02_distributions"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, num_samples=NUM_SAMPLES, moments={
    name: [float(np.mean(s)), float(np.var(s))] for name, s in [
        ("random", u01), ("uniform(-2, 3)", u), ("standard_normal", z), ("normal(3, 2)", x),
        ("integers(0, 10)", digits), ("integers(1, 6, endpoint=True)", die),
        ("bernoulli(0.8)", mask), ("binomial(100, 0.8)", kept)]},
    ranges={"random": [u01.min(), u01.max()], "uniform(-2, 3)": [u.min(), u.max()]},
    digit_values=np.unique(digits), die_values=np.unique(die),
    normal_identity=np.array_equal(by_hand, by_normal), within=within, exact=exact,
    keep_shares=[kept_course.mean(), kept_other.mean(), kept_misread.mean()],
    label_freq=freq, label_p=probs, softmax_counts=counts, softmax_p=softmax_p,
    distinct_without=len(np.unique(without)), intact_bad=intact_bad, intact_good=intact_good,
    survivors_mean=survivors.mean(), n_pairs=n,
    z_fit=np.r_[z_digits, z_die], z_off_by_one=z_off_by_one[:5], die_sixes=int(np.sum(die == 6)),
    share_uniform=share_uniform, share_log=share_log, w_trunc_max=np.abs(w_trunc).max(),
    w_trunc_sd=w_trunc.std(), sd_trunc=sd_trunc, L=L, cov_sample=np.cov(X_corr, rowvar=False),
    expo=expo, by_search_freq=np.bincount(by_search, minlength=3) / NUM_SAMPLES,
    expected_z=expected_z, bin_probs=bin_probs, z_expo=z_expo, gumbel_freq=gumbel_freq)
"""
SMALL = {"NUM_SAMPLES": 2_000}  # a run takes a few seconds

DISTRIBUTIONS = {
    "random": stats.uniform(0, 1),
    "uniform(-2, 3)": stats.uniform(-2, 5),
    "standard_normal": stats.norm(0, 1),
    "normal(3, 2)": stats.norm(3, 2),  # scale is the standard deviation
    "integers(0, 10)": stats.randint(0, 10),  # SciPy's randint is half-open too
    "integers(1, 6, endpoint=True)": stats.randint(1, 7),
    "bernoulli(0.8)": stats.bernoulli(0.8),
    "binomial(100, 0.8)": stats.binom(100, 0.8),
}


def within_5_se(freq, p, n):
    freq, p = np.asarray(freq), np.asarray(p)
    return bool(np.all(np.abs(freq - p) < 5 * np.sqrt(p * (1 - p) / n)))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(DISTRIBUTIONS))
def test_day02_sample_mean_and_variance_match_theory(run_notebook, seed, name):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["num_samples"]
    mean, var = r["moments"][name]
    true_mean, true_var, excess_kurtosis = (float(v) for v in
                                            DISTRIBUTIONS[name].stats(moments="mvk"))
    mu4 = (excess_kurtosis + 3) * true_var**2  # fourth central moment
    assert abs(mean - true_mean) < 5 * math.sqrt(true_var / n), (mean, true_mean)
    assert abs(var - true_var) < 5 * math.sqrt((mu4 - true_var**2) / n), (var, true_var)


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_ranges_are_half_open(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    low, high = r["ranges"]["random"]
    assert 0 <= low and high < 1
    low, high = r["ranges"]["uniform(-2, 3)"]
    assert -2 <= low and high < 3
    assert r["digit_values"] == list(range(10))  # 10 never drawn
    assert r["die_values"] == list(range(1, 7))  # endpoint=True draws 6


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_normal_is_scaled_standard_normal_and_obeys_68_95_997(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["normal_identity"]
    exact = [2 * stats.norm.cdf(k) - 1 for k in (1, 2, 3)]
    assert np.allclose(r["exact"], exact, rtol=0, atol=1e-12)
    assert within_5_se(r["within"], exact, r["num_samples"])


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_dropout_conventions(run_notebook, seed):
    course, other, misread = run_notebook(NAME, seed, **SMALL)["keep_shares"]
    n = SMALL["NUM_SAMPLES"]
    assert within_5_se(course, 0.8, n) and within_5_se(other, 0.8, n)
    assert within_5_se(misread, 0.2, n)  # the same number read the other way keeps 20%


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_categorical_frequencies_are_near_p(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["num_samples"]
    assert within_5_se(r["label_freq"], r["label_p"], n)
    assert sum(r["softmax_counts"]) == n
    assert within_5_se(np.array(r["softmax_counts"]) / n, r["softmax_p"], n)
    logits = np.array([1.0, 1.7, -0.2])
    assert np.allclose(r["softmax_p"], np.exp(logits) / np.exp(logits).sum())


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_one_permutation_keeps_pairs_two_break_them(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["n_pairs"]
    assert r["intact_good"] == n
    assert r["intact_bad"] < n  # all intact by chance: probability 1/10!
    # Fixed points of a random permutation: mean 1 and variance 1, whatever n.
    assert abs(r["survivors_mean"] - 1) < 5 / math.sqrt(r["num_samples"])
    assert r["distinct_without"] == 8  # choice without replacement never repeats


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_fit_in_standard_errors_and_the_off_by_one_model(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert np.all(np.abs(r["z_fit"]) < 5)  # the right models: every bar within 5 se
    # the wrong model fails: sixes it forbids, and faces 1..5 each about 3.7 se (at 2,000
    # draws; 8 at the notebook's 10,000) below its 1/5
    assert r["die_sixes"] > 0 and np.mean(r["z_off_by_one"]) < -2
    # the expected z of faces 1..5 under a fair die: (1/6 - 1/5) / sqrt(0.16 / n), like sqrt(n)
    assert r["expected_z"] == pytest.approx(-math.sqrt(r["num_samples"]) / 12, rel=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_log_uniform_truncated_and_correlated_normals(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = r["num_samples"]
    se = math.sqrt(0.25 * 0.75 / n)
    assert np.all(np.abs(np.array(r["share_log"]) - 0.25) < 5 * se)  # a quarter per decade
    exact_uniform = np.diff(10.0 ** np.arange(-5, 0)) / (1e-1 - 1e-5)
    assert r["share_uniform"][-1] > 0.85 and exact_uniform[-1] > 0.89
    # truncation at 2 sd: SciPy's truncnorm gives the sd the notebook computes by formula
    assert r["sd_trunc"] == pytest.approx(stats.truncnorm(-2, 2).std(), rel=1e-9)
    assert r["w_trunc_max"] <= 2.0
    sd_se = r["sd_trunc"] / math.sqrt(2 * (n - 1))
    assert abs(r["w_trunc_sd"] - r["sd_trunc"]) < 5 * sd_se
    L = np.array(r["L"])
    assert np.allclose(L @ L.T, [[1.0, 0.8], [0.8, 1.0]]) and L[0, 1] == 0.0
    cov = np.array(r["cov_sample"])
    # the sample correlation of n pairs with rho = 0.8: se about (1 - rho**2) / sqrt(n)
    corr = cov[0, 1] / math.sqrt(cov[0, 0] * cov[1, 1])
    assert abs(corr - 0.8) < 5 * (1 - 0.64) / math.sqrt(n)


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_inverse_transform_gives_the_target_distribution(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    expo = np.array(r["expo"])
    assert stats.kstest(expo, stats.expon(scale=0.5).cdf).pvalue > 1e-4
    n = r["num_samples"]
    p = np.array([0.3, 0.6, 0.1])
    assert np.all(np.abs(r["by_search_freq"] - p) < 5 * np.sqrt(p * (1 - p) / n))


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_gumbel_max_samples_the_softmax(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    logits = np.array([1.0, 1.7, -0.2])
    p = np.exp(logits) / np.exp(logits).sum()
    assert within_5_se(r["gumbel_freq"], p, r["num_samples"])


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_exponential_bins_within_5_se(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    edges = np.r_[np.arange(0, 1.6, 0.25), np.inf]
    probs = np.diff(stats.expon(scale=0.5).cdf(edges))  # SciPy: an independent check
    assert np.allclose(r["bin_probs"], probs, rtol=0, atol=1e-12)
    assert sum(r["bin_probs"]) == pytest.approx(1.0, abs=1e-12)
    assert np.all(np.abs(r["z_expo"]) < 5)  # the right model: every bin within 5 se


@pytest.mark.parametrize("seed", SEEDS)
def test_day02_choice_with_p_is_a_search_in_the_cdf(seed):
    """Section 9's prose: NumPy's current implementation of ``choice(k, size, p=p)`` draws
    one uniform per sample and searches the normalized CDF (side="right"), draw for draw.
    Tested, not promised: if an upgrade changes it, the prose must say so."""
    p = np.array([0.3, 0.6, 0.1])
    by_choice = np.random.default_rng(seed).choice(3, size=1_000, p=p)
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    by_search = np.searchsorted(cdf, np.random.default_rng(seed).random(1_000), side="right")
    assert np.array_equal(by_choice, by_search)
