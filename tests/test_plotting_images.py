"""Image comparison of the plotting helper against committed baselines.

nbval does not compare PNG outputs, so the pictures the helpers draw are checked here,
pixel by pixel with a small tolerance (`matplotlib.testing.compare`). After an intended
change, regenerate the baselines in the pinned environment and review them:

    UPDATE_BASELINES=1 .venv/bin/python -m pytest tests/test_plotting_images.py
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.testing.compare import compare_images

from helpers.plotting import COURSE_STYLE, hist_with_density, quadratic_contours

BASELINES = Path(__file__).parent / "baseline_images"
TOLERANCE = 2.0  # RMS difference of pixel values (0-255) that still counts as equal


def normal_pdf(t):
    return np.exp(-0.5 * t**2) / np.sqrt(2 * np.pi)


def binomial_pmf(k):
    from math import comb

    return np.array([comb(10, int(j)) * 0.3**j * 0.7 ** (10 - j) for j in k])


FIGURES = {
    "hist_with_density_continuous": lambda ax: hist_with_density(
        np.random.default_rng(0).standard_normal(5000), normal_pdf, ax=ax,
        label="N(0, 1) density"),
    "hist_with_density_discrete": lambda ax: hist_with_density(
        np.random.default_rng(0).binomial(10, 0.3, 5000), binomial_pmf, ax=ax, discrete=True,
        label="Binomial(10, 0.3)"),
    "quadratic_contours": lambda ax: quadratic_contours(
        [[1.0, 0.8], [0.8, 1.0]], [2.0, 1.0],
        [[0.0, 0.0], [1.6, 1.4], [1.8, 0.9], [1.96, 1.04], [2.0, 1.0]], ax=ax),
}


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_matches_baseline(name, tmp_path):
    with plt.style.context(COURSE_STYLE):
        fig, ax = plt.subplots()
        FIGURES[name](ax)
        ax.set(title=name, xlabel="value")
        actual = tmp_path / f"{name}.png"
        fig.savefig(actual, metadata={"Software": None}, bbox_inches="tight")  # as inline
        plt.close(fig)
    expected = BASELINES / f"{name}.png"
    if os.environ.get("UPDATE_BASELINES") == "1":
        expected.write_bytes(actual.read_bytes())
        pytest.skip(f"baseline {expected.name} written; review it and commit")
    assert expected.exists(), f"no baseline {expected}; run with UPDATE_BASELINES=1"
    diff = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert diff is None, diff
