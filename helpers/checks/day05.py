"""Checks for the exercises of Day 5 (weight initialization); see helpers.exercises."""

from __future__ import annotations

import builtins
import contextlib
import decimal
import functools
import hashlib
import itertools
import math
import re
from collections.abc import Iterator
from typing import Any

import numpy as np

from helpers.checks._advance import (
    NOT_ADVANCED_HINT,
    rng_advanced,
    shared_share,
    shifted_copy_hint,
)
from helpers.checks._seeding import (
    SEED_BITS,
    WATCHED_CALLS,
    Seeding,
    constant_step,
    hashed_seed_hint,
    is_int,
    load_torch,
    narrow_when_scrambled,
    scrambled_seed_hint,
    seed_bits,
    watch_seeding,
    watch_torch_global,
    weakest_seed_bits,
)
from helpers.exercises import Wrong, a_type, call, exercise_check, number

# ------------------------------------------------------------------ what a learner's call seeds

# the lists of a Seeding that grow as the learner's code seeds generators
_SEEN_LISTS = ("seeds", "torch_seeds", "keys", "groups")
_SEEN_COUNTS = ("generators", "manual_seeds", "numpy_made", "hashes", "string_hashes",
                "state_sets")


@contextlib.contextmanager
def _imports_unseen(seen: Seeding, hashed: list) -> Iterator[None]:
    """Forget what ``seen`` and ``hashed`` record while a module is imported in the block:
    SciPy makes generators of its own while ``scipy.stats`` is first imported, and an
    ``import`` inside the learner's function is no generator of the learner's."""
    original = builtins.__import__

    def importing(*args: Any, **kwargs: Any) -> Any:
        counts = [getattr(seen, name) for name in _SEEN_COUNTS]
        lengths = [len(getattr(seen, name)) for name in _SEEN_LISTS]
        done = len(hashed)
        try:
            return original(*args, **kwargs)
        finally:
            for name, count in zip(_SEEN_COUNTS, counts, strict=True):
                setattr(seen, name, count)
            for name, length in zip(_SEEN_LISTS, lengths, strict=True):
                del getattr(seen, name)[length:]
            del hashed[done:]

    builtins.__import__ = importing
    try:
        yield
    finally:
        builtins.__import__ = original


def _ints_in(value: Any) -> list[int]:
    """The integers a value fed to a hash holds: an integer, the digit runs of a text (or of
    bytes that are text), the integer that other bytes spell, those of a tuple or list."""
    if is_int(value):
        return [int(value)]
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        if raw.isascii() and raw.decode("ascii").isprintable():
            value = raw.decode("ascii")
        else:
            return [int.from_bytes(raw, "little")] if raw else []
    if isinstance(value, str):
        return [int(digits) for digits in re.findall(r"\d+", value)]
    if isinstance(value, (tuple, list, frozenset, np.ndarray)):
        return [k for item in (value.ravel().tolist() if isinstance(value, np.ndarray)
                               else value) for k in _ints_in(item)]
    return []


class _Hashed:
    """A hashlib object that records what its ``update`` is fed."""

    def __init__(self, inner: Any, record: Any) -> None:
        self._inner, self._record = inner, record

    def update(self, data: Any) -> None:
        self._record(data, "hashlib")
        self._inner.update(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


_HASHLIB_NAMES = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
                  "sha3_224", "sha3_256", "sha3_384", "sha3_512", "new")


@contextlib.contextmanager
def _watch_hashing(func: Any, hashed: list) -> Iterator[None]:
    """Append to ``hashed``, while the block runs, ``(how, integers)`` for every value fed to
    the builtin ``hash`` from ``func``'s globals or to hashlib (``hashlib.sha256(...)``, also
    under another name in ``func``'s globals): the integers a seed made by hashing comes from.
    """
    def record(value: Any, how: str) -> None:
        hashed.append((how, _ints_in(value)))

    def hashing(original: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            record(args[0] if args else None, "hash()")
            return original(*args, **kwargs)
        return wrapper

    def hashlib_made(name: str, original: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            data = args[1:2] if name == "new" else args[:1]
            data = data[0] if data else kwargs.get("data", kwargs.get("string"))
            if data is not None:
                record(data, "hashlib")
            return _Hashed(original(*args, **kwargs), record)
        return wrapper

    learner = getattr(func, "__globals__", None)
    undo: list[tuple[Any, str, Any, bool]] = []  # (home, name, original, present before)
    for name in _HASHLIB_NAMES:
        original = getattr(hashlib, name)
        replacement = hashlib_made(name, original)
        undo.append((hashlib, name, original, True))
        setattr(hashlib, name, replacement)
        if isinstance(learner, dict):  # from hashlib import sha256 (as h)
            for alias in [k for k, v in learner.items() if v is original]:
                undo.append((learner, alias, original, True))
                learner[alias] = replacement
    if isinstance(learner, dict):
        own = learner.get("hash", builtins.hash)  # watch_seeding's counter, if it put one
        if callable(own):
            undo.append((learner, "hash", own, "hash" in learner))
            learner["hash"] = hashing(own)
    try:
        yield
    finally:
        for home, name, original, present in reversed(undo):
            if isinstance(home, dict):
                if present:
                    home[name] = original
                else:
                    home.pop(name, None)
            else:
                setattr(home, name, original)


@contextlib.contextmanager
def _watch(func: Any) -> Iterator[tuple[Seeding, list]]:
    """:func:`watch_seeding` of ``func``, and what it hashed (:func:`_watch_hashing`), both
    without what module imports do meanwhile (:func:`_imports_unseen`)."""
    hashed: list = []
    with (watch_seeding(func) as seen, _watch_hashing(func, hashed),
          _imports_unseen(seen, hashed)):
        yield seen, hashed


# a typed constant (1.732 for sqrt(3)), round(..., 4), float16 or a sample std is off by less
# than this; every listed uniform_bound mistake is off by 10 % or more
_ROUNDED_TOL = 0.02


def _number(value: Any, what: str) -> float:
    """:func:`number`, also taking a ``decimal.Decimal`` (a real number, exact or not) and a
    SymPy number (``sympy.sqrt(3) * std``, which ``float()`` evaluates)."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if type(value).__module__.split(".")[0] == "sympy":
        if getattr(value, "is_number", False) and getattr(value, "is_real", False):
            return float(value)
        raise Wrong(f"{what} is the SymPy expression {str(value)[:60]}, not a real number "
                    "(a free symbol left in it?): return a number, e.g. float(expr)")
    return number(value, what)


def _rounded(got: float, want: float, what: str) -> None:
    """Raise :class:`Wrong` if ``got`` is within rounding of ``want`` but not equal to it."""
    if math.isclose(got, want, rel_tol=_ROUNDED_TOL):
        raise Wrong(f"{what} = {got!r} is within 2% of the right value but off by "
                    f"{abs(got / want - 1):.1e} relative: the formula looks right, the number "
                    "is rounded or estimated. Compute it exactly (math.sqrt in float64), "
                    "without round(), a typed constant like 1.732, float16 or a sample std")


# gain(phi, rng, num_draws): the activations the check tries, ReLU first (there the listed
# mistakes are all far from the right value; for odd phi the centred std is the right answer,
# for the identity sqrt(E[phi**2]) is). Their moments E[phi(z)**k], z ~ N(0, 1), come from
# scipy.integrate.quad; the tolerance is _GAIN_Z standard errors of the Monte Carlo gain at
# _GAIN_DRAWS draws (delta method), so a right answer fails with odds below 4e-8 per activation.
_GAIN_DRAWS = 200_000
_GAIN_Z = 5.5
_GAIN_SEEDS = (2_005, 2_006)
# the listed mistakes are 20 % or more from the right value; one is named if within this
_GAIN_MISTAKE_TOL = 0.05


def _relu(z: Any) -> Any:
    return np.maximum(z, 0)


def _sigmoid(z: Any) -> Any:
    return 0.5 * (1 + np.tanh(z / 2))  # 1 / (1 + exp(-z)), without overflow


def _identity(z: Any) -> Any:
    return z * 1


_GAIN_PHIS = (("relu", _relu), ("tanh", np.tanh), ("identity", _identity),
              ("sigmoid", _sigmoid))


@functools.cache
def _normal_moment(f: Any, power: int) -> float:
    """E[f(z)**power] for z ~ N(0, 1), by quadrature (split at 0, ReLU's kink)."""
    from scipy import integrate

    def integrand(z: float) -> float:
        return float(f(np.float64(z))) ** power * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)

    return sum(integrate.quad(integrand, a, b)[0] for a, b in ((-np.inf, 0), (0, np.inf)))


@functools.cache
def _normal_abs_mean(f: Any) -> float:
    """E[|f(z)|] for z ~ N(0, 1), by quadrature."""
    return _normal_moment(lambda z: abs(f(z)), 1)


class _WatchedPhi:
    """The activation handed to the learner: it records the values it is applied to, and
    answers in the learner's type (NumPy array or scalar, or PyTorch tensor)."""

    def __init__(self, f: Any) -> None:
        self.f, self.inputs = f, []

    def __call__(self, z: Any) -> Any:
        if type(z).__module__.split(".")[0] == "torch":
            import torch

            values = z.detach().cpu().numpy()
            self.inputs.append(np.asarray(values, dtype=float).ravel())
            return torch.as_tensor(self.f(values), dtype=z.dtype, device=z.device)
        self.inputs.append(np.asarray(z, dtype=float).ravel())
        return self.f(z)

    def seen(self) -> np.ndarray:
        return np.concatenate(self.inputs) if self.inputs else np.empty(0)


_GAIN_TORCH_GLOBAL = (
    "reseeded or drew from PyTorch's global generator (torch.manual_seed, or torch.randn "
    "without generator=): that is global state, like np.random.seed, shared by the whole "
    "notebook (every later torch draw changes), and it is not rng. Draw z from rng, "
    "z = rng.standard_normal(num_draws), and hand phi torch.from_numpy(z) if you work in "
    "PyTorch")


def _gain_draws(gain: Any, f: Any, seed: int, what: str,
                num_draws: int = _GAIN_DRAWS) -> tuple[float, list, Seeding]:
    """The learner's gain for activation f and a generator seeded ``seed``, the arrays phi
    was applied to, and what the call seeded (generators made while a module is imported
    apart). Wrong if it touched PyTorch's global generator (whose state is restored)."""
    phi = _WatchedPhi(f)
    rng = np.random.default_rng(seed)  # made before the watch, which counts generators
    with _watch(gain) as (seeding, _), watch_torch_global(gain) as torch_global:
        value = call(gain, phi, rng, num_draws)
    if torch_global.changed or torch_global.manual_seeds:
        raise Wrong(f"{what} {_GAIN_TORCH_GLOBAL}")
    got = _number(value, what)
    return got, _gain_counted(gain, f, seed, phi.inputs, got, num_draws), seeding


class _PerturbedPhi(_WatchedPhi):
    """A :class:`_WatchedPhi` whose calls numbered in ``calls`` (0 first) answer
    2 * f(z) + 0.5 in place of f(z)."""

    def __init__(self, f: Any, calls: set) -> None:
        super().__init__(f)
        self.plain, self.calls = f, calls

    def __call__(self, z: Any) -> Any:
        plain = self.plain
        self.f = (lambda x: plain(x) * 2 + 0.5) if len(self.inputs) in self.calls else plain
        return super().__call__(z)


def _gain_counted(gain: Any, f: Any, seed: int, inputs: list, got: float,
                  num_draws: int) -> list:
    """The calls of phi that the estimate ``got`` comes from. phi may also be applied to a
    few values of the learner's own (phi(0.0), a grid to plot): if phi saw more distinct
    values than ``num_draws``, and its largest calls hold exactly ``num_draws`` values, the
    other calls are left out when another call with the same seed, whose phi answers those
    other calls differently, gives the same estimate (they do not enter it). Otherwise every
    call counts: draws beyond num_draws that enter the estimate are judged with the rest."""
    seen = np.concatenate(inputs) if inputs else np.empty(0)
    if np.unique(seen).size <= num_draws:
        return inputs
    order = sorted(range(len(inputs)), key=lambda k: -inputs[k].size)  # stable: call order
    total, kept = 0, set()
    for k in order:
        if total >= num_draws:
            break
        total += inputs[k].size
        kept.add(k)
    if total != num_draws or len(kept) == len(inputs):
        return inputs
    others = set(range(len(inputs))) - kept
    try:
        again = _number(call(gain, _PerturbedPhi(f, others), np.random.default_rng(seed),
                             num_draws), "gain")
    except Exception:  # noqa: BLE001 (the other calls steer the answer: count them all)
        return inputs
    return [inputs[k] for k in sorted(kept)] if again == got else inputs


def _gain_ddof(gain: Any) -> None:
    """Wrong if, with 10 draws, the gain is 1 / sqrt(sum(phi(z)**2) / (num_draws - 1)) over
    the values phi received, not 1 / sqrt(mean(phi(z)**2)): a ddof=1 correction on a moment
    from which no mean was subtracted (at num_draws = 200,000 it is 2.5e-6 off, inside the
    Monte Carlo error, so only a small num_draws shows it)."""
    phi = _WatchedPhi(np.tanh)
    got = _number(call(gain, phi, np.random.default_rng(11), 10), "gain(tanh, rng, 10)")
    z = np.concatenate(phi.inputs) if phi.inputs else np.empty(0)
    if z.size != 10:
        return
    square_sum = float(np.sum(np.tanh(z) ** 2))
    if (math.isclose(got, 1 / math.sqrt(square_sum / 9), rel_tol=1e-9)
            and not math.isclose(got, 1 / math.sqrt(square_sum / 10), rel_tol=1e-9)):
        raise Wrong("gain(tanh, rng, 10) divides the sum of phi(z)**2 by num_draws - 1: that "
                    "ddof=1 correction is for a variance around an estimated mean, and the "
                    "second moment E[phi(z)**2] subtracts no mean. Divide by num_draws "
                    "(np.mean(phi(z)**2))")


def _gain_own_generators(gain: Any, what: str) -> None:
    """Wrong if the generators that ``gain`` makes from rng (a child is fine: the prompt
    allows one) are seeded with the seed of rng itself, or with seeds that vary across
    ``WATCHED_CALLS`` calls by ``SEED_BITS`` bits or fewer (the course's rule), or with a
    fixed seed; a spawned child seeds nothing, a 63-bit draw from rng varies enough."""
    groups, entropies, hashes = [], [], []
    for k in range(WATCHED_CALLS):
        entropy = 300_000 + k
        rng = np.random.default_rng(entropy)  # made before the watch
        with _watch(gain) as (seen, hashed), watch_torch_global(gain):
            call(gain, _WatchedPhi(np.tanh), rng, 1_000)
        groups.append(seen.groups)
        entropies.append(entropy)
        hashes.append(hashed)
    if not any(groups):
        return  # unseeded generators: the reproducibility test below names them
    bits = weakest_seed_bits(groups)
    # Python's hash() of an object that holds no number (hash(phi)): its value comes from
    # the object's address (or a per-process salt, for text), not from rng
    if (bits is None or bits <= SEED_BITS) and all(
            any(how == "hash()" and not ints for how, ints in run) for run in hashes):
        raise Wrong(f"{what} made a generator of its own seeded with Python's hash() of an "
                    "object (hash(phi)?): hash() of a function or object comes from its "
                    "address in memory (of text, from a salt that changes with every Python "
                    "process), not from rng, so the estimate neither follows rng's seed nor "
                    "changes with it. Draw from rng itself, or from a child of it "
                    "(rng.spawn(1)[0])")
    counted = _gain_seeds_not_from_rng(gain)
    if counted:
        raise Wrong(f"two calls of {what} with identically seeded rng made generators of its "
                    f"own with different seeds ({counted}: a counter, or a clock?): seeds that "
                    "change from call to call but not with rng, so the estimate is not "
                    "reproducible from rng. Draw from rng itself, or from a child of it "
                    "(rng.spawn(1)[0])")
    firsts = [g[0][0] if g and g[0] else None for g in groups]
    if all(x is not None for x in firsts) and len({x - e for x, e in
                                                   zip(firsts, entropies, strict=True)}) == 1:
        raise Wrong(f"{what} made a generator seeded from rng's own seed "
                    "(rng.bit_generator.seed_seq.entropy, plus a constant?): that is "
                    "arithmetic on the seed you were given, not a draw from rng, so two "
                    "generators whose seeds differ by that constant give the same draws. "
                    "Draw from rng itself, or from a child of it (rng.spawn(1)[0])")
    if bits is None:
        raise Wrong(f"{what} made a generator of its own with a fixed seed "
                    f"({groups[0][0][:2]}): A fixed seed gives every rng the same estimate. "
                    "Draw from rng itself, or from a child of it (rng.spawn(1)[0])")
    if bits <= SEED_BITS:
        b = max(1, math.ceil(bits - 1e-9))
        raise Wrong(f"{what} made a generator of its own, seeded from rng with seeds that "
                    f"vary across calls by only about {b} bits, {SEED_BITS} or fewer (Day 1's "
                    f"rule rejects a seed drawn below 2**{SEED_BITS}, "
                    f"rng.integers(2**{SEED_BITS}) included): only about 2**{b} different "
                    "estimates, and two runs share their draws about n**2 / "
                    f"2**{b + 1} times among n. Draw from rng itself, or from a child "
                    "of it (rng.spawn(1)[0])")
    _gain_narrow_seed(gain, what, hashes)
    if _hashed(hashes):  # however wide (the course's seed policy)
        raise Wrong(hashed_seed_hint("estimates"))


def _hashed(hashes: list) -> bool:
    """Whether any call fed something to the builtin ``hash`` (``hashes``: per call, what
    :func:`_watch_hashing` recorded); hashlib on the bytes of a wide draw is reproducible
    and passes."""
    return any(how == "hash()" for run in hashes for how, _ in run)


def _gain_seeds_not_from_rng(gain: Any) -> str:
    """The integer seeds of the generators that two calls of ``gain``, each with a new rng of
    the same seed, make, as text ("1, then 2"), when they differ: seeds that change from
    call to call but not with rng (a module-level counter, a clock); else ""."""
    made = []
    for _ in range(2):
        rng = np.random.default_rng(300_000)  # made before the watch: not the learner's
        with _watch(gain) as (seen, _), watch_torch_global(gain):
            call(gain, _WatchedPhi(np.tanh), rng, 1_000)
        made.append(seen.groups)
    if not all(made) or made[0] == made[1]:
        return ""
    return ", then ".join(", ".join(str(k) for k in group[0][:3]) for group in made)


def _gain_narrow_seed(gain: Any, what: str, hashes: list) -> None:
    """Wrong if ``gain`` seeds its generator from a few bits of rng however scrambled: what
    it hashed (``hash``, hashlib; ``hashes``, per call of :func:`_gain_own_generators`)
    varies across calls by ``SEED_BITS`` bits or fewer, or its estimate (and the seeds it
    gives ``manual_seed``) depends on rng only through ``SEED_BITS`` bits of one of rng's
    first three draws, or of two narrow draws from its first
    (:func:`~helpers.checks._seeding.narrow_when_scrambled`). A torch.Generator keeps only
    32 bits of a 63-bit seed that the prompt allows (a question for the course, not this
    check), so its estimates alone would call that seed narrow; the seeds it is handed
    tell a 63-bit draw from a narrow one scrambled."""
    groups = [[ints for _, ints in run if ints] for run in hashes]
    bits = weakest_seed_bits(groups)
    how = " and ".join(sorted({how for run in hashes for how, _ in run}))
    if bits is None or bits > SEED_BITS:
        if not narrow_when_scrambled(lambda rng: call(gain, _WatchedPhi(np.tanh), rng, 1_000),
                                      halves=True, positions=(0, 1, 2), func=gain):
            return
        raise Wrong(f"{what} seeds a generator of its own from a number drawn from rng, "
                    f"scrambled (hashed, multiplied), that varies by {SEED_BITS} bits or "
                    "fewer (Day 1's rule): scrambling spreads those bits over a wide seed but "
                    f"adds none, so there are at most 2**{SEED_BITS} different estimates. "
                    "Draw from rng itself, or from a child of it (rng.spawn(1)[0])")
    b = max(1, math.ceil(bits - 1e-9))
    raise Wrong(f"{what} seeds a generator of its own by hashing ({how}) a number drawn "
                f"from rng that varies across calls by only about {b} bits, {SEED_BITS} or "
                "fewer (Day 1's rule): a hash spreads those bits over a wide seed but adds "
                f"none, so there are only about 2**{b} different estimates. Draw from rng "
                "itself, or from a child of it (rng.spawn(1)[0])")


def _kurtosis(seen: np.ndarray) -> float:
    """Excess kurtosis about 0 with unit scale from the sample: 0 for a normal, -1.2 for any
    uniform."""
    centred = seen - seen.mean()
    return float(np.mean(centred**4) / np.mean(centred**2) ** 2 - 3)


# rescaled after the draw: a mean exactly 0, or a std or RMS exactly the intended one, to
# 1e-12 relative (float64 rescaling lands within about 1e-16). Independent draws hit one by
# chance with probability about 0.8e-12 * sqrt(2n) each (their mean varies by std / sqrt(n),
# std and RMS by std / sqrt(2n)): under 1.5e-9 for all three at n = 200,000. Every line of
# a matrix (row or column) alike is far rarer still.
_EXACT = 1e-12


def _rescaled(x: np.ndarray, scale: float, axis: int | None = None) -> str | None:
    """What of ``x`` is exact to rounding, the trace of draws rescaled after the fact: its
    mean is 0, or its std or root mean square is ``scale`` ((z - z.mean()) / z.std(),
    z / sqrt(mean(z**2))); with ``axis``, the same holds for every line along it (norms
    equal across lines, whatever the constant). None if nothing is exact."""
    x = np.asarray(x, dtype=float)
    if axis is not None and (x.ndim != 2 or min(x.shape) < 2):
        return None
    mean, std = x.mean(axis=axis), x.std(axis=axis)
    rms = np.sqrt(np.mean(x**2, axis=axis))
    if axis is not None:  # lines of one matrix: equal to each other, not to ``scale``
        std, rms = std / std.mean() * scale, rms / rms.mean() * scale
    if np.all(np.abs(mean) < _EXACT * scale):
        return "mean exactly 0"
    if np.all(np.abs(std / scale - 1) < _EXACT):
        return "standard deviation exactly"
    if np.all(np.abs(rms / scale - 1) < _EXACT):
        return "root mean square exactly"
    return None


def _gain_clipped(seen: np.ndarray, what: str) -> None:
    """Wrong if the smallest or largest value phi received piles up, as the bound of draws
    clipped (np.clip(z, -2, 2)) does, and nothing inside: each value repeats about
    seen.size / distinct times (twice if phi sees every draw twice), a clipped end
    thousands of times."""
    values, counts = np.unique(seen, return_counts=True)
    usual = seen.size / values.size
    pile = 10 * usual + 10
    low, high = (counts[k] > pile for k in (0, -1))
    # only the ends: values piled inside too are rounded or integer draws, not clipped ones
    if not (low or high) or values.size < 3 or counts[1:-1].max() > pile:
        return
    lo, hi = f"{values[0]:.4g}", f"{values[-1]:.4g}"
    bounds = (f"bounded at {lo} and {hi}" if low and high
              else f"bounded below at {lo}" if low else f"bounded above at {hi}")
    ends = " and ".join(f"{v:.4g} ({c} times)" for v, c, cut in
                        ((values[0], counts[0], low), (values[-1], counts[-1], high)) if cut)
    raise Wrong(f"{what}: phi received {ends}: the draws were clipped (np.clip?), "
                f"{bounds}, so the tails of N(0, 1) beyond are cut and piled on the bound. "
                "The gain is about all of z ~ N(0, 1): keep the raw draws, "
                "z = rng.standard_normal(num_draws)")


def _gain_inputs(inputs: list, what: str) -> None:
    """Wrong unless phi was applied to about num_draws independent standard-normal draws."""
    n = _GAIN_DRAWS
    seen = np.concatenate(inputs) if inputs else np.empty(0)
    if seen.size == 0:
        raise Wrong(f"{what} never called phi: apply phi to the draws z (phi(z))")
    with np.errstate(over="ignore"):
        on_grid = np.mean(seen == seen.astype(np.float16))
    # float32 draws sit on float16's grid 1 time in 8192, float64 ones almost never
    few = np.unique(seen).size
    if on_grid > 0.9 and few <= 64:  # whole numbers or ±1: on float16's grid, not rounded
        raise Wrong(f"{what}: phi received only {few} different values (integers, or ±1?), "
                    "not standard-normal draws: z must be continuous, "
                    "z = rng.standard_normal(num_draws)")
    if on_grid > 0.9:
        raise Wrong(f"{what}: phi received float16 values (z made or cast to float16?): "
                    "float16 keeps about 3 significant digits, so num_draws draws round onto "
                    "a few thousand values and the estimate is that of fewer, rounded draws. "
                    "Draw and keep z in float64 (or float32)")
    _gain_clipped(seen, what)
    distinct = np.unique(seen).size  # float32 draws repeat a few values by chance
    if distinct > n or distinct < 0.99 * n:
        raise Wrong(f"{what}: phi was applied to {distinct} different values, but num_draws "
                    f"is {n}: draw num_draws standard normals (rng.standard_normal(num_draws)), "
                    "not a fixed number of your own")
    # a grid before the uniform: an even grid has a uniform's kurtosis too
    spacing = np.diff(np.sort(seen))
    if np.allclose(spacing, spacing.mean(), rtol=1e-6, atol=1e-12):
        raise Wrong(f"{what}: phi was applied to an evenly spaced grid, not to random draws: "
                    "estimate by Monte Carlo, with z = rng.standard_normal(num_draws)")
    kurt = _kurtosis(seen)
    if (seen.min() >= -1 and seen.max() <= 1) or abs(kurt + 1.2) < 0.2:
        raise Wrong(f"{what}: the values phi received lie in [{seen.min():.2f}, "
                    f"{seen.max():.2f}] with excess kurtosis {kurt:.2f}, a uniform's -1.2 "
                    "(a normal's is 0, and its draws reach beyond +-4 at this num_draws): "
                    "uniform draws? The gain is about z ~ N(0, 1), the pre-activation of a "
                    "layer: draw with rng.standard_normal")
    if seen.min() >= 0:
        # |z| is half-normal: mean sqrt(2 / pi) = 0.798, std sqrt(1 - 2 / pi) = 0.603
        half = (abs(seen.mean() - math.sqrt(2 / math.pi)) < 6 / math.sqrt(n)
                and abs(seen.std() - math.sqrt(1 - 2 / math.pi)) < 6 / math.sqrt(n))
        which = "absolute values |z| (np.abs(z))" if half else "only values >= 0"
        raise Wrong(f"{what}: phi received {which}, mean {seen.mean():.3f} and std "
                    f"{seen.std():.3f}: z must keep its sign, standard normal N(0, 1) "
                    "with its negative half (ReLU maps it to 0, tanh to negative values): "
                    "z = rng.standard_normal(num_draws), phi(z) without np.abs")
    if abs(seen.mean()) > 6 / math.sqrt(n) or abs(seen.std() - 1) > 6 / math.sqrt(2 * n):
        raise Wrong(f"{what}: the values phi received have mean {seen.mean():.3f} and std "
                    f"{seen.std():.3f}: z must be standard normal, N(0, 1)")
    # mean 0 and std 1, but another shape (Laplace, Student's t): the sample excess
    # kurtosis of n normal draws has standard error sqrt(24 / n); 6 of them is a false
    # alarm of about 2e-9 in the normal approximation (at n = 200,000)
    if abs(kurt) > 6 * math.sqrt(24 / n):
        tails = "heavier" if kurt > 0 else "lighter"
        raise Wrong(f"{what}: the values phi received have mean 0 and std 1 but excess "
                    f"kurtosis {kurt:.2f}, a normal's is 0 ({tails} tails): z must be "
                    "standard normal, drawn with rng.standard_normal")


def _gain_mirrored(inputs: list, what: str) -> None:
    """Wrong if phi received values together with their negatives: z and -z (antithetic
    draws), not num_draws independent draws."""
    unique = np.unique(np.concatenate(inputs))
    # z and -z both drawn (antithetic): an exact mirror image happens by chance about as
    # often as an exact repeat of a value (the normal is symmetric), counted in phi's
    # largest input: none in float64, a few hundred in float32 (about 300 at num_draws,
    # Poisson spread about 17), so twice that plus 50 is far beyond chance
    nonzero = unique[unique != 0]
    mirrored = nonzero.size - np.unique(np.abs(nonzero)).size
    largest = max(inputs, key=np.size)
    repeats = largest.size - np.unique(largest).size
    if mirrored > 2 * repeats + 50:
        raise Wrong(f"{what}: phi received {mirrored} values together with their negatives, "
                    "z and -z (antithetic draws, np.concatenate([z, -z])?): half of the draws "
                    "are the other half negated, so they are not num_draws independent draws "
                    "and the Monte Carlo error is not that of num_draws draws. Draw "
                    "num_draws independent values, z = rng.standard_normal(num_draws)")


# serial dependence: for independent draws, the lag-k correlation of m values is about
# N(0, 1 / m); _SERIAL_Z standard errors at one of _SERIAL_LAGS lags is a false alarm below
# 1e-11 for a right answer. A moving average of draws, (e[:-1] + e[1:]) / sqrt(2), correlates
# 0.5 at lag 1; an AR(1) recursion a at lag 1, a**2 at lag 2.
_SERIAL_LAGS = (1, 2, 3)
_SERIAL_Z = 7.0


def _gain_serial(inputs: list, what: str) -> None:
    """Wrong if neighbouring values phi received correlate (a moving average or a recursion
    of draws), in the largest call's values (the whole of them if phi saw scalars). Values in
    sorted order are left alone: their estimate is that of the same draws unsorted."""
    largest = max(inputs, key=np.size)
    z = np.ravel(largest if np.size(largest) >= 1_000 else np.concatenate(inputs))
    z = z.astype(np.float64)
    if z.size < 1_000 or np.all(np.diff(z) >= 0) or np.all(np.diff(z) <= 0):
        return
    centred = z - z.mean()
    scale = float(np.dot(centred, centred))
    for lag in _SERIAL_LAGS:
        corr = float(np.dot(centred[:-lag], centred[lag:])) / max(scale, 1e-300)
        if abs(corr) * math.sqrt(z.size) > _SERIAL_Z:
            raise Wrong(f"{what}: values phi received {lag} apart correlate {corr:.2f}, "
                        f"where independent draws give about 0 (within "
                        f"{1 / math.sqrt(z.size):.4f}): each draw is mixed with those "
                        "before it (a moving average or a recursion such as z[i] = "
                        "a * z[i - 1] + ...), so they are not num_draws independent draws. "
                        "Draw z = rng.standard_normal(num_draws)")


def _gain_rescaled(inputs: list, what: str) -> None:
    """Wrong if the values phi received were rescaled after the draw (:func:`_rescaled`):
    all of them, or the largest call's (phi may see the draws in pieces, or twice)."""
    seen, largest = np.concatenate(inputs), max(inputs, key=np.size)
    exact = _rescaled(seen, 1.0) or (_rescaled(largest, 1.0) if largest.size >= 1_000 else None)
    if exact:
        exact += "" if exact.startswith("mean") else " 1"
        raise Wrong(f"{what}: the values phi received have {exact}: the draws were rescaled "
                    "after drawing ((z - z.mean()) / z.std(), or z / np.sqrt(np.mean(z**2))), "
                    "so they are no longer num_draws independent draws, and the estimate "
                    "loses its Monte Carlo error (the identity's gain comes out exactly 1). "
                    "Keep the raw draws, z = rng.standard_normal(num_draws)")


# too even: sqrt(m) D, D the Kolmogorov-Smirnov distance between the m distinct values phi
# received and N(0, 1), follows Kolmogorov's distribution for independent draws, with
# P(sqrt(m) D < x) = sqrt(2 pi) / x * sum_k exp(-(2k - 1)**2 pi**2 / (8 x**2)), 5.1e-13 at
# x = 0.2 (5.7e-13 exactly at m = 200,000, scipy.stats.kstwo): below _EVEN_KS in both calls
# (two seeds, independent) is a false alarm of about 3e-25 for a right answer, far below 1e-9.
# Stratified draws (one per equal-probability slice) and Sobol points mapped through norm.ppf
# have sqrt(m) D of about 1 / sqrt(m) or less (0.002 to 0.008 here).
_EVEN_KS = 0.2


def _ks_normal(values: np.ndarray) -> tuple[int, float]:
    """The number m of distinct values and sqrt(m) times their Kolmogorov-Smirnov distance to
    N(0, 1)."""
    from scipy import special

    x = np.unique(values)
    m = x.size
    cdf = special.ndtr(x)
    d = max(np.max(np.arange(1, m + 1) / m - cdf), np.max(cdf - np.arange(m) / m))
    return m, math.sqrt(m) * float(d)


def _gain_too_even(calls: list, what: str) -> None:
    """Wrong if the values phi received in every call are spread more evenly over N(0, 1)
    than independent draws ever are (:data:`_EVEN_KS`): stratified or quasi-random draws."""
    stats = [_ks_normal(np.concatenate(inputs)) for inputs in calls]
    if all(scaled < _EVEN_KS for _, scaled in stats):
        m, scaled = stats[0]
        raise Wrong(f"{what}: phi received values spread more evenly than independent draws "
                    f"ever are: their Kolmogorov-Smirnov distance to N(0, 1) is {scaled:.3f} / "
                    f"sqrt({m}); independent draws come below {_EVEN_KS} / sqrt({m}) with odds "
                    "under 1e-12. Stratified draws (one per slice of the normal) or "
                    "quasi-random points (Sobol, Halton, Latin hypercube) are not i.i.d.: "
                    "draw z = rng.standard_normal(num_draws)")


def _gain_not_shifted(gain: Any, what: str) -> None:
    """Wrong if two calls with one rng hand phi mostly the same values (shifted): draws from
    a copy of rng that a token draw moves on (:func:`shifted_copy_hint`). Independent
    draws share none; a few values of the learner's own (phi(0.0), a grid) are too few."""
    rng = np.random.default_rng(_GAIN_SEEDS[0])
    seen = []
    with watch_torch_global(gain):  # restores PyTorch's global state, which rng is not
        for _ in range(2):
            phi = _WatchedPhi(np.tanh)
            call(gain, phi, rng, 1_000)
            seen.append(phi.seen())
    if shared_share(*seen) > 0.5:
        raise Wrong(f"{what}: " + shifted_copy_hint("handed phi mostly the same values"))


@exercise_check
def check_gain(gain) -> str:
    """``gain(phi, rng, num_draws)``: the Monte Carlo estimate of 1 / sqrt(E[phi(z)**2])."""
    undecided = None  # the hint for a value that two listed mistakes give, if any
    load_torch()  # a torch.Generator made in the first call is watched, too
    for name, f in _GAIN_PHIS:
        m1, m2, m4 = (_normal_moment(f, k) for k in (1, 2, 4))
        want = 1 / math.sqrt(m2)
        # g = m2 ** -0.5: se(g) = se(m2) / (2 * m2 ** 1.5), se(m2) = sqrt(Var(phi**2) / n)
        se = math.sqrt((m4 - m2**2) / _GAIN_DRAWS) / (2 * m2**1.5)
        what = f"gain({name}, rng, {_GAIN_DRAWS})"
        got, inputs, seeding = _gain_draws(gain, f, _GAIN_SEEDS[0], what)
        if name == _GAIN_PHIS[0][0] and (seeding.groups or seeding.generators
                                         or seeding.numpy_made):
            _gain_own_generators(gain, what)
        _gain_inputs(inputs, what)
        if abs(got - want) <= _GAIN_Z * se:
            continue
        mistakes = {
            "that is 1 / std(phi(z)), the centred standard deviation: the variance "
            "argument is about the second moment E[phi(z)**2], which counts the mean of "
            "phi(z) too (ReLU's outputs have a positive mean)": 1 / math.sqrt(m2 - m1**2),
            "that is 1 / E[phi(z)]: the gain keeps the second moment, E[phi(z)**2]":
                1 / m1 if m1 else math.inf,
            "that is sqrt(E[phi(z)**2]), how much phi keeps, not the gain that makes up "
            "for it: invert it": math.sqrt(m2),
            "that is std(phi(z)), not inverted, and centred: the gain is 1 / sqrt of the "
            "second moment E[phi(z)**2]": math.sqrt(m2 - m1**2),
            "that is 1 / E[phi(z)**2], without the square root: the gain multiplies the "
            "standard deviation of the weights, so it is the square root of the variance "
            "factor": 1 / m2,
        }
        abs_z, abs_phi = math.sqrt(2 / math.pi), _normal_abs_mean(f)  # E|z|, E|phi(z)|
        mistakes.update({
            "that is mean(|z|) / mean(|phi(z)|), a ratio of mean absolute values: the gain "
            "keeps the second moment, 1 / sqrt(E[phi(z)**2]), with signed z and no np.abs":
                abs_z / abs_phi,
            "that is mean(|z|) / sqrt(E[phi(z)**2]): z's second moment E[z**2] = 1 belongs "
            "there, not the mean of |z| (0.798): the gain is 1 / sqrt(E[phi(z)**2])":
                abs_z / math.sqrt(m2),
        })
        named = [hint for hint, value in mistakes.items()
                 if math.isclose(got, value, rel_tol=_GAIN_MISTAKE_TOL)]
        generic = (f"{what} = {got:.4g} is {abs(got - want) / se:.0f} standard errors of a "
                   f"{_GAIN_DRAWS}-draw estimate away from 1 / sqrt(E[phi(z)**2]), "
                   "z ~ N(0, 1)")
        if len(named) == 1:
            raise Wrong(f"{what} = {got:.4g}: {named[0]}")
        # two mistakes give this value for this phi (for ReLU, 1 / E[phi(z)**2] and
        # mean(|z|) / mean(|phi(z)|) are both 2): the next activation tells them apart
        if named and name != _GAIN_PHIS[-1][0]:
            undecided = undecided or generic
            continue
        raise Wrong(undecided or generic)
    if undecided:
        raise Wrong(undecided)
    # the estimate comes from rng: the same seed gives the same value, another seed another
    what = f"gain(tanh, rng, {_GAIN_DRAWS})"
    again, _, _ = _gain_draws(gain, np.tanh, _GAIN_SEEDS[0], what)
    first, inputs_first, _ = _gain_draws(gain, np.tanh, _GAIN_SEEDS[0], what)
    other, inputs_other, seeding_other = _gain_draws(gain, np.tanh, _GAIN_SEEDS[1], what)
    seen_first, seen_other = np.concatenate(inputs_first), np.concatenate(inputs_other)
    if again != first:
        raise Wrong("two calls with equally seeded rng gave different gains: draw z from rng "
                    "itself, not from a generator of your own such as np.random.default_rng()")
    made = seeding_other.groups or seeding_other.generators or seeding_other.numpy_made
    if other == first and not made and seen_first.shape == seen_other.shape and np.array_equal(
            seen_first, seen_other):
        raise Wrong(f"{what}: phi received the very same draws, in the same order, for two "
                    "seeds of rng, and the call made no generator: z was drawn once (at "
                    "import, in a default argument, a module-level array or a cache) and is "
                    "reused by every call. Draw z inside gain, from the rng of each call: "
                    "z = rng.standard_normal(num_draws)")
    if other == first:
        raise Wrong("rng with another seed gave the same gain: your draws do not come from "
                    "rng (a generator of your own with a fixed seed?): draw z with "
                    "rng.standard_normal(num_draws)")
    # rng used only to shuffle a fixed set (normal quantiles, permuted): the gains of two seeds
    # differ by a rounding, where Monte Carlo draws differ by about 1e-3 at this num_draws
    if seen_first.shape == seen_other.shape and np.allclose(
            np.sort(seen_first), np.sort(seen_other), rtol=1e-9, atol=1e-12):
        raise Wrong(f"{what}: phi received the same set of values for two seeds of rng, only "
                    "in another order: a fixed set of quantiles is not Monte Carlo: draw z "
                    "from rng, z = rng.standard_normal(num_draws)")
    # a symmetric set (antithetic draws) after the fixed sets above, which are symmetric too
    _gain_mirrored(inputs_first, what)
    _gain_too_even([inputs_first, inputs_other], what)
    _gain_serial(inputs_first, what)  # after too even: Sobol points correlate at lag 1 too
    # rescaled after the draw, after the symmetric sets above (their mean is exactly 0 too)
    _gain_rescaled(inputs_first, what)
    with watch_torch_global(gain):  # restores PyTorch's global state, which rng is not
        advanced = rng_advanced(lambda rng: call(gain, _WatchedPhi(np.tanh), rng, 1_000))
    if not advanced:
        raise Wrong(NOT_ADVANCED_HINT)
    _gain_not_shifted(gain, what)
    _gain_ddof(gain)
    return ("1 / sqrt(mean(phi(z)**2)) over num_draws standard-normal draws from rng: sqrt(2) "
            "for ReLU, 1 for the identity, within Monte Carlo error.")


# uniform_bound: float64 formulas (math.sqrt(3) * std, np.sqrt(3 * std**2), sqrt(12) * std / 2,
# Decimal) agree to a few float64 roundings, float32 ones to a few float32 roundings (6e-8
# each); a typed constant such as 1.73205 (4.7e-7 off) fails both
_F64_TOL = 1e-12
_F32_TOL = 3e-7
# one std per call drawn from a fixed generator, besides the three listed: a lookup table of
# right answers for the listed inputs fails on it
_UNIFORM_SEED = 20_050


def _is_float32(value: Any) -> bool:
    """Whether the learner's number is a float32 (a NumPy scalar, a 0-d or 1-element array,
    or a PyTorch tensor)."""
    return str(getattr(value, "dtype", "")).removeprefix("torch.") == "float32"


def _float32_made(got: float, std: float) -> bool:
    """Whether a float64 ``got`` near sqrt(3) * std carries float32 rounding: it is a float32
    value itself, or sqrt(3) rounded to float32 times std (a typed constant such as 1.7320508
    is neither)."""
    return (float(np.float32(got)) == got
            or math.isclose(got, float(np.float32(math.sqrt(3))) * std, rel_tol=1e-15))


def _short_decimal(x: float, digits: int = 11) -> bool:
    """Whether ``x`` is, up to a few float64 roundings, a decimal of ``digits`` significant
    digits or fewer (a typed constant such as 1.7320508). A ratio of a random draw almost
    never is: it lands that close to one of them with odds of about 1e-4."""
    return any(math.isclose(float(f"{x:.{d}g}"), x, rel_tol=1e-15) for d in range(1, digits + 1))


def _estimate_evidence(uniform_bound: Any, std: float, got: float, want: float) -> str | None:
    """Why ``got``, close to ``want`` but not equal, looks estimated from random draws, as a
    phrase; None if it does not. Evidence: another call with the same ``std`` gives another
    value, the call makes a generator (``default_rng(0).uniform(...).max()``), or ``got`` is
    below the bound (as the largest of many draws of U(-a, a) is) by a factor that no short
    typed constant for sqrt(3) or 1 / sqrt(3) gives, and float32 did not make it
    (:func:`_float32_made`: a float32's rounding has a hint of its own)."""
    with _watch(uniform_bound) as (seen, _):
        again = _number(call(uniform_bound, std), f"uniform_bound({std})")
    if again != got:
        return f"another call with the same std gave {again!r}: it changes with the draws"
    if seen.numpy_made or seen.generators:
        return "your function makes a generator and draws from it"
    ratio = got / std
    if (got < want and not _float32_made(got, std)
            and not (_short_decimal(ratio) or _short_decimal(1 / ratio))):
        return ("it is below the bound by a factor no typed constant gives, as the largest "
                "of many uniform draws is")
    return None


def _ddof_factor(ratio: float) -> str | None:
    """The factor ``ratio`` as text when it is a ddof correction (n - 1) / n, n / (n - 1) or
    the square root of either, for a whole n from 10 to 10**5 (fewer is no sample size, and
    sqrt(2) is Glorot's factor), to float64 precision; None otherwise. Neighbouring factors
    lie 1 / n**2 >= 1e-10 apart: a random ratio lands within 1e-13 of one with odds of 1e-3
    at most, and the check asks the same factor of two calls.

    >>> _ddof_factor(math.sqrt(999 / 1000)), _ddof_factor(1.0001234)
    ('sqrt((n - 1) / n) with n = 1000', None)
    """
    for root, square in ((False, ratio), (True, ratio**2)):
        for inverse, f in ((False, square), (True, 1 / square)):
            if not 0.5 <= f < 1:
                continue
            n = round(1 / (1 - f))
            if 10 <= n <= 10**5 and math.isclose(f, (n - 1) / n, rel_tol=1e-13):
                shown = "n / (n - 1)" if inverse else "(n - 1) / n"
                return f"{f'sqrt({shown})' if root else shown} with n = {n}"
    return None


@exercise_check
def check_uniform_bound(uniform_bound) -> str:
    """``uniform_bound(std)``: the ``a`` for which ``U(-a, a)`` has standard deviation ``std``."""
    drawn = float(np.random.default_rng(_UNIFORM_SEED).uniform(0.01, 3.0))
    for std in (0.1, 0.0625, 2.0, drawn):
        value = call(uniform_bound, std)
        got = _number(value, f"uniform_bound({std})")
        want = math.sqrt(3) * std
        tol = _F32_TOL if _is_float32(value) else _F64_TOL
        if math.isclose(got, want, rel_tol=tol):
            continue
        # rounded (round(x, 8)), not a typed constant: it is a rounding for another std too
        # (1.7320508 * 0.1 is round(sqrt(3) * 0.1, 8), but 1.7320508 * 0.0625 no rounding)
        other = 0.0625 if std != 0.0625 else 2.0
        other_got = _number(call(uniform_bound, other), f"uniform_bound({other})")
        rounded_to = [k for k in range(16) if got == round(want, k)
                      and other_got == round(math.sqrt(3) * other, k)]
        if rounded_to and math.isclose(got, want, rel_tol=_ROUNDED_TOL):
            raise Wrong(f"uniform_bound({std}) = {got!r} is the right value rounded to "
                        f"{rounded_to[0]} decimals: return it unrounded, without round()")
        ddof = _ddof_factor(got / want)
        if ddof is not None and ddof == _ddof_factor(other_got / (math.sqrt(3) * other)):
            raise Wrong(f"uniform_bound({std}) = {got!r} is sqrt(3) * std times {ddof}: a "
                        "sample's n - 1 correction (ddof) has no place here, there is no "
                        "sample. The bound is exact: Var(U(-a, a)) = a**2 / 3, so "
                        "a = sqrt(3) * std")
        # drawn: before float32 (a float32 estimate is still an estimate), after rounding
        evidence = (_estimate_evidence(uniform_bound, std, got, want)
                    if math.isclose(got, want, rel_tol=_ROUNDED_TOL) else None)
        if evidence is not None:
            raise Wrong(f"uniform_bound({std}) = {got!r} is off by {abs(got / want - 1):.1e} "
                        f"relative and looks estimated from random draws ({evidence}). The "
                        "bound is exact, with no draws: Var(U(-a, a)) = a**2 / 3, so "
                        "a = sqrt(3) * std. Compute it (math.sqrt(3) * std), don't estimate it")
        if math.isclose(got, want, rel_tol=_F32_TOL) and _float32_made(got, std):
            raise Wrong(f"uniform_bound({std}) = {got!r} is off by {abs(got / want - 1):.1e} "
                        "relative: the precision of float32, in a float64 number. Compute it "
                        "in float64 (math.sqrt(3) * std), or return the float32 itself")
        if math.isclose(got, want, rel_tol=_F32_TOL):
            raise Wrong(f"uniform_bound({std}) = {got!r} is off by {abs(got / want - 1):.1e} "
                        "relative: the formula looks right, but sqrt(3) was typed as a "
                        "constant (1.7320508?) with too few digits. Compute it: math.sqrt(3)")
        _rounded(got, want, f"uniform_bound({std})")
        mistakes = {
            "U(-a, a) is wider than its standard deviation: its sd is a / sqrt(3), not a": std,
            "that makes the sd smaller still: solve a / sqrt(3) = std for a":
                std / math.sqrt(3),
            "the variance is a**2 / 3; the standard deviation is its square root, so the "
            "factor between a and std is a square root too": 3 * std,
            "sqrt(6) belongs to Glorot's bound, whose VARIANCE is 2 / (fan_in + fan_out): "
            "here the standard deviation is given": math.sqrt(6) * std,
            "take the square root of the variance 3 * std**2, not of 3 * std":
                math.sqrt(3 * std),
        }
        for hint, mistake in mistakes.items():
            if math.isclose(got, mistake, rel_tol=_F32_TOL):
                raise Wrong(hint)
        if got <= 0:
            raise Wrong(f"uniform_bound({std}) = {got:.4g}: the bound of U(-a, a) must be "
                        "positive (a > 0), the right end of the interval: a = sqrt(3) * std")
        raise Wrong(f"U(-a, a) with a = uniform_bound({std}) does not have standard deviation "
                    f"{std}: its variance is a**2 / 3")
    return "a uniform on [-a, a] has variance a**2 / 3, so a = sqrt(3) times the sd."


# he_stack: layers drawn with _STACK_SEEDS generators, tolerances 5 standard errors of the
# pooled draws. In the first three layers He's std and every listed mistake's (LeCun, Glorot,
# fan_out, the variance) differ by 7 % or more, and the first one names the mistake. The last
# layer's fan_in of 5 (1000 weights, 10000 pooled: 3.5 % for 5 standard errors) makes a bias
# counted as a fan, sqrt(2 / (fan_in + 1)), 8.7 % off He's std (and 29 % or more off every
# other mistake's); with fan_in 30 or more it is 1.6 % or less, within the tolerance of the
# smaller layers. (A fan_in of 4 would not do: the variance 2 / 4 equals LeCun's std there.)
_STACK_WIDTHS = (30, 200, 60, 5, 200)
_STACK_SEEDS = tuple(range(10))
# widths whose layers 1 and 2 share a shape, as the prompt's (64, 100, 100, 100, 10) do: a
# matrix cached per shape and reused would otherwise pass (_STACK_WIDTHS repeat no shape)
_REPEATED_WIDTHS = (20, 30, 30, 30, 5)
# the networks of _REPEATED_WIDTHS whose equal layers are compared (10 x 900 pairs: a
# correlation of about 0.11 is the 1e-9 bound of _not_related)
_REPEATED_SEEDS = tuple(range(3, 13))
# seeds that the seeds above reach by arithmetic per layer (seed + 100 * layer, ...)
_COLLIDING_SEEDS = (100, 200, 300, 1000)


_TORCH_GLOBAL = ("your function reseeded or drew from PyTorch's global generator "
                 "(torch.manual_seed, or torch.randn without generator=): that is global "
                 "state, like np.random.seed. It changes every later torch draw in the "
                 "notebook, and torch.manual_seed(int(rng.integers(1000))) gives many rng the "
                 "same network. Draw the weights with rng itself (rng.normal), or from a "
                 "torch.Generator seeded with rng.integers(2**63)")
# how many cheap networks (widths _DISTINCT_WIDTHS, a fresh rng each) must all differ in
# their first layer: seeds carrying b bits repeat about n**2 / 2**(b + 1) times among n, so
# 300 calls catch seeds of about 16 bits or fewer however they are mixed (hash((s, layer))
# spreads s = rng.integers(1000) over 64 bits, but still makes only 1000 networks)
_DISTINCT_CALLS = 300
_DISTINCT_WIDTHS = (3, 2, 2)


def _distinct_networks(func: Any) -> None:
    """Wrong if networks from differently seeded rng share their first layer: the learner's
    own generators get fewer bits from rng than the 40 the check asks for, even if a hash
    makes the seeds look wide."""
    seen: dict[bytes, int] = {}
    repeats = 0
    for s in range(_DISTINCT_CALLS):
        first = _layers(func, _DISTINCT_WIDTHS, np.random.default_rng([s, 55]))[0]
        key = first.tobytes()
        repeats += seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
    if repeats:
        pairs = _DISTINCT_CALLS * (_DISTINCT_CALLS - 1) / 2
        bits = math.log2(pairs / repeats)
        raise Wrong(f"{_DISTINCT_CALLS} networks built from {_DISTINCT_CALLS} differently "
                    f"seeded rng share their first layer {repeats} times: the seeds of your "
                    f"layers' generators carry only about {bits:.0f} bits from rng (about "
                    f"2**{bits:.0f} different networks), however they are mixed afterwards "
                    "(hash((s, layer)) of a small s spreads it, but makes no more networks). "
                    "Draw every layer from rng itself, or spawn per-layer streams (rng.spawn), "
                    "or draw 63-bit seeds (rng.integers(2**63))")


def _layers(func: Any, widths: tuple, rng: Any) -> list:
    """The learner's list of weight matrices, checked for count and shapes."""
    with watch_torch_global(func) as torch_global:  # restored afterwards
        got = call(func, widths, rng)
    if torch_global.changed or torch_global.manual_seeds:
        raise Wrong(_TORCH_GLOBAL)
    what = f"he_stack({widths}, rng)"
    if isinstance(got, np.ndarray) or not isinstance(got, (list, tuple)):
        raise Wrong(f"{what} should return a list of weight matrices, one per layer, got "
                    f"{a_type(got)}")
    shapes = list(itertools.pairwise(widths))
    if len(got) != len(shapes):
        raise Wrong(f"{what} returned {len(got)} matrices; {len(widths)} sizes make "
                    f"{len(shapes)} layers, one per consecutive pair (fan_in, fan_out)")
    out = []
    for layer, (W, shape) in enumerate(zip(got, shapes, strict=True)):
        if hasattr(W, "detach"):  # a torch tensor or Parameter that requires grad
            W = W.detach().cpu()
        W = np.asarray(W)
        # the symmetry of section 1 before the float16 detector: zeros and a constant sit on
        # float16's grid too, but their mistake is that every unit starts equal
        if W.shape == shape and W.dtype.kind == "f" and W.size and np.ptp(W) == 0:
            value = float(W.flat[0])
            zero = (" (a standard deviation of 0? 2 // fan_in is integer division, 0 for "
                    "fan_in > 2: write 2 / fan_in)" if value == 0 else "")
            raise Wrong(f"every weight of layer {layer} is {value:g}: every unit starts with "
                        "the same incoming and outgoing weights, the symmetry of section 1, "
                        "which randomness is there to break; the units stay equal in "
                        f"training{zero}. Draw every weight from rng.normal, std "
                        "sqrt(2 / fan_in)")
        if W.shape == shape and W.shape[1] > 1 and np.all(W == W[:, :1]):
            raise Wrong(f"every unit of layer {layer} has the same incoming weights (equal "
                        "columns): the symmetry of section 1, which randomness is there to "
                        "break. Draw every weight of the (fan_in, fan_out) matrix")
        if W.shape == shape and _float16(W, *shape):
            raise Wrong(f"layer {layer} holds float16 values: float16 keeps about 3 digits, so "
                        "thousands of draws round onto the same few values and repeat. Draw "
                        "and keep the weights in float64 (or float32)")
        if W.shape != shape and W.shape == shape[::-1]:
            raise Wrong(f"layer {layer} has shape {W.shape}: the course's W is (fan_in, "
                        f"fan_out) = {shape}, so that a = f(X @ W + b)")
        if W.shape != shape or W.dtype.kind != "f":
            raise Wrong(f"layer {layer} should be a float array of shape {shape}, got "
                        f"{W.dtype} of shape {W.shape}")
        out.append(W.astype(np.float64))
    return out


def _watched(func: Any, widths: tuple, rng: Any, seeds: list, keys: list | None = None,
             hashes: list | None = None, groups: list | None = None) -> list:
    """:func:`_layers`, appending to ``seeds`` the integer seeds that the call gave to
    ``np.random.default_rng``, ``SeedSequence`` or a bit generator, to ``keys`` (if
    given) every integer that went into those seeds (``Seeding.keys``: list entries too),
    to ``hashes`` (if given) what the call fed to ``hash`` or hashlib
    (:func:`_watch_hashing`), and to ``groups`` (if given) the integers of each generator's
    seed (``Seeding.groups``)."""
    with _watch(func) as (seen, hashed):
        out = _layers(func, widths, rng)
    seeds.append(list(seen.seeds))
    if keys is not None:
        keys.append(list(seen.keys))
    if hashes is not None:
        hashes.append(hashed)
    if groups is not None:
        groups.append(list(seen.groups))
    return out


def _few_hashed_bits(hashes: list) -> None:
    """Wrong if the integers a call fed to ``hash`` or hashlib (``hash((s, layer))``,
    ``sha256(f"{s}-{layer}")``) vary across calls with different rng by ``SEED_BITS`` bits or
    fewer (:func:`weakest_seed_bits`, hash by hash): hashing spreads them over 64 bits or
    more, but makes no more networks than ``s`` has values."""
    groups = [[ints for _, ints in run if ints] for run in hashes]
    bits = weakest_seed_bits(groups)
    if bits is None or bits > SEED_BITS:
        return
    b = max(1, math.ceil(bits - 1e-9))
    how = " and ".join(sorted({how for run in hashes for how, _ in run}))
    example = next(g for g in groups if g)[0]
    raise Wrong(f"your layers' seeds are made by hashing ({how}) integers, here "
                f"{str(example)[:40]}, that vary across calls by only about {b} bits, "
                f"{SEED_BITS} or fewer (a number drawn below 2**{SEED_BITS}, Day 1's rule): "
                "a hash spreads those bits over a wide seed but adds none, so there are only "
                f"about 2**{b} different networks, and n networks drawn over many runs share "
                f"a layer about n**2 / 2**{b + 1} times (the birthday bound). Draw every layer "
                "from rng itself, or spawn per-layer streams (rng.spawn), or draw 63-bit seeds "
                "(rng.integers(2**63))")


def _few_seed_bits(keys: list, groups: list) -> None:
    """Wrong if the generators a call seeds get, across calls with different rng, 40 bits or
    fewer from rng (:func:`seed_bits`; Day 1's rule: a seed drawn below 2**40 is rejected,
    rng.integers(2**40) included): such a seed, bare or in a list (``[s, layer]``) or a
    ``SeedSequence(s)`` whose children make the layers, repeats across calls. Judged over
    the call's ``keys`` and generator by generator (``groups``, :func:`weakest_seed_bits`):
    a generator per layer seeded ``[rng.integers(2**32), layer]`` repeats its layer though
    the call's seeds together vary by more than 40 bits."""
    bits = min((b for b in (seed_bits(keys), weakest_seed_bits(groups)) if b), default=None)
    if bits is not None and 0 < bits <= SEED_BITS:
        b = max(1, math.ceil(bits - 1e-9))
        even = math.sqrt(2 * math.log(2)) * 2 ** (b / 2)  # an even chance of a repeat
        raise Wrong(f"your layers' generators are seeded from rng with seeds {keys[0][:4]} "
                    f"that vary across calls by only about {b} bits, {SEED_BITS} or fewer: a "
                    f"seed drawn below 2**{SEED_BITS} (Day 1's rule, which rejects "
                    f"rng.integers(2**{SEED_BITS}) too; bare, in a list or in a "
                    "SeedSequence) repeats over many calls. n such seeds share a value "
                    f"about n**2 / 2**{b + 1} times (the birthday bound: an even chance of a "
                    "repeat at about "
                    f"{float(f'{even:.2g}'):,.0f} networks), and two networks then hold the "
                    "same weights. Draw every layer from rng itself, or spawn per-layer "
                    "streams (rng.spawn), or draw 63-bit seeds (rng.integers(2**63))")


def _scrambled_seeds(func: Any) -> None:
    """Wrong if the layers, when ``func`` makes a generator of its own, depend on rng only
    through ``SEED_BITS`` bits of one of its first three draws, or two narrow draws packed
    into one seed (judged on layer 0, so that a narrow seed drawn per layer is seen too) (:func:`~helpers.checks._seeding.narrow_when_scrambled`): a narrow seed
    squared, hashed or multiplied, which the seed watch takes for a wide one. Small
    networks (:data:`_DISTINCT_WIDTHS`) keep the probe's many calls cheap."""
    with _watch(func) as (seen, _):
        _layers(func, _DISTINCT_WIDTHS, np.random.default_rng(7))
    if not (seen.groups or seen.numpy_made or seen.generators):
        return
    # layer 0 alone: a narrow seed drawn per layer (scrambled) makes layer 0 depend on one
    # narrow draw, while the whole network depends on several
    if narrow_when_scrambled(lambda rng: _layers(func, _DISTINCT_WIDTHS, rng)[0], halves=True,
                              positions=(0, 1, 2), func=func):
        raise Wrong(scrambled_seed_hint("weights"))


_ENTROPY_HINT = ("two different generators gave the same weights: your layers are seeded from "
                 "the generator's seed (arithmetic on rng.bit_generator.seed_seq.entropy), not "
                 "drawn from rng itself; draw from rng (or rng.spawn)")


def _rebuilt_from_seed(func: Any, widths: tuple, first: list) -> None:
    """Wrong if the network ``first`` (from a fresh ``default_rng(0)``) depends on rng only
    through its seed: the same network again from a ``default_rng(0)`` that has drawn, and
    twice from that one rng. Generators rebuilt from rng's seed do that
    (``default_rng(rng.bit_generator.seed_seq)``, ``default_rng(entropy * (layer + 1))``);
    draws from rng move with its state, ``rng.spawn`` children differ call after call, and
    copies of rng (``deepcopy``, ``jumped()``, a state saved and restored) follow its state.
    Run before the reuse tests: such layers often share draws (seed 0 times any layer is 0),
    and their cause is the seed, not a shuffled array."""
    rng = np.random.default_rng(0)
    rng.random(3)  # the same seed, another state
    advanced = _layers(func, widths, rng)
    again = _layers(func, widths, rng)
    if not all(np.array_equal(a, b) and np.array_equal(b, c)
               for a, b, c in zip(first, advanced, again, strict=True)):
        return
    grids = [np.round(np.abs(W.ravel()) / math.sqrt(2 / W.shape[0]), 9) for W in first]
    shared = next(((a, b) for a, b in itertools.combinations(range(len(grids)), 2)
                   if np.intersect1d(grids[a], grids[b]).size > 50), None)
    also = (f" Here layers {shared[0]} and {shared[1]} even hold the same draws: generators "
            "rebuilt from one seed (or from seeds such as entropy * (layer + 1), all 0 when "
            "the entropy is 0) repeat each other's draws." if shared else "")
    raise Wrong("your layers are seeded from the generator's seed (generators rebuilt from "
                "rng.bit_generator.seed_seq or arithmetic on its entropy), not drawn from rng: "
                "rng gave the same network after it had drawn, and twice in a row, so it "
                f"never moves on and every copy of its seed rebuilds the same weights.{also} "
                "Draw every layer from rng itself (or from rng.spawn(...) children)")


def _entropy_seeds(func: Any, widths: tuple) -> None:
    """Wrong if the generators a call seeds are rng's own entropy plus offsets that do not
    depend on rng (``entropy + layer``, ``entropy + 100 * layer``, the entropy itself): the
    same offsets for rng seeded 0 and 1, with seeds that follow the entropy."""
    offsets = []
    for entropy in (0, 1):
        seeds: list = []
        _watched(func, widths, np.random.default_rng(entropy), seeds)
        offsets.append(tuple(seed - entropy for seed in seeds[0]))
    if offsets[0] and offsets[0] == offsets[1]:
        raise Wrong(_ENTROPY_HINT)


def _shift_collision(seeds: list, step: int) -> str:
    """What the calls show about seeds in arithmetic progression (``step`` per layer) meeting
    across rng, as a sentence: a seed that the calls already gave to two different layers;
    else, when every call used that step and the layer-0 seeds move with rng on a grid that
    reaches a later layer's seed within their observed range, the network shifted by that many
    layers that another rng builds; else only that none of the rng tried met. ``s + layer``
    and ``s + 1000 * layer`` (s of 63 bits) reach a shift, ``int(f"{s}{layer}")`` (10 s +
    layer) and ``100 * s + layer`` do not: their layer-0 seeds are multiples of 10 or 100."""
    calls = [c for c in seeds if len(c) > 1]
    layer_of: dict[int, int] = {}
    for c in calls:
        for layer, seed in enumerate(c):
            if layer_of.setdefault(seed, layer) != layer:
                i, j = sorted((layer_of[seed], layer))
                return (f"The rng tried already meet: {seed} seeds layer {i} for one rng and "
                        f"layer {j} for another, so those two networks share weights. ")
    distinct = {tuple(c) for c in calls}
    if (len({len(c) for c in calls}) == 1 and all(constant_step(c) == step for c in calls)
            and len(distinct) >= 3):
        bases = sorted({c[0] for c in calls})
        lo, hi, grid = bases[0], bases[-1], 0
        for base in bases:
            grid = math.gcd(grid, base - lo)
        for k in range(1, len(calls[0])):
            if (k * step) % grid:
                continue
            for c in calls:
                if lo <= c[k] <= hi:
                    shift = "one layer" if k == 1 else f"{k} layers"
                    return (f"And your layer 0's seed moves with rng in steps of {grid} (from "
                            f"{lo} to {hi} over the rng tried), so {c[k]}, "
                            f"the layer {k} seed of one of them, can be layer 0's seed for "
                            "another rng, which then builds the same generators shifted by "
                            f"{shift}: two different rng share weights. ")
    return "(The rng tried gave no seed to two different layers here.) "


def _per_layer_seeds(seeds: list) -> None:
    """Wrong if the calls seeded a generator per layer with seeds that, layer by layer, vary
    across the calls by ``SEED_BITS`` bits or fewer (the course's rule: seeds drawn below
    2**40 are rejected; n of them drawn over many calls share a value about n**2 / 2**41
    times or more often), named as arithmetic when they are one integer plus a step per
    layer (seed + layer, seed * 100 + layer, ...), which other generators reach. Each layer
    position is measured on its own (:func:`seed_bits` of that layer's seeds across calls):
    four 12-bit layer seeds are four 12-bit seeds, not 48 bits, and 2**32 + s varies as
    little as s. Arithmetic on a base drawn wide from rng (s = rng.integers(2**63), then
    s + layer) passes: its seeds are distinct, and meet another run's only with odds about
    2**-60."""
    # calls that seeded several generators, grouped by how many (so that positions line up)
    by_count: dict[int, list] = {}
    for call_seeds in seeds:
        if len(call_seeds) > 1:
            by_count.setdefault(len(call_seeds), []).append(call_seeds)
    narrow = None  # (layer, bits, its seeds across the calls) of the first narrow layer
    for group in by_count.values():
        if len(group) < 2:
            continue
        for layer, column in enumerate(zip(*group, strict=True)):
            bits = seed_bits([[s] for s in column])
            if bits is not None and bits <= SEED_BITS:
                narrow = (layer, bits, column)
                break
        if narrow is not None:
            break
    if narrow is None:
        return
    layer, bits, column = narrow
    b = max(1, math.ceil(bits - 1e-9))
    for call_seeds in seeds:
        step = constant_step(call_seeds)
        # two seeds always differ by a constant: only name the arithmetic when there are
        # three or more, or when every call that seeded several used that same step
        if step is not None and (len(call_seeds) > 2 or all(
                constant_step(c) == step for c in seeds if len(c) > 1)):
            raise Wrong(f"your layers' generators are seeded {call_seeds[:3]}...: one integer "
                        f"plus a fixed step of {step} per layer, arithmetic on a seed that "
                        f"varies across calls by only about {b} bits ({SEED_BITS} or fewer: "
                        f"drawn below 2**{SEED_BITS}?). Each such generator is then the one "
                        "of an ordinary integer: any other "
                        f"code that seeds with {call_seeds[1]} the way you do gets exactly "
                        f"the draws your code got from it. {_shift_collision(seeds, step)}"
                        "Draw every layer from rng itself (or from rng.spawn(...) children), "
                        "or draw the base wide (rng.integers(2**63))")
    even = math.sqrt(2 * math.log(2)) * 2 ** (b / 2)  # an even chance of a repeat
    raise Wrong(f"the generator of your layer {layer} is seeded with integers that "
                f"vary across calls by only about {b} bits (e.g. {column[0]}), "
                f"{SEED_BITS} or fewer: a seed drawn below 2**{SEED_BITS} (Day 1's "
                "rule), and an offset such as 2**32 + s adds no variation. Each "
                "layer's seed is judged on its own, so several small layer seeds do "
                "not add up. n such seeds drawn over many calls share a value about "
                f"n**2 / 2**{b + 1} times (the birthday bound: an even chance of a "
                f"repeat at about {float(f'{even:.2g}'):,.0f} networks), and two "
                "networks then hold the same layer. Draw every layer from rng itself, "
                "or spawn per-layer streams (rng.spawn), or draw 63-bit seeds "
                "(rng.integers(2**63))")


def _float16(W: np.ndarray, fan_in: int, fan_out: int) -> bool:
    """Whether ``W`` is float16, or float16 draws times He's or a listed mistake's std."""
    if W.dtype == np.float16:
        return True
    if W.dtype.kind != "f" or W.size == 0:
        return False
    for std in (1.0, math.sqrt(2 / fan_in), math.sqrt(1 / fan_in), math.sqrt(2 / fan_out),
                math.sqrt(2 / (fan_in + fan_out)), 2 / fan_in):
        z = W.astype(np.float64).ravel() / std
        with np.errstate(over="ignore", invalid="ignore"):
            on_grid = np.abs(z - z.astype(np.float16)) <= 1e-6 * np.abs(z)
        # float16 steps are 2**-10 relative: a float64 draw lands within 1e-6 of one about
        # 0.2 % of the time, so 90 % of the entries on the grid is float16 arithmetic
        if np.mean(on_grid) > 0.9:
            return True
    return False


def _pairs(W: np.ndarray) -> set:
    """The pairs of neighbouring entries of ``W`` (row-major), standardized to 6 decimals."""
    z = np.round(W / math.sqrt(2 / W.shape[0]), 6).ravel()
    return set(zip(z[:-1].tolist(), z[1:].tolist(), strict=True))


def _lag1(z: np.ndarray) -> float:
    """Correlation of neighbouring entries along a flattened array."""
    return float(np.corrcoef(z[:-1], z[1:])[0, 1])


# correlation at any lag (F: z[:, 2:] + z[:, :-2] correlates columns two apart, layer l + 1
# mixed with layer l's draws correlates layers), pooled over the _STACK_SEEDS networks. For
# independent N(0, 1) weights z, the lag-k sum S = sum_t z_t z_(t+k) over m pairs is a
# Gaussian quadratic form z'Az with trace 0, ||A||_F**2 = m / 2 and ||A||_op <= 1 (each
# row holds at most two entries 1/2), so Laurent and Massart's bound (Ann. Statist. 2000,
# Lemma 1, on A's positive and negative eigenvalues apart) gives
# P(|S| >= 2 sqrt(m u) + 2 u) <= 4 exp(-u), whatever the lag. u is set so that the union over
# every lag tested (rows and columns of every layer, every shift between two layers:
# _LAG_TESTS) is below _LAG_FALSE_ALARM for a right answer.
_LAG_FALSE_ALARM = 1e-9


def _lag_sums(x: np.ndarray, y: np.ndarray | None = None) -> np.ndarray:
    """sum_t x_t x_(t+k) for k = 0 .. len(x) - 1 along the last axis, summed over the first
    (the networks); with ``y``, sum_t x_t y_(t+k) for every shift k = -(len(x) - 1) ..
    len(y) - 1 (by FFT)."""
    other = x if y is None else y
    size = x.shape[1] + other.shape[1]
    fx, fy = np.fft.rfft(x, size), np.fft.rfft(other, size)
    full = np.fft.irfft((np.conj(fx) * fy).sum(axis=0), size)  # index k: x_t with y_(t+k)
    if y is None:
        return full[:x.shape[1]]
    return np.concatenate([full[size - x.shape[1] + 1:], full[:other.shape[1]]])


def _lag_pairs(n_x: int, n_y: int | None, networks: int) -> np.ndarray:
    """How many products each entry of :func:`_lag_sums` adds up."""
    if n_y is None:
        return networks * (n_x - np.arange(n_x))
    shifts = np.arange(-(n_x - 1), n_y)
    return networks * (np.minimum(n_x, n_y - shifts) - np.maximum(0, -shifts))


def _lag_tests(sizes: list) -> int:
    """How many lags :func:`_not_lagged` tests for layers of these sizes."""
    within = sum(2 * (n - 1) for n in sizes)
    across = sum(a + b - 1 for a, b in itertools.combinations(sizes, 2))
    return within + across


def _not_lagged(draws: list) -> None:
    """Wrong if the standardized weights of the networks in ``draws`` correlate at some lag:
    along rows (row-major order), along columns (column-major order), within each layer, or
    between the flattened positions of two layers; the bound is explained above."""
    layers = [[W / math.sqrt(2 / W.shape[0]) for W in network] for network in draws]
    sizes = [W.size for W in layers[0]]
    u = math.log(4 * _lag_tests(sizes) / _LAG_FALSE_ALARM)

    def worst(sums: np.ndarray, pairs: np.ndarray, skip_zero: bool,
              scale: float) -> tuple[int, float, float]:
        """The lag that exceeds its bound most, by how much, and its correlation (the mean
        product over the product of the RMS values, ``scale``: He's std need not hold)."""
        bound = 2 * np.sqrt(pairs * u) + 2 * u
        excess = np.abs(sums) / np.maximum(bound, 1e-300)
        if skip_zero:
            excess[0] = 0.0
        k = int(np.argmax(excess))
        return k, float(excess[k]), float(sums[k] / max(pairs[k], 1) / max(scale, 1e-300))

    def mean_square(x: np.ndarray) -> float:
        return float(np.mean(x**2))

    for layer, n in enumerate(sizes):
        shape = layers[0][layer].shape
        for order, name in (("C", "row-major"), ("F", "column-major")):
            x = np.stack([network[layer].ravel(order=order) for network in layers])
            k, excess, corr = worst(_lag_sums(x), _lag_pairs(n, None, len(layers)), True,
                                    mean_square(x))
            if excess > 1:
                rows, cols = divmod(k, shape[1])
                if order == "F":
                    cols, rows = divmod(k, shape[0])
                raise Wrong(f"weights of layer {layer} that lie {rows} rows and {cols} "
                            f"columns apart (lag {k} in {name} order) correlate {corr:.2f} "
                            f"across {len(layers)} networks, far beyond independent draws "
                            "(a false alarm below 1e-9): a weight mixed with its neighbours "
                            "(a sum or moving average of draws, sorted or patterned?). Every "
                            "weight must be an independent draw from rng")
    for a, b in itertools.combinations(range(len(sizes)), 2):
        x = np.stack([network[a].ravel() for network in layers])
        y = np.stack([network[b].ravel() for network in layers])
        shift, excess, corr = worst(_lag_sums(x, y), _lag_pairs(sizes[a], sizes[b],
                                                               len(layers)), False,
                                    math.sqrt(mean_square(x) * mean_square(y)))
        if excess > 1:
            raise Wrong(f"layers {a} and {b} are correlated ({corr:.2f} between their "
                        "flattened weights, at a shift of "
                        f"{shift - (sizes[a] - 1)} positions, across {len(layers)} networks; "
                        "a false alarm below 1e-9): one layer is built from the other's draws "
                        "(mixed in, added or reused). Every layer needs its own independent "
                        "draws from rng")


def _not_orthogonal(W: np.ndarray, layer: int) -> None:
    """Wrong if ``W``'s columns (tall) or rows (wide) are orthogonal with equal norms: an
    orthogonal initialization. Independent normal draws are far from it (their smaller Gram
    matrix has off-diagonal entries about 1 / sqrt(n) of the diagonal's)."""
    gram = W.T @ W if W.shape[0] >= W.shape[1] else W @ W.T
    diag = np.diag(gram)
    if gram.shape[0] < 2 or diag.mean() <= 0:
        return
    off = gram - np.diag(diag)
    if np.abs(off).max() < 1e-8 * diag.mean() and np.ptp(diag) < 1e-8 * diag.mean():
        lines = "columns" if W.shape[0] >= W.shape[1] else "rows"
        raise Wrong(f"layer {layer}'s {lines} are orthonormal up to a constant: an orthogonal "
                    "initialization (a QR or SVD of a random matrix), whose entries depend on "
                    "each other. He NORMAL draws every weight independently from rng.normal, "
                    "std sqrt(2 / fan_in)")


def _not_standardized(W: np.ndarray, layer: int) -> None:
    """Wrong if ``W`` was rescaled after the draw (:func:`_rescaled`): every column or every
    row alike (W / np.linalg.norm(W, axis=0), (W - W.mean(0)) / W.std(0)), or the whole
    layer (mean exactly 0, or std or RMS exactly He's: W / np.sqrt(np.mean(W**2)) * he)."""
    he = math.sqrt(2 / W.shape[0])
    for axis, lines in ((0, "column"), (1, "row")):
        exact = _rescaled(W, he, axis)
        if exact:
            exact = {"mean exactly 0": "mean exactly 0",
                     "standard deviation exactly": "the same standard deviation exactly",
                     "root mean square exactly": "the same norm exactly"}[exact]
            how = (f"np.linalg.norm(W, axis={axis})" if "norm" in exact
                   else f"W.mean(axis={axis}) or W.std(axis={axis})")
            raise Wrong(f"every {lines} of layer {layer} has {exact}: the weights were "
                        f"normalized per {lines} after the draw (by {how}), which ties the "
                        f"weights of a {lines} to each other. Every weight must be its own "
                        "independent draw: rng.normal with std sqrt(2 / fan_in), kept as "
                        "drawn")
    exact = _rescaled(W, he)
    if exact:
        exact += "" if exact.startswith("mean") else " sqrt(2 / fan_in)"
        raise Wrong(f"layer {layer}'s weights have {exact}: they were rescaled after the "
                    "draw ((Z - Z.mean()) / Z.std(), or Z / np.sqrt(np.mean(Z**2))), which ties "
                    "every weight to all the others. Every weight must be its own independent "
                    "draw: rng.normal with std sqrt(2 / fan_in), kept as drawn")


_erfc = np.vectorize(math.erfc, otypes=[float])


def _not_stratified(z: np.ndarray, layer: int) -> None:
    """Wrong if the standardized weights ``z`` are stratified: each of n equal-probability
    slices of the normal holds exactly one of the n weights (a quantile grid or Latin
    hypercube, permuted). Independent draws fill about 1 / e of the slices with exactly one."""
    z = z.ravel()
    n = z.size
    u = 0.5 * _erfc(-z / math.sqrt(2))  # the normal CDF: uniform for independent draws
    counts = np.bincount(np.minimum((u * n).astype(np.int64), n - 1), minlength=n)
    if n >= 100 and np.mean(counts == 1) > 0.9:
        raise Wrong(f"layer {layer}'s weights are stratified: each of its {n} equal-probability "
                    "slices of the normal holds exactly one weight (a grid of quantiles or a "
                    "Latin hypercube, shuffled), so the weights depend on each other. Every "
                    "weight must be its own independent draw from rng.normal")


def _no_reused_draws(layers: list, where: str = "") -> None:
    """Wrong if a draw is reused in another form (negated, shuffled, transposed, copied)
    within a layer of ``layers`` or across two of them: counts standardized |values| that
    agree to 9 decimals (independent normal draws do so by chance about 0.03 times among
    8,000 x 8,000, so 50 is safe). ``where`` names the call, for widths other than the
    main ones."""
    grids = [np.round(np.abs(W.ravel()) / math.sqrt(2 / W.shape[0]), 9) for W in layers]
    for layer, grid in enumerate(grids):
        top = grid.max() if grid.size else 0.0
        if np.sum(grid == top) > 50:
            raise Wrong(f"{where}layer {layer}'s weights are not normal: {np.sum(grid == top)} "
                        f"of them sit exactly at +-{top:.3g} standard deviations (clipped or "
                        "truncated?). He NORMAL draws every weight from rng.normal (or "
                        "standard_normal) and keeps it as drawn")
        if grid.size - np.unique(grid).size > 50:
            raise Wrong(f"{where}layer {layer} repeats its own draws (a half negated or "
                        "copied, antithetic?): every weight must be an independent draw")
    for a, b in itertools.combinations(range(len(grids)), 2):
        if np.intersect1d(grids[a], grids[b]).size > 50:
            raise Wrong(f"{where}layers {a} and {b} reuse the same draws (shuffled, negated, "
                        "transposed or sliced from one array?): every layer needs its own "
                        "draws from rng")
    _shared_draw(layers, where)


def _shared_draw(layers: list, where: str) -> None:
    """Wrong if two layers share even one draw exactly: standardized |values| equal to 14
    significant digits (an off-by-one in slicing one flat array of draws gives two layers a
    number; rescaling by He's std moves a draw by a few ulps, 1e-15). Two independent
    normal draws agree that closely with odds about 1e-14 per pair: below 1e-5 over the
    1e8 pairs of layers here.

    >>> z = np.random.default_rng(0).standard_normal(7)
    >>> _shared_draw([z[:4, None] * 2.0, z[3:, None] * 2.0], "")
    Traceback (most recent call last):
    ...
    helpers.exercises.Wrong: layers 0 and 1 share a draw: weight [3, 0] of layer 0 and weight \
[0, 0] of layer 1 are the same number drawn (a slice of one flat array that overlaps, off by \
one?): every layer needs its own draws from rng
    """
    grids = [np.abs(W) / math.sqrt(2 / W.shape[0]) for W in layers]
    for a, b in itertools.combinations(range(len(grids)), 2):
        flat_a, flat_b = grids[a].ravel(), grids[b].ravel()
        order = np.argsort(flat_a)
        sorted_a = flat_a[order]
        if not sorted_a.size or not flat_b.size:
            continue
        place = np.clip(np.searchsorted(sorted_a, flat_b), 1, sorted_a.size - 1)
        near = np.where(np.abs(sorted_a[place - 1] - flat_b) < np.abs(sorted_a[place] - flat_b),
                        place - 1, place) if sorted_a.size > 1 else np.zeros_like(place)
        gap = np.abs(sorted_a[near] - flat_b)
        same = np.flatnonzero((gap <= 1e-14 * flat_b) & (flat_b > 0))
        if same.size:
            j = int(same[0])
            i = int(order[near[j]])
            at_a = [int(k) for k in np.unravel_index(i, grids[a].shape)]
            at_b = [int(k) for k in np.unravel_index(j, grids[b].shape)]
            raise Wrong(f"{where}layers {a} and {b} share a draw: weight {at_a} of layer {a} "
                        f"and weight {at_b} of layer {b} are the same number drawn (a slice "
                        "of one flat array that overlaps, off by one?): every layer needs its "
                        "own draws from rng")


def _not_related(draws: list, where: str) -> None:
    """Wrong if two layers of equal size correlate, position by position (or one with the
    other transposed), across the networks in ``draws``: a layer mixed with another's draws,
    ((W_new + W_prev) / sqrt(2) correlates 0.71). The sum of m products of independent
    standard normals is a quadratic form with ||A||_F**2 = m / 2 and ||A||_op <= 1, so the
    bound of :func:`_not_lagged` holds, here with a false alarm below 1e-9 over the pairs."""
    layers = [[W / math.sqrt(2 / W.shape[0]) for W in network] for network in draws]
    first = layers[0]
    tests = []
    for a, b in itertools.combinations(range(len(first)), 2):
        if first[a].size == first[b].size:
            tests.append((a, b, False))
            if first[a].shape == first[b].shape[::-1]:
                tests.append((a, b, True))
    if not tests:
        return
    u = math.log(4 * len(tests) / _LAG_FALSE_ALARM)
    for a, b, transposed in tests:
        x = np.concatenate([network[a].ravel() for network in layers])
        y = np.concatenate([(network[b].T if transposed else network[b]).ravel()
                            for network in layers])
        m = x.size
        total = float(x @ y)
        if abs(total) > 2 * math.sqrt(m * u) + 2 * u:
            how = f"layer {b} transposed" if transposed else f"layer {b}"
            corr = total / max(math.sqrt(float(x @ x) * float(y @ y)), 1e-300)
            raise Wrong(f"{where}layer {a} and {how} are correlated ({corr:.2f} between "
                        f"their weights, position by position, across {len(layers)} networks; "
                        "a false alarm below 1e-9): one layer is built from the other's draws "
                        "(mixed in, added or reused). Every layer needs its own independent "
                        "draws from rng, also when two layers have the same shape")


@exercise_check
def check_he_stack(he_stack) -> str:
    """``he_stack(widths, rng)``: independent He-normal weights for every layer, from ``rng``."""
    widths = _STACK_WIDTHS
    shapes = list(itertools.pairwise(widths))
    seeds: list = []  # the integer seeds each call gave to new generators
    first = _watched(he_stack, widths, np.random.default_rng(0), seeds)
    again = _watched(he_stack, widths, np.random.default_rng(0), seeds)
    if not all(np.array_equal(a, b) for a, b in zip(first, again, strict=True)):
        raise Wrong("two calls with identically seeded rng gave different weights: draw "
                    "every weight from the rng argument, and only from it")
    keys: list = []  # the integers that went into those seeds, per call with another rng
    hashes: list = []  # and what those calls hashed
    groups: list = []  # and the integers of each generator's seed, generator by generator
    other = _watched(he_stack, widths, np.random.default_rng(1), seeds, keys, hashes, groups)
    if any(np.array_equal(a, b) for a, b in zip(first, other, strict=True)):
        shared_seeds = sorted(set(seeds[0]) & set(seeds[-1]))
        if shared_seeds and seeds[0] != seeds[-1]:
            # the seeds change with rng, but not all of them: arithmetic (seed * layer gives
            # layer 0 the seed 0 for every rng) or one layer with a fixed seed
            raise Wrong(f"your layers' generators are seeded {seeds[0][:3]}... for one rng "
                        f"and {seeds[-1][:3]}... for another: a layer gets the seed "
                        f"{shared_seeds[0]} whatever rng is (seed arithmetic such as seed * "
                        "layer, which seeds layer 0 with 0, or a fixed seed), so every network "
                        "shares that layer. Draw every layer from rng itself (or from "
                        "rng.spawn(...) children)")
        if not seeds[0] and not seeds[-1] and not keys[-1]:
            # no generator seeded in either call: the weights, or the draws they come from,
            # were made once and are handed out again
            raise Wrong("differently seeded rng gave the same weights in a layer, and your "
                        "function seeded no generator: the draws were made once (at import, "
                        "in a default argument, a module-level array or a cache) and are "
                        "reused by every call. Draw every layer inside he_stack, from the rng "
                        "of each call")
        raise Wrong("differently seeded rng gave the same weights in a layer: draw them from "
                    "the rng argument, not from a generator of your own with a fixed seed")
    # first the structure: copies within or across layers, before any statistic (a layer
    # of equal columns has a plausible mean and spread, and would be blamed on them)
    for layer, W in enumerate(first):
        if W.shape[0] > 1 and np.all(W == W[:1, :]):
            raise Wrong(f"every row of layer {layer} is the same (one row of draws copied "
                        "for every input): each unit gives all its inputs one weight and sees "
                        "only their sum. Draw every weight of the (fan_in, fan_out) matrix")
    for layer, W in enumerate(first):
        _not_orthogonal(W, layer)
        _not_stratified(W / math.sqrt(2 / W.shape[0]), layer)  # (a symmetric grid repeats |z|)
    # generators rebuilt from rng's seed, before the reuse tests below: their layers may
    # share draws, but the mistake to name is the seed
    _rebuilt_from_seed(he_stack, widths, first)
    # no draw may be reused in another form (negated, shuffled, copied) within a layer or
    # across layers: count standardized |values| that agree to 9 decimals (independent
    # normal draws do so by chance about 0.03 times among 8,000 x 8,000, so 50 is safe)
    _no_reused_draws(first)
    # rescaled after the draw (after the reuse checks: an antithetic half has mean 0 too)
    for layer, W in enumerate(first):
        _not_standardized(W, layer)
    draws = [_watched(he_stack, widths, np.random.default_rng(s), seeds, keys, hashes, groups)
             for s in _STACK_SEEDS]
    for layer, (fan_in, fan_out) in enumerate(shapes):
        W = np.concatenate([d[layer].ravel() for d in draws])
        se = 1 / math.sqrt(2 * W.size)  # relative standard error of the RMS of normals
        rms, he = math.sqrt(np.mean(W**2)), math.sqrt(2 / fan_in)
        if abs(np.mean(W)) > 5 * he / math.sqrt(W.size):
            raise Wrong(f"layer {layer}'s weights have mean {np.mean(W):.3g}: He-normal "
                        "weights are centred on 0")
        if abs(rms / he - 1) > 5 * se:
            others = {
                "that is LeCun's std, sqrt(1 / fan_in): ReLU zeroes half its input, so He "
                "doubles the variance": math.sqrt(1 / fan_in),
                "that is Glorot's std: for ReLU, He uses fan_in only":
                    math.sqrt(2 / (fan_in + fan_out)),
                "that is sqrt(2 / fan_out), He's fan_out mode, or PyTorch's kaiming_normal_ "
                "on a (fan_in, fan_out) tensor (PyTorch reads a weight as (out, in)): the "
                "forward rule uses fan_in":
                    math.sqrt(2 / fan_out),
                "that spread is He's VARIANCE, 2 / fan_in: rng.normal's scale is the "
                "standard deviation, its square root": 2 / fan_in,
                "that is sqrt(2 / (fan_in + 1)): a bias is not a fan, use fan_in as given":
                    math.sqrt(2 / (fan_in + 1)),
            }
            if fan_in > 1:
                others["that is sqrt(2 / (fan_in - 1)): use fan_in as given, without "
                       "subtracting one"] = math.sqrt(2 / (fan_in - 1))
            # the nearest of the mistakes, if it is within the tolerance
            hint, value = min(others.items(), key=lambda item: abs(rms / item[1] - 1))
            if abs(rms / value - 1) < 5 * se:
                raise Wrong(f"layer {layer} ({fan_in} -> {fan_out}) has spread "
                            f"{rms:.4f}: {hint}")
            raise Wrong(f"layer {layer} ({fan_in} -> {fan_out}) has spread {rms:.4f}, but "
                        f"He's standard deviation is sqrt(2 / fan_in) = {he:.4f}")
        z = W / he
        kurt = np.mean(z**4) / np.mean(z**2) ** 2 - 3  # excess kurtosis: 0 for a normal
        if abs(kurt) > 5 * math.sqrt(24 / W.size):
            if abs(kurt + 1.2) < 0.3:
                shape = "uniform (-1.2 for a uniform)"
                advice = "rng.normal (or standard_normal), not a uniform"
            else:
                tails = "heavier" if kurt > 0 else "lighter"
                shape = f"not normal: {tails} tails than a normal's"
                advice = "rng.normal (or standard_normal)"
            raise Wrong(f"layer {layer}'s weights have the right spread but excess kurtosis "
                        f"{kurt:.2f}, a normal's is 0: they look {shape}. He NORMAL draws "
                        f"from {advice}")
        for d in draws[:3]:
            z = d[layer] / he
            n = z.size
            if max(abs(_lag1(z.ravel())), abs(_lag1(z.T.ravel()))) > 5 / math.sqrt(n):
                raise Wrong(f"neighbouring weights of layer {layer} are correlated (sorted or "
                            "patterned?): every weight must be an independent draw")
    _not_lagged(draws)
    # no draw may appear twice, not in two layers, not for two generators: compare pairs of
    # neighbouring standardized draws (two equal pairs by chance are far rarer than 1e-6)
    # seeds taken from rng's own seed (entropy + layer) are arithmetic too, but on a seed the
    # learner never drew: name that first
    _entropy_seeds(he_stack, widths)
    # a generator per layer seeded by arithmetic (s + layer, with s = rng.integers(1000) or
    # 2**32): a few dozen generators rarely draw two seeds a layer apart, the seeds show it
    _per_layer_seeds(seeds)
    pair_sets = [[_pairs(W) for W in d] for d in draws]
    first_sets = pair_sets[0]
    for a, b in itertools.combinations(range(len(first_sets)), 2):
        if first_sets[a] & first_sets[b]:
            raise Wrong(f"layers {a} and {b} reuse the same draws (slices of one array?): "
                        "every layer needs its own independent draws from rng")
    calls = [set().union(*sets) for sets in pair_sets]
    for i, j in itertools.combinations(range(len(calls)), 2):
        if calls[i] & calls[j]:
            raise Wrong("generators with different seeds gave some of the same draws (a seed "
                        "derived by arithmetic, like seed + layer?): draw everything from rng "
                        "itself")
    # layers seeded from the generator's own seed: rng.bit_generator.seed_seq.entropy plus
    # 100 * layer makes seed 0's layer 1 seed 100's layer 0, and a generator built from the
    # entropy alone ignores the spawn_key, so two children of one SeedSequence (as
    # streams_from makes them) collide: no layer of one call may share draws with another's
    children = np.random.SeedSequence(5).spawn(2)
    extra = [np.random.default_rng(s) for s in (*_COLLIDING_SEEDS, *children)]
    calls += [set().union(*(_pairs(W) for W in _watched(he_stack, widths, g, seeds)))
              for g in extra]
    for i, j in itertools.combinations(range(len(calls)), 2):
        if calls[i] & calls[j]:
            raise Wrong(_ENTROPY_HINT)
    # the seeds below 2**40 above, in a list or a SeedSequence (after the seed_seq mistakes,
    # whose seeds are rng's own and vary as little)
    _few_seed_bits(keys, groups)
    _few_hashed_bits(hashes)
    if _hashed(hashes) and any(keys):
        raise Wrong(hashed_seed_hint("networks"))
    _scrambled_seeds(he_stack)
    _distinct_networks(he_stack)
    # rng has to move on: copies of it (deepcopy, jumped()) or its state saved and restored
    # leave it where it was, and then two networks from one rng are the same
    if not rng_advanced(lambda rng: _layers(he_stack, widths, rng)):
        raise Wrong(NOT_ADVANCED_HINT)
    shared = np.random.default_rng(2)
    once = _layers(he_stack, widths, shared)
    twice = _layers(he_stack, widths, shared)
    if any(np.array_equal(a, b) for a, b in zip(once, twice, strict=True)):
        raise Wrong("two calls with the same rng gave the same network: draw from rng (or "
                    "spawn from it) so it moves on; bit_generator.jumped() leaves rng where "
                    "it was")
    # a copy of rng moved on by a token draw: the second network is the first, shifted
    if any(shared_share(a, b) > 0.5 for a, b in zip(once, twice, strict=True)):
        raise Wrong(shifted_copy_hint("gave mostly the same weights, layer by layer"))
    # layers of one shape: each is drawn anew, not one cached matrix (or its copy) reused,
    # nor negated, shuffled, transposed or mixed into the next (_STACK_WIDTHS repeat no shape)
    where = f"he_stack({_REPEATED_WIDTHS}, rng): "
    repeated_draws = [_layers(he_stack, _REPEATED_WIDTHS, np.random.default_rng(s))
                      for s in _REPEATED_SEEDS]
    repeated = repeated_draws[0]
    for k, l in itertools.combinations(range(len(repeated)), 2):
        if repeated[k].shape == repeated[l].shape and np.array_equal(repeated[k], repeated[l]):
            raise Wrong(f"{where}layers {k} and {l} hold the same "
                        "numbers (one matrix per shape, cached and reused?): draw each layer "
                        "anew from rng, also when two layers have the same shape")
    _no_reused_draws(repeated, where)
    pair_sets = [_pairs(W) for W in repeated]
    for a, b in itertools.combinations(range(len(pair_sets)), 2):
        if pair_sets[a] & pair_sets[b]:
            raise Wrong(f"{where}layers {a} and {b} reuse the same draws (slices of one "
                        "array?): every layer needs its own independent draws from rng")
    _not_related(repeated_draws, where)
    return ("independent He-normal weights, std sqrt(2 / fan_in) in every layer, reproducible "
            "from rng and different for another seed.")
