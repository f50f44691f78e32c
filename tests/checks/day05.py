"""Right and wrong answers for helpers.checks.day05 (see tests/checks/README.md)."""

import decimal
import math

import numpy as np

from helpers.checks.day05 import check_glorot_std, check_uniform_bound
from helpers.exercises import CORRECT, WRONG


def _glorot_with_a_global_draw(fan_in, fan_out, gain):
    """A right formula that also touches the legacy global generator (forbidden)."""
    np.random.seed(0)  # noqa: NPY002
    return gain * math.sqrt(2 / (fan_in + fan_out))


def _glorot_by_sampling(fan_in, fan_out, gain):
    """The sample std of drawn weights: near the formula, not the formula."""
    rng = np.random.default_rng(0)
    return rng.normal(0.0, gain * math.sqrt(2 / (fan_in + fan_out)), (fan_in, fan_out)).std()


CASES = [
    # glorot_std: right, in unusual forms (NumPy scalars, float32, a 0-d array, other algebra)
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(2 / (fan_in + fan_out)),),
     CORRECT, "non-square"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.float32(gain)
                        * np.sqrt(np.float32(2) / np.float32(fan_in + fan_out)),), CORRECT, None),
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.array(gain / np.sqrt((fan_in + fan_out)
                                                                               / 2)),),
     CORRECT, None),
    (check_glorot_std, (lambda fan_in, fan_out, gain: math.sqrt(2 * gain**2 / (fan_in + fan_out)),),
     CORRECT, None),
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.sqrt([gain**2 * 2 / (fan_in + fan_out)]),),
     CORRECT, None),
    (check_glorot_std, (lambda fan_in, fan_out, gain: decimal.Decimal(gain)
                        * (decimal.Decimal(2) / decimal.Decimal(fan_in + fan_out)).sqrt(),),
     CORRECT, None),
    # glorot_std: wrong, each with the hint on that mistake
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(1 / fan_out),), WRONG,
     "backward-pass condition alone"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(2 / (2 * fan_out)),),
     WRONG, "backward-pass condition alone"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(2 / fan_out),), WRONG,
     "fan_out mode"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: round(gain * math.sqrt(2 / (fan_in
                                                                                + fan_out)), 4),),
     WRONG, "is rounded or estimated"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.float16(gain * math.sqrt(
        2 / (fan_in + fan_out))),), WRONG, "is rounded or estimated"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(1 / fan_in),), WRONG,
     "LeCun"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(2 / fan_in),), WRONG,
     "He's rule"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain**2 * 2 / (fan_in + fan_out),),
     WRONG, "square root"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * 2 / (fan_in + fan_out),), WRONG,
     "square root"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain**2 * math.sqrt(2 / (fan_in + fan_out)),),
     WRONG, "not squared"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(6 / (fan_in + fan_out)),),
     WRONG, "UNIFORM"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: math.sqrt(2 / (fan_in + fan_out)),), WRONG,
     "ignores the gain"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.float32(gain * math.sqrt(1 / fan_in)),),
     WRONG, "LeCun"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(1 / (fan_in + fan_out)),),
     WRONG, "not the gain times"),
    (check_glorot_std, (_glorot_by_sampling,), WRONG, "a sample std"),
    (check_glorot_std, (_glorot_with_a_global_draw,), WRONG, "global np.random"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.ones(3),), WRONG, "one number"),
    (check_glorot_std, (lambda fan_in, fan_out, gain: [0.1, 0.2],), WRONG, "one number"),
    # uniform_bound: right, in unusual forms
    (check_uniform_bound, (lambda std: math.sqrt(3) * std,), CORRECT, "sqrt(3)"),
    (check_uniform_bound, (lambda std: np.sqrt(3 * std**2),), CORRECT, None),
    (check_uniform_bound, (lambda std: np.float32(std) * np.float32(3) ** np.float32(0.5),),
     CORRECT, None),
    (check_uniform_bound, (lambda std: np.array(std * 3**0.5),), CORRECT, None),
    (check_uniform_bound, (lambda std: math.sqrt(12) * std / 2,), CORRECT, None),
    (check_uniform_bound, (lambda std: decimal.Decimal(3).sqrt() * decimal.Decimal(std),),
     CORRECT, None),
    # uniform_bound: wrong
    (check_uniform_bound, (lambda std: std * 1.732,), WRONG, "is rounded or estimated"),
    (check_uniform_bound, (lambda std: round(math.sqrt(3) * std, 4),), WRONG, "is rounded or estimated"),
    (check_uniform_bound, (lambda std: std,), WRONG, "a / sqrt(3)"),
    (check_uniform_bound, (lambda std: std / math.sqrt(3),), WRONG, "smaller"),
    (check_uniform_bound, (lambda std: 3 * std,), WRONG, "square root"),
    (check_uniform_bound, (lambda std: math.sqrt(6) * std,), WRONG, "Glorot"),
    (check_uniform_bound, (lambda std: math.sqrt(3 * std),), WRONG, "3 * std**2"),
    (check_uniform_bound, (lambda std: 2 * std,), WRONG, "variance is a**2 / 3"),
    (check_uniform_bound, (lambda std: np.float32(3 * std),), WRONG, "square root"),
    (check_uniform_bound, (lambda std: np.random.uniform(0, 1) + math.sqrt(3) * std,),  # noqa: NPY002
     WRONG, "global np.random"),
    (check_uniform_bound, (lambda std: "wide",), WRONG, "one number"),
    (check_uniform_bound, (lambda std: (-math.sqrt(3) * std, math.sqrt(3) * std),), WRONG,
     "one number"),
]
