/*
 * Both clocks, one world: a run on the virtual clock and a run on a real
 * libev loop (at a high speed factor, with the speed changed, a pause, a
 * resume and single steps thrown in) must produce the same event trace,
 * event for event, and the same totals. The live run searches its moves
 * in slices between loop iterations (chess is on), the virtual one in one
 * go. More of this in test_thinking.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <ev.h>

#include "engine/position.h"
#include "sim/sim.h"
#include "sim/snapshot.h"
#include "tests/sim/event_log.h"

static struct sim *
make(struct log *l)
{
	struct sim_config c;
	char err[256];

	engine_init();
	cr_assert(eq(int, sim_preset_apply(&c, "quick", err, sizeof(err)), 0));
	c.boards = 4;
	c.moves = 6;
	c.seed = 11;
	cr_assert(eq(int, dist_parse("uniform:1s..9s", &c.master_think, err, sizeof(err)), 0));
	cr_assert(eq(int, dist_parse("exp:30s", &c.opponent_think, err, sizeof(err)), 0));
	cr_assert(eq(int, dist_parse("2s", &c.walk, err, sizeof(err)), 0));
	return log_sim_new(&c, l);
}

/* Meddles with the clock while it runs: speed changes, pause, steps, resume. */
static void
meddle(struct sim *s, int tick)
{
	switch (tick % 6) {
	case 1: sim_set_speed(s, 20000.0); break;
	case 2: sim_pause(s, true); break;
	case 3: sim_step(s); sim_step(s); break;
	case 4: sim_pause(s, false); break;
	case 5: sim_set_speed(s, 50000.0); break;
	default: break;
	}
}

Test(clocks, virtual_and_live_agree)
{
	struct log lv = { 0 }, ll = { 0 };
	struct sim *sv = make(&lv), *sl = make(&ll);
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_snapshot snap;
	int ticks;

	sim_run_virtual(sv);
	cr_assert(sim_finished(sv, -1));
	cr_assert(eq(int, sim_start_live(sl, loop, 30000.0), 0));
	cr_assert(eq(int, sim_start_live(sl, loop, 30000.0), -1));
	sim_snapshot(sl, &snap);
	cr_assert(snap.live);
	ticks = log_run_live(sl, loop, 0.002, meddle);
	cr_assert(sim_finished(sl, -1));
	cr_assert(ticks > 3, "the driver meddled %d times", ticks);
	cr_assert(gt(sz, lv.events, 100));
	cr_assert(eq(sz, ll.events, lv.events));
	cr_assert(eq(str, ll.buf, lv.buf));
	{
		struct sim_loop_stats ls;

		sim_loop_stats(sl, &ls);
		cr_assert(ls.live);
		cr_assert(gt(u64, ls.slices, 0), "the live run searched in slices");
		cr_assert(gt(u64, ls.timers, 0));
		cr_assert(le(dbl, ls.lateness_p99_ms, ls.lateness_max_ms));
	}
	for (int e = 0; e < 3; e++) {
		struct sim_stats a, b;

		sim_stats(sv, e, &a);
		sim_stats(sl, e, &b);
		cr_assert(eq(i64, a.total, b.total));
		cr_assert(eq(i64, a.wait_p95, b.wait_p95));
	}
	sim_free(sl);	/* stops its watchers before the loop goes */
	sim_free(sv);
	ev_loop_destroy(loop);
	free(lv.buf);
	free(ll.buf);
}

Test(clocks, live_reading_follows_speed_and_pause)
{
	struct log l = { 0 };
	struct sim *s = make(&l);
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	simtime_t a, b;

	sim_start_live(s, loop, 1000.0);
	sim_pause(s, true);
	cr_assert(sim_paused(s));
	a = sim_now(s);
	ev_run(loop, EVRUN_NOWAIT);
	cr_assert(eq(i64, sim_now(s), a));
	/* While paused, a step processes one event and the clock shows its time. */
	cr_assert(eq(int, sim_step(s), 0));
	b = sim_now(s);
	cr_assert(b >= a);
	sim_set_speed(s, 123.0);
	cr_assert(eq(dbl, sim_speed(s), 123.0));
	sim_fast_forward(s, 0);
	cr_assert(sim_finished(s, 0));
	cr_assert(not(sim_finished(s, 1)));
	sim_free(s);
	ev_loop_destroy(loop);
	free(l.buf);
}
