/*
 * The games played before the clock starts, on all the cores. A board's
 * game depends only on the seed and the players, never on the timing
 * (record.c), so with chess on every board's whole game can be searched
 * first, boards spread over threads, into the shared record; the clock
 * then replays it and never waits for a search. The moves, events and
 * totals are those of a run that searched each move when it was played;
 * only the wall time shrinks (24 boards on two cores: about half).
 *
 * Each thread takes the next board from a shared counter and plays its
 * game to the end or to the move limit, searching each ply exactly as
 * thinking_move would (record_player's profile and seed, player_choose),
 * into a buffer of its own. Nothing of the sim is written until every
 * thread is joined: then the moves go into the records in board order
 * and the CPU time into the same counters thinking.c keeps.
 * The threads block every signal, so Ctrl-C reaches the caller's
 * handler; its flag stops each thread after the ply it is searching and
 * keeps the plies already searched.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "sim/sim_internal.h"
#include "sim/realtime.h"

struct prepared {
	move_t			*moves;
	int			 n;
	struct search_tally	 searched;
};

struct prepare {
	struct sim			*s;
	struct prepared			*boards;
	int				 plies;	/* the most a game plays */
	atomic_int			 next;	/* the next board to take */
	const volatile sig_atomic_t	*stop;
};

/* Board's game from the start, ply by ply, until it ends, the limit or a stop. */
static void
prepare_board(struct prepare *p, int board)
{
	struct prepared *b = &p->boards[board];
	struct position start;
	struct game g;

	position_startpos(&start);
	game_init(&g, &start);
	for (int ply = 0; ply < p->plies && g.termination == TERM_NONE; ply++) {
		uint64_t seed;
		const struct player_profile *pr = record_player(p->s, board, ply, &seed);
		double t0 = realtime_thread_cpu();

		if (p->stop != NULL && *p->stop)
			break;
		b->moves[ply] = player_choose(pr, &g, seed);
		search_tally_add(&b->searched, ply, realtime_thread_cpu() - t0);
		game_play(&g, b->moves[ply]);
		b->n = ply + 1;
	}
	game_free(&g);
}

static void *
prepare_thread(void *arg)
{
	struct prepare *p = arg;
	int board;

	while ((board = atomic_fetch_add(&p->next, 1)) < p->s->config.boards)
		prepare_board(p, board);
	return NULL;
}

/* Starts up to n - 1 helpers with every signal blocked; how many started. */
static int
prepare_start(struct prepare *p, pthread_t *tids, int n)
{
	sigset_t all, old;
	int started = 0;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	while (started < n - 1 && pthread_create(&tids[started], NULL, prepare_thread, p) == 0)
		started++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return started;
}

/* The buffers into the records, in board order, and the CPU into thinking's counters. */
static void
prepare_store(struct prepare *p)
{
	struct sim *s = p->s;
	struct search_tally *all = &s->thinking.searched;

	for (int board = 0; board < s->config.boards; board++) {
		const struct search_tally *b = &p->boards[board].searched;

		for (int ply = 0; ply < p->boards[board].n; ply++)
			if (record_store(s, board, ply, p->boards[board].moves[ply]) < 0)
				break;	/* out of memory: the clock searches the rest itself */
		all->master_searches += b->master_searches;
		all->opponent_searches += b->opponent_searches;
		all->master_cpu += b->master_cpu;
		all->opponent_cpu += b->opponent_cpu;
		if (b->master_cpu_max > all->master_cpu_max)
			all->master_cpu_max = b->master_cpu_max;
	}
}

/* Whether every ply of every board is the engine's to choose here, none yet chosen. */
static bool
prepare_possible(const struct sim *s)
{
	if (s->records == NULL)
		return false;
	for (int board = 0; board < s->config.boards; board++)
		if (s->records[board].nmoves > 0 || engine_play_side(s, board, 0) ||
		    engine_play_side(s, board, 1))
			return false;
	return true;
}

int
sim_prepare_games(struct sim *s, int threads, const volatile sig_atomic_t *stop)
{
	struct prepare p = { .s = s, .plies = 2 * s->config.moves, .stop = stop };
	pthread_t *tids;
	move_t *moves;
	int started;

	if (threads < 2 || s->config.boards < 2 || !prepare_possible(s))
		return 0;
	if (threads > s->config.boards)
		threads = s->config.boards;
	atomic_init(&p.next, 0);
	p.boards = calloc((size_t)s->config.boards, sizeof(*p.boards));
	moves = calloc((size_t)s->config.boards * (size_t)p.plies, sizeof(*moves));
	tids = calloc((size_t)threads, sizeof(*tids));
	if (p.boards == NULL || moves == NULL || tids == NULL) {
		/* Not worth failing for: the clock searches every move itself. */
		free(p.boards);
		free(moves);
		free(tids);
		return 0;
	}
	for (int board = 0; board < s->config.boards; board++)
		p.boards[board].moves = moves + (size_t)board * (size_t)p.plies;
	started = prepare_start(&p, tids, threads);
	prepare_thread(&p);
	for (int i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	prepare_store(&p);
	free(p.boards);
	free(moves);
	free(tids);
	return started + 1;
}
