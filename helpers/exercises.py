"""Try first, then check: one line of feedback on an exercise answer.

Every exercise in the course is four cells:

1. the prompt (Markdown);
2. a "your turn" cell (tag ``your-turn``) whose placeholder ``...`` the learner replaces;
3. a check cell (tag ``check``) that calls the day's check on the learner's answer;
4. a hidden solution (tag ``solution``) that defines ``<name>_solution`` (so it never
   overwrites the learner's own ``<name>``) and passes the same check.

A check prints exactly one line and never the answer:

- ``✓ Correct: ...`` when the answer passes;
- ``✗ Not yet: <hint>`` with a hint on the mistake it detected;
- ``○ Not attempted yet: ...`` while the answer is still the placeholder, so that Run All,
  papermill and nbval go on past an unanswered exercise.

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

import functools
from collections.abc import Callable
from typing import Any

CORRECT, WRONG, NOT_ATTEMPTED = "correct", "wrong", "not attempted"
SYMBOLS = {CORRECT: "✓ Correct:", WRONG: "✗ Not yet:", NOT_ATTEMPTED: "○ Not attempted yet:"}
PLACEHOLDER_NOTE = "replace the ... in the cell above with your answer, then run this cell."


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


def call(func: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the learner's ``func``; feedback instead of a traceback if it fails.

    Raises :class:`NotAttempted` if ``func`` is still the placeholder or returns it, and
    :class:`Wrong` (naming the error) if it is not callable or raises.

    Examples
    --------
    >>> call(lambda x: 2 * x, 4)
    8
    >>> call(lambda x: 1 / x, 0)
    Traceback (most recent call last):
    ...
    helpers.exercises.Wrong: your code raised ZeroDivisionError: division by zero
    """
    func = answer(func)
    if not callable(func):
        raise Wrong(f"expected a function, got {type(func).__name__}")
    try:
        result = func(*args, **kwargs)
    except (Wrong, NotAttempted):
        raise
    except Exception as err:  # noqa: BLE001 (the learner's bug becomes feedback)
        raise Wrong(f"your code raised {type(err).__name__}: {err}") from None
    return answer(result)


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


def exercise_check(check: Callable[..., str | None]) -> Callable[..., None]:
    """Turn ``check`` into a function that prints one line of feedback and returns None.

    The wrapped function keeps a ``verdict(*answers)`` attribute that returns
    ``(status, message)`` instead of printing: the tests use it.

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
    """

    @functools.wraps(check)
    def printing_check(*answers: Any) -> None:
        status, message = verdict(check, *answers)
        print(SYMBOLS[status], message)

    printing_check.verdict = functools.partial(verdict, check)  # type: ignore[attr-defined]
    return printing_check
