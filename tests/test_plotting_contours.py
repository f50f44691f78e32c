"""helpers.plotting.quadratic_contours: what it draws, and bad input."""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.plotting import quadratic_contours

S = np.array([[1.0, 0.5], [0.5, 2.0]])
OPTIMUM = np.array([1.0, -2.0])
PATH = np.array([[0.0, 0.0], [0.8, -1.5], [1.0, -2.0]])


def loss(w):
    d = np.asarray(w) - OPTIMUM
    return float(d @ S @ d)


# matplotlib 3.8 (the course's floor) keeps a ContourSet's segments otherwise (one
# collection per level, deprecated): the figure is the same, this reading of it is not
@pytest.mark.skipif(tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) < (3, 9),
                    reason="reads ContourSet segments as matplotlib 3.9+ stores them")
def test_contours_pass_through_the_start_and_shrink_by_a_quarter():
    ax = quadratic_contours(S, OPTIMUM, PATH, num_levels=4)
    (contours,) = ax.collections  # one ContourSet
    assert np.allclose(contours.levels, loss(PATH[0]) * 0.25 ** np.arange(4)[::-1])
    # every vertex of the outermost contour lies on the level through the start
    outer = contours.allsegs[-1]
    points = np.concatenate(outer)
    assert np.allclose([loss(p) for p in points], loss(PATH[0]), rtol=2e-2)
    plt.close("all")


def test_the_path_and_the_optimum_are_drawn_on_equal_axes_around_the_outer_contour():
    ax = quadratic_contours(S, OPTIMUM, PATH, color="C3", label="steps")
    path_line, star = ax.get_lines()
    assert np.array_equal(np.column_stack(path_line.get_data()), PATH)
    assert path_line.get_label() == "steps" and path_line.get_color() == "C3"
    assert np.array_equal(np.ravel(star.get_data()), OPTIMUM)
    assert ax.get_aspect() == 1.0
    # the box is the outer ellipse's bounding box, with a margin: sqrt(c inv(S)_ii) each way
    half = np.sqrt(loss(PATH[0]) * np.diag(np.linalg.inv(S)))
    for (low, high), c, h in zip((ax.get_xlim(), ax.get_ylim()), OPTIMUM, half, strict=True):
        assert low < c - h and high > c + h
        assert low == pytest.approx(c - 1.12 * h) and high == pytest.approx(c + 1.12 * h)
    plt.close("all")


def test_it_draws_on_the_axes_it_is_given():
    fig, ax = plt.subplots()
    assert quadratic_contours(S, OPTIMUM, PATH, ax=ax) is ax
    plt.close(fig)


@pytest.mark.parametrize(("kwargs", "error", "needle"), [
    ({"curvature": np.eye(3)}, ValueError, "symmetric 2 x 2 matrix, got shape"),
    ({"curvature": [[1.0, 0.5], [0.0, 1.0]]}, ValueError, "not symmetric"),
    ({"curvature": [[1.0, 0.0], [0.0, -1.0]]}, ValueError, "positive definite"),
    ({"curvature": [[1.0, np.nan], [np.nan, 1.0]]}, ValueError, "finite"),
    ({"optimum": [1.0, 2.0, 3.0]}, ValueError, "optimum must hold 2 weights"),
    ({"path": [0.0, 0.0]}, ValueError, "path must be 2-D"),
    ({"path": np.zeros((3, 3))}, ValueError, r"path must have shape \(k, 2\)"),
    ({"path": [[1.0, -2.0], [0.0, 0.0]]}, ValueError, "start away from the optimum"),
    ({"num_levels": 0}, ValueError, "num_levels must be >= 1"),
    ({"num_levels": 2.5}, TypeError, "num_levels must be an integer"),
])
def test_bad_input(kwargs, error, needle):
    args = {"curvature": S, "optimum": OPTIMUM, "path": PATH, **kwargs}
    with pytest.raises(error, match=needle):
        quadratic_contours(**args)
    plt.close("all")
