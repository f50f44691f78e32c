"""Right and wrong answers for helpers.checks.day10 (see tests/checks/README.md)."""

import copy
import math

import numpy as np
from scipy import stats

from helpers import intervals
from helpers.checks.day10 import check_paired_ci, check_seeds_needed, check_task_seeds
from helpers.exercises import CORRECT, WRONG
from helpers.intervals import mean_interval, paired_interval, t_quantile


def seeds_with_t(sd, half_width):
    n = 6
    while t_quantile(0.975, n - 1) * sd / math.sqrt(n) > half_width:
        n += 1
    return n


def seeds_with_dof(dof):
    def seeds_needed(sd, half_width):
        n = 6
        while t_quantile(0.975, dof(n)) * sd / math.sqrt(n) > half_width:
            n += 1
        return n
    return seeds_needed


def seeds_with_q(q):
    def seeds_needed(sd, half_width):
        n = 6
        while t_quantile(q, n - 1) * sd / math.sqrt(n) > half_width:
            n += 1
        return n
    return seeds_needed


def seeds_from_estimate(sd, half_width):
    """Start at Day 8's estimate and step down while the t interval still fits."""
    n = max(6, math.ceil((1.96 * sd / half_width) ** 2))
    while t_quantile(0.975, n - 1) * sd / math.sqrt(n) > half_width:
        n += 1
    while n > 6 and t_quantile(0.975, n - 2) * sd / math.sqrt(n - 1) <= half_width:
        n -= 1
    return np.int64(n)


def seeds_by_search(sd, half_width):
    """All candidates at once (NumPy), the first that fits."""
    n = np.arange(6, 5000)
    t = np.array([t_quantile(0.975, k - 1) for k in n])
    return int(n[np.argmax(t * sd / np.sqrt(n) <= half_width)])


def seeds_with_n_minus_2(sd, half_width):
    n = 7  # t_quantile needs 5 degrees of freedom or more
    while t_quantile(0.975, n - 2) * sd / math.sqrt(n) > half_width:
        n += 1
    return n


def seeds_from_two(sd, half_width):
    """A search from n = 2 with SciPy's t: it ignores the prompt's floor n >= 6."""
    n = 2
    while stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n) > half_width:
        n += 1
    return n


def seeds_with_variance(sd, half_width):
    """sd**2 in place of sd: far too few seeds."""
    return seeds_with_t(sd**2, half_width)


def seeds_with_z(sd, half_width):
    return math.ceil((1.96 * sd / half_width) ** 2)


def paired_right(a, b):
    d = b - a
    half = t_quantile(0.975, d.size - 1) * d.std(ddof=1) / math.sqrt(d.size)
    return d.mean() - half, d.mean() + half


def paired_with(multiplier, ddof=1, sqrt_n=True, flip=False):
    def paired_ci(a, b):
        d = (a - b) if flip else (b - a)
        m = multiplier(d.size)
        half = m * d.std(ddof=ddof) / (math.sqrt(d.size) if sqrt_n else 1)
        return d.mean() - half, d.mean() + half
    return paired_ci


def unpaired(a, b):
    n = a.size
    half = t_quantile(0.975, n - 1) * math.sqrt(a.var(ddof=1) / n + b.var(ddof=1) / n)
    return b.mean() - a.mean() - half, b.mean() - a.mean() + half


def paired_by_helper(a, b):
    """The course's helper, forbidden by the prompt, behind a function of one's own."""
    _, low, high = paired_interval(a, b)
    return low, high


def paired_by_module(a, b):
    return tuple(intervals.paired_interval(a, b))[1:]


def paired_via_helper(a, b):
    return paired_by_helper(a, b)


def shifted_copies(seed, n):
    """One Generator copied between draws: task i is task 0 shifted by i draws."""
    rng = np.random.default_rng(seed)
    tasks = []
    for _ in range(n):
        tasks.append(copy.deepcopy(rng))
        rng.random()
    return tasks


def t_multiplier(n):
    return t_quantile(0.975, n - 1)


CASES = [
    (check_seeds_needed, (seeds_with_t,), CORRECT, "square"),
    (check_seeds_needed, (seeds_with_z,), WRONG, "t_quantile(0.975, n - 1)"),
    (check_seeds_needed, (lambda sd, h: math.ceil(1.96 * sd / h),), WRONG, "SQUARE"),
    (check_seeds_needed, (lambda sd, h: 4 * seeds_with_t(sd, h),), WRONG, "more than needed"),
    (check_seeds_needed, (seeds_from_two,), WRONG, "the fewest n >= 6"),
    (check_seeds_needed, (seeds_with_variance,), WRONG, "too few: at n = "),
    (check_seeds_needed, (lambda sd, h: seeds_with_t(sd, h) + 2,), WRONG, "more than needed"),
    (check_seeds_needed, (lambda sd, h: float(seeds_with_t(sd, h)),), CORRECT, None),
    (check_seeds_needed, (lambda sd, h: seeds_with_t(sd, h) + 0.5,), WRONG, "whole number"),
    (check_seeds_needed, (seeds_from_estimate,), CORRECT, None),
    (check_seeds_needed, (seeds_by_search,), CORRECT, None),
    (check_seeds_needed, (seeds_with_dof(lambda n: n),), WRONG, "n - 1 degrees of freedom"),
    (check_seeds_needed, (seeds_with_n_minus_2,), WRONG, "not n - 2"),
    (check_seeds_needed, (lambda sd, h: seeds_with_t(sd, h) - 1,), WRONG, "one step too early"),
    (check_seeds_needed, (lambda sd, h: np.array(seeds_with_t(sd, h)),), CORRECT, None),
    (check_seeds_needed, (seeds_with_q(0.95),), WRONG, "2.5% in each tail"),
    (check_seeds_needed, (seeds_with_q(0.995),), WRONG, "2.5% in each tail"),
    (check_seeds_needed, (lambda sd, h: round((1.96 * sd / h) ** 2),), WRONG, "1.96"),
    (check_seeds_needed, (lambda sd, h: math.ceil((t_quantile(0.975, 29) * sd / h) ** 2),),
     WRONG, "frozen at one n"),
    (check_seeds_needed, (lambda sd, h: True,), WRONG, "whole number"),
    (check_paired_ci, (paired_right,), CORRECT, "differences"),
    (check_paired_ci, (paired_with(t_multiplier),), CORRECT, None),
    (check_paired_ci, (lambda a, b: np.array(paired_right(a.astype(np.float32),
                                                          b.astype(np.float32))),), CORRECT, None),
    (check_paired_ci, (lambda a, b: list(paired_right(-b, -a))[::-1] and
                       paired_right(a, b),), CORRECT, None),
    (check_paired_ci, (unpaired,), WRONG, "per-seed differences"),
    # SciPy's two-sample t interval, pooled (the default) and Welch's: both unpaired
    (check_paired_ci, (lambda a, b: stats.ttest_ind(b, a).confidence_interval(),), WRONG,
     "as wide as an unpaired comparison"),
    (check_paired_ci, (lambda a, b: stats.ttest_ind(b, a, equal_var=False)
                       .confidence_interval(),), WRONG, "as wide as an unpaired comparison"),
    (check_paired_ci, (paired_with(lambda n: 1.96),), WRONG, "Student's t"),
    (check_paired_ci, (paired_with(t_multiplier, ddof=0),), WRONG, "ddof=1"),
    (check_paired_ci, (paired_with(t_multiplier, sqrt_n=False),), WRONG, "sqrt(n)"),
    (check_paired_ci, (paired_with(t_multiplier, flip=True),), WRONG, "a - b"),
    (check_paired_ci, (lambda a, b: 0.01,), WRONG, "two numbers"),
    (check_paired_ci, (paired_with(lambda n: 2.262),), WRONG, "does not change with n"),
    (check_paired_ci, (paired_with(lambda n: t_quantile(0.975, n)),), WRONG,
     "n - 1 degrees of freedom"),
    (check_paired_ci, (paired_with(lambda n: t_quantile(0.95, n - 1)),), WRONG,
     "2.5% in each tail"),
    (check_paired_ci, (lambda a, b: (0.0, 1.0),), WRONG, "not the 95% interval"),
    (check_paired_ci, (paired_by_helper,), WRONG, "uses the course's paired_interval"),
    (check_paired_ci, (paired_by_module,), WRONG, "uses the course's paired_interval"),
    (check_paired_ci, (paired_via_helper,), WRONG, "uses the course's paired_interval"),
    (check_paired_ci, (lambda a, b: getattr(intervals, "mean_" + "interval")(b - a)[1:],),
     WRONG, "calls the course's mean_interval (found while it ran)"),
    (check_paired_ci, (lambda a, b: tuple(getattr(intervals, "paired_" + "interval")(a, b))[1:],),
     WRONG, "calls the course's paired_interval"),
    (check_paired_ci, (lambda a, b: vars(intervals)["mean_interval"](b - a)[1:],), WRONG,
     "found while it ran"),
    (check_paired_ci, (lambda a, b: mean_interval(b - a)[1:],), WRONG,
     "uses the course's mean_interval"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(seed).spawn(n),), CORRECT,
     "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed)] * n,), WRONG,
     "identical copies"),
    (check_task_seeds, (lambda seed, n: np.random.default_rng(seed).spawn(n),), CORRECT,
     "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(s) for s in
                                         np.random.SeedSequence(seed).spawn(n)],), CORRECT,
     None),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(seed)] * n,), WRONG,
     "copies"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(seed + i) for i in range(n)],),
     WRONG, "seed + i"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed + i) for i in range(n)],),
     WRONG, "seed + i"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence().spawn(n),), WRONG,
     "repeatable"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(seed).spawn(n)[:-1],), WRONG,
     "one per task"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(seed).spawn(n)[::-1],), CORRECT,
     None),
    # policy (issue 20): a stride of 2**32 is injective: seed * 2**32 + i is the words [i, seed],
    # exactly NumPy's documented SeedSequence([i, seed]), whose streams are never shared
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed * 2**32 + i)
                                         for i in range(n)],), CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence([seed, i]) for i in range(n)],),
     WRONG, "seed 7 + 2**32 is the words [7, 1]"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence([seed, i]) for i in range(n)],),
     WRONG, "default_rng(7)'s own stream"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(seed % 2**32).spawn(n),), WRONG,
     "only modulo 2**32"),
    (check_task_seeds, (lambda seed, n: np.random.default_rng(seed % 2**64).spawn(n),), WRONG,
     "seeds 7 and 7 + 2**64"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed ^ i) for i in range(n)],),
     WRONG, "nearby seeds 7 and"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(seed + i).jumped())
                                         for i in range(n)],), WRONG,
     "share 15 of their 16 tasks"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng([i ^ seed, 5]) for i in range(n)],),
     WRONG, "arithmetic on the seed"),
    (check_task_seeds, (lambda seed, n: [seed + i for i in range(n)],), WRONG, "seed + i"),
    (check_task_seeds, (lambda seed, n: list(np.random.SeedSequence(seed).generate_state(n)),),
     WRONG, "numpy.random.SeedSequence"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed * i) for i in range(n)],),
     WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(int(f"{seed}{i}"))
                                         for i in range(n)],), WRONG, "seeds 1 and 11"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed + 100 * i)
                                         for i in range(n)],), WRONG, "seeds 7 and 107"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed - i) for i in range(n)],),
     WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed + 1000 * i)
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(seed + 1000 * i)
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed + 3 * i)
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(2**i * seed + 1)
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(2 * seed + i) for i in range(n)],),
     WRONG,
     "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed * n + i)
                                         for i in range(n)],), WRONG, "the number of tasks"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(seed**2 + i)
                                         for i in range(n)],), WRONG, "the number of tasks"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed * 1000 + i)
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(seed * 10_000 + i)
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(int(f"{seed}0{i}"))
                                         for i in range(n)],), WRONG, "share a task"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed * 100003 + i)
                                         for i in range(n)],), WRONG,
     "task 100,003 of seed 7 and task 0 of seed 8"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(seed * 5000 + 3 * i)
                                         for i in range(n)],), WRONG,
     "task 5,000 of seed 7 and task 0 of seed 10"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed, spawn_key=(i,))
                                         for i in range(n)],), CORRECT, None),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(seed).advance(i))
                                         for i in range(n)],), WRONG,
     "task 1's draws are task 0's shifted by 1"),
    (check_task_seeds, (shifted_copies,), WRONG, "shifted copies of one stream overlap"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(0).advance(
        10**6 * i + seed)) for i in range(n)],), WRONG,
     "task 0 of seed 8's draws are task 0 of seed 7's shifted by 1"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(seed).jumped(i))
                                         for i in range(n)],), CORRECT, "never shared"),
    # windows of one stream, any stride: the LCG distance between the states gives them away
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(seed).advance(
        1000 * i)) for i in range(n)],), WRONG, "task 1's draws are task 0's shifted by 1,000"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(seed).advance(
        10**6 * i)) for i in range(n)],), WRONG, "shifted by 1,000,000"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(seed).advance(
        2**40 * i)) for i in range(n)],), WRONG, "the tasks are windows of one stream"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(
        np.random.SeedSequence(seed)).advance(5000 * i)) for i in range(n)],), WRONG,
     "shifted by 5,000"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64DXSM(seed).advance(
        10**9 * i)) for i in range(n)],), WRONG, "shifted by 1,000,000,000"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.Philox(seed).advance(
        10**6 * i)) for i in range(n)],), WRONG, "spawn"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64DXSM(seed).jumped(
        i)) for i in range(n)],), CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.Philox(seed).jumped(i))
                                         for i in range(n)],), CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.PCG64(s)) for s in
                                         np.random.SeedSequence(seed).spawn(n)],), CORRECT,
     "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(abs(seed - i))
                                         for i in range(n)],), WRONG,
     "arithmetic on the seed"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.Philox(key=[seed, i]))
                                         for i in range(n)],), WRONG,
     "task_seeds(7 + 2**64, 4) raised OverflowError"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence((i, seed)) for i in range(n)],),
     CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(abs(hash(f"{seed}-{i}")))
                                         for i in range(n)],), WRONG,
     "hash() of a string changes from one Python session to the next (PYTHONHASHSEED)"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(hash((str(seed), i)) % 2**63)
                                         for i in range(n)],), WRONG, "PYTHONHASHSEED"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(int(s)) for s in
                                         np.random.default_rng(seed).integers(0, 2**32, n)],),
     WRONG, "the seeds vary by about 32 bits"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(int(s)) for s in
                                         np.random.default_rng(seed).integers(0, 1000, n)],),
     WRONG, "the seeds vary by about 10 bits"),
    # seed maps that are one-to-one only below some size: hash() (modulo 2**61 - 1), a cut
    # to 2**128, a float on the way
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(hash((seed, i)) % 2**64)
                                         for i in range(n)],), WRONG, "builtin hash()"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(hash(seed) % 2**64).spawn(n),),
     WRONG, "builtin hash()"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(seed % (2**61 - 1)).spawn(n),),
     WRONG, "modulo 2**61 - 1"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(seed % 2**128).spawn(n),),
     WRONG, "only modulo 2**128"),
    (check_task_seeds, (lambda seed, n: np.random.default_rng(seed % 2**160).spawn(n),),
     WRONG, "modulo a power of two"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(int(float(seed))).spawn(n),),
     WRONG, "int(float(seed))"),
    (check_task_seeds, (lambda seed, n: np.random.default_rng(round(seed * 1.0)).spawn(n),),
     WRONG, "a float keeps only 53 bits"),
]


def _drawn_tasks(bits, wrap=int):
    """Tasks seeded with integers drawn below 2**bits from default_rng(seed), wrapped."""
    return lambda seed, n: [np.random.SeedSequence(wrap(v)) for v in
                            np.random.default_rng(seed).integers(2**bits, size=n)]


# The course's seed rule (40 bits or fewer varying from experiment to experiment), whatever
# wraps the seed; 41 and 63 bits pass
CASES += [
    (check_task_seeds, (_drawn_tasks(34),), WRONG, "the seeds vary by about 34 bits"),
    (check_task_seeds, (_drawn_tasks(36),), WRONG, "the seeds vary by about 36 bits"),
    (check_task_seeds, (_drawn_tasks(40),), WRONG, "the seeds vary by about 40 bits"),
    (check_task_seeds, (_drawn_tasks(33),), WRONG, "at about 110,000 seeds"),
    (check_task_seeds, (_drawn_tasks(32, lambda v: [int(v)]),), WRONG,
     "the seeds vary by about 32 bits"),
    (check_task_seeds, (_drawn_tasks(24, lambda v: [int(v)]),), WRONG,
     "the seeds vary by about 24 bits"),
    (check_task_seeds, (_drawn_tasks(16, lambda v: [int(v)]),), WRONG,
     "the seeds vary by about 16 bits"),
    (check_task_seeds, (_drawn_tasks(32, lambda v: np.array([v], dtype=np.uint32)),), WRONG,
     "the seeds vary by about 32 bits"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(int(v)).spawn(1)[0] for v in
                                         np.random.default_rng(seed).integers(2**32, size=n)],),
     WRONG, "the seeds vary by about 32 bits"),
    (check_task_seeds, (_drawn_tasks(41),), CORRECT, None),
    (check_task_seeds, (_drawn_tasks(63),), CORRECT, None),
    # ready-made intervals: right values, not by hand
    (check_paired_ci, (lambda a, b: tuple(stats.ttest_rel(b, a).confidence_interval()),),
     WRONG, "from scipy.stats.ttest_rel, a ready-made interval"),
    (check_paired_ci, (lambda a, b: tuple(stats.ttest_1samp(b - a, 0).confidence_interval()),),
     WRONG, "from scipy.stats.ttest_1samp"),
    (check_paired_ci, (lambda a, b: stats.t.interval(0.95, len(a) - 1, loc=np.mean(b - a),
                                                     scale=stats.sem(b - a)),),
     WRONG, "from scipy.stats.t.interval"),
    (check_paired_ci, (lambda a, b: (np.mean(b - a) - stats.t.ppf(0.975, len(a) - 1)
                                     * stats.sem(b - a), np.mean(b - a)
                                     + stats.t.ppf(0.975, len(a) - 1) * stats.sem(b - a)),),
     CORRECT, None),
]


# Seeds of any size (the prompt's 7 and 7 + 2**32): an answer that raises on a large seed is
# told which seed and which error, not skipped
CASES += [
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(np.array([seed, i],
                                                                         dtype=np.uint32))
                                         for i in range(n)],), WRONG,
     "task_seeds(7 + 2**32, 4) raised"),  # OverflowError (NumPy 1.26: a DeprecationWarning)
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(np.uint64(seed)).spawn(n),),
     WRONG, "task_seeds(7 + 2**64, 4) raised"),
    (check_task_seeds, (lambda seed, n: [np.random.Generator(np.random.Philox(
        key=seed, counter=[0, i, 0, 0])) for i in range(n)],), WRONG,
     "task_seeds(7 + 2**128, 4) raised ValueError"),
    (check_task_seeds, (lambda seed, n: np.random.SeedSequence(np.uint64(seed)).spawn(n),),
     WRONG, "seeds can be of any size: SeedSequence takes any non-negative int"),
]


def _mixed_tasks(bits, make):
    """Tasks seeded from integers v drawn below 2**bits from default_rng(seed), with the
    experiment's seed mixed in by ``make(v, seed)``."""
    return lambda seed, n: [make(int(v), seed) for v in
                            np.random.default_rng(seed).integers(2**bits, size=n)]


# The seed rule within one experiment: 40 random bits or fewer varying from task to task
# collide by the birthday bound however the experiment's seed is mixed in; the task's index
# (distinct by construction) and wide draws pass
CASES += [
    (check_task_seeds, (_mixed_tasks(32, lambda v, s: np.random.SeedSequence([v, s])),),
     WRONG, "tasks of one experiment are seeded with too few varying bits"),
    (check_task_seeds, (_mixed_tasks(40, lambda v, s: np.random.SeedSequence(v + s * 2**40)),),
     WRONG, "the seeds vary by about 40 bits"),
    (check_task_seeds, (_mixed_tasks(32, lambda v, s: np.random.SeedSequence(
        s, spawn_key=(v,))),), WRONG, "the seeds vary by about 32 bits"),
    (check_task_seeds, (_mixed_tasks(32, lambda v, s: np.random.SeedSequence(v * 2**64 + s)),),
     WRONG, "an even chance of a shared stream"),
    (check_task_seeds, (_mixed_tasks(41, lambda v, s: np.random.SeedSequence([v, s])),),
     CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed, spawn_key=(5, i))
                                         for i in range(n)],), CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence([i, seed])
                                         for i in range(n)],), CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(int(v)) for v in
                                         np.random.SeedSequence(seed).generate_state(
                                             n, np.uint64)],), CORRECT, "never shared"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence([int(v), i, seed]) for i, v in
                                         enumerate(np.random.default_rng(seed).integers(
                                             2**32, size=n))],), CORRECT, "never shared"),
]


# Tenth sweep: SciPy's interval through a frozen distribution (a new instance of the class
# does the work, which the watch on scipy.stats.t did not see)
def frozen_t_interval(a, b):
    d = b - a
    return stats.t(d.size - 1, loc=d.mean(), scale=stats.sem(d)).interval(0.95)


CASES += [
    (check_paired_ci, (frozen_t_interval,), WRONG, "a frozen scipy.stats distribution"),
]


# Eleventh sweep: tasks of one experiment that repeat once it has more than 64 tasks (the
# task number cut to 8 or 16 bits, or a short list of children reused)
def reused_children(seed, n):
    children = np.random.SeedSequence(seed).spawn(min(n, 100))
    return [children[i % len(children)] for i in range(n)]


CASES += [
    (check_task_seeds, (reused_children,), WRONG, "tasks 0 and 100 of task_seeds(7, 1100)"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed, spawn_key=(int(k),))
                                         for k in np.arange(n).astype(np.uint8)],), WRONG,
     "your task number wraps around"),
    (check_task_seeds, (lambda seed, n: [np.random.SeedSequence(seed, spawn_key=(i % 2**16,))
                                         for i in range(n)],), WRONG,
     "tasks 0 and 65536 of task_seeds(7, 65538)"),
    (check_task_seeds, (lambda seed, n: [np.random.default_rng(np.random.SeedSequence(
        seed, spawn_key=(i % 16,))) for i in range(n)],), WRONG, "tasks 0 and 16"),
]
