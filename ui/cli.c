/*
 * Shared option parsing. The shared options live in one table, opts[],
 * each with a setter that writes into struct cli_options; a command's extra
 * table goes through the same loop, so --name=VALUE, --name VALUE and short
 * forms behave identically everywhere and every error has one shape.
 */
#include "ui/cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "engine/player.h"

struct shared_option {
	const char	*name;
	char		short_name;
	const char	*metavar;
	const char	*help;
	int		(*set)(struct cli_options *o, const char *v, char *err, size_t errlen);
};

int
cli_parse_int(const char *text, long lo, long hi, long *out, char *err, size_t errlen)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0) {
		snprintf(err, errlen, "\"%s\" is not a whole number", text);
		return -1;
	}
	if (v < lo || v > hi) {
		snprintf(err, errlen, "\"%s\" is not between %ld and %ld", text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_parse_path(const char *text, const char **out, char *err, size_t errlen)
{
	if (text[0] == '\0') {
		snprintf(err, errlen, "\"\" is not a file name");
		return -1;
	}
	*out = text;
	return 0;
}

int
cli_parse_double(const char *text, double lo, double hi, double *out, char *err, size_t errlen)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (end == text || *end != '\0' || errno != 0 || v != v) {
		snprintf(err, errlen, "\"%s\" is not a number", text);
		return -1;
	}
	if (v < lo || v > hi) {
		snprintf(err, errlen, "\"%s\" is not between %g and %g", text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int
set_boards(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	long n;

	if (cli_parse_int(v, 1, SIM_BOARDS_MAX, &n, err, errlen) < 0)
		return -1;
	o->config.boards = (int)n;
	return 0;
}

static int
set_moves(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	long n;

	if (cli_parse_int(v, 1, SIM_MOVES_MAX, &n, err, errlen) < 0)
		return -1;
	o->config.moves = (int)n;
	return 0;
}

static int
set_master_think(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	return dist_parse(v, &o->config.master_think, err, errlen);
}

static int
set_opponent_think(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	return dist_parse(v, &o->config.opponent_think, err, errlen);
}

static int
set_walk(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	return dist_parse(v, &o->config.walk, err, errlen);
}

static int
set_policy(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	char buf[128];
	char *save = NULL;

	if (strlen(v) >= sizeof(buf) || v[0] == '\0') {
		snprintf(err, errlen, "\"%s\" is not a list of policies (sync,round-robin,ready)", v);
		return -1;
	}
	strcpy(buf, v);
	o->npolicies = 0;
	for (char *tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		enum sim_policy p;

		if (o->npolicies == SIM_EXHIBITIONS_MAX) {
			snprintf(err, errlen, "\"%s\" names more than %d policies", v,
				 SIM_EXHIBITIONS_MAX);
			return -1;
		}
		if (sim_policy_parse(tok, &p, err, errlen) < 0)
			return -1;
		o->policies[o->npolicies++] = p;
	}
	if (o->npolicies == 0) {
		snprintf(err, errlen, "\"%s\" is not a list of policies (sync,round-robin,ready)", v);
		return -1;
	}
	return 0;
}

static int
set_seed(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	char *end;
	unsigned long long s;

	errno = 0;
	s = strtoull(v, &end, 0);
	if (end == v || *end != '\0' || errno != 0 || v[0] == '-') {
		snprintf(err, errlen, "\"%s\" is not a number between 0 and 18446744073709551615", v);
		return -1;
	}
	o->config.seed = (uint64_t)s;
	return 0;
}

static int
set_preset(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	/* Applied in the first pass; here only remembered and checked. */
	struct sim_config probe;

	if (strcmp(v, "list") == 0) {
		o->list_presets = true;
		return 0;
	}
	if (sim_preset_apply(&probe, v, err, errlen) < 0)
		return -1;
	snprintf(o->preset, sizeof(o->preset), "%s", v);
	return 0;
}

static int
set_chess(struct cli_options *o, const char *v, char *err, size_t errlen)
{
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

/* "master, club, ..." from engine/player.h, so a new profile needs no edit here. */
static void
cli_profile_names(char *out, size_t len)
{
	size_t n, used = 0;
	const struct player_profile *p = player_profiles(&n);

	out[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s", i ? ", " : "", p[i].name);
}

static int
set_master(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	if (player_profile_find(v) == NULL) {
		char names[128];

		cli_profile_names(names, sizeof(names));
		snprintf(err, errlen, "\"%s\" is not a player profile (%s)", v, names);
		return -1;
	}
	snprintf(o->config.master_profile, sizeof(o->config.master_profile), "%s", v);
	return 0;
}

static int
set_opponents(struct cli_options *o, const char *v, char *err, size_t errlen)
{
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
set_speed(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	if (cli_parse_double(v, 1e-3, CLI_SPEED_MAX, &o->speed, err, errlen) < 0)
		return -1;
	o->speed_set = true;
	return 0;
}

static int
set_clock(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	if (strcmp(v, "virtual") == 0)
		o->clock = CLI_CLOCK_VIRTUAL;
	else if (strcmp(v, "live") == 0)
		o->clock = CLI_CLOCK_LIVE;
	else {
		snprintf(err, errlen, "\"%s\" is not virtual or live", v);
		return -1;
	}
	o->clock_set = true;
	return 0;
}

static int
set_greedy(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	(void)v;
	(void)err;
	(void)errlen;
	o->config.greedy = true;
	return 0;
}

static int
set_blocking(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	struct sim_config *c = &o->config;
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
set_help(struct cli_options *o, const char *v, char *err, size_t errlen)
{
	(void)v;
	(void)err;
	(void)errlen;
	o->help = true;
	return 0;
}

static const struct shared_option opts[] = {
	{ "boards", 'n', "N", "boards in the exhibition, 1..1000000 (24)", set_boards },
	{ "moves", 'm', "M", "master moves per game, 1..500 (30); the opponent replies to each",
	  set_moves },
	{ "master-think", 0, "DIST", "master's think time per move (5s)", set_master_think },
	{ "opponent-think", 0, "DIST", "opponent's think time per reply (55s)", set_opponent_think },
	{ "walk", 0, "DIST", "master's walk between two boards (0)", set_walk },
	{ "policy", 'p', "LIST", "master policies: sync,round-robin,ready (sync,ready)", set_policy },
	{ "seed", 's', "N", "random seed: same seed, same draws and moves (1)", set_seed },
	{ "preset", 0, "NAME", "start from a preset (article); 'list' shows them", set_preset },
	{ "chess", 0, "on|off", "play real games, or time only (on)", set_chess },
	{ "master", 0, "PROFILE", "the master's player profile (master)", set_master },
	{ "opponents", 0, "SPEC", "opponents' profiles (club), or club:20,beginner:4", set_opponents },
	{ "speed", 0, "X", "live clock: simulated seconds per real second (60)", set_speed },
	{ "clock", 0, "virtual|live", "which clock runs the simulation", set_clock },
	{ "greedy", 0, NULL, "live clock: search in one go inside the callback (the loop stalls)",
	  set_greedy },
	{ "blocking-opponent", 0, "K", "board K's opponent thinks in a blocking call (repeatable)",
	  set_blocking },
	{ "help", 'h', NULL, "this help", set_help },
};

void
cli_options_defaults(struct cli_options *o)
{
	memset(o, 0, sizeof(*o));
	sim_config_defaults(&o->config);
	o->speed = CLI_SPEED_DEFAULT;
	o->clock = CLI_CLOCK_VIRTUAL;
	snprintf(o->preset, sizeof(o->preset), "article");
}

/* Finds the option an argument names; sets *inline_value for --name=VALUE. */
static int
find_option(const char *arg, const struct cli_option *extra, size_t nextra, int *shared,
	    int *ext, const char **inline_value, char *name, size_t namelen)
{
	*shared = -1;
	*ext = -1;
	*inline_value = NULL;
	if (arg[0] == '-' && arg[1] == '-') {
		const char *eq = strchr(arg + 2, '=');
		size_t n = eq != NULL ? (size_t)(eq - arg - 2) : strlen(arg + 2);

		snprintf(name, namelen, "--%.*s", (int)n, arg + 2);
		if (eq != NULL)
			*inline_value = eq + 1;
		for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
			if (strlen(opts[i].name) == n && strncmp(opts[i].name, arg + 2, n) == 0)
				*shared = (int)i;
		for (size_t i = 0; i < nextra && *shared < 0; i++)
			if (strlen(extra[i].name) == n && strncmp(extra[i].name, arg + 2, n) == 0)
				*ext = (int)i;
	} else if (arg[0] == '-' && arg[1] != '\0' && arg[2] == '\0') {
		snprintf(name, namelen, "%s", arg);
		for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
			if (opts[i].short_name == arg[1]) {
				*shared = (int)i;
				snprintf(name, namelen, "--%s", opts[i].name);
			}
		for (size_t i = 0; i < nextra && *shared < 0; i++)
			if (extra[i].short_name == arg[1]) {
				*ext = (int)i;
				snprintf(name, namelen, "--%s", extra[i].name);
			}
	} else {
		snprintf(name, namelen, "%s", arg);
	}
	return *shared >= 0 || *ext >= 0 ? 0 : -1;
}

/*
 * One pass over argv. In the first pass (presets_only) only --preset is
 * applied, so the preset is the base every other option edits.
 */
static int
parse_pass(int argc, char **argv, struct cli_options *o, const struct cli_option *extra,
	   size_t nextra, void *ctx, bool presets_only, char *err, size_t errlen)
{
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *value;
		char name[64], why[256];
		int shared, ext;
		bool takes_value;
		int rc;

		if (find_option(arg, extra, nextra, &shared, &ext, &value, name, sizeof(name)) < 0) {
			if (arg[0] == '-')
				snprintf(err, errlen, "%s: unknown option (try --help)", name);
			else
				snprintf(err, errlen, "\"%s\": unexpected argument (try --help)", arg);
			return -1;
		}
		takes_value = shared >= 0 ? opts[shared].metavar != NULL : extra[ext].metavar != NULL;
		if (takes_value && value == NULL) {
			if (i + 1 >= argc) {
				snprintf(err, errlen, "%s: needs a value (%s)", name,
					 shared >= 0 ? opts[shared].metavar : extra[ext].metavar);
				return -1;
			}
			value = argv[++i];
		} else if (!takes_value && value != NULL) {
			snprintf(err, errlen, "%s: takes no value (got \"%s\")", name, value);
			return -1;
		}
		if (presets_only != (shared >= 0 && opts[shared].set == set_preset))
			continue;
		why[0] = '\0';
		if (shared >= 0)
			rc = opts[shared].set(o, value, why, sizeof(why));
		else
			rc = extra[ext].set(ctx, value, why, sizeof(why));
		if (rc < 0) {
			snprintf(err, errlen, "%s: %s", name, why);
			return -1;
		}
	}
	return 0;
}

int
cli_parse(int argc, char **argv, struct cli_options *o, const struct cli_option *extra,
	  size_t nextra, void *ctx, char *err, size_t errlen)
{
	if (parse_pass(argc, argv, o, extra, nextra, ctx, true, err, errlen) < 0)
		return -1;
	if (!o->list_presets && sim_preset_apply(&o->config, o->preset, err, errlen) < 0)
		return -1;
	if (parse_pass(argc, argv, o, extra, nextra, ctx, false, err, errlen) < 0)
		return -1;
	for (int i = 0; i < o->config.nblocking; i++)
		if (o->config.blocking[i] >= o->config.boards) {
			snprintf(err, errlen, "--blocking-opponent: \"%d\" is not between 1 and %d (the boards)",
				 o->config.blocking[i] + 1, o->config.boards);
			return -1;
		}
	return 0;
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

static void
help_line(FILE *f, const char *name, char short_name, const char *metavar, const char *help)
{
	char left[48];

	if (short_name != 0)
		snprintf(left, sizeof(left), "-%c, --%s%s%s", short_name, name, metavar ? " " : "",
			 metavar ? metavar : "");
	else
		snprintf(left, sizeof(left), "    --%s%s%s", name, metavar ? " " : "",
			 metavar ? metavar : "");
	fprintf(f, "  %-28s %s\n", left, help);
}

void
cli_help(FILE *f, const struct cli_option *extra, size_t nextra)
{
	fprintf(f, "exhibition options:\n");
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		help_line(f, opts[i].name, opts[i].short_name, opts[i].metavar, opts[i].help);
	if (nextra > 0)
		fprintf(f, "\noutput options:\n");
	for (size_t i = 0; i < nextra; i++)
		help_line(f, extra[i].name, extra[i].short_name, extra[i].metavar, extra[i].help);
	fprintf(f,
		"\nDIST is a duration (55s, 2m, 1.5s, 500ms, 1h2m3s; at most 2h) or a\n"
		"distribution: uniform:40s..70s, normal:55s,10s (truncated at 0), exp:55s,\n"
		"lognormal:55s,0.5 (mean, sigma). Each board draws its own times from the\n"
		"seed, so every policy sees the same draws.\n"
		"\nPROFILE (who chooses the moves; the think time is the DIST above):\n");
	{
		size_t n;
		const struct player_profile *p = player_profiles(&n);

		for (size_t i = 0; i < n; i++)
			fprintf(f, "  %-12s %s\n", p[i].name, p[i].summary);
	}
}

void
cli_list_presets(FILE *f)
{
	size_t n;
	const struct sim_preset *p = sim_presets(&n);

	for (size_t i = 0; i < n; i++)
		fprintf(f, "%-14s %s\n", p[i].name, p[i].summary);
}
