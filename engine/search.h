/*
 * Iterative-deepening principal-variation search with quiescence, written
 * as an explicit stack of per-ply frames driven by a state machine, so it
 * can run in slices: search_step() does at most `budget` nodes and
 * returns, and the next call resumes at exactly the node where it stopped.
 * A node limit therefore gives the same move and score however the work is
 * sliced; only the time limit depends on the clock.
 *
 * Everything a search needs lives in its context: limits, stop flag,
 * counters, killers, history, the path, and a transposition table the
 * caller owns (a UCI session keeps one across moves; a player's think uses
 * a fresh one so its move depends on nothing but its inputs).
 */
#ifndef SIMUL_ENGINE_SEARCH_H
#define SIMUL_ENGINE_SEARCH_H

#include "engine/position.h"
#include "engine/tt.h"

enum { SEARCH_MAX_DEPTH = MAX_PLY - 16 };

struct search_info {
	int		depth;		/* completed iteration */
	int		score;		/* centipawns for the side to move, or a mate score */
	uint64_t	nodes;
	int64_t		elapsed_us;	/* wall time since search_start */
	int		pv_len;
	move_t		pv[MAX_PLY];
};

typedef void search_info_fn(void *ctx, const struct search_info *info);

struct search_params {
	int		depth;		/* deepest iteration; 0 = SEARCH_MAX_DEPTH */
	uint64_t	nodes;		/* node limit; 0 = none */
	int64_t		movetime_us;	/* wall-time limit; 0 = none (the only non-deterministic limit) */
	int		noise_cp;	/* each root move gets a fixed random bonus in [-noise, +noise] */
	uint64_t	noise_seed;
	search_info_fn	*info;		/* called after each completed iteration; may be NULL */
	void		*info_ctx;
};

struct search;

/* NULL only when memory runs out. tt must outlive the search. */
struct search *search_new(struct tt *tt);
void search_free(struct search *s);

/*
 * Starts a search of root. history holds the keys of the positions before
 * root in the game (oldest first, root excluded) so repetitions of them
 * count as draws; n_history may be 0.
 */
void search_start(struct search *s, const struct position *root,
    const uint64_t *history, int n_history, const struct search_params *params);
/* Searches at most budget more nodes; true once the search is finished. */
bool search_step(struct search *s, uint64_t budget);
/* Asks the search to finish at its next node (or next step). */
void search_stop(struct search *s);

bool search_done(const struct search *s);
/* Best move so far (MOVE_NONE when root has no legal move). */
move_t search_best_move(const struct search *s);
int search_best_score(const struct search *s);
/* Deepest completed iteration, 0 before the first completes. */
int search_depth(const struct search *s);
uint64_t search_nodes(const struct search *s);
/* The principal variation of the result into pv (MAX_PLY); returns its length. */
int search_pv(const struct search *s, move_t *pv);

/* splitmix64: the seeded randomness of the search noise and of the players. */
uint64_t search_random(uint64_t *state);

/* Mate scores as UCI wants them: moves to mate, negative when mated; 0 when not a mate score. */
int search_mate_moves(int score);

#endif
