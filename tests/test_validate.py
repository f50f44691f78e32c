"""The shared input checks: each names the argument and what it needs."""

import numpy as np
import pytest

from helpers._validate import (
    as_float_array,
    check_ddof,
    check_int,
    check_nonnegative,
    check_positive,
    check_probability,
    check_real,
    check_rng,
    check_shape,
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
    ([1 + 2j, 3.0], {}, TypeError, r"x must hold real numbers, got complex values"),
    (np.array([1.0], dtype=np.complex64), {}, TypeError, "x must hold real numbers"),
    (np.array([1], dtype="m8[s]"), {}, TypeError, "x must hold numbers, got an array of dtype"),
    (np.array([1, 2], dtype=object), {}, TypeError, "x must hold numbers"),
    ([[1.0, 2.0], [3.0]], {}, ValueError, "x must be array-like of numbers with a regular"),
    ([1.0, np.nan], {"allow_inf": True}, ValueError, "x must not hold NaN, got 1 NaN"),
])
def test_as_float_array_rejects(x, kwargs, error, needle):
    with pytest.raises(error, match=needle):
        as_float_array(x, "x", **kwargs)


def test_as_float_array_converts():
    out = as_float_array([[1, 2], [3, 4]], "X", ndim=(1, 2))
    assert out.dtype == np.float64 and out.shape == (2, 2)
    assert as_float_array(np.float32(0.5), "x").tolist() == 0.5
    assert as_float_array([np.inf, 1.0], "x", allow_inf=True).tolist() == [np.inf, 1.0]
    assert as_float_array([], "x", allow_empty=True).shape == (0,)


def test_complex_input_raises_without_a_warning():
    # NumPy's astype(float) drops the imaginary part with only a ComplexWarning;
    # the warning filter turns any warning into an error, so this passing shows none.
    with pytest.raises(TypeError, match="pass x.real or np.abs"):
        as_float_array(np.array([1 + 0j]), "x")


# every NumPy real scalar is a number; no bool is, nor a complex number or a timedelta
NUMPY_REALS = [np.float16(0.5), np.float32(0.5), np.float64(0.5), np.longdouble(0.5),
               np.array(0.5)]
NUMPY_INTS = [np.int8(3), np.int32(3), np.int64(3), np.uint8(3), np.uint64(3), np.array(3)]
NOT_NUMBERS = [True, np.True_, np.bool_(False), 1 + 0j, np.complex64(1), "1", None, [1.0],
               np.array([1.0]), np.timedelta64(1, "s")]


@pytest.mark.parametrize("value", NUMPY_REALS + NUMPY_INTS)
def test_numpy_scalars_are_numbers(value):
    expected = float(value)
    assert check_real(value, "x") == expected
    assert check_positive(value, "x") == expected
    assert check_nonnegative(value, "x") == expected
    if expected <= 1:
        assert check_probability(value, "x") == expected


@pytest.mark.parametrize("value", NUMPY_INTS)
def test_numpy_integers_are_integers(value):
    assert check_int(value, "n") == 3 and type(check_int(value, "n")) is int
    assert check_shape(value) == (3,)
    assert check_shape((value, np.int64(2))) == (3, 2)


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_bools_and_non_reals_are_not_numbers(value):
    for check, needle in ((check_real, "x must be a finite real number, got"),
                          (check_positive, "x must be a positive finite number, got"),
                          (check_nonnegative, "x must be a non-negative finite number, got"),
                          (check_probability, r"x must be a real number in \[0, 1\], got"),
                          (check_int, "x must be an integer, got")):
        with pytest.raises(TypeError, match=needle):
            check(value, "x")


def test_messages_say_what_was_passed():
    with pytest.raises(TypeError, match=r"n must be an integer, got 10.0 \(float\)"):
        check_int(10.0, "n")
    with pytest.raises(TypeError, match=r"n must be an integer, got np.float64\(3.0\)"):
        check_int(np.float64(3.0), "n")
    with pytest.raises(TypeError, match=r"scale must be a positive finite number, got '1' \(str\)"):
        check_positive("1", "scale")
    with pytest.raises(ValueError, match="sd must be a non-negative finite number, got -0.5"):
        check_nonnegative(np.float32(-0.5), "sd")
    with pytest.raises(ValueError, match="loc must be a finite real number, got inf"):
        check_real(np.inf, "loc")
    with pytest.raises(TypeError, match=r"shape must be an int or a tuple of ints, got '3'"):
        check_shape("3")
    with pytest.raises(TypeError, match=r"shape must be an int or a tuple of ints, got 3.0"):
        check_shape(3.0)


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
