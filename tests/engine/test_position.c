/*
 * Position tests: what position_play() does to every field (pieces,
 * castling rights, en passant square, clocks) for each kind of move, the
 * null move, attack and check queries, and the insufficient-material rule.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
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

/* Every move of the tree below p: gives_check says what playing it and asking in_check says. Returns the checks seen. */
static int
expect_gives_check(const struct position *p, int depth)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves), checks = 0;
	struct position_checks pc;

	position_checks_init(p, &pc);

	for (int i = 0; i < n; i++) {
		struct position after = *p;
		char fen[FEN_MAX];

		position_play(&after, moves[i]);
		if (position_gives_check(p, &pc, moves[i]) != position_in_check(&after)) {
			position_to_fen(p, fen, sizeof(fen));
			cr_fatal("%s: move %04x: gives_check %d, in_check after %d", fen, moves[i],
			    position_gives_check(p, &pc, moves[i]), position_in_check(&after));
		}
		checks += position_in_check(&after);
		if (depth > 1)
			checks += expect_gives_check(&after, depth - 1);
	}
	return checks;
}

Test(position, gives_check_is_in_check_after_the_move)
{
	/* Perft's positions (their published check counts: startpos 0+0+12+469, Kiwipete 0+3+993, #3
	 * 2+10+267+1680, #4 0+10+38), castling that checks with the rook, en passant that uncovers a rook. */
	static const struct {
		const char *fen;
		int depth, checks;
	} cases[] = {
		{ FEN_STARTPOS, 4, 481 },
		{ "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", 3, 996 },
		{ "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1", 4, 1959 },
		{ "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1", 3, 48 },
		{ "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8", 3, 1318 },
		{ "5k2/8/8/8/8/8/8/4K2R w K - 0 1", 1, 3 },
		{ "8/8/8/1k1pP2R/8/8/8/4K3 w - d6 0 1", 1, 1 },
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct position p;

		from_fen(&p, cases[i].fen);
		cr_expect(eq(int, expect_gives_check(&p, cases[i].depth), cases[i].checks), "%s", cases[i].fen);
	}
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
