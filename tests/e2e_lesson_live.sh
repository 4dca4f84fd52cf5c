#!/usr/bin/env bash
# The classroom features of the live view, in a private tmux server:
# --predict asks for both guesses before the clocks start (asking again
# after a bad one), narrates each guess beside the model and the measured
# total as its exhibition ends, and prints the table on exit;
# e writes simul-<seed>-<time>.svg here and says so; --record saves a
# session (pauses, steps, a policy switch, a restart) that `simul replay
# --headless` plays to the same end state, and a live replay plays it on
# screen; a recording of another version is refused with exit 2.
#
# usage: bash tests/e2e_lesson_live.sh /path/to/simul
set -euo pipefail

BIN=$(cd "$(dirname "${1:?usage: e2e_lesson_live.sh /path/to/simul}")" && pwd)/$(basename "$1")
. "$(dirname "$0")/e2e_common.sh"
need_tools tmux
TMUX_CMD=(tmux -L "simul_lesson_$$")
S=lesson
WORK=$(mktemp -d)

cleanup() {
	"${TMUX_CMD[@]}" kill-server >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

screen() { "${TMUX_CMD[@]}" capture-pane -t "$S" -p; }
fail() {
	echo "e2e_lesson_live: FAIL: $*" >&2
	screen >&2 || true
	exit 1
}
# wait_for PATTERN [SECONDS]: polls the screen every 0.1 s for an extended regex.
wait_for() {
	local i
	for ((i = 0; i < ${2:-5} * 10; i++)); do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.1
	done
	fail "\"$1\" did not appear within ${2:-5}s"
}
keys() { "${TMUX_CMD[@]}" send-keys -t "$S" "$@"; }

"${TMUX_CMD[@]}" -f /dev/null new-session -d -s "$S" -x 160 -y 50 -c "$WORK" \
	"env -i HOME=\"$HOME\" PATH=\"$PATH\" TERM=screen-256color LANG=C.UTF-8 bash --norc --noprofile"
keys "PS1='READY\$ '" Enter
wait_for '^READY'

# Predict: two guesses (one mistyped), a short run, the comparison on exit.
keys "clear; '$BIN' live --predict --chess off --boards 2 --moves 2 --speed 20000" Enter
wait_for 'the sync total'
keys "4m" Enter
wait_for 'the async total'
keys "soon" Enter
wait_for '"soon" is not a duration'
keys "2m" Enter
wait_for 'SYNC'
keys f
wait_for 'ready: your guess 0:02:00, model 0:02:05, measured 0:02:05: 0:00:05 short'
wait_for 'sync: your guess 0:04:00, model 0:04:00, measured 0:04:00: exact'
keys q
wait_for '^READY' 10
screen | grep -Eq '^sync +0:04:00 +0:04:00 +0:04:00 +exact$' || fail "sync row"
screen | grep -Eq '^ready +0:02:00 +0:02:05 +0:02:05 +0:00:05 short \(-4\.0%\)$' || fail "ready row"
# Record: pause, three steps, resume, a picture, the other policy, a new
# seed, fast-forward, quit.
keys "clear; '$BIN' --record rec.txt --chess off --boards 6 --moves 5 --speed 120" Enter
wait_for 'SYNC'
sleep 0.5
keys Space
sleep 0.3
keys s s s
sleep 0.3
keys Space
sleep 0.4
keys e
wait_for 'wrote simul-1-[0-9]{8}-[0-9]{6}\.svg'
keys p
sleep 0.4
keys Space
sleep 0.2
keys s s
keys r
sleep 0.3
keys f
sleep 0.3
keys q
wait_for '^READY' 10
[ -s "$WORK/rec.txt" ] || fail "no recording"
ls "$WORK"/simul-1-*.svg >/dev/null 2>&1 || fail "e wrote no picture"
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$WORK"/simul-1-*.svg ||
	fail "the e picture is not XML"
grep -c '^key ' "$WORK/rec.txt" | grep -qx 13 || fail "not 13 keys: $(cat "$WORK/rec.txt")"

# Headless replay: the same end state, exit 0.
(cd "$WORK" && "$BIN" replay rec.txt --headless >replay.out) ||
	fail "headless replay: $(cat "$WORK/replay.out")"
grep -q '^the replay ends as the recording did$' "$WORK/replay.out" || fail "replay differs"
grep -q '^replayed 13 keys, seed 2$' "$WORK/replay.out" || fail "$(cat "$WORK/replay.out")"
# The end state is checked, not assumed: a changed one is reported, exit 1.
sed 's/^state sync 1 /state sync 1 1/' "$WORK/rec.txt" >"$WORK/bad.txt"
rc=0
(cd "$WORK" && "$BIN" replay bad.txt --headless >bad.out) || rc=$?
[ $rc -eq 1 ] || fail "a changed end state replayed with exit $rc"
grep -q 'differs from the recording' "$WORK/bad.out" || fail "no difference shown"

# Another version or format: refused, one line, exit 2.
sed '2s/.*/simul 0.0.1/' "$WORK/rec.txt" >"$WORK/old.txt"
rc=0
"$BIN" replay "$WORK/old.txt" --headless >/dev/null 2>"$WORK/err" || rc=$?
[ $rc -eq 2 ] || fail "an old recording replayed with exit $rc"
grep -q 'was recorded by simul 0.0.1; this is simul' "$WORK/err" || fail "$(cat "$WORK/err")"
sed '1s/.*/simul-recording 9/' "$WORK/rec.txt" >"$WORK/new.txt"
rc=0
"$BIN" replay "$WORK/new.txt" >/dev/null 2>"$WORK/err" || rc=$?
[ $rc -eq 2 ] && grep -q 'a recording of format 9' "$WORK/err" || fail "format 9: $rc $(cat "$WORK/err")"

# A live replay at 4 times the pace plays the keys on screen and ends with q.
keys "clear; '$BIN' replay rec.txt --speed 4" Enter
wait_for 'replaying a recording'
wait_for '^READY' 15
echo "e2e_lesson_live: ok"
