/*
 * One command-line parser for every subcommand. A command describes itself
 * as a struct cli_spec: a synopsis, a paragraph, and tables of struct
 * cli_option. libc's getopt_long reads argv, so the conventions of every GNU
 * tool hold: --name VALUE, --name=VALUE, -n VALUE, -n8, bundled flags
 * (-qn8), unambiguous prefixes (--boa 8), "--" ends the options. Each
 * option has a kind (flag, integer with a range, duration, distribution,
 * path, choice, list, ...) that reads and checks its value and writes it
 * into the table's context; an option whose value needs more than a kind
 * has a set() function instead (or as well, called after the kind). The
 * same tables generate every --help, the man page and the bash completion,
 * and every error has one shape, printed by the caller as "simul: <err>"
 * with exit code 2:
 *   --boards: "0" is not between 1 and 1000000
 * cli never exits; only cli_main prints.
 */
#ifndef SIMUL_UI_CLI_H
#define SIMUL_UI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/engine_pool.h"
#include "sim/sim.h"

enum cli_kind {
	CLI_CUSTOM,	/* set() reads the text; a flag when metavar is NULL */
	CLI_FLAG,	/* bool at off = true */
	CLI_INT,	/* long at off, in [lo, hi] */
	CLI_COUNT,	/* uint64_t at off, in [lo, hi]; k (1000) or M (10^6) suffix: 10k */
	CLI_SIZE,	/* uint64_t bytes at off, in [lo, hi]; K, M, G (powers of 1024) */
	CLI_UINT64,	/* uint64_t at off, 0..2^64-1 (a seed) */
	CLI_DURATION,	/* simtime_t µs at off, in [lo, hi], duration_parse's grammar */
	CLI_DIST,	/* struct dist at off, dist_parse's grammar */
	CLI_PATH,	/* const char * at off: a file name, not empty */
	CLI_CHOICE,	/* int at off: index of one of word()'s words */
	CLI_LIST,	/* struct cli_list at off: distinct words of word(), comma-separated */
};

enum { CLI_LIST_MAX = 8 };

struct cli_list {
	int	n;
	int	item[CLI_LIST_MAX];	/* indexes into the option's word() list, in order */
};

/*
 * One option. The first five fields are the classic entry
 *   { "pgn", 0, "FILE", "write every game as PGN", opt_pgn }
 * and a kind is added with designated fields:
 *   { "depth", 'd', "D", "plies to search", NULL, .kind = CLI_INT,
 *     .off = offsetof(struct perft_opts, depth), .lo = 1, .hi = 20 }
 */
struct cli_option {
	const char	*name;		/* long name without "--" */
	char		short_name;	/* 0 for none */
	const char	*metavar;	/* NULL: a flag that takes no value */
	const char	*help;		/* one line for --help and the man page */
	/* Value (NULL for a flag) and the table's ctx; 0, or -1 with the reason in err. */
	int		(*set)(void *ctx, const char *value, char *err, size_t errlen);
	enum cli_kind	kind;
	size_t		off;		/* offsetof the field the kind writes in ctx */
	long long	lo, hi;		/* range of CLI_INT, CLI_COUNT, CLI_SIZE, CLI_DURATION (µs) */
	/* CHOICE, LIST: the i-th word, NULL past the last; also the completion's words. */
	const char	*(*word)(size_t i);
	const char	*noun;		/* CHOICE, LIST: "player profile" in "is not a player profile" */
	const char	*one_of;	/* options sharing this tag exclude each other (--json, --csv) */
	bool		early;		/* applied before every other option (--preset) */
};

struct cli_table {
	const char		*title;		/* "exhibition options" */
	const struct cli_option	*opts;
	size_t			 n;
};

enum { CLI_TABLES_MAX = 4 };

struct cli_spec {
	const char		*name;		/* "perft"; NULL for simul itself */
	const char		*synopsis;	/* after "simul perft ": "[--fen FEN] --depth D" */
	const char		*summary;	/* one line for simul --help and the man page */
	const char		*about;		/* a paragraph for --help and the man page */
	const struct cli_table	*tables[CLI_TABLES_MAX];	/* NULL after the last */
	/* Text after the options in --help and the man page (grammars, lists). */
	void			(*notes)(FILE *f);
	/* Checks across options after the whole line is read; 0 or -1 with err. */
	int			(*check)(void *const *ctx, char *err, size_t errlen);
};

/*
 * Parses argv[1..argc) (argv[0] is the command's name) with spec's tables,
 * writing table i's options into ctx[i]. -h/--help is implicit. Returns 0,
 * 1 when help was asked for (nothing else is checked then), or -1 with one
 * line in err. argv's order is kept (getopt runs in "return in order" mode).
 */
int cli_getopt(const struct cli_spec *spec, void *const *ctx, int argc, char **argv, char *err,
	       size_t errlen);

/*
 * cli_getopt for a command's main: returns -1 to go on; otherwise the exit
 * code, after printing the help (0, or 1 if stdout cannot be written) or
 * "simul: <err>" on stderr (2).
 */
int cli_main(const struct cli_spec *spec, void *const *ctx, int argc, char **argv);

/* The command's --help text. */
void cli_usage(FILE *f, const struct cli_spec *spec);
/* "-n, --boards N" or "    --greedy": the left column of --help. */
void cli_option_label(const struct cli_option *opt, char *buf, size_t len);

/* 0 after fflush(stdout) succeeded; else "simul: writing stdout: ..." and 1. */
int cli_flush_stdout(void);

/* Parsers for set() functions, with the same messages as the kinds. */
int cli_parse_int(const char *text, long lo, long hi, long *out, char *err, size_t errlen);
int cli_parse_double(const char *text, double lo, double hi, double *out, char *err,
		     size_t errlen);
int cli_parse_u64(const char *text, uint64_t *out, char *err, size_t errlen);
int cli_parse_duration(const char *text, simtime_t lo, simtime_t hi, simtime_t *out, char *err,
		       size_t errlen);
/* An output file name: anything but empty (the open says the rest). */
int cli_parse_path(const char *text, const char **out, char *err, size_t errlen);
/*
 * Whether two output paths name one file: the same inode when both exist,
 * else the same resolved directory and name ("out.pgn", "./out.pgn").
 */
bool cli_same_file(const char *a, const char *b);
/* A count with an optional k (1000) or M (10^6), in [lo, hi]. */
int cli_parse_count(const char *text, uint64_t lo, uint64_t hi, uint64_t *out, char *err,
		    size_t errlen);
/* Bytes with an optional K/M/G, in [lo, hi]. */
int cli_parse_size(const char *text, uint64_t lo, uint64_t hi, uint64_t *out, char *err,
		   size_t errlen);

/*
 * Calls item() for each comma-separated item of list, in order, with the
 * item as text; an empty item ("a,,b", ",") is an error naming the list.
 * Returns 0, or -1 with err from the first failure.
 */
int cli_each_item(const char *list, int (*item)(void *arg, const char *text, char *err,
						size_t errlen),
		  void *arg, char *err, size_t errlen);

/* The player profiles (engine/player.c), for CLI_CHOICE and messages. */
const char *cli_profile_word(size_t i);
/* "a, b, c" from a word() list. */
void cli_words(const char *(*word)(size_t i), char *out, size_t len);

/* ---- The exhibition's options, shared by `simul run` and the live view ---- */

enum cli_clock { CLI_CLOCK_VIRTUAL, CLI_CLOCK_LIVE, CLI_CLOCK_REAL };

#define CLI_SPEED_DEFAULT	60.0	/* simulated s per real s: the sync side takes 12 min */
#define CLI_SPEED_MAX		1e9

struct cli_options {
	struct sim_config	config;
	enum sim_policy		policies[SIM_EXHIBITIONS_MAX];
	int			npolicies;	/* 0 when --policy was not given */
	const char		*policy_text;	/* --policy as given, for messages */
	double			speed;		/* --speed, CLI_SPEED_DEFAULT */
	bool			speed_set;
	enum cli_clock		clock;		/* --clock, virtual unless set */
	struct engine_pool_options engines;	/* --engine-limit, --engine-restart, --engine-log */
	bool			clock_set;
	char			preset[32];	/* --preset, "article" by default */
	bool			list_presets;	/* --preset list */
	bool			help;		/* --help or -h */
};

/* The table of the exhibition's options; its ctx is a struct cli_options. */
extern const struct cli_table cli_exhibition_table;

void cli_options_defaults(struct cli_options *o);

/*
 * The exhibition's checks across options (a blocking opponent's board
 * exists), for a spec's check(); ctx[0] is the struct cli_options.
 */
int cli_exhibition_check(void *const *ctx, char *err, size_t errlen);
/*
 * Whether a run of c with n exhibitions fits in memory: its estimate
 * (sim_memory_estimate) against what is available, MemAvailable or a
 * lower RLIMIT_AS / RLIMIT_DATA. 0, or -1 with the figures and a way out.
 */
int cli_exhibition_fits(const struct sim_config *c, int n, char *err, size_t errlen);
/* The DIST grammar and the profile list, for a spec's notes(). */
void cli_exhibition_notes(FILE *f);
/* The profile table with each profile's measured rating, for every help that lists profiles. */
void cli_profile_notes(FILE *f);

/*
 * The exhibition's options plus one extra table (may be empty) with its
 * ctx, without a spec: for tests and small callers. --preset is applied
 * first wherever it stands. Sets o->help on -h/--help. 0 or -1 with err.
 */
int cli_parse(int argc, char **argv, struct cli_options *o, const struct cli_option *extra,
	      size_t nextra, void *ctx, char *err, size_t errlen);

/*
 * The policies to run: those given, else the command's default (e.g. sync
 * and ready); writes up to SIM_EXHIBITIONS_MAX into out and returns how many.
 */
int cli_policies(const struct cli_options *o, enum sim_policy *out);

/* The preset table, for --preset list. */
void cli_list_presets(FILE *f);

#endif
