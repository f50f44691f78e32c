"""The course site in headless Chromium, offline (run by `make test-site` after `make site`;
deselected from a plain `pytest` by the `browser` marker).

Every page: loads with a title and a language; requests nothing from another host; has its
math typeset by the local KaTeX; shows each figure with the alt text its notebook stores;
keeps each solution folded with its verdict; passes axe-core with no serious or critical
violation; links the days in order, the index and (when it exists) the cheat sheet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import ROOT

pytestmark = pytest.mark.browser

SITE = ROOT / "build" / "site"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("day*.ipynb"))
HAS_CHEATSHEET = (ROOT / "CHEATSHEET.md").exists()
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEFAULT_ALT = "No description has been provided for this image"  # nbconvert's filler
PAGES = ["index.html", *[f"{nb.stem}.html" for nb in NOTEBOOKS],
         *(["cheatsheet.html"] if HAS_CHEATSHEET else [])]
LOCAL = ("file:", "data:", "blob:")

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
BAD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A bad page</title>
<script src="https://cdn.example.org/mathjax.js"></script></head>
<body><main>
<p style="color: #aaa">Its variance is $\\sigma^2$.</p>
<p style="color: #000">Read <a href="#" style="color: #333; text-decoration: none">Day 2</a>
first, then come back to this paragraph of running text.</p>
<img alt="No description has been provided for this image" src="data:image/png;base64,
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">
<details class="solution" open><summary>Solution 1</summary><pre>x = 1</pre></details>
</main></body></html>
"""
AXE_JS = """const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations),
                                                      e => done(String(e)));"""


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
        if self.driver.current_url != self.url:  # another test navigated away
            self.driver.get(self.url)
        return self.driver.execute_script(script, *args)

    def notebook(self):
        path = ROOT / "notebooks" / self.name.replace(".html", ".ipynb")
        return nbformat.read(path, as_version=4) if path.exists() else None


def open_page(driver: WebDriver, path: Path) -> Page:
    """Load ``path`` and record the URLs it requested (from the performance log; Chromium's
    own pages excluded: its first, blank tab loads some)."""
    driver.get_log("performance")  # drop what came before
    driver.get(path.as_uri())
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        document = message["params"].get("documentURL", "")
        if not (url.startswith("chrome") or document.startswith("chrome")):
            urls.append(url)
    return Page(path.name, path.as_uri(), driver, urls)


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


def test_the_checks_catch_a_bad_page(driver, tmp_path):
    """Each check finds the fault it looks for (a CDN script, raw TeX, a filler alt, an open
    solution, grey text and a link told apart by colour only)."""
    bad = tmp_path / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    page = open_page(driver, bad)
    assert from_other_hosts(page) == ["https://cdn.example.org/mathjax.js"]
    assert untypeset_math(page) == ["Its variance is $\\sigma^2$."]
    assert images_without_alt(page) == [repr(DEFAULT_ALT)]
    assert open_solutions(page) == ["Solution 1"]
    assert [v.split()[0] for v in serious_axe_violations(page)] == [
        "color-contrast", "link-in-text-block"]


# ---------------------------------------------------------------- every page of the site


@pytest.fixture(scope="module", params=PAGES)
def page(request, driver) -> Page:
    """Each page, loaded once for all the tests that look at it."""
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
    assert any(h.endswith(f"/notebooks/{NOTEBOOKS[i].name}") for h in colab), "no Colab link"


def test_screenshot_of_the_index(driver):
    driver.get((SITE / "index.html").as_uri())
    shot = SITE / "screenshot-index.png"
    driver.save_screenshot(shot)
    assert shot.stat().st_size > 5_000
