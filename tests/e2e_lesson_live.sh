#!/usr/bin/env bash
# The classroom features of the live view, in a private tmux server:
# --predict asks for both guesses before the clocks start (asking again
# after a bad one) and prints guess, model, measured and error on exit.
#
# usage: bash tests/e2e_lesson_live.sh /path/to/simul
set -euo pipefail

BIN=$(cd "$(dirname "${1:?usage: e2e_lesson_live.sh /path/to/simul}")" && pwd)/$(basename "$1")
. "$(dirname "$0")/need_tools.sh"
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
sleep 1
keys q
wait_for '^READY' 10
screen | grep -Eq '^sync +0:04:00 +0:04:00 +0:04:00 +exact$' || fail "sync row"
screen | grep -Eq '^ready +0:02:00 +0:02:05 +0:02:05 +0:00:05 short \(-4\.0%\)$' || fail "ready row"
echo "e2e_lesson_live: ok"
