/*
 * Builds the attack tables declared in attacks.h. Slider attacks use fancy
 * magic bitboards: for each square, every subset of its relevant blockers is
 * enumerated (Carry-Rippler), its attack set computed the slow way by walking
 * rays, and a sparse random magic is tried until no two subsets with
 * different attacks collide. The random numbers come from a fixed-seed
 * xorshift64* generator (seeds per rank, as Stockfish does, so the search is
 * quick and always finds the same magics), so the tables are identical on
 * every run. The whole build takes a few milliseconds.
 */
#include <string.h>

#include "engine/attacks.h"

enum {
	ROOK_TABLE_SIZE = 102400,	/* sum over squares of 2^popcount(mask) */
	BISHOP_TABLE_SIZE = 5248
};

bitboard_t attacks_knight_table[64];
bitboard_t attacks_king_table[64];
bitboard_t attacks_pawn_table[2][64];
bitboard_t attacks_between_table[64][64];
bitboard_t attacks_line_table[64][64];
struct attacks_magic attacks_rook_magics[64];
struct attacks_magic attacks_bishop_magics[64];
bitboard_t attacks_slider_table[ROOK_TABLE_SIZE + BISHOP_TABLE_SIZE];

static const int rook_dirs[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
static const int bishop_dirs[4][2] = { { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 } };

static bool
on_board(int file, int rank)
{
	return file >= 0 && file < 8 && rank >= 0 && rank < 8;
}

/* Attacks from sq along dirs, stopping at (and including) the first blocker. */
static bitboard_t
slide(int sq, bitboard_t occ, const int dirs[4][2])
{
	bitboard_t att = 0;

	for (int d = 0; d < 4; d++) {
		int f = sq_file(sq) + dirs[d][0], r = sq_rank(sq) + dirs[d][1];

		for (; on_board(f, r); f += dirs[d][0], r += dirs[d][1]) {
			att |= bb_square(sq_make(f, r));
			if (occ & bb_square(sq_make(f, r)))
				break;
		}
	}
	return att;
}

static bitboard_t
leaper(int sq, const int (*deltas)[2], int n)
{
	bitboard_t att = 0;

	for (int i = 0; i < n; i++) {
		int f = sq_file(sq) + deltas[i][0], r = sq_rank(sq) + deltas[i][1];

		if (on_board(f, r))
			att |= bb_square(sq_make(f, r));
	}
	return att;
}

struct prng {
	uint64_t s;
};

static uint64_t
prng_next(struct prng *g)
{
	g->s ^= g->s >> 12;
	g->s ^= g->s << 25;
	g->s ^= g->s >> 27;
	return g->s * 2685821657736338717ULL;
}

static void
init_magics(struct attacks_magic *magics, const int dirs[4][2], uint32_t base)
{
	/* Seeds per rank that find magics fast with this generator. */
	static const uint64_t seeds[8] = { 728, 10316, 55013, 32803, 12281, 15100, 16645, 255 };
	static bitboard_t occupancy[4096], reference[4096];
	static int epoch[4096];
	int attempt = 0;
	uint32_t offset = base;

	memset(epoch, 0, sizeof(epoch));
	for (int sq = 0; sq < 64; sq++) {
		struct attacks_magic *m = &magics[sq];
		bitboard_t edges = ((BB_RANK_1 | BB_RANK_8) & ~(BB_RANK_1 << (8 * sq_rank(sq)))) |
				   ((BB_FILE_A | BB_FILE_H) & ~(BB_FILE_A << sq_file(sq)));
		bitboard_t b = 0;
		int size = 0;

		m->mask = slide(sq, 0, dirs) & ~edges;
		m->shift = 64 - (uint32_t)bb_popcount(m->mask);
		m->offset = offset;
		do {
			occupancy[size] = b;
			reference[size] = slide(sq, b, dirs);
			size++;
			b = (b - m->mask) & m->mask;
		} while (b);

		struct prng g = { seeds[sq_rank(sq)] };
		for (int i = 0; i < size;) {
			do
				m->magic = prng_next(&g) & prng_next(&g) & prng_next(&g);
			while (bb_popcount((m->magic * m->mask) >> 56) < 6);
			attempt++;
			for (i = 0; i < size; i++) {
				uint32_t idx = (uint32_t)(((occupancy[i] & m->mask) * m->magic) >> m->shift);
				bitboard_t *slot = &attacks_slider_table[offset + idx];

				if (epoch[idx] < attempt) {
					epoch[idx] = attempt;
					*slot = reference[i];
				} else if (*slot != reference[i]) {
					break;
				}
			}
		}
		offset += (uint32_t)size;
	}
}

void
attacks_init(void)
{
	static const int knight_deltas[8][2] = {
		{ 1, 2 }, { 2, 1 }, { 2, -1 }, { 1, -2 }, { -1, -2 }, { -2, -1 }, { -2, 1 }, { -1, 2 }
	};
	static const int king_deltas[8][2] = {
		{ 1, 0 }, { 1, 1 }, { 0, 1 }, { -1, 1 }, { -1, 0 }, { -1, -1 }, { 0, -1 }, { 1, -1 }
	};
	static const int pawn_deltas[2][2][2] = { { { -1, 1 }, { 1, 1 } }, { { -1, -1 }, { 1, -1 } } };

	for (int sq = 0; sq < 64; sq++) {
		attacks_knight_table[sq] = leaper(sq, knight_deltas, 8);
		attacks_king_table[sq] = leaper(sq, king_deltas, 8);
		attacks_pawn_table[WHITE][sq] = leaper(sq, pawn_deltas[WHITE], 2);
		attacks_pawn_table[BLACK][sq] = leaper(sq, pawn_deltas[BLACK], 2);
	}
	init_magics(attacks_rook_magics, rook_dirs, 0);
	init_magics(attacks_bishop_magics, bishop_dirs, ROOK_TABLE_SIZE);

	for (int a = 0; a < 64; a++) {
		for (int b = 0; b < 64; b++) {
			attacks_between_table[a][b] = 0;
			attacks_line_table[a][b] = 0;
			if (a == b)
				continue;
			if (slide(a, 0, rook_dirs) & bb_square(b)) {
				attacks_line_table[a][b] = (slide(a, 0, rook_dirs) & slide(b, 0, rook_dirs)) |
							   bb_square(a) | bb_square(b);
				attacks_between_table[a][b] = slide(a, bb_square(b), rook_dirs) &
							      slide(b, bb_square(a), rook_dirs);
			} else if (slide(a, 0, bishop_dirs) & bb_square(b)) {
				attacks_line_table[a][b] = (slide(a, 0, bishop_dirs) & slide(b, 0, bishop_dirs)) |
							   bb_square(a) | bb_square(b);
				attacks_between_table[a][b] = slide(a, bb_square(b), bishop_dirs) &
							      slide(b, bb_square(a), bishop_dirs);
			}
		}
	}
}
