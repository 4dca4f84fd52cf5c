/*
 * The threads model: one pthread per board with a small explicit stack, the
 * master on the cell's main thread. One mutex guards the hand-offs (a
 * board's "your move" flag, the master's FIFO of answered boards, the
 * lateness histogram); each board sleeps on its own condition variable so
 * the master wakes exactly the board it moved on, and the opponent's think
 * is a timed sleep outside the lock, so lock contention is not counted as
 * timer lateness.
 *
 * In C the boards' CPU work (the CPU-heavy variant) runs on every core at
 * once: there is no GIL. That is the cell where this model parts company
 * with the article's CPython table.
 *
 * The stacks are the model's own mappings (the size asked plus a guard
 * page, as glibc makes them), unmapped after the join: glibc would keep up
 * to 40 MiB of joined threads' stacks cached, and the machine's free memory
 * read after the cell would count them as still used.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sim/bench/bench.h"

struct thread_board {
	struct threads_model	*tm;
	pthread_t		 tid;
	pthread_cond_t		 cv;		/* "your move" or "stop" */
	void			*stack;		/* guard page, then the stack */
	uint32_t		 index;
	int			 has_move;	/* guarded by tm->mu */
};

struct threads_model {
	const struct bench_config	*cfg;
	pthread_mutex_t			 mu;
	pthread_cond_t			 master_cv;	/* a board answered */
	struct thread_board		*boards;
	uint32_t			*ready;		/* FIFO ring of answered boards */
	uint32_t			*made;		/* master moves per board (master only) */
	uint32_t			 head, len;
	int				 stop;		/* creation failed: everyone leave */
	struct histogram		 lat;
};

static void *
threads_board_main(void *arg)
{
	struct thread_board *b = arg;
	struct threads_model *tm = b->tm;
	const struct bench_config *cfg = tm->cfg;
	uint64_t sink = 0;

	pthread_mutex_lock(&tm->mu);
	for (uint32_t m = 0; m < cfg->moves; m++) {
		int64_t due, late;

		while (!b->has_move && !tm->stop)
			pthread_cond_wait(&b->cv, &tm->mu);
		if (tm->stop)
			break;
		b->has_move = 0;
		pthread_mutex_unlock(&tm->mu);

		due = bench_now_ns() + (int64_t)cfg->think_us * 1000;
		late = bench_sleep_until(due);
		if (cfg->think_work != 0)
			sink ^= bench_burn(cfg->think_work, b->index ^ m);

		pthread_mutex_lock(&tm->mu);
		histogram_add(&tm->lat, (uint64_t)late / 1000);
		tm->ready[(tm->head + tm->len) % cfg->boards] = b->index;
		tm->len++;
		pthread_cond_signal(&tm->master_cv);
	}
	pthread_mutex_unlock(&tm->mu);
	return (void *)(uintptr_t)(sink & 1);
}

/* One master move on board i: the CPU outside the lock, then the hand-off. */
static void
threads_move(struct threads_model *tm, uint32_t i, uint32_t move, uint64_t *checksum)
{
	*checksum += bench_burn(tm->cfg->master_work, bench_move_seed(i, move));
	pthread_mutex_lock(&tm->mu);
	tm->boards[i].has_move = 1;
	pthread_cond_signal(&tm->boards[i].cv);
	pthread_mutex_unlock(&tm->mu);
}

static void
threads_play(struct threads_model *tm, struct bench_report *r)
{
	const struct bench_config *cfg = tm->cfg;
	uint32_t *made = tm->made;
	uint32_t i;
	int64_t t0;

	if (cfg->moves == 0) {
		r->boards_finished = cfg->boards;
		return;
	}
	t0 = bench_now_ns();
	for (i = 0; i < cfg->boards; i++) {
		threads_move(tm, i, 0, &r->checksum);
		made[i] = 1;
		r->moves_done++;
	}
	/* Every board alive and waiting (its reading takes a millisecond or so,
	 * well inside the first think). */
	bench_mem_self(&r->mem_kib, &r->mem_pss);
	bench_sys_read(&r->sys_alive);
	while (r->boards_finished < cfg->boards) {
		pthread_mutex_lock(&tm->mu);
		while (tm->len == 0)
			pthread_cond_wait(&tm->master_cv, &tm->mu);
		i = tm->ready[tm->head];
		tm->head = (tm->head + 1) % cfg->boards;
		tm->len--;
		pthread_mutex_unlock(&tm->mu);
		if (made[i] == cfg->moves) {
			r->boards_finished++;
			continue;
		}
		threads_move(tm, i, made[i], &r->checksum);
		made[i]++;
		r->moves_done++;
	}
	r->play_ns = bench_now_ns() - t0;
}

/* Board b's stack: a guard page below cfg->stack_size bytes, as glibc's. */
static int
threads_stack(const struct bench_config *cfg, pthread_attr_t *attr, struct thread_board *b)
{
	size_t guard = (size_t)sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, guard + cfg->stack_size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);

	if (p == MAP_FAILED)
		return errno;
	if (mprotect(p, guard, PROT_NONE) != 0) {
		int err = errno;

		munmap(p, guard + cfg->stack_size);
		return err;
	}
	b->stack = p;
	return pthread_attr_setstack(attr, p + guard, cfg->stack_size);
}

int
bench_threads_run(const struct bench_config *cfg, struct bench_report *r)
{
	struct threads_model *tm;
	pthread_attr_t attr;
	pthread_condattr_t ca;
	uint32_t started = 0;
	int err = 0;

	memset(r, 0, sizeof(*r));
	r->workers = 1;
	tm = calloc(1, sizeof(*tm));
	if (tm == NULL) {
		bench_report_limit(r, cfg, "calloc", ENOMEM, 0);
		return -1;
	}
	bench_mem_self(&r->base_kib, &r->mem_pss);
	bench_sys_read(&r->sys_before);
	tm->cfg = cfg;
	tm->boards = calloc(cfg->boards != 0 ? cfg->boards : 1, sizeof(*tm->boards));
	tm->ready = calloc(cfg->boards != 0 ? cfg->boards : 1, sizeof(*tm->ready));
	tm->made = calloc(cfg->boards != 0 ? cfg->boards : 1, sizeof(*tm->made));
	if (tm->boards == NULL || tm->ready == NULL || tm->made == NULL) {
		bench_report_limit(r, cfg, "calloc", ENOMEM, 0);
		free(tm->boards);
		free(tm->ready);
		free(tm->made);
		free(tm);
		return -1;
	}
	pthread_mutex_init(&tm->mu, NULL);
	pthread_cond_init(&tm->master_cv, NULL);
	pthread_condattr_init(&ca);
	pthread_attr_init(&attr);
	r->status = BENCH_OK;
	for (; started < cfg->boards; started++) {
		struct thread_board *b = &tm->boards[started];

		if (started >= cfg->max_threads) {
			r->status = BENCH_CAP;
			snprintf(r->error, sizeof(r->error), "thread %u of %u > --max-threads %u",
			    started + 1, cfg->boards, cfg->max_threads);
			break;
		}
		b->tm = tm;
		b->index = started;
		if ((err = threads_stack(cfg, &attr, b)) != 0) {
			bench_report_limit(r, cfg, "thread stack (mmap)", err, started);
			break;
		}
		pthread_cond_init(&b->cv, &ca);
		err = pthread_create(&b->tid, &attr, threads_board_main, b);
		if (err != 0) {
			pthread_cond_destroy(&b->cv);
			bench_report_limit(r, cfg, "pthread_create", err, started);
			break;
		}
	}
	pthread_attr_destroy(&attr);
	pthread_condattr_destroy(&ca);
	if (r->status != BENCH_OK) {
		pthread_mutex_lock(&tm->mu);
		tm->stop = 1;
		for (uint32_t i = 0; i < started; i++)
			pthread_cond_signal(&tm->boards[i].cv);
		pthread_mutex_unlock(&tm->mu);
	} else {
		threads_play(tm, r);
	}
	for (uint32_t i = 0; i < started; i++) {
		pthread_join(tm->boards[i].tid, NULL);
		pthread_cond_destroy(&tm->boards[i].cv);
	}
	for (uint32_t i = 0; i <= started && i < cfg->boards; i++)
		if (tm->boards[i].stack != NULL)
			munmap(tm->boards[i].stack, (size_t)sysconf(_SC_PAGESIZE) + cfg->stack_size);
	r->lat = tm->lat;
	pthread_cond_destroy(&tm->master_cv);
	pthread_mutex_destroy(&tm->mu);
	free(tm->boards);
	free(tm->ready);
	free(tm->made);
	free(tm);
	return r->status == BENCH_OK ? 0 : -1;
}
