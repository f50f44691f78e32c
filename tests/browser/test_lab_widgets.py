"""An exploration's slider in a real JupyterLab (issue 23): moved, it redraws.

A Jupyter server started as `make lab` starts it (tools/course.py ``lab_command``) serves a
learner's working copy of Day 2 (from notebooks/learner/, as `make lab` makes it); headless
Chromium opens it in JupyterLab 4 (ipywidgets 8), runs the cells up to the first widget cell,
drags that cell's first slider and waits for the figure and the printed summary inside the
controls to change. Run by `make test-site` (``-m browser``); about half a minute.
"""

from __future__ import annotations

import re
import shutil
import time

import pytest

pytestmark = pytest.mark.browser

DAY = "day02_distributions"

# The figure and the text JupyterLab shows inside cell ``i``'s controls (the Output widget
# that ``interact`` fills): the last image's source and the printed text.
JS_SHOWN = """
const nb = window.jupyterapp.shell.currentWidget.content;
const node = nb.widgets[arguments[0]].node;
const imgs = node.querySelectorAll('.jp-Cell-outputWrapper img');
const texts = Array.from(node.querySelectorAll('.jp-Cell-outputWrapper .jp-RenderedText'))
  .map(e => e.innerText);
return {img: imgs.length ? imgs[imgs.length - 1].getAttribute('src') : null,
        alt: imgs.length ? imgs[imgs.length - 1].getAttribute('alt') : null,
        text: texts.join('\\n'),
        sliders: node.querySelectorAll('.widget-slider .noUi-handle').length};
"""


def shown(driver, index: int, timeout: float, until=lambda s: True) -> dict:
    end = time.time() + timeout
    while True:
        state = driver.execute_script(JS_SHOWN, index)
        if (state["img"] and state["text"] and until(state)) or time.time() > end:
            return state
        time.sleep(0.25)


@pytest.fixture(scope="module")
def lab(course, load_tool, tmp_path_factory):
    """A JupyterLab server on a working copy of the day and a Chromium session on it."""
    walk = load_tool("tools/lab_walk.py")
    work = tmp_path_factory.mktemp("my-notebooks")
    shutil.copy(course.LEARNER / f"{DAY}.ipynb", work)
    with walk.lab_session(work, work.parent, port_base=19800,
                          script_timeout=300) as (driver, base, token):
        yield walk, driver, f"{base}/lab/tree/{DAY}.ipynb?token={token}"


def test_moving_a_slider_redraws_the_figure_and_the_summary(lab, course, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    walk, driver, url = lab
    driver.get(url)
    end = time.time() + 180
    while time.time() < end:
        state = driver.execute_script(walk.JS_STATE)
        if state and state["kernel"] == "idle" and state["cells"]:
            break
        time.sleep(1)
    else:
        pytest.fail("the notebook or its kernel did not open in JupyterLab")
    sources = driver.execute_script("return window.jupyterapp.shell.currentWidget.content"
                                    ".widgets.map(w => w.model.sharedModel.getSource());")
    widget = next(i for i, s in enumerate(sources) if re.search(r"\binteract\(", s))
    driver.execute_script(walk.JS_RUN, list(range(widget + 1)))
    state = walk.wait_idle(driver, 300)
    errors = [(i, o) for i, c in enumerate(state["cells"]) for o in c["outputs"]
              if re.match(r"^\w+(Error|Exception)\b", o)]
    assert not errors, errors
    driver.execute_script(walk.JS_SCROLL, widget)
    before = shown(driver, widget, 60)
    assert before["img"] and before["text"], f"the controls show no figure or summary: {before}"
    assert before["sliders"] >= 1 and before["alt"], before
    twin = state["cells"][widget - 1]["outputs"]
    assert before["text"].strip() in "".join(twin), (
        "at its defaults the widget must print what its static twin printed")

    handle = driver.find_elements(By.CSS_SELECTOR, ".jp-Cell .widget-slider .noUi-handle")
    cell_handles = [h for h in handle if driver.execute_script(
        "return window.jupyterapp.shell.currentWidget.content.widgets[arguments[0]]"
        ".node.contains(arguments[1]);", widget, h)]
    assert cell_handles, "no slider in the widget cell"
    moved_at = time.time()
    ActionChains(driver).click_and_hold(cell_handles[0]).move_by_offset(60, 0).release().perform()
    after = shown(driver, widget, 30, until=lambda s: s["text"] != before["text"])
    seconds = time.time() - moved_at
    driver.save_screenshot(str(tmp_path / "slider-moved.png"))
    assert after["text"] != before["text"], f"the summary did not change: {after['text']!r}"
    assert after["img"] != before["img"], "the figure did not change"
    assert re.match(r"normal, scale [\d.]+, n = 1,000: ", after["text"]), after["text"]
    assert "scale 1," not in after["text"], after["text"]
    print(f"slider moved: {before['text'].strip()!r} -> {after['text'].strip()!r} "
          f"in {seconds:.2f} s (browser and kernel round trip)")
