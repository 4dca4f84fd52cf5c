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
#include "engine/search.h"

struct player_profile {
	const char	*name;		/* "master", "club", "beginner", "random" */
	const char	*summary;	/* one line for --help and --preset list */
	int		depth;		/* iterative deepening stops here */
	uint64_t	nodes;		/* node budget per move, 0 = none */
	int		noise_cp;	/* random centipawns added per root move */
	int		blunder_permille;	/* chance of a random legal move */
	/* Measured on Stockfish's UCI_Elo scale (docs/calibration.md); 0 = not measured. */
	int		elo;
	int		elo_lo, elo_hi;	/* its 95% interval */
	const char	*elo_method;	/* how: opponent, games; NULL when not measured */
	uint64_t	nodes_soft;	/* no new iteration past this many nodes, 0 = none */
};

/* NULL when unknown. */
const struct player_profile *player_profile_find(const char *name);
/* The rated profile nearest to elo (UCI_LimitStrength); NULL when none is rated. */
const struct player_profile *player_profile_for_elo(int elo);
/* The range of the rated profiles' ratings; false when none is rated. */
bool player_elo_range(int *lo, int *hi);
/* "1950 Elo (1890..2010)" or "not rated", for help and tables. */
void player_rating_text(const struct player_profile *pr, char *buf, size_t len);
/* All profiles, strongest first; *n gets their count. */
const struct player_profile *player_profiles(size_t *n);
/* Whether this move is one of the profile's blunders (its chance per move), drawn from *rng. */
bool player_blunders(const struct player_profile *pr, uint64_t *rng);

struct think;

/*
 * What a UCI session adds to a think without changing the player: a wall
 * time that can only cut the search short (the GUI's clock), and the
 * search's info reports. Neither changes the move unless the clock runs out.
 */
struct think_extra {
	int64_t			 movetime_us;	/* 0 = none */
	search_info_fn		*info;
	search_currmove_fn	*currmove;
	void			*info_ctx;
};

struct think *think_new(const struct player_profile *pr, const struct game *g, uint64_t seed);
/* think_new with extra (may be NULL). */
struct think *think_new_extra(const struct player_profile *pr, const struct game *g, uint64_t seed,
    const struct think_extra *extra);
/* The move is chosen (think_step returned true, or it needed no search). */
bool think_finished(const struct think *t);
/* Ends the search at its next node; the move is the best found so far. */
void think_stop(struct think *t);
/* The search behind the move, as a report; false for a move chosen without one (a blunder). */
bool think_result(const struct think *t, struct search_info *out);
/* Sets the wall time left from now (see search_set_time_left); no effect once done. */
void think_set_time_left(struct think *t, int64_t us);
/* Searches at most budget nodes more; true once the move is chosen. */
bool think_step(struct think *t, uint64_t budget);
move_t think_move(const struct think *t);
uint64_t think_nodes(const struct think *t);
/* Per mille of the think's own table in use (UCI hashfull); as it was at the end once done. */
int think_hashfull(const struct think *t);
void think_free(struct think *t);

/* Convenience: a whole think in one call. */
move_t player_choose(const struct player_profile *pr, const struct game *g, uint64_t seed);

#endif
