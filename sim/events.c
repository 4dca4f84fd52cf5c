/*
 * The model's face to the clocks: the one order every clock processes
 * events in, and the dispatch of one event to the task it belongs to.
 *
 * The order: earliest simulated time first, then the lower exhibition
 * index, then the exhibition's sequence number (event_queue.h). The
 * virtual clock walks it as fast as it can; the live clock walks the same
 * sequence from its one timer, merely spread over real time. A clock
 * needs nothing else of the model: the time of the next event, whether it
 * can be processed yet (its move may still be searched in slices), and
 * processing it. The model never calls a clock back.
 */
#include "sim/sim_internal.h"

/* The exhibition holding the next event in clock order, or NULL. */
static struct exhibition *
events_next(const struct sim *s)
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
events_next_time(const struct sim *s)
{
	const struct exhibition *ex = events_next(s);

	return ex != NULL ? event_queue_peek(&ex->queue)->t : -1;
}

simtime_t
sim_next_time(const struct sim *s)
{
	return events_next_time(s);
}

bool
events_next_ready(struct sim *s)
{
	struct exhibition *ex = events_next(s);
	const struct event_entry *e;

	if (ex == NULL)
		return true;
	e = event_queue_peek(&ex->queue);
	return chess_event_ready(ex, e->task, e->t);
}

/* The master's own event, or a board's reply, after which he may stop waiting. */
static int
events_dispatch(struct exhibition *ex)
{
	struct event_entry e;

	if (event_queue_pop(&ex->queue, &e) < 0)
		return -1;
	/* The real clock's time is the reading when it comes, never the plan's. */
	if (e.t < ex->sim->floor)
		e.t = ex->sim->floor;
	ex->now = e.t;
	ex->events++;
	if (e.task < 0) {
		master_step(&ex->master, e.t);
	} else {
		board_task_step(ex, &ex->boards[e.task], e.t);
		master_board_changed(&ex->master, e.task, e.t);
	}
	return 0;
}

int
events_process_next(struct sim *s)
{
	struct exhibition *ex = events_next(s);

	if (ex == NULL)
		return -1;
	s->now = event_queue_peek(&ex->queue)->t;
	if (s->now < s->floor)
		s->now = s->floor;
	return events_dispatch(ex);
}

bool
events_next_engine(const struct sim *s)
{
	const struct exhibition *ex = events_next(s);

	return ex != NULL && chess_event_engine(ex, event_queue_peek(&ex->queue)->task) >= 0;
}

void
events_park_next(struct sim *s)
{
	struct exhibition *ex = events_next(s);
	struct event_entry e;

	if (ex == NULL || event_queue_pop(&ex->queue, &e) < 0)
		return;
	if (e.task < 0)
		ex->master.parked = e.t;
	else
		ex->boards[e.task].parked = e.t;
}

void
events_unpark(struct sim *s, int board, simtime_t t)
{
	for (int i = 0; i < s->nex; i++) {
		struct exhibition *ex = &s->ex[i];
		simtime_t *held[2] = { &ex->boards[board].parked,
				       ex->master.board == board ? &ex->master.parked : NULL };

		for (int k = 0; k < 2; k++) {
			if (held[k] == NULL || *held[k] < 0)
				continue;
			if (t > *held[k])
				s->engine_overrun += t - *held[k];
			s->engine_replies++;
			event_queue_push(&ex->queue, t > *held[k] ? t : *held[k], k == 0 ? board : -1);
			*held[k] = -1;
		}
	}
}

int
events_process_of(struct sim *s, int ex)
{
	return events_dispatch(&s->ex[ex]);
}
