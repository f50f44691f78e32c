"""How long `make test` takes next to nbval alone, measured side by side in one run.

Usage: ``make bench-tests`` (or ``python benchmarks/bench_tests.py [--repeat N]``).

nbval over every notebook, serially, is the floor of what `make test` must do (it
re-executes the whole course); everything else (lint, unit tests and doctests, the
notebook contract, the property tests over seeds, the image baselines) should cost at most
as much again. This prints the median wall time of each command and their ratio, as a
Markdown table for the README. It is a benchmark, not a test: timings vary with the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBVAL_ONLY = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
              "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
              "notebooks"]
MAKE_TEST = ["make", "--no-print-directory", "test"]


def seconds(command: list[str]) -> float:
    """Wall time of one run of ``command`` from the repository root; fails if it fails."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTEST_ADDOPTS": ""})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench-tests: {' '.join(command)} failed:\n{result.stdout[-3000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> list[tuple[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per command (median)")
    args = parser.parse_args(argv)
    rows = []
    for label, command in [("nbval alone, serial (`pytest --nbval notebooks`)", NBVAL_ONLY),
                           ("`make test`, everything", MAKE_TEST)]:
        times = [seconds(command) for _ in range(args.repeat)]
        rows.append((label, statistics.median(times)))
        print(f"bench-tests: {label}: {rows[-1][1]:.1f} s", flush=True)
    ratio = rows[1][1] / rows[0][1]
    print("\n| command | seconds |\n| --- | ---: |")
    for label, secs in rows:
        print(f"| {label} | {secs:.1f} |")
    print(f"| ratio | {ratio:.2f} |")
    return rows


if __name__ == "__main__":
    main()
