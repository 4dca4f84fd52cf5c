/*
 * The run picture: the master's time line of every exhibition as a strip on
 * one shared time axis, so the asynchronous strip visibly ends at a twelfth
 * of the synchronous one. A strip is cut into columns a few pixels wide;
 * each column stacks, from the bottom, the share of its time the master
 * thought (solid), walked (dots) and was blocked (crossed) over the
 * hatched "waiting" background, and equal neighbours merge into one rect,
 * so a 12-hour sync run of 1 440 spans is a handful of elements.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/snapshot.h"
#include "ui/pictures.h"
#include "ui/svg.h"

enum { RUN_W = 1280, RUN_X0 = 230, RUN_X1 = 1040, RUN_COL = 2, RUN_STRIP_H = 80,
       RUN_STRIP_GAP = 56, RUN_COLS = (RUN_X1 - RUN_X0) / RUN_COL };

static const char RUN_BUSY[] = "#1f4e79";

struct run_cols {
	double	think[RUN_COLS], walk[RUN_COLS], block[RUN_COLS];	/* µs in each column */
};

/* Adds [a, b) µs to the columns it covers, at per µs a column. */
static void
cols_add(double *col, double per, simtime_t a, simtime_t b)
{
	for (int c = (int)((double)a / per); c < RUN_COLS && c * per < (double)b; c++) {
		double lo = c * per > (double)a ? c * per : (double)a;
		double hi = (c + 1) * per < (double)b ? (c + 1) * per : (double)b;

		if (hi > lo)
			col[c] += hi - lo;
	}
}

static void
label_hms(char *buf, size_t len, double seconds)
{
	duration_hms((simtime_t)(seconds * 1e6 + 0.5), buf, len);
}

/* Merges equal neighbours of one layer; bottom is where it stacks on. */
static void
draw_layer(struct svg *g, const double *share, const double *under, double y, const char *fill,
	   int ncols)
{
	for (int c = 0; c < ncols;) {
		int e = c + 1;

		while (e < ncols && share[e] == share[c] && under[e] == under[c])
			e++;
		if (share[c] > 0.005)
			svg_rect(g, RUN_X0 + c * RUN_COL, y + RUN_STRIP_H * (1 - under[c] - share[c]),
				 (e - c) * RUN_COL, RUN_STRIP_H * share[c], fill, NULL);
		c = e;
	}
}

static void
draw_strip(struct svg *g, const struct sim_exhibition_view *ev, double per, double y)
{
	struct run_cols *k = calloc(1, sizeof(*k));
	double think[RUN_COLS], walk[RUN_COLS], block[RUN_COLS], zero[RUN_COLS] = { 0 };
	double under[RUN_COLS], under2[RUN_COLS];
	simtime_t end = ev->now;
	int ncols = (int)((double)end / per + 0.999);

	if (k == NULL)
		return;
	if (ncols > RUN_COLS)
		ncols = RUN_COLS;
	for (size_t i = 0; i < ev->nspans; i++) {
		const struct sim_span *sp = &ev->spans[i];
		simtime_t b = i + 1 == ev->nspans && !ev->finished ? end : sp->end;

		if (sp->activity == SIM_MASTER_THINKING)
			cols_add(k->think, per, sp->start, b);
		else if (sp->activity == SIM_MASTER_WALKING)
			cols_add(k->walk, per, sp->start, b);
	}
	for (size_t i = 0; i < ev->nblocks; i++)
		cols_add(k->block, per, ev->blocks[i].start,
			 ev->blocks[i].end < end ? ev->blocks[i].end : end);
	for (int c = 0; c < ncols; c++) {
		/* Shares rounded to a pixel of the strip, so neighbours merge. */
		double span = (c + 1) * per < (double)end ? per : (double)end - c * per;

		think[c] = (int)(k->think[c] / span * RUN_STRIP_H + 0.5) / (double)RUN_STRIP_H;
		walk[c] = (int)(k->walk[c] / span * RUN_STRIP_H + 0.5) / (double)RUN_STRIP_H;
		block[c] = (int)(k->block[c] / span * RUN_STRIP_H + 0.5) / (double)RUN_STRIP_H;
		under[c] = think[c];
		under2[c] = think[c] + walk[c];
	}
	svg_rect(g, RUN_X0, y, (double)end / per * RUN_COL, RUN_STRIP_H, SVG_HATCH, NULL);
	draw_layer(g, think, zero, y, RUN_BUSY, ncols);
	draw_layer(g, walk, under, y, SVG_DOTS, ncols);
	draw_layer(g, block, under2, y, SVG_CROSS, ncols);
	svg_rect(g, RUN_X0, y, (double)end / per * RUN_COL, RUN_STRIP_H, "none", "#000");
	free(k);
}

static void
legend(struct svg *g, double x, double y, const char *fill, const char *text)
{
	svg_rect(g, x, y - 18, 28, 22, fill, "#000");
	svg_text(g, x + 36, y, 20, SVG_START, false, "%s", text);
}

int
picture_run(FILE *f, const struct sim *s)
{
	const struct sim_config *c = sim_config(s);
	struct sim_snapshot snap;
	struct sim_stats st[SIM_EXHIBITIONS_MAX];
	struct svg_axis ax;
	struct svg g;
	char tm[DIST_TEXT_MAX], to[DIST_TEXT_MAX], w[DIST_TEXT_MAX], t0[32], t1[32], line[512];
	simtime_t tmax = 1;
	double y, per;
	int n = sim_exhibitions(s), used;
	bool blocked = false, walked = false;

	sim_snapshot(s, &snap);
	for (int i = 0; i < n; i++) {
		sim_stats(s, i, &st[i]);
		if (snap.ex[i].now > tmax)
			tmax = snap.ex[i].now;
		blocked |= snap.ex[i].nblocks > 0;
		walked |= st[i].master_walk > 0;
	}
	ax = (struct svg_axis){ 0, (double)tmax / 1e6, false, RUN_X0, RUN_X1, true };
	svg_axis_round(&ax);
	ax.lo = 0;
	per = ax.hi * 1e6 / RUN_COLS;
	svg_begin(&g, f, RUN_W, 330 + n * (RUN_STRIP_H + RUN_STRIP_GAP), "simul: busy and waiting");
	used = 0;
	for (int i = 0; i < n; i++) {
		duration_hms(st[i].total, t0, sizeof(t0));
		used += snprintf(line + used, sizeof(line) - (size_t)used, "%s%s %s%s",
				 i ? ", " : "", sim_policy_name(st[i].policy), t0,
				 snap.ex[i].finished ? "" : " so far");
	}
	svg_text(&g, 24, 48, 32, SVG_START, true, "%s", line);
	dist_format(&c->master_think, tm, sizeof(tm));
	dist_format(&c->opponent_think, to, sizeof(to));
	dist_format(&c->walk, w, sizeof(w));
	svg_text(&g, 24, 86, 22, SVG_START, false,
		 "%d boards \u00d7 %d moves, master %s, opponents %s, walk %s, seed %llu, chess %s",
		 c->boards, c->moves, tm, to, w, (unsigned long long)c->seed,
		 c->chess ? "on" : "off");
	y = 130;
	for (int i = 0; i < n; i++) {
		const struct sim_exhibition_view *ev = &snap.ex[i];
		double xe = svg_axis_map(&ax, (double)ev->now / 1e6);

		svg_text(&g, RUN_X0 - 16, y + RUN_STRIP_H / 2 + 10, 28, SVG_END, true, "%s",
			 sim_policy_name(ev->policy));
		draw_strip(&g, ev, per, y);
		duration_hms(st[i].total, t0, sizeof(t0));
		svg_text(&g, xe + 12, y + RUN_STRIP_H / 2, 26, SVG_START, true, "%s", t0);
		/* A speed-up only between two totals, not two runs cut short. */
		if (i > 0 && st[i].total > 0 && st[0].policy == SIM_SYNC && ev->finished &&
		    snap.ex[0].finished)
			svg_text(&g, xe + 12, y + RUN_STRIP_H / 2 + 28, 20, SVG_START, false,
				 "%.1f\u00d7 faster than sync",
				 (double)st[0].total / (double)st[i].total);
		y += RUN_STRIP_H + RUN_STRIP_GAP;
	}
	svg_axis_x(&g, &ax, y - RUN_STRIP_GAP + 16, 120, "simulated time (h:mm:ss)", label_hms);
	y += 64;
	legend(&g, RUN_X0, y, RUN_BUSY, "master thinks (busy)");
	legend(&g, RUN_X0 + 300, y, SVG_HATCH, "master waits");
	if (walked)
		legend(&g, RUN_X0 + 520, y, SVG_DOTS, "walks");
	if (blocked)
		legend(&g, RUN_X0 + 660, y, SVG_CROSS, "blocked in a blocking call");
	y += 44;
	used = snprintf(line, sizeof(line), "%s", snap.finished ? "model:" : "model, for the whole run:");
	for (int i = 0; i < n; i++) {
		duration_hms(st[i].model_total, t1, sizeof(t1));
		used += snprintf(line + used, sizeof(line) - (size_t)used, "%s %s %s%s",
				 i ? "," : "", sim_policy_name(st[i].policy), t1,
				 st[i].model_exact || !snap.finished ? "" : " (approx.)");
	}
	svg_text(&g, 24, y, 22, SVG_START, false, "%s", line);
	svg_text(&g, 24, y + 34, 22, SVG_START, false,
		 "sync = N\u00b7M\u00b7(Tm+To);  async = (M\u22121)\u00b7max(N\u00b7Tm, Tm+To) + N\u00b7Tm + To");
	svg_text(&g, 24, y + 68, 22, SVG_START, false,
		 "The master is not faster: he stops waiting. Async ends To after his last move.");
	return svg_end(&g);
}
