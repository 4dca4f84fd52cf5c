/*
 * PGN export (the project's only PGN writer) and a small reader for the
 * movetext, enough to replay our own files and what common tools write.
 */
#ifndef SIMUL_ENGINE_PGN_H
#define SIMUL_ENGINE_PGN_H

#include <stdio.h>

#include "engine/game.h"

struct pgn_tag {
	const char	*name;
	const char	*value;
};

/*
 * Writes one game: the Seven Tag Roster (from tags, "?" where missing, or
 * "????.??.??" for Date; Result always from the game), then the extra tags
 * in order (Result, Termination, SetUp and FEN among them are ignored: the
 * game supplies those), a Termination tag, SetUp/FEN when the game did not
 * start from the initial position, and the movetext wrapped under 80
 * columns. comments, when not NULL, holds one string (or NULL) per ply,
 * written in braces after that move.
 * Returns 0, or -1 on a write error.
 */
int pgn_write(FILE *f, const struct game *g, const struct pgn_tag *tags, size_t ntags,
	      const char *const *comments);

/*
 * Replays a PGN game's movetext (tags, comments, NAGs, variations and move
 * numbers are skipped) from the FEN tag or the start position into g, which
 * this initialises. Returns -1 with a message naming the bad token; g then
 * holds no memory (game_free on it is harmless). Reading stops after the
 * result token or at the next game's tags; a result token for a game the
 * rules have not ended records it as adjudicated, "*" with a Termination
 * tag "abandoned" as abandoned.
 */
int pgn_read_game(const char *text, struct game *g, char *err, size_t errlen);

#endif
