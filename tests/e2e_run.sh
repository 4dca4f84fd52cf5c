#!/usr/bin/env bash
# End-to-end checks of `simul run` through the real binary: the article's
# totals in JSON, determinism, every output format, PGN through
# pgn-extract, trace row counts, live clock = virtual clock (searches in
# slices or greedy), the loop's measured figures, blocking opponents, and
# bad usage: one line naming the option, exit 2, no file left behind.
# Usage: bash tests/e2e_run.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_run.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools python3
e2e_scratch

# The article, timing only: 12:00:00 and 1:00:55, exactly.
"$SIMUL" run --chess off --policy sync,round-robin,ready --json >"$TMP/a.json" || fail "run --json exit $?"
python3 - "$TMP/a.json" <<'PY' || fail "article totals in JSON"
import json, sys
d = json.load(open(sys.argv[1]))
tot = {r["policy"]: r["total_us"] for r in d["runs"]}
assert tot == {"sync": 43200000000, "round-robin": 3655000000, "ready": 3655000000}, tot
for r in d["runs"]:
    assert r["model_us"] == r["total_us"] and r["model_exact"], r
    assert r["master_moves"] == 720 and r["opponent_moves"] == 720
    assert len(r["board_finish_us"]) == 24
assert abs(d["runs"][2]["speedup_vs_sync"] - 43200 / 3655) < 1e-4
assert d["config"]["boards"] == 24 and d["config"]["opponent_think"] == "55s"
PY

# Same seed, same JSON (chess on, random think times), but for "measured":
# the real-time figures (search CPU, loop lateness) vary from run to run.
# club as the master: its seeded noise and blunders are more for the seed
# to decide than master's, in a tenth of the search.
unmeasured() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("measured"); print(json.dumps(d))' "$1"
}
"$SIMUL" run --preset variable --master club --seed 7 --json >"$TMP/v1.json" 2>/dev/null || fail "variable run"
"$SIMUL" run --preset variable --master club --seed 7 --json >"$TMP/v2.json" 2>/dev/null
[ "$(unmeasured "$TMP/v1.json")" = "$(unmeasured "$TMP/v2.json")" ] || fail "same seed gave different JSON"
"$SIMUL" run --preset variable --master club --seed 8 --json >"$TMP/v3.json" 2>/dev/null
[ "$(unmeasured "$TMP/v1.json")" = "$(unmeasured "$TMP/v3.json")" ] && fail "different seeds gave the same JSON"

# --repeat: K runs per policy and a summary.
"$SIMUL" run --preset variable --chess off --repeat 3 --json >"$TMP/r.json" || fail "repeat"
python3 - "$TMP/r.json" <<'PY' || fail "repeat JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["runs"]) == 6 and [r["seed"] for r in d["runs"]] == [1, 1, 2, 2, 3, 3]
for s in d["summary"]:
    t = s["total_us"]
    assert s["runs"] == 3 and t["min"] <= t["mean"] <= t["max"], s
PY

# --workers: the seeds on 1, 2 or 3 processes, merged in seed order: the
# same JSON (chess on, random think times) and the same table and CSV.
# club plays the master: what is checked is the merge, not the chess, and
# a tenth of master's search keeps the six runs short under ASan.
for w in 1 2 3; do
	"$SIMUL" run --preset variable --master club --boards 6 --moves 8 --repeat 5 --workers $w --json \
		>"$TMP/w$w.json" 2>/dev/null || fail "--workers $w exit $?"
	"$SIMUL" run --preset variable --master club --boards 6 --moves 8 --repeat 5 --workers $w --csv 2>/dev/null |
		cut -d, -f1-24 >"$TMP/w$w.csv"
done
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["runs"]) == 10' "$TMP/w1.json" ||
	fail "--workers 1: not 5 seeds x 2 policies"
for w in 2 3; do
	[ "$(unmeasured "$TMP/w1.json")" = "$(unmeasured "$TMP/w$w.json")" ] || fail "--workers $w: JSON differs"
	cmp -s "$TMP/w1.csv" "$TMP/w$w.csv" || fail "--workers $w: CSV differs"
done

# CSV and Markdown: stdout carries only that format.
"$SIMUL" run --chess off --csv >"$TMP/a.csv" || fail "csv"
python3 - "$TMP/a.csv" <<'PY' || fail "CSV shape"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert [r["policy"] for r in rows] == ["sync", "ready"], rows
assert rows[0]["total"] == "12:00:00" and rows[1]["total"] == "1:00:55"
PY
"$SIMUL" run --chess off --markdown >"$TMP/a.md" || fail "markdown"
grep -q '^| ready | 1:00:55 | 1:00:55 |' "$TMP/a.md" || fail "markdown row"
"$SIMUL" run --chess off >"$TMP/a.txt" || fail "table"
grep -q '^ready  *1:00:55  *1:00:55' "$TMP/a.txt" || fail "table row"
grep -q '1:00:55' "$TMP/a.txt" && grep -q "55s after the master's last move" "$TMP/a.txt" || fail "table note"

# PGN: every game, tags, %emt, and pgn-extract reads it without complaint.
# club plays the master here and in the format checks below: what is
# checked is the file, not the chess (a tenth of the search, for ASan).
"$SIMUL" run --preset quick --master club --policy sync,ready --pgn "$TMP/g.pgn" --json >"$TMP/g.json" || fail "pgn run"
[ "$(grep -c '^\[Event ' "$TMP/g.pgn")" = 12 ] || fail "PGN game count"
grep -q '^\[Board "6"\]' "$TMP/g.pgn" && grep -q '^\[Policy "ready"\]' "$TMP/g.pgn" || fail "PGN tags"
grep -q '{\[%emt 0:00:05\]}' "$TMP/g.pgn" || fail "PGN %emt"
if [ -x /usr/games/pgn-extract ] || command -v pgn-extract >/dev/null; then
	PE=$(command -v pgn-extract || echo /usr/games/pgn-extract)
	out=$("$PE" -r "$TMP/g.pgn" 2>&1)
	echo "$out" | grep -qi 'error\|illegal\|unknown\|missing' && fail "pgn-extract: $out"
	echo "$out" | grep -q '12 games matched out of 12' || fail "pgn-extract count: $out"
fi

# Trace: one CSV row per event; master-moves rows = master moves in the JSON.
"$SIMUL" run --chess off --trace "$TMP/t.csv" --json >"$TMP/t.json" || fail "trace run"
head -1 "$TMP/t.csv" | grep -q '^run,time_us,time,exhibition,policy,board,event,duration_us,detail$' || fail "trace header"
[ "$(grep -c ',master-moves,' "$TMP/t.csv")" = 1440 ] || fail "trace master-moves rows"
[ "$(grep -c ',opponent-replies,' "$TMP/t.csv")" = 1440 ] || fail "trace reply rows"
[ "$(grep -c ',exhibition-ends,' "$TMP/t.csv")" = 2 ] || fail "trace ends rows"
"$SIMUL" run --preset quick --master club --trace "$TMP/t.json" --trace-format chrome >/dev/null || fail "chrome trace"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); ev=d["traceEvents"]; assert any(e["ph"]=="X" and e["name"]=="thinks" for e in ev); assert any(e.get("args",{}).get("name")=="board 6" for e in ev)' "$TMP/t.json" || fail "chrome trace JSON"

# Live clock at a high speed: the same totals as the virtual clock. CSV's
# columns after the 24th are measured (CPU, lateness) and may differ.
"$SIMUL" run --preset quick --chess off --policy sync,round-robin,ready --clock live --speed 200000 --csv >"$TMP/live.csv" || fail "live run"
"$SIMUL" run --preset quick --chess off --policy sync,round-robin,ready --csv >"$TMP/virt.csv"
cmp -s <(cut -d, -f1-24 "$TMP/live.csv") <(cut -d, -f1-24 "$TMP/virt.csv") || fail "live and virtual differ"
head -1 "$TMP/live.csv" | grep -q ',master_blocked_us,search_cpu_s,search_cpu_mean_ms,search_cpu_max_ms,timers,lateness_max_ms,lateness_p99_ms$' || fail "CSV measured columns"

# Chess on, live: searches in slices, or greedy; the runs equal the virtual
# clock's and the measured figures are there and sane.
Q="--preset quick --master master --opponents club --policy sync,round-robin,ready"
"$SIMUL" run $Q --json >"$TMP/qv.json" || fail "quick virtual"
"$SIMUL" run $Q --clock live --speed 100000 --json >"$TMP/ql.json" || fail "quick live sliced"
"$SIMUL" run $Q --clock live --speed 100000 --greedy --json >"$TMP/qg.json" || fail "quick live greedy"
python3 - "$TMP/qv.json" "$TMP/ql.json" "$TMP/qg.json" <<'PY' || fail "live (sliced, greedy) vs virtual JSON"
import json, sys
v, l, g = (json.load(open(p)) for p in sys.argv[1:])
assert v["runs"] == l["runs"] == g["runs"]
assert v["measured"]["clock"] == "virtual" and v["measured"]["loop"] is None
assert v["measured"]["master_searches"] > 0 and v["measured"]["search_cpu_s"] > 0
for d, greedy in ((l, False), (g, True)):
    m = d["measured"]
    assert m["clock"] == "live" and m["speed"] == 100000 and m["greedy"] == greedy, m
    lp = m["loop"]
    assert lp["timers"] > 0 and 0 <= lp["lateness_p99_ms"] <= lp["lateness_max_ms"], lp
    assert 0 <= lp["lateness_mean_ms"] <= lp["lateness_max_ms"], lp
    assert (lp["slices"] > 0) != greedy, lp
    assert m["search_cpu_mean_ms"] <= m["search_cpu_max_ms"], m
assert g["config"]["greedy"] is True and l["config"]["greedy"] is False
PY
"$SIMUL" run --preset quick --master club --clock live --speed 100000 --greedy >"$TMP/g.txt" || fail "greedy table"
grep -q 'live loop at 100000x, greedy (searches in one go): [0-9]* timers, lateness max [0-9.]* ms, p99 [0-9.]* ms' "$TMP/g.txt" || fail "greedy table line: $(cat "$TMP/g.txt")"
grep -q '^  searches: master [0-9]* moves, CPU' "$TMP/g.txt" || fail "search CPU line"
"$SIMUL" run --preset quick --master club --clock live --speed 100000 --markdown | grep -q '^>   live loop at 100000x, searches in slices' || fail "markdown measured"

# Blocking opponents: the article with board 1 blocking, exactly as the
# model says (sync unchanged; async 3600 + 30*55 + 55 s = 1:28:25), the
# master's blocked time in JSON; live, the blocking sleeps are measured. (Boards 1 and 24: 3600 + 2*30*55 s = 1:55:00.)
"$SIMUL" run --chess off --policy sync,round-robin,ready --blocking-opponent 1 --json >"$TMP/b.json" || fail "blocking run"
python3 - "$TMP/b.json" <<'PY' || fail "blocking totals in JSON"
import json, sys
d = json.load(open(sys.argv[1]))
tot = {r["policy"]: r["total_us"] for r in d["runs"]}
assert tot == {"sync": 43200000000, "round-robin": 5305000000, "ready": 5305000000}, tot
for r in d["runs"]:
    assert r["model_us"] == r["total_us"] and r["model_exact"], r
    assert r["master_blocked_us"] == 30 * 55000000, r
assert d["config"]["blocking_opponents"] == [1]
PY
"$SIMUL" run --chess off --blocking-opponent 1 --blocking-opponent 24 >"$TMP/b.txt" || fail "blocking table"
grep -q '^ready  *1:55:00  *1:55:00' "$TMP/b.txt" || fail "blocking table row: $(cat "$TMP/b.txt")"
grep -q 'blocking opponents 1, 24' "$TMP/b.txt" && grep -q 'with k = 2 blocking opponents' "$TMP/b.txt" || fail "blocking table notes"
"$SIMUL" run --preset quick --chess off --blocking-opponent 2 --clock live --speed 100000 --json >"$TMP/bl.json" || fail "blocking live"
python3 - "$TMP/bl.json" <<'PY' || fail "blocking live JSON"
import json, sys
d = json.load(open(sys.argv[1]))
lp = d["measured"]["loop"]
# Board 2 blocks after each of its 10 master moves, in both exhibitions, 55 s / 100000 each.
assert lp["blocking_calls"] == 20 and lp["blocked_s"] >= 20 * 55 / 100000 * 0.99, lp
assert lp["lateness_max_ms"] >= 55 / 100000 * 1000 * 0.5, lp
PY

# --preset list and --help.
"$SIMUL" run --preset list | grep -q '^article ' || fail "preset list"
"$SIMUL" run --help | grep -q -- '--opponent-think DIST' || fail "help"

# Bad usage: one line on stderr naming the option, exit 2, nothing written.
bad() {
	local opt=$1; shift
	rm -f "$TMP/out.pgn" "$TMP/out.csv"
	"$SIMUL" run "$@" --pgn "$TMP/out.pgn" --trace "$TMP/out.csv" >"$TMP/stdout" 2>"$TMP/stderr"
	local rc=$?
	[ $rc = 2 ] || fail "$* exit $rc, want 2"
	[ "$(wc -l <"$TMP/stderr")" = 1 ] || fail "$*: stderr not one line: $(cat "$TMP/stderr")"
	grep -q -- "$opt" "$TMP/stderr" || fail "$*: error does not name $opt: $(cat "$TMP/stderr")"
	[ -s "$TMP/stdout" ] && fail "$*: wrote to stdout"
	ls "$TMP" | grep -q '^out\.' && fail "$*: left a file: $(ls "$TMP")"
}
bad --boards --boards 0
bad --boards --boards -5
bad --boards --boards 2000000
bad --moves --moves 0
bad --moves --moves 501
bad --master-think --master-think 5
bad --opponent-think --opponent-think uniform:9s..1s
bad --opponent-think --opponent-think lognormal:55s
bad --walk --walk 3h
bad --policy --policy sync,fastest
bad --preset --preset nosuch
bad --repeat --repeat 0
bad --speed --speed -1
bad --opponents --opponents club:30
bad --frobnicate --frobnicate
bad --blocking-opponent --blocking-opponent 0
bad --blocking-opponent --blocking-opponent 25
bad --blocking-opponent --blocking-opponent two
bad --blocking-opponent --blocking-opponent 5 --boards 4
rm -f "$TMP/out.csv"
"$SIMUL" run --chess off --trace "$TMP/out.csv" --pgn "$TMP/out.pgn" >/dev/null 2>"$TMP/stderr"
[ $? = 2 ] && grep -q -- '--pgn' "$TMP/stderr" || fail "--pgn with chess off"
"$SIMUL" run --trace /nonexistent/dir/t.csv >/dev/null 2>"$TMP/stderr"
[ $? = 2 ] && grep -q -- '--trace: cannot write /nonexistent/dir/t.csv' "$TMP/stderr" || fail "unwritable trace: $(cat "$TMP/stderr")"
ls "$TMP" | grep -q '^out\.' && fail "left a file after unwritable path"

# Ctrl-C keeps what was played: exit 130, the report so far, the games so far
# (unfinished as "*") and the trace so far, each file whole. At 60x the
# searches mostly keep up, and a second plays a minute; a slow build
# (ASan) may hold the clock at its start for up to 5 s while games are
# searched ahead, so the signal comes after 7.
rm -f "$TMP"/int.*
"$SIMUL" run --clock live --speed 60 --json --pgn "$TMP/int.pgn" --trace "$TMP/int.csv" \
	>"$TMP/int.json" 2>"$TMP/stderr" &
pid=$!
sleep 7
kill -INT $pid
wait $pid
[ $? = 130 ] || fail "Ctrl-C on a live run: exit $?, not 130"
grep -q 'interrupted' "$TMP/stderr" || fail "Ctrl-C: no word on stderr: $(cat "$TMP/stderr")"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["runs"]) == 2 and 0 < d["runs"][0]["total_us"] < 43200000000' "$TMP/int.json" ||
	fail "Ctrl-C: the JSON report of the partial run"
[ "$(grep -c '^\[Result "\*"\]' "$TMP/int.pgn")" -ge 24 ] || fail "Ctrl-C: unfinished games as *"
[ "$(grep -c '^\[Event' "$TMP/int.pgn")" = 48 ] || fail "Ctrl-C: 48 games in the PGN"
[ "$(wc -l <"$TMP/int.csv")" -gt 10 ] || fail "Ctrl-C: the trace so far"
ls "$TMP" | grep -Eq '^int\.(pgn|csv)\.' && fail "Ctrl-C left a temporary file"

if [ $fails -gt 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "e2e_run: all checks passed"
