"""PyTorch ``DataLoader`` workers and NumPy randomness: a dataset that shows what is reseeded.

Each worker process of a ``DataLoader`` is reseeded by PyTorch: ``torch``, Python's
``random`` and NumPy's legacy global ``np.random`` get a seed made from the loader's base
seed and the worker's id. A ``numpy.random.Generator`` *object* held by the dataset is not
reseeded: every worker receives a copy of it (forked, or pickled under ``spawn``) in the
same state, so every worker draws the same "random" numbers. :func:`seed_worker` is the
fix, passed as ``worker_init_fn``.

The classes and functions live in a module, not in the notebook, so that worker processes
started with ``spawn`` (macOS, Windows) can import them. The module imports PyTorch only
inside the functions that need it, so importing it never fails without PyTorch.
"""

from __future__ import annotations

import random

import numpy as np

from helpers._validate import check_int, check_rng

#: The columns of one item of :class:`NoisyDataset`.
COLUMNS = ("index", "worker", "generator", "legacy", "random")


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
