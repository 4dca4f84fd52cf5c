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
	int		multipv;	/* 1 = the best line, 2 the second best, ... */
	int		depth;		/* completed iteration (the last one's, partial, in a final report) */
	int		score;		/* centipawns for the side to move, or a mate score */
	uint64_t	nodes;
	int64_t		elapsed_us;	/* wall time since search_start */
	int		pv_len;
	move_t		pv[MAX_PLY];
};

typedef void search_info_fn(void *ctx, const struct search_info *info);
/* The root move the search starts on: number counts from 1 in this iteration. */
typedef void search_currmove_fn(void *ctx, move_t move, int number, int depth);

struct search_params {
	int		depth;		/* deepest iteration; 0 = SEARCH_MAX_DEPTH */
	uint64_t	nodes;		/* node limit; 0 = none */
	uint64_t	nodes_soft;	/* no iteration starts past this many nodes; 0 = none */
	int64_t		movetime_us;	/* wall-time limit; 0 = none (the only non-deterministic limit) */
	int		noise_cp;	/* each root move gets a fixed random bonus in [-noise, +noise] */
	uint64_t	noise_seed;
	int		multipv;	/* exact scores and lines for this many best moves; 0 or 1 = one */
	const move_t	*root_moves;	/* search only these root moves (the legal ones among them) */
	int		n_root_moves;	/* 0 = all moves */
	search_info_fn	*info;		/* called after each completed iteration, once per line; may be NULL */
	search_currmove_fn *currmove;	/* called as each root move starts; may be NULL */
	void		*info_ctx;	/* for both */
};

struct search;

/* The search's tables; engine_init calls it. */
void search_init(void);

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
/* The result as an info report (multipv 1): the depth, score and line the best move comes from. */
void search_result(const struct search *s, struct search_info *out);
/* Microseconds since search_start. */
int64_t search_elapsed_us(const struct search *s);
/* Sets the wall-time limit to us from now (ponderhit: the clock starts when the guess is right). */
void search_set_time_left(struct search *s, int64_t us);

/* splitmix64: the seeded randomness of the search noise and of the players. */
uint64_t search_random(uint64_t *state);

/* Mate scores as UCI wants them: moves to mate, negative when mated; 0 when not a mate score. */
int search_mate_moves(int score);

#endif
