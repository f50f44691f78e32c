"""Checks for the exercises of Day 9 (NumPy to PyTorch); see helpers.exercises.

The learner's answers use PyTorch; the checks only need NumPy (a tensor converts with
``np.asarray``), so they import and are tested without PyTorch too.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from helpers.exercises import Wrong, call, exercise_check

_FAN_INS = (3, 5, 100, 512)
PROBS = [0.5, 0.3, 0.2]  # the class probabilities sample_labels is tried on


def _number(value: object, what: str) -> float:
    # A number, a NumPy array or scalar, or a tensor (np.asarray converts a CPU tensor)
    if isinstance(value, bool) or not (isinstance(value, numbers.Real)
                                       or hasattr(value, "__array__")):
        raise Wrong(f"{what} should return one number, got {type(value).__name__}")
    if hasattr(value, "detach"):  # a tensor that tracks gradients converts once detached
        value = value.detach()
    value = np.asarray(value, dtype=float)
    if value.size != 1:
        raise Wrong(f"{what} should return one number, got {value.size} of them")
    return float(value.reshape(()))


@exercise_check
def check_linear_default_std(linear_default_std) -> str:
    """``linear_default_std(fan_in)``: the sd of a fresh ``nn.Linear``'s weights, exactly."""
    for fan_in in _FAN_INS:
        got = _number(call(linear_default_std, fan_in), f"linear_default_std({fan_in})")
        want = 1 / math.sqrt(3 * fan_in)
        if math.isclose(got, want, rel_tol=1e-6):
            continue
        mistakes = {
            1 / math.sqrt(fan_in): "that is the bound a of U(-a, a), the largest weight; the "
                                   "standard deviation of U(-a, a) is smaller than a (Day 5)",
            1.0: "1 is the standard deviation of torch.randn, what the tutorial's "
                 "re-initialization gives, not nn.Linear's default",
            math.sqrt(2 / fan_in): "that is He's standard deviation (kaiming_normal_ for "
                                   "ReLU); nn.Linear's default is kaiming_uniform_ with a = √5",
            1 / (3 * fan_in): "that is the variance; the standard deviation is its square root",
        }
        for value, hint in mistakes.items():
            if math.isclose(got, value, rel_tol=1e-6):
                raise Wrong(f"linear_default_std({fan_in}): {hint}")
        if math.isclose(got, want, rel_tol=0.05):
            raise Wrong(f"linear_default_std({fan_in}) is close but not exact: did you "
                        "measure a layer? Compute it from the distribution instead")
        raise Wrong(f"linear_default_std({fan_in}) is not the standard deviation of "
                    "nn.Linear's default U(-1/√fan_in, 1/√fan_in)")
    return "nn.Linear's default weights have sd 1/√(3·fan_in): √3 below their bound."


def _labels(sample_labels, n: int, seed: int) -> np.ndarray:
    """The learner's labels as a 1-D integer array of length ``n``, or :class:`Wrong`."""
    got = call(sample_labels, list(PROBS), n, seed)
    labels = np.asarray(got)
    if labels.shape != (n,):
        raise Wrong(f"sample_labels(probs, {n}, seed) should return {n} labels in a 1-D "
                    f"tensor, got shape {labels.shape}")
    if not np.issubdtype(labels.dtype, np.integer):
        raise Wrong(f"labels should be integer class indices, got dtype {labels.dtype}")
    if labels.min() < 0 or labels.max() >= len(PROBS):
        raise Wrong(f"labels should be class indices 0..{len(PROBS) - 1}, got values from "
                    f"{labels.min()} to {labels.max()}")
    return labels


@exercise_check
def check_sample_labels(sample_labels) -> str:
    """``sample_labels(probs, n, seed)``: ``n`` labels drawn from ``probs``, repeatable."""
    n = 20_000
    try:
        labels = _labels(sample_labels, n, 0)
    except Wrong as err:
        if "without replacement" in str(err) or "replace is False" in str(err):
            raise Wrong(f"{err}. Asking for more labels than classes fails when every class "
                        "may be drawn only once: look at torch.multinomial's arguments"
                        ) from None
        if "must be Tensor" in str(err):
            raise Wrong(f"{err}. probs arrives as a list: make it a tensor first "
                        "(torch.tensor)") from None
        raise
    if all(len(set(_labels(sample_labels, 3, seed).tolist())) == 3 for seed in range(30)):
        raise Wrong("every draw of 3 labels holds 3 different classes: a class may come up "
                    "more than once in a batch of labels")
    freq = np.bincount(labels, minlength=len(PROBS)) / n
    se = np.sqrt(np.asarray(PROBS) * (1 - np.asarray(PROBS)) / n)
    if np.any(np.abs(freq - PROBS) > 5 * se):
        raise Wrong(f"the labels' frequencies {freq.round(3).tolist()} do not follow "
                    f"probs = {PROBS}: draw each label with its class probability")
    if not np.array_equal(labels, _labels(sample_labels, n, 0)):
        raise Wrong("the same seed gives different labels: draw with a torch.Generator "
                    "seeded with `seed`")
    if np.array_equal(labels, _labels(sample_labels, n, 1)):
        raise Wrong("seeds 0 and 1 give the same labels: use the `seed` argument")
    return "labels follow probs, repeat for a seed, and may repeat a class in a batch."
