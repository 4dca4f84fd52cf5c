#!/usr/bin/env bash
# End to end: a UCI client nobody here wrote plays whole games against
# `simul uci`. Debian's polyglot (a UCI-to-xboard adapter with its own move
# generator) hosts the engine; we speak xboard to polyglot and say "go" after
# every move, so the engine plays both sides. polyglot checks every bestmove
# against its own board and resigns the game on an illegal one; we fail on
# that, on any error, and on a silence of 30 s. When pgn-extract is there it
# replays each game as a second, independent legality check.
#
# usage: bash tests/e2e_uci.sh /path/to/simul
set -euo pipefail

SIMUL=${1:?usage: e2e_uci.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools polyglot
POLYGLOT=$(command -v polyglot || echo /usr/games/polyglot)
PGN_EXTRACT=$(command -v pgn-extract || true)
[ -z "$PGN_EXTRACT" ] && [ -x /usr/games/pgn-extract ] && PGN_EXTRACT=/usr/games/pgn-extract

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# play_game SKILL DEPTH MAX_PLIES: one game, engine against itself.
play_game() {
	local skill=$1 depth=$2 max=$3 plies=0 moves="" result="" line n
	coproc PG { "$POLYGLOT" -noini -ec "$SIMUL uci" -uci "Skill=$skill" 2>&1; }
	local in=${PG[1]} out=${PG[0]} pid=$PG_PID

	printf 'xboard\nprotover 2\nnew\nsd %d\ngo\n' "$depth" >&"$in"
	while [ "$plies" -lt "$max" ]; do
		IFS= read -r -t 30 -u "$out" line || fail "$skill: no answer within 30 s after $plies plies (moves:$moves)"
		line=${line%$'\r'}
		case "$line" in
		move\ *)
			moves="$moves ${line#move }"
			plies=$((plies + 1))
			printf 'go\n' >&"$in"
			;;
		*[Ii]llegal* | *[Ee]rror* | tellusererror*)
			fail "$skill: polyglot says: $line (moves:$moves)"
			;;
		1-0* | 0-1* | 1/2-1/2*)
			result=${line%% *}
			break
			;;
		esac
	done
	# A game that ends on the cap's last move: polyglot's result follows it.
	while [ -z "$result" ] && IFS= read -r -t 2 -u "$out" line; do
		line=${line%$'\r'}
		case "$line" in
		1-0* | 0-1* | 1/2-1/2*) result=${line%% *} ;;
		move\ *) break ;;
		esac
	done
	printf 'quit\n' >&"$in" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ "$plies" -gt 0 ] || fail "$skill: the engine never moved"
	echo "$skill (depth $depth): $plies plies, result ${result:-unfinished (cap $max)}"
	{
		printf '[Event "e2e %s"]\n[White "simul"]\n[Black "simul"]\n[Result "%s"]\n\n' "$skill" "${result:-*}"
		n=0
		for m in $moves; do
			[ $((n % 2)) -eq 0 ] && printf '%d. ' $((n / 2 + 1))
			printf '%s ' "$m"
			n=$((n + 1))
		done
		printf '%s\n\n' "${result:-*}"
	} >>"$WORK/games.pgn"
}

play_game master 3 160
play_game club 3 200
play_game beginner 2 240
play_game random 1 400

if [ -n "$PGN_EXTRACT" ]; then
	"$PGN_EXTRACT" -s "$WORK/games.pgn" >"$WORK/san.pgn" 2>"$WORK/pgn-extract.err"
	if [ -s "$WORK/pgn-extract.err" ]; then
		cat "$WORK/pgn-extract.err" >&2
		fail "pgn-extract rejects a move"
	fi
	[ "$(grep -c '^\[Event' "$WORK/san.pgn")" -eq 4 ] || fail "pgn-extract did not read all four games"
	echo "pgn-extract replayed all four games"
fi
echo "ok: every move legal"
