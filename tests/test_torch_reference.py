"""PyTorch as the independent reference for helpers.init and helpers.dropout.

A test-only dependency (requirements-torch.txt, installed by `make test`); without PyTorch
this module is skipped and every other test still runs.
"""

import math

import numpy as np
import pytest

from helpers import init
from helpers.dropout import dropout

torch = pytest.importorskip("torch")

FAN_IN, FAN_OUT = 400, 600
RNG_SEED = 3


def draw(fn, **kw):
    return fn(FAN_IN, FAN_OUT, np.random.default_rng(RNG_SEED), **kw)

def torch_weight(fill, **kw):
    """torch stores (out_features, in_features): transpose back to the course's layout."""
    torch.manual_seed(0)
    w = torch.empty(FAN_OUT, FAN_IN, dtype=torch.float64)
    fill(w, **kw)
    return w.numpy().T


@pytest.mark.parametrize(("ours", "fill", "kw"), [
    (lambda: draw(init.xavier_normal), "xavier_normal_", {}),
    (lambda: draw(init.xavier_uniform), "xavier_uniform_", {}),
    (lambda: draw(init.xavier_normal, gain=5 / 3), "xavier_normal_", {"gain": 5 / 3}),
    (lambda: draw(init.he_normal), "kaiming_normal_", {"nonlinearity": "relu"}),
    (lambda: draw(init.he_uniform), "kaiming_uniform_", {"nonlinearity": "relu"}),
    (lambda: draw(init.lecun_normal), "kaiming_normal_", {"nonlinearity": "linear"}),
])
def test_same_distribution_as_torch_nn_init(ours, fill, kw):
    W, ref = ours(), torch_weight(getattr(torch.nn.init, fill), **kw)
    assert W.shape == ref.shape
    assert W.std() == pytest.approx(ref.std(), rel=0.02)
    if "uniform" in fill:
        assert np.abs(W).max() == pytest.approx(np.abs(ref).max(), rel=0.002)


def test_gains_equal_torch_calculate_gain():
    for name in ("linear", "sigmoid", "tanh", "relu"):
        assert init.calculate_gain(name) == pytest.approx(torch.nn.init.calculate_gain(name))


def test_pytorch_linear_default_matches_nn_linear():
    torch.manual_seed(0)
    layer = torch.nn.Linear(FAN_IN, FAN_OUT)
    W, _ = init.pytorch_linear_default(FAN_IN, FAN_OUT, np.random.default_rng(0))
    ref_W = layer.weight.detach().double().numpy().T
    assert np.abs(W).max() == pytest.approx(np.abs(ref_W).max(), rel=0.002)
    assert W.std() == pytest.approx(ref_W.std(), rel=0.02)
    assert np.abs(layer.bias.detach().numpy()).max() <= 1 / math.sqrt(FAN_IN)

@pytest.mark.parametrize("p", [0.2, 0.5, 0.9])
def test_same_behaviour_as_torch_functional_dropout(p):
    x = np.ones((300, 300))
    torch.manual_seed(0)
    ref = torch.nn.functional.dropout(torch.from_numpy(x), p=p, training=True).numpy()
    ours = dropout(x, p, np.random.default_rng(0))
    # p is the DROP probability in both; kept values are scaled by 1 / (1 - p) in both.
    assert np.mean(ours == 0) == pytest.approx(np.mean(ref == 0), abs=0.01)
    assert np.unique(ours[ours != 0]) == pytest.approx(np.unique(ref[ref != 0]))
    assert torch.nn.functional.dropout(torch.ones(3), p=1.0).sum().item() == 0
    assert np.array_equal(
        torch.nn.functional.dropout(torch.from_numpy(x), p=p, training=False).numpy(),
        dropout(x, p, np.random.default_rng(0), training=False))
