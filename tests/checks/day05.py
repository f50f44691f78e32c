"""Right and wrong answers for helpers.checks.day05 (see tests/checks/README.md)."""

import math

import numpy as np

from helpers.checks.day05 import check_dead_units, check_glorot_std
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
    (check_dead_units, (lambda a: np.mean(np.all(a == 0, axis=0)),), CORRECT, "sparsity"),
    (check_dead_units, (lambda a: np.mean(a.max(axis=0) == 0),), CORRECT, None),
    (check_dead_units, (lambda a: np.mean(a == 0),), WRONG, "EVERY input"),
    (check_dead_units, (lambda a: np.mean(np.all(a == 0, axis=1)),), WRONG, "axis=0"),
    (check_dead_units, (lambda a: np.mean(np.any(a == 0, axis=0)),), WRONG, "alive"),
    (check_dead_units, (lambda a: int(np.sum(np.all(a == 0, axis=0))),), WRONG, "not a count"),
    (check_dead_units, (lambda a: 0.5,), WRONG, "not the share"),
]
