"""tools/site.py on a small course built in the test (no browser: runs in a plain `pytest`).

The figures keep the alt text their output metadata stores (as helpers.plotting.show writes
it), solutions are folded with their verdict, nothing is loaded from another host, links
between days and to the cheat sheet point at pages, other repository files at GitHub.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("course_site", ROOT / "tools" / "site.py")
site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site)

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
       "rkJggg==")
ALT = "A histogram of 1,000 standard normal draws, bell-shaped around zero."
DEFAULT_ALT = "No description has been provided for this image"  # nbconvert's filler
OVERVIEW = "https://github.com/{}#the-days"
V4 = nbformat.v4


def figure(alt: str | None):
    """A figure output as helpers.plotting.show(fig, alt=...) stores it (alt None: plt.show)."""
    metadata = {"image/png": {"alt": alt}} if alt else {}
    return V4.new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"},
                         metadata=metadata)


def solution_cell():
    cell = V4.new_code_cell("#@title Solution 1\nx = 1\nprint('verdict: ok')",
                            metadata={"tags": ["solution"], "cellView": "form",
                                      "jupyter": {"source_hidden": True,
                                                  "outputs_hidden": True}})
    cell.outputs = [V4.new_output("stream", name="stdout", text="verdict: ok\n")]
    return cell


@pytest.fixture
def course_dir(tmp_path):
    """Two tiny days and a cheat sheet, as the repository lays them out."""
    repo = site.course.course_config()["repository"]
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    plot = V4.new_code_cell("show(fig, alt=...)")
    plot.outputs = [figure(ALT), figure(None)]
    table = V4.new_code_cell("df")
    table.outputs = [V4.new_output("execute_result", execution_count=1, data={
        "text/html": "<table><thead><tr><th></th><th>mean</th></tr></thead>"
                     "<tbody><tr><th>x</th><td>0.5</td></tr></tbody></table>"})]
    day1 = V4.new_notebook(cells=[
        V4.new_markdown_cell("# Day 1 — Alpha"),
        V4.new_markdown_cell("The variance is $\\mathrm{Var}(W) = \\sigma^2$; see "
                             "[the helper](../helpers/plotting.py), [Day 2](day02_b.ipynb), "
                             f"[the overview]({OVERVIEW.format(repo)}) and "
                             "[the cheat sheet](../CHEATSHEET.md)."),
        plot, table, solution_cell()])
    day2 = V4.new_notebook(cells=[V4.new_markdown_cell("# Day 2 — Beta\n\nNo math.")])
    nbformat.write(day1, nbs / "day01_a.ipynb")
    nbformat.write(day2, nbs / "day02_b.ipynb")
    (tmp_path / "CHEATSHEET.md").write_text(
        "# Cheat sheet\n\nSeed once: [Day 1](notebooks/day01_a.ipynb), $\\sigma$.\n",
        encoding="utf-8")
    return tmp_path


def build(course_dir: Path, cheatsheet: bool = True) -> dict[str, BeautifulSoup]:
    out = course_dir / "site"
    paths = sorted((course_dir / "notebooks").glob("day*.ipynb"))
    sheet = course_dir / ("CHEATSHEET.md" if cheatsheet else "NO-CHEATSHEET.md")
    pages = site.build(out, paths=paths, cheatsheet=sheet)
    return {p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages}


def test_figures_keep_the_alt_text_the_notebook_stores(course_dir, capsys):
    day1 = build(course_dir)["day01_a.html"]
    alts = [img["alt"] for img in day1.select(".jp-OutputArea-output img")]
    assert alts[0] == ALT
    assert "(the notebook gives no description)" in alts[1]
    assert DEFAULT_ALT not in str(day1)
    assert "day01_a.ipynb: 1 figure(s) without alt text" in capsys.readouterr().err


def test_nbconverts_filler_is_what_the_lab_template_would_show():
    """The wrong case: nbconvert's own exporter ignores the stored alt."""
    nb = V4.new_notebook(cells=[V4.new_code_cell("show(fig)", outputs=[figure(ALT)])])
    body, _ = site.HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert DEFAULT_ALT in body and ALT not in body


def test_solutions_are_folded_with_code_and_verdict(course_dir):
    day1 = build(course_dir)["day01_a.html"]
    (details,) = day1.select("main details.solution")
    assert "open" not in details.attrs
    assert details.summary.get_text(" ", strip=True) == "Solution 1 (try the exercise first)"
    assert "x = 1" in details.select_one(".highlight").get_text()
    assert "verdict: ok" in details.select_one(".jp-OutputArea-output").get_text()
    assert "#@title" not in day1.get_text()
    assert "verdict: ok" not in "".join(
        o.get_text() for o in day1.select(".jp-OutputArea-output") if not o.find_parent("details"))


def test_no_page_loads_anything_from_another_host(course_dir):
    for name, page in build(course_dir).items():
        urls = [e.get("src") or e.get("href") or e.get("data")
                for e in page.select("script[src], link[href], img[src], iframe[src], "
                                     "source[src], embed[src], object[data]")]
        remote = [u for u in urls if "//" in u.split("?")[0] and not u.startswith("data:")]
        assert not remote, f"{name} loads {remote}"
        if name != "index.html":
            assert page.select_one('script[src="assets/katex/contrib/auto-render.min.js"]')
            assert "$\\mathrm{Var}(W)" in page.get_text() or "Alpha" not in page.title.string


def test_links_point_at_pages_and_github(course_dir):
    cfg = site.course.course_config()
    day1 = build(course_dir)["day01_a.html"]
    hrefs = {a.get_text(strip=True): a["href"] for a in day1.select("main a[href]")}
    assert hrefs["Day 2"] == "day02_b.html"
    assert hrefs["the overview"] == "index.html"
    assert hrefs["the cheat sheet"] == "cheatsheet.html"
    assert hrefs["the helper"] == (f"https://github.com/{cfg['repository']}/blob/"
                                   f"{cfg['tag']}/helpers/plotting.py")


def test_pages_have_language_title_main_and_no_empty_header(course_dir):
    for name, page in build(course_dir).items():
        assert page.html["lang"] == "en", name
        assert page.title.string.strip(), name
        assert len(page.select("main")) == 1, name
        assert page.select_one("header a.site-name")["href"] == "index.html", name
        assert not [th for th in page.select("th") if not th.get_text(strip=True)], name
    assert build(course_dir)["day01_a.html"].title.string == "Day 1 — Alpha · numpy-random-ml"


def test_the_cheat_sheet_is_rendered_and_linked_when_it_exists(course_dir):
    pages = build(course_dir)
    assert "cheatsheet.html" in pages
    assert pages["cheatsheet.html"].select_one('main a[href="day01_a.html"]')
    for name, page in pages.items():
        assert page.select_one('a[href="cheatsheet.html"]'), f"{name}: no cheat sheet link"


def test_a_missing_cheat_sheet_is_neither_rendered_nor_linked(course_dir):
    pages = build(course_dir, cheatsheet=False)
    assert "cheatsheet.html" not in pages
    assert not (course_dir / "site" / "cheatsheet.html").exists()
    for name, page in pages.items():
        assert not page.select_one('header a[href="cheatsheet.html"]'), name
