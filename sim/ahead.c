/*
 * Which ply to search ahead of the clock. A board's game depends only on
 * the seed and the players, never on the timing, so any board's next
 * unsearched ply can be searched long before its player sits down; the
 * live clock's idle watcher does so when nothing is due (thinking.c).
 *
 * The order is the plan's: each exhibition's schedule as the config's
 * means draw it (sync: board after board, each game (Tm + To) a move; the
 * async policies: round after round of max(N (Tm + W), Tm + To + W), board
 * b at b (Tm + W) into it), and a ply is planned at the earliest any
 * exhibition needs it. The boards wait in a min-heap on that time, each
 * keyed by the ply it had when queued: a board whose record grew since is
 * found stale when it comes up and goes back with its new time. The plan
 * only orders the work; what the clock waits for is always searched first.
 */
#include <stdlib.h>

#include "sim/sim_internal.h"

static int
ahead_plies(const struct sim *s)
{
	return 2 * s->config.moves;
}

/* When exhibition ex's plan has (board, ply)'s move due. */
static simtime_t
ahead_planned_in(const struct sim *s, const struct exhibition *ex, int board, int ply)
{
	const struct sim_config *c = &s->config;
	simtime_t tm = dist_mean(&c->master_think), to = dist_mean(&c->opponent_think);
	simtime_t w = dist_mean(&c->walk), start, round;
	int k = ply / 2;

	if (ex->policy == SIM_SYNC) {
		start = (simtime_t)board * ((simtime_t)c->moves * (tm + to) + w) + k * (tm + to);
	} else {
		round = (simtime_t)c->boards * (tm + w);
		if (round < tm + to + w)
			round = tm + to + w;
		start = k * round + (simtime_t)board * (tm + w);
	}
	return start + tm + (ply % 2 ? to : 0);
}

static simtime_t
ahead_planned(const struct sim *s, int board, int ply)
{
	simtime_t best = AHEAD_DUE;

	for (int i = 0; i < s->nex; i++) {
		simtime_t t = ahead_planned_in(s, &s->ex[i], board, ply);

		if (t < best)
			best = t;
	}
	return best;
}

simtime_t
ahead_plan_end(const struct sim *s)
{
	simtime_t end = AHEAD_DUE;

	for (int i = 0; i < s->nex; i++) {
		simtime_t t = ahead_planned_in(s, &s->ex[i], s->config.boards - 1,
					       ahead_plies(s) - 1);

		if (t < end)
			end = t;
	}
	return end;
}

static bool
ahead_before(const struct ahead_entry *a, const struct ahead_entry *b)
{
	return a->due < b->due || (a->due == b->due && a->board < b->board);
}

static void
ahead_sift_up(struct ahead *a, int i)
{
	struct ahead_entry e = a->heap[i];

	while (i > 0 && ahead_before(&e, &a->heap[(i - 1) / 2])) {
		a->heap[i] = a->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	a->heap[i] = e;
}

static void
ahead_sift_down(struct ahead *a, int i)
{
	struct ahead_entry e = a->heap[i];

	for (;;) {
		int c = 2 * i + 1;

		if (c >= a->n)
			break;
		if (c + 1 < a->n && ahead_before(&a->heap[c + 1], &a->heap[c]))
			c++;
		if (!ahead_before(&a->heap[c], &e))
			break;
		a->heap[i] = a->heap[c];
		i = c;
	}
	a->heap[i] = e;
}

static void
ahead_pop(struct sim *s)
{
	struct ahead *a = &s->thinking.ahead;

	s->records[a->heap[0].board].ahead_queued = false;
	a->heap[0] = a->heap[--a->n];
	if (a->n > 0)
		ahead_sift_down(a, 0);
}

/* Every board in, on first use: the virtual clock never needs the heap. */
static int
ahead_build(struct sim *s)
{
	struct ahead *a = &s->thinking.ahead;

	if (a->heap != NULL)
		return 0;
	a->heap = malloc((size_t)s->config.boards * sizeof(a->heap[0]));
	if (a->heap == NULL)
		return -1;
	for (int b = 0; b < s->config.boards; b++)
		ahead_queue(s, b);
	return 0;
}

void
ahead_queue(struct sim *s, int board)
{
	struct ahead *a = &s->thinking.ahead;
	struct board_record *r = &s->records[board];

	if (a->heap == NULL || r->ahead_queued || r->ahead_over || r->nmoves >= ahead_plies(s))
		return;
	r->ahead_queued = true;
	a->heap[a->n].board = board;
	a->heap[a->n].due = ahead_planned(s, board, r->nmoves);
	ahead_sift_up(a, a->n++);
}

void
ahead_over(struct sim *s, int board)
{
	struct board_record *r = &s->records[board];

	if (r->ahead_over)
		return;
	r->ahead_over = true;
	s->thinking.ahead.plies_cut += ahead_plies(s) - r->nmoves;
}

int
ahead_next(struct sim *s, simtime_t horizon)
{
	struct ahead *a = &s->thinking.ahead;

	if (s->records == NULL || ahead_build(s) < 0)
		return -1;
	while (a->n > 0 && a->heap[0].due <= horizon) {
		int b = a->heap[0].board;
		const struct board_record *r = &s->records[b];
		simtime_t due;

		ahead_pop(s);
		/* In flight, over, or an engine's to play: queued again when its game moves on. */
		if (r->think != NULL || r->ahead_over || r->nmoves >= ahead_plies(s) ||
		    r->forfeit_ply >= 0 || engine_play_side(s, b, r->nmoves))
			continue;
		due = ahead_planned(s, b, r->nmoves);
		if (due > horizon || (a->n > 0 && due > a->heap[0].due)) {
			ahead_queue(s, b);	/* stale: it grew since it was queued */
			continue;
		}
		return b;
	}
	return -1;
}

bool
ahead_pending(const struct sim *s, simtime_t horizon)
{
	const struct ahead *a = &s->thinking.ahead;

	if (s->records == NULL)
		return false;
	return a->heap == NULL || (a->n > 0 && a->heap[0].due <= horizon);
}

int64_t
ahead_plies_left(const struct sim *s)
{
	if (s->records == NULL)
		return 0;
	return (int64_t)s->config.boards * ahead_plies(s) - s->recorded -
	       s->thinking.ahead.plies_cut;
}

void
ahead_free(struct sim *s)
{
	free(s->thinking.ahead.heap);
	s->thinking.ahead.heap = NULL;
	s->thinking.ahead.n = 0;
}
