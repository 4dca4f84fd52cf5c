/*
 * Search benchmark: a fixed set of positions searched to a fixed depth with
 * a fresh table each, printing per position the tree size (nodes), the time
 * and the speed, the move and the score, then the totals. The tree size is
 * deterministic — a change in it means the search itself changed (ordering,
 * pruning) — while nodes per second measures how fast the same tree is
 * walked.
 *
 * Time is this thread's CPU time, the fastest of `runs` searches of each
 * position (each with a cleared table, so all walk the same tree): on a
 * shared machine wall time mostly measures the neighbours, and the fastest
 * run is the one least disturbed by them.
 *
 * usage: perf_search [depth [runs]]   (defaults 7 and 3)
 */
#include <stdio.h>
#include <stdlib.h>

#include "engine/notation.h"
#include "engine/search.h"
#include "sim/realtime.h"

static const char *const bench_positions[] = {
	"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
	"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
	"8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1",
	"r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
	"rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8",
	"r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10",
	"rnbqkb1r/pp1p1ppp/4pn2/2p5/2PP4/2N5/PP2PPPP/R1BQKBNR w KQkq - 0 4",
	"2r3k1/5ppp/8/8/8/8/5PPP/3R2K1 b - - 0 1",
};

int
main(int argc, char **argv)
{
	int depth = argc > 1 ? atoi(argv[1]) : 7;
	int runs = argc > 2 ? atoi(argv[2]) : 3;
	uint64_t total = 0;
	double total_secs = 0;
	struct tt tt;
	struct search *s;

	if (depth < 1 || depth > SEARCH_MAX_DEPTH) {
		fprintf(stderr, "perf_search: depth \"%s\" is not from 1 to %d\n", argv[1], SEARCH_MAX_DEPTH);
		return 2;
	}
	if (runs < 1 || runs > 1000) {
		fprintf(stderr, "perf_search: runs \"%s\" is not from 1 to 1000\n", argv[2]);
		return 2;
	}
	engine_init();
	if (tt_init(&tt, 16 << 20) != 0 || (s = search_new(&tt)) == NULL) {
		fprintf(stderr, "perf_search: out of memory\n");
		return 1;
	}
	printf("search bench: depth %d, fresh 16 MB table per position, CPU time of the fastest of %d runs\n",
	    depth, runs);
	printf("%-3s %12s %9s %10s  %-6s %s\n", "#", "nodes", "ms", "knps", "best", "score");
	for (size_t i = 0; i < sizeof(bench_positions) / sizeof(bench_positions[0]); i++) {
		struct position p;
		struct search_params sp = { .depth = depth };
		char err[128], best[MOVE_TEXT_MAX];
		double t0, secs;
		uint64_t nodes;

		if (position_from_fen(&p, bench_positions[i], err, sizeof(err)) != 0) {
			fprintf(stderr, "perf_search: %s\n", err);
			return 1;
		}
		secs = -1;
		for (int r = 0; r < runs; r++) {
			double t;

			tt_clear(&tt);
			t0 = realtime_thread_cpu();
			search_start(s, &p, NULL, 0, &sp);
			while (!search_step(s, UINT64_MAX))
				;
			t = realtime_thread_cpu() - t0;
			if (secs < 0 || t < secs)
				secs = t;
		}
		nodes = search_nodes(s);
		move_to_uci(search_best_move(s), best);
		printf("%-3zu %12llu %9.1f %10.0f  %-6s %d\n", i + 1, (unsigned long long)nodes, secs * 1e3,
		    secs > 0 ? (double)nodes / secs / 1e3 : 0.0, best, search_best_score(s));
		total += nodes;
		total_secs += secs;
	}
	printf("total %llu nodes in %.3f s: %.0f knps\n", (unsigned long long)total, total_secs,
	    total_secs > 0 ? (double)total / total_secs / 1e3 : 0.0);
	search_free(s);
	tt_free(&tt);
	return 0;
}
