/*
 * Players: the strength profiles and the sliced think behind them. A
 * profile is a recipe for the search — how deep and how many nodes it may
 * look, how much random bonus each root move gets (so weaker players
 * prefer a slightly worse move now and then), and how often they blunder
 * (choose by a hurried 1-ply look with large noise: a plausible move that
 * may lose material, as a human's blunder does). A profile of depth 0
 * plays uniformly random legal moves. Each profile carries its rating on
 * Stockfish's UCI_Elo scale, measured by tests/perf/perf_calibrate
 * (docs/calibration.md).
 *
 * A think owns its own small transposition table and search context and
 * draws all its randomness from one generator seeded by the seed, the
 * position's key and the ply; so the move depends only on the profile, the
 * game and the seed — not on how the work was sliced, on what else ran
 * before, or on how long it took (no profile has a time limit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/player.h"
#include "engine/search.h"
#include "engine/xalloc.h"

/*
 * The budgets are small on purpose: a 24-board simul of 30 moves runs
 * ~720 master thinks and as many opponent thinks, and the article's run
 * (`simul run`, both policies, the games searched on all the cores) must
 * finish with chess on in under 2 s: ~1.5 s on two idle cores here. master
 * starts no iteration past 10,000 nodes and stops at 22,500: an iteration
 * begun late would be cut off in its first moves, so its nodes go to the
 * searches that can finish one. In self-play over 640 games (4 random
 * plies after each book line) that beat the 7,800 / 17,500 before it by
 * +53 (+29..+77) Elo; 27,000 / 12,000 was +105 but took the article's run
 * to 2.0 s. 7,800 / 17,500 had beaten a flat 13,200 by +59 (+38..+82).
 */
/*
 * Ratings: Stockfish 15.1 with UCI_LimitStrength at 50,000 nodes a move,
 * tests/perf/perf_calibrate (docs/calibration.md has the games and the
 * recipe). beginner is below Stockfish's range and rated against club.
 */
#define PLAYER_ELO_METHOD "Stockfish 15.1 UCI_Elo scale, 50,000 nodes a move, 95% intervals"

static const struct player_profile player_table[] = {
	{ "master", "10,000-22,500 nodes, no noise, no blunders", SEARCH_MAX_DEPTH,
	  22500, 0, 0, 1918, 1888, 1948, PLAYER_ELO_METHOD, 10000 },
	/*
	 * The strongest, kept second so the exhibition's default stays first.
	 * It also makes the loop's stall visible: with the live view's g key a
	 * greedy search of ~0.5 s freezes the view, which the ~4 ms of master
	 * cannot. Its limits are master's in shape: no iteration starts past
	 * 750,000 nodes, none goes past 1,700,000 (about the CPU of the flat
	 * 1,000,000 it had).
	 */
	{ "grandmaster", "750,000-1,700,000 nodes (~0.5 s): with g the live view stalls", SEARCH_MAX_DEPTH,
	  1700000, 0, 0, 2192, 2105, 2268, PLAYER_ELO_METHOD, 750000 },
	{ "club", "1500-node search, 45 cp noise, 3.5% blunders", SEARCH_MAX_DEPTH, 1500, 45, 35,
	  1556, 1490, 1626, PLAYER_ELO_METHOD },
	{ "beginner", "500-node search, 80 cp noise, 7% blunders", SEARCH_MAX_DEPTH, 500, 80, 70,
	  1073, 924, 1201, PLAYER_ELO_METHOD },
	{ "random", "a uniformly random legal move", 0, 0, 0, 1000, 0, 0, 0, NULL },
};

enum {
	PLAYER_TT_MIN = 1 << 10,	/* entries */
	PLAYER_TT_MAX = 1 << 20,
	/*
	 * A blunder is a move chosen as a hurried human chooses one: a 1-ply
	 * look with this much noise per move, so it is a plausible move that
	 * may drop material, not a random one.
	 */
	PLAYER_BLUNDER_DEPTH = 1,
	PLAYER_BLUNDER_NOISE_CP = 300,
};

struct think {
	const struct player_profile	*pr;
	struct tt			 tt;
	struct search			*search;	/* NULL once done (or never needed) */
	move_t				 move;
	uint64_t			 nodes;
	int				 hashfull;	/* of tt, when it was freed */
	bool				 done;
	bool				 searched;	/* result holds the search's report */
	struct search_info		 result;
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
player_profile_for_elo(int elo)
{
	const struct player_profile *best = NULL;

	for (size_t i = 0; i < ARRAY_LEN(player_table); i++) {
		const struct player_profile *p = &player_table[i];

		if (p->elo > 0 && (best == NULL || abs(p->elo - elo) < abs(best->elo - elo)))
			best = p;
	}
	return best;
}

bool
player_elo_range(int *lo, int *hi)
{
	bool any = false;

	for (size_t i = 0; i < ARRAY_LEN(player_table); i++) {
		const struct player_profile *p = &player_table[i];

		if (p->elo <= 0)
			continue;
		if (!any || p->elo < *lo)
			*lo = p->elo;
		if (!any || p->elo > *hi)
			*hi = p->elo;
		any = true;
	}
	return any;
}

void
player_rating_text(const struct player_profile *pr, char *buf, size_t len)
{
	if (pr->elo > 0)
		snprintf(buf, len, "%d Elo (%d..%d)", pr->elo, pr->elo_lo, pr->elo_hi);
	else
		snprintf(buf, len, "not rated");
}

const struct player_profile *
player_profiles(size_t *n)
{
	*n = ARRAY_LEN(player_table);
	return player_table;
}

bool
player_blunders(const struct player_profile *pr, uint64_t *rng)
{
	return (int)(search_random(rng) % 1000) < pr->blunder_permille;
}

/* Releases the search early: a simul keeps many thinks alive at once. */
static void
think_finish(struct think *t)
{
	if (t->search != NULL) {
		t->move = search_best_move(t->search);
		t->nodes = search_nodes(t->search);
		search_result(t->search, &t->result);
		t->searched = true;
		search_free(t->search);
		t->search = NULL;
		t->hashfull = tt_hashfull(&t->tt);
		tt_free(&t->tt);
	}
	t->done = true;
}

struct think *
think_new(const struct player_profile *pr, const struct game *g, uint64_t seed)
{
	return think_new_extra(pr, g, seed, NULL);
}

struct think *
think_new_extra(const struct player_profile *pr, const struct game *g, uint64_t seed,
    const struct think_extra *extra)
{
	struct think *t = xcalloc(1, sizeof(*t));
	move_t moves[MAX_MOVES];
	struct search_params sp;
	uint64_t rng = seed ^ (g->pos.key * 0x9e3779b97f4a7c15ULL) ^ (uint64_t)g->n;
	size_t entries = PLAYER_TT_MIN;
	bool blunder;
	int n;

	t->pr = pr;
	n = g->termination == TERM_NONE ? movegen_legal(&g->pos, moves) : 0;
	if (n == 0) {
		t->done = true;
		return t;
	}
	blunder = player_blunders(pr, &rng);
	if (pr->depth == 0) {
		/* No search at all: a uniformly random legal move. */
		t->move = moves[search_random(&rng) % (uint64_t)n];
		t->done = true;
		return t;
	}
	while (entries < PLAYER_TT_MAX && entries < 2 * pr->nodes)
		entries *= 2;
	if (tt_init(&t->tt, entries * sizeof(struct tt_entry)) != 0 ||
	    (t->search = search_new(&t->tt)) == NULL)
		xalloc_fail(entries * sizeof(struct tt_entry));
	memset(&sp, 0, sizeof(sp));
	sp.depth = blunder ? PLAYER_BLUNDER_DEPTH : pr->depth;
	sp.nodes = pr->nodes;
	sp.nodes_soft = blunder ? 0 : pr->nodes_soft;
	sp.noise_cp = blunder ? PLAYER_BLUNDER_NOISE_CP : pr->noise_cp;
	sp.noise_seed = search_random(&rng);
	if (extra != NULL) {
		sp.movetime_us = extra->movetime_us;
		sp.info = extra->info;
		sp.currmove = extra->currmove;
		sp.info_ctx = extra->info_ctx;
	}
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

bool
think_finished(const struct think *t)
{
	return t->done;
}

void
think_stop(struct think *t)
{
	if (t->search != NULL)
		search_stop(t->search);
}

bool
think_result(const struct think *t, struct search_info *out)
{
	if (t->search != NULL)
		search_result(t->search, out);
	else if (t->searched)
		*out = t->result;
	return t->search != NULL || t->searched;
}

void
think_set_time_left(struct think *t, int64_t us)
{
	if (t->search != NULL)
		search_set_time_left(t->search, us);
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

int
think_hashfull(const struct think *t)
{
	return t->search != NULL ? tt_hashfull(&t->tt) : t->hashfull;
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
