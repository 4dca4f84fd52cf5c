/*
 * Helpers shared by the game and PGN suites: start a game from a FEN and
 * play moves written as a line of SAN, asserting at each step. Static
 * functions in a header because each suite is its own executable.
 */
#ifndef SIMUL_TESTS_ENGINE_GAME_HELPERS_H
#define SIMUL_TESTS_ENGINE_GAME_HELPERS_H

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdio.h>
#include <string.h>

#include "engine/game.h"
#include "engine/notation.h"

static inline void
start_game(struct game *g, const char *fen)
{
	struct position p;
	char err[160];

	cr_assert(eq(int, position_from_fen(&p, fen, err, sizeof(err)), 0), "%s: %s", fen, err);
	game_init(g, &p);
}

/* Plays space-separated SAN moves; each must be accepted by game_play. */
static inline void
play_san(struct game *g, const char *line)
{
	char buf[1024], err[160];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *tok = strtok_r(buf, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		move_t m;

		cr_assert(eq(int, g->termination, TERM_NONE), "game over before %s", tok);
		cr_assert(eq(int, move_from_san(&g->pos, tok, &m, err, sizeof(err)), 0), "%s", err);
		cr_assert(eq(int, game_play(g, m), 0), "%s", tok);
	}
}

#endif
