/*
 * The bench's figures for machines: `simul bench --json` and `--csv`. Both
 * print every cell of the ladder and of the CPU-heavy variant from one
 * table of fields, so a column added here appears in both formats. The
 * tables for people (terminal, Markdown) are in ui/bench_report.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "engine/macros.h"
#include "engine/types.h"
#include "ui/bench_report.h"
#include "ui/json.h"

/*
 * A cell's figures after model, boards, status and error, in the order JSON
 * and CSV both give them: one list, so the two formats cannot drift apart.
 * Each names its member by offset and says how to print it.
 */
enum bench_field_kind {
	BENCH_FIELD_U32,
	BENCH_FIELD_U64,
	BENCH_FIELD_DOUBLE,	/* with the field's decimals */
	BENCH_FIELD_MEM_KIND,	/* the int mem_pss as "pss" or "rss": a string */
	BENCH_FIELD_BOOL	/* an int as true or false */
};

struct bench_field {
	const char		*name;		/* JSON key and CSV column */
	enum bench_field_kind	 kind;
	size_t			 offset;	/* in struct bench_result */
	int			 decimals;	/* BENCH_FIELD_DOUBLE only */
	const char		*doc;		/* one line for --help and docs/bench.md */
};

#define F(name, kind, member, dec, doc) \
	{ name, BENCH_FIELD_##kind, offsetof(struct bench_result, member), dec, doc }

static const struct bench_field bench_fields[] = {
	F("workers", U32, workers, 0, "processes running loops (hybrid's W; 1 otherwise)"),
	F("wall_s", DOUBLE, wall_s, 3, "fork of the cell to its reaping"),
	F("play_s", DOUBLE, play_s, 3, "the games: first master move to the last reply"),
	F("floor_s", DOUBLE, floor_s, 3, "moves x think: no board can finish sooner"),
	F("cpu_s", DOUBLE, cpu_s, 3, "user + system CPU of the cell's whole process tree"),
	F("maxrss_kib", U64, maxrss_kib, 0, "largest single process's RSS"),
	F("mem_kib", U64, mem_kib, 0, "peak memory summed over the processes"),
	F("base_kib", U64, base_kib, 0, "the same before any board existed"),
	F("mem_kind", MEM_KIND, mem_pss, 0, "pss (smaps_rollup) or rss (statm)"),
	F("bytes_per_board", DOUBLE, bytes_per_board, 1, "(mem_kib - base_kib) / boards"),
	F("sys_before_kib", U64, sys_before_kib, 0,
	  "machine's free memory before any board: MemAvailable + per-CPU free lists"),
	F("sys_alive_kib", U64, sys_alive_kib, 0, "the same with every board alive"),
	F("sys_drift_kib", DOUBLE, sys_drift_kib, 1,
	  "what the rest of the machine freed meanwhile (< 0: took), added back"),
	F("sys_bytes_per_board", DOUBLE, sys_bytes_per_board, 1,
	  "(before - alive + drift) / boards: kernel stacks, task structs included"),
	F("sys_noisy", BOOL, sys_noisy, 0, "the drift around the cell was over a quarter of that"),
	F("kernel_bytes_per_board", DOUBLE, kernel_bytes_per_board, 1,
	  "KernelStack + PageTables + SUnreclaim growth / boards, less their drift"),
	F("csw_voluntary", U64, csw_voluntary, 0, "context switches: blocked"),
	F("csw_involuntary", U64, csw_involuntary, 0, "context switches: preempted"),
	F("lat_samples", U64, lat_samples, 0, "timer wake-ups measured"),
	F("lat_p50_us", U64, lat_p50_us, 0, "lateness of a wake-up against its due time: median"),
	F("lat_p99_us", U64, lat_p99_us, 0, "the same: 99th percentile"),
	F("lat_max_us", U64, lat_max_us, 0, "the same: largest"),
	F("moves", U64, moves_done, 0, "master moves answered"),
	F("boards_finished", U32, boards_finished, 0, "boards that played every move"),
};

#undef F

enum { BENCH_FIELD_TEXT = 320 };	/* "%.3f" of DBL_MAX fits: no figure is cut */

/* One field of r as text into buf; returns 1 when it is a string (JSON quotes it). */
static int
bench_field_text(const struct bench_field *fd, const struct bench_result *r, char *buf,
    size_t len)
{
	const char *p = (const char *)r + fd->offset;

	switch (fd->kind) {
	case BENCH_FIELD_U32:
		snprintf(buf, len, "%u", *(const uint32_t *)p);
		return 0;
	case BENCH_FIELD_U64:
		snprintf(buf, len, "%llu", (unsigned long long)*(const uint64_t *)p);
		return 0;
	case BENCH_FIELD_DOUBLE:
		snprintf(buf, len, "%.*f", fd->decimals, *(const double *)p);
		return 0;
	case BENCH_FIELD_MEM_KIND:
		snprintf(buf, len, "%s", *(const int *)p ? "pss" : "rss");
		return 1;
	case BENCH_FIELD_BOOL:
		snprintf(buf, len, "%s", *(const int *)p ? "true" : "false");
		return 0;
	}
	return 0;
}

void
bench_report_fields(FILE *f)
{
	fputs("JSON and CSV fields of a cell, after model, boards, status (ok, simul cap, system "
	      "limit,\nsimul time cap, failed, interrupted) and error:\n", f);
	for (size_t k = 0; k < ARRAY_LEN(bench_fields); k++)
		fprintf(f, "  %-22s %s\n", bench_fields[k].name, bench_fields[k].doc);
}

static void
json_config(FILE *f, const struct bench_config *c)
{
	fprintf(f, "{\"moves\": %u, \"master_work\": %llu, \"think_us\": %llu, \"think_work\": %llu, "
	    "\"workers\": %u, \"max_procs\": %u, \"max_threads\": %u, \"mem_cap\": %llu, "
	    "\"time_cap_ms\": %llu, \"stack_size\": %u}",
	    c->moves, (unsigned long long)c->master_work, (unsigned long long)c->think_us,
	    (unsigned long long)c->think_work, c->workers, c->max_procs, c->max_threads,
	    (unsigned long long)c->mem_cap, (unsigned long long)c->time_cap_ms, c->stack_size);
}

static void
json_cells(FILE *f, const struct bench_result *cells, size_t n)
{
	char v[BENCH_FIELD_TEXT];

	fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		const struct bench_result *r = &cells[i];

		fprintf(f, "%s\n    {\"model\": \"%s\", \"boards\": %u, \"status\": \"%s\", \"error\": ",
		    i != 0 ? "," : "", bench_model_name(r->model), r->boards,
		    bench_status_name(r->status));
		if (r->status == BENCH_OK)
			fputs("null", f);
		else
			json_string(f, r->error);
		for (size_t k = 0; k < ARRAY_LEN(bench_fields); k++) {
			fprintf(f, ", \"%s\": ", bench_fields[k].name);
			if (bench_field_text(&bench_fields[k], r, v, sizeof(v)))
				json_string(f, v);
			else
				fputs(v, f);
		}
		fputc('}', f);
	}
	fputs(n != 0 ? "\n  ]" : "]", f);
}

void
bench_report_json(FILE *f, const struct bench_summary *s)
{
	uint32_t at = 0;
	double lup = bench_summary_ladder_speedup(s, &at);

	fprintf(f, "{\n  \"machine\": {\"cpus\": %u, \"pid_max\": %llu, \"threads_max\": %llu},\n",
	    s->cpus, (unsigned long long)s->pid_max, (unsigned long long)s->threads_max);
	fputs("  \"config\": ", f);
	json_config(f, s->cfg);
	fputs(",\n  \"cells\": ", f);
	json_cells(f, s->cells, s->ncells);
	fputs(",\n  \"cpu_heavy\": ", f);
	if (s->heavy_cfg == NULL) {
		fputs("null", f);
	} else {
		fprintf(f, "{\"boards\": %u, \"config\": ", s->heavy_cfg->boards);
		json_config(f, s->heavy_cfg);
		fputs(", \"cells\": ", f);
		json_cells(f, s->heavy, s->nheavy);
		fputc('}', f);
	}
	fputs(",\n  \"summary\": {\"largest_boards\": {", f);
	for (int m = 0; m < BENCH_MODEL_COUNT; m++)
		fprintf(f, "%s\"%s\": %u", m != 0 ? ", " : "", bench_model_name((enum bench_model)m),
		    bench_summary_largest(s, (enum bench_model)m));
	fputs("}, \"heavy_speedup_vs_async\": {", f);
	for (int m = 0; m < BENCH_MODEL_COUNT; m++)
		fprintf(f, "%s\"%s\": %.2f", m != 0 ? ", " : "", bench_model_name((enum bench_model)m),
		    bench_summary_heavy_speedup(s, (enum bench_model)m));
	fprintf(f, "}, \"hybrid_ladder_speedup\": %.2f, \"hybrid_ladder_boards\": %u}\n}\n", lup, at);
}

static void
csv_field(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void
csv_cells(FILE *f, const char *variant, const struct bench_result *cells, size_t n)
{
	char v[BENCH_FIELD_TEXT];

	for (size_t i = 0; i < n; i++) {
		const struct bench_result *r = &cells[i];

		fprintf(f, "%s,%s,%u,", variant, bench_model_name(r->model), r->boards);
		csv_field(f, bench_status_name(r->status));
		fputc(',', f);
		csv_field(f, r->status == BENCH_OK ? "" : r->error);
		for (size_t k = 0; k < ARRAY_LEN(bench_fields); k++) {
			bench_field_text(&bench_fields[k], r, v, sizeof(v));
			fputc(',', f);
			csv_field(f, v);
		}
		fputc('\n', f);
	}
}

void
bench_report_csv(FILE *f, const struct bench_summary *s)
{
	fputs("variant,model,boards,status,error", f);
	for (size_t k = 0; k < ARRAY_LEN(bench_fields); k++)
		fprintf(f, ",%s", bench_fields[k].name);
	fputc('\n', f);
	csv_cells(f, "ladder", s->cells, s->ncells);
	csv_cells(f, "cpu-heavy", s->heavy, s->nheavy);
}
