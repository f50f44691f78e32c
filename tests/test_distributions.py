"""helpers.distributions against SciPy (a test-only reference)."""

import numpy as np
import pytest
from scipy import stats as sps
from scipy.integrate import trapezoid

from helpers.distributions import binomial_pmf, normal_pdf


@pytest.mark.parametrize(("loc", "scale"), [(0.0, 1.0), (3.0, 0.5), (-1e6, 2e3)])
def test_normal_pdf_equals_scipy(loc, scale):
    x = loc + scale * np.linspace(-8, 8, 101)
    assert np.allclose(normal_pdf(x, loc, scale), sps.norm.pdf(x, loc, scale), rtol=1e-12)


def test_normal_pdf_keeps_shape_and_integrates_to_one():
    grid = np.linspace(-10, 10, 20_001)
    assert trapezoid(normal_pdf(grid), grid) == pytest.approx(1.0, abs=1e-12)
    assert normal_pdf(np.zeros((2, 3))).shape == (2, 3)


@pytest.mark.parametrize(("n", "p"), [(10, 0.3), (1, 0.5), (50, 0.0), (50, 1.0), (200, 0.01)])
def test_binomial_pmf_equals_scipy(n, p):
    k = np.arange(-2, n + 3)
    assert np.allclose(binomial_pmf(k, n, p), sps.binom.pmf(k, n, p), rtol=1e-10, atol=1e-200)
    assert binomial_pmf(np.arange(n + 1), n, p).sum() == pytest.approx(1.0)


def test_binomial_pmf_accepts_whole_floats_and_scalars():
    assert binomial_pmf(np.array([0.0, 1.0]), 1, 0.25).tolist() == [0.75, 0.25]
    assert float(binomial_pmf(2, 2, 0.5)) == 0.25


@pytest.mark.parametrize(("call", "message"), [
    (lambda: normal_pdf(0.0, scale=0.0), "scale must be positive, got 0.0"),
    (lambda: normal_pdf(0.0, scale=-1), "scale must be positive"),
    (lambda: binomial_pmf(1, 3, 1.5), r"p must be in \[0, 1\], got 1.5"),
    (lambda: binomial_pmf([0.5], 3, 0.5), "k must hold whole numbers"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()
