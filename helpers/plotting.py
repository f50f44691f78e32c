"""One course style, figures with alt text, and a histogram-with-exact-density helper.

Plotting helpers take an ``Axes`` (or make one) and return it, so the notebook decides the
layout, title and labels, and they draw the same picture for the same input every time.
Every notebook figure ends with ``show(fig, alt="...")``: the alternative text travels with
the stored output, for screen readers and the course site.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

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

    In Jupyter the figure is displayed as a PNG whose output metadata carries ``alt``
    (nbformat's ``{"image/png": {"alt": ...}}``), which the course site turns into the
    image's alt attribute. Outside IPython it falls back to ``plt.show()``.

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
    if get_ipython is None or get_ipython() is None:
        plt.show()
        return
    display(fig, metadata={"image/png": {"alt": alt}})
    plt.close(fig)


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


def quadratic_contours(curvature: np.typing.ArrayLike, optimum: np.typing.ArrayLike,
                       path: np.typing.ArrayLike, *, ax: plt.Axes | None = None,
                       num_levels: int = 6, color: str = "C0",
                       label: str = "gradient descent") -> plt.Axes:
    """Contour lines of a quadratic loss of two weights, and a path through them.

    The loss is ``(w - optimum)^T curvature (w - optimum)`` above its minimum: for least
    squares on centred features ``Z``, ``curvature`` is ``Z.T @ Z / n`` and the loss is the
    mean squared error minus its optimum. The outermost contour passes through the path's
    first point; each next one is at a quarter of the loss (half the distance), so their
    shapes show how stretched the loss is. The axes have equal scales, so a gradient is
    drawn at right angles to its contour.

    Parameters
    ----------
    curvature : array_like, shape (2, 2)
        Symmetric positive definite.
    optimum : array_like, shape (2,)
        The weights where the loss is smallest (marked with a star).
    path : array_like, shape (k, 2)
        The weights visited, first to last (drawn as dots joined by a line).
    ax : matplotlib Axes, optional
        Where to draw; a new figure's Axes by default.
    num_levels : int
        Number of contour lines, at least 1.
    color : colour
        Colour of the path.
    label : str
        Legend label of the path.

    Returns
    -------
    matplotlib Axes
        Limits set to the outermost contour with a margin; the caller sets the title and
        axis labels.

    Examples
    --------
    >>> path = [[0.0, 0.0], [0.9, 1.0], [1.0, 1.0]]
    >>> ax = quadratic_contours([[1.0, 0.0], [0.0, 4.0]], [1.0, 1.0], path)
    >>> ax.get_aspect()
    1.0
    >>> plt.close("all")
    """
    S = as_float_array(curvature, "curvature", ndim=2)
    if S.shape != (2, 2) or not np.allclose(S, S.T):
        raise ValueError(f"curvature must be a symmetric 2 x 2 matrix, got shape {S.shape}"
                         + ("" if S.shape != (2, 2) else " that is not symmetric"))
    if np.linalg.eigvalsh(S).min() <= 0:
        raise ValueError("curvature must be positive definite (both eigenvalues > 0), got "
                         f"eigenvalues {np.linalg.eigvalsh(S)}")
    centre = as_float_array(optimum, "optimum", ndim=1)
    if centre.shape != (2,):
        raise ValueError(f"optimum must hold 2 weights, got shape {centre.shape}")
    points = as_float_array(path, "path", ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"path must have shape (k, 2), one row per point, got {points.shape}")
    num_levels = check_int(num_levels, "num_levels", minimum=1)
    start = points[0] - centre
    top = float(start @ S @ start)
    if top <= 0:
        raise ValueError("path must start away from the optimum (its loss there is 0)")
    if ax is None:
        _, ax = plt.subplots()
    # The ellipse {d : d^T S d <= top} spans +-sqrt(top * inv(S)_ii) along axis i.
    half = np.sqrt(top * np.diag(np.linalg.inv(S))) * 1.12
    grid = [np.linspace(c - h, c + h, 301) for c, h in zip(centre, half, strict=True)]
    W1, W2 = np.meshgrid(*grid)
    D1, D2 = W1 - centre[0], W2 - centre[1]
    loss = S[0, 0] * D1**2 + 2 * S[0, 1] * D1 * D2 + S[1, 1] * D2**2
    levels = top * 0.25 ** np.arange(num_levels)[::-1]  # increasing, as contour needs
    ax.contour(W1, W2, loss, levels=levels, colors="0.6", linewidths=0.8)
    ax.plot(points[:, 0], points[:, 1], "o-", color=color, markersize=3, linewidth=1.2,
            label=label)
    ax.plot(*centre, "*", color="black", markersize=10, label="optimum")
    ax.set_xlim(grid[0][0], grid[0][-1])
    ax.set_ylim(grid[1][0], grid[1][-1])
    ax.set_aspect("equal")
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
    fig, axes = plt.subplots(num_rows, num_cols, figsize=(11, 1.5 * num_rows + 1),
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
                ax.set_title(f"zeros {np.mean(a == 0):.0%}", fontsize="x-small", pad=2)
            ax.set_yticks([])
            ax.tick_params(labelsize="x-small")
            if col == 0:
                ax.set_ylabel(label, fontsize="small")
            if row == num_rows - 1:
                ax.set_xlabel(f"layer {col + 1}", fontsize="small")
    fig.suptitle(title)
    fig.tight_layout()
    return fig
