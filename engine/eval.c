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
 * with sq itself. Material and piece squares are not summed here: the
 * position carries their totals (psq_mg, psq_eg, phase), which
 * position_play updates from eval_psq_table as pieces move, so only the
 * terms that depend on several pieces at once are computed per call.
 * Mobility counts the squares a piece attacks that hold no own piece and
 * no enemy pawn's attack. The piece loop also records what each side
 * attacks, for the king danger and the threats, which need both sides'
 * attacks at once.
 */
#include <stdlib.h>

#include "engine/attacks.h"
#include "engine/eval.h"

int16_t eval_psq_table[2][16][64];
uint8_t eval_phase_table[16];

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
	EVAL_THREAT_PAWN_MG = 100, EVAL_THREAT_PAWN_EG = 55,	/* per piece a pawn attacks */
	EVAL_HANGING_MG = 40, EVAL_HANGING_EG = 20,	/* per piece attacked and undefended */
	/* King danger units: the penalty is danger² / MG_DIV and danger / EG_DIV. */
	EVAL_DANGER_HIT = 69, EVAL_DANGER_WEAK = 185,
	EVAL_DANGER_CHECK_ROOK = 540, EVAL_DANGER_CHECK_QUEEN = 390,
	EVAL_DANGER_CHECK_BISHOP = 317, EVAL_DANGER_CHECK_KNIGHT = 395,
	EVAL_DANGER_NO_QUEEN = 873, EVAL_DANGER_BASE = 150,
	EVAL_DANGER_MG_DIV = 12000, EVAL_DANGER_EG_DIV = 24,
};

/* Weight of a piece that reaches the enemy king's zone, by its type. */
static const int eval_king_attack_weight[PIECE_TYPE_NB] = { 0, 81, 52, 44, 10, 0 };

static const int eval_phase_weight[PIECE_TYPE_NB] = { 0, 1, 1, 2, 4, 0 };
static const int eval_material_mg[PIECE_TYPE_NB] = { 82, 337, 365, 477, 1025, 0 };
static const int eval_material_eg[PIECE_TYPE_NB] = { 94, 281, 297, 512, 936, 0 };

/* Mobility: weight per reachable square and the count that scores zero. */
static const int eval_mobility_mg[PIECE_TYPE_NB] = { 0, 4, 5, 2, 1, 0 };
static const int eval_mobility_eg[PIECE_TYPE_NB] = { 0, 4, 5, 4, 2, 0 };
static const int eval_mobility_base[PIECE_TYPE_NB] = { 0, 4, 6, 6, 12, 0 };

/* A minor piece or a rook attacking an enemy piece, by the victim's type. */
static const int eval_threat_minor_mg[PIECE_TYPE_NB] = { 3, 35, 45, 50, 45, 0 };
static const int eval_threat_minor_eg[PIECE_TYPE_NB] = { 15, 20, 25, 60, 80, 0 };
static const int eval_threat_rook_mg[PIECE_TYPE_NB] = { 2, 25, 25, 0, 35, 0 };
static const int eval_threat_rook_eg[PIECE_TYPE_NB] = { 20, 35, 30, 0, 20, 0 };

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

/*
 * What the piece loop learns about each side: the squares each piece type
 * attacks, every attacked square, the squares attacked twice or more, and
 * its attack on the enemy king's zone.
 */
struct eval_info {
	bitboard_t	by[2][PIECE_TYPE_NB];
	bitboard_t	all[2];
	bitboard_t	twice[2];
	bitboard_t	zone[2];	/* c's king, its neighbours and the three squares beyond */
	int		attackers[2];	/* c's pieces that reach the enemy king's zone */
	int		weight[2];	/* their eval_king_attack_weight summed */
	int		hits[2];	/* their attacks on the squares next to the enemy king */
	struct eval_side s[2];
};

static bitboard_t
eval_pawn_attacks(bitboard_t pawns, int color)
{
	if (color == WHITE)
		return ((pawns << 7) & ~BB_FILE_H) | ((pawns << 9) & ~BB_FILE_A);
	return ((pawns >> 9) & ~BB_FILE_H) | ((pawns >> 7) & ~BB_FILE_A);
}

/* Every square of the files that have a bit in the byte `files`. */
static bitboard_t
eval_file_fill(unsigned files)
{
	return (bitboard_t)files * BB_FILE_A;
}

/* The files (one bit each) holding at least one square of b. */
static unsigned
eval_files_of(bitboard_t b)
{
	b |= b >> 32;
	b |= b >> 16;
	b |= b >> 8;
	return (unsigned)(b & 0xff);
}

/* Every square ahead of each bit of b (ahead as color moves), on its own file. */
static bitboard_t
eval_forward_fill(bitboard_t b, int color)
{
	if (color == WHITE) {
		b <<= 8;
		b |= b << 8;
		b |= b << 16;
		b |= b << 32;
	} else {
		b >>= 8;
		b |= b >> 8;
		b |= b >> 16;
		b |= b >> 32;
	}
	return b;
}

/*
 * Squares ahead of each pawn of `pawns` (ahead as color moves) on its file
 * and the files beside it: an enemy pawn standing there is not passed.
 */
static bitboard_t
eval_front_spans(bitboard_t pawns, int color)
{
	bitboard_t b = eval_forward_fill(pawns, color);

	return b | bb_east(b) | bb_west(b);
}

/* Moves a king needs from a to b on an empty board. */
static int
eval_distance(int a, int b)
{
	int df = abs(sq_file(a) - sq_file(b)), dr = abs(sq_rank(a) - sq_rank(b));

	return df > dr ? df : dr;
}

/*
 * Doubled: each pawn past the first on a file. Isolated: each pawn of a
 * file with no own pawn beside it. Passed: no enemy pawn ahead on its file
 * or the files beside it — an enemy pawn's front span (every square ahead
 * of it on three files) covers exactly the pawns it stops. All three by
 * whole-board masks; the passed pawns are returned for eval_passed.
 */
static bitboard_t
eval_pawns(const struct position *p, int c, struct eval_side *s)
{
	bitboard_t own = p->pieces[piece_make(c, PAWN)];
	bitboard_t their = p->pieces[piece_make(!c, PAWN)];
	unsigned files = eval_files_of(own);
	unsigned lonely = files & ~((files << 1) | (files >> 1));
	int doubled = bb_popcount(own) - bb_popcount(files);
	int isolated = bb_popcount(own & eval_file_fill(lonely));
	bitboard_t passed = own & ~eval_front_spans(their, !c);

	s->mg -= EVAL_DOUBLED_MG * doubled + EVAL_ISOLATED_MG * isolated;
	s->eg -= EVAL_DOUBLED_EG * doubled + EVAL_ISOLATED_EG * isolated;
	for (bitboard_t b = passed; b;) {
		int r = sq_rank(bb_pop(&b));
		int rel = c == WHITE ? r : 7 - r;

		s->mg += eval_passed_mg[rel];
		s->eg += eval_passed_eg[rel];
	}
	return passed;
}

/*
 * Mobility of one piece (reachable squares in area, counted from the
 * type's base), and its attacks recorded for the king danger and threats.
 */
static inline void
eval_piece(int c, int t, bitboard_t att, bitboard_t area, struct eval_info *ei)
{
	int n = bb_popcount(att & area) - eval_mobility_base[t];

	ei->s[c].mg += eval_mobility_mg[t] * n;
	ei->s[c].eg += eval_mobility_eg[t] * n;
	ei->twice[c] |= ei->all[c] & att;
	ei->all[c] |= att;
	ei->by[c][t] |= att;
	if (att & ei->zone[!c]) {
		ei->attackers[c]++;
		ei->weight[c] += eval_king_attack_weight[t];
		ei->hits[c] += bb_popcount(att & ei->by[!c][KING]);
	}
}

/*
 * One loop per piece type, so each calls its own attack function (no
 * switch per piece). A bishop sees through its own queen and a rook through
 * its own rooks and queen: the battery behind counts as reach.
 */
static void
eval_pieces(const struct position *p, int c, struct eval_info *ei)
{
	const bitboard_t *own = &p->pieces[piece_make(c, 0)];
	struct eval_side *s = &ei->s[c];
	bitboard_t occ = p->occupied[WHITE] | p->occupied[BLACK];
	bitboard_t area = ~p->occupied[c] & ~ei->by[!c][PAWN];
	unsigned own_files = eval_files_of(own[PAWN]);
	unsigned their_files = eval_files_of(p->pieces[piece_make(!c, PAWN)]);

	for (bitboard_t b = own[KNIGHT]; b;)
		eval_piece(c, KNIGHT, attacks_knight(bb_pop(&b)), area, ei);
	for (bitboard_t b = own[BISHOP]; b;)
		eval_piece(c, BISHOP, attacks_bishop(bb_pop(&b), occ & ~own[QUEEN]), area, ei);
	for (bitboard_t b = own[ROOK]; b;) {
		int sq = bb_pop(&b);
		unsigned file = 1u << sq_file(sq);

		eval_piece(c, ROOK, attacks_rook(sq, occ & ~own[QUEEN] & ~own[ROOK]), area, ei);
		if ((file & own_files) == 0 && (file & their_files) == 0) {
			s->mg += EVAL_ROOK_OPEN_MG;
			s->eg += EVAL_ROOK_OPEN_EG;
		} else if ((file & own_files) == 0) {
			s->mg += EVAL_ROOK_SEMI_MG;
			s->eg += EVAL_ROOK_SEMI_EG;
		}
	}
	for (bitboard_t b = own[QUEEN]; b;)
		eval_piece(c, QUEEN, attacks_queen(bb_pop(&b), occ), area, ei);
	if (bb_several(own[BISHOP])) {
		s->mg += EVAL_BISHOP_PAIR_MG;
		s->eg += EVAL_BISHOP_PAIR_EG;
	}
}

/*
 * A king on its back rank wants pawns on the two ranks in front of it: each
 * of the (up to three) files around it with no own pawn there costs.
 */
static void
eval_king_shield(const struct position *p, int c, struct eval_side *s)
{
	int k = position_king_square(p, c);
	int kf = sq_file(k);
	bitboard_t own = p->pieces[piece_make(c, PAWN)];
	unsigned around, covered;

	if (sq_rank(k) != (c == WHITE ? 0 : 7))
		return;
	around = (kf > 0 ? 7u << (kf - 1) : 3u) & 0xff;
	covered = eval_files_of(own & (c == WHITE ? BB_RANK_2 | BB_RANK_3 : BB_RANK_7 | BB_RANK_6));
	s->mg -= EVAL_SHIELD_MISSING * bb_popcount(around & ~covered);
}

/*
 * King danger for c's king, after Stockfish's: the weight of the enemy
 * pieces aiming at the zone around it, their hits on the squares next to
 * it, the zone's squares only the king or queen defends (weak), and the
 * checks the enemy could give from squares we do not hold. The penalty
 * grows with the square of the danger in the middlegame, so one attacker
 * costs little and four are lethal. It is milder than Stockfish's (a
 * higher base, half the check weights, a larger divisor): at a few
 * thousand nodes the full-strength swings cost ~35 Elo instead of gaining.
 */
static void
eval_king_danger(const struct position *p, int c, struct eval_info *ei)
{
	int them = !c, k = position_king_square(p, c);
	bool queen = p->pieces[piece_make(them, QUEEN)] != 0;
	bitboard_t occ = p->occupied[WHITE] | p->occupied[BLACK];
	bitboard_t weak, safe, diag, line;
	int danger;

	if (ei->attackers[them] < 2 - queen)
		return;
	weak = ei->all[them] & ~ei->twice[c] & (~ei->all[c] | ei->by[c][KING] | ei->by[c][QUEEN]);
	safe = ~p->occupied[them] & (~ei->all[c] | (weak & ei->twice[them]));
	diag = attacks_bishop(k, occ);
	line = attacks_rook(k, occ);
	danger = ei->weight[them] * ei->attackers[them] / 2
		+ EVAL_DANGER_HIT * ei->hits[them]
		+ EVAL_DANGER_WEAK * bb_popcount(ei->zone[c] & weak)
		+ (line & ei->by[them][ROOK] & safe ? EVAL_DANGER_CHECK_ROOK : 0)
		+ ((diag | line) & ei->by[them][QUEEN] & safe & ~ei->by[c][QUEEN] ? EVAL_DANGER_CHECK_QUEEN : 0)
		+ (diag & ei->by[them][BISHOP] & safe ? EVAL_DANGER_CHECK_BISHOP : 0)
		+ (attacks_knight(k) & ei->by[them][KNIGHT] & safe ? EVAL_DANGER_CHECK_KNIGHT : 0)
		- (queen ? 0 : EVAL_DANGER_NO_QUEEN)
		- EVAL_DANGER_BASE;
	if (danger > 100) {
		ei->s[c].mg -= danger * danger / EVAL_DANGER_MG_DIV;
		ei->s[c].eg -= danger / EVAL_DANGER_EG_DIV;
	}
}

/*
 * Threats by c, after Stockfish's: enemy pieces its pawns attack; enemy
 * pieces (pawns too) its minor pieces or rooks attack that are weak (not
 * held by a pawn or by more defenders than attackers) or worth more,
 * scored by the victim; and enemy pieces it attacks that nothing defends,
 * or that it attacks twice and they defend once (hanging). The quiescence
 * search settles captures for the side to move; these say what the side
 * that just moved threatens and what a quiet position is worth.
 */
static void
eval_threats(const struct position *p, int c, struct eval_info *ei)
{
	int them = !c;
	bitboard_t pieces = p->occupied[them] & ~p->pieces[piece_make(them, PAWN)];
	bitboard_t strong = ei->by[them][PAWN] | (ei->twice[them] & ~ei->twice[c]);
	bitboard_t weak = p->occupied[them] & ~strong & ei->all[c];
	struct eval_side *s = &ei->s[c];
	int n = bb_popcount(pieces & ei->by[c][PAWN]);

	s->mg += EVAL_THREAT_PAWN_MG * n;
	s->eg += EVAL_THREAT_PAWN_EG * n;
	for (bitboard_t b = ((pieces & strong) | weak) & (ei->by[c][KNIGHT] | ei->by[c][BISHOP]); b;) {
		int t = piece_type(p->board[bb_pop(&b)]);

		s->mg += eval_threat_minor_mg[t];
		s->eg += eval_threat_minor_eg[t];
	}
	for (bitboard_t b = weak & ei->by[c][ROOK]; b;) {
		int t = piece_type(p->board[bb_pop(&b)]);

		s->mg += eval_threat_rook_mg[t];
		s->eg += eval_threat_rook_eg[t];
	}
	n = bb_popcount(weak & (~ei->all[them] | (pieces & ei->twice[c])));
	s->mg += EVAL_HANGING_MG * n;
	s->eg += EVAL_HANGING_EG * n;
}

/*
 * Passed pawns past their third rank, after Stockfish's (at a quarter of
 * its weights; half cost ~10 Elo, a quarter gained): in the endgame the
 * kings' distances to the square in front of the pawn (the enemy's counts
 * more), and, when that square is empty, a path to promotion the enemy
 * neither holds nor attacks, or a free next step.
 */
static void
eval_passed(const struct position *p, int c, bitboard_t passed, struct eval_info *ei)
{
	int own_k = position_king_square(p, c), their_k = position_king_square(p, !c);
	bitboard_t occ = p->occupied[WHITE] | p->occupied[BLACK];

	for (bitboard_t b = passed; b;) {
		int sq = bb_pop(&b), rel = c == WHITE ? sq_rank(sq) : 7 - sq_rank(sq);
		int stop = c == WHITE ? sq + 8 : sq - 8, w = 5 * rel - 13, k;
		bitboard_t unsafe;

		if (rel < 3)
			continue;
		ei->s[c].eg += w * (eval_distance(their_k, stop) * 19 / 4 - eval_distance(own_k, stop) * 2) / 4;
		if (occ & bb_square(stop))
			continue;
		unsafe = eval_forward_fill(bb_square(sq), c) & (ei->all[!c] | p->occupied[!c]);
		k = !unsafe ? 35 : !(unsafe & bb_square(stop)) ? 15 : 0;
		if (ei->all[c] & bb_square(stop))
			k += 5;
		ei->s[c].mg += k * w / 4;
		ei->s[c].eg += k * w / 4;
	}
}

void
eval_init(void)
{
	for (int t = PAWN; t <= KING; t++) {
		for (int sq = 0; sq < 64; sq++) {
			int w = piece_make(WHITE, t), b = piece_make(BLACK, t);

			eval_psq_table[0][w][sq] = (int16_t)(eval_material_mg[t] + eval_psq_mg[t][sq ^ 56]);
			eval_psq_table[1][w][sq] = (int16_t)(eval_material_eg[t] + eval_psq_eg[t][sq ^ 56]);
			eval_psq_table[0][b][sq] = (int16_t)-(eval_material_mg[t] + eval_psq_mg[t][sq]);
			eval_psq_table[1][b][sq] = (int16_t)-(eval_material_eg[t] + eval_psq_eg[t][sq]);
			eval_phase_table[w] = eval_phase_table[b] = (uint8_t)eval_phase_weight[t];
		}
	}
}

void
eval_psq_refresh(struct position *p)
{
	int mg = 0, eg = 0, phase = 0;

	for (int sq = 0; sq < 64; sq++) {
		int pc = p->board[sq];

		if (pc == NO_PIECE)
			continue;
		mg += eval_psq_table[0][pc][sq];
		eg += eval_psq_table[1][pc][sq];
		phase += eval_phase_table[pc];
	}
	p->psq_mg = (int16_t)mg;
	p->psq_eg = (int16_t)eg;
	p->phase = (uint8_t)phase;
}

int
eval_white(const struct position *p)
{
	struct eval_info ei = { 0 };
	bitboard_t passed[2];
	int phase = p->phase, mg, eg;

	for (int c = WHITE; c <= BLACK; c++) {
		int k = position_king_square(p, c);

		ei.by[c][PAWN] = eval_pawn_attacks(p->pieces[piece_make(c, PAWN)], c);
		ei.by[c][KING] = attacks_king(k);
		ei.twice[c] = ei.by[c][PAWN] & ei.by[c][KING];
		ei.all[c] = ei.by[c][PAWN] | ei.by[c][KING];
		ei.zone[c] = ei.by[c][KING] | bb_square(k);
		ei.zone[c] |= c == WHITE ? ei.zone[c] << 8 : ei.zone[c] >> 8;
	}
	for (int c = WHITE; c <= BLACK; c++) {
		passed[c] = eval_pawns(p, c, &ei.s[c]);
		eval_pieces(p, c, &ei);
		eval_king_shield(p, c, &ei.s[c]);
	}
	for (int c = WHITE; c <= BLACK; c++) {
		eval_king_danger(p, c, &ei);
		eval_threats(p, c, &ei);
		eval_passed(p, c, passed[c], &ei);
	}
	ei.s[p->side].mg += EVAL_TEMPO;
	if (phase > EVAL_PHASE_MAX)
		phase = EVAL_PHASE_MAX;
	mg = p->psq_mg + ei.s[WHITE].mg - ei.s[BLACK].mg;
	eg = p->psq_eg + ei.s[WHITE].eg - ei.s[BLACK].eg;
	return (mg * phase + eg * (EVAL_PHASE_MAX - phase)) / EVAL_PHASE_MAX;
}

int
eval_position(const struct position *p)
{
	int s = eval_white(p);

	return p->side == WHITE ? s : -s;
}
