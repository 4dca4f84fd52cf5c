/*
 * From a terminal size to rectangles, and from rectangles to a frame. The
 * screen is cut top to bottom: one line of title and speed (on a tall live
 * screen a second one on the real loop's lateness), the exhibition
 * panels side by side, an optional summary, the narration and the key
 * footer. All panels share one board mode so the two sides are drawn at the
 * same scale and a class can compare them at a glance.
 */
#include "ui/layout.h"

#include <stdio.h>
#include <string.h>

enum {
	LAYOUT_MIN_W = 60,
	LAYOUT_MIN_H = 16,
	TILE_MAX_W = 40,
	LAYOUT_TALL = 40,	/* from this height on: 3 narration lines, spacing */
	LAYOUT_LEGEND_H = 20,	/* from this height on: the legend line */
	LAYOUT_DETAILS_H = 24,	/* the details line beside the legend, not instead */
	LAYOUT_LOOP_FULL_H = 34,	/* the loop panel in full; below, one line */
	LAYOUT_LOOP_SPARE = 9,	/* rows the boards leave empty: the loop panel takes them */
	LAYOUT_LOOP_MAX = 14
};

/* d shows it; greedy and a blocked master show it by themselves: the stall is the lesson. */
static bool
layout_details_shown(const struct view_state *vs)
{
	bool blocked = false;

	for (int i = 0; i < vs->nex; i++)
		blocked = blocked || vs->ex[i].master_blocked;
	return vs->details || vs->greedy || blocked;
}

void
view_fmt_short(simtime_t us, char *out, size_t len)
{
	int64_t tenths = (us + 50000) / 100000;

	if (us < 0)
		us = 0;
	if (tenths < 600) {
		if (tenths % 10 == 0)
			snprintf(out, len, "%d s", (int)(tenths / 10));
		else
			snprintf(out, len, "%d.%d s", (int)(tenths / 10), (int)(tenths % 10));
	} else if (tenths < 36000) {
		int s = (int)((us + 500000) / 1000000);

		if (s % 60 == 0)
			snprintf(out, len, "%d min", s / 60);
		else
			snprintf(out, len, "%d min %d s", s / 60, s % 60);
	} else {
		duration_hms(us, out, len);
	}
}

void
view_fmt_compact(simtime_t us, char *out, size_t len)
{
	int64_t s = us > 0 ? us / SIM_US_PER_S : 0;

	if (s < 60)
		snprintf(out, len, "%ds", (int)s);
	else if (s < 600)
		snprintf(out, len, "%d:%02d", (int)(s / 60), (int)(s % 60));
	else if (s < 3600)
		snprintf(out, len, "%dm", (int)(s / 60));
	else if (s < 100 * 3600)
		snprintf(out, len, "%dh%02d", (int)(s / 3600), (int)(s / 60 % 60));
	else
		snprintf(out, len, "%dh", (int)(s / 3600));
}

static int
ceil_div(int a, int b)
{
	return b > 0 ? (a + b - 1) / b : 0;
}

/* Diagrams only when every board of every panel fits: no scrolling diagrams. */
static bool
layout_diagrams_fit(const struct view_state *vs, const struct layout *lo)
{
	for (int p = 0; p < lo->npanels; p++) {
		const struct ui_rect *r = &lo->panel[p].boards;
		int cols = r->w / DIAGRAM_W;
		int n = vs->ex[p].nboards;

		if (cols < 1 || ceil_div(n, cols) * DIAGRAM_H - 1 > r->h)
			return false;
	}
	return true;
}

/*
 * The tallest tile with which every board fits, a blank line between rows
 * when there is room for one; one-line tiles, paged, when nothing else fits.
 */
static void
layout_tile_height(struct layout_panel *lp)
{
	int h = lp->boards.h, n = lp->total_rows;

	for (int th = TILE_MAX_H; th > 1; th--) {
		if (n * (th + 1) - 1 <= h) {
			lp->draw_h = th;
			lp->cell_h = th + 1;
			return;
		}
		if (n * th <= h) {
			lp->draw_h = th;
			lp->cell_h = th;
			return;
		}
	}
	lp->draw_h = 1;
	lp->cell_h = 1;
}

static void
layout_tiles(const struct view_state *vs, int p, struct layout_panel *lp)
{
	int n = vs->ex[p].nboards;
	int cols = (lp->boards.w + 1) / (TILE_MIN_W + 1);

	if (cols < 1)
		cols = 1;
	if (cols > n && n > 0)
		cols = n;
	lp->cols = cols;
	lp->cell_w = (lp->boards.w - (cols - 1)) / cols;
	if (lp->cell_w > TILE_MAX_W)
		lp->cell_w = TILE_MAX_W;
	lp->total_rows = ceil_div(n, cols);
	layout_tile_height(lp);
	if (lp->draw_h > 1) {
		lp->rows = lp->total_rows;
		return;
	}
	lp->rows = lp->boards.h;
	/* The last line says which boards are shown when not all fit. */
	if (lp->total_rows > lp->rows)
		lp->rows = lp->boards.h - 1;
	if (lp->rows < 1)
		lp->rows = 1;
}

static void
layout_scroll(struct view_state *vs, int p, struct layout_panel *lp)
{
	int top = vs->scroll[p];
	int max_top = lp->total_rows - lp->rows;

	if (p == vs->focus_ex && lp->cols > 0) {
		int row = vs->focus_board / lp->cols;

		if (row < top)
			top = row;
		if (row >= top + lp->rows)
			top = row - lp->rows + 1;
	}
	if (top > max_top)
		top = max_top;
	if (top < 0)
		top = 0;
	vs->scroll[p] = top;
	lp->first = top * lp->cols;
}

/*
 * The loop panel under each exhibition (l, or while stepping): the full
 * panel on a tall screen, one summary line on a small one, where the
 * boards and the totals come first.
 */
static int
layout_loop_height(const struct view_state *vs, int h)
{
	if (!vs->loop_panel && !vs->stepping)
		return 0;
	if (h >= 56)
		return LAYOUT_LOOP_MAX;
	return h >= LAYOUT_LOOP_FULL_H ? 10 : 1;
}

/*
 * Rows the boards leave empty on a large screen go to the loop panel:
 * the mechanism under the result, rather than blank space.
 */
static void
layout_spare_loop(struct layout_panel *lp)
{
	int used = lp->total_rows * lp->cell_h, spare = lp->boards.h - used;

	if (lp->loop.h > 0 || spare < LAYOUT_LOOP_SPARE)
		return;
	lp->loop.h = spare - 1 < LAYOUT_LOOP_MAX ? spare - 1 : LAYOUT_LOOP_MAX;
	lp->loop.x = lp->boards.x;
	lp->loop.w = lp->boards.w;
	lp->loop.y = lp->boards.y + lp->boards.h - lp->loop.h;
	lp->boards.h -= lp->loop.h;
}

void
layout_compute(struct view_state *vs, int w, int h, struct layout *out)
{
	int nex = vs->nex < VIEW_MAX_EX ? vs->nex : VIEW_MAX_EX;
	int status_h, summary_h, y0, y1, pw;

	memset(out, 0, sizeof(*out));
	out->w = w;
	out->h = h;
	out->min_w = nex * PANEL_MIN_W + (nex - 1);
	if (out->min_w < LAYOUT_MIN_W)
		out->min_w = LAYOUT_MIN_W;
	out->min_h = LAYOUT_MIN_H;
	if (w < out->min_w || h < out->min_h || nex < 1) {
		out->too_small = true;
		return;
	}
	out->npanels = nex;
	out->top = (struct ui_rect){ 0, 0, w, 1 };
	out->footer = (struct ui_rect){ 0, h - 1, w, 1 };
	status_h = h >= LAYOUT_TALL ? VIEW_STATUS_LINES : 1;
	out->status = (struct ui_rect){ 0, h - 1 - status_h, w, status_h };
	summary_h = vs->summary ? (h >= LAYOUT_TALL ? 4 : 2) : 0;
	out->summary = (struct ui_rect){ 0, out->status.y - summary_h, w, summary_h };
	y0 = 1;
	/* The legend first, the details line when asked for (or a stall shows), then the panels. */
	if (h >= LAYOUT_LEGEND_H)
		out->legend = (struct ui_rect){ 0, y0++, w, 1 };
	if (layout_details_shown(vs)) {
		if (h < LAYOUT_DETAILS_H && out->legend.h > 0)
			y0--, out->legend.h = 0;
		out->details = (struct ui_rect){ 0, y0++, w, 1 };
	}
	y1 = out->summary.y;
	pw = (w - (nex - 1)) / nex;
	for (int p = 0; p < nex; p++) {
		struct layout_panel *lp = &out->panel[p];
		int x = p * (pw + 1);
		int sy = y0 + PANEL_HEADER_H;
		int sh = h >= LAYOUT_TALL ? 2 : 1;
		int by = sy + sh + (h >= LAYOUT_TALL ? 1 : 0);

		int lh = layout_loop_height(vs, h);

		lp->rect = (struct ui_rect){ x, y0, pw, y1 - y0 };
		lp->header = (struct ui_rect){ x, y0, pw, PANEL_HEADER_H };
		lp->strip = (struct ui_rect){ x, sy, pw, sh };
		lp->boards = (struct ui_rect){ x, by, pw, y1 - by - lh };
		lp->loop = (struct ui_rect){ x, y1 - lh, pw, lh };
	}
	if (layout_diagrams_fit(vs, out)) {
		out->mode = LAYOUT_DIAGRAMS;
		for (int p = 0; p < nex; p++) {
			struct layout_panel *lp = &out->panel[p];

			lp->cell_w = DIAGRAM_W;
			lp->cell_h = DIAGRAM_H;
			lp->draw_h = DIAGRAM_H - 1;
			lp->cols = lp->boards.w / DIAGRAM_W;
			if (lp->cols > vs->ex[p].nboards && vs->ex[p].nboards > 0)
				lp->cols = vs->ex[p].nboards;
			lp->total_rows = ceil_div(vs->ex[p].nboards, lp->cols);
			lp->rows = lp->total_rows;
			lp->first = 0;
			vs->scroll[p] = 0;
			layout_spare_loop(lp);
		}
		return;
	}
	out->mode = LAYOUT_TILES;
	for (int p = 0; p < nex; p++) {
		layout_tiles(vs, p, &out->panel[p]);
		layout_scroll(vs, p, &out->panel[p]);
		if (out->panel[p].rows >= out->panel[p].total_rows)
			layout_spare_loop(&out->panel[p]);
	}
}

void
layout_sizes_print(FILE *f)
{
	fprintf(f, "sizes (columns x rows; each part needs at least):\n"
		   "  whole view     %dx%d (smaller: a message says what it needs)\n"
		   "  legend line    %d rows\n"
		   "  details line   beside the legend from %d rows, instead of it below\n"
		   "  loop panel     in full from %d rows (the queue and the timers), one line below\n"
		   "  model screen   %d columns; the symbols join the numbers from 80\n"
		   "  narration      3 lines from %d rows, 1 below\n"
		   "  totals, model and article figures and the speed-up are never cut: labels\n"
		   "  shorten and boards scroll first. Boards are chess diagrams when all fit.\n",
		LAYOUT_MIN_W, LAYOUT_MIN_H, LAYOUT_LEGEND_H, LAYOUT_DETAILS_H, LAYOUT_LOOP_FULL_H,
		LAYOUT_MIN_W, LAYOUT_TALL);
}

int
layout_columns(const struct layout *lo, int ex)
{
	if (ex < 0 || ex >= lo->npanels || lo->panel[ex].cols < 1)
		return 1;
	return lo->panel[ex].cols;
}

/* Where board i of panel lp is drawn, or false when scrolled away. */
static bool
layout_cell(const struct layout *lo, const struct layout_panel *lp, int i, struct ui_rect *r)
{
	int k = i - lp->first;
	int gap = lo->mode == LAYOUT_TILES ? 1 : 0;

	if (k < 0 || k >= lp->rows * lp->cols)
		return false;
	r->x = lp->boards.x + (k % lp->cols) * (lp->cell_w + gap);
	r->y = lp->boards.y + (k / lp->cols) * lp->cell_h;
	r->w = lp->cell_w;
	r->h = lp->draw_h;
	return true;
}

int
layout_hit(const struct view_state *vs, const struct layout *lo, int x, int y, int *ex,
	   int *board)
{
	if (lo->too_small)
		return -1;
	for (int p = 0; p < lo->npanels; p++) {
		const struct layout_panel *lp = &lo->panel[p];

		for (int i = lp->first; i < vs->ex[p].nboards; i++) {
			struct ui_rect r;

			if (!layout_cell(lo, lp, i, &r))
				break;
			if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) {
				*ex = p;
				*board = i;
				return 0;
			}
		}
	}
	return -1;
}

static void
layout_render_panel(const struct view_state *vs, const struct layout *lo, int p,
		    struct cellbuf *cb)
{
	const struct layout_panel *lp = &lo->panel[p];
	const struct view_exhibition *ex = &vs->ex[p];
	int shown = 0;

	header_view_draw(cb, lp->header, vs, ex);
	strip_view_draw(cb, lp->strip, vs, ex);
	cellbuf_clip(cb, lp->boards);
	for (int i = lp->first; i < ex->nboards; i++) {
		struct ui_rect r;
		bool focused = p == vs->focus_ex && i == vs->focus_board;

		if (!layout_cell(lo, lp, i, &r))
			break;
		if (lo->mode == LAYOUT_DIAGRAMS)
			board_view_diagram(cb, r.x, r.y, vs, ex, &ex->boards[i], focused);
		else
			board_view_tile(cb, r, vs, ex, &ex->boards[i], focused);
		shown++;
	}
	if (lp->total_rows > lp->rows && shown > 0) {
		int last = lp->first + shown;

		cellbuf_printf(cb, lp->boards.x, lp->boards.y + lp->rows * lp->cell_h, lp->boards.w, UI_DIM,
			       vs->ascii, "boards %d-%d of %d%s%s", lp->first + 1, last, ex->nboards,
			       lp->first > 0 ? (vs->ascii ? "  ^ PgUp" : "  \u2191 PgUp") : "",
			       last < ex->nboards ? (vs->ascii ? "  v PgDn" : "  \u2193 PgDn") : "");
	}
	cellbuf_unclip(cb);
	if (lp->loop.h > 0)
		loop_view_draw(cb, lp->loop, vs, ex);
}

void
layout_render(const struct view_state *vs, const struct layout *lo, struct cellbuf *cb)
{
	cellbuf_clear(cb);
	if (lo->too_small) {
		help_view_too_small(cb, lo, vs->ascii);
		return;
	}
	header_view_top(cb, lo->top, vs);
	if (lo->legend.h > 0)
		header_view_legend(cb, lo->legend, vs);
	if (lo->details.h > 0)
		header_view_details(cb, lo->details, vs);
	for (int p = 0; p < lo->npanels; p++) {
		const struct layout_panel *lp = &lo->panel[p];

		layout_render_panel(vs, lo, p, cb);
		if (p > 0)
			cellbuf_fill(cb, (struct ui_rect){ lp->rect.x - 1, lp->rect.y, 1, lp->rect.h },
				     vs->ascii ? '|' : 0x2502, UI_DIM);
	}
	if (lo->summary.h > 0)
		status_view_summary(cb, lo->summary, vs);
	status_view_draw(cb, lo->status, vs);
	status_view_footer(cb, lo->footer, vs);
	if (vs->zoom && vs->focus_ex >= 0 && vs->focus_ex < lo->npanels &&
	    vs->focus_board >= 0 && vs->focus_board < vs->ex[vs->focus_ex].nboards) {
		const struct view_exhibition *ex = &vs->ex[vs->focus_ex];
		int zw = lo->w - 8 < 76 ? lo->w - 8 : 76;
		int zh = lo->h - 4 < 16 ? lo->h - 4 : 16;
		struct ui_rect r = { (lo->w - zw) / 2, (lo->h - zh) / 2, zw, zh };

		board_view_large(cb, r, vs, ex, &ex->boards[vs->focus_board]);
	}
	if (vs->model_screen)
		model_view_draw(cb, vs);
	if (vs->help)
		help_view_draw(cb, vs);
}
