"""Checks for the exercises of Day 6 (dropout); see helpers.exercises."""

from __future__ import annotations

import numpy as np

from helpers.exercises import Wrong, call, exercise_check

_P = 0.3  # the drop probability the checks use: far from 1/2, so keep and drop differ
_TOL = 0.005  # 5 standard errors of a dropped share estimated from 200,000 entries


def _activations() -> np.ndarray:
    """4000 examples x 50 units of positive activations, all different."""
    return np.random.default_rng(6).uniform(0.5, 2.0, size=(4000, 50))


def _array(value, name: str, shape: tuple[int, ...]) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.shape != shape:
        raise Wrong(f"{name} should keep the shape of its input, {shape}, got {arr.shape}")
    return arr


def _check_drop_share(out: np.ndarray, name: str) -> None:
    dropped = np.mean(out == 0)
    if abs(dropped - (1 - _P)) < _TOL:
        raise Wrong(f"{name} drops a share 1 - p of the units: p is the DROP probability "
                    "(keep each unit with probability 1 - p)")
    if abs(dropped - _P) > _TOL:
        raise Wrong(f"{name} should drop each unit with probability p = {_P}, independently")


def _check_same_rng_same_mask(func, a: np.ndarray, name: str) -> None:
    again = [_array(call(func, a.copy(), _P, np.random.default_rng(1)), name, a.shape)
             for _ in range(2)]
    if not np.array_equal(again[0], again[1]):
        raise Wrong(f"two calls of {name} with identically seeded rng differ: draw the mask "
                    "from the rng argument, not from np.random's global functions")
    other = _array(call(func, a.copy(), _P, np.random.default_rng(2)), name, a.shape)
    if np.array_equal(again[0], other):
        raise Wrong(f"{name} gives the same mask for differently seeded rng: draw the mask "
                    "from the rng argument, not from a generator of your own")


@exercise_check
def check_original_dropout(original_dropout) -> str:
    """``original_dropout(x, p, rng, training)``: mask at training, times ``1 - p`` after."""
    x = _activations()
    name = "original_dropout(x, p, rng, training=True)"
    out = _array(call(original_dropout, x.copy(), _P, np.random.default_rng(0), True), name,
                 x.shape)
    kept = out != 0
    if np.allclose(out[kept], x[kept] / (1 - _P)):
        raise Wrong("the kept units are scaled by 1 / (1 - p): that is INVERTED dropout; the "
                    "original form leaves them as they are during training")
    if not np.allclose(out[kept], x[kept]):
        raise Wrong("during training each unit should be either dropped (0) or kept "
                    "unchanged")
    _check_drop_share(out, "original_dropout")
    _check_same_rng_same_mask(lambda *args: original_dropout(*args, True), x,
                              "original_dropout")
    name = "original_dropout(x, p, rng, training=False)"
    out = _array(call(original_dropout, x.copy(), _P, np.random.default_rng(0), False), name,
                 x.shape)
    if np.any(out == 0):
        raise Wrong("at evaluation nothing is dropped: every unit takes part")
    if np.allclose(out, x):
        raise Wrong("at evaluation the original form must shrink the activations to what "
                    "training saw on average; by which factor?")
    if np.allclose(out, _P * x):
        raise Wrong("you scaled by the drop probability p; the share of units kept during "
                    "training is the other one")
    if not np.allclose(out, (1 - _P) * x):
        raise Wrong("at evaluation the output should be the input times the share of units "
                    "kept during training")
    return "mask at training, scale by the keep probability at evaluation: expectations match."


@exercise_check
def check_snippet_fixed(snippet_fixed) -> str:
    """``snippet_fixed(a, p_drop, rng)``: the binomial snippet as inverted dropout, p = drop."""
    a = _activations()
    name = "snippet_fixed(a, p_drop, rng)"
    out = _array(call(snippet_fixed, a.copy(), _P, np.random.default_rng(0)), name, a.shape)
    kept = out != 0
    _check_drop_share(out, "snippet_fixed")
    if np.allclose(out[kept], a[kept]):
        raise Wrong("the kept units are not scaled: inverted dropout divides them by the "
                    "keep probability, so that the mean is unchanged")
    if np.allclose(out[kept], a[kept] / _P):
        raise Wrong("the kept units are divided by p_drop; divide by the KEEP probability")
    if not np.allclose(out[kept], a[kept] / (1 - _P)):
        raise Wrong("the kept units should be divided by the keep probability 1 - p_drop")
    _check_same_rng_same_mask(snippet_fixed, a, "snippet_fixed")
    return "drops a share p_drop, scales the rest by 1 / (1 - p_drop), from the given rng."
