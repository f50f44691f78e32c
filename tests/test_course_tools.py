"""tools/course.py: parameters, metadata normalization, and a failing run that names the cell."""

from __future__ import annotations

import csv
import importlib.util
import sys

import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_notebook


@pytest.mark.parametrize(("text", "value"), [("7", 7), ("0.5", 0.5), ("abc", "abc"),
                                             ("True", True), ("[1, 2]", [1, 2])])
def test_parse_value(course, text, value):
    assert course.parse_value(text) == value


def test_normalize_drops_timings_and_papermill(course):
    cell = new_code_cell("1")
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01"}
    cell.metadata["papermill"] = {"duration": 1.0}
    nb = new_notebook(cells=[cell], metadata={"papermill": {}, "kernelspec": {"name": "x", "display_name": "X"}})
    course.normalize(nb)
    assert "papermill" not in nb.metadata and nb.metadata.kernelspec["name"] == "python3"
    assert cell.metadata == {}


def test_colab_links_come_from_the_one_config(course):
    cfg = course.course_config()
    url = course.colab_url(cfg, course.ROOT / "notebooks" / "day01_seeding.ipynb")
    assert cfg["repository"] in url and cfg["tag"] in url
    assert url.endswith("/notebooks/learner/day01_seeding.ipynb")  # the copy without outputs


def test_notebook_paths_reject_unknown_names(course):
    with pytest.raises(SystemExit, match="no notebook named 'day99'"):
        course.notebook_paths(["day99"])


def test_a_failing_notebook_is_reported_as_one_and_the_others_still_run(course, tmp_path,
                                                                         monkeypatch, capfd):
    broken = new_notebook(cells=[new_code_cell("x = 1"), new_code_cell("1 / 0")],
                          metadata={"kernelspec": course.KERNELSPEC})
    fine = new_notebook(cells=[new_code_cell("print(6 * 7)")],
                        metadata={"kernelspec": course.KERNELSPEC})
    paths = [tmp_path / "day00_broken.ipynb", tmp_path / "day00_fine.ipynb"]
    for nb, path in zip((broken, fine), paths, strict=True):
        nbformat.write(nb, path)
    monkeypatch.setattr(course, "ROOT", tmp_path)
    monkeypatch.setattr(course, "EXECUTED", tmp_path / "build")
    assert course.run(paths, {}) == 1
    out, err = capfd.readouterr()  # the kernels' own output too (file descriptors 1 and 2)
    assert "[1/2] day00_broken.ipynb: FAILED after" in out
    assert "cell 2 (execution count 2) raised ZeroDivisionError: division by zero" in out
    assert "[2/2] day00_fine.ipynb: ok" in out
    assert err.splitlines()[-2:] == [
        "make run: 1 of 2 notebook(s) failed:",
        ("- day00_broken.ipynb: cell 2 (execution count 2) raised ZeroDivisionError: "
         "division by zero")]
    assert "Traceback" not in out + err
    # No kernel chatter: neither ipykernel's TCP warning nor a KeyboardInterrupt at shutdown.
    assert "without encryption" not in out + err and "KeyboardInterrupt" not in out + err
    assert "42" in nbformat.read(tmp_path / "build" / "day00_fine.ipynb",
                                 as_version=4).cells[0].outputs[0].text


def test_a_run_of_some_notebooks_updates_their_rows_of_the_timings(course, tmp_path):
    timings = tmp_path / "timings.md"
    timings.write_text("| notebook | seconds |\n| --- | ---: |\n| day01_a.ipynb | 2.5 |\n"
                       "| day02_b.ipynb | 3.0 |\n| **total** | 5.5 |\n", encoding="utf-8")
    rows = course.read_timings(timings)
    rows["day02_b.ipynb"] = " 4.0 | 2026-12-06 10:00 | SEED=7 "
    rows["day03_c.ipynb"] = " failed | 2026-12-06 10:01 |  "
    assert course.timings_table(rows).splitlines() == [
        *course.TIMINGS_HEADER,
        "| day01_a.ipynb | 2.5 |  |  |",
        "| day02_b.ipynb | 4.0 | 2026-12-06 10:00 | SEED=7 |",
        "| day03_c.ipynb | failed | 2026-12-06 10:01 |  |",
        "| **total** | 6.5 | | |"]


def test_normalize_merges_split_stream_chunks(course):
    from nbformat.v4 import new_output

    cell = new_code_cell("print(1); print(2)")
    cell.outputs = [new_output("stream", name="stdout", text="1\n"),
                    new_output("stream", name="stdout", text="2\n"),
                    new_output("display_data", data={"text/plain": "x"}),
                    new_output("stream", name="stdout", text="3\n")]
    nb = new_notebook(cells=[cell], metadata={"kernelspec": course.KERNELSPEC})
    course.normalize(nb)
    assert [o.get("text") for o in cell.outputs] == ["1\n2\n", None, "3\n"]


def test_normalize_keeps_only_the_allow_listed_metadata(course):
    cell = new_code_cell("1")
    cell.metadata.update({"tags": ["solution"], "cellView": "form", "collapsed": True,
                          "jupyter": {"source_hidden": True, "outputs_hidden": True},
                          "ExecuteTime": {"end_time": "2026-01-01"}, "vscode": {"x": 1}})
    nb = new_notebook(cells=[cell], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3"},
        "language_info": {"name": "python", "version": "3.11.7", "pygments_lexer": "ipython3"},
        "widgets": {}, "colab": {"provenance": []}})
    course.normalize(nb)
    assert set(nb.cells[0].metadata) == {"tags", "cellView", "jupyter"}
    assert nb.metadata.language_info == {"name": "python", "pygments_lexer": "ipython3"}
    assert set(nb.metadata) == {"kernelspec", "language_info"}


def test_the_colab_tag_is_the_package_version(course):
    """Publishing tags the commit "v" + helpers.__version__; the badges install that tag."""
    import helpers

    assert course.course_config()["tag"] == f"v{helpers.__version__}"


def test_run_rejects_a_parameter_no_notebook_declares(course):
    """A typo (`-p NUM_DRAW 5`) stops `make run` instead of running on with the defaults."""
    path = course.NOTEBOOKS / "day01_seeding.ipynb"
    with pytest.raises(SystemExit, match="no selected notebook has a parameter named NUM_DRAW"):
        course.parameters_for([path], {"NUM_DRAW": 5})


def test_run_passes_each_notebook_only_its_own_parameters(course):
    paths = [course.NOTEBOOKS / "day01_seeding.ipynb", course.NOTEBOOKS / "day05_initialization.ipynb"]
    shares = course.parameters_for(paths, {"SEED": 7, "NUM_DRAWS": 500})
    assert shares[paths[0]] == {"SEED": 7, "NUM_DRAWS": 500}
    assert shares[paths[1]] == {"SEED": 7}


def test_normalize_drops_a_widgets_display_and_state(course):
    """A widget's model id is new every run and means nothing without its kernel: a stored
    notebook keeps neither it nor the widget state nbclient records (issue 23)."""
    from nbformat.v4 import new_output

    cell = new_code_cell("_ = interact(explore_dropout, u=fixed(u), p=FloatSlider())")
    view = {"model_id": "0123abcd", "version_major": 2, "version_minor": 0}
    cell.outputs = [new_output("display_data", data={course.WIDGET_VIEW: view,
                                                     "text/plain": "interactive(...)"}),
                    new_output("stream", name="stdout", text="kept\n")]
    nb = new_notebook(cells=[cell], metadata={
        "kernelspec": course.KERNELSPEC,
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}}})
    course.normalize(nb)
    assert [o.get("text") for o in cell.outputs] == ["kept\n"] and "widgets" not in nb.metadata


@pytest.mark.parametrize(("source", "function"), [
    ("_ = interact(explore_init, X=fixed(X_in), scale=SelectionSlider(options=[1, 2]))",
     "explore_init"),
    ("out = interactive_output(draw, {'n': n_slider})", "draw"),
    ("from ipywidgets import interact", None),
    ("explore_init(X_in, W_unit)", None),
    ("interact = 3", None),
])
def test_widget_function_names_what_a_widget_cell_wires(course, source, function):
    assert course.widget_function(new_code_cell(source)) == function


def test_the_course_client_never_waits_on_one_socket_longer_than_a_slice(course, monkeypatch):
    """jupyter/nbclient#312: a missed wake-up must cost one slice, not the cell's timeout."""
    import asyncio
    import time
    from queue import Empty

    import zmq
    import zmq.asyncio
    from jupyter_client.channels import AsyncZMQSocketChannel
    from jupyter_client.session import Session

    client = course.kernel_manager_class()().client_factory
    channel_class = client.class_traits()["shell_channel_class"].default_value
    assert client.class_traits()["iopub_channel_class"].default_value is channel_class
    waits = []
    plain_get_msg = AsyncZMQSocketChannel.get_msg

    async def recorded(self, timeout=None):
        waits.append(timeout)
        return await plain_get_msg(self, timeout=timeout)

    monkeypatch.setattr(AsyncZMQSocketChannel, "get_msg", recorded)

    async def scenario():
        ctx = zmq.asyncio.Context()
        kernel, ours = ctx.socket(zmq.PAIR), ctx.socket(zmq.PAIR)
        kernel.bind("inproc://course-slices")
        ours.connect("inproc://course-slices")
        session = Session()
        channel = channel_class(ours, session)
        try:
            start = time.monotonic()
            with pytest.raises(Empty):
                await channel.get_msg(timeout=0.8)  # nothing comes: Empty, after the timeout
            assert time.monotonic() - start >= 0.8

            async def reply_later():
                await asyncio.sleep(1.3)
                session.send(kernel, "execute_reply", {"status": "ok"})

            task = asyncio.ensure_future(reply_later())
            msg = await channel.get_msg(timeout=None)  # no timeout: still polls in slices
            await task
            assert msg["header"]["msg_type"] == "execute_reply"
        finally:
            kernel.close(linger=0)
            ours.close(linger=0)
            ctx.term()

    asyncio.run(scenario())
    assert waits and max(waits) <= course.POLL_SLICE
    assert len(waits) >= 4  # 0.8 s and 1.3 s of waiting, in slices of at most 0.5 s


def _pool_seeds(root):
    """tools/pool_seeds.py, imported by its path (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("pool_seeds", root / "tools" / "pool_seeds.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("pool_seeds", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_each_pooled_file_holds_its_pools_columns_and_seeds(root):
    """tools/pool_seeds.py: each pool's file in data/ has the pool's columns as its header,
    every SEED of the pool with the same number of rows, and whole numbers only."""
    pools = _pool_seeds(root)
    for pool in pools.POOLS.values():
        with open(root / "data" / pool.file, newline="", encoding="utf-8") as f:
            header, *rows = list(csv.reader(f))
        assert tuple(header) == pool.columns
        values = np.array(rows, dtype=int)  # raises on anything but whole numbers
        seeds, counts = np.unique(values[:, 0], return_counts=True)
        assert seeds.tolist() == list(pool.seeds)
        assert len(set(counts.tolist())) == 1


def test_each_pooled_file_holds_every_setting_at_every_seed(root):
    """Each parameter setting of a pool has its rows in the file, at every SEED."""
    pools = _pool_seeds(root)
    for pool in pools.POOLS.values():
        with open(root / "data" / pool.file, newline="", encoding="utf-8") as f:
            header, *rows = list(csv.reader(f))
        values = np.array(rows, dtype=int)
        owns = []
        for setting in pool.settings:
            own = np.ones(len(values), dtype=bool)
            for column, value in pool.key(setting).items():
                own &= values[:, header.index(column)] == value
            owns.append(own)
        owns[0] &= ~np.any(owns[1:], axis=0) if len(owns) > 1 else True  # the defaults: the rest
        for setting, own in zip(pool.settings, owns, strict=True):
            assert set(values[own, 0].tolist()) == set(pool.seeds), setting


def test_pool_seeds_keeps_the_rows_of_the_settings_it_does_not_rerun(root, tmp_path):
    """--setting 1 keeps the file's other rows as they are and sorts them by setting."""
    pools = _pool_seeds(root)
    pool = pools.POOLS["day06_dropout"]
    src = (root / "data" / pool.file).read_text(encoding="utf-8").splitlines()
    col = pool.columns.index("p_drop_permille")
    other = src[1].split(",")
    other[col] = "200"
    path = tmp_path / pool.file
    path.write_text("\n".join([src[0], ",".join(other), src[1]]) + "\n", encoding="utf-8")
    kept = pools._kept_rows(pool, path, [1])
    assert list(kept) == [0]
    assert [",".join(map(str, r)) for r in kept[0]] == [src[1]]
    path.write_text("\n".join([src[0], ",".join(other)]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rerun them too"):
        pools._kept_rows(pool, path, [1])  # no rows of the defaults left to keep


def test_pool_seeds_refuses_a_notebook_without_a_pool(root):
    pools = _pool_seeds(root)
    with pytest.raises(SystemExit):
        pools.main(["day01_seeding"])
