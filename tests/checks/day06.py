"""Right and wrong answers for helpers.checks.day06 (see tests/checks/README.md)."""

import numpy as np

from helpers.checks.day06 import check_original_dropout, check_snippet_fixed
from helpers.exercises import CORRECT, WRONG


def original(x, p, rng, training=True):
    if training:
        return x * (rng.random(x.shape) >= p)
    return x * (1 - p)


def original_with(*, keep_as_p=False, scale_train=False, eval_identity=False,
                  eval_mask=False):
    def original_dropout(x, p, rng, training=True):
        keep = p if keep_as_p else 1 - p
        mask = rng.random(x.shape) < keep
        if training:
            return x * mask / (keep if scale_train else 1)
        if eval_mask:
            return x * mask
        return x if eval_identity else x * keep
    return original_dropout


def global_original(x, p, rng, training=True):
    if training:
        return x * (np.random.random(x.shape) >= p)  # noqa: NPY002 (the mistake under test)
    return x * (1 - p)


def snippet(keep_of=lambda p: 1 - p, divide_by=lambda p: 1 - p):
    def snippet_fixed(a, p_drop, rng):
        return a * rng.binomial(1, keep_of(p_drop), size=a.shape) / divide_by(p_drop)
    return snippet_fixed


def global_snippet(a, p_drop, rng):
    keep = 1 - p_drop
    return a * np.random.binomial(1, keep, size=a.shape) / keep  # noqa: NPY002 (under test)


def own_generator(x, p, rng, training=True):
    if training:
        return x * (np.random.default_rng(123).random(x.shape) >= p)
    return x * (1 - p)


def eval_times_p(x, p, rng, training=True):
    return x * (rng.random(x.shape) >= p) if training else x * p


CASES = [
    (check_original_dropout, (original,), CORRECT, "expectations match"),
    (check_original_dropout, (own_generator,), WRONG, "differently seeded"),
    (check_original_dropout, (eval_times_p,), WRONG, "drop probability p"),
    (check_original_dropout, (original_with(),), CORRECT, None),
    (check_original_dropout, (original_with(scale_train=True),), WRONG, "INVERTED"),
    (check_original_dropout, (original_with(keep_as_p=True),), WRONG, "DROP probability"),
    (check_original_dropout, (original_with(eval_identity=True),), WRONG, "shrink"),
    (check_original_dropout, (original_with(eval_mask=True),), WRONG, "nothing is dropped"),
    (check_original_dropout, (global_original,), WRONG, "global"),
    (check_original_dropout, (lambda x, p, rng, training=True: x[:10],), WRONG, "shape"),
    (check_snippet_fixed, (snippet(),), CORRECT, "1 / (1 - p_drop)"),
    (check_snippet_fixed, (lambda a, p, rng: a * (rng.random(a.shape) >= p) / (1 - p),), CORRECT,
     None),
    (check_snippet_fixed, (snippet(keep_of=lambda p: p, divide_by=lambda p: p),), WRONG,
     "DROP probability"),
    (check_snippet_fixed, (snippet(divide_by=lambda p: 1),), WRONG, "not scaled"),
    (check_snippet_fixed, (snippet(divide_by=lambda p: p),), WRONG, "KEEP probability"),
    (check_snippet_fixed, (global_snippet,), WRONG, "global"),
]
