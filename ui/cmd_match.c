/*
 * `simul match`: two player profiles play a seeded match. Games come in
 * pairs: both play each opening from a small book once with each colour,
 * so neither profile gets the easier side of a line. A game still running
 * after --max-plies is adjudicated by a short search of its final position
 * (a clear advantage wins, anything else is a draw). The summary counts
 * from the first profile's side (--white, who has White in odd games): wins,
 * draws, losses, the score, and the Elo difference with its 95% margin from
 * the per-game score variance.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/book.h"
#include "engine/macros.h"
#include "engine/game.h"
#include "engine/notation.h"
#include "engine/player.h"
#include "engine/search.h"
#include <ev.h>

#include "sim/engine_pool.h"
#include "sim/realtime.h"
#include "ui/cli.h"
#include "ui/workers.h"
#include "ui/commands.h"

enum {
	MATCH_MAX_GAMES = 100000,
	MATCH_ADJUDICATE_NODES = 20000,
	MATCH_ADJUDICATE_NODES_PER_PLY = 100,	/* 200-ply games get the full 20000 */
	MATCH_ADJUDICATE_CP = 200,	/* a win at the move limit needs this much */
};

struct match_opts {
	long		games;
	uint64_t	seed;
	long		max_plies;
	long		workers;	/* 0: one per core */
	const struct player_profile	*a;
	const struct player_profile	*b;
	/* uci:CMD players: the specs, their engines' slots (-1: a profile) and names. */
	char				spec_a[SIM_PROFILE_MAX], spec_b[SIM_PROFILE_MAX];
	struct engine_limit		limit;
	struct engine_pool		*engines;
	int				slot_a, slot_b;
	const char			*name_a, *name_b;
};

/* A profile, or an engine spec checked now (its engine starts after parsing). */
static int
match_set_player(char *out, const char *v, char *err, size_t errlen)
{
	struct uci_spec spec;

	if (strlen(v) >= SIM_PROFILE_MAX) {
		snprintf(err, errlen, "\"%.20s...\" is too long", v);
		return -1;
	}
	if (uci_spec_is(v) ? uci_spec_parse(v, &spec, err, errlen) < 0 : player_profile_find(v) == NULL) {
		if (!uci_spec_is(v)) {
			char names[128];

			cli_words(cli_profile_word, names, sizeof(names));
			snprintf(err, errlen, "\"%s\" is not a player profile (%s) or uci:CMD", v, names);
		}
		return -1;
	}
	snprintf(out, SIM_PROFILE_MAX, "%s", v);
	return 0;
}

static int
match_set_white(void *ctx, const char *v, char *err, size_t errlen)
{
	return match_set_player(((struct match_opts *)ctx)->spec_a, v, err, errlen);
}

static int
match_set_black(void *ctx, const char *v, char *err, size_t errlen)
{
	return match_set_player(((struct match_opts *)ctx)->spec_b, v, err, errlen);
}

static int
match_set_limit(void *ctx, const char *v, char *err, size_t errlen)
{
	return engine_limit_parse(v, &((struct match_opts *)ctx)->limit, err, errlen);
}

static const struct cli_option match_options[] = {
	{ "white", 'w', "PROFILE", "first player, White in the first game (master), or uci:CMD",
	  match_set_white, .word = cli_profile_word },
	{ "black", 'b', "PROFILE", "second player (club), or uci:CMD", match_set_black,
	  .word = cli_profile_word },
	{ "engine-limit", 0, "LIMIT", "uci engines' search: " ENGINE_LIMIT_HELP, match_set_limit },
	{ "games", 'g', "N", "games to play, 1..100000 (100)", NULL, .kind = CLI_INT,
	  .off = offsetof(struct match_opts, games), .lo = 1, .hi = MATCH_MAX_GAMES },
	{ "seed", 's', "S", "seed for every random choice (1)", NULL, .kind = CLI_UINT64,
	  .off = offsetof(struct match_opts, seed) },
	{ "max-plies", 0, "N", "adjudicate games still running after N plies, 1..10000 (200)",
	  NULL, .kind = CLI_INT, .off = offsetof(struct match_opts, max_plies), .lo = 1,
	  .hi = 10000 },
	{ "workers", 0, "W", "play the games on W processes at once (default: the cores)", NULL,
	  .kind = CLI_INT, .off = offsetof(struct match_opts, workers), .lo = 1, .hi = 1024 },
};

static const struct cli_table match_table = { "options", match_options,
					      ARRAY_LEN(match_options) };

static void
match_notes(FILE *f)
{
	fprintf(f, "PROFILE:\n");
	cli_profile_notes(f);
}

const struct cli_spec cmd_match_spec = {
	.name = "match",
	.synopsis = "[--white P] [--black P] [--games N] [--seed S] [--max-plies N] [--workers W]",
	.summary = "play a seeded match between two player profiles",
	.about = "Plays a seeded match between two player profiles, alternating colours and\n"
		 "openings, and prints wins/draws/losses of the first, its score, and the Elo\n"
		 "difference with its 95% error margin.",
	.tables = { &match_table },
	.notes = match_notes,
};

/* Result from White's side at the move limit. */
static enum game_result
match_adjudicate(struct search *s, const struct game *g)
{
	/*
	 * The search costs as much as the game up to the full budget: a match
	 * of 1-ply games must not pay 20000 nodes (~10 ms) for each.
	 */
	struct search_params sp = {
		.nodes = g->n < MATCH_ADJUDICATE_NODES / MATCH_ADJUDICATE_NODES_PER_PLY
				 ? (uint64_t)g->n * MATCH_ADJUDICATE_NODES_PER_PLY
				 : MATCH_ADJUDICATE_NODES,
	};
	int score;

	search_start(s, &g->pos, g->keys, g->n, &sp);
	while (!search_step(s, UINT64_MAX))
		;
	score = search_best_score(s);
	if (g->pos.side == BLACK)
		score = -score;
	if (score >= MATCH_ADJUDICATE_CP)
		return RESULT_WHITE_WINS;
	if (score <= -MATCH_ADJUDICATE_CP)
		return RESULT_BLACK_WINS;
	return RESULT_DRAW;
}

static double
match_elo(double score)
{
	return -400.0 * log10(1.0 / score - 1.0);
}

/* An Elo figure as printed: rounded, and never "-0". */
static double
elo_shown(double elo)
{
	double r = round(elo);

	return r == 0 ? 0.0 : r;
}

static void
match_report(const struct match_opts *o, long w, long d, long l, long adjudicated, double secs)
{
	double n = (double)(w + d + l), s = ((double)w + 0.5 * (double)d) / n;

	printf("%s vs %s: %ld games, seed %llu, %ld adjudicated at %ld plies, %.1f s\n",
	    o->name_a, o->name_b, w + d + l, (unsigned long long)o->seed, adjudicated, o->max_plies, secs);
	printf("%s: +%ld =%ld -%ld  score %.1f%%\n", o->name_a, w, d, l, 100.0 * s);
	if (w + d == 0 || l + d == 0) {
		/* No game went the other way: the Elo estimate is infinite, only a bound is known. */
		double bound = 1.0 - 3.0 / n;	/* the "rule of three" 95% bound */

		if (bound <= 0.5)
			printf("Elo difference: %s (too few games for a bound)\n", l + d == 0 ? "+inf" : "-inf");
		else
			printf("Elo difference: %s, 95%% bound %s%.0f\n", l + d == 0 ? "+inf" : "-inf",
			    l + d == 0 ? ">= +" : "<= -", match_elo(bound));
		return;
	}
	{
		double var = ((double)w * (1 - s) * (1 - s) + (double)d * (0.5 - s) * (0.5 - s) +
		    (double)l * s * s) / n;
		double se = sqrt(var / n), lo = s - 1.96 * se, hi = s + 1.96 * se;
		char los[16], his[16];

		/* Near 0% or 100% the interval runs off the Elo scale on one side: say so. */
		snprintf(los, sizeof(los), lo > 0 ? "%+.0f" : "-inf", lo > 0 ? elo_shown(match_elo(lo)) : 0.0);
		snprintf(his, sizeof(his), hi < 1 ? "%+.0f" : "+inf", hi < 1 ? elo_shown(match_elo(hi)) : 0.0);
		if (lo > 0 && hi < 1)
			printf("Elo difference: %+.0f +/- %.0f (95%% interval %s .. %s)\n",
			    elo_shown(match_elo(s)), elo_shown((match_elo(hi) - match_elo(lo)) / 2), los, his);
		else
			printf("Elo difference: %+.0f (95%% interval %s .. %s)\n",
			    elo_shown(match_elo(s)), los, his);
	}
}

/* One game's outcome, from the first profile's side, in the shared results. */
enum match_outcome { MATCH_UNPLAYED, MATCH_WIN, MATCH_DRAW, MATCH_LOSS };

struct match_run {
	const struct match_opts	*o;
	uint8_t			*outcome;	/* [game]: enum match_outcome, shared with workers */
	uint8_t			*adjudicated;	/* [game]: 1 when the move limit ended it */
	struct tt		tt;		/* the adjudicator's, this process's own */
	struct search		*adj;
};

/* The answer an engine owes a match game; ply -1 while none is due. */
struct match_answer {
	int			ply;
	enum engine_answer	kind;
	char			text[UCI_ENGINE_WHY_MAX];
	bool			in;
};

static void
match_answer_cb(void *arg, int board, int ply, enum engine_answer a, const char *text)
{
	struct match_answer *ma = arg;

	(void)board;
	if (ply != ma->ply)
		return;
	ma->kind = a;
	snprintf(ma->text, sizeof(ma->text), "%s", text);
	ma->in = true;
}

/*
 * The engine's move for g, waited for on the loop (one game at a time:
 * a match is sequential). MOVE_NONE with the termination its side loses by.
 */
static move_t
match_engine_move(const struct match_opts *o, int slot, const struct game *g,
		  enum game_termination *lost)
{
	struct match_answer ma = { .ply = g->n };
	size_t len = 32 + (size_t)g->n * MOVE_TEXT_MAX;
	char *pos = malloc(len), go[64], why[128];
	size_t at;
	move_t m = MOVE_NONE;

	*lost = TERM_FORFEIT;
	if (pos == NULL)
		return MOVE_NONE;
	at = (size_t)snprintf(pos, len, "position startpos%s", g->n > 0 ? " moves" : "");
	for (int i = 0; i < g->n; i++) {
		char uci[MOVE_TEXT_MAX];

		move_to_uci(g->moves[i], uci);
		at += (size_t)snprintf(pos + at, len - at, " %s", uci);
	}
	engine_limit_go(&o->limit, go, sizeof(go));
	engine_pool_attach(o->engines, match_answer_cb, &ma);
	if (engine_pool_request(o->engines, slot, 0, g->n, pos, go,
				(double)(o->limit.margin + (o->limit.kind == ENGINE_LIMIT_MOVETIME
							    ? o->limit.value : 0)) / 1e6) == 0)
		while (!ma.in)
			ev_run(engine_pool_loop(o->engines), EVRUN_ONCE);
	free(pos);
	if (!ma.in)
		return MOVE_NONE;
	if (ma.kind == ENGINE_TIMEOUT)
		*lost = TERM_TIME_FORFEIT;
	if (ma.kind == ENGINE_MOVE && move_from_uci(&g->pos, ma.text, &m, why, sizeof(why)) < 0) {
		*lost = TERM_RULES_INFRACTION;
		m = MOVE_NONE;
	}
	if (m == MOVE_NONE)
		fprintf(stderr, "simul match: %s lost at ply %d by %s: %s\n",
			engine_pool_name(o->engines, slot), g->n + 1, game_termination_text(*lost),
			ma.kind == ENGINE_MOVE ? why : ma.text);
	return m;
}

/*
 * Game i: its colours, opening and seed depend on i alone, and the
 * adjudicator starts from an empty table, so the outcome does not depend on
 * which games a process played before: the same for every --workers.
 */
static int
match_game(void *arg, int i)
{
	struct match_run *mr = arg;
	const struct match_opts *o = mr->o;
	bool a_white = i % 2 == 0;
	const struct player_profile *white = a_white ? o->a : o->b;
	const struct player_profile *black = a_white ? o->b : o->a;
	int slot_white = a_white ? o->slot_a : o->slot_b, slot_black = a_white ? o->slot_b : o->slot_a;
	uint64_t game_seed = o->seed * 0x9e3779b97f4a7c15ULL + (uint64_t)(i / 2) * 0xbf58476d1ce4e5b9ULL + (uint64_t)(i % 2);
	struct game g;
	struct position start;
	enum game_result r;
	char err[160];

	if (mr->adj == NULL) {
		if (tt_init(&mr->tt, 1 << 20) != 0 || (mr->adj = search_new(&mr->tt)) == NULL) {
			fprintf(stderr, "simul match: out of memory for the adjudicator's table\n");
			return 1;
		}
	}
	position_startpos(&start);
	game_init(&g, &start);
	if (book_play(&g, (size_t)(i / 2), err, sizeof(err)) != 0) {
		fprintf(stderr, "simul match: %s\n", err);
		game_free(&g);
		return 1;
	}
	while (g.termination == TERM_NONE && g.n < o->max_plies) {
		const struct player_profile *pr = g.pos.side == WHITE ? white : black;
		int slot = g.pos.side == WHITE ? slot_white : slot_black;
		enum game_termination lost;
		move_t m;

		if (slot >= 0) {
			m = match_engine_move(o, slot, &g, &lost);
			if (m == MOVE_NONE) {
				game_end(&g, g.pos.side == WHITE ? RESULT_BLACK_WINS : RESULT_WHITE_WINS,
					 lost);
				break;
			}
		} else {
			m = player_choose(pr, &g, game_seed + (uint64_t)g.pos.side);
		}
		if (game_play(&g, m) != 0) {
			fprintf(stderr, "simul match: %s chose an illegal move in game %d\n", pr->name, i + 1);
			game_free(&g);
			return 1;
		}
	}
	if (g.termination == TERM_NONE) {
		tt_clear(&mr->tt);
		game_end(&g, match_adjudicate(mr->adj, &g), TERM_ADJUDICATED);
		mr->adjudicated[i] = 1;
	}
	r = g.result;
	mr->outcome[i] = r == RESULT_DRAW ? MATCH_DRAW
			 : (r == RESULT_WHITE_WINS) == a_white ? MATCH_WIN : MATCH_LOSS;
	game_free(&g);
	return 0;
}

/* The adjudicator goes with the process that made it. */
static void
match_done(void *arg)
{
	struct match_run *mr = arg;

	if (mr->adj != NULL) {
		search_free(mr->adj);
		tt_free(&mr->tt);
		mr->adj = NULL;
	}
}

int
cmd_match(int argc, char **argv)
{
	struct match_opts o;
	struct match_run mr = { .o = &o };
	long w = 0, d = 0, l = 0, adjudicated = 0;
	double t0, t1;
	void *ctx[] = { &o };
	int rc = 0, nworkers;
	char err[256];

	o = (struct match_opts){ .games = 100, .seed = 1, .max_plies = 200, .slot_a = -1,
				 .slot_b = -1 };
	snprintf(o.spec_a, sizeof(o.spec_a), "master");
	snprintf(o.spec_b, sizeof(o.spec_b), "club");
	engine_limit_defaults(&o.limit);
	if ((rc = cli_main(&cmd_match_spec, ctx, argc, argv)) >= 0)
		return rc;
	rc = 0;
	/* An engine side plays the stand-in profile; its moves come from its process. */
	o.a = uci_spec_is(o.spec_a) ? player_profile_find("random") : player_profile_find(o.spec_a);
	o.b = uci_spec_is(o.spec_b) ? player_profile_find("random") : player_profile_find(o.spec_b);
	o.name_a = o.a->name;
	o.name_b = o.b->name;
	if (uci_spec_is(o.spec_a) || uci_spec_is(o.spec_b)) {
		struct sim_config c;
		struct engine_pool_options eo = { .limit = o.limit };

		sim_config_defaults(&c);
		c.boards = 1;
		snprintf(c.master_profile, sizeof(c.master_profile), "%s", o.spec_a);
		snprintf(c.opponents, sizeof(c.opponents), "%s",
			 uci_spec_is(o.spec_b) ? o.spec_b : "club");
		o.engines = engine_pool_new(ev_default_loop(0), &c, &eo, err, sizeof(err));
		if (o.engines == NULL) {
			fprintf(stderr, "simul: %s\n", err);
			return 2;
		}
		o.slot_a = engine_pool_master_slot(o.engines);
		o.slot_b = engine_pool_opponent_slot(o.engines, 0);
		if (o.slot_a >= 0)
			o.name_a = engine_pool_name(o.engines, o.slot_a);
		if (o.slot_b >= 0)
			o.name_b = engine_pool_name(o.engines, o.slot_b);
		/* The engines are this process's children: the games are played here. */
		o.workers = 1;
	}
	mr.outcome = workers_shared(2 * (size_t)o.games);
	if (mr.outcome == NULL) {
		fprintf(stderr, "simul match: out of memory for %ld games\n", o.games);
		return 1;
	}
	mr.adjudicated = mr.outcome + o.games;
	nworkers = o.workers > 0 ? (int)o.workers : workers_default();
	if (nworkers > o.games)
		nworkers = (int)o.games;
	t0 = realtime_monotonic();
	if (nworkers > 1) {
		struct workers wk = { nworkers, (int)o.games, match_game, &mr, NULL, NULL, match_done };

		if (workers_run(&wk, err, sizeof(err)) < 0) {
			fprintf(stderr, "simul match: %s\n", err);
			rc = 1;
		}
	} else {
		for (long i = 0; i < o.games && rc == 0; i++)
			rc = match_game(&mr, (int)i);
	}
	t1 = realtime_monotonic();
	match_done(&mr);
	for (long i = 0; i < o.games && rc == 0; i++) {
		w += mr.outcome[i] == MATCH_WIN;
		d += mr.outcome[i] == MATCH_DRAW;
		l += mr.outcome[i] == MATCH_LOSS;
		adjudicated += mr.adjudicated[i];
	}
	workers_unshare(mr.outcome, 2 * (size_t)o.games);
	if (rc == 0)
		match_report(&o, w, d, l, adjudicated, t1 - t0);
	engine_pool_free(o.engines);
	if (rc != 0)
		return rc;
	return cli_flush_stdout();
}
