/*
 * Chess scalars shared by every engine file: squares, colours, pieces and
 * the 16-bit move. Squares run a1 = 0 .. h8 = 63 (little-endian rank-file),
 * so a square's file is sq & 7 and its rank sq >> 3.
 *
 * A move packs from (bits 0-5), to (bits 6-11) and a 4-bit flag (12-15) that
 * says what kind of move it is; the flag is enough to make the move without
 * looking at the board for castling, en passant and promotions.
 */
#ifndef SIMUL_ENGINE_TYPES_H
#define SIMUL_ENGINE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t bitboard_t;
typedef uint16_t move_t;

enum { SQ_NONE = 64 };

enum color { WHITE, BLACK };

enum piece_type { PAWN, KNIGHT, BISHOP, ROOK, QUEEN, KING, PIECE_TYPE_NB };

/* A coloured piece: colour * 8 + type, so type = piece & 7, colour = piece >> 3. */
enum piece {
	W_PAWN = PAWN, W_KNIGHT, W_BISHOP, W_ROOK, W_QUEEN, W_KING,
	B_PAWN = 8 + PAWN, B_KNIGHT, B_BISHOP, B_ROOK, B_QUEEN, B_KING,
	NO_PIECE = 15
};

/* Castling rights, one bit each. */
enum {
	CASTLE_WK = 1, CASTLE_WQ = 2, CASTLE_BK = 4, CASTLE_BQ = 8
};

enum move_flag {
	MF_QUIET = 0,
	MF_DOUBLE_PUSH = 1,
	MF_CASTLE_KING = 2,
	MF_CASTLE_QUEEN = 3,
	MF_CAPTURE = 4,
	MF_EN_PASSANT = 5,
	MF_PROMO = 8,		/* + 0..3 = knight, bishop, rook, queen */
	MF_PROMO_CAPTURE = 12	/* + 0..3 likewise */
};

enum { MOVE_NONE = 0, MAX_MOVES = 256, MAX_PLY = 128 };

static inline int sq_file(int sq) { return sq & 7; }
static inline int sq_rank(int sq) { return sq >> 3; }
static inline int sq_make(int file, int rank) { return rank * 8 + file; }

static inline int piece_type(int piece) { return piece & 7; }
static inline int piece_color(int piece) { return piece >> 3; }
static inline int piece_make(int color, int type) { return color * 8 + type; }

static inline move_t move_make(int from, int to, int flag)
{
	return (move_t)(from | (to << 6) | (flag << 12));
}
static inline int move_from(move_t m) { return m & 63; }
static inline int move_to(move_t m) { return (m >> 6) & 63; }
static inline int move_flag(move_t m) { return m >> 12; }
static inline bool move_is_capture(move_t m) { return (move_flag(m) & MF_CAPTURE) != 0; }
static inline bool move_is_promotion(move_t m) { return (move_flag(m) & MF_PROMO) != 0; }
/* Piece type a promotion creates (KNIGHT..QUEEN); only for promotions. */
static inline int move_promotion_type(move_t m) { return KNIGHT + (move_flag(m) & 3); }

#endif
