/*
 * The live clock: simulated time mapped onto the loop's real time,
 *
 *	sim = anchor_sim + (real - anchor_real) * speed,
 *
 * re-anchored whenever the speed changes, on resume and after a step, so
 * the reading never jumps. Each task with a pending event has its own
 * ev_timer armed at the real time its event's simulated time maps to; the
 * timer's callback only advances the model to that simulated time. This
 * is the one file of the model that looks at real time at all (ev_now),
 * besides thinking.c's CPU clock.
 *
 * An event whose move is still being searched in slices holds the clock:
 * sim_advance stops before it, the timers that fire meanwhile only raise
 * live_limit, and thinking.c resumes the advance when the search is done.
 * Simulated time stays exact; the real lateness of each event processed
 * from the loop (processed at minus due at, in real time) is measured.
 */
#include <errno.h>
#include <time.h>

#include "sim/sim_internal.h"

static ev_timer *
task_timer(struct sim *s, int ex, int task)
{
	return task < 0 ? &s->ex[ex].master.timer : &s->ex[ex].boards[task].timer;
}

/* The raw reading, before clamping to the events. */
static simtime_t
live_reading(const struct sim *s)
{
	double dt;

	if (s->paused)
		return s->anchor_sim;
	dt = ev_now(s->loop) - s->anchor_real;
	if (dt < 0)
		dt = 0;
	return s->anchor_sim + (simtime_t)(dt * s->speed * 1e6);
}

void
clock_live_arm(struct sim *s, int ex, int task, simtime_t t)
{
	ev_timer *w;
	double delay;

	if (s->loop == NULL || s->paused)
		return;
	w = task_timer(s, ex, task);
	delay = (double)(t - s->anchor_sim) / 1e6 / s->speed - (ev_now(s->loop) - s->anchor_real);
	if (delay < 0)
		delay = 0;
	/* libev forbids ev_timer_set on an active watcher: stop first. */
	ev_timer_stop(s->loop, w);
	ev_timer_set(w, delay, 0.);
	ev_timer_start(s->loop, w);
}

void
clock_live_disarm(struct sim *s, int ex, int task)
{
	if (s->loop != NULL)
		ev_timer_stop(s->loop, task_timer(s, ex, task));
}

static void
live_arm_all(struct sim *s)
{
	for (int i = 0; i < s->nex; i++) {
		struct exhibition *ex = &s->ex[i];

		if (ex->master.due >= 0)
			clock_live_arm(s, i, -1, ex->master.due);
		for (int b = 0; b < s->config.boards; b++)
			if (ex->boards[b].due >= 0)
				clock_live_arm(s, i, b, ex->boards[b].due);
	}
}

static void
live_disarm_all(struct sim *s)
{
	for (int i = 0; i < s->nex; i++) {
		clock_live_disarm(s, i, -1);
		for (int b = 0; b < s->config.boards; b++)
			clock_live_disarm(s, i, b);
	}
}

simtime_t
sim_now(const struct sim *s)
{
	simtime_t t, next;

	if (s->loop == NULL)
		return s->now;
	t = live_reading(s);
	/* Never behind an event already processed, never past one still pending. */
	if (t < s->now)
		t = s->now;
	next = sim_next_time(s);
	if (next < 0)
		return s->now;
	return t < next ? t : next;
}

static void
live_reanchor(struct sim *s, simtime_t at)
{
	s->anchor_sim = at;
	s->anchor_real = ev_now(s->loop);
}

/* The real time simulated time t maps to under the current anchor. */
static ev_tstamp
live_real(const struct sim *s, simtime_t t)
{
	return s->anchor_real + (double)(t - s->anchor_sim) / 1e6 / s->speed;
}

static void
live_advance(struct sim *s)
{
	bool was = s->stalled;

	s->live_advancing = true;
	s->stalled = sim_advance(s, s->live_limit) < 0;
	s->live_advancing = false;
	if (s->stalled && !was) {
		s->search_waits++;
		s->stalled_since = ev_time();
	} else if (!s->stalled && was) {
		s->search_wait += ev_time() - s->stalled_since;
	}
}

void
clock_live_fire(struct sim *s, simtime_t t)
{
	if (t > s->live_limit)
		s->live_limit = t;
	live_advance(s);
}

void
clock_live_resume(struct sim *s)
{
	if (s->loop != NULL && !s->paused)
		live_advance(s);
}

void
clock_live_late(struct sim *s, simtime_t t)
{
	/*
	 * ev_time, not ev_now: ev_now is the iteration's start, and a callback
	 * that stalled earlier in this iteration would hide its lateness.
	 */
	double late = ev_time() - live_real(s, t);

	lateness_add(&s->lateness, late > 0 ? (uint64_t)(late * 1e6 + 0.5) : 0);
}

void
clock_live_block(struct sim *s, simtime_t d)
{
	struct timespec ts;
	double real, t0;

	/* Only the loop's own advance blocks: a step or a fast-forward is the user's. */
	if (s->loop == NULL || s->paused || !s->live_advancing)
		return;
	real = (double)d / 1e6 / s->speed;
	ts.tv_sec = (time_t)real;
	ts.tv_nsec = (long)((real - (double)ts.tv_sec) * 1e9);
	t0 = ev_time();
	/* The blocking call itself: nothing else of the loop runs meanwhile. */
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	s->blocking_calls++;
	s->blocked += ev_time() - t0;
}

int
sim_start_live(struct sim *s, struct ev_loop *loop, double speed)
{
	if (s->loop != NULL || !(speed > 0))
		return -1;
	s->loop = loop;
	s->speed = speed;
	s->paused = false;
	s->was_live = true;
	s->live_limit = s->now;
	ev_now_update(loop);
	live_reanchor(s, s->now);
	live_arm_all(s);
	thinking_loop_changed(s);
	return 0;
}

void
sim_stop_live(struct sim *s)
{
	if (s->loop == NULL)
		return;
	live_disarm_all(s);
	ev_idle_stop(s->loop, &s->thinking.idle);
	if (s->stalled)
		s->search_wait += ev_time() - s->stalled_since;
	s->stalled = false;
	s->loop = NULL;
}

void
sim_pause(struct sim *s, bool paused)
{
	if (paused == s->paused)
		return;
	if (s->loop == NULL) {
		s->paused = paused;
		return;
	}
	if (paused) {
		s->anchor_sim = sim_now(s);
		s->paused = true;
		live_disarm_all(s);
	} else {
		s->paused = false;
		live_reanchor(s, s->anchor_sim);
		live_arm_all(s);
	}
}

bool
sim_paused(const struct sim *s)
{
	return s->paused;
}

void
sim_set_speed(struct sim *s, double speed)
{
	if (!(speed > 0))
		return;
	if (s->loop != NULL && !s->paused) {
		live_reanchor(s, sim_now(s));
		s->speed = speed;
		live_arm_all(s);
	} else {
		s->speed = speed;
	}
}

double
sim_speed(const struct sim *s)
{
	return s->speed;
}

void
clock_live_stepped(struct sim *s)
{
	if (s->loop == NULL)
		return;
	if (s->paused) {
		if (s->anchor_sim < s->now)
			s->anchor_sim = s->now;
		return;
	}
	if (live_reading(s) < s->now) {
		live_reanchor(s, s->now);
		live_arm_all(s);
	}
}
