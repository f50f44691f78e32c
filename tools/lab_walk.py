"""A learner's walk through days in JupyterLab, in headless Chromium (Selenium).

What ``make lab`` gives a learner, driven as a learner uses it: the server runs on working
copies made from notebooks/learner/ (in build/lab-walk/my-notebooks/), each day
is opened in JupyterLab, looked at before anything runs (no output may answer a question
yet), run with Run All, then every exercise is answered once wrong (a plausible mistake)
and once right, each time running the answer cell and its check; the notebook is saved and
closed. Screenshots and a JSON record go to build/lab-walk/; at the end, `git status` must
be what it was. This is the evidence of the learner review (../shared/review/learner.md),
not a test of make test: it takes minutes.

    .venv/bin/python tools/lab_walk.py day01_seeding day05_initialization
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course

OUT = course.ROOT / "build" / "lab-walk"

#: A plausible wrong answer per exercise (the source of the your-turn cell), by day.
WRONG = {
    "day01_seeding": [
        ("def noisy_copy(x, scale, rng):\n    x += scale * rng.standard_normal(x.shape)\n"
        "    return x"),
        "rolls = np.random.default_rng(SEED).integers(1, 6, size=NUM_ROLLS)",
        ("def worker_rngs(seed, num_workers):\n"
        "    return [np.random.default_rng(seed)] * num_workers"),
    ],
    "day05_initialization": [
        ("def gain(phi, rng, num_draws):\n"
        "    return 1 / np.std(phi(rng.standard_normal(num_draws)))"),
        "def uniform_bound(std):\n    return math.sqrt(3 * std)",
    ],
    "day10_results_across_seeds": [
        ("def seeds_needed(sd, half_width):\n"
        "    return max(6, int(np.ceil((1.96 * sd / half_width) ** 2)))"),
        ("def paired_ci(a, b):\n    d = b - a\n"
        "    half_width = t_quantile(0.975, d.size - 1) * d.std() / np.sqrt(d.size)\n"
        "    return d.mean() - half_width, d.mean() + half_width"),
        ("def task_seeds(seed, n):\n"
        "    return [np.random.SeedSequence(seed + i) for i in range(n)]"),
    ],
}

JS_STATE = """
const app = window.jupyterapp;
const panel = app && app.shell.currentWidget;
if (!panel || !panel.content || !panel.sessionContext) { return null; }
const nb = panel.content;
const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
return {
  kernel: kernel ? kernel.status : null,
  cells: nb.widgets.map((w, i) => ({
    type: w.model.type,
    tags: w.model.getMetadata('tags') || [],
    count: w.model.type === 'code' ? w.model.executionCount : null,
    outputs: w.model.type === 'code' ? w.model.outputs.toJSON().map(o =>
      o.text ? [].concat(o.text).join('') :
      o.ename ? (o.ename + ': ' + o.evalue) :
      o.data ? (o.data['text/plain'] ? [].concat(o.data['text/plain']).join('') :
                Object.keys(o.data).join(',')) : o.output_type) : [],
    outputsHidden: w.outputHidden === true,
    sourceHidden: w.inputHidden === true,
  })),
};
"""

# Commands are started here and awaited by polling ``window.walkDone`` (a notebook can run
# for minutes on a busy machine, longer than one WebDriver call may take).
JS_RUN = """
const indices = arguments[0];
const app = window.jupyterapp;
const nb = app.shell.currentWidget.content;
window.walkDone = null;
(async () => {
  for (const i of indices) {
    nb.activeCellIndex = i;
    await app.commands.execute('notebook:run-cell');
  }
})().then(() => { window.walkDone = 'ok'; }, e => { window.walkDone = 'error: ' + e; });
"""

JS_COMMAND = """
window.walkDone = null;
window.jupyterapp.commands.execute(arguments[0]).then(
  () => { window.walkDone = 'ok'; }, e => { window.walkDone = 'error: ' + e; });
"""


# Each figure's cell and the alt text of its <img> rendition (empty when it has none).
JS_FIGURES = """
const nb = window.jupyterapp.shell.currentWidget.content;
const found = [];
nb.widgets.forEach((w, i) => {
  if (w.model.type !== 'code') { return; }
  for (const o of w.model.outputs.toJSON()) {
    if (!o.data || !o.data['image/png']) { continue; }
    const html = [].concat(o.data['text/html'] || []).join('');
    const m = html.match(/<img[^>]*alt="([^"]*)"/);
    found.push([i, m ? m[1] : '']);
  }
});
return found;
"""

# The alt text of the images JupyterLab shows in cell ``i`` (what a screen reader reads).
JS_SHOWN_ALT = """
const nb = window.jupyterapp.shell.currentWidget.content;
return Array.from(nb.widgets[arguments[0]].node.querySelectorAll('.jp-OutputArea img'))
  .map(img => img.getAttribute('alt') || '');
"""

JS_SET_SOURCE = """
const nb = window.jupyterapp.shell.currentWidget.content;
nb.widgets[arguments[0]].model.sharedModel.setSource(arguments[1]);
"""

JS_SCROLL = """
const nb = window.jupyterapp.shell.currentWidget.content;
nb.activeCellIndex = arguments[0];
return nb.scrollToItem(arguments[0], 'start');
"""


def right_answer(solution: str) -> str:
    """The solution cell as a learner's answer: no title, no ``.solution(...)`` call, and the
    ``_solution`` suffix dropped from the names it defines."""
    lines = [line for line in solution.splitlines()
             if not line.startswith("#@title") and ".solution(" not in line]
    return re.sub(r"(\w+)_solution\b", r"\1", "\n".join(lines)).strip()


def git_status() -> str:
    return subprocess.run(["git", "-C", str(course.ROOT), "status", "--porcelain",
                           "--untracked-files=all", "--ignored=no"],
                          capture_output=True, text=True, check=True).stdout


def wait_idle(driver, timeout: float = 1200) -> dict:
    """Wait until the command started last has finished and the kernel is idle; the state."""
    end = time.time() + timeout
    while time.time() < end:
        done = driver.execute_script("return window.walkDone;")
        state = driver.execute_script(JS_STATE)
        if done is not None and state and state["kernel"] == "idle":
            if done != "ok":
                raise RuntimeError(f"JupyterLab: {done}")
            return state
        time.sleep(1)
    raise TimeoutError("the kernel stayed busy")


def shot(driver, name: str, index: int | None = None) -> str:
    if index is not None:
        driver.execute_script(JS_SCROLL, index)
        time.sleep(1)
    path = OUT / f"{name}.png"
    driver.save_screenshot(str(path))
    return path.name


def walk_day(driver, base: str, token: str, day: str) -> dict:
    record: dict = {"day": day}
    driver.get(f"{base}/lab/tree/{day}.ipynb?token={token}")
    end = time.time() + 180
    state = None
    while time.time() < end:
        state = driver.execute_script(JS_STATE)
        if state and state["kernel"] == "idle" and state["cells"]:
            break
        time.sleep(1)
    else:
        raise TimeoutError(f"{day}: the notebook or its kernel did not open")
    time.sleep(2)
    record["opened"] = {
        "cells": len(state["cells"]),
        "code cells with outputs": [i for i, c in enumerate(state["cells"]) if c["outputs"]],
        "screenshot": shot(driver, f"{day}-0-opened"),
    }
    cells = state["cells"]
    turns = [i for i, c in enumerate(cells) if "your-turn" in c["tags"]]
    solutions = [i for i, c in enumerate(cells) if "solution" in c["tags"]]
    sources = driver.execute_script(
        "return window.jupyterapp.shell.currentWidget.content.widgets"
        ".map(w => w.model.sharedModel.getSource());")
    record["solutions hidden"] = [(i, cells[i]["sourceHidden"], cells[i]["outputsHidden"])
                                  for i in solutions]

    start = time.time()
    driver.execute_script(JS_COMMAND, "notebook:run-all-cells")
    state = wait_idle(driver)
    record["run all"] = {
        "seconds": round(time.time() - start, 1),
        "last executed cell": max((i for i, c in enumerate(state["cells"]) if c["count"]),
                                  default=None),
        "errors": [(i, o) for i, c in enumerate(state["cells"]) for o in c["outputs"]
                   if re.match(r"^\w+(Error|Exception|Wrong)\b", o)],
        "checks": {i + 1: state["cells"][i + 1]["outputs"] for i in turns},
        "solutions": {i: state["cells"][i]["outputs"] for i in solutions},
        "screenshot": shot(driver, f"{day}-1-run-all-first-check", turns[0] + 1
                           if turns else None),
    }
    figures = driver.execute_script(JS_FIGURES)
    record["figures"] = {"count": len(figures),
                         "without alt text": [i for i, alt in figures if not alt.strip()]}
    if figures:
        first = figures[0][0]
        record["figures"]["screenshot"] = shot(driver, f"{day}-1-first-figure", first)
        record["figures"]["alt shown in JupyterLab"] = driver.execute_script(JS_SHOWN_ALT, first)
    if solutions:
        record["run all"]["solution screenshot"] = shot(
            driver, f"{day}-1-run-all-solution", solutions[0])

    record["exercises"] = []
    wrong = WRONG.get(day, [])
    for k, i in enumerate(turns):
        entry: dict = {"cell": i}
        solution = next((j for j in solutions if j > i), None)
        attempts = [("wrong", wrong[k] if k < len(wrong) else None),
                    ("right", right_answer(sources[solution]) if solution else None)]
        for kind, answer in attempts:
            if answer is None:
                continue
            driver.execute_script(JS_SET_SOURCE, i, answer)
            driver.execute_script(JS_RUN, [i, i + 1])
            state = wait_idle(driver)
            entry[kind] = {"answer": answer, "check says": state["cells"][i + 1]["outputs"],
                           "screenshot": shot(driver, f"{day}-2-ex{k + 1}-{kind}", i)}
        record["exercises"].append(entry)

    driver.execute_script(JS_COMMAND, "docmanager:save")
    wait_idle(driver, 60)
    driver.execute_script(JS_COMMAND, "application:close-all")
    time.sleep(2)
    return record


@contextlib.contextmanager
def lab_session(work: Path, scratch: Path, port_base: int, script_timeout: float):
    """A JupyterLab server on ``work`` (started as `make lab` starts it) and headless Chromium.

    Yields ``(driver, base, token)``; the server's log and Chromium's profile go to
    ``scratch``. The walk below and the slider test (tests/browser) both start here.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    token = uuid.uuid4().hex
    port = port_base + int(token[:3], 16) % 1000
    log = open(scratch / "server.log", "w", encoding="utf-8")  # noqa: SIM115
    server = subprocess.Popen(
        course.lab_command(work, ["--no-browser", f"--ServerApp.port={port}",
                                  f"--IdentityProvider.token={token}",
                                  "--ServerApp.port_retries=0",
                                  "--LabApp.expose_app_in_browser=True"]),
        stdout=log, stderr=subprocess.STDOUT, cwd=course.ROOT)
    base = f"http://127.0.0.1:{port}"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                f"--user-data-dir={scratch / 'profile'}"]:
        options.add_argument(arg)
    driver = None
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")),
                                  options=options)
        driver.set_script_timeout(script_timeout)
        yield driver, base, token
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(scratch / "profile", ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("days", nargs="*", default=["day01_seeding", "day05_initialization",
                                                    "day10_results_across_seeds"])
    args = parser.parse_args(argv)
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    before = git_status()
    work = OUT / "my-notebooks"  # as `make lab` makes them, in git-ignored build/
    course.prepare_working_copies(work)
    records = []
    with lab_session(work, OUT, port_base=18800, script_timeout=900) as (driver, base, token):
        for day in args.days:
            print(f"{day}: walking ...", flush=True)
            records.append(walk_day(driver, base, token, day))
            print(json.dumps(records[-1], indent=1), flush=True)
    after = git_status()
    summary = {"days": records, "git status unchanged": after == before,
               "git status after": after, "working copies": str(work)}
    (OUT / "walk.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(f"git status unchanged: {after == before}; record in {course.shown(OUT)}/walk.json")
    return 0 if after == before else 1


if __name__ == "__main__":
    sys.exit(main())
