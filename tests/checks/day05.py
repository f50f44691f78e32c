"""Right and wrong answers for helpers.checks.day05 (see tests/checks/README.md)."""

import copy
import decimal
import hashlib
import importlib.util
import itertools
import math
import sys
import time
import warnings

import numpy as np
from scipy import signal, stats

from helpers import init
from helpers.checks.day05 import check_gain, check_he_stack, check_uniform_bound
from helpers.exercises import CORRECT, WRONG


def _gain_permuted_quantiles(phi, rng, num_draws):
    """Normal quantiles on a grid, shuffled by rng: not Monte Carlo, and nearly seed-free."""
    z = rng.permutation(stats.norm.ppf((np.arange(num_draws) + 0.5) / num_draws))
    return 1 / np.sqrt(np.mean(phi(z) ** 2))


def _he_loop(widths, rng):
    return [rng.standard_normal((fan_in, fan_out)) * math.sqrt(2 / fan_in)
            for fan_in, fan_out in itertools.pairwise(widths)]


def _he_float32_tuple(widths, rng):
    return tuple(rng.standard_normal((a, b), dtype=np.float32) * np.float32(np.sqrt(2 / a))
                 for a, b in zip(widths[:-1], widths[1:], strict=True))  # noqa: RUF007


def _he_scipy(widths, rng):
    return [stats.norm.rvs(scale=np.sqrt(2 / a), size=(a, b), random_state=rng)
            for a, b in itertools.pairwise(widths)]


def _he_with_std(std_of):
    return lambda widths, rng: [rng.normal(0.0, std_of(a, b), size=(a, b))
                                for a, b in itertools.pairwise(widths)]


def _he_one_array_sliced(widths, rng):
    """One big standard-normal array, every layer a slice of it: dependent layers."""
    Z = rng.standard_normal((max(widths), max(widths)))
    return [Z[:a, :b] * math.sqrt(2 / a) for a, b in itertools.pairwise(widths)]


def _he_fixed_seed(widths, rng):
    return _he_loop(widths, np.random.default_rng(42))


def _he_global(widths, rng):
    return [np.random.randn(a, b) * math.sqrt(2 / a)  # noqa: NPY002
            for a, b in itertools.pairwise(widths)]


def _he_sorted(widths, rng):
    return [np.sort(W, axis=None).reshape(W.shape) for W in _he_loop(widths, rng)]


def _he_cached(copy):
    """One matrix per shape, cached and reused (as the object itself, or a copy of it): the
    prompt's widths (64, 100, 100, 100, 10) give two equal layers."""
    def he_stack(widths, rng):
        cache, out = {}, []
        for a, b in itertools.pairwise(widths):
            if (a, b) not in cache:
                cache[(a, b)] = rng.normal(0, math.sqrt(2 / a), (a, b))
            out.append(cache[(a, b)].copy() if copy else cache[(a, b)])
        return out
    return he_stack


def _he_same_shape(derive):
    """A layer whose shape an earlier layer had is derive(W_prev, W_new, rng), W_new a fresh
    He draw: on the prompt's widths (64, 100, 100, 100, 10), layer 2 is built from layer 1."""
    def he_stack(widths, rng):
        cache, out = {}, []
        for a, b in itertools.pairwise(widths):
            W = rng.normal(0, math.sqrt(2 / a), (a, b))
            if (a, b) in cache:
                W = derive(cache[(a, b)], W, rng)
            cache[(a, b)] = W
            out.append(W)
        return out
    return he_stack


def _he_uniform(widths, rng):
    return [rng.uniform(-math.sqrt(6 / a), math.sqrt(6 / a), size=(a, b))
            for a, b in itertools.pairwise(widths)]


def _he_seed_arithmetic(widths, rng):
    """A seed drawn once, then seed + layer per layer: streams collide across generators."""
    seed = int(rng.integers(3))
    return [np.random.default_rng(seed + layer).standard_normal((a, b)) * math.sqrt(2 / a)
            for layer, (a, b) in enumerate(itertools.pairwise(widths))]



def _he_layer_seeds(high, seed_of):
    """A seed drawn from rng.integers(high), then a generator per layer seeded
    seed_of(seed, layer): arithmetic that another generator's seed reaches."""
    def he_stack(widths, rng):
        s = int(rng.integers(high))
        return [np.random.default_rng(seed_of(s, layer)).normal(0, math.sqrt(2 / a), (a, b))
                for layer, (a, b) in enumerate(itertools.pairwise(widths))]
    return he_stack


def _he_drawn_seed_per_layer(high):
    """A generator per layer, each seeded with its own rng.integers(high)."""
    return lambda widths, rng: [
        np.random.default_rng(int(rng.integers(high))).normal(0, math.sqrt(2 / a), (a, b))
        for a, b in itertools.pairwise(widths)]


def _he_offset_seed_per_layer(high):
    """A generator per layer seeded 2**32 + rng.integers(high): large, but varying by only
    log2(high) bits per layer."""
    return lambda widths, rng: [
        np.random.default_rng(2**32 + int(rng.integers(high))).normal(0, math.sqrt(2 / a), (a, b))
        for a, b in itertools.pairwise(widths)]


def _he_list_seed_per_layer(high):
    """A seed s = rng.integers(high), then a generator per layer seeded with the list [s, layer]:
    s varies by only log2(high) bits across calls."""
    def he_stack(widths, rng):
        s = int(rng.integers(high))
        return [np.random.default_rng([s, i]).normal(0, math.sqrt(2 / a), (a, b))
                for i, (a, b) in enumerate(itertools.pairwise(widths))]
    return he_stack


def _he_clipped(widths, rng):
    """He-normal draws clipped at 2 standard deviations: not a normal."""
    return [np.clip(rng.normal(0, s, (a, b)), -2 * s, 2 * s)
            for a, b in itertools.pairwise(widths) for s in [math.sqrt(2 / a)]]


def _he_student_t(widths, rng):
    """Student-t draws (10 degrees of freedom) scaled to He's std: heavier tails."""
    return [rng.standard_t(10, (a, b)) * math.sqrt(8 / 10) * math.sqrt(2 / a)
            for a, b in itertools.pairwise(widths)]


def _he_antithetic(widths, rng):
    """The second half of each layer's columns is minus the first: dependent draws."""
    out = []
    for a, b in itertools.pairwise(widths):
        h = rng.normal(0, np.sqrt(2 / a), (a, (b + 1) // 2))
        out.append(np.concatenate([h, -h], axis=1)[:, :b])
    return out


def _he_equal_columns(widths, rng):
    """One column of draws tiled across the units: every unit has the same weights."""
    return [np.tile(rng.normal(0, math.sqrt(2 / a), (a, 1)), (1, b))
            for a, b in itertools.pairwise(widths)]


def _he_equal_rows(widths, rng):
    """One row of draws repeated for every input: each unit gives its inputs one weight."""
    return [np.repeat(rng.normal(0, math.sqrt(2 / a), (1, b)), a, axis=0)
            for a, b in itertools.pairwise(widths)]


def _he_equal_columns_in_layer_0(widths, rng):
    """Equal columns in the first layer only: the symmetry, hidden behind right layers."""
    out = _he_loop(widths, rng)
    a, b = out[0].shape
    out[0] = np.tile(rng.normal(0, math.sqrt(2 / a), (a, 1)), (1, b))
    return out


def _he_shuffled_reuse(widths, rng):
    """One array of draws, shuffled afresh for every layer: the layers share draws."""
    sizes = [a * b for a, b in itertools.pairwise(widths)]
    Z = rng.standard_normal(max(sizes))
    return [rng.permutation(Z[:a * b]).reshape(a, b) * np.sqrt(2 / a)
            for a, b in itertools.pairwise(widths)]

def _he_entropy_plus_100_layer(widths, rng):
    """A generator per layer from the rng's seed + 100 * layer: seed 0's layer 1 is seed 100's
    layer 0."""
    entropy = rng.bit_generator.seed_seq.entropy
    return [np.random.default_rng(entropy + 100 * layer).standard_normal((a, b))
            * math.sqrt(2 / a) for layer, (a, b) in enumerate(itertools.pairwise(widths))]


def _he_entropy_plus_layer(widths, rng):
    """A generator per layer seeded with rng's own entropy plus the layer: no seed drawn."""
    entropy = rng.bit_generator.seed_seq.entropy
    return [np.random.default_rng(entropy + k).normal(0, math.sqrt(2 / a), (a, b))
            for k, (a, b) in enumerate(itertools.pairwise(widths))]


def _he_from_entropy(widths, rng):
    """A fresh generator from the rng's seed, ignoring its spawn_key: spawned siblings collide."""
    fresh = np.random.default_rng(rng.bit_generator.seed_seq.entropy)
    return _he_loop(widths, fresh)


def _he_entropy_times_layer(widths, rng):
    """A generator per layer seeded with rng's entropy times (layer + 1): every layer is
    seeded 0 when the entropy is 0, so the layers share draws; the cause is the seed."""
    s = rng.bit_generator.seed_seq.entropy
    return [np.random.default_rng(s * (i + 1)).normal(0, math.sqrt(2 / a), (a, b))
            for i, (a, b) in enumerate(itertools.pairwise(widths))]


def _he_seed_seq_per_layer(widths, rng):
    """A generator per layer rebuilt from rng's own SeedSequence: every layer draws the same."""
    return [np.random.default_rng(rng.bit_generator.seed_seq).normal(0, math.sqrt(2 / a), (a, b))
            for a, b in itertools.pairwise(widths)]


def _he_float16(widths, rng):
    return [rng.standard_normal((a, b)).astype(np.float16) * np.sqrt(2 / a)
            for a, b in itertools.pairwise(widths)]


def _he_float16_throughout(widths, rng):
    return [(rng.standard_normal((a, b)) * math.sqrt(2 / a)).astype(np.float16)
            for a, b in itertools.pairwise(widths)]


def _he_spawn(widths, rng):
    return [child.standard_normal((a, b)) * math.sqrt(2 / a)
            for child, (a, b) in zip(rng.spawn(len(widths) - 1), itertools.pairwise(widths),
                                     strict=True)]


def _he_torch(widths, rng):
    import torch
    g = torch.Generator().manual_seed(int(rng.integers(2**63)))
    return [(torch.randn(a, b, generator=g, dtype=torch.float64) * math.sqrt(2 / a)).numpy()
            for a, b in itertools.pairwise(widths)]


def _he_random_state(widths, rng):
    state = np.random.RandomState(int(rng.integers(2**32)))
    return [state.standard_normal((a, b)) * math.sqrt(2 / a)
            for a, b in itertools.pairwise(widths)]


def _he_one_draw_split(widths, rng):
    """One draw of every weight at once, split into the layers: no draw used twice."""
    sizes = [a * b for a, b in itertools.pairwise(widths)]
    Z = rng.standard_normal(sum(sizes))
    parts = np.split(Z, np.cumsum(sizes)[:-1])
    return [z.reshape(a, b) * math.sqrt(2 / a)
            for z, (a, b) in zip(parts, itertools.pairwise(widths), strict=True)]


def _gain_right(phi, rng, num_draws):
    return 1 / math.sqrt(np.mean(phi(rng.standard_normal(num_draws)) ** 2))


def _gain_float32(phi, rng, num_draws):
    """float32 draws, np.square and np.sqrt: right within Monte Carlo error."""
    z = rng.standard_normal(num_draws, dtype=np.float32)
    return np.float32(1) / np.sqrt(np.mean(np.square(phi(z))))


def _gain_torch(phi, rng, num_draws):
    """A PyTorch version: the draws from rng, phi applied to a tensor."""
    import torch
    z = torch.from_numpy(rng.standard_normal(num_draws))
    return phi(z).pow(2).mean().rsqrt()


def _gain_vectorized(phi, rng, num_draws):
    """phi applied to the draws in four chunks and once whole: each draw seen twice."""
    z = rng.standard_normal(num_draws)
    a = np.concatenate([phi(part) for part in np.array_split(z, 4)])
    return (phi(z) * a).mean() ** -0.5


_GAIN_CACHED_Z = np.random.default_rng(5).standard_normal(200_000)  # drawn once, at import
_GAIN_FIRST_DRAWS = {}


def _gain_cached_module(phi, rng, num_draws):
    """Draws made once at import and reused on every call: rng is never drawn from."""
    return 1 / math.sqrt(np.mean(phi(_GAIN_CACHED_Z[:num_draws]) ** 2))


def _gain_cached_default(phi, rng, num_draws,
                         z=np.random.default_rng(6).standard_normal(200_000)):  # noqa: B008
    """Draws made once, in a default argument."""
    return 1 / math.sqrt(np.mean(phi(z[:num_draws]) ** 2))


def _gain_cached_first(phi, rng, num_draws):
    """Draws from the first call's rng, cached per num_draws and reused by later calls."""
    if num_draws not in _GAIN_FIRST_DRAWS:
        _GAIN_FIRST_DRAWS[num_draws] = rng.standard_normal(num_draws)
    return 1 / math.sqrt(np.mean(phi(_GAIN_FIRST_DRAWS[num_draws]) ** 2))


def _gain_abs_ratio(phi, rng, num_draws):
    """mean |z| / mean |phi(z)|: a ratio of mean absolute values (2 for ReLU, like
    1 / E[phi(z)**2])."""
    z = rng.standard_normal(num_draws)
    return np.mean(np.abs(z)) / np.mean(np.abs(phi(z)))


def _gain_abs_over_rms(phi, rng, num_draws):
    """mean |z| / sqrt(E[phi(z)**2]): mean |z| where sqrt(E[z**2]) = 1 belongs."""
    z = rng.standard_normal(num_draws)
    return np.mean(np.abs(z)) / math.sqrt(np.mean(phi(z) ** 2))


_HE_FIRST_WEIGHTS = {}


def _he_cached_first(widths, rng):
    """The first call's weights for these widths, kept and handed out again."""
    key = tuple(widths)
    if key not in _HE_FIRST_WEIGHTS:
        _HE_FIRST_WEIGHTS[key] = _he_loop(widths, rng)
    return [W.copy() for W in _HE_FIRST_WEIGHTS[key]]


def _he_cached_default(widths, rng,
                       z=np.random.default_rng(7).standard_normal(10**6)):  # noqa: B008
    """Weights cut from one array of draws made in a default argument."""
    layers, start = [], 0
    for fan_in, fan_out in itertools.pairwise(widths):
        size = fan_in * fan_out
        layers.append(z[start:start + size].reshape(fan_in, fan_out) * math.sqrt(2 / fan_in))
        start += size
    return layers


def _gain_of(estimate):
    """A mistaken estimate from phi(z), z standard normal drawn from rng."""
    return lambda phi, rng, num_draws: estimate(phi(rng.standard_normal(num_draws)))


CASES = [
    # gain: right, in unusual forms (float32 draws, PyTorch, phi applied in chunks)
    (check_gain, (_gain_right,), CORRECT, "sqrt(2)"),
    (check_gain, (_gain_float32,), CORRECT, None),
    (check_gain, (_gain_vectorized,), CORRECT, None),
    (check_gain, (lambda phi, rng, num_draws: np.linalg.norm(
        phi(rng.normal(size=num_draws))) ** -1 * math.sqrt(num_draws),), CORRECT, None),
    # gain: wrong, each with the hint on that mistake
    (check_gain, (_gain_of(lambda a: 1 / a.std()),), WRONG, "the centred standard deviation"),
    (check_gain, (_gain_of(lambda a: 1 / a.mean()),), WRONG, "1 / E[phi(z)]"),
    (check_gain, (_gain_of(lambda a: math.sqrt(np.mean(a**2))),), WRONG, "invert it"),
    (check_gain, (_gain_of(lambda a: a.std()),), WRONG, "not inverted"),
    (check_gain, (_gain_of(lambda a: 1 / np.mean(a**2)),), WRONG, "without the square root"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.uniform(-1, 1, num_draws)) ** 2)),), WRONG, "uniform draws"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.random(num_draws)) ** 2)),), WRONG, "uniform draws"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(np.linspace(-6, 6, num_draws)) ** 2)),), WRONG, "evenly spaced grid"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.standard_normal(10_000)) ** 2)),), WRONG, "num_draws is"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(np.random.default_rng(0).standard_normal(num_draws)) ** 2)),), WRONG,
     "A fixed seed gives every rng the same estimate"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(np.random.default_rng().standard_normal(num_draws)) ** 2)),), WRONG,
     "equally seeded rng gave different gains"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(np.random.randn(num_draws)) ** 2)),), WRONG, "global np.random"),  # noqa: NPY002
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.normal(0, 2, num_draws)) ** 2)),), WRONG, "must be standard normal"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        rng.standard_normal(num_draws) ** 2)),), WRONG, "never called phi"),
    (check_gain, (lambda phi, rng, num_draws: math.sqrt(2),), WRONG, "never called phi"),
    (check_gain, (_gain_permuted_quantiles,), WRONG, "a fixed set of quantiles is not Monte"),
    # gain: draws cached (at import, in a default argument, on the first call) and reused
    (check_gain, (_gain_cached_module,), WRONG, "is reused by every call"),
    (check_gain, (_gain_cached_default,), WRONG, "in a default argument, a module-level array"),
    (check_gain, (_gain_cached_first,), WRONG, "is reused by every call"),
    # gain: absolute values, |z| fed to phi or a ratio of mean absolute values
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(np.abs(rng.standard_normal(num_draws))) ** 2)),), WRONG,
     "phi received absolute values |z|"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.standard_normal(num_draws) ** 2) ** 2)),), WRONG, "only values >= 0"),
    (check_gain, (_gain_of(lambda a: math.sqrt(2 / math.pi) / np.mean(np.abs(a))),), WRONG,
     "a ratio of mean absolute values"),
    (check_gain, (_gain_abs_ratio,), WRONG, "a ratio of mean absolute values"),
    (check_gain, (_gain_abs_over_rms,), WRONG, "not the mean of |z|"),
    # uniform_bound: right, in unusual forms
    (check_uniform_bound, (lambda std: math.sqrt(3) * std,), CORRECT, "sqrt(3)"),
    (check_uniform_bound, (lambda std: np.sqrt(3 * std**2),), CORRECT, None),
    (check_uniform_bound, (lambda std: np.float32(std) * np.float32(3) ** np.float32(0.5),),
     CORRECT, None),
    (check_uniform_bound, (lambda std: np.array(std * 3**0.5),), CORRECT, None),
    (check_uniform_bound, (lambda std: math.sqrt(12) * std / 2,), CORRECT, None),
    (check_uniform_bound, (lambda std: decimal.Decimal(3).sqrt() * decimal.Decimal(std),),
     CORRECT, None),
    # uniform_bound: wrong
    (check_uniform_bound, (lambda std: std * 1.732,), WRONG, "is rounded or estimated"),
    (check_uniform_bound, (lambda std: round(math.sqrt(3) * std, 4),), WRONG, "rounded to 4 decimals"),
    (check_uniform_bound, (lambda std: std,), WRONG, "a / sqrt(3)"),
    (check_uniform_bound, (lambda std: std / math.sqrt(3),), WRONG, "smaller"),
    (check_uniform_bound, (lambda std: 3 * std,), WRONG, "square root"),
    (check_uniform_bound, (lambda std: math.sqrt(6) * std,), WRONG, "Glorot"),
    (check_uniform_bound, (lambda std: math.sqrt(3 * std),), WRONG, "3 * std**2"),
    (check_uniform_bound, (lambda std: 2 * std,), WRONG, "variance is a**2 / 3"),
    (check_uniform_bound, (lambda std: np.float32(3 * std),), WRONG, "square root"),
    (check_uniform_bound, (lambda std: np.random.uniform(0, 1) + math.sqrt(3) * std,),  # noqa: NPY002
     WRONG, "global np.random"),
    (check_uniform_bound, (lambda std: "wide",), WRONG, "one number"),
    (check_uniform_bound, (lambda std: -math.sqrt(3) * std,), WRONG,
     "must be positive (a > 0)"),
    (check_uniform_bound, (lambda std: (-math.sqrt(3) * std, math.sqrt(3) * std),), WRONG,
     "one number"),
    # he_stack: right, in unusual forms (helpers.init, float32 in a tuple, SciPy with rng)
    (check_he_stack, (_he_loop,), CORRECT, "independent"),
    (check_he_stack, (lambda widths, rng: [init.he_normal(a, b, rng)
                                           for a, b in itertools.pairwise(widths)],),
     CORRECT, None),
    (check_he_stack, (_he_float32_tuple,), CORRECT, None),
    (check_he_stack, (_he_scipy,), CORRECT, None),
    (check_he_stack, (_he_spawn,), CORRECT, None),
    # a legacy RandomState seeded with 32 bits drawn from rng: as few streams as Day 1's
    # default_rng(rng.integers(2**32)), so two calls share weights by the birthday bound
    (check_he_stack, (_he_random_state,), WRONG, "birthday bound"),
    (check_he_stack, (lambda widths, rng: _he_loop(widths, np.random.default_rng(rng)),),
     CORRECT, None),
    (check_he_stack, (_he_one_draw_split,), CORRECT, None),
    (check_he_stack, (_he_drawn_seed_per_layer(2**63),), CORRECT, None),
    # 48-bit layer seeds vary by more than Day 1's 40 bits, layer by layer
    (check_he_stack, (_he_drawn_seed_per_layer(2**48),), CORRECT, None),
    # he_stack: wrong, each with the hint on that mistake
    (check_he_stack, (_he_cached(copy=False),), WRONG,
     "layers 1 and 2 hold the same numbers (one matrix per shape, cached and reused?)"),
    (check_he_stack, (_he_cached(copy=True),), WRONG, "layers 1 and 2 hold the same numbers"),
    # ... or a same-shape layer built from the earlier one: negated, shuffled, transposed,
    # or mixed with it (corr 0.71)
    (check_he_stack, (_he_same_shape(lambda prev, new, rng: -prev),), WRONG,
     "layers 1 and 2 reuse the same draws (shuffled, negated"),
    (check_he_stack, (_he_same_shape(lambda prev, new, rng: rng.permutation(prev.ravel())
                                     .reshape(prev.shape)),), WRONG,
     "layers 1 and 2 reuse the same draws"),
    (check_he_stack, (_he_same_shape(lambda prev, new, rng: prev.T),), WRONG,
     "layers 1 and 2 reuse the same draws (shuffled, negated, transposed"),
    (check_he_stack, (_he_same_shape(lambda prev, new, rng: (new + prev) / math.sqrt(2)),),
     WRONG, "layer 1 and layer 2 are correlated (0.7"),
    (check_he_stack, (_he_with_std(lambda a, b: math.sqrt(1 / a)),), WRONG, "LeCun"),
    (check_he_stack, (_he_with_std(lambda a, b: math.sqrt(2 / (a + b))),), WRONG, "Glorot"),
    (check_he_stack, (_he_with_std(lambda a, b: math.sqrt(2 / b)),), WRONG, "fan_out mode"),
    (check_he_stack, (_he_with_std(lambda a, b: 2 / a),), WRONG, "VARIANCE"),
    (check_he_stack, (_he_uniform,), WRONG, "uniform"),
    (check_he_stack, (_he_sorted,), WRONG, "correlated"),
    (check_he_stack, (_he_one_array_sliced,), WRONG, "reuse the same draws"),
    (check_he_stack, (_he_seed_arithmetic,), WRONG, "arithmetic on a seed"),
    (check_he_stack, (_he_fixed_seed,), WRONG, "fixed seed"),
    (check_he_stack, (_he_cached_first,), WRONG, "reused by every call"),
    (check_he_stack, (_he_cached_default,), WRONG, "in a default argument, a module-level"),
    (check_he_stack, (_he_entropy_plus_100_layer,), WRONG, "seeded from the generator's seed"),
    (check_he_stack, (_he_from_entropy,), WRONG, "seeded from the generator's seed"),
    (check_he_stack, (_he_entropy_plus_layer,), WRONG, "seeded from the generator's seed"),
    (check_he_stack, (_he_entropy_times_layer,), WRONG, "seeded from the generator's seed"),
    (check_he_stack, (_he_seed_seq_per_layer,), WRONG, "seeded from the generator's seed"),
    (check_he_stack, (_he_float16,), WRONG, "layer 0 holds float16 values"),
    (check_he_stack, (_he_float16_throughout,), WRONG, "float16"),
    (check_he_stack, (_he_global,), WRONG, "global np.random"),
    (check_he_stack, (lambda widths, rng: [W.T for W in _he_loop(widths, rng)],), WRONG,
     "(fan_in, fan_out)"),
    (check_he_stack, (lambda widths, rng: _he_loop(widths, rng)[:-1],), WRONG, "one per"),
    (check_he_stack, (lambda widths, rng: _he_loop(widths, rng)[0],), WRONG, "list"),
    (check_he_stack, (_he_antithetic,), WRONG, "repeats its own draws"),
    (check_he_stack, (_he_shuffled_reuse,), WRONG, "reuse the same draws"),
    (check_he_stack, (_he_equal_columns,), WRONG, "symmetry of section 1"),
    (check_he_stack, (_he_equal_columns_in_layer_0,), WRONG, "every unit of layer 0"),
    (check_he_stack, (_he_equal_rows,), WRONG, "every row of layer 0 is the same"),
    # a generator per layer from a drawn seed with arithmetic, or from seeds below 2**40
    *[(check_he_stack, (_he_layer_seeds(high, seed_of),), WRONG, "arithmetic")
      for high in (1000, 2**32)
      for seed_of in (lambda s, layer: s + layer, lambda s, layer: s - layer,
                      lambda s, layer: s * 100 + layer, lambda s, layer: int(f"{s}{layer}"))],
    (check_he_stack, (_he_drawn_seed_per_layer(2**32),), WRONG, "layer 0 is seeded"),
    (check_he_stack, (_he_drawn_seed_per_layer(1000),), WRONG, "layer 0 is seeded"),
    # ... layer by layer: small seeds lifted by 2**32 vary as little, and four 12-bit layer
    # seeds are not 48 bits; 33-bit ones are still below Day 1's 2**40
    *[(check_he_stack, (_he_offset_seed_per_layer(2**b),), WRONG, f"only about {b} bits")
      for b in (12, 16)],
    (check_he_stack, (_he_drawn_seed_per_layer(2**33),), WRONG, "only about 33 bits"),
    # ... the same small seed in a list [s, layer] or a SeedSequence (the birthday bound)
    *[(check_he_stack, (_he_list_seed_per_layer(high),), WRONG, "birthday bound")
      for high in (2**32, 2**16)],
    (check_he_stack, (lambda w, rng: [
        np.random.default_rng(c).normal(0, math.sqrt(2 / a), (a, b))
        for c, (a, b) in zip(np.random.SeedSequence(int(rng.integers(2**32))).spawn(len(w) - 1),
                             itertools.pairwise(w), strict=True)],), WRONG, "birthday bound"),
    # ... and layers from jumped() copies of rng's bit generator: rng never moves on
    (check_he_stack, (lambda w, rng: [
        np.random.Generator(rng.bit_generator.jumped(i + 1)).normal(0, math.sqrt(2 / a), (a, b))
        for i, (a, b) in enumerate(itertools.pairwise(w))],), WRONG,
     "left rng where it found it"),
    (check_he_stack, (_he_clipped,), WRONG, "clipped or truncated"),
    (check_he_stack, (_he_student_t,), WRONG, "not normal: heavier tails"),
]

if importlib.util.find_spec("torch") is not None:  # Colab-like venvs without PyTorch
    CASES.append((check_he_stack, (_he_torch,), CORRECT, None))


def _he_seed_times_layer(widths, rng):
    """A 62-bit seed drawn once, then seed * layer per layer: layer 0 is seeded 0 for every rng."""
    s = int(rng.integers(2**62))
    return [np.random.default_rng(s * layer).normal(0, math.sqrt(2 / a), (a, b))
            for layer, (a, b) in enumerate(itertools.pairwise(widths))]


def _he_orthogonal(widths, rng):
    """Orthogonal initialization with He's gain: not independent normal draws."""
    return [init.orthogonal(a, b, rng, gain=math.sqrt(2)) for a, b in itertools.pairwise(widths)]


def _he_standardized(widths, rng):
    """Draws standardized to exactly mean 0 and He's std: tied to each other."""
    out = []
    for a, b in itertools.pairwise(widths):
        Z = rng.standard_normal((a, b))
        out.append((Z - Z.mean()) / Z.std() * math.sqrt(2 / a))
    return out


def _he_centred(widths, rng):
    """Draws with their mean subtracted: mean exactly 0."""
    out = []
    for a, b in itertools.pairwise(widths):
        Z = rng.standard_normal((a, b))
        out.append((Z - Z.mean()) * math.sqrt(2 / a))
    return out


def _he_stratified(jitter):
    """A Latin hypercube of the normal (one weight per equal-probability slice), shuffled."""
    def he_stack(widths, rng):
        out = []
        for a, b in itertools.pairwise(widths):
            n = a * b
            u = (np.arange(n) + (rng.random(n) if jitter else 0.5)) / n
            out.append(rng.permutation(stats.norm.ppf(u)).reshape(a, b) * math.sqrt(2 / a))
        return out
    return he_stack


CASES += [
    # he_stack: seed * layer (layer 0 seeded 0 whatever rng is), orthogonal, rescaled draws
    (check_he_stack, (_he_seed_times_layer,), WRONG, "seed arithmetic such as seed * layer"),
    (check_he_stack, (_he_orthogonal,), WRONG, "orthogonal initialization"),
    (check_he_stack, (_he_standardized,), WRONG, "rescaled after the draw"),
    (check_he_stack, (_he_centred,), WRONG, "mean exactly 0"),
    (check_he_stack, (_he_stratified(jitter=True),), WRONG, "stratified"),
    (check_he_stack, (_he_stratified(jitter=False),), WRONG, "stratified"),
    # right answers that the new structure tests must not reject: transposed draws,
    # Box-Muller, a generator per layer seeded with the list [63-bit seed, layer]
    (check_he_stack, (lambda w, rng: [rng.standard_normal((b, a)).T * math.sqrt(2 / a)
                                      for a, b in itertools.pairwise(w)],), CORRECT, None),
    (check_he_stack, (lambda w, rng: [
        np.sqrt(-2 * np.log(1 - rng.random((a, b)))) * np.cos(2 * np.pi * rng.random((a, b)))
        * math.sqrt(2 / a) for a, b in itertools.pairwise(w)],), CORRECT, None),
    (check_he_stack, (_he_list_seed_per_layer(2**63),), CORRECT, None),
]

# the symmetry before the float16 detector (zeros and constants sit on its grid), a bias
# counted as a fan (seen in the first layer, fan_in 3)
CASES += [
    (check_he_stack, (lambda w, rng: [np.zeros((a, b)) for a, b in itertools.pairwise(w)],),
     WRONG, "symmetry of section 1"),
    (check_he_stack, (lambda w, rng: [np.full((a, b), 0.5) for a, b in itertools.pairwise(w)],),
     WRONG, "every weight of layer 0 is 0.5"),
    (check_he_stack, (_he_with_std(lambda a, b: math.sqrt(2 // a)),), WRONG, "integer division"),
    (check_he_stack, (_he_with_std(lambda a, b: math.sqrt(2 / (a + 1))),), WRONG,
     "a bias is not a fan"),
    (check_he_stack, (_he_with_std(lambda a, b: math.sqrt(2 / (a - 1))),), WRONG,
     "without subtracting one"),
]

# uniform_bound at float64 precision (float32 answers at float32's), and on an input drawn at
# call time
_TABLE = {0.1: math.sqrt(3) * 0.1, 0.0625: math.sqrt(3) * 0.0625, 2.0: math.sqrt(3) * 2.0}
CASES += [
    (check_uniform_bound, (lambda std: 1.73205 * std,), WRONG, "is rounded or estimated"),
    (check_uniform_bound, (lambda std: round(math.sqrt(3) * std, 8),), WRONG,
     "rounded to 8 decimals"),
    (check_uniform_bound, (lambda std: np.float32(1.73205) * np.float32(std),), WRONG,
     "is rounded or estimated"),
    (check_uniform_bound, (lambda std: float(np.float32(std) * np.float32(math.sqrt(3))),),
     WRONG, "the precision of float32"),
    (check_uniform_bound, (lambda std: np.float32(math.sqrt(3) * std),), CORRECT, None),
    (check_uniform_bound, (lambda std: np.sqrt(np.float32(3)) * np.float32(std),), CORRECT, None),
    (check_uniform_bound, (lambda std: _TABLE[std],), WRONG, "KeyError"),
    (check_uniform_bound, (lambda std: _TABLE.get(std, 1.0),), WRONG, "variance is a**2 / 3"),
]


# uniform_bound estimated by Monte Carlo (the largest of many draws, 2e-7 below the bound, as
# close as a typed constant): named as an estimate, whether it draws in the call or before
_UNIFORM_DRAWS = np.random.default_rng(0).uniform(-1, 1, 10**6)
CASES += [
    (check_uniform_bound, (lambda s: np.random.default_rng(0).uniform(
        -math.sqrt(3) * s, math.sqrt(3) * s, 10**6).max(),), WRONG,
     "looks estimated from random draws (your function makes a generator"),
    (check_uniform_bound, (lambda s: math.sqrt(3) * s * _UNIFORM_DRAWS.max(),), WRONG,
     "below the bound by a factor no typed constant gives"),
]


# he_stack and PyTorch's global generator: torch.manual_seed is global state like
# np.random.seed (whatever the seed's width, and inside fork_rng too); a small seed mixed
# through hash() looks 64 bits wide but makes only as many networks as it has values
def _he_torch_global(bound):
    def he_stack(widths, rng):
        import torch
        torch.manual_seed(int(rng.integers(bound)))
        return [(torch.randn(a, b, dtype=torch.float64) * math.sqrt(2 / a)).numpy()
                for a, b in itertools.pairwise(widths)]
    return he_stack


def _he_torch_fork_rng(widths, rng):
    import torch
    with torch.random.fork_rng():
        torch.manual_seed(int(rng.integers(2**63)))
        return [(torch.randn(a, b, dtype=torch.float64) * math.sqrt(2 / a)).numpy()
                for a, b in itertools.pairwise(widths)]


def _he_hashed_seed(bound):
    def he_stack(widths, rng):
        s = int(rng.integers(bound))
        return [np.random.default_rng(hash((s, layer)) % 2**63).normal(0, math.sqrt(2 / a), (a, b))
                for layer, (a, b) in enumerate(itertools.pairwise(widths))]
    return he_stack


CASES += [
    (check_he_stack, (_he_hashed_seed(1000),), WRONG, "only about 10 bits"),
    (check_he_stack, (_he_hashed_seed(2**12),), WRONG, "only about 12 bits"),
    # 63 bits, but hashed: the course's seed policy refuses any seed made with hash() (a
    # tuple's hash has changed between Python versions; right until the seventh sweep)
    (check_he_stack, (_he_hashed_seed(2**63),), WRONG, "from the builtin hash()"),
]
if importlib.util.find_spec("torch") is not None:
    CASES += [
        (check_he_stack, (_he_torch_global(1000),), WRONG, "PyTorch's global generator"),
        (check_he_stack, (_he_torch_global(2**32),), WRONG, "global state, like np.random.seed"),
        (check_he_stack, (_he_torch_fork_rng,), WRONG, "PyTorch's global generator"),
    ]


# uniform_bound: PyTorch's float32 is float32 (as NumPy's), a typed sqrt(3) is not float32
# rounding, SymPy numbers
CASES += [
    (check_uniform_bound, (lambda std: 1.7320508 * std,), WRONG, "typed as a constant"),
    (check_uniform_bound, (lambda std: float(np.sqrt(np.float32(3))) * std,), WRONG,
     "the precision of float32"),
]
if importlib.util.find_spec("sympy") is not None:
    import sympy

    CASES += [
        (check_uniform_bound, (lambda std: sympy.sqrt(3) * std,), CORRECT, None),
        (check_uniform_bound, (lambda std: sympy.sqrt(3) * sympy.Rational(str(std)),), CORRECT,
         None),
        (check_uniform_bound, (lambda std: sympy.sqrt(3) * sympy.Symbol("std"),), WRONG,
         "free symbol"),
    ]
if importlib.util.find_spec("torch") is not None:
    import torch

    CASES += [
        (check_gain, (_gain_torch,), CORRECT, None),
        (check_uniform_bound, (lambda std: torch.tensor(std) * torch.sqrt(torch.tensor(3.0)),),
         CORRECT, None),
    ]


# he_stack: a generator per layer seeded by arithmetic on a 63-bit s drawn from rng. Every
# such answer hears the rule (each generator is the one of an ordinary integer); the shift
# collision is named only where it holds: s + layer and s + 1000 * layer (s + 1000 can be
# another rng's s), not int(f"{s}{layer}") = 10 s + layer or 100 s + layer (whose layer-0
# seeds are multiples of 10 or 100), nor s + 1000 * layer for s below 1000 (s + 1000 is none)
CASES += [
    # the course's seed rule (one for every day): arithmetic on a base drawn wide from rng
    # is accepted (distinct seeds, meeting another run's with odds about 2**-60) ...
    *[(check_he_stack, (_he_layer_seeds(2**63, seed_of),), CORRECT, None)
      for seed_of in (lambda s, i: int(f"{s}{i}"), lambda s, i: s + i,
                      lambda s, i: s * 100 + i, lambda s, i: s + 1000 * i,
                      lambda s, i: s * 100 + 50 * i)],
    # ... on a narrow base it is named, with what the rng tried show
    (check_he_stack, (_he_layer_seeds(1000, lambda s, i: s + 1000 * i),), WRONG,
     "The rng tried gave no seed to two different layers"),
    (check_he_stack, (_he_layer_seeds(2**32, lambda s, i: s + i),), WRONG,
     "any other code that seeds with"),
    # a seed drawn from 3 values: the rng tried already meet, shown with the seed
    (check_he_stack, (_he_seed_arithmetic,), WRONG, "The rng tried already meet: "),
]


def _he_two_drawn_generators(widths, rng):
    """Two generators seeded with 63-bit draws from rng, taking turns by layer: right. (Any
    two seeds differ by a constant, which is no arithmetic on a seed.)"""
    gens = [np.random.default_rng(int(rng.integers(2**63))) for _ in range(2)]
    return [gens[i % 2].normal(0, math.sqrt(2 / a), (a, b))
            for i, (a, b) in enumerate(itertools.pairwise(widths))]


CASES.append((check_he_stack, (_he_two_drawn_generators,), CORRECT, None))


# gain: draws made with rng itself and nothing else (no generator of its own, whatever its
# seed; not PyTorch's global generator, whose state the check restores), num_draws
# independent draws (not z and -z), and standard normal (not another shape with std 1)
def _gain_own_generator(make):
    def gain(phi, rng, num_draws):
        return 1 / math.sqrt(np.mean(phi(make(rng).standard_normal(num_draws)) ** 2))
    return gain


def _gain_antithetic(phi, rng, num_draws):
    z = rng.standard_normal(num_draws // 2)
    z = np.concatenate([z, -z])
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


def _gain_antithetic_two_calls(phi, rng, num_draws):
    z = rng.standard_normal(num_draws // 2)
    return 1 / math.sqrt((np.sum(phi(z) ** 2) + np.sum(phi(-z) ** 2)) / num_draws)


def _gain_antithetic_float32(phi, rng, num_draws):
    z = rng.standard_normal(num_draws // 2, dtype=np.float32)
    return 1 / math.sqrt(np.mean(phi(np.concatenate([z, -z])) ** 2))


CASES += [
    (check_gain, (_gain_own_generator(
        lambda rng: np.random.default_rng(int(rng.integers(1000)))),), WRONG,
     "made a generator of its own"),
    # a child seeded with a 63-bit draw from rng, or 128 bits in a list: the course's rule
    # (seeds varying by more than 40 bits) accepts it, as the prompt does
    (check_gain, (_gain_own_generator(
        lambda rng: np.random.default_rng(int(rng.integers(2**63)))),), CORRECT, None),
    (check_gain, (_gain_own_generator(
        lambda rng: np.random.default_rng(int(rng.integers(2**40)))),), WRONG,
     "rejects a seed drawn below 2**40"),
    (check_gain, (_gain_own_generator(
        lambda rng: np.random.RandomState(int(rng.integers(2**31)))),), WRONG,
     "made a generator of its own"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.default_rng(
        rng.integers(2**32, size=4))),), CORRECT, None),
    # rng handed on (np.random.default_rng(rng) returns rng itself) or a child of it: right
    (check_gain, (_gain_own_generator(np.random.default_rng),), CORRECT, None),
    (check_gain, (_gain_own_generator(lambda rng: rng.spawn(1)[0]),), CORRECT, None),
    (check_gain, (_gain_antithetic,), WRONG, "z and -z"),
    (check_gain, (_gain_antithetic_two_calls,), WRONG, "antithetic"),
    (check_gain, (_gain_antithetic_float32,), WRONG, "not num_draws independent draws"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.uniform(-np.sqrt(3), np.sqrt(3), num_draws)) ** 2)),), WRONG, "uniform draws"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.uniform(-5, 5, num_draws)) ** 2)),), WRONG, "a uniform's -1.2"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.laplace(0, 1 / math.sqrt(2), num_draws)) ** 2)),), WRONG, "heavier tails"),
]
if importlib.util.find_spec("torch") is not None:
    def _gain_torch_global(seeded):
        def gain(phi, rng, num_draws):
            import torch
            if seeded:
                torch.manual_seed(int(rng.integers(2**31)))
            return 1 / math.sqrt(np.mean(phi(
                torch.randn(num_draws, dtype=torch.float64).numpy()) ** 2))
        return gain

    def _gain_torch_generator(phi, rng, num_draws):
        import torch
        g = torch.Generator().manual_seed(int(rng.integers(2**63)))
        z = torch.randn(num_draws, generator=g, dtype=torch.float64)
        return phi(z).pow(2).mean().rsqrt()

    CASES += [
        (check_gain, (_gain_torch_global(seeded=True),), WRONG, "PyTorch's global generator"),
        (check_gain, (_gain_torch_global(seeded=False),), WRONG, "PyTorch's global generator"),
        (check_gain, (_gain_torch_generator,), CORRECT, None),  # a 63-bit seed from rng
    ]


# he_stack: correlation at any lag, within a layer (along rows or columns) or between layers
def _he_mixed_with_previous(widths, rng):
    """Layer l + 1's draws mixed with layer l's (correlation 0.71 across layers)."""
    out, prev = [], None
    for fan_in, fan_out in itertools.pairwise(widths):
        z = rng.standard_normal(fan_in * fan_out)
        if prev is not None:
            m = min(len(prev), len(z))
            z[:m] = (z[:m] + prev[:m]) / math.sqrt(2)
        prev = z
        out.append(z.reshape(fan_in, fan_out) * math.sqrt(2 / fan_in))
    return out


def _he_mixed_reversed(widths, rng):
    """Layer l + 1's draws mixed with layer l's, in reverse order."""
    out, prev = [], None
    for fan_in, fan_out in itertools.pairwise(widths):
        z = rng.standard_normal(fan_in * fan_out)
        if prev is not None:
            m = min(len(prev), len(z))
            z[:m] = (z[:m] + prev[::-1][:m]) / math.sqrt(2)
        prev = z
        out.append(z.reshape(fan_in, fan_out) * math.sqrt(2 / fan_in))
    return out


def _he_lagged_columns(lag):
    def he_stack(widths, rng):
        out = []
        for a, b in itertools.pairwise(widths):
            z = rng.standard_normal((a, b + lag))
            out.append((z[:, lag:] + z[:, :-lag]) / math.sqrt(2) * math.sqrt(2 / a))
        return out
    return he_stack


def _he_lagged_rows(lag):
    def he_stack(widths, rng):
        out = []
        for a, b in itertools.pairwise(widths):
            z = rng.standard_normal((a + lag, b))
            out.append((z[lag:] + z[:-lag]) / math.sqrt(2) * math.sqrt(2 / a))
        return out
    return he_stack


CASES += [
    (check_he_stack, (_he_mixed_with_previous,), WRONG, "layers 0 and 1 are correlated"),
    (check_he_stack, (_he_mixed_reversed,), WRONG, "are correlated"),
    (check_he_stack, (_he_lagged_columns(2),), WRONG, "0 rows and 2 columns apart"),
    (check_he_stack, (_he_lagged_columns(7),), WRONG, "0 rows and 7 columns apart"),
    (check_he_stack, (_he_lagged_rows(3),), WRONG, "3 rows and 0 columns apart"),
]


def _he_one_seed(bound):
    """One generator of its own, seeded from rng.integers(bound), for every layer."""
    return lambda widths, rng: _he_loop(widths, np.random.default_rng(int(rng.integers(bound))))


# he_stack, Day 1's rule: a seed drawn below 2**40 (rng.integers(2**40) included) is
# rejected, with the measured bits and their birthday numbers; 41 bits pass
CASES += [
    (check_he_stack, (_he_one_seed(2**40),), WRONG, "about 40 bits, 40 or fewer"),
    (check_he_stack, (_he_one_seed(2**36),), WRONG, "n**2 / 2**37"),
    (check_he_stack, (_he_one_seed(2**41),), CORRECT, None),
]


# gain: an answer that imports scipy.stats inside the function, as on the first call in a fresh
# process (scipy.stats taken out of sys.modules for the first call, put back right after its
# import): SciPy makes generators while it is imported, which are not the learner's
def _gain_scipy_first_import():
    fresh = [True]

    def gain(phi, rng, num_draws):
        if fresh[0]:
            fresh[0] = False
            saved = {k: v for k, v in sys.modules.items()
                     if k == "scipy.stats" or k.startswith("scipy.stats.")}
            for k in saved:
                del sys.modules[k]
            try:
                import scipy.stats  # imported afresh: SciPy makes its generators
            finally:
                sys.modules.update(saved)
        import scipy.stats

        z = scipy.stats.norm.rvs(size=num_draws, random_state=rng)
        return 1 / math.sqrt(np.mean(phi(z) ** 2))
    return gain


def _gain_stratified(phi, rng, num_draws):
    """One draw in each of num_draws equal-probability slices of the normal, shuffled."""
    z = stats.norm.ppf((rng.permutation(num_draws) + rng.random(num_draws)) / num_draws)
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


def _gain_sobol(phi, rng, num_draws):
    """Scrambled Sobol points mapped through the normal's quantile function: quasi-random."""
    with warnings.catch_warnings():  # SciPy's warning: num_draws is no power of 2
        warnings.simplefilter("ignore", UserWarning)
        u = stats.qmc.Sobol(1, seed=rng).random(num_draws).ravel()
    return 1 / math.sqrt(np.mean(phi(stats.norm.ppf(u)) ** 2))


def _gain_wide_base(phi, rng, num_draws):
    """A child seeded with arithmetic on a 63-bit base drawn from rng: the course's rule
    accepts it."""
    s = int(rng.integers(2**63))
    return 1 / math.sqrt(np.mean(phi(np.random.default_rng(s + 1).standard_normal(num_draws))
                                 ** 2))


def _gain_entropy_plus_one(phi, rng, num_draws):
    """A generator seeded with rng's own seed plus one: arithmetic on the seed argument."""
    child = np.random.default_rng(rng.bit_generator.seed_seq.entropy + 1)
    return 1 / math.sqrt(np.mean(phi(child.standard_normal(num_draws)) ** 2))


CASES += [
    (check_gain, (_gain_scipy_first_import(),), CORRECT, None),
    (check_gain, (_gain_wide_base,), CORRECT, None),
    (check_gain, (_gain_stratified,), WRONG, "Stratified draws"),
    (check_gain, (_gain_sobol,), WRONG, "quasi-random points (Sobol"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.standard_normal(num_draws).astype(np.float16)) ** 2)),), WRONG,
     "phi received float16 values"),
    (check_gain, (_gain_entropy_plus_one,), WRONG, "seeded from rng's own seed"),
]


# he_stack: seeds made by hashing a number drawn below 2**40 (hash((s, layer)), sha256 of
# f"{s}-{layer}"): wide seeds, but only as many networks as s has values; hashing 63-bit draws,
# and a child spawned per layer, are right
def _he_sha256_seed(bound):
    def he_stack(widths, rng):
        s = int(rng.integers(bound))
        out = []
        for layer, (a, b) in enumerate(itertools.pairwise(widths)):
            digest = hashlib.sha256(f"{s}-{layer}".encode()).digest()
            child = np.random.default_rng(int.from_bytes(digest[:8], "little"))
            out.append(child.normal(0, math.sqrt(2 / a), (a, b)))
        return out
    return he_stack


def _he_spawn_per_layer(widths, rng):
    return [rng.spawn(1)[0].normal(0, math.sqrt(2 / a), (a, b))
            for a, b in itertools.pairwise(widths)]


CASES += [
    (check_he_stack, (_he_hashed_seed(2**39),), WRONG, "made by hashing (hash()) integers"),
    (check_he_stack, (_he_sha256_seed(2**39),), WRONG, "made by hashing (hashlib) integers"),
    (check_he_stack, (_he_sha256_seed(2**63),), CORRECT, None),
    (check_he_stack, (_he_spawn_per_layer,), CORRECT, None),
]


# ------------------------------------------- issue 20: seeding the watcher once missed, and rng
# left where it was (copies, jumps, a restored state)

def _gain_philox_key(rng):  # Philox seeded through key=, not seed=
    return np.random.Generator(np.random.Philox(key=int(rng.integers(2**32))))


def _gain_reseeded_legacy(rng):  # seeded after construction
    legacy = np.random.RandomState()
    legacy.seed(int(rng.integers(2**31)))
    return legacy


def _gain_state_set(rng):  # a state of 32 drawn bits set on a generator of its own
    g = np.random.Generator(np.random.PCG64(0))
    state = g.bit_generator.state
    state["state"]["state"] = int(rng.integers(2**32))
    g.bit_generator.state = state
    return g


def _gain_sha256_seed(bits):
    def make(rng):
        digest = hashlib.sha256(str(int(rng.integers(2**bits))).encode()).digest()
        return np.random.default_rng(int.from_bytes(digest[:8], "little"))
    return make


def _gain_scrambled_seed(rng):  # Fibonacci hashing: a multiply, no hash function to watch
    return np.random.default_rng(int(rng.integers(2**32)) * 0x9E3779B97F4A7C15 % 2**64)


def _gain_hashed_phi(phi, rng, num_draws):
    z = np.random.default_rng(hash(phi) % 2**63).standard_normal(num_draws)
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


def _gain_restored(phi, rng, num_draws):
    saved = rng.bit_generator.state
    z = rng.standard_normal(num_draws)
    rng.bit_generator.state = saved
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


CASES += [
    (check_gain, (_gain_own_generator(_gain_philox_key),), WRONG, "made a generator of its own"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.Generator(
        np.random.Philox(key=int(rng.integers(2**63))))),), CORRECT, None),
    (check_gain, (_gain_own_generator(_gain_reseeded_legacy),), WRONG,
     "made a generator of its own"),
    (check_gain, (_gain_own_generator(_gain_state_set),), WRONG, "made a generator of its own"),
    (check_gain, (_gain_own_generator(_gain_sha256_seed(20)),), WRONG,
     "by hashing (hashlib) a number drawn from rng"),
    (check_gain, (_gain_own_generator(_gain_sha256_seed(63)),), CORRECT, None),
    (check_gain, (_gain_own_generator(_gain_scrambled_seed),), WRONG, "scrambled (hashed, mult"),
    # a generator seeded with Python's hash() of phi: an address, not a draw from rng
    (check_gain, (_gain_hashed_phi,), WRONG, "seeded with Python's hash() of an object"),
    (check_gain, (_gain_own_generator(copy.deepcopy),), WRONG, "left rng where it found it"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.Generator(
        rng.bit_generator.jumped())),), WRONG, "left rng where it found it"),
    (check_gain, (_gain_restored,), WRONG, "left rng where it found it"),
    (check_he_stack, (lambda w, rng: _he_loop(w, copy.deepcopy(rng)),), WRONG,
     "left rng where it found it"),
]


# rescaled after the draw (issue 20, M1/M2): no Monte Carlo error left, or weights tied to
# each other; clipped draws (L3) name the clipping, not the count of distinct values


def _gain_standardized(phi, rng, num_draws):
    z = rng.standard_normal(num_draws)
    z = (z - z.mean()) / z.std()
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


def _gain_unit_rms(phi, rng, num_draws):
    z = rng.standard_normal(num_draws)
    z = z / np.sqrt(np.mean(z**2))
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


def _gain_clipped(low, high):
    def gain(phi, rng, num_draws):
        z = np.clip(rng.standard_normal(num_draws), low, high)
        return 1 / math.sqrt(np.mean(phi(z) ** 2))
    return gain


def _gain_ratio_of_sums(phi, rng, num_draws):
    """sqrt(sum(z**2) / sum(phi(z)**2)): z's own second moment in place of 1, right."""
    z = rng.standard_normal(num_draws)
    return math.sqrt(np.sum(z**2) / np.sum(phi(z) ** 2))


def _gain_loop(phi, rng, num_draws):
    """One draw at a time, phi applied to Python floats."""
    total = 0.0
    for _ in range(num_draws):
        total += float(phi(rng.standard_normal())) ** 2
    return 1 / math.sqrt(total / num_draws)


def _he_unit_rms(widths, rng):
    out = []
    for a, b in itertools.pairwise(widths):
        W = rng.standard_normal((a, b))
        W *= math.sqrt(2 / a) / np.sqrt(np.mean(W**2))
        out.append(W)
    return out


def _he_normalized(axis):
    def he_stack(widths, rng):
        out = []
        for a, b in itertools.pairwise(widths):
            W = rng.standard_normal((a, b))
            n = a if axis == 0 else b
            out.append(W / np.linalg.norm(W, axis=axis, keepdims=True) * math.sqrt(2 * n / a))
        return out
    return he_stack


def _he_column_standardized(widths, rng):
    out = []
    for a, b in itertools.pairwise(widths):
        W = rng.standard_normal((a, b))
        out.append((W - W.mean(axis=0)) / W.std(axis=0) * math.sqrt(2 / a))
    return out


def _he_kaiming(widths, rng):
    import torch
    g = torch.Generator().manual_seed(int(rng.integers(2**63)))
    return [torch.nn.init.kaiming_normal_(torch.empty(b, a, dtype=torch.float64),
                                          nonlinearity="relu", generator=g).T.numpy()
            for a, b in itertools.pairwise(widths)]


CASES += [
    (check_gain, (_gain_standardized,), WRONG, "rescaled after drawing"),
    (check_gain, (_gain_unit_rms,), WRONG, "root mean square exactly 1"),
    (check_gain, (_gain_clipped(-2, 2),), WRONG, "clipped (np.clip?), bounded at -2 and 2"),
    (check_gain, (_gain_clipped(None, 2.5),), WRONG, "bounded above at 2.5"),
    # rounded draws pile up inside too: not named as clipping
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(np.round(rng.standard_normal(num_draws), 3)) ** 2)),), WRONG, "different values"),
    # right answers the rescaling and clipping tests must let through
    (check_gain, (_gain_ratio_of_sums,), CORRECT, None),
    (check_gain, (_gain_loop,), CORRECT, None),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.standard_normal((num_draws, 1))) ** 2)),), CORRECT, None),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(phi(
        rng.spawn(1)[0].standard_normal(num_draws, dtype=np.float32)) ** 2)),), CORRECT, None),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(phi(
        stats.norm.rvs(size=num_draws, random_state=rng)) ** 2)),), CORRECT, None),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(phi(
        np.random.default_rng(rng).standard_normal(num_draws)) ** 2)),), CORRECT, None),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(phi(np.random.default_rng(
        int(rng.integers(2**63))).standard_normal(num_draws)) ** 2)),), CORRECT, None),
    (check_he_stack, (_he_unit_rms,), WRONG, "root mean square exactly sqrt(2 / fan_in)"),
    (check_he_stack, (_he_normalized(0),), WRONG, "normalized per column"),
    (check_he_stack, (_he_normalized(1),), WRONG, "normalized per row"),
    (check_he_stack, (_he_column_standardized,), WRONG,
     "every column of layer 0 has mean exactly 0"),
]
if importlib.util.find_spec("torch") is not None:
    CASES.append((check_he_stack, (_he_kaiming,), CORRECT, None))


# gain: phi also applied to a few values of the answer's own (issue 20, M1): a check of
# phi(0.0) or a grid to plot is no draw and is left out; draws beyond num_draws that enter
# the mean, or a fixed number of the answer's own, still fail on the count


def _gain_probes(probe):
    """Right, with phi also applied to ``probe`` (before the draws) and the result unused."""
    def gain(phi, rng, num_draws):
        phi(probe)
        z = rng.standard_normal(num_draws)
        return 1 / math.sqrt(np.mean(phi(z) ** 2))
    return gain


def _gain_scalar_test(phi, rng, num_draws):
    z = rng.standard_normal(num_draws)
    y = phi(z)
    if phi(0.0) != 0:
        pass
    return 1 / np.sqrt(np.mean(y**2))


def _gain_extra_draws(extra):
    """Wrong: num_draws draws and ``extra`` more, in two calls of phi, all in the mean."""
    def gain(phi, rng, num_draws):
        a, b = phi(rng.standard_normal(num_draws)), phi(rng.standard_normal(extra))
        return 1 / math.sqrt(np.mean(np.concatenate([a, b]) ** 2))
    return gain


def _gain_own_count_with_unused(phi, rng, num_draws):
    """Wrong: num_draws draws go through phi unused; the mean is over 10,000 of its own."""
    phi(rng.standard_normal(num_draws))
    return 1 / math.sqrt(np.mean(phi(rng.standard_normal(10_000)) ** 2))


CASES += [
    (check_gain, (_gain_scalar_test,), CORRECT, "sqrt(2)"),
    (check_gain, (_gain_probes(np.linspace(-3, 3, 7)),), CORRECT, None),
    (check_gain, (_gain_probes(np.array([0.0, 1.0])),), CORRECT, None),
    (check_gain, (_gain_extra_draws(1000),), WRONG, "201000 different values"),
    (check_gain, (_gain_extra_draws(7),), WRONG, "200007 different values"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.standard_normal(2 * num_draws)) ** 2)),), WRONG, "400000 different values"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(
        phi(rng.standard_normal(num_draws + 1000)) ** 2)),), WRONG, "201000 different values"),
    (check_gain, (_gain_own_count_with_unused,), WRONG, "210000 different values"),
]


# gain: a generator seeded from a clock or a counter (issue 20, L2/L3), not from rng: named
# as such, not as a narrow seed or one made from rng's own seed
def _gain_clock_seeded(phi, rng, num_draws):
    z = np.random.default_rng(time.time_ns()).standard_normal(num_draws)
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


_GAIN_COUNTER = [0]


def _gain_counter_seeded(phi, rng, num_draws):
    _GAIN_COUNTER[0] += 1
    z = np.random.default_rng(_GAIN_COUNTER[0] + 12345).standard_normal(num_draws)
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


CASES += [
    (check_gain, (_gain_clock_seeded,), WRONG, "a counter, or a clock?"),
    (check_gain, (_gain_counter_seeded,), WRONG, "a counter, or a clock?"),
]


# Seventh sweep: hash() of the text of a 63-bit draw, which changes with every process
def _he_hashed_text(widths, rng):
    s = int(rng.integers(2**63))
    return [np.random.default_rng(abs(hash(f"{s}-{layer}"))).normal(0, math.sqrt(2 / a), (a, b))
            for layer, (a, b) in enumerate(itertools.pairwise(widths))]


CASES += [
    (check_he_stack, (_he_hashed_text,), WRONG, "from the builtin hash()"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.default_rng(
        abs(hash(str(int(rng.integers(2**63))))))),), WRONG, "from the builtin hash()"),
]


# Seventh sweep: layers sliced from one flat array of draws, off by one, so that each layer
# shares one number with the next (an overlap of 5 or more was caught before)
def _he_off_by_one(widths, rng):
    shapes = list(itertools.pairwise(widths))
    z = rng.standard_normal(sum(a * b for a, b in shapes))
    layers, start = [], 0
    for a, b in shapes:
        layers.append(z[start:start + a * b].reshape(a, b) * math.sqrt(2 / a))
        start += a * b - 1  # the last draw of a layer is the first of the next
    return layers


def _he_flat_slices(widths, rng):  # one flat array cut right: valid
    shapes = list(itertools.pairwise(widths))
    z = rng.standard_normal(sum(a * b for a, b in shapes))
    ends = np.cumsum([a * b for a, b in shapes])
    return [part.reshape(a, b) * math.sqrt(2 / a)
            for part, (a, b) in zip(np.split(z, ends[:-1]), shapes, strict=True)]


CASES += [
    (check_he_stack, (_he_off_by_one,), WRONG, "share a draw: weight"),
    (check_he_stack, (_he_flat_slices,), CORRECT, None),
]


# Seventh sweep (low): a sample's (n - 1) / n factor is fixed, not drawn: named as such
def _uniform_ddof(std):
    return math.sqrt(3 * std**2 * 999 / 1000)


def _uniform_bessel(std):
    return math.sqrt(3) * std * 50 / 49


CASES += [
    (check_uniform_bound, (_uniform_ddof,), WRONG, "sqrt((n - 1) / n) with n = 1000"),
    (check_uniform_bound, (_uniform_bessel,), WRONG, "n / (n - 1) with n = 50"),
]


# Eighth sweep: a generator per layer seeded with a list holding a fresh narrow draw
# ([rng.integers(2**32), layer]): the call's seeds together vary by more than 40 bits, each
# layer's by 32, so layers repeat across networks (judged generator by generator now)
def _he_narrow_list_per_layer(bound):
    def he_stack(widths, rng):
        return [np.random.default_rng([int(rng.integers(bound)), layer]).normal(
            0, math.sqrt(2 / a), (a, b)) for layer, (a, b) in enumerate(itertools.pairwise(widths))]
    return he_stack


def _he_wide_list_per_layer(widths, rng):  # the same with 63-bit draws: valid
    return [np.random.default_rng([int(rng.integers(2**63)), layer]).normal(
        0, math.sqrt(2 / a), (a, b)) for layer, (a, b) in enumerate(itertools.pairwise(widths))]


CASES += [
    (check_he_stack, (_he_narrow_list_per_layer(2**32),), WRONG, "only about 32 bits"),
    (check_he_stack, (_he_narrow_list_per_layer(2**20),), WRONG, "only about 20 bits"),
    (check_he_stack, (_he_wide_list_per_layer,), CORRECT, None),
]


# Ninth sweep: torch Parameters (requires_grad) as the layers: valid, judged, not a crash
def _he_parameters(widths, rng):
    import torch

    return [torch.nn.Parameter(torch.from_numpy(rng.normal(0, math.sqrt(2 / a), (a, b))))
            for a, b in itertools.pairwise(widths)]


if importlib.util.find_spec("torch") is not None:
    CASES += [(check_he_stack, (_he_parameters,), CORRECT, None)]


# Ninth sweep: narrow seeds scrambled into wide ones (squared, two 20-bit draws packed, after a
# throwaway draw; helpers.checks._entropy.narrow_first_draw), and copies of rng moved on by a
# token draw (two calls with one rng share their draws, shifted by one)
def _he_seeded(make_seed):
    def he_stack(widths, rng):
        return _he_loop(widths, np.random.default_rng(make_seed(rng)))
    return he_stack


def _narrow_squared(rng):
    return int(rng.integers(2**32)) ** 2


def _two20(rng):
    return int(rng.integers(2**20)) + int(rng.integers(2**20)) * 2**40


def _after_throwaway(rng):
    rng.random()
    s = int(rng.integers(2**32))
    return s * s + 7


def _wide_squared(rng):
    return int(rng.integers(2**63)) ** 2


def _token_copy(make):
    """A copy of rng (make(rng)), and one token draw from rng so that it moves."""
    def copied(rng):
        g = make(rng)
        rng.random()
        return g
    return copied


_DEEPCOPY_TOKEN = _token_copy(copy.deepcopy)
_JUMPED_TOKEN = _token_copy(lambda rng: np.random.Generator(rng.bit_generator.jumped()))

CASES += [
    (check_he_stack, (_he_seeded(_narrow_squared),), WRONG, "through a seed of 40 bits or fewer"),
    (check_he_stack, (_he_seeded(_two20),), WRONG, "through a seed of 40 bits or fewer"),
    (check_he_stack, (_he_seeded(_after_throwaway),), WRONG, "through a seed of 40 bits or fewer"),
    (check_he_stack, (_he_seeded(_wide_squared),), CORRECT, None),
    (check_he_stack, (lambda w, rng: _he_loop(w, rng.spawn(1)[0]),), CORRECT, None),
    (check_he_stack, (lambda w, rng: _he_loop(w, np.random.default_rng(rng)),), CORRECT, None),
    (check_he_stack, (lambda w, rng: _he_loop(w, _DEEPCOPY_TOKEN(rng)),), WRONG,
     "the first's, shifted"),
    (check_he_stack, (lambda w, rng: _he_loop(w, _JUMPED_TOKEN(rng)),), WRONG,
     "the first's, shifted"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.default_rng(
        _after_throwaway(rng))),), WRONG, "varies by 40 bits or fewer"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.default_rng(_two20(rng))),), WRONG,
     "varies by 40 bits or fewer"),
    (check_gain, (_gain_own_generator(lambda rng: np.random.default_rng(
        _wide_squared(rng))),), CORRECT, None),
    (check_gain, (_gain_own_generator(lambda rng: rng.spawn(1)[0]),), CORRECT, None),
    (check_gain, (_gain_own_generator(_DEEPCOPY_TOKEN),), WRONG, "the first's, shifted"),
    (check_gain, (_gain_own_generator(_JUMPED_TOKEN),), WRONG, "the first's, shifted"),
]


def _gain_torch_seeded(make_seed):
    """torch.Generator seeded make_seed(rng): PyTorch keeps the low 32 bits of the seed."""
    def gain(phi, rng, num_draws):
        import torch
        g = torch.Generator().manual_seed(make_seed(rng))
        z = torch.randn(num_draws, generator=g, dtype=torch.float64)
        return float(1 / torch.sqrt(torch.mean(phi(z) ** 2)))
    return gain


def _lcg_scrambled(rng):  # a narrow draw through one step of Knuth's 64-bit LCG, mod 2**63
    s = int(rng.integers(2**32))
    return (s * 6364136223846793005 + 1442695040888963407) % 2**63


if importlib.util.find_spec("torch") is not None:  # Colab-like venvs without PyTorch
    CASES += [
        (check_gain, (_gain_torch_seeded(_lcg_scrambled),), WRONG, "varies by 40 bits or fewer"),
        # 63 bits handed to manual_seed (of which torch keeps 32): the course's policy allows it
        (check_gain, (_gain_torch_seeded(lambda rng: int(rng.integers(2**63))),), CORRECT, None),
    ]


# eleventh sweep: draws mixed with their neighbours (a moving average, an AR(1) recursion)
# are no independent draws; sorted draws give the same estimate as unsorted ones
def _gain_moving_average(phi, rng, num_draws):
    e = rng.standard_normal(num_draws + 1)
    return 1 / math.sqrt(np.mean(phi((e[:-1] + e[1:]) / math.sqrt(2)) ** 2))


def _gain_recursion(phi, rng, num_draws):
    e = rng.standard_normal(num_draws)
    z = signal.lfilter([math.sqrt(1 - 0.81)], [1, -0.9], e)
    return 1 / math.sqrt(np.mean(phi(z) ** 2))


def _gain_sorted(phi, rng, num_draws):
    return 1 / math.sqrt(np.mean(phi(np.sort(rng.standard_normal(num_draws))) ** 2))


def _he_scrambled_per_layer(widths, rng):
    return [np.random.default_rng(int(rng.integers(2**32)) ** 2).normal(
        0, math.sqrt(2 / a), (a, b)) for a, b in itertools.pairwise(widths)]


CASES += [
    (check_gain, (_gain_moving_average,), WRONG, "1 apart correlate 0.50"),
    (check_gain, (_gain_recursion,), WRONG, "a recursion"),
    (check_gain, (_gain_sorted,), CORRECT, None),
    (check_he_stack, (_he_scrambled_per_layer,), WRONG, "squared, hashed"),
]


# twelfth sweep (low): discrete draws sit on float16's grid but are no rounding
CASES += [
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(phi(
        rng.choice([-1.0, 1.0], num_draws)) ** 2)),), WRONG, "only 2 different values"),
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.mean(phi(
        rng.integers(-3, 4, num_draws).astype(float)) ** 2)),), WRONG, "only 7 different"),
]


# thirteenth sweep: a ddof=1 correction on the raw second moment (2.5e-6 off at 200,000
# draws, so the check asks for 10)
CASES += [
    (check_gain, (lambda phi, rng, num_draws: 1 / math.sqrt(np.sum(phi(
        rng.standard_normal(num_draws)) ** 2) / (num_draws - 1)),), WRONG,
     "divides the sum of phi(z)**2 by num_draws - 1"),
]
