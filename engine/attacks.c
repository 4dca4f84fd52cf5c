/*
 * Builds the attack tables declared in attacks.h. Slider attacks use fancy
 * magic bitboards: for each square, every subset of its relevant blockers is
 * enumerated (Carry-Rippler), its attack set computed the slow way by walking
 * rays, and stored at the index its magic multiplication gives.
 *
 * The magics below were found by the usual search: sparse random numbers
 * (the AND of three draws of a xorshift64* generator seeded per rank with
 * Stockfish's seeds 728, 10316, 55013, 32803, 12281, 15100, 16645, 255) tried
 * until no two blocker sets with different attacks share an index. Doing
 * that search at start-up costs ~50 ms, paid again by every test process, so
 * its result is written down here instead; the fill verifies each magic and
 * the perft suite checks every table. The whole build takes a few ms.
 */
#include <assert.h>
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

static const uint64_t rook_magics[64] = {
	0x0A80004000801220ULL, 0x8040004010002008ULL, 0x2080200010008008ULL,
	0x1100100008210004ULL, 0xC200209084020008ULL, 0x2100010004000208ULL,
	0x0400081000822421ULL, 0x0200010422048844ULL, 0x0800800080400024ULL,
	0x0001402000401000ULL, 0x3000801000802001ULL, 0x4400800800100083ULL,
	0x0904802402480080ULL, 0x4040800400020080ULL, 0x0018808042000100ULL,
	0x4040800080004100ULL, 0x0040048001458024ULL, 0x00A0004000205000ULL,
	0x3100808010002000ULL, 0x4825010010000820ULL, 0x5004808008000401ULL,
	0x2024818004000A00ULL, 0x0005808002000100ULL, 0x2100060004806104ULL,
	0x0080400880008421ULL, 0x4062220600410280ULL, 0x010A004A00108022ULL,
	0x0000100080080080ULL, 0x0021000500080010ULL, 0x0044000202001008ULL,
	0x0000100400080102ULL, 0xC020128200040545ULL, 0x0080002000400040ULL,
	0x0000804000802004ULL, 0x0000120022004080ULL, 0x010A386103001001ULL,
	0x9010080080800400ULL, 0x8440020080800400ULL, 0x0004228824001001ULL,
	0x000000490A000084ULL, 0x0080002000504000ULL, 0x200020005000C000ULL,
	0x0012088020420010ULL, 0x0010010080080800ULL, 0x0085001008010004ULL,
	0x0002000204008080ULL, 0x0040413002040008ULL, 0x0000304081020004ULL,
	0x0080204000800080ULL, 0x3008804000290100ULL, 0x1010100080200080ULL,
	0x2008100208028080ULL, 0x5000850800910100ULL, 0x8402019004680200ULL,
	0x0120911028020400ULL, 0x0000008044010200ULL, 0x0020850200244012ULL,
	0x0020850200244012ULL, 0x0000102001040841ULL, 0x140900040A100021ULL,
	0x000200282410A102ULL, 0x000200282410A102ULL, 0x000200282410A102ULL,
	0x4048240043802106ULL,
};
static const uint64_t bishop_magics[64] = {
	0x40106000A1160020ULL, 0x0020010250810120ULL, 0x2010010220280081ULL,
	0x002806004050C040ULL, 0x0002021018000000ULL, 0x2001112010000400ULL,
	0x0881010120218080ULL, 0x1030820110010500ULL, 0x0000120222042400ULL,
	0x2000020404040044ULL, 0x8000480094208000ULL, 0x0003422A02000001ULL,
	0x000A220210100040ULL, 0x8004820202226000ULL, 0x0018234854100800ULL,
	0x0100004042101040ULL, 0x0004001004082820ULL, 0x0010000810010048ULL,
	0x1014004208081300ULL, 0x2080818802044202ULL, 0x0040880C00A00100ULL,
	0x0080400200522010ULL, 0x0001000188180B04ULL, 0x0080249202020204ULL,
	0x1004400004100410ULL, 0x00013100A0022206ULL, 0x2148500001040080ULL,
	0x4241080011004300ULL, 0x4020848004002000ULL, 0x10101380D1004100ULL,
	0x0008004422020284ULL, 0x01010A1041008080ULL, 0x0808080400082121ULL,
	0x0808080400082121ULL, 0x0091128200100C00ULL, 0x0202200802010104ULL,
	0x8C0A020200440085ULL, 0x01A0008080B10040ULL, 0x0889520080122800ULL,
	0x100902022202010AULL, 0x04081A0816002000ULL, 0x0000681208005000ULL,
	0x8170840041008802ULL, 0x0A00004200810805ULL, 0x0830404408210100ULL,
	0x2602208106006102ULL, 0x1048300680802628ULL, 0x2602208106006102ULL,
	0x0602010120110040ULL, 0x0941010801043000ULL, 0x000040440A210428ULL,
	0x0008240020880021ULL, 0x0400002012048200ULL, 0x00AC102001210220ULL,
	0x0220021002009900ULL, 0x84440C080A013080ULL, 0x0001008044200440ULL,
	0x0004C04410841000ULL, 0x2000500104011130ULL, 0x1A0C010011C20229ULL,
	0x0044800112202200ULL, 0x0434804908100424ULL, 0x0300404822C08200ULL,
	0x48081010008A2A80ULL,
};

/* Fills one slider's slices of attacks_slider_table; returns false if a
 * magic maps two blocker sets with different attacks to one entry. */
static bool
init_magics(struct attacks_magic *magics, const uint64_t *numbers, const int dirs[4][2],
	    uint32_t base)
{
	static bool filled[4096];
	uint32_t offset = base;
	bool ok = true;

	for (int sq = 0; sq < 64; sq++) {
		struct attacks_magic *m = &magics[sq];
		bitboard_t edges = ((BB_RANK_1 | BB_RANK_8) & ~(BB_RANK_1 << (8 * sq_rank(sq)))) |
				   ((BB_FILE_A | BB_FILE_H) & ~(BB_FILE_A << sq_file(sq)));
		bitboard_t b = 0;
		uint32_t size;

		m->mask = slide(sq, 0, dirs) & ~edges;
		m->magic = numbers[sq];
		m->shift = 64 - (uint32_t)bb_popcount(m->mask);
		m->offset = offset;
		size = 1u << (64 - m->shift);
		memset(filled, 0, size * sizeof(filled[0]));
		do {
			uint32_t idx = (uint32_t)((b * m->magic) >> m->shift);
			bitboard_t att = slide(sq, b, dirs);

			if (filled[idx] && attacks_slider_table[offset + idx] != att)
				ok = false;
			filled[idx] = true;
			attacks_slider_table[offset + idx] = att;
			b = (b - m->mask) & m->mask;
		} while (b);
		offset += size;
	}
	return ok;
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
	bool ok = init_magics(attacks_rook_magics, rook_magics, rook_dirs, 0) &&
		  init_magics(attacks_bishop_magics, bishop_magics, bishop_dirs, ROOK_TABLE_SIZE);

	assert(ok);
	(void)ok;

	for (int a = 0; a < 64; a++) {
		for (int b = 0; b < 64; b++) {
			bitboard_t ends = bb_square(a) | bb_square(b);

			attacks_between_table[a][b] = 0;
			attacks_line_table[a][b] = 0;
			if (a == b)
				continue;
			if (attacks_rook(a, 0) & bb_square(b)) {
				attacks_line_table[a][b] = (attacks_rook(a, 0) & attacks_rook(b, 0)) | ends;
				attacks_between_table[a][b] = attacks_rook(a, bb_square(b)) &
							      attacks_rook(b, bb_square(a));
			} else if (attacks_bishop(a, 0) & bb_square(b)) {
				attacks_line_table[a][b] = (attacks_bishop(a, 0) & attacks_bishop(b, 0)) | ends;
				attacks_between_table[a][b] = attacks_bishop(a, bb_square(b)) &
							      attacks_bishop(b, bb_square(a));
			}
		}
	}
}
