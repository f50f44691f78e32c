"""One course style, figures with alt text, and a histogram-with-exact-density helper.

Plotting helpers take an ``Axes`` (or make one) and return it, so the notebook decides the
layout, title and labels, and they draw the same picture for the same input every time.
Every notebook figure ends with ``show(fig, alt="...")``: the alternative text travels with
the stored output, for screen readers in JupyterLab and Colab and on the course site.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from helpers._validate import as_float_array, check_int

#: The course's matplotlib style: use ``with plt.style.context(COURSE_STYLE): ...`` or
#: ``plt.style.use(COURSE_STYLE)`` once at the top of a notebook.
COURSE_STYLE = {
    # 100 dpi and 11-point text: readable at notebook width in JupyterLab and on Colab.
    "figure.figsize": (7.0, 3.8),
    "figure.dpi": 100,
    "savefig.dpi": "figure",
    "font.size": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": "large",
    "legend.fontsize": "small",
    "legend.frameon": False,
    "hist.bins": 40,
}


def show(fig: plt.Figure, alt: str) -> None:
    """Display ``fig`` with alternative text ``alt`` and close it.

    In Jupyter the figure is displayed as the PNG that IPython makes of it, with ``alt`` in
    the output's metadata (nbformat's ``{"image/png": {"alt": ...}}``, which the course site
    uses), and beside it an HTML rendition of the same PNG, ``<img alt="..." src="data:...">``
    (:func:`figure_html`): JupyterLab and Colab show a bundle's HTML first and ignore the
    metadata, so that is where a screen reader finds the description there. Outside IPython
    it falls back to ``plt.show()``.

    Parameters
    ----------
    fig : matplotlib Figure
    alt : str
        A sentence saying what the figure shows, for a reader who cannot see it.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> show(fig, alt="")
    Traceback (most recent call last):
    ...
    ValueError: alt must be a sentence saying what the figure shows, got ''
    >>> plt.close(fig)
    """
    if not isinstance(fig, plt.Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    if not isinstance(alt, str) or len(alt.split()) < 4:
        raise ValueError(f"alt must be a sentence saying what the figure shows, got {alt!r}")
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python without IPython
        get_ipython = display = None
    shell = get_ipython() if get_ipython is not None else None
    if shell is None:
        plt.show()
        return
    data, metadata = shell.display_formatter.format(fig)
    png = data.get("image/png")
    if png is not None:
        png = png if isinstance(png, str) else base64.b64encode(png).decode("ascii")
        data = {**data, "image/png": png, "text/html": figure_html(png, alt)}
        metadata = {**metadata, "image/png": {**metadata.get("image/png", {}), "alt": alt}}
    display(data, raw=True, metadata=metadata)
    plt.close(fig)


def figure_html(png_base64: str, alt: str) -> str:
    """An ``<img>`` of a base64-encoded PNG with its alternative text, for an output's HTML.

    Examples
    --------
    >>> figure_html("iVBORw0KGgo=", 'Two "curves" & a line.')
    '<img alt="Two &quot;curves&quot; &amp; a line." src="data:image/png;base64,iVBORw0KGgo="/>'
    """
    return f'<img alt="{html.escape(alt, quote=True)}" src="data:image/png;base64,{png_base64}"/>'


def hist_with_density(x: np.typing.ArrayLike, density: Callable[[np.ndarray], np.ndarray],
                      *, ax: plt.Axes | None = None, discrete: bool = False, bins: int = 40,
                      label: str = "exact") -> plt.Axes:
    """Histogram of samples, normalized to a density, with the exact density overlaid.

    Parameters
    ----------
    x : array_like
        1-D samples.
    density : callable
        The exact probability density (continuous) or mass function (``discrete=True``),
        evaluated on an array of points.
    ax : matplotlib Axes, optional
        Where to draw; a new figure's Axes by default.
    discrete : bool
        For integer-valued samples: bars of relative frequency at each integer, and the
        mass function as markers, instead of a density histogram and a curve.
    bins : int
        Number of histogram bins (continuous only).
    label : str
        Legend label of the exact curve or markers.

    Returns
    -------
    matplotlib Axes
        With the y label set ("density" or "probability") and a legend; the caller sets the
        title and x label.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> ax = hist_with_density(rng.standard_normal(1000),
    ...                        lambda t: np.exp(-t**2 / 2) / np.sqrt(2 * np.pi))
    >>> ax.get_ylabel()
    'density'
    >>> plt.close("all")
    """
    samples = as_float_array(x, "x", ndim=1)
    if not callable(density):
        raise TypeError(f"density must be a callable, got {type(density).__name__}")
    bins = check_int(bins, "bins", minimum=1)
    if ax is None:
        _, ax = plt.subplots()
    if discrete:
        if not np.all(samples == np.round(samples)):
            raise ValueError("x must hold integers when discrete=True")
        values, counts = np.unique(samples, return_counts=True)
        support = np.arange(values.min(), values.max() + 1)
        ax.bar(values, counts / samples.size, width=0.8, alpha=0.6, label="sample")
        ax.plot(support, density(support), "o", color="black", label=label)
        ax.set_ylabel("probability")
    else:
        ax.hist(samples, bins=bins, density=True, alpha=0.6, label="sample")
        low, high = samples.min(), samples.max()
        pad = 0.05 * (high - low)  # draw the exact curve a little past the sample's range
        grid = np.linspace(low - pad, high + pad, 400)
        ax.plot(grid, density(grid), color="black", label=label)
        ax.set_ylabel("density")
    ax.legend()
    return ax


def layer_histograms(outputs: Mapping[str, Sequence[np.ndarray]], *, title: str,
                     value_range: tuple[float, float], log10_nonzero: bool = False,
                     bins: int = 30, colors: Mapping[str, str] | None = None) -> plt.Figure:
    """A grid of histograms of each layer's outputs: one row per name, one column per layer.

    Parameters
    ----------
    outputs : mapping of str to sequence of numpy.ndarray
        For each row label (an initialization, say), the outputs of every layer; every
        row must have the same number of layers.
    title : str
        The figure's title.
    value_range : (float, float)
        The histograms' common x range.
    log10_nonzero : bool
        Histogram ``log10`` of the non-zero outputs instead (for ReLU, whose zeros would
        hide the rest and whose scales differ by orders of magnitude), and title each
        panel with its share of exact zeros.
    bins : int
        Bins per histogram.
    colors : mapping of str to colour, optional
        A colour per row label (as the notebook's other figures use); by default the
        style's colour cycle, by row.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig = layer_histograms({"a": [rng.random((50, 4))] * 3, "b": [rng.random(20)] * 3},
    ...                        title="Two rows, three layers", value_range=(0, 1))
    >>> len(fig.axes)
    6
    >>> plt.close(fig)
    """
    if not isinstance(outputs, Mapping) or not outputs:
        raise TypeError(f"outputs must be a non-empty mapping of row label to layer outputs, "
                        f"got {type(outputs).__name__}")
    if colors is not None and not set(outputs) <= set(colors):
        raise ValueError(f"colors must name a colour for every row of outputs; missing "
                         f"{sorted(set(outputs) - set(colors))}")
    num_layers = {len(layers) for layers in outputs.values()}
    if len(num_layers) != 1 or 0 in num_layers:
        raise ValueError(f"every row of outputs must hold the same positive number of layers, "
                         f"got {sorted(num_layers)}")
    low, high = (float(v) for v in value_range)
    if not low < high:
        raise ValueError(f"value_range must be (low, high) with low < high, got {value_range}")
    bins = check_int(bins, "bins", minimum=1)
    num_rows, num_cols = len(outputs), num_layers.pop()
    # 9 inches: at 100 dpi the grid fits a 900-pixel reading column at full size, so its
    # labels stay legible; every row keeps its x tick labels (three per panel).
    fig, axes = plt.subplots(num_rows, num_cols, figsize=(9, 1.3 * num_rows + 0.9),
                             sharex=True, squeeze=False)
    for row, (label, layers) in enumerate(outputs.items()):
        for col, a in enumerate(layers):
            a = as_float_array(a, f"outputs[{label!r}][{col}]", allow_empty=True)
            ax = axes[row, col]
            values = np.log10(a[a != 0]) if log10_nonzero else a.ravel()
            if values.size:
                color = colors[label] if colors else f"C{row}"
                ax.hist(values, bins=bins, range=(low, high), color=color)
            if log10_nonzero:
                ax.set_title(f"zeros {np.mean(a == 0):.0%}", fontsize="small", pad=2)
            ax.set_yticks([])
            ax.set_xlim(low, high)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=3, steps=[1, 2, 2.5, 5, 10]))
            ax.tick_params(labelsize="small", labelbottom=True)
            if col == 0:
                ax.set_ylabel(label)
            if row == num_rows - 1:
                ax.set_xlabel(f"layer {col + 1}")
    fig.suptitle(title)
    fig.tight_layout()
    return fig
