/*
 * Formats a bench summary for people: the article's table (one row per
 * model, the measured figure above the article's claim in every cell), the
 * full ladder, and the same as Markdown. The data is the summary's two
 * arrays of struct bench_result (the ladder in run order, the CPU-heavy
 * cell's models) and the configs they ran with; measured cells come from
 * the ladder (largest N completed) and from the CPU-heavy cell (cores used,
 * loop stalls, speed-up over async). JSON and CSV: ui/bench_export.c; the
 * plots: ui/bench_plot.c.
 */
#include <stddef.h>
#include <string.h>

#include "ui/bench_report.h"

/* The article's CPython claims, summarised; the table prints them beside
 * the measurement so a reader sees where C agrees and where it does not. */
struct bench_claim {
	const char	*waiting;
	const char	*cores;
	const char	*scale;
	const char	*blocking;
	const char	*gil;
};

static const struct bench_claim bench_claims[BENCH_MODEL_COUNT] = {
	[BENCH_PROCESSES] = { "yes", "all", "tens-hundreds", "fine", "one per process" },
	[BENCH_THREADS] = { "yes", "one (GIL)", "hundreds", "fine", "serialises CPU" },
	[BENCH_ASYNC] = { "yes", "one", "10k or more", "stall the loop", "moot: 1 thread" },
	[BENCH_HYBRID] = { "yes", "all", "async x cores", "stall 1 worker", "one per process" },
};

uint32_t
bench_summary_largest(const struct bench_summary *s, enum bench_model m)
{
	uint32_t best = 0;

	for (size_t i = 0; i < s->ncells; i++)
		if (s->cells[i].model == m && s->cells[i].status == BENCH_OK &&
		    s->cells[i].boards > best)
			best = s->cells[i].boards;
	return best;
}

/* The ladder cell of model m at N, or NULL. */
static const struct bench_result *
bench_summary_cell(const struct bench_summary *s, enum bench_model m, uint32_t boards)
{
	for (size_t i = 0; i < s->ncells; i++)
		if (s->cells[i].model == m && s->cells[i].boards == boards)
			return &s->cells[i];
	return NULL;
}

static const struct bench_result *
bench_heavy_cell(const struct bench_summary *s, enum bench_model m)
{
	for (size_t i = 0; i < s->nheavy; i++)
		if (s->heavy[i].model == m && s->heavy[i].status == BENCH_OK)
			return &s->heavy[i];
	return NULL;
}

double
bench_summary_heavy_speedup(const struct bench_summary *s, enum bench_model m)
{
	const struct bench_result *a = bench_heavy_cell(s, BENCH_ASYNC);
	const struct bench_result *x = bench_heavy_cell(s, m);

	if (a == NULL || x == NULL || x->wall_s <= 0)
		return 0;
	return a->wall_s / x->wall_s;
}

double
bench_summary_ladder_speedup(const struct bench_summary *s, uint32_t *at_boards)
{
	const struct bench_result *best_a = NULL, *best_h = NULL;

	for (size_t i = 0; i < s->ncells; i++) {
		const struct bench_result *a = &s->cells[i], *h;

		if (a->model != BENCH_ASYNC || a->status != BENCH_OK)
			continue;
		h = bench_summary_cell(s, BENCH_HYBRID, a->boards);
		if (h == NULL || h->status != BENCH_OK || h->wall_s <= 0)
			continue;
		if (best_a == NULL || a->boards > best_a->boards)
			best_a = a, best_h = h;
	}
	*at_boards = best_a != NULL ? best_a->boards : 0;
	return best_a != NULL ? best_a->wall_s / best_h->wall_s : 0;
}

const char *
bench_fmt_boards(char *buf, size_t len, uint32_t n)
{
	if (n >= 1000 && n % 1000 == 0)
		snprintf(buf, len, "%uk", n / 1000);
	else
		snprintf(buf, len, "%u", n);
	return buf;
}

const char *
bench_fmt_bytes(char *buf, size_t len, double b)
{
	if (b < 1024)
		snprintf(buf, len, "%.0f B", b);
	else if (b < 1024 * 1024)
		snprintf(buf, len, "%.1f KiB", b / 1024);
	else
		snprintf(buf, len, "%.1f MiB", b / (1024 * 1024));
	return buf;
}

const char *
bench_fmt_us(char *buf, size_t len, double us)
{
	if (us < 1000)
		snprintf(buf, len, "%.0f us", us);
	else if (us < 10000)
		snprintf(buf, len, "%.2f ms", us / 1000);
	else
		snprintf(buf, len, "%.1f ms", us / 1000);
	return buf;
}

const char *
bench_fmt_seconds(char *buf, size_t len, double s)
{
	snprintf(buf, len, s < 10 ? "%.2f s" : "%.1f s", s);
	return buf;
}

const char *
bench_fmt_sys(char *buf, size_t len, const struct bench_result *r)
{
	if (r->status != BENCH_OK || r->sys_bytes_per_board <= 0 || r->sys_noisy)
		return snprintf(buf, len, "-"), buf;
	return bench_fmt_bytes(buf, len, r->sys_bytes_per_board);
}

const char *
bench_fmt_kernel(char *buf, size_t len, const struct bench_result *r)
{
	if (r->status != BENCH_OK || r->kernel_bytes_per_board <= 0)
		return snprintf(buf, len, "-"), buf;
	return bench_fmt_bytes(buf, len, r->kernel_bytes_per_board);
}

/* The first cell of model m above N that did not complete, or NULL. */
static const struct bench_result *
bench_stop_cell(const struct bench_summary *s, enum bench_model m, uint32_t n)
{
	const struct bench_result *stop = NULL;

	for (size_t i = 0; i < s->ncells; i++) {
		const struct bench_result *c = &s->cells[i];

		if (c->model == m && c->status != BENCH_OK && c->boards > n &&
		    (stop == NULL || c->boards < stop->boards))
			stop = c;
	}
	return stop;
}

enum { BENCH_COLS = 5, BENCH_LINES = 4, BENCH_CELL = 64 };

/* The measured figures of each of the five columns for model m, up to
 * four lines a cell ("" where a line is empty). */
static void
bench_measured(const struct bench_summary *s, enum bench_model m,
    char cell[BENCH_COLS][BENCH_LINES][BENCH_CELL])
{
	uint32_t n = bench_summary_largest(s, m);
	const struct bench_result *c = n != 0 ? bench_summary_cell(s, m, n) : NULL;
	const struct bench_result *h = bench_heavy_cell(s, m);
	const struct bench_result *stop = bench_stop_cell(s, m, n);
	double up = bench_summary_heavy_speedup(s, m);
	char a[24], b[24];

	memset(cell, 0, (size_t)BENCH_COLS * BENCH_LINES * BENCH_CELL);
	for (int i = 0; i < BENCH_COLS; i++)
		snprintf(cell[i][0], BENCH_CELL, "-");
	if (c != NULL) {
		snprintf(cell[0][0], BENCH_CELL, "p99 %s @%s",
		    bench_fmt_us(a, sizeof(a), (double)c->lat_p99_us),
		    bench_fmt_boards(b, sizeof(b), n));
		snprintf(cell[0][1], BENCH_CELL, "%s vs %s floor",
		    bench_fmt_seconds(a, sizeof(a), c->play_s),
		    bench_fmt_seconds(b, sizeof(b), c->floor_s));
		snprintf(cell[2][0], BENCH_CELL, "%s, %s/bd PSS", bench_fmt_boards(b, sizeof(b), n),
		    bench_fmt_bytes(a, sizeof(a), c->bytes_per_board));
		if (c->sys_before_kib != 0)
			snprintf(cell[2][1], BENCH_CELL, "+%s/bd kernel",
			    bench_fmt_bytes(a, sizeof(a), c->kernel_bytes_per_board > 0 ?
			    c->kernel_bytes_per_board : 0));
		if (c->sys_bytes_per_board > 0 && !c->sys_noisy)
			snprintf(cell[2][2], BENCH_CELL, "%s/bd MemAvail",
			    bench_fmt_sys(a, sizeof(a), c));
		else if (c->sys_before_kib != 0)
			snprintf(cell[2][2], BENCH_CELL, "MemAvail: noisy");
	} else if (s->ncells != 0) {
		snprintf(cell[2][0], BENCH_CELL, "none completed");
	}
	if (stop != NULL)
		snprintf(cell[2][c != NULL ? 3 : 1], BENCH_CELL, "%s: %s",
		    bench_fmt_boards(b, sizeof(b), stop->boards), bench_status_name(stop->status));
	if (h != NULL) {
		snprintf(cell[1][0], BENCH_CELL, "%.1f used", h->wall_s > 0 ? h->cpu_s / h->wall_s : 0);
		snprintf(cell[3][0], BENCH_CELL, "p99 %s",
		    bench_fmt_us(a, sizeof(a), (double)h->lat_p99_us));
	}
	if (up > 0) {
		if (m == BENCH_ASYNC)
			snprintf(cell[4][0], BENCH_CELL, "1 thread: 1.0x");
		else if (m == BENCH_THREADS)
			snprintf(cell[4][0], BENCH_CELL, "no GIL: %.1fx", up);
		else
			snprintf(cell[4][0], BENCH_CELL, "%.1fx async", up);
	}
}

static const int bench_col_width[6] = { 10, 22, 10, 22, 15, 16 };
static const char *const bench_col_name[6] = {
	"", "waiting", "cores", "scalability", "blocking calls", "GIL",
};

static void
bench_table_rule(FILE *f)
{
	for (int c = 0; c < 6; c++) {
		for (int i = 0; i < bench_col_width[c] + (c != 0 ? 2 : 0); i++)
			fputc('-', f);
	}
	fputc('\n', f);
}

static void
bench_table_row(FILE *f, const char *const cols[6])
{
	char line[256];
	int len = 0;

	for (int c = 0; c < 6; c++)
		len += snprintf(line + len, sizeof(line) - (size_t)len, "%s%-*.*s", c != 0 ? "  " : "",
		    bench_col_width[c], bench_col_width[c], cols[c]);
	while (len > 0 && line[len - 1] == ' ')
		line[--len] = '\0';
	fprintf(f, "%s\n", line);
}

static void
bench_article_table(FILE *f, const struct bench_summary *s)
{
	bench_table_row(f, bench_col_name);
	bench_table_rule(f);
	for (int m = 0; m < BENCH_MODEL_COUNT; m++) {
		const struct bench_claim *cl = &bench_claims[m];
		const char *claim[6] = { "  article", cl->waiting, cl->cores, cl->scale,
			cl->blocking, cl->gil };
		char cell[BENCH_COLS][BENCH_LINES][BENCH_CELL];
		const char *meas[6];
		int seen = 0;

		for (size_t i = 0; i < s->ncells; i++)
			seen |= s->cells[i].model == (enum bench_model)m;
		for (size_t i = 0; i < s->nheavy; i++)
			seen |= s->heavy[i].model == (enum bench_model)m;
		if (!seen)
			continue;
		bench_measured(s, (enum bench_model)m, cell);
		for (int l = 0; l < BENCH_LINES; l++) {
			int any = 0;

			meas[0] = l == 0 ? bench_model_name((enum bench_model)m) : "";
			for (int c = 0; c < BENCH_COLS; c++) {
				meas[c + 1] = cell[c][l];
				any |= cell[c][l][0] != '\0';
			}
			if (any)
				bench_table_row(f, meas);
		}
		bench_table_row(f, claim);
	}
}

static void
bench_cells_table(FILE *f, const char *title, const struct bench_result *cells, size_t n)
{
	char bb[24], mem[24], sys[24], kern[24];

	fprintf(f, "%s\n", title);
	fprintf(f, "%-9s %7s %8s %8s %8s %10s %10s %10s %10s %15s  %s\n", "model", "boards",
	    "wall s", "play s", "cpu s", "peak PSS", "PSS/board", "kern/board", "MemAvail/b",
	    "csw vol/invol", "lateness p50 / p99 / max");
	for (size_t i = 0; i < n; i++) {
		const struct bench_result *r = &cells[i];
		char csw[40], p50[16], p99[16], mx[16];

		fprintf(f, "%-9s %7u ", bench_model_name(r->model), r->boards);
		if (r->status != BENCH_OK) {
			fprintf(f, "%s: %s\n", bench_status_name(r->status), r->error);
			continue;
		}
		snprintf(csw, sizeof(csw), "%llu/%llu", (unsigned long long)r->csw_voluntary,
		    (unsigned long long)r->csw_involuntary);
		fprintf(f, "%8.3f %8.3f %8.3f %10s %10s %10s %10s %15s  %s / %s / %s\n", r->wall_s,
		    r->play_s, r->cpu_s, bench_fmt_bytes(mem, sizeof(mem), (double)r->mem_kib * 1024),
		    bench_fmt_bytes(bb, sizeof(bb), r->bytes_per_board),
		    bench_fmt_kernel(kern, sizeof(kern), r), bench_fmt_sys(sys, sizeof(sys), r), csw,
		    bench_fmt_us(p50, sizeof(p50), (double)r->lat_p50_us),
		    bench_fmt_us(p99, sizeof(p99), (double)r->lat_p99_us),
		    bench_fmt_us(mx, sizeof(mx), (double)r->lat_max_us));
	}
}

static void
bench_notes(FILE *f, const struct bench_summary *s)
{
	double tup = bench_summary_heavy_speedup(s, BENCH_THREADS);
	double hup = bench_summary_heavy_speedup(s, BENCH_HYBRID);
	const struct bench_result *th = bench_heavy_cell(s, BENCH_THREADS);
	uint32_t at = 0;
	double lup = bench_summary_ladder_speedup(s, &at);
	char t[24];

	fprintf(f, "\n%u CPUs. Ladder: %u moves a board, %llu iterations a master move, think %s.\n",
	    s->cpus, s->cfg->moves, (unsigned long long)s->cfg->master_work,
	    bench_fmt_us(t, sizeof(t), (double)s->cfg->think_us));
	if (s->heavy_cfg != NULL)
		fprintf(f, "CPU-heavy cell: %u boards, %u moves, each reply computes %llu iterations "
		    "instead of waiting.\n", s->heavy_cfg->boards, s->heavy_cfg->moves,
		    (unsigned long long)s->heavy_cfg->think_work);
	if (th != NULL && tup > 0)
		fprintf(f, "C is not CPython: threads ran the CPU-heavy cell on %.1f cores, %.1fx "
		    "async's speed. No GIL, so the article's threads row does not hold here.\n",
		    th->wall_s > 0 ? th->cpu_s / th->wall_s : 0, tup);
	if (hup > 0)
		fprintf(f, "hybrid vs async (1 process): %.1fx on the CPU-heavy cell", hup);
	if (lup > 0)
		fprintf(f, "%s%.1fx at %u boards, where the master's work is the bottleneck",
		    hup > 0 ? "; " : "hybrid vs async (1 process): ", lup, at);
	if (hup > 0 || lup > 0)
		fputs(".\n", f);
	fputs("waiting: lateness p99 of the timer wake-ups, then the games' time (first move to "
	      "last reply) vs\nthe floor of moves x think.\n"
	      "PSS/board: (peak PSS summed over the processes - the same before any board) / N; "
	      "no kernel\nmemory in it. kern/board: what KernelStack + PageTables + SUnreclaim "
	      "grew by (kernel stacks,\ntask structs, page tables). MemAvail/b: what the machine's "
	      "free memory (MemAvailable + the\nkernel's per-CPU free lists) fell by, all of it "
	      "together. Each reading is the median of 5,\nbefore any board and with every board "
	      "alive, less the rest of the machine's drift around\nthe cell; MemAvail \"-\" where "
	      "that drift was over a quarter of the signal.\n"
	      "simul cap: --max-procs/--max-threads, a quarter of pid_max/threads-max, --mem-cap, "
	      "--time-cap.\nsystem limit: fork/pthread_create refused or memory ran out below "
	      "simul's caps.\n", f);
}

void
bench_report_table(FILE *f, const struct bench_summary *s)
{
	fputs("Processes vs threads vs async, measured (article's CPython claims below each "
	      "row)\n\n", f);
	bench_article_table(f, s);
	bench_notes(f, s);
	fputc('\n', f);
	bench_cells_table(f, "Ladder", s->cells, s->ncells);
	if (s->nheavy != 0) {
		fputc('\n', f);
		bench_cells_table(f, "CPU-heavy cell", s->heavy, s->nheavy);
	}
}

static void
md_cells(FILE *f, const struct bench_result *cells, size_t n)
{
	char mem[24], bb[24], sys[24], kern[24], p50[16], p99[16], mx[16];

	fputs("| model | boards | status | wall s | play s | cpu s | peak PSS | PSS/board | kern/board "
	      "| MemAvail/b | csw vol/invol | lateness p50 / p99 / max |\n"
	      "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n", f);
	for (size_t i = 0; i < n; i++) {
		const struct bench_result *r = &cells[i];

		if (r->status != BENCH_OK) {
			fprintf(f, "| %s | %u | %s: %s | | | | | | | | | |\n",
			    bench_model_name(r->model), r->boards, bench_status_name(r->status),
			    r->error);
			continue;
		}
		fprintf(f, "| %s | %u | ok | %.3f | %.3f | %.3f | %s | %s | %s | %s | %llu/%llu | %s / %s "
		    "/ %s |\n", bench_model_name(r->model), r->boards, r->wall_s, r->play_s, r->cpu_s,
		    bench_fmt_bytes(mem, sizeof(mem), (double)r->mem_kib * 1024),
		    bench_fmt_bytes(bb, sizeof(bb), r->bytes_per_board),
		    bench_fmt_kernel(kern, sizeof(kern), r), bench_fmt_sys(sys, sizeof(sys), r),
		    (unsigned long long)r->csw_voluntary,
		    (unsigned long long)r->csw_involuntary,
		    bench_fmt_us(p50, sizeof(p50), (double)r->lat_p50_us),
		    bench_fmt_us(p99, sizeof(p99), (double)r->lat_p99_us),
		    bench_fmt_us(mx, sizeof(mx), (double)r->lat_max_us));
	}
}

void
bench_report_markdown(FILE *f, const struct bench_summary *s)
{
	fputs("## Processes vs threads vs async, measured\n\n"
	      "| | waiting | cores | scalability | blocking calls | GIL |\n"
	      "|---|---|---|---|---|---|\n", f);
	for (int m = 0; m < BENCH_MODEL_COUNT; m++) {
		const struct bench_claim *cl = &bench_claims[m];
		const char *claim[5] = { cl->waiting, cl->cores, cl->scale, cl->blocking, cl->gil };
		char cell[BENCH_COLS][BENCH_LINES][BENCH_CELL];
		int seen = 0;

		for (size_t i = 0; i < s->ncells; i++)
			seen |= s->cells[i].model == (enum bench_model)m;
		if (!seen)
			continue;
		bench_measured(s, (enum bench_model)m, cell);
		fprintf(f, "| %s |", bench_model_name((enum bench_model)m));
		for (int c = 0; c < BENCH_COLS; c++) {
			fputc(' ', f);
			for (int l = 0; l < BENCH_LINES; l++)
				if (cell[c][l][0] != '\0')
					fprintf(f, "%s<br>", cell[c][l]);
			fprintf(f, "*article: %s* |", claim[c]);
		}
		fputc('\n', f);
	}
	bench_notes(f, s);
	fputs("\n### Ladder\n\n", f);
	md_cells(f, s->cells, s->ncells);
	if (s->nheavy != 0) {
		fputs("\n### CPU-heavy cell\n\n", f);
		md_cells(f, s->heavy, s->nheavy);
	}
}
