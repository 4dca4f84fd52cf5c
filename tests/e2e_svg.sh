#!/usr/bin/env bash
# The pictures and the sweep through the real binary: run --svg and sweep
# --svg are well-formed XML with the figures in their text (totals, speed-up,
# knee), the async strip ends at 3655/43200 of the sync one, sweep's
# table/CSV/JSON agree with `simul run` and the model, and bad usage is one
# line and exit 2 with no file left behind.
# Usage: bash tests/e2e_svg.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_svg.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools python3
e2e_scratch

"$SIMUL" run --chess off --svg "$TMP/run.svg" >/dev/null || fail "run --svg exit $?"
python3 - "$TMP/run.svg" <<'PY' || fail "run --svg content"
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text for t in root.iter(NS + "text")]
for want in ("sync", "ready", "12:00:00", "1:00:55", "11.8\u00d7 faster than sync",
             "model: sync 12:00:00, ready 1:00:55"):
    assert want in texts, (want, texts)
assert any("24 boards \u00d7 30 moves, master 5s, opponents 55s" in t for t in texts), texts
# The strips' outlines (no fill, black stroke): async ends at 3655/43200 of sync.
w = [float(r.get("width")) for r in root.iter(NS + "rect")
     if r.get("fill") == "none" and r.get("stroke") == "#000"]
assert len(w) == 2, w
assert abs(w[1] / w[0] - 3655 / 43200) < 0.002, w
# No colour-only meaning: the waiting strip is hatched.
assert any(r.get("fill") == "url(#hatch)" for r in root.iter(NS + "rect"))
PY

# A blocking opponent and walks: their patterns and legends appear.
"$SIMUL" run --chess off --boards 6 --moves 5 --walk 5s --blocking-opponent 2 \
	--policy sync,round-robin,ready --svg "$TMP/b.svg" >/dev/null || fail "run --svg blocking"
python3 - "$TMP/b.svg" <<'PY' || fail "blocking picture"
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text for t in root.iter(NS + "text")]
assert "blocked in a blocking call" in texts and "walks" in texts, texts
assert "round-robin" in texts
fills = {r.get("fill") for r in root.iter(NS + "rect")}
assert {"url(#cross)", "url(#dots)", "url(#hatch)"} <= fills, fills
PY

# Sweep: 48 points, all three policies, table/CSV/JSON agree with run.
"$SIMUL" sweep --boards 1..48 --svg "$TMP/knee.svg" >"$TMP/table.txt" || fail "sweep exit $?"
grep -q "knee: boards = 12, where N\*(Tm+W) = Tm+To" "$TMP/table.txt" || fail "sweep table knee"
grep -q "every total equals the model's." "$TMP/table.txt" || fail "sweep table model line"
grep -Eq "^ +24 +12:00:00 +1:00:55 +1:00:55 *$" "$TMP/table.txt" || fail "sweep table row 24"
"$SIMUL" sweep --boards 1..48 --json >"$TMP/s.json" || fail "sweep --json"
"$SIMUL" sweep --boards 1..48 --csv >"$TMP/s.csv" || fail "sweep --csv"
"$SIMUL" run --chess off --boards 17 --moves 30 --policy sync,round-robin,ready --json >"$TMP/r17.json"
python3 - "$TMP/s.json" "$TMP/s.csv" "$TMP/r17.json" "$TMP/knee.svg" <<'PY' || fail "sweep figures"
import csv, json, sys, xml.etree.ElementTree as ET
s = json.load(open(sys.argv[1]))
assert s["parameter"] == "boards" and s["unit"] == "count" and s["knee"] == 12, s["knee"]
pts = s["points"]
assert [p["value"] for p in pts] == list(range(1, 49))
for p in pts:
    n = p["value"]
    assert p["total_us"]["sync"] == n * 30 * 60_000_000
    rr = 29 * max(n * 5, 60) * 1_000_000 + n * 5_000_000 + 55_000_000
    assert p["total_us"]["round-robin"] == rr == p["total_us"]["ready"], (n, p)
    assert p["model_us"] == p["total_us"]
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == 48 * 3 and rows[0].keys() == {"boards", "policy", "total_us", "total", "model_us"}
assert {r["policy"]: int(r["total_us"]) for r in rows if r["boards"] == "24"} == pts[23]["total_us"]
run = {r["policy"]: r["total_us"] for r in json.load(open(sys.argv[3]))["runs"]}
assert run == pts[16]["total_us"], (run, pts[16])
NS = "{http://www.w3.org/2000/svg}"
texts = [t.text for t in ET.parse(sys.argv[4]).getroot().iter(NS + "text")]
for want in ("knee: boards = 12", "sync 24:00:00", "round-robin 2:00:55", "ready 2:00:55",
             "Total time against boards"):
    assert want in texts, (want, texts)
PY

# A duration sweep: the knee where To = N*Tm - Tm (24 boards: 1m55s).
"$SIMUL" sweep --opponent-think=5s..120s --policy sync,ready --points 24 --json >"$TMP/o.json" ||
	fail "sweep --opponent-think"
python3 - "$TMP/o.json" <<'PY' || fail "duration sweep"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["unit"] == "us" and s["knee"] == 115e6, s["knee"]
v = [p["value"] for p in s["points"]]
assert len(v) == 24 and v[0] == 5e6 and v[-1] == 120e6, v
for p in s["points"]:
    to = p["value"]
    assert p["total_us"]["sync"] == 24 * 30 * (5e6 + to)
    assert p["total_us"]["ready"] == 29 * max(24 * 5e6, 5e6 + to) + 24 * 5e6 + to
PY
# A distribution is not a range.
"$SIMUL" sweep --boards 2..4 --opponent-think uniform:40s..70s --csv >/dev/null ||
	fail "a distribution taken for a range"

# Bench: the ladder as two log-log charts, one line per model that completed.
"$SIMUL" bench --boards 10,20 --models async,threads --no-cpu-heavy --think 1ms --moves 3 \
	--json --svg "$TMP/bench.svg" >"$TMP/bench.json" 2>/dev/null || fail "bench --svg exit $?"
python3 - "$TMP/bench.json" "$TMP/bench.svg" <<'PY' || fail "bench picture"
import json, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
b = json.load(open(sys.argv[1]))
root = ET.parse(sys.argv[2]).getroot()
texts = [t.text for t in root.iter(NS + "text")]
assert f"Processes, threads, async, hybrid on this machine ({b['machine']['cpus']} CPUs)" in texts, texts
assert "3 moves per board, opponent think 1.00 ms, hybrid: 2 workers".replace(
    "2 workers", f"{b['config']['workers']} workers") in texts, texts
ok = {c["model"] for c in b["cells"] if c["status"] == "ok"}
assert texts.count("async") == 2 * ("async" in ok) and texts.count("processes") == 0, texts
assert len(list(root.iter(NS + "polyline"))) == 2 * len(ok)
for want in ("memory per board", "wall time of the cell", "boards (log scale)", "10"):
    assert want in texts, want
PY
check_bad_bench() {
	"$SIMUL" bench --svg "$TMP/no/dir/b.svg" --boards 10 >/dev/null 2>"$TMP/err"
	[ $? -eq 2 ] || fail "bench --svg to a missing directory: not exit 2"
	grep -q -- "--svg: cannot" "$TMP/err" || fail "bench --svg bad path: $(cat "$TMP/err")"
}
check_bad_bench

# Bad usage: one line, exit 2, no file.
check_bad() {
	local want=$1; shift
	"$SIMUL" "$@" >"$TMP/out" 2>"$TMP/err"
	local rc=$?
	[ $rc -eq 2 ] || fail "$* exit $rc, want 2"
	[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "$*: stderr not one line: $(cat "$TMP/err")"
	grep -q -- "$want" "$TMP/err" || fail "$*: stderr lacks '$want': $(cat "$TMP/err")"
}
check_bad "give one parameter a range" sweep --boards 8
check_bad "only one parameter can be swept" sweep --boards 1..4 --moves 1..3
check_bad '"9..3" is not a range' sweep --boards 9..3
check_bad '"1..x" is not a range' sweep --moves 1..x
check_bad "needs a value" run --svg
check_bad "\-\-svg: cannot" run --chess off --svg "$TMP/no/such/dir/x.svg"
[ -e "$TMP/no" ] && fail "a file was left behind"

exit $((fails > 0))
