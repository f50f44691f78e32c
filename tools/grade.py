"""Grade students' notebooks with the course's own checks, each in a limited kernel.

Usage (``make grade`` calls it; any current directory works):

    python tools/grade.py SUBMISSIONS ROSTER [--out build/grades] [--nb NOTEBOOK ...]
                          [--timeout SECONDS] [--memory MIB] [--jobs N]

``SUBMISSIONS`` is laid out as ``build/assign/``: one folder per student id, each day's
notebook under its own name. For every student of the roster and every day graded (those
named with ``--nb``, else every day someone submitted), the grader

1. reads the notebook and appends one cell of its own (see :func:`verdict_source`);
2. runs it headless with papermill, injecting the student's ``SEED`` and the day's other
   parameters as the course sets them, in a kernel whose working directory is a fresh,
   empty temporary folder (never the course's), started by a launcher that limits its
   address space (``RLIMIT_AS``), CPU time and file size, with a wall-clock limit on the
   whole run; a cell that raises does not stop the run;
3. reads the verdicts that its own cell wrote, after the notebook's cells, to a file whose
   name the notebook never saw: that cell imports the day's checks afresh and calls
   ``check.verdict(...)`` with the arguments of the exercise's ``check`` cell, as written
   in the course's own notebook (not the submission's). Nothing the notebook prints, and
   no output stored in it, is read.

It writes ``OUT/grades.csv`` (one row per student: each exercise correct / wrong /
not attempted / error, the total, and what went wrong), ``OUT/feedback/<id>.md`` (the
hints the student would have seen) and ``OUT/executed/<id>/<notebook>`` (what ran).
One submission that loops, eats memory or crashes gets a row that says so; the others are
graded as usual. What this does not defend against is in the README ("Teach with it").
"""

import argparse
import ast
import csv
import importlib.util
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat


def _sibling(name: str):
    """A module of tools/ by its path (tools/ is not a package; sys.path is left alone)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


versions = _sibling("versions")

ROOT = versions.ROOT
CORRECT, WRONG, NOT_ATTEMPTED, ERROR = "correct", "wrong", "not attempted", "error"
STATUSES = (CORRECT, WRONG, NOT_ATTEMPTED, ERROR)
SYMBOLS = {CORRECT: "✓", WRONG: "✗", NOT_ATTEMPTED: "○", ERROR: "!"}
GRADER_TAG = "course-grader"
KERNEL_NAME = "course-grader"
START_TIMEOUT = 60  # seconds a kernel may take to start, on top of the time limit


# ----------------------------------------------------------------------------- exercises


@dataclass(frozen=True)
class Exercise:
    """One exercise of a day, as its ``check`` cell calls the check."""

    notebook: str  # the notebook's stem, e.g. "day01_seeding"
    number: int  # 1, 2, ... in the notebook's order
    module: str  # e.g. "helpers.checks.day01"
    check: str  # e.g. "check_noisy_copy"
    args: tuple[str, ...]  # each argument's source, e.g. ("v", "NUM_SAMPLES")
    kwargs: tuple[tuple[str, str], ...] = ()
    answers: tuple[str, ...] = ()  # the names of the your-turn cell that the call uses

    @property
    def column(self) -> str:
        return f"{self.notebook.split('_')[0]}:{self.check.removeprefix('check_')}"

    def renamed(self, mapping: dict[str, str]) -> "Exercise":
        """The same call with names replaced (e.g. each answer by its ``_solution``)."""

        class Rename(ast.NodeTransformer):
            def visit_Name(self, node):
                return ast.copy_location(ast.Name(mapping.get(node.id, node.id), node.ctx), node)

        def swap(src: str) -> str:
            return ast.unparse(Rename().visit(ast.parse(src, mode="eval")))

        return Exercise(self.notebook, self.number, self.module, self.check,
                        tuple(swap(a) for a in self.args),
                        tuple((k, swap(v)) for k, v in self.kwargs),
                        tuple(mapping.get(a, a) for a in self.answers))


def top_level_names(source: str) -> set[str]:
    """The names a cell binds at its top level (assignments, ``def``, ``class``)."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def exercises(nb, notebook: str) -> list[Exercise]:
    """The exercises of a course notebook, found by their cell tags (never by output).

    Each cell tagged ``check`` must be one call of a check imported from
    ``helpers.checks``; its answers are the names that the ``your-turn`` cell before it
    binds.
    """
    imported = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        for node in ast.walk(ast.parse(_python_only(cell.source))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "helpers.checks."):
                imported.update({a.asname or a.name: node.module for a in node.names})
    found, your_turn = [], set()
    for number, cell in enumerate(nb.cells, 1):
        cell_tags = versions.tags(cell)
        if "your-turn" in cell_tags:
            your_turn = top_level_names(cell.source)
        if "check" not in cell_tags:
            continue
        body = ast.parse(cell.source).body
        call = body[0].value if len(body) == 1 and isinstance(body[0], ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id in imported):
            raise ValueError(f"{notebook}: check cell {number} must be one call of a check "
                             f"imported from helpers.checks, got {cell.source!r}")
        args = tuple(ast.get_source_segment(cell.source, a) for a in call.args)
        kwargs = tuple((k.arg, ast.get_source_segment(cell.source, k.value))
                       for k in call.keywords)
        used = {n.id for n in ast.walk(call) if isinstance(n, ast.Name)}
        found.append(Exercise(notebook, len(found) + 1, imported[call.func.id], call.func.id,
                              args, kwargs, tuple(sorted(used & your_turn))))
    return found


def _python_only(source: str) -> str:
    """A cell's source without IPython's ``%magic`` and ``!shell`` lines."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())


def parameter_defaults(nb) -> dict:
    """The literal assignments of the notebook's ``parameters`` cell."""
    for cell in nb.cells:
        if versions.PARAMETERS in versions.tags(cell):
            values = {}
            for node in ast.parse(cell.source).body:
                if (isinstance(node, ast.Assign) and len(node.targets) == 1
                        and isinstance(node.targets[0], ast.Name)):
                    values[node.targets[0].id] = ast.literal_eval(node.value)
            return values
    raise ValueError("the notebook has no cell tagged 'parameters'")


VERDICT_CELL = '''\
# Added by the course's grader after the notebook's own cells. It imports the checks
# afresh and writes their verdicts to a file the grader names; printed text is not read.
def _course_grader_verdicts(exercises, parameters, path, nonce):
    import importlib
    import json
    import sys

    for name in [m for m in sys.modules if m == "helpers" or m.startswith("helpers.")]:
        del sys.modules[name]  # a check patched in this kernel is not the one used
    namespace = {{**globals(), **parameters}}
    verdicts = []
    for module, check, args, kwargs in exercises:
        try:
            values = [eval(a, namespace) for a in args]
            named = {{k: eval(v, namespace) for k, v in kwargs}}
        except NameError as err:
            verdicts.append(["not attempted", f"missing answer: {{err}}"])
            continue
        except BaseException as err:  # noqa: BLE001
            verdicts.append(["error", f"the answer raised {{type(err).__name__}}: {{err}}"])
            continue
        try:
            status, message = getattr(importlib.import_module(module), check).verdict(
                *values, **named)
        except BaseException as err:  # noqa: BLE001
            status, message = "error", f"the check raised {{type(err).__name__}}: {{err}}"
        verdicts.append([str(status), str(message)])
    with open(path, "w", encoding="utf-8") as f:
        json.dump({{"nonce": nonce, "verdicts": verdicts}}, f)


_course_grader_verdicts({exercises!r}, {parameters!r}, {path!r}, {nonce!r})
del _course_grader_verdicts
'''


def verdict_source(found: list[Exercise], parameters: dict, path: str, nonce: str) -> str:
    """The cell the grader appends: every exercise's verdict, written as JSON to ``path``.

    Each argument of a check cell is evaluated in the notebook's namespace, except that the
    notebook's parameters take the values of the assignment (``parameters``), so an answer
    cannot pass by shrinking a parameter the check is given.
    """
    calls = [(e.module, e.check, list(e.args), [list(kv) for kv in e.kwargs]) for e in found]
    return VERDICT_CELL.format(exercises=calls, parameters=parameters, path=path, nonce=nonce)


# ----------------------------------------------------------------------------- the kernel


LAUNCHER = '''\
"""The grader's kernel: ipykernel, under the limits the grader passes in its environment."""
import os
import resource
import sys

limits = {"RLIMIT_AS": "COURSE_GRADER_MEMORY", "RLIMIT_CPU": "COURSE_GRADER_CPU",
          "RLIMIT_FSIZE": "COURSE_GRADER_FSIZE"}
for limit, variable in limits.items():
    value = int(os.environ.pop(variable))
    resource.setrlimit(getattr(resource, limit), (value, value))
with open(os.environ.pop("COURSE_GRADER_PIDFILE"), "w") as f:
    f.write(str(os.getpid()))
log = os.open(os.environ.pop("COURSE_GRADER_KERNEL_LOG"), os.O_WRONLY | os.O_CREAT, 0o600)
os.dup2(log, 1)
os.dup2(log, 2)
os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *sys.argv[1:]])
'''


def install_kernel(where: Path) -> dict[str, str]:
    """A kernelspec ``course-grader`` under ``where``; the environment that finds it."""
    spec_dir = where / "jupyter" / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    (spec_dir / "launch.py").write_text(LAUNCHER, encoding="utf-8")
    spec = {"argv": [sys.executable, str(spec_dir / "launch.py"), "-f", "{connection_file}"],
            "display_name": "Python 3 (course grader)", "language": "python"}
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(where / "jupyter"), os.environ.get("JUPYTER_PATH")]))
    return {"JUPYTER_PATH": path}


# ----------------------------------------------------------------------------- one run


def run_one(spec: dict) -> dict:
    """Execute one prepared notebook (in the worker process); what happened, as a dict.

    papermill's own steps (load, inject the parameters, execute with its nbclient engine),
    except that the executed notebook is written once, at the end, whatever happened.
    """
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.engines import papermill_engines
    from papermill.execute import prepare_notebook_metadata, remove_error_markers
    from papermill.iorw import load_notebook_node, write_ipynb
    from papermill.parameterize import parameterize_notebook

    deadline = time.monotonic() + spec["timeout"]
    nb = load_notebook_node(spec["input"])
    nb = parameterize_notebook(nb, spec["parameters"], kernel_name=KERNEL_NAME,
                               language="python")
    nb = remove_error_markers(prepare_notebook_metadata(nb, spec["input"], spec["output"]))
    outcome = "finished"
    try:
        papermill_engines.execute_notebook_with_engine(
            None, nb, kernel_name=KERNEL_NAME, input_path=spec["input"], output_path=None,
            progress_bar=False, log_output=False, start_timeout=START_TIMEOUT,
            allow_errors=True, shutdown_kernel="immediate",
            timeout_func=lambda cell: max(1, deadline - time.monotonic()))
    except CellTimeoutError:
        outcome = "timeout"
    except DeadKernelError:
        outcome = "dead kernel"
    except RuntimeError as err:  # e.g. the kernel did not start
        outcome = f"kernel failure: {_short(str(err), 120)}"
    finally:
        write_ipynb(nb, spec["output"])
    return {"outcome": outcome}


def worker(spec_path: str) -> int:
    """``python tools/grade.py _worker SPEC``: run one notebook, write the report."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    report = run_one(spec)
    Path(spec["report"]).write_text(json.dumps(report), encoding="utf-8")
    return 0


# ----------------------------------------------------------------------------- grading


@dataclass
class Result:
    """What grading one student's notebook found."""

    statuses: list[str]
    messages: list[str]
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Job:
    student: versions.Student
    notebook: str  # stem
    found: list[Exercise]
    parameters: dict
    submission: Path
    executed: Path


def _all(found: list[Exercise], status: str, message: str, problem: str) -> Result:
    return Result([status] * len(found), [message] * len(found), [problem] if problem else [])


def _cell_labels(nb) -> list[str | None]:
    """How each cell is named in the gradebook: its number as the student sees it (the
    banners papermill adds after an error are not counted), and its exercise role."""
    labels, number, turns, checks = [], 0, 0, 0
    for cell in nb.cells:
        cell_tags = versions.tags(cell)
        if "papermill-error-cell-tag" in cell_tags:
            labels.append(None)
            continue
        number += 1
        if "your-turn" in cell_tags:
            turns += 1
            labels.append(f"cell {number} (your turn, Exercise {turns})")
        elif "check" in cell_tags:
            checks += 1
            labels.append(f"cell {number} (check, Exercise {checks})")
        else:
            labels.append(f"cell {number}")
    return labels


def _cell_errors(nb) -> list[tuple[str, str, str]]:
    """(cell, error name, message) of every cell that raised, the grader's own excepted."""
    errors = []
    for label, cell in zip(_cell_labels(nb), nb.cells, strict=True):
        if GRADER_TAG in versions.tags(cell):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append((label, out.get("ename", "?"), str(out.get("evalue", ""))))
    return errors


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _running_cell(nb) -> str | None:
    """The last cell that started (papermill records each cell's start)."""
    started = [label for label, cell in zip(_cell_labels(nb), nb.cells, strict=True)
               if cell.get("metadata", {}).get("papermill", {}).get("start_time")]
    return started[-1] if started else None


def run_job(job: Job, scratch: Path, env: dict, timeout: float, memory_mib: int) -> Result:
    """Grade one student's notebook in its own worker process and kernel."""
    name = f"{job.notebook}.ipynb"
    try:
        nb = nbformat.read(job.submission, as_version=4)
    except FileNotFoundError:
        return _all(job.found, NOT_ATTEMPTED, f"{name} was not submitted",
                    f"{job.notebook}: not submitted")
    except Exception as err:  # noqa: BLE001 (any unreadable file is the student's problem)
        return _all(job.found, ERROR, f"{name} is not a readable notebook",
                    f"{job.notebook}: not a readable notebook ({type(err).__name__})")
    box = Path(tempfile.mkdtemp(prefix=f"{job.student.id}-{job.notebook}-", dir=scratch))
    work, private = box / "work", box / secrets.token_hex(8)
    work.mkdir()
    private.mkdir(mode=0o700)
    nonce, results = secrets.token_hex(16), private / f"{secrets.token_hex(8)}.json"
    for cell in nb.cells:  # the grader's cell is the grader's alone
        if GRADER_TAG in versions.tags(cell):
            cell.source = ""
    cell = nbformat.v4.new_code_cell(verdict_source(job.found, job.parameters, str(results),
                                                    nonce))
    cell.metadata["tags"] = [GRADER_TAG]
    nb.cells.append(cell)
    nbformat.write(nb, private / name)  # the kernel's own folder stays empty
    job.executed.parent.mkdir(parents=True, exist_ok=True)
    spec = {"input": str(private / name), "output": str(job.executed),
            "parameters": job.parameters, "timeout": timeout,
            "report": str(private / "report.json")}
    (private / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    pidfile, kernel_log, worker_log = private / "kernel.pid", box / "kernel.log", box / "worker.log"
    limits = {"COURSE_GRADER_MEMORY": str(memory_mib * 2**20),
              "COURSE_GRADER_CPU": str(int(timeout) + START_TIMEOUT),
              "COURSE_GRADER_FSIZE": str(256 * 2**20),
              "COURSE_GRADER_PIDFILE": str(pidfile), "COURSE_GRADER_KERNEL_LOG": str(kernel_log)}
    start = time.perf_counter()
    with open(worker_log, "wb") as log:
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "_worker",
                                 str(private / "spec.json")], cwd=work, stdout=log, stderr=log,
                                env={**env, **limits, "PWD": str(work)}, start_new_session=True)
        try:
            proc.wait(timeout=timeout + START_TIMEOUT + 30)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            proc.wait()
    _kill_group(_read_pid(pidfile))  # the kernel's process group, and anything it started
    seconds = time.perf_counter() - start
    report = _read_json(private / "report.json")
    result = _judge(job, report, results, nonce, timeout, memory_mib, worker_log)
    result.seconds = seconds
    shutil.rmtree(box, ignore_errors=True)
    return result


def _judge(job: Job, report: dict | None, results: Path, nonce: str, timeout: float,
           memory_mib: int, worker_log: Path) -> Result:
    """Turn one run into statuses, hints and the problems worth a line in the gradebook."""
    day = job.notebook
    try:
        executed = nbformat.read(job.executed, as_version=4)
    except Exception:  # noqa: BLE001
        executed = nbformat.v4.new_notebook()
    errors = _cell_errors(executed)
    memory = [e for e in errors if e[1] == "MemoryError"]
    if report is None:
        tail = _short(worker_log.read_text(errors="replace")[-400:]) if worker_log.exists() else ""
        return _all(job.found, ERROR, "the grader could not run this notebook",
                    f"{day}: grader failure (stopped after {timeout + START_TIMEOUT + 30:.0f} s "
                    f"or crashed): {tail}")
    if report["outcome"] == "timeout":
        at = _running_cell(executed)
        where = f" in {at}" if at else ""
        return _all(job.found, ERROR, f"the notebook did not finish within {timeout:g} s",
                    f"{day}: timeout: stopped after {timeout:g} s{where}")
    if memory:
        return _all(job.found, ERROR, f"the notebook went over the memory limit "
                    f"({memory_mib} MiB)", f"{day}: memory limit of {memory_mib} MiB exceeded "
                    f"in {memory[0][0]}")
    if report["outcome"] != "finished":
        at = _running_cell(executed)
        where = f" in {at}" if at else ""
        return _all(job.found, ERROR, "the notebook's kernel stopped",
                    f"{day}: crash: {report['outcome']}{where}")
    data = _read_json(results)
    problems = [f"{day}: {label} raised {ename}: {_short(evalue, 80)}"
                for label, ename, evalue in errors[:1]]
    if len(errors) > 1:
        problems[0] += f" (and {len(errors) - 1} more cell(s))"
    if data is None or data.get("nonce") != nonce or len(data.get("verdicts", [])) != len(
            job.found):
        grader_error = _cell_errors_of_grader(executed)
        why = f" ({grader_error[0]})" if grader_error else ""
        return _all(job.found, ERROR, "the checks could not be run after the notebook",
                    f"{day}: the grader's checks did not complete{why}")
    statuses, messages = [], []
    for exercise, (status, message) in zip(job.found, data["verdicts"], strict=True):
        status = status if status in STATUSES else ERROR
        statuses.append(status)
        messages.append(message)
        if message.startswith("missing answer"):
            problems.append(f"{exercise.column}: {message}")
        elif status == ERROR:
            problems.append(f"{exercise.column}: {_short(message, 80)}")
    return Result(statuses, messages, problems)


def _cell_errors_of_grader(nb) -> list[str]:
    return [f"{out.get('ename')}: {_short(str(out.get('evalue', '')), 80)}"
            for cell in nb.cells if GRADER_TAG in versions.tags(cell)
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text())
    except (OSError, ValueError):
        return None


def _kill_group(pid: int | None) -> None:
    """SIGKILL the process group led by ``pid`` (a worker or a kernel this grader started)."""
    if pid:
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def grade(submissions: Path, students: list[versions.Student], out_dir: Path,
          notebooks: list[str] | None = None, timeout: float = 180, memory_mib: int = 4096,
          jobs: int = 2, echo=print) -> list[dict]:
    """Grade every student's notebooks; write the gradebook, feedback and executed copies."""
    if not submissions.is_dir():
        raise SystemExit(f"make grade: SUBMISSIONS={submissions} is not a folder")
    by_stem = {p.stem: p for p in versions.notebook_paths()}
    if notebooks:
        stems = [p.stem for p in versions.notebook_paths(notebooks)]
    else:
        present = {p.stem for p in submissions.glob("*/*.ipynb")}
        stems = [s for s in by_stem if s in present]
        if not stems:
            raise SystemExit(f"make grade: no course notebook under {submissions}/<id>/ "
                             f"(expected names like {next(iter(by_stem))}.ipynb)")
    ids = {s.id for s in students}
    for folder in sorted(p for p in submissions.iterdir() if p.is_dir()):
        if folder.name not in ids:
            echo(f"grade: {folder} is not on the roster; not graded")
    masters = {stem: nbformat.read(by_stem[stem], as_version=4) for stem in stems}
    found = {stem: exercises(nb, stem) for stem, nb in masters.items()}
    defaults = {stem: parameter_defaults(nb) for stem, nb in masters.items()}
    for name in ("grades.csv", "feedback", "executed"):
        target = out_dir / name
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(
            missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = [Job(student, stem, found[stem], {**defaults[stem], "SEED": student.seed},
                submissions / student.id / f"{stem}.ipynb",
                out_dir / "executed" / student.id / f"{stem}.ipynb")
            for student in students for stem in stems]
    scratch = Path(tempfile.mkdtemp(prefix="course-grade-"))
    if scratch.resolve().is_relative_to(ROOT):
        raise SystemExit(f"make grade: the temporary folder {scratch} is inside the course")
    env = {**os.environ, **install_kernel(scratch)}
    echo(f"Grading {len(students)} student(s) x {len(stems)} notebook(s), {jobs} at a time, "
         f"each within {timeout:g} s and {memory_mib} MiB")
    done = 0

    def one(job: Job) -> Result:
        nonlocal done
        result = run_job(job, scratch, env, timeout, memory_mib)
        done += 1
        tally = f"{result.statuses.count(CORRECT)}/{len(job.found)} correct"
        extra = f"; {'; '.join(result.problems)}" if result.problems else ""
        echo(f"[{done}/{len(work)}] {job.student.id} {job.notebook}: {tally} "
             f"({result.seconds:.1f} s){extra}")
        return result

    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(one, work))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows = _write_gradebook(out_dir, students, stems, found, work, results)
    echo(f"Gradebook: {out_dir / 'grades.csv'}; feedback: {out_dir / 'feedback'}/<id>.md")
    return rows


def _write_gradebook(out_dir, students, stems, found, work, results) -> list[dict]:
    columns = [e.column for stem in stems for e in found[stem]]
    by_key = {(job.student.id, job.notebook): result for job, result in zip(work, results,
                                                                             strict=True)}
    rows = []
    (out_dir / "feedback").mkdir(parents=True, exist_ok=True)
    for student in students:
        row = {"id": student.id, "seed": student.seed}
        problems = []
        lines = [f"# Feedback for {student.id}", "",
                 (f"Your notebooks ran with `SEED = {student.seed}`. For each exercise: the "
                 "verdict of its check, and the hint you would have seen."), ""]
        for stem in stems:
            result = by_key[(student.id, stem)]
            lines += [f"## {stem}", ""]
            for exercise, status, message in zip(found[stem], result.statuses,
                                                 result.messages, strict=True):
                row[exercise.column] = status
                lines.append(f"- Exercise {exercise.number} (`{exercise.check}`): "
                             f"{SYMBOLS[status]} {status}: {message}")
            problems += result.problems
            if result.problems:
                lines += ["", "What went wrong: " + "; ".join(result.problems) + "."]
            lines.append("")
        row["total"] = sum(row[c] == CORRECT for c in columns)
        row["out_of"] = len(columns)
        row["problems"] = "; ".join(problems)
        rows.append(row)
        (out_dir / "feedback" / f"{student.id}.md").write_text("\n".join(lines),
                                                               encoding="utf-8")
    with open(out_dir / "grades.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["id", "seed", *columns, "total", "out_of", "problems"])
        writer.writeheader()
        writer.writerows(rows)
    return rows


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_worker"]:
        return worker(argv[1])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, help="one folder per student id")
    parser.add_argument("roster", type=Path, help="CSV with a column id (and seed)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "grades")
    parser.add_argument("--nb", nargs="+", default=[], metavar="NOTEBOOK",
                        help="the days to grade (default: every day someone submitted)")
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds per notebook, kernel start included (default 180)")
    parser.add_argument("--memory", type=int, default=4096,
                        help="address-space limit of each kernel in MiB (default 4096)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks graded at once (default: the number of CPUs)")
    args = parser.parse_args(argv)
    try:
        students = versions.read_roster(args.roster)
    except versions.RosterError as err:
        print(f"make grade: {err}", file=sys.stderr)
        return 2
    submissions, out = args.submissions.resolve(), args.out.resolve()
    os.chdir(tempfile.gettempdir())  # the grader never works from the course's folder
    grade(submissions, students, out, args.nb, args.timeout, args.memory, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
