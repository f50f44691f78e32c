"""day03_statistics: the lesson's claims over several seeds (see conftest.py)."""

import math

import pytest
from scipy import stats as sps

from .conftest import SEEDS

NAME = "day03_statistics"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, num_repeats=NUM_REPEATS, num_samples=NUM_SAMPLES, n_small=n_small,
             var0_mean=var0.mean(), var0_se=se0, var1_mean=var1.mean(), var1_se=se1,
             flagged=flagged, faulty_at=faulty_at, few_flagged=np.abs(z_few).max() > 3,
             means_std=means.std(), share_far=share_far, share_theory=share_theory,
             slope=slope, naive_rel_error=abs(naive - exact) / exact,
             np_var_rel_error=abs(two_pass - exact) / exact, naive_at_1e8=np.mean(x8**2) -
             np.mean(x8) ** 2, lag1=lag1, lag1_shuffled_max=lag1_shuffled.max(),
             se=se, se_sets=se_sets, t_975=T_975, sets_interval=[sets_low, sets_high])
"""
SMALL = {"NUM_REPEATS": 2_000}  # keeps each run to a few seconds


@pytest.fixture(params=SEEDS)
def r(request, run_notebook):
    return run_notebook(NAME, request.param, **SMALL)


def test_ddof1_is_unbiased_and_ddof0_is_low_by_n_minus_1_over_n(r):
    n = r["n_small"]
    assert abs(r["var1_mean"] - 1) < 5 * r["var1_se"]
    assert abs(r["var0_mean"] - (n - 1) / n) < 5 * r["var0_se"]
    assert r["var1_mean"] - r["var0_mean"] > 5 * r["var0_se"]  # the bias is visible


def test_the_3_sigma_rule_finds_the_faulty_readings_and_few_false_alarms(r):
    flagged, faulty = set(r["flagged"]), set(r["faulty_at"])
    assert faulty <= flagged
    expected = 497 * math.erfc(3 / math.sqrt(2))  # Poisson mean 1.34 false alarms
    assert len(flagged - faulty) <= expected + 5 * math.sqrt(expected)
    assert r["few_flagged"] is False  # sqrt(n - 1) < 3: the rule cannot fire on 8 values


def test_the_standard_error_of_the_mean_is_sigma_over_sqrt_n(r):
    se = 1 / math.sqrt(r["num_samples"])
    se_of_std = se / math.sqrt(2 * (r["num_repeats"] - 1))  # of a normal sample's std
    assert abs(r["means_std"] - se) < 5 * se_of_std
    assert -0.5 - 0.03 < r["slope"] < -0.5 + 0.03


def test_a_mean_of_0_22_happens_about_3_percent_of_the_time(r):
    p = r["share_theory"]
    assert p == pytest.approx(2 * sps.norm.sf(2.2), rel=1e-12)
    assert abs(r["share_far"] - p) < 5 * math.sqrt(p * (1 - p) / r["num_repeats"])


def test_the_naive_variance_formula_loses_accuracy_and_np_var_does_not(r):
    assert r["naive_rel_error"] > 1  # every digit lost
    assert r["np_var_rel_error"] < 1e-14
    assert r["naive_at_1e8"] < 0  # a negative "variance"


def test_michelsons_runs_are_not_independent(r):
    assert r["lag1"] == pytest.approx(0.535, abs=0.001)
    assert r["lag1_shuffled_max"] < r["lag1"]  # no shuffle comes close
    assert r["se_sets"] == pytest.approx(15.37, abs=0.01)
    assert r["se_sets"] > 1.9 * r["se"]
    assert r["sets_interval"][0] > 734.5  # even the honest interval excludes the accepted value


def test_the_t_quantiles_are_right(r):
    for df, t in r["t_975"].items():
        assert t == pytest.approx(sps.t.ppf(0.975, int(df)), abs=5e-4)
