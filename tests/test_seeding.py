"""helpers.seeding against NumPy's own SeedSequence (the reference it must equal)."""

import numpy as np
import pytest

from helpers.seeding import named_streams


def test_streams_equal_seedsequence_children():
    streams = named_streams(7, ["a", "b", "c"])
    children = np.random.SeedSequence(7).spawn(3)
    for name, child in zip("abc", children, strict=True):
        expected = np.random.Generator(np.random.PCG64(child)).random(5)
        assert np.array_equal(streams[name].random(5), expected)


def test_streams_are_distinct_and_reproducible():
    first = {k: g.random(3) for k, g in named_streams(1, ["x", "y"]).items()}
    again = {k: g.random(3) for k, g in named_streams(1, ["x", "y"]).items()}
    assert not np.array_equal(first["x"], first["y"])
    assert all(np.array_equal(first[k], again[k]) for k in first)


def test_appending_a_name_keeps_existing_streams():
    short = named_streams(3, ["data"])["data"].random(4)
    longer = named_streams(3, ["data", "init"])["data"].random(4)
    assert np.array_equal(short, longer)


@pytest.mark.parametrize(("seed", "names", "error", "needle"), [
    (-1, ["a"], ValueError, "seed"),
    (1.5, ["a"], TypeError, "seed"),
    (1, "abc", TypeError, "names"),
    (1, ["a", "a"], ValueError, "names"),
    (1, [], ValueError, "names"),
    (np.float64(1.0), ["a"], TypeError, r"seed must be an integer, got np.float64\(1.0\)"),
    (True, ["a"], TypeError, "seed must be an integer, got True"),
    # a set has no fixed order (it depends on PYTHONHASHSEED): names could swap streams
    (1, {"a", "b"}, TypeError, r"names must be a list or tuple of str .* \(set\)"),
    (1, (n for n in "ab"), TypeError, r"names must be a list or tuple .* \(generator\)"),
    (1, None, TypeError, r"names must be a list or tuple of str .*got None"),
    (1, ["a", 2], TypeError, "names must be a list or tuple of str"),
])
def test_bad_input(seed, names, error, needle):
    with pytest.raises(error, match=needle):
        named_streams(seed, names)


def test_numpy_integer_seed_is_the_same_seed():
    a = named_streams(np.int64(7), ("x",))["x"].random(3)
    assert np.array_equal(a, named_streams(7, ["x"])["x"].random(3))


def test_a_seed_list_with_trailing_zeros_is_the_shorter_seed():
    """Day 1's warning: SeedSequence pads a short list with zeros, so [i, 0] is the seed i
    (with SEED = 0, [i, SEED] would collide with default_rng(i)); a nonzero tag avoids it."""
    for i in range(4):
        same = np.random.default_rng([i, 0]).random(3), np.random.default_rng(i).random(3)
        assert np.array_equal(*same)
        tagged = np.random.default_rng([i, 0, 1]).random(3)
        assert not np.array_equal(tagged, same[1])
