"""Vectorized course code against the loop code found in common material.

Usage: ``make bench`` (or ``python benchmarks/bench_vectorized.py [--quick] [--repeat N]``).
Prints a Markdown table of median times and ratios, then the MLP trainer's runs per second
and the machine's load average (the trainer's ratio moves with other work on the machine);
the README's performance section records one run. Not part of ``make test`` (timings vary); ``--quick`` shrinks every size so
a smoke test can check that the script still runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import timeit
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from helpers.data import load_digits
from helpers.experiment import streams_from
from helpers.init import he_normal
from helpers.nn import MLP, MLPStack, train_sgd, train_sgd_stacked
from helpers.regression import fit_least_squares
from helpers.stats import running_mean, running_std


def categorical_loop(rng, n, p):
    return np.array([rng.choice(3, p=p) for _ in range(n)])


def categorical_vectorized(rng, n, p):
    return rng.choice(3, size=n, p=p)


def per_n_loop(rng, max_n):
    """The classic plot: a fresh sample for every n (quadratic number of draws)."""
    means, stds = [], []
    for n in range(1, max_n + 1):
        x = rng.standard_normal(n)
        means.append(x.mean())
        stds.append(x.std())
    return np.array(means), np.array(stds)


def per_n_running(rng, max_n):
    """One path: running mean and std of max_n draws (linear)."""
    x = rng.standard_normal(max_n)
    return running_mean(x), running_std(x)


def per_n_exact(rng, max_n):
    """Independent points with the loop's exact distribution (linear, Day 8)."""
    ns = np.arange(1, max_n + 1)
    stds = np.zeros(max_n)
    stds[1:] = np.sqrt(rng.chisquare(ns[1:] - 1) / ns[1:])
    return rng.standard_normal(max_n) / np.sqrt(ns), stds


def legacy_randn(_rng, n):
    return np.random.randn(n)  # noqa: NPY002 - the legacy API, measured on purpose


def generator_normal(rng, n):
    return rng.standard_normal(n)


def regression_inv(X, y):
    A = np.column_stack([np.ones(len(X)), X])
    return np.linalg.inv(A.T @ A) @ A.T @ y


def regression_lstsq(X, y):
    return fit_least_squares(X, y)


class Runs(NamedTuple):
    """A comparison of seeded MLP runs on the digits: per seed, its own split, and one run
    per arm (dropout probability) with that seed's streams, as Days 6 and 10 do."""

    sizes: tuple[int, ...]
    arms: tuple[float, ...]
    num_seeds: int
    num_train: int
    num_epochs: int
    batch_size: int
    lr: float


#: Day 6's comparison (the network and batch size of Days 5 and 6): 10 seeds x (no
#: dropout, dropout 0.5), 300 training images, 20 epochs (190 steps; Day 6 takes 800).
DAY6 = Runs((64, 128, 128, 10), (0.0, 0.5), 10, 300, 20, 32, 0.1)
#: Day 10's experiment (helpers.experiment.Config): 64-32-10, dropout 0.2, 1438 images.
DAY10 = Runs((64, 32, 10), (0.2,), 20, 1438, 10, 64, 0.2)


def _runs_and_data(runs: Runs) -> tuple[list, list, list, list, list]:
    """[(streams, dropout_p)] of every run, and each run's training and test rows."""
    X, y = load_digits()
    X = X / 16.0
    seeds = np.random.SeedSequence(2026).spawn(runs.num_seeds)
    arms = [(streams_from(seed, ("split", "init", "shuffle", "dropout")), p)
            for seed in seeds for p in runs.arms]
    orders = [streams["split"].permutation(len(y)) for streams, _ in arms]
    n = runs.num_train
    return (arms, [X[o[:n]] for o in orders], [y[o[:n]] for o in orders],
            [X[o[n:]] for o in orders], [y[o[n:]] for o in orders])


def trainer_loop(runs: Runs) -> np.ndarray:
    """One ``train_sgd`` call per run (what Days 5, 6 and 10 do): each run's test accuracy."""
    arms, X_train, y_train, X_test, y_test = _runs_and_data(runs)
    accuracies = []
    for k, (streams, p) in enumerate(arms):
        model = MLP(runs.sizes, streams["init"], init=he_normal, dropout_p=p)
        train_sgd(model, X_train[k], y_train[k], lr=runs.lr, num_epochs=runs.num_epochs,
                  batch_size=runs.batch_size, rng=streams["shuffle"],
                  dropout_rng=streams["dropout"], eval_every=runs.num_epochs)
        accuracies.append(model.accuracy(X_test[k], y_test[k]))
    return np.array(accuracies)


def trainer_stacked(runs: Runs) -> np.ndarray:
    """The same runs in one ``train_sgd_stacked`` call: the same test accuracies, exactly."""
    arms, X_train, y_train, X_test, y_test = _runs_and_data(runs)
    stack = MLPStack([MLP(runs.sizes, streams["init"], init=he_normal, dropout_p=p)
                      for streams, p in arms])
    history = train_sgd_stacked(
        stack, np.stack(X_train), np.stack(y_train), lr=runs.lr, num_epochs=runs.num_epochs,
        batch_size=runs.batch_size, rngs=[streams["shuffle"] for streams, _ in arms],
        dropout_rngs=[streams["dropout"] for streams, _ in arms], X_test=np.stack(X_test),
        y_test=np.stack(y_test), eval_every=runs.num_epochs, on_divergence="raise")
    return history["test_acc"][:, -1]


def _describe(runs: Runs, day: int) -> str:
    return (f"train {runs.num_seeds * len(runs.arms)} MLPs {'-'.join(map(str, runs.sizes))} "
            f"(Day {day}), {runs.num_epochs} epochs")


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    return statistics.median(timeit.repeat(fn, number=1, repeat=repeat))


def main(argv: list[str] | None = None) -> list[tuple[str, str, float, str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (smoke test)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case")
    args = parser.parse_args(argv)
    scale = 100 if args.quick else 1
    repeat = 1 if args.quick else args.repeat
    n_cat, max_n, n_norm = 100_000 // scale, 11_000 // scale, 1_000_000 // scale
    rng = np.random.default_rng(0)
    np.random.seed(0)  # noqa: NPY002 - for the legacy case only
    p = np.array([0.3, 0.6, 0.1])
    X = rng.normal(size=(20_000 // scale, 50))
    y = X @ rng.normal(size=50) + rng.normal(size=len(X))
    day6, day10 = DAY6, DAY10
    if args.quick:
        day6 = day6._replace(num_seeds=1, num_train=50, num_epochs=1)
        day10 = day10._replace(num_seeds=2, num_train=50, num_epochs=1)

    # (task, common code, its function, [(course code, its function), ...])
    cases = [
        (f"{n_cat:,} categorical samples", "one choice() call per sample",
         lambda: categorical_loop(rng, n_cat, p),
         [("one choice(size=n) call", lambda: categorical_vectorized(rng, n_cat, p))]),
        (f"mean/std for every n up to {max_n:,}", "fresh sample per n (loop)",
         lambda: per_n_loop(rng, max_n),
         [("running_mean / running_std", lambda: per_n_running(rng, max_n)),
          ("exact sampling distributions", lambda: per_n_exact(rng, max_n))]),
        (f"{n_norm:,} standard normals", "legacy np.random.randn",
         lambda: legacy_randn(rng, n_norm),
         [("Generator.standard_normal", lambda: generator_normal(rng, n_norm))]),
        (f"least squares, X {X.shape[0]:,} x {X.shape[1]}", "inv(A^T A) @ A^T y",
         lambda: regression_inv(X, y),
         [("lstsq (fit_least_squares)", lambda: regression_lstsq(X, y))]),
        (_describe(day6, 6), "a loop of train_sgd over the runs", lambda: trainer_loop(day6),
         [("one train_sgd_stacked call (same results)", lambda: trainer_stacked(day6))]),
        (_describe(day10, 10), "a loop of train_sgd over the runs",
         lambda: trainer_loop(day10),
         [("one train_sgd_stacked call (same results)", lambda: trainer_stacked(day10))]),
    ]
    rows = []
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())  # other work on the machine
    print(f"NumPy {np.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores, "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}; "
          f"median of {repeat} run(s)\n")
    print("| task | loop / common code | seconds | course code | seconds | speed-up |")
    print("| --- | --- | ---: | --- | ---: | ---: |")
    for task, slow_name, slow, fast_versions in cases:
        t_slow = median_seconds(slow, repeat)  # timed once, compared with every version
        for fast_name, fast in fast_versions:
            t_fast = median_seconds(fast, repeat)
            rows.append((task, slow_name, t_slow, fast_name, t_fast))
            print(f"| {task} | {slow_name} | {t_slow:.4f} | {fast_name} | {t_fast:.4f} | "
                  f"{t_slow / t_fast:.1f}x |", flush=True)
    print()
    for runs, row in ((day6, rows[-2]), (day10, rows[-1])):
        num_runs = runs.num_seeds * len(runs.arms)
        print(f"{row[0]}: {num_runs / row[2]:.1f} runs (seeds x arms) per second in a loop, "
              f"{num_runs / row[4]:.1f} stacked")
    print(f"load average (1, 5, 15 min) before the runs: {load}; after: "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    return rows


if __name__ == "__main__":
    main()
