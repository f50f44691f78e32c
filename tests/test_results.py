"""helpers.results: what the property tests read back."""

import json

import numpy as np
import pytest

from helpers.results import save_results


def test_round_trip(tmp_path):
    path = tmp_path / "r.json"
    save_results(path, mean=np.float64(0.5), counts=np.array([1, 2]), label="a",
                 nested={"x": [np.int64(3)]})
    assert json.loads(path.read_text()) == {"mean": 0.5, "counts": [1, 2], "label": "a",
                                            "nested": {"x": [3]}}


def test_empty_path_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    save_results("", value=1.0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("values", "error", "needle"), [
    ({"bad": float("nan")}, ValueError, "'bad' is not finite"),
    ({"bad": np.array([1.0, np.inf])}, ValueError, "'bad' is not finite"),
    ({"bad": object()}, TypeError, "'bad' must be numbers"),
    ({}, ValueError, "at least one"),
])
def test_bad_values(tmp_path, values, error, needle):
    with pytest.raises(error, match=needle):
        save_results(tmp_path / "r.json", **values)
