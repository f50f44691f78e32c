"""Will your numbers match the stored ones? A fingerprint of NumPy's random streams.

NumPy keeps the legacy ``RandomState`` stream frozen forever, but only promises that a
``Generator`` stream is stable *within* a NumPy version: a new version may change an
algorithm (``binomial`` changed in NumPy 2.5, for example). Every notebook prints this
fingerprint so a learner can tell at once whether their numbers should match the course's.
"""

from __future__ import annotations

import numpy as np

#: The NumPy version the stored notebook outputs were recorded with (requirements.txt).
RECORDED_NUMPY = "2.4.6"

#: ``fingerprint()`` as computed with ``RECORDED_NUMPY``.
RECORDED_DRAWS = (0.63696169, -0.13210486, 30, 0, 1, 0.91275558)


def fingerprint() -> tuple:
    """First draws of ``np.random.default_rng(0)``, one from each kind of sampler.

    A uniform float, a normal, an integer, a binomial, a categorical choice and a
    uniform float drawn after those, rounded to 8 decimals.

    Examples
    --------
    >>> len(fingerprint())
    6
    """
    rng = np.random.default_rng(0)
    return (
        round(float(rng.random()), 8),
        round(float(rng.standard_normal()), 8),
        int(rng.integers(0, 100)),
        int(rng.binomial(10, 0.3)),
        int(rng.choice(3, p=[0.3, 0.6, 0.1])),
        round(float(rng.random()), 8),
    )


def fingerprint_report() -> str:
    """A plain-language verdict: should this machine reproduce the stored outputs?

    Examples
    --------
    >>> fingerprint_report().startswith("NumPy")
    True
    """
    draws = fingerprint()
    lines = [f"NumPy {np.__version__}; course recorded with NumPy {RECORDED_NUMPY}",
             f"default_rng(0) fingerprint: {draws}"]
    if draws == RECORDED_DRAWS:
        lines.append("Your random streams match the course's: your numbers should match "
                     "the stored outputs.")
    else:
        lines.append("Your random streams differ from the course's (usually another "
                     "NumPy version): expect other numbers than the stored outputs; the "
                     "lessons still hold.")
    return "\n".join(lines)
