/*
 * The event loop as a student should see it, read from an exhibition: the
 * ready queue (asyncio's loop._ready: boards whose reply has arrived, the
 * oldest first) and the scheduled timers (loop._scheduled: the replies
 * still due, the soonest first). O(boards) a call, fine for a frame: the
 * view asks once per exhibition and copies at most SIM_LOOP_SHOWN of each.
 */
#include <string.h>

#include "sim/sim_internal.h"

/* Inserts (board, t) into the sorted first n of v (capacity SIM_LOOP_SHOWN). */
static void
loop_insert(struct sim_loop_entry *v, int *n, int board, simtime_t t)
{
	int i = *n < SIM_LOOP_SHOWN ? (*n)++ : SIM_LOOP_SHOWN;

	while (i > 0 && (v[i - 1].t > t || (v[i - 1].t == t && v[i - 1].board > board))) {
		if (i < SIM_LOOP_SHOWN)
			v[i] = v[i - 1];
		i--;
	}
	if (i < SIM_LOOP_SHOWN)
		v[i] = (struct sim_loop_entry){ board, t };
}

int
sim_loop_view(const struct sim *s, int index, struct sim_loop_view *out)
{
	const struct exhibition *ex;
	const struct master *m;

	if (index < 0 || index >= s->nex)
		return -1;
	ex = &s->ex[index];
	m = &ex->master;
	memset(out, 0, sizeof(*out));
	/* The ready policy's own queue, in its order; the others have none: waiting boards by age. */
	if (ex->policy == SIM_READY) {
		for (int k = 0; k < ex->ready_len; k++) {
			int b = ex->ready[(ex->ready_head + k) % s->config.boards];

			if (k < SIM_LOOP_SHOWN)
				out->ready[out->nready++] = (struct sim_loop_entry){ b, ex->boards[b].ready_at };
		}
		out->ready_total = ex->ready_len;
	}
	for (int b = 0; b < s->config.boards; b++) {
		const struct board_task *bt = &ex->boards[b];
		bool here = m->activity == SIM_MASTER_THINKING && m->board == b;

		if (bt->state == SIM_BOARD_THINKING) {
			loop_insert(out->timers, &out->ntimers, b, bt->think_end);
			out->timers_total++;
		} else if (bt->state == SIM_BOARD_WAITING && !here && ex->policy != SIM_READY) {
			loop_insert(out->ready, &out->nready, b, bt->ready_at);
			out->ready_total++;
		}
	}
	return 0;
}
