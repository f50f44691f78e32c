"""The smallest clear NumPy multilayer perceptron that Days 5, 6 and 10 need: one, or K at once.

Dense layers ``a = f(a_prev @ W + b)`` with one activation (sigmoid, tanh or ReLU), a
softmax output with cross-entropy loss, backpropagation, optional inverted dropout after
each hidden layer, and mini-batch SGD over data reshuffled every epoch with ``rng``.
In the spirit of "Deep Learning from Scratch" ``common/``: flat and readable.

Two ways to train, with the same arithmetic:

* :class:`MLP` and :func:`train_sgd`: one network, its weights ``W[l]`` of shape
  ``(fan_in, fan_out)``.
* :class:`MLPStack` and :func:`train_sgd_stacked`: K networks of the same sizes trained
  together, e.g. the seeds and arms of one comparison. Their weights are stacked along a
  leading *run* axis, ``W[l]`` of shape ``(K, fan_in, fan_out)``; ``np.matmul`` (``@``)
  treats a 3-D array as a stack of matrices and multiplies them pair by pair, and ``+``
  broadcasts over the leading axis, so the code of one network runs K networks. Every run
  keeps its own generators, so run ``k`` is bit for bit what ``train_sgd`` gives for
  ``models[k]`` with the same generators (``tests/test_nn.py`` checks it). What it saves
  is NumPy's and Python's cost per call, paid once per step for K runs; the arithmetic of
  each run stays the same (that is why the results are identical), so the gain is large
  for small networks and modest for those of Days 5 and 6 (README, "Performance").

``train_sgd`` is the one-run case of ``train_sgd_stacked``; both stop a diverging run
with the rule that :func:`helpers.regression.fit_gradient_descent` applies during a run
(see :func:`train_sgd_stacked`; its end-of-run test for full batch is least squares's).
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Callable, Sequence

import numpy as np

from helpers._divergence import MINIBATCH_GROWTH, divergence, divergence_window, lower_lr
from helpers._validate import (
    as_float_array,
    check_int,
    check_positive,
    check_probability,
    check_rng,
)
from helpers.dropout import dropout_mask
from helpers.init import he_normal

Initializer = Callable[[int, int, np.random.Generator], np.ndarray]


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, computed without overflow as ``(1 + tanh(z/2)) / 2``.

    Examples
    --------
    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def relu(z: np.ndarray) -> np.ndarray:
    """``max(z, 0)`` elementwise."""
    return np.maximum(z, 0.0)


# activation: (function, derivative as a function of (pre-activation z, output a)); ReLU's
# derivative is True/False, which multiplies like 1.0/0.0
ACTIVATIONS: dict[str, tuple[Callable, Callable]] = {
    "sigmoid": (sigmoid, lambda z, a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "relu": (relu, lambda z, a: z > 0),
}


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax over the last axis (each row), shifted by the row maximum so ``exp`` cannot
    overflow.

    Examples
    --------
    >>> softmax(np.array([[1000.0, 1000.0]]))
    array([[0.5, 0.5]])
    """
    e = z - z.max(axis=-1, keepdims=True)
    np.exp(e, out=e)  # in place: no new array (and the same numbers as e = np.exp(e))
    e /= e.sum(axis=-1, keepdims=True)
    return e


def _log_loss(probs: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Mean negative log-probability of the true classes, over the rows (the last-but-one
    axis): a float array with one entry per run (shape ``()`` for one run)."""
    num_classes = probs.shape[-1]
    # the probability of each row's true class, probs[i, y[i]], in C order: each run's mean
    # then adds its n terms in the order of a run alone
    picked = probs.reshape(-1, num_classes)[np.arange(y.size), y.ravel()].reshape(y.shape)
    return -np.mean(np.log(np.maximum(picked, 1e-300)), axis=-1)


def cross_entropy(probs: np.ndarray, y: np.ndarray) -> float | np.ndarray:
    """Mean negative log-probability of the true classes ``y`` (integers).

    ``probs`` of shape ``(n, C)`` and ``y`` of shape ``(n,)`` give a float; a stack of K
    runs, ``(K, n, C)`` and ``(K, n)``, gives an array of K losses.

    Examples
    --------
    >>> probs = np.array([[0.5, 0.5], [0.9, 0.1]])
    >>> round(cross_entropy(probs, np.array([0, 0])), 4)  # -(ln 0.5 + ln 0.9) / 2
    0.3993
    """
    probs = as_float_array(probs, "probs", ndim=(2, 3))
    y = _check_labels(y, "y", probs.shape[:-1], probs.shape[-1])
    loss = _log_loss(probs, y)
    return float(loss) if loss.ndim == 0 else loss


def _check_labels(y: object, name: str, shape: tuple[int, ...], num_classes: int) -> np.ndarray:
    """``y`` as an integer array of exactly ``shape`` holding labels 0 to num_classes - 1."""
    if y is None:
        raise TypeError(f"{name} must be an array of integer class labels, got None")
    y = np.asarray(y)
    if not np.issubdtype(y.dtype, np.integer):
        raise TypeError(f"{name} must hold integer class labels, got dtype {y.dtype}")
    if y.shape != shape:
        raise ValueError(f"{name} must hold one label per row, shape {shape}, got shape "
                         f"{y.shape} (labels are not broadcast)")
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        bad = y[(y < 0) | (y >= num_classes)].flat[0]
        raise ValueError(f"{name} must hold class labels 0 to {num_classes - 1} (the network "
                         f"has {num_classes} outputs), got {bad}")
    return np.ascontiguousarray(y)


def _check_features(X: object, name: str, num_features: int,
                    ndim: int | tuple[int, ...] = 2) -> np.ndarray:
    """``X`` as a finite, C-ordered float array whose last axis has ``num_features``."""
    X = as_float_array(X, name, ndim=ndim)
    if X.shape[-1] != num_features:
        raise ValueError(f"{name} must have {num_features} features (columns), got "
                         f"{X.shape[-1]}")
    return np.ascontiguousarray(X)  # the same memory layout, so the same BLAS call, per run


def _forward(W: list[np.ndarray], b: list[np.ndarray], X: np.ndarray, activation: str,
             masks: list[np.ndarray] | None = None) -> tuple[np.ndarray, list]:
    """Class probabilities and the cache for :func:`_backward`, for one network (2-D
    weights) or a stack of them (3-D weights): ``@`` and ``+`` broadcast over the run axis.

    ``masks[l]`` multiplies the outputs of hidden layer ``l`` (inverted dropout).
    """
    f, _ = ACTIVATIONS[activation]
    a, cache = X, []
    for layer, (W_l, b_l) in enumerate(zip(W[:-1], b[:-1], strict=True)):
        z = a @ W_l
        z += b_l[..., None, :]  # b: (n,) -> (1, n) for one network, (K, 1, n) for K
        act = f(z)
        mask = None if masks is None else masks[layer]
        cache.append((a, z, act, mask))
        a = act if mask is None else act * mask
    z = a @ W[-1]
    z += b[-1][..., None, :]
    probs = softmax(z)
    cache.append((a, None, probs, None))
    return probs, cache


def _backward(W: list[np.ndarray], cache: list, y: np.ndarray,
              activation: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Gradients of the mean cross-entropy w.r.t. W and b (one network or a stack)."""
    _, df = ACTIVATIONS[activation]
    a_prev, _, probs, _ = cache[-1]
    delta = probs - np.eye(probs.shape[-1])[y]  # probs minus the one-hot labels
    delta /= y.shape[-1]  # d loss / d logits of the mean loss
    # np.swapaxes(a, -1, -2) transposes every matrix of a stack (a.T for one matrix)
    grads_W, grads_b = [np.swapaxes(a_prev, -1, -2) @ delta], [delta.sum(axis=-2)]
    for layer in range(len(W) - 2, -1, -1):
        a_in, z, act, mask = cache[layer]
        delta = delta @ np.swapaxes(W[layer + 1], -1, -2)  # d loss / d act, then / d z:
        if mask is not None:
            delta *= mask
        delta *= df(z, act)
        grads_W.insert(0, np.swapaxes(a_in, -1, -2) @ delta)
        grads_b.insert(0, delta.sum(axis=-2))
    return grads_W, grads_b


def _check_sizes(sizes: Sequence[int]) -> tuple[int, ...]:
    if isinstance(sizes, str) or not isinstance(sizes, Sequence) or len(sizes) < 2:
        raise ValueError(f"sizes must list at least an input and an output width, "
                         f"got {sizes!r}")
    return tuple(check_int(s, f"sizes[{i}]", minimum=1) for i, s in enumerate(sizes))


def _check_dropout_p(dropout_p: object) -> float:
    p = check_probability(dropout_p, "dropout_p")
    if p == 1:
        raise ValueError("dropout_p must be below 1 (1 drops every hidden unit), got 1")
    return p


def _check_activation(activation: object) -> str:
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, "
                         f"got {activation!r}")
    return activation


class MLP:
    """A multilayer perceptron with a softmax output.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths from input to output, e.g. ``(64, 100, 10)``.
    rng : numpy.random.Generator
        Draws the initial weights (biases start at zero).
    activation : {"relu", "tanh", "sigmoid"}
        Hidden-layer activation.
    init : callable
        ``init(fan_in, fan_out, rng)`` returning a ``(fan_in, fan_out)`` weight matrix,
        e.g. :func:`helpers.init.he_normal`.
    dropout_p : float
        Drop probability of the hidden units during training (0 disables dropout).

    Attributes
    ----------
    W, b : list of numpy.ndarray
        ``W[l]`` of shape ``(sizes[l], sizes[l + 1])`` and ``b[l]`` of shape
        ``(sizes[l + 1],)``: layer ``l`` computes ``a @ W[l] + b[l]``.

    Examples
    --------
    >>> model = MLP((4, 8, 3), np.random.default_rng(0))
    >>> model.forward(np.ones((2, 4))).shape
    (2, 3)
    """

    def __init__(self, sizes: Sequence[int], rng: np.random.Generator, *,
                 activation: str = "relu", init: Initializer = he_normal,
                 dropout_p: float = 0.0) -> None:
        self.sizes = _check_sizes(sizes)
        self.activation = _check_activation(activation)
        check_rng(rng)
        self.dropout_p = _check_dropout_p(dropout_p)
        self.W = []
        for m, n in zip(self.sizes, self.sizes[1:], strict=False):
            W = np.asarray(init(m, n, rng), dtype=float)
            if W.shape != (m, n):
                raise ValueError(f"init must return a (fan_in, fan_out) = {(m, n)} matrix, "
                                 f"got shape {W.shape}")
            self.W.append(W)
        self.b = [np.zeros(n) for n in self.sizes[1:]]
        self._cache: list | None = None

    @classmethod
    def from_weights(cls, W: Sequence[np.ndarray], b: Sequence[np.ndarray], *,
                     activation: str = "relu", dropout_p: float = 0.0) -> MLP:
        """A network with the given weights (copied), e.g. one run of an :class:`MLPStack`.

        Examples
        --------
        >>> model = MLP.from_weights([np.ones((2, 3)), np.ones((3, 2))], [np.zeros(3),
        ...                          np.zeros(2)])
        >>> model.sizes, model.forward(np.ones((1, 2)))
        ((2, 3, 2), array([[0.5, 0.5]]))
        """
        if len(W) != len(b) or not W:
            raise ValueError(f"W and b must list the same number (>= 1) of layers, got "
                             f"{len(W)} and {len(b)}")
        W = [as_float_array(w, f"W[{i}]", ndim=2).copy() for i, w in enumerate(W)]
        b = [as_float_array(v, f"b[{i}]", ndim=1).copy() for i, v in enumerate(b)]
        for i in range(len(W)):
            if b[i].shape[0] != W[i].shape[1] or (i and W[i].shape[0] != W[i - 1].shape[1]):
                raise ValueError(f"layer {i} does not fit: W[{i}] has shape {W[i].shape}, "
                                 f"b[{i}] {b[i].shape}, the layer before has "
                                 f"{W[i - 1].shape[1] if i else W[0].shape[0]} outputs")
        model = cls.__new__(cls)
        model.sizes = (W[0].shape[0], *(w.shape[1] for w in W))
        model.activation = _check_activation(activation)
        model.dropout_p = _check_dropout_p(dropout_p)
        model.W, model.b, model._cache = W, b, None
        return model

    def forward(self, X: np.ndarray, *, training: bool = False,
                rng: np.random.Generator | None = None) -> np.ndarray:
        """Class probabilities for each row of ``X``; with ``training`` apply dropout,
        drawing its masks from ``rng``."""
        X = _check_features(X, "X", self.sizes[0])
        masks = None
        if training and self.dropout_p > 0:
            if rng is None:
                raise ValueError("rng is required for training with dropout "
                                 f"(dropout_p={self.dropout_p} > 0): the masks' stream")
            check_rng(rng)
            # inverted dropout: kept units scaled by 1 / (1 - p), one mask per hidden layer
            masks = [dropout_mask((len(X), h), self.dropout_p, rng) / (1.0 - self.dropout_p)
                     for h in self.sizes[1:-1]]
        probs, self._cache = _forward(self.W, self.b, X, self.activation, masks)
        return probs

    def backward(self, y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of the mean cross-entropy of the last ``forward`` w.r.t. W and b."""
        if self._cache is None:
            raise RuntimeError("call forward(X) before backward(y)")
        probs = self._cache[-1][2]
        y = _check_labels(y, "y", probs.shape[:-1], self.sizes[-1])
        return _backward(self.W, self._cache, y, self.activation)

    def loss(self, X: np.ndarray, y: np.ndarray) -> float:
        """Mean cross-entropy at evaluation (no dropout)."""
        return cross_entropy(self.forward(X), y)

    def accuracy(self, X: np.ndarray, y: np.ndarray) -> float:
        """Share of rows whose most probable class is ``y``."""
        probs = self.forward(X)
        y = _check_labels(y, "y", probs.shape[:-1], self.sizes[-1])
        return float(np.mean(probs.argmax(axis=-1) == y))


class MLPStack:
    """K multilayer perceptrons of the same sizes, their weights stacked along a run axis.

    Build each run as an :class:`MLP` (its own ``rng``, ``init`` rule and ``dropout_p``),
    then stack them; :func:`train_sgd_stacked` trains all K together.

    Parameters
    ----------
    models : sequence of MLP
        The K runs. They must share ``sizes`` and ``activation``; their weights are copied.

    Attributes
    ----------
    W, b : list of numpy.ndarray
        ``W[l]`` of shape ``(K, sizes[l], sizes[l + 1])`` and ``b[l]`` of shape
        ``(K, sizes[l + 1])``: ``W[l][k]`` is run ``k``'s weight matrix of layer ``l``.
    dropout_p : numpy.ndarray
        Each run's drop probability, shape ``(K,)``.
    sizes, activation
        As in :class:`MLP`, shared by the runs.

    Examples
    --------
    >>> from helpers.init import he_normal, lecun_normal
    >>> models = [MLP((4, 8, 3), np.random.default_rng(seed), init=rule)
    ...           for seed in (1, 2) for rule in (he_normal, lecun_normal)]
    >>> stack = MLPStack(models)
    >>> len(stack), stack.W[0].shape, stack.forward(np.ones((5, 4))).shape
    (4, (4, 4, 8), (4, 5, 3))
    >>> bool(np.array_equal(stack.unstack()[2].W[0], models[2].W[0]))
    True
    """

    def __init__(self, models: Sequence[MLP]) -> None:
        if isinstance(models, MLP) or not isinstance(models, Sequence) or not models:
            raise TypeError(f"models must be a non-empty list of MLP, got "
                            f"{type(models).__name__}")
        for k, model in enumerate(models):
            if not isinstance(model, MLP):
                raise TypeError(f"models[{k}] must be an MLP, got {type(model).__name__}")
            if (model.sizes, model.activation) != (models[0].sizes, models[0].activation):
                raise ValueError(f"models must share sizes and activation: models[0] has "
                                 f"{models[0].sizes} and {models[0].activation!r}, models[{k}] "
                                 f"{model.sizes} and {model.activation!r}")
        self.sizes, self.activation = models[0].sizes, models[0].activation
        self.dropout_p = np.array([model.dropout_p for model in models])
        self.W = [np.stack([model.W[l] for model in models]) for l in range(len(self.sizes) - 1)]
        self.b = [np.stack([model.b[l] for model in models]) for l in range(len(self.sizes) - 1)]
        self._cache: list | None = None

    def __len__(self) -> int:
        """The number of runs, K."""
        return len(self.dropout_p)

    def unstack(self) -> list[MLP]:
        """The K runs as separate :class:`MLP` (copies of their current weights)."""
        return [MLP.from_weights([W[k] for W in self.W], [b[k] for b in self.b],
                                 activation=self.activation, dropout_p=float(self.dropout_p[k]))
                for k in range(len(self))]

    def _check_X(self, X: object, name: str = "X") -> np.ndarray:
        X = _check_features(X, name, self.sizes[0], ndim=(2, 3))
        if X.ndim == 3 and X.shape[0] != len(self):
            raise ValueError(f"{name} must be (n, {self.sizes[0]}), shared by the runs, or "
                             f"(K, n, {self.sizes[0]}) with K = {len(self)} runs, got shape "
                             f"{X.shape}")
        return X

    def _check_y(self, y: object, num_rows: int, name: str = "y") -> np.ndarray:
        """Labels ``(n,)``, shared by the runs, or ``(K, n)``; returned as ``(K, n)``."""
        shape = (num_rows,) if np.ndim(y) == 1 else (len(self), num_rows)
        return np.broadcast_to(_check_labels(y, name, shape, self.sizes[-1]),
                               (len(self), num_rows))

    def forward(self, X: np.ndarray, *, training: bool = False,
                rngs: Sequence[np.random.Generator] | None = None) -> np.ndarray:
        """Class probabilities of every run, shape ``(K, n, C)``.

        ``X`` is ``(n, d)``, the same rows for every run, or ``(K, n, d)``, run ``k``'s rows
        in ``X[k]``. With ``training``, runs with ``dropout_p > 0`` draw their masks from
        their own generator in ``rngs`` (one per run).
        """
        X = self._check_X(X)
        masks = None
        if training and np.any(self.dropout_p > 0):
            rngs = _check_generators(rngs, "rngs", len(self))
            masks = _dropout_masks(self.dropout_p, rngs, X.shape[-2], self.sizes[1:-1])
        probs, self._cache = _forward(self.W, self.b, X, self.activation, masks)
        return probs

    def backward(self, y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of each run's mean cross-entropy of the last ``forward`` w.r.t. W and b
        (the same shapes as W and b); ``y`` is ``(n,)`` or ``(K, n)``."""
        if self._cache is None:
            raise RuntimeError("call forward(X) before backward(y)")
        y = self._check_y(y, self._cache[-1][2].shape[-2])
        return _backward(self.W, self._cache, y, self.activation)

    def loss(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Each run's mean cross-entropy at evaluation (no dropout), shape ``(K,)``."""
        X = self._check_X(X)
        return _evaluate(self.W, self.b, X, self._check_y(y, X.shape[-2]), self.activation)[0]

    def accuracy(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Each run's share of rows whose most probable class is ``y``, shape ``(K,)``."""
        X = self._check_X(X)
        return _evaluate(self.W, self.b, X, self._check_y(y, X.shape[-2]), self.activation)[1]


def _evaluate(W: list[np.ndarray], b: list[np.ndarray], X: np.ndarray, y: np.ndarray,
              activation: str) -> tuple[np.ndarray, np.ndarray]:
    """Each run's loss and accuracy at evaluation (no dropout), arrays of shape ``(K,)``;
    ``X`` is ``(n, d)`` or ``(K, n, d)``, ``y`` is ``(K, n)``.

    One run at a time: on all the rows, one network's arrays fit in the CPU's cache, and
    NumPy's cost per call is small next to the work.
    """
    loss, acc = np.empty(len(y)), np.empty(len(y))
    for k in range(len(y)):
        probs, _ = _forward([W_l[k] for W_l in W], [b_l[k] for b_l in b],
                            X if X.ndim == 2 else X[k], activation)
        loss[k] = _log_loss(probs, y[k])
        acc[k] = np.mean(probs.argmax(axis=-1) == y[k])
    return loss, acc


def _check_generators(rngs: object, name: str, num_runs: int) -> list[np.random.Generator]:
    if isinstance(rngs, np.random.Generator) or not isinstance(rngs, Sequence):
        raise TypeError(f"{name} must be a list of {num_runs} numpy.random.Generator, one per "
                        f"run, got {type(rngs).__name__}")
    if len(rngs) != num_runs:
        raise ValueError(f"{name} must hold one Generator per run ({num_runs}), got "
                         f"{len(rngs)}")
    return [check_rng(rng, f"{name}[{k}]") for k, rng in enumerate(rngs)]


def _dropout_masks(p: np.ndarray, rngs: Sequence[np.random.Generator | None], num_rows: int,
                   widths: Sequence[int]) -> list[np.ndarray]:
    """One inverted-dropout mask per hidden layer, shape ``(K, num_rows, width)``.

    Run ``k`` draws its masks, layer by layer, from ``rngs[k]`` exactly as
    :meth:`MLP.forward` does (``rng.random(shape) >= p``, then ``/ (1 - p)``); runs with
    ``p == 0`` draw nothing and get masks of ones.
    """
    masks = [np.empty((len(p), num_rows, h)) for h in widths]
    for k in range(len(p)):
        for mask in masks:
            if p[k] > 0:
                rngs[k].random(out=mask[k])  # the uniforms that dropout_mask draws
            else:
                mask[k] = 1.0  # 1 >= p = 0: every unit kept, nothing drawn
    p = p[:, None, None]
    for mask in masks:
        np.divide(mask >= p, 1.0 - p, out=mask)  # in place: kept units 1 / (1 - p), else 0
    return masks


def _check_lr(lr: object, num_runs: int) -> np.ndarray:
    """A positive learning rate for every run: one number, or one per run."""
    if isinstance(lr, numbers.Real):
        return np.full(num_runs, check_positive(lr, "lr"))
    if isinstance(lr, str) or not isinstance(lr, Sequence | np.ndarray) or np.ndim(lr) != 1:
        raise TypeError(f"lr must be a positive number or a list of {num_runs}, one per run, "
                        f"got {type(lr).__name__}")
    if len(lr) != num_runs:
        raise ValueError(f"lr must hold one learning rate per run ({num_runs}), got {len(lr)}")
    return np.array([check_positive(v, f"lr[{k}]") for k, v in enumerate(lr)])


def _check_streams(stack: MLPStack, rngs: object,
                   dropout_rngs: object) -> tuple[list, list | None]:
    """One shuffling stream per run, one dropout stream per run that drops, none shared."""
    rngs = _check_generators(rngs, "rngs", len(stack))
    uses_dropout = np.flatnonzero(stack.dropout_p > 0)
    if dropout_rngs is None:
        if uses_dropout.size:
            raise ValueError(f"dropout_rngs is required: run(s) {uses_dropout.tolist()} have "
                             f"dropout_p > 0, and each draws its masks from its own stream")
    else:
        dropout_rngs = _check_generators(dropout_rngs, "dropout_rngs", len(stack))
    owner: dict[int, tuple[str, int]] = {}  # id of a Generator -> the first run using it
    for name, streams in (("rngs", rngs), ("dropout_rngs", dropout_rngs or [])):
        for k, rng in enumerate(streams):
            first = owner.setdefault(id(rng), (name, k))
            if first[1] != k:
                raise ValueError(f"{name}[{k}] is the same Generator as {first[0]}[{first[1]}]: "
                                 "every run needs its own Generator, or the runs would split "
                                 "one stream between them (for arms paired on a seed, make "
                                 "each arm's streams anew from the seed)")
    return rngs, dropout_rngs


def _check_eval_data(stack: MLPStack, X: object, y: object,
                     name: str) -> tuple[np.ndarray, np.ndarray] | None:
    """The validation or test data (``X_val``, ``y_val`` ...), or None when both are None."""
    if X is None and y is None:
        return None
    if X is None or y is None:
        given, missing = (f"X_{name}", f"y_{name}") if y is None else (f"y_{name}", f"X_{name}")
        raise ValueError(f"{missing} is missing: X_{name} and y_{name} go together (got "
                         f"{given} and {missing}=None)")
    X = stack._check_X(X, f"X_{name}")
    return X, stack._check_y(y, X.shape[-2], f"y_{name}")


def train_sgd_stacked(stack: MLPStack, X: np.ndarray, y: np.ndarray, *,
                      lr: float | Sequence[float], num_epochs: int, batch_size: int,
                      rngs: Sequence[np.random.Generator],
                      dropout_rngs: Sequence[np.random.Generator] | None = None,
                      X_val: np.ndarray | None = None, y_val: np.ndarray | None = None,
                      X_test: np.ndarray | None = None, y_test: np.ndarray | None = None,
                      eval_every: int = 1, on_divergence: str = "warn") -> dict:
    """Mini-batch SGD of K stacked networks at once, each run exactly as :func:`train_sgd`.

    Run ``k`` reshuffles its training rows every epoch with ``rngs[k]`` and draws its
    dropout masks from ``dropout_rngs[k]``; its weights, batches, masks, losses and
    accuracies are bit for bit those of ``train_sgd`` on ``stack.unstack()[k]`` with the
    same generators. The weights in ``stack`` are updated in place.

    One call shares what the arrays share: the layer sizes and activation, the number of
    training rows ``n`` (so every run takes the same number of steps per epoch),
    ``batch_size``, ``num_epochs`` and ``eval_every``. Per run: the initial weights (and so
    the init rule), ``dropout_p``, ``lr``, the generators, and optionally the data itself.
    Runs with other numbers of steps or rows (a budget arm, another training-set size) go
    in separate calls. Runs train in groups of a few MiB of arrays (``GROUP_BYTES``), which
    is faster than all at once; no result depends on the grouping. In a call that mixes
    runs with and without dropout, the latter multiply by masks of ones (exact, but work).

    Parameters
    ----------
    stack : MLPStack
        The K runs.
    X, y : numpy.ndarray
        Training data: ``X`` of shape ``(n, d)`` shared by the runs, or ``(K, n, d)`` with
        run ``k``'s own rows in ``X[k]`` (its own split); ``y`` of shape ``(n,)`` or
        ``(K, n)``, integer labels 0 to C - 1.
    lr : float or sequence of float
        One learning rate for all runs, or one per run (a learning-rate grid).
    num_epochs, batch_size : int
        Each epoch takes ``ceil(n / batch_size)`` steps on batches of nearly equal size.
    rngs : sequence of numpy.random.Generator
        One shuffling stream per run.
    dropout_rngs : sequence of numpy.random.Generator, optional
        One dropout stream per run; required when a run has ``dropout_p > 0``. No Generator
        may serve two runs.
    X_val, y_val, X_test, y_test : numpy.ndarray, optional
        Validation and test data, shaped like ``X`` and ``y`` (any number of rows).
    eval_every : int
        Evaluate (no dropout) every ``eval_every`` epochs and after the last one.
    on_divergence : {"warn", "raise", "record"}
        What a diverging run does besides stopping: ``"warn"`` records it and issues one
        ``RuntimeWarning`` naming the diverged runs at the end; ``"record"`` only records
        it; ``"raise"`` raises ``FloatingPointError`` at once.

    Returns
    -------
    dict
        ``"epoch"``: the evaluated epochs, shape ``(E,)``. Per run and evaluation, shape
        ``(K, E)``: ``"loss"`` (mean training loss of the epoch's batches, with dropout),
        ``"train_loss"`` and ``"train_acc"`` (on all training rows, without dropout), and
        ``"val_loss"``, ``"val_acc"``, ``"test_loss"``, ``"test_acc"`` when that data is
        given. ``"diverged"`` (bool, ``(K,)``), ``"diverged_epoch"`` (0 for runs that did
        not diverge) and ``"divergence"`` (the reason, ``None`` for those runs). A diverged
        run has NaN in every curve from the epoch it diverged in, so that no mean over runs
        takes it in unnoticed: select the others with ``~history["diverged"]``.

    Notes
    -----
    A run diverges, and stops there, by the rule of
    :func:`helpers.regression.fit_gradient_descent` applied to its batch losses after every
    step: a loss that is not finite or above a millionfold the first step's; or a loss,
    averaged over windows of an epoch (10 steps if epochs are shorter), that rose 3 windows
    in a row to above twice its lowest window average and above ``ln C``, the loss of a
    uniform guess over C classes (below it a classifier still knows something, and near 0
    a doubling is noise). Also when its weights are not finite at the end of an epoch.
    A cross-entropy can also jump up and stay there, flat and high (saturated units): a run
    whose final training loss is above twice its first step's and above ``ln C`` is
    reported as diverged at the end. A network that blew up and died, its loss back near
    ``ln C`` and its accuracy at chance, is not called diverged: its accuracy reports it.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X, y = rng.normal(size=(60, 4)), rng.integers(0, 3, size=60)
    >>> seeds = np.random.SeedSequence(0).spawn(3)
    >>> streams = [np.random.default_rng(s).spawn(2) for s in seeds]  # (init, shuffle) per run
    >>> stack = MLPStack([MLP((4, 16, 3), init_rng) for init_rng, _ in streams])
    >>> history = train_sgd_stacked(stack, X, y, lr=[0.05, 0.1, 0.2], num_epochs=5,
    ...                             batch_size=20, rngs=[shuffle for _, shuffle in streams])
    >>> history["train_acc"].shape, history["diverged"].tolist()
    ((3, 5), [False, False, False])
    """
    K = len(stack)
    X = stack._check_X(X)
    y = stack._check_y(y, X.shape[-2])
    evaluations = {"train": (X, y)}
    for name, (X_e, y_e) in (("val", (X_val, y_val)), ("test", (X_test, y_test))):
        data = _check_eval_data(stack, X_e, y_e, name)
        if data is not None:
            evaluations[name] = data
    lr = _check_lr(lr, K)
    num_epochs = check_int(num_epochs, "num_epochs", minimum=1)
    batch_size = check_int(batch_size, "batch_size", minimum=1)
    eval_every = check_int(eval_every, "eval_every", minimum=1)
    rngs, dropout_rngs = _check_streams(stack, rngs, dropout_rngs)
    if on_divergence not in ("warn", "raise", "record"):
        raise ValueError(f"on_divergence must be 'warn', 'raise' or 'record', got "
                         f"{on_divergence!r}")

    epochs = [e for e in range(1, num_epochs + 1) if e % eval_every == 0 or e == num_epochs]
    history: dict = {"epoch": np.array(epochs)}
    keys = ["loss"] + [f"{name}_{what}" for name in evaluations for what in ("loss", "acc")]
    for key in keys:
        history[key] = np.full((K, len(epochs)), np.nan)
    history["diverged_epoch"] = np.zeros(K, dtype=int)
    history["divergence"] = [None] * K

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # divergence is
        for runs in _groups(stack, batch_size):  # reported by the rule, not NumPy's warnings
            _train(stack, runs, X, y, lr, num_epochs, batch_size, rngs, dropout_rngs,
                   evaluations, history, on_divergence)
    history["diverged"] = history["diverged_epoch"] > 0
    for k in np.flatnonzero(history["diverged"]):  # no number for a diverged network
        after = history["epoch"] >= history["diverged_epoch"][k]
        for key in keys:
            history[key][k, after] = np.nan
    if on_divergence == "warn" and history["diverged"].any():
        runs = np.flatnonzero(history["diverged"])
        reasons = "; ".join(f"run {k}: {history['divergence'][k]}" for k in runs)
        warnings.warn(f"{runs.size} of {K} runs diverged (NaN in their history from the epoch "
                      f"they diverged in; see history['diverged']): {reasons}",
                      RuntimeWarning, stacklevel=2)
    return history


#: Runs train in groups whose arrays of one step (weights, gradients, the batch's
#: activations) take about this many bytes: few enough to stay in the CPU's cache, enough
#: runs to share NumPy's cost per call. On the course's 2-core machine, 4 groups of 5 of
#: Day 6's networks train faster than 20 at once (README, "Performance"). Grouping never
#: changes a result: every run's arithmetic is its own.
GROUP_BYTES = 4 * 2**20


def _groups(stack: MLPStack, batch_size: int) -> list[np.ndarray]:
    """The runs of ``stack`` in groups of about ``GROUP_BYTES`` per step."""
    num_weights = sum(W_l[0].size + b_l[0].size for W_l, b_l in zip(stack.W, stack.b,
                                                                      strict=True))
    per_run = 8 * (2 * num_weights + 4 * batch_size * sum(stack.sizes))
    group_size = max(1, GROUP_BYTES // per_run)
    return np.array_split(np.arange(len(stack)), -(-len(stack) // group_size))


def _train(stack: MLPStack, runs: np.ndarray, X: np.ndarray, y: np.ndarray, lr: np.ndarray,
           num_epochs: int, batch_size: int, rngs: list, dropout_rngs: list | None,
           evaluations: dict, history: dict, on_divergence: str) -> None:
    """The loop of :func:`train_sgd_stacked` for the runs ``runs`` of ``stack``. The runs
    still training are ``live``; ``W``, ``b`` and the arrays of the epoch hold their rows
    only (a run that diverges is written back to ``stack`` and its rows are dropped)."""
    K, n = len(stack), X.shape[-2]
    num_batches = -(-n // batch_size)  # ceil: batches of batch_size or one fewer
    sizes = [len(batch) for batch in np.array_split(np.arange(n), num_batches)]
    bounds = np.cumsum([0, *sizes])  # batch j: positions bounds[j] to bounds[j + 1]
    window = divergence_window(num_batches, num_epochs)
    column = {int(epoch): e for e, epoch in enumerate(history["epoch"])}
    live, W, b = runs, stack.W, stack.b  # all runs: train the stack's arrays in place
    if runs.size < K:
        W, b = [W_l[runs] for W_l in W], [b_l[runs] for b_l in b]
    step_losses: list[list[float]] = [[] for _ in range(K)]
    ln_c = math.log(stack.sizes[-1])  # the loss of a uniform guess: below it, not diverging

    def stop(bad: list[int], reasons: list[str], epoch: int) -> np.ndarray:
        """Record the runs ``live[bad]`` as diverged; return the positions that go on."""
        _write_back(stack, W, b, live)
        for i, why in zip(bad, reasons, strict=True):
            if on_divergence == "raise":
                raise FloatingPointError(why if K == 1 else f"run {live[i]}: {why}")
            history["diverged_epoch"][live[i]], history["divergence"][live[i]] = epoch, why
        return np.setdiff1d(np.arange(live.size), bad)

    for epoch in range(1, num_epochs + 1):
        orders = np.stack([rngs[k].permutation(n) for k in live])  # each run's own shuffle
        batch_losses = np.empty((live.size, num_batches))
        for j in range(num_batches):
            idx = np.ascontiguousarray(orders[:, bounds[j]:bounds[j + 1]])  # a row per run
            X_batch = X[idx] if X.ndim == 2 else X[live[:, None], idx]
            y_batch = y[live[:, None], idx]
            p = stack.dropout_p[live]
            masks = None
            if p.any():
                masks = _dropout_masks(p, [dropout_rngs[k] for k in live], sizes[j],
                                       stack.sizes[1:-1])
            probs, cache = _forward(W, b, X_batch, stack.activation, masks)
            batch_losses[:, j] = _log_loss(probs, y_batch)
            grads_W, grads_b = _backward(W, cache, y_batch, stack.activation)
            lr_live = lr[live]
            for W_l, b_l, gW, gb in zip(W, b, grads_W, grads_b, strict=True):
                gW *= lr_live[:, None, None]  # in place: W -= lr * gW without a new array
                gb *= lr_live[:, None]
                W_l -= gW
                b_l -= gb
            bad, reasons = [], []
            for i, k in enumerate(live):  # the divergence rule of fit_gradient_descent
                step_losses[k].append(float(batch_losses[i, j]))
                why = divergence(step_losses[k], window=window, growth=MINIBATCH_GROWTH,
                                 epoch=epoch, lr=float(lr[k]), method="SGD", floor=ln_c)
                if why:
                    bad.append(i)
                    reasons.append(why)
            if bad:
                keep = stop(bad, reasons, epoch)
                live, orders, batch_losses = live[keep], orders[keep], batch_losses[keep]
                W, b = [W_l[keep] for W_l in W], [b_l[keep] for b_l in b]
                if live.size == 0:
                    return
        finite = np.all([np.isfinite(W_l).all(axis=(1, 2)) for W_l in W], axis=0)
        if not finite.all():
            bad = np.flatnonzero(~finite).tolist()
            keep = stop(bad, [f"SGD diverged in epoch {epoch}: its weights are no longer "
                              f"finite; {lower_lr(float(lr[live[i]]))}" for i in bad], epoch)
            live, batch_losses = live[keep], batch_losses[keep]
            W, b = [W_l[keep] for W_l in W], [b_l[keep] for b_l in b]
            if live.size == 0:
                return
        if epoch in column:
            e = column[epoch]
            history["loss"][live, e] = np.mean(batch_losses, axis=-1)
            for name, (X_e, y_e) in evaluations.items():
                loss, acc = _evaluate(W, b, X_e if X_e.ndim == 2 else X_e[live], y_e[live],
                                      stack.activation)
                history[f"{name}_loss"][live, e], history[f"{name}_acc"][live, e] = loss, acc
    _write_back(stack, W, b, live)
    _check_end(history, live, [step_losses[k][0] for k in live], lr, stack.sizes[-1],
               num_epochs, stop)


def _check_end(history: dict, live: np.ndarray, first_loss: list[float], lr: np.ndarray,
               num_classes: int, num_epochs: int, stop: Callable) -> None:
    """A run whose loss jumped up and stayed there: its final training loss is above twice
    its first step's and above ln C, the loss of a uniform guess (so a network that was
    already good and got a little worse is not called diverged)."""
    end_loss, ln_c = history["train_loss"][live, -1], math.log(num_classes)
    bad = np.flatnonzero(end_loss > np.maximum(MINIBATCH_GROWTH * np.array(first_loss), ln_c))
    stop(bad.tolist(), [
        f"SGD diverged: after {num_epochs} epochs the training loss is {end_loss[i]:.3g}, "
        f"above twice the first step's {first_loss[i]:.3g} and above ln({num_classes}) = "
        f"{ln_c:.3g}, the loss of a uniform guess; {lower_lr(float(lr[live[i]]))}"
        for i in bad], num_epochs)


def _write_back(stack: MLPStack, W: list[np.ndarray], b: list[np.ndarray],
                live: np.ndarray) -> None:
    """Copy the live runs' weights into the stack (the others keep the ones they had)."""
    for l in range(len(W)):
        if W[l] is not stack.W[l]:
            stack.W[l][live], stack.b[l][live] = W[l], b[l]


def train_sgd(model: MLP, X: np.ndarray, y: np.ndarray, *, lr: float, num_epochs: int,
              batch_size: int, rng: np.random.Generator,
              dropout_rng: np.random.Generator | None = None,
              X_test: np.ndarray | None = None, y_test: np.ndarray | None = None,
              eval_every: int = 1) -> dict[str, list[float]]:
    """Mini-batch SGD, reshuffling the training data every epoch with ``rng``.

    Each epoch splits the shuffled rows into ``ceil(n / batch_size)`` batches of nearly
    equal size (``np.array_split``), so no tiny last batch (4 rows of 1348, say) takes a
    full-size step from a noisy gradient just before the model is evaluated.

    Dropout masks (if ``model.dropout_p > 0``) come from ``dropout_rng``, their own stream.
    Every ``eval_every`` epochs the history records the epoch, the training loss (mean over
    the epoch's batches) and the training and test accuracy (at evaluation, no dropout).
    ``model``'s weights are updated in place. This is :func:`train_sgd_stacked` with one
    run, which trains many runs at once with the same results.

    Returns
    -------
    dict
        ``{"epoch", "loss", "train_acc", "test_acc"}``, lists of equal length
        (``test_acc`` is empty without test data).

    Raises
    ------
    FloatingPointError
        When training diverges, naming ``lr`` (the rule is in :func:`train_sgd_stacked`).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X, y = rng.normal(size=(60, 4)), rng.integers(0, 3, size=60)
    >>> model = MLP((4, 16, 3), np.random.default_rng(1))
    >>> history = train_sgd(model, X, y, lr=0.1, num_epochs=3, batch_size=20, rng=rng)
    >>> history["epoch"], history["loss"][-1] < history["loss"][0]
    ([1, 2, 3], True)
    """
    if not isinstance(model, MLP):
        raise TypeError(f"model must be an MLP, got {type(model).__name__}")
    check_positive(lr, "lr")  # one number (train_sgd_stacked also takes one per run)
    check_rng(rng, "rng")
    if dropout_rng is not None:
        check_rng(dropout_rng, "dropout_rng")
    elif model.dropout_p > 0:
        raise ValueError(f"dropout_rng is required: the model has dropout_p="
                         f"{model.dropout_p} > 0 and draws its masks from its own stream "
                         f"(rng only shuffles the data)")
    stack = MLPStack([model])
    try:
        history = train_sgd_stacked(
            stack, X, y, lr=lr, num_epochs=num_epochs, batch_size=batch_size, rngs=[rng],
            dropout_rngs=None if dropout_rng is None else [dropout_rng], X_test=X_test,
            y_test=y_test, eval_every=eval_every, on_divergence="raise")
    finally:  # in place, as the weights of one model are (also when training diverged)
        for W, b, W_new, b_new in zip(model.W, model.b, stack.W, stack.b, strict=True):
            W[...], b[...] = W_new[0], b_new[0]
    return {"epoch": history["epoch"].tolist(), "loss": history["loss"][0].tolist(),
            "train_acc": history["train_acc"][0].tolist(),
            "test_acc": history["test_acc"][0].tolist() if "test_acc" in history else []}
