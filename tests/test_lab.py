"""`make lab`: a learner's own working copies, and nothing they do changes a tracked file.

The working copies are made from the learner copies (notebooks/learner/) the first time and
never overwritten. A Jupyter server started as `make lab` starts it (tools/course.py
``lab_command``) serves them; the test opens a notebook through its REST API, answers an
exercise, saves it, checkpoints it, starts and stops a kernel beside it and makes a new
notebook, as JupyterLab does for a learner, and `git status` must be what it was.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest


def test_working_copies_are_made_once_and_never_overwritten(course, tmp_path):
    work = tmp_path / "mine"
    first = course.prepare_working_copies(work)
    days = sorted(p.name for p in course.LEARNER.glob("day*.ipynb"))
    assert first == {"made": days, "kept": [], "newer": []}
    for name in days:
        assert (work / name).read_bytes() == (course.LEARNER / name).read_bytes()
    mine = work / days[0]
    mine.write_text("my answers", encoding="utf-8")
    (work / days[1]).unlink()  # how a learner starts a day afresh
    second = course.prepare_working_copies(work)
    assert second["made"] == [days[1]] and second["kept"] == days[:1] + days[2:]
    assert mine.read_text(encoding="utf-8") == "my answers"
    # The course's copy changed since this working copy was made from it (a `git pull`).
    record = json.loads((work / course.MADE_FROM).read_text(encoding="utf-8"))
    record[days[0]] = "0" * 64
    (work / course.MADE_FROM).write_text(json.dumps(record), encoding="utf-8")
    assert course.prepare_working_copies(work)["newer"] == [days[0]]
    assert mine.read_text(encoding="utf-8") == "my answers"


def test_lab_serves_only_the_working_copies_and_allows_root_only_for_root(course, tmp_path):
    command = course.lab_command(tmp_path, ["--no-browser"])
    assert command[1] == "lab" and f"--ServerApp.root_dir={tmp_path}" in command
    assert ("--allow-root" in command) is (os.geteuid() == 0)
    assert command[-1] == "--no-browser"
    # JupyterLab's "notified about official Jupyter news?" prompt is not about the course.
    assert f"--LabApp.app_settings_dir={course.LAB_SETTINGS}" in command
    overrides = json.loads((course.LAB_SETTINGS / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert course.WORK.relative_to(course.ROOT).as_posix() == "my-notebooks"
    ignored = subprocess.run(["git", "-C", str(course.ROOT), "check-ignore", "-q",
                              "my-notebooks/day01_seeding.ipynb"], check=False)
    assert ignored.returncode == 0, "my-notebooks/ must be git-ignored"


def git_status(root) -> str:
    return subprocess.run(["git", "-C", str(root), "status", "--porcelain",
                           "--untracked-files=all", "--ignored=no"],
                          capture_output=True, text=True, check=True).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The REST API of a Jupyter server, with its token."""

    def __init__(self, port: int, token: str):
        self.base, self.token = f"http://127.0.0.1:{port}", token

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.base}{path}", data=data, method=method,
            headers={"Authorization": f"token {self.token}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
        return json.loads(text) if text else {}


@pytest.fixture
def lab_server(course):
    """`make lab`'s server on working copies in a folder of their own under my-notebooks/
    (git-ignored as a whole), so a learner's real copies are never touched."""
    existed = course.WORK.exists()
    before = git_status(course.ROOT)
    work = course.WORK / f".test-{uuid.uuid4().hex[:8]}"
    course.prepare_working_copies(work)
    port, token = free_port(), uuid.uuid4().hex
    log = open(work.parent / f"{work.name}.log", "w", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen(
        course.lab_command(work, ["--no-browser", f"--ServerApp.port={port}",
                                  f"--IdentityProvider.token={token}",
                                  "--ServerApp.port_retries=0"]),
        stdout=log, stderr=subprocess.STDOUT, cwd=course.ROOT)
    server = Server(port, token)
    try:
        for _ in range(240):
            try:
                server.call("GET", "/api/status")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, (work.parent / f"{work.name}.log").read_text()
                time.sleep(0.5)
        else:
            pytest.fail("the Jupyter server did not answer within 2 minutes")
        yield server, work, before
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
        (work.parent / f"{work.name}.log").unlink(missing_ok=True)
        if not existed:
            shutil.rmtree(course.WORK, ignore_errors=True)


def test_what_a_learner_does_in_jupyterlab_changes_no_tracked_file(course, lab_server):
    server, work, before = lab_server
    name = "day01_seeding.ipynb"
    model = server.call("GET", f"/api/contents/{name}?content=1")
    assert model["type"] == "notebook"
    nb = model["content"]
    turn = next(c for c in nb["cells"] if "your-turn" in c["metadata"].get("tags", []))
    turn["source"] = "def noisy_copy(x, scale, rng):\n    return x + rng.normal(0, scale, x.shape)"
    for cell in nb["cells"]:  # what JupyterLab writes when a learner unfolds a solution
        if "solution" in cell["metadata"].get("tags", []):
            cell["metadata"]["jupyter"] = {"source_hidden": False, "outputs_hidden": False}
            cell["metadata"]["collapsed"] = False
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}
    server.call("PUT", f"/api/contents/{name}", {"type": "notebook", "format": "json",
                                                 "content": nb})
    server.call("POST", f"/api/contents/{name}/checkpoints")
    session = server.call("POST", "/api/sessions", {
        "path": name, "type": "notebook", "name": name, "kernel": {"name": "python3"}})
    server.call("DELETE", f"/api/sessions/{session['id']}")
    server.call("POST", "/api/contents", {"type": "notebook"})  # File > New > Notebook

    saved = json.loads((work / name).read_text(encoding="utf-8"))
    assert "rng.normal(0, scale" in "".join(
        "".join(c["source"]) for c in saved["cells"]), "the save did not reach the working copy"
    assert git_status(course.ROOT) == before, "JupyterLab changed a tracked (or unignored) file"
    assert (course.LEARNER / name).read_bytes() != (work / name).read_bytes()
