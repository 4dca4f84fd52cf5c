/*
 * The top bar and the header of each exhibition panel. The top bar carries
 * what concerns the whole screen: the exhibition in one line, the running
 * speed-up, the speed factor and the pause state. A panel header carries one
 * exhibition's figures: policy, its clock, projected total beside the
 * model's prediction, moves, master utilisation, and in one line of its own
 * what the master is doing right now, so the eye finds him at once.
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

void
header_view_top(struct cellbuf *cb, struct ui_rect r, const struct view_state *vs)
{
	char speed[32], right[96], ahead[64] = "";
	const char *times = vs->ascii ? "x" : "\u00d7";
	double best = 0;
	const char *best_name = NULL;
	int rw, aw, lw;

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
	header_fmt_speed(vs->speed, speed, sizeof(speed));
	snprintf(right, sizeof(right), "  %sspeed %s%s ", vs->greedy ? "GREEDY  " : "", speed, times);
	rw = ui_text_width(right);
	aw = ui_text_width(ahead);
	/* The pause state is the one thing nobody may miss: reverse, far right. */
	if (vs->paused) {
		const char *p = vs->ascii ? " || PAUSED " : " \u275a\u275a PAUSED ";
		int pw = ui_text_width(p);

		cellbuf_text(cb, r.x + r.w - pw, r.y, pw, UI_PAUSED, vs->ascii, p);
		rw += pw;
	} else {
		const char *p = vs->ascii ? " > running " : " \u25b6 running ";
		int pw = ui_text_width(p);

		cellbuf_text(cb, r.x + r.w - pw, r.y, pw, UI_TITLE, vs->ascii, p);
		rw += pw;
	}
	cellbuf_text(cb, r.x + r.w - rw, r.y, rw, UI_TITLE, vs->ascii, right);
	lw = r.w - rw - aw - 1;
	if (lw > 6) {
		cellbuf_printf(cb, r.x, r.y, lw, UI_TITLE, vs->ascii, " simul  %s", vs->title);
		cellbuf_text(cb, r.x + r.w - rw - aw, r.y, aw, UI_GOOD, vs->ascii, ahead);
	} else {
		cellbuf_text(cb, r.x, r.y, r.w - rw, UI_GOOD, vs->ascii, ahead);
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
		if (b != NULL && b->state == VIEW_BOARD_OPPONENT_THINKS && b->until > ex->now) {
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
		cellbuf_printf(cb, r.x + 1, r.y + 1, r.w - 1, UI_NORMAL, vs->ascii,
			       "%s %s   model %s", ex->finished ? "total" : "projected", proj, model);
	else
		cellbuf_printf(cb, r.x + 1, r.y + 1, r.w - 1, UI_NORMAL, vs->ascii, "%s %s",
			       ex->finished ? "total" : "projected", proj);
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
