"""helpers.parameters, and every notebook stopping at once on a bad parameter."""

from __future__ import annotations

import ast
import time

import nbformat
import numpy as np
import pytest

from helpers.parameters import (
    MAX_SEED,
    ParameterError,
    any_flag,
    any_seed,
    any_text,
    check_parameters,
    integer_in,
    one_of,
    real_in,
    sizes_in,
)


@pytest.mark.parametrize("value", [0, 42, MAX_SEED, np.int64(7), np.uint32(3)])
def test_seed_accepts_whole_numbers_in_range(value):
    check_parameters(SEED=(value, any_seed()))


@pytest.mark.parametrize("value", [None, -1, MAX_SEED + 1, 1.0, "42", True, np.float64(1)])
def test_seed_rejects_everything_else_naming_it(value):
    with pytest.raises(ParameterError, match=r"^SEED = .* needs a whole number in \[0, "):
        check_parameters(SEED=(value, any_seed()))


def test_integer_bounds_are_inclusive():
    check_parameters(N=(100, integer_in(100, 200)), M=(200, integer_in(100, 200)))
    for bad in (99, 201, 150.5, 250.0, float("inf"), None, False):
        with pytest.raises(ParameterError, match=r"N = .* needs a whole number in \[100, 200\]"):
            check_parameters(N=(bad, integer_in(100, 200)))


@pytest.mark.parametrize("value", [150.0, np.float64(150.0)])
def test_a_whole_float_is_rejected_naming_its_type(value):
    """papermill's ``-p N 1.5e2`` gives the float 150.0: in range and whole, so the message
    says the type is wrong, not the range."""
    with pytest.raises(ParameterError, match=r"^N = .*150\.0\)? needs an int, got the float "
                       r"150\.0: write 150 "):
        check_parameters(N=(value, integer_in(100, 200)))


def test_real_open_and_closed_ends():
    check_parameters(P=(0.0, real_in(0, 1, high_open=True)), Q=(np.float32(0.5), real_in(0, 1)))
    for bad in (1.0, -0.1, float("nan"), "0.5", None):
        with pytest.raises(ParameterError, match=r"P = .* needs a number in \[0, 1\)"):
            check_parameters(P=(bad, real_in(0, 1, high_open=True)))


def test_sizes_text_flag_and_choice():
    check_parameters(S=((100, 300), sizes_in(50, 1000)), T=("", any_text()), F=(True, any_flag()),
                     C=("he", one_of("he", "lecun")))
    for bad in ((), (10,), "100", (100, 2.5)):
        with pytest.raises(ParameterError, match="S = .* needs a non-empty tuple"):
            check_parameters(S=(bad, sizes_in(50, 1000)))
    with pytest.raises(ParameterError, match="F = 1 needs True or False"):
        check_parameters(F=(1, any_flag()))
    with pytest.raises(ParameterError, match="C = 'x' needs one of 'he', 'lecun'"):
        check_parameters(C=("x", one_of("he", "lecun")))


def test_every_bad_parameter_is_named_in_one_line():
    with pytest.raises(ParameterError) as err:
        check_parameters(SEED=(None, any_seed()), N=(0, integer_in(1, 5)), M=(3, integer_in(1, 5)))
    message = str(err.value)
    assert "\n" not in message and "SEED = None" in message and "N = 0" in message
    assert "M = " not in message
    assert err.value._render_traceback_() == [f"ParameterError: {message}"]


def test_a_rule_must_come_with_its_value():
    with pytest.raises(TypeError, match=r"N must be given as \(value, rule\)"):
        check_parameters(N=5)


def _top_cells(path):
    """The notebook's cells up to and including the one that validates its parameters."""
    nb = nbformat.read(path, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "check_parameters(" in c.source)
    return nb, index


def test_every_notebook_validates_every_parameter_in_range(course):
    """Each notebook's default values pass its own rules (static: the rules are read from
    the validation cell and applied to the parameters cell's values)."""
    for path in course.notebook_paths():
        nb, index = _top_cells(path)
        params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        namespace: dict = {}
        exec(params.source, namespace)  # noqa: S102 (the course's own parameters cell)
        exec(nb.cells[index].source, namespace)  # noqa: S102 raises ParameterError if a default is bad
        tree = ast.parse(nb.cells[index].source)
        assert any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "check_parameters"
                   for n in ast.walk(tree)), path.name


def test_every_notebook_stops_within_a_second_on_a_bad_seed(course):
    """Papermill's `-p SEED None` (the unseeded-run trap): each notebook stops at its
    validation cell, with one line naming SEED, within a second of starting it."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    for path in course.notebook_paths():
        nb, index = _top_cells(path)
        nb = parameterize_notebook(load_notebook_node(str(path)), {"SEED": None})
        index = next(i for i, c in enumerate(nb.cells) if "check_parameters(" in c.source)
        nb.cells = nb.cells[:index + 1]
        client = NotebookClient(nb, kernel_name="python3", timeout=60,
                                resources={"metadata": {"path": str(path.parent)}})
        with client.setup_kernel():
            client.execute_cell(nbformat.v4.new_code_cell("import numpy"), 0)  # warm start
            start = time.perf_counter()
            with pytest.raises(CellExecutionError) as err:
                for i, cell in enumerate(nb.cells):
                    client.execute_cell(cell, i)
            elapsed = time.perf_counter() - start
        assert elapsed < 1.0, f"{path.name}: took {elapsed:.2f} s to stop"
        assert err.value.ename == "ParameterError", path.name
        assert err.value.evalue.startswith("SEED = None needs a whole number"), path.name
