"""The learner copies, notebooks/learner/: what the Colab badges open and `make lab` starts from.

Each is its stored notebook without outputs (tools/versions.py, ``LEARNER``), written by
`make sync`; nothing of it may drift from the stored notebook, and none of it may show an
answer before its question. nbval tests the stored notebooks; the copies get a cheaper
run: top to bottom in the course's environment, with the small sizes of the day's property
tests, every exercise untouched.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


@pytest.fixture(scope="module")
def versions(course):
    return course.versions_tool()


def test_every_day_has_an_up_to_date_learner_copy(course, versions):
    stored = course.notebook_paths()
    copies = sorted(course.LEARNER.glob("*.ipynb"))
    assert [p.name for p in copies] == [p.name for p in stored], (
        "notebooks/learner/ must hold one copy of each day and nothing else: run `make sync`")
    for path in stored:
        expected = versions.learner_copy(nbformat.read(path, as_version=4), path.name)
        assert (course.LEARNER / path.name).read_text(encoding="utf-8") == expected, (
            f"notebooks/learner/{path.name} differs from its stored notebook: run `make sync`")


def test_a_learner_copy_asks_before_it_answers(course, notebook_path):
    name = notebook_path.name
    master = nbformat.read(course.NOTEBOOKS / name, as_version=4)
    copy = nbformat.read(course.LEARNER / name, as_version=4)
    assert [c.cell_type for c in copy.cells] == [c.cell_type for c in master.cells]
    assert [c.source for c in copy.cells if c.cell_type == "code"] == [
        c.source for c in master.cells if c.cell_type == "code"]
    for cell in copy.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (name, cell.source[:60])
        if "solution" in tags(cell):
            assert cell.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
            assert cell.metadata["cellView"] == "form"
    order = [t for c in copy.cells for t in tags(c) if t in ("course-setup", "parameters")]
    assert order == ["course-setup", "parameters"], f"{name}: setup cell, then parameters"
    badge = next(c for c in copy.cells if "course-badge" in tags(c))
    assert f"({course.colab_url(course.course_config(), course.LEARNER / name)})" in badge.source


@pytest.mark.parametrize(("source", "expected"), [
    ("Next: [Day 2](day02_distributions.ipynb) →", "Next: [Day 2](day02_distributions.ipynb) →"),
    ("See [the data](../data/README.md#michelson).",
     "See [the data](BASE/data/README.md#michelson)."),
    ("[cheat sheet](../CHEATSHEET.md) and [a section](#summary)",
     "[cheat sheet](BASE/CHEATSHEET.md) and [a section](#summary)"),
    ('<a href="figures/x.png">x</a> [NumPy](https://numpy.org)',
     '<a href="BASE/notebooks/figures/x.png">x</a> [NumPy](https://numpy.org)'),
])
def test_links_that_would_break_one_folder_deeper_point_at_github(versions, source, expected):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(source),
                                         nbformat.v4.new_code_cell("x = '../data/a.csv'")])
    rebased = versions.convert(nb, versions.enabled(versions.RebaseLinks(base="BASE/")))
    assert rebased.cells[0].source == expected
    assert rebased.cells[1].source == nb.cells[1].source  # code is never touched
    assert versions.course_blob_url().startswith("https://github.com/")


def small_parameters(root, name: str) -> dict:
    """``SMALL`` of the day's property tests (tests/properties/test_dayNN.py), if it has one:
    the sizes that keep a run to a few seconds."""
    path = root / "tests" / "properties" / f"test_{name.split('_')[0]}.py"
    if not path.exists():
        return {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and getattr(node.targets[0], "id", None) == "SMALL"):
            try:
                return ast.literal_eval(node.value)
            except ValueError:
                return {}
    return {}


def test_a_learner_copy_runs_top_to_bottom_untouched(course, root, notebook_path, tmp_path):
    """Run All on a fresh copy: no error, every exercise "not attempted", every hidden
    solution only its "Reference solution" line (never a ✓ a learner could take for theirs)."""
    name = notebook_path.name
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = parameterize_notebook(load_notebook_node(str(course.LEARNER / name)),
                               small_parameters(root, name))
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            kernel_manager_class=course.kernel_manager_class(),
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, naming the cell, if one fails
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{name}: a cell did not run: {cell.source[:60]}"
        shown = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "")
                        for o in cell.outputs)
        assert not any(o.get("name") == "stderr" for o in cell.outputs), (name, shown[:300])
        if "check" in tags(cell):
            assert shown.startswith("○ Not attempted yet"), f"{name}: {shown[:120]!r}"
        if "solution" in tags(cell):
            assert re.match("Reference solution", shown) and "✓" not in shown, (name, shown)
