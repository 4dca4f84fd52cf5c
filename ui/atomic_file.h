/*
 * Output files written all or nothing: the data goes to a temporary file
 * beside the target (same directory, so rename() is atomic), which
 * replaces the target only on commit. A failed or interrupted run leaves
 * the old file, or none, never half of a new one.
 */
#ifndef SIMUL_UI_ATOMIC_FILE_H
#define SIMUL_UI_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>

struct atomic_file {
	FILE	*f;		/* write here */
	char	*path;		/* the target */
	char	*tmp;		/* the temporary file beside it */
};

/* Creates the temporary file; err says why not ("cannot write /x/y: ..."). */
int atomic_file_open(struct atomic_file *af, const char *path, char *err, size_t errlen);
/* Flushes, syncs nothing (the kernel's order suffices here), renames over the target. */
int atomic_file_commit(struct atomic_file *af, char *err, size_t errlen);
/* Closes and removes the temporary file; safe on a file never opened. */
void atomic_file_abort(struct atomic_file *af);

#endif
