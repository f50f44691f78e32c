"""helpers.stats against SciPy, scikit-learn, NIST certified values, exact rational
arithmetic (Python's ``statistics``) and closed forms, including the numerical edge cases:
near-constant data, large offsets and level shifts."""

import statistics

import numpy as np
import pytest
from scipy import stats as sps
from sklearn.preprocessing import StandardScaler as SkStandardScaler

from helpers.data import load_michelson
from helpers.stats import (
    autocorrelation,
    describe,
    effective_sample_size,
    is_constant_feature,
    mean_var,
    running_mean,
    running_std,
    standard_error,
    zscore,
)

RNG = np.random.default_rng(12345)
X = RNG.normal(3.0, 2.0, size=(50, 4))


def test_describe_matches_scipy_and_percentiles():
    d = describe(X[:, 0], ddof=1)
    ref = sps.describe(X[:, 0])  # ddof=1 variance
    assert d.count == ref.nobs
    assert d.mean == pytest.approx(ref.mean)
    assert d.std == pytest.approx(np.sqrt(ref.variance))
    assert (d.min, d.max) == pytest.approx(ref.minmax)
    assert d.median == pytest.approx(sps.scoreatpercentile(X[:, 0], 50))
    assert d.q25 == pytest.approx(sps.scoreatpercentile(X[:, 0], 25))


def test_describe_defaults_to_the_sample_std_like_pandas():
    # pandas' Series.describe() reports the ddof=1 standard deviation.
    assert describe(X[:, 0]).std == pytest.approx(np.std(X[:, 0], ddof=1))
    assert describe(X[:, 0], ddof=0).std == pytest.approx(np.std(X[:, 0]))


def test_describe_per_axis_shapes():
    assert describe(X, axis=0).mean.shape == (4,)
    assert describe(X, axis=1).q75.shape == (50,)
    assert describe(X, axis=0).count == 50 and describe(X, axis=1).count == 4


def test_nist_michelson_certified_values():
    # NIST StRD "Michelso": the same data / 1000 + 299.
    v = load_michelson() / 1000 + 299
    d = describe(v, ddof=1)
    assert d.mean == pytest.approx(299.852400000000, rel=1e-14)
    assert d.std == pytest.approx(0.0790105478190518, rel=1e-10)


def test_standard_error_matches_scipy():
    assert standard_error(X[:, 1]) == pytest.approx(sps.sem(X[:, 1]))
    assert standard_error(X[:, 1], ddof=0) == pytest.approx(sps.sem(X[:, 1], ddof=0))


@pytest.mark.parametrize("axis", [0, 1, None])
@pytest.mark.parametrize("ddof", [0, 1])
def test_zscore_matches_scipy(axis, ddof):
    assert np.allclose(zscore(X, axis=axis, ddof=ddof), sps.zscore(X, axis=axis, ddof=ddof))


def test_zscore_constant_feature_is_zero_not_nan():
    data = np.column_stack([X[:, 0], np.full(50, 7.0)])
    z = zscore(data)
    assert np.all(z[:, 1] == 0) and np.all(np.isfinite(z))


# ------------------------------------------------- autocorrelation, effective sample size


def ar1(rng, phi, shape):
    """Stationary AR(1) series along the last axis: variance 1, lag-k correlation phi**k."""
    shape = (shape,) if isinstance(shape, int) else shape
    eps = rng.standard_normal(shape)
    x = np.empty(shape)
    x[..., 0] = eps[..., 0]
    for t in range(1, shape[-1]):
        x[..., t] = phi * x[..., t - 1] + np.sqrt(1 - phi**2) * eps[..., t]
    return x


def loop_autocorrelation(x):
    """The definition, one lag at a time, with NumPy's direct (not FFT) correlate."""
    d = np.asarray(x, dtype=float) - np.mean(x)
    return np.correlate(d, d, mode="full")[d.size - 1:] / np.dot(d, d)


def loop_geyer_ess(x):
    """Geyer's (1992) initial monotone sequence estimator, written as plain loops."""
    n = len(x)
    d = [value - sum(x) / n for value in x]
    acov = [sum(d[t] * d[t + k] for t in range(n - k)) / n for k in range(n)]
    rho = [a / acov[0] for a in acov]
    tau, previous = -1.0, float("inf")
    for m in range(n // 2):
        pair = rho[2 * m] + rho[2 * m + 1]
        if pair <= 0:
            break
        previous = min(previous, pair)
        tau += 2 * previous
    return n / max(tau, 1 / np.log10(n))


@pytest.mark.parametrize("n", [2, 3, 10, 101])
def test_autocorrelation_matches_the_direct_sum(n):
    x = np.random.default_rng(n).normal(5.0, 2.0, n)
    assert np.allclose(autocorrelation(x), loop_autocorrelation(x), atol=1e-12)
    rows = np.random.default_rng(n + 1).standard_normal((3, n))
    assert np.allclose(autocorrelation(rows), [loop_autocorrelation(r) for r in rows],
                       atol=1e-12)


def test_autocorrelation_of_an_ar1_series_is_phi_to_the_k():
    rho = autocorrelation(ar1(np.random.default_rng(1), 0.6, (40, 5_000))).mean(axis=0)
    assert np.allclose(rho[:5], 0.6 ** np.arange(5), atol=0.01)  # sd about 0.003


def test_autocorrelation_survives_a_large_offset():
    x = np.random.default_rng(2).standard_normal(50)
    assert np.allclose(autocorrelation(1e9 + x), autocorrelation(x), atol=1e-6)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("phi", [0.0, 0.5, -0.5, 0.9])
def test_ess_matches_geyers_estimator_written_as_loops(seed, phi):
    x = ar1(np.random.default_rng(seed), phi, 60)
    assert effective_sample_size(x) == pytest.approx(loop_geyer_ess(x.tolist()), rel=1e-9)


def test_ess_per_row_equals_ess_of_each_row():
    x = ar1(np.random.default_rng(3), 0.5, (4, 80))
    assert np.allclose(effective_sample_size(x), [effective_sample_size(r) for r in x])


@pytest.mark.parametrize("phi", [0.0, 0.5, 0.9])
def test_ess_of_long_ar1_series_is_n_1_minus_phi_over_1_plus_phi(phi):
    n = 20_000
    ess = effective_sample_size(ar1(np.random.default_rng(4), phi, (20, n)))
    want = n * (1 - phi) / (1 + phi)  # the limit of n / (1 + 2 sum_k phi**k)
    assert np.mean(ess) == pytest.approx(want, rel=0.05)


def test_sd_over_sqrt_ess_is_the_spread_of_the_mean():
    """The point of the ESS: var(x) / ESS estimates the variance of the mean of x."""
    x = ar1(np.random.default_rng(5), 0.7, (4000, 400))
    se = x.std(axis=1, ddof=1) / np.sqrt(effective_sample_size(x))
    assert np.mean(se**2) == pytest.approx(x.mean(axis=1).var(), rel=0.1)


def test_ess_of_an_alternating_series_is_capped_not_infinite():
    x = np.tile([1.0, -1.0], 50)  # rho_1 = -0.99: every pair sums to about 0
    assert effective_sample_size(x) == pytest.approx(100 * np.log10(100))


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: autocorrelation([1.0]), ValueError, "at least 2 values"),
    (lambda: autocorrelation(np.full(5, 0.1)), ValueError, "x must vary"),
    (lambda: autocorrelation(np.ones((2, 2, 2))), ValueError, "1-D or 2-D"),
    (lambda: autocorrelation([1.0, np.nan, 2.0]), ValueError, "finite"),
    (lambda: effective_sample_size([1.0, 2.0, 3.0]), ValueError, "at least 4 values"),
    (lambda: effective_sample_size([[1.0, 2.0, 3.0, 4.0], [2.0] * 4]), ValueError, "vary"),
    (lambda: effective_sample_size("abcd"), TypeError, "array-like"),
])
def test_bad_series(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


@pytest.mark.parametrize("n", [3, 6, 7, 10, 100, 679])
@pytest.mark.parametrize("value", [0.1, 1 / 3, 299_792.458, -1e-7])
def test_a_constant_feature_with_a_rounding_error_std_is_still_constant(n, value):
    column = np.full(n, value)
    data = np.column_stack([np.arange(n, dtype=float), column])
    ref = SkStandardScaler().fit(data)
    assert np.array_equal(zscore(data)[:, 1], np.zeros(n))  # exactly: see mean_var
    assert np.allclose(zscore(data)[:, 1], ref.transform(data)[:, 1], atol=1e-8)
    assert is_constant_feature(column.var(), column.mean(), n)


@pytest.mark.parametrize("n", [3, 10, 1000])
def test_a_nearly_constant_feature_is_constant(n):
    # Values that should be equal but differ in their last digits: 0.1 * 3 != 0.3.
    column = np.resize([0.3, 0.1 * 3, 0.1 + 0.2], n)
    assert 0 < column.var() < 1e-30
    data = np.column_stack([np.arange(n, dtype=float), column])
    assert np.allclose(zscore(data)[:, 1], 0, atol=1e-15)
    assert np.allclose(zscore(data)[:, 1], SkStandardScaler().fit_transform(data)[:, 1],
                       atol=1e-13)


def test_mean_var_refines_the_mean():
    column = np.full(6, 0.1)
    assert column.mean() != 0.1 and column.var() > 0  # NumPy's one-pass mean is rounded
    mean, var = mean_var(column)
    assert mean == 0.1 and var == 0.0
    x = RNG.lognormal(5, 1, size=(300, 3)) + 1e6
    mean, var = mean_var(x, axis=0, ddof=1)
    exact = [(statistics.fmean(c), statistics.variance(c)) for c in x.T.tolist()]
    assert np.allclose(mean, [m for m, _ in exact], rtol=1e-15)
    assert np.allclose(var, [v for _, v in exact], rtol=1e-12)


def test_the_exact_zero_test_was_fooled():
    # The case behind the rule: std == 0 is False, so (x - mean) / std gives +-1, not 0.
    column = np.full(6, 0.1)
    assert 0 < column.std() < 1e-16
    assert np.allclose(np.abs((column - column.mean()) / column.std()), 1)


def test_is_constant_feature_matches_sklearns_rule():
    from sklearn.preprocessing._data import _is_constant_feature

    rng = np.random.default_rng(7)
    mean = rng.normal(0, 10.0 ** rng.integers(-8, 8, 200))
    var = (mean * 10.0 ** rng.uniform(-20, 0, 200)) ** 2
    var[::7] = 0.0
    for n in (2, 50, 10_000):
        assert np.array_equal(is_constant_feature(var, mean, n),
                              _is_constant_feature(var, mean, n))


def test_small_but_real_spread_is_not_constant():
    tiny = np.array([[0.0], [1e-20], [2e-20]])  # a real spread near zero
    assert not is_constant_feature(tiny.var(), tiny.mean(), 3)
    assert np.allclose(zscore(tiny)[:, 0], [-1.224744871391589, 0, 1.224744871391589])
    big = 1e7 + np.array([0.0, 1e-6, 2e-6])  # a real spread at a large offset
    assert np.allclose(zscore(big), [-1.2247, 0, 1.2247], atol=1e-3)


def test_running_statistics_equal_prefix_statistics():
    x = RNG.exponential(2.0, size=300)
    k = np.arange(1, 301)
    assert np.allclose(running_mean(x), [x[:i].mean() for i in k])
    assert np.allclose(running_std(x), [x[:i].std() for i in k])
    assert np.allclose(running_std(x, ddof=1), [x[:i].std(ddof=1) for i in k[1:]])


def test_running_statistics_survive_a_large_offset():
    # Day 3's example: values near 1e7 whose naive E[x^2] - E[x]^2 variance is garbage.
    x = 10_000_000.0 + RNG.choice([0.1, 0.2, 0.3], size=1001)
    exact_std = [np.std(x[:i]) for i in range(1, 1002)]
    assert np.allclose(running_std(x), exact_std, rtol=1e-6, atol=1e-9)
    assert np.allclose(running_mean(x), [np.mean(x[:i]) for i in range(1, 1002)],
                       rtol=1e-15)
    naive = np.sqrt(np.abs(np.mean(x**2) - np.mean(x) ** 2))
    assert abs(naive - exact_std[-1]) > 0.1 * exact_std[-1]  # the trap is real


def exact_prefix_std(x, ks, ddof=0):
    """Correctly rounded prefix standard deviations: statistics works in exact fractions."""
    std = statistics.pstdev if ddof == 0 else statistics.stdev
    return np.array([std(x[:k].tolist()) for k in ks])


def welford(x):
    """Welford's (1962) update, one value at a time: the textbook reference."""
    mean = m2 = 0.0
    out = []
    for k, value in enumerate(x, start=1):
        delta = value - mean
        mean += delta / k
        m2 += delta * (value - mean)
        out.append(np.sqrt(m2 / k))
    return np.array(out)


LEVEL_SHIFTS = {
    "high then low": lambda rng: np.concatenate([1e8 + rng.standard_normal(500),
                                                 rng.standard_normal(500)]),
    "low then high": lambda rng: np.concatenate([rng.standard_normal(500),
                                                 1e8 + rng.standard_normal(500)]),
    "three levels": lambda rng: np.concatenate([rng.normal(5e9, 1, 300), rng.normal(0, 1, 300),
                                                rng.normal(-3e7, 0.01, 300)]),
    "one spike first": lambda rng: np.concatenate([[1e12], rng.standard_normal(999)]),
    "offset random walk": lambda rng: 1e9 + 1e3 * np.cumsum(rng.standard_normal(1000)),
    "constant 0.1": lambda rng: np.full(1000, 0.1),
}


@pytest.mark.parametrize("make", LEVEL_SHIFTS.values(), ids=LEVEL_SHIFTS.keys())
@pytest.mark.parametrize("ddof", [0, 1])
def test_running_std_is_accurate_after_a_level_shift(make, ddof):
    x = make(np.random.default_rng(3))
    ks = np.unique(np.geomspace(ddof + 1, x.size, 80).astype(int))
    exact = exact_prefix_std(x, ks, ddof)
    got = running_std(x, ddof=ddof)[ks - 1 - ddof]
    assert np.allclose(got, exact, rtol=1e-12, atol=0)
    # A mean is accurate relative to the size of the values averaged, not to itself (a
    # mean near 0 of values near +-1e8 has no correct relative digits to offer).
    size = np.array([np.abs(x[:k]).max() for k in ks])
    error = running_mean(x)[ks - 1] - [statistics.fmean(x[:k]) for k in ks]
    assert np.all(np.abs(error) <= 1e-14 * size)


def test_running_std_agrees_with_welfords_loop():
    x = np.random.default_rng(4).lognormal(3, 2, 2000)
    assert np.allclose(running_std(x), welford(x), rtol=1e-12)


def test_the_old_cumulative_sum_formula_fails_after_a_level_shift():
    # What running_std did before: shift by the overall mean, then sum(d^2) - sum(d)^2 / k.
    x = LEVEL_SHIFTS["high then low"](np.random.default_rng(3))
    d = x - x.mean()
    k = np.arange(1, x.size + 1)
    old = np.sqrt(np.maximum(np.cumsum(d * d) - np.cumsum(d) ** 2 / k, 0) / k)
    exact = exact_prefix_std(x, [400])[0]
    assert abs(old[399] - exact) > 0.5 * exact  # the trap this change removes
    assert running_std(x)[399] == pytest.approx(exact, rel=1e-12)


def test_running_std_of_a_constant_is_exactly_zero():
    assert np.array_equal(running_std(np.full(777, 0.1)), np.zeros(777))


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: describe([]), ValueError, "x must not be empty"),
    (lambda: describe([1.0, np.nan]), ValueError, "finite"),
    (lambda: describe([[1.0, 2.0]], axis=2), ValueError, "axis must be"),
    (lambda: describe([1.0], ddof=1), ValueError, "ddof=1 needs more than 1"),
    (lambda: describe("abc"), TypeError, "array-like"),
    (lambda: standard_error([[1.0, 2.0]]), ValueError, "1-D"),
    (lambda: standard_error([1.0]), ValueError, "ddof=1"),
    (lambda: zscore([1.0, np.inf]), ValueError, "finite"),
    (lambda: zscore([[1.0, 2.0]], axis=3), ValueError, "axis must be"),
    (lambda: is_constant_feature([-1.0], [0.0], 3), ValueError, "var must be >= 0"),
    (lambda: is_constant_feature([1.0], [0.0], 0), ValueError, "n_samples must be >= 1"),
    (lambda: running_mean([]), ValueError, "empty"),
    (lambda: running_std([1.0, 2.0], ddof=-1), ValueError, "ddof must be >= 0"),
    (lambda: running_std(np.ones((2, 2))), ValueError, "1-D"),
    # issue 24: complex input raised only a ComplexWarning and lost its imaginary part
    (lambda: describe([1 + 2j, 3.0]), TypeError, "x must hold real numbers, got complex"),
    (lambda: describe(np.array([1.0, 2.0], dtype=np.complex64)), TypeError, "x must hold real"),
    (lambda: mean_var([1j, 2.0]), TypeError, "x must hold real numbers"),
    (lambda: zscore([[1j, 2.0]]), TypeError, "x must hold real numbers"),
    (lambda: standard_error([1j, 2.0]), TypeError, "x must hold real numbers"),
    (lambda: running_mean([1j, 2.0]), TypeError, "x must hold real numbers"),
    (lambda: describe([[1.0, 2.0], [3.0]]), ValueError, "x must be array-like of numbers with"),
    (lambda: describe([[1.0, 2.0]], axis="0"), TypeError,
     r"axis must be None or an integer, got '0' \(str\)"),
    (lambda: describe([[1.0, 2.0]], axis=0.0), TypeError, "axis must be None or an integer"),
    (lambda: mean_var([[1.0, 2.0]], axis="x"), TypeError, "axis must be None or an integer"),
    (lambda: zscore([[1.0, 2.0]], axis="0"), TypeError, "axis must be None or an integer"),
    (lambda: describe([1.0, 2.0], ddof=1.0), TypeError, r"ddof must be an integer, got 1.0"),
    (lambda: is_constant_feature([1.0, 2.0], [1.0, 2.0, 3.0], 3), ValueError,
     r"var and mean must have the same shape .* got \(2,\) and \(3,\)"),
    (lambda: is_constant_feature([1.0], [0.0], 3.0), TypeError, "n_samples must be an integer"),
])
def test_bad_input(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


def test_numpy_scalars_are_accepted_as_arguments():
    x = [[1.0, 2.0], [3.0, 5.0], [4.0, 9.0]]
    assert np.allclose(describe(x, axis=np.int64(0), ddof=np.int64(1)).std,
                       describe(x, axis=0, ddof=1).std)
    assert np.allclose(mean_var(x, axis=np.int32(-1)), mean_var(x, axis=-1))
    assert is_constant_feature(np.float32(0.0), np.float32(0.1), np.int64(3))
    assert describe(np.float32(2.5), ddof=0).mean == 2.5  # a NumPy scalar is one value
