/*
 * Inside `simul run` (ui/cmd_run.c parses, ui/run_seeds.c plays): the
 * options it adds to the exhibition's, and the three steps of a run, each
 * returning 0 or the exit code after saying on stderr what failed.
 */
#ifndef SIMUL_UI_RUN_INTERNAL_H
#define SIMUL_UI_RUN_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/sim.h"
#include "ui/atomic_file.h"
#include "ui/cli.h"
#include "ui/predict.h"
#include "ui/report.h"
#include "ui/trace.h"

enum { RUN_REPEAT_MAX = 10000 };

struct run_opts {
	enum report_format	format;
	const char		*pgn;
	const char		*trace;
	const char		*svg;		/* picture of the first run's strips */
	struct predict		predict;	/* the class's guesses, if any */
	enum trace_format	trace_format;
	long			repeat;
	long			workers;	/* 0: one per core */
	bool			quiet;
};

enum run_played { RUN_NOT_PLAYED, RUN_PLAYED, RUN_CUT /* interrupted, kept as far as played */ };

/*
 * What run_open opens and allocates, the seeds fill in (each its own
 * slots, from whichever worker runs it) and run_finish writes out. The
 * result arrays are one block shared with the workers.
 */
struct run_out {
	struct atomic_file	pgn, trace, svg;
	struct trace		*trace_w;	/* the trace writer on trace.f */
	void			*block;		/* the shared arrays below */
	size_t			size;
	struct sim_stats	*stats;		/* [run * np + policy] */
	struct sim_loop_stats	*loop;		/* [run] */
	simtime_t		*finish;	/* [(run * np + policy) * boards + board], or NULL */
	uint8_t			*played;	/* [run]: enum run_played */
};

struct run_ctx {
	const struct cli_options *o;
	const struct run_opts	*ro;
	enum sim_policy		policies[SIM_EXHIBITIONS_MAX];
	int			np;
	int			workers;	/* W: 1 runs the seeds here, in order */
	int			threads;	/* a seed's games are searched on (virtual clock) */
	struct run_out		out;
	struct sim		*s;		/* the seed being played (in this process) */
	struct engine_pool	*engines;	/* uci: players, started once for every seed */
	char			*faults;	/* what the engines did wrong, one line each */
	size_t			nfaults;	/* its length */
	struct ev_loop		*loop;
	double			started;	/* monotonic seconds */
	bool			progress;	/* stderr is a terminal */
	bool			shown;		/* a progress line is on screen */
	int			interrupted;	/* a stop signal's number: stop, keep what was played */
	int			run, runs;
};

/* Checks, opens every output file, allocates the results. */
int run_open(struct run_ctx *rc);
/* Every seed, here in order or on the workers. */
int run_play(struct run_ctx *rc);
/* The trace's footer, the files in place, the report, the guesses. */
int run_finish(struct run_ctx *rc);
/* Frees what is left; files not finished are removed (never half-written). */
void run_close(struct run_ctx *rc);

#endif
