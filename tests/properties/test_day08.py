"""day08_law_of_large_numbers: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest
from scipy import stats

from .conftest import SEEDS

NAME = "day08_law_of_large_numbers"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
inside_1se = np.abs(means - mu) < band
checkpoints = np.unique(np.logspace(1, np.log10(NUM_DRAWS), 9).astype(int))
save_results(RESULTS_PATH, mu=mu, sigma=sigma, checkpoints=checkpoints,
             mean_errors=means[checkpoints - 1] - mu, final_std=stds[-1], p=p,
             frequencies=running_freq[checkpoints - 1], mc_slope=slope,
             cauchy_iqr={str(m): v for m, v in iqr.items()},
             num_cauchy_means=NUM_CAUCHY_MEANS, empty_mean_is_nan=bool(np.isnan(empty_mean)),
             speedup=speedup, share_outside=share_outside, exact_outside=exact_outside,
             num_reps=NUM_REPS, inside_2se=inside, num_classic=int(ns.size),
             clt_std={f"{name} {size}": sample_means[name, size].std()
                      for name in dists for size in sizes},
             clt_theory={f"{name} {size}": s / np.sqrt(size)
                         for name, (_, _, s) in dists.items() for size in sizes},
             exp_skew={str(size): skewness(sample_means["exponential", size])
                       for size in sizes}, num_means=NUM_MEANS,
             ar_inflation=ar_se * math.sqrt(ar_n), ar_theory=inflation, ar_paths=ar_paths,
             ar_factor_negative=ar_se_negative * math.sqrt(ar_n),
             ar_theory_negative=factor_negative,
             left_band=left_band, slope_pareto=slope_pareto, slope_normal=slope_normal,
             kolmogorov={f"{name} {size}": distance[name, size]
                         for name in dists for size in sizes},
             kolmogorov_noise=noise.tolist(),
             pi_mean=pi_hat[:, -1].mean(), pi_se=pi_se, num_runs=NUM_RUNS,
             pi_final=pi_hat[:, -1], p_hit={str(d): v for d, v in p_hit.items()},
             measured_constant={str(d): v for d, v in measured.items()},
             measured_constant_se={str(d): v for d, v in measured_se.items()},
             ball_runs=ball_runs, cauchy_at=cauchy_at,
             left_1se_band=bool((~inside_1se).any()),
             reentered_1se_band=bool((~inside_1se[:-1] & inside_1se[1:]).any()))
"""
SMALL = {"NUM_DRAWS": 20_000, "MAX_N": 2_000, "NUM_MEANS": 5_000, "NUM_RUNS": 16,
         "NUM_CAUCHY_MEANS": 1_000, "NUM_REPS": 2_000}  # keeps each run to a few seconds


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_law_of_large_numbers(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    n = np.array(r["checkpoints"])
    # the running-mean error shrinks like sigma / sqrt(n)
    assert np.all(np.abs(r["mean_errors"]) < 5 * r["sigma"] / np.sqrt(n))
    assert abs(r["final_std"] - r["sigma"]) < 5 * r["sigma"] / math.sqrt(2 * n[-1])
    # categorical frequencies approach p
    p, freq = np.array(r["p"]), np.array(r["frequencies"])
    assert np.all(np.abs(freq - p) < 5 * np.sqrt(p * (1 - p) / n[:, None]))
    # Monte Carlo error ~ n^(-1/2)
    assert -0.65 < r["mc_slope"] < -0.35


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_the_lln_fails_for_cauchy(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    # the mean of m standard Cauchy draws is standard Cauchy: IQR exactly 2 for every m;
    # the sample IQR of N values has standard error about 3.14 / sqrt(N)
    tolerance = 5 * 3.14 / math.sqrt(r["num_cauchy_means"])
    for m, iqr in r["cauchy_iqr"].items():
        assert abs(iqr - 2) < tolerance, m
    assert r["cauchy_iqr"]["1000"] > 20 * 1.349 / math.sqrt(1000)  # a normal mean: 0.04


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_classic_loop_vectorized_choice_and_the_frequency_band(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    assert r["empty_mean_is_nan"] is True  # range(11200) starts with n = 0
    assert r["speedup"] >= 10
    # independent normal means: exactly normal, inside ±2/sqrt(n) with probability 0.9545
    q, m = math.erf(2 / math.sqrt(2)), r["num_classic"]
    assert abs(r["inside_2se"] - q) < 5 * math.sqrt(q * (1 - q) / m)
    # a frequency leaves its one-standard-error yardstick sqrt(0.25/n) as often as the
    # binomial distribution says (n = 1,000)
    n, band = 1_000, math.sqrt(0.25 / 1_000)
    k = np.arange(n + 1)
    for pj, share, exact in zip(r["p"], r["share_outside"], r["exact_outside"], strict=True):
        want = stats.binom.pmf(k, n, pj)[np.abs(k / n - pj) > band].sum()
        assert exact == pytest.approx(want, rel=1e-9)
        assert abs(share - want) < 5 * math.sqrt(want * (1 - want) / r["num_reps"])


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_width_is_exact_and_the_shape_becomes_normal(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    big_n = r["num_means"]
    excess_kurtosis = {"uniform": -1.2, "exponential": 6.0}
    for key, theory in r["clt_theory"].items():  # sigma / sqrt(n) for EVERY n, even 1
        name, size = key.split()
        # the sd of a sample sd is sd * sqrt((kurtosis - 1) / (4 N)), kurtosis 3 + excess/n
        rel = 5 * math.sqrt((2 + excess_kurtosis[name] / int(size)) / (4 * big_n))
        assert r["clt_std"][key] == pytest.approx(theory, rel=rel), key
    # the exponential's skewness 2/sqrt(n): still clearly positive at n = 30
    for size in (5, 30):
        assert abs(r["exp_skew"][str(size)] - 2 / math.sqrt(size)) < 0.3
    assert r["exp_skew"]["30"] > 0.1


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_independence_paths_and_heavy_tails(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    # AR(1): the sd of the mean is inflated by sqrt((1 + rho)/(1 - rho)) (log sd within
    # 5 standard errors, sqrt(1/(2(paths - 1))) each, plus the finite-n correction of ~1%)
    tol = 5 / math.sqrt(2 * (r["ar_paths"] - 1)) + 0.02
    assert abs(math.log(r["ar_inflation"] / r["ar_theory"])) < tol
    # negative correlation (rho = -0.5) shrinks it instead: below 1, near sqrt(1/3)
    assert r["ar_theory_negative"] < 1
    assert abs(math.log(r["ar_factor_negative"] / r["ar_theory_negative"])) < tol
    # a fixed-n band is not a path bound: some of 100 paths leave it after n = 1% of the run
    assert r["left_band"] > 0.05
    # Pareto(1.5): averages settle, but more slowly than 1/sqrt(m)
    assert -0.45 < r["slope_pareto"] < -0.1 and abs(r["slope_normal"] + 0.5) < 0.1


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_distance_to_normal_and_monte_carlo_constants(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    k = r["kolmogorov"]
    # exact Kolmogorov distances of standardized means of n exponentials, from SciPy's
    # gamma distribution, plus the sampling noise of NUM_MEANS values
    noise = 2.2 / math.sqrt(r["num_means"])  # P(KS > 2.2 / sqrt(N)) is about 2e-4
    for size in (1, 2, 5, 30):
        z = np.linspace(-6, 12, 20_001)
        exact = np.max(np.abs(stats.gamma.cdf(size + z * math.sqrt(size), size)
                              - stats.norm.cdf(z)))
        assert abs(k[f"exponential {size}"] - exact) < noise, (size, exact)
    assert k["exponential 1"] > k["exponential 5"] > k["exponential 30"]
    # exact samples' distances follow Kolmogorov's distribution (SciPy's kstwo)
    exact_noise = np.array(r["kolmogorov_noise"])
    null = stats.kstwo(r["num_means"])
    se = null.std() / math.sqrt(exact_noise.size)
    assert abs(exact_noise.mean() - null.mean()) < 5 * se
    assert abs(np.mean(exact_noise < null.ppf(0.95)) - 0.95) < 5 * math.sqrt(0.95 * 0.05 / 200)
    # pi: the printed standard error is that of the mean of the runs
    final = np.array(r["pi_final"])
    assert r["pi_se"] == pytest.approx(final.std(ddof=1) / math.sqrt(r["num_runs"]))
    # the ball's hit probability: V_d / 2^d from SciPy's gamma function
    for d, p_hit in r["p_hit"].items():
        d = int(d)
        assert p_hit == pytest.approx(np.pi ** (d / 2) / math.gamma(d / 2 + 1) / 2**d)
    constants = [math.sqrt((1 - v) / v) for v in r["p_hit"].values()]
    assert constants == sorted(constants)  # the constant grows with the dimension
    runs = r["ball_runs"]
    assert runs == min(max(r["num_runs"], 32), 64)  # at least 32 runs, at most 64
    for d, seen in r["measured_constant"].items():
        exact = math.sqrt((1 - r["p_hit"][d]) / r["p_hit"][d])
        # the sd of the ball's runs: within 5 standard errors of log sd, plus the noise of
        # the few hits at d = 10
        assert abs(math.log(seen / exact)) < 5 / math.sqrt(2 * (runs - 1)) + 0.1
        # the printed ± is the standard error of an sd from that many runs
        assert r["measured_constant_se"][d] == pytest.approx(seen / math.sqrt(2 * (runs - 1)))


@pytest.mark.parametrize("seed", SEEDS)
def test_day08_running_mean_leaves_and_reenters_its_band(run_notebook, seed):
    r = run_notebook(NAME, seed, **SMALL)
    # "What you'll do": the running mean goes along its ±sigma/sqrt(n) band, which it
    # leaves and re-enters (for every seed, not only the stored one)
    assert r["left_1se_band"] and r["reentered_1se_band"]
    # the Cauchy labels are the sizes that fit NUM_DRAWS, ending at NUM_DRAWS
    assert r["cauchy_at"] == [10, 1_000, SMALL["NUM_DRAWS"]]
