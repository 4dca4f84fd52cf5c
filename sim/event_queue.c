/*
 * Binary heap on an array allocated once; the key is (t, seq), compared
 * lexicographically. O(log n) push and pop, which for 100,000 boards is
 * about 17 levels: cheaper than any calendar queue would be to get right.
 */
#include "sim/event_queue.h"

#include <stdlib.h>

static bool
entry_less(const struct event_entry *a, const struct event_entry *b)
{
	return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

int
event_queue_init(struct event_queue *q, size_t cap)
{
	q->heap = malloc(cap * sizeof(q->heap[0]));
	q->n = 0;
	q->cap = cap;
	q->seq = 0;
	return q->heap != NULL ? 0 : -1;
}

void
event_queue_free(struct event_queue *q)
{
	free(q->heap);
	q->heap = NULL;
	q->n = q->cap = 0;
}

int
event_queue_push(struct event_queue *q, simtime_t t, int task)
{
	struct event_entry e = { t, q->seq++, task };
	size_t i = q->n;

	if (q->n == q->cap)
		return -1;
	q->n++;
	while (i > 0) {
		size_t parent = (i - 1) / 2;

		if (!entry_less(&e, &q->heap[parent]))
			break;
		q->heap[i] = q->heap[parent];
		i = parent;
	}
	q->heap[i] = e;
	return 0;
}

const struct event_entry *
event_queue_peek(const struct event_queue *q)
{
	return q->n > 0 ? &q->heap[0] : NULL;
}

int
event_queue_pop(struct event_queue *q, struct event_entry *out)
{
	struct event_entry last;
	size_t i = 0;

	if (q->n == 0)
		return -1;
	*out = q->heap[0];
	last = q->heap[--q->n];
	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= q->n)
			break;
		if (c + 1 < q->n && entry_less(&q->heap[c + 1], &q->heap[c]))
			c++;
		if (!entry_less(&q->heap[c], &last))
			break;
		q->heap[i] = q->heap[c];
		i = c;
	}
	if (q->n > 0)
		q->heap[i] = last;
	return 0;
}
