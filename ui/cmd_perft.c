/*
 * `simul perft`: counts the leaves of the legal move tree from a position,
 * optionally per root move (--divide), and always ends with one line giving
 * the node count, the elapsed time and the speed, so both a correctness check
 * (compare counts with published ones or another engine's divide) and a
 * speed benchmark.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/movegen.h"
#include "engine/notation.h"
#include "engine/macros.h"
#include "ui/cli.h"
#include "ui/commands.h"
#include "sim/realtime.h"

enum { PERFT_MAX_DEPTH = 20 };

struct perft_opts {
	struct position	pos;
	long		depth;		/* 0 until --depth is given */
	bool		divide;
};

static int
opt_fen(void *ctx, const char *v, char *err, size_t errlen)
{
	char why[256];

	if (position_from_fen(&((struct perft_opts *)ctx)->pos, v, why, sizeof(why)) != 0) {
		snprintf(err, errlen, "\"%s\": %s", v, why);
		return -1;
	}
	return 0;
}

static const struct cli_option perft_options[] = {
	{ "depth", 'd', "D", "plies to search, 1..20 (required)", NULL, .kind = CLI_INT,
	  .off = offsetof(struct perft_opts, depth), .lo = 1, .hi = PERFT_MAX_DEPTH },
	{ "fen", 0, "FEN", "start from this position (the initial position)", opt_fen },
	{ "divide", 0, NULL, "also print each root move (UCI notation) with its count", NULL,
	  .kind = CLI_FLAG, .off = offsetof(struct perft_opts, divide) },
};

static const struct cli_table perft_table = { "options", perft_options,
					      ARRAY_LEN(perft_options) };

static int
perft_check(void *const *ctx, char *err, size_t errlen)
{
	if (((struct perft_opts *)ctx[0])->depth == 0) {
		snprintf(err, errlen, "--depth: is required (e.g. simul perft --depth 5)");
		return -1;
	}
	return 0;
}

static void
perft_notes(FILE *f)
{
	fprintf(f, "example: simul perft --depth 6   (119060324 nodes from the start)\n");
}

const struct cli_spec cmd_perft_spec = {
	.name = "perft",
	.synopsis = "[--fen FEN] --depth D [--divide]",
	.summary = "count the leaf nodes of the move tree (move generator check and speed)",
	.about = "Counts the leaf nodes of the legal move tree D plies deep and prints the\n"
		 "count, the time taken and the speed in million nodes per second.",
	.tables = { &perft_table },
	.notes = perft_notes,
	.check = perft_check,
};

static int
compare_entries(const void *a, const void *b)
{
	char sa[MOVE_TEXT_MAX], sb[MOVE_TEXT_MAX];

	move_to_uci(((const struct perft_entry *)a)->move, sa);
	move_to_uci(((const struct perft_entry *)b)->move, sb);
	return strcmp(sa, sb);
}

int
cmd_perft(int argc, char **argv)
{
	struct perft_opts o = { .depth = 0 };
	void *ctx[] = { &o };
	struct position pos;
	int depth, rc;

	engine_init();
	position_startpos(&o.pos);
	if ((rc = cli_main(&cmd_perft_spec, ctx, argc, argv)) >= 0)
		return rc;
	pos = o.pos;
	depth = (int)o.depth;

	uint64_t nodes = 0;
	double start = realtime_monotonic();

	if (o.divide) {
		struct perft_entry entries[MAX_MOVES];
		int n = perft_divide(&pos, depth, entries);

		qsort(entries, (size_t)n, sizeof(entries[0]), compare_entries);
		for (int i = 0; i < n; i++) {
			char text[MOVE_TEXT_MAX];

			move_to_uci(entries[i].move, text);
			printf("%s: %llu\n", text, (unsigned long long)entries[i].nodes);
			nodes += entries[i].nodes;
		}
	} else {
		nodes = perft(&pos, depth);
	}

	double elapsed = realtime_monotonic() - start;
	printf("nodes %llu  time %.3f s  %.1f Mnps\n", (unsigned long long)nodes, elapsed,
	       elapsed > 0 ? (double)nodes / elapsed / 1e6 : 0.0);
	return cli_flush_stdout();
}
