/*
 * Static evaluation: material and piece-square tables tapered between the
 * middlegame and the endgame by the material left on the board, plus a few
 * cheap terms (mobility, pawn structure, bishop pair, rooks on open files,
 * the king's pawn shield, threats on pieces and hanging pieces). Scores
 * are centipawns; the tuning values are named constants in eval.c.
 */
#ifndef SIMUL_ENGINE_EVAL_H
#define SIMUL_ENGINE_EVAL_H

#include "engine/position.h"

/* Centipawn values the search shares for move ordering and pruning. */
enum {
	EVAL_PAWN = 100, EVAL_KNIGHT = 320, EVAL_BISHOP = 330,
	EVAL_ROOK = 500, EVAL_QUEEN = 900
};

/*
 * Material plus piece-square value of a piece on a square, White's minus
 * Black's (a black piece's entry is negative), for the middlegame [0] and
 * the endgame [1]; and each piece's weight in the phase. position_play adds
 * and subtracts these as pieces move, so the evaluation does not loop over
 * the pieces for them. Filled by eval_init (engine_init), read-only after.
 */
extern int16_t eval_psq_table[2][16][64];
extern uint8_t eval_phase_table[16];
void eval_init(void);
/* The incremental fields (psq_mg, psq_eg, phase) of p computed from scratch. */
void eval_psq_refresh(struct position *p);

/* Score of p for the side to move: positive is good for whoever moves. */
int eval_position(const struct position *p);
/* The same from White's side (positive: White is better). */
int eval_white(const struct position *p);
/* Ordering value of a piece type (pawn 100 .. queen 900, king 0); inline: move ordering calls it per capture. */
static inline int
eval_piece_value(int type)
{
	static const int value[8] = {
		EVAL_PAWN, EVAL_KNIGHT, EVAL_BISHOP, EVAL_ROOK, EVAL_QUEEN, 0, 0, 0
	};

	return value[type];
}

#endif
