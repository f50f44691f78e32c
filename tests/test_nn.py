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
                          batch_size=2, rng=RNG), TypeError, "integer class labels"),
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


def test_epochs_use_nearly_equal_batches_that_cover_every_row_once(monkeypatch):
    seen = []
    forward = nn._forward

    def recording_forward(W, b, X, activation, masks=None):
        seen.append(X.shape[-2])
        return forward(W, b, X, activation, masks)

    monkeypatch.setattr(nn, "_forward", recording_forward)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((1348, 4))
    y = rng.integers(0, 3, size=1348)
    nn.train_sgd(nn.MLP((4, 3), rng), X, y, lr=0.1, num_epochs=1, batch_size=32, rng=rng)
    steps = seen[:-1]  # the last call evaluates all 1348 rows
    assert sum(steps) == 1348 and len(steps) == 43  # ceil(1348 / 32)
    assert set(steps) == {31, 32}  # no last batch of 4


# ---------------------------------------------------------------------------------------
# One run alone: train_sgd is the readable loop below, bit for bit (the stored outputs of
# Days 5, 6 and 10 were made with it).

def reference_train_sgd(model, X, y, *, lr, num_epochs, batch_size, rng, dropout_rng=None):
    """The one-model loop of MLP.forward / MLP.backward, as train_sgd was written."""
    losses = []
    num_batches = -(-len(X) // batch_size)
    for _ in range(num_epochs):
        epoch_losses = []
        for batch in np.array_split(rng.permutation(len(X)), num_batches):
            probs = model.forward(X[batch], training=True, rng=dropout_rng)
            epoch_losses.append(nn.cross_entropy(probs, y[batch]))
            grads_W, grads_b = model.backward(y[batch])
            for W, b, gW, gb in zip(model.W, model.b, grads_W, grads_b, strict=True):
                W -= lr * gW
                b -= lr * gb
        losses.append(float(np.mean(epoch_losses)))
    return losses


def digits(num_rows=300, standardize=False):
    from helpers.data import load_digits
    X, y = load_digits()
    X = (X - X.mean(axis=0)) / np.maximum(X.std(axis=0), 1e-12) if standardize else X / 16.0
    return X[:num_rows], y[:num_rows]


@pytest.mark.parametrize(("sizes", "activation", "dropout_p"), [
    ((64, 32, 10), "tanh", 0.0), ((64, 32, 10), "relu", 0.3),
    ((64, 40, 40, 40, 10), "relu", 0.0), ((64, 40, 40, 40, 10), "sigmoid", 0.5)])
def test_train_sgd_is_the_one_model_loop_bit_for_bit(sizes, activation, dropout_p):
    X, y = digits()
    runs = []
    for train in (nn.train_sgd, reference_train_sgd):
        model = nn.MLP(sizes, np.random.default_rng(1), activation=activation,
                       dropout_p=dropout_p)
        history = train(model, X, y, lr=0.1, num_epochs=3, batch_size=32,
                        rng=np.random.default_rng(2), dropout_rng=np.random.default_rng(3))
        runs.append((history if isinstance(history, list) else history["loss"], model))
    (losses, model), (ref_losses, ref_model) = runs
    assert losses == ref_losses
    assert all(np.array_equal(a, b) for a, b in zip(model.W + model.b,
                                                    ref_model.W + ref_model.b, strict=True))


# ---------------------------------------------------------------------------------------
# K runs at once: train_sgd_stacked gives each run exactly what train_sgd gives it alone.

def one_at_a_time(models, X, y, X_test, y_test, lrs, seeds, num_epochs=3):
    histories, trained = [], []
    for k, model in enumerate(models):
        model = nn.MLP.from_weights(model.W, model.b, activation=model.activation,
                                    dropout_p=model.dropout_p)
        histories.append(nn.train_sgd(
            model, X[k], y[k], lr=lrs[k], num_epochs=num_epochs, batch_size=32,
            rng=np.random.default_rng(seeds[k]), dropout_rng=np.random.default_rng(seeds[k] + 1),
            X_test=X_test[k], y_test=y_test[k]))
        trained.append(model)
    return histories, trained


@pytest.mark.parametrize("sizes", [(64, 32, 10), (64, 40, 40, 40, 10)])
@pytest.mark.parametrize("dropout", ["none", "all", "mixed"])
@pytest.mark.parametrize("per_run_data", [False, True])
def test_stacked_runs_equal_one_at_a_time_runs_exactly(sizes, dropout, per_run_data):
    X_all, y_all = digits(500)
    K = 4
    p = {"none": [0.0] * K, "all": [0.5] * K, "mixed": [0.0, 0.5, 0.2, 0.0]}[dropout]
    lrs = [0.05, 0.1, 0.2, 0.1]
    seeds = [10, 20, 30, 40]
    inits = [nn.he_normal, xavier_normal] * 2
    models = [nn.MLP(sizes, np.random.default_rng(k), init=inits[k], dropout_p=p[k])
              for k in range(K)]
    orders = [np.random.default_rng(100 + k).permutation(500) if per_run_data
              else np.arange(500) for k in range(K)]
    X = np.stack([X_all[o[:400]] for o in orders])
    y = np.stack([y_all[o[:400]] for o in orders])
    X_test, y_test = np.stack([X_all[o[400:]] for o in orders]), np.stack([y_all[o[400:]]
                                                                          for o in orders])
    histories, trained = one_at_a_time(models, X, y, X_test, y_test, lrs, seeds)

    stack = nn.MLPStack(models)
    data = (X, y, X_test, y_test) if per_run_data else (X[0], y[0], X_test[0], y_test[0])
    stacked = nn.train_sgd_stacked(
        stack, data[0], data[1], lr=lrs, num_epochs=3, batch_size=32,
        rngs=[np.random.default_rng(s) for s in seeds],
        dropout_rngs=[np.random.default_rng(s + 1) for s in seeds],
        X_test=data[2], y_test=data[3])
    for k in range(K):
        assert np.array_equal(stacked["loss"][k], histories[k]["loss"])
        assert np.array_equal(stacked["train_acc"][k], histories[k]["train_acc"])
        assert np.array_equal(stacked["test_acc"][k], histories[k]["test_acc"])
        for a, b in zip(stack.W + stack.b, trained[k].W + trained[k].b, strict=True):
            assert np.array_equal(a[k], b)
    assert not stacked["diverged"].any()


def test_stacked_history_has_every_curve_per_run_and_evaluation():
    X, y = digits(200)
    stack = nn.MLPStack([nn.MLP((64, 16, 10), np.random.default_rng(k)) for k in range(3)])
    history = nn.train_sgd_stacked(stack, X[:150], y[:150], lr=0.1, num_epochs=5,
                                   batch_size=50, rngs=[np.random.default_rng(k) for k in
                                                        range(3)],
                                   X_val=X[150:175], y_val=y[150:175], X_test=X[175:],
                                   y_test=y[175:], eval_every=2)
    assert history["epoch"].tolist() == [2, 4, 5]
    for key in ("loss", "train_loss", "train_acc", "val_loss", "val_acc", "test_loss",
                "test_acc"):
        assert history[key].shape == (3, 3) and np.all(np.isfinite(history[key])), key
    assert history["divergence"] == [None] * 3 and history["diverged_epoch"].tolist() == [0] * 3
    # the evaluations are those of the trained networks, run by run
    models = stack.unstack()
    assert history["val_acc"][:, -1].tolist() == [m.accuracy(X[150:175], y[150:175])
                                                   for m in models]
    assert np.array_equal(history["test_loss"][:, -1], stack.loss(X[175:], y[175:]))
    assert np.array_equal(history["train_acc"][:, -1], stack.accuracy(X[:150], y[:150]))


def test_stack_forward_backward_and_unstack_agree_with_the_models():
    models = [nn.MLP((5, 6, 4, 3), np.random.default_rng(k), dropout_p=0.3 * (k % 2))
              for k in range(3)]
    stack = nn.MLPStack(models)
    probs = stack.forward(X, training=True, rngs=[np.random.default_rng(k) for k in range(3)])
    grads_W, grads_b = stack.backward(Y)
    for k, model in enumerate(models):
        assert np.array_equal(probs[k], model.forward(X, training=True,
                                                      rng=np.random.default_rng(k)))
        gW, gb = model.backward(Y)
        assert all(np.array_equal(a[k], c) for a, c in zip(grads_W + grads_b, gW + gb,
                                                           strict=True))
    copies = stack.unstack()
    copies[0].W[0][:] = 0  # a copy: the stack keeps its weights
    assert not np.all(stack.W[0][0] == 0)
    assert [m.dropout_p for m in copies] == [0.0, 0.3, 0.0]


# ---------------------------------------------------------------------------------------
# Divergence: the rule of fit_gradient_descent (one piece of code), per run.

def test_the_divergence_rule_is_the_one_of_fit_gradient_descent():
    from helpers import _divergence, regression
    assert nn.divergence is regression.divergence is _divergence.divergence


def test_a_huge_learning_rate_raises_instead_of_returning_rising_losses():
    X1, y1 = digits(1797)  # issue 24: lr=1e6 returned 380 -> 621 -> 552 without a word
    model = nn.MLP((64, 100, 100, 100, 10), np.random.default_rng(0))
    with pytest.raises(FloatingPointError, match=r"SGD diverged: after 3 epochs the training "
                                                 r"loss is .* lr=1e\+06 is too large: lower"):
        nn.train_sgd(model, X1, y1, lr=1e6, num_epochs=3, batch_size=32,
                     rng=np.random.default_rng(1))


def test_overflow_raises_in_the_step_it_happens():
    X1, y1 = digits(1797, standardize=True)
    model = nn.MLP((64, 32, 10), np.random.default_rng(0))
    with pytest.raises(FloatingPointError, match=r"^SGD diverged in epoch 1: the loss grew "
                                                 r"from .* to nan; lr=1e\+06"):
        nn.train_sgd(model, X1, y1, lr=1e6, num_epochs=3, batch_size=32,
                     rng=np.random.default_rng(1))


def test_rising_losses_are_caught_by_the_window_rule():
    """The window rule of fit_gradient_descent, on a classifier's losses: a rise to above
    twice the lowest window that stays below ln C is noise, above it divergence."""
    from helpers._divergence import divergence
    rising = [0.1] * 10 + [0.3] * 10 + [0.9] * 10 + [2.7] * 10
    kw = {"window": 10, "growth": 2.0, "epoch": 4, "lr": 0.1, "method": "SGD"}
    assert divergence(rising, floor=np.log(10), **kw).startswith("SGD is diverging in ep")
    assert divergence([v / 10 for v in rising], floor=np.log(10), **kw) is None
    assert divergence([v / 10 for v in rising], **kw) is not None  # least squares: no floor


def test_training_at_the_noise_floor_is_not_called_divergent():
    """100 images memorized under dropout: the loss is near 0, where window averages
    double by chance; Day 6 trains 256 epochs like this."""
    X1, y1 = digits(100)
    model = nn.MLP((64, 128, 128, 10), np.random.default_rng(0), dropout_p=0.5)
    history = nn.train_sgd(model, X1, y1, lr=0.1, num_epochs=250, batch_size=32,
                           rng=np.random.default_rng(1), dropout_rng=np.random.default_rng(2),
                           eval_every=250)
    assert history["train_acc"][-1] == 1.0


def test_a_diverged_run_is_reported_and_does_not_stop_the_others():
    X1, y1 = digits(1797, standardize=True)  # lr=1e6 overflows in the first epoch
    lrs = [0.01, 1e6, 0.02]

    def train(on_divergence):
        stack = nn.MLPStack([nn.MLP((64, 32, 10), np.random.default_rng(k)) for k in range(3)])
        return stack, nn.train_sgd_stacked(
            stack, X1, y1, lr=lrs, num_epochs=3, batch_size=32,
            rngs=[np.random.default_rng(10 + k) for k in range(3)], on_divergence=on_divergence)

    stack, history = train("record")
    assert history["diverged"].tolist() == [False, True, False]
    assert history["diverged_epoch"].tolist() == [0, 1, 0]
    assert history["divergence"][1].startswith("SGD diverged in epoch 1: the loss grew")
    assert np.all(np.isnan(history["train_acc"][1]))  # stopped in epoch 1: no evaluation
    assert np.all(np.isfinite(history["train_acc"][[0, 2]]))
    for k in (0, 2):  # the others trained as they would alone
        model = nn.MLP((64, 32, 10), np.random.default_rng(k))
        alone = nn.train_sgd(model, X1, y1, lr=lrs[k], num_epochs=3, batch_size=32,
                             rng=np.random.default_rng(10 + k))
        assert np.array_equal(history["loss"][k], alone["loss"])
        assert np.array_equal(stack.W[0][k], model.W[0])
    with pytest.warns(RuntimeWarning, match=r"1 of 3 runs diverged .* run 1: SGD diverged"):
        train("warn")
    with pytest.raises(FloatingPointError, match=r"^run 1: SGD diverged in epoch 1"):
        train("raise")


# ---------------------------------------------------------------------------------------
# Bad input (issue 24): a clear error, before any training, naming the argument.

def _train_sgd(**changes):
    kwargs = {"model": nn.MLP((5, 4, 3), np.random.default_rng(0)), "X": X, "y": Y,
              "lr": 0.1, "num_epochs": 1, "batch_size": 2, "rng": np.random.default_rng(1)}
    kwargs.update(changes)
    return nn.train_sgd(**kwargs)


def _stacked(**changes):
    models = [nn.MLP((5, 4, 3), np.random.default_rng(k), dropout_p=0.5 * k) for k in range(2)]
    kwargs = {"stack": nn.MLPStack(models), "X": X, "y": Y, "lr": 0.1, "num_epochs": 1,
              "batch_size": 2, "rngs": [np.random.default_rng(1), np.random.default_rng(2)],
              "dropout_rngs": [np.random.default_rng(3), np.random.default_rng(4)]}
    kwargs.update(changes)
    return nn.train_sgd_stacked(**kwargs)


@pytest.mark.parametrize(("call", "error", "needle"), [
    # a label of -1 used to mean the last class, silently
    (lambda: _train_sgd(y=np.where(Y == 2, -1, Y)), ValueError,
     r"y must hold class labels 0 to 2 \(the network has 3 outputs\), got -1"),
    (lambda: _train_sgd(y=Y + 1), ValueError, r"y must hold class labels 0 to 2 .* got 3"),
    # X_test without y_test used to report a test accuracy of 0.0
    (lambda: _train_sgd(X_test=X), ValueError,
     r"y_test is missing: X_test and y_test go together"),
    (lambda: _train_sgd(y_test=Y), ValueError, r"X_test is missing"),
    # one label used to be broadcast over every row (an accuracy of 0.35 for 20 rows)
    (lambda: _train_sgd(X_test=X, y_test=np.array([1])), ValueError,
     r"y_test must hold one label per row, shape \(7,\), got shape \(1,\)"),
    (lambda: nn.MLP((5, 3), RNG).accuracy(X, np.array([1])), ValueError,
     r"y must hold one label per row, shape \(7,\), got shape \(1,\)"),
    (lambda: nn.MLP((5, 3), RNG).loss(X, 1), ValueError, r"y must hold one label per row"),
    (lambda: nn.cross_entropy(np.full((2, 3), 1 / 3), np.array([0, 3])), ValueError,
     "y must hold class labels 0 to 2"),
    # the dropout stream used to be called "rng", which the caller had passed
    (lambda: _train_sgd(model=nn.MLP((5, 4, 3), RNG, dropout_p=0.5)), ValueError,
     r"^dropout_rng is required: the model has dropout_p=0.5 > 0"),
    (lambda: _train_sgd(X_test=X[:, :4], y_test=Y), ValueError,
     r"X_test must have 5 features \(columns\), got 4"),
    (lambda: _train_sgd(X=np.where(X > 1, np.nan, X)), ValueError, "X must be finite"),
    (lambda: _train_sgd(X=X[:3]), ValueError, r"y must hold one label per row, shape \(3,\)"),
    (lambda: _train_sgd(model="mlp"), TypeError, "model must be an MLP"),
    (lambda: _train_sgd(rng=0), TypeError, "rng must be a numpy.random.Generator"),
    (lambda: _train_sgd(dropout_rng=0), TypeError, "dropout_rng must be a numpy.random"),
    (lambda: _train_sgd(eval_every=0), ValueError, "eval_every must be >= 1"),
    (lambda: nn.MLP((5, 4, 3), RNG, dropout_p=1.0), ValueError, "dropout_p must be below 1"),
    (lambda: nn.MLP((5, 3), RNG, init=lambda m, n, r: np.ones((n, m))), ValueError,
     r"init must return a \(fan_in, fan_out\) = \(5, 3\) matrix, got shape \(3, 5\)"),
    # the stacked trainer
    (lambda: _stacked(dropout_rngs=None), ValueError,
     r"dropout_rngs is required: run\(s\) \[1\] have dropout_p > 0"),
    (lambda: _stacked(rngs=[RNG, RNG]), ValueError,
     r"rngs\[1\] is the same Generator as rngs\[0\]"),
    (lambda: _stacked(dropout_rngs=[RNG, np.random.default_rng(9)], rngs=[
        np.random.default_rng(8), RNG]), ValueError,
     r"dropout_rngs\[0\] is the same Generator as rngs\[1\]"),
    (lambda: _stacked(rngs=[RNG]), ValueError, r"rngs must hold one Generator per run \(2\)"),
    (lambda: _stacked(rngs=RNG), TypeError, "rngs must be a list of 2"),
    (lambda: _stacked(lr=[0.1]), ValueError, r"lr must hold one learning rate per run \(2\)"),
    (lambda: _stacked(lr=[0.1, -1.0]), ValueError, r"lr\[1\] must be a positive finite"),
    (lambda: _stacked(lr="0.1"), TypeError, "lr must be a positive number or a list"),
    (lambda: _stacked(X=np.stack([X] * 3)), ValueError,
     r"X must be \(n, 5\), shared by the runs, or \(K, n, 5\) with K = 2 runs, got shape"),
    (lambda: _stacked(y=np.stack([Y] * 3)), ValueError,
     r"y must hold one label per row, shape \(2, 7\), got shape \(3, 7\)"),
    (lambda: _stacked(on_divergence="ignore"), ValueError,
     "on_divergence must be 'warn', 'raise' or 'record', got 'ignore'"),
    (lambda: nn.MLPStack([nn.MLP((5, 3), RNG), nn.MLP((5, 4), RNG)]), ValueError,
     r"models must share sizes and activation: models\[0\] has \(5, 3\)"),
    (lambda: nn.MLPStack(nn.MLP((5, 3), RNG)), TypeError, "models must be a non-empty list"),
    (lambda: nn.MLPStack([]), TypeError, "models must be a non-empty list"),
    (lambda: nn.MLPStack([nn.MLP((5, 3), RNG, dropout_p=0.5)]).forward(X, training=True),
     TypeError, "rngs must be a list of 1"),
])
def test_bad_input_gets_a_clear_error_naming_the_argument(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


@pytest.mark.parametrize("group_bytes", [1, 2**40])  # groups of one run; one group of all
def test_training_in_groups_of_runs_changes_no_result(monkeypatch, group_bytes):
    X1, y1 = digits(1797, standardize=True)
    lrs = [0.05, 1e6, 0.1, 0.2, 0.1]  # run 1 diverges in epoch 1

    def train():
        stack = nn.MLPStack([nn.MLP((64, 16, 10), np.random.default_rng(k), dropout_p=0.1 * k)
                             for k in range(5)])
        history = nn.train_sgd_stacked(
            stack, X1[:900], y1[:900], lr=lrs, num_epochs=2, batch_size=64,
            rngs=[np.random.default_rng(10 + k) for k in range(5)],
            dropout_rngs=[np.random.default_rng(20 + k) for k in range(5)],
            X_test=X1[900:], y_test=y1[900:], on_divergence="record")
        return stack, history

    reference_stack, reference = train()
    monkeypatch.setattr(nn, "GROUP_BYTES", group_bytes)
    stack, history = train()
    assert len(nn._groups(stack, 64)) == (5 if group_bytes == 1 else 1)
    assert history["diverged"].tolist() == [False, True, False, False, False]
    for key in ("loss", "train_loss", "train_acc", "test_loss", "test_acc"):
        assert np.array_equal(history[key], reference[key], equal_nan=True), key
    for a, b in zip(stack.W + stack.b, reference_stack.W + reference_stack.b, strict=True):
        assert np.array_equal(a, b, equal_nan=True)


def test_a_run_that_ends_far_above_its_start_is_diverged_and_has_no_final_numbers():
    X1, y1 = digits(1400)
    stack = nn.MLPStack([nn.MLP((64, 100, 100, 100, 10), np.random.default_rng(k))
                         for k in range(2)])
    history = nn.train_sgd_stacked(stack, X1[:1000], y1[:1000], lr=[0.1, 100.0], num_epochs=3,
                                   batch_size=32, rngs=[np.random.default_rng(5),
                                                        np.random.default_rng(6)],
                                   X_val=X1[1000:], y_val=y1[1000:], on_divergence="record")
    assert history["diverged"].tolist() == [False, True]
    assert history["diverged_epoch"].tolist() == [0, 3]
    assert history["divergence"][1].startswith("SGD diverged: after 3 epochs the training loss")
    assert np.all(np.isfinite(history["val_acc"][0]))
    assert np.all(np.isfinite(history["val_acc"][1, :2])) and np.isnan(history["val_acc"][1, 2])
    assert np.isnan(history["loss"][1, 2]) and np.isnan(history["train_acc"][1, 2])
