"""helpers.dropout: expectation, edge cases, errors, and PyTorch's F.dropout as reference."""

import numpy as np
import pytest

from helpers.dropout import dropout, dropout_mask


def test_mask_keeps_one_minus_p():
    mask = dropout_mask((500, 400), 0.3, np.random.default_rng(0))
    assert mask.dtype == bool
    # 200,000 Bernoulli(0.7) draws: std of the mean is 0.001.
    assert mask.mean() == pytest.approx(0.7, abs=0.005)


@pytest.mark.parametrize(("shape", "error", "needle"), [
    ((3, -1), ValueError, r"shape\[1\] must be >= 0, got -1"),
    (-2, ValueError, r"shape\[0\] must be >= 0"),
    ((2.5,), TypeError, r"shape\[0\] must be an integer"),
    ("3", TypeError, "shape must be an int or a tuple"),
])
def test_mask_rejects_bad_shapes(shape, error, needle):
    with pytest.raises(error, match=needle):
        dropout_mask(shape, 0.5, np.random.default_rng(0))


def test_inverted_dropout_preserves_the_mean():
    x = np.random.default_rng(1).uniform(0, 2, size=(400, 500))
    out = dropout(x, 0.4, np.random.default_rng(2))
    assert out.mean() == pytest.approx(x.mean(), rel=0.01)
    kept = out != 0
    assert np.allclose(out[kept], x[kept] / 0.6)


def test_edge_cases():
    x = np.arange(1.0, 7.0).reshape(2, 3)
    rng = np.random.default_rng(0)
    assert dropout(x, 0.0, rng) is x
    assert dropout(x, 0.7, rng, training=False) is x
    zeros = dropout(x, 1.0, rng)
    assert np.array_equal(zeros, np.zeros_like(x)) and np.all(np.isfinite(zeros))
    assert dropout(np.empty((0, 3)), 0.5, rng).shape == (0, 3)


def test_reproducible_from_the_same_seed():
    x = np.ones((10, 10))
    a = dropout(x, 0.5, np.random.default_rng(5))
    assert np.array_equal(a, dropout(x, 0.5, np.random.default_rng(5)))


@pytest.mark.parametrize(("x", "p", "rng", "error", "needle"), [
    ([1.0, 2.0], 0.5, np.random.default_rng(0), TypeError, "x must be a numpy.ndarray"),
    (np.ones(3), 1.5, np.random.default_rng(0), ValueError, r"p must be in \[0, 1\]"),
    (np.ones(3), -0.1, np.random.default_rng(0), ValueError, r"p must be in \[0, 1\]"),
    (np.ones(3), "0.5", np.random.default_rng(0), TypeError, "p must be a real number"),
    (np.ones(3), 0.5, 0, TypeError, "rng must be a numpy.random.Generator"),
    (np.array([1.0, np.nan]), 0.5, np.random.default_rng(0), ValueError, "finite"),
    (np.array([1j, 2.0]), 0.5, np.random.default_rng(0), TypeError, "x must hold real numbers"),
    (np.ones(3), np.nan, np.random.default_rng(0), ValueError, r"p must be in \[0, 1\], got nan"),
    (np.ones(3), True, np.random.default_rng(0), TypeError, "p must be a real number"),
])
def test_bad_input(x, p, rng, error, needle):
    with pytest.raises(error, match=needle):
        dropout(x, p, rng)


@pytest.mark.parametrize("training", ["eval", "no", None, 0, 1.0])
def test_training_must_be_a_bool(training):
    # a string such as "eval" is truthy: it would have trained silently
    with pytest.raises(TypeError, match="training must be True or False, got "):
        dropout(np.ones(3), 0.5, np.random.default_rng(0), training=training)


def test_numpy_bools_and_scalars_are_accepted():
    x = np.ones((4, 5))
    assert dropout(x, np.float32(0.5), np.random.default_rng(0), training=np.False_) is x
    assert np.array_equal(dropout(x, np.float32(0.5), np.random.default_rng(0), np.True_),
                          dropout(x, 0.5, np.random.default_rng(0)))
    assert dropout_mask((np.int64(2), 3), np.float64(0.1), np.random.default_rng(0)).shape == (2, 3)
