"""Headless Chromium for the site tests, driven by Selenium through Debian's chromedriver.

The browser is offline, as a learner on a train: every host name fails to resolve, so a
page that needs the network shows it. Its performance log records every request a page
makes (scripts, styles, fonts, images), which the tests check stay on the site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

#: The repository (tests/browser/ is two levels down).
ROOT = Path(__file__).resolve().parents[2]

CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--window-size=1280,900",
               "--host-resolver-rules=MAP * ~NOTFOUND"]  # no host name resolves: offline


def pytest_configure(config):
    # Also registered in pyproject.toml; here so that --strict-markers accepts it either way.
    config.addinivalue_line("markers", "browser: needs headless Chromium (make test-site)")


@pytest.fixture(scope="session")
def driver(tmp_path_factory):
    """A headless Chromium session; fails (never skips) when Chromium is missing."""
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        pytest.fail("chromium and chromedriver are needed: `make test-site` installs them "
                    "(apt-get install chromium chromium-driver)", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # The driver's path given explicitly: Selenium Manager never looks for one online.
    drv = webdriver.Chrome(service=Service(chromedriver), options=options)
    drv.set_script_timeout(120)
    yield drv
    drv.quit()
