"""Right and wrong answers for helpers.checks.day08 (see tests/checks/README.md)."""

import functools
import importlib.util
import itertools
import math
import statistics

import numpy as np
import scipy.signal

from helpers.checks.day08 import check_pi_by_averaging, check_running_std_of
from helpers.exercises import CORRECT, NOT_ATTEMPTED, WRONG
from helpers.stats import running_std

# --- Exercise 1: running_std_of(x) ------------------------------------------------------


def shift_by_first(x):
    d = x - x[0]  # every prefix holds x[0], so no shifted value is larger than its range
    k = np.arange(1, len(x) + 1)
    mean_d = np.cumsum(d) / k
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - mean_d**2, 0.0))


def shift_by_mean(x):
    d = x - np.mean(x)  # any constant near the data will do
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.clip(np.cumsum(d**2) / k - (np.cumsum(d) / k) ** 2, 0, None))


def welford_as_cumsum(x):
    x = np.asarray(x, dtype=float)
    k = np.arange(1, x.size + 1)
    d = x - x[0]
    m = np.cumsum(d) / k
    previous = np.concatenate([[0.0], m[:-1]])
    return np.sqrt(np.cumsum((d - previous) * (d - m)) / k)


def naive_moments(x):
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.maximum(np.cumsum(x**2) / k - (np.cumsum(x) / k) ** 2, 0.0))


def naive_moments_unclipped(x):
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.cumsum(x**2) / k - (np.cumsum(x) / k) ** 2)


def sample_sd(x):
    d = x - x[0]
    k = np.arange(1, len(x) + 1)
    with np.errstate(all="ignore"):
        return np.sqrt((np.cumsum(d * d) - np.cumsum(d) ** 2 / k) / (k - 1))


def variances(x):
    return shift_by_first(x) ** 2


def prefix_loop(x):
    return np.array([np.std(x[:k]) for k in range(1, len(x) + 1)])


def prefix_for(x):
    out = np.empty(len(x))
    for k in range(1, len(x) + 1):
        out[k - 1] = x[:k].std()
    return out


def masked_matrix(x):
    rows = np.tril(np.ones((len(x), len(x)), dtype=bool))
    return np.ma.masked_array(np.broadcast_to(x, rows.shape), ~rows).std(axis=1).filled()


def first_nan(x):
    r = shift_by_first(x)
    r[0] = np.nan  # "the spread of one value is undefined"
    return r


def first_one(x):
    r = shift_by_first(x)
    r[0] = 1.0
    return r


def shift_in_place(x):
    x -= x[0]  # changes the caller's array
    return shift_by_first(x)


def in_float32(x):
    return shift_by_first(x).astype(np.float32)


def fixed_length(x):
    k = np.arange(1, 51)
    d = x - x[0]
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))


def off_by_one(x):
    d = x - x[0]
    k = np.arange(2, len(x) + 2)
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))


def prefix_reduce(x):  # quadratic: one np.std per prefix, through functools.reduce
    return np.array(functools.reduce(lambda acc, k: acc + [np.std(x[:k])],
                                     range(1, len(x) + 1), []))


def welford_step(state, value):
    count, mean, m2 = state
    count += 1
    delta = value - mean
    mean += delta / count
    return count, mean, m2 + delta * (value - mean)


def welford_accumulate(x):  # Welford's update, one Python call per value
    states = np.array(list(itertools.accumulate(x, welford_step, initial=(0, 0.0, 0.0)))[1:])
    return np.sqrt(states[:, 2] / states[:, 0])


def _helper1(x):
    return np.array(list(map(lambda k: np.std(x[:k]), range(1, len(x) + 1))))  # noqa: C417


def _inner(x):
    return _helper1(np.asarray(x, dtype=float))


def two_calls_deep(x):  # the loop hides two calls down
    return _inner(x)


def ufunc_accumulate(x):  # np.add.accumulate is np.cumsum: compiled code, not a loop
    d = np.asarray(x, dtype=float) - x[0]
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.maximum(np.add.accumulate(d * d) / k - (np.add.accumulate(d) / k) ** 2,
                              0.0))


def _centred(x):
    return np.asarray(x, dtype=float) - x[0]


def _moments(d):
    k = np.arange(1, d.size + 1)
    return np.cumsum(d) / k, np.cumsum(d * d) / k


def split_in_helpers(x):  # vectorized helpers two deep: right
    mean_d, mean_d2 = _moments(_centred(x))
    return np.sqrt(np.maximum(mean_d2 - mean_d**2, 0.0))


class ShiftedStd:  # a callable object: no source of its own to read
    def __call__(self, x):
        return shift_by_first(x)


def shift_by_second(x):
    d = x - x[1]  # IndexError on a single value
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))


def zero_division_on_one(x):
    scale = 1.0 / (len(x) - 1) * (len(x) - 1)  # 1.0, but ZeroDivisionError for one value
    return shift_by_first(x) * scale


def batch_norm_epsilon(x):
    d = x - x[0]
    k = np.arange(1, len(x) + 1)
    var = np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0)
    return np.sqrt(var + 1e-8)  # the batch-norm habit: float64, but not np.std


def rounded_to_6(x):
    return np.round(shift_by_first(x), 6)


def shift_by_rounded_first(x):
    d = x - np.round(x[0], -8)  # cancels only offsets that are multiples of 1e8
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))


def shift_only_when_large(x):
    d = x - (1e8 if np.mean(x) > 1e7 else 0.0)  # tuned to the prompt's one offset
    k = np.arange(1, len(x) + 1)
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))


def blocks_of_256(x):  # the reviewer's: cumulative sums block by block
    x = np.asarray(x, dtype=float)
    d = x - x[0]
    s1, s2, total1, total2 = np.empty_like(d), np.empty_like(d), 0.0, 0.0
    for start in range(0, d.size, 256):
        block = d[start:start + 256]
        s1[start:start + 256] = total1 + np.cumsum(block)
        s2[start:start + 256] = total2 + np.cumsum(block * block)
        total1, total2 = s1[start + block.size - 1], s2[start + block.size - 1]
    k = np.arange(1, d.size + 1)
    return np.sqrt(np.maximum(s2 / k - (s1 / k) ** 2, 0.0))


def blocks_while(x):
    x = np.asarray(x, dtype=float)
    d = x - x[0]
    pieces, start = [], 0
    while start < d.size:
        pieces.append(d[start:start + 1000])
        start += 1000
    d = np.concatenate(pieces)  # a copy made block by block
    return shift_by_first(d + x[0])


def four_blocks(x):  # a loop over a fixed number of blocks, carrying the sums by hand
    d = np.asarray(x, dtype=float) - x[0]
    s1 = s2 = 0.0
    c1s, c2s = [], []
    for block in np.array_split(d, 4):
        c1, c2 = s1 + np.cumsum(block), s2 + np.cumsum(block * block)
        if c1.size:
            s1, s2 = c1[-1], c2[-1]
        c1s.append(c1)
        c2s.append(c2)
    k = np.arange(1, d.size + 1)
    c1, c2 = np.concatenate(c1s), np.concatenate(c2s)
    return np.sqrt(np.maximum(c2 / k - (c1 / k) ** 2, 0.0))


def shift_by_two_digits(x):  # shifted, but by x[0] to 2 digits: 3.5e6 is left
    x = np.asarray(x, dtype=float)
    d = x - float(f"{x[0]:.2g}")
    k = np.arange(1, x.size + 1)
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0.0))


def shift_by_median_accumulate(x):  # np.add.accumulate, returned as a list: accepted
    d = np.asarray(x, dtype=float) - np.median(x)
    k = np.arange(1, d.size + 1)
    var = np.add.accumulate(d * d) / k - (np.add.accumulate(d) / k) ** 2
    return list(np.sqrt(np.maximum(var, 0.0)))


def shift_by_last_longdouble(x):  # shifted by x[-1], summed in long double: accepted
    d = np.asarray(x, dtype=np.longdouble) - np.longdouble(x[-1])
    k = np.arange(1, d.size + 1)
    var = np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2
    return np.sqrt(np.maximum(var, 0)).astype(float)


def shift_by_first_torch(x):  # the same in PyTorch, a float64 tensor: accepted
    import torch
    t = torch.as_tensor(np.asarray(x, dtype=float))
    d = t - t[0]
    k = torch.arange(1, d.numel() + 1, dtype=torch.float64)
    return torch.sqrt(torch.clamp(torch.cumsum(d * d, 0) / k - (torch.cumsum(d, 0) / k) ** 2,
                                  min=0.0))


def two_shift_loop(x):  # a loop over two sums, not over the values: accepted
    x = np.asarray(x, dtype=float)
    d = x - x[0]
    k = np.arange(1, d.size + 1)
    mean_d, mean_d2 = (np.cumsum(power) / k for power in (d, d * d))
    return np.sqrt(np.maximum(mean_d2 - mean_d**2, 0.0))


def float32_var_float64_sqrt(x):
    x = np.asarray(x, dtype=np.float32)
    d = x - x[0]
    k = np.arange(1, len(x) + 1, dtype=np.float32)
    var = np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2
    return np.sqrt(np.maximum(var, 0).astype(np.float64))  # float32 sums, float64 root


# --- Exercise 2: pi_by_averaging(rng, n) ------------------------------------------------


def grid_uniforms(rng, n):
    u = rng.integers(0, 1000, n) / 1000  # 1,000 grid points: biased by about +0.002
    h = 4 * np.sqrt(1 - u**2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_small_seed(rng, n):
    own = np.random.default_rng(rng.integers(10**6))  # a million streams: calls collide
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def pcg_from_31_bits(rng, n):
    own = np.random.Generator(np.random.PCG64(int(rng.integers(2**31))))
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def fixed_child(rng, n):
    own = np.random.default_rng(12345)  # ignores rng
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_list_seed(rng, n):
    own = np.random.default_rng([int(rng.integers(2**32)), 8])  # still 2**32 streams
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_one_item_list(rng, n):
    own = np.random.default_rng([int(rng.integers(2**32))])
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_seed_sequence(rng, n):
    own = np.random.default_rng(np.random.SeedSequence([int(rng.integers(2**32))]))
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_scaled_seed(rng, n):
    own = np.random.default_rng(int(rng.integers(2**32)) * 1000 + n)  # big, but 2**32 values
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


_COUNTER = itertools.count(3)


def counter_seed(rng, n):
    own = np.random.default_rng(42 + next(_COUNTER))  # ignores rng: a seed per call
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_36_bits(rng, n):  # the reviewer's: 36 bits, still 40 or fewer
    g = np.random.default_rng(int(rng.integers(2**36)))
    h = 4 * np.sqrt(1 - g.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_40_bits(rng, n):  # drawn below 2**40: the course's rule rejects it
    own = np.random.default_rng(int(rng.integers(2**40)))
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_shifted_36_bits(rng, n):  # large, but only 2**36 values
    own = np.random.default_rng(2**50 + int(rng.integers(2**36)))
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_48_bits(rng, n):  # more than 40 bits: accepted, as in Day 1
    own = np.random.default_rng(int(rng.integers(2**48)))
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def grid_million(rng, n):  # the reviewer's: a grid of 10**6 points
    u = rng.integers(0, 10**6, n) / 10**6
    h = 4 * np.sqrt(1 - u**2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def grid_2_20(rng, n):  # 2**20 points
    u = rng.integers(0, 2**20, n) / 2**20
    h = 4 * np.sqrt(1 - u**2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def rounded_uniforms(rng, n):  # rounded to 6 decimals: a grid of 10**6 + 1 points
    h = 4 * np.sqrt(1 - np.round(rng.random(n), 6) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def float32_cast(rng, n):  # 53-bit uniforms rounded to float32: still continuous enough
    u = rng.random(n).astype(np.float32)
    h = 4 * np.sqrt(1 - u * u)
    return float(h.mean()), float(h.std(ddof=1)) / math.sqrt(n)


def chunks_of_100(rng, n):  # the reviewer's: draws in chunks of 100
    parts = []
    for start in range(0, n, 100):
        parts.append(rng.random(min(100, n - start)))
    h = 4 * np.sqrt(1 - np.concatenate(parts) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def chunks_by_comprehension(rng, n):
    u = np.concatenate([rng.random(min(1000, n - s)) for s in range(0, n, 1000)])
    h = 4 * np.sqrt(1 - u**2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def _own_heights(u):
    return 4 * np.sqrt(1 - u * u)


def _own_result(h):
    return h.mean(), h.std(ddof=1) / np.sqrt(h.size)


def reused_halves(rng, n):  # each draw used twice: the SE understated by sqrt(2)
    return _own_result(_own_heights(np.resize(rng.random(max(2, n // 2)), n)))


def reused_quarters(rng, n):  # each draw used four times: the SE understated by 2
    return _own_result(_own_heights(np.resize(rng.random(max(2, n // 4)), n)))


def antithetic_above_4(rng, n):  # u and 1 - u, hidden from the n = 2 and 3 checks
    if n < 4:
        return _own_result(_own_heights(rng.random(n)))
    u = rng.random(n // 2)
    return _own_result(_own_heights(np.concatenate([u, 1 - u, rng.random(n % 2)])))


def torch_63_bit_seed(rng, n):  # manual_seed keeps only 32 of the 63 bits
    import torch
    g = torch.Generator().manual_seed(int(rng.integers(2**63)))
    h = 4 * torch.sqrt(1 - torch.rand(n, generator=g, dtype=torch.float64) ** 2)
    return float(h.mean()), float(h.std() / n**0.5)


def fixed_loop(rng, n):  # a loop over two results, not over the draws: accepted
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    out = []
    for value in (h.mean(), h.std(ddof=1) / np.sqrt(n)):
        out.append(float(value))
    return tuple(out)


def child_from_128_bits(rng, n):
    own = np.random.default_rng(rng.integers(2**32, size=4))  # 128 bits: no collisions
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_63_bits(rng, n):
    own = np.random.default_rng(int(rng.integers(2**63)))  # 63-bit seeds: no collisions
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def spawned_child(rng, n):
    h = 4 * np.sqrt(1 - rng.spawn(1)[0].random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def solution(rng, n):
    heights = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return heights.mean(), heights.std(ddof=1) / np.sqrt(n)


def symmetric_uniform(rng, n):
    u = rng.uniform(-1.0, 1.0, n)  # the same heights: sqrt(1 - u^2) is even
    h = 4 * np.sqrt(1 - u * u)
    return np.array([h.mean(), h.std(ddof=1) / math.sqrt(n)])


def float32_draws(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n, dtype=np.float32) ** 2)
    return [np.float32(h.mean()), np.float32(np.std(h, ddof=1) / np.sqrt(n))]


def ddof0_over_n_minus_1(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)  # sqrt(sum d^2 / n / (n - 1)): the same number
    return h.mean(), h.std() / math.sqrt(n - 1)


def zero_d_arrays(rng, n):
    h = 4 * np.sqrt(1 - rng.random((n, 1)) ** 2)
    return np.mean(h, keepdims=True).reshape(()), np.std(h, ddof=1, keepdims=True) / n**0.5


def ddof0(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.mean(), h.std() / np.sqrt(n)


def hit_or_miss(rng, n):
    hits = 4.0 * ((rng.random((n, 2)) ** 2).sum(axis=1) < 1)
    return hits.mean(), hits.std(ddof=1) / np.sqrt(n)


def sd_not_se(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.mean(), h.std(ddof=1)


def se_over_n(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / n


def wrong_height(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n))
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def legacy_global(rng, n):
    h = 4 * np.sqrt(1 - np.random.random(n) ** 2)  # noqa: NPY002
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def legacy_state(rng, n):
    legacy = np.random.RandomState(int(rng.integers(2**32)))
    h = 4 * np.sqrt(1 - legacy.random_sample(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def midpoint_grid(rng, n):
    h = 4 * np.sqrt(1 - ((np.arange(n) + 0.5) / n) ** 2)  # not random at all
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def few_seeds(rng, n):
    own = np.random.default_rng(int(rng.integers(10)))  # 10 streams: calls collide
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def seed_plus_i(rng, n):
    base = int(rng.integers(10))
    h = np.array([4 * math.sqrt(1 - np.random.default_rng(base + i).random() ** 2)
                  for i in range(n)])
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def loop_of_draws(rng, n):
    total = total_sq = 0.0
    for _ in range(n):
        h = 4 * math.sqrt(1 - rng.random() ** 2)
        total, total_sq = total + h, total_sq + h * h
    mean = total / n
    return mean, math.sqrt((total_sq - n * mean**2) / (n - 1) / n)


def se_from_other_n(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(10_000)  # a fixed n


def exact_se(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.mean(), math.sqrt(16 * 2 / 3 - math.pi**2) / math.sqrt(n)  # not estimated


def one_extra_draw(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n + 1) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def one_extra_mirrored(rng, n):
    h = 4 * np.sqrt(1 - (1 - rng.random(n + 1)) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def antithetic(rng, n):
    u = rng.random(n // 2)  # the check's n are even
    h = 4 * np.sqrt(1 - np.concatenate([u, 1 - u]) ** 2)  # dependent pairs
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def duplicated(rng, n):
    u = rng.random(n // 2)
    h = 4 * np.sqrt(1 - np.concatenate([u, u]) ** 2)  # each draw used twice
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def stratified(rng, n):
    h = 4 * np.sqrt(1 - ((np.arange(n) + rng.random(n)) / n) ** 2)  # one draw per stratum
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def mirrored_draws(rng, n):
    h = 4 * np.sqrt(1 - (1 - rng.random(n)) ** 2)  # 1 - u is uniform on (0, 1] too
    return h.mean(), np.sqrt(np.var(h, ddof=1) / n)


def over_sqrt_n_minus_1(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n - 1)  # ddof=1 AND sqrt(n - 1): one too many


def dot_over_n_minus_1_twice(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    d = h - h.mean()
    return h.mean(), math.sqrt(d @ d / (n - 1) / (n - 1))


def two_rng_calls(rng, n):
    estimate = np.mean(4 * np.sqrt(1 - rng.random(n) ** 2))
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)  # other draws than the estimate's
    return estimate, h.std(ddof=1) / np.sqrt(n)


def half_precision(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n).astype(np.float16) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def half_precision_cast(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n).astype(np.float16) ** 2)
    return float(h.mean()), float(h.std(ddof=1)) / math.sqrt(n)  # float16 inside


def se_from_var(rng, n):  # the variance, then its square root: the same number
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return float(np.mean(h)), math.sqrt(np.var(h, ddof=1)) / math.sqrt(n)


def swapped(rng, n):
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return h.std(ddof=1) / np.sqrt(n), h.mean()  # (standard error, estimate)


def with_statistics(rng, n):  # the standard library's mean and stdev: linear, accepted
    h = 4 * np.sqrt(1 - rng.random(n) ** 2)
    return statistics.fmean(h), statistics.stdev(h) / math.sqrt(n)


_height = np.vectorize(lambda u: 4 * math.sqrt(1 - u * u))  # Python once per value
_height_ufunc = np.frompyfunc(lambda u: 4 * math.sqrt(1 - u * u), 1, 1)


def vectorized_height(rng, n):
    h = _height(rng.random(n))
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def frompyfunc_height(rng, n):
    h = _height_ufunc(rng.random(n)).astype(float)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


class Heights:  # a callable object whose __call__ loops
    def __call__(self, rng, n):
        h = np.empty(n)
        for i, u in enumerate(rng.random(n)):
            h[i] = 4 * math.sqrt(1 - u * u)
        return h.mean(), h.std(ddof=1) / np.sqrt(n)


prefix_std = np.vectorize(lambda x, k: np.std(x[:k]), excluded={0})  # quadratic


def vectorized_prefixes(x):
    return prefix_std(x, np.arange(1, len(x) + 1))


def _prefix_ufunc(x):
    return np.frompyfunc(lambda k: np.std(x[:k]), 1, 1)


def frompyfunc_prefixes(x):
    return _prefix_ufunc(x)(np.arange(1, len(x) + 1)).astype(float)


class PrefixStd:  # a callable object whose __call__ loops
    def __call__(self, x):
        out = np.empty(len(x))
        for k in range(1, len(x) + 1):
            out[k - 1] = np.std(x[:k])
        return out


rs = running_std  # a learner's alias, bound outside the function


def alias_outside(x):
    return rs(x)


def alias_inside(x):
    from helpers.stats import running_std as r

    return r(x)


def float32_inside(x):
    x = np.asarray(x, dtype=np.float32)
    d = x - x[0]
    k = np.arange(1, len(x) + 1, dtype=np.float32)
    var = np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2
    return np.sqrt(np.maximum(var, 0)).astype(np.float64)  # float64 out, float32 inside


CASES = [
    # Exercise 1: valid, some unusual
    (check_running_std_of, (shift_by_first,), CORRECT, "near 1.2e8"),
    (check_running_std_of, (shift_by_mean,), CORRECT, None),
    (check_running_std_of, (welford_as_cumsum,), CORRECT, None),
    (check_running_std_of, (ShiftedStd(),), CORRECT, None),
    (check_running_std_of, (lambda x: shift_by_first(np.asarray(x)).tolist(),), CORRECT, None),
    (check_running_std_of, (functools.partial(lambda x, c: shift_by_mean(x + c), c=-7.0),),
     CORRECT, None),
    (check_running_std_of, (ufunc_accumulate,), CORRECT, None),
    (check_running_std_of, (split_in_helpers,), CORRECT, None),
    # Exercise 1: wrong
    (check_running_std_of, (naive_moments,), WRONG, "Day 3's trap"),
    (check_running_std_of, (naive_moments_unclipped,), WRONG, "Day 3's trap"),
    (check_running_std_of, (lambda x: running_std(x),), WRONG, "course's running_std"),
    (check_running_std_of, (sample_sd,), WRONG, "ddof=1"),
    (check_running_std_of, (variances,), WRONG, "square root"),
    (check_running_std_of, (prefix_loop,), WRONG, "comprehension"),
    (check_running_std_of, (prefix_for,), WRONG, "a for loop"),
    (check_running_std_of, (prefix_reduce,), WRONG, "reduce(...), which loops in Python"),
    (check_running_std_of, (welford_accumulate,), WRONG,
     "accumulate(...), which loops in Python"),
    (check_running_std_of, (two_calls_deep,), WRONG,
     "map(...), which loops in Python (in _helper1, which it calls, through _inner)"),
    (check_running_std_of, (vectorized_prefixes,), WRONG,
     "Python-level steps at n = 500 and"),
    (check_running_std_of, (frompyfunc_prefixes,), WRONG, "np.frompyfunc loop in Python"),
    (check_running_std_of, (PrefixStd(),), WRONG, "a Python loop"),
    (check_running_std_of, (masked_matrix,), WRONG, "(n, n) array"),
    (check_running_std_of, (shift_in_place,), WRONG, "in place"),
    (check_running_std_of, (in_float32,), WRONG, "single precision"),
    (check_running_std_of, (first_nan,), WRONG, "only the first entry is off"),
    (check_running_std_of, (first_one,), WRONG, "only the first entry is off"),
    (check_running_std_of, (float32_inside,), WRONG, "single precision"),
    (check_running_std_of, (alias_outside,), WRONG, "course's running_std"),
    (check_running_std_of, (alias_inside,), WRONG, "course's running_std"),
    (check_running_std_of, (fixed_length,), WRONG, "fixed length"),
    (check_running_std_of, (shift_by_second,), WRONG,
     "on an input of 1 value your code raised IndexError"),
    (check_running_std_of, (zero_division_on_one,), WRONG,
     "on an input of 1 value your code raised ZeroDivisionError"),
    (check_running_std_of, (batch_norm_epsilon,), WRONG, "an epsilon added to the variance"),
    (check_running_std_of, (rounded_to_6,), WRONG, "an epsilon added, or rounding?"),
    (check_running_std_of, (float32_var_float64_sqrt,), WRONG, "single precision"),
    (check_running_std_of, (shift_only_when_large,), WRONG, "+ N(0, 1) data"),
    (check_running_std_of, (shift_by_rounded_first,), WRONG, "on 123,456,789.123 + N(0, 1)"),
    (check_running_std_of, (off_by_one,), WRONG, "off by one"),
    (check_running_std_of, (blocks_of_256,), WRONG, "not even in blocks"),
    (check_running_std_of, (blocks_while,), WRONG, "a while loop"),
    (check_running_std_of, (four_blocks,), WRONG, "not even over a few blocks"),
    (check_running_std_of, (shift_by_two_digits,), WRONG, "about 3.5e+06 from 0"),
    (check_running_std_of, (shift_by_median_accumulate,), CORRECT, None),
    (check_running_std_of, (shift_by_last_longdouble,), CORRECT, None),
    (check_running_std_of, (two_shift_loop,), CORRECT, None),
    (check_running_std_of, (lambda x: np.full(len(x), np.std(x)),), WRONG, "repeated"),
    (check_running_std_of, (lambda x: np.std(x),), WRONG, "one value per entry"),
    (check_running_std_of, (lambda x: ...,), NOT_ATTEMPTED, None),
    # Exercise 2: valid, some unusual
    (check_pi_by_averaging, (solution,), CORRECT, "sqrt(n)"),
    (check_pi_by_averaging, (symmetric_uniform,), CORRECT, None),
    (check_pi_by_averaging, (float32_draws,), CORRECT, None),
    (check_pi_by_averaging, (ddof0_over_n_minus_1,), CORRECT, None),
    (check_pi_by_averaging, (zero_d_arrays,), CORRECT, None),
    (check_pi_by_averaging, (mirrored_draws,), CORRECT, None),
    (check_pi_by_averaging, (se_from_var,), CORRECT, None),
    (check_pi_by_averaging, (with_statistics,), CORRECT, None),
    (check_pi_by_averaging, (child_from_63_bits,), CORRECT, None),
    (check_pi_by_averaging, (spawned_child,), CORRECT, None),
    (check_pi_by_averaging, (child_from_128_bits,), CORRECT, None),
    (check_pi_by_averaging, (child_from_list_seed,), WRONG, "birthday bound"),
    (check_pi_by_averaging, (child_from_one_item_list,), WRONG, "about 32 bits (40 or fewer"),
    (check_pi_by_averaging, (child_from_seed_sequence,), WRONG, "birthday bound"),
    (check_pi_by_averaging, (child_from_scaled_seed,), WRONG, "about 32 bits"),
    # named as a counter since the ninth sweep (it was told its seeds were narrow draws)
    (check_pi_by_averaging, (counter_seed,), WRONG, "seeds that follow the calls"),
    # Exercise 2: wrong
    (check_pi_by_averaging, (ddof0,), WRONG, "ddof=1"),
    (check_pi_by_averaging, (hit_or_miss,), WRONG, "hit-or-miss"),
    (check_pi_by_averaging, (sd_not_se,), WRONG, "divides it by sqrt(n)"),
    (check_pi_by_averaging, (se_over_n,), WRONG, "not by n"),
    (check_pi_by_averaging, (wrong_height,), WRONG, "far from pi"),
    (check_pi_by_averaging, (legacy_global,), WRONG, "global np.random"),
    (check_pi_by_averaging, (legacy_state,), WRONG, "RandomState"),
    (check_pi_by_averaging, (midpoint_grid,), WRONG, "different rng"),
    (check_pi_by_averaging, (few_seeds,), WRONG, "an integer drawn below 2**40"),
    (check_pi_by_averaging, (child_from_36_bits,), WRONG,
     "varies across calls by about 36 bits (40 or fewer"),
    (check_pi_by_averaging, (child_from_40_bits,), WRONG, "about 40 bits (40 or fewer"),
    (check_pi_by_averaging, (child_from_shifted_36_bits,), WRONG, "about 36 bits"),
    (check_pi_by_averaging, (child_from_48_bits,), CORRECT, None),
    (check_pi_by_averaging, (grid_million,), WRONG, "come from a grid"),
    (check_pi_by_averaging, (grid_2_20,), WRONG, "come from a grid"),
    (check_pi_by_averaging, (rounded_uniforms,), WRONG, "come from a grid"),
    (check_pi_by_averaging, (float32_cast,), CORRECT, None),
    (check_pi_by_averaging, (chunks_of_100,), WRONG, "not even in blocks"),
    (check_pi_by_averaging, (chunks_by_comprehension,), WRONG, "a loop over blocks"),
    (check_pi_by_averaging, (reused_halves,), WRONG, "each draw used about 2 times"),
    (check_pi_by_averaging, (reused_quarters,), WRONG, "each draw used about 4 times"),
    (check_pi_by_averaging, (antithetic_above_4,), WRONG, "antithetic pairs"),
    (check_pi_by_averaging, (fixed_loop,), CORRECT, None),
    (check_pi_by_averaging, (child_from_small_seed,), WRONG, "birthday bound"),
    (check_pi_by_averaging, (pcg_from_31_bits,), WRONG, "birthday bound"),
    (check_pi_by_averaging, (fixed_child,), WRONG, "12345 whatever rng"),
    (check_pi_by_averaging, (grid_uniforms,), WRONG, "from a grid"),
    (check_pi_by_averaging, (seed_plus_i,), WRONG, "comprehension"),
    (check_pi_by_averaging, (loop_of_draws,), WRONG, "a for loop"),
    (check_pi_by_averaging, (vectorized_height,), WRONG, "np.vectorize and np.frompyfunc"),
    (check_pi_by_averaging, (frompyfunc_height,), WRONG, "Python-level steps at n = 500"),
    (check_pi_by_averaging, (Heights(),), WRONG, "Python-level steps"),
    (check_pi_by_averaging, (swapped,), WRONG, "the standard error first"),
    (check_pi_by_averaging, (se_from_other_n,), WRONG, "at n = 2 your standard error is off"),
    (check_pi_by_averaging, (exact_se,), WRONG, "not from the exact formula"),
    (check_pi_by_averaging, (one_extra_draw,), WRONG, "draw exactly n"),
    (check_pi_by_averaging, (one_extra_mirrored,), WRONG, "draw exactly n"),
    (check_pi_by_averaging, (antithetic,), WRONG, "only for n independent heights"),
    (check_pi_by_averaging, (duplicated,), WRONG, "always 0"),
    (check_pi_by_averaging, (stratified,), WRONG, "only for n independent heights"),
    (check_pi_by_averaging, (over_sqrt_n_minus_1,), WRONG, "by sqrt(n), not sqrt(n - 1)"),
    (check_pi_by_averaging, (dot_over_n_minus_1_twice,), WRONG, "by sqrt(n), not sqrt(n - 1)"),
    (check_pi_by_averaging, (two_rng_calls,), WRONG, "same n draws"),
    (check_pi_by_averaging, (half_precision,), WRONG, "half precision"),
    (check_pi_by_averaging, (half_precision_cast,), WRONG, "half precision"),
    (check_pi_by_averaging, (lambda rng, n: 4 * np.sqrt(1 - rng.random(n) ** 2).mean(),),
     WRONG, "two numbers"),
    (check_pi_by_averaging, (lambda rng, n: ...,), NOT_ATTEMPTED, None),
]

# issue 20: a constant added to every entry, and x rounded to float32 before float64 sums,
# which the generic near-miss hint ("an epsilon added, or rounding?") named only vaguely
CASES += [
    (check_running_std_of, (lambda x: shift_by_first(x) + 1e-3,), WRONG,
     "every entry of yours is off by the same 0.001"),
    (check_running_std_of, (lambda x: shift_by_first(x) - 1e-6,), WRONG, "off by the same -1e-06"),
    (check_running_std_of, (lambda x: shift_by_first(
        np.asarray(x, np.float32).astype(np.float64)),), WRONG, "single precision"),
]

# fx8: seeds from hash(), narrow seeds scrambled by more than shift-and-scale, and cumulative
# sums by full convolution (quadratic time without an (n, n) array)


def _heights_of(own, n):
    h = 4 * np.sqrt(1 - own.random(n) ** 2)
    return h.mean(), h.std(ddof=1) / np.sqrt(n)


def child_from_hash_of_draw(rng, n):
    return _heights_of(np.random.default_rng(hash(float(rng.random())) % 2**64), n)


def child_from_squared_seed(rng, n):
    return _heights_of(np.random.default_rng(int(rng.integers(2**32)) ** 2), n)


def child_from_xorshifted_seed(rng, n):
    s = int(rng.integers(2**32))
    return _heights_of(np.random.default_rng(s ^ (s << 29)), n)


def child_from_hashed_tuple(rng, n):
    s = int(rng.integers(2**32))
    return _heights_of(np.random.default_rng(hash((s, 8)) % 2**64), n)


def child_from_two_20_bit_draws(rng, n):
    s, t = (int(v) for v in rng.integers(2**20, size=2))
    return _heights_of(np.random.default_rng(s * 2**40 + t), n)


def child_from_24_and_16_bits(rng, n):
    s, t = int(rng.integers(2**24)), int(rng.integers(2**16))
    return _heights_of(np.random.default_rng((s << 40) | t), n)


def _by_convolution(x, convolve):
    x = np.asarray(x, dtype=float)
    n = x.size
    d = x - x[0]
    k = np.arange(1, n + 1)
    s1 = convolve(d, np.ones(n))[:n]
    s2 = convolve(d * d, np.ones(n))[:n]
    return np.sqrt(np.maximum(s2 / k - (s1 / k) ** 2, 0.0))


def convolved_sums(x):
    return _by_convolution(x, np.convolve)


def fft_convolved_sums(x):
    return _by_convolution(x, scipy.signal.fftconvolve)


def correlated_sums(x):
    x = np.asarray(x, dtype=float)
    n = x.size
    d = x - x[0]
    k = np.arange(1, n + 1)
    s1 = np.correlate(np.concatenate([np.zeros(n - 1), d]), np.ones(n), "valid")
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (s1 / k) ** 2, 0.0))


CASES += [
    (check_pi_by_averaging, (child_from_hash_of_draw,), WRONG, "from the builtin hash()"),
    (check_pi_by_averaging, (child_from_hashed_tuple,), WRONG, "from the builtin hash()"),
    (check_pi_by_averaging, (child_from_squared_seed,), WRONG, "at most 40 bits drawn from rng"),
    (check_pi_by_averaging, (child_from_xorshifted_seed,), WRONG,
     "at most 40 bits drawn from rng"),
    (check_pi_by_averaging, (child_from_two_20_bit_draws,), WRONG,
     "two small draws put together"),
    (check_pi_by_averaging, (child_from_24_and_16_bits,), WRONG,
     "at most 40 bits drawn from rng"),
    (check_running_std_of, (convolved_sums,), WRONG, "calls np.convolve: a full convolution"),
    (check_running_std_of, (fft_convolved_sums,), WRONG, "scipy.signal.fftconvolve"),
    (check_running_std_of, (correlated_sums,), WRONG, "calls np.correlate"),
]

# fx20e (issue 20, L4): a fixed shift, a constant added to every estimate or height, or to
# every running standard deviation, or a constant offset in the running mean (the variance
# then gains its square): named as a constant, not as generic misses


def offset_estimate(c, heights=False, dtype=np.float64):
    """pi_by_averaging whose estimate (or every height) has the constant ``c`` added."""
    def pi_by_averaging(rng, n):
        h = 4 * np.sqrt(1 - rng.random(n, dtype=dtype) ** 2) + (c if heights else 0)
        return h.mean() + (0 if heights else c), h.std(ddof=1) / np.sqrt(n)
    return pi_by_averaging


def mean_offset(c):
    """running_std_of taking deviations from the running mean plus ``c``."""
    def running_std_of(x):
        d = x - x[0]
        k = np.arange(1, len(x) + 1)
        mean = np.cumsum(d) / k
        # mean of (d - mean - c)**2 = mean of d**2 - 2 (mean + c) mean + (mean + c)**2
        return np.sqrt(np.maximum(np.cumsum(d * d) / k - 2 * (mean + c) * mean
                                  + (mean + c) ** 2, 0.0))
    return running_std_of


CASES += [
    (check_running_std_of, (lambda x: shift_by_first(x) + 0.5,), WRONG,
     "off by the same 0.5: a constant added to the result (a fixed shift"),
    (check_running_std_of, (lambda x: shift_by_first(x) - 2.0,), WRONG, "off by the same -2"),
    (check_running_std_of, (mean_offset(0.5),), WRONG,
     "np.std(x[:k])**2 plus the same 0.25"),
    (check_running_std_of, (lambda x: np.sqrt(shift_by_first(x) ** 2 + 1.0),), WRONG,
     "a constant added to the variance before the square root"),
    (check_pi_by_averaging, (offset_estimate(0.01),), WRONG, "plus the same +0.01"),
    (check_pi_by_averaging, (offset_estimate(0.001),), WRONG, "plus the same +0.001"),
    (check_pi_by_averaging, (offset_estimate(-0.5),), WRONG, "plus the same -0.5"),
    (check_pi_by_averaging, (offset_estimate(0.02, heights=True),), WRONG,
     "a constant added to the estimate (or to every height)"),
    # other draws than the usual idioms' (float32): the statistical test names the offset
    (check_pi_by_averaging, (offset_estimate(0.05, dtype=np.float32),), WRONG,
     "all off from pi by about +0.05"),
]

if importlib.util.find_spec("torch") is not None:  # in requirements-torch.txt only
    CASES.append((check_pi_by_averaging, (torch_63_bit_seed,), WRONG, "low 32 bits"))
    CASES.append((check_running_std_of, (shift_by_first_torch,), CORRECT, None))


def _child_estimate(make_seed):
    """pi_by_averaging from a child generator seeded with ``make_seed(rng)``."""
    def pi_by_averaging(rng, n):
        heights = 4 * np.sqrt(1 - np.random.default_rng(make_seed(rng)).random(n) ** 2)
        return float(heights.mean()), float(heights.std(ddof=1) / np.sqrt(n))
    return pi_by_averaging


# issue 20 (F1): 40 bits packed 32 + 8 with a stride of 2**32 span ~2**64 but hold 40 bits;
# NumPy serves both bounded draws from one raw output, the 8 bits from the top of its high half
CASES += [
    (check_pi_by_averaging, (_child_estimate(lambda rng: int(rng.integers(2**32)) * 2**32
                                             + int(rng.integers(2**8))),), WRONG,
     "two small draws put together"),
    (check_pi_by_averaging, (_child_estimate(lambda rng: int(rng.integers(2**32)) * 2**32
                                             + int(rng.integers(2**32))),), CORRECT, None),
    (check_pi_by_averaging, (_child_estimate(lambda rng: int(rng.integers(2**41))),), CORRECT,
     None),
    (check_pi_by_averaging, (_child_estimate(lambda rng: int(rng.random() * 2**53)),), CORRECT,
     None),
    (check_pi_by_averaging, (_child_estimate(lambda rng: rng),), CORRECT, None),
]


# Seventh sweep (low): a fixed shift far from the data (x - 1e8) is named, not "not the
# running standard deviation"
def shift_by_fixed_1e8(x):
    d = np.asarray(x, float) - 1e8
    k = np.arange(1, d.size + 1)
    return np.sqrt(np.maximum(np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2, 0))


CASES += [
    (check_running_std_of, (shift_by_fixed_1e8,), WRONG, "shifts the data by a fixed 1e+08"),
]



def _named_running_std(x):
    """A local variable named running_std (the twelfth sweep: taken for the course's own)."""
    d = x - x[0]
    k = np.arange(1, len(x) + 1)
    running_var = np.cumsum(d * d) / k - (np.cumsum(d) / k) ** 2
    running_std = np.sqrt(np.maximum(running_var, 0.0))
    return running_std


CASES += [(check_running_std_of, (_named_running_std,), CORRECT, None)]
