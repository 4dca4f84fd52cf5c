/*
 * The UCI protocol as a state machine: the caller feeds it input lines and,
 * while a search is running, node budgets to think with; it writes its
 * replies (id, options, readyok, info, bestmove) to the FILE * it was given
 * and never reads anything itself. That split is what lets `stop` work
 * during a search in a single thread: the ui reads stdin between slices.
 *
 * A session keeps the current position with the keys of the positions
 * before it (for repetition draws), a transposition table sized by the
 * Hash option, and a Skill (a player profile: anything but master limits
 * the search and adds the profile's noise and blunders).
 */
#ifndef SIMUL_ENGINE_UCI_H
#define SIMUL_ENGINE_UCI_H

#include <stdio.h>

#include "engine/types.h"

enum { UCI_HASH_DEFAULT_MB = 16, UCI_HASH_MAX_MB = 1024 };

struct uci;

/* NULL when memory runs out. */
struct uci *uci_new(FILE *out);
void uci_free(struct uci *u);

/* Handles one input line (newline optional); returns 1 after "quit", else 0. Never fails: bad lines are ignored. */
int uci_line(struct uci *u, const char *line);
/* A search is running: keep calling uci_think, and feed input lines as they come. */
bool uci_busy(const struct uci *u);
/* Searches at most budget more nodes; writes bestmove when the search ends. */
void uci_think(struct uci *u, uint64_t budget);

#endif
