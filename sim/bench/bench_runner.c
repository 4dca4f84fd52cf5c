/*
 * Runs one cell (one model, one N) in a forked child that leads its own
 * process group, so that the cell, its board processes and its workers can
 * all be killed with one kill(-pgid) when the time cap expires or the user
 * presses Ctrl-C, and so that wait4 reports the rusage of the whole subtree
 * (the board processes are reaped inside it) and nothing else.
 *
 * The child caps its address space with RLIMIT_AS except under
 * AddressSanitizer, whose shadow memory needs terabytes of address space.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/bench/bench.h"
#include "sim/dist.h"

#if defined(__SANITIZE_ADDRESS__)
#define BENCH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BENCH_ASAN 1
#endif
#endif
#ifndef BENCH_ASAN
#define BENCH_ASAN 0
#endif

/* The cell running now (its pgid), for the signal handler; 0 when none. */
static volatile sig_atomic_t bench_cell_pgid;
static volatile sig_atomic_t bench_got_signal;

static const int bench_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define BENCH_NSIGNALS	(sizeof(bench_signals) / sizeof(bench_signals[0]))

static void
bench_on_signal(int sig)
{
	pid_t pgid = (pid_t)bench_cell_pgid;

	bench_got_signal = sig;
	if (pgid > 0)
		kill(-pgid, SIGKILL);
}

int
bench_interrupted(void)
{
	return bench_got_signal != 0;
}

int
bench_mem_cap_applies(const struct bench_config *cfg)
{
	return cfg->mem_cap != 0 && !BENCH_ASAN;
}

static int
bench_run_model(enum bench_model model, const struct bench_config *cfg, struct bench_report *r)
{
	switch (model) {
	case BENCH_PROCESSES:
		return bench_processes_run(cfg, r);
	case BENCH_THREADS:
		return bench_threads_run(cfg, r);
	case BENCH_ASYNC:
		return bench_async_run(cfg, r);
	case BENCH_HYBRID:
		return bench_hybrid_run(cfg, r);
	default:
		r->status = BENCH_FAILED;
		snprintf(r->error, sizeof(r->error), "unknown model %d", (int)model);
		return -1;
	}
}

static void __attribute__((noreturn))
bench_cell_child(enum bench_model model, const struct bench_config *cfg, int fd)
{
	struct bench_report *r = calloc(1, sizeof(*r));

	setpgid(0, 0);
	for (size_t i = 0; i < BENCH_NSIGNALS; i++)
		signal(bench_signals[i], SIG_DFL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (r == NULL)
		_exit(3);
	if (bench_mem_cap_applies(cfg)) {
		struct rlimit rl = { .rlim_cur = cfg->mem_cap, .rlim_max = cfg->mem_cap };

		setrlimit(RLIMIT_AS, &rl);
	}
	/* A backstop for the parent's deadline, should the parent be stopped. */
	if (cfg->time_cap_ms != 0)
		alarm((unsigned)(cfg->time_cap_ms / 1000) + 5);
	bench_run_model(model, cfg, r);
	int status = bench_write_all(fd, r, sizeof(*r)) == 0 ? 0 : 3;

	free(r);
	_exit(status);
}

/* Reads the child's report until the deadline; the bytes read, or -1 on timeout. */
static ssize_t
bench_read_report(int fd, struct bench_report *r, int64_t deadline_ns)
{
	char *p = (char *)r;
	size_t got = 0;

	while (got < sizeof(*r)) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int timeout = -1, n;
		ssize_t k;

		if (bench_got_signal)
			return (ssize_t)got;
		if (deadline_ns != 0) {
			int64_t left = deadline_ns - bench_now_ns();

			if (left <= 0)
				return -1;
			timeout = (int)((left + 999999) / 1000000);
		}
		n = poll(&pfd, 1, timeout);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			continue;	/* the deadline check above decides */
		k = read(fd, p + got, sizeof(*r) - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return (ssize_t)got;	/* the child died early */
		got += (size_t)k;
	}
	return (ssize_t)got;
}

static void
bench_fill(struct bench_result *out, const struct bench_config *cfg, const struct bench_report *r)
{
	out->status = r->status;
	memcpy(out->error, r->error, sizeof(out->error));
	out->error[sizeof(out->error) - 1] = '\0';
	out->workers = r->workers;
	out->mem_kib = r->mem_kib;
	out->base_kib = r->base_kib;
	out->mem_pss = r->mem_pss;
	out->lat_samples = r->lat.count;
	out->lat_p50_us = histogram_quantile(&r->lat, 0.50);
	out->lat_p99_us = histogram_quantile(&r->lat, 0.99);
	out->lat_max_us = r->lat.max;
	out->moves_done = r->moves_done;
	out->boards_finished = r->boards_finished;
	out->checksum = r->checksum;
	if (out->boards != 0 && r->mem_kib > r->base_kib)
		out->bytes_per_board = (double)(r->mem_kib - r->base_kib) * 1024.0 / out->boards;
	out->play_s = (double)r->play_ns / 1e9;
	out->floor_s = (double)cfg->moves * (double)cfg->think_us / 1e6;
}

/* After the reaping: the kernel frees a task's stack and struct an RCU grace
 * period later, and the machine's reading must not count them as still used. */
#define BENCH_SETTLE_US	100000

int
bench_run_cell(enum bench_model model, const struct bench_config *cfg, struct bench_result *out)
{
	struct sigaction sa, old[BENCH_NSIGNALS];
	struct bench_report *r;
	struct rusage ru;
	struct bench_sys p0, p1;
	int64_t t0, deadline = 0;
	ssize_t got;
	pid_t pid;
	int p[2], st = 0;

	memset(out, 0, sizeof(*out));
	out->model = model;
	out->boards = cfg->boards;
	out->workers = 1;
	if (bench_got_signal) {
		out->status = BENCH_INTERRUPTED;
		snprintf(out->error, sizeof(out->error), "interrupted before it started");
		return 0;
	}
	r = calloc(1, sizeof(*r));
	if (r == NULL || pipe2(p, O_CLOEXEC) != 0) {
		out->status = BENCH_FAILED;
		snprintf(out->error, sizeof(out->error), "cannot start the cell: %s", strerror(errno));
		free(r);
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = bench_on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < BENCH_NSIGNALS; i++)
		sigaction(bench_signals[i], &sa, &old[i]);

	bench_sys_read(&p0);
	t0 = bench_now_ns();
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		free(r);	/* the parent's; the child makes its own */
		bench_cell_child(model, cfg, p[1]);
	}
	close(p[1]);
	if (pid < 0) {
		out->status = BENCH_LIMIT;
		snprintf(out->error, sizeof(out->error), "fork of the cell: %s", strerror(errno));
		for (size_t i = 0; i < BENCH_NSIGNALS; i++)
			sigaction(bench_signals[i], &old[i], NULL);
		close(p[0]);
		free(r);
		return -1;
	}
	/* Both sides set the group, so neither the handler nor the sweep below
	 * can race the child's own setpgid. */
	setpgid(pid, pid);
	bench_cell_pgid = pid;
	if (cfg->time_cap_ms != 0)
		deadline = t0 + (int64_t)cfg->time_cap_ms * 1000000;
	got = bench_read_report(p[0], r, deadline);

	/* Sweep the group while the leader still holds its pid (not yet
	 * reaped), so the pgid cannot belong to anyone else yet. */
	kill(-pid, SIGKILL);
	while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
		continue;
	bench_cell_pgid = 0;
	for (size_t i = 0; i < BENCH_NSIGNALS; i++)
		sigaction(bench_signals[i], &old[i], NULL);
	close(p[0]);

	out->wall_s = (double)(bench_now_ns() - t0) / 1e9;
	out->cpu_s = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	out->maxrss_kib = (uint64_t)ru.ru_maxrss;
	out->csw_voluntary = (uint64_t)ru.ru_nvcsw;
	out->csw_involuntary = (uint64_t)ru.ru_nivcsw;
	if (got == (ssize_t)sizeof(*r)) {
		bench_fill(out, cfg, r);
		if (r->status == BENCH_OK) {
			usleep(BENCH_SETTLE_US);
			bench_sys_read(&p1);
			bench_sys_derive(out, cfg->boards, &r->sys_before, &r->sys_alive, &p0, &p1);
		}
	} else if (bench_got_signal) {
		out->status = BENCH_INTERRUPTED;
		snprintf(out->error, sizeof(out->error), "interrupted by signal %d",
		    (int)bench_got_signal);
	} else if (got < 0 || (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)) {
		char cap[DIST_TEXT_MAX];

		out->status = BENCH_TIMEOUT;
		duration_format((simtime_t)cfg->time_cap_ms * 1000, cap, sizeof(cap));
		snprintf(out->error, sizeof(out->error), "time cap %s reached", cap);
	} else if (WIFSIGNALED(st)) {
		/* RLIMIT_AS makes malloc fail, but a stack or page fault past it
		 * kills with SIGSEGV: that is simul's memory cap, not a bug; SIGKILL
		 * from nobody here is the kernel's out-of-memory killer. */
		if (WTERMSIG(st) == SIGSEGV && bench_mem_cap_applies(cfg))
			out->status = BENCH_CAP;
		else
			out->status = WTERMSIG(st) == SIGKILL ? BENCH_LIMIT : BENCH_FAILED;
		snprintf(out->error, sizeof(out->error), "cell killed by signal %d (%s)",
		    WTERMSIG(st), strsignal(WTERMSIG(st)));
	} else {
		out->status = BENCH_FAILED;
		snprintf(out->error, sizeof(out->error), "cell exited with status %d before reporting",
		    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	}
	free(r);
	return 0;
}
