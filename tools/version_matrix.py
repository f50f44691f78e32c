"""The course on the oldest and the newest versions it supports: `make test-matrix`.

pyproject.toml's floors (``numpy>=``, ``matplotlib>=``) are the oldest versions tested here,
installed exactly. For each environment of ``environments()`` this builds a throw-away venv
in build/matrix/NAME (with tools/colab_runtimes.py's machinery; kept between runs while
what it is built from is unchanged) and checks, failing on any difference:

1. the versions under test are installed, then the course with ``pip install -e .``, its
   dependencies included, as a learner would: that install must change nothing already
   installed (a floor above the learner's NumPy would replace it);
2. every notebook runs under nbval, strictly, against the stored outputs, with the course's
   sanitizer (tests/nbval_sanitize.cfg) plus tests/nbval_sanitize_matrix.cfg, which hides
   only the fingerprint's lines that depend on the NumPy version by design (the versions
   it names, and its verdict on the random streams); the fingerprint must name the
   environment's NumPy, and its verdict is shown;
3. a notebook that needs PyTorch, where the environment has none, must stop at exactly its
   one-line missing-PyTorch message, as in `make test-colab`;
4. the helpers' unit tests and doctests pass.

Usage (from the repository root):

    python tools/version_matrix.py list
    python tools/version_matrix.py build NAME          # the venv: build/matrix/NAME/venv
    python tools/version_matrix.py test [NAME ...]     # `make test-matrix` (MATRIX="NAME ...")
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar


def _colab_runtimes():
    """tools/colab_runtimes.py, the machinery of the throw-away venvs (tools/ is not a
    package; the module is shared with tests/colab/ under the same name)."""
    if "colab_runtimes" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "colab_runtimes", Path(__file__).resolve().with_name("colab_runtimes.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules["colab_runtimes"] = module
        spec.loader.exec_module(module)
    return sys.modules["colab_runtimes"]


venvs = _colab_runtimes()
ROOT = venvs.ROOT
BUILD = ROOT / "build" / "matrix"
COURSE_SANITIZER = ROOT / "tests" / "nbval_sanitize.cfg"
MATRIX_SANITIZER = ROOT / "tests" / "nbval_sanitize_matrix.cfg"
KERNEL = "matrix"

#: The unit tests' references on the oldest NumPy, from the same months (NumPy 1.26.4 came
#: out in February 2024): SciPy 1.12.0 (January 2024), scikit-learn 1.4.1.post1 (February).
OLDEST_REFERENCES = ("scipy==1.12.0", "scikit-learn==1.4.1.post1")
#: The unit tests' references, next to pyproject.toml's dependencies: what the newest
#: environment takes at the registry's newest versions.
REFERENCES = ("scipy", "scikit-learn")
#: What runs and checks the notebooks (ipywidgets: the explorations' controls), at the newest
#: versions for the environment's Python (not under test).
TOOLING = ("ipykernel", "ipywidgets", "nbval", "pytest", "pytest-xdist")
#: Shown for each environment.
SHOWN = ("numpy", "matplotlib", "scipy", "scikit-learn", "torch", "ipykernel", "nbval")


# ----------------------------------------------------------------------------- environments


def floors(dependencies: list[str] | None = None) -> dict[str, str]:
    """pyproject.toml's dependencies, each ``name>=version``: name -> its floor.

    A dependency without a floor, or with any other specifier, is refused: the oldest
    environment installs every floor exactly, so that the floor is what is tested.
    """
    if dependencies is None:
        with open(ROOT / "pyproject.toml", "rb") as f:
            dependencies = tomllib.load(f)["project"]["dependencies"]
    found = {}
    for dependency in dependencies:
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)>=(\d+(?:\.\d+)*)",
                             dependency.replace(" ", ""))
        if match is None:
            raise ValueError(f"pyproject.toml: dependency {dependency!r} is not 'name>=X.Y.Z'; "
                             "make test-matrix installs each floor exactly, so each needs one")
        found[match.group(1)] = match.group(2)
    return found


@dataclass(frozen=True)
class Environment(venvs.VenvLayout):
    """One environment of the matrix: a Python and the versions under test."""

    name: str
    python: str  # the minor version, e.g. "3.12"
    packages: tuple[str, ...]  # pins (name==version), or names resolved at every run
    newest: bool = False  # resolve ``packages`` to the registry's newest at every run
    torch: bool = False  # with the course's PyTorch extra; runs only the notebooks needing it
    notes: tuple[str, ...] = field(default=())  # what it does not test, in plain words
    build_dir: ClassVar[Path] = BUILD

    @property
    def python_exe(self) -> Path:
        return self.venv / "bin" / "python"


def environments() -> list[Environment]:
    """The oldest supported versions (the floors), the newest, and the oldest with PyTorch.

    PyTorch exists here only as a CPU wheel for Python 3.11 (the course's pin): the
    environments on 3.12 and 3.13 have none, so Day 9 must stop there at its one-line
    message, and a third environment runs the notebooks that need PyTorch on the oldest
    versions, on Python 3.11. The newest NumPy with PyTorch is not tested: NumPy 2.5 needs
    Python 3.12, and `make test` runs Day 9 on the pinned NumPy 2.4.
    """
    oldest = tuple(f"{name}=={version}" for name, version in floors().items())
    newest = (*floors(), *REFERENCES)
    no_torch = ("Day 9 stops at its one-line missing-PyTorch message (no PyTorch wheel for "
                "this Python here); its cells before that stop run but are not compared")
    torch_only = ("only the notebooks that need PyTorch (the others run in 'oldest', on the "
                  "same versions)")
    return [
        Environment("oldest", "3.12", (*oldest, *OLDEST_REFERENCES), notes=(no_torch,)),
        Environment("newest", "3.13", newest, newest=True, notes=(no_torch,)),
        Environment("oldest-py3.11-torch", "3.11",
                    (*oldest, *OLDEST_REFERENCES, venvs.torch_requirement()), torch=True,
                    notes=(torch_only,)),
    ]


def selected(names: list[str]) -> list[Environment]:
    every = environments()
    unknown = set(names) - {e.name for e in every}
    if unknown:
        sys.exit(f"version_matrix.py: no environment {sorted(unknown)}; "
                 f"there are {[e.name for e in every]}")
    return [e for e in every if not names or e.name in names]


def notebooks_for(env: Environment) -> list[Path]:
    """Every notebook; in the PyTorch environment only those that need PyTorch."""
    return [p for p in venvs.notebooks() if not env.torch or venvs.needs_torch(p)]


# ----------------------------------------------------------------------------- build


def definition(env: Environment, python: str) -> dict[str, object]:
    """What the venv is built from; a venv built from anything else is rebuilt."""
    course = hashlib.sha256()
    for name in ("pyproject.toml", "requirements-torch.in"):
        course.update((ROOT / name).read_bytes())
    return {"python": python, "version": venvs.python_version(python),
            "packages": list(env.packages), "tooling": list(TOOLING), "torch": env.torch,
            "course": course.hexdigest()}


def build(env: Environment, python: str, log=print) -> list[str]:
    """Build ``env``'s venv, or reuse it; the problems found (empty: none).

    A fresh venv gets the versions under test and the tooling, then the course installed
    as a learner would, ``pip install -e .`` with its dependencies (``.[torch]`` with
    PyTorch), which must change nothing. A kept venv must still hold what it was built
    with; the newest environment's packages are upgraded to the registry's newest first.
    """
    wanted = definition(env, python)
    stamp, record = env.dir / "definition.json", env.dir / "installed.json"
    kept = (stamp.exists() and record.exists() and env.python_exe.exists()
            and json.loads(stamp.read_text(encoding="utf-8")) == wanted)
    if kept and venvs.installed(env) != json.loads(record.read_text(encoding="utf-8")):
        log(f"test-matrix: {env.name}: the kept venv was changed; rebuilding it")
        kept = False
    problems = []
    if not kept:
        log(f"test-matrix: {env.name}: building {env.venv.relative_to(ROOT)} "
            f"(Python {wanted['version']}) ...")
        shutil.rmtree(env.dir, ignore_errors=True)
        env.dir.mkdir(parents=True)
        subprocess.run([python, "-m", "venv", str(env.venv)], check=True)
        venvs.pip(env, "install", "--upgrade", "pip")
    if not kept or env.newest:
        upgrade = ("--upgrade", "--upgrade-strategy", "eager") if env.newest else ()
        venvs.pip(env, "install", *upgrade, *env.packages, *TOOLING)
    if not kept:
        before = venvs.installed(env)
        venvs.pip(env, "install", "-e", f"{ROOT}[torch]" if env.torch else str(ROOT))
        problems += [f"`pip install -e .` {p.removeprefix('the setup cell ')}"
                     for p in venvs.change_problems(before, venvs.installed(env))]
        venvs.write_kernelspec(env, KERNEL, f"Course matrix: {env.name}")
        stamp.write_text(json.dumps(wanted, indent=1), encoding="utf-8")
    record.write_text(json.dumps(venvs.installed(env), indent=1), encoding="utf-8")
    return problems + version_problems(env, venvs.installed(env))


def version_problems(env: Environment, installed: dict[str, str]) -> list[str]:
    """Every pin of ``env`` installed exactly, the course installed, PyTorch only with it."""
    problems = []
    for requirement in env.packages:
        name, _, version = requirement.partition("==")
        have = installed.get(venvs.canonical(name))
        if have is None or (version and not venvs.matches(have, version)):
            problems.append(f"{name} is {have or 'not installed'}, not {version or 'installed'}")
    if venvs.PACKAGE not in installed:
        problems.append(f"{venvs.PACKAGE} is not installed")
    if ("torch" in installed) != env.torch:
        problems.append(f"torch is {installed.get('torch', 'not installed')}, "
                        f"{'wanted' if env.torch else 'unwanted'} here")
    return problems


def newer_releases(env: Environment) -> list[str]:
    """Packages under test with a newer release for this Python than the one installed
    (in the newest environment, a cap in another package's requirements): plain lines."""
    out = subprocess.run([str(env.python_exe), "-m", "pip", "list", "--outdated", "--format",
                          "json", "--disable-pip-version-check"], capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        return [f"could not ask the registry for newer releases: {out.stderr.strip()[-300:]}"]
    names = {venvs.canonical(p.partition("==")[0]) for p in env.packages}
    return [f"{d['name']} {d['latest_version']} exists, {d['version']} is installed"
            for d in json.loads(out.stdout) if venvs.canonical(d["name"]) in names]


# ----------------------------------------------------------------------------- checks


def sanitizer() -> Path:
    """The course's nbval sanitizer followed by the matrix's, as one file (nbval takes one)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    path = BUILD / "nbval_sanitize.cfg"
    path.write_text(COURSE_SANITIZER.read_text(encoding="utf-8") + "\n"
                    + MATRIX_SANITIZER.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def nbval(env: Environment, notebooks: list[Path], workers: int) -> int:
    """nbval, strict, over ``notebooks`` in ``env``'s kernel; its report goes to the console."""
    cmd = [str(env.python_exe), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
           "--nbval-current-env", "--nbval-sanitize-with", str(sanitizer().relative_to(ROOT)),
           *(["-n", str(workers), "--dist", "loadfile"] if workers > 1 else []),
           *(str(p.relative_to(ROOT)) for p in notebooks)]
    return subprocess.run(cmd, cwd=ROOT, env=venvs.kernel_env(env, None), check=False).returncode


def fingerprint(env: Environment) -> str:
    """The fingerprint report the notebooks print, in ``env``."""
    code = "from helpers.reproducibility import fingerprint_report; print(fingerprint_report())"
    return subprocess.run([str(env.python_exe), "-c", code], cwd=env.dir, check=True,
                          env=venvs.kernel_env(env, None), capture_output=True,
                          text=True).stdout.strip()


def verdict(report: str) -> str:
    """The fingerprint's verdict in a word: do the random streams match the recorded ones?"""
    lines = report.splitlines()
    return "differ" if len(lines) > 1 and lines[1].startswith("Random streams differ") else "match"


def fingerprint_problems(report: str, numpy: str) -> list[str]:
    """The fingerprint (whose first line the matrix's sanitizer hides) names ``numpy``."""
    if report.startswith(f"NumPy {numpy} with "):
        return []
    return [f"the fingerprint does not name NumPy {numpy}: {report.splitlines()[:1]}"]


def stop_problems(env: Environment, notebook: Path, numpy: str) -> list[str]:
    """``notebook`` (which needs PyTorch), run in ``env`` (which has none), stops at exactly
    its one-line missing-PyTorch message, and at nothing before it."""
    import nbformat

    from helpers.optional import torch_hint

    nb = venvs.execute(env, notebook, None, env.dir / "executed", kernel_name=KERNEL)
    stored = nbformat.read(notebook, as_version=4)
    return venvs.run_problems(nb, torch_missing=True, numpy=numpy,
                              missing_torch_line=f"MissingDependency: {torch_hint()}",
                              stderr_allowed=frozenset(venvs.stderr_cells(stored)))


@dataclass
class Result:
    env: Environment
    versions: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    fingerprint: str = "not run"
    notebooks: str = "not run"
    unit: str = "not run"
    build_seconds: float = 0.0
    test_seconds: float = 0.0


def check(env: Environment, built, workers: int) -> Result:
    """Every check of the module docstring in ``env``, once ``built`` (a future) is done."""
    result = Result(env)
    start = time.monotonic()
    try:
        result.problems, result.build_seconds = built.result()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:  # pip, venv:
        # this environment fails, the others still run
        result.problems = [f"the build failed: {error}"]
        return result
    result.versions = venvs.installed(env)
    numpy = result.versions.get("numpy", "?")
    print(f"\ntest-matrix: {env.name}: {describe(env, result.versions)}", flush=True)
    report = fingerprint(env)
    print("\n".join(f"    {line}" for line in report.splitlines()), flush=True)
    result.problems += fingerprint_problems(report, numpy)
    result.fingerprint = verdict(report)
    if env.newest:  # a note, not a failure: the registry's newest may not install together
        newest = f"the registry has no newer release of {', '.join(env.packages)}"
        for line in newer_releases(env) or [newest]:
            print(f"test-matrix: {env.name}: {line}", flush=True)

    chosen = notebooks_for(env)
    stopped = [p for p in chosen if venvs.needs_torch(p) and not env.torch]
    compared = [p for p in chosen if p not in stopped]
    failed = nbval(env, compared, workers)
    if failed:
        result.problems.append("nbval: stored outputs differ (the report above)")
    for notebook in stopped:
        result.problems += [f"{notebook.name}: {p}" for p in stop_problems(env, notebook, numpy)]
    result.notebooks = (f"{len(compared)} compared" + (" (failed)" if failed else "")
                        + (f", {len(stopped)} stopped without PyTorch" if stopped else ""))

    unit = venvs.unit_tests(env, has_torch=env.torch)
    result.unit = unit.stdout.strip().splitlines()[-1] if unit.stdout.strip() else "no output"
    print(f"test-matrix: {env.name}: unit tests and doctests: {result.unit}", flush=True)
    if unit.returncode != 0:
        print(unit.stdout[-6000:] + unit.stderr[-2000:], flush=True)
        result.problems.append(f"unit tests: {result.unit}")
    result.test_seconds = time.monotonic() - start
    return result


def describe(env: Environment, versions: dict[str, str]) -> str:
    shown = ", ".join(f"{name} {versions[name]}" for name in SHOWN if name in versions)
    return (f"Python {python_of(env)}, {shown}" + "".join(f"; {note}" for note in env.notes))


def timed_build(env: Environment, python: str) -> tuple[list[str], float]:
    start = time.monotonic()
    problems = build(env, python, log=lambda line: print(line, flush=True))
    return problems, time.monotonic() - start


def summary(results: list[Result]) -> str:
    """A Markdown table of what was tested and how it went."""
    head = ("| environment | Python | NumPy | matplotlib | SciPy | scikit-learn | PyTorch | "
            "fingerprint | notebooks | unit tests | build s | tests s | result |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---: | ---: | --- |\n")
    rows = []
    for r in results:
        v = r.versions
        rows.append(f"| {r.env.name} | {python_of(r.env)} | {v.get('numpy', '-')} | "
                    f"{v.get('matplotlib', '-')} | {v.get('scipy', '-')} | "
                    f"{v.get('scikit-learn', '-')} | {v.get('torch', 'none')} | "
                    f"streams {r.fingerprint} | {r.notebooks} | "
                    f"{r.unit} | {r.build_seconds:.0f} | {r.test_seconds:.0f} | "
                    f"{'FAILED' if r.problems else 'passed'} |")
    return head + "\n".join(rows) + "\n"


def python_of(env: Environment) -> str:
    """The full Python version ``env``'s venv was built with (its minor one before a build)."""
    stamp = env.dir / "definition.json"
    if not stamp.exists():
        return env.python
    return json.loads(stamp.read_text(encoding="utf-8"))["version"]


def test(names: list[str], workers: int) -> int:
    chosen = selected(names)
    results, missing = [], []
    pythons = {e.name: venvs.find_python(e.python) for e in chosen}
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:  # builds overlap the checks before them
        builds = {e.name: pool.submit(timed_build, e, pythons[e.name])
                  for e in chosen if pythons[e.name]}
        for env in chosen:
            if pythons[env.name] is None:
                missing.append(f"test-matrix: FAILED {env.name}: no Python {env.python} on "
                               "this machine (PATH or pyenv); a skipped environment is not a pass")
                continue
            results.append(check(env, builds[env.name], workers))
    table = summary(results)
    (BUILD / "summary.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    for r in results:
        for problem in r.problems:
            print(f"test-matrix: FAILED {r.env.name}: {problem}")
    for line in missing:
        print(line)
    failed = missing or any(r.problems for r in results)
    print(f"test-matrix: {'FAILED' if failed else 'passed'} in "
          f"{time.monotonic() - start:.0f} s (table in {(BUILD / 'summary.md').relative_to(ROOT)})")
    return 1 if failed else 0


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="the environments and where their Pythons are")
    p_build = sub.add_parser("build", help="build (or update) one environment's venv")
    p_build.add_argument("name")
    p_test = sub.add_parser("test", help="build and check the environments (all by default)")
    p_test.add_argument("names", nargs="*")
    p_test.add_argument("--workers", type=int, default=2, help="nbval's pytest-xdist workers")
    args = parser.parse_args(argv)

    if args.command == "list":
        for env in environments():
            python = venvs.find_python(env.python)
            print(f"{env.name}: Python {env.python} ({python or 'not on this machine'}), "
                  f"{' '.join(env.packages)}" + (" (newest at every run)" if env.newest else ""))
        return 0
    if args.command == "test":
        return test(args.names, args.workers)
    env = selected([args.name])[0]
    python = venvs.find_python(env.python)
    if python is None:
        sys.exit(f"version_matrix.py: no Python {env.python} on this machine")
    problems = build(env, python)
    print(f"built {env.venv}: {describe(env, venvs.installed(env))}")
    for problem in problems:
        print(f"problem: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
