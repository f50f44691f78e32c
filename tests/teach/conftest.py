"""Teaching with the course (issue 22): the student build, assignments and the grader."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest


@pytest.fixture(scope="session")
def grade(root) -> ModuleType:
    """tools/grade.py (its ``versions`` attribute is tools/versions.py)."""
    if "course_grade" not in sys.modules:
        spec = importlib.util.spec_from_file_location("course_grade",
                                                      root / "tools" / "grade.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["course_grade"] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules["course_grade"]


@pytest.fixture(scope="session")
def versions(grade) -> ModuleType:
    return grade.versions
