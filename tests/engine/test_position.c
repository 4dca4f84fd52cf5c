/*
 * Position tests: what position_play() does to every field (pieces,
 * castling rights, en passant square, clocks) for each kind of move, the
 * null move, attack and check queries, and the insufficient-material rule.
 */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "tests/engine/position_helpers.h"

TestSuite(position, .init = setup);

static int
square(const char *name)
{
	return sq_make(name[0] - 'a', name[1] - '1');
}

/* Plays a move given in UCI text; it must be legal. */
static void
play(struct position *p, const char *uci)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves);
	int from = square(uci), to = square(uci + 2);
	int promo = uci[4] ? (int)(strchr("nbrq", uci[4]) - "nbrq") + KNIGHT : 0;

	for (int i = 0; i < n; i++) {
		if (move_from(moves[i]) != from || move_to(moves[i]) != to)
			continue;
		if (move_is_promotion(moves[i]) && move_promotion_type(moves[i]) != promo)
			continue;
		position_play(p, moves[i]);
		return;
	}
	cr_fatal("%s is not legal", uci);
}

/* FEN after playing `moves` (space separated UCI) from `fen`. */
static void
expect_after(const char *fen, const char *moves, const char *expected)
{
	struct position p;
	char buf[256], out[FEN_MAX], *save = NULL;

	from_fen(&p, fen);
	snprintf(buf, sizeof(buf), "%s", moves);
	for (char *m = strtok_r(buf, " ", &save); m; m = strtok_r(NULL, " ", &save))
		play(&p, m);
	position_to_fen(&p, out, sizeof(out));
	cr_expect(eq(str, out, (char *)expected), "%s after %s", fen, moves);
	cr_expect(eq(u64, p.key, position_hash(&p)));
}

Test(position, startpos)
{
	struct position p;
	char out[FEN_MAX];

	position_startpos(&p);
	position_to_fen(&p, out, sizeof(out));
	cr_expect(eq(str, out, FEN_STARTPOS));
	cr_expect(not(position_in_check(&p)));
	cr_expect(eq(int, position_king_square(&p, WHITE), square("e1")));
	cr_expect(eq(int, position_king_square(&p, BLACK), square("e8")));
}

Test(position, play_updates_every_field)
{
	/* Double push sets the square (kept even when no capture is possible), clocks. */
	expect_after(FEN_STARTPOS, "e2e4", "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1");
	expect_after(FEN_STARTPOS, "e2e4 e7e5 g1f3",
		     "rnbqkbnr/pppp1ppp/8/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R b KQkq - 1 2");
	/* En passant removes the passed pawn. */
	expect_after("rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3", "e5f6",
		     "rnbqkbnr/ppp1p1pp/5P2/3p4/8/8/PPPP1PPP/RNBQKBNR b KQkq - 0 3");
	/* Castling moves the rook and drops both rights of that side. */
	expect_after("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 5 9", "e1g1",
		     "r3k2r/8/8/8/8/8/8/R4RK1 b kq - 6 9");
	expect_after("r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 5 9", "e8c8",
		     "2kr3r/8/8/8/8/8/8/R3K2R w KQ - 6 10");
	/* A rook moving or captured on its corner loses that right only. */
	expect_after("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "a1a8",
		     "R3k2r/8/8/8/8/8/8/4K2R b Kk - 0 1");
	expect_after("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "h1h5",
		     "r3k2r/8/8/7R/8/8/8/R3K3 b Qkq - 1 1");
	/* The king moving drops both. */
	expect_after("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1d1", "r3k2r/8/8/8/8/8/8/R2K3R b kq - 1 1");
	/* Promotions, quiet and capturing, to each piece. */
	expect_after("1r2k3/P7/8/8/8/8/8/4K3 w - - 3 40", "a7a8q", "Qr2k3/8/8/8/8/8/8/4K3 b - - 0 40");
	expect_after("1r2k3/P7/8/8/8/8/8/4K3 w - - 3 40", "a7b8n", "1N2k3/8/8/8/8/8/8/4K3 b - - 0 40");
	expect_after("1r2k3/P7/8/8/8/8/8/4K3 w - - 3 40", "a7a8r", "Rr2k3/8/8/8/8/8/8/4K3 b - - 0 40");
	expect_after("1r2k3/P7/8/8/8/8/8/4K3 w - - 3 40", "a7b8b", "1B2k3/8/8/8/8/8/8/4K3 b - - 0 40");
	expect_after("4k3/8/8/8/8/8/p7/1N2K3 b - - 0 40", "a2b1q", "4k3/8/8/8/8/8/8/1q2K3 w - - 0 41");
}

Test(position, null_move)
{
	struct position p;
	char out[FEN_MAX];

	from_fen(&p, "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 4 7");
	position_play_null(&p);
	position_to_fen(&p, out, sizeof(out));
	cr_expect(eq(str, out, "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 5 8"));
	cr_expect(eq(u64, p.key, position_hash(&p)));
}

Test(position, attacks_and_check)
{
	struct position p;
	bitboard_t occ;

	from_fen(&p, "4k3/8/8/8/8/8/3p4/R3K3 w - - 0 1");
	occ = p.occupied[WHITE] | p.occupied[BLACK];
	cr_expect(position_in_check(&p), "the d2 pawn checks e1");
	cr_expect(position_square_attacked(&p, square("c1"), BLACK, occ));
	cr_expect(not(position_square_attacked(&p, square("d1"), BLACK, occ)));
	cr_expect(position_square_attacked(&p, square("a8"), WHITE, occ), "the rook sees a8");
	cr_expect(position_square_attacked(&p, square("d1"), WHITE, occ));
	/* The occupancy is the caller's: without the e1 king the rook sees g1. */
	cr_expect(not(position_square_attacked(&p, square("g1"), WHITE, occ)));
	cr_expect(position_square_attacked(&p, square("g1"), WHITE, occ & ~(1ULL << square("e1"))));
}

struct material_case {
	char	fen[96];
	bool	dead;
};

ParameterizedTestParameters(position, insufficient_material)
{
	static struct material_case cases[] = {
		{ "4k3/8/8/8/8/8/8/4K3 w - - 0 1", true },
		{ "4k3/8/8/8/8/8/8/4KN2 w - - 0 1", true },
		{ "4k3/8/8/8/8/8/8/4KB2 w - - 0 1", true },
		{ "4kb2/8/8/8/8/8/8/4K3 b - - 0 1", true },
		{ "4kb2/8/8/8/8/8/8/2B1K3 w - - 0 1", true },	/* both bishops on light squares */
		{ "4k3/8/8/8/8/8/8/B1B1KB2 w - - 0 1", false },	/* f1 is light, a1 c1 dark */
		{ "4k3/8/8/8/8/8/8/1B1BK3 w - - 0 1", true },	/* b1 d1: both light */
		{ "4kb2/8/8/8/8/8/8/3BK3 w - - 0 1", false },	/* f8 dark, d1 light */
		{ "4k3/8/8/8/8/8/8/4KNN1 w - - 0 1", false },
		{ "4kn2/8/8/8/8/8/8/4KN2 w - - 0 1", false },
		{ "4kn2/8/8/8/8/8/8/4KB2 w - - 0 1", false },
		{ "4k3/8/8/8/8/8/4P3/4K3 w - - 0 1", false },
		{ "4k3/8/8/8/8/8/8/4KR2 w - - 0 1", false },
		{ "4k3/8/8/8/8/8/8/3QK3 w - - 0 1", false },
		{ FEN_STARTPOS, false },
	};
	return cr_make_param_array(struct material_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct material_case *c, position, insufficient_material)
{
	struct position p;

	from_fen(&p, c->fen);
	cr_expect(eq(int, position_insufficient_material(&p), c->dead), "%s", c->fen);
}
