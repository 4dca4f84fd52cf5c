/*
 * A test's event hook: every event as one text line in a growing buffer,
 * so two runs (virtual and live, sliced and greedy) compare as strings;
 * and a driver that runs a live sim to its end, poking at it meanwhile.
 */
#ifndef SIMUL_TESTS_SIM_EVENT_LOG_H
#define SIMUL_TESTS_SIM_EVENT_LOG_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <ev.h>

#include "sim/sim.h"

struct log {
	char	*buf;
	size_t	len, cap;
	size_t	events;
};

static void
log_event(const struct sim_event *e, void *arg)
{
	struct log *l = arg;
	char line[160];
	int n = snprintf(line, sizeof(line), "%lld %d %d %s %lld %d %s %d %d\n", (long long)e->t,
			 e->ex, e->board, sim_event_kind_name(e->kind), (long long)e->duration,
			 e->ply, e->san, e->result, e->termination);

	if (l->len + (size_t)n + 1 > l->cap) {
		l->cap = (l->cap + (size_t)n + 1) * 2;
		l->buf = realloc(l->buf, l->cap);
		cr_assert(l->buf != NULL);
	}
	memcpy(l->buf + l->len, line, (size_t)n + 1);
	l->len += (size_t)n;
	l->events++;
}

/* sync, round-robin and ready on c, every event logged into l. */
static struct sim *
log_sim_new(const struct sim_config *c, struct log *l)
{
	enum sim_policy ps[3] = { SIM_SYNC, SIM_ROUND_ROBIN, SIM_READY };
	char err[256];
	struct sim *s = sim_new(c, ps, 3, err, sizeof(err));

	cr_assert(s != NULL, "%s", err);
	sim_on_event(s, log_event, l);
	return s;
}

/* Pokes at a running sim on each tick of the driver (speed, pause, greedy). */
typedef void log_meddle_fn(struct sim *s, int tick);

struct log_driver {
	struct sim	*s;
	ev_timer	tick;
	int		ticks;
	log_meddle_fn	*meddle;	/* NULL: just watch */
};

static void
log_driver_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct log_driver *d = w->data;

	(void)revents;
	d->ticks++;
	if (sim_finished(d->s, -1)) {
		ev_break(loop, EVBREAK_ALL);
		return;
	}
	if (d->meddle != NULL)
		d->meddle(d->s, d->ticks);
}

/* Runs the live sim s on loop to its end, meddling every period real seconds; returns the ticks. */
static int
log_run_live(struct sim *s, struct ev_loop *loop, double period, log_meddle_fn *meddle)
{
	struct log_driver d = { .s = s, .meddle = meddle };

	ev_timer_init(&d.tick, log_driver_cb, period, period);
	d.tick.data = &d;
	ev_timer_start(loop, &d.tick);
	ev_run(loop, 0);
	ev_timer_stop(loop, &d.tick);
	return d.ticks;
}

#endif
