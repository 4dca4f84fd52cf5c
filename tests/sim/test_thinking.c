/*
 * Thinking on the loop: the live clock with the searches in slices, or
 * greedy, or flipping between the two while it runs, gives the very trace
 * the virtual clock gives (moves, events, totals); the loop's measured
 * figures are there and sane; and blocking opponents cost exactly what the
 * model says, per policy, chess off and on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <ev.h>

#include "engine/position.h"
#include "sim/sim.h"
#include "sim/snapshot.h"
#include "tests/sim/event_log.h"

/* A small exhibition with a real master search (~1500 nodes, several slices a move). */
static void
config(struct sim_config *c)
{
	char err[256];

	engine_init();
	cr_assert(eq(int, sim_preset_apply(c, "quick", err, sizeof(err)), 0));
	c->boards = 4;
	c->moves = 6;
	c->seed = 5;
	snprintf(c->master_profile, sizeof(c->master_profile), "master");
	snprintf(c->opponents, sizeof(c->opponents), "club");
	cr_assert(eq(int, dist_parse("uniform:1s..9s", &c->master_think, err, sizeof(err)), 0));
	cr_assert(eq(int, dist_parse("exp:30s", &c->opponent_think, err, sizeof(err)), 0));
}

static struct sim *
make(const struct sim_config *c, struct log *l)
{
	enum sim_policy ps[3] = { SIM_SYNC, SIM_ROUND_ROBIN, SIM_READY };
	char err[256];
	struct sim *s = sim_new(c, ps, 3, err, sizeof(err));

	cr_assert(s != NULL, "%s", err);
	sim_on_event(s, log_event, l);
	return s;
}

struct driver {
	struct sim	*s;
	ev_timer	tick;
	int		ticks;
	bool		flip;	/* flip the greedy switch every tick */
};

static void
tick_cb(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct driver *d = w->data;

	(void)revents;
	d->ticks++;
	if (sim_finished(d->s, -1)) {
		ev_break(loop, EVBREAK_ALL);
		return;
	}
	if (d->flip)
		sim_set_greedy(d->s, !sim_greedy(d->s));
}

/* Runs c live at speed, checks its trace against the virtual clock's, returns its loop figures. */
static void
live_equals_virtual(const struct sim_config *c, double speed, bool flip, struct sim_loop_stats *ls)
{
	struct log lv = { 0 }, ll = { 0 };
	struct sim *sv = make(c, &lv), *sl = make(c, &ll);
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct driver d = { .s = sl, .flip = flip };

	sim_run_virtual(sv);
	cr_assert(eq(int, sim_start_live(sl, loop, speed), 0));
	ev_timer_init(&d.tick, tick_cb, 0.001, 0.001);
	d.tick.data = &d;
	ev_timer_start(loop, &d.tick);
	ev_run(loop, 0);
	ev_timer_stop(loop, &d.tick);
	cr_assert(sim_finished(sl, -1));
	cr_assert(gt(sz, lv.events, 100));
	cr_assert(eq(sz, ll.events, lv.events));
	cr_assert(eq(str, ll.buf, lv.buf));
	for (int e = 0; e < 3; e++) {
		struct sim_stats a, b;

		sim_stats(sv, e, &a);
		sim_stats(sl, e, &b);
		cr_assert(eq(i64, a.total, b.total));
		cr_assert(eq(i64, a.master_busy, b.master_busy));
	}
	sim_loop_stats(sl, ls);
	cr_assert(ls->live);
	cr_assert(gt(u64, ls->timers, 0));
	cr_assert(ge(dbl, ls->lateness_max_ms, 0.0));
	cr_assert(ge(dbl, ls->lateness_p99_ms, 0.0));
	cr_assert(le(dbl, ls->lateness_p99_ms, ls->lateness_max_ms));
	cr_assert(le(dbl, ls->lateness_mean_ms, ls->lateness_max_ms));
	cr_assert(gt(u64, ls->master_searches, 0));
	cr_assert(gt(dbl, ls->search_cpu_s, 0.0));
	cr_assert(le(dbl, ls->search_cpu_mean_ms, ls->search_cpu_max_ms));
	{
		/* The virtual run searched the same moves, in one go, never on a loop. */
		struct sim_loop_stats vs;

		sim_loop_stats(sv, &vs);
		cr_assert(not(vs.live));
		cr_assert(eq(u64, vs.timers, 0));
		cr_assert(eq(u64, vs.slices, 0));
		cr_assert(eq(u64, vs.master_searches, ls->master_searches));
	}
	sim_free(sl);
	sim_free(sv);
	ev_loop_destroy(loop);
	free(lv.buf);
	free(ll.buf);
}

Test(thinking, sliced_live_equals_virtual)
{
	struct sim_config c;
	struct sim_loop_stats ls;

	config(&c);
	live_equals_virtual(&c, 30000.0, false, &ls);
	cr_assert(not(ls.greedy));
	/* 1500-node searches in 256-node slices: several slices a move. */
	cr_assert(gt(u64, ls.slices, ls.master_searches));
	cr_assert(eq(u64, ls.blocking_calls, 0));
}

Test(thinking, greedy_live_equals_virtual)
{
	struct sim_config c;
	struct sim_loop_stats ls;

	config(&c);
	c.greedy = true;
	live_equals_virtual(&c, 30000.0, false, &ls);
	cr_assert(ls.greedy);
	cr_assert(eq(u64, ls.slices, 0));
	cr_assert(eq(u64, ls.search_waits, 0));
}

Test(thinking, flipping_greedy_while_running_changes_nothing)
{
	struct sim_config c;
	struct sim_loop_stats ls;

	config(&c);
	live_equals_virtual(&c, 20000.0, true, &ls);
}

Test(thinking, stats_reset_forgets_lateness_keeps_cpu)
{
	struct sim_config c;
	struct log l = { 0 };
	struct sim *s;
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_loop_stats a, b;

	config(&c);
	s = make(&c, &l);
	sim_start_live(s, loop, 1e6);
	while (!sim_finished(s, -1))
		ev_run(loop, EVRUN_ONCE);
	sim_loop_stats(s, &a);
	sim_loop_stats_reset(s);
	sim_loop_stats(s, &b);
	cr_assert(gt(u64, a.timers, 0));
	cr_assert(eq(u64, b.timers, 0));
	cr_assert(eq(dbl, b.lateness_max_ms, 0.0));
	cr_assert(eq(u64, b.master_searches, a.master_searches));
	cr_assert(eq(dbl, b.search_cpu_s, a.search_cpu_s));
	sim_free(s);
	ev_loop_destroy(loop);
	free(l.buf);
}
