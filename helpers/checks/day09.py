"""Checks for the exercises of Day 9 (NumPy to PyTorch); see helpers.exercises.

The learner's answers use PyTorch. The checks import it only where the answer needs it
(a tensor converts with ``np.asarray``), so the module imports without PyTorch, and every
part that needs PyTorch checks for it first. On top of what :func:`helpers.exercises.call`
rejects (the legacy global ``np.random``), a Day 9 answer must leave PyTorch's global
generator alone: the exercises ask for an explicit ``torch.Generator`` or a NumPy
``Generator``, as the day teaches.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import sys
import time
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import numpy as np

from helpers.checks._seeding import (
    OVERLAP_LIMIT,
    SEED_BITS,
    Seeding,
    entropy_int,
    seed_bits,
    state_ints,
    stream_position,
    watch_seeding,
    watch_torch_global,
)
from helpers.checks._seeding import node_match as _node_match
from helpers.exercises import Wrong, call, exercise_check, number
from helpers.torch_workers import ITEM_NOISE_KEY


def _is_tensor(value: object) -> bool:
    return type(value).__module__.split(".")[0] == "torch"


def _untensor(value: object) -> object:
    """A tensor as a NumPy array (detached from autograd first); anything else unchanged."""
    if _is_tensor(value) and hasattr(value, "detach"):
        return value.detach().cpu().numpy()
    return value


def _as_array(value: object) -> np.ndarray:
    """``value`` as a NumPy array; a tensor that tracks gradients is detached first."""
    return np.asarray(_untensor(value))


_LEGACY = "your code drew from the global np.random state"


def _call(func: Any, *args: Any, global_hint: str) -> Any:
    """:func:`call`; :class:`Wrong` with ``global_hint`` if it used a global generator.

    The global generators are NumPy's legacy ``np.random`` state (which :func:`call`
    watches) and PyTorch's default generator (watched here, and restored).
    """
    try:
        with watch_torch_global() as torch_global:  # restores the state afterwards
            result = call(func, *args)
    except Wrong as err:
        if str(err).startswith(_LEGACY):
            raise Wrong(f"{_LEGACY} (np.random.seed, np.random.rand, ...): "
                        f"{global_hint.split(': ', 1)[1]}") from None
        raise
    if torch_global.changed:
        raise Wrong(global_hint)
    return result


_STRING_HASH = ("your seed comes from hash() of a string (or bytes, or a tuple holding one): "
                "Python salts those hashes afresh in every interpreter (PYTHONHASHSEED), so "
                "workers started by spawn or forkserver (the default on macOS and Windows, "
                "and on Linux from Python 3.14) draw other noise. Make the seed from the "
                "integer ids with SeedSequence (section 8)")


_TUPLE_HASH = ("your seed comes from the builtin hash(): Python promises a hash's value only "
               "within one interpreter (a tuple's hash has changed between Python versions, "
               "and differs between 32-bit and 64-bit builds; a string's changes with every "
               "interpreter), so another Python draws other noise for the same item. Make the "
               "seed from the integer ids with SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, "
               "epoch, index)) (section 8)")


_STRING_HASH_TOKENS = ("your seed comes from hash() of a string (or bytes, or a tuple holding "
                       "one): Python salts those hashes afresh in every interpreter "
                       "(PYTHONHASHSEED), so the same seed gives other labels in the next run. "
                       "Seed the torch.Generator with `seed` itself")


# ----------------------------------------------------------------------------- Exercise 1

#: (fan_in, mean, sd) the output rms is tried on: centred and not, narrow and wide layers.
_RMS_CASES = ((5, 0.0, 1.0), (512, 0.5, 0.29), (3, 2.0, 0.5), (100, -1.0, 3.0), (1, 0.0, 0.0))


def _output_rms(fan_in: int, mean: float, sd: float) -> float:
    """sqrt(fan_in * var_w * m2 + var_b), var_w = var_b = 1/(3 fan_in), m2 = mean^2 + sd^2."""
    return math.sqrt((mean**2 + sd**2) / 3 + 1 / (3 * fan_in))


def _one_number(value: object, what: str) -> float:
    """The learner's ``value`` as a float if it is one real number, as the prompt allows: any
    real scalar, ``decimal.Decimal`` and an exact SymPy number included (which :func:`number`
    takes for no number), a tensor, or a list, array or tensor of one element."""
    value = _untensor(value)
    if isinstance(value, Decimal) and value.is_finite():
        return float(value)
    # an exact SymPy number (sqrt(Rational(7, 3)) is a Pow, not a numbers.Real)
    if (type(value).__module__.startswith("sympy") and getattr(value, "is_number", False)
            and getattr(value, "is_real", False)):
        return float(value)
    return number(value, what)


@exercise_check
def check_linear_output_rms(linear_output_rms) -> str:
    """``linear_output_rms(fan_in, mean, sd)``: the rms of a fresh default ``nn.Linear``'s
    output over its random weights and bias, for inputs of mean ``mean`` and sd ``sd``."""
    got = {}
    #: the cases where the answer raised, or gave nan or a complex number (the square root of
    #: a negative number): a wrong formula is recognised by where it fails too
    failed: dict[tuple[float, ...], str] = {}
    half = False  # float16 results: about 3 significant digits
    for case in _RMS_CASES:
        try:
            value = _call(linear_output_rms, *case,
                          global_hint="your function drew from PyTorch's global generator (did "
                                      "you build a layer and measure it?): compute the "
                                      "output's scale from the distributions instead")
        except Wrong as err:
            if not str(err).startswith("your code raised"):
                raise
            failed[case] = f"linear_output_rms{case}: {err}"
            continue
        raw = _untensor(value)
        half |= isinstance(raw, (np.ndarray, np.generic)) and raw.dtype == np.float16
        if isinstance(raw, complex) or np.iscomplexobj(raw):
            failed[case] = (f"linear_output_rms{case} returned the complex number {raw}: the "
                            "square root of a negative number, and a mean square is never "
                            "negative")
            continue
        got[case] = _one_number(value, f"linear_output_rms{case}")
        if not math.isfinite(got[case]):  # nan, or inf from a division by zero
            failed[case] = f"linear_output_rms{case} returned {got[case]}"

    def expected(formula, case) -> float:
        """``formula`` at ``case``; nan where it divides by zero or takes the root of a
        negative number (where a learner's code that follows it fails too)."""
        try:
            return float(formula(*case))
        except (ZeroDivisionError, ValueError):
            return math.nan

    def matches(formula, rel_tol=1e-6) -> bool:
        return all(case in failed if math.isnan(want := expected(formula, case))
                   else case not in failed and math.isclose(got[case], want, rel_tol=rel_tol)
                   for case in _RMS_CASES)

    if matches(_output_rms):
        return ("the output's mean square is fan_in·σ_w²·m₂ + σ_b², with σ_w² = σ_b² = "
                "1/(3·fan_in) and m₂ = mean² + sd²: about m₂/3 for a wide layer.")
    mistakes = [  # each judged on every case, so that a coincidence at one cannot mislead
        (lambda f, mu, s: math.sqrt(s**2 / 3 + 1 / (3 * f)),
         ("the inputs are not centred: what enters is their mean square m₂, their variance "
          "plus their squared mean, not their variance alone")),
        (lambda f, mu, s: math.sqrt((mu**2 + s**2) / 3),
         ("the bias adds its own variance: nn.Linear draws it from U(-1/√fan_in, 1/√fan_in) "
          "too, and it multiplies no input (counted as one more input, of the inputs' mean "
          "square, among fan_in + 1, it disappears the same way)")),
        (lambda f, mu, s: math.sqrt((f * (mu**2 + s**2) + 1) / (3 * (f + 1))),
         ("fan_in is the number of inputs, without the bias: nn.Linear(fan_in, fan_out) "
          "bounds its weights and its bias by 1/√fan_in, not 1/√(fan_in + 1)")),
        (lambda f, mu, s: math.sqrt((f + 1) * (mu**2 + s**2) / (3 * f)),
         ("the bias is not one more input with the inputs' mean square m₂: it multiplies no "
          "input, so it adds its variance 1/(3·fan_in) once (as an input fixed at 1 would), "
          "not 1/(3·fan_in) times m₂")),
        (lambda f, mu, s: math.sqrt((f * (mu**2 + s**2) + 1) / (3 * (f - 1))),
         ("nn.Linear's bound is 1/√fan_in, not 1/√(fan_in - 1): no degree of freedom is "
          "lost here (that is for a variance estimated from a sample), and fan_in is the "
          "number of inputs")),
        (lambda f, mu, s: math.sqrt(((f - 1) * (mu**2 + s**2) + 1) / (3 * f)),
         ("the output sums fan_in products, one for each input, not fan_in - 1 (the bias "
          "comes on top of them); no degree of freedom is lost here")),
        *((formula, ("the inputs' mean square is m₂ = sd² + mean², not sd² - mean²: a "
                     "variance is the mean square minus the squared mean, so the mean square "
                     "is the variance plus the squared mean (sd² - mean² goes negative, and "
                     "has no square root, once |mean| > sd)"))
          for formula in (lambda f, mu, s: math.sqrt((s**2 - mu**2) / 3 + 1 / (3 * f)),
                          lambda f, mu, s: math.sqrt(abs((s**2 - mu**2) / 3 + 1 / (3 * f))))),
        (lambda f, mu, s: math.sqrt(mu**2 + s**2 + 1 / f),
         ("1/√fan_in is the bound a of U(-a, a), the largest weight; the standard deviation "
          "of U(-a, a) is smaller than a (Day 5)")),
        (lambda f, mu, s: math.sqrt(mu**2 + s**2 + 1 / (3 * f)),
         ("the weights' standard deviation is not their bound 1/√fan_in: U(-a, a) has "
          "variance a²/3")),
        (lambda f, mu, s: (mu**2 + s**2) / 3 + 1 / (3 * f),
         "that is the mean square; the root mean square is its square root"),
        (lambda f, mu, s: math.sqrt(f * (mu**2 + s**2) + 1 / (3 * f)),
         ("that is the scale with weights of standard deviation 1 (torch.randn, the "
          "tutorial's re-initialization), not nn.Linear's default")),
        (lambda f, mu, s: math.sqrt((mu**2 + s**2) / 12 + 1 / (12 * f)),
         ("U(-a, a) spans 2a, so its variance is (2a)²/12 = a²/3, with the bound "
          "a = 1/√fan_in")),
        (lambda f, mu, s: math.sqrt((mu**2 + s**2) / 3 + 1 / f),
         ("the bias is drawn from U(-1/√fan_in, 1/√fan_in) like the weights, so its variance "
          "is 1/(3·fan_in), not 1/fan_in")),
        (lambda f, mu, s: math.sqrt(s**2 / 3 + mu**2 + 1 / (3 * f)),
         ("the inputs' mean goes through the weights too, it is not added to the output: "
          "each weight multiplies the whole input, so the weights' variance 1/(3·fan_in) "
          "scales the mean square m₂ = mean² + sd², and the output's mean over the weights "
          "is 0")),
        (lambda f, mu, s: math.sqrt(2 * (mu**2 + s**2) + 1 / (3 * f)),
         ("that is He (Kaiming) initialization's weight variance 2/fan_in; nn.Linear's default "
          "is kaiming_uniform_ with a = √5, U(-1/√fan_in, 1/√fan_in), of variance "
          "1/(3·fan_in)")),
        (lambda f, mu, s: math.sqrt((mu + s) ** 2 / 3 + 1 / (3 * f)),
         ("the inputs' mean square is their variance plus their squared mean, "
          "sd² + mean², not (mean + sd)²")),
    ]
    for formula, hint in mistakes:
        if matches(formula):
            raise Wrong(f"linear_output_rms(fan_in, mean, sd): {hint}")
    if failed:
        raise Wrong(next(iter(failed.values())))
    if half and matches(_output_rms, rel_tol=0.05):
        raise Wrong("linear_output_rms returns float16, which keeps about 3 significant digits: "
                    "compute it in float32 or float64")
    wrong = [c for c in _RMS_CASES if not math.isclose(got[c], _output_rms(*c), rel_tol=1e-6)]
    if all(math.isclose(got[c] ** 2, _output_rms(*c) ** 2 - 1 / (3 * c[0]), rel_tol=1e-6)
           for c in wrong):  # right but for the bias's variance, at some fan_in only
        at = ", ".join(str(c[0]) for c in wrong)
        raise Wrong(f"linear_output_rms{wrong[0]} lacks exactly the bias's variance "
                    f"1/(3·fan_in) (missing at fan_in = {at}, present at the others): "
                    "nn.Linear adds its bias, drawn from U(-1/√fan_in, 1/√fan_in), at every "
                    "fan_in, however small its share of a wide layer's output")
    if matches(_output_rms, rel_tol=0.05):
        raise Wrong("linear_output_rms is close but not exact: did you measure a layer, or "
                    "round? Compute it from the distributions, in full precision")
    raise Wrong(f"linear_output_rms{wrong[0]} is not the root mean square of the output of "
                "nn.Linear's default initialization on such inputs")


# ----------------------------------------------------------------------------- Exercise 2

#: The logits sample_tokens is tried on: two examples of four classes, negative entries
#: included (they are logits, not probabilities), and three identical examples.
LOGITS = [[2.0, 1.0, 0.0, -1.0], [0.0, 0.5, 3.0, 0.0]]
LOGITS_SAME = [[1.0, 0.0, 2.0]] * 3
#: Logits whose exp overflows (a softmax must subtract each row's largest first).
LOGITS_LARGE = [[1000.0, 999.0, 0.0], [0.0, 0.5, 3.0]]
#: Large logits that bfloat16 keeps exactly (996 is a multiple of its spacing 4 there) but
#: that a clamp below 996 makes equal: they tell the two mistakes apart.
LOGITS_CLAMP = [[1000.0, 996.0, 0.0]]
#: Logits that float16 rounds to the nearest 0.5 near 1000 (999.75 up to 1000, 999.25 down
#: to 999, ties to even), doubling their difference; float32 keeps them exactly.
LOGITS_HALF = [[999.75, 999.25, 0.0]]
#: Logits that are all positive: raw logits give no negative weights, log-probabilities do.
LOGITS_POSITIVE = [[3.0, 2.0, 1.0]]

_TOKENS_GLOBAL = ("your function reseeded or drew from PyTorch's global generator "
                  "(torch.manual_seed, or a draw without generator=): make a torch.Generator, "
                  "seed it with `seed` and pass it to torch.multinomial")


def _bfloat16(values: list[list[float]]) -> np.ndarray:
    """``values`` rounded to bfloat16 (float32's top 16 bits, to nearest, ties to even), as
    float64: the precision a softmax computed in bfloat16 starts from."""
    bits = np.asarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16
    return bits.astype(np.uint32).view(np.float32).astype(float)


def _float16_logits(sample_tokens) -> None:
    """Raise :class:`Wrong` if the labels for :data:`LOGITS_HALF` (2000 of them) miss their
    softmax, [0.622, 0.378, 0] (5 standard errors, 0.054, for the first class): float16's
    softmax, of the logits rounded to 1000 and 999, gives 0.731, twice that bar away."""
    right = _softmax_rows(LOGITS_HALF, 1.0)
    freq = _frequencies(_tokens(sample_tokens, LOGITS_HALF, 1.0, 2000, 0)[0],
                        len(LOGITS_HALF[0]))
    se = np.sqrt(np.clip(right * (1 - right), 1e-12, None) / 2000)
    if np.all(np.abs(freq - right) <= 5 * se + 1e-12):
        return
    said = (f"with logits {LOGITS_HALF[0]} your labels' frequencies were "
            f"{freq.round(3).tolist()}, not {right.round(3).tolist()}")
    rounded = _softmax_rows(np.float16(LOGITS_HALF).astype(float), 1.0)
    if np.all(np.abs(freq - rounded) <= 5 * se + 1e-12):
        raise Wrong(f"{said}: the softmax of logits rounded to float16, whose 11-bit "
                    "significand spaces numbers near 1000 by 0.5, so 999.75 becomes 1000 and "
                    "999.25 becomes 999 (and a float16 probability below about 3e-8 becomes "
                    "0). Compute the softmax in float32 or float64")
    raise Wrong(f"{said}: draw every label from softmax(row / temperature), computed in "
                "float32 or float64")


def _negative_on_positive_logits(sample_tokens) -> bool:
    """Whether ``sample_tokens`` still passes negative weights to the sampler when every
    logit is positive (log-probabilities do; raw logits do not)."""
    try:
        _call(sample_tokens, [list(row) for row in LOGITS_POSITIVE], 1.0, 10, 0,
              global_hint=_TOKENS_GLOBAL)
    except Wrong as err:
        text = str(err)
        return "probability entry < 0" in text or "probabilities are not non-negative" in text
    return False


def _softmax_rows(logits: list[list[float]], temperature: float, axis: int = 1) -> np.ndarray:
    z = np.asarray(logits) / temperature
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _tokens(sample_tokens, logits: list[list[float]], temperature: float, n: int,
            seed: int) -> tuple[np.ndarray, object, Seeding]:
    """The learner's tokens as a (B, n) integer array (what they returned, and how they
    seeded)."""
    try:
        with watch_seeding(sample_tokens) as seeding:
            got = _call(sample_tokens, [list(row) for row in logits], temperature, n, seed,
                        global_hint=_TOKENS_GLOBAL)
    except Wrong as err:
        text = str(err)
        if text.startswith("your code changed its argument logits in place"):
            raise Wrong("your code changed its argument logits in place: do not change the "
                        "caller's logits (work on a copy)") from None
        if text.startswith("your code changed its argument "):  # named otherwise
            name = text.removeprefix("your code changed its argument ").split(" in place")[0]
            raise Wrong(f"your code changed its argument {name} in place: that is the "
                        "caller's logits (the list of rows), so do not change the caller's "
                        "logits (work on a copy, e.g. torch.tensor(logits))") from None
        if "without replacement" in text or "replace is False" in text:
            raise Wrong(f"{text}. Asking for more labels than classes fails when every class "
                        "may be drawn only once: look at torch.multinomial's arguments"
                        ) from None
        if "must be Tensor" in text or "'list' and" in text:
            raise Wrong(f"{text}. logits arrives as a list of rows: make it a tensor first "
                        "(torch.tensor)") from None
        if "probability entry < 0" in text or "probabilities are not non-negative" in text:
            if _negative_on_positive_logits(sample_tokens):
                raise Wrong(f"{text}, even on logits that are all positive "
                            f"({LOGITS_POSITIVE[0]}): these weights are log-probabilities "
                            "(log_softmax, or logits minus their largest), which are not "
                            "probabilities: exp them (torch.softmax does both steps)"
                            ) from None
            raise Wrong(f"{text}. Logits can be negative: turn each row into probabilities "
                        "with a softmax first") from None
        raise
    tokens = _as_array(got)
    shape = (len(logits), n)
    if tokens.shape == shape[::-1] and shape[0] != shape[1]:
        raise Wrong(f"sample_tokens returned shape {tokens.shape}: one row per example, "
                    f"shape (B, n) = {shape}")
    if tokens.shape != shape:
        raise Wrong(f"sample_tokens(logits, temperature, {n}, seed) for {len(logits)} rows "
                    f"should return shape (B, n) = {shape}, got {tokens.shape}")
    if not np.issubdtype(tokens.dtype, np.integer):
        raise Wrong(f"labels should be integer class indices, got dtype {tokens.dtype}")
    k = len(logits[0])
    if tokens.min() < 0 or tokens.max() >= k:
        raise Wrong(f"labels should be class indices 0..{k - 1}, got values from "
                    f"{tokens.min()} to {tokens.max()}")
    return tokens, got, seeding


#: Two classes of probability 1/2 each (exactly, in any float type): the labels of a row,
#: read as signs ±1, then have products at any lag that are independent fair signs.
LOGITS_COIN = [[0.0, 0.0]] * 2

#: The seeds at which rows of identical logits are tested for dependence, 400 labels a row.
_SAME_SEEDS = (200, 201, 202)


def _generators_made(seeding: Seeding) -> int:
    """How many generators the call seeded: torch generators (or their ``manual_seed``
    calls with distinct seeds: one generator seeded with ``seed`` twice is one), or NumPy
    integer seeds, whichever is more. Counted apart, so that one torch generator seeded from
    ``SeedSequence(seed)`` (a NumPy seed, then a torch seed) is one."""
    numpy_seeds = len(seeding.seeds) - len(seeding.torch_seeds)
    other_seeds = seeding.manual_seeds - len(seeding.torch_seeds)  # not integers
    torch_seeds = len(set(seeding.torch_seeds)) + other_seeds
    return max(seeding.generators, torch_seeds, numpy_seeds)


def _dependent_rows(samples: list[np.ndarray]) -> None:
    """Raise :class:`Wrong` if rows of identical logits (``LOGITS_SAME``, 400 labels a row,
    one sample per seed) depend on each other: one row a shifted copy of another (windows
    of one stream of uniforms), or labels paired at the same position (u and 1 - u)."""
    p = _softmax_rows(LOGITS_SAME, 1.0)[0]
    length = samples[0].shape[1]
    for sample in samples:
        for i in range(len(sample)):
            for j in range(i + 1, len(sample)):
                equal = sample[i][:, None] == sample[j][None, :]
                # two independent labels agree with probability sum(p²) = 0.51: over 100
                # positions or more, 95% agreement has probability below 1e-21
                for lag in range(-(length - 100), length - 99):
                    agree = np.diagonal(equal, offset=lag)
                    if lag and agree.mean() >= 0.95:
                        shift = f"{abs(lag)} label" + ("s" if abs(lag) > 1 else "")
                        raise Wrong(f"row {j} of three rows with identical logits repeats row "
                                    f"{i} shifted by {shift}: the rows read overlapping "
                                    "windows of one stream of draws. Each row needs draws of "
                                    "its own from the one generator")
    k = len(p)
    for i in range(len(LOGITS_SAME)):
        for j in range(i + 1, len(LOGITS_SAME)):
            pairs = np.concatenate([sample[i] * k + sample[j] for sample in samples])
            observed = np.bincount(pairs, minlength=k * k)
            expected = len(pairs) * np.outer(p, p).ravel()
            chi2 = float(np.sum((observed - expected) ** 2 / expected))
            # 8 degrees of freedom under independence: above 80 with probability below 1e-13
            if chi2 > 80:
                raise Wrong(f"rows {i} and {j} (identical logits) draw labels that depend on "
                            f"each other position by position (chi-square {chi2:.0f} over "
                            f"{len(pairs)} pairs of labels; independent rows give about 8): "
                            "rows made from shared or mirrored uniforms (u for one row, 1 - u "
                            "for another) are not independent. Each row needs draws of its own "
                            "from the one generator")


#: Seeds spread over all of a PyTorch seed's 32 bits (PyTorch's CPU generator keeps the low
#: 32 bits of what manual_seed gets), fixed so that the verdict is the same every run.
_WIDE_SEEDS = tuple(int(s) for s in np.random.default_rng(9).integers(2**32, size=8))


def _shared_row_seed(sample_tokens) -> tuple[int, tuple[int, int | None],
                                              tuple[int, int | None]] | None:
    """For an answer that seeds a generator per row: a seed it gives at two of the seeds
    5, 6 and 7 (``LOGITS``' two rows), as ``(value, (seed, row), (later seed, row))``, the
    row being the seed's place among those the call gave when it gave one per row (else
    None); None if no seed is shared. Seeds given to ``manual_seed`` count modulo 2**32,
    the bits PyTorch keeps."""
    first: dict[int, tuple[int, int | None]] = {}
    for seed in (5, 6, 7):
        try:
            seeding = _tokens(sample_tokens, LOGITS, 1.0, 4, seed)[2]
        except Wrong:
            return None
        torch_seeds = list(seeding.torch_seeds)
        per_row = len(seeding.seeds) == len(LOGITS)
        for row, value in enumerate(seeding.seeds):
            if value in torch_seeds:
                torch_seeds.remove(value)
                value %= 2**32
            where = (seed, row if per_row else None)
            if value in first and first[value][0] != seed:
                return value, first[value], where
            first.setdefault(value, where)
    return None


def _derived_torch_seed(sample_tokens) -> None:
    """Raise :class:`Wrong` if the one seed ``sample_tokens`` gives ``manual_seed`` is not,
    modulo 2**32 (what PyTorch keeps), ``seed`` itself over :data:`_WIDE_SEEDS` and a few
    small seeds (``seed + c`` and ``seed ^ c`` are named as arithmetic). A seed made from
    ``seed`` by a hash or a mix (``SeedSequence(seed).generate_state(1)[0]``) sends 2**32
    seeds into 2**32 values with collisions, so two seeds share one generator and draw the
    same labels (by the birthday bound, an even chance among about 77,000 seeds)."""
    pairs = []
    for seed in (0, 1, 2, 5, *_WIDE_SEEDS):
        seeding = _tokens(sample_tokens, LOGITS, 1.0, 4, seed)[2]
        if len(seeding.torch_seeds) != 1:
            return  # no seed, or several: the checks above judge those
        pairs.append((seed, seeding.torch_seeds[0] % 2**32))
    if all(t == s % 2**32 for s, t in pairs):
        return
    (s1, t1), (s2, t2) = pairs[:2]
    offsets = {(t - s) % 2**32 for s, t in pairs}
    scale = (t2 - t1) % 2**32  # seeds 0 and 1: the slope of seed * a + c, if the map is one
    affine = all(t == (scale * s + t1) % 2**32 for s, t in pairs)
    if len(offsets) == 1 or len({t ^ s for s, t in pairs}) == 1 or affine:
        how = (f"seed + {offsets.pop()}" if len(offsets) == 1
               else f"seed ^ {t1 ^ s1}" if len({t ^ s for s, t in pairs}) == 1
               else f"(seed * {scale} + {t1}) % 2**32")
        raise Wrong(f"your torch.Generator's seed is {how} (seeds {s1} and {s2} give it {t1} "
                    f"and {t2}), arithmetic on `seed`: the prompt asks for `seed` itself, "
                    "and another program seeded with that value draws the same labels. "
                    "Seed the generator with `seed` itself")
    even = math.sqrt(2 * math.log(2) * 2**32)
    raise Wrong(f"your torch.Generator's seed is made from `seed` (seeds {s1} and {s2} give "
                f"it {t1} and {t2}: a hash or a mix, such as "
                "SeedSequence(seed).generate_state(1)[0]?), not `seed` itself. Squeezed into "
                "the 32 bits PyTorch keeps, such a map is not one-to-one: two seeds then "
                "share one generator and draw the same labels, with an even chance among "
                f"about {even:,.0f} seeds (the birthday bound). Seed the generator with "
                "`seed` itself, one-to-one for every seed below 2**32")


def _narrow_torch_seeds(sample_tokens) -> None:
    """Raise :class:`Wrong` if the seeds ``sample_tokens`` gives ``manual_seed`` for
    :data:`_WIDE_SEEDS` carry fewer than 28 of the 32 bits a PyTorch seed keeps (measured
    with :func:`seed_bits` on their low 32 bits): ``seed & 0xFFFF`` or ``seed % 1000`` makes
    far-apart seeds share one generator, by the birthday bound after some 2**(bits / 2)."""
    keys = []
    for seed in _WIDE_SEEDS:
        seeding = _tokens(sample_tokens, LOGITS, 1.0, 4, seed)[2]
        keys.append([value % 2**32 for value in seeding.torch_seeds])
    bits = seed_bits(keys)
    if bits is None or bits >= 28:
        return
    pairs = math.sqrt(2 * math.log(2) * 2**bits)
    raise Wrong(f"over {len(_WIDE_SEEDS)} seeds spread below 2**32, the seeds your function "
                f"gives the torch.Generator carry about {bits:.0f} bits, not the 32 bits a "
                "PyTorch seed keeps (seed & 0xFFFF, seed % 1000?): far-apart seeds then "
                "share one generator and draw the same labels, and by the birthday bound two "
                f"of about {pairs:,.0f} seeds do so with an even chance. Seed the generator "
                "with `seed` itself")


#: A pair of 10-digit seeds below 2**32 that share their first 9 digits:
#: ``int(str(seed)[:9])`` gives it one generator (seeds 0 and 1 stay apart, so the earlier
#: test of seeds 0 and 1 does not see it; ``seed // 10`` it does).
_NEIGHBOUR_SEEDS = ((4_294_967_290, 4_294_967_295),)


def _dropped_high_bits(sample_tokens) -> None:
    """Raise :class:`Wrong` if seeds 5 and 5 + 2**b (b from 16 to 31, all below 2**32) give
    the same labels: ``seed % 2**31`` or ``seed & 0x1FFFFFFF`` drops high bits of a seed, so
    far-apart seeds share one generator; or if a pair of :data:`_NEIGHBOUR_SEEDS` does (the
    seed's last digits dropped). Two right samples of 3 x 32 labels coincide
    with probability below 1e-20."""
    base = _tokens(sample_tokens, LOGITS, 1.0, 32, 5)[0]
    if any(np.all(row == row[0]) for row in np.atleast_2d(base)):
        return  # a row repeats one label: not a seed's fault; later tests name it
    for b in range(16, 32):
        if np.array_equal(base, _tokens(sample_tokens, LOGITS, 1.0, 32, 5 + 2**b)[0]):
            raise Wrong(f"seeds 5 and 5 + 2**{b} give identical labels: your seed drops high "
                        "bits (seed % 2**31?), so far-apart seeds share one "
                        "generator. Seeds go up to 2**32 - 1: seed the generator with `seed` "
                        "itself")
    for low, high in _NEIGHBOUR_SEEDS:
        if np.array_equal(_tokens(sample_tokens, LOGITS, 1.0, 32, low)[0],
                          _tokens(sample_tokens, LOGITS, 1.0, 32, high)[0]):
            raise Wrong(f"seeds {low} and {high} give identical labels: your seed drops its "
                        "last digits (int(str(seed)[:9])?), so seeds that share their first "
                        "digits share one generator. Seeds go up to 2**32 - 1, 10 digits: seed "
                        "the generator with `seed` itself")


def _permuted_rows(samples: list[np.ndarray]) -> None:
    """Raise :class:`Wrong` if two rows of identical logits (``LOGITS_SAME``, 50 labels a
    row, one sample per seed) hold the same class counts at every seed: one row's labels
    reordered. Independent rows have equal counts with probability 0.013 per seed, so at
    all 20 seeds with probability about 3e-38."""
    k = len(LOGITS_SAME[0])
    counts = np.array([[np.bincount(row, minlength=k) for row in sample] for sample in samples])
    for i in range(len(LOGITS_SAME)):
        for j in range(i + 1, len(LOGITS_SAME)):
            if np.array_equal(counts[:, i], counts[:, j]):
                raise Wrong(f"rows {i} and {j} (identical logits) hold the same class counts at "
                            f"every one of {len(samples)} seeds: one row is the other's labels "
                            "reordered (a permutation of shared draws), not draws of its own. "
                            "Each row needs draws of its own from the one generator")


def _forced_argmax(samples: list[np.ndarray], same: list[np.ndarray]) -> None:
    """Raise :class:`Wrong` if one position of every row holds the row's most likely class
    in every sample (``LOGITS`` at 30 seeds, ``LOGITS_SAME`` at 3, the first
    ``min(length)`` positions): a label forced to the argmax. Drawn labels do so at one
    position with probability 0.64^30 · 0.85^30 · 0.67^9, about 3e-10, so below 1e-7 over
    the 300 positions."""
    length = min(sample.shape[1] for sample in (*samples, *same))
    hits = np.ones(length, dtype=bool)
    for logits, group in ((LOGITS, samples), (LOGITS_SAME, same)):
        best = np.argmax(logits, axis=1)[:, None]
        for sample in group:
            hits &= np.all(sample[:, :length] == best, axis=0)
    if hits.any():
        j = int(np.flatnonzero(hits)[0])
        raise Wrong(f"label {j} of every row is the row's most likely class (its argmax), in "
                    f"all {len(samples) + len(same)} samples: a label set to the argmax "
                    "(greedy decoding) is no draw. Draw every label from softmax(row / "
                    "temperature)")


def _lagged_labels(sample_tokens) -> None:
    """Raise :class:`Wrong` if labels some lag apart in a row agree too often or too rarely
    (``LOGITS_COIN``, 2000 labels a row, seed 0): antithetic draws (u for one label, 1 - u
    for another in the same row) make labels n / 2 apart disagree every time.

    Read as signs x = ±1, the labels of a row give at lag l the sum r_l of the n - l products
    x_j x_(j+l). For independent fair signs these products are themselves independent fair
    signs (each chain j, j + l, j + 2l, ... is a path, and a path's edge products are as free
    as its vertices), so Hoeffding bounds P(|r_l| >= t) by 2 exp(-t² / (2 (n - l))). The
    threshold puts that below 1e-7 / (rows × lags), so a right answer fails with odds below
    1e-7 over every lag of 1 to n - 100 in both rows (all r_l at once by FFT)."""
    n = 2000
    tokens = _tokens(sample_tokens, LOGITS_COIN, 1.0, n, 0)[0]
    lags = np.arange(1, n - 99)
    pairs = n - lags
    tests = len(LOGITS_COIN) * len(lags)
    limit = np.sqrt(2 * pairs * math.log(2 * tests / 1e-7))
    for row, labels in enumerate(tokens):
        x = 2.0 * labels - 1
        spectrum = np.fft.rfft(x, 2 * n)
        r = np.rint(np.fft.irfft(spectrum * np.conj(spectrum), 2 * n)[lags])
        over = np.flatnonzero(np.abs(r) >= limit)
        if not len(over):
            continue
        i = int(over[np.argmax(np.abs(r[over]) / pairs[over])])
        lag, agree = int(lags[i]), (1 + r[i] / pairs[i]) / 2
        why = ("a label made from 1 - u, where another label of the row used u (antithetic "
               "draws), mirrors that label" if agree < 0.5 else
               "labels copied or repeated from other positions follow them")
        raise Wrong(f"on logits {LOGITS_COIN[0]} (two classes of probability 1/2), labels "
                    f"{lag} apart in row {row} agree {agree:.0%} of the time over {pairs[i]} "
                    "pairs, not about 50% as independent draws do (beyond chance: odds below "
                    f"1e-7): {why}. The n labels of a row must be drawn independently: a "
                    "fresh uniform for each (torch.rand(B, n)), or torch.multinomial")


#: Seeds 2 to 31, after 0 and 1: labels the same at all 32 are fixed, not drawn.
_FIXED_SEEDS = tuple(range(2, 32))


#: What a softmax that subtracts the largest logit of the whole batch (``z.max()``) does to
#: :data:`LOGITS_LARGE`, whose rows work alone: its second row underflows.
_UNDERFLOW = ("[[1000, 999, 0], [0, 0.5, 3]], though each row alone works: you subtract the "
              "largest logit of the whole batch (z.max()), so exp of the second row's "
              "logits, near -1000, underflows to 0, and 0 / 0 is nan. Subtract each row's "
              "own largest scaled logit before exp (z.max(dim=-1, keepdim=True)), as "
              "torch.softmax does")


def _rows_alone_right(sample_tokens, logits: list[list[float]]) -> bool:
    """Whether ``sample_tokens`` (temperature 1, 2000 labels, seed 0) gives every row of
    ``logits`` asked for alone labels at the softmax's frequencies (each within 5 standard
    errors): a softmax that fails on the rows together only mixes them, such as by
    subtracting the largest logit of the whole batch."""
    for row in logits:
        p = _softmax_rows([row], 1.0)[0]
        try:
            freq = _frequencies(_tokens(sample_tokens, [row], 1.0, 2000, 0)[0], len(row))
        except Wrong:
            return False
        se = np.sqrt(np.clip(p * (1 - p), 1e-12, None) / 2000)
        if not np.all(np.abs(freq - p) <= 5 * se + 1e-12):
            return False
    return True


def _drew_from_generator(sample_tokens) -> bool | None:
    """Whether a call of ``sample_tokens`` (logits :data:`LOGITS`, seed 3) draws anything
    from a ``torch.Generator`` it makes: one whose state after the call differs from its
    state when it was made or last seeded (every draw moves it on). None without PyTorch,
    or when the call makes none (its generator was made before it: a stand-in of
    :func:`~helpers.checks._seeding.watch_seeding` counted it, used).
    Inside :func:`watch_seeding`, the watched ``torch.Generator`` is wrapped once more (on
    ``torch`` and under the same names in the answer's globals), to keep its instances."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    made: list[tuple[Any, Any]] = []  # (generator, its state when made or last seeded)
    learner = getattr(sample_tokens, "__globals__", None)
    with watch_seeding(sample_tokens):
        watched = torch.Generator

        class Kept(watched):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                made.append((self, self.get_state().clone()))

            def manual_seed(self, seed: Any) -> Any:
                got = super().manual_seed(seed)
                made.append((self, self.get_state().clone()))
                return got

        aliases = ([k for k, v in learner.items() if v is watched]
                   if isinstance(learner, dict) else [])
        torch.Generator = Kept
        for alias in aliases:
            learner[alias] = Kept
        try:
            _call(sample_tokens, [list(row) for row in LOGITS], 1.0, 50, 3,
                  global_hint=_TOKENS_GLOBAL)
        finally:
            torch.Generator = watched
            for alias in aliases:
                if learner.get(alias) is Kept:
                    learner[alias] = watched
    if not made:  # a generator made before the call (watch_seeding's stand-in): unknown here
        return None
    last = {id(g): (g, state) for g, state in made}  # the state each was last seeded to
    return any(not torch.equal(g.get_state(), state) for g, state in last.values())


def _frequencies(tokens: np.ndarray, k: int) -> np.ndarray:
    return np.stack([np.bincount(row, minlength=k) for row in tokens]) / tokens.shape[1]


@exercise_check
def check_sample_tokens(sample_tokens) -> str:
    """``sample_tokens(logits, temperature, n, seed)``: ``n`` labels per row of ``logits``,
    each drawn from ``softmax(row / temperature)``, repeatable for a seed.

    Judged by properties (any right sampler passes, e.g. ``torch.multinomial`` or
    inverse-CDF sampling with the seeded generator): frequencies within 5 standard errors
    of each row's probabilities at three temperatures, on logits of 1000 (an unstable
    softmax overflows) and on logits 999.75 and 999.25 (float16 rounds them), rows
    independent of each other (one generator per call, no row of identical logits repeated
    across 20 seeds), labels independent within a row (labels at no lag agree too often or
    too rarely, as u and 1 - u do; no label repeated n times) and across seeds, and classes
    repeated in a row even when n equals the number of classes.
    """
    n, k = 4000, len(LOGITS[0])
    tokens, got, seeding = _tokens(sample_tokens, LOGITS, 1.0, n, 0)
    if seeding.string_hashes:
        raise Wrong(_STRING_HASH_TOKENS)
    # n = 4000 labels all alike: a right row does so with probability below 0.85**3999
    constant = [row for row, labels in enumerate(tokens) if np.all(labels == labels[0])]
    if np.array_equal(tokens, _tokens(sample_tokens, LOGITS, 1.0, n, 1)[0]):
        if len(constant) < len(tokens):
            raise Wrong("seeds 0 and 1 give the same labels: use the `seed` argument")
        # One label drawn per row and repeated is the same at two seeds with probability
        # up to 0.64 · 0.85 (both rows' argmax), at all of seeds 0 to 31 below 1e-8: only
        # then are the labels fixed whatever the seed.
        if all(np.array_equal(tokens, _tokens(sample_tokens, LOGITS, 1.0, n, seed)[0])
               for seed in _FIXED_SEEDS):
            if np.array_equal(tokens, np.broadcast_to(np.argmax(LOGITS, axis=1)[:, None],
                                                      tokens.shape)):
                raise Wrong("every label is its row's most likely class (its argmax), at "
                            f"every seed from 0 to {_FIXED_SEEDS[-1]} alike: the labels are "
                            "not random at all, whatever the seed (greedy decoding is no "
                            "sampling). Draw every label from softmax(row / temperature) with "
                            "a torch.Generator seeded with `seed`")
            raise Wrong("every row repeats one label, the same at every seed from 0 to "
                        f"{_FIXED_SEEDS[-1]}: the labels are not random at all. Draw every "
                        "label from softmax(row / temperature) with a torch.Generator seeded "
                        "with `seed`")
    if not np.array_equal(tokens, _tokens(sample_tokens, LOGITS, 1.0, n, 0)[0]):
        raise Wrong("the same seed gives different labels: draw with a torch.Generator "
                    "seeded with `seed`")
    if constant:
        raise Wrong(f"every label in row {constant[0]} is the same ({n} times class "
                    f"{tokens[constant[0], 0]}): one label drawn per row and repeated n times "
                    "is one draw, not n. Draw n labels for each row (torch.multinomial(probs, "
                    "n, replacement=True, generator=...))")
    same, _, same_seeding = _tokens(sample_tokens, LOGITS_SAME, 1.0, 50, 0)
    if all(np.array_equal(same[0], row) for row in same[1:]):
        if _generators_made(same_seeding) > 1:
            raise Wrong("three identical rows of logits got the very same labels: a generator "
                        "seeded afresh for each row replays the same draws. Draw every row "
                        "from one generator (torch.multinomial takes the whole (B, k) matrix)")
        raise Wrong("three identical rows of logits got the very same labels: every row "
                    "reuses the same draws (one set of uniforms for all rows?). Each row needs "
                    "draws of its own from the one generator (torch.multinomial takes the "
                    "whole (B, k) matrix)")
    made = _generators_made(seeding)
    if made > 1:
        hint = (f"your function seeded {made} generators for {len(LOGITS)} rows: the exercise "
                "asks for one torch.Generator seeded with `seed` that draws every row "
                "(torch.multinomial takes the whole (B, k) matrix)")
        shared = _shared_row_seed(sample_tokens)
        if shared is not None:
            value, (a, i), (b, j) = shared
            rows = (f"row {i} at seed {a} and row {j} at seed {b}" if i is not None else
                    f"a row at seed {a} and one at seed {b}")
            hint += (". Seeding a generator per row by arithmetic on `seed` (seed + i, "
                     f"seed - i, ...) also collides across seeds: {rows} both get the seed "
                     f"{value}, so they draw the same labels")
        elif seeding.seeds and max(abs(v) for v in seeding.seeds) <= 10**6:
            hint += (". Seeding a generator per row by arithmetic on `seed` (seed + i, "
                     "seed * B + i, digits side by side) also collides across seeds (with "
                     "seed + i, row 1 at seed 5 is row 0 at seed 6)")
        raise Wrong(hint)
    _narrow_torch_seeds(sample_tokens)
    _dropped_high_bits(sample_tokens)
    _derived_torch_seed(sample_tokens)
    for temperature in (1.0, 0.5, 2.0):
        freq = (_frequencies(tokens, k) if temperature == 1.0 else
                _frequencies(_tokens(sample_tokens, LOGITS, temperature, n, 0)[0], k))
        right = _softmax_rows(LOGITS, temperature)
        by_column = _softmax_rows(LOGITS, temperature, axis=0)  # then renormalized by rows

        def fits(p: np.ndarray, freq: np.ndarray = freq) -> bool:
            se = np.sqrt(np.clip(p * (1 - p), 1e-12, None) / n)
            return bool(np.all(np.abs(freq - p) <= 5 * se + 1e-12))

        if fits(right):
            continue
        mistakes = [
            (_softmax_rows(LOGITS, 1 / temperature),
             ("you multiplied the logits by the temperature: divide them (a temperature "
              "below 1 sharpens the distribution)")),
            (_softmax_rows(LOGITS, 1.0),
             "the temperature is not applied: draw from softmax(logits / temperature)"),
            (by_column / by_column.sum(axis=1, keepdims=True),
             ("the softmax ran over the wrong dimension: each row is one example's logits, "
              "so normalize along dim=-1")),
        ]
        hints = [hint for p, hint in mistakes if fits(p)]
        where = f"at temperature {temperature}"
        raise Wrong(f"{where} the labels' frequencies {freq.round(3).tolist()} do not follow "
                    f"softmax(logits / temperature) = {right.round(3).tolist()}"
                    + (f": {hints[0]}" if hints else ""))
    # Independent draws: over 300 labels a class's count varies from seed to seed with
    # variance 300·p(1-p); labels made to fixed counts and shuffled keep the same counts.
    p = _softmax_rows(LOGITS, 1.0)
    samples = [_tokens(sample_tokens, LOGITS, 1.0, 300, seed)[0] for seed in range(100, 130)]
    counts = np.array([[np.bincount(row, minlength=k) for row in s] for s in samples])
    # the pooled ratio is about a chi-square with 8 x 29 degrees of freedom over 232: below
    # 0.5 with probability under 1e-13
    if counts.var(axis=0, ddof=1).sum() < 0.5 * np.sum(300 * p * (1 - p)):
        raise Wrong("the class counts barely change from seed to seed (over 300 labels, a "
                    "count varies with variance 300·p(1-p) when each label is drawn on its "
                    "own): labels made to fixed counts and shuffled are not independent "
                    "draws. Draw each label from its row's probabilities, with replacement")
    # Independent streams: 30 seeds, 30 different samples (two right samples of 600 labels
    # coincide with probability below 1e-100)
    if len({s.tobytes() for s in samples}) < len(samples):
        raise Wrong("some of 30 different seeds gave identical labels: derive the generator "
                    "from `seed` itself, e.g. torch.Generator().manual_seed(seed)")
    # Independent draws in a row: a neighbour differs with probability 1 - sum(p²); sorted
    # or grouped labels change class only a few times.
    for row, probs in zip(tokens, p, strict=True):
        changes, q = np.mean(row[1:] != row[:-1]), 1 - np.sum(probs**2)
        if abs(changes - q) > 5 * math.sqrt(q * (1 - q) / (n - 1)):
            why = ("are the labels sorted or grouped? Return them in the order they are drawn"
                   if changes < q else
                   "neighbours made to differ, as a label drawn from 1 - u next to one drawn "
                   "from u (antithetic draws) does. Draw each label from a fresh uniform "
                   "(torch.rand(B, n)), or use torch.multinomial")
            raise Wrong(f"neighbouring labels in a row differ {changes:.1%} of the time, not "
                        f"about {q:.0%} as independent draws do: {why}")
    # Rows of identical logits over 20 seeds: 60 rows of 50 labels, all different for a
    # right sampler (two coincide with probability about 0.51^50 < 1e-14 per pair).
    rows: dict[bytes, tuple[int, int]] = {}
    by_sample: dict[bytes, int] = {}
    same_samples = []
    for seed in range(20):
        sample = _tokens(sample_tokens, LOGITS_SAME, 1.0, 50, seed)[0]
        same_samples.append(sample)
        if sample.tobytes() in by_sample:
            raise Wrong(f"seeds {by_sample[sample.tobytes()]} and {seed} gave identical "
                        "labels: derive the generator from `seed` itself, e.g. "
                        "torch.Generator().manual_seed(seed)")
        by_sample[sample.tobytes()] = seed
        for row, labels in enumerate(sample):
            if (key := labels.tobytes()) in rows:
                (seed0, row0) = rows[key]
                if seed0 == seed:
                    raise Wrong(f"row {row} repeats row {row0} (the rows have identical "
                                "logits): the two rows reuse the same draws. Each row needs "
                                "draws of its own from the one generator")
                raise Wrong(f"row {row} at seed {seed} repeats row {row0} at seed {seed0} (the "
                            "rows have identical logits): seeds made by arithmetic on `seed` "
                            "and the row (seed + i, seed - i) collide across seeds. Draw every "
                            "row from one generator seeded with `seed`")
            rows[key] = (seed, row)
    _permuted_rows(same_samples)
    wide_same = [_tokens(sample_tokens, LOGITS_SAME, 1.0, 400, seed)[0] for seed in _SAME_SEEDS]
    _dependent_rows(wide_same)
    _forced_argmax(samples, wide_same)
    for row in tokens:
        if np.array_equal(row[: n // 2], row[n // 2:]):
            raise Wrong("the second half of a row repeats its first half: draws copied or "
                        "replayed are not independent. Draw all n labels of a row at once "
                        "from one generator")
    # No position copies another: the 30 samples of 300 labels stacked, two positions agree
    # in all 60 rows with probability about 0.35^30 < 1e-13 (below 1e-8 for all 44,850 pairs)
    stacked = np.concatenate(samples)
    _, first, inverse = np.unique(stacked.T, axis=0, return_index=True, return_inverse=True)
    copies = np.flatnonzero(first[inverse.ravel()] != np.arange(stacked.shape[1]))
    if len(copies):
        j = int(copies[0])
        i = int(first[inverse.ravel()[j]])
        raise Wrong(f"label {j} of every row is a copy of label {i} (in all 60 rows of 30 "
                    "seeds): labels copied from other positions are not independent draws. "
                    "Draw all n labels of a row from the generator, not fewer and copies")
    _lagged_labels(sample_tokens)
    # A class may repeat in a row whatever n is: with n = k labels (no more than classes),
    # over 10 seeds some row repeats one (it fails to with probability below 1e-30).
    if not any(len(set(row.tolist())) < k for seed in range(10)
               for row in _tokens(sample_tokens, LOGITS, 1.0, k, seed)[0]):
        raise Wrong(f"with n = {k} labels for {k} classes, no row ever repeats a class, over "
                    "10 seeds: labels drawn independently repeat classes for any n. Draw with "
                    "replacement whatever n is (torch.multinomial's replacement=True)")
    # Large logits: exp(1000) overflows to inf in float32 and float64.
    large = _softmax_rows(LOGITS_LARGE, 1.0)
    overflow = ("with logits as large as 1000, exp overflows to inf (and inf / inf is nan): "
                "subtract each row's largest scaled logit before exp, as torch.softmax does")
    try:
        freq = _frequencies(_tokens(sample_tokens, LOGITS_LARGE, 1.0, 2000, 0)[0],
                            len(LOGITS_LARGE[0]))
    except Wrong as err:
        if _rows_alone_right(sample_tokens, LOGITS_LARGE):
            raise Wrong(f"{str(err).split(':')[0]} on the logits {_UNDERFLOW}") from None
        raise Wrong(f"{str(err).split(':')[0]} on the logits [1000, 999, 0]: {overflow}"
                    ) from None
    se = np.sqrt(np.clip(large * (1 - large), 1e-12, None) / 2000)
    if not np.all(np.abs(freq - large) <= 5 * se + 1e-12):
        rounded = _softmax_rows(_bfloat16(LOGITS_LARGE), 1.0)
        if np.all(np.abs(freq - rounded) <= 5 * se + 1e-12):
            probe = _softmax_rows(LOGITS_CLAMP, 1.0)
            probe_freq = _frequencies(_tokens(sample_tokens, LOGITS_CLAMP, 1.0, 2000, 0)[0],
                                      len(LOGITS_CLAMP[0]))
            probe_se = np.sqrt(np.clip(probe * (1 - probe), 1e-12, None) / 2000)
            if not np.all(np.abs(probe_freq - probe) <= 5 * probe_se + 1e-12):
                raise Wrong(f"with logits [1000, 999, 0] your labels' frequencies were "
                            f"{freq.round(3).tolist()}, and with [1000, 996, 0] "
                            f"{probe_freq.round(3).tolist()}, not {probe.round(3).tolist()}: "
                            "large logits were made equal, as clamping them (torch.clamp(z, "
                            "max=...)) does, and that changes the distribution. Subtract each "
                            "row's largest scaled logit before exp instead (torch.softmax "
                            "does), which keeps the differences between logits")
            raise Wrong(f"with logits [1000, 999, 0] your labels' frequencies were "
                        f"{freq.round(3).tolist()}: the softmax of logits rounded to bfloat16, "
                        "whose 8-bit significand keeps 2 or 3 digits, so 999 becomes 1000 and "
                        "the first two classes tie. Compute the softmax in float32 or float64")
        if _rows_alone_right(sample_tokens, LOGITS_LARGE):
            raise Wrong(f"your labels' frequencies were {freq.round(3).tolist()} with the "
                        f"logits {_UNDERFLOW}")
        raise Wrong(f"{overflow}; your labels' frequencies were {freq.round(3).tolist()}")
    _float16_logits(sample_tokens)
    if not _is_tensor(got):
        raise Wrong(f"these labels are right, but sample_tokens returned a "
                    f"{type(got).__module__}.{type(got).__name__}: the exercise is PyTorch's "
                    "version, so return the tensor that torch.multinomial draws")
    if seeding.generators and _drew_from_generator(sample_tokens) is False:
        raise Wrong(f"your function makes {seeding.generators} torch.Generator"
                    f"{'s' if seeding.generators > 1 else ''} but draws nothing from "
                    f"{'them' if seeding.generators > 1 else 'it'} (its state is where "
                    "manual_seed put it): the labels come from elsewhere ("
                    + ("NumPy's draws made into a tensor?" if seeding.numpy_made else
                       "PyTorch's global generator, even inside torch.random.fork_rng?")
                    + "). The exercise asks for PyTorch's version: draw every "
                    "label from one torch.Generator seeded with `seed`, e.g. "
                    "torch.multinomial(probs, n, replacement=True, generator=g)")
    if "torch" in sys.modules and seeding.generators == 0:
        if seeding.numpy_made:
            raise Wrong("these labels come from no torch.Generator (NumPy's draws made into a "
                        "tensor?): the exercise is PyTorch's version, so draw them with "
                        "torch.multinomial from a torch.Generator seeded with `seed`")
        raise Wrong("these labels come from no torch.Generator: they were drawn from "
                    "PyTorch's global generator (even inside torch.random.fork_rng, and "
                    "Categorical(...).sample() draws from it too): pass generator= a "
                    "torch.Generator seeded with `seed` to torch.multinomial")
    return ("each row follows softmax(row / temperature), rows and seeds draw independently, "
            "and a class may repeat in a row.")


# ----------------------------------------------------------------------------- Exercise 3

_NOISE_GLOBAL = ("your function reseeded or drew from PyTorch's global generator: make a "
                 "generator for each item inside rank_noise instead")
# Triples on which seed arithmetic collides: sums and products (0, 1, 2), a seed plus 100 or
# 1000 times an id (42 and 142), digits side by side (1|23|4 and 12|3|4, 1|12 and 11|2), an
# index plus 1,000 or 10,000 times the epoch (indices 1,000 and 10,000 of epoch 0).
_SEEDS = (0, 1, 2, 12, 42, 142)
_EPOCHS = (0, 1, 2, 3, 11, 23)
_INDICES = (0, 1, 2, 4, 12, 101, 1_000, 10_000)


#: (seed, epoch, item) nodes at which two of 2**32 equally likely streams coincide with an
#: even chance (the birthday bound)
_EVEN_CHANCE_32 = math.sqrt(2 * math.log(2) * 2**32)
_TORCH_SEED_PER_ITEM = (
    "your function seeds a torch.Generator for each item (manual_seed): PyTorch's CPU "
    "generator keeps only the low 32 bits of a seed, so there are 2**32 streams, and among "
    f"about {_EVEN_CHANCE_32:,.0f} (seed, epoch, item) nodes two share their noise with an "
    "even chance (the birthday bound), whatever the 128-bit SeedSequence behind the seed. "
    "Draw each item's noise with its NumPy generator, default_rng(SeedSequence(seed, "
    "spawn_key=(ITEM_NOISE_KEY, epoch, index))), and convert it with torch.from_numpy")


def _noise(item_noise, seed: int, epoch: int, index: int, size: int) -> np.ndarray:
    """The learner's draws for one item, as a 1-D float array of length ``size``."""
    what = f"the item (seed={seed}, epoch={epoch}, index={index}) with size={size}"
    got = _call(item_noise, seed, epoch, index, size, global_hint=_NOISE_GLOBAL)
    dtype = str(getattr(got, "dtype", "")).removeprefix("torch.")
    if dtype in ("float16", "bfloat16"):  # checked first: NumPy cannot hold a bfloat16 tensor
        raise Wrong(f"{what} returned {dtype} draws, which keep only 2 or 3 digits (and repeat "
                    "values): return float32 or float64 draws")
    draws = _as_array(got)
    if draws.shape != (size,):
        raise Wrong(f"{what} should return {size} draws in a 1-D array, got shape "
                    f"{draws.shape}")
    if draws.dtype.kind != "f":
        raise Wrong(f"{what} should return floats (standard normal draws), got dtype "
                    f"{draws.dtype}")
    return draws.astype(float)


def _named(triple: tuple[int, int, int]) -> str:
    """``the item (seed=.., epoch=.., index=..)`` for a triple."""
    args = ", ".join(f"{k}={v}" for k, v in zip(("seed", "epoch", "index"), triple,
                                                  strict=True))
    return f"the item ({args})"


def _collision_hint(a: tuple[int, int, int], b: tuple[int, int, int]) -> str:
    """What two triples that draw the same numbers say about the learner's seed."""
    if a[0] != b[0] and (a[1] != b[1] or a[2] != b[2]):  # the seed runs into another id
        return (f"{_named(a)} and {_named(b)} draw the same numbers: seeds made by "
                "arithmetic on the ids collide, and here a change of seed undoes a change of "
                "another id: the ids are packed into overlapping bit fields (the seed's high "
                "bits are where the epoch or index goes, by +, | or ^), none of them "
                "dropped; section 8 shows how SeedSequence keeps the ids apart")
    return (f"{_named(a)} and {_named(b)} draw the same numbers: seeds "
            "made by arithmetic on the ids (sums, products, digits side by side) collide; "
            "section 8 shows how SeedSequence keeps the ids apart")


# Day 1's rule (SEED_BITS, shared in helpers.checks._seeding): integer seeds made per item
# that vary by SEED_BITS bits or fewer (drawn below 2**40, such as a 32-bit
# ``generate_state(1)[0]``) share a value too often over items x epochs x seeds (the birthday
# bound). A 48-bit or 64-bit seed passes this test, and :func:`_integer_seed_streams` rejects
# it when it goes to ``default_rng``.

#: (seed, epoch, index) of the items whose made seeds are measured: the base (5, 2, 3), a
#: step along each id (to find seeds that are a sum of multiples of the ids), then a chain
#: of 6 items rising along each id (to find seeds that rise or fall with every id: digits
#: side by side, products, shifts).
_WIDTH_BASE = (5, 2, 3)
_WIDTH_CHAINS = (tuple((seed, 2, 3) for seed in (0, 1, 7, 42, 300, 1_000)),
                 tuple((5, epoch, 3) for epoch in (0, 1, 4, 9, 30, 99)),
                 tuple((5, 2, index) for index in (0, 1, 9, 40, 120, 250)))
_WIDTH_ITEMS = ((6, 2, 3), (5, 3, 3), (5, 2, 4), *(t for chain in _WIDTH_CHAINS for t in chain))


def _affine_in_ids(column: list[int], items: list[tuple[int, int, int]]) -> bool:
    """Whether the values ``column`` takes at ``items`` (the base, then a step along seed,
    epoch and index, then more) are a constant plus a multiple of each id: an id itself,
    ``index + 1``, ``seed * 100_003 + epoch * 1_009 + index``, left to the arithmetic scan."""
    slopes = [column[1 + k] - column[0] for k in range(3)]
    return all(value == column[0] + sum(m * (t - b) for m, t, b in
                                        zip(slopes, triple, items[0], strict=True))
               for value, triple in zip(column, items, strict=True))


def _monotone_in_ids(column: list[int]) -> bool:
    """Whether the values ``column`` takes along each chain of :data:`_WIDTH_CHAINS` (its
    last 18 values) never rise and fall in one chain: arithmetic on the ids (digits side by
    side, ``seed ^ (epoch << 20)``), left to the collision scans. A hash is monotone along
    all three chains of 6 with odds about (2 / 720) ** 3."""
    for start in (-18, -12, -6):
        chain = column[start:start + 6 or None]
        steps = [b - a for a, b in itertools.pairwise(chain)]
        if any(d > 0 for d in steps) and any(d < 0 for d in steps):
            return False
    return True


def _narrow_item_seeds(rank_noise) -> None:
    """Raise :class:`Wrong` if the integers ``rank_noise`` puts into an item's seeds (integer
    and list seeds, spawn keys, ``manual_seed``), leaving out those that are a sum of
    multiples of the ids, rise or fall with each, or take few values (an id itself, or
    arithmetic: judged by the collision scans), vary over :data:`_WIDTH_ITEMS` by
    :data:`SEED_BITS` bits or fewer (:func:`seed_bits`): a hashed seed cut to 32 or 16 bits
    (``generate_state(1)[0]``, ``& 0xFFFF``). Seeds given to ``manual_seed`` then get
    :data:`_TORCH_SEED_PER_ITEM` (PyTorch keeps 32 bits of any seed). Over these 22 items a
    32-bit hash measures about 32 bits, a 48-bit one 48."""
    items = [_WIDTH_BASE, *_WIDTH_ITEMS]
    keys = []
    torch_seeded = False
    for triple in items:
        with watch_seeding(rank_noise) as seeding:
            row = _rank_rows(rank_noise, *triple[:2], triple[2], triple[2] + 1,
                             triple[2] + 1, 3)[0]
        if len(np.unique(row)) < 3:
            return  # a generator per draw (every draw the same): _judge_items says so
        keys.append(seeding.keys)
        torch_seeded = torch_seeded or bool(seeding.torch_seeds)
    if len({len(k) for k in keys}) != 1 or not keys[0]:
        return
    # a hash takes a new value at (nearly) every item; epoch % 2 and the like take a few
    made = [column for column in zip(*keys, strict=True)
            if len(set(column)) >= len(items) - 2
            and not (_affine_in_ids(list(column), items) or _monotone_in_ids(list(column)))]
    if not made:
        return
    bits = seed_bits([list(row) for row in zip(*made, strict=True)])
    if bits is None or bits > SEED_BITS:
        return
    if torch_seeded:  # any torch seed keeps 32 bits: the fix is not a wider seed
        raise Wrong(_TORCH_SEED_PER_ITEM)
    b = max(1, math.ceil(bits - 1e-9))
    even = math.sqrt(2 * math.log(2)) * 2 ** (b / 2)
    raise Wrong(f"the seeds your function makes for each item vary by about {b} bits "
                f"({SEED_BITS} or fewer, drawn below 2**{SEED_BITS}: rng.integers(2**"
                f"{SEED_BITS}) too, generate_state(1)[0] is one 32-bit word, and a "
                "mask such as & 0xFFFF keeps fewer): among n (seed, epoch, "
                f"item) nodes about n**2 / 2**{b + 1} pairs share a seed and draw the same "
                f"noise (the birthday bound: an even chance of one shared pair at about "
                f"{float(f'{even:.2g}'):,.0f} nodes). Give default_rng the SeedSequence "
                "itself, default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, "
                "index))), not a number drawn from it")


def _in_workers(item_noise, size: int) -> list[np.ndarray] | None:
    """Every item of a small loader over ``item_noise``, with 0 and with 2 workers.

    ``None`` without PyTorch, or off Linux: a function defined in a notebook reaches worker
    processes only by ``fork``, which is unsafe on macOS and missing on Windows.
    """
    torch = sys.modules.get("torch")
    if (torch is None or not sys.platform.startswith("linux")
            or "fork" not in multiprocessing.get_all_start_methods()):
        return None
    from torch.utils.data import DataLoader

    class Items:
        def __len__(self) -> int:
            return 6

        def __getitem__(self, i: int) -> np.ndarray:
            return np.ascontiguousarray(_as_array(item_noise(3, 1, i, size)), dtype=float)

    runs = []
    for workers in (0, 2):
        loader = DataLoader(Items(), batch_size=2, num_workers=workers,
                            generator=torch.Generator().manual_seed(0),
                            multiprocessing_context="fork" if workers else None)
        try:
            runs.append(torch.cat(list(loader)).numpy())
        except Exception as err:  # noqa: BLE001 (the learner's bug becomes feedback)
            where = f"in a DataLoader with {workers} workers" if workers else "in a DataLoader"
            raise Wrong(f"{where} your code raised {type(err).__name__}") from None
    return runs


def _rank_rows(rank_noise, seed: int, epoch: int, rank: int, world_size: int,
               num_items: int, size: int) -> np.ndarray:
    """The learner's rows for one rank, as a ``(count, size)`` float array."""
    what = (f"rank_noise(seed={seed}, epoch={epoch}, rank={rank}, world_size={world_size}, "
            f"num_items={num_items}, size={size})")
    got = _call(rank_noise, seed, epoch, rank, world_size, num_items, size,
                global_hint=_NOISE_GLOBAL)
    dtype = str(getattr(got, "dtype", "")).removeprefix("torch.")
    if dtype in ("float16", "bfloat16"):  # checked first: NumPy cannot hold a bfloat16 tensor
        raise Wrong(f"{what} returned {dtype} draws, which keep only 2 or 3 digits (and repeat "
                    "values): return float32 or float64 draws")
    try:
        rows = _as_array(got)
    except (TypeError, ValueError):
        rows = np.asarray(None)
    count = len(range(rank, num_items, world_size))
    if rows.shape != (count, size):
        raise Wrong(f"{what} should return one row of {size} draws for each of the {count} "
                    f"items this rank loads ({rank}, {rank + world_size}, ... below "
                    f"{num_items}), an array of shape {(count, size)}; got shape "
                    f"{getattr(rows, 'shape', None)}")
    if rows.dtype.kind != "f":
        raise Wrong(f"{what} should return floats (standard normal draws), got dtype "
                    f"{rows.dtype}")
    return rows.astype(float)


def _items_by_ranks(rank_noise, world_size: int, num_items: int = 10) -> np.ndarray:
    """Every item's noise (seed 5, epoch 1, 3 draws), reassembled from ``world_size`` ranks."""
    items = np.empty((num_items, 3))
    for rank in range(world_size):
        items[rank::world_size] = _rank_rows(rank_noise, 5, 1, rank, world_size, num_items, 3)
    return items


@exercise_check
def check_rank_noise(rank_noise) -> str:
    """``rank_noise(seed, epoch, rank, world_size, num_items, size)``: the noise of the items
    rank ``rank`` of ``world_size`` loads (strided), each item's draws depending on seed,
    epoch and index only."""
    with watch_seeding(rank_noise) as seeding:
        try:
            alone = _items_by_ranks(rank_noise, 1)
        except Wrong as err:  # a hash raised (a negative one is no seed): say what is wrong
            if not (seeding.hashes and str(err).startswith("your code raised")):
                raise
            said = (f"{err} (a hash can be negative, a seed cannot), but abs() would not help"
                    if "negative" in str(err) else str(err))
            raise Wrong(f"{said}: {_STRING_HASH if seeding.string_hashes else _TUPLE_HASH}"
                        ) from None
    if seeding.string_hashes:
        raise Wrong(_STRING_HASH)
    if seeding.hashes:
        raise Wrong(_TUPLE_HASH)
    if not np.array_equal(alone, _items_by_ranks(rank_noise, 1)):
        raise Wrong("the same arguments gave other draws the second time: make each item's "
                    "generator from its ids inside rank_noise, not one generator shared by "
                    "every call (its state would depend on what was drawn before)")
    for world_size in (2, 3, 4, 8):
        shared = _items_by_ranks(rank_noise, world_size)
        if np.array_equal(shared, alone):
            continue
        if np.array_equal(np.sort(shared.view([("", float)] * 3), axis=0),
                          np.sort(alone.view([("", float)] * 3), axis=0)):
            raise Wrong(f"with {world_size} ranks the items' noise is right but lands on other "
                        f"items: rank r loads items r, r + world_size, r + 2 world_size, ... "
                        "(strided, like DistributedSampler), in that order")
        raise Wrong(f"the items' noise changes when {world_size} ranks share the work instead "
                    "of 1: an item's generator must depend on seed, epoch and the item's index "
                    "only, not on rank or world_size (section 8 seeds items, not workers)")
    # items 0 to 4, in the first half of either data set (a second half treated apart is
    # judged later, by the correlation between items)
    if not np.array_equal(_items_by_ranks(rank_noise, 1, 13)[:5], alone[:5]):
        raise Wrong("the items' noise changes when the data set grows from 10 to 13 items: an "
                    "item's noise must not depend on the data set's size (num_items), only on "
                    "seed, epoch and its index (a key like epoch * num_items + index changes "
                    "when items are added); section 8 keeps the ids apart with SeedSequence")

    def item_noise(seed: int, epoch: int, index: int, size: int) -> np.ndarray:
        """One item's draws: the first row of rank ``index`` of ``index + 1``, in a data set
        of ``2 * (index + 1)`` items (the item in its first half; the same draws as for any
        other world_size, as tested above)."""
        return _rank_rows(rank_noise, seed, epoch, index, index + 1, 2 * index + 2, size)[0]

    # before the grid of _judge_items: a 16-bit seed collides there, and would be called
    # arithmetic
    _narrow_item_seeds(rank_noise)
    _judge_items(item_noise)
    for first, second in _arithmetic_collision(rank_noise):  # every candidate: ^ or | may
        # spare the cheapest pair and make another collide
        if np.array_equal(_noise(item_noise, *first, 4), _noise(item_noise, *second, 4)):
            raise Wrong(_collision_hint(first, second))
    _padded_digits(rank_noise)
    pool = {(seed, epoch): _rank_rows(rank_noise, seed, epoch, 0, 1, _POOL_ITEMS, _POOL_SIZE)
            for seed in _POOL_SEEDS for epoch in _POOL_EPOCHS}
    _mirrored_items(pool)
    _shifted_reuse(pool)
    _dropped_seed_bits(rank_noise)
    _far_seed_pairs(rank_noise)
    if seeding.torch_seeds:
        raise Wrong(_TORCH_SEED_PER_ITEM)
    _spawned_nodes(item_noise)
    _deep_nodes(rank_noise, item_noise)
    _seed_trees(rank_noise, item_noise)
    _derived_entropies(rank_noise, item_noise)
    _resized_overlap(rank_noise)
    _advanced_windows(rank_noise)
    _windows_of_one_stream(rank_noise)
    _dropped_id_bits(rank_noise)  # after _resized_overlap: one array for all items is huge
    _padded_lists(rank_noise, item_noise)
    _integer_seed_streams(rank_noise)
    return ("each item's draws depend on its seed, epoch and index only: the same for any "
            "number of ranks or workers, unrelated between items.")


#: The seeds 5 + 2**b probed against 5: every b from 16 to 64, then every 8th up to 256
#: (seed % 2**32, seed & 0xFFFF, a seed cast to 64 bits, seed % 2**96, a 128-bit Philox key
#: all drop the bits from some b up; :func:`_lowest_dropped_bit` finds that b).
_HIGH_BITS = (*range(16, 65), *range(72, 257, 8))


def _lowest_dropped_bit(rank_noise, base: np.ndarray, b: int) -> int:
    """The lowest bit at or below ``b`` (and above 64) whose seeds 5 + 2**bit give ``base``
    (seed 5's noise) too: the cut of a seed that drops bit ``b``, for the hint."""
    while b - 1 > 64 and np.array_equal(base, _rank_rows(rank_noise, 5 + 2 ** (b - 1), 1, 0,
                                                         1, 3, 4)):
        b -= 1
    return b


def _dropped_seed_bits(rank_noise) -> None:
    """Raise :class:`Wrong` if seeds 5 and 5 + 2**b (:data:`_HIGH_BITS`) give the same noise
    (3 items of 4 draws): a seed cut to 32, 64 or 128 bits (``seed % 2**32``,
    ``np.uint64(seed)``, ``Philox(key=seed % 2**128)``) makes far-apart seeds share every
    item's noise. A seed given to ``manual_seed`` is cut to 32 bits by PyTorch itself:
    :data:`_TORCH_SEED_PER_ITEM`."""
    with watch_seeding(rank_noise) as seeding:
        base = _rank_rows(rank_noise, 5, 1, 0, 1, 3, 4)
        for b in _HIGH_BITS:
            if not np.array_equal(base, _rank_rows(rank_noise, 5 + 2**b, 1, 0, 1, 3, 4)):
                continue
            b = _lowest_dropped_bit(rank_noise, base, b)
            if seeding.torch_seeds:
                raise Wrong(_TORCH_SEED_PER_ITEM)
            if not np.array_equal(_rank_rows(rank_noise, 5, 0, 0, 1, 3, 4),
                                  _rank_rows(rank_noise, 5 + 2**b, 0, 0, 1, 3, 4)):
                raise Wrong(f"seeds 5 and 5 + 2**{b} give identical noise in epoch 1 but not "
                            "in epoch 0: your seed drops no bits, it packs the ids into "
                            f"overlapping bit fields (the epoch lands on the seed's bit {b} "
                            "and up, by |, ^ or +), so a change of seed undoes a change of "
                            "epoch. Give SeedSequence the seed itself, SeedSequence(seed, "
                            "spawn_key=(ITEM_NOISE_KEY, epoch, index)): it keeps the ids apart")
            raise Wrong(f"seeds 5 and 5 + 2**{b} give identical noise: your seed drops its "
                        f"high bits (seed % 2**{b}?), so far-apart seeds share every item's "
                        "noise; every bit of a seed counts, beyond 2**64 too (a Philox key or "
                        "a list of four 32-bit words holds only 128). Give SeedSequence the "
                        "seed itself, SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, "
                        "index)): it keeps all of its bits, however many")


#: The bits b at which items (5, 2, 3) and (5, 2 + 2**b, 3), and (5, 2, 3 + 2**b), are
#: compared: an id cut to its low 8, 16 or 24 bits (epoch % 256, index % 2**16, a mask)
#: gives both the same noise. Ids are below 2**32, as the prompt says (SeedSequence reads a
#: larger one as two words, which run into the next id's). Bits above :data:`_ID_REACH` are
#: asked for only of an answer whose call at 2**_ID_REACH did not grow (:func:`_grows`): a
#: spawn chain, SeedSequence(seed, spawn_key=(KEY,)).spawn(epoch + 1)[epoch].spawn(index +
#: 1)[index], is right but makes index + 1 children (a third of a second at 2**16).
_ID_BITS = (8, 16, 24)
_ID_REACH, _ID_SLOW = 16, 0.05
_ID_BASE = (5, 2, 3)


def _item_row(rank_noise, seed: int, epoch: int, index: int) -> np.ndarray:
    """One item's 4 draws, asked for alone (rank ``index`` of ``index + 1``)."""
    return _rank_rows(rank_noise, seed, epoch, index, index + 1, index + 1, 4)[0]


def _base_time(rank_noise) -> float:
    """The least of three timed calls at the base item (5, 2, 3): what one call costs the
    answer when its cost does not grow with the ids, under the machine's present load."""
    return min(_timed_row(rank_noise, _ID_BASE)[1] for _ in range(3))


def _grows(took: float, base: float) -> bool:
    """Whether a call that took ``took`` seconds costs more than :data:`_ID_SLOW` seconds
    and more than 20 times the base item's ``base``: its cost grows with the id (a spawn
    chain), which a loaded machine that slows every call alike does not fake."""
    return took > max(_ID_SLOW, 20 * base)


def _timed_row(rank_noise, item: tuple[int, int, int]) -> tuple[np.ndarray, float]:
    """:func:`_item_row` at ``item`` and the seconds it took (the least of two calls, when
    the first is slow: a pause of the process is no cost of the answer's)."""
    start = time.perf_counter()
    row = _item_row(rank_noise, *item)
    took = time.perf_counter() - start
    if took > _ID_SLOW:
        start = time.perf_counter()
        _item_row(rank_noise, *item)
        took = min(took, time.perf_counter() - start)
    return row, took


def _dropped_id_bits(rank_noise) -> None:
    """Raise :class:`Wrong` if the item (5, 2, 3) draws what (5, 2 + 2**b, 3) or
    (5, 2, 3 + 2**b) draws, for b in :data:`_ID_BITS`: an epoch or index whose high bits
    are dropped on the way into the seed (``spawn_key=(KEY, epoch % 256, index)``,
    ``index % 2**16``, ``index & 0xFFFFFF``), so items 2**b epochs or indices apart share
    their noise. The hint names the lowest such b (at or below the one found)."""
    base = _item_row(rank_noise, *_ID_BASE)
    base_time = _base_time(rank_noise)
    for position, name in ((1, "epoch"), (2, "index")):
        def moved(b: int, position: int = position) -> tuple[int, int, int]:
            item = list(_ID_BASE)
            item[position] += 2**b
            return (item[0], item[1], item[2])

        for b in _ID_BITS:
            try:
                row, took = _timed_row(rank_noise, moved(b))
            except Wrong as err:  # an array for every item before this one: not ours to judge
                if b > _ID_REACH and "MemoryError" in str(err):
                    break
                raise
            if not np.array_equal(row, base):
                if b >= _ID_REACH and _grows(took, base_time):
                    break  # the answer's cost grows with the id: no larger ids asked for
                continue
            low = b
            while low > 1 and np.array_equal(base, _item_row(rank_noise, *moved(low - 1))):
                low -= 1
            apart = "indices" if name == "index" else "epochs"
            raise Wrong(f"{_named(_ID_BASE)} and {_named(moved(low))} draw the same "
                        f"numbers: your seed keeps only the low {low} bits of the {name} "
                        f"({name} % 2**{low}, a mask, or a cast to a narrower integer type), "
                        f"so items 2**{low} {apart} apart share their noise, though an {name} "
                        "may be any integer below 2**32. Put the ids into the spawn key "
                        "whole: SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index)) "
                        "keeps every bit of them")


#: Seed pairs that a seed map which is one-to-one only on small seeds makes one: a float on
#: the way (53 bits: 2**64 + 7 rounds to 2**64, 2**60 + 1 to 2**60), and seed % (2**61 - 1)
#: (what hash() of an integer is), each with what the hint says the map does.
_FAR_PAIRS = (
    (2**64, 2**64 + 7, "2**64", "2**64 + 7",
     ("a float keeps only 53 bits, and int(float(seed)) (or any float on the way) rounds "
      "both to one number")),
    (2**60, 2**60 + 1, "2**60", "2**60 + 1",
     ("a float keeps only 53 bits, and int(float(seed)) (or any float on the way) rounds "
      "both to one number")),
    (5, 5 + 2**61 - 1, "5", "5 + 2**61 - 1",
     ("your seed is reduced modulo 2**61 - 1 (seed % (2**61 - 1), which is also what hash() "
      "of an integer gives)")),
)


def _far_seed_pairs(rank_noise) -> None:
    """Raise :class:`Wrong` if a pair of :data:`_FAR_PAIRS` gives the same noise (3 items of 4
    draws, epoch 1): a seed rounded through a float, or reduced modulo 2**61 - 1, makes
    different seeds share every item's noise."""
    for one, other, one_name, other_name, cause in _FAR_PAIRS:
        if np.array_equal(_rank_rows(rank_noise, one, 1, 0, 1, 3, 4),
                          _rank_rows(rank_noise, other, 1, 0, 1, 3, 4)):
            raise Wrong(f"seeds {one_name} and {other_name} give identical noise: {cause}, so "
                        "different seeds share every item's noise. Give SeedSequence the seed "
                        "itself, an int, SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, "
                        "index)): it keeps every bit of it")


#: The widths k of a zero-padded index field probed: with the ids side by side, the item
#: (seed=1, epoch=0, index=10**k) and the item (seed=10, epoch=1, index=0) read as one number
#: (f"{seed}{epoch:04d}{index:06d}" at k = 6, whatever the epoch's width).
_PADDED_WIDTHS = (4, 5, 6, 7)


def _padded_digits(rank_noise) -> None:
    """Raise :class:`Wrong` if the item (seed=1, epoch=0, index=10**k) draws what the item
    (seed=10, epoch=1, index=0) draws, for k from 4 to 7: the ids written side by side in
    zero-padded fields (``int(f"{seed}{epoch:04d}{index:06d}")``), where a longer seed pushes
    its last digit into the epoch's field and the index's top digit reaches the epoch's.
    Each item is asked for alone (rank ``index`` of ``index + 1``); an answer whose call
    cost grows with the index (:func:`_grows`, as a spawn chain's does: a minute at 10**7)
    is asked for no larger index."""
    other = _rank_rows(rank_noise, 10, 1, 0, 1, 1, 4)[0]
    base_time = _base_time(rank_noise)
    for k in _PADDED_WIDTHS:
        index = 10**k
        row, took = _timed_row(rank_noise, (1, 0, index))
        if _grows(took, base_time) and not np.array_equal(row, other):
            return
        if np.array_equal(row, other):
            raise Wrong(f"{_named((1, 0, index))} and {_named((10, 1, 0))} draw the same "
                        "numbers: your seed writes the ids' digits side by side, and "
                        "zero-padded fields (such as f\"{seed}{epoch:04d}{index:06d}\") do "
                        "not keep them apart: a seed of more digits or an index of more "
                        "digits than its field shifts the others, so both items read one "
                        "number. Keep the ids apart with SeedSequence(seed, "
                        "spawn_key=(ITEM_NOISE_KEY, epoch, index)) (section 8)")


def _spawn_path(key: tuple[int, ...]) -> str:
    """``spawn(k + 1)[k]...``: the spawn calls that reach the node ``spawn_key=key``."""
    return ".".join(f"spawn({j + 1})[{j}]" for j in key)


def _spawned_nodes(item_noise) -> None:
    """Raise :class:`Wrong` if an item (seed 3, epochs 0 to 3, indices 0 to 15) draws what a
    node that ``SeedSequence(3).spawn`` hands out draws (``default_rng(node)``, in float64
    or float32): a child ``spawn(k)[j]`` (j < 16) or the grandchild
    ``spawn(e + 1)[e].spawn(i + 1)[i]``, that is ``spawn_key=(e, i)``. A program that also
    spawns children of the seed (Day 10 does) would hand them the items' streams."""
    seed, size = 3, 6
    for epoch in range(4):
        for index in range(16):
            got = _noise(item_noise, seed, epoch, index, size)
            key = _node_match(got, seed, [*((j,) for j in range(16)), (epoch, index)])
            if key is None:
                continue
            name = (f"SeedSequence({seed}).spawn(k)[{key[0]}], its spawn child {key[0]}"
                    if len(key) == 1 else f"SeedSequence({seed}).{_spawn_path(key)}, the "
                    f"node spawn_key={key}")
            raise Wrong(f"the item (seed={seed}, epoch={epoch}, index={index}) "
                        f"draws what {name} draws: a program that also spawns "
                        "children of the seed (Day 10 does) hands the same stream "
                        "to them. Hang the items below a key of their own, "
                        "spawn_key=(ITEM_NOISE_KEY, epoch, index)")


#: A spawn key whose entries are all below this is a node that a program reaches by
#: spawning (no more than this many children at each level): the constant that hangs the
#: items below a node of their own must be at least this (``ITEM_NOISE_KEY`` is 0x4954454D).
_SPAWN_REACH = 2**16


def _three_level_keys(epoch: int, index: int, constants: Iterable[int]
                      ) -> list[tuple[int, ...]]:
    """Spawn keys of three small integers that hold ``epoch`` and ``index``, in that order,
    with a constant ``k`` before, between or after them, for ``k`` in ``constants`` (those
    below :data:`_SPAWN_REACH`)."""
    small = sorted({k for k in constants if 0 <= k < _SPAWN_REACH})
    return [key for k in small
            for key in ((k, epoch, index), (epoch, k, index), (epoch, index, k))]


def _deep_node_hint(seed: int, epoch: int, index: int, key: tuple[int, ...]) -> str:
    """What an item that draws what ``SeedSequence(seed, spawn_key=key)`` draws says."""
    return (f"{_named((seed, epoch, index))} draws what SeedSequence({seed}, "
            f"spawn_key={key}) draws, the node SeedSequence({seed}).{_spawn_path(key)}: "
            "a spawn key made of small integers only is a node of the seed's "
            "spawn tree, so a program that spawns three levels deep (runs, "
            "their streams, and theirs) hands it the items' noise. The "
            "constant that gives the items a node of their own must be one "
            f"that no spawn reaches (at least {_SPAWN_REACH:,}; "
            "ITEM_NOISE_KEY is 0x4954454D)")


def _deep_nodes(rank_noise, item_noise) -> None:
    """Raise :class:`Wrong` if an item (seed 3, epochs 0 to 2, indices 0 to 7) draws what the
    three-level node ``SeedSequence(3, spawn_key=key)`` draws, ``key`` the epoch and index
    with a small constant ``k`` before, between or after them: ``(k, e, i)`` is
    ``spawn(k + 1)[k].spawn(e + 1)[e].spawn(i + 1)[i]``, so a program that spawns three
    levels deep hands the items' streams to its own nodes. ``k`` runs over 0 to 15 and every
    integer below :data:`_SPAWN_REACH` that the answer puts into each of these seeds."""
    seed, size = 3, 6
    items = [(epoch, index) for epoch in range(3) for index in range(8)]
    draws, constants = {}, None
    for epoch, index in items:
        with watch_seeding(rank_noise) as seeding:
            draws[epoch, index] = _noise(item_noise, seed, epoch, index, size)
        given = {k for k in seeding.keys if 0 <= k < _SPAWN_REACH}
        constants = given if constants is None else constants & given
    ks = set(range(16)) | (constants or set())
    for epoch, index in items:
        key = _node_match(draws[epoch, index], seed, _three_level_keys(epoch, index, ks))
        if key is not None:
            raise Wrong(_deep_node_hint(seed, epoch, index, key))


def _constants_given(rank_noise) -> tuple[set[int], set[int]]:
    """The integer seeds (entropies) and the integers of any seed (spawn keys too) that
    ``rank_noise`` gives the same at the items (5, 2, 3) and (6, 1, 4): its constants."""
    seeds, keys = [], []
    for triple in ((5, 2, 3), (6, 1, 4)):
        with watch_seeding(rank_noise) as seeding:
            _rank_rows(rank_noise, *triple[:2], triple[2], triple[2] + 1, triple[2] + 1, 3)
        seeds.append(set(seeding.seeds))
        keys.append(set(seeding.keys))
    return seeds[0] & seeds[1], keys[0] & keys[1]


#: The seeds at which :func:`_seed_trees` looks for the items among the seed's own nodes:
#: every seed from 0 to 15 (small constants an answer may give SeedSequence) and the other
#: seeds the check calls rank_noise with.
_TREE_SEEDS = tuple(sorted({*range(16), *_SEEDS, *(t[0] for t in _WIDTH_ITEMS)}))
#: The item probed at each of :data:`_TREE_SEEDS` (epoch, index).
_TREE_ITEM = (2, 3)


def _tree_keys(seed: int, epoch: int, index: int, constants: set[int]
               ) -> list[tuple[int, ...]]:
    """The small spawn keys an item (seed, epoch, index) may hide behind: the children
    ``(j,)`` (j < 16), ``(epoch, index)`` in either order, and three-level keys of the
    epoch, the index and a constant (0 to 15, the answer's, the seed itself), the seed and
    the answer's constants in any order."""
    ks = {*range(16), *constants, seed}
    free = sorted({k for k in (*constants, seed) if 0 <= k < _SPAWN_REACH})
    keys = [*((j,) for j in range(16)), (epoch, index), (index, epoch),
            *_three_level_keys(epoch, index, ks),
            *(key for k in free for key in itertools.permutations((k, epoch, index)))]
    return list(dict.fromkeys(keys))


def _seed_trees(rank_noise, item_noise) -> None:
    """Raise :class:`Wrong` if, at a seed ``s`` of :data:`_TREE_SEEDS` or a constant the
    answer gives ``SeedSequence`` as its entropy, the item (s, 2, 3) draws what a node of
    ``SeedSequence(s)``'s spawn tree draws (:func:`_tree_keys`). :func:`_spawned_nodes` and
    :func:`_deep_nodes` look at seed 3 only, which finds a seed given as the entropy; this
    finds a constant entropy with the seed in the spawn key, ``SeedSequence(0,
    spawn_key=(seed, epoch, index))``: at seed 0 its items are nodes of
    ``SeedSequence(0)``, three levels down."""
    entropies, constants = _constants_given(rank_noise)
    own = sorted(c for c in entropies if c >= 0)[:4]  # the answer's constant entropies first
    epoch, index = _TREE_ITEM
    for seed in dict.fromkeys([*own, *_TREE_SEEDS]):
        draws = _noise(item_noise, seed, epoch, index, 6)
        key = _node_match(draws, seed, _tree_keys(seed, epoch, index, constants))
        if key is None:
            continue
        if seed not in entropies:
            raise Wrong(_deep_node_hint(seed, epoch, index, key))
        raise Wrong(f"{_named((seed, epoch, index))} draws what SeedSequence({seed}, "
                    f"spawn_key={key}) draws, the node SeedSequence({seed})."
                    f"{_spawn_path(key)}: your SeedSequence's entropy is the constant {seed} "
                    "and the seed goes into the spawn key, so at seed "
                    f"{seed} every item is a node of SeedSequence({seed})'s spawn tree, "
                    "which a program seeded with it hands out when it spawns three levels "
                    "deep. Give SeedSequence the seed as its entropy, and the items a key no "
                    "spawn reaches: SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, "
                    "index))")


#: Items (seed, epoch, index) whose SeedSequence entropy :func:`_derived_entropies` decodes.
_DERIVED_ITEMS = ((5, 2, 3), (12, 1, 4))


def _entropy_splits(group: list[int]) -> list[tuple[int, tuple[int, ...]]]:
    """Every way to read the integers of one seed (entropy, then spawn key) as an entropy
    ``E`` (one integer, or a list of 32-bit words, least significant first) and a spawn key of
    the rest: ``[K, 5, 2, 3]`` gives ``(K, (5, 2, 3))``, ``(K + 5 * 2**32, (2, 3))``, ..."""
    splits = []
    for cut in range(1, len(group) + 1):
        head = group[:cut]
        entropy = head[0] if cut == 1 else entropy_int(head)
        if entropy is not None and entropy >= 0:
            splits.append((entropy, tuple(group[cut:])))
    return splits


def _entropy_entries(group: tuple[int, ...], seed: int) -> str:
    """How the entries of one seed (entropy, then spawn key) name the ids, for a hint."""
    return ", ".join("seed" if k == seed else str(k) for k in group)


def _derived_entropies(rank_noise, item_noise) -> None:
    """Raise :class:`Wrong` if an item of :data:`_DERIVED_ITEMS` draws what a node of the
    spawn tree of another integer ``E`` draws, ``E`` read from the seed the answer gives
    SeedSequence (:func:`_entropy_splits`): ``SeedSequence([ITEM_NOISE_KEY, seed],
    spawn_key=(epoch, index))`` is the node ``(epoch, index)`` of the seed
    ``ITEM_NOISE_KEY + seed * 2**32`` (and ``seed + ITEM_NOISE_KEY``, ``[seed, KEY]``,
    ``seed * 2**32 + KEY`` alike), which a program seeded with ``E`` hands out when it
    spawns two levels deep. The nodes tried: the rest of the seed as a spawn key when its
    entries are all below :data:`_SPAWN_REACH` (whatever ``E`` is made of: the seed, a
    constant such as ``SeedSequence(ITEM_NOISE_KEY, spawn_key=(seed, epoch, index))``, or
    the ids, ``SeedSequence([ITEM_NOISE_KEY, epoch, index], spawn_key=(seed,))``), and
    :func:`_tree_keys` of an ``E`` made from the seed (one that the item of the next seed
    gives too is a constant: its deeper nodes are left to :func:`_seed_trees`). A right
    answer's entropy is the seed itself, below a key that no spawn reaches."""
    _, constants = _constants_given(rank_noise)
    for seed, epoch, index in _DERIVED_ITEMS:
        with watch_seeding(rank_noise) as seeding:
            draws = _noise(item_noise, seed, epoch, index, 6)
        # the seeds given (a SeedSequence under another name goes unseen: the key packed
        # with the seed as the course names it, too)
        made = [(split, tuple(group)) for group in seeding.groups
                for split in _entropy_splits(group)]
        with watch_seeding(rank_noise) as other:  # another seed: what stays is a constant
            _noise(item_noise, seed + 1, epoch, index, 6)
        constant = {entropy for group in other.groups for entropy, _ in _entropy_splits(group)}
        with watch_seeding(rank_noise) as moved:  # other ids: what stays is no id's
            _noise(item_noise, seed, epoch + 1, index + 1, 6)
        fixed = {entropy for group in moved.groups for entropy, _ in _entropy_splits(group)}
        # a spawn key of small integers below any entropy but the seed: a node spawning
        # reaches, two or three levels down
        for (entropy, rest), group in dict.fromkeys(made):
            if (entropy == seed or not rest or not all(0 <= k < _SPAWN_REACH for k in rest)
                    or entropy not in constant
                    or _node_match(draws, entropy, [rest]) is None):
                continue
            made_of = (f"the constant {entropy}" if entropy in fixed else
                       f"made from the item's epoch and index ({entropy} at epoch {epoch}, "
                       f"index {index}: a list of integers is one integer to SeedSequence)")
            raise Wrong(
                f"{_named((seed, epoch, index))} draws what SeedSequence({entropy}, "
                f"spawn_key={rest}) draws, the node SeedSequence({entropy})."
                f"{_spawn_path(rest)}: your SeedSequence ({_entropy_entries(group, seed)}) "
                f"has for its entropy not the seed but {made_of}, and the seed goes into the "
                "spawn key, so a run seeded with SEED = "
                f"{entropy} hands out this item's noise when it spawns (every seed below "
                f"{_SPAWN_REACH:,} is a small spawn key). Keep seed itself as the entropy and "
                "put the key in spawn_key: SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, "
                "epoch, index))")
        splits = [split for split, _ in made if split[0] not in constant]
        splits += [(entropy, ()) for entropy in (seed + ITEM_NOISE_KEY,
                                                 ITEM_NOISE_KEY + seed * 2**32,
                                                 seed + ITEM_NOISE_KEY * 2**32)]
        for entropy, rest in dict.fromkeys(splits):
            if entropy == seed:  # the seed's own tree: _spawned_nodes, _deep_nodes, and
                continue  # _seed_trees for a constant entropy (not made from the seed)
            small = [rest] if rest and all(0 <= k < _SPAWN_REACH for k in rest) else []
            keys = [*small, *_tree_keys(entropy, epoch, index, constants)]
            key = _node_match(draws, entropy, dict.fromkeys(keys))
            if key is None:
                continue
            raise Wrong(
                f"{_named((seed, epoch, index))} draws what SeedSequence({entropy}, "
                f"spawn_key={key}) draws, the node SeedSequence({entropy})."
                f"{_spawn_path(key)}: your SeedSequence's entropy is not the seed but a "
                f"number made from it ({entropy} at seed {seed}: a sum, a product, an XOR "
                "or a list of the seed and a key is one integer to SeedSequence), another "
                "seed, and a program seeded with it that spawns hands out the items' "
                "noise. Keep seed itself as the entropy and put the key in spawn_key: "
                "SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index))")


#: The items compared pairwise, flattened per (seed, epoch): 2 seeds, 6 epochs, 8 items of
#: 256 draws. Independent items correlate by about ±1/√256 = ±0.06; |r| > 0.5 has a
#: probability below 1e-16 for one pair (r² is Beta(1/2, 255/2)), below 1e-13 for all 4,560.
_POOL_SEEDS, _POOL_EPOCHS, _POOL_ITEMS, _POOL_SIZE = (3, 10), (0, 1, 2, 3, 4, 7), 8, 256


def _pool_item(pool: dict[tuple[int, int], np.ndarray], row: int) -> tuple[int, int, int]:
    """The (seed, epoch, index) of row ``row`` of the pool's rows stacked in order."""
    seed, epoch = list(pool)[row // _POOL_ITEMS]
    return seed, epoch, row % _POOL_ITEMS


def _mirrored_items(pool: dict[tuple[int, int], np.ndarray]) -> None:
    """Raise :class:`Wrong` if two items of ``pool`` are (nearly) the same noise or each
    other's negative: antithetic pairs, item 2j + 1 the minus of item 2j, a second half of
    the items that negates the first, an odd epoch that negates the even one."""
    rows = np.concatenate(list(pool.values()))
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit = rows / np.where(norms > 0, norms, 1)
    with np.errstate(invalid="ignore"):
        r = np.triu(unit @ unit.T, k=1)
    hits = np.argwhere(np.abs(np.nan_to_num(r)) > 0.5)
    if not len(hits):
        return
    i, j = hits[0]
    a, b = _pool_item(pool, i), _pool_item(pool, j)
    said = f"(correlation {r[i, j]:.2f} over {_POOL_SIZE} draws; independent items: about ±0.06)"
    if r[i, j] < 0:
        what = ("the negatives of each other" if np.array_equal(rows[i], -rows[j]) else
                "nearly the negatives of each other")
        raise Wrong(f"{_named(a)} and {_named(b)} draw {what} {said}: antithetic pairs (one "
                    "item's noise the minus of another's) are not independent. Give every item "
                    "a generator of its own and return what it draws")
    what = "the same numbers" if np.array_equal(rows[i], rows[j]) else "nearly the same numbers"
    raise Wrong(f"{_named(a)} and {_named(b)} draw {what} {said}: every item needs noise of "
                "its own, from a generator of its own")


def _shifted_reuse(pool: dict[tuple[int, int], np.ndarray]) -> None:
    """Raise :class:`Wrong` if a run of 3 draws (up to sign) comes up twice anywhere in
    ``pool``: at a lag, in two epochs, two seeds or two items (``standard_normal(size +
    epoch)[epoch:]`` shifts epoch e's stream by one draw for epoch e + 1). Independent
    float draws repeat no run of 3 (two float32 draws share an absolute value with probability
    about 3e-8)."""
    seen: dict[bytes, tuple[tuple[int, int], int]] = {}
    for key, rows in pool.items():
        flat = rows.ravel()
        runs = np.lib.stride_tricks.sliding_window_view(np.abs(flat), 3)
        for position, run in enumerate(runs):
            code = run.tobytes()
            if code not in seen:
                seen[code] = (key, position)
                continue
            first, before = seen[code]
            a = (*first, before // _POOL_SIZE)
            b = (*key, position // _POOL_SIZE)
            negated = " negated" if pool[first].ravel()[before] != flat[position] else ""
            at_a, at_b = before % _POOL_SIZE, position % _POOL_SIZE
            raise Wrong(f"draws {at_a} to {at_a + 2} of {_named(a)} come up again{negated} as "
                        f"draws {at_b} to {at_b + 2} of {_named(b)}: epochs, seeds or ranks "
                        "that read shifted, overlapping windows of one stream (say "
                        "standard_normal(size + epoch)[epoch:]) reuse its numbers. Give every "
                        "(seed, epoch, index) a generator of its own (section 8)")


#: The size at which item 0 is drawn to look for other items' first draws in it: a stream
#: moved on by a fixed stride per item (``bit_generator.advance(index * 1000)``) shows as
#: long as the stride is below it.
_WINDOW_SIZE = 2**18


def _advanced_windows(rank_noise) -> None:
    """Raise :class:`Wrong` if the first 3 draws of item 1 or 2 (seed 7, epoch 1) come up
    as a run in item 0's row of :data:`_WINDOW_SIZE` draws: one stream per epoch moved on
    by a fixed stride per item (``PCG64(...).advance(index * stride)``, ``jumped`` by a
    counter of draws) makes item i's row a window of item 0's, so rows longer than the
    stride share their numbers. Independent float draws repeat no run of 3."""
    long = _rank_rows(rank_noise, 7, 1, 0, 1, 1, _WINDOW_SIZE)[0]
    for index in (1, 2):
        start = _rank_rows(rank_noise, 7, 1, index, index + 1, index + 1, 3)[0]
        hits = np.flatnonzero(long[:-2] == start[0])
        for at in hits:
            if np.array_equal(long[at:at + 3], start):
                raise Wrong(f"the first draws of {_named((7, 1, index))} are draws {at} to "
                            f"{at + 2} of {_named((7, 1, 0))}: each item reads a window of "
                            "one stream moved on by a fixed stride (bit_generator.advance, or "
                            "jumped), so rows longer than the stride share their numbers, "
                            "though a row must be independent at any size. Give every "
                            "(seed, epoch, index) a generator of its own: "
                            "SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index))")


def _windows_of_one_stream(rank_noise) -> None:
    """Raise :class:`Wrong` if the bit generators that items 1 and 2 (seed 7, epoch 1) make
    sit on the stream of one that item 0 makes (a PCG64 with its increment, a Philox with
    its key: :func:`~helpers.checks._seeding.stream_position`) fewer than
    ``OVERLAP_LIMIT`` draws apart: a stride too long for :func:`_advanced_windows`' row to
    show (``advance(index * 2**32)``, a Philox counter of ``index * 2**20``), whose rows
    still share their numbers once they are longer than the stride. ``jumped`` streams lie
    about 2**127 draws apart. Bit generators never drawn from (still in the state they were
    made in: the one ``jumped`` copies) are left out."""
    made = []
    for index in range(3):
        with watch_seeding(rank_noise) as seen:
            _rank_rows(rank_noise, 7, 1, index, index + 1, index + 1, 3)
        used = [g for g, made_as in seen.bit_generators  # drawn from since it was made
                if state_ints(g.state, 10**4) != state_ints(made_as, 10**4)]
        made.append([p for g in used if (p := stream_position(g)) is not None])
    for index in (1, 2):
        for stream, position, period in made[index]:
            for first, start, _ in made[0]:
                apart = (position - start) % period
                apart = min(apart, period - apart)
                if stream == first and apart < OVERLAP_LIMIT:
                    raise Wrong(f"{_named((7, 1, index))} draws from the stream of "
                                f"{_named((7, 1, 0))}, {apart:,} draws further along: each "
                                "item reads a window of one stream moved on by a fixed stride "
                                "(bit_generator.advance, or a Philox counter), so rows longer "
                                "than the stride share their numbers, though a row must be "
                                "independent at any size. Give every (seed, epoch, index) a "
                                "generator of its own: SeedSequence(seed, "
                                "spawn_key=(ITEM_NOISE_KEY, epoch, index))")


def _resized_overlap(rank_noise) -> None:
    """Raise :class:`Wrong` if a run of 3 draws (up to sign) of one item with size 16 comes
    up in another item with size 64 (seed 3, epoch 0, items 0 to 3): one stream per epoch
    cut into rows, ``standard_normal((num_items, size))[rank::world_size]``, gives item 1 at
    size 16 the draws 16 to 31 of item 0 at size 64. An item's draws at two sizes share
    their start (one generator per item); two items share nothing."""
    small = _rank_rows(rank_noise, 3, 0, 0, 1, 4, 16)
    big = _rank_rows(rank_noise, 3, 0, 0, 1, 4, 64)
    for k, row in enumerate(big):
        runs = {run.tobytes(): at for at, run in enumerate(
            np.lib.stride_tricks.sliding_window_view(np.abs(row), 3))}
        for j, short in enumerate(small):
            if j == k:
                continue
            for start, run in enumerate(np.lib.stride_tricks.sliding_window_view(
                    np.abs(short), 3)):
                if (at := runs.get(run.tobytes())) is not None:
                    raise Wrong(
                        f"draws {start} to {start + 2} of {_named((3, 0, j))} with size=16 "
                        f"come up again as draws {at} to {at + 2} of {_named((3, 0, k))} with "
                        "size=64: your function draws for every item (one stream per epoch, "
                        "cut into rows of `size`), so an item's noise is a window of another "
                        "item's at another size. Key each item's generator by its index: "
                        "default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, "
                        "index)))")


#: Items (seed a + 2**32 b, epoch, index) with one id 0 (or both) and items of seed a whose
#: ids hold b and the other id (each give or take 1): a list seed [seed, epoch, index] (or
#: [seed, epoch] with the index in the spawn key, or [seed, (epoch << 24) | index]) puts a
#: seed of 2**32 or more in as two words, and SeedSequence pads a short list with zeros, so
#: [a + 2**32 b, e, 0] and [a, b, e] are both the words [a, b, e, 0].
_WIDE = (3, 7)
_WIDE_ITEMS = ((9, 0), (0, 5), (0, 0))


def _padded_lists(rank_noise, item_noise) -> None:
    """Raise :class:`Wrong` if an item of a seed of 2**32 or more draws what an item of its
    low word draws, with the ids moved along (:data:`_WIDE_ITEMS`)."""
    a, b = _WIDE
    wide = a + 2**32 * b
    for ids in _WIDE_ITEMS:
        item = (wide, *ids)
        with watch_seeding(rank_noise) as seeding:
            draws = _noise(item_noise, *item, 4)
        other = max(ids)
        for d1, d2 in itertools.product((0, -1, 1), repeat=2):
            for pair in ((b + d1, other + d2), (other + d2, b + d1)):
                twin = (a, *pair)
                if min(pair) < 0 or not np.array_equal(draws, _noise(item_noise, *twin, 4)):
                    continue
                if wide not in seeding.keys:
                    raise Wrong(_collision_hint(item, twin))
                example = ("[3 + 7 * 2**32, 9, 0] and [3, 7, 9] are the same words "
                           "[3, 7, 9, 0]" if any(ids) else
                           "[3 + 7 * 2**32, 0] and [3, 7] (the ids 0 and 7 packed into one "
                           "word) are the same words [3, 7, 0, 0]")
                raise Wrong(
                    f"{_named(item)} (seed 3 + 7 * 2**32) and {_named(twin)} draw the same "
                    "numbers: a seed of "
                    "2**32 or more goes into a list seed as two 32-bit words (3 + 7 * 2**32 "
                    "as 3, 7), and SeedSequence pads a list shorter than its pool of four "
                    f"words with zeros (before a spawn key too), so {example} (section 8). "
                    "Keep the ids out of the list: SeedSequence(seed, "
                    "spawn_key=(ITEM_NOISE_KEY, epoch, index))")


#: (seed, epoch, index) of the items whose rows are compared with ``default_rng(t)``'s stream:
#: ids of zero first (a list seed ``[a, b, epoch, index]`` is the integer ``a + b * 2**32``
#: there, since SeedSequence pads with zeros), then nonzero ids.
_STREAM_ITEMS = ((5, 0, 0), (0, 0, 0), (7, 0, 3), (5, 2, 0), (5, 2, 3))


def _stream_twin(draws: np.ndarray, t: int) -> bool:
    """Whether ``draws`` are the first standard normal draws of ``default_rng(t)``, in
    float64 or float32, or their negatives."""
    size = len(draws)
    wide = np.random.default_rng(t).standard_normal(size)
    narrow = np.random.default_rng(t).standard_normal(size, dtype=np.float32).astype(float)
    return any(np.array_equal(draws, sign * ref) for sign in (1.0, -1.0)
               for ref in (wide, wide.astype(np.float32).astype(float), narrow))


def _integer_seed_streams(rank_noise) -> None:
    """Raise :class:`Wrong` if an item of :data:`_STREAM_ITEMS` draws what ``default_rng(t)``
    draws for an integer ``t`` below 2**64: an integer seed made per item (a 64-bit
    ``generate_state(1, np.uint64)[0]``), or a list of 32-bit words that stands for one
    (``[a, b, epoch, index]`` at epoch 0, index 0). The candidates are the integers the item's
    seeds hold, and every two neighbouring 32-bit words among them; only a row equal to that
    stream is rejected, so a spawn key or a list of three or more nonzero words passes."""
    for triple in _STREAM_ITEMS:
        seed, epoch, index = triple
        with watch_seeding(rank_noise) as seeding:
            draws = _rank_rows(rank_noise, seed, epoch, index, index + 1, index + 1, 4)[0]
        keys = [*seeding.seeds, *seeding.keys]
        candidates = {k for k in keys if 0 <= k < 2**64}
        candidates |= {entropy_int(pair) for pair in itertools.pairwise(seeding.keys)}
        for t in sorted(c for c in candidates if c is not None and c < 2**64):
            if not _stream_twin(draws, t):
                continue
            raise Wrong(
                f"{_named(triple)} draws what default_rng({t}) draws: an integer seed below "
                "2**64 made per item, or a list of 32-bit words that stands for one "
                "(SeedSequence pads a list with zeros, so [a, b, 0, 0] is the seed "
                "a + b * 2**32). Such a row is default_rng(t)'s own stream, which any other "
                "part of a program may draw, and 2**64 seeds collide by the birthday bound at "
                "about 2**32 items. Give default_rng the SeedSequence itself: "
                "default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index)))")


def _seeds_given(rank_noise, seed: int, epoch: int, index: int) -> list[int]:
    """The integers ``rank_noise`` puts into seeds for one item (integer and list seeds,
    spawn keys)."""
    with watch_seeding(rank_noise) as seeding:
        _rank_rows(rank_noise, seed, epoch, index, index + 1, index + 1, 3)
    return seeding.keys


#: The largest index the collision scan asks for: ids packed with a stride above this many
#: items per epoch (or per seed) are taken as kept apart, and no answer is asked for an item
#: that far in (a right answer may draw every block before its own).
_MAX_PROBED_INDEX = 2**22


def _arithmetic_collision(rank_noise) -> list[tuple[tuple[int, int, int], ...]]:
    """Pairs of items whose seeds coincide, cheapest first, if ``rank_noise`` seeds an item's
    generator with an integer that is a sum of multiples of its ids (``seed * 100003 + epoch * 1009 + index``,
    in a list seed or a spawn key too): such a seed takes the same value at two items, for
    any strides up to :data:`_MAX_PROBED_INDEX` items.

    The seeds are read where they are given (``np.random.default_rng``, ``SeedSequence``,
    ``torch.Generator.manual_seed``, ...) at a base item and one step along each id, and the
    formula is confirmed at two more items; a hashed seed (``SeedSequence.generate_state``)
    is no such sum. Empty when no seed is such a sum of two ids or more. Each pair is
    for the caller to confirm: a seed that packs ids with ``^`` or ``|`` matches the sum at
    the probes but may collide at one pair of ids only.
    """
    base = (5, 2, 3)
    at_base = _seeds_given(rank_noise, *base)
    steps = [_seeds_given(rank_noise, *(v + (j == k) for k, v in enumerate(base)))
             for j in range(3)]
    probes = {(9, 7, 11): _seeds_given(rank_noise, 9, 7, 11),
              (12, 4, 30): _seeds_given(rank_noise, 12, 4, 30)}
    if any(len(seeds) != len(at_base) for seeds in (*steps, *probes.values())):
        return []
    for position, value in enumerate(at_base):
        slopes = [step[position] - value for step in steps]
        if sum(slope != 0 for slope in slopes) < 2 or any(
                seeds[position] != value + sum(m * (t - b) for m, t, b in
                                               zip(slopes, triple, base, strict=True))
                for triple, seeds in probes.items()):
            continue
        pairs = []  # two items whose seeds coincide, for each pair of non-zero slopes
        for x, y in ((0, 1), (0, 2), (1, 2)):
            u, v = slopes[x], slopes[y]
            if u and v:
                g = math.gcd(u, v)
                u, v = u // g, v // g
                first, second = list(base), list(base)
                first[x], first[y] = base[x] + max(v, 0), base[y] + max(-u, 0)
                second[x], second[y] = base[x] + max(-v, 0), base[y] + max(u, 0)
                # ids below 2**32 (the prompt's range): an index probed up to the cap
                if (max(first[2], second[2]) <= _MAX_PROBED_INDEX
                        and max(first[1], second[1]) < 2**32):
                    pairs.append((abs(u) + abs(v), tuple(first), tuple(second)))
        if pairs:
            return [pair[1:] for pair in sorted(pairs)]
    return []


def _judge_tails(draws: np.ndarray) -> None:
    """Raise :class:`Wrong` unless ``draws`` (half a million) have a standard normal's
    kurtosis: 3, with a standard error of √(24/n) = 0.007; a sum of 12 uniforms minus 6
    (Irwin-Hall) has 2.9, a Student t or a Laplace more. The bar, ±0.05, is 7 standard
    errors from 3 and from 2.9."""
    m2 = np.mean(draws**2)
    kurtosis = np.mean(draws**4) / m2**2 if m2 > 0 else 0.0
    if abs(kurtosis - 3) > 0.05:
        beyond = np.mean(np.abs(draws) > 3)
        raise Wrong(f"the draws are not normal in their tails: over {draws.size:,} draws, "
                    f"{beyond:.3%} lie beyond ±3 (a standard normal: 0.270%) and their "
                    f"kurtosis is {kurtosis:.3f} (a standard normal: 3). Draw them with "
                    "standard_normal or torch.randn, not a sum of uniforms or another "
                    "stand-in")


def _judge_item_spread(by_item: np.ndarray) -> None:
    """Raise :class:`Wrong` unless the items' means and mean squares vary as those of
    independent standard normal draws: an item mean of ``size`` draws has variance
    1/size, so ``size`` times the sum of 200 squared means is a chi-square with 200 degrees
    of freedom (below 80 or above 400 with probability about 1e-15 each); an item's mean
    square has variance 2/size (``size``/2 times the summed squared deviations from 1 is
    about 200 ± 21, below 40 never seen)."""
    count, size = by_item.shape
    means = by_item.mean(axis=1)
    spread = size * np.sum(means**2) / count  # about 1
    if spread < 0.4:
        raise Wrong(f"the means of the items vary {spread:.2f} times as much as independent "
                    f"draws' (an item mean of {size} draws has variance 1/{size}): did you "
                    "standardize each item, (x - x.mean()) / x.std()? An item's own draws "
                    "need not have mean 0 and sd 1: return the generator's draws as they come")
    if spread > 2:
        raise Wrong(f"the means of the items vary {spread:.1f} times as much as independent "
                    f"draws' (an item mean of {size} draws has variance 1/{size}): the draws "
                    "of an item share something (an offset for the item?). Return the "
                    "generator's standard normal draws as they come")
    squares = size / 2 * np.sum((np.mean(by_item**2, axis=1) - 1) ** 2)
    if squares < 0.2 * count:
        raise Wrong("every item has (nearly) the same mean square, as if each were rescaled "
                    "to sd 1 (x / x.std()): independent draws' spread varies from item to "
                    "item. Return the generator's draws as they come")


#: Above this, 200 items' column means of 50 draws (200 times their sum of squared deviations
#: from their average, over the draws' variance: a chi-square with 49 degrees of freedom for
#: independent items) say the items share a component: it exceeds 160 with probability about
#: 1e-13. A component shared with weight w (w·shared + √(1 - w²)·own) adds about 200·49·w²:
#: about 500 at w² = 0.05.
_SHARED_BAR = 160


def _mean_correlation(by_item: np.ndarray) -> float:
    """The mean correlation (about the origin) between two different items' rows."""
    norms = np.linalg.norm(by_item, axis=1, keepdims=True)
    unit = by_item / np.where(norms > 0, norms, 1)
    count = len(unit)
    return float((np.sum(unit.sum(axis=0) ** 2) - np.sum(unit**2)) / (count * (count - 1)))


def _judge_shared_component(item_noise, by_item: np.ndarray) -> None:
    """Raise :class:`Wrong` if the 200 items of one seed and epoch (``by_item``, 50 draws
    each) are dependent, position by position: a draw made once per epoch (or per seed, or
    once for all) and mixed into every item's noise, or one pattern every item follows.
    Judged before the normality and pattern tests, which such items also fail, so that the
    hint names the dependence between items."""
    count, size = by_item.shape
    # about chi-square(size - 1) for independent items, whatever their common mean and
    # variance (draws off the standard normal are for the tests that follow)
    columns = by_item.mean(axis=0)
    spread = by_item.var()
    statistic = count * np.sum((columns - columns.mean()) ** 2) / spread if spread > 0 else 0
    if statistic <= _SHARED_BAR:
        return
    rises = np.mean(np.diff(by_item, axis=1) > 0)
    if rises > 0.9 or rises < 0.1:  # each item sorted: the pattern test below says so
        return
    r = _mean_correlation(by_item)
    if np.all(np.abs(np.mean(np.sign(by_item), axis=0)) == 1):
        raise Wrong(f"every item has the same sign at each position (the mean correlation "
                    f"between two items' draws is {r:.2f}; independent items: about 0): a "
                    "fixed order of signs makes the items dependent. Return each item's "
                    "draws as its own generator makes them")
    def shared_with(seed: int, epoch: int) -> bool:
        """Whether the items of ``seed`` and ``epoch`` share the same component."""
        other = np.stack([_noise(item_noise, seed, epoch, i, size) for i in range(count)])
        return float(np.corrcoef(by_item.mean(axis=0), other.mean(axis=0))[0, 1]) > 0.5

    if not shared_with(7, 3):
        when = ("items drawn in the same epoch share a component (a draw made once per "
                "epoch and mixed into every item's)")
    elif not shared_with(8, 2):
        when = ("items of one seed share a component in every epoch (a draw made once per "
                "seed and mixed into every item's)")
    else:
        when = ("the items of every seed and epoch share one component (a fixed vector, or a "
                "draw made once and mixed into every item's)")
    raise Wrong(f"{when}: over 200 items of seed 7, epoch 2, the draws at each position agree "
                f"from item to item (mean correlation between two items' draws {r:.2f}; "
                "independent items: about 0), so the items are not independent of each "
                "other, even if each item's draws look standard normal. Each item's noise "
                "must come from its own generator alone (section 8)")


def _judge_items(item_noise) -> None:
    """Raise :class:`Wrong` unless ``item_noise(seed, epoch, index, size)`` gives each item
    its own standard normal draws, the same in any process, unrelated to other items and to
    ``default_rng(seed)``."""
    first = _noise(item_noise, 42, 0, 0, 1_000)
    if not np.array_equal(first, _noise(item_noise, 42, 0, 0, 1_000)):
        raise Wrong("the same seed, epoch and index gave other draws the second time: make "
                    "each item's generator from its ids inside rank_noise, not one generator "
                    "shared by every call (its state would depend on what was drawn before)")
    for name, a, b in (("seed", (0, 0, 0), (1, 0, 0)), ("seed", (7, 3, 12), (8, 3, 12)),
                       ("epoch", (42, 0, 5), (42, 1, 5)), ("index", (42, 2, 0), (42, 2, 1))):
        if np.array_equal(_noise(item_noise, *a, 4), _noise(item_noise, *b, 4)):
            raise Wrong(f"{_named(a)} and {_named(b)} draw the same numbers: the draws "
                        f"must depend on {name}")
    # Every epoch its own draws (before the collision scan: a sign flipped by the epoch's
    # parity repeats epoch 0 at epoch 2, which is no arithmetic collision).
    by_epoch = [_noise(item_noise, 42, epoch, 5, 4) for epoch in range(4)]
    for e0 in range(4):
        for e1 in range(e0 + 1, 4):
            if np.array_equal(by_epoch[e0], by_epoch[e1]):
                raise Wrong(f"{_named((42, e0, 5))} and {_named((42, e1, 5))} draw the same "
                            "numbers: every epoch needs draws of its own, so the draws must "
                            "depend on the epoch itself, not only on whether it is even or odd "
                            "(a sign flipped by (-1) ** epoch repeats every other epoch)")
    seen: dict[bytes, tuple[int, int, int]] = {}
    for seed in _SEEDS:
        for epoch in _EPOCHS:
            for index in _INDICES:
                key = _noise(item_noise, seed, epoch, index, 4).tobytes()
                if key in seen:
                    raise Wrong(_collision_hint(seen[key], (seed, epoch, index)))
                seen[key] = (seed, epoch, index)
    replays = [(seed, seen[main]) for seed in _SEEDS
               if (main := np.random.default_rng(seed).standard_normal(4).tobytes()) in seen]
    listed = [(seed, triple) for seed, triple in replays if seed != 0 and triple[0] == seed]
    if listed:  # (s, 0, 0) replays the seed s: the list [seed, epoch, index], padded
        seed, triple = listed[0]
        raise Wrong(f"{_named(triple)} draws what "
                    f"np.random.default_rng({seed}) draws, the stream a program seeded "
                    f"with {seed} uses for everything else. SeedSequence pads a list with "
                    "zeros, so zero ids at its end change nothing: [s, 0, 0] is the seed s. "
                    "Keep the ids apart from the seed (section 8)")
    if replays:  # a list in another order, or arithmetic: say both
        seed, triple = replays[0]
        raise Wrong(f"{_named(triple)} draws what "
                    f"np.random.default_rng({seed}) draws, the stream a program seeded "
                    f"with {seed} uses for everything else: a seed made from the ids lands on "
                    "it, by arithmetic (a sum or a product of ids that are 0) or as a list "
                    "(SeedSequence pads a list with zeros, so zero ids or a zero seed at its "
                    "end change nothing). Keep the ids apart from the seed (section 8)")
    pooled = np.concatenate([_noise(item_noise, 7, 2, i, 50) for i in range(200)])
    by_item = pooled.reshape(200, 50)
    # Independent draws of an item repeat no value: float32 ones share one with probability
    # about 2.5e-3 per item of 50, so 20 repeats over 200 items do not happen by chance.
    if sum(50 - len(np.unique(row)) for row in by_item) >= 20:
        raise Wrong("all draws of an item are equal (or repeat): make the generator once per "
                    "item and draw size values from it, not a new generator per draw")
    # Items that are windows of one stream share most of their values; independent items
    # share none (float32 draws may repeat a value by chance, but not three per item).
    _, first_seen, counts = np.unique(pooled, return_index=True, return_counts=True)
    repeated = np.bincount(first_seen[counts > 1] // 50, minlength=200)
    if repeated.max() >= 3:
        raise Wrong("different items share draws (the same values come up in two items): "
                    "each item needs a generator of its own, not a window of one shared "
                    "stream")
    _judge_shared_component(item_noise, by_item)
    mean, sd = pooled.mean(), pooled.std()
    inside = np.mean(np.abs(pooled) < 1)  # 0.6827 for a standard normal
    n = pooled.size
    if (abs(mean) > 5 / math.sqrt(n) or abs(sd - 1) > 5 / math.sqrt(2 * n)
            or abs(inside - 0.6827) > 5 * math.sqrt(0.6827 * 0.3173 / n)):
        raise Wrong(f"the draws should be standard normal (mean 0, sd 1, 68% within ±1); "
                    f"yours have mean {mean:.2f}, sd {sd:.2f}, {inside:.0%} within ±1")
    # Within an item, the draws come in no order and with no sign pattern: across the 200
    # items each position has mean 0 (sd 1/√200) and half of the neighbours rise.
    rises = np.mean(np.diff(by_item, axis=1) > 0)
    if (np.abs(by_item.mean(axis=0)).max() > 5 / math.sqrt(200)
            or abs(rises - 0.5) > 5 * math.sqrt(0.25 / by_item[:, 1:].size)):
        raise Wrong("the draws within an item follow a pattern (sorted, in a fixed order of "
                    "signs, or the same position always large): return them in the order "
                    "the generator makes them")
    # checked after the pattern: a fixed order of signs also narrows the items' means
    _judge_item_spread(by_item)
    _judge_tails(np.concatenate([_noise(item_noise, 11, 5, i, 50_000) for i in range(10)]))
    runs = _in_workers(item_noise, 3)
    if runs is not None:
        direct = np.stack([_noise(item_noise, 3, 1, i, 3) for i in range(6)])
        if not (np.array_equal(runs[0], direct) and np.array_equal(runs[1], direct)):
            raise Wrong("a DataLoader with 2 workers loads other draws than your function gives "
                        "in the main process: the draws must depend on seed, epoch and index "
                        "only, not on the process")
