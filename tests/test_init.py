"""helpers.init against the formulas and against torch.nn.init on the transposed shape."""

import math

import numpy as np
import pytest

from helpers import init

FAN_IN, FAN_OUT = 400, 600
RNG_SEED = 3


def draw(fn, **kw):
    return fn(FAN_IN, FAN_OUT, np.random.default_rng(RNG_SEED), **kw)


@pytest.mark.parametrize(("fn", "std"), [
    (init.lecun_normal, math.sqrt(1 / FAN_IN)),
    (init.xavier_normal, math.sqrt(2 / (FAN_IN + FAN_OUT))),
    (init.he_normal, math.sqrt(2 / FAN_IN)),
    (init.xavier_uniform, math.sqrt(6 / (FAN_IN + FAN_OUT)) / math.sqrt(3)),
    (init.he_uniform, math.sqrt(6 / FAN_IN) / math.sqrt(3)),
])
def test_shape_mean_and_std_match_the_formulas(fn, std):
    W = draw(fn)
    assert W.shape == (FAN_IN, FAN_OUT)
    # 240,000 draws: the sample std is within 1% of the true one with overwhelming odds.
    assert W.std() == pytest.approx(std, rel=0.01)
    assert abs(W.mean()) < 5 * std / math.sqrt(W.size)


@pytest.mark.parametrize(("fn", "bound"), [
    (init.xavier_uniform, math.sqrt(6 / (FAN_IN + FAN_OUT))),
    (init.he_uniform, math.sqrt(6 / FAN_IN)),
])
def test_uniform_bounds_are_reached_not_exceeded(fn, bound):
    W = np.abs(draw(fn))
    assert W.max() <= bound and W.max() > 0.999 * bound


def test_gain_scales_glorot():
    g = init.calculate_gain("tanh")
    assert draw(init.xavier_normal, gain=g).std() == pytest.approx(
        g * math.sqrt(2 / (FAN_IN + FAN_OUT)), rel=0.01)
    assert np.abs(draw(init.xavier_uniform, gain=g)).max() <= g * math.sqrt(6 / 1000)


def test_pytorch_linear_default_bounds():
    W, b = init.pytorch_linear_default(FAN_IN, FAN_OUT, np.random.default_rng(0))
    bound = 1 / math.sqrt(FAN_IN)
    assert W.shape == (FAN_IN, FAN_OUT) and b.shape == (FAN_OUT,)
    assert np.abs(W).max() <= bound and np.abs(W).max() > 0.999 * bound
    assert np.abs(b).max() <= bound
    assert W.std() == pytest.approx(bound / math.sqrt(3), rel=0.01)


@pytest.mark.parametrize(("args", "kw", "error", "needle"), [
    ((0, 5, np.random.default_rng(0)), {}, ValueError, "fan_in must be >= 1"),
    ((5, 2.5, np.random.default_rng(0)), {}, TypeError, "fan_out must be an integer"),
    ((5, 5, 42), {}, TypeError, "rng must be a numpy.random.Generator"),
    ((5, 5, np.random.default_rng(0)), {"gain": -1.0}, ValueError, "gain must be a positive"),
    ((5, 5, np.random.default_rng(0)), {"gain": float("nan")}, ValueError, "gain"),
])
def test_bad_input(args, kw, error, needle):
    with pytest.raises(error, match=needle):
        init.xavier_normal(*args, **kw)
    with pytest.raises(ValueError, match="nonlinearity must be one of"):
        init.calculate_gain("swish")


@pytest.mark.parametrize("bad", [["relu"], None, 1, b"relu"])
def test_calculate_gain_names_what_it_got(bad):
    with pytest.raises(ValueError, match=r"nonlinearity must be one of \[.*\], got "):
        init.calculate_gain(bad)


def test_numpy_scalars_are_accepted():
    rng = np.random.default_rng(0)
    W = init.xavier_normal(np.int64(30), np.int32(20), rng, gain=np.float32(2.0))
    assert W.shape == (30, 20)
    with pytest.raises(TypeError, match=r"gain must be a positive finite number, got '2'"):
        init.xavier_uniform(3, 2, rng, gain="2")
    with pytest.raises(TypeError, match=r"fan_in must be an integer, got True"):
        init.he_normal(True, 2, rng)


@pytest.mark.parametrize(("fan_in", "fan_out"), [(400, 300), (300, 400), (64, 64), (5, 1), (1, 7)])
@pytest.mark.parametrize("gain", [1.0, math.sqrt(2)])
def test_orthogonal_is_semi_orthogonal_times_the_gain(fan_in, fan_out, gain):
    W = init.orthogonal(fan_in, fan_out, np.random.default_rng(RNG_SEED), gain=gain)
    assert W.shape == (fan_in, fan_out)
    small = min(fan_in, fan_out)
    gram = W.T @ W if fan_in >= fan_out else W @ W.T  # the small side's Gram matrix
    np.testing.assert_allclose(gram, gain**2 * np.eye(small), atol=1e-12)
    # every singular value is the gain: the length of every vector is kept (times gain)
    np.testing.assert_allclose(np.linalg.svd(W, compute_uv=False), gain, rtol=1e-12)
    # entries have variance gain**2 / max(fan_in, fan_out) exactly on average (trace / size)
    assert np.sum(W**2) / W.size == pytest.approx(gain**2 / max(fan_in, fan_out), rel=1e-12)


def test_orthogonal_is_uniform_haar_an_entry_has_the_exact_beta_law():
    """For a matrix uniform over the n x n orthogonal group, (W[0, 0] + 1) / 2 follows
    Beta((n - 1) / 2, (n - 1) / 2). Without the sign fix NumPy's QR gives W[0, 0] <= 0
    every time, which this test would catch (half the entries should be positive)."""
    stats = pytest.importorskip("scipy.stats")
    n, draws, rng = 6, 2000, np.random.default_rng(RNG_SEED)
    corner = np.array([init.orthogonal(n, n, rng)[0, 0] for _ in range(draws)])
    assert stats.kstest((corner + 1) / 2, stats.beta((n - 1) / 2, (n - 1) / 2).cdf).pvalue > 1e-4
    positive = np.mean(corner > 0)  # 0.5 +- 5 standard errors of a share over 2000 draws
    assert abs(positive - 0.5) < 5 * math.sqrt(0.25 / draws)


def test_orthogonal_matches_torch_nn_init_orthogonal():
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    ref = torch.nn.init.orthogonal_(torch.empty(FAN_OUT, FAN_IN, dtype=torch.float64),
                                    gain=2.0).numpy().T  # torch stores (out, in)
    W = draw(init.orthogonal, gain=2.0)
    assert W.shape == ref.shape
    np.testing.assert_allclose(np.linalg.svd(W, compute_uv=False),
                               np.linalg.svd(ref, compute_uv=False), rtol=1e-10)
    assert W.std() == pytest.approx(ref.std(), rel=0.02)


def test_orthogonal_validates_its_arguments():
    with pytest.raises(ValueError, match="fan_out must be >= 1"):
        init.orthogonal(3, 0, np.random.default_rng(0))
    with pytest.raises(ValueError, match="gain must be a positive"):
        init.orthogonal(3, 3, np.random.default_rng(0), gain=0.0)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        init.orthogonal(3, 3, 0)
