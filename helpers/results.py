"""Named results that a notebook records for the course's property tests.

Notebooks with a ``RESULTS_PATH`` parameter end their body with one call,
``save_results(RESULTS_PATH, name=value, ...)``. With the default ``RESULTS_PATH = ""`` it
does nothing; when a test runs the notebook through papermill with a path (and another
``SEED``), the values land in a JSON file that the test reads back and checks against what
the lesson claims (``tests/properties/test_dayNN.py``).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np


def _plain(value: object, name: str) -> object:
    """NumPy scalars and arrays to JSON types; reject what JSON cannot hold honestly."""
    if isinstance(value, np.ndarray | np.generic):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [_plain(v, name) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, name) for k, v in value.items()}
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"result {name!r} is not finite ({value})")
        return value
    raise TypeError(f"result {name!r} must be numbers, strings, lists or arrays, got "
                    f"{type(value).__name__}")


def save_results(path: str | Path, **values: object) -> None:
    """Write ``values`` as a JSON object to ``path``; do nothing if ``path`` is empty.

    Examples
    --------
    >>> save_results("", mean=0.5)  # the notebook default: nothing is written
    """
    if not path:
        return
    if not values:
        raise ValueError("save_results needs at least one named value")
    data = {name: _plain(value, name) for name, value in values.items()}
    Path(path).write_text(json.dumps(data, indent=1, allow_nan=False), encoding="utf-8")
