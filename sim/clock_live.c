/*
 * The live clock: simulated time mapped onto the loop's real time,
 *
 *	sim = anchor_sim + (real - anchor_real) * speed,
 *
 * re-anchored whenever the speed changes, on resume and after a step, so
 * the reading never jumps. It drives the model through events.c alone.
 *
 * One ev_timer serves every task of every exhibition: it is armed at the
 * real time the model's next event maps to, and its callback processes
 * every event up to that simulated time, then re-arms it for the new head.
 * This is libev's advice for many timers of the same kind (the model's
 * own queue keeps them in order; the loop holds one), and a speed change
 * or a resume re-arms one watcher, not one per waiting task. Every entry
 * point here that may change the head (timer, idle, step, fast-forward,
 * pause, speed) re-arms the timer before it returns.
 *
 * An ev_idle watcher runs the searches in slices between loop iterations
 * (thinking.c). An event whose move is still being searched holds the
 * clock: the advance stops before it, the timer stays off, and when the
 * search is done the idle callback goes on as far as the reading has come.
 * Simulated time stays exact; the real lateness of each event processed
 * from the loop (processed at minus due at, in real time) is measured.
 * This is the one file of the model that looks at real time at all
 * (ev_now), besides thinking.c's CPU clock.
 *
 * The idle watcher also searches ahead of the clock (ahead.c): the games
 * do not depend on timing, so when nothing is due it searches the plies
 * the plan has due within AHEAD_LEAD_S of real time. And when the clock is
 * so fast that the searches left would not fit into a quarter of the run
 * (PREPARE_SHARE: a loop kept busy searching is a loop the kernel preempts
 * for other processes, late), the clock starts held ("preparing"): the
 * idle watcher searches ahead until they fit, or PREPARE_MAX_S has
 * passed, and the clock starts from there.
 * The wait is measured (prepare_s) and reported, never hidden in the
 * lateness, which stays the clock's own.
 */
#include <errno.h>
#include <time.h>

#include "engine/macros.h"
#include "sim/sim_internal.h"

enum {
	AHEAD_LEAD_S = 2,	/* real seconds of plies searched ahead while the clock runs */
	PREPARE_MAX_S = 5	/* the longest the clock is held at its start */
};

/* The searches left must fit into this share of the run's real time for the clock to start. */
#define PREPARE_SHARE 0.25

static void live_wake(struct sim *s, int board);

/* The raw reading, before clamping to the events. */
static simtime_t
live_reading(const struct sim *s)
{
	double dt;

	if (s->paused || s->preparing)
		return s->anchor_sim;
	dt = ev_now(s->loop) - s->anchor_real;
	if (dt < 0)
		dt = 0;
	return s->anchor_sim + (simtime_t)(dt * s->speed * 1e6);
}

/* The real clock's reading now: ev_time, since a stalled callback is real time too. */
static simtime_t
real_reading(const struct sim *s)
{
	double dt = ev_time() - s->anchor_real;

	return s->anchor_sim + (simtime_t)((dt > 0 ? dt : 0) * s->speed * 1e6);
}

/* The real time simulated time t maps to under the current anchor. */
static ev_tstamp
live_real(const struct sim *s, simtime_t t)
{
	return s->anchor_real + (double)(t - s->anchor_sim) / 1e6 / s->speed;
}

static void
live_reanchor(struct sim *s, simtime_t at)
{
	s->anchor_sim = at;
	s->anchor_real = ev_now(s->loop);
}

/* The one timer, at the head of the model's queue (off while paused or held). */
static void
live_rearm(struct sim *s)
{
	simtime_t next;
	double delay;

	if (s->loop == NULL)
		return;
	next = s->paused || s->stalled || s->preparing ? -1 : events_next_time(s);
	/* libev forbids ev_timer_set on an active watcher: stop first. */
	ev_timer_stop(s->loop, &s->timer);
	if (next < 0)
		return;
	delay = live_real(s, next) - ev_now(s->loop);
	ev_timer_set(&s->timer, delay > 0 ? delay : 0., 0.);
	s->timer_at = next;
	ev_timer_start(s->loop, &s->timer);
}

/* How far ahead of the clock plies are searched: AHEAD_LEAD_S, or all while held. */
static simtime_t
live_horizon(const struct sim *s)
{
	if (s->preparing)
		return AHEAD_DUE;
	return sim_now(s) + (simtime_t)(AHEAD_LEAD_S * s->speed * 1e6);
}

/*
 * Slices run while a search is in flight, while the clock waits for one,
 * while it is held to prepare, and while a ply is to be searched ahead.
 */
static void
live_idle_update(struct sim *s)
{
	if (s->loop != NULL && (thinking_sliced(s) || s->stalled || s->preparing ||
				thinking_ahead_pending(s, live_horizon(s))))
		ev_idle_start(s->loop, &s->idle);
}

/*
 * Plies still to search before the searches left fit into PREPARE_SHARE
 * of the run's real time left (the plan's fastest exhibition); -1 before
 * a search has told what one costs. A search costs its CPU time divided
 * by the share of real time the searches got while held: the loop's own
 * work and a busy machine slow them down too.
 */
static double
live_prepare_left(const struct sim *s)
{
	const struct search_tally *th = &s->thinking.searched;
	double master = th->master_searches ? th->master_cpu / (double)th->master_searches : 0;
	double opp = th->opponent_searches ? th->opponent_cpu / (double)th->opponent_searches : 0;
	double per_ply = (master > 0 ? master : opp) / 2 + (opp > 0 ? opp : master) / 2;
	double real_left = (double)(ahead_plan_end(s) - s->now) / 1e6 / s->speed, left;
	double held = ev_time() - s->prepare_since;
	double cpu = th->master_cpu + th->opponent_cpu - s->prepare_cpu;

	if (per_ply <= 0)
		return -1;
	if (real_left <= 0)
		return 0;	/* past the plan's end: whatever is left is the end of a game or two */
	if (cpu > 0 && held > cpu)
		per_ply *= held / cpu;
	left = (double)ahead_plies_left(s) - PREPARE_SHARE * real_left / per_ply;
	return left > 0 ? left : 0;
}

/* Held: the clock starts once the searches left fit, nothing is left, or time is up. */
static void
live_prepare_check(struct sim *s, bool searched)
{
	double left = live_prepare_left(s), held = ev_time() - s->prepare_since, done = 0;

	s->prepared = (uint64_t)(s->recorded - s->prepare_from);
	if (left >= 0 && s->prepared + left > 0)
		done = (double)s->prepared / ((double)s->prepared + left);
	/* The hold ends at the first of the two: progress is the nearer. */
	if (done < held / PREPARE_MAX_S)
		done = held / PREPARE_MAX_S;
	s->prepare_pct = (int)(100 * done);
	if (searched && left != 0 && held < PREPARE_MAX_S)
		return;
	s->preparing = false;
	s->prepare_s += ev_time() - s->prepare_since;
	ev_now_update(s->loop);
	if (!s->paused)
		live_reanchor(s, s->anchor_sim);
	live_rearm(s);
}

/* A blocking opponent thinks d: the callback really blocks, nothing else of the loop runs. */
static void
live_block(struct sim *s, simtime_t d)
{
	struct timespec ts;
	double real = (double)d / 1e6 / s->speed, t0;

	ts.tv_sec = (time_t)real;
	ts.tv_nsec = (long)((real - (double)ts.tv_sec) * 1e9);
	t0 = ev_time();
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	s->blocking_calls++;
	s->blocked += ev_time() - t0;
}

/* Every event up to limit; -1 when it stopped at one whose move is still searched. */
static int
live_process_to(struct sim *s, simtime_t limit)
{
	simtime_t t;

	while ((t = events_next_time(s)) >= 0 && t <= limit) {
		double late;

		if (!events_next_ready(s)) {
			/* Real clock: an engine still thinking holds its own board only. */
			if (s->real && events_next_engine(s)) {
				events_park_next(s);
				continue;
			}
			/* Every later event waits too: the order is global, whatever the clock. */
			return -1;
		}
		if (s->real)
			s->floor = real_reading(s);
		/*
		 * ev_time, not ev_now: ev_now is the iteration's start, and a
		 * callback that stalled earlier in this iteration would hide
		 * its lateness.
		 */
		late = ev_time() - live_real(s, t);
		histogram_add(&s->lateness, late > 0 ? (uint64_t)(late * 1e6 + 0.5) : 0);
		s->blocking_call = 0;
		s->thinking.in_timer = true;
		events_process_next(s);
		s->thinking.in_timer = false;
		if (s->blocking_call > 0)
			live_block(s, s->blocking_call);
	}
	return 0;
}

static void
live_advance(struct sim *s)
{
	bool was = s->stalled;

	s->stalled = live_process_to(s, s->live_limit) < 0;
	if (s->stalled && !was) {
		s->search_waits++;
		s->stalled_since = ev_time();
	} else if (!s->stalled && was) {
		s->search_wait += ev_time() - s->stalled_since;
	}
	live_rearm(s);
	live_idle_update(s);
}

/* The two-line adapters: the timer advances the world to its own event's time. */
static void
live_timer_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct sim *s = container_of(w, struct sim, timer);

	(void)loop;
	(void)revents;
	if (s->timer_at > s->live_limit)
		s->live_limit = s->timer_at;
	live_advance(s);
}

static void
live_idle_cb(struct ev_loop *loop, ev_idle *w, int revents)
{
	struct sim *s = container_of(w, struct sim, idle);
	const struct thinking *th = &s->thinking;

	bool searched;

	(void)revents;
	searched = thinking_run_slice(s, live_horizon(s));
	if (s->preparing)
		live_prepare_check(s, searched);
	if (s->stalled && !s->paused && th->wanted < 0) {
		/* The held event's search is done: on as far as the clock has come meanwhile. */
		simtime_t t = live_reading(s);

		if (t > s->live_limit)
			s->live_limit = t;
		live_advance(s);
	}
	/* Nothing to search (greedy: what is in flight finishes when due): live_advance restarts it. */
	if (!searched && !s->preparing && (!s->stalled || s->paused || th->wanted < 0))
		ev_idle_stop(loop, w);
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
	next = events_next_time(s);
	if (next < 0)
		return s->now;
	return t < next ? t : next;
}

int
sim_start_real(struct sim *s, struct ev_loop *loop, double speed)
{
	if (s->loop != NULL || s->was_live)
		return -1;
	s->real = true;
	return sim_start_live(s, loop, speed);
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
	ev_timer_init(&s->timer, live_timer_cb, 0., 0.);
	ev_idle_init(&s->idle, live_idle_cb);
	s->wake = live_wake;
	ev_now_update(loop);
	live_reanchor(s, s->now);
	/* Real clock: nothing is held; engines' plies are not searched ahead. */
	s->preparing = !s->real && s->records != NULL && s->engines == NULL && !s->thinking.greedy;
	s->prepare_since = ev_time();
	s->prepare_from = s->recorded;
	s->prepare_cpu = s->thinking.searched.master_cpu + s->thinking.searched.opponent_cpu;
	s->prepare_pct = 0;
	live_rearm(s);
	live_idle_update(s);
	return 0;
}

void
sim_stop_live(struct sim *s)
{
	if (s->loop == NULL)
		return;
	ev_timer_stop(s->loop, &s->timer);
	ev_idle_stop(s->loop, &s->idle);
	if (s->stalled)
		s->search_wait += ev_time() - s->stalled_since;
	if (s->preparing)
		s->prepare_s += ev_time() - s->prepare_since;
	s->stalled = false;
	s->preparing = false;
	s->wake = NULL;
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
	} else {
		s->paused = false;
		live_reanchor(s, s->anchor_sim);
	}
	live_rearm(s);
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
		live_rearm(s);
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
sim_set_greedy(struct sim *s, bool greedy)
{
	s->thinking.greedy = greedy;
	live_idle_update(s);
}

bool
sim_greedy(const struct sim *s)
{
	return s->thinking.greedy;
}

/* After a step or a fast-forward: the clock reads the stepped event's time from now on. */
static void
live_stepped(struct sim *s)
{
	if (s->loop == NULL)
		return;
	if (s->paused || s->preparing) {
		if (s->anchor_sim < s->now)
			s->anchor_sim = s->now;
	} else if (live_reading(s) < s->now) {
		live_reanchor(s, s->now);
	}
	live_rearm(s);
	/* A held-back clock may be free to go on now: the idle watcher resumes it. */
	live_idle_update(s);
}

static void
live_wake(struct sim *s, int board)
{
	if (s->loop != NULL && s->real) {
		/* Its event comes back in at the real time of the answer; the timer goes for it. */
		events_unpark(s, board, real_reading(s));
		live_rearm(s);
	}
	/* The idle callback goes on as far as the reading has come, as after a search. */
	if (s->loop != NULL && s->stalled && !s->paused)
		ev_idle_start(s->loop, &s->idle);
}

int
sim_step(struct sim *s)
{
	/* No readiness check: a search still in flight finishes now, in one go. */
	if (events_process_next(s) < 0)
		return -1;
	live_stepped(s);
	return 0;
}

void
sim_fast_forward(struct sim *s, int ex)
{
	/* Its own order is kept; only its interleaving with the others is skipped. */
	while (events_process_of(s, ex) == 0)
		;
	live_stepped(s);
}
