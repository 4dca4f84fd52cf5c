/*
 * Players: the strength profiles and the sliced think behind them. A
 * profile is a recipe for the search — how deep and how many nodes it may
 * look, how much random bonus each root move gets (so weaker players
 * prefer a slightly worse move now and then), and how often they blunder
 * outright (play a uniformly random legal move without thinking).
 *
 * A think owns its own small transposition table and search context and
 * draws all its randomness from one generator seeded by the seed, the
 * position's key and the ply; so the move depends only on the profile, the
 * game and the seed — not on how the work was sliced, on what else ran
 * before, or on how long it took (no profile has a time limit).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/player.h"
#include "engine/search.h"
#include "engine/xalloc.h"

/*
 * The budgets are small on purpose: a 24-board simul of 30 moves runs
 * ~720 master thinks and as many opponent thinks, and must finish with
 * chess on in well under a second of CPU.
 */
static const struct player_profile player_table[] = {
	{ "master", "strong: ~1500-node search, no noise, no blunders", 16, 1500, 0, 0 },
	/*
	 * master with 100x the nodes (150,000), kept second so master stays
	 * the first entry (UCI's default Skill). It exists to make the loop's
	 * stall visible: with the live view's g key a greedy search of ~0.1 s
	 * (50-150 ms here) freezes the view, which the ~1 ms of master cannot.
	 */
	{ "grandmaster", "slow on purpose: ~0.1 s CPU a move; with g the live view stalls", 16,
	  150000, 0, 0 },
	{ "club", "medium: 4-ply search within 400 nodes, 40 cp noise, 2% blunders", 4, 400, 40, 20 },
	{ "beginner", "weak: 1-ply search, 150 cp noise, 10% blunders", 1, 100, 150, 100 },
	{ "random", "a uniformly random legal move", 0, 0, 0, 1000 },
};

enum {
	PLAYER_TT_MIN = 1 << 10,	/* entries */
	PLAYER_TT_MAX = 1 << 20,
};

struct think {
	const struct player_profile	*pr;
	struct tt			 tt;
	struct search			*search;	/* NULL once done (or never needed) */
	move_t				 move;
	uint64_t			 nodes;
	bool				 done;
};

const struct player_profile *
player_profile_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(player_table); i++)
		if (strcmp(player_table[i].name, name) == 0)
			return &player_table[i];
	return NULL;
}

const struct player_profile *
player_profiles(size_t *n)
{
	*n = ARRAY_LEN(player_table);
	return player_table;
}

move_t
player_blunder(const struct player_profile *pr, uint64_t *rng, const move_t *moves, int n)
{
	if (n <= 0 || (int)(search_random(rng) % 1000) >= pr->blunder_permille)
		return MOVE_NONE;
	return moves[search_random(rng) % (uint64_t)n];
}

/* Releases the search early: a simul keeps many thinks alive at once. */
static void
think_finish(struct think *t)
{
	if (t->search != NULL) {
		t->move = search_best_move(t->search);
		t->nodes = search_nodes(t->search);
		search_free(t->search);
		t->search = NULL;
		tt_free(&t->tt);
	}
	t->done = true;
}

struct think *
think_new(const struct player_profile *pr, const struct game *g, uint64_t seed)
{
	struct think *t = xcalloc(1, sizeof(*t));
	move_t moves[MAX_MOVES];
	struct search_params sp;
	uint64_t rng = seed ^ (g->pos.key * 0x9e3779b97f4a7c15ULL) ^ (uint64_t)g->n;
	size_t entries = PLAYER_TT_MIN;
	int n;

	t->pr = pr;
	n = g->termination == TERM_NONE ? movegen_legal(&g->pos, moves) : 0;
	if (n == 0) {
		t->done = true;
		return t;
	}
	t->move = player_blunder(pr, &rng, moves, n);
	if (t->move != MOVE_NONE) {
		t->done = true;
		return t;
	}
	while (entries < PLAYER_TT_MAX && entries < 2 * pr->nodes)
		entries *= 2;
	if (tt_init(&t->tt, entries * sizeof(struct tt_entry)) != 0 ||
	    (t->search = search_new(&t->tt)) == NULL)
		xalloc_fail(entries * sizeof(struct tt_entry));
	memset(&sp, 0, sizeof(sp));
	sp.depth = pr->depth;
	sp.nodes = pr->nodes;
	sp.noise_cp = pr->noise_cp;
	sp.noise_seed = search_random(&rng);
	search_start(t->search, &g->pos, g->keys, g->n, &sp);
	if (search_done(t->search))
		think_finish(t);
	return t;
}

bool
think_step(struct think *t, uint64_t budget)
{
	if (t->done)
		return true;
	if (search_step(t->search, budget))
		think_finish(t);
	return t->done;
}

move_t
think_move(const struct think *t)
{
	return t->move;
}

uint64_t
think_nodes(const struct think *t)
{
	return t->search != NULL ? search_nodes(t->search) : t->nodes;
}

void
think_free(struct think *t)
{
	if (t == NULL)
		return;
	if (t->search != NULL) {
		search_free(t->search);
		tt_free(&t->tt);
	}
	free(t);
}

move_t
player_choose(const struct player_profile *pr, const struct game *g, uint64_t seed)
{
	struct think *t = think_new(pr, g, seed);
	move_t m;

	while (!think_step(t, UINT64_MAX))
		;
	m = think_move(t);
	think_free(t);
	return m;
}
