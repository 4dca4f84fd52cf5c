/*
 * Reports of finished exhibitions: the table a person reads, and JSON, CSV
 * and Markdown for scripts and handouts (docs/json-schema.md). A report is
 * a grid of statistics, one row per (repeat, policy); with --repeat the
 * table and Markdown show mean, min and max of each figure per policy.
 * Writers take a FILE * and return 0, or -1 on a write error.
 */
#ifndef SIMUL_UI_REPORT_H
#define SIMUL_UI_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "sim/sim.h"
#include "ui/cli.h"

enum report_format { REPORT_TABLE, REPORT_JSON, REPORT_CSV, REPORT_MARKDOWN };

struct report {
	const struct sim_config	*config;	/* of the first repeat (seed = first seed) */
	int			repeats;	/* K >= 1: seeds seed, seed+1, ... */
	int			npolicies;
	const struct sim_stats	*stats;		/* [repeat * npolicies + policy] */
	/* Optional (NULL): each game's end, [(repeat * npolicies + policy) * boards + board]. */
	const simtime_t		*finish;
	/*
	 * Optional (NULL): the measured real-time figures of each repeat
	 * (CPU of the searches, the live loop's lateness). They vary from run
	 * to run, so they are kept apart: JSON's "measured", CSV's last
	 * columns, a paragraph under the table.
	 */
	const struct sim_loop_stats *loop;	/* [repeat] */
	bool			live;		/* which clock ran */
	double			speed;		/* live: simulated s per real s */
};

int report_write(FILE *f, enum report_format fmt, const struct report *r);

/*
 * The headless summary `simul` prints when stdout is not a terminal: runs
 * the options' exhibitions on the virtual clock and writes the table to
 * stdout. Returns the exit code (0, or 1 on a runtime failure).
 */
int run_summary(const struct cli_options *o);

#endif
