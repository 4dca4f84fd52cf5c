/*
 * sim_config_check's bounds, each at the edge: the documented limits
 * (sim/sim.h) are accepted, one past them refused with a message naming
 * the field and the value. The command line has its own bounds; this is
 * the check every other caller (tests, presets, the live view's restart)
 * relies on.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "sim/sim.h"

static int
check(int boards, int moves, char *err, size_t errlen)
{
	struct sim_config c;

	sim_config_defaults(&c);
	c.boards = boards;
	c.moves = moves;
	return sim_config_check(&c, err, errlen);
}

Test(config, bounds)
{
	char err[256];

	cr_assert(eq(int, check(1, 1, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, check(SIM_BOARDS_MAX, SIM_MOVES_MAX, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, check(0, 30, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "boards: 0 is not between 1 and 1000000"));
	cr_assert(eq(int, check(SIM_BOARDS_MAX + 1, 30, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "boards: 1000001 is not between 1 and 1000000"));
	cr_assert(eq(int, check(24, 0, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "moves: 0 is not between 1 and 500"));
	cr_assert(eq(int, check(24, SIM_MOVES_MAX + 1, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "moves: 501 is not between 1 and 500"));
}
