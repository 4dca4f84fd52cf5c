/*
 * Static exchange evaluation: what a capture wins or loses once every
 * piece attacking its square (x-rays included) has joined in, cheapest
 * first, each side free to stop when going on would lose more.
 */
#ifndef SIMUL_ENGINE_SEE_H
#define SIMUL_ENGINE_SEE_H

#include "engine/eval.h"
#include "engine/position.h"

/* Centipawns the capture m wins for the side to move (negative: it loses material). */
int see_capture(const struct position *p, move_t m);

/*
 * Whether the capture m can lose material at all: an exchange is worth at
 * least the victim less the capturer, so only a piece worth more than what
 * it takes needs see_capture.
 */
static inline bool
see_may_lose(const struct position *p, move_t m)
{
	int victim = move_flag(m) == MF_EN_PASSANT ? PAWN : piece_type(p->board[move_to(m)]);

	return eval_piece_value(piece_type(p->board[move_from(m)])) > eval_piece_value(victim);
}

#endif
