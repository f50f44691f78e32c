"""Right and wrong answers for helpers.checks.day06 (see tests/checks/README.md)."""

import hashlib
import importlib.util
import random

import numpy as np
from numpy.random import RandomState as LegacyState
from numpy.random import default_rng as make_rng

from helpers.checks.day06 import check_original_dropout, check_snippet_fixed
from helpers.exercises import CORRECT, WRONG


def original(x, p, rng, training=True):
    if training:
        return x * (rng.random(x.shape) >= p)
    return x * (1 - p)


def original_with(*, keep_as_p=False, scale_train=False, eval_identity=False,
                  eval_mask=False, eval_p=False):
    def original_dropout(x, p, rng, training=True):
        keep = p if keep_as_p else 1 - p
        mask = rng.random(x.shape) < keep
        if training:
            return x * mask / (keep if scale_train else 1)
        if eval_mask:
            return x * mask
        if eval_p:
            return x * p
        return x if eval_identity else x * keep
    return original_dropout


def original_mask(make_mask):
    """original_dropout whose training mask is ``make_mask(x, p, rng)`` (True = kept)."""
    def original_dropout(x, p, rng, training=True):
        return x * make_mask(x, p, rng) if training else x * (1 - p)
    return original_dropout


# --- valid but unusual answers ---------------------------------------------------------

def original_binomial(x, p, rng, training=True):
    return x * rng.binomial(1, 1 - p, size=x.shape) if training else x - p * x


def original_where(x, p, rng, training=True):
    if not training:
        return np.float32(1 - p) * x.astype(np.float32)
    return np.where(rng.uniform(size=x.shape) < p, 0.0, x)


def original_choice(x, p, rng, training=True):
    if training:
        return x * rng.choice(2, size=x.shape, p=[p, 1 - p])
    return (1 - p) * x


def original_transposed(x, p, rng, training=True):
    if training:  # draws in another order: still one independent entry per unit and example
        return x * (rng.random(x.shape[::-1]).T > p)
    return x * (1 - p)


# --- plausible wrong answers -------------------------------------------------------------

def global_original(x, p, rng, training=True):
    if training:
        return x * (np.random.random(x.shape) >= p)  # noqa: NPY002 (the mistake under test)
    return x * (1 - p)


def own_generator(x, p, rng, training=True):
    if training:
        return x * (np.random.default_rng(123).random(x.shape) >= p)
    return x * (1 - p)


def reseeded(x, p, rng, training=True):
    if training:  # the same mask at every call with one rng: a new generator from its seed
        return x * (np.random.default_rng(rng.bit_generator.seed_seq).random(x.shape) >= p)
    return x * (1 - p)


def in_place(x, p, rng, training=True):
    if training:
        x *= rng.random(x.shape) >= p
        return x
    return x * (1 - p)


def fixed_count(x, p, rng, training=True):
    """Keeps exactly round((1 - p) * units) units of each example."""
    if not training:
        return x * (1 - p)
    ranks = rng.random(x.shape).argsort(axis=1).argsort(axis=1)
    return x * (ranks >= round(p * x.shape[1]))


def fixed_count_per_unit(x, p, rng, training=True):
    """Drops exactly round(p * examples) examples of each unit (a permutation per column)."""
    if not training:
        return x * (1 - p)
    column = np.arange(x.shape[0]) >= round(p * x.shape[0])  # True = kept
    return x * rng.permuted(np.repeat(column[:, None], x.shape[1], axis=1), axis=0)


def snippet_fixed_count_per_unit(a, p_drop, rng):
    ranks = rng.random(a.shape).argsort(axis=0).argsort(axis=0)
    return a * (ranks >= round(p_drop * a.shape[0])) / (1 - p_drop)


def repeated_half(x, p, rng):
    half = rng.random((x.shape[0] // 2, x.shape[1])) >= p
    return np.vstack([half, half])


def sorted_mask(x, p, rng):
    return np.sort(rng.random(x.shape), axis=1) >= p


def sorted_columns(x, p, rng):
    return np.sort(rng.random(x.shape), axis=0) >= p


def sorted_flat(x, p, rng):
    return np.sort(rng.random(x.size)).reshape(x.shape) >= p


def sorted_rows_descending(x, p, rng):
    return -np.sort(-rng.random(x.shape), axis=1) >= p


def quantised(x, p, rng):
    """Reviewer's case: the keep test on 20 levels, right for p = 0.3 and 0.75 only."""
    return rng.integers(0, 20, x.shape) >= 20 * p


def snippet_sorted(a, p_drop, rng):
    return a * (np.sort(rng.random(a.shape), axis=1) >= p_drop) / (1 - p_drop)


def snippet_quantised(a, p_drop, rng):
    return a * (rng.integers(0, 20, a.shape) >= 20 * p_drop) / (1 - p_drop)


def antithetic(x, p, rng):
    """Reviewer's case: the second half of the batch uses 1 - u of the first half."""
    u = rng.random((x.shape[0] // 2, x.shape[1]))
    return np.vstack([u, 1 - u]) >= p


def rotated_half(x, p, rng):
    """The second half of the batch is the first half with its units rotated by one."""
    half = rng.random((x.shape[0] // 2, x.shape[1])) >= p
    return np.vstack([half, np.roll(half, 1, axis=1)])


def tiled_rows(x, p, rng):
    """An 8-example mask repeated down the batch."""
    return np.tile(rng.random((8, x.shape[1])) >= p, (x.shape[0] // 8, 1))


def copied_units(x, p, rng):
    """The last 10 units copy the first 10."""
    h = rng.random((x.shape[0], x.shape[1] - 10)) >= p
    return np.hstack([h, h[:, :10]])


def doubled_units(x, p, rng):
    h = rng.random((x.shape[0], x.shape[1] // 2)) >= p
    return np.hstack([h, h])


def mirrored_units(x, p, rng):
    """The last 10 units are dropped exactly when the first 10 are kept, or the reverse."""
    u = rng.random((x.shape[0], x.shape[1] - 10))
    return np.hstack([u, 1 - u[:, :10]]) >= p


def half_copied_units(kind):
    """Reviewer's cases: the second half of the units copies the first half's draws with the
    examples permuted, reversed, or as the complement 1 - u of a permuted copy."""
    def make_mask(x, p, rng):
        u = rng.random(x.shape)
        h = x.shape[1] // 2
        if kind == "permuted":
            u[:, h:2 * h] = rng.permutation(u[:, :h], axis=0)
        elif kind == "antithetic":
            u[:, h:2 * h] = 1 - rng.permutation(u[:, :h], axis=0)
        else:
            u[:, h:2 * h] = u[::-1, :h]
        return u >= p
    return make_mask


def moving_average(x, p, rng):
    """Reviewer's case: each unit averages its own draw with its neighbour's."""
    u = rng.random(x.shape)
    return (u + np.roll(u, 1, axis=1)) / 2 >= p


def grid(levels):
    """Reviewer's cases: the keep test on ``levels`` levels (100: drops 32% at p = 0.3141)."""
    def make_mask(x, p, rng):
        return rng.integers(0, levels, x.shape) >= levels * p
    return make_mask


def rolled_rows(x, p, rng):
    """Reviewer's case: example i's draws are one row of draws rolled by i units."""
    u = rng.random(x.shape[1])
    return u[(np.arange(x.shape[1]) - np.arange(len(x))[:, None]) % x.shape[1]] >= p


def permuted_copies(x, p, rng):
    """Reviewer's case: 40 of the 50 units are copies of 10 drawn units, examples permuted."""
    u = rng.random((len(x), 10))
    return np.hstack([u] + [rng.permutation(u, axis=0) for _ in range(4)]) >= p


def window_rows(step):
    """Reviewer's cases (overlapping masks): example i's draws are the window u[i * step:
    i * step + units] of one array of draws, so neighbouring examples share draws."""
    def make_mask(x, p, rng):
        rows, units = x.shape
        u = rng.random((rows - 1) * step + units)
        return np.lib.stride_tricks.sliding_window_view(u, units)[::step] >= p
    return make_mask


def window_units(x, p, rng):
    """Overlapping masks across units: unit j's draws are u[100 j: 100 j + examples]."""
    rows, units = x.shape
    u = rng.random(100 * (units - 1) + rows)
    return np.lib.stride_tricks.sliding_window_view(u, rows)[::100].T >= p


def half_shared_rows(x, p, rng):
    """Neighbouring examples share half their draws: example i's second half is example
    i + 1's first half."""
    rows, units = x.shape
    u = rng.random((rows + 1, units))
    return np.hstack([u[:-1, : units // 2], u[1:, : units - units // 2]]) >= p


def carried_over(refresh=None, roll=None):
    """Reviewer's cases (masks shared between calls): one mask per shape kept across calls,
    a share ``refresh`` of its entries redrawn at each call, or its draws rolled by a tenth
    with only the entries rolled in drawn anew."""
    kept = {}

    def make_mask(x, p, rng):
        u = kept.get(x.shape)
        if u is None:
            u = rng.random(x.shape)
        elif refresh is not None:
            u = np.where(rng.random(x.shape) < refresh, rng.random(x.shape), u)
        else:
            k = max(1, u.size // 10)
            u = np.roll(u.ravel(), k)
            u[:k] = rng.random(k)
            u = u.reshape(x.shape)
        kept[x.shape] = u
        return u >= p
    return make_mask


def guarded(snippet_fixed):
    """``snippet_fixed`` with p_drop = 1 answered by zeros (every unit dropped, no 0 / 0)."""
    def guarded_snippet(a, p_drop, rng):
        return np.zeros_like(a) if p_drop == 1 else snippet_fixed(a, p_drop, rng)
    return guarded_snippet


def snippet_copy_at_one(a, p_drop, rng):
    """Guards 0 / 0 by returning a unchanged: p_drop = 1 should drop every unit."""
    keep = 1 - p_drop
    if keep == 0:
        return a.copy()
    return a * rng.binomial(1, keep, a.shape) / keep


def snippet_zeros_at_ends(a, p_drop, rng):
    """Returns zeros at p_drop = 0 too, where nothing is dropped."""
    if p_drop in (0, 1):
        return np.zeros_like(a)
    return a * rng.binomial(1, 1 - p_drop, a.shape) / (1 - p_drop)


def original_copy_at_one(x, p, rng, training=True):
    """Keeps everything at p = 1, where everything is dropped."""
    if p == 1:
        return x.copy()
    return x * (rng.random(x.shape) >= p) if training else x * (1 - p)


def original_inverse_scale(x, p, rng, training=True):
    """Evaluation as x / (1 / (1 - p)): ZeroDivisionError at p = 1."""
    return x * (rng.random(x.shape) >= p) if training else x / (1 / (1 - p))


def original_eval_drawn_share(x, p, rng, training=True):
    """Evaluation scaled by the share one mask, drawn at evaluation from rng, keeps."""
    mask = rng.random(x.shape) >= p
    return x * mask if training else x * mask.mean()


def original_eval_row_shares(x, p, rng, training=True):
    """Evaluation scaled, example by example, by the share of a drawn mask's row."""
    mask = rng.random(x.shape) >= p
    return x * mask if training else x * mask.mean(axis=1, keepdims=True)


def original_eval_last_share():
    """Evaluation scaled by the share the last training mask of the same shape and p kept
    (kept between calls)."""
    last = {}

    def original_dropout(x, p, rng, training=True):
        if training:
            mask = rng.random(x.shape) >= p
            last[x.shape, p] = mask.mean()
            return x * mask
        return x * last.get((x.shape, p), 1 - p)
    return original_dropout


def original_eval_share_of_seeded(x, p, rng, training=True):
    """Evaluation scaled by the share of a mask drawn from a fixed seed (not from rng)."""
    if training:
        return x * (rng.random(x.shape) >= p)
    return x * (np.random.default_rng(0).random(x.shape) >= p).mean()


def snippet_mask(make_mask):
    """snippet_fixed whose mask is ``make_mask(a, p_drop, rng)`` (True = kept)."""
    def snippet_fixed(a, p_drop, rng):
        return a * make_mask(a, p_drop, rng) / (1 - p_drop)
    return snippet_fixed


def original_small_seed(num_seeds):
    def original_dropout(x, p, rng, training=True):
        if not training:
            return x * (1 - p)
        own = np.random.default_rng(int(rng.integers(num_seeds)))
        return x * (own.random(x.shape) >= p)
    return original_dropout


def snippet_small_seed(a, p_drop, rng):
    own = np.random.default_rng(int(rng.integers(1000)))
    return a * own.binomial(1, 1 - p_drop, size=a.shape) / (1 - p_drop)


def snippet_antithetic(a, p_drop, rng):
    u = rng.random((a.shape[0] // 2, a.shape[1]))
    return a * (np.vstack([u, 1 - u]) >= p_drop) / (1 - p_drop)


def original_permuted(x, p, rng, training=True):
    """Valid: permuting the rows of an independent mask keeps it independent."""
    if not training:
        return x * (1 - p)
    return x * rng.permutation(rng.random(x.shape) >= p, axis=0)


def hard_coded(x, p, rng, training=True):
    return x * (rng.random(x.shape) >= 0.3) if training else x * 0.7


def mask_only(a, p_drop, rng):
    """Forgets the activations: the scaled mask alone."""
    return rng.binomial(1, 1 - p_drop, a.shape) / (1 - p_drop)


def shared_threshold(x, p, rng):
    """One noisy threshold for the whole call: the entries are dependent."""
    t = p + 0.05 * rng.standard_normal()
    return rng.random(x.shape) >= t


def jittered_units(x, p, rng):
    """Reviewer's case: a drop probability per unit, p plus a little noise, each unit kept
    with its own: the keep rate differs from unit to unit (no rolled rows)."""
    p_unit = np.clip(p + 0.05 * rng.standard_normal(x.shape[-1]), 0, 1)
    return rng.random(x.shape) >= p_unit


def jittered_units_binomial(x, p, rng):
    """The same per-unit probabilities, through binomial draws of the keep probability."""
    keep = np.clip(1 - p + 0.05 * rng.standard_normal(x.shape[-1]), 0, 1)
    return rng.binomial(1, keep, x.shape).astype(bool)


def shared_threshold_sd(sd):
    """Reviewer's case: one threshold per call, p plus noise of sd ``sd`` (0 at p = 0)."""
    def mask(x, p, rng):
        t = p + sd * rng.standard_normal() if p > 0 else 0.0
        return rng.random(x.shape) >= t
    return mask


_COUNTER = [0]


def counter_seeded(x, p, rng):
    """Reviewer's case: a module-level counter as the seed, default_rng(c) per call."""
    _COUNTER[0] += 1
    return np.random.default_rng(_COUNTER[0]).random(x.shape) >= p


def rows_from_wide_base(x, p, rng):
    """The one seed policy: a generator per example seeded s + i, s drawn below 2**63 (two
    runs' bases lie a few steps apart with odds about 2**-60): right."""
    s = int(rng.integers(2**63))
    rows = x.reshape(-1, x.shape[-1])
    draws = np.array([np.random.default_rng(s + i).random(rows.shape[1])
                      for i in range(len(rows))])
    return draws.reshape(x.shape) >= p


def rows_from_wide_sequence(x, p, rng):
    """The same with SeedSequence(s + i): right."""
    s = int(rng.integers(2**63))
    rows = x.reshape(-1, x.shape[-1])
    draws = np.array([np.random.default_rng(np.random.SeedSequence(s + i)).random(rows.shape[1])
                      for i in range(len(rows))])
    return draws.reshape(x.shape) >= p


def rows_from_narrow_base(x, p, rng):
    """A generator per example seeded s + i, s drawn below 2**32: too few varying bits."""
    s = int(rng.integers(2**32))
    rows = x.reshape(-1, x.shape[-1])
    draws = np.array([np.random.default_rng(s + i).random(rows.shape[1])
                      for i in range(len(rows))])
    return draws.reshape(x.shape) >= p


def snippet(keep_of=lambda p: 1 - p, divide_by=lambda p: 1 - p, shape=lambda a: a.shape):
    def snippet_fixed(a, p_drop, rng):
        return a * rng.binomial(1, keep_of(p_drop), size=shape(a)) / divide_by(p_drop)
    return snippet_fixed


def global_snippet(a, p_drop, rng):
    keep = 1 - p_drop
    return a * np.random.binomial(1, keep, size=a.shape) / keep  # noqa: NPY002 (under test)


def snippet_in_place(a, p_drop, rng):
    a *= rng.binomial(1, 1 - p_drop, size=a.shape) / (1 - p_drop)
    return a


def snippet_where(a, p_drop, rng):
    return np.where(rng.random(a.shape) < p_drop, 0.0, a / (1 - p_drop))


def snippet_float32(a, p_drop, rng):
    keep = np.float32(1 - p_drop)
    return a.astype(np.float32) * rng.binomial(1, keep, size=a.shape).astype(np.float32) / keep


def snippet_bool(a, p_drop, rng):
    return a * (rng.uniform(0, 1, a.shape) > p_drop) * (1 / (1 - p_drop))


def binomial_count_placed(x, p, rng):
    """Valid: a Binomial(size, p) number of zeros placed uniformly at random is exactly
    independent Bernoulli(p) entries (True = kept)."""
    dropped = np.zeros(x.size, bool)
    dropped[rng.choice(x.size, rng.binomial(x.size, p), replace=False)] = True
    return ~dropped.reshape(x.shape)


def fixed_total_permuted(x, p, rng):
    """Reviewer's case: round(p * size) zeros shuffled over the whole array by one
    permutation; its row and column counts vary (hypergeometric), only the total is fixed."""
    dropped = np.zeros(x.size, bool)
    dropped[:round(p * x.size)] = True
    return ~rng.permutation(dropped).reshape(x.shape)


def fixed_total_choice(x, p, rng):
    """The same with the places from rng.choice(size, k, replace=False)."""
    kept = np.ones(x.size, bool)
    kept[rng.choice(x.size, round(p * x.size), replace=False)] = False
    return kept.reshape(x.shape)


def fixed_total_ceil(x, p, rng):
    """A fixed count of ceil(p * size) zeros: at least one, so a 1 x 1 input is always
    dropped; the 8 x 8 masks' counts do not vary either."""
    kept = np.ones(x.size, bool)
    kept[rng.permutation(x.size)[:int(np.ceil(p * x.size))]] = False
    return kept.reshape(x.shape)


def fixed_count_for_one(x, p, rng):
    """A binomial count, except that a one-element input gets round(p) = 0 zeros: it reaches
    the 1 x 1 test, which the 8 x 8 count-variance test would otherwise shadow."""
    if x.size == 1:
        return np.ones(x.shape, bool)
    return binomial_count_placed(x, p, rng)


def value_dependent(x, p, rng):
    """Reviewer's case: drop probability p * x / x.mean(), the same share on average."""
    return rng.random(x.shape) >= np.minimum(p * x / x.mean(), 1)


def mildly_value_dependent(x, p, rng):
    return rng.random(x.shape) >= p * (0.9 + 0.1 * x / x.mean())


def extremes_dropped(x, p, rng):
    """Drops activations far from the mean more often, at the same share."""
    spread = (x - x.mean()) ** 2
    return rng.random(x.shape) >= p * spread / spread.mean() * 0.5 + p * 0.5


def legacy_inside(x, p, rng):
    """Reviewer's case: a legacy RandomState seeded from rng, made inside."""
    return np.random.RandomState(rng.integers(2**32)).random_sample(x.shape) >= p


def legacy_inside_wide(x, p, rng):
    """A legacy RandomState seeded with four 32-bit words: wide, but still legacy."""
    state = np.random.RandomState(rng.integers(2**32, size=4))
    return state.random_sample(x.shape) >= p


def legacy_imported(x, p, rng, training=True):
    """A legacy RandomState imported under another name (found through the globals)."""
    if not training:
        return x * (1 - p)
    return x * (LegacyState(rng.integers(2**32, size=4)).random_sample(x.shape) >= p)


def seeded_imported(x, p, rng, training=True):
    """A 32-bit seed given to default_rng imported under another name."""
    if not training:
        return x * (1 - p)
    return x * (make_rng(int(rng.integers(2**32))).random(x.shape) >= p)


def python_random_inside(x, p, rng):
    """Valid: Python's generator (MT19937, like torch.Generator) from a 63-bit seed."""
    draw = random.Random(int(rng.integers(2**63))).random
    return np.array([draw() for _ in range(x.size)]).reshape(x.shape) >= p


def python_random_32_bits(x, p, rng):
    """Python's generator seeded from rng below 2**32: judged by its seeds, not as legacy."""
    draw = random.Random(int(rng.integers(2**32))).random
    return np.array([draw() for _ in range(x.size)]).reshape(x.shape) >= p


def seeded_40_bits(x, p, rng):
    """Reviewer's case (F8): a seed drawn below 2**40, which Day 1's rule rejects (40 bits or
    fewer; 20 such seeds span about 39.9 bits)."""
    return np.random.default_rng(int(rng.integers(2**40))).random(x.shape) >= p


def seeded_40_bits_shifted(x, p, rng):
    """40 varying bits above a large offset: the offset adds no variation."""
    return np.random.default_rng(2**50 + int(rng.integers(2**40))).random(x.shape) >= p


def seeded_40_bits_in_list(x, p, rng):
    """A seed drawn below 2**40 in a list with a constant: still 40 varying bits."""
    return np.random.default_rng([int(rng.integers(2**40)), 6]).random(x.shape) >= p


def seeded_41_bits(x, p, rng):
    """Valid by Day 1's rule: a seed drawn below 2**41 varies by 41 bits, more than 40."""
    return np.random.default_rng(int(rng.integers(2**41))).random(x.shape) >= p


def seeded_48_bits(x, p, rng):
    """Valid: a 48-bit seed drawn from rng."""
    return np.random.default_rng(int(rng.integers(2**48))).random(x.shape) >= p


def seeded_39_bits(x, p, rng):
    return np.random.default_rng(int(rng.integers(2**39))).random(x.shape) >= p


def integers_half(a, p, rng):
    """Reviewer's case: a coin flip, p ignored."""
    return rng.integers(0, 2, a.shape)


def random_half(a, p, rng):
    """Reviewer's case: one uniform draw per entry, compared with 0.5 instead of p."""
    return rng.random(a.shape) >= 0.5


def normal_draw(a, p, rng):
    """Reviewer's case: a normal draw compared with p."""
    return rng.normal(size=a.shape) >= p


def seeded_32_bits(x, p, rng):
    return np.random.default_rng(int(rng.integers(2**32))).random(x.shape) >= p


def seeded_in_list(x, p, rng):
    """A 32-bit seed in a list with a constant: still 32 varying bits."""
    return np.random.default_rng([int(rng.integers(2**32)), 6]).random(x.shape) >= p


def seeded_63_bits(x, p, rng):
    """Valid: a generator of its own from a 63-bit seed drawn from rng."""
    return np.random.default_rng(int(rng.integers(2**63))).random(x.shape) >= p


def drop_scaled_by_x(x, p, rng):
    """Reviewer's case (F9): the uniform draw times x compared with p: drop probability p / x."""
    return rng.random(x.shape) * x >= p


def threshold_times_x(x, p, rng):
    """The threshold times x: drop probability p * x (clipped at 1)."""
    return rng.random(x.shape) >= np.clip(p * x, 0, 1)


def cached_by(key):
    """A mask drawn once and kept across calls, under ``key(x, p)`` (the shape, say): every
    call with that key returns it, whatever rng (True = kept)."""
    cache = {}

    def make_mask(x, p, rng):
        if key(x, p) not in cache:
            cache[key(x, p)] = rng.random(x.shape) >= p
        return cache[key(x, p)]
    return make_mask


def spawned_child(x, p, rng):
    return rng.spawn(1)[0].random(x.shape) >= p


def gaussian_noise(a, p_drop, rng):
    """Reviewer's case: multiplicative Gaussian noise of the same variance, nothing dropped."""
    return a * rng.normal(1, np.sqrt(p_drop / (1 - p_drop)), a.shape)


def torch_rand(a, p_drop, rng):
    import torch
    return a * (torch.rand(a.shape, dtype=torch.float64).numpy() >= p_drop) / (1 - p_drop)


def torch_bernoulli(x, p, rng, training=True):
    import torch
    if not training:
        return x * (1 - p)
    return x * torch.bernoulli(torch.full(x.shape, 1 - p, dtype=torch.float64)).numpy()


def keyword_only_training(x, p, rng, *, training=True):
    return original(x, p, rng, training)


def training_as_varargs(x, p, rng, *rest):
    return original(x, p, rng, *rest)


def three_arguments(x, p, rng):
    return x * (rng.random(x.shape) >= p)


CASES = [
    # Exercise 1: original_dropout(x, p, rng, training=True)
    (check_original_dropout, (original,), CORRECT, "expectations match"),
    (check_original_dropout, (original_with(),), CORRECT, None),
    (check_original_dropout, (keyword_only_training,), WRONG,
     "training is the 4th positional argument"),
    (check_original_dropout, (keyword_only_training,), WRONG, "not keyword-only after *"),
    (check_original_dropout, (three_arguments,), WRONG,
     "original_dropout(x, p, rng, training=True): training is the 4th positional"),
    (check_original_dropout, (training_as_varargs,), CORRECT, None),
    (check_original_dropout, (original_binomial,), CORRECT, None),
    (check_original_dropout, (original_where,), CORRECT, None),
    (check_original_dropout, (original_choice,), CORRECT, None),
    (check_original_dropout, (original_transposed,), CORRECT, None),
    (check_original_dropout, (original_permuted,), CORRECT, None),
    (check_original_dropout, (global_original,), WRONG, "global np.random"),
    (check_original_dropout, (own_generator,), WRONG, "differently seeded"),
    (check_original_dropout, (reseeded,), WRONG, "fresh mask"),
    (check_original_dropout, (in_place,), WRONG, "in place"),
    (check_original_dropout, (original_mask(lambda x, p, rng: rng.random((len(x), 1)) >= p),),
     WRONG, "drops whole examples"),
    (check_original_dropout, (original_mask(lambda x, p, rng: rng.random(x.shape[1]) >= p),),
     WRONG, "same units for every example"),
    (check_original_dropout, (fixed_count,), WRONG, "same number of units"),
    (check_original_dropout, (fixed_count_per_unit,), WRONG, "same number of examples"),
    (check_original_dropout, (original_mask(repeated_half),), WRONG, "very same mask"),
    (check_original_dropout, (original_mask(sorted_mask),), WRONG, "sorted mask"),
    (check_original_dropout, (original_mask(sorted_columns),), WRONG, "sorted mask"),
    (check_original_dropout, (original_mask(sorted_flat),), WRONG, "sorted mask"),
    (check_original_dropout, (original_mask(sorted_rows_descending),), WRONG, "sorted mask"),
    (check_original_dropout, (original_mask(quantised),), WRONG, "coarse grid"),
    (check_original_dropout, (original_mask(grid(100)),), WRONG, "coarse grid"),
    (check_original_dropout, (original_mask(rolled_rows),), WRONG, "very same mask"),
    # overlapping masks: neighbouring examples (or units) share draws, or calls share a mask
    (check_original_dropout, (original_mask(window_rows(1)),), WRONG,
     "example i + 1 repeats the draws of example i shifted by 1 unit"),
    (check_original_dropout, (original_mask(window_rows(20)),), WRONG,
     "masks overlap: example i + 1"),
    (check_original_dropout, (original_mask(window_units),), WRONG,
     "unit i + 1 repeats the draws of unit i shifted by 100 examples"),
    (check_original_dropout, (original_mask(half_shared_rows),), WRONG, "overlapping windows"),
    (check_original_dropout, (original_mask(carried_over(refresh=0.2)),), WRONG,
     "second is the first, at the same places"),
    (check_original_dropout, (original_mask(carried_over(roll=True)),), WRONG,
     "shifted by 20000 entries"),
    (check_original_dropout, (original_mask(permuted_copies),), WRONG, "examples reordered"),
    (check_original_dropout, (original_mask(antithetic),), WRONG, "depend on one another"),
    (check_original_dropout, (original_mask(rotated_half),), WRONG, "by construction"),
    (check_original_dropout, (original_mask(tiled_rows),), WRONG, "very same mask"),
    (check_original_dropout, (original_mask(copied_units),), WRONG, "repeated columns"),
    (check_original_dropout, (original_mask(doubled_units),), WRONG, "repeated columns"),
    (check_original_dropout, (original_mask(mirrored_units),), WRONG, "depend on one another"),
    (check_original_dropout, (original_mask(half_copied_units("permuted")),), WRONG,
     "examples reordered"),
    (check_original_dropout, (original_mask(half_copied_units("reversed")),), WRONG,
     "examples reordered"),
    (check_original_dropout, (original_mask(half_copied_units("antithetic")),), WRONG,
     "examples reordered"),
    (check_original_dropout, (original_mask(moving_average),), WRONG,
     "average or other combination"),
    (check_original_dropout, (original_small_seed(10**6),), WRONG, "few possible"),
    (check_original_dropout, (original_small_seed(10),), WRONG, "few possible"),
    (check_original_dropout, (original_small_seed(1000),), WRONG, "few possible"),
    (check_original_dropout, (original_mask(
        lambda x, p, rng: np.arange(x.size).reshape(x.shape) % 10 >= 10 * p),), WRONG,
     "same units for every example"),
    (check_original_dropout, (original_mask(  # not random: a low-discrepancy sequence
        lambda x, p, rng: np.arange(x.size).reshape(x.shape) * 0.6180339887 % 1 >= p),),
     WRONG, "very same mask"),
    (check_original_dropout, (hard_coded,), WRONG, "probability p = 0.75"),
    (check_original_dropout, (original_with(keep_as_p=True),), WRONG, "DROP probability"),
    (check_original_dropout, (original_with(scale_train=True),), WRONG, "INVERTED"),
    (check_original_dropout, (original_with(eval_identity=True),), WRONG, "shrink"),
    (check_original_dropout, (original_with(eval_p=True),), WRONG, "drop probability p"),
    (check_original_dropout, (original_with(eval_mask=True),), WRONG, "nothing is dropped"),
    # evaluation scaled by the share one drawn mask keeps, not by 1 - p: named as such
    (check_original_dropout, (original_eval_drawn_share,), WRONG, "one drawn mask keeps"),
    (check_original_dropout, (original_eval_row_shares,), WRONG, "one drawn mask keeps"),
    (check_original_dropout, (original_eval_last_share(),), WRONG, "one drawn mask keeps"),
    (check_original_dropout, (original_eval_share_of_seeded,), WRONG, "one drawn mask keeps"),
    # a factor far from 1 - p is not taken for a drawn share: the plain hint
    (check_original_dropout, (lambda x, p, rng, training=True:
                              x * (rng.random(x.shape) >= p) if training else x * (1 - p) ** 2,),
     WRONG, "the input times the share of units kept during training"),
    (check_original_dropout, (lambda x, p, rng, training=True: x[:10],), WRONG, "shape"),
    (check_original_dropout, (original_mask(binomial_count_placed),), CORRECT, None),
    (check_original_dropout, (original_mask(seeded_63_bits),), CORRECT, None),
    (check_original_dropout, (original_mask(spawned_child),), CORRECT, None),
    (check_original_dropout, (original_mask(fixed_total_permuted),), WRONG,
     "fixed count of zeros shuffled"),
    (check_original_dropout, (original_mask(fixed_total_choice),), WRONG,
     "same number of entries"),
    (check_original_dropout, (original_mask(fixed_total_ceil),), WRONG,
     "same number of entries"),
    (check_original_dropout, (original_mask(fixed_count_for_one),), WRONG,
     "kept a one-element input in all 60 calls"),
    (check_original_dropout, (original_mask(value_dependent),), WRONG,
     "depending on its value"),
    (check_original_dropout, (original_mask(mildly_value_dependent),), WRONG,
     "correlates with the activation by"),
    (check_original_dropout, (original_mask(extremes_dropped),), WRONG, "squared distance"),
    (check_original_dropout, (original_mask(legacy_inside),), WRONG,
     "legacy generator, np.random.RandomState"),
    (check_original_dropout, (original_mask(legacy_inside_wide),), WRONG,
     "legacy generator, np.random.RandomState"),
    (check_original_dropout, (original_mask(python_random_inside),), CORRECT, None),
    (check_original_dropout, (original_mask(python_random_32_bits),), WRONG, "about 32 bits"),
    (check_original_dropout, (original_mask(seeded_40_bits),), WRONG,
     "about 40 bits (40 or fewer: a seed drawn below 2**40, rng.integers(2**40) included"),
    (check_original_dropout, (original_mask(seeded_40_bits_shifted),), WRONG,
     "about 40 bits (40 or fewer"),
    (check_original_dropout, (original_mask(seeded_40_bits_in_list),), WRONG,
     "about 40 bits (40 or fewer"),
    (check_original_dropout, (original_mask(seeded_41_bits),), CORRECT, None),
    (check_original_dropout, (original_mask(seeded_48_bits),), CORRECT, None),
    (check_original_dropout, (original_mask(seeded_39_bits),), WRONG,
     "about 39 bits (40 or fewer"),
    (check_original_dropout, (original_mask(drop_scaled_by_x),), WRONG,
     "depending on its value"),
    (check_original_dropout, (lambda x, p, rng, training=True:  # the reviewer's own form
                              x * (rng.random(x.shape) * x >= p) if training else x * (1 - p),),
     WRONG, "neither side may be computed from x"),
    (check_original_dropout, (original_mask(threshold_times_x),), WRONG,
     "correlates with the activation"),
    (check_original_dropout, (original_mask(cached_by(lambda x, p: x.shape)),), WRONG,
     "a mask kept from an earlier call (cached for the input's shape"),
    (check_original_dropout, (original_mask(cached_by(lambda x, p: (x.shape, p))),), WRONG,
     "a mask kept from an earlier call"),
    (check_original_dropout, (original_mask(cached_by(lambda x, p: x.size)),), WRONG,
     "is reused at every training step"),
    (check_snippet_fixed, (snippet_mask(integers_half),), WRONG, "hard-coded at 1/2"),
    (check_snippet_fixed, (snippet_mask(random_half),), WRONG, "hard-coded at 1/2"),
    (check_snippet_fixed, (snippet_mask(normal_draw),), WRONG,
     "not uniform on [0, 1), such as a normal draw"),
    (check_original_dropout, (original_mask(seeded_32_bits),), WRONG, "about 32 bits"),
    (check_original_dropout, (original_mask(seeded_in_list),), WRONG, "about 32 bits"),
    (check_original_dropout, (legacy_imported,), WRONG,
     "legacy generator, np.random.RandomState"),
    (check_original_dropout, (seeded_imported,), WRONG, "about 32 bits"),
    (check_original_dropout, (lambda x, p, rng, training=True: x,), WRONG, "no output"),
    (check_original_dropout, (lambda x, p, rng, training=True: 0 * x if training
                              else (1 - p) * x,), WRONG, "every output"),
    # Exercise 2: snippet_fixed(a, p_drop, rng)
    (check_snippet_fixed, (guarded(snippet()),), CORRECT, "1 / (1 - p_drop)"),
    (check_snippet_fixed, (guarded(lambda a, p, rng: a * (rng.random(a.shape) >= p) / (1 - p)),),
     CORRECT, None),
    (check_snippet_fixed, (snippet_where,), CORRECT, None),
    (check_snippet_fixed, (guarded(snippet_float32),), CORRECT, None),
    (check_snippet_fixed, (guarded(snippet_bool),), CORRECT, None),
    (check_snippet_fixed, (global_snippet,), WRONG, "global np.random"),
    (check_snippet_fixed, (snippet_small_seed,), WRONG, "few possible"),
    (check_snippet_fixed, (snippet_antithetic,), WRONG, "depend on one another"),
    (check_snippet_fixed, (snippet_mask(half_copied_units("permuted")),), WRONG,
     "examples reordered"),
    (check_snippet_fixed, (snippet_mask(half_copied_units("reversed")),), WRONG,
     "examples reordered"),
    (check_snippet_fixed, (snippet_mask(half_copied_units("antithetic")),), WRONG,
     "examples reordered"),
    (check_snippet_fixed, (snippet_mask(moving_average),), WRONG,
     "average or other combination"),
    (check_snippet_fixed, (snippet_sorted,), WRONG, "sorted mask"),
    (check_snippet_fixed, (snippet_quantised,), WRONG, "coarse grid"),
    (check_snippet_fixed, (snippet_mask(grid(100)),), WRONG, "coarse grid"),
    (check_snippet_fixed, (snippet_mask(rolled_rows),), WRONG, "very same mask"),
    (check_snippet_fixed, (snippet_mask(window_rows(7)),), WRONG, "masks overlap"),
    (check_snippet_fixed, (snippet_mask(carried_over(refresh=0.1)),), WRONG,
     "share most of their draws"),
    (check_snippet_fixed, (snippet_mask(permuted_copies),), WRONG, "examples reordered"),
    (check_snippet_fixed, (snippet_in_place,), WRONG, "in place"),
    (check_snippet_fixed, (snippet_fixed_count_per_unit,), WRONG, "same number of examples"),
    (check_snippet_fixed, (snippet(keep_of=lambda p: p, divide_by=lambda p: p),), WRONG,
     "1 - p_drop of the units: p_drop is the DROP probability"),
    (check_snippet_fixed, (snippet(shape=lambda a: (a.shape[0], 1)),), WRONG,
     "drops whole examples"),
    (check_snippet_fixed, (snippet(shape=lambda a: (1, a.shape[1])),), WRONG,
     "same units for every example"),
    (check_snippet_fixed, (snippet(divide_by=lambda p: 1),), WRONG, "not scaled"),
    (check_snippet_fixed, (snippet(divide_by=lambda p: p),), WRONG, "divided by p_drop"),
    (check_snippet_fixed, (snippet(keep_of=lambda p: 0.7, divide_by=lambda p: 0.7),), WRONG,
     "p_drop = 0.75"),
    (check_snippet_fixed, (lambda a, p, rng: a * (np.random.default_rng(0).random(a.shape) >= p)
                           / (1 - p),), WRONG, "differently seeded"),
    (check_snippet_fixed, (guarded(snippet_mask(binomial_count_placed)),), CORRECT, None),
    (check_snippet_fixed, (guarded(snippet_mask(seeded_63_bits)),), CORRECT, None),
    (check_snippet_fixed, (snippet_mask(fixed_total_permuted),), WRONG,
     "fixed count of zeros shuffled"),
    (check_snippet_fixed, (snippet_mask(fixed_total_choice),), WRONG, "same number of entries"),
    (check_snippet_fixed, (snippet_mask(value_dependent),), WRONG, "depending on its value"),
    (check_snippet_fixed, (snippet_mask(legacy_inside),), WRONG,
     "legacy generator, np.random.RandomState"),
    (check_snippet_fixed, (snippet_mask(seeded_32_bits),), WRONG, "about 32 bits"),
    (check_snippet_fixed, (snippet_mask(seeded_40_bits),), WRONG,
     "about 40 bits (40 or fewer: a seed drawn below 2**40"),
    (check_snippet_fixed, (guarded(snippet_mask(seeded_41_bits)),), CORRECT, None),
    (check_snippet_fixed, (lambda a, p_drop, rng:  # the reviewer's own form
                           a * (rng.random(a.shape) >= np.clip(p_drop * a, 0, 1)) / (1 - p_drop),),
     WRONG, "depending on its value"),
    (check_snippet_fixed, (snippet_mask(drop_scaled_by_x),), WRONG,
     "neither side may be computed from x"),
    (check_snippet_fixed, (snippet_mask(cached_by(lambda a, p: a.shape)),), WRONG,
     "a mask kept from an earlier call (cached for the input's shape"),
    (check_snippet_fixed, (snippet_mask(cached_by(lambda a, p: (a.shape, p))),), WRONG,
     "a mask kept from an earlier call"),
    (check_snippet_fixed, (gaussian_noise,), WRONG, "no output of snippet_fixed is 0"),
    (check_snippet_fixed, (mask_only,), WRONG, "does not depend on the activations a"),
    (check_original_dropout, (original_mask(shared_threshold),), WRONG,
     "threshold (or probability) drawn once per call"),
    (check_snippet_fixed, (snippet_mask(shared_threshold),), WRONG,
     "threshold (or probability) drawn once per call"),
    # the ends: p_drop = 1 drops every unit (zeros, as torch.nn.Dropout(p=1)), p_drop = 0 none
    (check_snippet_fixed, (snippet(),), WRONG, "gave NaN (0 / 0?): p_drop = 1 drops every unit"),
    (check_snippet_fixed, (snippet_bool,), WRONG,
     "ZeroDivisionError: float division by zero at snippet_fixed(a, p_drop=1, rng): p_drop = 1"),
    (check_snippet_fixed, (snippet_copy_at_one,), WRONG,
     "left 200000 of 200000 units non-zero: p_drop = 1 drops every unit"),
    (check_snippet_fixed, (snippet_zeros_at_ends,), WRONG, "p_drop = 0 drops nothing"),
    (check_original_dropout, (original_copy_at_one,), WRONG, "p = 1 drops every unit"),
    # a drop probability per unit: named as such, not as rolled rows
    (check_original_dropout, (original_mask(jittered_units),), WRONG,
     "the keep rate differs from unit to unit"),
    (check_snippet_fixed, (guarded(snippet_mask(jittered_units)),), WRONG,
     "the keep rate differs from unit to unit"),
    (check_snippet_fixed, (guarded(snippet_mask(jittered_units_binomial)),), WRONG,
     "drops some units far more often than others"),
    # a per-call threshold with a small sd: caught whether or not this call's share is off
    *[(check_snippet_fixed, (guarded(snippet_mask(shared_threshold_sd(sd))),), WRONG,
       "threshold (or probability) drawn once per call") for sd in (0.02, 0.01)],
    (check_original_dropout, (original_mask(shared_threshold_sd(0.02)),), WRONG,
     "threshold (or probability) drawn once per call"),
    # a counter as the seed: named, not taken for the global generator
    (check_original_dropout, (original_mask(counter_seeded),), WRONG,
     "seed changes from call to call but not with rng"),
    (check_snippet_fixed, (guarded(snippet_mask(counter_seeded)),), WRONG, "a counter"),
    # the one seed policy: arithmetic on a base drawn wide from rng is right, with a tip
    (check_original_dropout, (original_mask(rows_from_wide_base),), CORRECT, "rng.spawn(n)"),
    (check_snippet_fixed, (guarded(snippet_mask(rows_from_wide_base)),), CORRECT,
     "without any seed arithmetic"),
    (check_snippet_fixed, (guarded(snippet_mask(rows_from_wide_sequence)),), CORRECT,
     "rng.spawn(n)"),
    (check_original_dropout, (original_mask(rows_from_narrow_base),), WRONG,
     "vary across calls by only about 32 bits"),
    (check_original_dropout, (original_inverse_scale,), WRONG,
     "ZeroDivisionError: float division by zero at original_dropout(x, p=1, rng, training=False)"),

]

if importlib.util.find_spec("torch") is not None:  # Colab-like venvs without PyTorch
    CASES += [
        (check_original_dropout, (torch_bernoulli,), WRONG, "PyTorch's global generator"),
        (check_snippet_fixed, (torch_rand,), WRONG, "PyTorch's global generator"),
    ]

# issue 20: an extra ReLU or abs, which positive activations cannot show: negative ones do
def _snippet_guarded(a, p_drop, rng):
    return np.zeros_like(a) if p_drop == 1 else snippet()(a, p_drop, rng)


CASES += [
    (check_original_dropout, (lambda x, p, rng, training=True: original(
        np.maximum(x, 0), p, rng, training),), WRONG, "as a ReLU (np.maximum(x, 0)) gives"),
    (check_original_dropout, (lambda x, p, rng, training=True: np.abs(
        original(x, p, rng, training)),), WRONG, "as abs() gives"),
    (check_snippet_fixed, (lambda a, p, rng: np.maximum(_snippet_guarded(a, p, rng), 0),), WRONG,
     "drop the extra ReLU or abs"),
    (check_snippet_fixed, (lambda a, p, rng: _snippet_guarded(np.abs(a), p, rng),), WRONG,
     "as abs() gives"),
]


# one drawn row shuffled for every example (issue 20, L4): each example drops exactly the
# same number of units, named as such rather than as a threshold shared by every entry
def _original_permuted_row(x, p, rng, training=True):
    if not training:
        return x * (1 - p)
    row = rng.random(x.shape[1]) >= p
    return x * np.array([rng.permutation(row) for _ in range(len(x))])


CASES += [
    (check_original_dropout, (_original_permuted_row,), WRONG,
     "drops exactly the same number of units"),
]


# Seventh sweep: masks from a generator seeded with hash() of a draw (wide or 32-bit), which
# the course's seed policy refuses (hash() of text changes with every process)
def _original_hashed(x, p, rng, training=True):
    if not training:
        return x * (1 - p)
    g = np.random.default_rng(abs(hash(str(int(rng.integers(2**63))))))
    return x * (g.random(x.shape) >= p)


def _snippet_hashed(a, p_drop, rng):
    g = np.random.default_rng(abs(hash(str(int(rng.integers(2**32))))))  # 32 bits, spread
    return a * (g.random(a.shape) >= p_drop) / (1 - p_drop)


CASES += [
    (check_original_dropout, (_original_hashed,), WRONG, "from the builtin hash()"),
    (check_snippet_fixed, (_snippet_hashed,), WRONG, "from the builtin hash()"),
]


# Eighth sweep: a generator per example seeded with a fresh narrow draw (the call's seeds
# together vary by many bits, each example's by 32 or 16: masks repeat across steps), and a
# drop test on a uint8 grid of 256 levels (off by 0.195 points at the irregular p)
def _original_narrow_per_row(x, p, rng, training=True):
    if not training:
        return x * (1 - p)
    return np.stack([row * (np.random.default_rng(int(rng.integers(2**32))).random(row.size)
                            >= p) for row in x])


def _snippet_narrow_list_per_row(a, p_drop, rng):
    keep = np.stack([np.random.default_rng([int(rng.integers(2**16)), i]).random(a.shape[1])
                     >= p_drop for i in range(a.shape[0])])
    return a * keep / (1 - p_drop)


def _snippet_wide_per_row(a, p_drop, rng):  # 63-bit seeds per row: valid
    keep = np.stack([np.random.default_rng(int(rng.integers(2**63))).random(a.shape[1])
                     >= p_drop for _ in range(a.shape[0])])
    return a * keep / (1 - p_drop) if p_drop < 1 else np.zeros_like(a)


def _snippet_uint8_grid(a, p_drop, rng):
    return a * (rng.integers(0, 256, a.shape, dtype=np.uint8) >= 256 * p_drop) / (1 - p_drop)


def _original_uint8_keep_grid(x, p, rng, training=True):
    if not training:
        return x * (1 - p)
    return x * (rng.integers(0, 256, x.shape) < 256 * (1 - p))


CASES += [
    (check_original_dropout, (_original_narrow_per_row,), WRONG, "only about 32 bits"),
    (check_snippet_fixed, (_snippet_narrow_list_per_row,), WRONG, "only about 16 bits"),
    (check_snippet_fixed, (_snippet_wide_per_row,), CORRECT, None),
    (check_snippet_fixed, (_snippet_uint8_grid,), WRONG, "rounded to a coarse grid"),
    (check_original_dropout, (_original_uint8_keep_grid,), WRONG, "rounded to a coarse grid"),
]


# Ninth sweep: negative units treated apart (kept, or left unscaled): the output on -x must be
# exactly the negation of the output on x, with the same rng
def _original_keeps_negatives(x, p, rng, training=True):
    if not training:
        return np.where(x > 0, x * (1 - p), x)
    return x * ((rng.random(x.shape) >= p) | (x < 0))


def _snippet_unscaled_negatives(a, p_drop, rng):
    keep = rng.random(a.shape) >= p_drop
    return np.where(a > 0, a * keep / (1 - p_drop), a * keep) if p_drop < 1 else 0 * a


CASES += [
    (check_original_dropout, (_original_keeps_negatives,), WRONG,
     "treats negative activations differently"),
    (check_snippet_fixed, (_snippet_unscaled_negatives,), WRONG,
     "treats negative activations differently"),
]


# Ninth sweep: narrow seeds scrambled into wide ones (sha256 of the text of a 32-bit draw,
# squared, two 20-bit draws packed, after a throwaway draw): the probe of
# helpers.checks._entropy.narrow_first_draw sees through them
def _sha256_seed(rng):
    s = int(rng.integers(2**32))
    return int.from_bytes(hashlib.sha256(str(s).encode()).digest()[:8], "little")


def _squared_seed(rng):
    return int(rng.integers(2**32)) ** 2


def _two20_seed(rng):
    return int(rng.integers(2**20)) + int(rng.integers(2**20)) * 2**40


def _throwaway_seed(rng):
    rng.random()
    s = int(rng.integers(2**32))
    return s * s + 7


def _original_from(make):
    def original_dropout(x, p, rng, training=True):
        if not training:
            return x * (1 - p)
        return x * (make(rng).random(x.shape) >= p)
    return original_dropout


def _snippet_from(make):
    def snippet_fixed(a, p_drop, rng):
        if p_drop == 1:
            return np.zeros_like(a)
        return a * (make(rng).random(a.shape) >= p_drop) / (1 - p_drop)
    return snippet_fixed


for _seed in (_sha256_seed, _squared_seed, _two20_seed, _throwaway_seed):
    CASES += [
        (check_original_dropout, (_original_from(lambda rng, f=_seed: make_rng(f(rng))),),
         WRONG, "through a seed of 40 bits or fewer"),
        (check_snippet_fixed, (_snippet_from(lambda rng, f=_seed: make_rng(f(rng))),),
         WRONG, "through a seed of 40 bits or fewer"),
    ]

CASES += [
    (check_original_dropout, (_original_from(
        lambda rng: make_rng(int(rng.integers(2**63)) ** 2)),), CORRECT, None),
    (check_snippet_fixed, (_snippet_from(
        lambda rng: make_rng(int(rng.integers(2**63)) ** 2)),), CORRECT, None),
    (check_original_dropout, (_original_from(lambda rng: rng.spawn(1)[0]),), CORRECT, None),
    (check_snippet_fixed, (_snippet_from(lambda rng: make_rng(rng)),), CORRECT, None),
]
