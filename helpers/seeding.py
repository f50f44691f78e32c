"""Independent random streams from one seed (Day 1).

One seed controls a whole experiment; ``SeedSequence.spawn`` derives child seeds whose
streams do not overlap in practice, so data shuffling, weight initialization and dropout
masks can each have their own ``Generator`` and adding draws to one never shifts another.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from helpers._validate import check_int, show_value


def named_streams(seed: int, names: Sequence[str]) -> dict[str, np.random.Generator]:
    """Spawn one independent ``Generator`` per name from a single seed.

    Parameters
    ----------
    seed : int
        The experiment's seed (a non-negative integer).
    names : sequence of str
        One name per stream, e.g. ``("data", "init", "dropout")``. The i-th name gets
        the i-th child of ``np.random.SeedSequence(seed)``, so the order matters and
        appending a new name leaves the existing streams unchanged.

    Returns
    -------
    dict of str to numpy.random.Generator

    Examples
    --------
    >>> streams = named_streams(42, ["data", "init"])
    >>> sorted(streams)
    ['data', 'init']
    >>> again = named_streams(42, ["data", "init", "dropout"])
    >>> bool(streams["init"].random() == again["init"].random())
    True
    """
    seed = check_int(seed, "seed")
    if (isinstance(names, str) or not isinstance(names, Sequence)
            or not all(isinstance(n, str) for n in names)):
        raise TypeError(f"names must be a list or tuple of str (in a fixed order: the i-th "
                        f"name gets the i-th stream), got {show_value(names)}")
    if len(set(names)) != len(names) or not names:
        raise ValueError(f"names must be non-empty and distinct, got {list(names)}")
    children = np.random.SeedSequence(seed).spawn(len(names))
    return {name: np.random.default_rng(child) for name, child in zip(names, children,
                                                                       strict=True)}
