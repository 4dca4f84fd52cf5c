/*
 * The bench's names, defaults and caps. The caps come from two places: the
 * defaults (2 000 processes, 10 000 threads, safe on a shared 2-core 8 GiB
 * machine, lifted by --allow-large) and the system (never more than a
 * quarter of pid_max or threads-max, which nothing lifts: every thread takes
 * a pid too, and a ladder that used them all would stop every other program
 * on the machine from starting a process).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sim/bench/bench.h"

static const char *const bench_model_names[BENCH_MODEL_COUNT] = {
	[BENCH_PROCESSES] = "processes",
	[BENCH_THREADS] = "threads",
	[BENCH_ASYNC] = "async",
	[BENCH_HYBRID] = "hybrid",
};

const char *
bench_model_name(enum bench_model m)
{
	if ((unsigned)m >= BENCH_MODEL_COUNT)
		return "?";
	return bench_model_names[m];
}

int
bench_model_parse(const char *s, enum bench_model *out)
{
	for (int m = 0; m < BENCH_MODEL_COUNT; m++) {
		if (strcmp(s, bench_model_names[m]) == 0) {
			*out = (enum bench_model)m;
			return 0;
		}
	}
	return -1;
}

const char *
bench_status_name(enum bench_status s)
{
	switch (s) {
	case BENCH_OK:
		return "ok";
	case BENCH_CAP:
		return "simul cap";
	case BENCH_LIMIT:
		return "system limit";
	case BENCH_TIMEOUT:
		return "simul time cap";
	case BENCH_FAILED:
		return "failed";
	case BENCH_INTERRUPTED:
		return "interrupted";
	}
	return "?";
}

void
bench_config_default(struct bench_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->boards = 10;
	cfg->moves = BENCH_DEFAULT_MOVES;
	cfg->master_work = BENCH_DEFAULT_MASTER_WORK;
	cfg->think_us = BENCH_DEFAULT_THINK_US;
	cfg->think_work = 0;
	cfg->workers = 0;
	cfg->max_procs = BENCH_DEFAULT_MAX_PROCS;
	cfg->max_threads = BENCH_DEFAULT_MAX_THREADS;
	cfg->mem_cap = BENCH_DEFAULT_MEM_CAP;
	cfg->time_cap_ms = BENCH_DEFAULT_TIME_CAP_MS;
	cfg->stack_size = BENCH_DEFAULT_STACK;
}

static uint64_t
bench_read_u64(const char *path)
{
	FILE *f = fopen(path, "r");
	uint64_t v = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%" SCNu64, &v) != 1)
		v = 0;
	fclose(f);
	return v;
}

void
bench_limits_read(struct bench_limits *lim)
{
	uint64_t smaller;

	lim->pid_max = bench_read_u64("/proc/sys/kernel/pid_max");
	lim->threads_max = bench_read_u64("/proc/sys/kernel/threads-max");
	smaller = lim->pid_max;
	if (smaller == 0 || (lim->threads_max != 0 && lim->threads_max < smaller))
		smaller = lim->threads_max;
	/* Unknown limits (no /proc): fall back to the classic pid_max. */
	if (smaller == 0)
		smaller = 32768;
	lim->quarter = (uint32_t)(smaller / 4);
}

void
bench_limits_apply(const struct bench_limits *lim, struct bench_config *cfg)
{
	if (cfg->max_procs > lim->quarter) {
		cfg->max_procs = lim->quarter;
		cfg->pid_quarter = lim->quarter;
	}
	if (cfg->max_threads > lim->quarter) {
		cfg->max_threads = lim->quarter;
		cfg->pid_quarter = lim->quarter;
	}
}

/* The option behind a cap of n, for the "simul cap" line: the quarter rule
 * when that is what lowered it, else the option itself. */
static const char *
bench_cap_origin(const struct bench_config *cfg, uint32_t n, const char *opt, char *buf,
    size_t len)
{
	if (cfg->pid_quarter != 0 && n == cfg->pid_quarter)
		snprintf(buf, len, "a quarter of the system's pids");
	else
		snprintf(buf, len, "%s", opt);
	return buf;
}

unsigned
bench_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

int
bench_precheck(enum bench_model model, const struct bench_config *cfg, struct bench_result *out)
{
	uint32_t need = 0, cap = 0;
	const char *what = NULL, *opt = NULL;
	char origin[48];

	switch (model) {
	case BENCH_PROCESSES:
		need = cfg->boards, cap = cfg->max_procs;
		what = "processes", opt = "--max-procs";
		break;
	case BENCH_THREADS:
		need = cfg->boards, cap = cfg->max_threads;
		what = "threads", opt = "--max-threads";
		break;
	case BENCH_HYBRID:
		need = cfg->workers != 0 ? cfg->workers : bench_cpu_count();
		cap = cfg->max_procs;
		what = "processes", opt = "--max-procs";
		break;
	default:
		return 0;
	}
	if (need <= cap)
		return 0;
	memset(out, 0, sizeof(*out));
	out->model = model;
	out->boards = cfg->boards;
	out->status = BENCH_CAP;
	out->workers = model == BENCH_HYBRID ? need : 1;
	snprintf(out->error, sizeof(out->error), "%" PRIu32 " %s > %" PRIu32 ", %s", need, what,
	    cap, bench_cap_origin(cfg, cap, opt, origin, sizeof(origin)));
	return 1;
}
