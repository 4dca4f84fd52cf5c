/*
 * See workers.h. The parent only waits: it polls waitpid four times a
 * second (cheap next to a worker's seconds of work) so it can show
 * progress and pass a Ctrl-C on without a loop of its own.
 */
#include "ui/workers.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void *
workers_shared(size_t size)
{
	void *p = mmap(NULL, size > 0 ? size : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);

	return p != MAP_FAILED ? p : NULL;
}

void
workers_unshare(void *p, size_t size)
{
	if (p != NULL)
		munmap(p, size > 0 ? size : 1);
}

int
workers_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 1 ? (int)(n < 1024 ? n : 1024) : 1;
}

/* Worker k: its jobs, then away, freeing what it has of the parent's first (valgrind-clean). */
static void
workers_child(const struct workers *w, int k, pid_t *pid)
{
	int status = 0;

	free(pid);
	for (int j = k; j < w->jobs && status == 0; j += w->n) {
		status = w->job(w->arg, j);
		if (w->stop != NULL && *w->stop)
			break;
	}
	if (w->done != NULL)
		w->done(w->arg);
	fflush(NULL);
	_exit(status);
}

int
workers_run(const struct workers *w, char *err, size_t errlen)
{
	pid_t *pid = calloc((size_t)w->n, sizeof(*pid));
	int alive = 0, bad = 0;
	bool told = false;

	if (pid == NULL) {
		snprintf(err, errlen, "--workers: out of memory for %d workers", w->n);
		return -1;
	}
	err[0] = '\0';
	/* What stdio holds now would be written once per fork. */
	fflush(NULL);
	for (int k = 0; k < w->n; k++) {
		pid[k] = fork();
		if (pid[k] == 0)
			workers_child(w, k, pid);
		if (pid[k] < 0) {
			snprintf(err, errlen, "--workers: cannot start worker %d of %d: %s", k + 1, w->n,
				 strerror(errno));
			bad = 1;
			/* The jobs of the missing worker would be missing: stop the others. */
			for (int i = 0; i < k; i++)
				kill(pid[i], SIGTERM);
			pid[k] = 0;
			break;
		}
		alive++;
	}
	while (alive > 0) {
		struct timespec quarter = { 0, 250000000 };
		int status;
		pid_t got = waitpid(-1, &status, WNOHANG);

		if (got == 0 || (got < 0 && errno == EINTR)) {
			if (w->stop != NULL && *w->stop && !told) {
				for (int k = 0; k < w->n; k++)
					if (pid[k] > 0)
						kill(pid[k], SIGTERM);
				told = true;
			}
			if (w->tick != NULL)
				w->tick(w->arg);
			nanosleep(&quarter, NULL);
			continue;
		}
		if (got < 0)
			break;
		for (int k = 0; k < w->n; k++) {
			if (pid[k] != got)
				continue;
			pid[k] = 0;
			alive--;
			if (bad)
				break;
			if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
				snprintf(err, errlen, "worker %d of %d: exit status %d", k + 1, w->n,
					 WEXITSTATUS(status));
				bad = 1;
			} else if (WIFSIGNALED(status)) {
				snprintf(err, errlen, "worker %d of %d: killed by signal %d", k + 1,
					 w->n, WTERMSIG(status));
				bad = 1;
			}
		}
	}
	free(pid);
	return bad ? -1 : 0;
}
