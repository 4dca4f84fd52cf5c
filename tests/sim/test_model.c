/*
 * sim/model.c: the model for the games as actually played (a per-visit
 * calculation, no event queue) against the measured totals, to the
 * microsecond, for fixed think times over many seeds with chess on (games
 * ending early by mate or a draw), walks and blocking opponents; and the
 * projection for the work left, which with chess off reads the final total
 * at every single event of a run.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdio.h>
#include <string.h>

#include "engine/position.h"
#include "sim/sim.h"
#include "tests/test_asan.h"

static const enum sim_policy all[] = { SIM_SYNC, SIM_ROUND_ROBIN, SIM_READY };

static struct sim *
make(const struct sim_config *c)
{
	char err[256] = "";
	struct sim *s = sim_new(c, all, 3, err, sizeof(err));

	cr_assert(s != NULL, "sim_new: %s", err);
	return s;
}

static void
fixed(struct sim_config *c, int n, int m, int tm, int to, int w)
{
	sim_config_defaults(c);
	c->boards = n;
	c->moves = m;
	dist_fixed(&c->master_think, SIM_SECONDS(tm));
	dist_fixed(&c->opponent_think, SIM_SECONDS(to));
	dist_fixed(&c->walk, SIM_SECONDS(w));
}

/*
 * Games that end early are what the chess-on tests need, not their quality:
 * club mates a random mover in most games, in a tenth of master's search
 * (beginner held out for 30 moves too often to count on).
 */
static void
quick_decisive_games(struct sim_config *c)
{
	snprintf(c->master_profile, sizeof(c->master_profile), "club");
	snprintf(c->opponents, sizeof(c->opponents), "random");
}

/* The chess-on tests play a third of their seeds under AddressSanitizer (tests/test_asan.h). */
enum { SEED_SHARE = TEST_ASAN ? 3 : 1 };

TestSuite(model, .init = engine_init, .timeout = 600);

/* Measured == model for every policy; returns the games that ended early. */
static int
check_played(const struct sim_config *c)
{
	struct sim *s = make(c);
	int early = 0;

	sim_run_virtual(s);
	for (int p = 0; p < 3; p++) {
		struct sim_stats st;

		cr_assert(eq(int, sim_stats(s, p, &st), 0));
		cr_assert(eq(i64, st.total, st.model_total),
			  "%s seed %llu N=%d M=%d: measured %lld, model %lld", sim_policy_name(all[p]),
			  (unsigned long long)c->seed, c->boards, c->moves, (long long)st.total,
			  (long long)st.model_total);
		cr_assert(st.model_exact);
		cr_assert(eq(str, st.model_note, ""));
		early = st.ended_early;
	}
	sim_free(s);
	return early;
}

Test(model, played_equals_measured_with_chess_over_seeds)
{
	struct sim_config c;
	int early = 0;

	/* 12 boards at 5 s / 55 s: master and opponents take turns being the bottleneck. */
	for (uint64_t seed = 1; seed <= 12 / SEED_SHARE; seed++) {
		fixed(&c, seed % 3 == 0 ? 12 : 6 + (int)seed, 60, 5, 55, 0);
		c.seed = seed;
		quick_decisive_games(&c);
		early += check_played(&c);
	}
	cr_assert(gt(int, early, 10 / SEED_SHARE), "too few games ended early (%d) to test anything",
		  early);
}

Test(model, played_equals_measured_with_walks_and_blocking)
{
	struct sim_config c;
	int early = 0;

	for (uint64_t seed = 1; seed <= 8 / SEED_SHARE; seed++) {
		fixed(&c, 3 + (int)seed, 50, 5, 20 + 5 * (int)seed, seed % 2 ? 2 : 0);
		c.seed = seed;
		quick_decisive_games(&c);
		if (seed % 4 == 1) {
			c.blocking[0] = (int)seed % c.boards;
			c.nblocking = 1;
		}
		early += check_played(&c);
	}
	cr_assert(gt(int, early, 5 / SEED_SHARE), "too few games ended early (%d)", early);
}

Test(model, played_equals_measured_chess_off_grid)
{
	struct sim_config c;

	for (int n = 1; n <= 14; n += 3)
		for (int to = 5; to <= 70; to += 13)
			for (int w = 0; w <= 3; w += 3) {
				fixed(&c, n, 4, 5, to, w);
				c.chess = false;
				check_played(&c);
			}
}

Test(model, article_and_model_side_by_side)
{
	struct sim_config c;
	struct sim *s;
	struct sim_stats st;

	fixed(&c, 24, 30, 5, 55, 0);
	quick_decisive_games(&c);
	s = make(&c);
	sim_run_virtual(s);
	cr_assert(eq(int, sim_stats(s, 0, &st), 0));
	cr_assert(eq(i64, st.article_total, SIM_SECONDS(12 * 3600)));
	cr_assert(eq(int, sim_stats(s, 2, &st), 0));
	cr_assert(eq(i64, st.article_total, SIM_SECONDS(3655)));
	/* Seed 1 of the article's times: some games end early and the model knows it. */
	cr_assert(gt(int, st.ended_early, 0));
	cr_assert(lt(i64, st.model_total, st.article_total));
	cr_assert(eq(i64, st.total, st.model_total));
	cr_assert(gt(i64, st.moves_saved, 0));
	cr_assert(ne(str, st.early_boards, (char *)""));
	sim_free(s);
}

/* The model for the work left: with chess off, the final total at every event. */
Test(model, projection_never_moves_with_fixed_times)
{
	struct sim_config c;
	struct sim *s;
	simtime_t want[3];
	int steps = 0;

	fixed(&c, 5, 6, 5, 30, 1);
	c.chess = false;
	for (int p = 0; p < 3; p++)
		want[p] = -1;
	s = make(&c);
	sim_run_virtual(s);
	for (int p = 0; p < 3; p++) {
		struct sim_stats st;

		sim_stats(s, p, &st);
		want[p] = st.total;
	}
	sim_free(s);
	s = make(&c);
	do {
		for (int p = 0; p < 3; p++) {
			struct sim_stats st;

			cr_assert(eq(int, sim_stats(s, p, &st), 0));
			cr_assert(eq(i64, st.model_total, want[p]), "%s after %d events",
				  sim_policy_name(all[p]), steps);
		}
		steps++;
	} while (sim_step(s) == 0);
	cr_assert(gt(int, steps, 100));
	sim_free(s);
}

/* b in the live view: blocking switched on before the run is --blocking-opponent exactly. */
Test(model, blocking_at_run_time_is_the_flag)
{
	struct sim_config c;
	struct sim *a, *b;

	fixed(&c, 6, 5, 5, 55, 0);
	c.chess = false;
	b = make(&c);
	cr_assert(eq(int, sim_set_blocking(b, 2, true), 0));
	cr_assert(sim_blocking(b, 2));
	cr_assert(eq(int, sim_config(b)->nblocking, 1));
	c.blocking[0] = 2;
	c.nblocking = 1;
	a = make(&c);
	sim_run_virtual(a);
	sim_run_virtual(b);
	for (int p = 0; p < 3; p++) {
		struct sim_stats sa, sb;

		sim_stats(a, p, &sa);
		sim_stats(b, p, &sb);
		cr_assert(eq(i64, sa.total, sb.total));
		cr_assert(eq(i64, sb.total, sb.model_total));
		if (p > 0)
			cr_assert(gt(i64, sb.master_blocked, 0));
	}
	cr_assert(eq(int, sim_set_blocking(b, 6, true), -1));
	cr_assert(eq(int, sim_set_blocking(b, 2, false), 0));
	cr_assert(eq(int, sim_config(b)->nblocking, 0));
	sim_free(a);
	sim_free(b);
}
