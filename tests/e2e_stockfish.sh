#!/usr/bin/env bash
# A short exhibition against Stockfish (apt-get install stockfish) on each
# clock: every game is played to the move limit or a rule, the opponents
# carry Stockfish's "id name", the PGN is valid, and no engine is left.
# Skipped (exit 0, said so) where Stockfish is not installed.
# Usage: bash tests/e2e_stockfish.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_stockfish.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools stockfish
SF=$(command -v stockfish || echo /usr/games/stockfish)
e2e_scratch
PE=$(command -v pgn-extract || echo /usr/games/pgn-extract)
# Stockfish takes no arguments to tag it by: env puts a tag in its environment.
TAG=SIMUL_E2E_TAG=$$
left() { grep -l -s "$TAG" /proc/[0-9]*/environ | wc -l; }

# The real clock at 1000x: a master move (5 s) is 5 ms of real time. club
# plays the master's side: its 1,500-node search fits in that even in an
# ASan build on a loaded machine, where master's 22,500 lagged the real
# clock by minutes (simulated) and blurred sync against ready below.
for clock in "virtual" "live --speed 100000" "real --speed 1000"; do
	name=${clock%% *}
	"$SIMUL" run --boards 4 --moves 4 --master club --opponents "uci:env $TAG $SF?Threads=1&Hash=16" --engine-limit nodes=2000 \
		--clock $clock --pgn "$TMP/$name.pgn" >"$TMP/$name.txt" 2>&1 || fail "$name: exit $?"
	[ "$(grep -c '^\[Black "Stockfish' "$TMP/$name.pgn")" = 8 ] || fail "$name: Black is not Stockfish"
	grep -q "engine fault" "$TMP/$name.txt" && fail "$name: $(grep 'engine fault' "$TMP/$name.txt")"
	grep -q '^\[Termination "\(abandoned\|time forfeit\|rules infraction\)"' "$TMP/$name.pgn" && fail "$name: a forfeit"
	if [ -x "$PE" ]; then
		out=$("$PE" -r "$TMP/$name.pgn" 2>&1)
		echo "$out" | grep -q "8 games matched out of 8" || fail "$name: pgn-extract: $out"
	fi
	[ "$(left)" = 0 ] || fail "$name: $(left) stockfish left"
done
# The real clock: measured beside the model, never below it (every event
# comes at its real time, no earlier than planned); sync waits on each
# engine in turn, so it is the longer by far.
python3 - "$TMP/real.txt" <<'PY' || fail "real clock figures: $(grep 'real clock' "$TMP/real.txt")"
import re, sys
got = {}
for m in re.finditer(r"real clock, run 1 (\w+): measured ([\d:]+), model ([\d:]+) \(\+?(-?[\d.]+) s", open(sys.argv[1]).read()):
    sec = lambda t: sum(int(x) * 60 ** i for i, x in enumerate(reversed(t.split(":"))))
    got[m.group(1)] = (sec(m.group(2)), sec(m.group(3)), float(m.group(4)))
assert set(got) == {"sync", "ready"}, got
for pol, (meas, model, diff) in got.items():
    assert diff >= 0 and meas >= model, (pol, meas, model, diff)
assert got["sync"][0] > 2 * got["ready"][0], got
PY
# Same moves on both clocks is promised only given the engine's moves: an
# external engine may vary (the fake engine's runs in e2e_engines must not).
[ $fails = 0 ] && echo "e2e_stockfish: all passed"
exit $((fails > 0))
