/*
 * One exhibition's bookkeeping: its arrays (allocated once), the event
 * queue, the ready queue, the ring of boards still playing, the wait
 * samples and the master's span history. The decisions live in master.c
 * and board_task.c, the dispatch of events in events.c; this file only
 * keeps the books they write, and calls none of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

/* event_queue.h's 32-bit sequence numbers: three events a master move at most. */
_Static_assert(3ULL * SIM_BOARDS_MAX * SIM_MOVES_MAX + 1 < UINT32_MAX,
	       "the event queue's sequence numbers would wrap");

int
exhibition_init(struct exhibition *ex, struct sim *s, int index, enum sim_policy p)
{
	int n = s->config.boards;

	memset(ex, 0, sizeof(*ex));
	ex->sim = s;
	ex->index = index;
	ex->policy = p;
	ex->boards = calloc((size_t)n, sizeof(ex->boards[0]));
	ex->ready = malloc((size_t)n * sizeof(ex->ready[0]));
	if (ex->boards == NULL || ex->ready == NULL ||
	    event_queue_init(&ex->queue, (size_t)n + 1) < 0)
		return -1;
	if (s->config.chess) {
		struct position start;

		ex->games = calloc((size_t)n, sizeof(ex->games[0]));
		if (ex->games == NULL)
			return -1;
		position_startpos(&start);
		for (int i = 0; i < n; i++)
			game_init(&ex->games[i], &start);
	}
	for (int i = 0; i < n; i++) {
		struct board_task *bt = &ex->boards[i];

		bt->index = i;
		bt->finished_at = -1;
		bt->parked = -1;
		bt->state = SIM_BOARD_WAITING;
		bt->prev = (i + n - 1) % n;
		bt->next = (i + 1) % n;
		/* Every board waits for the master's first move from the start. */
		ex->ready[i] = i;
	}
	ex->ready_len = p == SIM_READY ? n : 0;
	ex->active_head = 0;
	ex->active = n;
	ex->moves_to_play = (int64_t)n * s->config.moves;
	for (int i = 0; i < s->config.nblocking; i++)
		ex->boards[s->config.blocking[i]].blocking = true;
	ex->master.ex = ex;
	ex->master.parked = -1;
	ex->master.at = -1;
	ex->master.last = -1;
	ex->master.board = -1;
	ex->master.activity = SIM_MASTER_IDLE;
	ex->master.until = -1;
	/* The first event: at time 0 the master chooses his first board. */
	event_queue_push(&ex->queue, 0, -1);
	ex->capspans = 64;
	ex->spans = malloc(ex->capspans * sizeof(ex->spans[0]));
	/* One wait a master move at most. */
	if (samples_init(&ex->waits, (size_t)n * (size_t)s->config.moves) < 0)
		return -1;
	ex->projection = calloc(1, sizeof(*ex->projection));
	return ex->spans != NULL && ex->projection != NULL ? 0 : -1;
}

void
exhibition_free(struct exhibition *ex)
{
	if (ex->games != NULL)
		for (int i = 0; i < ex->sim->config.boards; i++)
			game_free(&ex->games[i]);
	free(ex->games);
	free(ex->boards);
	free(ex->ready);
	samples_free(&ex->waits);
	free(ex->spans);
	free(ex->blocks);
	free(ex->projection);
	event_queue_free(&ex->queue);
}

void
exhibition_schedule(struct exhibition *ex, int task, simtime_t t)
{
	/* Cannot fail: every task has at most one pending event and the heap has room for all. */
	event_queue_push(&ex->queue, t, task);
}

void
exhibition_emit(struct exhibition *ex, enum sim_event_kind kind, int board, simtime_t t,
		simtime_t duration, int ply, const char san[MOVE_TEXT_MAX])
{
	struct sim *s = ex->sim;
	struct sim_event e;

	/* Nobody listens: nothing is built. Someone does: a plain copy, no formatting. */
	if (s->hook == NULL)
		return;
	e = (struct sim_event){ .t = t, .ex = ex->index, .board = board, .kind = kind,
				.duration = duration, .ply = ply };
	if (san != NULL)
		memcpy(e.san, san, sizeof(e.san));
	if (kind == SIM_EV_MASTER_WAITS || kind == SIM_EV_MASTER_STOPS_WAITING)
		e.blocked = ex->master.blocked;
	if (board >= 0 && kind == SIM_EV_GAME_ENDS) {
		e.result = (enum game_result)ex->boards[board].result;
		e.termination = (enum game_termination)ex->boards[board].termination;
	}
	s->hook(&e, s->hook_arg);
}

void
exhibition_board_finished(struct exhibition *ex, struct board_task *bt, simtime_t t)
{
	int ply = 2 * bt->master_moves;

	bt->state = SIM_BOARD_FINISHED;
	bt->finished_at = t;
	if (ex->games != NULL) {
		const struct game *g = &ex->games[bt->index];

		bt->result = (uint8_t)g->result;
		bt->termination = (uint8_t)g->termination;
		ply = g->n;
	} else {
		bt->result = RESULT_NONE;
		bt->termination = TERM_ADJUDICATED;
	}
	/* The master's moves this game will not get: the model assumed them. */
	ex->moves_to_play -= ex->sim->config.moves - bt->master_moves;
	if (bt->master_moves < ex->sim->config.moves)
		ex->ended_early++;
	/* Unlink from the ring of playing boards. */
	if (--ex->active == 0) {
		ex->active_head = -1;
	} else {
		ex->boards[bt->prev].next = bt->next;
		ex->boards[bt->next].prev = bt->prev;
		if (ex->active_head == bt->index)
			ex->active_head = bt->next;
	}
	exhibition_emit(ex, SIM_EV_GAME_ENDS, bt->index, t, 0, ply, NULL);
}

int
exhibition_next_active(const struct exhibition *ex, int after)
{
	if (ex->active == 0)
		return -1;
	if (after < 0)
		return ex->active_head;
	if (ex->boards[after].state != SIM_BOARD_FINISHED)
		return ex->boards[after].next;
	/*
	 * A finished board keeps its old links; follow them to a playing one.
	 * Each finished board is passed at most once per call since links
	 * only ever point forward around the ring.
	 */
	for (int b = ex->boards[after].next;; b = ex->boards[b].next)
		if (ex->boards[b].state != SIM_BOARD_FINISHED)
			return b;
}

void
exhibition_ready_push(struct exhibition *ex, int board)
{
	int n = ex->sim->config.boards;

	ex->ready[(ex->ready_head + ex->ready_len) % n] = board;
	ex->ready_len++;
}

int
exhibition_ready_pop(struct exhibition *ex)
{
	int b;

	if (ex->ready_len == 0)
		return -1;
	b = ex->ready[ex->ready_head];
	ex->ready_head = (ex->ready_head + 1) % ex->sim->config.boards;
	ex->ready_len--;
	return b;
}

void
exhibition_record_wait(struct exhibition *ex, simtime_t w)
{
	samples_add(&ex->waits, w);
}

/* Halves the span history: each pair becomes one span with the longer activity. */
static void
spans_coarsen(struct exhibition *ex)
{
	size_t j = 0;

	for (size_t i = 0; i + 1 < ex->nspans; i += 2) {
		struct sim_span a = ex->spans[i], b = ex->spans[i + 1];

		ex->spans[j] = a;
		ex->spans[j].end = b.end;
		if (b.end - b.start > a.end - a.start)
			ex->spans[j].activity = b.activity;
		if (j > 0 && ex->spans[j - 1].activity == ex->spans[j].activity)
			ex->spans[j - 1].end = ex->spans[j].end;
		else
			j++;
	}
	if (ex->nspans % 2 == 1)
		ex->spans[j++] = ex->spans[ex->nspans - 1];
	ex->nspans = j;
}

void
exhibition_span(struct exhibition *ex, enum sim_master_activity a, simtime_t t)
{
	struct sim_span *last = ex->nspans > 0 ? &ex->spans[ex->nspans - 1] : NULL;

	if (last != NULL) {
		last->end = t;
		if (last->end == last->start) {
			ex->nspans--;
			last = ex->nspans > 0 ? &ex->spans[ex->nspans - 1] : NULL;
		}
	}
	if (a == SIM_MASTER_DONE)
		return;
	if (last != NULL && last->activity == a && last->end == t)
		return;	/* the same activity goes on: one span */
	if (ex->nspans == ex->capspans) {
		if (ex->capspans >= SIM_SPANS_MAX) {
			spans_coarsen(ex);
		} else {
			struct sim_span *p = realloc(ex->spans, 2 * ex->capspans * sizeof(*p));

			if (p == NULL) {
				spans_coarsen(ex);
			} else {
				ex->spans = p;
				ex->capspans *= 2;
			}
		}
	}
	ex->spans[ex->nspans++] = (struct sim_span){ t, t, a };
}

int
exhibition_block(struct exhibition *ex, simtime_t start, simtime_t end)
{
	if (ex->nblocks == ex->capblocks) {
		size_t cap = ex->capblocks ? 2 * ex->capblocks : 64;
		struct sim_span *p = realloc(ex->blocks, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		ex->blocks = p;
		ex->capblocks = cap;
	}
	ex->blocks[ex->nblocks++] = (struct sim_span){ start, end, SIM_MASTER_WAITING };
	return 0;
}

simtime_t
exhibition_draw(const struct exhibition *ex, const struct dist *d, uint64_t stream,
		uint64_t index)
{
	struct rng r;

	if (d->kind == DIST_FIXED)
		return d->a;
	/* Stateless: the draw depends on (seed, stream, index) alone, not on who asked first. */
	rng_seed(&r, rng_derive(rng_derive(ex->sim->config.seed, stream), index));
	return dist_sample(d, &r);
}
