/*
 * Legal move generation (pins and check masks, no make-and-test) and perft.
 * The caller passes the buffer: MAX_MOVES entries always suffice.
 */
#ifndef SIMUL_ENGINE_MOVEGEN_H
#define SIMUL_ENGINE_MOVEGEN_H

#include "engine/position.h"

/* Every legal move of p into out; returns how many. */
int movegen_legal(const struct position *p, move_t *out);
/* How many legal moves p has: movegen_legal's count, without writing them. */
int movegen_count(const struct position *p);
/* Only captures and queen promotions (for quiescence); all legal. */
int movegen_captures(const struct position *p, move_t *out);
/* Is m (any 16-bit value) a legal move in p? */
bool movegen_is_legal(const struct position *p, move_t m);

/* Leaf nodes at depth, counting the last ply in bulk. */
uint64_t perft(const struct position *p, int depth);

struct perft_entry {
	move_t		move;
	uint64_t	nodes;
};
/* Per root move counts into out (MAX_MOVES); returns the number of moves. */
int perft_divide(const struct position *p, int depth, struct perft_entry *out);

#endif
