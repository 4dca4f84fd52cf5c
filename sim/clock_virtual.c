/*
 * The virtual clock: it jumps from event to event in the one order
 * (events.c), as fast as the CPU allows; a 12-hour exhibition takes
 * milliseconds. Searches run in one go when their move is played.
 */
#include "sim/sim_internal.h"

void
sim_run_virtual(struct sim *s)
{
	/* An engine's move is waited for inside (engine_play_wait): its pipe is served meanwhile. */
	while (events_process_next(s) == 0)
		;
}
