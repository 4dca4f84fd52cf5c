/*
 * The busy/wait strip: one row per exhibition that shows, over simulated
 * time from 0 to the shared clock, how much of each slice the master spent
 * busy. Both strips share the time axis, so the synchronous one reads as a
 * low line of short busy slivers (he waits 55 s of every 60) and the
 * asynchronous one as a full bar that ends early: "the CPU never waits".
 *
 * Each column is a time slice; its glyph is a lower block as tall as the
 * busy fraction of the slice, on the waiting colour, and blank after the
 * exhibition's own end. A column the master spent mostly blocked inside
 * a blocking opponent's think (--blocking-opponent) gets a cross in the
 * alarm style instead: he was not waiting by choice, he could not move.
 * With a second row the axis gets its end labels and a legend.
 */
#include <stdio.h>

#include "ui/layout.h"

enum { STRIP_LABEL_W = 7, STRIP_MAX_W = 1024 };

/* A cross, not a shade: blocked must not read as a kind of waiting or busy. */
static const uint32_t STRIP_BLOCKED = 0x2573;

/* Adds the part of [a, b) that falls in each column to acc. */
static void
strip_add(double *acc, int w, double per_col, simtime_t a, simtime_t b)
{
	int c0, c1;

	if (b <= a)
		return;
	c0 = (int)((double)a / per_col);
	c1 = (int)((double)(b - 1) / per_col);
	if (c1 >= w)
		c1 = w - 1;
	for (int c = c0 < 0 ? 0 : c0; c <= c1; c++) {
		double lo = c * per_col, hi = (c + 1) * per_col;
		double part = ((double)b < hi ? (double)b : hi) - ((double)a > lo ? (double)a : lo);

		if (part > 0)
			acc[c] += part;
	}
}

/*
 * Busy, blocked and covered time per column over [0, t_end), in one pass
 * over the spans and one over the blocked stretches: O(spans + blocks +
 * columns), so a long sync run with thousands of spans still renders in
 * microseconds.
 */
static void
strip_accumulate(const struct view_exhibition *ex, simtime_t t_end, int w, double *busy,
		 double *blocked, double *covered)
{
	double per_col = (double)t_end / w;
	/* The last span is still open while the exhibition runs; a block may end after now. */
	simtime_t open_end = ex->finished ? t_end : ex->now < t_end ? ex->now : t_end;

	for (int i = 0; i < w; i++)
		busy[i] = blocked[i] = covered[i] = 0;
	for (size_t i = 0; i < ex->nspans; i++) {
		const struct sim_span *s = &ex->spans[i];
		simtime_t end = i + 1 == ex->nspans && !ex->finished ? ex->now : s->end;
		simtime_t b = end < t_end ? end : t_end;

		strip_add(covered, w, per_col, s->start, b);
		if (s->activity == SIM_MASTER_THINKING || s->activity == SIM_MASTER_WALKING)
			strip_add(busy, w, per_col, s->start, b);
	}
	for (size_t i = 0; i < ex->nblocks; i++) {
		const struct sim_span *s = &ex->blocks[i];

		strip_add(blocked, w, per_col, s->start, s->end < open_end ? s->end : open_end);
	}
}

void
strip_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		const struct view_exhibition *ex)
{
	static const uint32_t levels[8] = { 0x2581, 0x2582, 0x2583, 0x2584,
					    0x2585, 0x2586, 0x2587, 0x2588 };
	double busy[STRIP_MAX_W], blocked[STRIP_MAX_W], covered[STRIP_MAX_W];
	simtime_t t_end = vs->now > 0 ? vs->now : 1;
	int x0 = r.x + STRIP_LABEL_W, w = r.w - STRIP_LABEL_W - 1;

	if (w < 4 || r.h < 1)
		return;
	/* A fast-forwarded exhibition can be ahead of the shared clock. */
	for (int i = 0; i < vs->nex; i++)
		if (vs->ex[i].now > t_end)
			t_end = vs->ex[i].now;
	if (w > STRIP_MAX_W)
		w = STRIP_MAX_W;
	cellbuf_text(cb, r.x + 1, r.y, STRIP_LABEL_W - 1, UI_DIM, vs->ascii, "busy");
	strip_accumulate(ex, t_end, w, busy, blocked, covered);
	for (int c = 0; c < w; c++) {
		double f = covered[c] > 0 ? busy[c] / covered[c] : 0;

		if (covered[c] <= 0) {
			cellbuf_put(cb, x0 + c, r.y, ' ', UI_NORMAL);
		} else if (blocked[c] * 2 >= covered[c]) {
			/* Mostly blocked: not waiting by choice, so a glyph of its own. */
			cellbuf_put(cb, x0 + c, r.y, vs->ascii ? 'X' : STRIP_BLOCKED, UI_PAUSED);
		} else if (vs->ascii) {
			cellbuf_put(cb, x0 + c, r.y, f >= 0.5 ? '#' : f > 0.0625 ? '+' : '.',
				    f > 0.0625 ? UI_BUSY : UI_WAIT);
		} else if (f < 0.0625) {
			cellbuf_put(cb, x0 + c, r.y, 0x2591, UI_WAIT);
		} else {
			int lv = (int)(f * 8 + 0.5);

			cellbuf_put(cb, x0 + c, r.y, levels[lv < 1 ? 0 : lv > 8 ? 7 : lv - 1], UI_BUSY);
		}
	}
	if (r.h >= 2) {
		char end[32], legend[80];
		int lw;

		duration_hms(t_end, end, sizeof(end));
		snprintf(legend, sizeof(legend), "%s%s",
			 vs->ascii ? "# busy  . waiting" : "\u2588 busy  \u2591 waiting",
			 ex->nblocks == 0 ? "" : vs->ascii ? "  X blocked" : "  \u2573 blocked");
		cellbuf_text(cb, x0, r.y + 1, w, UI_DIM, vs->ascii, "0:00:00");
		lw = ui_text_width(legend);
		if (w > lw + 20) {
			int lx = x0 + (w - lw) / 2;

			cellbuf_text(cb, lx, r.y + 1, lw, UI_DIM, vs->ascii, legend);
			/* The legend's glyph in the strip's own style, so they match. */
			if (ex->nblocks > 0)
				cellbuf_put(cb, lx + lw - 9, r.y + 1, vs->ascii ? 'X' : STRIP_BLOCKED,
					    UI_PAUSED);
		}
		cellbuf_text(cb, x0 + w - ui_text_width(end), r.y + 1, -1, UI_DIM, vs->ascii, end);
	}
}
