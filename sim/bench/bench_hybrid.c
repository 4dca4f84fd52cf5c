/*
 * The hybrid model, the article's end point: W worker processes (default:
 * one per CPU), each running the async model's libev loop over its share of
 * the boards. Each worker sends its whole report (lateness histogram
 * included) back on its own pipe, and the cell merges them: lateness over
 * all boards, memory summed over the workers plus the coordinator, play
 * time the slowest worker's, and the machine's free memory the lowest any
 * worker read at its own peak (the workers reach it together, after one
 * pass over their boards).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/bench/bench.h"

static void
hybrid_worker(const struct bench_config *cfg, uint32_t first, uint32_t count, int fd)
{
	struct bench_report *rep = calloc(1, sizeof(*rep));

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (rep == NULL)
		_exit(3);
	bench_async_shard(cfg, first, count, rep);
	int status = bench_write_all(fd, rep, sizeof(*rep)) == 0 ? 0 : 3;

	free(rep);
	_exit(status);
}

int
bench_hybrid_run(const struct bench_config *cfg, struct bench_report *r)
{
	uint32_t w = cfg->workers != 0 ? cfg->workers : bench_cpu_count();
	struct bench_report *part;
	pid_t *pids;
	int *fds;
	uint32_t started = 0;
	uint64_t own_kib = 0;
	int own_pss = 0, all_pss = 1;

	memset(r, 0, sizeof(*r));
	if (w > cfg->boards && cfg->boards != 0)
		w = cfg->boards;	/* no idle workers */
	if (w == 0)
		w = 1;
	r->workers = w;
	bench_mem_self(&r->base_kib, &r->mem_pss);
	bench_sys_read(&r->sys_before);
	part = calloc(1, sizeof(*part));
	pids = calloc(w, sizeof(*pids));
	fds = calloc(w, sizeof(*fds));
	if (part == NULL || pids == NULL || fds == NULL) {
		bench_report_limit(r, cfg, "calloc", ENOMEM, 0);
		free(part);
		free(pids);
		free(fds);
		return -1;
	}
	r->status = BENCH_OK;
	for (; started < w; started++) {
		uint32_t first = (uint32_t)((uint64_t)cfg->boards * started / w);
		uint32_t end = (uint32_t)((uint64_t)cfg->boards * (started + 1) / w);
		int p[2];

		if (started >= cfg->max_procs) {
			r->status = BENCH_CAP;
			snprintf(r->error, sizeof(r->error), "worker %u > --max-procs %u",
			    started + 1, cfg->max_procs);
			break;
		}
		if (pipe2(p, O_CLOEXEC) != 0) {
			bench_report_limit(r, cfg, "pipe", errno, first);
			break;
		}
		pids[started] = fork();
		if (pids[started] < 0) {
			bench_report_limit(r, cfg, "fork", errno, first);
			close(p[0]);
			close(p[1]);
			break;
		}
		if (pids[started] == 0) {
			/* The worker needs none of the parent's bookkeeping. */
			close(p[0]);
			free(part);
			free(pids);
			free(fds);
			hybrid_worker(cfg, first, end - first, p[1]);
		}
		close(p[1]);
		fds[started] = p[0];
	}
	bench_mem_self(&own_kib, &own_pss);
	r->mem_kib = own_kib;
	for (uint32_t i = 0; i < started; i++) {
		if (r->status == BENCH_OK) {
			if (bench_read_all(fds[i], part, sizeof(*part)) < 0) {
				r->status = BENCH_FAILED;
				snprintf(r->error, sizeof(r->error), "worker %u died", i);
			} else if (part->status != BENCH_OK) {
				r->status = part->status;
				memcpy(r->error, part->error, sizeof(r->error));
			} else {
				r->moves_done += part->moves_done;
				r->boards_finished += part->boards_finished;
				r->checksum += part->checksum;
				r->mem_kib += part->mem_kib;
				all_pss &= part->mem_pss;
				if (r->sys_alive.kib == 0 || part->sys_alive.kib < r->sys_alive.kib)
					r->sys_alive = part->sys_alive;
				if (part->play_ns > r->play_ns)
					r->play_ns = part->play_ns;
				histogram_merge(&r->lat, &part->lat);
			}
		}
		if (r->status != BENCH_OK)
			kill(pids[i], SIGKILL);
		close(fds[i]);
	}
	if (r->status != BENCH_OK)
		for (uint32_t i = 0; i < started; i++)
			kill(pids[i], SIGKILL);
	for (uint32_t i = 0; i < started; i++)
		while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR)
			continue;
	r->mem_pss = own_pss && all_pss;
	free(part);
	free(pids);
	free(fds);
	return r->status == BENCH_OK ? 0 : -1;
}
