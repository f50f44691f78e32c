"""When is a training run diverging? One rule for every trainer of the course.

:func:`helpers.regression.fit_gradient_descent` (Day 7) and the network trainers of
:mod:`helpers.nn` (Days 5, 6 and 10) call :func:`divergence` after every step with the
losses so far. A run is diverging when

* **fast**: the newest step's loss is not finite, or above a millionfold the first one;
* **slow**: the loss, averaged over consecutive windows of ``window`` steps, rose
  ``DIVERGENCE_PATIENCE`` windows in a row and the newest window average is above
  ``growth`` times the lowest one (and above ``floor``). Averaging keeps the noise of
  mini-batch losses from looking like growth; asking for ``growth`` (twice, for
  mini-batches) keeps the random rises of a run at its noise floor from looking like
  divergence. A classifier's cross-entropy can fall towards 0, where doubling is noise
  too: its trainers pass ``floor = ln C``, the loss of a uniform guess over C classes.

:func:`divergence_window` picks the window from the run's length: at least an epoch (each
epoch sees every batch once), 10 steps when epochs are shorter, fewer in a run too short
for ``DIVERGENCE_PATIENCE + 1`` windows.
"""

from __future__ import annotations

import numpy as np

from helpers._validate import check_int

#: The slow test's window (in steps, at least an epoch) and how many rises in a row it needs.
DIVERGENCE_WINDOW = 10
DIVERGENCE_PATIENCE = 3
#: How far above its lowest window average the loss must end. Full batch: any rise beyond
#: rounding, since a stable lr never raises a least-squares loss. Mini-batches: twice,
#: since near the floor noise alone makes three rises in a row common.
FULL_BATCH_GROWTH, MINIBATCH_GROWTH = 1 + 1e-9, 2.0
#: The fast test: a step's loss above this multiple of the first step's loss.
FAST_GROWTH = 1e6


def divergence_window(steps_per_epoch: int, num_epochs: int) -> int:
    """The slow test's window, in steps: an epoch, or 10 steps, or a quarter of a short run.

    Examples
    --------
    >>> divergence_window(45, 10), divergence_window(4, 100), divergence_window(1, 8)
    (45, 10, 2)
    """
    short_run = num_epochs * steps_per_epoch // (DIVERGENCE_PATIENCE + 1)
    return max(steps_per_epoch, min(DIVERGENCE_WINDOW, short_run))


def rising_windows(losses: np.typing.ArrayLike, window: int) -> int:
    """How many of the last window averages of ``losses`` each rose above the one before.

    The losses are averaged over consecutive windows of ``window`` steps (an unfinished
    last window is left out); averaging keeps the noise of mini-batch losses from looking
    like growth. The count stops at the first window, counted from the end, that did not
    rise.

    Examples
    --------
    >>> rising_windows([8, 6, 5, 4, 5, 6, 7, 9], window=2)  # means 7, 4.5, 5.5, 8
    2
    >>> rising_windows([8, 6, 5, 4], window=2)
    0
    """
    losses = np.asarray(losses, dtype=float)
    window = check_int(window, "window", minimum=1)
    num_windows = losses.size // window
    means = losses[:num_windows * window].reshape(num_windows, window).mean(axis=1)
    if means.size < 2:
        return 0
    falls = np.flatnonzero(np.diff(means) <= 0)
    return int(means.size - 1 - (falls[-1] + 1 if falls.size else 0))


def lower_lr(lr: float, standardized: bool = False) -> str:
    """The advice that ends every divergence message.

    ``standardized``: the features already have mean 0 and standard deviation 1, so the
    advice to standardize them is left out.

    Examples
    --------
    >>> lower_lr(0.3)
    'lr=0.3 is too large: lower lr (try lr=0.15) or standardize the features'
    >>> lower_lr(0.3, standardized=True)
    'lr=0.3 is too large for these standardized features: lower lr (try lr=0.15)'
    """
    if standardized:
        return (f"lr={lr:g} is too large for these standardized features: lower lr "
                f"(try lr={lr / 2:g})")
    return f"lr={lr:g} is too large: lower lr (try lr={lr / 2:g}) or standardize the features"


def divergence(losses: list[float], *, window: int, growth: float, epoch: int, lr: float,
               method: str = "gradient descent", floor: float = 0.0,
               standardized: bool = False) -> str | None:
    """Why the run whose step losses are ``losses`` (newest last) diverges, or ``None``.

    Call it after every step: the fast test looks at the newest loss, the slow test runs
    when a window of ``window`` steps completes (see the module's docstring).
    ``standardized`` goes to :func:`lower_lr`.

    Examples
    --------
    >>> divergence([1.0, 0.5, 0.25], window=1, growth=2.0, epoch=3, lr=0.1) is None
    True
    >>> divergence([1.0, 2.0, 4.0, 8.0], window=1, growth=2.0, epoch=4, lr=0.1).split(":")[0]
    'gradient descent is diverging in epoch 4'
    >>> why = divergence([1.0, np.nan], window=1, growth=2.0, epoch=1, lr=0.1, method="SGD")
    >>> why.split(";")[0]
    'SGD diverged in epoch 1: the loss grew from 1 to nan'
    """
    first, loss = losses[0], losses[-1]
    if not np.isfinite(loss) or loss > FAST_GROWTH * max(first, 1e-12):
        return (f"{method} diverged in epoch {epoch}: the loss grew from {first:.3g} to "
                f"{loss:.3g}; {lower_lr(lr, standardized)}")
    recent = (DIVERGENCE_PATIENCE + 1) * window
    if len(losses) % window or len(losses) < recent:
        return None  # check once per completed window
    # The rises need only the last windows; the lowest average, the whole run, so it is
    # computed only after rises (rare), which keeps a long run's checks linear in its length.
    if rising_windows(losses[-recent:], window) < DIVERGENCE_PATIENCE:
        return None
    averages = np.mean(np.reshape(losses, (-1, window)), axis=1)
    lowest, latest = averages.min(), averages[-1]
    if latest > max(growth * lowest, floor):
        return (f"{method} is diverging in epoch {epoch}: the loss, averaged over "
                f"{window} step{'s' if window > 1 else ''}, rose {DIVERGENCE_PATIENCE} times "
                f"in a row, from {lowest:.3g} at its lowest to {latest:.3g}; "
                f"{lower_lr(lr, standardized)}")
    return None
