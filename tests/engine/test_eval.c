/*
 * Evaluation: colour symmetry (a position and its colour-flipped mirror get
 * opposite scores from White's side, for many positions), the incremental
 * sums against a recount, and a few facts a sensible evaluation must get
 * right.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/eval.h"
#include "engine/movegen.h"
#include "tests/engine/position_helpers.h"

/* The mirror of p: ranks reversed, colours swapped, the other side to move. */
static void
flip(const struct position *p, struct position *out)
{
	char fen[FEN_MAX], ranks[8][16], board[80] = "", castle[8] = "", *f[6], *save;
	int n = 0, k = 0, nc = 0;

	position_to_fen(p, fen, sizeof(fen));
	for (char *t = strtok_r(fen, " ", &save); t != NULL && n < 6; t = strtok_r(NULL, " ", &save))
		f[n++] = t;
	cr_assert(eq(int, n, 6));
	for (char *t = strtok_r(f[0], "/", &save); t != NULL; t = strtok_r(NULL, "/", &save))
		snprintf(ranks[k++], sizeof(ranks[0]), "%s", t);
	for (int r = 7; r >= 0; r--) {
		for (char *c = ranks[r]; *c; c++)
			*c = isupper((unsigned char)*c) ? (char)tolower((unsigned char)*c) : (char)toupper((unsigned char)*c);
		strcat(board, ranks[r]);
		if (r > 0)
			strcat(board, "/");
	}
	for (const char *want = "KQkq"; *want; want++) {
		char mirror = isupper((unsigned char)*want) ? (char)tolower((unsigned char)*want) : (char)toupper((unsigned char)*want);

		if (strchr(f[2], mirror) != NULL)
			castle[nc++] = *want;
	}
	if (nc == 0)
		castle[nc++] = '-';
	castle[nc] = '\0';
	if (f[3][0] != '-')
		f[3][1] = f[3][1] == '3' ? '6' : '3';
	snprintf(fen, sizeof(fen), "%s %s %s %s %s %s", board, f[1][0] == 'w' ? "b" : "w", castle, f[3], f[4], f[5]);
	from_fen(out, fen);
}

static const char *const fens[] = {
	FEN_STARTPOS,
	"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	"8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
	"r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
	"rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8",
	"r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10",
	"rnbqkbnr/pp1ppppp/8/2p5/4P3/8/PPPP1PPP/RNBQKBNR w KQkq c6 0 2",
	"8/8/4k3/3p4/3P4/4K3/8/8 w - - 0 1",
	"2r3k1/5ppp/8/8/8/8/5PPP/3R2K1 b - - 0 1",
	"6k1/5p2/6p1/8/7p/8/6PP/6K1 b - - 0 1",
	"8/P7/8/8/8/8/7p/K6k w - - 0 1",
	"4k3/2p5/3p4/4N3/8/8/r5B1/4K3 b - - 0 1",
	"r1bq1rk1/ppp2ppp/2n2n2/3pp3/1bPP4/2N1PN2/PP1B1PPP/R2QKB1R w KQ - 0 7",
};

Test(eval, colour_flip_negates_from_whites_side, .init = setup)
{
	for (size_t i = 0; i < ARRAY_LEN(fens); i++) {
		struct position p, q;
		move_t moves[MAX_MOVES];
		int n;

		from_fen(&p, fens[i]);
		flip(&p, &q);
		cr_assert(eq(int, eval_white(&p), -eval_white(&q)), "%s", fens[i]);
		cr_assert(eq(int, eval_position(&p), eval_position(&q)), "%s", fens[i]);
		/* And every position one move on, for many more positions. */
		n = movegen_legal(&p, moves);
		for (int j = 0; j < n; j++) {
			struct position c = p, d;

			position_play(&c, moves[j]);
			flip(&c, &d);
			cr_assert(eq(int, eval_white(&c), -eval_white(&d)), "%s move %d", fens[i], j);
		}
	}
}

/*
 * position_play keeps the material and piece-square sums and the phase up
 * to date as pieces move, capture, promote, castle and take en passant:
 * after every move of many random games they equal a count from scratch.
 */
Test(eval, incremental_sums_match_a_recount, .init = setup)
{
	uint64_t rng = 0x9e3779b97f4a7c15ULL;

	for (int g = 0; g < 300; g++) {
		struct position p;

		position_startpos(&p);
		for (int ply = 0; ply < 300; ply++) {
			move_t moves[MAX_MOVES];
			int n = movegen_legal(&p, moves);
			struct position q;

			if (n == 0)
				break;
			position_play(&p, moves[xorshift(&rng) % (uint64_t)n]);
			q = p;
			eval_psq_refresh(&q);
			cr_assert(eq(int, p.psq_mg, q.psq_mg), "game %d ply %d", g, ply);
			cr_assert(eq(int, p.psq_eg, q.psq_eg), "game %d ply %d", g, ply);
			cr_assert(eq(int, p.phase, q.phase), "game %d ply %d", g, ply);
		}
	}
}

Test(eval, start_position_is_nearly_equal, .init = setup)
{
	struct position p;

	position_startpos(&p);
	cr_assert(le(int, abs(eval_position(&p)), 30));
}

Test(eval, side_to_move_view, .init = setup)
{
	struct position p;

	from_fen(&p, "4k3/8/8/8/8/8/8/3QK3 b - - 0 1");
	cr_assert(gt(int, eval_white(&p), 700));
	cr_assert(eq(int, eval_position(&p), -eval_white(&p)));
}

Test(eval, material_counts, .init = setup)
{
	struct position a, b;

	from_fen(&a, "4k3/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQ - 0 1");
	from_fen(&b, "4k3/pppppppp/8/8/8/8/PPPPPPPP/R1BQKBNR w KQ - 0 1");
	cr_assert(gt(int, eval_white(&a) - eval_white(&b), 200));
}

Test(eval, passed_pawn_gains_as_it_advances, .init = setup)
{
	struct position r4, r6;

	from_fen(&r4, "4k3/8/8/8/P7/8/8/4K3 w - - 0 1");
	from_fen(&r6, "4k3/8/P7/8/8/8/8/4K3 w - - 0 1");
	cr_assert(gt(int, eval_white(&r6), eval_white(&r4) + 30));
}

Test(eval, doubled_and_isolated_pawns_cost, .init = setup)
{
	struct position healthy, doubled;

	from_fen(&healthy, "4k3/8/8/8/8/8/3PP3/4K3 w - - 0 1");
	from_fen(&doubled, "4k3/8/8/8/8/4P3/4P3/4K3 w - - 0 1");
	cr_assert(gt(int, eval_white(&healthy), eval_white(&doubled)));
}

Test(eval, king_centralises_in_the_endgame, .init = setup)
{
	struct position corner, centre;

	from_fen(&corner, "4k3/8/8/8/8/8/8/K7 w - - 0 1");
	from_fen(&centre, "4k3/8/8/8/3K4/8/8/8 w - - 0 1");
	cr_assert(gt(int, eval_white(&centre), eval_white(&corner)));
}

Test(eval, a_piece_a_pawn_attacks_costs, .init = setup)
{
	struct position attacked, safe;

	/* The same knight, on e5 where the d6 pawn hits it, and on e4 where it does not. */
	from_fen(&attacked, "4k3/2p5/3p4/4N3/8/8/8/4K3 w - - 0 1");
	from_fen(&safe, "4k3/2p5/3p4/8/4N3/8/8/4K3 w - - 0 1");
	cr_assert(gt(int, eval_white(&safe) - eval_white(&attacked), 50));
}

Test(eval, a_hanging_piece_costs, .init = setup)
{
	struct position hit, missed;

	/* The loose rook on d5: the bishop on g2 hits it, on h2 it does not. */
	from_fen(&hit, "4k3/8/8/3r4/8/8/6B1/4K3 w - - 0 1");
	from_fen(&missed, "4k3/8/8/3r4/8/8/7B/4K3 w - - 0 1");
	cr_assert(gt(int, eval_white(&hit) - eval_white(&missed), 60));
}
