/*
 * The nodes below the root: alpha-beta (PVS with null move, late-move
 * reductions, check extension, internal iterative reduction, mate-distance
 * pruning, futility, late-move and SEE pruning, the transposition table)
 * and quiescence (captures and queen promotions, or every evasion in
 * check; it reads the table but never writes it, so its many nodes do not
 * crowd out the deeper results). Each works on one frame of the stack in
 * search_internal.h and ends every stage by calling a child (search_call),
 * returning to the parent (search_return), or setting the stage to resume
 * at; nothing here loops over plies, so search_step can stop between any
 * two nodes.
 *
 * keys[] holds the game's earlier positions followed by the path (keys[base
 * + ply]); since the last irreversible move and the last null move, a
 * position that occurred after the root is a draw (whoever repeated it can
 * again), and one from before the root only at its third occurrence, as
 * in the game: scores of 0 mean real draws. The fifty-move rule and dead
 * positions are draws too; mates score SEARCH_MATE - plies, so shorter
 * mates score higher.
 */
#include <math.h>

#include "engine/eval.h"
#include "engine/movegen.h"
#include "engine/search_internal.h"
#include "engine/see.h"

/* Tuning values. */
enum {
	SEARCH_NULL_MIN_DEPTH = 3,
	SEARCH_NULL_REDUCTION = 3,	/* plus depth / 4, plus a ply per 200 cp above beta (at most 3) */
	SEARCH_LMR_MIN_DEPTH = 3,
	SEARCH_LMR_MIN_MOVES = 3,	/* moves searched at full depth before reducing */
	SEARCH_LMR_HISTORY = 6000,	/* a ply less reduction per this much history */
	SEARCH_IIR_DEPTH = 4,		/* this deep with no hash move, search a ply shallower */
	SEARCH_DELTA_MARGIN = 200,	/* quiescence: skip captures that cannot reach alpha */
	SEARCH_RFP_DEPTH = 4,		/* reverse futility: this shallow, a static eval this far */
	SEARCH_RFP_MARGIN = 90,		/* above beta (per ply of depth) stands without a search */
	SEARCH_FUTILITY_DEPTH = 4,	/* futility: quiet moves this near the leaves, when the */
	SEARCH_FUTILITY_MARGIN = 110,	/* static eval plus this per ply cannot reach alpha, are skipped */
	SEARCH_LMP_DEPTH = 3,		/* late-move pruning: this shallow, quiet moves past */
	SEARCH_LMP_BASE = 4,		/* base + depth^2 searched moves are skipped */
	SEARCH_SEE_DEPTH = 6,		/* SEE pruning: this shallow, a capture losing more than */
	SEARCH_SEE_CAPTURE_MARGIN = 100,	/* this per ply, or a quiet move whose piece is lost */
	SEARCH_SEE_QUIET_MARGIN = 30,	/* for more than this per ply squared, is skipped */
};

/* Late-move reductions by [depth][moves searched], before the adjustments of search_reduction. */
static uint8_t search_lmr[64][64];

void
search_init(void)
{
	for (int d = 1; d < 64; d++)
		for (int n = 1; n < 64; n++)
			search_lmr[d][n] = (uint8_t)(0.75 + log(d) * log(n) / 2.25);
}

/* The static eval of p for its side to move, through the cache (search_internal.h). */
static int
search_eval(struct search *s, const struct position *p)
{
	uint64_t *slot = &s->eval_cache[p->key & s->eval_mask];
	int v;

	if ((*slot ^ p->key) >> 16 == 0)
		return (int16_t)(*slot & 0xffff);
	v = eval_position(p);
	*slot = (p->key & ~0xffffULL) | (uint16_t)v;
	return v;
}

/* Quiet moves are the ones killers, history and reductions are about. */
static bool
search_is_quiet(move_t m)
{
	return !move_is_capture(m) && !move_is_promotion(m);
}

static bool
search_repeated(const struct search *s, const struct search_frame *f)
{
	int idx = s->base + s->ply;
	int lo = idx - f->pos.halfmove;

	if (lo < f->rep_start)
		lo = f->rep_start;
	bool before_root = false;

	for (int i = idx - 2; i >= lo; i -= 2) {
		if (s->keys[i] != f->pos.key)
			continue;
		/* Since the root the side to move can repeat again; the game's past must show it twice. */
		if (i > s->base || before_root)
			return true;
		before_root = true;
	}
	return false;
}

/* The stored score settles f's window: exact, or a bound on the side that cuts. */
static bool
search_tt_answers(const struct tt_entry *e, const struct search_frame *f)
{
	return e->bound == TT_EXACT || (e->bound == TT_LOWER && e->score >= f->beta) ||
	    (e->bound == TT_UPPER && e->score <= f->alpha);
}

/* Null move is unsound in zugzwang, which is mostly a king-and-pawns matter. */
static bool
search_has_pieces(const struct position *p)
{
	int c = p->side;

	return (p->pieces[piece_make(c, KNIGHT)] | p->pieces[piece_make(c, BISHOP)] |
	    p->pieces[piece_make(c, ROOK)] | p->pieces[piece_make(c, QUEEN)]) != 0;
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
	f->checks_ready = false;
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
		search_return(s, search_eval(s, &f->pos));
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
		if (!f->pv_node && e.depth >= f->depth && search_tt_answers(&e, f)) {
			search_return(s, e.score);
			return;
		}
	}
	f->in_check = position_in_check(&f->pos);
	if (f->in_check)
		f->depth++;
	/* No hash move: the table never saw this node searched, so a shallower look orders it first. */
	if (f->depth >= SEARCH_IIR_DEPTH && f->hash_move == MOVE_NONE)
		f->depth--;
	/* The static evaluation serves the pruning of non-PV nodes only: PV nodes never compute it. */
	f->static_eval = f->pv_node || f->in_check ? -SEARCH_INF : search_eval(s, &f->pos);
	f->improving = !f->in_check && (f->pv_node || s->ply < 2 || f->static_eval > (f - 2)->static_eval);
	/* Reverse futility: so far above beta this near the leaves, the opponent will not catch up. */
	if (!f->pv_node && !f->in_check && f->depth <= SEARCH_RFP_DEPTH && f->beta > -SEARCH_MATE_BOUND &&
	    f->beta < SEARCH_MATE_BOUND && f->static_eval - SEARCH_RFP_MARGIN * (f->depth - f->improving) >= f->beta) {
		search_return(s, f->static_eval);
		return;
	}
	if (!f->pv_node && f->null_ok && !f->in_check && f->depth >= SEARCH_NULL_MIN_DEPTH &&
	    f->static_eval >= f->beta && search_has_pieces(&f->pos)) {
		int r = SEARCH_NULL_REDUCTION + f->depth / 4 +
		    ((f->static_eval - f->beta) / 200 < 3 ? (f->static_eval - f->beta) / 200 : 3);

		c->pos = f->pos;
		position_play_null(&c->pos);
		f->cur = MOVE_NONE;
		search_call(s, -f->beta, -f->beta + 1, f->depth - 1 - r, false, false, ST_AFTER_NULL);
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
		search_order_reward(s, f);
	tt_store(s->tt, f->pos.key, f->best_move, f->best, f->depth, TT_LOWER, s->ply);
	search_return(s, f->best);
	return false;
}

/*
 * Futility and late-move pruning of a quiet move near the leaves of a
 * non-PV node, once one move has been searched: when the static eval plus
 * a margin cannot reach alpha, or when this many moves failed to, a quiet
 * move that gives no check is not worth its search. SEE pruning, also
 * near the leaves: neither is a capture that loses material in the
 * exchange, or a quiet move that puts its piece where it is lost, by more
 * than a margin growing with the depth (+22 Elo in self-play over 1,280
 * games).
 */
static bool
search_prunable(const struct search *s, struct search_frame *f, move_t m)
{
	if (f->pv_node || f->in_check || f->searched == 0 || f->best <= -SEARCH_MATE_BOUND)
		return false;
	if (!search_is_quiet(m))
		return f->depth <= SEARCH_SEE_DEPTH && !move_is_promotion(m) && see_may_lose(&f->pos, m) &&
		    see_capture(&f->pos, m) < -SEARCH_SEE_CAPTURE_MARGIN * f->depth;
	if (m == s->killers[s->ply][0])
		return false;
	if (f->depth <= SEARCH_FUTILITY_DEPTH && f->static_eval + SEARCH_FUTILITY_MARGIN * f->depth <= f->alpha)
		return !search_gives_check(f, m);
	if (f->depth <= SEARCH_LMP_DEPTH && f->searched >= (SEARCH_LMP_BASE + f->depth * f->depth) / (2 - f->improving))
		return !search_gives_check(f, m);
	if (f->depth <= SEARCH_SEE_DEPTH && see_capture(&f->pos, m) < -SEARCH_SEE_QUIET_MARGIN * f->depth * f->depth)
		return !search_gives_check(f, m);
	return false;
}

/*
 * How much shallower a late quiet move is searched: ln(depth)·ln(moves
 * searched) / 2.25 plies (the late moves of a deep node are the ones
 * ordering says will not cut), a ply less at a PV node or for a killer,
 * and less or more as the move's history says it cuts or fails. At least
 * a ply of search stays.
 */
static int
search_reduction(const struct search *s, const struct search_frame *f, move_t m)
{
	int r = search_lmr[f->depth < 64 ? f->depth : 63][f->searched < 64 ? f->searched : 63];

	r -= f->pv_node;
	r += !f->improving;
	r -= m == s->killers[s->ply][0] || m == s->killers[s->ply][1];
	r -= s->history[f->pos.side][move_from(m)][move_to(m)] / SEARCH_LMR_HISTORY;
	if (r > f->depth - 2)
		r = f->depth - 2;
	return r > 0 ? r : 0;
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
	/* Most moves near the leaves are pruned: decide before copying and playing. */
	if (search_prunable(s, f, m)) {
		f->stage = ST_NEXT;
		return;
	}
	c->pos = f->pos;
	position_play(&c->pos, m);
	if (f->searched == 0) {
		search_call(s, -f->beta, -f->alpha, f->depth - 1, f->pv_node, true, ST_AFTER_FULL);
		return;
	}
	if (f->depth >= SEARCH_LMR_MIN_DEPTH && f->searched >= SEARCH_LMR_MIN_MOVES && !f->in_check &&
	    search_is_quiet(m) && !search_gives_check(f, m))
		r = search_reduction(s, f, m);
	f->reduction = r;
	search_call(s, -f->alpha - 1, -f->alpha, f->depth - 1 - r, false, true, ST_AFTER_ZW);
}

static void
search_q_enter(struct search *s, struct search_frame *f)
{
	struct tt_entry e;

	f->pv_len = 0;
	if (s->ply >= MAX_PLY - 1) {
		search_return(s, search_eval(s, &f->pos));
		return;
	}
	f->hash_move = MOVE_NONE;
	/* Quiescence stores nothing, but any search of this node answers it if its bound does. */
	if (tt_probe(s->tt, f->pos.key, s->ply, &e)) {
		if (search_tt_answers(&e, f)) {
			search_return(s, e.score);
			return;
		}
		f->hash_move = e.move;
	}
	f->in_check = position_in_check(&f->pos);
	if (f->in_check) {
		f->static_eval = -SEARCH_INF;
		f->best = -SEARCH_INF;
		f->n = movegen_legal(&f->pos, f->moves);
		if (f->n == 0) {
			search_return(s, -SEARCH_MATE + s->ply);
			return;
		}
	} else {
		f->static_eval = search_eval(s, &f->pos);
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
			/* A capture that loses material in the exchange is not what quiescence is for. */
			if (see_capture(&f->pos, m) < 0)
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

void
search_node_step(struct search *s, struct search_frame *f)
{
	int v;

	/* Until a child is entered (search_step counts it first) or the root resumes. */
	for (;;) {
		switch (f->stage) {
		case ST_ENTER:
			search_enter(s, f);
			break;
		case ST_Q_ENTER:
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
			/* A reduced move that beats alpha is searched again at full depth before it counts. */
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
		f = &s->stack[s->ply];
		if (s->ply == 0 || f->stage == ST_ENTER || f->stage == ST_Q_ENTER)
			return;
	}
}
