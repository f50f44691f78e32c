"""helpers.preprocessing against scikit-learn (a test-only dependency) and exact arithmetic,
including the edge cases: constant and nearly constant features, large offsets, parameters
changed after construction."""

import statistics

import numpy as np
import pytest
from sklearn import preprocessing as skp

from helpers.preprocessing import (
    MinMaxScaler,
    StandardScaler,
    is_constant_range,
    min_max_scale,
    standardize,
)

RNG = np.random.default_rng(2024)
X_TRAIN = np.column_stack([RNG.normal(5, 3, 40), RNG.uniform(-1, 1, 40), np.full(40, 2.5),
                           RNG.exponential(10, 40)])  # column 2 is constant
X_TEST = np.column_stack([RNG.normal(5, 3, 10), RNG.uniform(-2, 2, 10), np.full(10, 9.0),
                          RNG.exponential(10, 10)])


@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1), (2.5, 7)])
def test_min_max_matches_sklearn(feature_range):
    ours = MinMaxScaler(feature_range).fit(X_TRAIN)
    ref = skp.MinMaxScaler(feature_range=feature_range).fit(X_TRAIN)
    assert np.allclose(ours.transform(X_TRAIN), ref.transform(X_TRAIN))
    assert np.allclose(ours.transform(X_TEST), ref.transform(X_TEST))
    assert np.allclose(min_max_scale(X_TRAIN, feature_range), ref.transform(X_TRAIN))
    assert np.allclose(ours.inverse_transform(ours.transform(X_TEST)), X_TEST)
    assert np.allclose(ours.inverse_transform(X_TEST), ref.inverse_transform(X_TEST))


@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1), (2.5, 7)])
def test_min_max_attributes_are_sklearns(feature_range):
    ours = MinMaxScaler(feature_range).fit(X_TRAIN)
    ref = skp.MinMaxScaler(feature_range=feature_range).fit(X_TRAIN)
    for name in ("data_min_", "data_max_", "data_range_", "scale_", "min_"):
        assert np.allclose(getattr(ours, name), getattr(ref, name), rtol=1e-14), name
    assert ours.n_features_in_ == ref.n_features_in_ == 4
    assert ours.n_samples_seen_ == ref.n_samples_seen_ == 40
    # transform is X * scale_ + min_, as in scikit-learn
    assert np.allclose(ours.transform(X_TEST), X_TEST * ours.scale_ + ours.min_)


@pytest.mark.parametrize("ddof", [0, 1])
def test_standardize_matches_sklearn(ddof):
    ours = StandardScaler(ddof=ddof).fit(X_TRAIN)
    ref = skp.StandardScaler().fit(X_TRAIN)
    factor = np.sqrt(len(X_TRAIN) / (len(X_TRAIN) - ddof))
    assert np.allclose(ours.mean_, ref.mean_, rtol=1e-14)
    assert np.allclose(ours.var_, ref.var_ * factor**2, rtol=1e-12)
    assert np.allclose(ours.scale_[[0, 1, 3]], ref.scale_[[0, 1, 3]] * factor, rtol=1e-12)
    assert ours.scale_[2] == ref.scale_[2] == 1.0  # the constant feature
    assert ours.n_features_in_ == ref.n_features_in_ and ours.n_samples_seen_ == 40
    if ddof == 0:
        assert np.allclose(ours.transform(X_TEST), ref.transform(X_TEST))
        assert np.allclose(standardize(X_TRAIN), ref.transform(X_TRAIN))
        assert np.allclose(ours.inverse_transform(X_TEST), ref.inverse_transform(X_TEST))
    assert np.allclose(ours.inverse_transform(ours.transform(X_TEST)), X_TEST)


def test_standardize_closed_form_and_ddof():
    Z = standardize(X_TRAIN[:, [0, 1]], ddof=1)
    assert np.allclose(Z.mean(axis=0), 0) and np.allclose(Z.std(axis=0, ddof=1), 1)


def test_constant_features_give_no_nan():
    with np.errstate(all="raise"):
        assert np.all(min_max_scale(X_TRAIN)[:, 2] == 0)
        assert np.all(standardize(X_TRAIN)[:, 2] == 0)


@pytest.mark.parametrize("n", [3, 6, 7, 100, 679])
@pytest.mark.parametrize("value", [0.1, 1 / 3, 299_792.458])
def test_a_constant_feature_maps_to_exactly_zero(n, value):
    # np.full(n, 0.1).std() is about 1e-17, not 0: the exact-zero test made it +-1.
    X = np.column_stack([np.arange(n, dtype=float), np.full(n, value)])
    assert np.array_equal(standardize(X)[:, 1], np.zeros(n))
    assert np.array_equal(min_max_scale(X)[:, 1], np.zeros(n))
    assert np.array_equal(min_max_scale(X, (-1, 1))[:, 1], np.full(n, -1.0))
    ref = skp.StandardScaler().fit(X)
    assert StandardScaler().fit(X).scale_[1] == ref.scale_[1] == 1.0


def test_a_nearly_constant_feature_maps_to_zero():
    # 0.1 * 3 and 0.1 + 0.2 differ from 0.3 in the last digit: constant up to rounding.
    X = np.column_stack([np.arange(9.0), np.resize([0.3, 0.1 * 3, 0.1 + 0.2], 9)])
    assert np.ptp(X[:, 1]) > 0
    assert np.allclose(standardize(X)[:, 1], 0, atol=1e-15)
    assert np.allclose(min_max_scale(X)[:, 1], 0, atol=1e-15)
    for ours, ref in ((StandardScaler(), skp.StandardScaler()),
                      (MinMaxScaler(), skp.MinMaxScaler())):
        assert np.allclose(ours.fit_transform(X), ref.fit_transform(X), atol=1e-13)


def test_constant_range_is_relative_where_sklearn_is_absolute():
    # Rounding noise at 1e7 (one unit in the last place, 1.9e-9) is constant for us, and
    # for scikit-learn's absolute 10 eps it is a full [0, 1] range: a difference we keep.
    big = np.array([[1e7], [np.nextafter(1e7, 2e7)], [1e7]])
    assert np.allclose(min_max_scale(big)[:, 0], 0, atol=1e-8)  # the noise itself remains
    assert np.array_equal(skp.MinMaxScaler().fit_transform(big)[:, 0], [0, 1, 0])
    # A real spread near zero is scaled by us and called constant by scikit-learn.
    tiny = np.array([[0.0], [1e-20], [2e-20]])
    assert np.allclose(min_max_scale(tiny)[:, 0], [0, 0.5, 1])
    assert np.allclose(skp.MinMaxScaler().fit_transform(tiny)[:, 0], [0, 1e-20, 2e-20])
    assert is_constant_range([0.3, 0.0, -5.0], [0.1 * 3, 1e-300, -5.0]).tolist() == [
        True, False, True]


def test_min_max_is_accurate_under_a_large_offset():
    # (X - data_min_) * scale_ has no cancellation; X * scale_ + min_ loses ~1e-9 here.
    X = 1e9 + np.array([[0.0], [0.25], [0.5], [0.75], [1.0]])
    assert np.array_equal(min_max_scale(X)[:, 0], [0, 0.25, 0.5, 0.75, 1])


def test_standard_scaler_mean_and_var_are_exact_under_an_offset():
    X = 1e8 + RNG.lognormal(0, 1, size=(500, 2))
    s = StandardScaler().fit(X)
    for j in range(2):
        column = X[:, j].tolist()
        assert s.mean_[j] == pytest.approx(statistics.fmean(column), rel=1e-15)
        assert s.var_[j] == pytest.approx(statistics.pvariance(column), rel=1e-10)


def test_precedence_mistake_differs():
    X = X_TRAIN[:, [0, 1]]
    wrong = X - X.min(axis=0) / (X.max(axis=0) - X.min(axis=0))
    assert not np.allclose(wrong, min_max_scale(X))


def test_feature_range_set_after_construction_is_checked_at_fit():
    scaler = MinMaxScaler()
    scaler.feature_range = (1, 0)
    with pytest.raises(ValueError, match=r"feature_range must hold .* min < max, got \(1, 0\)"):
        scaler.fit(X_TRAIN)
    scaler.feature_range = (-1, 1)  # a valid change takes effect at the next fit
    assert np.allclose(scaler.fit_transform(X_TRAIN).min(axis=0), [-1, -1, -1, -1])


def test_changing_feature_range_after_fit_does_not_change_the_fitted_transform():
    scaler = MinMaxScaler().fit(X_TRAIN)
    before = scaler.transform(X_TEST)
    scaler.feature_range = (-5, 5)  # like scikit-learn: fitted attributes rule transform
    assert np.array_equal(scaler.transform(X_TEST), before)


def test_ddof_set_after_construction_is_checked_at_fit():
    scaler = StandardScaler()
    scaler.ddof = 40
    with pytest.raises(ValueError, match="ddof=40 needs more than 40 values, got 40"):
        scaler.fit(X_TRAIN)


def test_fitted_scalers_compare_without_error_and_have_a_repr():
    a, b = StandardScaler().fit(X_TRAIN), StandardScaler().fit(X_TRAIN)
    same = a
    assert (a == b) is False and (a == same) is True  # identity, like scikit-learn estimators
    assert (MinMaxScaler().fit(X_TRAIN) == MinMaxScaler().fit(X_TRAIN)) is False
    assert repr(a) == "StandardScaler(ddof=0)"
    assert repr(MinMaxScaler((-1, 1))) == "MinMaxScaler(feature_range=(-1, 1))"


def test_unfitted_scaler_has_no_fitted_attributes():
    assert not hasattr(StandardScaler(), "mean_") and not hasattr(MinMaxScaler(), "scale_")


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: min_max_scale([1.0, 2.0]), ValueError, r"reshape\(-1, 1\)"),
    (lambda: min_max_scale(np.empty((0, 2))), ValueError, "must not be empty"),
    (lambda: min_max_scale([[1.0, np.nan]]), ValueError, "finite"),
    (lambda: standardize([[1.0, np.nan], [2.0, 3.0]]), ValueError, "finite"),
    (lambda: min_max_scale(X_TRAIN, (1, 1)), ValueError, "min < max"),
    (lambda: min_max_scale(X_TRAIN, (2, 0)), ValueError, "feature_range"),
    (lambda: min_max_scale(X_TRAIN, (0, 1, 2)), ValueError, "two finite numbers"),
    (lambda: min_max_scale(X_TRAIN, (0, np.inf)), ValueError, "two finite numbers"),
    (lambda: min_max_scale(X_TRAIN, "ab"), ValueError, "feature_range"),
    (lambda: MinMaxScaler().transform(X_TRAIN), RuntimeError, "not fitted"),
    (lambda: StandardScaler().inverse_transform(X_TRAIN), RuntimeError, "not fitted"),
    (lambda: StandardScaler().fit(X_TRAIN).transform(X_TRAIN[:, :2]), ValueError,
     "must have 4 features"),
    (lambda: MinMaxScaler().fit(X_TRAIN).inverse_transform(X_TRAIN[:, :2]), ValueError,
     "X_scaled must have 4 features"),
    (lambda: standardize([[1.0, 2.0]], ddof=1), ValueError, "ddof=1"),
    (lambda: standardize(np.ones((2, 2, 2))), ValueError, "2-D"),
    # issue 24: complex input raised only a ComplexWarning and lost its imaginary part
    (lambda: min_max_scale([[1 + 1j], [2.0]]), TypeError, "X must hold real numbers, got complex"),
    (lambda: standardize([[1 + 1j], [2.0]]), TypeError, "X must hold real numbers"),
    (lambda: MinMaxScaler().fit(X_TRAIN).transform(X_TRAIN * 1j), TypeError,
     "X must hold real numbers"),
    (lambda: StandardScaler().fit(X_TRAIN).inverse_transform(X_TRAIN + 0j), TypeError,
     "X_scaled must hold real numbers"),
    (lambda: min_max_scale(X_TRAIN, (0, 1j)), ValueError, "feature_range must hold two finite"),
    (lambda: standardize(X_TRAIN, ddof=1.0), TypeError, r"ddof must be an integer, got 1.0"),
    (lambda: StandardScaler().fit(X_TRAIN).transform(np.empty((0, 4))), ValueError,
     "X must not be empty"),
    (lambda: is_constant_range([1.0, 2.0], [1.0, 2.0, 3.0]), ValueError,
     r"data_min and data_max must have the same shape .* got \(2,\) and \(3,\)"),
])
def test_bad_input(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


def test_numpy_scalars_are_accepted_as_parameters():
    assert np.array_equal(min_max_scale(X_TRAIN, (np.float32(-1), np.int64(1))),
                          min_max_scale(X_TRAIN, (-1.0, 1.0)))
    assert np.array_equal(standardize(X_TRAIN, ddof=np.int64(1)), standardize(X_TRAIN, ddof=1))


@pytest.mark.parametrize("scaler", [MinMaxScaler, StandardScaler])
def test_a_spread_that_overflows_float64_gets_a_clear_error(scaler):
    with pytest.raises(ValueError, match=r"X's .* overflows float64 in feature\(s\) \[1\]"):
        scaler().fit([[0.0, 1e308], [1.0, -1e308]])
