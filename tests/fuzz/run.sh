#!/usr/bin/env bash
# Runs every libFuzzer harness for a fixed budget and prints how many
# inputs each one executed. New interesting inputs go to a scratch corpus
# (the committed corpora are only read); a crash or failed property leaves
# its input in the scratch folder and makes the script fail, naming it:
# copy it into tests/fuzz/<name>/regress/ once the bug is fixed.
# The harnesses run side by side, one per core: each is single-threaded,
# so on two cores six of them take three budgets, not six.
# Usage: bash tests/fuzz/run.sh [SECONDS per harness, default 15] [BUILD dir, default build-fuzz] [JOBS, default: the cores]
#   (build first: cmake --preset fuzz && cmake --build --preset fuzz -j2)
set -u
SECONDS_EACH=${1:-15}
BUILD=${2:-build-fuzz}
JOBS=${3:-$(nproc)}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# One harness: its report (and the crash, if any) goes to $WORK/<name>/report.
fuzz_one() {
	local name=$1 dir=$2 bin=$3 rc execs
	"$bin" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$WORK/$name/crash/" "$WORK/$name/corpus" "$dir/seed" "$dir/regress" \
		>"$WORK/$name/log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/$name/log")
	if [ $rc != 0 ]; then
		echo "fuzz_$name: FAILED (exit $rc) after ${execs:-?} executions"
		grep -m3 -E 'ERROR|property failed|runtime error' "$WORK/$name/log"
		for c in "$WORK/$name/crash"/*; do
			[ -e "$c" ] && { echo "  input:"; od -c "$c" | head -8; }
		done
		touch "$WORK/$name/failed"
	else
		echo "fuzz_$name: ${execs:-?} executions in ${SECONDS_EACH} s, no failure"
	fi >"$WORK/$name/report"
}

names=()
for dir in "$HERE"/*/; do
	name=$(basename "$dir")
	bin="$BUILD/tests/fuzz/fuzz_$name"
	mkdir -p "$WORK/$name/corpus" "$WORK/$name/crash"
	names+=("$name")
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin not built" >"$WORK/$name/report"
		touch "$WORK/$name/failed"
		continue
	fi
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
		wait -n
	done
	fuzz_one "$name" "$dir" "$bin" &
done
wait
fails=0
for name in "${names[@]}"; do
	cat "$WORK/$name/report"
	[ -e "$WORK/$name/failed" ] && fails=$((fails + 1))
done
exit $((fails > 0))
