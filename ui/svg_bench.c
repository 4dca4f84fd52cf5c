/*
 * The bench ladder as a picture: two log-log charts side by side, memory
 * per board and wall time against boards, one line per model with its own
 * marker shape and dash and its name at the line's end. Cells that did not
 * complete are left out of the lines and listed under the charts ("threads:
 * simul cap at 100k"), never drawn at zero.
 */
#include <math.h>

#include "ui/bench_report.h"
#include "ui/pictures.h"
#include "ui/svg.h"

enum { BENCH_W = 1320, BENCH_H = 740, BENCH_Y0 = 600, BENCH_Y1 = 150 };

static const char *const bench_colours[BENCH_MODEL_COUNT] = { "#b35900", "#6a1b9a", "#1f4e79",
							      "#2e7d32" };
static const char *const bench_dashes[BENCH_MODEL_COUNT] = { "12 6", "4 4", NULL, "16 4 4 4" };

typedef double bench_figure_fn(const struct bench_result *r);

static double
figure_bytes(const struct bench_result *r)
{
	return r->bytes_per_board;
}

static double
figure_wall(const struct bench_result *r)
{
	return r->wall_s;
}

/* Decimal units: the axis has decades, and 1 kB reads better than 1000 B or 0.98 KiB. */
static void
label_bytes(char *buf, size_t len, double v)
{
	if (v >= 1e6)
		snprintf(buf, len, "%g MB", v / 1e6);
	else if (v >= 1e3)
		snprintf(buf, len, "%g kB", v / 1e3);
	else
		snprintf(buf, len, "%g B", v);
}

static void
label_seconds(char *buf, size_t len, double v)
{
	if (v < 1)
		snprintf(buf, len, "%g ms", v * 1e3);
	else
		snprintf(buf, len, "%g s", v);
}

static void
label_boards(char *buf, size_t len, double v)
{
	bench_fmt_boards(buf, len, (uint32_t)v);
}

static bool
bench_usable(const struct bench_result *r, bench_figure_fn *fig)
{
	return r->status == BENCH_OK && r->boards > 0 && fig(r) > 0;
}

static void
bench_chart(struct svg *g, const struct bench_summary *s, double x0, double x1, const char *title,
	    const char *ytitle, bench_figure_fn *fig, svg_label_fn *ylabel)
{
	struct svg_axis ax = { INFINITY, -INFINITY, true, x0, x1, false };
	struct svg_axis ay = { INFINITY, -INFINITY, true, BENCH_Y0, BENCH_Y1, false };
	double xs[64], ys[64], labels[BENCH_MODEL_COUNT];
	int nlabels = 0;

	for (size_t i = 0; i < s->ncells; i++) {
		const struct bench_result *r = &s->cells[i];

		if (!bench_usable(r, fig))
			continue;
		ax.lo = fmin(ax.lo, r->boards), ax.hi = fmax(ax.hi, r->boards);
		ay.lo = fmin(ay.lo, fig(r)), ay.hi = fmax(ay.hi, fig(r));
	}
	svg_text(g, (x0 + x1) / 2, BENCH_Y1 - 30, 24, SVG_MIDDLE, true, "%s", title);
	if (ax.lo > ax.hi) {
		svg_text(g, (x0 + x1) / 2, (BENCH_Y0 + BENCH_Y1) / 2, 20, SVG_MIDDLE, false,
			 "nothing completed");
		return;
	}
	svg_axis_round(&ax);
	svg_axis_round(&ay);
	svg_axis_x(g, &ax, BENCH_Y0, BENCH_Y1, "boards (log scale)", label_boards);
	svg_axis_y(g, &ay, x0, x1, ytitle, ylabel);
	for (int m = 0; m < BENCH_MODEL_COUNT; m++) {
		size_t n = 0;

		for (size_t i = 0; i < s->ncells && n < 64; i++) {
			const struct bench_result *r = &s->cells[i];

			if (r->model != (enum bench_model)m || !bench_usable(r, fig))
				continue;
			xs[n] = svg_axis_map(&ax, r->boards);
			ys[n] = svg_axis_map(&ay, fig(r));
			n++;
		}
		if (n == 0)
			continue;
		svg_polyline(g, xs, ys, n, bench_colours[m], 3, bench_dashes[m]);
		for (size_t i = 0; i < n; i++)
			svg_marker(g, xs[i], ys[i], (enum svg_shape)m, bench_colours[m]);
		svg_text(g, xs[n - 1] + 10, svg_spread(labels, nlabels++, ys[n - 1] - 10, 22), 18,
			 SVG_START, true, "%s",
			 bench_model_name((enum bench_model)m));
	}
}

int
picture_bench(FILE *f, const struct bench_summary *s)
{
	struct svg g;
	char buf[32], think[32];
	double y = BENCH_Y0 + 90;
	int listed = 0, more = 0;	/* at most 4 lines fit under the charts */

	svg_begin(&g, f, BENCH_W, BENCH_H, "simul bench: processes, threads, async, hybrid");
	svg_text(&g, 24, 44, 30, SVG_START, true,
		 "Processes, threads, async, hybrid on this machine (%u CPUs)", s->cpus);
	bench_fmt_us(think, sizeof(think), (double)s->cfg->think_us);
	svg_text(&g, 24, 78, 20, SVG_START, false,
		 "%u moves per board, opponent think %s, hybrid: %u workers", s->cfg->moves, think,
		 s->cfg->workers);
	bench_chart(&g, s, 170, 580, "memory per board", "bytes per board (log scale)",
		    figure_bytes, label_bytes);
	bench_chart(&g, s, 860, 1200, "wall time of the cell", "seconds (log scale)", figure_wall,
		    label_seconds);
	for (size_t i = 0; i < s->ncells; i++) {
		const struct bench_result *r = &s->cells[i];

		if (r->status == BENCH_OK)
			continue;
		if (listed == 4) {
			more++;
			continue;
		}
		listed++;
		bench_fmt_boards(buf, sizeof(buf), r->boards);
		svg_text(&g, 24, y, 18, SVG_START, false, "%s: %s at %s boards",
			 bench_model_name(r->model), bench_status_name(r->status), buf);
		y += 24;
	}
	if (more > 0)
		svg_text(&g, 24, y, 18, SVG_START, false, "and %d more cells that did not complete",
			 more);
	return svg_end(&g);
}
