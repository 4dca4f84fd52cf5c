/*
 * The per-board move records a struct sim shares between its exhibitions
 * (chess on): each ply's move, chosen once, and its simulated think time.
 * A board's game depends only on the seed and the players, never on the
 * timing, so whichever exhibition (or search slice) gets to a ply first
 * stores it and the others replay it. The arrays grow by doubling. Who
 * plays a board is here too, below everything that asks.
 */
#include <stdlib.h>

#include "sim/sim_internal.h"

static int
record_reserve(struct board_record *r, int need)
{
	if (need <= r->cap)
		return 0;
	int cap = r->cap ? r->cap * 2 : 16;

	while (cap < need)
		cap *= 2;
	move_t *m = realloc(r->moves, (size_t)cap * sizeof(*m));

	if (m == NULL)
		return -1;
	r->moves = m;
	simtime_t *t = realloc(r->times, (size_t)cap * sizeof(*t));

	if (t == NULL)
		return -1;
	r->times = t;
	r->cap = cap;
	return 0;
}

void
record_time(struct sim *s, int board, int ply, simtime_t t)
{
	struct board_record *r = &s->records[board];

	if (ply < r->ntimes || record_reserve(r, ply + 1) < 0)
		return;
	r->times[ply] = t;
	r->ntimes = ply + 1;
}

const struct player_profile *
record_player(const struct sim *s, int board, int ply, uint64_t *seed)
{
	*seed = rng_derive(rng_derive(s->config.seed, 3 * (uint64_t)board + 2), (uint64_t)ply);
	return ply % 2 == 0 ? s->master_profile : s->records[board].opponent;
}

int
record_store(struct sim *s, int board, int ply, move_t m)
{
	struct board_record *r = &s->records[board];

	if (ply != r->nmoves || record_reserve(r, ply + 1) < 0)
		return -1;
	r->moves[ply] = m;
	r->nmoves = ply + 1;
	s->recorded++;
	return 0;
}

const char *
sim_board_opponent(const struct sim *s, int board)
{
	if (s->opponents != NULL)
		return s->opponents[board]->name;
	return s->config.opponents;
}
