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
#include "ui/commands.h"
#include "ui/pictures.h"

#define BENCH_MAX_LADDER	32

enum bench_format { FORMAT_TABLE, FORMAT_JSON, FORMAT_CSV, FORMAT_MARKDOWN };

struct bench_opts {
	struct bench_config	cfg;
	uint32_t		ladder[BENCH_MAX_LADDER];
	size_t			nladder;
	int			models[BENCH_MODEL_COUNT];	/* selected */
	int			allow_large;
	int			procs_set, threads_set;
	int			heavy;
	uint32_t		heavy_boards;
	uint64_t		heavy_work;
	enum bench_format	format;
	int			plot;
	const char		*svg;		/* --svg FILE: the ladder as a chart */
};

static void
bench_usage(FILE *f)
{
	fprintf(f,
	    "usage: simul bench [options]\n"
	    "\n"
	    "Plays the same exhibition workload four ways and measures each on this machine:\n"
	    "  processes  one forked process per board, moves sent over pipes\n"
	    "  threads    one pthread per board (small stack), mutex and condition variables\n"
	    "  async      one libev loop, one ev_timer per board\n"
	    "  hybrid     W processes, each a libev loop over N/W boards\n"
	    "Each board plays M moves: a master move costs a busy loop, then the opponent\n"
	    "replies after a think time. Every cell runs in its own child under a memory and\n"
	    "a time cap; a model that cannot reach N is reported as \"limit reached\".\n"
	    "\n"
	    "options (VALUE may also be given as --option=VALUE):\n"
	    "  --boards LIST        the ladder, comma-separated (default 10,100,1k,10k,100k)\n"
	    "  --models LIST        processes,threads,async,hybrid (default all four)\n"
	    "  --moves N            moves per board (default %d)\n"
	    "  --master-work N      busy-loop iterations per master move (default %d, ~1 us)\n"
	    "  --think DURATION     opponent's wait per reply: 500us, 10ms, 1s (default 10ms)\n"
	    "  --workers N          hybrid's worker processes (default: CPUs, here %u)\n"
	    "  --max-procs N        board processes a cell may fork (default %d)\n"
	    "  --max-threads N      board threads a cell may create (default %d)\n"
	    "  --allow-large        lift those two defaults; a quarter of the system's pid_max\n"
	    "                       and threads-max still applies, always\n"
	    "  --mem-cap SIZE       address space per process: 512M, 2G; 0 = none (default 2G)\n"
	    "  --time-cap DURATION  wall time per cell; 0 = none (default 60s)\n"
	    "  --stack SIZE         stack of each board thread (default 64K)\n"
	    "  --cpu-boards N       boards in the CPU-heavy cell (default %d)\n"
	    "  --cpu-work N         iterations each reply computes there (default %d)\n"
	    "  --no-cpu-heavy       skip the CPU-heavy cell (cores, blocking calls, GIL columns)\n"
	    "  --json | --csv | --markdown   output format (default: table and plots)\n"
	    "  --no-plot            the table without the plots\n"
	    "  --svg FILE           also draw the ladder (memory, time against boards) as SVG\n"
	    "  -h, --help           this text\n",
	    BENCH_DEFAULT_MOVES, BENCH_DEFAULT_MASTER_WORK, bench_cpu_count(),
	    BENCH_DEFAULT_MAX_PROCS, BENCH_DEFAULT_MAX_THREADS, BENCH_HEAVY_BOARDS,
	    BENCH_HEAVY_WORK);
}

/* Leading decimal digits (no sign, no space); *end is what follows. */
static int
parse_digits(const char *s, unsigned long long *v, char **end)
{
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	*v = strtoull(s, end, 10);
	return errno == 0 ? 0 : -1;
}

/* A whole number with an optional k/M multiplier (10k = 10000). */
static int
parse_count(const char *s, uint64_t lo, uint64_t hi, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (parse_digits(s, &v, &end) < 0)
		return -1;
	if (*end == 'k' || *end == 'K')
		v *= 1000, end++;
	else if (*end == 'M')
		v *= 1000000, end++;
	if (*end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Duration to microseconds: a number and a unit (us, ms, s, m). */
static int
parse_duration_us(const char *s, uint64_t *out)
{
	char *end;
	double v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || v < 0)
		return -1;
	if (strcmp(end, "us") == 0)
		;
	else if (strcmp(end, "ms") == 0)
		v *= 1e3;
	else if (strcmp(end, "s") == 0)
		v *= 1e6;
	else if (strcmp(end, "m") == 0)
		v *= 60e6;
	else if (!(*end == '\0' && v == 0))
		return -1;	/* a bare number is ambiguous, unless it is 0 */
	if (v > 3600e6)
		return -1;
	*out = (uint64_t)(v + 0.5);
	return 0;
}

/* Bytes with an optional K/M/G (powers of 1024). */
static int
parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (parse_digits(s, &v, &end) < 0)
		return -1;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	else if (*end == 'G' || *end == 'g')
		v <<= 30, end++;
	if (*end != '\0' || v > (1ULL << 46))
		return -1;
	*out = v;
	return 0;
}

static int
parse_ladder(const char *s, struct bench_opts *o)
{
	char buf[256], *tok, *save = NULL;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	o->nladder = 0;
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		uint64_t n;

		if (o->nladder == BENCH_MAX_LADDER || parse_count(tok, 1, 10000000, &n) < 0)
			return -1;
		o->ladder[o->nladder++] = (uint32_t)n;
	}
	return o->nladder != 0 ? 0 : -1;
}

static int
parse_models(const char *s, struct bench_opts *o)
{
	char buf[128], *tok, *save = NULL;
	int any = 0;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	memset(o->models, 0, sizeof(o->models));
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		enum bench_model m;

		if (bench_model_parse(tok, &m) < 0)
			return -1;
		o->models[m] = 1;
		any = 1;
	}
	return any ? 0 : -1;
}

static int
bad_value(const char *opt, const char *val, const char *want)
{
	fprintf(stderr, "simul bench: %s: bad value \"%s\" (%s)\n", opt, val, want);
	return 2;
}

/* Fills o from argv; 0 to run, 1 after --help, 2 on bad usage (reported). */
static int
bench_parse(int argc, char **argv, struct bench_opts *o)
{
	static const uint32_t ladder[] = { 10, 100, 1000, 10000, 100000 };

	memset(o, 0, sizeof(*o));
	bench_config_default(&o->cfg);
	memcpy(o->ladder, ladder, sizeof(ladder));
	o->nladder = sizeof(ladder) / sizeof(ladder[0]);
	for (int m = 0; m < BENCH_MODEL_COUNT; m++)
		o->models[m] = 1;
	o->heavy = 1;
	o->heavy_boards = BENCH_HEAVY_BOARDS;
	o->heavy_work = BENCH_HEAVY_WORK;
	o->plot = 1;

	for (int i = 1; i < argc; i++) {
		char name[64];
		const char *arg = argv[i], *val = NULL, *eq;
		uint64_t v;

		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			bench_usage(stdout);
			return 1;
		}
		if (strncmp(arg, "--", 2) != 0) {
			fprintf(stderr, "simul bench: unexpected argument \"%s\" (try --help)\n", arg);
			return 2;
		}
		eq = strchr(arg, '=');
		snprintf(name, sizeof(name), "%.*s", eq != NULL ? (int)(eq - arg) : (int)strlen(arg),
		    arg);
		if (strcmp(name, "--allow-large") == 0 || strcmp(name, "--no-cpu-heavy") == 0 ||
		    strcmp(name, "--json") == 0 || strcmp(name, "--csv") == 0 ||
		    strcmp(name, "--markdown") == 0 || strcmp(name, "--no-plot") == 0) {
			if (eq != NULL) {
				fprintf(stderr, "simul bench: %s takes no value (got \"%s\")\n", name,
				    eq + 1);
				return 2;
			}
			if (strcmp(name, "--allow-large") == 0)
				o->allow_large = 1;
			else if (strcmp(name, "--no-cpu-heavy") == 0)
				o->heavy = 0;
			else if (strcmp(name, "--json") == 0)
				o->format = FORMAT_JSON;
			else if (strcmp(name, "--csv") == 0)
				o->format = FORMAT_CSV;
			else if (strcmp(name, "--markdown") == 0)
				o->format = FORMAT_MARKDOWN;
			else
				o->plot = 0;
			continue;
		}
		if (eq != NULL)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		if (strcmp(name, "--boards") == 0 || strcmp(name, "--models") == 0 ||
		    strcmp(name, "--moves") == 0 || strcmp(name, "--master-work") == 0 ||
		    strcmp(name, "--think") == 0 || strcmp(name, "--workers") == 0 ||
		    strcmp(name, "--max-procs") == 0 || strcmp(name, "--max-threads") == 0 ||
		    strcmp(name, "--mem-cap") == 0 || strcmp(name, "--time-cap") == 0 ||
		    strcmp(name, "--stack") == 0 || strcmp(name, "--cpu-boards") == 0 ||
		    strcmp(name, "--cpu-work") == 0 || strcmp(name, "--svg") == 0) {
			if (val == NULL) {
				fprintf(stderr, "simul bench: %s needs a value (try --help)\n", name);
				return 2;
			}
		} else {
			fprintf(stderr, "simul bench: unknown option \"%s\" (try --help)\n", name);
			return 2;
		}
		if (strcmp(name, "--svg") == 0) {
			if (val[0] == '\0')
				return bad_value(name, val, "a file name");
			o->svg = val;
		} else if (strcmp(name, "--boards") == 0) {
			if (parse_ladder(val, o) < 0)
				return bad_value(name, val, "comma-separated counts 1..10M, e.g. 10,100,1k");
		} else if (strcmp(name, "--models") == 0) {
			if (parse_models(val, o) < 0)
				return bad_value(name, val, "processes,threads,async,hybrid");
		} else if (strcmp(name, "--moves") == 0) {
			if (parse_count(val, 1, 100000, &v) < 0)
				return bad_value(name, val, "a count from 1 to 100000");
			o->cfg.moves = (uint32_t)v;
		} else if (strcmp(name, "--master-work") == 0) {
			if (parse_count(val, 0, 1000000000, &v) < 0)
				return bad_value(name, val, "iterations from 0 to 1000M");
			o->cfg.master_work = v;
		} else if (strcmp(name, "--think") == 0) {
			if (parse_duration_us(val, &v) < 0)
				return bad_value(name, val, "a duration with a unit up to 1h: 10ms, 1s");
			o->cfg.think_us = v;
		} else if (strcmp(name, "--workers") == 0) {
			if (parse_count(val, 1, 4096, &v) < 0)
				return bad_value(name, val, "a count from 1 to 4096");
			o->cfg.workers = (uint32_t)v;
		} else if (strcmp(name, "--max-procs") == 0) {
			if (parse_count(val, 1, UINT32_MAX, &v) < 0)
				return bad_value(name, val, "a positive count");
			o->cfg.max_procs = (uint32_t)v;
			o->procs_set = 1;
		} else if (strcmp(name, "--max-threads") == 0) {
			if (parse_count(val, 1, UINT32_MAX, &v) < 0)
				return bad_value(name, val, "a positive count");
			o->cfg.max_threads = (uint32_t)v;
			o->threads_set = 1;
		} else if (strcmp(name, "--mem-cap") == 0) {
			if (parse_size(val, &v) < 0 || (v != 0 && v < (16U << 20)))
				return bad_value(name, val, "0 or a size of at least 16M: 512M, 2G");
			o->cfg.mem_cap = v;
		} else if (strcmp(name, "--time-cap") == 0) {
			if (parse_duration_us(val, &v) < 0 || (v != 0 && v < 1000))
				return bad_value(name, val, "0 or a duration of at least 1ms: 30s, 2m");
			o->cfg.time_cap_ms = v / 1000;
		} else if (strcmp(name, "--stack") == 0) {
			if (parse_size(val, &v) < 0 || v < (16U << 10) || v > (64U << 20))
				return bad_value(name, val, "a size from 16K to 64M");
			o->cfg.stack_size = (uint32_t)v;
		} else if (strcmp(name, "--cpu-boards") == 0) {
			if (parse_count(val, 1, 100000, &v) < 0)
				return bad_value(name, val, "a count from 1 to 100000");
			o->heavy_boards = (uint32_t)v;
		} else if (strcmp(name, "--cpu-work") == 0) {
			if (parse_count(val, 1, 1000000000, &v) < 0)
				return bad_value(name, val, "iterations from 1 to 1000M");
			o->heavy_work = v;
		}
	}
	return 0;
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
	int rc, tty = isatty(STDERR_FILENO), stop = 0, failed = 0;

	rc = bench_parse(argc, argv, &o);
	if (rc != 0)
		return rc == 1 ? 0 : 2;
	/* A bad path is bad usage, found before minutes of measuring. */
	if (o.svg != NULL && atomic_file_open(&svg, o.svg, err, sizeof(err)) < 0) {
		fprintf(stderr, "simul bench: --svg: %s\n", err);
		return 2;
	}
	if (o.allow_large) {
		if (!o.procs_set)
			o.cfg.max_procs = UINT32_MAX;
		if (!o.threads_set)
			o.cfg.max_threads = UINT32_MAX;
	}
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

			if (!o.models[m])
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
	for (int m = 0; m < BENCH_MODEL_COUNT && o.heavy && !stop; m++) {
		if (!o.models[m])
			continue;
		stop = bench_cell((enum bench_model)m, &heavy_cfg, &heavy[nheavy], tty);
		failed |= heavy[nheavy].status == BENCH_FAILED;
		nheavy++;
	}

	memset(&s, 0, sizeof(s));
	s.cfg = &o.cfg;
	s.cells = cells;
	s.ncells = ncells;
	s.heavy_cfg = o.heavy ? &heavy_cfg : NULL;
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
		if (o.plot) {
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
	if (fflush(stdout) != 0) {
		fprintf(stderr, "simul bench: writing stdout: %s\n", strerror(errno));
		return 1;
	}
	if (bench_interrupted())
		return 130;
	return failed ? 1 : 0;
}
