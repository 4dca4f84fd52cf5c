/*
 * The async model: one libev loop, one ev_timer embedded in each board (the
 * opponent's reply is due), and the master as an ev_idle watcher that plays
 * the boards whose replies have come, oldest first.
 *
 * The master works in slices of at most BENCH_ASYNC_SLICE_NS and then gives
 * the loop back, so expired timers are noticed promptly even when the master
 * has 100 000 boards queued: the lateness this model reports is the loop's
 * responsiveness, not the length of the master's queue. A board costs its
 * struct here plus libev's heap entry; that is the whole per-board memory.
 * The hybrid model runs this same shard in each of its workers.
 */
#include <errno.h>
#include <ev.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/types.h"
#include "sim/bench/bench.h"

#define BENCH_ASYNC_SLICE_NS	500000
#define BENCH_ASYNC_NONE	UINT32_MAX

struct async_board {
	ev_timer	reply;		/* the opponent's reply is due */
	int64_t		due_ns;		/* when, on the monotonic clock */
	uint32_t	moves;		/* master moves made on this board */
	uint32_t	next;		/* ready FIFO link, BENCH_ASYNC_NONE at the end */
};

struct async_shard {
	const struct bench_config	*cfg;
	struct async_board		*boards;
	uint32_t			 first;		/* global number of boards[0] */
	uint32_t			 count;
	uint32_t			 head, tail;	/* boards waiting for the master */
	ev_idle				 master;
	uint32_t			 finished;
	uint64_t			 moves_done;
	uint64_t			 checksum;
	uint64_t			 sink;		/* opponents' CPU work, kept alive */
	uint64_t			 mem_kib;	/* largest sample */
	int				 mem_pss;
	struct bench_sys		 sys_alive;
	struct histogram		 lat;
};

static void
async_mem_sample(struct async_shard *s)
{
	uint64_t kib;
	int pss;

	if (bench_mem_self(&kib, &pss) == 0 && kib > s->mem_kib) {
		s->mem_kib = kib;
		s->mem_pss = pss;
	}
}

static void
async_ready_push(struct async_shard *s, uint32_t i)
{
	s->boards[i].next = BENCH_ASYNC_NONE;
	if (s->head == BENCH_ASYNC_NONE)
		s->head = i;
	else
		s->boards[s->tail].next = i;
	s->tail = i;
}

/* One master move on board i, then the opponent's timer. */
static void
async_master_move(struct ev_loop *loop, struct async_shard *s, uint32_t i)
{
	struct async_board *b = &s->boards[i];

	s->checksum += bench_burn(s->cfg->master_work, bench_move_seed(s->first + i, b->moves));
	b->moves++;
	s->moves_done++;
	/* libev counts `after` from its cached time: refresh it, or the timer
	 * would be due early by however long this slice has run. */
	ev_now_update(loop);
	b->due_ns = bench_now_ns() + (int64_t)s->cfg->think_us * 1000;
	ev_timer_set(&b->reply, (double)s->cfg->think_us / 1e6, 0.);
	ev_timer_start(loop, &b->reply);
	if (s->moves_done == s->count) {
		async_mem_sample(s);	/* every board waiting: the peak */
		bench_sys_read(&s->sys_alive);
	}
}

static void
async_master_cb(struct ev_loop *loop, ev_idle *w, int revents)
{
	struct async_shard *s = container_of(w, struct async_shard, master);
	int64_t deadline = bench_now_ns() + BENCH_ASYNC_SLICE_NS;
	unsigned n = 0;

	(void)revents;
	while (s->head != BENCH_ASYNC_NONE) {
		uint32_t i = s->head;

		s->head = s->boards[i].next;
		async_master_move(loop, s, i);
		if (++n % 16 == 0 && bench_now_ns() >= deadline)
			break;
	}
	if (s->head == BENCH_ASYNC_NONE)
		ev_idle_stop(loop, w);
}

static void
async_reply_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct async_board *b = container_of(w, struct async_board, reply);
	struct async_shard *s = ev_userdata(loop);
	int64_t late = bench_now_ns() - b->due_ns;

	(void)revents;
	histogram_add(&s->lat, late > 0 ? (uint64_t)late / 1000 : 0);
	/* The CPU-heavy variant: the opponent computes inside the loop, and
	 * every other board waits for it (the article's "blocking call"). */
	if (s->cfg->think_work != 0)
		s->sink ^= bench_burn(s->cfg->think_work, (uint64_t)(b - s->boards) ^ b->moves);
	if (b->moves == s->cfg->moves) {
		if (++s->finished == s->count)
			ev_break(loop, EVBREAK_ALL);
		return;
	}
	async_ready_push(s, (uint32_t)(b - s->boards));
	if (!ev_is_active(&s->master))
		ev_idle_start(loop, &s->master);
}

int
bench_async_shard(const struct bench_config *cfg, uint32_t first, uint32_t count,
    struct bench_report *r)
{
	struct async_shard *s;
	struct ev_loop *loop;

	memset(r, 0, sizeof(*r));
	r->workers = 1;
	s = calloc(1, sizeof(*s));
	loop = ev_loop_new(EVFLAG_AUTO);
	if (s == NULL || loop == NULL) {
		free(s);
		if (loop != NULL)
			ev_loop_destroy(loop);
		bench_report_limit(r, cfg, "ev_loop_new", ENOMEM, 0);
		return -1;
	}
	s->cfg = cfg;
	s->first = first;
	s->count = count;
	s->head = s->tail = BENCH_ASYNC_NONE;
	bench_mem_self(&r->base_kib, &r->mem_pss);
	bench_sys_read(&r->sys_before);
	s->boards = calloc(count != 0 ? count : 1, sizeof(*s->boards));
	if (s->boards == NULL) {
		bench_report_limit(r, cfg, "calloc", ENOMEM, 0);
		ev_loop_destroy(loop);
		free(s);
		return -1;
	}
	ev_set_userdata(loop, s);
	ev_idle_init(&s->master, async_master_cb);
	for (uint32_t i = 0; i < count; i++) {
		ev_init(&s->boards[i].reply, async_reply_cb);
		async_ready_push(s, i);
	}
	if (count != 0 && cfg->moves != 0) {
		int64_t t0 = bench_now_ns();

		ev_idle_start(loop, &s->master);
		ev_run(loop, 0);
		r->play_ns = bench_now_ns() - t0;
	} else {
		s->finished = count;
	}
	async_mem_sample(s);
	if (ev_is_active(&s->master))
		ev_idle_stop(loop, &s->master);
	for (uint32_t i = 0; i < count; i++)
		ev_timer_stop(loop, &s->boards[i].reply);
	r->status = BENCH_OK;
	r->moves_done = s->moves_done;
	r->boards_finished = s->finished;
	r->checksum = s->checksum;
	r->mem_kib = s->mem_kib;
	r->mem_pss = s->mem_pss;
	r->sys_alive = s->sys_alive;
	r->lat = s->lat;
	ev_loop_destroy(loop);
	free(s->boards);
	free(s);
	return 0;
}

int
bench_async_run(const struct bench_config *cfg, struct bench_report *r)
{
	return bench_async_shard(cfg, 0, cfg->boards, r);
}
