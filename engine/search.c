/*
 * Running a search: the public API, the iterative deepening at the root,
 * the limits and the slices. The data is struct search (search_internal.h):
 * the frame stack, the limits and counters, and the result — the last
 * completed iteration, or the partial one when the search is stopped.
 *
 * Frame [0] is the root. Its moves are generated and ordered once, at
 * search_start, into s->root[] with their fixed noise; each iteration
 * searches the first with a full window (from the fourth, an aspiration
 * window around the last score first, and the full one only when the score
 * falls outside) and the rest with a null window against the best so far
 * (plus noise), then moves the best to the front.
 * The nodes below are search_node.c's; search_step only dispatches on the
 * stage of the frame on top.
 *
 * A node is counted when a frame is entered, and the only place a slice can
 * end is just before that: the frame's stage is still "enter", so the next
 * step enters it as if nothing had happened. Because the node and depth
 * limits are checked at the same place from the same counters, the search
 * takes the same path whatever the slice size.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/movegen.h"
#include "engine/search_internal.h"
#include "engine/xalloc.h"

enum {
	SEARCH_TIME_CHECK = 1024,	/* nodes between clock reads: clock_gettime is not free */
	SEARCH_ASP_DEPTH = 4,		/* from this iteration the first root move gets a window */
	SEARCH_ASP_WINDOW = 35,		/* this wide either side of the last iteration's score */
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
	size_t slots = SEARCH_EVAL_CACHE_MIN;

	if (s == NULL)
		return NULL;
	while (slots < SEARCH_EVAL_CACHE_MAX && slots * SEARCH_EVAL_CACHE_SHARE <= tt->mask)
		slots *= 2;
	s->eval_mask = slots - 1;
	s->stack = malloc((MAX_PLY + 1) * sizeof(*s->stack));
	s->eval_cache = calloc(slots, sizeof(*s->eval_cache));
	if (s->stack == NULL || s->eval_cache == NULL) {
		search_free(s);
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
	free(s->eval_cache);
	free(s);
}

/* Picks the result when the search ends, stopped or complete. */
static void
search_finish(struct search *s)
{
	const struct search_frame *r = &s->stack[0];

	s->result_depth = s->depth_done;
	if (s->iter > s->depth_done && s->iter_best >= 0) {
		/* Stopped inside an iteration that already has a searched best: take it. */
		s->best_move = s->root[s->iter_best].move;
		s->best_score = s->iter_score;
		s->pv_len = r->pv_len;
		memcpy(s->pv, r->pv, (size_t)r->pv_len * sizeof(move_t));
		s->result_depth = s->iter;
	}
	s->done = true;
	s->ply = 0;
}

static void
search_report(struct search *s, int multipv, int score, const move_t *pv, int pv_len)
{
	struct search_info info;

	if (s->params.info == NULL)
		return;
	info.multipv = multipv;
	info.depth = s->depth_done;
	info.score = score;
	info.nodes = s->nodes;
	info.elapsed_us = search_now_us() - s->start_us;
	info.pv_len = pv_len;
	memcpy(info.pv, pv, (size_t)pv_len * sizeof(move_t));
	s->params.info(s->params.info_ctx, &info);
}

/* MultiPV: the exact lines first, best first; a stable sort keeps ties in search order. */
static void
search_sort_root(struct search *s)
{
	for (int i = 1; i < s->root_n; i++) {
		struct search_root_move m = s->root[i];
		int j = i;

		for (; j > 0 && (m.exact > s->root[j - 1].exact ||
		    (m.exact == s->root[j - 1].exact && m.score > s->root[j - 1].score)); j--)
			s->root[j] = s->root[j - 1];
		s->root[j] = m;
	}
}

static void
search_iteration_done(struct search *s)
{
	struct search_frame *r = &s->stack[0];
	struct search_root_move best = s->root[s->iter_best];

	s->best_move = best.move;
	s->best_score = s->iter_score;
	s->depth_done = s->iter;
	s->result_depth = s->iter;
	s->pv_len = r->pv_len;
	memcpy(s->pv, r->pv, (size_t)r->pv_len * sizeof(move_t));
	if (s->multipv > 1) {
		search_sort_root(s);
		for (int i = 0; i < s->multipv && s->root[i].exact; i++) {
			if (i == 0)
				search_report(s, 1, s->best_score, s->pv, s->pv_len);
			else
				search_report(s, i + 1, s->root[i].score, s->root[i].pv, s->root[i].pv_len);
		}
		return;
	}
	/* Best first next time, the others in their order. */
	memmove(&s->root[1], &s->root[0], (size_t)s->iter_best * sizeof(s->root[0]));
	s->root[0] = best;
	search_report(s, 1, s->best_score, s->pv, s->pv_len);
}

/* searchmoves: keeps the root moves that are in the list (all of them when none is). */
static void
search_filter_root(struct search_frame *r, const move_t *only, int n_only)
{
	int kept = 0;

	for (int i = 0; i < r->n; i++) {
		for (int j = 0; j < n_only; j++) {
			if (r->moves[i] == only[j]) {
				r->moves[kept++] = r->moves[i];
				break;
			}
		}
	}
	if (kept > 0)
		r->n = kept;
}

void
search_start(struct search *s, const struct position *root,
    const uint64_t *history, int n_history, const struct search_params *params)
{
	struct search_frame *r = &s->stack[0];
	uint64_t rng;
	int need = n_history + MAX_PLY + 2;

	if (need > s->keys_cap) {
		s->keys = xrealloc(s->keys, (size_t)need * sizeof(uint64_t));
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
	memset(s->counters, 0, sizeof(s->counters));
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
	r->depth = 1;	/* ordering treats the root as a full-width node */
	r->static_eval = -SEARCH_INF;	/* a PV node: never evaluated (its grandchildren read it) */
	{
		struct tt_entry e;

		if (tt_probe(s->tt, root->key, 0, &e))
			r->hash_move = e.move;
	}
	r->n = movegen_legal(root, r->moves);
	if (params->n_root_moves > 0)
		search_filter_root(r, params->root_moves, params->n_root_moves);
	search_order_root(s, r);
	rng = params->noise_seed;
	s->root_n = r->n;
	s->multipv = params->multipv < 1 ? 1 : params->multipv > r->n ? r->n : params->multipv;
	s->result_depth = 0;
	for (int i = 0; i < r->n; i++) {
		s->root[i].move = r->moves[i];
		s->root[i].score = 0;
		s->root[i].exact = false;
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

/*
 * The score a root move must beat to be searched with a full window, or
 * -SEARCH_INF when it gets one anyway. One line: the best so far (less
 * this move's noise). MultiPV with k lines: the k-th best exact score of
 * this iteration, once k moves have one.
 */
static int
search_root_bar(const struct search *s, const struct search_root_move *rm)
{
	int top[MAX_MOVES], n = 0;

	if (s->multipv == 1)
		return s->iter_best < 0 ? -SEARCH_INF : s->iter_total - rm->noise;
	for (const struct search_root_move *o = s->root; o < s->root + s->root_n; o++) {
		int j = n++;

		if (!o->exact || o == rm) {
			n--;
			continue;
		}
		for (; j > 0 && top[j - 1] < o->score; j--)
			top[j] = top[j - 1];
		top[j] = o->score;
	}
	return n < s->multipv ? -SEARCH_INF : top[s->multipv - 1];
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
		/*
		 * An iteration costs about what all the ones before it did together
		 * and more: one started late would be cut off in its first moves,
		 * where it seldom changes the choice. Its nodes go to the searches
		 * that can finish theirs (the profile's budget is set for the mean).
		 */
		if (s->iter >= s->max_depth ||
		    (s->params.nodes_soft > 0 && s->depth_done > 0 && s->nodes >= s->params.nodes_soft)) {
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
		rm->exact = false;
		f->cur = rm->move;
		c->pos = f->pos;
		position_play(&c->pos, rm->move);
		if (s->params.currmove != NULL)
			s->params.currmove(s->params.info_ctx, rm->move, f->next + 1, s->iter);
		a = search_root_bar(s, rm);
		if (a == -SEARCH_INF && s->multipv == 1 && s->iter >= SEARCH_ASP_DEPTH &&
		    abs(s->best_score) < SEARCH_MATE_BOUND)
			/* The first move usually scores near the last iteration: a narrow window cuts more. */
			search_call(s, -s->best_score - SEARCH_ASP_WINDOW, -s->best_score + SEARCH_ASP_WINDOW,
			    s->iter - 1, true, true, ST_ROOT_AFTER_ASP);
		else if (a == -SEARCH_INF)
			search_call(s, -SEARCH_INF, SEARCH_INF, s->iter - 1, true, true, ST_ROOT_AFTER_FULL);
		else
			search_call(s, -a - 1, -a, s->iter - 1, false, true, ST_ROOT_AFTER_ZW);
		return true;
	case ST_ROOT_AFTER_ZW:
		rm = &s->root[f->next];
		v = -s->ret;
		a = search_root_bar(s, rm);
		if (v > a) {
			search_call(s, -SEARCH_INF, -a, s->iter - 1, true, true, ST_ROOT_AFTER_FULL);
			return true;
		}
		rm->score = v;
		f->next++;
		f->stage = ST_ROOT_NEXT;
		return true;
	case ST_ROOT_AFTER_ASP:
		v = -s->ret;
		if (v <= s->best_score - SEARCH_ASP_WINDOW || v >= s->best_score + SEARCH_ASP_WINDOW) {
			/* Outside the window the score is only a bound: search again with none. */
			search_call(s, -SEARCH_INF, SEARCH_INF, s->iter - 1, true, true, ST_ROOT_AFTER_FULL);
			return true;
		}
		/* Inside the window the score is exact. */
		/* fall through */
	case ST_ROOT_AFTER_FULL:
		rm = &s->root[f->next];
		v = -s->ret;
		rm->score = v;
		if (s->multipv > 1) {
			rm->exact = true;
			rm->pv[0] = rm->move;
			rm->pv_len = 1 + (c->pv_len < SEARCH_ROOT_PV - 1 ? c->pv_len : SEARCH_ROOT_PV - 1);
			memcpy(rm->pv + 1, c->pv, (size_t)(rm->pv_len - 1) * sizeof(move_t));
		}
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
		int a;

		switch (f->stage) {
		case ST_ROOT_ITER:
		case ST_ROOT_NEXT:
		case ST_ROOT_AFTER_ZW:
		case ST_ROOT_AFTER_FULL:
		case ST_ROOT_AFTER_ASP:
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
			search_node_step(s, f);
			break;
		default:
			search_node_step(s, f);
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

void
search_result(const struct search *s, struct search_info *out)
{
	out->multipv = 1;
	out->depth = s->result_depth;
	out->score = s->best_score;
	out->nodes = s->nodes;
	out->elapsed_us = search_now_us() - s->start_us;
	out->pv_len = s->pv_len;
	memcpy(out->pv, s->pv, (size_t)s->pv_len * sizeof(move_t));
	if (out->pv_len == 0 && s->best_move != MOVE_NONE) {
		out->pv[0] = s->best_move;
		out->pv_len = 1;
	}
}

int64_t
search_elapsed_us(const struct search *s)
{
	return search_now_us() - s->start_us;
}

void
search_set_time_left(struct search *s, int64_t us)
{
	s->params.movetime_us = search_now_us() - s->start_us + (us > 0 ? us : 1);
	s->next_clock = s->nodes;
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
