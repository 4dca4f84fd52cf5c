/*
 * What most engine suites start with: the tables built before each test,
 * a position from a FEN that must parse, and a small seeded generator for
 * random games (xorshift64: the suites need variety, not quality).
 */
#ifndef SIMUL_TESTS_ENGINE_POSITION_HELPERS_H
#define SIMUL_TESTS_ENGINE_POSITION_HELPERS_H

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "engine/position.h"

static inline void
setup(void)
{
	engine_init();
}

static inline void
from_fen(struct position *p, const char *fen)
{
	char err[160];

	cr_assert(eq(int, position_from_fen(p, fen, err, sizeof(err)), 0), "%s: %s", fen, err);
}

static inline uint64_t
xorshift(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#endif
