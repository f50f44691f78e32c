"""The instructor's workflow end to end (issue 22's test): the student build and an
assignment for a 3-student roster from the command line, then the grader on seven
submissions of Day 1 made here: right, wrong, untouched, a loop, a memory hog, fake
"✓ Correct" prints, and one that tries to read the solutions.

Day 1 is one of the cheapest days (about 10 s a run); the seven runs share two worker slots, the
loop's slot waiting out its time limit while the other slot grades the rest.
"""

from __future__ import annotations

import csv
import os
import re

import nbformat
import pytest

NOTEBOOK = "day01_seeding"
TIMEOUT = 60  # seconds per notebook, here (a Day 1 run takes about 10 s of CPU)
MEMORY = 2048  # MiB per kernel, here; Day 1 peaks near 0.9 GiB of address space

RIGHT = {
    1: "def noisy_copy(x, scale, rng):\n    return x + scale * rng.standard_normal(x.shape)",
    2: "def roll_die(num_rolls, rng):\n    return rng.integers(1, 7, size=num_rolls)",
    3: "def worker_rngs(seed, num_workers):\n"
       "    return np.random.default_rng(seed).spawn(num_workers)",
    4: "def save_rng(rng):\n"
       "    return json.dumps(rng.bit_generator.state, default=lambda a: a.tolist())\n\n\n"
       "def load_rng(text):\n"
       "    state = json.loads(text)\n"
       "    bit_generator = getattr(np.random, state['bit_generator'])()\n"
       "    bit_generator.state = state\n"
       "    return np.random.Generator(bit_generator)",
}
WRONG = {
    1: "def noisy_copy(x, scale, rng):\n"
       "    return x + scale * np.random.standard_normal(x.shape)  # noqa: NPY002",
    2: "def roll_die(num_rolls, rng):\n    return rng.integers(1, 6, size=num_rolls)",
    3: "def worker_rngs(seed, num_workers):\n"
       "    return [np.random.default_rng(seed)] * num_workers",
    4: "def save_rng(rng):\n    return json.dumps({'seed': 0})\n\n\n"
       "def load_rng(text):\n    return np.random.default_rng(json.loads(text)['seed'])",
}
FAKE_LINE = 'print("✓ Correct: your answer passes every check.")'
FAKE = {
    1: "def noisy_copy(x, scale, rng):\n    ...\n\n\n" + FAKE_LINE + "\n"
       "import helpers.checks.day01 as checks\n"
       "import helpers.exercises as exercises\n\n"
       'checks.check_noisy_copy.verdict = lambda *answers: ("correct", "yes")\n'
       'exercises.verdict = lambda check, *answers: ("correct", "yes")\n'
       "check_noisy_copy = check_roll_die = check_worker_rngs = check_rng_checkpoint = "
       "lambda *a: " + FAKE_LINE[6:-1],
    2: "def roll_die(num_rolls, rng):\n    ...\n\n\n" + FAKE_LINE,
    3: "def worker_rngs(seed, num_workers):\n    ...\n\n\n" + FAKE_LINE,
    4: "def save_rng(rng):\n    ...\n\n\ndef load_rng(text):\n    ...\n\n\n" + FAKE_LINE,
}
PEEK = {1: """\
def noisy_copy(x, scale, rng):
    ...


import json
from pathlib import Path

tries = [Path(up, "notebooks", "day01_seeding.ipynb") for up in ("", "..", "../..", "../../..")]
tries += [Path("..", "..", "build", "assign", "day01_seeding.ipynb")]
found = [path for path in tries if path.exists()]
course = json.loads(open(found[0] if found else tries[2]).read())
for cell in course["cells"]:
    if "solution" in cell["metadata"].get("tags", []):
        exec("".join(cell["source"]))
noisy_copy, roll_die, worker_rngs = noisy_copy_solution, roll_die_solution, worker_rngs_solution"""}
# A busy loop that never ends; it lowers its own priority first, so that while it waits
# for its time limit the other submissions (and the rest of `make test`) keep the CPU.
LOOP = {1: "import os\n\nos.nice(19)\nwhile True:\n    pass"}
HOG = {1: "blocks = []\nfor _ in range(16):  # up to 4 GiB, twice the limit, then stop\n"
          "    blocks.append(np.ones(2**25))  # 256 MiB at a time"}
PROBE = ("import os\nimport resource\n\nprint('cwd:', os.getcwd())\n"
         "print('files:', sorted(os.listdir('.')))\n"
         "print('RLIMIT_AS:', resource.getrlimit(resource.RLIMIT_AS))")

# The loop first, so that its slot waits while the other grades the rest.
SUBMISSIONS = {"loop": LOOP, "right": RIGHT, "wrong": WRONG, "untouched": {}, "hog": HOG,
               "fake": FAKE, "peek": PEEK}


def answer(nb, answers: dict[int, str]):
    """The assigned notebook with the your-turn cells replaced as ``answers`` says."""
    turns = [cell for cell in nb.cells if "your-turn" in cell.metadata.get("tags", [])]
    for number, source in answers.items():
        turns[number - 1].source = source
    return nb


def snapshot(*folders):
    """Every file under ``folders`` (caches and environments aside): size and mtime."""
    skip = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
    found = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if d not in skip]
            for name in filenames:
                stat = os.stat(os.path.join(dirpath, name))
                found[os.path.join(dirpath, name)] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_make_student_and_assign_for_a_three_student_roster(versions, tmp_path):
    student_dir, assign_dir = tmp_path / "build" / "student", tmp_path / "build" / "assign"
    assert versions.main(["student", "--out", str(student_dir)]) == 0
    days = sorted(p.name for p in versions.notebook_paths())
    assert sorted(p.name for p in student_dir.iterdir()) == days
    roster = tmp_path / "roster.csv"
    roster.write_text("id,seed\nada,\nbo,7\ncy,\n", encoding="utf-8")
    assert versions.main(["assign", str(roster), "--out", str(assign_dir)]) == 0
    with open(assign_dir / "seeds.csv", encoding="utf-8") as f:
        seeds = {row["id"]: int(row["seed"]) for row in csv.DictReader(f)}
    assert seeds == {"ada": versions.seed_from_id("ada"), "bo": 7,
                     "cy": versions.seed_from_id("cy")}
    assert len(set(seeds.values())) == 3
    for sid, seed in seeds.items():
        assert sorted(p.name for p in (assign_dir / sid).iterdir()) == days
        for day in days:
            nb = nbformat.read(assign_dir / sid / day, as_version=4)
            student = nbformat.read(student_dir / day, as_version=4)
            injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
            assert len(injected) == 1 and f"SEED = {seed}" in injected[0].source
            assert [c.source for c in nb.cells if c not in injected] == [
                c.source for c in student.cells]
            assert not any(c.get("outputs") for c in nb.cells)


def test_grading_cannot_be_fooled_and_one_bad_submission_stops_none(versions, grade, root,
                                                                     tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,seed\n" + "".join(f"{sid},{7 if sid == 'right' else ''}\n"
                                            for sid in SUBMISSIONS), encoding="utf-8")
    students = versions.read_roster(roster)
    submissions = tmp_path / "submissions"
    versions.build_assignments(students, versions.notebook_paths([NOTEBOOK]), submissions)
    (submissions / "seeds.csv").unlink()
    for sid, answers in SUBMISSIONS.items():
        path = submissions / sid / f"{NOTEBOOK}.ipynb"
        nb = answer(nbformat.read(path, as_version=4), answers)
        if sid == "fake":  # stored outputs that claim success, too
            for cell in nb.cells:
                if "check" in cell.metadata.get("tags", []):
                    cell.outputs = [nbformat.v4.new_output(
                        "stream", name="stdout", text="✓ Correct: your answer passes.\n")]
        if sid == "right":
            nb.cells.append(nbformat.v4.new_code_cell(PROBE))
        nbformat.write(nb, path)
    first_turn = 1 + next(i for i, c in enumerate(nb.cells)
                          if "your-turn" in c.metadata.get("tags", []))
    cell = f"cell {first_turn} (your turn, Exercise 1)"
    before = snapshot(root, submissions)
    lines = []
    rows = grade.grade(submissions, students, tmp_path / "grades", timeout=TIMEOUT,
                       memory_mib=MEMORY, jobs=2, echo=lines.append)

    gradebook = {row["id"]: (row["day01:noisy_copy"], row["day01:roll_die"],
                             row["day01:worker_rngs"], row["day01:rng_checkpoint"],
                             row["total"], row["problems"])
                 for row in rows}
    day = NOTEBOOK
    assert gradebook == {
        "loop": ("error", "error", "error", "error", 0,
                 f"{day}: timeout: stopped after {TIMEOUT} s in {cell}"),
        "right": ("correct", "correct", "correct", "correct", 4, ""),
        "wrong": ("wrong", "wrong", "wrong", "wrong", 0, ""),
        "untouched": ("not attempted", "not attempted", "not attempted", "not attempted", 0,
                      ""),
        "hog": ("error", "error", "error", "error", 0,
                f"{day}: memory limit of {MEMORY} MiB exceeded in {cell}"),
        "fake": ("not attempted", "not attempted", "not attempted", "not attempted", 0, ""),
        "peek": ("not attempted", "not attempted", "not attempted", "not attempted", 0,
                 (f"{day}: {cell} raised FileNotFoundError: [Errno 2] No such file or "
                 "directory: '../../notebooks/day01_seeding.ipynb'")),
    }, "\n".join(lines)
    with open(tmp_path / "grades" / "grades.csv", encoding="utf-8") as f:
        assert [row["id"] for row in csv.DictReader(f)] == list(SUBMISSIONS)

    # The loop was stopped at its time limit (the seconds include starting the worker).
    took = {m[1]: float(m[2]) for m in map(re.compile(r"\] (\S+) .*\(([\d.]+) s\)").search,
                                               lines) if m}
    assert TIMEOUT <= took["loop"] < TIMEOUT + 30, lines

    # Each ran with its student's seed, in an empty folder outside the course, under RLIMIT_AS.
    for student in students:
        executed = nbformat.read(tmp_path / "grades" / "executed" / student.id /
                                 f"{NOTEBOOK}.ipynb", as_version=4)
        injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert f"SEED = {student.seed}" in injected[0].source.splitlines()
    probe = "".join(o.get("text", "") for o in executed_cell(tmp_path, "right", -2).outputs)
    cwd = re.search(r"cwd: (.*)", probe)[1]
    assert not os.path.realpath(cwd).startswith(os.path.realpath(root)), probe
    assert "files: []" in probe
    assert f"RLIMIT_AS: ({MEMORY * 2**20}, {MEMORY * 2**20})" in probe

    # The feedback holds the hints the student would have seen, never the answer.
    feedback = (tmp_path / "grades" / "feedback" / "wrong.md").read_text(encoding="utf-8")
    assert "no roll shows 6: integers(low, high) never draws high itself" in feedback
    assert "the workers share one Generator object" in feedback
    assert "integers(1, 7" not in feedback
    assert "timeout" in (tmp_path / "grades" / "feedback" / "loop.md").read_text()

    # Nothing outside the grades changed: not the course, not the submissions.
    assert snapshot(root, submissions) == before


def executed_cell(tmp_path, sid, index):
    path = tmp_path / "grades" / "executed" / sid / f"{NOTEBOOK}.ipynb"
    return nbformat.read(path, as_version=4).cells[index]


@pytest.mark.parametrize("problem", ["missing folder", "missing notebook", "not a notebook"])
def test_a_missing_or_broken_submission_gets_a_row_that_says_so(versions, grade, tmp_path,
                                                                  problem):
    roster = tmp_path / "roster.csv"
    roster.write_text("id\nann\n", encoding="utf-8")
    submissions = tmp_path / "submissions"
    (submissions / "other").mkdir(parents=True)
    (submissions / "other" / f"{NOTEBOOK}.ipynb").write_text("{}")
    if problem != "missing folder":
        (submissions / "ann").mkdir()
    if problem == "not a notebook":
        (submissions / "ann" / f"{NOTEBOOK}.ipynb").write_text("not json", encoding="utf-8")
    lines = []
    rows = grade.grade(submissions, versions.read_roster(roster), tmp_path / "grades",
                       timeout=TIMEOUT, memory_mib=MEMORY, jobs=1, echo=lines.append)
    expected = {"missing folder": ("not attempted", f"{NOTEBOOK}: not submitted"),
                "missing notebook": ("not attempted", f"{NOTEBOOK}: not submitted"),
                "not a notebook": ("error", (f"{NOTEBOOK}: not a readable notebook "
                                            "(NotJSONError)"))}[problem]
    assert (rows[0]["day01:noisy_copy"], rows[0]["problems"]) == expected
    assert any("other is not on the roster" in line for line in lines)
