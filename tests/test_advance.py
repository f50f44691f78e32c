"""helpers.checks._advance: whether a learner's function advanced the caller's rng, and
helpers.checks._seeding.watch_seeding's view of seeding after construction."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from helpers.checks._advance import rng_advanced
from helpers.checks._seeding import watch_seeding


def _restored(rng):
    saved = rng.bit_generator.state
    z = rng.standard_normal(10)
    rng.bit_generator.state = saved
    return z


@pytest.mark.parametrize("run", [
    lambda rng: rng.random(),
    lambda rng: rng.spawn(1)[0].random(),  # a child: rng's SeedSequence moves on
    lambda rng: rng.bit_generator.advance(1),
    lambda rng: rng.integers(2**63),
])
def test_drawing_or_spawning_advances(run):
    assert rng_advanced(run)


@pytest.mark.parametrize("run", [
    lambda rng: copy.deepcopy(rng).random(),
    lambda rng: np.random.Generator(rng.bit_generator.jumped()).random(),
    _restored,
    lambda rng: None,
])
def test_a_copy_a_jump_or_a_restored_state_does_not(run):
    assert not rng_advanced(run)


def _state_set(rng):
    g = np.random.Generator(np.random.PCG64())
    state = g.bit_generator.state
    state["state"]["state"] = int(rng.integers(2**32))
    g.bit_generator.state = state
    return g.random()


def _reseeded(rng):
    legacy = np.random.RandomState()
    legacy.seed(int(rng.integers(2**31)))
    return legacy.random_sample()


@pytest.mark.parametrize(("run", "seeds", "state_sets"), [
    (lambda rng: np.random.Generator(np.random.Philox(key=int(rng.integers(2**32)))).random(),
     1, 0),
    (_reseeded, 1, 0),
    (_state_set, 0, 1),
])
def test_the_watcher_sees_seeding_after_construction(run, seeds, state_sets):
    rng = np.random.default_rng(3)
    with watch_seeding(run) as seen:
        run(rng)
    assert (len(seen.seeds), seen.state_sets) == (seeds, state_sets)
    assert seen.keys


def test_copies_and_jumps_are_no_seeds_and_still_pickle():
    import pickle

    def run(rng):
        g = np.random.default_rng(5)
        h = copy.deepcopy(g)
        g.bit_generator.jumped()
        return pickle.loads(pickle.dumps(h)).random()

    with watch_seeding(run) as seen:
        value = run(None)
    assert value == np.random.default_rng(5).random()
    assert seen.state_sets == 0 and seen.seeds == [5]
