"""Explorations: a day's key experiment as one function of the values a learner can move.

Each ``explore_*`` function draws one figure (with alt text, :func:`helpers.plotting.show`)
and prints a short rounded summary, from data the notebook made once (draws, accuracies),
so that a change of a control only recomputes cheap summaries and redraws (a few tenths of
a second at most). A notebook calls it twice: first plainly at the default values (the
*static twin*: its summary is a stored output nbval compares, its figure the one the site
shows), then in a cell tagged ``nbval-ignore-output`` that only wires controls to it,
with ``ipywidgets.interact`` (which behaves the same in ipywidgets 7, Colab's, and 8).

The ``*_figure`` functions build the figure, its alt text and the summary without
displaying anything (what the tests time and check); nothing here draws random numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

from helpers._validate import as_float_array, check_int, check_positive, check_probability
from helpers.distributions import binomial_pmf, normal_pdf
from helpers.intervals import mean_interval
from helpers.nn import relu, sigmoid
from helpers.plotting import hist_with_density, show

Figure = tuple[plt.Figure, str, str]  # the figure, its alt text, the printed summary


def _present(fig: plt.Figure, alt: str, summary: str) -> None:
    show(fig, alt=alt)
    print(summary)


def _check_choice(value: object, name: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
    return str(value)


def _check_n(n: object, name: str, available: int, minimum: int = 1) -> int:
    n = check_int(n, name, minimum=minimum)
    if n > available:
        raise ValueError(f"{name} must be at most the {available:,} values available, got {n:,}")
    return n


# --- Day 2: a distribution's parameter and the sample size against its exact density -------

FAMILIES = ("normal", "exponential", "uniform")


def _family_density(family: str, scale: float):
    if family == "normal":
        return lambda t: normal_pdf(t, 0.0, scale)
    if family == "exponential":
        return lambda t: np.where(t >= 0, np.exp(-np.maximum(t, 0) / scale) / scale, 0.0)
    return lambda t: np.where((t >= 0) & (t <= scale), 1.0 / scale, 0.0)


def distribution_figure(z: np.typing.ArrayLike, u: np.typing.ArrayLike, family: str = "normal",
                        scale: float = 1.0, n: int = 1_000) -> Figure:
    """The first ``n`` draws of a distribution against its exact density.

    The draws are made from the same standard draws whatever the controls: ``scale * z``
    (normal, sd ``scale``), ``-scale * log(1 - u)`` (exponential, mean ``scale``, by the
    inverse CDF) or ``scale * u`` (uniform on [0, ``scale``]), so moving a control changes
    only what it names.

    Parameters
    ----------
    z, u : array_like
        Standard normal and uniform [0, 1) draws, 1-D, at least ``n`` of each.
    family : {"normal", "exponential", "uniform"}
    scale : float
        The sd, the mean or the width: positive.
    n : int
        How many draws to show.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig, alt, summary = distribution_figure(rng.standard_normal(100), rng.random(100),
    ...                                         "uniform", 2.0, 100)
    >>> print(summary)
    uniform, scale 2, n = 100: mean 1.0578 (exact 1.0000, z 1.0)
    sd 0.6041 (exact 0.5774); z: the mean's gap in standard errors, exact sd / sqrt(n)
    >>> plt.close(fig)
    """
    family = _check_choice(family, "family", FAMILIES)
    scale = check_positive(scale, "scale")
    z = as_float_array(z, "z", ndim=1)
    u = as_float_array(u, "u", ndim=1)
    n = _check_n(n, "n", min(z.size, u.size), minimum=2)
    if family == "normal":
        x, mean, sd, xlim = scale * z[:n], 0.0, scale, (-12.0, 12.0)
    elif family == "exponential":
        x, mean, sd, xlim = -scale * np.log1p(-u[:n]), scale, scale, (-0.5, 15.0)
    else:
        x, mean, sd, xlim = scale * u[:n], scale / 2, scale / math.sqrt(12), (-0.5, 4.5)
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    hist_with_density(x, _family_density(family, scale), ax=ax, bins=40,
                      label=f"exact {family} density")
    ax.set(title=f"{n:,} {family} draws, scale {scale:g}", xlabel="value", xlim=xlim)
    fig.tight_layout()
    alt = (f"Histogram of {n:,} draws from the {family} distribution with scale {scale:g}, "
           f"with its exact density drawn over it; the bars follow the curve more closely "
           f"the more draws there are.")
    z_mean = (x.mean() - mean) / (sd / math.sqrt(n))  # in standard errors of the exact sd
    summary = (f"{family}, scale {scale:g}, n = {n:,}: mean {x.mean():.4f} (exact {mean:.4f}, "
               f"z {z_mean:.1f})\n"
               f"sd {x.std(ddof=1):.4f} (exact {sd:.4f}); z: the mean's gap in standard "
               f"errors, exact sd / sqrt(n)")
    return fig, alt, summary


def explore_distribution(z: np.typing.ArrayLike, u: np.typing.ArrayLike,
                         family: str = "normal", scale: float = 1.0, n: int = 1_000) -> None:
    """Show :func:`distribution_figure` and print its summary."""
    _present(*distribution_figure(z, u, family, scale, n))


# --- Day 3: the sample size against the spread of sample means -----------------------------

def sample_mean_figure(draws: np.typing.ArrayLike, n: int = 100,
                       threshold: float = 0.22) -> Figure:
    """The means of the first ``n`` columns of each row of standard normal ``draws`` (one
    sample per row), against the normal density with sd ``1 / sqrt(n)``, and the share of
    means at least ``threshold`` away from 0.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig, alt, summary = sample_mean_figure(rng.standard_normal((2_000, 100)), 100)
    >>> summary.splitlines()[0]
    'n = 100: sd of 2,000 means 0.1022 (1/sqrt(n) = 0.1000)'
    >>> plt.close(fig)
    """
    draws = as_float_array(draws, "draws", ndim=2)
    n = _check_n(n, "n", draws.shape[1])
    threshold = check_positive(threshold, "threshold")
    means = draws[:, :n].mean(axis=1)
    se = 1 / math.sqrt(n)
    share = float(np.mean(np.abs(means) >= threshold))
    theory = math.erfc(threshold / se / math.sqrt(2))  # P(|normal| >= threshold)
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    hist_with_density(means, lambda t: normal_pdf(t, 0.0, se), ax=ax,
                      label=f"normal, sd 1/sqrt(n) = {se:.3g}")
    for edge in (-threshold, threshold):
        ax.axvline(edge, color="red", linestyle="--",
                   label=f"±{threshold:g}" if edge > 0 else None)
    ax.set(title=f"{means.size:,} means of n = {n:,} standard normal draws",
           xlabel="sample mean", xlim=(-3.5, 3.5))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    alt = (f"Histogram of {means.size:,} means of {n:,} standard normal draws each, centred "
           f"on 0 with spread {se:.3g}, following the normal curve; dashed lines at "
           f"±{threshold:g} mark how far out a mean of 0.22 lies.")
    summary = (f"n = {n:,}: sd of {means.size:,} means {means.std(ddof=1):.4f} "
               f"(1/sqrt(n) = {se:.4f})\nshare with |mean| >= {threshold:g}: {share:.3f} ± "
               f"{math.sqrt(share * (1 - share) / means.size):.3f} "
               f"(normal theory {theory:.3f})")
    return fig, alt, summary


def explore_sample_mean(draws: np.typing.ArrayLike, n: int = 100,
                        threshold: float = 0.22) -> None:
    """Show :func:`sample_mean_figure` and print its summary."""
    _present(*sample_mean_figure(draws, n, threshold))


# --- Day 5: the init rule and scale against the layers' histograms --------------------------

INIT_RULES = {  # std of W for a layer of shape (fan_in, fan_out)
    "LeCun": lambda fan_in, fan_out: math.sqrt(1 / fan_in),
    "Glorot": lambda fan_in, fan_out: math.sqrt(2 / (fan_in + fan_out)),
    "He": lambda fan_in, fan_out: math.sqrt(2 / fan_in),
}
ACTIVATIONS = {"sigmoid": sigmoid, "tanh": np.tanh, "relu": relu}
#: Rows of the input whose outputs the histograms show (the summary uses every row): the
#: histograms' shapes are already clear, and binning every output would slow each redraw.
HIST_ROWS = 200


def _bad_share(activation: str, a: np.ndarray) -> float:
    """Share of saturated (sigmoid, tanh) or exactly zero (ReLU) outputs."""
    if activation == "sigmoid":
        return float(np.mean((a < 0.01) | (a > 0.99)))
    if activation == "tanh":
        return float(np.mean(np.abs(a) > 0.99))
    return float(np.mean(a == 0))


def _layer_row(outs: Sequence[np.ndarray], *, value_range: tuple[float, float],
               log10_nonzero: bool, bins: int = 30) -> plt.Figure:
    """One histogram per layer, in a row: ``layer_histograms``'s picture for one row, drawn
    as one filled outline per panel (``stairs``) rather than a patch per bar, which halves
    the time of a redraw."""
    fig, axes = plt.subplots(1, len(outs), figsize=(9, 2.4), sharex=True, squeeze=False)
    for col, (ax, a) in enumerate(zip(axes[0], outs, strict=True)):
        values = np.log10(a[a != 0]) if log10_nonzero else a.ravel()
        counts, edges = np.histogram(values, bins=bins, range=value_range)
        ax.stairs(counts, edges, fill=True, color="C0")
        if log10_nonzero:
            ax.set_title(f"zeros {np.mean(a == 0):.0%}", fontsize="small", pad=2)
        ax.set_yticks([])
        ax.set_xlim(*value_range)
        ax.tick_params(labelsize="small")
        ax.set_xlabel(f"layer {col + 1}")
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.25, top=0.75, wspace=0.1)
    return fig


def init_figure(X: np.typing.ArrayLike, W_unit: Sequence[np.ndarray], activation: str = "tanh",
                rule: str = "Glorot", scale: float = 1.0) -> Figure:
    """Histograms of each layer's outputs (of the first ``HIST_ROWS`` rows of ``X``; the
    printed stds and shares use every row) for input ``X`` through weights
    ``scale * std(fan_in, fan_out) * W`` for each standard normal ``W`` of ``W_unit``, with
    ``std`` given by ``rule`` (LeCun, Glorot or He).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> W = [rng.standard_normal((64, 32)), rng.standard_normal((32, 16))]
    >>> fig, alt, summary = init_figure(rng.standard_normal((100, 64)), W, "relu", "He")
    >>> summary.splitlines()[0]
    'relu, He x 1: std of the outputs by layer 0.7963 0.7827'
    >>> plt.close(fig)
    """
    activation = _check_choice(activation, "activation", list(ACTIVATIONS))
    rule = _check_choice(rule, "rule", list(INIT_RULES))
    scale = check_positive(scale, "scale")
    a = as_float_array(X, "X", ndim=2)
    if not W_unit:
        raise ValueError("W_unit must hold at least one weight matrix")
    f, std = ACTIVATIONS[activation], INIT_RULES[rule]
    outs = []
    for i, W in enumerate(W_unit):
        W = as_float_array(W, f"W_unit[{i}]", ndim=2)
        if W.shape[0] != a.shape[1]:
            raise ValueError(f"W_unit[{i}] must have {a.shape[1]} rows (the previous layer's "
                             f"width), got shape {W.shape}")
        a = f(a @ (scale * std(*W.shape) * W))
        outs.append(a)
    label = f"{rule} x {scale:.3g}"
    fig = _layer_row([o[:HIST_ROWS] for o in outs], log10_nonzero=activation == "relu",
                     value_range={"sigmoid": (0, 1), "tanh": (-1, 1)}.get(activation, (-7, 6)))
    fig.suptitle(f"{activation}, {label}: "
                 + ("log10 of each layer's non-zero outputs" if activation == "relu"
                    else "each layer's outputs"))
    what = "zero" if activation == "relu" else "saturated"
    alt = (f"A row of {len(outs)} histograms, one per layer, of the {activation} outputs of a "
           f"network initialized with {rule} times {scale:.3g}: how their spread grows, "
           f"shrinks or piles up at the bounds from layer to layer.")
    summary = (f"{activation}, {label}: std of the outputs by layer "
               + " ".join(f"{o.std():.4f}" for o in outs)
               + f"\nshare {what}, by layer: "
               + " ".join(f"{_bad_share(activation, o):.2f}" for o in outs))
    return fig, alt, summary


def explore_init(X: np.typing.ArrayLike, W_unit: Sequence[np.ndarray], activation: str = "tanh",
                 rule: str = "Glorot", scale: float = 1.0) -> None:
    """Show :func:`init_figure` and print its summary."""
    _present(*init_figure(X, W_unit, activation, rule, scale))


# --- Day 6: the dropout probability against the kept units and the gain ---------------------

def dropout_figure(u: np.typing.ArrayLike, p: float = 0.5) -> Figure:
    """Masks ``u >= p`` (as ``dropout_mask`` draws them) from uniform draws ``u``, one mask
    per row: the number of kept units against Binomial(n, 1 - p), and the gain 1 / (1 - p)
    that inverted dropout multiplies the kept units by, which keeps their mean.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig, alt, summary = dropout_figure(rng.random((1_000, 100)), 0.2)
    >>> summary.splitlines()[0]
    'p = 0.20: units kept out of 100, mean 79.87 (exact 80.00), sd 4.01 (exact 4.00)'
    >>> plt.close(fig)
    """
    u = as_float_array(u, "u", ndim=2)
    p = check_probability(p)
    if p >= 1:
        raise ValueError(f"p must be below 1 (p = 1 drops every unit), got {p}")
    n = u.shape[1]
    masks = u >= p
    kept = masks.sum(axis=1)
    gain = 1 / (1 - p)
    scaled_mean = float(masks.mean() * gain)  # the mean of mask / (1 - p) over every unit
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9.0, 3.4))
    hist_with_density(kept, lambda k: binomial_pmf(k, n, 1 - p), ax=ax1, discrete=True,
                      label=f"Binomial({n}, {1 - p:.2f})")
    ax1.set(title=f"Units kept out of {n}, p = {p:.2f}", xlabel="units kept", xlim=(-2, n + 2))
    ax1.set_ylim(0, 1.4 * ax1.get_ylim()[1])  # room for the legend above the bars
    ax1.legend(loc="upper right")
    grid = np.linspace(0, 0.9, 200)
    ax2.plot(grid, 1 / (1 - grid), color="black", label="gain 1/(1-p)")
    ax2.plot([p], [gain], "o", color="C1", markersize=8, label=f"p = {p:.2f}: x{gain:.2f}")
    ax2.set(title="Inverted dropout's gain", xlabel="p (probability of dropping)",
            ylabel="kept units multiplied by", ylim=(0, 10.5))
    ax2.legend(loc="upper left")
    fig.tight_layout()
    alt = (f"Left: bars of how often each number of kept units occurred in {kept.size:,} "
           f"masks of {n} units with p = {p:.2f}, with the exact binomial probabilities on "
           f"top. Right: the gain 1/(1-p) against p, rising steeply, with p = {p:.2f} marked.")
    summary = (f"p = {p:.2f}: units kept out of {n}, mean {kept.mean():.2f} "
               f"(exact {n * (1 - p):.2f}), sd {kept.std():.2f} "
               f"(exact {math.sqrt(n * p * (1 - p)):.2f})"
               f"\ngain 1/(1-p) = {gain:.2f}; mean of mask x gain over every unit "
               f"{scaled_mean:.4f} (exact 1)")
    return fig, alt, summary


def explore_dropout(u: np.typing.ArrayLike, p: float = 0.5) -> None:
    """Show :func:`dropout_figure` and print its summary."""
    _present(*dropout_figure(u, p))


# --- Day 8: the number of draws and the distribution against the running mean --------------

def running_mean_figure(draws: Mapping[str, tuple[np.ndarray, float | None, float]],
                        name: str, n: int = 1_000, num_points: int = 400) -> Figure:
    """The running mean of the first ``n`` of ``draws[name]`` and its band.

    Parameters
    ----------
    draws : mapping of str to (array, mean, sd)
        For each distribution, its draws (1-D), its true mean (``None`` if it has none) and
        its true sd (``math.inf`` if infinite): the band ``mean ± 2 sd / sqrt(k)`` is drawn
        only when both are finite.
    name : str
        Which distribution to show.
    n : int
        How many draws.
    num_points : int
        The path is drawn at about this many values of k, spaced evenly on the log scale
        (every k up to that), which keeps the redraw fast.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> draws = {"normal": (rng.normal(5, 2, 10_000), 5.0, 2.0)}
    >>> fig, alt, summary = running_mean_figure(draws, "normal", 10_000)
    >>> summary
    'normal, n = 10,000: running mean 5.0126, error +0.0126 = +0.63 standard errors'
    >>> plt.close(fig)
    """
    if not isinstance(draws, Mapping) or not draws:
        raise TypeError(f"draws must be a non-empty mapping of name to (draws, mean, sd), got "
                        f"{type(draws).__name__}")
    name = _check_choice(name, "name", list(draws))
    values, mean, sd = draws[name]
    values = as_float_array(values, f"draws[{name!r}]", ndim=1)
    n = _check_n(n, "n", values.size)
    num_points = check_int(num_points, "num_points", minimum=2)
    path = np.cumsum(values[:n]) / np.arange(1, n + 1)
    k = np.unique(np.geomspace(1, n, num_points).astype(np.int64))
    has_band = mean is not None and math.isfinite(sd)
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    if has_band:
        band = 2 * sd / np.sqrt(k)
        ax.fill_between(k, mean - band, mean + band, color="C0", alpha=0.2,
                        label="mean ± 2 sd/sqrt(n)")
    if mean is not None:
        ax.axhline(mean, color="C3", linestyle="--", linewidth=1, label=f"mean {mean:g}")
    ax.plot(k, path[k - 1], color="black", linewidth=1, label="running mean")
    tail = path[min(9, n - 1):]  # the first few means swing widely: scale to the rest
    low, high = float(tail.min()), float(tail.max())
    if has_band:
        band_10 = 2 * sd / math.sqrt(10)  # the band at n = 10
        low, high = min(low, mean - band_10), max(high, mean + band_10)
    pad = 0.1 * (high - low) + 1e-9
    ax.set(title=f"Running mean of {n:,} {name} draws", xlabel="n (number of draws)",
           ylabel="mean of the first n", xscale="log", xlim=(1, values.size),
           ylim=(low - pad, high + pad))
    ax.legend(loc="upper right")
    fig.tight_layout()
    end = float(path[-1])
    if mean is None:
        verdict = "no mean: the running mean never settles"
        alt_end = "it keeps jumping, as there is no mean to settle on"
    elif not has_band:
        verdict = f"error {end - mean:+.4f}\ninfinite variance: no sigma/sqrt(n) band, it settles slower"
        alt_end = f"it creeps towards {mean:g} slowly, with jumps, and no band can be drawn"
    else:
        se = sd / math.sqrt(n)
        verdict = f"error {end - mean:+.4f} = {(end - mean) / se:+.2f} standard errors"
        alt_end = f"it narrows towards {mean:g} inside the shrinking band"
    alt = (f"The running mean of {n:,} {name} draws against the number of draws on a log "
           f"scale: {alt_end}.")
    summary = f"{name}, n = {n:,}: running mean {end:.4f}, {verdict}"
    return fig, alt, summary


def explore_running_mean(draws: Mapping[str, tuple[np.ndarray, float | None, float]],
                         name: str, n: int = 1_000) -> None:
    """Show :func:`running_mean_figure` and print its summary."""
    _present(*running_mean_figure(draws, name, n))


# --- Day 10: the number of seeds against the interval's width -------------------------------

def seed_count_figure(results: np.typing.ArrayLike, num_seeds: int, level: float = 0.95) -> Figure:
    """The first ``num_seeds`` results (one per seed) with the t interval of their mean, and
    the interval's half-width for every number of seeds from 6 (the fewest Day 10's
    ``NUM_SEEDS`` allows, drawn as a dotted line) to all of them.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig, alt, summary = seed_count_figure(rng.normal(0.9, 0.01, 30), 10)
    >>> summary.split(", half")[0]
    '10 seeds: mean 0.9008, 95% interval [0.8953, 0.9064]'
    >>> plt.close(fig)
    """
    values = as_float_array(results, "results", ndim=1)
    num_seeds = _check_n(num_seeds, "num_seeds", values.size, minimum=6)
    counts = np.arange(6, values.size + 1)
    intervals = [mean_interval(values[:k], level) for k in counts]
    halves = np.array([i.high - i.estimate for i in intervals])
    est, low, high = mean_interval(values[:num_seeds], level)
    half = high - est
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9.0, 3.4), width_ratios=(1.2, 1))
    seeds = np.arange(1, values.size + 1)
    used = seeds <= num_seeds
    ax1.plot(seeds[used], values[used], "o", color="C1", markersize=4, label="used")
    ax1.plot(seeds[~used], values[~used], "o", color="0.75", markersize=4, label="not yet")
    ax1.axhspan(low, high, color="C0", alpha=0.3, label=f"{level:.0%} interval of the mean")
    ax1.axhline(est, color="C0", linewidth=1)
    ax1.set(title=f"The first {num_seeds} of {values.size} seeds", xlabel="seed",
            ylabel="result", ylim=(values.min() - 0.1 * np.ptp(values),
                                   values.max() + 0.1 * np.ptp(values)))
    ax1.legend(loc="lower right", fontsize="x-small")
    ax2.plot(counts, halves, color="black", label="half-width")
    sd_all = float(values.std(ddof=1))
    ax2.plot(counts, 2 * sd_all / np.sqrt(counts), color="C3", linestyle="--",
             label="2 sd/sqrt(n), sd of all seeds")
    ax2.plot([num_seeds], [half], "o", color="C1", markersize=8)
    ax2.axvline(6, color="0.5", linestyle=":", label="6 seeds: the fewest NUM_SEEDS allows")
    ax2.set(title="Half-width of the interval", xlabel="number of seeds", ylabel="half-width",
            xlim=(0, values.size + 1),
            ylim=(0, 1.1 * max(halves.max(), 2 * sd_all / math.sqrt(6))))
    ax2.legend(loc="upper right", fontsize="x-small")
    fig.tight_layout()
    alt = (f"Left: the result of each of {values.size} seeds, the first {num_seeds} coloured, "
           f"with the {level:.0%} interval of their mean as a band. Right: the interval's "
           f"half-width against the number of seeds, shrinking roughly like one over the "
           f"square root of the number, with {num_seeds} seeds marked and a dotted line at "
           f"6 seeds, the fewest the notebook allows (t needs 5 degrees of freedom).")
    summary = (f"{num_seeds} seeds: mean {est:.4f}, {level:.0%} interval [{low:.4f}, {high:.4f}], "
               f"half-width {half:.4f} ({half / halves[-1]:.1f}x that of all {values.size})")
    return fig, alt, summary


def explore_seed_count(results: np.typing.ArrayLike, num_seeds: int) -> None:
    """Show :func:`seed_count_figure` and print its summary."""
    _present(*seed_count_figure(results, num_seeds))
