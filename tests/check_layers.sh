#!/usr/bin/env bash
# The layering rule as a test. Arrows point down only: ui -> sim -> engine
# (sim/bench is sim); engine/ includes neither libev nor curses, sim/ no
# curses; tests/<layer>/ include nothing above <layer>; and a *_internal.h
# is included only from its own folder or that layer's tests; tests take
# Criterion's assertions through tests/criterion_assert.h. First the
# checker must catch a planted violation of each kind, then the tree.
# usage: bash tests/check_layers.sh SOURCE_DIR
set -u
SRC=${1:?usage: check_layers.sh SOURCE_DIR}

# check_tree DIR: prints one line per violation; returns how many (capped).
check_tree() {
	local root=$1 f dir layer inc hdir n=0
	while IFS= read -r f; do
		dir=$(dirname "$f")
		layer=${dir%%/*}
		[ "$layer" = tests ] && layer=$(cut -d/ -f2 <<<"$dir")
		while IFS= read -r inc; do
			case "$layer:$inc" in
			engine:\"sim/* | engine:\"ui/* | sim:\"ui/*)
				echo "$f: includes $inc, a layer above"; n=$((n + 1)) ;;
			engine:\<ev.h\> | engine:\<curses.h\> | engine:\<ncurses* | sim:\<curses.h\> | sim:\<ncurses*)
				echo "$f: includes $inc, which its layer must not know"; n=$((n + 1)) ;;
			esac
			case "$f:$inc" in
			tests/*:\<criterion/new/assert.h\>)
				echo "$f: includes $inc, whose gt() is ge(): include \"tests/criterion_assert.h\""
				n=$((n + 1)) ;;
			esac
			case "$inc" in
			\"*_internal.h\")
				hdir=$(dirname "${inc//\"/}")
				if [ "$hdir" != "$dir" ] && [ "tests/$hdir" != "$dir" ]; then
					echo "$f: includes $inc, another folder's internal header"; n=$((n + 1))
				fi ;;
			esac
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p' "$root/$f")
	done < <(cd "$root" && find engine sim ui tests/engine tests/sim tests/ui -name '*.[ch]' 2>/dev/null | sort)
	return $((n > 100 ? 100 : n))
}

# The checker catches what it is for.
FIX=$(mktemp -d)
trap 'rm -rf "$FIX"' EXIT
mkdir -p "$FIX/engine" "$FIX/sim/bench" "$FIX/ui" "$FIX/tests/sim"
printf '#include "sim/sim.h"\n#include <ev.h>\n' >"$FIX/engine/a.c"
printf '#include "ui/cli.h"\n#include <curses.h>\n#include "sim/sim_internal.h"\n' >"$FIX/sim/bench/b.c"
printf '#include "sim/sim_internal.h"\n#include "engine/search_internal.h"\n' >"$FIX/ui/c.c"
printf '#include "ui/layout.h"\n#include "sim/sim_internal.h"\n#include <criterion/new/assert.h>\n' >"$FIX/tests/sim/test_d.c"
check_tree "$FIX" >"$FIX/out"
planted=$?
if [ "$planted" -ne 9 ]; then
	echo "FAIL: the checker found $planted of the 9 planted violations:"
	cat "$FIX/out"
	exit 1
fi

check_tree "$SRC" || { echo "FAIL: the layers above"; exit 1; }
echo "layers: every include points down"
