/*
 * The shared options: every exhibition-shaping flag in its long form, the
 * preset applied first wherever it stands, extra option tables, and one
 * line per error naming the option and the value.
 */
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
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
		{ "--clock", "wall", "--clock: \"wall\" is not virtual or live" },
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
