"""The shared input checks: each names the argument and what it needs."""

import numpy as np
import pytest

from helpers._validate import (
    as_float_array,
    check_ddof,
    check_int,
    check_positive,
    check_probability,
    check_rng,
)


def test_check_rng_accepts_generator_only():
    rng = np.random.default_rng(0)
    assert check_rng(rng) is rng
    for bad in (0, np.random.RandomState(0), None):
        with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
            check_rng(bad)


@pytest.mark.parametrize(("x", "kwargs", "error", "needle"), [
    ("abc", {}, TypeError, "x must be array-like"),
    (None, {}, TypeError, "x must be array-like"),
    (np.array(["a"]), {}, TypeError, "dtype"),
    ([], {}, ValueError, "must not be empty"),
    ([1.0, np.nan], {}, ValueError, "1 NaN or infinite"),
    ([1.0, np.inf], {}, ValueError, "finite"),
    ([1.0, 2.0], {"ndim": 2}, ValueError, "must be 2-D, got a 1-D"),
])
def test_as_float_array_rejects(x, kwargs, error, needle):
    with pytest.raises(error, match=needle):
        as_float_array(x, "x", **kwargs)


def test_as_float_array_converts():
    out = as_float_array([[1, 2], [3, 4]], "X", ndim=(1, 2))
    assert out.dtype == np.float64 and out.shape == (2, 2)


def test_scalar_checks():
    assert check_int(3, "n") == 3
    assert check_probability(0.5) == 0.5
    assert check_ddof(1, 5) == 1
    with pytest.raises(TypeError, match="n must be an integer"):
        check_int(True, "n")
    with pytest.raises(ValueError, match="n must be >= 1"):
        check_int(0, "n", minimum=1)
    with pytest.raises(ValueError, match=r"p must be in \[0, 1\], got 1.5"):
        check_probability(1.5)
    with pytest.raises(TypeError, match="p must be a real number"):
        check_probability("0.5")
    with pytest.raises(ValueError, match="ddof=2 needs more than 2 values, got 2"):
        check_ddof(2, 2)


def test_check_positive():
    assert check_positive(np.float32(0.5), "lr") == 0.5  # NumPy scalars are fine
    for bad, error in ((0.0, ValueError), (-1, ValueError), (float("inf"), ValueError),
                       (float("nan"), ValueError), ("0.1", TypeError), (True, TypeError)):
        with pytest.raises(error, match="lr must be a positive finite number"):
            check_positive(bad, "lr")
