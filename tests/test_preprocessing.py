"""helpers.preprocessing against scikit-learn (a test-only dependency)."""

import numpy as np
import pytest
from sklearn import preprocessing as skp

from helpers.preprocessing import MinMaxScaler, StandardScaler, min_max_scale, standardize

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


def test_standardize_matches_sklearn():
    ours = StandardScaler().fit(X_TRAIN)
    ref = skp.StandardScaler().fit(X_TRAIN)
    assert np.allclose(ours.transform(X_TEST), ref.transform(X_TEST))
    assert np.allclose(standardize(X_TRAIN), ref.transform(X_TRAIN))
    assert np.allclose(ours.inverse_transform(ours.transform(X_TEST)), X_TEST)


def test_standardize_closed_form_and_ddof():
    Z = standardize(X_TRAIN[:, [0, 1]], ddof=1)
    assert np.allclose(Z.mean(axis=0), 0) and np.allclose(Z.std(axis=0, ddof=1), 1)


def test_constant_features_give_no_nan():
    with np.errstate(all="raise"):
        assert np.all(min_max_scale(X_TRAIN)[:, 2] == 0)
        assert np.all(standardize(X_TRAIN)[:, 2] == 0)


def test_precedence_mistake_differs():
    X = X_TRAIN[:, [0, 1]]
    wrong = X - X.min(axis=0) / (X.max(axis=0) - X.min(axis=0))
    assert not np.allclose(wrong, min_max_scale(X))


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: min_max_scale([1.0, 2.0]), ValueError, r"reshape\(-1, 1\)"),
    (lambda: min_max_scale(np.empty((0, 2))), ValueError, "must not be empty"),
    (lambda: min_max_scale([[1.0, np.nan]]), ValueError, "finite"),
    (lambda: standardize([[1.0, np.nan], [2.0, 3.0]]), ValueError, "finite"),
    (lambda: min_max_scale(X_TRAIN, (1, 1)), ValueError, "min < max"),
    (lambda: min_max_scale(X_TRAIN, (2, 0)), ValueError, "feature_range"),
    (lambda: min_max_scale(X_TRAIN, (0, 1, 2)), ValueError, "two numbers"),
    (lambda: MinMaxScaler().transform(X_TRAIN), RuntimeError, "not fitted"),
    (lambda: StandardScaler().fit(X_TRAIN).transform(X_TRAIN[:, :2]), ValueError,
     "must have 4 features"),
    (lambda: standardize([[1.0, 2.0]], ddof=1), ValueError, "ddof=1"),
    (lambda: standardize(np.ones((2, 2, 2))), ValueError, "2-D"),
])
def test_bad_input(call, error, needle):
    with pytest.raises(error, match=needle):
        call()
