/*
 * The wait statistics as sim_stats reports them, on exhibitions whose
 * waits are known in closed form: sync, one master move a game, Tm + To =
 * 1 s and no walk, so board k (0-based) waits exactly k seconds for the
 * master's first visit and nobody waits again. The expected percentiles
 * are nearest-rank values computed here from that list, independently of
 * sim/samples.c; with 21 boards the waits are 0..20 s, so p95 = 19 s
 * where p90 would be 18 s. With 11 or 13 boards n*p/100 has a fraction
 * under one half, where rounding the rank instead of taking its ceiling
 * would be one second short.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>

#include "sim/sim.h"

/* Nearest rank of the sorted waits 0, 1, ..., n-1 s: the ceil(n*p/100)-th. */
static simtime_t
nearest_rank(int n, int p)
{
	int rank = (n * p + 99) / 100;

	return SIM_SECONDS(rank - 1);
}

static void
waits_of_sync(int boards, struct sim_stats *st)
{
	enum sim_policy p = SIM_SYNC;
	struct sim_config c;
	struct sim *s;
	char err[256] = "";

	sim_config_defaults(&c);
	c.boards = boards;
	c.moves = 1;
	c.chess = false;
	dist_fixed(&c.master_think, SIM_US_PER_S / 2);
	dist_fixed(&c.opponent_think, SIM_US_PER_S / 2);
	dist_fixed(&c.walk, 0);
	s = sim_new(&c, &p, 1, err, sizeof(err));
	cr_assert(s != NULL, "sim_new: %s", err);
	sim_run_virtual(s);
	cr_assert(sim_finished(s, 0));
	cr_assert(eq(int, sim_stats(s, 0, st), 0));
	sim_free(s);
}

ParameterizedTestParameters(stats, sync_waits)
{
	static int boards[] = { 1, 2, 11, 13, 20, 21, 40, 100, 101 };

	return cr_make_param_array(int, boards, sizeof(boards) / sizeof(boards[0]));
}

ParameterizedTest(int *boards, stats, sync_waits)
{
	struct sim_stats st;
	int n = *boards;

	waits_of_sync(n, &st);
	cr_assert(eq(i64, st.waits, n));
	cr_assert(eq(i64, st.wait_max, SIM_SECONDS(n - 1)));
	/* Mean of 0..n-1 s, in whole µs (the report's integer mean). */
	cr_assert(eq(i64, st.wait_mean, SIM_SECONDS(n - 1) / 2));
	cr_assert(eq(i64, st.wait_p50, nearest_rank(n, 50)), "p50 of %d boards", n);
	cr_assert(eq(i64, st.wait_p95, nearest_rank(n, 95)), "p95 of %d boards", n);
	cr_assert(eq(i64, st.total, SIM_SECONDS(n)));
}

Test(stats, issue_figures)
{
	struct sim_stats st;

	/* The figures a reader can check by hand: waits 0..20 s. */
	waits_of_sync(21, &st);
	cr_assert(eq(i64, st.wait_p95, SIM_SECONDS(19)));
	cr_assert(eq(i64, st.wait_p50, SIM_SECONDS(10)));
	cr_assert(eq(i64, st.wait_max, SIM_SECONDS(20)));
	cr_assert(eq(i64, st.wait_mean, SIM_SECONDS(10)));
}
