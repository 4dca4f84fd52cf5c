#!/usr/bin/env bash
# End to end: pondering as a GUI does it. Two polyglot adapters, each
# hosting `simul uci` with pondering on (xboard "hard"), play one game; this
# script relays the moves between them. While one thinks, the other ponders
# on the reply its bestmove named: polyglot sends "go ponder", then
# "ponderhit" when the guess was right, or "stop" and a new search when it
# was not. We fail on any illegal move or error, on a silence of 30 s, and
# unless polyglot's logs show bestmove ... ponder, go ... ponder and ponderhit.
#
# usage: bash tests/e2e_uci_ponder.sh /path/to/simul
set -euo pipefail

SIMUL=${1:?usage: e2e_uci_ponder.sh /path/to/simul}
# shellcheck source=tests/e2e_common.sh
. "$(dirname "$0")/e2e_common.sh"
need_tools polyglot
POLYGLOT=$(command -v polyglot || echo /usr/games/polyglot)

WORK=$(mktemp -d)
WHITE_PID=""
BLACK_PID=""
cleanup() {
	[ -n "$WHITE_PID" ] && kill "$WHITE_PID" 2>/dev/null
	[ -n "$BLACK_PID" ] && kill "$BLACK_PID" 2>/dev/null
	[ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
KEEP=${KEEP:-}

fail() {
	echo "FAIL: $*" >&2
	for f in "$WORK"/*.log; do
		echo "--- $f (last lines)" >&2
		tail -n 20 "$f" >&2
	done
	exit 1
}

MAX_PLIES=60

coproc A { "$POLYGLOT" -noini -ec "$SIMUL uci" -log true -lf "$WORK/white.log" -uci "Skill=master" -uci "Ponder=true" 2>&1; }
A_IN=${A[1]}
A_OUT=${A[0]}
WHITE_PID=$A_PID
# bash warns that coproc A still exists: two at once work, so the warning is silenced.
{ coproc B { "$POLYGLOT" -noini -ec "$SIMUL uci" -log true -lf "$WORK/black.log" -uci "Skill=club" -uci "Ponder=true" 2>&1; }; } 2>/dev/null
B_IN=${B[1]}
B_OUT=${B[0]}
BLACK_PID=$B_PID

# 5 minutes each: the profiles need far less, so the clock never decides.
printf 'xboard\nprotover 2\naccepted usermove\nnew\nhard\nlevel 0 5 0\ngo\n' >&"$A_IN"
printf 'xboard\nprotover 2\naccepted usermove\nnew\nhard\nlevel 0 5 0\n' >&"$B_IN"

# next_move FD NAME: the next "move X" from one side, into MOVE; empty at a game end.
next_move() {
	local fd=$1 name=$2 line
	MOVE=""
	while :; do
		IFS= read -r -t 30 -u "$fd" line || fail "$name: no move within 30 s (moves:$MOVES)"
		line=${line%$'\r'}
		case "$line" in
		move\ *) MOVE=${line#move }; return ;;
		*[Ii]llegal* | *[Ee]rror* | tellusererror*) fail "$name: polyglot says: $line (moves:$MOVES)" ;;
		1-0* | 0-1* | 1/2-1/2*) RESULT=${line%% *}; return ;;
		esac
	done
}

MOVES=""
RESULT=""
plies=0
while [ "$plies" -lt "$MAX_PLIES" ]; do
	next_move "$A_OUT" white
	[ -z "$MOVE" ] && break
	MOVES="$MOVES $MOVE"
	plies=$((plies + 1))
	printf 'usermove %s\n' "$MOVE" >&"$B_IN"
	next_move "$B_OUT" black
	[ -z "$MOVE" ] && break
	MOVES="$MOVES $MOVE"
	plies=$((plies + 1))
	printf 'usermove %s\n' "$MOVE" >&"$A_IN"
done
printf 'quit\n' >&"$A_IN" 2>/dev/null || true
printf 'quit\n' >&"$B_IN" 2>/dev/null || true
wait "$WHITE_PID" 2>/dev/null || true
wait "$BLACK_PID" 2>/dev/null || true
WHITE_PID=""
BLACK_PID=""

[ "$plies" -ge 20 ] || [ -n "$RESULT" ] || fail "only $plies plies (moves:$MOVES)"
cat "$WORK/white.log" "$WORK/black.log" >"$WORK/both.txt"
grep -q 'bestmove [a-h][1-8][a-h][1-8][qrbn]* ponder [a-h][1-8]' "$WORK/both.txt" || fail "no bestmove ... ponder"
grep -Eq 'Adapter->Engine: go .*ponder' "$WORK/both.txt" || fail "polyglot never sent go ... ponder"
grep -q 'ponderhit' "$WORK/both.txt" || fail "no ponderhit in $plies plies"
echo "pondering game: $plies plies, result ${RESULT:-unfinished (cap $MAX_PLIES)}," \
	"$(grep -Ec 'Adapter->Engine: go .*ponder' "$WORK/both.txt") ponder searches, $(grep -c 'ponderhit' "$WORK/both.txt") ponderhits"
echo "ok: every move legal"
