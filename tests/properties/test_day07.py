"""day07_regression: the lesson's claims over several seeds (see conftest.py)."""

import math

import numpy as np
import pytest

from .conftest import SEEDS

NAME = "day07_regression"

# What the notebook records for these tests: run after its last cell, with RESULTS_PATH
# set by the runner (conftest.py).
RESULTS = """
save_results(RESULTS_PATH, best_loss=best_loss, gd_loss=runs[0.3][-1],
             diverged=[lr for lr in (0.01, 0.3, 1.02, 1.5) if lr not in runs],
             digits=digits, predicted_digits=predicted, kappa=kappa, kappa_unit=kappa_unit,
             digits_centred=digits_centred, digits_cs=digits_cs, kappa_cs=kappa_cs,
             qr_identical=qr_identical,
             scaled_digits={K: d for K, (_, _, d) in scaled.items()},
             scaled_rank={K: int(rank) for K, (_, rank, _) in scaled.items()},
             residual_rule=rule_k, residual_digits=digits_k, longley_second=second,
             flat_rule=rule_flat, flat_digits=digits_flat,
             gd_runs={name: [k, s] for name, (k, s) in runs_gd.items()},
             gd_bounds={name: steps_bound(k) for name, (k, _) in runs_gd.items()},
             ridge_gd={a: [k, s, steps_bound(k)] for a, (k, s) in ridge_gd.items()},
             num_epochs=NUM_EPOCHS,
             sgd_kappa={name: lam[-1] / lam[0] for name, lam in spectra.items()},
             sgd_best={f"{name}|{method}|{e}": [lr, v] for (name, method, e), (lr, v)
                       in best.items()},
             sgd_lead=[lead, lead_coarse], sgd_reversals=reversals,
             sgd_verdicts={f"{name}|{method}|{e}": v for (name, method, e), v
                           in verdicts.items()},
             sgd_offset={f"{name}|{e}": v for (name, _, e), (v, _) in verdicts_offset.items()},
             sgd_offset_best={f"{name}|{method}|{e}": [lr, v] for (name, method, e), (lr, v)
                              in best_offset.items() if e in budgets},
             sgd_offset_reversed=[f"{name}|{e}" for name, _, e in reversed_offset],
             offset_exact_from=exact_from, offset_sgd_below_to=sgd_below_to,
             sgd_gaps={f"{name}|{method}|{e}": g for (name, method, e), g in gaps.items()},
             held_out_sd={name: v.std(ddof=1) for name, v in held_out.items()},
             est_error=est_error, score_noise=score_noise,
             synthetic_lead=syn_lead,
             synthetic_verdicts={e: list(v) for e, v in syn_verdicts.items()},
             kappa_min_alpha=kappa_min_alpha,
             sgd_curves={k[1]: v for k, v in curves.items() if k[0] == ill},
             full_limit=limit, full_tuned={e: list(v) for e, v in tuned_full.items()},
             flat_share=share[flat_dirs].sum(), flat_total=share.sum(),
             flat_left=[left.sum(), left[flat_dirs].sum()],
             random_lstsq_loses=lstsq_loses,
             random_medians=np.median(random_digits, axis=0),
             r2_multi=r2_multi, r2_train=r2_train, r2_test=r2_test,
             sigma_ml=sigma_ml, best_sigma=best_sigma, sigma_unbiased=s,
             vif=vif, last_flip=last_flip, alpha_cv=alpha_cv, cv_mse=cv_mse, loo_ls=loo_ls,
             nested=nested, forecast_rmse={k: list(v) for k, v in forecast_rmse.items()},
             rolling=rolling, flattery=flattery,
             gnp={name: {"truth": truths[name][gnp], "ols": trade[name, 1]["ols"][gnp],
                         "ridge": trade[name, 1]["ridge"][gnp]} for name in "AB"},
             trade={f"{name} {factor:g}": {"ols": t["error ols"], "ridge": t["error ridge"],
                                           "fit ols": t["fit ols"], "fit ridge": t["fit ridge"],
                                           "oracle": t["oracle"]}
                    for (name, factor), t in trade.items()},
             sigma_long=sigma_long, slope=w_g[0], slope_sd=w_best[0], r=r, sd_ratio=sd_x / sd_y,
             farther=farther, sd_sex=sd_sex, sd_around=sd_around, sd_x=sd_x,
             galton_slopes=galton_slopes,
             bootstrap_interval=[low, high], bootstrap_sd=slopes.std(ddof=1), se_ols=se_ols,
             family_interval=[low_f, high_f], family_sd=slopes_family.std(ddof=1))
"""
# Keeps each run to a few seconds; the ridge simulation and the bootstrap keep their default
# sizes (they are cheap, and their comparisons need the resamples).
SMALL = {"NUM_SGD_SEEDS": 4, "NUM_SPLITS": 100}


@pytest.fixture(params=SEEDS)
def r(request, run_notebook):
    return run_notebook(NAME, request.param, **SMALL)


@pytest.fixture
def runs(run_notebook):
    return [run_notebook(NAME, seed, **SMALL) for seed in SEEDS]


def sgd_ratio(r, problem, method, epochs, against="full batch"):
    """SGD's geometric mean excess over its reporting seeds, over ``against``'s."""
    def logs(m):
        return np.log10(np.array(r["sgd_best"][f"{problem}|{m}|{epochs}"][1]))
    return 10 ** (logs(method).mean() - logs(against).mean())


def test_day07_gradient_descent_and_its_divergence(r):
    assert r["gd_loss"] == pytest.approx(r["best_loss"], rel=1e-6)  # GD reaches lstsq
    assert r["diverged"] == [1.02, 1.5]  # the slow divergence is caught too


def test_day07_qr_and_lstsq_beat_the_normal_equations_on_longley(r):
    d, p = r["digits"], r["predicted_digits"]
    through_normal = max(d["inv(A^T A) @ A^T y"], d["solve(A^T A, A^T y)"])
    assert min(d["QR: solve(R, Q^T y)"], d["lstsq(A, y)"]) >= through_normal + 3
    assert d["QR: solve(R, Q^T y)"] >= p["QR"] - 1
    assert through_normal >= p["normal equations"] - 1
    # the raw kappa predicts far fewer digits than QR keeps; column scaling is the reason
    assert -math.log10(np.finfo(float).eps * r["kappa"]) < d["QR: solve(R, Q^T y)"] - 4
    assert 1e4 < r["kappa_unit"] < 1e5 and r["kappa"] / r["kappa_unit"] > 1e4
    # centred, then scaled: kappa about 1e2, every method 10+ digits, the normal equations
    # 3+ more than uncentred, and QR and lstsq under 3 ahead of them; centred only, lstsq
    # gains nothing against [1, X] (the ones column stays tiny; by how much it loses depends
    # on the LAPACK build: none with NumPy 2.5.5's scipy-openblas)
    cs, centred = r["digits_cs"], r["digits_centred"]
    normal_cs = [cs["inv(A^T A) @ A^T y"], cs["solve(A^T A, A^T y)"]]
    assert r["kappa_cs"] < 200 and min(cs.values()) >= 10
    assert min(normal_cs) >= through_normal + 3
    assert min(cs["QR: solve(R, Q^T y)"], cs["lstsq(A, y)"]) - max(normal_cs) < 3
    assert centred["lstsq(A, y)"] < d["lstsq(A, y)"] + 0.5


def test_day07_qr_ignores_column_scaling_and_lstsq_does_not(r):
    assert r["qr_identical"]  # 20 random power-of-two scalings, drawn from the seed
    digits, rank = r["scaled_digits"], r["scaled_rank"]
    assert len({d["QR"] for d in digits.values()}) == 1  # the same digits for every K
    assert digits["0"]["lstsq"] - digits["5"]["lstsq"] >= 1  # kappa(A) barely changed
    assert digits["0"]["lstsq"] - digits["10"]["lstsq"] >= 3
    assert rank["0"] == rank["10"] == 7 and rank["15"] < 7
    # the reverse scaling: rank 6 and no digit, all from lstsq's cut-off (the SVD without
    # it keeps 8+ digits); at K = 10 the SVD without the cut-off loses as much (rounding)
    assert rank["-10"] < 7 and digits["-10"]["lstsq"] < 3 <= digits["-10"]["SVD, no cut-off"] - 5
    assert digits["10"]["SVD, no cut-off"] <= digits["0"]["lstsq"] - 3
    assert abs(digits["10"]["SVD, no cut-off"] - digits["10"]["lstsq"]) < 0.5  # as many
    assert digits["15"]["SVD, no cut-off"] >= digits["15"]["lstsq"] + 2  # K = 15: both
    assert 0.15 < r["random_lstsq_loses"] < 0.6  # 200 random scalings: Longley's are ordinary
    qr_median, lstsq_median = r["random_medians"]
    assert lstsq_median <= qr_median - 0.1  # lstsq's median a little below QR's
    assert all(6 < d["normal eq."] < 8.5 for d in digits.values())  # barely move


def test_day07_a_large_residual_costs_every_method_kappa_squared(r):
    rule = np.array(r["residual_rule"])  # (tan, problem)
    digits = np.array(r["residual_digits"])  # (tan, problem, solver: QR, lstsq, normal eq.)
    assert np.all(digits[:, :, :2] >= rule[:, :, None] - 0.5)  # the rule bounds the loss
    median = np.median(digits, axis=1)
    assert median[0, :2].min() - median[-1, :2].max() >= 4  # tan 1e-8 -> 1: 4+ digits lost
    assert median[-1, :2].max() <= median[-1, 2] + 2.5  # ... down near the normal equations
    assert np.ptp(median[:, 2]) < 1.5  # which pay kappa^2 whatever the residual
    assert median[0, :2].min() >= median[0, 2] + 5  # with a tiny residual QR is far ahead
    assert r["longley_second"] < r["kappa_unit"]  # Longley: the residual term is small
    flat_rule, flat = np.array(r["flat_rule"]), np.array(r["flat_digits"])
    assert np.all(flat[:, :2] >= flat_rule[:, None] - 0.5)  # eta = kappa: the rule holds ...
    assert np.median(flat[:, :2], axis=0).min() >= median[-1, :2].max() + 3  # ... and spares


def test_day07_descent_steps_track_the_condition_number(r):
    galton, longley = r["gd_runs"]["Galton, standardized"], r["gd_runs"]["Longley, standardized"]
    assert galton[1] == 1  # kappa = 1: one step at lr = 1/2
    assert 1.2e4 < longley[0] < 1.25e4
    assert 0.5 * r["gd_bounds"]["Longley, standardized"] < longley[1] <= r["gd_bounds"][
        "Longley, standardized"]
    kappas = [v[0] for v in r["ridge_gd"].values()]
    assert kappas == sorted(kappas, reverse=True)  # a larger penalty, a rounder loss ...
    assert 10 < r["kappa_min_alpha"] < 40  # ... up to alpha of about 20, not beyond
    for kappa, steps, bound in r["ridge_gd"].values():
        assert steps <= bound and 4 < steps / kappa < 7


def test_day07_sgd_and_full_batch_each_at_its_best_lr(r):
    n = r["num_epochs"]
    round_, ill = "round", "ill-conditioned"

    def best(problem, method, epochs):  # (lr, results of the reporting runs)
        lr, values = r["sgd_best"][f"{problem}|{method}|{epochs}"]
        return lr, np.array(values)

    def ratio(problem, method, epochs, against="full batch"):  # of geometric means
        return sgd_ratio(r, problem, method, epochs, against)

    assert r["sgd_kappa"][round_] == pytest.approx(1) and 6e3 < r["sgd_kappa"][ill] < 7e3
    # round: one full-batch step at lr 0.5 is exact; SGD is not there after one epoch
    lr, full = best(round_, "full batch", 1)
    assert lr == 0.5 and full[0] <= 1e-9
    sgd = best(round_, "SGD", 1)[1]
    assert np.all(sgd > 1e-9) and 1e-4 < sgd.mean() < 0.1
    # ... but only because the grid holds 0.5: on the grid moved by half a step (no
    # randomness in full batch) one step leaves a relative excess of about 2, and SGD is
    # lower after one epoch (the only verdict that reverses) and, on average, after two;
    # full batch reaches the 1e-9 floor from epoch 6 on, and is clearly lower at n and 4 n
    lr_off, full_off = r["sgd_offset_best"][f"{round_}|full batch|1"]
    assert lr_off != 0.5 and 1 < full_off[0] < 3
    assert r["offset_exact_from"] == 6 and r["offset_sgd_below_to"] >= 2
    offset = r["sgd_offset"]
    assert offset[f"{round_}|1"] == "SGD lower" and offset[f"{ill}|1"] == "SGD lower"
    for e in (n, 4 * n):
        assert offset[f"{round_}|{e}"] == "full batch lower", e
        assert offset[f"{ill}|{e}"] != "SGD lower", e
    assert r["sgd_offset_reversed"] == [f"{round_}|1"]
    # in square inches: after one epoch on the ill-conditioned problem the gap exceeds the
    # split-to-split sd of the held-out MSE; from n epochs on every gap, on both problems,
    # is under a tenth of the least-squares fit's estimation error, sigma^2 p / n_train,
    # itself a few hundredths of a square inch (optimization error well below estimation
    # error; the largest late gap: 0.01 of it at SEED 42; 0.007, 0.059 and 0.013 at these
    # SMALL parameters, SEEDs 0, 1, 2, measured with the earlier integer seeds); the
    # split-to-split sd is nearly all one held-out
    # score's own noise
    gaps, sd = r["sgd_gaps"], r["held_out_sd"]
    est, noise = r["est_error"], r["score_noise"]
    assert 0.4 < sd[ill] < 0.8 and 0.7 < sd[round_] < 1.4
    assert -gaps[f"{ill}|SGD|1"] > sd[ill] and -gaps[f"{ill}|SGD, decayed|1"] > sd[ill]
    for problem in (round_, ill):
        assert 0.02 < est[problem] < 0.05 and est[problem] < 0.1 * sd[problem], problem
        assert 0.75 < noise[problem] / sd[problem] < 1.25, problem
    for key, gap in gaps.items():
        problem, _, e = key.split("|")
        if int(e) > 1:
            assert abs(gap) < 0.1 * est[problem], (key, abs(gap) / est[problem])
    # ill-conditioned: after one epoch SGD is orders of magnitude closer ...
    assert best(ill, "SGD", 1)[1].mean() * 50 < best(ill, "full batch", 1)[1][0]
    # ... and stays ahead for the first epochs; full batch catches up after about ten, on
    # a grid of 16 lrs per decade and on every other one of them (8 per decade)
    lead, lead_coarse = r["sgd_lead"]
    assert 6 <= lead <= 15 and abs(lead - lead_coarse) <= 2
    verdicts = r["sgd_verdicts"]
    assert r["sgd_reversals"] == 0  # the halved grid never reverses a verdict
    for method in ("SGD", "SGD, decayed"):
        # round: full batch clearly lower after one epoch, SGD never clearly lower
        assert verdicts[f"{round_}|{method}|1"] == "full batch lower", method
        for e in (n, 4 * n):
            assert verdicts[f"{round_}|{method}|{e}"] != "SGD lower", (method, e)
        assert verdicts[f"{ill}|{method}|1"] == "SGD lower", method  # ill: SGD early ...
    for e in (n, 4 * n):  # ... constant-lr SGD never clearly lower at 20 and 80 epochs
        assert verdicts[f"{ill}|SGD|{e}"] != "SGD lower", e
    assert verdicts[f"{ill}|SGD|{4 * n}"] == "full batch lower"
    # (The figures over SEEDs below were measured when SGD's shuffles came from integer seeds
    # drawn from sgd_rng; they now come from spawned children, and the bounds still hold.)
    # decayed SGD against full batch, ill-conditioned: at or a little above it at n, below
    # it at 4 n at most SEEDs, not at all (5 reporting seeds are too few for the interval to
    # call it clear at most of them, 20 call it clear at SEEDs 42, 7 and 11).
    # The notebook states only this: at other budgets the verdict moves with the SEED (e.g.
    # at n, "full batch lower" at SEEDs 1, 3, 99 and 2024). At n the ratio is about 1.0 to
    # 1.1 at most SEEDs, but the lr the tuning seeds pick moves it: SEED 4 picks 0.077, not
    # the usual 0.018, and ends at 1.48
    # (NUM_SGD_SEEDS 5; at these SMALL parameters, SEEDs 0, 1, 2, 4, 5, 42: 1.00 to 1.34).
    # At 4 n: 1.022 at SEED 2 and 1.013 at SEED 3 at NUM_SGD_SEEDS 5 (0.58 to 0.91 at the
    # other SEEDs a review tried); 0.91, 0.65 and 0.90 at these SMALL parameters, SEEDs 0, 1,
    # 2. So "below 1 at most SEEDs" is asserted across the SEEDs, in the next test; here
    # only a bound that no SEED tried comes near.
    assert 0.8 < ratio(ill, "SGD, decayed", n) < 2.0
    assert 0.25 < ratio(ill, "SGD, decayed", 4 * n) < 1.2
    assert verdicts[f"{ill}|SGD, decayed|{4 * n}"] != "full batch lower"
    assert best(ill, "full batch", 4 * n)[1][0] < 1.2 * best(ill, "SGD", 4 * n)[1].mean()
    # full batch tuned for 1 or 2 epochs picks a rate above its stability limit 2/L, so its
    # excess rises from epoch 1 to 2 (no randomness: the same at every SEED)
    limit, tuned_full = r["full_limit"], r["full_tuned"]
    assert tuned_full["1"][0] > limit and tuned_full["2"][0] > limit
    assert tuned_full["2"][1] > tuned_full["1"][1] > 1
    # the two flattest directions: a sliver of the excess at theta = 0, but the plateau
    assert 900 < r["flat_total"] < 1000 and 0.5e-4 < r["flat_share"] < 2e-4
    left, left_flat = r["flat_left"]  # after 4 * n full-batch epochs, computed exactly ...
    assert left == pytest.approx(best(ill, "full batch", 4 * n)[1][0], rel=1e-3)  # = run
    assert left_flat > 0.95 * left  # ... nearly all of it in the two flattest directions
    # a synthetic ill-conditioned problem (5 equicorrelated features, rho 0.95): the verdicts
    # above are Galton's, not the methods'. There decayed SGD ends several times lower at n
    # and 4 n (ratio 0.003 to 0.41 over SEEDs 0-5 and 42, NUM_SGD_SEEDS 4 and 5), clearly at
    # 4 n (at n "level" at 2 of those 14), and full batch catches constant-lr SGD later than
    # on Galton (epoch 14 to 24 there)
    synthetic = r["synthetic_verdicts"]
    assert all(ratio < 0.5 for _, ratio in synthetic.values())
    assert synthetic[str(4 * n)][0] == "SGD lower"
    assert r["synthetic_lead"] > lead
    for problem in (round_, ill):
        lrs = [best(problem, "SGD", e)[0] for e in (1, n, 4 * n)]
        assert lrs[0] > lrs[1] > lrs[2], problem  # the best constant lr shrinks with budget
        for e in (n, 4 * n):  # a decaying lr ends lower than the best constant one, on
            # average (geometric means; 16 SEEDs: at most 0.80, and 0.89 at ill, 4 n)
            bound = 1.2 if (problem, e) == (ill, 4 * n) else 1
            assert ratio(problem, "SGD, decayed", e, against="SGD") < bound, (problem, e)



def test_day07_decayed_sgd_ends_below_full_batch_at_most_seeds(runs):
    # The notebook: decayed SGD against full batch on the ill-conditioned problem is lower
    # at 4 n "at most SEEDs but not all" (the ratio of geometric mean excesses is above 1
    # at some SEEDs, e.g. 2 and 3 at NUM_SGD_SEEDS 5).
    ratios = [sgd_ratio(r, "ill-conditioned", "SGD, decayed", 4 * r["num_epochs"])
              for r in runs]
    assert sum(ratio < 1 for ratio in ratios) > len(ratios) / 2, ratios


def test_day07_held_out_r2_is_close_to_training_r2_and_noisy_per_split(r):
    train, test = np.array(r["r2_train"]), np.array(r["r2_test"])
    assert abs(r["r2_multi"] - 0.635) < 5e-4  # Galton's data: no randomness
    assert abs(test.mean() - train.mean()) < 0.03  # little flattery with 4 parameters
    assert 0.58 < test.mean() < 0.67
    assert 0.02 < test.std(ddof=1) < 0.08  # but one split alone moves by several hundredths


def test_day07_least_squares_is_gaussian_maximum_likelihood(r):
    assert r["best_sigma"] == pytest.approx(r["sigma_ml"], rel=1e-3)  # grid step 0.1%
    assert r["sigma_unbiased"] / r["sigma_ml"] == pytest.approx(math.sqrt(934 / 930))


def test_day07_ridge_on_longley_scored_honestly(r):
    # Longley's data: no randomness, so these hold for every seed alike
    assert max(r["vif"]) > 1000  # GNP
    assert max(r["last_flip"], key=r["last_flip"].get) == "UNEMP"  # the last to turn positive
    assert r["last_flip"]["UNEMP"] > 10
    cv, loo_ls, nested = (np.array(r[k]) for k in ("cv_mse", "loo_ls", "nested"))
    assert loo_ls.mean() == pytest.approx(cv[0], rel=1e-6)  # e_i / (1 - h_ii)
    assert r["alpha_cv"] > 0 and cv.min() < cv[0]  # the CV curve's minimum flatters ridge
    assert nested.mean() > cv.min()  # ... which nesting removes
    diff = nested - loo_ls
    assert abs(diff.mean()) < 2 * diff.std(ddof=1) / math.sqrt(diff.size)  # no detectable
    assert 5 <= np.sum(diff < 0) <= 11  # ridge closer in about half the years
    ratios = [ridge / ls for ls, ridge in r["forecast_rmse"].values()]
    assert min(ratios) < 0.5 and max(ratios) > 4  # a single split can tell either story
    rolling = np.array(r["rolling"])
    d = rolling[:, 1] - rolling[:, 0]
    assert abs(d.mean()) < 2 * d.std(ddof=1) / math.sqrt(d.size)
    assert r["flattery"] > 3  # left-out error several times the training error


def test_day07_ridge_trades_bias_for_variance_depending_on_truth_and_noise(r):
    def relative(key, error=""):  # ridge's error minus least squares', and its standard error
        t = r["trade"][key]
        diff = np.array(t[f"{error}ridge"]) - np.array(t[f"{error}ols"])
        return diff.mean(), diff.std(ddof=1) / math.sqrt(diff.size)

    # the coefficients' error ||w - w*||^2 and the fitted mean's ||Z (w - w*)||^2
    for key, sign in (("A 1", 1), ("B 1", -1), ("A 0.5", 1), ("A 4", -1)):
        for error in ("", "fit "):
            mean, se = relative(key, error)
            assert sign * mean > 5 * se, (key, error)  # A: ridge worse, unless the noise is
            # loud; B: better
    assert relative("A 2")[0] < relative("A 1")[0]  # louder noise tips the balance ...
    # ... at twice the noise for the coefficients (2.6 to 4.8 standard errors below 0 over
    # SEEDs 0-5), not for the fitted mean (5.2 to 6.7 above 0): the verdicts part there
    mean, se = relative("A 2")
    assert mean < -2 * se
    mean, se = relative("A 2", "fit ")
    assert mean > 4 * se
    for key, t in r["trade"].items():  # least squares' fitted-mean error: sigma^2 per weight
        sigma2 = (float(key.split()[1]) * r["sigma_long"]) ** 2
        assert np.mean(t["fit ols"]) / sigma2 == pytest.approx(6, rel=0.1), key
    for key, t in r["trade"].items():
        assert min(t["oracle"]) < t["oracle"][0], key  # some fixed alpha beats least squares
    b = r["trade"]["B 1"]
    assert np.mean(b["ridge"]) < 0.5 * np.mean(b["ols"])  # B: several times more accurate
    gnp_a, gnp_b = r["gnp"]["A"], r["gnp"]["B"]
    sd = {k: (np.std(g["ols"], ddof=1), np.std(g["ridge"], ddof=1)) for k, g in r["gnp"].items()}
    assert np.mean(gnp_a["ridge"]) - gnp_a["truth"] > 0.2 * sd["A"][0]  # A: shifted ...
    assert 0.8 < sd["A"][1] / sd["A"][0] < 1.2  # ... about as wide
    assert sd["B"][1] < 0.7 * sd["B"][0]  # B: narrower ...
    assert abs(np.mean(gnp_b["ridge"]) - gnp_b["truth"]) < 0.1 * sd["B"][0]  # ... and centred


def test_day07_galton_slope_correlation_and_its_uncertainty(r):
    assert r["r"] == pytest.approx(0.3209, abs=1e-4)  # Galton's data: no randomness
    assert r["slope_sd"] == pytest.approx(1.1481, abs=1e-4)
    assert r["sd_ratio"] == pytest.approx(0.50, abs=0.005)
    pooled, galton, sons, daughters, indicator = r["galton_slopes"].values()
    assert galton == pytest.approx(0.713, abs=1e-3)  # daughters x 1.08: near Galton's 2/3
    assert pooled < min(sons, daughters) and daughters < indicator < sons
    low, high = r["bootstrap_interval"]
    assert 0.45 < low < r["slope"] < high < 0.85  # stable, and well below 1
    assert high - low < 0.35
    # the bootstrap sd estimates the OLS standard error: sd of a sd from B resamples is
    # about sd / sqrt(2 B); 5 of those, plus 10% for what the closed form assumes
    tolerance = 5 / math.sqrt(2 * 2_000) + 0.1  # NUM_BOOTSTRAP's default
    assert abs(math.log(r["bootstrap_sd"] / r["se_ols"])) < tolerance
    # resampling families widens the interval a little; slope 1 stays far outside
    assert 1.0 < r["family_sd"] / r["bootstrap_sd"] < 1.4
    assert r["family_interval"][1] < 0.85


def test_day07_most_children_are_more_extreme_than_their_mid_parent(run_notebook):
    # Galton's data, no randomness: asserted once, at the first SEED. Regression toward the
    # mean is about E[y | x]; most children are farther from the mean than their mid-parent.
    r = run_notebook(NAME, SEEDS[0], **SMALL)
    farther = r["farther"]
    assert farther["all children"] == pytest.approx(0.771, abs=1e-3)
    assert 0.6 < farther["sons"] < 0.7 and 0.6 < farther["daughters"] < 0.7
    assert min(r["sd_sex"].values()) > r["sd_x"] and r["sd_around"] > r["sd_x"]


def test_one_family_per_child_probe_spares_right_draws():
    """The probe that names 'one family per child' fires on that mistake only: a right draw
    of G families (whose counts c give the slope of the draw 3c on equal families of three)
    and a draw of 3G families are not taken for it."""
    from helpers.checks import day07 as checks

    def boot(draws):
        def func(x, y, family, num_boot, rng):
            g = family.max() + 1
            members = [np.flatnonzero(family == k) for k in range(g)]
            out = np.empty(num_boot)
            for r in range(num_boot):
                rows = np.concatenate([members[k] for k in rng.integers(g, size=draws(x, g))])
                xc = x[rows] - x[rows].mean()
                out[r] = xc @ (y[rows] - y[rows].mean()) / (xc @ xc)
            return out
        return func

    assert checks._draws_one_family_per_child(boot(lambda x, g: len(x)))
    assert not checks._draws_one_family_per_child(boot(lambda x, g: g))
    assert not checks._draws_one_family_per_child(boot(lambda x, g: 3 * g))
