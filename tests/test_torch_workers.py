"""helpers.torch_workers: what PyTorch's DataLoader reseeds in its workers, and the fix.

Needs PyTorch (requirements-torch.txt, installed by `make test`); skipped without it.
"""

import numpy as np
import pytest

from helpers.torch_workers import COLUMNS, NoisyDataset, seed_worker

torch = pytest.importorskip("torch")
from torch.utils.data import DataLoader, get_worker_info

NOISE, LEGACY, RANDOM, WORKER = (COLUMNS.index(c) for c in ("generator", "legacy", "random",
                                                           "worker"))


def load(seed=0, n=4, context=None, **kwargs):
    """All items of a 2-worker loader, in order: worker 0 gets batch 0, worker 1 batch 1."""
    loader = DataLoader(NoisyDataset(n, np.random.default_rng(seed)), batch_size=n // 2,
                        num_workers=2, generator=torch.Generator().manual_seed(seed),
                        multiprocessing_context=context, **kwargs)
    return torch.cat(list(loader)).numpy()


class SeedReport:
    """Each item: the worker's get_worker_info().seed and torch.initial_seed()."""

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return torch.tensor([get_worker_info().seed, torch.initial_seed()], dtype=torch.uint64)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_worker_copies_the_generator_but_the_globals_are_reseeded(seed):
    items = load(seed)
    assert items[:, WORKER].tolist() == [0, 0, 1, 1]
    w0, w1 = items[:2], items[2:]
    assert np.array_equal(w0[:, NOISE], w1[:, NOISE])  # the bug: identical noise
    # ...and it is what the parent's own Generator would draw next
    assert np.array_equal(w0[:, NOISE], np.random.default_rng(seed).standard_normal(2))
    assert not np.array_equal(w0[:, LEGACY], w1[:, LEGACY])  # reseeded per worker
    assert not np.array_equal(w0[:, RANDOM], w1[:, RANDOM])
    assert np.array_equal(items, load(seed))  # seeded loader: the same every time


def test_the_bug_survives_spawn_where_the_dataset_is_pickled():
    items = load(0, context="spawn")
    assert np.array_equal(items[:2, NOISE], items[2:, NOISE])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seed_worker_seeds_each_worker_from_its_torch_seed(seed):
    seeds = torch.cat(list(DataLoader(SeedReport(), batch_size=2, num_workers=2,
                                      generator=torch.Generator().manual_seed(seed)))).numpy()
    assert np.array_equal(seeds[:, 0], seeds[:, 1])  # info.seed == torch.initial_seed()
    assert seeds[2, 0] == seeds[0, 0] + 1  # base seed + worker id
    items = load(seed, worker_init_fn=seed_worker)
    for worker, rows in ((0, items[:2]), (1, items[2:])):
        ref = np.random.default_rng(int(seeds[2 * worker, 0])).standard_normal(2)
        assert np.array_equal(rows[:, NOISE], ref)
    assert not np.array_equal(items[:2, NOISE], items[2:, NOISE])
    assert np.array_equal(items, load(seed, worker_init_fn=seed_worker))  # reproducible
    assert not np.array_equal(items, load(seed + 10, worker_init_fn=seed_worker))


def test_main_process_loading_is_not_a_worker():
    items = torch.cat(list(DataLoader(
        NoisyDataset(4, np.random.default_rng(0)), batch_size=2))).numpy()
    assert items[:, WORKER].tolist() == [-1] * 4


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="n must be >= 1"):
        NoisyDataset(0, np.random.default_rng(0))
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        NoisyDataset(3, 42)
    with pytest.raises(RuntimeError, match="worker_init_fn=seed_worker"):
        seed_worker(0)
