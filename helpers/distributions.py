"""Exact densities and mass functions that the course draws samples against.

Day 2 writes each formula out where it teaches it (its cell is marked ``#@save``, and a test
keeps that cell identical to the source here); every later day imports it from here.
"""

from __future__ import annotations

import math

import numpy as np


def normal_pdf(x, loc=0.0, scale=1.0):  #@save
    """Density of the normal distribution N(loc, scale**2) at x."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    z = (np.asarray(x, dtype=float) - loc) / scale
    return np.exp(-0.5 * z**2) / (scale * math.sqrt(2 * math.pi))


def binomial_pmf(k, n, p):  #@save
    """P(K = k) for K ~ Binomial(n, p): comb(n, k) * p**k * (1 - p)**(n - k)."""
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    k = np.asarray(k)
    if not np.all(k == np.round(k)):
        raise ValueError("k must hold whole numbers (counts of successes)")
    inside = (k >= 0) & (k <= n)
    k = np.where(inside, k, 0).astype(int)
    # math.comb takes Python ints one at a time: loop over the flat k, then restore its shape
    ways = np.array([float(math.comb(n, j)) for j in k.ravel().tolist()]).reshape(k.shape)
    return np.where(inside, ways * p**k * (1 - p) ** (n - k), 0.0)
