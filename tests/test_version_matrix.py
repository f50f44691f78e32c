"""tools/version_matrix.py without its throw-away environments (fast; in `make test`).

The floors in pyproject.toml are what the oldest environment installs; the matrix's nbval
sanitizer hides the version line of the fingerprint and nothing else; the judges pass a
right run and fail a wrong one. (`make test-matrix` builds and runs the environments.)
"""

from __future__ import annotations

import importlib.util
import re
import sys

import nbformat
import pytest

from helpers.reproducibility import RECORDED_NUMPY as RECORDED


@pytest.fixture(scope="module")
def matrix(root):
    """tools/version_matrix.py, registered as a module (its dataclasses need that)."""
    if "version_matrix" not in sys.modules:
        spec = importlib.util.spec_from_file_location("version_matrix",
                                                      root / "tools" / "version_matrix.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["version_matrix"] = module
        spec.loader.exec_module(module)
    return sys.modules["version_matrix"]


def patterns(path) -> list[tuple[str, str]]:
    """The (regex, replace) pairs of an nbval sanitizer file, read as nbval reads them."""
    return re.findall(r"^regex: (.*)$\n^replace: (.*)$", path.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)


def sanitize(text: str, pairs) -> str:
    for regex, replace in pairs:
        text = re.sub(regex, replace, text)
    return text


# ----------------------------------------------------------------------------- floors


def test_every_dependency_has_a_floor_that_the_oldest_environment_installs(matrix):
    found = matrix.floors()
    assert set(found) == {"numpy", "matplotlib"}
    oldest = next(e for e in matrix.environments() if e.name == "oldest")
    for name, version in found.items():
        assert f"{name}=={version}" in oldest.packages
    newest = next(e for e in matrix.environments() if e.newest)
    assert set(found) <= set(newest.packages)
    assert not any("==" in p for p in newest.packages)


def test_readme_states_the_floors(matrix, root):
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    found = matrix.floors()
    assert f"NumPy {found['numpy']} or newer" in readme
    assert f"matplotlib {found['matplotlib']} or newer" in readme


@pytest.mark.parametrize("dependency", ["numpy", "numpy>2", "numpy>=1.26,<3", "numpy==1.26.4"])
def test_a_dependency_without_a_plain_floor_is_refused(matrix, dependency):
    with pytest.raises(ValueError, match="is not 'name>=X.Y.Z'"):
        matrix.floors([dependency])


def test_environments(matrix):
    envs = {e.name: e for e in matrix.environments()}
    assert [e.name for e in envs.values() if e.torch] == ["oldest-py3.11-torch"]
    torch_env = envs["oldest-py3.11-torch"]
    assert torch_env.python == "3.11", "the only Python with a PyTorch wheel here"
    assert matrix.venvs.torch_requirement() in torch_env.packages
    assert set(envs["oldest"].packages) < set(torch_env.packages)
    only_torch = [p.stem for p in matrix.notebooks_for(torch_env)]
    assert only_torch == ["day09_numpy_to_pytorch"]
    assert len(matrix.notebooks_for(envs["oldest"])) == len(matrix.venvs.notebooks())


def test_version_problems(matrix):
    env = next(e for e in matrix.environments() if e.name == "oldest-py3.11-torch")
    good = {matrix.venvs.canonical(r.partition("==")[0]): r.partition("==")[2]
            for r in env.packages}
    good["torch"] += "+cpu"
    good[matrix.venvs.PACKAGE] = "0.1.0"
    assert matrix.version_problems(env, good) == []
    wrong = {**good, "numpy": "2.4.6"}
    del wrong[matrix.venvs.PACKAGE]
    assert matrix.version_problems(env, wrong) == [
        f"numpy is 2.4.6, not {matrix.floors()['numpy']}", "numpy-random-ml is not installed"]


# ----------------------------------------------------------------------------- sanitizer


def stored_texts(path):
    """(cell index, tags, text) of every stored text output of a notebook."""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            texts = [out.get("text")] + [v for k, v in out.get("data", {}).items()
                                         if k.startswith("text/")]
            for text in texts:
                if isinstance(text, str):
                    yield i, cell.metadata.get("tags", []), text


def test_matrix_sanitizer_changes_only_the_fingerprint_s_versions_and_verdict(matrix, course):
    pairs = patterns(matrix.MATRIX_SANITIZER)
    assert len(pairs) == 2, "tests/nbval_sanitize_matrix.cfg: patterns nbval cannot read"
    for path in course.notebook_paths():
        changed = []
        for i, tags, text in stored_texts(path):
            after = sanitize(text, pairs)
            if after != text:
                changed.append(i)
                assert "course-fingerprint" in tags, f"{path.name} cell {i}: {text[:200]!r}"
                lines = after.splitlines()
                first = f"NumPy VERSION with BLAS; stored outputs recorded with NumPy {RECORDED}."
                assert lines[:2] == [first, "Random streams: VERDICT"], lines
                assert lines[2:] == text.splitlines()[-2:], "the fixed note is compared"
        assert len(changed) == 1, f"{path.name}: the fingerprint, once: cells {changed}"


NEW = "NumPy 2.5.5 with scipy-openblas 0.3.34.237.2; stored outputs recorded with NumPy {rec}."
DIFFER = ("Random streams differ from the recorded ones in: multinomial (n=1000) x 2000.\n"
          "Expect other numbers than the stored outputs; the lessons still hold.\n"
          "(NumPy may change a Generator method's stream in an X.Y release, and in X.Y.Z for "
          "a fix.)")


@pytest.mark.parametrize(("line", "verdict", "tail", "same"), [
    ("NumPy 1.26.4 with openblas64 0.3.23.dev; stored outputs recorded with NumPy {rec}.",
     None, None, True),
    (NEW, DIFFER, None, True),
    (NEW.replace("{rec}", "2.5.5"), None, None, False),
    (NEW.replace(".", "!"), None, None, False),
    (NEW, DIFFER, "This checks the BLAS too.", False),
])
def test_matrix_sanitizer_hides_the_versions_and_verdict_not_the_rest(
        matrix, course, line, verdict, tail, same):
    pairs = patterns(matrix.COURSE_SANITIZER) + patterns(matrix.MATRIX_SANITIZER)
    path = course.notebook_paths()[0]
    stored = next(text for _, tags, text in stored_texts(path) if "course-fingerprint" in tags)
    lines = stored.splitlines()
    assert lines[1].startswith("Random streams") and lines[-2].startswith("This checks NumPy")
    other = [line.format(rec=RECORDED), *(verdict.splitlines() if verdict else lines[1:-2]),
             *([tail] if tail else lines[-2:])]
    assert (sanitize("\n".join(other) + "\n", pairs) == sanitize(stored, pairs)) is same


def test_sanitizer_file_is_the_course_s_then_the_matrix_s(matrix, tmp_path, monkeypatch):
    monkeypatch.setattr(matrix, "BUILD", tmp_path)
    combined = patterns(matrix.sanitizer())
    assert combined == patterns(matrix.COURSE_SANITIZER) + patterns(matrix.MATRIX_SANITIZER)


# ----------------------------------------------------------------------------- judges


def test_verdict(matrix):
    stored = "NumPy 2.4.6 with x; stored ...\nRandom streams: all 23 recorded samples match\n"
    assert matrix.verdict(stored) == "match"
    assert matrix.verdict(stored.replace(": all 23", " differ from")) == "differ"


@pytest.mark.parametrize(("report", "ok"), [
    ("NumPy 1.26.4 with openblas64 0.3.23.dev; stored outputs recorded ...", True),
    ("NumPy 1.26.40 with openblas64 0.3.23.dev; stored outputs recorded ...", False),
    ("NumPy 2.4.6 with scipy-openblas 0.3.31.188.0; stored outputs recorded ...", False),
])
def test_fingerprint_problems(matrix, report, ok):
    assert (matrix.fingerprint_problems(report, "1.26.4") == []) is ok


def test_summary_table(matrix):
    env = matrix.environments()[0]
    row = matrix.Result(env, versions={"numpy": "1.26.4"}, problems=["x"], notebooks="9")
    table = matrix.summary([row]).splitlines()
    assert len(table) == 3 and table[2].startswith(f"| {env.name} |")
    assert "| 1.26.4 |" in table[2] and table[2].endswith("| FAILED |")
