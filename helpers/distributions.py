"""Exact densities and mass functions that the course draws samples against.

Day 2 writes each formula out where it teaches it (its cell is marked ``#@save``, and a test
keeps that cell identical to the source here); every later day imports it from here.
The argument checks come from :mod:`helpers._validate`, which the Day 2 cells import too.

Examples
--------
>>> round(float(normal_pdf(0.0)), 6)
0.398942
>>> round(float(binomial_pmf(1000, 2000, 0.5)), 6)  # comb(2000, 1000) overflows a float
0.017839
"""

from __future__ import annotations

import math

import numpy as np

from helpers._validate import (
    as_float_array,
    check_int,
    check_positive,
    check_probability,
    check_real,
)


def normal_pdf(x, loc=0.0, scale=1.0):  #@save
    """Density of the normal distribution N(loc, scale**2) at x (any shape; +-inf gives 0)."""
    x = as_float_array(x, "x", allow_empty=True, allow_inf=True)
    loc, scale = check_real(loc, "loc"), check_positive(scale, "scale")
    z = (x - loc) / scale
    return np.exp(-0.5 * z**2) / (scale * math.sqrt(2 * math.pi))


def binomial_pmf(k, n, p):  #@save
    """P(K = k) for K ~ Binomial(n, p): comb(n, k) * p**k * (1 - p)**(n - k), any shape of k.

    Computed in log space (math.lgamma): comb(2000, 1000), about 2e600, overflows a float.
    """
    n, p = check_int(n, "n"), check_probability(p, "p")
    k = as_float_array(k, "k", allow_empty=True)
    if not np.all(k == np.round(k)):
        raise ValueError(f"k must hold whole numbers (counts of successes), got "
                         f"{k[k != np.round(k)][0]}")
    if p in (0.0, 1.0):  # all the mass on one count, exactly: k = 0 (p = 0) or k = n (p = 1)
        return np.where(k == n * p, 1.0, 0.0)
    inside = (k >= 0) & (k <= n)  # any other count has probability 0
    j = np.where(inside, k, 0)
    # math.lgamma takes one number at a time: loop over the flat j, then restore its shape
    log_n_factorial = math.lgamma(n + 1)
    log_comb = np.array([log_n_factorial - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                         for i in j.ravel().tolist()]).reshape(j.shape)
    log_pmf = log_comb + j * math.log(p) + (n - j) * math.log1p(-p)
    return np.where(inside, np.exp(log_pmf), 0.0)
