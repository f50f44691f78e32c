"""The fingerprint recorded in helpers.reproducibility matches the pinned environment."""

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


def test_first_draw_is_pcg64_seeded_with_zero():
    # Independent of the helper: the first double of PCG64(SeedSequence(0)).
    expected = np.random.Generator(np.random.PCG64(np.random.SeedSequence(0))).random()
    assert rep.fingerprint()[0] == round(expected, 8)


def test_report_says_whether_numbers_match(monkeypatch):
    assert "should match" in rep.fingerprint_report()
    monkeypatch.setattr(rep, "RECORDED_DRAWS", (0.0,) * 6)
    assert "differ" in rep.fingerprint_report()
