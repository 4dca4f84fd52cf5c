#!/usr/bin/env bash
# End-to-end checks of the one command-line parser through the real binary:
# GNU conventions in every subcommand (glued values, bundles, prefixes),
# one error shape ("simul: --option: ...", one line, exit 2) for each, one
# duration grammar, and the command-line findings of issue 12 (crashes,
# overflow, silent acceptance, write errors on stdout).
# Usage: bash tests/e2e_cli.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_cli.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools python3
e2e_scratch

# bad WANT ARGS...: exit 2, one line on stderr, exactly "simul: WANT", nothing on stdout.
bad() {
	local want=$1
	shift
	"$SIMUL" "$@" >"$TMP/out" 2>"$TMP/err"
	local rc=$?
	[ $rc = 2 ] || fail "simul $*: exit $rc, want 2"
	[ "$(cat "$TMP/err")" = "simul: $want" ] || fail "simul $*: stderr $(cat "$TMP/err"), want simul: $want"
	[ -s "$TMP/out" ] && fail "simul $*: wrote to stdout"
}

# Every subcommand speaks the same dialect and the same error shape.
bad '--boards: "0" is not between 1 and 1000000' run -n0
bad '--boards: "0" is not between 1 and 1000000' live --boa=0
bad '--b: ambiguous, could be --boards, --blocking-opponent' run --b 3
bad '-z: unknown option (try --help)' run -qz
bad '--depth: "0" is not between 1 and 20' perft -d0
bad '--depth: is required (e.g. simul perft --depth 5)' perft --div
bad '--games: "0" is not between 1 and 100000' match -g0
bad '--white: "nope" is not a player profile (master, grandmaster, club, beginner, random) or uci:CMD' match --white nope
bad '--opponents: "nope" is not a player profile (master, grandmaster, club, beginner, random) or uci:CMD' run --opponents club:3,nope
bad '--black: "x" is not a player profile (master, grandmaster, club, beginner, random) or uci:CMD' match --bl x
bad '--moves: "0" is not between 1 and 100000' bench --moves 0
bad '--models: "fibers" is not a model (processes, threads, async, hybrid)' bench --models async,fibers
bad '--think: "5" needs a unit (us, ms, s, m or h)' bench --think 5
bad '--think: "2h" is not between 0s and 1h' bench --think 2h
bad '--time-cap: "0.5ms" is below 1ms (0 means no cap)' bench --time-cap 0.5ms
bad '--stack: "8K" is not between 16K and 64M' bench --stack 8K
bad '--points: "1" is not between 2 and 1000' sweep --boards 1..4 --points 1
bad '--json: cannot be used with --csv (pick one)' sweep --boards 1..4 --csv --json
bad '--speed: "0" is not between 0.001 and 1e+06' replay nofile --speed 0
bad '"x": unexpected argument (try --help)' uci x
bad '--frobnicate: unknown option (try --help)' uci --frobnicate

# Issue 12, item 1: an empty opponents list was a SIGSEGV.
for spec in , ,,, club,,beginner; do
	bad "--opponents: \"$spec\" has an empty item (e.g. club:20,beginner:4)" run --opponents "$spec"
	bad "--opponents: \"$spec\" has an empty item (e.g. club:20,beginner:4)" live --opponents "$spec"
done
# Item 2: durations parse without overflow, through every DIST option.
bad '--master-think: "99999999999999h" is longer than the limit of 2h' run --master-think 99999999999999h
bad '--opponent-think: "uniform:1s..1.99999999999h9m": high "1.99999999999h9m" is longer than the limit of 2h' run --opponent-think uniform:1s..1.99999999999h9m
bad '--walk: "normal:1s,1e18s": stddev "1e18s" is longer than the limit of 2h' run --walk normal:1s,1e18s
"$SIMUL" run --chess off --boards 1 --moves 1 --master-think 0.99999999999h --json >"$TMP/h.json" || fail "0.99999999999h"
grep -q '"master_think": "1h"' "$TMP/h.json" || fail "0.99999999999h is not 1h: $(grep master_think "$TMP/h.json")"
# Item 10: one file for two outputs.
bad '--trace: "same.out" is the file --pgn writes ("same.out")' run --pgn same.out --trace same.out
# Item 18: 1e18s is out of range, not missing a unit.
bad '--master-think: "1e18s" is longer than the limit of 2h' run --master-think 1e18s
# Item 19: silent acceptance.
bad '--csv: cannot be used with --json (pick one)' run --json --csv
bad '--markdown: cannot be used with --csv (pick one)' bench --csv --markdown
bad '--policy: "sync,sync" names sync twice' run --policy sync,sync
bad '--master-think: "5s5s": units go from largest to smallest, each once (e.g. 1h2m3s)' run --master-think 5s5s
bad '--master-think: "0.0000001s" is shorter than 1us but not 0' run --master-think 0.0000001s
bad '--seed: "18446744073709551616" is not a number between 0 and 18446744073709551615' match --seed 18446744073709551616
bad '--seed: "18446744073709551616" is not a number between 0 and 18446744073709551615' run --seed 18446744073709551616

# Conventions that must work: glued short values, bundles, prefixes, "=".
"$SIMUL" run -qn2 -m3 --chess=off --pol sync --json >"$TMP/g.json" || fail "run -qn2 -m3 exit $?"
python3 - "$TMP/g.json" <<'PY' || fail "glued and prefixed options"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["config"]["boards"] == 2 and d["config"]["moves"] == 3, d["config"]
assert [r["policy"] for r in d["runs"]] == ["sync"]
PY
# One duration grammar: bench takes what run takes.
"$SIMUL" bench --boards 2 --models async --moves 1 --think 0s50ms --no-cpu-heavy --json >"$TMP/b.json" || fail "bench --think 0s50ms exit $?"
grep -q '"think_us": 50000' "$TMP/b.json" || fail "bench --think 0s50ms: $(head -c 300 "$TMP/b.json")"

# Item 18: the time cap is said in the duration grammar, not rounded to "0.0 s".
"$SIMUL" bench --boards 200 --models threads --think 1s --moves 3 --time-cap 1ms --no-cpu-heavy --csv >"$TMP/cap.csv" 2>/dev/null
grep -q ',time cap 1ms reached,' "$TMP/cap.csv" || fail "bench --time-cap 1ms: $(cat "$TMP/cap.csv")"
bad '--fen: "8/8/8/8/8/8/8/7é w - - 0 1": FEN field 1 (placement): "é" in rank 1 is not a piece letter (PNBRQK, pnbrqk) or a digit 1-8' perft --depth 1 --fen "8/8/8/8/8/8/8/7é w - - 0 1"

# Item 11: a write error on stdout is exit 1 with a message, for every command.
if [ -w /dev/full ]; then
	full() {
		printf '%s' "${STDIN:-}" | "$SIMUL" "$@" >/dev/full 2>"$TMP/err"
		local rc=$?
		[ $rc = 1 ] || fail "simul $* >/dev/full: exit $rc, want 1"
		grep -q '^simul: writing stdout: ' "$TMP/err" || fail "simul $* >/dev/full: $(cat "$TMP/err")"
	}
	full --help
	full --version
	full run --preset list
	full run --help
	full perft --depth 2
	full match --games 2 --white random --black random
	full bench --help
	STDIN='uci
isready
quit
' full uci
fi

# Item 16: a run that cannot fit is refused before it starts, with the
# estimate, the limit and a way out. The limit here is ulimit -v (an ASan
# build cannot run under one: then this part is skipped).
if (ulimit -v 400000; "$SIMUL" --version) >/dev/null 2>&1; then
	(ulimit -v 4000000; "$SIMUL" run --boards 1000000 --moves 500 --policy sync,round-robin,ready) >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ $rc = 2 ] || fail "1M boards x 500 moves under 4 GB: exit $rc, want 2"
	grep -Eq '^simul: --boards: 1000000 boards of 500 moves in 3 exhibitions with chess need up to [0-9.]+ GB, more than the 4.1 GB available \(ulimit -v\); try --chess off, fewer --moves or --boards$' "$TMP/err" ||
		fail "1M boards: $(cat "$TMP/err")"
	# The estimate holds: twice it is enough, and it is not twice too much.
	Q="run --boards 20000 --moves 500 --chess off --policy sync,round-robin,ready --csv"
	# shellcheck disable=SC2086
	(ulimit -v 50000; "$SIMUL" $Q) >/dev/null 2>"$TMP/err"
	mb=$(sed -nE 's/.* need up to ([0-9]+) MB.*/\1/p' "$TMP/err")
	[ -n "$mb" ] || fail "no estimate in: $(cat "$TMP/err")"
	# shellcheck disable=SC2086
	(ulimit -v $((2 * ${mb:-1} * 1000)); "$SIMUL" $Q) >/dev/null 2>"$TMP/err" || fail "twice the estimate ($mb MB) is not enough: $(cat "$TMP/err")"
	rss=$( { /usr/bin/time -f '%M' "$SIMUL" $Q >/dev/null; } 2>&1 | tail -1)
	if [[ $rss =~ ^[0-9]+$ ]]; then
		echo "20000 boards x 500 moves x 3, chess off: estimate $mb MB, peak RSS $((rss / 1000)) MB"
		[ $((rss / 1000)) -le "$mb" ] && [ $((2 * rss / 1000)) -ge "$mb" ] ||
			fail "estimate $mb MB is not within [RSS, 2 RSS] of $((rss / 1000)) MB"
	fi
fi

# Item 17: the Elo line of an even match says +0, never -0. (The speed of
# 1-ply games, once 10 ms each, is a figure for the report, not a timed test.)
out=$("$SIMUL" match --games 200 --white random --black random --max-plies 1) || fail "match of 1-ply games"
grep -q '^Elo difference: +0 +/- 0 (95% interval +0 .. +0)$' <<<"$out" || fail "Elo line: $out"

# Issue 9, item 7: the man page and the completion, built from the tables.
BUILD=$(dirname "$SIMUL")
"$SIMUL" --print-man >"$TMP/simul.1" || fail "--print-man exit $?"
"$SIMUL" --print-completion >"$TMP/simul.bash" || fail "--print-completion exit $?"
cmp -s "$TMP/simul.1" "$BUILD/simul.1" || fail "the built simul.1 is not what the binary prints"
cmp -s "$TMP/simul.bash" "$BUILD/simul.bash-completion" || fail "the built completion is stale"
if command -v man >/dev/null && command -v groff >/dev/null; then
	warn=$(MANWIDTH=80 man --warnings -l "$TMP/simul.1" 2>&1 >/dev/null)
	[ -z "$warn" ] || fail "man --warnings: $warn"
	MANWIDTH=80 man -l "$TMP/simul.1" 2>/dev/null | grep -q -- '--opponent-think DIST' || fail "man page text"
fi
bash -n "$TMP/simul.bash" || fail "completion syntax"
comp() {
	# shellcheck disable=SC1091
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _simul; echo "${COMPREPLY[*]}"' _ "$TMP/simul.bash" "$@"
}
[ "$(comp simul ru)" = "run" ] || fail "complete a command: $(comp simul ru)"
[ "$(comp simul run --pol)" = "--policy" ] || fail "complete an option: $(comp simul run --pol)"
[ "$(comp simul run --policy sync,r)" = "sync,round-robin sync,ready" ] || fail "complete a list: $(comp simul run --policy sync,r)"
[ "$(comp simul match --white gr)" = "grandmaster" ] || fail "complete a profile: $(comp simul match --white gr)"
[ "$(comp simul --bo)" = "--boards" ] || fail "complete the live view's options: $(comp simul --bo)"
[ "$(comp simul perft --d)" = "--depth --divide" ] || fail "complete perft: $(comp simul perft --d)"
touch "$TMP/game.pgn"
[ "$(comp simul run --pgn "$TMP/game.p")" = "$TMP/game.pgn" ] || fail "complete a file: $(comp simul run --pgn "$TMP/game.p")"
# cmake --install puts all three in their usual places.
if [ -f "$BUILD/cmake_install.cmake" ] && command -v cmake >/dev/null; then
	cmake --install "$BUILD" --prefix "$TMP/inst" >/dev/null || fail "cmake --install exit $?"
	for f in bin/simul share/man/man1/simul.1 share/bash-completion/completions/simul; do
		[ -s "$TMP/inst/$f" ] || fail "cmake --install: no $f"
	done
fi

if [ $fails -gt 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "e2e_cli: all checks passed"
