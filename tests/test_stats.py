"""helpers.stats against SciPy, NIST certified values and closed forms."""

import numpy as np
import pytest
from scipy import stats as sps

from helpers.data import load_michelson
from helpers.stats import describe, running_mean, running_std, standard_error, zscore

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


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: describe([]), ValueError, "x must not be empty"),
    (lambda: describe([1.0, np.nan]), ValueError, "finite"),
    (lambda: describe([[1.0, 2.0]], axis=2), ValueError, "axis must be"),
    (lambda: describe([1.0], ddof=1), ValueError, "ddof=1 needs more than 1"),
    (lambda: describe("abc"), TypeError, "array-like"),
    (lambda: standard_error([[1.0, 2.0]]), ValueError, "1-D"),
    (lambda: standard_error([1.0]), ValueError, "ddof=1"),
    (lambda: zscore([1.0, np.inf]), ValueError, "finite"),
    (lambda: running_mean([]), ValueError, "empty"),
    (lambda: running_std([1.0, 2.0], ddof=-1), ValueError, "ddof must be >= 0"),
    (lambda: running_std(np.ones((2, 2))), ValueError, "1-D"),
])
def test_bad_input(call, error, needle):
    with pytest.raises(error, match=needle):
        call()
