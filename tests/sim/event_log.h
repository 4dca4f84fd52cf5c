/*
 * A test's event hook: every event as one text line in a growing buffer,
 * so two runs (virtual and live, sliced and greedy) compare as strings.
 */
#ifndef SIMUL_TESTS_SIM_EVENT_LOG_H
#define SIMUL_TESTS_SIM_EVENT_LOG_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

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

#endif
