#!/usr/bin/env bash
# End-to-end test of `simul perft`: counts, --divide lines, the closing
# speed line, --help, and one-line errors with exit code 2 for bad input.
# Usage: e2e_perft.sh path/to/simul
set -uo pipefail
simul=${1:?usage: e2e_perft.sh path/to/simul}
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_line DESCRIPTION OUTPUT REGEX
expect_match() {
	if ! grep -Eq -- "$3" <<<"$2"; then
		fail "$1: no line matching /$3/ in:"
		printf '%s\n' "$2" | head -20
	fi
}

out=$("$simul" perft --depth 3) || fail "perft --depth 3 exited $?"
expect_match "startpos depth 3" "$out" '^nodes 8902  time [0-9]+\.[0-9]{3} s  [0-9]+\.[0-9] Mnps$'
[[ $(wc -l <<<"$out") -eq 1 ]] || fail "without --divide only the nodes line is printed"

kiwipete='r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1'
out=$("$simul" perft --fen "$kiwipete" --depth 2 --divide) || fail "divide exited $?"
expect_match "divide castling line" "$out" '^e1g1: 43$'
expect_match "divide castling line" "$out" '^e1c1: 43$'
expect_match "divide ordinary line" "$out" '^e2a6: 36$'
expect_match "divide total" "$out" '^nodes 2039  time '
[[ $(grep -c ': ' <<<"$out") -eq 48 ]] || fail "kiwipete divide has 48 move lines"
[[ $(tail -n 1 <<<"$out") == nodes\ 2039* ]] || fail "the nodes line comes last"

out=$("$simul" perft --fen='8/P1k5/K7/8/8/8/8/8 w - - 0 1' --depth=1 --divide) || fail "--opt=value form exited $?"
expect_match "promotion letters" "$out" '^a7a8q: 1$'
expect_match "promotion letters" "$out" '^a7a8n: 1$'

out=$("$simul" perft --help) || fail "--help exited $?"
expect_match "--help" "$out" '^usage: simul perft'

# bad input: exit 2 and one line on stderr naming the option and value
check_error() {
	local want=$1
	shift
	local err rc
	err=$("$simul" perft "$@" 2>&1 >/dev/null)
	rc=$?
	[[ $rc -eq 2 ]] || fail "perft $* exited $rc, expected 2"
	[[ $(wc -l <<<"$err") -eq 1 ]] || fail "perft $*: expected one line, got: $err"
	grep -Fq -- "$want" <<<"$err" || fail "perft $*: expected \"$want\" in: $err"
}
check_error '--depth: "x" is not a whole number' --depth x
check_error '--depth: "0" is not between 1 and 20' --depth 0
check_error '--depth: "-3" is not between 1 and 20' --depth -3
check_error '--depth: "21" is not between 1 and 20' --depth 21
check_error '--depth: "21" is not between 1 and 20' -d21
check_error '--depth: is required' --fen "$kiwipete"
check_error '--depth: needs a value (D)' --depth
check_error '--bogus: unknown option' --depth 2 --bogus
check_error '"extra": unexpected argument' --depth 2 extra
check_error '--divide: takes no value (got "yes")' --depth 2 --divide=yes
check_error '--fen: "8/8 w - - 0 1": FEN field 1 (placement): "8/8" has 2 ranks, expected 8' \
	--fen '8/8 w - - 0 1' --depth 2
check_error 'FEN field 4 (en passant): "e9" is not a square' \
	--fen 'rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e9 0 1' --depth 1

# getopt conventions: a unique prefix, the short form glued to its value.
out=$("$simul" perft --dep 2 --div) || fail "prefixes exited $?"
expect_match "prefix --dep --div" "$out" '^nodes 400  time '
[[ $(grep -c ': ' <<<"$out") -eq 20 ]] || fail "--div is --divide"
out=$("$simul" perft -d2) || fail "-d2 exited $?"
expect_match "-d2" "$out" '^nodes 400  time '

# stdout that cannot be written is a failure, not a silent success
if [[ -w /dev/full ]]; then
	err=$("$simul" perft --depth 1 2>&1 >/dev/full)
	rc=$?
	[[ $rc -eq 1 ]] || fail "perft >/dev/full exited $rc, expected 1"
	grep -Fq 'simul: writing stdout' <<<"$err" || fail "perft >/dev/full: no message: $err"
fi

if ((failures)); then
	echo "$failures failure(s)"
	exit 1
fi
echo "e2e_perft: all passed"
