"""Statistical property tests: each day's headline claims, checked over several seeds.

nbval proves each notebook reproduces its stored outputs under ONE seed; a wrong formula
reproduces perfectly. Here every notebook runs through papermill with other seeds (and
smaller sizes, from its `parameters` cell), writes named results as JSON
(`helpers.results.save_results` with `RESULTS_PATH`), and the claims are asserted with
bounds that hold with high probability (mostly 5 standard errors: a false alarm has odds
below one in a million per check). The seeds are fixed, so a failure is reproducible.
Every exercise solution must pass its check under every seed too.

One file per day (`test_dayNN.py`), each with the parameters that keep its runs short.
"""

from __future__ import annotations

import json

import nbformat
import pytest

SEEDS = (0, 1, 2)


@pytest.fixture(scope="session")
def run_notebook(tmp_path_factory, root):
    """``run(name, seed, **parameters)``: execute a notebook once with papermill; its results.

    Also checks that every exercise solution still passes its check with this seed.
    """
    import papermill as pm

    cache: dict[tuple, dict] = {}
    out_dir = tmp_path_factory.mktemp("properties")

    def run(name: str, seed: int, **parameters) -> dict:
        key = (name, seed, tuple(sorted(parameters.items())))
        if key not in cache:
            stem = f"{name}_seed{seed}"
            results = out_dir / f"{stem}.json"
            executed = out_dir / f"{stem}.ipynb"
            pm.execute_notebook(str(root / "notebooks" / f"{name}.ipynb"), str(executed),
                                parameters={"SEED": seed, "RESULTS_PATH": str(results),
                                            **parameters},
                                cwd=str(root / "notebooks"), kernel_name="python3",
                                progress_bar=False)
            for cell in nbformat.read(executed, as_version=4).cells:
                if "solution" in cell.metadata.get("tags", []):
                    out = "".join(o.get("text", "") for o in cell.outputs)
                    assert out.startswith("✓ Correct:"), f"{name}, seed {seed}: {out!r}"
            cache[key] = json.loads(results.read_text(encoding="utf-8"))
        return cache[key]

    return run
