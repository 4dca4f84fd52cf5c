/*
 * Static exchange evaluation: captures whose outcome a chess player can
 * count on the fingers, with x-rays and a king that may only recapture
 * last.
 */
#include <criterion/parameterized.h>

#include "engine/notation.h"
#include "engine/see.h"
#include "tests/engine/position_helpers.h"

struct see_case {
	char	fen[FEN_MAX];
	char	move[8];
	int	want;
};

static struct see_case see_cases[] = {
	/* A free pawn. */
	{ "4k3/8/8/3p4/8/8/8/3QK3 w - - 0 1", "d1d5", 100 },
	/* A pawn defended by a pawn, taken by the queen: the queen is lost for it. */
	{ "4k3/8/4p3/3p4/8/8/8/3QK3 w - - 0 1", "d1d5", 100 - 900 },
	/* Pawn takes a defended knight: a knight for a pawn. */
	{ "4k3/8/2p5/3n4/4P3/8/8/4K3 w - - 0 1", "e4d5", 320 - 100 },
	/* Rook takes a rook defended by a rook, with a second rook behind (an x-ray): rook for rook. */
	{ "3rk3/8/8/3r4/8/8/3R4/3RK3 w - - 0 1", "d2d5", 500 },
	/* Defended only by the king, attacked twice: the king cannot recapture into a second attacker. */
	{ "8/8/4k3/3p4/8/8/3R4/3RK3 w - - 0 1", "d2d5", 100 },
	/* En passant, defended by a pawn: a pawn for a pawn. */
	{ "4k3/2p5/8/3pP3/8/8/8/4K3 w - d6 0 2", "e5d6", 0 },
};

ParameterizedTestParameters(see, exchanges)
{
	return cr_make_param_array(struct see_case, see_cases, sizeof(see_cases) / sizeof(see_cases[0]));
}

ParameterizedTest(struct see_case *c, see, exchanges, .init = setup)
{
	struct position p;
	char err[128];
	move_t m;

	from_fen(&p, c->fen);
	cr_assert(eq(int, move_from_uci(&p, c->move, &m, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, see_capture(&p, m), c->want), "%s %s", c->fen, c->move);
}
