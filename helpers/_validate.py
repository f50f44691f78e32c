"""Input checks shared by the helpers: fail early, name the argument, say what it needs.

A number is a Python ``int`` or ``float`` or any NumPy real scalar (``np.float32(0.1)``,
``np.int64(3)``, a 0-d array of either); a bool is never a number here, nor is a complex
number, a string or a ``np.timedelta64`` (which NumPy counts as an integer).
"""

from __future__ import annotations

import numbers
import reprlib

import numpy as np

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 40


def show_value(value: object) -> str:
    """What an error message says the caller passed: a short repr and the type."""
    if isinstance(value, np.generic):  # NumPy 2's repr on every NumPy (NEP 51 changed it)
        shown = (("np.True_" if value else "np.False_") if isinstance(value, np.bool_)
                 else f"np.{value.dtype.name}({value})")
        return f"{shown} ({value.dtype.name})"
    return f"{_REPR.repr(value)} ({type(value).__name__})"


def as_real_scalar(value: object) -> float | int | None:
    """``value`` as a Python int or float if it is a real number (see the module), else None."""
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
        value = value[()]
    if (isinstance(value, bool | np.bool_ | np.timedelta64 | np.datetime64)
            or not isinstance(value, numbers.Real)):
        return None
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def check_rng(rng: object, name: str = "rng") -> np.random.Generator:
    """Return ``rng`` if it is a ``numpy.random.Generator``, else raise ``TypeError``."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator (make one with "
            f"np.random.default_rng(seed)), got {type(rng).__name__}"
        )
    return rng


def as_float_array(x: object, name: str, *, ndim: int | tuple[int, ...] | None = None,
                   allow_empty: bool = False, allow_inf: bool = False) -> np.ndarray:
    """Convert ``x`` to a finite float array, checking its dimensionality.

    Raises ``TypeError`` for anything but real numbers (strings, objects, complex numbers:
    NumPy would drop their imaginary part with only a warning) and ``ValueError`` for a
    ragged or empty array, the wrong number of dimensions, NaN, or an infinite value
    (unless ``allow_inf``).

    Examples
    --------
    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    >>> as_float_array([1 + 2j], "x")
    Traceback (most recent call last):
    ...
    TypeError: x must hold real numbers, got complex values (dtype complex128); pass x.real or
    np.abs(x) if that is what you mean
    """
    if isinstance(x, str | bytes) or x is None:
        raise TypeError(f"{name} must be array-like of numbers, got {show_value(x)}")
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be array-like of numbers with a regular shape (every "
                         f"row the same length), got {show_value(x)}") from None
    if arr.dtype.kind == "c":
        raise TypeError(f"{name} must hold real numbers, got complex values (dtype "
                        f"{arr.dtype}); pass {name}.real or np.abs({name}) if that is what "
                        "you mean")
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers, got an array of dtype {arr.dtype}")
    arr = arr.astype(np.float64, copy=False)
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if arr.ndim not in allowed:
            need = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be {need}, got a {arr.ndim}-D array of "
                             f"shape {arr.shape}")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if allow_inf:
        if np.isnan(arr).any():
            raise ValueError(f"{name} must not hold NaN, got {int(np.isnan(arr).sum())} NaN "
                             "value(s)")
    elif not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} must be finite, got {bad} NaN or infinite value(s)")
    return arr


def check_int(value: object, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` as an int if it is an integer >= ``minimum`` (a NumPy one too).

    Examples
    --------
    >>> check_int(np.int64(3), "n")
    3
    >>> check_int(10.0, "n")
    Traceback (most recent call last):
    ...
    TypeError: n must be an integer, got 10.0 (float)
    """
    number = as_real_scalar(value)
    if not isinstance(number, int):
        raise TypeError(f"{name} must be an integer, got {show_value(value)}")
    if number < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {number}")
    return number


def check_real(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number (a NumPy one too).

    Examples
    --------
    >>> check_real(np.float32(0.5), "loc")
    0.5
    >>> check_real("1", "loc")
    Traceback (most recent call last):
    ...
    TypeError: loc must be a finite real number, got '1' (str)
    """
    number = as_real_scalar(value)
    if number is None:
        raise TypeError(f"{name} must be a finite real number, got {show_value(value)}")
    if not np.isfinite(number):
        raise ValueError(f"{name} must be a finite real number, got {number!r}")
    return float(number)


def check_positive(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a positive, finite real number."""
    number = as_real_scalar(value)
    if number is None:
        raise TypeError(f"{name} must be a positive finite number, got {show_value(value)}")
    if not 0 < number < float("inf"):
        raise ValueError(f"{name} must be a positive finite number, got {number!r}")
    return float(number)


def check_nonnegative(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number >= 0.

    Examples
    --------
    >>> check_nonnegative(np.float32(0.25), "sd")
    0.25
    """
    number = as_real_scalar(value)
    if number is None:
        raise TypeError(f"{name} must be a non-negative finite number, got {show_value(value)}")
    if not 0 <= number < float("inf"):
        raise ValueError(f"{name} must be a non-negative finite number, got {number!r}")
    return float(number)


def check_probability(p: object, name: str = "p") -> float:
    """Return ``p`` as a float if it is a real number in [0, 1]."""
    number = as_real_scalar(p)
    if number is None:
        raise TypeError(f"{name} must be a real number in [0, 1], got {show_value(p)}")
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{name} must be in [0, 1], got {number!r}")
    return float(number)


def check_ddof(ddof: object, n: int, name: str = "ddof") -> int:
    """Return ``ddof`` if it is an integer in [0, n)."""
    ddof = check_int(ddof, name)
    if ddof >= n:
        raise ValueError(f"{name}={ddof} needs more than {ddof} values, got {n}")
    return ddof


def check_axis(axis: object, shape: tuple[int, ...], name: str = "axis") -> int | None:
    """Return ``axis`` as an int (or None) if it names one axis of an array of ``shape``.

    Examples
    --------
    >>> check_axis(np.int64(-1), (3, 2)), check_axis(None, (3, 2))
    (-1, None)
    >>> check_axis("0", (3, 2))
    Traceback (most recent call last):
    ...
    TypeError: axis must be None or an integer, got '0' (str)
    """
    if axis is None:
        return None
    number = as_real_scalar(axis)
    if not isinstance(number, int):
        raise TypeError(f"{name} must be None or an integer, got {show_value(axis)}")
    if not -len(shape) <= number < len(shape):
        raise ValueError(f"{name} must be None or in [{-len(shape)}, {len(shape)}) for an array "
                         f"of shape {shape}, got {number}")
    return number


def check_shape(shape: object, name: str = "shape") -> tuple[int, ...]:
    """Return ``shape`` as a tuple of non-negative ints (an int means a 1-D shape)."""
    if isinstance(as_real_scalar(shape), int):
        shape = (shape,)
    if not isinstance(shape, tuple | list):
        raise TypeError(f"{name} must be an int or a tuple of ints, got {show_value(shape)}")
    return tuple(check_int(d, f"{name}[{i}]") for i, d in enumerate(shape))
