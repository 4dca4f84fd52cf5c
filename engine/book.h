/*
 * A tiny opening book for matches: the main lines of common openings, four
 * plies each. Matches play each line once with each colour, so neither
 * player gets the easier side of a line, and games start varied without
 * relying on the players' randomness.
 */
#ifndef SIMUL_ENGINE_BOOK_H
#define SIMUL_ENGINE_BOOK_H

#include "engine/game.h"

/* Lines in the book. */
size_t book_lines(void);
/* Line i (modulo the count) as UCI moves separated by spaces. */
const char *book_line(size_t i);
/* Plays line i (modulo the count) into g; -1 with a message naming the move if one does not play. */
int book_play(struct game *g, size_t i, char *err, size_t errlen);

#endif
