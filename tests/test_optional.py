"""helpers.optional: a missing PyTorch gives one clear line, not a traceback."""

import re
import sys

import pytest

from helpers.optional import MissingDependency, require, require_torch, torch_requirement


def test_the_torch_pin_comes_from_its_one_source(root):
    pins = [line for line in (root / "requirements-torch.in").read_text().splitlines()
            if line.startswith("torch")]
    assert pins == [torch_requirement()]


def test_missing_torch_is_one_clear_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # make `import torch` fail
    with pytest.raises(MissingDependency,
                       match=re.escape(f"pip install {torch_requirement()}`")) as info:
        require_torch()
    rendered = info.value._render_traceback_()
    assert len(rendered) == 1 and rendered[0].startswith("MissingDependency: ")
    assert isinstance(info.value, ImportError)


def test_missing_module_names_the_hint():
    with pytest.raises(MissingDependency, match="install it"):
        require("no_such_module_for_the_course", "install it")


def test_present_module_is_returned():
    torch = pytest.importorskip("torch")
    assert require_torch() is torch
