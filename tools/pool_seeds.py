"""Run a notebook at many SEEDs and store what each run found, for the notebook to pool.

A notebook's stored outputs are ONE run, at its stored ``SEED``: its headline is one draw
of a noisy procedure, and the next ``SEED`` can land elsewhere in that procedure's spread.
When a run costs too much to repeat inside the notebook, this tool repeats it: it executes
the notebook at each ``SEED`` of a list, at each of the pool's parameter settings (the
first is every parameter at its default; another changes a few, e.g. ``P_DROP``), collects
the rows that the pool's ``source`` computes after the last cell, and writes them as a CSV
file in ``data/`` (installed with ``helpers``, so the notebook reads it on Colab too, with
``helpers.data.read_columns``). The notebook then prints where its own ``SEED`` falls among
the others and what they say pooled.

The file is as reproducible as the stored outputs: the same code at the same SEEDs. The
day's property tests rerun some of those SEEDs and check their rows against the file, so a
change to the experiment that is not followed by ``make pool`` fails ``make test``.

A setting's rows are told apart by their parameter columns (``Pool.match``). ``--setting
N`` reruns only the N-th setting (counted from 0; repeat it for more) and keeps the file's
rows of the others byte for byte, so adding a setting does not rerun the ones already there.

Usage (from the repository root; ``make pool NB=day06_dropout``)::

    python tools/pool_seeds.py day06_dropout [--jobs 2] [--setting 1]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Pool:
    """What to record from one notebook: the CSV file, the SEEDs, the columns (each an
    integer per row) and the source run after the notebook's last cell, which must define
    ``POOL_ROWS``: a list of rows, each a list of integers in the order of ``columns``.

    ``settings`` are the parameter sets to run at every SEED (papermill parameters besides
    ``SEED``; ``{}`` is the defaults), their rows in this order. ``match`` maps each parameter
    a setting may change to its column and the factor that makes it the column's integer
    (``P_DROP`` 0.2 is ``p_drop_permille`` 200), so that a row tells its setting."""

    file: str
    seeds: tuple[int, ...]
    columns: tuple[str, ...]
    source: str
    settings: tuple[dict[str, float], ...] = ({},)
    match: dict[str, tuple[str, int]] = field(default_factory=dict)

    def key(self, setting: dict[str, float]) -> dict[str, int]:
        """The column values that the rows of ``setting`` have (defaults: the first's)."""
        if set(setting) - set(self.match):
            raise ValueError(f"setting {setting}: every parameter needs an entry in match")
        return {col: round(scale * setting[par]) for par, (col, scale) in self.match.items()
                if par in setting}


POOLS = {
    # Day 6, sections 5 and 6: per paired seed, dropout's gain in test images correctly
    # classified (with - without, of NUM_TEST): at NUM_TRAIN images at the first checkpoint,
    # tuned within NUM_STEPS / 2 and within NUM_STEPS (the headline); at LONG_SIZE images
    # within NUM_STEPS and within LONGER x NUM_STEPS (early stopping). The run's parameters
    # come first, so that a notebook run with other values can tell. Two dropout rates: the
    # default P_DROP = 0.5 and 0.2 (section 6 reads the gain at LONG_SIZE as p x budget).
    "day06_dropout": Pool(
        file="day06_seeds.csv",
        seeds=tuple(range(20)),
        columns=("SEED", "pair", "num_seeds", "num_steps", "p_drop_permille", "num_train",
                 "long_size", "test_images", "gain_first", "gain_half_budget", "gain",
                 "gain_long_size", "gain_long_size_longer"),
        source="""
_counts = [np.rint(np.asarray(g) * NUM_TEST).astype(int) for g in (
    sweep[NUM_TRAIN][1]["test"][:, 1, 0] - sweep[NUM_TRAIN][1]["test"][:, 0, 0],
    budget_gain[int(half_budget)], gain, *long_gain.values())]
_setup = [NUM_SEEDS, NUM_STEPS, round(1000 * P_DROP), NUM_TRAIN, LONG_SIZE, NUM_TEST]
POOL_ROWS = [[SEED, i, *_setup, *(int(c[i]) for c in _counts)] for i in range(NUM_SEEDS)]
""",
        settings=({}, {"P_DROP": 0.2}),
        match={"P_DROP": ("p_drop_permille", 1000)},
    ),
}


def run_one(name: str, seed: int, setting: dict[str, float] | None = None) -> list[list[int]]:
    """Execute notebook ``name`` at ``SEED = seed`` and the parameters ``setting`` (a fresh
    kernel) and return its rows."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.json"
        code = (f"import sys; sys.path.insert(0, {str(ROOT / 'tools')!r})\n"
                "from pool_seeds import _execute\n"
                f"_execute({name!r}, {seed}, {str(out)!r}, {dict(setting or {})!r})")
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{name} at SEED={seed} {setting or ''} failed:\n{done.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def _execute(name: str, seed: int, out: str, setting: dict[str, float] | None = None) -> None:
    """In a subprocess: papermill's parameters, the notebook, then the pool's source."""
    import nbformat
    import papermill as pm
    from course import kernel_manager_class  # tools/course.py, on the path (run_one)
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    path = ROOT / "notebooks" / f"{name}.ipynb"
    nb = parameterize_notebook(load_notebook_node(str(path)), {**(setting or {}), "SEED": seed})
    nb.cells.append(nbformat.v4.new_code_cell(
        POOLS[name].source + f"\nimport json\nopen({out!r}, 'w').write(json.dumps(POOL_ROWS))"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / path.name
        nbformat.write(nb, src)
        pm.execute_notebook(str(src), str(Path(tmp) / "out.ipynb"), cwd=str(path.parent),
                            kernel_name="python3", kernel_manager_class=kernel_manager_class(),
                            progress_bar=False, log_output=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", choices=sorted(POOLS))
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once")
    parser.add_argument("--setting", type=int, action="append",
                        help="rerun only this setting (index into the pool's settings) and "
                             "keep the file's rows of the others; repeatable")
    args = parser.parse_args(argv)
    pool = POOLS[args.notebook]
    path = ROOT / "data" / pool.file
    chosen = sorted(set(args.setting or range(len(pool.settings))))
    if not all(0 <= i < len(pool.settings) for i in chosen):
        parser.error(f"--setting: an index from 0 to {len(pool.settings) - 1}")
    kept = {} if len(chosen) == len(pool.settings) else _kept_rows(pool, path, chosen)
    jobs = [(s, i) for i in chosen for s in pool.seeds]
    print(f"{args.notebook}: {len(pool.seeds)} SEEDs x settings {chosen}, {args.jobs} at a "
          "time", flush=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = list(ex.map(lambda j: run_one(args.notebook, j[0], pool.settings[j[1]]),
                              jobs))
    new: dict[int, list[list[int]]] = {i: [] for i in chosen}
    for (_, i), seed_rows in zip(jobs, results, strict=True):
        new[i].extend(seed_rows)
    for i, setting_rows in new.items():
        want = pool.key(pool.settings[i])
        for row in setting_rows:
            if len(row) != len(pool.columns) or not all(isinstance(v, int) for v in row):
                raise ValueError(f"a row must be {len(pool.columns)} integers, got {row}")
            if any(row[pool.columns.index(c)] != v for c, v in want.items()):
                raise ValueError(f"setting {pool.settings[i]}: a row has other values: {row}")
    rows = [row for i in range(len(pool.settings)) for row in new.get(i, kept.get(i, []))]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(pool.columns)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path.relative_to(ROOT)}")
    return 0


def _kept_rows(pool: Pool, path: Path, rerun: list[int]) -> dict[int, list[list[int]]]:
    """The file's rows of each setting not in ``rerun``, by setting index, as they are."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        if tuple(next(reader)) != pool.columns:
            raise ValueError(f"{path.name}: its header is not the pool's columns")
        old = [[int(v) for v in row] for row in reader]
    keys = [pool.key(s) for s in pool.settings]
    defaults = {c: None for k in keys for c in k}
    kept: dict[int, list[list[int]]] = {}
    for row in old:
        values = {c: row[pool.columns.index(c)] for c in defaults}
        # a row belongs to the setting that names its values; else to the defaults ({})
        owner = next((i for i, k in enumerate(keys) if k and k.items() <= values.items()), 0)
        if owner not in rerun:
            kept.setdefault(owner, []).append(row)
    missing = [i for i in range(len(pool.settings)) if i not in rerun and i not in kept]
    if missing:
        raise ValueError(f"{path.name} has no rows of settings {missing}: rerun them too")
    return kept


if __name__ == "__main__":
    sys.exit(main())
