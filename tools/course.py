"""Course maintenance: generated notebook cells, headless runs, and stored-output refresh.

Usage (the Makefile calls these; run them from the repository root):

    python tools/course.py sync [--check]     # generated cells, README table, learner copies
    python tools/course.py run [-p NAME VALUE]... [NOTEBOOK ...]   # papermill -> build/executed/
    python tools/course.py refresh [NOTEBOOK ...]   # re-execute in place, metadata normalized
    python tools/course.py lab [--dir my-notebooks] [-- JUPYTERLAB_ARGS ...]  # your own copies

The repository slug and the tag that Colab installs ``helpers`` from live in ONE place,
``[tool.numpy-random-ml]`` in pyproject.toml; ``sync`` writes every badge, install line and
previous/next link from it. It also writes the learner copies, ``notebooks/learner/``: each
stored notebook without its outputs, solutions folded (``tools/versions.py``), which the
Colab badges open. ``sync --check`` (run by the tests) fails when a notebook, the README's
table or a learner copy is out of date.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib.util
import json
import os
import re
import shutil
import sys
import time
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: The learner copies: every day without outputs (``make sync``); the Colab badges open them.
LEARNER = NOTEBOOKS / "learner"
EXECUTED = ROOT / "build" / "executed"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# Cell tags whose source this script owns.
GENERATED = ("course-badge", "course-setup", "course-fingerprint", "course-nav")


# ----------------------------------------------------------------------------- config


def course_config() -> dict:
    """``[tool.numpy-random-ml]`` from pyproject.toml: repository slug and tag."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["numpy-random-ml"]


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The course's notebooks in day order, or the ones named (path or stem)."""
    every = sorted(NOTEBOOKS.glob("day*.ipynb"))
    if not names:
        return every
    chosen = []
    for name in names:
        stem = Path(name).stem
        match = [p for p in every if p.stem == stem]
        if not match:
            sys.exit(f"course.py: no notebook named {name!r} in notebooks/")
        chosen += match
    return chosen


def colab_url(cfg: dict, path: Path) -> str:
    """Where a day's Colab badge leads: its learner copy (no outputs), at the course's tag."""
    return (f"https://colab.research.google.com/github/{cfg['repository']}/blob/"
            f"{cfg['tag']}/{LEARNER.relative_to(ROOT).as_posix()}/{path.name}")


def versions_tool():
    """tools/versions.py (the copies of the course), imported by its path."""
    if "versions" not in sys.modules:
        spec = importlib.util.spec_from_file_location("versions", ROOT / "tools" / "versions.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["versions"] = module
        spec.loader.exec_module(module)
    return sys.modules["versions"]


def title_of(nb) -> str:
    """The notebook's title: its first Markdown heading, without the '#'."""
    first = nb.cells[0].source.splitlines()[0]
    return first.lstrip("#").strip()


# ----------------------------------------------------------------------------- sync


def generated_sources(cfg: dict, paths: list[Path], index: int, titles: list[str]) -> dict:
    """The source of every generated cell of notebook ``paths[index]``."""
    path = paths[index]
    install = f"numpy-random-ml @ git+https://github.com/{cfg['repository']}@{cfg['tag']}"
    links = []
    if index > 0:
        links.append(f"← Previous: [{titles[index - 1]}]({paths[index - 1].name})")
    links.append(f"[Course overview](https://github.com/{cfg['repository']}#the-days)")
    if index + 1 < len(paths):
        links.append(f"Next: [{titles[index + 1]}]({paths[index + 1].name}) →")
    return {
        "course-badge": (
            f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
            f"({colab_url(cfg, path)})"
        ),
        "course-setup": (
            "# Setup: on Google Colab, install the course's `helpers` package at the course's\n"
            "# pinned tag (Colab's NumPy, matplotlib and PyTorch stay as they are); anywhere\n"
            "# else, use the one installed by `make run` / `pip install -e .`.\n"
            "import sys\n"
            "\n"
            'if "google.colab" in sys.modules:\n'
            "    import subprocess\n"
            "\n"
            f'    PACKAGE = "{install}"\n'
            '    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", PACKAGE],\n'
            "                         check=False, capture_output=True, text=True)\n"
            "    if pip.returncode != 0:\n"
            '        raise RuntimeError(f"Could not install {PACKAGE}. Does the tag exist on "\n'
            '                           f"GitHub? pip said:\\n{pip.stderr[-1500:]}")'
        ),
        "course-fingerprint": (
            "# Will your numbers match the stored ones? NumPy's version and a fingerprint of its\n"
            "# random streams (not of the BLAS: see helpers.reproducibility).\n"
            "from helpers.reproducibility import fingerprint_report\n"
            "\n"
            "print(fingerprint_report())"
        ),
        "course-nav": " · ".join(links),
    }


def readme_day_table(cfg: dict, paths: list[Path], titles: list[str]) -> str:
    """The README's table of days, with Colab links, between its ``days`` markers."""
    badge = "https://colab.research.google.com/assets/colab-badge.svg"
    rows = ["| day | notebook | what you'll do | open |", "| --- | --- | --- | --- |"]
    for path, title in zip(paths, titles, strict=True):
        day, _, topic = title.partition(" — ")
        rows.append(f"| {day.removeprefix('Day ')} | [`{path.name}`](notebooks/{path.name}) | "
                    f"{topic} | [![Open In Colab]({badge})]({colab_url(cfg, path)}) |")
    return "\n".join(rows)


def sync_readme(cfg: dict, paths: list[Path], titles: list[str], check: bool) -> list[str]:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- days:start (generated by `make sync`) -->", "<!-- days:end -->"
    if start not in text or end not in text:
        return [f"README.md: no {start} ... {end} markers for the day table"]
    head, rest = text.split(start, 1)
    new = f"{head}{start}\n{readme_day_table(cfg, paths, titles)}\n{end}{rest.split(end, 1)[1]}"
    if new == text:
        return []
    if not check:
        readme.write_text(new, encoding="utf-8")
    return ["README.md: the day table is out of date"]


def sync_learner_copies(nbs: dict[Path, nbformat.NotebookNode], check: bool) -> list[str]:
    """Write (or compare) ``notebooks/learner/<day>.ipynb`` for each stored notebook in
    ``nbs``; with every day given, also remove the copies of days that no longer exist."""
    versions = versions_tool()
    stale = []
    for path, nb in nbs.items():
        target = LEARNER / path.name
        text = versions.learner_copy(nb, path.name)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(f"{target.relative_to(ROOT)}: the learner copy is out of date")
            if not check:
                LEARNER.mkdir(exist_ok=True)
                target.write_text(text, encoding="utf-8")
    if set(nbs) == set(notebook_paths()):
        for orphan in sorted(set(LEARNER.glob("*.ipynb")) - {LEARNER / p.name for p in nbs}):
            stale.append(f"{orphan.relative_to(ROOT)}: no stored notebook of that name")
            if not check:
                orphan.unlink()
    return stale


def sync(check: bool) -> int:
    """Write (or, with ``check``, compare) every generated cell, the README's table and the
    learner copies. Returns an exit status."""
    cfg = course_config()
    paths = notebook_paths()
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    titles = [title_of(nb) for nb in nbs]
    stale = sync_readme(cfg, paths, titles, check)
    for i, (path, nb) in enumerate(zip(paths, nbs, strict=True)):
        wanted = generated_sources(cfg, paths, i, titles)
        changed = False
        for cell in nb.cells:
            for tag in set(cell.metadata.get("tags", [])) & set(GENERATED):
                if cell.source != wanted[tag]:
                    stale.append(f"{path.relative_to(ROOT)}: cell tagged {tag} is out of date")
                    cell.source = wanted[tag]
                    changed = True
        present = {t for c in nb.cells for t in c.metadata.get("tags", [])}
        for tag in GENERATED:
            if tag not in present:
                stale.append(f"{path.relative_to(ROOT)}: no cell tagged {tag}")
        if changed and not check:
            nbformat.write(nb, path)
    stale += sync_learner_copies(dict(zip(paths, nbs, strict=True)), check)
    if check:
        for line in stale:
            print(line)
        if stale:
            print("Run `make sync` (python tools/course.py sync) to regenerate them.")
        return 1 if stale else 0
    missing = [s for s in stale if "no cell tagged" in s or "markers" in s]
    for line in missing:
        print(line)
    return 1 if missing else 0


# ----------------------------------------------------------------------------- run


_KERNEL_MANAGER = None

#: The longest a course run's client waits on one socket before it looks again (seconds).
POLL_SLICE = 0.5


def kernel_manager_class():
    """The kernel manager of the course's own runs (``run``, ``refresh``, the copies' test).

    jupyter_client's ``AsyncKernelManager``, with three things a headless run should not show:

    - a cell that never ends although the kernel is idle. nbclient imitates an Output widget
      (``ipywidgets.interact`` draws into one): for each output it captures it sends a
      ``comm_msg`` on the shell channel while it waits there for the ``execute_reply``, and
      jupyter_client's ``Session.send`` sends through a blocking shadow of the asyncio socket,
      which can use up the socket's one (edge-triggered) wake-up for a reply arriving then; the
      reply sits unread until the client's own timeout ends the wait (forever with
      papermill's default; jupyter/nbclient#312, jupyter/jupyter_client#1059). The course's
      client never waits on a socket for more than ``POLL_SLICE`` seconds before it polls
      again, which finds such a message at once; the cell's own timeout is kept;
    - ipykernel warns at every start that its TCP sockets carry code and outputs in plain
      text ("Kernel is running over TCP without encryption"); ``transport_encryption =
      "auto"`` gives the kernel CurveZMQ keys when its kernelspec declares support for them,
      as ipykernel's does (``make lab`` sets the same option for JupyterLab's kernels);
    - jupyter_client interrupts (SIGINT) every kernel before asking it to shut down, and
      papermill asks the kernel for its ``kernel_info`` just before that: when the SIGINT
      lands while ipykernel is still in that request's handler (the reply is already sent),
      ipykernel logs "KeyboardInterrupt caught in kernel." after a run that went well. A
      kernel being shut down here has finished (or failed) its last cell, so it gets no
      interrupt, only the shutdown request (and SIGTERM, then SIGKILL, if it does not exit).
    """
    global _KERNEL_MANAGER
    if _KERNEL_MANAGER is None:
        from queue import Empty

        from jupyter_client.asynchronous import AsyncKernelClient
        from jupyter_client.channels import AsyncZMQSocketChannel
        from jupyter_client.manager import AsyncKernelManager
        from traitlets import Type, default

        class SlicedChannel(AsyncZMQSocketChannel):
            async def get_msg(self, timeout: float | None = None) -> dict:
                deadline = None if timeout is None else time.monotonic() + timeout
                while True:
                    left = POLL_SLICE if deadline is None else deadline - time.monotonic()
                    try:
                        return await super().get_msg(timeout=max(0.0, min(POLL_SLICE, left)))
                    except Empty:
                        if deadline is not None and time.monotonic() >= deadline:
                            raise

        class CourseKernelClient(AsyncKernelClient):
            shell_channel_class = Type(SlicedChannel)
            iopub_channel_class = Type(SlicedChannel)

        class CourseKernelManager(AsyncKernelManager):
            @default("client_factory")
            def _default_client_factory(self) -> type:
                return CourseKernelClient

            @default("transport_encryption")
            def _default_transport_encryption(self) -> str:
                return "auto"

            async def _async_interrupt_kernel(self) -> None:
                if self.shutting_down:
                    return
                await super()._async_interrupt_kernel()

        _KERNEL_MANAGER = CourseKernelManager
    return _KERNEL_MANAGER


def parse_value(text: str):
    """A papermill parameter from the command line: a Python literal, else a string."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def shown(path: Path) -> str:
    """A path for messages: relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


TIMINGS_HEADER = ["| notebook | seconds | run at | parameters |", "| --- | ---: | --- | --- |"]
TIMINGS_ROW = re.compile(r"^\|\s*(day\w+\.ipynb)\s*\|(.*)\|\s*$")


def read_timings(path: Path) -> dict[str, str]:
    """The rows of a timings table (``build/executed/timings.md``): notebook -> the rest of
    its row (``" 6.1 | 2026-12-06 10:00 | SEED=7 "``); an older two-column table too."""
    if not path.exists():
        return {}
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = TIMINGS_ROW.match(line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def timings_table(rows: dict[str, str]) -> str:
    """The table of ``rows`` in day order, with the total of the seconds it holds."""
    lines = list(TIMINGS_HEADER)
    total = 0.0
    for name in sorted(rows):
        cells = [c.strip() for c in rows[name].split("|")]
        cells += [""] * (3 - len(cells))  # an older row without run time and parameters
        lines.append(f"| {name} | {' | '.join(cells[:3])} |")
        try:
            total += float(cells[0])
        except ValueError:  # "failed"
            pass
    lines.append(f"| **total** | {total:.1f} | | |")
    return "\n".join(lines)


def declared_parameters(path: Path) -> list[str]:
    """The names a notebook's ``parameters`` cell assigns, in order."""
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    return [t.id for cell in cells for node in ast.parse(cell.source).body
            if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)]


def parameters_for(paths: list[Path], parameters: dict) -> dict[Path, dict]:
    """Each notebook's share of ``parameters``: the names its ``parameters`` cell declares.

    A name that no selected notebook declares is a typo: exit with the names they do declare
    (papermill itself would only warn and run on with the defaults).
    """
    declared = {path: declared_parameters(path) for path in paths}
    known = sorted({name for names in declared.values() for name in names})
    unknown = [name for name in parameters if name not in known]
    if unknown:
        sys.exit(f"course.py run: no selected notebook has a parameter named "
                 f"{', '.join(unknown)}; the parameters are: {', '.join(known)}")
    return {path: {k: v for k, v in parameters.items() if k in names}
            for path, names in declared.items()}


def run(paths: list[Path], parameters: dict, out_dir: Path | None = None) -> int:
    """Execute notebooks with papermill into ``out_dir`` (build/executed/), never in place.

    Every notebook runs, even after one fails; each failure is reported on its own line
    (the cell, the error) and makes the exit status 1. The timings table keeps the rows of
    notebooks not run this time, so ``make run NB=...`` updates only that notebook's row.
    """
    import papermill as pm

    out_dir = out_dir or EXECUTED
    out_dir.mkdir(parents=True, exist_ok=True)
    shares = parameters_for(paths, parameters)
    timings = out_dir / "timings.md"
    rows = read_timings(timings)
    failures = []
    given = ", ".join(f"{k}={v!r}" for k, v in parameters.items()) or "notebook defaults"
    print(f"Executing {len(paths)} notebook(s) with parameters: {given}", flush=True)
    stamp = time.strftime("%Y-%m-%d %H:%M")
    for i, path in enumerate(paths, 1):
        out = out_dir / path.name
        label = f"[{i}/{len(paths)}] {shown(path)}"
        print(f"{label}: executing ...", flush=True)
        start = time.perf_counter()
        try:
            pm.execute_notebook(str(path), str(out), parameters=shares[path],
                                cwd=str(path.parent), kernel_name="python3",
                                kernel_manager_class=kernel_manager_class(),
                                progress_bar=False, log_output=False)
        except pm.PapermillExecutionError as err:
            why = (f"cell {err.cell_index + 1} (execution count {err.exec_count}) raised "
                   f"{err.ename}: {err.evalue}")
        except Exception as err:  # noqa: BLE001  (a dead kernel, a timeout: still one line)
            why = f"{type(err).__name__}: {str(err).strip().splitlines()[-1] if str(err) else ''}"
        else:
            why = None
        secs = time.perf_counter() - start
        used = ", ".join(f"{k}={v!r}" for k, v in shares[path].items())
        if why is None:
            rows[path.name] = f" {secs:.1f} | {stamp} | {used} "
            print(f"{label}: ok ({secs:.1f} s)", flush=True)
        else:
            rows[path.name] = f" failed | {stamp} | {used} "
            failures.append(f"{shown(path)}: {why}")
            print(f"{label}: FAILED after {secs:.1f} s: {why}\n"
                  f"    the partly executed notebook is {shown(out)}", flush=True)
    table = timings_table(rows)
    timings.write_text(table + "\n", encoding="utf-8")
    print(f"\nSeconds per notebook (also in {shown(timings)}):\n" + table)
    if failures:
        print(f"\nmake run: {len(failures)} of {len(paths)} notebook(s) failed:\n"
              + "\n".join(f"- {line}" for line in failures), file=sys.stderr)
        return 1
    return 0


# ----------------------------------------------------------------------------- refresh


#: What a stored notebook keeps of the metadata (an allow-list; everything else, such as
#: papermill's and JupyterLab's execution timings, ``collapsed`` or ``vscode``, is dropped).
KEEP_NOTEBOOK_METADATA = {"kernelspec",  # and these keys of language_info (not its version):
                          ("language_info", "name", "codemirror_mode", "pygments_lexer",
                           "file_extension", "mimetype")}
KEEP_CELL_METADATA = {"tags", "jupyter", "cellView"}  # jupyter: source/outputs_hidden

#: A live control's display: the model id of a widget that exists only in the kernel that
#: made it (a fresh id every run). Stored notebooks drop it; the static twin before the
#: widget cell holds the figure and the summary (helpers.explore).
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: The calls that make a widget cell: ipywidgets' interact, the same in ipywidgets 7 and 8.
WIDGET_CALLS = ("interact", "interactive_output")


def widget_function(cell) -> str | None:
    """The function a widget cell wires controls to (``interact(f, ...)``'s ``f``), or None
    for any other cell."""
    if cell.cell_type != "code":
        return None
    try:
        tree = ast.parse(cell.source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in WIDGET_CALLS and node.args):
            return ast.unparse(node.args[0])
    return None


def normalize(nb) -> None:
    """Drop what varies between runs and is not content, with nbconvert's preprocessors.

    ``ClearMetadataPreprocessor`` keeps only the allow-listed metadata (so no widget state
    is stored either); the coalescing preprocessor merges consecutive stream chunks, whose
    split depends on timing; a widget's display (``WIDGET_VIEW``) is dropped.
    """
    from nbconvert.preprocessors import ClearMetadataPreprocessor, CoalesceStreamsPreprocessor

    ClearMetadataPreprocessor(preserve_nb_metadata_mask=KEEP_NOTEBOOK_METADATA,
                              preserve_cell_metadata_mask=KEEP_CELL_METADATA).preprocess(nb, {})
    CoalesceStreamsPreprocessor().preprocess(nb, {})
    nb.metadata = nbformat.from_dict(nb.metadata)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict(cell.metadata)
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
        if cell.get("outputs"):
            cell.outputs = [out for out in cell.outputs
                            if WIDGET_VIEW not in out.get("data", {})]


def refresh(paths: list[Path]) -> int:
    """Re-execute notebooks in place, top to bottom in a fresh kernel, then normalize (and
    rewrite their learner copies)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    for i, path in enumerate(paths, 1):
        label = f"[{i}/{len(paths)}] {path.relative_to(ROOT)}"
        print(f"{label}: refreshing ...", flush=True)
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        start = time.perf_counter()
        client = NotebookClient(nb, kernel_name="python3", timeout=600, record_timing=False,
                                kernel_manager_class=kernel_manager_class(),
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        except CellExecutionError as err:
            print(f"{label}: FAILED", flush=True)
            print(f"make refresh: {path.relative_to(ROOT)} failed; the stored notebook is "
                  f"unchanged.\n{err}", file=sys.stderr)
            return 1
        normalize(nb)
        nbformat.write(nb, path)
        sync_learner_copies({path: nb}, check=False)  # normalize may have changed metadata
        print(f"{label}: ok ({time.perf_counter() - start:.1f} s)", flush=True)
    return 0


# ----------------------------------------------------------------------------- lab


#: A learner's working copies (git-ignored): made from notebooks/learner/ once, then theirs.
WORK = ROOT / "my-notebooks"
#: JupyterLab setting defaults for `make lab` (its app_settings_dir: overrides.json).
LAB_SETTINGS = ROOT / "tools" / "lab_settings"

#: In the working folder: the learner copy each working copy was made from (its SHA-256).
MADE_FROM = ".made-from.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prepare_working_copies(work: Path = WORK) -> dict[str, list[str]]:
    """Copy each learner copy into ``work`` unless a file of that name is already there.

    Never overwrites: a working copy holds the learner's answers. Returns the names that
    were ``made``, ``kept``, and ``newer``: kept copies whose learner copy has changed
    since the working copy was made from it (after a ``git pull``, say).
    """
    work.mkdir(parents=True, exist_ok=True)
    record_path = work / MADE_FROM
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    report: dict[str, list[str]] = {"made": [], "kept": [], "newer": []}
    for source in sorted(LEARNER.glob("day*.ipynb")):
        target = work / source.name
        if target.exists():
            report["kept"].append(source.name)
            if record.get(source.name) not in (None, sha256(source)):
                report["newer"].append(source.name)
            continue
        shutil.copyfile(source, target)
        record[source.name] = sha256(source)
        report["made"].append(source.name)
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report


def lab_command(work: Path = WORK, extra: list[str] | None = None) -> list[str]:
    """JupyterLab on the working copies: nothing above ``work`` is served, kernels get
    CurveZMQ keys (as in ``kernel_manager_class``), and ``--allow-root`` only for root, who
    JupyterLab otherwise refuses to run as (in containers, say). The defaults in
    ``LAB_SETTINGS`` (overrides.json) keep JupyterLab's own news and update prompts, which
    are not about the course, out of the learner's way (Settings can turn them back on)."""
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [str(jupyter if jupyter.exists() else "jupyter"), "lab",
               f"--ServerApp.root_dir={work}", "--KernelManager.transport_encryption=auto",
               f"--LabApp.app_settings_dir={LAB_SETTINGS}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command + list(extra or [])


def lab(work: Path, extra: list[str]) -> int:
    """Make the working copies that are missing, say what is where, then start JupyterLab."""
    report = prepare_working_copies(work)
    where = shown(work)
    print(f"Your working copies are in {where}/ (git-ignored; `git pull`, `make sync` and "
          "`make clean` never touch them).")
    if report["made"]:
        print(f"- new from {shown(LEARNER)}/ (no outputs yet): {', '.join(report['made'])}")
    if report["kept"]:
        print(f"- kept as you left them: {len(report['kept'])} day(s)")
    for name in report["newer"]:
        print(f"- {name}: the course's copy has changed since yours was made; to get the new "
              f"one, rename yours (e.g. to {Path(name).stem}-mine.ipynb) and run `make lab`")
    print(f"To start a day afresh: rename or delete its file in {where}/, then `make lab` "
          "makes a new copy.\nStop JupyterLab with Ctrl-C (twice).", flush=True)
    command = lab_command(work, extra)
    os.execvp(command[0], command)  # JupyterLab takes over this process (and Ctrl-C)
    return 0  # not reached


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_sync = sub.add_parser("sync", help="regenerate badges, setup cells and day links")
    p_sync.add_argument("--check", action="store_true", help="only report stale cells")
    p_run = sub.add_parser("run", help="execute with papermill into build/executed/")
    p_run.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                       metavar=("NAME", "VALUE"), help="a papermill parameter (repeatable)")
    p_run.add_argument("--output-dir", type=Path, default=EXECUTED,
                       help="where executed notebooks go (default: build/executed)")
    p_run.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    p_refresh = sub.add_parser("refresh", help="re-execute the stored notebooks in place")
    p_refresh.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    p_lab = sub.add_parser("lab", help="JupyterLab on your working copies (my-notebooks/)")
    p_lab.add_argument("--dir", type=Path, default=WORK, help="the working folder")
    p_lab.add_argument("jupyterlab_args", nargs=argparse.REMAINDER,
                       help="passed on to jupyter lab (after --)")
    args = parser.parse_args(argv)

    if args.command == "sync":
        return sync(args.check)
    if args.command == "run":
        params = {name: parse_value(value) for name, value in args.parameter}
        bad = [n for n in params if not re.fullmatch(r"[A-Za-z_]\w*", n)]
        if bad:
            sys.exit(f"course.py run: parameter names must be identifiers, got {bad}")
        return run(notebook_paths(args.notebooks), params, args.output_dir.resolve())
    if args.command == "lab":
        extra = [a for a in args.jupyterlab_args if a != "--"]
        return lab(args.dir.resolve(), extra)
    status = sync(check=False)
    return status or refresh(notebook_paths(args.notebooks))


if __name__ == "__main__":
    sys.exit(main())
