/*
 * Static evaluation: material and piece-square tables tapered between the
 * middlegame and the endgame by the material left on the board, plus a few
 * cheap terms (mobility, pawn structure, bishop pair, rooks on open files,
 * the king's pawn shield). Scores are centipawns; the tuning values are
 * named constants in eval.c.
 */
#ifndef SIMUL_ENGINE_EVAL_H
#define SIMUL_ENGINE_EVAL_H

#include "engine/position.h"

/* Centipawn values the search shares for move ordering and pruning. */
enum {
	EVAL_PAWN = 100, EVAL_KNIGHT = 320, EVAL_BISHOP = 330,
	EVAL_ROOK = 500, EVAL_QUEEN = 900
};

/* Score of p for the side to move: positive is good for whoever moves. */
int eval_position(const struct position *p);
/* The same from White's side (positive: White is better). */
int eval_white(const struct position *p);
/* Ordering value of a piece type (pawn 100 .. queen 900, king 0). */
int eval_piece_value(int type);

#endif
