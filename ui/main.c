/*
 * simul's entry point: picks the subcommand and hands it the rest of the
 * command line. With no subcommand (or only options) it is the live view on
 * a terminal, and the headless summary when stdout is not one.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "engine/position.h"
#include "ui/commands.h"

struct command {
	const char	*name;
	int		(*run)(int argc, char **argv);
	const char	*summary;
};

static const struct command commands[] = {
	{ "live",  cmd_live,  "the live view (what plain `simul` starts on a terminal)" },
	{ "run",   cmd_run,   "run exhibitions headless and print a table, JSON, CSV or Markdown" },
	{ "perft", cmd_perft, "count the leaf nodes of the move tree (move generator check and speed)" },
	{ "uci",   cmd_uci,   "speak the UCI protocol on stdin/stdout, for chess GUIs" },
	{ "match", cmd_match, "play a seeded match between two player profiles" },
	{ "bench", cmd_bench, "measure processes vs threads vs async on this machine" },
	{ "sweep", cmd_sweep, "one parameter over a range: totals, model and the knee (--svg)" },
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: simul [options]            live view (headless summary when not a terminal)\n"
	    "       simul <command> [options]\n"
	    "\n"
	    "A chess master plays many boards at once. Synchronously he waits through\n"
	    "every opponent's think; asynchronously he moves on and comes back when\n"
	    "the opponent has replied. simul shows, measures and explains the difference.\n"
	    "\n"
	    "commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-6s %s\n", commands[i].name, commands[i].summary);
	fprintf(f,
	    "\n"
	    "  simul --help       this text;  simul <command> --help  its options\n"
	    "  simul --version    print the version\n"
	    "\n"
	    "The live view takes every option of `simul run` that shapes the exhibition\n"
	    "(boards, think times, moves, policy, seed, preset, speed) and a few of its\n"
	    "own: see `simul live --help`. For example:\n"
	    "  simul --boards 8 --opponent-think uniform:20s..90s --speed 600\n");
}

int
main(int argc, char **argv)
{
	engine_init();
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return 0;
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		printf("simul %s\n", SIMUL_VERSION);
		return 0;
	}
	if (argc > 1 && argv[1][0] != '-') {
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].run(argc - 1, argv + 1);
		fprintf(stderr, "simul: unknown command \"%s\" (try simul --help)\n", argv[1]);
		return 2;
	}
	return cmd_live(argc, argv);
}
