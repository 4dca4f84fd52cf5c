/*
 * The command-line options that shape an exhibition, shared by `simul run`
 * and the live view: boards, moves, think times, walk, policies, seed,
 * preset, chess, player profiles, speed and clock. A command adds its own
 * options as a table of struct cli_option, parsed in the same pass, so
 * every command speaks one dialect: --name VALUE, --name=VALUE, short -x
 * VALUE, and errors of one line naming the option and the value:
 *   --boards: "0" is not between 1 and 1000000
 * cli never prints or exits; the caller prints "simul: <err>" and exits 2.
 */
#ifndef SIMUL_UI_CLI_H
#define SIMUL_UI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sim/sim.h"

enum cli_clock { CLI_CLOCK_VIRTUAL, CLI_CLOCK_LIVE };

#define CLI_SPEED_DEFAULT	60.0	/* simulated s per real s: the sync side takes 12 min */
#define CLI_SPEED_MAX		1e9

struct cli_options {
	struct sim_config	config;
	enum sim_policy		policies[SIM_EXHIBITIONS_MAX];
	int			npolicies;	/* 0 when --policy was not given */
	double			speed;		/* --speed, CLI_SPEED_DEFAULT */
	bool			speed_set;
	enum cli_clock		clock;		/* --clock, virtual unless set */
	bool			clock_set;
	char			preset[32];	/* --preset, "article" by default */
	bool			list_presets;	/* --preset list */
	bool			help;		/* --help or -h */
};

/*
 * A command's own option. set() gets value (NULL for a flag) and ctx; it
 * returns 0, or -1 with the problem in err (cli prefixes "--name: ").
 */
struct cli_option {
	const char	*name;		/* long name without "--" */
	char		short_name;	/* 0 for none */
	const char	*metavar;	/* NULL: a flag that takes no value */
	const char	*help;		/* one line for --help */
	int		(*set)(void *ctx, const char *value, char *err, size_t errlen);
};

void cli_options_defaults(struct cli_options *o);

/*
 * Parses argv[1..argc) (argv[0] is the command's name). --preset is applied
 * before every other option whatever its position, so "--boards 8 --preset
 * slow-master" means the preset with 8 boards. Unknown options and stray
 * arguments are errors. Returns 0 or -1 with one line in err.
 */
int cli_parse(int argc, char **argv, struct cli_options *o, const struct cli_option *extra,
	      size_t nextra, void *ctx, char *err, size_t errlen);

/*
 * The policies to run: those given, else the command's default (e.g. sync
 * and ready); writes up to SIM_EXHIBITIONS_MAX into out and returns how many.
 */
int cli_policies(const struct cli_options *o, enum sim_policy *out);

/* The shared options' help, then the extra table's, for --help. */
void cli_help(FILE *f, const struct cli_option *extra, size_t nextra);
/* The preset table, for --preset list. */
void cli_list_presets(FILE *f);

/* Helpers for commands' own parsers, same messages as the shared ones. */
int cli_parse_int(const char *text, long lo, long hi, long *out, char *err, size_t errlen);
int cli_parse_double(const char *text, double lo, double hi, double *out, char *err,
		     size_t errlen);
/* An output file name: anything but empty (the open says the rest). */
int cli_parse_path(const char *text, const char **out, char *err, size_t errlen);

#endif
