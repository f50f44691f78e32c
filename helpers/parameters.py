"""A notebook's parameters, checked right after its ``parameters`` cell.

Instructors run the days headless with their own values (``make run SEED=7``, papermill's
``-p NAME VALUE``). A bad value must stop the notebook at once, with one line that names
the parameter, the value it got and what it needs, instead of running on into nonsense
(a NaN, an unseeded run) or failing minutes later far from the cause. Each notebook calls
:func:`check_parameters` once, stating every parameter's type and allowed range::

    check_parameters(
        SEED=(SEED, any_seed()),
        NUM_DRAWS=(NUM_DRAWS, integer_in(100, 1_000_000)),
        P_DROP=(P_DROP, real_in(0.0, 1.0, high_open=True)),
    )

The ranges come from the notebook's own needs: the fewest seeds an interval can use, the
largest sizes that keep a run within a few minutes and a few GiB.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

MAX_SEED = 2**32 - 1  # the legacy np.random.seed's limit, so one SEED serves both APIs


class ParameterError(ValueError):
    """A notebook parameter has a value the notebook cannot use.

    In Jupyter it shows as one line, not a traceback: the line says everything.
    """

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom error display
        return [f"ParameterError: {self}"]


def _fmt(x: float) -> str:
    """``1_000_000`` as '1,000,000' and floats as short as they are exact."""
    return f"{x:,}" if isinstance(x, int) else f"{x:g}"


@dataclass(frozen=True)
class Rule:
    """What a parameter may be: a test and the words for it (``needs ...``)."""

    kind: str  # "seed", "integer", "real", "text", "flag", "choice", "sizes"
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    choices: tuple = ()

    def describe(self) -> str:
        if self.kind == "seed":
            return f"a whole number in [0, {_fmt(MAX_SEED)}] (a fixed seed: None is not one)"
        if self.kind in ("integer", "real"):
            noun = "a whole number" if self.kind == "integer" else "a number"
            left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
            return f"{noun} in {left}{_fmt(self.low)}, {_fmt(self.high)}{right}"
        if self.kind == "sizes":
            return (f"a non-empty tuple of whole numbers in [{_fmt(self.low)}, "
                    f"{_fmt(self.high)}]")
        if self.kind == "text":
            return "a string"
        if self.kind == "flag":
            return "True or False"
        return "one of " + ", ".join(repr(c) for c in self.choices)

    def accepts(self, value: Any) -> bool:
        if self.kind == "flag":
            return isinstance(value, bool)
        if self.kind == "text":
            return isinstance(value, str)
        if self.kind == "choice":
            return any(value == c and type(value) is type(c) for c in self.choices)
        if self.kind == "sizes":
            each = Rule("integer", self.low, self.high)
            return (isinstance(value, tuple | list) and len(value) > 0
                    and all(each.accepts(v) for v in value))
        if isinstance(value, bool):
            return False
        wanted = numbers.Real if self.kind == "real" else numbers.Integral
        if not isinstance(value, wanted) or math.isnan(value):  # NaN is in no range
            return False
        low = 0 if self.kind == "seed" else self.low
        high = MAX_SEED if self.kind == "seed" else self.high
        above = value > low if self.low_open else value >= low
        below = value < high if self.high_open else value <= high
        return bool(above and below)


def any_seed() -> Rule:
    """A fixed seed: a whole number from 0 to 2**32 - 1 (what ``np.random.seed`` accepts)."""
    return Rule("seed")


def integer_in(low: int, high: int) -> Rule:
    """A whole number in ``[low, high]`` (bools are not numbers here)."""
    return Rule("integer", low, high)


def real_in(low: float, high: float, *, low_open: bool = False, high_open: bool = False) -> Rule:
    """A real number in ``[low, high]``; ``low_open``/``high_open`` exclude an end."""
    return Rule("real", low, high, low_open, high_open)


def sizes_in(low: int, high: int) -> Rule:
    """A non-empty tuple (or list) of whole numbers, each in ``[low, high]``."""
    return Rule("sizes", low, high)


def any_text() -> Rule:
    """Any string."""
    return Rule("text")


def any_flag() -> Rule:
    """``True`` or ``False``."""
    return Rule("flag")


def one_of(*choices: Any) -> Rule:
    """One of the ``choices`` (same type and value)."""
    return Rule("choice", choices=choices)


def _what_is_missing(value: Any, rule: Rule) -> str:
    """``rule.describe()``, or for a whole float in an integer rule's range (papermill's
    ``-p N 1e4`` gives 10000.0), that the type is what is wrong."""
    if (rule.kind == "integer" and isinstance(value, numbers.Real)
            and not isinstance(value, numbers.Integral) and math.isfinite(value)
            and float(value).is_integer() and rule.accepts(int(value))):
        return (f"an int, got the float {float(value)!r}: write {int(value)} (papermill's "
                f"-p reads 1e4 as a float)")
    return rule.describe()


def check_parameters(**parameters: tuple[Any, Rule]) -> None:
    """Raise :class:`ParameterError` naming every parameter whose value breaks its rule.

    Each keyword is a parameter's name, with ``(value, rule)``.

    Examples
    --------
    >>> check_parameters(SEED=(42, any_seed()), NUM_DRAWS=(10_000, integer_in(100, 1_000_000)))
    >>> check_parameters(SEED=(None, any_seed()), NUM_DRAWS=(5, integer_in(100, 1_000_000)))
    Traceback (most recent call last):
    ...
    helpers.parameters.ParameterError: SEED = None needs a whole number in [0, 4,294,967,295] \
(a fixed seed: None is not one); NUM_DRAWS = 5 needs a whole number in [100, 1,000,000]
    >>> check_parameters(NUM_DRAWS=(1e4, integer_in(100, 1_000_000)))
    Traceback (most recent call last):
    ...
    helpers.parameters.ParameterError: NUM_DRAWS = 10000.0 needs an int, got the float 10000.0: \
write 10000 (papermill's -p reads 1e4 as a float)
    """
    bad = []
    for name, pair in parameters.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[1], Rule)):
            raise TypeError(f"check_parameters: {name} must be given as (value, rule), "
                            f"got {pair!r}")
        value, rule = pair
        if not rule.accepts(value):
            bad.append(f"{name} = {value!r} needs {_what_is_missing(value, rule)}")
    if bad:
        raise ParameterError("; ".join(bad))
