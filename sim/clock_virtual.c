/*
 * The virtual clock, and the one order both clocks process events in:
 * earliest simulated time first, then the lower exhibition index, then the
 * exhibition's sequence number. The live clock calls sim_advance() from
 * its timers with the timer's own scheduled time, so a live run walks the
 * same sequence as a virtual one, merely spread over real time.
 */
#include "sim/sim_internal.h"

/* The exhibition holding the next event in clock order, or NULL. */
static struct exhibition *
sim_next(const struct sim *s)
{
	const struct exhibition *best = NULL;
	const struct event_entry *bt = NULL;

	for (int i = 0; i < s->nex; i++) {
		const struct event_entry *e = event_queue_peek(&s->ex[i].queue);

		if (e != NULL && (bt == NULL || e->t < bt->t)) {
			best = &s->ex[i];
			bt = e;
		}
	}
	return (struct exhibition *)best;
}

simtime_t
sim_next_time(const struct sim *s)
{
	const struct exhibition *ex = sim_next(s);

	return ex != NULL ? event_queue_peek(&ex->queue)->t : -1;
}

int
sim_advance(struct sim *s, simtime_t limit)
{
	struct exhibition *ex;
	const struct event_entry *e;

	while ((ex = sim_next(s)) != NULL && (e = event_queue_peek(&ex->queue))->t <= limit) {
		/* Every later event waits too: the order is global, whatever the clock. */
		if (!chess_event_ready(ex, e->task))
			return -1;
		if (s->live_advancing)
			clock_live_late(s, e->t);
		s->now = e->t;
		exhibition_process_one(ex);
	}
	return 0;
}

void
sim_run_virtual(struct sim *s)
{
	sim_advance(s, INT64_MAX);
}

int
sim_step(struct sim *s)
{
	struct exhibition *ex = sim_next(s);

	if (ex == NULL)
		return -1;
	s->now = event_queue_peek(&ex->queue)->t;
	exhibition_process_one(ex);
	clock_live_stepped(s);
	return 0;
}

void
sim_fast_forward(struct sim *s, int ex)
{
	/* Its own order is kept; only its interleaving with the others is skipped. */
	while (exhibition_process_one(&s->ex[ex]) == 0)
		;
}
