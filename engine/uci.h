/*
 * The UCI protocol as a state machine: the caller feeds it input lines and,
 * while a search is running, node budgets to think with; it writes its
 * replies (id, options, readyok, info, bestmove) to the FILE * it was given
 * and never reads anything itself. That split is what lets `stop` work
 * during a search in a single thread: the ui reads stdin between slices.
 *
 * A session keeps the current position with the keys of the positions
 * before it (for repetition draws), a transposition table sized by the
 * Hash option, and who plays: the full-strength search (Skill "full", the
 * default), or a player profile exactly as it plays in an exhibition (a
 * Skill, or UCI_LimitStrength with a UCI_Elo mapped to the nearest rated
 * profile). Ponder, MultiPV and searchmoves are supported; Seed makes the
 * profiles' randomness repeatable.
 */
#ifndef SIMUL_ENGINE_UCI_H
#define SIMUL_ENGINE_UCI_H

#include <stdio.h>

#include "engine/types.h"

enum { UCI_HASH_DEFAULT_MB = 16, UCI_HASH_MAX_MB = 1024 };

/* The Skill that is no profile: the whole search, every go limit. */
#define UCI_FULL_STRENGTH "full"

struct uci;

/* NULL when memory runs out. clock_seed seeds the players' randomness unless the Seed option is set. */
struct uci *uci_new(FILE *out, uint64_t clock_seed);
void uci_free(struct uci *u);

/* Handles one input line (newline optional); returns 1 after "quit" (a running search answers first, as at stop), else 0. Never fails: bad lines are ignored. */
int uci_line(struct uci *u, const char *line);
/* A search is running: keep calling uci_think, and feed input lines as they come. */
bool uci_busy(const struct uci *u);
/* Searches at most budget more nodes; writes bestmove when the search ends. */
void uci_think(struct uci *u, uint64_t budget);

#endif
