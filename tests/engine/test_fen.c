/*
 * FEN tests: parse-then-emit round trips (hand-picked FENs and every
 * position along seeded random games), the parsed fields themselves, and a
 * table of malformed FENs, each with the exact one-line message the parser
 * must give.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "tests/engine/position_helpers.h"

TestSuite(fen, .init = setup);

static const char *const round_trips[] = {
	FEN_STARTPOS,
	"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	"8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
	"r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
	"r2q1rk1/pP1p2pp/Q4n2/bbp1p3/Np6/1B3NBn/pPPP1PPP/R3K2R b KQ - 0 1",
	"rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8",
	"r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10",
	/* En passant squares, capturable or not: emitted as parsed. */
	"rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1",
	"rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3",
	"rnbqkbnr/pppp1ppp/8/4p3/8/8/PPPPPPPP/RNBQKBNR w KQkq e6 0 2",
	"8/8/1k6/2b5/2pP4/8/5K2/8 b - d3 0 1",
	"4k3/8/8/2KpP2r/8/8/8/8 w - d6 0 1",
	/* Every subset of castling rights. */
	"r3k2r/8/8/8/8/8/8/R3K2R w K - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R w Q - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R b k - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R b q - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R w Kq - 7 30",
	"r3k2r/8/8/8/8/8/8/R3K2R w Qk - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R w KQk - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R b Qkq - 0 1",
	"r3k2r/8/8/8/8/8/8/R3K2R w - - 0 1",
	/* Sparse, crowded, big clocks. */
	"8/8/8/8/8/8/8/K6k w - - 0 1",
	"k7/8/8/8/8/8/8/7K b - - 99 150",
	"7k/8/8/8/8/8/8/K7 w - - 65535 65535",
	"QQQQQQQk/QQQQQQQQ/8/8/8/8/8/K7 b - - 0 1",
	"4k3/1P6/8/8/8/8/K7/8 w - - 0 1",
	"n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1",
	"rnbqkb1r/pppppppp/5n2/8/8/5N2/PPPPPPPP/RNBQKB1R w KQkq - 2 2",
	"2r3k1/pp3ppp/8/3N4/8/8/PPP2PPP/4R1K1 b - - 12 40",
};

Test(fen, round_trip)
{
	for (size_t i = 0; i < ARRAY_LEN(round_trips); i++) {
		struct position p;
		char err[160], out[FEN_MAX];

		cr_assert(eq(int, position_from_fen(&p, round_trips[i], err, sizeof(err)), 0),
			  "%s: %s", round_trips[i], err);
		position_to_fen(&p, out, sizeof(out));
		cr_expect(eq(str, out, (char *)round_trips[i]));
		cr_expect(eq(u64, p.key, position_hash(&p)), "%s", round_trips[i]);
	}
}

static bool
same_position(const struct position *a, const struct position *b)
{
	return memcmp(a->board, b->board, sizeof(a->board)) == 0 &&
	       memcmp(a->pieces, b->pieces, sizeof(a->pieces)) == 0 &&
	       memcmp(a->occupied, b->occupied, sizeof(a->occupied)) == 0 && a->key == b->key &&
	       a->side == b->side && a->castling == b->castling && a->ep == b->ep &&
	       a->halfmove == b->halfmove && a->fullmove == b->fullmove;
}

/* Every position of 60 seeded random games: emit, parse, compare, emit again. */
Test(fen, round_trip_random_games)
{
	uint64_t seed = 0x9E3779B97F4A7C15ULL;
	int positions = 0;

	for (int game = 0; game < 60; game++) {
		struct position p;

		position_startpos(&p);
		for (int ply = 0; ply < 300; ply++) {
			move_t moves[MAX_MOVES];
			int n = movegen_legal(&p, moves);
			struct position q;
			char fen[FEN_MAX], again[FEN_MAX], err[160];

			position_to_fen(&p, fen, sizeof(fen));
			/* Plain checks first: a passing Criterion assertion costs a message. */
			if (position_from_fen(&q, fen, err, sizeof(err)) != 0)
				cr_fatal("%s: %s", fen, err);
			position_to_fen(&q, again, sizeof(again));
			if (!same_position(&p, &q) || strcmp(again, fen) != 0)
				cr_fatal("%s parsed back differs (emitted again as %s)", fen, again);
			positions++;
			if (n == 0 || p.halfmove >= 100)
				break;
			position_play(&p, moves[xorshift(&seed) % (uint64_t)n]);
		}
	}
	cr_expect(gt(int, positions, 5000));
}

Test(fen, fields_are_parsed)
{
	struct position p;
	char err[160];

	cr_assert(eq(int, position_from_fen(&p, "r3k2r/8/8/3pP3/8/8/8/R3K2R w Kq d6 17 42", err,
					    sizeof(err)), 0), "%s", err);
	cr_expect(eq(int, p.side, WHITE));
	cr_expect(eq(int, p.castling, CASTLE_WK | CASTLE_BQ));
	cr_expect(eq(int, p.ep, sq_make(3, 5)));
	cr_expect(eq(int, p.halfmove, 17));
	cr_expect(eq(int, p.fullmove, 42));
	cr_expect(eq(int, position_piece_at(&p, sq_make(4, 0)), W_KING));
	cr_expect(eq(int, position_piece_at(&p, sq_make(3, 4)), B_PAWN));
	cr_expect(eq(int, position_piece_at(&p, sq_make(4, 4)), W_PAWN));
	cr_expect(eq(int, position_piece_at(&p, sq_make(0, 0)), W_ROOK));
	cr_expect(eq(int, position_piece_at(&p, sq_make(0, 1)), NO_PIECE));
	cr_expect(eq(int, position_king_square(&p, BLACK), sq_make(4, 7)));
}

/* Surrounding blanks (a line read with fgets) and runs of blanks are fine. */
Test(fen, blanks_between_fields)
{
	struct position p;
	char err[160], out[FEN_MAX];

	cr_assert(eq(int, position_from_fen(&p, "  " FEN_STARTPOS "\n", err, sizeof(err)), 0), "%s",
		  err);
	cr_assert(eq(int, position_from_fen(&p, "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR  w\tKQkq"
					    "  -  0  1", err, sizeof(err)), 0), "%s", err);
	position_to_fen(&p, out, sizeof(out));
	cr_expect(eq(str, out, FEN_STARTPOS));
}

/* A failed parse leaves the position as it was; a short buffer is cut, not overrun. */
Test(fen, error_leaves_position_and_fits_buffer)
{
	struct position p, before;
	char err[24], out[FEN_MAX];

	position_startpos(&p);
	before = p;
	memset(err, 'x', sizeof(err));
	cr_expect(eq(int, position_from_fen(&p, "8/8/8/8/8/8/8/8 w - - 0 1", err, sizeof(err)), -1));
	cr_expect(eq(sz, strlen(err), sizeof(err) - 1));
	cr_expect(eq(int, memcmp(&p, &before, sizeof(p)), 0));
	cr_expect(eq(int, position_from_fen(&p, "8/8/8/8/8/8/8/8 w - - 0 1", NULL, 0), -1));
	position_to_fen(&p, out, sizeof(out));
	cr_expect(eq(str, out, FEN_STARTPOS));
}

Test(fen, emit_truncates_to_buffer)
{
	struct position p;
	char out[12];

	position_startpos(&p);
	position_to_fen(&p, out, sizeof(out));
	cr_expect(eq(str, out, "rnbqkbnr/pp"));
}

struct bad_fen {
	char	fen[100];
	char	message[200];
};

ParameterizedTestParameters(fen, malformed)
{
	static struct bad_fen cases[] = {
		/* Field count. */
		{ "", "FEN: expected 6 fields (placement, side to move, castling, en passant, "
		      "halfmove clock, fullmove number), found 0" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0",
		  "FEN: expected 6 fields (placement, side to move, castling, en passant, "
		  "halfmove clock, fullmove number), found 5" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1 extra",
		  "FEN: expected 6 fields (placement, side to move, castling, en passant, "
		  "halfmove clock, fullmove number), found 7" },
		/* Placement: ranks, squares per rank, letters. */
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP w KQkq - 0 1",
		  "FEN field 1 (placement): \"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP\" has 7 ranks, expected 8" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR/8 w KQkq - 0 1",
		  "FEN field 1 (placement): \"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR/8\" has 9 ranks, "
		  "expected 8" },
		{ "rnbqkbnrr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 1 (placement): \"rnbqkbnrr\" (rank 8) covers 9 squares, not 8" },
		{ "rnbqkbnr/ppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 1 (placement): \"ppppppp\" (rank 7) covers 7 squares, not 8" },
		{ "rnbqkbnr/pppppppp/8/8//8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 1 (placement): \"\" (rank 4) covers 0 squares, not 8" },
		{ "rnbqkbnr/pppppppp/8/8/8/44/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 1 (placement): \"44\" (rank 3) has two digits in a row" },
		{ "rnbqkbnr/pppppppp/9/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 1 (placement): \"9\" in rank 6 is not a piece letter (PNBRQK, pnbrqk) or a "
		  "digit 1-8" },
		{ "rnbqkbnr/pppppppp/8/8/3x4/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 1 (placement): \"x\" in rank 4 is not a piece letter (PNBRQK, pnbrqk) or a "
		  "digit 1-8" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNX w KQkq - 0 1",
		  "FEN field 1 (placement): \"X\" in rank 1 is not a piece letter (PNBRQK, pnbrqk) or a "
		  "digit 1-8" },
		/* Issue 12: a multibyte character is quoted whole, never one broken byte. */
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBN\u00e9 w KQkq - 0 1",
		  "FEN field 1 (placement): \"\u00e9\" in rank 1 is not a piece letter (PNBRQK, "
		  "pnbrqk) or a digit 1-8" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQ\u2654q - 0 1",
		  "FEN field 3 (castling): \"KQ\u2654q\" has '\u2654', expected - or letters from KQkq" },
		/* Placement: kings and pawns. */
		{ "4k3/8/8/8/8/8/8/8 w - - 0 1",
		  "FEN field 1 (placement): \"4k3/8/8/8/8/8/8/8\" has no white king" },
		{ "4K3/8/8/8/8/8/8/8 w - - 0 1",
		  "FEN field 1 (placement): \"4K3/8/8/8/8/8/8/8\" has no black king" },
		{ "4k3/8/8/8/8/8/8/3KK3 w - - 0 1",
		  "FEN field 1 (placement): \"4k3/8/8/8/8/8/8/3KK3\" has 2 white kings" },
		{ "kk6/8/8/8/8/8/8/4K3 w - - 0 1",
		  "FEN field 1 (placement): \"kk6/8/8/8/8/8/8/4K3\" has 2 black kings" },
		{ "4k3/8/8/8/8/8/8/4KP2 w - - 0 1",
		  "FEN field 1 (placement): \"4KP2\" (rank 1) has a pawn on f1; pawns never stand on rank "
		  "1 or 8" },
		{ "3pk3/8/8/8/8/8/8/4K3 w - - 0 1",
		  "FEN field 1 (placement): \"3pk3\" (rank 8) has a pawn on d8; pawns never stand on rank "
		  "1 or 8" },
		/* Side to move. */
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR x KQkq - 0 1",
		  "FEN field 2 (side to move): \"x\" is not w or b" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR white KQkq - 0 1",
		  "FEN field 2 (side to move): \"white\" is not w or b" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR W KQkq - 0 1",
		  "FEN field 2 (side to move): \"W\" is not w or b" },
		{ "4k3/4R3/8/8/8/8/8/4K3 w - - 0 1",
		  "FEN field 2 (side to move): \"w\" but Black, who has just moved, is in check" },
		{ "4k3/8/8/8/8/8/3q4/4K3 b - - 0 1",
		  "FEN field 2 (side to move): \"b\" but White, who has just moved, is in check" },
		{ "8/8/8/3kK3/8/8/8/8 w - - 0 1",
		  "FEN field 2 (side to move): \"w\" but Black, who has just moved, is in check" },
		/* Castling: letters, then rights the placement contradicts. */
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkx - 0 1",
		  "FEN field 3 (castling): \"KQkx\" has 'x', expected - or letters from KQkq" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KKq - 0 1",
		  "FEN field 3 (castling): \"KKq\" repeats 'K'" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w K- - 0 1",
		  "FEN field 3 (castling): \"K-\" has '-', expected - or letters from KQkq" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w HAha - 0 1",
		  "FEN field 3 (castling): \"HAha\" has 'H', expected - or letters from KQkq" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBN1 w KQkq - 0 1",
		  "FEN field 3 (castling): \"KQkq\": K needs the white king on e1 and a white rook on h1" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/1NBQKBNR w KQkq - 0 1",
		  "FEN field 3 (castling): \"KQkq\": Q needs the white king on e1 and a white rook on a1" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQ1KNR w KQkq - 0 1",
		  "FEN field 3 (castling): \"KQkq\": K needs the white king on e1 and a white rook on h1" },
		{ "rnbqkbn1/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 3 (castling): \"KQkq\": k needs the black king on e8 and a black rook on h8" },
		{ "1nbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
		  "FEN field 3 (castling): \"KQkq\": q needs the black king on e8 and a black rook on a8" },
		/* En passant: not a square, wrong rank, no pawn that just passed it. */
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e9 0 1",
		  "FEN field 4 (en passant): \"e9\" is not a square" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e 0 1",
		  "FEN field 4 (en passant): \"e\" is not a square" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq i3 0 1",
		  "FEN field 4 (en passant): \"i3\" is not a square" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq E3 0 1",
		  "FEN field 4 (en passant): \"E3\" is not a square" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e4 0 1",
		  "FEN field 4 (en passant): \"e4\" is not on rank 3, where en passant squares lie with "
		  "Black to move" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e6 0 1",
		  "FEN field 4 (en passant): \"e6\" is not on rank 3, where en passant squares lie with "
		  "Black to move" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq d3 0 1",
		  "FEN field 4 (en passant): \"d3\" but there is no white pawn on d4 that could have just "
		  "passed it" },
		{ "rnbqkbnr/pppppppp/8/8/4P3/4N3/PPPP1PPP/RNBQKB1R b KQkq e3 0 1",
		  "FEN field 4 (en passant): \"e3\" but e3 is occupied, so no pawn has just passed it" },
		/* Clocks. */
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - -1 1",
		  "FEN field 5 (halfmove clock): \"-1\" is negative" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - x 1",
		  "FEN field 5 (halfmove clock): \"x\" is not a number" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 1.5 1",
		  "FEN field 5 (halfmove clock): \"1.5\" is not a number" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 99999 1",
		  "FEN field 5 (halfmove clock): \"99999\" is too large (at most 65535)" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 0",
		  "FEN field 6 (fullmove number): \"0\" must be at least 1" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 -3",
		  "FEN field 6 (fullmove number): \"-3\" is negative" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 one",
		  "FEN field 6 (fullmove number): \"one\" is not a number" },
		{ "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 +1",
		  "FEN field 6 (fullmove number): \"+1\" is not a number" },
	};
	return cr_make_param_array(struct bad_fen, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct bad_fen *c, fen, malformed)
{
	struct position p;
	char err[256] = "";

	cr_assert(eq(int, position_from_fen(&p, c->fen, err, sizeof(err)), -1), "accepted \"%s\"",
		  c->fen);
	cr_expect(eq(str, err, c->message), "for \"%s\"", c->fen);
}
