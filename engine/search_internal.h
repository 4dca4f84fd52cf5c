/*
 * The search's private data, shared by its three files: search.c (the
 * public API, iterative deepening at the root, limits and slices),
 * search_node.c (the alpha-beta and quiescence nodes) and search_order.c
 * (move ordering: keys, killers, history).
 *
 * The search is a state machine over an explicit stack. Frame [0] is the
 * root and runs the iterative deepening; frame [ply] holds everything a
 * recursive alpha-beta would keep in locals at that ply — the position, the
 * window, the move list with its ordering keys, the move being searched,
 * the best so far, the principal variation — plus `stage`, which says where
 * the frame resumes: a "call" fills the child frame and moves up one ply, a
 * "return" leaves its value in s->ret and moves down one ply, and the
 * parent's stage says what to do with it.
 *
 * The few helpers every node runs (call, return, pick, PV update) are
 * static inline here rather than in one of the files: there is no link-time
 * optimisation, and a call per move would cost nodes per second.
 */
#ifndef SIMUL_ENGINE_SEARCH_INTERNAL_H
#define SIMUL_ENGINE_SEARCH_INTERNAL_H

#include <limits.h>
#include <string.h>
#ifdef __AVX2__
#include <immintrin.h>
#endif

#include "engine/search.h"

enum search_stage {
	ST_ROOT_ITER,		/* start the next iteration */
	ST_ROOT_NEXT,		/* search the next root move */
	ST_ROOT_AFTER_ZW,	/* a root move's null-window search returned */
	ST_ROOT_AFTER_FULL,	/* a root move's full-window search returned */
	ST_ROOT_AFTER_ASP,	/* the first root move's aspiration-window search returned */
	ST_ENTER,		/* enter an alpha-beta node */
	ST_AFTER_NULL,		/* the null-move search returned */
	ST_NEXT,		/* search the next move */
	ST_AFTER_ZW,		/* null-window (maybe reduced) search returned */
	ST_AFTER_FULL,		/* full-window search returned */
	ST_Q_ENTER,		/* enter a quiescence node */
	ST_Q_NEXT,
	ST_Q_AFTER,
};

struct search_frame {
	struct position	pos;
	int		alpha, beta;
	int		depth;		/* remaining; check extension already added */
	int		orig_alpha;	/* to tell an exact score from an upper bound */
	int		best;
	int		static_eval;
	int		stage;		/* enum search_stage: where this frame resumes */
	int		n;		/* moves generated */
	int		next;		/* next move to pick */
	int		searched;	/* moves searched so far */
	int		reduction;	/* late-move reduction of the move in flight */
	int		rep_start;	/* keys[] index repetitions may look back to */
	bool		pv_node;
	bool		null_ok;
	bool		in_check;
	bool		improving;	/* static eval above the one two plies up: prune and reduce less */
	bool		checks_ready;	/* checks is filled for pos (search_gives_check) */
	struct position_checks checks;
	move_t		cur;		/* move in flight */
	move_t		best_move;
	move_t		hash_move;
	int		pv_len;
	move_t		pv[MAX_PLY];
	move_t		moves[MAX_MOVES];
	int		order[MAX_MOVES];	/* ordering keys, INT_MIN from n to n + 8 (legal moves are at most 218) */
};

enum { SEARCH_ROOT_PV = 32 };	/* moves of each root move's line kept for MultiPV */

struct search_root_move {
	move_t	move;
	int	noise;		/* fixed per search, drawn from the seed */
	int	score;		/* last iteration: exact for the best (MultiPV: the best k), a bound for the rest */
	bool	exact;		/* MultiPV: score and pv are exact for this iteration */
	int	pv_len;		/* MultiPV: its line */
	move_t	pv[SEARCH_ROOT_PV];
};

/*
 * Evaluation cache: a position's static eval by its key, direct-mapped.
 * Each slot holds the key's top 48 bits and the score (side to move) in
 * the low 16. Eval is a pure function of the position, so a hit gives
 * the same number a call would — the tree and the nodes are unchanged —
 * and the cache never needs clearing (a zeroed slot matches no real key
 * but one in 2^48). Quiescence re-evaluates many positions: transpositions
 * and the children of nodes the table answered.
 *
 * Its size follows the table's, a slot per SEARCH_EVAL_CACHE_SHARE
 * entries within [MIN, MAX]: a short think touches few positions and
 * would only pay for fresh pages, a long one revisits many more.
 */
enum {
	SEARCH_EVAL_CACHE_MIN = 1 << 12,	/* slots: 32 kB */
	SEARCH_EVAL_CACHE_MAX = 1 << 16,	/* 512 kB */
	SEARCH_EVAL_CACHE_SHARE = 16,
};

struct search {
	struct tt		*tt;
	uint64_t		*eval_cache;
	uint64_t		 eval_mask;	/* slots - 1 */
	struct search_frame	*stack;		/* MAX_PLY + 1 frames, [0] the root */
	uint64_t		*keys;		/* history then path: keys[base + ply] */
	int			 keys_cap;
	int			 base;
	int			 ply;
	int			 ret;		/* value the last child returned */
	struct search_params	 params;
	int			 max_depth;
	bool			 stop;
	bool			 done;
	uint64_t		 nodes;
	uint64_t		 next_clock;	/* node count at which to read the clock */
	int64_t			 start_us;
	move_t			 killers[MAX_PLY + 1][2];
	int			 history[2][64][64];
	move_t			 counters[16][64];	/* the reply that refuted [piece][to] last */
	struct search_root_move	 root[MAX_MOVES];
	int			 root_n;
	int			 iter;		/* iteration in progress */
	int			 iter_best;	/* root index of its best move, -1 before one */
	int			 iter_total;	/* its score plus noise */
	int			 iter_score;
	int			 multipv;	/* lines wanted, at least 1 */
	int			 result_depth;	/* depth of the iteration the result comes from */
	/* The result: the last completed iteration, or the partial one when stopped. */
	move_t			 best_move;
	int			 best_score;
	int			 depth_done;
	int			 pv_len;
	move_t			 pv[MAX_PLY];
};

/* search_node.c: runs the frame at s->ply from its stage (never a root stage), then the frames it returns
 * to, until a child is to be entered (search_step counts the node first) or the root resumes. */
void search_node_step(struct search *s, struct search_frame *f);

/* search_order.c */
void search_order_moves(const struct search *s, struct search_frame *f);
void search_order_root(const struct search *s, struct search_frame *f);
void search_order_reward(struct search *s, const struct search_frame *f);

/* Fills the child frame and moves up one ply; the parent resumes at `resume`. */
static inline void
search_call(struct search *s, int alpha, int beta, int depth, bool pv, bool null_ok, int resume)
{
	struct search_frame *f = &s->stack[s->ply], *c = f + 1;

	f->stage = resume;
	c->alpha = alpha;
	c->beta = beta;
	c->depth = depth;
	c->pv_node = pv;
	c->null_ok = null_ok;
	c->rep_start = f->rep_start;
	c->stage = depth > 0 ? ST_ENTER : ST_Q_ENTER;
	/* The child's table probe (quiescence probes too) is a cache miss in a large table: start the load now. */
	__builtin_prefetch(&s->tt->entries[c->pos.key & s->tt->mask]);
	s->ply++;
	s->keys[s->base + s->ply] = c->pos.key;
}

static inline void
search_return(struct search *s, int v)
{
	s->ret = v;
	s->ply--;
}

/*
 * The index of the first highest key in order[from, n). order[n, n + 8)
 * must hold INT_MIN (search_order_moves pads it), so whole vectors can be
 * read past the end. With AVX2 it is two passes of eight keys at a time —
 * the maximum, then the first lane equal to it — instead of a compare and
 * a conditional move per key on one dependency chain; the pick runs once
 * per move searched and most of a node's time went there.
 */
static inline int
search_pick_index(const int *order, int from, int n)
{
#ifdef __AVX2__
	__m256i top = _mm256_loadu_si256((const __m256i *)(order + from));

	for (int i = from + 8; i < n; i += 8)
		top = _mm256_max_epi32(top, _mm256_loadu_si256((const __m256i *)(order + i)));
	top = _mm256_max_epi32(top, _mm256_permute2x128_si256(top, top, 1));
	top = _mm256_max_epi32(top, _mm256_shuffle_epi32(top, _MM_SHUFFLE(1, 0, 3, 2)));
	top = _mm256_max_epi32(top, _mm256_shuffle_epi32(top, _MM_SHUFFLE(2, 3, 0, 1)));
	for (int i = from;; i += 8) {
		__m256i eq = _mm256_cmpeq_epi32(_mm256_loadu_si256((const __m256i *)(order + i)), top);
		unsigned mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(eq));

		if (mask)
			return i + __builtin_ctz(mask);
	}
#else
	int best = from, key = order[from];

	/* The best key kept in a register: no load of order[best] on the loop's critical path. */
	for (int i = from + 1; i < n; i++) {
		if (order[i] > key) {
			best = i;
			key = order[i];
		}
	}
	return best;
#endif
}

/*
 * Swaps the best-ordered remaining move to f->next and returns it; the
 * first of equals wins. A selection step rather than a sort up front,
 * because a cutoff usually comes before most moves are looked at.
 */
static inline move_t
search_pick(struct search_frame *f)
{
	int best = search_pick_index(f->order, f->next, f->n);

	if (best != f->next) {
		move_t m = f->moves[best];
		int key = f->order[best];

		f->moves[best] = f->moves[f->next];
		f->order[best] = f->order[f->next];
		f->moves[f->next] = m;
		f->order[f->next] = key;
	}
	return f->moves[f->next++];
}

/* Whether m, a move of f's list, checks; the node's check squares are worked out at the first question. */
static inline bool
search_gives_check(struct search_frame *f, move_t m)
{
	if (!f->checks_ready) {
		position_checks_init(&f->pos, &f->checks);
		f->checks_ready = true;
	}
	return position_gives_check(&f->pos, &f->checks, m);
}

/* f's PV becomes its move in flight followed by the child's PV. */
static inline void
search_pv_update(struct search_frame *f)
{
	const struct search_frame *c = f + 1;
	int n = c->pv_len < MAX_PLY - 1 ? c->pv_len : MAX_PLY - 1;

	f->pv[0] = f->cur;
	memcpy(f->pv + 1, c->pv, (size_t)n * sizeof(move_t));
	f->pv_len = n + 1;
}

#endif
