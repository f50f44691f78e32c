"""The course as Google Colab runs it: every notebook the Colab badges open (the learner
copies, notebooks/learner/), unchanged, in each Colab runtime.

For each runtime of tools/colab_runtimes.py (Colab's published package list on its Python):

- every learner copy runs top to bottom in a kernel of Colab's packages that has imported
  ``google.colab``, so its setup cell really runs
  ``pip install "numpy-random-ml @ git+https://github.com/<slug>@<tag>"``, which git answers
  from a local bare clone of HEAD carrying the tag named in pyproject.toml;
- that install adds numpy-random-ml (``helpers`` and its data sets, from the tag) and nothing
  else: NumPy, matplotlib and torch are exactly Colab's before and after;
- the notebook then runs to the end in Colab's NumPy (its fingerprint cell says which);
  outputs may differ from the stored ones, errors may not. Its widget cells (Colab ships
  ipywidgets 7.7.1, which the setup cell must leave as it is) show their controls and, in
  them, the explored function's figure and summary, without a front end; A notebook that needs PyTorch, on
  a runtime without it, stops at exactly its one-line missing-PyTorch message;
- without the tag on "GitHub", the setup cell stops the notebook with its clear message;
- the helpers' unit tests and doctests pass with Colab's versions.

Run by `make test-colab` (COURSE_TEST_COLAB=1); see conftest.py.
"""

from __future__ import annotations

import nbformat

from helpers.optional import torch_hint

from .conftest import ROOT

# ----------------------------------------------------------------------------- tests


def test_notebook_runs_as_on_colab(tool, runtime, notebook, github):
    tool.uninstall_course(runtime)
    before = tool.installed(runtime)
    assert before == tool.baseline(runtime), f"{runtime.name}: the venv is not Colab's any more"
    problems = tool.version_problems(runtime, before, "before the setup cell")
    nb = tool.execute(runtime, notebook, github, runtime.dir / "executed")
    after = tool.installed(runtime)
    problems += tool.run_problems(
        nb, torch_missing=tool.needs_torch(notebook) and not runtime.has_torch,
        numpy=runtime.expected("numpy"), missing_torch_line=f"MissingDependency: {torch_hint()}",
        stderr_allowed=frozenset(tool.stderr_cells(
            nbformat.read(tool.stored_notebook(notebook), as_version=4))))
    problems += tool.widget_problems(nb)
    problems += tool.version_problems(runtime, after, "after the setup cell")
    problems += tool.install_problems(runtime, before, after)
    assert not problems, (f"{notebook.name} on Colab {runtime.name} (executed copy in "
                          f"{runtime.dir / 'executed'}):\n- " + "\n- ".join(problems))


def test_missing_tag_stops_at_the_setup_cell(tool, runtime, github):
    """The same run, when the tag named in pyproject.toml was never pushed."""
    untagged = tool.fake_github(runtime.dir / "github-untagged", tag=None)
    tool.uninstall_course(runtime)
    before = tool.installed(runtime)
    notebook = tool.notebooks()[0]
    nb = tool.execute(runtime, notebook, untagged, runtime.dir / "executed-missing-tag")
    errors = tool.errors_in(nb)
    assert errors, "the setup cell succeeded although the tag does not exist"
    index, out = errors[0]
    assert "course-setup" in tool.tags(nb.cells[index]), tool.describe_error(nb, index, out)
    message = (f"Could not install {tool.install_line()}. Does the tag exist on GitHub? "
               "pip said:\n")
    assert out.ename == "RuntimeError" and out.evalue.startswith(message), out.evalue
    assert tool.course_config()["tag"] in out.evalue.removeprefix(message), out.evalue
    assert tool.installed(runtime) == before, "a failed setup cell changed the venv"


def test_helpers_unit_tests_pass(tool, runtime, github):
    """The helpers' unit tests and doctests with Colab's versions (an editable install)."""
    tool.uninstall_course(runtime)
    tool.pip(runtime, "install", "--no-deps", "-e", str(ROOT))
    try:
        run = tool.unit_tests(runtime, has_torch=runtime.has_torch)
    finally:
        tool.uninstall_course(runtime)
    assert run.returncode == 0, f"{runtime.name}:\n{run.stdout[-5000:]}{run.stderr[-2000:]}"
    print(f"{runtime.name}: {run.stdout.strip().splitlines()[-1]}")
