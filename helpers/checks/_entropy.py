"""How much of its ``rng`` a learner's function reads: a test for a seed of
``SEED_BITS`` bits or fewer drawn from ``rng``, however it is scrambled afterwards.

:func:`narrow_first_draw` builds pairs of PCG64 Generators whose first 64-bit output is
chosen: one pair agrees in the low ``SEED_BITS`` bits of it and differs in the high
``64 - SEED_BITS``, the other agrees in the high ``SEED_BITS`` and differs in the low
ones. NumPy's ``integers`` reads the low 32 bits of an output for a bounded 32-bit draw
(``rng.integers(2**32)``, ``rng.integers(10**6)``) and the high bits for a wider range
(Lemire's method: ``rng.integers(2**40)`` is the output's top 40 bits), ``random`` reads
the top 53. A function whose result is the same for both members of a pair used at most
``SEED_BITS`` bits of rng's first draw and nothing else of rng: a narrow seed, bare, hashed
(``hash(str(s))``), multiplied or squared, makes the same generator in both. A function
that draws its work from rng, from a seed drawn wide (``rng.integers(2**63)``) or from
``rng.spawn`` gives different results (the members' SeedSequences differ too, so their
spawned children do).

With ``halves=True`` it also builds pairs for a narrow seed put together from two
bounded 32-bit draws (``rng.integers(2**20, size=2)``, combined as ``s * 2**40 + t``): NumPy
serves them from the low and the high 32-bit half of one output, reading the top bits of
each, so pairs agree in the top ``a`` bits of the low half and the top ``SEED_BITS - a``
of the high half, for every split ``a``.

With ``positions`` it chooses a later output instead of the first (position 1: the second
64-bit output), for a narrow seed drawn after a throwaway draw (``rng.random(); s =
rng.integers(2**32)``): the outputs before it differ between the members of a pair.

What it cannot see: a narrow seed drawn after more throwaway draws than ``positions``
covers; a narrow seed combined with anything else drawn from rng; a result that does not
depend on the seed at all (then the result is the same for every rng, which a check tests
apart).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.checks._seeding import SEED_BITS

#: PCG64's LCG (NumPy's PCG64: 128-bit state, ``state * MULT + inc``, then the XSL-RR output
#: of the new state).
PCG64_MULT = 0x2360ED051FC65DA44385DF649FCCF645
_MASK64, _MASK128 = 2**64 - 1, 2**128 - 1
_MULT_INVERSE = pow(PCG64_MULT, -1, 2**128)


def _rotl64(value: int, rot: int) -> int:
    return ((value << rot) | (value >> (64 - rot))) & _MASK64 if rot else value


def generator_with_first(output: int, seed: int, position: int = 0) -> np.random.Generator:
    """A PCG64 Generator whose first ``random_raw()`` (and so its first 64-bit draw) is
    ``output`` (with ``position`` k, its (k + 1)-th: the LCG is stepped back k more times);
    ``seed`` makes its SeedSequence (and increment), so that generators made with different
    seeds spawn different children.

    Parameters
    ----------
    output : int
        The first 64-bit output, 0 <= output < 2**64.
    seed : int
        The seed of the Generator's SeedSequence.
    position : int, optional
        How many outputs come before the chosen one.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> g = generator_with_first(0x0123456789ABCDEF, seed=7)
    >>> hex(int(g.bit_generator.random_raw()))
    '0x123456789abcdef'
    >>> g = generator_with_first(0x0123456789ABCDEF, seed=7, position=2)
    >>> hex(int(g.bit_generator.random_raw(3)[2]))
    '0x123456789abcdef'
    """
    if not 0 <= int(output) < 2**64:
        raise ValueError(f"output must be a 64-bit unsigned integer, got {output!r}")
    bit_generator = np.random.PCG64(seed)
    state = bit_generator.state
    inc = int(state["state"]["inc"])
    # the new state: high half from the seed's own stream (its top 6 bits are the rotation),
    # low half solved from XSL-RR: output = rotr64(high ^ low, rot)
    high = int(np.random.default_rng([seed, 1]).integers(2**64, dtype=np.uint64))
    rot = high >> 58
    low = _rotl64(int(output), rot) ^ high
    new = (high << 64) | low
    previous = new
    for _ in range(int(position) + 1):  # one LCG step back, then one per earlier output
        previous = ((previous - inc) * _MULT_INVERSE) & _MASK128
    state["state"]["state"] = previous
    state["has_uint32"], state["uinteger"] = 0, 0
    bit_generator.state = state
    return np.random.Generator(bit_generator)


def _pairs(seed: int) -> list[tuple[int, int]]:
    """Two pairs of first outputs: agreeing in the low ``SEED_BITS`` bits (differing in all
    the high ones), and agreeing in the high ``SEED_BITS`` bits (differing in the low)."""
    rng = np.random.default_rng(seed)
    a, b = (int(v) for v in rng.integers(2**64, size=2, dtype=np.uint64))
    rest = 64 - SEED_BITS
    low, high = (1 << SEED_BITS) - 1, ((1 << SEED_BITS) - 1) << rest
    flip_high, flip_low = _MASK64 ^ low, _MASK64 ^ high
    return [(a, a ^ flip_high), (b, b ^ flip_low)]


def first_draw_pairs(seed: int) -> list[tuple[int, int]]:
    """The pairs of first outputs of :func:`narrow_first_draw` (without the halves), for
    probes that build their own Generators from them."""
    return _pairs(seed)


def _half_pairs(seed: int) -> list[tuple[int, int]]:
    """Pairs of first outputs agreeing in the top ``a`` bits of the low 32-bit half and the
    top ``SEED_BITS - a`` bits of the high half (differing in all the other bits), for every
    ``a`` from ``SEED_BITS - 32`` to 32: what two bounded 32-bit draws of ``a`` and
    ``SEED_BITS - a`` bits or fewer read (a full 32-bit draw and a narrow one among them)."""
    rng = np.random.default_rng([seed, 2])
    pairs = []
    # last, the splits 32 / 8 and 8 / 32 with the narrow draw's bits at the top of its half
    # (int(rng.integers(2**32)) * 2**32 + int(rng.integers(2**8)): Lemire's method reads a
    # bounded draw's top bits), which the low and high bits of :func:`_pairs` do not line up
    for a in [*range(SEED_BITS - 31, 32), 32, SEED_BITS - 32]:
        keep = ((((1 << a) - 1) << (32 - a))
                | ((((1 << (SEED_BITS - a)) - 1) << (32 - SEED_BITS + a)) << 32))
        one = int(rng.integers(2**64, dtype=np.uint64))
        pairs.append((one, one ^ (_MASK64 ^ keep)))
    return pairs


def narrow_first_draw(run: Callable[[np.random.Generator], Any], seed: int = 0,
                      halves: bool = False, positions: tuple[int, ...] = (0,)) -> bool:
    """Whether ``run(rng)`` gives the same result for both members of either pair of
    Generators whose first outputs agree in ``SEED_BITS`` bits (the low ones, or the high
    ones) and differ in the rest: what it computes depends on rng through at most
    ``SEED_BITS`` bits of rng's first draw, that is, through a narrow seed drawn from rng,
    however scrambled. Results are compared with ``==`` (arrays with ``np.array_equal``).

    Parameters
    ----------
    run : callable
        Called with each Generator; returns the learner's result.
    seed : int, optional
        Chooses the pairs' outputs and the Generators' SeedSequences.
    halves : bool, optional
        Also the pairs agreeing in ``SEED_BITS`` bits split between the output's two 32-bit
        halves (two narrow draws, ``rng.integers(2**20, size=2)``).
    positions : tuple of int, optional
        Which 64-bit outputs of rng the pairs choose (0: the first; 1 and 2 see a narrow
        seed drawn after one or two throwaway draws, ``rng.random()``); every pair is tried
        at each, so the calls of ``run`` grow with their number.

    Returns
    -------
    bool

    Examples
    --------
    >>> def narrow(rng):
    ...     g = np.random.default_rng(hash(str(int(rng.integers(2**32)))) % 2**64)
    ...     return float(g.random())
    >>> narrow_first_draw(narrow), narrow_first_draw(lambda rng: float(rng.random()))
    (True, False)
    >>> def two_draws(rng):
    ...     s, t = (int(v) for v in rng.integers(2**20, size=2))
    ...     return float(np.random.default_rng(s * 2**40 + t).random())
    >>> narrow_first_draw(two_draws), narrow_first_draw(two_draws, halves=True)
    (False, True)
    >>> narrow_first_draw(lambda rng: float(rng.random()), halves=True)
    False
    >>> def after_throwaway(rng):
    ...     rng.random()
    ...     return float(np.random.default_rng(int(rng.integers(2**32)) ** 2).random())
    >>> narrow_first_draw(after_throwaway), narrow_first_draw(after_throwaway, positions=(0, 1))
    (False, True)
    >>> narrow_first_draw(lambda rng: float(rng.random(3)[2]), positions=(0, 1, 2))
    False
    """
    pairs = _pairs(seed) + (_half_pairs(seed) if halves else [])
    tries = [(position, pair) for position in positions for pair in pairs]
    for k, (position, (one, other)) in enumerate(tries):
        first = run(generator_with_first(one, seed=2 * k + 1 + 1000 * seed, position=position))
        second = run(generator_with_first(other, seed=2 * k + 2 + 1000 * seed,
                                          position=position))
        if isinstance(first, np.ndarray) or isinstance(second, np.ndarray):
            same = np.array_equal(np.asarray(first), np.asarray(second))
        else:
            same = bool(first == second)
        if same:
            return True
    return False
