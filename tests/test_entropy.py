"""helpers.checks._entropy: Generators with a chosen first output, and the test for a seed
of SEED_BITS bits or fewer drawn from rng, however scrambled."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks._entropy import _pairs, generator_with_first, narrow_first_draw
from helpers.checks._seeding import SEED_BITS

X = np.random.default_rng(11).standard_normal(100)


def _bootstrap(rng: np.random.Generator) -> float:
    return float(np.median(X[rng.integers(0, X.size, (200, X.size))], axis=1).std())


@pytest.mark.parametrize("output", [0, 1, 2**63, 2**64 - 1, 0x0123456789ABCDEF])
def test_first_output_is_the_chosen_value(output):
    assert int(generator_with_first(output, seed=3).bit_generator.random_raw()) == output
    draw = generator_with_first(output, seed=3).integers(2**64, dtype=np.uint64)
    assert int(draw) == output


def test_bad_output_is_refused():
    with pytest.raises(ValueError, match="output"):
        generator_with_first(2**64, seed=0)


def test_pairs_agree_in_seed_bits_only():
    (a, b), (c, d) = _pairs(0)
    low = (1 << SEED_BITS) - 1
    assert a & low == b & low and (a ^ b) >> SEED_BITS == (1 << (64 - SEED_BITS)) - 1
    assert c >> (64 - SEED_BITS) == d >> (64 - SEED_BITS)
    assert (c ^ d) == (1 << (64 - SEED_BITS)) - 1


def test_members_spawn_different_children():
    one, other = (generator_with_first(5, seed=s) for s in (1, 2))
    assert one.spawn(1)[0].random() != other.spawn(1)[0].random()


RIGHT = {
    "from rng": _bootstrap,
    "spawned": lambda rng: _bootstrap(rng.spawn(1)[0]),
    "wide seed": lambda rng: _bootstrap(np.random.default_rng(rng.integers(2**63))),
    "41-bit seed": lambda rng: _bootstrap(np.random.default_rng(int(rng.integers(2**41)))),
    "uint64 seed": lambda rng: _bootstrap(
        np.random.default_rng(rng.integers(2**64, dtype=np.uint64))),
    "two 32-bit words": lambda rng: _bootstrap(
        np.random.default_rng(rng.integers(2**32, size=2))),
}

NARROW = {
    "32-bit": lambda rng: _bootstrap(np.random.default_rng(int(rng.integers(2**32)))),
    "40-bit": lambda rng: _bootstrap(np.random.default_rng(int(rng.integers(2**40)))),
    "hashed": lambda rng: _bootstrap(
        np.random.default_rng(abs(hash(str(int(rng.integers(2**32))))))),
    "multiplied": lambda rng: _bootstrap(np.random.default_rng(
        (int(rng.integers(2**32)) * 0x9E3779B97F4A7C15) % 2**64)),
    "squared": lambda rng: _bootstrap(np.random.default_rng(int(rng.integers(2**32)) ** 2)),
    "from random()": lambda rng: _bootstrap(
        np.random.default_rng(int(rng.random() * 2**32))),
    "below 10**6": lambda rng: _bootstrap(np.random.default_rng(int(rng.integers(10**6)))),
}


@pytest.mark.parametrize("name", RIGHT)
@pytest.mark.parametrize("seed", [0, 1])
def test_right_answers_differ(name, seed):
    assert not narrow_first_draw(RIGHT[name], seed=seed)


@pytest.mark.parametrize("name", NARROW)
@pytest.mark.parametrize("seed", [0, 1])
def test_narrow_seeds_are_seen(name, seed):
    assert narrow_first_draw(NARROW[name], seed=seed)


def test_arrays_are_compared_whole():
    assert not narrow_first_draw(lambda rng: rng.random(3))
    assert narrow_first_draw(lambda rng: np.random.default_rng(
        int(rng.integers(2**32))).random(3))
