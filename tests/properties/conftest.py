"""Statistical property tests: each day's headline claims, checked over several seeds.

nbval proves each notebook reproduces its stored outputs under ONE seed; a wrong formula
reproduces perfectly. Here every notebook runs through papermill with other seeds (and
smaller sizes, from its `parameters` cell); after its last cell the runner executes the
test module's ``RESULTS`` source, a ``save_results(RESULTS_PATH, name=value, ...)`` call
(`helpers.results`) that writes the named results as JSON, so the notebooks carry no
maintainers' cell. The claims are asserted with bounds that hold with high probability
(mostly 5 standard errors: a false alarm has odds below one in a million per check). The
seeds are fixed, so a failure is reproducible. Every exercise solution must pass its check
under every seed too (``check.solution`` raises otherwise, which fails the run).

One file per day (`test_dayNN.py`), each with the parameters that keep its runs short and
its ``RESULTS``.
"""

from __future__ import annotations

import json

import nbformat
import pytest

SEEDS = (0, 1, 2)


@pytest.fixture
def run_notebook(notebook_runner, request):
    """``run(name, seed, **parameters)`` with the calling test module's ``RESULTS``."""
    results = request.module.RESULTS

    def run(name: str, seed: int, **parameters) -> dict:
        return notebook_runner(name, seed, results, **parameters)

    return run


@pytest.fixture(scope="session")
def notebook_runner(tmp_path_factory, root):
    """``run(name, seed, results, **parameters)``: execute a notebook once per seed.

    The parameters are injected as papermill does (a cell after the `parameters` cell). The
    runs of one notebook share one kernel: starting a kernel and importing NumPy, matplotlib
    and PyTorch cost more than most runs. That is honest because each run executes every
    cell from the top, so it imports, seeds and defines everything again; a name left over
    from an earlier run could only hide a missing definition, which nbval's run of every
    notebook in a fresh kernel catches. Every exercise solution must pass its check with
    each seed.
    """
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node  # adds the tags papermill expects
    from papermill.parameterize import parameterize_notebook

    cache: dict[tuple, dict] = {}
    kernels: dict[str, KernelManager] = {}
    out_dir = tmp_path_factory.mktemp("properties")

    def run(name: str, seed: int, results_source: str, **parameters) -> dict:
        key = (name, seed, repr(sorted(parameters.items())))  # a list value is not hashable
        if key not in cache:
            results = out_dir / f"{name}_seed{seed}.json"
            nb = parameterize_notebook(
                load_notebook_node(str(root / "notebooks" / f"{name}.ipynb")),
                {"SEED": seed, **parameters})
            nb.cells.insert(0, nbformat.v4.new_code_cell('import matplotlib.pyplot as plt\n'
                                                         'plt.close("all")'))
            nb.cells.append(nbformat.v4.new_code_cell(
                "from helpers.results import save_results\n\n"
                f"RESULTS_PATH = {str(results)!r}\n{results_source}"))
            km = kernels.setdefault(name, KernelManager(kernel_name="python3"))
            client = NotebookClient(nb, km=km, timeout=600, kernel_name="python3",
                                    resources={"metadata": {"path": str(root / "notebooks")}})
            try:
                client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()
            for cell in nb.cells:  # check.solution raised (failing the run) if one failed
                if "solution" in cell.metadata.get("tags", []):
                    out = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
                    assert out.startswith("Reference solution"), f"{name}, seed {seed}: {out!r}"
            cache[key] = json.loads(results.read_text(encoding="utf-8"))
        return cache[key]

    yield run
    for km in kernels.values():
        km.shutdown_kernel(now=True)
