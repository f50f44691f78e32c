"""The benchmark is not part of `make test`, but this keeps it from rotting (tiny sizes)."""

import numpy as np
import pytest


@pytest.fixture(scope="module")
def bench(load_tool):
    return load_tool("benchmarks/bench_vectorized.py")


def test_quick_run_produces_every_row(bench, capsys):
    rows = bench.main(["--quick"])
    assert len(rows) == 7
    assert all(t_slow > 0 and t_fast > 0 for _, _, t_slow, _, t_fast in rows)
    out = capsys.readouterr().out
    assert "| task |" in out and "runs (seeds x arms) per second" in out


def test_compared_versions_compute_the_same_thing(bench):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 3))
    y = X @ np.array([1.0, 2.0, 3.0]) + 0.5
    theta = bench.regression_inv(X, y)
    w, b = bench.regression_lstsq(X, y)
    assert np.allclose(theta, np.r_[b, w])
    means, stds = bench.per_n_exact(rng, 2000)
    assert means.shape == stds.shape == (2000,) and stds[0] == 0
    assert abs(np.mean(np.abs(means) < 2 / np.sqrt(np.arange(1, 2001))) - 0.954) < 0.03


def test_the_stacked_trainer_is_timed_on_the_same_runs_as_the_loop(bench):
    """The batched and the looped trainer compute the same test accuracies, exactly."""
    for runs in (bench.DAY6, bench.DAY10):
        small = runs._replace(num_seeds=2, num_train=60, num_epochs=2)
        loop, stacked = bench.trainer_loop(small), bench.trainer_stacked(small)
        assert loop.shape == (2 * len(runs.arms),) and np.array_equal(loop, stacked)
