/*
 * Players: named strength profiles (master, club, beginner, random) and a
 * move choice that can run in slices. A think owns its search state, so it
 * can stop after any node budget and resume exactly where it stopped; the
 * chosen move depends only on the profile, the game and the seed, never on
 * how the work was sliced or how long it took.
 */
#ifndef SIMUL_ENGINE_PLAYER_H
#define SIMUL_ENGINE_PLAYER_H

#include "engine/game.h"

struct player_profile {
	const char	*name;		/* "master", "club", "beginner", "random" */
	const char	*summary;	/* one line for --help and --preset list */
	int		depth;		/* iterative deepening stops here */
	uint64_t	nodes;		/* node budget per move, 0 = none */
	int		noise_cp;	/* random centipawns added per root move */
	int		blunder_permille;	/* chance of a random legal move */
};

/* NULL when unknown. */
const struct player_profile *player_profile_find(const char *name);
/* All profiles, strongest first; *n gets their count. */
const struct player_profile *player_profiles(size_t *n);
/*
 * The profile's blunder: with its chance, a uniformly random one of the n
 * legal moves, drawn from *rng; else MOVE_NONE. Draws nothing when n is 0.
 */
move_t player_blunder(const struct player_profile *pr, uint64_t *rng, const move_t *moves, int n);

struct think;

struct think *think_new(const struct player_profile *pr, const struct game *g, uint64_t seed);
/* Searches at most budget nodes more; true once the move is chosen. */
bool think_step(struct think *t, uint64_t budget);
move_t think_move(const struct think *t);
uint64_t think_nodes(const struct think *t);
void think_free(struct think *t);

/* Convenience: a whole think in one call. */
move_t player_choose(const struct player_profile *pr, const struct game *g, uint64_t seed);

#endif
