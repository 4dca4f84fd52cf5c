#!/usr/bin/env bash
# Runs every libFuzzer harness for a fixed budget and prints how many
# inputs each one executed. New interesting inputs go to a scratch corpus
# (the committed corpora are only read); a crash or failed property leaves
# its input in the scratch folder and makes the script fail, naming it:
# copy it into tests/fuzz/<name>/regress/ once the bug is fixed.
# Usage: bash tests/fuzz/run.sh [SECONDS per harness, default 15] [BUILD dir, default build-fuzz]
#   (build first: cmake --preset fuzz && cmake --build --preset fuzz -j2)
set -u
SECONDS_EACH=${1:-15}
BUILD=${2:-build-fuzz}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fails=0
for dir in "$HERE"/*/; do
	name=$(basename "$dir")
	bin="$BUILD/tests/fuzz/fuzz_$name"
	[ -x "$bin" ] || { echo "fuzz: $bin not built"; fails=$((fails + 1)); continue; }
	mkdir -p "$WORK/$name/corpus" "$WORK/$name/crash"
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
		fails=$((fails + 1))
	else
		echo "fuzz_$name: ${execs:-?} executions in ${SECONDS_EACH} s, no failure"
	fi
done
exit $((fails > 0))
