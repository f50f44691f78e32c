"""Try first, then check: one line of feedback on an exercise answer.

Every exercise in the course is four cells:

1. the prompt (Markdown);
2. a "your turn" cell (tag ``your-turn``) whose placeholder ``...`` the learner replaces;
3. a check cell (tag ``check``) that calls the day's check on the learner's answer;
4. a hidden solution (tag ``solution``) that defines ``<name>_solution`` (so it never
   overwrites the learner's own ``<name>``) and calls ``check_<name>.solution(...)`` on it.

A check shows one verdict (wrapped at 100 characters) and never the answer:

- ``✓ Correct: ...`` when the answer passes;
- ``✗ Not yet: <hint>`` with a hint on the mistake it detected;
- ``○ Not attempted yet: ...`` while the answer is still the placeholder, so that Run All,
  papermill and nbval go on past an unanswered exercise.

In a notebook the verdict is a display with two renditions: coloured HTML where the front
end renders it (JupyterLab, Colab, the course site) and the same words as plain text for
nbval, papermill and terminals; outside a kernel it is printed.

``check_<name>.solution(answer)`` is for the hidden solution cell only: it shows a line
that starts "Reference solution" (never a ✓, so that after Run All it cannot be taken for
the learner's own verdict), and raises ``AssertionError`` if the solution fails its check.

A day's checks live in ``helpers.checks.dayNN``. Each is a function decorated with
:func:`exercise_check` that receives the learner's answer, raises :class:`Wrong` with a
hint when the answer fails, and returns a short sentence saying what it verified. Use
:func:`answer` for a value and :func:`call` for the learner's function: both treat the
placeholder as "not attempted", and :func:`call` turns an error inside the learner's code
into feedback instead of a traceback.

This is a much lighter cousin of otter-grader's public tests and nbgrader's autograded
cells: no grading, no hidden tests, one honest sentence of feedback.
"""

from __future__ import annotations

import contextlib
import functools
import html
import inspect
import numbers
import random
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

CORRECT, WRONG, NOT_ATTEMPTED = "correct", "wrong", "not attempted"
SYMBOLS = {CORRECT: "✓ Correct:", WRONG: "✗ Not yet:", NOT_ATTEMPTED: "○ Not attempted yet:"}
PLACEHOLDER_NOTE = "replace the ... in the cell above with your answer, then run this cell."
SOLUTION = "solution"
SOLUTION_NOTE = ("Reference solution: it passes this check. (This line is about the solution "
                 "above; your own verdict is the one under your check cell.)")
WIDTH = 100  # the course's longest printed line
COLOURS = {CORRECT: "#1a7f37", WRONG: "#cf222e", NOT_ATTEMPTED: "#57606a", SOLUTION: "#57606a"}


class Wrong(Exception):
    """The answer fails the check; the message is the hint shown to the learner."""


class NotAttempted(Exception):
    """The answer is still the ``...`` placeholder."""


def answer(value: Any) -> Any:
    """Return the learner's ``value``, or raise :class:`NotAttempted` for the placeholder.

    The placeholder is ``...`` (or ``None``, what a function whose body is ``...`` returns).

    Examples
    --------
    >>> answer(3)
    3
    >>> answer(...)
    Traceback (most recent call last):
    ...
    helpers.exercises.NotAttempted
    """
    if value is ... or value is None:
        raise NotAttempted
    return value


def call(func: Any, *args: Any, needs_random: bool = True, **kwargs: Any) -> Any:
    """Call the learner's ``func``; feedback instead of a traceback if it fails.

    Raises :class:`NotAttempted` if ``func`` is still the placeholder or returns it, and
    :class:`Wrong` if it is not callable, raises (naming the error), changes an array, a
    PyTorch tensor or a list of numbers given as an argument in place (naming the
    argument), or draws from the legacy global
    ``np.random`` state, seeds or draws from Python's global ``random`` module, or (if
    PyTorch is loaded) seeds or draws from PyTorch's global generator (the hint points to the
    ``rng`` it was given, if it was given one).

    A draw that a library makes inside the learner's code is undone, not blamed. With
    ``needs_random=False`` (for an exercise whose answer involves no randomness) any draw is
    undone and only code of the learner's own module that calls a legacy ``np.random``
    function while it runs is told it used the global state: a learner's helper may call a
    library that draws (SciPy's ``fractional_matrix_power`` does, and so does sklearn's PCA
    with ``svd_solver="randomized"``).

    Examples
    --------
    >>> call(lambda x: 2 * x, 4)
    8
    >>> call(lambda x: 1 / x, 0)
    Traceback (most recent call last):
    ...
    helpers.exercises.Wrong: your code raised ZeroDivisionError: division by zero
    >>> def center(x):
    ...     x -= x.mean()
    ...     return x
    >>> call(center, np.arange(3.0))
    Traceback (most recent call last):
    ...
    helpers.exercises.Wrong: your code changed its argument x in place; leave the caller's array as it is and return a new one
    """
    func = answer(func)
    if not callable(func):
        raise Wrong(f"expected a function, got {type(func).__name__}")
    arrays = {name: copy for name, value in _named_arguments(func, args, kwargs)
              if (copy := _snapshot(value)) is not None}
    # The call starts from a state no seed reaches (np.random.seed(s) and any draw move it),
    # not from whatever the caller left: an answer that reseeds with the seed it was given
    # and draws would otherwise leave the state as it found it after an earlier call.
    saved = np.random.get_state()  # noqa: NPY002
    np.random.set_state(_SENTINEL_STATE)  # noqa: NPY002
    legacy = _legacy_state()
    stdlib = random.getstate()
    torch_saved = _enter_torch_sentinel()
    watch = contextlib.nullcontext([]) if needs_random else _watch_legacy(func)
    try:
        with watch as learner_calls:
            result = func(*args, **kwargs)
    except (Wrong, NotAttempted):
        raise
    except Exception as err:  # noqa: BLE001 (the learner's bug becomes feedback)
        raise Wrong(f"your code raised {type(err).__name__}: {err}") from None
    finally:
        moved = legacy != _legacy_state()
        np.random.set_state(saved)  # noqa: NPY002 (the caller's state, as it was)
        torch_moved = _leave_torch_sentinel(torch_saved)
    if moved:
        # needs_random=False: judged by what ran (the learner's own code called np.random),
        # not by the word "random" in its source (svd_solver="randomized" draws in sklearn)
        excused = (not learner_calls if not needs_random
                   else _library_drew(func, args, kwargs))
        if not excused:
            raise Wrong(_legacy_hint(func, args, kwargs))
    if stdlib != random.getstate():
        if not _library_drew(func, args, kwargs):
            raise Wrong(_legacy_hint(func, args, kwargs, stdlib=True))
        random.setstate(stdlib)
    if torch_moved and not _torch_library_drew(func, args, kwargs):
        raise Wrong(_legacy_hint(func, args, kwargs, torch=True))
    for name, value in _named_arguments(func, args, kwargs):
        if name in arrays and not _unchanged(arrays[name], value):
            kind = "list" if isinstance(value, list) else "array"
            kind = "tensor" if _is_tensor(value) else kind
            raise Wrong(f"your code changed its argument {name} in place; leave the caller's "
                        f"{kind} as it is{_instead(result, name, kind)}")
    if result is None and not _is_placeholder(func):
        raise Wrong("your function returned None: did you forget `return` at the end?")
    return answer(result)


def _instead(result: Any, name: str, kind: str) -> str:
    """What to do instead of changing the argument ``name`` in place, fitted to what the
    function returns: "return a new one" if it returns an array, tensor or list (a changed
    copy of it, most likely), else (a number, a tuple) "work on a copy"."""
    if isinstance(result, list) or (
            (isinstance(result, np.ndarray) or _is_tensor(result)) and result.ndim > 0):
        return " and return a new one"
    copy = {"list": f"list({name})", "tensor": f"{name}.clone()"}.get(kind, f"{name}.copy()")
    return f": work on a copy ({copy})"


def _is_tensor(value: Any) -> bool:
    """Whether ``value`` is a PyTorch tensor (without importing PyTorch)."""
    return type(value).__module__.split(".")[0] == "torch" and hasattr(value, "clone")


def _plain(value: Any) -> bool:
    """Whether ``value`` is a list of Python numbers, or of such lists, at any depth."""
    return all(_plain(v) if isinstance(v, list) else type(v) in (int, float, bool)
               for v in value)


def _snapshot(value: Any) -> Any:
    """A copy of an argument :func:`call` watches for in-place changes (an array, a tensor,
    a list of numbers given as its ``repr``), else ``None``."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if _is_tensor(value):
        return value.detach().clone()
    if isinstance(value, list) and _plain(value):
        return repr(value)
    return None


def _unchanged(before: Any, value: Any) -> bool:
    """Whether ``value`` still equals its :func:`_snapshot` ``before`` (NaN equals NaN)."""
    if isinstance(before, str):
        return before == repr(value)
    if isinstance(before, np.ndarray):
        return np.array_equal(before, value, equal_nan=True)
    after = value.detach()
    if before.shape != after.shape or before.dtype != after.dtype:
        return False
    same = before == after
    if before.is_floating_point() or before.is_complex():
        same |= before.isnan() & after.isnan()
    return bool(same.all())


def _placeholder_body(*args: Any, **kwargs: Any) -> None:
    ...


def _placeholder_with_docstring(*args: Any, **kwargs: Any) -> None:
    """A docstring, then ``...``."""
    ...  # noqa: PIE790 (the placeholder as learners see it)


def _is_placeholder(func: Callable) -> bool:
    """Whether ``func``'s body does nothing (``...``, ``pass``, a docstring): the exercise's
    untouched placeholder, as opposed to code that forgot to ``return``.

    Examples
    --------
    >>> def untouched(x):
    ...     ...
    >>> def forgot(x):
    ...     y = 2 * x
    >>> _is_placeholder(untouched), _is_placeholder(forgot), _is_placeholder(print)
    (True, False, False)
    """
    code = getattr(func, "__code__", None)
    return code is not None and code.co_code in (_placeholder_body.__code__.co_code,
                                                  _placeholder_with_docstring.__code__.co_code)


def _library_drew(func: Callable, args: tuple, kwargs: dict) -> bool:
    """Whether a change of the global state came from a library the learner called (SciPy's
    ``onenormest`` draws from ``np.random``, for instance), not from the learner's code:
    the function takes no Generator, and its readable source never names ``random``."""
    given = any(isinstance(a, np.random.Generator) for a in (*args, *kwargs.values()))
    try:
        given = given or "rng" in inspect.signature(func).parameters
        source = inspect.getsource(func)
    except (TypeError, ValueError, OSError):
        return False
    code = getattr(func, "__code__", None)
    if given or "random" in source or code is None:
        return False
    closure = [c.cell_contents for c in (func.__closure__ or ()) if _has_contents(c)]
    named = [func.__globals__.get(name) for name in code.co_names] + closure
    return all(obj is None or inspect.ismodule(obj)
               or (getattr(obj, "__module__", None) or "").split(".")[0] in _LIBRARIES
               for obj in named)


#: What a learner's own use of PyTorch's global generator looks like in source: its seeding
#: and its random functions (torch.rand, randn, randint, randperm, normal, bernoulli,
#: multinomial, dropout, ...), none of which a library call needs to name.
_TORCH_RANDOM_WORDS = re.compile(r"seed|rand|normal|bernoulli|multinomial|dropout|uniform|"
                                 r"exponential|poisson|cauchy|geometric")


def _torch_library_drew(func: Callable, args: tuple, kwargs: dict) -> bool:
    """:func:`_library_drew` for PyTorch's global generator: also not when the source names
    one of its random functions (``torch.manual_seed(s)`` holds no word "random")."""
    try:
        source = inspect.getsource(func)
    except (TypeError, ValueError, OSError):
        return False
    return not _TORCH_RANDOM_WORDS.search(source) and _library_drew(func, args, kwargs)


@contextlib.contextmanager
def _watch_legacy(func: Callable) -> Iterator[list[str]]:
    """Record, in the list it yields, the names of the legacy ``np.random`` functions
    (``seed``, ``rand``, ``shuffle``, ...: those of the global RandomState) that code of
    ``func``'s own module calls while the block runs, reached through ``np.random`` or
    under any name in ``func``'s globals (``from numpy.random import rand``); a library's
    calls (sklearn's randomized SVD draws from the global state) are not recorded. All
    restored afterwards."""
    learner = getattr(func, "__globals__", None)
    calls: list[str] = []
    if not isinstance(learner, dict):
        yield calls
        return
    glob = np.random.mtrand._rand
    names = [name for name in dir(np.random) if not name.startswith("_")
             and (getattr(getattr(np.random, name), "__self__", None) is glob
                  or name == "seed")]
    undo: list[tuple[Any, str, Any]] = []

    def watched(name: str, original: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if sys._getframe(1).f_globals is learner:  # called by the learner's own code
                calls.append(name)
            return original(*args, **kwargs)
        return wrapper

    for name in names:
        original = getattr(np.random, name)
        replacement = watched(name, original)
        undo.append((np.random, name, original))
        setattr(np.random, name, replacement)
        for alias in [k for k, v in learner.items() if v is original]:
            undo.append((learner, alias, original))
            learner[alias] = replacement
    try:
        yield calls
    finally:
        undo_patches(undo)


def undo_patches(undo: list[tuple[Any, str, Any]]) -> None:
    """Put back, last first, what a watch replaced: each ``(home, name, original)`` of
    ``undo``, where ``home`` is a module, a class or a namespace dict (the learner's globals,
    where an alias was replaced too)."""
    for home, name, original in reversed(undo):
        if isinstance(home, dict):
            home[name] = original
        else:
            setattr(home, name, original)


#: Packages whose functions may draw from ``np.random`` internally (not the learner's code).
_LIBRARIES = {"numpy", "scipy", "sklearn", "torch", "math", "statistics", "builtins"}


def _has_contents(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018 (an empty cell raises)
    except ValueError:
        return False
    return True


def _legacy_hint(func: Callable, args: tuple, kwargs: dict, stdlib: bool = False,
                 torch: bool = False) -> str:
    """The hint for a draw from the global state (``np.random``'s, with ``stdlib`` that
    of Python's ``random`` module, with ``torch`` PyTorch's global generator): point to the
    Generator only if one was passed (or the function has an ``rng`` parameter)."""
    said = ("your code drew from the global np.random state (np.random.seed, np.random.rand, "
            "...)")
    module = "random" if stdlib else "np.random"
    if stdlib:
        said = ("your code used the global state of Python's random module (random.seed, "
                "random.random, ...)")
    if torch:
        said = ("your code used PyTorch's global generator (torch.manual_seed, or a draw "
                "such as torch.rand without generator=)")
        module = "PyTorch's global generator"
    given = any(isinstance(a, np.random.Generator) for a in (*args, *kwargs.values()))
    try:
        given = given or "rng" in inspect.signature(func).parameters
    except (TypeError, ValueError):
        pass
    if given:
        return f"{said}; draw from the Generator you were given instead"
    return (f"{said}, which shifts every later draw of other code; this function needs no "
            f"global random state: leave {module} alone (if you "
            "need random numbers, use a Generator, np.random.default_rng)")


#: How many checks watch PyTorch's global generator themselves right now
#: (:func:`helpers.checks._seeding.watch_torch_global`, with hints of their own): while one
#: does, :func:`call` leaves a changed state for it to see instead of judging it.
TORCH_WATCHES = [0]


def _enter_torch_sentinel() -> Any:
    """If PyTorch is loaded, move its global generator on by a few draws (keeping the
    caller's seed, which ``torch.initial_seed()`` reports) and return the caller's state and
    the moved one, for :func:`_leave_torch_sentinel`; else None. Like ``np.random``'s
    sentinel, the moved state lets a learner's reseed be seen even when the caller left the
    state just seeded with that very seed. It takes no ``manual_seed``: a check may be
    watching the learner's seeding."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    saved = torch.get_rng_state()
    torch.rand(7)
    return saved, torch.get_rng_state()


def _leave_torch_sentinel(entered: Any) -> bool:
    """Restore the caller's PyTorch state saved by :func:`_enter_torch_sentinel`, and say
    whether the learner's code changed the global generator (reseeded it or drew from it).
    While a check watches that generator itself (:data:`TORCH_WATCHES`), a changed state is
    left in place for its watch to see and restore, and False returned."""
    if entered is None:
        return False
    torch = sys.modules["torch"]
    saved, sentinel = entered
    moved = not torch.equal(sentinel, torch.get_rng_state())
    if moved and TORCH_WATCHES[0]:
        return False
    torch.set_rng_state(saved)
    return moved


#: The global ``np.random`` state every :func:`call` starts from: MT19937 words filled from
#: a SeedSequence, not by ``np.random.seed``'s own initialization, so a learner's reseed
#: does not land on it.
_SENTINEL_STATE = np.random.RandomState(np.random.MT19937(
    np.random.SeedSequence(0x5E17_1E15_7A7E_0F_C0_FFEE_D0_0D))).get_state()


def _legacy_state() -> tuple:
    """The global ``np.random`` state in full: a draw moves ``pos`` (and the cached
    Gaussian) long before it changes the 624-word ``key``, which changes only every 624
    words."""
    state = np.random.get_state(legacy=False)  # noqa: NPY002
    return (state["state"]["key"].tobytes(), state["state"]["pos"], state["has_gauss"],
            state["gauss"])


def _named_arguments(func: Callable, args: tuple, kwargs: dict) -> list[tuple[str, Any]]:
    """``(name, value)`` of each argument, by the learner's parameter names when known."""
    try:
        bound = inspect.signature(func).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return [(f"#{i + 1}", a) for i, a in enumerate(args)] + list(kwargs.items())
    return list(bound.arguments.items())


def a_type(value: Any) -> str:
    """The name of ``value``'s type with its article, for a hint: "a list", "an int", "an
    ndarray" (said letter by letter: en-dee-array).

    >>> a_type([]), a_type(3), a_type(np.zeros(2))
    ('a list', 'an int', 'an ndarray')
    """
    name = type(value).__name__
    vowel_sound = name[:1].lower() in "aeiou" or name.lower().startswith("nd")
    return f"{'an' if vowel_sound else 'a'} {name}"


def number(value: Any, what: str) -> float:
    """The learner's ``value`` as a float if it is one real number, else :class:`Wrong`.

    Python and NumPy scalars of any real dtype, any other real number type
    (``fractions.Fraction``: a share computed as ``Fraction(count, total)``) and 0-d (or
    one-element) arrays count.

    Examples
    --------
    >>> number(np.float32(0.5), "the mean")
    0.5
    >>> number(np.array([2]), "the count")
    2.0
    >>> from fractions import Fraction
    >>> number(Fraction(3, 8), "the share")
    0.375
    >>> number([1, 2], "the mean")
    Traceback (most recent call last):
    ...
    helpers.exercises.Wrong: the mean should be one number, got a list of 2 values
    """
    value = answer(value)
    if isinstance(value, numbers.Real):  # Python, NumPy and other real scalars (Fraction)
        return float(value)
    arr = np.asarray(value)
    if arr.dtype == object or arr.dtype.kind not in "biuf" or arr.size != 1:
        size = f" of {arr.size} values" if arr.size != 1 else ""
        raise Wrong(f"{what} should be one number, got {a_type(value)}{size}")
    return float(arr.reshape(()))


def verdict(check: Callable[..., str | None], *answers: Any) -> tuple[str, str]:
    """Run a check on ``answers``: ``(status, message)`` without printing anything.

    ``status`` is ``"correct"``, ``"wrong"`` or ``"not attempted"``.
    """
    try:
        message = check(*answers)
    except NotAttempted:
        return NOT_ATTEMPTED, PLACEHOLDER_NOTE
    except Wrong as hint:
        return WRONG, str(hint)
    return CORRECT, message or "your answer passes every check."


def feedback_text(status: str, message: str) -> str:
    """The verdict as plain text, wrapped at words within :data:`WIDTH` characters.

    Examples
    --------
    >>> print(feedback_text("wrong", "the mean is off; " * 8))
    ✗ Not yet: the mean is off; the mean is off; the mean is off; the mean is off; the mean is
      off; the mean is off; the mean is off; the mean is off;
    """
    line = message if status == SOLUTION else f"{SYMBOLS[status]} {message}"
    return textwrap.fill(line, WIDTH, subsequent_indent="  ", break_long_words=False,
                         break_on_hyphens=False)


def feedback_html(status: str, message: str) -> str:
    """The verdict as HTML: the symbol and its word in colour, the message as text."""
    colour = COLOURS[status]
    if status == SOLUTION:
        return (f'<div class="course-feedback course-solution" style="color:{colour};'
                f'font-style:italic">{html.escape(message)}</div>')
    return (f'<div class="course-feedback course-{status.replace(" ", "-")}">'
            f'<span style="color:{colour};font-weight:bold">{html.escape(SYMBOLS[status])}'
            f"</span> {html.escape(message)}</div>")


def show_feedback(status: str, message: str) -> None:
    """Display the verdict: HTML and plain text in a Jupyter kernel, plain text elsewhere."""
    text = feedback_text(status, message)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover (IPython comes with every Jupyter kernel)
        get_ipython = None
    shell = get_ipython() if get_ipython is not None else None
    if shell is None or not hasattr(shell, "kernel"):
        print(text)
        return
    from IPython.display import display

    display({"text/plain": text, "text/html": feedback_html(status, message)}, raw=True)


def exercise_check(check: Callable[..., str | None]) -> Callable[..., None]:
    """Turn ``check`` into a function that shows one verdict and returns None.

    The wrapped function keeps a ``verdict(*answers)`` attribute that returns
    ``(status, message)`` without showing anything (the tests and the grader use it), and a
    ``solution(*answers)`` attribute for the hidden solution cell.

    Examples
    --------
    >>> @exercise_check
    ... def check_double(double):
    ...     if call(double, 3) != 6:
    ...         raise Wrong("double(3) should be twice 3")
    ...     return "double doubles."
    >>> check_double(lambda x: 2 * x)
    ✓ Correct: double doubles.
    >>> check_double(lambda x: x + 2)
    ✗ Not yet: double(3) should be twice 3
    >>> def double(x):
    ...     ...
    >>> check_double(double)
    ○ Not attempted yet: replace the ... in the cell above with your answer, then run this cell.
    >>> check_double.verdict(lambda x: 2 * x)[0]
    'correct'
    >>> check_double.solution(lambda x: 2 * x)
    Reference solution: it passes this check. (This line is about the solution above; your own
      verdict is the one under your check cell.)
    """

    @functools.wraps(check)
    def printing_check(*answers: Any) -> None:
        show_feedback(*verdict(check, *answers))

    def solution(*answers: Any) -> None:
        status, message = verdict(check, *answers)
        if status != CORRECT:
            raise AssertionError(f"the reference solution fails its own check "
                                 f"({check.__name__}): {status}: {message}")
        show_feedback(SOLUTION, SOLUTION_NOTE)

    printing_check.verdict = functools.partial(verdict, check)  # type: ignore[attr-defined]
    printing_check.solution = solution  # type: ignore[attr-defined]
    return printing_check
