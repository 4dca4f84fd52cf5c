/*
 * The search as a state machine over an explicit stack. Frame [0] is the
 * root and runs the iterative deepening; frame [ply] holds everything a
 * recursive alpha-beta would keep in locals at that ply — the position, the
 * window, the move list with its ordering keys, the move being searched,
 * the best so far, the principal variation — plus `stage`, which says where
 * the frame resumes: a "call" fills the child frame and moves up one ply, a
 * "return" leaves its value in s->ret and moves down one ply, and the
 * parent's stage says what to do with it.
 *
 * A node is counted when a frame is entered, and the only place a slice can
 * end is just before that: the frame's stage is still "enter", so the next
 * step enters it as if nothing had happened. Because the node and depth
 * limits are checked at the same place from the same counters, the search
 * takes the same path whatever the slice size.
 *
 * keys[] holds the game's earlier positions followed by the path (keys[base
 * + ply]); a position that occurred before, since the last irreversible
 * move and the last null move, is a draw. The fifty-move rule and dead
 * positions are draws too; mates score SEARCH_MATE - plies, so shorter
 * mates score higher.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/eval.h"
#include "engine/movegen.h"
#include "engine/search.h"

/* Tuning values. */
enum {
	SEARCH_NULL_MIN_DEPTH = 3,
	SEARCH_NULL_REDUCTION = 2,	/* plus depth / 6 */
	SEARCH_LMR_MIN_DEPTH = 3,
	SEARCH_LMR_MIN_MOVES = 3,	/* moves searched at full depth before reducing */
	SEARCH_LMR_DEEP_MOVES = 10,	/* after these, reduce by two */
	SEARCH_DELTA_MARGIN = 200,	/* quiescence: skip captures that cannot reach alpha */
	SEARCH_TIME_CHECK = 1024,	/* nodes between clock reads */
	SEARCH_HISTORY_MAX = 1 << 20,
};

/* Move ordering keys: hash move, captures by MVV-LVA, killers, history. */
enum {
	ORDER_HASH = 1 << 30,
	ORDER_CAPTURE = 1 << 26,
	ORDER_KILLER1 = 1 << 25,
	ORDER_KILLER2 = (1 << 25) - 1,
};

enum search_stage {
	ST_ROOT_ITER,		/* start the next iteration */
	ST_ROOT_NEXT,		/* search the next root move */
	ST_ROOT_AFTER_ZW,	/* a root move's null-window search returned */
	ST_ROOT_AFTER_FULL,	/* a root move's full-window search returned */
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
	move_t		cur;		/* move in flight */
	move_t		best_move;
	move_t		hash_move;
	int		pv_len;
	move_t		pv[MAX_PLY];
	move_t		moves[MAX_MOVES];
	int		order[MAX_MOVES];
};

struct search_root_move {
	move_t	move;
	int	noise;		/* fixed per search, drawn from the seed */
	int	score;		/* last iteration: exact for the best, a bound for the rest */
};

struct search {
	struct tt		*tt;
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
	struct search_root_move	 root[MAX_MOVES];
	int			 root_n;
	int			 iter;		/* iteration in progress */
	int			 iter_best;	/* root index of its best move, -1 before one */
	int			 iter_total;	/* its score plus noise */
	int			 iter_score;
	/* The result: the last completed iteration, or the partial one when stopped. */
	move_t			 best_move;
	int			 best_score;
	int			 depth_done;
	int			 pv_len;
	move_t			 pv[MAX_PLY];
};

static int64_t
search_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

uint64_t
search_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

struct search *
search_new(struct tt *tt)
{
	struct search *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return NULL;
	s->stack = malloc((MAX_PLY + 1) * sizeof(*s->stack));
	if (s->stack == NULL) {
		free(s);
		return NULL;
	}
	s->tt = tt;
	s->done = true;
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->keys);
	free(s->stack);
	free(s);
}

static bool
search_is_quiet(move_t m)
{
	return !move_is_capture(m) && !move_is_promotion(m);
}

static void
search_order_moves(struct search *s, struct search_frame *f)
{
	const struct position *p = &f->pos;
	const move_t *killers = s->killers[s->ply];

	for (int i = 0; i < f->n; i++) {
		move_t m = f->moves[i];
		int key;

		if (m == f->hash_move) {
			key = ORDER_HASH;
		} else if (move_is_capture(m) || (move_is_promotion(m) && move_promotion_type(m) == QUEEN)) {
			int victim = move_flag(m) == MF_EN_PASSANT ? PAWN : piece_type(p->board[move_to(m)]);
			int attacker = piece_type(p->board[move_from(m)]);

			key = ORDER_CAPTURE + eval_piece_value(victim) * 8 - attacker;
			if (move_is_promotion(m))
				key += eval_piece_value(move_promotion_type(m));
		} else if (m == killers[0]) {
			key = ORDER_KILLER1;
		} else if (m == killers[1]) {
			key = ORDER_KILLER2;
		} else {
			key = s->history[p->side][move_from(m)][move_to(m)];
		}
		f->order[i] = key;
	}
}

/* Swaps the best-ordered remaining move to f->next and returns it; the first of equals wins. */
static move_t
search_pick(struct search_frame *f)
{
	int best = f->next;

	for (int i = f->next + 1; i < f->n; i++)
		if (f->order[i] > f->order[best])
			best = i;
	if (best != f->next) {
		move_t m = f->moves[best];
		int k = f->order[best];

		f->moves[best] = f->moves[f->next];
		f->order[best] = f->order[f->next];
		f->moves[f->next] = m;
		f->order[f->next] = k;
	}
	return f->moves[f->next++];
}

/* Fills the child frame and moves up one ply; the parent resumes at `resume`. */
static void
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
	s->ply++;
	s->keys[s->base + s->ply] = c->pos.key;
}

static void
search_return(struct search *s, int v)
{
	s->ret = v;
	s->ply--;
}

static bool
search_repeated(const struct search *s, const struct search_frame *f)
{
	int idx = s->base + s->ply;
	int lo = idx - f->pos.halfmove;

	if (lo < f->rep_start)
		lo = f->rep_start;
	for (int i = idx - 2; i >= lo; i -= 2)
		if (s->keys[i] == f->pos.key)
			return true;
	return false;
}

static bool
search_has_pieces(const struct position *p)
{
	int c = p->side;

	return (p->pieces[piece_make(c, KNIGHT)] | p->pieces[piece_make(c, BISHOP)] |
	    p->pieces[piece_make(c, ROOK)] | p->pieces[piece_make(c, QUEEN)]) != 0;
}

static void
search_pv_update(struct search_frame *f)
{
	const struct search_frame *c = f + 1;
	int n = c->pv_len < MAX_PLY - 1 ? c->pv_len : MAX_PLY - 1;

	f->pv[0] = f->cur;
	memcpy(f->pv + 1, c->pv, (size_t)n * sizeof(move_t));
	f->pv_len = n + 1;
}

static void
search_reward_quiet(struct search *s, const struct search_frame *f)
{
	move_t m = f->cur;
	move_t *k = s->killers[s->ply];
	int *h = &s->history[f->pos.side][move_from(m)][move_to(m)];

	if (k[0] != m) {
		k[1] = k[0];
		k[0] = m;
	}
	*h += f->depth * f->depth;
	if (*h > SEARCH_HISTORY_MAX) {
		int *all = &s->history[0][0][0];

		for (size_t i = 0; i < sizeof(s->history) / sizeof(int); i++)
			all[i] /= 2;
	}
}

/* Picks the result when the search ends, stopped or complete. */
static void
search_finish(struct search *s)
{
	const struct search_frame *r = &s->stack[0];

	if (s->iter > s->depth_done && s->iter_best >= 0) {
		/* Stopped inside an iteration that already has a searched best: take it. */
		s->best_move = s->root[s->iter_best].move;
		s->best_score = s->iter_score;
		s->pv_len = r->pv_len;
		memcpy(s->pv, r->pv, (size_t)r->pv_len * sizeof(move_t));
	}
	s->done = true;
	s->ply = 0;
}

static void
search_iteration_done(struct search *s)
{
	struct search_frame *r = &s->stack[0];
	struct search_root_move best = s->root[s->iter_best];
	struct search_info info;

	s->best_move = best.move;
	s->best_score = s->iter_score;
	s->depth_done = s->iter;
	s->pv_len = r->pv_len;
	memcpy(s->pv, r->pv, (size_t)r->pv_len * sizeof(move_t));
	/* Best first next time, the others in their order. */
	memmove(&s->root[1], &s->root[0], (size_t)s->iter_best * sizeof(s->root[0]));
	s->root[0] = best;
	if (s->params.info != NULL) {
		info.depth = s->depth_done;
		info.score = s->best_score;
		info.nodes = s->nodes;
		info.elapsed_us = search_now_us() - s->start_us;
		info.pv_len = s->pv_len;
		memcpy(info.pv, s->pv, (size_t)s->pv_len * sizeof(move_t));
		s->params.info(s->params.info_ctx, &info);
	}
}

void
search_start(struct search *s, const struct position *root,
    const uint64_t *history, int n_history, const struct search_params *params)
{
	struct search_frame *r = &s->stack[0];
	uint64_t rng;
	int need = n_history + MAX_PLY + 2;

	if (need > s->keys_cap) {
		uint64_t *k = realloc(s->keys, (size_t)need * sizeof(uint64_t));

		if (k == NULL)
			abort();
		s->keys = k;
		s->keys_cap = need;
	}
	if (n_history > 0)
		memcpy(s->keys, history, (size_t)n_history * sizeof(uint64_t));
	s->base = n_history;
	s->keys[s->base] = root->key;
	s->params = *params;
	s->max_depth = params->depth > 0 && params->depth < SEARCH_MAX_DEPTH ? params->depth : SEARCH_MAX_DEPTH;
	s->stop = false;
	s->done = false;
	s->nodes = 0;
	s->next_clock = SEARCH_TIME_CHECK;
	s->start_us = search_now_us();
	memset(s->killers, 0, sizeof(s->killers));
	memset(s->history, 0, sizeof(s->history));
	s->ply = 0;
	s->iter = 0;
	s->iter_best = -1;
	s->depth_done = 0;
	s->pv_len = 0;
	s->best_score = 0;

	r->pos = *root;
	r->rep_start = 0;
	r->pv_len = 0;
	r->stage = ST_ROOT_ITER;
	r->hash_move = MOVE_NONE;
	{
		struct tt_entry e;

		if (tt_probe(s->tt, root->key, 0, &e))
			r->hash_move = e.move;
	}
	r->n = movegen_legal(root, r->moves);
	search_order_moves(s, r);
	/* Stable insertion sort by ordering key: captures and the hash move first. */
	for (int i = 1; i < r->n; i++) {
		move_t m = r->moves[i];
		int k = r->order[i], j = i;

		for (; j > 0 && r->order[j - 1] < k; j--) {
			r->moves[j] = r->moves[j - 1];
			r->order[j] = r->order[j - 1];
		}
		r->moves[j] = m;
		r->order[j] = k;
	}
	rng = params->noise_seed;
	s->root_n = r->n;
	for (int i = 0; i < r->n; i++) {
		s->root[i].move = r->moves[i];
		s->root[i].score = 0;
		s->root[i].noise = params->noise_cp > 0
		    ? (int)(search_random(&rng) % (uint64_t)(2 * params->noise_cp + 1)) - params->noise_cp : 0;
	}
	if (r->n == 0) {
		s->best_move = MOVE_NONE;
		s->best_score = position_in_check(root) ? -SEARCH_MATE : 0;
		s->done = true;
		return;
	}
	s->best_move = s->root[0].move;
}

void
search_stop(struct search *s)
{
	s->stop = true;
}

/* Node accounting before entering a frame: 1 = pause the slice, -1 = stop, 0 = go. */
static int
search_account(struct search *s, uint64_t *slice, uint64_t budget)
{
	if (*slice >= budget)
		return 1;
	if (s->stop || (s->params.nodes > 0 && s->nodes >= s->params.nodes))
		return -1;
	if (s->params.movetime_us > 0 && s->nodes >= s->next_clock) {
		s->next_clock = s->nodes + SEARCH_TIME_CHECK;
		if (search_now_us() - s->start_us >= s->params.movetime_us) {
			s->stop = true;
			return -1;
		}
	}
	s->nodes++;
	(*slice)++;
	return 0;
}

/* Root stages; false when the search has finished. */
static bool
search_root(struct search *s, struct search_frame *f)
{
	struct search_frame *c = f + 1;
	struct search_root_move *rm;
	int v, a;

	switch (f->stage) {
	case ST_ROOT_ITER:
		if (s->iter >= s->max_depth) {
			search_finish(s);
			return false;
		}
		s->iter++;
		s->iter_best = -1;
		f->next = 0;
		f->pv_len = 0;
		f->stage = ST_ROOT_NEXT;
		return true;
	case ST_ROOT_NEXT:
		if (f->next == s->root_n) {
			search_iteration_done(s);
			f->stage = ST_ROOT_ITER;
			/* A mate within the horizon cannot get shorter by searching deeper. */
			if (s->params.noise_cp == 0 && abs(s->best_score) >= SEARCH_MATE_BOUND &&
			    SEARCH_MATE - abs(s->best_score) <= s->iter) {
				search_finish(s);
				return false;
			}
			return true;
		}
		rm = &s->root[f->next];
		f->cur = rm->move;
		c->pos = f->pos;
		position_play(&c->pos, rm->move);
		if (s->iter_best < 0) {
			search_call(s, -SEARCH_INF, SEARCH_INF, s->iter - 1, true, true, ST_ROOT_AFTER_FULL);
		} else {
			a = s->iter_total - rm->noise;
			search_call(s, -a - 1, -a, s->iter - 1, false, true, ST_ROOT_AFTER_ZW);
		}
		return true;
	case ST_ROOT_AFTER_ZW:
		rm = &s->root[f->next];
		v = -s->ret;
		a = s->iter_total - rm->noise;
		if (v > a) {
			search_call(s, -SEARCH_INF, -a, s->iter - 1, true, true, ST_ROOT_AFTER_FULL);
			return true;
		}
		rm->score = v;
		f->next++;
		f->stage = ST_ROOT_NEXT;
		return true;
	case ST_ROOT_AFTER_FULL:
		rm = &s->root[f->next];
		v = -s->ret;
		rm->score = v;
		if (s->iter_best < 0 || v + rm->noise > s->iter_total) {
			s->iter_best = f->next;
			s->iter_total = v + rm->noise;
			s->iter_score = v;
			search_pv_update(f);
		}
		f->next++;
		f->stage = ST_ROOT_NEXT;
		return true;
	}
	return true;
}

/* Generates the moves of an alpha-beta node; false when it returned (mate or stalemate). */
static bool
search_generate(struct search *s, struct search_frame *f)
{
	f->n = movegen_legal(&f->pos, f->moves);
	if (f->n == 0) {
		search_return(s, f->in_check ? -SEARCH_MATE + s->ply : 0);
		return false;
	}
	search_order_moves(s, f);
	f->best = -SEARCH_INF;
	f->best_move = MOVE_NONE;
	f->orig_alpha = f->alpha;
	f->next = 0;
	f->searched = 0;
	f->stage = ST_NEXT;
	return true;
}

static void
search_enter(struct search *s, struct search_frame *f)
{
	struct search_frame *c = f + 1;
	struct tt_entry e;

	f->pv_len = 0;
	if (f->pos.halfmove >= 100 || position_insufficient_material(&f->pos) || search_repeated(s, f)) {
		/* A mate on the hundredth ply still counts as mate. */
		if (f->pos.halfmove >= 100 && position_in_check(&f->pos) && movegen_legal(&f->pos, f->moves) == 0)
			search_return(s, -SEARCH_MATE + s->ply);
		else
			search_return(s, 0);
		return;
	}
	if (s->ply >= MAX_PLY - 1) {
		search_return(s, eval_position(&f->pos));
		return;
	}
	/* Mate-distance pruning: no score here can beat a mate already found nearer the root. */
	if (f->alpha < -SEARCH_MATE + s->ply)
		f->alpha = -SEARCH_MATE + s->ply;
	if (f->beta > SEARCH_MATE - s->ply - 1)
		f->beta = SEARCH_MATE - s->ply - 1;
	if (f->alpha >= f->beta) {
		search_return(s, f->alpha);
		return;
	}
	f->hash_move = MOVE_NONE;
	if (tt_probe(s->tt, f->pos.key, s->ply, &e)) {
		f->hash_move = e.move;
		if (!f->pv_node && e.depth >= f->depth &&
		    (e.bound == TT_EXACT || (e.bound == TT_LOWER && e.score >= f->beta) ||
		    (e.bound == TT_UPPER && e.score <= f->alpha))) {
			search_return(s, e.score);
			return;
		}
	}
	f->in_check = position_in_check(&f->pos);
	if (f->in_check)
		f->depth++;
	f->static_eval = f->in_check ? -SEARCH_INF : eval_position(&f->pos);
	if (!f->pv_node && f->null_ok && !f->in_check && f->depth >= SEARCH_NULL_MIN_DEPTH &&
	    f->static_eval >= f->beta && search_has_pieces(&f->pos)) {
		c->pos = f->pos;
		position_play_null(&c->pos);
		search_call(s, -f->beta, -f->beta + 1, f->depth - 1 - SEARCH_NULL_REDUCTION - f->depth / 6,
		    false, false, ST_AFTER_NULL);
		/* Nothing before a null move can repeat after it. */
		c->rep_start = s->base + s->ply;
		return;
	}
	search_generate(s, f);
}

/* Takes a searched move's score; false when the node returned (a cutoff). */
static bool
search_take(struct search *s, struct search_frame *f, int v)
{
	f->searched++;
	f->stage = ST_NEXT;
	if (v <= f->best)
		return true;
	f->best = v;
	if (v <= f->alpha)
		return true;
	f->alpha = v;
	f->best_move = f->cur;
	if (f->pv_node)
		search_pv_update(f);
	if (f->alpha < f->beta)
		return true;
	if (search_is_quiet(f->cur))
		search_reward_quiet(s, f);
	tt_store(s->tt, f->pos.key, f->best_move, f->best, f->depth, TT_LOWER, s->ply);
	search_return(s, f->best);
	return false;
}

static void
search_next(struct search *s, struct search_frame *f)
{
	struct search_frame *c = f + 1;
	move_t m;
	int r = 0;

	if (f->next == f->n) {
		tt_store(s->tt, f->pos.key, f->best_move, f->best, f->depth,
		    f->best > f->orig_alpha ? TT_EXACT : TT_UPPER, s->ply);
		search_return(s, f->best);
		return;
	}
	m = search_pick(f);
	f->cur = m;
	c->pos = f->pos;
	position_play(&c->pos, m);
	if (f->searched == 0) {
		search_call(s, -f->beta, -f->alpha, f->depth - 1, f->pv_node, true, ST_AFTER_FULL);
		return;
	}
	if (f->depth >= SEARCH_LMR_MIN_DEPTH && f->searched >= SEARCH_LMR_MIN_MOVES && !f->in_check &&
	    search_is_quiet(m) && m != s->killers[s->ply][0] && m != s->killers[s->ply][1] &&
	    !position_in_check(&c->pos))
		r = f->searched >= SEARCH_LMR_DEEP_MOVES && f->depth >= 5 ? 2 : 1;
	f->reduction = r;
	search_call(s, -f->alpha - 1, -f->alpha, f->depth - 1 - r, false, true, ST_AFTER_ZW);
}

static void
search_q_enter(struct search *s, struct search_frame *f)
{
	f->pv_len = 0;
	if (s->ply >= MAX_PLY - 1) {
		search_return(s, eval_position(&f->pos));
		return;
	}
	f->in_check = position_in_check(&f->pos);
	f->hash_move = MOVE_NONE;
	if (f->in_check) {
		f->static_eval = -SEARCH_INF;
		f->best = -SEARCH_INF;
		f->n = movegen_legal(&f->pos, f->moves);
		if (f->n == 0) {
			search_return(s, -SEARCH_MATE + s->ply);
			return;
		}
	} else {
		f->static_eval = eval_position(&f->pos);
		if (f->static_eval >= f->beta) {
			search_return(s, f->static_eval);
			return;
		}
		if (f->static_eval > f->alpha)
			f->alpha = f->static_eval;
		f->best = f->static_eval;
		f->n = movegen_captures(&f->pos, f->moves);
	}
	search_order_moves(s, f);
	f->next = 0;
	f->stage = ST_Q_NEXT;
}

static void
search_q_next(struct search *s, struct search_frame *f)
{
	struct search_frame *c = f + 1;

	while (f->next < f->n) {
		move_t m = search_pick(f);
		int gain;

		if (!f->in_check && !move_is_promotion(m)) {
			gain = move_flag(m) == MF_EN_PASSANT ? EVAL_PAWN
			    : eval_piece_value(piece_type(f->pos.board[move_to(m)]));
			if (f->static_eval + gain + SEARCH_DELTA_MARGIN <= f->alpha)
				continue;
		}
		f->cur = m;
		c->pos = f->pos;
		position_play(&c->pos, m);
		search_call(s, -f->beta, -f->alpha, 0, false, false, ST_Q_AFTER);
		return;
	}
	search_return(s, f->best);
}

bool
search_step(struct search *s, uint64_t budget)
{
	uint64_t slice = 0;

	if (s->done)
		return true;
	if (s->stop) {
		search_finish(s);
		return true;
	}
	for (;;) {
		struct search_frame *f = &s->stack[s->ply];
		int v, a;

		switch (f->stage) {
		case ST_ROOT_ITER:
		case ST_ROOT_NEXT:
		case ST_ROOT_AFTER_ZW:
		case ST_ROOT_AFTER_FULL:
			if (!search_root(s, f))
				return true;
			break;
		case ST_ENTER:
		case ST_Q_ENTER:
			a = search_account(s, &slice, budget);
			if (a > 0)
				return false;
			if (a < 0) {
				search_finish(s);
				return true;
			}
			if (f->stage == ST_ENTER)
				search_enter(s, f);
			else
				search_q_enter(s, f);
			break;
		case ST_AFTER_NULL:
			v = -s->ret;
			if (v >= f->beta)
				search_return(s, v >= SEARCH_MATE_BOUND ? f->beta : v);
			else
				search_generate(s, f);
			break;
		case ST_NEXT:
			search_next(s, f);
			break;
		case ST_AFTER_ZW:
			v = -s->ret;
			if (v > f->alpha && f->reduction > 0) {
				f->reduction = 0;
				search_call(s, -f->alpha - 1, -f->alpha, f->depth - 1, false, true, ST_AFTER_ZW);
			} else if (v > f->alpha && v < f->beta && f->pv_node) {
				search_call(s, -f->beta, -f->alpha, f->depth - 1, true, true, ST_AFTER_FULL);
			} else {
				search_take(s, f, v);
			}
			break;
		case ST_AFTER_FULL:
			search_take(s, f, -s->ret);
			break;
		case ST_Q_NEXT:
			search_q_next(s, f);
			break;
		case ST_Q_AFTER:
			v = -s->ret;
			f->stage = ST_Q_NEXT;
			if (v > f->best) {
				f->best = v;
				if (v > f->alpha) {
					f->alpha = v;
					if (v >= f->beta)
						search_return(s, v);
				}
			}
			break;
		}
	}
}

bool
search_done(const struct search *s)
{
	return s->done;
}

move_t
search_best_move(const struct search *s)
{
	return s->best_move;
}

int
search_best_score(const struct search *s)
{
	return s->best_score;
}

int
search_depth(const struct search *s)
{
	return s->depth_done;
}

uint64_t
search_nodes(const struct search *s)
{
	return s->nodes;
}

int
search_pv(const struct search *s, move_t *pv)
{
	memcpy(pv, s->pv, (size_t)s->pv_len * sizeof(move_t));
	return s->pv_len;
}

int
search_mate_moves(int score)
{
	if (score >= SEARCH_MATE_BOUND)
		return (SEARCH_MATE - score + 1) / 2;
	if (score <= -SEARCH_MATE_BOUND)
		return -((SEARCH_MATE + score) / 2);
	return 0;
}
