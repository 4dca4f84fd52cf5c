/*
 * Properties over random seeded configurations: whatever the numbers, no
 * policy beats the master's own thinking time or any board's own chain of
 * thinks; without walking, round-robin and ready never take longer than
 * sync; every game is legal; and the same seed gives the same run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>

#include "engine/movegen.h"
#include "sim/sim.h"
#include "tests/test_asan.h"

/*
 * The runs come in CHUNKS parameterized tests, so Criterion's two workers
 * share them. An AddressSanitizer build draws the first 20 of the same 60
 * configs (tests/test_asan.h).
 */
enum { RUNS = TEST_ASAN ? 20 : 60, CHUNKS = 4, MAXB = 40 };

struct chains {
	simtime_t	board[MAXB];	/* each board's own thinks, master's and opponent's */
	simtime_t	master;
	uint64_t	hash;		/* of the whole event sequence */
};

static void
on_event(const struct sim_event *e, void *arg)
{
	struct chains *c = &((struct chains *)arg)[e->ex];

	c->hash = (c->hash ^ (uint64_t)e->t ^ ((uint64_t)e->kind << 56) ^
		   ((uint64_t)(e->board + 1) << 40) ^ (uint64_t)e->duration) * 0x100000001b3ULL;
	if (e->kind == SIM_EV_MASTER_THINKS) {
		c->board[e->board] += e->duration;
		c->master += e->duration;
	} else if (e->kind == SIM_EV_OPPONENT_THINKS) {
		c->board[e->board] += e->duration;
	}
}

static void
random_dist(struct rng *r, struct dist *d, simtime_t scale)
{
	char text[64], err[128];
	int k = (int)rng_below(r, 5);
	long a = (long)(rng_below(r, (uint64_t)scale) + 1);

	switch (k) {
	case 0: snprintf(text, sizeof(text), "%ldms", a); break;
	case 1: snprintf(text, sizeof(text), "uniform:%ldms..%ldms", a / 2, a * 2); break;
	case 2: snprintf(text, sizeof(text), "normal:%ldms,%ldms", a, a / 2); break;
	case 3: snprintf(text, sizeof(text), "exp:%ldms", a); break;
	default: snprintf(text, sizeof(text), "lognormal:%ldms,0.8", a); break;
	}
	cr_assert(eq(int, dist_parse(text, d, err, sizeof(err)), 0), "%s: %s", text, err);
}

static void
random_config(struct rng *r, struct sim_config *c, bool walk)
{
	sim_config_defaults(c);
	c->boards = 1 + (int)rng_below(r, MAXB);
	c->moves = 1 + (int)rng_below(r, 25);
	c->seed = rng_next(r);
	c->chess = rng_below(r, 3) == 0;
	/* The games only have to be legal and finished here: club and beginner
	 * play them many times faster than master and club, ASan builds too. */
	snprintf(c->master_profile, sizeof(c->master_profile), "club");
	snprintf(c->opponents, sizeof(c->opponents), "beginner");
	random_dist(r, &c->master_think, 10000);
	random_dist(r, &c->opponent_think, 1 + rng_below(r, 120000));
	if (walk)
		random_dist(r, &c->walk, 3000);
}

static void
check_game(const struct game *g)
{
	struct position p = g->start;

	for (int i = 0; i < g->n; i++) {
		cr_assert(movegen_is_legal(&p, g->moves[i]), "ply %d illegal", i);
		position_play(&p, g->moves[i]);
	}
	cr_assert(eq(u64, p.key, g->pos.key));
	cr_assert(g->termination != TERM_NONE);
}

ParameterizedTestParameters(properties, random_configs)
{
	static int chunk[CHUNKS] = { 0, 1, 2, 3 };

	return cr_make_param_array(int, chunk, CHUNKS);
}

ParameterizedTest(int *chunk, properties, random_configs)
{
	struct rng r;
	int ready_faster = 0, rr_faster = 0, ties = 0;

	engine_init();
	rng_seed(&r, 2024);
	for (int run = 0; run < RUNS; run++) {
		struct sim_config c;
		enum sim_policy ps[3] = { SIM_SYNC, SIM_ROUND_ROBIN, SIM_READY };
		struct chains ch[3], again[3];
		struct sim_stats st[3];
		char err[256];
		bool walk = run % 3 == 2;
		struct sim *s;

		/* Every chunk draws every config, so run k is the same config in any chunk. */
		random_config(&r, &c, walk);
		if (run / (RUNS / CHUNKS) != *chunk)
			continue;
		memset(ch, 0, sizeof(ch));
		s = sim_new(&c, ps, 3, err, sizeof(err));
		cr_assert(s != NULL, "%s", err);
		sim_on_event(s, on_event, ch);
		sim_run_virtual(s);
		for (int e = 0; e < 3; e++) {
			cr_assert(sim_finished(s, e));
			sim_stats(s, e, &st[e]);
			cr_assert(ge(i64, st[e].total, ch[e].master));
			cr_assert(eq(i64, st[e].master_busy, ch[e].master));
			/* The same draws under every policy. */
			cr_assert(eq(i64, ch[e].master, ch[0].master));
			for (int b = 0; b < c.boards; b++) {
				cr_assert(ge(i64, sim_board_finish(s, e, b), ch[e].board[b]),
					  "run %d policy %d board %d", run, e, b);
				cr_assert(ge(i64, st[e].total, sim_board_finish(s, e, b)));
				if (c.chess)
					check_game(sim_game(s, e, b));
			}
		}
		if (!walk) {
			cr_assert(le(i64, st[1].total, st[0].total), "run %d", run);
			cr_assert(le(i64, st[2].total, st[0].total), "run %d", run);
			if (st[2].total < st[1].total)
				ready_faster++;
			else if (st[1].total < st[2].total)
				rr_faster++;
			else
				ties++;
		}
		sim_free(s);

		/* Same seed, same run: every event and figure. */
		memset(again, 0, sizeof(again));
		s = sim_new(&c, ps, 3, err, sizeof(err));
		sim_on_event(s, on_event, again);
		sim_run_virtual(s);
		for (int e = 0; e < 3; e++) {
			struct sim_stats st2;

			sim_stats(s, e, &st2);
			cr_assert(eq(u64, again[e].hash, ch[e].hash));
			cr_assert(eq(int, memcmp(&st2, &st[e], sizeof(st2)), 0));
		}
		sim_free(s);
	}
	/* Reported, not asserted: ready usually but not always beats round-robin. */
	cr_log_info("ready faster %d, round-robin faster %d, ties %d", ready_faster, rr_faster,
		    ties);
}
