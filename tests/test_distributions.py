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


def test_normal_pdf_edge_cases():
    assert normal_pdf([-np.inf, np.inf]).tolist() == [0.0, 0.0]  # the density's limits
    assert normal_pdf([]).shape == (0,)
    # NumPy scalars are numbers like any other
    assert float(normal_pdf(np.float32(1.0), np.int64(1), np.float32(2.0))) == pytest.approx(
        sps.norm.pdf(0.0, scale=2.0), rel=1e-12)


@pytest.mark.parametrize(("n", "p"), [(10, 0.3), (1, 0.5), (50, 0.0), (50, 1.0), (200, 0.01),
                                      (0, 0.4), (1030, 0.5), (1100, 0.5), (2000, 0.5),
                                      (5000, 0.03), (5000, 0.999), (20_000, 0.7)])
def test_binomial_pmf_equals_scipy(n, p):
    k = np.arange(-2, n + 3)
    expected = sps.binom.pmf(k, n, p)
    got = binomial_pmf(k, n, p)
    # relative agreement wherever SciPy's value is a normal float, tails included
    # (for n = 2000, p = 0.5 down to 2**-2000 * comb(2000, 40), about 1e-500, is 0 in both)
    normal = expected > 1e-300
    assert np.allclose(got[normal], expected[normal], rtol=1e-10, atol=0)
    assert np.all(got[~normal] <= 1e-300)
    assert binomial_pmf(np.arange(n + 1), n, p).sum() == pytest.approx(1.0, rel=1e-10)


def test_binomial_pmf_large_n_does_not_overflow():
    # issue 17 and 24: math.comb(1100, 550) does not fit in a float
    assert float(binomial_pmf(550, 1100, 0.5)) == pytest.approx(0.024051658, rel=1e-8)
    assert float(binomial_pmf(1000, 2000, 0.5)) == pytest.approx(0.017839011, rel=1e-8)
    far_tail = binomial_pmf([1, 100, 400], 2000, 0.5)  # 2000 * 2**-2000 and the like
    assert far_tail[0] == 0.0 and np.allclose(far_tail[1:], sps.binom.pmf([100, 400], 2000, 0.5),
                                              rtol=1e-10, atol=0)


def test_binomial_pmf_edge_probabilities_are_exact():
    k = np.arange(-1, 5)
    assert binomial_pmf(k, 3, 0.0).tolist() == [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    assert binomial_pmf(k, 3, 1.0).tolist() == [0.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    assert binomial_pmf(0, 0, 0.3) == 1.0


def test_binomial_pmf_accepts_whole_floats_scalars_and_numpy_scalars():
    assert np.allclose(binomial_pmf(np.array([0.0, 1.0]), 1, 0.25), [0.75, 0.25], rtol=1e-15)
    assert float(binomial_pmf(2, 2, 0.5)) == pytest.approx(0.25, rel=1e-15)
    assert binomial_pmf(np.int64(2), np.int64(4), np.float32(0.5)) == pytest.approx(0.375)
    assert binomial_pmf([[0, 1], [2, 3]], 3, 0.5).shape == (2, 2)  # vectorized over k
    assert binomial_pmf([], 3, 0.5).shape == (0,)


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: normal_pdf(0.0, scale=0.0), ValueError,
     "scale must be a positive finite number, got 0.0"),
    (lambda: normal_pdf(0.0, scale=-1), ValueError, "scale must be a positive finite number"),
    (lambda: normal_pdf(0.0, scale=np.inf), ValueError, "scale must be a positive finite"),
    (lambda: normal_pdf(0.0, scale="1"), TypeError,
     r"scale must be a positive finite number, got '1' \(str\)"),
    (lambda: normal_pdf(0.0, loc="0"), TypeError, "loc must be a finite real number, got '0'"),
    (lambda: normal_pdf(0.0, loc=np.nan), ValueError, "loc must be a finite real number, got nan"),
    (lambda: normal_pdf([0.0, np.nan]), ValueError, "x must not hold NaN, got 1 NaN"),
    (lambda: normal_pdf([1 + 1j]), TypeError, "x must hold real numbers, got complex values"),
    (lambda: normal_pdf("1"), TypeError, "x must be array-like of numbers"),
    (lambda: binomial_pmf(1, 3, 1.5), ValueError, r"p must be in \[0, 1\], got 1.5"),
    (lambda: binomial_pmf(1, 3, np.nan), ValueError, r"p must be in \[0, 1\], got nan"),
    (lambda: binomial_pmf(1, 3, "0.5"), TypeError, r"p must be a real number in \[0, 1\]"),
    (lambda: binomial_pmf([0.5], 3, 0.5), ValueError, "k must hold whole numbers.*got 0.5"),
    (lambda: binomial_pmf([np.nan], 3, 0.5), ValueError, "k must be finite"),
    (lambda: binomial_pmf([1j], 3, 0.5), TypeError, "k must hold real numbers"),
    (lambda: binomial_pmf(3, 10.0, 0.5), TypeError, r"n must be an integer, got 10.0 \(float\)"),
    (lambda: binomial_pmf(3, True, 0.5), TypeError, "n must be an integer, got True"),
    (lambda: binomial_pmf(3, -1, 0.5), ValueError, "n must be >= 0, got -1"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()
