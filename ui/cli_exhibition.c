/*
 * The options that shape an exhibition, shared by `simul run` and the live
 * view: one cli_option table whose ctx is a struct cli_options. Plain
 * values use a kind; the rest (an int field, a list kept in order, a
 * profile name kept as text) have a set() of their own.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "engine/macros.h"
#include "engine/player.h"
#include "sim/engine_pool.h"
#include "ui/cli.h"

static int
set_boards(void *ctx, const char *v, char *err, size_t errlen)
{
	long n;

	if (cli_parse_int(v, 1, SIM_BOARDS_MAX, &n, err, errlen) < 0)
		return -1;
	((struct cli_options *)ctx)->config.boards = (int)n;
	return 0;
}

static int
set_moves(void *ctx, const char *v, char *err, size_t errlen)
{
	long n;

	if (cli_parse_int(v, 1, SIM_MOVES_MAX, &n, err, errlen) < 0)
		return -1;
	((struct cli_options *)ctx)->config.moves = (int)n;
	return 0;
}

static const char *
policy_word(size_t i)
{
	return i < SIM_POLICY_NB ? sim_policy_name((enum sim_policy)i) : NULL;
}

static int
policy_item(void *ctx, const char *text, char *err, size_t errlen)
{
	struct cli_options *o = ctx;
	enum sim_policy pol;

	if (sim_policy_parse(text, &pol, err, errlen) < 0)
		return -1;
	for (int i = 0; i < o->npolicies; i++)
		if (o->policies[i] == pol) {
			snprintf(err, errlen, "\"%s\" names %s twice", o->policy_text,
				 sim_policy_name(pol));
			return -1;
		}
	if (o->npolicies == SIM_EXHIBITIONS_MAX) {
		snprintf(err, errlen, "\"%s\" names more than %d policies", o->policy_text,
			 SIM_EXHIBITIONS_MAX);
		return -1;
	}
	o->policies[o->npolicies++] = pol;
	return 0;
}

static int
set_policy(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;

	/* By items rather than CLI_LIST: sim_policy_parse also takes rr and async. */
	o->npolicies = 0;
	o->policy_text = v;
	return cli_each_item(v, policy_item, o, err, errlen);
}

static const char *
preset_word(size_t i)
{
	size_t n;
	const struct sim_preset *p = sim_presets(&n);

	return i < n ? p[i].name : i == n ? "list" : NULL;
}

static int
set_preset(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;

	/* Early: every other option edits the preset's numbers. */
	if (strcmp(v, "list") == 0) {
		o->list_presets = true;
		return 0;
	}
	if (sim_preset_apply(&o->config, v, err, errlen) < 0)
		return -1;
	snprintf(o->preset, sizeof(o->preset), "%s", v);
	return 0;
}

static const char *
chess_word(size_t i)
{
	static const char *const w[] = { "on", "off" };

	return i < 2 ? w[i] : NULL;
}

static int
set_chess(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;

	if (strcmp(v, "on") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "true") == 0)
		o->config.chess = true;
	else if (strcmp(v, "off") == 0 || strcmp(v, "no") == 0 || strcmp(v, "false") == 0)
		o->config.chess = false;
	else {
		snprintf(err, errlen, "\"%s\" is not on or off", v);
		return -1;
	}
	return 0;
}

static int
set_master(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;
	struct uci_spec spec;

	if (uci_spec_is(v)) {
		if (strlen(v) >= sizeof(o->config.master_profile)) {
			snprintf(err, errlen, "\"%.20s...\" is too long", v);
			return -1;
		}
		if (uci_spec_parse(v, &spec, err, errlen) < 0)
			return -1;
	} else if (player_profile_find(v) == NULL) {
		char names[128];

		cli_words(cli_profile_word, names, sizeof(names));
		snprintf(err, errlen, "\"%s\" is not a player profile (%s)", v, names);
		return -1;
	}
	snprintf(o->config.master_profile, sizeof(o->config.master_profile), "%s", v);
	return 0;
}

static int
set_opponents(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;
	struct sim_config probe = o->config;

	if (strlen(v) >= sizeof(probe.opponents)) {
		snprintf(err, errlen, "\"%.20s...\" is too long", v);
		return -1;
	}
	strcpy(probe.opponents, v);
	/* The board count may still change; check the spec itself with the maximum. */
	probe.boards = SIM_BOARDS_MAX;
	if (sim_config_check(&probe, err, errlen) < 0) {
		const char *colon = strstr(err, ": ");

		/* sim's message starts with its field name; keep only the reason. */
		if (colon != NULL)
			memmove(err, colon + 2, strlen(colon + 2) + 1);
		return -1;
	}
	strcpy(o->config.opponents, v);
	return 0;
}

static int
set_speed(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;

	if (cli_parse_double(v, 1e-3, CLI_SPEED_MAX, &o->speed, err, errlen) < 0)
		return -1;
	o->speed_set = true;
	return 0;
}

static const char *
clock_word(size_t i)
{
	static const char *const w[] = { "virtual", "live", "real" };

	return i < 3 ? w[i] : NULL;
}

static int
set_clock(void *ctx, const char *v, char *err, size_t errlen)
{
	struct cli_options *o = ctx;

	if (strcmp(v, "virtual") == 0)
		o->clock = CLI_CLOCK_VIRTUAL;
	else if (strcmp(v, "live") == 0)
		o->clock = CLI_CLOCK_LIVE;
	else if (strcmp(v, "real") == 0)
		o->clock = CLI_CLOCK_REAL;
	else {
		snprintf(err, errlen, "\"%s\" is not virtual, live or real", v);
		return -1;
	}
	o->clock_set = true;
	return 0;
}

static int
set_blocking(void *ctx, const char *v, char *err, size_t errlen)
{
	struct sim_config *c = &((struct cli_options *)ctx)->config;
	long k;

	/* The upper bound is the board count, known only once every option is read. */
	if (cli_parse_int(v, 1, SIM_BOARDS_MAX, &k, err, errlen) < 0)
		return -1;
	for (int i = 0; i < c->nblocking; i++)
		if (c->blocking[i] == (int)k - 1)
			return 0;
	if (c->nblocking == SIM_BLOCKING_MAX) {
		snprintf(err, errlen, "\"%s\" is one board too many (at most %d)", v,
			 SIM_BLOCKING_MAX);
		return -1;
	}
	c->blocking[c->nblocking++] = (int)k - 1;
	return 0;
}

static int
set_engine_limit(void *ctx, const char *v, char *err, size_t errlen)
{
	return engine_limit_parse(v, &((struct cli_options *)ctx)->engines.limit, err, errlen);
}

static const struct cli_option opts[] = {
	{ "boards", 'n', "N", "boards in the exhibition, 1..1000000 (24)", set_boards },
	{ "moves", 'm', "M", "master moves per game, 1..500 (30); the opponent replies to each",
	  set_moves },
	{ "master-think", 0, "DIST", "master's think time per move (5s)", NULL, .kind = CLI_DIST,
	  .off = offsetof(struct cli_options, config.master_think) },
	{ "opponent-think", 0, "DIST", "opponent's think time per reply (55s)", NULL,
	  .kind = CLI_DIST, .off = offsetof(struct cli_options, config.opponent_think) },
	{ "walk", 0, "DIST", "master's walk between two boards (0)", NULL, .kind = CLI_DIST,
	  .off = offsetof(struct cli_options, config.walk) },
	{ "policy", 'p', "LIST", "master policies: sync,round-robin,ready (sync,ready)", set_policy,
	  .word = policy_word },
	{ "seed", 's', "N", "random seed: same seed, same draws and moves (1)", NULL,
	  .kind = CLI_UINT64, .off = offsetof(struct cli_options, config.seed) },
	{ "preset", 0, "NAME", "start from a preset (article); 'list' shows them", set_preset,
	  .word = preset_word, .early = true },
	{ "chess", 0, "on|off", "play real games, or time only (on)", set_chess, .word = chess_word },
	{ "master", 0, "PROFILE", "the master's player profile (master), or uci:CMD", set_master,
	  .word = cli_profile_word },
	{ "opponents", 0, "SPEC", "opponents' profiles (club), or club:20,beginner:4,uci:CMD:2",
	  set_opponents, .word = cli_profile_word },
	{ "engine-limit", 0, "LIMIT", "uci engines' search: " ENGINE_LIMIT_HELP, set_engine_limit },
	{ "engine-restart", 0, NULL, "a uci engine that dies is replaced, its game goes on", NULL,
	  .kind = CLI_FLAG, .off = offsetof(struct cli_options, engines.restart) },
	{ "engine-log", 0, "FILE", "uci engines' stderr (default: next to --pgn)", NULL,
	  .kind = CLI_PATH, .off = offsetof(struct cli_options, engines.log) },
	{ "speed", 0, "X", "live clock: simulated seconds per real second (60)", set_speed },
	{ "clock", 0, "virtual|live|real", "which clock runs the simulation (real: nothing simulated)",
	  set_clock,
	  .word = clock_word },
	{ "greedy", 0, NULL, "live clock: search in one go inside the callback (the loop stalls)",
	  NULL, .kind = CLI_FLAG, .off = offsetof(struct cli_options, config.greedy) },
	{ "blocking-opponent", 0, "K", "board K's opponent thinks in a blocking call (repeatable)",
	  set_blocking },
};

const struct cli_table cli_exhibition_table = { "exhibition options", opts, ARRAY_LEN(opts) };

void
cli_options_defaults(struct cli_options *o)
{
	memset(o, 0, sizeof(*o));
	sim_config_defaults(&o->config);
	o->speed = CLI_SPEED_DEFAULT;
	o->clock = CLI_CLOCK_VIRTUAL;
	engine_limit_defaults(&o->engines.limit);
	snprintf(o->preset, sizeof(o->preset), "article");
}

int
cli_exhibition_check(void *const *ctx, char *err, size_t errlen)
{
	const struct sim_config *c = &((const struct cli_options *)ctx[0])->config;

	for (int i = 0; i < c->nblocking; i++)
		if (c->blocking[i] >= c->boards) {
			snprintf(err, errlen,
				 "--blocking-opponent: \"%d\" is not between 1 and %d (the boards)",
				 c->blocking[i] + 1, c->boards);
			return -1;
		}
	return 0;
}

/* Bytes this process may still allocate: MemAvailable, or a lower rlimit; 0 unknown. */
static uint64_t
memory_limit(const char **what)
{
	static const struct {
		int		resource;
		const char	*name;
	} limits[] = { { RLIMIT_AS, "ulimit -v" }, { RLIMIT_DATA, "ulimit -d" } };
	uint64_t limit = 0;
	unsigned long long kb;
	char line[128];
	FILE *f = fopen("/proc/meminfo", "r");

	*what = "unknown";
	while (f != NULL && fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1) {
			limit = (uint64_t)kb * 1024;
			*what = "MemAvailable";
		}
	if (f != NULL)
		fclose(f);
	for (size_t i = 0; i < ARRAY_LEN(limits); i++) {
		struct rlimit rl;

		if (getrlimit(limits[i].resource, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
		    (limit == 0 || (uint64_t)rl.rlim_cur < limit)) {
			limit = (uint64_t)rl.rlim_cur;
			*what = limits[i].name;
		}
	}
	return limit;
}

static void
bytes_text(uint64_t b, char *buf, size_t len)
{
	if (b >= 1000000000)
		snprintf(buf, len, "%.1f GB", (double)b / 1e9);
	else
		snprintf(buf, len, "%.0f MB", (double)b / 1e6);
}

int
cli_exhibition_fits(const struct sim_config *c, int n, char *err, size_t errlen)
{
	uint64_t need = sim_memory_estimate(c, n);
	const char *what;
	uint64_t limit = memory_limit(&what);
	char a[32], b[32];

	if (limit == 0 || need <= limit)
		return 0;
	bytes_text(need, a, sizeof(a));
	bytes_text(limit, b, sizeof(b));
	snprintf(err, errlen,
		 "--boards: %d boards of %d moves in %d exhibition%s%s need up to %s, more than the "
		 "%s available (%s); try %sfewer --moves or --boards",
		 c->boards, c->moves, n, n > 1 ? "s" : "", c->chess ? " with chess" : "", a, b, what,
		 c->chess ? "--chess off, " : "");
	return -1;
}

void
cli_exhibition_notes(FILE *f)
{
	fprintf(f, "DIST is a duration (55s, 2m, 1.5s, 500ms, 1h2m3s: units largest first, each\n"
		   "once; at least 1us, at most 2h) or a distribution: uniform:40s..70s,\n"
		   "normal:55s,10s (truncated at 0), exp:55s, lognormal:55s,0.5 (mean, sigma).\n"
		   "Each board draws its own times from the seed, so every policy sees the same\n"
		   "draws.\n"
		   "\nPROFILE (who chooses the moves; the think time is the DIST above):\n");
	cli_profile_notes(f);
}

void
cli_profile_notes(FILE *f)
{
	size_t n;
	const struct player_profile *p = player_profiles(&n);
	const char *method = NULL;

	for (size_t i = 0; i < n; i++) {
		char rating[48];

		player_rating_text(&p[i], rating, sizeof(rating));
		fprintf(f, "  %-12s %-22s %s\n", p[i].name, rating, p[i].summary);
		if (p[i].elo_method != NULL)
			method = p[i].elo_method;
	}
	if (method != NULL)
		fprintf(f, "  Ratings: %s (docs/calibration.md).\n", method);
}

int
cli_parse(int argc, char **argv, struct cli_options *o, const struct cli_option *extra,
	  size_t nextra, void *ctx, char *err, size_t errlen)
{
	const struct cli_table more = { "options", extra, nextra };
	const struct cli_spec spec = {
		.name = argv[0], .synopsis = "[options]", .about = "",
		.tables = { &cli_exhibition_table, nextra > 0 ? &more : NULL },
		.check = cli_exhibition_check,
	};
	void *ctxs[] = { o, ctx };
	int rc = cli_getopt(&spec, ctxs, argc, argv, err, errlen);

	o->help = rc == 1;
	return rc < 0 ? -1 : 0;
}

int
cli_policies(const struct cli_options *o, enum sim_policy *out)
{
	if (o->npolicies == 0) {
		out[0] = SIM_SYNC;
		out[1] = SIM_READY;
		return 2;
	}
	memcpy(out, o->policies, (size_t)o->npolicies * sizeof(out[0]));
	return o->npolicies;
}

void
cli_list_presets(FILE *f)
{
	size_t n;
	const struct sim_preset *p = sim_presets(&n);

	for (size_t i = 0; i < n; i++)
		fprintf(f, "%-14s %s\n", p[i].name, p[i].summary);
}
