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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/game.h"
#include "engine/notation.h"
#include "engine/player.h"
#include "engine/search.h"
#include "sim/realtime.h"
#include "ui/commands.h"

enum {
	MATCH_MAX_GAMES = 100000,
	MATCH_ADJUDICATE_NODES = 20000,
	MATCH_ADJUDICATE_CP = 200,	/* a win at the move limit needs this much */
};

/* Four plies each, the main lines of common openings. */
static const char *const match_book[] = {
	"e2e4 e7e5 g1f3 b8c6", "e2e4 c7c5 g1f3 d7d6", "e2e4 e7e6 d2d4 d7d5",
	"e2e4 c7c6 d2d4 d7d5", "d2d4 d7d5 c2c4 e7e6", "d2d4 g8f6 c2c4 e7e6",
	"d2d4 g8f6 c2c4 g7g6", "c2c4 e7e5 b1c3 g8f6", "g1f3 d7d5 g2g3 g8f6",
	"e2e4 d7d5 e4d5 d8d5", "d2d4 d7d5 c2c4 c7c6", "e2e4 e7e5 f1c4 g8f6",
	"e2e4 g7g6 d2d4 f8g7", "d2d4 f7f5 g2g3 g8f6", "e2e4 e7e5 g1f3 g8f6",
	"c2c4 c7c5 b1c3 b8c6",
};

struct match_opts {
	const struct player_profile	*a;	/* --white: White in even-numbered games */
	const struct player_profile	*b;
	long				 games;
	uint64_t			 seed;
	long				 max_plies;
};

static void
match_usage(FILE *f)
{
	size_t n;
	const struct player_profile *pr = player_profiles(&n);

	fprintf(f,
	    "usage: simul match [--white P] [--black P] [--games N] [--seed S] [--max-plies N]\n"
	    "\n"
	    "Plays a seeded match between two player profiles, alternating colours and\n"
	    "openings, and prints wins/draws/losses of the first, its score, and the Elo\n"
	    "difference with its 95%% error margin.\n"
	    "\n"
	    "  --white P      first profile, White in the first game (default master)\n"
	    "  --black P      second profile (default club)\n"
	    "  --games N      games to play, 1 to %d (default 100)\n"
	    "  --seed S       seed for every random choice (default 1)\n"
	    "  --max-plies N  adjudicate games still running after N plies (default 200)\n"
	    "  --help         this text\n"
	    "\n"
	    "profiles:\n", MATCH_MAX_GAMES);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "  %-9s %s\n", pr[i].name, pr[i].summary);
}

static const char *
match_value(int argc, char **argv, int *i, const char *name)
{
	size_t len = strlen(name);

	if (strncmp(argv[*i], name, len) != 0)
		return NULL;
	if (argv[*i][len] == '=')
		return argv[*i] + len + 1;
	if (argv[*i][len] != '\0' || *i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int
match_number(const char *opt, const char *text, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (*text == '\0' || *end != '\0' || v < lo || v > hi) {
		fprintf(stderr, "simul match: %s \"%s\" is not a number from %ld to %ld\n", opt, text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int
match_profile(const char *opt, const char *text, const struct player_profile **out)
{
	*out = player_profile_find(text);
	if (*out == NULL) {
		fprintf(stderr, "simul match: %s \"%s\" is not a profile (master, club, beginner, random)\n", opt, text);
		return -1;
	}
	return 0;
}

static int
match_parse(int argc, char **argv, struct match_opts *o)
{
	o->a = player_profile_find("master");
	o->b = player_profile_find("club");
	o->games = 100;
	o->seed = 1;
	o->max_plies = 200;
	for (int i = 1; i < argc; i++) {
		const char *v;

		if ((v = match_value(argc, argv, &i, "--white")) != NULL) {
			if (match_profile("--white", v, &o->a) != 0)
				return -1;
		} else if ((v = match_value(argc, argv, &i, "--black")) != NULL) {
			if (match_profile("--black", v, &o->b) != 0)
				return -1;
		} else if ((v = match_value(argc, argv, &i, "--games")) != NULL) {
			if (match_number("--games", v, 1, MATCH_MAX_GAMES, &o->games) != 0)
				return -1;
		} else if ((v = match_value(argc, argv, &i, "--max-plies")) != NULL) {
			if (match_number("--max-plies", v, 1, 10000, &o->max_plies) != 0)
				return -1;
		} else if ((v = match_value(argc, argv, &i, "--seed")) != NULL) {
			char *end;

			o->seed = strtoull(v, &end, 10);
			if (*v == '\0' || *end != '\0' || *v == '-') {
				fprintf(stderr, "simul match: --seed \"%s\" is not a non-negative integer\n", v);
				return -1;
			}
		} else {
			fprintf(stderr, "simul match: unknown or incomplete option \"%s\" (try --help)\n", argv[i]);
			return -1;
		}
	}
	return 0;
}

/* Plays the book line into g; -1 (with a message) if the book is broken. */
static int
match_opening(struct game *g, const char *line)
{
	char buf[64], err[128];

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *tok = strtok(buf, " "); tok != NULL; tok = strtok(NULL, " ")) {
		move_t m;

		if (move_from_uci(&g->pos, tok, &m, err, sizeof(err)) != 0 || game_play(g, m) != 0) {
			fprintf(stderr, "simul match: book move %s: %s\n", tok, err);
			return -1;
		}
	}
	return 0;
}

/* Result from White's side at the move limit. */
static enum game_result
match_adjudicate(struct search *s, const struct game *g)
{
	struct search_params sp = { .nodes = MATCH_ADJUDICATE_NODES };
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

static void
match_report(const struct match_opts *o, long w, long d, long l, long adjudicated, double secs)
{
	double n = (double)(w + d + l), s = ((double)w + 0.5 * (double)d) / n;

	printf("%s vs %s: %ld games, seed %llu, %ld adjudicated at %ld plies, %.1f s\n",
	    o->a->name, o->b->name, w + d + l, (unsigned long long)o->seed, adjudicated, o->max_plies, secs);
	printf("%s: +%ld =%ld -%ld  score %.1f%%\n", o->a->name, w, d, l, 100.0 * s);
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
		snprintf(los, sizeof(los), lo > 0 ? "%+.0f" : "-inf", lo > 0 ? match_elo(lo) : 0.0);
		snprintf(his, sizeof(his), hi < 1 ? "%+.0f" : "+inf", hi < 1 ? match_elo(hi) : 0.0);
		if (lo > 0 && hi < 1)
			printf("Elo difference: %+.0f +/- %.0f (95%% interval %s .. %s)\n", match_elo(s),
			    (match_elo(hi) - match_elo(lo)) / 2, los, his);
		else
			printf("Elo difference: %+.0f (95%% interval %s .. %s)\n", match_elo(s), los, his);
	}
}

int
cmd_match(int argc, char **argv)
{
	struct match_opts o;
	struct tt tt;
	struct search *adj;
	long w = 0, d = 0, l = 0, adjudicated = 0;
	double t0, t1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			match_usage(stdout);
			return 0;
		}
	}
	if (match_parse(argc, argv, &o) != 0)
		return 2;
	if (tt_init(&tt, 1 << 20) != 0 || (adj = search_new(&tt)) == NULL) {
		fprintf(stderr, "simul match: out of memory\n");
		return 1;
	}
	t0 = realtime_monotonic();
	for (long i = 0; i < o.games; i++) {
		bool a_white = i % 2 == 0;
		const struct player_profile *white = a_white ? o.a : o.b;
		const struct player_profile *black = a_white ? o.b : o.a;
		uint64_t game_seed = o.seed * 0x9e3779b97f4a7c15ULL + (uint64_t)(i / 2) * 0xbf58476d1ce4e5b9ULL + (uint64_t)(i % 2);
		struct game g;
		struct position start;
		enum game_result r;

		position_startpos(&start);
		game_init(&g, &start);
		if (match_opening(&g, match_book[(size_t)(i / 2) % ARRAY_LEN(match_book)]) != 0) {
			game_free(&g);
			return 1;
		}
		while (g.termination == TERM_NONE && g.n < o.max_plies) {
			const struct player_profile *pr = g.pos.side == WHITE ? white : black;
			move_t m = player_choose(pr, &g, game_seed + (uint64_t)g.pos.side);

			if (game_play(&g, m) != 0) {
				fprintf(stderr, "simul match: %s chose an illegal move in game %ld\n", pr->name, i + 1);
				game_free(&g);
				return 1;
			}
		}
		if (g.termination == TERM_NONE) {
			game_end(&g, match_adjudicate(adj, &g), TERM_ADJUDICATED);
			adjudicated++;
		}
		r = g.result;
		if (r == RESULT_DRAW)
			d++;
		else if ((r == RESULT_WHITE_WINS) == a_white)
			w++;
		else
			l++;
		game_free(&g);
	}
	t1 = realtime_monotonic();
	match_report(&o, w, d, l, adjudicated,
	    t1 - t0);
	search_free(adj);
	tt_free(&tt);
	return 0;
}
