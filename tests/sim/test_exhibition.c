/*
 * The exhibition model against the numbers it must reproduce exactly: the
 * article (12:00:00 sync, 1:00:55 async) and the closed forms for fixed
 * think times over a grid of N, M, Tm, To and walk, including N*Tm < Tm+To
 * where even the async master runs out of work and waits.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>

#include "engine/position.h"
#include "sim/sim.h"
#include "sim/snapshot.h"

static struct sim *
make(const struct sim_config *c, enum sim_policy p)
{
	char err[256] = "";
	struct sim *s = sim_new(c, &p, 1, err, sizeof(err));

	cr_assert(s != NULL, "sim_new: %s", err);
	return s;
}

static simtime_t
run_total(const struct sim_config *c, enum sim_policy p, struct sim_stats *st)
{
	struct sim *s = make(c, p);

	sim_run_virtual(s);
	cr_assert(sim_finished(s, 0));
	cr_assert(eq(int, sim_stats(s, 0, st), 0));
	sim_free(s);
	return st->total;
}

Test(exhibition, article_chess_off)
{
	struct sim_config c;
	struct sim_stats st;
	char err[128];

	cr_assert(eq(int, sim_preset_apply(&c, "article", err, sizeof(err)), 0));
	c.chess = false;
	cr_assert(eq(i64, run_total(&c, SIM_SYNC, &st), SIM_SECONDS(12 * 3600)));
	cr_assert(eq(i64, st.master_busy, SIM_SECONDS(24 * 30 * 5)));
	cr_assert(eq(i64, st.master_moves, 720));
	cr_assert(eq(i64, st.opponent_moves, 720));
	cr_assert(eq(i64, run_total(&c, SIM_ROUND_ROBIN, &st), SIM_SECONDS(3600 + 55)));
	cr_assert(eq(str, st.model_note, ""));
	cr_assert(eq(i64, run_total(&c, SIM_READY, &st), SIM_SECONDS(3600 + 55)));
	cr_assert(eq(i64, st.master_busy, SIM_SECONDS(3600)));
	cr_assert(eq(i64, st.model_total, SIM_SECONDS(3655)));
	cr_assert(st.model_exact);
	/* Ready, master-bound: board k first waits k*5 s, then 5 s less than a round. */
	cr_assert(eq(i64, st.wait_max, SIM_SECONDS(23 * 5)));
}

struct grid {
	int n, m;
	int tm, to, w;	/* seconds */
};

ParameterizedTestParameters(exhibition, closed_form)
{
	static struct grid g[] = {
		{ 24, 30, 5, 55, 0 }, { 1, 1, 5, 55, 0 }, { 1, 10, 5, 55, 0 }, { 4, 30, 5, 55, 0 },
		{ 12, 30, 5, 55, 0 }, { 13, 7, 5, 55, 0 }, { 24, 30, 10, 30, 0 }, { 3, 5, 1, 100, 0 },
		{ 100, 3, 2, 7, 0 }, { 24, 30, 5, 55, 3 }, { 4, 10, 5, 55, 3 }, { 20, 10, 5, 55, 2 },
		{ 2, 2, 0, 10, 0 }, { 5, 4, 10, 0, 0 }, { 7, 9, 3, 0, 1 }, { 1, 5, 3, 4, 9 },
	};

	return cr_make_param_array(struct grid, g, sizeof(g) / sizeof(g[0]));
}

ParameterizedTest(struct grid *g, exhibition, closed_form)
{
	struct sim_config c;

	sim_config_defaults(&c);
	c.chess = false;
	c.boards = g->n;
	c.moves = g->m;
	dist_fixed(&c.master_think, SIM_SECONDS(g->tm));
	dist_fixed(&c.opponent_think, SIM_SECONDS(g->to));
	dist_fixed(&c.walk, SIM_SECONDS(g->w));
	for (int p = 0; p < SIM_POLICY_NB; p++) {
		struct sim_stats st;
		simtime_t model;
		int64_t n = g->n, m = g->m, tm = g->tm, to = g->to, w = g->n > 1 ? g->w : 0;
		int64_t want;

		cr_assert(sim_model_total(&c, (enum sim_policy)p, &model));
		/* The closed forms written out here, independently of sim_model_total. */
		if (p == SIM_SYNC)
			want = n * m * (tm + to) + (n - 1) * w;
		else if (p == SIM_ROUND_ROBIN)
			want = (m - 1) * (n * (tm + w) > tm + to ? n * (tm + w) : tm + to) +
			       (n - 1) * (tm + w) + tm + to;
		else
			want = (m - 1) * (n * (tm + w) > tm + to + w ? n * (tm + w) : tm + to + w) +
			       (n - 1) * (tm + w) + tm + to;
		cr_assert(eq(i64, model, SIM_SECONDS(want)), "%s model", sim_policy_name(p));
		cr_assert(eq(i64, run_total(&c, (enum sim_policy)p, &st), SIM_SECONDS(want)),
			  "%s N=%d M=%d Tm=%d To=%d W=%d", sim_policy_name(p), g->n, g->m, g->tm,
			  g->to, g->w);
		cr_assert(eq(i64, st.master_busy, SIM_SECONDS(n * m * tm)));
		cr_assert(eq(i64, st.master_busy + st.master_walk + st.master_idle, st.total));
	}
}

Test(exhibition, master_waits_when_few_boards)
{
	struct sim_config c;
	struct sim_stats st;
	char err[128];

	/* 4 boards: 4*5 s of work per 60 s round; he idles 40 s of each. */
	cr_assert(eq(int, sim_preset_apply(&c, "few-boards", err, sizeof(err)), 0));
	c.chess = false;
	run_total(&c, SIM_READY, &st);
	cr_assert(eq(i64, st.total, SIM_SECONDS(29 * 60 + 3 * 5 + 60)));
	cr_assert(st.utilisation < 0.35);
	cr_assert(eq(i64, st.wait_max, SIM_SECONDS(15)));
}

Test(exhibition, snapshot_spans_and_boards)
{
	struct sim_config c;
	struct sim_snapshot snap;
	struct sim_board_view bv;
	struct sim *s;
	char err[128];
	simtime_t covered = 0;

	cr_assert(eq(int, sim_preset_apply(&c, "quick", err, sizeof(err)), 0));
	c.chess = false;
	s = make(&c, SIM_SYNC);
	for (int i = 0; i < 10; i++)
		cr_assert(eq(int, sim_step(s), 0));
	sim_snapshot(s, &snap);
	cr_assert(eq(int, snap.nexhibitions, 1));
	cr_assert(not(snap.finished));
	cr_assert(eq(int, sim_board_view(s, 0, 1, &bv), 0));
	cr_assert(eq(int, bv.state, SIM_BOARD_WAITING));
	sim_run_virtual(s);
	sim_snapshot(s, &snap);
	cr_assert(snap.finished);
	cr_assert(eq(i64, snap.ex[0].now, SIM_SECONDS(6 * 10 * 60)));
	cr_assert(eq(i64, snap.ex[0].moves_played, 60));
	cr_assert(eq(int, snap.ex[0].master, SIM_MASTER_DONE));
	/* Sync: think 5 s, wait 55 s, alternating, the last wait for the very last reply. */
	cr_assert(eq(sz, snap.ex[0].nspans, 2 * 60));
	for (size_t i = 0; i < snap.ex[0].nspans; i++) {
		const struct sim_span *sp = &snap.ex[0].spans[i];

		cr_assert(eq(int, sp->activity, i % 2 ? SIM_MASTER_WAITING : SIM_MASTER_THINKING));
		cr_assert(eq(i64, sp->start, covered));
		covered = sp->end;
	}
	cr_assert(eq(i64, covered, SIM_SECONDS(3600)));
	cr_assert(eq(int, sim_board_view(s, 0, 5, &bv), 0));
	cr_assert(eq(int, bv.state, SIM_BOARD_FINISHED));
	cr_assert(eq(i64, bv.finished_at, SIM_SECONDS(3600)));
	cr_assert(eq(int, sim_step(s), -1));
	sim_free(s);
}

Test(exhibition, bad_config)
{
	struct sim_config c;
	char err[256];
	enum sim_policy p = SIM_SYNC;

	sim_config_defaults(&c);
	c.boards = 0;
	cr_assert(sim_new(&c, &p, 1, err, sizeof(err)) == NULL);
	cr_assert(eq(str, err, "boards: 0 is not between 1 and 1000000"));
	sim_config_defaults(&c);
	c.moves = 501;
	cr_assert(sim_new(&c, &p, 1, err, sizeof(err)) == NULL);
	cr_assert(eq(str, err, "moves: 501 is not between 1 and 500"));
	sim_config_defaults(&c);
	snprintf(c.opponents, sizeof(c.opponents), "club:20,grandpa:4");
	cr_assert(sim_new(&c, &p, 1, err, sizeof(err)) == NULL);
	cr_assert(eq(str, err, "opponents: \"grandpa\" is not a player profile (master, grandmaster, "
					 "club, beginner, random) or uci:CMD"));
	snprintf(c.opponents, sizeof(c.opponents), "club:20,beginner:5");
	cr_assert(sim_new(&c, &p, 1, err, sizeof(err)) == NULL);
	cr_assert(eq(str, err, "opponents: \"club:20,beginner:5\" names more than the 24 boards"));
	cr_assert(eq(int, sim_preset_apply(&c, "nope", err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"nope\" is not a preset (try --preset list)"));
}

Test(exhibition, chess_on_same_games_every_policy)
{
	struct sim_config c;
	enum sim_policy ps[3] = { SIM_SYNC, SIM_ROUND_ROBIN, SIM_READY };
	char err[256];
	struct sim *s;

	engine_init();
	cr_assert(eq(int, sim_preset_apply(&c, "quick", err, sizeof(err)), 0));
	s = sim_new(&c, ps, 3, err, sizeof(err));
	cr_assert(s != NULL, "%s", err);
	sim_run_virtual(s);
	for (int b = 0; b < c.boards; b++) {
		const struct game *g0 = sim_game(s, 0, b);

		cr_assert(g0 != NULL);
		cr_assert(g0->termination != TERM_NONE);
		cr_assert(g0->n <= 2 * c.moves);
		for (int e = 1; e < 3; e++) {
			const struct game *g = sim_game(s, e, b);

			cr_assert(eq(int, g->n, g0->n));
			cr_assert(eq(int, memcmp(g->moves, g0->moves, (size_t)g->n * sizeof(move_t)), 0));
			cr_assert(eq(int, g->result, g0->result));
		}
	}
	sim_free(s);
}
