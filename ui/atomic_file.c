/*
 * The temporary file is anonymous where the filesystem allows it
 * (O_TMPFILE): it has no name until commit links it as
 * ".<name>.simul-tmp-XXXXXX" and renames that over the target a moment
 * later, so no signal, not even SIGKILL, can leave one behind during a
 * run. Elsewhere (or with SIMUL_NO_TMPFILE set, which the tests use to
 * reach this path) it is made by mkstemp under that same hidden, tagged
 * name, and a handler for every catchable signal that would kill the
 * process removes it first. SIGINT, SIGTERM, SIGHUP and SIGQUIT are the
 * commands' own (they stop the run and keep what was played).
 *
 * Named files live in a few fixed slots of plain char arrays, so the
 * signal handler only reads memory and calls unlink, both safe there.
 */
#include "ui/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine/macros.h"

enum {
	ATOMIC_SLOTS = 4,	/* --pgn and --trace, with room to spare */
	ATOMIC_LINKS_MAX = 40,	/* symlinks followed, as the kernel's ELOOP limit */
	ATOMIC_TRIES = 100	/* names tried for the commit link */
};

static char atomic_names[ATOMIC_SLOTS][PATH_MAX];
static volatile sig_atomic_t atomic_used[ATOMIC_SLOTS];

/* Signals whose default is to end the process and that nobody else handles. */
static const int atomic_fatal_signals[] = { SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM,
					    SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ };

static void
atomic_signal_handler(int sig)
{
	for (int i = 0; i < ATOMIC_SLOTS; i++)
		if (atomic_used[i])
			unlink(atomic_names[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
atomic_catch_signals(void)
{
	struct sigaction sa = { .sa_handler = atomic_signal_handler }, old;

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_LEN(atomic_fatal_signals); i++)
		if (sigaction(atomic_fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
			sigaction(atomic_fatal_signals[i], &sa, NULL);
}

/* Claims a slot for a name about to exist; -1 when the name is too long or all are taken. */
static int
atomic_slot_claim(const char *name)
{
	if (strlen(name) >= PATH_MAX)
		return -1;
	for (int i = 0; i < ATOMIC_SLOTS; i++) {
		if (atomic_used[i])
			continue;
		strcpy(atomic_names[i], name);
		atomic_used[i] = 1;
		atomic_catch_signals();
		return i;
	}
	return -1;
}

static void
atomic_slot_release(int slot)
{
	atomic_used[slot] = 0;
}

/*
 * Where data for path lands: symlinks followed, dangling ones too (the
 * file they name is created). Returns a malloc'd path, or NULL with errno.
 */
static char *
atomic_resolve(const char *path)
{
	char *cur = strdup(path), *next, *slash;
	char link[PATH_MAX];
	struct stat st;
	ssize_t n;

	for (int i = 0; cur != NULL && i < ATOMIC_LINKS_MAX; i++) {
		if (lstat(cur, &st) < 0) {
			if (errno == ENOENT)
				return cur;
			free(cur);
			return NULL;
		}
		if (!S_ISLNK(st.st_mode))
			return cur;
		n = readlink(cur, link, sizeof(link) - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		slash = strrchr(cur, '/');
		if (link[0] == '/' || slash == NULL) {
			next = strdup(link);
		} else if ((next = malloc((size_t)(slash - cur) + 2 + (size_t)n)) != NULL) {
			memcpy(next, cur, (size_t)(slash - cur) + 1);
			strcpy(next + (slash - cur) + 1, link);
		}
		free(cur);
		cur = next;
	}
	if (cur != NULL) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/* "<dir>/.<name>.simul-tmp-" plus a suffix; pattern ends in XXXXXX when suffix is NULL. */
static int
atomic_tmp_name(const char *target, const char *suffix, char *out, size_t outlen)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash != NULL ? slash + 1 : target;
	int dirlen = slash != NULL ? (int)(slash - target) + 1 : 0;
	int n = snprintf(out, outlen, "%.*s.%s" ATOMIC_FILE_TMP_TAG "%s", dirlen, target, base,
			 suffix != NULL ? suffix : "XXXXXX");

	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

/* The directory part of target, for O_TMPFILE. */
static void
atomic_dir(const char *target, char *out, size_t outlen)
{
	const char *slash = strrchr(target, '/');

	if (slash == NULL)
		snprintf(out, outlen, ".");
	else if (slash == target)
		snprintf(out, outlen, "/");
	else
		snprintf(out, outlen, "%.*s", (int)(slash - target), target);
}

static bool
atomic_same_file(const struct stat *st, int fd)
{
	struct stat o;

	return fstat(fd, &o) == 0 && o.st_dev == st->st_dev && o.st_ino == st->st_ino;
}

static int
atomic_fail(struct atomic_file *af, const char *path, const char *why, char *err, size_t errlen)
{
	snprintf(err, errlen, "cannot write %s: %s", path, why);
	atomic_file_abort(af);
	return -1;
}

/* An anonymous file in dir if the filesystem can, else a named one in its slot. */
static int
atomic_tmp_open(struct atomic_file *af, mode_t mode)
{
	char dir[PATH_MAX], name[PATH_MAX];
	int fd, slot;

	atomic_dir(af->target, dir, sizeof(dir));
	if (getenv("SIMUL_NO_TMPFILE") == NULL) {
		fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
		if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
			return fd;
	}
	if (atomic_tmp_name(af->target, NULL, name, sizeof(name)) < 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* mkstemp fills the slot's own name: a signal at any moment finds the file. */
	slot = atomic_slot_claim(name);
	if (slot < 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(atomic_names[slot]);
	if (fd < 0) {
		atomic_slot_release(slot);
		return -1;
	}
	af->slot = slot + 1;
	fchmod(fd, mode);
	return fd;
}

int
atomic_file_open(struct atomic_file *af, const char *path, char *err, size_t errlen)
{
	struct stat st;
	bool exists;
	mode_t mask, mode;
	char why[64];
	int fd;

	memset(af, 0, sizeof(*af));
	af->path = strdup(path);
	if (af->path == NULL)
		return atomic_fail(af, path, "out of memory", err, errlen);
	exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT)
		return atomic_fail(af, path, strerror(errno), err, errlen);
	if (exists && S_ISDIR(st.st_mode))
		return atomic_fail(af, path, strerror(EISDIR), err, errlen);
	/* Devices, FIFOs and our own stdout/stderr are streams: write into them. */
	if (exists && (!S_ISREG(st.st_mode) || atomic_same_file(&st, STDOUT_FILENO) ||
		       atomic_same_file(&st, STDERR_FILENO))) {
		af->kind = ATOMIC_FILE_STREAM;
		if (atomic_same_file(&st, STDOUT_FILENO))
			fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
		else if (atomic_same_file(&st, STDERR_FILENO))
			fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
		else
			fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0 || (af->f = fdopen(fd, "w")) == NULL) {
			if (fd >= 0)
				close(fd);
			return atomic_fail(af, path, strerror(errno), err, errlen);
		}
		return 0;
	}
	/*
	 * Root passes access(W_OK) on a 0444 file; a file whose mode says
	 * nobody writes it is refused all the same, since replacing it would
	 * silently undo what its owner asked for.
	 */
	if (exists && (access(path, W_OK) < 0 || (st.st_mode & 0222) == 0)) {
		snprintf(why, sizeof(why), "read-only file (mode %04o)", (unsigned)(st.st_mode & 07777));
		return atomic_fail(af, path, why, err, errlen);
	}
	af->target = atomic_resolve(path);
	if (af->target == NULL)
		return atomic_fail(af, path, strerror(errno), err, errlen);
	af->kind = exists && st.st_nlink > 1 ? ATOMIC_FILE_IN_PLACE : ATOMIC_FILE_RENAME;
	mask = umask(0);
	umask(mask);
	mode = exists ? st.st_mode & 07777 : 0666 & ~mask;
	fd = atomic_tmp_open(af, mode);
	if (fd < 0 && exists && (errno == EACCES || errno == EPERM || errno == EROFS)) {
		/*
		 * A file we may write in a directory we may not: the data waits
		 * in an anonymous file in $TMPDIR and is copied in place.
		 */
		const char *tmpdir = getenv("TMPDIR");

		fd = open(tmpdir != NULL && tmpdir[0] != '\0' ? tmpdir : "/tmp",
			  O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
		af->kind = ATOMIC_FILE_IN_PLACE;
		if (fd < 0)
			errno = EACCES;
	}
	if (fd < 0)
		return atomic_fail(af, path, strerror(errno), err, errlen);
	if (exists) {
		/* Owner first: chown clears set-id bits, which fchmod then restores. */
		if (fchown(fd, st.st_uid, st.st_gid) < 0 && fchown(fd, (uid_t)-1, st.st_gid) < 0) {
			/* Not permitted: the file becomes ours, as any editor's save would. */
		}
		fchmod(fd, mode);
	}
	af->f = fdopen(fd, "w");
	if (af->f == NULL) {
		close(fd);
		return atomic_fail(af, path, strerror(errno), err, errlen);
	}
	return 0;
}

/* Gives the anonymous file fd a name beside the target, in a slot. */
static int
atomic_link(struct atomic_file *af, int fd, char *name, size_t namelen)
{
	char proc[64], suffix[16];
	uint64_t x = (uint64_t)getpid() * 0x9e3779b97f4a7c15u ^ (uint64_t)time(NULL);

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	for (int i = 0; i < ATOMIC_TRIES; i++) {
		x = x * 6364136223846793005u + 1442695040888963407u;
		snprintf(suffix, sizeof(suffix), "%06llx", (unsigned long long)(x >> 40));
		if (atomic_tmp_name(af->target, suffix, name, namelen) < 0) {
			errno = ENAMETOOLONG;
			return -1;
		}
		af->slot = atomic_slot_claim(name) + 1;
		if (af->slot == 0) {
			errno = ENAMETOOLONG;
			return -1;
		}
		if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 ||
		    (errno == ENOENT && linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0))
			return 0;
		atomic_slot_release(af->slot - 1);
		af->slot = 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/*
 * Copies the finished data into the hard-linked target. Space is reserved
 * first, so a full disk fails before a byte of the old file changes; what
 * is left to fail after that is an I/O error.
 */
static int
atomic_copy_in(struct atomic_file *af, int from)
{
	char buf[65536];
	struct stat old;
	off_t len = lseek(from, 0, SEEK_END), at = 0;
	ssize_t n;
	int to = open(af->target, O_WRONLY | O_CLOEXEC);

	if (to < 0 || len < 0 || fstat(to, &old) < 0)
		goto fail;
	if (len > 0 && fallocate(to, 0, 0, len) < 0 && errno != EOPNOTSUPP) {
		int e = errno;

		if (ftruncate(to, old.st_size) < 0) {
			/* Nothing more to do: the size is what we found, or close to it. */
		}
		errno = e;
		goto fail;
	}
	while (at < len) {
		n = pread(from, buf, sizeof(buf), at);
		if (n <= 0 || pwrite(to, buf, (size_t)n, at) != n) {
			if (n == 0)
				errno = EIO;
			goto fail;
		}
		at += n;
	}
	if (ftruncate(to, len) < 0 || close(to) < 0) {
		to = -1;
		goto fail;
	}
	return 0;
fail:
	if (to >= 0) {
		int e = errno;

		close(to);
		errno = e;
	}
	return -1;
}

int
atomic_file_commit(struct atomic_file *af, char *err, size_t errlen)
{
	char name[PATH_MAX];
	int fd, e;

	if (fflush(af->f) != 0 || ferror(af->f))
		return atomic_fail(af, af->path, strerror(errno != 0 ? errno : EIO), err, errlen);
	fd = fileno(af->f);
	if (af->kind == ATOMIC_FILE_IN_PLACE) {
		if (atomic_copy_in(af, fd) < 0)
			return atomic_fail(af, af->path, strerror(errno), err, errlen);
	} else if (af->kind == ATOMIC_FILE_RENAME) {
		if (af->slot == 0 && atomic_link(af, fd, name, sizeof(name)) < 0)
			return atomic_fail(af, af->path, strerror(errno), err, errlen);
		if (rename(atomic_names[af->slot - 1], af->target) < 0)
			return atomic_fail(af, af->path, strerror(errno), err, errlen);
		atomic_slot_release(af->slot - 1);
		af->slot = 0;
	}
	e = fclose(af->f) != 0 ? errno : 0;
	af->f = NULL;
	if (e != 0)
		return atomic_fail(af, af->path, strerror(e), err, errlen);
	atomic_file_abort(af);
	return 0;
}

void
atomic_file_abort(struct atomic_file *af)
{
	if (af->f != NULL)
		fclose(af->f);
	if (af->slot > 0) {
		unlink(atomic_names[af->slot - 1]);
		atomic_slot_release(af->slot - 1);
	}
	free(af->target);
	free(af->path);
	memset(af, 0, sizeof(*af));
}
