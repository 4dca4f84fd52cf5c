/*
 * Legal move generation without make-and-test. From the king's square we
 * compute, once per position:
 *   checkers  - enemy pieces giving check;
 *   checkmask - where a non-king move must land: anywhere when not in check,
 *               the checker or a square between it and the king when in
 *               single check (double check: only the king moves);
 *   pinned    - our pieces that stand alone between the king and an enemy
 *               slider; they may only move along line[king][piece].
 * The king's own moves are tested square by square with the king removed
 * from the occupancy (so it cannot hide behind itself on a slider's ray).
 * En passant is the one move whose legality these masks cannot see (two
 * pieces leave one rank at once), so it is checked directly by recomputing
 * slider attacks on the king with the three changed squares.
 *
 * Pawns are generated a whole bitboard at a time by shifting; pinned pawns,
 * rare, one by one. The generator is one inline function specialised on the
 * side to move and on what to generate (all moves, captures, or just a count
 * for perft's last ply), so the hot loops have no side-dependent branches.
 */
#include "engine/attacks.h"
#include "engine/movegen.h"

enum gen_mode { GEN_ALL, GEN_CAPTURES };

struct gen_state {
	bitboard_t	occ, own, enemy;
	bitboard_t	checkers, checkmask, pinned;
	int		ksq;
};

#define GEN_INLINE static inline __attribute__((always_inline))

GEN_INLINE bitboard_t
pawn_push(int us, bitboard_t b)
{
	return us == WHITE ? b << 8 : b >> 8;
}

/* Captures towards the a-file and towards the h-file, as seen by `us`. */
GEN_INLINE bitboard_t
pawn_capture_west(int us, bitboard_t b)
{
	return us == WHITE ? (b & ~BB_FILE_A) << 7 : (b & ~BB_FILE_A) >> 9;
}

GEN_INLINE bitboard_t
pawn_capture_east(int us, bitboard_t b)
{
	return us == WHITE ? (b & ~BB_FILE_H) << 9 : (b & ~BB_FILE_H) >> 7;
}

GEN_INLINE bool
attacked_by(const struct position *p, int sq, int them, bitboard_t occ)
{
	const bitboard_t *pc = &p->pieces[piece_make(them, 0)];

	return (attacks_knight(sq) & pc[KNIGHT]) || (attacks_pawn(them ^ 1, sq) & pc[PAWN]) ||
	       (attacks_king(sq) & pc[KING]) ||
	       (attacks_bishop(sq, occ) & (pc[BISHOP] | pc[QUEEN])) ||
	       (attacks_rook(sq, occ) & (pc[ROOK] | pc[QUEEN]));
}

GEN_INLINE void
gen_state_init(const struct position *p, int us, struct gen_state *st)
{
	int them = us ^ 1;
	const bitboard_t *en = &p->pieces[piece_make(them, 0)];
	bitboard_t rq = en[ROOK] | en[QUEEN], bq = en[BISHOP] | en[QUEEN];

	st->own = p->occupied[us];
	st->enemy = p->occupied[them];
	st->occ = st->own | st->enemy;
	st->ksq = bb_lsb(p->pieces[piece_make(us, KING)]);
	st->checkers = (attacks_knight(st->ksq) & en[KNIGHT]) |
		       (attacks_pawn(us, st->ksq) & en[PAWN]);
	st->pinned = 0;

	/* Sliders that see the king through at most our own pieces. */
	bitboard_t snipers = (attacks_rook(st->ksq, st->enemy) & rq) |
			     (attacks_bishop(st->ksq, st->enemy) & bq);
	while (snipers) {
		int s = bb_pop(&snipers);
		bitboard_t between = attacks_between(st->ksq, s) & st->occ;

		if (!between)
			st->checkers |= bb_square(s);
		else if (!bb_several(between))
			st->pinned |= between & st->own;
	}
	if (!st->checkers)
		st->checkmask = ~0ULL;
	else if (!bb_several(st->checkers))
		st->checkmask = st->checkers | attacks_between(st->ksq, bb_lsb(st->checkers));
	else
		st->checkmask = 0;
}

GEN_INLINE move_t *
emit_moves(move_t *out, int from, bitboard_t targets, bitboard_t enemy)
{
	for (bitboard_t b = targets & enemy; b;)
		*out++ = move_make(from, bb_pop(&b), MF_CAPTURE);
	for (bitboard_t b = targets & ~enemy; b;)
		*out++ = move_make(from, bb_pop(&b), MF_QUIET);
	return out;
}

GEN_INLINE move_t *
emit_promotions(move_t *out, int from, int to, int flag, enum gen_mode mode)
{
	if (mode == GEN_CAPTURES) {
		*out++ = move_make(from, to, flag + 3);
		return out;
	}
	*out++ = move_make(from, to, flag + 3);
	*out++ = move_make(from, to, flag + 0);
	*out++ = move_make(from, to, flag + 2);
	*out++ = move_make(from, to, flag + 1);
	return out;
}

/* Moves of the pawns in `pawns` onto squares of `mask` (checkmask, and for
 * a pinned pawn also its pin line). */
GEN_INLINE move_t *
gen_pawns(const struct gen_state *st, int us, bitboard_t pawns, bitboard_t mask,
	  enum gen_mode mode, move_t *out)
{
	const int up = us == WHITE ? 8 : -8;
	const bitboard_t rank7 = us == WHITE ? BB_RANK_7 : BB_RANK_2;
	const bitboard_t rank3 = us == WHITE ? BB_RANK_3 : BB_RANK_6;
	bitboard_t empty = ~st->occ;
	bitboard_t normal = pawns & ~rank7, promo = pawns & rank7;
	bitboard_t b;

	if (mode == GEN_ALL) {
		bitboard_t single = pawn_push(us, normal) & empty;
		bitboard_t dbl = pawn_push(us, single & rank3) & empty & mask;

		single &= mask;
		for (b = single; b;) {
			int to = bb_pop(&b);
			*out++ = move_make(to - up, to, MF_QUIET);
		}
		for (b = dbl; b;) {
			int to = bb_pop(&b);
			*out++ = move_make(to - 2 * up, to, MF_DOUBLE_PUSH);
		}
	}
	for (b = pawn_capture_west(us, normal) & st->enemy & mask; b;) {
		int to = bb_pop(&b);
		*out++ = move_make(to - up + 1, to, MF_CAPTURE);
	}
	for (b = pawn_capture_east(us, normal) & st->enemy & mask; b;) {
		int to = bb_pop(&b);
		*out++ = move_make(to - up - 1, to, MF_CAPTURE);
	}
	if (promo) {
		for (b = pawn_push(us, promo) & empty & mask; b;) {
			int to = bb_pop(&b);
			out = emit_promotions(out, to - up, to, MF_PROMO, mode);
		}
		for (b = pawn_capture_west(us, promo) & st->enemy & mask; b;) {
			int to = bb_pop(&b);
			out = emit_promotions(out, to - up + 1, to, MF_PROMO_CAPTURE, mode);
		}
		for (b = pawn_capture_east(us, promo) & st->enemy & mask; b;) {
			int to = bb_pop(&b);
			out = emit_promotions(out, to - up - 1, to, MF_PROMO_CAPTURE, mode);
		}
	}
	return out;
}

/* En passant, checked directly: the capture removes two pieces from one rank. */
GEN_INLINE move_t *
gen_en_passant(const struct position *p, const struct gen_state *st, int us, move_t *out)
{
	int them = us ^ 1, ep = p->ep;
	int cap = ep ^ 8;
	const bitboard_t *en = &p->pieces[piece_make(them, 0)];
	bitboard_t rq = en[ROOK] | en[QUEEN], bq = en[BISHOP] | en[QUEEN];

	/* A non-slider checker other than the pawn taken stays a checker. */
	if (st->checkers & ~bb_square(cap) & (en[KNIGHT] | en[PAWN]))
		return out;
	for (bitboard_t b = attacks_pawn(them, ep) & p->pieces[piece_make(us, PAWN)]; b;) {
		int from = bb_pop(&b);
		bitboard_t occ = (st->occ ^ bb_square(from) ^ bb_square(cap)) | bb_square(ep);

		if (!(attacks_rook(st->ksq, occ) & rq) && !(attacks_bishop(st->ksq, occ) & bq))
			*out++ = move_make(from, ep, MF_EN_PASSANT);
	}
	return out;
}

GEN_INLINE move_t *
gen_castling(const struct position *p, const struct gen_state *st, int us, move_t *out)
{
	int them = us ^ 1;
	int k = us == WHITE ? 4 : 60;

	if (p->castling & (us == WHITE ? CASTLE_WK : CASTLE_BK)) {
		if (!(st->occ & (bb_square(k + 1) | bb_square(k + 2))) &&
		    !attacked_by(p, k + 1, them, st->occ) && !attacked_by(p, k + 2, them, st->occ))
			*out++ = move_make(k, k + 2, MF_CASTLE_KING);
	}
	if (p->castling & (us == WHITE ? CASTLE_WQ : CASTLE_BQ)) {
		if (!(st->occ & (bb_square(k - 1) | bb_square(k - 2) | bb_square(k - 3))) &&
		    !attacked_by(p, k - 1, them, st->occ) && !attacked_by(p, k - 2, them, st->occ))
			*out++ = move_make(k, k - 2, MF_CASTLE_QUEEN);
	}
	return out;
}

GEN_INLINE int
generate(const struct position *p, int us, enum gen_mode mode, move_t *out)
{
	struct gen_state st;
	move_t *start = out;
	int them = us ^ 1;
	const bitboard_t *mine = &p->pieces[piece_make(us, 0)];

	gen_state_init(p, us, &st);

	/* King moves, each target tested with the king off the board. */
	bitboard_t ktargets = attacks_king(st.ksq) & (mode == GEN_ALL ? ~st.own : st.enemy);
	bitboard_t occ_no_king = st.occ ^ bb_square(st.ksq);
	for (bitboard_t b = ktargets; b;) {
		int to = bb_pop(&b);

		if (!attacked_by(p, to, them, occ_no_king))
			*out++ = move_make(st.ksq, to, (st.enemy & bb_square(to)) ? MF_CAPTURE : MF_QUIET);
	}
	if (bb_several(st.checkers))
		return (int)(out - start);

	bitboard_t targets = (mode == GEN_ALL ? ~st.own : st.enemy) & st.checkmask;
	bitboard_t free = ~st.pinned;

	for (bitboard_t b = mine[KNIGHT] & free; b;) {
		int from = bb_pop(&b);
		out = emit_moves(out, from, attacks_knight(from) & targets, st.enemy);
	}
	for (bitboard_t b = mine[BISHOP] | mine[QUEEN]; b;) {
		int from = bb_pop(&b);
		bitboard_t t = attacks_bishop(from, st.occ) & targets;

		if (st.pinned & bb_square(from))
			t &= attacks_line(st.ksq, from);
		out = emit_moves(out, from, t, st.enemy);
	}
	for (bitboard_t b = mine[ROOK] | mine[QUEEN]; b;) {
		int from = bb_pop(&b);
		bitboard_t t = attacks_rook(from, st.occ) & targets;

		if (st.pinned & bb_square(from))
			t &= attacks_line(st.ksq, from);
		out = emit_moves(out, from, t, st.enemy);
	}

	out = gen_pawns(&st, us, mine[PAWN] & free, st.checkmask, mode, out);
	for (bitboard_t b = mine[PAWN] & st.pinned; b;) {
		int from = bb_pop(&b);
		out = gen_pawns(&st, us, bb_square(from), st.checkmask & attacks_line(st.ksq, from),
				mode, out);
	}
	if (p->ep != SQ_NONE)
		out = gen_en_passant(p, &st, us, out);
	if (mode == GEN_ALL && !st.checkers && (p->castling & (us == WHITE ? 3 : 12)))
		out = gen_castling(p, &st, us, out);
	return (int)(out - start);
}

/* The number of legal moves, by popcount where possible: the same masks as
 * generate(), nothing written. perft counts its last ply with it. */
GEN_INLINE int
count_legal(const struct position *p, int us)
{
	struct gen_state st;
	int them = us ^ 1, n = 0;
	const bitboard_t *mine = &p->pieces[piece_make(us, 0)];

	gen_state_init(p, us, &st);

	bitboard_t occ_no_king = st.occ ^ bb_square(st.ksq);
	for (bitboard_t b = attacks_king(st.ksq) & ~st.own; b;)
		n += !attacked_by(p, bb_pop(&b), them, occ_no_king);
	if (bb_several(st.checkers))
		return n;

	bitboard_t targets = ~st.own & st.checkmask;
	bitboard_t free = ~st.pinned;

	for (bitboard_t b = mine[KNIGHT] & free; b;)
		n += bb_popcount(attacks_knight(bb_pop(&b)) & targets);
	for (bitboard_t b = mine[BISHOP] | mine[QUEEN]; b;) {
		int from = bb_pop(&b);
		bitboard_t t = attacks_bishop(from, st.occ) & targets;

		if (st.pinned & bb_square(from))
			t &= attacks_line(st.ksq, from);
		n += bb_popcount(t);
	}
	for (bitboard_t b = mine[ROOK] | mine[QUEEN]; b;) {
		int from = bb_pop(&b);
		bitboard_t t = attacks_rook(from, st.occ) & targets;

		if (st.pinned & bb_square(from))
			t &= attacks_line(st.ksq, from);
		n += bb_popcount(t);
	}

	/* Pawns in bulk; a push or capture onto the last rank is four moves. */
	const bitboard_t rank3 = us == WHITE ? BB_RANK_3 : BB_RANK_6;
	const bitboard_t last = us == WHITE ? BB_RANK_8 : BB_RANK_1;
	bitboard_t pawns = mine[PAWN] & free;
	bitboard_t single = pawn_push(us, pawns) & ~st.occ;
	bitboard_t doubles = pawn_push(us, single & rank3) & ~st.occ & st.checkmask;
	bitboard_t pushes = single & st.checkmask;
	bitboard_t caps_w = pawn_capture_west(us, pawns) & st.enemy & st.checkmask;
	bitboard_t caps_e = pawn_capture_east(us, pawns) & st.enemy & st.checkmask;

	n += bb_popcount(pushes & ~last) + bb_popcount(doubles) + bb_popcount(caps_w & ~last) +
	     bb_popcount(caps_e & ~last);
	n += 4 * (bb_popcount(pushes & last) + bb_popcount(caps_w & last) + bb_popcount(caps_e & last));

	if (mine[PAWN] & st.pinned) {
		move_t buf[MAX_MOVES];

		for (bitboard_t b = mine[PAWN] & st.pinned; b;) {
			int from = bb_pop(&b);
			n += (int)(gen_pawns(&st, us, bb_square(from),
					     st.checkmask & attacks_line(st.ksq, from), GEN_ALL, buf) - buf);
		}
	}
	if (p->ep != SQ_NONE) {
		move_t buf[2];
		n += (int)(gen_en_passant(p, &st, us, buf) - buf);
	}
	if (!st.checkers && (p->castling & (us == WHITE ? 3 : 12))) {
		move_t buf[2];
		n += (int)(gen_castling(p, &st, us, buf) - buf);
	}
	return n;
}

int
movegen_count(const struct position *p)
{
	return p->side == WHITE ? count_legal(p, WHITE) : count_legal(p, BLACK);
}

int
movegen_legal(const struct position *p, move_t *out)
{
	return p->side == WHITE ? generate(p, WHITE, GEN_ALL, out) : generate(p, BLACK, GEN_ALL, out);
}

int
movegen_captures(const struct position *p, move_t *out)
{
	return p->side == WHITE ? generate(p, WHITE, GEN_CAPTURES, out)
				: generate(p, BLACK, GEN_CAPTURES, out);
}

bool
movegen_is_legal(const struct position *p, move_t m)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves);

	for (int i = 0; i < n; i++)
		if (moves[i] == m)
			return true;
	return false;
}
