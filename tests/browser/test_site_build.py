"""tools/site.py on a small course built in the test (no browser: runs in a plain `pytest`).

The figures keep the alt text their output metadata stores (as helpers.plotting.show writes
it) and are shown once whatever other renditions an output carries; outputs show their
richest rendition; solutions are folded with their verdict; there are no execution prompts;
the generated and the maintainers' cells are left out; every page has the sidebar, the
outline, previous/next and a report link; the status page reads versions, times and dates
from the repository; nothing is loaded from another host; links between days and to the
cheat sheet point at pages, other repository files at GitHub.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("course_site", ROOT / "tools" / "site.py")
site = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = site  # dataclasses look their module up there
_spec.loader.exec_module(site)

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
       "rkJggg==")
ALT = "A histogram of 1,000 standard normal draws, bell-shaped around zero."
DEFAULT_ALT = "No description has been provided for this image"  # nbconvert's filler
OVERVIEW = "https://github.com/{}#the-days"
FINGERPRINT = "NumPy 2.4.6 with OpenBLAS; stored outputs recorded with NumPy 2.4.6.\nok\n"
V4 = nbformat.v4


def figure(alt: str | None, html: str | None = None):
    """A figure output as helpers.plotting.show(fig, alt=...) stores it (alt None: plt.show),
    with an optional text/html rendition beside the PNG (an <img> for JupyterLab)."""
    metadata = {"image/png": {"alt": alt}} if alt else {}
    data = {"image/png": PNG, "text/plain": "<Figure>"}
    if html:
        data["text/html"] = html
    return V4.new_output("display_data", data=data, metadata=metadata)


def solution_cell():
    cell = V4.new_code_cell("#@title Solution 1\nx = 1\nprint('verdict: ok')",
                            metadata={"tags": ["solution"], "cellView": "form",
                                      "jupyter": {"source_hidden": True,
                                                  "outputs_hidden": True}})
    cell.outputs = [V4.new_output("stream", name="stdout", text="verdict: ok\n")]
    return cell


def tagged(source: str, tag: str, kind: str = "markdown"):
    make = V4.new_markdown_cell if kind == "markdown" else V4.new_code_cell
    return make(source, metadata={"tags": [tag]})


@pytest.fixture
def course_dir(tmp_path):
    """Two tiny days and a cheat sheet, as the repository lays them out."""
    repo = site.course.course_config()["repository"]
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    plot = V4.new_code_cell("show(fig, alt=...)", execution_count=3)
    plot.outputs = [figure(ALT), figure(None),
                    figure(ALT, html=f'<img src="data:image/png;base64,{PNG}" alt="{ALT}">'),
                    figure(None, html='<img src="figure.png" alt="Alt text from the HTML.">')]
    table = V4.new_code_cell("df", execution_count=4)
    table.outputs = [V4.new_output("execute_result", execution_count=4, data={
        "text/html": "<table><thead><tr><th></th><th>mean</th></tr></thead>"
                     "<tbody><tr><th>x</th><td>0.5</td></tr></tbody></table>",
        "text/plain": "   mean\nx   0.5"})]
    verdict = V4.new_code_cell("check_x(x)", execution_count=5)
    verdict.outputs = [V4.new_output("display_data", data={
        "text/html": '<p class="verdict">✓ Correct: x is 1.</p>',
        "text/plain": "PLAIN VERDICT: Correct"})]
    fingerprint = tagged("print(fingerprint_report())", "course-fingerprint", "code")
    fingerprint.outputs = [V4.new_output("stream", name="stdout", text=FINGERPRINT)]
    results = V4.new_code_cell("# For the course's property tests (maintainers)\n"
                               "save_results(RESULTS_PATH, x=x)")
    day1 = V4.new_notebook(cells=[
        V4.new_markdown_cell("# Day 1 — Alpha: the first day\n\nToday you will *try* $x$."),
        tagged("[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
               "(https://colab.research.google.com/x)", "course-badge"),
        tagged("SEED = 0", "parameters", "code"),
        tagged("import sys", "course-setup", "code"),
        fingerprint,
        V4.new_markdown_cell("## 1. Variance\n\nThe variance is $\\mathrm{Var}(W) = \\sigma^2$; "
                             "see [the helper](../helpers/plotting.py), [Day 2](day02_b.ipynb), "
                             f"[the overview]({OVERVIEW.format(repo)}) and "
                             "[the cheat sheet](../CHEATSHEET.md)."),
        plot, table, verdict,
        V4.new_markdown_cell("*For maintainers:* the next cell records this notebook's results."),
        results,
        V4.new_markdown_cell("## Exercises\n\nWrite `glorot_std`."),
        solution_cell(),
        tagged("← Previous · [Course overview](x) · Next: [Day 2](day02_b.ipynb) →",
               "course-nav")])
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


def test_figures_keep_the_alt_text_the_notebook_stores_and_are_shown_once(course_dir, capsys):
    day1 = build(course_dir)["day01_a.html"]
    images = day1.select("main img")
    assert len(images) == 4, "one image per figure output, whatever its renditions"
    alts = [img["alt"] for img in images]
    assert alts[0] == ALT
    assert "(the notebook gives no description)" in alts[1]
    assert alts[2] == ALT
    assert alts[3] == "Alt text from the HTML."  # no metadata: the HTML rendition's alt
    assert DEFAULT_ALT not in str(day1)
    for img in images:
        assert img["src"].startswith("figures/day01_a-"), img["src"]
        assert (course_dir / "site" / img["src"]).read_bytes()[:4] == b"\x89PNG"
        assert (img["width"], img["height"]) == ("1", "1")
        assert img.find_parent(class_="jp-OutputArea-output")
    assert "day01_a.ipynb: 1 figure(s) without alt text" in capsys.readouterr().err


def test_nbconverts_filler_is_what_the_lab_template_would_show():
    """The wrong case: nbconvert's own exporter ignores the stored alt."""
    nb = V4.new_notebook(cells=[V4.new_code_cell("show(fig)", outputs=[figure(ALT)])])
    body, _ = site.HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert DEFAULT_ALT in body and ALT not in body


def test_outputs_show_their_richest_rendition_and_no_prompt(course_dir):
    day1 = build(course_dir)["day01_a.html"]
    text = day1.select_one("main").get_text()
    assert day1.select_one("main p.verdict").get_text() == "✓ Correct: x is 1."
    assert "PLAIN VERDICT" not in text
    assert day1.select("main table td")[-1].get_text() == "0.5"
    assert not day1.select(".jp-InputPrompt, .jp-OutputPrompt")
    assert "In [" not in text and "In\xa0[" not in text and "Out[" not in text


def test_generated_and_maintainers_cells_are_left_out(course_dir):
    day1 = build(course_dir)["day01_a.html"]
    main = day1.select_one("main")
    assert "save_results" not in main.get_text()
    assert "For maintainers" not in main.get_text()
    assert "Course overview" not in main.get_text()  # the page has its own previous/next
    assert not main.select(f'img[src="{site.COLAB_BADGE}"], img[src="{site.LOCAL_BADGE}"]')
    (setup,) = main.select("details.setup")
    assert "open" not in setup.attrs and "import sys" in setup.get_text()
    assert "SEED = 0" in main.get_text()  # the parameters stay in view


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
        assert page.select_one('script[src="assets/site.js"]'), name
    pages = build(course_dir)
    assert pages["day01_a.html"].select_one(
        'script[src="assets/katex/contrib/auto-render.min.js"]')
    assert "$\\mathrm{Var}(W)" in pages["day01_a.html"].get_text()


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
    assert build(course_dir)["day01_a.html"].title.string == (
        "Day 1 — Alpha: the first day · numpy-random-ml")


def test_every_page_has_sidebar_outline_prev_next_search_and_report_link(course_dir):
    cfg = site.course.course_config()
    pages = build(course_dir)
    order = ["index.html", "day01_a.html", "day02_b.html", "cheatsheet.html", "status.html"]
    assert list(pages) == order
    for i, name in enumerate(order):
        page = pages[name]
        side = [a["href"] for a in page.select("nav.sidebar a")]
        assert side == order, name
        assert [a["href"] for a in page.select('nav.sidebar a[aria-current="page"]')] == [name]
        outline = page.select("nav.outline-nav a")
        assert outline, f"{name}: no outline"
        for a in outline:
            target = a["href"].removeprefix("#")
            assert target == "top" or page.find(id=target), f"{name}: {a['href']} goes nowhere"
        prev = page.select_one('nav.page-tools a[rel="prev"]')
        nxt = page.select_one('nav.page-tools a[rel="next"]')
        assert (prev["href"] if prev else None) == (order[i - 1] if i else None), name
        assert (nxt["href"] if nxt else None) == (order[i + 1] if i + 1 < len(order)
                                                  else None), name
        assert page.select('nav.pager a[rel="next"]') or name == order[-1], name
        assert page.select_one('form[role="search"] input#search-input'), name
        report = page.select("a.report-link")
        assert len(report) == 2, f"{name}: a report link at the top and at the bottom"
        url = urlsplit(report[0]["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == (
            f"https://github.com/{cfg['repository']}/issues/new")
    query = parse_qs(urlsplit(pages["day01_a.html"].select_one("a.report-link")["href"]).query)
    assert query["title"] == ["Day 1 (Alpha): "]
    body = query["body"][0]
    assert "notebooks/day01_a.ipynb" in body and "fingerprint cell" in body
    assert FINGERPRINT.splitlines()[0] in body


def test_the_outline_lists_the_sections_and_the_index_the_days(course_dir):
    pages = build(course_dir)
    assert [a.get_text() for a in pages["day01_a.html"].select("nav.outline-nav a")] == [
        "1. Variance", "Exercises"]
    index = pages["index.html"]
    days = index.select("ol.day-list > li")
    assert [li.select_one("a.day-title")["href"] for li in days] == ["day01_a.html",
                                                                     "day02_b.html"]
    assert days[0].select_one("p em").get_text() == "try"  # the intro, rendered
    assert days[0].select_one('a[href^="https://colab.research.google.com/"]')


def test_the_status_page_has_versions_days_and_the_fingerprint(course_dir):
    status = build(course_dir)["status.html"]
    versions = {tr.select("td")[0].get_text(): tr.select("td")[1].get_text()
                for tr in status.find(id="versions").find_next("table").select("tbody tr")}
    assert set(versions) == {"Python", "NumPy", "matplotlib", "PyTorch (Day 9)"}
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert f"numpy=={versions['NumPy']}\n" in lock
    rows = status.find(id="days").find_next("table").select("tbody tr")
    assert [tr.select_one("a")["href"] for tr in rows] == ["day01_a.html", "day02_b.html"]
    assert rows[0].select("td")[-1].get_text() == "✓ same"
    assert rows[1].select("td")[-1].get_text() == "✗ none stored"
    assert status.select_one("main pre").get_text() == FINGERPRINT.rstrip()


def test_the_readme_times_are_read_for_every_day():
    times, date = site.readme_times()
    assert {p.stem for p in site.course.notebook_paths()} <= set(times)
    assert date[:2] == "20" and len(date) == 10


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def test_the_outputs_date_is_the_commit_that_brought_the_outputs(tmp_path):
    nb = V4.new_notebook(cells=[V4.new_markdown_cell("# Day 1 — A"),
                                V4.new_code_cell("print(1)", outputs=[
                                    V4.new_output("stream", name="stdout", text="1\n")])])
    path = tmp_path / "day01_a.ipynb"
    assert site.outputs_commit(path.parent / "missing.ipynb")[1] is None
    git(tmp_path, "init", "-q")
    nbformat.write(nb, path)
    git(tmp_path, "add", path.name)
    git(tmp_path, "commit", "-qm", "outputs", date="2026-01-02T12:00:00Z")
    sha = git(tmp_path, "rev-parse", "HEAD")
    nb.cells[0].source = "# Day 1 — A, reworded"  # prose only: the outputs stay
    nbformat.write(nb, path)
    git(tmp_path, "commit", "-qam", "prose", date="2026-03-04T12:00:00Z")
    assert site.outputs_commit(path) == ("2026-01-02", sha)
    nb.cells[1].outputs[0].text = "2\n"
    nbformat.write(nb, path)
    assert site.outputs_commit(path) == ("changed since the last commit", None)
    git(tmp_path, "commit", "-qam", "refresh", date="2026-05-06T12:00:00Z")
    assert site.outputs_commit(path) == ("2026-05-06", git(tmp_path, "rev-parse", "HEAD"))


@pytest.mark.parametrize(("tex", "plain"), [
    ("$\\mathrm{Var}(W) = \\sigma^2$", "Var(W) = sigma^2"),
    ("$2/(n_\\text{in}+n_\\text{out})$", "2/(n_in+n_out)"),
    ("$\\frac{1}{\\sqrt{n}}$, $W^\\top W$", "1/√n, W^T W"),
    ("$$\\tfrac{2}{n} A^\\top (A\\theta - y)$$", "2/n A^T (A theta - y)"),
])
def test_math_is_made_plain_for_search_excerpts(tex, plain):
    assert site.plain_math(tex) == plain


def test_search_documents_are_the_sections_with_anchors_that_exist(course_dir):
    pages = build(course_dir)
    docs = json.loads((course_dir / "site" / "search-documents.json").read_text("utf-8"))
    assert {d["id"] for d in docs} == set(range(len(docs)))
    variance = next(d for d in docs if d["title"] == "1. Variance")
    assert variance["url"].startswith("day01_a.html#")
    assert variance["page"] == "Day 1 · Alpha"
    assert "The variance is Var(W) = sigma^2; see the helper, Day 2," in variance["text"]
    assert "0.5" not in variance["text"]  # outputs are not indexed
    for d in docs:
        name, _, anchor = d["url"].partition("#")
        assert name in pages and (not anchor or pages[name].find(id=anchor)), d["url"]
    assert any(d["url"] == "cheatsheet.html" for d in docs)


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
        assert not page.select_one('a[href="cheatsheet.html"]'), name


def test_a_line_starting_with_an_issue_number_is_text_not_a_heading(course_dir):
    """CommonMark (JupyterLab, GitHub) needs a space after the #'s of a heading; nbconvert's
    renderer does not, and made Day 1's wrapped "#31238) changed ..." an <h1>."""
    nb = V4.new_notebook(cells=[V4.new_markdown_cell(
        "# Day 3 — Gamma\n\n- a fix (numpy PR\n  #31238) changed the output\n\n"
        "Pull request\n#161749: the 2.9.0 release still checks.\n\n## A section\n\n"
        "```\n#not-a-heading\n```\n\n$$\nx = 1\n$$")])
    nbformat.write(nb, course_dir / "notebooks" / "day03_c.ipynb")
    page = build(course_dir)["day03_c.html"]
    main = page.select_one("main")
    assert [h.get_text(strip=True) for h in main.select("h1")] == ["Day 3 — Gamma"]
    assert [h.get_text(strip=True) for h in main.select("h2")] == ["A section"]
    text = main.get_text(" ")
    assert "#31238) changed the output" in text and "#161749: the 2.9.0" in text
    assert "#not-a-heading" in main.select_one("pre").get_text()
    docs = json.loads((course_dir / "site" / "search-documents.json").read_text("utf-8"))
    assert not [d for d in docs if d["title"].startswith(("31238", "161749"))]
