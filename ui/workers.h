/*
 * Jobs spread over worker processes: the article's last step, async inside
 * one process and as many processes as cores. A worker is a fork of this
 * process with its own memory and, if its job makes one, its own event
 * loop. Job j runs in worker j % W, the jobs of one worker in increasing
 * order. Results go into memory shared with the parent (workers_shared),
 * each job writing only its own slots, so the parent reads them in job
 * order exactly as if one process had run them all: nothing it prints can
 * depend on W.
 */
#ifndef SIMUL_UI_WORKERS_H
#define SIMUL_UI_WORKERS_H

#include <signal.h>
#include <stddef.h>

/* size zeroed bytes that forks share with this process; NULL when none can be had. */
void *workers_shared(size_t size);
void workers_unshare(void *p, size_t size);
/* The number of cores online, at least 1: the default W. */
int workers_default(void);

struct workers {
	int		n;		/* W, >= 2 (one worker needs no fork) */
	int		jobs;
	/* Runs job j in a worker: 0, or an exit status that ends the worker. */
	int		(*job)(void *arg, int j);
	void		*arg;
	/* Called about four times a second in the parent while it waits (progress), or NULL. */
	void		(*tick)(void *arg);
	/* Set by a signal handler: the workers are told to stop (SIGTERM), then waited for. */
	volatile sig_atomic_t *stop;
	/* Called in each worker after its last job, to free what the jobs made, or NULL. */
	void		(*done)(void *arg);
};

/*
 * Forks the workers, waits for all of them. 0 when every worker ended
 * with status 0; -1 with "worker 2 of 4: exit status 1" (or the signal) in
 * err otherwise, or when a fork failed (the workers started are waited for).
 */
int workers_run(const struct workers *w, char *err, size_t errlen);

#endif
