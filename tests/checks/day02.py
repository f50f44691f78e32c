"""Right and wrong answers to Day 2's exercise checks (run by tests/test_exercises.py)."""

import copy
import importlib.util
from collections.abc import Sequence

import numpy as np

from helpers.checks.day02 import (
    check_centered_uniform,
    check_sample_with_temperature,
    check_train_test_split,
)
from helpers.exercises import CORRECT, WRONG

N = 10_000
DRAWS = np.random.default_rng(0)


def _softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def _split(X, y, num_test, rng):
    order = rng.permutation(len(X))
    train, test = order[num_test:], order[:num_test]
    return X[train], y[train], X[test], y[test]


def _split_two_permutations(X, y, num_test, rng):
    Xs, ys = rng.permutation(X), rng.permutation(y)
    return Xs[num_test:], ys[num_test:], Xs[:num_test], ys[:num_test]


def _split_with_replacement(X, y, num_test, rng):
    idx = rng.integers(0, len(X), len(X))
    return X[idx[num_test:]], y[idx[num_test:]], X[idx[:num_test]], y[idx[:num_test]]


def _split_in_place(X, y, num_test, rng):
    order = rng.permutation(len(X))
    X[:], y[:] = X[order], y[order]
    return X[num_test:], y[num_test:], X[:num_test], y[:num_test]


def _legacy_uniform(n):
    state = np.random.get_state()  # noqa: NPY002 (restored: the test leaves it as it was)
    np.random.seed(42)  # noqa: NPY002 (the mistake under test: the legacy global API)
    v = np.random.uniform(-0.5, 0.5, n)  # noqa: NPY002
    np.random.set_state(state)  # noqa: NPY002
    return v


def _split_choice(X, y, num_test, rng):
    test = rng.choice(len(X), num_test, replace=False)
    train = np.setdiff1d(np.arange(len(X)), test)
    return X[train], y[train], X[test], y[test]


def _split_argsort(X, y, num_test, rng):
    order = np.argsort(rng.random(len(X)))
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


def _split_sklearn(X, y, num_test, rng):
    from sklearn.model_selection import train_test_split

    # a RandomState on a 63-bit seed: an int random_state stops at 32 bits (Day 1's rule)
    state = np.random.RandomState(np.random.MT19937(int(rng.integers(2**63))))
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=num_test, random_state=state)
    return X_tr, y_tr, X_te, y_te


def _split_sklearn32(X, y, num_test, rng):
    from sklearn.model_selection import train_test_split

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=num_test,
                                              random_state=int(rng.integers(2**32)))
    return X_tr, y_tr, X_te, y_te


def _split_same_test_each_time(X, y, num_test, rng):
    order = np.random.default_rng(0).permutation(len(X))  # a generator of its own
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


def _split_overlap(X, y, num_test, rng):
    order = rng.permutation(len(X))
    return X[order[num_test - 1:]], y[order[num_test - 1:]], X[order[:num_test]], \
        y[order[:num_test]]


def _search_sampler(logits, T, size, rng):
    z = logits / T
    p = np.exp(z - z.max())
    return np.searchsorted(np.cumsum(p / p.sum()), rng.random(size), side="right").clip(
        0, len(logits) - 1)


def _logsumexp_sampler(logits, T, size, rng):
    z = np.asarray(logits, dtype=np.float64) / T
    log_p = z - (z.max() + np.log(np.sum(np.exp(z - z.max()))))
    return rng.choice(np.arange(len(logits)), size=size, p=np.exp(log_p))


def _unstable_sampler(logits, T, size, rng):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(logits / T)  # the day's anti-pattern: overflows for large logits
        return rng.choice(len(logits), size, p=e / e.sum())


def _sorted_sampler(logits, T, size, rng):
    return np.sort(rng.choice(len(logits), size, p=_softmax(logits / T)))


def _quota_sampler(logits, T, size, rng):
    p = _softmax(logits / T)
    return rng.permutation(np.searchsorted(np.cumsum(p) / np.sum(p),
                                           (np.arange(size) + 0.5) / size, side="right"))


def _tiled_sampler(logits, T, size, rng):
    return np.tile(rng.choice(len(logits), size // 2, p=_softmax(logits / T)), 2)


def _tiled_shuffled_sampler(logits, T, size, rng):
    """size // 2 independent draws, each used twice, shuffled: no runs, no repeated halves."""
    return rng.permutation(np.tile(rng.choice(len(logits), size // 2, p=_softmax(logits / T)),
                                   2))


def _repeated_sampler(logits, T, size, rng):
    return np.repeat(rng.choice(len(logits), size // 2, p=_softmax(logits / T)), 2)


def _few_draws_tiled(logits, T, size, rng):
    """issue 20 (L1): ten draws, tiled to fill size (np.resize)."""
    return np.resize(rng.choice(len(logits), 10, p=_softmax(logits / T)), size)


def _few_draws_repeated(logits, T, size, rng):
    """issue 20 (L1): 50 draws, each repeated to fill size."""
    return np.repeat(rng.choice(len(logits), 50, p=_softmax(logits / T)), -(-size // 50))[:size]


def _shared_u_sampler(logits, T, size, rng):
    """issue 20 (M1): antithetic draws, u and 1 - u: draw i and i + size / 2 fix each other."""
    c = np.cumsum(_softmax(np.asarray(logits, dtype=float) / T))
    u = rng.random(size // 2 + 1)
    u = np.concatenate([u, 1 - u])[:size]
    return np.minimum(np.searchsorted(c, u, side="right"), len(c) - 1)


def _shared_u_shuffled_sampler(logits, T, size, rng):
    """issue 20 (M1): antithetic draws, shuffled: no repeated halves, the pairs remain."""
    return rng.permutation(_shared_u_sampler(logits, T, size, rng))


def _block_sampler(logits, T, size, rng):
    """issue 20 (L2): one block of size / 10 draws, repeated ten times."""
    return np.tile(rng.choice(len(logits), size // 10, p=_softmax(logits / T)), 10)


def _multinomial_sampler(logits, T, size, rng):
    """One multinomial draw per index: the one-hot rows' argmax."""
    p = _softmax(np.asarray(logits, dtype=float) / T)
    return np.argmax(rng.multinomial(1, p, size=size), axis=1)


def _gumbel32_sampler(logits, T, size, rng):
    """Gumbel-max in float32 throughout."""
    z = np.asarray(logits, dtype=np.float32) / np.float32(T)
    u = rng.random((size, len(z)), dtype=np.float32)
    return np.argmax(z - np.log(-np.log(np.maximum(u, np.float32(1e-30)))), axis=1)


def _gumbel_sampler(logits, T, size, rng):
    z = np.asarray(logits) / T
    return np.argmax(z + rng.gumbel(size=(size, len(z))), axis=1)


def _split_permuted(X, y, num_test, rng):
    """issue 20 (L3): rng.permuted(X, axis=0) shuffles each column on its own."""
    Xs, ys = rng.permuted(X, axis=0), rng.permutation(y)
    return Xs[num_test:], ys[num_test:], Xs[:num_test], ys[:num_test]


def _split_permuted_same_y(X, y, num_test, rng):
    """issue 20 (L3): each column of X shuffled on its own, y left in order."""
    Xs = rng.permuted(X, axis=0)
    return Xs[num_test:], y[num_test:], Xs[:num_test], y[:num_test]


def _split_negative_index(X, y, num_test, rng):
    """The last num_test of one permutation as the test set: with num_test = 0, o[-0:] is
    all of o and o[:-0] is empty."""
    o = rng.permutation(len(X))
    return X[o[:-num_test]], y[o[:-num_test]], X[o[-num_test:]], y[o[-num_test:]]


def _split_negative_index_guarded(X, y, num_test, rng):
    o = rng.permutation(len(X))
    cut = len(X) - num_test  # o[cut:] is empty when num_test = 0
    return X[o[:cut]], y[o[:cut]], X[o[cut:]], y[o[cut:]]


def _split_sorting_in_place(X, y, num_test, rng):
    """Sorts the caller's X and y (to 'tidy' them) before a right split."""
    X.sort(axis=0)
    y.sort()
    return _split(X, y, num_test, rng)


def _split_empty_test_refused(X, y, num_test, rng):
    if num_test == 0:
        raise ValueError("num_test must be at least 1")
    return _split(X, y, num_test, rng)


def _split_block(X, y, num_test, rng):
    start = int(rng.integers(0, len(X) - num_test + 1))
    test = np.arange(start, start + num_test)
    train = np.setdiff1d(np.arange(len(X)), test)
    return X[train], y[train], X[test], y[test]


def _split_roll(X, y, num_test, rng):
    order = np.roll(np.arange(len(X)), int(rng.integers(len(X))))
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


def _split_never_last(X, y, num_test, rng):
    test = rng.choice(len(X) - 1, num_test, replace=False)
    train = np.setdiff1d(np.arange(len(X)), test)
    return X[train], y[train], X[test], y[test]


def _split_three_ways(X, y, num_test, rng):
    return _split(X, y, num_test, np.random.default_rng(int(rng.integers(3))))


def _split_unseeded(X, y, num_test, rng):
    return _split(X, y, num_test, np.random.default_rng())


def _split_sklearn_order(X, y, num_test, rng):
    X_tr, y_tr, X_te, y_te = _split(X, y, num_test, rng)
    return X_tr, X_te, y_tr, y_te


def _split_flat(X, y, num_test, rng):
    X_tr, y_tr, X_te, y_te = _split(X, y, num_test, rng)
    return X_tr[:, 0], y_tr, X_te[:, 0], y_te


def _split_with_replacement_test(X, y, num_test, rng):
    test = rng.choice(len(X), num_test)  # replace=False forgotten
    train = np.setdiff1d(np.arange(len(X)), test)
    return X[train], y[train], X[test], y[test]


def _min_shift_sampler(logits, T, size, rng):
    z = logits / T
    e = np.exp(z - z.min())  # shifts by the smallest logit: overflows at a low T
    return rng.choice(len(logits), size, p=e / e.sum())


def _mean_shift_sampler(logits, T, size, rng):
    z = logits / T
    e = np.exp(z - z.mean())
    return rng.choice(len(logits), size, p=e / e.sum())


def _split_two_choices(X, y, num_test, rng):
    test = rng.choice(len(X), num_test, replace=False)
    train = rng.choice(len(X), len(X) - num_test, replace=False)  # a second, independent draw
    return X[train], y[train], X[test], y[test]


def _split_two_orders(X, y, num_test, rng):
    test, train = rng.permutation(len(X))[:num_test], rng.permutation(len(X))[num_test:]
    return X[train], y[train], X[test], y[test]


def _few_streams_sampler(k):
    """A sampler that seeds a new generator with one of k values drawn from rng."""
    def sampler(logits, T, size, rng):
        own = np.random.default_rng(int(rng.integers(k)))
        return own.choice(len(logits), size, p=_softmax(logits / T))
    return sampler


def _split_delete_flat(X, y, num_test, rng):
    """np.delete without axis= flattens X_train: X_test keeps its shape, X_train does not."""
    test = rng.permutation(len(X))[:num_test]
    return np.delete(X, test), np.delete(y, test), X[test], y[test]


def _few_stream_sampler(streams):
    def sampler(logits, T, size, rng):
        child = np.random.default_rng(int(rng.integers(streams)))
        return child.choice(len(logits), size=size, p=_softmax(np.asarray(logits) / T))
    return sampler


def _clipped_sampler(logits, T, size, rng):
    """No shift at all, the scaled logits clipped to +-30: wrong at T = 0.001."""
    z = np.clip(np.asarray(logits) / T, -30, 30)
    e = np.exp(z)
    return rng.choice(len(logits), size=size, p=e / e.sum())


def _three_class_sampler(logits, T, size, rng):
    """The number of classes hard-coded as the notebook's 3: fails on 4 logits."""
    return rng.choice(3, size, p=_softmax(logits / T))


#: The notebook's softmax(logits) of section 5, which an answer may reuse by mistake.
SOFTMAX_P = _softmax(np.array([1.0, 1.7, -0.2]))


def _softmax_p_sampler(logits, T, size, rng):
    """Ignores its logits: tempers the notebook's softmax_p (right for those 3 logits only)."""
    q = SOFTMAX_P ** (1 / T)
    return rng.choice(len(q), size, p=q / q.sum())


def _loop_sampler(logits, T, size, rng):
    """A valid Python loop: one inverse-CDF draw per index."""
    z = np.asarray(logits, dtype=float) / T
    cdf = np.cumsum(np.exp(z - z.max()))
    cdf /= cdf[-1]
    return np.array([min(int(np.searchsorted(cdf, rng.random(), side="right")), len(z) - 1)
                     for _ in range(size)])


def _split_column_labels(X, y, num_test, rng):
    o = rng.permutation(len(X))
    return X[o[num_test:]], y[o[num_test:]][:, None], X[o[:num_test]], y[o[:num_test]][:, None]


def _split_column_test_labels(X, y, num_test, rng):
    X_tr, y_tr, X_te, y_te = _split(X, y, num_test, rng)
    return X_tr, y_tr, X_te, y_te.reshape(-1, 1)


SEED = 42
CASES = [
    # Exercise 1: uniform on [-0.5, 0.5), from a fresh default_rng(SEED)
    (check_centered_uniform, (np.random.default_rng(SEED).uniform(-0.5, 0.5, N), N, SEED),
     CORRECT, "variance"),
    (check_centered_uniform, (np.random.default_rng(SEED).random(N) - 0.5, N, SEED), CORRECT,
     None),
    (check_centered_uniform, (np.random.Generator(np.random.PCG64(SEED)).uniform(
        -0.5, 0.5, size=(N,)), N, SEED), CORRECT, None),
    (check_centered_uniform, (np.random.default_rng(SEED).random(N, dtype=np.float32) - 0.5,
                              N, SEED), CORRECT, None),
    (check_centered_uniform, (_legacy_uniform(N), N, SEED), WRONG, "legacy np.random"),
    (check_centered_uniform, (np.random.default_rng(SEED + 1).uniform(-0.5, 0.5, N), N, SEED),
     WRONG, "fresh np.random.default_rng(SEED)"),
    (check_centered_uniform, (-0.5 + np.random.default_rng(np.random.SeedSequence(SEED))
                              .random(N).astype(np.float32), N, SEED), CORRECT, None),
    (check_centered_uniform, (0.5 - np.random.default_rng(SEED).random(N), N, SEED), WRONG,
     "mirrored"),
    (check_centered_uniform, (np.tile(np.random.default_rng(SEED).uniform(-0.5, 0.5, N // 2),
                                      2), N, SEED), WRONG, "only 5,000 distinct numbers"),
    # issue 20 (L1): a few draws tiled or repeated to fill NUM_SAMPLES: they repeat (100 tiled
    # draws passed the unseeded check; ten got the spread or mean hint)
    (check_centered_uniform, (np.tile(DRAWS.uniform(-0.5, 0.5, 100), N // 100), N), WRONG,
     "the same draws repeat"),
    (check_centered_uniform, (np.repeat(np.random.default_rng(SEED).uniform(-0.5, 0.5, 10),
                                        N // 10), N, SEED), WRONG, "the same draws repeat"),
    # float32 draws collide by chance (2**24 values in [0, 1)): 2,000,000 of them are right
    (check_centered_uniform, (DRAWS.random(2_000_000, dtype=np.float32) - np.float32(0.5),
                              2_000_000), CORRECT, None),
    (check_centered_uniform, (np.random.default_rng(SEED).uniform(-0.5, 0.5, N)[::-1], N,
                              SEED), WRONG, "another order"),
    (check_centered_uniform, (DRAWS.uniform(-0.5, 0.5, N), N), CORRECT, "variance"),
    (check_centered_uniform, (DRAWS.random(N) - 0.5, N), CORRECT, None),
    (check_centered_uniform, (DRAWS.random(N), N), WRONG, "centred on 0"),
    (check_centered_uniform, (DRAWS.normal(0, 1 / np.sqrt(12), N), N), WRONG, "range from"),
    # float16 and 3-decimal rounding push draws up to 0.5 itself (these seeds reach it)
    (check_centered_uniform, (np.random.default_rng(0).uniform(-0.5, 0.5, N).astype(np.float16),
                              N, 0), WRONG, "0.5 itself"),
    (check_centered_uniform, (np.round(np.random.default_rng(9).uniform(-0.5, 0.5, N), 3), N, 9),
     WRONG, "rounding or a cast to float16"),
    # float16 and 3-decimal rounding that stay below 0.5: the rounding hint, not "another seed"
    *[(check_centered_uniform, (np.random.default_rng(s).uniform(-0.5, 0.5, N).astype(
        np.float16), N, s), WRONG, "rounded: float16") for s in (1, 4, 7, 8)],
    *[(check_centered_uniform, (np.round(np.random.default_rng(s).uniform(-0.5, 0.5, N), 3),
                                N, s), WRONG, "rounded: float16")
      for s in range(30) if np.round(np.random.default_rng(s).uniform(-0.5, 0.5, N), 3).max()
      < 0.5][:2],
    (check_centered_uniform, (np.r_[DRAWS.uniform(-0.5, 0.5, N - 1), -0.5000001], N), WRONG,
     "range from -0.5000001 to"),
    (check_centered_uniform, (DRAWS.uniform(-0.5, 0.5, 100), N), WRONG, "shape"),
    (check_centered_uniform, (np.linspace(-0.5, 0.5, N, endpoint=False), N), WRONG, "ordered"),
    (check_centered_uniform, (DRAWS.uniform(-0.25, 0.25, N), N), WRONG, "spread"),
    (check_centered_uniform, (DRAWS.uniform(-0.4, 0.49, N), N), WRONG, "mean"),
    (check_centered_uniform, (DRAWS.integers(0, 1, N), N), WRONG, "floats"),
    # Exercise 2: sample_with_temperature(logits, T, size, rng)
    (check_sample_with_temperature, (_search_sampler,), CORRECT, None),
    (check_sample_with_temperature, (_min_shift_sampler,), WRONG, "stable softmax"),
    (check_sample_with_temperature, (_mean_shift_sampler,), WRONG, "stable softmax"),
    (check_sample_with_temperature, (_gumbel_sampler,), CORRECT, None),
    (check_sample_with_temperature, (_sorted_sampler,), WRONG, "consecutive draws depend"),
    (check_sample_with_temperature, (_quota_sampler,), WRONG, "fixed quotas"),
    (check_sample_with_temperature, (_tiled_sampler,), WRONG,
     "from draw 10,000 on, each is the draw 10,000 places before"),
    (check_sample_with_temperature, (_repeated_sampler,), WRONG,
     "runs whose lengths are all multiples of 2"),
    (check_sample_with_temperature, (_few_draws_tiled,), WRONG,
     "your draws repeat: from draw 10 on"),
    (check_sample_with_temperature, (_few_draws_repeated,), WRONG,
     "all multiples of 400 (each draw repeated in a row"),
    (check_sample_with_temperature, (_tiled_shuffled_sampler,), WRONG, "each draw used twice"),
    # issue 20 (M1): antithetic draws u and 1 - u passed, shuffled or not; with logits [0, 0]
    # each pair falls in both classes, so the counts stay at half
    (check_sample_with_temperature, (_shared_u_sampler,), WRONG,
     "the draws come in pairs fixed by each other (u and 1 - u), so they are not independent"),
    (check_sample_with_temperature, (_shared_u_shuffled_sampler,), WRONG,
     "the draws come in pairs fixed by each other (u and 1 - u), so they are not independent"),
    # ... and the right samplers still pass that test
    (check_sample_with_temperature, (_multinomial_sampler,), CORRECT, None),
    (check_sample_with_temperature, (_gumbel32_sampler,), CORRECT, None),
    # issue 20 (L2): one block of size / 10 repeated got "far from softmax(logits / T) ...
    # from the logits argument"; fixed by the repeating-period test (d43efd3)
    (check_sample_with_temperature, (_block_sampler,), WRONG,
     "your draws repeat: from draw 2,000 on, each is the draw 2,000 places before"),
    (check_sample_with_temperature, (_logsumexp_sampler,), CORRECT, None),
    (check_sample_with_temperature, (_unstable_sampler,), WRONG, "stable softmax"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: np.random.choice(  # noqa: NPY002 (the mistake under test)
         len(logits), size, p=_softmax(logits / T)),), WRONG, "global np.random"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: rng.choice(len(logits), size, p=_softmax(logits / T)),),
     CORRECT, None),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: rng.choice(len(logits), size, p=_softmax(logits * T)),),
     WRONG, "rescaled"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: rng.choice(len(logits), size, p=_softmax(logits)),),
     WRONG, "no effect"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: np.full(size, np.argmax(logits)),), WRONG, "same class"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: rng.choice(len(logits), size, p=np.exp(logits / T)),),
     WRONG, "ValueError"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: rng.integers(0, len(logits), size),), WRONG, "far from"),
    (check_sample_with_temperature,
     (lambda logits, T, size, rng: np.random.default_rng(5).choice(
         len(logits), size, p=_softmax(logits / T)),), WRONG, "do not depend on rng"),
    (check_sample_with_temperature, (_few_streams_sampler(2),), WRONG, "the rng argument"),
    (check_sample_with_temperature, (_few_streams_sampler(3),), WRONG, "exactly the same"),
    (check_sample_with_temperature, (_few_streams_sampler(10),), WRONG, "exactly the same"),
    (check_sample_with_temperature, (_few_streams_sampler(100),), WRONG, "exactly the same"),
    (check_sample_with_temperature, (lambda logits, T, size, rng: np.random.default_rng(
        int(rng.integers(2**63))).choice(len(logits), size, p=_softmax(logits / T)),),
     CORRECT, None),
    # Exercise 3: split(X, y, num_test, rng)
    (check_train_test_split, (_split_two_choices,), WRONG, "overlap"),
    (check_train_test_split, (_split_two_orders,), WRONG, "ONE permutation"),
    (check_train_test_split, (_split_choice,), CORRECT, None),
    (check_train_test_split, (_split_with_replacement_test,), WRONG, "without replacement"),
    (check_train_test_split, (_split_block,), WRONG, "far more or less often"),
    (check_train_test_split, (_split_roll,), WRONG, "together"),
    (check_train_test_split, (_split_never_last,), WRONG, "far more or less often"),
    (check_train_test_split, (_split_three_ways,), WRONG, "uniformly from all samples"),
    (check_train_test_split, (_split_unseeded,), WRONG, "same rng seed"),
    (check_train_test_split, (_split_sklearn_order,), WRONG, "in that order"),
    (check_train_test_split, (_split_flat,), WRONG, "keep X's shape"),
    (check_train_test_split, (_split_argsort,), CORRECT, None),
    (check_train_test_split, (_split_sklearn,), CORRECT, None),
    (check_train_test_split, (_split_same_test_each_time,), WRONG, "whatever the rng"),
    (check_train_test_split, (_split_overlap,), WRONG, "training set"),
    (check_train_test_split, (_split,), CORRECT, None),
    (check_train_test_split, (_split_two_permutations,), WRONG,
     "some inputs lost their labels: shuffle X and y in the same order"),
    # issue 20 (L3): rng.permuted(X, axis=0) got the generic "lost their labels" hint
    (check_train_test_split, (_split_permuted,), WRONG, "the rows of X were torn apart"),
    (check_train_test_split, (_split_permuted_same_y,), WRONG,
     "each column of your sets was shuffled on its own"),
    (check_train_test_split, (_split_with_replacement,), WRONG, "without replacement"),
    (check_train_test_split, (_split_in_place,), WRONG, "in place"),
    (check_train_test_split, (_split_sorting_in_place,), WRONG, "changed its argument X in place"),
    (check_train_test_split, (_split_negative_index,), WRONG,
     ("with num_test=0 the test set needs 0 samples; yours has 10 inputs and 10 labels (a "
      "slice order[-num_test:] is the whole of order when num_test is 0)")),
    (check_train_test_split, (_split_negative_index_guarded,), CORRECT, None),
    (check_train_test_split, (_split_empty_test_refused,), CORRECT, None),
    (check_train_test_split,
     (lambda X, y, num_test, rng: (X[num_test:], y[num_test:], X[:num_test], y[:num_test]),),
     WRONG, "whatever the rng"),
    (check_train_test_split,
     (lambda X, y, num_test, rng: _split(X, y, num_test + 1, rng),), WRONG, "test set needs"),
    (check_train_test_split, (lambda X, y, num_test, rng: _split(X, y, num_test, rng)[:2],),
     WRONG, "four arrays"),
    (check_centered_uniform, (np.array([np.random.default_rng(SEED).uniform(-0.5, 0.5)
                                        for _ in range(N)]), N, SEED), WRONG, "re-created"),
    (check_train_test_split, (_split_column_labels,), WRONG, "your y_train has shape (7, 1)"),
    (check_train_test_split, (_split_column_test_labels,), WRONG,
     "your y_test has shape (3, 1)"),
    (check_train_test_split, (_split_delete_flat,), WRONG, "your X_train has shape"),
    (check_sample_with_temperature, (_few_stream_sampler(1000),), WRONG, "gave exactly the same"),
    (check_sample_with_temperature, (_clipped_sampler,), WRONG, "stably"),
    (check_sample_with_temperature, (_three_class_sampler,), WRONG, "hard-coded as 3"),
    (check_sample_with_temperature, (_softmax_p_sampler,), WRONG,
     "never reach class 3 (probability"),
    (check_sample_with_temperature, (lambda logits, T, size, rng: rng.choice(
        3, size, p=_softmax(logits[:3] / T)),), WRONG, "never reach class 3"),
    (check_sample_with_temperature, (lambda logits, T, size, rng: rng.choice(
        len(logits), size, p=_softmax(np.sort(logits) / T)),), WRONG, "far from softmax"),
    (check_sample_with_temperature, (lambda l, T, s, rng: rng.choice(
        len(SOFTMAX_P), s, p=_softmax(np.log(SOFTMAX_P) / T)),), WRONG,
     "not from the notebook's 3 classes"),
    (check_sample_with_temperature, (_loop_sampler,), CORRECT, None),
    (check_train_test_split, (lambda X, y, num_test, rng: _split(X, y, 3, rng),), WRONG,
     "with num_test=5"),
    (check_train_test_split, (lambda X, y, num_test, rng: _split(X, y, round(0.3 * len(X)),
                                                                 rng),), WRONG, "num_test="),
]


def _split_naive_shuffle(X, y, num_test, rng):
    """A biased shuffle: position i swapped with any position j, not one from i to n - 1."""
    o = np.arange(len(X))
    for i in range(len(X)):
        j = rng.integers(len(X))
        o[i], o[j] = o[j], o[i]
    return X[o[num_test:]], y[o[num_test:]], X[o[:num_test]], y[o[:num_test]]


def _split_fisher_yates(X, y, num_test, rng):
    """A right shuffle written out: position i swapped with a position j from i to n - 1."""
    o = np.arange(len(X))
    for i in range(len(X) - 1):
        j = rng.integers(i, len(X))
        o[i], o[j] = o[j], o[i]
    return X[o[num_test:]], y[o[num_test:]], X[o[:num_test]], y[o[:num_test]]


CASES += [
    (check_train_test_split, (_split_naive_shuffle,), WRONG, "is your shuffle biased?"),
    (check_train_test_split, (_split_fisher_yates,), CORRECT, None),
]


def _uniform_noise_sampler(logits, T, size, rng):
    """The Gumbel-max trick with uniform noise: at T = 0.5 the largest logit always wins."""
    z = np.asarray(logits) / T
    return np.argmax(z + rng.random((size, len(z))), axis=1)


def _floored_T_sampler(logits, T, size, rng):
    """T floored at 0.5 (to 'avoid overflow'): finite probabilities, but not those of T."""
    return rng.choice(len(logits), size, p=_softmax(logits / max(T, 0.5)))


CASES += [
    (check_sample_with_temperature, (_uniform_noise_sampler,), WRONG, "needs to be Gumbel"),
    (check_sample_with_temperature, (_floored_T_sampler,), WRONG, "use T as it is given"),
]


def _floor_T_sampler(floor):
    """T floored (to 'avoid overflow'): right on far-apart logits at T = 0.001, not on
    close ones."""
    def sampler(logits, T, size, rng):
        return rng.choice(len(logits), size=size, p=_softmax(logits / max(T, floor)))
    return sampler


def _split_lists(X, y, num_test, rng):
    """Right sets as Python lists of rows: at num_test = 0, X_test is [] and loses X's shape."""
    o = rng.permutation(len(X))
    return (list(X[o[num_test:]]), list(y[o[num_test:]]), list(X[o[:num_test]]),
            list(y[o[:num_test]]))


def _split_rows_array(X, y, num_test, rng):
    """An array built from a list of rows: np.array([]) has shape (0,), not (0, 1)."""
    o = rng.permutation(len(X))
    test, train = o[:num_test], o[num_test:]
    return (np.array([X[i] for i in train]), y[train], np.array([X[i] for i in test]),
            y[test])


def _split_child_seed(m):
    """A new generator seeded with one of m values drawn from rng: m streams only."""
    def split(X, y, num_test, rng):
        return _split(X, y, num_test, np.random.default_rng(int(rng.integers(m))))
    return split


def _split_keyed_children(X, y, num_test, rng):
    """Per-sample keys from generators seeded base + i, base drawn from 1,000 values."""
    base = int(rng.integers(1000))
    keys = np.array([np.random.default_rng(base + i).random() for i in range(len(X))])
    o = np.argsort(keys)
    return X[o[num_test:]], y[o[num_test:]], X[o[:num_test]], y[o[:num_test]]


def _per_draw_seed_sampler(bound):
    """A generator per draw seeded base + i, base drawn below bound: rngs whose bases are a
    few apart (seeds 237 and 342 give 784196 and 784193 below 10**6) share draws, shifted."""
    def sampler(logits, T, size, rng):
        b = int(rng.integers(bound))
        return np.array([np.random.default_rng(b + i).choice(len(logits), p=_softmax(logits / T))
                         for i in range(size)])
    return sampler


def _per_draw_seed_sequence(bound):
    """A generator per draw from SeedSequence(base + i), base drawn below bound."""
    def sampler(logits, T, size, rng):
        b = int(rng.integers(bound))
        p = _softmax(logits / T)
        return np.array([np.random.default_rng(np.random.SeedSequence(b + i)).choice(
            len(logits), p=p) for i in range(size)])
    return sampler


def _per_draw_constant_base(logits, T, size, rng):
    """A generator per draw seeded 2**62 + i: the learner's own constant base, whatever rng."""
    p = _softmax(logits / T)
    return np.array([np.random.default_rng(2**62 + i).choice(len(logits), p=p)
                     for i in range(size)])


def _split_keyed_children_63(X, y, num_test, rng):
    """Per-sample keys from generators seeded base + i, base drawn below 2**63."""
    base = int(rng.integers(2**63))
    keys = np.array([np.random.default_rng(base + i).random() for i in range(len(X))])
    o = np.argsort(keys)
    return X[o[num_test:]], y[o[num_test:]], X[o[:num_test]], y[o[:num_test]]


class _Four(Sequence):
    """A read-only sequence of the four arrays (neither tuple nor list)."""

    def __init__(self, parts):
        self._parts = list(parts)

    def __getitem__(self, i):
        return self._parts[i]

    def __len__(self):
        return len(self._parts)


def _split_four_sequence(X, y, num_test, rng):
    return _Four(_split(X, y, num_test, rng))


def _split_spawned(X, y, num_test, rng):
    return _split(X, y, num_test, rng.spawn(1)[0])


CASES += [
    *[(check_sample_with_temperature, (_floor_T_sampler(f),), WRONG, "use T as it is given")
      for f in (0.1, 0.05, 0.01)],
    (check_train_test_split, (_split_lists,), WRONG, "return arrays: with num_test=0"),
    (check_train_test_split, (_split_rows_array,), WRONG, "a list of rows"),
    (check_train_test_split, (_split_child_seed(100),), WRONG, "a few fixed splits"),
    *[(check_train_test_split, (_split_child_seed(m),), WRONG, "exactly the same test set")
      for m in (1000, 10_000)],
    (check_train_test_split, (_split_keyed_children,), WRONG, "per sample with base + i"),
    # the course's one seed policy: arithmetic on a base drawn wide from rng is right (two
    # runs' bases lie a few steps apart with odds about 2**-60), and the verdict tips spawn
    (check_train_test_split, (_split_keyed_children_63,), CORRECT, "rng.spawn(n)"),
    (check_sample_with_temperature, (_per_draw_seed_sampler(10**6),), WRONG,
     "per draw with base + i"),
    (check_sample_with_temperature, (_per_draw_seed_sampler(2**63),), CORRECT, "rng.spawn(n)"),
    (check_sample_with_temperature, (_per_draw_seed_sequence(2**63),), CORRECT,
     "without any seed arithmetic"),
    (check_sample_with_temperature, (_per_draw_seed_sampler(2**40),), WRONG,
     "40 varying bits or fewer"),
    (check_sample_with_temperature, (_per_draw_constant_base,), WRONG,
     "the same seeds in every call"),
    (check_train_test_split, (_split_child_seed(2**63),), CORRECT, None),
    (check_train_test_split, (_split_spawned,), CORRECT, None),
    # the prompt does not ask for a tuple: a list of the four arrays is as right
    (check_train_test_split, (lambda X, y, num_test, rng: list(_split(X, y, num_test, rng)),),
     CORRECT, None),
    (check_train_test_split, (_split_four_sequence,), CORRECT, None),
    (check_train_test_split, (lambda X, y, num_test, rng: _split(X, y, num_test, rng)[:3],),
     WRONG, "return four arrays"),
]


def _per_draw_pattern_sampler(seed_of):
    """A generator per draw seeded seed_of(base, i), base drawn from rng below 10**6."""
    def sampler(logits, T, size, rng):
        b = int(rng.integers(1, 10**6))
        p = _softmax(logits / T)
        return np.array([np.random.default_rng(seed_of(b, i)).choice(len(logits), p=p)
                         for i in range(size)])
    return sampler


def _spawned_sampler(logits, T, size, rng):
    return rng.spawn(1)[0].choice(len(logits), size, p=_softmax(logits / T))


CASES += [
    # a grid of integers / N is not float rounding: the hint names the grid
    (check_centered_uniform, (np.random.default_rng(SEED).integers(0, N, N) / N - 0.5, N, SEED),
     WRONG, "multiples of 1/NUM_SAMPLES"),
    (check_centered_uniform, (DRAWS.integers(0, N, N) / N - 0.5, N), WRONG,
     "integers divided by NUM_SAMPLES"),
    (check_centered_uniform, (np.random.default_rng(SEED).integers(-N // 2, N // 2, N) / N, N,
                              SEED), WRONG, "integers divided by NUM_SAMPLES"),
    # at N = 1,000 a grid of integers / N and 3-decimal rounding are the same values
    (check_centered_uniform, (np.random.default_rng(SEED).integers(0, 1000, 1000) / 1000 - 0.5,
                              1000, SEED), WRONG, "or a grid of integers / NUM_SAMPLES?"),
    (check_centered_uniform, (np.round(np.random.default_rng(SEED).random(1000) - 0.5, 3), 1000,
                              SEED), WRONG, "rounded (float16, or to 3 decimals)"),
    (check_centered_uniform, (np.round(np.random.default_rng(SEED).random(1500) - 0.5, 3), 1500,
                              SEED), WRONG, "rounded: float16"),
    (check_centered_uniform, (np.random.default_rng(SEED).random(1000) - 0.5, 1000, SEED),
     CORRECT, None),
    (check_centered_uniform, (np.random.default_rng(SEED).random(1000, dtype=np.float32) - 0.5,
                              1000, SEED), CORRECT, None),
    # per-draw seeds: the hint names the pattern found
    (check_sample_with_temperature, (_per_draw_pattern_sampler(lambda b, i: b * i),), WRONG,
     "comes from default_rng(0)"),
    (check_sample_with_temperature, (_per_draw_pattern_sampler(lambda b, i: b + 100 * i),),
     WRONG, "with base + 100 * i, a constant step of 100"),
    (check_sample_with_temperature, (_per_draw_pattern_sampler(lambda b, i: 10**6 + b - i),),
     WRONG, "per draw with base - i"),
    (check_sample_with_temperature, (_per_draw_pattern_sampler(lambda b, i: int(f"{b}{i}")),),
     WRONG, "the digits of a base followed by those of i"),
    (check_sample_with_temperature, (_spawned_sampler,), CORRECT, None),
]


# Child generators seeded with a 32-bit draw from rng: Day 1's rule (seeds drawn below 2**40
# collide over many runs), applied at run time by the shared helper.
def _child32_sampler(logits, T, size, rng):
    p = _softmax(logits / T)
    return np.random.default_rng(rng.integers(2**32)).choice(len(logits), size=size, p=p)


def _sequence32_sampler(logits, T, size, rng):
    child = np.random.default_rng(np.random.SeedSequence(int(rng.integers(2**32))))
    return child.choice(len(logits), size=size, p=_softmax(logits / T))


def _spawned32_sampler(logits, T, size, rng):
    child = np.random.SeedSequence(int(rng.integers(2**32))).spawn(1)[0]
    return np.random.default_rng(child).choice(len(logits), size=size, p=_softmax(logits / T))


def _child63_sampler(logits, T, size, rng):
    p = _softmax(logits / T)
    return np.random.default_rng(rng.integers(2**63)).choice(len(logits), size=size, p=p)


def _split_child32(X, y, num_test, rng):
    order = np.random.default_rng(rng.integers(2**32)).permutation(len(X))
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


def _split_listed32(X, y, num_test, rng):
    order = np.random.default_rng([int(rng.integers(2**32)), 7]).permutation(len(X))
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


def _split_spawned32(X, y, num_test, rng):
    child = np.random.SeedSequence(int(rng.integers(2**32))).spawn(1)[0]
    order = np.random.default_rng(child).permutation(len(X))
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


CASES += [
    (check_sample_with_temperature, (_child32_sampler,), WRONG, "too few varying bits"),
    (check_sample_with_temperature, (_sequence32_sampler,), WRONG, "too few varying bits"),
    (check_sample_with_temperature, (_spawned32_sampler,), WRONG, "draw the draws from rng"),
    (check_sample_with_temperature, (_child63_sampler,), CORRECT, None),
    (check_train_test_split, (_split_child32,), WRONG, "too few varying bits"),
    (check_train_test_split, (_split_listed32,), WRONG, "the birthday bound"),
    (check_train_test_split, (_split_spawned32,), WRONG, "too few varying bits"),
    # scikit-learn's int random_state is a 32-bit seed: the same rule
    (check_train_test_split, (_split_sklearn32,), WRONG, "too few varying bits"),
]


# issue 20: an X of two columns and repeated labels. With X of one column and labels 0..n-1,
# labels used as row indices, one column shuffled or only the first column returned pass.
def _split_labels_as_rows(X, y, num_test, rng):
    order = rng.permutation(y)  # the labels, permuted, used as row positions
    return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]


def _split_one_column_shuffled(X, y, num_test, rng):
    order = rng.permutation(len(y))
    Xs, ys = X.copy(), y[order]
    Xs[:, 0] = X[order, 0]  # the other columns stay where they were
    return Xs[num_test:], ys[num_test:], Xs[:num_test], ys[:num_test]


def _split_first_column(X, y, num_test, rng):
    order = rng.permutation(len(y))
    Xs = X[order][:, :1]
    return Xs[num_test:], y[order][num_test:], Xs[:num_test], y[order][:num_test]


def _split_mask(X, y, num_test, rng):  # a boolean mask over a permutation: right
    test = np.zeros(len(y), dtype=bool)
    test[rng.permutation(len(y))[:num_test]] = True
    return X[~test], y[~test], X[test], y[test]


CASES += [
    (check_train_test_split, (_split_labels_as_rows,), WRONG, "used the labels y as row indices"),
    (check_train_test_split, (_split_one_column_shuffled,), WRONG, "shuffled one column only"),
    (check_train_test_split, (_split_first_column,), WRONG, "return whole rows of X"),
    (check_train_test_split, (_split_mask,), CORRECT, None),
]


# A copy of rng (deepcopy, a new generator from its SeedSequence, a jumped bit generator)
# gives draws that depend on rng yet leaves rng where it was: the caller's next call repeats
# them. Spawning a child moves rng's count of children, so rng.spawn(1)[0] is right.
def _sampler_from(make_generator):
    def sampler(logits, T, size, rng):
        p = _softmax(logits / T)
        return make_generator(rng).choice(len(logits), size, p=p)
    return sampler


def _split_from(make_generator):
    def split(X, y, num_test, rng):
        order = make_generator(rng).permutation(len(X))
        return X[order[num_test:]], y[order[num_test:]], X[order[:num_test]], y[order[:num_test]]
    return split


_RNG_COPIES = (copy.deepcopy,
               lambda rng: np.random.default_rng(rng.bit_generator.seed_seq),
               lambda rng: np.random.Generator(rng.bit_generator.jumped()))

CASES += [(check_sample_with_temperature, (_sampler_from(make),), WRONG,
           "left rng where it found it") for make in _RNG_COPIES]
CASES += [(check_train_test_split, (_split_from(make),), WRONG, "left rng where it found it")
          for make in _RNG_COPIES]
CASES += [
    (check_sample_with_temperature, (_sampler_from(lambda rng: rng.spawn(1)[0]),), CORRECT, None),
    (check_train_test_split, (_split_from(lambda rng: rng.spawn(1)[0]),), CORRECT, None),
]


# Seventh sweep: seeds made with the builtin hash(), however wide, are refused (hash() of
# text changes with every process); the shared watcher's rule (helpers/checks/_seeding.py)
CASES += [
    (check_sample_with_temperature, (_sampler_from(lambda rng: np.random.default_rng(
        abs(hash(str(int(rng.integers(2**63))))))),), WRONG, "from the builtin hash()"),
    (check_train_test_split, (_split_from(lambda rng: np.random.default_rng(
        abs(hash((int(rng.integers(2**63)), "split"))))),), WRONG, "from the builtin hash()"),
]


# Eighth sweep: a 32-bit draw scrambled into a wide seed (squared, cubed) before seeding a
# child: still one of 2**32 streams, seen by the first-draw probe
CASES += [
    (check_sample_with_temperature, (_sampler_from(lambda rng: np.random.default_rng(
        int(rng.integers(2**32)) ** 2)),), WRONG, "draws depend on rng only through a seed"),
    (check_train_test_split, (_split_from(lambda rng: np.random.default_rng(
        int(rng.integers(2**32)) ** 3 + 7)),), WRONG,
     "splits depend on rng only through a seed"),
    (check_train_test_split, (_split_from(lambda rng: np.random.default_rng(
        int(rng.integers(2**63)) ** 2)),), CORRECT, None),
]


# Eighth sweep (low): Gumbel-max with one noise value per draw, shared by its classes
def _gumbel_shared_noise(logits, T, size, rng):
    return np.argmax(logits / T + rng.gumbel(size=(size, 1)), axis=1)


CASES += [
    (check_sample_with_temperature, (_gumbel_shared_noise,), WRONG,
     "not one value shared by a draw's classes"),
]


# Ninth sweep: an unstable softmax in long double (80-bit on x86: its exp holds 2,000 but not
# 20,000), the day's own mistake put off; rejected on every machine now
def _longdouble_unstable(logits, T, size, rng):
    e = np.exp(np.asarray(logits, np.longdouble) / T)
    p = (e / e.sum()).astype(float)
    return rng.choice(len(logits), size, p=p / p.sum())


CASES += [
    (check_sample_with_temperature, (_longdouble_unstable,), WRONG, "np.exp overflows"),
]


# PyTorch (an eleventh-sweep finding): see tests/checks/day01.py
def _torch_generator(rng):
    import torch
    return torch.Generator().manual_seed(int(rng.integers(2**63)))


def _torch_tokens(seeded):
    def sample(logits, T, size, rng):
        import torch
        z = np.asarray(logits, dtype=np.float64) / T
        p = torch.softmax(torch.from_numpy(z), dim=-1)
        if seeded:
            return torch.multinomial(p, size, True, generator=_torch_generator(rng)).numpy()
        torch.manual_seed(int(rng.integers(2**32)))
        return torch.multinomial(p, size, True).numpy()
    return sample


def _torch_split(seeded):
    def split(X, y, num_test, rng):
        import torch
        if seeded:
            order = torch.randperm(len(X), generator=_torch_generator(rng)).numpy()
        else:
            torch.manual_seed(int(rng.integers(2**32)))
            order = torch.randperm(len(X)).numpy()
        test, train = order[:num_test], order[num_test:]
        return X[train], y[train], X[test], y[test]
    return split


if importlib.util.find_spec("torch") is not None:  # Colab-like venvs without PyTorch
    CASES += [
        (check_sample_with_temperature, (_torch_tokens(True),), CORRECT, None),
        (check_sample_with_temperature, (_torch_tokens(False),), WRONG,
         "PyTorch's global generator"),
        (check_train_test_split, (_torch_split(True),), CORRECT, None),
        (check_train_test_split, (_torch_split(False),), WRONG, "PyTorch's global generator"),
    ]
