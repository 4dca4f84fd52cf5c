/*
 * A chess position on bitboards: one bitboard per coloured piece, the
 * occupancy per colour, a square-indexed mailbox for "what stands here",
 * the side to move, castling rights, en passant square, the two clocks, the
 * Zobrist key and the evaluation's material and piece-square sums, all kept
 * up to date incrementally by position_play().
 *
 * Positions are plain values: copying one is how the search and the game
 * record keep history (copy-make), so nothing in here points elsewhere.
 */
#ifndef SIMUL_ENGINE_POSITION_H
#define SIMUL_ENGINE_POSITION_H

#include "engine/types.h"

#define FEN_STARTPOS "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1"
enum { FEN_MAX = 96 };	/* longest FEN we emit, with its NUL */

struct position {
	bitboard_t	pieces[16];	/* by enum piece; [NO_PIECE] unused */
	bitboard_t	occupied[2];	/* by colour */
	uint8_t		board[64];	/* enum piece, NO_PIECE when empty */
	uint64_t	key;		/* Zobrist hash of everything below */
	int16_t		psq_mg;		/* material + piece-square, White minus Black, */
	int16_t		psq_eg;		/* middlegame and endgame (eval_psq_table) */
	uint8_t		phase;		/* sum of eval_phase_table over the pieces, uncapped */
	uint8_t		side;		/* enum color to move */
	uint8_t		castling;	/* CASTLE_* bits */
	uint8_t		ep;		/* en passant target square or SQ_NONE */
	uint16_t	halfmove;	/* plies since the last capture or pawn move */
	uint16_t	fullmove;	/* starts at 1, +1 after Black moves */
};

/* Builds the precomputed attack and hash tables; idempotent, thread-safe. */
void engine_init(void);

/*
 * Parses a FEN strictly. On error returns -1 and writes one line to err that
 * names the field and the bad value, e.g.
 *   FEN field 4 (en passant): "e9" is not a square
 */
int position_from_fen(struct position *p, const char *fen, char *err, size_t errlen);
/* Writes the FEN of p into buf (at least FEN_MAX bytes). */
void position_to_fen(const struct position *p, char *buf, size_t len);
void position_startpos(struct position *p);

/* Plays a legal move in place (copy first to keep the old position). */
void position_play(struct position *p, move_t m);
/* Passes the turn; only for the search's null move. Not legal when in check. */
void position_play_null(struct position *p);

/* The Zobrist key computed from scratch (tests compare it with p->key). */
uint64_t position_hash(const struct position *p);

bool position_in_check(const struct position *p);
/*
 * What tells whether a move gives check without playing it: the squares
 * from which each piece type of the side to move would attack the enemy
 * king, and the pieces of ours whose leaving uncovers a slider's check.
 */
struct position_checks {
	bitboard_t	squares[PIECE_TYPE_NB];
	bitboard_t	discoverers;
	int		king;		/* the enemy king's square */
};
void position_checks_init(const struct position *p, struct position_checks *c);
/* Whether the legal move m checks: position_in_check after playing it (p must be legal; c from p). */
bool position_gives_check(const struct position *p, const struct position_checks *c, move_t m);
/* Squares attacked by colour `by`, with `occ` as occupancy. */
bool position_square_attacked(const struct position *p, int sq, int by, bitboard_t occ);
/* Neither side can mate by any sequence of legal moves (FIDE dead position, the usual subset). */
bool position_insufficient_material(const struct position *p);

static inline int position_piece_at(const struct position *p, int sq) { return p->board[sq]; }
static inline int position_king_square(const struct position *p, int color)
{
	return __builtin_ctzll(p->pieces[piece_make(color, KING)]);
}

#endif
