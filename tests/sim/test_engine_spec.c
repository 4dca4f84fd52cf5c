/*
 * The engine player specs and limits: uci:CMD?NAME=VALUE&..., the count
 * suffix among profiles, --engine-limit's grammar and the go command it
 * makes, with the one-line errors naming the field and the value.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <string.h>

#include "sim/engine_pool.h"
#include "sim/sim_internal.h"
#include "sim/uci_engine.h"

Test(engine_spec, command_words_and_options)
{
	struct uci_spec s;
	char err[256];

	cr_assert(eq(int, uci_spec_parse("uci:/usr/games/stockfish?Skill Level=3&Threads=1", &s, err,
					 sizeof(err)), 0));
	cr_assert(eq(int, s.argc, 1));
	cr_assert(eq(str, s.argv[0], "/usr/games/stockfish"));
	cr_assert(eq(ptr, s.argv[1], NULL));
	cr_assert(eq(int, s.nopts, 2));
	cr_assert(eq(str, s.opt_name[0], "Skill Level"));
	cr_assert(eq(str, s.opt_value[0], "3"));
	cr_assert(eq(str, s.opt_name[1], "Threads"));
	cr_assert(eq(str, s.opt_value[1], "1"));

	cr_assert(eq(int, uci_spec_parse("uci:fake_uci  crash=3 name=X", &s, err, sizeof(err)), 0));
	cr_assert(eq(int, s.argc, 3));
	cr_assert(eq(str, s.argv[1], "crash=3"));
	cr_assert(eq(str, s.argv[2], "name=X"));
	cr_assert(eq(int, s.nopts, 0));
	/* An empty value is a value. */
	cr_assert(eq(int, uci_spec_parse("uci:e?UCI_Chess960=", &s, err, sizeof(err)), 0));
	cr_assert(eq(str, s.opt_value[0], ""));
}

Test(engine_spec, errors_name_the_spec)
{
	struct uci_spec s;
	char err[256];

	cr_assert(eq(int, uci_spec_parse("uci:", &s, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"uci:\" names no command after uci:"));
	cr_assert(eq(int, uci_spec_parse("uci:sf?Hash", &s, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"uci:sf?Hash\": option \"Hash\" is not NAME=VALUE (at most 16)"));
	cr_assert(eq(int, uci_spec_parse("uci:sf?=3", &s, err, sizeof(err)), -1));
	cr_assert(eq(int, uci_spec_parse("club", &s, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"club\" is not an engine spec (uci:CMD?NAME=VALUE&...)"));
	cr_assert(not(uci_spec_is("club")));
	cr_assert(uci_spec_is("uci:x"));
}

Test(engine_spec, opponents_with_counts)
{
	struct sim_opponent_entry e[8];
	char err[256];
	int n = sim_opponents_split("club:20,uci:stockfish?Threads=1:3,uci:/opt/x", 24, e, err,
				    sizeof(err));

	cr_assert(eq(int, n, 3), "%s", err);
	cr_assert(eq(str, e[0].text, "club"));
	cr_assert(eq(int, e[0].first, 0));
	cr_assert(eq(int, e[0].count, 20));
	cr_assert(eq(str, e[1].text, "uci:stockfish?Threads=1"));
	cr_assert(eq(int, e[1].first, 20));
	cr_assert(eq(int, e[1].count, 3));
	/* No count: the boards left over. */
	cr_assert(eq(str, e[2].text, "uci:/opt/x"));
	cr_assert(eq(int, e[2].count, 1));

	cr_assert(eq(int, sim_opponents_split("uci:sf:30", 24, e, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "opponents: \"uci:sf:30\" names more than the 24 boards"));
	cr_assert(eq(int, sim_opponents_split("club:x", 24, e, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "opponents: \"club:x\" has a bad count \"x\""));
	cr_assert(eq(int, sim_opponents_split("uci:sf?Hash", 24, e, err, sizeof(err)), -1));
}

Test(engine_spec, limits_and_go)
{
	struct engine_limit l;
	char go[64], err[256];

	engine_limit_defaults(&l);
	engine_limit_go(&l, go, sizeof(go));
	cr_assert(eq(str, go, "go nodes 20000"));
	cr_assert(eq(i64, l.margin, SIM_SECONDS(5)));
	cr_assert(eq(i64, l.start, SIM_SECONDS(5)));

	cr_assert(eq(int, engine_limit_parse("depth=6", &l, err, sizeof(err)), 0));
	engine_limit_go(&l, go, sizeof(go));
	cr_assert(eq(str, go, "go depth 6"));
	cr_assert(eq(int, engine_limit_parse("movetime=150ms,margin=300ms,start=30s", &l, err,
					     sizeof(err)), 0));
	engine_limit_go(&l, go, sizeof(go));
	cr_assert(eq(str, go, "go movetime 150"));
	cr_assert(eq(i64, l.margin, 300000));
	cr_assert(eq(i64, l.start, SIM_SECONDS(30)));

	cr_assert(eq(int, engine_limit_parse("nodes=0", &l, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "nodes: \"0\" is not a positive count"));
	cr_assert(eq(int, engine_limit_parse("depth=101", &l, err, sizeof(err)), -1));
	cr_assert(eq(int, engine_limit_parse("time=3s", &l, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "\"time\" is not nodes, depth, movetime, margin or start"));
	cr_assert(eq(int, engine_limit_parse("movetime=0", &l, err, sizeof(err)), -1));
	cr_assert(eq(str, err, "movetime: \"0\" is not a duration of 1ms or more"));
	cr_assert(eq(int, engine_limit_parse("nodes", &l, err, sizeof(err)), -1));
}
