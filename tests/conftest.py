"""Shared test setup: a non-interactive matplotlib backend, and the course's tools and
notebooks, each defined once (the repository root and the notebook list come from
tools/course.py).

(Notebook kernels started by nbval keep the inline backend, which renders with Agg.)
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import matplotlib
import pytest

matplotlib.use("Agg")


def load_module(path: Path, name: str) -> ModuleType:
    """Import a script that is not part of a package (tools/, benchmarks/) by its path."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COURSE = load_module(Path(__file__).resolve().parents[1] / "tools" / "course.py", "course")


@pytest.fixture(scope="session")
def course() -> ModuleType:
    """tools/course.py: the course's configuration, notebook list and maintenance commands."""
    return COURSE


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's root folder."""
    return COURSE.ROOT


@pytest.fixture(scope="session")
def load_tool():
    """``load_tool("benchmarks/bench_vectorized.py")``: a script of the repository, imported."""
    return lambda relative: load_module(COURSE.ROOT / relative, Path(relative).stem)


def pytest_generate_tests(metafunc):
    """A test that takes ``notebook_path`` runs once per course notebook, in day order."""
    if "notebook_path" in metafunc.fixturenames:
        paths = COURSE.notebook_paths()
        metafunc.parametrize("notebook_path", paths, ids=[p.stem for p in paths])
