"""Copies of the course's notebooks, each made by a short chain of nbconvert preprocessors.

Usage (the Makefile calls these; run them from the repository root):

    python tools/versions.py student [--out build/student] [--nb NOTEBOOK ...]
    python tools/versions.py assign ROSTER [--out build/assign] [--nb NOTEBOOK ...]
    python tools/versions.py learner [--out notebooks/learner] [--nb NOTEBOOK ...]

As nbgrader builds its versions, every copy is the stored notebook passed through a chain
of small preprocessors, each doing one thing:

- the **student build** (``STUDENT``): drop the solution cells (and the Colab badge, which
  opens the course's own notebook), clear the outputs, say where the exercises start that
  this copy has no solutions, then refuse to write a notebook in which a solution survived
  (a cell tagged ``solution`` or a ``*_solution`` name anywhere);
- an **assignment** (:func:`assignment_chain`): the student build, then the student's
  ``SEED`` set through papermill's parameter injection (a cell tagged
  ``injected-parameters`` after the ``parameters`` cell); nothing is executed;
- the **learner copy** (``LEARNER``): outputs cleared, solutions kept and folded (hidden
  in JupyterLab, a form in Colab), the ``parameters`` and setup cells untouched, and links
  to files other than the days themselves pointed at GitHub (the copies live one folder
  deeper, and JupyterLab serves only their folder). ``make sync`` keeps one copy of each day
  in ``notebooks/learner/`` (``tools/course.py``); the Colab badges open those, and
  ``make lab`` starts a learner's own working copies from them.

A roster is a CSV file with a column ``id`` and optionally ``seed``. A student without a
seed gets :func:`seed_from_id`: the first four bytes of the SHA-256 of the id (UTF-8),
read big-endian, shifted right by one bit, so ``0 <= seed < 2**31`` and the same id always
gets the same seed. A roster in which two students would share a seed is refused.
"""

from __future__ import annotations

import argparse
import copy
import csv
import hashlib
import posixpath
import re
import sys
import tomllib
from pathlib import Path
from typing import NamedTuple

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor
from traitlets import Dict, List, Unicode

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LEARNER_COPIES = NOTEBOOKS / "learner"
SOLUTION, PARAMETERS = "solution", "parameters"
#: A name a solution cell defines (``noisy_copy_solution``); ``check_x.solution`` is not one.
SOLUTION_NAME = re.compile(r"\b\w+_solution\b")
#: What a student id may hold: it names a folder under build/assign/ and build/grades/.
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]*")
MAX_SEED = 2**31  # seeds stay below it, so SEED + a few still fits 32 bits


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


# ----------------------------------------------------------------------------- preprocessors


class DropCells(Preprocessor):
    """Remove every cell carrying one of ``drop_tags``."""

    drop_tags = List(Unicode(), help="cells with any of these tags are dropped").tag(
        config=True)

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if not set(self.drop_tags) & set(tags(cell))]
        return nb, resources


class AddStudentNote(Preprocessor):
    """Say, under the ``## Exercises`` heading, that this copy has no solutions and who
    grades it (some days say above that a hidden solution follows each exercise)."""

    note = Unicode(
        "*Student version: the solutions are left out of this copy. Try each exercise, run its "
        "check\nand use its hint; your instructor grades your work with the same checks.*"
    ).tag(config=True)

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.cell_type == "markdown" and cell.source.startswith("## Exercises"):
                heading, _, rest = cell.source.partition("\n")
                cell.source = f"{heading}\n\n{self.note}\n{rest}".rstrip()
                return nb, resources
        first_try = [i for i, cell in enumerate(nb.cells) if "your-turn" in tags(cell)]
        if first_try:  # no heading: a cell of its own before the first exercise's prompt
            nb.cells.insert(max(first_try[0] - 1, 0), nbformat.v4.new_markdown_cell(self.note))
        return nb, resources


class SolutionLeak(ValueError):
    """A copy meant for students would still hold a solution."""


class RequireNoSolutions(Preprocessor):
    """Fail, naming the cell, if a solution survived: a ``solution`` tag or ``*_solution``."""

    def preprocess(self, nb, resources):
        name = resources.get("name", "notebook")
        for number, cell in enumerate(nb.cells, 1):
            texts = [cell.source] + [str(out.get("text", "")) + str(out.get("data", {}))
                                     for out in cell.get("outputs", [])]
            found = [m.group(0) for text in texts for m in SOLUTION_NAME.finditer(text)]
            if SOLUTION in tags(cell) or found:
                what = f"the name {found[0]!r}" if found else "a cell tagged 'solution'"
                raise SolutionLeak(f"{name}: cell {number} holds {what}; a student copy must "
                                   "hold no solution")
        return nb, resources


class FoldSolutions(Preprocessor):
    """Keep every solution folded: source and output hidden in JupyterLab, a form in Colab."""

    def preprocess_cell(self, cell, resources, index):
        if SOLUTION in tags(cell):
            cell.metadata.setdefault("jupyter", {}).update(source_hidden=True,
                                                           outputs_hidden=True)
            cell.metadata["cellView"] = "form"
        return cell, resources


class InjectParameters(Preprocessor):
    """Set parameters as papermill does: a cell tagged ``injected-parameters`` after the
    ``parameters`` cell (replacing an earlier injected cell), without executing anything."""

    parameters = Dict(help="the parameters to inject, e.g. {'SEED': 7}").tag(config=True)
    comment = Unicode("Parameters", help="the injected cell's first line").tag(config=True)

    def preprocess(self, nb, resources):
        from papermill.parameterize import parameterize_notebook

        if not any(PARAMETERS in tags(cell) for cell in nb.cells):
            raise ValueError(f"{resources.get('name', 'notebook')}: no cell tagged "
                             f"{PARAMETERS!r} to inject {dict(self.parameters)} after")
        untagged = [cell for cell in nb.cells if "tags" not in cell.metadata]
        for cell in untagged:  # papermill reads cell.metadata.tags of every cell
            cell.metadata["tags"] = []
        nb.metadata.setdefault("papermill", {})
        nb = parameterize_notebook(nb, dict(self.parameters), comment=self.comment)
        for cell in untagged:
            del cell.metadata["tags"]
        return nb, resources


#: A Markdown link or image target, ``](target)``, and an HTML ``href``/``src`` attribute.
LINK = re.compile(r"(\]\(|\b(?:href|src)=[\"'])([^)\"'\s]+)")
#: A day of the course, linked from another day: its copy sits beside the copy linking it.
DAY_FILE = re.compile(r"day\d\d_\w+\.ipynb")


def course_blob_url() -> str:
    """The course's files on GitHub at its tag (``[tool.numpy-random-ml]``), ending in '/'."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        cfg = tomllib.load(f)["tool"]["numpy-random-ml"]
    return f"https://github.com/{cfg['repository']}/blob/{cfg['tag']}/"


class RebaseLinks(Preprocessor):
    """Point relative links of Markdown cells that are not another day at GitHub.

    A copy in ``notebooks/learner/`` (or a learner's working folder) sits one folder below
    ``notebooks/``, and JupyterLab serves nothing above its folder: ``../CHEATSHEET.md``
    would lead nowhere. Links to a day (``day02_distributions.ipynb``) stay relative, so
    they open that day's copy next to this one.
    """

    base = Unicode(help="the URL a link relative to notebooks/ is resolved against, "
                        "ending in '/' (default: the course on GitHub at its tag)").tag(config=True)

    def preprocess(self, nb, resources):
        base = self.base or course_blob_url()
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = LINK.sub(lambda m: m.group(1) + self.rebase(m.group(2), base),
                                       cell.source)
        return nb, resources

    @staticmethod
    def rebase(target: str, base: str) -> str:
        path, hash_, fragment = target.partition("#")
        if not path or re.match(r"[a-z][a-z0-9+.-]*:|/", path) or DAY_FILE.fullmatch(path):
            return target  # an anchor, a URL, an absolute path or another day
        return base + posixpath.normpath(posixpath.join("notebooks", path)) + hash_ + fragment


def enabled(*preprocessors: Preprocessor) -> tuple[Preprocessor, ...]:
    for preprocessor in preprocessors:
        preprocessor.enabled = True
    return preprocessors


#: The version handed out to a class: no solutions, no outputs, and no Colab badge (it
#: opens the course's own notebook, with its solutions, instead of the student's copy).
STUDENT = enabled(DropCells(drop_tags=[SOLUTION, "course-badge"]), ClearOutputPreprocessor(),
                  AddStudentNote(), RequireNoSolutions())
#: A learner's own copy (issue 21): no outputs, the solutions still there and folded, links
#: that would break one folder deeper pointed at GitHub.
LEARNER = enabled(ClearOutputPreprocessor(), FoldSolutions(), RebaseLinks())


def assignment_chain(seed: int) -> tuple[Preprocessor, ...]:
    """The student build, then ``SEED = seed`` injected as papermill injects parameters."""
    comment = "Your own SEED, set by your instructor (it replaces the one above)"
    return STUDENT + enabled(InjectParameters(parameters={"SEED": seed}, comment=comment))


def convert(nb, chain: tuple[Preprocessor, ...], name: str = "notebook"):
    """A copy of ``nb`` passed through ``chain``; ``nb`` itself is left as it was."""
    nb, resources = copy.deepcopy(nb), {"name": name}
    for preprocessor in chain:
        nb, resources = preprocessor(nb, resources)
    return nb


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The course's notebooks in day order, or the ones named (path or stem)."""
    every = sorted(NOTEBOOKS.glob("day*.ipynb"))
    if not names:
        return every
    by_stem = {path.stem: path for path in every}
    missing = [name for name in names if Path(name).stem not in by_stem]
    if missing:
        raise SystemExit(f"versions.py: no notebook named {missing} in notebooks/ "
                         f"(there are {', '.join(by_stem)})")
    return [by_stem[Path(name).stem] for name in names]


def notebook_text(nb) -> str:
    """A notebook as ``nbformat.write`` stores it, to compare a copy with the file on disk."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def learner_copy(nb, name: str = "notebook") -> str:
    """The text of the learner copy of the stored notebook ``nb``."""
    return notebook_text(convert(nb, LEARNER, name))


def write_versions(paths: list[Path], chain: tuple[Preprocessor, ...], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        nb = convert(nbformat.read(path, as_version=4), chain, path.name)
        nbformat.write(nb, out_dir / path.name)


# ----------------------------------------------------------------------------- roster


class RosterError(ValueError):
    """The roster cannot be used; the message names the line and what is wrong."""


class Student(NamedTuple):
    id: str
    seed: int
    seed_from: str  # "roster" (its seed column) or "id" (seed_from_id)


def seed_from_id(student_id: str) -> int:
    """The seed of a student without one in the roster: reproducible from the id alone.

    The first four bytes of the id's SHA-256 (UTF-8), read big-endian, shifted right by one
    bit: ``0 <= seed < 2**31``.

    Examples
    --------
    >>> seed_from_id("alice")
    367788900
    >>> import hashlib
    >>> int.from_bytes(hashlib.sha256(b"alice").digest()[:4], "big") >> 1
    367788900
    """
    return int.from_bytes(hashlib.sha256(student_id.encode("utf-8")).digest()[:4], "big") >> 1


def read_roster(path: Path) -> list[Student]:
    """The students of a roster CSV (column ``id``, optionally ``seed``; others ignored)."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            header = [name.strip() for name in reader.fieldnames or []]
            rows = list(reader)
    except FileNotFoundError:
        raise RosterError(f"roster {path} does not exist") from None
    if "id" not in header:
        raise RosterError(f"roster {path} needs a header line with a column 'id'; its first "
                          f"line holds {header}")
    if not rows:
        raise RosterError(f"roster {path} holds no student: after the header, one line per "
                          "student")
    students, seen_ids, seen_seeds = [], {}, {}
    for line, row in enumerate(rows, 2):
        row = {key.strip(): (value or "").strip() for key, value in row.items() if key}
        sid, seed_text = row["id"], row.get("seed", "")
        where = f"roster {path}, line {line}"
        if not STUDENT_ID.fullmatch(sid):
            raise RosterError(f"{where}: id {sid!r} must be letters, digits and . _ @ + - "
                              "(not starting with . _ @ + -), since it names a folder")
        if sid in seen_ids:
            raise RosterError(f"{where}: id {sid!r} is already on line {seen_ids[sid]}")
        seen_ids[sid] = line
        if seed_text:
            try:
                seed = int(seed_text)
            except ValueError:
                raise RosterError(f"{where}: seed {seed_text!r} of {sid!r} is not a whole "
                                  "number") from None
            if not 0 <= seed < MAX_SEED:
                raise RosterError(f"{where}: seed {seed} of {sid!r} must be in "
                                  f"[0, {MAX_SEED})")
            student = Student(sid, seed, "roster")
        else:
            student = Student(sid, seed_from_id(sid), "id")
        if student.seed in seen_seeds:
            other = seen_seeds[student.seed]
            raise RosterError(f"{where}: {sid!r} would share seed {student.seed} with "
                              f"{other!r}; give one of them a seed of its own in the "
                              "'seed' column")
        seen_seeds[student.seed] = sid
        students.append(student)
    return students


def build_assignments(students: list[Student], paths: list[Path], out_dir: Path) -> None:
    """``out_dir/<id>/<notebook>`` for every student, and ``out_dir/seeds.csv``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    masters = {path: nbformat.read(path, as_version=4) for path in paths}
    student_build = {path: convert(nb, STUDENT, path.name) for path, nb in masters.items()}
    for student in students:
        chain = assignment_chain(student.seed)[len(STUDENT):]  # the student build is shared
        for path, nb in student_build.items():
            (out_dir / student.id).mkdir(exist_ok=True)
            nbformat.write(convert(nb, chain, path.name), out_dir / student.id / path.name)
    with open(out_dir / "seeds.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "seed", "seed_from"])
        writer.writerows((s.id, s.seed, s.seed_from) for s in students)


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_student = sub.add_parser("student", help="every day without solutions or outputs")
    p_student.add_argument("--out", type=Path, default=ROOT / "build" / "student")
    p_assign = sub.add_parser("assign", help="the student build with each student's SEED")
    p_assign.add_argument("roster", type=Path, help="CSV with a column id (and seed)")
    p_assign.add_argument("--out", type=Path, default=ROOT / "build" / "assign")
    p_learner = sub.add_parser("learner", help="copies without outputs, solutions folded "
                                               "(`make sync` keeps notebooks/learner/ current)")
    p_learner.add_argument("--out", type=Path, default=LEARNER_COPIES)
    for p in (p_student, p_assign, p_learner):
        p.add_argument("--nb", nargs="+", default=[], metavar="NOTEBOOK",
                       help="notebook names (default: every day)")
    args = parser.parse_args(argv)

    paths = notebook_paths(args.nb)
    if args.command == "assign":
        try:
            students = read_roster(args.roster)
        except RosterError as err:
            print(f"make assign: {err}", file=sys.stderr)
            return 2
        build_assignments(students, paths, args.out)
        derived = sum(s.seed_from == "id" for s in students)
        print(f"{len(students)} student(s) x {len(paths)} notebook(s) in {args.out} "
              f"({derived} seed(s) derived from the id; all in {args.out / 'seeds.csv'})")
        return 0
    chain = STUDENT if args.command == "student" else LEARNER
    try:
        write_versions(paths, chain, args.out)
    except SolutionLeak as err:
        print(f"make student: {err}", file=sys.stderr)
        return 1
    print(f"{len(paths)} {args.command} notebook(s) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
