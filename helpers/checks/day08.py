"""Checks for the exercises of Day 8 (law of large numbers, CLT); see helpers.exercises.

Both exercises transfer the day's ideas to a case the notebook has not solved: a running
standard deviation that survives a large offset (cumulative sums, and Day 3's
``E[x^2] - E[x]^2`` trap), and a new Monte Carlo estimate of pi with its standard error.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import math
import os
import sys
import sysconfig
import textwrap
import tracemalloc

import numpy as np

from helpers.checks._entropy import narrow_first_draw
from helpers.checks._seeding import (
    SEED_BITS,
    constant_step,
    hashed_seed_hint,
    seed_bits,
    watch_seeding,
)
from helpers.exercises import Wrong, call, exercise_check, number


def _vector(value, name: str, size: int) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{name} should return an array, got {type(value).__name__}") from None
    if arr.shape != (size,):
        raise Wrong(f"{name} should return one value per entry, shape {(size,)}, "
                    f"got {arr.shape}")
    return arr


#: Calls that run Python code once per element: a loop in disguise (``reduce`` and
#: ``accumulate`` count only as functools' and itertools', not as NumPy ufunc methods such
#: as ``np.add.accumulate``, which run in compiled code).
_LOOPING_CALLS = {"map", "filter", "starmap", "filterfalse", "vectorize", "frompyfunc",
                  "fromiter", "apply_along_axis", "apply_over_axes", "apply"}
_ITERTOOLS_CALLS = {"reduce", "accumulate"}


def _tree(func) -> ast.AST | None:
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return None


def _scope(func) -> dict:
    """The names ``func`` can see: its module's globals and its closure."""
    try:
        nonlocals = inspect.getclosurevars(func).nonlocals
    except (TypeError, ValueError):  # a callable object, a partial, a builtin
        nonlocals = {}
    return {**getattr(func, "__globals__", {}), **nonlocals}


def _iterates_in_python(node: ast.Call, scope: dict) -> bool:
    """Whether ``node`` calls functools.reduce or itertools.accumulate (by any name), not a
    ufunc's ``reduce`` / ``accumulate`` method."""
    import functools
    import itertools

    func = node.func
    if isinstance(func, ast.Name):
        bound = scope.get(func.id)
        if bound is functools.reduce or bound is itertools.accumulate:
            return True
        return func.id in _ITERTOOLS_CALLS and bound is None  # imported inside the function
    if isinstance(func, ast.Attribute) and func.attr in _ITERTOOLS_CALLS:
        base = func.value
        if isinstance(base, ast.Name):
            return base.id in ("functools", "itertools") or scope.get(base.id) in (
                functools, itertools)
    return False


def _loop_in(tree: ast.AST, own_name: str | None, scope: dict) -> str | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.For | ast.AsyncFor | ast.While):
            return f"a {type(node).__name__.lower().replace('async', '')} loop"
        if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            return "a comprehension (a loop)"
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in _LOOPING_CALLS or _iterates_in_python(node, scope):
                return f"{name}(...), which loops in Python"
            if own_name is not None and isinstance(node.func, ast.Name) and name == own_name:
                return "recursion (a loop in disguise)"
    return None


def _loop_search(func, path: tuple, stack: tuple, seen: set) -> tuple[str, tuple] | None:
    """(kind of loop, the names of the learner's functions that lead to it from the answer)
    or None; ``stack`` holds the functions on the current chain, ``seen`` every one read."""
    seen.add(func)
    tree = _tree(func)
    if tree is None:
        return None
    own = getattr(func, "__name__", None)
    scope = _scope(func)
    found = _loop_in(tree, None if own == "<lambda>" else own, scope)
    if found is not None:
        return found, path
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    for name in sorted(names - {own}):
        helper = scope.get(name)
        if not (inspect.isfunction(helper)
                and helper.__module__ == getattr(func, "__module__", None)):
            continue
        if any(helper is f for f in (*stack, func)):  # back to a caller: mutual recursion
            return "recursion (a loop in disguise)", (*path, name)
        if helper in seen:
            continue
        result = _loop_search(helper, (*path, name), (*stack, func), seen)
        if result is not None:
            return result
    return None


def _python_loop(func) -> str | None:
    """The kind of Python loop in ``func``'s source (``for``, ``while``, a comprehension, a
    looping call such as ``map``, ``functools.reduce`` or ``itertools.accumulate``, or
    recursion), following the learner's own functions that it names to any depth (each
    read once); None when there is none or the source cannot be read."""
    result = _loop_search(func, (), (), set())
    if result is None:
        return None
    found, chain = result
    if not chain:
        return found
    via = f", through {' -> '.join(chain[:-1])}" if len(chain) > 1 else ""
    return f"{found} (in {chain[-1]}, which it calls{via})"


def _library_dirs() -> tuple[str, ...]:
    """Folders whose code is not the learner's: the standard library, site-packages (NumPy,
    SciPy, ...) and this course's helpers package (the checks themselves)."""
    paths = sysconfig.get_paths()
    dirs = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    dirs.add(os.path.dirname(os.__file__))
    dirs.add(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # helpers/
    return tuple(os.path.join(os.path.realpath(d), "") for d in dirs)


_LIBRARY_DIRS = _library_dirs()


def _is_learners(filename: str) -> bool:
    """Whether code from ``filename`` is the learner's (a notebook cell, their module)."""
    if filename.startswith("<frozen") or "site-packages" in filename:
        return False
    return not os.path.realpath(filename).startswith(_LIBRARY_DIRS)


def _python_steps(func, *args) -> int:
    """The number of Python lines the learner's own code (not NumPy, SciPy, the standard
    library or the course's helpers) executes in ``func(*args)``: measured with
    ``sys.settrace``, so it sees loops hidden in ``np.vectorize``, ``np.frompyfunc``,
    ``map``, a callable object or a helper at any depth. Statistics' ``fmean`` / ``stdev``
    are the standard library's, not counted: they are accepted (linear, not the learner's
    loop)."""
    steps = 0
    learners: dict = {}

    def local(frame, event, arg):
        nonlocal steps
        if event == "line":
            steps += 1
        return local

    def global_trace(frame, event, arg):
        code = frame.f_code
        mine = learners.get(code)
        if mine is None:
            mine = learners[code] = _is_learners(code.co_filename)
        return local if mine else None

    previous = sys.gettrace()
    sys.settrace(global_trace)
    try:  # a failure is judged elsewhere: here only the steps count
        with np.errstate(all="ignore"), contextlib.suppress(Exception):
            call(func, *args)
    finally:
        sys.settrace(previous)
    return steps


def _loop_by_steps(func, make_args, size: int) -> str | None:
    """A hint when the learner's Python steps grow with n (a Python loop, however hidden),
    measured at n = ``size`` and 4 ``size``; None when they do not grow."""
    small = _python_steps(func, *make_args(size))
    large = _python_steps(func, *make_args(4 * size))
    if large - small < size:  # a loop runs at least one line per value: 3 * size more
        return None
    return (f"your code ran {small:,} Python-level steps at n = {size:,} and {large:,} at "
            f"n = {4 * size:,}: a Python loop (np.vectorize and np.frompyfunc loop in Python "
            "too)")


def _loop_over_blocks(func, make_args, size: int, large: int) -> str | None:
    """A hint when ``func``'s source holds a Python loop (:func:`_python_loop`) that runs more
    often as n grows, though by less than once per value: a loop over blocks of the values
    (chunks of 100 or 256), whose Python steps grow between n = ``size`` and n = ``large``;
    None for a loop over a fixed number of things, or no loop."""
    loop = _python_loop(func)
    if loop is None:
        return None
    small_steps = _python_steps(func, *make_args(size))
    large_steps = _python_steps(func, *make_args(large))
    if large_steps <= small_steps:
        return None
    return (f"your code uses {loop}, whose Python steps grow from {small_steps:,} at n = "
            f"{size:,} to {large_steps:,} at n = {large:,}: a loop over blocks of the values "
            "is still a Python loop over the data")


def _holds_block(frame, size: int) -> bool:
    """Whether a local of ``frame`` is an array (or a list or tuple of arrays) of more than
    one and at most half of ``size`` values: a block of the data."""
    for value in list(frame.f_locals.values()):
        items = value if isinstance(value, list | tuple) else (value,)
        for item in items[:64]:
            count = getattr(item, "size", None)
            count = count() if callable(count) and hasattr(item, "numel") else count
            if isinstance(count, int) and 1 < count <= size // 2 and hasattr(item, "shape"):
                return True
    return False


def _loop_over_pieces(func, x: np.ndarray) -> str | None:
    """A hint when a line of the learner's own code runs more than once in one call of
    ``func(x)`` (one frame) while a block of ``x`` (1 < size <= len(x) / 2) is among its
    locals: a Python loop over pieces of the data, however few (np.array_split(d, 4));
    None otherwise (a loop over two whole sums is not a loop over the data)."""
    runs: dict = {}
    frames: list = []  # kept alive, so no frame id is reused during the call
    found: list = []

    def local(frame, event, arg):
        if event == "line" and not found:
            key = (id(frame), frame.f_lineno)
            runs[key] = runs.get(key, 0) + 1
            if runs[key] > 1 and _holds_block(frame, x.size):
                found.append((frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno
                              + 1))
        return local

    def global_trace(frame, event, arg):
        if not _is_learners(frame.f_code.co_filename):
            return None
        frames.append(frame)
        return local

    previous = sys.gettrace()
    sys.settrace(global_trace)
    try:
        with np.errstate(all="ignore"), contextlib.suppress(Exception):
            call(func, x)
    finally:
        sys.settrace(previous)
    if not found:
        return None
    name, line = found[0]
    return (f"line {line} of {name} ran more than once, over blocks of the {x.size:,} values "
            "(a Python loop over pieces of the data, such as np.array_split(d, 4))")


def _quadratic_memory(func, size: int) -> bool:
    """Whether ``func`` on ``size`` values allocates memory of order ``size**2`` (an
    (n, n) matrix): tracemalloc sees NumPy's array buffers."""
    x = np.random.default_rng(88).normal(0.0, 1.0, size)
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        with np.errstate(all="ignore"):
            call(func, x)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return peak > size * size  # an (n, n) float64 matrix is 8 n^2 bytes; O(n) is ~100 n


#: Full convolutions: n multiply-adds for each of n entries (quadratic time), or an FFT
#: (n log n, with rounding of its own) where cumulative sums need one addition per value.
_CONVOLUTIONS = {"numpy": ("convolve", "correlate"),
                 "scipy.signal": ("convolve", "correlate", "fftconvolve", "oaconvolve")}


def _convolutions_called(func, x: np.ndarray) -> list[str]:
    """The full convolutions (np.convolve, np.correlate, scipy.signal's convolve,
    correlate, fftconvolve and oaconvolve, by any name the learner gave them) that the
    learner's own code calls in ``func(x)``; calls made inside libraries do not count."""
    seen: list[str] = []
    learner = getattr(func, "__globals__", None)
    undo: list[tuple] = []

    def counting(original, name: str):
        def wrapper(*args, **kwargs):
            if _is_learners(sys._getframe(1).f_code.co_filename) and name not in seen:
                seen.append(name)
            return original(*args, **kwargs)
        return wrapper

    for module_name, names in _CONVOLUTIONS.items():
        module = sys.modules.get(module_name)
        if module is None:
            continue
        short = "np" if module_name == "numpy" else module_name
        for name in names:
            original = getattr(module, name, None)
            if original is None:
                continue
            replacement = counting(original, f"{short}.{name}")
            undo.append((module, name, original))
            setattr(module, name, replacement)
            if isinstance(learner, dict):  # from numpy import convolve as conv
                for alias in [k for k, v in learner.items() if v is original]:
                    undo.append((learner, alias, original))
                    learner[alias] = replacement
    try:
        with np.errstate(all="ignore"), contextlib.suppress(Exception):
            call(func, x)
    finally:
        for home, name, original in reversed(undo):
            if isinstance(home, dict):
                home[name] = original
            else:
                setattr(home, name, original)
    return seen


def _exact_running_std(x: np.ndarray) -> np.ndarray:
    """The population standard deviation of every prefix, one prefix at a time (exact
    enough: np.std centres each prefix on its own mean)."""
    return np.array([np.std(x[:k]) for k in range(1, x.size + 1)])


def _names_in(func) -> set[str]:
    tree = _tree(func)
    if tree is None:
        return set()
    return {getattr(node, "attr", getattr(node, "id", None)) for node in ast.walk(tree)
            if isinstance(node, ast.Attribute | ast.Name)}


def _calls_course_running_std(func) -> bool:
    """Whether ``func`` uses helpers.stats.running_std: a global or closure name bound to it
    (``running_std``, or an alias ``rs = running_std``) that ``func`` does not bind itself, an
    attribute that resolves to it (``stats.running_std``, ``helpers.stats.running_std``), or
    an import inside it (``from helpers.stats import running_std as r``). A local variable
    named ``running_std`` (the learner's own result) is none of these."""
    from helpers.stats import running_std

    tree = _tree(func)
    if tree is None:
        return False
    if any(isinstance(node, ast.ImportFrom) and any(a.name == "running_std" for a in node.names)
           for node in ast.walk(tree)):
        return True
    scope = _scope(func)
    bound = {node.id for node in ast.walk(tree)
             if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load)}
    bound |= {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}

    def resolve(node: ast.AST) -> object:
        if isinstance(node, ast.Name):
            return None if node.id in bound else scope.get(node.id)
        if isinstance(node, ast.Attribute):
            return getattr(resolve(node.value), node.attr, None)
        return None

    return any(resolve(node) is running_std for node in ast.walk(tree)
               if isinstance(node, ast.Name | ast.Attribute))


_EPS32 = float(np.finfo(np.float32).eps)


def _float32_versions(x: np.ndarray) -> list[np.ndarray]:
    """The running standard deviation of ``x`` computed in float32 by the usual formulas
    (shifted by the first value, by the mean, not shifted)."""
    x32 = x.astype(np.float32)
    k = np.arange(1, x.size + 1, dtype=np.float32)
    out = []
    with np.errstate(all="ignore"):
        for d in (x32 - x32[0], x32 - x32.mean(), x32):
            var = np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2
            out.append(np.sqrt(np.maximum(var, np.float32(0))).astype(np.float64))
    return out


def _single_precision(raw, got: np.ndarray, x: np.ndarray) -> bool:
    """Whether a near-miss ``got`` is float32 arithmetic: returned in float32 or float16,
    every entry a float32 number (computed in float32, returned in float64), or within one
    float32 epsilon of a float32 computation; not an epsilon added or a rounding."""
    if np.asarray(raw).dtype in (np.float32, np.float16):
        return True
    if np.array_equal(got, got.astype(np.float32).astype(np.float64)):
        return True
    # x rounded to float32 first (x.astype(np.float32)), then computed in float64
    if np.allclose(got, _exact_running_std(x.astype(np.float32).astype(np.float64)),
                   rtol=1e-9, atol=1e-12):
        return True
    return any(np.allclose(got, ref, rtol=_EPS32, atol=0) for ref in _float32_versions(x))


def _running_std_hint(got: np.ndarray, x: np.ndarray) -> str:
    """The mistake behind a wrong running standard deviation of ``x`` (near 0)."""
    k = np.arange(1, x.size + 1)
    s1, s2 = np.cumsum(x), np.cumsum(x * x)
    var = np.maximum(s2 / k - (s1 / k) ** 2, 0.0)
    with np.errstate(all="ignore"):
        sample = np.sqrt(var * k / (k - 1))
    if np.allclose(got[1:], sample[1:], rtol=1e-6):
        return ("that is the sample standard deviation (divisor k - 1, ddof=1); the "
                "exercise asks for the population one, dividing by k (ddof=0, like np.std)")
    if np.allclose(got, var, rtol=1e-6):
        return "those are variances: take the square root"
    if np.allclose(got, np.full(x.size, x.std())):
        return ("that is the standard deviation of all the values, repeated; entry k - 1 "
                "should use only the first k")
    for d in (x, x - x[0], x - x.mean()):  # the shifts a learner is likely to use
        for wrong_k in (k + 1, np.maximum(k - 1, 1)):
            wrong = np.cumsum(d * d) / wrong_k - (np.cumsum(d) / wrong_k) ** 2
            if np.allclose(got[1:], np.sqrt(np.maximum(wrong, 0.0))[1:], rtol=1e-6):
                return ("off by one: the k-th cumulative sum adds up k values, so divide by 1, "
                    "2, ..., n")
    for c in (1.2e8, -3.0e9, *(sign * 10.0**p for p in range(1, 13) for sign in (1, -1))):
        d = x - c  # a fixed shift far from the data: the shortcut cancels the variance away
        with np.errstate(all="ignore"):
            shifted = np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))
        if np.allclose(got, shifted, rtol=1e-6, atol=1e-9):
            return (f"your function shifts the data by a fixed {c:.3g}, far from these values "
                    f"(near {np.median(x):.3g}): then sum(d**2)/k - mean(d)**2 subtracts two "
                    "huge, nearly equal numbers and rounding eats the variance. Shift by a "
                    "value of the data itself (x[0]), or centre on the running mean")
    return "not the running standard deviation: entry k - 1 should be np.std(x[:k])"


def _rounded_shift(got: np.ndarray, x: np.ndarray) -> float | None:
    """The shift ``c`` (x[0] rounded to 1 to 4 significant digits, or to a power of ten) when
    ``got`` matches sum(d**2)/k - mean(d)**2 for d = x - c better than for the unshifted x
    and lies closer to it than to the exact values; else None."""
    k = np.arange(1, x.size + 1)
    exact = _exact_running_std(x)

    def naive(c: float) -> np.ndarray:
        d = x - c
        with np.errstate(all="ignore"):
            return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))

    first = float(x[0])
    shifts = {float(f"{first:.{digits}g}") for digits in range(1, 5)}
    shifts |= {round(first, -power) for power in range(1, 9)}
    shifts = {c for c in shifts if c != first and c != 0}
    best, best_gap = None, float(np.nanmax(np.abs(got - naive(0.0))))
    for c in sorted(shifts):
        gap = float(np.nanmax(np.abs(got - naive(c))))
        if gap < best_gap:
            best, best_gap = c, gap
    if best is None or not best_gap < 0.5 * float(np.nanmax(np.abs(got - exact))):
        return None
    return best


@exercise_check
def check_running_std_of(running_std_of) -> str:
    """``running_std_of(x)``: np.std of the first k values for every k, vectorized, and
    accurate for data near 1.2e8 and -3.0e9."""
    gen = np.random.default_rng(8)
    x = gen.normal(5.0, 2.0, 50)
    if _calls_course_running_std(running_std_of):
        raise Wrong("your function calls the course's running_std: the exercise is to write "
                    "it yourself, from cumulative sums")
    with np.errstate(all="ignore"):  # a learner's 0/0 or sqrt(-1) becomes feedback
        raw = call(running_std_of, x.copy())
        got = _vector(raw, "running_std_of(x)", x.size)
    want = _exact_running_std(x)
    if not np.allclose(got, want, rtol=1e-9, atol=1e-12):
        if (np.allclose(got[1:], want[1:], rtol=1e-9, atol=1e-12)
                and not np.allclose(got[:1], want[:1], atol=1e-12)):
            raise Wrong(f"only the first entry is off: it is np.std(x[:1]), the spread of one "
                        f"value, which is 0; yours is {got[0]!r}")
        close = np.allclose(got, want, rtol=1e-3, atol=1e-3)
        if close and _single_precision(raw, got, x):
            raise Wrong("your values agree with the exact ones only to about single "
                        "precision (float32 keeps about 7 digits, too few for data near 1e8, "
                        "where its spacing is 8): compute and return them in float64")
        shift = got - want
        scale = max(1.0, float(np.max(np.abs(want))), abs(float(shift[0])))
        if np.all(np.isfinite(shift)) and np.ptp(shift) <= 1e-9 * scale:
            what = "an epsilon?" if close else "a fixed shift added to every entry?"
            raise Wrong(f"every entry of yours is off by the same {float(shift[0]):.2g}: a "
                        f"constant added to the result ({what}), which np.std never adds. "
                        "Entry k - 1 should be exactly np.std(x[:k]), with "
                        "nothing added, the first one 0")
        # a constant in the variance: deviations from the running mean plus a constant c
        # (E[(x - m - c)**2] = var + c**2), or c added before the square root
        extra = got**2 - want**2
        if (np.all(np.isfinite(extra)) and extra[0] > 0
                and np.ptp(extra) <= 1e-9 * max(1.0, float(np.max(want**2)), float(extra[0]))):
            c2 = float(extra[0])
            if close:  # a small constant: the batch-norm habit
                raise Wrong(f"your entries squared are np.std(x[:k])**2 plus the same "
                            f"{c2:.3g}: an epsilon added to the variance before the square "
                            "root (the batch-norm habit), which np.std never adds. Entry k - 1 "
                            "should be exactly np.std(x[:k]), the first one 0")
            raise Wrong(f"your entries squared are np.std(x[:k])**2 plus the same {c2:.3g}: "
                        "a constant added to the variance before the square root, or "
                        "deviations taken from the running mean shifted by a constant "
                        f"({math.sqrt(c2):.3g}: the mean of (x - mean - c)**2 is the variance "
                        "plus c**2). Centre each prefix on its own running mean, with nothing "
                        "added")
        if close:
            worst = float(np.max(np.abs(got - want)))
            raise Wrong(f"your values are close to the exact ones but not equal (off by up "
                        f"to {worst:.2g}): an epsilon added, or rounding? Entry k - 1 should "
                        "be exactly np.std(x[:k]), the first one 0")
        raise Wrong(_running_std_hint(got, x))
    grew = _loop_by_steps(running_std_of,
                          lambda m: (np.random.default_rng(m).normal(5.0, 2.0, m),), 500)
    if grew is not None:
        loop = _python_loop(running_std_of)  # names the loop, when the source shows it
        uses = f" (it uses {loop})" if loop is not None else ""
        raise Wrong(f"right values, but {grew}{uses}; the exercise asks for cumulative sums "
                    "and no Python loop (Python code run once per value is far slower than "
                    "compiled cumulative sums, and a loop over prefixes redoes the work, "
                    "quadratic in n)")
    blocks = _loop_over_blocks(running_std_of,
                               lambda m: (np.random.default_rng(m).normal(5.0, 2.0, m),),
                               500, 50_000)
    if blocks is not None:
        raise Wrong(f"right values, but {blocks}; the exercise asks for cumulative sums over "
                    "the whole array, with no Python loop over the values, not even in "
                    "blocks (np.cumsum runs the whole sum in compiled code)")
    pieces = _loop_over_pieces(running_std_of,
                               np.random.default_rng(9).normal(5.0, 2.0, 1_000))
    if pieces is not None:
        loop = _python_loop(running_std_of)
        uses = f" (it uses {loop})" if loop is not None else ""
        raise Wrong(f"right values, but {pieces}{uses}; the exercise asks for cumulative "
                    "sums over the whole array, with no Python loop over the values, not "
                    "even over a few blocks of them (carry nothing by hand: np.cumsum does)")
    convolutions = _convolutions_called(running_std_of, x.copy())
    if convolutions:
        raise Wrong(f"right values, but your function calls {' and '.join(convolutions)}: a "
                    "full convolution does up to n multiply-adds for each of the n entries, "
                    "time that grows like n squared (an FFT convolution: n log n, with "
                    "rounding errors of its own); the exercise asks for cumulative sums, "
                    "np.cumsum, one addition per value, in linear time")
    for size in (1, 2, 7, 1_000):
        other = gen.normal(-3.0, 10.0, size)
        values = "1 value" if size == 1 else f"{size:,} values"
        with np.errstate(all="ignore"):
            try:
                raw_other = call(running_std_of, other.copy())
            except Wrong as err:  # the learner's exception, named, not blamed on a length
                raise Wrong(f"right for 50 values, but on an input of {values} {err}: the "
                            "code must work for any length, down to a single value") from None
        shape = np.shape(raw_other)
        if shape != (size,):
            raise Wrong(f"right for 50 values, but for {values} it returns shape {shape}, "
                        f"not {(size,)}: count with len(x), not a fixed length")
        with np.errstate(all="ignore"):
            got_other = _vector(raw_other, "running_std_of(x)", size)
        if not np.allclose(got_other, _exact_running_std(other), rtol=1e-9, atol=1e-12):
            raise Wrong(f"right for 50 values but not for {values}: use only len(x) and the "
                        "values themselves (and the first entry, one value, has spread 0)")
    # two offsets, of either sign, not round: subtracting a rounded x[0] must not cancel them
    for centre in (123_456_789.123, -2_987_654_321.5):
        name = f"{centre:,.3f}"
        offset = centre + gen.normal(0.0, 1.0, 1_000)
        with np.errstate(all="ignore"):
            got_offset = _vector(call(running_std_of, offset.copy()), "running_std_of(x)",
                                 offset.size)
        want_offset = _exact_running_std(offset)
        if not np.allclose(got_offset, want_offset, rtol=1e-6, atol=1e-6):
            worst = np.nanmax(np.abs(got_offset - want_offset)) if np.isfinite(
                got_offset).any() else float("nan")
            nans = int(np.isnan(got_offset).sum())
            seen = f"{nans} NaN" if nans else f"errors up to {worst:.2g}"
            rounded = _rounded_shift(got_offset, offset)
            if rounded is not None:
                left = float(offset[0]) - rounded
                raise Wrong(f"right near 0, but on {name} + N(0, 1) data ({seen}) your sums "
                            f"cancel: you shift by {rounded:.6g}, a rounded value, which "
                            f"leaves the data about {abs(left):.2g} from 0, so the squares "
                            f"still subtract numbers near {left**2:.0e}; shift by a value of "
                            "the data itself (such as x[0], unrounded)")
            raise Wrong(f"right near 0, but on {name} + N(0, 1) data ({seen}) your sums "
                        f"cancel: sum(x**2)/k - mean**2 subtracts two numbers near "
                        f"{centre**2:.0e} (Day 3's trap); shift the data by a value taken "
                        "from the data (such as its first value) before squaring, whatever "
                        "its size or sign")
    if _quadratic_memory(running_std_of, 2_000):
        raise Wrong("right values, but your function builds an (n, n) array: its memory "
                    "and time grow like n squared; cumulative sums do it in linear time")
    return ("every prefix's standard deviation, in linear time, accurate to 1e-6 on data "
            "near 1.2e8 and near -3.0e9.")


#: sd of one height 4 sqrt(1 - U^2): E[h] = pi, E[h^2] = 16 * 2/3.
_HEIGHT_SD = math.sqrt(16 * 2 / 3 - math.pi**2)
#: sd of one hit-or-miss outcome 4 * 1{U1^2 + U2^2 < 1}.
_HIT_SD = 4 * math.sqrt(math.pi / 4 * (1 - math.pi / 4))


_HALF_PRECISION = ("your numbers are in half precision (float16 keeps about 3 digits: near "
                   "pi its steps are 0.002, so estimates from different draws coincide): "
                   "compute the heights in float64 (or float32)")


#: The course's seeding rule (Day 1, Exercise 3): a generator of the learner's own seeded
#: from a value that varies across calls by ``SEED_BITS`` bits or fewer (drawn below
#: ``2**SEED_BITS``, ``rng.integers(2**40)`` included) is rejected: such seeds repeat
#: across many calls (the birthday bound).
_SMALL_SEED_BOUND = 2**SEED_BITS


def _small_seeds_hint(first: object, bits: float) -> str:
    """The hint for a function that seeds a generator of its own (first seed ``first``) with
    values that vary across calls by about ``bits`` bits, ``SEED_BITS`` or fewer."""
    b = max(1, math.ceil(bits - 1e-9))
    even = math.sqrt(2 * math.log(2)) * 2 ** (b / 2)  # calls with an even chance of a repeat
    return (f"your function seeds a generator of its own with seed {first}, which varies "
            f"across calls by about {b} bits ({SEED_BITS} or fewer: an integer drawn below "
            f"2**{SEED_BITS}, the course's rule since Day 1), so n calls share a stream about "
            f"n**2 / 2**{b + 1} times (the birthday bound: an even chance of a repeat at about "
            f"{float(f'{even:.2g}'):,.0f} calls); draw from the rng argument itself (or a "
            "child from rng.spawn(1))")


_SCRAMBLED_SEED = (f"your function seeds a generator of its own from at most {SEED_BITS} bits "
                   "drawn from rng, scrambled (squared, shifted and xored, hashed, or two "
                   f"small draws put together): given two rngs whose first draws agree in "
                   f"those {SEED_BITS} bits it returns the same estimate. Scrambling spreads "
                   f"the bits over a wide seed but adds none: at most 2**{SEED_BITS} streams, "
                   "which repeat across calls (the birthday bound, Day 1's rule). Draw from "
                   "the rng argument itself (or a child from rng.spawn(1))")


_TORCH_SEED = ("your function seeds a torch.Generator with manual_seed, which keeps only the "
               "low 32 bits of the seed on the CPU (seeds s and s + 2**32 give the same "
               "stream): a 63-bit seed drawn from rng still makes at most 2**32 streams, which "
               "repeat across calls (the birthday bound, Day 1's rule). Draw the uniforms from "
               "the rng argument itself (torch.from_numpy(rng.random(n)) for a tensor)")


def _reference_estimates(seed: int, n: int) -> list[float]:
    """The estimates of the usual idioms (u, 1 - u, 2 u - 1 for rng.random(n)) from a
    generator seeded ``seed``."""
    u = np.random.default_rng(seed).random(n)
    return [float(np.mean(4 * np.sqrt(1 - v * v))) for v in (u, 1 - u, 2 * u - 1)]


def _constant_offset(pi_by_averaging, est: float, n: int) -> float | None:
    """The constant ``c`` when the estimates of ``pi_by_averaging`` with rng seeded 81 (its
    estimate ``est``), 82 and 83 are those of a usual idiom plus the same ``c`` (not 0):
    a constant added to every estimate (or to every height); else None."""
    for k, ref in enumerate(_reference_estimates(81, n)):
        c = est - ref
        if abs(c) <= 1e-9:
            return None  # the idiom itself: no offset
        for seed in (82, 83):
            with np.errstate(all="ignore"):
                other, _ = _estimate_and_se(call(pi_by_averaging, np.random.default_rng(seed),
                                                 n), f"pi_by_averaging(rng, {n})")
            if abs(other - _reference_estimates(seed, n)[k] - c) > 1e-9:
                break
        else:
            return c
    return None


def _offset_hint(c: float) -> str:
    return (f"every estimate of yours is the right average of the heights plus the same "
            f"{c:+.4g} (checked on three seeds of rng): a constant added to the estimate (or "
            "to every height), which the law of large numbers never removes: it is a bias, "
            "not noise. Return the plain mean of 4 sqrt(1 - u**2), with nothing added")


def _quiet_estimate(pi_by_averaging, rng) -> tuple[float, float]:
    """(estimate, standard error) of ``pi_by_averaging(rng, 2)``, as floats."""
    with np.errstate(all="ignore"):
        return _estimate_and_se(call(pi_by_averaging, rng, 2), "pi_by_averaging(rng, 2)")


def _uses_ddof_1(func) -> bool:
    """Whether ``func``'s source passes ``ddof=1`` to some call."""
    tree = _tree(func)
    return tree is not None and any(
        isinstance(node, ast.keyword) and node.arg == "ddof"
        and isinstance(node.value, ast.Constant) and node.value.value == 1
        for node in ast.walk(tree))


def _estimate_and_se(value, what: str) -> tuple[float, float]:
    try:
        parts = list(value)
    except TypeError:
        raise Wrong(f"{what} should return two numbers, (estimate, standard_error), got "
                    f"{type(value).__name__}") from None
    if len(parts) != 2:
        raise Wrong(f"{what} should return two numbers, (estimate, standard_error), got "
                    f"{len(parts)} values")
    return number(parts[0], "the estimate"), number(parts[1], "the standard error")


def _many_calls(pi_by_averaging, n: int, seed: int, count: int = 2_000) -> tuple:
    """(estimates, standard errors) of ``count`` successive calls at ``n`` with one rng."""
    rng, results = np.random.default_rng(seed), []
    with np.errstate(all="ignore"):
        for _ in range(count):
            results.append(_estimate_and_se(call(pi_by_averaging, rng, n),
                                            f"pi_by_averaging(rng, {n})"))
    return np.array(results).T


_MASK32 = 0xFFFFFFFF


def _untemper(y: int) -> int:
    """The MT19937 state word whose output (after Mersenne Twister's tempering) is ``y``."""
    def undo_right(value: int, shift: int) -> int:
        x = value
        for _ in range(32 // shift + 1):
            x = value ^ (x >> shift)
        return x & _MASK32

    def undo_left(value: int, shift: int, mask: int) -> int:
        x = value
        for _ in range(32 // shift + 1):
            x = value ^ ((x << shift) & mask)
        return x & _MASK32

    y = undo_right(y, 18)
    y = undo_left(y, 15, 0xEFC60000)
    y = undo_left(y, 7, 0x9D2C5680)
    return undo_right(y, 11)


def _close_uniforms(start: float) -> np.random.Generator:
    """A Generator whose 32-bit outputs are ``start * 2**32`` plus 0, 2**10, 2 * 2**10, ...:
    its uniforms lie 2**-21 apart (float64, two outputs each) or 2**-22 apart (float32 and
    rng.integers below 2**32, one output each) from ``start`` up, so a grid of a million
    points puts most pairs in one cell, and float32's 2**24 values keep them apart."""
    base = int(start * 2**32)
    bit_generator = np.random.MT19937(0)
    state = bit_generator.state
    state["state"]["key"] = np.array([_untemper((base + (k << 10)) & _MASK32)
                                      for k in range(624)], dtype=np.uint32)
    state["state"]["pos"] = 0
    bit_generator.state = state
    return np.random.Generator(bit_generator)


#: Calls with uniforms 2**-21 or 2**-22 apart (near 0.55 to 0.85, where a height changes at
#: least 2.6 times as fast as u: float32 heights still differ by 2 or more of their steps).
_CLOSE_CALLS = 30


def _equal_close_heights(pi_by_averaging) -> int:
    """In how many of ``_CLOSE_CALLS`` calls at n = 2, on uniforms 2**-21 apart, the two
    heights were equal (standard error 0): any for uniforms from a grid coarser than a few
    million points (10**6: about half of the calls), none for continuous ones."""
    equal = 0
    # starts at random places between grid points (a round start sits on a cell boundary)
    for start in np.random.default_rng(85).uniform(0.55, 0.85, _CLOSE_CALLS):
        with np.errstate(all="ignore"):
            _, se = _estimate_and_se(call(pi_by_averaging, _close_uniforms(float(start)), 2),
                                     "pi_by_averaging(rng, 2)")
        equal += se == 0
    return equal


@exercise_check
def check_pi_by_averaging(pi_by_averaging) -> str:
    """``pi_by_averaging(rng, n)``: (mean of 4 sqrt(1 - U^2) over n uniforms from rng, its
    standard error with ddof=1), no Python loop."""
    n = 10_000
    what = f"pi_by_averaging(rng, {n})"
    with np.errstate(all="ignore"):
        raw = call(pi_by_averaging, np.random.default_rng(81), n)
        est, se = _estimate_and_se(raw, what)
    if any(getattr(part, "dtype", None) == np.float16 for part in raw):
        raise Wrong(_HALF_PRECISION)
    if not (math.isfinite(est) and math.isfinite(se)):
        raise Wrong(f"your function returned ({est}, {se}): both should be finite numbers")
    if abs(se - math.pi) <= 0.1 and 0 < est < 0.1:
        raise Wrong(f"your function returned ({est:.4f}, {se:.4f}): the standard error "
                    "first and the estimate second; return (estimate, standard_error)")
    offset = _constant_offset(pi_by_averaging, est, n)
    if offset is not None:
        raise Wrong(_offset_hint(offset))
    if abs(est - math.pi) > 0.1:
        raise Wrong(f"your estimate is {est:.4f}, far from pi: average 4 sqrt(1 - u**2) over "
                    "uniform draws u in [0, 1)")
    if se <= 0:
        raise Wrong("the standard error should be positive: the sample standard deviation of "
                    "the heights over sqrt(n)")
    scaled = se * math.sqrt(n)  # the sd of one height, if se is right
    if abs(math.log(scaled / _HEIGHT_SD)) > 0.05:
        if abs(math.log(scaled / _HIT_SD)) < 0.05:
            raise Wrong("that standard error is hit-or-miss's (section 6); the exercise "
                        "averages the heights 4 sqrt(1 - u**2), whose spread is smaller")
        if abs(math.log(se / _HEIGHT_SD)) < 0.05:
            raise Wrong("that is the standard deviation of one height; the standard error of "
                        "a mean of n of them divides it by sqrt(n)")
        if abs(math.log(se * n / _HEIGHT_SD)) < 0.05:
            raise Wrong("the standard error divides the standard deviation by sqrt(n), not "
                        "by n")
        raise Wrong(f"your standard error is {se:.2g}, not the spread of a mean of {n:,} "
                    "heights: the sample standard deviation of the heights over sqrt(n)")
    for m in (n - 1, n + 1):  # the same seed's first m uniforms, in the usual idioms
        u = np.random.default_rng(81).random(m)
        if any(math.isclose(est, float(np.mean(4 * np.sqrt(1 - v * v))), rel_tol=1e-9)
               for v in (u, 1 - u, 2 * u - 1)):
            raise Wrong(f"your estimate averages {m:,} heights for n = {n:,}: draw exactly n "
                        "uniforms")
    grew = _loop_by_steps(pi_by_averaging, lambda m: (np.random.default_rng(m), m), 500)
    if grew is not None:
        loop = _python_loop(pi_by_averaging)  # names the loop, when the source shows it
        uses = f" (it uses {loop})" if loop is not None else ""
        raise Wrong(f"right numbers, but {grew}{uses}; draw all n uniforms in one call and "
                    "average the array, without a Python loop")
    blocks = _loop_over_blocks(pi_by_averaging, lambda m: (np.random.default_rng(m), m),
                               500, 50_000)
    if blocks is not None:
        raise Wrong(f"right numbers, but {blocks}; draw all n uniforms in one call and "
                    "average the array, with no Python loop over the draws, not even in "
                    "blocks")
    if "RandomState" in _names_in(pi_by_averaging):
        raise Wrong("your function makes a legacy RandomState: draw with the rng argument "
                    "(a Generator) itself")
    seeds = []
    for seed in (81, 82, 83):
        given = np.random.default_rng(seed)  # made outside the watch: not the learner's
        with watch_seeding(pi_by_averaging) as seeding, np.errstate(all="ignore"):
            call(pi_by_averaging, given, 2)
        seeds.append(seeding.seeds)
    if seeds[0] and seeds[0] == seeds[1] == seeds[2]:
        raise Wrong(f"your function seeds a generator of its own with {seeds[0][0]} whatever "
                    "rng it is given: draw the uniforms from the rng argument")
    keys, own_seeds, hashes = [], [], 0
    for seed in range(100, 120):  # enough calls to see how far each seed position varies
        given = np.random.default_rng(seed)
        with watch_seeding(pi_by_averaging) as seeding, np.errstate(all="ignore"):
            call(pi_by_averaging, given, 2)
        keys.append(seeding.keys)
        own_seeds += seeding.seeds
        hashes += seeding.hashes
    if hashes and any(keys):  # as Day 1's worker_rngs, Day 5's gain and Day 9: no hash()
        raise Wrong(hashed_seed_hint("estimates"))
    # seeds that step by one constant from call to call (a counter, SEED + next(count)): they
    # follow the calls, not rng
    if len(own_seeds) == len(keys) and constant_step(own_seeds) is not None:
        raise Wrong(f"your function seeds a generator of its own with {own_seeds[0]}, "
                    f"{own_seeds[1]}, {own_seeds[2]}, ... in calls with different rng: seeds "
                    "that follow the calls (a counter, or arithmetic on a fixed number such "
                    "as SEED), not rng, so the estimate is not reproducible from rng and two "
                    "runs share streams; draw from the rng argument itself (or a child from "
                    "rng.spawn(1))")
    bits = seed_bits(keys)
    small = bool(own_seeds) and max(own_seeds) < _SMALL_SEED_BOUND  # all drawn below 2**40
    if small or (bits is not None and bits < SEED_BITS):
        if bits is None or bits >= SEED_BITS:
            bits = math.log2(max(own_seeds) + 1)
        first = keys[0][0] if len(keys[0]) == 1 else keys[0]
        raise Wrong(_small_seeds_hint(first, bits))
    if own_seeds and narrow_first_draw(lambda rng: _quiet_estimate(pi_by_averaging, rng),
                                       halves=True):
        if "manual_seed" in _names_in(pi_by_averaging):
            raise Wrong(_TORCH_SEED)
        raise Wrong(_SCRAMBLED_SEED)
    again = _estimate_and_se(call(pi_by_averaging, np.random.default_rng(81), n), what)
    if again != (est, se):
        raise Wrong("the same rng seed gave another estimate: draw every number from the rng "
                    "argument, not from a generator of your own")
    estimates = [est] + [
        _estimate_and_se(call(pi_by_averaging, np.random.default_rng(seed), n), what)[0]
        for seed in range(90, 99)]
    if len(set(estimates)) < len(estimates):
        if all(float(np.float16(e)) == e for e in estimates):  # rounded to float16's grid
            raise Wrong(_HALF_PRECISION)
        raise Wrong("calls with different rng gave the same estimate: draw the uniforms from "
                    "the rng argument (not a fixed grid, a fixed seed or a generator made "
                    "from a few seeds)")
    chi2 = float(np.sum((np.array(estimates) - math.pi) ** 2)) * n / _HEIGHT_SD**2
    if chi2 > 45:  # ~ chi2 with 10 df; P(chi2_10 > 45) is about 2e-6
        # all off by about the same amount (other draws than the usual idioms', plus a
        # constant): about chi2 with 9 df around their own mean, above 30 with odds 4e-4
        bias = float(np.mean(estimates)) - math.pi
        spread = float(np.sum((np.array(estimates) - math.pi - bias) ** 2)) * n / _HEIGHT_SD**2
        if spread < 30:
            raise Wrong(f"your estimates are all off from pi by about {bias:+.2g} (the mean "
                        f"over {len(estimates)} seeds of rng, each within its standard error "
                        "of pi plus that): a constant added to every estimate (or height)? "
                        "That is a bias, which more draws never remove: return the plain "
                        "mean of 4 sqrt(1 - u**2)")
        raise Wrong("your estimates stray from pi far more than their standard error allows: "
                    "each should average n fresh heights 4 sqrt(1 - u**2)")
    small_est, small_se = _many_calls(pi_by_averaging, 2, 84)
    count = small_est.size
    if np.unique(small_est).size < count - 5:
        raise Wrong("successive calls repeat their estimates: draw every uniform from the "
                    "rng argument (a generator made from rng with a few seeds collides)")
    if not small_se.any():
        raise Wrong("at n = 2 your standard error is always 0, so your two heights are equal: "
                    "each height must come from its own independent uniform draw")
    if np.ptp(small_se) == 0:
        raise Wrong(f"your standard error is {small_se[0]:.4g} on every call at n = 2: "
                    "estimate it from the call's own draws (their sample standard deviation "
                    "over sqrt(n)), not from the exact formula")
    ratio = float(np.mean(2 * small_se**2)) / _HEIGHT_SD**2  # E[s^2] = sd^2 with ddof=1
    if abs(ratio - 1) > 0.15:  # the mean of 2,000 values of s^2: about 4% standard error
        # s / sqrt(n - 1) makes n se^2 average n / (n - 1) sd^2: 2 at n = 2, 1.5 at n = 3
        _, se_3 = _many_calls(pi_by_averaging, 3, 83)
        ratio_3 = float(np.mean(3 * se_3**2)) / _HEIGHT_SD**2
        if abs(ratio - 2) < 0.2 and abs(ratio_3 - 1.5) < 0.15:
            raise Wrong("at n = 2 and 3 your squared standard errors average n / (n - 1) times "
                        "what they should: divide the sample standard deviation (ddof=1) by "
                        "sqrt(n), not sqrt(n - 1)")
        if abs(ratio - 0.5) < 0.12:
            raise Wrong("at n = 2 your squared standard errors average half what they should: "
                        "the sample standard deviation divides by n - 1 (ddof=1), not n")
        if 0.2 < ratio < 5 and _uses_ddof_1(pi_by_averaging):
            raise Wrong(f"at n = 2 your squared standard errors average {ratio:.2f} times what "
                        "they should although you use ddof=1: ddof=1 is unbiased only for n "
                        "independent heights, so check that each height has its own uniform "
                        "draw (no pairs u and 1 - u, no repeats, no strata) and that you "
                        "divide by sqrt(n)")
        raise Wrong("at n = 2 your standard error is off (its square should estimate sd**2 / 2 "
                    "without bias): use the heights' sample standard deviation, ddof=1, over "
                    "sqrt(n)")
    # the spread of the estimates over many calls against the standard errors they report:
    # for n independent heights mean((est - pi)**2) / mean(se**2) is chi2_K / K (K = 1,000
    # calls, sd 0.045), outside [1/1.5, 1.5] with odds 1e-17; draws used twice give 2, four
    # times 4 (below 1.5 with odds 5e-10), antithetic pairs far below 1
    mid_est, mid_se = _many_calls(pi_by_averaging, 100, 86, count=1_000)
    spread = float(np.mean((mid_est - math.pi) ** 2) / np.mean(mid_se**2))
    if not 1 / 1.5 <= spread <= 1.5:
        if spread > 1:
            why = (f"{spread:.1f}: each draw used about {spread:.0f} "
                   "times (np.resize, np.tile or np.repeat of fewer than n uniforms)? Repeats "
                   "are not independent heights, so sd / sqrt(n) understates the error")
        else:
            why = (f"only {spread:.2f}: heights that are not independent "
                   "(antithetic pairs u and 1 - u, strata), whose error sd / sqrt(n) "
                   "overstates")
        raise Wrong(f"over 1,000 calls at n = 100 the squared distance of your estimates from "
                    f"pi averages your squared standard error times {why}. Draw n fresh "
                    "uniforms on every call, each used once")
    # at n = 2 the heights are estimate ± se (se = |h1 - h2| / 2), so both lie in [0, 4]
    if np.any((small_est + small_se > 4 + 1e-5) | (small_est - small_se < -1e-5)):
        raise Wrong("at n = 2 your estimate and standard error cannot come from the same two "
                    "heights (estimate ± standard error would be those heights, both in "
                    "[0, 4]): compute both from the same n draws, not from two calls of rng")
    # the heights at n = 2 are estimate ± se: 4,000 draws of a continuous uniform give
    # 4,000 distinct heights (float32's 2**24 values: a repeat or two at most); a grid of m
    # points gives at most m, and biases the mean (left endpoints: +2 / m for m points)
    heights = np.concatenate([small_est + small_se, small_est - small_se])
    distinct = np.unique(np.round(heights, 9)).size
    if distinct < heights.size - 20:
        raise Wrong(f"at n = 2 your {heights.size:,} heights take only {distinct:,} distinct "
                    "values: your uniforms come from a grid (such as rng.integers(0, 1000, n) "
                    "/ 1000), which biases the estimate; draw continuous uniforms, "
                    "rng.random(n)")
    # a finer grid shows when two uniforms very close together give one height
    equal = _equal_close_heights(pi_by_averaging)
    if equal:
        raise Wrong(f"given uniforms only 2**-22 to 2**-21 apart (near 0.55 to 0.85), your "
                    f"two heights at n = 2 were equal in {equal} of {_CLOSE_CALLS} calls: your "
                    "uniforms come from a grid of about a million values or fewer (such as "
                    "rng.integers(0, 10**6, n) / 10**6, or np.round(u, 6)), which biases the "
                    "estimate; draw continuous uniforms, rng.random(n) (float64, or float32, "
                    "whose 2**24 values keep them apart)")
    fewer = (_HIT_SD / _HEIGHT_SD) ** 2
    return (f"your estimates centre on pi with a standard error of about {_HEIGHT_SD:.2f} / "
            f"sqrt(n), its square estimated without bias even at n = 2; hit-or-miss's "
            f"{_HIT_SD:.2f} / sqrt(n) needs {fewer:.1f} times as many points for the same "
            "precision.")
