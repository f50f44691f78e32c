"""The course site in headless Chromium: every page loads, every image is present, every
internal link resolves; a screenshot of the index is saved (run by `make test-site`,
after `make site`; not part of `make test`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from .webdriver import Browser

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "site"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("day*.ipynb"))

IMAGES_JS = """return Array.from(document.images).map(
    i => [i.getAttribute('src').slice(0, 60), i.complete && i.naturalWidth > 0]);"""
LINKS_JS = "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.fail("chromium and chromedriver are needed: `make test-site` installs them")
    if not (SITE / "index.html").exists():
        pytest.fail("no site: run `make site` first (make test-site does)")
    b = Browser(chromium, driver, tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


PAGES = ["index.html", *[f"{p.stem}.html" for p in NOTEBOOKS]]


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_with_images_and_working_links(browser, page):
    browser.get((SITE / page).as_uri())
    assert browser.run("return document.readyState;") == "complete"
    assert browser.run("return document.title;"), f"{page} has no title"
    images = browser.run(IMAGES_JS)
    assert images, f"{page} shows no image"
    broken = [src for src, ok in images if not ok]
    assert not broken, f"{page}: images that did not load: {broken}"
    internal = [h for h in browser.run(LINKS_JS) if h.startswith("file:")]
    missing = [h for h in internal if not Path(unquote(urlparse(h).path)).exists()]
    assert not missing, f"{page}: internal links that do not resolve: {missing}"


def test_every_day_is_linked_from_the_index_and_chained(browser):
    browser.get((SITE / "index.html").as_uri())
    linked = {Path(urlparse(h).path).name for h in browser.run(LINKS_JS)}
    assert {f"{p.stem}.html" for p in NOTEBOOKS} <= linked
    for i, nb in enumerate(NOTEBOOKS):
        browser.get((SITE / f"{nb.stem}.html").as_uri())
        names = {Path(urlparse(h).path).name for h in browser.run(LINKS_JS)}
        if i > 0:
            assert f"{NOTEBOOKS[i - 1].stem}.html" in names, f"{nb.stem}: no previous link"
        if i + 1 < len(NOTEBOOKS):
            assert f"{NOTEBOOKS[i + 1].stem}.html" in names, f"{nb.stem}: no next link"
        assert "index.html" in names, f"{nb.stem}: no link back to the index"
        colab = [h for h in browser.run(LINKS_JS) if "colab.research.google.com" in h]
        assert any(h.endswith(f"/notebooks/{nb.name}") for h in colab), f"{nb.stem}: Colab"


def test_screenshot_of_the_index(browser):
    browser.get((SITE / "index.html").as_uri())
    shot = SITE / "screenshot-index.png"
    browser.screenshot(shot)
    assert shot.stat().st_size > 5_000
