"""Right and wrong answers for helpers.checks.day05 (see tests/checks/README.md)."""

import math

import numpy as np

from helpers.checks.day05 import check_glorot_std, check_uniform_bound
from helpers.exercises import CORRECT, WRONG

CASES = [
    (check_glorot_std, (lambda fan_in, fan_out, gain: gain * math.sqrt(2 / (fan_in + fan_out)),),
     CORRECT, "non-square"),
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
    (check_glorot_std, (lambda fan_in, fan_out, gain: np.ones(3),), WRONG, "one number"),
    (check_uniform_bound, (lambda std: math.sqrt(3) * std,), CORRECT, "sqrt(3)"),
    (check_uniform_bound, (lambda std: np.sqrt(3 * std**2),), CORRECT, None),
    (check_uniform_bound, (lambda std: std,), WRONG, "a / sqrt(3)"),
    (check_uniform_bound, (lambda std: std / math.sqrt(3),), WRONG, "smaller"),
    (check_uniform_bound, (lambda std: 3 * std,), WRONG, "square root"),
    (check_uniform_bound, (lambda std: math.sqrt(6) * std,), WRONG, "Glorot"),
    (check_uniform_bound, (lambda std: math.sqrt(3 * std),), WRONG, "3 * std**2"),
    (check_uniform_bound, (lambda std: 2 * std,), WRONG, "variance is a**2 / 3"),
    (check_uniform_bound, (lambda std: "wide",), WRONG, "one number"),
]
