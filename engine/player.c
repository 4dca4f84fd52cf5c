/*
 * Players (first cut): a profile table and a one-ply chooser — material
 * after each legal move plus seeded noise — behind the sliced think API,
 * so the simulation links and plays legal chess while the real search is
 * written. A think here finishes in its first step.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/movegen.h"
#include "engine/player.h"

static const struct player_profile player_table[] = {
	{ "master", "strong: deep search, no noise", 6, 4000, 0, 0 },
	{ "club", "medium: shallow search, some noise", 3, 600, 40, 20 },
	{ "beginner", "weak: one ply, much noise, blunders", 1, 60, 150, 150 },
	{ "random", "a uniformly random legal move", 0, 0, 0, 1000 },
};

static const int player_piece_value[PIECE_TYPE_NB] = { 100, 320, 330, 500, 900, 0 };

struct think {
	const struct player_profile	*pr;
	struct position			 pos;
	uint64_t			 rng;
	uint64_t			 nodes;
	move_t				 best;
	bool				 done;
};

static uint64_t
player_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
player_material(const struct position *p, int side)
{
	int s = 0;

	for (int t = PAWN; t < KING; t++)
		s += player_piece_value[t] *
		    (__builtin_popcountll(p->pieces[piece_make(side, t)]) -
		    __builtin_popcountll(p->pieces[piece_make(!side, t)]));
	return s;
}

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

struct think *
think_new(const struct player_profile *pr, const struct game *g, uint64_t seed)
{
	struct think *t = calloc(1, sizeof(*t));

	if (t == NULL)
		abort();
	t->pr = pr;
	t->pos = g->pos;
	t->rng = seed ^ g->pos.key ^ ((uint64_t)g->n << 32);
	return t;
}

bool
think_step(struct think *t, uint64_t budget)
{
	move_t moves[MAX_MOVES];
	int n, best = -1000000;

	(void)budget;
	if (t->done)
		return true;
	t->done = true;
	n = movegen_legal(&t->pos, moves);
	if (n == 0)
		return true;
	if ((int)(player_rand(&t->rng) % 1000) < t->pr->blunder_permille) {
		t->best = moves[player_rand(&t->rng) % (uint64_t)n];
		return true;
	}
	for (int i = 0; i < n; i++) {
		struct position c = t->pos;
		int s;

		position_play(&c, moves[i]);
		t->nodes++;
		s = player_material(&c, t->pos.side);
		if (t->pr->noise_cp > 0)
			s += (int)(player_rand(&t->rng) % (uint64_t)(2 * t->pr->noise_cp + 1)) - t->pr->noise_cp;
		if (s > best) {
			best = s;
			t->best = moves[i];
		}
	}
	return true;
}

move_t
think_move(const struct think *t)
{
	return t->best;
}

uint64_t
think_nodes(const struct think *t)
{
	return t->nodes;
}

void
think_free(struct think *t)
{
	free(t);
}

move_t
player_choose(const struct player_profile *pr, const struct game *g, uint64_t seed)
{
	struct think *t = think_new(pr, g, seed);
	move_t m;

	while (!think_step(t, 1000))
		;
	m = think_move(t);
	think_free(t);
	return m;
}
