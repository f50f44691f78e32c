"""Whether a learner's function advanced the caller's ``rng``: the one test, shared by the
checks whose prompt says to draw from ``rng``.

Drawing from ``rng`` moves its bit generator's state, and ``rng.spawn`` moves its
SeedSequence's count of children, so the caller's next draws (or children) differ from
those the function used. A function that draws from ``copy.deepcopy(rng)``, from
``Generator(rng.bit_generator.jumped())``, or from ``rng`` whose state it saves and then
restores leaves ``rng`` where it was: the caller's next draws repeat the function's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

#: The hint of an answer that leaves the caller's rng where it was.
NOT_ADVANCED_HINT = (
    "your function left rng where it found it: it drew from a copy (copy.deepcopy(rng), "
    "rng.bit_generator.jumped()) or restored rng's saved state, so the caller's next draws "
    "repeat the ones you used. Draw from rng itself (or from rng.spawn(1)[0])")


def _same(a: Any, b: Any) -> bool:
    """Equality of two generator states (dicts, tuples, arrays and integers)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple, np.ndarray)) or isinstance(b, (list, tuple, np.ndarray)):
        return np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
    return bool(a == b)


def rng_position(rng: np.random.Generator) -> tuple[Any, int]:
    """Where ``rng`` is: its bit generator's state and how many children its SeedSequence
    has spawned (-1 when it has none)."""
    seed_seq = getattr(rng.bit_generator, "seed_seq", None)
    return rng.bit_generator.state, getattr(seed_seq, "n_children_spawned", -1)


def rng_advanced(run: Callable[[np.random.Generator], Any], seed: int = 0) -> bool:
    """Whether ``run(rng)`` advanced ``rng = np.random.default_rng(seed)``: drew from it or
    spawned from it (see the module's docstring).

    Parameters
    ----------
    run : callable
        Called once with the Generator; what it returns is ignored.
    seed : int, optional
        The seed of the Generator.

    Returns
    -------
    bool

    Examples
    --------
    >>> import copy
    >>> rng_advanced(lambda rng: rng.random()), rng_advanced(lambda rng: rng.spawn(1))
    (True, True)
    >>> rng_advanced(lambda rng: copy.deepcopy(rng).random())
    False
    >>> rng_advanced(lambda rng: np.random.default_rng(rng.bit_generator.jumped()).random())
    False
    >>> def restored(rng):
    ...     saved = rng.bit_generator.state
    ...     rng.random()
    ...     rng.bit_generator.state = saved
    >>> rng_advanced(restored)
    False
    """
    rng = np.random.default_rng(seed)
    state, children = rng_position(rng)
    run(rng)
    now, children_now = rng_position(rng)
    return children_now != children or not _same(state, now)


def shifted_copy_hint(what: str) -> str:
    """The hint for two calls with one rng whose draws are largely the same, shifted: the
    function drew from a copy of rng and moved rng on by a token draw, so that the copy of
    the next call starts a draw or so after this one's. ``what``: what the two calls shared.

    >>> shifted_copy_hint("shared their weights")[:55]
    'two calls with the same rng shared their weights: the s'
    """
    return (f"two calls with the same rng {what}: the second call's draws are the first's, "
            "shifted. Your function draws from a copy of rng (copy.deepcopy(rng), "
            "rng.bit_generator.jumped()) and moves rng on by a token draw, so each call's copy "
            "starts a draw or so after the previous one's and repeats its draws. Draw "
            "everything from rng itself (or from rng.spawn(1)[0])")


def shared_share(first: Any, second: Any) -> float:
    """The share of ``second``'s distinct values (flattened) found, exactly, among
    ``first``'s: about 0 for independent float draws, nearly 1 for draws of a copy of rng
    shifted by a few (:func:`shifted_copy_hint`).

    >>> rng = np.random.default_rng(0)
    >>> z = rng.standard_normal(101)
    >>> shared_share(z[:-1], z[1:]), shared_share(z, rng.standard_normal(100))
    (0.99, 0.0)
    """
    a, b = np.ravel(np.asarray(first, dtype=float)), np.ravel(np.asarray(second, dtype=float))
    b = np.unique(b)
    return float(np.isin(b, a).sum() / b.size) if b.size else 0.0
