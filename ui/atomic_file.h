/*
 * Output files (--pgn, --trace) that never destroy, never half-write and
 * never widen access. What a path names decides how it is written:
 *
 *   regular file, or none yet   the data goes to an anonymous temporary
 *                               file in the target's directory, linked
 *                               and renamed over the target on commit:
 *                               all or nothing. Symlinks are resolved
 *                               first (the target is written, the link
 *                               kept); an existing file's mode and, where
 *                               permitted, owner are kept.
 *   regular file, hard-linked   the same temporary file, copied into the
 *   (or in a directory we may   target in place on commit, so every name
 *   not write)                  sees the new data (a rename would split
 *                               the link); the temporary file then lives
 *                               in $TMPDIR if the directory refuses it.
 *   device, FIFO, socket,       written directly, as a shell redirection
 *   our own stdout or stderr    would: nothing there can be replaced.
 *
 * A file nobody may write (no write bit, or access() says no) is refused,
 * even for root, whom access() would let through. Failures name the path.
 */
#ifndef SIMUL_UI_ATOMIC_FILE_H
#define SIMUL_UI_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

enum atomic_file_kind {
	ATOMIC_FILE_RENAME,	/* temporary file renamed over the target */
	ATOMIC_FILE_IN_PLACE,	/* temporary file copied into a hard-linked target */
	ATOMIC_FILE_STREAM	/* written directly: device, FIFO, stdout */
};

struct atomic_file {
	FILE			*f;		/* write here */
	char			*path;		/* as given, for messages */
	char			*target;	/* symlinks resolved: where the data lands */
	int			 slot;		/* named temporary file's slot + 1, or 0 */
	enum atomic_file_kind	 kind;
};

/*
 * Opens the temporary file (or the stream); err says why not, naming the
 * path ("cannot write /x/y: read-only file (mode 0444)").
 */
int atomic_file_open(struct atomic_file *af, const char *path, char *err, size_t errlen);
/* Flushes and puts the data in place; a failed write leaves the target as it was. */
int atomic_file_commit(struct atomic_file *af, char *err, size_t errlen);
/* Closes and removes the temporary file; safe on a file never opened. */
void atomic_file_abort(struct atomic_file *af);

/* A named temporary file's name holds this; nothing else is ever called so. */
#define ATOMIC_FILE_TMP_TAG ".simul-tmp-"

#endif
