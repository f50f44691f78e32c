"""Run a notebook at many SEEDs and store what each run found, for the notebook to pool.

A notebook's stored outputs are ONE run, at its stored ``SEED``: its headline is one draw
of a noisy procedure, and the next ``SEED`` can land elsewhere in that procedure's spread.
When a run costs too much to repeat inside the notebook, this tool repeats it: it executes
the notebook at each ``SEED`` of a list (every other parameter at its default), collects
the rows that the pool's ``source`` computes after the last cell, and writes them as a CSV
file in ``data/`` (installed with ``helpers``, so the notebook reads it on Colab too, with
``helpers.data.read_columns``). The notebook then prints where its own ``SEED`` falls among
the others and what they say pooled.

The file is as reproducible as the stored outputs: the same code at the same SEEDs. The
day's property tests rerun some of those SEEDs and check their rows against the file, so a
change to the experiment that is not followed by ``make pool`` fails ``make test``.

Usage (from the repository root; ``make pool NB=day06_dropout``)::

    python tools/pool_seeds.py day06_dropout [--jobs 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Pool:
    """What to record from one notebook: the CSV file, the SEEDs, the columns (each an
    integer per row) and the source run after the notebook's last cell, which must define
    ``POOL_ROWS``: a list of rows, each a list of integers in the order of ``columns``."""

    file: str
    seeds: tuple[int, ...]
    columns: tuple[str, ...]
    source: str


POOLS = {
    # Day 6, sections 5 and 6: per paired seed, dropout's gain in test images correctly
    # classified (with - without, of NUM_TEST): at NUM_TRAIN images at the first checkpoint,
    # tuned within NUM_STEPS / 2 and within NUM_STEPS (the headline); at LONG_SIZE images
    # within NUM_STEPS and within LONGER x NUM_STEPS (early stopping). The run's parameters
    # come first, so that a notebook run with other values can tell.
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
    ),
}


def run_one(name: str, seed: int) -> list[list[int]]:
    """Execute notebook ``name`` at ``SEED = seed`` (a fresh kernel) and return its rows."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.json"
        code = (f"import sys; sys.path.insert(0, {str(ROOT / 'tools')!r})\n"
                "from pool_seeds import _execute\n"
                f"_execute({name!r}, {seed}, {str(out)!r})")
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{name} at SEED={seed} failed:\n{done.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def _execute(name: str, seed: int, out: str) -> None:
    """In a subprocess: papermill's parameters, the notebook, then the pool's source."""
    import nbformat
    import papermill as pm
    from course import kernel_manager_class  # tools/course.py, on the path (run_one)
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    path = ROOT / "notebooks" / f"{name}.ipynb"
    nb = parameterize_notebook(load_notebook_node(str(path)), {"SEED": seed})
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
    args = parser.parse_args(argv)
    pool = POOLS[args.notebook]
    print(f"{args.notebook}: {len(pool.seeds)} SEEDs, {args.jobs} at a time", flush=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = list(ex.map(lambda s: run_one(args.notebook, s), pool.seeds))
    rows = [row for seed_rows in results for row in seed_rows]
    for row in rows:
        if len(row) != len(pool.columns) or not all(isinstance(v, int) for v in row):
            raise ValueError(f"a row must be {len(pool.columns)} integers, got {row}")
    path = ROOT / "data" / pool.file
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(pool.columns)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
