#!/usr/bin/env python3
"""Mutation testing: does the suite catch the bugs we fear?

Copies the tree (the files git tracks, as they are in the working tree)
to a scratch folder, builds it once with the ci preset and runs the suite
there as a baseline. Then, for each block of tests/mutation/mutations.txt,
plants that one bug, rebuilds (only what changed), runs ctest and puts the
file back. A mutant is killed when a test fails, survives when the suite
passes, is stillborn when it does not compile (not counted) and stale when
its text is no longer in the file (update the list).

Prints one line a mutant (with the tests that killed it: check that a
kill is not a flaky test's), then the score (killed / (killed +
survived)) and the survivors with their "why" and, for the known
equivalent ones, their "harmless" line; a survivor without one needs a
test. Exits 1 when the score is below
--goal (default 90 %), 0 otherwise. Not part of the default CI: a mutant
costs a rebuild and a suite run, a few minutes on two cores.

usage: python3 tests/mutation/run.py [--only NAME ...] [--exclude REGEX]
                                     [--jobs N] [--work DIR] [--keep] [--goal PCT]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse(path):
    """The blocks of mutations.txt: name, file, why, [(old, new), ...]."""
    muts = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("@@ "):
            name, file = line[3:].split()
            muts.append({"name": name, "file": file, "why": "", "harmless": "", "edits": []})
        elif not muts or line.startswith("#"):
            continue
        elif line.startswith("why: "):
            muts[-1]["why"] = line[5:]
        elif line.startswith("harmless: "):
            muts[-1]["harmless"] = line[10:]
        elif line.startswith("- "):
            muts[-1]["edits"].append([line[2:], None])
        elif line.startswith("+ "):
            muts[-1]["edits"][-1][1] = line[2:]
    return muts


def sh(cmd, cwd, log):
    with open(log, "w") as out:
        return subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode


def failed_tests(log):
    text = open(log, encoding="utf-8", errors="replace").read()
    return re.findall(r"^\s*\d+ - (\S+) \(", text, re.M)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", help="run only these mutants")
    ap.add_argument("--exclude", default="",
                    help="ctest -E regex: tests left out (e.g. ones that time real clocks)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", help="scratch folder (default: a new one under /tmp)")
    ap.add_argument("--keep", action="store_true", help="leave the scratch folder")
    ap.add_argument("--goal", type=float, default=90.0)
    a = ap.parse_args()

    muts = parse(os.path.join(HERE, "mutations.txt"))
    if a.only:
        muts = [m for m in muts if m["name"] in a.only]
    work = a.work or tempfile.mkdtemp(prefix="simul-mutation-")
    src = os.path.join(work, "src")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for f in filter(None, files):
        if os.path.isfile(os.path.join(ROOT, f)):
            os.makedirs(os.path.dirname(os.path.join(src, f)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, f), os.path.join(src, f))
    print(f"mutation: {len(muts)} mutants, tree copied to {src}", flush=True)

    ctest = ["ctest", "--preset", "ci", "-j", str(a.jobs), "--stop-on-failure"]
    if a.exclude:
        ctest += ["-E", a.exclude]
    build = ["cmake", "--build", "--preset", "ci", "-j", str(a.jobs)]
    if sh(["cmake", "--preset", "ci"], src, os.path.join(work, "configure.log")) or \
            sh(build, src, os.path.join(work, "build.log")):
        sys.exit(f"mutation: the unmutated tree does not build, see {work}/build.log")
    if sh(ctest, src, os.path.join(work, "baseline.log")):
        bad = failed_tests(os.path.join(work, "baseline.log"))
        sys.exit(f"mutation: the unmutated suite fails ({', '.join(bad)}); "
                 f"fix it or leave those tests out with --exclude")

    results = []
    for m in muts:
        path = os.path.join(src, m["file"])
        orig = open(path, encoding="utf-8").read()
        text = orig
        stale = None
        for old, new in m["edits"]:
            if new is None or text.count(old) != 1:
                stale = old
                break
            text = text.replace(old, new)
        log = os.path.join(work, m["name"] + ".log")
        start = time.time()
        if stale is not None:
            verdict, why = "stale", f"text not found once: {stale!r}"
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            if sh(build, src, log):
                verdict, why = "stillborn", "does not compile"
            elif sh(ctest, src, log):
                verdict, why = "killed", "by " + ", ".join(failed_tests(log)[:3])
            else:
                verdict, why = "SURVIVED", m["why"]
            with open(path, "w", encoding="utf-8") as f:
                f.write(orig)
        results.append((m, verdict))
        print(f"mutation: {m['name']:28} {verdict:9} {time.time() - start:5.0f} s  {why}", flush=True)

    killed = sum(v == "killed" for _, v in results)
    survived = [m for m, v in results if v == "SURVIVED"]
    counted = killed + len(survived)
    score = 100.0 * killed / counted if counted else 0.0
    print(f"\nmutation score: {killed}/{counted} killed ({score:.0f} %), "
          f"{sum(v == 'stillborn' for _, v in results)} stillborn, "
          f"{sum(v == 'stale' for _, v in results)} stale")
    for m in survived:
        print(f"  survivor {m['name']} ({m['file']}): {m['why']}")
        print(f"    {'harmless: ' + m['harmless'] if m['harmless'] else 'NEEDS A TEST'}")
    if not a.keep and not a.work:
        shutil.rmtree(work, ignore_errors=True)
    elif a.keep:
        print(f"logs in {work}")
    sys.exit(0 if score >= a.goal else 1)


if __name__ == "__main__":
    main()
