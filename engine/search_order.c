/*
 * Move ordering. Every generated move gets an integer key in f->order[],
 * parallel to f->moves[], and search_pick (search_internal.h) takes the
 * highest key first. The keys are layered so that one comparison orders
 * them: the hash move above all, then captures and queen promotions by
 * MVV-LVA, then the two killers of this ply, then the counter-move, then
 * quiet moves by history, and last the captures that lose material by
 * SEE (a queen taking a defended pawn is rarely the move).
 *
 * Killers (s->killers[ply]), counter-moves (s->counters[piece][to] of the
 * move before) and history (s->history[side][from][to]) are what the
 * search learns as it goes: a quiet move that caused a cutoff is likely to
 * cause one again in a sibling node (killers), as the answer to the same
 * move (counters) or anywhere (history); the quiet moves tried before it
 * lose history, so a move that never cuts sinks. All are cleared at
 * search_start, so a search depends only on its inputs and its table.
 */
#include <stdlib.h>

#include "engine/eval.h"
#include "engine/search_internal.h"
#include "engine/see.h"

enum {
	ORDER_HASH = 1 << 30,
	ORDER_CAPTURE = 1 << 26,
	ORDER_KILLER1 = 1 << 25,
	ORDER_KILLER2 = (1 << 25) - 1,
	ORDER_COUNTER = (1 << 25) - 2,
	ORDER_BAD_CAPTURE = -(1 << 22),	/* below every history score: captures that lose material */
	/* History scores stay within +-this: each update moves them a share of the way there. */
	SEARCH_HISTORY_MAX = 16384,
	SEARCH_HISTORY_BONUS_UNIT = 32,	/* a cutoff moves history by this times depth squared, */
	SEARCH_HISTORY_BONUS_MAX = 1600,	/* at most this */
};

/* The move that led to f: MOVE_NONE at the root and after a null move. */
static move_t
search_order_prev(const struct search *s, const struct search_frame *f)
{
	return s->ply > 0 ? (f - 1)->cur : MOVE_NONE;
}

void
search_order_moves(const struct search *s, struct search_frame *f)
{
	const struct position *p = &f->pos;
	const move_t *killers = s->killers[s->ply];
	move_t prev = search_order_prev(s, f);
	move_t counter = prev != MOVE_NONE ? s->counters[p->board[move_to(prev)]][move_to(prev)] : MOVE_NONE;

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
			else if (f->depth > 0 && see_may_lose(p, m) && see_capture(p, m) < 0)
				key += ORDER_BAD_CAPTURE - ORDER_CAPTURE;
		} else if (m == killers[0]) {
			key = ORDER_KILLER1;
		} else if (m == killers[1]) {
			key = ORDER_KILLER2;
		} else if (m == counter) {
			key = ORDER_COUNTER;
		} else {
			key = s->history[p->side][move_from(m)][move_to(m)];
		}
		f->order[i] = key;
	}
	for (int i = f->n; i < f->n + 8; i++)	/* search_pick_index reads whole vectors */
		f->order[i] = INT_MIN;
}

/*
 * Keys and sorts the root's moves once, at search_start. Stable insertion
 * sort, so moves of equal key keep the generator's order; after that the
 * iterations reorder the root list themselves (best first).
 */
void
search_order_root(const struct search *s, struct search_frame *r)
{
	search_order_moves(s, r);
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
}

static void
search_order_history(int *h, int bonus)
{
	*h += bonus - *h * abs(bonus) / SEARCH_HISTORY_MAX;
}

/*
 * f->cur, a quiet move, caused a cutoff at f: make it a killer and the
 * counter to the move before, raise its history and lower that of the
 * quiet moves tried before it, which did not.
 */
void
search_order_reward(struct search *s, const struct search_frame *f)
{
	move_t m = f->cur, prev = search_order_prev(s, f);
	move_t *k = s->killers[s->ply];
	int (*h)[64] = s->history[f->pos.side];
	int bonus = f->depth * f->depth * SEARCH_HISTORY_BONUS_UNIT;

	if (k[0] != m) {
		k[1] = k[0];
		k[0] = m;
	}
	if (prev != MOVE_NONE)
		s->counters[f->pos.board[move_to(prev)]][move_to(prev)] = m;
	if (bonus > SEARCH_HISTORY_BONUS_MAX)
		bonus = SEARCH_HISTORY_BONUS_MAX;
	search_order_history(&h[move_from(m)][move_to(m)], bonus);
	for (int i = 0; i < f->next - 1; i++) {
		move_t q = f->moves[i];

		if (q != m && !move_is_capture(q) && !move_is_promotion(q))
			search_order_history(&h[move_from(q)][move_to(q)], -bonus);
	}
}
