#!/usr/bin/env bash
# End-to-end test of `simul match`: the counts add up, the score and Elo
# follow from them, the same seed plays the same match, the profiles keep
# their promised strength order (issue: master >= 90% vs club, club >= 80%
# vs beginner over 100 games), and bad input is one line with exit code 2.
# Usage: e2e_match.sh path/to/simul
set -uo pipefail
simul=${1:?usage: e2e_match.sh path/to/simul}
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# score_of OUTPUT -> "wins draws losses percent"
score_of() {
	sed -nE 's/^[a-z]+: \+([0-9]+) =([0-9]+) -([0-9]+)  score ([0-9.]+)%$/\1 \2 \3 \4/p' <<<"$1"
}

# match WHITE BLACK GAMES MIN_PERCENT
match() {
	local out w d l pct
	out=$("$simul" match --white "$1" --black "$2" --games "$3" --seed 1) || {
		fail "match $1 vs $2 exited $?"
		return
	}
	read -r w d l pct <<<"$(score_of "$out")"
	if [[ -z ${pct:-} ]]; then
		fail "$1 vs $2: no score line in: $out"
		return
	fi
	((w + d + l == $3)) || fail "$1 vs $2: $w+$d+$l is not $3 games"
	# score = (wins + draws/2) / games, printed with one decimal
	local want
	want=$(awk -v w="$w" -v d="$d" -v n="$3" 'BEGIN { printf "%.1f", 100 * (w + d / 2) / n }')
	[[ $pct == "$want" ]] || fail "$1 vs $2: score $pct% but $w/$d/$l makes $want%"
	awk -v p="$pct" -v m="$4" 'BEGIN { exit !(p >= m) }' ||
		fail "$1 vs $2: scored $pct%, below the promised $4%"
	grep -Eq '^Elo difference: ' <<<"$out" || fail "$1 vs $2: no Elo line"
	echo "$1 vs $2: +$w =$d -$l ($pct%)"
}

# The strength promises are statistics of the engine over 100 games each,
# not a memory-safety question, and five times slower under a sanitizer:
# the sanitized run (SIMUL_SANITIZED, the asan test preset) leaves them to
# the release run and plays the small matches below, the same code.
if [[ -z ${SIMUL_SANITIZED:-} ]]; then
	match master club 100 90
	match club beginner 100 80
else
	match master club 6 0
fi

strip_time() { sed -E 's/, [0-9.]+ s$//' <<<"$1"; }
a=$("$simul" match --white club --black club --games 6 --seed 7)
b=$("$simul" match --white club --black club --games 6 --seed 7)
[[ $(strip_time "$a") == "$(strip_time "$b")" ]] || fail "same seed gave different matches"
# --workers: the games on 1 or 3 processes, the same match (each game's
# outcome depends on its number alone).
for wk in 1 3; do
	m[$wk]=$("$simul" match --white club --black beginner --games 15 --seed 5 --max-plies 30 --workers $wk) ||
		fail "match --workers $wk exited $?"
done
[[ $(strip_time "${m[1]}") == "$(strip_time "${m[3]}")" ]] || fail "--workers 3 played another match"

for bad in "--games 0" "--games x" "--white nobody" "--seed -1" "--bogus"; do
	# shellcheck disable=SC2086
	err=$("$simul" match $bad 2>&1 >/dev/null)
	rc=$?
	[[ $rc -eq 2 ]] || fail "match $bad exited $rc, not 2"
	[[ $(wc -l <<<"$err") -eq 1 ]] || fail "match $bad: not one line: $err"
done

if ((failures)); then
	echo "$failures failure(s)"
	exit 1
fi
echo "e2e_match: all passed"
