"""helpers.intervals against SciPy (used only here) and against coverage by simulation."""

import math

import numpy as np
import pytest
from scipy import stats

from helpers.intervals import (
    MIN_DOF,
    Interval,
    mean_interval,
    paired_interval,
    resampled_interval,
    sd_standard_error,
    t_quantile,
    unpaired_interval,
)


@pytest.mark.parametrize("q", [0.6, 0.9, 0.95, 0.975, 0.995])
@pytest.mark.parametrize("dof", [5, 6, 9, 19, 29, 57.3, 200, 10_000])
def test_t_quantile_matches_scipy(q, dof):
    assert t_quantile(q, dof) == pytest.approx(stats.t.ppf(q, dof), rel=1e-3)


@pytest.mark.parametrize("dof", [19, 29, 99])
def test_t_quantile_is_very_accurate_from_twenty_seeds(dof):
    assert t_quantile(0.975, dof) == pytest.approx(stats.t.ppf(0.975, dof), rel=1e-6)


def test_t_quantile_is_symmetric_and_tends_to_the_normal():
    assert t_quantile(0.025, 12) == pytest.approx(-t_quantile(0.975, 12), rel=1e-12)
    assert t_quantile(0.975, 1e12) == pytest.approx(1.959964, abs=1e-6)


@pytest.mark.parametrize(("level", "n"), [(0.95, 6), (0.95, 30), (0.9, 20), (0.99, 50)])
def test_mean_interval_matches_scipy(level, n):
    x = np.random.default_rng(n).normal(0.9, 0.01, size=n)
    est, low, high = mean_interval(x, level)
    want = stats.t.interval(level, n - 1, loc=x.mean(), scale=stats.sem(x))
    assert est == pytest.approx(x.mean(), rel=1e-12)
    # the t quantile is accurate to 1e-3 (relative) at 5 degrees of freedom, 1e-6 from 19
    assert high - low == pytest.approx(want[1] - want[0], rel=1e-3 if n < 20 else 1e-6)
    assert (low + high) / 2 == pytest.approx(x.mean(), rel=1e-12)


def test_mean_interval_with_a_large_offset_and_constant_data():
    x = 1e9 + np.random.default_rng(0).normal(0, 1e-3, size=30)
    _, low, high = mean_interval(x)
    want = stats.t.interval(0.95, 29, loc=x.mean(), scale=stats.sem(x))
    assert (high - low) == pytest.approx(want[1] - want[0], rel=1e-5)
    assert mean_interval(np.full(8, 0.95)) == Interval(0.95, 0.95, 0.95)


def test_mean_interval_covers_the_true_mean_95_percent_of_the_time():
    rng = np.random.default_rng(1)
    samples = rng.normal(5.0, 2.0, size=(4000, 8))
    covered = np.mean([low < 5.0 < high for _, low, high in map(mean_interval, samples)])
    assert abs(covered - 0.95) < 5 * math.sqrt(0.95 * 0.05 / 4000)


def test_paired_interval_matches_scipy_ttest_rel():
    rng = np.random.default_rng(2)
    a = rng.normal(0.95, 0.01, size=25)
    b = a + rng.normal(0.002, 0.002, size=25)
    est, low, high = paired_interval(a, b)
    ci = stats.ttest_rel(b, a).confidence_interval(0.95)
    assert est == pytest.approx(np.mean(b - a), rel=1e-12)
    assert (low, high) == pytest.approx((ci.low, ci.high), rel=1e-6)


def test_unpaired_interval_matches_scipy_welch():
    rng = np.random.default_rng(3)
    a, b = rng.normal(0.95, 0.01, size=30), rng.normal(0.96, 0.02, size=20)
    est, low, high = unpaired_interval(a, b)
    ci = stats.ttest_ind(b, a, equal_var=False).confidence_interval(0.95)
    assert est == pytest.approx(b.mean() - a.mean(), rel=1e-12)
    assert (low, high) == pytest.approx((ci.low, ci.high), rel=1e-5)


def test_pairing_narrows_the_interval_when_seeds_matter():
    rng = np.random.default_rng(4)
    seed_effect = rng.normal(0.95, 0.01, size=30)
    a = seed_effect + rng.normal(0, 0.002, size=30)
    b = seed_effect + rng.normal(0, 0.002, size=30)
    paired, unpaired = paired_interval(a, b), unpaired_interval(a, b)
    assert (paired.high - paired.low) < 0.5 * (unpaired.high - unpaired.low)


def test_sd_standard_error_matches_simulation():
    sds = np.random.default_rng(5).normal(0, 0.01, size=(20_000, 30)).std(axis=1, ddof=1)
    assert sd_standard_error(0.01, 30) == pytest.approx(sds.std(), rel=0.05)


@pytest.mark.parametrize(("n", "num_test", "num_train"), [(6, 1, 9), (30, 359, 1438),
                                                        (200, 20, 80)])
def test_resampled_interval_is_nadeau_and_bengios_formula(n, num_test, num_train):
    x = np.random.default_rng(n).normal(0.95, 0.01, size=n)
    est, low, high = resampled_interval(x, num_test, num_train)
    half = stats.t.ppf(0.975, n - 1) * x.std(ddof=1) * math.sqrt(1 / n + num_test / num_train)
    assert est == pytest.approx(x.mean(), rel=1e-12)
    assert (high - low) / 2 == pytest.approx(half, rel=1e-3 if n < 20 else 1e-6)


def test_resampled_interval_is_the_seed_interval_when_the_test_share_vanishes():
    x = np.random.default_rng(3).normal(0.95, 0.01, size=30)
    assert resampled_interval(x, 1, 10**12) == pytest.approx(mean_interval(x), rel=1e-9)


def test_resampled_interval_covers_the_accuracy_on_new_data_and_the_seed_interval_does_not():
    """A fixed classifier, right with probability p on the population; each data set has
    N examples, re-split n times into m test examples. The mean over splits estimates
    the accuracy on THESE examples; only the corrected interval covers p about 95%."""
    rng = np.random.default_rng(4)
    p, num_sets, N, m, n = 0.9, 400, 300, 60, 30
    right = rng.random((num_sets, 1, N)) < p  # which examples of each set it gets right
    test = np.argsort(rng.random((num_sets, n, N)), axis=2)[:, :, :m]  # n splits per set
    acc = np.take_along_axis(np.broadcast_to(right, (num_sets, n, N)), test, axis=2).mean(2)
    seeds_only = np.mean([lo < p < hi for _, lo, hi in map(mean_interval, acc)])
    corrected = np.mean([lo < p < hi for _, lo, hi in
                         (resampled_interval(a, m, N - m) for a in acc)])
    se = math.sqrt(0.95 * 0.05 / num_sets)
    assert abs(corrected - 0.95) < 5 * se, corrected
    assert seeds_only < 0.75, seeds_only


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: t_quantile(1.0, 10), ValueError, "q must"),
    (lambda: t_quantile(0.975, MIN_DOF - 1), ValueError, "dof must"),
    (lambda: t_quantile(0.975, True), TypeError, r"dof must be a number >= 5, got True \(bool\)"),
    (lambda: t_quantile("0.975", 10), TypeError, r"q must be a probability .*got '0.975' \(str\)"),
    (lambda: t_quantile(np.nan, 10), ValueError, r"q must be in \[0.005, 0.995\].*got nan"),
    (lambda: t_quantile(0.9995, 5), ValueError, r"q must be in \[0.005, 0.995\].*got 0.9995"),
    (lambda: t_quantile(0.001, 5), ValueError, r"q must be in \[0.005, 0.995\]"),
    (lambda: t_quantile(0.975, np.nan), ValueError, "dof must be a number >= 5.*got nan"),
    (lambda: mean_interval([0.9] * 5), ValueError, "at least 6"),
    (lambda: mean_interval(np.ones((6, 2))), ValueError, "1-D"),
    (lambda: mean_interval([0.9] * 5 + [np.nan]), ValueError, "finite"),
    (lambda: mean_interval([0.9] * 6, level=95), ValueError, "level"),
    (lambda: mean_interval([0.9] * 6, level=0.999), ValueError,
     r"level must be a confidence level in \[0.5, 0.99\].*got 0.999"),
    (lambda: mean_interval([0.9] * 6, level="0.95"), TypeError, r"level .*got '0.95' \(str\)"),
    (lambda: paired_interval([0.9] * 6, [0.8] * 6, level=True), TypeError, "level .*got True"),
    (lambda: mean_interval([0.9] * 5 + [1j]), TypeError, "x must hold real numbers"),
    (lambda: paired_interval([0.9] * 6, [0.9] * 7), ValueError, "same seeds"),
    (lambda: unpaired_interval([0.5] * 6, [0.25] * 6), ValueError, "constant"),
    (lambda: resampled_interval([0.9] * 6, 0, 10), ValueError, "num_test must"),
    (lambda: resampled_interval([0.9] * 6, 10, 2.5), TypeError, "num_train must"),
    (lambda: resampled_interval([0.9] * 5, 10, 40), ValueError, "at least 6"),
    (lambda: sd_standard_error(-1.0, 30), ValueError, "sd must"),
    (lambda: sd_standard_error(0.01, 1), ValueError, "n must"),
    (lambda: sd_standard_error(np.inf, 30), ValueError, "sd must be a non-negative finite number"),
    (lambda: sd_standard_error(np.nan, 30), ValueError, "sd must be a non-negative finite number"),
    (lambda: sd_standard_error("0.01", 30), TypeError, r"sd must .*got '0.01' \(str\)"),
    (lambda: sd_standard_error(np.True_, 30), TypeError, r"sd must .*got np.True_"),
    (lambda: sd_standard_error(0.01, 30.0), TypeError, r"n must be an integer, got 30.0"),
])
def test_bad_input_is_named(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


def test_t_quantile_takes_numpy_numbers():
    """A loop over np.arange hands in np.int64: the same number, the same quantile."""
    assert t_quantile(np.float64(0.975), np.int64(29)) == t_quantile(0.975, 29)
    assert t_quantile(np.float32(0.975), np.float32(29)) == pytest.approx(t_quantile(0.975, 29))


@pytest.mark.parametrize("sd", [np.float32(0.01), np.float16(0.01), np.float64(0.01),
                                np.array(0.01)])
@pytest.mark.parametrize("n", [30, np.int64(30), np.int32(30), np.uint8(30)])
def test_sd_standard_error_takes_numpy_numbers(sd, n):
    # issue 24: np.float32(0.01) was "not a non-negative number"
    assert sd_standard_error(sd, n) == pytest.approx(float(sd) / math.sqrt(58), rel=1e-12)


def test_the_widest_level_is_accurate():
    # 0.99, the widest level accepted, still within 1e-3 of SciPy at 5 degrees of freedom
    x = np.random.default_rng(6).normal(size=6)
    _, low, high = mean_interval(x, 0.99)
    want = stats.t.interval(0.99, 5, loc=x.mean(), scale=stats.sem(x))
    assert high - low == pytest.approx(want[1] - want[0], rel=1e-3)
