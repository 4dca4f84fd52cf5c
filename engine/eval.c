/*
 * Static evaluation. Every term is scored twice, once for the middlegame
 * and once for the endgame, per colour; the two totals are blended by the
 * phase (24 with all minor and major pieces on the board, 0 with none), so
 * a king that should hide early walks to the centre late without a jump in
 * the score. All terms are colour-symmetric: a position and its
 * colour-flipped mirror evaluate to the same score for the side to move.
 *
 * The piece-square tables are written as a board seen from White (rank 8
 * on the first row), so White looks a square up with sq ^ 56 and Black
 * with sq itself. Mobility counts the squares a piece attacks that hold no
 * own piece and no enemy pawn's attack.
 */
#include "engine/attacks.h"
#include "engine/eval.h"

/* Tuning values (centipawns). */
enum {
	EVAL_PHASE_MAX = 24,
	EVAL_TEMPO = 10,
	EVAL_BISHOP_PAIR_MG = 30, EVAL_BISHOP_PAIR_EG = 50,
	EVAL_DOUBLED_MG = 10, EVAL_DOUBLED_EG = 20,
	EVAL_ISOLATED_MG = 10, EVAL_ISOLATED_EG = 15,
	EVAL_ROOK_OPEN_MG = 25, EVAL_ROOK_OPEN_EG = 10,
	EVAL_ROOK_SEMI_MG = 12, EVAL_ROOK_SEMI_EG = 5,
	EVAL_SHIELD_MISSING = 15,	/* per missing pawn in front of a back-rank king, mg only */
};

static const int eval_phase_weight[PIECE_TYPE_NB] = { 0, 1, 1, 2, 4, 0 };
static const int eval_material_mg[PIECE_TYPE_NB] = { 82, 337, 365, 477, 1025, 0 };
static const int eval_material_eg[PIECE_TYPE_NB] = { 94, 281, 297, 512, 936, 0 };

/* Mobility: weight per reachable square and the count that scores zero. */
static const int eval_mobility_mg[PIECE_TYPE_NB] = { 0, 4, 5, 2, 1, 0 };
static const int eval_mobility_eg[PIECE_TYPE_NB] = { 0, 4, 5, 4, 2, 0 };
static const int eval_mobility_base[PIECE_TYPE_NB] = { 0, 4, 6, 6, 12, 0 };

/* Passed pawn bonus by the pawn's rank counted from its own side. */
static const int eval_passed_mg[8] = { 0, 5, 10, 15, 25, 40, 60, 0 };
static const int eval_passed_eg[8] = { 0, 10, 15, 30, 50, 80, 120, 0 };

static const int eval_pawn_mg[64] = {
	  0,   0,   0,   0,   0,   0,   0,   0,
	 50,  50,  50,  50,  50,  50,  50,  50,
	 10,  10,  20,  30,  30,  20,  10,  10,
	  5,   5,  10,  25,  25,  10,   5,   5,
	  0,   0,   0,  20,  20,   0,   0,   0,
	  5,  -5, -10,   0,   0, -10,  -5,   5,
	  5,  10,  10, -20, -20,  10,  10,   5,
	  0,   0,   0,   0,   0,   0,   0,   0,
};
static const int eval_pawn_eg[64] = {
	  0,   0,   0,   0,   0,   0,   0,   0,
	 80,  80,  80,  80,  80,  80,  80,  80,
	 50,  50,  50,  50,  50,  50,  50,  50,
	 30,  30,  30,  30,  30,  30,  30,  30,
	 15,  15,  15,  15,  15,  15,  15,  15,
	  5,   5,   5,   5,   5,   5,   5,   5,
	  0,   0,   0,   0,   0,   0,   0,   0,
	  0,   0,   0,   0,   0,   0,   0,   0,
};
static const int eval_knight_psq[64] = {
	-50, -40, -30, -30, -30, -30, -40, -50,
	-40, -20,   0,   0,   0,   0, -20, -40,
	-30,   0,  10,  15,  15,  10,   0, -30,
	-30,   5,  15,  20,  20,  15,   5, -30,
	-30,   0,  15,  20,  20,  15,   0, -30,
	-30,   5,  10,  15,  15,  10,   5, -30,
	-40, -20,   0,   5,   5,   0, -20, -40,
	-50, -40, -30, -30, -30, -30, -40, -50,
};
static const int eval_bishop_psq[64] = {
	-20, -10, -10, -10, -10, -10, -10, -20,
	-10,   0,   0,   0,   0,   0,   0, -10,
	-10,   0,   5,  10,  10,   5,   0, -10,
	-10,   5,   5,  10,  10,   5,   5, -10,
	-10,   0,  10,  10,  10,  10,   0, -10,
	-10,  10,  10,  10,  10,  10,  10, -10,
	-10,   5,   0,   0,   0,   0,   5, -10,
	-20, -10, -10, -10, -10, -10, -10, -20,
};
static const int eval_rook_psq[64] = {
	  0,   0,   0,   0,   0,   0,   0,   0,
	  5,  10,  10,  10,  10,  10,  10,   5,
	 -5,   0,   0,   0,   0,   0,   0,  -5,
	 -5,   0,   0,   0,   0,   0,   0,  -5,
	 -5,   0,   0,   0,   0,   0,   0,  -5,
	 -5,   0,   0,   0,   0,   0,   0,  -5,
	 -5,   0,   0,   0,   0,   0,   0,  -5,
	  0,   0,   0,   5,   5,   0,   0,   0,
};
static const int eval_queen_psq[64] = {
	-20, -10, -10,  -5,  -5, -10, -10, -20,
	-10,   0,   0,   0,   0,   0,   0, -10,
	-10,   0,   5,   5,   5,   5,   0, -10,
	 -5,   0,   5,   5,   5,   5,   0,  -5,
	 -5,   0,   5,   5,   5,   5,   0,  -5,
	-10,   0,   5,   5,   5,   5,   0, -10,
	-10,   0,   0,   0,   0,   0,   0, -10,
	-20, -10, -10,  -5,  -5, -10, -10, -20,
};
static const int eval_king_mg[64] = {
	-30, -40, -40, -50, -50, -40, -40, -30,
	-30, -40, -40, -50, -50, -40, -40, -30,
	-30, -40, -40, -50, -50, -40, -40, -30,
	-30, -40, -40, -50, -50, -40, -40, -30,
	-20, -30, -30, -40, -40, -30, -30, -20,
	-10, -20, -20, -20, -20, -20, -20, -10,
	 20,  20,   0,   0,   0,   0,  20,  20,
	 20,  30,  10,   0,   0,  10,  30,  20,
};
static const int eval_king_eg[64] = {
	-50, -40, -30, -20, -20, -30, -40, -50,
	-30, -20, -10,   0,   0, -10, -20, -30,
	-30, -10,  20,  30,  30,  20, -10, -30,
	-30, -10,  30,  40,  40,  30, -10, -30,
	-30, -10,  30,  40,  40,  30, -10, -30,
	-30, -10,  20,  30,  30,  20, -10, -30,
	-30, -30,   0,   0,   0,   0, -30, -30,
	-50, -30, -30, -30, -30, -30, -30, -50,
};

static const int *const eval_psq_mg[PIECE_TYPE_NB] = {
	eval_pawn_mg, eval_knight_psq, eval_bishop_psq, eval_rook_psq, eval_queen_psq, eval_king_mg
};
static const int *const eval_psq_eg[PIECE_TYPE_NB] = {
	eval_pawn_eg, eval_knight_psq, eval_bishop_psq, eval_rook_psq, eval_queen_psq, eval_king_eg
};

struct eval_side {
	int	mg;
	int	eg;
};

static bitboard_t
eval_pawn_attacks(bitboard_t pawns, int color)
{
	if (color == WHITE)
		return ((pawns << 7) & ~BB_FILE_H) | ((pawns << 9) & ~BB_FILE_A);
	return ((pawns >> 9) & ~BB_FILE_H) | ((pawns >> 7) & ~BB_FILE_A);
}

static bitboard_t
eval_adjacent_files(int file)
{
	bitboard_t m = 0;

	if (file > 0)
		m |= BB_FILE_A << (file - 1);
	if (file < 7)
		m |= BB_FILE_A << (file + 1);
	return m;
}

/* Squares strictly ahead of rank for color. */
static bitboard_t
eval_ahead(int rank, int color)
{
	if (color == WHITE)
		return rank >= 7 ? 0 : ~0ULL << (8 * (rank + 1));
	return rank <= 0 ? 0 : (1ULL << (8 * rank)) - 1;
}

static void
eval_pawns(const struct position *p, int c, struct eval_side *s)
{
	bitboard_t own = p->pieces[piece_make(c, PAWN)];
	bitboard_t their = p->pieces[piece_make(!c, PAWN)];

	for (int f = 0; f < 8; f++) {
		int n = bb_popcount(own & (BB_FILE_A << f));

		if (n > 1) {
			s->mg -= EVAL_DOUBLED_MG * (n - 1);
			s->eg -= EVAL_DOUBLED_EG * (n - 1);
		}
		if (n > 0 && (own & eval_adjacent_files(f)) == 0) {
			s->mg -= EVAL_ISOLATED_MG * n;
			s->eg -= EVAL_ISOLATED_EG * n;
		}
	}
	for (bitboard_t b = own; b;) {
		int sq = bb_pop(&b);
		int f = sq_file(sq), r = sq_rank(sq);
		bitboard_t span = ((BB_FILE_A << f) | eval_adjacent_files(f)) & eval_ahead(r, c);

		if ((their & span) == 0) {
			int rel = c == WHITE ? r : 7 - r;

			s->mg += eval_passed_mg[rel];
			s->eg += eval_passed_eg[rel];
		}
	}
}

static void
eval_pieces(const struct position *p, int c, struct eval_side *s)
{
	bitboard_t occ = p->occupied[WHITE] | p->occupied[BLACK];
	bitboard_t area = ~p->occupied[c] & ~eval_pawn_attacks(p->pieces[piece_make(!c, PAWN)], !c);
	bitboard_t own_pawns = p->pieces[piece_make(c, PAWN)];
	bitboard_t their_pawns = p->pieces[piece_make(!c, PAWN)];

	for (int t = KNIGHT; t <= QUEEN; t++) {
		for (bitboard_t b = p->pieces[piece_make(c, t)]; b;) {
			int sq = bb_pop(&b);
			bitboard_t att = attacks_piece(t, sq, occ);
			int n = bb_popcount(att & area) - eval_mobility_base[t];

			s->mg += eval_mobility_mg[t] * n;
			s->eg += eval_mobility_eg[t] * n;
			if (t == ROOK) {
				bitboard_t file = BB_FILE_A << sq_file(sq);

				if ((file & own_pawns) == 0 && (file & their_pawns) == 0) {
					s->mg += EVAL_ROOK_OPEN_MG;
					s->eg += EVAL_ROOK_OPEN_EG;
				} else if ((file & own_pawns) == 0) {
					s->mg += EVAL_ROOK_SEMI_MG;
					s->eg += EVAL_ROOK_SEMI_EG;
				}
			}
		}
	}
	if (bb_popcount(p->pieces[piece_make(c, BISHOP)]) >= 2) {
		s->mg += EVAL_BISHOP_PAIR_MG;
		s->eg += EVAL_BISHOP_PAIR_EG;
	}
}

/* A king on its back rank wants pawns on the two ranks in front of it. */
static void
eval_king_shield(const struct position *p, int c, struct eval_side *s)
{
	int k = position_king_square(p, c);
	int kf = sq_file(k), kr = c == WHITE ? sq_rank(k) : 7 - sq_rank(k);
	bitboard_t own = p->pieces[piece_make(c, PAWN)];

	if (kr != 0)
		return;
	for (int f = kf - 1; f <= kf + 1; f++) {
		bitboard_t front;

		if (f < 0 || f > 7)
			continue;
		front = c == WHITE ? (1ULL << sq_make(f, 1)) | (1ULL << sq_make(f, 2))
		    : (1ULL << sq_make(f, 6)) | (1ULL << sq_make(f, 5));
		if ((own & front) == 0)
			s->mg -= EVAL_SHIELD_MISSING;
	}
}

int
eval_white(const struct position *p)
{
	struct eval_side side[2] = { { 0, 0 }, { 0, 0 } };
	int phase = 0, mg, eg;

	for (int c = WHITE; c <= BLACK; c++) {
		for (int t = PAWN; t <= KING; t++) {
			for (bitboard_t b = p->pieces[piece_make(c, t)]; b;) {
				int sq = bb_pop(&b);
				int i = c == WHITE ? sq ^ 56 : sq;

				side[c].mg += eval_material_mg[t] + eval_psq_mg[t][i];
				side[c].eg += eval_material_eg[t] + eval_psq_eg[t][i];
				phase += eval_phase_weight[t];
			}
		}
		eval_pawns(p, c, &side[c]);
		eval_pieces(p, c, &side[c]);
		eval_king_shield(p, c, &side[c]);
	}
	side[p->side].mg += EVAL_TEMPO;
	if (phase > EVAL_PHASE_MAX)
		phase = EVAL_PHASE_MAX;
	mg = side[WHITE].mg - side[BLACK].mg;
	eg = side[WHITE].eg - side[BLACK].eg;
	return (mg * phase + eg * (EVAL_PHASE_MAX - phase)) / EVAL_PHASE_MAX;
}

int
eval_position(const struct position *p)
{
	int s = eval_white(p);

	return p->side == WHITE ? s : -s;
}

int
eval_piece_value(int type)
{
	static const int value[8] = {
		EVAL_PAWN, EVAL_KNIGHT, EVAL_BISHOP, EVAL_ROOK, EVAL_QUEEN, 0, 0, 0
	};

	return value[type];
}
