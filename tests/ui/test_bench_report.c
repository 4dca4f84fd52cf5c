/*
 * The bench writers on fixed figures: CSV and JSON compared as exact text,
 * the table and Markdown checked for the measured cells beside the
 * article's claims, the plot for its marks and axis.
 */
#include <criterion/criterion.h>
#include "tests/criterion_assert.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/bench_report.h"

static struct bench_config cfg, heavy_cfg;
static struct bench_result cells[5], heavy[2];

static void
fixture(struct bench_summary *s)
{
	bench_config_default(&cfg);
	cfg.workers = 2;
	heavy_cfg = cfg;
	heavy_cfg.boards = 100;
	heavy_cfg.moves = 10;
	heavy_cfg.think_us = 0;
	heavy_cfg.think_work = 300000;
	memset(cells, 0, sizeof(cells));
	memset(heavy, 0, sizeof(heavy));
	cells[0] = (struct bench_result){ .model = BENCH_ASYNC, .boards = 1000, .status = BENCH_OK,
		.workers = 1, .wall_s = 0.5, .cpu_s = 0.25, .maxrss_kib = 1500, .mem_kib = 400,
		.base_kib = 200, .mem_pss = 1, .bytes_per_board = 204.8, .csw_voluntary = 30,
		.csw_involuntary = 2, .lat_samples = 30000, .lat_p50_us = 300, .lat_p99_us = 1200,
		.lat_max_us = 4000, .moves_done = 30000, .boards_finished = 1000, .play_s = 0.45,
		.floor_s = 0.3, .sys_before_kib = 1000000, .sys_alive_kib = 999700,
		.sys_drift_kib = 10, .sys_bytes_per_board = 317.44, .kernel_bytes_per_board = 40.96 };
	cells[1] = cells[0];
	cells[1].model = BENCH_HYBRID;
	cells[1].workers = 2;
	cells[1].wall_s = 0.25;
	cells[1].sys_noisy = 1;
	cells[2] = (struct bench_result){ .model = BENCH_PROCESSES, .boards = 10000,
		.status = BENCH_CAP, .workers = 1 };
	strcpy(cells[2].error, "10000 processes > 2000, --max-procs");
	/* threads: 8000 completed, 10000 stopped by the system */
	cells[3] = (struct bench_result){ .model = BENCH_THREADS, .boards = 8000,
		.status = BENCH_OK, .workers = 1, .wall_s = 1.5, .cpu_s = 2.5, .maxrss_kib = 70000,
		.mem_kib = 68000, .base_kib = 800, .mem_pss = 1, .bytes_per_board = 8601.6,
		.csw_voluntary = 900000, .csw_involuntary = 40000, .lat_samples = 240000,
		.lat_p50_us = 90, .lat_p99_us = 6210, .lat_max_us = 31000, .moves_done = 240000,
		.boards_finished = 8000, .play_s = 1.25, .floor_s = 0.3, .sys_before_kib = 900000,
		.sys_alive_kib = 650000, .sys_drift_kib = -2000, .sys_bytes_per_board = 31744,
		.kernel_bytes_per_board = 23552 };
	cells[4] = (struct bench_result){ .model = BENCH_THREADS, .boards = 10000,
		.status = BENCH_LIMIT, .workers = 1 };
	strcpy(cells[4].error, "pthread_create: Resource temporarily unavailable after 9000 boards");
	heavy[0] = cells[0];
	heavy[0].boards = 100;
	heavy[0].wall_s = 2.0;
	heavy[0].cpu_s = 2.0;
	heavy[1] = heavy[0];
	heavy[1].model = BENCH_THREADS;
	heavy[1].wall_s = 1.0;
	heavy[1].cpu_s = 1.9;
	memset(s, 0, sizeof(*s));
	s->cfg = &cfg;
	s->cells = cells;
	s->ncells = 5;
	s->heavy_cfg = &heavy_cfg;
	s->heavy = heavy;
	s->nheavy = 2;
	s->cpus = 2;
	s->pid_max = 32768;
	s->threads_max = 192729;
}

/* Runs a writer into a string the test frees. */
static char *
capture(void (*writer)(FILE *, const struct bench_summary *), const struct bench_summary *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert(not(eq(ptr, f, NULL)));
	writer(f, s);
	fclose(f);
	return buf;
}

static void
plot_60x12(FILE *f, const struct bench_summary *s)
{
	bench_report_plot(f, s, 60, 12);
}

Test(bench_report, derived_figures)
{
	struct bench_summary s;
	uint32_t at = 0;

	fixture(&s);
	cr_assert(eq(u32, bench_summary_largest(&s, BENCH_ASYNC), 1000));
	cr_assert(eq(u32, bench_summary_largest(&s, BENCH_PROCESSES), 0));
	cr_assert(eq(dbl, bench_summary_heavy_speedup(&s, BENCH_THREADS), 2.0));
	cr_assert(eq(dbl, bench_summary_heavy_speedup(&s, BENCH_HYBRID), 0.0));
	cr_assert(eq(dbl, bench_summary_ladder_speedup(&s, &at), 2.0));
	cr_assert(eq(u32, at, 1000));
}

Test(bench_report, csv_exact)
{
	struct bench_summary s;
	char *out;

	fixture(&s);
	s.ncells = 3;
	s.nheavy = 1;
	out = capture(bench_report_csv, &s);
	cr_assert(eq(str, out,
	    "variant,model,boards,status,error,workers,wall_s,play_s,floor_s,cpu_s,maxrss_kib,mem"
	    "_kib,base_kib,mem_kind,bytes_per_board,sys_before_kib,sys_alive_kib,sys_drift_kib,sy"
	    "s_bytes_per_board,sys_noisy,kernel_bytes_per_board,csw_voluntary,csw_involuntary,lat"
	    "_samples,lat_p50_us,lat_p99_us,lat_max_us,moves,boards_finished\n"
	    "ladder,async,1000,ok,,1,0.500,0.450,0.300,0.250,1500,400,200,pss,204.8,1000000,99970"
	    "0,10.0,317.4,false,41.0,30,2,30000,300,1200,4000,30000,1000\n"
	    "ladder,hybrid,1000,ok,,2,0.250,0.450,0.300,0.250,1500,400,200,pss,204.8,1000000,9997"
	    "00,10.0,317.4,true,41.0,30,2,30000,300,1200,4000,30000,1000\n"
	    "ladder,processes,10000,simul cap,\"10000 processes > 2000,"
	    " --max-procs\",1,0.000,0.000,0.000,0.000,0,0,0,rss,0.0,0,0,0.0,0.0,false,0.0,0,0,0,0"
	    ",0,0,0,0\n"
	    "cpu-heavy,async,100,ok,,1,2.000,0.450,0.300,2.000,1500,400,200,pss,204.8,1000000,999"
	    "700,10.0,317.4,false,41.0,30,2,30000,300,1200,4000,30000,1000\n"));
	free(out);
}

Test(bench_report, csv_quotes_commas_and_quotes)
{
	struct bench_summary s;
	char *out;

	fixture(&s);
	strcpy(cells[2].error, "fork: \"EAGAIN\", after 5");
	out = capture(bench_report_csv, &s);
	cr_assert(not(eq(ptr, strstr(out, ",\"fork: \"\"EAGAIN\"\", after 5\","), NULL)), "%s", out);
	free(out);
}

Test(bench_report, json_exact)
{
	struct bench_summary s;
	char *out;

	fixture(&s);
	s.ncells = 1;
	s.heavy_cfg = NULL;
	s.nheavy = 0;
	out = capture(bench_report_json, &s);
	cr_assert(eq(str, out,
	    "{\n"
	    "  \"machine\": {\"cpus\": 2, \"pid_max\": 32768, \"threads_max\": 192729},\n"
	    "  \"config\": {\"moves\": 30, \"master_work\": 1000, \"think_us\": 10000,"
	    " \"think_work\": 0, \"workers\": 2, \"max_procs\": 2000, \"max_threads\": 10000,"
	    " \"mem_cap\": 2147483648, \"time_cap_ms\": 60000, \"stack_size\": 65536},\n"
	    "  \"cells\": [\n"
	    "    {\"model\": \"async\", \"boards\": 1000, \"status\": \"ok\", \"error\": null,"
	    " \"workers\": 1, \"wall_s\": 0.500, \"play_s\": 0.450, \"floor_s\": 0.300,"
	    " \"cpu_s\": 0.250, \"maxrss_kib\": 1500, \"mem_kib\": 400, \"base_kib\": 200,"
	    " \"mem_kind\": \"pss\", \"bytes_per_board\": 204.8, \"sys_before_kib\": 1000000,"
	    " \"sys_alive_kib\": 999700, \"sys_drift_kib\": 10.0, \"sys_bytes_per_board\":"
	    " 317.4, \"sys_noisy\": false, \"kernel_bytes_per_board\": 41.0, \"csw_voluntary\":"
	    " 30, \"csw_involuntary\": 2, \"lat_samples\": 30000, \"lat_p50_us\": 300,"
	    " \"lat_p99_us\": 1200, \"lat_max_us\": 4000, \"moves\": 30000, \"boards_finished\":"
	    " 1000}\n"
	    "  ],\n"
	    "  \"cpu_heavy\": null,\n"
	    "  \"summary\": {\"largest_boards\": {\"processes\": 0, \"threads\": 0, \"async\":"
	    " 1000, \"hybrid\": 0}, \"heavy_speedup_vs_async\": {\"processes\": 0.00,"
	    " \"threads\": 0.00, \"async\": 0.00, \"hybrid\": 0.00}, \"hybrid_ladder_speedup\":"
	    " 0.00, \"hybrid_ladder_boards\": 0}\n"
	    "}\n"));
	free(out);
}

Test(bench_report, json_escapes_errors)
{
	struct bench_summary s;
	char *out;

	fixture(&s);
	strcpy(cells[2].error, "a \"quoted\"\\path\n");
	out = capture(bench_report_json, &s);
	cr_assert(not(eq(ptr, strstr(out, "\"error\": \"a \\\"quoted\\\"\\\\path\\u000a\""), NULL)),
	    "%s", out);
	free(out);
}

Test(bench_report, table_puts_measurements_beside_claims)
{
	struct bench_summary s;
	char *out;

	fixture(&s);
	out = capture(bench_report_table, &s);
	/* Each row: the measured lines (lateness, then the games' time against
	 * their floor of thinks; memory by PSS, by the kernel's counters and by
	 * free memory, and where the ladder stopped and whose limit it was),
	 * then the article's claims. */
	cr_assert(not(eq(ptr, strstr(out,
	    "            waiting                 cores       scalability             blocking"
	    " calls   GIL\n"
	    "------------------------------------------------------------------------------------"
	    "---------------------\n"
	    "processes   -                       -           none completed          -          "
	    "      -\n"
	    "                                                10k: simul cap\n"
	    "  article   yes                     all         tens-hundreds           fine       "
	    "      one per process\n"
	    "threads     p99 6.21 ms @8k         1.9 used    8k, 8.4 KiB/bd PSS      p99 1.20 ms"
	    "      no GIL: 2.0x\n"
	    "            1.25 s vs 0.30 s floor              +23.0 KiB/bd kernel\n"
	    "                                                31.0 KiB/bd MemAvail\n"
	    "                                                10k: system limit\n"
	    "  article   yes                     one (GIL)   hundreds                fine       "
	    "      serialises CPU\n"
	    "async       p99 1.20 ms @1k         1.0 used    1k, 205 B/bd PSS        p99 1.20 ms"
	    "      1 thread: 1.0x\n"
	    "            0.45 s vs 0.30 s floor              +41 B/bd kernel\n"
	    "                                                317 B/bd MemAvail\n"
	    "  article   yes                     one         10k or more             stall the"
	    " loop   moot: 1 thread\n"
	    "hybrid      p99 1.20 ms @1k         -           1k, 205 B/bd PSS        -          "
	    "      -\n"
	    "            0.45 s vs 0.30 s floor              +41 B/bd kernel\n"
	    "                                                MemAvail: noisy\n"
	    "  article   yes                     all         async x cores           stall 1"
	    " worker   one per process\n"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "threads ran the CPU-heavy cell on 1.9 cores, 2.0x"),
	    NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "2.0x at 1000 boards"), NULL)), "%s", out);
	/* The ladder: play time, memory three ways, and why a cell stopped. */
	cr_assert(not(eq(ptr, strstr(out,
	    "Ladder\n"
	    "model      boards   wall s   play s    cpu s   peak PSS  PSS/board kern/board"
	    " MemAvail/b   csw vol/invol  lateness p50 / p99 / max\n"
	    "async        1000    0.500    0.450    0.250  400.0 KiB      205 B       41 B     "
	    " 317 B            30/2  300 us / 1.20 ms / 4.00 ms\n"
	    "hybrid       1000    0.250    0.450    0.250  400.0 KiB      205 B       41 B      "
	    "    -            30/2  300 us / 1.20 ms / 4.00 ms\n"
	    "processes   10000 simul cap: 10000 processes > 2000, --max-procs\n"
	    "threads      8000    1.500    1.250    2.500   66.4 MiB    8.4 KiB   23.0 KiB  "
	    " 31.0 KiB    900000/40000  90 us / 6.21 ms / 31.0 ms\n"
	    "threads     10000 system limit: pthread_create: Resource temporarily unavailable"
	    " after 9000 boards\n"), NULL)), "%s", out);
	free(out);
}

Test(bench_report, markdown_rows)
{
	struct bench_summary s;
	char *out;

	fixture(&s);
	out = capture(bench_report_markdown, &s);
	cr_assert(not(eq(ptr, strstr(out, "| | waiting | cores | scalability | blocking calls | GIL |"),
	    NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "| async | p99 1.20 ms @1k<br>0.45 s vs 0.30 s floor<br>"
	    "*article: yes* |"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "| 8k, 8.4 KiB/bd PSS<br>+23.0 KiB/bd kernel<br>31.0 KiB/bd "
	    "MemAvail<br>10k: system limit<br>*article: hundreds* |"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out,
	    "| async | 1000 | ok | 0.500 | 0.450 | 0.250 | 400.0 KiB | 205 B | 41 B | 317 B | 30/2 | "
	    "300 us / 1.20 ms / 4.00 ms |"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "| hybrid | 1000 | ok | 0.250 | 0.450 | 0.250 | 400.0 KiB | "
	    "205 B | 41 B | - |"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "| processes | 10000 | simul cap: 10000 processes > 2000, "
	    "--max-procs |"), NULL)), "%s", out);
	free(out);
}

Test(bench_report, plot_marks_and_axis)
{
	struct bench_summary s;
	char *out, *line;
	int rows = 0;

	fixture(&s);
	s.ncells = 3;	/* async, hybrid and a cap: the axis ends at 1000 */
	cells[1].bytes_per_board = 20480;	/* a hundred times async's */
	cells[1].boards = 10;
	out = capture(plot_60x12, &s);
	cr_assert(not(eq(ptr, strstr(out, "memory per board (log) vs boards (log)"), NULL)));
	cr_assert(not(eq(ptr, strstr(out, "timer lateness p99 (log) vs boards (log)"), NULL)));
	/* Hybrid at N=10 is the top-left point, async at N=1000 the bottom-right. */
	cr_assert(not(eq(ptr, strstr(out, "  20.0 KiB |H"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "A\n"), NULL)), "%s", out);
	cr_assert(not(eq(ptr, strstr(out, "10                            100"), NULL)), "%s", out);
	for (line = out; (line = strstr(line, " |")) != NULL; line += 2)
		rows++;
	cr_assert(eq(int, rows, 24));	/* two plots of 12 rows */
	free(out);
}
