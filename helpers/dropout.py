"""Inverted dropout with an explicit ``rng`` (Day 6).

Convention, everywhere in this course and as in PyTorch: ``p`` is the probability of
**dropping** a unit. A unit is kept with probability ``1 - p`` and, during training, scaled
by ``1 / (1 - p)`` so that the expected activation is unchanged; at evaluation dropout is
the identity. (Material that writes ``np.random.binomial(1, p, size) / p`` uses ``p`` as the
*keep* probability.)
"""

from __future__ import annotations

import numpy as np

from helpers._validate import (
    as_float_array,
    check_probability,
    check_rng,
    check_shape,
    show_value,
)


def dropout_mask(shape: int | tuple[int, ...], p: float,
                 rng: np.random.Generator) -> np.ndarray:
    """Boolean keep-mask: each entry is ``True`` (kept) with probability ``1 - p``.

    Examples
    --------
    >>> mask = dropout_mask((1000, 100), 0.3, np.random.default_rng(0))
    >>> mask.dtype, round(float(mask.mean()), 2)
    (dtype('bool'), 0.7)
    """
    shape = check_shape(shape)
    p = check_probability(p)
    check_rng(rng)
    return rng.random(shape) >= p  # P(random >= p) = 1 - p; p = 1 keeps nothing


def dropout(x: np.ndarray, p: float, rng: np.random.Generator,
            training: bool = True) -> np.ndarray:
    """Inverted dropout: drop each entry with probability ``p``, scale the rest by 1/(1-p).

    Parameters
    ----------
    x : numpy.ndarray
        Activations (any shape).
    p : float
        Drop probability in [0, 1]. ``p == 1`` returns zeros, as PyTorch does.
    rng : numpy.random.Generator
        Source of the mask; give dropout its own spawned stream (Day 1).
    training : bool
        At evaluation (``False``) dropout is the identity and draws nothing. Only ``True``
        or ``False`` (or a NumPy bool): a string such as ``"eval"`` would count as true.

    Examples
    --------
    >>> x = np.ones((2, 4))
    >>> dropout(x, 0.5, np.random.default_rng(1))
    array([[2., 2., 0., 2.],
           [0., 0., 2., 0.]])
    >>> dropout(x, 0.5, np.random.default_rng(1), training=False) is x
    True
    """
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x must be a numpy.ndarray, got {type(x).__name__}")
    as_float_array(x, "x", allow_empty=True)
    p = check_probability(p)
    check_rng(rng)
    if not isinstance(training, bool | np.bool_):
        raise TypeError(f"training must be True or False, got {show_value(training)}")
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return np.zeros_like(x, dtype=np.float64)
    return x * dropout_mask(x.shape, p, rng) / (1.0 - p)
