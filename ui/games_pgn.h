/*
 * The simulation's games as PGN, for `simul run --pgn` and the live view's
 * --pgn alike: per exhibition, one game per board, tagged with the policy
 * and the board number, each move's simulated think time as an [%emt]
 * comment. Unfinished games (a live view left early) get the result "*",
 * which pgn_write gives any game the rules have not ended.
 */
#ifndef SIMUL_UI_GAMES_PGN_H
#define SIMUL_UI_GAMES_PGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sim/sim.h"

/*
 * Appends every game of s to f. round >= 1 adds a Round tag (the repeat of
 * `simul run`), 0 none; live marks the Event as played in the live view.
 * Boards without a game (chess off) are skipped. -1 on a write error or
 * out of memory.
 */
int games_pgn_append(FILE *f, const struct sim *s, int round, bool live);
/* The same into path, all or nothing (ui/atomic_file.h); err says why not. */
int games_pgn_write(const char *path, const struct sim *s, int round, bool live, char *err,
		    size_t errlen);

#endif
