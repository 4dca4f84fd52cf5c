/*
 * The position's rules that are not move generation: the one-time table
 * build, playing a move with incremental Zobrist updates (copy-make: the
 * caller copies the struct to keep the old position), the null move, and
 * the attack and material queries built on the attack tables.
 */
#include <pthread.h>
#include <string.h>

#include "engine/attacks.h"
#include "engine/eval.h"
#include "engine/position.h"
#include "engine/search.h"
#include "engine/zobrist.h"

/* Rights that survive a move touching this square (from or to). */
static const uint8_t castling_keep[64] = {
	15 & ~CASTLE_WQ, 15, 15, 15, 15 & ~(CASTLE_WK | CASTLE_WQ), 15, 15, 15 & ~CASTLE_WK,
	15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15,
	15, 15, 15, 15, 15, 15, 15, 15,
	15 & ~CASTLE_BQ, 15, 15, 15, 15 & ~(CASTLE_BK | CASTLE_BQ), 15, 15, 15 & ~CASTLE_BK,
};

static pthread_once_t engine_once = PTHREAD_ONCE_INIT;

static void
engine_build(void)
{
	attacks_init();
	zobrist_init();
	eval_init();
	search_init();
}

void
engine_init(void)
{
	pthread_once(&engine_once, engine_build);
}

void
position_startpos(struct position *p)
{
	char err[128];
	int rc = position_from_fen(p, FEN_STARTPOS, err, sizeof(err));

	(void)rc;
}

/* Does the en passant square enter the key? Only when a pawn of the side to
 * move could capture there (see zobrist.h). */
static inline bool
ep_hashed(const struct position *p)
{
	return p->ep != SQ_NONE &&
	       (attacks_pawn(p->side ^ 1, p->ep) & p->pieces[piece_make(p->side, PAWN)]) != 0;
}

uint64_t
position_hash(const struct position *p)
{
	uint64_t key = 0;

	for (int sq = 0; sq < 64; sq++)
		if (p->board[sq] != NO_PIECE)
			key ^= zobrist.piece[p->board[sq]][sq];
	if (p->side == BLACK)
		key ^= zobrist.black;
	key ^= zobrist.castling[p->castling];
	if (ep_hashed(p))
		key ^= zobrist.ep_file[sq_file(p->ep)];
	return key;
}

static inline void
put_piece(struct position *p, int pc, int sq)
{
	bitboard_t b = bb_square(sq);

	p->pieces[pc] |= b;
	p->occupied[piece_color(pc)] |= b;
	p->board[sq] = (uint8_t)pc;
	p->key ^= zobrist.piece[pc][sq];
	p->psq_mg += eval_psq_table[0][pc][sq];
	p->psq_eg += eval_psq_table[1][pc][sq];
	p->phase += eval_phase_table[pc];
}

static inline void
remove_piece(struct position *p, int pc, int sq)
{
	bitboard_t b = bb_square(sq);

	p->pieces[pc] ^= b;
	p->occupied[piece_color(pc)] ^= b;
	p->board[sq] = NO_PIECE;
	p->key ^= zobrist.piece[pc][sq];
	p->psq_mg -= eval_psq_table[0][pc][sq];
	p->psq_eg -= eval_psq_table[1][pc][sq];
	p->phase -= eval_phase_table[pc];
}

static inline void
move_piece(struct position *p, int pc, int from, int to)
{
	bitboard_t b = bb_square(from) | bb_square(to);

	p->pieces[pc] ^= b;
	p->occupied[piece_color(pc)] ^= b;
	p->board[from] = NO_PIECE;
	p->board[to] = (uint8_t)pc;
	p->key ^= zobrist.piece[pc][from] ^ zobrist.piece[pc][to];
	p->psq_mg += eval_psq_table[0][pc][to] - eval_psq_table[0][pc][from];
	p->psq_eg += eval_psq_table[1][pc][to] - eval_psq_table[1][pc][from];
}

void
position_play(struct position *p, move_t m)
{
	int us = p->side, from = move_from(m), to = move_to(m), flag = move_flag(m);
	int pc = p->board[from];

	if (ep_hashed(p))
		p->key ^= zobrist.ep_file[sq_file(p->ep)];
	p->ep = SQ_NONE;
	p->halfmove++;

	if (flag == MF_EN_PASSANT) {
		remove_piece(p, piece_make(us ^ 1, PAWN), to ^ 8);
		p->halfmove = 0;
	} else if (flag & MF_CAPTURE) {
		remove_piece(p, p->board[to], to);
		p->halfmove = 0;
	}

	if (flag & MF_PROMO) {
		remove_piece(p, pc, from);
		put_piece(p, piece_make(us, move_promotion_type(m)), to);
	} else {
		move_piece(p, pc, from, to);
	}

	if (piece_type(pc) == PAWN) {
		p->halfmove = 0;
		if (flag == MF_DOUBLE_PUSH)
			p->ep = (uint8_t)((from + to) >> 1);
	} else if (flag == MF_CASTLE_KING) {
		move_piece(p, piece_make(us, ROOK), to + 1, to - 1);
	} else if (flag == MF_CASTLE_QUEEN) {
		move_piece(p, piece_make(us, ROOK), to - 2, to + 1);
	}

	if (p->castling) {
		uint8_t rights = p->castling & castling_keep[from] & castling_keep[to];

		p->key ^= zobrist.castling[p->castling] ^ zobrist.castling[rights];
		p->castling = rights;
	}

	if (us == BLACK)
		p->fullmove++;
	p->side = (uint8_t)(us ^ 1);
	p->key ^= zobrist.black;
	if (ep_hashed(p))
		p->key ^= zobrist.ep_file[sq_file(p->ep)];
}

void
position_play_null(struct position *p)
{
	if (ep_hashed(p))
		p->key ^= zobrist.ep_file[sq_file(p->ep)];
	p->ep = SQ_NONE;
	p->halfmove++;
	if (p->side == BLACK)
		p->fullmove++;
	p->side ^= 1;
	p->key ^= zobrist.black;
}

bool
position_square_attacked(const struct position *p, int sq, int by, bitboard_t occ)
{
	const bitboard_t *pc = &p->pieces[piece_make(by, 0)];

	return (attacks_pawn(by ^ 1, sq) & pc[PAWN]) ||
	       (attacks_knight(sq) & pc[KNIGHT]) ||
	       (attacks_king(sq) & pc[KING]) ||
	       (attacks_bishop(sq, occ) & (pc[BISHOP] | pc[QUEEN])) ||
	       (attacks_rook(sq, occ) & (pc[ROOK] | pc[QUEEN]));
}

bool
position_in_check(const struct position *p)
{
	return position_square_attacked(p, position_king_square(p, p->side), p->side ^ 1,
					p->occupied[WHITE] | p->occupied[BLACK]);
}

/*
 * Castling, en passant and promotions: the move's pieces moved on copies of
 * the mover's bitboards and the occupancy, then the enemy king's square
 * tested against them.
 */
static bool
gives_check_special(const struct position *p, move_t m)
{
	int us = p->side, from = move_from(m), to = move_to(m), flag = move_flag(m);
	int ksq = position_king_square(p, us ^ 1);
	bitboard_t mine[PIECE_TYPE_NB];
	bitboard_t occ = ((p->occupied[WHITE] | p->occupied[BLACK]) ^ bb_square(from)) | bb_square(to);

	memcpy(mine, &p->pieces[piece_make(us, 0)], sizeof(mine));
	mine[piece_type(p->board[from])] ^= bb_square(from);
	mine[move_is_promotion(m) ? move_promotion_type(m) : piece_type(p->board[from])] |= bb_square(to);
	if (flag == MF_EN_PASSANT) {
		occ ^= bb_square(to ^ 8);
	} else if (flag == MF_CASTLE_KING || flag == MF_CASTLE_QUEEN) {
		bitboard_t b = flag == MF_CASTLE_KING ? bb_square(to + 1) | bb_square(to - 1)
						      : bb_square(to - 2) | bb_square(to + 1);

		mine[ROOK] ^= b;
		occ ^= b;
	}
	return (attacks_pawn(us ^ 1, ksq) & mine[PAWN]) || (attacks_knight(ksq) & mine[KNIGHT]) ||
	       (attacks_king(ksq) & mine[KING]) ||
	       (attacks_bishop(ksq, occ) & (mine[BISHOP] | mine[QUEEN])) ||
	       (attacks_rook(ksq, occ) & (mine[ROOK] | mine[QUEEN]));
}

void
position_checks_init(const struct position *p, struct position_checks *c)
{
	int us = p->side, ksq = position_king_square(p, us ^ 1);
	const bitboard_t *mine = &p->pieces[piece_make(us, 0)];
	bitboard_t occ = p->occupied[WHITE] | p->occupied[BLACK];
	bitboard_t snipers = (attacks_rook(ksq, 0) & (mine[ROOK] | mine[QUEEN])) |
			     (attacks_bishop(ksq, 0) & (mine[BISHOP] | mine[QUEEN]));

	c->king = ksq;
	c->squares[PAWN] = attacks_pawn(us ^ 1, ksq);
	c->squares[KNIGHT] = attacks_knight(ksq);
	c->squares[BISHOP] = attacks_bishop(ksq, occ);
	c->squares[ROOK] = attacks_rook(ksq, occ);
	c->squares[QUEEN] = c->squares[BISHOP] | c->squares[ROOK];
	c->squares[KING] = 0;
	c->discoverers = 0;
	while (snipers) {
		bitboard_t between = attacks_between(ksq, bb_pop(&snipers)) & occ;

		if (between && !bb_several(between))
			c->discoverers |= between & p->occupied[us];
	}
}

/*
 * In a legal position the side to move gives no check yet, so only two
 * things can: the moved piece from its new square (c->squares, from the
 * king's side: a slider that left a square on the king's line was not
 * seeing the king from there, so it does not from further along it), or a
 * piece of ours that stood alone between the king and our slider leaving
 * that line.
 */
bool
position_gives_check(const struct position *p, const struct position_checks *c, move_t m)
{
	int from = move_from(m), to = move_to(m);

	if (move_flag(m) != MF_QUIET && move_flag(m) != MF_DOUBLE_PUSH && move_flag(m) != MF_CAPTURE)
		return gives_check_special(p, m);
	return (c->squares[piece_type(p->board[from])] & bb_square(to)) ||
	       ((c->discoverers & bb_square(from)) && !(attacks_line(c->king, from) & bb_square(to)));
}

bool
position_insufficient_material(const struct position *p)
{
	bitboard_t heavy = p->pieces[W_PAWN] | p->pieces[B_PAWN] | p->pieces[W_ROOK] |
			   p->pieces[B_ROOK] | p->pieces[W_QUEEN] | p->pieces[B_QUEEN];
	bitboard_t knights = p->pieces[W_KNIGHT] | p->pieces[B_KNIGHT];
	bitboard_t bishops = p->pieces[W_BISHOP] | p->pieces[B_BISHOP];

	if (heavy)
		return false;
	/* K v K, K+N v K, K+B v K. */
	if (bb_popcount(knights | bishops) <= 1)
		return true;
	/* Only bishops, all on squares of one colour: nobody can ever give mate. */
	return !knights && (!(bishops & BB_LIGHT_SQUARES) || !(bishops & BB_DARK_SQUARES));
}
