"""Checks for the exercises of Day 10 (results across seeds); see helpers.exercises."""

from __future__ import annotations

import contextlib
import copy
import inspect
import itertools
import math
import sys

import numpy as np

from helpers.checks._seeding import (
    OVERLAP_LIMIT,
    SEED_BITS,
    entropy_int,
    small_seeds_hint,
    state_ints,
    stream_position,
    watch_seeding,
    weakest_seed_bits,
)
from helpers.exercises import Wrong, _has_contents, call, exercise_check, number
from helpers.intervals import mean_interval, paired_interval, t_quantile, unpaired_interval

# (sd, half_width) pairs the seeds_needed check tries: sd/h from 1.2 to 10 (at 1.2 and 1.5,
# t with n degrees of freedom instead of n - 1 gives one seed fewer; at 1.3, n - 2 gives one
# more); last, sd/h 0.5, whose answer is the floor n = 6 (a search from n = 2 with SciPy's t
# stops at 4 there).
_PRECISION_CASES = ((0.01, 0.002), (0.008, 0.004), (0.02, 0.002), (0.005, 0.001),
                    (0.012, 0.01), (0.015, 0.01), (0.013, 0.01), (0.001, 0.002))


_DF_N_HINT = ("n runs leave n - 1 degrees of freedom once the mean is estimated: "
              "t_quantile(0.975, n - 1), not t_quantile(0.975, n)")
_EARLY_HINT = ("one step too early: return the FEWEST n whose half-width is at most "
               "half_width, not the last n that was still too wide")


def _fewest_seeds(sd: float, half_width: float, multiplier, start: int = 6) -> int:
    """Smallest n >= start with multiplier(n) * sd / sqrt(n) <= half_width."""
    n = start
    while multiplier(n) * sd / math.sqrt(n) > half_width:
        n += 1
    return n


def _half_width(sd: float, n: int) -> float:
    """The half-width of the 95% t interval of a mean of n runs with standard deviation sd."""
    return t_quantile(0.975, n - 1) * sd / math.sqrt(n)


@exercise_check
def check_seeds_needed(seeds_needed) -> str:
    """``seeds_needed(sd, half_width)``: fewest seeds for a 95% interval of that half-width.

    A wrong count is compared with what each common mistake gives (the normal's 1.96, a 90%
    or 99% quantile, n degrees of freedom, one step too early, the full width, no square),
    and the hint names the mistakes that give exactly that count (n degrees of freedom alone
    when the earlier cases, where they change nothing, came out right: one step too early
    would have missed those too); otherwise it stays neutral.
    """
    df_n_fits = True  # every count so far is what t with n degrees of freedom gives
    for sd, h in _PRECISION_CASES:
        got = call(seeds_needed, sd, h)
        if isinstance(got, bool | np.bool_):
            raise Wrong(f"seeds_needed({sd}, {h}) should return a whole number of seeds, "
                        f"got {got!r}")
        value = number(got, f"seeds_needed({sd}, {h})")
        if not value.is_integer():
            raise Wrong(f"seeds_needed({sd}, {h}) should return a whole number of seeds, "
                        f"got {value!r}")
        got = int(value)
        with_t = _fewest_seeds(sd, h, lambda n: t_quantile(0.975, n - 1))
        with_df_n = _fewest_seeds(sd, h, lambda n: t_quantile(0.975, n))
        if got == with_t:
            df_n_fits = df_n_fits and got == with_df_n
            continue
        if got < 6:
            raise Wrong(f"seeds_needed({sd}, {h}) returned {got}, but the exercise asks for "
                        f"the fewest n >= 6 (t_quantile needs at least 6 values, 5 degrees "
                        f"of freedom): here that is {with_t}")
        mistakes = {
            "1.96 is the normal quantile; with sd estimated from n runs the multiplier is "
            "t_quantile(0.975, n - 1), which is larger":
                {_fewest_seeds(sd, h, lambda n: 1.96), math.ceil((1.96 * sd / h) ** 2),
                 round((1.96 * sd / h) ** 2)},
            _DF_N_HINT: {with_df_n},
            "n runs leave n - 1 degrees of freedom (only the mean is estimated): "
            "t_quantile(0.975, n - 1), not n - 2":
                {_fewest_seeds(sd, h, lambda n: t_quantile(0.975, n - 2), start=7)},
            "your multiplier is frozen at one n (t for 30 seeds, or at Day 8's estimate): "
            "t_quantile(0.975, n - 1) changes with the n you try, so search n upwards with "
            "it":
                {math.ceil((t_quantile(0.975, k - 1) * sd / h) ** 2)
                 for k in (30, max(6, math.ceil((1.96 * sd / h) ** 2)))} - {with_t},
            _EARLY_HINT: {with_t - 1},
            "a 95% interval leaves 2.5% in each tail: the quantile is 0.975 (0.95 gives a "
            "90% interval, 0.995 a 99% one)":
                {_fewest_seeds(sd, h, lambda n: t_quantile(0.95, n - 1)),
                 _fewest_seeds(sd, h, lambda n: t_quantile(0.995, n - 1))},
            "the half-width is t * sd / sqrt(n), not the full width 2 * t * sd / sqrt(n)":
                {_fewest_seeds(sd, h / 2, lambda n: t_quantile(0.975, n - 1))},
            "the half-width shrinks like 1/sqrt(n), so n grows like the SQUARE of "
            "(multiplier * sd / half_width)":
                {math.ceil(1.96 * sd / h), math.ceil(t_quantile(0.975, 5) * sd / h)},
        }
        named = [hint for hint, counts in mistakes.items() if got in counts]
        if df_n_fits and _DF_N_HINT in named and _EARLY_HINT in named:
            # the earlier cases, where n degrees of freedom change nothing, came out right,
            # which one step too early would not have
            named.remove(_EARLY_HINT)
        if named:
            raise Wrong(f"seeds_needed({sd}, {h}) returned {got}: " + "; or ".join(named))
        if got < with_t:
            raise Wrong(f"seeds_needed({sd}, {h}) returned {got}, too few: at n = {got} the "
                        f"half-width t_quantile(0.975, n - 1) * sd / sqrt(n) is "
                        f"{_half_width(sd, got):.5f}, still above half_width = {h}")
        raise Wrong(f"seeds_needed({sd}, {h}) returned {got}, more than needed: at n = "
                    f"{got - 1} the half-width t_quantile(0.975, n - 1) * sd / sqrt(n) is "
                    f"already {_half_width(sd, got - 1):.5f}, at most half_width = {h}; the "
                    f"fewest is {with_t}")
    return "seeds grow with the square of sd / half_width: half the width, 4 times the runs."


def _paired_case(n: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """n seeds of two strongly correlated configurations (b is a little better)."""
    rng = np.random.default_rng(n)
    seed_effect = rng.normal(0.95, 0.01, size=n)
    a = seed_effect + rng.normal(0, 0.002, size=n)
    b = seed_effect + 0.003 + rng.normal(0, 0.002, size=n)
    return a, b


#: The course's interval helpers that Exercise 2 asks the learner to do without.
_BANNED = {"paired_interval": paired_interval, "mean_interval": mean_interval}


def _banned_helper(func: object, seen: set[int] | None = None) -> str | None:
    """The name of the course helper (``paired_interval``, ``mean_interval``) that ``func``
    uses, under any name: a global bound to it (``paired_interval``, an alias
    ``pi = paired_interval``), a value in its closure or defaults, an attribute or import of
    that name (``intervals.paired_interval``, ``from helpers.intervals import ...`` inside
    it), in its code, the functions nested in it and the functions of its own module that it
    calls; None if it uses neither."""
    seen = set() if seen is None else seen
    if id(func) in seen:
        return None
    seen.add(id(func))
    namespace = getattr(func, "__globals__", {})
    values = [c.cell_contents for c in getattr(func, "__closure__", None) or ()
              if _has_contents(c)] + list(getattr(func, "__defaults__", None) or ())
    for value in values:
        for name, helper in _BANNED.items():
            if value is helper:
                return name

    def search(code: object) -> str | None:
        for name in getattr(code, "co_names", ()):
            if name in _BANNED and name not in namespace:
                return name  # intervals.paired_interval, or imported inside the function
            found = namespace.get(name)
            for banned, helper in _BANNED.items():
                if found is helper:
                    return banned
            if (inspect.isfunction(found) and found.__globals__ is namespace
                    and (hit := _banned_helper(found, seen))):
                return hit  # a function of the learner's that paired_ci calls
        for const in getattr(code, "co_consts", ()):
            if inspect.iscode(const) and (hit := search(const)):
                return hit
        return None
    return search(getattr(func, "__code__", None))


@exercise_check
def check_paired_ci(paired_ci) -> str:
    """``paired_ci(a, b)``: the 95% interval ``(low, high)`` for the mean of ``b - a``, for
    10 seeds and for 15 (a multiplier fixed at one n is caught at the other), built from
    NumPy and ``t_quantile``: a call to the course's ``paired_interval`` or
    ``mean_interval`` is refused, as the prompt says."""
    banned = _banned_helper(paired_ci)
    if banned is not None:
        raise Wrong(f"paired_ci uses the course's {banned}, which the exercise asks you to do "
                    "without: compute it from the differences d = b - a with NumPy "
                    "(d.mean(), d.std(ddof=1)) and t_quantile(0.975, n - 1)")
    for n in (10, 15):
        _judge_paired(paired_ci, *_paired_case(n))
    return "the paired interval uses only the per-seed differences b - a."


@contextlib.contextmanager
def _watch_banned(used: list[str]):
    """Count, in ``used``, every call of the course's ``paired_interval`` and
    ``mean_interval`` made through ``helpers.intervals`` while the block runs (reached by
    ``getattr(intervals, "mean_" + "interval")`` or any other way the source does not show);
    the module is restored afterwards."""
    from helpers import intervals

    def watched(name: str, helper):
        def wrapper(*args, **kwargs):
            used.append(name)
            return helper(*args, **kwargs)
        return wrapper

    originals = {name: getattr(intervals, name) for name in _BANNED}
    for name, helper in originals.items():
        setattr(intervals, name, watched(name, helper))
    try:
        yield used
    finally:
        for name, helper in originals.items():
            setattr(intervals, name, helper)


#: SciPy's ready-made intervals (and the tests that return one), which the exercise asks the
#: learner to build by hand: ``(module path, attribute)``; ``t.interval`` is a method of the
#: distribution object ``scipy.stats.t``.
_LIBRARY_INTERVALS = (("scipy.stats", "ttest_rel"), ("scipy.stats", "ttest_1samp"),
                      ("scipy.stats", "ttest_ind"), ("scipy.stats", "bootstrap"),
                      ("scipy.stats.t", "interval"), ("scipy.stats.norm", "interval"))


@contextlib.contextmanager
def _watch_library(func, used: list[str]):
    """Count, in ``used``, the calls of SciPy's intervals (:data:`_LIBRARY_INTERVALS`) made
    while the block runs: through ``scipy.stats`` or under any name in ``func``'s globals
    (``from scipy.stats import ttest_rel as tr``); all restored afterwards. Nothing is
    watched when SciPy is not loaded (then the learner did not call it either)."""
    stats = sys.modules.get("scipy.stats")
    undo: list[tuple[object, str, object, bool]] = []
    if stats is not None:
        learner = getattr(func, "__globals__", None)
        for path, name in _LIBRARY_INTERVALS:
            home = stats if path == "scipy.stats" else getattr(stats, path.rsplit(".", 1)[1])
            original = getattr(home, name)
            label = f"{path}.{name}"

            def wrapper(*args, _original=original, _label=label, **kwargs):
                used.append(_label)
                return _original(*args, **kwargs)

            undo.append((home, name, original, name in vars(home)))
            setattr(home, name, wrapper)
            if isinstance(learner, dict):
                for alias in [k for k, v in learner.items() if v is original]:
                    undo.append((learner, alias, original, True))
                    learner[alias] = wrapper
        # a frozen distribution, scipy.stats.t(df, loc, scale).interval(0.95), calls the
        # interval of a new instance of the class: watched on the class that defines it
        frozen = next((klass for klass in type(stats.t(1)).__mro__
                       if "interval" in vars(klass)), None)
        if frozen is not None:
            original = vars(frozen)["interval"]

            def frozen_interval(self, *args, _original=original, **kwargs):
                used.append("a frozen scipy.stats distribution's .interval")
                return _original(self, *args, **kwargs)

            undo.append((frozen, "interval", original, True))
            frozen.interval = frozen_interval
    try:
        yield used
    finally:
        for home, name, original, own in reversed(undo):
            if isinstance(home, dict):
                home[name] = original
            elif own:
                setattr(home, name, original)
            else:  # a method found on the class: drop the instance's wrapper
                delattr(home, name)


def _judge_paired(paired_ci, a: np.ndarray, b: np.ndarray) -> None:
    """Raise :class:`Wrong`, naming the mistake, unless ``paired_ci(a, b)`` is right."""
    library: list[str] = []
    with _watch_banned([]) as used, _watch_library(paired_ci, library):
        got = call(paired_ci, a.copy(), b.copy())
    if used:
        raise Wrong(f"paired_ci calls the course's {used[0]} (found while it ran), which the "
                    "exercise asks you to do without: compute it from the differences "
                    "d = b - a with NumPy (d.mean(), d.std(ddof=1)) and t_quantile(0.975, "
                    "n - 1)")
    try:
        low, high = (float(v) for v in got)
    except (TypeError, ValueError):
        raise Wrong(f"paired_ci should return two numbers (low, high), got "
                    f"{type(got).__name__}") from None
    if not low < high:
        raise Wrong(f"low must be below high, got ({low:.5f}, {high:.5f})")
    _, want_low, want_high = paired_interval(a, b)

    def close(lo: float, hi: float) -> bool:
        # 1e-4: t from SciPy or from t_quantile differ by 6e-6 (relative) at 9 degrees of
        # freedom and 7e-7 at 14, the sizes judged here (1.1e-4 at 5, which is not judged);
        # 1.96 in place of t is off by about 15%
        return math.isclose(low, lo, rel_tol=1e-4, abs_tol=1e-9) and math.isclose(
            high, hi, rel_tol=1e-4, abs_tol=1e-9)

    if close(want_low, want_high):
        if library:  # right, but not by hand (a wrong library interval gets its mistake named)
            raise Wrong(f"paired_ci takes its interval from {library[0]}, a ready-made "
                        "interval; the exercise asks you to build it by hand from the "
                        "differences d = b - a with NumPy and t_quantile(0.975, n - 1)")
        return
    d = b - a
    n, mid = d.size, d.mean()
    if close(-want_high, -want_low):
        raise Wrong("that is the interval for a - b; the exercise asks for b - a")
    _, u_low, u_high = unpaired_interval(a, b)
    wrong = {
        "the interval is as wide as an unpaired comparison: use the per-seed differences "
        "b - a, so that what a seed does to both configurations cancels":
            [(u_low, u_high)] + [(mid - m * math.sqrt(a.var(ddof=1) / n + b.var(ddof=1) / n),
                                  mid + m * math.sqrt(a.var(ddof=1) / n + b.var(ddof=1) / n))
                                 for m in (1.96, t_quantile(0.975, n - 1),
                                           # pooled (scipy.stats.ttest_ind's default):
                                           # with equal n the same standard error, 2n - 2
                                           # degrees of freedom
                                           t_quantile(0.975, 2 * n - 2))],
        "with only n seeds the multiplier is Student's t with n - 1 degrees of freedom "
        "(t_quantile(0.975, n - 1)), not 1.96":
            [(mid - 1.96 * d.std(ddof=1) / math.sqrt(n),
              mid + 1.96 * d.std(ddof=1) / math.sqrt(n))],
        "n seeds leave n - 1 degrees of freedom: t_quantile(0.975, n - 1)":
            [(mid - t_quantile(0.975, k) * d.std(ddof=1) / math.sqrt(n),
              mid + t_quantile(0.975, k) * d.std(ddof=1) / math.sqrt(n)) for k in (n, n - 2)],
        "your multiplier does not change with n: use t_quantile(0.975, n - 1) for the n "
        "you are given":
            [(mid - m * d.std(ddof=1) / math.sqrt(n), mid + m * d.std(ddof=1) / math.sqrt(n))
             for m in (t_quantile(0.975, 9), 2.262, 2.26)],
        "a 95% interval leaves 2.5% in each tail: t_quantile(0.975, n - 1)":
            [(mid - t_quantile(0.95, n - 1) * d.std(ddof=1) / math.sqrt(n),
              mid + t_quantile(0.95, n - 1) * d.std(ddof=1) / math.sqrt(n))],
        "use the sample standard deviation of the differences, std(ddof=1)":
            [(mid - m * d.std() / math.sqrt(n), mid + m * d.std() / math.sqrt(n))
             for m in (1.96, t_quantile(0.975, n - 1))],
        "the interval is for the MEAN difference: divide the standard deviation by sqrt(n)":
            [(mid - m * d.std(ddof=k), mid + m * d.std(ddof=k))
             for m in (1.96, t_quantile(0.975, n - 1)) for k in (0, 1)],
    }
    for hint, candidates in wrong.items():
        if any(close(lo, hi) for lo, hi in candidates):
            raise Wrong(hint)
    raise Wrong("not the 95% interval mean(d) ± t * std(d, ddof=1) / sqrt(n) of the "
                "differences d = b - a")


def _as_int(value: object) -> int | None:
    """``value`` as a Python int if it is an integer (bool excluded), else None."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        return None
    return int(value)


def _states(seeds) -> list[tuple[int, ...] | None]:
    """Four words that tell each task's stream apart: a SeedSequence's first state words, a
    Generator's first four draws (from a copy, so it is not consumed); None for anything
    else."""
    def state(s) -> tuple[int, ...] | None:
        if isinstance(s, np.random.SeedSequence):
            return tuple(s.generate_state(4).tolist())
        if isinstance(s, np.random.Generator):
            return tuple(copy.deepcopy(s).integers(0, 2**62, size=4).tolist())
        return None
    return [state(s) for s in seeds]


def _integer_entropies(seeds) -> set[int]:
    """The integer seeds the tasks were made from (a SeedSequence's entropy, or the one a
    Generator's bit generator was seeded with), where there is one."""
    found = set()
    for s in seeds:
        seq = s if isinstance(s, np.random.SeedSequence) else getattr(
            getattr(s, "bit_generator", None), "seed_seq", None)
        entropy = getattr(seq, "entropy", None)
        if isinstance(entropy, int | np.integer) and not isinstance(entropy, bool):
            found.add(int(entropy))
    return found


def _task_entropies(seeds) -> list[int | None]:
    """Each task's own integer seed (a SeedSequence's entropy with no spawn key, or the one a
    Generator's bit generator was seeded with); None where a task has none."""
    found: list[int | None] = []
    for s in seeds:
        seq = s if isinstance(s, np.random.SeedSequence) else getattr(
            getattr(s, "bit_generator", None), "seed_seq", None)
        entropy = getattr(seq, "entropy", None)
        own = (isinstance(entropy, int | np.integer) and not isinstance(entropy, bool)
               and not getattr(seq, "spawn_key", ()))
        found.append(int(entropy) if own else None)
    return found


#: How many raw draws of each task the overlap test looks through, and how many of another
#: task's first draws, in a row, count as that task's stream turning up inside it.
_OVERLAP_DRAWS, _OVERLAP_RUN = 1000, 4
#: How many tasks of each of seeds 7 and 8 the overlap test compares.
_OVERLAP_TASKS = 6


def _raw_draws(task, size: int = _OVERLAP_DRAWS) -> np.ndarray | None:
    """The first ``size`` raw words of a task's stream: those of a deep copy of its
    Generator (the task's own is not consumed), or of ``default_rng`` of its SeedSequence."""
    if isinstance(task, np.random.Generator):
        return copy.deepcopy(task.bit_generator).random_raw(size)
    if isinstance(task, np.random.SeedSequence):
        return np.random.default_rng(task).bit_generator.random_raw(size)
    return None


def _shift_hint(name: str, of: str, shift: int) -> str:
    return (f"{name}'s draws are {of} shifted by {shift:,} (seeds 7 and 8, {_OVERLAP_TASKS} "
            "tasks each): the tasks are windows of one stream, and advance or shifted copies "
            "of one stream overlap: a run that draws more than that many numbers reads the "
            "other task's, so the tasks are not independent; spawn "
            "(SeedSequence(seed).spawn(n)) or use jumped(i), which give streams that do not "
            "overlap")


def _task_name(key: tuple[int, int], other: tuple[int, int]) -> tuple[str, str]:
    """How the hint names task ``key`` and (possessive) task ``other``."""
    if key[0] == other[0]:
        return f"task {key[1]}", f"task {other[1]}'s"
    return f"task {key[1]} of seed {key[0]}", f"task {other[1]} of seed {other[0]}'s"


def _overlap(task_seeds) -> str | None:
    """A hint if one task's stream is another's shifted (``advance(k)`` of one stream, or
    copies of one Generator taken between draws), None otherwise; tasks of seeds 7 and 8,
    ``_OVERLAP_TASKS`` each (the same stream twice is a shared task, judged later).

    PCG64 and PCG64DXSM tasks with one increment, and Philox tasks with one key, are one
    stream at different positions: any two closer than ``OVERLAP_LIMIT`` draws overlap,
    whatever the stride (the closest pair is named). For other bit generators, the first
    ``_OVERLAP_RUN`` draws of a task found in a row among the first ``_OVERLAP_DRAWS`` of
    another, from its second draw on."""
    tasks = {}
    for seed in (7, 8):
        try:
            made = call(task_seeds, seed, _OVERLAP_TASKS)
        except Wrong:  # judged by the checks that follow
            return None
        for i, task in enumerate(made):
            tasks[(seed, i)] = task
    positions = {key: stream_position(task) for key, task in tasks.items()}
    closest: tuple[int, tuple, tuple] | None = None
    keys = list(tasks)
    for a, key in enumerate(keys):
        for other in keys[a + 1:]:
            here, there = positions[key], positions[other]
            if here is None or there is None or here[0] != there[0]:
                continue
            forward = (there[1] - here[1]) % here[2]
            backward = (here[2] - forward) % here[2]
            if forward == 0:
                continue  # the same state: a shared task
            pair = ((forward, other, key) if forward <= backward else (backward, key, other))
            if pair[0] < OVERLAP_LIMIT and (closest is None or pair[0] < closest[0]):
                closest = pair
    if closest is not None:
        shift, later, earlier = closest
        return _shift_hint(*_task_name(later, earlier), shift)
    draws = {}
    for key, task in tasks.items():
        raw = _raw_draws(task) if positions[key] is None else None
        if raw is not None:
            draws[key] = raw
    where: dict[int, list[tuple[tuple[int, int], int]]] = {}
    for key, raw in draws.items():
        for k, word in enumerate(raw[: len(raw) - _OVERLAP_RUN + 1].tolist()):
            where.setdefault(word, []).append((key, k))
    for key, raw in draws.items():
        head = raw[:_OVERLAP_RUN]
        for other, k in where.get(int(head[0]), []):
            if k > 0 and np.array_equal(draws[other][k:k + _OVERLAP_RUN], head):
                return _shift_hint(*_task_name(key, other), k)
    return None


_STRING_HASH = ("hash() of a string changes from one Python session to the next "
                "(PYTHONHASHSEED): the same seed would not give the same tasks; derive "
                "every task's stream by spawning (SeedSequence(seed).spawn(n))")


#: Tasks (of 16) that the experiments with seeds 7 and 6, or 7 and 8, may share by chance
#: before the sharing counts as arithmetic on the seed: seeds drawn from m values share about
#: 256 / m (0.26 for m = 1000), seed + i shares 15, seed ^ i all 16.
_NEIGHBOUR_SHARES = 4


def _shared_with_neighbours(task_seeds) -> tuple[int, int] | None:
    """(the seed next to 7, how many of 16 tasks the two experiments share) when seeds 7 and 8,
    or 7 and 6, share ``_NEIGHBOUR_SHARES`` or more tasks: arithmetic on the seed, whatever
    the formula (``seed ^ i``, ``PCG64(seed + i).jumped()``), not bad luck; else None."""
    try:
        seven = set(_states(call(task_seeds, 7, 16))) - {None}
        for other in (8, 6):
            shared = len(seven & set(_states(call(task_seeds, other, 16))))
            if shared >= _NEIGHBOUR_SHARES:
                return other, shared
    except Wrong:
        return None
    return None


def _collision_cause(task_seeds, arithmetic: str) -> str:
    """Why two experiments share a task: ``arithmetic`` (on the seed), unless the tasks'
    integer seeds follow no formula in the task number (over 16 tasks of seed 7 neither
    monotone nor one step size up and down, as seeds drawn at random are not), then the
    birthday problem."""
    near = _shared_with_neighbours(task_seeds)
    if near is not None:
        other, shared = near
        return (f"the experiments with the nearby seeds 7 and {other} share {shared} of their "
                f"16 tasks, which seeds drawn at random would not (seed + i, seed ^ i and the "
                f"like): " + arithmetic)
    try:  # each task's own seed, read as SeedSequence reads it ([k] is the seed k)
        tasks = call(task_seeds, 7, 16)
    except Wrong:  # seed - i: negative seeds
        return arithmetic
    found = [group[0] if group and not getattr(_sequence(task), "spawn_key", ()) else None
             for group, task in zip(_entropy_groups(tasks), tasks, strict=True)]
    if None in found:
        return arithmetic
    steps = np.diff(np.array(found, dtype=object)).astype(float)
    # monotone (seed * 1000 + i), or one step size either way (abs(seed - i): 7, 6, ..., 0,
    # 1, 2, ...): a formula in the task number, which random seeds never follow
    if np.all(steps > 0) or np.all(steps < 0) or np.unique(np.abs(steps)).size == 1:
        return arithmetic
    bits = max(1, max(int(v) for v in found).bit_length())
    even = 1.18 * math.sqrt(2**bits)
    return ("random seeds from a small range collide by chance (birthday): n seeds drawn "
            f"from m values repeat with even odds once n passes 1.18 sqrt(m); yours lie "
            f"below 2**{bits}, so at about {float(f'{even:.2g}'):,.0f} seeds; spawn "
            "(SeedSequence(seed).spawn(n))")


#: Experiment seeds for the course's seed rule (:data:`SEED_BITS`): 20 drawn below 2**62, so
#: that task seeds computed from the experiment's seed (seed**2 + i, hash((seed, i))) vary
#: by far more than 40 bits, and only task seeds drawn from a small range vary by fewer.
_RULE_SEEDS = tuple(int(v) for v in np.random.default_rng(2026).integers(2**62, size=20))


def _sequence(task) -> object:
    """A task's SeedSequence: itself, or its Generator's bit generator's (None if none)."""
    if isinstance(task, np.random.SeedSequence):
        return task
    return getattr(getattr(task, "bit_generator", None), "seed_seq", None)


def _entropy_groups(tasks) -> list[list[int]]:
    """Each task's seed as the integer its SeedSequence reads (entropy an int, a list or an
    array of 32-bit words: ``SeedSequence([k])`` is the seed k), one list per task, for
    :func:`weakest_seed_bits`; an empty list where a task has no such seed."""
    groups = []
    for task in tasks:
        value = entropy_int(getattr(_sequence(task), "entropy", None))
        groups.append([] if value is None else [value])
    return groups


def _narrow_task_seeds(task_seeds) -> str | None:
    """The course's seed rule: a hint when the tasks' SeedSequences (or Generators), over
    the experiments of :data:`_RULE_SEEDS`, have seeds that vary from experiment to
    experiment by ``SEED_BITS`` bits or fewer, whatever their wrapping (``SeedSequence(v)``,
    ``[v]``, a uint32 array, a spawned child of it), as seeds drawn from
    ``default_rng(seed).integers(2**32)`` do; a seed that is the experiment's seed itself
    or c + K * seed (spawn keeps the seed as entropy) is none drawn. None otherwise, or when
    ``task_seeds`` fails on such seeds."""
    try:
        runs = [_entropy_groups(call(task_seeds, seed, 4)) for seed in _RULE_SEEDS]
    except (Wrong, TypeError):
        return None
    bits = weakest_seed_bits(runs, list(_RULE_SEEDS))
    if bits is None or bits >= SEED_BITS:
        return None
    return small_seeds_hint("your tasks' SeedSequences are seeded", bits,
                            "spawn (SeedSequence(seed).spawn(n)), which keeps the whole seed "
                            "and gives each task its own stream")


#: Tasks of one experiment whose seeds :func:`_narrow_within` reads.
_WITHIN_TASKS = 64


def _task_words(task) -> list[int] | None:
    """A task's seed as SeedSequence reads it: the 32-bit words of its entropy, then those of
    each spawn_key element (each padded to the same count by the caller); None if none."""
    sequence = _sequence(task)
    value = entropy_int(getattr(sequence, "entropy", None))
    if value is None:
        return None
    parts = [value, *(entropy_int(k) for k in getattr(sequence, "spawn_key", ()))]
    if None in parts:
        return None
    return [[(part >> (32 * w)) & 0xFFFFFFFF for w in range(max(1, -(-part.bit_length() // 32)))]
            for part in parts]


def _narrow_within(task_seeds) -> str | None:
    """A hint when the seeds of the tasks of ONE experiment (seed 7, :data:`_WITHIN_TASKS`
    tasks) differ by ``SEED_BITS`` random bits or fewer: each 32-bit word of the tasks'
    entropies and spawn keys that varies from task to task adds the bits it varies in (the
    experiment's seed, the same in every task, adds none), so ``[v, seed]``, ``v + seed *
    2**40`` or ``spawn_key=(v,)`` with v drawn below 2**32 count 32 bits, and tasks collide
    by the birthday bound. None when a word grows (or shrinks) with the task's index (c + d *
    i, ``f"{seed}0{i}"``: distinct by construction; 64 drawn words are in order with odds
    2 / 64!), when the tasks have no such seeds, or when ``task_seeds`` fails."""
    try:
        tasks = call(task_seeds, 7, _WITHIN_TASKS)
        parts = [_task_words(task) for task in tasks]
    except (Wrong, TypeError):
        return None
    if not parts or None in parts or len({len(p) for p in parts}) != 1:
        return None
    bits = 0
    for k in range(len(parts[0])):
        width = max(len(p[k]) for p in parts)
        for w in range(width):
            column = [p[k][w] if w < len(p[k]) else 0 for p in parts]
            steps = {(b > a) - (b < a) for a, b in itertools.pairwise(column)}
            if steps in ({1}, {-1}):
                return None  # the task's index (i, K * i, f"{seed}0{i}"): distinct tasks
            varying = 0
            for v in column:
                varying |= v ^ column[0]
            bits += varying.bit_count()
    if bits == 0 or bits > SEED_BITS:
        return None
    return small_seeds_hint(f"the {_WITHIN_TASKS} tasks of one experiment are seeded", bits,
                            "spawn (SeedSequence(seed).spawn(n)), which gives every task "
                            "its own stream, distinct by construction")


#: Experiment sizes at which the tasks of one experiment must still be distinct: past a
#: task number cut to 8 bits (np.uint8, i % 64, spawn(min(n, 100)) reused) and to 16 bits.
_MANY_TASKS = (1_100, 2**16 + 2)


def _task_fingerprints(seeds) -> list[tuple | None]:
    """A cheap key per task that equal streams share: a SeedSequence's first state words, a
    Generator's bit generator's type and state (no draws: a copy of each of 65,538 costs
    seconds)."""
    def key(s) -> tuple | None:
        if isinstance(s, np.random.SeedSequence):
            return tuple(s.generate_state(4).tolist())
        if isinstance(s, np.random.Generator):
            bits = s.bit_generator
            return (type(bits).__name__, *state_ints(bits.state, 10**4))
        return None
    return [key(s) for s in seeds]


def _repeated_tasks(task_seeds) -> tuple[str | None, str | None]:
    """Whether one experiment of :data:`_MANY_TASKS` tasks (seed 7) holds two tasks with one
    stream, as two hints: the first if the tasks repeat with a period (task j is task
    j - m for every j from m on: a task number cut to a few bits, ``spawn_key=(i % 2**16,)``
    or a uint8 index, or a short list of children reused, ``kids[i % len(kids)]``), the
    second if they repeat otherwise (by chance, as narrow seeds do: the check names those
    first, by their width); None where they do not."""
    for n in _MANY_TASKS:
        keys = _task_fingerprints(call(task_seeds, 7, n))
        seen: dict[tuple, int] = {}
        for i, key in enumerate(keys):
            first = i if key is None else seen.setdefault(key, i)
            if first == i:
                continue
            m = i - first
            if all(keys[j] == keys[j - m] for j in range(m, n)):
                return (f"tasks {first} and {i} of task_seeds(7, {n}) get the same stream, "
                        f"and so does every task {m} apart: your task number wraps around (a "
                        f"number cut to a few bits, i % {m}, a small integer type) or a short "
                        "list of children is reused, so those runs are copies, not "
                        "independent samples. Spawn one child per task: "
                        "SeedSequence(seed).spawn(n)"), None
            return None, (f"tasks {first} and {i} of task_seeds(7, {n}) get the same stream, "
                          "so those runs are copies, not independent samples. Spawn one "
                          "child per task: SeedSequence(seed).spawn(n)")
    return None, None


@exercise_check
def check_task_seeds(task_seeds) -> str:
    """``task_seeds(seed, n)``: one independent stream per task, all from ``seed``.

    ``SeedSequence(seed).spawn(n)`` or ``default_rng(seed).spawn(n)`` (NumPy documents
    both); what matters is that no two tasks, of this seed or of another, share a stream.
    """
    with watch_seeding(task_seeds) as seeding:
        seeds = call(task_seeds, 7, 4)
    if seeding.string_hashes:
        raise Wrong(_STRING_HASH)
    if isinstance(seeds, np.random.SeedSequence) or not hasattr(seeds, "__len__"):
        raise Wrong("task_seeds should return a list with one SeedSequence per task")
    if len(seeds) != 4:
        raise Wrong(f"task_seeds(7, 4) should return 4 seeds, one per task, got {len(seeds)}")
    if [_as_int(s) for s in seeds] == [7, 8, 9, 10] or _states(seeds) in (
            _states([np.random.SeedSequence(7 + i) for i in range(4)]),
            _states([np.random.default_rng(7 + i) for i in range(4)])):
        raise Wrong("seed + i makes task 1 of seed 7 the same as task 0 of seed 8: two "
                    "experiments would share runs")
    if not all(isinstance(s, np.random.SeedSequence | np.random.Generator) for s in seeds):
        raise Wrong("each element should be a numpy.random.SeedSequence (a worker makes its "
                    "Generator from it), or a Generator of its own, e.g. from rng.spawn(n)")
    states = _states(seeds)
    if len(set(states)) < len(states):
        raise Wrong("some tasks get the same seed or the same Generator state: their runs "
                    "would be identical copies (one Generator sent to every task is pickled "
                    "into copies that draw the same numbers), not independent samples")
    if _states(call(task_seeds, 7, 4)) != states:
        raise Wrong("calling task_seeds(7, 4) twice gives different seeds: the runs would "
                    "not be repeatable (SeedSequence() without a seed asks the OS for "
                    "entropy, and spawn on a SeedSequence you keep hands out new children "
                    "each time)")
    overlap = _overlap(task_seeds)
    if overlap is not None:
        raise Wrong(overlap)
    # seed pairs that collide under seed + i, seed - i, seed * i, seed + 100 * i and
    # int(f"{seed}{i}"), with enough tasks for each; then the experiments whose seeds the
    # tasks' own integer seeds suggest (seed + 1000 * i gives 1007: does experiment 1007
    # share a task with experiment 7?)
    pairs = [(7, 8, 4), (8, 7, 4), (7, 107, 4), (1, 11, 12)]
    suggested = sorted({e + d for e in _integer_entropies(seeds) for d in (-1, 0, 1)}
                       - {7} - {e for e in range(-1, 1)})
    pairs += [(7, e, 4) for e in suggested if e >= 0][:12]
    for one, other, n in pairs:
        if set(_states(call(task_seeds, one, n))) & set(_states(call(task_seeds, other, n))):
            raise Wrong(f"the experiments with seeds {one} and {other} share a task ({n} tasks "
                        "each): " + _collision_cause(
                            task_seeds, "arithmetic on the seed collides across experiments; "
                            "derive every task's stream from the experiment's seed by "
                            "spawning"))
    # seeds of 2**32 and more: SeedSequence reads an integer as 32-bit words, so
    # SeedSequence([seed, i]) gives task 1 of seed 7 the words [7, 1] of seed 7 + 2**32, and a
    # seed cut to 32 or 64 bits (seed % 2**32) makes experiments 7 and 7 + 2**32 one
    large = _large_seed_collision(task_seeds, hashed=bool(seeding.hashes))
    if large is not None:
        raise Wrong(large)
    # the course's seed rule, before the collisions that such seeds cause among many
    # experiments (whose hint could only guess the cause); after the far-apart seeds, whose
    # hints name a seed cut to 32 bits (seed % 2**32) better than its width does
    # a task number that wraps around, after the arithmetic above (seed - i raises at 1,100
    # tasks) and before the narrow seeds, whose hint (repeats by chance) it would get
    wraps, repeats = _repeated_tasks(task_seeds)
    if wraps is not None:
        raise Wrong(wraps)
    narrow = _narrow_task_seeds(task_seeds) or _narrow_within(task_seeds)
    if narrow is not None:
        raise Wrong(narrow)
    if repeats is not None:
        raise Wrong(repeats)
    # experiments of other sizes: seed * n + i and seed**2 + i never collide at one n, but
    # experiment 7 with 16 tasks meets experiment 28 (or 8) with 4 tasks
    wide = set(_states(call(task_seeds, 7, 16)))
    for other in range(130):
        if other != 7 and wide & set(_states(call(task_seeds, other, 4))):
            raise Wrong(f"the experiments with seeds 7 (16 tasks) and {other} (4 tasks) share "
                        "a task: " + _collision_cause(
                            task_seeds, "arithmetic on the seed and the number of tasks "
                            "collides across experiments; derive every task's stream by "
                            "spawning"))
    # seed arithmetic of any stride (seed * 100003 + i, ...): its form names the pair
    linear = _linear_collision(task_seeds)
    if linear is not None:
        raise Wrong(linear)
    # seed arithmetic with a large stride (seed * 1000 + i, int(f"{seed}0{i}")) collides
    # only once experiments have more tasks than the stride: where each task has an integer
    # seed of its own, try 131 experiments of 1,100 tasks, then experiments 7 and 8 with as
    # many tasks as their first seeds are apart (up to 20,000), on those integers alone; not
    # when the integers change from call to call (jumped() gives its bit generator a
    # SeedSequence from the OS, which is no seed of the task's stream)
    entropies = _task_entropies(seeds)
    if (None not in entropies and len(set(entropies)) == len(entropies)
            and _task_entropies(call(task_seeds, 7, 4)) == entropies):
        owner: dict[int, int] = {}
        for experiment in range(131):
            for entropy in _task_entropies(call(task_seeds, experiment, 1100)):
                first = owner.setdefault(entropy, experiment)
                if first != experiment:
                    raise Wrong(f"the experiments with seeds {first} and {experiment} (1,100 "
                                "tasks each) share a task: " + _collision_cause(
                                    task_seeds, "arithmetic on the seed collides once "
                                    "experiments have enough tasks; derive every task's "
                                    "stream by spawning"))
        starts = [_task_entropies(call(task_seeds, e, 2))[0] for e in (7, 8)]
        gap = abs(starts[1] - starts[0]) if None not in starts else 0
        if 0 < gap <= 20_000:
            seven, eight = (set(_task_entropies(call(task_seeds, e, gap + 1))) for e in (7, 8))
            if seven & eight:
                raise Wrong(f"the experiments with seeds 7 and 8 ({gap + 1:,} tasks each) "
                            "share a task: " + _collision_cause(
                                task_seeds, "arithmetic on the seed collides once "
                                "experiments have enough tasks; derive every task's stream "
                                "by spawning"))
    return ("one seed per task, from the one seed: independent, repeatable, never shared "
            "between the tasks of the experiments tried (seeds 0 to 130, 7 + 2**32, "
            "7 + 2**64 and other far-apart seeds).")


#: Experiments (7 + what, that seed, what a map that makes them one does) probed after seeds 7
#: + 2**32 and 7 + 2**64: a seed reduced modulo 2**61 - 1 (what hash() of an integer is),
#: 2**128 or any power of two up to 2**200, or rounded through a float.
_FAR_SEEDS = (
    ("2**61 - 1", 7 + 2**61 - 1,
     ("your tasks depend on the seed only modulo 2**61 - 1 (Python's hash() of an integer is "
      "the integer modulo 2**61 - 1, and so is seed % (2**61 - 1)), so the two experiments "
      "are one")),
    ("2**128", 7 + 2**128,
     ("your tasks depend on the seed only modulo 2**128 (seed % 2**128, or a 128-bit key), "
      "so the two experiments are one")),
    ("2**200", 7 + 2**200,
     ("your tasks depend on the seed only modulo a power of two (seed % 2**k cuts its high "
      "bits), so the two experiments are one")),
)
_FLOAT_PAIR = (2**64, 2**64 + 7)
_FLOAT_CAUSE = ("a float keeps only 53 bits, so int(float(seed)) (or any float on the way) "
                "rounds 2**64 + 7 to 2**64, and the two experiments are one")
_HASH_CAUSE = ("your tasks' seeds come from the builtin hash(): hash() of an integer is the "
               "integer modulo 2**61 - 1, so far-apart seeds share tasks, and Python promises "
               "a hash's value only within one interpreter (a tuple's hash has changed "
               "between Python versions)")


def _crash_hint(name: str, err: Wrong) -> str:
    """The hint when ``task_seeds(name, 4)`` raised (``err``: :func:`call`'s Wrong)."""
    said = str(err).removeprefix("your code raised ")
    said = said if len(said) <= 120 else said[:117] + "..."
    return (f"task_seeds({name}, 4) raised {said}; seeds can be of any size: SeedSequence "
            "takes any non-negative int (SeedSequence(seed).spawn(n)), a uint32 array, a "
            "uint64 or a Philox key does not")


def _call_large(task_seeds, seed: int, name: str) -> object:
    """``task_seeds(seed, 4)``; a Wrong naming the seed (``name``) if it raises."""
    try:
        return call(task_seeds, seed, 4)
    except Wrong as err:
        if not str(err).startswith("your code raised"):
            raise
        raise Wrong(_crash_hint(name, err)) from None


def _large_seed_collision(task_seeds, hashed: bool = False) -> str | None:
    """A hint if the experiments with seeds 7 and 7 + 2**32, or 7 and 7 + 2**64, share a task
    (4 tasks each), then those of :data:`_FAR_SEEDS` and 2**64 and 2**64 + 7 (a float
    rounds them to one); ``hashed``: the answer called hash(), named in the hint. None
    otherwise. An answer that raises on a larger seed (a uint32 array, a uint64, a Philox
    key of 64-bit words) is told so (:func:`_crash_hint`): the exercise takes seeds of any
    size."""
    seven = _states(call(task_seeds, 7, 4))
    for bits in (32, 64):
        other = _states(_call_large(task_seeds, 7 + 2**bits, f"7 + 2**{bits}"))
        shared = set(seven) & set(other) - {None}
        if not shared:
            continue
        main = seven[0] == _states([np.random.SeedSequence(7)])[0]
        own = (" (and task 0 of seed 7 is np.random.default_rng(7)'s own stream, the "
               "experiment's main generator)") if main else ""
        if other == seven:
            cause = (f"your tasks depend on the seed only modulo 2**{bits} (seed % "
                     f"2**{bits}, or a cast to {bits} bits), so the two experiments are one")
        else:
            cause = ("SeedSequence reads a seed as 32-bit words, so a list such as [seed, i] "
                     "mixes the seed's words with the task number: seed 7 + 2**32 is the "
                     "words [7, 1], and its task 0, [7, 1, 0], is task 1 of seed 7, [7, 1] "
                     "(trailing zero words change nothing)")
        return (f"the experiments with seeds 7 and 7 + 2**{bits} share {len(shared)} of "
                f"their 4 tasks: {cause}{own}; spawn (SeedSequence(seed).spawn(n)), which "
                "keeps the whole seed as entropy and the task number apart, in spawn_key")
    probes = [(7, f"7 + {name}", big, cause) for name, big, cause in _FAR_SEEDS]
    probes.append((_FLOAT_PAIR[0], "2**64 + 7", _FLOAT_PAIR[1], _FLOAT_CAUSE))
    for base, name, big, cause in probes:
        one = seven if base == 7 else _states(_call_large(task_seeds, base, "2**64"))
        other = _states(_call_large(task_seeds, big, name))
        shared = set(one) & set(other) - {None}
        if not shared:
            continue
        first = "7" if base == 7 else "2**64"
        return (f"the experiments with seeds {first} and {name} share {len(shared)} of "
                f"their 4 tasks: {_HASH_CAUSE if hashed else cause}; spawn "
                "(SeedSequence(seed).spawn(n)), which keeps the whole seed as entropy and the "
                "task number apart, in spawn_key")
    return None


def _linear_collision(task_seeds) -> str | None:
    """A hint naming two experiments that share a task, if every task's own integer seed is
    ``c + K * seed + d * i`` (seed arithmetic, K and d not 0, whatever the strides): task
    ``|K| / g`` of seed s then gets the integer of task 0 of seed ``s + sign(K) d / g``
    (g = gcd(K, d)). The form is read at seeds 7 and 8 and confirmed at 12 (5 tasks) and 30
    (1,100 tasks, so that ``int(f"{seed}0{i}")`` is no such form); up to 200,000 tasks the
    pair itself is then run. None for any other answer, or when the pair needs 2**32 tasks
    or more."""
    base = _task_entropies(call(task_seeds, 7, 2))
    other = _task_entropies(call(task_seeds, 8, 1))
    if None in base or None in other or len(base) != 2 or len(other) != 1:
        return None
    k, d = other[0] - base[0], base[1] - base[0]
    c = base[0] - 7 * k
    if k == 0 or d == 0:
        return None
    for seed, n in ((12, 5), (30, 1100)):
        got = _task_entropies(call(task_seeds, seed, n))
        if got != [c + k * seed + d * i for i in range(n)]:
            return None
    g = math.gcd(k, d)
    task, step = abs(k) // g, d // g * (1 if k > 0 else -1)
    if task >= 2**32:
        return None
    first = 7 if 7 + step >= 0 else 7 - step  # both experiments' seeds >= 0
    second = first + step
    value = c + k * first + d * task
    if task < 200_000:
        tasks = _task_entropies(call(task_seeds, first, task + 1))
        if tasks[task] != value or _task_entropies(call(task_seeds, second, 1))[0] != value:
            return None
    return (f"the experiments with seeds {first} ({task + 1:,} tasks) and {second} share a "
            f"task: task {task:,} of seed {first} and task 0 of seed {second} are both "
            f"seeded with {value}. Your tasks' seeds are arithmetic on the seed and the task "
            f"number ({k} * seed {'+' if d > 0 else '-'} {abs(d)} * i, plus a constant), and "
            "every such formula, whatever its strides, collides for some pair once "
            "experiments have enough tasks; derive every task's stream by spawning "
            "(SeedSequence(seed).spawn(n))")
