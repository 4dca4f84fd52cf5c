/*
 * `simul perft`: counts the leaves of the legal move tree from a position,
 * optionally per root move (--divide), and always ends with one line giving
 * the node count, the elapsed time and the speed, so both a correctness check
 * (compare counts with published ones or another engine's divide) and a
 * speed benchmark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/movegen.h"
#include "engine/notation.h"
#include "ui/commands.h"
#include "sim/realtime.h"

enum { PERFT_MAX_DEPTH = 20 };

static void
perft_usage(FILE *f)
{
	fprintf(f,
	    "usage: simul perft [--fen FEN] --depth D [--divide]\n"
	    "\n"
	    "Counts the leaf nodes of the legal move tree D plies deep and prints the\n"
	    "count, the time taken and the speed in million nodes per second.\n"
	    "\n"
	    "  --fen FEN    start from this position (default: the initial position)\n"
	    "  --depth D    plies to search, 1 to %d (required)\n"
	    "  --divide     also print each root move (UCI notation) with its count\n"
	    "  --help       this text\n"
	    "\n"
	    "example: simul perft --depth 6   (119060324 nodes from the start)\n",
	    PERFT_MAX_DEPTH);
}

static int
compare_entries(const void *a, const void *b)
{
	char sa[MOVE_TEXT_MAX], sb[MOVE_TEXT_MAX];

	move_to_uci(((const struct perft_entry *)a)->move, sa);
	move_to_uci(((const struct perft_entry *)b)->move, sb);
	return strcmp(sa, sb);
}

/* Value of an option given as "--name value" or "--name=value". */
static const char *
option_value(int argc, char **argv, int *i, const char *name)
{
	size_t len = strlen(name);

	if (strncmp(argv[*i], name, len) != 0)
		return NULL;
	if (argv[*i][len] == '=')
		return argv[*i] + len + 1;
	if (argv[*i][len] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "simul perft: %s needs a value (try simul perft --help)\n", name);
		exit(2);
	}
	return argv[++*i];
}

int
cmd_perft(int argc, char **argv)
{
	const char *fen = FEN_STARTPOS, *depth_text = NULL, *v;
	bool divide = false;
	struct position pos;
	char err[256];
	int depth = 0;

	engine_init();
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			perft_usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--divide") == 0) {
			divide = true;
		} else if ((v = option_value(argc, argv, &i, "--fen"))) {
			fen = v;
		} else if ((v = option_value(argc, argv, &i, "--depth"))) {
			depth_text = v;
		} else {
			fprintf(stderr, "simul perft: unknown option \"%s\" (try simul perft --help)\n",
				argv[i]);
			return 2;
		}
	}

	if (!depth_text) {
		fprintf(stderr, "simul perft: --depth is required (try simul perft --help)\n");
		return 2;
	}
	char *end;
	long d = strtol(depth_text, &end, 10);
	if (!*depth_text || *end || d < 1 || d > PERFT_MAX_DEPTH) {
		fprintf(stderr, "simul perft: --depth \"%s\" is not a whole number from 1 to %d\n",
			depth_text, PERFT_MAX_DEPTH);
		return 2;
	}
	depth = (int)d;
	if (position_from_fen(&pos, fen, err, sizeof(err)) != 0) {
		fprintf(stderr, "simul perft: --fen \"%s\": %s\n", fen, err);
		return 2;
	}

	uint64_t nodes = 0;
	double start = realtime_monotonic();

	if (divide) {
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
	return 0;
}
