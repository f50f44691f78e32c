"""PyTorch ``DataLoader`` workers and NumPy randomness: a dataset that shows what is reseeded.

Each worker process of a ``DataLoader`` is reseeded by PyTorch: ``torch``, Python's
``random`` and NumPy's legacy global ``np.random`` get a seed made from the loader's base
seed and the worker's id. A ``numpy.random.Generator`` *object* held by the dataset is not
reseeded: every worker receives a copy of it (forked, or pickled under ``spawn``) in the
same state, so every worker draws the same "random" numbers. :func:`seed_worker` is the
fix for a fixed number of workers, passed as ``worker_init_fn``.

Which worker loads an item depends on the number of workers, so noise drawn from a
per-worker generator changes when that number changes. :class:`ItemNoise` draws each item's
noise from a generator made from the item's own ids (its epoch and index) and the seed, so
that the items are the same for 0, 1 or any number of workers; :class:`EpochSampler`
carries the epoch to persistent workers.

The classes and functions live in a module, not in the notebook, so that worker processes
started with ``spawn`` (macOS, Windows) can import them. The module imports PyTorch only
inside the functions that need it, so importing it never fails without PyTorch.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

import numpy as np

from helpers._validate import check_int, check_rng, show_value

#: The columns of one item of :class:`NoisyDataset`.
COLUMNS = ("index", "worker", "generator", "legacy", "random")
#: The columns of one item of :class:`ItemNoise`.
ITEM_COLUMNS = ("index", "worker", "numpy", "torch")
#: The columns of one item of :class:`TransformNoise`.
TRANSFORM_COLUMNS = ("index", "worker", "global", "forked")
#: The node of a seed's spawn tree below which :class:`ItemNoise` hangs its items:
#: ``spawn_key=(ITEM_NOISE_KEY, epoch, i)``. ``SeedSequence(seed).spawn(n)[j]`` has the
#: key ``(j,)``, so with ``(epoch, i)`` alone the items would share nodes with a program that
#: also spawns children of its seed and their children (Day 10's runs and streams); no
#: program spawns this many children. "ITEM" in ASCII, below 2**32.
ITEM_NOISE_KEY = 0x4954454D
#: The node below an item's node ``(ITEM_NOISE_KEY, epoch, i)`` that :class:`TransformNoise`
#: seeds a transform from: ``spawn_key=(ITEM_NOISE_KEY, epoch, i, TRANSFORM_KEY)``, a child
#: of the item's node that no ``spawn`` of it reaches, so that the transform's seed and the
#: item's own noise come from two independent streams. "XFRM" in ASCII, below 2**32.
TRANSFORM_KEY = 0x5846524D


def _index(i: object, n: int) -> int:
    """``i`` as an index into ``n`` items, or ``IndexError`` (which also ends a ``for`` loop)."""
    if isinstance(i, bool) or not isinstance(i, int | np.integer) or not 0 <= i < n:
        raise IndexError(f"index must be in [0, {n}), got {show_value(i)}")
    return int(i)


def worker_id() -> int:
    """The id of the ``DataLoader`` worker process running this code; -1 outside workers.

    Examples
    --------
    >>> import pytest; torch = pytest.importorskip("torch")
    >>> worker_id()  # the notebook's own process is not a worker
    -1
    """
    from torch.utils.data import get_worker_info

    info = get_worker_info()
    return -1 if info is None else info.id


class NoisyDataset:
    """``n`` items; item ``i`` is ``[i, worker id, noise, legacy draw, random draw]``.

    The noise is ``rng.standard_normal()`` from the ``Generator`` the dataset holds; the
    legacy draw is ``np.random.random()`` and the random draw ``random.random()``, from the
    global generators that PyTorch reseeds in every worker. A map-style dataset needs only
    ``__len__`` and ``__getitem__``; the loader turns each array into a tensor row.

    Parameters
    ----------
    n : int
        Number of items, at least 1.
    rng : numpy.random.Generator
        The generator of the noise; each worker gets its own copy of it.

    Examples
    --------
    >>> import pytest; torch = pytest.importorskip("torch")
    >>> data = NoisyDataset(4, np.random.default_rng(0))
    >>> len(data), data[3][:3].round(4).tolist()  # index 3, no worker, the noise
    (4, [3.0, -1.0, 0.1257])
    """

    def __init__(self, n: int, rng: np.random.Generator) -> None:
        self.n = check_int(n, "n", minimum=1)
        self.rng = check_rng(rng)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> np.ndarray:
        i = _index(i, self.n)
        # np.random.random() is the legacy global API on purpose: it is what PyTorch reseeds.
        return np.array([i, worker_id(), self.rng.standard_normal(),
                         np.random.random(), random.random()])  # noqa: NPY002


def seed_worker(worker: int) -> None:
    """``DataLoader(..., worker_init_fn=seed_worker)``: a fresh ``Generator`` per worker.

    Replaces the worker's copy of ``dataset.rng`` by ``np.random.default_rng(seed)``, where
    ``seed`` is the worker's PyTorch seed (``get_worker_info().seed``, the same number as
    ``torch.initial_seed()`` inside the worker): the loader's base seed plus the worker's
    id, so different in every worker, and reproducible when the loader has a seeded
    ``generator``. Called by PyTorch in each worker; outside a worker it raises.

    Examples
    --------
    >>> import pytest; torch = pytest.importorskip("torch")
    >>> from torch.utils.data import DataLoader
    >>> loader = DataLoader(NoisyDataset(4, np.random.default_rng(0)), batch_size=2,
    ...                     num_workers=2, worker_init_fn=seed_worker,
    ...                     generator=torch.Generator().manual_seed(0))
    >>> noise = torch.cat(list(loader))[:, 2]
    >>> bool(noise[0] != noise[2])  # worker 0's first item, worker 1's first item
    True
    """
    from torch.utils.data import get_worker_info

    info = get_worker_info()
    if info is None:
        raise RuntimeError("seed_worker runs inside DataLoader workers: pass it as "
                           "DataLoader(..., worker_init_fn=seed_worker), do not call it")
    info.dataset.rng = np.random.default_rng(info.seed)


class ItemNoise:
    """``n`` items whose noise depends on the item, the epoch and the seed, never on a worker.

    Item ``i`` of epoch ``e`` makes a generator of its own from
    ``np.random.SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, e, i))``: the node
    ``(ITEM_NOISE_KEY, e, i)`` of the spawn tree of ``seed``, below a node of the items' own
    (:data:`ITEM_NOISE_KEY`), so that a program that also spawns children of ``seed`` never
    reaches it. (A list ``[seed, e, i]`` would not do: ``SeedSequence`` pads its
    entropy with zeros, so ``[seed, 0, 0]`` is the seed ``seed`` itself.) The item draws its
    NumPy noise from that generator, then its PyTorch noise, a float32 tensor that the same
    generator draws and ``torch.from_numpy`` wraps. (A ``torch.Generator`` seeded per item
    would not do: PyTorch's CPU generator keeps 32 bits of a seed, so among some 10**5 items,
    epochs and seeds two would share their PyTorch noise, by the birthday bound; the
    generator made from the ``SeedSequence`` keeps its 128 bits.) Item ``i`` is
    ``[i, worker id, NumPy noise, PyTorch noise]``. Nothing random is held or copied, so 0,
    1 or any number of workers, in any order, load the same items.

    The main process says which epoch it is with :meth:`set_epoch`, before iterating: a
    loader's (non-persistent) workers copy the dataset at the start of every epoch. Workers
    made with ``persistent_workers=True`` keep the copy they started with; for them the
    epoch must travel with each key, ``(epoch, i)``, which :class:`EpochSampler` sends.

    Parameters
    ----------
    n : int
        Number of items, at least 1.
    seed : int
        The seed of every item's noise, at least 0.

    Examples
    --------
    >>> import pytest; torch = pytest.importorskip("torch")
    >>> data = ItemNoise(4, seed=0)
    >>> item = data[3]  # index 3, no worker, its NumPy and PyTorch noise
    >>> item[:2].tolist(), bool(np.array_equal(item, ItemNoise(4, seed=0)[3]))
    ([3.0, -1.0], True)
    >>> data.set_epoch(1)
    >>> bool(data[3][2] != item[2]), bool(np.array_equal(data[3], data[(1, 3)]))
    (True, True)
    >>> key = (ITEM_NOISE_KEY, 1, 3)  # epoch 1, item 3, below the items' own node
    >>> rng = np.random.default_rng(np.random.SeedSequence(0, spawn_key=key))
    >>> numpy_noise, torch_noise = rng.standard_normal(), rng.standard_normal(dtype=np.float32)
    >>> data[3][2:].tolist() == [numpy_noise, torch_noise]  # the item's own NumPy generator
    True
    >>> data[4]
    Traceback (most recent call last):
    ...
    IndexError: index must be in [0, 4), got 4 (int)
    """

    def __init__(self, n: int, seed: int) -> None:
        self.n = check_int(n, "n", minimum=1)
        self.seed = check_int(seed, "seed")
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Draw the noise of epoch ``epoch`` (an int >= 0) from now on."""
        self.epoch = check_int(epoch, "epoch")

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, key: int | tuple[int, int]) -> np.ndarray:
        import torch

        epoch, i = key if isinstance(key, tuple) else (self.epoch, key)
        i = _index(i, self.n)
        epoch = check_int(epoch, "epoch")
        key = (ITEM_NOISE_KEY, epoch, i)
        rng = np.random.default_rng(np.random.SeedSequence(self.seed, spawn_key=key))
        numpy_noise = rng.standard_normal()
        # PyTorch noise as a float32 tensor, like torch.randn's, drawn by the item's NumPy
        # generator: a torch.Generator would keep only 32 bits of a seed made from it
        torch_noise = torch.from_numpy(rng.standard_normal(1, dtype=np.float32))
        return np.array([i, worker_id(), numpy_noise, torch_noise.item()])


class TransformNoise:
    """``n`` items, each with a draw from PyTorch's global generator and a fenced-off one.

    A torchvision-style transform takes no generator: it draws from PyTorch's global
    generator, which the loader reseeds in each worker and which the main process uses
    with 0 workers, so its draws change with ``num_workers`` even when the dataset makes
    the item's own generator. Item ``i`` is ``[i, worker id, global, forked]``: ``global``
    is ``torch.rand(1)`` as such a transform would draw it; ``forked`` is the same call
    inside ``torch.random.fork_rng(devices=[])``, after seeding the CPU generator
    (``torch.default_generator.manual_seed``) with a seed drawn from the transform's own
    generator for item ``i`` of epoch ``e``,
    ``SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, e, i, TRANSFORM_KEY))``: keyed by the
    epoch, so the transform changes from epoch to epoch (a key without it would repeat one
    augmentation every epoch), and a child of the item's node, not the node itself, so the
    transform's seed is not drawn from the stream of the item's own noise
    (:class:`ItemNoise`'s). Not ``torch.manual_seed``: it also seeds every GPU's (and MPS's)
    generator, which a fork of the CPU state alone does not restore. That seed has 32 bits,
    all that PyTorch's CPU generator keeps: among some 10**5 items, epochs and seeds two
    share one, by the birthday bound.

    As for :class:`ItemNoise`, the main process sets the epoch with :meth:`set_epoch`, or
    an :class:`EpochSampler` sends keys ``(epoch, i)``.

    Examples
    --------
    >>> import pytest; torch = pytest.importorskip("torch")
    >>> data = TransformNoise(2, seed=0)
    >>> bool(data[1][3] == data[1][3]), bool(data[1][2] == data[1][2])  # forked repeats
    (True, False)
    >>> epoch0 = data[1][3]
    >>> data.set_epoch(1)
    >>> bool(data[1][3] != epoch0), bool(data[1][3] == data[(1, 1)][3])
    (True, True)
    """

    def __init__(self, n: int, seed: int) -> None:
        self.n = check_int(n, "n", minimum=1)
        self.seed = check_int(seed, "seed")
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Draw the transforms of epoch ``epoch`` (an int >= 0) from now on."""
        self.epoch = check_int(epoch, "epoch")

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, key: int | tuple[int, int]) -> np.ndarray:
        import torch

        epoch, i = key if isinstance(key, tuple) else (self.epoch, key)
        i = _index(i, self.n)
        epoch = check_int(epoch, "epoch")
        global_draw = torch.rand(1).item()  # what a transform without a generator does
        # the transform's own node, below the item's (ITEM_NOISE_KEY, epoch, i)
        node = (ITEM_NOISE_KEY, epoch, i, TRANSFORM_KEY)
        rng = np.random.default_rng(np.random.SeedSequence(self.seed, spawn_key=node))
        with torch.random.fork_rng(devices=[]):  # restores the CPU generator's state on exit
            # the CPU generator only: torch.manual_seed would also seed the GPUs' generators,
            # which fork_rng(devices=[]) does not restore; 32 bits: all torch keeps
            torch.default_generator.manual_seed(int(rng.integers(2**32)))
            forked_draw = torch.rand(1).item()
        return np.array([i, worker_id(), global_draw, forked_draw])


class EpochSampler:
    """``DataLoader(..., sampler=EpochSampler(indices))``: keys ``(epoch, i)``, in order.

    A sampler runs in the main process, and the loader sends each key to a worker, so the
    epoch set here with :meth:`set_epoch` reaches persistent workers too (a dataset
    attribute set in the main process does not: they hold their own copy).

    Parameters
    ----------
    indices : iterable of int with a length
        The indices to send, e.g. ``range(n)`` or a ``RandomSampler`` (which shuffles).

    Examples
    --------
    >>> sampler = EpochSampler(range(3))
    >>> sampler.set_epoch(2)
    >>> list(sampler), len(sampler)
    ([(2, 0), (2, 1), (2, 2)], 3)
    """

    def __init__(self, indices: Iterable[int]) -> None:
        self.indices = indices
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Send ``(epoch, i)`` keys from now on (``epoch`` an int >= 0)."""
        self.epoch = check_int(epoch, "epoch")

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return ((self.epoch, int(i)) for i in self.indices)

    def __len__(self) -> int:
        return len(self.indices)
