"""The stored-output contract of every notebook, checked statically (nothing is executed).

nbval (run by `make test` over notebooks/) proves the stored outputs reproduce; this file
proves they are worth reproducing: one fresh top-to-bottom run, no volatile values, the
course's fixed sections, and generated cells in sync with pyproject.toml.
"""

from __future__ import annotations

import ast
import base64
import re
import struct
import subprocess
import sys

import nbformat
import pytest

RAISES_TAGS = {"raises-exception", "nbval-raises-exception"}
MAX_OUTPUT_LINES = 40
MAX_LINE = 100  # characters: wider lines wrap in JupyterLab with the file browser open
PREDICT = "**Predict first:**"

VOLATILE = [
    (re.compile(r"\bat 0x[0-9a-fA-F]+"), "a memory address"),
    (re.compile(r"/(?:tmp|root|home|work|Users|private)/"), "a machine path"),
    (re.compile(r"ipykernel_\d+"), "a kernel PID path"),
    (re.compile(r"\b\d+(?:\.\d+)?\s*(?:ms|µs|us|ns)\b"), "a timing"),
    (re.compile(r"Wall time:|CPU times:|\bpid\b", re.IGNORECASE), "a timing or PID"),
    (re.compile(r"\d\.\d{9,}"), "an unrounded float (round what you print)"),
]

SECTIONS = ["## What you'll do", "## What you'll learn", "## What you'll need",
            "## Summary", "## Exercises", "## Further reading"]


def test_there_are_notebooks(course):
    assert course.notebook_paths(), "no notebooks/day*.ipynb found"


@pytest.fixture
def nb(notebook_path):
    return notebook_path, nbformat.read(notebook_path, as_version=4)


def code_cells(notebook):
    return [c for c in notebook.cells if c.cell_type == "code"]


def tags(cell):
    return set(cell.metadata.get("tags", []))


#: An image embedded in HTML (a figure's <img alt> rendition): base64, not text anyone reads.
DATA_URI = re.compile(r"data:image/[\w.+-]+;base64,[A-Za-z0-9+/=]+")


def output_text(out) -> str:
    if "text" in out:
        return out["text"]
    data = out.get("data", {})
    text = "\n".join(data[k] for k in ("text/plain", "text/html", "text/markdown") if k in data)
    return DATA_URI.sub("data:image", text)


def test_one_fresh_top_to_bottom_run(nb):
    path, notebook = nb
    counts = [c.execution_count for c in code_cells(notebook)]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts} are not 1..n: run `make refresh`, "
        "never execute cells by hand or out of order")
    for cell in code_cells(notebook):
        assert cell.outputs or not _prints(cell.source), (
            f"{path.name}: cell {cell.execution_count} prints but stored no output")


def _prints(source: str) -> bool:
    """Does the cell call print() or plt.show() outside a function or class body?"""
    return _calls(source, "print") or _calls(source, "plt.show")


def _calls(source: str, name: str) -> bool:
    """Does the cell call ``name`` outside a function or class body?"""
    def visit(node) -> bool:
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda):
            return False
        if isinstance(node, ast.Call) and ast.unparse(node.func) == name:
            return True
        return any(visit(child) for child in ast.iter_child_nodes(node))
    return visit(ast.parse(source))


def test_metadata_is_normalized(nb):
    path, notebook = nb
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    assert "papermill" not in notebook.metadata, f"{path.name}: executed with papermill in place"
    for cell in notebook.cells:
        assert "execution" not in cell.metadata, f"{path.name}: cell timing metadata stored"
        assert "papermill" not in cell.metadata


def test_no_errors_or_stderr(nb):
    path, notebook = nb
    for cell in code_cells(notebook):
        for out in cell.outputs:
            if out.output_type == "error":
                assert tags(cell) & RAISES_TAGS, (
                    f"{path.name}: cell {cell.execution_count} stored {out.ename} but is not "
                    "tagged raises-exception")
            assert out.get("name") != "stderr", (
                f"{path.name}: cell {cell.execution_count} wrote to stderr: "
                f"{output_text(out)[:200]!r}")


def test_outputs_hold_nothing_volatile_and_are_short(nb):
    path, notebook = nb
    for cell in code_cells(notebook):
        if "nbval-ignore-output" in tags(cell):
            continue
        for out in cell.outputs:
            text = output_text(out)
            for rx, what in VOLATILE:
                match = rx.search(text)
                assert not match, (f"{path.name}: cell {cell.execution_count} output holds "
                                   f"{what}: {match.group(0)!r}")
            lines = text.count("\n")
            assert lines <= MAX_OUTPUT_LINES, (
                f"{path.name}: cell {cell.execution_count} prints {lines} lines; "
                "print a shape or a rounded summary instead")


def test_plots_have_no_stray_reprs(nb):
    """`ax.plot(...)` as a last expression stores `[<Line2D at 0x...>]`; use `_ = ...`."""
    path, notebook = nb
    for cell in code_cells(notebook):
        for out in cell.outputs:
            if out.output_type == "execute_result":
                text = out.get("data", {}).get("text/plain", "")
                assert "matplotlib" not in text and "<Figure" not in text, (
                    f"{path.name}: cell {cell.execution_count} returns a matplotlib object")


def test_fixed_sections_in_order(nb):
    path, notebook = nb
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# Day "), f"{path.name}: title first"
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    positions = [markdown.find(s) for s in SECTIONS]
    missing = [s for s, p in zip(SECTIONS, positions, strict=True) if p < 0]
    assert not missing, f"{path.name}: missing sections {missing}"
    assert positions == sorted(positions), f"{path.name}: sections out of order"
    order = [t for c in notebook.cells for t in sorted(tags(c))
             if t in ("course-badge", "parameters", "course-setup", "course-fingerprint")]
    assert order == ["course-badge", "course-setup", "parameters", "course-fingerprint"], (
        f"{path.name}: badge, setup, parameters and fingerprint cells out of order: {order}")
    assert "course-nav" in tags(notebook.cells[-1]), f"{path.name}: day links come last"


def test_parameters_cell_has_seed(nb):
    path, notebook = nb
    params = [c for c in code_cells(notebook) if "parameters" in tags(c)]
    assert len(params) == 1, f"{path.name}: exactly one cell tagged 'parameters'"
    assert re.search(r"^SEED = \d+", params[0].source, re.MULTILINE), f"{path.name}: SEED missing"


def test_parameters_are_validated_right_after_the_parameters_cell(nb):
    """The next code cell calls ``check_parameters`` once, with a rule for every parameter
    (helpers/parameters.py): a bad value stops the notebook at once, naming it."""
    path, notebook = nb
    code = code_cells(notebook)
    index = next(i for i, c in enumerate(code) if "parameters" in tags(c))
    names = {t.id for node in ast.parse(code[index].source).body
             if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
    calls = [n for n in ast.walk(ast.parse(code[index + 1].source))
             if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "check_parameters"]
    assert len(calls) == 1, f"{path.name}: call check_parameters in the cell after the parameters"
    checked = {k.arg for k in calls[0].keywords}
    assert checked == names, (
        f"{path.name}: check_parameters must state a rule for exactly the parameters "
        f"{sorted(names)}, got {sorted(checked)}")


def defined_names(source: str) -> set[str]:
    """Names a cell binds at its top level (assignments, defs, imports)."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def check_calls(source: str) -> set[str]:
    """The ``check_*`` functions a cell calls."""
    return {n.func.id for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
            and n.func.id.startswith("check_")}


def solution_calls(source: str) -> set[str]:
    """The ``check_*`` functions whose ``.solution`` a cell calls."""
    return {n.func.value.id for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "solution" and isinstance(n.func.value, ast.Name)
            and n.func.value.id.startswith("check_")}


def feedback_text(cell) -> str:
    """What a check or solution cell showed, as plain text (helpers/exercises.py displays
    its verdict as HTML plus plain text)."""
    return "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                   for o in cell.outputs)


def test_exercises_are_try_check_solution(nb):
    """Every exercise: a "your turn" cell, a check cell, then a hidden solution (see
    helpers/exercises.py). The stored notebook is unanswered, so each check reports "not
    attempted yet"; each solution passes the same check (``check_x.solution``) without
    overwriting the learner's names, and shows only the reference-solution line, never a
    verdict that a learner could take for their own."""
    path, notebook = nb
    code = code_cells(notebook)
    solutions = [i for i, c in enumerate(code) if "solution" in tags(c)]
    assert len(solutions) >= 2, f"{path.name}: fewer than two exercises"
    for i in solutions:
        solution, check, turn = code[i], code[i - 1], code[i - 2]
        where = f"{path.name}: solution cell {solution.execution_count}"
        assert "check" in tags(check) and "your-turn" in tags(turn), (
            f"{where}: must follow a `your-turn` cell and a `check` cell")
        assert "..." in turn.source and not turn.outputs, (
            f"{where}: the your-turn cell must hold the `...` placeholder and print nothing")
        assert feedback_text(check).startswith("○ Not attempted yet:"), (
            f"{where}: the unanswered check must report 'not attempted yet'")
        called = check_calls(check.source)
        assert called and called == solution_calls(solution.source), (
            f"{where}: must call .solution of the same check as its check cell "
            f"({sorted(called)})")
        assert feedback_text(solution).startswith("Reference solution"), (
            f"{where}: the solution must pass its check, got {feedback_text(solution)!r}")
        assert len(solution.outputs) == 1 and "✓" not in feedback_text(solution), (
            f"{where}: a solution shows only its reference-solution line")
        clash = defined_names(turn.source) & defined_names(solution.source)
        assert not clash, f"{where}: overwrites the learner's {sorted(clash)}"
        hidden = solution.metadata.get("jupyter", {})
        assert hidden.get("source_hidden") is True and hidden.get("outputs_hidden") is True, (
            f"{where}: code and output must be collapsed in JupyterLab")
        assert solution.metadata.get("cellView") == "form" and "#@title" in solution.source, (
            f"{where}: not collapsed in Colab (cellView form and #@title)")


def test_plots_are_titled_labelled_and_summarized(nb):
    path, notebook = nb
    for cell in code_cells(notebook):
        where = f"{path.name}: cell {cell.execution_count}"
        has_figure = any(o.output_type == "display_data" and "image/png" in o.get("data", {})
                         for o in cell.outputs)
        if has_figure:
            assert any(o.output_type == "stream" for o in cell.outputs), (
                f"{where} shows a figure but prints no numeric summary for nbval to guard")
        if _calls(cell.source, "plt.subplots"):  # a figure made at the cell's top level
            # hist_with_density sets the y label itself ("density" or "probability").
            has_ylabel = "ylabel" in cell.source or "hist_with_density(" in cell.source
            assert "title" in cell.source, f"{where}: the figure has no title"
            assert "xlabel" in cell.source and has_ylabel, f"{where}: axes lack labels"
            assert has_figure, f"{where} makes a figure but stored none"


def test_generated_cells_are_in_sync(root):
    result = subprocess.run([sys.executable, str(root / "tools" / "course.py"), "sync",
                             "--check"], check=False, capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_legacy_random_api_only_where_taught(root):
    """NPY002 (legacy np.random) must be silenced line by line, never file-wide."""
    config = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '"NPY"' in config
    assert "NPY002" not in config.split("[tool.ruff.lint.per-file-ignores]")[-1]


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NBCONVERT_DEFAULT_ALT = "No description has been provided for this image"


def png_size_and_dpi(data: str) -> tuple[int, float]:
    """Width in pixels and resolution (dots per inch, from the pHYs chunk) of a PNG."""
    raw = base64.b64decode(data)
    assert raw.startswith(PNG_SIGNATURE)
    width = struct.unpack(">I", raw[16:20])[0]
    at = raw.find(b"pHYs")
    if at < 0:
        return width, 0.0
    per_metre, _, unit = struct.unpack(">IIB", raw[at + 4:at + 13])
    return width, per_metre * 0.0254 if unit == 1 else 0.0


def test_figures_are_readable_and_described(nb):
    path, notebook = nb
    for cell in code_cells(notebook):
        for out in cell.outputs:
            if "image/png" not in out.get("data", {}):
                continue
            where = f"{path.name}: cell {cell.execution_count}"
            width, dpi = png_size_and_dpi(out.data["image/png"])
            assert dpi >= 99.5, f"{where}: figure at {dpi:.0f} dpi; use the course style"
            assert width >= 450, f"{where}: figure only {width} px wide"
            alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
            assert len(alt.split()) >= 4 and alt != NBCONVERT_DEFAULT_ALT, (
                f"{where}: no alt text; end the cell with show(fig, alt=...)")
    if any("image/png" in o.get("data", {}) for c in code_cells(notebook) for o in c.outputs):
        source = "\n".join(c.source for c in code_cells(notebook))
        assert "plt.style.use(COURSE_STYLE)" in source, f"{path.name}: not in the course style"


def test_printed_lines_fit_the_notebook_width(nb):
    """Plain-text lines (printed, or the text rendition of a display); HTML wraps itself."""
    path, notebook = nb
    for cell in code_cells(notebook):
        for out in cell.outputs:
            plain = out.get("text", "") or out.get("data", {}).get("text/plain", "")
            for line in plain.splitlines():
                assert len(line) <= MAX_LINE, (
                    f"{path.name}: cell {cell.execution_count} prints a line of {len(line)} "
                    f"characters (at most {MAX_LINE}): {line[:60]!r}...")


def test_one_idea_per_cell(nb):
    """No empty cells; a heading only at the top of its Markdown cell (collapsible headings
    in JupyterLab fold at cell boundaries)."""
    path, notebook = nb
    for i, cell in enumerate(notebook.cells):
        assert cell.source.strip(), f"{path.name}: cell {i} is empty"
        if cell.cell_type == "markdown":
            fenced = False
            for line in cell.source.splitlines()[1:]:
                fenced ^= line.startswith("```")
                assert fenced or not re.match(r"#{1,6} ", line), (
                    f"{path.name}: cell {i} has the heading {line!r} below its first line")


def test_the_key_experiment_asks_for_a_prediction_first(nb):
    path, notebook = nb
    asks = [i for i, c in enumerate(notebook.cells)
            if c.cell_type == "markdown" and c.source.startswith(PREDICT)]
    assert asks, f"{path.name}: no Markdown cell starting with {PREDICT!r}"
    for i in asks:
        assert notebook.cells[i + 1].cell_type == "code", (
            f"{path.name}: the prediction in cell {i} must come just before the experiment")


def test_run_in_order_is_explained_near_the_parameters(nb):
    path, notebook = nb
    index = next(i for i, c in enumerate(notebook.cells) if "parameters" in tags(c))
    assert "Run All" in notebook.cells[index - 1].source, (
        f"{path.name}: say next to the parameters how to run the cells in order")


def test_no_maintainers_plumbing_in_the_notebooks(nb):
    """The property tests record results by injecting their own cell (tests/properties/),
    so a learner never meets a RESULTS_PATH parameter or a save_results cell."""
    path, notebook = nb
    for cell in notebook.cells:
        assert "RESULTS_PATH" not in cell.source and "save_results" not in cell.source, (
            f"{path.name}: maintainers' results plumbing belongs in tests/properties/")


#: A line that Markdown reads as a block (quote, list item, heading) when it starts a line.
BLOCK_START = re.compile(r"\s*(?:>|[-+*]\s|#{1,6}\s|\d+[.)]\s)")


def test_inline_math_never_wraps_onto_a_block_marker(nb):
    """A `$...$` wrapped so that a line starts with `>`, `- ` or `1. ` turns into a quote or a
    list before MathJax sees it, and the site shows raw TeX (Day 7's `$\\alpha` / `> 0$`)."""
    path, notebook = nb
    for i, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        open_math = False
        for line in cell.source.splitlines():
            if line.startswith("```"):
                open_math = False
                continue
            assert not (open_math and BLOCK_START.match(line)), (
                f"{path.name}: cell {i} wraps inline math onto a line Markdown reads as a "
                f"block: {line[:60]!r}; rewrap so the line starts with a word")
            singles = re.sub(r"\\\$|\$\$", "", line).count("$")
            open_math ^= singles % 2 == 1


def test_pacing_is_realistic(nb):
    """"About N minutes" in "What you'll need" is within reach of an estimate: 100 words of
    prose a minute, a minute per code cell, five minutes per exercise."""
    path, notebook = nb
    need = next(c.source for c in notebook.cells if c.source.startswith("## What you'll need"))
    match = re.search(r"About (\d+)(?:[–-](\d+))? minutes", need)
    assert match, f"{path.name}: \"What you'll need\" must say \"About N minutes\""
    stated = int(match.group(2) or match.group(1))
    words = sum(len(c.source.split()) for c in notebook.cells if c.cell_type == "markdown")
    code = code_cells(notebook)
    exercises = sum("solution" in tags(c) for c in code)
    estimate = words / 100 + len(code) + 5 * exercises
    assert 0.6 * estimate <= stated <= 1.6 * estimate, (
        f"{path.name}: says {stated} minutes; {words} words, {len(code)} code cells and "
        f"{exercises} exercises suggest about {estimate:.0f}")


def test_saved_definitions_are_the_packages(nb):
    """A formula is written out once, in the lesson that teaches it, in a cell marked
    ``#@save``; it must be character for character the function that helpers exports."""
    import importlib
    import inspect
    import pkgutil

    import helpers

    path, notebook = nb
    package = {}
    for info in pkgutil.iter_modules(helpers.__path__):
        module = importlib.import_module(f"helpers.{info.name}")
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__:
                package[name] = inspect.getsource(obj)
    for cell in code_cells(notebook):
        for node in ast.parse(cell.source).body:
            if isinstance(node, ast.FunctionDef):
                text = ast.get_source_segment(cell.source, node) + "\n"
                if "#@save" in text.splitlines()[0]:
                    assert package.get(node.name) == text, (
                        f"{path.name}: #@save {node.name} differs from helpers' {node.name}")
                else:
                    assert node.name not in package or "solution" in tags(cell) or (
                        "your-turn" in tags(cell)), (
                        f"{path.name}: redefines helpers' {node.name}; import it instead")


def test_every_widget_follows_its_static_twin(nb, course):
    """A live control (ipywidgets ``interact``) leaves nothing in a stored notebook that nbval,
    GitHub or the site could show, so each widget cell (issue 23):

    - is tagged ``nbval-ignore-output`` and stores no widget (``make refresh`` drops it);
    - wires controls to a function imported from ``helpers`` (plotting code that is tested),
      with only core controls and ``interact``, as ipywidgets 7.7.1 (Colab's) and 8 share;
    - comes right after its static twin: a plain code cell, compared by nbval, that calls
      the same function and stores its figure, with alt text, and its printed summary.
    Nothing installs ipywidgets: Colab has its own, and the lock pins JupyterLab's.
    """
    path, notebook = nb
    for i, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert not re.search(r"pip install[^\n]*ipywidgets", cell.source), (
                f"{path.name}: cell {i} installs ipywidgets; Colab's must stay as it is")
        function = course.widget_function(cell)
        if function is None:
            continue
        where = f"{path.name}: widget cell {i} ({function})"
        assert "nbval-ignore-output" in tags(cell), f"{where} must be tagged nbval-ignore-output"
        assert not any(course.WIDGET_VIEW in o.get("data", {}) for o in cell.outputs), (
            f"{where} stores a widget: run `make refresh`")
        imports = re.findall(r"^from (\S+) import (.+)$", cell.source, re.MULTILINE)
        assert all(module == "ipywidgets" for module, _ in imports), (
            f"{where} imports from {[m for m, _ in imports]}: only ipywidgets here")
        used = {name.strip() for _, names in imports for name in names.split(",")}
        assert used <= CORE_WIDGETS, (
            f"{where} uses {sorted(used - CORE_WIDGETS)}, not among the controls that "
            "ipywidgets 7.7.1 and 8 share")
        twin = notebook.cells[i - 1]
        assert twin.cell_type == "code" and _calls(twin.source, function), (
            f"{where} must follow its static twin, a code cell calling {function}(...)")
        assert function in _helpers_imports(notebook.cells[:i]), (
            f"{where}: {function} must be imported from helpers before it")
        assert not tags(twin) & {"nbval-ignore-output", "nbval-skip"}, (
            f"{where}: its static twin must be compared by nbval")
        kinds = {o.output_type for o in twin.outputs}
        has_alt = any(o.get("metadata", {}).get("image/png", {}).get("alt")
                      for o in twin.outputs)
        assert has_alt and "stream" in kinds, (
            f"{where}: its static twin must store a figure with alt text and a printed summary")


def _helpers_imports(cells) -> set[str]:
    """The names that ``from helpers... import ...`` statements in ``cells`` bring in."""
    return {alias.asname or alias.name for c in cells if c.cell_type == "code"
            for node in ast.walk(ast.parse(c.source))
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers")
            for alias in node.names}


#: Controls and helpers that ipywidgets 7.7.1 (Colab's) and 8 both have and treat alike.
CORE_WIDGETS = {"interact", "interactive_output", "fixed", "IntSlider", "FloatSlider",
                "SelectionSlider", "Dropdown", "RadioButtons", "ToggleButtons", "Checkbox",
                "HBox", "VBox"}
