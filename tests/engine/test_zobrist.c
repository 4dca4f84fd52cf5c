/*
 * Zobrist tests: along seeded random games (from the start and from
 * positions rich in castling, en passant and promotions, with null moves
 * mixed in), the key position_play() maintains incrementally must always
 * equal position_hash() computed from scratch. Also: transpositions hash
 * alike, and an en passant square that no pawn can use does not change the
 * key while a usable one does.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "tests/engine/position_helpers.h"

TestSuite(zobrist, .init = setup);

Test(zobrist, incremental_equals_scratch_along_random_games)
{
	static const char *const starts[] = {
		FEN_STARTPOS,
		"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
		"r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
		"n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1",
		"rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3",
		"r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1",
		"4k3/pppppppp/8/8/8/8/PPPPPPPP/4K3 w - - 0 1",
	};
	uint64_t seed = 0x2545F4914F6CDD1DULL;
	int kinds[16] = { 0 }, nulls = 0;

	for (int game = 0; game < 280; game++) {
		struct position p;

		from_fen(&p, starts[game % ARRAY_LEN(starts)]);
		cr_assert(eq(u64, p.key, position_hash(&p)));
		for (int ply = 0; ply < 200; ply++) {
			move_t moves[MAX_MOVES];
			int n = movegen_legal(&p, moves);

			if (n == 0)
				break;
			if (xorshift(&seed) % 16 == 0 && !position_in_check(&p)) {
				position_play_null(&p);
				nulls++;
			} else {
				move_t m = moves[xorshift(&seed) % (uint64_t)n];

				position_play(&p, m);
				kinds[move_flag(m)]++;
			}
			/* A plain check: a passing Criterion assertion costs a message. */
			if (p.key != position_hash(&p))
				cr_fatal("game %d ply %d: incremental key differs from scratch", game, ply);
		}
	}
	/* The games really went through every kind of move. */
	cr_expect(gt(int, kinds[MF_CASTLE_KING], 0));
	cr_expect(gt(int, kinds[MF_CASTLE_QUEEN], 0));
	cr_expect(gt(int, kinds[MF_DOUBLE_PUSH], 0));
	cr_expect(gt(int, kinds[MF_EN_PASSANT], 0));
	for (int f = MF_PROMO; f < MF_PROMO + 8; f++)
		cr_expect(gt(int, kinds[f], 0), "no move with flag %d", f);
	cr_expect(gt(int, nulls, 0));
}

static move_t
find_move(const struct position *p, int from, int to)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves);

	for (int i = 0; i < n; i++)
		if (move_from(moves[i]) == from && move_to(moves[i]) == to && !move_is_promotion(moves[i]))
			return moves[i];
	cr_fatal("move %d-%d not legal", from, to);
	return MOVE_NONE;
}

static void
play(struct position *p, const char *uci)
{
	int from = sq_make(uci[0] - 'a', uci[1] - '1'), to = sq_make(uci[2] - 'a', uci[3] - '1');

	position_play(p, find_move(p, from, to));
}

Test(zobrist, transpositions_hash_alike)
{
	struct position a, b, start;

	position_startpos(&start);
	a = start;
	play(&a, "g1f3");
	play(&a, "g8f6");
	play(&a, "f3g1");
	play(&a, "f6g8");
	cr_expect(eq(u64, a.key, start.key), "knights out and back: clocks are not hashed");

	a = start;
	b = start;
	play(&a, "e2e4");
	play(&a, "e7e5");
	play(&a, "g1f3");
	play(&b, "g1f3");
	play(&b, "e7e5");
	play(&b, "e2e4");
	cr_expect(eq(u64, a.key, b.key));
}

Test(zobrist, en_passant_counts_only_when_usable)
{
	struct position played, parsed;

	/* After 1. e4 no black pawn can take on e3: same key as without the square. */
	position_startpos(&played);
	play(&played, "e2e4");
	from_fen(&parsed, "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1");
	cr_expect(eq(int, played.ep, sq_make(4, 2)), "the square is kept for the FEN");
	cr_expect(eq(u64, played.key, parsed.key));

	/* A black pawn on d4 can take e.p.: the key differs. */
	from_fen(&played, "4k3/8/8/8/3p4/8/4P3/4K3 w - - 0 1");
	play(&played, "e2e4");
	from_fen(&parsed, "4k3/8/8/8/3pP3/8/8/4K3 b - - 0 1");
	cr_expect(ne(u64, played.key, parsed.key));
	from_fen(&parsed, "4k3/8/8/8/3pP3/8/8/4K3 b - e3 0 1");
	cr_expect(eq(u64, played.key, parsed.key));
}

Test(zobrist, null_move)
{
	struct position p, q;

	from_fen(&p, "4k3/8/8/8/3p4/8/4P3/4K3 w - - 0 1");
	play(&p, "e2e4");
	q = p;
	position_play_null(&q);
	cr_expect(eq(u64, q.key, position_hash(&q)));
	cr_expect(eq(int, q.side, WHITE));
	cr_expect(eq(int, q.ep, SQ_NONE), "a null move ends the en passant chance");
	position_play_null(&q);
	cr_expect(eq(u64, q.key, position_hash(&q)));
	cr_expect(ne(u64, q.key, p.key));
}

Test(zobrist, side_castling_and_pieces_all_matter)
{
	struct position a, b;

	from_fen(&a, "r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1");
	from_fen(&b, "r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1");
	cr_expect(ne(u64, a.key, b.key));
	from_fen(&b, "r3k2r/8/8/8/8/8/8/R3K2R w KQk - 0 1");
	cr_expect(ne(u64, a.key, b.key));
	from_fen(&b, "r3k2r/8/8/8/8/8/8/R3K1R1 w Qkq - 0 1");
	from_fen(&a, "r3k2r/8/8/8/8/8/8/R3K2R w Qkq - 0 1");
	cr_expect(ne(u64, a.key, b.key));
}
