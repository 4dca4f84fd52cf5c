#!/usr/bin/env bash
# Reports that can be trusted column by column (issue 15, items 3 and 5):
#  - --repeat K plays seeds seed, seed+1, ...: run 2 of --repeat 3 is, field
#    for field, the single run with --seed 2 (only "run" differs), and
#    under a variable preset the summary's min < max;
#  - CSV: every row has the header's field count, and every column agrees
#    with the JSON of the same command (measured CPU and loop figures,
#    which no two processes share, only have to be numbers or empty);
#  - the Chrome trace's spans are the CSV trace's thinks, in microseconds.
# Usage: bash tests/e2e_report.sh path/to/simul
SIMUL=${1:?usage: e2e_report.sh path/to/simul}
exec python3 - "$SIMUL" <<'PY'
import csv, io, json, subprocess, sys

simul = sys.argv[1]
fails = 0
# club plays the master: the reports are checked, not the chess (a tenth of
# the search, for ASan).
VARIABLE = ["--preset", "quick", "--master", "club", "--opponent-think", "uniform:40s..70s", "--walk", "1s",
            "--policy", "sync,round-robin,ready"]


def fail(msg):
    global fails
    print("FAIL:", msg)
    fails += 1


def run(*args):
    return subprocess.run([simul, "run", *args], capture_output=True, text=True,
                          check=True).stdout


# --repeat: run 2 of 3 is the single run with --seed 2.
rep = json.loads(run(*VARIABLE, "--seed", "1", "--repeat", "3", "--json"))
one = json.loads(run(*VARIABLE, "--seed", "2", "--json"))
second = [r for r in rep["runs"] if r["run"] == 2]
if len(rep["runs"]) != 9 or len(second) != 3:
    fail(f"--repeat 3 with 3 policies: {len(rep['runs'])} rows, {len(second)} for run 2")
for a, b in zip(second, one["runs"]):
    a, b = dict(a), dict(b)
    if a.pop("run") != 2 or b.pop("run") != 1:
        fail("run numbers")
    if a != b:
        diff = {k: (a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
        fail(f"run 2 of --repeat 3 differs from --seed 2 ({a['policy']}): {diff}")
for s in rep["summary"]:
    t = s["total_us"]
    if not (t["min"] < t["max"] and t["min"] <= t["mean"] <= t["max"]):
        fail(f"{s['policy']}: a variable preset over 3 seeds gives min {t['min']} mean {t['mean']} max {t['max']}")
seeds = sorted({r["seed"] for r in rep["runs"]})
if seeds != [1, 2, 3]:
    fail(f"seeds {seeds}, want [1, 2, 3]")

# CSV against JSON, for the same command.
CSV_TO_JSON = {
    "run": "run", "seed": "seed", "policy": "policy", "total_us": "total_us", "total": "total",
    "article_us": "article_us", "model_us": "model_us", "model_exact": "model_exact",
    "speedup_vs_sync": "speedup_vs_sync", "master_busy_us": "master_busy_us",
    "master_walk_us": "master_walk_us", "master_idle_us": "master_idle_us",
    "utilisation": "utilisation", "waits": "wait.count", "wait_mean_us": "wait.mean_us",
    "wait_p50_us": "wait.p50_us", "wait_p95_us": "wait.p95_us", "wait_max_us": "wait.max_us",
    "master_moves": "master_moves", "opponent_moves": "opponent_moves",
    "ended_early": "ended_early", "white_wins": "results.white", "draws": "results.draw",
    "black_wins": "results.black", "master_blocked_us": "master_blocked_us",
}
MEASURED = {"search_cpu_s", "search_cpu_mean_ms", "search_cpu_max_ms", "timers",
            "lateness_max_ms", "lateness_p99_ms"}


def json_value(row, path):
    for k in path.split("."):
        row = row[k] if row is not None else None
    return row


def agrees(text, want):
    if want is None:
        return text == ""
    if isinstance(want, bool):
        return text == ("1" if want else "0")
    if isinstance(want, (int, float)):
        try:
            got = float(text)
        except ValueError:
            return False
        # CSV prints ratios with 4-6 decimals; integers must match exactly.
        return got == want if isinstance(want, int) else abs(got - want) <= 1e-4 * max(1, abs(want))
    return text == str(want)


for extra in ([], ["--blocking-opponent", "2"], ["--chess", "off", "--repeat", "2"]):
    args = [*VARIABLE, "--seed", "7", *extra]
    table = list(csv.reader(io.StringIO(run(*args, "--csv"))))
    js = json.loads(run(*args, "--json"))["runs"]
    header, rows = table[0], table[1:]
    if len(rows) != len(js):
        fail(f"{extra}: {len(rows)} CSV rows, {len(js)} JSON runs")
    if len(set(header)) != len(header):
        fail(f"{extra}: a column named twice: {header}")
    for name in header:
        if name not in CSV_TO_JSON and name not in MEASURED:
            fail(f"CSV column {name} is not checked against the JSON (add it to this test)")
    for i, (row, j) in enumerate(zip(rows, js)):
        if len(row) != len(header):
            fail(f"{extra}: row {i + 1} has {len(row)} fields, the header {len(header)}")
            continue
        for name, text in zip(header, row):
            if name in CSV_TO_JSON:
                want = json_value(j, CSV_TO_JSON[name])
                if not agrees(text, want):
                    fail(f"{extra}: row {i + 1} {name} = {text!r}, JSON {CSV_TO_JSON[name]} = {want!r}")
            elif name in MEASURED and text != "":
                try:
                    float(text)
                except ValueError:
                    fail(f"{extra}: row {i + 1} {name} = {text!r} is not a number")

# The Chrome trace against the CSV trace and the report, for the same
# command: every think is a span at the CSV's microsecond with the CSV's
# duration, and the last span ends at the report's total.
import os, tempfile
with tempfile.TemporaryDirectory() as tmp:
    args = [*VARIABLE, "--seed", "3"]
    rep = json.loads(subprocess.run([simul, "run", *args, "--json", "--trace", f"{tmp}/t.csv"],
                                    capture_output=True, text=True, check=True).stdout)
    run(*args, "--trace", f"{tmp}/t.json", "--trace-format", "chrome")
    rows = list(csv.DictReader(open(f"{tmp}/t.csv")))
    events = json.load(open(f"{tmp}/t.json"))["traceEvents"]
    for csv_name, span in (("master-thinks", "thinks"), ("opponent-thinks", "opponent thinks")):
        want = sorted((int(r["time_us"]), int(r["duration_us"])) for r in rows if r["event"] == csv_name)
        got = sorted((e["ts"], e["dur"]) for e in events if e.get("ph") == "X" and e["name"] == span)
        if not want or got != want:
            fail(f"chrome {span!r} spans {got[:3]}... differ from the CSV trace's {csv_name} {want[:3]}...")
    end = max(e["ts"] + e.get("dur", 0) for e in events if "ts" in e)
    total = max(r["total_us"] for r in rep["runs"])
    if end != total:
        fail(f"the chrome trace ends at {end} us, the report's longest total is {total} us")

if fails:
    print(f"{fails} check(s) failed")
    sys.exit(1)
print("e2e_report: all checks passed")
PY
