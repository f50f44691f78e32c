"""Create or update the course's .venv, saying what it installs and how far it got.

Usage (the Makefile calls it with the Python it found; standard library only):

    python3 tools/venv_setup.py VENV REQUIREMENTS.txt [REQUIREMENTS.txt ...]

pip runs as usual (the pinned locks, then the course's ``helpers`` in editable mode); what
it prints is condensed to one progress line per step (a counter of the packages pip has
resolved; on a terminal the line updates in place). pip's warnings that a configured index
or wheel folder does not exist ("WARNING: Location '...' is ignored: it is neither a file
nor a directory.", from the machine's pip configuration, not from the course) are left out;
every other warning is shown, and when pip fails its own output ends the message.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

#: The warning a pip configuration naming a missing index or wheel folder prints per package.
MISSING_LOCATION = re.compile(r"^WARNING: Location '[^']*' is ignored: it is neither a file "
                              r"nor a directory\.$")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
#: What a learner recognises among the pins, in the order the message names them.
NAMED = ("numpy", "matplotlib", "scipy", "jupyterlab", "papermill", "nbval", "pytest", "torch")
#: A requirement pip has resolved: from an index, already installed, or a local wheel file.
RESOLVED = re.compile(r"^(?:Collecting|Requirement already satisfied:) ([A-Za-z0-9._-]+)"
                      r"|^Processing \S*?([A-Za-z0-9_.]+?)-\d\S*\.whl")


def pins(files: list[Path]) -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line of the requirement files."""
    found = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PIN.match(line.strip())
            if match:
                found[match.group(1).lower()] = match.group(2)
    return found


class Progress:
    """One line that counts what pip resolved: rewritten in place on a terminal, else
    printed at every tenth of the way."""

    def __init__(self, total: int):
        self.total, self.done, self.tty = total, 0, sys.stdout.isatty()
        self.printed_tenth = 0

    def step(self, name: str) -> None:
        self.done += 1
        text = f"  [{self.done}/{self.total}] {name}"
        if self.tty:
            print(f"\r\033[K{text}", end="", flush=True)
        elif self.total and self.done * 10 // self.total > self.printed_tenth:
            self.printed_tenth = self.done * 10 // self.total
            print(text, flush=True)

    def end(self, text: str) -> None:
        print(f"\r\033[K  {text}" if self.tty else f"  {text}", flush=True)


def pip(python: Path, args: list[str], progress: Progress | None) -> int:
    """Run ``python -m pip install ARGS``; condensed stdout, filtered stderr."""
    cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check",
           "--progress-bar", "off", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            bufsize=1)
    tail: list[str] = []
    for line in proc.stdout:
        tail = (tail + [line.rstrip()])[-40:]
        match = RESOLVED.match(line)
        if match and progress is not None:
            progress.step(match.group(1) or match.group(2))
        elif line.startswith("Installing collected packages") and progress is not None:
            count = len(line.split(":", 1)[1].split(","))
            progress.end(f"installing {count} package(s) into the environment (PyTorch takes "
                         "the longest) ...")
    errors = [line.rstrip() for line in proc.stderr if not MISSING_LOCATION.match(line.rstrip())]
    status = proc.wait()
    if status != 0:
        print("\n".join(["", "pip failed; its last lines:", *tail, *errors]), file=sys.stderr)
    elif errors:
        print("\n".join(errors), file=sys.stderr)
    return status


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    venv, files = Path(argv[0]), [Path(a) for a in argv[1:]]
    python = venv / "bin" / "python"
    began = time.monotonic()
    first = not python.exists()
    pinned = pins(files)
    named = ", ".join(f"{n} {pinned[n].split('+')[0]}" for n in NAMED if n in pinned)
    if first:
        print(f"Setting up {venv}/ with {sys.executable} (Python {sys.version.split()[0]}): "
              f"a few minutes the first time (PyTorch's CPU build alone is about 200 MB), "
              "seconds after.", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    else:
        print(f"Updating {venv}/ (a lock file or pyproject.toml changed) ...", flush=True)
    print(f"- {len(pinned)} pinned packages from {', '.join(map(str, files))}, among them "
          f"{named}:", flush=True)
    progress = Progress(len(pinned))
    args = [a for path in files for a in ("-r", str(path))]
    if pip(python, args, progress) != 0:
        return 1
    progress.end(f"{len(pinned)} pinned packages in place")
    print("- the course's helpers package, editable (your edits to helpers/ apply at once) ...",
          flush=True)
    if pip(python, ["--no-deps", "-e", "."], None) != 0:
        return 1
    minutes, seconds = divmod(round(time.monotonic() - began), 60)
    took = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    print(f"{venv}/ is ready ({took}).", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
