#!/usr/bin/env bash
# A short exhibition against Stockfish (apt-get install stockfish) on each
# clock: every game is played to the move limit or a rule, the opponents
# carry Stockfish's "id name", the PGN is valid, and no engine is left.
# Skipped (exit 0, said so) where Stockfish is not installed.
# Usage: bash tests/e2e_stockfish.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_stockfish.sh /path/to/simul}
SF=$(command -v stockfish || echo /usr/games/stockfish)
[ -x "$SF" ] || { echo "e2e_stockfish: no stockfish, skipped"; exit 0; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
PE=$(command -v pgn-extract || echo /usr/games/pgn-extract)
# Stockfish takes no arguments to tag it by: env puts a tag in its environment.
TAG=SIMUL_E2E_TAG=$$
left() { grep -l -s "$TAG" /proc/[0-9]*/environ | wc -l; }

for clock in "virtual" "live --speed 100000" "${EXTRA_CLOCK:-}"; do
	[ -n "$clock" ] || continue
	name=${clock%% *}
	"$SIMUL" run --boards 4 --moves 4 --opponents "uci:env $TAG $SF?Threads=1&Hash=16" --engine-limit nodes=2000 \
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
# Same moves on both clocks is promised only given the engine's moves: an
# external engine may vary (the fake engine's runs in e2e_engines must not).
[ $fails = 0 ] && echo "e2e_stockfish: all passed"
exit $((fails > 0))
