/*
 * Search: mates found with the right mate score, draws by repetition (in
 * the game history and on the search path), mate and stalemate at the
 * root, the node limit, determinism, and the property slicing rests on: a
 * search cut into slices of any size returns exactly what one uninterrupted
 * search with the same node limit returns.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/search.h"
#include "tests/engine/position_helpers.h"

struct outcome {
	move_t		move;
	int		score;
	uint64_t	nodes;
	int		depth;
	int		steps;
};

/* One search with a fresh table, run in slices of `slice` nodes. */
static struct outcome
run(const char *fen, const uint64_t *history, int n_history, const struct search_params *sp, uint64_t slice)
{
	struct position p;
	struct tt tt;
	struct search *s;
	struct outcome o = { 0 };

	from_fen(&p, fen);
	cr_assert(eq(int, tt_init(&tt, 1 << 20), 0));
	s = search_new(&tt);
	cr_assert(s != NULL);
	search_start(s, &p, history, n_history, sp);
	while (!search_step(s, slice))
		o.steps++;
	o.move = search_best_move(s);
	o.score = search_best_score(s);
	o.nodes = search_nodes(s);
	o.depth = search_depth(s);
	search_free(s);
	tt_free(&tt);
	return o;
}

static void
expect_move(const char *fen, move_t m, const char *uci)
{
	struct position p;
	char text[MOVE_TEXT_MAX];

	from_fen(&p, fen);
	cr_assert(movegen_is_legal(&p, m), "%s: illegal best move %04x", fen, m);
	if (uci != NULL) {
		move_to_uci(m, text);
		cr_assert(eq(str, text, (char *)uci), "%s", fen);
	}
}

/* Arrays, not pointers: Criterion copies parameters into each test's own process. */
struct mate_case {
	char		fen[FEN_MAX];
	char		move[MOVE_TEXT_MAX];	/* the only mating move, or "" when several mate */
	int		plies;		/* mate in this many plies */
};

static struct mate_case mate_cases[] = {
	{ "r1bqkbnr/pppp1ppp/2n5/4p3/2B1P3/5Q2/PPPP1PPP/RNB1K1NR w KQkq - 2 3", "f3f7", 1 },
	{ "6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1", "a1a8", 1 },
	{ "rnbqkbnr/pppp1ppp/8/4p3/6P1/5P2/PPPPP2P/RNBQKBNR b KQkq g3 0 2", "d8h4", 1 },
	{ "r1bq2r1/b4pk1/p1pp1p2/1p2pP2/1P2P1PB/3P4/1PPQ2P1/R3K2R w - - 0 1", "d2h6", 3 },
	{ "k7/8/2K5/8/8/8/8/7R w - - 0 1", "c6b6", 3 },
	{ "6k1/8/6K1/8/8/8/8/1Q6 w - - 0 1", "", 1 },
	{ "6k1/8/5K2/8/8/8/8/1R6 w - - 0 1", "", 3 },
};

ParameterizedTestParameters(search, mates)
{
	return cr_make_param_array(struct mate_case, mate_cases, ARRAY_LEN(mate_cases));
}

ParameterizedTest(struct mate_case *c, search, mates, .init = setup)
{
	struct search_params sp = { .depth = 6 };
	struct outcome o = run(c->fen, NULL, 0, &sp, UINT64_MAX);

	expect_move(c->fen, o.move, c->move[0] != '\0' ? c->move : NULL);
	cr_assert(eq(int, o.score, SEARCH_MATE - c->plies), "%s", c->fen);
	cr_assert(eq(int, search_mate_moves(o.score), (c->plies + 1) / 2));
}

Test(search, mated_side_sees_it_coming, .init = setup)
{
	/* Black's only move is Kg8, then Qg7 mates. */
	struct search_params sp = { .depth = 4 };
	struct outcome o = run("7k/8/6KQ/8/8/8/8/8 b - - 0 1", NULL, 0, &sp, UINT64_MAX);

	cr_assert(eq(int, o.score, -SEARCH_MATE + 2));
	cr_assert(eq(int, search_mate_moves(o.score), -1));
}

Test(search, mate_at_root, .init = setup)
{
	struct search_params sp = { .depth = 4 };
	struct outcome o = run("R5k1/5ppp/8/8/8/8/5PPP/6K1 b - - 0 1", NULL, 0, &sp, UINT64_MAX);

	cr_assert(eq(u16, o.move, MOVE_NONE));
	cr_assert(eq(int, o.score, -SEARCH_MATE));
	cr_assert(eq(u64, o.nodes, 0));
}

Test(search, stalemate_at_root, .init = setup)
{
	struct search_params sp = { .depth = 4 };
	struct outcome o = run("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1", NULL, 0, &sp, UINT64_MAX);

	cr_assert(eq(u16, o.move, MOVE_NONE));
	cr_assert(eq(int, o.score, 0));
}

Test(search, avoids_stalemating_when_winning, .init = setup)
{
	/* Qf7 (and Qg7?? is mate, Qf7 stalemates): a winning side must not stalemate. */
	const char *fen = "7k/8/6K1/8/8/8/8/5Q2 w - - 0 1";
	struct search_params sp = { .depth = 5 };
	struct outcome o = run(fen, NULL, 0, &sp, UINT64_MAX);

	expect_move(fen, o.move, NULL);
	cr_assert(gt(int, o.score, 500), "score %d", o.score);
}

Test(search, repetition_in_game_history_is_a_draw, .init = setup)
{
	/*
	 * White is a queen down; Kh1 gives a position the game has had twice,
	 * so its third occurrence draws. Had it been there once, the game
	 * would go on, lost: a 0 score means a real draw.
	 */
	const char *fen = "6k1/8/8/8/8/8/q7/6K1 w - - 10 40";
	struct position rep, root;
	struct search_params sp = { .depth = 5 };
	struct outcome without, once, twice;
	uint64_t history[3];

	from_fen(&rep, "6k1/8/8/8/8/8/q7/7K b - - 11 40");
	from_fen(&root, fen);
	history[0] = rep.key;
	history[1] = root.key;
	history[2] = rep.key;
	without = run(fen, NULL, 0, &sp, UINT64_MAX);
	once = run(fen, &history[2], 1, &sp, UINT64_MAX);
	twice = run(fen, history, 3, &sp, UINT64_MAX);
	cr_assert(lt(int, without.score, -500), "score %d", without.score);
	cr_assert(lt(int, once.score, -500), "one earlier occurrence: score %d", once.score);
	expect_move(fen, twice.move, "g1h1");
	cr_assert(eq(int, twice.score, 0));
}

Test(search, perpetual_check_on_the_search_path_is_a_draw, .init = setup)
{
	/* Down a rook and knight for the queen, White checks forever: Qh5+ Kg8 Qe8+ Kh7 ... */
	const char *fen = "7k/6p1/8/8/4K3/r7/1r6/n2Q4 w - - 0 1";
	struct search_params sp = { .depth = 8 };
	struct outcome o = run(fen, NULL, 0, &sp, UINT64_MAX);

	expect_move(fen, o.move, "d1h5");
	cr_assert(eq(int, o.score, 0));
}

Test(search, fifty_move_rule_is_a_draw, .init = setup)
{
	/* A queen up, but any move that is not a capture or a pawn move is the hundredth ply. */
	const char *fen = "6k1/8/8/8/8/8/1Q6/6K1 w - - 99 80";
	struct search_params sp = { .depth = 4 };
	struct outcome o = run(fen, NULL, 0, &sp, UINT64_MAX);

	expect_move(fen, o.move, NULL);
	cr_assert(eq(int, o.score, 0));
}

/*
 * Quiescence decides these: at depth 1 every reply is a quiescence node,
 * so the score and the move are right only if its captures are searched.
 * Fork: the d4 pawn forks the knights on c3 and e3 and is defended twice;
 * whatever White does, a knight is lost for at most a pawn. Poisoned pawn:
 * Qxd5 wins a pawn unless the quiescence of the reply sees exd5. (Delta
 * pruning with the sign of the gain flipped scores the fork -94 and takes
 * the pawn: the quiescence skips every capture worth more than the margin.)
 */
Test(search, quiescence_sees_the_recapture, .init = setup)
{
	static const char fork[] = "6k1/pp3ppp/8/2p1p3/3p4/2N1N3/6PP/6K1 w - - 0 1";
	static const char poisoned[] = "6k1/ppp2ppp/4p3/3p4/8/8/PPPQ1PPP/6K1 w - - 0 1";
	struct search_params sp = { .depth = 1 };
	struct outcome o;
	char text[MOVE_TEXT_MAX];

	o = run(fork, NULL, 0, &sp, UINT64_MAX);
	/* Level material (2N+2P v 8P, about +40) less a knight for a pawn: near -250. */
	cr_assert(lt(int, o.score, -180), "fork: depth 1 scores %d, a knight is lost", o.score);
	o = run(poisoned, NULL, 0, &sp, UINT64_MAX);
	move_to_uci(o.move, text);
	cr_assert(ne(str, text, "d2d5"), "poisoned pawn taken (score %d)", o.score);
}

static const char *const positions[] = {
	FEN_STARTPOS,
	"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	"8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
	"r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
	"rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8",
	"r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10",
	"rnbqkb1r/pp1p1ppp/4pn2/2p5/2PP4/2N5/PP2PPPP/R1BQKBNR w KQkq - 0 4",
	"8/8/4k3/3p4/3P4/4K3/8/8 w - - 0 1",
	"2r3k1/5ppp/8/8/8/8/5PPP/3R2K1 b - - 0 1",
	"r1bqkbnr/pppp1ppp/2n5/4p3/2B1P3/5Q2/PPPP1PPP/RNB1K1NR b KQkq - 3 3",
};

Test(search, sliced_equals_unsliced, .init = setup)
{
	static const uint64_t slices[] = { 1, 7, 100, 1000 };
	struct search_params sp = { .nodes = 3000 };

	for (size_t i = 0; i < ARRAY_LEN(positions); i++) {
		struct outcome whole = run(positions[i], NULL, 0, &sp, UINT64_MAX);

		expect_move(positions[i], whole.move, NULL);
		cr_assert(eq(int, whole.steps, 0));
		for (size_t j = 0; j < ARRAY_LEN(slices); j++) {
			struct outcome part = run(positions[i], NULL, 0, &sp, slices[j]);

			cr_assert(eq(u16, part.move, whole.move), "%s slice %llu", positions[i], (unsigned long long)slices[j]);
			cr_assert(eq(int, part.score, whole.score), "%s slice %llu", positions[i], (unsigned long long)slices[j]);
			cr_assert(eq(u64, part.nodes, whole.nodes));
			cr_assert(eq(int, part.depth, whole.depth));
			/* Each step did at most its slice, so it took at least nodes / slice steps. */
			cr_assert(ge(u64, (uint64_t)part.steps + 1, whole.nodes / slices[j]));
		}
	}
}

Test(search, sliced_equals_unsliced_with_noise_and_depth, .init = setup)
{
	struct search_params sp = { .depth = 4, .noise_cp = 60, .noise_seed = 99 };

	for (size_t i = 0; i < ARRAY_LEN(positions); i++) {
		struct outcome whole = run(positions[i], NULL, 0, &sp, UINT64_MAX);
		struct outcome part = run(positions[i], NULL, 0, &sp, 7);

		cr_assert(eq(u16, part.move, whole.move), "%s", positions[i]);
		cr_assert(eq(int, part.score, whole.score));
		cr_assert(eq(u64, part.nodes, whole.nodes));
	}
}

Test(search, node_limit_respected, .init = setup)
{
	static const uint64_t limits[] = { 1, 10, 500, 5000 };

	for (size_t i = 0; i < ARRAY_LEN(limits); i++) {
		struct search_params sp = { .nodes = limits[i] };
		struct outcome o = run(positions[1], NULL, 0, &sp, UINT64_MAX);

		cr_assert(le(u64, o.nodes, limits[i]));
		cr_assert(ge(u64, o.nodes, limits[i] > 1 ? limits[i] - 1 : 1));
		expect_move(positions[1], o.move, NULL);
	}
}

Test(search, deterministic_by_depth, .init = setup)
{
	struct search_params sp = { .depth = 5 };

	for (size_t i = 0; i < ARRAY_LEN(positions); i++) {
		struct outcome a = run(positions[i], NULL, 0, &sp, UINT64_MAX);
		struct outcome b = run(positions[i], NULL, 0, &sp, 100);

		cr_assert(eq(u16, a.move, b.move));
		cr_assert(eq(int, a.score, b.score));
		cr_assert(eq(u64, a.nodes, b.nodes));
		cr_assert(eq(int, a.depth, 5));
	}
}

Test(search, time_limit_and_stop, .init = setup)
{
	struct position p;
	struct tt tt;
	struct search *s;
	struct search_params sp = { .movetime_us = 50000 };
	struct timespec t0, t1;
	double secs;

	from_fen(&p, positions[1]);
	cr_assert(eq(int, tt_init(&tt, 1 << 20), 0));
	s = search_new(&tt);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	search_start(s, &p, NULL, 0, &sp);
	while (!search_step(s, 1000))
		;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert(lt(dbl, secs, 30.0));	/* a hang, not a speed check: benchmarks measure that */
	cr_assert(movegen_is_legal(&p, search_best_move(s)));

	/* An unlimited search ends at the first step after search_stop(). */
	memset(&sp, 0, sizeof(sp));
	search_start(s, &p, NULL, 0, &sp);
	cr_assert(not(search_step(s, 2000)));
	search_stop(s);
	cr_assert(search_step(s, 2000));
	cr_assert(search_done(s));
	cr_assert(movegen_is_legal(&p, search_best_move(s)));
	search_free(s);
	tt_free(&tt);
}

Test(search, pv_starts_with_best_move_and_is_legal, .init = setup)
{
	struct position p;
	struct tt tt;
	struct search *s;
	struct search_params sp = { .depth = 6 };
	move_t pv[MAX_PLY];
	int n;

	from_fen(&p, positions[5]);
	cr_assert(eq(int, tt_init(&tt, 1 << 20), 0));
	s = search_new(&tt);
	search_start(s, &p, NULL, 0, &sp);
	while (!search_step(s, UINT64_MAX))
		;
	n = search_pv(s, pv);
	cr_assert(ge(int, n, 1));
	cr_assert(eq(u16, pv[0], search_best_move(s)));
	for (int i = 0; i < n; i++) {
		cr_assert(movegen_is_legal(&p, pv[i]), "pv move %d", i);
		position_play(&p, pv[i]);
	}
	search_free(s);
	tt_free(&tt);
}
