"""The smallest clear NumPy multilayer perceptron that Days 5 and 6 need.

Dense layers ``a = f(a_prev @ W + b)`` with one activation (sigmoid, tanh or ReLU), a
softmax output with cross-entropy loss, backpropagation, optional inverted dropout after
each hidden layer, and mini-batch SGD over data reshuffled every epoch with ``rng``.
In the spirit of "Deep Learning from Scratch" ``common/``: flat and readable, not fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

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


# activation: (function, derivative as a function of (pre-activation z, output a))
ACTIVATIONS: dict[str, tuple[Callable, Callable]] = {
    "sigmoid": (sigmoid, lambda z, a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "relu": (relu, lambda z, a: (z > 0).astype(z.dtype)),
}


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by the row maximum so ``exp`` cannot overflow.

    Examples
    --------
    >>> softmax(np.array([[1000.0, 1000.0]]))
    array([[0.5, 0.5]])
    """
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(probs: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-probability of the true classes ``y`` (integers)."""
    picked = probs[np.arange(len(y)), y]
    return float(-np.mean(np.log(np.maximum(picked, 1e-300))))


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

    Examples
    --------
    >>> model = MLP((4, 8, 3), np.random.default_rng(0))
    >>> model.forward(np.ones((2, 4))).shape
    (2, 3)
    """

    def __init__(self, sizes: Sequence[int], rng: np.random.Generator, *,
                 activation: str = "relu", init: Initializer = he_normal,
                 dropout_p: float = 0.0) -> None:
        if len(sizes) < 2:
            raise ValueError(f"sizes must list at least an input and an output width, "
                             f"got {list(sizes)}")
        for i, s in enumerate(sizes):
            check_int(s, f"sizes[{i}]", minimum=1)
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, "
                             f"got {activation!r}")
        check_rng(rng)
        self.sizes = tuple(int(s) for s in sizes)
        self.activation = activation
        self.dropout_p = check_probability(dropout_p, "dropout_p")
        self.W = [init(m, n, rng) for m, n in zip(self.sizes, self.sizes[1:], strict=False)]
        self.b = [np.zeros(n) for n in self.sizes[1:]]
        self._cache: list | None = None

    def forward(self, X: np.ndarray, *, training: bool = False,
                rng: np.random.Generator | None = None) -> np.ndarray:
        """Class probabilities for each row of ``X``; with ``training`` apply dropout."""
        X = as_float_array(X, "X", ndim=2)
        if X.shape[1] != self.sizes[0]:
            raise ValueError(f"X must have {self.sizes[0]} features, got {X.shape[1]}")
        use_dropout = training and self.dropout_p > 0
        if use_dropout and rng is None:
            raise ValueError("rng is required for training with dropout (dropout_p > 0)")
        f, _ = ACTIVATIONS[self.activation]
        a, cache = X, []
        for W, b in zip(self.W[:-1], self.b[:-1], strict=True):
            z = a @ W + b
            act = f(z)
            mask = None  # inverted dropout: kept units scaled by 1 / (1 - p)
            if use_dropout:
                mask = dropout_mask(act.shape, self.dropout_p, rng) / (1.0 - self.dropout_p)
            cache.append((a, z, act, mask))
            a = act if mask is None else act * mask
        probs = softmax(a @ self.W[-1] + self.b[-1])
        cache.append((a, None, probs, None))
        self._cache = cache
        return probs

    def backward(self, y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of the mean cross-entropy of the last ``forward`` w.r.t. W and b."""
        if self._cache is None:
            raise RuntimeError("call forward(X) before backward(y)")
        _, df = ACTIVATIONS[self.activation]
        a_prev, _, probs, _ = self._cache[-1]
        delta = probs.copy()
        delta[np.arange(len(y)), y] -= 1.0
        delta /= len(y)  # d loss / d logits
        grads_W, grads_b = [a_prev.T @ delta], [delta.sum(axis=0)]
        for layer in range(len(self.W) - 2, -1, -1):
            a_in, z, act, mask = self._cache[layer]
            d_act = delta @ self.W[layer + 1].T
            if mask is not None:
                d_act = d_act * mask
            delta = d_act * df(z, act)
            grads_W.insert(0, a_in.T @ delta)
            grads_b.insert(0, delta.sum(axis=0))
        return grads_W, grads_b

    def loss(self, X: np.ndarray, y: np.ndarray) -> float:
        """Mean cross-entropy at evaluation (no dropout)."""
        return cross_entropy(self.forward(X), y)

    def accuracy(self, X: np.ndarray, y: np.ndarray) -> float:
        """Share of rows whose most probable class is ``y``."""
        return float(np.mean(self.forward(X).argmax(axis=1) == y))


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

    Returns
    -------
    dict
        ``{"epoch", "loss", "train_acc", "test_acc"}``, lists of equal length
        (``test_acc`` is empty without test data).
    """
    X = as_float_array(X, "X", ndim=2)
    y = np.asarray(y)
    if y.shape != (X.shape[0],) or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y must be {X.shape[0]} integer class labels, got shape {y.shape} "
                         f"and dtype {y.dtype}")
    check_positive(lr, "lr")
    check_int(num_epochs, "num_epochs", minimum=1)
    check_int(batch_size, "batch_size", minimum=1)
    check_int(eval_every, "eval_every", minimum=1)
    check_rng(rng)
    history: dict[str, list[float]] = {"epoch": [], "loss": [], "train_acc": [],
                                       "test_acc": []}
    num_batches = -(-len(X) // batch_size)  # ceil: batches of batch_size or one fewer
    for epoch in range(1, num_epochs + 1):
        losses = []
        for batch in np.array_split(rng.permutation(len(X)), num_batches):
            probs = model.forward(X[batch], training=True, rng=dropout_rng)
            losses.append(cross_entropy(probs, y[batch]))
            grads_W, grads_b = model.backward(y[batch])
            for W, b, gW, gb in zip(model.W, model.b, grads_W, grads_b, strict=True):
                W -= lr * gW
                b -= lr * gb
        if not (np.isfinite(losses[-1]) and all(np.isfinite(W).all() for W in model.W)):
            raise FloatingPointError(f"training diverged at epoch {epoch} (loss "
                                     f"{losses[-1]}, non-finite weights or loss); "
                                     f"lower lr (got {lr})")
        if epoch % eval_every == 0 or epoch == num_epochs:
            history["epoch"].append(epoch)
            history["loss"].append(float(np.mean(losses)))
            history["train_acc"].append(model.accuracy(X, y))
            if X_test is not None:
                history["test_acc"].append(model.accuracy(X_test, y_test))
    return history
