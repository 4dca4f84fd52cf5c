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
#include "tests/criterion_assert.h"
#include <ev.h>

#include "engine/position.h"
#include "sim/sim.h"
#include "sim/snapshot.h"
#include "tests/sim/event_log.h"

/*
 * A small exhibition with real searches on both sides: club's ~1500 nodes
 * are several slices a move, which is all the slicing needs (master's
 * 22,500 would be 88, and ten times the suite's time under ASan).
 */
static void
config(struct sim_config *c)
{
	char err[256];

	engine_init();
	cr_assert(eq(int, sim_preset_apply(c, "quick", err, sizeof(err)), 0));
	c->boards = 4;
	c->moves = 6;
	c->seed = 5;
	snprintf(c->master_profile, sizeof(c->master_profile), "club");
	snprintf(c->opponents, sizeof(c->opponents), "club");
	cr_assert(eq(int, dist_parse("uniform:1s..9s", &c->master_think, err, sizeof(err)), 0));
	cr_assert(eq(int, dist_parse("exp:30s", &c->opponent_think, err, sizeof(err)), 0));
}

static void
flip_greedy(struct sim *s, int tick)
{
	(void)tick;
	sim_set_greedy(s, !sim_greedy(s));
}

/* The three exhibitions of a and b took the same simulated time, the master as busy. */
static void
totals_equal(const struct sim *a, const struct sim *b)
{
	for (int e = 0; e < 3; e++) {
		struct sim_stats sa, sb;

		sim_stats(a, e, &sa);
		sim_stats(b, e, &sb);
		cr_assert(eq(i64, sa.total, sb.total));
		cr_assert(eq(i64, sa.master_busy, sb.master_busy));
	}
}

/* Runs c live at speed, checks its trace against the virtual clock's, returns its loop figures. */
static void
live_equals_virtual(const struct sim_config *c, double speed, bool flip, struct sim_loop_stats *ls)
{
	struct log lv = { 0 }, ll = { 0 };
	struct sim *sv = log_sim_new(c, &lv), *sl = log_sim_new(c, &ll);
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);

	sim_run_virtual(sv);
	cr_assert(eq(int, sim_start_live(sl, loop, speed), 0));
	log_run_live(sl, loop, 0.001, flip ? flip_greedy : NULL);
	cr_assert(sim_finished(sl, -1));
	cr_assert(gt(sz, lv.events, 100));
	cr_assert(eq(sz, ll.events, lv.events));
	cr_assert(eq(str, ll.buf, lv.buf));
	totals_equal(sv, sl);
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

/* ---- searching ahead of the clock ---------------------------------- */

/*
 * The games do not depend on timing, so the idle watcher searches plies
 * ahead of their players' thinks, and holds a clock too fast for the
 * searches at its start: whatever the speed, the trace, the moves and the
 * totals are the virtual clock's, and each ply is still searched once.
 */
Test(thinking, searching_ahead_changes_no_move_at_any_speed)
{
	static const double speeds[] = { 300.0, 3000.0, 30000.0, 300000.0 };
	struct sim_config c;

	config(&c);
	for (size_t i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++) {
		struct sim_loop_stats ls;

		live_equals_virtual(&c, speeds[i], false, &ls);
		cr_assert(gt(u64, ls.ahead_searches, 0), "at %gx", speeds[i]);
		cr_assert(le(u64, ls.ahead_searches, ls.master_searches + ls.opponent_searches));
		cr_assert(not(ls.preparing));
	}
}

/* Runs the loop until the clock is no longer held; the figures then. */
static void
run_while_preparing(struct sim *s, struct ev_loop *loop, struct sim_loop_stats *ls)
{
	do {
		ev_run(loop, EVRUN_ONCE);
		sim_loop_stats(s, ls);
	} while (ls->preparing);
}

/*
 * Too fast for its searches (the whole run lasts well under a
 * millisecond of real time), the clock is held at 0 while every game is
 * searched ahead, and the hold is measured, not hidden in the lateness.
 */
Test(thinking, a_clock_too_fast_is_held_while_the_games_are_searched)
{
	struct sim_config c;
	struct log l = { 0 };
	struct sim *s;
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_loop_stats ls;

	config(&c);
	s = log_sim_new(&c, &l);
	cr_assert(eq(int, sim_start_live(s, loop, 1e6), 0));
	sim_loop_stats(s, &ls);
	cr_assert(ls.preparing);
	cr_assert(eq(i64, sim_now(s), 0));
	run_while_preparing(s, loop, &ls);
	/* Every ply of every game, each searched once, before any event but the first. */
	cr_assert(eq(u64, ls.prepared, ls.master_searches + ls.opponent_searches));
	cr_assert(eq(u64, ls.ahead_searches, ls.prepared));
	cr_assert(gt(dbl, ls.prepare_s, 0.0));
	cr_assert(eq(u64, ls.timers, 0));
	while (!sim_finished(s, -1))
		ev_run(loop, EVRUN_ONCE);
	sim_loop_stats(s, &ls);
	cr_assert(eq(u64, ls.master_searches + ls.opponent_searches, ls.prepared));
	cr_assert(eq(u64, ls.search_waits, 0));
	sim_free(s);
	ev_loop_destroy(loop);
	free(l.buf);
}

/*
 * At 1x the searches keep up by far: the hold lasts the one search that
 * tells what a search costs, and nothing is searched further ahead than
 * AHEAD_LEAD_S (2 s) of the plan, which has no move due that soon.
 */
Test(thinking, a_slow_clock_searches_ahead_only_its_lead)
{
	struct sim_config c;
	struct log l = { 0 };
	struct sim *s;
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_loop_stats ls;
	ev_tstamp until;

	config(&c);
	s = log_sim_new(&c, &l);
	cr_assert(eq(int, sim_start_live(s, loop, 1.0), 0));
	run_while_preparing(s, loop, &ls);
	cr_assert(eq(u64, ls.prepared, 1));
	until = ev_time() + 0.2;
	while (ev_time() < until)
		ev_run(loop, EVRUN_NOWAIT);
	sim_loop_stats(s, &ls);
	cr_assert(eq(u64, ls.ahead_searches, 1));
	cr_assert(eq(u64, ls.master_searches + ls.opponent_searches, 1));
	sim_free(s);
	ev_loop_destroy(loop);
	free(l.buf);
}

/*
 * Greedy searches inside the timer's callback on purpose, to show the
 * stall: a move already searched ahead is searched there again when it is
 * first played, so the stall shows as it did before, and the moves stay.
 */
Test(thinking, greedy_still_stalls_when_the_moves_were_searched_ahead)
{
	struct sim_config c;
	struct log lv = { 0 }, ll = { 0 };
	struct sim *sv, *sl;
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_loop_stats ls;

	config(&c);
	sv = log_sim_new(&c, &lv);
	sl = log_sim_new(&c, &ll);
	sim_run_virtual(sv);
	cr_assert(eq(int, sim_start_live(sl, loop, 1e6), 0));
	run_while_preparing(sl, loop, &ls);
	cr_assert(eq(u64, ls.prepared, ls.master_searches + ls.opponent_searches));
	sim_set_greedy(sl, true);
	sim_set_greedy_stall(sl, 0.02);
	sim_loop_stats_reset(sl);
	while (!sim_finished(sl, -1))
		ev_run(loop, EVRUN_ONCE);
	sim_loop_stats(sl, &ls);
	cr_assert(ge(dbl, ls.lateness_max_ms, 20.0));
	cr_assert(eq(str, ll.buf, lv.buf));
	sim_free(sl);
	sim_free(sv);
	ev_loop_destroy(loop);
	free(lv.buf);
	free(ll.buf);
}

Test(thinking, stats_reset_forgets_lateness_keeps_cpu)
{
	struct sim_config c;
	struct log l = { 0 };
	struct sim *s;
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_loop_stats a, b;

	config(&c);
	s = log_sim_new(&c, &l);
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

/* ---- games prepared on threads ---------------------------------------- */

/*
 * Runs c on the virtual clock, its games prepared first on threads (used:
 * how many it should take), into l; *searched: the master's moves searched
 * before the clock ran.
 */
static struct sim *
prepared_run(const struct sim_config *c, struct log *l, int threads, int used,
	     const volatile sig_atomic_t *stop, uint64_t *searched)
{
	struct sim *s = log_sim_new(c, l);
	struct sim_loop_stats ls;

	cr_assert(eq(int, sim_prepare_games(s, threads, stop), used));
	sim_loop_stats(s, &ls);
	*searched = ls.master_searches;
	sim_run_virtual(s);
	cr_assert(sim_finished(s, -1));
	return s;
}

Test(thinking, games_prepared_on_threads_are_the_games_searched_on_the_clock)
{
	struct sim_config c;
	struct log l1 = { 0 }, l3 = { 0 }, lstop = { 0 };
	static volatile sig_atomic_t stopped = 1;
	struct sim *s1, *s3, *sstop;
	uint64_t before1, before3, before_stop;

	config(&c);
	c.boards = 7;
	s1 = prepared_run(&c, &l1, 1, 0, NULL, &before1);
	s3 = prepared_run(&c, &l3, 3, 3, NULL, &before3);
	/* Stopped before the first ply: nothing prepared, the clock searches it all. */
	sstop = prepared_run(&c, &lstop, 2, 2, &stopped, &before_stop);
	cr_assert(eq(u64, before1, 0));
	cr_assert(eq(u64, before_stop, 0));
	cr_assert(gt(sz, l1.events, 100));
	cr_assert(eq(str, l3.buf, l1.buf));
	cr_assert(eq(str, lstop.buf, l1.buf));
	totals_equal(s1, s3);
	{
		/* Each move searched once either way, counted as the clock counts it. */
		struct sim_loop_stats a, b;

		sim_loop_stats(s1, &a);
		sim_loop_stats(s3, &b);
		cr_assert(gt(u64, a.master_searches, 0));
		cr_assert(eq(u64, b.master_searches, a.master_searches));
		/* All of them before the clock ran: it only replayed the records. */
		cr_assert(eq(u64, before3, a.master_searches));
		cr_assert(eq(u64, b.opponent_searches, a.opponent_searches));
		cr_assert(gt(dbl, b.search_cpu_s, 0.0));
	}
	/* Once a move is chosen (here: all of them) there is nothing to prepare. */
	cr_assert(eq(int, sim_prepare_games(s3, 3, NULL), 0));
	sim_free(s1);
	sim_free(s3);
	sim_free(sstop);
	free(l1.buf);
	free(l3.buf);
	free(lstop.buf);
}

/* ---- blocking opponents ------------------------------------------------ */

static void
run_virtual(const struct sim_config *c, enum sim_policy p, struct sim_stats *st)
{
	char err[256];
	struct sim *s = sim_new(c, &p, 1, err, sizeof(err));

	cr_assert(s != NULL, "%s", err);
	sim_run_virtual(s);
	cr_assert(sim_finished(s, 0));
	sim_stats(s, 0, st);
	sim_free(s);
}

/* The formula of sim.h, written out again here so the test checks the code, not itself. */
static simtime_t
blocking_formula(int n, int m, simtime_t tm, simtime_t to, simtime_t w, int k, bool last_blocks)
{
	if (n == 1)
		w = 0;
	return (simtime_t)n * m * tm + ((simtime_t)n * m - 1) * w + (simtime_t)k * m * to +
	       (last_blocks ? 0 : to);
}

Test(thinking, blocking_totals_are_exact_chess_off)
{
	static const int ns[] = { 1, 2, 3, 5, 24 };
	static const int ms[] = { 1, 2, 4 };
	static const int tms[] = { 5, 20 };
	static const int tos[] = { 55, 3 };
	static const int ws[] = { 0, 2 };
	int checked = 0;

	for (size_t a = 0; a < sizeof(ns) / sizeof(ns[0]); a++)
	for (size_t b = 0; b < sizeof(ms) / sizeof(ms[0]); b++)
	for (size_t d = 0; d < sizeof(tms) / sizeof(tms[0]); d++)
	for (size_t e = 0; e < sizeof(tos) / sizeof(tos[0]); e++)
	for (size_t f = 0; f < sizeof(ws) / sizeof(ws[0]); f++)
	for (int set = 0; set < 4; set++) {
		struct sim_config c;
		struct sim_stats plain, st;
		int n = ns[a], k;
		bool last;

		sim_config_defaults(&c);
		c.chess = false;
		c.boards = n;
		c.moves = ms[b];
		dist_fixed(&c.master_think, SIM_SECONDS(tms[d]));
		dist_fixed(&c.opponent_think, SIM_SECONDS(tos[e]));
		dist_fixed(&c.walk, SIM_SECONDS(ws[f]));
		/* {1}, {N}, {1, N}, {2, 3}: first, last, both, middle. */
		switch (set) {
		case 0: c.blocking[0] = 0; c.nblocking = 1; break;
		case 1: c.blocking[0] = n - 1; c.nblocking = 1; break;
		case 2: c.blocking[0] = 0; c.blocking[1] = n - 1; c.nblocking = n > 1 ? 2 : 1; break;
		default:
			if (n < 4)
				continue;
			c.blocking[0] = 1; c.blocking[1] = 2; c.nblocking = 2; break;
		}
		k = c.nblocking;
		last = false;
		for (int i = 0; i < k; i++)
			last = last || c.blocking[i] == n - 1;
		for (int p = 0; p < SIM_POLICY_NB; p++) {
			struct sim_config c0 = c;
			simtime_t want;

			c0.nblocking = 0;
			run_virtual(&c0, (enum sim_policy)p, &plain);
			run_virtual(&c, (enum sim_policy)p, &st);
			/* Each blocking board blocks him once per master move there. */
			cr_assert(eq(i64, st.master_blocked, (simtime_t)k * c.moves * SIM_SECONDS(tos[e])),
				  "N=%d M=%d %s", n, c.moves, sim_policy_name((enum sim_policy)p));
			cr_assert(eq(i64, st.master_busy, plain.master_busy));
			if (p == SIM_SYNC) {
				cr_assert(eq(i64, st.total, plain.total), "sync is unchanged");
				cr_assert(eq(i64, st.total, st.model_total));
				continue;
			}
			want = blocking_formula(n, c.moves, SIM_SECONDS(tms[d]), SIM_SECONDS(tos[e]),
						SIM_SECONDS(ws[f]), k, last);
			cr_assert(eq(i64, st.model_total, want));
			cr_assert(ge(i64, st.total, want), "the model is at least a lower bound");
			cr_assert(ge(i64, st.total, plain.total), "blocking never helps");
			if (p == SIM_READY || ws[f] == 0 || last || n == 1) {
				cr_assert(st.model_exact);
				cr_assert(eq(i64, st.total, want), "N=%d M=%d Tm=%d To=%d W=%d set %d %s",
					  n, c.moves, tms[d], tos[e], ws[f], set,
					  sim_policy_name((enum sim_policy)p));
				cr_assert(eq(str, st.model_note, ""));
				checked++;
			}
		}
	}
	cr_assert(gt(int, checked, 300));
}

Test(thinking, blocking_article)
{
	struct sim_config c;
	struct sim_stats st;
	char err[128];

	cr_assert(eq(int, sim_preset_apply(&c, "article", err, sizeof(err)), 0));
	c.chess = false;
	c.blocking[0] = 0;
	c.nblocking = 1;
	run_virtual(&c, SIM_SYNC, &st);
	cr_assert(eq(i64, st.total, SIM_SECONDS(12 * 3600)));
	run_virtual(&c, SIM_READY, &st);
	/* 720 x 5 s of thinking, 30 x 55 s blocked at board 1, board 24's last 55 s: 1:28:25. */
	cr_assert(eq(i64, st.total, SIM_SECONDS(3600 + 30 * 55 + 55)));
	cr_assert(eq(i64, st.master_blocked, SIM_SECONDS(30 * 55)));
	cr_assert(eq(i64, st.wait_max, SIM_SECONDS(23 * 5 + 55)));
}

/* Chess on: exact too, as long as no game ends early by a chess rule. */
Test(thinking, blocking_totals_chess_on)
{
	struct sim_config c;
	int exact = 0;

	config(&c);
	dist_fixed(&c.master_think, SIM_SECONDS(5));
	dist_fixed(&c.opponent_think, SIM_SECONDS(55));
	c.blocking[0] = 1;
	c.blocking[1] = 3;
	c.nblocking = 2;
	for (int p = 0; p < SIM_POLICY_NB; p++) {
		struct sim_stats st;

		run_virtual(&c, (enum sim_policy)p, &st);
		if (st.ended_early > 0)
			continue;
		exact++;
		cr_assert(st.model_exact);
		cr_assert(eq(i64, st.total, st.model_total), "%s", sim_policy_name(st.policy));
	}
	cr_assert(eq(int, exact, SIM_POLICY_NB), "no game of this seed ends early");
}

/* Live: the callback really sleeps the scaled think; the trace is still the virtual one. */
Test(thinking, blocking_live_sleeps_and_equals_virtual)
{
	struct sim_config c;
	struct sim_loop_stats ls;

	config(&c);
	c.blocking[0] = 0;
	c.nblocking = 1;
	live_equals_virtual(&c, 30000.0, false, &ls);
	/* Board 1 blocks after each of its 6 master moves, in each of the 3 exhibitions. */
	cr_assert(eq(u64, ls.blocking_calls, 3 * 6));
	cr_assert(gt(dbl, ls.blocked_s, 0.0));
	/* The sleeps froze the loop: some event ran at least one sleep's worth late. */
	cr_assert(gt(dbl, ls.lateness_max_ms, 0.0));
}

Test(thinking, blocked_master_in_snapshot)
{
	struct sim_config c;
	struct log l = { 0 };
	struct sim *s;
	struct sim_snapshot snap;
	enum sim_policy p = SIM_READY;
	char err[256];
	bool seen = false;

	config(&c);
	c.chess = false;
	dist_fixed(&c.master_think, SIM_SECONDS(5));
	dist_fixed(&c.opponent_think, SIM_SECONDS(55));
	c.blocking[0] = 2;
	c.nblocking = 1;
	s = sim_new(&c, &p, 1, err, sizeof(err));
	sim_on_event(s, log_event, &l);
	while (sim_step(s) == 0) {
		sim_snapshot(s, &snap);
		if (snap.ex[0].master_blocked) {
			struct sim_board_view bv;

			seen = true;
			cr_assert(eq(int, snap.ex[0].master, SIM_MASTER_WAITING));
			cr_assert(eq(int, snap.ex[0].master_board, 2));
			cr_assert(eq(i64, snap.ex[0].master_until - snap.ex[0].master_since,
				     SIM_SECONDS(55)));
			cr_assert(gt(sz, snap.ex[0].nblocks, 0));
			sim_board_view(s, 0, 2, &bv);
			cr_assert(bv.blocking);
		}
	}
	cr_assert(seen);
	sim_snapshot(s, &snap);
	cr_assert(eq(sz, snap.ex[0].nblocks, (size_t)c.moves));
	cr_assert(eq(i64, snap.ex[0].master_blocked_total, SIM_SECONDS(55) * c.moves));
	cr_assert(strstr(l.buf, " master-waits 55000000 ") != NULL, "blocked wait carries To");
	sim_free(s);
	free(l.buf);
}
