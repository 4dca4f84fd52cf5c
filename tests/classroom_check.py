#!/usr/bin/env python3
"""Runs every checked command of a Markdown guide and looks for its figures.

The convention, visible to the reader too: a fenced ```sh block is a
command to type, and the first non-blank line after it reads

    You will see: `12:00:00` · `1:00:55`

Every `code span` on that line must appear in what the block's commands
print (stdout and stderr together). A ```sh block without that line is an
error, so no command in the guide goes unchecked; blocks tagged otherwise
(```console for the live view, ```python for code) are shown, not run.

usage: classroom_check.py SIMUL_BINARY REPO_ROOT FILE.md...
"""
import os
import re
import subprocess
import sys
import tempfile
import time


def checked_blocks(path):
    """(line number, commands, expected figures) for each ```sh block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```sh":
            i += 1
            continue
        start, i = i + 1, i + 1
        while i < len(lines) and lines[i].strip() != "```":
            i += 1
        body = lines[start:i]
        i += 1
        while i < len(lines) and lines[i].strip() == "":
            i += 1
        see = lines[i] if i < len(lines) else ""
        figures = re.findall(r"`([^`]+)`", see) if see.startswith("You will see:") else []
        yield start, body, figures


def main():
    simul, root, docs = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    fails = checked = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(simul, os.path.join(bindir, "simul"))
        os.symlink(os.path.join(os.path.abspath(root), "examples"), os.path.join(tmp, "examples"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
        for doc in docs:
            for line, body, figures in checked_blocks(doc):
                where = f"{os.path.basename(doc)}:{line}"
                if not figures:
                    print(f"FAIL {where}: a ```sh block needs a 'You will see:' line after it")
                    fails += 1
                    continue
                script = "\n".join(body)
                out = subprocess.run(["bash", "-c", script], cwd=tmp, env=env, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     timeout=240).stdout
                missing = [f for f in figures if f not in out]
                checked += 1
                if missing:
                    fails += 1
                    print(f"FAIL {where}: {script!r} did not print {missing}\n{out}")
    print(f"{checked} commands checked, {fails} failed, {time.monotonic() - started:.1f} s")
    return 1 if fails or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
