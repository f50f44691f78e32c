"""`make test-colab`: the course as Google Colab runs it, one throw-away venv per runtime.

``test_setup_cell.py`` builds those environments (minutes, several hundred MB), so it is
collected only when ``COURSE_TEST_COLAB=1`` (set by `make test-colab`), never by the default
`make test`; ``test_colab_tool.py`` (fast) runs in both.

A runtime whose Python this machine lacks is skipped with one "test-colab: SKIPPED" line,
and the run then FAILS: a skip is not a pass. To test fewer runtimes on purpose, name them:
``make test-colab COLAB_RUNTIMES="2026.07"``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

if os.environ.get("COURSE_TEST_COLAB") != "1":
    collect_ignore = ["test_setup_cell.py"]


def load_tool():
    """tools/colab_runtimes.py as a module (tools/ is not a package)."""
    if "colab_runtimes" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "colab_runtimes", ROOT / "tools" / "colab_runtimes.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["colab_runtimes"] = module
        spec.loader.exec_module(module)
    return sys.modules["colab_runtimes"]


def selected_runtimes() -> list:
    """The runtimes to test: all, or those named in ``COLAB_RUNTIMES`` (space-separated)."""
    every = load_tool().runtimes()
    wanted = os.environ.get("COLAB_RUNTIMES", "").split()
    unknown = set(wanted) - {r.name for r in every}
    if unknown:
        raise pytest.UsageError(f"COLAB_RUNTIMES names unknown runtimes {sorted(unknown)}; "
                                f"there are {[r.name for r in every]}")
    return [r for r in every if not wanted or r.name in wanted]


def describe(runtime, python: str | None) -> list[str]:
    """Plain lines: what this runtime reproduces of Colab here, and what it does not."""
    if python is None:
        return [(f"test-colab: SKIPPED {runtime.name}: no Python {runtime.python} on this "
                "machine (PATH or pyenv)")]
    tool = load_tool()
    here = tool.python_version(python)
    numpy, mpl = runtime.expected("numpy"), runtime.expected("matplotlib")
    lines = [(f"test-colab: {runtime.name}: Python {here} (Colab {runtime.colab}: "
             f"{runtime.colab_python}), Colab {runtime.colab}'s packages: NumPy {numpy}, "
             f"matplotlib {mpl}, ipykernel {runtime.expected('ipykernel')}, "
             f"jupyter_client {runtime.expected('jupyter_client')}")]
    colab_torch = runtime.colab_version("torch")
    if runtime.has_torch:
        lines.append(f"test-colab: {runtime.name}: torch {runtime.expected('torch')} from "
                     f"this machine's CPU wheel, NOT Colab's {colab_torch}")
    else:
        lines.append(f"test-colab: {runtime.name}: NOT REPRODUCED: Colab's torch {colab_torch} "
                     f"(no CPU build for Python {runtime.python} here); notebooks that need "
                     "PyTorch must stop at their one-line missing-PyTorch message")
    for package, why in runtime.relaxed.items():
        lines.append(f"test-colab: {runtime.name}: Colab's pin of {package} relaxed: {why}")
    return lines


def pytest_report_header(config):
    if os.environ.get("COURSE_TEST_COLAB") != "1":
        return None
    tool = load_tool()
    lines = []
    chosen = selected_runtimes()
    for runtime in chosen:
        lines += describe(runtime, tool.find_python(runtime.python))
    others = [r.name for r in tool.runtimes() if r not in chosen]
    if others:
        lines.append(f"test-colab: not requested (COLAB_RUNTIMES): {', '.join(others)}")
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"],
                           capture_output=True, text=True, check=False).stdout.strip()
    if dirty:
        lines.append("test-colab: note: uncommitted changes; the setup cell installs HEAD "
                     "while the notebooks run from the working tree")
    return lines


SKIPPED: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and "tests/colab/" in report.nodeid.replace("\\", "/"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report)
        reason = reason.removeprefix("Skipped: ")
        if reason not in SKIPPED:
            SKIPPED.append(reason)


def pytest_terminal_summary(terminalreporter):
    for reason in SKIPPED:
        terminalreporter.write_line(reason)
    if SKIPPED:
        terminalreporter.write_line(
            "test-colab: FAILED: a skipped runtime is not a pass. Install the missing Python "
            "or name the runtimes to test, e.g. COLAB_RUNTIMES=\"2026.07\".")


def pytest_sessionfinish(session, exitstatus):
    if SKIPPED and exitstatus == 0:
        session.exitstatus = 1


def pytest_generate_tests(metafunc):
    """``runtime`` (and ``notebook``) parameters: every selected runtime (and its notebooks),
    each runtime's tests in one xdist group, so one worker builds and uses its venv."""
    if "runtime" not in metafunc.fixturenames:
        return
    tool = load_tool()
    params = []
    for runtime in selected_runtimes():
        group = pytest.mark.xdist_group(runtime.name)
        if "notebook" in metafunc.fixturenames:
            params += [pytest.param(runtime, path, id=f"{runtime.name}-{path.stem}", marks=group)
                       for path in tool.notebooks_for(runtime)]
        else:
            params.append(pytest.param(runtime, id=runtime.name, marks=group))
    names = ("runtime", "notebook") if "notebook" in metafunc.fixturenames else ("runtime",)
    metafunc.parametrize(names, params)


@pytest.fixture(scope="session")
def tool():
    return load_tool()


def build(tool, runtime) -> tuple[str, object]:
    """("ok", gitconfig) once the runtime's venv is built, or ("skip", why)."""
    python = tool.find_python(runtime.python)
    if python is None:
        return "skip", describe(runtime, None)[0]
    tool.build(runtime, python)
    return "ok", tool.fake_github(runtime.dir / "github", tool.course_config()["tag"])


@pytest.fixture(scope="session")
def _builds(tool, request):
    """The environments of the runtimes this session tests, built two at a time in the
    background from the first test on, so that later ones are ready when their turn comes."""
    names = []
    for item in request.session.items:
        runtime = getattr(item, "callspec", None) and item.callspec.params.get("runtime")
        if runtime and runtime.name not in names:
            names.append(runtime.name)
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {r.name: pool.submit(build, tool, r) for r in selected_runtimes() if r.name in names}


@pytest.fixture
def github(runtime, _builds) -> Path:
    """The gitconfig whose https://github.com/ is a bare clone of HEAD carrying the tag named
    in pyproject.toml, once the runtime's venv is built (a build error fails each of its tests,
    a missing Python skips them)."""
    state, value = _builds[runtime.name].result()
    if state == "skip":
        pytest.skip(value)
    return value
