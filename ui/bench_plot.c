/*
 * The bench's two log-log plots in plain characters: the ladder's cells that
 * completed, boards on x against one figure on y (bytes per board, lateness
 * p99), each cell a model's letter and '*' where models share a spot. The
 * grid is a fixed char array of at most 150x60 cells, filled and printed row
 * by row; the y axis spans at least a decade so flat figures stay readable.
 * Cells that failed or measured nothing are left out, not drawn at zero.
 */
#include <math.h>
#include <string.h>

#include "ui/bench_report.h"

static const char bench_marks[BENCH_MODEL_COUNT] = { 'P', 'T', 'A', 'H' };

typedef double bench_value_fn(const struct bench_result *r);
typedef const char *bench_label_fn(char *buf, size_t len, double v);

static double
bench_value_bytes(const struct bench_result *r)
{
	return r->bytes_per_board;
}

static double
bench_value_p99(const struct bench_result *r)
{
	return (double)r->lat_p99_us;
}

static int
bench_scale(double v, double lo, double hi, int cells)
{
	if (hi <= lo)
		return 0;
	return (int)lround((log10(v) - lo) / (hi - lo) * (cells - 1));
}

static void
bench_plot_one(FILE *f, const struct bench_summary *s, const char *title, bench_value_fn *value,
    bench_label_fn *label, int width, int height)
{
	double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
	char grid[64][160];
	char lab[24];
	int any = 0;

	if (width > 150)
		width = 150;
	if (height > 60)
		height = 60;
	for (size_t i = 0; i < s->ncells; i++) {
		const struct bench_result *r = &s->cells[i];
		double v = value(r);

		if (r->status != BENCH_OK || v <= 0 || r->boards == 0)
			continue;
		xlo = fmin(xlo, log10(r->boards)), xhi = fmax(xhi, log10(r->boards));
		ylo = fmin(ylo, log10(v)), yhi = fmax(yhi, log10(v));
		any = 1;
	}
	fprintf(f, "%s\n", title);
	if (!any) {
		fputs("  (nothing to plot)\n", f);
		return;
	}
	if (yhi - ylo < 1) {	/* at least a decade, centred */
		double mid = (yhi + ylo) / 2;

		ylo = mid - 0.5, yhi = mid + 0.5;
	}
	for (int y = 0; y < height; y++) {
		memset(grid[y], ' ', (size_t)width);
		grid[y][width] = '\0';
	}
	for (size_t i = 0; i < s->ncells; i++) {
		const struct bench_result *r = &s->cells[i];
		double v = value(r);
		int x, y;
		char *cell;

		if (r->status != BENCH_OK || v <= 0 || r->boards == 0)
			continue;
		x = bench_scale(r->boards, xlo, xhi, width);
		y = height - 1 - bench_scale(v, ylo, yhi, height);
		cell = &grid[y][x];
		*cell = *cell == ' ' || *cell == bench_marks[r->model] ? bench_marks[r->model] : '*';
	}
	for (int y = 0; y < height; y++) {
		const char *l = "";

		if (y == 0)
			l = label(lab, sizeof(lab), pow(10, yhi));
		else if (y == height - 1)
			l = label(lab, sizeof(lab), pow(10, ylo));
		else if (y == (height - 1) / 2)
			l = label(lab, sizeof(lab), pow(10, yhi - (yhi - ylo) * y / (height - 1)));
		fprintf(f, "%10s |%s\n", l, grid[y]);
	}
	fprintf(f, "%10s +", "");
	for (int x = 0; x < width; x++)
		fputc('-', f);
	fputc('\n', f);
	/* Decade ticks under the axis, labelled where they fit. */
	{
		char axis[160];
		int last = -8;

		memset(axis, ' ', sizeof(axis));
		for (double d = ceil(xlo - 1e-9); d <= xhi + 1e-9; d += 1) {
			int x = bench_scale(pow(10, d), xlo, xhi, width);
			char b[16];
			int n;

			bench_fmt_boards(b, sizeof(b), (uint32_t)lround(pow(10, d)));
			n = (int)strlen(b);
			if (x < last + 2 || x + n > (int)sizeof(axis) - 1)
				continue;
			memcpy(&axis[x], b, (size_t)n);
			last = x + n;
		}
		axis[last > 0 ? last : 0] = '\0';
		fprintf(f, "%10s  %s  boards\n", "", axis);
	}
}

void
bench_report_plot(FILE *f, const struct bench_summary *s, int width, int height)
{
	bench_plot_one(f, s, "memory per board (log) vs boards (log)", bench_value_bytes,
	    bench_fmt_bytes, width, height);
	fputc('\n', f);
	bench_plot_one(f, s, "timer lateness p99 (log) vs boards (log)", bench_value_p99,
	    bench_fmt_us, width, height);
	fputs("           P processes  T threads  A async  H hybrid  * several\n", f);
}
