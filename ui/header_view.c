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
double
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
	double best = 0;
	const char *best_name = NULL;
	int x = r.x + r.w, aw, lw;

	cellbuf_fill(cb, r, ' ', UI_TITLE);
	for (int i = 0; i < vs->nex; i++) {
		double s = header_view_speedup(vs, &vs->ex[i]);

		if (s > best) {
			best = s;
			best_name = vs->ex[i].policy;
		}
	}
	if (best > 0)
		snprintf(ahead, sizeof(ahead), " %s is %.1f%s ahead ",
			 vs->nex > 2 && best_name != NULL ? best_name : "async", best, times);
	/* The pause state is the one thing nobody may miss: reverse, far right. */
	if (vs->paused)
		header_from_right(cb, &x, r.y, UI_PAUSED, vs->ascii,
				  vs->ascii ? " || PAUSED " : " \u275a\u275a PAUSED ");
	else
		header_from_right(cb, &x, r.y, UI_TITLE, vs->ascii,
				  vs->ascii ? " > running " : " \u25b6 running ");
	header_fmt_speed(vs->speed, speed, sizeof(speed));
	snprintf(text, sizeof(text), "  speed %s%s ", speed, times);
	header_from_right(cb, &x, r.y, UI_TITLE, vs->ascii, text);
	if (vs->has_lateness) {
		char p99[24], max[24];
		bool loud = vs->late_max_ms > VIEW_LATE_LOUD_MS;

		header_fmt_ms(vs->late_p99_ms, p99, sizeof(p99));
		header_fmt_ms(vs->late_max_ms, max, sizeof(max));
		if (r.w >= 120)
			snprintf(text, sizeof(text), " loop late p99 %s, max %s ", p99, max);
		else
			snprintf(text, sizeof(text), " late max %s ", max);
		header_from_right(cb, &x, r.y, loud ? UI_PAUSED : UI_TITLE, vs->ascii, text);
		x--;
	}
	if (vs->greedy) {
		header_from_right(cb, &x, r.y, UI_PAUSED, vs->ascii, " GREEDY ");
		x--;
	}
	aw = ui_text_width(ahead);
	lw = x - r.x - aw - 1;
	if (lw > 6) {
		cellbuf_printf(cb, r.x, r.y, lw, UI_TITLE, vs->ascii, " simul  %s", vs->title);
		cellbuf_text(cb, x - aw, r.y, aw, UI_GOOD, vs->ascii, ahead);
	} else {
		cellbuf_text(cb, r.x, r.y, x - r.x, UI_GOOD, vs->ascii, ahead);
	}
}

/*
 * The sentence under the top bar on a tall live screen: what the lateness
 * figures above measure, so the teacher need not explain it twice, and
 * that the simulated totals do not care (they are exact; only the real
 * loop stalls). The long form when it fits, else the short one.
 */
void
header_view_loop(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	bool blocked = false;
	const char *text[2];
	enum ui_style style = UI_WAIT;

	for (int i = 0; i < vs->nex; i++)
		blocked = blocked || vs->ex[i].master_blocked;
	if (vs->greedy) {
		text[0] = " GREEDY: each search runs in one go inside a timer callback; until it "
			  "returns the loop answers no key, draws nothing. The simulated totals do not "
			  "change: they are exact; the stall is the real loop's.";
		text[1] = " GREEDY: the search runs in one go inside a callback; the loop stalls. "
			  "Simulated totals do not change (exact).";
	} else if (blocked) {
		text[0] = " BLOCKED: an opponent thinks inside a blocking call; here the callback "
			  "really sleeps, so the loop stalls too. Simulated totals are exact: the "
			  "cost shows in the strip and the totals.";
		text[1] = " BLOCKED: a blocking call stalls the loop too. Simulated totals are exact.";
	} else {
		text[0] = " the real loop: each search runs in slices between iterations (the "
			  "article's sleep(0)), so keys and frames stay on time. The simulated totals "
			  "are exact either way.";
		text[1] = " search in slices between loop iterations: keys and frames on time. "
			  "Simulated totals are exact.";
		style = UI_DIM;
	}
	cellbuf_fill(cb, r, ' ', UI_NORMAL);
	cellbuf_text(cb, r.x, r.y, r.w, style, vs->ascii,
		     ui_text_width(text[0]) <= r.w ? text[0] : text[1]);
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
	case VIEW_MASTER_THINKING:
		cellbuf_printf(cb, x, y, w, UI_MASTER, vs->ascii,
			       "%s master THINKS at board %d (%s)", king, ex->master_board, since);
		break;
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
			cellbuf_text(cb, x, y, w, UI_WAIT, vs->ascii, text);
		} else {
			cellbuf_printf(cb, x, y, w, UI_WAIT, vs->ascii, "%s master WAITS at board %d",
				       king, ex->master_board);
		}
		break;
	case VIEW_MASTER_DONE:
		cellbuf_printf(cb, x, y, w, UI_DIM, vs->ascii, "%s master done: all games over", king);
		break;
	case VIEW_MASTER_IDLE:
		cellbuf_printf(cb, x, y, w, UI_WAIT, vs->ascii,
			       "%s master WAITS: no board is ready (%s)", king, since);
		break;
	}
}

void
header_view_draw(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs,
		 const struct view_exhibition *ex)
{
	char clock[32], proj[32], model[32], name[32];
	const char *times = vs->ascii ? "x" : "\u00d7";
	double speedup = header_view_speedup(vs, ex);
	int n, cw;

	duration_hms(ex->now, clock, sizeof(clock));
	duration_hms(ex->projected, proj, sizeof(proj));
	if (ex->model >= 0)
		duration_hms(ex->model, model, sizeof(model));
	/* Row 0: the policy, loud, and this exhibition's clock at the right. */
	snprintf(name, sizeof(name), " %s ", ex->is_sync ? "SYNC" : "ASYNC");
	n = cellbuf_text(cb, r.x, r.y, r.w, ex->is_sync ? UI_SYNC : UI_ASYNC, vs->ascii, name);
	cw = ui_text_width(clock) + (ex->finished ? 10 : 1);
	cellbuf_text(cb, r.x + n + 1, r.y, r.w - n - cw - 2, UI_DIM, vs->ascii,
		     header_policy_text(ex));
	if (ex->finished)
		cellbuf_printf(cb, r.x + r.w - cw, r.y, cw, UI_GOOD, vs->ascii, "finished %s ", clock);
	else
		cellbuf_printf(cb, r.x + r.w - cw, r.y, cw, UI_BOLD, vs->ascii, "%s ", clock);
	/* Row 1: where it is heading, and what the model said. */
	if (ex->model >= 0)
		n = cellbuf_printf(cb, r.x + 1, r.y + 1, r.w - 1, UI_NORMAL, vs->ascii,
				   "%s %s   model %s", ex->finished ? "total" : "projected", proj, model);
	else
		n = cellbuf_printf(cb, r.x + 1, r.y + 1, r.w - 1, UI_NORMAL, vs->ascii, "%s %s",
				   ex->finished ? "total" : "projected", proj);
	/* Blocked time is simulated and exact: part of the total, not of the real stall. */
	if (ex->blocked_total >= SIM_US_PER_S) {
		duration_hms(ex->blocked_total, model, sizeof(model));
		cellbuf_printf(cb, r.x + 1 + n, r.y + 1, r.w - 1 - n, UI_WAIT, vs->ascii,
			       "   blocked %s", model);
	}
	/* Row 2: work done and how busy the master was; the speed-up if async. */
	n = cellbuf_printf(cb, r.x + 1, r.y + 2, r.w - 1, UI_NORMAL, vs->ascii,
			   r.w >= 46 ? "moves %" PRId64 "/%" PRId64 "   master busy %.0f%%" :
				       "moves %" PRId64 "/%" PRId64 "  busy %.0f%%",
			   ex->moves_played, ex->moves_total, ex->utilisation * 100.0);
	if (speedup > 0)
		cellbuf_printf(cb, r.x + 1 + n, r.y + 2, r.w - 1 - n, UI_GOOD, vs->ascii,
			       "  %.1f%s faster", speedup, times);
	header_master_line(cb, r.x + 1, r.y + 3, r.w - 1, vs, ex);
}
