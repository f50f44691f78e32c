"""Weight initializers (Day 5), named after the people who derived them.

Every initializer takes ``fan_in, fan_out, rng`` and returns an array of shape
``(fan_in, fan_out)``, so a dense layer computes ``X @ W + b``. (PyTorch stores the
transpose, ``(out_features, in_features)``; Day 9 compares the two.)

The scale of each rule keeps the variance of activations (forward) or gradients (backward)
roughly constant from layer to layer:

=================  ===========================  ==================================
rule               variance of the weights      suits
=================  ===========================  ==================================
LeCun              1 / fan_in                   linear, tanh-like; SELU
Glorot / Xavier    2 / (fan_in + fan_out)       tanh, sigmoid (times ``gain**2``)
He / Kaiming       2 / fan_in                   ReLU
orthogonal         1 / max(fan_in, fan_out)     deep networks (times ``gain**2``)
=================  ===========================  ==================================

A uniform distribution on ``[-a, a]`` has variance ``a**2 / 3``, hence the uniform bounds
``sqrt(6 / (fan_in + fan_out))`` (Glorot) and ``sqrt(6 / fan_in)`` (He).
Much material calls ``std = sqrt(1 / fan_in)`` "Xavier": that is LeCun's rule.

An orthogonal matrix (Saxe, McClelland and Ganguli, 2014) keeps the length of every vector,
not only of a typical one: all its singular values are 1 (times the gain).
"""

from __future__ import annotations

import math

import numpy as np

from helpers._validate import check_int, check_positive, check_rng

_GAINS = {"linear": 1.0, "sigmoid": 1.0, "tanh": 5.0 / 3.0, "relu": math.sqrt(2.0)}


def calculate_gain(nonlinearity: str) -> float:
    """The recommended gain for an activation: PyTorch's ``torch.nn.init.calculate_gain``.

    The gain multiplies an initializer's standard deviation (``xavier_normal(...,
    gain=calculate_gain("tanh"))``); it has PyTorch's name so that code moves between the
    two without a dictionary.

    Examples
    --------
    >>> calculate_gain("tanh"), round(calculate_gain("relu"), 4)
    (1.6666666666666667, 1.4142)
    """
    if not isinstance(nonlinearity, str) or nonlinearity not in _GAINS:
        raise ValueError(f"nonlinearity must be one of {sorted(_GAINS)}, got {nonlinearity!r}")
    return _GAINS[nonlinearity]


def _check(fan_in: int, fan_out: int, rng: object, g: float = 1.0) -> None:
    check_int(fan_in, "fan_in", minimum=1)
    check_int(fan_out, "fan_out", minimum=1)
    check_rng(rng)
    check_positive(g, "gain")


def lecun_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Normal weights with standard deviation ``sqrt(1 / fan_in)`` (LeCun et al., 1998).

    Examples
    --------
    >>> W = lecun_normal(400, 300, np.random.default_rng(0))
    >>> W.shape, round(float(W.std()), 3)
    ((400, 300), 0.05)
    """
    _check(fan_in, fan_out, rng)
    return rng.normal(0.0, math.sqrt(1.0 / fan_in), size=(fan_in, fan_out))


def xavier_normal(fan_in: int, fan_out: int, rng: np.random.Generator,
                  gain: float = 1.0) -> np.ndarray:
    """Normal weights, std ``gain * sqrt(2 / (fan_in + fan_out))`` (Glorot and Bengio, 2010).

    Examples
    --------
    >>> W = xavier_normal(300, 500, np.random.default_rng(0))
    >>> round(float(W.std()), 3)
    0.05
    """
    _check(fan_in, fan_out, rng, gain)
    return rng.normal(0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator,
                   gain: float = 1.0) -> np.ndarray:
    """Uniform weights on ``[-a, a]``, ``a = gain * sqrt(6 / (fan_in + fan_out))``.

    Examples
    --------
    >>> W = xavier_uniform(100, 200, np.random.default_rng(0))
    >>> bool(np.abs(W).max() <= np.sqrt(6 / 300))
    True
    """
    _check(fan_in, fan_out, rng, gain)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=(fan_in, fan_out))


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Normal weights with standard deviation ``sqrt(2 / fan_in)`` (He et al., 2015).

    Examples
    --------
    >>> W = he_normal(200, 300, np.random.default_rng(0))
    >>> round(float(W.std()), 2)
    0.1
    """
    _check(fan_in, fan_out, rng)
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


def he_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Uniform weights on ``[-a, a]`` with ``a = sqrt(6 / fan_in)`` (He et al., 2015).

    Examples
    --------
    >>> W = he_uniform(150, 10, np.random.default_rng(0))
    >>> bool(np.abs(W).max() <= 0.2)
    True
    """
    _check(fan_in, fan_out, rng)
    bound = math.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, size=(fan_in, fan_out))


def pytorch_linear_default(fan_in: int, fan_out: int,
                           rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """PyTorch's default ``nn.Linear`` initialization, reproduced: ``(W, b)``.

    PyTorch calls ``kaiming_uniform_(weight, a=sqrt(5))``: the gain for a leaky ReLU with
    slope ``a`` is ``sqrt(2 / (1 + a**2)) = sqrt(1/3)``, so the bound is
    ``gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in)``. The bias is drawn from the same
    ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))``. Returns ``W`` of shape ``(fan_in, fan_out)`` and
    ``b`` of shape ``(fan_out,)``.

    Examples
    --------
    >>> W, b = pytorch_linear_default(25, 3, np.random.default_rng(0))
    >>> W.shape, b.shape, bool(np.abs(W).max() <= 0.2)
    ((25, 3), (3,), True)
    """
    _check(fan_in, fan_out, rng)
    bound = 1.0 / math.sqrt(fan_in)
    W = rng.uniform(-bound, bound, size=(fan_in, fan_out))
    b = rng.uniform(-bound, bound, size=fan_out)
    return W, b


def orthogonal(fan_in: int, fan_out: int, rng: np.random.Generator,
               gain: float = 1.0) -> np.ndarray:
    """A random (semi-)orthogonal matrix times ``gain`` (Saxe, McClelland and Ganguli, 2014).

    The QR factorization of a standard normal matrix, ``A = QR``, with each column of ``Q``
    multiplied by the sign of the matching diagonal entry of ``R``: without that sign fix
    ``Q`` is not uniformly distributed (NumPy's QR returns ``Q[0, 0] <= 0`` every time);
    with it, ``Q`` is uniform over the orthogonal matrices (Mezzadri, 2007), as in
    ``torch.nn.init.orthogonal_``. A tall matrix (``fan_in >= fan_out``) has orthonormal
    columns, ``W.T @ W = gain**2 * I``; a wide one orthonormal rows, ``W @ W.T = gain**2 * I``.
    Every entry then has variance ``gain**2 / max(fan_in, fan_out)``: LeCun's scale for a
    square or narrowing layer, He's with ``gain=sqrt(2)``.

    Examples
    --------
    >>> W = orthogonal(400, 300, np.random.default_rng(0))
    >>> W.shape, bool(np.allclose(W.T @ W, np.eye(300)))
    ((400, 300), True)
    >>> s = np.linalg.svd(orthogonal(50, 80, np.random.default_rng(1), gain=2.0),
    ...                   compute_uv=False)
    >>> bool(np.allclose(s, 2.0))
    True
    """
    _check(fan_in, fan_out, rng, gain)
    tall = (max(fan_in, fan_out), min(fan_in, fan_out))
    q, r = np.linalg.qr(rng.standard_normal(tall))  # q: orthonormal columns, r: triangular
    q *= np.where(np.diag(r) < 0, -1.0, 1.0)  # the sign fix, column by column
    W = q if fan_in >= fan_out else q.T
    return gain * W
