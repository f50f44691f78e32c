"""The course site in headless Chromium, offline (run by `make test-site` after `make site`;
deselected from a plain `pytest` by the `browser` marker).

Every page: loads with a title and a language; requests nothing from another host; has its
math typeset by the local KaTeX; shows each figure with the alt text its notebook stores, at
full size or as wide as the column; keeps each solution folded with its verdict; shows no
execution prompt; passes axe-core with no serious or critical violation; has the sidebar,
the outline, previous/next and a report link; keeps its prose lines at most 900 px wide at
1280 and 1920 px. The search works offline and its results lead to the section; the pages
are usable at a phone's width. Screenshots land in build/site/screenshots/.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import nbformat
import pytest
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import ROOT

pytestmark = pytest.mark.browser

SITE = ROOT / "build" / "site"
SHOTS = SITE / "screenshots"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("day*.ipynb"))
HAS_CHEATSHEET = (ROOT / "CHEATSHEET.md").exists()
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEFAULT_ALT = "No description has been provided for this image"  # nbconvert's filler
#: Every page in reading order (the order of the sidebar and of previous/next).
PAGES = ["index.html", *[f"{nb.stem}.html" for nb in NOTEBOOKS],
         *(["cheatsheet.html"] if HAS_CHEATSHEET else []), "status.html"]
DAYS = [f"{nb.stem}.html" for nb in NOTEBOOKS]
LOCAL = ("file:", "data:", "blob:")
MAX_PROSE_PX = 900  # issue 25: no prose line wider than this at 1920 px
WIDTHS = (1280, 1920)
LAPTOPS = (1280, 1366, 1440)  # the outline stays at hand (issue 25's learner review)
PHONE = 390

LINKS_JS = "return Array.from(document.querySelectorAll('a[href]'), a => a.href);"
# Everything a page embeds by URL (a resolved, absolute URL each).
EMBEDDED_JS = """return Array.from(document.querySelectorAll(
    'script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src], '
    + 'embed[src], object[data], track[src]'),
  e => e.src || e.href || e.data);"""
# Text outside code and typeset math that still looks like TeX.
RAW_TEX_JS = r"""const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const raw = [];
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (node.parentElement.closest('pre, code, script, style, .katex')) continue;
  if (/\$|\\\(|\\\[|\\begin\{/.test(node.data)) raw.push(node.data.trim().slice(0, 80));
}
return raw;"""
SOLUTIONS_JS = """return Array.from(document.querySelectorAll('main details.solution'), d => [
  d.open, d.querySelector('summary').textContent.trim(),
  d.querySelectorAll('.jp-InputArea-editor .highlight').length,
  d.querySelectorAll('.jp-OutputArea-output').length]);"""
# The prose of the page: its widest box and widest line (px), and the median characters per
# line of its paragraphs of three lines or more.
PROSE_JS = """const prose = Array.from(document.querySelectorAll(
    'main :is(p, li, dd, blockquote, h1, h2, h3, h4)')).filter(e => !e.closest('pre, table')
    && e.offsetParent !== null && e.textContent.trim());
let box = 0, line = 0;
const perLine = [];
for (const el of prose) {
  box = Math.max(box, el.getBoundingClientRect().width);
  const range = document.createRange();
  const lines = new Map();
  // The text as shown: KaTeX's MathML copy, for screen readers, is clipped to 1 px.
  const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    if (texts.currentNode.parentElement.closest('.katex-mathml')) continue;
    range.selectNodeContents(texts.currentNode);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      const key = Math.round(r.bottom / 6);
      const [left, right] = lines.get(key) || [r.left, r.right];
      lines.set(key, [Math.min(left, r.left), Math.max(right, r.right)]);
    }
  }
  for (const [left, right] of lines.values()) line = Math.max(line, right - left);
  if (el.tagName === 'P') {
    const style = getComputedStyle(el);
    const n = Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight));
    if (n >= 3) perLine.push(el.textContent.replace(/\\s+/g, ' ').trim().length / n);
  }
}
return [box, line, perLine];"""
FIGURES_JS = """return Array.from(document.querySelectorAll('main .jp-RenderedImage img'), i => [
  i.getAttribute('src'), i.naturalWidth, i.getBoundingClientRect().width,
  i.parentElement.clientWidth]);"""
BAD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A bad page</title>
<script src="https://cdn.example.org/mathjax.js"></script></head>
<body><main>
<p style="color: #aaa">Its variance is $\\sigma^2$.</p>
<p style="color: #000">Read <a href="#" style="color: #333; text-decoration: none">Day 2</a>
first, then come back to this paragraph of running text.</p>
<p>In [3]: a paragraph as wide as the window, as the site's pages were before issue 25: it
runs on and on across the whole screen, well past any comfortable measure for reading, so
that the eye loses the start of the next line when it comes back from the end of this one,
and a reader on a wide monitor gives up long before the end of the sentence is in sight.</p>
<img alt="No description has been provided for this image" src="data:image/png;base64,
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">
<details class="solution" open><summary>Solution 1</summary><pre>x = 1</pre></details>
</main></body></html>
"""
AXE_JS = """const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations),
                                                      e => done(String(e)));"""
PROMPT = re.compile(r"\b(In|Out)\s*\[\s*\d*\s*\]:")


@dataclass(repr=False)
class Page:
    """A page open in the browser, with every URL it requested while loading."""

    name: str
    url: str
    driver: WebDriver
    requests: list[str]

    def __repr__(self) -> str:
        return f"Page({self.name!r})"

    def run(self, script: str, *args):
        if self.driver.current_url.split("#")[0] != self.url:  # another test navigated away
            self.driver.get(self.url)
        return self.driver.execute_script(script, *args)

    def notebook(self):
        path = ROOT / "notebooks" / self.name.replace(".html", ".ipynb")
        return nbformat.read(path, as_version=4) if path.exists() else None


def performance_urls(driver: WebDriver) -> list[str]:
    """The URLs requested since the last call (Chromium's own pages excluded: its first,
    blank tab loads some)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        document = message["params"].get("documentURL", "")
        if not (url.startswith("chrome") or document.startswith("chrome")):
            urls.append(url)
    return urls


def open_page(driver: WebDriver, path: Path) -> Page:
    """Load ``path`` and record the URLs it requested (from the performance log)."""
    driver.get_log("performance")  # drop what came before
    driver.get(path.as_uri())
    return Page(path.name, path.as_uri(), driver, performance_urls(driver))


def set_viewport(driver: WebDriver, width: int, height: int = 900) -> None:
    """Emulate a screen ``width`` px wide (a phone's below 600 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


@pytest.fixture
def viewport(driver):
    """Sets the screen's size for one test, and puts the default back after it."""
    yield lambda width, height=900: set_viewport(driver, width, height)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def screenshot(driver: WebDriver, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{name}.png"
    driver.save_screenshot(shot)
    assert shot.stat().st_size > 5_000, shot
    return shot


# ---------------------------------------------------------------- checks (lists of problems)


def from_other_hosts(page: Page) -> list[str]:
    """URLs the page requested or embeds that are not on the site."""
    urls = set(page.requests) | set(page.run(EMBEDDED_JS))
    return sorted(u for u in urls if not u.startswith(LOCAL))


def untypeset_math(page: Page) -> list[str]:
    """Text that still looks like TeX, and formulas KaTeX could not typeset."""
    errors = page.run("return Array.from(document.querySelectorAll('.katex-error'), "
                      "e => e.title || e.textContent);")
    return page.run(RAW_TEX_JS) + errors


def images_without_alt(page: Page) -> list[str]:
    """Images whose alt text is missing, empty, or nbconvert's filler."""
    alts = page.run("return Array.from(document.images, i => i.getAttribute('alt'));")
    return [repr(a) for a in alts if not (a or "").strip() or a == DEFAULT_ALT]


def open_solutions(page: Page) -> list[str]:
    """Solutions shown unfolded."""
    return [summary for is_open, summary, *_ in page.run(SOLUTIONS_JS) if is_open]


def prompts(page: Page) -> list[str]:
    """Execution prompts (``In [3]:``) in the page's text."""
    return PROMPT.findall(page.run("return document.querySelector('main').innerText;"))


def prose_widths(page: Page) -> tuple[float, float, list[float]]:
    """The widest prose box and line (px) and the characters per line of long paragraphs."""
    box, line, per_line = page.run(PROSE_JS)
    return box, line, per_line


def serious_axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations, one line per rule."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make site does)",
                    pytrace=False)
    page.run(AXE.read_text(encoding="utf-8"))
    violations = page.driver.execute_async_script(AXE_JS)
    assert isinstance(violations, list), f"axe-core failed: {violations}"
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes: {v['help']}) e.g. "
            f"{[n['target'] for n in v['nodes'][:3]]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def test_the_checks_catch_a_bad_page(driver, viewport, tmp_path):
    """Each check finds the fault it looks for (a CDN script, raw TeX, a filler alt, an open
    solution, a prompt, a paragraph as wide as the window, grey text and a link told apart by
    colour only)."""
    viewport(1920)
    bad = tmp_path / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    page = open_page(driver, bad)
    assert from_other_hosts(page) == ["https://cdn.example.org/mathjax.js"]
    assert untypeset_math(page) == ["Its variance is $\\sigma^2$."]
    assert images_without_alt(page) == [repr(DEFAULT_ALT)]
    assert open_solutions(page) == ["Solution 1"]
    assert prompts(page) == ["In"]
    box, line, _ = prose_widths(page)
    assert box > 1800 and line > 1700
    assert [v.split()[0] for v in serious_axe_violations(page)] == [
        "color-contrast", "link-in-text-block"]


# ---------------------------------------------------------------- every page of the site


@pytest.fixture(scope="module", params=PAGES)
def page(request, driver) -> Page:
    """Each page, loaded once (at 1280 px) for all the tests that look at it."""
    if not (SITE / "index.html").exists():
        pytest.fail("no site: run `make site` first (make test-site does)", pytrace=False)
    return open_page(driver, SITE / request.param)


def test_page_loads_with_title_language_and_working_links(page):
    assert page.run("return document.readyState;") == "complete"
    assert page.run("return document.title;").strip(), f"{page.name} has no title"
    assert page.run("return document.documentElement.lang;") == "en", f"{page.name}: lang"
    assert page.run("return document.querySelectorAll('main').length;") == 1, page.name
    images = page.run("return Array.from(document.images, "
                      "i => [i.src.slice(0, 60), i.complete && i.naturalWidth > 0]);")
    broken = [src for src, ok in images if not ok]
    assert not broken, f"{page.name}: images that did not load: {broken}"
    internal = [h for h in page.run(LINKS_JS) if h.startswith("file:")]
    missing = [h for h in internal if not Path(unquote(urlparse(h).path)).exists()]
    assert not missing, f"{page.name}: internal links that do not resolve: {missing}"
    names = {Path(urlparse(h).path).name for h in internal}
    assert ("cheatsheet.html" in names) == HAS_CHEATSHEET, (
        f"{page.name}: the cheat sheet link should be there exactly when CHEATSHEET.md is")



def test_one_h1_per_page_and_issue_numbers_stay_text(page):
    """Exactly one <h1> (the title) on each page; a wrapped line starting with an issue
    number (Day 1's "#31238) changed") is prose, and so is an issue number inside a line
    (Day 9's "#161749 removed that check")."""
    h1 = page.run("return Array.from(document.querySelectorAll('h1'), h => h.textContent);")
    assert len(h1) == 1, f"{page.name}: {len(h1)} <h1>: {[t[:40] for t in h1]}"
    fragment = {"day01_seeding.html": "#31238) changed",
                "day09_numpy_to_pytorch.html": "#161749 removed that check"}.get(page.name)
    if fragment:
        tags = page.run("return Array.from(document.querySelectorAll('main *')).filter("
                        "e => Array.from(e.childNodes).some(n => n.nodeType === 3 "
                        "&& n.data.includes(arguments[0]))).map(e => e.tagName);", fragment)
        assert tags and not {"H1", "H2", "H3", "H4"} & set(tags), (page.name, tags)

def test_nothing_is_requested_from_another_host(page):
    assert any(u.startswith("file:") for u in page.requests), "the performance log is empty"
    elsewhere = from_other_hosts(page)
    assert not elsewhere, f"{page.name} loads from other hosts: {elsewhere}"


def test_math_is_typeset_offline(page):
    raw = untypeset_math(page)
    assert not raw, f"{page.name}: TeX left untypeset: {raw[:5]}"
    nb = page.notebook()
    if nb and any("$" in c.source for c in nb.cells if c.cell_type == "markdown"):
        assert page.run("return document.documentElement.dataset.math;") == "typeset"
        assert page.run("return document.querySelectorAll('.katex-html').length;") > 0


def test_every_figure_has_the_alt_text_its_notebook_gives(page):
    bad = images_without_alt(page)
    assert not bad, f"{page.name}: images without a real alt text: {bad}"
    nb = page.notebook()
    if nb is None:
        return
    stored = [out.get("metadata", {}).get(mime, {}).get("alt")
              for cell in nb.cells for out in cell.get("outputs", [])
              for mime in ("image/png", "image/jpeg") if mime in out.get("data", {})]
    shown = page.run("return Array.from(document.querySelectorAll("
                     "'.jp-OutputArea-output img'), i => i.getAttribute('alt'));")
    assert len(shown) == len(stored), f"{page.name}: {len(shown)} figures, {len(stored)} stored"
    undescribed = [i + 1 for i, alt in enumerate(stored) if not alt]
    assert not undescribed, (
        f"{page.name}: figures {undescribed} of {len(stored)} have no alt text in the notebook "
        f"(display them with helpers.plotting.show(fig, alt=...))")
    assert shown == stored, f"{page.name}: the figures' alt text differs from the notebook's"


def test_solutions_are_folded_with_their_verdict(page):
    assert not open_solutions(page), f"{page.name}: unfolded solutions"
    nb = page.notebook()
    if nb is None:
        return
    cells = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    folded = page.run(SOLUTIONS_JS)
    assert len(folded) == len(cells), f"{page.name}: {len(folded)} folded of {len(cells)}"
    for cell, (_, summary, code, outputs) in zip(cells, folded, strict=True):
        assert code == 1, f"{page.name}: {summary!r} does not hold its code"
        assert outputs == len(cell.outputs), f"{page.name}: {summary!r}: outputs outside"


def test_no_execution_prompts(page):
    assert not prompts(page), f"{page.name}: execution prompts in the text"
    assert not page.run("return document.querySelectorAll("
                        "'.jp-InputPrompt, .jp-OutputPrompt').length;"), page.name


def test_axe_finds_no_serious_or_critical_violation(page):
    violations = serious_axe_violations(page)
    assert not violations, f"{page.name}: axe-core violations:\n" + "\n".join(violations)


def test_the_days_are_linked_from_the_index_and_chained(page):
    names = [Path(urlparse(h).path).name for h in page.run(LINKS_JS) if h.startswith("file:")]
    stems = [nb.stem for nb in NOTEBOOKS]
    if page.name == "index.html":
        assert {f"{s}.html" for s in stems} <= set(names), "the index misses a day"
        return
    assert "index.html" in names, f"{page.name}: no link back to the index"
    if page.name.removesuffix(".html") not in stems:
        return
    i = stems.index(page.name.removesuffix(".html"))
    if i > 0:
        assert f"{stems[i - 1]}.html" in names, f"{page.name}: no link to the previous day"
    if i + 1 < len(stems):
        assert f"{stems[i + 1]}.html" in names, f"{page.name}: no link to the next day"
    colab = [h for h in page.run(LINKS_JS) if "colab.research.google.com" in h]
    learner_copy = f"/notebooks/learner/{NOTEBOOKS[i].name}"  # the copy without outputs
    assert any(h.endswith(learner_copy) for h in colab), "no Colab link"


def test_sidebar_outline_prev_next_and_report_link(page):
    """The sidebar lists every page in order and marks this one; the outline's links reach
    their sections; previous/next follow the reading order at the top and the bottom; the
    report link opens a pre-filled issue on the course's repository."""
    i = PAGES.index(page.name)
    side = page.run("return Array.from(document.querySelectorAll('nav.sidebar a'), "
                    "a => [a.getAttribute('href'), a.getAttribute('aria-current'), "
                    "a.offsetParent !== null]);")
    assert [h for h, _, _ in side] == PAGES, f"{page.name}: the sidebar's pages"
    assert [h for h, current, _ in side if current == "page"] == [page.name]
    assert all(visible for *_, visible in side), f"{page.name}: sidebar links hidden at 1280"
    outline = page.run("return Array.from(document.querySelectorAll('nav.outline-nav a'), "
                       "a => [a.hash, !!document.getElementById("
                       "decodeURIComponent(a.hash.slice(1)))]);")
    assert outline, f"{page.name}: no outline"
    assert all(found for _, found in outline), f"{page.name}: outline links going nowhere"
    for where in ("nav.page-tools", "nav.pager"):
        rel = page.run(f"return Array.from(document.querySelectorAll('{where} a[rel]'), "
                       "a => [a.rel, a.getAttribute('href')]);")
        expected = ([["prev", PAGES[i - 1]]] if i else []) + (
            [["next", PAGES[i + 1]]] if i + 1 < len(PAGES) else [])
        assert rel == expected, f"{page.name}: {where} previous/next"
    assert page.run("return document.querySelector('nav.page-tools').offsetParent !== null;")
    reports = page.run("return Array.from(document.querySelectorAll('a.report-link'), "
                       "a => a.href);")
    assert len(reports) == 2, f"{page.name}: report links at the top and the bottom"
    url = urlparse(reports[0])
    repo = re.search(r'repository\s*=\s*"([^"]+)"',
                     (ROOT / "pyproject.toml").read_text(encoding="utf-8")).group(1)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"https://github.com/{repo}/issues/new"
    query = parse_qs(url.query)
    assert "fingerprint cell" in query["body"][0]
    if page.name in DAYS:
        day = DAYS.index(page.name) + 1
        assert query["title"][0].startswith(f"Day {day} ("), query["title"]
        assert f"notebooks/{page.name.replace('.html', '.ipynb')}" in query["body"][0]


# ---------------------------------------------------------------- widths, figures, phone


@pytest.mark.parametrize("width", WIDTHS)
def test_the_prose_column_and_the_figures(driver, viewport, width, record_property):
    """At 1280 and 1920 px no prose line is wider than 900 px, and each figure is shown at
    its full size, or as wide as the column when it is wider."""
    viewport(width)
    report = []
    for name in PAGES:
        page = open_page(driver, SITE / name)
        assert page.run("return window.innerWidth;") == width
        box, line, per_line = prose_widths(page)
        assert box <= MAX_PROSE_PX, f"{name} at {width} px: a prose box {box:.0f} px wide"
        assert line <= MAX_PROSE_PX, f"{name} at {width} px: a prose line {line:.0f} px wide"
        for src, natural, shown, column in page.run(FIGURES_JS):
            assert shown >= min(natural, column) - 1, (
                f"{name} at {width} px: {src} shown {shown:.0f} px wide of {natural} "
                f"in a {column}-px column")
        report.append((name, round(box), round(line),
                       round(statistics.median(per_line)) if per_line else None))
    record_property(f"prose_{width}", report)
    print(f"\nprose at {width} px (page, widest box, widest line, median chars per line):")
    for row in report:
        print("  ", *row)
    if width >= 1440:  # three columns
        outline = driver.execute_script(
            "const o = document.querySelector('nav.outline-nav').getBoundingClientRect();"
            "const m = document.querySelector('main').getBoundingClientRect();"
            "return [o.left >= m.right, document.querySelector('details.outline').open];")
        assert outline == [True, True], f"at {width} px the outline is open beside the text"
    else:  # folded above the text, and still at hand halfway down a long day
        top = driver.execute_script(
            "window.scrollTo(0, document.body.scrollHeight / 2);"
            "return document.querySelector('details.outline').getBoundingClientRect().top;")
        assert 0 <= top < 120, f"at {width} px the outline scrolled away ({top:.0f})"


@pytest.mark.parametrize("width", LAPTOPS)
def test_the_outline_stays_at_hand_on_a_laptop(driver, viewport, width):
    """At 1280, 1366 and 1440 px the outline is in view halfway down a long day (folded at
    the top of the screen, or open beside the text from 1440 px), and following one of its
    links shows that section, not the outline over it."""
    viewport(width)
    page = open_page(driver, SITE / "day05_initialization.html")
    top = page.run("window.scrollTo(0, document.body.scrollHeight / 2);"
                   "return document.querySelector('details.outline').getBoundingClientRect().top;")
    assert 0 <= top < 120, f"at {width} px the outline scrolled away ({top:.0f})"
    outline = driver.find_element(By.CSS_SELECTOR, "details.outline")
    if outline.get_attribute("open") is None:
        outline.find_element(By.TAG_NAME, "summary").click()
    link = outline.find_elements(By.CSS_SELECTOR, "a")[2]
    link.click()
    anchor = unquote(urlparse(link.get_attribute("href")).fragment)
    target, box = page.run(
        "const t = document.getElementById(arguments[0]).getBoundingClientRect();"
        "const o = document.querySelector('details.outline').getBoundingClientRect();"
        "return [t.top, o.bottom];", anchor)
    assert target >= box - 1 or width >= 1440, f"at {width} px the outline covers {anchor!r}"
    assert 0 <= target < 250, f"at {width} px {anchor!r} is not in view ({target:.0f})"


def test_day5_grids_are_shown_at_full_size(driver, viewport):
    """Day 5's histogram grids fit the column at 1280 and 1920 px: shown at 100%."""
    name = "day05_initialization.html"
    if name not in PAGES:
        pytest.skip("no Day 5")
    for width in WIDTHS:
        viewport(width)
        page = open_page(driver, SITE / name)
        figures = page.run(FIGURES_JS)
        grids = [f for f in figures if "grid" in (page.run(
            "return document.querySelector(`img[src='${arguments[0]}']`).alt;", f[0]))]
        assert len(grids) == 3, [f[0] for f in figures]
        for src, natural, shown, _ in grids:
            assert natural <= 900 and shown == natural, (width, src, natural, shown)


@pytest.mark.parametrize("name", ["index.html", "day01_seeding.html",
                                  "day05_initialization.html", "status.html",
                                  *(["cheatsheet.html"] if HAS_CHEATSHEET else [])])
def test_usable_at_a_phone_width(driver, viewport, name):
    """At 390 px: nothing scrolls the page sideways, the text is at least 16 px, the search
    box is there, and the menu button opens the sidebar with every day."""
    viewport(PHONE, 844)
    page = open_page(driver, SITE / name)
    assert page.run("return window.innerWidth;") == PHONE
    wide = page.run("return document.documentElement.scrollWidth;")
    assert wide <= PHONE, f"{name}: the page scrolls sideways ({wide} px)"
    size = page.run("return parseFloat(getComputedStyle(document.querySelector("
                    "'main p')).fontSize);")
    assert size >= 16, f"{name}: prose at {size} px"
    search = driver.find_element(By.ID, "search-input")
    assert search.is_displayed() and search.size["width"] >= 300
    sidebar = driver.find_element(By.ID, "sidebar")
    assert not sidebar.is_displayed(), f"{name}: the sidebar covers the text"
    toggle = driver.find_element(By.CSS_SELECTOR, "button.menu-toggle")
    assert toggle.is_displayed()
    toggle.click()
    assert sidebar.is_displayed() and toggle.get_attribute("aria-expanded") == "true"
    days = [a for a in sidebar.find_elements(By.CSS_SELECTOR, "a") if a.is_displayed()]
    assert len(days) == len(PAGES), f"{name}: {len(days)} links in the open menu"
    screenshot(driver, f"{name.removesuffix('.html')}-{PHONE}-menu")
    close = sidebar.find_element(By.CSS_SELECTOR, "button.sidebar-close")
    assert close.is_displayed(), f"{name}: the open menu has no close button"
    assert page.run("return document.getElementById('sidebar').contains("
                    "document.activeElement);"), f"{name}: focus stayed outside the menu"
    close.click()
    assert not sidebar.is_displayed(), f"{name}: the close button leaves the menu open"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert driver.switch_to.active_element == toggle, f"{name}: focus not back on Menu"
    toggle.click()
    assert sidebar.is_displayed()
    tap = ActionBuilder(driver)  # a tap beside the open menu, on the page under it
    tap.pointer_action.move_to_location(PHONE - 5, 600)  # the right margin
    tap.pointer_action.click()
    tap.perform()
    assert not sidebar.is_displayed(), f"{name}: a tap outside leaves the menu open"
    toggle.click()
    assert sidebar.is_displayed()
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not sidebar.is_displayed()
    assert driver.switch_to.active_element == toggle
    if name == "day01_seeding.html":  # the phone layout (a day's page) in axe-core too
        violations = serious_axe_violations(page)
        assert not violations, f"{name} at {PHONE} px:\n" + "\n".join(violations)


def test_no_page_scrolls_sideways_at_a_phone_width(driver, viewport):
    """At 390 px wide formulas, code, tables and figures scroll inside their own box: the
    page itself never scrolls sideways."""
    viewport(PHONE, 844)
    wide = {}
    for name in PAGES:
        open_page(driver, SITE / name)
        width = driver.execute_script("return document.documentElement.scrollWidth;")
        if width > PHONE:
            wide[name] = width
    assert not wide, f"pages wider than {PHONE} px: {wide}"


# ---------------------------------------------------------------- search


def search(driver: WebDriver, query: str) -> list[tuple[str, str]]:
    """Type ``query`` into the search box; the results as (href, text)."""
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.click()
    box.send_keys(query)
    WebDriverWait(driver, 10).until(
        lambda d: query in d.find_element(By.CSS_SELECTOR, "#search-results .search-status").text)
    return [(a.get_attribute("href"), a.text)
            for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]


def test_search_works_offline_and_leads_to_the_section(driver, viewport):
    """Searching finds the sections that hold the words, on every day and the cheat sheet,
    from the local index alone; following a result opens its page at that section."""
    viewport(1280)
    open_page(driver, SITE / "day01_seeding.html")
    hits = search(driver, "Glorot")
    assert hits, "no result for Glorot"
    pages = {Path(urlparse(h).path).name for h, _ in hits}
    assert "day05_initialization.html" in pages, pages
    assert "Glorot" in driver.find_element(By.CSS_SELECTOR, "#search-results mark").text
    screenshot(driver, "search-1280")
    code = search(driver, "default_rng")
    assert any("day01_seeding.html" in h for h, _ in code), "a code name is found too"
    if HAS_CHEATSHEET:
        assert any("cheatsheet.html" in h for h, _ in code), "the cheat sheet is searched"
    nothing = search(driver, "qwertyuiopasdf")
    assert nothing == []
    assert "Nothing found" in driver.find_element(By.ID, "search-results").text
    hits = search(driver, "Glorot")
    target = next(h for h, _ in hits if "day05_initialization.html#" in h)
    requests = performance_urls(driver)
    assert requests and all(u.startswith(LOCAL) for u in requests), requests
    (link,) = [a for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
               if a.get_attribute("href") == target]
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == target)
    anchor = unquote(urlparse(target).fragment)
    top = driver.execute_script(
        "const t = document.getElementById(arguments[0]);"
        "return t ? t.getBoundingClientRect().top : null;", anchor)
    assert top is not None and 0 <= top < 200, f"the section {anchor!r} is not in view ({top})"


def test_a_result_on_the_same_page_closes_the_results(driver, viewport):
    """Following a result on the page being read shows its section, not the results over
    it."""
    viewport(1280)
    name = "day05_initialization.html"
    open_page(driver, SITE / name)
    hits = search(driver, "Glorot")
    target = next(h for h, _ in hits if f"{name}#" in h)
    (link,) = [a for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
               if a.get_attribute("href") == target]
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == target)
    panel = driver.find_element(By.ID, "search-results")
    assert not panel.is_displayed(), "the results stay open over the section"
    anchor = unquote(urlparse(target).fragment)
    top = driver.execute_script(
        "return document.getElementById(arguments[0]).getBoundingClientRect().top;", anchor)
    assert 0 <= top < 200, f"the section {anchor!r} is not in view ({top})"


# ---------------------------------------------------------------- screenshots


@pytest.mark.parametrize("width", [1920, 1280, PHONE])
def test_screenshots(driver, viewport, width):
    """The pages a learner meets first, at a desktop's, a laptop's and a phone's width."""
    viewport(width, 1080 if width == 1920 else 844 if width == PHONE else 900)
    shots = [("index.html", None), ("day05_initialization.html", None),
             ("day05_initialization.html", "grid"), ("status.html", None)]
    for name, where in shots:
        open_page(driver, SITE / name)
        if where == "grid":
            driver.execute_script("const g = Array.from(document.images).find("
                                  "i => i.alt.includes('grid')); g.scrollIntoView();"
                                  "window.scrollBy(0, -70);")
        screenshot(driver, f"{name.removesuffix('.html')}{'-' + where if where else ''}-{width}")


def test_the_report_link_names_the_section_being_read(driver, viewport):
    """Clicked while a section is read, "Report a problem" puts that section in the issue."""
    viewport(1920, 1080)
    page = open_page(driver, SITE / DAYS[0])
    heading = page.run("const h = document.querySelectorAll('main h2')[3];"
                       "h.scrollIntoView(); window.scrollBy(0, 100);"
                       "window.dispatchEvent(new Event('scroll')); return h.textContent;")
    href = page.run("const a = document.querySelector('a.report-link');"
                    "a.addEventListener('click', e => e.preventDefault()); a.click();"
                    "return a.href;")
    body = parse_qs(urlparse(href).query)["body"][0]
    assert f"**Section:** {heading.strip()}\n" in body, body[:300]
