/*
 * The discrete-event queue: a binary min-heap of (simulated time, sequence
 * number, task). The sequence number is handed out at push time, so two
 * events at the same time come out in the order they were scheduled, on
 * every clock and every run: ties are deterministic, never heap accidents.
 * Each task has at most one pending event, so the heap never outgrows its
 * one allocation of tasks entries.
 */
#ifndef SIMUL_SIM_EVENT_QUEUE_H
#define SIMUL_SIM_EVENT_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/dist.h"

/*
 * 16 bytes, one per board: the sequence number is 32 bits, since an
 * exhibition schedules at most three events per master move (his think,
 * his walk, the reply), under 2^32 for SIM_BOARDS_MAX x SIM_MOVES_MAX.
 */
struct event_entry {
	simtime_t	t;
	uint32_t	seq;
	int32_t		task;		/* board index, or -1 for the master */
};

struct event_queue {
	struct event_entry	*heap;
	size_t			n, cap;
	uint32_t		seq;	/* next sequence number */
};

int event_queue_init(struct event_queue *q, size_t cap);
void event_queue_free(struct event_queue *q);
/* -1 when full (a task scheduled twice: a bug). */
int event_queue_push(struct event_queue *q, simtime_t t, int task);
/* The earliest entry without removing it; NULL when empty. */
const struct event_entry *event_queue_peek(const struct event_queue *q);
int event_queue_pop(struct event_queue *q, struct event_entry *out);

#endif
