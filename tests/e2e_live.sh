#!/usr/bin/env bash
# The live view end to end: the real program in a detached tmux session (a
# private tmux server, 200x60), driven with send-keys and read back with
# capture-pane. Checks: both exhibition clocks advance; space pauses them
# (two captures apart in time are equal); + doubles the speed shown; g shows
# GREEDY and says why; ? shows the help; a 40x12 window shows the too-small message; q gives the shell
# its prompt back; Ctrl-C, SIGHUP, SIGQUIT and SIGTERM (exit 128+N) restore
# the terminal and with --pgn keep the games; --blocking-opponent 1
# shows BLOCKED. Every wait polls the screen up to a timeout.
#
# usage: bash tests/e2e_live.sh /path/to/simul
set -euo pipefail

BIN=${1:?usage: e2e_live.sh /path/to/simul}
SOCK="simul_e2e_$$"
SESSION=live
PROMPT='E2E_PROMPT_READY'
TMUX_CMD=(tmux -L "$SOCK")

. "$(dirname "$0")/e2e_common.sh"
need_tools tmux

cleanup() {
	"${TMUX_CMD[@]}" kill-server >/dev/null 2>&1 || true
}
trap cleanup EXIT

fail() {
	echo "e2e_live: FAIL: $*" >&2
	echo "----- screen -----" >&2
	"${TMUX_CMD[@]}" capture-pane -t "$SESSION" -p >&2 || true
	exit 1
}

screen() {
	"${TMUX_CMD[@]}" capture-pane -t "$SESSION" -p
}

# wait_for PATTERN [SECONDS]: polls the screen every 0.1 s for an extended regex.
wait_for() {
	local pattern=$1 limit=${2:-5} i
	for ((i = 0; i < limit * 10; i++)); do
		if screen | grep -Eq -- "$pattern"; then
			return 0
		fi
		sleep 0.1
	done
	fail "\"$pattern\" did not appear within ${limit}s"
}

# The two exhibition clocks on the header line: "SYNC ... 0:01:02 │ ASYNC ... 0:01:02".
clocks() {
	screen | grep -E ' SYNC ' | head -1 | grep -oE '[0-9]+:[0-9]{2}:[0-9]{2}' | tr '\n' ' '
}

"${TMUX_CMD[@]}" -f /dev/null new-session -d -s "$SESSION" -x 200 -y 60 \
	"env -i HOME=\"$HOME\" PATH=\"$PATH\" TERM=screen-256color LANG=C.UTF-8 bash --norc --noprofile"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" "PS1='${PROMPT}\$ '" Enter
wait_for "^${PROMPT}"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" "clear; '$BIN' --speed 60" Enter
wait_for ' SYNC .* ASYNC ' 5

# Both clocks advance: wait until each has moved past its first reading.
first=$(clocks)
read -r s1 a1 <<<"$first"
[[ -n "${s1:-}" && -n "${a1:-}" ]] || fail "no clocks on the header line"
moved=0
for ((i = 0; i < 50; i++)); do
	read -r s2 a2 <<<"$(clocks)"
	if [[ "$s2" != "$s1" && "$a2" != "$a1" ]]; then
		moved=1
		break
	fi
	sleep 0.1
done
((moved)) || fail "clocks did not advance: $first -> $s2 $a2"
echo "e2e_live: clocks advance ($s1 -> $s2, $a1 -> $a2)"

# Space pauses: the banner shows and two captures half a second apart are equal
# but for the top bar, whose heartbeat goes on turning: the loop is alive.
"${TMUX_CMD[@]}" send-keys -t "$SESSION" Space
wait_for 'PAUSED *$' 3
sleep 0.3
before=$(screen | tail -n +2)
sleep 0.6
after=$(screen | tail -n +2)
[[ "$before" == "$after" ]] || fail "the screen changed while paused"
echo "e2e_live: pause freezes the screen ($(clocks))"

# + doubles the speed shown.
wait_for 'speed 60× ' 2
"${TMUX_CMD[@]}" send-keys -t "$SESSION" +
wait_for 'speed 120× ' 3
echo "e2e_live: + doubles the speed"

# g flips the search to greedy: the marker, the notice and the line on the loop
# say so (the totals do not change); g again slices it.
"${TMUX_CMD[@]}" send-keys -t "$SESSION" g
wait_for ' GREEDY .*speed ' 3
wait_for 'greedy: the search runs in one go inside a timer callback' 2
wait_for 'loop: stall .* GREEDY: each search runs in one go inside a callback' 1
wait_for 'simulated totals do not change' 1
"${TMUX_CMD[@]}" send-keys -t "$SESSION" g
wait_for 'sliced again: the search runs in slices' 3
screen | head -1 | grep -q ' GREEDY ' && fail "GREEDY still shown after the second g"
echo "e2e_live: g shows GREEDY and says why, g again slices"

# ? opens the help, any key closes it.
"${TMUX_CMD[@]}" send-keys -t "$SESSION" '?'
wait_for 'simul: help' 3
wait_for 'any key closes this help' 1
"${TMUX_CMD[@]}" send-keys -t "$SESSION" x
for ((i = 0; i < 30; i++)); do
	screen | grep -q 'simul: help' || break
	sleep 0.1
done
screen | grep -q 'simul: help' && fail "help did not close"
echo "e2e_live: ? shows the help"

# A window too small says what it needs.
"${TMUX_CMD[@]}" resize-window -t "$SESSION" -x 40 -y 12
wait_for 'make the window at least 60×16' 3
wait_for '\(it is 40×12\)' 1
"${TMUX_CMD[@]}" resize-window -t "$SESSION" -x 120 -y 40
wait_for ' SYNC .* ASYNC ' 3
echo "e2e_live: 40x12 shows the too-small message, 120x40 the view again"

# q restores the terminal: the shell prompt comes back and simul is gone.
"${TMUX_CMD[@]}" send-keys -t "$SESSION" q
wait_for "^${PROMPT}" 5
"${TMUX_CMD[@]}" send-keys -t "$SESSION" 'echo "exit=$?"' Enter
wait_for '^exit=0$' 3
screen | grep -q ' SYNC ' && fail "the live view is still on screen after q"
echo "e2e_live: q gives the prompt back (exit 0)"

# The heartbeat (the spinner at the top left) turns once per frame drawn,
# and the details line (d) gives the longest gap between two frames of the
# last few seconds: how long the heartbeat stood still. That figure is the
# program's own; sampling the glyph from here would alias on a loaded
# machine (ten glyphs at 30 frames a second come round every 333 ms, and a
# capture can take that long). Cooperative, the loop never stalls for long;
# greedy, a master's move holds it for at least 1.2 s; cooperative again,
# smooth again (the figures start afresh at each g). The bound of 400 ms
# leaves room for an ASan build on a loaded machine.
beat() {
	screen | head -1 | awk '{print $1}'
}

# stall_ms: the stall the details line shows, in whole ms.
stall_ms() {
	screen | grep -oE 'stall [0-9.]+ m?s' | head -1 |
		awk '{ v = $2; if ($3 == "s") v *= 1000; printf "%d\n", v }'
}

# worst_stall SECONDS: the largest stall shown while sampling that long.
worst_stall() {
	local end=$((SECONDS + $1)) v best=0
	while ((SECONDS < end)); do
		v=$(stall_ms)
		[[ -n "$v" ]] || fail "no stall figure on the details line"
		((v > best)) && best=$v
		sleep 0.2
	done
	echo "$best"
}

"${TMUX_CMD[@]}" send-keys -t "$SESSION" "clear; '$BIN' --speed 60" Enter
wait_for ' SYNC .* ASYNC ' 5
first=$(beat)
turned=0
for ((i = 0; i < 30; i++)); do
	sleep 0.1
	[[ "$(beat)" != "$first" ]] && turned=1 && break
done
((turned)) || fail "the heartbeat did not turn in 3 s"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" d
wait_for 'stall .* search in slices' 3
still=$(worst_stall 4)
((still <= 400)) || fail "the loop stalled for $still ms without greedy"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" g
wait_for ' GREEDY ' 3
frozen=0
for ((i = 0; i < 40 && frozen < 900; i++)); do
	frozen=$(stall_ms)
	sleep 0.2
done
((frozen >= 900)) || fail "greedy: the loop stalled only $frozen ms (< 900)"
echo "e2e_live: greedy stalls the loop for $frozen ms; cooperative: at most $still ms"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" g
wait_for 'sliced again' 3
sleep 0.5
still=$(worst_stall 4)
((still <= 400)) || fail "the loop stalled for $still ms after greedy went off"
echo "e2e_live: g again: the loop is smooth again (longest stall: $still ms)"

# m shows the model with the article's numbers; b blocks the focused board.
"${TMUX_CMD[@]}" send-keys -t "$SESSION" m
wait_for '24 × 30 × \(5 s \+ 55 s\) = 12:00:00' 3
wait_for '29 × 2 min \+ 23 × 5 s \+ 5 s \+ 55 s = 1:00:55' 1
"${TMUX_CMD[@]}" send-keys -t "$SESSION" m
echo "e2e_live: m shows 12:00:00 and 1:00:55 worked out"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" b
wait_for 'board 1 blocks: once the master moves there' 3
wait_for 'BLOCKED at board 1' 10
"${TMUX_CMD[@]}" send-keys -t "$SESSION" l
wait_for 'blocked: nothing runs' 10
echo "e2e_live: b blocks board 1; the loop panel says blocked: nothing runs"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" q
wait_for "^${PROMPT}" 5

# Every other visible key, one effect each, on a 200x60 window. club plays
# the master: f plays both exhibitions out at once, 27 s of master's search
# under ASan, and the keys do the same whoever plays.
"${TMUX_CMD[@]}" resize-window -t "$SESSION" -x 200 -y 60
"${TMUX_CMD[@]}" send-keys -t "$SESSION" "clear; '$BIN' --master club --speed 60" Enter
wait_for ' SYNC .* ASYNC ' 5
"${TMUX_CMD[@]}" send-keys -t "$SESSION" -
wait_for 'speed 30× ' 3
"${TMUX_CMD[@]}" send-keys -t "$SESSION" s
wait_for 'PAUSED *$' 3
wait_for 'the event loop \(asyncio: loop._ready, loop._scheduled\)' 3
"${TMUX_CMD[@]}" send-keys -t "$SESSION" s
wait_for 'running: |the loop runs the next callback|reply timer' 3
echo "e2e_live: - halves the speed; s pauses, steps and shows the loop panel"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" d
wait_for 'loop: stall .* search in slices' 3
"${TMUX_CMD[@]}" send-keys -t "$SESSION" Enter
wait_for 'board 1  sync' 3
"${TMUX_CMD[@]}" send-keys -t "$SESSION" Escape
"${TMUX_CMD[@]}" send-keys -t "$SESSION" p
wait_for 'now round-robin: the same total here' 5
wait_for 'ASYNC  round-robin' 3
"${TMUX_CMD[@]}" send-keys -t "$SESSION" r
wait_for 'restarted with seed 2' 5
wait_for 'seed 2' 1
echo "e2e_live: d shows the details line, Enter zooms, p switches the policy and says why the totals agree, r restarts"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" f
wait_for 'finished *$' 30
wait_for 'fast-forwarded: every exhibition played to its end' 1
n=$(screen | grep -c 'fast-forwarded')
[[ "$n" == 1 ]] || fail "the fast-forward notice is shown $n times"
echo "e2e_live: f finishes both exhibitions; the header says finished, the notice once"
"${TMUX_CMD[@]}" send-keys -t "$SESSION" q
wait_for "^${PROMPT}" 5

# Ctrl-C restores the terminal too, and --pgn keeps the games so far ("*").
PGN=$(mktemp -d)/live.pgn
"${TMUX_CMD[@]}" send-keys -t "$SESSION" "clear; '$BIN' --pgn '$PGN' --speed 600" Enter
wait_for ' SYNC .* ASYNC ' 5
sleep 0.5
"${TMUX_CMD[@]}" send-keys -t "$SESSION" C-c
wait_for "^${PROMPT}" 5
"${TMUX_CMD[@]}" send-keys -t "$SESSION" 'echo "exit=$?"' Enter
wait_for '^exit=130$' 3
[[ -s "$PGN" ]] || fail "--pgn wrote nothing on Ctrl-C"
grep -q '^\[Result "\*"\]' "$PGN" || fail "no unfinished game (*) in $PGN"
grep -q '^\[Board "24"\]' "$PGN" || fail "board 24 missing from $PGN"
echo "e2e_live: Ctrl-C gives the prompt back and writes $(grep -c '^\[Event ' "$PGN") games"
rm -rf "$(dirname "$PGN")"

# SIGHUP (terminal closed), SIGQUIT (Ctrl-\) and SIGTERM are stops like
# Ctrl-C: exit 128+N, alternate screen, mouse reporting and keypad mode
# off again, and the games so far in --pgn.
modes() {
	"${TMUX_CMD[@]}" display -p -t "$SESSION" '#{alternate_on}#{mouse_any_flag}#{keypad_flag}'
}
DIR=$(mktemp -d)
for sig in HUP QUIT TERM; do
	"${TMUX_CMD[@]}" send-keys -t "$SESSION" \
		"clear; sh -c 'echo \$\$ >$DIR/pid; exec \"\$0\" --pgn $DIR/$sig.pgn --speed 600' '$BIN'" Enter
	wait_for ' SYNC .* ASYNC ' 5
	[[ "$(modes)" == 111 ]] || fail "SIG$sig: the view is on but alternate/mouse/keypad are $(modes), not 111"
	kill -"$sig" "$(cat "$DIR/pid")"
	wait_for "^${PROMPT}" 5
	want=$((128 + $(kill -l "$sig")))
	"${TMUX_CMD[@]}" send-keys -t "$SESSION" 'echo "exit=$?"' Enter
	wait_for "^exit=${want}\$" 3
	[[ "$(modes)" == 000 ]] || fail "SIG$sig left alternate/mouse/keypad at $(modes), not 000"
	grep -q '^\[Board "24"\]' "$DIR/$sig.pgn" || fail "SIG$sig: no games in --pgn"
	echo "e2e_live: SIG$sig restores the terminal, exit $want, $(grep -c '^\[Event ' "$DIR/$sig.pgn") games kept"
done
rm -rf "$DIR"

# A blocking opponent at board 1: the header says BLOCKED while he is (the
# view draws that frame before the callback really sleeps).
"${TMUX_CMD[@]}" send-keys -t "$SESSION" "clear; '$BIN' --blocking-opponent 1 --speed 600" Enter
wait_for 'BLOCKED at board 1' 10
wait_for '╳ blocked' 3
"${TMUX_CMD[@]}" send-keys -t "$SESSION" q
wait_for "^${PROMPT}" 5
echo "e2e_live: --blocking-opponent 1 shows BLOCKED"
echo "e2e_live: PASS"
