"""helpers.plotting: what it draws, that it draws it the same way twice, and bad input."""

import io

import matplotlib.colors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import stats as sps

from helpers.plotting import COURSE_STYLE, hist_with_density, layer_histograms


def render(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def draw_normal():
    with plt.style.context(COURSE_STYLE):
        fig, ax = plt.subplots()
        x = np.random.default_rng(0).standard_normal(2000)
        hist_with_density(x, sps.norm.pdf, ax=ax)
    return fig, ax


def test_continuous_histogram_is_a_density_with_the_exact_curve():
    fig, ax = draw_normal()
    heights = np.array([p.get_height() for p in ax.patches])
    widths = np.array([p.get_width() for p in ax.patches])
    assert np.sum(heights * widths) == pytest.approx(1.0)
    (line,) = ax.get_lines()
    assert np.allclose(line.get_ydata(), sps.norm.pdf(line.get_xdata()))
    assert ax.get_ylabel() == "density"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sample", "exact"]
    plt.close(fig)


def test_discrete_bars_are_frequencies_and_markers_the_pmf():
    x = np.random.default_rng(1).binomial(10, 0.3, size=5000)
    ax = hist_with_density(x, lambda k: sps.binom.pmf(k, 10, 0.3), discrete=True)
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == pytest.approx(1.0)
    (markers,) = ax.get_lines()
    assert np.allclose(markers.get_ydata(), sps.binom.pmf(markers.get_xdata(), 10, 0.3))
    assert ax.get_ylabel() == "probability"
    plt.close("all")


def test_deterministic_rendering():
    assert render(draw_normal()[0]) == render(draw_normal()[0])


@pytest.mark.parametrize(("kwargs", "error", "needle"), [
    ({"x": [], "density": sps.norm.pdf}, ValueError, "empty"),
    ({"x": [[1.0]], "density": sps.norm.pdf}, ValueError, "1-D"),
    ({"x": [1.0, np.nan], "density": sps.norm.pdf}, ValueError, "finite"),
    ({"x": [1.0], "density": 3}, TypeError, "density must be a callable"),
    ({"x": [1.0], "density": sps.norm.pdf, "bins": 0}, ValueError, "bins must be >= 1"),
    ({"x": [1.5], "density": sps.norm.pdf, "discrete": True}, ValueError, "integers"),
])
def test_bad_input(kwargs, error, needle):
    with pytest.raises(error, match=needle):
        hist_with_density(**kwargs)


def test_show_displays_the_figure_with_its_alt_text_and_closes_it(monkeypatch):
    """The PNG IPython makes, its alt text in the metadata (the site) and an <img alt> of the
    same PNG (JupyterLab and Colab show HTML first and ignore the metadata)."""
    import base64
    import types

    import IPython
    import IPython.display

    from helpers.plotting import show

    png = b"\x89PNG\r\n\x1a\nfake"
    formatter = types.SimpleNamespace(format=lambda fig: (
        {"image/png": png, "text/plain": "<Figure size 700x380 with 1 Axes>"}, {}))
    shell = types.SimpleNamespace(display_formatter=formatter)
    shown = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, raw, metadata: shown.append((obj, raw, metadata)))
    fig, _ = plt.subplots()
    show(fig, alt='An empty set of axes, for the "test" & more.')
    encoded = base64.b64encode(png).decode("ascii")
    assert shown == [({
        "image/png": encoded, "text/plain": "<Figure size 700x380 with 1 Axes>",
        "text/html": ('<img alt="An empty set of axes, for the &quot;test&quot; &amp; more." '
                      f'src="data:image/png;base64,{encoded}"/>')},
        True, {"image/png": {"alt": 'An empty set of axes, for the "test" & more.'}})]
    assert not plt.fignum_exists(fig.number)


@pytest.mark.parametrize(("fig", "alt", "error"), [
    ("not a figure", "A sentence of four words.", TypeError),
    (None, "plot", ValueError),
    (None, None, ValueError),
])
def test_show_rejects_a_missing_description(fig, alt, error):
    from helpers.plotting import show

    fig = plt.figure() if fig is None else fig
    with pytest.raises(error, match="alt must be a sentence|fig must be a matplotlib Figure"):
        show(fig, alt)
    plt.close("all")


def test_layer_histograms_draw_one_panel_per_row_and_layer():
    rng = np.random.default_rng(0)
    relu_out = [np.maximum(rng.standard_normal((200, 8)), 0.0) for _ in range(3)]
    fig = layer_histograms({"He": relu_out, "LeCun": relu_out}, title="ReLU outputs",
                           value_range=(-6, 2), log10_nonzero=True)
    axes = np.array(fig.axes).reshape(2, 3)
    assert fig._suptitle.get_text() == "ReLU outputs"
    assert [ax.get_ylabel() for ax in axes[:, 0]] == ["He", "LeCun"]
    assert [ax.get_xlabel() for ax in axes[-1]] == ["layer 1", "layer 2", "layer 3"]
    zeros = np.mean(relu_out[0] == 0)
    assert axes[0, 0].get_title() == f"zeros {zeros:.0%}"
    counts = sum(p.get_height() for p in axes[0, 0].patches)  # only the non-zero outputs
    assert counts == np.count_nonzero(relu_out[0])
    plt.close(fig)


@pytest.mark.parametrize(("outputs", "kwargs", "error", "needle"), [
    ({}, {}, TypeError, "non-empty mapping"),
    ({"a": [np.ones(3)], "b": [np.ones(3)] * 2}, {}, ValueError, "same positive number"),
    ({"a": [np.ones(3)]}, {"value_range": (1, 0)}, ValueError, "low < high"),
    ({"a": [np.array([1.0, np.nan])]}, {}, ValueError, "finite"),
])
def test_layer_histograms_bad_input(outputs, kwargs, error, needle):
    with pytest.raises(error, match=needle):
        layer_histograms(outputs, **{"title": "t", "value_range": (0, 1), **kwargs})
    plt.close("all")


def test_layer_histograms_colours_rows_by_name_and_names_a_missing_one():
    rng = np.random.default_rng(0)
    outputs = {"He": [rng.random(20)] * 2, "LeCun": [rng.random(20)] * 2}
    fig = layer_histograms(outputs, title="t", value_range=(0, 1),
                           colors={"He": "C4", "LeCun": "C1"})
    assert fig.axes[0].patches[0].get_facecolor() == matplotlib.colors.to_rgba("C4")
    plt.close(fig)
    with pytest.raises(ValueError, match=r"missing \['LeCun'\]"):
        layer_histograms(outputs, title="t", value_range=(0, 1), colors={"He": "C4"})


def test_layer_histograms_fit_a_reading_column_with_tick_labels_on_every_row():
    """At 100 dpi the grid is at most 900 px wide (shown at full size on the course site),
    and every panel, not only the bottom row, labels its x axis."""
    rng = np.random.default_rng(0)
    outputs = {name: [rng.random(50)] * 5 for name in ("a", "b", "c")}
    with plt.style.context(COURSE_STYLE):
        fig = layer_histograms(outputs, title="t", value_range=(-1, 1))
    assert fig.get_size_inches()[0] * fig.dpi <= 900
    fig.canvas.draw()
    for ax in fig.axes:
        labels = [t.get_text() for t in ax.get_xticklabels() if t.get_visible()]
        assert labels == ["−1", "0", "1"], labels
    plt.close(fig)
