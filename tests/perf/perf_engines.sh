#!/usr/bin/env bash
# Figures for external engines (not a test): N fake engines (tests/fake_uci)
# as the opponents of one loop. Prints, for each run, the wall and CPU time
# of simul with its reaped children (the engines), simul's own peak RSS (GNU time's %M is the
# process's own, the engines are separate processes), and the live loop's
# lateness while every engine answers. On a shared machine repeat and take
# the CPU figures.
# Usage: bash tests/perf/perf_engines.sh build-ci/simul [N=1000] [repeats=3]
set -u
SIMUL=${1:?usage: perf_engines.sh /path/to/simul [N] [repeats]}
N=${2:-1000}
R=${3:-3}
FAKE=$(dirname "$SIMUL")/tests/fake_uci
for i in $(seq "$R"); do
	# One move each: start-up (spawn + handshake of all N) dominates.
	/usr/bin/time -f "start+1 move: wall %e s, CPU with engines %U+%S s, simul peak RSS %M kB" \
		"$SIMUL" run --boards "$N" --moves 1 --opponents "uci:$FAKE" --policy ready --quiet \
		>/dev/null
	# Live clock: N engines answering on one loop; the report's lateness line.
	/usr/bin/time -f "live 3 moves: wall %e s, CPU with engines %U+%S s, simul peak RSS %M kB" \
		"$SIMUL" run --boards "$N" --moves 3 --opponents "uci:$FAKE" --policy ready --quiet \
		--clock live --speed 3000 | grep -E "lateness|waited"
done 2>&1
