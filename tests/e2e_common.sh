# Sourced by the end-to-end scripts.
#
# need_tools TOOL... exits 77 (ctest shows the test as skipped, never as
# passed) when one of them is missing. Debian puts some in /usr/games. The
# README's test command installs them.
need_tools() {
	local t
	for t in "$@"; do
		if ! command -v "$t" >/dev/null 2>&1 && [ ! -x "/usr/games/$t" ]; then
			echo "SKIP: $t is not installed (the README's test command installs it)"
			exit 77
		fi
	done
}

# e2e_scratch: a scratch folder $TMP removed on exit, and fail MESSAGE,
# which reports a failed check and counts it in $fails, so a script runs
# every check and ends with `exit $((fails > 0))`.
e2e_scratch() {
	TMP=$(mktemp -d)
	trap 'rm -rf "$TMP"' EXIT
	fails=0
}
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
