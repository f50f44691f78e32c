"""tools/colab_runtimes.py without its throw-away environments (fast; also in `make test`).

Google's lists become constraints; the stand-in GitHub serves the tag (or not); and each
judge of `make test-colab` passes a run as Colab would see it and fails a wrong one.
"""

from __future__ import annotations

import os
import re
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

FREEZE = "# a comment\nnumpy==2.1.3\ntorch @ https://x.org/cpu/torch-2.11.0%2Bcpu-cp313.whl\n"
OS_INFO = "Ubuntu 22.04.5 LTS\nPython 3.13.15\n"
LINE = "MissingDependency: this notebook needs PyTorch ... skipped."


# ----------------------------------------------------------------------------- constraints


def test_constraints_keep_pins_and_name_what_they_leave_out(tool, tmp_path):
    text = tool.constraints_from_freeze("2099.01", FREEZE, OS_INFO, "abc123")
    assert text.splitlines()[-1] == "numpy==2.1.3"
    assert "# Python: 3.13.15" in text and "abc123" in text
    path = tmp_path / "requirements-colab-2099.01.txt"
    path.write_text(text)
    python, left_out = tool.read_constraints_header(path)
    assert python == "3.13.15" and left_out == (FREEZE.splitlines()[2],)
    runtime = tool.Runtime("2099.01", "2099.01", "3.13", python, path, left_out)
    assert runtime.expected("numpy") == "2.1.3" and runtime.expected("torch") is None
    assert runtime.colab_version("torch") == "2.11.0+cpu" and not runtime.has_torch


@pytest.mark.parametrize(("freeze", "os_info", "error"), [
    ("numpy==2.1.3\n", "Ubuntu 22.04\n", "no line 'Python X.Y.Z'"),
    ("numpy>=2\n", OS_INFO, "unexpected lines"),
])
def test_constraints_refuse_what_they_cannot_read(tool, freeze, os_info, error):
    with pytest.raises(ValueError, match=error):
        tool.constraints_from_freeze("2099.01", freeze, os_info, "abc123")


def test_each_runtime_pins_what_the_kernel_uses(tool):
    runtimes = tool.runtimes()
    assert len([r for r in runtimes if r.name == r.colab]) >= 2, "Colab's runtimes are gone"
    for runtime in runtimes:
        pins = runtime.pins()
        assert {tool.canonical(p) for p in tool.KERNEL_PACKAGES + tool.TEST_PACKAGES} <= set(pins)
        assert runtime.colab_python.startswith(runtime.python + ".") or runtime.extra
    variant = [r for r in runtimes if r.has_torch]
    assert [r.extra for r in variant] == [(tool.torch_requirement(),)]
    assert tool.torch_requirement().startswith("torch==")


@pytest.mark.parametrize(("have", "want", "ok"), [
    ("2.13.0+cpu", "2.13.0", True), ("2.1.3", "2.1.3", True), (None, None, True),
    ("2.12.0", "2.13.0", False), (None, "2.1.3", False), ("2.13.0", None, False),
])
def test_matches(tool, have, want, ok):
    assert tool.matches(have, want) is ok


# ----------------------------------------------------------------------------- GitHub


@pytest.mark.parametrize("tagged", [True, False])
def test_stand_in_github_serves_the_tag_only_when_pushed(tool, tmp_path, tagged):
    tag = tool.course_config()["tag"]
    gitconfig = tool.fake_github(tmp_path / "gh", tag if tagged else None)
    url = f"https://github.com/{tool.course_config()['repository']}"
    env = {**os.environ, "GIT_CONFIG_GLOBAL": str(gitconfig), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_TERMINAL_PROMPT": "0"}
    refs = subprocess.run(["git", "ls-remote", url], env=env, capture_output=True, text=True,
                          check=True).stdout
    assert f"{tool.head_commit()}\trefs/heads/main" in refs
    assert (f"{tool.head_commit()}\trefs/tags/{tag}" in refs) is tagged


# ----------------------------------------------------------------------------- judges


def notebook(*, setup_out=(), fingerprint="NumPy 2.1.3 with OpenBLAS", torch=False,
             stop=None, executed=None):
    """A small executed notebook shaped like the course's; ``stop``: error output at cell 2."""
    cells = [new_code_cell("import sys  # setup", metadata={"tags": ["course-setup"]}),
             new_code_cell("print(fingerprint_report())",
                           metadata={"tags": ["course-fingerprint"]}),
             new_code_cell("torch = require_torch()" if torch else "x = 1"),
             new_code_cell("print(x)")]
    cells[0].outputs = list(setup_out)
    cells[1].outputs = [new_output("stream", name="stdout", text=fingerprint + "\n")]
    if stop is not None:
        cells[2].outputs = [stop]
    for i, cell in enumerate(cells):
        ran = i < 3 if stop is not None else True
        cell.execution_count = i + 1 if (executed[i] if executed else ran) else None
    return new_notebook(cells=cells)


def error(ename, evalue, *traceback):
    return new_output("error", ename=ename, evalue=evalue, traceback=list(traceback))


def one_line():
    return error("MissingDependency", LINE, LINE)


@pytest.mark.parametrize(("nb", "torch_missing", "problem"), [
    (notebook(), False, None),
    (notebook(torch=True, stop=one_line()), True, None),
    (notebook(fingerprint="NumPy 2.4.6 with OpenBLAS"), False, "did not run in NumPy 2.1.3"),
    (notebook(stop=error("ValueError", "bad", "\x1b[31mbad")),
     False, "cell 2 raised ValueError: bad\nbad"),
    (notebook(setup_out=[new_output("stream", name="stdout", text="pip says hi")]), False,
     "the setup cell must be silent"),
    (notebook(executed=[True, True, True, False]), False, "it executed [0, 1, 2]"),
    (notebook(torch=True, stop=error("MissingDependency", LINE, "Traceback", LINE)), True,
     "must show"),
    (notebook(torch=True, stop=one_line(), executed=[True] * 4), True, "cells up to cell 2"),
    (notebook(torch=True), True, "must show exactly"),
])
def test_run_problems(tool, nb, torch_missing, problem):
    problems = tool.run_problems(nb, torch_missing=torch_missing, numpy="2.1.3",
                                 missing_torch_line=LINE)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0], problems


@pytest.mark.parametrize(("allowed", "problem"), [({2}, None), (set(), "cell 2 wrote to stderr")])
def test_a_warning_fails_unless_the_stored_notebook_shows_it(tool, allowed, problem):
    warned = notebook(stop=new_output("stream", name="stderr", text="UserWarning: x"),
                      executed=[True] * 4)
    problems = tool.run_problems(warned, torch_missing=False, numpy="2.1.3",
                                 missing_torch_line=LINE, stderr_allowed=frozenset(allowed))
    assert problems == [] if problem is None else problem in problems[0]


def test_change_problems_allow_only_the_course(tool):
    before = {"numpy": "2.1.3", "matplotlib": "3.10.0"}
    assert tool.change_problems(before, {**before, tool.PACKAGE: "0.1.0"}) == []
    assert tool.change_problems(before, {**before, "numpy": "2.4.6", tool.PACKAGE: "0.1.0"}) == [
        "the setup cell changed numpy: 2.1.3 -> 2.4.6"]
    assert tool.change_problems(before, {"numpy": "2.1.3"}) == [
        "the setup cell changed matplotlib: 3.10.0 -> absent"]


def test_origin_problems(tool):
    cfg = tool.course_config()
    url = {"url": f"https://github.com/{cfg['repository']}",
           "vcs_info": {"vcs": "git", "requested_revision": "v9", "commit_id": "abc"}}
    assert tool.origin_problems(url, {"a.csv", "README.md"}, {"a.csv"}, "v9", "abc") == []
    wrong = tool.origin_problems(url, {"README.md"}, {"a.csv"}, "v8", "abc")
    assert len(wrong) == 2 and "not {" in wrong[0] and "['a.csv']" in wrong[1]


def test_version_problems(tool):
    runtime = next(r for r in tool.runtimes() if not r.has_torch)
    colab = {name: runtime.expected(name) for name in ("numpy", "matplotlib", "ipywidgets")}
    assert tool.version_problems(runtime, colab, "now") == []
    wrong = tool.version_problems(runtime, {**colab, "numpy": "2.4.6", "torch": "2.13.0",
                                            "ipywidgets": "8.1.9"}, "now")
    assert [p.split(":")[1].split()[0] for p in wrong] == ["numpy", "torch", "ipywidgets"]


def test_widget_problems(tool):
    """A widget cell must run and show its controls, with a figure and a summary inside."""
    cell = nbformat.v4.new_code_cell("_ = interact(explore_seed_count, results=fixed(acc))")
    nb = nbformat.v4.new_notebook(cells=[cell])
    assert tool.widget_problems(nb) == ["widget cell 0 did not run"]
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        tool.WIDGET_VIEW: {"model_id": "a"}, "text/plain": "interactive(...)"})]
    assert "only 0 drew" in tool.widget_problems(nb)[0]
    nb.metadata["widgets"] = {tool.WIDGET_STATE: {"state": {"a": {
        "model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "display_data", "data": {"image/png": "iVBO"}},
            {"output_type": "stream", "name": "stdout", "text": "10 seeds: ..."}]}}}}}
    assert tool.widget_problems(nb) == []


def test_needs_torch(tool, tmp_path):
    path = tmp_path / "day99.ipynb"
    nbformat.write(notebook(torch=True), path)
    assert tool.needs_torch(path)
    nbformat.write(notebook(), path)
    assert not tool.needs_torch(path)


# ----------------------------------------------------------------------------- badges


COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/([^/]+/[^/]+)/blob/"
                        r"([^/]+)/([^)\s\"']+\.ipynb)")


def test_the_badges_open_what_test_colab_runs(tool):
    """Every Colab link (README's table, each notebook's badge, and so the site's, which
    takes them from tools/course.py) opens a learner copy at the tag, one per day."""
    cfg = tool.course_config()
    run = [p.relative_to(tool.ROOT).as_posix() for p in tool.notebooks()]
    assert run and all(p.startswith("notebooks/learner/day") for p in run), run
    readme = (tool.ROOT / "README.md").read_text(encoding="utf-8")
    places = {"README.md": COLAB_LINK.findall(readme)}
    for stored in sorted((tool.ROOT / "notebooks").glob("day*.ipynb")):
        for path in (stored, tool.ROOT / "notebooks" / "learner" / stored.name):
            nb = nbformat.read(path, as_version=4)
            places[path.relative_to(tool.ROOT).as_posix()] = [
                link for c in nb.cells if "course-badge" in tool.tags(c)
                for link in COLAB_LINK.findall(c.source)]
            assert places[path.relative_to(tool.ROOT).as_posix()] == [
                (cfg["repository"], cfg["tag"], f"notebooks/learner/{stored.name}")], path
    assert sorted(p for _, _, p in places["README.md"]) == run
    assert {(r, t) for r, t, _ in places["README.md"]} == {(cfg["repository"], cfg["tag"])}
