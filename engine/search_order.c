/*
 * Move ordering. Every generated move gets an integer key in f->order[],
 * parallel to f->moves[], and search_pick (search_internal.h) takes the
 * highest key first. The keys are layered so that one comparison orders
 * them: the hash move above all, then captures and queen promotions by
 * MVV-LVA, then the two killers of this ply, then quiet moves by history.
 *
 * Killers (s->killers[ply]) and history (s->history[side][from][to]) are
 * what the search learns as it goes: a quiet move that caused a cutoff is
 * likely to cause one again in a sibling node (killers) or anywhere
 * (history). Both are cleared at search_start, so a search depends only on
 * its inputs and its table.
 */
#include "engine/eval.h"
#include "engine/search_internal.h"

enum {
	ORDER_HASH = 1 << 30,
	ORDER_CAPTURE = 1 << 26,
	ORDER_KILLER1 = 1 << 25,
	ORDER_KILLER2 = (1 << 25) - 1,
	/* History scores stay below ORDER_KILLER2: past this, all are halved. */
	SEARCH_HISTORY_MAX = 1 << 20,
};

void
search_order_moves(const struct search *s, struct search_frame *f)
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

/* f->cur, a quiet move, caused a cutoff at f: make it a killer and raise its history. */
void
search_order_reward(struct search *s, const struct search_frame *f)
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
