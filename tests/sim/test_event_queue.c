/*
 * The event queue's promise (sim/event_queue.h): entries come out by time,
 * and entries due at the same microsecond in the order they were pushed,
 * however the heap happens to arrange them. Checked against a plain
 * reference order (stable sort by time of the pushes) over random times
 * drawn from a small range, so ties are the rule.
 */
#include <stdlib.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"

#include "sim/event_queue.h"

enum { EQ_TASKS = 500 };

Test(event_queue, ties_in_push_order)
{
	struct event_queue q;
	struct event_entry e;

	cr_assert(eq(int, event_queue_init(&q, 4), 0));
	cr_assert(eq(int, event_queue_push(&q, 7, 2), 0));
	cr_assert(eq(int, event_queue_push(&q, 7, 0), 0));
	cr_assert(eq(int, event_queue_push(&q, 3, 3), 0));
	cr_assert(eq(int, event_queue_push(&q, 7, 1), 0));
	cr_assert(eq(int, event_queue_push(&q, 9, -1), -1), "full: a task scheduled twice");
	cr_assert(eq(int, event_queue_peek(&q)->task, 3));
	for (int i = 0, want[] = { 3, 2, 0, 1 }; i < 4; i++) {
		cr_assert(eq(int, event_queue_pop(&q, &e), 0));
		cr_assert(eq(int, e.task, want[i]), "pop %d", i);
	}
	cr_assert(event_queue_peek(&q) == NULL);
	event_queue_free(&q);
}

Test(event_queue, random_times_stable_order)
{
	struct event_queue q;
	struct event_entry e;
	simtime_t t[EQ_TASKS];
	uint64_t x = 88172645463325252u;
	int done[EQ_TASKS] = { 0 };

	cr_assert(eq(int, event_queue_init(&q, EQ_TASKS), 0));
	for (int i = 0; i < EQ_TASKS; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		t[i] = (simtime_t)(x % 16);	/* 16 distinct times: many ties */
		cr_assert(eq(int, event_queue_push(&q, t[i], i), 0));
	}
	for (int k = 0; k < EQ_TASKS; k++) {
		int want = -1;

		/* The reference: the earliest time, then the first pushed, not yet out. */
		for (int i = 0; i < EQ_TASKS; i++)
			if (!done[i] && (want < 0 || t[i] < t[want]))
				want = i;
		cr_assert(eq(int, event_queue_pop(&q, &e), 0));
		cr_assert(eq(int, e.task, want), "pop %d: task %d at %lld, want %d at %lld", k, e.task,
			  (long long)e.t, want, (long long)t[want]);
		cr_assert(eq(i64, e.t, t[want]));
		done[want] = 1;
	}
	event_queue_free(&q);
}
