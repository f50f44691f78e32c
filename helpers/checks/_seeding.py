"""What a learner's function seeds while it runs: the generators it makes and every integer
that goes into a seed; shared by the checks of Days 1, 2, 5, 6, 7, 8, 9 and 10 (see
:func:`watch_seeding` and :func:`constant_step`)."""

from __future__ import annotations

import builtins
import contextlib
import dis
import functools
import importlib.util
import itertools
import math
import random
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from helpers.exercises import TORCH_WATCHES


class Seeding:
    """What a learner's call made: ``torch.Generator`` objects, ``manual_seed`` calls, and
    the integer seeds passed to ``manual_seed``, ``np.random.default_rng``,
    ``SeedSequence`` or a bit generator (a list or a ``SeedSequence`` is not one)."""

    def __init__(self) -> None:
        self.generators = 0
        self.manual_seeds = 0
        self.numpy_made = 0
        self.seeds: list[int] = []
        #: the integer seeds among :attr:`seeds` that went to ``manual_seed`` (the rest went
        #: to NumPy)
        self.torch_seeds: list[int] = []
        #: every integer that went into a seed, in order: an integer seed, the integers of a
        #: list seed, and a SeedSequence's spawn_key
        self.keys: list[int] = []
        #: the same integers, one list per generator (or SeedSequence) made with any, in order
        self.groups: list[list[int]] = []
        self.string_hashes = 0
        #: calls of the builtin ``hash`` on anything (text included): a tuple's hash is not
        #: the same in every Python version and build either
        self.hashes = 0
        #: states set on a watched generator after it was made (``bit_generator.state = ...``,
        #: ``RandomState.set_state``): a seed too, whether it restores a saved state or sets one
        self.state_sets = 0
        #: the NumPy bit generators made (PCG64, Philox, ...: default_rng's too), each with
        #: its state when made (one never drawn from or advanced is still in that state)
        self.bit_generators: list[tuple[Any, dict]] = []

    def note(self, value: object, spawn_key: object = ()) -> None:
        if is_int(value):
            self.seeds.append(int(value))
        group: list[int] = []
        for part in (value, spawn_key):
            items = part if isinstance(part, (list, tuple, np.ndarray)) else [part]
            group.extend(int(v) for v in np.ravel(np.asarray(items, dtype=object))
                         if is_int(v))
        self.keys.extend(group)
        if group:
            self.groups.append(group)


def is_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def entropy_int(value: object) -> int | None:
    """The integer a seed value stands for when SeedSequence reads it as such: a
    non-negative integer itself, or a list, tuple or array of integers each below 2**32 (its
    words, least significant first: ``[k]`` and ``[k, 0]`` are the seed k, since SeedSequence
    pads with zeros); None for anything else."""
    if is_int(value):
        return int(value) if int(value) >= 0 else None
    if isinstance(value, (list, tuple, np.ndarray)):
        words = np.ravel(np.asarray(value, dtype=object)).tolist()
        if words and all(is_int(v) and 0 <= int(v) < 2**32 for v in words):
            return sum(int(v) << (32 * i) for i, v in enumerate(words))
    return None


def holds_text(value: object) -> bool:
    """Whether ``value`` is a str or bytes, or a tuple or frozenset holding one: a value whose
    ``hash`` changes from process to process (PYTHONHASHSEED)."""
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        return True
    if isinstance(value, (tuple, frozenset)):
        return any(holds_text(item) for item in value)
    return False


_DEFAULT_RNG = np.random.default_rng
_PCG64, _SEED_SEQUENCE = np.random.PCG64, np.random.SeedSequence
_STORE_ATTR = dis.opmap["STORE_ATTR"]


def state_ints(state: Any, most: int = 4) -> list[int]:
    """The first ``most`` integers of a generator's state (a bit generator's ``state`` dict,
    or RandomState's ``get_state()`` tuple): what a state set on a generator seeds it with.

    >>> state_ints(np.random.PCG64(0).state)[1] == np.random.PCG64(0).state["state"]["inc"]
    True
    """
    inner = state.get("state", state) if isinstance(state, dict) else state
    found: list[int] = []

    def walk(value: Any) -> None:
        if len(found) >= most or isinstance(value, str):
            return
        if is_int(value):
            found.append(int(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, np.ndarray)):
            for item in np.ravel(np.asarray(value, dtype=object))[:most].tolist():
                walk(item)

    walk(inner)
    return found


def _watched_bit_generator(original: type, seen: Seeding, set_state: Any) -> type:
    """A subclass of the bit generator ``original`` under its own name (its ``state`` setter
    checks the name) that notes its seed (``seed``, or Philox's ``key``) in ``seen`` and
    calls ``set_state`` when the learner's code assigns its ``state``. Only an assignment
    statement counts (``g.bit_generator.state = saved``): NumPy sets the state itself
    inside ``copy.deepcopy`` and ``jumped``, which are no seeds."""
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        seen.numpy_made += 1
        seed = args[0] if args else kwargs.get("seed", kwargs.get("entropy"))
        seen.note(kwargs["key"] if seed is None and kwargs.get("key") is not None else seed)
        original.__init__(self, *args, **kwargs)
        seen.bit_generators.append((self, original.state.__get__(self)))

    def get(self: Any) -> Any:
        return original.state.__get__(self)

    def put(self: Any, value: Any) -> None:
        caller = sys._getframe(1)
        if caller.f_code.co_code[caller.f_lasti] == _STORE_ATTR:  # ``x.state = value``
            set_state(value)
        original.state.__set__(self, value)

    def __reduce__(self: Any) -> Any:  # pickled (and copied) as the original bit generator
        ctor, args, *rest = original.__reduce__(self)
        if args and isinstance(args[0], type):  # NumPy 2 passes the class, 1.26 its name
            args = (original, *args[1:])
        return (ctor, args, *rest)

    return type(original.__name__, (original,),
                {"__init__": __init__, "state": property(get, put), "__reduce__": __reduce__,
                 "__module__": original.__module__, "__doc__": original.__doc__})


@contextlib.contextmanager
def watch_seeding(func: Any) -> Iterator[Seeding]:
    """Record, while the block runs, the generators made and the seeds given through
    ``torch.Generator``, ``np.random.default_rng``, ``np.random.SeedSequence``, the bit
    generators ``PCG64``, ``PCG64DXSM``, ``Philox``, ``MT19937`` and ``SFC64``, the legacy
    ``np.random.RandomState`` and Python's ``random.Random``, looked up on their modules
    or under the same names in ``func``'s globals (``from torch import Generator``), and the
    calls of the builtin ``hash`` made from ``func``'s globals (those on text apart); all
    restored afterwards. Seeding after construction counts too: ``RandomState.seed``,
    ``random.Random.seed``, Philox's ``key=``, and a ``state`` assigned to a bit generator
    made in the block (``g.bit_generator.state = saved``) or ``RandomState.set_state``."""
    seen = Seeding()
    new: dict[str, Any] = {}
    homes: dict[str, Any] = {}
    torch = sys.modules.get("torch")
    if torch is not None:
        class Generator(torch.Generator):  # counts itself and its seeds
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                # torch.Generator takes its device in __new__; object.__init__ takes nothing
                super().__init__()
                seen.generators += 1

            def manual_seed(self, seed: Any) -> Any:
                seen.manual_seeds += 1
                seen.note(seed)
                if is_int(seed):
                    seen.torch_seeds.append(int(seed))
                return super().manual_seed(seed)

        new["Generator"], homes["Generator"] = Generator, torch

    def noting(original: Any) -> Any:  # SeedSequence
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seen.numpy_made += 1
            seen.note(args[0] if args else kwargs.get("seed", kwargs.get("entropy")),
                      kwargs.get("spawn_key", ()))
            return original(*args, **kwargs)
        return wrapper

    def hashing(value: object) -> int:  # the builtin ``hash``, as the learner's code sees it
        seen.hashes += 1
        if holds_text(value):
            seen.string_hashes += 1
        return builtins.hash(value)

    def set_state(value: Any) -> None:
        seen.state_sets += 1
        seen.note(state_ints(value))

    bit_generators = {name: _watched_bit_generator(getattr(np.random, name), seen, set_state)
                      for name in ("PCG64", "PCG64DXSM", "Philox", "MT19937", "SFC64")}
    for name, replacement in bit_generators.items():
        new[name], homes[name] = replacement, np.random
    watched_pcg64 = bit_generators["PCG64"]

    def default_rng(seed: Any = None) -> np.random.Generator:
        if isinstance(seed, (np.random.Generator, np.random.BitGenerator)):
            seen.numpy_made += 1
            return _DEFAULT_RNG(seed)  # rng itself, or a Generator of that bit generator
        return np.random.Generator(watched_pcg64(seed))  # what default_rng(seed) makes

    new["default_rng"], homes["default_rng"] = default_rng, np.random
    new["SeedSequence"], homes["SeedSequence"] = noting(np.random.SeedSequence), np.random

    class RandomState(np.random.RandomState):  # a subclass: isinstance checks still hold
        def __init__(self, seed: Any = None) -> None:
            seen.numpy_made += 1
            seen.note(seed)
            super().__init__(seed)

        def seed(self, seed: Any = None) -> None:  # reseeded after it was made
            seen.note(seed)
            super().seed(seed)

        def set_state(self, state: Any, *args: Any, **kwargs: Any) -> Any:
            set_state(state)
            return super().set_state(state, *args, **kwargs)

    class Random(random.Random):  # Python's own generator, seeded like RandomState
        def seed(self, a: Any = None, *args: Any, **kwargs: Any) -> None:  # __init__ calls it
            seen.note(a)
            super().seed(a, *args, **kwargs)

    new["RandomState"], homes["RandomState"] = RandomState, np.random
    new["Random"], homes["Random"] = Random, random
    learner = getattr(func, "__globals__", None)
    undo: list[tuple[Any, str, Any]] = []
    for name, replacement in new.items():
        original = getattr(homes[name], name)
        undo.append((homes[name], name, original))
        setattr(homes[name], name, replacement)
        if isinstance(learner, dict):  # under any name (from numpy.random import PCG64 as P)
            for alias in [k for k, v in learner.items() if v is original]:
                undo.append((learner, alias, original))
                learner[alias] = replacement
    added_hash = isinstance(learner, dict) and "hash" not in learner
    if added_hash:
        learner["hash"] = hashing  # found before the builtin, removed afterwards
    stand_ins = _stand_in_generators(func, new.get("Generator"), seen)
    try:
        yield seen
    finally:
        for original, stand_in, start, undo_it in stand_ins:
            if original is not None:
                if not torch.equal(stand_in.get_state(), start):
                    seen.generators += 1  # the learner's own generator, made before the call
                original.set_state(stand_in.get_state())
            undo_it()
        if added_hash and learner.get("hash") is hashing:
            del learner["hash"]
        for home, name, original in reversed(undo):
            if isinstance(home, dict):
                home[name] = original
            else:
                setattr(home, name, original)


def _stand_in_generators(func: Any, watched: Any, seen: Seeding) -> list[tuple]:
    """Put a watched stand-in (the ``Generator`` subclass of :func:`watch_seeding`, with the
    same state) in place of every CPU ``torch.Generator`` made before the call that ``func``
    reaches by a global name it uses or as a default argument, so that its ``manual_seed`` is
    seen too (``_GEN.manual_seed(seed)``, ``_GEN`` made in an earlier cell). Returns
    ``(original, stand_in, state, undo)`` for each: the stand-in's state when it was put in,
    and a function that puts the original back."""
    torch = sys.modules.get("torch")
    code = getattr(func, "__code__", None)
    if torch is None or watched is None or code is None:
        return []

    def is_cpu_generator(value: Any) -> bool:
        # torch.Generator is the watched subclass by now: its base is torch._C.Generator
        return (isinstance(value, torch._C.Generator) and not isinstance(value, watched)
                and value.device.type == "cpu")

    def stand_in(value: Any) -> Any:
        made = watched()
        seen.generators -= 1  # no generator of the call's own
        made.set_state(value.get_state())
        return made

    found = []
    learner = getattr(func, "__globals__", None)
    for name in code.co_names if isinstance(learner, dict) else ():
        value = learner.get(name)
        if is_cpu_generator(value):
            learner[name] = made = stand_in(value)
            found.append((value, made, made.get_state(),
                          functools.partial(learner.__setitem__, name, value)))
    positional = getattr(func, "__defaults__", None) or ()
    if any(map(is_cpu_generator, positional)):
        swapped = [stand_in(v) if is_cpu_generator(v) else v for v in positional]
        func.__defaults__ = tuple(swapped)
        for value, made in zip(positional, swapped, strict=True):
            if made is not value:
                found.append((value, made, made.get_state(), lambda: None))
        found.append((None, None, None, functools.partial(setattr, func, "__defaults__",
                                                          positional)))
    return found


class TorchGlobal:
    """What :func:`watch_torch_global` saw: ``changed`` (the state of PyTorch's global CPU
    generator differs afterwards: reseeded or drawn from) and ``manual_seeds`` (calls of
    ``torch.manual_seed``, counted even when ``torch.random.fork_rng`` restores the state)."""

    def __init__(self) -> None:
        self.manual_seeds = 0
        self.changed = False


def load_torch() -> None:
    """Import PyTorch when it is installed but not yet loaded, so that :func:`watch_seeding`
    and :func:`watch_torch_global` (which watch only a loaded torch) see a learner's
    ``torch.Generator().manual_seed(...)`` or ``torch.manual_seed(...)`` in a check's first
    call too, when the answer imports torch itself."""
    if "torch" not in sys.modules and importlib.util.find_spec("torch") is not None:
        import torch  # noqa: F401


@contextlib.contextmanager
def torch_watched() -> Iterator[None]:
    """Tell :func:`helpers.exercises.call`, while the block runs, that the check watches
    PyTorch's global generator itself (with a hint of its own): ``call`` then leaves a state
    the learner's code changed for the check to see, instead of judging it."""
    TORCH_WATCHES[0] += 1
    try:
        yield
    finally:
        TORCH_WATCHES[0] -= 1


@contextlib.contextmanager
def watch_torch_global(func: Any = None) -> Iterator[TorchGlobal]:
    """Record whether the block changed PyTorch's global generator (``torch.manual_seed``,
    ``torch.seed``, a draw without ``generator=``), and restore its state afterwards (the
    learner's notebook is left as it was). ``torch.manual_seed`` is watched under
    ``torch``, ``torch.random`` and any name in ``func``'s globals. Without PyTorch loaded,
    nothing is recorded."""
    seen = TorchGlobal()
    torch = sys.modules.get("torch")
    if torch is None:
        yield seen
        return
    before = torch.get_rng_state()
    original = torch.manual_seed

    def manual_seed(seed: Any) -> Any:
        seen.manual_seeds += 1
        return original(seed)

    undo: list[tuple[Any, str]] = [(torch, "manual_seed"), (torch.random, "manual_seed")]
    learner = getattr(func, "__globals__", None)
    if isinstance(learner, dict):  # from torch import manual_seed (as ms)
        undo += [(learner, k) for k, v in learner.items() if v is original]
    for home, name in undo:
        if isinstance(home, dict):
            home[name] = manual_seed
        else:
            setattr(home, name, manual_seed)
    try:
        with torch_watched():
            yield seen
    finally:
        for home, name in undo:
            if isinstance(home, dict):
                home[name] = original
            else:
                setattr(home, name, original)
        if not torch.equal(before, torch.get_rng_state()):
            seen.changed = True
            torch.set_rng_state(before)


def constant_step(seeds: list[int]) -> int | None:
    """The step of ``seeds`` when one call seeded two or more generators with integers in
    arithmetic progression (seed + i, seed * 100 + i, ...; a nonzero constant step), else None:
    another call whose seed lies a multiple of the step away makes the same generators, shifted.

    >>> constant_step([784196, 784197, 784198]), constant_step([5, 9, 2]), constant_step([7])
    (1, None, None)
    """
    if len(seeds) < 2:
        return None  # one generator (or none) per call: its draws do not overlap
    steps = {b - a for a, b in itertools.pairwise(seeds)}
    if len(steps) != 1 or 0 in steps:
        return None
    return steps.pop()


def seed_bits(keys_per_call: list[list[int]]) -> float | None:
    """About how many bits of randomness the seeds of a learner's own generators carry, from
    ``Seeding.keys`` of several calls with different rng: for each key position that varies
    across the calls, log2 of its range over the gcd of its steps (a seed drawn below 2**32
    gives about 32, times 1000 plus n still about 32, 42 plus a counter a few), summed over
    the positions. A position that only repeats an earlier one (the same seed in every
    layer's ``[s, layer]``, or ``s * 100 + layer``: the same values up to a shift and a scale)
    adds nothing. None when no call seeded anything or the calls disagree in how many keys
    they seed (then no position lines up)."""
    if not keys_per_call or not all(keys_per_call):
        return None
    if len({len(keys) for keys in keys_per_call}) != 1:
        return None
    bits = 0.0
    counted: set[tuple[int, ...]] = set()
    for column in zip(*keys_per_call, strict=True):
        low = min(column)
        span = max(column) - low
        if span == 0:
            continue
        step = 0
        for value in column:
            step = math.gcd(step, value - low)
        shape = tuple((value - low) // step for value in column)
        if shape in counted:
            continue
        counted.add(shape)
        bits += math.log2(span // step + 1)
    return bits


def lcg_distance(start: int, end: int, mult: int, inc: int, bits: int = 128) -> int:
    """Steps from ``start`` to ``end`` of the LCG ``x -> x * mult + inc (mod 2**bits)``.

    O'Neill's ``pcg_advance``-style distance: fix the state's bits from the lowest up,
    taking a power-of-two jump wherever a bit differs (``inc`` odd, ``mult % 4 == 1``, so
    every state is reached). ``bits`` steps of Python integer arithmetic.
    """
    modulus = (1 << bits) - 1
    cur_mult, cur_plus, distance, bit = mult, inc, 0, 1
    start, end = start & modulus, end & modulus
    while start != end and bit <= modulus:
        if (start ^ end) & bit:
            start = (start * cur_mult + cur_plus) & modulus
            distance |= bit
        cur_plus = ((cur_mult + 1) * cur_plus) & modulus
        cur_mult = (cur_mult * cur_mult) & modulus
        bit <<= 1
    return distance


# ------------------------------------------- seeds drawn from too few values (birthday bound)

#: Seeds drawn from fewer than 2**SEED_BITS values collide over many runs (the birthday
#: bound): no check accepts a generator whose seed varies across runs by SEED_BITS bits or
#: fewer (``rng.integers(2**32)``, bare, shifted, scaled or in a list); 48-bit and 63-bit
#: drawn seeds pass. One rule for every day's checks.
SEED_BITS = 40
WATCHED_CALLS = 20  # calls whose generators' seeds :func:`child_seed_hint` reads


#: LCG multipliers of NumPy's 128-bit PCG generators: PCG64 steps its state with the
#: 128-bit multiplier, PCG64DXSM with the "cheap" 64-bit one (state * mult + inc, mod 2**128).
PCG_MULTIPLIERS = {"PCG64": 0x2360ED051FC65DA44385DF649FCCF645,
                    "PCG64DXSM": 0xDA942042E4DD58B5}
#: Two windows of one stream closer than this many draws overlap for any run that matters
#: (one run of Day 10's experiment draws hundreds of thousands for its dropout alone);
#: jumped(i) puts streams about 2**127 apart, spawn gives each its own stream.
OVERLAP_LIMIT = 2**64


def stream_position(task) -> tuple[tuple, int, int] | None:
    """Where a task (a SeedSequence, a Generator or a bit generator) sits on its stream, for
    the bit generators whose streams are windows of one long sequence: ``(stream, position,
    period)``. Two tasks with the same ``stream`` draw the same sequence, ``position`` draws
    apart (mod ``period``): a PCG64 or PCG64DXSM with one increment (the position is the LCG
    distance from state 0), a Philox with one key (four draws per counter step). None for
    any other task.

    >>> a = np.random.PCG64(5)
    >>> (s, p, _), (t, q, _) = stream_position(a), stream_position(a.advance(1000))
    >>> s == t, (q - p) % 2**128
    (True, 1000)
    """
    if isinstance(task, np.random.SeedSequence):
        bit_generator = np.random.PCG64(task)  # what default_rng makes of it
    elif isinstance(task, np.random.Generator):
        bit_generator = task.bit_generator
    elif isinstance(task, np.random.BitGenerator):
        bit_generator = task
    else:
        return None
    state = bit_generator.state
    kind = state.get("bit_generator")
    if kind in PCG_MULTIPLIERS:
        inner = state["state"]
        mult, inc = PCG_MULTIPLIERS[kind], int(inner["inc"])
        return ((kind, inc), lcg_distance(0, int(inner["state"]), mult, inc), 2**128)
    if kind == "Philox":
        counter = sum(int(word) << (64 * k) for k, word in enumerate(state["state"]["counter"]))
        key = tuple(int(word) for word in state["state"]["key"])
        return (("Philox", key), 4 * counter + int(state["buffer_pos"]), 2**258)
    return None


def _affine(values: tuple[int, ...], seeds: list[int]) -> bool:
    """Whether ``values`` are ``c + K * seed`` for the runs' ``seeds``, K not 0: one-to-one
    in seed, so two runs' values differ whenever their seeds do."""
    if len(set(seeds)) != len(seeds) or len(values) < 2 or values[1] == values[0]:
        return False
    dv, ds = values[1] - values[0], seeds[1] - seeds[0]
    return all((v - values[0]) * ds == dv * (s - seeds[0])
               for v, s in zip(values, seeds, strict=True))


def weakest_seed_bits(groups_per_run: list[list[list[int]]],
                      seeds: list[int] | None = None) -> float | None:
    """The fewest varying bits (:func:`seed_bits`) among the generators that runs make, from
    ``Seeding.groups`` (or a worker's entropy) of several runs: the j-th generator of each
    run is compared with the j-th of the others, position by position within its seed, so a
    worker or resample index that differs between the generators of one run adds nothing;
    only what varies from run to run counts. A generator whose seed is the same in every run
    (``default_rng(0)`` to shuffle a fixed table) is no seed drawn from the run's
    randomness and is skipped, and so is one (with ``seeds``, the runs' own seeds) whose seed
    holds the run's seed itself, or c + K * seed: distinct for distinct seeds. None when no
    generator varies."""
    weakest = None
    for j in range(min((len(g) for g in groups_per_run), default=0)):
        column = [groups[j] for groups in groups_per_run]
        if len({len(keys) for keys in column}) != 1:
            continue
        if seeds is not None and any(_affine(pos, seeds) for pos in zip(*column, strict=True)):
            continue
        bits = seed_bits(column)
        if bits:
            weakest = bits if weakest is None else min(weakest, bits)
    return weakest


def small_seeds_hint(seeded: str, bits: float, fix: str) -> str:
    """The hint for generators (``seeded``: what was seeded) whose seeds carry about
    ``bits`` varying bits, ``SEED_BITS`` or fewer, so that their values collide over many
    runs; ``fix``: what to do instead."""
    b = max(1, math.ceil(bits - 1e-9))
    even = math.sqrt(2 * math.log(2)) * 2 ** (b / 2)  # n with an even chance of a shared value
    return (f"{seeded} with too few varying bits: the seeds vary by about {b} bits "
            f"({SEED_BITS} or fewer: an integer drawn below 2**{SEED_BITS}, such as "
            f"rng.integers(2**32)?), so n such seeds drawn over many runs share a value about "
            f"n**2 / 2**{b + 1} times (the birthday bound: an even chance of a shared stream "
            f"at about {float(f'{even:.2g}'):,.0f} seeds); {fix}")


def hashed_seed_hint(what: str) -> str:
    """The hint for a function that seeds a generator of its own from the builtin ``hash``
    (the course's seed policy refuses it, whatever it hashes); ``what``: what the function
    gives (plural), for the hint.

    >>> hashed_seed_hint("estimates")[:60]
    'your function seeds a generator of its own from the builtin '
    """
    return ("your function seeds a generator of its own from the builtin hash(): Python "
            "promises a hash's value only within one interpreter (a str's changes with "
            "every process unless PYTHONHASHSEED is set, a tuple's has changed between "
            "Python versions, and a float's or int's folds large values modulo 2**61 - 1), "
            f"so another Python gives other {what} for the same rng. Draw from the rng "
            "argument itself (or a child from rng.spawn(1))")


def hashed_seeds(seen: Seeding) -> bool:
    """Whether, in what :func:`watch_seeding` saw, the builtin ``hash`` was called and a
    generator was seeded with integers: the seed most likely came from the hash (the
    course's seed policy refuses any seed made with ``hash``)."""
    return bool(seen.hashes and seen.groups)


def scrambled_seed_hint(what: str) -> str:
    """The hint for results (``what``, plural) that depend on rng only through a narrow seed
    drawn from it and scrambled before seeding (squared, hashed with hashlib, multiplied),
    which looks wide to the watch (:func:`narrow_when_scrambled`).

    >>> scrambled_seed_hint("rolls")[:62]
    'your rolls depend on rng only through a seed of 40 bits or few'
    """
    return (f"your {what} depend on rng only through a seed of {SEED_BITS} bits or fewer "
            "drawn from it (rng.integers(2**32), squared, hashed or multiplied or not, is "
            f"still one of 2**32 seeds), so over many runs the same {what} come back (the "
            f"birthday bound); draw the {what} from rng itself (a child generator, if you "
            "want one, from rng.spawn(1)[0])")


def _digest(value: Any) -> Any:
    """``value`` in a form ``==`` compares as a whole: arrays (also inside a tuple or list,
    as a split returns them) by shape, dtype and bytes."""
    if isinstance(value, (tuple, list)):
        return tuple(_digest(item) for item in value)
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        return repr(value)
    if array.dtype == object:
        return repr(value)
    return array.shape, str(array.dtype), array.tobytes()


def narrow_when_scrambled(run: Any, halves: bool = False, positions: tuple[int, ...] = (0,),
                           func: Any = None) -> bool:
    """Whether ``run(rng)``'s result depends on rng only through ``SEED_BITS`` bits of rng's
    first draw (:func:`~helpers.checks._entropy.narrow_first_draw`, with its ``halves`` and
    ``positions``): a narrow seed made wide by a scramble the watch cannot see through
    (``s**2``, hashlib, a multiplier). False if the answer raises on the probe's generators
    (other checks judge that).

    With ``func`` (the learner's function), the integer seeds given to ``manual_seed``
    while ``run`` runs are compared too (:func:`watch_seeding`): PyTorch's CPU generator
    keeps only the low 32 bits of a seed, so a torch.Generator seeded with a 63-bit draw
    (``rng.integers(2**63)``, which the course's policy allows) gives the same results for
    a pair agreeing in 40 bits of that draw; the seed it was handed differs, and a narrow
    seed scrambled into a wide one is still the same for both."""
    from helpers.checks._entropy import narrow_first_draw  # it imports this module

    def compared(rng: np.random.Generator) -> Any:
        if func is None:
            return _digest(run(rng))
        with watch_seeding(func) as seen:
            result = run(rng)
        return _digest(result), tuple(seen.torch_seeds)

    try:
        return narrow_first_draw(compared, halves=halves, positions=positions)
    except Exception:  # noqa: BLE001 (the learner's code: any error means "no verdict here")
        return False


def child_seed_hint(func: Any, run: Any, what: str) -> str | None:
    """The hint when ``run(rng)``, a call of the learner's ``func`` with ``rng`` (generators
    of the seeds 300,000, 300,001, ... over ``WATCHED_CALLS`` calls), seeds new generators
    (``default_rng``, ``SeedSequence``, a bit generator; :func:`watch_seeding`) whose seeds
    vary from call to call by ``SEED_BITS`` bits or fewer (:func:`weakest_seed_bits`):
    ``default_rng(rng.integers(2**32))``, ``SeedSequence(int(rng.integers(2**32)))``,
    ``[k, i]`` lists. None otherwise: a spawned child and ``rng`` itself seed nothing, a
    constant seed does not vary, and all 20 48-bit seeds fall below 2**40 with odds 2**-160.
    Seeds made with the builtin ``hash`` get :func:`hashed_seed_hint` (after the narrow
    seeds' hint, which names what a hash of few bits cannot mend), and a narrow seed
    scrambled into a wide one (``s**2``, hashlib) :func:`scrambled_seed_hint`: ``run`` must
    return the call's result for that probe. ``what``: what the generators draw (plural),
    for the hint."""
    calls = _watched_calls(func, run)
    bits = weakest_seed_bits([seen.groups for seen in calls])
    if bits is None or bits >= SEED_BITS:
        if any(map(hashed_seeds, calls)):
            return hashed_seed_hint(what)
        made = any(seen.groups or seen.numpy_made or seen.generators for seen in calls)
        if made and narrow_when_scrambled(run, func=func):
            return scrambled_seed_hint(what)
        return None
    return small_seeds_hint(f"{what} come from a new generator seeded", bits,
                            f"draw the {what} from rng itself (a child generator, if you want "
                            "one, from rng.spawn(1)[0])")


def _arithmetic_base(seeds: list[int]) -> int | None:
    """The base of ``seeds`` when :func:`arithmetic_seeds_hint` sees a pattern in them (a
    constant step: the first seed, or the step itself when the first is 0, base * i; the
    digits of a base then a counter: that base), else None."""
    step = constant_step(seeds)
    if step is not None:
        return step if seeds[0] == 0 and step != 1 else seeds[0]
    base = concatenated_base(seeds)
    return None if base is None else int(base)


def arithmetic_seeds_hint(seeds: list[int], per: str,
                          runs: list[list[int]] | None = None) -> str | None:
    """The hint when one call seeded two or more generators with integers a constant step
    apart (default_rng(base + i), base * i, base + 100 * i per draw), or three or more with
    the digits of one base followed by those of a counter (int(f"{base}{i}")), from a base
    that varies from run to run by ``SEED_BITS`` bits or fewer (or not at all): the calls of
    two rngs whose bases are related (a few steps apart, one a multiple of the other, one
    the other's digits plus one more) make the same generators, so share draws. A base drawn
    wide from rng (``rng.integers(2**63)``) makes two related bases over many runs with
    odds of about 2**-60: no hint then (the course's one seed policy; :func:`spawn_tip`).
    ``seeds``: the call's integer seeds (``Seeding.seeds``); ``per``: what each generator is
    for; ``runs``: the seeds of the same call made with other rngs (:func:`watched_seeds`),
    to measure how much the base varies from run to run. Without ``runs`` a base of more
    than ``SEED_BITS`` bits is taken as drawn wide (one call cannot show its variation;
    :func:`child_seed_hint` catches a narrow draw scaled up).

    >>> arithmetic_seeds_hint([2**62 + 5, 2**62 + 6], "draw") is None
    True
    >>> arithmetic_seeds_hint([7, 8], "draw", runs=[[7, 8], [900, 901]])[:66]
    'your function seeds a generator per draw with base + i (seeds 7, 8'
    >>> arithmetic_seeds_hint([7, 8], "draw", runs=[[7, 8], [7, 8]])[:70]
    'your function seeds a generator per draw with the same seeds in every '
    """
    base = _arithmetic_base(seeds)
    if base is None:
        return None
    shown = ", ".join(str(s) for s in seeds[:3])
    fix = "draw everything from rng (or one child: rng.spawn(1)[0])"
    step = constant_step(seeds)
    if step is not None and seeds[0] == 0 and step != 1:  # default_rng(0) in every call
        return (f"your function seeds a generator per {per} with base * i (seeds "
                f"{shown}, ...): the first {per} of every call comes from "
                "default_rng(0), the same whatever the rng, and two calls whose "
                f"bases share a factor share the rest; {fix}")
    if runs is None:
        if abs(base).bit_length() > SEED_BITS:
            return None
        constant = False
    else:
        bases = [b for b in map(_arithmetic_base, runs) if b is not None]
        bits = seed_bits([[b] for b in bases]) if len(bases) == len(runs) else None
        if bits is None:
            return None  # the pattern comes and goes: not one base plus a counter
        if bits > SEED_BITS:
            return None
        constant = bits == 0
    if constant:
        return (f"your function seeds a generator per {per} with the same seeds in every "
                f"call (seeds {shown}, ...), whatever the rng: every call draws the same "
                f"numbers; {fix}")
    drawn = f"a base of {SEED_BITS} varying bits or fewer"
    if step is not None:
        pattern = ("base + i" if step == 1 else "base - i" if step == -1 else
                   f"base + {step:,} * i, a constant step of {step:,}")
        return (f"your function seeds a generator per {per} with {pattern} (seeds "
                f"{shown}, ...), {drawn}: over many runs two calls whose bases lie a few "
                f"steps apart share draws, shifted; {fix}")
    return (f"your function seeds a generator per {per} with the digits of a base "
            f"followed by those of i (base {base}: seeds {shown}, ...): calls whose "
            f"bases share leading digits share draws (base {base}'s {per} 20 and "
            f"base {base}2's {per} 0 both come from default_rng({base}20)); {fix}")


def watched_seeds(func: Any, run: Any) -> list[list[int]]:
    """The integer seeds (``Seeding.seeds``) of ``run(rng)``, a call of the learner's
    ``func``, for each of ``WATCHED_CALLS`` generators of the seeds 300,000, 300,001, ...:
    the ``runs`` of :func:`arithmetic_seeds_hint` and :func:`spawn_tip`."""
    return [seen.seeds for seen in _watched_calls(func, run)]


def _watched_calls(func: Any, run: Any) -> list[Seeding]:
    """What :func:`watch_seeding` saw in ``run(rng)`` for each of ``WATCHED_CALLS``
    generators of the seeds 300,000, 300,001, ...: :func:`child_seed_hint`'s and
    :func:`watched_seeds`' calls."""
    calls = []
    for k in range(WATCHED_CALLS):
        rng = np.random.default_rng(300_000 + k)  # made before the watch: not the learner's
        with watch_seeding(func) as seen:
            run(rng)
        calls.append(seen)
    return calls


#: The note a right answer gets when it seeds its generators with arithmetic on a base drawn
#: wide from rng (:func:`spawn_tip`).
SPAWN_TIP = ("Tip: rng.spawn(n) makes n independent child generators without any seed "
             "arithmetic.")


def spawn_tip(seeds: list[int]) -> str:
    """:data:`SPAWN_TIP` (with a leading space) when one call's ``seeds`` follow a pattern of
    :func:`arithmetic_seeds_hint` (base + i, ...), else "": a right answer's verdict ends
    with it.

    >>> spawn_tip([2**62 + 5, 2**62 + 6]) == " " + SPAWN_TIP, spawn_tip([5, 9, 2])
    (True, '')
    """
    return f" {SPAWN_TIP}" if _arithmetic_base(seeds) is not None else ""


def concatenated_base(seeds: list[int]) -> str | None:
    """The digits of the base when ``seeds`` (three or more) are int(f"{base}{i}") for one
    base and consecutive counters i, else None: independent seeds drawn from rng never
    are."""
    if len(seeds) < 3 or seeds[0] < 0:
        return None
    texts = [str(s) for s in seeds]
    for cut in range(1, len(texts[0])):
        base, first = texts[0][:cut], texts[0][cut:]
        if str(int(first)) != first:  # a counter is written without leading zeros
            continue
        if all(t == f"{base}{int(first) + j}" for j, t in enumerate(texts)):
            return base
    return None


# ------------------------------------------------- nodes of a seed's spawn tree (Days 1 and 9)

@functools.lru_cache(maxsize=8192)
def node_draws(seed: int, key: tuple[int, ...], size: int, narrow: bool) -> np.ndarray:
    """The first ``size`` draws of ``default_rng(SeedSequence(seed, spawn_key=key))``, the node
    ``key`` of the spawn tree of ``seed`` (``SeedSequence(seed).spawn(k)[j]`` is the node
    ``(j,)``), as float64 (``narrow``: as float32, widened). Cached: the same nodes recur from
    item to item and from answer to answer; made with NumPy's own classes, never counted by
    :func:`watch_seeding`."""
    rng = np.random.Generator(_PCG64(_SEED_SEQUENCE(seed, spawn_key=key)))
    draws = rng.standard_normal(size, np.float32 if narrow else np.float64).astype(float)
    draws.flags.writeable = False
    return draws


def node_match(draws: np.ndarray, seed: int, keys: Iterable[tuple[int, ...]]
               ) -> tuple[int, ...] | None:
    """The first of ``keys`` whose node ``SeedSequence(seed, spawn_key=key)`` draws ``draws``
    (within 1e-6: float64 draws made float32 too), or None. Float32 draws are tried only for
    draws that are float32 values, so a float64 answer costs one stream per node."""
    narrows = (False, True) if np.array_equal(draws, draws.astype(np.float32)) else (False,)
    for key in keys:
        if any(np.max(np.abs(draws - node_draws(seed, key, len(draws), narrow))) <= 1e-6
               for narrow in narrows):
            return key
    return None
