/*
 * The temporary file is "<target>.XXXXXX" made by mkstemp, so two runs
 * writing the same target never share one, and it is created with the
 * usual 0666 & ~umask permissions a plain fopen would give.
 */
#include "ui/atomic_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
atomic_file_open(struct atomic_file *af, const char *path, char *err, size_t errlen)
{
	size_t n = strlen(path);
	mode_t mask;
	int fd;

	memset(af, 0, sizeof(*af));
	af->path = strdup(path);
	af->tmp = malloc(n + 8);
	if (af->path == NULL || af->tmp == NULL) {
		snprintf(err, errlen, "cannot write %s: out of memory", path);
		atomic_file_abort(af);
		return -1;
	}
	memcpy(af->tmp, path, n);
	memcpy(af->tmp + n, ".XXXXXX", 8);
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		free(af->tmp);
		af->tmp = NULL;
		atomic_file_abort(af);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	af->f = fdopen(fd, "w");
	if (af->f == NULL) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		close(fd);
		atomic_file_abort(af);
		return -1;
	}
	return 0;
}

int
atomic_file_commit(struct atomic_file *af, char *err, size_t errlen)
{
	int bad = ferror(af->f);

	if (fclose(af->f) != 0 || bad) {
		af->f = NULL;
		snprintf(err, errlen, "cannot write %s: %s", af->path,
			 bad ? "write error" : strerror(errno));
		atomic_file_abort(af);
		return -1;
	}
	af->f = NULL;
	if (rename(af->tmp, af->path) != 0) {
		snprintf(err, errlen, "cannot write %s: %s", af->path, strerror(errno));
		atomic_file_abort(af);
		return -1;
	}
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	return 0;
}

void
atomic_file_abort(struct atomic_file *af)
{
	if (af->f != NULL)
		fclose(af->f);
	if (af->tmp != NULL)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof(*af));
}
