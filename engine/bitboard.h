/*
 * Bitboard helpers: one bit per square, a1 = bit 0 .. h8 = bit 63. Everything
 * here is a static inline over a uint64_t; the compiler turns them into
 * single instructions where the target has them.
 */
#ifndef SIMUL_ENGINE_BITBOARD_H
#define SIMUL_ENGINE_BITBOARD_H

#include "engine/types.h"

#define BB_FILE_A 0x0101010101010101ULL
#define BB_FILE_H 0x8080808080808080ULL
#define BB_RANK_1 0x00000000000000FFULL
#define BB_RANK_2 0x000000000000FF00ULL
#define BB_RANK_3 0x0000000000FF0000ULL
#define BB_RANK_4 0x00000000FF000000ULL
#define BB_RANK_5 0x000000FF00000000ULL
#define BB_RANK_6 0x0000FF0000000000ULL
#define BB_RANK_7 0x00FF000000000000ULL
#define BB_RANK_8 0xFF00000000000000ULL
#define BB_LIGHT_SQUARES 0x55AA55AA55AA55AAULL
#define BB_DARK_SQUARES 0xAA55AA55AA55AA55ULL

static inline bitboard_t bb_square(int sq) { return 1ULL << sq; }
/*
 * Without a popcnt instruction in the target (no -mpopcnt or -march that
 * has it) gcc calls a libgcc function for __builtin_popcountll; the SWAR
 * count below is a dozen inline instructions and several times cheaper.
 */
static inline int
bb_popcount(bitboard_t b)
{
#ifdef __POPCNT__
	return __builtin_popcountll(b);
#else
	b -= (b >> 1) & 0x5555555555555555ULL;
	b = (b & 0x3333333333333333ULL) + ((b >> 2) & 0x3333333333333333ULL);
	b = (b + (b >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (int)((b * 0x0101010101010101ULL) >> 56);
#endif
}
/* Index of the lowest set bit; b must not be empty. */
static inline int bb_lsb(bitboard_t b) { return __builtin_ctzll(b); }
/* Removes the lowest set bit of *b and returns its index; *b must not be empty. */
static inline int
bb_pop(bitboard_t *b)
{
	int sq = __builtin_ctzll(*b);

	*b &= *b - 1;
	return sq;
}
/* More than one bit set. */
static inline bool bb_several(bitboard_t b) { return (b & (b - 1)) != 0; }

static inline bitboard_t bb_north(bitboard_t b) { return b << 8; }
static inline bitboard_t bb_south(bitboard_t b) { return b >> 8; }
static inline bitboard_t bb_east(bitboard_t b) { return (b & ~BB_FILE_H) << 1; }
static inline bitboard_t bb_west(bitboard_t b) { return (b & ~BB_FILE_A) >> 1; }

#endif
