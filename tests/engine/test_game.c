/*
 * Game record tests: every result rule reached by really playing moves
 * (given in SAN, so the positions are easy to check by eye), the record's
 * arrays growing past their first allocation, and a finished game refusing
 * further moves.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/game.h"
#include "engine/movegen.h"
#include "engine/notation.h"
#include "tests/engine/position_helpers.h"
#include "game_helpers.h"

TestSuite(game, .init = setup);

/* The game is over: no move is accepted and nothing changes. */
static void
assert_refuses_moves(struct game *g)
{
	struct position p;
	move_t moves[MAX_MOVES];
	int n = g->n, count;

	/* Even from a position with legal moves (fifty-move, threefold...). */
	count = movegen_legal(&g->pos, moves);
	p = g->pos;
	for (int i = 0; i < count; i++)
		cr_assert(eq(int, game_play(g, moves[i]), -1));
	cr_assert(eq(int, game_play(g, move_make(12, 28, MF_DOUBLE_PUSH)), -1));
	cr_assert(eq(int, g->n, n));
	cr_assert(eq(u64, g->pos.key, p.key));
}

Test(game, fools_mate)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "f3 e5 g4");
	cr_assert(eq(int, g.result, RESULT_NONE));
	play_san(&g, "Qh4#");
	cr_assert(eq(int, g.n, 4));
	cr_assert(eq(int, g.result, RESULT_BLACK_WINS));
	cr_assert(eq(int, g.termination, TERM_CHECKMATE));
	cr_assert(eq(str, (char *)game_result_text(g.result), "0-1"));
	cr_assert(eq(str, (char *)game_termination_text(g.termination), "checkmate"));
	assert_refuses_moves(&g);
	game_free(&g);
}

Test(game, scholars_mate_white_wins)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "e4 e5 Qh5 Nc6 Bc4 Nf6 Qxf7#");
	cr_assert(eq(int, g.result, RESULT_WHITE_WINS));
	cr_assert(eq(int, g.termination, TERM_CHECKMATE));
	assert_refuses_moves(&g);
	game_free(&g);
}

/* Sam Loyd's ten-move stalemate from the initial position. */
Test(game, stalemate_loyd)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "e3 a5 Qh5 Ra6 Qxa5 h5 h4 Rah6 Qxc7 f6 Qxd7+ Kf7 Qxb7 Qd3 Qxb8 Qh7 Qxc8 Kg6");
	cr_assert(eq(int, g.result, RESULT_NONE));
	play_san(&g, "Qe6");
	cr_assert(eq(int, g.n, 19));
	cr_assert(eq(int, g.result, RESULT_DRAW));
	cr_assert(eq(int, g.termination, TERM_STALEMATE));
	cr_assert(eq(str, (char *)game_result_text(g.result), "1/2-1/2"));
	assert_refuses_moves(&g);
	game_free(&g);
}

Test(game, stalemate_queen)
{
	struct game g;

	start_game(&g, "k7/2Q5/8/8/8/8/8/7K w - - 0 1");
	play_san(&g, "Qb6");
	cr_assert(eq(int, g.termination, TERM_STALEMATE));
	cr_assert(eq(int, g.result, RESULT_DRAW));
	game_free(&g);
}

Test(game, fifty_moves)
{
	struct game g;

	start_game(&g, "4k3/8/8/8/8/8/8/R3K3 w - - 99 80");
	cr_assert(eq(int, g.termination, TERM_NONE));
	play_san(&g, "Ra2");
	cr_assert(eq(int, g.pos.halfmove, 100));
	cr_assert(eq(int, g.result, RESULT_DRAW));
	cr_assert(eq(int, g.termination, TERM_FIFTY_MOVES));
	cr_assert(eq(str, (char *)game_termination_text(g.termination), "fifty-move rule"));
	assert_refuses_moves(&g);
	game_free(&g);
}

Test(game, fifty_moves_reset_by_pawn_move_and_capture)
{
	struct game g;

	start_game(&g, "4k3/4p3/8/8/8/8/4P3/R3K3 w - - 99 80");
	play_san(&g, "e4");
	cr_assert(eq(int, g.pos.halfmove, 0));
	cr_assert(eq(int, g.termination, TERM_NONE));
	game_free(&g);

	start_game(&g, "4k3/8/8/8/8/8/r7/R3K3 w - - 99 80");
	play_san(&g, "Rxa2");
	cr_assert(eq(int, g.pos.halfmove, 0));
	cr_assert(eq(int, g.termination, TERM_NONE));
	game_free(&g);
}

/* A mate on the hundredth ply is a mate, not a draw. */
Test(game, mate_beats_fifty_moves)
{
	struct game g;

	start_game(&g, "7k/8/6K1/8/8/8/8/R7 w - - 99 80");
	play_san(&g, "Ra8#");
	cr_assert(eq(int, g.pos.halfmove, 100));
	cr_assert(eq(int, g.termination, TERM_CHECKMATE));
	cr_assert(eq(int, g.result, RESULT_WHITE_WINS));
	game_free(&g);
}

Test(game, started_over)
{
	struct game g;

	/* A FEN can describe a finished game: the record says so at once. */
	start_game(&g, "4k3/8/8/8/8/8/8/R3K3 w - - 100 80");
	cr_assert(eq(int, g.termination, TERM_FIFTY_MOVES));
	game_free(&g);
	start_game(&g, "rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3");
	cr_assert(eq(int, g.termination, TERM_CHECKMATE));
	cr_assert(eq(int, g.result, RESULT_BLACK_WINS));
	cr_assert(eq(int, game_play(&g, move_make(12, 20, MF_QUIET)), -1));
	game_free(&g);
}

Test(game, threefold_knight_shuffle)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	cr_assert(eq(int, game_repetitions(&g), 1));
	play_san(&g, "Nf3 Nf6 Ng1 Ng8");
	cr_assert(eq(int, game_repetitions(&g), 2));
	play_san(&g, "Nf3");
	cr_assert(eq(int, game_repetitions(&g), 2)); /* after 1. Nf3 and now */
	play_san(&g, "Nf6 Ng1");
	cr_assert(eq(int, g.termination, TERM_NONE));
	play_san(&g, "Ng8");
	cr_assert(eq(int, g.n, 8));
	cr_assert(eq(int, game_repetitions(&g), 3));
	cr_assert(eq(int, g.result, RESULT_DRAW));
	cr_assert(eq(int, g.termination, TERM_THREEFOLD));
	cr_assert(eq(str, (char *)game_termination_text(g.termination), "threefold repetition"));
	assert_refuses_moves(&g);
	game_free(&g);
}

/* After 1. e4 no pawn can take en passant, so that position can recur. */
Test(game, threefold_counts_unusable_en_passant_square)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "e4 Nf6 Nf3 Ng8 Ng1 Nf6 Nf3 Ng8");
	cr_assert(eq(int, game_repetitions(&g), 2));
	play_san(&g, "Ng1");
	cr_assert(eq(int, game_repetitions(&g), 3));
	cr_assert(eq(int, g.termination, TERM_THREEFOLD));
	game_free(&g);
}

/* Repetition is of positions, whatever the route; castling rights count. */
Test(game, repetition_compares_whole_position)
{
	struct game g;

	start_game(&g, "4k3/8/8/8/8/8/8/R3K2R w - - 0 1");
	/* The third time comes by another route (Rb1 instead of Ra2). */
	play_san(&g, "Ra2 Kd8 Ra1 Ke8 Rb1 Kd8 Ra1 Ke8");
	cr_assert(eq(int, game_repetitions(&g), 3));
	cr_assert(eq(int, g.termination, TERM_THREEFOLD));
	game_free(&g);

	/* Lost castling rights make the position new even though nothing moved back. */
	start_game(&g, "4k3/8/8/8/8/8/8/R3K2R w KQ - 0 1");
	play_san(&g, "Ra2 Kd8 Ra1 Ke8 Ra2 Kd8 Ra1 Ke8");
	cr_assert(eq(int, game_repetitions(&g), 2));
	cr_assert(eq(int, g.termination, TERM_NONE));
	game_free(&g);
}

/* Rows hold their text: Criterion's workers cannot follow pointers into the parent. */
struct dead_case {
	char fen[FEN_MAX];
	char san[16];
	bool dead;
};

ParameterizedTestParameters(game, insufficient_material)
{
	static struct dead_case cases[] = {
	    /* K v K after the last pawn falls. */
	    {"4k3/8/8/8/8/8/3p4/4K3 w - - 0 1", "Kxd2", true},
	    /* KB v K, KN v K. */
	    {"4k3/8/8/8/8/8/3p4/4KB2 w - - 0 1", "Kxd2", true},
	    {"4k3/8/8/8/8/8/3p4/4KN2 w - - 0 1", "Kxd2", true},
	    {"4k3/8/8/8/8/8/3r4/4K3 w - - 0 1", "Kxd2", true},
	    /* Bishops on squares of one colour (c1 and f8 are both dark). */
	    {"4kb2/8/8/8/8/8/3p4/2B1K3 w - - 0 1", "Kxd2", true},
	    /* Still alive: opposite-coloured bishops, a rook, a pawn. */
	    {"4k1b1/8/8/8/8/8/3p4/2B1K3 w - - 0 1", "Kxd2", false},
	    {"4k3/8/8/8/8/8/3p4/R3K3 w - - 0 1", "Kxd2", false},
	    {"4k3/8/8/8/8/7P/3p4/4K3 w - - 0 1", "Kxd2", false},
	};
	return cr_make_param_array(struct dead_case, cases, ARRAY_LEN(cases));
}

ParameterizedTest(struct dead_case *c, game, insufficient_material, .init = setup)
{
	struct game g;

	start_game(&g, c->fen);
	cr_assert(eq(int, g.termination, TERM_NONE));
	play_san(&g, c->san);
	if (c->dead) {
		cr_assert(eq(int, g.termination, TERM_INSUFFICIENT), "%s", c->fen);
		cr_assert(eq(int, g.result, RESULT_DRAW));
		cr_assert(
		    eq(str, (char *)game_termination_text(g.termination), "insufficient material"));
		assert_refuses_moves(&g);
	} else {
		cr_assert(eq(int, g.termination, TERM_NONE), "%s", c->fen);
		cr_assert(eq(int, g.result, RESULT_NONE));
	}
	game_free(&g);
}

/* Plays a long seeded game: the arrays grow and every key is recorded. */
Test(game, record_grows)
{
	struct game g;
	struct position replay;
	uint64_t seed = 12345;
	int plies = 0;

	start_game(&g, FEN_STARTPOS);
	while (g.termination == TERM_NONE && plies < 1000) {
		move_t moves[MAX_MOVES];
		int n = movegen_legal(&g.pos, moves);

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		cr_assert(eq(int, game_play(&g, moves[(seed >> 33) % (uint64_t)n]), 0));
		plies++;
	}
	cr_assert(eq(int, g.n, plies));
	cr_assert(gt(int, g.n, 128), "only %d plies, ended by %s", g.n,
	          game_termination_text(g.termination));
	replay = g.start;
	for (int i = 0; i < g.n; i++) {
		cr_assert(eq(u64, g.keys[i], replay.key));
		position_play(&replay, g.moves[i]);
	}
	cr_assert(eq(u64, g.keys[g.n], replay.key));
	cr_assert(eq(u64, g.pos.key, replay.key));
	game_free(&g);
}

Test(game, illegal_move_refused)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	cr_assert(eq(int, game_play(&g, move_make(12, 36, MF_QUIET)), -1)); /* e2e5 */
	cr_assert(eq(int, g.n, 0));
	game_free(&g);
}

Test(game, end_from_outside)
{
	struct game g;

	start_game(&g, FEN_STARTPOS);
	play_san(&g, "e4 e5");
	game_end(&g, RESULT_WHITE_WINS, TERM_ADJUDICATED);
	cr_assert(eq(int, g.result, RESULT_WHITE_WINS));
	cr_assert(eq(int, g.termination, TERM_ADJUDICATED));
	cr_assert(eq(str, (char *)game_termination_text(g.termination), "adjudication"));
	assert_refuses_moves(&g);
	/* A second verdict does not overwrite the first. */
	game_end(&g, RESULT_BLACK_WINS, TERM_ADJUDICATED);
	cr_assert(eq(int, g.result, RESULT_WHITE_WINS));
	game_free(&g);

	start_game(&g, FEN_STARTPOS);
	game_end(&g, RESULT_DRAW, TERM_ABANDONED);
	cr_assert(eq(int, g.result, RESULT_NONE));
	cr_assert(eq(int, g.termination, TERM_ABANDONED));
	cr_assert(eq(str, (char *)game_result_text(g.result), "*"));
	cr_assert(eq(str, (char *)game_termination_text(g.termination), "abandoned"));
	assert_refuses_moves(&g);
	game_free(&g);

	/* Mate stands whatever an adjudicator says afterwards. */
	start_game(&g, FEN_STARTPOS);
	play_san(&g, "f3 e5 g4 Qh4#");
	game_end(&g, RESULT_DRAW, TERM_ADJUDICATED);
	cr_assert(eq(int, g.result, RESULT_BLACK_WINS));
	cr_assert(eq(int, g.termination, TERM_CHECKMATE));
	game_free(&g);
}

Test(game, texts)
{
	cr_assert(eq(str, (char *)game_result_text(RESULT_WHITE_WINS), "1-0"));
	cr_assert(eq(str, (char *)game_result_text(RESULT_BLACK_WINS), "0-1"));
	cr_assert(eq(str, (char *)game_result_text(RESULT_DRAW), "1/2-1/2"));
	cr_assert(eq(str, (char *)game_result_text(RESULT_NONE), "*"));
	cr_assert(eq(str, (char *)game_termination_text(TERM_STALEMATE), "stalemate"));
	cr_assert(eq(str, (char *)game_termination_text(TERM_NONE), "unterminated"));
}
