/*
 * simul's entry point: picks the subcommand and hands it the rest of the
 * command line. With no subcommand (or only options) it is the live view on
 * a terminal, and the headless summary when stdout is not one.
 */
#include <stdio.h>
#include <string.h>

#include "engine/position.h"
#include "ui/commands.h"

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
	size_t n;
	const struct command *cmd = commands(&n);

	for (size_t i = 0; i < n; i++)
		fprintf(f, "  %-6s %s\n", cmd[i].spec->name, cmd[i].spec->summary);
	fprintf(f,
	    "\n"
	    "  simul --help       this text;  simul <command> --help  its options\n"
	    "  simul --version    print the version\n"
	    "\n"
	    "Options follow GNU conventions: --name VALUE or --name=VALUE, a unique\n"
	    "prefix of a name (--boa 8), short forms bundled (-qn8), -- ends them.\n"
	    "The live view takes every option of `simul run` that shapes the exhibition\n"
	    "(boards, think times, moves, policy, seed, preset, speed) and a few of its\n"
	    "own: see `simul live --help`. For example:\n"
	    "  simul --boards 8 --opponent-think uniform:20s..90s --speed 600\n");
}

int
main(int argc, char **argv)
{
	size_t n;
	const struct command *cmd = commands(&n);

	engine_init();
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return cli_flush_stdout();
	}
	if (argc == 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		printf("simul %s\n", SIMUL_VERSION);
		return cli_flush_stdout();
	}
	/* Hidden: the build writes the man page and the completion with these. */
	if (argc == 2 && strcmp(argv[1], "--print-man") == 0) {
		cli_doc_man(stdout);
		return cli_flush_stdout();
	}
	if (argc == 2 && strcmp(argv[1], "--print-completion") == 0) {
		cli_doc_completion(stdout);
		return cli_flush_stdout();
	}
	if (argc > 1 && argv[1][0] != '-') {
		for (size_t i = 0; i < n; i++)
			if (strcmp(argv[1], cmd[i].spec->name) == 0)
				return cmd[i].run(argc - 1, argv + 1);
		fprintf(stderr, "simul: unknown command \"%s\" (try simul --help)\n", argv[1]);
		return 2;
	}
	return cmd_live(argc, argv);
}
