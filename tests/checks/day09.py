"""Right and wrong answers for helpers.checks.day09 (see tests/checks/README.md).

The NumPy answers run everywhere; the PyTorch answers (what a learner writes) are added
when PyTorch is installed.
"""

import importlib.util
import math

import numpy as np

from helpers.checks.day09 import check_linear_default_std, check_sample_labels
from helpers.exercises import CORRECT, WRONG


def choice_labels(probs, n, seed):
    return np.random.default_rng(seed).choice(len(probs), size=n, p=probs)


CASES = [
    (check_linear_default_std, (lambda fan_in: 1 / math.sqrt(3 * fan_in),), CORRECT, "√3"),
    (check_linear_default_std, (lambda fan_in: math.sqrt(1 / fan_in) / math.sqrt(3),),
     CORRECT, None),
    (check_linear_default_std, (lambda fan_in: 1 / math.sqrt(fan_in),), WRONG, "bound"),
    (check_linear_default_std, (lambda fan_in: 1.0,), WRONG, "torch.randn"),
    (check_linear_default_std, (lambda fan_in: math.sqrt(2 / fan_in),), WRONG, "He"),
    (check_linear_default_std, (lambda fan_in: 1 / (3 * fan_in),), WRONG, "variance"),
    (check_linear_default_std, (lambda fan_in: 1.01 / math.sqrt(3 * fan_in),), WRONG,
     "measure"),
    (check_linear_default_std, (lambda fan_in: 0.5 / fan_in,), WRONG, "not the standard"),
    (check_linear_default_std, (lambda fan_in: [0.1, 0.2],), WRONG, "one number"),
    (check_sample_labels, (choice_labels,), CORRECT, "repeat"),
    (check_sample_labels, (lambda probs, n, seed: np.random.default_rng(seed).choice(
        len(probs), size=n, p=probs, replace=False),), WRONG, "more labels than classes"),
    (check_sample_labels, (lambda probs, n, seed: np.random.default_rng(seed).permutation(
        max(n, len(probs)))[:n] % len(probs),), WRONG, "3 different classes"),
    (check_sample_labels, (lambda probs, n, seed: np.random.default_rng(seed).integers(
        0, len(probs), n),), WRONG, "frequencies"),
    (check_sample_labels, (lambda probs, n, seed: choice_labels(probs, n, seed) + 1,), WRONG,
     "0..2"),
    (check_sample_labels, (lambda probs, n, seed: choice_labels(probs, n, seed) * 1.0,),
     WRONG, "integer"),
    (check_sample_labels, (lambda probs, n, seed: choice_labels(probs, n, seed)[None],),
     WRONG, "1-D"),
    (check_sample_labels, (lambda probs, n, seed: np.random.default_rng().choice(
        len(probs), size=n, p=probs),), WRONG, "same seed"),
    (check_sample_labels, (lambda probs, n, seed: choice_labels(probs, n, 0),), WRONG,
     "seeds 0 and 1"),
]

if importlib.util.find_spec("torch") is not None:
    import torch

    def multinomial_labels(replacement):
        def sample_labels(probs, n, seed):
            return torch.multinomial(torch.tensor(probs), n, replacement=replacement,
                                     generator=torch.Generator().manual_seed(seed))
        return sample_labels

    CASES += [
        (check_sample_labels, (multinomial_labels(True),), CORRECT, None),
        (check_sample_labels, (multinomial_labels(False),), WRONG, "only once"),
        (check_sample_labels, (lambda probs, n, seed: torch.multinomial(
            probs, n, replacement=True, generator=torch.Generator().manual_seed(seed)),),
         WRONG, "make it a tensor"),
        (check_linear_default_std, (lambda fan_in: torch.sqrt(torch.tensor(1 / (3 * fan_in))),),
         CORRECT, None),
        (check_linear_default_std, (lambda fan_in: torch.nn.Linear(fan_in, 500).weight.std(),),
         WRONG, None),
    ]
