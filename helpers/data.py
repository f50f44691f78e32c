"""Loaders for the course's real data sets (provenance in ``data/README.md``).

The files are installed as the package data ``helpers.datasets`` (the repository's
``data/`` folder), so the loaders work from any working directory, from a clone, from an
installed package and on Colab. A missing or malformed file raises an error naming it.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
from importlib import resources
from pathlib import Path

import numpy as np


def data_path(name: str) -> Path:
    """The path of data file ``name`` (e.g. ``"michelson.csv"``); error if it is missing.

    Examples
    --------
    >>> data_path("michelson.csv").name
    'michelson.csv'
    """
    if not isinstance(name, str) or not name or Path(name).name != name:
        raise ValueError(f"name must be the name of a file in the course's data/ folder, "
                         f"e.g. 'michelson.csv', got {name!r}")
    path = Path(str(resources.files("helpers.datasets") / name))
    if not path.is_file():
        raise FileNotFoundError(f"data file {name!r} not found at {path}; the course's data "
                                "sets live in data/ (installed as helpers.datasets)")
    return path


def read_columns(name: str, columns: dict[str, type]) -> dict[str, np.ndarray]:
    """Read CSV file ``name`` with a header row into one array per requested column.

    ``columns`` maps a header name to ``float``, ``int`` or ``str``; every one must be in
    the header and every value must convert (a float must be finite: no ``nan`` or
    ``inf``), or a ``ValueError`` names the file, the line and the column.
    """
    if not isinstance(columns, dict) or not columns:
        raise TypeError(f"columns must be a non-empty dict of column name to float, int or "
                        f"str, got {columns!r}")
    for col, kind in columns.items():
        if kind not in (float, int, str):
            raise TypeError(f"columns[{col!r}] must be float, int or str, got {kind!r}")
    path = data_path(name)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise ValueError(f"data file {name!r} is empty")
    header = rows[0]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ValueError(f"data file {name!r} lacks column(s) {missing}; header is {header}")
    out = {}
    for col, kind in columns.items():
        j = header.index(col)
        values = []
        for line, row in enumerate(rows[1:], start=2):
            try:
                value = kind(row[j])
                if kind is float and not math.isfinite(value):
                    raise ValueError
            except (IndexError, ValueError):
                raise ValueError(f"data file {name!r}, line {line}, column {col!r}: cannot "
                                 f"read {row[j] if j < len(row) else '(missing)'!r} as "
                                 f"{'a finite ' if kind is float else ''}"
                                 f"{kind.__name__}") from None
            values.append(value)
        out[col] = np.array(values)
    if len(out[next(iter(columns))]) == 0:
        raise ValueError(f"data file {name!r} has a header but no rows")
    return out


def load_michelson() -> np.ndarray:
    """Michelson's 1879 speed-of-light measurements, km/s minus 299,000 (shape ``(100,)``).

    The accepted value on this scale is 734.5.

    Examples
    --------
    >>> v = load_michelson()
    >>> v.shape, float(v.mean())
    ((100,), 852.4)
    """
    return read_columns("michelson.csv", {"velocity": float})["velocity"]


def load_michelson_sets() -> dict[str, np.ndarray]:
    """Michelson's 1879 runs with their conditions, from Dorsey (1944, Table 22).

    The same 100 values as :func:`load_michelson`, in the same (time) order, with the
    conditions of each run. Returns a dict of arrays: ``velocity`` (km/s minus 299,000,
    float), ``temperature_f`` (air temperature in degrees Fahrenheit, float), ``day``
    (elapsed days, day 1 = June 5, 1879; int), ``ampm`` (``"AM"`` or ``"PM"``; str) and
    ``set`` (the sets of consecutive runs of Dorsey's table, numbered 1 to 24, each on one
    day and at one time of day; int). The five "sets of 20" of other copies of these data
    are a later grouping (Stigler 1977), not Michelson's.

    Examples
    --------
    >>> m = load_michelson_sets()
    >>> m["velocity"].shape, int(m["set"].max()), sorted(set(m["ampm"].tolist()))
    ((100,), 24, ['AM', 'PM'])
    >>> bool(np.array_equal(m["velocity"], load_michelson()))
    True
    """
    cols = read_columns("michelson_sets.csv", {"velocity": float, "temperature_f": float,
                                                "day": int, "ampm": str, "set": int})
    bad = sorted(set(cols["ampm"].tolist()) - {"AM", "PM"})
    if bad:
        raise ValueError(f"data file 'michelson_sets.csv', column 'ampm' must hold AM or PM, "
                         f"got {bad}")
    return cols


def load_galton() -> dict[str, np.ndarray]:
    """Galton's 1886 family heights (inches), 934 children of 205 families.

    Returns a dict of arrays: ``father``, ``mother``, ``midparentHeight``,
    ``childHeight`` (float), ``children``, ``childNum`` (int), ``family``, ``gender`` (str).

    Examples
    --------
    >>> g = load_galton()
    >>> g["childHeight"].shape, sorted(set(g["gender"].tolist()))
    ((934,), ['female', 'male'])
    """
    return read_columns("galton_families.csv", {
        "family": str, "father": float, "mother": float, "midparentHeight": float,
        "children": int, "childNum": int, "gender": str, "childHeight": float})


def load_longley() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Longley's 1967 macroeconomic data: ``(X, y, feature_names)``.

    ``X`` has shape ``(16, 6)`` (GNPDEFL, GNP, UNEMP, ARMED, POP, YEAR) and ``y`` is
    TOTEMP, total employment.

    Examples
    --------
    >>> X, y, names = load_longley()
    >>> X.shape, y.shape, names[0]
    ((16, 6), (16,), 'GNPDEFL')
    """
    names = ["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]
    cols = read_columns("longley.csv", {n: float for n in ["TOTEMP", *names]})
    return np.column_stack([cols[n] for n in names]), cols["TOTEMP"], names


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The UCI handwritten digits: ``X`` (1797, 64) pixel counts 0..16, ``y`` labels 0..9.

    Examples
    --------
    >>> X, y = load_digits()
    >>> X.shape, y.shape, int(X.max()), sorted(set(y.tolist())) == list(range(10))
    ((1797, 64), (1797,), 16, True)
    """
    name = "digits.csv.gz"
    with gzip.open(data_path(name), "rt", encoding="ascii") as f:
        text = f.read()
    try:
        table = np.loadtxt(io.StringIO(text), delimiter=",", dtype=np.int64, ndmin=2)
    except ValueError as err:
        raise ValueError(f"data file {name!r} is malformed: {err}") from None
    if table.shape[1] != 65:
        raise ValueError(f"data file {name!r} must have 65 columns (64 pixels and the "
                         f"label), got {table.shape[1]}")
    return table[:, :64].astype(np.float64), table[:, 64]
