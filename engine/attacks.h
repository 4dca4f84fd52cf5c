/*
 * Attack tables: what a piece on a square attacks. Leapers (knight, king,
 * pawn) are plain 64-entry tables; sliders use "fancy" magic bitboards: the
 * relevant blockers of a square, multiplied by a magic number and shifted,
 * index a per-square slice of one shared table. The magics are searched
 * deterministically (fixed seeds) by attacks_init(), which engine_init()
 * calls exactly once; after that every table is read-only.
 *
 * between[a][b] holds the squares strictly between two aligned squares (0
 * when they are not on one line); line[a][b] the whole board-wide line
 * through both (0 when not aligned). Move generation builds its check and
 * pin masks from them.
 */
#ifndef SIMUL_ENGINE_ATTACKS_H
#define SIMUL_ENGINE_ATTACKS_H

#include "engine/bitboard.h"

struct attacks_magic {
	bitboard_t	mask;		/* relevant blockers, board edges excluded */
	bitboard_t	magic;
	uint32_t	offset;		/* first entry of this square's slice */
	uint32_t	shift;		/* 64 - popcount(mask) */
};

/* Written once by attacks_init(), read-only afterwards. */
extern bitboard_t attacks_knight_table[64];
extern bitboard_t attacks_king_table[64];
extern bitboard_t attacks_pawn_table[2][64];	/* [colour of the pawn][square] */
extern bitboard_t attacks_between_table[64][64];
extern bitboard_t attacks_line_table[64][64];
extern struct attacks_magic attacks_rook_magics[64];
extern struct attacks_magic attacks_bishop_magics[64];
extern bitboard_t attacks_slider_table[];

/* Fills every table; not thread-safe by itself (engine_init() guards it). */
void attacks_init(void);

static inline bitboard_t attacks_knight(int sq) { return attacks_knight_table[sq]; }
static inline bitboard_t attacks_king(int sq) { return attacks_king_table[sq]; }
/* Squares a pawn of `color` on sq attacks. */
static inline bitboard_t attacks_pawn(int color, int sq) { return attacks_pawn_table[color][sq]; }

static inline bitboard_t
attacks_bishop(int sq, bitboard_t occ)
{
	const struct attacks_magic *m = &attacks_bishop_magics[sq];

	return attacks_slider_table[m->offset + (((occ & m->mask) * m->magic) >> m->shift)];
}

static inline bitboard_t
attacks_rook(int sq, bitboard_t occ)
{
	const struct attacks_magic *m = &attacks_rook_magics[sq];

	return attacks_slider_table[m->offset + (((occ & m->mask) * m->magic) >> m->shift)];
}

static inline bitboard_t
attacks_queen(int sq, bitboard_t occ)
{
	return attacks_bishop(sq, occ) | attacks_rook(sq, occ);
}

static inline bitboard_t attacks_between(int a, int b) { return attacks_between_table[a][b]; }
static inline bitboard_t attacks_line(int a, int b) { return attacks_line_table[a][b]; }

/* Attacks of a non-pawn piece type from sq with occupancy occ. */
static inline bitboard_t
attacks_piece(int type, int sq, bitboard_t occ)
{
	switch (type) {
	case KNIGHT: return attacks_knight(sq);
	case BISHOP: return attacks_bishop(sq, occ);
	case ROOK: return attacks_rook(sq, occ);
	case QUEEN: return attacks_queen(sq, occ);
	case KING: return attacks_king(sq);
	default: return 0;
	}
}

#endif
