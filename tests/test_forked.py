"""helpers.checks._forked, and Day 1's checkpoint check where the system cannot fork."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from helpers.checks import day01
from helpers.checks._forked import ForkedError, in_fork
from helpers.exercises import CORRECT, WRONG

_SPEC = importlib.util.spec_from_file_location(
    "forked_day01_cases", Path(__file__).parent / "checks" / "day01.py")
CASES = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(CASES)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

_kept: list = []


def _keep_and_count():
    _kept.append(1)
    return len(_kept)


def test_what_the_copy_changes_is_gone_and_its_result_comes_back():
    before = len(_kept)
    assert in_fork(_keep_and_count) == before + 1
    assert len(_kept) == before


def test_an_error_in_the_copy_is_raised_with_its_message():
    with pytest.raises(ForkedError, match="division by zero"):
        in_fork(lambda: 1 / 0)


def test_a_copy_that_dies_or_hangs_gives_none():
    assert in_fork(lambda: os._exit(3)) is None
    assert in_fork(lambda: __import__("time").sleep(5), timeout=0.5) is None


def test_without_fork_the_checkpoint_check_falls_back_to_copied_module_variables(monkeypatch):
    monkeypatch.setattr(day01, "in_fork", lambda func: None)
    check = day01.check_rng_checkpoint
    assert check.verdict(CASES._save, CASES._load)[0] == CORRECT
    status, message = check.verdict(CASES._save_by_text, CASES._load_by_text)
    assert status == WRONG and "as they were before save_rng ran" in message
    assert "(each call of save_rng changes _by_text)" in message
