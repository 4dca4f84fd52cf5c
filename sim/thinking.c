/*
 * The engine's searches and the loop they share. Each move is searched
 * once per sim (chess.c keeps the record); this file decides when the
 * search runs and measures what it costs:
 *
 *   - virtual clock, or live and greedy: in one go, when the event that
 *     plays the move is processed (inside the timer's callback when live);
 *   - live, cooperative (the default): it starts when the player sits down
 *     to think and runs in slices of THINKING_SLICE_NODES nodes, one slice
 *     per loop iteration (thinking_run_slice, called by the live clock's
 *     ev_idle watcher: the article's sleep(0)). An idle watcher runs only
 *     when no other watcher is pending, so keys, redraws and timers always
 *     go first. If the event that plays the move comes up before its
 *     search is done, the live clock holds the model there and the search
 *     of that board gets every slice until it is done;
 *   - live, cooperative, and nothing due in flight: ahead of the clock.
 *     A board's next ply can be searched long before its player sits
 *     down, from its record replayed (ahead.c picks the ply the plan
 *     needs soonest, up to the horizon the clock gives). One such search
 *     at a time, after every due one (AHEAD_DUE); when its player sits
 *     down it takes its due place. Greedy replays a move searched ahead
 *     by searching it again inside the callback, so its stall still shows.
 *
 * This file knows no loop and no clock: it reads s->loop only to know
 * whether a live clock runs, and the clock decides when slices run.
 *
 * A sliced search returns the same move as an unsliced one (engine/player.h),
 * so moves, events and totals never depend on which of these ran. The
 * searches in flight form a queue of boards linked through their records,
 * at most one per board (only the next ply of a board can be searched),
 * earliest due move first, so the master's 5 s think is not stuck behind
 * an opponent's 55 s one.
 * CPU time is this thread's (CLOCK_THREAD_CPUTIME_ID) around each
 * think_new/think_step call: measured and reported, never fed back.
 */
#include <stdlib.h>

#include "sim/sim_internal.h"
#include "sim/realtime.h"

/*
 * ~0.1-0.3 ms of search at this engine's speed: small next to a frame
 * (33 ms) and to libev's 1 ms timer resolution, large next to one loop
 * iteration's overhead.
 */
enum { THINKING_SLICE_NODES = 256 };

/*
 * Dues mostly arrive in order, so a new search finds its place a few steps
 * from the tail; past this many steps it stays there (a little out of
 * order, never quadratic with 100,000 boards in flight).
 */
enum { THINKING_SORT_STEPS = 64 };

/*
 * A greedy master's move inside a timer's callback holds the loop at
 * least this long (real seconds): the default master searches ~1 ms,
 * which no class can see. The work is scaled, not slept: the same search
 * runs again, its result discarded, until the time is up, so the move,
 * the games and the totals are those of any other run with the seed, on
 * any machine; only the real stall grows.
 */
#define THINKING_GREEDY_STALL_S 1.2

static bool
cooperative(const struct sim *s)
{
	return s->loop != NULL && !s->thinking.greedy;
}

void
thinking_init(struct sim *s)
{
	struct thinking *th = &s->thinking;

	th->head = th->tail = th->wanted = -1;
	th->greedy = s->config.greedy;
}

static void
fifo_unlink(struct sim *s, int board)
{
	struct thinking *th = &s->thinking;
	struct board_record *r = &s->records[board];

	if (r->think_prev >= 0)
		s->records[r->think_prev].think_next = r->think_next;
	else
		th->head = r->think_next;
	if (r->think_next >= 0)
		s->records[r->think_next].think_prev = r->think_prev;
	else
		th->tail = r->think_prev;
}

void
search_tally_add(struct search_tally *t, int ply, double cpu)
{
	if (ply % 2 == 0) {
		t->master_searches++;
		t->master_cpu += cpu;
		if (cpu > t->master_cpu_max)
			t->master_cpu_max = cpu;
	} else {
		t->opponent_searches++;
		t->opponent_cpu += cpu;
	}
}

/* The search of board is done (or given up): account its CPU, free it. */
static move_t
think_done(struct sim *s, int ply, struct think *t, double cpu)
{
	move_t m = think_move(t);

	think_free(t);
	search_tally_add(&s->thinking.searched, ply, cpu);
	return m;
}

void
thinking_free(struct sim *s)
{
	while (s->thinking.head >= 0) {
		int b = s->thinking.head;

		fifo_unlink(s, b);
		think_free(s->records[b].think);
		s->records[b].think = NULL;
	}
	ahead_free(s);
}

/* Links board's search into the queue, in due order (AHEAD_DUE: last). */
static void
fifo_link(struct sim *s, int board, simtime_t due)
{
	struct thinking *th = &s->thinking;
	struct board_record *r = &s->records[board];
	int after = th->tail;

	r->think_due = due;
	for (int i = 0; i < THINKING_SORT_STEPS && after >= 0 && s->records[after].think_due > due;
	     i++)
		after = s->records[after].think_prev;
	/* Link in after board `after` (-1: at the head). */
	r->think_prev = after;
	r->think_next = after >= 0 ? s->records[after].think_next : th->head;
	if (after >= 0)
		s->records[after].think_next = board;
	else
		th->head = board;
	if (r->think_next >= 0)
		s->records[r->think_next].think_prev = board;
	else
		th->tail = board;
}

/* Starts board's search of ply r->nmoves from the game g is at, into the queue. */
static void
think_start(struct sim *s, int board, const struct game *g, simtime_t due)
{
	struct board_record *r = &s->records[board];
	uint64_t seed;
	const struct player_profile *pr = record_player(s, board, r->nmoves, &seed);
	double t0 = realtime_thread_cpu();

	r->think = think_new(pr, g, seed);
	r->think_cpu = realtime_thread_cpu() - t0;
	fifo_link(s, board, due);
}

void
thinking_begin(struct sim *s, int board, int ply, const struct game *g, simtime_t due)
{
	struct board_record *r = &s->records[board];

	/* Its game moved on: searching it ahead may go on too. */
	ahead_queue(s, board);
	if (engine_play_side(s, board, ply)) {
		engine_play_begin(s, board, ply, due);
		return;
	}
	if (!cooperative(s) || ply != r->nmoves)
		return;
	if (r->think == NULL) {
		think_start(s, board, g, due);
	} else if (r->think_due == AHEAD_DUE) {
		/* Searched ahead, and now its player sits down: it takes its due place. */
		fifo_unlink(s, board);
		fifo_link(s, board, due);
	}
}

/*
 * Starts the search of the next ply the plan needs, up to horizon, from
 * the board's record replayed (no game is kept per board). False when
 * there is none.
 */
static bool
thinking_ahead(struct sim *s, simtime_t horizon)
{
	int board = ahead_next(s, horizon);
	struct board_record *r;
	struct position start;
	struct game g;

	if (board < 0)
		return false;
	r = &s->records[board];
	position_startpos(&start);
	game_init(&g, &start);
	for (int i = 0; i < r->nmoves && g.termination == TERM_NONE; i++)
		game_play(&g, r->moves[i]);
	if (g.termination != TERM_NONE) {
		ahead_over(s, board);
	} else {
		think_start(s, board, &g, AHEAD_DUE);
		s->thinking.ahead_searches++;
	}
	game_free(&g);
	return true;
}

bool
thinking_ready(struct sim *s, int board, int ply, const struct game *g, simtime_t due)
{
	if (!cooperative(s))
		return true;
	thinking_begin(s, board, ply, g, due);
	if (s->records[board].think == NULL)
		return true;
	s->thinking.wanted = board;
	return false;
}

/*
 * A greedy master's move inside a timer's callback holds the loop at
 * least sim_set_greedy_stall's seconds: the default master searches ~1 ms,
 * which no class can see. The work is scaled, not slept: the same search
 * runs again, its result discarded, until the time is up, so the move,
 * the games and the totals are those of any other run with the seed, on
 * any machine; only the real stall grows.
 */
static void
thinking_greedy_stall(struct sim *s, int board, int ply, const struct game *g)
{
	double until = realtime_monotonic() + s->thinking.greedy_stall;
	uint64_t seed;
	const struct player_profile *pr = record_player(s, board, ply, &seed);

	while (realtime_monotonic() < until) {
		struct think *t = think_new(pr, g, seed);

		while (!think_step(t, 4096) && realtime_monotonic() < until)
			;
		think_free(t);
		s->thinking.greedy_repeats++;
	}
}

move_t
thinking_move(struct sim *s, int board, int ply, const struct game *g)
{
	struct board_record *r = &s->records[board];
	struct think *t = r->think;
	double cpu = 0.0, t0 = realtime_thread_cpu();
	uint64_t seed;

	if (t != NULL) {
		/* In flight, but its move is due now (a step, a fast-forward, greedy): finish it. */
		fifo_unlink(s, board);
		r->think = NULL;
		cpu = r->think_cpu;
		if (s->thinking.wanted == board)
			s->thinking.wanted = -1;
	} else {
		const struct player_profile *pr = record_player(s, board, ply, &seed);

		t = think_new(pr, g, seed);
	}
	while (!think_step(t, UINT64_MAX))
		;
	if (s->thinking.greedy && s->thinking.in_timer && ply % 2 == 0 &&
	    s->thinking.greedy_stall > 0)
		thinking_greedy_stall(s, board, ply, g);
	cpu += realtime_thread_cpu() - t0;
	return think_done(s, ply, t, cpu);
}

void
thinking_replayed(struct sim *s, int board, int ply, const struct game *g)
{
	struct thinking *th = &s->thinking;
	uint64_t seed;
	const struct player_profile *pr;

	if (!th->greedy || !th->in_timer || engine_play_side(s, board, ply))
		return;
	if (ply % 2 == 0 && th->greedy_stall > 0) {
		thinking_greedy_stall(s, board, ply, g);
		return;
	}
	pr = record_player(s, board, ply, &seed);
	(void)player_choose(pr, g, seed);
	th->greedy_repeats++;
}

/* One slice of one search; true when that search finished. */
static bool
thinking_slice(struct sim *s, int board, uint64_t budget)
{
	struct board_record *r = &s->records[board];
	double t0 = realtime_thread_cpu();
	bool done = think_step(r->think, budget);
	int ply = r->nmoves;
	move_t m;

	r->think_cpu += realtime_thread_cpu() - t0;
	s->thinking.slices++;
	if (!done)
		return false;
	fifo_unlink(s, board);
	m = think_done(s, ply, r->think, r->think_cpu);
	r->think = NULL;
	/* Out of memory: the record stays short and the move is searched again when due. */
	if (record_store(s, board, ply, m) == 0)
		ahead_queue(s, board);
	return true;
}

bool
thinking_run_slice(struct sim *s, simtime_t horizon)
{
	struct thinking *th = &s->thinking;
	int b = th->wanted >= 0 ? th->wanted : th->head;

	if (b < 0 || s->records[b].think == NULL)
		return cooperative(s) && thinking_ahead(s, horizon);
	if (!th->greedy) {
		if (thinking_slice(s, b, THINKING_SLICE_NODES) && th->wanted == b)
			th->wanted = -1;
	} else if (th->wanted == b) {
		/* Greedy now, and the clock waits for this one: finish it in one go. */
		thinking_slice(s, b, UINT64_MAX);
		th->wanted = -1;
	} else {
		return false;
	}
	return true;
}

bool
thinking_ahead_pending(const struct sim *s, simtime_t horizon)
{
	return cooperative(s) && ahead_pending(s, horizon);
}

bool
thinking_sliced(const struct sim *s)
{
	return s->thinking.head >= 0 && !s->thinking.greedy;
}

void
sim_set_greedy_stall(struct sim *s, double seconds)
{
	s->thinking.greedy_stall = seconds > 0 ? seconds : 0;
}
