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


def test_nn_linear_default_sd_and_the_randn_reinitialization():
    """Day 9: U(±1/√fan_in) has sd 1/√(3·fan_in); a torch.randn re-init has sd 1."""
    torch.manual_seed(0)
    layer = torch.nn.Linear(FAN_IN, FAN_OUT)
    n = FAN_IN * FAN_OUT
    sd = 1 / math.sqrt(3 * FAN_IN)
    assert layer.weight.std().item() == pytest.approx(sd, abs=5 * sd * math.sqrt(0.2 / n))
    layer.weight = torch.nn.Parameter(torch.randn(FAN_OUT, FAN_IN))
    assert layer.weight.std().item() == pytest.approx(1.0, abs=5 / math.sqrt(2 * n))
    torch.nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5))  # what reset_parameters does
    assert layer.weight.std().item() == pytest.approx(sd, abs=5 * sd * math.sqrt(0.2 / n))


def test_multinomial_draws_without_replacement_by_default():
    """Day 2 and Day 9: distinct classes by default, an error when n exceeds the classes."""
    probs = torch.tensor([0.5, 0.3, 0.2])
    g = torch.Generator().manual_seed(0)
    assert all(sorted(torch.multinomial(probs, 3, generator=g).tolist()) == [0, 1, 2]
               for _ in range(20))
    with pytest.raises(RuntimeError, match="without replacement"):
        torch.multinomial(probs, 4, generator=g)
    labels = torch.multinomial(probs, 50_000, replacement=True, generator=g)
    freq = torch.bincount(labels, minlength=3).double().numpy() / 50_000
    assert np.abs(freq - probs.numpy()).max() < 5 * math.sqrt(0.25 / 50_000)


def test_multinomial_without_replacement_returns_zero_probability_classes():
    """Day 2's prose: asking torch.multinomial (replacement=False) for more classes than have
    a non-zero probability raises nothing and returns zero-probability classes (torch 2.13;
    the documentation forbids the call). NumPy's choice raises instead. If torch starts to
    raise, Day 2's table note must change."""
    probs = torch.tensor([0.5, 0.5, 0.0, 0.0])
    g = torch.Generator().manual_seed(0)
    draws = [torch.multinomial(probs, 3, generator=g).tolist() for _ in range(20)]
    assert all(len(set(d)) == 3 and any(c in (2, 3) for c in d) for d in draws), draws
    with pytest.raises(ValueError, match="non-zero"):
        np.random.default_rng(0).choice(4, size=3, replace=False, p=probs.double().numpy())


def test_trunc_normal_default_bounds_are_absolute_units():
    """Day 2's prose: trunc_normal_'s bounds a=-2, b=2 are absolute, so with std=0.02 it
    truncates nothing (about 4.6% of values lie beyond 2 sd, the sd stays 0.02); a=-2s,
    b=2s truncates at 2 sd (the sd shrinks to 0.88 s)."""
    s, n = 0.02, 100_000
    torch.manual_seed(0)
    w = torch.nn.init.trunc_normal_(torch.empty(n, dtype=torch.float64), std=s).numpy()
    beyond = np.mean(np.abs(w) > 2 * s)
    assert beyond == pytest.approx(0.0455, abs=5 * math.sqrt(0.0455 * 0.9545 / n))
    assert w.std() == pytest.approx(s, rel=0.02)
    cut = torch.nn.init.trunc_normal_(torch.empty(n, dtype=torch.float64), std=s, a=-2 * s,
                                      b=2 * s).numpy()
    assert np.abs(cut).max() <= 2 * s
    assert cut.std() == pytest.approx(0.8796 * s, rel=0.02)
