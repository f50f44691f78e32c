"""Input checks shared by the helpers: fail early, name the argument, say what it needs."""

from __future__ import annotations

import numbers

import numpy as np


def check_rng(rng: object, name: str = "rng") -> np.random.Generator:
    """Return ``rng`` if it is a ``numpy.random.Generator``, else raise ``TypeError``."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator (make one with "
            f"np.random.default_rng(seed)), got {type(rng).__name__}"
        )
    return rng


def as_float_array(x: object, name: str, *, ndim: int | tuple[int, ...] | None = None,
                   allow_empty: bool = False) -> np.ndarray:
    """Convert ``x`` to a finite float array, checking its dimensionality.

    Raises ``TypeError`` for non-numeric input and ``ValueError`` for an empty array,
    the wrong number of dimensions, or NaN/inf entries.
    """
    if isinstance(x, str | bytes) or x is None:
        raise TypeError(f"{name} must be array-like of numbers, got {type(x).__name__}")
    arr = np.asarray(x)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number)
                                   or arr.dtype == np.bool_):
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
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} must be finite, got {bad} NaN or infinite value(s)")
    return arr


def check_int(value: object, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` as an int if it is an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def check_positive(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a positive, finite real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive finite number, got "
                        f"{type(value).__name__}")
    if not 0 < float(value) < float("inf"):
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return float(value)


def check_probability(p: object, name: str = "p") -> float:
    """Return ``p`` as a float if it is a real number in [0, 1]."""
    if isinstance(p, bool) or not isinstance(p, numbers.Real):
        raise TypeError(f"{name} must be a real number in [0, 1], got {type(p).__name__}")
    if not 0.0 <= float(p) <= 1.0:
        raise ValueError(f"{name} must be in [0, 1], got {p}")
    return float(p)


def check_ddof(ddof: object, n: int, name: str = "ddof") -> int:
    """Return ``ddof`` if it is an integer in [0, n)."""
    ddof = check_int(ddof, name)
    if ddof >= n:
        raise ValueError(f"{name}={ddof} needs more than {ddof} values, got {n}")
    return ddof


def check_shape(shape: object, name: str = "shape") -> tuple[int, ...]:
    """Return ``shape`` as a tuple of non-negative ints (an int means a 1-D shape)."""
    if isinstance(shape, numbers.Integral) and not isinstance(shape, bool):
        shape = (shape,)
    if not isinstance(shape, tuple | list):
        raise TypeError(f"{name} must be an int or a tuple of ints, got {type(shape).__name__}")
    for i, d in enumerate(shape):
        check_int(d, f"{name}[{i}]")
    return tuple(int(d) for d in shape)
