"""The fingerprint recorded in helpers.reproducibility matches the pinned environment."""

import re
from pathlib import Path

import numpy as np

from helpers import reproducibility as rep


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
    # stream NumPy 2.5.0 changed); the fingerprint must reach both.
    assert 10 * 0.3 < 30 <= 1000 * 0.4


def test_report_says_whether_numbers_match(monkeypatch):
    report = rep.fingerprint_report()
    assert "should match" in report and "not the BLAS" in report
    assert all(len(line) <= 100 for line in report.splitlines())
    changed = dict(rep.RECORDED_DRAWS, **{"binomial (n=1000, BTPE)": -1})
    monkeypatch.setattr(rep, "RECORDED_DRAWS", changed)
    report = rep.fingerprint_report()
    assert "differ from the recorded ones in: binomial (n=1000, BTPE)." in report
    assert all(len(line) <= 100 for line in report.splitlines())


def test_blas_is_named():
    # NumPy's wheels: "scipy-openblas 0.3.31.188.0" from 2.0 on, "openblas64 0.3.23.dev" on 1.26
    assert re.fullmatch(r"\S*openblas\S* \d\S*", rep.blas_name()), rep.blas_name()
