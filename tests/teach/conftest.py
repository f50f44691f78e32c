"""Teaching with the course (issue 22): the student build, assignments and the grader."""

from types import ModuleType

import pytest


@pytest.fixture(scope="session")
def grade(load_tool) -> ModuleType:
    """tools/grade.py (its ``versions`` attribute is tools/versions.py)."""
    return load_tool("tools/grade.py")


@pytest.fixture(scope="session")
def versions(grade) -> ModuleType:
    return grade.versions
