"""Optional dependencies: one clear message instead of a traceback (Day 9 and PyTorch).

``require_torch()`` returns the ``torch`` module, or raises :class:`MissingDependency`,
which Jupyter and IPython display as its one-line message (no traceback) and which stops
"Run All" at that cell: a clean skip of the rest of the notebook.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def torch_requirement() -> str:
    """The course's pinned PyTorch requirement, e.g. ``"torch==2.13.0"``.

    Read from the installed package's metadata (the ``torch`` extra, whose one source is
    ``requirements-torch.in``), so the version is written in one place only.

    Examples
    --------
    >>> torch_requirement().startswith("torch")
    True
    """
    from importlib import metadata

    try:
        requires = metadata.requires("numpy-random-ml") or []
    except metadata.PackageNotFoundError:
        requires = []
    pins = [r.split(";")[0].strip() for r in requires if r.startswith("torch")]
    return pins[0] if pins else "torch"


def torch_hint() -> str:
    """The one-line message shown when PyTorch is missing."""
    return (f"this notebook needs PyTorch, which is not installed. Install it with "
            f"`pip install {torch_requirement()}` (or `pip install -r requirements-torch.txt`; "
            "`make run` and `make test` do it for you) and restart the kernel. Google Colab "
            "has PyTorch preinstalled. The rest of this notebook is skipped.")


class MissingDependency(ImportError):
    """An optional package is missing; shown as one line in Jupyter, not a traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom error display
        return [f"{type(self).__name__}: {self}"]


def require(module: str, hint: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingDependency` with ``hint``.

    Examples
    --------
    >>> require("math", "always there").sqrt(4.0)
    2.0
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(hint) from None


def require_torch() -> ModuleType:
    """The ``torch`` module, or one clear :class:`MissingDependency` message."""
    return require("torch", torch_hint())
