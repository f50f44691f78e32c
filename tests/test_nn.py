"""helpers.nn: finite-difference gradient checks, references for softmax and loss, training."""

import numpy as np
import pytest
from scipy.special import softmax as scipy_softmax
from sklearn.metrics import log_loss

from helpers import nn
from helpers.init import xavier_normal

RNG = np.random.default_rng(0)
X = RNG.normal(size=(7, 5))
Y = np.array([0, 2, 1, 2, 0, 1, 1])


def numerical_grad(model, param, loss_fn, eps=1e-6):
    grad = np.zeros_like(param)
    for idx in np.ndindex(param.shape):
        old = param[idx]
        param[idx] = old + eps
        up = loss_fn()
        param[idx] = old - eps
        down = loss_fn()
        param[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("dropout_p", [0.0, 0.3])
def test_backprop_matches_finite_differences(activation, dropout_p):
    model = nn.MLP((5, 6, 4, 3), np.random.default_rng(1), activation=activation,
                   init=xavier_normal, dropout_p=dropout_p)
    for b in model.b:
        b += np.random.default_rng(2).normal(0, 0.1, size=b.shape)

    def loss():  # the same dropout masks on every evaluation: a fixed-seed stream
        return nn.cross_entropy(model.forward(X, training=True,
                                              rng=np.random.default_rng(9)), Y)

    loss()
    grads_W, grads_b = model.backward(Y)
    for W, gW in zip(model.W, grads_W, strict=True):
        assert np.allclose(gW, numerical_grad(model, W, loss), atol=1e-7, rtol=1e-5)
    for b, gb in zip(model.b, grads_b, strict=True):
        assert np.allclose(gb, numerical_grad(model, b, loss), atol=1e-7, rtol=1e-5)


def test_softmax_and_cross_entropy_match_scipy_and_sklearn():
    z = RNG.normal(size=(7, 3)) * 10
    assert np.allclose(nn.softmax(z), scipy_softmax(z, axis=1))
    probs = nn.softmax(z)
    assert nn.cross_entropy(probs, Y) == pytest.approx(log_loss(Y, probs, labels=[0, 1, 2]))
    assert np.all(np.isfinite(nn.softmax(np.array([[1e4, -1e4, 0.0]]))))


def test_sigmoid_is_stable_and_correct():
    z = np.linspace(-30, 30, 61)
    assert np.allclose(nn.sigmoid(z), 1 / (1 + np.exp(-z)))
    with np.errstate(over="raise"):
        nn.sigmoid(np.array([-1e4, 1e4]))


def test_training_learns_a_separable_problem():
    rng = np.random.default_rng(3)
    Xs = rng.normal(size=(200, 2))
    ys = (Xs[:, 0] + Xs[:, 1] > 0).astype(int)
    model = nn.MLP((2, 16, 2), np.random.default_rng(4), activation="tanh",
                   init=xavier_normal)
    hist = nn.train_sgd(model, Xs, ys, lr=0.5, num_epochs=30, batch_size=20, rng=rng)
    assert hist["loss"][-1] < hist["loss"][0] and hist["train_acc"][-1] > 0.95


def test_training_is_reproducible_and_dropout_uses_its_own_stream():
    def run(seed):
        rng = np.random.default_rng(seed)
        model = nn.MLP((5, 8, 3), np.random.default_rng(seed), dropout_p=0.5)
        return nn.train_sgd(model, X, Y, lr=0.1, num_epochs=3, batch_size=3, rng=rng,
                            dropout_rng=np.random.default_rng(seed + 1))["loss"]
    assert run(0) == run(0) and run(0) != run(1)


@pytest.mark.parametrize(("call", "error", "needle"), [
    (lambda: nn.MLP((5,), RNG), ValueError, "at least an input and an output"),
    (lambda: nn.MLP((5, 0), RNG), ValueError, r"sizes\[1\] must be >= 1"),
    (lambda: nn.MLP((5, 3), RNG, activation="gelu"), ValueError, "activation must be"),
    (lambda: nn.MLP((5, 3), 1), TypeError, "rng must be"),
    (lambda: nn.MLP((5, 3), RNG, dropout_p=2), ValueError, "dropout_p must be in"),
    (lambda: nn.MLP((4, 3), RNG).forward(X), ValueError, "X must have 4 features"),
    (lambda: nn.MLP((5, 4, 3), RNG, dropout_p=0.5).forward(X, training=True), ValueError,
     "rng is required"),
    (lambda: nn.MLP((5, 3), RNG).backward(Y), RuntimeError, "call forward"),
    (lambda: nn.train_sgd(nn.MLP((5, 3), RNG), X, Y.astype(float), lr=0.1, num_epochs=1,
                          batch_size=2, rng=RNG), ValueError, "integer class labels"),
    (lambda: nn.train_sgd(nn.MLP((5, 3), RNG), X, Y, lr=-1.0, num_epochs=1, batch_size=2,
                          rng=RNG), ValueError, "lr must be a positive"),
    (lambda: nn.train_sgd(nn.MLP((5, 3), RNG), X, Y, lr="0.1", num_epochs=1, batch_size=2,
                          rng=RNG), TypeError, "lr must be a positive"),
    (lambda: nn.train_sgd(nn.MLP((5, 3), RNG), X, Y, lr=0.1, num_epochs=0, batch_size=2,
                          rng=RNG), ValueError, "num_epochs must be >= 1"),
])
def test_bad_input(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


def test_divergence_is_reported_not_silent():
    model = nn.MLP((5, 50, 3), np.random.default_rng(0), activation="relu",
                   init=lambda m, n, r: r.normal(0, 30, (m, n)))
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match="diverged"):
        nn.train_sgd(model, X * 1e3, Y, lr=1e200, num_epochs=5, batch_size=7,
                     rng=np.random.default_rng(0))


def test_epochs_use_nearly_equal_batches_that_cover_every_row_once():
    seen = []

    class Recorder(nn.MLP):
        def forward(self, X, *, training=False, rng=None):
            if training:
                seen.append(len(X))
            return super().forward(X, training=training, rng=rng)

    rng = np.random.default_rng(0)
    X = rng.standard_normal((1348, 4))
    y = rng.integers(0, 3, size=1348)
    nn.train_sgd(Recorder((4, 3), rng), X, y, lr=0.1, num_epochs=1, batch_size=32, rng=rng)
    assert sum(seen) == 1348 and len(seen) == 43  # ceil(1348 / 32)
    assert set(seen) == {31, 32}  # no last batch of 4
