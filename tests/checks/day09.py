"""Right and wrong answers for helpers.checks.day09 (see tests/checks/README.md).

The NumPy answers run everywhere; the PyTorch answers (what a learner writes) are added
when PyTorch is installed.
"""

import hashlib
import importlib.util
import math
import random
from decimal import Decimal

import numpy as np

from helpers.checks.day09 import check_linear_output_rms, check_rank_noise, check_sample_tokens
from helpers.exercises import CORRECT, WRONG
from helpers.torch_workers import ITEM_NOISE_KEY

SeedSequence = np.random.SeedSequence


def softmax_rows(logits, temperature):
    z = np.asarray(logits) / temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def choice_tokens(logits, temperature, n, seed):
    """Right in NumPy: one generator for every row, each row from its own softmax."""
    rng = np.random.default_rng(seed)
    return np.stack([rng.choice(len(p), size=n, p=p) for p in softmax_rows(logits, temperature)])


def ranked(item_noise):
    """A rank_noise answer built from an answer for one item: what a learner writes."""
    def rank_noise(seed, epoch, rank, world_size, num_items, size):
        rows = [item_noise(seed, epoch, i, size) for i in range(rank, num_items, world_size)]
        if not rows:
            return np.empty((0, size))
        if type(rows[0]).__module__.startswith("torch"):
            import torch
            return torch.stack(rows)
        return np.stack([np.asarray(row) for row in rows])
    return rank_noise


def item_rng(seed, epoch, index):
    return np.random.default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index)))


def quota_tokens(logits, temperature, n, seed):
    """Labels made to exact proportions in each row, then shuffled: the counts never vary."""
    rng = np.random.default_rng(seed)
    rows = []
    for p in softmax_rows(logits, temperature):
        counts = np.floor(p * n).astype(int)
        counts[0] += n - counts.sum()
        rows.append(rng.permutation(np.repeat(np.arange(len(p)), counts)))
    return np.stack(rows)


def reseeded_rows(logits, temperature, n, seed):
    """A generator seeded afresh for every row: identical rows get identical labels."""
    return np.stack([np.random.default_rng(seed).choice(len(p), size=n, p=p)
                     for p in softmax_rows(logits, temperature)])


def row_seeded_tokens(logits, temperature, n, seed):
    """One generator per row, seeded seed + row through a list: rows collide across seeds."""
    return np.stack([np.random.default_rng([seed + i]).choice(len(p), size=n, p=p)
                     for i, p in enumerate(softmax_rows(logits, temperature))])


def halves_tokens(logits, temperature, n, seed):
    """Half the labels drawn, then copied: the second half of each row repeats the first."""
    half = choice_tokens(logits, temperature, n // 2, seed)
    return np.concatenate([half, half], axis=1)


def replace_if_needed_tokens(logits, temperature, n, seed):
    """Without replacement unless n > k: section 2's trap, which the small n hides."""
    rng = np.random.default_rng(seed)
    return np.stack([rng.choice(len(p), size=n, p=p, replace=n > len(p))
                     for p in softmax_rows(logits, temperature)])


def unstable_tokens(logits, temperature, n, seed):
    """exp before the largest logit is subtracted: overflows for large logits."""
    rng = np.random.default_rng(seed)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.asarray(logits) / temperature)
        probs = e / e.sum(axis=1, keepdims=True)
    return np.stack([rng.choice(len(p), size=n, p=p) for p in probs])


def global_max_tokens(logits, temperature, n, seed):
    """The largest logit of the whole batch subtracted: other rows underflow to 0 (0 / 0)."""
    rng = np.random.default_rng(seed)
    z = np.asarray(logits) / temperature
    with np.errstate(invalid="ignore"):
        e = np.exp(z - z.max())
        probs = e / e.sum(axis=1, keepdims=True)
    return np.stack([rng.choice(len(p), size=n, p=p) for p in probs])



def inverse_cdf(logits, temperature, u):
    """Labels from uniforms u of shape (B, n): each row's inverse CDF (NumPy)."""
    cdf = np.cumsum(softmax_rows(logits, temperature), axis=1)
    return np.minimum((u[:, :, None] >= cdf[:, None, :]).sum(axis=2), len(logits[0]) - 1)


def shared_uniforms(logits, temperature, n, seed):
    """One row of uniforms reused by every row: identical logits, identical labels."""
    u = np.random.default_rng(seed).random(n)
    return inverse_cdf(logits, temperature, np.tile(u, (len(logits), 1)))


def antithetic_rows(logits, temperature, n, seed):
    """Rows in pairs from u and 1 - u: each row right on its own, the pairs dependent."""
    u = np.random.default_rng(seed).random(((len(logits) + 1) // 2, n))
    rows = [u[i // 2] if i % 2 == 0 else 1 - u[i // 2] for i in range(len(logits))]
    return inverse_cdf(logits, temperature, np.stack(rows))


def window_rows(logits, temperature, n, seed):
    """Row i reads uniforms i to i + n of one stream: overlapping windows."""
    u = np.random.default_rng(seed).random(n + len(logits))
    return inverse_cdf(logits, temperature, np.stack([u[i:i + n] for i in range(len(logits))]))


def mutating_tokens(logits, temperature, n, seed):
    """Right labels, but the caller's logits are divided by the temperature in place."""
    for i, row in enumerate(logits):
        logits[i] = [x / temperature for x in row]
    return choice_tokens(logits, 1.0, n, seed)


def renamed_mutating_tokens(lg, temperature, n, seed):
    """mutating_tokens under another argument name: the check's own words must still say
    that the caller's logits were changed."""
    return mutating_tokens(lg, temperature, n, seed)


def row_minus_tokens(logits, temperature, n, seed):
    """One generator per row, seeded (seed - i) % 2**32 to stay non-negative: row 1 at seed
    6 replays row 0 at seed 5."""
    return np.stack([np.random.default_rng((seed - i) % 2**32).choice(len(p), size=n, p=p)
                     for i, p in enumerate(softmax_rows(logits, temperature))])


def argmax_tokens(logits, temperature, n, seed):
    """Greedy decoding: every label is the row's argmax, whatever the seed."""
    return np.repeat(np.argmax(logits, axis=1)[:, None], n, axis=1)


def antithetic_items(seed, epoch, index, size):
    """Item 2j + 1 is minus item 2j: antithetic pairs."""
    z = item_rng(seed, epoch, index // 2).standard_normal(size)
    return z if index % 2 == 0 else -z


def negated_second_half(seed, epoch, rank, world_size, num_items, size):
    """The second half of the items negates the first half."""
    half = (num_items + 1) // 2
    rows = [item_rng(seed, epoch, i).standard_normal(size) if i < half else
            -item_rng(seed, epoch, i - half).standard_normal(size)
            for i in range(rank, num_items, world_size)]
    return np.array(rows).reshape(len(rows), size)


def antithetic_epochs(seed, epoch, index, size):
    """An odd epoch negates the even one before it."""
    z = item_rng(seed, epoch // 2, index).standard_normal(size)
    return z if epoch % 2 == 0 else -z


def correlated_pairs(seed, epoch, index, size):
    """Item 2j + 1 is 0.8 item 2j + 0.6 fresh noise: standard normal, but correlated."""
    z = item_rng(seed, epoch, index // 2 * 2).standard_normal(size)
    if index % 2 == 0:
        return z
    return 0.8 * z + 0.6 * item_rng(seed, epoch, index).standard_normal(size)


def epoch_stride(stride):
    """Epoch e reads the item's stream from draw stride * e: epochs overlap."""
    def item_noise(seed, epoch, index, size):
        rng = np.random.default_rng(SeedSequence(seed, spawn_key=(index,)))
        return rng.standard_normal(size + stride * epoch)[stride * epoch:]
    return item_noise


def seed_stride(seed, epoch, index, size):
    """The seed only shifts one stream per (epoch, index): seeds overlap."""
    rng = np.random.default_rng(SeedSequence(12_345, spawn_key=(epoch, index)))
    return rng.standard_normal(size + seed)[seed:]


def epoch_blocks(seed, epoch, index, size):
    """Item i is block i of its epoch's stream (disjoint blocks of one generator)."""
    rng = np.random.default_rng(SeedSequence(seed, spawn_key=(epoch,)))
    return rng.standard_normal((index + 1) * size)[index * size:]


def item_blocks(seed, epoch, index, size):
    """Epoch e is block e of the item's stream (disjoint blocks of one generator)."""
    rng = np.random.default_rng(SeedSequence(seed, spawn_key=(index,)))
    return rng.standard_normal((epoch + 1) * size)[epoch * size:]

def per_draw_random(seed, epoch, index, size):
    """random.Random made afresh for every draw, from the item's seed: every draw the same."""
    key = int(SeedSequence(seed, spawn_key=(epoch, index)).generate_state(1)[0])
    return np.array([random.Random(key).gauss(0, 1) for _ in range(size)])


def standardized_item(seed, epoch, index, size):
    """Each item rescaled to mean 0 and sd 1: normal-looking, but the items' means are 0."""
    x = item_rng(seed, epoch, index).standard_normal(size)
    return (x - x.mean()) / x.std()


def irwin_hall_item(seed, epoch, index, size):
    """A sum of 12 uniforms minus 6: mean 0 and sd 1, but thin tails (kurtosis 2.9)."""
    return item_rng(seed, epoch, index).random((size, 12)).sum(axis=1) - 6


def rescaled_item(seed, epoch, index, size):
    """Each item divided by its own sd: every item's mean square is (nearly) 1."""
    x = item_rng(seed, epoch, index).standard_normal(size)
    return x / x.std()


def item_offset(seed, epoch, index, size):
    """Every draw of an item shares an offset drawn once for the item: sd 1, but dependent."""
    rng = np.random.default_rng(SeedSequence(seed, spawn_key=(epoch, index)))
    return 0.6 * rng.standard_normal() + 0.8 * rng.standard_normal(size)


def epoch_shared(weight):
    """Each item's own draws mixed with one draw made per epoch: right-looking normal draws,
    but the items of an epoch share a component (correlation weight**2)."""
    def item_noise(seed, epoch, index, size):
        once = np.random.default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY + 1, epoch)))
        own = item_rng(seed, epoch, index).standard_normal(size)
        return weight * once.standard_normal(size) + math.sqrt(1 - weight**2) * own
    return item_noise


def seed_shared(seed, epoch, index, size):
    """A component drawn once per seed, shared by every item of every epoch."""
    once = np.random.default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY + 1,)))
    return (once.standard_normal(size) + item_rng(seed, epoch, index).standard_normal(size)) / 2**0.5


def small_key(first):
    """Items at spawn_key (first, epoch, index): a small first entry is a node spawning
    reaches (spawn(first + 1)[first], then the epoch's child, then the index's)."""
    return lambda seed, epoch, index, size: np.random.default_rng(np.random.SeedSequence(
        seed, spawn_key=(first, epoch, index))).standard_normal(size)


SS = np.random.SeedSequence  # an alias, as in `from numpy.random import SeedSequence as SS`
SHARED = np.random.default_rng(0)  # one generator for every item: the workers' bug


def rank_noise_vectorized(seed, epoch, rank, world_size, num_items, size):
    """The right answer, with one list of seeds and a float32 result."""
    seeds = [SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, i))
             for i in range(rank, num_items, world_size)]
    return np.array([np.random.default_rng(s).standard_normal(size, dtype=np.float32)
                     for s in seeds], dtype=np.float32).reshape(len(seeds), size)


def per_rank_generator(seed, epoch, rank, world_size, num_items, size):
    """The workers' fix carried to ranks: one generator per rank (the items then depend on
    world_size)."""
    count = len(range(rank, num_items, world_size))
    rng = np.random.default_rng(SeedSequence(seed, spawn_key=(epoch, rank)))
    return rng.standard_normal((count, size))


def keyed_by_rank_and_index(seed, epoch, rank, world_size, num_items, size):
    return np.stack([np.random.default_rng(SeedSequence(seed, spawn_key=(epoch, rank, i)))
                     .standard_normal(size) for i in range(rank, num_items, world_size)]
                    or [np.empty(size)])[:len(range(rank, num_items, world_size))]


def contiguous_blocks(seed, epoch, rank, world_size, num_items, size):
    mine = np.array_split(np.arange(num_items), world_size)[rank]  # a block, not strided
    return np.stack([item_rng(seed, epoch, i).standard_normal(size) for i in mine]
                    or [np.empty(size)])[:len(mine)]


def one_row_too_many(seed, epoch, rank, world_size, num_items, size):
    return np.stack([item_rng(seed, epoch, i).standard_normal(size)
                     for i in range(rank, num_items + 1, world_size)])


def local_index(seed, epoch, rank, world_size, num_items, size):
    count = len(range(rank, num_items, world_size))  # j, the row number, not the item's index
    return np.stack([item_rng(seed, epoch, j).standard_normal(size) for j in range(count)]
                    or [np.empty(size)])[:count]


def num_items_key(seed, epoch, rank, world_size, num_items, size):
    """One key from the epoch and the index, strided by the data set's size: one-to-one for
    one data set, but an item's noise changes when the data set grows."""
    return np.stack([np.random.default_rng(SeedSequence(
        seed, spawn_key=(epoch * num_items + i,))).standard_normal(size)
        for i in range(rank, num_items, world_size)]).reshape(-1, size)


def rank_times_epoch(seed, epoch, rank, world_size, num_items, size):
    return np.stack([np.random.default_rng(seed + 1_000 * rank + i).standard_normal(size)
                     for i in range(rank, num_items, world_size)] or [np.empty(size)])[
        :len(range(rank, num_items, world_size))]

def every_item_per_rank(seed, epoch, rank, world_size, num_items, size):
    """Every rank draws every item's row from one generator per epoch and keeps its own:
    the same for any world_size, but item 1 at size 3 is the second half of item 0 at 6."""
    rng = np.random.default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch)))
    return rng.standard_normal((num_items, size))[rank::world_size]


CASES = [
    # ------------------------------------------------------------ Exercise 1: right answers
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        fan_in * (1 / (3 * fan_in)) * (mean**2 + sd**2) + 1 / (3 * fan_in)),), CORRECT, "m₂"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.hypot(mean, sd, fan_in**-0.5)
                               / math.sqrt(3),), CORRECT, None),
    (check_linear_output_rms, (lambda fan_in, mean, sd: np.float32(np.sqrt(
        (mean * mean + sd * sd) / 3 + 1 / (3 * fan_in))),), CORRECT, None),
    (check_linear_output_rms, (lambda fan_in, mean, sd: np.array([np.sqrt(np.mean(
        np.array([mean**2 + sd**2, 1 / fan_in])) * 2 / 3)]),), CORRECT, None),
    # kaiming_uniform_, a = √5: gain √(2 / (1 + a²)), bound gain·√(3 / fan_in), var bound²/3
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        fan_in * (math.sqrt(2 / 6) * math.sqrt(3 / fan_in)) ** 2 / 3 * (sd**2 + mean**2)
        + (1 / math.sqrt(fan_in)) ** 2 / 3),), CORRECT, None),
    # ------------------------------------------------------------ Exercise 1: wrong answers
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(sd**2 / 3 + 1 / (3 * fan_in)),),
     WRONG, "not centred"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt((mean**2 + sd**2) / 3),),
     WRONG, "the bias adds"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(mean**2 + sd**2 + 1 / fan_in),),
     WRONG, "bound"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        mean**2 + sd**2 + 1 / (3 * fan_in)),), WRONG, "a²/3"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: (mean**2 + sd**2) / 3
                               + 1 / (3 * fan_in),), WRONG, "square root"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        fan_in * (mean**2 + sd**2) + 1 / (3 * fan_in)),), WRONG, "torch.randn"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        (mean**2 + sd**2) / 12 + 1 / (12 * fan_in)),), WRONG, "(2a)²/12"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        (mean + sd) ** 2 / 3 + 1 / (3 * fan_in)),), WRONG, "sd² + mean²"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        (mean**2 + sd**2) / 3 + 1 / fan_in),), WRONG, "not 1/fan_in"),  # the bias's bound
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        sd**2 / 3 + mean**2 + 1 / (3 * fan_in)),), WRONG, "mean goes through the weights"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(
        2 * (mean**2 + sd**2) + 1 / (3 * fan_in)),), WRONG, "He (Kaiming)"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: 1.01 * math.sqrt(
        (mean**2 + sd**2) / 3 + 1 / (3 * fan_in)),), WRONG, "measure"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: math.sqrt(sd**2 + mean**2) / fan_in,),
     WRONG, "not the root mean square"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: [0.1, 0.2],), WRONG, "one number"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: np.sqrt(np.mean((
        np.random.normal(mean, sd, (20_000, fan_in))  # noqa: NPY002 (the mistake)
        @ np.random.uniform(-1, 1, fan_in) / math.sqrt(fan_in)) ** 2)),),  # noqa: NPY002
     WRONG, "global np.random state"),
    # ------------------------------------------------------------ Exercise 2 (NumPy answers)
    (check_sample_tokens, (choice_tokens,), WRONG, "PyTorch's version"),
    (check_sample_tokens, (reseeded_rows,), WRONG, "seeded afresh for each row"),
    (check_sample_tokens, (quota_tokens,), WRONG, "fixed counts and shuffled"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, 1 / t, n, seed),),
     WRONG, "multiplied the logits by the temperature"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, 1.0, n, seed),),
     WRONG, "temperature is not applied"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, t, n, seed).T,),
     WRONG, "one row per example"),
    (check_sample_tokens, (lambda logits, t, n, seed: np.sort(choice_tokens(logits, t, n, seed),
                                                              axis=1),), WRONG, "sorted"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, t, n, 0),), WRONG,
     "seeds 0 and 1"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, t, n, seed % 7),),
     WRONG, "identical labels"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, t, n, None),), WRONG,
     "same seed"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, t, n, seed) + 1,),
     WRONG, "class indices"),
    (check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(logits, t, n, seed) * 1.0,),
     WRONG, "integer"),
    (check_sample_tokens, (row_seeded_tokens,), WRONG, "seed + i, seed - i"),
    (check_sample_tokens, (lambda logits, t, n, seed: np.stack([np.random.default_rng(
        seed + i).choice(len(p), size=n, p=p) for i, p in enumerate(softmax_rows(logits, t))]),),
     WRONG, "a generator per row"),
    (check_sample_tokens, (halves_tokens,), WRONG, "second half of a row"),
    (check_sample_tokens, (replace_if_needed_tokens,), WRONG, "no row ever repeats"),
    (check_sample_tokens, (unstable_tokens,), WRONG, "exp overflows"),
    (check_sample_tokens, (global_max_tokens,), WRONG,
     ("largest logit of the whole batch (z.max()), so exp of the second row's logits, near "
     "-1000, underflows to 0, and 0 / 0 is nan")),
    (check_sample_tokens, (lambda logits, t, n, seed: np.random.default_rng(seed).integers(
        0, len(logits[0]), (len(logits), n)),), WRONG, "do not follow"),
    (check_sample_tokens, (lambda logits, t, n, seed: np.stack([
        np.random.choice(len(p), size=n, p=p)  # noqa: NPY002 (the mistake)
        for p in softmax_rows(logits, t)]),), WRONG,
     "torch.Generator"),
    # ------------------------------------------------------------ Exercise 3: right answers
    # nodes that SeedSequence(seed).spawn hands out: spawn children or grandchildren
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(epoch, index))).standard_normal(size)),), WRONG,
     "spawn_key=(0, 0)"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence([seed, epoch], spawn_key=(index,))).standard_normal(size)),), WRONG,
     "a key of their own"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size:
                        item_rng(seed, epoch, index).standard_normal(size)),), CORRECT,
     "any number of ranks"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed).spawn(epoch + 1)[epoch].spawn(index + 1)[index]).standard_normal(
        size)),), WRONG, "spawn(1)[0].spawn(1)[0]"),  # two levels down: node (epoch, index)
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.Generator(
        np.random.Philox(SeedSequence(seed, spawn_key=(epoch, index)))).normal(0.0, 1.0, size)),),
     CORRECT, None),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: item_rng(seed, epoch, index)
                        .standard_normal(size, dtype=np.float32).tolist()),), CORRECT, None),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [seed, epoch + 1, index + 1]).standard_normal(size)),), CORRECT, None),  # no zero ids
    (check_rank_noise, (ranked(lambda seed, epoch, index, size:
                        item_rng(seed, epoch, index).standard_normal(size)[::-1]),), CORRECT,
     None),  # a reversed view: the check's DataLoader must take it
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: -item_rng(seed, epoch, index)
                        .standard_normal(size)),), CORRECT, None),
    (check_rank_noise, (rank_noise_vectorized,), CORRECT, None),
    # ------------------------------------------------------------ Exercise 3: wrong answers
    (check_rank_noise, (per_rank_generator,), WRONG, "not on rank or world_size"),
    (check_rank_noise, (keyed_by_rank_and_index,), WRONG, "not on rank or world_size"),
    (check_rank_noise, (contiguous_blocks,), WRONG, "strided"),
    (check_rank_noise, (one_row_too_many,), WRONG, "shape (10, 3)"),
    (check_rank_noise, (local_index,), WRONG, "not on rank or world_size"),
    (check_rank_noise, (rank_times_epoch,), WRONG, "not on rank or world_size"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.sort(
        item_rng(seed, epoch, index).standard_normal(size))),), WRONG, "follow a pattern"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.sort(
        item_rng(seed, epoch, index).standard_normal(size))[::-1]),), WRONG, "follow a pattern"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.abs(
        item_rng(seed, epoch, index).standard_normal(size)) * (-1) ** np.arange(size)),), WRONG,
     "fixed order of signs"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        seed * 1_000_003 + epoch * 100_003 + index).standard_normal(size)),), WRONG,
     "a sum or a product"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [seed, epoch, index]).standard_normal(size)),), WRONG, "[s, 0, 0] is the seed s"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [epoch, index, seed]).standard_normal(size)),), WRONG, "or a zero seed"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        seed + epoch + index).standard_normal(size)),), WRONG, "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        seed + 1000 * epoch + index).standard_normal(size)),), WRONG, "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [epoch, seed + 100 * index]).standard_normal(size)),), WRONG, "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        int(f"{seed}{epoch}{index}")).standard_normal(size)),), WRONG, "digits side by side"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(1_000 * epoch + index,))).standard_normal(size)),), WRONG,
     "arithmetic on the ids"),  # one key from both ids: epoch 1's item 0 is epoch 0's 1,000
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(10_000 * epoch + index,))).standard_normal(size)),),
     WRONG, "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        seed * epoch + index).standard_normal(size)),), WRONG, "must depend on seed"),
    # ids packed into one spawn key or list entry with a large stride: the fixed grid cannot
    # see it, the scan of the seeds given does (epoch 3's item 3 is epoch 2's item 100,003)
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(100_000 * epoch + index,))).standard_normal(size)),),
     WRONG, "the item (seed=5, epoch=3, index=3) and the item (seed=5, epoch=2, index=100003)"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=((epoch << 20) + index,))).standard_normal(size)),),
     WRONG, "index=1048579) draw the same numbers"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [seed, 100_000 * epoch + index + 1]).standard_normal(size)),), WRONG,
     "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SS(seed, spawn_key=(100_000 * epoch + index,))).standard_normal(size)),), WRONG,
     "arithmetic on the ids"),  # SeedSequence under another name
    # the same arithmetic through the legacy RandomState or Python's random.Random
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.RandomState(
        seed * 7919 + epoch * 104729 + index).standard_normal(size)),), WRONG,
     "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.array([
        g.gauss(0.0, 1.0) for g in [random.Random(seed * 7919 + epoch * 104729 + index)]
        for _ in range(size)])),), WRONG, "arithmetic on the ids"),
    # a stride of 2**32 items per epoch keeps the ids apart for any real data set (the scan
    # asks for no item past index 2**22)
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=((epoch << 32) + index,))).standard_normal(size)),),
     WRONG, "its spawn child 0"),  # at epoch 0, key (0 << 32) + i is spawn child i
    # large strides pass the fixed grid; (5, 3, 3) and (5, 2, 1012) collide
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        seed * 100_003 + epoch * 1_009 + index + 7).standard_normal(size)),), WRONG,
     "the item (seed=5, epoch=3, index=3) and the item (seed=5, epoch=2, index=1012)"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed * 7_919 + epoch * 104_729 + index + 13)).standard_normal(size)),), WRONG,
     "arithmetic on the ids"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.Generator(
        np.random.PCG64(seed * 2**40 + epoch * 2**20 + index + 999_983)).standard_normal(size)),), WRONG,
     "arithmetic on the ids"),
    # a hashed integer seed: one 32-bit word collides by the birthday bound (at seed 0,
    # epoch 0's item 16448 and epoch 4's item 4305 share one); 48 or 64 bits are right
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(entropy=seed, spawn_key=(epoch, index)).generate_state(1)[0])
        .standard_normal(size)),), WRONG, "vary by about 32 bits"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(int(
        SeedSequence(seed, spawn_key=(epoch, index)).generate_state(1)[0]) & 0xFFFF)
        .standard_normal(size)),), WRONG, "vary by about 16 bits"),
    # Day 1's rule: drawn below 2**40 (inclusive) is 40 bits, too few
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(int(
        item_rng(seed, epoch, index).integers(2**40))).standard_normal(size)),), WRONG,
     "rng.integers(2**40) too"),
    # an integer seed below 2**64 made per item (or a list that stands for one): the item's
    # row is default_rng(t)'s own stream, and 64-bit seeds collide at about 2**32 items
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(int(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index)).generate_state(
            1, np.uint64)[0])).standard_normal(size)),), WRONG, "default_rng(t)'s own stream"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(epoch, index)).generate_state(2).tolist())
        .standard_normal(size)),), WRONG, "by the birthday bound"),  # two words: 64 bits
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(int(
        SeedSequence(seed, spawn_key=(epoch, index)).generate_state(1, np.uint64)[0]) >> 16)
        .standard_normal(size)),), WRONG, "below 2**64 made per item"),  # 48 bits
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.Generator(
        np.random.PCG64(int(SeedSequence(seed, spawn_key=(epoch, index)).generate_state(
            1, np.uint64)[0]))).standard_normal(size, dtype=np.float32)),), WRONG,
     "own stream"),  # PCG64(t) is default_rng(t)
    # [a, b, epoch, index]: at epoch 0, index 0 the words [a, b, 0, 0], the seed a + b * 2**32
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [seed, ITEM_NOISE_KEY, epoch, index]).standard_normal(size)),), WRONG,
     "the item (seed=5, epoch=0, index=0) draws what default_rng(5283924459827232773)"),
    # four words, the last nonzero: the integer they stand for is 2**96 or more
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [seed, epoch, index, ITEM_NOISE_KEY]).standard_normal(size)),), CORRECT, None),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index)).generate_state(4)
        .tolist()).standard_normal(size)),), CORRECT, None),  # 128 bits
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: SHARED.standard_normal(size)),),
     WRONG, "shared by every call"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(index,))).standard_normal(size)),), WRONG,
     "must depend on epoch"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(epoch,))).standard_normal(size)),), WRONG,
     "must depend on index"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(epoch,))).standard_normal(index + size)[index:]),), WRONG,
     "window of one shared stream"),  # overlapping windows of one stream
    (check_rank_noise, (ranked(lambda seed, epoch, index, size:
                        item_rng(seed, epoch, index).random(size)),), WRONG, "standard normal"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: (
        np.random.seed(seed + epoch + index),  # noqa: NPY002 (the mistake under test)
        np.random.standard_normal(size))[1]),), WRONG, "global np.random state"),  # noqa: NPY002
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: item_rng(
        seed, epoch, index).integers(-3, 3, size)),), WRONG, "should return floats"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: item_rng(seed, epoch, index)
                        .standard_normal((1, size))),), WRONG, "shape (10, 3)"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: item_rng(seed, epoch, index)
                        .standard_normal(size).astype(np.float16)),), WRONG, "float16 draws"),
    # one number, in any real type (Decimal too), or one element of a list, array or tensor
    (check_linear_output_rms, (lambda fan_in, mean, sd: (
        (Decimal(mean) ** 2 + Decimal(sd) ** 2 + 1 / Decimal(fan_in)) / 3).sqrt(),), CORRECT,
     None),
    (check_linear_output_rms, (lambda fan_in, mean, sd: [math.sqrt(
        (mean**2 + sd**2 + 1 / fan_in) / 3)],), CORRECT, None),
    (check_linear_output_rms, (lambda fan_in, mean, sd: [math.sqrt(
        (mean**2 + sd**2 + 1 / fan_in) / 3)] * 2,), WRONG, "should be one number"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: Decimal("NaN"),), WRONG,
     "should be one number"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: np.float16(np.sqrt(
        (mean**2 + sd**2) / 3 + 1 / (3 * fan_in))),), WRONG, "about 3 significant digits"),
    (check_linear_output_rms, (lambda fan_in, mean, sd: round(math.sqrt(
        (mean**2 + sd**2) / 3 + 1 / (3 * fan_in)), 2),), WRONG, "or round"),
    (check_sample_tokens, (shared_uniforms,), WRONG, "every row reuses the same draws"),
    (check_sample_tokens, (antithetic_rows,), WRONG, "1 - u for another"),
    (check_sample_tokens, (window_rows,), WRONG, "overlapping windows of one stream"),
    (check_sample_tokens, (mutating_tokens,), WRONG, "logits in place: do not change the caller's"),
    (check_sample_tokens, (renamed_mutating_tokens,), WRONG,
     "argument lg in place: that is the caller's logits"),
    (check_sample_tokens, (row_minus_tokens,), WRONG,
     "row 0 at seed 5 and row 1 at seed 6 both get the seed 5"),
    (check_sample_tokens, (argmax_tokens,), WRONG, "the labels are not random at all"),
    (check_sample_tokens, (lambda logits, t, n, seed: np.ones((len(logits), n), dtype=int),),
     WRONG, "every row repeats one label"),
    # the bias counted as an input: in the bound, or as one more input of mean square m2
    (check_linear_output_rms, (lambda f, m, s: math.sqrt(
        (f * (m**2 + s**2) + 1) / (3 * (f + 1))),), WRONG, "not 1/√(fan_in + 1)"),
    (check_linear_output_rms, (lambda f, m, s: math.sqrt(
        (f + 1) * (m**2 + s**2) / (3 * f)),), WRONG, "not one more input"),
    (check_linear_output_rms, (lambda f, m, s: math.sqrt(
        (f + 1) * (m**2 + s**2) / (3 * (f + 1))),), WRONG, "counted as one more input"),
    # fan_in - 1, in the bound (raising at fan_in = 1, or inf from NumPy) or in the sum
    (check_linear_output_rms, (lambda f, m, s: math.sqrt(
        (f * (m**2 + s**2) + 1) / (3 * (f - 1))),), WRONG, "not 1/√(fan_in - 1)"),
    (check_linear_output_rms, (lambda f, m, s: np.sqrt(
        (f * (m**2 + s**2) + 1) / np.float64(3 * (f - 1))),), WRONG, "not 1/√(fan_in - 1)"),
    (check_linear_output_rms, (lambda f, m, s: math.sqrt(
        ((f - 1) * (m**2 + s**2) + 1) / (3 * f)),), WRONG, "not fan_in - 1"),
    # sd² - mean² for the mean square: math.sqrt raises, np.sqrt gives nan, ** 0.5 complex
    (check_linear_output_rms, (lambda f, m, s: math.sqrt((s**2 - m**2) / 3 + 1 / (3 * f)),),
     WRONG, "not sd² - mean²"),
    (check_linear_output_rms, (lambda f, m, s: np.sqrt((s**2 - m**2) / 3 + 1 / (3 * f)),),
     WRONG, "not sd² - mean²"),
    (check_linear_output_rms, (lambda f, m, s: ((s**2 - m**2) / 3 + 1 / (3 * f)) ** 0.5,),
     WRONG, "not sd² - mean²"),
    (check_linear_output_rms, (lambda f, m, s: 1 / (f - f),), WRONG,
     "raised ZeroDivisionError"),
    # items that share a component drawn once per epoch or per seed: dependent items
    (check_rank_noise, (ranked(epoch_shared(0.5**0.5)),), WRONG,
     "items drawn in the same epoch share a component"),
    (check_rank_noise, (ranked(epoch_shared(0.05**0.5)),), WRONG,
     "items drawn in the same epoch share a component"),
    (check_rank_noise, (ranked(seed_shared),), WRONG, "items of one seed share a component"),
    # spawn keys of small integers only: nodes of the seed's spawn tree, three levels down
    (check_rank_noise, (ranked(small_key(0)),), WRONG, "spawn(1)[0].spawn(1)[0].spawn(1)[0]"),
    (check_rank_noise, (ranked(small_key(1000)),), WRONG, "no spawn reaches"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        np.random.SeedSequence(seed, spawn_key=(epoch, index, 0)))
        .standard_normal(size)),), WRONG, "no spawn reaches"),
    (check_rank_noise, (ranked(small_key(2**16)),), CORRECT, None),
    # a constant entropy with the seed in the spawn key: at seed c the items are nodes of
    # SeedSequence(c)'s own tree, (c, epoch, index) three levels down
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(0, spawn_key=(seed, epoch, index))).standard_normal(size)),), WRONG,
     ("the node SeedSequence(0).spawn(1)[0].spawn(3)[2].spawn(4)[3]: your SeedSequence's "
      "entropy is the constant 0 and the seed goes into the spawn key")),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(42, spawn_key=(seed, epoch, index))).standard_normal(size)),), WRONG,
     "SeedSequence(42).spawn(43)[42].spawn(3)[2].spawn(4)[3]"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(0, spawn_key=(epoch, index, seed))).standard_normal(size)),), WRONG,
     "SeedSequence(0, spawn_key=(2, 3, 0)) draws"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(0, spawn_key=(seed, epoch, index))).standard_normal(size, np.float32)),),
     WRONG, "the seed goes into the spawn key"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(entropy=9, spawn_key=(index, seed, epoch))).standard_normal(size)),),
     WRONG, "entropy is the constant 9"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(1, spawn_key=(seed + 1, epoch, index))).standard_normal(size)),), WRONG,
     "entropy is the constant 1"),  # at seed 1: the node (2, 2, 3) of SeedSequence(1)
    # a constant entropy, but a key no spawn of it reaches: right
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(0, spawn_key=(seed, ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), CORRECT, None),
    # ... but ITEM_NOISE_KEY as a constant entropy with small spawn keys is not such a key:
    # at seed 5 the item is SeedSequence(KEY).spawn(6)[5].spawn(3)[2].spawn(4)[3], which a
    # run with SEED = ITEM_NOISE_KEY hands out (pinned right until a reviewer found it)
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(ITEM_NOISE_KEY, spawn_key=(seed, epoch, index))).standard_normal(size)),),
     WRONG, ("the node SeedSequence(1230259533).spawn(6)[5].spawn(3)[2].spawn(4)[3]: your "
             "SeedSequence (1230259533, seed, 2, 3) has for its entropy not the seed but the "
             "constant 1230259533")),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        item_rng(seed, epoch, index).bit_generator.seed_seq.spawn(1)[0])
        .standard_normal(size)),), CORRECT, None),
    # the bias dropped for wide layers only: the gap at fan_in 512 is its variance exactly
    (check_linear_output_rms, (lambda f, m, s: math.sqrt(
        (m * m + s * s) / 3 + (1 / (3 * f) if f < 200 else 0)),), WRONG,
     "lacks exactly the bias's variance 1/(3·fan_in) (missing at fan_in = 512"),
    (check_rank_noise, (ranked(antithetic_items),), WRONG,
     "index=0) and the item (seed=3, epoch=0, index=1) draw the negatives of each other"),
    (check_rank_noise, (negated_second_half,), WRONG, "antithetic pairs"),
    (check_rank_noise, (ranked(antithetic_epochs),), WRONG,
     "epoch=0, index=0) and the item (seed=3, epoch=1, index=0) draw the negatives"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: antithetic_items(
        seed, epoch, index, size) + 0.01 * item_rng(seed, epoch, index).standard_normal(size)),),
     WRONG, "nearly the negatives of each other"),
    (check_rank_noise, (ranked(correlated_pairs),), WRONG, "nearly the same numbers"),
    (check_rank_noise, (ranked(epoch_stride(1)),), WRONG,
     ("draws 1 to 3 of the item (seed=3, epoch=0, index=0) come up again as draws 0 to 2 of "
      "the item (seed=3, epoch=1, index=0)")),
    (check_rank_noise, (ranked(epoch_stride(100)),), WRONG, "shifted, overlapping windows"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: -epoch_stride(7)(
        seed, epoch, index, size) * (-1) ** epoch),), WRONG, "come up again negated"),
    (check_rank_noise, (ranked(seed_stride),), WRONG, "shifted, overlapping windows"),
    # Python salts str and bytes hashes per interpreter (PYTHONHASHSEED): spawned workers
    # draw other noise; a tuple of ints hashes alike in every process, but not in every
    # Python version or build
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        abs(hash(f"{seed}-{epoch}-{index}"))).standard_normal(size)),), WRONG, "PYTHONHASHSEED"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        abs(hash((str(seed), epoch, index)))).standard_normal(size)),), WRONG,
     "hash() of a string"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        hash(f"{seed}/{epoch}/{index}".encode()) % 2**32).standard_normal(size)),), WRONG,
     "spawn or forkserver"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        abs(hash((seed, epoch, index)))).standard_normal(size)),), WRONG,
     "a tuple's hash has changed between Python versions"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        hash((seed, epoch, index)) % 2**64).standard_normal(size)),), WRONG,
     "32-bit and 64-bit builds"),
    # a hash with a fixed definition (hashlib), 128 bits of it: the same in every Python
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        int.from_bytes(hashlib.sha256(f"{seed},{epoch},{index}".encode()).digest()[:16],
                       "little")).standard_normal(size)),), CORRECT, None),
    # a seed cut to 32 or 64 bits: seeds 5 and 5 + 2**32 (or 2**64) share every item's noise
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed % 2**32, spawn_key=(ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), WRONG, "seeds 5 and 5 + 2**32 give identical noise"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed & (2**64 - 1), spawn_key=(ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), WRONG, "seed % 2**64?"),
    # ... or cut to 96, 128 or 160 bits: every bit of a seed counts, beyond 2**64 too
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed % 2**96, spawn_key=(ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), WRONG, "seeds 5 and 5 + 2**96 give identical noise"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed % 2**128, spawn_key=(ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), WRONG, "seed % 2**128?"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.Generator(
        np.random.Philox(key=seed % 2**128, counter=[0, 0, epoch, index]))
        .standard_normal(size)),), WRONG, "a Philox key"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed & (2**150 - 1), spawn_key=(ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), WRONG, "5 + 2**150"),
    # a Philox generator given the item's SeedSequence keeps every bit: right
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.Generator(
        np.random.Philox(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index))))
        .standard_normal(size)),), CORRECT, None),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index)).generate_state(
            1, np.uint64)[0] ^ np.uint64(seed % 2**64)).standard_normal(size)),), WRONG,
     "own stream"),  # no bit of the seed lost, but a 64-bit integer seed per item
    # the epoch only flips the sign: epochs 0 and 2 draw the same
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: item_rng(seed, 0, index)
                        .standard_normal(size) * (-1) ** epoch),), WRONG,
     "not only on whether it is even or odd"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: item_rng(seed, epoch % 2, index)
                        .standard_normal(size)),), WRONG, "draws of its own"),
    (check_rank_noise, (num_items_key,), WRONG, "must not depend on the data set's size"),
    # a generator made for every draw: each draw of an item is the same number
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.full(
        size, item_rng(seed, epoch, index).standard_normal())),), WRONG,
     "not a new generator per draw"),
    (check_rank_noise, (ranked(per_draw_random),), WRONG, "all draws of an item are equal"),
    (check_rank_noise, (ranked(irwin_hall_item),), WRONG, "not normal in their tails"),
    (check_rank_noise, (ranked(standardized_item),), WRONG, "standardize each item"),
    (check_rank_noise, (ranked(rescaled_item),), WRONG, "same mean square"),
    (check_rank_noise, (ranked(item_offset),), WRONG, "an offset for the item"),
    # blocks of a spawn child's stream: epoch 0's items (item i's epochs) read child 0 (child i)
    (check_rank_noise, (ranked(epoch_blocks),), WRONG, "its spawn child 0"),
    (check_rank_noise, (ranked(item_blocks),), WRONG, "its spawn child 0"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index))).standard_normal(size)),),
     CORRECT, None),  # the items below a node of their own, as ItemNoise does
    # an entropy made from the seed and a key is another seed, whose spawn tree holds the
    # items: [ITEM_NOISE_KEY, 5] is SeedSequence(ITEM_NOISE_KEY + 5 * 2**32), two levels down
    *[(check_rank_noise, (ranked(lambda seed, epoch, index, size, f=f: np.random.default_rng(
        SeedSequence(f(seed), spawn_key=(epoch, index))).standard_normal(size)),), WRONG, hint)
      for f, hint in (
          (lambda seed: seed + ITEM_NOISE_KEY, "SeedSequence(1230259538).spawn(3)[2]"),
          (lambda seed: [ITEM_NOISE_KEY, seed], "SeedSequence(22705096013).spawn(3)[2]"),
          (lambda seed: [seed, ITEM_NOISE_KEY], "Keep seed itself as the entropy and put"),
          (lambda seed: seed * 2**32 + ITEM_NOISE_KEY, "not the seed but a number made"))],
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SS([seed, ITEM_NOISE_KEY], spawn_key=(epoch, index))).standard_normal(size)),), WRONG,
     "Keep seed itself as the entropy"),  # SS: SeedSequence under another name, unwatched
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SS(seed + ITEM_NOISE_KEY, spawn_key=(epoch, index))).standard_normal(size)),), WRONG,
     "Keep seed itself as the entropy"),
    # the seed itself as the entropy, the key in spawn_key: right, in any of these forms
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(2**40 + 17, epoch, index))).standard_normal(size)),),
     CORRECT, None),
    *[(check_rank_noise, (ranked(lambda seed, epoch, index, size, bg=bg: np.random.Generator(
        bg(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index))))
        .standard_normal(size)),), CORRECT, None)
      for bg in (np.random.MT19937, np.random.SFC64)],
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, 1, epoch, index))).standard_normal(size)),),
     CORRECT, None),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch * 2**32 + index)))
        .standard_normal(size)),), CORRECT, None),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch, index))
                     .generate_state(4))).standard_normal(size)),), CORRECT, None),
    # a seed of 2**32 or more is two words of a list seed, and SeedSequence pads the list with
    # zeros: (3 + 7 * 2**32, 9, 0) is [3, 7, 9, 0], and so is (3, 7, 9)
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence([seed, epoch, index], spawn_key=(ITEM_NOISE_KEY,))).standard_normal(
        size)),), WRONG, "pads a list shorter than its pool of four words"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence([seed, epoch], spawn_key=(ITEM_NOISE_KEY, index))).standard_normal(
        size)),), WRONG, "and the item (seed=3, epoch=7, index=5) draw the same numbers"),
    # the ids packed into one word after the seed: seed 3 + 7 * 2**32's item 0 is [3, 7, 0],
    # padded like seed 3's item 7, [3, 7]
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SS([seed, (epoch << 24) | index], spawn_key=(ITEM_NOISE_KEY,))).standard_normal(
        size)),), WRONG, "[3 + 7 * 2**32, 0] and [3, 7]"),
    # ids XOR-ed into shifted fields: (42 + 2**20, epoch 0) is (42, epoch 1); the scan's
    # cheapest pair (epoch against index) does not collide under ^, the seed's pair does
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SS(seed ^ (epoch << 20) ^ (index << 40), spawn_key=(ITEM_NOISE_KEY,)))
        .standard_normal(size)),), WRONG, "overlapping bit fields"),
    # ids OR-ed into the seed's high bits: seed 2**32 in epoch 0 is seed 0 in epoch 1; no
    # bit is dropped, so the hint must not say so
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SS(seed | (epoch << 32) | (index << 48), spawn_key=(ITEM_NOISE_KEY,)))
        .standard_normal(size)),), WRONG, "none of them dropped"),
    # a constant first and four entries: no two items with ids below 2**32 share their words,
    # but at epoch 0, index 0 the words [ITEM_NOISE_KEY, seed, 0, 0] are those of the integer
    # seed ITEM_NOISE_KEY + seed * 2**32 (SeedSequence pads an integer's words with zeros)
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        [ITEM_NOISE_KEY, seed, epoch, index]).standard_normal(size)),), WRONG,
     "(SeedSequence pads a list with zeros, so [a, b, 0, 0] is the seed a + b * 2**32)"),
    # one stream per epoch cut into rows: item 1 at size 16 is item 0 at size 64's draws 16-31
    (check_rank_noise, (every_item_per_rank,), WRONG, "draws for every item"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch))).standard_normal(
        (index + 1) * size)[index * size:]),), WRONG, "a window of another item's"),
    # a raw hash is negative half the time: SeedSequence raises, and the hash is the mistake
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        hash((seed, epoch, index))).standard_normal(size)),), WRONG,
     "abs() would not help: your seed comes from the builtin hash()"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        hash(f"{seed}-{epoch}-{index}")).standard_normal(size)),), WRONG, "PYTHONHASHSEED"),
]

if importlib.util.find_spec("torch") is None:
    # Without PyTorch (Colab's 3.12 and 3.13 runtimes here), a right answer to Exercise 2
    # still needs a tensor: an array whose type says it comes from torch stands in for one.
    class StandInTensor(np.ndarray):
        """An array that check_sample_tokens takes for a tensor (its module is "torch")."""

    StandInTensor.__module__ = "torch"
    CASES.append((check_sample_tokens, (lambda logits, t, n, seed: choice_tokens(
        logits, t, n, seed).view(StandInTensor),), CORRECT, None))
else:
    import torch
    from torch import Generator  # a learner may import it by name: the check must see it

    def multinomial_tokens(replacement):
        def sample_tokens(logits, temperature, n, seed):
            probs = torch.softmax(torch.tensor(logits) / temperature, dim=-1)
            return torch.multinomial(probs, n, replacement=replacement,
                                     generator=torch.Generator().manual_seed(seed))
        return sample_tokens

    def global_max_multinomial(logits, temperature, n, seed):
        """torch.exp(z - z.max()): the second row of LOGITS_LARGE underflows to 0 (0 / 0)."""
        z = torch.tensor(logits, dtype=torch.float64) / temperature
        e = torch.exp(z - z.max())
        return torch.multinomial(e / e.sum(dim=-1, keepdim=True), n, replacement=True,
                                 generator=torch.Generator().manual_seed(seed))

    def searchsorted_tokens(logits, temperature, n, seed):
        """Inverse-CDF sampling with a seeded torch.Generator: also right."""
        probs = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, dim=1)
        u = torch.rand(len(logits), n, generator=torch.Generator().manual_seed(seed),
                       dtype=torch.float64)
        return torch.searchsorted(torch.cumsum(probs, dim=1), u).clamp(max=len(logits[0]) - 1)

    def idle_generator_tokens(logits, temperature, n, seed):
        """NumPy's draws, with a torch.Generator made and seeded but never drawn from."""
        torch.Generator().manual_seed(seed)
        return torch.from_numpy(choice_tokens(logits, temperature, n, seed))

    def idle_named_generator(logits, temperature, n, seed):
        """The same, the generator kept under a name (imported as Generator) and NumPy's
        labels converted with torch.tensor."""
        generator = Generator(device="cpu")
        generator.manual_seed(seed)
        return torch.tensor(choice_tokens(logits, temperature, n, seed).tolist())

    def exponential_race_tokens(logits, temperature, n, seed):
        """Right: the class whose Exp(1) draw over its probability is least (a race of
        exponential clocks), every draw from one generator made apart and seeded after."""
        generator = torch.Generator(device="cpu")
        generator.manual_seed(seed)
        probs = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, dim=-1)
        clocks = torch.empty(len(logits), n, len(logits[0]), dtype=torch.float64)
        return torch.argmin(clocks.exponential_(generator=generator) / probs[:, None, :], -1)

    def looped_tokens(logits, temperature, n, seed):
        """One generator, a loop over the rows: right, if slower."""
        generator = torch.Generator().manual_seed(seed)
        return torch.stack([torch.multinomial(torch.softmax(torch.tensor(row) / temperature, 0),
                                              n, replacement=True, generator=generator)
                            for row in logits])

    def gumbel_tokens(logits, temperature, n, seed):
        """The Gumbel-max trick: argmax of log-probabilities plus Gumbel noise, also right."""
        log_p = torch.log_softmax(torch.tensor(logits, dtype=torch.float64) / temperature, -1)
        u = torch.rand(len(logits), n, len(logits[0]), dtype=torch.float64,
                       generator=Generator().manual_seed(seed))
        return torch.argmax(log_p[:, None, :] - torch.log(-torch.log(u)), dim=-1)

    def one_draw_repeated(offset, gumbel=False):
        """One label per row (multinomial or one Gumbel-max draw), repeated n times, from a
        generator seeded with seed * 1000 + offset. Offsets 1 and 10 (multinomial) and 12
        (Gumbel) draw both rows' argmax at seeds 0 and 1, offset 15 (Gumbel) the same label
        for three identical rows: each must still be named one draw, not n."""
        def sample_tokens(logits, temperature, n, seed):
            z = torch.tensor(logits, dtype=torch.float64) / temperature
            g = torch.Generator().manual_seed(seed * 1000 + offset)
            if gumbel:
                u = torch.rand(z.shape, generator=g, dtype=torch.float64)
                one = torch.argmax(torch.log_softmax(z, -1) - torch.log(-torch.log(u)), -1,
                                   keepdim=True)
            else:
                one = torch.multinomial(torch.softmax(z, -1), 1, True, generator=g)
            return one.repeat(1, n)
        return sample_tokens

    def per_row_generators(row_seed):
        def sample_tokens(logits, temperature, n, seed):
            probs = torch.softmax(torch.tensor(logits) / temperature, dim=-1)
            return torch.stack([torch.multinomial(
                p, n, replacement=True,
                generator=torch.Generator().manual_seed(row_seed(seed, i, len(logits))))
                for i, p in enumerate(probs)])
        return sample_tokens

    def antithetic_tokens(logits, temperature, n, seed):
        """Inverse-CDF sampling from u and then 1 - u within each row (antithetic draws):
        labels n / 2 apart mirror each other."""
        g = torch.Generator().manual_seed(seed)
        p = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, -1)
        cdf = p.cumsum(-1)
        cdf[:, -1] = 1
        h = torch.rand(p.shape[0], (n + 1) // 2, generator=g, dtype=torch.float64)
        u = torch.cat([h, 1 - h], 1)[:, :n].contiguous()
        return torch.searchsorted(cdf, u, right=True)

    def interleaved_antithetic_tokens(logits, temperature, n, seed):
        """u and 1 - u side by side (labels 2j and 2j + 1 mirror each other)."""
        g = torch.Generator().manual_seed(seed)
        cdf = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, -1).cumsum(-1)
        h = torch.rand(len(logits), (n + 1) // 2, 1, generator=g, dtype=torch.float64)
        u = torch.cat([h, 1 - h], 2).reshape(len(logits), -1)[:, :n].contiguous()
        return torch.searchsorted(cdf, u, right=True).clamp(max=len(logits[0]) - 1)

    def copied_first_tokens(logits, temperature, n, seed):
        """n - 1 labels drawn and the first copied at the end: every row's last label
        repeats its first."""
        x = multinomial_tokens(True)(logits, temperature, n - 1, seed)
        return torch.cat([x, x[:, :1]], 1)

    def forced_argmax_tokens(logits, temperature, n, seed):
        """Drawn labels, but label 1 of every row set to the row's argmax (greedy)."""
        tokens = multinomial_tokens(True)(logits, temperature, n, seed)
        tokens[:, 1] = torch.tensor(logits).argmax(dim=1)
        return tokens

    def permuted_rows(logits, temperature, n, seed):
        """One set of uniforms, shuffled for every row: rows of identical logits hold the
        same labels reordered."""
        generator = torch.Generator().manual_seed(seed)
        u = torch.rand(n, generator=generator, dtype=torch.float64)
        cdf = torch.cumsum(torch.softmax(torch.tensor(logits, dtype=torch.float64)
                                         / temperature, dim=1), dim=1)
        return torch.stack([torch.searchsorted(c, u[torch.randperm(n, generator=generator)])
                            .clamp(max=len(c) - 1) for c in cdf])

    def global_tokens(logits, temperature, n, seed):
        torch.manual_seed(seed)
        return torch.multinomial(torch.softmax(torch.tensor(logits) / temperature, dim=-1), n,
                                 replacement=True)

    def clamped_tokens(logits, temperature, n, seed):  # overflow "fixed" by a clamp
        p = torch.exp(torch.clamp(torch.tensor(logits) / temperature, max=80))
        return torch.multinomial(p / p.sum(-1, keepdim=True), n, replacement=True,
                                 generator=torch.Generator().manual_seed(seed))

    def shifted_logit_tokens(logits, temperature, n, seed):  # max subtracted, exp forgotten
        z = torch.tensor(logits) / temperature
        return torch.multinomial(z - z.max(-1, keepdim=True).values, n, replacement=True,
                                 generator=torch.Generator().manual_seed(seed))

    def worker_dependent_noise(seed, epoch, index, size):
        # torch.initial_seed() is the worker's own seed inside a DataLoader worker
        key = (epoch, index, torch.initial_seed() % 1_000)
        return np.random.default_rng(SeedSequence(seed, spawn_key=key)).standard_normal(size)

    def spawned_rows(logits, temperature, n, seed):
        """A generator per row, seeded from a parent's draws (a spawn): no collision, but
        not the one generator the exercise asks for."""
        probs = torch.softmax(torch.tensor(logits) / temperature, dim=-1)
        children = torch.randint(2**62, (len(logits),),
                                 generator=torch.Generator().manual_seed(seed))
        return torch.stack([torch.multinomial(p, n, replacement=True,
                                              generator=torch.Generator().manual_seed(int(c)))
                            for p, c in zip(probs, children, strict=True)])

    def forked_global_tokens(logits, temperature, n, seed, categorical=False):
        """PyTorch's global generator, reseeded inside fork_rng (which restores it after)."""
        with torch.random.fork_rng():
            torch.manual_seed(seed)
            probs = torch.softmax(torch.tensor(logits) / temperature, dim=-1)
            if categorical:
                return torch.distributions.Categorical(probs=probs).sample((n,)).T
            return torch.multinomial(probs, n, replacement=True)

    def torch_item_noise(seed, epoch, index, size, words=1, dtype=np.uint32):
        """A torch.Generator per item, seeded from the item's SeedSequence: torch keeps 32
        bits of the seed (2**32 streams), so items collide by the birthday bound."""
        state = SeedSequence(seed, spawn_key=(epoch, index)).generate_state(words, dtype)
        return torch.randn(size, generator=torch.Generator().manual_seed(int(state[0])))

    def numpy_to_torch_noise(seed, epoch, index, size):
        """Right: the item's NumPy generator draws, torch.from_numpy converts (128 bits)."""
        return torch.from_numpy(item_rng(seed, epoch, index).standard_normal(size, np.float32))

    def old_item_noise(seed, epoch, index, size):
        """What ItemNoise did: a 63-bit integer from the item's generator seeds torch."""
        rng = item_rng(seed, epoch, index)
        generator = Generator().manual_seed(int(rng.integers(2**63)))
        return torch.randn(size, generator=generator)

    def torch_rank_noise(seed, epoch, rank, world_size, num_items, size):
        """Right: NumPy draws per item, stacked into one tensor."""
        return torch.stack([torch.as_tensor(item_rng(seed, epoch, index).standard_normal(size))
                            for index in range(rank, num_items, world_size)]
                           or [torch.empty(0, size)]).reshape(-1, size)

    CASES += [
        # -------------------------------------------------------- Exercise 1 with PyTorch
        (check_linear_output_rms, (lambda fan_in, mean, sd: torch.tensor(
            (mean**2 + sd**2 + 1 / fan_in) / 3, dtype=torch.float16).sqrt(),), WRONG,
         "float16, which keeps about 3"),
        (check_linear_output_rms, (lambda fan_in, mean, sd: torch.sqrt(torch.tensor(
            (mean**2 + sd**2 + 1 / fan_in) / 3)),), CORRECT, None),
        (check_linear_output_rms, (lambda fan_in, mean, sd: torch.tensor(
            (mean**2 + sd**2 + 1 / fan_in) / 3, requires_grad=True).sqrt(),), CORRECT, None),
        (check_linear_output_rms, (lambda fan_in, mean, sd: torch.nn.Linear(fan_in, 500)(
            mean + sd * torch.randn(2_000, fan_in)).square().mean().sqrt(),), WRONG,
         "build a layer"),
    ]
    CASES += [
        # -------------------------------------------------------- Exercise 2 with PyTorch
        (check_sample_tokens, (multinomial_tokens(True),), CORRECT, "softmax(row / temperature)"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(  # device="cpu"
            torch.softmax(torch.tensor(logits) / t, dim=-1), n, replacement=True,
            generator=torch.Generator(device="cpu").manual_seed(seed)),), CORRECT, None),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, dim=-1), n, replacement=True,
            generator=torch.Generator("cpu").manual_seed(seed)),), CORRECT, None),
        (check_sample_tokens, (searchsorted_tokens,), CORRECT, None),
        # one generator, its seed derived from `seed` through SeedSequence (section 7's idiom):
        # right until a reviewer showed seeds 14375 and 53572 share it (torch keeps 32 bits of
        # a hash of seed, not one-to-one); the prompt now asks for `seed` itself
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, -1), n, True, generator=torch.Generator()
            .manual_seed(int(SeedSequence(seed).generate_state(1, np.uint64)[0]))),),
         WRONG, "Squeezed into the 32 bits PyTorch keeps"),
        # n - 1 labels and a copy of the first: every row's last label repeats its first
        (check_sample_tokens, (copied_first_tokens,), WRONG, "is a copy of label 0"),
        (check_sample_tokens, (looped_tokens,), CORRECT, None),
        # antithetic draws within a row: labels n / 2 (or 1) apart mirror each other
        (check_sample_tokens, (antithetic_tokens,), WRONG, "1000 apart in row 0 agree 0%"),
        (check_sample_tokens, (interleaved_antithetic_tokens,), WRONG,
         "neighbours made to differ"),
        # one label per row, repeated n times
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, -1), 1,
            generator=torch.Generator().manual_seed(seed)).repeat(1, n),), WRONG,
         "one label drawn per row and repeated n times"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, -1), 1,
            generator=torch.Generator().manual_seed(seed)).expand(-1, n),), WRONG,
         "every label in row 0 is the same"),
        # ... even when both rows draw their argmax at seeds 0 and 1 (random, not greedy)
        *((check_sample_tokens, (one_draw_repeated(offset, gumbel),), WRONG,
           "one label drawn per row and repeated n times is one draw, not n")
          for offset, gumbel in ((1, False), (10, False), (12, True), (15, True))),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(  # unnormalized
            torch.softmax(torch.tensor(logits, dtype=torch.float64) / t, -1) * 7, n,
            replacement=True, generator=Generator().manual_seed(seed)).to(torch.int32),),
         CORRECT, None),
        (check_sample_tokens, (gumbel_tokens,), CORRECT, None),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(  # unstable
            torch.exp(torch.tensor(logits, dtype=torch.float64) / t), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "exp overflows"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, dim=-1), n, replacement=n > len(logits[0]),
            generator=torch.Generator().manual_seed(seed)),), WRONG, "no row ever repeats"),
        (check_sample_tokens, (per_row_generators(lambda seed, i, b: seed + i),), WRONG,
         "a generator per row"),
        (check_sample_tokens, (per_row_generators(lambda seed, i, b: seed * b + i),), WRONG,
         "a generator per row"),
        (check_sample_tokens, (per_row_generators(lambda seed, i, b: int(f"{seed}{i}")),), WRONG,
         "a generator per row"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.from_numpy(
            choice_tokens(logits, t, n, seed)),), WRONG, "NumPy's draws made into a tensor"),
        (check_sample_tokens, (idle_generator_tokens,), WRONG,
         "makes 1 torch.Generator but draws nothing from it"),
        (check_sample_tokens, (idle_named_generator,), WRONG,
         "draw every label from one torch.Generator seeded with `seed`"),
        (check_sample_tokens, (exponential_race_tokens,), CORRECT, None),
        (check_sample_tokens, (forked_global_tokens,), WRONG, "PyTorch's global generator"),
        (check_sample_tokens, (lambda logits, t, n, seed: forked_global_tokens(
            logits, t, n, seed, categorical=True),), WRONG, "pass generator="),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n // 2, seed).repeat(1, 2),), WRONG, "second half of a row"),
        (check_sample_tokens, (multinomial_tokens(False),), WRONG, "only once"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(logits / t, dim=-1), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "make it a tensor"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, dim=0), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "wrong dimension"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.tensor(logits) / t, n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "softmax first"),
        (check_sample_tokens, (global_tokens,), WRONG, "global generator"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.stack([torch.multinomial(
            torch.softmax(torch.tensor(row) / t, 0), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)) for row in logits]),), WRONG,
         "seeded afresh for each row"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(
            torch.softmax(torch.tensor(logits) / t, dim=-1), n, replacement=True,
            generator=torch.Generator()),), WRONG, "seeds 0 and 1"),
        (check_sample_tokens, (spawned_rows,), WRONG, "the exercise asks for one torch.Generator"),
        (check_sample_tokens, (forced_argmax_tokens,), WRONG,
         "label 1 of every row is the row's most likely class"),
        (check_sample_tokens, (permuted_rows,), WRONG, "the other's labels reordered"),
        # a softmax in bfloat16: 999 rounds to 1000, a precision error, not an overflow
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.softmax(
            torch.tensor(logits, dtype=torch.bfloat16) / t, dim=-1), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "rounded to bfloat16"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.softmax(
            torch.tensor(logits).bfloat16() / t, dim=-1).double(), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "8-bit significand"),
        # a softmax in float16: 999.75 and 999.25 round to 1000 and 999 (and tiny
        # probabilities to 0), whether the probabilities stay float16 or are made float32
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.softmax(
            torch.tensor(logits, dtype=torch.float16) / t, -1).float(), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "rounded to float16"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.softmax(
            torch.tensor(logits).half() / t, dim=-1).double(), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG,
         "Compute the softmax in float32 or float64"),
        # float64 logits and softmax: right (float32 and float64 keep 999.75 and 999.25)
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.softmax(
            torch.tensor(logits, dtype=torch.float64) / t, -1), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), CORRECT, None),
        # overflow "fixed" by clamping the logits: large logits become equal
        (check_sample_tokens, (clamped_tokens,), WRONG, "clamping them"),
        # log-probabilities passed as probabilities
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.log_softmax(
            torch.tensor(logits) / t, dim=-1), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), WRONG, "are log-probabilities"),
        (check_sample_tokens, (shifted_logit_tokens,), WRONG, "exp them"),
        # log_softmax, then exp: right
        (check_sample_tokens, (lambda logits, t, n, seed: torch.multinomial(torch.log_softmax(
            torch.tensor(logits) / t, dim=-1).exp(), n, replacement=True,
            generator=torch.Generator().manual_seed(seed)),), CORRECT, None),
        # seeds narrower than the 32 bits a PyTorch seed keeps: far-apart seeds collide
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed & 0xFFFF),), WRONG, "carry about 16 bits"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed % 1000),), WRONG, "birthday bound"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, int(SeedSequence(seed).generate_state(1)[0]) >> 12),), WRONG,
         "not the 32 bits a PyTorch seed keeps"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed + 2**40),), CORRECT, None),
        # seeds cut below 32 bits: seeds 5 and 5 + 2**31 (or 2**29) share one generator
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed % 2**31),), WRONG, "drops high bits"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed % 2**29),), WRONG, "5 + 2**29"),
        # arithmetic on seed: one-to-one, but the prompt asks for `seed` itself (right until
        # the second Day 9 review of this stop)
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed + 1),), WRONG, "seed is seed + 1"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed ^ 0x5DEECE66),), WRONG, "arithmetic on `seed`"),
        # an affine bijection of the 32 bits PyTorch keeps: one-to-one, so the hint must
        # name arithmetic, not a hash that collides (a reviewer's low of stop 37)
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, (seed * 7 + 1) % 2**32),), WRONG, "(seed * 7 + 1) % 2**32"),
        # seeds cut to their first 9 digits, or their low bits dropped: 10-digit neighbours
        # share one generator
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, int(str(seed)[:9])),), WRONG, "seeds 4294967290 and 4294967295"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, int(str(seed)[:8])),), WRONG, "not the 32 bits"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, seed // 10),), WRONG, "seeds 0 and 1 give the same labels"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, int(np.random.SeedSequence(seed).generate_state(1)[0])),), WRONG,
         "is made from `seed`"),  # right until the ninth sweep: a hash of seed, 32 bits kept
        # a torch.Generator per row, seeded seed - i: rows collide across seeds
        (check_sample_tokens, (lambda logits, t, n, seed: torch.stack([
            multinomial_tokens(True)([row], t, n, (seed - i) % 2**32)[0]
            for i, row in enumerate(logits)]),), WRONG,
         "row 0 at seed 5 and row 1 at seed 6 both get the seed 5"),
        (check_sample_tokens, (lambda logits, t, n, seed: torch.tensor(logits).argmax(
            -1, keepdim=True).repeat(1, n),), WRONG, "greedy decoding is no sampling"),
        # Python salts str hashes per process: the same seed, other labels in the next run
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits, t, n, hash(str(seed)) % 2**32),), WRONG, "PYTHONHASHSEED"),
        (check_sample_tokens, (global_max_multinomial,), WRONG, "underflows to 0"),
        (check_sample_tokens, (lambda logits, t, n, seed: multinomial_tokens(True)(
            logits.append(logits[0]) or logits[:-1], t, n, seed),), WRONG,
         "do not change the caller's logits (work on a copy)"),
        # -------------------------------------------------------- Exercise 3 with PyTorch
        # a torch.Generator seeded per item keeps 32 bits of its seed: the birthday bound
        (check_rank_noise, (ranked(torch_item_noise),), WRONG, "low 32 bits of a seed"),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: torch_item_noise(
            seed, epoch, index, size, 2, np.uint64)),), WRONG, "birthday bound"),
        (check_rank_noise, (ranked(old_item_noise),), WRONG, "2**32 streams"),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: torch.randn(
            size, dtype=torch.float64, generator=torch.Generator().manual_seed(
                abs(hash((seed, epoch, index))) % 2**63))),), WRONG, "the builtin hash()"),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: torch.randn(
            size, generator=torch.Generator(device="cpu").manual_seed(int(item_rng(
                seed, epoch, index).integers(2**32))))),), WRONG, "torch.from_numpy"),
        # NumPy draws from the item's SeedSequence, made tensors: the full 128 bits
        (check_rank_noise, (ranked(numpy_to_torch_noise),), CORRECT, None),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: torch.tensor(
            np.random.default_rng(abs(hash((seed, epoch, index)))).standard_normal(size))),),
         WRONG, "Python promises a hash's value only within one interpreter"),
        (check_rank_noise, (torch_rank_noise,), CORRECT, None),
        (check_rank_noise, (ranked(worker_dependent_noise),), WRONG, "DataLoader with 2 workers"),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: torch.randn(
            size, generator=torch.Generator().manual_seed(seed * 100_003 + epoch * 1_009
                                                          + index))),), WRONG,
         "arithmetic on the ids"),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: torch_item_noise(
            seed, epoch, index, size).bfloat16()),), WRONG, "bfloat16 draws"),
        (check_rank_noise, (ranked(lambda seed, epoch, index, size: (
            torch.manual_seed(seed + epoch + index), torch.randn(size))[1]),), WRONG,
         "PyTorch's global generator"),
    ]


def padded_digits(epoch_width, index_width):
    """Ids side by side in zero-padded fields, as SeedSequence entropy under the key."""
    def item_noise(seed, epoch, index, size):
        entropy = int(f"{seed}{epoch:0{epoch_width}d}{index:0{index_width}d}")
        return np.random.default_rng(SeedSequence(entropy, spawn_key=(ITEM_NOISE_KEY,))
                                     ).standard_normal(size)
    return item_noise


def reseeded(seed_of):
    """The right answer with the seed passed through ``seed_of`` first."""
    def item_noise(seed, epoch, index, size):
        return item_rng(seed_of(seed), epoch, index).standard_normal(size)
    return item_noise


def xor_keyed(key):
    """Reviewer's case: SeedSequence(seed ^ key, spawn_key=(epoch, index)), key a constant."""
    def item_noise(seed, epoch, index, size):
        return np.random.default_rng(np.random.SeedSequence(
            seed ^ key, spawn_key=(epoch, index))).standard_normal(size)
    return item_noise


CASES_FAR = [
    # ids side by side in zero-padded fields: (1, 0, 10**k) and (10, 1, 0) read as one number
    (check_rank_noise, (ranked(padded_digits(4, 6)),), WRONG, "zero-padded fields"),
    (check_rank_noise, (ranked(padded_digits(3, 7)),), WRONG, "zero-padded fields"),
    (check_rank_noise, (ranked(padded_digits(2, 5)),), WRONG, "zero-padded fields"),
    (check_rank_noise, (ranked(padded_digits(2, 4)),), WRONG, "digits side by side"),
    # a seed map that is one-to-one only on small seeds
    (check_rank_noise, (ranked(reseeded(lambda seed: int(float(seed)))),), WRONG,
     "a float keeps only 53 bits"),
    (check_rank_noise, (ranked(reseeded(lambda seed: round(seed / 1.0))),), WRONG,
     "a float keeps only 53 bits"),
    (check_rank_noise, (ranked(reseeded(lambda seed: seed % (2**61 - 1))),), WRONG,
     "modulo 2**61 - 1"),
    (check_rank_noise, (ranked(reseeded(lambda seed: seed % (2**61 - 1) + 3)),), WRONG,
     "modulo 2**61 - 1"),
    # seed ^ KEY with a constant KEY is a bijection of seed (no two of its seeds collide), but
    # its entropy is another seed, seed ^ KEY, whose spawn tree holds the items two levels
    # down (the node (epoch, index) of SeedSequence(5 ^ KEY)): wrong, like seed + KEY
    *[(check_rank_noise, (ranked(xor_keyed(key)),), WRONG, "Keep seed itself as the entropy")
      for key in (0x5EED_1234_ABCD, 0xDEADBEEF, 7)],
]

CASES += CASES_FAR


def keyed_ids(epoch_of, index_of):
    """The reference answer with the ids mapped on their way into the spawn key."""
    def item_noise(seed, epoch, index, size):
        return np.random.default_rng(SeedSequence(seed, spawn_key=(
            ITEM_NOISE_KEY, epoch_of(epoch), index_of(index)))).standard_normal(size)
    return item_noise


def same(x):
    return x


def worded_ids(seed, epoch, index, size):
    """Right: each id as two 32-bit words in the spawn key (one-to-one below 2**64)."""
    words = (epoch & 0xFFFF_FFFF, epoch >> 32, index & 0xFFFF_FFFF, index >> 32)
    return np.random.default_rng(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, *words))
                                 ).standard_normal(size)


CASES += [
    # ids cut to their low bits on the way into the spawn key: items 2**b apart collide
    (check_rank_noise, (ranked(keyed_ids(lambda e: e % 256, same)),), WRONG,
     ("the item (seed=5, epoch=2, index=3) and the item (seed=5, epoch=258, index=3) draw "
      "the same numbers: your seed keeps only the low 8 bits of the epoch")),
    (check_rank_noise, (ranked(keyed_ids(same, lambda i: i % 2**16)),), WRONG,
     "the item (seed=5, epoch=2, index=65539) draw the same numbers"),
    (check_rank_noise, (ranked(keyed_ids(same, lambda i: i & 0xFF_FFFF)),), WRONG,
     "the item (seed=5, epoch=2, index=16777219) draw the same numbers"),
    # ids are below 2**32 (the prompt says so): a 32-bit mask keeps all of them
    (check_rank_noise, (ranked(keyed_ids(same, lambda i: i & 0xFFFF_FFFF)),), CORRECT, None),
    (check_rank_noise, (ranked(keyed_ids(lambda e: int(np.uint64(e) % np.uint64(2**20)),
                                         same)),), WRONG, "low 20 bits of the epoch"),
    (check_rank_noise, (ranked(worded_ids),), CORRECT, None),
    (check_rank_noise, (ranked(keyed_ids(lambda e: e + 2**32, lambda i: 2**40 + i)),), CORRECT,
     None),  # offsets keep every bit (and the key's first entry is out of any spawn's reach)
    # entropy made from the ids (or a constant) with the seed in the spawn key: the item is
    # a node of another seed's spawn tree, one to three levels down
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence([ITEM_NOISE_KEY, epoch, index], spawn_key=(seed,)))
        .standard_normal(size)),), WRONG,
     "made from the item's epoch and index (55340232230948848973 at epoch 2, index 3"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence([epoch, index, ITEM_NOISE_KEY], spawn_key=(seed,)))
        .standard_normal(size)),), WRONG, "Keep seed itself as the entropy and put the key in"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(2**40 + 17, spawn_key=(seed, epoch, index))).standard_normal(size)),),
     WRONG, "the constant 1099511627793, and the seed goes into the spawn key"),
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence(ITEM_NOISE_KEY, spawn_key=(seed, ITEM_NOISE_KEY, epoch, index)))
        .standard_normal(size)),), CORRECT, None),  # a key no spawn reaches
    (check_rank_noise, (ranked(lambda seed, epoch, index, size: np.random.default_rng(
        SeedSequence([seed], spawn_key=[ITEM_NOISE_KEY, epoch, index])).standard_normal(size)),),
     CORRECT, None),  # [seed] is the seed: its own spawn tree, below the key
]


# Tenth sweep: an exact SymPy number is a real number of another type, as the prompt allows;
# a wrong one still gets judged
def _sympy_rms(bias_term):
    def linear_output_rms(fan_in, mean, sd):
        import sympy

        f, m, s = (sympy.nsimplify(v) for v in (fan_in, mean, sd))
        return sympy.sqrt((m**2 + s**2) / 3 + bias_term / f)
    return linear_output_rms


if importlib.util.find_spec("sympy") is not None:
    import sympy

    CASES += [
        (check_linear_output_rms, (_sympy_rms(sympy.Rational(1, 3)),), CORRECT, None),
        (check_linear_output_rms, (_sympy_rms(0),), WRONG, "the bias adds its own variance"),
    ]


# Third Day 9 review: one stream per epoch moved on by a fixed stride per item (PCG64's
# advance): item 1's row is a window of item 0's once rows are longer than the stride
def advanced_stride(seed, epoch, index, size):
    bits = np.random.PCG64(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch)))
    bits.advance(index * 1000)
    return np.random.Generator(bits).standard_normal(size)


CASES += [
    (check_rank_noise, (ranked(advanced_stride),), WRONG, "moved on by a fixed stride"),
]


# Eleventh sweep: strides longer than the 2**18 draws the window probe reads (PCG64's advance
# by 2**20 or 2**32, a Philox counter moved by 2**20): the bit generators' states show that
# the items sit on one stream; jumped(index) puts them about 2**127 draws apart, rightly
def advanced_far(stride, philox=False):
    def item_noise(seed, epoch, index, size):
        node = SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch))
        if philox:
            bits = np.random.Philox(key=node.generate_state(2, np.uint64),
                                    counter=[index * stride, 0, 0, 0])
        else:
            bits = np.random.PCG64(node).advance(index * stride)
        return np.random.Generator(bits).standard_normal(size)
    return item_noise


def jumped_streams(seed, epoch, index, size):
    bits = np.random.PCG64(SeedSequence(seed, spawn_key=(ITEM_NOISE_KEY, epoch)))
    return np.random.Generator(bits.jumped(index)).standard_normal(size)


CASES += [
    (check_rank_noise, (ranked(advanced_far(2**20)),), WRONG, "1,048,576 draws further along"),
    (check_rank_noise, (ranked(advanced_far(2**32)),), WRONG, "draws from the stream of"),
    (check_rank_noise, (ranked(advanced_far(2**20, philox=True)),), WRONG,
     "draws from the stream of"),
    (check_rank_noise, (ranked(jumped_streams),), CORRECT, None),
]


# Third Day 9 review (low): an idle generator with the labels from the global generator
# inside fork_rng is told where the labels came from, not "NumPy's draws"
if importlib.util.find_spec("torch") is not None:
    import torch

    def fork_rng_idle_tokens(logits, temperature, n, seed):
        torch.Generator().manual_seed(seed)
        with torch.random.fork_rng():
            torch.manual_seed(seed)
            probs = torch.softmax(torch.tensor(logits) / temperature, dim=-1)
            return torch.multinomial(probs, n, replacement=True)

    CASES += [(check_sample_tokens, (fork_rng_idle_tokens,), WRONG, "PyTorch's global generator")]


# Thirteenth sweep: one torch.Generator made before the call (in an earlier cell, or as a
# default argument), reseeded with `seed` at every call: right, and judged as such
if importlib.util.find_spec("torch") is not None:
    import torch

    _EARLIER_GENERATOR = torch.Generator()

    def earlier_generator_tokens(logits, temperature, n, seed):
        _EARLIER_GENERATOR.manual_seed(seed)
        probs = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, -1)
        return torch.multinomial(probs, n, True, generator=_EARLIER_GENERATOR)

    def default_generator_tokens(logits, temperature, n, seed, g=torch.Generator()):  # noqa: B008
        g.manual_seed(seed)
        probs = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, -1)
        return torch.multinomial(probs, n, True, generator=g)

    def unseeded_earlier_tokens(logits, temperature, n, seed):
        probs = torch.softmax(torch.tensor(logits, dtype=torch.float64) / temperature, -1)
        return torch.multinomial(probs, n, True, generator=_EARLIER_GENERATOR)

    CASES += [
        (check_sample_tokens, (earlier_generator_tokens,), CORRECT, None),
        (check_sample_tokens, (default_generator_tokens,), CORRECT, None),
        (check_sample_tokens, (unseeded_earlier_tokens,), WRONG, "the same seed gives different"),
    ]

    def twice_seeded_tokens(logits, temperature, n, seed):
        """One generator seeded with `seed` twice (the fourteenth sweep: counted as two)."""
        g = torch.Generator().manual_seed(seed)
        probs = torch.softmax(torch.tensor(logits) / temperature, -1)
        g.manual_seed(seed)
        return torch.multinomial(probs, n, True, generator=g)

    CASES += [(check_sample_tokens, (twice_seeded_tokens,), CORRECT, None)]
