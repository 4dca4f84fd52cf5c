/*
 * The top bar and the header of each exhibition panel. The top bar carries
 * what concerns the whole screen: the exhibition in one line, the running
 * speed-up, the speed factor, the pause state, and on the live clock the
 * real loop's lateness with a GREEDY marker when searches run unsliced (a
 * tall screen adds a line saying what those figures mean). A panel header
 * carries one exhibition's figures: policy, its clock, projected total
 * beside the model's prediction (and the time blocked, if any), moves,
 * master utilisation, and in one line of its own what the master is doing
 * right now, so the eye finds him at once; BLOCKED is loud.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ui/layout.h"

/*
 * How many times faster ex heads for its end than the synchronous one:
 * projected totals, which at the end are the measured ones. 0 when there
 * is nothing to compare.
 */
static double
header_view_speedup(const struct view_state *vs, const struct view_exhibition *ex)
{
	for (int i = 0; i < vs->nex; i++) {
		const struct view_exhibition *s = &vs->ex[i];

		if (s->is_sync && s != ex && !ex->is_sync && s->projected > 0 && ex->projected > 0)
			return (double)s->projected / (double)ex->projected;
	}
	return 0;
}

static void
header_fmt_speed(double speed, char *out, size_t len)
{
	if (speed >= 10 || speed == (int)speed)
		snprintf(out, len, "%.0f", speed);
	else
		snprintf(out, len, "%.2g", speed);
}

/* "0.4 ms", "12 ms", "1.3 s": two or three digits say all a class can read. */
static void
header_fmt_ms(double ms, char *out, size_t len)
{
	if (ms < 10)
		snprintf(out, len, "%.1f ms", ms);
	else if (ms < 1000)
		snprintf(out, len, "%.0f ms", ms);
	else
		snprintf(out, len, "%.1f s", ms / 1000);
}

/* Draws text so that it ends at *x, and moves *x to where it starts. */
static void
header_from_right(struct cellbuf *cb, int *x, int y, enum ui_style style, bool ascii,
		  const char *text)
{
	int w = ui_text_width(text);

	*x -= w;
	cellbuf_text(cb, *x, y, w, style, ascii, text);
}

/*
 * The top bar, right to left: the run state, the speed, the loop's
 * lateness (loud past VIEW_LATE_LOUD_MS), the GREEDY marker; then the
 * running speed-up and, in what is left, the title. Below 120 columns the
 * lateness keeps only its maximum, the figure a stall shows in.
 */
void
header_view_top(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	char speed[32], text[96], ahead[64] = "";
	const char *times = vs->ascii ? "x" : "\u00d7";
	/* Ten states: a sample every 100 ms (3 frames) never sees the same one twice. */
	static const char *const beat_u[] = { "\u280b", "\u2819", "\u2839", "\u2838", "\u283c",
					      "\u2834", "\u2826", "\u2827", "\u2807", "\u280f" };
	static const char *const beat_a[] = { "|", "/", "-", "\\" };
	double best = 0;
	const char *best_name = NULL;
	int x = r.x + r.w, aw, lw, bx;

	cellbuf_fill(cb, r, ' ', UI_TITLE);
	for (int i = 0; i < vs->nex; i++) {
		double s = header_view_speedup(vs, &vs->ex[i]);

		if (s > best) {
			best = s;
			best_name = vs->ex[i].policy;
		}
	}
	/* Projected totals come from the model: the speed-up is honest from the first frame. */
	if (best > 0)
		snprintf(ahead, sizeof(ahead), " %s%.1f%s faster ",
			 vs->nex > 2 && best_name != NULL ? best_name : "async ", best, times);
	/* The run state is the one thing nobody may miss: far right, loud when paused. */
	if (vs->finished)
		header_from_right(cb, &x, r.y, UI_GOOD_BAR, vs->ascii,
				  vs->ascii ? " # finished " : " \u25a0 finished ");
	else if (vs->paused)
		header_from_right(cb, &x, r.y, UI_PAUSED, vs->ascii,
				  vs->ascii ? " || PAUSED " : " \u275a\u275a PAUSED ");
	else if (vs->preparing) {
		/* The clock waits for the searches ahead (too fast for them): say so, with progress. */
		snprintf(text, sizeof(text), " preparing games %d%% ", vs->prepare_pct);
		header_from_right(cb, &x, r.y, UI_PAUSED, vs->ascii, text);
	} else if (vs->searching)
		/* The searches are slower than this speed: the clock waits for each (lower the speed). */
		header_from_right(cb, &x, r.y, UI_PAUSED, vs->ascii, " waiting for the search ");
	else
		header_from_right(cb, &x, r.y, UI_TITLE, vs->ascii,
				  vs->ascii ? " > running " : " \u25b6 running ");
	header_fmt_speed(vs->speed, speed, sizeof(speed));
	snprintf(text, sizeof(text), r.w >= 70 ? "  speed %s%s " : " %s%s ", speed, times);
	header_from_right(cb, &x, r.y, UI_TITLE, vs->ascii, text);
	if (vs->greedy) {
		header_from_right(cb, &x, r.y, UI_PAUSED, vs->ascii, " GREEDY ");
		x--;
	}
	/*
	 * The heartbeat: a spinner that turns once per frame drawn. When a
	 * callback holds the loop (greedy search, blocking call) no frame is
	 * drawn and it stops: the stall is visible without a figure.
	 */
	bx = r.x + 1;
	cellbuf_text(cb, bx, r.y, 1, UI_TITLE, vs->ascii,
		     vs->ascii ? beat_a[vs->beat % 4] : beat_u[vs->beat % 10]);
	aw = ui_text_width(ahead);
	lw = x - (bx + 2) - aw - 1;
	/* The title shortens, then goes, before the speed-up is cut. */
	if (lw >= ui_text_width(vs->title) + 8)
		cellbuf_printf(cb, bx + 2, r.y, lw, UI_TITLE, vs->ascii, "simul  %s", vs->title);
	else if (lw >= ui_text_width(vs->title_short) + 8)
		cellbuf_printf(cb, bx + 2, r.y, lw, UI_TITLE, vs->ascii, "simul  %s", vs->title_short);
	else if (lw >= 5)
		cellbuf_text(cb, bx + 2, r.y, lw, UI_TITLE, vs->ascii, "simul");
	cellbuf_text(cb, x - aw, r.y, aw, UI_GOOD_BAR, vs->ascii, ahead);
}

/*
 * The details line (key d; on by itself while greedy or blocking is on):
 * how the real loop keeps up, which the first screen leaves out. The
 * lateness is a rolling window of the last few seconds (the controller
 * resets it on a speed change), the stall the longest gap between two
 * frames in it. The simulated totals do not care: they are exact.
 */
void
header_view_details(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	bool blocked = false;
	char p99[24], max[24], stall[24], text[2][256];
	const char *what[2];
	enum ui_style style = UI_DIM;

	for (int i = 0; i < vs->nex; i++)
		blocked = blocked || vs->ex[i].master_blocked;
	header_fmt_ms(vs->late_p99_ms, p99, sizeof(p99));
	header_fmt_ms(vs->late_max_ms, max, sizeof(max));
	header_fmt_ms(vs->stall_ms, stall, sizeof(stall));
	if (vs->greedy) {
		what[0] = "GREEDY: each search runs in one go inside a callback; keys and frames wait";
		what[1] = "GREEDY: search in one go, loop stalls";
		style = UI_WAIT;
	} else if (blocked) {
		what[0] = "BLOCKED: a blocking call holds the loop; nothing else runs";
		what[1] = "BLOCKED: nothing else runs";
		style = UI_WAIT;
	} else {
		what[0] = "search in slices between loop iterations (the article's sleep(0))";
		what[1] = "search in slices";
	}
	snprintf(text[0], sizeof(text[0]),
		 " loop: stall %s, late p99 %s, max %s (last few s) \u00b7 %s \u00b7 simulated totals "
		 "stay exact", stall, p99, max, what[0]);
	snprintf(text[1], sizeof(text[1]), " stall %s, late max %s \u00b7 %s", stall, max, what[1]);
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	if (vs->has_lateness && vs->stall_ms > VIEW_LATE_LOUD_MS)
		style = UI_PAUSED;
	cellbuf_text(cb, r.x, r.y, r.w, style, vs->ascii,
		     ui_text_width(text[0]) <= r.w ? text[0] : text[1]);
}

/* One mark of the legend: the glyph in its colour, then what it means. */
struct legend_item {
	const char	*mark, *ascii_mark;
	enum ui_style	style;
	const char	*text, *short_text;
};

static const struct legend_item legend_items[] = {
	{ "\u2654", "@", UI_MASTER, "the master", "master" },
	{ "\u25cb\u25cf", "wb", UI_DIM, "master / opponent to move", "turn" },
	{ "\u2588\u2588", "##", UI_BAR, "time left to think", "think" },
	{ "3:00", "3:00", UI_WAIT, "how long a board has waited for the master", "waited" },
	{ "\u2588", "#", UI_BUSY, "strip: master busy", "busy" },
	{ "\u2591", ".", UI_WAIT, "strip: master idle, waiting", "idle" },
	{ "\u2573", "X", UI_PAUSED, "blocking call", "block" },
};

void
header_view_legend(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	int form, x, n = (int)(sizeof(legend_items) / sizeof(legend_items[0]));

	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	/* The long words when they all fit, else the short ones, else one space between. */
	for (form = 0; form < 2; form++) {
		int w = 1;

		for (int i = 0; i < n; i++)
			w += ui_text_width(vs->ascii ? legend_items[i].ascii_mark : legend_items[i].mark) +
			     1 + ui_text_width(form == 0 ? legend_items[i].text :
							   legend_items[i].short_text) + 2;
		if (w <= r.w)
			break;
	}
	x = r.x + 1;
	for (int i = 0; i < n; i++) {
		const struct legend_item *it = &legend_items[i];

		x += cellbuf_text(cb, x, r.y, r.x + r.w - x, it->style, vs->ascii,
				  vs->ascii ? it->ascii_mark : it->mark) + 1;
		x += cellbuf_text(cb, x, r.y, r.x + r.w - x, UI_DIM, vs->ascii,
				  form == 0 ? it->text : it->short_text) + (form < 2 ? 2 : 1);
	}
}

static const char *
header_policy_text(const struct view_exhibition *ex)
{
	if (ex->is_sync)
		return "one game at a time";
	if (strcmp(ex->policy, "round-robin") == 0)
		return "round-robin: fixed order";
	if (strcmp(ex->policy, "ready") == 0)
		return "ready queue";
	return ex->policy;
}

/*
 * Blocked is worse than waiting: he cannot walk on even if other boards
 * are ready. Loud, and the longest of three forms that fits.
 */
static void
header_blocked_line(struct cellbuf *cb, int x, int y, int w, const struct view_state *vs,
		    const struct view_exhibition *ex)
{
	const char *king = vs->ascii ? "@" : "\u2654";
	char left[32], text[3][128];
	int i = 0;

	view_fmt_short(ex->master_until - ex->now, left, sizeof(left));
	if (ex->master_until > ex->now) {
		snprintf(text[0], sizeof(text[0]),
			 "%s master BLOCKED at board %d: opponent thinks inside a blocking call, %s left",
			 king, ex->master_board, left);
		snprintf(text[1], sizeof(text[1]), "%s BLOCKED at board %d: blocking call, %s left",
			 king, ex->master_board, left);
	} else {
		snprintf(text[0], sizeof(text[0]),
			 "%s master BLOCKED at board %d: opponent thinks inside a blocking call", king,
			 ex->master_board);
		snprintf(text[1], sizeof(text[1]), "%s BLOCKED at board %d: blocking call", king,
			 ex->master_board);
	}
	snprintf(text[2], sizeof(text[2]), "%s BLOCKED at board %d", king, ex->master_board);
	while (i < 2 && ui_text_width(text[i]) > w)
		i++;
	cellbuf_text(cb, x, y, w, UI_PAUSED, vs->ascii, text[i]);
}

/* The master's line: where he is and what he does, in words. */
static void
header_master_line(struct cellbuf *cb, int x, int y, int w, const struct view_state *vs,
		   const struct view_exhibition *ex)
{
	const char *king = vs->ascii ? "@" : "\u2654";
	char since[32], left[32];
	const struct view_board *b = NULL;

	if (ex->master_board >= 1 && ex->master_board <= ex->nboards)
		b = &ex->boards[ex->master_board - 1];
	view_fmt_short(ex->now - ex->master_since, since, sizeof(since));
	switch (ex->master) {
	case VIEW_MASTER_THINKING: {
		char text[96];

		snprintf(text, sizeof(text), "%s master THINKS at board %d (%s)", king,
			 ex->master_board, since);
		if (ui_text_width(text) > w)
			snprintf(text, sizeof(text), "%s THINKS at board %d (%s)", king, ex->master_board,
				 since);
		cellbuf_text(cb, x, y, w, UI_MASTER, vs->ascii, text);
		break;
	}
	case VIEW_MASTER_WALKING:
		cellbuf_printf(cb, x, y, w, UI_MASTER, vs->ascii, "%s master walks to board %d", king,
			       ex->master_board);
		break;
	case VIEW_MASTER_WAITING:
		if (ex->master_blocked)
			header_blocked_line(cb, x, y, w, vs, ex);
		else if (b != NULL && b->state == VIEW_BOARD_OPPONENT_THINKS && b->until > ex->now) {
			char text[96];

			view_fmt_short(b->until - ex->now, left, sizeof(left));
			snprintf(text, sizeof(text), "%s master WAITS at board %d: opponent thinks, %s left",
				 king, ex->master_board, left);
			/* On a narrow panel the short form, rather than a cut sentence. */
			if (ui_text_width(text) > w)
				snprintf(text, sizeof(text), "%s WAITS at board %d: reply in %s", king,
					 ex->master_board, left);
			if (ui_text_width(text) > w)
				snprintf(text, sizeof(text), "%s WAITS at %d: reply in %s", king,
					 ex->master_board, left);
			cellbuf_text(cb, x, y, w, UI_WAIT, vs->ascii, text);
		} else {
			cellbuf_printf(cb, x, y, w, UI_WAIT, vs->ascii, "%s master WAITS at board %d",
				       king, ex->master_board);
		}
		break;
	case VIEW_MASTER_DONE:
		cellbuf_printf(cb, x, y, w, UI_DIM, vs->ascii,
			       w >= 29 ? "%s master done: all games over" : "%s done: all games over",
			       king);
		break;
	case VIEW_MASTER_IDLE:
		cellbuf_printf(cb, x, y, w, UI_WAIT, vs->ascii,
			       "%s master WAITS: no board is ready (%s)", king, since);
		break;
	}
}

/* Row 1 of a panel header, the widest form that fits; returns the columns written. */
static int
header_totals(struct cellbuf *cb, int x, int y, int w, const struct view_state *vs,
	      const struct view_exhibition *ex)
{
	char proj[32], model[32], art[32], text[4][128];
	bool same = ex->model == ex->projected;
	int i = 0;

	duration_hms(ex->projected, proj, sizeof(proj));
	duration_hms(ex->model, model, sizeof(model));
	duration_hms(ex->article, art, sizeof(art));
	if (ex->article < 0)
		return cellbuf_printf(cb, x, y, w, UI_NORMAL, vs->ascii, "%s %s",
				      ex->finished ? "total" : "projected", proj);
	if (!ex->finished) {
		snprintf(text[0], sizeof(text[0]), "projected %s (model)   article %s", proj, art);
		snprintf(text[1], sizeof(text[1]), "projected %s  article %s", proj, art);
		snprintf(text[2], sizeof(text[2]), "proj %s  art %s", proj, art);
		snprintf(text[3], sizeof(text[3]), "%s / %s", proj, art);
	} else if (same) {
		snprintf(text[0], sizeof(text[0]), "total %s = model   article %s", proj, art);
		snprintf(text[1], sizeof(text[1]), "total %s = model  art %s", proj, art);
		snprintf(text[2], sizeof(text[2]), "total %s  art %s", proj, art);
		snprintf(text[3], sizeof(text[3]), "%s / %s", proj, art);
	} else {
		snprintf(text[0], sizeof(text[0]), "total %s  model %s  article %s", proj, model, art);
		snprintf(text[1], sizeof(text[1]), "total %s  mod %s  art %s", proj, model, art);
		snprintf(text[2], sizeof(text[2]), "%s  mod %s  art %s", proj, model, art);
		snprintf(text[3], sizeof(text[3]), "%s / %s", proj, art);
	}
	while (i < 3 && ui_text_width(text[i]) > w)
		i++;
	return cellbuf_text(cb, x, y, w, ex->finished ? UI_GOOD : UI_NORMAL, vs->ascii, text[i]);
}

void
header_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		 const struct view_exhibition *ex)
{
	char clock[32], model[32], name[32];
	const char *times = vs->ascii ? "x" : "\u00d7";
	double speedup = header_view_speedup(vs, ex);
	int n, cw;

	duration_hms(ex->now, clock, sizeof(clock));
	/* Row 0: the policy, loud, and this exhibition's clock at the right. */
	snprintf(name, sizeof(name), " %s ", ex->is_sync ? "SYNC" : "ASYNC");
	n = cellbuf_text(cb, r.x, r.y, r.w, ex->is_sync ? UI_SYNC : UI_ASYNC, vs->ascii, name);
	cw = ui_text_width(clock) + (ex->finished ? 10 : 1);
	/* The policy's words whole or not at all: the badge says the rest. */
	if (ui_text_width(header_policy_text(ex)) <= r.w - n - cw - 2)
		cellbuf_text(cb, r.x + n + 1, r.y, r.w - n - cw - 2, UI_DIM, vs->ascii,
			     header_policy_text(ex));
	if (ex->finished)
		cellbuf_printf(cb, r.x + r.w - cw, r.y, cw, UI_GOOD, vs->ascii, "finished %s ", clock);
	else
		cellbuf_printf(cb, r.x + r.w - cw, r.y, cw, UI_BOLD, vs->ascii, "%s ", clock);
	/*
	 * Row 1: where it is heading (the model for the work left, so it is
	 * honest from the first frame) and the article's closed form beside
	 * it; at the end the measured total, = model when they agree. The
	 * labels shorten before a figure is cut.
	 */
	n = header_totals(cb, r.x + 1, r.y + 1, r.w - 1, vs, ex);
	/* Blocked time is simulated and exact: part of the total, not of the real stall. */
	if (ex->blocked_total >= SIM_US_PER_S) {
		duration_hms(ex->blocked_total, model, sizeof(model));
		cellbuf_printf(cb, r.x + 1 + n, r.y + 1, r.w - 1 - n, UI_WAIT, vs->ascii,
			       "   blocked %s", model);
	}
	/*
	 * Row 2: work done and how busy the master was; the speed-up if
	 * async, which is never cut: the words around it go first.
	 */
	{
		static const char *const forms[] = {
			"moves %" PRId64 "/%" PRId64 "   master busy %.0f%%",
			"moves %" PRId64 "/%" PRId64 "  busy %.0f%%",
			"%" PRId64 "/%" PRId64 "  busy %.0f%%",
		};
		char work[64], sp[32] = "";
		int f = 0;

		if (speedup > 0)
			snprintf(sp, sizeof(sp), "  %.1f%s faster", speedup, times);
		for (;; f++) {
			snprintf(work, sizeof(work), forms[f], ex->moves_played, ex->moves_total,
				 ex->utilisation * 100.0);
			if (f == 2 || ui_text_width(work) + ui_text_width(sp) <= r.w - 1)
				break;
		}
		if (ui_text_width(work) + ui_text_width(sp) > r.w - 1 && speedup > 0)
			snprintf(sp, sizeof(sp), "  %.1f%s", speedup, times);
		n = cellbuf_text(cb, r.x + 1, r.y + 2, r.w - 1, UI_NORMAL, vs->ascii, work);
		cellbuf_text(cb, r.x + 1 + n, r.y + 2, r.w - 1 - n, UI_GOOD, vs->ascii, sp);
	}
	header_master_line(cb, r.x + 1, r.y + 3, r.w - 1, vs, ex);
}
