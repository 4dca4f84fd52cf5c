#!/usr/bin/env bash
# simul bench through the real binary, on a small ladder: the CSV header is
# the field list `simul bench --help` prints (one table makes both), and
# docs/bench.md carries that same list; a rung above --max-procs is a simul
# cap with the option named, and the ladder goes on; the measured rows carry
# play >= floor and the machine's free memory read before and with the boards.
# Usage: bash tests/e2e_bench.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_bench.sh /path/to/simul}
DOCS="$(dirname "$0")/../docs/bench.md"
. "$(dirname "$0")/e2e_common.sh"
e2e_scratch

"$SIMUL" bench --help >"$TMP/help" || fail "bench --help exit $?"
sed -n '/^JSON and CSV fields of a cell/,$p' "$TMP/help" >"$TMP/fields"
[ "$(wc -l <"$TMP/fields")" -gt 20 ] || fail "bench --help lists no fields: $(cat "$TMP/help")"
# docs/bench.md: the same lines, inside its fenced block.
sed -n '/^JSON and CSV fields of a cell/,/^```$/p' "$DOCS" | sed '$d' >"$TMP/docs_fields"
diff -u "$TMP/fields" "$TMP/docs_fields" >"$TMP/diff" ||
	fail "docs/bench.md's field list differs from bench --help: $(cat "$TMP/diff")"

"$SIMUL" bench --boards 10,30 --models processes,threads --max-procs 20 --moves 3 \
	--think 1ms --no-cpu-heavy --csv >"$TMP/b.csv" || fail "bench --csv exit $?"
want="variant,model,boards,status,error,$(sed -n 's/^  \([a-z_0-9]*\) .*/\1/p' "$TMP/fields" | paste -sd,)"
[ "$(head -1 "$TMP/b.csv")" = "$want" ] || fail "CSV header: $(head -1 "$TMP/b.csv") != $want"
grep -qx 'ladder,processes,30,simul cap,"30 processes > 20, --max-procs",1,.*' "$TMP/b.csv" ||
	fail "processes at 30 over --max-procs 20: $(cat "$TMP/b.csv")"
# Every completed row: play >= floor = 3 x 1 ms, free memory read twice.
awk -F, -v want="$want" 'NR == 1 { n = split(want, h, ","); for (i = 1; i <= n; i++) col[h[i]] = i; next }
	$4 == "ok" { ok++
		if ($col["floor_s"] != "0.003") { print "floor", $0; bad++ }
		if ($col["play_s"] + 0 < 0.003) { print "play", $0; bad++ }
		if ($col["sys_before_kib"] + 0 <= 0 || $col["sys_alive_kib"] + 0 <= 0) { print "sys", $0; bad++ } }
	END { if (ok != 3 || bad) { print "ok rows", ok; exit 1 } }' "$TMP/b.csv" >"$TMP/awk" ||
	fail "completed rows: $(cat "$TMP/awk")"

"$SIMUL" bench --boards 10 --models threads --moves 2 --think 1ms --no-cpu-heavy --no-plot \
	>"$TMP/t.txt" || fail "bench table exit $?"
grep -q 'kern/board MemAvail/b' "$TMP/t.txt" || fail "ladder header: $(cat "$TMP/t.txt")"
grep -q 'vs 0.00 s floor' "$TMP/t.txt" || fail "waiting: play vs floor: $(cat "$TMP/t.txt")"

[ "$fails" -eq 0 ] || exit 1
echo "e2e_bench: ok"
