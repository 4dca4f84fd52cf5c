/*
 * `simul bench`: reads the options into a bench_config and a ladder of board
 * counts, runs every (model, N) cell through sim/'s runner (each in its own
 * child, capped), then the small CPU-heavy cell, and prints the chosen
 * format on stdout. Progress goes to stderr, and only when it is a terminal.
 * Exit: 0 done (limits reached are results), 1 a cell failed (a bug),
 * 2 bad usage, 130 interrupted (what finished is still printed).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/bench/bench.h"
#include "ui/atomic_file.h"
#include "ui/bench_report.h"
#include "engine/macros.h"
#include "sim/dist.h"
#include "ui/cli.h"
#include "ui/commands.h"
#include "ui/pictures.h"

#define BENCH_MAX_LADDER	32

enum bench_format { FORMAT_TABLE, FORMAT_JSON, FORMAT_CSV, FORMAT_MARKDOWN };

/* What the command line sets; bench_opts_apply turns it into a bench_config. */
struct bench_opts {
	struct bench_config	cfg;
	uint32_t		ladder[BENCH_MAX_LADDER];
	size_t			nladder;
	struct cli_list		models;		/* --models; every model when n == 0 */
	bool			allow_large;
	bool			procs_set, threads_set;
	bool			no_heavy;
	uint64_t		moves, master_work, workers, max_procs, max_threads;
	uint64_t		mem_cap, stack, heavy_boards, heavy_work;
	simtime_t		think, time_cap;
	enum bench_format	format;
	bool			no_plot;
	const char		*svg;		/* --svg FILE: the ladder as a chart */
};

static int
ladder_item(void *ctx, const char *text, char *err, size_t errlen)
{
	struct bench_opts *o = ctx;
	uint64_t b;

	if (cli_parse_count(text, 1, 10000000, &b, err, errlen) < 0)
		return -1;
	if (o->nladder == BENCH_MAX_LADDER) {
		snprintf(err, errlen, "more than %d counts", BENCH_MAX_LADDER);
		return -1;
	}
	o->ladder[o->nladder++] = (uint32_t)b;
	return 0;
}

static int
opt_boards(void *ctx, const char *v, char *err, size_t errlen)
{
	((struct bench_opts *)ctx)->nladder = 0;
	return cli_each_item(v, ladder_item, ctx, err, errlen);
}

static const char *
model_word(size_t i)
{
	return i < BENCH_MODEL_COUNT ? bench_model_name((enum bench_model)i) : NULL;
}

static int
opt_max_procs(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct bench_opts *)ctx)->procs_set = true;
	return 0;
}

static int
opt_max_threads(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct bench_opts *)ctx)->threads_set = true;
	return 0;
}

static int
opt_mem_cap(void *ctx, const char *v, char *err, size_t errlen)
{
	uint64_t cap = ((struct bench_opts *)ctx)->mem_cap;

	if (cap != 0 && cap < (16U << 20)) {
		snprintf(err, errlen, "\"%s\" is below 16M (0 means no cap)", v);
		return -1;
	}
	return 0;
}

static int
opt_time_cap(void *ctx, const char *v, char *err, size_t errlen)
{
	simtime_t cap = ((struct bench_opts *)ctx)->time_cap;

	if (cap != 0 && cap < 1000) {
		snprintf(err, errlen, "\"%s\" is below 1ms (0 means no cap)", v);
		return -1;
	}
	return 0;
}

static int
opt_format(void *ctx, const char *v, enum bench_format f)
{
	(void)v;
	((struct bench_opts *)ctx)->format = f;
	return 0;
}

static int
opt_json(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	return opt_format(ctx, v, FORMAT_JSON);
}

static int
opt_csv(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	return opt_format(ctx, v, FORMAT_CSV);
}

static int
opt_markdown(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	return opt_format(ctx, v, FORMAT_MARKDOWN);
}

#define HOUR	SIM_SECONDS(3600)

static const struct cli_option bench_options[] = {
	{ "boards", 'n', "LIST", "the ladder, comma-separated counts (10,100,1k,2k,5k,8k,10k,100k)",
	  opt_boards },
	{ "models", 0, "LIST", "processes,threads,async,hybrid (all four)", NULL,
	  .kind = CLI_LIST, .off = offsetof(struct bench_opts, models), .word = model_word,
	  .noun = "model" },
	{ "moves", 'm', "N", "moves per board, 1..100000 (30)", NULL, .kind = CLI_COUNT,
	  .off = offsetof(struct bench_opts, moves), .lo = 1, .hi = 100000 },
	{ "master-work", 0, "N", "busy-loop iterations per master move, 0..1000M (1000, ~1 us)",
	  NULL, .kind = CLI_COUNT, .off = offsetof(struct bench_opts, master_work), .lo = 0,
	  .hi = 1000000000 },
	{ "think", 0, "DURATION", "opponent's wait per reply, 0..1h: 500us, 10ms, 1s (10ms)", NULL,
	  .kind = CLI_DURATION, .off = offsetof(struct bench_opts, think), .lo = 0, .hi = HOUR },
	{ "workers", 0, "N", "hybrid's worker processes, 1..4096 (one per CPU)", NULL,
	  .kind = CLI_COUNT, .off = offsetof(struct bench_opts, workers), .lo = 1, .hi = 4096 },
	{ "max-procs", 0, "N", "board processes a cell may fork (2000)", opt_max_procs,
	  .kind = CLI_COUNT, .off = offsetof(struct bench_opts, max_procs), .lo = 1,
	  .hi = UINT32_MAX },
	{ "max-threads", 0, "N", "board threads a cell may create (10000)", opt_max_threads,
	  .kind = CLI_COUNT, .off = offsetof(struct bench_opts, max_threads), .lo = 1,
	  .hi = UINT32_MAX },
	{ "allow-large", 0, NULL, "lift those two defaults (a quarter of pid_max and threads-max "
				  "still applies)", NULL,
	  .kind = CLI_FLAG, .off = offsetof(struct bench_opts, allow_large) },
	{ "mem-cap", 0, "SIZE", "address space per process: 512M, 2G; 0 = none (2G)", opt_mem_cap,
	  .kind = CLI_SIZE, .off = offsetof(struct bench_opts, mem_cap), .lo = 0,
	  .hi = 1LL << 46 },
	{ "time-cap", 0, "DURATION", "wall time per cell, 1ms..1h; 0 = none (60s)", opt_time_cap,
	  .kind = CLI_DURATION, .off = offsetof(struct bench_opts, time_cap), .lo = 0,
	  .hi = HOUR },
	{ "stack", 0, "SIZE", "stack of each board thread, 16K..64M (64K)", NULL, .kind = CLI_SIZE,
	  .off = offsetof(struct bench_opts, stack), .lo = 16 << 10, .hi = 64 << 20 },
	{ "cpu-boards", 0, "N", "boards in the CPU-heavy cell, 1..100000 (100)", NULL,
	  .kind = CLI_COUNT, .off = offsetof(struct bench_opts, heavy_boards), .lo = 1,
	  .hi = 100000 },
	{ "cpu-work", 0, "N", "iterations each reply computes there, 1..1000M (300000)", NULL,
	  .kind = CLI_COUNT, .off = offsetof(struct bench_opts, heavy_work), .lo = 1,
	  .hi = 1000000000 },
	{ "no-cpu-heavy", 0, NULL, "skip the CPU-heavy cell (cores, blocking calls, GIL columns)",
	  NULL, .kind = CLI_FLAG, .off = offsetof(struct bench_opts, no_heavy) },
	{ "json", 0, NULL, "print JSON instead of the table", opt_json, .one_of = "format" },
	{ "csv", 0, NULL, "print CSV", opt_csv, .one_of = "format" },
	{ "markdown", 0, NULL, "print a Markdown table", opt_markdown, .one_of = "format" },
	{ "no-plot", 0, NULL, "the table without the plots", NULL, .kind = CLI_FLAG,
	  .off = offsetof(struct bench_opts, no_plot) },
	{ "svg", 0, "FILE", "also draw the ladder (memory, time against boards) as SVG", NULL,
	  .kind = CLI_PATH, .off = offsetof(struct bench_opts, svg) },
};

#undef HOUR

static const struct cli_table bench_table = { "options", bench_options,
					      ARRAY_LEN(bench_options) };

const struct cli_spec cmd_bench_spec = {
	.name = "bench",
	.synopsis = "[options]",
	.summary = "measure processes vs threads vs async on this machine",
	.about = "Plays the same exhibition workload four ways and measures each on this machine:\n"
		 "  processes  one forked process per board, moves sent over pipes\n"
		 "  threads    one pthread per board (small stack), mutex and condition variables\n"
		 "  async      one libev loop, one ev_timer per board\n"
		 "  hybrid     W processes, each a libev loop over N/W boards\n"
		 "Each board plays M moves: a master move costs a busy loop, then the opponent\n"
		 "replies after a think time. Every cell runs in its own child under a memory and\n"
		 "a time cap; a model that cannot reach N says whether one of simul's caps or a\n"
		 "limit of the system stopped it.",
	.tables = { &bench_table },
	.notes = bench_report_fields,
};

static void
bench_opts_defaults(struct bench_opts *o)
{
	/* Rungs between 1k and 10k show where threads and processes really stop. */
	static const uint32_t ladder[] = { 10, 100, 1000, 2000, 5000, 8000, 10000, 100000 };

	memset(o, 0, sizeof(*o));
	bench_config_default(&o->cfg);
	memcpy(o->ladder, ladder, sizeof(ladder));
	o->nladder = ARRAY_LEN(ladder);
	o->moves = o->cfg.moves;
	o->master_work = o->cfg.master_work;
	o->think = (simtime_t)o->cfg.think_us;
	o->workers = o->cfg.workers;
	o->max_procs = o->cfg.max_procs;
	o->max_threads = o->cfg.max_threads;
	o->mem_cap = o->cfg.mem_cap;
	o->time_cap = (simtime_t)o->cfg.time_cap_ms * 1000;
	o->stack = o->cfg.stack_size;
	o->heavy_boards = BENCH_HEAVY_BOARDS;
	o->heavy_work = BENCH_HEAVY_WORK;
}

/* The parsed values into cfg, in its types (the ranges above make them fit). */
static void
bench_opts_apply(struct bench_opts *o)
{
	o->cfg.moves = (uint32_t)o->moves;
	o->cfg.master_work = o->master_work;
	o->cfg.think_us = (uint64_t)o->think;
	o->cfg.workers = (uint32_t)o->workers;
	o->cfg.max_procs = (uint32_t)o->max_procs;
	o->cfg.max_threads = (uint32_t)o->max_threads;
	o->cfg.mem_cap = o->mem_cap;
	o->cfg.time_cap_ms = (uint64_t)o->time_cap / 1000;
	o->cfg.stack_size = (uint32_t)o->stack;
	if (o->allow_large) {
		if (!o->procs_set)
			o->cfg.max_procs = UINT32_MAX;
		if (!o->threads_set)
			o->cfg.max_threads = UINT32_MAX;
	}
}

static void
bench_progress(const struct bench_result *r, int tty)
{
	if (!tty)
		return;
	if (r->status == BENCH_OK)
		fprintf(stderr, "bench: %-9s %7u boards  %.2f s\n", bench_model_name(r->model),
		    r->boards, r->wall_s);
	else
		fprintf(stderr, "bench: %-9s %7u boards  %s: %s\n", bench_model_name(r->model),
		    r->boards, bench_status_name(r->status), r->error);
}

/* Runs (or prechecks) one cell into *r; returns 1 if the ladder must stop. */
static int
bench_cell(enum bench_model m, const struct bench_config *cfg, struct bench_result *r, int tty)
{
	if (!bench_precheck(m, cfg, r)) {
		if (tty)
			fprintf(stderr, "bench: %-9s %7u boards  ...\r", bench_model_name(m),
			    cfg->boards);
		bench_run_cell(m, cfg, r);
	}
	bench_progress(r, tty);
	return r->status == BENCH_INTERRUPTED;
}

int
cmd_bench(int argc, char **argv)
{
	struct bench_opts o;
	struct bench_limits lim;
	struct bench_result *cells, heavy[BENCH_MODEL_COUNT];
	struct bench_config heavy_cfg;
	struct bench_summary s;
	struct atomic_file svg = { 0 };
	char err[512];
	size_t ncells = 0, nheavy = 0;
	int models[BENCH_MODEL_COUNT];
	void *ctx[] = { &o };
	int rc, tty = isatty(STDERR_FILENO), stop = 0, failed = 0;

	bench_opts_defaults(&o);
	if ((rc = cli_main(&cmd_bench_spec, ctx, argc, argv)) >= 0)
		return rc;
	bench_opts_apply(&o);
	/* A bad path is bad usage, found before minutes of measuring. */
	if (o.svg != NULL && atomic_file_open(&svg, o.svg, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul: --svg: %s\n", err);
		return 2;
	}
	for (int m = 0; m < BENCH_MODEL_COUNT; m++)
		models[m] = o.models.n == 0;
	for (int i = 0; i < o.models.n; i++)
		models[o.models.item[i]] = 1;
	bench_limits_read(&lim);
	bench_limits_apply(&lim, &o.cfg);
	if (o.cfg.workers == 0)
		o.cfg.workers = bench_cpu_count();

	cells = calloc(o.nladder * BENCH_MODEL_COUNT, sizeof(*cells));
	if (cells == NULL) {
		fprintf(stderr, "simul bench: out of memory\n");
		atomic_file_abort(&svg);
		return 1;
	}
	for (size_t i = 0; i < o.nladder && !stop; i++) {
		for (int m = 0; m < BENCH_MODEL_COUNT && !stop; m++) {
			struct bench_config cfg = o.cfg;

			if (!models[m])
				continue;
			cfg.boards = o.ladder[i];
			stop = bench_cell((enum bench_model)m, &cfg, &cells[ncells], tty);
			failed |= cells[ncells].status == BENCH_FAILED;
			ncells++;
		}
	}
	heavy_cfg = o.cfg;
	heavy_cfg.boards = o.heavy_boards;
	heavy_cfg.moves = o.cfg.moves < 10 ? o.cfg.moves : 10;
	heavy_cfg.think_us = 0;
	heavy_cfg.think_work = o.heavy_work;
	for (int m = 0; m < BENCH_MODEL_COUNT && !o.no_heavy && !stop; m++) {
		if (!models[m])
			continue;
		stop = bench_cell((enum bench_model)m, &heavy_cfg, &heavy[nheavy], tty);
		failed |= heavy[nheavy].status == BENCH_FAILED;
		nheavy++;
	}

	memset(&s, 0, sizeof(s));
	s.cfg = &o.cfg;
	s.cells = cells;
	s.ncells = ncells;
	s.heavy_cfg = !o.no_heavy ? &heavy_cfg : NULL;
	s.heavy = heavy;
	s.nheavy = nheavy;
	s.cpus = bench_cpu_count();
	s.pid_max = lim.pid_max;
	s.threads_max = lim.threads_max;
	switch (o.format) {
	case FORMAT_JSON:
		bench_report_json(stdout, &s);
		break;
	case FORMAT_CSV:
		bench_report_csv(stdout, &s);
		break;
	case FORMAT_MARKDOWN:
		bench_report_markdown(stdout, &s);
		break;
	case FORMAT_TABLE:
		bench_report_table(stdout, &s);
		if (!o.no_plot) {
			fputc('\n', stdout);
			bench_report_plot(stdout, &s, 60, 12);
		}
		break;
	}
	if (svg.f != NULL && (picture_bench(svg.f, &s) < 0 ||
			      atomic_file_commit(&svg, err, sizeof(err)) < 0)) {
		fprintf(stderr, "simul bench: --svg: cannot write %s\n", o.svg);
		failed = 1;
	}
	atomic_file_abort(&svg);
	free(cells);
	if (cli_flush_stdout() != 0)
		return 1;
	if (bench_interrupted())
		return 130;
	return failed ? 1 : 0;
}
