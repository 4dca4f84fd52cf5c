#!/usr/bin/env bash
# Output files (--pgn, --trace) never destroy, never half-write and never
# widen access (issue 12, items 4-9): devices and FIFOs are written into,
# never replaced; symlinks are followed; read-only files refused; mode,
# owner and hard links kept; a failed write is exit 1 naming the path with
# the old file intact; and no signal that can be caught leaves a temporary
# file, whether the filesystem gives anonymous ones (O_TMPFILE) or not
# (SIMUL_NO_TMPFILE=1 takes the named fallback).
# Usage: e2e_output.sh path/to/simul
SIMUL=${1:?usage: e2e_output.sh path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
e2e_scratch
# club plays the master: what is checked is the files, not the chess, and a
# tenth of master's search keeps twenty runs short under ASan.
Q=(--preset quick --master club)
games() { grep -c '^\[Event ' "$1" 2>/dev/null; }
no_temp() { # no temporary file anywhere in $TMP (hidden ones included)
	local left
	left=$(find "$TMP" -name "*simul-tmp*" -o -name '*.pgn.??????' -o -name '*.csv.??????' | tr "\n" " ")
	[ -z "$left" ] || fail "$1: left $left"
}

# 4. A device: written into, never replaced; a failed write is exit 1 naming it.
# As root, a regression would replace the device node itself: the checks
# use private nodes made here (the same devices), so /dev stays whole; as
# another user /dev cannot be touched anyway.
FULL=$TMP/full NULL=$TMP/null
mknod -m 666 "$FULL" c 1 7 2>/dev/null || FULL=/dev/full
mknod -m 666 "$NULL" c 1 3 2>/dev/null || NULL=/dev/null
for opt in --pgn --trace; do
	"$SIMUL" run "${Q[@]}" $opt "$FULL" >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc = 1 ] || fail "$opt $FULL: exit $rc, want 1"
	grep -q -- "$opt: cannot write $FULL: No space left on device" "$TMP/err" ||
		fail "$opt $FULL: message: $(cat "$TMP/err")"
	[ -c "$FULL" ] || fail "$opt $FULL: no longer a character device"
done
"$SIMUL" run "${Q[@]}" --pgn "$NULL" --trace "$NULL" >/dev/null || fail "$NULL: exit $?"
[ -c "$NULL" ] || fail "$NULL replaced"

# 5. Symlinks: the target is written, the link kept; a dangling link creates its target.
echo old >"$TMP/real.pgn"
ln -s real.pgn "$TMP/link.pgn"
"$SIMUL" run "${Q[@]}" --pgn "$TMP/link.pgn" >/dev/null || fail "symlink: exit $?"
[ -L "$TMP/link.pgn" ] || fail "symlink: the link was replaced"
[ "$(games "$TMP/real.pgn")" = 12 ] || fail "symlink: the target holds $(games "$TMP/real.pgn") games"
ln -s "$TMP/sub/../new.csv" "$TMP/dangling.csv"
mkdir "$TMP/sub"
"$SIMUL" run "${Q[@]}" --trace "$TMP/dangling.csv" >/dev/null || fail "dangling symlink: exit $?"
[ -L "$TMP/dangling.csv" ] && [ -s "$TMP/new.csv" ] || fail "dangling symlink: target not created"
rm -f "$TMP"/*.pgn "$TMP"/*.csv
# /dev/stdout (a link into /proc): the stream the shell set up, in order.
"$SIMUL" run "${Q[@]}" --pgn /dev/stdout --json >"$TMP/both" || fail "/dev/stdout to a file: exit $?"
[ "$(games "$TMP/both")" = 12 ] || fail "/dev/stdout to a file: $(games "$TMP/both") games"
tail -n +"$(grep -n '^{$' "$TMP/both" | head -1 | cut -d: -f1)" "$TMP/both" |
	python3 -c 'import json,sys; json.load(sys.stdin)' || fail "/dev/stdout: the report after the games is not JSON"
n=$("$SIMUL" run "${Q[@]}" --pgn /dev/stdout | grep -c '^\[Event ')
[ "$n" = 12 ] || fail "/dev/stdout to a pipe: $n games"

# 6. A FIFO: written into (a reader on the other end), still a FIFO after.
mkfifo "$TMP/fifo"
timeout 20 cat "$TMP/fifo" >"$TMP/fifo.out" &
reader=$!
"$SIMUL" run "${Q[@]}" --trace "$TMP/fifo" >/dev/null || fail "FIFO: exit $?"
wait $reader
[ -p "$TMP/fifo" ] || fail "FIFO: replaced by a regular file"
[ "$(head -1 "$TMP/fifo.out" | cut -d, -f1)" = run ] && [ "$(wc -l <"$TMP/fifo.out")" -gt 100 ] ||
	fail "FIFO: the reader got $(wc -l <"$TMP/fifo.out") lines"

# 7. A read-only file is refused before anything runs (root included).
echo keep >"$TMP/ro.pgn"
chmod 0444 "$TMP/ro.pgn"
"$SIMUL" run "${Q[@]}" --pgn "$TMP/ro.pgn" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] || fail "0444 file: exit $rc, want 2"
grep -q -- "--pgn: cannot write $TMP/ro.pgn: read-only file (mode 0444)" "$TMP/err" ||
	fail "0444 file: message: $(cat "$TMP/err")"
[ "$(cat "$TMP/ro.pgn")" = keep ] && [ "$(stat -c %a "$TMP/ro.pgn")" = 444 ] || fail "0444 file changed"
[ -s "$TMP/out" ] && fail "0444 file: a report was printed"

# 8. Mode and owner kept; a hard link stays one file with two names.
echo old >"$TMP/m.pgn"
chmod 0600 "$TMP/m.pgn"
if [ "$(id -u)" = 0 ]; then chown 65534:65534 "$TMP/m.pgn"; fi
owner=$(stat -c %u:%g "$TMP/m.pgn")
"$SIMUL" run "${Q[@]}" --pgn "$TMP/m.pgn" >/dev/null || fail "0600 file: exit $?"
[ "$(stat -c %a "$TMP/m.pgn")" = 600 ] || fail "0600 file became $(stat -c %a "$TMP/m.pgn")"
[ "$(stat -c %u:%g "$TMP/m.pgn")" = "$owner" ] || fail "owner $owner became $(stat -c %u:%g "$TMP/m.pgn")"
[ "$(games "$TMP/m.pgn")" = 12 ] || fail "0600 file: $(games "$TMP/m.pgn") games"
echo old >"$TMP/a.csv"
ln "$TMP/a.csv" "$TMP/b.csv"
"$SIMUL" run "${Q[@]}" --trace "$TMP/a.csv" >/dev/null || fail "hard link: exit $?"
[ "$(stat -c %h:%i "$TMP/a.csv")" = "$(stat -c %h:%i "$TMP/b.csv")" ] &&
	[ "$(stat -c %h "$TMP/a.csv")" = 2 ] || fail "hard link split"
[ "$(head -1 "$TMP/b.csv" | cut -d, -f1)" = run ] || fail "hard link: the other name has the old data"

# A file we may write in a directory we may not (as another user, when root
# can become one): staged elsewhere, written in place, nothing left beside it.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	setpriv --reuid=65534 --regid=65534 --clear-groups "$SIMUL" --version >/dev/null 2>&1; then
	chmod 755 "$TMP"
	mkdir "$TMP/rodir"
	echo old >"$TMP/rodir/w.pgn"
	chown 65534 "$TMP/rodir/w.pgn"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$SIMUL" run "${Q[@]}" --pgn "$TMP/rodir/w.pgn" \
		>/dev/null 2>"$TMP/err" || fail "read-only directory: exit $?: $(cat "$TMP/err")"
	[ "$(games "$TMP/rodir/w.pgn")" = 12 ] || fail "read-only directory: $(games "$TMP/rodir/w.pgn") games"
	[ "$(ls -A "$TMP/rodir")" = w.pgn ] || fail "read-only directory: left $(ls -A "$TMP/rodir")"
	chmod 700 "$TMP"
fi

# A failed write (file size limit, SIGXFSZ ignored so write says EFBIG): exit 1
# naming the path, the old file intact, renamed or copied in place alike.
echo old >"$TMP/big.csv"
echo old >"$TMP/hl.csv"
ln "$TMP/hl.csv" "$TMP/hl2.csv"
for f in big.csv hl.csv; do
	(trap '' XFSZ; ulimit -f 8; exec "$SIMUL" run "${Q[@]}" --trace "$TMP/$f") >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc = 1 ] || fail "$f over the size limit: exit $rc, want 1"
	grep -q -- "--trace: cannot write $TMP/$f: File too large" "$TMP/err" || fail "$f: message: $(cat "$TMP/err")"
	[ "$(cat "$TMP/$f")" = old ] || fail "$f: the old file was changed by a failed write"
done
no_temp "failed writes"

# 9. Signals during a run. The stop signals (HUP, TERM, INT, QUIT) end it
# with 128+N keeping what was played; the others kill it and the old files
# stay as they were. Neither leaves a temporary file, anonymous or named.
# A signal is sent once the run catches SIGINT (its files are open and its
# games begun): before that, an ASan build on a loaded machine may still be
# starting, and a stop there has nothing yet to keep.
wait_running() {
	local i mask
	for ((i = 0; i < 200; i++)); do
		mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || return 0
		[ -n "$mask" ] && (((16#$mask >> 1) & 1)) && return 0
		sleep 0.1
	done
	fail "pid $1 did not catch SIGINT within 20 s"
}
for mode in anonymous named; do
	env=()
	[ $mode = named ] && env=(SIMUL_NO_TMPFILE=1)
	for sig in HUP TERM INT QUIT USR1 PIPE; do
		echo old >"$TMP/s.pgn"
		echo old >"$TMP/s.csv"
		env "${env[@]}" "$SIMUL" run --clock live --speed 600 --pgn "$TMP/s.pgn" --trace "$TMP/s.csv" \
			>/dev/null 2>"$TMP/err" &
		pid=$!
		wait_running $pid
		sleep 0.5
		if [ $mode = named ] && [ $sig = HUP ]; then
			ls -a "$TMP" | grep -q '^\.s\.pgn\.simul-tmp-' || fail "named: no .s.pgn.simul-tmp-* while running"
		elif [ $mode = anonymous ]; then
			ls -a "$TMP" | grep -q 'simul-tmp' && fail "anonymous: a named temporary file while running"
		fi
		kill -$sig $pid
		{ wait $pid; } 2>/dev/null
		rc=$?
		want=$((128 + $(kill -l $sig)))
		[ $rc = $want ] || fail "$mode SIG$sig: exit $rc, want $want"
		case $sig in
		HUP | TERM | INT | QUIT)
			[ "$(games "$TMP/s.pgn")" = 48 ] || fail "$mode SIG$sig: $(games "$TMP/s.pgn") games kept, want 48"
			grep -q interrupted "$TMP/err" || fail "$mode SIG$sig: no word on stderr" ;;
		*)
			[ "$(cat "$TMP/s.pgn")" = old ] && [ "$(cat "$TMP/s.csv")" = old ] ||
				fail "$mode SIG$sig: the old files were changed" ;;
		esac
		no_temp "$mode SIG$sig"
	done
done
# SIGKILL cannot be caught: only an anonymous temporary file is safe from it.
echo old >"$TMP/k.pgn"
"$SIMUL" run --clock live --speed 600 --pgn "$TMP/k.pgn" >/dev/null 2>&1 &
pid=$!
sleep 0.5
kill -KILL $pid
{ wait $pid; } 2>/dev/null
[ "$(cat "$TMP/k.pgn")" = old ] || fail "SIGKILL: the old file changed"
no_temp "SIGKILL"

if [ $fails -gt 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "e2e_output: all checks passed"
