#!/usr/bin/env bash
# External UCI engines through the real binary, with tests/fake_uci (built
# next to this suite) misbehaving on request: every fault ends its own
# board as specified while the other boards play their games to the end,
# the PGN stays valid (pgn-extract), engines that cannot start stop the
# run before it begins (exit 2, one line naming the spec), and no engine
# process is left behind: not after a normal end, a fault, Ctrl-C, SIGTERM,
# SIGHUP, nor after simul itself is killed.
# Usage: bash tests/e2e_engines.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_engines.sh /path/to/simul}
FAKE=$(dirname "$SIMUL")/tests/fake_uci
[ -x "$FAKE" ] || { echo "FAIL: no $FAKE"; exit 1; }
. "$(dirname "$0")/e2e_common.sh"
e2e_scratch
TAG=e2e$$

# Engine processes of this script still alive, zombies included: pgrep reads
# /proc/*/cmdline, where an engine's starts with its path and carries the tag.
leftovers() {
	pgrep -c -f "^$FAKE .*tag=$TAG"
}
check_none_left() {
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ "$(leftovers)" = 0 ] && return 0
		sleep 0.2
	done
	fail "$1: $(leftovers) engine processes left"
}

PE=$(command -v pgn-extract || echo /usr/games/pgn-extract)
pgn_ok() {
	[ -x "$PE" ] || return 0
	local out
	out=$("$PE" -r "$1" 2>&1)
	echo "$out" | grep -qi 'error\|illegal\|unknown\|missing' && fail "$2: pgn-extract: $out"
	echo "$out" | grep -q "$3 games matched out of $3" || fail "$2: pgn-extract count: $out"
}

# One game's tags, by policy and board: "Result|Termination|plies".
game() {
	python3 - "$1" "$2" "$3" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for g in re.split(r'\n(?=\[Event )', text):
    tags = dict(re.findall(r'^\[(\w+) "([^"]*)"\]', g, re.M))
    if tags.get("Policy") == sys.argv[2] and tags.get("Board") == sys.argv[3]:
        moves = re.sub(r'\{[^}]*\}|\[[^\]]*\]|\d+\.(\.\.)?', ' ', g).split()
        print("%s|%s|%d|%s|%s" % (tags["Result"], tags.get("Termination", ""),
                                  len(moves) - 1, tags["White"], tags["Black"]))
PY
}

# A normal run: names from "id name", every game to the move limit, valid PGN.
"$SIMUL" run --boards 4 --moves 6 --opponents "club:2,uci:$FAKE name=Fakey tag=$TAG:2" \
	--pgn "$TMP/n.pgn" >"$TMP/n.txt" 2>&1 || fail "normal run exit $?"
[ "$(game "$TMP/n.pgn" ready 3)" = "1/2-1/2|adjudication|12|Master (master)|Fakey" ] ||
	[ "$(game "$TMP/n.pgn" ready 3 | cut -d'|' -f2-5)" = "adjudication|12|Master (master)|Fakey" ] ||
	fail "normal: board 3 is $(game "$TMP/n.pgn" ready 3)"
[ "$(game "$TMP/n.pgn" sync 1 | cut -d'|' -f5)" = "Opponent 1 (club)" ] || fail "normal: board 1 name"
[ -f "$TMP/n.engines.log" ] || fail "normal: no engine log next to the PGN"
pgn_ok "$TMP/n.pgn" normal 8
check_none_left normal
# Engines play the same moves on the live clock: the same games.
"$SIMUL" run --boards 4 --moves 6 --opponents "club:2,uci:$FAKE name=Fakey tag=$TAG:2" \
	--clock live --speed 1e6 --pgn "$TMP/l.pgn" >/dev/null 2>&1 || fail "live run exit $?"
diff <(grep -v Event "$TMP/n.pgn") <(grep -v Event "$TMP/l.pgn") >/dev/null || fail "live games differ"
check_none_left live

# Each fault on board 3 of 3 (its K-th answer is Black's K-th move, ply 2K-1):
# "mode|termination|plies played|what the summary says". A hang is called
# 2 s past the limit: with 300 ms an ASan build beside the other suites
# once answered a sound move 1 too late.
while IFS='|' read -r mode term plies why; do
	"$SIMUL" run --boards 3 --moves 5 --opponents "club:2,uci:$FAKE $mode tag=$TAG" \
		--engine-limit nodes=100,margin=2s --pgn "$TMP/f.pgn" >"$TMP/f.txt" 2>&1 ||
		fail "$mode: exit $?"
	for p in sync ready; do
		got=$(game "$TMP/f.pgn" $p 3)
		[ "$(echo "$got" | cut -d'|' -f1-3)" = "1-0|$term|$plies" ] || fail "$mode $p: board 3 is $got"
		for b in 1 2; do
			[ "$(game "$TMP/f.pgn" $p $b | cut -d'|' -f2-3)" = "adjudication|10" ] ||
				fail "$mode $p: board $b is $(game "$TMP/f.pgn" $p $b)"
		done
	done
	grep -q "engine fault: run 1 board 3: FakeUCI (Black) lost at move .*$why" "$TMP/f.txt" ||
		fail "$mode: summary: $(grep fault "$TMP/f.txt")"
	pgn_ok "$TMP/f.pgn" "$mode" 6
	check_none_left "$mode"
done <<'EOF'
crash=3|abandoned|5|killed by signal 11
exit=2|abandoned|3|exited with status 3
illegal=2|rules infraction|3|illegal move e1e8
junk=3|rules infraction|5|illegal move xyzzy
hang=2|time forfeit|3|no bestmove within its limit
stall=3|time forfeit|5|no bestmove within its limit
EOF

# Garbage and huge lines are ignored (and logged): the games are the normal ones.
for mode in garbage huge; do
	"$SIMUL" run --boards 3 --moves 5 --opponents "club:2,uci:$FAKE $mode tag=$TAG" \
		--pgn "$TMP/g.pgn" >/dev/null 2>&1 || fail "$mode: exit $?"
	[ "$(game "$TMP/g.pgn" ready 3 | cut -d'|' -f2-3)" = "adjudication|10" ] || fail "$mode: $(game "$TMP/g.pgn" ready 3)"
	grep -q "ignored" "$TMP/g.engines.log" || fail "$mode: nothing logged"
	check_none_left "$mode"
done

# --engine-restart: a new process takes over; the game goes to the move limit.
"$SIMUL" run --boards 2 --moves 5 --opponents "club:1,uci:$FAKE exit=3 tag=$TAG" --engine-restart \
	--pgn "$TMP/r.pgn" >"$TMP/r.txt" 2>&1 || fail "restart: exit $?"
[ "$(game "$TMP/r.pgn" ready 2 | cut -d'|' -f2-3)" = "adjudication|10" ] || fail "restart: $(game "$TMP/r.pgn" ready 2)"
grep -q "restarted" "$TMP/r.engines.log" || fail "restart: not logged"
check_none_left restart

# The real clock: a crash still ends only its board, each policy in its own run.
"$SIMUL" run --boards 3 --moves 4 --opponents "club:2,uci:$FAKE crash=2 tag=$TAG" --clock real \
	--speed 6000 --pgn "$TMP/rc.pgn" >"$TMP/rc.txt" 2>&1 || fail "real: exit $?"
for p in sync ready; do
	[ "$(game "$TMP/rc.pgn" $p 3 | cut -d'|' -f1-3)" = "1-0|abandoned|3" ] || fail "real $p: $(game "$TMP/rc.pgn" $p 3)"
	[ "$(game "$TMP/rc.pgn" $p 1 | cut -d'|' -f2-3)" = "adjudication|8" ] || fail "real $p: $(game "$TMP/rc.pgn" $p 1)"
done
[ "$(grep -c '^real clock, run 1' "$TMP/rc.txt")" = 2 ] || fail "real: no measured-vs-model lines"
check_none_left real

# simul match with an engine: its id name in the summary; an illegal move loses that game.
out=$("$SIMUL" match --white "uci:$FAKE name=Fakey tag=$TAG" --black random --games 2 2>&1) || fail "match: exit $?"
echo "$out" | grep -q "^Fakey vs random: 2 games" || fail "match: $out"
out=$("$SIMUL" match --white club --black "uci:$FAKE illegal=3 tag=$TAG" --games 2 2>&1) || fail "match illegal: exit $?"
echo "$out" | grep -q "FakeUCI lost at ply 10 by rules infraction" || fail "match illegal: $out"
check_none_left match

# Cannot start: exit 2 before anything runs, one line naming the spec.
echo "not a program" >"$TMP/plain"
while IFS='|' read -r spec want; do
	out=$("$SIMUL" run --boards 2 --moves 2 --opponents "$spec" --pgn "$TMP/x.pgn" 2>&1)
	rc=$?
	[ $rc = 2 ] || fail "start $spec: exit $rc"
	[ "$(echo "$out" | wc -l)" = 1 ] && echo "$out" | grep -q "$want" || fail "start $spec: $out"
	[ -e "$TMP/x.pgn" ] && fail "start $spec: PGN written"
	check_none_left "start $spec"
done <<EOF
uci:/nonexistent/engine|uci:/nonexistent/engine: cannot run /nonexistent/engine: No such file
uci:no-such-engine-$TAG|cannot run no-such-engine-$TAG: No such file
uci:$TMP/plain|cannot run $TMP/plain: Permission denied
uci:$TMP|cannot run $TMP: Permission denied
uci:$FAKE handshake-exit tag=$TAG|handshake-exit tag=$TAG: cannot start: exited with status 4
uci:$FAKE no-uciok tag=$TAG|no uciok within 5 s
uci:$FAKE?Skill|option "Skill" is not NAME=VALUE
EOF
# One failing engine among many still stops the run; the good ones are reaped too.
"$SIMUL" run --boards 6 --moves 2 --opponents "uci:$FAKE tag=$TAG:5,uci:$FAKE exit=1 handshake-exit tag=$TAG" \
	>/dev/null 2>&1
[ $? = 2 ] || fail "one bad of six: not exit 2"
check_none_left "one bad of six"

# Engines start a few at a time, each deadline counted from its own spawn: twelve
# that each take 1.5 s to say uciok all make a 2.5 s deadline, one wave after another.
"$SIMUL" run --boards 12 --moves 1 --opponents "uci:$FAKE slow-start=1500 tag=$TAG" \
	--engine-limit nodes=100,start=2.5s --quiet >/dev/null 2>"$TMP/slow.err" ||
	fail "slow starters: exit $? ($(cat "$TMP/slow.err"))"
check_none_left "slow starters"

# Too many engines for the descriptor limit: said before any starts.
out=$(ulimit -n 64 -H 2>/dev/null; ulimit -n 64; "$SIMUL" run --boards 40 --moves 1 --opponents "uci:$FAKE tag=$TAG" 2>&1)
echo "$out" | grep -q "40 engines need .* file descriptors" || fail "fd limit: $out"
check_none_left "fd limit"

# Signals: a live run is stopped by SIGINT, SIGTERM and SIGHUP (exit 128+N) and
# takes its engines with it; a SIGKILL'ed simul leaves none either.
for sig in INT TERM HUP KILL; do
	"$SIMUL" run --boards 4 --moves 30 --opponents "uci:$FAKE tag=$TAG" --clock live --speed 60 \
		>/dev/null 2>&1 &
	pid=$!
	for i in $(seq 50); do [ "$(leftovers)" = 4 ] && break; sleep 0.1; done
	[ "$(leftovers)" = 4 ] || fail "$sig: engines did not start"
	kill -$sig $pid
	wait $pid
	rc=$?
	# 128 + the signal's number, as a shell reports a process it killed.
	[ $rc = $((128 + $(kill -l $sig))) ] || fail "$sig: exit $rc"
	check_none_left "SIG$sig"
done

[ $fails = 0 ] && echo "e2e_engines: all passed"
exit $((fails > 0))
