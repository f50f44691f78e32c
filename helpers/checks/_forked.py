"""Run a function in a forked copy of this process, which exits afterwards (Day 1's checkpoint).

Whatever the function leaves behind besides its result (a variable, a dict, a class
attribute, a default argument, an attribute set on a module) is gone with the copy, as it
would be in a new Python process, while everything it needs (the learner's functions,
imports and constants) is there as in this one.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import select
import sys
import time
import warnings
from collections.abc import Callable

#: Seconds to wait for the copy's answer before it is stopped and None returned.
TIMEOUT = 20.0


class ForkedError(Exception):
    """The function raised in the copy; the message is the one its exception had."""


def in_fork(func: Callable[[], object], timeout: float = TIMEOUT) -> object:
    """``func()``, run in a forked copy of this process; its result must be JSON-encodable.

    Raises :class:`ForkedError` with ``str(err)`` of any exception that ``func`` raised in
    the copy. Returns None where this system cannot fork, or the copy died or hung (then
    the caller judges otherwise): never the learner's fault.
    """
    if not hasattr(os, "fork"):
        return None
    read, write = os.pipe()
    try:
        with warnings.catch_warnings():  # Python 3.12+ warns of forking with threads
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the copy: nothing it prints reaches the notebook, and it never returns
        try:
            os.close(read)
            sys.stdout = sys.stderr = io.StringIO()
            try:
                data = json.dumps({"result": func()})
            except BaseException as err:  # noqa: BLE001 (reported to the caller)
                data = json.dumps({"error": str(err)})
            with os.fdopen(write, "w", encoding="utf-8") as pipe:
                pipe.write(data)
        finally:
            os._exit(0)
    os.close(write)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while (left := deadline - time.monotonic()) > 0:
            if select.select([read], [], [], left)[0]:
                chunk = os.read(read, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        else:
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
            return None
    finally:
        os.close(read)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    try:
        answer = json.loads(b"".join(chunks))
    except ValueError:
        return None  # the copy died before it answered
    if "error" in answer:
        raise ForkedError(answer["error"])
    return answer["result"]
