/*
 * Notation tests. The round trips run over every legal move of a table of
 * positions chosen for awkward notation (castling both ways, en passant,
 * promotions with and without capture, pins, several pieces reaching one
 * square) and of positions along seeded random games, so most of what SAN
 * can say gets printed and read back. Fixed strings pin down the exact
 * spelling where round trips cannot (a printer and parser could agree on a
 * wrong form), and the last tables hold the lenient and refused inputs.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/notation.h"
#include "tests/engine/position_helpers.h"

TestSuite(notation, .init = setup);

static const char *const round_trip_fens[] = {
    FEN_STARTPOS,
    /* Kiwipete and the other chessprogramming-wiki perft positions. */
    "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
    "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R b KQkq - 0 1",
    "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
    "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
    "r2q1rk1/pP1p2pp/Q4n2/bbp1p3/Np6/1B3NBn/pPPP1PPP/R3K2R b KQ - 0 1",
    "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8",
    "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10",
    /* Promotions, with and without capture, for both sides. */
    "n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1",
    "n1n5/PPPk4/8/8/8/8/4Kppp/5N1N w - - 0 1",
    "1r2k3/P7/8/8/8/8/8/4K3 w - - 0 1",
    "8/4P3/8/8/k7/8/8/4K3 w - - 0 1",
    /* En passant, plain and one that would expose the king. */
    "4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1",
    "8/8/8/KPp4r/8/8/8/4k3 w - c6 0 1",
    "4k3/8/8/8/3pP3/8/8/4K3 b - e3 0 1",
    /* Castling rich. */
    "r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1",
    "r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1",
    "r3k2r/8/3Q4/8/8/5q2/8/R3K2R b KQkq - 0 1",
    "2rkr3/2p1p3/8/8/8/8/8/R3K3 w Q - 0 1",
    /* Several pieces of a kind reaching one square. */
    "1n2k3/8/5n2/8/8/8/8/4K3 b - - 0 1",
    "k7/8/8/8/8/4R3/8/4R1K1 w - - 0 1",
    "2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1",
    "8/8/8/3k4/8/1N3N2/8/1N1K1N2 w - - 0 1",
    /* A pin, and a side in check. */
    "4k3/8/8/8/1b6/8/3N4/4K2R w K - 0 1",
    "rnbqkbnr/ppp2ppp/8/1B1pp3/4P3/8/PPPP1PPP/RNBQK1NR b KQkq - 1 3",
};

/*
 * For one move: SAN and UCI read back as the same move, SAN also without
 * its +/# suffix, and a disambiguated piece move really needed each
 * character (leaving it out must be refused as ambiguous).
 */
static void
check_move(const struct position *p, move_t m, const char *fen)
{
	char san[MOVE_TEXT_MAX], uci[MOVE_TEXT_MAX], bare[MOVE_TEXT_MAX], err[160];
	move_t back = MOVE_NONE;
	size_t len;

	move_to_san(p, m, san);
	cr_assert(eq(int, move_from_san(p, san, &back, err, sizeof(err)), 0), "%s in %s: %s", san,
	          fen, err);
	cr_assert(eq(u16, back, m), "SAN %s in %s", san, fen);

	len = strcspn(san, "+#");
	memcpy(bare, san, len);
	bare[len] = '\0';
	back = MOVE_NONE;
	cr_assert(eq(int, move_from_san(p, bare, &back, err, sizeof(err)), 0), "%s: %s", bare, err);
	cr_assert(eq(u16, back, m));

	move_to_uci(m, uci);
	back = MOVE_NONE;
	cr_assert(eq(int, move_from_uci(p, uci, &back, err, sizeof(err)), 0), "%s: %s", uci, err);
	cr_assert(eq(u16, back, m), "UCI %s in %s", uci, fen);

	/* "Nbd7" -> "Nd7" must be ambiguous; "Qh4e1" -> "Qhe1" and "Q4e1" too. */
	if (strchr("NBRQK", san[0]) != NULL && san[1] != 'x' && san[1] != '-') {
		size_t dest = strcspn(san, "+#");
		size_t extra = dest - 3 - (strchr(san, 'x') != NULL);

		for (size_t cut = 1; cut <= extra; cut++) {
			char shorter[MOVE_TEXT_MAX];

			memcpy(shorter, san, cut);
			strcpy(shorter + cut, san + cut + 1);
			cr_assert(eq(int, move_from_san(p, shorter, &back, err, sizeof(err)), -1),
			          "%s (from %s) in %s should be ambiguous", shorter, san, fen);
			cr_assert(not(eq(ptr, strstr(err, "ambiguous"), NULL)), "%s", err);
		}
	}
}

/* Every legal move prints to a different SAN string. */
static void
check_position(const struct position *p, const char *fen)
{
	move_t moves[MAX_MOVES];
	char san[MAX_MOVES][MOVE_TEXT_MAX];
	int n = movegen_legal(p, moves);

	for (int i = 0; i < n; i++) {
		check_move(p, moves[i], fen);
		move_to_san(p, moves[i], san[i]);
		for (int j = 0; j < i; j++)
			cr_assert(not(eq(str, san[i], san[j])), "two moves print as %s in %s",
			          san[i], fen);
	}
}

Test(notation, round_trip_table)
{
	cr_assert(ge(sz, ARRAY_LEN(round_trip_fens), 20));
	for (size_t i = 0; i < ARRAY_LEN(round_trip_fens); i++) {
		struct position p;

		from_fen(&p, round_trip_fens[i]);
		check_position(&p, round_trip_fens[i]);
	}
}

/* xorshift64: the same games on every run. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

Test(notation, round_trip_random_games)
{
	static const char *const starts[] = {
	    FEN_STARTPOS,
	    "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	    "n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1",
	};
	uint64_t seed = 0x9e3779b97f4a7c15u;
	int positions = 0;

	for (int game = 0; game < 12; game++) {
		struct position p;
		char fen[FEN_MAX];

		from_fen(&p, starts[game % ARRAY_LEN(starts)]);
		for (int ply = 0; ply < 80; ply++) {
			move_t moves[MAX_MOVES];
			int n = movegen_legal(&p, moves);

			if (n == 0)
				break;
			position_to_fen(&p, fen, sizeof(fen));
			check_position(&p, fen);
			positions++;
			position_play(&p, moves[next_random(&seed) % (uint64_t)n]);
		}
	}
	cr_assert(gt(int, positions, 300));
}

/*
 * Criterion runs each parameter in a fresh worker process, where pointers
 * into the parent's data are not valid: table rows hold their text.
 */
struct san_case {
	char fen[FEN_MAX];
	char uci[MOVE_TEXT_MAX];
	char san[16];
};

ParameterizedTestParameters(notation, exact_san)
{
	static struct san_case cases[] = {
	    {FEN_STARTPOS, "e2e4", "e4"},
	    {FEN_STARTPOS, "g1f3", "Nf3"},
	    /* Disambiguation by file, by rank, and by both. */
	    {"1n2k3/8/5n2/8/8/8/8/4K3 b - - 0 1", "b8d7", "Nbd7"},
	    {"1n2k3/8/5n2/8/8/8/8/4K3 b - - 0 1", "f6d7", "Nfd7"},
	    {"k7/8/8/8/8/4R3/8/4R1K1 w - - 0 1", "e1e2", "R1e2"},
	    {"k7/8/8/8/8/4R3/8/4R1K1 w - - 0 1", "e3e2", "R3e2"},
	    {"2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1", "h4e1", "Qh4e1"},
	    {"2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1", "h1e1", "Q1e1"},
	    {"2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1", "e4e1", "Qee1"},
	    {"8/8/8/3k4/8/1N3N2/8/1N1K1N2 w - - 0 1", "b3d2", "Nb3d2"},
	    {"8/8/8/3k4/8/1N3N2/8/1N1K1N2 w - - 0 1", "f1d2", "Nf1d2"},
	    {"r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10", "a1d1",
	     "Rad1"},
	    /* Captures, en passant, promotions, checks and mates. */
	    {"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", "e2a6",
	     "Bxa6"},
	    {"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", "d5e6",
	     "dxe6"},
	    {"4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6", "exd6"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8q", "e8=Q+"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8r", "e8=R"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8b", "e8=B+"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8n", "e8=N"},
	    {"1r2k3/P7/8/8/8/8/8/4K3 w - - 0 1", "a7b8q", "axb8=Q+"},
	    {"1r2k3/P7/8/8/8/8/8/4K3 w - - 0 1", "a7a8q", "a8=Q"},
	    {"rnbqkbnr/pppp1ppp/8/4p3/6P1/5P2/PPPPP2P/RNBQKBNR b KQkq g3 0 2", "d8h4", "Qh4#"},
	    {"rnbqkbnr/ppp2ppp/8/1B1pp3/4P3/8/PPPP1PPP/RNBQK1NR b KQkq - 1 3", "c7c6", "c6"},
	    /* Castling. */
	    {"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", "e1g1", "O-O"},
	    {"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", "e1c1",
	     "O-O-O"},
	    {"2rkr3/2p1p3/8/8/8/8/8/R3K3 w Q - 0 1", "e1c1", "O-O-O#"},
	    {"r3k2r/8/8/8/8/8/8/5K2 b kq - 0 1", "e8g8", "O-O+"},
	};
	return cr_make_param_array(struct san_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct san_case *c, notation, exact_san, .init = setup)
{
	struct position p;
	char san[MOVE_TEXT_MAX], err[160];
	move_t m = MOVE_NONE, back = MOVE_NONE;

	from_fen(&p, c->fen);
	cr_assert(eq(int, move_from_uci(&p, c->uci, &m, err, sizeof(err)), 0), "%s", err);
	move_to_san(&p, m, san);
	cr_assert(eq(str, san, c->san), "%s in %s", c->uci, c->fen);
	cr_assert(eq(int, move_from_san(&p, c->san, &back, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(u16, back, m));
}

ParameterizedTestParameters(notation, lenient_san)
{
	/* Read as the move uci, though not spelt as we print it. */
	static struct san_case cases[] = {
	    {"r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1g1", "0-0"},
	    {"r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1c1", "0-0-0"},
	    {"r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1", "e8c8", "O-O-O+"},
	    {"r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1", "e8g8", "0-0!?"},
	    {FEN_STARTPOS, "g1f3", "Nf3+"},
	    {FEN_STARTPOS, "g1f3", "Nf3#"},
	    {FEN_STARTPOS, "e2e4", "e4!"},
	    {FEN_STARTPOS, "e2e4", "e4!?"},
	    {FEN_STARTPOS, "d2d4", "d4??"},
	    {FEN_STARTPOS, "g1f3", "Ngf3"},
	    {FEN_STARTPOS, "g1f3", "Ng1f3"},
	    {FEN_STARTPOS, "g1f3", "Ng1-f3"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8q", "e8Q"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8q", "e8q"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8n", "e8=n"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8q", "e8=Q"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8b", "e8b+"},
	    {"1r2k3/P7/8/8/8/8/8/4K3 w - - 0 1", "a7b8r", "axb8R"},
	    {"1r2k3/P7/8/8/8/8/8/4K3 w - - 0 1", "a7b8q", "ab8=Q"},
	    {"4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6", "exd6"},
	    {"4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6", "e:d6"},
	    {"4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6", "exd6e.p."},
	    {"4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6", "exd6 e.p.!"},
	    {"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", "e2a6", "Ba6"},
	    {"2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1", "h4e1", "Qh4xe1"},
	};
	return cr_make_param_array(struct san_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct san_case *c, notation, lenient_san, .init = setup)
{
	struct position p;
	char err[160];
	move_t want = MOVE_NONE, got = MOVE_NONE;

	from_fen(&p, c->fen);
	cr_assert(eq(int, move_from_uci(&p, c->uci, &want, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, move_from_san(&p, c->san, &got, err, sizeof(err)), 0), "%s: %s", c->san,
	          err);
	cr_assert(eq(u16, got, want), "%s", c->san);
}

struct refusal {
	char fen[FEN_MAX];
	char text[16];
	char message[96];
};

ParameterizedTestParameters(notation, refused_san)
{
	static struct refusal cases[] = {
	    {FEN_STARTPOS, "Nf6", "SAN move \"Nf6\" is illegal: no knight can go to f6"},
	    {FEN_STARTPOS, "e5", "SAN move \"e5\" is illegal: no pawn can go to e5"},
	    {FEN_STARTPOS, "Ke2", "SAN move \"Ke2\" is illegal: no king can go to e2"},
	    {FEN_STARTPOS, "O-O",
	     "SAN move \"O-O\" is illegal: king-side castling is not allowed here"},
	    {FEN_STARTPOS, "0-0-0",
	     "SAN move \"0-0-0\" is illegal: queen-side castling is not allowed here"},
	    {"1n2k3/8/5n2/8/8/8/8/4K3 b - - 0 1", "Nd7",
	     "SAN move \"Nd7\" is ambiguous: Nbd7 or Nfd7"},
	    {"k7/8/8/8/8/4R3/8/4R1K1 w - - 0 1", "Ree2",
	     "SAN move \"Ree2\" is ambiguous: R1e2 or R3e2"},
	    {"2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1", "Qe1",
	     "SAN move \"Qe1\" is ambiguous: Q1e1, Qee1 or Qh4e1"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e8",
	     "SAN move \"e8\" needs a promotion piece, e.g. e8=Q"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e8=K", "SAN move \"e8=K\" is not a move"},
	    {FEN_STARTPOS, "e4=Q", "SAN move \"e4=Q\" is illegal: no pawn can promote on e4"},
	    {FEN_STARTPOS, "Ne9", "SAN move \"Ne9\" is not a move"},
	    {FEN_STARTPOS, "hello", "SAN move \"hello\" is not a move"},
	    {FEN_STARTPOS, "", "SAN move \"\" is not a move"},
	    {FEN_STARTPOS, "+", "SAN move \"+\" is not a move"},
	    /* The knight on d2 is pinned to the king by the bishop on b4. */
	    {"4k3/8/8/8/1b6/8/3N4/4K2R w K - 0 1", "Nf3",
	     "SAN move \"Nf3\" is illegal: no knight can go to f3"},
	};
	return cr_make_param_array(struct refusal, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct refusal *c, notation, refused_san, .init = setup)
{
	struct position p;
	char err[160] = "";
	move_t m = MOVE_NONE;

	from_fen(&p, c->fen);
	cr_assert(eq(int, move_from_san(&p, c->text, &m, err, sizeof(err)), -1), "%s", c->text);
	cr_assert(eq(str, err, c->message));
}

ParameterizedTestParameters(notation, refused_uci)
{
	static struct refusal cases[] = {
	    {FEN_STARTPOS, "e2e5", "UCI move \"e2e5\" is not legal in this position"},
	    {FEN_STARTPOS, "e2", "UCI move \"e2\" is not of the form e2e4 or e7e8q"},
	    {FEN_STARTPOS, "e2e4x", "UCI move \"e2e4x\" is not of the form e2e4 or e7e8q"},
	    {FEN_STARTPOS, "i2i4", "UCI move \"i2i4\" is not of the form e2e4 or e7e8q"},
	    {FEN_STARTPOS, "e2e4q", "UCI move \"e2e4q\" is not legal in this position"},
	    {"8/4P3/8/8/k7/8/8/4K3 w - - 0 1", "e7e8",
	     "UCI move \"e7e8\" needs a promotion letter (q, r, b or n)"},
	};
	return cr_make_param_array(struct refusal, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct refusal *c, notation, refused_uci, .init = setup)
{
	struct position p;
	char err[160] = "";
	move_t m = MOVE_NONE;

	from_fen(&p, c->fen);
	cr_assert(eq(int, move_from_uci(&p, c->text, &m, err, sizeof(err)), -1), "%s", c->text);
	cr_assert(eq(str, err, c->message));
}

Test(notation, squares)
{
	char name[3];

	for (int sq = 0; sq < 64; sq++) {
		square_name(sq, name);
		cr_assert(eq(int, square_parse(name), sq));
	}
	square_name(28, name);
	cr_assert(eq(str, name, "e4"));
	cr_assert(eq(int, square_parse("a1"), 0));
	cr_assert(eq(int, square_parse("h8"), 63));
	cr_assert(eq(int, square_parse("e9"), -1));
	cr_assert(eq(int, square_parse("i1"), -1));
	cr_assert(eq(int, square_parse("e"), -1));
	cr_assert(eq(int, square_parse("e44"), -1));
	cr_assert(eq(int, square_parse("E4"), -1));
}

Test(notation, uci_text)
{
	char text[MOVE_TEXT_MAX];

	move_to_uci(move_make(12, 28, MF_DOUBLE_PUSH), text);
	cr_assert(eq(str, text, "e2e4"));
	move_to_uci(move_make(52, 60, MF_PROMO + 3), text);
	cr_assert(eq(str, text, "e7e8q"));
	move_to_uci(move_make(52, 61, MF_PROMO_CAPTURE + 0), text);
	cr_assert(eq(str, text, "e7f8n"));
	move_to_uci(MOVE_NONE, text);
	cr_assert(eq(str, text, "0000"));
}
