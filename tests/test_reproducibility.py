"""The fingerprint recorded in helpers.reproducibility matches the pinned environment."""

import re
import time
from pathlib import Path

import numpy as np
import pytest

from helpers import reproducibility as rep

PINNED = np.__version__ == rep.RECORDED_NUMPY


def test_recorded_version_is_the_pinned_one():
    lock = Path(rep.__file__).resolve().parents[1] / "requirements.txt"
    assert f"numpy=={rep.RECORDED_NUMPY}\n" in lock.read_text(encoding="utf-8")


def test_pinned_environment_reproduces_the_recorded_draws():
    # In the pinned environment (make test) the streams must match what we recorded.
    assert np.__version__ == rep.RECORDED_NUMPY
    assert rep.fingerprint() == rep.RECORDED_DRAWS


def test_first_draws_are_pcg64_seeded_with_zero():
    # Independent of the helper: the first doubles of PCG64(SeedSequence(0)).
    reference = np.random.Generator(np.random.PCG64(np.random.SeedSequence(0)))
    draws = rep.fingerprint()
    assert draws["random"] == round(reference.random(), 8)
    assert draws["standard_normal"] == round(reference.standard_normal(), 8)


def test_binomial_is_drawn_on_both_of_numpys_algorithms():
    # NumPy uses inversion for n * min(p, 1 - p) < 30 and BTPE above (the branch whose
    # stream NumPy 2.5.0 changed); the fingerprint must reach both, at every scale of n.
    assert 10 * 0.3 < 30 <= 1000 * 0.4
    ns, ps = np.meshgrid(rep.BINOMIAL_NS, rep.BINOMIAL_PS)
    btpe = ns * np.minimum(ps, 1 - ps) >= 30
    assert btpe.any() and (~btpe).any()
    assert {int(n) for n in ns[btpe]} >= {300, 1_000, 10_000, 1_000_000}


def test_the_large_n_binomial_reaches_the_first_draw_numpy_2_5_changed():
    # default_rng(0).binomial(1000, 0.4) first differs at draw 3,597 (index 3596) on
    # NumPy 2.5: changing that one draw must change the recorded digest.
    draws = np.random.default_rng(0).binomial(1000, 0.4, size=20_000)
    assert rep._digest(draws) == rep.fingerprint()["binomial (n=1000, p=0.4) x 20000"]
    draws[3596] += 1
    assert rep._digest(draws) != rep.fingerprint()["binomial (n=1000, p=0.4) x 20000"]


@pytest.mark.skipif(not PINNED, reason="the values NumPy 2.4 gives")
def test_legacy_multinomial_is_drawn_with_a_zero_probability():
    # numpy#32299: RandomState.multinomial changed in 2.5.0 where a probability is 0; the
    # issue's own example, RandomState(1234).multinomial(2, [0.5, 0, 0.5, 0, 0, 0], 5),
    # gives these rows on NumPy 2.4 (on 2.5.0 the second row is [2, 0, 0, 0, 0, 0]).
    rows = np.random.RandomState(1234).multinomial(2, [0.5, 0, 0.5, 0, 0, 0], 5)
    expected = [[0, 0, 2, 0, 0, 0], [1, 0, 1, 0, 0, 0], [2, 0, 0, 0, 0, 0],
                [1, 0, 1, 0, 0, 0], [2, 0, 0, 0, 0, 0]]
    assert rows.tolist() == expected


def test_digest_is_of_values_not_of_dtype_or_byte_order():
    ints = np.arange(10)
    assert rep._digest(ints) == rep._digest(ints.astype(np.int32)) == rep._digest(
        ints.astype(">i8"))
    floats = np.linspace(0, 1, 7)
    assert rep._digest(floats) == rep._digest(floats + 1e-12)  # rounded to 8 decimals
    assert rep._digest(floats) != rep._digest(floats + 1e-6)


def test_fingerprint_is_fast():
    # it runs at the top of every notebook: a few milliseconds (generous bound for CI load)
    start = time.perf_counter()
    rep.fingerprint_report()
    assert time.perf_counter() - start < 0.5


@pytest.mark.skipif(not PINNED, reason="the all-clear is printed with the pinned NumPy")
def test_report_says_whether_numbers_match(monkeypatch):
    report = rep.fingerprint_report()
    assert "should match" in report and "not the BLAS" in report
    assert f"all {len(rep.RECORDED_DRAWS)} recorded samples match" in report
    assert all(len(line) <= 100 for line in report.splitlines())
    changed = dict(rep.RECORDED_DRAWS, **{"binomial (n=1000, BTPE)": -1})
    monkeypatch.setattr(rep, "RECORDED_DRAWS", changed)
    report = rep.fingerprint_report()
    assert "differ from the recorded ones in: binomial (n=1000, BTPE)." in report
    assert all(len(line) <= 100 for line in report.splitlines())


def test_report_of_many_changes_wraps_within_100_characters(monkeypatch):
    monkeypatch.setattr(rep, "RECORDED_DRAWS", {name: None for name in rep.RECORDED_DRAWS})
    report = rep.fingerprint_report()
    assert "should match" not in report
    assert all(name in " ".join(report.split()) for name in rep.RECORDED_DRAWS)
    assert all(len(line) <= 100 for line in report.splitlines())


@pytest.mark.skipif(np.lib.NumpyVersion(np.__version__) < "2.5.0",
                    reason="runs in a NumPy 2.5 environment (the newest-NumPy test run)")
def test_numpy_2_5_changes_are_reported():
    # Seen with NumPy 2.5.5: these four differ, so the all-clear must not be printed.
    report = " ".join(rep.fingerprint_report().split())
    assert "should match" not in report
    for name in ("binomial (n=1000, p=0.4) x 20000", "binomial (24 pairs of n, p) x 500",
                 "multinomial (n=1000) x 2000", "RandomState.multinomial (a zero p) x 100"):
        assert name in report


def test_blas_is_named():
    # NumPy's wheels: "scipy-openblas 0.3.31.188.0" from 2.0 on, "openblas64 0.3.23.dev" on 1.26
    assert re.fullmatch(r"\S*openblas\S* \d\S*", rep.blas_name()), rep.blas_name()
