"""Every exercise's solution passes its check on 10 seeds; the student build's exercises
report "not attempted" (issue 22: each student has a seed of their own).

The property tests already run every notebook in full on seeds 0-2. The exercises need
only the notebook's first cells, so this runs, for each day and in one kernel, the cheapest
honest slice of the stored notebook, unchanged: the ``parameters`` cell, ``SEED = s``
injected after it, the cells up to the import of the day's checks, then the solution
cells, for s = 0, ..., 9; first, once, the student build's ``your-turn`` and ``check``
cells in the same way. The verdicts come from the grader's own cell (``tools/grade.py``),
which calls ``check.verdict(...)`` with the arguments of each check cell, each answer
replaced by its ``_solution``: it never reads what a cell prints.

The days share one kernel (starting one and importing NumPy, matplotlib and PyTorch cost
more than the runs); each day starts with ``%reset -f``, so no name survives from another
day, and nbval runs every notebook in a fresh kernel anyway.
"""

from __future__ import annotations

import json

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

SEEDS = range(10)


@pytest.fixture(scope="module")
def kernel():
    km = KernelManager(kernel_name="python3")
    yield km
    if km.has_kernel:
        km.shutdown_kernel(now=True)


def prelude(nb, module: str) -> list:
    """The notebook's cells up to (and including) the one importing ``module``."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and f"from {module} import" in cell.source:
            return [c for c in nb.cells[:index + 1] if c.cell_type == "code"]
    raise AssertionError(f"no cell imports {module}")


def slice_for(grade, nb, found, seed, keep: str, results, rename=None) -> list:
    """The cells that run the exercises of ``nb`` with ``SEED = seed``."""
    cells = []
    for cell in prelude(nb, found[0].module):
        cells.append(cell)
        if "parameters" in grade.versions.tags(cell):
            cells.append(nbformat.v4.new_code_cell(f"SEED = {seed}"))
    cells += [c for c in nb.cells if set(keep.split()) & set(grade.versions.tags(c))]
    cells = [nbformat.v4.new_code_cell(c.source, metadata=c.metadata) for c in cells]  # new ids
    calls = [e.renamed(rename(e)) for e in found] if rename else found
    parameters = {**grade.parameter_defaults(nb), "SEED": seed}
    cells.append(nbformat.v4.new_code_cell(grade.verdict_source(calls, parameters,
                                                                str(results), "n")))
    return cells


def test_solutions_pass_their_checks_on_ten_seeds(grade, kernel, notebook_path, tmp_path):
    master = nbformat.read(notebook_path, as_version=4)
    found = grade.exercises(master, notebook_path.stem)
    student = grade.versions.convert(master, grade.versions.STUDENT)
    cells = [nbformat.v4.new_code_cell("%reset -f")]
    cells += slice_for(grade, student, found, 0, "your-turn check", tmp_path / "student.json")
    for seed in SEEDS:
        cells += slice_for(grade, master, found, seed, "solution", tmp_path / f"{seed}.json",
                           rename=lambda e: {a: f"{a}_solution" for a in e.answers})
    nb = nbformat.v4.new_notebook(cells=cells, metadata=master.metadata)
    client = NotebookClient(nb, km=kernel, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    finally:
        if client.kc is not None:
            client.kc.stop_channels()

    student_verdicts = json.loads((tmp_path / "student.json").read_text())["verdicts"]
    assert [s for s, _ in student_verdicts] == ["not attempted"] * len(found), student_verdicts
    failures = []
    for seed in SEEDS:
        verdicts = json.loads((tmp_path / f"{seed}.json").read_text())["verdicts"]
        failures += [f"SEED={seed}, {e.check}: {status}: {message}"
                     for e, (status, message) in zip(found, verdicts, strict=True)
                     if status != "correct"]
    assert not failures, "\n".join(failures)
