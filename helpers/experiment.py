"""One complete, seeded experiment on the digits, with one stream per random source (Day 10).

Every random choice of the experiment draws from its own named stream (Day 1): the
train/test ``split``, the weight ``init``, the ``dropout`` masks and the mini-batch
``shuffle``. Standardization has no randomness of its own, but it is fitted on the training
part that the split chose (Day 4), so it changes with the split. One ``SeedSequence``
spawns the four streams, so one seed repeats the whole experiment, and swapping one stream
for another seed's varies that source alone while the others stay fixed.

:func:`run_seed` is the function that parallel worker processes run: it takes a
``SeedSequence`` (picklable, tiny) rather than a ``Generator``, loads the digits once per
process, and returns exactly what the serial loop returns.

Examples
--------
>>> seed = np.random.SeedSequence(0).spawn(1)[0]
>>> run_seed(seed, Config(num_epochs=2)) == run_seed(seed, Config(num_epochs=2))
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from helpers._validate import (
    as_float_array,
    check_int,
    check_positive,
    check_probability,
    check_rng,
)
from helpers.data import load_digits
from helpers.init import he_normal, lecun_normal, xavier_normal
from helpers.nn import MLP, train_sgd
from helpers.preprocessing import StandardScaler

#: The experiment's random sources, in the order their streams are spawned.
SOURCES = ("split", "init", "dropout", "shuffle")

#: Initializers a :class:`Config` can name (Day 5).
INITS = {"he_normal": he_normal, "lecun_normal": lecun_normal, "xavier_normal": xavier_normal}

#: How many images the digits hold (``helpers.data.load_digits``), so that a
#: :class:`Config` can check its split without loading them.
NUM_DIGITS = 1797
#: Fewest images in each part of the split: a test accuracy in steps of at most 1 %, and
#: about 10 training images per class.
MIN_SPLIT_IMAGES = 100


@dataclass(frozen=True)
class Config:
    """Everything about the experiment that is NOT random: what is held fixed across seeds.

    Parameters
    ----------
    num_hiddens : int
        Width of the one hidden layer (64 inputs -> num_hiddens -> 10 classes, ReLU).
    init : str
        Name of the weight initializer, a key of :data:`INITS`.
    dropout_p : float
        Drop probability of the hidden units during training.
    lr, num_epochs, batch_size
        Mini-batch SGD (:func:`helpers.nn.train_sgd`).
    test_size : float
        Share of the images held out for testing: each part must hold at least
        ``MIN_SPLIT_IMAGES`` (100) of the 1797 digits, so ``test_size`` lies in
        [0.056, 0.944] (to 3 decimals).

    Examples
    --------
    >>> Config(init="lecun_normal").num_hiddens
    32
    >>> Config(init="glorot")
    Traceback (most recent call last):
    ...
    ValueError: init must be one of ['he_normal', 'lecun_normal', 'xavier_normal'], got 'glorot'
    """

    num_hiddens: int = 32
    init: str = "he_normal"
    dropout_p: float = 0.2
    lr: float = 0.2
    num_epochs: int = 10
    batch_size: int = 64
    test_size: float = 0.2

    def __post_init__(self) -> None:
        check_int(self.num_hiddens, "num_hiddens", minimum=1)
        if not isinstance(self.init, str) or self.init not in INITS:
            raise ValueError(f"init must be one of {sorted(INITS)}, got {self.init!r}")
        check_probability(self.dropout_p, "dropout_p")
        if self.dropout_p == 1:
            raise ValueError("dropout_p must be below 1 (1 drops every hidden unit), got 1")
        check_positive(self.lr, "lr")
        check_int(self.num_epochs, "num_epochs", minimum=1)
        check_int(self.batch_size, "batch_size", minimum=1)
        test_size = check_probability(self.test_size, "test_size")
        num_test = round(test_size * NUM_DIGITS)  # as run_experiment splits
        if not MIN_SPLIT_IMAGES <= num_test <= NUM_DIGITS - MIN_SPLIT_IMAGES:
            # the allowed range, rounded inwards to 3 decimals
            low = math.ceil(1000 * (MIN_SPLIT_IMAGES - 0.5) / NUM_DIGITS) / 1000
            high = math.floor(1000 * (NUM_DIGITS - MIN_SPLIT_IMAGES + 0.5) / NUM_DIGITS) / 1000
            raise ValueError(
                f"test_size must leave at least {MIN_SPLIT_IMAGES} of the {NUM_DIGITS} digits "
                f"in the test part and in the training part (test_size from {low:.3f} to "
                f"{high:.3f}), got {test_size!r}: {num_test} test images")


class Components(NamedTuple):
    """Variance components of a crossed table (see :func:`two_way_components`)."""

    rows: float
    columns: float
    interaction: float


def two_way_components(table: np.typing.ArrayLike) -> Components:
    """Variance components of a crossed design with one run per cell (random effects).

    ``table[i, j]`` is the result of row level ``i`` (e.g. the i-th split) crossed with
    column level ``j`` (the j-th initialization). The two-way decomposition (analysis of
    variance without replication) splits the table into row effects, column effects and
    what neither explains, the interaction ``table - row mean - column mean + grand mean``.
    Each is a mean square; the expected mean squares of the random-effects model give

        interaction = MS_int,  rows = (MS_rows - MS_int) / J,  columns = (MS_cols - MS_int) / I

    (with one run per cell, the interaction also holds any noise that is neither rows nor
    columns). A negative estimate (a main effect smaller than the interaction suggests)
    is reported as 0.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> rows, cols = rng.normal(0, 2, (200, 1)), rng.normal(0, 1, (1, 200))
    >>> table = rows + cols + rng.normal(0, 0.5, (200, 200))  # variances 4, 1 and 0.25
    >>> [round(v, 2) for v in two_way_components(table)]
    [3.73, 1.06, 0.25]
    """
    arr = np.asarray(table, dtype=float)
    if arr.ndim != 2 or min(arr.shape) < 2:
        raise ValueError(f"table must be 2-D with at least 2 rows and 2 columns (one run per "
                         f"cell), got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("table must hold finite numbers (one result per cell)")
    num_rows, num_cols = arr.shape
    grand = arr.mean()
    row_means, col_means = arr.mean(axis=1, keepdims=True), arr.mean(axis=0, keepdims=True)
    ms_rows = num_cols * np.sum((row_means - grand) ** 2) / (num_rows - 1)
    ms_cols = num_rows * np.sum((col_means - grand) ** 2) / (num_cols - 1)
    residual = arr - row_means - col_means + grand
    ms_int = np.sum(residual**2) / ((num_rows - 1) * (num_cols - 1))
    return Components(max(0.0, float(ms_rows - ms_int) / num_cols),
                      max(0.0, float(ms_cols - ms_int) / num_rows), float(ms_int))


class Run(NamedTuple):
    """What one run reports: test accuracy, the last epoch's mean training loss, and which
    test images (in the split's order) it classified right (for per-image tests such as
    McNemar's)."""

    test_acc: float
    loss: float
    correct: tuple[bool, ...]


def streams_from(seed: np.random.SeedSequence,
                 names: Sequence[str] = SOURCES) -> dict[str, np.random.Generator]:
    """One ``Generator`` per name from a ``SeedSequence``: the i-th name gets its i-th child.

    The same children as ``seed.spawn(len(names))`` on a fresh ``seed``, and so the same
    streams as ``helpers.seeding.named_streams(s, names)`` when ``seed`` is
    ``SeedSequence(s)``. Unlike ``spawn``, which counts the children it has handed out
    and gives NEW ones when called again, this builds them from ``seed.entropy`` and
    ``seed.spawn_key``: calling it twice on the same seed gives the same streams.

    Examples
    --------
    >>> seed = np.random.SeedSequence(42)
    >>> a, b = streams_from(seed), streams_from(seed)
    >>> bool(a["init"].random() == b["init"].random())
    True
    >>> from helpers.seeding import named_streams
    >>> same = named_streams(42, SOURCES)
    >>> bool(streams_from(seed)["dropout"].random() == same["dropout"].random())
    True
    """
    if not isinstance(seed, np.random.SeedSequence):
        raise TypeError(f"seed must be a numpy.random.SeedSequence (e.g. a child from "
                        f"SeedSequence(SEED).spawn(n)), got {type(seed).__name__}")
    if isinstance(names, str) or not names or not all(isinstance(n, str) for n in names):
        raise TypeError(f"names must be a non-empty sequence of str, got {names!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"names must be distinct, got {list(names)}")
    children = [np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, i),
                                       pool_size=seed.pool_size) for i in range(len(names))]
    return {name: np.random.default_rng(child) for name, child in zip(names, children,
                                                                       strict=True)}


def check_streams(streams: Mapping[str, np.random.Generator]) -> None:
    """Raise a clear error unless ``streams`` maps every name in :data:`SOURCES` to a
    ``Generator``.

    Examples
    --------
    >>> check_streams({"split": np.random.default_rng(0)})
    Traceback (most recent call last):
    ...
    ValueError: streams lacks ['dropout', 'init', 'shuffle']; it needs one Generator per
    source ('split', 'init', 'dropout', 'shuffle')
    """
    if not isinstance(streams, Mapping):
        raise TypeError(f"streams must be a dict of source name to Generator, got "
                        f"{type(streams).__name__}")
    missing = sorted(set(SOURCES) - set(streams))
    if missing:
        raise ValueError(f"streams lacks {missing}; it needs one Generator per source "
                         f"{SOURCES}")
    for name in SOURCES:
        check_rng(streams[name], f"streams[{name!r}]")


def run_experiment(X: np.ndarray, y: np.ndarray, streams: dict, config: Config) -> Run:  #@save
    """Split, standardize, initialize, train and test once; each random choice has a stream."""
    check_streams(streams)
    num_test = round(config.test_size * len(y))
    order = streams["split"].permutation(len(y))  # 1. which images are held out for testing
    test, train = order[:num_test], order[num_test:]
    scaler = StandardScaler().fit(X[train])  # 2. fitted on the training part only (Day 4)
    X_train, X_test = scaler.transform(X[train]), scaler.transform(X[test])
    num_classes = int(y.max()) + 1
    model = MLP((X.shape[1], config.num_hiddens, num_classes), streams["init"],  # 3. weights
                init=INITS[config.init], dropout_p=config.dropout_p)
    history = train_sgd(model, X_train, y[train], lr=config.lr, num_epochs=config.num_epochs,
                        batch_size=config.batch_size, rng=streams["shuffle"],  # 5. batches
                        dropout_rng=streams["dropout"],  # 4. dropout masks
                        eval_every=config.num_epochs)
    correct = model.forward(X_test).argmax(axis=1) == y[test]  # 6. which images it got right
    return Run(float(correct.mean()), history["loss"][-1], tuple(correct.tolist()))


@functools.cache
def _digits() -> tuple[np.ndarray, np.ndarray]:
    """The digits, loaded once per process (each worker process loads its own copy)."""
    X, y = load_digits()
    X.flags.writeable = False  # shared by every run of this process: nobody may change it
    y.flags.writeable = False
    return X, y


def run_seed(seed: np.random.SeedSequence, config: Config) -> Run:
    """The whole experiment on the digits, every source from ``seed``'s named streams.

    A top-level function of an importable module, so that ``ProcessPoolExecutor`` can send
    it to worker processes; give each task its own ``SeedSequence`` child, never one shared
    ``Generator`` (a pickled ``Generator`` is a copy: every task would draw the same numbers).

    Examples
    --------
    >>> run = run_seed(np.random.SeedSequence(7), Config(num_epochs=3))
    >>> 0.8 < run.test_acc <= 1.0
    True
    """
    if not isinstance(config, Config):
        raise TypeError(f"config must be a helpers.experiment.Config, got "
                        f"{type(config).__name__}")
    X, y = _digits()
    return run_experiment(X, y, streams_from(seed), config)



def nearest_centroid_accuracy(X: np.typing.ArrayLike, y: np.typing.ArrayLike,
                              is_test: np.typing.ArrayLike) -> np.ndarray:
    """Test accuracy of the nearest-class-mean classifier for many splits at once.

    Row ``s`` of the boolean ``is_test`` (splits, images) marks split ``s``'s test images;
    the other images train it: each class's mean training image is its centroid, and a
    test image gets the class of the nearest centroid (Euclidean distance). A classifier
    cheap enough to refit thousands of times, for simulations where the truth must be
    known (Day 10's coverage check); it is not the course's network.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [9.0], [10.0], [4.0], [6.0]])
    >>> y = np.array([0, 0, 1, 1, 0, 1])
    >>> is_test = np.array([[0, 0, 0, 0, 1, 1], [1, 0, 1, 0, 0, 0]], dtype=bool)
    >>> nearest_centroid_accuracy(X, y, is_test)
    array([1., 1.])
    """
    X = as_float_array(X, "X", ndim=2)
    labels = np.asarray(y)
    if (labels.shape != (len(X),) or not np.issubdtype(labels.dtype, np.integer)
            or labels.min(initial=0) < 0):
        raise ValueError(f"y must hold one class index (an integer >= 0) per row of X "
                         f"({len(X)}), got shape {labels.shape} and dtype {labels.dtype}")
    mask = np.asarray(is_test)
    if mask.dtype != bool or mask.ndim != 2 or mask.shape[1] != len(X):
        raise ValueError(f"is_test must be a boolean array (splits, {len(X)} images), got "
                         f"shape {mask.shape} and dtype {mask.dtype}")
    num_classes = int(labels.max()) + 1
    onehot = (labels[:, None] == np.arange(num_classes)).astype(float)  # (images, classes)
    train = (~mask).astype(float)
    counts = train @ onehot  # (splits, classes): training images per class
    if not mask.any(axis=1).all() or (counts == 0).any():
        raise ValueError("every split needs at least one test image and a training image "
                         "of every class")
    # every split's class sums in one product: (splits * classes, images) @ (images, dims)
    weights = (train[:, None, :] * onehot.T).reshape(-1, len(X))
    centroids = (weights @ X).reshape(len(mask), num_classes, -1) / counts[..., None]
    # nearest centroid = largest x.c - |c|^2 / 2, for every image and split at once
    scores = (centroids.reshape(-1, X.shape[1]) @ X.T).reshape(len(mask), num_classes, -1)
    scores -= 0.5 * np.sum(centroids**2, axis=2)[..., None]
    right = scores.argmax(axis=1) == labels  # (splits, images)
    return np.sum(right & mask, axis=1) / mask.sum(axis=1)
