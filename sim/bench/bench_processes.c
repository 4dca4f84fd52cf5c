/*
 * The processes model: one forked process per board. The master (the
 * cell's child) sends each move down the board's own pipe; every board
 * answers on one shared reply pipe, whose 16-byte messages the kernel keeps
 * whole (writes up to PIPE_BUF are atomic), so the master reads all boards
 * from a single descriptor and needs no poll over thousands of them.
 *
 * Each board samples its own proportional set size once, while all its
 * siblings are alive, and sends it with its first reply: the sum of those is
 * the model's memory, shared pages counted once, not once per process.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/bench/bench.h"

/* The opponents' CPU work lands here, so the compiler cannot drop it. */
static volatile uint64_t proc_sink;

struct proc_reply {
	uint32_t	board;
	uint32_t	late_us;
	uint32_t	mem_kib;	/* first reply only, else 0 */
	uint32_t	mem_pss;
};

/* Keeps fd a and fd b (and 0-2), closes every other descriptor. */
static void
proc_close_others(int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;

	if (lo > 3)
		close_range(3, (unsigned)lo - 1, 0);
	if (hi > lo + 1)
		close_range((unsigned)lo + 1, (unsigned)hi - 1, 0);
	close_range((unsigned)hi + 1, ~0U, 0);
}

/* A board's whole life: wait for a move, think, answer; M times. */
static void
proc_board_main(const struct bench_config *cfg, uint32_t index, int move_rd, int reply_wr)
{
	uint64_t sink = 0;

	/* If the master dies, so do we: no board outlives its cell. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	proc_close_others(move_rd, reply_wr);
	for (uint32_t m = 0; m < cfg->moves; m++) {
		struct proc_reply rep = { .board = index };
		char c;
		ssize_t n;
		int64_t late;

		while ((n = read(move_rd, &c, 1)) < 0 && errno == EINTR)
			continue;
		if (n != 1)
			_exit(n == 0 ? 0 : 3);
		late = bench_sleep_until(bench_now_ns() + (int64_t)cfg->think_us * 1000);
		if (cfg->think_work != 0)
			sink ^= bench_burn(cfg->think_work, index ^ m);
		rep.late_us = (uint32_t)(late / 1000 > UINT32_MAX ? UINT32_MAX : late / 1000);
		if (m == 0) {
			uint64_t kib;
			int pss;

			if (bench_mem_self(&kib, &pss) == 0) {
				rep.mem_kib = (uint32_t)kib;
				rep.mem_pss = (uint32_t)pss;
			}
		}
		if (bench_write_all(reply_wr, &rep, sizeof(rep)) < 0)
			_exit(3);
	}
	proc_sink = sink;
	_exit(0);
}

static void
proc_kill_all(const pid_t *pids, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (uint32_t i = 0; i < n; i++)
		while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR)
			continue;
}

/* The master's side once every board exists. */
static int
proc_play(const struct bench_config *cfg, const int *move_wr, int reply_rd, uint32_t *made,
    struct bench_report *r)
{
	struct proc_reply buf[256];
	size_t have = 0;
	uint64_t boards_kib = 0, own_kib = 0;
	uint32_t first_replies = 0;
	int own_pss = 0, all_pss = 1;
	int64_t t0 = bench_now_ns();

	for (uint32_t i = 0; i < cfg->boards; i++) {
		r->checksum += bench_burn(cfg->master_work, bench_move_seed(i, 0));
		if (bench_write_all(move_wr[i], "m", 1) < 0)
			return -1;
		made[i] = 1;
		r->moves_done++;
	}
	bench_mem_self(&own_kib, &own_pss);
	while (r->boards_finished < cfg->boards) {
		ssize_t n = read(reply_rd, (char *)buf + have, sizeof(buf) - have);
		size_t whole;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;	/* every board gone before finishing */
		have += (size_t)n;
		whole = have / sizeof(buf[0]);
		for (size_t k = 0; k < whole; k++) {
			const struct proc_reply *rep = &buf[k];
			uint32_t i = rep->board;

			if (i >= cfg->boards)
				return -1;
			histogram_add(&r->lat, rep->late_us);
			if (rep->mem_kib != 0) {
				boards_kib += rep->mem_kib;
				all_pss &= rep->mem_pss != 0;
			}
			/* Every board has touched what it touches (its PSS is in):
			 * the machine's reading with all of them alive. */
			if (made[i] == 1 && ++first_replies == cfg->boards)
				bench_sys_read(&r->sys_alive);
			if (made[i] == cfg->moves) {
				r->boards_finished++;
				continue;
			}
			r->checksum += bench_burn(cfg->master_work, bench_move_seed(i, made[i]));
			if (bench_write_all(move_wr[i], "m", 1) < 0)
				return -1;
			made[i]++;
			r->moves_done++;
		}
		memmove(buf, (char *)buf + whole * sizeof(buf[0]), have - whole * sizeof(buf[0]));
		have -= whole * sizeof(buf[0]);
	}
	r->mem_kib = own_kib + boards_kib;
	r->mem_pss = own_pss && all_pss;
	r->play_ns = bench_now_ns() - t0;
	return 0;
}

/* Room for one descriptor per board, raising the soft limit if we may. */
static int
proc_fd_room(uint32_t boards)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)boards + 64;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return -1;
	if (rl.rlim_cur >= need)
		return 0;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < need)
		return -1;
	rl.rlim_cur = need;
	return setrlimit(RLIMIT_NOFILE, &rl);
}

int
bench_processes_run(const struct bench_config *cfg, struct bench_report *r)
{
	pid_t *pids;
	int *move_wr;
	uint32_t *made, started = 0;
	int reply[2], rc = 0;

	memset(r, 0, sizeof(*r));
	r->workers = 1;
	bench_mem_self(&r->base_kib, &r->mem_pss);
	bench_sys_read(&r->sys_before);
	if (proc_fd_room(cfg->boards) < 0) {
		bench_report_limit(r, cfg, "open files (RLIMIT_NOFILE)", EMFILE, 0);
		return -1;
	}
	pids = calloc(cfg->boards + 1, sizeof(*pids));
	move_wr = calloc(cfg->boards + 1, sizeof(*move_wr));
	made = calloc(cfg->boards + 1, sizeof(*made));
	if (pids == NULL || move_wr == NULL || made == NULL || pipe2(reply, O_CLOEXEC) != 0) {
		bench_report_limit(r, cfg, "calloc/pipe", errno, 0);
		free(pids);
		free(move_wr);
		free(made);
		return -1;
	}
	r->status = BENCH_OK;
	for (; started < cfg->boards; started++) {
		int mv[2];

		if (started >= cfg->max_procs) {
			r->status = BENCH_CAP;
			snprintf(r->error, sizeof(r->error), "process %u of %u > --max-procs %u",
			    started + 1, cfg->boards, cfg->max_procs);
			break;
		}
		if (pipe2(mv, O_CLOEXEC) != 0) {
			bench_report_limit(r, cfg, "pipe", errno, started);
			break;
		}
		pids[started] = fork();
		if (pids[started] < 0) {
			bench_report_limit(r, cfg, "fork", errno, started);
			close(mv[0]);
			close(mv[1]);
			break;
		}
		if (pids[started] == 0) {
			/* The board process needs none of the parent's bookkeeping. */
			free(pids);
			free(move_wr);
			free(made);
			proc_board_main(cfg, started, mv[0], reply[1]);
		}
		close(mv[0]);
		move_wr[started] = mv[1];
	}
	close(reply[1]);
	if (r->status == BENCH_OK && cfg->moves == 0)
		r->boards_finished = cfg->boards;
	else if (r->status == BENCH_OK && proc_play(cfg, move_wr, reply[0], made, r) < 0) {
		r->status = BENCH_FAILED;
		snprintf(r->error, sizeof(r->error), "a board process died or broke the protocol");
	}
	if (r->status != BENCH_OK) {
		rc = -1;
		proc_kill_all(pids, started);
	} else {
		for (uint32_t i = 0; i < started; i++)
			while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR)
				continue;
	}
	for (uint32_t i = 0; i < started; i++)
		close(move_wr[i]);
	close(reply[0]);
	free(pids);
	free(move_wr);
	free(made);
	return rc;
}
