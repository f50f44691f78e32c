"""helpers.torch_workers: what PyTorch's DataLoader reseeds in its workers, and the fixes.

Needs PyTorch (requirements-torch.txt, installed by `make test`); skipped without it. The
per-item seeding of ItemNoise is tested with 0, 1 and 2 workers, shuffled or not, over
epochs, with persistent workers and under the `spawn` start method.
"""

import numpy as np
import pytest

from helpers.torch_workers import (
    COLUMNS,
    ITEM_COLUMNS,
    ITEM_NOISE_KEY,
    TRANSFORM_COLUMNS,
    TRANSFORM_KEY,
    EpochSampler,
    ItemNoise,
    NoisyDataset,
    TransformNoise,
    seed_worker,
)

torch = pytest.importorskip("torch")
from torch.utils.data import DataLoader, RandomSampler, get_worker_info

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


def epochs_of(loader, num_epochs, set_epoch=None):
    """The items of each epoch, sorted by index: (num_epochs, n, columns)."""
    out = []
    for epoch in range(num_epochs):
        if set_epoch is not None:
            set_epoch(epoch)
        items = torch.cat(list(loader)).numpy()
        out.append(items[np.argsort(items[:, 0], kind="stable")])
    return np.stack(out)


def test_non_persistent_workers_repeat_the_copied_generator_every_epoch():
    loader = DataLoader(NoisyDataset(4, np.random.default_rng(3)), batch_size=2, num_workers=2,
                        generator=torch.Generator().manual_seed(3))
    epochs = epochs_of(loader, 3)
    assert all(np.array_equal(e[:, NOISE], epochs[0][:, NOISE]) for e in epochs)
    assert not np.array_equal(epochs[0][:, LEGACY], epochs[1][:, LEGACY])  # new base seed


def test_persistent_workers_carry_their_copies_on_but_still_share_one_stream():
    loader = DataLoader(NoisyDataset(4, np.random.default_rng(3)), batch_size=2, num_workers=2,
                        generator=torch.Generator().manual_seed(3), persistent_workers=True)
    epochs = epochs_of(loader, 2)
    assert not np.array_equal(epochs[0][:, NOISE], epochs[1][:, NOISE])
    for e in epochs:
        assert np.array_equal(e[:2, NOISE], e[2:, NOISE])  # both workers, the same noise


def test_seed_worker_gives_new_noise_every_epoch_but_depends_on_the_worker_count():
    def noise(workers, epochs=1):
        loader = DataLoader(NoisyDataset(4, np.random.default_rng(5)), batch_size=2,
                            num_workers=workers, worker_init_fn=seed_worker,
                            generator=torch.Generator().manual_seed(5))
        return epochs_of(loader, epochs)[..., NOISE]
    two = noise(2, epochs=2)
    assert not np.array_equal(two[0], two[1])
    zero, one = noise(0)[0], noise(1)[0]
    assert np.all(zero != two[0]) and np.array_equal(one[:2], two[0, :2])
    assert np.all(one[2:] != two[0, 2:])


def item_reference(seed, epoch, i):
    """Item i of epoch `epoch`, computed without ItemNoise (worker column -1)."""
    rng = np.random.default_rng(
        np.random.SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, i)))
    noise = rng.standard_normal()
    return [i, -1, noise, float(rng.standard_normal(dtype=np.float32))]


@pytest.mark.parametrize(("seed", "shuffle", "n", "batch_size"), [
    (0, False, 6, 2), (1, True, 6, 2), (42, True, 7, 3), (7, False, 5, 1)])
def test_item_noise_is_the_same_for_0_1_and_2_workers(seed, shuffle, n, batch_size):
    num_epochs = 2
    runs = {}
    for workers in (0, 1, 2):
        data = ItemNoise(n, seed)
        loader = DataLoader(data, batch_size=batch_size, num_workers=workers, shuffle=shuffle,
                            generator=torch.Generator().manual_seed(seed + 7))
        runs[workers] = epochs_of(loader, num_epochs, data.set_epoch)
    noise = slice(ITEM_COLUMNS.index("numpy"), None)
    for workers in (1, 2):
        assert np.array_equal(runs[workers][..., noise], runs[0][..., noise])
    assert sorted(set(runs[2][0][:, ITEM_COLUMNS.index("worker")])) == [0, 1]
    assert set(runs[0][0][:, ITEM_COLUMNS.index("worker")]) == {-1}
    want = np.array([[item_reference(seed, e, i) for i in range(n)] for e in range(num_epochs)])
    assert np.array_equal(runs[0][..., noise], want[..., noise])
    assert np.all(runs[0][0][:, noise] != runs[0][1][:, noise])  # epochs differ


def test_item_noise_under_spawn_where_the_worker_imports_the_module():
    # One spawned worker (each costs a fresh interpreter importing PyTorch), epoch 1.
    sampler = EpochSampler(range(4))
    sampler.set_epoch(1)
    loader = DataLoader(ItemNoise(4, 9), batch_size=2, num_workers=1, sampler=sampler,
                        multiprocessing_context="spawn")
    got = torch.cat(list(loader)).numpy()
    assert got[:, 1].tolist() == [0] * 4
    assert np.array_equal(got[:, 2:], np.array([item_reference(9, 1, i) for i in range(4)])[:, 2:])


def test_persistent_workers_miss_set_epoch_but_not_an_epoch_sampler():
    data = ItemNoise(4, 2)
    stale = epochs_of(DataLoader(data, batch_size=2, num_workers=2, persistent_workers=True),
                      2, data.set_epoch)
    assert np.array_equal(stale[0][:, 2:], stale[1][:, 2:])
    want = np.array([[item_reference(2, e, i) for i in range(4)] for e in range(2)])
    for indices in (range(4), RandomSampler(range(4), generator=torch.Generator().manual_seed(1))):
        sampler = EpochSampler(indices)
        loader = DataLoader(ItemNoise(4, 2), batch_size=2, num_workers=2,
                            persistent_workers=True, sampler=sampler)
        got = epochs_of(loader, 2, sampler.set_epoch)
        assert np.array_equal(got[..., 2:], want[..., 2:])


def test_global_draws_change_with_the_workers_but_fork_rng_draws_do_not():
    """A transform drawing from torch's global generator depends on num_workers; fenced with
    fork_rng and a seed from the item's generator, it does not, and the global state is kept."""
    glob, forked = TRANSFORM_COLUMNS.index("global"), TRANSFORM_COLUMNS.index("forked")
    by_workers = {}
    for w in (0, 1, 2):
        torch.manual_seed(0)
        loader = DataLoader(TransformNoise(4, 0), batch_size=2, num_workers=w,
                            generator=torch.Generator().manual_seed(0))
        by_workers[w] = torch.cat(list(loader)).numpy()
    assert not np.array_equal(by_workers[0][:, glob], by_workers[1][:, glob])
    assert not np.array_equal(by_workers[1][:, glob], by_workers[2][:, glob])
    for w in (1, 2):
        assert np.array_equal(by_workers[w][:, forked], by_workers[0][:, forked])
    torch.manual_seed(0)
    TransformNoise(4, 0)[0]  # one global draw, the forked one restored
    after = torch.rand(1)
    torch.manual_seed(0)
    torch.rand(1)
    assert torch.equal(after, torch.rand(1))


def test_transform_noise_changes_with_the_epoch_on_a_node_of_its_own():
    """The fenced draws are keyed by the epoch (one augmentation repeated every epoch is the
    bug of section 8) and by a child of the item's node, not by the node of the item's own
    noise: the same for any number of workers, or for keys (epoch, i) from EpochSampler."""
    forked = TRANSFORM_COLUMNS.index("forked")
    by_workers = {}
    for w in (0, 2):
        data = TransformNoise(4, 3)
        loader = DataLoader(data, batch_size=2, num_workers=w)
        by_workers[w] = []
        for epoch in (0, 1):
            data.set_epoch(epoch)
            by_workers[w].append(torch.cat(list(loader)).numpy()[:, forked])
    assert np.array_equal(np.array(by_workers[0]), np.array(by_workers[2]))
    assert not np.any(by_workers[0][0] == by_workers[0][1])
    sampler = EpochSampler(range(4))
    sampler.set_epoch(1)
    keyed = torch.cat(list(DataLoader(TransformNoise(4, 3), batch_size=2, sampler=sampler)))
    assert np.array_equal(keyed.numpy()[:, forked], by_workers[0][1])
    def fenced(node):
        rng = np.random.default_rng(np.random.SeedSequence(3, spawn_key=node))
        g = torch.Generator().manual_seed(int(rng.integers(2**32)))
        return torch.rand(1, generator=g).item()

    for epoch, i in ((0, 2), (1, 3)):
        node = (ITEM_NOISE_KEY, epoch, i, TRANSFORM_KEY)
        assert by_workers[0][epoch][i] == fenced(node)
        assert by_workers[0][epoch][i] != fenced(node[:3])  # not the item's own stream


def test_transform_noise_reseeds_no_gpu_generator():
    """The fence seeds the CPU generator alone: torch.manual_seed would also seed every GPU's
    generator, which fork_rng(devices=[]) does not restore. Without a GPU, CUDA queues such a
    seed in a lazy callback (run when CUDA starts): none may be queued by an item."""
    tracker = torch.cuda._lazy_seed_tracker
    saved = vars(tracker).copy()
    try:
        tracker.__init__()  # nothing queued
        with torch.random.fork_rng(devices=[]):  # the callback this test can see
            torch.manual_seed(1)
        assert tracker.manual_seed_all_cb is not None
        tracker.__init__()
        TransformNoise(4, 0)[1]
        assert tracker.manual_seed_all_cb is None and tracker.manual_seed_cb is None
    finally:
        vars(tracker).update(saved)


def test_item_noise_keys_and_seeds():
    data = ItemNoise(3, 4)
    assert np.array_equal(data[(2, 1)][2:], np.array(item_reference(4, 2, 1))[2:])
    data.set_epoch(2)
    assert np.array_equal(data[1], data[(2, 1)])
    assert data[1][2] != ItemNoise(3, 5)[(2, 1)][2]  # the seed matters
    # item 0 of epoch 0 does not replay default_rng(seed), as [seed, 0, 0] would
    first = np.random.default_rng(np.random.SeedSequence(4, spawn_key=(ITEM_NOISE_KEY, 0, 0)))
    assert first.random() != np.random.default_rng(4).random()
    assert np.random.default_rng([4, 0, 0]).random() == np.random.default_rng(4).random()


def test_item_noise_keeps_the_full_seed_for_its_torch_noise():
    # Items 48553 and 153850 of seed 0 got the same 32-bit torch seed (a birthday collision)
    # when their torch noise came from a torch.Generator seeded per item.
    data = ItemNoise(200_000, 0)
    assert data[48553][3] != data[153850][3]
    assert np.float32(data[5][3]) == data[5][3]  # float32 noise, as torch.randn's


def test_datasets_end_iteration_and_reject_bad_indices():
    for data in (NoisyDataset(3, np.random.default_rng(0)), ItemNoise(3, 0)):
        assert len(list(data)) == 3  # a for loop over a dataset stops at IndexError
        for bad in (3, -1, 1.0, True, "1"):
            with pytest.raises(IndexError, match=r"index must be in \[0, 3\)"):
                data[bad]
    with pytest.raises(IndexError, match="index"):
        ItemNoise(3, 0)[(1, 5)]
    with pytest.raises(ValueError, match="epoch must be >= 0"):
        ItemNoise(3, 0)[(-1, 1)]
    assert np.array_equal(ItemNoise(3, 0)[np.int64(2)], ItemNoise(3, 0)[2])


def test_bad_item_noise_input_is_named():
    with pytest.raises(ValueError, match="n must be >= 1"):
        ItemNoise(0, 1)
    with pytest.raises(ValueError, match="seed must be >= 0"):
        ItemNoise(3, -1)
    with pytest.raises(TypeError, match="seed"):
        ItemNoise(3, 1.5)
    with pytest.raises(ValueError, match="epoch must be >= 0"):
        ItemNoise(3, 1).set_epoch(-1)
    with pytest.raises(TypeError, match="epoch"):
        EpochSampler(range(3)).set_epoch("1")
