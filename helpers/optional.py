"""Optional dependencies: one clear message instead of a traceback (Day 9 and PyTorch).

``require_torch()`` returns the ``torch`` module, or raises :class:`MissingDependency`,
which Jupyter and IPython display as its one-line message (no traceback) and which stops
"Run All" at that cell: a clean skip of the rest of the notebook.
"""

from __future__ import annotations

import importlib
from types import ModuleType

TORCH_HINT = ("this notebook needs PyTorch, which is not installed. Install it with "
              "`pip install torch==2.13.0` (or `pip install -r requirements-torch.txt`; "
              "`make run` and `make test` do it for you) and restart the kernel. Google "
              "Colab has PyTorch preinstalled. The rest of this notebook is skipped.")


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
    return require("torch", TORCH_HINT)
