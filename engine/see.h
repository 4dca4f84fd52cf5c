/*
 * Static exchange evaluation: what a capture wins or loses once every
 * piece attacking its square (x-rays included) has joined in, cheapest
 * first, each side free to stop when going on would lose more.
 */
#ifndef SIMUL_ENGINE_SEE_H
#define SIMUL_ENGINE_SEE_H

#include "engine/position.h"

/* Centipawns the capture m wins for the side to move (negative: it loses material). */
int see_capture(const struct position *p, move_t m);

#endif
