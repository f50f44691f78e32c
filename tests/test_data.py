"""helpers.data: every loader, from any working directory, and clear errors for bad files."""

import gzip

import numpy as np
import pytest

from helpers import data


def test_loaders_from_another_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert data.load_michelson().shape == (100,)
    assert data.load_michelson_sets()["set"].shape == (100,)
    assert data.load_galton()["father"].shape == (934,)
    X, y, names = data.load_longley()
    assert X.shape == (16, 6) and len(names) == 6
    X, y = data.load_digits()
    assert X.shape == (1797, 64) and set(np.unique(y)) == set(range(10))


def test_known_values():
    g = data.load_galton()
    assert g["family"][0] == "001" and g["father"][0] == 78.5 and g["childHeight"][0] == 73.2
    assert len(set(g["family"].tolist())) == 205
    X, y, _ = data.load_longley()
    assert y[0] == 60323 and X[0, 5] == 1947  # first row of NIST StRD Longley
    assert data.load_michelson()[:3].tolist() == [850.0, 740.0, 900.0]


def test_michelson_sets_are_dorseys_table():
    """NIST Dataplot's MICHELSO.DAT (Dorsey 1944, Table 22), converted to km/s - 299,000."""
    m = data.load_michelson_sets()
    assert np.array_equal(m["velocity"], data.load_michelson())  # same values, same order
    first = [(m[c][0], m[c][-1]) for c in ("velocity", "temperature_f", "day", "ampm", "set")]
    assert first == [(850.0, 870.0), (76.0, 85.0), (1, 28), ("PM", "PM"), (1, 24)]
    sizes = np.bincount(m["set"])[1:]
    assert sizes.size == 24 and sizes.min() == 1 and sizes.max() == 7 and sizes.sum() == 100
    assert np.all(np.diff(m["set"]) >= 0)  # each set is a run of consecutive rows
    assert np.unique(m["day"]).size == 18 and m["day"].min() == 1 and m["day"].max() == 28
    for k in range(1, 25):  # one day and one time of day per set
        in_set = m["set"] == k
        assert np.unique(m["day"][in_set]).size == 1 and np.unique(m["ampm"][in_set]).size == 1
    assert np.sum(m["ampm"] == "AM") == 37
    assert m["temperature_f"].min() == 58 and m["temperature_f"].max() == 90


def test_michelson_sets_reject_a_bad_time_of_day(fake_file):
    fake_file("michelson_sets.csv", "velocity,temperature_f,day,ampm,set\n850,76,1,noon,1\n")
    with pytest.raises(ValueError, match="'ampm' must hold AM or PM, got \\['noon'\\]"):
        data.load_michelson_sets()


def test_the_package_data_ship_every_data_file(root):
    """pyproject.toml's package data must cover every file in data/ (wheels, Colab)."""
    import fnmatch
    import tomllib

    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["helpers.datasets"]
    for path in (root / "data").iterdir():
        if path.name != "__init__.py" and path.is_file():
            assert any(fnmatch.fnmatch(path.name, p) for p in patterns), path.name


def test_missing_file_names_it():
    with pytest.raises(FileNotFoundError, match="'nope.csv'"):
        data.data_path("nope.csv")


@pytest.fixture
def fake_file(tmp_path, monkeypatch):
    def make(name, text, compress=False):
        path = tmp_path / name
        if compress:
            with gzip.open(path, "wt") as f:
                f.write(text)
        else:
            path.write_text(text)
        monkeypatch.setattr(data, "data_path", lambda n: tmp_path / n)
    return make


def test_malformed_csv_names_file_line_and_column(fake_file):
    fake_file("michelson.csv", '"","velocity"\n"1",850\n"2",oops\n')
    with pytest.raises(ValueError, match=r"'michelson.csv', line 3, column 'velocity'"):
        data.load_michelson()


def test_missing_column_names_file(fake_file):
    fake_file("michelson.csv", '"","speed"\n"1",850\n')
    with pytest.raises(ValueError, match="'michelson.csv' lacks column"):
        data.load_michelson()


def test_empty_files(fake_file):
    fake_file("michelson.csv", "")
    with pytest.raises(ValueError, match="is empty"):
        data.load_michelson()
    fake_file("michelson.csv", '"","velocity"\n')
    with pytest.raises(ValueError, match="no rows"):
        data.load_michelson()


def test_malformed_digits(fake_file):
    fake_file("digits.csv.gz", "1,2,3\n", compress=True)
    with pytest.raises(ValueError, match="'digits.csv.gz' must have 65 columns"):
        data.load_digits()
    fake_file("digits.csv.gz", "1,x\n", compress=True)
    with pytest.raises(ValueError, match="'digits.csv.gz' is malformed"):
        data.load_digits()


@pytest.mark.parametrize("name", [None, "", "../pyproject.toml", "/etc/passwd", "sub/x.csv", 3])
def test_data_path_takes_a_plain_file_name(name):
    # a path would reach outside the data folder; None used to fail inside pathlib
    with pytest.raises(ValueError, match="name must be the name of a file in the course's data/"):
        data.data_path(name)


@pytest.mark.parametrize(("columns", "needle"), [
    ({}, "columns must be a non-empty dict"),
    (["velocity"], "columns must be a non-empty dict"),
    ({"velocity": complex},
     r"columns\['velocity'\] must be float, int or str, got <class 'complex'>"),
])
def test_read_columns_checks_its_columns(columns, needle):
    with pytest.raises(TypeError, match=needle):
        data.read_columns("michelson.csv", columns)


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
def test_a_non_finite_float_in_a_data_file_is_an_error(fake_file, value):
    fake_file("michelson.csv", f'"","velocity"\n"1",850\n"2",{value}\n')
    with pytest.raises(ValueError, match=rf"line 3, column 'velocity': cannot read '{value}' as "
                                         "a finite float"):
        data.load_michelson()
