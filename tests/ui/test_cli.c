/*
 * The shared options: every exhibition-shaping flag in its long form, the
 * preset applied first wherever it stands, extra option tables, and one
 * line per error naming the option and the value.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <criterion/parameterized.h>

#include "ui/cli.h"

static int
parse(int argc, char **argv, struct cli_options *o, char *err, size_t errlen)
{
	cli_options_defaults(o);
	return cli_parse(argc, argv, o, NULL, 0, NULL, err, errlen);
}

Test(cli, defaults_are_the_article)
{
	struct cli_options o;
	char *argv[] = { "run" };
	char err[256];
	enum sim_policy p[SIM_EXHIBITIONS_MAX];

	cr_assert(eq(int, parse(1, argv, &o, err, sizeof(err)), 0));
	cr_assert(eq(int, o.config.boards, 24));
	cr_assert(eq(int, o.config.moves, 30));
	cr_assert(eq(i64, o.config.master_think.a, SIM_SECONDS(5)));
	cr_assert(eq(i64, o.config.opponent_think.a, SIM_SECONDS(55)));
	cr_assert(eq(int, cli_policies(&o, p), 2));
	cr_assert(eq(int, p[0], SIM_SYNC));
	cr_assert(eq(int, p[1], SIM_READY));
	cr_assert(eq(int, o.clock, CLI_CLOCK_VIRTUAL));
}

Test(cli, every_option)
{
	struct cli_options o;
	char *argv[] = { "run", "--boards", "8", "--moves=12", "--master-think", "uniform:1s..3s",
			 "--opponent-think", "exp:40s", "--walk", "2s", "--policy",
			 "sync,round-robin,ready", "--seed", "99", "--chess", "off", "--master",
			 "beginner", "--opponents", "club:3,random", "--speed", "3600", "--clock",
			 "live" };
	char err[256];

	cr_assert(eq(int, parse(sizeof(argv) / sizeof(argv[0]), argv, &o, err, sizeof(err)), 0),
		  "%s", err);
	cr_assert(eq(int, o.config.boards, 8));
	cr_assert(eq(int, o.config.moves, 12));
	cr_assert(eq(int, o.config.master_think.kind, DIST_UNIFORM));
	cr_assert(eq(int, o.config.opponent_think.kind, DIST_EXP));
	cr_assert(eq(i64, o.config.walk.a, SIM_SECONDS(2)));
	cr_assert(eq(int, o.npolicies, 3));
	cr_assert(eq(int, o.policies[1], SIM_ROUND_ROBIN));
	cr_assert(eq(u64, o.config.seed, 99));
	cr_assert(not(o.config.chess));
	cr_assert(eq(str, o.config.master_profile, "beginner"));
	cr_assert(eq(str, o.config.opponents, "club:3,random"));
	cr_assert(eq(dbl, o.speed, 3600.0));
	cr_assert(eq(int, o.clock, CLI_CLOCK_LIVE));
}

Test(cli, preset_first_wherever_it_stands)
{
	struct cli_options o;
	char *argv[] = { "run", "--boards", "8", "--preset", "slow-master" };
	char err[256];

	cr_assert(eq(int, parse(5, argv, &o, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, o.config.boards, 8));
	cr_assert(eq(i64, o.config.master_think.a, SIM_SECONDS(10)));
}

static int
set_flag(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	*(int *)ctx += 1;
	return 0;
}

Test(cli, extra_table)
{
	static const struct cli_option extra[] = {
		{ "ascii", 'a', NULL, "letters instead of pieces", set_flag },
	};
	struct cli_options o;
	char *argv[] = { "live", "--ascii", "-a", "-n", "3" };
	char *bad[] = { "live", "--ascii=yes" };
	char err[256];
	int count = 0;

	cli_options_defaults(&o);
	cr_assert(eq(int, cli_parse(5, argv, &o, extra, 1, &count, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, count, 2));
	cr_assert(eq(int, o.config.boards, 3));
	cli_options_defaults(&o);
	cr_assert(eq(int, cli_parse(2, bad, &o, extra, 1, &count, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "--ascii: takes no value (got \"yes\")"));
}

struct bad {
	char	opt[24];
	char	val[40];
	char	err[200];
};

ParameterizedTestParameters(cli, errors)
{
	static struct bad b[] = {
		{ "--boards", "0", "--boards: \"0\" is not between 1 and 1000000" },
		{ "--boards", "-3", "--boards: \"-3\" is not between 1 and 1000000" },
		{ "--boards", "1000001", "--boards: \"1000001\" is not between 1 and 1000000" },
		{ "--boards", "ten", "--boards: \"ten\" is not a whole number" },
		{ "--moves", "501", "--moves: \"501\" is not between 1 and 500" },
		{ "--master-think", "5", "--master-think: \"5\" needs a unit (us, ms, s, m or h)" },
		{ "--opponent-think", "normal:55s", "--opponent-think: \"normal:55s\": normal needs "
						    "MEAN,STDDEV, e.g. normal:55s,10s" },
		{ "--policy", "fastest", "--policy: \"fastest\" is not a policy (sync, round-robin, "
					 "ready)" },
		{ "--preset", "bogus", "--preset: \"bogus\" is not a preset (try --preset list)" },
		{ "--chess", "maybe", "--chess: \"maybe\" is not on or off" },
		{ "--master", "kasparov", "--master: \"kasparov\" is not a player profile (master, "
					  "grandmaster, club, beginner, random)" },
		{ "--opponents", "club:x", "--opponents: \"club:x\" has a bad count \"x\"" },
		{ "--speed", "0", "--speed: \"0\" is not between 0.001 and 1e+09" },
		{ "--clock", "wall", "--clock: \"wall\" is not virtual, live or real" },
		{ "--seed", "-1", "--seed: \"-1\" is not a number between 0 and 18446744073709551615" },
		{ "--frobnicate", "1", "--frobnicate: unknown option (try --help)" },
		{ "--blocking-opponent", "0", "--blocking-opponent: \"0\" is not between 1 and 1000000" },
		{ "--blocking-opponent", "x", "--blocking-opponent: \"x\" is not a whole number" },
		{ "--blocking-opponent", "25", "--blocking-opponent: \"25\" is not between 1 and 24 "
					       "(the boards)" },
	};

	return cr_make_param_array(struct bad, b, sizeof(b) / sizeof(b[0]));
}

ParameterizedTest(struct bad *b, cli, errors)
{
	struct cli_options o;
	char *argv[] = { "run", b->opt, b->val };
	char err[256] = "";

	cr_assert(eq(int, parse(3, argv, &o, err, sizeof(err)), -1), "%s %s", b->opt, b->val);
	cr_assert(eq(str, err, b->err));
}

Test(cli, missing_value_and_stray_argument)
{
	struct cli_options o;
	char *a[] = { "run", "--boards" };
	char *b[] = { "run", "extra" };
	char err[256];

	cr_assert(eq(int, parse(2, a, &o, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "--boards: needs a value (N)"));
	cr_assert(eq(int, parse(2, b, &o, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"extra\": unexpected argument (try --help)"));
}

Test(cli, greedy_and_blocking_opponents)
{
	struct cli_options o;
	char *argv[] = { "run", "--blocking-opponent", "3", "--greedy", "--blocking-opponent=7",
			 "--blocking-opponent", "3", "--boards", "7" };
	char *late[] = { "run", "--blocking-opponent", "8", "--boards", "7" };
	char err[256];

	cr_assert(eq(int, parse(9, argv, &o, err, sizeof(err)), 0), "%s", err);
	cr_assert(o.config.greedy);
	/* Board numbers from 1 on the command line, 0-based in sim_config; a repeat is one board. */
	cr_assert(eq(int, o.config.nblocking, 2));
	cr_assert(eq(int, o.config.blocking[0], 2));
	cr_assert(eq(int, o.config.blocking[1], 6));
	/* Checked against the board count wherever --boards stands. */
	cr_assert(eq(int, parse(5, late, &o, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "--blocking-opponent: \"8\" is not between 1 and 7 (the boards)"));
	cr_assert(eq(int, parse(1, argv, &o, err, sizeof(err)), 0));
	cr_assert(not(o.config.greedy));
	cr_assert(eq(int, o.config.nblocking, 0));
}

/* getopt_long's conventions hold for every command: glued values, bundles, prefixes, "--". */
Test(cli, getopt_conventions)
{
	struct cli_options o;
	char *glued[] = { "run", "-n8", "-m12", "--boa", "9", "--mov=7", "-s", "5" };
	char *ambiguous[] = { "run", "--b", "3" };
	char *dashdash[] = { "run", "--", "--boards" };
	char err[256];

	cr_assert(eq(int, parse(8, glued, &o, err, sizeof(err)), 0), "%s", err);
	cr_assert(eq(int, o.config.boards, 9));
	cr_assert(eq(int, o.config.moves, 7));
	cr_assert(eq(u64, o.config.seed, 5));
	cr_assert(eq(int, parse(3, ambiguous, &o, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "--b: ambiguous, could be --boards, --blocking-opponent"));
	cr_assert(eq(int, parse(3, dashdash, &o, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"--boards\": unexpected argument (try --help)"));
}

struct flags {
	bool	quiet;
	long	level;
};

static const struct cli_option flag_opts[] = {
	{ "quiet", 'q', NULL, "say less", NULL, .kind = CLI_FLAG,
	  .off = offsetof(struct flags, quiet) },
	{ "level", 'l', "L", "how much", NULL, .kind = CLI_INT, .off = offsetof(struct flags, level),
	  .lo = 0, .hi = 9 },
};

Test(cli, bundled_short_flags)
{
	struct cli_options o;
	struct flags f = { 0 };
	char *argv[] = { "run", "-qn8", "-ql3" };
	char *bad[] = { "run", "-qz" };
	char err[256];

	cli_options_defaults(&o);
	cr_assert(eq(int, cli_parse(3, argv, &o, flag_opts, 2, &f, err, sizeof(err)), 0), "%s", err);
	cr_assert(f.quiet);
	cr_assert(eq(long, f.level, 3));
	cr_assert(eq(int, o.config.boards, 8));
	cr_assert(eq(int, cli_parse(2, bad, &o, flag_opts, 2, &f, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "-z: unknown option (try --help)"));
	cr_assert(eq(int, cli_parse(2, (char *[]){ "run", "-l" }, &o, flag_opts, 2, &f, err,
				    sizeof(err)), -1));
	cr_assert(eq(str, err, "--level: needs a value (L)"));
}

Test(cli, help_stops_before_the_values)
{
	struct cli_options o;
	char *argv[] = { "run", "--boards", "0", "-h" };
	char err[256];

	/* --help wins wherever it stands, even after a bad value. */
	cr_assert(eq(int, parse(4, argv, &o, err, sizeof(err)), 0), "%s", err);
	cr_assert(o.help);
}

/* Every kind, through one spec, with its messages. */
struct every_kind {
	bool		flag;
	long		n;
	uint64_t	count, size, seed;
	simtime_t	think;
	struct dist	dist;
	const char	*path;
	int		choice;
	struct cli_list	list;
	int		sets;
};

static const char *
color_word(size_t i)
{
	static const char *const w[] = { "red", "green", "blue" };

	return i < 3 ? w[i] : NULL;
}

static int
count_set(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct every_kind *)ctx)->sets++;
	return 0;
}

static const struct cli_option kind_opts[] = {
	{ "flag", 'f', NULL, "", NULL, .kind = CLI_FLAG, .off = offsetof(struct every_kind, flag) },
	{ "n", 0, "N", "", NULL, .kind = CLI_INT, .off = offsetof(struct every_kind, n), .lo = -5,
	  .hi = 5 },
	{ "count", 0, "N", "", count_set, .kind = CLI_COUNT,
	  .off = offsetof(struct every_kind, count), .lo = 1, .hi = 2000000 },
	{ "size", 0, "SIZE", "", NULL, .kind = CLI_SIZE, .off = offsetof(struct every_kind, size),
	  .lo = 1024, .hi = 1 << 30 },
	{ "seed", 0, "S", "", NULL, .kind = CLI_UINT64, .off = offsetof(struct every_kind, seed) },
	{ "think", 0, "D", "", NULL, .kind = CLI_DURATION,
	  .off = offsetof(struct every_kind, think), .lo = 1000, .hi = SIM_SECONDS(60) },
	{ "dist", 0, "DIST", "", NULL, .kind = CLI_DIST, .off = offsetof(struct every_kind, dist) },
	{ "out", 'o', "FILE", "", NULL, .kind = CLI_PATH, .off = offsetof(struct every_kind, path) },
	{ "color", 0, "C", "", NULL, .kind = CLI_CHOICE, .off = offsetof(struct every_kind, choice),
	  .word = color_word, .noun = "colour" },
	{ "colors", 0, "LIST", "", NULL, .kind = CLI_LIST,
	  .off = offsetof(struct every_kind, list), .word = color_word, .noun = "colour" },
	{ "json", 0, NULL, "", NULL, .one_of = "format" },
	{ "csv", 0, NULL, "", NULL, .one_of = "format" },
};

static const struct cli_table kind_table = { "options", kind_opts,
					     sizeof(kind_opts) / sizeof(kind_opts[0]) };
static const struct cli_spec kind_spec = { .name = "kinds", .synopsis = "",
					   .tables = { &kind_table } };

static int
parse_kinds(struct every_kind *k, char *err, size_t errlen, int argc, char **argv)
{
	void *ctx[] = { k };

	memset(k, 0, sizeof(*k));
	return cli_getopt(&kind_spec, ctx, argc, argv, err, errlen);
}

Test(cli, every_kind)
{
	struct every_kind k;
	char *argv[] = { "kinds", "-f", "--n=-5", "--count", "10k", "--size", "64K", "--seed",
			 "18446744073709551615", "--think", "1s500ms", "--dist", "exp:2s", "-oa.txt",
			 "--color", "blue", "--colors", "green,red", "--cou=1M" };
	char err[256];

	cr_assert(eq(int, parse_kinds(&k, err, sizeof(err), 19, argv), 0), "%s", err);
	cr_assert(k.flag);
	cr_assert(eq(long, k.n, -5));
	cr_assert(eq(u64, k.count, 1000000));
	cr_assert(eq(int, k.sets, 2));
	cr_assert(eq(u64, k.size, 65536));
	cr_assert(eq(u64, k.seed, UINT64_MAX));
	cr_assert(eq(i64, k.think, 1500000));
	cr_assert(eq(int, k.dist.kind, DIST_EXP));
	cr_assert(eq(str, (char *)k.path, "a.txt"));
	cr_assert(eq(int, k.choice, 2));
	cr_assert(eq(int, k.list.n, 2));
	cr_assert(eq(int, k.list.item[0], 1));
	cr_assert(eq(int, k.list.item[1], 0));
}

ParameterizedTestParameters(cli, kind_errors)
{
	static struct bad b[] = {
		{ "--n", "6", "--n: \"6\" is not between -5 and 5" },
		{ "--n", "99999999999999999999", "--n: \"99999999999999999999\" is not between -5 and 5" },
		{ "--count", "3M", "--count: \"3M\" is not between 1 and 2000000" },
		{ "--count", "10x", "--count: \"10x\" is not a count (e.g. 100, 10k, 1M)" },
		{ "--count", "99999999999999999999k", "--count: \"99999999999999999999k\" is not a count "
						       "(e.g. 100, 10k, 1M)" },
		{ "--size", "2G", "--size: \"2G\" is not between 1K and 1G" },
		{ "--seed", "18446744073709551616", "--seed: \"18446744073709551616\" is not a number "
						    "between 0 and 18446744073709551615" },
		{ "--seed", "-1", "--seed: \"-1\" is not a number between 0 and 18446744073709551615" },
		{ "--think", "2m", "--think: \"2m\" is not between 1ms and 1m" },
		{ "--think", "5", "--think: \"5\" needs a unit (us, ms, s, m or h)" },
		{ "--dist", "uniform:1s..3h", "--dist: \"uniform:1s..3h\": high \"3h\" is longer than the "
					      "limit of 2h" },
		{ "--out", "", "--out: \"\" is not a file name" },
		{ "--color", "pink", "--color: \"pink\" is not a colour (red, green, blue)" },
		{ "--colors", "red,red", "--colors: \"red,red\" names red twice" },
		{ "--colors", "red,", "--colors: \"red,\" has an empty item" },
		{ "--colors", "red,pink", "--colors: \"pink\" is not a colour (red, green, blue)" },
		{ "--json", "--csv", "--csv: cannot be used with --json (pick one)" },
		{ "--flag=", "x", "--flag: takes no value (got \"\")" },
		{ "--c", "x", "--c: ambiguous, could be --count, --color, --colors, --csv" },
	};

	return cr_make_param_array(struct bad, b, sizeof(b) / sizeof(b[0]));
}

ParameterizedTest(struct bad *b, cli, kind_errors)
{
	struct every_kind k;
	char *argv[] = { "kinds", b->opt, b->val };
	char err[256] = "";

	cr_assert(eq(int, parse_kinds(&k, err, sizeof(err), 3, argv), -1), "%s %s", b->opt, b->val);
	cr_assert(eq(str, err, b->err));
}

Test(cli, help_lists_every_option_and_the_profiles)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct cli_options o;
	char *run_help[] = { "run", "--help" };
	char err[128];

	cr_assert(not(eq(ptr, f, NULL)));
	cli_usage(f, &kind_spec);
	fclose(f);
	for (size_t i = 0; i < kind_table.n; i++) {
		char label[64];

		cli_option_label(&kind_opts[i], label, sizeof(label));
		cr_assert(not(eq(ptr, strstr(text, label), NULL)), "%s missing", label);
	}
	cr_assert(not(eq(ptr, strstr(text, "-h, --help"), NULL)));
	free(text);
	cr_assert(eq(int, parse(2, run_help, &o, err, sizeof(err)), 0));
	f = open_memstream(&text, &len);
	cli_exhibition_notes(f);
	fclose(f);
	cr_assert(not(eq(ptr, strstr(text, "  grandmaster "), NULL)), "%s", text);
	free(text);
}

Test(cli, same_file)
{
	char dir[] = "/tmp/simul_cli_XXXXXX", a[64], b[64];
	FILE *f;

	cr_assert(not(eq(ptr, mkdtemp(dir), NULL)));
	snprintf(a, sizeof(a), "%s/out", dir);
	snprintf(b, sizeof(b), "%s/./out", dir);
	cr_assert(cli_same_file(a, b));			/* neither exists yet */
	f = fopen(a, "w");
	fclose(f);
	cr_assert(cli_same_file(a, b));			/* one inode */
	snprintf(b, sizeof(b), "%s/other", dir);
	cr_assert(not(cli_same_file(a, b)));
	unlink(a);
	rmdir(dir);
}
