"""Will your numbers match the stored ones? A fingerprint of NumPy's random streams.

What NumPy promises (its "Compatibility policy" for ``numpy.random``): the same
``Generator`` stream for the same ``BitGenerator``, seed and sequence of calls **on the same
build of NumPy, in the same environment, on the same machine**, and no more. Changes to a
``Generator`` method's stream are features and come in ``X.Y`` releases; correctness fixes
can come in ``X.Y.Z`` releases; ``default_rng`` may one day switch its ``BitGenerator``
(``Generator(PCG64(seed))`` pins it). The legacy ``RandomState`` gets no more changes, not
even bug fixes, yet the machine-and-build caveats apply to it too, and NumPy 2.5.0 changed
``RandomState.multinomial`` output regardless (numpy issue #32299).

So every notebook prints this fingerprint: one draw from each ``Generator`` method the
course relies on, compared with the values recorded with the pinned NumPy. It covers
NumPy's random streams only, not the BLAS: linear algebra (matrix products, solves) can
differ in its last digits from one CPU to another, which is why the course rounds what it
prints and tests its stored outputs under several OpenBLAS kernels.
"""

from __future__ import annotations

import numpy as np

#: The NumPy version the stored notebook outputs were recorded with (requirements.txt).
RECORDED_NUMPY = "2.4.6"

#: ``fingerprint()`` as computed with ``RECORDED_NUMPY``.
RECORDED_DRAWS = {
    "random": 0.63696169,
    "standard_normal": -0.13210486,
    "normal": 6.2808453,
    "uniform": -0.96694473,
    "integers": 17,
    "binomial (n=10)": 5,
    "binomial (n=1000, BTPE)": 405,
    "exponential": 1.40839299,
    "choice (p=...)": 2,
    "choice (no replacement)": [2, 6, 8],
    "permutation": [4, 2, 1, 3, 0],
    "permuted": [[0, 1, 2], [4, 3, 5]],
    "shuffle": [2, 4, 3, 0, 1],
    "multinomial": [1, 14, 5],
    "chisquare": 1.17115242,
    "standard_cauchy": 9.61012764,
}


def fingerprint() -> dict[str, object]:
    """One draw from each ``Generator`` method the course uses, from ``default_rng(0)``.

    ``binomial`` is drawn twice: with ``n * min(p, 1 - p) <= 30`` NumPy uses inversion, above
    it the BTPE algorithm, whose stream NumPy 2.5.0 changed. Floats are rounded to 8
    decimals.

    Examples
    --------
    >>> draws = fingerprint()
    >>> len(draws), draws["integers"], draws["multinomial"]
    (16, 17, [1, 14, 5])
    """
    rng = np.random.default_rng(0)
    draws = {
        "random": rng.random(),
        "standard_normal": rng.standard_normal(),
        "normal": rng.normal(5.0, 2.0),
        "uniform": rng.uniform(-1.0, 1.0),
        "integers": rng.integers(0, 100),
        "binomial (n=10)": rng.binomial(10, 0.3),
        "binomial (n=1000, BTPE)": rng.binomial(1000, 0.4),
        "exponential": rng.exponential(0.5),
        "choice (p=...)": rng.choice(3, p=[0.2, 0.5, 0.3]),
        "choice (no replacement)": rng.choice(10, size=3, replace=False),
        "permutation": rng.permutation(5),
        "permuted": rng.permuted(np.arange(6).reshape(2, 3), axis=1),
        "shuffle": _shuffled(rng, 5),
        "multinomial": rng.multinomial(20, [0.2, 0.5, 0.3]),
        "chisquare": rng.chisquare(3),
        "standard_cauchy": rng.standard_cauchy(),
    }
    return {name: _plain(value) for name, value in draws.items()}


def _shuffled(rng: np.random.Generator, n: int) -> np.ndarray:
    """``np.arange(n)`` shuffled in place by ``rng.shuffle``."""
    x = np.arange(n)
    rng.shuffle(x)
    return x


def _plain(value: object) -> object:
    """Python numbers and lists, floats rounded to 8 decimals."""
    value = np.asarray(value)
    if value.dtype.kind == "f":
        value = value.round(8)
    return value.tolist()


def blas_name() -> str:
    """The BLAS library this NumPy was built with, e.g. ``"scipy-openblas 0.3.31.188.0"``."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas['name']} {blas['version']}"
    except (KeyError, TypeError, ValueError):
        return "an unknown BLAS"


def fingerprint_report() -> str:
    """A plain-language verdict: should this machine reproduce the stored outputs?

    Examples
    --------
    >>> print(fingerprint_report().splitlines()[0][:6])
    NumPy
    """
    draws = fingerprint()
    differ = [name for name, value in draws.items() if RECORDED_DRAWS.get(name) != value]
    lines = [f"NumPy {np.__version__} with {blas_name()}; stored outputs recorded with NumPy "
             + RECORDED_NUMPY + "."]
    if not differ:
        lines.append(f"Random streams: default_rng(0) reproduces all {len(draws)} recorded "
                     "draws (each sampler the course relies on),")
        lines.append("so your random numbers should match the stored outputs.")
    else:
        lines.append(f"Random streams differ from the recorded ones in: {', '.join(differ)}.")
        lines.append("Expect other numbers than the stored outputs; the lessons still hold.")
        lines.append("(NumPy may change a Generator method's stream in an X.Y release, and in "
                     "X.Y.Z for a fix.)")
    lines.append("This checks NumPy's random streams, not the BLAS: linear algebra may "
                 "differ in its last")
    lines.append("digits on another CPU, which is why the course rounds what it prints.")
    return "\n".join(lines)
