#!/usr/bin/env bash
# The lesson guide cannot go stale: every ```sh block of docs/classroom.md
# and docs/worksheet.md is run and must print the figures of the
# "You will see:" line under it (tests/classroom_check.py says how).
# Usage: bash tests/e2e_classroom.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_classroom.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools python3
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
exec python3 "$ROOT/tests/classroom_check.py" "$SIMUL" "$ROOT" "$ROOT/docs/classroom.md" \
	"$ROOT/docs/worksheet.md"
