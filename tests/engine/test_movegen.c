/*
 * Move generator tests beyond perft counts: movegen_count agrees with the
 * list, the quiescence generator gives exactly the captures and queen
 * promotions of the full list, every legal move passes movegen_is_legal and
 * no other 16-bit value does, moves carry the right flags, and the textbook
 * cases (double check, mate, stalemate, castling out of / through / into
 * check, pinned pieces) give the expected lists.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/movegen.h"
#include "tests/engine/position_helpers.h"

TestSuite(movegen, .init = setup);

static bool
contains(const move_t *moves, int n, move_t m)
{
	for (int i = 0; i < n; i++)
		if (moves[i] == m)
			return true;
	return false;
}

static const char *const starts[] = {
	FEN_STARTPOS,
	"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	"r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
	"n1n5/PPPk4/8/8/8/8/4Kppp/5N1N b - - 0 1",
	"8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
};

/* Calls check(p) on every position of seeded random games from `starts`. */
static int
walk_random_games(int games, void (*check)(const struct position *p))
{
	uint64_t seed = 0xD1B54A32D192ED03ULL;
	int positions = 0;

	for (int g = 0; g < games; g++) {
		struct position p;

		from_fen(&p, starts[g % ARRAY_LEN(starts)]);
		for (int ply = 0; ply < 200; ply++) {
			move_t moves[MAX_MOVES];
			int n = movegen_legal(&p, moves);

			check(&p);
			positions++;
			if (n == 0)
				break;
			position_play(&p, moves[xorshift(&seed) % (uint64_t)n]);
		}
	}
	return positions;
}

static bool
quiescence_move(move_t m)
{
	if (move_is_promotion(m))
		return move_promotion_type(m) == QUEEN;
	return move_is_capture(m);
}

static void
check_captures(const struct position *p)
{
	move_t all[MAX_MOVES], caps[MAX_MOVES];
	int n = movegen_legal(p, all), nc = movegen_captures(p, caps), expected = 0;
	char fen[FEN_MAX];

	for (int i = 0; i < n; i++)
		expected += quiescence_move(all[i]);
	for (int i = 0; i < nc; i++)
		if (!quiescence_move(caps[i]) || !contains(all, n, caps[i]))
			expected = -1;
	if (nc != expected) {
		position_to_fen(p, fen, sizeof(fen));
		cr_fatal("%s: movegen_captures gave %d moves, expected %d", fen, nc, expected);
	}
}

Test(movegen, captures_are_the_quiescence_subset)
{
	cr_expect(gt(int, walk_random_games(100, check_captures), 5000));
}

static void
check_count(const struct position *p)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves), c = movegen_count(p);

	if (n != c) {
		char fen[FEN_MAX];

		position_to_fen(p, fen, sizeof(fen));
		cr_fatal("%s: movegen_count %d, movegen_legal %d", fen, c, n);
	}
}

Test(movegen, count_matches_the_list)
{
	cr_expect(gt(int, walk_random_games(100, check_count), 5000));
}

/* Every value a move_t can hold: exactly the generated moves are legal. */
static void
check_is_legal_exhaustively(const struct position *p)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves), accepted = 0;

	for (uint32_t v = 0; v <= UINT16_MAX; v++)
		if (movegen_is_legal(p, (move_t)v)) {
			accepted++;
			if (!contains(moves, n, (move_t)v))
				cr_fatal("move value %u accepted but not generated", v);
		}
	if (accepted != n)
		cr_fatal("%d moves accepted, %d generated", accepted, n);
}

Test(movegen, is_legal_accepts_exactly_the_generated_moves)
{
	for (size_t i = 0; i < ARRAY_LEN(starts); i++) {
		struct position p;

		from_fen(&p, starts[i]);
		check_is_legal_exhaustively(&p);
	}
}

static void
check_flags(const struct position *p)
{
	move_t moves[MAX_MOVES];
	int n = movegen_legal(p, moves), us = p->side;

	for (int i = 0; i < n; i++) {
		move_t m = moves[i];
		int from = move_from(m), to = move_to(m), flag = move_flag(m);
		int pc = position_piece_at(p, from), target = position_piece_at(p, to);
		bool ok = pc != NO_PIECE && piece_color(pc) == us;

		if (flag == MF_EN_PASSANT)
			ok &= piece_type(pc) == PAWN && to == p->ep && target == NO_PIECE;
		else if (flag & MF_CAPTURE)
			ok &= target != NO_PIECE && piece_color(target) != us && piece_type(target) != KING;
		else
			ok &= target == NO_PIECE;
		if (flag & MF_PROMO)
			ok &= piece_type(pc) == PAWN && (sq_rank(to) == 0 || sq_rank(to) == 7);
		else if (piece_type(pc) == PAWN)
			ok &= sq_rank(to) != 0 && sq_rank(to) != 7;
		if (flag == MF_DOUBLE_PUSH)
			ok &= piece_type(pc) == PAWN && abs(to - from) == 16;
		if (flag == MF_CASTLE_KING || flag == MF_CASTLE_QUEEN)
			ok &= piece_type(pc) == KING && abs(to - from) == 2;
		if (!ok) {
			char fen[FEN_MAX];

			position_to_fen(p, fen, sizeof(fen));
			cr_fatal("%s: move %d-%d has the wrong flag %d", fen, from, to, flag);
		}
	}
}

Test(movegen, flags_describe_the_moves)
{
	walk_random_games(60, check_flags);
}

static int
count_moves(const char *fen)
{
	struct position p;
	move_t moves[MAX_MOVES];

	from_fen(&p, fen);
	return movegen_legal(&p, moves);
}

static bool
has_move(const char *fen, const char *uci)
{
	struct position p;
	move_t moves[MAX_MOVES];
	int n, from = sq_make(uci[0] - 'a', uci[1] - '1'), to = sq_make(uci[2] - 'a', uci[3] - '1');

	from_fen(&p, fen);
	n = movegen_legal(&p, moves);
	for (int i = 0; i < n; i++)
		if (move_from(moves[i]) == from && move_to(moves[i]) == to)
			return true;
	return false;
}

Test(movegen, mate_and_stalemate_have_no_moves)
{
	/* Fool's mate. */
	cr_expect(eq(int, count_moves("rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3"), 0));
	/* Stalemate. */
	cr_expect(eq(int, count_moves("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1"), 0));
	/* Back-rank mate. */
	cr_expect(eq(int, count_moves("3R2k1/5ppp/8/8/8/8/8/6K1 b - - 0 1"), 0));
}

Test(movegen, double_check_only_king_moves)
{
	/* Knight f6 and rook e1 both check the e8 king; the d7 queen could take
	 * either checker but not both. */
	const char *fen = "4k3/3q4/5N2/8/8/8/8/4R1K1 b - - 0 1";
	struct position p;
	move_t moves[MAX_MOVES];
	int n;

	from_fen(&p, fen);
	cr_expect(position_in_check(&p));
	n = movegen_legal(&p, moves);
	cr_expect(gt(int, n, 0));
	for (int i = 0; i < n; i++)
		cr_expect(eq(int, move_from(moves[i]), sq_make(4, 7)));
	cr_expect(not(has_move(fen, "d7f6")));
	cr_expect(not(has_move(fen, "d7e6")));
}

Test(movegen, castling_rules)
{
	/* Both sides free: both castlings. */
	cr_expect(has_move("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1g1"));
	cr_expect(has_move("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1c1"));
	/* Out of check: neither. */
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/4r3/R3K2R w KQkq - 0 1", "e1g1")));
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/4r3/R3K2R w KQkq - 0 1", "e1c1")));
	/* Through check (f1 / d1 attacked). */
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/5r2/R3K2R w KQkq - 0 1", "e1g1")));
	cr_expect(has_move("r3k2r/8/8/8/8/8/5r2/R3K2R w KQkq - 0 1", "e1c1"));
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/3r4/R3K2R w KQkq - 0 1", "e1c1")));
	/* Into check (g1 / c1 attacked). */
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/6r1/R3K2R w KQkq - 0 1", "e1g1")));
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/2r5/R3K2R w KQkq - 0 1", "e1c1")));
	/* b1 attacked does not matter, b1 occupied does. */
	cr_expect(has_move("r3k2r/8/8/8/8/8/1r6/R3K2R w KQkq - 0 1", "e1c1"));
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/8/RN2K2R w KQkq - 0 1", "e1c1")));
	/* No right, no castling. */
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/8/R3K2R w Qkq - 0 1", "e1g1")));
	/* Black too. */
	cr_expect(has_move("r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1", "e8c8"));
	cr_expect(not(has_move("r3k2r/8/8/8/8/8/8/R3KR2 b Qkq - 0 1", "e8g8")));
}

Test(movegen, pinned_pieces_stay_on_the_line)
{
	/* A bishop pinned along the e-file by the e8 rook cannot move at all. */
	const char *fen = "4r1k1/8/8/8/8/8/4B3/4K3 w - - 0 1";

	cr_expect(not(has_move(fen, "e2d3")));
	cr_expect(eq(int, count_moves(fen), 4), "king moves only: d1 d2 f1 f2");
	/* A rook pinned on a file may slide along it and take the pinner. */
	cr_expect(has_move("4r1k1/8/8/8/8/8/4R3/4K3 w - - 0 1", "e2e8"));
	cr_expect(has_move("4r1k1/8/8/8/8/8/4R3/4K3 w - - 0 1", "e2e5"));
	cr_expect(not(has_move("4r1k1/8/8/8/8/8/4R3/4K3 w - - 0 1", "e2d2")));
	/* A pawn pinned on a diagonal can only capture the pinner. */
	cr_expect(has_move("6k1/8/8/8/8/2b5/3P4/4K3 w - - 0 1", "d2c3"));
	cr_expect(not(has_move("6k1/8/8/8/8/2b5/3P4/4K3 w - - 0 1", "d2d3")));
}

Test(movegen, king_cannot_step_back_along_the_checking_ray)
{
	/* Rook a1 checks the e1 king along the rank: f1 is still attacked. */
	cr_expect(not(has_move("4k3/8/8/8/8/8/8/r3K3 w - - 0 1", "e1f1")));
	cr_expect(has_move("4k3/8/8/8/8/8/8/r3K3 w - - 0 1", "e1e2"));
}
