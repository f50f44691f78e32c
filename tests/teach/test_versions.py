"""The copies of the course (tools/versions.py): the student build, assignments, the
learner copy, each a chain of nbconvert preprocessors; and the roster's seeds."""

from __future__ import annotations

import ast
import hashlib

import nbformat
import pytest


def cells_tagged(nb, tag):
    return [cell for cell in nb.cells if tag in cell.metadata.get("tags", [])]


@pytest.fixture(scope="module")
def masters(versions):
    return {p.stem: nbformat.read(p, as_version=4) for p in versions.notebook_paths()}


def test_student_build_has_no_solution_no_output_and_every_exercise(versions, masters):
    for name, master in masters.items():
        student = versions.convert(master, versions.STUDENT, name)
        assert not cells_tagged(student, "solution"), name
        assert not cells_tagged(student, "course-badge"), name  # it opens the course's copy
        text = nbformat.writes(student)
        assert not versions.SOLUTION_NAME.search(text), name
        assert sum(versions.AddStudentNote().note in c.source for c in student.cells) == 1
        for cell in student.cells:
            assert not cell.get("outputs") and cell.get("execution_count") is None, name
        for tag in ("parameters", "course-setup", "your-turn", "check"):
            assert len(cells_tagged(student, tag)) == len(cells_tagged(master, tag)), (name, tag)
        kept = [c.source for c in master.cells
                if not {"solution", "course-badge"} & set(c.metadata.get("tags", []))]
        note = f"\n\n{versions.AddStudentNote().note}"
        assert [c.source.replace(note, "", 1) for c in student.cells] == kept
        assert any(c.get("outputs") for c in master.cells)  # the stored notebook is untouched
        assert cells_tagged(master, "solution")


def test_solution_cells_bind_only_solution_names(grade, masters):
    """So dropping them cannot leave any other cell without a name it needs."""
    for name, master in masters.items():
        for cell in cells_tagged(master, "solution"):
            bound = grade.top_level_names(cell.source)
            assert bound and all(b.endswith("_solution") for b in bound), (name, bound)


def test_a_surviving_solution_stops_the_build(versions, masters):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"),
                                         nbformat.v4.new_markdown_cell("see `x_solution`")])
    with pytest.raises(versions.SolutionLeak, match="cell 2 holds the name 'x_solution'"):
        versions.convert(nb, versions.STUDENT, "demo")
    leak = versions.enabled(versions.RequireNoSolutions())
    tagged = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "y = 2", metadata={"tags": ["solution"]})])
    with pytest.raises(versions.SolutionLeak, match="cell 1 holds a cell tagged 'solution'"):
        versions.convert(tagged, leak, "demo")


def test_learner_copy_clears_outputs_and_keeps_solutions_folded(versions, masters):
    for name, master in masters.items():
        copy = versions.convert(master, versions.LEARNER, name)
        assert [c.source for c in copy.cells] == [c.source for c in master.cells], name
        assert not any(c.get("outputs") for c in copy.cells), name
        for cell in cells_tagged(copy, "solution"):
            assert cell.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
            assert cell.metadata["cellView"] == "form"
        assert cells_tagged(copy, "parameters") and cells_tagged(copy, "course-setup")


def test_assignment_injects_the_seed_after_the_parameters_cell(versions, masters):
    master = masters["day01_seeding"]
    nb = versions.convert(master, versions.assignment_chain(1234), "day01_seeding")
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    injected = nb.cells[params + 1]
    assert injected.metadata["tags"] == ["injected-parameters"]
    assert "SEED = 1234" in injected.source.splitlines()
    assert nb.metadata["papermill"]["parameters"] == {"SEED": 1234}
    assert not cells_tagged(nb, "solution")
    again = versions.convert(nb, versions.assignment_chain(99)[-1:], "day01_seeding")
    assert len(cells_tagged(again, "injected-parameters")) == 1  # replaced, not added
    assert "SEED = 99" in cells_tagged(again, "injected-parameters")[0].source


def test_roster_seeds_are_reproducible_distinct_and_documented(versions, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,seed,name\nalice,,Alice A.\nbob,7,Bob\ncarol\n", encoding="utf-8")
    students = versions.read_roster(roster)
    assert [(s.id, s.seed, s.seed_from) for s in students] == [
        ("alice", versions.seed_from_id("alice"), "id"), ("bob", 7, "roster"),
        ("carol", versions.seed_from_id("carol"), "id")]
    # The rule the README gives, and its worked example's seed.
    assert versions.seed_from_id("ada") == int.from_bytes(
        hashlib.sha256(b"ada").digest()[:4], "big") >> 1 == 2130125190
    ids = [f"student{i:04d}@uni.example" for i in range(3000)]
    seeds = [versions.seed_from_id(i) for i in ids]
    assert len(set(seeds)) == len(ids) and all(0 <= s < 2**31 for s in seeds)
    assert seeds == [versions.seed_from_id(i) for i in ids]  # the same id, the same seed


@pytest.mark.parametrize(("text", "message"), [
    ("name\nalice\n", "needs a header line with a column 'id'"),
    ("id\n", "holds no student"),
    ("id\n../x\n", "line 2: id '../x' must be letters"),
    ("id\nalice\nalice\n", "line 3: id 'alice' is already on line 2"),
    ("id,seed\nalice,x\n", "seed 'x' of 'alice' is not a whole number"),
    ("id,seed\nalice,-1\n", "seed -1 of 'alice' must be in"),
    ("id,seed\nalice,5\nbob,5\n", "'bob' would share seed 5 with 'alice'"),
])
def test_a_bad_roster_is_refused_naming_the_line(versions, tmp_path, text, message):
    roster = tmp_path / "roster.csv"
    roster.write_text(text, encoding="utf-8")
    with pytest.raises(versions.RosterError, match=message.replace("(", r"\(")):
        versions.read_roster(roster)


def test_every_check_cell_calls_an_imported_check_on_its_answers(grade, masters):
    for name, master in masters.items():
        found = grade.exercises(master, name)
        assert len(found) == len(cells_tagged(master, "check")) >= 2, name
        assert len({e.column for e in found}) == len(found)
        for exercise, solution in zip(found, cells_tagged(master, "solution"), strict=True):
            assert exercise.module == f"helpers.checks.{name.split('_')[0]}"
            assert exercise.answers, (name, exercise)  # the call uses the your-turn names
            bound = grade.top_level_names(solution.source)
            assert {f"{a}_solution" for a in exercise.answers} <= bound, (name, exercise)
        source = grade.verdict_source(found, grade.parameter_defaults(master), "/x.json", "n")
        ast.parse(source)
