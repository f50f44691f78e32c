"""helpers.exercises, and every day's exercise checks with a right and a wrong answer.

The right and wrong answers live in tests/checks/dayNN.py (``CASES``); this file runs them
all and fails if any check in helpers/checks/ lacks a correct or a wrong case.
"""

from __future__ import annotations

import fractions
import importlib
import importlib.util
import inspect
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pytest

from helpers import exercises
from helpers.exercises import (
    CORRECT,
    NOT_ATTEMPTED,
    WRONG,
    NotAttempted,
    Wrong,
    answer,
    call,
    exercise_check,
)

CHECK_MODULES = sorted(Path(exercises.__file__).parent.joinpath("checks").glob("day*.py"))
CASE_FILES = sorted(Path(__file__).parent.joinpath("checks").glob("day*.py"))


class Case(NamedTuple):
    """One answer to one check, and the verdict it must get."""

    check: Any
    answers: tuple
    status: str
    hint: str | None = None


# ----------------------------------------------------------------------------- mechanism


@exercise_check
def check_square(square):
    if call(square, 3) == 6:
        raise Wrong("that doubles: square means x * x")
    if call(square, 3) != 9:
        raise Wrong("square(3) should be 9")
    return "square squares."


def test_correct_wrong_and_placeholder_verdicts():
    assert check_square.verdict(lambda x: x * x) == (CORRECT, "square squares.")
    assert check_square.verdict(lambda x: 2 * x) == (WRONG, "that doubles: square means x * x")
    assert check_square.verdict(...)[0] == NOT_ATTEMPTED

    def square(x):
        ...

    assert check_square.verdict(square)[0] == NOT_ATTEMPTED


def test_errors_in_the_learners_code_become_feedback():
    status, message = check_square.verdict(lambda x: x.missing)
    assert status == WRONG and message.startswith("your code raised AttributeError")
    assert check_square.verdict(42) == (WRONG, "expected a function, got int")


def test_a_draw_from_the_legacy_state_is_named_and_the_generator_only_if_given():
    import numpy as np

    def legacy(x, rng=None):
        return x + np.random.standard_normal()  # noqa: NPY002 (the mistake under test)

    with pytest.raises(Wrong, match="global np.random.*the Generator you were given"):
        call(legacy, 1.0, np.random.default_rng(0))
    with pytest.raises(Wrong, match="global np.random.*the Generator you were given"):
        call(legacy, 1.0)  # no Generator passed, but the function takes an rng
    with pytest.raises(Wrong, match="global np.random") as err:
        call(lambda x: x + np.random.standard_normal(), 1.0)  # noqa: NPY002
    assert "you were given" not in str(err.value) and "default_rng" in str(err.value)


def test_a_check_prints_one_line_and_returns_nothing(capsys):
    assert check_square(lambda x: x * x) is None
    assert capsys.readouterr().out == "✓ Correct: square squares.\n"
    check_square(...)
    out = capsys.readouterr().out
    assert out.startswith("○ Not attempted yet:") and out.count("\n") == 1


def test_answer_passes_values_through():
    assert answer(0) == 0 and answer([]) == []


@pytest.mark.parametrize("draw", [
    lambda: np.random.rand(),  # noqa: NPY002 (a few draws move only MT19937's position)
    lambda: np.random.randn(3),  # noqa: NPY002
    lambda: np.random.randint(1, 7, 60_000),  # noqa: NPY002 (many draws change the key)
    lambda: np.random.seed(0),  # noqa: NPY002
])
def test_call_rejects_any_use_of_the_global_state(draw):
    np.random.rand()  # noqa: NPY002 (so that seed(0) below changes the state, whatever it was)
    with pytest.raises(Wrong, match="global np.random state"):
        call(lambda: draw())
    assert call(lambda: np.random.default_rng(0).random()) < 1


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="needs PyTorch")
def test_call_rejects_pytorchs_global_generator_and_leaves_it_as_it_was():
    import torch

    torch.manual_seed(5)  # the caller's state: the very state a learner's reseed reaches
    before = torch.get_rng_state()
    for draw in (lambda: torch.manual_seed(5), lambda: torch.rand(1)):
        with pytest.raises(Wrong, match="PyTorch's global generator"):
            call(draw)
        assert torch.equal(before, torch.get_rng_state())
    own = call(lambda: torch.rand(1, generator=torch.Generator().manual_seed(5)))
    assert own.shape == (1,)


def _in_fresh_python(code: str) -> None:
    """Run ``code`` in a new Python process (no PyTorch loaded yet, no state of this one)
    from the repository's root; fail if it fails."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, timeout=300,
                   env={**os.environ, "PYTHONPATH": str(root)})


def test_the_torch_sentinel_is_no_generator_of_the_learners():
    """call() moves PyTorch's global state on before the learner's code runs: inside a
    check's watch_seeding, that must not count as a generator or a seed of the learner's
    (a sentinel made with a torch.Generator once did, and Day 9's first check in a fresh
    kernel rejected the reference solution)."""
    pytest.importorskip("torch")
    _in_fresh_python("import torch, numpy as np\n"
                     "from helpers.checks._seeding import watch_seeding\n"
                     "from helpers.exercises import call\n"
                     "f = lambda: np.zeros(2)\n"
                     "with watch_seeding(f) as seen:\n"
                     "    call(f)\n"
                     "assert seen.generators == 0 and seen.manual_seeds == 0, vars(seen)\n")


def test_a_torch_generator_made_in_a_fresh_kernels_first_check_is_watched():
    """An answer that imports torch itself, judged first in a process without torch: the
    check must still see its torch.Generator (Day 5's gain judged its seeds by its first
    call only, and accepted a 10-bit seed there)."""
    pytest.importorskip("torch")
    _in_fresh_python("import math, sys, numpy as np\n"
                     "from helpers.checks.day05 import check_gain\n"
                     "assert 'torch' not in sys.modules\n"
                     "def gain(phi, rng, num_draws):\n"
                     "    import torch\n"
                     "    g = torch.Generator().manual_seed(int(rng.integers(1000)))\n"
                     "    z = torch.randn(num_draws, generator=g, dtype=torch.float64).numpy()\n"
                     "    return 1 / math.sqrt(np.mean(phi(z) ** 2))\n"
                     "status, message = check_gain.verdict(gain)\n"
                     "assert status == 'wrong' and 'about 10 bits' in message, message\n")


def test_call_rejects_seeding_or_drawing_from_pythons_random_module():
    import random

    def reseeded(x, rng):
        random.seed(int(rng.integers(2**63)))
        return x + random.gauss(0, 1)

    with pytest.raises(Wrong, match="Python's random module.*the Generator you were given"):
        call(reseeded, 1.0, np.random.default_rng(0))
    with pytest.raises(Wrong, match="Python's random module.*leave random alone"):
        call(lambda: random.randint(1, 6))
    before = random.getstate()
    assert call(lambda x: x + random.Random(0).random(), 1.0) > 1  # a Random of its own
    assert random.getstate() == before


def test_a_bug_in_a_check_is_not_hidden_as_feedback():
    @exercise_check
    def broken(value):
        return 1 / 0

    with pytest.raises(ZeroDivisionError):
        broken(1)


# ----------------------------------------------------------------------------- every day


def load(path: Path):
    spec = importlib.util.spec_from_file_location(f"exercise_cases_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def checks_of(path: Path) -> dict[str, Any]:
    module = importlib.import_module(f"helpers.checks.{path.stem}")
    return {name: f for name, f in inspect.getmembers(module, callable)
            if name.startswith("check_") and hasattr(f, "verdict")}


ALL_CASES = [(path.stem, i, case) for path in CASE_FILES
             for i, case in enumerate(map(Case._make, load(path).CASES))]


@pytest.mark.parametrize("module", CHECK_MODULES, ids=lambda p: p.stem)
def test_every_check_has_three_right_and_five_wrong_answers(module):
    """Expert review's bar (section 3): at least three valid but unusual answers that must
    pass and five plausible wrong ones that must fail, per check."""
    if module.stem == "day09" and importlib.util.find_spec("torch") is None:
        pytest.skip("Day 9's unusual right answers are PyTorch's; this venv has none")
    cases = [case for day, _, case in ALL_CASES if day == module.stem]
    for name, check in checks_of(module).items():
        statuses = [c.status for c in cases if c.check is check]
        right, wrong = statuses.count(CORRECT), statuses.count(WRONG)
        assert right >= 3 and wrong >= 5, (
            f"{module.stem}.{name}: needs at least 3 correct and 5 wrong cases in "
            f"tests/checks/{module.stem}.py, has {right} and {wrong}")


@pytest.mark.parametrize("module", CHECK_MODULES, ids=lambda p: p.stem)
def test_every_check_reports_the_placeholder_as_not_attempted(module):
    for name, check in checks_of(module).items():
        arity = len(inspect.signature(check).parameters)
        assert check.verdict(*[...] * arity)[0] == NOT_ATTEMPTED, name


@pytest.mark.parametrize(("day", "index", "case"), ALL_CASES,
                         ids=[f"{d}-{i}-{c.check.__name__}-{c.status}" for d, i, c in ALL_CASES])
def test_case(day, index, case):
    status, message = case.check.verdict(*case.answers)
    assert status == case.status, f"{day} case {index}: {message}"
    if case.hint is not None:
        assert case.hint in message, f"{day} case {index}: {message!r}"


def test_a_function_that_forgets_return_is_told_so_and_the_placeholder_is_not():
    def untouched(x):
        ...

    def with_docstring(x):
        """Your answer here."""
        ...  # noqa: PIE790 (as in an exercise cell)

    def forgot(x):
        d = x - x.mean()
        np.mean(d**2)

    for placeholder in (untouched, with_docstring, lambda x: None):
        with pytest.raises(NotAttempted):
            call(placeholder, np.arange(3.0))
    with pytest.raises(Wrong, match="returned None: did you forget `return`"):
        call(forgot, np.arange(3.0))


@pytest.mark.parametrize(("value", "expected"), [
    (0.25, 0.25), (3, 3.0), (True, 1.0), (np.float32(0.5), 0.5), (np.int64(7), 7.0),
    (np.array(0.75), 0.75), (np.array([2]), 2.0), ([0.5], 0.5),
    (fractions.Fraction(3, 8), 0.375), (np.bool_(True), 1.0),
])
def test_number_accepts_one_real_number_of_any_type(value, expected):
    from helpers.exercises import number

    got = number(value, "the share")
    assert type(got) is float and got == expected


@pytest.mark.parametrize(("value", "needle"), [
    ([1, 2], "got a list of 2 values"), ("0.3", "got a str"), (1 + 2j, "got a complex"),
    (np.array([1.0, 2.0]), "got an ndarray of 2 values"),
    (np.array(fractions.Fraction(1, 3)), "got an ndarray"),
])
def test_number_rejects_anything_but_one_real_number(value, needle):
    from helpers.exercises import Wrong, number

    with pytest.raises(Wrong, match=f"the share should be one number, {needle}"):
        number(value, "the share")


def test_a_librarys_own_draw_from_the_global_state_is_not_the_learners():
    """SciPy's onenormest draws from np.random inside fractional_matrix_power: a
    deterministic answer that calls it is not told it used the global state, and the
    global state is left as it was."""
    import scipy.linalg

    def whiten_matrix(C):
        return np.real(scipy.linalg.fractional_matrix_power(C, -0.5))

    before = np.random.get_state(legacy=False)["state"]["pos"]  # noqa: NPY002
    C = np.array([[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 3.0]])
    W = call(whiten_matrix, C)
    assert np.allclose(W @ C @ W, np.eye(3))
    assert np.random.get_state(legacy=False)["state"]["pos"] == before  # noqa: NPY002


def test_an_exercise_without_randomness_undoes_a_draw_made_through_a_learners_helper():
    """needs_random=False: the learner's own helper calls a library that draws (SciPy's
    fractional_matrix_power); the answer is judged, the global state left as it was; a
    function that names np.random itself is still told."""
    import scipy.linalg

    def inverse_root(C):  # the learner's helper: not a library, so not excused by default
        return np.real(scipy.linalg.fractional_matrix_power(C, -0.5))

    def whiten_matrix(C):
        return inverse_root(C)

    def seeded(C):
        np.random.seed(0)  # noqa: NPY002 (the mistake under test)
        return inverse_root(C)

    C = np.array([[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 3.0]])
    with pytest.raises(Wrong, match="global np.random state"):
        call(whiten_matrix, C)  # the default: a draw the check cannot pin on a library
    before = np.random.get_state(legacy=False)["state"]["pos"]  # noqa: NPY002
    W = call(whiten_matrix, C, needs_random=False)
    assert np.allclose(W @ C @ W, np.eye(3))
    assert np.random.get_state(legacy=False)["state"]["pos"] == before  # noqa: NPY002
    with pytest.raises(Wrong, match="global np.random state"):
        call(seeded, C, needs_random=False)


def test_call_rejects_in_place_changes_to_a_list_or_a_tensor_argument():
    def scale_rows(logits):
        for i, row in enumerate(logits):
            logits[i] = [x / 2 for x in row]
        return logits

    with pytest.raises(Wrong, match="changed its argument logits in place; leave the caller's "
                                    "list as it is"):
        call(scale_rows, [[1.0, 2.0], [3.0, float("nan")]])
    assert call(lambda logits: [[x / 2 for x in row] for row in logits],
                [[1.0, float("nan")]])[0][0] == 0.5  # NaN stays NaN: not a change
    assert call(lambda items: len(items), [np.zeros(2), "text"]) == 2  # not a list of numbers
    torch = pytest.importorskip("torch")

    def center(x):
        x -= x.mean()
        return x

    with pytest.raises(Wrong, match="changed its argument x in place; leave the caller's "
                                    "tensor as it is"):
        call(center, torch.tensor([1.0, 2.0, float("nan")]))
    with pytest.raises(Wrong, match="changed its argument x in place"):
        call(lambda x: x.unsqueeze_(0), torch.zeros(2))  # the shape changes, not the values
    assert torch.equal(call(lambda x: x - x.mean(), torch.tensor([1.0, 3.0])),
                       torch.tensor([-1.0, 1.0]))
    assert call(lambda x: x.sum(), torch.tensor([float("nan"), 1.0])).isnan()
