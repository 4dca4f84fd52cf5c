/*
 * Zobrist keys: one random 64-bit number per (piece, square), per castling
 * rights set, per en passant file, and one for Black to move. A position's
 * key is the XOR of the numbers of everything in it. The numbers come from a
 * fixed-seed generator, so keys are the same on every run and machine (a
 * saved key stays meaningful).
 *
 * The en passant file counts only when a pawn of the side to move stands
 * next to the double-pushed pawn, i.e. when an en passant capture is at least
 * pseudo-legal: two positions that differ only in a dead en passant square
 * have the same moves and must hash alike for repetition detection.
 */
#ifndef SIMUL_ENGINE_ZOBRIST_H
#define SIMUL_ENGINE_ZOBRIST_H

#include "engine/types.h"

struct zobrist_keys {
	uint64_t	piece[16][64];	/* by enum piece; [NO_PIECE] all zero */
	uint64_t	castling[16];	/* by CASTLE_* set */
	uint64_t	ep_file[8];
	uint64_t	black;		/* XORed in when Black is to move */
};

/* Written once by zobrist_init(), read-only afterwards. */
extern struct zobrist_keys zobrist;

/* Fills the keys; engine_init() calls it once. */
void zobrist_init(void);

#endif
