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


# --- Day 6: curves over seeds and paired gains ---------------------------------------------

def _seed_rows(values: object, name: str, num_points: int | None = None) -> np.ndarray:
    """``values`` as a finite 2-D float array, one row per seed (at least 2 seeds)."""
    arr = as_float_array(values, name, ndim=2)
    if arr.shape[0] < 2:
        raise ValueError(f"{name} must hold at least 2 seeds (rows) for a spread, got "
                         f"{arr.shape[0]}")
    if num_points is not None and arr.shape[1] != num_points:
        raise ValueError(f"{name} must have one column per x value ({num_points}), got "
                         f"{arr.shape[1]}")
    return arr


def _t_half_width(rows: np.ndarray, level: float = 0.95) -> np.ndarray:
    """Half-width of the t interval for the mean of each column of ``rows`` (seeds x points)."""
    from helpers.intervals import t_quantile

    n = rows.shape[0]
    return t_quantile(0.5 + level / 2, n - 1) * rows.std(axis=0, ddof=1) / np.sqrt(n)


def mean_curves(ax: plt.Axes, x: np.typing.ArrayLike, curves: Mapping[str, np.ndarray], *,
                band: str = "sd", scale: float = 1.0,
                colors: Mapping[str, str] | None = None) -> plt.Axes:
    """For each label, the mean over seeds of a curve, with a shaded band.

    Parameters
    ----------
    ax : matplotlib Axes
    x : array_like
        The x values, one per column (e.g. training images processed).
    curves : mapping of str to numpy.ndarray
        For each label, an array of shape ``(seeds, len(x))``: one curve per seed.
    band : {"sd", "interval"}
        The band: ± one standard deviation over the seeds (how much one run varies), or
        the 95% t interval for the mean over the seeds (how well the mean is known).
    scale : float
        Multiplies every value (100 draws proportions as percentages).
    colors : mapping of str to colour, optional
        A colour per label; by default the style's colour cycle.

    Returns
    -------
    matplotlib Axes
        With a legend; the caller sets the title and labels.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> ax = mean_curves(plt.figure().gca(), [1, 2, 3], {"a": rng.random((5, 3))})
    >>> len(ax.get_lines()), len(ax.collections)
    (1, 1)
    >>> plt.close("all")
    """
    xs = as_float_array(x, "x", ndim=1)
    if not isinstance(curves, Mapping) or not curves:
        raise TypeError(f"curves must be a non-empty mapping of label to (seeds, points) "
                        f"arrays, got {type(curves).__name__}")
    if band not in ("sd", "interval"):
        raise ValueError(f"band must be 'sd' or 'interval', got {band!r}")
    for i, (label, values) in enumerate(curves.items()):
        rows = _seed_rows(values, f"curves[{label!r}]", xs.size) * scale
        mean = rows.mean(axis=0)
        half = rows.std(axis=0, ddof=1) if band == "sd" else _t_half_width(rows)
        color = colors[label] if colors else f"C{i}"
        ax.plot(xs, mean, color=color, label=label)
        ax.fill_between(xs, mean - half, mean + half, color=color, alpha=0.2, linewidth=0)
    ax.legend()
    return ax


def paired_gain_bars(ax: plt.Axes, gains: np.typing.ArrayLike, *, scale: float = 100.0,
                     level: float = 0.95) -> plt.Axes:
    """One bar per seed for a paired gain (green above 0, red below), with the mean gain
    and its t interval (Day 10's ``paired_interval``) as a band.

    Examples
    --------
    >>> ax = paired_gain_bars(plt.figure().gca(), [0.01, -0.002, 0.004, 0.0, 0.003, 0.006])
    >>> len(ax.containers[0]), ax.get_xlabel()  # one bar per seed
    (6, 'seed')
    >>> plt.close("all")
    """
    from helpers.intervals import mean_interval

    values = as_float_array(gains, "gains", ndim=1)
    est, low, high = mean_interval(values, level)  # it needs 6 seeds or more
    seeds = np.arange(1, values.size + 1)
    ax.bar(seeds, scale * values, color=np.where(values > 0, "C2", "C3"))
    ax.axhspan(scale * low, scale * high, color="C0", alpha=0.2,
               label=f"{level:.0%} paired interval")
    ax.axhline(scale * est, color="C0", label="mean gain")
    ax.axhline(0, color="black", linewidth=1)
    ax.set(xlabel="seed", xticks=seeds)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def gains_by_group(ax: plt.Axes, groups: Sequence[object],
                   gains: Mapping[str, np.ndarray], *, scale: float = 100.0,
                   level: float = 0.95) -> plt.Axes:
    """Per-seed gains as small dots and their mean with a t interval, for each group
    (e.g. a training-set size) and each design (the mapping's labels), side by side.

    Parameters
    ----------
    ax : matplotlib Axes
    groups : sequence
        The groups' names, shown as x tick labels (evenly spaced).
    gains : mapping of str to numpy.ndarray
        For each design, an array ``(len(groups), seeds)`` of per-seed gains.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> ax = gains_by_group(plt.figure().gca(), [100, 1000],
    ...                     {"a": rng.random((2, 6)), "b": rng.random((2, 6))})
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['100', '1000']
    >>> plt.close("all")
    """
    if not isinstance(gains, Mapping) or not gains:
        raise TypeError(f"gains must be a non-empty mapping of label to (groups, seeds) "
                        f"arrays, got {type(gains).__name__}")
    positions = np.arange(len(groups), dtype=float)
    width = 0.7 / len(gains)
    for i, (label, values) in enumerate(gains.items()):
        rows = _seed_rows(np.asarray(values).T, f"gains[{label!r}] (transposed)",
                          len(groups)) * scale
        at = positions + (i - (len(gains) - 1) / 2) * width
        color = f"C{i}"
        ax.scatter(np.repeat(at, rows.shape[0]), rows.T.ravel(), s=10, color=color,
                   alpha=0.35, linewidth=0)
        ax.errorbar(at, rows.mean(axis=0), yerr=_t_half_width(rows, level), fmt="o",
                    color=color, capsize=4, label=f"{label}: mean, {level:.0%} interval")
    ax.axhline(0, color="black", linewidth=1)
    ax.set_xticks(positions, [str(g) for g in groups])
    ax.legend()
    return ax
