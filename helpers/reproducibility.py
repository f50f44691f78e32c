"""Will your numbers match the stored ones? A fingerprint of NumPy's random streams.

What NumPy promises (its "Compatibility policy" for ``numpy.random``): the same
``Generator`` stream for the same ``BitGenerator``, seed and sequence of calls **on the same
build of NumPy, in the same environment, on the same machine**, and no more. Changes to a
``Generator`` method's stream are features and come in ``X.Y`` releases; correctness fixes
can come in ``X.Y.Z`` releases; ``default_rng`` may one day switch its ``BitGenerator``
(``Generator(PCG64(seed))`` pins it). The legacy ``RandomState`` gets no more changes, not
even bug fixes, yet the machine-and-build caveats apply to it too, and NumPy 2.5.0 changed
``RandomState.multinomial`` output regardless (numpy issue #32299).

So every notebook prints this fingerprint: draws from each ``Generator`` and legacy
``RandomState`` method the course relies on, compared with the values recorded with the
pinned NumPy. One draw per method shows little of a sampler with several branches, so it
also draws thousands from the branches NumPy has changed: NumPy 2.5.0's fix of the BTPE
binomial (numpy PR #31238) first shows at draw 3,597 of ``default_rng(0).binomial(1000,
0.4)``; the same change reached ``multinomial`` and, unintended, the legacy
``RandomState.multinomial`` (#32299). It covers NumPy's random streams only, not the BLAS:
linear algebra (matrix products, solves) can differ in its last digits from one CPU to
another, which is why the course rounds what it prints and tests its stored outputs under
several OpenBLAS kernels.
"""

from __future__ import annotations

import hashlib
import textwrap

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
    "SeedSequence.spawn": [3445585646, 2843493045, 2819132514],
    "each sampler above x 1000": "cf7738f65686be38",
    "binomial (n=1000, p=0.4) x 20000": "ffe5bf305e9e728b",
    "binomial (24 pairs of n, p) x 500": "955de1df1604368d",
    "multinomial (n=1000) x 2000": "bd7579bbc8af0755",
    "RandomState (legacy API) x 1000": "cabf931229537b7a",
    "RandomState.multinomial (a zero p) x 100": "3c7b88429b37dfde",
}

#: The binomial's (n, p) pairs that ``fingerprint`` samples: NumPy draws by inversion when
#: ``n * min(p, 1 - p) < 30`` and by the BTPE algorithm above, whose accept/reject step
#: NumPy 2.5.0 changed; both sides, from tens of trials to millions.
BINOMIAL_NS = (40, 100, 300, 1_000, 10_000, 1_000_000)
BINOMIAL_PS = (0.02, 0.1, 0.5, 0.8)


def fingerprint() -> dict[str, object]:
    """Draws from each sampler the course uses, from ``default_rng(0)`` and ``RandomState(0)``.

    The first entries are one draw each from one ``default_rng(0)``, rounded to 8 decimals,
    so a changed stream shows a readable value. One draw rarely reaches a sampler's rarer
    branches, so the entries ``... x N`` are the SHA-256 digests (16 hex digits) of N draws
    each from a fresh generator seeded with 0: every sampler above 1,000 times; the
    binomial's BTPE branch, which NumPy 2.5.0 changed (``default_rng(0).binomial(1000,
    0.4)`` first differs at draw 3,597), 20,000 times and across the (n, p) pairs of
    ``BINOMIAL_NS`` and ``BINOMIAL_PS``; ``multinomial`` as Day 8 calls it (2.5.0 differs
    from draw 957); the legacy ``RandomState`` methods the course teaches; and
    ``RandomState.multinomial`` with a zero probability, whose stream 2.5.0 changed (numpy
    issue #32299) although the legacy API promises none. All of it takes a few milliseconds.

    Examples
    --------
    >>> draws = fingerprint()
    >>> len(draws), draws["integers"], draws["multinomial"]
    (23, 17, [1, 14, 5])
    >>> len(draws["binomial (n=1000, p=0.4) x 20000"])  # 16 hex digits of a SHA-256
    16
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
        "SeedSequence.spawn": [np.random.default_rng(child).integers(2**32)
                               for child in np.random.SeedSequence(0).spawn(3)],
    }
    draws = {name: _plain(value) for name, value in draws.items()}
    draws["each sampler above x 1000"] = _digest(*_every_sampler(np.random.default_rng(0), 1000))
    draws["binomial (n=1000, p=0.4) x 20000"] = _digest(
        np.random.default_rng(0).binomial(1000, 0.4, size=20_000))
    ns, ps = np.meshgrid(BINOMIAL_NS, BINOMIAL_PS)
    draws["binomial (24 pairs of n, p) x 500"] = _digest(
        np.random.default_rng(0).binomial(ns.ravel(), ps.ravel(), size=(500, ns.size)))
    draws["multinomial (n=1000) x 2000"] = _digest(
        np.random.default_rng(0).multinomial(1000, [0.2, 0.5, 0.3], size=2000))
    draws["RandomState (legacy API) x 1000"] = _digest(*_every_legacy_method(1000))
    draws["RandomState.multinomial (a zero p) x 100"] = _digest(
        np.random.RandomState(0).multinomial(20, [0.2, 0.0, 0.8], size=100),
        np.random.RandomState(1234).multinomial(2, [0.5, 0.0, 0.5, 0.0, 0.0, 0.0], size=100))
    return draws


def _every_sampler(rng: np.random.Generator, size: int) -> list[np.ndarray]:
    """``size`` draws from each ``Generator`` method of :func:`fingerprint`, in its order."""
    return [rng.random(size), rng.standard_normal(size), rng.normal(5.0, 2.0, size),
            rng.uniform(-1.0, 1.0, size), rng.integers(0, 100, size),
            rng.binomial(10, 0.3, size), rng.binomial(1000, 0.4, size),
            rng.exponential(0.5, size), rng.choice(3, size, p=[0.2, 0.5, 0.3]),
            rng.choice(10 * size, size=size, replace=False), rng.permutation(size),
            rng.permuted(np.arange(size).reshape(-1, 10), axis=1), _shuffled(rng, size),
            rng.multinomial(20, [0.2, 0.5, 0.3], size), rng.chisquare(3, size),
            rng.standard_cauchy(size), rng.spawn(1)[0].random(size)]


def _every_legacy_method(size: int) -> list[np.ndarray]:
    """``size`` draws from each legacy method the course teaches, from ``RandomState(0)``.

    ``np.random.seed(0)`` followed by ``np.random.rand(...)`` and the like draws the same
    numbers from the global ``RandomState``.
    """
    legacy = np.random.RandomState(0)
    x = np.arange(size)
    legacy.shuffle(x)
    return [legacy.rand(size), legacy.randn(size), legacy.random_sample(size),
            legacy.randint(0, 100, size), legacy.binomial(1, 0.3, size),
            legacy.binomial(1000, 0.4, size), legacy.normal(5.0, 2.0, size),
            legacy.choice(3, size, p=[0.2, 0.5, 0.3]), legacy.permutation(size), x,
            legacy.multinomial(1000, [0.2, 0.5, 0.3], size)]


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


def _digest(*arrays: np.ndarray) -> str:
    """The first 16 hex digits of the SHA-256 of ``arrays``: integers as 64-bit, floats
    rounded to 8 decimals (as the single draws are), both little-endian, on every machine."""
    sha = hashlib.sha256()
    for array in arrays:
        array = np.asarray(array)
        if array.dtype.kind == "f":
            array = array.round(8).astype("<f8")
        else:
            array = array.astype("<i8")
        sha.update(array.tobytes())
    return sha.hexdigest()[:16]


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
        lines.append(f"Random streams: all {len(draws)} recorded samples match (each sampler "
                     "the course relies on, 1,000 draws")
        lines.append("each, and the branches NumPy 2.5 changed: large-n binomial, multinomial, "
                     "legacy RandomState),")
        lines.append("so your random numbers should match the stored outputs.")
    else:
        lines += textwrap.wrap(f"Random streams differ from the recorded ones in: "
                               f"{'; '.join(differ)}.", width=100)
        lines.append("Expect other numbers than the stored outputs; the lessons still hold.")
        lines.append("(NumPy may change a Generator method's stream in an X.Y release, and in "
                     "X.Y.Z for a fix.)")
    lines.append("This checks NumPy's random streams, not the BLAS: linear algebra may "
                 "differ in its last")
    lines.append("digits on another CPU, which is why the course rounds what it prints.")
    return "\n".join(lines)
