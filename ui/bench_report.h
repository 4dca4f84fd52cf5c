/*
 * The bench's figures as the reader sees them: the article's comparison
 * table with measured cells and the article's claims beside them, the
 * ladder in full, and the same figures as JSON, CSV and Markdown
 * (ui/bench_report.c); two log-log plots drawn in plain characters
 * (ui/bench_plot.c). The writers only format what the summary holds; they
 * measure nothing and decide nothing.
 */
#ifndef SIMUL_UI_BENCH_REPORT_H
#define SIMUL_UI_BENCH_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "sim/bench/bench.h"

struct bench_summary {
	const struct bench_config	*cfg;		/* the ladder's workload and caps */
	const struct bench_result	*cells;		/* ladder, in run order */
	size_t				 ncells;
	const struct bench_config	*heavy_cfg;	/* CPU-heavy variant, NULL if skipped */
	const struct bench_result	*heavy;
	size_t				 nheavy;
	unsigned			 cpus;
	uint64_t			 pid_max;	/* 0 if unknown */
	uint64_t			 threads_max;
};

/* Derived figures every writer shares. */
/* Largest N the model completed in the ladder; 0 if none. */
uint32_t bench_summary_largest(const struct bench_summary *s, enum bench_model m);
/* async wall / m wall on the CPU-heavy cell; 0 when either did not finish. */
double bench_summary_heavy_speedup(const struct bench_summary *s, enum bench_model m);
/* async wall / hybrid wall at the largest N both completed; 0 if none. */
double bench_summary_ladder_speedup(const struct bench_summary *s, uint32_t *at_boards);

/* Figures as the table and the plots print them: "10k", "1.5 KiB", "1.20 ms". */
const char *bench_fmt_boards(char *buf, size_t len, uint32_t n);
const char *bench_fmt_bytes(char *buf, size_t len, double bytes);
const char *bench_fmt_us(char *buf, size_t len, double us);
/* "0.31 s", "12.3 s". */
const char *bench_fmt_seconds(char *buf, size_t len, double s);
/* r's system memory per board, or "-" when unmeasured or noisy. */
const char *bench_fmt_sys(char *buf, size_t len, const struct bench_result *r);
/* r's kernel memory per board, or "-" when unmeasured. */
const char *bench_fmt_kernel(char *buf, size_t len, const struct bench_result *r);

void bench_report_table(FILE *f, const struct bench_summary *s);
/* Boards (log) against bytes per board and against lateness p99 (log): ui/bench_plot.c. */
void bench_report_plot(FILE *f, const struct bench_summary *s, int width, int height);
void bench_report_json(FILE *f, const struct bench_summary *s);
void bench_report_csv(FILE *f, const struct bench_summary *s);
void bench_report_markdown(FILE *f, const struct bench_summary *s);
/* The JSON/CSV fields of a cell with one line each: `simul bench --help`. */
void bench_report_fields(FILE *f);

#endif
