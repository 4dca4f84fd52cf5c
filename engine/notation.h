/*
 * Move text: UCI (e2e4, e7e8q) and SAN (Nf3, exd5, O-O, e8=Q+) in both
 * directions. Parsing is lenient the way PGN readers are: a missing or
 * wrong +/# is accepted, so are 0-0 and 0-0-0, trailing !? annotations,
 * a lowercase promotion piece or none of the '=' (e8q, e8Q), an over-full
 * disambiguation or long form (Ngf3, Ng1f3, Ng1-f3) and a trailing "e.p.";
 * anything that is not exactly one legal move is refused with a message
 * that quotes the text and says why (illegal, ambiguous and between
 * which moves, promotion piece missing, not a move at all).
 */
#ifndef SIMUL_ENGINE_NOTATION_H
#define SIMUL_ENGINE_NOTATION_H

#include "engine/position.h"

enum { MOVE_TEXT_MAX = 8 };	/* "e7e8q", "Qh4xe1+", "O-O-O#" and a NUL */

void square_name(int sq, char out[3]);
/* "e4" -> 28; -1 when not a square. */
int square_parse(const char *s);

void move_to_uci(move_t m, char out[MOVE_TEXT_MAX]);
int move_from_uci(const struct position *p, const char *text, move_t *m, char *err, size_t errlen);

/* m must be legal in p. */
void move_to_san(const struct position *p, move_t m, char out[MOVE_TEXT_MAX]);
int move_from_san(const struct position *p, const char *text, move_t *m, char *err, size_t errlen);

#endif
