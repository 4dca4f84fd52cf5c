/*
 * perft against published and independently checked counts: the six
 * positions of the chessprogramming wiki's "Perft Results" page (position 4
 * also mirrored), then small positions built to catch the classic bugs (en
 * passant that uncovers a check along the rank or a diagonal, castling
 * through or out of check, rights lost to a captured rook, promotions and
 * underpromotions with and without capture, discovered checks). Depths are
 * chosen so the whole table runs in well under a second in Release and in
 * seconds under AddressSanitizer; the same list runs in both.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/notation.h"
#include "tests/engine/position_helpers.h"

TestSuite(perft, .init = setup);

struct perft_case {
	char		fen[96];
	int		depth;
	uint64_t	nodes;
};

#define KIWIPETE "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1"

ParameterizedTestParameters(perft, published)
{
	static struct perft_case cases[] = {
		/* chessprogramming wiki, Perft Results: positions 1-6. */
		{ FEN_STARTPOS, 1, 20 },
		{ FEN_STARTPOS, 2, 400 },
		{ FEN_STARTPOS, 3, 8902 },
		{ FEN_STARTPOS, 4, 197281 },
		{ FEN_STARTPOS, 5, 4865609 },
		{ KIWIPETE, 1, 48 },
		{ KIWIPETE, 2, 2039 },
		{ KIWIPETE, 3, 97862 },
		{ KIWIPETE, 4, 4085603 },
		{ "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1", 1, 14 },
		{ "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1", 3, 2812 },
		{ "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1", 5, 674624 },
		{ "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1", 1, 6 },
		{ "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1", 3, 9467 },
		{ "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1", 5, 15833292 },
		{ "r2q1rk1/pP1p2pp/Q4n2/bbp1p3/Np6/1B3NBn/pPPP1PPP/R3K2R b KQ - 0 1", 4, 422333 },
		{ "r2q1rk1/pP1p2pp/Q4n2/bbp1p3/Np6/1B3NBn/pPPP1PPP/R3K2R b KQ - 0 1", 5, 15833292 },
		{ "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8", 1, 44 },
		{ "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8", 3, 62379 },
		{ "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8", 4, 2103487 },
		{ "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10", 1, 46 },
		{ "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10", 3, 89890 },
		{ "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10", 4, 3894594 },
	};
	return cr_make_param_array(struct perft_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct perft_case *c, perft, published)
{
	struct position p;
	char err[160];

	cr_assert(eq(int, position_from_fen(&p, c->fen, err, sizeof(err)), 0), "%s", err);
	cr_expect(eq(u64, perft(&p, c->depth), c->nodes), "%s at depth %d", c->fen, c->depth);
}

ParameterizedTestParameters(perft, tricky)
{
	static struct perft_case cases[] = {
		/* En passant would expose the king: along the rank, a diagonal. */
		{ "3k4/3p4/8/K1P4r/8/8/8/8 b - - 0 1", 6, 1134888 },
		{ "8/8/4k3/8/2p5/8/B2P2K1/8 w - - 0 1", 6, 1015133 },
		{ "8/8/1k6/2b5/2pP4/8/5K2/8 b - d3 0 1", 6, 1440467 },
		{ "8/8/8/2k5/2pP4/8/B7/4K3 b - d3 0 1", 4, 5380 },
		{ "8/8/8/8/k2Pp2Q/8/8/3K4 b - d3 0 1", 3, 863 },
		{ "8/8/8/8/k1pP3R/8/8/4K3 b - d3 0 1", 3, 604 },
		{ "4k3/8/8/2KpP2r/8/8/8/8 w - d6 0 1", 3, 853 },
		{ "rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3", 3, 21637 },
		/* Castling: short, long, rights lost, through and out of check. */
		{ "5k2/8/8/8/8/8/8/4K2R w K - 0 1", 6, 661072 },
		{ "3k4/8/8/8/8/8/8/R3K3 w Q - 0 1", 6, 803711 },
		{ "r3k2r/1b4bq/8/8/8/8/7B/R3K2R w KQkq - 0 1", 4, 1274206 },
		{ "r3k2r/8/3Q4/8/8/5q2/8/R3K2R b KQkq - 0 1", 4, 1720476 },
		{ "r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", 4, 314346 },
		{ "4k3/8/8/8/8/8/8/4K2R w K - 0 1", 5, 133987 },
		/* Promotions, underpromotions, promotion captures, giving check. */
		{ "2K2r2/4P3/8/8/8/8/8/3k4 w - - 0 1", 6, 3821001 },
		{ "4k3/1P6/8/8/8/8/K7/8 w - - 0 1", 6, 217342 },
		{ "8/P1k5/K7/8/8/8/8/8 w - - 0 1", 6, 92683 },
		{ "K1k5/8/P7/8/8/8/8/8 w - - 0 1", 6, 2217 },
		{ "8/k1P5/8/1K6/8/8/8/8 w - - 0 1", 7, 567584 },
		{ "n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1", 5, 3605103 },
		/* Discovered and double checks, self-stalemate. */
		{ "8/8/1P2K3/8/2n5/1q6/8/5k2 b - - 0 1", 5, 1004658 },
		{ "8/8/2k5/5q2/5n2/8/5K2/8 b - - 0 1", 4, 23527 },
	};
	return cr_make_param_array(struct perft_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct perft_case *c, perft, tricky)
{
	struct position p;
	char err[160];

	cr_assert(eq(int, position_from_fen(&p, c->fen, err, sizeof(err)), 0), "%s", err);
	cr_expect(eq(u64, perft(&p, c->depth), c->nodes), "%s at depth %d", c->fen, c->depth);
}

Test(perft, depth_zero_is_one_node)
{
	struct position p;

	position_startpos(&p);
	cr_expect(eq(u64, perft(&p, 0), 1));
}

/*
 * Divides checked against Stockfish's `go perft`: `expected` lists every
 * root move with its count, as "move count" pairs.
 */
static void
check_divide(const char *fen, int depth, const char *expected)
{
	struct perft_entry entries[MAX_MOVES];
	struct position p;
	char err[160], buf[4096], *save = NULL;
	int n, matched = 0;
	uint64_t total = 0;

	cr_assert(eq(int, position_from_fen(&p, fen, err, sizeof(err)), 0), "%s", err);
	n = perft_divide(&p, depth, entries);
	snprintf(buf, sizeof(buf), "%s", expected);
	for (char *mv = strtok_r(buf, " ", &save); mv; mv = strtok_r(NULL, " ", &save)) {
		uint64_t count = strtoull(strtok_r(NULL, " ", &save), NULL, 10);
		bool found = false;

		for (int i = 0; i < n; i++) {
			char text[MOVE_TEXT_MAX];

			move_to_uci(entries[i].move, text);
			if (strcmp(text, mv) == 0) {
				cr_expect(eq(u64, entries[i].nodes, count), "%s: %s", fen, mv);
				found = true;
			}
		}
		cr_expect(found, "%s: %s missing from divide", fen, mv);
		matched++;
	}
	cr_expect(eq(int, n, matched), "%s: %d root moves, expected %d", fen, n, matched);
	for (int i = 0; i < n; i++)
		total += entries[i].nodes;
	cr_expect(eq(u64, total, perft(&p, depth)));
}

Test(perft, divide_startpos)
{
	check_divide(FEN_STARTPOS, 4,
		     "a2a3 8457 b2b3 9345 c2c3 9272 d2d3 11959 e2e3 13134 f2f3 8457 g2g3 9345 "
		     "h2h3 8457 a2a4 9329 b2b4 9332 c2c4 9744 d2d4 12435 e2e4 13160 f2f4 8929 "
		     "g2g4 9328 h2h4 9329 b1a3 8885 b1c3 9755 g1f3 9748 g1h3 8881");
}

Test(perft, divide_kiwipete)
{
	check_divide(KIWIPETE, 3,
		     "a2a3 2186 b2b3 1964 g2g3 1882 d5d6 1991 a2a4 2149 g2g4 1843 g2h3 1970 "
		     "d5e6 2241 c3b1 2038 c3d1 2040 c3a4 2203 c3b5 2138 e5d3 1803 e5c4 1880 "
		     "e5g4 1878 e5c6 2027 e5g6 1997 e5d7 2124 e5f7 2080 d2c1 1963 d2e3 2136 "
		     "d2f4 2000 d2g5 2134 d2h6 2019 e2d1 1733 e2f1 2060 e2d3 2050 e2c4 2082 "
		     "e2b5 2057 e2a6 1907 a1b1 1969 a1c1 1968 a1d1 1885 h1f1 1929 h1g1 2013 "
		     "f3d3 2005 f3e3 2174 f3g3 2214 f3h3 2360 f3f4 2132 f3g4 2169 f3f5 2396 "
		     "f3h5 2267 f3f6 2111 e1d1 1894 e1f1 1855 e1g1 2059 e1c1 1887");
}

/* exd3 e.p. would leave the a4 king to the h4 queen: not in the list. */
Test(perft, divide_en_passant_pinned_along_rank)
{
	check_divide("8/8/8/8/k2Pp2Q/8/8/3K4 b - d3 0 1", 1,
		     "e4e3 1 a4b5 1 a4a3 1 a4b3 1 a4b4 1 a4a5 1");
}

Test(perft, divide_promotions)
{
	check_divide("n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1", 2,
		     "g2f1q 4 g2f1r 19 g2f1b 6 g2f1n 19 g2h1q 21 g2h1r 22 g2h1b 21 g2h1n 21 "
		     "g2g1q 23 g2g1r 24 g2g1b 23 g2g1n 5 a8b6 24 a8c7 24 c8b6 24 c8d6 24 "
		     "c8a7 24 c8e7 24 d7c6 24 d7d6 24 d7e6 24 d7c7 24 d7e7 24 d7e8 24");
}
