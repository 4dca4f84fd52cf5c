/*
 * The swap algorithm: gain[d] is what the side making the d-th capture on
 * the square has won if the exchange stopped there. Attackers are taken
 * cheapest first from the attack set, which is recomputed for sliders as
 * pieces leave the board, so a rook behind a rook (an x-ray) joins in.
 * Then the list is folded back: each side keeps the better of capturing
 * and stopping.
 */
#include "engine/attacks.h"
#include "engine/eval.h"
#include "engine/see.h"

static bitboard_t
see_attackers(const struct position *p, int sq, bitboard_t occ)
{
	bitboard_t diag = p->pieces[W_BISHOP] | p->pieces[B_BISHOP] | p->pieces[W_QUEEN] | p->pieces[B_QUEEN];
	bitboard_t line = p->pieces[W_ROOK] | p->pieces[B_ROOK] | p->pieces[W_QUEEN] | p->pieces[B_QUEEN];

	return ((attacks_pawn(BLACK, sq) & p->pieces[W_PAWN]) | (attacks_pawn(WHITE, sq) & p->pieces[B_PAWN]) |
	    (attacks_knight(sq) & (p->pieces[W_KNIGHT] | p->pieces[B_KNIGHT])) |
	    (attacks_king(sq) & (p->pieces[W_KING] | p->pieces[B_KING])) |
	    (attacks_bishop(sq, occ) & diag) | (attacks_rook(sq, occ) & line)) & occ;
}

int
see_capture(const struct position *p, move_t m)
{
	int from = move_from(m), to = move_to(m), side = p->side;
	int gain[32], d = 0;
	bitboard_t occ = p->occupied[WHITE] | p->occupied[BLACK];
	bitboard_t attackers, from_bb = bb_square(from);
	int victim = move_flag(m) == MF_EN_PASSANT ? PAWN : piece_type(p->board[to]);
	int on_square = piece_type(p->board[from]);

	gain[0] = eval_piece_value(victim);
	if (move_flag(m) == MF_EN_PASSANT)
		occ ^= bb_square(to ^ 8);
	for (;;) {
		int type = PAWN;
		bitboard_t mine;

		d++;
		side ^= 1;
		occ ^= from_bb;
		attackers = see_attackers(p, to, occ);
		mine = attackers & p->occupied[side];
		if (mine == 0 || d == 31)
			break;
		/* The king captures last, and only when nothing can take it back. */
		for (; type <= KING; type++)
			if (mine & p->pieces[piece_make(side, type)])
				break;
		if (type == KING && (attackers & p->occupied[side ^ 1]) != 0)
			break;
		gain[d] = (on_square == KING ? 10000 : eval_piece_value(on_square)) - gain[d - 1];
		on_square = type;
		from_bb = mine & p->pieces[piece_make(side, type)];
		from_bb &= -from_bb;
	}
	while (--d > 0)
		gain[d - 1] = -(-gain[d - 1] > gain[d] ? -gain[d - 1] : gain[d]);
	return gain[0];
}
